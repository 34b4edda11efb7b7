//! The body: mục, khoản and điểm as heading paragraphs (Word's "heading 1–3", so they show
//! in the navigation pane), paragraphs with their literal markers, and tables. Every
//! paragraph is a real paragraph in the body style: justified, 1.27 cm first-line indent,
//! 6 pt apart, as the PDF.

use super::measure::Metrics;
use super::tables::{Data, assignments};
use super::xml::{Look, Tw, inlines, run};
use crate::model::{AppendixContent, Block, Body, Inline};

/// A paragraph in a named style (the body's when `None`), with no direct formatting: what
/// an editor gets on pressing Enter after it is the same paragraph again.
pub fn styled(style: Option<&str>, runs: &str) -> String {
    match style {
        Some(st) => format!("<w:p><w:pPr><w:pStyle w:val=\"{st}\"/></w:pPr>{runs}</w:p>"),
        None => format!("<w:p>{runs}</w:p>"),
    }
}

/// One body block; `width` is the text width, for tables.
pub fn block(b: &Block, width: Tw, m: &Metrics) -> String {
    match b {
        Block::Heading { level, label, text } => {
            // A khoản ("1.") is bold, a điểm ("a)") upright (Phụ lục I, IV.3).
            let style = if *level >= 3 { "Heading3" } else { "Heading2" };
            let runs = run(&format!("{label} "), Look::default()) + &inlines(text, Look::default());
            styled(Some(style), &runs)
        }
        Block::Para { marker, text } => {
            let mut runs = String::new();
            if let Some(mk) = marker {
                runs.push_str(&run(&format!("{mk} "), Look::default()));
            }
            runs.push_str(&inlines(text, Look::default()));
            if crate::markdown::lead_in(text) {
                // As the PDF: a one-line lead-in keeps with what it introduces.
                format!("<w:p><w:pPr><w:keepNext/></w:pPr>{runs}</w:p>")
            } else {
                styled(None, &runs)
            }
        }
        Block::Table { header, rows } => Data {
            header: header.clone(),
            rows: rows.clone(),
            groups: &[],
            numeric: &[],
            widths: &[],
            group_rows: &[],
        }
        .xml(width, m),
    }
}

/// Blocks in order. Two tables in a row are kept apart by an empty paragraph: Word joins
/// adjacent tables into one.
fn blocks(bs: &[Block], width: Tw, m: &Metrics) -> String {
    let mut s = String::new();
    let mut after_table = false;
    for b in bs {
        let table = matches!(b, Block::Table { .. });
        if table && after_table {
            s.push_str(&super::xml::Para::default().tiny().with(""));
        }
        s.push_str(&block(b, width, m));
        after_table = table;
    }
    s
}

pub fn body(b: &Body, width: Tw, m: &Metrics) -> String {
    let mut s = blocks(&b.opening, width, m);
    for sec in &b.sections {
        let title = format!("{} {}", sec.label, sec.title);
        s.push_str(&styled(Some("Heading1"), &run(&title, Look::default())));
        s.push_str(&blocks(&sec.blocks, width, m));
    }
    s
}

/// What a phụ lục holds, under its heading lines.
pub fn appendix_content(c: &AppendixContent, width: Tw, m: &Metrics) -> String {
    match c {
        AppendixContent::Assignments { table } => assignments(table, width, m),
        AppendixContent::Table { table } => {
            let cells = |r: &[String]| -> Vec<Vec<Inline>> {
                r.iter()
                    .map(|t| vec![Inline::Text { text: t.clone() }])
                    .collect()
            };
            Data {
                header: cells(&table.header),
                rows: if table.styled.is_empty() {
                    table.rows.iter().map(|r| cells(r)).collect()
                } else {
                    table.styled.clone()
                },
                groups: &table.groups,
                numeric: &table.numeric,
                widths: &table.widths,
                group_rows: &table.group_rows,
            }
            .xml(width, m)
        }
        AppendixContent::Text { blocks: bs } => blocks(bs, width, m),
    }
}
