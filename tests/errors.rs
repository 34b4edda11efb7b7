//! Bad input: every mistake comes back in Vietnamese naming the file, line and column,
//! with exit code 1, and nothing is written.

mod common;

use common::*;

fn line_of(text: &str, needle: &str) -> usize {
    pos_of(text, needle).0
}

/// Line and column (1-based, in characters) where `needle` first starts in `text`.
fn pos_of(text: &str, needle: &str) -> (usize, usize) {
    text.lines()
        .enumerate()
        .find_map(|(i, l)| l.find(needle).map(|b| (i + 1, l[..b].chars().count() + 1)))
        .unwrap_or_else(|| panic!("{needle:?} in fixture"))
}

/// Runs `cchc check` and `cchc build` on a plan and returns check's stderr.
fn run_bad(plan: &str, issuer: &str) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), issuer, &[("kh.yaml", plan)]);
    let theme = theme_dir();
    let args = [
        "check",
        "--content",
        content.to_str().unwrap(),
        "--theme",
        theme.to_str().unwrap(),
    ];
    let (code, out, err) = cchc(&args, tmp.path());
    assert_eq!(code, 1, "check must fail:\n{out}{err}");
    let out_dir = tmp.path().join("output");
    let (code, _, _) = cchc(
        &[
            "build",
            "--content",
            content.to_str().unwrap(),
            "--theme",
            theme.to_str().unwrap(),
            "--output",
            out_dir.to_str().unwrap(),
        ],
        tmp.path(),
    );
    assert_eq!(code, 1, "build must fail too");
    assert!(!out_dir.exists(), "a failed build writes nothing");
    err
}

/// The message points at the line and column of `plan` where `needle` starts.
fn at_line(err: &str, plan: &str, needle: &str, words: &[&str]) {
    let (line, col) = pos_of(plan, needle);
    assert_at(err, "van-ban/kh.yaml", line, col, words);
}

/// The message points at the value of `key` ("ngay: "): the column after the key.
fn at_value(err: &str, plan: &str, key: &str, words: &[&str]) {
    let (line, col) = pos_of(plan, key);
    assert_at(
        err,
        "van-ban/kh.yaml",
        line,
        col + key.chars().count(),
        words,
    );
}

/// The `line:column` printed before the message holding `words`.
fn located(err: &str, file: &str, words: &str) -> (usize, usize) {
    let l = err
        .lines()
        .find(|l| l.contains(words))
        .unwrap_or_else(|| panic!("{words:?} in:\n{err}"));
    let rest = &l[l.find(file).unwrap_or_else(|| panic!("{file} in {l:?}")) + file.len()..];
    let mut parts = rest.trim_start_matches(':').split(':');
    let line = parts.next().and_then(|p| p.parse().ok());
    let col = parts.next().and_then(|p| p.parse().ok());
    line.zip(col)
        .unwrap_or_else(|| panic!("line and column in {l:?}"))
}

fn assert_at(err: &str, file: &str, line: usize, col: usize, words: &[&str]) {
    let place = format!("{file}:{line}:{col}:");
    assert!(err.contains(&place), "expected {place} in:\n{err}");
    for w in words {
        assert!(err.contains(w), "expected {w:?} in:\n{err}");
    }
}

#[test]
fn broken_yaml() {
    let plan = PLAN.replace("trich_yeu: Thử nghiệm", "trich_yeu: \"Thử nghiệm");
    let err = run_bad(&plan, ISSUER);
    // YAML reads on to the next quote and stops there; the message points at the quote
    // left open and names the line where YAML stopped.
    let stopped = pos_of(&plan, "Lưu: VT").0;
    at_line(
        &err,
        &plan,
        "\"Thử nghiệm",
        &[
            "Lỗi cú pháp YAML",
            "dấu ngoặc kép mở ở đây không được đóng trên dòng này",
            &format!("đến dấu ngoặc kép ở dòng {stopped}"),
            "Thêm dấu `\"` ở cuối giá trị trên dòng này",
        ],
    );
    let plan = PLAN.replace("so: 3", "so 3");
    let err = run_bad(&plan, ISSUER);
    at_line(&err, &plan, "so 3", &["thiếu dấu hai chấm"]);
    let plan = PLAN.replace("\nngay:", "\n\tngay:");
    let err = run_bad(&plan, ISSUER);
    at_line(&err, &plan, "\tngay", &["Tab"]);
}

