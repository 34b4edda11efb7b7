//! End-to-end: the annual plan, from YAML to PDF and HTML, checked on the real artefacts.

mod common;

use common::nd30::{self, Expect};

use common::*;

fn expect_plan<'a>(recipients: &'a [&'a str]) -> Expect<'a> {
    Expect {
        issuer_lines: &["ỦY BAN NHÂN DÂN", "XÃ HÒA SƠN"],
        reference: "05/KH-UBND",
        date_line: "Hòa Sơn, ngày 15 tháng 01 năm 2026",
        kind_title: Some("KẾ HOẠCH"),
        subject: None,
        addressees: &[],
        attached: Some(
            "(Kèm theo Kế hoạch số 05/KH-UBND ngày 15 tháng 01 năm 2026 của Ủy ban nhân dân xã Hòa Sơn)",
        ),
        recipients,
    }
}

#[test]
fn demo_plan_meets_the_nd30_checklist() {
    let r = render(&root().join("content"));
    let plan = r
        .site
        .documents
        .iter()
        .find(|d| d.slug == "ke-hoach-cchc-2026")
        .expect("demo plan");
    let recipients: Vec<&str> = plan.recipients.iter().map(|r| nd30::bare(r)).collect();
    let (_, pdf, insp) = r.docs.iter().find(|d| d.0 == plan.slug).unwrap();
    let failures = nd30::check_plan(insp, &expect_plan(&recipients));
    assert!(
        failures.is_empty(),
        "ND30 checklist failures:\n{}",
        failures.join("\n")
    );
    // The demo appendix spans several landscape pages and has every area.
    let app = nd30::appendix_start(insp).unwrap();
    assert!(
        insp.pages.len() - app + 1 >= 2,
        "appendix has several pages"
    );
    let rows: usize = plan.appendices[0]
        .assignments()
        .unwrap()
        .areas
        .iter()
        .map(|a| a.rows.len())
        .sum();
    assert!(rows >= 35, "demo appendix has {rows} rows");
    assert_eq!(plan.appendices[0].assignments().unwrap().areas.len(), 8);
    // Checklist item 2 and the metadata, read from the PDF bytes (every file `build` writes
    // is read back from disk in tests/pdf_files.rs).
    let failures = common::pdf::check_file(
        pdf,
        &common::pdf::Expect {
            title: &plan.meta.full_title,
            author: &r.site.issuer.full_name,
            layout: insp,
        },
    );
    assert!(failures.is_empty(), "the PDF:\n{}", failures.join("\n"));
    assert_eq!(plan.meta.author, r.site.issuer.full_name);
}

#[test]
fn seed_001_is_reproduced_row_for_row() {
    let content = root().join("tests/fixtures/seeds/001/content");
    let r = render(&content);
    let plan = &r.site.documents[0];
    let recipients: Vec<&str> = plan.recipients.iter().map(|r| nd30::bare(r)).collect();
    let (_, _, insp) = &r.docs[0];
    let expect = Expect {
        issuer_lines: &["ỦY BAN NHÂN DÂN", "XÃ HÀ CHÂU"],
        reference: "57/KH-UBND",
        date_line: "Hà Châu, ngày 28 tháng 8 năm 2023",
        kind_title: Some("KẾ HOẠCH"),
        subject: None,
        addressees: &[],
        attached: Some(
            "(Kèm theo Kế hoạch số 57/KH-UBND ngày 28 tháng 8 năm 2023 của Ủy ban nhân dân xã Hà Châu)",
        ),
        recipients: &recipients,
    };
    let failures = nd30::check_plan(insp, &expect);
    assert!(
        failures.is_empty(),
        "ND30 checklist failures:\n{}",
        failures.join("\n")
    );
    assert_eq!(
        recipients.first().copied(),
        Some("UBND huyện"),
        "Nơi nhận keeps the seed's wording"
    );

    // Every row of the seed's table, all six cells, read back from the PDF table cell by
    // cell: the expected rows are the source document's table (its rows broken across
    // pages joined again; "I." written "I" like the other areas).
    let app = nd30::appendix_start(insp).unwrap();
    let rows =
        std::fs::read_to_string(root().join("tests/fixtures/seeds/001/expected-rows.tsv")).unwrap();
    let expected: Vec<Vec<String>> = rows
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cells: Vec<String> = l.split('\t').map(|c| c.trim().to_string()).collect();
            assert_eq!(cells.len(), 6, "six cells: {l:?}");
            cells
        })
        .collect();
    assert_eq!(expected.len(), 60, "8 areas and 52 criteria");
    let model_rows: Vec<(String, String)> = plan.appendices[0]
        .assignments()
        .unwrap()
        .areas
        .iter()
        .flat_map(|a| {
            std::iter::once((a.numeral.clone(), a.name.clone()))
                .chain(a.rows.iter().map(|r| (r.code.clone(), r.criterion.clone())))
        })
        .collect();
    let expected_pairs: Vec<(String, String)> = expected
        .iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    assert_eq!(
        model_rows, expected_pairs,
        "the model holds every seed row in order"
    );

    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let table = read_table(insp, app);
    let want: Vec<Vec<String>> = expected
        .iter()
        .map(|r| {
            // An area row spans the table: its name stands in the criterion column, upper case.
            let mut r: Vec<String> = r.iter().map(|c| squeeze(c)).collect();
            if r[2..].iter().all(String::is_empty) && !r[0].contains('.') {
                r[1] = r[1].to_uppercase();
            }
            r
        })
        .collect();
    for (i, (got, want)) in table.iter().zip(&want).enumerate() {
        assert_eq!(got, want, "row {} of the table (code {:?})", i + 1, want[0]);
    }
    assert_eq!(table.len(), want.len(), "rows in the PDF table");
}

