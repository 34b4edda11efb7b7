//! What the product says, kept word for word for review: `cchc check` on every folder of
//! tests/fixtures/invalid, in Vietnamese and English, and the data each seed's and each demo
//! document's Typst layout reads. A changed message or a renumbered line fails here until
//! its snapshot under tests/snapshots/ is updated
//! (`INSTA_UPDATE=always cargo test --test snapshots`) and the diff read.

mod common;

use std::collections::BTreeSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use cchc::render::pdf::Layouts;
use cchc::theme::Theme;
use common::*;

fn invalid_cases() -> Vec<(String, PathBuf)> {
    let dir = root().join("tests/fixtures/invalid");
    let mut cases: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    cases.sort();
    cases
}

/// The demo and every seed, each with the prefix its snapshots are named by.
fn valid_contents() -> Vec<(String, PathBuf)> {
    let mut out = vec![("demo".to_string(), root().join("content"))];
    let seeds = root().join("tests/fixtures/seeds");
    let mut names: Vec<String> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| seeds.join(n).join("content").is_dir())
        .collect();
    names.sort();
    out.extend(
        names
            .into_iter()
            .map(|n| (format!("seed-{n}"), seeds.join(&n).join("content"))),
    );
    out
}

/// Absolute paths differ per machine and per run; only what the clerk would see is kept.
fn redact(text: &str, tmp: Option<&Path>) -> String {
    let mut text = text.to_string();
    if let Some(tmp) = tmp {
        text = text.replace(&tmp.display().to_string(), "<tmp>");
    }
    text.replace(&root().display().to_string(), "<repo>")
}

/// Runs each check under `catch_unwind` so that one changed snapshot does not hide the rest;
/// panics at the end naming every one that differed.
fn all_of(what: &str, checks: Vec<(String, Box<dyn FnOnce() + '_>)>) {
    let failed: Vec<String> = checks
        .into_iter()
        .filter_map(|(name, f)| catch_unwind(AssertUnwindSafe(f)).err().map(|_| name))
        .collect();
    assert!(
        failed.is_empty(),
        "{} {what} snapshot(s) differ: {failed:?}",
        failed.len()
    );
}

#[test]
fn every_invalid_case_says_the_same_in_both_languages() {
    let theme = theme_dir();
    let checks = invalid_cases()
        .into_iter()
        .flat_map(|(case, dir)| {
            let theme = theme.clone();
            ["vi", "en"].map(move |lang| {
                let (dir, theme) = (dir.clone(), theme.clone());
                let name = format!("invalid__{case}__{lang}");
                let snap = name.clone();
                let check: Box<dyn FnOnce()> = Box::new(move || {
                    let tmp = tempfile::tempdir().unwrap();
                    copy_dir(&dir.join("content"), &tmp.path().join("content"));
                    // A relative --content, run from the temp folder: the paths printed are
                    // the ones a clerk sees after `cd` into their project.
                    let (code, out, err) = cchc(
                        &[
                            "--lang",
                            lang,
                            "check",
                            "--content",
                            "content",
                            "--theme",
                            theme.to_str().unwrap(),
                        ],
                        tmp.path(),
                    );
                    let shown = format!(
                        "exit code: {code}\n--- stdout\n{}--- stderr\n{}",
                        redact(&out, Some(tmp.path())),
                        redact(&err, Some(tmp.path()))
                    );
                    insta::assert_snapshot!(snap, shown);
                });
                (name, check)
            })
        })
        .collect();
    all_of("message", checks);
}

/// Each document as its layout receives it, keys sorted, pretty-printed for a readable diff.
fn document_views(content_dir: &Path) -> Vec<(String, String)> {
    let engine = engine();
    let loaded = cchc::content::load(content_dir, &engine.fonts.coverage()).unwrap_or_else(|d| {
        panic!(
            "content must be valid:\n{}",
            d.render(cchc::diag::Lang::En, content_dir)
        )
    });
    let theme = Theme::load(&theme_dir(), None).expect("theme loads");
    let layouts = Layouts::new(engine, &theme).expect("layouts");
    let site = presented(loaded.site);
    site.documents
        .iter()
        .map(|d| {
            let json = layouts
                .data_json(&site.issuer, d)
                .unwrap_or_else(|e| panic!("{}: {e}", d.slug));
            let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
            let pretty = serde_json::to_string_pretty(&value).unwrap();
            (d.slug.clone(), redact(&pretty, None))
        })
        .collect()
}

#[test]
fn every_document_hands_its_layout_the_same_data() {
    let mut checks: Vec<(String, Box<dyn FnOnce()>)> = Vec::new();
    for (prefix, dir) in valid_contents() {
        for (slug, view) in document_views(&dir) {
            let name = format!("data__{prefix}__{slug}");
            let n = name.clone();
            checks.push((name, Box::new(move || insta::assert_snapshot!(n, view))));
        }
    }
    all_of("document data", checks);
}

/// A snapshot whose fixture or document is gone would otherwise sit unread forever.
#[test]
fn no_snapshot_is_left_without_its_case() {
    let mut expected = BTreeSet::new();
    for (case, _) in invalid_cases() {
        for lang in ["vi", "en"] {
            expected.insert(format!("snapshots__invalid__{case}__{lang}.snap"));
        }
    }
    for (prefix, dir) in valid_contents() {
        let loaded = cchc::content::load(&dir, &cchc::content::Coverage::any())
            .unwrap_or_else(|_| panic!("{} loads", dir.display()));
        for d in &loaded.site.documents {
            expected.insert(format!("snapshots__data__{prefix}__{}.snap", d.slug));
        }
    }
    let dir = root().join("tests/snapshots");
    let kept: BTreeSet<String> = std::fs::read_dir(&dir)
        .map(|r| {
            r.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".snap"))
                .collect()
        })
        .unwrap_or_default();
    let orphans: Vec<&String> = kept.difference(&expected).collect();
    assert!(
        orphans.is_empty(),
        "snapshots with no case left, delete them: {orphans:?}"
    );
}
