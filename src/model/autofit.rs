//! Column widths from a table's content, as a word processor's "fit to contents" does
//! (issue 9): a short column gets the width of its longest cell on one line, so that STT,
//! dates, names of offices never wrap; the long text columns share what is left in
//! proportion to their need, never narrower than their longest word.
//!
//! Pure arithmetic over measured widths: the caller measures text (12 pt, the tables'
//! size) with the bundled font, and the PDF, the Word twin and the web page all print the
//! result as relative widths.

/// What one column needs, in points, insets included.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Need {
    /// The longest word (or number): narrower, and the word would break.
    pub min: f64,
    /// The longest cell on one line: wider is wasted.
    pub max: f64,
    /// Wide enough for four cells in five on one line: a column of short names with one
    /// long cell is still a short column (the long cell wraps, the others do not).
    pub typical: f64,
    /// A width the clerk fixed (`rong_cot`), in points.
    pub fixed: Option<f64>,
    /// A column that may take more than it needs when the table is wider than its content
    /// (text, not STT and not numbers).
    pub stretches: bool,
    /// How many printed columns this is (a group of equal number columns sized as one).
    pub span: usize,
}

/// "STT", "TT", "Số TT", "Mã": a column of ordinals, centred and as narrow as they are.
pub fn ordinal(header: &str) -> bool {
    let h = header.trim().to_lowercase();
    ["stt", "tt", "số tt", "mã"].contains(&h.as_str())
}

/// The width of an A4 page's text area in points, 30 mm and 15 mm margins (nd30.md §1):
/// what a table spans.
pub fn print_width(landscape: bool) -> f64 {
    let mm = if landscape { 252.0 } else { 165.0 };
    mm * 72.0 / 25.4
}

/// Cell insets left and right (3 pt each in the layouts) and the rules.
pub const PAD: f64 = 7.0;

/// A header cell wraps to at most this many lines where the table's width allows: a
/// column narrower than that stacks its title a word a line (Biểu 06's "Trực tiếp, dịch
/// vụ bưu chính" took five lines at a fixed width).
pub const HEADER_LINES: usize = 3;

/// The narrowest width (no insets) at which `text`, wrapped at its spaces, takes at most
/// `lines` lines: the width of some run of its words, the longest word at least.
pub fn wrapped(text: &str, lines: usize, measure: &dyn Fn(&str) -> f64) -> f64 {
    let words: Vec<&str> = text.split_whitespace().collect();
    let longest = words.iter().map(|w| measure(w)).fold(0.0, f64::max);
    // Greedy wrapping at `width`: how many lines.
    let count = |width: f64| {
        let (mut n, mut start) = (0, 0);
        while start < words.len() {
            let mut end = start + 1;
            while end < words.len() && measure(&words[start..=end].join(" ")) <= width + 1e-9 {
                end += 1;
            }
            n += 1;
            start = end;
        }
        n
    };
    let mut candidates: Vec<f64> = (0..words.len())
        .flat_map(|i| (i + 1..=words.len()).map(move |j| (i, j)))
        .map(|(i, j)| measure(&words[i..j].join(" ")))
        .filter(|w| *w >= longest)
        .collect();
    candidates.sort_by(f64::total_cmp);
    candidates
        .into_iter()
        .find(|w| count(*w) <= lines)
        .unwrap_or(longest)
}

/// What a column of `cells` needs: `measure(text, bold)` is the width in points of text on
/// one line. Header cells are bold; they may wrap at their spaces like any cell, to at
/// most [`HEADER_LINES`] lines.
pub fn need(header: &str, cells: &[&str], measure: &dyn Fn(&str, bool) -> f64) -> Need {
    let mut min: f64 = wrapped(header, HEADER_LINES, &|t| measure(t, true));
    let mut max: f64 = 0.0;
    let mut each: Vec<f64> = Vec::new();
    for (text, bold) in std::iter::once((header, true)).chain(cells.iter().map(|c| (*c, false))) {
        let mut cell: f64 = 0.0;
        for line in text.lines() {
            cell = cell.max(measure(line.trim(), bold));
            for word in line.split_whitespace() {
                min = min.max(measure(word, bold));
            }
        }
        max = max.max(cell);
        each.push(cell);
    }
    each.sort_by(f64::total_cmp);
    let typical = each
        .get((each.len() * 4).div_ceil(5).saturating_sub(1))
        .copied()
        .unwrap_or(0.0);
    Need {
        min: min + PAD,
        max: max.max(min) + PAD,
        typical: typical.max(min) + PAD,
        fixed: None,
        stretches: true,
        span: 1,
    }
}

