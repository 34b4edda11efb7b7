//! Quarterly results: targets, periods, Biểu 06 invariants, task statuses, on real content.

mod common;

use common::results::*;
use common::*;

#[test]
fn valid_results_compute_against_hand_worked_figures() {
    let (_tmp, content) = site_with(Q1);
    let (code, out) = check(&content);
    assert_eq!(code, 0, "{out}");
    let loaded = cchc::content::load(&content, &cchc::content::Coverage::any()).unwrap();
    let results = loaded.site.results.expect("results loaded");
    let q1 = &results.periods[0];
    let on_time = &results.indicators[0];
    // Biểu 06 sums: nhận 1.200 + 950 = 2.150; đúng hạn (1.000 + 165 + 30) + (690 + 227 + 29) = 2.141.
    let f = cchc::results::value(on_time, q1);
    assert_eq!(f.text, "99,58");
    assert_eq!(f.formula.as_deref(), Some("2.141 ÷ 2.150 × 100"));
    assert_eq!(cchc::results::met(on_time, &f), Some(false));
    let pakn = cchc::results::value(&results.indicators[1], q1);
    assert_eq!(pakn.text, "không phát sinh");
    let discipline = cchc::results::value(&results.indicators[2], q1);
    assert_eq!(
        cchc::results::met(&results.indicators[2], &discipline),
        Some(true)
    );
    let groups = cchc::results::score::period(&results.profile, q1);
    let g2 = groups.iter().find(|g| g.code == "2").unwrap();
    assert_eq!(
        g2.components[0].points, None,
        "2.1 needs ho_so_dung_han, not given here"
    );
    assert_eq!(
        q1.tasks["1.1"].status,
        cchc::results::TaskStatus::InProgress
    );
}

#[test]
fn a_broken_form06_row_names_the_line_and_the_numbers() {
    let q1 = Q1.replace("    nhan_tong: 1200", "    nhan_tong: 1210");
    let (_tmp, content) = site_with(&q1);
    let (code, out) = check(&content);
    assert_eq!(code, 1);
    let line = q1
        .lines()
        .position(|l| l.contains("nhan_tong: 1210"))
        .unwrap()
        + 1;
    assert!(
        out.contains(&format!("ket-qua/2026-q1.yaml:{line}:")),
        "{out}"
    );
    assert!(
        out.contains("số hồ sơ nhận 1.210 ≠ trực tuyến 500 + trực tiếp, bưu chính 680 + kỳ trước 20 (= 1.200)"),
        "{out}"
    );
    // A row without totals still has to balance: nhận = đã giải quyết + đang giải quyết.
    let q1 = Q1.replace("    dang_qua_han: 1", "    dang_qua_han: 4");
    let (_tmp, content) = site_with(&q1);
    let (code, out) = check(&content);
    assert_eq!(code, 1);
    assert!(
        out.contains("số hồ sơ nhận 950 ≠ đã giải quyết 920 + đang giải quyết 33 (= 953)"),
        "{out}"
    );
    let q1 = Q1.replace("    da_giai_quyet: 1170", "    da_giai_quyet: 1171");
    let (_tmp, content) = site_with(&q1);
    let (_, out) = check(&content);
    assert!(
        out.contains("đã giải quyết 1.171 ≠ trước hạn 1.000 + đúng hạn 165 + quá hạn 5 (= 1.170)"),
        "{out}"
    );
}

#[test]
fn unknown_indicator_task_and_status_are_errors() {
    let q1 = Q1.replace("  ky-luat: 0", "  ky-luatt: 0").replace(
        "\"1.1\": { tinh_trang: dang-thuc-hien",
        "\"1.9\": { tinh_trang: xong",
    );
    let (_tmp, content) = site_with(&q1);
    let (code, out) = check(&content);
    assert_eq!(code, 1);
    assert!(
        out.contains("`ky-luatt`") && out.contains("Có phải ý bạn là `ky-luat`?"),
        "{out}"
    );
    assert!(out.contains("không có nhiệm vụ mã \"1.9\""), "{out}");
    assert!(
        out.contains("`tinh_trang: xong` không phải giá trị dùng được.")
            && out.contains("`tinh_trang: hoan-thanh`, `tinh_trang: dang-thuc-hien`"),
        "{out}"
    );
    // A value for an indicator that is computed from counts.
    let q1 = Q1.replace("  ky-luat: 0", "  ky-luat: 0\n  pakn-dung-han: 100");
    let (_tmp, content) = site_with(&q1);
    let (code, out) = check(&content);
    assert_eq!(code, 1);
    assert!(out.contains("được tính theo công thức"), "{out}");
}

