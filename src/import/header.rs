//! Finding a table in a sheet: the title rows above it, its header of one to three rows
//! (merged group titles over their columns), an optional row of column numbers "(1) (2) …",
//! and the data rows below.

use super::cell;
use super::grid::{Grid, Value};

/// A column of the table with its title as written, top header row first.
#[derive(Debug, Clone)]
pub struct Column {
    pub index: u32,
    /// Distinct titles from the top header row down: ["Số hồ sơ nhận giải quyết",
    /// "Trong đó", "Trực tuyến"].
    pub parts: Vec<String>,
}

impl Column {
    /// The lowest title, the column's own name ("Trực tuyến").
    pub fn leaf(&self) -> &str {
        self.parts.last().map_or("", String::as_str)
    }

    /// The whole title on one line: "Số hồ sơ nhận giải quyết: Trực tuyến".
    pub fn title(&self) -> String {
        self.parts.join(": ")
    }

    /// Folded leaf and folded whole title, for matching.
    pub fn keys(&self) -> (String, String) {
        (key(self.leaf()), key(&self.title()))
    }
}

#[derive(Debug, Clone)]
pub struct Table {
    /// The text of the last title row above the header, if any ("PHÂN CÔNG THỰC HIỆN …").
    pub title: Option<String>,
    pub header_top: u32,
    pub header_bottom: u32,
    pub columns: Vec<Column>,
    /// Visible rows below the header (and below a row of column numbers), empty ones left out.
    pub rows: Vec<u32>,
    pub hidden_rows: Vec<u32>,
    pub hidden_cols: Vec<u32>,
}

