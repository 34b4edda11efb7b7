//! The PDF files `build` writes, read back from disk: every one the demo, the seeds and a
//! small fixture produce holds its layout's pages and text in order, embeds fonts that can
//! be copied from, and names its title, issuer and language.

mod common;

use std::path::Path;

use common::*;

/// Builds `content` into a temp folder and checks every PDF found there against the layout
/// of the document it belongs to. A PDF that belongs to no document fails too: every file
/// a user gets is accounted for.
fn check_built(content: &Path) -> usize {
    let r = render(content);
    let tmp = tempfile::tempdir().unwrap();
    // A copy: the build keeps its cache beside the content folder, which must not land in
    // the repository's fixtures.
    let copy = tmp.path().join("content");
    copy_dir(content, &copy);
    let out = tmp.path().join("site");
    build_into(&copy, &out).expect("builds");
    let mut failures = Vec::new();
    let mut checked = 0;
    for (rel, bytes) in tree(&out) {
        if !rel.to_ascii_lowercase().ends_with(".pdf") {
            continue;
        }
        let rel = rel.replace(std::path::MAIN_SEPARATOR, "/");
        let Some(doc) = r.site.documents.iter().find(|d| d.meta.pdf_path == rel) else {
            failures.push(format!("{rel}: a PDF of no document"));
            continue;
        };
        let (_, _, layout) = r.docs.iter().find(|d| d.0 == doc.slug).unwrap();
        let expect = pdf::Expect {
            title: &doc.meta.full_title,
            author: &r.site.issuer.full_name,
            layout,
        };
        failures.extend(
            pdf::check_file(&bytes, &expect)
                .into_iter()
                .map(|m| format!("{rel}: {m}")),
        );
        checked += 1;
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(
        checked,
        r.site.documents.len(),
        "one PDF per document in {}",
        content.display()
    );
    checked
}

#[test]
fn every_pdf_of_the_demo() {
    let n = check_built(&root().join("content"));
    assert!(n >= 10, "the demo has {n} documents");
}

#[test]
fn every_pdf_of_every_seed() {
    let seeds = root().join("tests/fixtures/seeds");
    let mut names: Vec<_> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("content").is_dir())
        .collect();
    names.sort();
    assert!(names.len() >= 5, "{names:?}");
    for seed in names {
        check_built(&seed.join("content"));
    }
}

#[test]
fn the_small_fixture_pdf() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", PLAN)]);
    assert_eq!(check_built(&content), 1);
}