/// The body rows of the appendix table, cell by cell, whitespace removed (a cell's words
/// wrap inside its column). Columns come from the table's vertical borders, rows from
/// its full-width horizontal borders; a row cut by a page break goes on in the first row
/// of the next page, whose STT cell is empty.
fn read_table(insp: &cchc::render::inspect::Inspection, app: usize) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    for page in app..=insp.pages.len() {
        let mut xs: Vec<f64> = insp
            .vrules
            .iter()
            .filter(|v| v.page == page)
            .map(|v| v.x)
            .collect();
        xs.sort_by(f64::total_cmp);
        xs.dedup_by(|a, b| (*a - *b).abs() < 0.5);
        assert_eq!(xs.len(), 7, "six columns on page {page}: {xs:?}");
        let width = xs[6] - xs[0];
        let mut ys: Vec<f64> = insp
            .rules
            .iter()
            .filter(|r| r.page == page && r.x1 - r.x0 > 0.95 * width)
            .map(|r| r.y)
            .collect();
        ys.sort_by(f64::total_cmp);
        ys.dedup_by(|a, b| (*a - *b).abs() < 0.5);
        let mut first = true;
        for band in ys.windows(2) {
            let runs: Vec<_> = insp
                .runs
                .iter()
                .filter(|r| r.page == page && r.y > band[0] && r.y < band[1])
                .collect();
            if runs.iter().any(|r| r.bold && r.text.trim() == "STT") {
                continue;
            }
            let mut cells = vec![String::new(); 6];
            let mut sorted = runs.clone();
            sorted.sort_by(|a, b| (a.y, a.x).partial_cmp(&(b.y, b.x)).unwrap());
            for r in sorted {
                let col = (0..6)
                    .find(|&k| r.x >= xs[k] - 0.5 && r.x < xs[k + 1])
                    .expect("a cell inside the table");
                cells[col].push_str(&r.text.split_whitespace().collect::<String>());
            }
            if first && page > app && cells[0].is_empty() {
                let last = rows.last_mut().expect("a row to continue");
                for (k, c) in cells.into_iter().enumerate() {
                    last[k].push_str(&c);
                }
            } else {
                rows.push(cells);
            }
            first = false;
        }
    }
    rows
}