/// Lower case, no diacritics, every run of other characters one space: "Thời hạn\nhoàn
/// thành" → "thoi han hoan thanh".
pub fn key(s: &str) -> String {
    let folded = crate::suggest::fold(s);
    folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words that title a column of a table (folded): whole titles for the short ones, parts
/// of a title for the others.
const COLUMN_WORDS: &[&str] = &[
    "stt",
    "tt",
    "ma",
    "ten",
    "so tt",
    "so thu tu",
    "noi dung",
    "linh vuc",
    "nhiem vu",
    "tieu chi",
    "chi tieu",
    "so lieu",
    "so luong",
    "thoi han",
    "chu tri",
    "yeu cau",
];

fn distinct_nonempty(grid: &Grid, row: u32, cols: &[u32]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for &c in cols {
        let v = grid.get(row, c);
        if !v.is_empty() {
            let s = v.shown();
            if !seen.contains(&s) {
                seen.push(s);
            }
        }
    }
    seen
}

fn is_texty(v: &Value) -> bool {
    match v {
        Value::Text(t) => cell::parse_number(t).is_none(),
        Value::Empty => true,
        _ => false,
    }
}

/// "(1) (2) (3) …" or "1 2 3 …" under a header: column numbers, not data.
fn is_numbering_row(grid: &Grid, row: u32, cols: &[u32]) -> bool {
    let mut numbers = Vec::new();
    for &c in cols {
        let v = grid.get(row, c);
        if v.is_empty() {
            continue;
        }
        let s = v.shown();
        let inner = s.trim().trim_start_matches('(').trim_end_matches(')');
        match inner.parse::<u32>() {
            Ok(n) => numbers.push(n),
            Err(_) if inner.len() == 1 && inner.chars().all(|c| c.is_ascii_uppercase()) => {}
            Err(_) => return false,
        }
    }
    numbers.len() >= 3 && numbers.windows(2).all(|w| w[1] == w[0] + 1)
}

/// The table of `grid`: the first row with two or more different titles is the header's
/// top row; merged titles that start there, and rows of titles under it, extend it.
pub fn find(grid: &Grid) -> Option<Table> {
    let cols: Vec<u32> = (0..grid.width())
        .filter(|c| !grid.hidden_cols.contains(c))
        .collect();
    let visible: Vec<u32> = (0..grid.height())
        .filter(|r| !grid.hidden_rows.contains(r))
        .collect();
    // The header is the first row of two or more titles that names a column the way
    // tables do (STT, Nội dung, Lĩnh vực …); failing that, the first row of two or more
    // titles. The first rule steps over the issuer and motto block that official sheets
    // carry above the table ("UBND XÃ …" | "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").
    let candidates: Vec<u32> = visible
        .iter()
        .copied()
        .take(30)
        .filter(|&r| {
            let texts = cols
                .iter()
                .filter(|&&c| !grid.get(r, c).is_empty())
                .all(|&c| is_texty(grid.get(r, c)));
            texts && distinct_nonempty(grid, r, &cols).len() >= 2
        })
        .collect();
    let names_a_column = |r: u32| {
        distinct_nonempty(grid, r, &cols).iter().any(|v| {
            let k = key(v);
            COLUMN_WORDS
                .iter()
                .any(|w| k == *w || (w.contains(' ') && k.contains(w)))
        })
    };
    let top = candidates
        .iter()
        .copied()
        .find(|&r| names_a_column(r))
        .or(candidates.first().copied());
    // The last one-value row above the header is the table's title.
    let title = top.and_then(|top| {
        visible
            .iter()
            .copied()
            .filter(|&r| r < top)
            .filter_map(|r| match distinct_nonempty(grid, r, &cols).as_slice() {
                [only] => Some(cell::one_line(only)),
                _ => None,
            })
            .next_back()
    });
    let top = top?;
    let mut bottom = grid
        .merged
        .iter()
        .filter(|m| m.top == top && cols.contains(&m.left))
        .map(|m| m.bottom)
        .max()
        .unwrap_or(top)
        .min(top + 2);
    // Without merges (CSV, ODS): rows of titles whose first column is blank or repeats the
    // one above continue the header.
    while bottom < top + 2 {
        let next = bottom + 1;
        let first = cols.first().copied().unwrap_or(0);
        let first_ok =
            grid.get(next, first).is_empty() || grid.get(next, first) == grid.get(bottom, first);
        let all_text = cols.iter().all(|&c| is_texty(grid.get(next, c)));
        if first_ok && all_text && distinct_nonempty(grid, next, &cols).len() >= 2 {
            bottom = next;
        } else {
            break;
        }
    }
    let columns = columns(grid, top, bottom, &cols);
    let mut first_data = bottom + 1;
    if is_numbering_row(grid, first_data, &cols) {
        first_data += 1;
    }
    let rows = visible
        .iter()
        .copied()
        .filter(|&r| r >= first_data)
        .filter(|&r| cols.iter().any(|&c| !grid.get(r, c).is_empty()))
        .collect();
    Some(Table {
        title,
        header_top: top,
        header_bottom: bottom,
        columns,
        rows,
        hidden_rows: grid
            .hidden_rows
            .iter()
            .copied()
            .filter(|&r| r > bottom && r < grid.height())
            .collect(),
        hidden_cols: grid
            .hidden_cols
            .iter()
            .copied()
            .filter(|&c| c < grid.width())
            .collect(),
    })
}

fn columns(grid: &Grid, top: u32, bottom: u32, cols: &[u32]) -> Vec<Column> {
    let mut out = Vec::new();
    for (i, &c) in cols.iter().enumerate() {
        let mut parts: Vec<String> = Vec::new();
        for h in top..=bottom {
            let mut v = grid.get(h, c).shown();
            // A group title written once over its columns (no merge to spread it): the
            // nearest title to the left, when the cells under both are titled.
            if v.is_empty() && h < bottom && !grid.get(h + 1, c).is_empty() {
                v = cols[..i]
                    .iter()
                    .rev()
                    .map(|&l| (l, grid.get(h, l)))
                    .find(|(_, v)| !v.is_empty())
                    .filter(|(l, _)| !grid.get(h + 1, *l).is_empty())
                    .map(|(_, v)| v.shown())
                    .unwrap_or_default();
            }
            let v = cell::one_line(&v);
            if !v.is_empty() && parts.last() != Some(&v) {
                parts.push(v);
            }
        }
        if !parts.is_empty() {
            out.push(Column { index: c, parts });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::grid::Area;

    fn grid(rows: &[&[&str]], merged: Vec<Area>) -> Grid {
        let mut g = Grid {
            sheet: "Sheet1".into(),
            rows: rows
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|s| match s.parse::<f64>() {
                            Ok(x) => Value::Number(x),
                            Err(_) if s.is_empty() => Value::Empty,
                            Err(_) => Value::Text(s.to_string()),
                        })
                        .collect()
                })
                .collect(),
            merged,
            hidden_rows: Default::default(),
            hidden_cols: Default::default(),
            hidden_known: true,
        };
        for m in g.merged.clone() {
            let v = g.get(m.top, m.left).clone();
            for r in m.top..=m.bottom {
                for c in m.left..=m.right {
                    g.rows[r as usize][c as usize] = v.clone();
                }
            }
        }
        g
    }

    #[test]
    fn folds_titles() {
        assert_eq!(key("Thời hạn\nhoàn  thành"), "thoi han hoan thanh");
        assert_eq!(key("Lĩnh vực, TIÊU CHÍ"), "linh vuc tieu chi");
    }

    #[test]
    fn two_row_header_without_merges() {
        let g = grid(
            &[
                &["PHÂN CÔNG", "", "", ""],
                &["STT", "Nhiệm vụ", "Phân công", ""],
                &["", "", "Chủ trì", "Phối hợp"],
                &["(1)", "(2)", "(3)", "(4)"],
                &["1", "Việc một", "VP", "Hoa"],
            ],
            Vec::new(),
        );
        let t = find(&g).unwrap();
        assert_eq!(t.title.as_deref(), Some("PHÂN CÔNG"));
        assert_eq!((t.header_top, t.header_bottom), (1, 2));
        let titles: Vec<String> = t.columns.iter().map(Column::title).collect();
        assert_eq!(
            titles,
            [
                "STT",
                "Nhiệm vụ",
                "Phân công: Chủ trì",
                "Phân công: Phối hợp"
            ]
        );
        assert_eq!(t.rows, vec![4]);
    }

    #[test]
    fn the_issuer_block_above_a_table_is_not_its_header() {
        let g = grid(
            &[
                &["UBND XÃ HÒA SƠN", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
                &["Đơn vị báo cáo: UBND xã", "", "Độc lập - Tự do - Hạnh phúc"],
                &["BIỂU SỐ 06", "", ""],
                &["STT", "Lĩnh vực", "Tổng số"],
                &["1", "Hộ tịch", "538"],
            ],
            Vec::new(),
        );
        let t = find(&g).unwrap();
        assert_eq!((t.header_top, t.header_bottom), (3, 3));
        assert_eq!(t.title.as_deref(), Some("BIỂU SỐ 06"));
        assert_eq!(t.rows, vec![4]);
    }

    #[test]
    fn three_row_merged_header() {
        let m = |top, left, bottom, right| Area {
            top,
            left,
            bottom,
            right,
        };
        let g = grid(
            &[
                &["STT", "Lĩnh vực", "Nhận", "", "", "Đã giải quyết"],
                &["", "", "Tổng số", "Trong đó", "", ""],
                &["", "", "", "Trực tuyến", "Trực tiếp", ""],
                &["1", "Hộ tịch", "3", "1", "2", "3"],
            ],
            vec![
                m(0, 0, 2, 0),
                m(0, 1, 2, 1),
                m(0, 2, 0, 4),
                m(1, 2, 2, 2),
                m(1, 3, 1, 4),
                m(0, 5, 2, 5),
            ],
        );
        let t = find(&g).unwrap();
        assert_eq!((t.header_top, t.header_bottom), (0, 2));
        let titles: Vec<String> = t.columns.iter().map(Column::title).collect();
        assert_eq!(
            titles,
            [
                "STT",
                "Lĩnh vực",
                "Nhận: Tổng số",
                "Nhận: Trong đó: Trực tuyến",
                "Nhận: Trong đó: Trực tiếp",
                "Đã giải quyết"
            ]
        );
        assert_eq!(t.rows, vec![3]);
    }
}