#[test]
fn unknown_key_says_did_you_mean() {
    let plan = PLAN.replace(
        "              thoi_han: 2026-12-31",
        "              thoihan: 2026-12-31",
    );
    let err = run_bad(&plan, ISSUER);
    at_line(
        &err,
        &plan,
        "thoihan",
        &["Khóa `thoihan`", "Có phải ý bạn là `thoi_han`?"],
    );
}

#[test]
fn unknown_key_in_the_issuer_file() {
    let issuer = ISSUER.replace("dia_danh:", "dia_diem:");
    let err = run_bad(PLAN, &issuer);
    let (line, col) = pos_of(&issuer, "dia_diem");
    assert_at(
        &err,
        "co_quan.yaml",
        line,
        col,
        &["`dia_diem`", "`dia_danh`"],
    );
}

#[test]
fn wrong_type() {
    let plan = PLAN.replace("so: 3", "so: 3\nso_ban: ba");
    let err = run_bad(&plan, ISSUER);
    at_value(&err, &plan, "so_ban: ", &["không đúng kiểu", "số nguyên"]);
}

#[test]
fn missing_key() {
    let plan = PLAN.replace("trich_yeu: Thử nghiệm\n", "");
    let err = run_bad(&plan, ISSUER);
    assert!(err.contains("Thiếu khóa bắt buộc `trich_yeu`"), "{err}");
    // A key that is not there has no place of its own: the message points into the
    // top-level mapping that lacks it, at column 1 of one of its keys.
    let (line, col) = located(&err, "van-ban/kh.yaml", "Thiếu khóa bắt buộc `trich_yeu`");
    let text = plan.lines().nth(line - 1).unwrap_or_default();
    assert!(
        col == 1
            && text
                .split_once(':')
                .is_some_and(|(k, _)| !k.is_empty() && !k.starts_with(' ')),
        "{line}:{col} is not a top-level key ({text:?}):\n{err}"
    );
}

#[test]
fn missing_staff_reference_lists_the_ids() {
    let plan = PLAN.replace("tham_muu: [vp-hoa]", "tham_muu: [vp-hao]");
    let err = run_bad(&plan, ISSUER);
    at_line(
        &err,
        &plan,
        "vp-hao",
        &["`vp-hao`", "Có phải ý bạn là `vp-hoa`?", "chu-tich, vp-hoa"],
    );
}

#[test]
fn missing_signer_and_unit_references() {
    let plan = PLAN
        .replace("can_bo: chu-tich", "can_bo: chutich")
        .replace("chu_tri: VP", "chu_tri: VPP");
    let err = run_bad(&plan, ISSUER);
    at_line(&err, &plan, "chutich", &["`chutich`"]);
    at_line(&err, &plan, "VPP", &["`VPP`", "`VP`"]);
}

#[test]
fn invalid_date() {
    let plan = PLAN.replace("ngay: 2026-02-03", "ngay: 2026-02-30");
    let err = run_bad(&plan, ISSUER);
    at_value(
        &err,
        &plan,
        "ngay: ",
        &["không có thật trên lịch", "2026-01-15"],
    );
    let plan = PLAN.replace("ngay: 2026-02-03", "ngay: 3 tháng 2");
    let err = run_bad(&plan, ISSUER);
    at_value(&err, &plan, "ngay: ", &["không đúng dạng"]);
}

#[test]
fn duplicate_code_names_both_lines() {
    let row =
        "            - ma: \"1.1\"\n              noi_dung: Lặp lại\n              yeu_cau: Có\n";
    let plan = format!("{PLAN}{row}");
    let err = run_bad(&plan, ISSUER);
    let second = plan
        .lines()
        .collect::<Vec<_>>()
        .iter()
        .rposition(|l| l.contains("ma: \"1.1\""))
        .unwrap()
        + 1;
    let first = line_of(&plan, "ma: \"1.1\"");
    let col = plan
        .lines()
        .nth(second - 1)
        .unwrap()
        .find("\"1.1\"")
        .unwrap()
        + 1;
    assert_at(
        &err,
        "van-ban/kh.yaml",
        second,
        col,
        &["bị trùng", &format!("dòng {first}")],
    );
}

