//! Quarterly results refused rather than printed wrong: deadlines that are no date, counts
//! and shares no commune can have, overlapping periods, each at its file, line and column.

mod common;

use common::results::*;
use common::*;

/// The plan with task 1.1 due as `deadline`, and a Q3 period reporting it still in progress.
fn site_with_deadline(deadline: &str) -> (tempfile::TempDir, std::path::PathBuf, String) {
    let tmp = tempfile::tempdir().unwrap();
    let plan = PLAN.replace("thoi_han: 2026-12-31", &format!("thoi_han: {deadline}"));
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", &plan)]);
    std::fs::create_dir_all(content.join("ket-qua")).unwrap();
    std::fs::write(content.join("ket-qua/chi-tieu.yaml"), INDICATORS).unwrap();
    let q3 = Q1
        .replace("Quý I/2026", "Quý III/2026")
        .replace("2026-01-01", "2026-07-01")
        .replace("2026-03-31", "2026-09-30");
    std::fs::write(content.join("ket-qua/2026-q3.yaml"), q3).unwrap();
    (tmp, content, plan)
}

#[test]
fn deadlines_in_words_are_read_as_their_real_end_dates() {
    // Each is over by 30/6/2026, so a task still in progress at the end of Q3 is late;
    // read as 31/12/2026 (as "Quý I/2026" once was) it would not be reported.
    for words in [
        "Quý I/2026",
        "Quý 1 năm 2026",
        "quý II/2026",
        "Tháng 3 năm 2026",
        "Tháng 3/2026",
        "6 tháng đầu năm 2026",
        "Trước ngày 30/6/2026",
    ] {
        let (_tmp, content, _) = site_with_deadline(words);
        let loaded = cchc::content::load(&content, &cchc::content::Coverage::any())
            .unwrap_or_else(|d| panic!("{words}: {}", d.render(cchc::diag::Lang::Vi, &content)));
        let results = loaded.site.results.expect("results");
        let view = cchc::present::period::period_view(
            &results,
            &results.periods[0],
            &loaded.site.documents,
        );
        assert_eq!(view.late.len(), 1, "{words}: late");
        assert_eq!(view.late[0].status, "Chậm", "{words}");
    }
    for words in [
        "6 tháng cuối năm 2026",
        "Trong năm 2026",
        "Năm 2026",
        "Thường xuyên",
        "Hằng năm",
    ] {
        let (_tmp, content, _) = site_with_deadline(words);
        let loaded = cchc::content::load(&content, &cchc::content::Coverage::any()).unwrap();
        let results = loaded.site.results.expect("results");
        let view = cchc::present::period::period_view(
            &results,
            &results.periods[0],
            &loaded.site.documents,
        );
        assert!(view.late.is_empty(), "{words}: not late at 30/9");
    }
}

#[test]
fn a_deadline_shaped_like_a_date_that_is_none_is_refused() {
    for words in ["Quý V năm 2026", "Tháng 13/2026"] {
        let (_tmp, content, plan) = site_with_deadline(words);
        let (code, out) = check(&content);
        assert_eq!(code, 1, "{out}");
        let line = plan.lines().position(|l| l.contains(words)).unwrap() + 1;
        assert!(
            out.contains(&format!("van-ban/kh.yaml:{line}:25: Thời hạn \"{words}\" không đọc được thành một ngày cụ thể.")),
            "{out}"
        );
        assert!(
            out.contains("cách sửa: Viết theo một trong các dạng: `30/6/2026`")
                && out.contains("`Quý I/2026` hoặc `Quý 1 năm 2026`")
                && out.contains("`6 tháng đầu năm 2026`"),
            "{out}"
        );
    }
}

/// "file:line:col" of `value` on the first line of `text` containing `line_has`.
fn at(file: &str, text: &str, line_has: &str, value: &str) -> String {
    let (i, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(line_has))
        .unwrap_or_else(|| panic!("no line with {line_has:?}"));
    let byte = line
        .find(value)
        .unwrap_or_else(|| panic!("{value:?} in {line:?}"));
    let col = line[..byte].chars().count() + 1;
    format!("{file}:{}:{col}", i + 1)
}

