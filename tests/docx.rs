//! The Word twins (.docx): one beside every PDF of the demo and of the seeds' fixtures,
//! listed in documents.json and linked from the document's page; a zip and XML a reader
//! opens; A4 sections with the PDF's margins, a section per phụ lục (landscape where the PDF
//! is) numbered from 1, repeating table headers, Times New Roman, the document's title,
//! issuer and language; the same bytes from the same content whatever the clock, time zone
//! or locale; none with `--khong-word`.
//!
//! `word_twins_in_libreoffice` prints every twin with LibreOffice and runs cchc's ND30
//! checklist and a word-for-word comparison with cchc's own PDF on what it printed. It
//! needs LibreOffice Writer and poppler, so it is `#[ignore]`d: `.ci/run` installs them and
//! runs it (with a tool missing, it fails and names it).

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use cchc::model::{AppendixContent, Document, Site};
use common::ooxml::{check_package, schema_order};
use common::*;

/// The demo and each seed's fixture.
fn folders() -> Vec<PathBuf> {
    let mut v = vec![root().join("content")];
    let seeds = root().join("tests/fixtures/seeds");
    let mut names: Vec<_> = std::fs::read_dir(&seeds)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path().join("content"))
        .filter(|p| p.is_dir())
        .collect();
    names.sort();
    v.extend(names);
    v
}

/// The site as the outputs print it, without laying out any PDF.
fn site_of(content: &Path) -> Site {
    let loaded = cchc::content::load(content, &engine().fonts.coverage()).expect("valid content");
    presented(loaded.site)
}

/// Builds a copy of `content` (the build's cache must not land in the repository).
fn built(content: &Path) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let copy = tmp.path().join("content");
    copy_dir(content, &copy);
    let out = tmp.path().join("site");
    build_into(&copy, &out).expect("builds");
    (tmp, out)
}

#[test]
fn every_document_has_a_word_twin_a_reader_opens() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for content in folders() {
        let site = site_of(&content);
        let (_tmp, out) = built(&content);
        let listing: Vec<serde_json::Value> =
            serde_json::from_slice(&std::fs::read(out.join("documents.json")).unwrap()).unwrap();
        let docx_files = tree(&out)
            .into_iter()
            .filter(|(rel, _)| rel.ends_with(".docx"))
            .count();
        assert_eq!(docx_files, site.documents.len(), "{}", content.display());
        for doc in &site.documents {
            let rel = format!("van-ban/{}.docx", doc.slug);
            let mut fail = |m: String| failures.push(format!("{rel}: {m}"));
            let entry = listing
                .iter()
                .find(|e| e["html"] == doc.meta.html_path.as_str());
            if entry.map(|e| &e["docx"]) != Some(&serde_json::json!(rel)) {
                fail(format!(
                    "documents.json lists {:?}",
                    entry.map(|e| &e["docx"])
                ));
            }
            let page = std::fs::read_to_string(out.join(&doc.meta.html_path)).unwrap();
            if !page.contains(&format!("href=\"../{rel}\" download>Tải bản Word</a>")) {
                fail("the page does not link it".into());
            }
            match std::fs::read(out.join(&rel)) {
                Ok(bytes) => check_package(&site, doc, &bytes)
                    .into_iter()
                    .for_each(&mut fail),
                Err(e) => fail(format!("not written: {e}")),
            }
            checked += 1;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked >= 15, "{checked} documents");
}

/// Builds the demo with the binary, with `env` and `args`; returns the output folder.
fn cli_build(tmp: &Path, name: &str, env: &[(&str, &str)], args: &[&str]) -> PathBuf {
    let content = tmp.join(name).join("content");
    copy_dir(&root().join("content"), &content);
    let out = tmp.join(name).join("site");
    let run = Command::new(env!("CARGO_BIN_EXE_cchc"))
        .args(["build", "--content"])
        .arg(&content)
        .arg("--output")
        .arg(&out)
        .arg("--theme")
        .arg(theme_dir())
        .args(args)
        .envs(env.iter().copied())
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    out
}

