//! Issue 9, item 6: every PDF is PDF/A-2a and PDF/UA-1 by default, through typst-pdf's own
//! standards support (it refuses to write a file that breaks them). Read back from the
//! built file: the XMP identification, the language, and the structure tree (a table with
//! header cells).

mod common;

use std::collections::BTreeSet;

use common::*;
use lopdf::{Document, Object};

/// Every structure type (`/S`) under the catalog's structure tree.
fn structure_types(doc: &Document) -> BTreeSet<String> {
    fn walk(doc: &Document, o: &Object, out: &mut BTreeSet<String>, depth: usize) {
        if depth > 64 {
            return;
        }
        let o = match o {
            Object::Reference(id) => match doc.get_object(*id) {
                Ok(o) => o,
                Err(_) => return,
            },
            o => o,
        };
        match o {
            Object::Array(a) => a.iter().for_each(|x| walk(doc, x, out, depth + 1)),
            Object::Dictionary(d) => {
                if let Ok(s) = d.get(b"S").and_then(Object::as_name) {
                    out.insert(String::from_utf8_lossy(s).into_owned());
                }
                if let Ok(k) = d.get(b"K") {
                    walk(doc, k, out, depth + 1);
                }
            }
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    let root = doc
        .catalog()
        .unwrap()
        .get(b"StructTreeRoot")
        .unwrap()
        .clone();
    walk(doc, &root, &mut out, 0);
    out
}

fn xmp(doc: &Document) -> String {
    let id = doc
        .catalog()
        .unwrap()
        .get(b"Metadata")
        .and_then(Object::as_reference)
        .expect("an XMP stream");
    let stream = doc.get_object(id).unwrap().as_stream().unwrap();
    String::from_utf8(stream.content.clone()).unwrap()
}

fn built(fixture: &str, args: &[&str]) -> Vec<u8> {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(
        &root()
            .join("tests/fixtures/real")
            .join(fixture)
            .join("content"),
        &content,
    );
    let out = tmp.path().join("site");
    let mut all = vec![
        "build",
        "--content",
        content.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--khong-word",
    ];
    all.extend_from_slice(args);
    let (code, _, err) = cchc(&all, tmp.path());
    assert_eq!(code, 0, "{err}");
    let dir = out.join("van-ban");
    let pdf = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "pdf"))
        .unwrap();
    std::fs::read(pdf).unwrap()
}

#[test]
fn every_pdf_is_archival_and_accessible_by_default() {
    let bytes = built("quyet-dinh-chu-tich", &[]);
    let doc = Document::load_mem(&bytes).unwrap();
    let meta = xmp(&doc);
    for want in [
        "<pdfaid:part>2</pdfaid:part>",
        "<pdfaid:conformance>A</pdfaid:conformance>",
        "<pdfuaid:part>1</pdfuaid:part>",
        "<rdf:li>vi</rdf:li>",
        "Quyết định số 2381/QĐ-UBND",
        // The document's own date, not the clock: the same content, the same bytes.
        "<xmp:CreateDate>2025-11-28T00:00:00+00:00</xmp:CreateDate>",
    ] {
        assert!(meta.contains(want), "XMP lacks {want}:\n{meta}");
    }
    let catalog = doc.catalog().unwrap();
    let lang = catalog.get(b"Lang").and_then(Object::as_str).unwrap();
    assert_eq!(lang, b"vi");
    let marked = catalog
        .get(b"MarkInfo")
        .and_then(Object::as_dict)
        .and_then(|m| m.get(b"Marked"))
        .and_then(Object::as_bool)
        .unwrap();
    assert!(marked, "a tagged PDF");
    let types = structure_types(&doc);
    for t in ["Table", "TH", "TD", "TR", "P"] {
        assert!(types.contains(t), "no {t} in the structure tree: {types:?}");
    }
    // Deterministic: built again, the same bytes.
    assert_eq!(bytes, built("quyet-dinh-chu-tich", &[]));
}

#[test]
fn pdf_standard_selects_another() {
    let doc = Document::load_mem(&built("ke-hoach-tinh", &["--pdf-standard", "a-2b"])).unwrap();
    let meta = xmp(&doc);
    assert!(
        meta.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
        "{meta}"
    );
    assert!(!meta.contains("pdfuaid:part"));
    let plain = Document::load_mem(&built("ke-hoach-tinh", &["--pdf-standard", "pdf"])).unwrap();
    assert!(!xmp(&plain).contains("pdfaid:part"));
    let tmp = tempfile::tempdir().unwrap();
    let (code, _, err) = cchc(&["build", "--pdf-standard", "a-9z"], tmp.path());
    assert_ne!(code, 0);
    assert!(err.contains("a-2a+ua-1"), "{err}");
}
