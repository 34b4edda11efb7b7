//! The parts of the package around the document body: content types, relationships,
//! styles, settings, fonts, the page-number header, the footers and the properties.

use super::xml::{Look, Para, esc, page_field};
use crate::model::{Document, Issuer};

pub const W_NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
const DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/// ND30 names Times New Roman; a reader without it gets its metric twin from Word or
/// LibreOffice (Liberation Serif), the font cchc's own PDF is printed in then.
pub const FONT: &str = "Times New Roman";

/// Relationship ids of the parts a section points to.
pub const HEADER_NUMBER: &str = "rIdHeaderNumber";
pub const HEADER_EMPTY: &str = "rIdHeaderEmpty";
pub const FOOTER_EMPTY: &str = "rIdFooterEmpty";
pub const FOOTER_CONTACT: &str = "rIdFooterContact";

/// Line pitches (at least), in twips: the PDF's 1.30 em for body text at 14 pt
/// (Typst's text edges 0.92 + 0.22 em plus 0.16 em leading), 1.26 em in tables at 12 pt.
pub const BODY_PITCH: i32 = 364;
pub const TABLE_PITCH: i32 = 302;
/// The PDF's first-line indent, 1.27 cm, and its 6 pt between paragraphs.
pub const INDENT: i32 = 720;
pub const PARA_GAP: i32 = 120;

/// Every part of the package but the body, in the order they are zipped.
pub struct Package {
    pub contact: bool,
}

impl Package {
    pub fn content_types(&self) -> String {
        let mut s = format!(
            "{DECL}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"{WML}.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"{WML}.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"{WML}.settings+xml\"/>\
<Override PartName=\"/word/fontTable.xml\" ContentType=\"{WML}.fontTable+xml\"/>\
<Override PartName=\"/word/header1.xml\" ContentType=\"{WML}.header+xml\"/>\
<Override PartName=\"/word/header2.xml\" ContentType=\"{WML}.header+xml\"/>\
<Override PartName=\"/word/footer1.xml\" ContentType=\"{WML}.footer+xml\"/>"
        );
        if self.contact {
            s.push_str(&format!(
                "<Override PartName=\"/word/footer2.xml\" ContentType=\"{WML}.footer+xml\"/>"
            ));
        }
        s.push_str("<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
</Types>");
        s
    }

    pub fn root_rels(&self) -> String {
        format!(
            "{DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"{REL}/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>"
        )
    }

    pub fn document_rels(&self) -> String {
        let mut s = format!(
            "{DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rIdStyles\" Type=\"{REL}/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rIdSettings\" Type=\"{REL}/settings\" Target=\"settings.xml\"/>\
<Relationship Id=\"rIdFonts\" Type=\"{REL}/fontTable\" Target=\"fontTable.xml\"/>\
<Relationship Id=\"{HEADER_NUMBER}\" Type=\"{REL}/header\" Target=\"header1.xml\"/>\
<Relationship Id=\"{HEADER_EMPTY}\" Type=\"{REL}/header\" Target=\"header2.xml\"/>\
<Relationship Id=\"{FOOTER_EMPTY}\" Type=\"{REL}/footer\" Target=\"footer1.xml\"/>"
        );
        if self.contact {
            s.push_str(&format!(
                "<Relationship Id=\"{FOOTER_CONTACT}\" Type=\"{REL}/footer\" Target=\"footer2.xml\"/>"
            ));
        }
        s.push_str("</Relationships>");
        s
    }
}

pub fn styles() -> String {
    let body = Para {
        align: super::xml::Align::Justify,
        first: INDENT,
        after: PARA_GAP,
        line: Some(BODY_PITCH),
        ..Para::default()
    }
    .ppr("")
    // No line of a paragraph left alone at a page's foot or head, as Typst's defaults.
    .replacen("<w:pPr>", "<w:pPr><w:widowControl/>", 1);
    let table = Para::default().pitch(TABLE_PITCH).ppr("");
    let heading = |id: &str, name: &str, level: u8, bold: bool| {
        let b = if bold {
            "<w:rPr><w:b/><w:bCs/></w:rPr>"
        } else {
            ""
        };
        format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>\
<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:outlineLvl w:val=\"{level}\"/></w:pPr>{b}</w:style>"
        )
    };
    format!(
        "{DECL}<w:styles {W_NS}>\
<w:docDefaults><w:rPrDefault><w:rPr>\
<w:rFonts w:ascii=\"{FONT}\" w:hAnsi=\"{FONT}\" w:eastAsia=\"{FONT}\" w:cs=\"{FONT}\"/>\
<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/><w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/>\
</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>\
</w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>{body}</w:style>\
{}{}{}\
<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/>\
<w:basedOn w:val=\"Normal\"/><w:qFormat/>{table}<w:rPr><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr></w:style>\
<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>\
<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:semiHidden/>\
<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>\
<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
</w:styles>",
        heading("Heading1", "heading 1", 0, true),
        heading("Heading2", "heading 2", 1, true),
        heading("Heading3", "heading 3", 2, false),
    )
}