#[test]
fn results_page_downloads_and_late_tasks() {
    let tmp = tempfile::tempdir().unwrap();
    // The task 1.1 was due in February and is still in progress at the end of March: late.
    let plan = PLAN.replace("thoi_han: 2026-12-31", "thoi_han: 2026-02-15");
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", &plan)]);
    std::fs::create_dir_all(content.join("ket-qua")).unwrap();
    std::fs::write(content.join("ket-qua/chi-tieu.yaml"), INDICATORS).unwrap();
    std::fs::write(content.join("ket-qua/2026-q1.yaml"), Q1).unwrap();
    let out = tmp.path().join("output");
    build_into(&content, &out).expect("builds");

    let page = std::fs::read_to_string(out.join("ket-qua/2026-q1.html")).unwrap();
    assert!(page.contains("Kết quả cải cách hành chính Quý I/2026"));
    assert!(
        page.contains("99,58") && page.contains("= 2.141 ÷ 2.150 × 100"),
        "value with its formula"
    );
    assert!(page.contains("không phát sinh"), "no PAKN: not a silent 0");
    assert!(page.contains("<span class=\"not-met\">Chưa đạt</span>"));
    assert!(page.contains("<svg viewBox"), "charts drawn at build time");
    assert!(
        page.contains("Nhiệm vụ chậm so với thời hạn") && page.contains("<strong>1.1</strong>"),
        "late task listed"
    );
    assert!(
        page.contains("Trần Thị Hoa (Công chức Văn phòng - Thống kê)"),
        "progress by official"
    );
    assert_eq!(
        page.matches("<script").count(),
        1,
        "only the deferred enhancement script"
    );
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        index.contains("href=\"ket-qua/2026-q1.html\""),
        "the current period at a glance"
    );
    // The one-file page carries its CSS and charts inline and loads nothing.
    let one = std::fs::read_to_string(out.join("ket-qua/2026-q1-mot-tep.html")).unwrap();
    assert!(one.contains("<style>") && one.contains("<svg viewBox") && one.contains("99,58"));
    assert!(
        !one.contains("stylesheet") && !one.contains("<script") && !one.contains("src="),
        "self-contained"
    );

    let csv = std::fs::read(out.join("ket-qua/2026-q1/chi-tieu.csv")).unwrap();
    assert!(
        csv.starts_with("\u{feff}Mã,Chỉ tiêu".as_bytes()),
        "UTF-8 with BOM for Excel"
    );
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.contains(
            "ho-so-dung-han,\"Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn\",%,\"≥ 99,9\",\"99,58\""
        ),
        "{csv}"
    );
    let b06 =
        String::from_utf8(std::fs::read(out.join("ket-qua/2026-q1/bieu-06.csv")).unwrap()).unwrap();
    assert!(
        b06.contains("Tổng cộng,2.150,950,1.160,40,2.090,1.690,392,8,60,59,1"),
        "{b06}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("ket-qua/2026-q1/nhiem-vu.json")).unwrap())
            .unwrap();
    assert_eq!(json[0]["code"], "1.1");
    assert_eq!(json[0]["late"], true);
    assert_eq!(json[0]["status"], "Chậm");
}

const REPORT: &str = r#"loai: bao-cao
so: 15
ngay: 2026-04-03
trich_yeu: Kết quả thực hiện công tác cải cách hành chính quý I năm 2026
kinh_gui: [Sở Nội vụ tỉnh Thái Nguyên]
ky_bao_cao: 2026-q1
noi_dung: |
  # Kết quả thực hiện

  Kết quả chi tiết tại các Phụ lục kèm theo.
noi_nhan: [Như trên, "Lưu: VT, VP"]
nguoi_ky: { chuc_danh: [TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH], can_bo: chu-tich }
"#;

