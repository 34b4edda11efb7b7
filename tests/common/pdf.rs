//! The PDF file itself, read back with lopdf: what a user opens, prints or copies from.
//! The ND30 checks read Typst's in-memory layout; these prove the file on disk carries the
//! same pages and the same text, with fonts a reader can copy from and the metadata a
//! portal or screen reader shows.

use cchc::render::inspect::Inspection;
use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object, ObjectId};

/// A4 portrait, in points.
const A4: (f64, f64) = (595.28, 841.89);

/// What one PDF file must hold.
pub struct Expect<'a> {
    pub title: &'a str,
    /// The issuer's full name.
    pub author: &'a str,
    /// The laid-out pages the file was written from: page count, sizes and text.
    pub layout: &'a Inspection,
}

/// Every way the file departs from `e`, one line each; empty when it is right.
pub fn check_file(pdf: &[u8], e: &Expect) -> Vec<String> {
    let mut f = Vec::new();
    let doc = match Document::load_mem(pdf) {
        Ok(d) => d,
        Err(err) => return vec![format!("not a readable PDF: {err}")],
    };
    let pages = doc.get_pages();
    if pages.len() != e.layout.pages.len() {
        f.push(format!(
            "pages: the file has {}, the layout {}",
            pages.len(),
            e.layout.pages.len()
        ));
    }
    let mut fonts_seen = 0;
    for (&number, &page_id) in &pages {
        let Some(want) = e.layout.pages.get(number as usize - 1) else {
            continue;
        };
        // Size: what a printer gets, so the page's own box turned by its rotation.
        match page_size(&doc, page_id) {
            Some((w, h)) => {
                // A4 (ND30 §5), turned only where the layout turned it, and never page 1.
                let a4 = |w: f64, h: f64| (w - A4.0).abs() <= 1.0 && (h - A4.1).abs() <= 1.0;
                if !(a4(w, h) || (number > 1 && a4(h, w))) {
                    f.push(format!("page {number}: {w:.1}x{h:.1} pt is not A4 (portrait, or landscape after page 1)"));
                }
                if (w - want.width).abs() > 1.0 || (h - want.height).abs() > 1.0 {
                    f.push(format!(
                        "page {number}: {w:.1}x{h:.1} pt, the layout {:.1}x{:.1}",
                        want.width, want.height
                    ));
                }
            }
            None => f.push(format!("page {number}: no MediaBox")),
        }
        match doc.get_page_fonts(page_id) {
            Ok(fonts) => {
                for (_, font) in fonts {
                    fonts_seen += 1;
                    f.extend(
                        check_font(&doc, font)
                            .into_iter()
                            .map(|m| format!("page {number}: {m}")),
                    );
                }
            }
            Err(err) => f.push(format!("page {number}: fonts unreadable: {err}")),
        }
        // Text: the glyphs decoded through the file's own ToUnicode maps, in the order the
        // file holds them (what copying or a screen reader gets), against the layout's runs
        // in the order they were laid out. Spacing is the PDF's business (it draws spaces
        // as offsets), so whitespace is left out of both sides.
        let got = match page_text(&doc, page_id, true) {
            Ok(t) => squeeze(&t),
            Err(err) => {
                f.push(format!("page {number}: text unreadable: {err}"));
                String::new()
            }
        };
        let want_text: String = e
            .layout
            .runs
            .iter()
            .filter(|r| r.page == number as usize)
            .map(|r| squeeze(&r.text))
            .collect();
        if got != want_text {
            f.push(format!(
                "page {number}: text differs from the layout {}",
                first_difference(&got, &want_text)
            ));
        }
    }
    if fonts_seen == 0 {
        f.push("no fonts at all".into());
    }

    match info(&doc) {
        Some(info) => {
            for (key, want) in [("Title", e.title), ("Author", e.author)] {
                match info.get(key.as_bytes()).map(lopdf::decode_text_string) {
                    Ok(Ok(got)) if got == want => {}
                    Ok(Ok(got)) => f.push(format!("{key} is {got:?}, expected {want:?}")),
                    _ => f.push(format!("{key} not set")),
                }
            }
        }
        None => f.push("no Info dictionary".into()),
    }
    let lang = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Lang").ok())
        .and_then(|l| l.as_str().ok())
        .map(|l| String::from_utf8_lossy(l).into_owned());
    if lang.as_deref() != Some("vi") {
        f.push(format!("Lang is {lang:?}, expected \"vi\""));
    }
    f
}

