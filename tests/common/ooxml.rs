//! A .docx package checked as a reader needs it: a zip whose parts are well-formed XML, each
//! with a content type and reachable through the relationships; every property element's
//! children in the schema's order; and what cchc promises in it (sections, margins, page
//! numbering, repeating table headers, fonts, properties, a draft's blanks).

use std::collections::HashMap;

use cchc::model::{AppendixContent, Document, Site};

use super::word;

fn xml_text(node: roxmltree::Node) -> String {
    node.descendants()
        .filter(|n| n.has_tag_name("t"))
        .filter_map(|n| n.text())
        .collect()
}

fn attr<'a>(n: roxmltree::Node<'a, 'a>, name: &str) -> Option<&'a str> {
    n.attributes().find(|a| a.name() == name).map(|a| a.value())
}

/// Everything wrong with one document's package, one line each.
pub fn check_package(site: &Site, doc: &Document, bytes: &[u8]) -> Vec<String> {
    let mut f = Vec::new();
    let parts: HashMap<String, Vec<u8>> = match word::unzip(bytes) {
        Ok(p) => p.into_iter().collect(),
        Err(e) => return vec![format!("not a readable zip: {e}")],
    };
    let text =
        |name: &str| String::from_utf8(parts.get(name).cloned().unwrap_or_default()).unwrap();
    // Every part well-formed XML.
    let mut trees = HashMap::new();
    for name in parts.keys() {
        match roxmltree::Document::parse(&text(name)) {
            Ok(_) => {
                trees.insert(name.clone(), text(name));
            }
            Err(e) => f.push(format!("{name}: not well-formed: {e}")),
        }
    }
    // Every part has a content type; every relationship's target exists.
    let types = text("[Content_Types].xml");
    for name in parts.keys().filter(|n| *n != "[Content_Types].xml") {
        let ext = name.rsplit('.').next().unwrap_or("");
        if !types.contains(&format!("PartName=\"/{name}\""))
            && !types.contains(&format!("Extension=\"{ext}\""))
        {
            f.push(format!("{name}: no content type"));
        }
    }
    for (rels, base) in [
        ("_rels/.rels", ""),
        ("word/_rels/document.xml.rels", "word/"),
    ] {
        let t = text(rels);
        let Ok(tree) = roxmltree::Document::parse(&t) else {
            f.push(format!("{rels} missing"));
            continue;
        };
        for r in tree
            .descendants()
            .filter(|n| n.has_tag_name("Relationship"))
        {
            let target = format!("{base}{}", r.attribute("Target").unwrap_or(""));
            if !parts.contains_key(&target) {
                f.push(format!("{rels}: target {target} missing"));
            }
        }
    }
    // Fonts and language, named in the defaults every paragraph inherits.
    let styles = text("word/styles.xml");
    for slot in ["ascii", "hAnsi", "eastAsia", "cs"] {
        if !styles.contains(&format!("w:{slot}=\"Times New Roman\"")) {
            f.push(format!("styles: {slot} font not Times New Roman"));
        }
    }
    if !styles.contains("<w:lang w:val=\"vi-VN\"") {
        f.push("styles: language not vi-VN".into());
    }
    // Title, author, language.
    if let Ok(core) = roxmltree::Document::parse(&text("docProps/core.xml")) {
        let get = |tag: &str| {
            core.descendants()
                .find(|n| n.tag_name().name() == tag)
                .and_then(|n| n.text())
                .unwrap_or("")
                .to_string()
        };
        if get("title") != doc.meta.full_title {
            f.push(format!("core: title {:?}", get("title")));
        }
        if get("creator") != site.issuer.full_name {
            f.push(format!("core: creator {:?}", get("creator")));
        }
        if get("language") != "vi-VN" {
            f.push(format!("core: language {:?}", get("language")));
        }
    }
    // Page numbers: a PAGE field, centred, in the header every section uses from page 2.
    let header = text("word/header1.xml");
    if !(header.contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>")
        && header.contains("<w:jc w:val=\"center\"/>"))
    {
        f.push("header1: no centred PAGE field".into());
    }
    for (name, xml) in &trees {
        if name.starts_with("word/") && name.ends_with(".xml") {
            f.extend(schema_order(name, xml));
        }
    }
    let body = text("word/document.xml");
    f.extend(check_body(doc, &body));
    f
}

