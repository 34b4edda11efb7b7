//! Document kinds beyond the plan: ký hiệu per kind, Kính gửi rules, quyết định preamble,
//! độ khẩn, several appendices with their own numbering.

mod common;

use common::nd30::{self, MT};
use common::*;

const REPORT: &str = r#"loai: to-trinh
so: 2
ngay: 2026-03-09
trich_yeu: Đề nghị phê duyệt danh mục thủ tục hành chính
kinh_gui: [Ủy ban nhân dân tỉnh]
do_khan: hoa-toc
noi_dung: |
  Ủy ban nhân dân xã kính trình.

  (Có Phụ lục I, Phụ lục II kèm theo)
noi_nhan: [Như trên, "Lưu: VT, VP"]
nguoi_ky:
  chuc_danh: ["TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH"]
  can_bo: chu-tich
phu_luc:
  - tieu_de: Danh mục thứ nhất
    bang:
      cot: [STT, Tên thủ tục]
      dong:
        - ["1", "Đăng ký khai sinh"]
  - tieu_de: Danh mục thứ hai
    huong: ngang
    noi_dung: |
      # Ghi chú

      Nội dung **đậm** của phụ lục.
"#;

#[test]
fn submission_ky_hieu_keeps_its_mixed_case_code_and_appendices_are_numbered() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("tt.yaml", REPORT)]);
    let r = render(&content);
    let doc = &r.site.documents[0];
    assert_eq!(doc.reference, "02/TTr-UBND");
    let (_, pdf, insp) = &r.docs[0];
    // The sixth kind: the whole checklist and the fonts of the file (item 2).
    let mut failures = check_nd30(
        &r.site,
        doc,
        insp,
        &Header {
            reference: "02/TTr-UBND",
            date_line: "Thử Nghiệm, ngày 09 tháng 3 năm 2026",
            kind_title: Some("TỜ TRÌNH"),
            attached: Some(
                "(Kèm theo Tờ trình số 02/TTr-UBND ngày 09 tháng 3 năm 2026 của Ủy ban nhân dân xã Thử Nghiệm)",
            ),
        },
    );
    failures.extend(check_pdf_fonts(pdf));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let lines = insp.lines(12.0);
    let find = |t: &str| {
        lines
            .iter()
            .find(|l| l.text == t)
            .unwrap_or_else(|| panic!("{t:?} printed"))
    };
    find("Số: 02/TTr-UBND");
    find("TỜ TRÌNH");
    find("Kính gửi: Ủy ban nhân dân tỉnh.");
    find("Q. CHỦ TỊCH");

    // Độ khẩn: bold red capitals of the decree's size, beside the Số, above the body.
    let stamp = insp
        .runs
        .iter()
        .find(|r| r.text == "HỎA TỐC")
        .expect("stamp printed");
    assert!(
        stamp.bold && !stamp.black && (13.0..=14.0).contains(&stamp.size),
        "{stamp:?}"
    );
    assert!(stamp.center() < nd30::XC);
    // Its frame: 30 × 8 mm for HỎA TỐC (nd30.md §8), around the word.
    let frame = insp
        .frames
        .iter()
        .find(|f| {
            f.x <= stamp.x
                && f.x + f.width >= stamp.right()
                && f.y <= stamp.y
                && f.y + f.height >= stamp.y
        })
        .expect("a frame around the stamp");
    assert!(
        (frame.width - 30.0 * nd30::MM).abs() < 0.5 && (frame.height - 8.0 * nd30::MM).abs() < 0.5,
        "{frame:?}"
    );

    // Two appendices: "Phụ lục I" portrait, "Phụ lục II" landscape, each numbered from 1.
    let app1 = lines
        .iter()
        .find(|l| l.text == "Phụ lục I")
        .expect("Phụ lục I")
        .page;
    let app2 = lines
        .iter()
        .find(|l| l.text == "Phụ lục II")
        .expect("Phụ lục II")
        .page;
    assert!(app2 > app1);
    assert!(
        insp.pages[app1 - 1].width < insp.pages[app1 - 1].height,
        "Phụ lục I is portrait"
    );
    assert!(
        insp.pages[app2 - 1].width > insp.pages[app2 - 1].height,
        "Phụ lục II is landscape"
    );
    let numbers_on = |p: usize| -> Vec<String> {
        lines
            .iter()
            .filter(|l| l.page == p && l.y <= MT && l.text.chars().all(|c| c.is_ascii_digit()))
            .map(|l| l.text.clone())
            .collect()
    };
    assert!(
        numbers_on(app1).is_empty() && numbers_on(app2).is_empty(),
        "no number on a phụ lục's first page"
    );
    find("I. GHI CHÚ");
    let bold = insp.runs.iter().find(|r| r.text.contains("đậm")).unwrap();
    assert!(bold.bold, "Markdown emphasis inside an appendix");
    let cell = insp
        .runs
        .iter()
        .find(|r| r.text == "Đăng ký khai sinh")
        .expect("table cell");
    assert!(
        insp.runs
            .iter()
            .any(|r| r.text == "1" && (r.y - cell.y).abs() < 1.0 && r.x < cell.x)
    );
}

#[test]
fn kinh_gui_rules_per_kind() {
    // A công văn must have Kính gửi; a plan must not.
    let cv = PLAN
        .replace("loai: ke-hoach", "loai: cong-van\ndon_vi_soan_thao: VP")
        .replace("phu_luc:", "phu_luc_bo:");
    let cv = cv.split("phu_luc_bo:").next().unwrap().to_string();
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("cv.yaml", &cv)]);
    let (code, _, err) = cchc(
        &["check", "--content", content.to_str().unwrap()],
        tmp.path(),
    );
    assert_eq!(code, 1);
    assert!(err.contains("cần có Kính gửi"), "{err}");

    let plan = PLAN.replace(
        "trich_yeu: Thử nghiệm",
        "trich_yeu: Thử nghiệm\nkinh_gui: [UBND tỉnh]",
    );
    let content = write_content(&tmp.path().join("b"), ISSUER, &[("kh.yaml", &plan)]);
    let (code, _, err) = cchc(
        &["check", "--content", content.to_str().unwrap()],
        tmp.path(),
    );
    assert_eq!(code, 1);
    assert!(err.contains("không ghi Kính gửi"), "{err}");
}

