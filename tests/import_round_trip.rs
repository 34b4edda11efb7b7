//! Round trips through real files: the demo's assignment table written as an office keeps
//! it (merged two-row header, group rows merged across, date serials, hidden rows and
//! columns), imported into the plan, then read back from the built page and from the PDF's
//! layout cell by cell; the workbooks `cchc build` exports imported back to the same YAML;
//! and (ignored unless LibreOffice is installed, as `.ci/run` does) files made or read by
//! LibreOffice.

mod common;

use cchc::content::raw::PeriodFile;
use cchc::import::{self, Kind, Options};
use common::workbooks::*;
use common::*;

#[test]
fn the_demo_assignment_table_round_trips_cell_by_cell() {
    let original = plan_table(&demo());
    let rows = printed(&original);
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&demo(), &content);
    let sheet = tmp.path().join("phan-cong.xlsx");
    office_workbook(&rows, &sheet);
    let plan = content.join("van-ban/ke-hoach-cchc-2026.yaml");
    let before = std::fs::read_to_string(&plan).unwrap();
    let (code, out, err) = cchc(
        &[
            "import",
            sheet.to_str().unwrap(),
            "--vao",
            plan.to_str().unwrap(),
            "--content",
            content.to_str().unwrap(),
        ],
        tmp.path(),
    );
    assert_eq!(code, 0, "{out}\n{err}");
    assert!(err.contains("bỏ qua 1 dòng ẩn"), "{err}");
    assert!(err.contains("bỏ qua 1 cột ẩn (G)"), "{err}");
    let after = std::fs::read_to_string(&plan).unwrap();
    let head = &before[..before.find("phu_luc:").unwrap() + "phu_luc:\n".len()];
    assert!(
        after.starts_with(head),
        "the rest of the plan must be untouched"
    );
    assert!(!after.contains("Việc đã bỏ") && !after.contains("bản nháp"));
    // Staff came back as ids, not as their printed names.
    assert!(after.contains("- vp-tran-thi-hoa"), "{after}");
    let imported = printed(&plan_table(&content));
    assert_eq!(imported.len(), rows.len());
    for (a, b) in imported.iter().zip(&rows) {
        assert_eq!(a, b);
    }
    // And the page shows them.
    let out_dir = tmp.path().join("output");
    build_into(&content, &out_dir).expect("builds");
    let html = std::fs::read_to_string(out_dir.join("van-ban/ke-hoach-cchc-2026.html")).unwrap();
    // tera escapes what it prints.
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&#x27;")
            .replace('/', "&#x2F;")
    };
    for r in rows.iter().filter(|r| r[0].contains('.')) {
        for cell in &r[1..] {
            let slash_kept = escape(cell).replace("&#x2F;", "/");
            assert!(
                html.contains(&escape(cell)) || html.contains(&slash_kept),
                "{cell} not on the page"
            );
        }
    }
}

#[test]
fn an_exported_workbook_imports_back_to_the_same_rows() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("a/output");
    build_into(&demo(), &out).expect("builds");
    let book = out.join("ket-qua/2026-q1/2026-q1.xlsx");
    // Linked beside the CSV and JSON on the period's page and on the data page.
    for page in ["ket-qua/2026-q1.html", "du-lieu.html"] {
        let html = std::fs::read_to_string(out.join(page)).unwrap();
        assert!(
            html.contains("href=\"2026-q1/2026-q1.xlsx\"")
                || html.contains("href=\"ket-qua/2026-q1/2026-q1.xlsx\""),
            "{page} does not link the workbook"
        );
    }
    // Reopened by calamine: a sheet per table; an indicator's value a number, its formula text.
    use calamine::{Data, Reader};
    let mut reopened = calamine::open_workbook_auto(&book).unwrap();
    assert_eq!(
        reopened.sheet_names(),
        ["Biểu 06", "Chỉ tiêu", "Tiến độ nhiệm vụ", "Điểm 766"]
    );
    let ind = reopened.worksheet_range("Chỉ tiêu").unwrap();
    assert_eq!(
        ind.get_value((2, 5)),
        Some(&Data::String("Công thức".into()))
    );
    let computed = ind
        .rows()
        .filter(|r| {
            matches!(r.get(4), Some(Data::Float(_)))
                && matches!(r.get(5), Some(Data::String(f)) if f.contains('÷'))
        })
        .count();
    assert!(
        computed >= 5,
        "{computed} indicators with a value and its formula"
    );
    let got = import::read(&Options {
        sheet: Some("Biểu 06".into()),
        ..opts(&book, None)
    })
    .expect("reads");
    assert_eq!(got.kind, Kind::Bieu06);
    assert!(got.found.problems.is_empty(), "{:?}", got.found.problems);
    // The same YAML as the period file's, line for line (less the comment naming the sheet).
    let source = std::fs::read_to_string(demo().join("ket-qua/2026-q1.yaml")).unwrap();
    let block: String = source
        .split_inclusive('\n')
        .skip_while(|l| !l.starts_with("bieu_06:"))
        .take_while(|l| l.starts_with("bieu_06:") || l.starts_with(' '))
        .collect();
    let back: String = got
        .document(&book)
        .split_inclusive('\n')
        .filter(|l| !l.starts_with("  # Nhập từ"))
        .collect();
    assert!(block.len() > 500, "{block}");
    assert_eq!(back, block);
    // The CSV download, whose titles are flat ("Nhận: tổng số", "Trực tuyến" …), too.
    let csv = out.join("ket-qua/2026-q1/bieu-06.csv");
    let from_csv = import::read(&opts(&csv, None)).expect("reads the CSV");
    assert_eq!(from_csv.kind, Kind::Bieu06);
    let back_csv: String = from_csv
        .document(&csv)
        .split_inclusive('\n')
        .filter(|l| !l.starts_with("  # Nhập từ"))
        .collect();
    assert_eq!(back_csv, block);
    // The same content gives the same bytes, whenever it is built.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let again = tmp.path().join("b/output");
    build_into(&demo(), &again).expect("builds");
    assert_eq!(
        std::fs::read(&book).unwrap(),
        std::fs::read(again.join("ket-qua/2026-q1/2026-q1.xlsx")).unwrap()
    );
}

