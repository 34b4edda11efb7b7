//! The Word twin (.docx) of every document, for revising before signature (tracked changes,
//! comments) and for sending drafts out for comment: the same present-stage view as the
//! PDF, laid out to Nghị định 30/2020/NĐ-CP in Word's own terms. A4 with the PDF's margins;
//! the header and the closing as borderless tables; body text as real paragraphs in styles;
//! page numbers as PAGE fields from page 2; each phụ lục its own section (landscape where
//! the PDF is, numbered from 1); data tables with repeating header rows.
//!
//! WordprocessingML is written directly rather than through docx-rs, which cannot mark a
//! header row to repeat and stamps its zip with the clock: the same input always gives the
//! same bytes here.

mod body;
mod front;
pub mod measure;
mod parts;
mod tables;
mod xml;
mod zip;

use rayon::prelude::*;

use crate::cache::Cache;
use crate::error::BuildError;
use crate::model::{Appendix, Document, Issuer};
use crate::outputs::{Out, Output};
use crate::present::Views;
use measure::Metrics;
use parts::{FOOTER_CONTACT, FOOTER_EMPTY, HEADER_EMPTY, HEADER_NUMBER, Package};
use xml::{Look, Para, Tw, mm, pt, run};

/// A4 and the PDF's margins (document.typ: top and bottom 20 mm, left 30, right 15); the
/// page number sits 10 mm from the top edge, inside the top margin.
const PAGE_W: Tw = 11906;
const PAGE_H: Tw = 16838;
const TOP: f64 = 20.0;
const BOTTOM: f64 = 20.0;
const LEFT: f64 = 30.0;
const RIGHT: f64 = 15.0;
const HEADER_AT: f64 = 10.0;

/// Width of the text on a page, in twips.
fn text_width(landscape: bool) -> Tw {
    let page = if landscape { PAGE_H } else { PAGE_W };
    page - mm(LEFT) - mm(RIGHT)
}

/// The Word documents, one beside each PDF (same name, `.docx`), for every document whose
/// `meta.docx_path` is set (none when the build is told to skip them).
pub struct Docx {
    metrics: Metrics,
}

impl Docx {
    pub fn new() -> Result<Self, String> {
        Ok(Self {
            metrics: Metrics::new()?,
        })
    }

    /// One document's .docx bytes.
    pub fn document(&self, issuer: &Issuer, doc: &Document) -> Result<Vec<u8>, String> {
        let package = Package {
            contact: doc.show_contact && !issuer.contact.is_empty(),
        };
        let body = self.body(issuer, doc, package.contact);
        let parts: [(&str, String); 12] = [
            ("[Content_Types].xml", package.content_types()),
            ("_rels/.rels", package.root_rels()),
            ("docProps/core.xml", parts::core(doc)),
            ("docProps/app.xml", parts::app()),
            ("word/document.xml", parts::document(&body)),
            ("word/_rels/document.xml.rels", package.document_rels()),
            ("word/styles.xml", parts::styles()),
            ("word/settings.xml", parts::settings()),
            ("word/fontTable.xml", parts::font_table()),
            ("word/header1.xml", parts::header_number()),
            ("word/header2.xml", parts::empty("hdr")),
            ("word/footer1.xml", parts::empty("ftr")),
        ];
        let mut files: Vec<(&str, Vec<u8>)> = parts
            .into_iter()
            .map(|(n, s)| (n, s.into_bytes()))
            .collect();
        if package.contact {
            files.push((
                "word/footer2.xml",
                parts::footer_contact(issuer).into_bytes(),
            ));
        }
        zip::zip(&files)
    }

