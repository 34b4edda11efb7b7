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

/// `cchc check` as the user `nobody` (uid 65534) through util-linux's `setpriv`; the binary
/// is copied into `dir`, which is opened to others, since a root-only build folder is out of
/// that user's reach.
#[cfg(unix)]
fn check_as_nobody(content: &Path, dir: &Path) -> (i32, String) {
    use std::os::unix::fs::PermissionsExt;
    let open = |p: &Path| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o755)).unwrap();
    };
    open(dir);
    open(content);
    open(&content.join("van-ban"));
    std::fs::set_permissions(
        content.join("co_quan.yaml"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    let bin = dir.join("cchc");
    std::fs::copy(env!("CARGO_BIN_EXE_cchc"), &bin).unwrap();
    open(&bin);
    let out = std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(&bin)
        .args(["check", "--content"])
        .arg(content)
        .current_dir(dir)
        .env("HOME", dir)
        .output()
        .expect("setpriv (util-linux) runs the tool as nobody");
    (
        out.status.code().unwrap_or(-1),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
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
    std::fs::rename(
        content.join("co_quan.yaml"),
        tmp.path().join("co_quan.yaml"),
    )
    .unwrap();
    link(
        tmp.path().join("co_quan.yaml"),
        content.join("co_quan.yaml"),
    );
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
        ("content/co_quan.yaml", &tmp.path().join("co_quan.yaml")),
    ] {
        let m = message_about(&err, file);
        assert!(
            m.contains(&format!("trỏ tới `{}`", target.display())) && m.contains("cách sửa"),
            "{m}"
        );
    }
    assert!(err.contains("Có 4 lỗi"), "{err}");
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
    // Root reads anything: then the tool runs as the unprivileged user `nobody`, so that
    // the permissions mean something and the test never passes without checking.
    let privileged = std::fs::read_dir(&locked).is_ok();
    let (code, err) = if privileged {
        check_as_nobody(&content, tmp.path())
    } else {
        check(&content, tmp.path())
    };
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(code, 1, "{err}");
    assert!(
        message_about(&err, "content/ket-qua").contains("không có quyền truy cập ("),
        "{err}"
    );
    assert!(
        message_about(&err, "content/van-ban/kh.yaml").contains("không có quyền truy cập ("),
        "{err}"
    );
}

/// A minimal TrueType font: the tables a font reader requires, a family name, a style and
/// a character map over `ranges`, but no outlines (it is never drawn, only vetted).
fn tiny_font(family: &str, bold: bool, italic: bool, ranges: &[(u16, u16)]) -> Vec<u8> {
    fn be16(v: &mut Vec<u8>, x: u16) {
        v.extend_from_slice(&x.to_be_bytes());
    }
    fn be32(v: &mut Vec<u8>, x: u32) {
        v.extend_from_slice(&x.to_be_bytes());
    }
    let glyphs: u16 = 1 + ranges.iter().map(|(a, b)| b - a + 1).sum::<u16>();

    let mut head = Vec::new();
    be32(&mut head, 0x0001_0000);
    be32(&mut head, 0x0001_0000);
    be32(&mut head, 0);
    be32(&mut head, 0x5F0F_3CF5);
    be16(&mut head, 0);
    be16(&mut head, 1000);
    head.extend_from_slice(&[0; 16]);
    head.extend_from_slice(&[0; 8]);
    be16(&mut head, u16::from(bold) | (u16::from(italic) << 1));
    be16(&mut head, 8);
    be16(&mut head, 2);
    be16(&mut head, 0);
    be16(&mut head, 0);
    assert_eq!(head.len(), 54);

    let mut hhea = Vec::new();
    be32(&mut hhea, 0x0001_0000);
    be16(&mut hhea, 800);
    be16(&mut hhea, (-200i16) as u16);
    hhea.extend_from_slice(&[0; 26]);
    be16(&mut hhea, 1);
    assert_eq!(hhea.len(), 36);

    let mut maxp = Vec::new();
    be32(&mut maxp, 0x0000_5000);
    be16(&mut maxp, glyphs);

    let mut os2 = vec![0u8; 78];
    os2[4..6].copy_from_slice(&(if bold { 700u16 } else { 400 }).to_be_bytes());
    os2[6..8].copy_from_slice(&5u16.to_be_bytes());
    let selection: u16 = match (bold, italic) {
        (false, false) => 0x40,
        (b, i) => u16::from(i) | (u16::from(b) << 5),
    };
    os2[62..64].copy_from_slice(&selection.to_be_bytes());

    let style = match (bold, italic) {
        (false, false) => "Regular",
        (true, false) => "Bold",
        (false, true) => "Italic",
        (true, true) => "Bold Italic",
    };
    let names = [
        (1u16, family.to_string()),
        (2, style.to_string()),
        (4, format!("{family} {style}")),
    ];
    let mut name = Vec::new();
    be16(&mut name, 0);
    be16(&mut name, names.len() as u16);
    be16(&mut name, 6 + 12 * names.len() as u16);
    let mut strings = Vec::new();
    for (id, text) in &names {
        let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for x in [3, 1, 0x0409, *id, utf16.len() as u16, strings.len() as u16] {
            be16(&mut name, x);
        }
        strings.extend(utf16);
    }
    name.extend(strings);

    // Format 4: one segment per range, glyphs numbered in order, then the 0xFFFF end.
    let mut segs: Vec<(u16, u16, u16)> = Vec::new();
    let mut next = 1u16;
    for (a, b) in ranges {
        segs.push((*a, *b, next.wrapping_sub(*a)));
        next += b - a + 1;
    }
    segs.push((0xFFFF, 0xFFFF, 1));
    let n = segs.len() as u16;
    let mut sub = Vec::new();
    be16(&mut sub, 4);
    be16(&mut sub, 16 + 8 * n);
    be16(&mut sub, 0);
    be16(&mut sub, 2 * n);
    let pow = 1u16 << (15 - n.leading_zeros());
    be16(&mut sub, 2 * pow);
    be16(&mut sub, pow.trailing_zeros() as u16);
    be16(&mut sub, 2 * n - 2 * pow);
    segs.iter().for_each(|s| be16(&mut sub, s.1));
    be16(&mut sub, 0);
    segs.iter().for_each(|s| be16(&mut sub, s.0));
    segs.iter().for_each(|s| be16(&mut sub, s.2));
    segs.iter().for_each(|_| be16(&mut sub, 0));
    let mut cmap = Vec::new();
    for x in [0u16, 1, 3, 1] {
        be16(&mut cmap, x);
    }
    be32(&mut cmap, 12);
    cmap.extend(sub);

    let tables: [(&[u8; 4], Vec<u8>); 6] = [
        (b"OS/2", os2),
        (b"cmap", cmap),
        (b"head", head),
        (b"hhea", hhea),
        (b"maxp", maxp),
        (b"name", name),
    ];
    let mut font = Vec::new();
    be32(&mut font, 0x0001_0000);
    be16(&mut font, tables.len() as u16);
    be16(&mut font, 64);
    be16(&mut font, 2);
    be16(&mut font, 16 * tables.len() as u16 - 64);
    let mut offset = 12 + 16 * tables.len();
    let mut body = Vec::new();
    for (tag, data) in &tables {
        font.extend_from_slice(*tag);
        be32(&mut font, 0);
        be32(&mut font, offset as u32);
        be32(&mut font, data.len() as u32);
        let mut padded = data.clone();
        padded.resize(data.len().div_ceil(4) * 4, 0);
        offset += padded.len();
        body.extend(padded);
    }
    font.extend(body);
    font
}

/// `cchc check` with `--fonts`; returns (exit code, all output).
fn check_with_fonts(content: &Path, fonts: &Path, cwd: &Path) -> (i32, String) {
    let (code, out, err) = cchc(
        &[
            "check",
            "--content",
            content.to_str().unwrap(),
            "--fonts",
            fonts.to_str().unwrap(),
        ],
        cwd,
    );
    (code, format!("{out}{err}"))
}

#[test]
fn a_missing_or_unusable_fonts_folder_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", PLAN)]);

    let (code, err) = check_with_fonts(&content, &tmp.path().join("phong"), tmp.path());
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("phong: Không mở được thư mục phông chữ: không tồn tại ("),
        "{err}"
    );
    assert!(err.contains("cách sửa"), "{err}");

    let file = tmp.path().join("times.ttf");
    std::fs::write(&file, "not a font").unwrap();
    let (code, err) = check_with_fonts(&content, &file, tmp.path());
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("là một tệp, không phải thư mục"), "{err}");

    let empty = tmp.path().join("trong");
    std::fs::create_dir_all(&empty).unwrap();
    std::fs::write(empty.join("doc-ky.txt"), "Times New Roman").unwrap();
    let (code, err) = check_with_fonts(&content, &empty, tmp.path());
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("không có tệp phông nào"), "{err}");

    let broken = tmp.path().join("hong");
    std::fs::create_dir_all(&broken).unwrap();
    std::fs::write(broken.join("times.ttf"), "not a font").unwrap();
    let (code, err) = check_with_fonts(&content, &broken, tmp.path());
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("times.ttf: Tệp này không đọc được như một phông chữ"),
        "{err}"
    );
}

