//! An assignment table (bảng phân công nhiệm vụ) → one `phu_luc` item with
//! `bang_phan_cong`: group rows "I. …" become lĩnh vực, the other rows tiêu chí.

use std::fmt::Write as _;

use super::cell::{self, Expected, Problem};
use super::grid::Grid;
use super::header::{Column, Table, key};
use super::names::{Directory, Match};
use super::yaml_out::{quoted, scalar};
use super::{Found, Note};
use crate::diag::Text;
use crate::model::Columns;

#[derive(Debug, Default, Clone, Copy)]
pub struct Slots {
    stt: Option<usize>,
    criterion: Option<usize>,
    requirement: Option<usize>,
    deadline: Option<usize>,
    lead: Option<usize>,
    staff: Option<usize>,
}

const STT: &[&str] = &["stt", "tt", "so tt", "so thu tu"];
const LEAD: &[&str] = &["chu tri"];
const STAFF: &[&str] = &[
    "tham muu",
    "phoi hop",
    "cong chuc",
    "can bo",
    "nguoi thuc hien",
];
const DEADLINE: &[&str] = &["thoi han", "thoi gian", "han hoan thanh", "tien do"];
const REQUIREMENT: &[&str] = &["yeu cau", "san pham", "ket qua"];
const CRITERION: &[&str] = &["tieu chi", "nhiem vu", "noi dung", "linh vuc", "cong viec"];

/// Which column holds what, by title: the column's own title first, then its group's.
pub fn slots(columns: &[Column]) -> Slots {
    let mut s = Slots::default();
    for (i, c) in columns.iter().enumerate() {
        let (leaf, whole) = c.keys();
        for k in [&leaf, &whole] {
            let has = |words: &[&str]| words.iter().any(|w| k.contains(w));
            let slot = if STT.contains(&k.as_str()) {
                &mut s.stt
            } else if has(LEAD) {
                &mut s.lead
            } else if has(STAFF) {
                &mut s.staff
            } else if has(DEADLINE) {
                &mut s.deadline
            } else if has(REQUIREMENT) {
                &mut s.requirement
            } else if has(CRITERION) {
                &mut s.criterion
            } else {
                continue;
            };
            if slot.is_none() {
                *slot = Some(i);
            }
            break;
        }
    }
    s
}

/// Whether the columns are those of an assignment table.
pub fn recognised(columns: &[Column]) -> bool {
    let s = slots(columns);
    let others = [s.requirement, s.deadline, s.lead, s.staff];
    s.criterion.is_some() && others.iter().filter(|o| o.is_some()).count() >= 2
}

/// "I", "II.", "IV)" at the start of a group row: the numeral and the words after it.
fn roman_prefix(s: &str) -> Option<(&str, &str)> {
    let end = s
        .find(|c: char| !matches!(c, 'I' | 'V' | 'X'))
        .unwrap_or(s.len());
    if end == 0 {
        return None;
    }
    let rest = &s[end..];
    if rest.is_empty() || rest.starts_with(['.', ')', ' ', ':', '-']) {
        Some((
            &s[..end],
            rest.trim_start_matches(['.', ')', ' ', ':', '-']),
        ))
    } else {
        None
    }
}

struct Row {
    code: String,
    criterion: String,
    requirement: Option<String>,
    deadline: Option<String>,
    lead: Option<String>,
    staff: Vec<String>,
}

struct Area {
    name: String,
    rows: Vec<Row>,
}