#[test]
fn a_cong_van_has_no_type_code() {
    let cv = r#"loai: cong-van
so: 7
ky_hieu: CV-UBND
ngay: 2026-02-03
trich_yeu: Thử
kinh_gui: [Các thôn]
noi_dung: Nội dung.
noi_nhan: [Như trên, "Lưu: VT, VP"]
nguoi_ky: { chuc_danh: [CHỦ TỊCH], can_bo: chu-tich }
"#;
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("cv.yaml", cv)]);
    let (code, _, err) = cchc(
        &["check", "--content", content.to_str().unwrap()],
        tmp.path(),
    );
    assert_eq!(code, 1);
    assert!(err.contains("cv.yaml:3:"), "{err}");
    assert!(err.contains("công văn không có mã loại"), "{err}");
    // Without ky_hieu and without a drafting unit the tool asks for the unit.
    let cv = cv.replace("ky_hieu: CV-UBND\n", "");
    std::fs::write(content.join("van-ban/cv.yaml"), &cv).unwrap();
    let (code, _, err) = cchc(
        &["check", "--content", content.to_str().unwrap()],
        tmp.path(),
    );
    assert_eq!(code, 1);
    assert!(err.contains("don_vi_soan_thao: VP"), "{err}");
}

#[test]
fn drafter_code_and_contact_block() {
    let issuer = format!(
        "{ISSUER}lien_he:\n  dia_chi: Thôn Đông, xã Thử Nghiệm\n  dien_thoai: \"0208 3 111 222\"\n  email: ubnd@example.gov.vn\n"
    );
    let plan = PLAN.replace(
        "nguoi_ky:",
        "ky_hieu_nguoi_soan: hn\nso_ban: 30\nin_lien_he: true\nnguoi_ky:",
    );
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), &issuer, &[("kh.yaml", &plan)]);
    let r = render(&content);
    let (_, _, insp) = &r.docs[0];
    let lines = insp.lines(12.0);
    // Ô 12: initials and copies under Nơi nhận, 11 pt.
    let drafter = lines
        .iter()
        .find(|l| l.text == "HN.(30)")
        .expect("drafter code printed");
    let filing = lines.iter().find(|l| l.text == "- Lưu: VT, VP.").unwrap();
    assert!(drafter.y > filing.y && (drafter.x - nd30::X0).abs() < 1.0);
    assert!((drafter.runs[0].size - 11.0).abs() < 0.01);
    // Ô 13: the contact lines at the foot of page 1, under a full-width rule.
    let addr = lines
        .iter()
        .find(|l| l.text == "Địa chỉ: Thôn Đông, xã Thử Nghiệm")
        .expect("address");
    assert_eq!(addr.page, 1);
    assert!(
        addr.y > insp.pages[0].height - 20.0 * nd30::MM - 60.0,
        "at the foot of the page: {addr:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.text == "Điện thoại: 0208 3 111 222; Email: ubnd@example.gov.vn")
    );
    let rule = insp
        .rules
        .iter()
        .find(|r| r.page == 1 && r.y < addr.y && r.y > addr.y - 20.0)
        .expect("rule above");
    assert!(
        (rule.x1 - rule.x0 - (nd30::X1 - nd30::X0)).abs() < 1.0,
        "full width: {rule:?}"
    );
}

#[test]
fn a_wrapped_kinh_gui_item_hangs_under_its_text_not_under_the_dash() {
    let long = "Các phòng chuyên môn thuộc Ủy ban nhân dân xã, Trung tâm Phục vụ hành chính công xã và các tổ chức, cá nhân có liên quan";
    let dispatch = format!(
        "loai: cong-van\nso: 4\ndon_vi_soan_thao: VP\nngay: 2026-03-09\ntrich_yeu: Thử nghiệm\nkinh_gui:\n  - {long}\n  - Công an xã\nnoi_dung: |\n  Nội dung.\nnoi_nhan: [Như trên, \"Lưu: VT, VP\"]\nnguoi_ky:\n  chuc_danh: [\"TM. ỦY BAN NHÂN DÂN\", \"CHỦ TỊCH\"]\n  can_bo: chu-tich\n"
    );
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("cv.yaml", &dispatch)]);
    let r = render(&content);
    let lines = r.docs[0].2.lines(2.0);
    let first = lines
        .iter()
        .find(|l| l.text.contains("Các phòng chuyên môn"))
        .expect("the first item");
    let text_x = first
        .runs
        .iter()
        .find(|run| run.text.starts_with("Các"))
        .map(|run| run.x)
        .expect("the item's text");
    let insp = &r.docs[0].2;
    let dash_x = insp
        .runs
        .iter()
        .find(|run| {
            run.page == first.page && run.text.trim() == "-" && (run.y - first.y).abs() < 3.0
        })
        .map(|run| run.x)
        .expect("the dash beside the first line");
    let next = lines
        .iter()
        .find(|l| l.page == first.page && l.y > first.y + 1.0)
        .expect("the wrapped line");
    assert!(
        (next.x - text_x).abs() < 0.5,
        "the wrapped line starts at {:.1} pt, the item's text at {text_x:.1} pt (dash at {dash_x:.1})",
        next.x
    );
    assert!(next.x > dash_x + 2.0);
}
