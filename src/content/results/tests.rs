//! Unit tests of the results files' validation.

use super::*;

#[test]
fn the_shipped_766_profile_passes_the_checks_an_office_profile_gets() {
    let file = SourceFile {
        rel: format!("{RESULTS_DIR}/{PROFILE_FILE}").into(),
        text: score::DEFAULT_PROFILE.to_string(),
    };
    let parsed = yaml::parse::<raw::ProfileRaw>(&file);
    assert!(parsed.diags.is_empty(), "{:?}", parsed.diags);
    let coverage = Coverage::any();
    let mut cx = Cx::new(&file, &coverage);
    let checked = profile(&mut cx, parsed.value.expect("parses"));
    assert!(cx.diags.is_empty(), "{:?}", cx.diags);
    let shipped = score::Profile::default_profile();
    assert_eq!(
        serde_json::to_string(&checked).unwrap(),
        serde_json::to_string(&shipped).unwrap()
    );
}

#[test]
fn suggested_period_file_names() {
    let d = |s: &str| crate::vn::Date::parse(s).unwrap();
    let p = |from: &str, to: &str| Period {
        id: String::new(),
        label: String::new(),
        from: d(from),
        to: d(to),
        counts: BTreeMap::new(),
        values: BTreeMap::new(),
        form06: vec![],
        plan: None,
        tasks: BTreeMap::new(),
    };
    for (from, to, name) in [
        ("2026-01-01", "2026-03-31", "2026-q1.yaml"),
        ("2026-04-01", "2026-06-30", "2026-q2.yaml"),
        ("2026-07-01", "2026-09-30", "2026-q3.yaml"),
        ("2026-10-01", "2026-12-31", "2026-q4.yaml"),
    ] {
        assert_eq!(suggested_name(Some(&p(from, to))), name);
    }
    assert_eq!(
        suggested_name(Some(&p("2026-01-01", "2026-06-30"))),
        "2026-01-01-den-2026-06-30.yaml"
    );
    assert_eq!(suggested_name(None), "2026-q1.yaml");
}

use crate::content::fixtures;
use crate::results::Cumulation;

const TARGETS: &str = r#"chi_tieu:
  - ma: dung-han
    ten: Tỷ lệ hồ sơ giải quyết đúng hạn
    don_vi: "%"
    chieu: ">="
    ke_hoach: 99
    cong_thuc: { tu_so: b06_dung_han, mau_so: b06_nhan }
  - ma: ky-luat
    ten: Cán bộ bị kỷ luật
    don_vi: người
    chieu: "<="
    ke_hoach: 0
"#;

/// A quarter whose one Biểu 06 row balances: 120 received (50 online, 60 in person, 10
/// carried), 110 resolved (100 early, 8 on time, 2 late), 10 pending (9 in time, 1 late).
const QUARTER: &str = r#"ten: Quý I/2026
tu_ngay: 2026-01-01
den_ngay: 2026-03-31
gia_tri:
  ky-luat: 0
bieu_06:
  - linh_vuc: Chứng thực
    nhan_tong: 120
    nhan_truc_tuyen: 50
    nhan_truc_tiep: 60
    nhan_ky_truoc: 10
    da_giai_quyet: 110
    truoc_han: 100
    dung_han: 8
    qua_han: 2
    dang_giai_quyet: 10
    dang_trong_han: 9
    dang_qua_han: 1
"#;

const Q1_FILE: &str = "ket-qua/2026-q1.yaml";

fn source(rel: &str, text: &str) -> SourceFile {
    SourceFile {
        rel: rel.into(),
        text: text.into(),
    }
}

/// The fixtures' issuer: a unit `VP` and the official `vp-hoa`, Trần Thị Hoa.
fn issuer() -> Issuer {
    let (site, messages) = fixtures::check(fixtures::ISSUER, &[]);
    assert!(messages.is_empty(), "{messages:#?}");
    site.expect("loads").issuer
}

/// The results folder with the targets above, `periods` (file name under ket-qua/, text)
/// and an office 766 profile if given: what loading makes of it, and every message as the
/// clerk reads it in Vietnamese.
fn load(periods: &[(&str, &str)], profile: Option<&str>) -> (Option<Results>, Vec<String>) {
    load_beside(periods, profile, &[])
}

/// The same beside the site's documents.
fn load_beside(
    periods: &[(&str, &str)],
    profile: Option<&str>,
    documents: &[Document],
) -> (Option<Results>, Vec<String>) {
    load_all(TARGETS, periods, profile, documents)
}

fn load_all(
    targets: &str,
    periods: &[(&str, &str)],
    profile: Option<&str>,
    documents: &[Document],
) -> (Option<Results>, Vec<String>) {
    let targets = source(&format!("{RESULTS_DIR}/{INDICATORS_FILE}"), targets);
    let profile = profile.map(|p| source(&format!("{RESULTS_DIR}/{PROFILE_FILE}"), p));
    let periods: Vec<SourceFile> = periods
        .iter()
        .map(|(name, text)| source(&format!("{RESULTS_DIR}/{name}"), text))
        .collect();
    let files = Files {
        indicators: Some(&targets),
        profile: profile.as_ref(),
        periods: periods.iter().collect(),
        document_paths: documents
            .iter()
            .flat_map(|d| {
                [
                    format!("van-ban/{}.html", d.slug),
                    format!("van-ban/{}.pdf", d.slug),
                ]
            })
            .collect(),
    };
    let (results, diags) = results(&files, documents, &issuer(), &Coverage::any());
    (results, fixtures::vietnamese(diags.iter()))
}