/// The phụ lục item, as YAML lines indented for a list under `phu_luc:`.
pub fn build(grid: &Grid, table: &Table, dir: &Directory, found: &mut Found) -> String {
    let s = slots(&table.columns);
    let col = |slot: Option<usize>| slot.map(|i| table.columns[i].index);
    let mut areas: Vec<Area> = Vec::new();
    for &r in &table.rows {
        let get = |slot: Option<usize>| col(slot).map(|c| grid.get(r, c));
        let text_at = |slot: Option<usize>, found: &mut Found| -> String {
            match get(slot) {
                Some(v) => cell::text(v).unwrap_or_else(|_| {
                    found.problem(Problem::cell(
                        grid.at(r, col(slot).unwrap_or(0)),
                        &v.shown(),
                        Expected::Text,
                    ));
                    String::new()
                }),
                None => String::new(),
            }
        };
        let stt = match get(s.stt) {
            // "1.1" typed into Excel is stored as the number 1.1: written back with a dot.
            Some(super::grid::Value::Number(x)) => format!("{x}"),
            Some(v) => cell::one_line(&v.shown()),
            None => String::new(),
        };
        let criterion = text_at(s.criterion, found);
        let group = group_name(grid, table, r, &stt, &criterion);
        if let Some(name) = group {
            areas.push(Area {
                name: cell::one_line(&name),
                rows: Vec::new(),
            });
            continue;
        }
        let requirement = text_at(s.requirement, found);
        let deadline = deadline_at(grid, r, col(s.deadline), found);
        let lead_text = text_at(s.lead, found);
        let lead = (!lead_text.is_empty()).then(|| {
            let (v, m) = dir.lead(&lead_text);
            if !matches!(m, Match::Id(_)) {
                found.unmatched(grid.at(r, col(s.lead).unwrap_or(0)), &lead_text, false);
            }
            v
        });
        let staff = staff_cell(grid, r, col(s.staff), dir, found);
        if areas.is_empty() {
            // Rows before any group row: one lĩnh vực named after the table.
            areas.push(Area {
                name: table.title.clone().unwrap_or_else(|| grid.sheet.clone()),
                rows: Vec::new(),
            });
        }
        let assigned = deadline.is_some() || lead.is_some() || !staff.is_empty();
        let Some(area) = areas.last_mut() else {
            continue;
        };
        let code = if stt.is_empty() {
            found.problem(Problem {
                at: grid.at(r, col(s.stt).unwrap_or(0)),
                message: Text::new(
                    format!(
                        "{}: dòng \"{criterion}\" không có số thứ tự (mã tiêu chí như 1.1).",
                        grid.at(r, col(s.stt).unwrap_or(0))
                    ),
                    format!(
                        "{}: the row \"{criterion}\" has no number (a criterion code such as 1.1).",
                        grid.at(r, col(s.stt).unwrap_or(0))
                    ),
                ),
            });
            continue;
        } else {
            stt.trim_end_matches('.').to_string()
        };
        area.rows.push(Row {
            code,
            criterion,
            requirement: if requirement.is_empty() && !assigned {
                None
            } else {
                Some(requirement)
            },
            deadline,
            lead,
            staff,
        });
    }
    write(&areas, table, &s)
}

/// A group row ("I. CẢI CÁCH THỂ CHẾ", or one text merged across the row): the lĩnh vực's
/// name; `None` for a task row.
fn group_name(grid: &Grid, table: &Table, r: u32, stt: &str, criterion: &str) -> Option<String> {
    let distinct: std::collections::BTreeSet<String> = table
        .columns
        .iter()
        .map(|c| grid.get(r, c.index).shown())
        .filter(|v| !v.is_empty())
        .collect();
    roman_prefix(stt)
        .map(|(_, rest)| {
            if rest.is_empty() {
                criterion.to_string()
            } else {
                rest.to_string()
            }
        })
        .or_else(|| {
            let only = distinct.iter().next().filter(|_| distinct.len() == 1)?;
            Some(
                roman_prefix(only)
                    .map_or(only.as_str(), |(_, rest)| rest)
                    .to_string(),
            )
        })
}

/// A deadline cell read as a date or the words of one; reported when it is neither.
fn deadline_at(grid: &Grid, r: u32, c: Option<u32>, found: &mut Found) -> Option<String> {
    let c = c?;
    let v = grid.get(r, c);
    cell::deadline(v).unwrap_or_else(|_| {
        found.problem(Problem::cell(grid.at(r, c), &v.shown(), Expected::Deadline));
        None
    })
}

/// A tham mưu cell: one name per line or between ";", each matched to a staff id.
fn staff_cell(
    grid: &Grid,
    r: u32,
    col: Option<u32>,
    dir: &Directory,
    found: &mut Found,
) -> Vec<String> {
    let Some(c) = col else { return Vec::new() };
    let raw = match grid.get(r, c) {
        super::grid::Value::Text(t) => t.clone(),
        v => v.shown(),
    };
    raw.split(['\n', ';'])
        .map(cell::one_line)
        .filter(|s| !s.is_empty())
        .map(|name| {
            let name = crate::vn::nfc(&name);
            let (v, m) = dir.staff(&name);
            if !matches!(m, Match::Id(_)) {
                found.unmatched(grid.at(r, c), &name, true);
            }
            v
        })
        .collect()
}