    /// `word/document.xml`'s body: page 1 onwards, then each phụ lục in its own section.
    fn body(&self, issuer: &Issuer, doc: &Document, contact: bool) -> String {
        let m = &self.metrics;
        let ph = crate::present::phrases(issuer, doc);
        let width = text_width(false);
        let mut s = front::header(issuer, doc, &ph, width, m);
        if doc.kind.title().is_none()
            && doc.decision.is_none()
            && doc.addressees.is_empty()
            && matches!(
                doc.body.opening.first(),
                Some(crate::model::Block::Table { .. })
            )
        {
            // Nothing between the header and a table: Word would join the two.
            s.push_str(&Para::default().tiny().with(""));
        }
        s.push_str(&front::title(doc, width, m));
        if let Some(d) = &doc.decision {
            s.push_str(&front::decision(d));
        }
        s.push_str(&front::addressees(&ph.addressees, m));
        s.push_str(&body::body(&doc.body, width, m));
        s.push_str(&front::closing(doc, &ph.recipients, width, m));
        let attached = front::phrase(&ph.attached);
        let mut section = sect_pr(false, true, contact);
        for a in &doc.appendices {
            // A section ends with the paragraph that holds its properties.
            s.push_str(&Para::default().tiny().with_section(&section));
            s.push_str(&appendix(a, &attached, m));
            section = sect_pr(a.landscape, false, false);
        }
        s.push_str(&section);
        s
    }
}

impl Para {
    /// An empty paragraph closing a section with `sect_pr`.
    fn with_section(&self, sect_pr: &str) -> String {
        format!("<w:p>{}</w:p>", self.ppr(sect_pr))
    }
}

/// A phụ lục's heading lines (nd30.md §7: label, title, the "Kèm theo" line, a 30 mm rule)
/// and its content.
fn appendix(a: &Appendix, attached: &str, m: &Metrics) -> String {
    let width = text_width(a.landscape);
    let line = |text: &str, look: Look, before: Tw| {
        Para::centered()
            .pitch(parts::BODY_PITCH)
            .before(before)
            .with(&run(text, look))
    };
    let bold = Look::size(14.0).bold();
    line(&a.label, bold, 0)
        + &line(&a.title, bold, pt(3.0))
        + &line(attached, Look::size(14.0).italic(), pt(3.0))
        + &xml::rule(mm(30.0), width, pt(6.0), pt(12.0))
        + &body::appendix_content(&a.content, width, m)
}

/// A section's page: A4 (turned for a landscape phụ lục), the margins, numbering from 1
/// with none on its first page, and every header and footer named, so that no section
/// inherits another's (a landscape section after a portrait one keeps its numbers).
fn sect_pr(landscape: bool, first_section: bool, contact: bool) -> String {
    let first_footer = if contact {
        FOOTER_CONTACT
    } else {
        FOOTER_EMPTY
    };
    let (w, h, orient) = if landscape {
        (PAGE_H, PAGE_W, " w:orient=\"landscape\"")
    } else {
        (PAGE_W, PAGE_H, "")
    };
    let kind = if first_section {
        ""
    } else {
        "<w:type w:val=\"nextPage\"/>"
    };
    format!(
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"{HEADER_NUMBER}\"/>\
<w:headerReference w:type=\"first\" r:id=\"{HEADER_EMPTY}\"/>\
<w:footerReference w:type=\"default\" r:id=\"{FOOTER_EMPTY}\"/>\
<w:footerReference w:type=\"first\" r:id=\"{first_footer}\"/>{kind}\
<w:pgSz w:w=\"{w}\" w:h=\"{h}\"{orient}/>\
<w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"{}\" w:footer=\"{}\" w:gutter=\"0\"/>\
<w:pgNumType w:start=\"1\"/><w:titlePg/></w:sectPr>",
        mm(TOP),
        mm(RIGHT),
        mm(BOTTOM),
        mm(LEFT),
        mm(HEADER_AT),
        // The contact block ends where the PDF's does, at the bottom of the text area.
        mm(if contact { BOTTOM } else { HEADER_AT }),
    )
}

