//! Issue 9, item 1: the longest real issuer lines and place names, on every kind. The Quốc
//! hiệu, the Tiêu ngữ, the issuer lines and the date line each stay on one line within
//! ND30's sizes, inside the margins, and the Số and a công văn's "V/v" stay together in the
//! left half whatever the date line beside them does.

mod common;

use cchc::render::inspect::{Inspection, Line};
use common::nd30::{X0, X1, XC};
use common::*;

/// (name, co_quan.yaml, the date line as printed, whether it still shares the Số's row).
const ISSUERS: &[(&str, &str, &str, bool)] = &[
    (
        "thanh-pho",
        r#"ten_in: [ỦY BAN NHÂN DÂN, THÀNH PHỐ HỒ CHÍ MINH]
ten_day_du: Ủy ban nhân dân Thành phố Hồ Chí Minh
ma: UBND
dia_danh: Thành phố Hồ Chí Minh
don_vi: [{ma: VX, ten: Phòng Văn hóa - Xã hội}]
can_bo: [{ma: ky, ho_ten: Trần Văn Bình, chuc_vu: Chủ tịch}]
"#,
        "Thành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025",
        true,
    ),
    (
        "so",
        r#"co_quan_chu_quan: UBND THÀNH PHỐ HỒ CHÍ MINH
ten_in: [SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG]
ten_day_du: Sở Nông nghiệp và Môi trường
ma: SNNMT
dia_danh: Thành phố Hồ Chí Minh
don_vi: [{ma: VX, ten: Văn phòng Sở}]
can_bo: [{ma: ky, ho_ten: Nguyễn Văn Cường, chuc_vu: Giám đốc}]
"#,
        "Thành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025",
        true,
    ),
    (
        "phuong",
        r#"ten_in: [ỦY BAN NHÂN DÂN, PHƯỜNG ĐÔNG HÒA]
ten_day_du: Ủy ban nhân dân phường Đông Hòa
ma: UBND
dia_danh: Phường Đông Hòa, Thành phố Hồ Chí Minh
don_vi: [{ma: VX, ten: Phòng Văn hóa - Xã hội}]
can_bo: [{ma: ky, ho_ten: Lê Thị Mai, chuc_vu: Chủ tịch}]
"#,
        // Wider than the page beside any Số even at 13 pt: on its own row, never wrapped.
        "Phường Đông Hòa, Thành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025",
        false,
    ),
];

/// One document of `kind`, numbered, with a long trích yếu.
fn document(kind: &str) -> String {
    let extra = match kind {
        "cong-van" => {
            "don_vi_soan_thao: VX\nkinh_gui: [Các sở, ban, ngành, Ủy ban nhân dân các phường, xã, đặc khu]\n"
        }
        "quyet-dinh" => {
            "tham_quyen: CHỦ TỊCH ỦY BAN NHÂN DÂN\ncan_cu: [Căn cứ Luật Tổ chức chính quyền địa phương]\n"
        }
        "to-trinh" | "bao-cao" => "kinh_gui: [Thường trực Hội đồng nhân dân]\n",
        _ => "",
    };
    format!(
        r#"loai: {kind}
so: 1234
ngay: 2025-11-28
trich_yeu: Triển khai chuyển đổi số trong giải quyết thủ tục hành chính trên địa bàn
{extra}noi_dung: |
  Nội dung văn bản.
noi_nhan: [Như trên, "Lưu: VT, VX"]
nguoi_ky:
  chuc_danh: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
  can_bo: ky
"#
    )
}

const KINDS: &[&str] = &[
    "cong-van",
    "ke-hoach",
    "bao-cao",
    "quyet-dinh",
    "thong-bao",
    "to-trinh",
];

fn one_line<'a>(lines: &'a [Line], text: &str, what: &str) -> &'a Line {
    let found: Vec<&Line> = lines
        .iter()
        .filter(|l| l.page == 1 && l.text == text)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{what} {text:?} is not one line on page 1: {:#?}",
        lines
            .iter()
            .filter(|l| l.page == 1)
            .map(|l| &l.text)
            .take(12)
            .collect::<Vec<_>>()
    );
    found[0]
}

fn size(l: &Line) -> f64 {
    l.runs[0].size
}