/// Each check of `pdf::check_file` catches the fault it is there for: the small fixture's
/// good file passes, and each damaged copy fails with the matching message.
#[test]
fn each_pdf_check_can_fail() {
    use lopdf::{Document, Object};

    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", PLAN)]);
    let r = render(&content);
    build_into(&content, &tmp.path().join("site")).expect("builds");
    let good = std::fs::read(tmp.path().join("site/van-ban/kh.pdf")).unwrap();
    let (_, _, layout) = &r.docs[0];
    let doc = &r.site.documents[0];
    let expect = pdf::Expect {
        title: &doc.meta.full_title,
        author: &r.site.issuer.full_name,
        layout,
    };
    assert_eq!(pdf::check_file(&good, &expect), Vec::<String>::new());
    assert!(layout.pages.len() >= 2, "the fixture has a second page");

    let damaged = |what: &str, harm: &dyn Fn(&mut Document), wanted: &str| {
        let mut d = Document::load_mem(&good).unwrap();
        harm(&mut d);
        let mut bytes = Vec::new();
        d.save_to(&mut bytes).unwrap();
        let found = pdf::check_file(&bytes, &expect);
        assert!(
            found.iter().any(|m| m.contains(wanted)),
            "{what}: expected a failure containing {wanted:?}, got {found:?}"
        );
    };
    let info_id = |d: &Document| d.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let first_font = |d: &Document| -> lopdf::ObjectId {
        let page = d.get_pages()[&1];
        let fonts = d.get_page_fonts(page).unwrap();
        let (name, _) = fonts.into_iter().next().unwrap();
        let (res, ids) = d.get_page_resources(page).unwrap();
        let font_dict = res
            .and_then(|r| r.get(b"Font").ok())
            .or_else(|| {
                ids.iter()
                    .find_map(|id| d.get_dictionary(*id).ok()?.get(b"Font").ok())
            })
            .unwrap();
        let font_dict = d.dereference(font_dict).unwrap().1.as_dict().unwrap();
        font_dict.get(&name).unwrap().as_reference().unwrap()
    };

    damaged(
        "another title",
        &|d| {
            let id = info_id(d);
            let info = d.get_dictionary_mut(id).unwrap();
            info.set("Title", lopdf::text_string("Khác"));
        },
        "Title is \"Khác\"",
    );
    damaged(
        "no author",
        &|d| {
            let id = info_id(d);
            d.get_dictionary_mut(id).unwrap().remove(b"Author");
        },
        "Author not set",
    );
    damaged(
        "no language",
        &|d| {
            d.catalog_mut().unwrap().remove(b"Lang");
        },
        "Lang is None",
    );
    damaged(
        "a Type 3 font",
        &|d| {
            let id = first_font(d);
            d.get_dictionary_mut(id).unwrap().set("Subtype", "Type3");
        },
        "is Type 3",
    );
    damaged(
        "another font",
        &|d| {
            let id = first_font(d);
            d.get_dictionary_mut(id)
                .unwrap()
                .set("BaseFont", "ABCDEF+Arial");
        },
        "neither Liberation Serif nor Times New Roman",
    );
    damaged(
        "no ToUnicode",
        &|d| {
            let id = first_font(d);
            d.get_dictionary_mut(id).unwrap().remove(b"ToUnicode");
        },
        "has no ToUnicode map",
    );
    damaged(
        "a font not embedded",
        &|d| {
            let id = first_font(d);
            let desc = d
                .get_dictionary(id)
                .unwrap()
                .get(b"DescendantFonts")
                .unwrap();
            let desc = d.dereference(desc).unwrap().1.as_array().unwrap()[0]
                .as_reference()
                .unwrap();
            let fd = d
                .get_dictionary(desc)
                .unwrap()
                .get(b"FontDescriptor")
                .unwrap()
                .as_reference()
                .unwrap();
            let fd = d.get_dictionary_mut(fd).unwrap();
            fd.remove(b"FontFile2");
            fd.remove(b"FontFile3");
        },
        "is not embedded",
    );
    damaged(
        "US Letter",
        &|d| {
            let page = d.get_pages()[&1];
            d.get_dictionary_mut(page)
                .unwrap()
                .set("MediaBox", vec![0.into(), 0.into(), 612.into(), 792.into()]);
        },
        "page 1: 612.0x792.0 pt is not A4",
    );
    damaged(
        "page 1 turned",
        &|d| {
            let page = d.get_pages()[&1];
            d.get_dictionary_mut(page).unwrap().set("Rotate", 90);
        },
        "page 1: 841.9x595.3 pt",
    );
    damaged(
        "pages swapped",
        &|d| {
            let pages = d
                .catalog()
                .unwrap()
                .get(b"Pages")
                .unwrap()
                .as_reference()
                .unwrap();
            let kids = d
                .get_dictionary_mut(pages)
                .unwrap()
                .get_mut(b"Kids")
                .unwrap();
            kids.as_array_mut().unwrap().swap(0, 1);
        },
        "page 1: text differs from the layout",
    );
    damaged(
        "a page lost",
        &|d| {
            let pages = d
                .catalog()
                .unwrap()
                .get(b"Pages")
                .unwrap()
                .as_reference()
                .unwrap();
            let p = d.get_dictionary_mut(pages).unwrap();
            p.get_mut(b"Kids").unwrap().as_array_mut().unwrap().pop();
            let n = p.get(b"Count").unwrap().as_i64().unwrap();
            p.set("Count", n - 1);
        },
        "pages: the file has",
    );
    damaged(
        "two strings of page 1 in the other order",
        &|d| {
            let page = d.get_pages()[&1];
            let mut content = d.get_and_decode_page_content(page).unwrap();
            let shown: Vec<usize> = content
                .operations
                .iter()
                .enumerate()
                .filter(|(_, o)| o.operator == "TJ")
                .map(|(i, _)| i)
                .collect();
            let (a, b) = (shown[0], shown[1]);
            let first = content.operations[a].operands.clone();
            content.operations[a].operands = content.operations[b].operands.clone();
            content.operations[b].operands = first;
            d.change_page_content(page, content.encode().unwrap())
                .unwrap();
        },
        "page 1: text differs from the layout",
    );
    damaged(
        "a word changed",
        &|d| {
            // The glyph codes of one shown string, each moved to its neighbour.
            let page = d.get_pages()[&1];
            let mut content = d.get_and_decode_page_content(page).unwrap();
            let op = content
                .operations
                .iter_mut()
                .find(|o| o.operator == "TJ")
                .unwrap();
            for item in op.operands[0].as_array_mut().unwrap() {
                if let Object::String(s, _) = item
                    && let Some(last) = s.last_mut()
                {
                    *last ^= 1;
                }
            }
            d.change_page_content(page, content.encode().unwrap())
                .unwrap();
        },
        "page 1: text differs from the layout",
    );
}
