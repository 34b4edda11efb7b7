//! Hidden rows and columns of an xlsx sheet. calamine reads values, merges and formulas but
//! not row and column visibility, so the three small XML parts that say it are read here:
//! `xl/workbook.xml` (sheet name → relationship id), its `.rels` (id → part) and the
//! sheet part's `<row hidden="1">` and `<col min max hidden="1">`.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;

type Hidden = (BTreeSet<u32>, BTreeSet<u32>);

/// 0-based hidden rows and columns of sheet `name`; an error when the parts cannot be read
/// (the caller then says that visibility is unknown).
pub fn xlsx_hidden(path: &Path, name: &str) -> Result<Hidden, String> {
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| e.to_string())?;
    let mut part = |p: &str| -> Result<String, String> {
        let mut f = zip.by_name(p).map_err(|e| e.to_string())?;
        let mut s = String::new();
        f.read_to_string(&mut s).map_err(|e| e.to_string())?;
        Ok(s)
    };
    let workbook = part("xl/workbook.xml")?;
    let rels = part("xl/_rels/workbook.xml.rels")?;
    let id = tags(&workbook, "sheet")
        .find(|t| attr(t, "name").map(|n| unescape(&n)) == Some(name.to_string()))
        .and_then(|t| attr(t, "r:id"))
        .ok_or("no such sheet")?;
    let target = tags(&rels, "Relationship")
        .find(|t| attr(t, "Id").as_deref() == Some(id.as_str()))
        .and_then(|t| attr(t, "Target"))
        .ok_or("no relationship")?;
    let sheet_path = match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("xl/{target}"),
    };
    let sheet = part(&sheet_path)?;
    Ok(hidden_in(&sheet))
}

/// The hidden rows and columns a sheet part declares.
fn hidden_in(sheet: &str) -> Hidden {
    let is_hidden = |t: &str| matches!(attr(t, "hidden").as_deref(), Some("1" | "true"));
    let rows = tags(sheet, "row")
        .filter(|t| is_hidden(t))
        .filter_map(|t| attr(t, "r")?.parse::<u32>().ok())
        .filter(|r| *r > 0)
        .map(|r| r - 1)
        .collect();
    let mut cols = BTreeSet::new();
    for t in tags(sheet, "col").filter(|t| is_hidden(t)) {
        let n = |k| attr(t, k).and_then(|v| v.parse::<u32>().ok());
        if let (Some(min), Some(max)) = (n("min"), n("max")) {
            // A hidden range to the last column (16384) would be millions of entries.
            cols.extend((min.max(1)..=max.min(min + 1000)).map(|c| c - 1));
        }
    }
    (rows, cols)
}

/// The opening tags `<name …>` of an XML text, attributes included (namespace prefixes
/// are not used for these elements by any writer met so far: Excel, LibreOffice,
/// rust_xlsxwriter).
fn tags<'a>(xml: &'a str, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    let open = format!("<{name}");
    let starts: Vec<usize> = xml.match_indices(open.as_str()).map(|(i, _)| i).collect();
    starts.into_iter().filter_map(move |i| {
        let rest = &xml[i + open.len()..];
        let next = rest.chars().next()?;
        if !(next.is_whitespace() || next == '>' || next == '/') {
            return None;
        }
        rest.find('>').map(|end| &rest[..end])
    })
}

/// The value of attribute `key` in a tag's text.
fn attr(tag: &str, key: &str) -> Option<String> {
    let mut from = 0;
    while let Some(i) = tag[from..].find(key) {
        let at = from + i;
        let before_ok = at == 0 || tag[..at].ends_with(char::is_whitespace);
        let rest = &tag[at + key.len()..];
        if before_ok && let Some(rest) = rest.trim_start().strip_prefix('=') {
            let rest = rest.trim_start();
            let quote = rest.chars().next()?;
            if quote == '"' || quote == '\'' {
                let body = &rest[1..];
                return body.find(quote).map(|end| body[..end].to_string());
            }
        }
        from = at + key.len();
    }
    None
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_rows_and_columns_from_the_sheet_part() {
        let xml = r#"<worksheet><cols><col min="2" max="3" width="9" hidden="1"/><col min="4" max="4" width="9"/></cols>
<sheetData><row r="1"><c r="A1"/></row><row r="5" hidden="1" spans="1:3"><c r="A5"/></row><row r="7" ht="0" hidden="true"/></sheetData></worksheet>"#;
        let (rows, cols) = hidden_in(xml);
        assert_eq!(rows.into_iter().collect::<Vec<_>>(), vec![4, 6]);
        assert_eq!(cols.into_iter().collect::<Vec<_>>(), vec![1, 2]);
    }

    #[test]
    fn attributes_are_found_by_whole_name() {
        let t = r#" name="Bảng &amp; số" sheetId="2" r:id="rId2""#;
        assert_eq!(attr(t, "r:id").as_deref(), Some("rId2"));
        assert_eq!(
            attr(t, "name").map(|n| unescape(&n)).as_deref(),
            Some("Bảng & số")
        );
        assert_eq!(attr(t, "id"), None);
    }
}
