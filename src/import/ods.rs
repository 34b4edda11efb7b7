//! Merged cells and hidden rows and columns of an OpenDocument sheet. calamine reads an
//! .ods file's values but neither its merges nor its row visibility, so `content.xml` is
//! walked once more here: `table:number-columns-spanned` / `-rows-spanned` on a cell is a
//! merge, `table:visibility="collapse"` (or "filter") on a row or column hides it, and the
//! `number-…-repeated` attributes say how many rows, columns or cells one element stands for.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;

use quick_xml::events::{BytesStart, Event};

use super::value::Area;

#[derive(Debug, Default, PartialEq)]
pub struct Layout {
    pub hidden_rows: BTreeSet<u32>,
    pub hidden_cols: BTreeSet<u32>,
    pub merged: Vec<Area>,
}

/// The layout of sheet `name` of the .ods file at `path`.
pub fn layout(path: &Path, name: &str) -> Result<Layout, String> {
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| e.to_string())?;
    let mut xml = String::new();
    zip.by_name("content.xml")
        .map_err(|e| e.to_string())?
        .read_to_string(&mut xml)
        .map_err(|e| e.to_string())?;
    layout_in(&xml, name)
}

fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.0 == key)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

fn count(e: &BytesStart, key: &str) -> u32 {
    attr(e, key)
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
        .max(1)
}

fn hidden(e: &BytesStart) -> bool {
    matches!(
        attr(e, "table:visibility").as_deref(),
        Some("collapse" | "filter")
    )
}

/// A sheet ends with a row or column repeated to the last of the million: only the first
/// few thousand of them can matter.
const LIMIT: u32 = 100_000;

fn layout_in(xml: &str, name: &str) -> Result<Layout, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Layout::default();
    let mut inside = false;
    let (mut row, mut col, mut column) = (0u32, 0u32, 0u32);
    let mut row_repeat = 1u32;
    loop {
        let event = reader.read_event().map_err(|e| e.to_string())?;
        let (e, empty) = match &event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) if inside && e.name().0 == "table:table-row" => {
                row = row.saturating_add(row_repeat);
                continue;
            }
            Event::End(e) if inside && e.name().0 == "table:table" => break,
            Event::Eof => break,
            _ => continue,
        };
        match e.name().0 {
            "table:table" => inside = attr(e, "table:name").as_deref() == Some(name),
            _ if !inside => {}
            "table:table-column" => {
                let n = count(e, "table:number-columns-repeated");
                if hidden(e) && column < LIMIT {
                    out.hidden_cols
                        .extend(column..column.saturating_add(n).min(LIMIT));
                }
                column = column.saturating_add(n);
            }
            "table:table-row" => {
                row_repeat = count(e, "table:number-rows-repeated");
                if hidden(e) && row < LIMIT {
                    out.hidden_rows
                        .extend(row..row.saturating_add(row_repeat).min(LIMIT));
                }
                col = 0;
                if empty {
                    row = row.saturating_add(row_repeat);
                }
            }
            "table:table-cell" | "table:covered-table-cell" => {
                let spans = (
                    count(e, "table:number-rows-spanned"),
                    count(e, "table:number-columns-spanned"),
                );
                if spans != (1, 1) {
                    out.merged.push(Area {
                        top: row,
                        left: col,
                        bottom: row + spans.0 - 1,
                        right: col + spans.1 - 1,
                    });
                }
                col = col.saturating_add(count(e, "table:number-columns-repeated"));
            }
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_and_hidden_rows_and_columns() {
        let xml = r#"<office:document-content><office:body><office:spreadsheet>
<table:table table:name="Khác"><table:table-row table:visibility="collapse"><table:table-cell/></table:table-row></table:table>
<table:table table:name="Phân công">
<table:table-column table:number-columns-repeated="2"/><table:table-column table:visibility="collapse"/>
<table:table-header-rows>
<table:table-row><table:table-cell table:number-columns-spanned="3" table:number-rows-spanned="1"><text:p>Tiêu đề</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="2"/></table:table-row>
</table:table-header-rows>
<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="2"/><table:table-cell table:number-rows-spanned="2"/></table:table-row>
<table:table-row table:visibility="collapse"><table:table-cell/></table:table-row>
<table:table-row table:number-rows-repeated="1048570" table:visibility="filter"/>
</table:table></office:spreadsheet></office:body></office:document-content>"#;
        let l = layout_in(xml, "Phân công").unwrap();
        assert_eq!(l.hidden_cols.iter().copied().collect::<Vec<_>>(), vec![2]);
        assert_eq!(
            l.hidden_rows.iter().take(2).copied().collect::<Vec<_>>(),
            vec![3, 4]
        );
        assert_eq!(l.hidden_rows.len() as u32, LIMIT - 3);
        assert_eq!(
            l.merged,
            vec![
                Area {
                    top: 0,
                    left: 0,
                    bottom: 0,
                    right: 2
                },
                Area {
                    top: 1,
                    left: 2,
                    bottom: 2,
                    right: 2
                },
            ]
        );
    }
}