#[test]
fn an_old_times_new_roman_is_one_error_about_the_font() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", PLAN)]);
    let fonts = tmp.path().join("fonts");
    std::fs::create_dir_all(&fonts).unwrap();
    // ASCII and Latin-1 only, as Times New Roman shipped before Vietnamese was added.
    let latin1 = [(0x20, 0x7E), (0xA0, 0xFF)];
    for (file, bold, italic) in [
        ("times.ttf", false, false),
        ("timesbd.ttf", true, false),
        ("timesi.ttf", false, true),
        ("timesbi.ttf", true, true),
    ] {
        std::fs::write(
            fonts.join(file),
            tiny_font("Times New Roman", bold, italic, &latin1),
        )
        .unwrap();
    }
    let (code, _, err) = cchc(
        &["check", "--content", content.to_str().unwrap()],
        tmp.path(),
    );
    assert_eq!(code, 1, "{err}");
    let m = message_about(&err, "fonts/times.ttf");
    assert!(m.contains("Phông Times New Roman (thường)"), "{m}");
    assert!(m.contains("ví dụ: ả ạ ă"), "{m}");
    assert!(m.contains("cách sửa"), "{m}");
    assert!(
        !err.contains("không in được"),
        "no error per character:\n{err}"
    );
    assert!(err.contains("Có 4 lỗi"), "one per font file:\n{err}");
    // Content problems are still listed in the same run.
    let plan = PLAN.replace("so: 3", "so: ba");
    std::fs::write(content.join("van-ban/kh.yaml"), &plan).unwrap();
    let (code, _, err) = cchc(
        &["check", "--content", content.to_str().unwrap()],
        tmp.path(),
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("Có 5 lỗi") && err.contains("kh.yaml:2:5: Số văn bản \"ba\""),
        "{err}"
    );
}