/// Not Type 3 (bitmaps or drawings that neither search nor copy), the bundled font or
/// Times New Roman (ND30), the font program embedded (prints the same everywhere), and a
/// ToUnicode map (text can be copied and searched).
fn check_font(doc: &Document, font: &Dictionary) -> Vec<String> {
    let mut f = Vec::new();
    let name = |key: &[u8]| {
        font.get(key)
            .and_then(Object::as_name)
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default()
    };
    let base = name(b"BaseFont");
    let subtype = name(b"Subtype");
    if subtype == "Type3" {
        f.push(format!("font {base} is Type 3"));
        return f;
    }
    if !(base.contains("LiberationSerif") || base.contains("TimesNewRoman")) {
        f.push(format!(
            "font {base} is neither Liberation Serif nor Times New Roman"
        ));
    }
    // A Type 0 font keeps its descriptor on its descendant.
    let holder = match font.get(b"DescendantFonts").and_then(Object::as_array) {
        Ok(d) => d
            .first()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok()),
        Err(_) => Some(font),
    };
    let descriptor = holder
        .and_then(|h| h.get(b"FontDescriptor").ok())
        .and_then(|d| doc.dereference(d).ok())
        .and_then(|(_, o)| o.as_dict().ok());
    let embedded = descriptor
        .is_some_and(|d| d.has(b"FontFile") || d.has(b"FontFile2") || d.has(b"FontFile3"));
    if !embedded {
        f.push(format!("font {base} is not embedded"));
    }
    let to_unicode = font
        .get(b"ToUnicode")
        .and_then(|t| doc.dereference(t))
        .is_ok_and(|(_, o)| o.as_stream().is_ok());
    if !to_unicode {
        f.push(format!("font {base} has no ToUnicode map"));
    }
    f
}

/// Width and height in points as shown: MediaBox (inherited from the page tree when the
/// page has none) turned by /Rotate.
pub fn page_size(doc: &Document, page_id: ObjectId) -> Option<(f64, f64)> {
    let mut id = page_id;
    let mut rotate = None;
    let mut media = None;
    for _ in 0..32 {
        let dict = doc.get_dictionary(id).ok()?;
        if rotate.is_none() {
            rotate = dict.get(b"Rotate").ok().and_then(|r| r.as_i64().ok());
        }
        if media.is_none() {
            media = dict
                .get(b"MediaBox")
                .ok()
                .and_then(|m| doc.dereference(m).ok())
                .and_then(|(_, m)| m.as_array().ok())
                .map(|a| a.iter().filter_map(number).collect::<Vec<f64>>());
        }
        match dict.get(b"Parent").and_then(Object::as_reference) {
            Ok(parent) if media.is_none() || rotate.is_none() => id = parent,
            _ => break,
        }
    }
    let m = media.filter(|m| m.len() == 4)?;
    let (w, h) = ((m[2] - m[0]).abs(), (m[3] - m[1]).abs());
    Some(if rotate.unwrap_or(0).rem_euclid(180) == 90 {
        (h, w)
    } else {
        (w, h)
    })
}

/// Each page's text as a screen reader or a copy of the whole file gets it: in the order
/// it is stored, without the artefacts (page numbers) that tagged PDF marks as not part of
/// the document.
pub fn pages_text(pdf: &[u8]) -> Result<Vec<String>, String> {
    let doc = Document::load_mem(pdf).map_err(|e| e.to_string())?;
    doc.get_pages()
        .values()
        .map(|id| page_text(&doc, *id, false))
        .collect()
}