#[test]
fn markup_characters_in_yaml_print_literally() {
    let tmp = tempfile::tempdir().unwrap();
    let nasty = r##"#set page(fill: red) $x$ *đậm* _nghiêng_ @nhan <b> [ngoặc] \ // chú thích `mã` #read("/data.json")"##;
    let plan = PLAN
        .replace("trich_yeu: Thử nghiệm", &format!("trich_yeu: '{nasty}'"))
        .replace("noi_dung: Tiêu chí một", &format!("noi_dung: '{nasty}'"))
        .replace(
            "Mở đầu.",
            &nasty
                .replace('\\', "\\\\")
                .replace('*', "\\*")
                .replace('_', "\\_")
                .replace('`', "\\`")
                .replace('<', "\\<")
                .replace('[', "\\[")
                .replace(']', "\\]"),
        )
        .replace("  - UBND tỉnh", &format!("  - '{nasty}'"));
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", &plan)]);
    let r = render(&content);
    let (_, _, insp) = &r.docs[0];
    let compact = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let expected = compact(nasty);
    // Text of the runs inside a band of x, in reading order: one column of the page.
    let column = |pages: std::ops::RangeInclusive<usize>, x0: f64, x1: f64| -> String {
        let mut runs: Vec<_> = insp
            .runs
            .iter()
            .filter(|r| pages.contains(&r.page) && r.x >= x0 && r.x < x1)
            .collect();
        runs.sort_by(|a, b| (a.page, a.y, a.x).partial_cmp(&(b.page, b.y, b.x)).unwrap());
        compact(
            &runs
                .iter()
                .map(|r| r.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        )
    };
    let app = nd30::appendix_start(insp).unwrap();
    let body = column(1..=app - 1, 0.0, 1000.0);
    assert!(
        body.matches(&expected).count() >= 2,
        "title and opening print it literally:\n{body}"
    );
    let recipients = column(1..=app - 1, 0.0, nd30::X0 + 75.0 * nd30::MM);
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    assert!(
        squeeze(&recipients).contains(&squeeze(&format!("- {expected};"))),
        "and Nơi nhận:\n{recipients}"
    );
    // The tiêu chí column: between the table's second and third borders (its width comes
    // from the content).
    let borders = table_on_page(insp, app, 0.0, 0.0).borders;
    let criteria = column(app..=insp.pages.len(), borders[1], borders[2]);
    assert!(
        squeeze(&criteria).contains(&squeeze(&expected)),
        "and the table cell:\n{criteria}"
    );
    let all = column(1..=insp.pages.len(), 0.0, 1000.0);
    assert!(
        !all.contains("\"so\""),
        "no data file content leaked into the page"
    );
    // Nothing turned red: every run is black.
    assert!(insp.runs.iter().all(|r| r.black));
}

#[test]
fn build_writes_site_pdf_html_and_listing_and_is_reproducible() {
    let tmp = tempfile::tempdir().unwrap();
    let out_a = tmp.path().join("a");
    let out_b = tmp.path().join("b");
    let report = build_into(&root().join("content"), &out_a).expect("demo builds");
    assert!(report.documents >= 1);
    build_into(&root().join("content"), &out_b).expect("demo builds again");
    let a = tree(&out_a);
    let b = tree(&out_b);
    assert_eq!(
        a.iter().map(|f| &f.0).collect::<Vec<_>>(),
        b.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for ((name, x), (_, y)) in a.iter().zip(&b) {
        assert!(
            x == y,
            "{name} differs between two builds of the same input"
        );
    }

    let listing: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out_a.join("documents.json")).unwrap()).unwrap();
    let plan = listing
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["reference"] == "05/KH-UBND")
        .expect("plan listed");
    assert_eq!(plan["kind"], "ke-hoach");
    assert_eq!(plan["number"], "05");
    assert_eq!(plan["date"], "2026-01-15");
    for key in ["html", "pdf"] {
        let rel = plan[key].as_str().unwrap();
        assert!(out_a.join(rel).is_file(), "{rel} exists");
    }

    let index = std::fs::read_to_string(out_a.join("index.html")).unwrap();
    let page = std::fs::read_to_string(out_a.join(plan["html"].as_str().unwrap())).unwrap();
    for html in [&index, &page] {
        assert!(html.contains("<html lang=\"vi\">"));
        assert!(
            !html.contains("http://") && !html.contains("https://"),
            "no external resources"
        );
        // JavaScript only as an enhancement: one local, deferred file, nothing inline.
        assert_eq!(html.matches("<script").count(), 1);
        assert!(html.contains("static/site.js\" defer></script>"));
    }
    let list = std::fs::read_to_string(out_a.join("van-ban/index.html")).unwrap();
    assert!(list.contains("href=\"../van-ban/ke-hoach-cchc-2026.html\""));
    assert!(list.contains("href=\"../van-ban/ke-hoach-cchc-2026.pdf\""));
    assert!(index.contains("href=\"van-ban/index.html\""));
    assert!(page.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    assert!(page.contains("Số: 05/KH-UBND"));
    assert!(page.contains("Hòa Sơn, ngày 15 tháng 01 năm 2026"));
    assert!(
        page.contains("<thead>")
            && page.contains("<th scope=\"colgroup\" colspan=\"2\">Phân công nhiệm vụ</th>")
    );
    assert!(
        page.contains("class=\"table-scroll\""),
        "the table scrolls on its own on a phone"
    );
    assert!(page.contains("- Lưu: VT, VP."));
    assert!(out_a.join("static/style.css").is_file());
}

