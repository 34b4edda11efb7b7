//! Inputs stay inside the project: links that leave a folder are refused, every file that
//! could be content is read or named, read errors are reported in Vietnamese, and a font
//! folder that cannot serve is one clear error.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::*;

/// `cchc check` on `content`; returns (exit code, stderr).
fn check(content: &Path, cwd: &Path) -> (i32, String) {
    let theme = theme_dir();
    let (code, out, err) = cchc(
        &[
            "check",
            "--content",
            content.to_str().unwrap(),
            "--theme",
            theme.to_str().unwrap(),
        ],
        cwd,
    );
    (code, format!("{out}{err}"))
}

/// The message about `file` (as shown, relative to the content folder), with its hint.
fn message_about<'a>(all: &'a str, file: &str) -> &'a str {
    let at = all
        .find(&format!("{file}: "))
        .unwrap_or_else(|| panic!("no message about {file} in:\n{all}"));
    let rest = &all[at..];
    &rest[..rest.find("\n\n").unwrap_or(rest.len())]
}

#[cfg(unix)]
fn link(target: impl AsRef<Path>, at: impl AsRef<Path>) {
    std::os::unix::fs::symlink(target, at).unwrap();
}

#[cfg(unix)]
#[test]
fn a_link_to_the_root_of_the_disk_is_refused_quickly() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", PLAN)]);
    link("/", content.join("van-ban/goc"));
    // Run with a deadline: the failure this guards against never ends by itself.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_cchc"))
        .args(["check", "--content", content.to_str().unwrap()])
        .current_dir(tmp.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("still walking after {:?}", started.elapsed());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let m = message_about(&err, "van-ban/goc");
    assert!(m.contains("trỏ tới `/`"), "{m}");
    assert!(m.contains("nằm ngoài thư mục nội dung"), "{m}");
    assert!(err.contains("Có 1 lỗi"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_link_to_a_file_outside_is_refused_without_quoting_it() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", PLAN)]);
    // A valid document outside the content folder must not be published either.
    let outside = tmp.path().join("mat.yaml");
    std::fs::write(&outside, PLAN.replace("so: 3", "so: 4")).unwrap();
    link(&outside, content.join("van-ban/mat.yaml"));
    let secret = tmp.path().join("secret.yaml");
    std::fs::write(&secret, "root:x:0:0:BI-MAT\n").unwrap();
    link(&secret, content.join("van-ban/pw.yaml"));
    // The issuer file and the results folder obey the same rule.
    link(&secret, content.join("ket-qua"));
    let (code, err) = check(&content, tmp.path());
    assert_eq!(code, 1, "{err}");
    assert!(
        !err.contains("BI-MAT"),
        "the target's content is shown:\n{err}"
    );
    for (file, target) in [
        ("van-ban/mat.yaml", &outside),
        ("van-ban/pw.yaml", &secret),
        ("ket-qua", &secret),
    ] {
        let m = message_about(&err, file);
        assert!(
            m.contains(&format!("trỏ tới `{}`", target.display())) && m.contains("cách sửa"),
            "{m}"
        );
    }
    assert!(err.contains("Có 3 lỗi"), "{err}");
}

#[cfg(unix)]
#[test]
fn links_that_stay_inside_are_followed() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[]);
    std::fs::create_dir_all(content.join("nguon")).unwrap();
    std::fs::write(content.join("nguon/kh.yaml"), PLAN).unwrap();
    link("../nguon/kh.yaml", content.join("van-ban/kh.yaml"));
    let (code, err) = check(&content, tmp.path());
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("1 văn bản, 0 cảnh báo"), "{err}");
}

#[cfg(unix)]
#[test]
fn loops_are_reported_once_and_folders_read_once() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[]);
    std::fs::create_dir_all(content.join("van-ban/luu-tru/2026")).unwrap();
    std::fs::write(content.join("van-ban/luu-tru/2026/kh.yaml"), PLAN).unwrap();
    // A second way into the same folder: its documents must not be read twice.
    link("luu-tru/2026", content.join("van-ban/nam-2026"));
    // A link back to a folder that contains it would walk forever.
    link("../2026", content.join("van-ban/luu-tru/2026/len"));
    let (code, err) = check(&content, tmp.path());
    assert_eq!(code, 1, "{err}");
    let m = message_about(&err, "van-ban/luu-tru/2026/len");
    assert!(m.contains("vòng lặp"), "{m}");
    assert_eq!(err.matches("vòng lặp").count(), 1, "{err}");
    let m = message_about(&err, "van-ban/nam-2026");
    assert!(m.contains("đã được đọc"), "{m}");
    assert!(err.contains("Có 1 lỗi"), "the document is read once: {err}");

    // A link to itself cannot be resolved at all.
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", PLAN)]);
    link("tu-than.yaml", content.join("van-ban/tu-than.yaml"));
    let (code, err) = check(&content, tmp.path());
    assert_eq!(code, 1, "{err}");
    let m = message_about(&err, "van-ban/tu-than.yaml");
    assert!(m.contains("trỏ vòng vào nhau"), "{m}");
}

