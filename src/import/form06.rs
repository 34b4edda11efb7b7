//! Biểu số 06/VPCP/KSTT (13 columns: STT, lĩnh vực, nhận {tổng, trực tuyến, trực tiếp và
//! bưu chính, kỳ trước}, đã giải quyết {tổng, trước hạn, đúng hạn, quá hạn}, đang giải
//! quyết {tổng, trong hạn, quá hạn}) → `bieu_06`, each row checked against the build's
//! rules with the cells' addresses.

use std::fmt::Write as _;

use super::cell::{self, Expected, Problem};
use super::grid::Grid;
use super::header::{Column, Table, key};
use super::yaml_out::scalar;
use super::{Found, Note};
use crate::diag::Text;

/// The keys of `bieu_06` in the schema's order (content/raw.rs `Form06RowRaw`).
pub const FIELDS: [&str; 11] = [
    "nhan_tong",
    "nhan_truc_tuyen",
    "nhan_truc_tiep",
    "nhan_ky_truoc",
    "da_giai_quyet",
    "truoc_han",
    "dung_han",
    "qua_han",
    "dang_giai_quyet",
    "dang_trong_han",
    "dang_qua_han",
];

/// A total's field, its stated value, the fields it must equal, and the rule in words.
type Rule<'a> = (usize, Option<u64>, &'a [usize], &'a str, &'a str);

#[derive(Clone, Copy, PartialEq)]
enum Group {
    Received,
    Resolved,
    Pending,
}

/// The column index (into `columns`) of the lĩnh vực and of each field of [`FIELDS`].
pub fn slots(columns: &[Column]) -> (Option<usize>, [Option<usize>; 11]) {
    let mut area = None;
    let mut fields = [None; 11];
    let mut group = None;
    for (i, c) in columns.iter().enumerate() {
        let (leaf, whole) = c.keys();
        // "Đang" before "đã": folded, both start with "da".
        if whole.contains("dang giai quyet") || whole.contains("dang xu ly") {
            group = Some(Group::Pending);
        } else if whole.contains("da giai quyet") || whole.contains("da xu ly") {
            group = Some(Group::Resolved);
        } else if whole.contains("nhan") || whole.contains("tiep nhan") {
            group = Some(Group::Received);
        }
        if area.is_none() && (leaf.contains("linh vuc") || leaf.contains("cong viec")) {
            area = Some(i);
            group = None;
            continue;
        }
        let has = |w: &str| leaf.contains(w);
        let field = match group {
            Some(Group::Received) if has("tong") => Some(0),
            Some(Group::Received) if has("truc tuyen") => Some(1),
            Some(Group::Received) if has("truc tiep") || has("buu chinh") => Some(2),
            Some(Group::Received) if has("ky truoc") => Some(3),
            Some(Group::Resolved) if has("tong") => Some(4),
            Some(Group::Resolved) if has("truoc han") => Some(5),
            Some(Group::Resolved) if has("dung han") => Some(6),
            Some(Group::Resolved) if has("qua han") || has("tre han") => Some(7),
            Some(Group::Pending) if has("tong") => Some(8),
            Some(Group::Pending) if has("trong han") => Some(9),
            Some(Group::Pending) if has("qua han") || has("tre han") => Some(10),
            _ => None,
        };
        if let Some(f) = field
            && fields[f].is_none()
        {
            fields[f] = Some(i);
        }
    }
    (area, fields)
}

pub fn recognised(columns: &[Column]) -> bool {
    let (area, fields) = slots(columns);
    area.is_some() && fields.iter().filter(|f| f.is_some()).count() >= 8
}

/// The totals row ("Tổng cộng", "Tổng số", "Cộng").
fn is_total(words: &str) -> bool {
    let k = key(words);
    k.starts_with("tong") || k == "cong" || k.starts_with("cong ")
}

struct Line {
    row: u32,
    area: String,
    values: [Option<u64>; 11],
}