/// Exactly these messages, each starting at its place with its words.
fn said(messages: &[String], expected: &[(&str, &str)]) {
    assert_eq!(messages.len(), expected.len(), "{messages:#?}");
    for (place, words) in expected {
        fixtures::said(messages, place, words);
    }
}

#[test]
fn a_balanced_form06_row_loads_and_its_totals_become_counts() {
    let (results, messages) = load(&[("2026-q1.yaml", QUARTER)], None);
    said(&messages, &[]);
    let p = &results.expect("loads").periods[0];
    let counts: Vec<(&str, f64)> = p.counts.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(
        counts,
        [
            ("b06_da_giai_quyet", 110.0),
            ("b06_dung_han", 117.0),
            ("b06_ky_truoc", 10.0),
            ("b06_nhan", 120.0),
            ("b06_qua_han", 3.0),
            ("b06_truc_tiep", 60.0),
            ("b06_truc_tuyen", 50.0),
        ]
    );
    assert_eq!(p.form06[0].received(), 120);
}

#[test]
fn each_form06_total_that_is_not_its_parts_is_named_at_its_own_line() {
    for (from, to, words) in [
        (
            "da_giai_quyet: 110",
            "da_giai_quyet: 111",
            "đã giải quyết 111 ≠ trước hạn 100 + đúng hạn 8 + quá hạn 2 (= 110).",
        ),
        (
            "dang_giai_quyet: 10",
            "dang_giai_quyet: 11",
            "đang giải quyết 11 ≠ trong hạn 9 + quá hạn 1 (= 10).",
        ),
    ] {
        let text = QUARTER.replace(from, to);
        let (_, messages) = load(&[("2026-q1.yaml", &text)], None);
        said(&messages, &[(&value_at(Q1_FILE, &text, to), words)]);
    }
    // A stated received total is what the row must balance to as well.
    let text = QUARTER.replace("nhan_tong: 120", "nhan_tong: 121");
    let (_, messages) = load(&[("2026-q1.yaml", &text)], None);
    said(
        &messages,
        &[
            (
                &value_at(Q1_FILE, &text, "nhan_tong: 121"),
                "số hồ sơ nhận 121 ≠ trực tuyến 50 + trực tiếp, bưu chính 60 + kỳ trước 10 (= 120).",
            ),
            (
                &value_at(Q1_FILE, &text, "- linh_vuc: Chứng thực"),
                "số hồ sơ nhận 121 ≠ đã giải quyết 110 + đang giải quyết 10 (= 120).",
            ),
        ],
    );
}

#[test]
fn a_row_whose_parts_do_not_balance_is_named_at_its_area() {
    // One more resolved early, and the stated total with it: received 120 ≠ 111 + 10.
    let text = QUARTER
        .replace("truoc_han: 100", "truoc_han: 101")
        .replace("da_giai_quyet: 110", "da_giai_quyet: 111");
    let (_, messages) = load(&[("2026-q1.yaml", &text)], None);
    said(
        &messages,
        &[(
            &value_at(Q1_FILE, &text, "- linh_vuc: Chứng thực"),
            "Biểu 06, lĩnh vực \"Chứng thực\": số hồ sơ nhận 120 ≠ đã giải quyết 111 + đang giải quyết 10 (= 121).",
        )],
    );
    // Without the stated total, received is the sum of its parts.
    let text = text.replace("    nhan_tong: 120\n", "");
    let (_, messages) = load(&[("2026-q1.yaml", &text)], None);
    said(
        &messages,
        &[(
            &value_at(Q1_FILE, &text, "- linh_vuc: Chứng thực"),
            "số hồ sơ nhận 120 ≠ đã giải quyết 111 + đang giải quyết 10 (= 121).",
        )],
    );
}

/// "file:line:col" of the value on the line that reads `line` (after its indent).
fn value_at(file: &str, text: &str, line: &str) -> String {
    let (i, l) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.trim_start() == line)
        .unwrap_or_else(|| panic!("{line:?} in fixture"));
    let value = l.find(": ").map(|b| b + 2).expect("a key and its value");
    format!("{file}:{}:{}", i + 1, l[..value].chars().count() + 1)
}

/// The quarter with `so_lieu: { ho_so: <typed> }`: every message.
fn with_count(typed: &str) -> (String, Vec<String>) {
    let text = QUARTER.replace("gia_tri:", &format!("so_lieu:\n  ho_so: {typed}\ngia_tri:"));
    let (_, messages) = load(&[("2026-q1.yaml", &text)], None);
    (
        value_at(Q1_FILE, &text, &format!("ho_so: {typed}")),
        messages,
    )
}

