//! Behaviours no other test reached, checked on the built artefacts: HTML escaping of user
//! text, the quyết định preamble, the parent-agency line, the khẩn frames, the sitemap without
//! a site address, an overridden 766 profile, and the memo-cache eviction over many documents.

mod common;

use common::nd30::{self, MM};
use common::*;

const CV: &str = r#"loai: cong-van
so: 7
don_vi_soan_thao: VP
ngay: 2026-02-03
trich_yeu: Thử
kinh_gui: [Các thôn]
noi_dung: Nội dung.
noi_nhan: [Như trên, "Lưu: VT, VP"]
nguoi_ky: { chuc_danh: [CHỦ TỊCH], can_bo: chu-tich }
"#;

fn html_pages(out: &std::path::Path) -> Vec<(String, String)> {
    tree(out)
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8(b).unwrap()))
        .collect()
}

#[test]
fn user_text_is_escaped_in_every_page_and_never_raw() {
    const EVIL: &str = r#"<script>alert(1)</script> Tom & "Jerry" 'Bé'"#;
    const ESCAPED: &str =
        "&lt;script&gt;alert(1)&lt;/script&gt; Tom &amp; &quot;Jerry&quot; &#39;Bé&#39;";
    let yaml = |s: &str| format!("'{}'", s.replace('\'', "''"));
    let issuer = ISSUER.replace("ho_ten: Trần Thị Hoa", &format!("ho_ten: {}", yaml(EVIL)));
    let plan = PLAN
        .replace(
            "trich_yeu: Thử nghiệm",
            &format!("trich_yeu: {}", yaml(EVIL)),
        )
        .replace(
            "              noi_dung: Tiêu chí một",
            &format!("              noi_dung: {}", yaml(EVIL)),
        );
    let cv = CV
        .replace(
            "kinh_gui: [Các thôn]",
            &format!("kinh_gui: [{}]", yaml(EVIL)),
        )
        .replace(
            "trich_yeu: Thử",
            &format!("trich_yeu: {}", yaml(&format!("Về {EVIL}"))),
        );
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), &issuer, &[("kh.yaml", &plan), ("cv.yaml", &cv)]);
    let out = tmp.path().join("out");
    build_into(&content, &out).expect("builds");
    let pages = html_pages(&out);
    for (page, html) in &pages {
        for raw in ["<script>alert", "Tom & ", "\"Jerry\"", "'Bé'"] {
            assert!(!html.contains(raw), "{page} holds {raw:?} raw");
        }
    }
    let page = |p: &str| &pages.iter().find(|(n, _)| n == p).unwrap().1;
    let kh = page("van-ban/kh.html");
    // The title, the table cell and the staff name (the cell's tham mưu) on the plan's page.
    assert!(kh.matches(ESCAPED).count() >= 3, "{kh}");
    let cv = page("van-ban/cv.html");
    assert!(
        cv.contains(&format!("<span>{ESCAPED}.</span>")),
        "the Kính gửi line: {cv}"
    );
    assert!(cv.contains(&format!("Về {ESCAPED}")), "the trích yếu");
    for p in ["van-ban/index.html", "index.html"] {
        assert!(page(p).contains(ESCAPED), "the document titles on {p}");
    }
    // The official's own page is named from the escaped-away name; find it by its code.
    let staff: Vec<&(String, String)> = pages
        .iter()
        .filter(|(n, _)| n.starts_with("can-bo/vp-"))
        .collect();
    assert_eq!(staff.len(), 1, "one page for vp-hoa");
    assert!(
        staff[0].1.contains(&format!("<h1>{ESCAPED}</h1>")),
        "the staff page"
    );
    assert!(
        page("can-bo/index.html").contains(ESCAPED),
        "the staff list"
    );
    // And <title>, where a raw "<" would end the element early.
    assert!(
        kh.contains(&format!(
            "<title>Kế hoạch số 03/KH-UBND ngày 03/02/2026: {ESCAPED} – "
        )),
        "{kh}"
    );
}

const QD: &str = r#"loai: quyet-dinh
so: 4
ngay: 2026-03-02
trich_yeu: Thành lập Tổ công tác
tham_quyen: CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM
can_cu:
  - Căn cứ Luật A
  - Căn cứ Nghị định B.
theo_de_nghi: Theo đề nghị của Văn phòng
noi_dung: |
  Điều 1. Thành lập Tổ công tác.

  Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
noi_nhan: [Như Điều 2, "Lưu: VT, VP"]
nguoi_ky: { chuc_danh: [CHỦ TỊCH], can_bo: chu-tich }
"#;

