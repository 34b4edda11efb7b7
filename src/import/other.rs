//! A sheet of named counts → `so_lieu`; any other table → a `bang` phụ lục.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::Found;
use super::cell::{self, Expected, Problem};
use super::grid::Grid;
use super::header::{Column, Table, key};
use super::yaml_out::{number, quoted, scalar};
use crate::diag::Text;

const NAME: &[&str] = &["ma", "ten", "so lieu", "chi so", "noi dung", "chi tieu"];
const VALUE: &[&str] = &[
    "so luong",
    "gia tri",
    "so lieu",
    "ket qua",
    "thuc hien",
    "so",
];

/// (name column, value column, code column) of a sheet of named counts.
fn slots(columns: &[Column]) -> Option<(usize, usize, Option<usize>)> {
    let keyed: Vec<String> = columns.iter().map(|c| c.keys().0).collect();
    let code = keyed
        .iter()
        .position(|k| k == "ma" || k == "ma so lieu" || k == "khoa");
    let name = keyed
        .iter()
        .enumerate()
        .position(|(i, k)| Some(i) != code && NAME.iter().any(|w| k.contains(w)))?;
    let value = keyed.iter().enumerate().position(|(i, k)| {
        i != name
            && Some(i) != code
            && VALUE
                .iter()
                .any(|w| k == w || k.starts_with(&format!("{w} ")))
    })?;
    Some((name, value, code))
}

/// Two or three columns (an optional code, a name and a number) whose rows are mostly numbers.
pub fn recognised(grid: &Grid, table: &Table) -> bool {
    let real: Vec<&Column> = table
        .columns
        .iter()
        .filter(|c| {
            !matches!(
                c.keys().0.as_str(),
                "stt" | "tt" | "don vi" | "don vi tinh" | "ghi chu"
            )
        })
        .collect();
    let Some((_, value, _)) = slots(&table.columns) else {
        return false;
    };
    let numeric = table
        .rows
        .iter()
        .filter(|&&r| {
            cell::figure(grid.get(r, table.columns[value].index)).is_ok_and(|v| v.is_some())
        })
        .count();
    real.len() <= 3 && numeric * 2 > table.rows.len()
}

/// "Hồ sơ tiếp nhận" → "ho_so_tiep_nhan": the name as a `so_lieu` key.
pub fn count_key(name: &str) -> String {
    key(name).replace(' ', "_")
}

/// The `so_lieu:` block: each count with the name it had in the sheet as a comment.
pub fn counts(grid: &Grid, table: &Table, found: &mut Found) -> String {
    let Some((name, value, code)) = slots(&table.columns) else {
        return "so_lieu: {}\n".into();
    };
    let col = |i: usize| table.columns[i].index;
    let mut out: BTreeMap<String, (f64, String)> = BTreeMap::new();
    for &r in &table.rows {
        let written = cell::one_line(&grid.get(r, col(name)).shown());
        let k = match code {
            Some(c) => cell::one_line(&grid.get(r, col(c)).shown()),
            None => count_key(&written),
        };
        let v = grid.get(r, col(value));
        let x = match cell::figure(v) {
            Ok(Some(x)) => x,
            Ok(None) => continue,
            Err(cell::Unreadable) => {
                found.problem(Problem::cell(
                    grid.at(r, col(value)),
                    &v.shown(),
                    Expected::Figure,
                ));
                continue;
            }
        };
        if k.is_empty() {
            continue;
        }
        if out.contains_key(&k) {
            let at = grid.at(r, col(code.unwrap_or(name)));
            found.problem(Problem {
                message: Text::new(
                    format!("{at}: số liệu \"{k}\" đã có ở dòng trên."),
                    format!("{at}: the count \"{k}\" is already given above."),
                ),
                at,
            });
            continue;
        }
        out.insert(
            k,
            (
                x,
                if code.is_some() {
                    written
                } else {
                    String::new()
                },
            ),
        );
    }
    let mut text = String::from("so_lieu:\n");
    for (k, (x, comment)) in &out {
        let k = if k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            k.clone()
        } else {
            quoted(k)
        };
        let _ = write!(text, "  {k}: {}", number(*x));
        if !comment.is_empty() {
            let _ = write!(text, "  # {comment}");
        }
        text.push('\n');
    }
    text
}

/// A `bang` phụ lục item: the column titles and every row's cells as text.
pub fn table(grid: &Grid, table: &Table, found: &mut Found) -> String {
    let mut out = String::new();
    let title = table.title.clone().unwrap_or_else(|| grid.sheet.clone());
    let _ = writeln!(out, "  - tieu_de: {}", scalar(&title));
    out.push_str("    bang:\n      cot:\n");
    for c in &table.columns {
        let _ = writeln!(out, "        - {}", scalar(&c.title()));
    }
    out.push_str("      dong:\n");
    for &r in &table.rows {
        let cells: Vec<String> = table
            .columns
            .iter()
            .map(|c| {
                let v = grid.get(r, c.index);
                cell::text(v).unwrap_or_else(|_| {
                    found.problem(Problem::cell(
                        grid.at(r, c.index),
                        &v.shown(),
                        Expected::Text,
                    ));
                    String::new()
                })
            })
            .collect();
        let _ = writeln!(
            out,
            "        - [{}]",
            cells
                .iter()
                .map(|c| quoted(c))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    out
}