impl Docx {
    /// One document's .docx, from the cache when its issuer and view are unchanged.
    fn cached(&self, issuer: &Issuer, doc: &Document, cache: &Cache) -> Result<Vec<u8>, String> {
        let json = serde_json::to_vec(&(issuer, doc)).map_err(|e| e.to_string())?;
        let key = crate::cache::digest(&[crate::cache::VERSION.as_bytes(), b"docx", &json]);
        if let Some(hit) = cache.get(crate::cache::Kind::Docx, &key) {
            return Ok(hit.bytes);
        }
        let _watched = crate::watchdog::task(|| doc.meta.docx_path.clone().unwrap_or_default());
        let bytes = self.document(issuer, doc)?;
        cache.put(crate::cache::Kind::Docx, &key, &bytes, 0);
        Ok(bytes)
    }
}

impl Output for Docx {
    fn write(&self, views: &Views, out: &mut Out) -> Result<usize, BuildError> {
        let issuer = &views.site.issuer;
        // Staged a chunk at a time, so that memory holds a few hundred files at most.
        for chunk in views.documents.chunks(256) {
            let files: Vec<(&str, Vec<u8>)> = chunk
                .par_iter()
                .filter_map(|doc| doc.meta.docx_path.as_deref().map(|p| (doc, p)))
                .map(|(doc, path)| {
                    self.cached(issuer, doc, out.cache)
                        .map(|bytes| (path, bytes))
                        .map_err(|detail| BuildError::Render {
                            document: doc.source.clone(),
                            detail,
                        })
                })
                .collect::<Result<_, _>>()?;
            for (path, bytes) in files {
                out.file(path, &bytes)?;
            }
        }
        Ok(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Body, Inline};
    use crate::present::{Blank, Piece};

    fn demo() -> crate::model::Site {
        let fonts = crate::render::fonts::FontSet::load(None).unwrap();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        crate::content::load(&dir, &fonts.coverage()).unwrap().site
    }

    #[test]
    fn a_section_per_appendix_turned_where_the_pdf_is() {
        let site = demo();
        let docx = Docx::new().unwrap();
        for doc in &site.documents {
            let body = docx.body(&site.issuer, doc, false);
            assert_eq!(
                body.matches("<w:sectPr>").count(),
                doc.appendices.len() + 1,
                "{}",
                doc.slug
            );
            let turned = doc.appendices.iter().filter(|a| a.landscape).count();
            assert_eq!(body.matches("w:orient=\"landscape\"").count(), turned);
            // The last section's properties close the body.
            assert!(body.ends_with("</w:sectPr>"), "{}", doc.slug);
        }
    }

    #[test]
    fn the_same_document_gives_the_same_bytes() {
        let site = demo();
        let docx = Docx::new().unwrap();
        let doc = &site.documents[0];
        let a = docx.document(&site.issuer, doc).unwrap();
        assert_eq!(a, docx.document(&site.issuer, doc).unwrap());
        assert_eq!(&a[..4], b"PK\x03\x04");
    }

    #[test]
    fn adjacent_tables_stay_two_tables() {
        let cell = |t: &str| vec![Inline::Text { text: t.into() }];
        let table = Block::Table {
            header: vec![cell("STT"), cell("Nội dung")],
            rows: vec![vec![cell("1"), cell("Một")]],
        };
        let m = Metrics::new().unwrap();
        let xml = body::body(
            &Body {
                opening: vec![table.clone(), table],
                sections: Vec::new(),
            },
            text_width(false),
            &m,
        );
        assert_eq!(xml.matches("<w:tbl>").count(), 2);
        assert!(xml.contains("</w:tbl><w:p>"), "{xml}");
    }

    #[test]
    fn a_drafts_blanks_are_the_pdfs() {
        let p = vec![
            Piece::Text("Số:".into()),
            Piece::Blank(Blank::So),
            Piece::Text("/UBND-VP".into()),
        ];
        assert_eq!(front::phrase(&p), format!("Số:{}/UBND-VP", " ".repeat(12)));
    }
}
