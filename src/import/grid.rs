//! A sheet as a grid of cells (bảng tính), read by calamine (xlsx, xls, xlsb, ods) or the
//! csv crate, with its merged ranges spread over every cell they cover and its hidden rows
//! and columns known, so that the table readers never see a file format.

use std::collections::BTreeSet;
use std::path::Path;

use calamine::{Data, Reader, Sheets, open_workbook_auto};

use crate::diag::Text;
use crate::vn::Date;

pub use super::value::{Area, Value};

#[derive(Debug, Clone)]
pub struct Grid {
    pub sheet: String,
    /// Absolute positions: `rows[r][c]` is the cell at row r, column c (0-based) of the
    /// sheet, whatever the used range starts at, so that addresses come out right.
    pub rows: Vec<Vec<Value>>,
    pub merged: Vec<Area>,
    pub hidden_rows: BTreeSet<u32>,
    pub hidden_cols: BTreeSet<u32>,
    /// Whether hidden rows and columns could be seen at all (xlsx only).
    pub hidden_known: bool,
}

/// "C14": a cell's address as the spreadsheet shows it.
pub fn address(row: u32, col: u32) -> String {
    format!("{}{}", column_letters(col), row + 1)
}

pub fn column_letters(mut col: u32) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

impl Grid {
    pub fn get(&self, row: u32, col: u32) -> &Value {
        self.rows
            .get(row as usize)
            .and_then(|r| r.get(col as usize))
            .unwrap_or(&Value::Empty)
    }

    pub fn width(&self) -> u32 {
        self.rows.iter().map(Vec::len).max().unwrap_or(0) as u32
    }

    pub fn height(&self) -> u32 {
        self.rows.len() as u32
    }

    /// "Sheet1!C14", or "'Phân công'!C14" as Excel quotes a sheet name with spaces, so
    /// that the address can be pasted into the Name Box.
    pub fn at(&self, row: u32, col: u32) -> String {
        let plain = self.sheet.chars().all(|c| c.is_alphanumeric() || c == '_');
        if plain {
            format!("{}!{}", self.sheet, address(row, col))
        } else {
            format!("'{}'!{}", self.sheet.replace('\'', "''"), address(row, col))
        }
    }

    /// The merged range whose top-left cell is (row, col), if any.
    pub fn merge_at(&self, row: u32, col: u32) -> Option<&Area> {
        self.merged.iter().find(|m| m.top == row && m.left == col)
    }

    /// Copies each merged range's value into every cell it covers: a lĩnh vực merged
    /// down three rows belongs to each of them.
    fn spread_merges(&mut self) {
        for m in self.merged.clone() {
            let v = self.get(m.top, m.left).clone();
            for r in m.top..=m.bottom {
                for c in m.left..=m.right {
                    if (r, c) != (m.top, m.left) {
                        self.set(r, c, v.clone());
                    }
                }
            }
        }
    }

    fn set(&mut self, row: u32, col: u32, v: Value) {
        let (r, c) = (row as usize, col as usize);
        if self.rows.len() <= r {
            self.rows.resize(r + 1, Vec::new());
        }
        if self.rows[r].len() <= c {
            self.rows[r].resize(c + 1, Value::Empty);
        }
        self.rows[r][c] = v;
    }
}

/// A workbook opened once: its sheet names, and each sheet read on demand.
pub struct Book {
    kind: BookKind,
    pub names: Vec<String>,
}

enum BookKind {
    Calamine(
        Box<Sheets<std::io::BufReader<std::fs::File>>>,
        std::path::PathBuf,
    ),
    Csv(Grid),
}

fn failed(path: &Path, reason: impl std::fmt::Display) -> Text {
    Text::new(
        format!("Không đọc được {}: {reason}.", path.display()),
        format!("Cannot read {}: {reason}.", path.display()),
    )
}

