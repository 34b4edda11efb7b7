//! Trust: the user's files are never touched, two builds never share an output, every link
//! of the built site resolves, and a closed pipe never panics the tool.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::*;

fn project() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", PLAN)]);
    copy_dir(&theme_dir(), &tmp.path().join("theme"));
    (tmp, content)
}

fn build_cli(cwd: &Path, output: &str) -> (i32, String) {
    build_cli_with(cwd, output, &[])
}

/// `cchc build` of the project in `cwd` into `output`, with extra environment variables.
fn build_cli_with(cwd: &Path, output: &str, env: &[(&str, &Path)]) -> (i32, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cchc"));
    cmd.args([
        "build",
        "--content",
        "content",
        "--theme",
        "theme",
        "--output",
        output,
    ])
    .current_dir(cwd);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let code = out.status.code().unwrap_or(-1);
    (code, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn an_output_folder_that_is_or_holds_the_users_files_is_refused() {
    let (tmp, _) = project();
    let dir = tmp.path();
    std::fs::write(dir.join("ghi-chu.txt"), "của tôi").unwrap();
    std::fs::create_dir(dir.join("tai-lieu")).unwrap();
    std::fs::write(dir.join("tai-lieu/bao-cao.docx"), "của tôi").unwrap();
    let before = snapshot_except(dir, &[]);
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
            snapshot_except(dir, &[]),
            before,
            "--output {output} changed the project"
        );
    }
    // The home folder, and anything that holds it.
    let home = dir.join("nha");
    std::fs::create_dir(&home).unwrap();
    let (code, err) = build_cli_with(dir, "nha", &[("HOME", &home)]);
    assert_eq!(code, 2, "{err}");
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
    let before = snapshot_except(&dir.join("output"), &[]);
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
    assert_eq!(snapshot_except(&dir.join("output"), &[]), before);
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

/// Checks `plan` (written into a fresh project) and returns the exit code and stderr.
fn check_plan(issuer: &str, plan: &str, lang: &str) -> (i32, String) {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), issuer, &[("kh.yaml", plan)]);
    let (code, _, err) = cchc(
        &[
            "--lang",
            lang,
            "check",
            "--content",
            content.to_str().unwrap(),
        ],
        tmp.path(),
    );
    (
        code,
        err.replace(&format!("{}/", content.display()), "content/"),
    )
}

#[test]
fn a_blank_value_is_called_blank_in_plain_words() {
    let plan = PLAN.replace("trich_yeu: Thử nghiệm", "trich_yeu:");
    let (code, err) = check_plan(ISSUER, &plan, "vi");
    assert_eq!(code, 1);
    assert!(
        err.contains(
            "content/van-ban/kh.yaml:4:10: Khóa `trich_yeu` để trống: cần một đoạn văn bản.\n"
        ),
        "{err}"
    );
    assert!(err.contains("cách sửa: Viết nội dung sau dấu hai chấm, ví dụ `trich_yeu: …`"));
    assert!(
        !err.contains("cú pháp"),
        "a blank is not a syntax error: {err}"
    );
    let (_, err) = check_plan(ISSUER, &plan, "en");
    assert!(
        err.contains("content/van-ban/kh.yaml:4:10: Key `trich_yeu` is blank: it needs text.\n"),
        "{err}"
    );
    assert!(!err.contains("Option<"), "no Rust wording: {err}");
}

#[test]
fn document_numbers_are_register_digits() {
    let (code, err) = check_plan(ISSUER, &PLAN.replace("so: 3", "so: 03"), "vi");
    assert_eq!(
        code, 0,
        "a leading zero is how the register writes it: {err}"
    );
    for bad in ["0x1F", "1e3", "3a", "-3"] {
        let (code, err) = check_plan(ISSUER, &PLAN.replace("so: 3", &format!("so: {bad}")), "vi");
        assert_eq!(code, 1, "{bad}");
        assert!(
            err.contains(&format!(
                "content/van-ban/kh.yaml:2:5: Số văn bản \"{bad}\" không phải số thứ tự trong sổ đăng ký: chỉ gồm chữ số."
            )),
            "{bad}: {err}"
        );
    }
}

#[test]
fn a_bad_character_in_a_folded_block_is_placed_on_its_own_line() {
    let plan = PLAN.replace(
        "trich_yeu: Thử nghiệm",
        "trich_yeu: >-\n  Thử nghiệm\n\n    thụt lề\n  một 😀 hai 😀\n  ba",
    );
    let (code, err) = check_plan(ISSUER, &plan, "vi");
    assert_eq!(code, 1);
    assert!(
        err.contains("content/van-ban/kh.yaml:8:7: Ký tự «😀» (U+1F600) không in được bằng phông chữ văn bản hành chính (Times New Roman). Ký tự này có 2 lần trong giá trị này."),
        "{err}"
    );
    assert_eq!(
        err.matches("U+1F600").count(),
        1,
        "one message for both: {err}"
    );
}

#[test]
fn a_character_reference_in_markdown_is_checked_like_the_character() {
    let plan = PLAN.replace("  Mở đầu.", "  Mở đầu &#x1F600; và &#7;.");
    let (code, err) = check_plan(ISSUER, &plan, "vi");
    assert_eq!(code, 1);
    assert!(
        err.contains("content/van-ban/kh.yaml:6:10: Mã ký tự `&#x1F600;` in ra U+1F600"),
        "{err}"
    );
    assert!(
        err.contains("content/van-ban/kh.yaml:6:23: Mã ký tự `&#7;` in ra U+0007"),
        "{err}"
    );
}

