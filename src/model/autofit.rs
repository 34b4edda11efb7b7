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
}

/// "STT", "TT", "Số TT", "Mã": a column of ordinals, centred and as narrow as they are.
pub fn ordinal(header: &str) -> bool {
    let h = header.trim().to_lowercase();
    ["stt", "tt", "số tt", "mã"].contains(&h.as_str())
}

/// Cell insets left and right (3 pt each in the layouts) and the rules.
pub const PAD: f64 = 7.0;

/// What a column of `cells` needs: `measure(text, bold)` is the width in points of text on
/// one line. Header cells are bold; they may wrap at their spaces like any cell.
pub fn need(header: &str, cells: &[&str], measure: &dyn Fn(&str, bool) -> f64) -> Need {
    let mut min: f64 = 0.0;
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
            // All on one line if that fits the share, else four cells in five.
            let width = if needs[i].max <= share {
                needs[i].max
            } else {
                needs[i].typical
            };
            w[i] = Some(width);
            room -= width;
        }
    }
    let mut w: Vec<f64> = w.into_iter().map(|x| x.unwrap_or(0.0)).collect();
    // Room left over when everything fits: the text columns widen, as a table set to the
    // page's width does.
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

/// A table's column widths in points across `total`: those in its `widths` (millimetres,
/// as a clerk writes `rong_cot`) as given, 0 or left out from the content. `measure` is the
/// width of 12 pt text on one line, bold or not.
pub fn fit(table: &mut super::Table, total: f64, measure: &dyn Fn(&str, bool) -> f64) {
    let needs: Vec<Need> = (0..table.header.len())
        .map(|i| {
            let cells: Vec<&str> = table
                .rows
                .iter()
                .filter_map(|r| r.get(i).map(String::as_str))
                .collect();
            let mut need = need(&table.header[i], &cells, measure);
            need.stretches =
                !ordinal(&table.header[i]) && !table.numeric.get(i).copied().unwrap_or(false);
            need.fixed = table
                .widths
                .get(i)
                .filter(|w| **w > 0.0)
                .map(|w| w * 72.0 / 25.4);
            need
        })
        .collect();
    table.widths = widths(&needs, total);
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
        }
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