/// The child order WordprocessingML's schema (ECMA-376 transitional) sets for the elements
/// cchc writes: Word reports a file whose children are out of order as corrupt and offers
/// to repair it. Names in one group may come in any order among themselves.
const SCHEMA_ORDER: &[(&str, &[&str])] = &[
    (
        "pPr",
        &[
            "pStyle",
            "keepNext",
            "keepLines",
            "pageBreakBefore",
            "framePr",
            "widowControl",
            "numPr",
            "suppressLineNumbers",
            "pBdr",
            "shd",
            "tabs",
            "suppressAutoHyphens",
            "kinsoku",
            "wordWrap",
            "overflowPunct",
            "topLinePunct",
            "autoSpaceDE",
            "autoSpaceDN",
            "bidi",
            "adjustRightInd",
            "snapToGrid",
            "spacing",
            "ind",
            "contextualSpacing",
            "mirrorIndents",
            "suppressOverlap",
            "jc",
            "textDirection",
            "textAlignment",
            "textboxTightWrap",
            "outlineLvl",
            "divId",
            "cnfStyle",
            "rPr",
            "sectPr",
            "pPrChange",
        ],
    ),
    (
        "rPr",
        &[
            "rStyle",
            "rFonts",
            "b",
            "bCs",
            "i",
            "iCs",
            "caps",
            "smallCaps",
            "strike",
            "dstrike",
            "outline",
            "shadow",
            "emboss",
            "imprint",
            "noProof",
            "snapToGrid",
            "vanish",
            "webHidden",
            "color",
            "spacing",
            "w",
            "kern",
            "position",
            "sz",
            "szCs",
            "highlight",
            "u",
            "effect",
            "bdr",
            "shd",
            "fitText",
            "vertAlign",
            "rtl",
            "cs",
            "em",
            "lang",
            "eastAsianLayout",
            "specVanish",
            "oMath",
        ],
    ),
    (
        "tblPr",
        &[
            "tblStyle",
            "tblpPr",
            "tblOverlap",
            "bidiVisual",
            "tblStyleRowBandSize",
            "tblStyleColBandSize",
            "tblW",
            "jc",
            "tblCellSpacing",
            "tblInd",
            "tblBorders",
            "shd",
            "tblLayout",
            "tblCellMar",
            "tblLook",
        ],
    ),
    (
        "tcPr",
        &[
            "cnfStyle",
            "tcW",
            "gridSpan",
            "hMerge",
            "vMerge",
            "tcBorders",
            "shd",
            "noWrap",
            "tcMar",
            "textDirection",
            "tcFitText",
            "vAlign",
            "hideMark",
        ],
    ),
    (
        "sectPr",
        &[
            "headerReference|footerReference",
            "footnotePr",
            "endnotePr",
            "type",
            "pgSz",
            "pgMar",
            "paperSrc",
            "pgBorders",
            "lnNumType",
            "pgNumType",
            "cols",
            "formProt",
            "vAlign",
            "noEndnote",
            "titlePg",
            "textDirection",
            "bidi",
            "rtlGutter",
            "docGrid",
        ],
    ),
    (
        "tblBorders",
        &["top", "left", "bottom", "right", "insideH", "insideV"],
    ),
    ("tblCellMar", &["top", "left", "bottom", "right"]),
    (
        "pBdr",
        &["top", "left", "bottom", "right", "between", "bar"],
    ),
    (
        "style",
        &[
            "name",
            "aliases",
            "basedOn",
            "next",
            "link",
            "autoRedefine",
            "hidden",
            "uiPriority",
            "semiHidden",
            "unhideWhenUsed",
            "qFormat",
            "locked",
            "rsid",
            "pPr",
            "rPr",
            "tblPr",
            "trPr",
            "tcPr",
            "tblStylePr",
        ],
    ),
    (
        "settings",
        &[
            "defaultTabStop",
            "autoHyphenation",
            "characterSpacingControl",
            "compat",
            "themeFontLang",
        ],
    ),
    (
        "font",
        &["altName", "panose1", "charset", "family", "pitch"],
    ),
    ("tbl", &["tblPr", "tblGrid", "tr"]),
    ("tr", &["trPr", "tc"]),
    ("tc", &["tcPr", "p|tbl"]),
    ("p", &["pPr", "r"]),
];

