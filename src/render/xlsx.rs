//! One Excel workbook per results period (`<kỳ>.xlsx`), beside its CSV and JSON: a sheet
//! per table of the quarterly report (chỉ tiêu, Biểu 06, tiến độ nhiệm vụ, 766), built from
//! the same composed tables the PDF prints ([`report_tables`]), so that the titles are
//! worded once. Figures are numbers (the reader's Excel shows them with its own decimal
//! mark, a comma in a Vietnamese locale), formulas of the indicators are text beside them,
//! and user text is always written as a string: a cell never becomes a formula.
//!
//! The same view gives the same bytes: the creation date in the document properties is
//! fixed (rust_xlsxwriter would otherwise stamp the current time).

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::import::cell::parse_number;
use crate::model::Table;
use crate::present::{PeriodView, report_tables};
use crate::results::Value;

/// One cell to write.
#[derive(Debug, Clone, PartialEq)]
pub enum Out {
    Text(String),
    Number(f64),
}

/// The longest text Excel keeps in a cell.
const MAX_CELL: usize = 32_767;

struct Formats {
    title: Format,
    header: Format,
    text: Format,
    integer: Format,
    decimal: Format,
}

impl Formats {
    fn new() -> Formats {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_font_name("Times New Roman")
            .set_font_size(12);
        Formats {
            title: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_font_name("Times New Roman")
                .set_font_size(13),
            header: cell
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            text: cell.clone(),
            // Excel shows "#,##0" with the reader's own separators: "2.150" in Vietnamese.
            integer: cell.clone().set_num_format("#,##0"),
            decimal: cell.set_num_format("#,##0.0#"),
        }
    }
}

/// A sheet: its name, the title printed above it, the header (an optional group row as
/// (title, span) and the column titles) and the rows.
pub struct SheetData {
    pub name: String,
    pub title: String,
    pub groups: Vec<(String, usize)>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Out>>,
}

/// A report table's cells, numbers where its column is numeric and the text reads as one.
fn cells_of(table: &Table) -> Vec<Vec<Out>> {
    table
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .map(|(i, c)| {
                    let numeric = table.numeric.get(i).copied().unwrap_or(false);
                    match parse_number(c).filter(|_| numeric) {
                        Some(x) => Out::Number(x),
                        None => Out::Text(c.clone()),
                    }
                })
                .collect()
        })
        .collect()
}

fn figure(f: &crate::results::Figure) -> Out {
    match f.value {
        Value::Number(x) => Out::Number((x * 100.0).round() / 100.0),
        _ => Out::Text(f.text.clone()),
    }
}

/// The report's indicator columns with a "Công thức" column after each figure.
fn indicator_header(header: &[String]) -> Vec<String> {
    let formula = "Công thức".to_string();
    let mut h = header.to_vec();
    h.insert(5, formula.clone());
    h.insert(7, format!("{formula} ({})", header[5].to_lowercase()));
    h
}

/// The report prints "99,58 (2.141 ÷ 2.150 × 100)" in one cell; a workbook keeps the value
/// a number and the formula beside it as text.
fn indicator_rows(view: &PeriodView, table: &Table) -> Vec<Vec<Out>> {
    view.indicators
        .iter()
        .zip(&table.rows)
        .map(|(r, printed)| {
            let text = |i: usize| Out::Text(printed.get(i).cloned().unwrap_or_default());
            vec![
                printed
                    .first()
                    .and_then(|n| parse_number(n))
                    .map_or_else(|| text(0), Out::Number),
                text(1),
                text(2),
                text(3),
                figure(&r.value),
                Out::Text(r.value.formula.clone().unwrap_or_default()),
                figure(&r.year_to_date),
                Out::Text(r.year_to_date.formula.clone().unwrap_or_default()),
                text(6),
            ]
        })
        .collect()
}

/// The sheets of a period's workbook, in the order of the report's phụ lục.
pub fn sheets(view: &PeriodView) -> Vec<SheetData> {
    let mut out = Vec::new();
    for (title, table) in report_tables(view) {
        let header = table.header.clone();
        let groups = table
            .groups
            .iter()
            .map(|g| (g.title.clone(), g.span))
            .collect();
        let (name, rows, header) = match header.get(1).map(String::as_str) {
            Some("Lĩnh vực") => ("Biểu 06", cells_of(&table), header),
            // The report's seven columns (STT … Đánh giá), as report_tables composes them.
            Some("Chỉ tiêu") if header.len() == 7 => (
                "Chỉ tiêu",
                indicator_rows(view, &table),
                indicator_header(&header),
            ),
            Some("Chỉ tiêu") => ("Chỉ tiêu", cells_of(&table), header),
            Some("Nhiệm vụ") => ("Tiến độ nhiệm vụ", cells_of(&table), header),
            _ => ("Điểm 766", cells_of(&table), header),
        };
        // Two sheets of one name would make the whole workbook fail to save.
        let taken = out
            .iter()
            .filter(|s: &&SheetData| s.name.starts_with(name))
            .count();
        let name = match taken {
            0 => name.to_string(),
            n => format!("{name} ({})", n + 1),
        };
        out.push(SheetData {
            name,
            title,
            groups,
            header,
            rows,
        });
    }
    out
}