fn write(areas: &[Area], table: &Table, s: &Slots) -> String {
    let mut out = String::new();
    let title = table.title.clone().unwrap_or_default();
    let _ = writeln!(out, "  - tieu_de: {}", scalar(&title));
    out.push_str("    huong: ngang\n    bang_phan_cong:\n");
    let defaults = Columns::default();
    let part = |slot: Option<usize>, depth: usize| {
        slot.and_then(|i| {
            let parts = &table.columns[i].parts;
            parts
                .len()
                .checked_sub(depth + 1)
                .and_then(|j| parts.get(j))
                .cloned()
        })
    };
    let titles = [
        ("stt", part(s.stt, 0), &defaults.stt),
        ("tieu_chi", part(s.criterion, 0), &defaults.criterion),
        ("yeu_cau", part(s.requirement, 0), &defaults.requirement),
        ("thoi_han", part(s.deadline, 0), &defaults.deadline),
        ("phan_cong", part(s.lead, 1), &defaults.assignment),
        ("chu_tri", part(s.lead, 0), &defaults.lead),
        ("tham_muu", part(s.staff, 0), &defaults.staff),
    ];
    let changed: Vec<(&str, String)> = titles
        .into_iter()
        .filter_map(|(k, t, d)| t.filter(|t| key(t) != key(d)).map(|t| (k, t)))
        .collect();
    if !changed.is_empty() {
        out.push_str("      tieu_de_cot:\n");
        for (k, t) in changed {
            let _ = writeln!(out, "        {k}: {}", scalar(&t));
        }
    }
    out.push_str("      linh_vuc:\n");
    for a in areas {
        let _ = writeln!(out, "        - ten: {}", scalar(&a.name));
        if a.rows.is_empty() {
            continue;
        }
        out.push_str("          tieu_chi:\n");
        for r in &a.rows {
            let _ = writeln!(out, "            - ma: {}", quoted(&r.code));
            let _ = writeln!(out, "              noi_dung: {}", scalar(&r.criterion));
            if let Some(y) = &r.requirement {
                let _ = writeln!(out, "              yeu_cau: {}", scalar(y));
            }
            if let Some(d) = &r.deadline {
                // ISO dates plain, as plans write them; words as any other text.
                let iso = d.len() == 10 && d.chars().all(|c| c.is_ascii_digit() || c == '-');
                let _ = writeln!(
                    out,
                    "              thoi_han: {}",
                    if iso { d.clone() } else { scalar(d) }
                );
            }
            if let Some(l) = &r.lead {
                let _ = writeln!(out, "              chu_tri: {}", scalar(l));
            }
            if !r.staff.is_empty() {
                out.push_str("              tham_muu:\n");
                for p in &r.staff {
                    let _ = writeln!(out, "                - {}", scalar(p));
                }
            }
        }
    }
    out
}

/// A note for a name that matches no one, with the cells it is written in: the sheet name
/// once, then the cells ("Phân công!E6, E9, E12").
pub fn unmatched_note(cells: &[String], name: &str, staff: bool) -> Note {
    let (vi, en) = if staff {
        ("cán bộ", "staff member")
    } else {
        ("đơn vị", "unit")
    };
    let at = match cells.first().and_then(|c| c.rsplit_once('!')) {
        Some((sheet, _)) => {
            let bare: Vec<&str> = cells
                .iter()
                .filter_map(|c| c.rsplit_once('!').map(|(_, a)| a))
                .collect();
            format!("{sheet}!{}", bare.join(", "))
        }
        None => cells.join(", "),
    };
    Note {
        text: Text::new(
            format!(
                "{at}: \"{name}\" không khớp mã hay tên {vi} nào trong co_quan.yaml; giữ nguyên chữ."
            ),
            format!(
                "{at}: \"{name}\" matches no {en} code or name in co_quan.yaml; kept as written."
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_group_rows() {
        assert_eq!(roman_prefix("I. Công tác"), Some(("I", "Công tác")));
        assert_eq!(roman_prefix("IV"), Some(("IV", "")));
        assert_eq!(roman_prefix("II) Thể chế"), Some(("II", "Thể chế")));
        assert_eq!(roman_prefix("Ích lợi"), None);
        assert_eq!(roman_prefix("1.1"), None);
    }
}