/// Children out of the schema's order, or unknown to it, in one part.
pub fn schema_order(part: &str, xml: &str) -> Vec<String> {
    let Ok(tree) = roxmltree::Document::parse(xml) else {
        return Vec::new();
    };
    let mut f = Vec::new();
    for node in tree.descendants().filter(|n| n.is_element()) {
        let Some((_, order)) = SCHEMA_ORDER
            .iter()
            .find(|(n, _)| *n == node.tag_name().name())
        else {
            continue;
        };
        let mut last = 0;
        for child in node.children().filter(|n| n.is_element()) {
            let name = child.tag_name().name();
            match order.iter().position(|g| g.split('|').any(|x| x == name)) {
                Some(i) if i >= last => last = i,
                Some(_) => f.push(format!(
                    "{part}: <{name}> out of order in <{}>",
                    node.tag_name().name()
                )),
                None => f.push(format!(
                    "{part}: <{name}> not expected in <{}>",
                    node.tag_name().name()
                )),
            }
        }
    }
    f.sort();
    f.dedup();
    f
}

/// The sections, tables and phrases of `word/document.xml`.
fn check_body(doc: &Document, xml: &str) -> Vec<String> {
    let mut f = Vec::new();
    let Ok(tree) = roxmltree::Document::parse(xml) else {
        return vec!["document.xml: not well-formed".into()];
    };
    let sections: Vec<_> = tree
        .descendants()
        .filter(|n| n.has_tag_name("sectPr"))
        .collect();
    if sections.len() != doc.appendices.len() + 1 {
        f.push(format!(
            "{} sections for {} phụ lục",
            sections.len(),
            doc.appendices.len()
        ));
    }
    for (i, s) in sections.iter().enumerate() {
        let child = |tag: &str| s.children().find(|n| n.has_tag_name(tag));
        let landscape = i > 0 && doc.appendices.get(i - 1).is_some_and(|a| a.landscape);
        let size = child("pgSz").map(|n| (attr(n, "w"), attr(n, "h"), attr(n, "orient")));
        let want = if landscape {
            (Some("16838"), Some("11906"), Some("landscape"))
        } else {
            (Some("11906"), Some("16838"), None)
        };
        if size != Some(want) {
            f.push(format!("section {}: page {size:?}, want {want:?}", i + 1));
        }
        let margins = child("pgMar").map(|n| {
            ["top", "bottom", "left", "right"].map(|k| attr(n, k).unwrap_or("").to_string())
        });
        // 20, 20, 30 and 15 mm, as the PDF.
        if margins != Some(["1134", "1134", "1701", "850"].map(String::from)) {
            f.push(format!("section {}: margins {margins:?}", i + 1));
        }
        let restart = child("pgNumType").and_then(|n| attr(n, "start")) == Some("1");
        if !(restart && child("titlePg").is_some()) {
            f.push(format!(
                "section {}: not numbered from 1 with an unnumbered first page",
                i + 1
            ));
        }
        let refs = s
            .children()
            .filter(|n| n.has_tag_name("headerReference") || n.has_tag_name("footerReference"))
            .count();
        if refs != 4 {
            f.push(format!(
                "section {}: {refs} header/footer references, not 4",
                i + 1
            ));
        }
    }
    let tables = doc.appendices.iter().any(|a| {
        matches!(
            a.content,
            AppendixContent::Assignments { .. } | AppendixContent::Table { .. }
        )
    });
    let repeated = tree
        .descendants()
        .filter(|n| n.has_tag_name("tblHeader"))
        .count();
    if tables && repeated == 0 {
        f.push("no table header row marked to repeat".into());
    }
    // Numbering as real paragraphs: no tab inside the body's paragraphs but Kính gửi's.
    let paras: Vec<String> = tree
        .descendants()
        .filter(|n| n.has_tag_name("p"))
        .map(xml_text)
        .collect();
    for p in &paras {
        if p.starts_with(['\t', ' ']) {
            f.push(format!("paragraph starts with white space: {p:?}"));
        }
    }
    // A draft keeps the PDF's blanks: 12 spaces for the number, 10 for the day.
    let all: String = paras.join("\n");
    if doc.number.is_none() {
        if !all.contains(&format!("Số:{}/{}", " ".repeat(12), doc.symbol)) {
            f.push("draft: no blank before the ký hiệu".into());
        }
        if doc.date.0.day.is_none() && !all.contains(&format!("ngày {} tháng", " ".repeat(10))) {
            f.push("draft: no blank for the day".into());
        }
    } else if !all.contains(&format!("Số: {}", doc.reference.trim_start_matches("Số: "))) {
        f.push(format!("no Số line {:?}", doc.reference));
    }
    f
}