#[test]
fn a_count_that_is_not_a_count_is_refused_with_what_to_write() {
    for (typed, words, hint) in [
        (
            ".nan",
            "Số liệu `ho_so` là .nan, không phải một số.",
            "ví dụ `2150`",
        ),
        (
            ".inf",
            "Số liệu `ho_so` là .inf, không phải một số.",
            "ví dụ `2150`",
        ),
        (
            "-.inf",
            "Số liệu `ho_so` là -.inf, không phải một số.",
            "ví dụ `2150`",
        ),
        ("-3", "Số liệu `ho_so` là số âm (-3).", "viết số không âm"),
        // "2.150" as the office writes two thousand one hundred and fifty.
        (
            "2.150",
            "Số liệu `ho_so` là 2.15, không phải số nguyên.",
            "(nếu là 2.150 thì viết `2150`)",
        ),
        (
            "2.1234",
            "Số liệu `ho_so` là 2.1234, không phải số nguyên.",
            "viết số nguyên, ví dụ `2150`",
        ),
        // A thousand times 1,000,000,000.5 is no whole count either.
        (
            "1000000000.5",
            "Số liệu `ho_so` là 1000000000.5, không phải số nguyên.",
            "viết số nguyên, ví dụ `2150`",
        ),
        (
            "1000000000001",
            "Số liệu `ho_so` là 1.000.000.000.001, vượt quá giới hạn 1.000.000.000.000.",
            "có thể gõ thừa chữ số",
        ),
        (
            "1000000000000000",
            "Số liệu `ho_so` là 1000000000000000, vượt quá giới hạn 1.000.000.000.000.",
            "có thể gõ thừa chữ số",
        ),
    ] {
        let (place, messages) = with_count(typed);
        said(&messages, &[(&place, words)]);
        assert!(
            messages[0].contains(hint),
            "{typed}: {hint:?} in {messages:#?}"
        );
    }
    // The limit itself is a count.
    let (_, messages) = with_count("1000000000000");
    said(&messages, &[]);
}

#[test]
fn periods_sharing_a_day_are_refused_and_periods_that_follow_each_other_are_not() {
    let q2 = |from: &str| {
        QUARTER
            .replace("Quý I/2026", "Quý II/2026")
            .replace("2026-03-31", "2026-06-30")
            .replace("2026-01-01", from)
    };
    let (results, messages) = load(
        &[
            ("2026-q1.yaml", QUARTER),
            ("2026-q2.yaml", &q2("2026-04-01")),
        ],
        None,
    );
    said(&messages, &[]);
    assert_eq!(results.expect("loads").periods.len(), 2);
    let shared = q2("2026-03-31");
    let (_, messages) = load(
        &[("2026-q1.yaml", QUARTER), ("2026-q2.yaml", &shared)],
        None,
    );
    said(
        &messages,
        &[(
            &value_at("ket-qua/2026-q2.yaml", &shared, "tu_ngay: 2026-03-31"),
            "Kỳ báo cáo này (31/03/2026 – 30/06/2026) trùng thời gian với kỳ trong tệp ket-qua/2026-q1.yaml (01/01/2026 – 31/03/2026)",
        )],
    );
}

#[test]
fn a_period_file_name_must_give_a_page_of_its_own() {
    let (_, messages) = load(&[("!!!.yaml", QUARTER)], None);
    said(
        &messages,
        &[(
            "ket-qua/!!!.yaml:1:1",
            "Tên tệp \"!!!.yaml\" không cho ra được tên trang của kỳ báo cáo",
        )],
    );
    assert!(
        messages[0].contains("ví dụ `2026-q1.yaml`; trang của kỳ sẽ là `ket-qua/2026-q1.html`"),
        "{messages:#?}"
    );
    let (_, messages) = load(&[("2026-q1-mot-tep.yaml", QUARTER)], None);
    said(
        &messages,
        &[(
            "ket-qua/2026-q1-mot-tep.yaml:1:1",
            "Tên tệp \"2026-q1-mot-tep.yaml\" kết thúc bằng `-mot-tep`",
        )],
    );
    let (_, messages) = load(
        &[("2026-Q1.yaml", QUARTER), ("2026-q1.yaml", QUARTER)],
        None,
    );
    assert!(
        messages.iter().any(|m| m.contains(
            "ket-qua/2026-q1.yaml:1:1: Tệp này và tệp ket-qua/2026-Q1.yaml cùng thành trang `ket-qua/2026-q1.html`"
        )),
        "{messages:#?}"
    );
}

#[test]
fn an_office_766_profile_with_errors_gives_way_to_the_decisions() {
    let shipped = serde_json::to_string(&score::Profile::default_profile()).unwrap();
    let own = score::DEFAULT_PROFILE.replace("toi_da: 20,", "toi_da: 19,");
    assert_ne!(own, score::DEFAULT_PROFILE);
    let (results, messages) = load(&[], Some(&own));
    said(&messages, &[]);
    let used = serde_json::to_string(&results.expect("loads").profile).unwrap();
    assert_ne!(used, shipped, "the office's own profile is used");
    // An error in the checks, or one in the YAML itself: the decision's profile.
    for broken in [
        score::DEFAULT_PROFILE.replace("toi_da: 20,", "toi_da: -20,"),
        score::DEFAULT_PROFILE.replace("toi_da: 20,", "toi_da: 19, thua: 1,"),
        // A key YAML sets aside and reads on without: the profile read is still refused.
        format!(
            "{}ghi_chu_them: x\n",
            score::DEFAULT_PROFILE.replace("toi_da: 20,", "toi_da: 19,")
        ),
    ] {
        let (results, messages) = load(&[], Some(&broken));
        assert_eq!(messages.len(), 1, "{messages:#?}");
        let used = serde_json::to_string(&results.expect("loads").profile).unwrap();
        assert_eq!(used, shipped);
    }
}