#[test]
fn user_templates_override_the_theme() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", PLAN)]);
    std::fs::create_dir_all(tmp.path().join("templates")).unwrap();
    std::fs::write(
        tmp.path().join("templates/index.html"),
        "<!DOCTYPE html><html lang=\"vi\"><body>Trang riêng {{ site.issuer.short_name }}</body></html>",
    )
    .unwrap();
    let out = tmp.path().join("output");
    build_into(&content, &out).expect("builds");
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert_eq!(
        index,
        "<!DOCTYPE html><html lang=\"vi\"><body>Trang riêng UBND xã Thử Nghiệm</body></html>"
    );
}

#[test]
fn a_failed_build_keeps_the_previous_output() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", PLAN)]);
    let out = tmp.path().join("output");
    build_into(&content, &out).expect("first build");
    let before = tree(&out);
    std::fs::write(
        content.join("van-ban/kh.yaml"),
        PLAN.replace("ngay: 2026-02-03", "ngay: 2026-02-30"),
    )
    .unwrap();
    assert!(build_into(&content, &out).is_err());
    assert_eq!(tree(&out), before, "previous build untouched");
    let mut names: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [".cchc", "content", "output"],
        "only the cache beside"
    );
    let work = std::fs::read_dir(tmp.path().join(".cchc/dung"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect::<Vec<_>>();
    assert_eq!(work.len(), 1);
    let inside: Vec<_> = std::fs::read_dir(&work[0])
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(inside, ["lock"], "no staged tree left behind");
}

#[test]
fn init_scaffolds_a_commune_that_checks_and_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, _, err) = cchc(&["init", "xa-moi"], tmp.path());
    assert_eq!(code, 0, "{err}");
    let content = tmp.path().join("xa-moi/content");
    let issuer = std::fs::read_to_string(content.join("co_quan.yaml")).unwrap();
    for key in [
        "ten_in:",
        "ten_day_du:",
        "ma:",
        "dia_danh:",
        "cap_tren:",
        "don_vi:",
        "can_bo:",
        "# co_quan_chu_quan:",
    ] {
        assert!(issuer.contains(key), "scaffold shows {key}");
    }
    // From the new folder, with no theme folder around: the built-in theme is used.
    let (code, out, err) = cchc(&["build"], &tmp.path().join("xa-moi"));
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        tmp.path()
            .join("xa-moi/output/van-ban/ke-hoach.pdf")
            .is_file()
    );
    let r = render(&content);
    assert_eq!(r.docs.len(), 1);
    assert!(
        r.site.documents[0].number.is_none(),
        "the scaffold plan is a draft"
    );
    // A draft leaves the number blank: "Số:", a blank, then the ký hiệu.
    let (_, _, insp) = &r.docs[0];
    let blank = blank_mm(insp, "Số:", "/");
    assert!(
        (blank - NUMBER_BLANK_MM).abs() <= 0.5,
        "{blank:.1} mm between \"Số:\" and \"/KH-UBND\""
    );
    // And again into the same folder: refused.
    let (code, _, err) = cchc(&["init", "xa-moi"], tmp.path());
    assert_eq!(code, 1);
    assert!(err.contains("không ghi đè"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(cchc(&["build", "--no-such-flag"], tmp.path()).0, 2);
    assert_eq!(cchc(&["frobnicate"], tmp.path()).0, 2);
}

#[test]
fn english_messages_on_request() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, _, err) = cchc(
        &["--lang", "en", "check", "--content", "nowhere"],
        tmp.path(),
    );
    assert_eq!(code, 1);
    assert!(err.starts_with("error[E0201]: nowhere/:"), "{err}");
    assert!(err.contains("cchc explain E0201"), "{err}");
    let (_, _, err) = cchc(&["check", "--content", "nowhere"], tmp.path());
    assert!(err.starts_with("lỗi[E0201]: nowhere/:"), "{err}");
    assert!(err.contains("cchc giai-thich E0201"), "{err}");
}