/// `cchc check` on the Q1 fixture with `from` replaced by `to`: the output, which must fail.
fn refused(from: &str, to: &str) -> (String, String) {
    let q1 = Q1.replace(from, to);
    assert_ne!(q1, Q1, "{from:?} is in the fixture");
    let (_tmp, content) = site_with(&q1);
    let (code, out) = check(&content);
    assert_eq!(code, 1, "{out}");
    (q1, out)
}

const Q1_FILE: &str = "ket-qua/2026-q1.yaml";

#[test]
fn counts_beyond_any_commune_or_not_numbers_at_all_are_refused() {
    // 9.3e18 once printed as 0 and was still judged.
    let (q1, out) = refused("pakn_tiep_nhan: 0", "pakn_tiep_nhan: 9300000000000000000");
    let want = format!(
        "{}: Số liệu `pakn_tiep_nhan` là 9300000000000000000, vượt quá giới hạn 1.000.000.000.000.",
        at(Q1_FILE, &q1, "pakn_tiep_nhan", "93")
    );
    assert!(out.contains(&want), "{want}\n{out}");
    assert!(out.contains("cách sửa: Kiểm tra lại số này"), "{out}");

    let (q1, out) = refused("pakn_dung_han: 0", "pakn_dung_han: -1");
    let want = format!(
        "{}: Số liệu `pakn_dung_han` là số âm (-1).",
        at(Q1_FILE, &q1, "pakn_dung_han", "-1")
    );
    assert!(out.contains(&want), "{want}\n{out}");

    let (q1, out) = refused("pakn_tiep_nhan: 0", "pakn_tiep_nhan: .nan");
    let want = format!(
        "{}: Số liệu `pakn_tiep_nhan` là .nan, không phải một số.",
        at(Q1_FILE, &q1, "pakn_tiep_nhan", ".nan")
    );
    assert!(out.contains(&want), "{want}\n{out}");

    let (q1, out) = refused("ky-luat: 0", "ky-luat: .inf");
    let want = format!(
        "{}: Giá trị của chỉ tiêu `ky-luat` là .inf, không phải một số.",
        at(Q1_FILE, &q1, "ky-luat", ".inf")
    );
    assert!(out.contains(&want), "{want}\n{out}");

    let (q1, out) = refused("ky-luat: 0", "ky-luat: -2");
    assert!(
        out.contains(&format!(
            "{}: Giá trị của chỉ tiêu `ky-luat` là số âm (-2).",
            at(Q1_FILE, &q1, "ky-luat", "-2")
        )),
        "{out}"
    );

    // "2.500" is two thousand five hundred to a clerk and 2,5 to YAML.
    let (q1, out) = refused("pakn_tiep_nhan: 0", "pakn_tiep_nhan: 2.500");
    assert!(
        out.contains(&format!(
            "{}: Số liệu `pakn_tiep_nhan` là 2.5, không phải số nguyên.",
            at(Q1_FILE, &q1, "pakn_tiep_nhan", "2.500")
        )),
        "{out}"
    );
    assert!(
        out.contains("cách sửa: Số liệu là số đếm: viết số nguyên, không dùng dấu chấm ngăn cách hàng nghìn (nếu là 2.500 thì viết `2500`)."),
        "{out}"
    );
}