#[test]
fn the_quarterly_report_carries_the_period_tables() {
    let (_tmp, content) = site_with(Q1);
    std::fs::write(content.join("van-ban/bc.yaml"), REPORT).unwrap();
    let r = render(&content);
    let report = r.site.documents.iter().find(|d| d.slug == "bc").unwrap();
    let labels: Vec<&str> = report.appendices.iter().map(|a| a.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Phụ lục I", "Phụ lục II", "Phụ lục III", "Phụ lục IV"]
    );
    let (_, _, insp) = r.docs.iter().find(|d| d.0 == "bc").unwrap();
    let lines = insp.lines(12.0);
    let page_of = |t: &str| {
        lines
            .iter()
            .find(|l| l.text == t)
            .unwrap_or_else(|| panic!("{t:?}"))
            .page
    };
    let b06 = page_of("Phụ lục I");
    assert!(
        insp.pages[b06 - 1].width > insp.pages[b06 - 1].height,
        "Biểu 06 is landscape"
    );
    // Two-level header: the group spans its four columns and sits above them.
    let group = insp
        .runs
        .iter()
        .find(|r| r.page == b06 && r.text.contains("Số hồ sơ nhận giải quyết"))
        .unwrap();
    let online = insp
        .runs
        .iter()
        .find(|r| r.page == b06 && r.text == "Tổng số")
        .unwrap();
    assert!(group.y < online.y && group.bold && online.bold);
    // The totals row: 2.150 received, 2.090 resolved, 60 pending.
    let rows = insp.lines(1000.0);
    let total = rows
        .iter()
        .find(|l| l.page >= b06 && l.text.contains("Tổng cộng"))
        .expect("totals row");
    assert!(
        total.text.contains("2.150") && total.text.contains("2.090"),
        "{}",
        total.text
    );
    // The indicator table shows the rate with its formula, and the 766 table the rule.
    let all: String = lines
        .iter()
        .filter(|l| l.page > b06)
        .map(|l| l.text.clone())
        .collect::<Vec<_>>()
        .join(" ");
    let squeezed: String = all.split_whitespace().collect();
    assert!(
        squeezed.contains("99,58(2.141÷2.150×") && all.contains("Chưa đạt"),
        "{all}"
    );
    assert!(squeezed.contains("khôngphátsinh"));
    assert!(page_of("Phụ lục IV") > page_of("Phụ lục III"));
    // A period that does not exist is an error naming the line.
    let bad = REPORT.replace("ky_bao_cao: 2026-q1", "ky_bao_cao: 2026-q9");
    std::fs::write(content.join("van-ban/bc.yaml"), &bad).unwrap();
    let (code, out) = check(&content);
    assert_eq!(code, 1);
    assert!(
        out.contains("bc.yaml:6:")
            && out.contains("Không có kỳ báo cáo `2026-q9`")
            && out.contains("2026-q1"),
        "{out}"
    );
}

#[test]
fn demo_results_cover_the_year() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("output");
    build_into(&root().join("content"), &out).expect("demo builds");
    let loaded =
        cchc::content::load(&root().join("content"), &cchc::content::Coverage::any()).unwrap();
    let results = loaded.site.results.expect("demo has results");
    assert_eq!(results.indicators.len(), 22);
    assert_eq!(results.periods.len(), 4);
    // Each quarter carries over what the previous one left pending.
    for pair in results.periods.windows(2) {
        let before = cchc::results::Form06Row::total(&pair[0].form06);
        let after = cchc::results::Form06Row::total(&pair[1].form06);
        assert_eq!(
            after.carried,
            before.pending(),
            "{} → {}",
            pair[0].label,
            pair[1].label
        );
    }
    let q4 = std::fs::read_to_string(out.join("ket-qua/2026-q4.html")).unwrap();
    for q in [
        "Quý I/2026: ",
        "Quý II/2026: ",
        "Quý III/2026: ",
        "Quý IV/2026: ",
    ] {
        assert!(q4.contains(q), "the year's chart names {q}");
    }
    let q3 = std::fs::read_to_string(out.join("ket-qua/2026-q3.html")).unwrap();
    let late = q3
        .split("Nhiệm vụ chậm so với thời hạn")
        .nth(1)
        .unwrap()
        .split("</ul>")
        .next()
        .unwrap();
    assert!(
        late.contains("<strong>2.1.1</strong>") && late.contains("<strong>6.2.1</strong>"),
        "{late}"
    );
    for q in 1..=4 {
        for f in [
            "chi-tieu.csv",
            "chi-tieu.json",
            "bieu-06.csv",
            "nhiem-vu.csv",
            "diem-766.csv",
        ] {
            assert!(
                out.join(format!("ket-qua/2026-q{q}/{f}")).is_file(),
                "q{q} {f}"
            );
        }
    }
}