#[test]
fn a_period_needs_whole_dates_in_order() {
    let text = QUARTER.replace("den_ngay: 2026-03-31", "den_ngay: 2025-12-31");
    let (results, messages) = load(&[("2026-q1.yaml", &text)], None);
    said(
        &messages,
        &[(
            &value_at(Q1_FILE, &text, "den_ngay: 2025-12-31"),
            "Ngày cuối kỳ (31/12/2025) trước ngày đầu kỳ (01/01/2026).",
        )],
    );
    // The period is still loaded for the checks across periods; the build stops on the error.
    assert_eq!(results.expect("loads").periods.len(), 1);
    // One day is a period.
    let text = QUARTER.replace("den_ngay: 2026-03-31", "den_ngay: 2026-01-01");
    said(&load(&[("2026-q1.yaml", &text)], None).1, &[]);
    // A month without its day is a draft's date, not a period's.
    let text = QUARTER.replace("tu_ngay: 2026-01-01", "tu_ngay: 2026-01");
    let (results, messages) = load(&[("2026-q1.yaml", &text)], None);
    said(
        &messages,
        &[(
            &value_at(Q1_FILE, &text, "tu_ngay: 2026-01"),
            "Ngày đầu và ngày cuối của kỳ báo cáo phải có đủ ngày, tháng, năm.",
        )],
    );
    assert!(results.expect("loads").periods.is_empty());
}

#[test]
fn values_are_for_targets_without_a_formula_and_named_as_in_the_targets() {
    let text = QUARTER.replace("  ky-luat: 0", "  ky-luat: 0\n  dung-han: 99\n  ky-luut: 1");
    let (results, messages) = load(&[("2026-q1.yaml", &text)], None);
    said(
        &messages,
        &[
            (
                &value_at(Q1_FILE, &text, "dung-han: 99"),
                "Chỉ tiêu `dung-han` được tính theo công thức từ số liệu, không nhập giá trị trực tiếp.",
            ),
            (
                &value_at(Q1_FILE, &text, "ky-luut: 1"),
                "Không có chỉ tiêu nào mang mã `ky-luut` trong chi-tieu.yaml.",
            ),
        ],
    );
    assert!(
        messages[1].contains("Có phải ý bạn là `ky-luat`?"),
        "{messages:#?}"
    );
    let values = &results.expect("loads").periods[0].values;
    assert_eq!(values.keys().collect::<Vec<_>>(), ["ky-luat"]);
    // A value that is no number is refused and not kept; a fraction is a value.
    let text = QUARTER.replace("  ky-luat: 0", "  ky-luat: -1");
    let (results, messages) = load(&[("2026-q1.yaml", &text)], None);
    said(
        &messages,
        &[(
            &value_at(Q1_FILE, &text, "ky-luat: -1"),
            "Giá trị của chỉ tiêu `ky-luat` là số âm (-1).",
        )],
    );
    assert!(results.expect("loads").periods[0].values.is_empty());
    let text = QUARTER.replace("  ky-luat: 0", "  ky-luat: 0.5");
    let (results, messages) = load(&[("2026-q1.yaml", &text)], None);
    said(&messages, &[]);
    assert_eq!(results.expect("loads").periods[0].values["ky-luat"], 0.5);
}

#[test]
fn counts_a_formula_needs_but_the_period_lacks_are_named_in_one_warning() {
    // Without Biểu 06 the on-time rate has neither of its counts.
    let text = QUARTER[..QUARTER.find("bieu_06:").unwrap()].to_string();
    let (_, messages) = load(&[("2026-q1.yaml", &text)], None);
    said(
        &messages,
        &[(
            &value_at(Q1_FILE, &text, "ten: Quý I/2026"),
            "Kỳ này chưa có số liệu: b06_dung_han, b06_nhan. Các chỉ tiêu dùng chúng sẽ ghi \"chưa có số liệu\".",
        )],
    );
    assert!(messages[0].starts_with("cảnh báo"), "{messages:#?}");
}

#[test]
fn a_count_may_not_take_the_name_of_a_form06_total() {
    let text = QUARTER.replace("gia_tri:", "so_lieu:\n  b06_nhan: 120\ngia_tri:");
    let (_, messages) = load(&[("2026-q1.yaml", &text)], None);
    said(
        &messages,
        &[(
            &value_at(Q1_FILE, &text, "b06_nhan: 120"),
            "Số liệu `b06_nhan` trùng tên với tổng Biểu 06 tính từ bảng `bieu_06` (dòng 9): không biết dùng số nào.",
        )],
    );
}