#[test]
fn unprintable_characters_name_their_line() {
    let plan = PLAN
        .replace("trich_yeu: Thử nghiệm", "trich_yeu: Thử nghiệm 😀")
        .replace("  - Một.", "  - Một 中文.");
    let err = run_bad(&plan, ISSUER);
    at_line(&err, &plan, "😀", &["U+1F600", "không in được"]);
    at_line(&err, &plan, "中文", &["U+4E2D"]);
    let plan = PLAN.replace("trich_yeu: Thử nghiệm", "trich_yeu: \"Thử\\u0007nghiệm\"");
    let err = run_bad(&plan, ISSUER);
    at_value(&err, &plan, "trich_yeu: ", &["ký tự điều khiển", "U+0007"]);
}

#[test]
fn party_style_authority_is_corrected() {
    let plan = PLAN.replace("\"TM. ỦY BAN NHÂN DÂN\"", "\"T/M ỦY BAN NHÂN DÂN\"");
    let err = run_bad(&plan, ISSUER);
    // At the scalar, its opening quote included.
    at_line(&err, &plan, "\"T/M", &["\"TM. ỦY BAN NHÂN DÂN\""]);
}

#[test]
fn filing_line_is_required() {
    let plan = PLAN.replace("  - \"Lưu: VT, VP\"\n", "");
    let err = run_bad(&plan, ISSUER);
    at_line(&err, &plan, "UBND tỉnh", &["Lưu: VT"]);
}

#[test]
fn every_problem_in_a_file_is_reported_in_one_pass() {
    let plan = PLAN
        .replace("ngay: 2026-02-03", "ngay: 2026-13-03")
        .replace("tham_muu: [vp-hoa]", "tham_muu: [vp-xyz]")
        .replace("\"CHỦ TỊCH\"]", "\"CHỦ TỊCH\"]\n  # ghi chú")
        .replace("trich_yeu: Thử nghiệm", "trich_yeu: \"\"");
    let err = run_bad(&plan, ISSUER);
    at_line(&err, &plan, "2026-13-03", &["2026-13-03"]);
    // Worded as `trich_yeu:` with nothing after it is (tests/snapshots, blank-value).
    at_value(
        &err,
        &plan,
        "trich_yeu: ",
        &["Khóa `trich_yeu` (trích yếu) để trống: cần một đoạn văn bản."],
    );
    at_line(&err, &plan, "vp-xyz", &["`vp-xyz`"]);
    assert!(err.contains("Có 3 lỗi"), "{err}");
}

#[test]
fn gaps_in_numbering_are_warnings_not_errors() {
    let row =
        "            - ma: \"1.3\"\n              noi_dung: Nhảy số\n              yeu_cau: Có\n";
    let plan = format!("{PLAN}{row}");
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", &plan)]);
    let theme = theme_dir();
    let (code, _, err) = cchc(
        &[
            "check",
            "--content",
            content.to_str().unwrap(),
            "--theme",
            theme.to_str().unwrap(),
        ],
        tmp.path(),
    );
    assert_eq!(code, 0, "{err}");
    let line = plan
        .lines()
        .collect::<Vec<_>>()
        .iter()
        .rposition(|l| l.contains("1.3"))
        .unwrap()
        + 1;
    let col = plan.lines().nth(line - 1).unwrap().find("\"1.3\"").unwrap() + 1;
    assert!(
        err.contains("cảnh báo[W0404]: ")
            && err.contains(&format!("content/van-ban/kh.yaml:{line}:{col}:")),
        "{err}"
    );
    assert!(err.contains("không có 1.2"), "{err}");
}

#[test]
fn the_demo_and_the_seed_check_clean() {
    for dir in ["content", "tests/fixtures/seeds/001/content"] {
        let theme = theme_dir();
        let content = root().join(dir);
        let (code, out, err) = cchc(
            &[
                "check",
                "--content",
                content.to_str().unwrap(),
                "--theme",
                theme.to_str().unwrap(),
            ],
            &root(),
        );
        assert_eq!(code, 0, "{dir}: {out}{err}");
        if dir == "content" {
            assert!(
                !err.contains("cảnh báo"),
                "the demo has no warnings:\n{err}"
            );
        }
    }
}

