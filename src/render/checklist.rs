//! The ND30 layout checklist (nd30.md §13), run by cchc on every PDF it lays out: what a văn
//! thư sees at a glance and the content cannot show, since it depends on the widths of the
//! words. A header line that wrapped, text or a table outside the margins, a page number
//! missing, a heading left alone at the foot of a page, a paragraph's first line alone at
//! the foot of a page or its last alone at the head of the next.
//!
//! Read from the laid-out pages ([`super::inspect`]), the same frames the PDF is written
//! from. Each finding is a warning; `cchc build --strict` makes them errors.

use super::inspect::{Inspection, Line};
use crate::diag::{Code, Diagnostic, Text};
use crate::markdown;
use crate::model::{AppendixContent, Block, Document, Issuer};
use crate::present::{Phrase, Piece};

const MM: f64 = 72.0 / 25.4;
/// The margins of every page (nd30.md §1): top and bottom 20 mm, left 30 mm, right 15 mm.
const TOP: f64 = 20.0 * MM;
const BOTTOM: f64 = 20.0 * MM;
const LEFT: f64 = 30.0 * MM;
const RIGHT: f64 = 15.0 * MM;

pub const NATIONAL: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";

/// A phrase as its text reads once laid out: blanks as spaces, spaces squeezed.
fn plain(p: &Phrase) -> String {
    let s: String = p
        .iter()
        .map(|x| match x {
            Piece::Text(t) => t.as_str(),
            Piece::Blank(_) => " ",
        })
        .collect();
    squeeze(&s)
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn size(l: &Line) -> f64 {
    l.runs.first().map_or(0.0, |r| r.size)
}

fn finding(doc: &Document, code: Code, vi: String, en: String) -> Diagnostic {
    Diagnostic::new(code, doc.source.clone(), None, Text::new(vi, en))
}

/// Every checklist failure of one laid-out document.
pub fn check(insp: &Inspection, issuer: &Issuer, doc: &Document) -> Vec<Diagnostic> {
    let mut f = Vec::new();
    // Runs 3 pt apart are separate lines: the two halves of the header never merge.
    let lines = insp.lines(3.0);
    header(&lines, issuer, doc, &mut f);
    margins(insp, doc, &mut f);
    page_numbers(insp, &lines, doc, &mut f);
    headings_at_foot(insp, &lines, doc, &mut f);
    lonely_lines(insp, &lines, doc, &mut f);
    f
}

/// Items 9–17: each header line whole on one line, at ND30's sizes, the date beside the Số.
fn header(lines: &[Line], issuer: &Issuer, doc: &Document, f: &mut Vec<Diagnostic>) {
    let phrases = crate::present::phrases(issuer, doc);
    let first: Vec<&Line> = lines.iter().filter(|l| l.page == 1).collect();
    let one = |text: &str| first.iter().copied().find(|l| l.text == text);
    let mut wrapped = |vi: &str, en: &str, text: &str| {
        f.push(finding(
            doc,
            Code::LayoutHeaderWrapped,
            format!("{vi} bị xuống dòng hoặc thiếu: \"{text}\"."),
            format!("The {en} wrapped or is missing: \"{text}\"."),
        ));
    };
    let qh = one(NATIONAL);
    if qh.is_none() {
        wrapped("Quốc hiệu", "Quốc hiệu", NATIONAL);
    }
    let tn = one(MOTTO);
    if tn.is_none() {
        wrapped("Tiêu ngữ", "Tiêu ngữ", MOTTO);
    }
    for l in &issuer.name_lines {
        if one(l).is_none() {
            wrapped("Tên cơ quan ban hành", "issuer line", l);
        }
    }
    let date_text = plain(&phrases.date_line);
    let date = one(&date_text);
    if date.is_none() {
        wrapped("Dòng địa danh, ngày tháng", "date line", &date_text);
    }
    let number_text = plain(&phrases.number);
    let number = one(&number_text);
    if number.is_none() {
        wrapped("Dòng Số, ký hiệu", "Số line", &number_text);
    }
    let mut wrong = |vi: String, en: String| {
        f.push(finding(doc, Code::LayoutHeaderForm, vi, en));
    };
    if let Some(qh) = qh
        && !((12.0..=13.0).contains(&size(qh)) && qh.runs.iter().all(|r| r.bold))
    {
        wrong(
            format!(
                "Quốc hiệu cỡ {:.1} pt; ND30: 12–13 pt, đứng, đậm.",
                size(qh)
            ),
            format!(
                "Quốc hiệu at {:.1} pt; ND30: 12–13 pt bold upright.",
                size(qh)
            ),
        );
    }
    if let (Some(qh), Some(tn)) = (qh, tn)
        && (size(tn) - size(qh) - 1.0).abs() > 0.01
    {
        wrong(
            format!(
                "Tiêu ngữ cỡ {:.1} pt; ND30: lớn hơn Quốc hiệu 1 pt.",
                size(tn)
            ),
            format!(
                "Tiêu ngữ at {:.1} pt; ND30: 1 pt above the Quốc hiệu.",
                size(tn)
            ),
        );
    }
    if let Some(d) = date
        && !((13.0..=14.0).contains(&size(d)) && d.runs.iter().all(|r| r.italic))
    {
        wrong(
            format!(
                "Dòng ngày tháng cỡ {:.1} pt; ND30: 13–14 pt, nghiêng.",
                size(d)
            ),
            format!("Date line at {:.1} pt; ND30: 13–14 pt italic.", size(d)),
        );
    }
    if let (Some(d), Some(qh)) = (date, qh)
        && (d.center() - qh.center()).abs() > 3.0
    {
        wrong(
            "Dòng ngày tháng không ở giữa dưới Quốc hiệu (địa danh rộng hơn Quốc hiệu, đặt sát lề phải).".into(),
            "The date line is not centred under the Quốc hiệu (the place name is wider than it, set flush right).".into(),
        );
    }
    if let (Some(d), Some(n)) = (date, number)
        && (d.y - n.y).abs() > 2.0
    {
        wrong(
            "Dòng ngày tháng không cùng hàng với dòng Số (địa danh quá dài để đứng cạnh Số).".into(),
            "The date line is not on the Số line's row (the place name is too long to sit beside it).".into(),
        );
    }
}

/// Item 5: every mark inside the text area, page numbers aside (they sit in the top margin).
fn margins(insp: &Inspection, doc: &Document, f: &mut Vec<Diagnostic>) {
    let mut pages_out: Vec<usize> = Vec::new();
    for r in &insp.runs {
        let p = insp.pages[r.page - 1];
        let page_number = r.y <= TOP && r.text.trim().chars().all(|c| c.is_ascii_digit());
        let outside = r.x < LEFT - 1.0
            || r.right() > p.width - RIGHT + 1.0
            || (!page_number && (r.top < TOP - 1.0 || r.bottom > p.height - BOTTOM + 1.0));
        if outside && !pages_out.contains(&r.page) {
            pages_out.push(r.page);
            f.push(finding(
                doc,
                Code::LayoutOutsideMargins,
                format!(
                    "Trang {}: chữ ra ngoài vùng in: \"{}\".",
                    r.page,
                    r.text.trim()
                ),
                format!(
                    "Page {}: text outside the margins: \"{}\".",
                    r.page,
                    r.text.trim()
                ),
            ));
        }
    }
    for r in &insp.rules {
        let p = insp.pages[r.page - 1];
        if (r.x0 < LEFT - 1.0 || r.x1 > p.width - RIGHT + 1.0) && !pages_out.contains(&r.page) {
            pages_out.push(r.page);
            f.push(finding(
                doc,
                Code::LayoutOutsideMargins,
                format!("Trang {}: bảng hoặc đường kẻ rộng hơn vùng in.", r.page),
                format!("Page {}: a table or rule wider than the text area.", r.page),
            ));
        }
    }
}

/// The first page of each phụ lục: its "Phụ lục …" heading opens the page.
fn appendix_starts(insp: &Inspection, lines: &[Line]) -> Vec<usize> {
    (2..=insp.pages.len())
        .filter(|&p| {
            lines
                .iter()
                .find(|l| l.page == p && l.y > TOP)
                .is_some_and(|l| l.text.starts_with("Phụ lục") && l.runs.iter().all(|r| r.bold))
        })
        .collect()
}

/// Items 6–8: no number on page 1 (nor on a phụ lục's first page), then each page its own
/// number at the top centre, counted again in each phụ lục.
fn page_numbers(insp: &Inspection, lines: &[Line], doc: &Document, f: &mut Vec<Diagnostic>) {
    let starts = if doc.appendices.is_empty() {
        Vec::new()
    } else {
        appendix_starts(insp, lines)
    };
    for page in 1..=insp.pages.len() {
        let start = starts
            .iter()
            .copied()
            .filter(|s| *s <= page)
            .max()
            .unwrap_or(1);
        let want = page - start + 1;
        let shown: Vec<&Line> = lines
            .iter()
            .filter(|l| l.page == page && l.y <= TOP && l.text.chars().all(|c| c.is_ascii_digit()))
            .collect();
        let centre = (LEFT + insp.pages[page - 1].width - RIGHT) / 2.0;
        let ok = if want == 1 {
            shown.is_empty()
        } else {
            shown.len() == 1
                && shown[0].text == want.to_string()
                && (shown[0].center() - centre).abs() < 3.0
                && (13.0..=14.0).contains(&size(shown[0]))
        };
        if !ok {
            let got: Vec<&str> = shown.iter().map(|l| l.text.as_str()).collect();
            f.push(finding(
                doc,
                Code::LayoutPageNumber,
                format!(
                    "Trang {page}: số trang {got:?}, cần {}.",
                    if want == 1 {
                        "không có".to_string()
                    } else {
                        format!("\"{want}\" ở giữa lề trên")
                    }
                ),
                format!(
                    "Page {page}: page number {got:?}, wanted {}.",
                    if want == 1 {
                        "none".to_string()
                    } else {
                        format!("\"{want}\" at the top centre")
                    }
                ),
            ));
        }
    }
}

/// A heading ("I. …", "1. …", "Điều 2. …", bold) or a lead-in ending in ":" is the last line
/// of a page while its text goes on overleaf.
fn headings_at_foot(insp: &Inspection, lines: &[Line], doc: &Document, f: &mut Vec<Diagnostic>) {
    let body_pages = insp.pages.len();
    let headings = heading_texts(doc);
    for page in 1..body_pages {
        let on: Vec<&Line> = lines
            .iter()
            .filter(|l| {
                l.page == page && l.y > TOP && l.y < insp.pages[page - 1].height - BOTTOM + 1.0
            })
            .collect();
        let Some(last) = on.last() else { continue };
        // The signature block ends its page in bold by design.
        if on.iter().any(|l| l.text.starts_with("Nơi nhận")) {
            continue;
        }
        // Only the body: a line spanning the text width's left part, not a table cell.
        let bold = !last.runs.is_empty() && last.runs.iter().all(|r| r.bold);
        let lead_in = last.text.ends_with(':') && !last.text.starts_with("Nơi nhận");
        let in_table = insp
            .vrules
            .iter()
            .any(|v| v.page == page && v.y0 <= last.y && v.y1 >= last.y);
        // Alone: the line opens its paragraph (indented, or a heading's label), so nothing
        // of it stays on the page but this line; a paragraph's last line ending ":" is not.
        let opens = last.x > LEFT + 10.0 || bold;
        if ((bold || lead_in) && opens && !in_table && size(last) >= 13.0)
            || ends_with_heading(insp, lines, page, &headings)
        {
            f.push(finding(
                doc,
                Code::LayoutHeadingAtFoot,
                format!("Trang {page}: đề mục nằm cuối trang, tách khỏi nội dung của nó: \"{}\".", last.text),
                format!("Page {page}: a heading is the last line of the page, apart from its text: \"{}\".", last.text),
            ));
        }
    }
}

/// A body line's place in its paragraph, read from its left edge: every body paragraph opens
/// at the first-line indent (nd30.md §3, 1 cm or 1.27 cm), and its other lines start at the
/// margin.
fn continues(l: &Line) -> bool {
    (l.x - LEFT).abs() < 1.0
}

fn opens(l: &Line) -> bool {
    l.x > LEFT + 10.0 && l.x < LEFT + 1.27 * 10.0 * MM + 1.0
}

/// A justified line that is not its paragraph's last reaches the right margin.
fn full(insp: &Inspection, l: &Line) -> bool {
    (l.right - (insp.pages[l.page - 1].width - RIGHT)).abs() < 1.5
}

fn in_table(insp: &Inspection, l: &Line) -> bool {
    insp.vrules
        .iter()
        .any(|v| v.page == l.page && v.y0 <= l.y && v.y1 >= l.y)
}

/// The lines of the running text on a page: inside the text area, outside tables.
fn flow<'a>(insp: &Inspection, lines: &'a [Line], page: usize) -> Vec<&'a Line> {
    let foot = insp.pages[page - 1].height - BOTTOM + 1.0;
    lines
        .iter()
        .filter(|l| l.page == page && l.y > TOP && l.y < foot && !in_table(insp, l))
        .collect()
}