#[test]
fn a_form06_figure_beyond_any_commune_is_named_alone_and_so_is_a_column_total() {
    let text = QUARTER.replace("nhan_truc_tuyen: 50", "nhan_truc_tuyen: 1000000000001");
    let (_, messages) = load(&[("2026-q1.yaml", &text)], None);
    // The sums it is part of say no more.
    said(
        &messages,
        &[(
            &value_at(Q1_FILE, &text, "nhan_truc_tuyen: 1000000000001"),
            "Biểu 06, lĩnh vực \"Chứng thực\": `nhan_truc_tuyen` là 1000000000001, vượt quá giới hạn 1.000.000.000.000.",
        )],
    );
    // At the limit each, two areas add up to more than any column may hold; one less in
    // the second, and the columns hold exactly the limit.
    let row = |area: &str, n: u64| {
        format!(
            "  - linh_vuc: {area}\n    nhan_truc_tuyen: {n}\n    nhan_truc_tiep: 0\n    nhan_ky_truoc: 0\n    truoc_han: {n}\n    dung_han: 0\n    qua_han: 0\n    dang_trong_han: 0\n    dang_qua_han: 0\n"
        )
    };
    let head = &QUARTER[..QUARTER.find("  - linh_vuc").unwrap()];
    let text = format!(
        "{head}{}{}",
        row("Hộ tịch", 1),
        row("Chứng thực", 999_999_999_999)
    );
    said(&load(&[("2026-q1.yaml", &text)], None).1, &[]);
    let limit = 1_000_000_000_000;
    let text = format!(
        "{head}{}{}",
        row("Hộ tịch", limit),
        row("Chứng thực", limit)
    );
    let (_, messages) = load(&[("2026-q1.yaml", &text)], None);
    let first = value_at(Q1_FILE, &text, "- linh_vuc: Hộ tịch");
    said(
        &messages,
        &[
            (
                &first,
                "Biểu 06: tổng cột `nhan_truc_tuyen` của các lĩnh vực vượt quá giới hạn 1.000.000.000.000.",
            ),
            (
                &first,
                "Biểu 06: tổng cột `truoc_han` của các lĩnh vực vượt quá giới hạn 1.000.000.000.000.",
            ),
        ],
    );
}

/// The plan of the fixtures (`kh`, tasks 1.1–1.3) and a công văn beside it.
fn documents() -> Vec<Document> {
    use crate::content::fixtures::{DISPATCH, ISSUER, PLAN, check};
    let (site, messages) = check(ISSUER, &[("cv.yaml", DISPATCH), ("kh.yaml", PLAN)]);
    assert!(messages.is_empty(), "{messages:#?}");
    site.expect("loads").documents
}

/// The quarter reporting on `ke_hoach: kh` with these `nhiem_vu` lines.
fn reporting(tasks: &str) -> String {
    QUARTER.replace(
        "gia_tri:",
        &format!("ke_hoach: kh\nnhiem_vu:\n{tasks}gia_tri:"),
    )
}