#[test]
fn a_typst_warning_in_the_theme_fails_the_build() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", PLAN)]);
    let theme = tmp.path().join("theme");
    copy_dir(&theme_dir(), &theme);
    let main = theme.join("typst/main.typ");
    let mut text = std::fs::read_to_string(&main).unwrap();
    // A family that does not exist is only a warning in Typst; here it must stop the build.
    text.push_str("#text(font: \"Không Có Phông\")[x]\n");
    std::fs::write(&main, text).unwrap();
    let out = tmp.path().join("output");
    let paths = cchc::build::Paths::new(&content, &out, Some(&theme));
    match cchc::build::build(&engine(), &paths) {
        Err(cchc::build::BuildError::Render { detail, .. }) => {
            assert!(
                detail.contains("typst warning") && detail.contains("/main.typ:"),
                "{detail}"
            )
        }
        other => panic!("expected a theme error, got {other:?}"),
    }
    assert!(!out.exists());
}

/// Page 1 of each demo document, written from its YAML (`so`, `ngay`, `don_vi_soan_thao`)
/// by the decree's rules: number and day below 10 with a leading 0, months 1–2 as 01–02.
const DEMO: &[(&str, Header)] = &[
    (
        "ke-hoach-cchc-2026",
        Header {
            reference: "05/KH-UBND",
            date_line: "Hòa Sơn, ngày 15 tháng 01 năm 2026",
            kind_title: Some("KẾ HOẠCH"),
            attached: Some(
                "(Kèm theo Kế hoạch số 05/KH-UBND ngày 15 tháng 01 năm 2026 của Ủy ban nhân dân xã Hòa Sơn)",
            ),
        },
    ),
    (
        "cong-van-12-don-doc-cchc-quy-1",
        Header {
            reference: "12/UBND-VP",
            date_line: "Hòa Sơn, ngày 09 tháng 02 năm 2026",
            kind_title: None,
            attached: None,
        },
    ),
    (
        "cong-van-35-dich-vu-cong-truc-tuyen",
        Header {
            reference: "35/UBND-TTPVHCC",
            date_line: "Hòa Sơn, ngày 14 tháng 4 năm 2026",
            kind_title: None,
            attached: None,
        },
    ),
    (
        "cong-van-du-thao-gop-y-bo-chi-so-cchc",
        Header {
            reference: "/UBND-VP",
            date_line: "Hòa Sơn, ngày tháng 11 năm 2026",
            kind_title: None,
            attached: None,
        },
    ),
    (
        "quyet-dinh-03-kiem-tra-cchc",
        Header {
            reference: "03/QĐ-UBND",
            date_line: "Hòa Sơn, ngày 02 tháng 3 năm 2026",
            kind_title: Some("QUYẾT ĐỊNH"),
            attached: Some(
                "(Kèm theo Quyết định số 03/QĐ-UBND ngày 02 tháng 3 năm 2026 của Chủ tịch Ủy ban nhân dân xã Hòa Sơn)",
            ),
        },
    ),
    (
        "thong-bao-08-ket-qua-kiem-tra",
        Header {
            reference: "08/TB-UBND",
            date_line: "Hòa Sơn, ngày 10 tháng 7 năm 2026",
            kind_title: Some("THÔNG BÁO"),
            attached: None,
        },
    ),
    (
        "bao-cao-cchc-quy-1-2026",
        Header {
            reference: "28/BC-UBND",
            date_line: "Hòa Sơn, ngày 20 tháng 3 năm 2026",
            kind_title: Some("BÁO CÁO"),
            attached: Some(
                "(Kèm theo Báo cáo số 28/BC-UBND ngày 20 tháng 3 năm 2026 của Ủy ban nhân dân xã Hòa Sơn)",
            ),
        },
    ),
    (
        "bao-cao-cchc-quy-2-2026",
        Header {
            reference: "63/BC-UBND",
            date_line: "Hòa Sơn, ngày 30 tháng 6 năm 2026",
            kind_title: Some("BÁO CÁO"),
            attached: Some(
                "(Kèm theo Báo cáo số 63/BC-UBND ngày 30 tháng 6 năm 2026 của Ủy ban nhân dân xã Hòa Sơn)",
            ),
        },
    ),
    (
        "bao-cao-cchc-quy-3-2026",
        Header {
            reference: "106/BC-UBND",
            date_line: "Hòa Sơn, ngày 30 tháng 9 năm 2026",
            kind_title: Some("BÁO CÁO"),
            attached: Some(
                "(Kèm theo Báo cáo số 106/BC-UBND ngày 30 tháng 9 năm 2026 của Ủy ban nhân dân xã Hòa Sơn)",
            ),
        },
    ),
    (
        "bao-cao-cchc-quy-4-2026",
        Header {
            reference: "145/BC-UBND",
            date_line: "Hòa Sơn, ngày 18 tháng 12 năm 2026",
            kind_title: Some("BÁO CÁO"),
            attached: Some(
                "(Kèm theo Báo cáo số 145/BC-UBND ngày 18 tháng 12 năm 2026 của Ủy ban nhân dân xã Hòa Sơn)",
            ),
        },
    ),
];

