//! The present stage: what each output prints, composed once from the validated model.
//!
//! The ND30 phrases of a document are composed once, here, for
//! every output to print as they are. A theme walks a [`Phrase`]'s pieces and decides only
//! how a blank looks (spaces in the PDF, an underlined gap on the web page); the words, the
//! zero padding and the punctuation are never composed again in a template.

use std::borrow::Cow;

use serde::Serialize;

use crate::model::{Appendix, AppendixContent, Attached, Document, Issuer};
use crate::present::PeriodView;
use crate::vn;

/// A printed phrase: text, with blanks where a draft leaves the number or the day for the
/// văn thư to write in by hand.
pub type Phrase = Vec<Piece>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Piece {
    Text(String),
    Blank(Blank),
}

/// Which blank: they are not the same width on paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Blank {
    /// The registered number (số), before "/KH-UBND".
    So,
    /// The day (ngày) of the date line.
    Ngay,
}

/// The phrases of one document (Phụ lục I of the decree: ô 3, ô 4, and the phụ lục line).
#[derive(Debug, Clone, Serialize)]
pub struct Phrases {
    /// "Số: 05/KH-UBND".
    pub number: Phrase,
    /// "Hòa Sơn, ngày 15 tháng 01 năm 2026".
    pub date_line: Phrase,
    /// "(Kèm theo Kế hoạch số 05/KH-UBND ngày 15 tháng 01 năm 2026 của Ủy ban nhân dân xã
    /// Hòa Sơn)", printed under each phụ lục's title.
    pub attached: Phrase,
    /// Kính gửi (ô 9a): one addressee as "X." on the label's line, several as "- X;" …
    /// "- Z." lines.
    pub addressees: Vec<ListLine>,
    /// Nơi nhận (ô 9b): "- UBND tỉnh;" … "- Lưu: VT, VP.".
    pub recipients: Vec<ListLine>,
}

/// A line of a printed list with its end punctuation; a theme draws the dash (the PDF
/// hangs a wrapped line under the text, not under the dash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListLine {
    pub dash: bool,
    /// "Sở Nội vụ tỉnh Khánh Hòa;"
    pub text: String,
}

impl ListLine {
    /// The line as one string: "- Sở Nội vụ;".
    pub fn printed(&self) -> String {
        if self.dash {
            format!("- {}", self.text)
        } else {
            self.text.clone()
        }
    }
}

/// Items as a list: ";" after each, "." after the last; dashes unless `alone_plain` and
/// there is one item (a single Kính gửi sits on the label's line).
fn list(items: &[String], alone_plain: bool) -> Vec<ListLine> {
    let n = items.len();
    items
        .iter()
        .enumerate()
        .map(|(i, t)| ListLine {
            dash: !(alone_plain && n == 1),
            text: format!("{t}{}", if i + 1 == n { "." } else { ";" }),
        })
        .collect()
}

/// Appends text to a phrase, joining it to text before it.
fn push(p: &mut Phrase, s: &str) {
    match p.last_mut() {
        Some(Piece::Text(t)) => t.push_str(s),
        _ => p.push(Piece::Text(s.to_string())),
    }
}

/// "05/KH-UBND", or a blank then "/KH-UBND" in a draft (or when `blank`).
fn reference(p: &mut Phrase, doc: &Document, blank: bool) {
    match &doc.number {
        Some(_) if !blank => push(p, &doc.reference),
        _ => {
            p.push(Piece::Blank(Blank::So));
            push(p, &format!("/{}", doc.symbol));
        }
    }
}

/// "ngày 15 tháng 01 năm 2026": the day and months 1–2 zero padded (nd30.md §3.4).
fn date_words(p: &mut Phrase, doc: &Document, blank: bool) {
    let d = &doc.date.0;
    push(p, "ngày ");
    match d.day_text() {
        Some(day) if !blank => push(p, &day),
        _ => p.push(Piece::Blank(Blank::Ngay)),
    }
    push(p, &format!(" tháng {} năm {}", d.month_text(), d.year));
}

pub fn phrases(issuer: &Issuer, doc: &Document) -> Phrases {
    let mut number = vec![Piece::Text("Số:".into())];
    if doc.number.is_some() {
        push(&mut number, " ");
    }
    reference(&mut number, doc, false);

    let mut date_line = vec![Piece::Text(format!("{}, ", issuer.place))];
    date_words(&mut date_line, doc, false);

    let attached = match &doc.attached {
        Attached::Written { line } => vec![Piece::Text(line.clone())],
        Attached::Composed { by, blanks } => {
            // A numbered document awaiting its final number may still leave the blanks.
            let mut p = vec![Piece::Text(format!("(Kèm theo {} số ", doc.kind.name()))];
            reference(&mut p, doc, *blanks);
            push(&mut p, " ");
            date_words(&mut p, doc, *blanks);
            push(&mut p, &format!(" của {by})"));
            p
        }
    };

    Phrases {
        number,
        date_line,
        attached,
        addressees: list(&doc.addressees, true),
        recipients: list(&doc.recipients, false),
    }
}

/// The document as printed: a báo cáo that names a period (`ky_bao_cao`) gets that period's
/// tables (Biểu 06, chỉ tiêu, tiến độ, 766) as its last phụ lục, from the same period view as
/// the results page. Any other document is printed as it is.
pub fn document<'a>(doc: &'a Document, periods: &[&PeriodView]) -> Cow<'a, Document> {
    let Some(view) = doc
        .report_period
        .as_deref()
        .and_then(|id| periods.iter().find(|p| p.id == id))
    else {
        return Cow::Borrowed(doc);
    };
    let mut doc = doc.clone();
    let metrics = crate::render::docx::measure::Metrics::new().ok();
    for (title, mut table) in super::tables::report_tables(view) {
        // Five columns and more do not fit across a portrait page.
        let landscape = table.header.len() >= 5;
        // Sized by content as a `bang` is (issue 9): short columns on one line; Biểu 06's
        // number columns equal under each group title.
        if let Some(m) = metrics.as_ref() {
            let total = crate::model::autofit::print_width(landscape);
            crate::model::autofit::fit(&mut table, total, &|t, bold| m.width(t, 12.0, bold));
        }
        doc.appendices.push(Appendix {
            label: String::new(),
            title,
            landscape,
            content: AppendixContent::Table { table },
        });
    }
    relabel(&mut doc.appendices);
    Cow::Owned(doc)
}

/// "Phụ lục" for a single appendix, "Phụ lục I", "Phụ lục II", … for several.
fn relabel(appendices: &mut [Appendix]) {
    let n = appendices.len();
    for (i, a) in appendices.iter_mut().enumerate() {
        a.label = if n == 1 {
            "Phụ lục".into()
        } else {
            format!("Phụ lục {}", vn::roman(i as u32 + 1))
        };
    }
}