#[test]
fn one_mistake_in_the_issuer_file_is_one_message() {
    let issuer = ISSUER.replace("ma: UBND", "ma: [UBND");
    let (code, err) = check_plan(&issuer, PLAN, "vi");
    assert_eq!(code, 1);
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("lỗi[E")).collect();
    assert_eq!(
        errors.len(),
        1,
        "no follow-on errors in the plan: {errors:#?}"
    );
    assert!(errors[0].contains("]: content/co_quan.yaml:"), "{err}");
}

#[test]
fn the_site_address_is_checked_and_escaped_in_the_sitemap() {
    let with = |url: &str| format!("{ISSUER}trang_web:\n  dia_chi_goc: \"{url}\"\n");
    let (code, err) = check_plan(&with("xa thu nghiem.vn"), PLAN, "vi");
    assert_eq!(code, 1);
    assert!(
        err.contains(
            "Địa chỉ trang web \"xa thu nghiem.vn\" không phải một địa chỉ http(s) hợp lệ."
        ),
        "{err}"
    );
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(
        tmp.path(),
        &with("https://xa.vn/cchc?nam=2026&ban=1"),
        &[("kh.yaml", PLAN)],
    );
    build_into(&content, &tmp.path().join("out")).expect("builds");
    let sitemap = std::fs::read_to_string(tmp.path().join("out/sitemap.xml")).unwrap();
    assert!(
        sitemap.contains("<loc>https://xa.vn/cchc?nam=2026&amp;ban=1/index.html</loc>"),
        "{sitemap}"
    );
}

#[test]
fn a_theme_that_loops_is_stopped_with_a_message_and_the_output_kept() {
    let (tmp, _) = project();
    let dir = tmp.path();
    let (code, err) = build_cli(dir, "output");
    assert_eq!(code, 0, "{err}");
    let before = snapshot_except(&dir.join("output"), &[]);
    let main = dir.join("theme/typst/main.typ");
    let mut layout = std::fs::read_to_string(&main).unwrap();
    layout.push_str("#let n = 0\n#for i in range(1000000000) { n += 1 }\n");
    std::fs::write(&main, layout).unwrap();
    let started = std::time::Instant::now();
    let (code, err) = build_cli_with(dir, "output", &[("CCHC_THEME_BUDGET_SECS", Path::new("2"))]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("Lỗi giao diện: dựng van-ban/kh.yaml quá 2 giây, có lẽ mẫu trình bày (Typst hoặc tera) có vòng lặp không dừng."),
        "{err}"
    );
    assert!(started.elapsed().as_secs() < 60, "stopped near its budget");
    assert_eq!(snapshot_except(&dir.join("output"), &[]), before);
}

#[test]
fn outside_evidence_links_leave_the_site_and_csv_cells_stay_text() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&root().join("content"), &content);
    let q1 = content.join("ket-qua/2026-q1.yaml");
    let text = std::fs::read_to_string(&q1).unwrap();
    let text = text
        .replace(
            "minh_chung: \"van-ban/cong-van-12-don-doc-cchc-quy-1.pdf\"",
            "minh_chung: \"https://dichvucong.gov.vn/bao-cao.pdf\"",
        )
        .replace(
            "ghi_chu: \"Đã thành lập Đoàn kiểm tra CCHC năm 2026\"",
            "ghi_chu: \"=HYPERLINK(\\\"http://x\\\")\"",
        );
    std::fs::write(&q1, text).unwrap();
    let out = tmp.path().join("site");
    build_into(&content, &out).expect("builds");
    let page = std::fs::read_to_string(out.join("ket-qua/2026-q1.html")).unwrap();
    assert!(
        page.contains("<a href=\"https://dichvucong.gov.vn/bao-cao.pdf\" rel=\"noopener\">"),
        "an outside address is linked as it is"
    );
    assert!(!page.contains("../https:"), "never under the site root");
    assert!(page.contains("<a href=\"../van-ban/ke-hoach-cchc-2026.pdf\">"));
    let csv = std::fs::read_to_string(out.join("ket-qua/2026-q1/nhiem-vu.csv"))
        .or_else(|_| {
            // The task table's file name is the theme's; find it by its content.
            walkdir::WalkDir::new(out.join("ket-qua/2026-q1"))
                .into_iter()
                .filter_map(Result::ok)
                .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
                .find(|t| t.contains("HYPERLINK"))
                .ok_or(())
        })
        .unwrap();
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{csv}");
}

#[test]
fn a_period_file_may_not_take_a_page_name_the_site_uses() {
    for (name, expected) in [
        (
            "index.yaml",
            "Tên tệp \"index.yaml\" trùng với tên trang `index` mà trang web dùng sẵn.",
        ),
        (
            "2026-q3-mot-tep.yaml",
            "Tên tệp \"2026-q3-mot-tep.yaml\" kết thúc bằng `-mot-tep`",
        ),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let content = tmp.path().join("content");
        copy_dir(&root().join("content"), &content);
        std::fs::rename(
            content.join("ket-qua/2026-q3.yaml"),
            content.join("ket-qua").join(name),
        )
        .unwrap();
        let (code, _, err) = cchc(
            &["check", "--content", content.to_str().unwrap()],
            tmp.path(),
        );
        assert_eq!(code, 1, "{name}: {err}");
        assert!(
            err.contains(&format!("ket-qua/{name}:1:1: ")),
            "{name}: {err}"
        );
        assert!(err.contains(expected), "{name}: {err}");
    }
}