#[test]
fn every_demo_document_meets_the_nd30_checklist() {
    let r = render(&root().join("content"));
    let mut slugs: Vec<&str> = r.docs.iter().map(|d| d.0.as_str()).collect();
    let mut listed: Vec<&str> = DEMO.iter().map(|d| d.0).collect();
    slugs.sort();
    listed.sort();
    assert_eq!(slugs, listed, "every demo document has its expected header");
    let mut failures = Vec::new();
    for (slug, pdf, insp) in &r.docs {
        let doc = r.site.documents.iter().find(|d| &d.slug == slug).unwrap();
        let header = &DEMO.iter().find(|d| d.0 == slug).unwrap().1;
        failures.extend(
            check_nd30(&r.site, doc, insp, header)
                .into_iter()
                .chain(check_pdf_fonts(pdf))
                .map(|f| format!("{slug}: {f}")),
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_template_error_names_the_template_line_and_variable() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", PLAN)]);
    std::fs::create_dir_all(tmp.path().join("templates")).unwrap();
    std::fs::write(
        tmp.path().join("templates/index.html"),
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<body>{{ site.issuer.ten_sai }}</body>\n</html>\n",
    )
    .unwrap();
    let out = tmp.path().join("output");
    match build_into(&content, &out) {
        Err(cchc::build::BuildError::Render { detail, .. }) => {
            assert!(detail.contains("templates/index.html:3:"), "{detail}");
            assert!(detail.contains("site.issuer.ten_sai"), "{detail}");
        }
        other => panic!("expected a template error, got {other:?}"),
    }
    assert!(!out.exists(), "nothing written");
}

/// The blank a draft leaves for the văn thư to write in by hand (nd30.md §4): the theme
/// prints "Số:" + 12 spaces + "/" at 13 pt, and "ngày" + 12 spaces (10 + one each side) +
/// "tháng" at 14 pt; a Times New Roman space is 0.25 em.
const NUMBER_BLANK_MM: f64 = 12.0 * 0.25 * 13.0 / nd30::MM;
const DAY_BLANK_MM: f64 = 12.0 * 0.25 * 14.0 / nd30::MM;

/// Millimetres of blank on page 1 after `anchor` ("Số:", "ngày") up to the next glyph,
/// which must be `after`; only spaces lie between.
fn blank_mm(insp: &cchc::render::inspect::Inspection, anchor: &str, after: &str) -> f64 {
    let run = insp
        .runs
        .iter()
        .find(|r| r.page == 1 && r.text.contains(anchor))
        .unwrap_or_else(|| panic!("{anchor:?} printed"));
    let anchor_end = run.text.find(anchor).unwrap() + anchor.len();
    let mut at = 0;
    let mut last = None;
    for (i, g) in run.glyphs.iter().enumerate() {
        at += g.text.len();
        if at == anchor_end {
            last = Some(i);
            break;
        }
    }
    let last = last.expect("the anchor ends on a glyph");
    let next = (last + 1..run.glyphs.len())
        .find(|&i| !run.glyphs[i].text.trim().is_empty())
        .expect("text after the blank");
    assert_eq!(run.glyphs[next].text, after, "{:?}", run.text);
    let end = run.glyphs[last].x + run.glyphs[last].advance;
    (run.glyphs[next].x - end) / nd30::MM
}

#[test]
fn a_draft_leaves_the_number_and_the_day_blank_for_the_van_thu() {
    let draft = PLAN
        .replace("so: 3\n", "")
        .replace("ngay: 2026-02-03", "ngay: 2026-02");
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", &draft)]);
    let r = render(&content);
    let (_, _, insp) = &r.docs[0];
    let lines = insp.lines(12.0);
    assert!(
        lines
            .iter()
            .any(|l| l.page == 1 && l.text == "Thử Nghiệm, ngày tháng 02 năm 2026"),
        "the date line keeps its words around the blank day"
    );
    let number = blank_mm(insp, "Số:", "/");
    assert!(
        (number - NUMBER_BLANK_MM).abs() <= 0.5,
        "{number:.1} mm for the number, the theme gives {NUMBER_BLANK_MM:.1}"
    );
    let day = blank_mm(insp, "ngày", "t");
    assert!(
        (day - DAY_BLANK_MM).abs() <= 0.5,
        "{day:.1} mm for the day, the theme gives {DAY_BLANK_MM:.1}"
    );
}

/// Issue 9: the assignment table is sized by its content, as a `bang` is, in the PDF, the
/// web page and the Word twin alike. At the old fixed widths (11 mm, 1.35 fr, 1.75 fr,
/// 27 mm, 28 mm, 1.5 fr) "Thời gian chậm nhất phải hoàn thành" took four lines.
#[test]
fn the_assignment_table_is_sized_by_its_content_everywhere() {
    let r = render(&root().join("content"));
    let slug = "ke-hoach-cchc-2026";
    let (_, _, insp) = r.docs.iter().find(|d| d.0 == slug).unwrap();
    let plan = r.site.documents.iter().find(|d| d.slug == slug).unwrap();
    let table = plan.appendices[0]
        .assignments()
        .expect("an assignment table");
    let lines = insp.lines(3.0);
    let attached = lines
        .iter()
        .find(|l| l.text.starts_with("(Kèm theo Kế hoạch"))
        .expect("the appendix line");
    let page = attached.page;
    let area = lines
        .iter()
        .find(|l| l.page == page && l.text == "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH")
        .expect("the first area row");
    let t = table_on_page(insp, page, attached.y, area.y);
    assert!(
        t.header_lines <= 3,
        "header cells on {} lines",
        t.header_lines
    );
    let w = t.widths();
    assert_eq!(w.len(), 6, "{:?}", t.borders);
    let (left, right) = print_area(insp.pages[page - 1].width);
    assert!(
        t.borders[0] >= left - 0.5 && t.borders[6] <= right + 0.5,
        "{:?} outside {left}–{right}",
        t.borders
    );
    // Long text (tiêu chí, yêu cầu, tham mưu) wider than the dates; each date on one line.
    assert!(w[1] > w[3] && w[2] > w[3] && w[5] > w[3], "{w:?}");
    for d in table
        .areas
        .iter()
        .flat_map(|a| &a.rows)
        .filter_map(|r| r.deadline.as_ref())
    {
        if d.text.len() <= 10 {
            assert!(lines.iter().any(|l| l.text == d.text), "{:?} wraps", d.text);
        }
    }
    // The PDF's widths are the model's, in proportion.
    let sum: f64 = table.widths.iter().sum();
    let printed: f64 = w.iter().sum();
    for (got, want) in w.iter().zip(&table.widths) {
        assert!(
            (got / printed - want / sum).abs() < 0.002,
            "{w:?} vs {:?}",
            table.widths
        );
    }

    // The web page and the Word twin: the same shares.
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    build_into(&root().join("content"), &out).expect("the demo builds");
    let html = std::fs::read_to_string(out.join(format!("van-ban/{slug}.html"))).unwrap();
    let cols = html
        .split("<table class=\"phan-cong\">")
        .nth(1)
        .and_then(|t| t.split("</colgroup>").next())
        .unwrap_or("");
    let shares: Vec<f64> = cols
        .split("width: ")
        .skip(1)
        .filter_map(|c| c.split('%').next()?.parse().ok())
        .collect();
    assert_eq!(shares.len(), 6, "the web page's columns: {cols}");
    for (got, want) in shares.iter().zip(&table.widths) {
        assert!((got / 100.0 - want / sum).abs() < 0.001, "{shares:?}");
    }
    let docx = std::fs::read(out.join(format!("van-ban/{slug}.docx"))).unwrap();
    let xml = common::word::document_xml(&docx);
    let grid: Vec<f64> = xml
        .split("<w:tblGrid>")
        .skip(1)
        .filter_map(|g| g.split("</w:tblGrid>").next())
        .map(|g| {
            g.split("w:w=\"")
                .skip(1)
                .filter_map(|c| c.split('"').next()?.parse().ok())
                .collect::<Vec<f64>>()
        })
        .find(|g| g.len() == 6)
        .expect("the Word twin's assignment table");
    let total: f64 = grid.iter().sum();
    for (got, want) in grid.iter().zip(&table.widths) {
        assert!((got / total - want / sum).abs() < 0.001, "{grid:?}");
    }
}