pub fn settings() -> String {
    format!(
        "{DECL}<w:settings {W_NS}><w:defaultTabStop w:val=\"720\"/><w:autoHyphenation w:val=\"false\"/>\
<w:characterSpacingControl w:val=\"doNotCompress\"/>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
<w:themeFontLang w:val=\"vi-VN\"/></w:settings>"
    )
}

pub fn font_table() -> String {
    format!(
        "{DECL}<w:fonts {W_NS}><w:font w:name=\"{FONT}\"><w:altName w:val=\"Liberation Serif\"/>\
<w:panose1 w:val=\"02020603050405020304\"/><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/>\
<w:pitch w:val=\"variable\"/></w:font></w:fonts>"
    )
}

/// A header or footer part holding `body`.
fn margin_part(tag: &str, body: &str) -> String {
    format!("{DECL}<w:{tag} {W_NS}>{body}</w:{tag}>")
}

/// Page numbers: top centre, 13 pt upright (the PDF's), as a PAGE field.
pub fn header_number() -> String {
    let look = Look::size(13.0);
    margin_part("hdr", &Para::centered().with(&page_field(look)))
}

/// The header of a section's first page, and the footer of every page but page 1: empty.
/// Stated rather than left out, or a section would inherit its neighbour's.
pub fn empty(tag: &str) -> String {
    margin_part(tag, &Para::default().tiny().with(""))
}

/// ô 13: the issuer's address block at the foot of page 1, under a full-width rule, 11 pt.
pub fn footer_contact(issuer: &Issuer) -> String {
    let mut body = String::new();
    for (i, line) in issuer.contact.iter().enumerate() {
        let p = Para {
            border: (i == 0).then_some(super::xml::Border::Top),
            after: super::xml::pt(2.0),
            ..Para::default()
        };
        body.push_str(&p.with(&super::xml::run(line, Look::size(11.0))));
    }
    if body.is_empty() {
        body = Para::default().with("");
    }
    margin_part("ftr", &body)
}

/// Title, author (the issuer) and language; created on the document's own date, so that
/// no clock is read.
pub fn core(doc: &Document) -> String {
    format!(
        "{DECL}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
<dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator><dc:language>vi-VN</dc:language>\
{}</cp:coreProperties>",
        esc(&doc.meta.full_title),
        esc(&doc.title),
        esc(&doc.meta.author),
        // A draft has no day yet: no creation date rather than an invented one.
        match doc.date.0.day {
            Some(_) => format!(
                "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{}T00:00:00Z</dcterms:created>",
                doc.date.0.iso()
            ),
            None => String::new(),
        },
    )
}

pub fn app() -> String {
    format!(
        "{DECL}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
<Application>cchc {}</Application></Properties>",
        env!("CARGO_PKG_VERSION")
    )
}

pub fn document(body: &str) -> String {
    format!("{DECL}<w:document {W_NS}><w:body>{body}</w:body></w:document>")
}