#[test]
fn a_share_above_its_whole_or_out_of_nothing_is_refused() {
    // Once 200 %, "Đạt" and full 766 points.
    let (q1, out) = refused(
        "  pakn_tiep_nhan: 0\n  pakn_dung_han: 0",
        "  pakn_tiep_nhan: 1\n  pakn_dung_han: 2",
    );
    let want = format!(
        "{}: Tử số `pakn_dung_han` là 2, lớn hơn mẫu số `pakn_tiep_nhan` là 1 (chỉ tiêu `pakn-dung-han`, thành phần 766 5.2): tỷ lệ sẽ vượt 100 %.",
        at(Q1_FILE, &q1, "pakn_dung_han", "2")
    );
    assert!(out.contains(&want), "{want}\n{out}");
    assert_eq!(out.matches("Tử số").count(), 1, "one error per pair: {out}");

    // Once "không phát sinh".
    let (q1, out) = refused("pakn_dung_han: 0", "pakn_dung_han: 2600");
    let want = format!(
        "{}: Mẫu số `pakn_tiep_nhan` bằng 0 nhưng tử số `pakn_dung_han` là 2.600 (chỉ tiêu `pakn-dung-han`, thành phần 766 5.2): \"không phát sinh\" chỉ dùng khi cả hai cùng bằng 0.",
        at(Q1_FILE, &q1, "pakn_dung_han", "2600")
    );
    assert!(out.contains(&want), "{want}\n{out}");

    // A pair only the 766 profile divides.
    let (q1, out) = refused(
        "  pakn_dung_han: 0",
        "  pakn_dung_han: 0\n  ho_so_tiep_nhan: 1300\n  ho_so_dung_han: 2600",
    );
    let want = format!(
        "{}: Tử số `ho_so_dung_han` là 2.600, lớn hơn mẫu số `ho_so_tiep_nhan` là 1.300 (thành phần 766 2.1)",
        at(Q1_FILE, &q1, "ho_so_dung_han", "2600")
    );
    assert!(out.contains(&want), "{want}\n{out}");

    // 0 ÷ 0 is still "không phát sinh" (the fixture as it is).
    let (_tmp, content) = site_with(Q1);
    assert_eq!(check(&content).0, 0);
}

#[test]
fn a_raw_count_may_not_shadow_a_form06_total() {
    let (q1, out) = refused("  pakn_dung_han: 0", "  pakn_dung_han: 0\n  b06_nhan: 5000");
    let table = q1
        .lines()
        .position(|l| l.contains("linh_vuc: Chứng thực"))
        .unwrap()
        + 1;
    let want = format!(
        "{}: Số liệu `b06_nhan` trùng tên với tổng Biểu 06 tính từ bảng `bieu_06` (dòng {table}): không biết dùng số nào.",
        at(Q1_FILE, &q1, "b06_nhan", "5000")
    );
    assert!(out.contains(&want), "{want}\n{out}");
    assert!(
        out.contains("cách sửa: Xóa `b06_nhan` khỏi `so_lieu`"),
        "{out}"
    );
}

#[test]
fn form06_figures_cannot_wrap_around() {
    // u64::MAX + 1 + 0 wrapped to 0 and "balanced" a stated total of 0.
    let (q1, out) = refused(
        "    nhan_tong: 1200\n    nhan_truc_tuyen: 500\n    nhan_truc_tiep: 680\n    nhan_ky_truoc: 20",
        "    nhan_tong: 0\n    nhan_truc_tuyen: 18446744073709551615\n    nhan_truc_tiep: 1\n    nhan_ky_truoc: 0",
    );
    let want = format!(
        "{}: Biểu 06, lĩnh vực \"Chứng thực\": `nhan_truc_tuyen` là 18446744073709551615, vượt quá giới hạn 1.000.000.000.000.",
        at(Q1_FILE, &q1, "nhan_truc_tuyen: 1844", "1844")
    );
    assert!(out.contains(&want), "{want}\n{out}");
    // Each figure in range, but the column adds up to more than any commune handles.
    let big = "    nhan_tong: 999999999620\n    nhan_truc_tuyen: 999999999600\n    nhan_truc_tiep: 0\n    nhan_ky_truoc: 20\n    da_giai_quyet: 999999999600\n    truoc_han: 999999999600\n    dung_han: 0\n    qua_han: 0\n    dang_giai_quyet: 20\n    dang_trong_han: 20";
    let (q1, out) = refused(
        "    nhan_tong: 1200\n    nhan_truc_tuyen: 500\n    nhan_truc_tiep: 680\n    nhan_ky_truoc: 20\n    da_giai_quyet: 1170\n    truoc_han: 1000\n    dung_han: 165\n    qua_han: 5\n    dang_giai_quyet: 30\n    dang_trong_han: 30",
        big,
    );
    let want = format!(
        "{}: Biểu 06: tổng cột `nhan_truc_tuyen` của các lĩnh vực vượt quá giới hạn 1.000.000.000.000.",
        at(Q1_FILE, &q1, "linh_vuc: Chứng thực", "Chứng")
    );
    assert!(out.contains(&want), "{want}\n{out}");
}