/// Widths in points summing to `total`.
///
/// Fixed columns first. Then, by water-filling, every column whose one-line width fits
/// within an equal share of the room left gets that width (shares are recomputed as columns
/// are settled). The columns left share the rest in proportion to their one-line width, each
/// at least its longest word. If everything fits on one line, the room left goes to the
/// stretching columns in proportion to their width.
pub fn widths(needs: &[Need], total: f64) -> Vec<f64> {
    let n = needs.len();
    let mut w: Vec<Option<f64>> = needs.iter().map(|c| c.fixed).collect();
    let mut room = total - w.iter().flatten().sum::<f64>();
    loop {
        let open: Vec<usize> = (0..n).filter(|&i| w[i].is_none()).collect();
        if open.is_empty() {
            break;
        }
        let share = room / open.len() as f64;
        let short: Vec<usize> = open
            .iter()
            .copied()
            .filter(|&i| needs[i].typical <= share)
            .collect();
        if short.is_empty() {
            // The long columns: by the square root of their need, so that a medium column
            // (office names) beside a very long one (task names) is not starved to a word
            // a line; never under their longest word.
            let weight = |i: usize| needs[i].max.sqrt();
            let mut long = open;
            loop {
                let sum: f64 = long.iter().map(|&i| weight(i)).sum();
                let under: Vec<usize> = long
                    .iter()
                    .copied()
                    .filter(|&i| room * weight(i) / sum < needs[i].min)
                    .collect();
                if under.is_empty() {
                    for &i in &long {
                        w[i] = Some(room * weight(i) / sum);
                    }
                    break;
                }
                for &i in &under {
                    w[i] = Some(needs[i].min);
                    room -= needs[i].min;
                }
                long.retain(|i| !under.contains(i));
                if long.is_empty() {
                    break;
                }
            }
            break;
        }
        for &i in &short {
            // All on one line if that fits the share, else four cells in five; never so
            // much that a column still open is left less than its longest word.
            let width = if needs[i].max <= share {
                needs[i].max
            } else {
                needs[i].typical
            };
            let others: f64 = (0..n)
                .filter(|&j| j != i && w[j].is_none())
                .map(|j| needs[j].min)
                .sum();
            let width = width.min(room - others).max(needs[i].min);
            w[i] = Some(width);
            room -= width;
        }
    }
    let mut w: Vec<f64> = w.into_iter().map(|x| x.unwrap_or(0.0)).collect();
    // Room left over goes first to the columns below their one-line width (a header
    // wrapped over a column of short figures): all widen alike, each up to its one-line
    // width, so that no header is left wrapping far more than the others.
    let mut spare = total - w.iter().sum::<f64>();
    let mut lacking: Vec<usize> = (0..n)
        .filter(|&i| needs[i].fixed.is_none() && w[i] < needs[i].max - 1e-9)
        .collect();
    while spare > 1e-6 && !lacking.is_empty() {
        let rate: f64 = lacking.iter().map(|&i| needs[i].span as f64).sum();
        let step = lacking
            .iter()
            .map(|&i| (needs[i].max - w[i]) / needs[i].span as f64)
            .fold(spare / rate, f64::min);
        for &i in &lacking {
            w[i] += step * needs[i].span as f64;
        }
        spare -= step * rate;
        lacking.retain(|&i| w[i] < needs[i].max - 1e-9);
    }
    // Then, everything on one line, the text columns widen, as a table set to the page's
    // width does.
    let spare = total - w.iter().sum::<f64>();
    if spare > 1e-6 {
        let takers: Vec<usize> = (0..n)
            .filter(|&i| needs[i].stretches && needs[i].fixed.is_none())
            .collect();
        let takers = if takers.is_empty() {
            (0..n).collect()
        } else {
            takers
        };
        let sum: f64 = takers.iter().map(|&i| w[i]).sum();
        for &i in &takers {
            w[i] += if sum > 0.0 {
                spare * w[i] / sum
            } else {
                spare / takers.len() as f64
            };
        }
    }
    w
}

/// One column of a table to size: its header, its cells, and what kind it is.
pub struct Column<'a> {
    pub header: &'a str,
    pub cells: Vec<&'a str>,
    /// Numbers (right-aligned): as narrow as they are, never stretched.
    pub numeric: bool,
    /// A width the clerk fixed, in points.
    pub fixed: Option<f64>,
}