#[test]
fn a_complete_times_new_roman_is_used() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", PLAN)]);
    let fonts = tmp.path().join("fonts");
    std::fs::create_dir_all(&fonts).unwrap();
    let full = [
        (0x20, 0x7E),
        (0xA0, 0x1B0),
        (0x300, 0x323),
        (0x1EA0, 0x1EF9),
    ];
    for (file, bold, italic) in [
        ("times.ttf", false, false),
        ("timesbd.ttf", true, false),
        ("timesi.ttf", false, true),
        ("timesbi.ttf", true, true),
    ] {
        std::fs::write(
            fonts.join(file),
            tiny_font("Times New Roman", bold, italic, &full),
        )
        .unwrap();
    }
    // A Mac's resource fork copied along is not taken for a broken font.
    std::fs::write(fonts.join("._times.ttf"), [0u8, 5, 22, 7]).unwrap();
    let (code, _, err) = cchc(
        &["check", "--content", content.to_str().unwrap()],
        tmp.path(),
    );
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_huge_file_is_refused_not_read_into_memory() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", PLAN)]);
    let big = std::fs::File::create(content.join("van-ban/phim.yaml")).unwrap();
    big.set_len(17 << 20).unwrap();
    let (code, err) = check(&content, tmp.path());
    assert_eq!(code, 1, "{err}");
    let m = message_about(&err, "van-ban/phim.yaml");
    assert!(m.contains("lớn hơn 16 MB"), "{m}");
}