#[test]
fn the_same_content_gives_the_same_bytes_and_khong_word_skips_them() {
    let tmp = tempfile::tempdir().unwrap();
    let docx = |dir: &Path| -> Vec<(String, Vec<u8>)> {
        tree(dir)
            .into_iter()
            .filter(|(rel, _)| rel.ends_with(".docx"))
            .collect()
    };
    // Another clock second, time zone and locale: nothing of the machine's gets in.
    let a = cli_build(tmp.path(), "a", &[("TZ", "UTC"), ("LC_ALL", "C")], &[]);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let b = cli_build(
        tmp.path(),
        "b",
        &[("TZ", "Asia/Ho_Chi_Minh"), ("LC_ALL", "vi_VN.UTF-8")],
        &[],
    );
    let (a, b) = (docx(&a), docx(&b));
    assert!(a.len() >= 10, "{} .docx", a.len());
    assert!(a == b, "two builds of the same content differ");

    for flag in ["--khong-word", "--no-docx"] {
        let out = cli_build(tmp.path(), &flag[2..], &[], &[flag]);
        assert!(docx(&out).is_empty(), "{flag}: .docx written");
        let listing = std::fs::read_to_string(out.join("documents.json")).unwrap();
        assert!(
            listing.contains("\"docx\": null") && !listing.contains(".docx"),
            "{flag}"
        );
        let page = std::fs::read_to_string(out.join("van-ban/ke-hoach-cchc-2026.html")).unwrap();
        assert!(
            !page.contains("Tải bản Word"),
            "{flag}: the page links a .docx"
        );
        assert!(out.join("van-ban/ke-hoach-cchc-2026.pdf").is_file());
    }
}

/// The tools the LibreOffice test needs, missing ones named.
fn missing_tools() -> Vec<&'static str> {
    let runs = |cmd: &str, arg: &str| Command::new(cmd).arg(arg).output().is_ok();
    let mut missing = Vec::new();
    if !runs("soffice", "--version") {
        missing.push("LibreOffice Writer (`soffice`; Debian package libreoffice-writer-nogui)");
    }
    if !runs("pdftohtml", "-v") || !runs("pdftotext", "-v") {
        missing.push("poppler (`pdftohtml`, `pdftotext`; Debian package poppler-utils)");
    }
    missing
}

/// Page 1's Số and date lines and the phụ lục's "Kèm theo" line as cchc's own PDF prints
/// them (itself checked against the decree in tests/plan.rs and tests/seeds.rs): the Word
/// twin must print the same.
fn header_of(own: &cchc::render::inspect::Inspection) -> (String, String, Option<String>) {
    let lines = own.lines(12.0);
    let on_1 = |p: &dyn Fn(&str) -> bool| {
        lines
            .iter()
            .find(|l| l.page == 1 && p(&l.text))
            .map(|l| l.text.clone())
            .unwrap_or_default()
    };
    let reference = on_1(&|t| t.starts_with("Số:"))
        .trim_start_matches("Số:")
        .trim()
        .to_string();
    let date = on_1(&|t| t.contains(", ngày "));
    let attached = nd30::appendix_start(own).map(|a| {
        lines
            .iter()
            .filter(|l| l.page == a && l.runs.iter().all(|r| r.italic))
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    });
    (reference, date, attached)
}

/// `words` without the contact block's lines (ô 13): the PDF floats it to the foot of
/// page 1, Word prints it as page 1's footer, so each reads it out where its page 1 ends.
fn without(mut words: Vec<String>, lines: &[String]) -> Vec<String> {
    for line in lines {
        // Matched without spaces: a long address may wrap inside a word ("….gov." / "vn").
        let target: String = line.split_whitespace().collect();
        let found = (0..words.len()).find_map(|i| {
            let mut acc = String::new();
            for (j, w) in words[i..].iter().enumerate() {
                acc.push_str(w);
                if !target.starts_with(&acc) {
                    return None;
                }
                if acc.len() == target.len() {
                    return Some((i, i + j + 1));
                }
            }
            None
        });
        if let Some((i, j)) = found {
            words.drain(i..j);
        }
    }
    words
}