/// Column widths in points across `total` for `columns` under an optional row of header
/// `groups` (Biểu 06). A group of number columns under one title is sized as one: its
/// columns equal, wide enough for the title's longest word and for the widest of them,
/// so that figures of one kind line up at one width; a group holding text sizes its
/// columns one by one. `measure(text, bold)` is the width of 12 pt text on one line.
pub fn fit_columns(
    columns: &[Column],
    groups: &[super::HeaderGroup],
    total: f64,
    measure: &dyn Fn(&str, bool) -> f64,
) -> Vec<f64> {
    let one = |c: &Column| {
        let mut need = need(c.header, &c.cells, measure);
        need.stretches = !ordinal(c.header) && !c.numeric;
        need.fixed = c.fixed;
        need
    };
    // Units sized together: (first column, span, need).
    let mut units: Vec<(usize, usize, Need)> = Vec::new();
    let mut at = 0;
    let spans: Vec<(usize, &str)> = if groups.iter().map(|g| g.span).sum::<usize>() == columns.len()
    {
        groups.iter().map(|g| (g.span, g.title.as_str())).collect()
    } else {
        columns.iter().map(|_| (1, "")).collect()
    };
    for (span, title) in spans {
        let members = &columns[at..at + span];
        if span > 1 && !title.is_empty() && members.iter().all(|c| c.numeric) {
            let each: Vec<Need> = members.iter().map(one).collect();
            let k = span as f64;
            let most = |f: fn(&Need) -> f64| each.iter().map(f).fold(0.0, f64::max) * k;
            // The title on two lines at most.
            let title_min = wrapped(title, 2, &|t| measure(t, true)) + PAD;
            let title_max = measure(title, true) + PAD;
            let min = most(|n| n.min).max(title_min);
            let fixed: Option<Vec<f64>> = each.iter().map(|n| n.fixed).collect();
            units.push((
                at,
                span,
                Need {
                    min,
                    max: most(|n| n.max).max(title_max).max(min),
                    typical: most(|n| n.typical).max(min),
                    fixed: fixed.map(|f| f.iter().sum()),
                    stretches: false,
                    span,
                },
            ));
        } else {
            for (j, c) in members.iter().enumerate() {
                units.push((at + j, 1, one(c)));
            }
        }
        at += span;
    }
    let needs: Vec<Need> = units.iter().map(|u| u.2).collect();
    let sized = widths(&needs, total);
    let mut out = vec![0.0; columns.len()];
    for ((first, span, _), w) in units.iter().zip(sized) {
        for x in &mut out[*first..first + span] {
            *x = w / *span as f64;
        }
    }
    out
}

/// The assignment table's widths in points across `total`: its six columns (STT, tiêu
/// chí, yêu cầu, thời hạn, chủ trì, tham mưu) from their content, the area rows spanning
/// all but STT taking none.
pub fn fit_assignments(
    t: &super::AssignmentTable,
    total: f64,
    measure: &dyn Fn(&str, bool) -> f64,
) -> Vec<f64> {
    let c = &t.columns;
    let rows: Vec<&super::Assignment> = t.areas.iter().flat_map(|a| &a.rows).collect();
    let staff: Vec<String> = rows
        .iter()
        .map(|r| {
            r.staff
                .iter()
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        })
        .collect();
    fn column<'a>(header: &'a str, cells: Vec<&'a str>) -> Column<'a> {
        Column {
            header,
            cells,
            numeric: false,
            fixed: None,
        }
    }
    let codes = t
        .areas
        .iter()
        .map(|a| a.numeral.as_str())
        .chain(rows.iter().map(|r| r.code.as_str()))
        .collect();
    let columns = [
        column(&c.stt, codes),
        column(
            &c.criterion,
            rows.iter().map(|r| r.criterion.as_str()).collect(),
        ),
        column(
            &c.requirement,
            rows.iter().map(|r| r.requirement.as_str()).collect(),
        ),
        column(
            &c.deadline,
            rows.iter()
                .map(|r| r.deadline.as_ref().map_or("", |d| d.text.as_str()))
                .collect(),
        ),
        column(
            &c.lead,
            rows.iter()
                .map(|r| r.lead.as_deref().unwrap_or(""))
                .collect(),
        ),
        column(&c.staff, staff.iter().map(String::as_str).collect()),
    ];
    fit_columns(&columns, &[], total, measure)
}

