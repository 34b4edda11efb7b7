//! The public site's pages, read as files (the browser test drives them in Chromium).

mod common;

use common::*;

#[test]
fn lists_officials_data_page_and_sitemap() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build_into(&root().join("content"), &out).expect("demo builds");

    // Documents list: every document, with its kind, year and folded text for the search.
    let list = std::fs::read_to_string(out.join("van-ban/index.html")).unwrap();
    assert_eq!(list.matches("<li data-kind=").count(), 10);
    assert!(list.contains("data-kind=\"ke-hoach\" data-year=\"2026\" data-text=\"ke hoach so 05/kh-ubnd cai cach hanh chinh nam 2026"));
    assert!(
        list.contains("<form class=\"filters\" role=\"search\" hidden>"),
        "filters appear only with JavaScript"
    );

    // A page per official: what they must do by when, soonest first, and what is late.
    let hoa = std::fs::read_to_string(out.join("can-bo/vp-tran-thi-hoa.html")).unwrap();
    assert!(hoa.contains("<h1>Trần Thị Hoa</h1>"));
    assert!(hoa.contains("tình trạng theo báo cáo Quý IV/2026"));
    let first_due = hoa.find("<time datetime=").unwrap();
    let dates: Vec<&str> = hoa[first_due..]
        .split("<time datetime=\"")
        .skip(1)
        .map(|s| &s[..10])
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "soonest deadline first");
    let index = std::fs::read_to_string(out.join("can-bo/index.html")).unwrap();
    assert!(index.contains("<a href=\"vp-tran-thi-hoa.html\">Trần Thị Hoa</a>"));

    // The data page links every period's downloads, and every link resolves.
    let data = std::fs::read_to_string(out.join("du-lieu.html")).unwrap();
    for href in data
        .split("href=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
    {
        if href.ends_with(".csv") || href.ends_with(".json") {
            assert!(out.join(href).is_file(), "{href}");
        }
    }
    assert!(data.contains("ket-qua/2026-q3/bieu-06.csv"));

    // The sitemap names every page, at the configured address.
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    for page in [
        "index.html",
        "van-ban/ke-hoach-cchc-2026.html",
        "ket-qua/2026-q2.html",
        "can-bo/vp-tran-thi-hoa.html",
        "du-lieu.html",
    ] {
        assert!(
            sitemap.contains(&format!(
                "<loc>https://hoason.example.gov.vn/cchc/{page}</loc>"
            )),
            "{page}"
        );
    }
    // Every page has a title and a description of its own.
    for page in [
        "index.html",
        "van-ban/index.html",
        "can-bo/vp-tran-thi-hoa.html",
        "ket-qua/2026-q1.html",
    ] {
        let html = std::fs::read_to_string(out.join(page)).unwrap();
        assert!(
            html.contains("<title>") && html.contains("<meta name=\"description\" content=\""),
            "{page}"
        );
    }
}

#[test]
fn diem_headings_are_upright_on_the_web_as_in_the_pdf() {
    let tmp = tempfile::tempdir().unwrap();
    let plan = PLAN.replace(
        "  # Mục đích\n",
        "  # Mục đích\n\n  ## Khoản\n\n  ### Điểm\n\n  Nội dung.\n",
    );
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", &plan)]);
    build_into(&content, &tmp.path().join("out")).expect("builds");
    let page = std::fs::read_to_string(tmp.path().join("out/van-ban/kh.html")).unwrap();
    assert!(
        page.contains("<p class=\"khoan\"><strong>1. Khoản</strong></p>"),
        "{page}"
    );
    assert!(page.contains("<p class=\"diem\">a) Điểm</p>"), "{page}");
}

#[test]
fn the_sitemap_is_a_template_a_commune_can_override() {
    let tmp = tempfile::tempdir().unwrap();
    let issuer = format!("{ISSUER}trang_web:\n  dia_chi_goc: https://xa.vn\n");
    let content = write_content(tmp.path(), &issuer, &[("kh.yaml", PLAN)]);
    build_into(&content, &tmp.path().join("out")).expect("builds");
    let sitemap = std::fs::read_to_string(tmp.path().join("out/sitemap.xml")).unwrap();
    assert!(sitemap.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset"));
    assert!(sitemap.contains("  <url><loc>https://xa.vn/index.html</loc></url>\n"));
    assert!(sitemap.ends_with("</urlset>\n"));
    std::fs::create_dir(tmp.path().join("templates")).unwrap();
    std::fs::write(
        tmp.path().join("templates/sitemap.xml"),
        "{% for p in pages %}{{ base }}/{{ p }}\n{% endfor %}",
    )
    .unwrap();
    build_into(&content, &tmp.path().join("out")).expect("builds");
    let sitemap = std::fs::read_to_string(tmp.path().join("out/sitemap.xml")).unwrap();
    assert!(
        sitemap.starts_with("https://xa.vn/index.html\n"),
        "{sitemap}"
    );
}

#[test]
fn a_target_not_met_reads_the_same_on_every_output() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build_into(&root().join("content"), &out).expect("demo builds");
    let q1 = |rel: &str| std::fs::read_to_string(out.join(rel)).unwrap();
    for rel in [
        "ket-qua/2026-q1.html",
        "ket-qua/2026-q1/chi-tieu.csv",
        "van-ban/bao-cao-cchc-quy-1-2026.html",
    ] {
        let text = q1(rel);
        assert!(text.contains("Chưa đạt"), "{rel}");
        assert!(!text.contains("Không đạt"), "{rel}");
    }
    let r = render(&root().join("content"));
    let (_, _, report) = r
        .docs
        .iter()
        .find(|d| d.0 == "bao-cao-cchc-quy-1-2026")
        .unwrap();
    let words: Vec<&str> = report.runs.iter().map(|r| r.text.as_str()).collect();
    assert!(
        words.iter().any(|w| w.contains("Chưa đạt")),
        "the report's table"
    );
    assert!(!words.iter().any(|w| w.contains("Không đạt")));
}