#[test]
fn task_statuses_are_read_against_the_plan_the_period_names() {
    let docs = documents();
    let text = reporting(concat!(
        "  \"1.1\": { tinh_trang: hoan-thanh, ghi_chu: \" Xong \", minh_chung: van-ban/kh.pdf }\n",
        "  \"1.2\": { tinh_trang: dang-thuc-hien, minh_chung: \"https://dichvucong.gov.vn/a\" }\n",
        "  \"1.3\": { tinh_trang: chua-den-han }\n",
    ));
    let (results, messages) = load_beside(&[("2026-q1.yaml", &text)], None, &docs);
    said(&messages, &[]);
    let p = &results.expect("loads").periods[0];
    assert_eq!(p.plan.as_deref(), Some("kh"));
    let tasks: Vec<(&str, TaskStatus, Option<&str>, Option<&str>)> = p
        .tasks
        .iter()
        .map(|(k, t)| {
            (
                k.as_str(),
                t.status,
                t.note.as_deref(),
                t.evidence.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        tasks,
        [
            (
                "1.1",
                TaskStatus::Done,
                Some("Xong"),
                Some("van-ban/kh.pdf")
            ),
            (
                "1.2",
                TaskStatus::InProgress,
                None,
                Some("https://dichvucong.gov.vn/a")
            ),
            ("1.3", TaskStatus::NotDue, None, None),
        ]
    );
}

#[test]
fn a_task_status_needs_its_plan_its_code_and_a_known_word() {
    let docs = documents();
    // A plan named that is a công văn, or no plan at all.
    let text = reporting("  \"1.1\": { tinh_trang: hoan-thanh }\n")
        .replace("ke_hoach: kh", "ke_hoach: cv");
    let (results, messages) = load_beside(&[("2026-q1.yaml", &text)], None, &docs);
    said(
        &messages,
        &[(
            &value_at(Q1_FILE, &text, "ke_hoach: cv"),
            "Không có kế hoạch nào là tệp `van-ban/cv.yaml`.\n  cách sửa: Các kế hoạch trong van-ban/ (tên tệp, không có .yaml): kh.",
        )],
    );
    let typo = text.replace("ke_hoach: cv", "ke_hoach: KH");
    let (_, messages) = load_beside(&[("2026-q1.yaml", &typo)], None, &docs);
    assert!(
        messages[0].contains("cách sửa: Có phải ý bạn là `kh`? Các kế hoạch trong van-ban/"),
        "{messages:#?}"
    );
    assert!(results.expect("loads").periods[0].tasks.is_empty());
    let text = reporting("  \"1.1\": { tinh_trang: hoan-thanh }\n").replace("ke_hoach: kh\n", "");
    let (_, messages) = load_beside(&[("2026-q1.yaml", &text)], None, &docs);
    said(
        &messages,
        &[(
            &value_at(Q1_FILE, &text, "ten: Quý I/2026"),
            "Có tình trạng nhiệm vụ (`nhiem_vu`) nhưng chưa chỉ rõ kế hoạch (`ke_hoach`).",
        )],
    );
    // A code the plan lacks (its group heading "1" is no task), a status no one knows, an
    // evidence path inside the site that leads nowhere, and the tasks left unreported.
    let text = reporting(concat!(
        "  \"1\": { tinh_trang: hoan-thanh }\n",
        "  \"1.1\": { tinh_trang: xong }\n",
        "  \"1.2\": { tinh_trang: dang-thuc-hien, minh_chung: van-ban/khong-co.pdf }\n",
    ));
    let (results, messages) = load_beside(&[("2026-q1.yaml", &text)], None, &docs);
    said(
        &messages,
        &[
            (
                &place(&text, "\"1\":", "\"1\""),
                "Kế hoạch số 03/KH-UBND không có nhiệm vụ mã \"1\".",
            ),
            (
                &place(&text, "\"1.1\":", "xong"),
                "`tinh_trang: xong` không phải giá trị dùng được.",
            ),
            (
                &place(&text, "khong-co.pdf", "van-ban/khong-co.pdf"),
                "Minh chứng \"van-ban/khong-co.pdf\" không trỏ tới văn bản nào của trang.",
            ),
            (
                &value_at(Q1_FILE, &text, "ten: Quý I/2026"),
                "Kỳ này chưa có tình trạng của 1 nhiệm vụ: 1.3.",
            ),
        ],
    );
    // What could not be read counts as in progress rather than done.
    let tasks = &results.expect("loads").periods[0].tasks;
    assert_eq!(tasks["1.1"].status, TaskStatus::InProgress);
}

/// "file:line:col" of `word` on the first line of the quarter file holding `line_has`.
fn place(text: &str, line_has: &str, word: &str) -> String {
    fixtures::place(Q1_FILE, text, line_has, word)
}

#[test]
fn a_ratio_is_refused_when_it_counts_out_of_nothing_or_a_share_exceeds_its_whole() {
    // Hours per dossier may well exceed 1; a share of dossiers may not exceed its whole.
    let targets = format!(
        "{TARGETS}  - ma: gio-xu-ly\n    ten: Thời gian xử lý trung bình\n    don_vi: giờ\n    chieu: \"<=\"\n    ke_hoach: 8\n    cong_thuc: {{ tu_so: tong_gio, mau_so: so_ho_so }}\n"
    );
    let with = |counts: &str| QUARTER.replace("gia_tri:", &format!("so_lieu:\n{counts}gia_tri:"));
    // A target in % is a share even when no 766 component uses its counts.
    let shares = format!(
        "{TARGETS}  - ma: van-ban-dien-tu\n    ten: Văn bản điện tử\n    don_vi: \"%\"\n    chieu: \">=\"\n    ke_hoach: 90\n    cong_thuc: {{ tu_so: vb_dien_tu, mau_so: vb_di }}\n"
    );
    let text = with("  vb_dien_tu: 13\n  vb_di: 12\n");
    let (_, messages) = load_all(&shares, &[("2026-q1.yaml", &text)], None, &[]);
    said(
        &messages,
        &[(
            &value_at(Q1_FILE, &text, "vb_dien_tu: 13"),
            "Tử số `vb_dien_tu` là 13, lớn hơn mẫu số `vb_di` là 12 (chỉ tiêu `van-ban-dien-tu`): tỷ lệ sẽ vượt 100 %.",
        )],
    );
    let text = with("  tong_gio: 60\n  so_ho_so: 12\n");
    said(
        &load_all(&targets, &[("2026-q1.yaml", &text)], None, &[]).1,
        &[],
    );
    let text = with("  tong_gio: 60\n  so_ho_so: 0\n");
    let (_, messages) = load_all(&targets, &[("2026-q1.yaml", &text)], None, &[]);
    said(
        &messages,
        &[(
            &value_at(Q1_FILE, &text, "tong_gio: 60"),
            "Mẫu số `so_ho_so` bằng 0 nhưng tử số `tong_gio` là 60 (chỉ tiêu `gio-xu-ly`): \"không phát sinh\" chỉ dùng khi cả hai cùng bằng 0.",
        )],
    );
    // Nothing out of nothing is "không phát sinh", not an error.
    let text = with("  tong_gio: 0\n  so_ho_so: 0\n");
    said(
        &load_all(&targets, &[("2026-q1.yaml", &text)], None, &[]).1,
        &[],
    );
    // The 766 profile's components are shares: 2.1 is on time out of received.
    let text = with("  ho_so_dung_han: 6\n  ho_so_tiep_nhan: 5\n");
    let (_, messages) = load(&[("2026-q1.yaml", &text)], None);
    said(
        &messages,
        &[(
            &value_at(Q1_FILE, &text, "ho_so_dung_han: 6"),
            "Tử số `ho_so_dung_han` là 6, lớn hơn mẫu số `ho_so_tiep_nhan` là 5 (thành phần 766 2.1): tỷ lệ sẽ vượt 100 %.",
        )],
    );
    // All of the whole on time is 100 %.
    let text = with("  ho_so_dung_han: 5\n  ho_so_tiep_nhan: 5\n");
    said(&load(&[("2026-q1.yaml", &text)], None).1, &[]);
}

/// The targets file with one more target, written as the office would (`ma: thu`).
fn one_more(target: &str) -> (String, Vec<String>, Option<Results>) {
    let targets = format!("{TARGETS}  - ma: thu\n    ten: Thử\n{target}");
    let (results, messages) = load_all(&targets, &[], None, &[]);
    (targets, messages, results)
}

fn targets_place(text: &str, line_has: &str, word: &str) -> String {
    place(text, line_has, word).replace(Q1_FILE, &format!("{RESULTS_DIR}/{INDICATORS_FILE}"))
}

/// "file:line:col" of the value of `key` in a flow map on the first line holding `line_has`.
fn flow_value(file: &str, text: &str, line_has: &str, key: &str) -> String {
    let key = format!("{key}: ");
    let at = place(text, line_has, &key);
    let (head, col) = at.rsplit_once(':').expect("line:col");
    let col: usize = col.parse().expect("a column");
    format!(
        "{}:{}",
        head.replace(Q1_FILE, file),
        col + key.chars().count()
    )
}

#[test]
fn a_target_adds_up_over_the_year_when_computed_and_keeps_its_last_figure_when_typed() {
    let (_, messages, results) =
        one_more("    don_vi: \"%\"\n    chieu: \">=\"\n    ke_hoach: 90\n");
    said(&messages, &[]);
    let results = results.expect("loads");
    let cumulation: Vec<(&str, Cumulation)> = results
        .indicators
        .iter()
        .map(|i| (i.id.as_str(), i.cumulation))
        .collect();
    assert_eq!(
        cumulation,
        [
            ("dung-han", Cumulation::Sum),
            ("ky-luat", Cumulation::Latest),
            ("thu", Cumulation::Latest)
        ]
    );
    // A percentage is out of 100, anything else out of 1.
    let scales: Vec<f64> = results
        .indicators
        .iter()
        .filter_map(|i| i.formula.as_ref().map(|f| f.scale))
        .collect();
    assert_eq!(scales, [100.0]);
    let (_, messages, results) = one_more(
        "    don_vi: giờ\n    chieu: \"<=\"\n    ke_hoach: 8\n    cong_thuc: { tu_so: tong_gio, mau_so: so_ho_so }\n",
    );
    said(&messages, &[]);
    let thu = &results.expect("loads").indicators[2];
    assert_eq!(thu.formula.as_ref().map(|f| f.scale), Some(1.0));
    assert_eq!(thu.cumulation, Cumulation::Sum);
}

#[test]
fn a_coefficient_is_a_positive_number_no_larger_than_any_count() {
    for he_so in ["1000000000000", "0.5"] {
        let (_, messages, results) = one_more(&format!(
            "    don_vi: \"%\"\n    chieu: \">=\"\n    ke_hoach: 90\n    cong_thuc: {{ tu_so: a, mau_so: b, he_so: {he_so} }}\n"
        ));
        said(&messages, &[]);
        let scale = results.expect("loads").indicators[2]
            .formula
            .as_ref()
            .map(|f| f.scale);
        assert_eq!(scale, Some(he_so.parse().unwrap()));
    }
    for he_so in ["0", "-100", ".nan", ".inf", "1000000000001"] {
        let (targets, messages, _) = one_more(&format!(
            "    don_vi: \"%\"\n    chieu: \">=\"\n    ke_hoach: 90\n    cong_thuc: {{ tu_so: a, mau_so: b, he_so: {he_so} }}\n"
        ));
        said(
            &messages,
            &[(
                &targets_place(&targets, "he_so", he_so),
                "Hệ số (`he_so`) của chỉ tiêu `thu` là",
            )],
        );
    }
}

#[test]
fn count_names_in_a_formula_are_plain_lower_case_with_a_fix_offered() {
    let (targets, messages, _) = one_more(
        "    don_vi: \"%\"\n    chieu: \">=\"\n    ke_hoach: 90\n    cong_thuc: { tu_so: Hồ-sơ đúng hạn, mau_so: \" \" }\n",
    );
    said(
        &messages,
        &[
            (
                &targets_place(&targets, "Hồ-sơ", "Hồ-sơ"),
                "Tên số liệu \"Hồ-sơ đúng hạn\" không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch dưới.",
            ),
            (
                &targets_place(&targets, "Hồ-sơ", "\" \""),
                "Tên số liệu \"\" không hợp lệ",
            ),
        ],
    );
    assert!(
        messages[0].contains("Ví dụ: `ho_so_dung_han`."),
        "{messages:#?}"
    );
}

#[test]
fn who_answers_for_a_target_is_named_from_the_staff_and_units() {
    for (written, name) in [
        ("vp-hoa", "Trần Thị Hoa"),
        ("VP", "Văn phòng HĐND và UBND"),
        ("Các thôn, tổ dân phố", "Các thôn, tổ dân phố"),
    ] {
        let (_, messages, results) = one_more(&format!(
            "    don_vi: \"%\"\n    chieu: \">=\"\n    ke_hoach: 90\n    phu_trach: {written}\n"
        ));
        said(&messages, &[]);
        let thu = &results.expect("loads").indicators[2];
        assert_eq!(thu.responsible.as_deref(), Some(name));
    }
    // Shaped like an id or a unit code, but none of them: a typo to point at.
    for written in ["vp-hao", "VPP"] {
        let (targets, messages, _) = one_more(&format!(
            "    don_vi: \"%\"\n    chieu: \">=\"\n    ke_hoach: 90\n    phu_trach: {written}\n"
        ));
        said(
            &messages,
            &[(
                &targets_place(&targets, "phu_trach", written),
                &format!("Không có cán bộ hoặc đơn vị nào mang mã `{written}`."),
            )],
        );
    }
}

#[test]
fn an_office_766_profile_keeps_within_100_points_and_sensible_thresholds() {
    let profile = |max: &str, full_at: &str| {
        format!(
            "nhom:\n  - ma: \"2\"\n    ten: Tiến độ\n    thanh_phan:\n      - {{ ma: \"2.1\", ten: Đúng hạn, toi_da: {max}, tu_so: a, mau_so: b, khi_rong: khong }}\n      - {{ ma: \"2.2\", ten: Khác, toi_da: 50, tu_so: c, mau_so: d{full_at}, khi_rong: du }}\n"
        )
    };
    let file = format!("{RESULTS_DIR}/{PROFILE_FILE}");
    // 50 + 50 is the whole 100; a threshold of 1 and one just above 0 are thresholds.
    for full_at in ["", ", dat_toi_da: 1", ", dat_toi_da: 0.01"] {
        said(&load(&[], Some(&profile("50", full_at))).1, &[]);
    }
    said(
        &load(&[], Some(&profile("50.5", ""))).1,
        &[(
            &format!("{file}:1:1"),
            "Tổng điểm tối đa của các thành phần là 100,5, quá 100 điểm của Bộ chỉ số 766.",
        )],
    );
    let text = profile("0", "");
    said(
        &load(&[], Some(&text)).1,
        &[(
            &flow_value(&file, &text, "\"2.1\"", "toi_da"),
            "Điểm tối đa (`toi_da`) của thành phần 2.1 bằng 0.",
        )],
    );
    for full_at in ["0", "1.01", "-0.5", ".nan"] {
        let text = profile("50", &format!(", dat_toi_da: {full_at}"));
        said(
            &load(&[], Some(&text)).1,
            &[(
                &flow_value(&file, &text, "\"2.2\"", "dat_toi_da"),
                &format!(
                    "Ngưỡng đạt điểm tối đa (`dat_toi_da`) của thành phần 2.2 là {full_at}, phải lớn hơn 0 và không quá 1."
                ),
            )],
        );
    }
}

#[test]
fn an_unknown_task_code_is_pointed_at_however_its_key_is_written() {
    let docs = documents();
    let text = reporting(concat!(
        "  '1.7': { tinh_trang: hoan-thanh }\n",
        "  1.8: { tinh_trang: hoan-thanh }\n",
        "  \"1.9\":\n",
        "    tinh_trang: hoan-thanh\n",
        "  \"1.1\": { tinh_trang: hoan-thanh }\n",
        "  \"1.2\": { tinh_trang: hoan-thanh }\n",
        "  \"1.3\": { tinh_trang: hoan-thanh }\n",
        // The key is before its value: the same words later on the line are not the key.
        "  \"1.6\": { tinh_trang: hoan-thanh, ghi_chu: \"1.6: chưa có\" }\n",
    ));
    let (_, messages) = load_beside(&[("2026-q1.yaml", &text)], None, &docs);
    assert_eq!(
        fixtures::heads(&messages),
        [
            format!(
                "lỗi[E0304]: {}: Kế hoạch số 03/KH-UBND không có nhiệm vụ mã \"1.6\".",
                place(&text, "\"1.6\":", "\"1.6\"")
            ),
            format!(
                "lỗi[E0304]: {}: Kế hoạch số 03/KH-UBND không có nhiệm vụ mã \"1.7\".",
                place(&text, "'1.7'", "'1.7'")
            ),
            format!(
                "lỗi[E0304]: {}: Kế hoạch số 03/KH-UBND không có nhiệm vụ mã \"1.8\".",
                place(&text, "1.8:", "1.8")
            ),
            format!(
                "lỗi[E0304]: {}: Kế hoạch số 03/KH-UBND không có nhiệm vụ mã \"1.9\".",
                place(&text, "\"1.9\"", "\"1.9\"")
            ),
        ]
    );
}