/// Two lines one after the other in one paragraph: same size, the second at the margin, a
/// line pitch apart (paragraphs are further apart: nd30.md §3, 6 pt or more).
fn same_paragraph(a: &Line, b: &Line) -> bool {
    continues(b) && (size(a) - size(b)).abs() < 0.1 && b.y - a.y < 1.5 * size(a)
}

/// A paragraph the page break cuts: how many of its lines end page `page` and how many
/// open the next one, and its first and last line.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    pub page: usize,
    pub before: usize,
    pub after: usize,
    pub first: String,
    pub last: String,
}

/// Every paragraph of running text that a page break cuts, read from the lines: the last
/// line of a page reaching the right margin (justified, so not its paragraph's last) and
/// the next page opening at the margin (not at a paragraph's indent). Its lines on the
/// first page are counted back to the indented line that opens it, those on the second
/// forward to the next indent or gap; where the opening line is not found the break is
/// left out rather than guessed.
pub fn splits(insp: &Inspection, lines: &[Line]) -> Vec<Split> {
    let mut out = Vec::new();
    for page in 1..insp.pages.len() {
        let here = flow(insp, lines, page);
        let next = flow(insp, lines, page + 1);
        let (Some(&last), Some(&head)) = (here.last(), next.first()) else {
            continue;
        };
        if !(full(insp, last) && continues(head) && (size(last) - size(head)).abs() < 0.1) {
            continue;
        }
        if !(opens(last) || continues(last)) || size(last) < 13.0 {
            continue;
        }
        let mut start = here.len() - 1;
        while continues(here[start]) && start > 0 && same_paragraph(here[start - 1], here[start]) {
            start -= 1;
        }
        if !opens(here[start]) {
            continue;
        }
        let mut end = 0;
        while end + 1 < next.len() && same_paragraph(next[end], next[end + 1]) {
            end += 1;
        }
        out.push(Split {
            page,
            before: here.len() - start,
            after: end + 1,
            first: here[start].text.clone(),
            last: next[end].text.clone(),
        });
    }
    out
}