#[cfg(unix)]
#[test]
fn broken_links_in_the_results_folder_are_errors_not_missing_periods() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", PLAN)]);
    std::fs::create_dir_all(content.join("ket-qua")).unwrap();
    link("khong-co.yaml", content.join("ket-qua/2026-q1.yaml"));
    let (code, err) = check(&content, tmp.path());
    assert_eq!(code, 1, "{err}");
    let m = message_about(&err, "ket-qua/2026-q1.yaml");
    assert!(
        m.contains("trỏ tới `khong-co.yaml`") && m.contains("không tồn tại ("),
        "{m}"
    );
}

#[test]
fn upper_case_extensions_are_read_as_yaml() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(
        tmp.path(),
        ISSUER,
        &[
            ("KH.YAML", PLAN),
            ("kh-2.Yml", &PLAN.replace("so: 3", "so: 4")),
        ],
    );
    let (code, err) = check(&content, tmp.path());
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("2 văn bản, 0 cảnh báo"), "{err}");
}

#[test]
fn lock_backup_hidden_and_other_files_are_named_not_read() {
    let tmp = tempfile::tempdir().unwrap();
    // Each of these holds a document that would clash with kh.yaml if it were read.
    let copies = [
        ".kh.yaml",
        "~$kh.yaml",
        ".#kh.yaml",
        "kh.yaml~",
        ".kh.yaml.swp",
        "kh.yaml.bak",
        "kh.yaml.txt",
        "ghi-chu.md",
    ];
    let mut docs: Vec<(&str, &str)> = copies.iter().map(|n| (*n, PLAN)).collect();
    docs.push(("kh.yaml", PLAN));
    let content = write_content(tmp.path(), ISSUER, &docs);
    // Written by the OS, never content: not worth a warning.
    std::fs::write(content.join("van-ban/.DS_Store"), [0u8, 1, 2]).unwrap();
    std::fs::create_dir_all(content.join("ket-qua")).unwrap();
    std::fs::write(content.join("ket-qua/2026-q1.xlsx"), "x").unwrap();
    // A document saved one level too high, and a misspelt folder.
    std::fs::write(content.join("kh-3.yaml"), PLAN).unwrap();
    std::fs::create_dir_all(content.join("van_ban")).unwrap();
    let (code, err) = check(&content, tmp.path());
    assert_eq!(code, 0, "none of them is read as a document:\n{err}");
    assert!(err.contains("1 văn bản"), "{err}");
    for name in &copies[..6] {
        let m = message_about(&err, &format!("van-ban/{name}"));
        assert!(m.contains("bỏ qua") && m.contains("cách sửa"), "{m}");
    }
    assert!(message_about(&err, "van-ban/.kh.yaml").contains("ẩn"));
    assert!(message_about(&err, "van-ban/~$kh.yaml").contains("tệp khóa"));
    let m = message_about(&err, "van-ban/kh.yaml.txt");
    assert!(m.contains("Đổi tên thành `kh.yaml`"), "{m}");
    assert!(message_about(&err, "van-ban/ghi-chu.md").contains("không phải tệp YAML"));
    assert!(message_about(&err, "ket-qua/2026-q1.xlsx").contains("không phải tệp YAML"));
    assert!(message_about(&err, "content/kh-3.yaml").contains("van-ban/"));
    assert!(message_about(&err, "content/van_ban").contains("`van-ban`"));
    assert!(!err.contains(".DS_Store"), "{err}");
    assert!(err.contains("11 cảnh báo"), "{err}");
}

#[test]
fn read_errors_name_the_file_in_vietnamese() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", PLAN)]);
    // A folder where a file must be: fails even for root, who ignores permissions.
    std::fs::remove_file(content.join("co_quan.yaml")).unwrap();
    std::fs::create_dir_all(content.join("co_quan.yaml")).unwrap();
    let (code, err) = check(&content, tmp.path());
    assert_eq!(code, 1, "{err}");
    let m = message_about(&err, "content/co_quan.yaml");
    assert!(m.contains("Đây là một thư mục"), "{m}");
    assert!(m.contains("cách sửa"), "{m}");

    // A file where a folder must be.
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[]);
    std::fs::remove_dir(content.join("van-ban")).unwrap();
    std::fs::write(content.join("van-ban"), PLAN).unwrap();
    let (code, err) = check(&content, tmp.path());
    assert_eq!(code, 1, "{err}");
    assert!(
        message_about(&err, "content/van-ban").contains("phải là một thư mục"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_folders_are_errors() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", PLAN)]);
    let locked = content.join("ket-qua");
    std::fs::create_dir_all(&locked).unwrap();
    std::fs::write(locked.join("2026-q1.yaml"), "ten: Quý I\n").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(
        content.join("van-ban/kh.yaml"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    // Root reads anything: the test has nothing to show then.
    let privileged = std::fs::read_dir(&locked).is_ok();
    let result = (!privileged).then(|| check(&content, tmp.path()));
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let Some((code, err)) = result else {
        eprintln!("running with privileges that ignore permissions: skipped");
        return;
    };
    assert_eq!(code, 1, "{err}");
    assert!(
        message_about(&err, "content/ket-qua").contains("không có quyền đọc ("),
        "{err}"
    );
    assert!(
        message_about(&err, "content/van-ban/kh.yaml").contains("không có quyền đọc ("),
        "{err}"
    );
}