#[test]
fn the_decision_preamble_in_the_pdf_and_on_the_web() {
    let without_proposal = QD
        .replace("so: 4", "so: 5")
        .replace("theo_de_nghi: Theo đề nghị của Văn phòng\n", "");
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(
        tmp.path(),
        ISSUER,
        &[("qd4.yaml", QD), ("qd5.yaml", &without_proposal)],
    );
    let r = render(&content);
    // Each căn cứ ends ";"; the last line of the preamble ends ".", whichever it is.
    let expected: [(&str, &[&str]); 2] = [
        (
            "qd4",
            &[
                "Căn cứ Luật A;",
                "Căn cứ Nghị định B;",
                "Theo đề nghị của Văn phòng.",
            ],
        ),
        ("qd5", &["Căn cứ Luật A;", "Căn cứ Nghị định B."]),
    ];
    for (slug, preamble) in expected {
        let (_, _, insp) = r.docs.iter().find(|(s, _, _)| s == slug).unwrap();
        let lines = insp.lines(12.0);
        let find = |t: &str| {
            lines
                .iter()
                .find(|l| l.text == t)
                .unwrap_or_else(|| panic!("{slug}: {t:?} printed; lines: {:?}", texts(&lines)))
        };
        let authority = find("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM");
        let label = find("QUYẾT ĐỊNH:");
        for l in [authority, label] {
            assert!(l.runs.iter().all(|r| r.bold), "{l:?}");
            assert!((l.center() - nd30::XC).abs() < 2.0, "centred: {l:?}");
        }
        let mut y = authority.y;
        for t in preamble {
            let l = find(t);
            assert!(l.y > y, "{t:?} in order");
            assert!(l.runs.iter().all(|r| r.italic), "căn cứ italic: {l:?}");
            y = l.y;
        }
        assert!(label.y > y, "QUYẾT ĐỊNH: after the căn cứ");
        let article = insp
            .runs
            .iter()
            .find(|r| r.text.starts_with("Điều 1."))
            .expect("Điều 1. printed");
        assert!(article.bold && article.y > label.y, "{article:?}");
        assert_eq!(article.text.trim(), "Điều 1.", "only the label is bold");
        assert!(find("Điều 1. Thành lập Tổ công tác.").y > label.y);
    }

    let out = tmp.path().join("out");
    build_into(&content, &out).expect("builds");
    let web = std::fs::read_to_string(out.join("van-ban/qd4.html")).unwrap();
    let authority = web
        .find("<p class=\"authority\">CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM</p>")
        .expect("authority line");
    let mut at = authority;
    for t in [
        "<p class=\"can-cu\">Căn cứ Luật A;</p>",
        "<p class=\"can-cu\">Căn cứ Nghị định B;</p>",
        "<p class=\"can-cu\">Theo đề nghị của Văn phòng.</p>",
        "<p class=\"quyet-dinh\">QUYẾT ĐỊNH:</p>",
        "<strong>Điều 1.</strong> Thành lập Tổ công tác.",
    ] {
        let i = web[at..]
            .find(t)
            .unwrap_or_else(|| panic!("{t} after the previous line: {web}"));
        at += i;
    }
    let web = std::fs::read_to_string(out.join("van-ban/qd5.html")).unwrap();
    assert!(web.contains("<p class=\"can-cu\">Căn cứ Nghị định B.</p>"));
}

fn texts(lines: &[cchc::render::inspect::Line]) -> Vec<&str> {
    lines.iter().map(|l| l.text.as_str()).collect()
}

#[test]
fn the_parent_agency_is_printed_above_the_issuer_not_bold() {
    let issuer = format!("co_quan_chu_quan: UBND HUYỆN THỬ\n{ISSUER}");
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), &issuer, &[("cv.yaml", CV)]);
    let r = render(&content);
    let (_, _, insp) = &r.docs[0];
    let lines = insp.lines(12.0);
    let find = |t: &str| {
        lines
            .iter()
            .find(|l| l.page == 1 && l.text == t)
            .unwrap_or_else(|| panic!("{t:?} printed: {:?}", texts(&lines)))
    };
    let parent = find("UBND HUYỆN THỬ");
    let first = find("ỦY BAN NHÂN DÂN");
    let second = find("XÃ THỬ NGHIỆM");
    // ND30 ô 1: the parent agency upright and not bold, the issuer under it in bold, all
    // centred on the same column.
    assert!(
        parent.runs.iter().all(|r| !r.bold && !r.italic),
        "{parent:?}"
    );
    assert!(first.runs.iter().all(|r| r.bold) && second.runs.iter().all(|r| r.bold));
    assert!(parent.y < first.y && first.y < second.y);
    assert!((parent.center() - first.center()).abs() < 1.0);
    let size = parent.runs[0].size;
    assert!((12.0..=13.0).contains(&size), "{size}");

    let out = tmp.path().join("out");
    build_into(&content, &out).expect("builds");
    let web = std::fs::read_to_string(out.join("van-ban/cv.html")).unwrap();
    let p = web
        .find("<p class=\"parent\">UBND HUYỆN THỬ</p>")
        .expect("on the web page");
    assert!(p < web.find("ỦY BAN NHÂN DÂN").unwrap(), "above the issuer");

    // Without it, nothing is printed above the issuer.
    let content = write_content(&tmp.path().join("b"), ISSUER, &[("cv.yaml", CV)]);
    let r = render(&content);
    assert!(
        !r.docs[0].2.runs.iter().any(|r| r.text.contains("HUYỆN")),
        "no parent line"
    );
}