/// A paragraph's first line alone at the foot of a page, or its last alone at the head of
/// the next.
fn lonely_lines(insp: &Inspection, lines: &[Line], doc: &Document, f: &mut Vec<Diagnostic>) {
    for s in splits(insp, lines) {
        if s.before == 1 {
            f.push(finding(
                doc,
                Code::LayoutLonelyLine,
                format!(
                    "Trang {}: dòng đơn lẻ ở cuối trang: dòng đầu của đoạn \"{}\" nằm một mình, phần còn lại sang trang sau.",
                    s.page, s.first
                ),
                format!(
                    "Page {}: a lonely line at the foot of the page: the first line of the paragraph \"{}\" stands alone, the rest is overleaf.",
                    s.page, s.first
                ),
            ));
        }
        if s.after == 1 {
            f.push(finding(
                doc,
                Code::LayoutLonelyLine,
                format!(
                    "Trang {}: dòng đơn lẻ ở đầu trang: dòng cuối của đoạn \"{}\" nằm một mình, tách khỏi đoạn ở trang trước.",
                    s.page + 1, s.first
                ),
                format!(
                    "Page {}: a lonely line at the head of the page: the last line of the paragraph \"{}\" stands alone, apart from the rest.",
                    s.page + 1, s.first
                ),
            ));
        }
    }
}

/// The khoản and điểm headings of a document as they print: label, then words. A điểm
/// ("a) …") is upright, so only its words tell it from a paragraph.
fn heading_texts(doc: &Document) -> Vec<String> {
    let appendices = doc.appendices.iter().filter_map(|a| match &a.content {
        AppendixContent::Text { blocks } => Some(blocks),
        _ => None,
    });
    std::iter::once(&doc.body.opening)
        .chain(doc.body.sections.iter().map(|s| &s.blocks))
        .chain(appendices)
        .flatten()
        .filter_map(|b| match b {
            Block::Heading { label, text, .. } => {
                Some(squeeze(&format!("{label} {}", markdown::plain(text))))
            }
            _ => None,
        })
        .collect()
}

/// The page's running text ends with a whole heading: its last lines, from the indented
/// one that opens them, read as one of the document's headings.
fn ends_with_heading(insp: &Inspection, lines: &[Line], page: usize, headings: &[String]) -> bool {
    let here = flow(insp, lines, page);
    let Some(mut start) = here.len().checked_sub(1) else {
        return false;
    };
    while start > 0 && same_paragraph(here[start - 1], here[start]) {
        start -= 1;
    }
    let text = here[start..]
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    opens(here[start]) && headings.contains(&text)
}
