//! A fixture's expected text (expected.txt, written by hand from its source document or
//! from ND30 and its YAML) against the three things a reader meets: the layout read line
//! by line, the PDF file read back from disk, and the web page. Shared by the seeds
//! (tests/seeds.rs) and the fixtures from outside the commune (tests/real.rs).

use std::path::Path;

use super::*;
use super::{nd30, pdf};

pub fn squeeze(s: &str) -> String {
    s.split_whitespace().collect()
}

/// Checks the fixture in `dir` (its `content/` and `expected.txt`): every non-blank line of
/// expected.txt, whitespace aside, in order in the reading text, in the PDF file's text and
/// (but "Số:") on the web page; the ND30 checklist; the PDF file's metadata.
pub fn check_expected(dir: &Path, header: &Header) {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let dir = dir.to_path_buf();
    let r = render(&dir.join("content"));
    assert_eq!(r.docs.len(), 1, "{name} is one document");
    let doc = &r.site.documents[0];
    let (_, _, insp) = &r.docs[0];

    // Word for word, in reading order: the page text read line by line (columns apart),
    // without whitespace, must hold every expected item after the previous one.
    let expected = std::fs::read_to_string(dir.join("expected.txt")).unwrap();
    let text = reading_text(insp);
    let mut cursor = 0;
    for item in expected.lines().filter(|l| !l.trim().is_empty()) {
        let want = squeeze(item);
        match text[cursor..].find(&want) {
            Some(i) => cursor += i + want.len(),
            None => panic!(
                "{name}: {item:?} not found in order; the text from there on:\n{}",
                text[cursor..].chars().take(300).collect::<String>()
            ),
        }
    }

    let failures = check_nd30(&r.site, doc, insp, header);
    assert!(
        failures.is_empty(),
        "{name}: ND30 checklist failures:\n{}",
        failures.join("\n")
    );

    let tmp = tempfile::tempdir().unwrap();
    // Built from a copy: the build keeps its cache beside the content folder, which must not
    // land in the repository's fixtures.
    copy_dir(&dir.join("content"), &tmp.path().join("content"));
    build_into(&tmp.path().join("content"), &tmp.path().join("site")).expect("builds");
    let built = tmp.path().join("site");

    // The PDF file as built, read back from disk: the same words in the same order when
    // copied out of it or read aloud (the order its text is stored in), and the file's
    // pages, text, fonts and metadata those of the layout checked above.
    let file = std::fs::read(built.join(&doc.meta.pdf_path)).unwrap();
    let stored = pdf::pages_text(&file).unwrap_or_else(|e| panic!("{name}: {e}"));
    let stored = squeeze(&stored.concat());
    let mut cursor = 0;
    for item in expected.lines().filter(|l| !l.trim().is_empty()) {
        let want = squeeze(item);
        match stored[cursor..].find(&want) {
            Some(i) => cursor += i + want.len(),
            None => panic!(
                "{name}: {item:?} not found in order in the PDF file; from there on:\n{}",
                stored[cursor..].chars().take(300).collect::<String>()
            ),
        }
    }
    let failures = pdf::check_file(
        &file,
        &pdf::Expect {
            title: &doc.meta.full_title,
            author: &r.site.issuer.full_name,
            layout: insp,
        },
    );
    assert!(
        failures.is_empty(),
        "{name}: the PDF file:\n{}",
        failures.join("\n")
    );

    // The web page shows the same words.
    let html = std::fs::read_to_string(built.join(&doc.meta.html_path)).unwrap();
    let html_text = squeeze(
        &html
            .replace("&amp;", "&")
            .replace("&quot;", "\"")
            .replace("&#39;", "'"),
    );
    for item in expected
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter(|l| !l.starts_with("Số:"))
    {
        let want = squeeze(item);
        let want = want.trim_start_matches("Kínhgửi:");
        assert!(
            strip_tags(&html_text).contains(want),
            "{name}: the web page lacks {item:?}"
        );
    }
}

/// The document's text without whitespace, as a person reads it: line by line down the
/// pages (page numbers left out), the issuer's name before the Quốc hiệu beside it, at the
/// foot Nơi nhận before the signature beside it, then the phụ lục.
pub fn reading_text(insp: &cchc::render::inspect::Inspection) -> String {
    let lines: Vec<_> = insp
        .lines(12.0)
        .into_iter()
        .filter(|l| l.y > nd30::MT)
        .collect();
    let appendix = nd30::appendix_start(insp).unwrap_or(usize::MAX);
    let foot = lines
        .iter()
        .find(|l| l.text == "Nơi nhận:" && l.page < appendix)
        .map(|l| (l.page, l.y - 6.0));
    let in_foot =
        |l: &cchc::render::inspect::Line| foot.is_some_and(|(p, y)| l.page == p && l.y >= y);
    let before = |l: &cchc::render::inspect::Line| foot.is_none_or(|(p, _)| l.page <= p);
    // The two header blocks above "Số:" read one after the other as well: the issuer's
    // lines, then the Quốc hiệu and Tiêu ngữ.
    let so = lines
        .iter()
        .find(|l| l.page == 1 && l.text.starts_with("Số:"))
        .map_or(0.0, |l| l.y - 1.0);
    let in_head = |l: &cchc::render::inspect::Line| l.page == 1 && l.y < so;
    let mut out: String = lines
        .iter()
        .filter(|l| in_head(l) && l.center() < nd30::XC)
        .chain(
            lines
                .iter()
                .filter(|l| in_head(l) && l.center() >= nd30::XC),
        )
        .map(|l| squeeze(&l.text))
        .collect();
    out.extend(
        lines
            .iter()
            .filter(|l| before(l) && !in_foot(l) && !in_head(l))
            .map(|l| squeeze(&l.text)),
    );
    out.extend(
        lines
            .iter()
            .filter(|l| in_foot(l) && l.center() < nd30::XC)
            .map(|l| squeeze(&l.text)),
    );
    out.extend(
        lines
            .iter()
            .filter(|l| in_foot(l) && l.center() >= nd30::XC)
            .map(|l| squeeze(&l.text)),
    );
    out.extend(
        lines
            .iter()
            .filter(|l| !before(l))
            .map(|l| squeeze(&l.text)),
    );
    out
}

/// Text of an HTML page without its tags.
pub fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}