#[test]
fn targets_and_coefficients_must_be_usable_numbers() {
    let (_tmp, content) = site_with(Q1);
    let indicators = INDICATORS
        .replace(
            "cong_thuc: { tu_so: pakn_dung_han, mau_so: pakn_tiep_nhan }",
            "cong_thuc: { tu_so: pakn_dung_han, mau_so: pakn_tiep_nhan, he_so: 0 }",
        )
        .replace("ke_hoach: 99.9", "ke_hoach: .nan")
        .replace("ke_hoach: 0", "ke_hoach: -1");
    std::fs::write(content.join("ket-qua/chi-tieu.yaml"), &indicators).unwrap();
    let (code, out) = check(&content);
    assert_eq!(code, 1, "{out}");
    let file = "ket-qua/chi-tieu.yaml";
    for want in [
        format!(
            "{}: Hệ số (`he_so`) của chỉ tiêu `pakn-dung-han` là 0: hệ số phải là số dương.",
            at(file, &indicators, "he_so: 0", "0 }")
        ),
        format!(
            "{}: Kế hoạch (`ke_hoach`) của chỉ tiêu `ho-so-dung-han` là .nan, không phải một số.",
            at(file, &indicators, "ke_hoach: .nan", ".nan")
        ),
        format!(
            "{}: Kế hoạch (`ke_hoach`) của chỉ tiêu `ky-luat` là số âm (-1).",
            at(file, &indicators, "ke_hoach: -1", "-1")
        ),
    ] {
        assert!(out.contains(&want), "{want}\n{out}");
    }
    let negative = indicators.replace("he_so: 0 }", "he_so: -100 }");
    std::fs::write(content.join("ket-qua/chi-tieu.yaml"), &negative).unwrap();
    let (_, out) = check(&content);
    assert!(
        out.contains(
            "Hệ số (`he_so`) của chỉ tiêu `pakn-dung-han` là -100: hệ số phải là số dương."
        ),
        "{out}"
    );
}

#[test]
fn a_766_profile_with_impossible_values_is_refused() {
    let (_tmp, content) = site_with(Q1);
    let profile = r#"nhom:
  - ma: "2"
    ten: Tiến độ giải quyết
    thanh_phan:
      - { ma: "2.1", ten: "Đúng hạn", toi_da: -20, tu_so: ho_so_dung_han, mau_so: ho_so_tiep_nhan, khi_rong: khong }
      - { ma: "2.2", ten: "Thử", toi_da: 0, tu_so: a, mau_so: b, khi_rong: khong }
      - { ma: "5.4", ten: "Hài lòng", toi_da: 6, tu_so: c, mau_so: d, dat_toi_da: 1.5, khi_rong: khong }
      - { ma: "5.5", ten: "Khác", toi_da: 200, tu_so: e, mau_so: f, khi_rong: du }
"#;
    std::fs::write(content.join("ket-qua/thang-diem-766.yaml"), profile).unwrap();
    let (code, out) = check(&content);
    assert_eq!(code, 1, "{out}");
    let file = "ket-qua/thang-diem-766.yaml";
    for want in [
        format!(
            "{}: Điểm tối đa (`toi_da`) của thành phần 2.1 là số âm (-20).",
            at(file, profile, "\"2.1\"", "-20")
        ),
        format!(
            "{}: Điểm tối đa (`toi_da`) của thành phần 2.2 bằng 0.",
            at(file, profile, "\"2.2\"", "0,")
        ),
        format!(
            "{}: Ngưỡng đạt điểm tối đa (`dat_toi_da`) của thành phần 5.4 là 1.5, phải lớn hơn 0 và không quá 1.",
            at(file, profile, "\"5.4\"", "1.5")
        ),
        format!("{file}:1:1: Tổng điểm tối đa của các thành phần là 206, quá 100 điểm"),
    ] {
        assert!(out.contains(&want), "{want}\n{out}");
    }
}