/// The text a reader extracts from one page: each shown string decoded through its font's
/// ToUnicode map (a code the map lacks becomes U+FFFD), and a marked span's /ActualText in
/// place of the glyphs it covers; text marked /Artifact only when `artifacts`. lopdf's own `extract_text` cannot parse the CMaps Typst
/// writes, hence this small reader.
pub fn page_text(doc: &Document, page_id: ObjectId, artifacts: bool) -> Result<String, String> {
    let fonts = doc.get_page_fonts(page_id).map_err(|e| e.to_string())?;
    let maps: HashMap<Vec<u8>, (usize, HashMap<u32, String>)> = fonts
        .iter()
        .map(|(name, font)| {
            let two_bytes = font.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0");
            let map = font
                .get(b"ToUnicode")
                .and_then(|t| doc.dereference(t))
                .and_then(|(_, o)| o.as_stream())
                .map(|s| {
                    let bytes = s
                        .decompressed_content()
                        .unwrap_or_else(|_| s.content.clone());
                    parse_cmap(&String::from_utf8_lossy(&bytes))
                })
                .unwrap_or_default();
            (name.clone(), (if two_bytes { 2 } else { 1 }, map))
        })
        .collect();
    let content = doc
        .get_and_decode_page_content(page_id)
        .map_err(|e| e.to_string())?;
    let mut out = String::new();
    let mut font: Option<&(usize, HashMap<u32, String>)> = None;
    // One entry per open marked-content sequence.
    enum Mark {
        Plain,
        Actual(String),
        Artifact,
    }
    let mut marked: Vec<Mark> = Vec::new();
    let show =
        |out: &mut String, font: Option<&(usize, HashMap<u32, String>)>, s: &[u8], hidden: bool| {
            if hidden {
                return;
            }
            let Some((width, map)) = font else {
                out.push('\u{FFFD}');
                return;
            };
            for code in s.chunks(*width) {
                let code = code.iter().fold(0u32, |a, b| (a << 8) | u32::from(*b));
                match map.get(&code) {
                    Some(t) => out.push_str(t),
                    None => out.push('\u{FFFD}'),
                }
            }
        };
    for op in &content.operations {
        let hidden = |marked: &[Mark]| {
            marked.iter().any(|m| {
                matches!(m, Mark::Actual(_)) || (!artifacts && matches!(m, Mark::Artifact))
            })
        };
        let artifact = op.operands.first().and_then(|t| t.as_name().ok()) == Some(b"Artifact");
        match op.operator.as_str() {
            "Tf" => {
                font = op
                    .operands
                    .first()
                    .and_then(|n| n.as_name().ok())
                    .and_then(|n| maps.get(n));
            }
            "Tj" | "'" | "\"" => {
                if let Some(Object::String(s, _)) = op.operands.last() {
                    show(&mut out, font, s, hidden(&marked));
                }
            }
            "TJ" => {
                for item in op
                    .operands
                    .first()
                    .and_then(|a| a.as_array().ok())
                    .into_iter()
                    .flatten()
                {
                    if let Object::String(s, _) = item {
                        show(&mut out, font, s, hidden(&marked));
                    }
                }
            }
            "BMC" if artifact => marked.push(Mark::Artifact),
            "BMC" => marked.push(Mark::Plain),
            "BDC" => {
                let actual = op
                    .operands
                    .get(1)
                    .and_then(|p| p.as_dict().ok())
                    .and_then(|d| d.get(b"ActualText").ok())
                    .and_then(|t| lopdf::decode_text_string(t).ok());
                marked.push(match actual {
                    Some(t) => Mark::Actual(t),
                    None if artifact => Mark::Artifact,
                    None => Mark::Plain,
                });
            }
            "EMC" => {
                if let Some(Mark::Actual(text)) = marked.pop()
                    && !hidden(&marked)
                {
                    out.push_str(&text);
                }
            }
            "ET" => out.push('\n'),
            _ => {}
        }
    }
    Ok(out)
}

/// The code-to-text pairs of a ToUnicode CMap (bfchar and bfrange sections).
fn parse_cmap(cmap: &str) -> HashMap<u32, String> {
    let hex = |t: &str| -> Option<Vec<u8>> {
        let t = t.trim_start_matches('<').trim_end_matches('>');
        (0..t.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(t.get(i..i + 2)?, 16).ok())
            .collect()
    };
    let code = |t: &str| hex(t).map(|b| b.iter().fold(0u32, |a, x| (a << 8) | u32::from(*x)));
    let text = |b: &[u8]| -> String {
        let units: Vec<u16> = b
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16_lossy(&units)
    };
    // Tokens: <hex>, [ and ], and words; "<a> <b>" and "[<a><b>]" alike.
    let spaced = cmap
        .replace('<', " <")
        .replace('>', "> ")
        .replace('[', " [ ")
        .replace(']', " ] ");
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    let mut map = HashMap::new();
    let mut i = 0;
    while i < tokens.len() {
        match tokens[i] {
            "beginbfchar" => {
                i += 1;
                while i + 1 < tokens.len() && tokens[i] != "endbfchar" {
                    if let (Some(c), Some(t)) = (code(tokens[i]), hex(tokens[i + 1])) {
                        map.insert(c, text(&t));
                    }
                    i += 2;
                }
            }
            "beginbfrange" => {
                i += 1;
                while i + 2 < tokens.len() && tokens[i] != "endbfrange" {
                    let (Some(lo), Some(hi)) = (code(tokens[i]), code(tokens[i + 1])) else {
                        break;
                    };
                    if tokens[i + 2] == "[" {
                        let mut j = i + 3;
                        let mut c = lo;
                        while j < tokens.len() && tokens[j] != "]" {
                            if let Some(t) = hex(tokens[j]) {
                                map.insert(c, text(&t));
                            }
                            c += 1;
                            j += 1;
                        }
                        i = j + 1;
                    } else {
                        if let Some(mut t) = hex(tokens[i + 2]) {
                            for c in lo..=hi {
                                map.insert(c, text(&t));
                                if let Some(last) = t.last_mut() {
                                    *last = last.wrapping_add(1);
                                }
                            }
                        }
                        i += 3;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    map
}

fn number(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

fn info(doc: &Document) -> Option<&Dictionary> {
    let r = doc.trailer.get(b"Info").ok()?;
    doc.dereference(r).ok()?.1.as_dict().ok()
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect()
}

/// Where two texts part, with a little of each from there.
fn first_difference(got: &str, want: &str) -> String {
    let at = got
        .chars()
        .zip(want.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let from = |s: &str| {
        s.chars()
            .skip(at.saturating_sub(20))
            .take(80)
            .collect::<String>()
    };
    format!(
        "after {at} characters: the file has {:?}, the layout {:?}",
        from(got),
        from(want)
    )
}