/// `<kỳ>.xlsx` and its bytes.
pub fn workbook(view: &PeriodView) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    // A fixed date: the same content must give the same file.
    let props = DocProperties::new()
        .set_title(format!("Kết quả cải cách hành chính {}", view.label))
        .set_author("cchc")
        .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?);
    wb.set_properties(&props);
    let formats = Formats::new();
    for sheet in sheets(view) {
        let ws = wb.add_worksheet();
        write_sheet(ws, &sheet, &formats)?;
    }
    wb.save_to_buffer()
}

fn clip(s: &str) -> &str {
    match s.char_indices().nth(MAX_CELL) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn write_sheet(ws: &mut Worksheet, s: &SheetData, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(&s.name)?;
    let cols = s.header.len().max(1) as u16;
    ws.merge_range(0, 0, 0, cols - 1, clip(&s.title), &f.title)?;
    ws.set_row_height(0, 36)?;
    let top = 2u32;
    let two_rows = !s.groups.is_empty();
    let first_data = if two_rows { top + 2 } else { top + 1 };
    if two_rows {
        let mut c = 0u16;
        for (title, span) in &s.groups {
            let span = (*span).max(1) as u16;
            if title.is_empty() {
                // A single column whose title spans both header rows.
                for i in 0..span {
                    let h = s.header.get((c + i) as usize).map_or("", String::as_str);
                    ws.merge_range(top, c + i, top + 1, c + i, h, &f.header)?;
                }
            } else {
                if span > 1 {
                    ws.merge_range(top, c, top, c + span - 1, title, &f.header)?;
                } else {
                    ws.write_string_with_format(top, c, title, &f.header)?;
                }
                for i in 0..span {
                    let h = s.header.get((c + i) as usize).map_or("", String::as_str);
                    ws.write_string_with_format(top + 1, c + i, h, &f.header)?;
                }
            }
            c += span;
        }
    } else {
        for (i, h) in s.header.iter().enumerate() {
            ws.write_string_with_format(top, i as u16, h, &f.header)?;
        }
    }
    for (r, row) in s.rows.iter().enumerate() {
        let r = first_data + r as u32;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Out::Number(x) if x.fract() == 0.0 => {
                    ws.write_number_with_format(r, c, *x, &f.integer)?
                }
                Out::Number(x) => ws.write_number_with_format(r, c, *x, &f.decimal)?,
                // write_string stores text as text, whatever its first character.
                Out::Text(t) => ws.write_string_with_format(r, c, clip(t), &f.text)?,
            };
        }
    }
    ws.set_freeze_panes(first_data, 0)?;
    for (c, w) in widths(s).into_iter().enumerate() {
        ws.set_column_width(c as u16, w)?;
    }
    Ok(())
}

/// Column widths in characters: the longest cell or column title, between 5 and 50 (longer
/// text wraps).
fn widths(s: &SheetData) -> Vec<f64> {
    let len = |o: &Out| match o {
        Out::Text(t) => t.chars().count(),
        Out::Number(x) => crate::vn::decimal(*x, 2).len(),
    };
    (0..s.header.len())
        .map(|c| {
            let title = s.header[c]
                .split_whitespace()
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0)
                .max(s.header[c].chars().count() / 2);
            let cells = s
                .rows
                .iter()
                .filter_map(|r| r.get(c))
                .map(len)
                .max()
                .unwrap_or(0);
            (title.max(cells) as f64 + 2.0).clamp(5.0, 50.0)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx};

    #[test]
    fn user_text_never_becomes_a_formula_and_numbers_stay_numbers() {
        let sheet = SheetData {
            name: "Biểu 06".into(),
            title: "=cmd|' /C calc'!A0".into(),
            groups: vec![(String::new(), 1), ("Số hồ sơ".into(), 2)],
            header: vec!["Lĩnh vực".into(), "Tổng số".into(), "Tỷ lệ".into()],
            rows: vec![
                vec![
                    Out::Text("=HYPERLINK(\"http://x\")".into()),
                    Out::Number(1164.0),
                    Out::Number(99.58),
                ],
                vec![
                    Out::Text("@SUM(A1)".into()),
                    Out::Text("+1+1".into()),
                    Out::Text("-2".into()),
                ],
            ],
        };
        let mut wb = Workbook::new();
        write_sheet(wb.add_worksheet(), &sheet, &Formats::new()).unwrap();
        let bytes = wb.save_to_buffer().unwrap();
        let mut book: Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let formulas = book.worksheet_formula("Biểu 06").unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "no formula at all"
        );
        let range = book.worksheet_range("Biểu 06").unwrap();
        let at = |r: u32, c: u32| range.get_value((r, c)).cloned();
        assert_eq!(at(0, 0), Some(Data::String("=cmd|' /C calc'!A0".into())));
        // Two header rows (2 and 3), the data from row 4.
        assert_eq!(at(2, 1), Some(Data::String("Số hồ sơ".into())));
        assert_eq!(at(3, 1), Some(Data::String("Tổng số".into())));
        assert_eq!(
            at(4, 0),
            Some(Data::String("=HYPERLINK(\"http://x\")".into()))
        );
        assert_eq!(at(4, 1), Some(Data::Float(1164.0)));
        assert_eq!(at(4, 2), Some(Data::Float(99.58)));
        assert_eq!(at(5, 0), Some(Data::String("@SUM(A1)".into())));
        assert_eq!(at(5, 1), Some(Data::String("+1+1".into())));
    }
}