#[test]
#[ignore = "needs LibreOffice (libreoffice-calc-nogui); .ci/run installs it"]
fn libreoffice_reads_the_exported_workbook_as_cchc_wrote_it() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("output");
    build_into(&demo(), &out).expect("builds");
    let book = out.join("ket-qua/2026-q1/2026-q1.xlsx");
    // The first sheet (Biểu 06) as CSV, UTF-8 (filter options 44,34,76).
    let csv = convert(
        &book,
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false",
        tmp.path(),
    );
    let text = std::fs::read_to_string(csv).unwrap();
    let source: PeriodFile = serde_saphyr::from_str(
        &std::fs::read_to_string(demo().join("ket-qua/2026-q1.yaml")).unwrap(),
    )
    .unwrap();
    for r in &source.bieu_06 {
        let line = text
            .lines()
            .find(|l| l.contains(&format!(",{},", r.linh_vuc.value)))
            .unwrap_or_else(|| panic!("{} not in {text}", r.linh_vuc.value));
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells[3], r.nhan_truc_tuyen.value.to_string(), "{line}");
        assert_eq!(cells[4], r.nhan_truc_tiep.value.to_string(), "{line}");
        assert_eq!(cells[7], r.truoc_han.value.to_string(), "{line}");
    }
    assert!(text.contains("Số hồ sơ nhận giải quyết"), "{text}");
}

#[test]
#[ignore = "needs LibreOffice (libreoffice-calc-nogui); .ci/run installs it"]
fn a_workbook_made_by_libreoffice_imports() {
    let tmp = tempfile::tempdir().unwrap();
    // A CSV as a clerk saves it, turned into a real .xlsx by LibreOffice.
    let csv = tmp.path().join("phan-cong.csv");
    std::fs::write(
        &csv,
        "STT,Nhiệm vụ,Sản phẩm,Thời hạn,Chủ trì,Phối hợp\n\
         I,Công tác chỉ đạo,,,,\n\
         1.1,Ban hành kế hoạch,Kế hoạch,31/12/2026,Văn phòng HĐND và UBND,Trần Thị Hoa\n\
         1.2,Tuyên truyền,Tin bài,Quý III năm 2026,Phòng Văn hóa - Xã hội,Lý Văn Khánh; Ông Ba\n",
    )
    .unwrap();
    let book = convert(&csv, "xlsx", tmp.path());
    let got = import::read(&opts(&book, None)).expect("reads");
    assert_eq!(got.kind, Kind::BangPhanCong, "{}", got.block);
    assert!(got.found.problems.is_empty(), "{:?}", got.found.problems);
    let yaml = got.document(&book);
    assert!(yaml.contains("thoi_han: 2026-12-31"), "{yaml}");
    assert!(yaml.contains("chu_tri: VP"), "{yaml}");
    assert!(yaml.contains("- vhxh-ly-van-khanh\n"), "{yaml}");
    let notes: Vec<&str> = got.found.notes.iter().map(|n| n.text.vi.as_str()).collect();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("\"Ông Ba\"") || n.contains("\"Ba\"")),
        "{notes:?}"
    );
    import::run::schema_check(Kind::BangPhanCong, &yaml, false).expect("the build's types read it");
}

