//! Trust: the user's files are never touched, two builds never share an output, every link
//! of the built site resolves, and a closed pipe never panics the tool.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::*;

/// Every entry (folders too) under `dir`, with the bytes of files: what "untouched" means.
fn snapshot(dir: &Path) -> Vec<(String, Option<Vec<u8>>)> {
    let mut out: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let bytes = e
                .file_type()
                .is_file()
                .then(|| std::fs::read(e.path()).unwrap());
            (rel, bytes)
        })
        .collect();
    out.sort();
    out
}

fn project() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", PLAN)]);
    copy_dir(&theme_dir(), &tmp.path().join("theme"));
    (tmp, content)
}

fn build_cli(cwd: &Path, output: &str) -> (i32, String) {
    let (code, _, err) = cchc(
        &[
            "build",
            "--content",
            "content",
            "--theme",
            "theme",
            "--output",
            output,
        ],
        cwd,
    );
    (code, err)
}

#[test]
fn an_output_folder_that_is_or_holds_the_users_files_is_refused() {
    let (tmp, _) = project();
    let dir = tmp.path();
    std::fs::write(dir.join("ghi-chu.txt"), "của tôi").unwrap();
    std::fs::create_dir(dir.join("tai-lieu")).unwrap();
    std::fs::write(dir.join("tai-lieu/bao-cao.docx"), "của tôi").unwrap();
    let before = snapshot(dir);
    let cases = [
        ("content", "Đây là thư mục nội dung"),
        (".", "chứa thư mục nội dung"),
        ("content/..", "chứa thư mục nội dung"),
        ("content/van-ban/out", "nằm trong thư mục nội dung"),
        ("theme", "Đây là thư mục giao diện"),
        ("theme/static", "nằm trong thư mục giao diện"),
        ("ghi-chu.txt", "Đây là một tệp"),
        ("tai-lieu", "tệp không do cchc tạo (bao-cao.docx)"),
        ("/", "thư mục gốc"),
    ];
    for (output, expected) in cases {
        let (code, err) = build_cli(dir, output);
        assert_eq!(code, 2, "--output {output}: {err}");
        assert!(
            err.contains(&format!("Không dựng vào {output}: ")) && err.contains(expected),
            "--output {output}: {err}"
        );
        assert!(err.contains("cách sửa: Chọn thư mục đầu ra khác"), "{err}");
        assert_eq!(
            snapshot(dir),
            before,
            "--output {output} changed the project"
        );
    }
    // The home folder, and anything that holds it.
    let home = dir.join("nha");
    std::fs::create_dir(&home).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cchc"))
        .args([
            "build",
            "--content",
            "content",
            "--theme",
            "theme",
            "--output",
            "nha",
        ])
        .current_dir(dir)
        .env("HOME", &home)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("thư mục cá nhân (home)"), "{err}");
}

#[test]
fn an_empty_folder_or_an_earlier_build_is_replaced_and_marked() {
    let (tmp, _) = project();
    let dir = tmp.path();
    std::fs::create_dir(dir.join("web")).unwrap();
    let (code, err) = build_cli(dir, "web");
    assert_eq!(code, 0, "{err}");
    let marker = std::fs::read_to_string(dir.join("web/.cchc-output")).unwrap();
    assert!(marker.contains("đừng để tệp của bạn ở đây"), "{marker}");
    // A second build replaces the first one whole: a stray file does not survive.
    std::fs::write(dir.join("web/stray.txt"), "x").unwrap();
    let (code, err) = build_cli(dir, "web");
    assert_eq!(code, 0, "{err}");
    assert!(!dir.join("web/stray.txt").exists());
    assert!(dir.join("web/index.html").is_file());
    // Nothing was written beside the project's folders but the cache.
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, [".cchc", "content", "theme", "web"]);
}