impl Book {
    pub fn open(path: &Path) -> Result<Book, Text> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        if ext == "csv" {
            let grid = read_csv(path)?;
            return Ok(Book {
                names: vec![grid.sheet.clone()],
                kind: BookKind::Csv(grid),
            });
        }
        if !matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "xlsb" | "ods") {
            return Err(Text::new(
                format!(
                    "{} không phải bảng tính: cần tệp .xlsx, .xls, .ods hoặc .csv.",
                    path.display()
                ),
                format!(
                    "{} is not a spreadsheet: a .xlsx, .xls, .ods or .csv file is needed.",
                    path.display()
                ),
            ));
        }
        if let Err(e) = std::fs::File::open(path) {
            let why = crate::diag::io_reason(&e);
            return Err(Text::new(
                format!("Không đọc được {}: {}.", path.display(), why.vi),
                format!("Cannot read {}: {}.", path.display(), why.en),
            ));
        }
        let sheets = open_workbook_auto(path).map_err(|e| {
            Text::new(
                format!("Không mở được {} như một bảng tính: tệp hỏng, có mật khẩu, hoặc không đúng định dạng của đuôi tệp (chi tiết: {e}).", path.display()),
                format!("Cannot open {} as a spreadsheet: it is damaged, password-protected, or not of the kind its extension says (details: {e}).", path.display()),
            )
        })?;
        let names = sheets.sheet_names();
        Ok(Book {
            kind: BookKind::Calamine(Box::new(sheets), path.to_path_buf()),
            names,
        })
    }

    pub fn grid(&mut self, name: &str) -> Result<Grid, Text> {
        let (sheets, path) = match &mut self.kind {
            BookKind::Csv(g) => return Ok(g.clone()),
            BookKind::Calamine(s, p) => (s, p.clone()),
        };
        let range = sheets.worksheet_range(name).map_err(|e| failed(&path, e))?;
        let mut grid = Grid {
            sheet: name.to_string(),
            rows: Vec::new(),
            merged: Vec::new(),
            hidden_rows: BTreeSet::new(),
            hidden_cols: BTreeSet::new(),
            hidden_known: false,
        };
        for (r, c, data) in range.used_cells() {
            let (r0, c0) = range.start().unwrap_or((0, 0));
            grid.set(r0 + r as u32, c0 + c as u32, value_of(data));
        }
        let merged = match sheets.as_mut() {
            Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).ok(),
            Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).ok(),
            _ => None,
        };
        grid.merged = merged
            .unwrap_or_default()
            .into_iter()
            .map(|d| Area {
                top: d.start.0,
                left: d.start.1,
                bottom: d.end.0,
                right: d.end.1,
            })
            .collect();
        match sheets.as_ref() {
            // calamine does not expose hidden rows and columns: read them from the sheet's XML.
            Sheets::Xlsx(_) => {
                if let Ok((rows, cols)) = super::hidden::xlsx_hidden(&path, name) {
                    grid.hidden_rows = rows;
                    grid.hidden_cols = cols;
                    grid.hidden_known = true;
                }
            }
            // Nor, for .ods, the merges.
            Sheets::Ods(_) => {
                if let Ok(layout) = super::ods::layout(&path, name) {
                    grid.hidden_rows = layout.hidden_rows;
                    grid.hidden_cols = layout.hidden_cols;
                    grid.merged = layout.merged;
                    grid.hidden_known = true;
                }
            }
            _ => {}
        }
        grid.spread_merges();
        Ok(grid)
    }
}

fn value_of(d: &Data) -> Value {
    match d {
        Data::Empty => Value::Empty,
        Data::String(s) => Value::Text(s.clone()),
        Data::Int(i) => Value::Number(*i as f64),
        Data::Float(f) => Value::Number(*f),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Value::Date(Date::new(y, m, Some(d)).ok())
        }
        Data::DateTimeIso(s) => Value::Text(iso_date(s)),
        Data::DurationIso(s) => Value::Text(s.clone()),
        Data::Error(e) => Value::Error(format!("{e:?}")),
    }
}

/// An ODS date ("2026-12-31T00:00:00") as the date part alone.
fn iso_date(s: &str) -> String {
    s.strip_suffix("T00:00:00").unwrap_or(s).to_string()
}

fn read_csv(path: &Path) -> Result<Grid, Text> {
    let bytes = std::fs::read(path).map_err(|e| {
        let why = crate::diag::io_reason(&e);
        Text::new(
            format!("Không đọc được {}: {}.", path.display(), why.vi),
            format!("Cannot read {}: {}.", path.display(), why.en),
        )
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Text::new(
            format!(
                "{} không phải văn bản UTF-8: hãy lưu lại bằng \"CSV UTF-8\".",
                path.display()
            ),
            format!(
                "{} is not UTF-8 text: save it again as \"CSV UTF-8\".",
                path.display()
            ),
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    // Excel in a Vietnamese locale writes ";" between cells, since "," is the decimal mark.
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| failed(path, e))?;
        rows.push(
            record
                .iter()
                .map(|s| {
                    if s.trim().is_empty() {
                        Value::Empty
                    } else {
                        Value::Text(s.to_string())
                    }
                })
                .collect(),
        );
    }
    let sheet = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("csv")
        .to_string();
    Ok(Grid {
        sheet,
        rows,
        merged: Vec::new(),
        hidden_rows: BTreeSet::new(),
        hidden_cols: BTreeSet::new(),
        hidden_known: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_as_excel_writes_them() {
        assert_eq!(address(0, 0), "A1");
        assert_eq!(address(13, 2), "C14");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }
}