#[test]
fn each_urgency_is_printed_in_its_frame() {
    // nd30.md §8: HỎA TỐC 30 × 8, THƯỢNG KHẨN 40 × 8, KHẨN 20 × 8 mm; bold red capitals 13–14 pt.
    let cases = [
        ("khan", "KHẨN", 20.0),
        ("thuong-khan", "THƯỢNG KHẨN", 40.0),
        ("hoa-toc", "HỎA TỐC", 30.0),
    ];
    let docs: Vec<(String, String)> = cases
        .iter()
        .enumerate()
        .map(|(i, (key, _, _))| {
            (
                format!("cv{i}.yaml"),
                CV.replace("so: 7", &format!("so: {}", i + 1))
                    .replace("noi_dung:", &format!("do_khan: {key}\nnoi_dung:")),
            )
        })
        .collect();
    let docs: Vec<(&str, &str)> = docs.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &docs);
    let r = render(&content);
    for (i, (_, word, width)) in cases.iter().enumerate() {
        let (_, _, insp) = r
            .docs
            .iter()
            .find(|(s, _, _)| *s == format!("cv{i}"))
            .unwrap();
        let lines = insp.lines(12.0);
        let stamp = lines
            .iter()
            .find(|l| l.page == 1 && l.text == *word)
            .unwrap_or_else(|| panic!("{word} printed: {:?}", texts(&lines)));
        assert!(
            stamp
                .runs
                .iter()
                .all(|r| r.bold && !r.black && (13.0..=14.0).contains(&r.size)),
            "{stamp:?}"
        );
        let frames: Vec<_> = insp
            .frames
            .iter()
            .filter(|f| {
                f.x <= stamp.x
                    && f.x + f.width >= stamp.right
                    && f.y <= stamp.y
                    && f.y + f.height >= stamp.y
            })
            .collect();
        assert_eq!(frames.len(), 1, "{word}: one frame around it");
        let f = frames[0];
        assert!(
            (f.width - width * MM).abs() < 0.5 && (f.height - 8.0 * MM).abs() < 0.5,
            "{word}: {:.1} × {:.1} mm",
            f.width / MM,
            f.height / MM
        );
        // The word fits inside, on one line, centred.
        assert!(
            ((f.x + f.width / 2.0) - stamp.center()).abs() < 1.0,
            "{word}"
        );
    }
}

#[test]
fn without_a_site_address_there_is_no_sitemap() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", PLAN)]);
    let out = tmp.path().join("out");
    build_into(&content, &out).expect("builds");
    assert!(out.join("index.html").is_file());
    // The protocol takes full addresses only; relative ones would be rejected by the engines.
    assert!(!out.join("sitemap.xml").exists());

    let issuer = format!("{ISSUER}trang_web:\n  dia_chi_goc: https://xa.example.vn/cchc\n");
    let content = write_content(&tmp.path().join("b"), &issuer, &[("kh.yaml", PLAN)]);
    let out = tmp.path().join("b/out");
    build_into(&content, &out).expect("builds");
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    let locs: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .map(|s| s.split("</loc>").next().unwrap())
        .collect();
    assert!(locs.contains(&"https://xa.example.vn/cchc/van-ban/kh.html"));
    assert!(
        locs.iter()
            .all(|l| l.starts_with("https://xa.example.vn/cchc/")),
        "{locs:?}"
    );
}

const PERIOD: &str = r#"ten: Quý I/2026
tu_ngay: 2026-01-01
den_ngay: 2026-03-31
ke_hoach: kh
so_lieu:
  ho_so_tiep_nhan: 2000
  ho_so_dung_han: 1800
  pakn_tiep_nhan: 0
  pakn_dung_han: 0
"#;

/// The results page's 766 table as (row heading, points cell, maximum cell).
fn score_rows(html: &str) -> Vec<(String, String, String)> {
    let start = html.find("id=\"diem-766\"").expect("766 section");
    let table = &html[start..];
    let table = &table[..table.find("</table>").unwrap()];
    table
        .split("<tr>")
        .skip(1)
        .filter_map(|row| {
            let head = row
                .split("<th scope=\"row\">")
                .nth(1)?
                .split("</th>")
                .next()?;
            let cells: Vec<&str> = row
                .split("<td class=\"num\">")
                .skip(1)
                .map(|c| c.split("</td>").next().unwrap())
                .collect();
            Some((head.to_string(), cells[1].to_string(), cells[2].to_string()))
        })
        .collect()
}