#[cfg(unix)]
#[test]
fn theme_and_template_links_stay_inside_their_folders() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", PLAN)]);
    let theme = tmp.path().join("giao-dien");
    copy_dir(&theme_dir(), &theme);
    let secret = tmp.path().join("bi-mat.txt");
    std::fs::write(&secret, "BI-MAT").unwrap();
    // Inside the theme: fine, and copied like any static file.
    link("style.css", theme.join("static/style-2.css"));
    link(&secret, theme.join("static/bi-mat.txt"));
    // The user's `templates/` beside `content/` obeys the same rule.
    std::fs::create_dir_all(tmp.path().join("templates")).unwrap();
    link(&secret, tmp.path().join("templates/base.html"));
    let (code, out, err) = cchc(
        &[
            "check",
            "--content",
            content.to_str().unwrap(),
            "--theme",
            theme.to_str().unwrap(),
        ],
        tmp.path(),
    );
    let all = format!("{out}{err}");
    assert_eq!(code, 1, "{all}");
    assert!(!all.contains("BI-MAT"), "{all}");
    let m = message_about(&all, "static/bi-mat.txt");
    assert!(
        m.contains(&format!("trỏ tới `{}`", secret.display()))
            && m.contains("nằm ngoài thư mục giao diện"),
        "{m}"
    );
    let m = message_about(&all, "templates/base.html");
    assert!(m.contains("nằm ngoài thư mục mẫu trang"), "{m}");
    assert!(!all.contains("style-2.css"), "{all}");
    assert!(all.contains("Có 2 lỗi"), "{all}");
}

#[test]
fn write_errors_are_explained_in_vietnamese() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", PLAN)]);
    let blocker = tmp.path().join("tep");
    std::fs::write(&blocker, "x").unwrap();
    let out = blocker.join("output");
    let (code, _, err) = cchc(
        &[
            "build",
            "--content",
            content.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
        ],
        tmp.path(),
    );
    assert_eq!(code, 1, "{err}");
    let line = err
        .lines()
        .find(|l| l.starts_with("lỗi[E0703]: Không ghi được"))
        .unwrap_or_else(|| panic!("{err}"));
    // The reason is Vietnamese words; the system's English stays in parentheses.
    let reason = &line[line.rfind(": ").unwrap() + 2..];
    assert!(
        reason.starts_with(|c: char| c.is_lowercase()) && reason.contains(" ("),
        "{line}"
    );
}

#[test]
fn upper_case_names_of_the_fixed_files_are_recognised() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&root().join("content"), &content);
    std::fs::rename(
        content.join("ket-qua/chi-tieu.yaml"),
        content.join("ket-qua/CHI-TIEU.YAML"),
    )
    .unwrap();
    std::fs::rename(content.join("co_quan.yaml"), content.join("CO_QUAN.Yml")).unwrap();
    let (code, err) = check(&content, tmp.path());
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("0 cảnh báo"), "{err}");
    // Two issuer files: the one read is said, the other named.
    std::fs::copy(content.join("CO_QUAN.Yml"), content.join("co_quan.yaml")).unwrap();
    let (code, err) = check(&content, tmp.path());
    assert_eq!(code, 0, "{err}");
    let m = message_about(&err, "content/CO_QUAN.Yml");
    assert!(m.contains("đã lấy từ co_quan.yaml"), "{m}");
}

#[test]
fn an_incomplete_times_new_roman_is_named_in_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", PLAN)]);
    let fonts = tmp.path().join("fonts");
    std::fs::create_dir_all(&fonts).unwrap();
    let full = [
        (0x20, 0x7E),
        (0xA0, 0x1B0),
        (0x300, 0x323),
        (0x1EA0, 0x1EF9),
    ];
    std::fs::write(
        fonts.join("times.ttf"),
        tiny_font("Times New Roman", false, false, &full),
    )
    .unwrap();
    std::fs::write(
        fonts.join("timesi.ttf"),
        tiny_font("Times New Roman", false, true, &full),
    )
    .unwrap();
    let (code, _, err) = cchc(
        &["check", "--content", content.to_str().unwrap()],
        tmp.path(),
    );
    assert_eq!(code, 0, "{err}");
    let m = message_about(&err, "fonts");
    assert!(
        m.starts_with("fonts: Thư mục phông có Times New Roman nhưng thiếu kiểu đậm, đậm nghiêng"),
        "{m}"
    );
}