/// A table's column widths in points across `total`: those in its `widths` (millimetres,
/// as a clerk writes `rong_cot`) as given, 0 or left out from the content. `measure` is the
/// width of 12 pt text on one line, bold or not.
pub fn fit(table: &mut super::Table, total: f64, measure: &dyn Fn(&str, bool) -> f64) {
    let columns: Vec<Column> = (0..table.header.len())
        .map(|i| Column {
            header: &table.header[i],
            cells: table
                .rows
                .iter()
                .filter_map(|r| r.get(i).map(String::as_str))
                .collect(),
            numeric: table.numeric.get(i).copied().unwrap_or(false),
            fixed: table
                .widths
                .get(i)
                .filter(|w| **w > 0.0)
                .map(|w| w * 72.0 / 25.4),
        })
        .collect();
    table.widths = fit_columns(&columns, &table.groups, total, measure);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col(min: f64, max: f64) -> Need {
        Need {
            min,
            max,
            typical: max,
            fixed: None,
            stretches: true,
            span: 1,
        }
    }

    /// Six points a letter, bold or not; words are letters, spaces count.
    fn chars(t: &str, _bold: bool) -> f64 {
        6.0 * t.chars().count() as f64
    }

    #[test]
    fn a_header_wraps_to_three_lines_at_most() {
        let m = |t: &str| chars(t, true);
        // "aaaa bb cc dd": three lines need "aaaa" and "bb cc" (5 letters), not less.
        assert_eq!(wrapped("aaaa bb cc dd", 3, &m), 30.0);
        assert_eq!(wrapped("aaaa bb cc dd", 1, &m), 78.0);
        assert_eq!(wrapped("", 3, &m), 0.0);
    }

    #[test]
    fn number_columns_under_one_title_are_equal_and_wide_enough_for_their_headers() {
        use crate::model::HeaderGroup;
        let column = |header, cells: Vec<&'static str>, numeric| Column {
            header,
            cells,
            numeric,
            fixed: None,
        };
        let columns = [
            column("STT", vec!["1", "2"], false),
            column("Area", vec!["Long area name", "Short"], false),
            column("Total", vec!["1.164", "2"], true),
            column("Sent by post office", vec!["3", "4"], true),
            column("Late", vec!["0", "1"], true),
        ];
        let groups: Vec<HeaderGroup> = [("", 1), ("", 1), ("Received files", 3)]
            .map(|(t, span)| HeaderGroup {
                title: t.into(),
                span,
            })
            .to_vec();
        let w = fit_columns(&columns, &groups, 400.0, &chars);
        assert!((w.iter().sum::<f64>() - 400.0).abs() < 1e-6, "{w:?}");
        assert!(
            (w[2] - w[3]).abs() < 1e-9 && (w[3] - w[4]).abs() < 1e-9,
            "{w:?}"
        );
        // "Sent by post office" on three lines at most: "Sent by" is 7 letters.
        assert!(w[3] >= 42.0 + PAD, "{w:?}");
        // The area column holds its longest name on one line.
        assert!(w[1] >= 84.0 + PAD - 1e-9, "{w:?}");
    }

    #[test]
    fn a_column_settled_early_leaves_the_others_their_longest_word() {
        // The first is short at an equal share, but its one-line width would leave the
        // second less than its longest word.
        let needs = [col(20.0, 100.0), col(180.0, 400.0)];
        let w = widths(&needs, 250.0);
        assert!(w[1] >= 180.0 - 1e-9, "{w:?}");
        assert!(
            (w.iter().sum::<f64>() - 250.0).abs() < 1e-6,
            "wider than the page: {w:?}"
        );
    }

    #[test]
    fn short_columns_keep_one_line_and_the_long_one_takes_the_rest() {
        // STT, a long task, two office names, a date: 700 pt of text.
        let needs = [
            Need {
                stretches: false,
                ..col(20.0, 20.0)
            },
            col(60.0, 1500.0),
            col(50.0, 90.0),
            col(55.0, 300.0),
            col(45.0, 70.0),
        ];
        let w = widths(&needs, 700.0);
        assert!((w.iter().sum::<f64>() - 700.0).abs() < 1e-6);
        assert_eq!((w[0], w[2], w[4]), (20.0, 90.0, 70.0));
        // The rest shared by the square root of need: the task √5 times the partners.
        assert!((w[1] / w[3] - 5f64.sqrt()).abs() < 1e-6, "{w:?}");
    }

    #[test]
    fn a_table_that_fits_widens_its_text_columns_only() {
        let needs = [
            Need {
                stretches: false,
                ..col(20.0, 20.0)
            },
            col(30.0, 100.0),
            col(30.0, 100.0),
        ];
        assert_eq!(widths(&needs, 420.0), vec![20.0, 200.0, 200.0]);
    }

    #[test]
    fn no_column_is_narrower_than_its_longest_word() {
        let needs = [col(100.0, 110.0), col(40.0, 2000.0), col(40.0, 2000.0)];
        let w = widths(&needs, 300.0);
        assert!(
            w.iter().zip(&needs).all(|(w, n)| *w >= n.min - 1e-9),
            "{w:?}"
        );
    }
}