#[test]
fn a_second_build_into_the_same_output_stops_and_names_the_first() {
    let (tmp, _) = project();
    let dir = tmp.path();
    let (code, err) = build_cli(dir, "output");
    assert_eq!(code, 0, "{err}");
    let before = snapshot(&dir.join("output"));
    // Hold the lock the way a running build does.
    let lock_path = std::fs::read_dir(dir.join(".cchc/dung"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path()
        .join("lock");
    let mut lock = std::fs::OpenOptions::new()
        .write(true)
        .open(&lock_path)
        .unwrap();
    lock.try_lock().unwrap();
    lock.set_len(0).unwrap();
    write!(lock, "424242").unwrap();
    let (code, err) = build_cli(dir, "output");
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("Một lần dựng khác (tiến trình 424242) đang ghi vào output."),
        "{err}"
    );
    assert_eq!(snapshot(&dir.join("output")), before);
    drop(lock);
    let (code, err) = build_cli(dir, "output");
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_closed_pipe_ends_the_tool_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(
        tmp.path(),
        ISSUER,
        &[(
            "kh.yaml",
            &PLAN.replace("ngay: 2026-02-03", "ngay: 2026-02-30"),
        )],
    );
    for stream in ["stdout", "stderr"] {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_cchc"));
        cmd.args(["check", "--content", content.to_str().unwrap()]);
        let mut child = if stream == "stdout" {
            cmd.stdout(Stdio::piped()).stderr(Stdio::null()).spawn()
        } else {
            cmd.stderr(Stdio::piped()).stdout(Stdio::null()).spawn()
        }
        .unwrap();
        // Close the reading end before the tool writes, as `| head -0` would.
        drop(child.stdout.take());
        drop(child.stderr.take());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(1), "{stream}: exit {status:?}");
    }
}

#[test]
fn reserved_and_empty_names_are_refused_before_they_overwrite_a_page() {
    let tmp = tempfile::tempdir().unwrap();
    let issuer = ISSUER.replace("ma: vp-hoa", "ma: index");
    let plan = PLAN.replace("tham_muu: [vp-hoa]", "tham_muu: [index]");
    let content = write_content(
        tmp.path(),
        &issuer,
        &[
            ("index.yaml", &plan),
            ("---.yaml", &PLAN.replace("so: 3", "so: 4")),
        ],
    );
    let (code, _, err) = cchc(
        &["check", "--content", content.to_str().unwrap()],
        tmp.path(),
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("van-ban/index.yaml: Tên tệp \"index\" trùng với tên trang `index` mà trang web dùng sẵn."),
        "{err}"
    );
    assert!(
        err.contains("van-ban/---.yaml: Tên tệp \"---\" không có chữ hay số nào"),
        "{err}"
    );
    assert!(
        err.contains("co_quan.yaml:15:9: Mã cán bộ `index` trùng với tên trang `index`"),
        "{err}"
    );
}

/// Every `href` and `src` of every page of a built site points at a file of the site (or
/// outside it: http, mailto, data).
fn broken_links(site: &Path) -> Vec<String> {
    let mut broken = Vec::new();
    for e in walkdir::WalkDir::new(site)
        .into_iter()
        .filter_map(Result::ok)
    {
        if e.path().extension().is_none_or(|x| x != "html") {
            continue;
        }
        let html = std::fs::read_to_string(e.path()).unwrap();
        let page = e.path().strip_prefix(site).unwrap().display().to_string();
        for attr in ["href=\"", "src=\""] {
            for part in html.split(attr).skip(1) {
                let link = &part[..part.find('"').unwrap()];
                if link.is_empty()
                    || link.starts_with('#')
                    || ["http://", "https://", "mailto:", "tel:", "data:"]
                        .iter()
                        .any(|p| link.starts_with(p))
                {
                    continue;
                }
                let path = link.split(['#', '?']).next().unwrap();
                let target = e.path().parent().unwrap().join(path);
                if !target.is_file() {
                    broken.push(format!("{page} → {link}"));
                }
            }
        }
    }
    broken
}

#[test]
fn every_link_of_the_demo_and_the_seed_sites_resolves() {
    let mut dirs = vec![root().join("content")];
    for seed in std::fs::read_dir(root().join("tests/fixtures/seeds")).unwrap() {
        let c = seed.unwrap().path().join("content");
        if c.is_dir() {
            dirs.push(c);
        }
    }
    for content in dirs {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("site");
        build_into(&content, &out).unwrap_or_else(|e| panic!("{}: {e:?}", content.display()));
        let pages = walkdir::WalkDir::new(&out)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
            .count();
        assert!(pages >= 5, "{}: only {pages} pages", content.display());
        let broken = broken_links(&out);
        assert!(broken.is_empty(), "{}: {broken:#?}", content.display());
    }
}