/// The words of the documents' table headers: they repeat on every page a table runs
/// onto, and a table may run onto more or fewer pages in Word.
fn header_words(doc: &Document) -> Vec<String> {
    let mut cells: Vec<String> = Vec::new();
    for a in &doc.appendices {
        match &a.content {
            AppendixContent::Assignments { table } => {
                let c = &table.columns;
                cells.extend(
                    [
                        &c.stt,
                        &c.criterion,
                        &c.requirement,
                        &c.deadline,
                        &c.assignment,
                        &c.lead,
                        &c.staff,
                    ]
                    .map(|s| s.to_string()),
                );
            }
            AppendixContent::Table { table } => {
                cells.extend(table.header.iter().cloned());
                cells.extend(table.groups.iter().map(|g| g.title.clone()));
            }
            AppendixContent::Text { .. } => {}
        }
    }
    cells
        .iter()
        .flat_map(|c| c.split_whitespace().map(String::from).collect::<Vec<_>>())
        .collect()
}

/// Word for word: the same words, each as many times (but the words of repeated table
/// headers), and, when `ordered`, in the same order but for local reorderings (at most 2 %
/// of the words out of the longest common order).
///
/// Relaxed for Word, because line and page breaks fall elsewhere: reading order is the
/// text extractor's guess from positions. In the body, the closing's two columns start at
/// slightly other heights, so pdftotext may read "Nơi nhận:" before or after the signer's
/// title. In the phụ lục's tables, cells wrap at other words, so their lines interleave
/// in another order: there only the words are compared, not their order.
fn compare_words(got: &[String], want: &[String], header: &[String], ordered: bool) -> Vec<String> {
    let mut f = Vec::new();
    fn count(ws: &[String]) -> HashMap<&str, i64> {
        let mut m: HashMap<&str, i64> = HashMap::new();
        for w in ws {
            *m.entry(w.as_str()).or_default() += 1;
        }
        m
    }
    let (a, b) = (count(got), count(want));
    let mut extra: Vec<String> = Vec::new();
    for (w, n) in &a {
        let d = n - b.get(w).copied().unwrap_or(0);
        if d != 0 && !header.iter().any(|h| h == w) {
            extra.push(format!("{w:?} {d:+}"));
        }
    }
    for (w, n) in &b {
        if !a.contains_key(w) && !header.iter().any(|h| h == w) {
            extra.push(format!("{w:?} -{n}"));
        }
    }
    if !extra.is_empty() {
        extra.sort();
        f.push(format!(
            "words differ from the PDF's (Word's count minus the PDF's): {}",
            extra.join(", ")
        ));
    }
    if !ordered {
        return f;
    }
    // Longest common subsequence, two rows at a time.
    let mut prev = vec![0usize; want.len() + 1];
    for g in got {
        let mut row = vec![0usize; want.len() + 1];
        for (j, w) in want.iter().enumerate() {
            row[j + 1] = if g == w {
                prev[j] + 1
            } else {
                row[j].max(prev[j + 1])
            };
        }
        prev = row;
    }
    let common = prev[want.len()];
    if (want.len() - common) * 50 > want.len() {
        f.push(format!(
            "order: only {common} of {} words in the PDF's order",
            want.len()
        ));
    }
    f
}

/// Whether a checklist failure (nd30.md §13, numbered as in tests/common/nd30.rs) lies in
/// how LibreOffice sets text rather than in what cchc wrote; only this is forgiven:
/// - 25 (a justified line reaches the right margin, within 1.5 pt): LibreOffice leaves
///   some justified lines up to 1.8 pt short of the margin (measured on the demo and the
///   seeds; cchc's PDF ends them on it). Allowed: 2.5 pt.
fn relaxed(m: &str) -> bool {
    m.strip_prefix("25: line ends at ")
        .and_then(|rest| rest.split(' ').next())
        .and_then(|x| x.parse::<f64>().ok())
        .is_some_and(|x| x >= nd30::X1 - 2.5)
}

