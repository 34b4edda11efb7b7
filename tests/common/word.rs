//! The Word twins (.docx) read back: the package's parts, and the PDF LibreOffice prints
//! from a .docx read into the same [`Inspection`] the ND30 checklist reads for cchc's own
//! PDF (text lines from poppler's `pdftohtml -xml`, page sizes and rules from lopdf).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use cchc::render::inspect::{Inspection, PageSize, Rule, Run, VRule};
use lopdf::content::Content;

/// The body of a .docx (`word/document.xml`), as text.
pub fn document_xml(docx: &[u8]) -> String {
    let parts = unzip(docx).unwrap_or_else(|e| panic!("not a zip: {e}"));
    parts
        .into_iter()
        .find(|(n, _)| n == "word/document.xml")
        .map(|(_, b)| String::from_utf8(b).expect("UTF-8 XML"))
        .expect("word/document.xml")
}

/// The parts of a zip, read through its central directory as a reader does; an error for
/// anything a reader would reject (bad signature, offset out of range, CRC mismatch).
pub fn unzip(z: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let u16_at = |i: usize| -> Result<usize, String> {
        z.get(i..i + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]) as usize)
            .ok_or_else(|| format!("truncated at {i}"))
    };
    let u32_at = |i: usize| -> Result<usize, String> {
        z.get(i..i + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
            .ok_or_else(|| format!("truncated at {i}"))
    };
    let end = z.len().checked_sub(22).ok_or("too short for a zip")?;
    if u32_at(end)? != 0x0605_4b50 {
        return Err("no end-of-directory record".into());
    }
    let (count, mut at) = (u16_at(end + 10)?, u32_at(end + 16)?);
    let mut parts = Vec::new();
    for _ in 0..count {
        if u32_at(at)? != 0x0201_4b50 {
            return Err(format!("no directory entry at {at}"));
        }
        let (method, crc, csize) = (u16_at(at + 10)?, u32_at(at + 16)?, u32_at(at + 20)?);
        let (name_len, extra, comment) = (u16_at(at + 28)?, u16_at(at + 30)?, u16_at(at + 32)?);
        let name = String::from_utf8(
            z.get(at + 46..at + 46 + name_len)
                .ok_or("name out of range")?
                .to_vec(),
        )
        .map_err(|e| e.to_string())?;
        let local = u32_at(at + 42)?;
        if u32_at(local)? != 0x0403_4b50 {
            return Err(format!("{name}: no local header"));
        }
        let data = local + 30 + u16_at(local + 26)? + u16_at(local + 28)?;
        let raw = z.get(data..data + csize).ok_or("data out of range")?;
        let bytes = match method {
            0 => raw.to_vec(),
            8 => {
                let mut out = Vec::new();
                flate2::read::DeflateDecoder::new(raw)
                    .read_to_end(&mut out)
                    .map_err(|e| format!("{name}: {e}"))?;
                out
            }
            m => return Err(format!("{name}: compression method {m}")),
        };
        let mut check = flate2::Crc::new();
        check.update(&bytes);
        if check.sum() as usize != crc {
            return Err(format!("{name}: CRC mismatch"));
        }
        parts.push((name, bytes));
        at += 46 + name_len + extra + comment;
    }
    Ok(parts)
}

/// Converts `docx` files to PDF into `out` with LibreOffice headless, in one run and with a
/// profile of its own (a user's open LibreOffice or another test must not interfere).
pub fn to_pdf(docx: &[PathBuf], out: &Path) -> Result<(), String> {
    let profile = out.join("lo-profile");
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(out)
        .args(docx)
        .output()
        .map_err(|e| format!("soffice does not run: {e}"))?;
    if !status.status.success() {
        return Err(format!(
            "soffice failed: {}",
            String::from_utf8_lossy(&status.stderr)
        ));
    }
    Ok(())
}

/// Liberation Serif's (and Times New Roman's) ascent: pdftohtml gives the top of a line's
/// box, the checklist reads baselines.
const ASCENT: f64 = 0.891;