#[test]
fn every_misspelt_key_is_reported_together_with_other_problems() {
    let plan = PLAN
        .replace("trich_yeu:", "trichyeu:")
        .replace("              chu_tri: VP", "              chutri: VP")
        .replace("tham_muu: [vp-hoa]", "tham_muu: [vp-xyz]");
    let err = run_bad(&plan, ISSUER);
    at_line(&err, &plan, "trichyeu", &["`trichyeu`", "`trich_yeu`"]);
    at_line(&err, &plan, "chutri", &["`chutri`", "`chu_tri`"]);
    // The required key is missing once the misspelt one is set aside, but that is the same
    // mistake: one message, the one that says which key was meant.
    assert!(!err.contains("Thiếu khóa bắt buộc `trich_yeu`"), "{err}");
    assert_eq!(
        err.matches("trich_yeu").count(),
        2,
        "message and hint only:\n{err}"
    );
}

#[test]
fn misspelt_keys_do_not_hide_reference_errors() {
    let plan = PLAN
        .replace("              chu_tri: VP", "              chutri: VP")
        .replace("tham_muu: [vp-hoa]", "tham_muu: [vp-xyz]");
    let err = run_bad(&plan, ISSUER);
    at_line(&err, &plan, "chutri", &["`chutri`"]);
    at_line(&err, &plan, "vp-xyz", &["`vp-xyz`"]);
    assert!(err.contains("Có 2 lỗi"), "{err}");
}

#[test]
fn legacy_encoded_text_is_found_and_fixed_with_a_backup() {
    let legacy =
        std::fs::read_to_string(root().join("tests/fixtures/seeds/002/legacy-paragraph.txt"))
            .unwrap();
    let plan = PLAN.replace("  Mở đầu.", &format!("  Mở đầu. {legacy}"));
    let err = run_bad(&plan, ISSUER);
    at_line(
        &err,
        &plan,
        "Chuû tòch",
        &[
            "bảng mã cũ VNI",
            "có lẽ là: \"Chủ tịch",
            "cchc fix-encoding",
        ],
    );

    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", &plan)]);
    let file = content.join("van-ban/kh.yaml");
    let (code, out, err) = cchc(&["fix-encoding", file.to_str().unwrap()], tmp.path());
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("→ Chủ tịch"), "{out}");
    let backup = std::fs::read_to_string(content.join("van-ban/kh.yaml.bak")).unwrap();
    assert_eq!(backup, plan, "the original is kept byte for byte");
    let fixed = std::fs::read_to_string(&file).unwrap();
    assert!(fixed.contains("Chủ tịch") && !fixed.contains("Chuû"));
    let (code, out, err) = cchc(
        &["check", "--content", content.to_str().unwrap()],
        tmp.path(),
    );
    assert_eq!(code, 0, "after the fix the file checks clean: {out}{err}");
    // Running it again changes nothing and keeps the first backup.
    let (code, out, _) = cchc(&["fix-encoding", file.to_str().unwrap()], tmp.path());
    assert_eq!(code, 0);
    assert!(out.contains("Không thấy"), "{out}");
    assert!(!content.join("van-ban/kh.yaml.bak.2").exists());
}

#[test]
fn fixed_words_are_read_once_with_the_nearest_suggested() {
    // Case, diacritics and "_" for "-" do not matter.
    let plan = PLAN.replace("so: 3", "so: 3\ndo_khan: Hỏa_Tốc").replace(
        "  - tieu_de: Phân công",
        "  - tieu_de: Phân công\n    huong: NGANG",
    );
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", &plan)]);
    let (code, _, err) = cchc(
        &["check", "--content", content.to_str().unwrap()],
        tmp.path(),
    );
    assert_eq!(code, 0, "{err}");
    // A near miss gets the word it was meant to be; every miss gets the list.
    let plan = PLAN.replace("so: 3", "so: 3\ndo_khan: hoatoc").replace(
        "  - tieu_de: Phân công",
        "  - tieu_de: Phân công\n    huong: ngan",
    );
    let err = run_bad(&plan, ISSUER);
    assert_at(
        &err,
        "van-ban/kh.yaml",
        3,
        10,
        &[
            ":3:10: `do_khan: hoatoc` không phải giá trị dùng được.",
            "cách sửa: Có phải ý bạn là `do_khan: hoa-toc`? Các giá trị dùng được: `do_khan: khan`, `do_khan: thuong-khan`, `do_khan: hoa-toc`.",
        ],
    );
    let line = line_of(&plan, "huong: ngan");
    assert_at(
        &err,
        "van-ban/kh.yaml",
        line,
        12,
        &[
            &format!(":{line}:12: `huong: ngan` không phải giá trị dùng được."),
            "Có phải ý bạn là `huong: ngang`?",
        ],
    );
}