#[test]
fn an_overridden_766_profile_changes_the_points() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", PLAN)]);
    std::fs::create_dir_all(content.join("ket-qua")).unwrap();
    std::fs::write(content.join("ket-qua/2026-q1.yaml"), PERIOD).unwrap();
    std::fs::write(
        content.join("ket-qua/chi-tieu.yaml"),
        "chi_tieu:\n  - ma: ky-luat\n    ten: Kỷ luật\n    don_vi: người\n    chieu: \"<=\"\n    ke_hoach: 0\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    build_into(&content, &out).expect("builds");
    let page = std::fs::read_to_string(out.join("ket-qua/2026-q1.html")).unwrap();
    let rows = score_rows(&page);
    let row = |code: &str| {
        rows.iter()
            .find(|(h, _, _)| h.starts_with(&format!("{code}. ")))
            .unwrap_or_else(|| panic!("{code} in {rows:?}"))
            .clone()
    };
    // The bundled profile: 2.1 is worth 20, full at 100 %: 1.800 ÷ 2.000 = 90 % → 18.
    assert_eq!((row("2.1").1, row("2.1").2), ("18".into(), "20".into()));

    let profile = r#"nhom:
  - ma: "2"
    ten: Tiến độ giải quyết
    thanh_phan:
      - { ma: "2.1", ten: "Hồ sơ xử lý trước hạn, đúng hạn", toi_da: 40, tu_so: ho_so_dung_han, mau_so: ho_so_tiep_nhan, dat_toi_da: 0.96, khi_rong: khong }
  - ma: "6"
    ten: Mức độ hài lòng
    thanh_phan:
      - { ma: "5.2", ten: "Phản ánh, kiến nghị xử lý đúng hạn", toi_da: 12, tu_so: pakn_dung_han, mau_so: pakn_tiep_nhan, khi_rong: du }
"#;
    std::fs::write(content.join("ket-qua/thang-diem-766.yaml"), profile).unwrap();
    let out = tmp.path().join("out2");
    build_into(&content, &out).expect("builds");
    let page = std::fs::read_to_string(out.join("ket-qua/2026-q1.html")).unwrap();
    let rows = score_rows(&page);
    let row = |code: &str| {
        rows.iter()
            .find(|(h, _, _)| h.starts_with(&format!("{code}. ")))
            .unwrap_or_else(|| panic!("{code} in {rows:?}"))
            .clone()
    };
    // By hand: 40 × min(1, 0,9 ÷ 0,96) = 40 × 0,9375 = 37,5; no PAKN at all, "du" → full 12.
    assert_eq!((row("2.1").1, row("2.1").2), ("37,5".into(), "40".into()));
    assert_eq!((row("5.2").1, row("5.2").2), ("12".into(), "12".into()));
    // Only the profile's components are listed.
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(
        page.contains("Tổng điểm các nhóm có số liệu: <strong>49,5</strong> / 52."),
        "37,5 + 12 of 40 + 12"
    );
}

#[test]
fn many_documents_in_one_build_each_get_their_pdf() {
    // More than twice the eviction interval of the build (32), so that documents are laid out
    // after two full evictions of Typst's memo cache.
    const N: usize = 70;
    let docs: Vec<(String, String)> = (1..=N)
        .map(|n| {
            (
                format!("cv-{n:02}.yaml"),
                CV.replace("so: 7", &format!("so: {n}"))
                    .replace("trich_yeu: Thử", &format!("trich_yeu: Việc thứ {n}")),
            )
        })
        .collect();
    let docs: Vec<(&str, &str)> = docs.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &docs);
    let out = tmp.path().join("out");
    build_into(&content, &out).expect("builds");
    for n in 1..=N {
        let file = std::fs::read(out.join(format!("van-ban/cv-{n:02}.pdf")))
            .unwrap_or_else(|e| panic!("cv-{n:02}.pdf: {e}"));
        let text: String = pdf::pages_text(&file).unwrap().concat();
        let text: String = text.split_whitespace().collect();
        assert!(
            text.contains(&format!("Số:{n:02}/UBND-VP")) && text.contains(&format!("Việcthứ{n}")),
            "cv-{n:02}.pdf holds its own number and title: {text}"
        );
        let other = n % N + 1;
        assert!(
            !text.contains(&format!("Số:{other:02}/")),
            "cv-{n:02}.pdf shows document {other}'s number"
        );
    }
}