/// A PDF laid out by another program, read into an [`Inspection`].
pub fn inspect_pdf(pdf: &Path) -> Result<Inspection, String> {
    let doc = lopdf::Document::load(pdf).map_err(|e| e.to_string())?;
    let mut insp = Inspection::default();
    for (_, id) in doc.get_pages() {
        let (width, height) = super::pdf::page_size(&doc, id).ok_or("a page without size")?;
        insp.pages.push(PageSize { width, height });
        let content = doc.get_page_content(id).map_err(|e| e.to_string())?;
        let ops = Content::decode(&content).map_err(|e| e.to_string())?;
        strokes(&ops, insp.pages.len(), height, &mut insp);
    }
    insp.runs = split(runs(pdf)?, &boxes(pdf)?);
    Ok(insp)
}

/// Straight strokes (`m … l … S`) under the current transformation, as rules: the
/// paragraph borders LibreOffice draws for the rules under the header and the titles, and
/// table borders.
fn strokes(ops: &Content, page: usize, height: f64, insp: &mut Inspection) {
    let num = |o: &lopdf::Object| o.as_float().map(f64::from).unwrap_or(0.0);
    let mut ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
    let mut stack = Vec::new();
    let mut path: Vec<(f64, f64)> = Vec::new();
    let mut segments = Vec::new();
    for op in &ops.operations {
        let a: Vec<f64> = op.operands.iter().map(num).collect();
        let at =
            |x: f64, y: f64, m: &[f64; 6]| (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]);
        match (op.operator.as_str(), a.as_slice()) {
            ("q", _) => stack.push(ctm),
            ("Q", _) => ctm = stack.pop().unwrap_or(ctm),
            ("cm", [a0, b, c, d, e, f]) => {
                let m = ctm;
                ctm = [
                    a0 * m[0] + b * m[2],
                    a0 * m[1] + b * m[3],
                    c * m[0] + d * m[2],
                    c * m[1] + d * m[3],
                    e * m[0] + f * m[2] + m[4],
                    e * m[1] + f * m[3] + m[5],
                ];
            }
            ("m", [x, y]) => path = vec![at(*x, *y, &ctm)],
            ("l", [x, y]) => {
                if let Some(&p) = path.last() {
                    let q = at(*x, *y, &ctm);
                    segments.push((p, q));
                    path.push(q);
                }
            }
            ("S" | "s", _) => {
                for ((x0, y0), (x1, y1)) in segments.drain(..) {
                    if (y0 - y1).abs() < 0.1 && (x0 - x1).abs() > 1.0 {
                        insp.rules.push(Rule {
                            page,
                            x0: x0.min(x1),
                            x1: x0.max(x1),
                            y: height - y0,
                        });
                    } else if (x0 - x1).abs() < 0.1 && (y0 - y1).abs() > 1.0 {
                        insp.vrules.push(VRule {
                            page,
                            x: x0,
                            y0: height - y0.max(y1),
                            y1: height - y0.min(y1),
                        });
                    }
                }
                path.clear();
            }
            ("n" | "f" | "F" | "f*" | "B" | "b", _) => {
                segments.clear();
                path.clear();
            }
            _ => {}
        }
    }
    // A rule LibreOffice draws twice (once per paragraph it closes) counts once.
    insp.rules.dedup();
}

/// Text lines with their font, size and style, from `pdftohtml -xml` (points, top-left
/// origin, one element per run of one font).
fn runs(pdf: &Path) -> Result<Vec<Run>, String> {
    let out = Command::new("pdftohtml")
        .args(["-xml", "-i", "-stdout", "-zoom", "1", "-q"])
        .arg(pdf)
        .output()
        .map_err(|e| format!("pdftohtml does not run: {e}"))?;
    let xml = String::from_utf8_lossy(&out.stdout);
    // pdftohtml writes a DOCTYPE roxmltree will not fetch: allow it, nothing is resolved.
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let tree = roxmltree::Document::parse_with_options(&xml, opts).map_err(|e| e.to_string())?;
    let mut fonts = std::collections::HashMap::new();
    let mut runs = Vec::new();
    for page in tree.descendants().filter(|n| n.has_tag_name("page")) {
        let number: usize = page
            .attribute("number")
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        for spec in page.descendants().filter(|n| n.has_tag_name("fontspec")) {
            let size: f64 = spec
                .attribute("size")
                .and_then(|s| s.parse().ok())
                .unwrap_or(0.0);
            let family = spec.attribute("family").unwrap_or("").to_string();
            let black = spec.attribute("color") == Some("#000000");
            fonts.insert(
                spec.attribute("id").unwrap_or("").to_string(),
                (size, family, black),
            );
        }
        for t in page.children().filter(|n| n.has_tag_name("text")) {
            let f = |k: &str| {
                t.attribute(k)
                    .and_then(|v| v.parse::<f64>().ok())
                    .unwrap_or(0.0)
            };
            let (size, family, black) = fonts
                .get(t.attribute("font").unwrap_or(""))
                .cloned()
                .unwrap_or_default();
            let text: String = t
                .descendants()
                .filter(|n| n.is_text())
                .filter_map(|n| n.text())
                .collect();
            let styled = |tag: &str| t.descendants().any(|n| n.has_tag_name(tag));
            runs.push(Run {
                page: number,
                x: f("left"),
                y: f("top") + ASCENT * size,
                width: f("width"),
                top: f("top"),
                bottom: f("top") + f("height"),
                size,
                text,
                glyphs: Vec::new(),
                family,
                bold: styled("b"),
                italic: styled("i"),
                black,
            });
        }
    }
    Ok(runs)
}