#[test]
fn a_filing_line_with_van_thu_written_out_is_a_warning_and_printed_as_written() {
    let plan = PLAN.replace("\"Lưu: VT, VP\"", "\"Lưu: Văn thư, TCCV (02).\"");
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", &plan)]);
    let (code, _, err) = cchc(
        &["check", "--content", content.to_str().unwrap()],
        tmp.path(),
    );
    assert_eq!(code, 0, "{err}");
    let line = line_of(&plan, "Văn thư");
    assert!(
        err.contains(&format!(
            "cảnh báo[W0402]: {}:{line}:5: Dòng lưu \"Lưu: Văn thư, TCCV (02)\": Nghị định 30 viết tắt văn thư là \"VT\".",
            content.join("van-ban/kh.yaml").display()
        )),
        "{err}"
    );
    assert!(
        err.contains("cách sửa: Có thể viết `Lưu: VT, TCCV (02)`"),
        "{err}"
    );
    build_into(&content, &tmp.path().join("out")).expect("builds");
    let page = std::fs::read_to_string(tmp.path().join("out/van-ban/kh.html")).unwrap();
    assert!(
        page.contains("- Lưu: Văn thư, TCCV (02)."),
        "printed as written"
    );
}

/// The README's table of diagnostic codes is the catalogue: every code with both titles,
/// and no code the tool does not have.
#[test]
fn the_readme_lists_every_diagnostic_code() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for e in cchc::diag::CATALOGUE {
        let row = format!("| {} | {} | {} |", e.id, e.title_vi, e.title_en);
        assert!(readme.contains(&row), "README lacks the row {row}");
    }
    let listed = readme
        .lines()
        .filter(|l| l.starts_with("| E") || l.starts_with("| W"))
        .count();
    assert_eq!(
        listed,
        cchc::diag::CATALOGUE.len(),
        "README lists codes the tool does not have"
    );
}

/// `cchc giai-thich CODE` prints the code's explanation; an unknown code is a usage error
/// that says where codes are found.
#[test]
fn giai_thich_explains_a_code_and_refuses_an_unknown_one() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cchc"))
        .args(["giai-thich", "e102"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("E0102: Khóa không có trong mẫu\n\n"),
        "{text}"
    );
    assert!(text.contains("Cách sửa:"), "{text}");

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cchc"))
        .args(["--lang", "en", "explain", "W0201"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("W0201: File or folder not read\n"),
        "{text}"
    );

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cchc"))
        .args(["giai-thich", "E9999"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("Không có mã lỗi \"E9999\""), "{err}");

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cchc"))
        .arg("giai-thich")
        .output()
        .unwrap();
    let list = String::from_utf8(out.stdout).unwrap();
    assert_eq!(list.lines().count(), cchc::diag::CATALOGUE.len());
}

#[test]
fn an_unprintable_character_is_placed_on_its_own_column_and_line() {
    // First in its value and again further on: the message points at the first one.
    let plan = PLAN.replace("trich_yeu: Thử nghiệm", "trich_yeu: 😀 Thử nghiệm 😀");
    let err = run_bad(&plan, ISSUER);
    at_value(&err, &plan, "trich_yeu: ", &["U+1F600", "có 2 lần"]);
    // Second in its value.
    let plan = PLAN.replace("trich_yeu: Thử nghiệm", "trich_yeu: T😀hử nghiệm");
    let err = run_bad(&plan, ISSUER);
    at_line(&err, &plan, "😀", &["U+1F600"]);
    // At the start of the second line of a value, left of where the value began.
    let plan = PLAN.replace("trich_yeu: Thử nghiệm", "trich_yeu: Thử nghiệm\n  😀 tiếp");
    let err = run_bad(&plan, ISSUER);
    at_line(&err, &plan, "😀", &["U+1F600"]);
}