#[test]
fn evidence_pointing_at_a_broken_document_is_not_reported_twice() {
    let q1 = Q1.replace(
        "ghi_chu: Đang triển khai }",
        "ghi_chu: Đang triển khai, minh_chung: van-ban/cv.pdf }",
    );
    let (_tmp, content) = site_with(&q1);
    // The công văn the evidence points at has an error of its own: an impossible date.
    let cv = "loai: cong-van\nso: 7\ndon_vi_soan_thao: VP\nngay: 2026-02-30\ntrich_yeu: Thử\nkinh_gui: [Các thôn]\nnoi_dung: Nội dung.\nnoi_nhan: [Như trên, \"Lưu: VT, VP\"]\nnguoi_ky: { chuc_danh: [CHỦ TỊCH], can_bo: chu-tich }\n";
    std::fs::write(content.join("van-ban/cv.yaml"), cv).unwrap();
    let (code, out) = check(&content);
    assert_eq!(code, 1);
    assert!(out.contains("2026-02-30"), "{out}");
    assert!(
        !out.contains("Minh chứng"),
        "no second report about the same document: {out}"
    );
    // A link to no document at all is still reported.
    let q1 = q1.replace("van-ban/cv.pdf", "van-ban/khong-co.pdf");
    std::fs::write(content.join("ket-qua/2026-q1.yaml"), q1).unwrap();
    let (_, out) = check(&content);
    assert!(out.contains("Minh chứng \"van-ban/khong-co.pdf\""), "{out}");
}

/// Issue 9: Biểu 06 sized by its content as the other tables are. Its number columns are
/// equal under each group title, the lĩnh vực column holds its names on one line, and no
/// header cell takes more than three lines (at the old fixed widths, "Trực tiếp, dịch vụ
/// bưu chính" took five).
#[test]
fn form06_is_sized_by_its_content_with_a_short_header() {
    let r = render(&root().join("content"));
    let (_, _, insp) = r
        .docs
        .iter()
        .find(|d| d.0 == "bao-cao-cchc-quy-1-2026")
        .unwrap();
    let lines = insp.lines(3.0);
    let attached = lines
        .iter()
        .find(|l| l.text.starts_with("(Kèm theo Báo cáo"))
        .expect("the appendix line");
    let page = attached.page;
    let first = lines
        .iter()
        .find(|l| l.page == page && l.text == "Chứng thực")
        .expect("the first row");
    let t = table_on_page(insp, page, attached.y, first.y);
    assert!(
        t.header_lines <= 3,
        "header cells on {} lines",
        t.header_lines
    );
    let w = t.widths();
    assert_eq!(w.len(), 13, "{:?}", t.borders);
    let (left, right) = print_area(insp.pages[page - 1].width);
    assert!(t.borders[0] >= left - 0.5 && t.borders[13] <= right + 0.5);
    for group in [&w[2..6], &w[6..10], &w[10..13]] {
        assert!(
            group.iter().all(|x| (x - group[0]).abs() < 0.5),
            "unequal under one title: {w:?}"
        );
    }
    for name in ["Người có công", "Bảo trợ xã hội", "Hộ kinh doanh"] {
        assert!(
            lines.iter().any(|l| l.page == page && l.text == name),
            "{name:?} wraps"
        );
    }
}