fn check(insp: &Inspection, issuer_lines: &[&str], date: &str, beside: bool, cong_van: bool) {
    // Runs 3 pt apart or more are separate lines: two halves of the header never merge.
    let lines = insp.lines(3.0);
    let qh = one_line(&lines, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Quốc hiệu");
    let tn = one_line(&lines, "Độc lập - Tự do - Hạnh phúc", "Tiêu ngữ");
    let d = one_line(&lines, date, "date line");
    assert!((12.0..=13.0).contains(&size(qh)), "Quốc hiệu {}", size(qh));
    assert_eq!(size(tn), size(qh) + 1.0);
    assert_eq!(size(d), size(tn), "the date line is the Tiêu ngữ's size");
    assert!(d.runs.iter().all(|r| r.italic));
    let issuer: Vec<&Line> = issuer_lines
        .iter()
        .map(|t| one_line(&lines, t, "issuer line"))
        .collect();
    let al = issuer[0].center();
    for l in &issuer {
        assert!(
            (12.0..=13.0).contains(&size(l)) && (l.center() - al).abs() < 1.0 && al < XC,
            "{:?}",
            l.text
        );
    }
    let so = lines
        .iter()
        .find(|l| l.page == 1 && l.text.starts_with("Số: 1234/"))
        .expect("Số line");
    assert!(
        (so.center() - al).abs() < 3.0 && size(so) == 13.0,
        "Số {so:?}"
    );
    if beside {
        assert!((so.y - d.y).abs() <= 2.0, "Số at {}, date at {}", so.y, d.y);
    } else {
        assert!(d.y > so.y, "the date line under the Số");
    }
    if cong_van {
        let vv = lines
            .iter()
            .find(|l| l.page == 1 && l.text.starts_with("V/v "))
            .expect("V/v line");
        let gap = vv.runs[0].top - so.runs[0].bottom;
        assert!(
            gap > 0.0 && gap <= 12.0 && (vv.center() - al).abs() < 3.0 && vv.right < XC,
            "V/v {gap:.1} pt under the Số: {vv:?}"
        );
    }
    for l in lines.iter().filter(|l| l.page == 1) {
        assert!(
            l.x >= X0 - 1.0 && l.right <= X1 + 1.0,
            "{:?} outside the text area ({:.1}..{:.1})",
            l.text,
            l.x,
            l.right
        );
    }
    // Lines sharing a row do not overlap: each half clears the other.
    let header: Vec<&Line> = lines.iter().filter(|l| l.page == 1 && l.y <= d.y).collect();
    for a in &header {
        for b in &header {
            if a.x < b.x && (a.y - b.y).abs() < 10.0 {
                assert!(a.right + 3.0 <= b.x, "{:?} runs into {:?}", a.text, b.text);
            }
        }
    }
}

#[test]
fn long_issuer_and_place_names_keep_every_header_line_whole_on_every_kind() {
    for (name, issuer, date, beside) in ISSUERS {
        let tmp = tempfile::tempdir().unwrap();
        let docs: Vec<(String, String)> = KINDS
            .iter()
            .map(|k| (format!("{k}.yaml"), document(k)))
            .collect();
        let refs: Vec<(&str, &str)> = docs.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let content = write_content(tmp.path(), issuer, &refs);
        let r = render(&content);
        for (slug, _, insp) in &r.docs {
            eprintln!("{name}/{slug}");
            let lines: Vec<&str> = r
                .site
                .issuer
                .name_lines
                .iter()
                .map(String::as_str)
                .collect();
            check(insp, &lines, date, *beside, slug == "cong-van");
        }
    }
}

/// Issue 9, item 5: the build checks its own PDFs. The HCM names pass; the phường's place
/// name, too long to sit beside the Số, is reported (a warning, an error with `--strict`).
#[test]
fn the_build_reports_what_the_checklist_finds_and_strict_refuses_it() {
    for (name, issuer, _, beside) in ISSUERS {
        let tmp = tempfile::tempdir().unwrap();
        let doc = document("cong-van");
        let content = write_content(tmp.path(), issuer, &[("cv.yaml", doc.as_str())]);
        let c = content.to_str().unwrap();
        let (code, _, err) = cchc(
            &["build", "--content", c, "--output", "a", "--khong-word"],
            tmp.path(),
        );
        assert_eq!(code, 0, "{name}: {err}");
        // The Sở's date line sits beside its Số but flush right, off the Quốc hiệu's centre.
        let warned = !beside || *name == "so";
        assert_eq!(err.contains("W0902"), warned, "{name}: {err}");
        assert!(
            !err.contains("W0901"),
            "{name}: no header line wraps: {err}"
        );
        // Built again with the cache warm: a PDF with findings is never taken from the
        // cache, so the finding is reported again, not lost.
        let (code, _, again) = cchc(
            &["build", "--content", c, "--output", "a", "--khong-word"],
            tmp.path(),
        );
        assert_eq!(code, 0, "{name}: {again}");
        assert_eq!(again.contains("W0902"), warned, "{name}, cached: {again}");
        // `cchc check` lays the documents out too and reports the same, writing nothing.
        let (code, out, err) = cchc(&["check", "--content", c], tmp.path());
        assert_eq!(code, 0, "{name}: {err}");
        assert_eq!(
            err.contains("W0902") || out.contains("W0902"),
            warned,
            "{name}: {err}"
        );
        let (code, _, err) = cchc(
            &[
                "build",
                "--content",
                c,
                "--output",
                "b",
                "--khong-word",
                "--strict",
            ],
            tmp.path(),
        );
        if !warned {
            assert_eq!(code, 0, "{name}: {err}");
        } else {
            assert_ne!(code, 0, "{name}: --strict makes the finding an error");
            assert!(err.contains("lỗi[W0902]"), "{err}");
            assert!(!tmp.path().join("b").exists(), "nothing written");
        }
    }
}