#[test]
fn overlapping_periods_are_refused_naming_both_files() {
    // A half-year file beside its first quarter: Q1's figures would be counted twice.
    let (_tmp, content) = site_with(Q1);
    let h1 = Q1
        .replace("Quý I/2026", "6 tháng đầu năm 2026")
        .replace("2026-03-31", "2026-06-30");
    std::fs::write(content.join("ket-qua/2026-6-thang.yaml"), &h1).unwrap();
    let (code, out) = check(&content);
    assert_eq!(code, 1, "{out}");
    let want = format!(
        "{}: Kỳ báo cáo này (01/01/2026 – 30/06/2026) trùng thời gian với kỳ trong tệp ket-qua/2026-q1.yaml (01/01/2026 – 31/03/2026): số liệu của những ngày chung sẽ bị cộng hai lần vào lũy kế.",
        at("ket-qua/2026-6-thang.yaml", &h1, "tu_ngay", "2026")
    );
    assert!(out.contains(&want), "{want}\n{out}");
    assert!(
        out.contains("cách sửa: Mỗi khoảng thời gian chỉ nằm trong một tệp"),
        "{out}"
    );
    // Periods that follow one another are fine.
    let q2 = Q1
        .replace("Quý I/2026", "Quý II/2026")
        .replace("2026-01-01", "2026-04-01")
        .replace("2026-03-31", "2026-06-30");
    std::fs::remove_file(content.join("ket-qua/2026-6-thang.yaml")).unwrap();
    std::fs::write(content.join("ket-qua/2026-q2.yaml"), &q2).unwrap();
    let (code, out) = check(&content);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn period_files_need_distinct_non_empty_page_names() {
    let (_tmp, content) = site_with(Q1);
    // Same page once folded; a later quarter so that only the names clash.
    let q2 = Q1
        .replace("Quý I/2026", "Quý II/2026")
        .replace("2026-01-01", "2026-04-01")
        .replace("2026-03-31", "2026-06-30");
    std::fs::write(content.join("ket-qua/2026-Q1.yaml"), &q2).unwrap();
    let (code, out) = check(&content);
    assert_eq!(code, 1, "{out}");
    let want = "ket-qua/2026-q1.yaml:1:1: Tệp này và tệp ket-qua/2026-Q1.yaml cùng thành trang `ket-qua/2026-q1.html`";
    assert!(out.contains(want), "{want}\n{out}");
    assert!(out.contains("cách sửa: Mỗi kỳ báo cáo một tệp"), "{out}");

    // A name with no letter or digit left.
    std::fs::remove_file(content.join("ket-qua/2026-Q1.yaml")).unwrap();
    std::fs::rename(
        content.join("ket-qua/2026-q1.yaml"),
        content.join("ket-qua/--.yaml"),
    )
    .unwrap();
    let (code, out) = check(&content);
    assert_eq!(code, 1, "{out}");
    let want =
        "ket-qua/--.yaml:1:1: Tên tệp \"--.yaml\" không cho ra được tên trang của kỳ báo cáo";
    assert!(out.contains(want), "{want}\n{out}");
    assert!(
        out.contains("cách sửa: Đổi tên tệp theo kỳ báo cáo, ví dụ `2026-q1.yaml`"),
        "{out}"
    );
}

#[test]
fn periods_sharing_only_one_day_overlap() {
    // Q2 written from 31 March, Q1's last day: that day's figures would count twice.
    let (_tmp, content) = site_with(Q1);
    let q2 = Q1
        .replace("Quý I/2026", "Quý II/2026")
        .replace("2026-01-01", "2026-03-31")
        .replace("2026-03-31\nke_hoach", "2026-06-30\nke_hoach");
    assert!(
        q2.contains("tu_ngay: 2026-03-31\nden_ngay: 2026-06-30"),
        "{q2}"
    );
    std::fs::write(content.join("ket-qua/2026-q2.yaml"), &q2).unwrap();
    let (code, out) = check(&content);
    assert_eq!(code, 1, "{out}");
    let want = format!(
        "{}: Kỳ báo cáo này (31/03/2026 – 30/06/2026) trùng thời gian với kỳ trong tệp ket-qua/2026-q1.yaml (01/01/2026 – 31/03/2026)",
        at("ket-qua/2026-q2.yaml", &q2, "tu_ngay", "2026")
    );
    assert!(out.contains(&want), "{want}\n{out}");
}

#[test]
fn a_fraction_that_is_no_number_typed_with_a_thousands_point_gets_no_invented_fix() {
    // 1.2345 is not 1.234 with a thousands point: the hint must not suggest `1234`.
    let (q1, out) = refused("pakn_tiep_nhan: 0", "pakn_tiep_nhan: 1.2345");
    let want = format!(
        "{}: Số liệu `pakn_tiep_nhan` là 1.2345, không phải số nguyên.",
        at(Q1_FILE, &q1, "pakn_tiep_nhan", "1.2345")
    );
    assert!(out.contains(&want), "{want}\n{out}");
    assert!(
        out.contains(
            "cách sửa: Số liệu là số đếm (hồ sơ, thủ tục, văn bản): viết số nguyên, ví dụ `2150`."
        ),
        "{out}"
    );
    assert!(!out.contains("nếu là"), "{out}");
}

#[test]
fn a_count_of_exactly_the_limit_is_accepted() {
    // The limit is 1.000.000.000.000: a figure above it is refused, the limit itself is not.
    let (_tmp, content) =
        site_with(&Q1.replace("pakn_tiep_nhan: 0", "pakn_tiep_nhan: 1000000000000"));
    let (code, out) = check(&content);
    assert_eq!(code, 0, "{out}");
    // A Biểu 06 figure at the limit, its row balanced.
    let (head, rest) = Q1.split_once("bieu_06:").unwrap();
    let (_, tail) = rest.split_once("nhiem_vu:").unwrap();
    let q1 = format!(
        "{head}bieu_06:
  - linh_vuc: Chứng thực
    nhan_truc_tuyen: 1000000000000
    nhan_truc_tiep: 0
    nhan_ky_truoc: 0
    truoc_han: 1000000000000
    dung_han: 0
    qua_han: 0
    dang_trong_han: 0
    dang_qua_han: 0
nhiem_vu:{tail}"
    );
    std::fs::write(content.join(Q1_FILE), &q1).unwrap();
    let (code, out) = check(&content);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn only_a_percentage_refuses_a_part_above_its_whole() {
    // A % indicator of the office's own (no 766 component divides these counts) and a
    // ratio that is not a share (dossiers per official).
    let indicators = format!(
        "{INDICATORS}  - ma: van-ban-dien-tu
    ten: Tỷ lệ văn bản đi gửi điện tử
    don_vi: \"%\"
    chieu: \">=\"
    ke_hoach: 90
    cong_thuc: {{ tu_so: van_ban_dien_tu, mau_so: van_ban_di }}
  - ma: ho-so-moi-cong-chuc
    ten: Hồ sơ bình quân mỗi công chức
    don_vi: hồ sơ
    chieu: \">=\"
    ke_hoach: 100
    cong_thuc: {{ tu_so: ho_so_xu_ly, mau_so: cong_chuc }}
"
    );
    let with = |counts: &str| {
        Q1.replace(
            "  pakn_dung_han: 0",
            &format!("  pakn_dung_han: 0\n{counts}"),
        )
    };
    let q1 = with("  van_ban_dien_tu: 120\n  van_ban_di: 100\n  ho_so_xu_ly: 2130\n  cong_chuc: 5");
    let (_tmp, content) = site_with(&q1);
    std::fs::write(content.join("ket-qua/chi-tieu.yaml"), &indicators).unwrap();
    let (code, out) = check(&content);
    assert_eq!(code, 1, "{out}");
    let want = format!(
        "{}: Tử số `van_ban_dien_tu` là 120, lớn hơn mẫu số `van_ban_di` là 100 (chỉ tiêu `van-ban-dien-tu`): tỷ lệ sẽ vượt 100 %.",
        at(Q1_FILE, &q1, "van_ban_dien_tu", "120")
    );
    assert!(out.contains(&want), "{want}\n{out}");
    assert_eq!(
        out.matches("Tử số").count(),
        1,
        "426 dossiers per official is no error: {out}"
    );
    // Every letter sent electronically is 100 %, not above it.
    let q1 = with("  van_ban_dien_tu: 100\n  van_ban_di: 100\n  ho_so_xu_ly: 2130\n  cong_chuc: 5");
    std::fs::write(content.join(Q1_FILE), &q1).unwrap();
    let (code, out) = check(&content);
    assert_eq!(code, 0, "{out}");
}