#[test]
#[ignore = "needs LibreOffice Writer and poppler-utils: run .ci/run, or see README"]
fn word_twins_in_libreoffice() {
    let missing = missing_tools();
    assert!(
        missing.is_empty(),
        "the LibreOffice test cannot run: missing {} (`.ci/run` installs them)",
        missing.join(", ")
    );
    let mut failures = Vec::new();
    let mut checked = 0;
    for content in folders() {
        let r = render(&content);
        let (tmp, out) = built(&content);
        let printed = tmp.path().join("libreoffice");
        std::fs::create_dir_all(&printed).unwrap();
        let docx: Vec<PathBuf> = r
            .site
            .documents
            .iter()
            .map(|d| out.join(format!("van-ban/{}.docx", d.slug)))
            .collect();
        word::to_pdf(&docx, &printed).unwrap_or_else(|e| panic!("{e}"));
        for (doc, (_, own_pdf, own)) in r.site.documents.iter().zip(&r.docs) {
            let name = format!("{}.docx", doc.slug);
            let mut fail = |m: String| failures.push(format!("{name}: {m}"));
            let pdf = printed.join(format!("{}.pdf", doc.slug));
            let insp = match word::inspect_pdf(&pdf) {
                Ok(i) => i,
                Err(e) => {
                    fail(format!("LibreOffice printed no readable PDF: {e}"));
                    continue;
                }
            };
            let (reference, date_line, attached) = header_of(own);
            let kind_title = doc.kind.title();
            let h = Header {
                reference: &reference,
                date_line: &date_line,
                kind_title: kind_title.as_deref(),
                attached: attached.as_deref(),
            };
            for m in check_nd30(&r.site, doc, &insp, &h) {
                if !relaxed(&m) {
                    fail(m);
                }
            }
            let bytes = std::fs::read(&pdf).unwrap();
            check_pdf_fonts(&bytes).into_iter().for_each(&mut fail);
            // As many pages, give or take one: the lines break at other words (measured: 14
            // of the 15 documents the same, seed 001's long table one page shorter).
            if insp.pages.len().abs_diff(own.pages.len()) > 1 {
                fail(format!(
                    "{} pages, cchc's PDF {}",
                    insp.pages.len(),
                    own.pages.len()
                ));
            }
            let own_file = tmp.path().join(format!("{}.own.pdf", doc.slug));
            std::fs::write(&own_file, own_pdf).unwrap();
            match (
                word::words(&pdf, nd30::MT),
                word::words(&own_file, nd30::MT),
            ) {
                (Ok(got), Ok(want)) => {
                    let contact = if doc.show_contact {
                        &r.site.issuer.contact[..]
                    } else {
                        &[]
                    };
                    // Split where the phụ lục begin: the body is compared in order, the
                    // tables as words (see `compare_words`).
                    let split = |ws: Vec<(usize, String)>, start: Option<usize>| {
                        let (body, tables): (Vec<_>, Vec<_>) = ws
                            .into_iter()
                            .partition(|(p, _)| start.is_none_or(|a| *p < a));
                        let strip =
                            |v: Vec<(usize, String)>| v.into_iter().map(|(_, w)| w).collect();
                        (without(strip(body), contact), strip(tables))
                    };
                    let (got, got_app) = split(got, nd30::appendix_start(&insp));
                    let (want, want_app) = split(want, nd30::appendix_start(own));
                    let header = header_words(doc);
                    compare_words(&got, &want, &header, true)
                        .into_iter()
                        .for_each(&mut fail);
                    compare_words(&got_app, &want_app, &header, false)
                        .into_iter()
                        .for_each(|m| fail(format!("phụ lục: {m}")));
                }
                (a, b) => fail(format!("no text: {:?} {:?}", a.err(), b.err())),
            }
            checked += 1;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked >= 15, "{checked} documents");
}

#[test]
fn the_schema_order_check_sees_a_misplaced_child() {
    let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    let good = format!("<w:p {w}><w:pPr><w:spacing/><w:jc/></w:pPr><w:r/></w:p>");
    let bad = format!("<w:p {w}><w:pPr><w:jc/><w:spacing/></w:pPr><w:r/></w:p>");
    let unknown = format!("<w:p {w}><w:r/><w:pPr/></w:p>");
    assert!(schema_order("x", &good).is_empty());
    assert_eq!(
        schema_order("x", &bad),
        ["x: <spacing> out of order in <pPr>"]
    );
    assert_eq!(
        schema_order("x", &unknown),
        ["x: <pPr> out of order in <p>"]
    );
}