/// The `bieu_06:` block.
pub fn build(grid: &Grid, table: &Table, found: &mut Found) -> String {
    let (area_slot, slots) = slots(&table.columns);
    let area_col = area_slot.map(|i| table.columns[i].index);
    let cols: Vec<Option<u32>> = slots
        .iter()
        .map(|s| s.map(|i| table.columns[i].index))
        .collect();
    let mut lines = Vec::new();
    let mut total: Option<Line> = None;
    let mut blanks = 0;
    for &r in &table.rows {
        let area = area_col
            .map(|c| cell::one_line(&grid.get(r, c).shown()))
            .unwrap_or_default();
        let first = table
            .columns
            .first()
            .map(|c| grid.get(r, c.index).shown())
            .unwrap_or_default();
        let numbers_empty = cols.iter().flatten().all(|&c| grid.get(r, c).is_empty());
        if numbers_empty {
            // A group heading ("Cấp xã") or a note under the table: no figures to take.
            continue;
        }
        let mut values = [None; 11];
        for (f, c) in cols.iter().enumerate() {
            let Some(c) = *c else { continue };
            let v = grid.get(r, c);
            match cell::count(v) {
                Ok(Some(n)) => values[f] = Some(n),
                Ok(None) => {
                    // The province's exports leave a zero cell blank.
                    blanks += 1;
                    values[f] = Some(0);
                }
                Err(cell::Unreadable) => {
                    found.problem(Problem::cell(grid.at(r, c), &v.shown(), Expected::Count))
                }
            }
        }
        let line = Line {
            row: r,
            area: area.clone(),
            values,
        };
        if is_total(&area) || is_total(&first) {
            total = Some(line);
        } else if area.is_empty() {
            let at = grid.at(r, area_col.unwrap_or(0));
            found.problem(Problem {
                message: Text::new(
                    format!("{at}: dòng có số liệu nhưng không có tên lĩnh vực."),
                    format!("{at}: the row has figures but no area name."),
                ),
                at,
            });
        } else {
            lines.push(line);
        }
    }
    if blanks > 0 {
        found.notes.push(Note {
            text: Text::new(
                format!("{blanks} ô số liệu để trống được đọc là 0."),
                format!("{blanks} blank figure cells were read as 0."),
            ),
        });
    }
    for l in &lines {
        check(grid, l, &cols, found);
    }
    if let Some(t) = &total {
        check_total(grid, t, &lines, &cols, found);
    }
    let mut out = String::from("bieu_06:\n");
    for l in &lines {
        let _ = writeln!(out, "  - linh_vuc: {}", scalar(&l.area));
        for (f, name) in FIELDS.iter().enumerate() {
            if let Some(v) = l.values[f] {
                let _ = writeln!(out, "    {name}: {v}");
            }
        }
    }
    out
}

/// The build's rules (content/results `form06_row`): each stated total equals its parts,
/// and what was received equals what was resolved plus what is pending.
fn check(grid: &Grid, l: &Line, cols: &[Option<u32>], found: &mut Found) {
    let v = |f: usize| l.values[f].unwrap_or(0);
    let at = |f: usize| {
        cols[f]
            .map(|c| grid.at(l.row, c))
            .unwrap_or_else(|| grid.at(l.row, 0))
    };
    let received = l.values[0].unwrap_or(v(1) + v(2) + v(3));
    let rules: [Rule; 4] = [
        (
            0,
            l.values[0],
            &[1, 2, 3],
            "nhận = trực tuyến + trực tiếp, bưu chính + kỳ trước",
            "received = online + in person/post + carried over",
        ),
        (
            4,
            l.values[4],
            &[5, 6, 7],
            "đã giải quyết = trước hạn + đúng hạn + quá hạn",
            "resolved = early + on time + late",
        ),
        (
            8,
            l.values[8],
            &[9, 10],
            "đang giải quyết = trong hạn + quá hạn",
            "pending = on time + late",
        ),
        (
            0,
            Some(received),
            &[5, 6, 7, 9, 10],
            "nhận = đã giải quyết + đang giải quyết",
            "received = resolved + pending",
        ),
    ];
    for (f, stated, parts, vi, en) in rules {
        let Some(stated) = stated else { continue };
        let sum: u64 = parts.iter().map(|&p| v(p)).sum();
        if stated != sum {
            let cells: Vec<String> = parts.iter().map(|&p| at(p)).collect();
            let at = at(f);
            found.problem(Problem {
                message: Text::new(
                    format!(
                        "{at}: Biểu 06, lĩnh vực \"{}\": {stated} ≠ {sum} ({vi}; các ô {}).",
                        l.area,
                        cells.join(", ")
                    ),
                    format!(
                        "{at}: Biểu 06, area \"{}\": {stated} ≠ {sum} ({en}; cells {}).",
                        l.area,
                        cells.join(", ")
                    ),
                ),
                at,
            });
        }
    }
}

/// The sheet's totals row must equal the rows above it, column by column.
fn check_total(grid: &Grid, t: &Line, lines: &[Line], cols: &[Option<u32>], found: &mut Found) {
    for (f, c) in cols.iter().enumerate() {
        let (Some(c), Some(stated)) = (*c, t.values[f]) else {
            continue;
        };
        let sum: u64 = lines.iter().map(|l| l.values[f].unwrap_or(0)).sum();
        if stated != sum {
            let at = grid.at(t.row, c);
            found.problem(Problem {
                message: Text::new(
                    format!("{at}: dòng tổng ghi {stated}, nhưng cộng các lĩnh vực là {sum}."),
                    format!("{at}: the totals row says {stated}, but the areas add up to {sum}."),
                ),
                at,
            });
        }
    }
}