#[test]
#[ignore = "needs LibreOffice (libreoffice-calc-nogui); .ci/run installs it"]
fn the_same_sheet_saved_as_ods_or_xls_by_libreoffice_reads_the_same() {
    let tmp = tempfile::tempdir().unwrap();
    let rows = printed(&plan_table(&demo()));
    let xlsx = tmp.path().join("phan-cong.xlsx");
    office_workbook(&rows, &xlsx);
    let from_xlsx = import::read(&opts(&xlsx, None)).expect("reads the xlsx");
    // .ods: calamine reads neither its merges nor its hidden rows; cchc reads them itself.
    let ods = convert(&xlsx, "ods", tmp.path());
    let from_ods = import::read(&opts(&ods, None)).expect("reads the ods");
    assert_eq!(from_ods.kind, Kind::BangPhanCong);
    assert!(
        from_ods.found.problems.is_empty(),
        "{:?}",
        from_ods.found.problems
    );
    assert_eq!(from_ods.block, from_xlsx.block);
    let notes: Vec<&str> = from_ods
        .found
        .notes
        .iter()
        .map(|n| n.text.vi.as_str())
        .collect();
    assert!(
        notes.iter().any(|n| n.contains("bỏ qua 1 dòng ẩn")),
        "{notes:?}"
    );
    // .xls: merges are read; hidden rows cannot be seen, and the import says so.
    let xls = convert(&xlsx, "xls:MS Excel 97", tmp.path());
    let from_xls = import::read(&opts(&xls, None)).expect("reads the xls");
    assert_eq!(from_xls.kind, Kind::BangPhanCong);
    let notes: Vec<&str> = from_xls
        .found
        .notes
        .iter()
        .map(|n| n.text.vi.as_str())
        .collect();
    assert!(notes.iter().any(|n| n.contains(".xls")), "{notes:?}");
    assert!(from_xls.block.contains("Việc đã bỏ"));
}

/// The body rows of the plan's assignment appendix as the PDF lays them out: cells are the
/// text between the table's vertical and horizontal rules, whitespace removed (lines break
/// anywhere), header rows repeated on each page left out, a row split over a page joined.
fn pdf_rows(insp: &cchc::render::inspect::Inspection) -> Vec<Vec<String>> {
    let first = common::nd30::appendix_start(insp).expect("an appendix");
    let mut rows: Vec<Vec<String>> = Vec::new();
    for page in first..=insp.pages.len() {
        let mut xs: Vec<f64> = insp
            .vrules
            .iter()
            .filter(|v| v.page == page)
            .map(|v| (v.x * 2.0).round() / 2.0)
            .collect();
        xs.sort_by(f64::total_cmp);
        xs.dedup();
        if xs.len() < 3 {
            continue;
        }
        let (left, right) = (xs[0], xs[xs.len() - 1]);
        let mut ys: Vec<f64> = insp
            .rules
            .iter()
            .filter(|r| r.page == page && r.x0 <= left + 1.0 && r.x1 >= right - 1.0)
            .map(|r| (r.y * 2.0).round() / 2.0)
            .collect();
        ys.sort_by(f64::total_cmp);
        ys.dedup();
        let mut first_band = true;
        for band in ys.windows(2) {
            let cells: Vec<String> = xs
                .windows(2)
                .map(|col| {
                    let mut runs: Vec<&cchc::render::inspect::Run> = insp
                        .runs
                        .iter()
                        .filter(|r| {
                            r.page == page
                                && r.y > band[0]
                                && r.y < band[1]
                                && r.x >= col[0] - 0.5
                                && r.x < col[1]
                        })
                        .collect();
                    runs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
                    runs.iter()
                        .flat_map(|r| r.text.chars())
                        .filter(|c| !c.is_whitespace())
                        .collect()
                })
                .collect();
            let header = cells[0] == "STT"
                || cells[0] == "(1)"
                || cells.iter().all(String::is_empty)
                || cells[0].is_empty() && cells[1] == "(2)";
            let header = header
                || (cells[0].is_empty()
                    && cells.iter().skip(1).any(|c| {
                        c.contains("chủtrì") || c.contains("Chủtrì") || c.contains("thammưu")
                    }));
            if header {
                continue;
            }
            // A row continued from the page before: no STT of its own.
            if first_band && cells[0].is_empty() && !rows.is_empty() {
                let last = rows.last_mut().unwrap();
                for (a, b) in last.iter_mut().zip(cells) {
                    a.push_str(&b);
                }
            } else {
                rows.push(cells);
            }
            first_band = false;
        }
    }
    rows
}

#[test]
fn the_imported_table_prints_in_the_pdf_as_in_the_sheet() {
    let rows = printed(&plan_table(&demo()));
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&demo(), &content);
    let sheet = tmp.path().join("phan-cong.xlsx");
    office_workbook(&rows, &sheet);
    let plan = content.join("van-ban/ke-hoach-cchc-2026.yaml");
    let (code, _, err) = cchc(
        &[
            "import",
            sheet.to_str().unwrap(),
            "--vao",
            plan.to_str().unwrap(),
            "--content",
            content.to_str().unwrap(),
        ],
        tmp.path(),
    );
    assert_eq!(code, 0, "{err}");
    let rendered = render(&content);
    let (_, _, insp) = rendered
        .docs
        .iter()
        .find(|(slug, ..)| slug == "ke-hoach-cchc-2026")
        .expect("the plan");
    let got = pdf_rows(insp);
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let want: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| squeeze(c)).collect())
        .collect();
    assert!(want.len() > 50);
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "PDF row {i}");
    }
    assert_eq!(got.len(), want.len());
}