/// The period's tasks come from the plan it names (not the first plan of the site), a
/// group heading is no task, and done and late are told apart: a reported task in progress
/// past its deadline is late, a task nobody reported on is "Chưa báo cáo" and not late.
#[test]
fn tasks_are_those_of_the_named_plan_each_done_late_or_unreported() {
    let tmp = tempfile::tempdir().unwrap();
    let plan = PLAN.replace(
        r#"          tieu_chi:
            - ma: "1.1"
              noi_dung: Tiêu chí một
              yeu_cau: Đạt 100%
              thoi_han: 2026-12-31"#,
        r#"          tieu_chi:
            - ma: "1"
              noi_dung: Nhóm tiêu chí
            - ma: "1.1"
              noi_dung: Tiêu chí một
              yeu_cau: Đạt 100%
              thoi_han: 2026-02-15
              chu_tri: VP
              tham_muu: [vp-hoa]
            - ma: "1.2"
              noi_dung: Tiêu chí hai
              yeu_cau: Đạt 100%
              thoi_han: 2026-02-15
              chu_tri: VP
              tham_muu: [vp-hoa]
            - ma: "1.3"
              noi_dung: Tiêu chí ba
              yeu_cau: Đạt 100%
              thoi_han: 2026-02-15"#,
    );
    assert_ne!(plan, PLAN);
    // An older plan, first in every order, with a task of its own.
    let old = PLAN
        .replace("so: 3", "so: 1")
        .replace("ngay: 2026-02-03", "ngay: 2025-01-10")
        .replace("ma: \"1.1\"", "ma: \"9.1\"");
    let content = write_content(
        tmp.path(),
        ISSUER,
        &[("a-kh-cu.yaml", &old), ("kh.yaml", &plan)],
    );
    std::fs::create_dir_all(content.join("ket-qua")).unwrap();
    std::fs::write(content.join("ket-qua/chi-tieu.yaml"), INDICATORS).unwrap();
    let q1 = Q1.replace(
        r#"  "1.1": { tinh_trang: dang-thuc-hien, ghi_chu: Đang triển khai }"#,
        r#"  "1.1": { tinh_trang: dang-thuc-hien, ghi_chu: Đang triển khai }
  "1.2": { tinh_trang: hoan-thanh }"#,
    );
    assert_ne!(q1, Q1);
    std::fs::write(content.join("ket-qua/2026-q1.yaml"), q1).unwrap();
    let out = tmp.path().join("output");
    build_into(&content, &out).expect("builds");

    let json = std::fs::read_to_string(out.join("ket-qua/2026-q1/nhiem-vu.json")).unwrap();
    let tasks: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let rows: Vec<(&str, &str, bool, bool)> = tasks
        .iter()
        .map(|t| {
            (
                t["code"].as_str().unwrap(),
                t["status"].as_str().unwrap(),
                t["done"].as_bool().unwrap(),
                t["late"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("1.1", "Chậm", false, true),
            ("1.2", "Hoàn thành", true, false),
            ("1.3", "Chưa báo cáo", false, false),
        ]
    );
    // By lĩnh vực: 1 of 3 done, 1 late, 33 %.
    let page = std::fs::read_to_string(out.join("ket-qua/2026-q1.html")).unwrap();
    assert!(
        page.contains(
            "<td class=\"num\">1/3</td><td class=\"num\">1</td><td class=\"num\">33</td>"
        ),
        "{page}"
    );
}

/// NĐ 09/2019/NĐ-CP cut-off dates: quý I runs 15/12/2025–14/3/2026 and belongs to 2026, so
/// the year to date of quý II adds both quarters, on the page and in the data files, as it
/// does for calendar quarters.
#[test]
fn a_year_cut_off_on_15_december_adds_up_from_its_first_quarter() {
    let csv_of = |q1_from: &str, q1_to: &str, q2_from: &str, q2_to: &str| {
        let q1 = Q1
            .replace("tu_ngay: 2026-01-01", &format!("tu_ngay: {q1_from}"))
            .replace("den_ngay: 2026-03-31", &format!("den_ngay: {q1_to}"));
        let (tmp, content) = site_with(&q1);
        let q2 = q1
            .replace("Quý I/2026", "Quý II/2026")
            .replace(
                &format!("tu_ngay: {q1_from}"),
                &format!("tu_ngay: {q2_from}"),
            )
            .replace(&format!("den_ngay: {q1_to}"), &format!("den_ngay: {q2_to}"));
        std::fs::write(content.join("ket-qua/2026-q2.yaml"), q2).unwrap();
        let out = tmp.path().join("output");
        build_into(&content, &out).expect("builds");
        std::fs::read_to_string(out.join("ket-qua/2026-q2/chi-tieu.csv")).unwrap()
    };
    let cut_off = csv_of("2025-12-15", "2026-03-14", "2026-03-15", "2026-06-14");
    // The same Biểu 06 twice. Received in the year: 2 × 2.110 new + the 40 carried into
    // quý I = 4.260; on time: 2 × 2.082 resolved in time + the 59 still in time at the end
    // of quý II = 4.223; 4.223 ÷ 4.260 = 99,13 %.
    assert!(
        cut_off.contains("\"99,58\",2.141 ÷ 2.150 × 100,\"99,13\""),
        "{cut_off}"
    );
    assert!(!cut_off.contains("chưa có số liệu,"), "{cut_off}");
    let calendar = csv_of("2026-01-01", "2026-03-31", "2026-04-01", "2026-06-30");
    assert_eq!(cut_off, calendar);
}
