//! The incremental cache: a cached build is the clean build byte for byte, each kind of
//! change lays out again exactly the documents it touches, and a damaged entry is made again.

mod common;

use std::path::{Path, PathBuf};

use cchc::build::{self, Paths};
use common::{copy_dir, engine, root, tree};

/// The demo and a copy of the default theme in a temp folder, to edit.
fn project() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    let theme = tmp.path().join("theme");
    copy_dir(&root().join("content"), &content);
    copy_dir(&root().join("themes/default"), &theme);
    (tmp, content, theme)
}

fn paths(content: &Path, theme: &Path, out: &str) -> Paths {
    let p = Paths::new(content, &content.with_file_name(out), Some(theme));
    assert_eq!(
        p.cache(),
        content.with_file_name(".cchc"),
        "the cache sits beside the content"
    );
    p
}

/// Builds; returns how many PDFs were laid out.
fn typeset(paths: &Paths) -> usize {
    build::build(&engine(), paths)
        .unwrap_or_else(|e| panic!("builds: {e:?}"))
        .typeset
}

fn edit(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{} holds {from:?}", file.display());
    std::fs::write(file, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn each_change_lays_out_again_exactly_what_it_touches() {
    let (_tmp, content, theme) = project();
    let p = paths(&content, &theme, "output");
    let all = typeset(&p);
    assert_eq!(all, 10, "the demo's documents, all laid out the first time");
    assert_eq!(typeset(&p), 0, "nothing changed: every PDF from the cache");

    edit(
        &content.join("van-ban/cong-van-12-don-doc-cchc-quy-1.yaml"),
        "trich_yeu: ",
        "trich_yeu: Khẩn - ",
    );
    assert_eq!(typeset(&p), 1, "one document edited: one laid out");

    // A period's counts reach its báo cáo and, through the year-so-far (lũy kế) figures,
    // those of the later quarters: the last quarter's, its own only.
    edit(
        &content.join("ket-qua/2026-q4.yaml"),
        "ho_so_so_hoa: 2236",
        "ho_so_so_hoa: 2235",
    );
    assert_eq!(typeset(&p), 1, "the last quarter's count: its báo cáo");
    edit(
        &content.join("ket-qua/2026-q1.yaml"),
        "ho_so_so_hoa: 1527",
        "ho_so_so_hoa: 1526",
    );
    assert_eq!(
        typeset(&p),
        4,
        "the first quarter's: the year's four báo cáo"
    );

    edit(
        &content.join("co_quan.yaml"),
        "dia_danh: Hòa Sơn",
        "dia_danh: Hòa Sơn Mới",
    );
    assert_eq!(typeset(&p), all, "the issuer is on every page 1");

    edit(
        &theme.join("typst/blocks.typ"),
        "",
        "// a comment changes the layout's source\n",
    );
    assert_eq!(typeset(&p), all, "a layout file: everything");

    // The web pages' templates are not part of a PDF.
    edit(
        &theme.join("templates/base.html"),
        "",
        "{# a comment in a web template #}\n",
    );
    assert_eq!(typeset(&p), 0, "a web template lays out no PDF");

    let mut clean = paths(&content, &theme, "clean");
    clean.incremental = false;
    assert_eq!(typeset(&clean), all, "--no-cache lays out everything");
    assert_eq!(
        tree(&content.with_file_name("output")),
        tree(&content.with_file_name("clean")),
        "the cached build is the clean build, byte for byte"
    );
}

#[test]
fn a_damaged_cache_entry_is_made_again_never_copied() {
    let (tmp, content, theme) = project();
    let p = paths(&content, &theme, "output");
    typeset(&p);
    let entries: Vec<PathBuf> = walkdir::WalkDir::new(tmp.path().join(".cchc/bo-dem/pdf"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    assert_eq!(entries.len(), 10, "one entry per PDF");
    let first = &entries[0];
    let bytes = std::fs::read(first).unwrap();
    std::fs::write(first, &bytes[..bytes.len() / 2]).unwrap();
    let second = &entries[1];
    let mut flipped = std::fs::read(second).unwrap();
    let last = flipped.len() - 1;
    flipped[last] ^= 0x20;
    std::fs::write(second, &flipped).unwrap();

    assert_eq!(typeset(&p), 2, "the truncated and the altered entries");
    let mut clean = paths(&content, &theme, "clean");
    clean.incremental = false;
    typeset(&clean);
    assert_eq!(
        tree(&content.with_file_name("output")),
        tree(&content.with_file_name("clean"))
    );
    assert_eq!(
        std::fs::read(first).unwrap(),
        bytes,
        "the entry is whole again"
    );
}

#[test]
fn the_cache_keeps_one_build_however_many_edits() {
    let (tmp, content, theme) = project();
    let p = paths(&content, &theme, "output");
    let file = content.join("van-ban/thong-bao-08-ket-qua-kiem-tra.yaml");
    for i in 0..3 {
        edit(&file, "trich_yeu: ", &format!("trich_yeu: {i} "));
        typeset(&p);
    }
    let count = |kind: &str| {
        walkdir::WalkDir::new(tmp.path().join(".cchc/bo-dem").join(kind))
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .count()
    };
    assert_eq!((count("pdf"), count("docx")), (10, 10));
    // 35 web pages (the sitemap needs a site address the demo has) and 4 workbooks: each
    // kept once, however many times the thông báo's page changed.
    assert_eq!((count("html"), count("xlsx")), (36, 4));
}

/// Web pages and workbooks are kept too; a page or a workbook whose template or data
/// changed is made again, never served from the cache.
#[test]
fn pages_and_workbooks_follow_their_templates_and_data() {
    let (_tmp, content, theme) = project();
    let p = paths(&content, &theme, "output");
    typeset(&p);
    let out = content.with_file_name("output");
    let read = |rel: &str| std::fs::read(out.join(rel)).unwrap();
    let workbook = read("ket-qua/2026-q4/2026-q4.xlsx");
    let q1_workbook = read("ket-qua/2026-q1/2026-q1.xlsx");

    edit(
        &theme.join("templates/base.html"),
        "<body",
        "<!-- mẫu đã sửa --><body",
    );
    edit(
        &content.join("ket-qua/2026-q4.yaml"),
        "ho_so_so_hoa: 2236",
        "ho_so_so_hoa: 2235",
    );
    assert_eq!(typeset(&p), 1, "the last quarter's báo cáo");
    for page in ["index.html", "van-ban/index.html", "ket-qua/2026-q1.html"] {
        let html = String::from_utf8(read(page)).unwrap();
        assert!(
            html.contains("<!-- mẫu đã sửa -->"),
            "{page} from the new template"
        );
    }
    assert_ne!(
        read("ket-qua/2026-q4/2026-q4.xlsx"),
        workbook,
        "the changed quarter's workbook is made again"
    );
    assert_eq!(
        read("ket-qua/2026-q1/2026-q1.xlsx"),
        q1_workbook,
        "an earlier quarter's figures do not depend on a later one"
    );

    let mut clean = paths(&content, &theme, "clean");
    clean.incremental = false;
    typeset(&clean);
    assert_eq!(
        tree(&out),
        tree(&content.with_file_name("clean")),
        "the cached build is the clean build, byte for byte"
    );
}