/// A word as `pdftotext -bbox` places it: page, left, right, top, bottom, text.
type WordBox = (usize, f64, f64, f64, f64, String);

/// Every word's box, in reading order.
fn boxes(pdf: &Path) -> Result<Vec<WordBox>, String> {
    let out = Command::new("pdftotext")
        .args(["-bbox", "-q"])
        .arg(pdf)
        .arg("-")
        .output()
        .map_err(|e| format!("pdftotext does not run: {e}"))?;
    let html = String::from_utf8_lossy(&out.stdout);
    let mut page = 0;
    let mut words = Vec::new();
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page ") {
            page += 1;
        }
        if !line.starts_with("<word ") {
            continue;
        }
        let num = |key: &str| {
            line.split(&format!("{key}=\""))
                .nth(1)
                .and_then(|r| r.split('"').next())
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(0.0)
        };
        let text = line
            .split_once('>')
            .and_then(|(_, r)| r.strip_suffix("</word>"))
            .unwrap_or("")
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"");
        words.push((
            page,
            num("xMin"),
            num("xMax"),
            num("yMin"),
            num("yMax"),
            text,
        ));
    }
    Ok(words)
}

/// pdftohtml's runs, a run per word: pdftohtml rounds positions to whole points and joins
/// a line's words into one run, so each word takes its place from pdftotext (to a
/// hundredth of a point) and its font, size and style from the run it lies in.
fn split(runs: Vec<Run>, boxes: &[WordBox]) -> Vec<Run> {
    let mut out = Vec::new();
    for r in runs {
        let inside: Vec<&WordBox> = boxes
            .iter()
            .filter(|(p, x0, x1, y0, y1, _)| {
                let mid = (y0 + y1) / 2.0;
                *p == r.page
                    && *x0 >= r.x - 2.5
                    && *x1 <= r.right() + 2.5
                    && mid >= r.top - 1.0
                    && mid <= r.bottom + 1.0
            })
            .collect();
        let joined: String = inside.iter().map(|w| w.5.as_str()).collect();
        let own: String = r.text.split_whitespace().collect();
        if inside.is_empty() || joined != own || r.text.trim().contains("  ") {
            // A draft's blanks stay inside their run, as in cchc's own layout; words
            // pdftotext splits otherwise keep pdftohtml's run.
            out.push(r);
            continue;
        }
        for (_, x0, x1, _, _, text) in inside {
            out.push(Run {
                x: *x0,
                width: x1 - x0,
                text: text.clone(),
                ..r.clone()
            });
        }
    }
    out
}

/// The words of a PDF in reading order, with their page, as `pdftotext` gives them,
/// without the page numbers (digits alone in the top margin, `top` points).
pub fn words(pdf: &Path, top: f64) -> Result<Vec<(usize, String)>, String> {
    let mut words: Vec<(usize, String)> = Vec::new();
    for (page, _, _, _, y1, text) in boxes(pdf)? {
        if y1 < top && text.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        // A line may break after a hyphen or a slash ("57/SNV-" / "CCHC"), each program
        // at its own places: words are cut after each, so both read "57/", "SNV-", "CCHC".
        let mut rest = text.as_str();
        while let Some(i) = rest.find(['-', '/']).filter(|&i| i + 1 < rest.len()) {
            words.push((page, rest[..=i].to_string()));
            rest = &rest[i + 1..];
        }
        words.push((page, rest.to_string()));
    }
    Ok(words)
}
