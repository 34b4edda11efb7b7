//! `cchc import` on real workbooks: written here with rust_xlsxwriter the way an office
//! keeps them (merged two-row header, group rows merged across, date serials, numbers as
//! text, hidden rows and columns), the workbooks `cchc build` exports, and (ignored unless
//! LibreOffice is installed, as `.ci/run` does) files made by LibreOffice.

mod common;

use std::path::{Path, PathBuf};

use cchc::content::{self, raw::PeriodFile};
use cchc::coverage::Coverage;
use cchc::import::{self, Kind, Options};
use cchc::model::{AppendixContent, AssignmentTable};
use common::*;
use rust_xlsxwriter::Formula;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn demo() -> PathBuf {
    root().join("content")
}

fn plan_table(content: &Path) -> AssignmentTable {
    let loaded = content::load(content, &Coverage::any())
        .unwrap_or_else(|d| panic!("{}", d.render(cchc::diag::Lang::En, content)));
    let plan = loaded
        .site
        .documents
        .into_iter()
        .find(|d| d.slug == "ke-hoach-cchc-2026")
        .expect("the demo plan");
    plan.appendices
        .into_iter()
        .find_map(|a| match a.content {
            AppendixContent::Assignments { table } => Some(table),
            _ => None,
        })
        .expect("an assignment appendix")
}

/// Each row as printed: code, criterion, requirement, deadline, lead, staff.
fn printed(t: &AssignmentTable) -> Vec<[String; 6]> {
    let mut out = Vec::new();
    for a in &t.areas {
        out.push([
            a.numeral.clone(),
            a.name.clone(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]);
        for r in &a.rows {
            out.push([
                r.code.clone(),
                r.criterion.clone(),
                r.requirement.clone(),
                r.deadline
                    .as_ref()
                    .map(|d| d.text.clone())
                    .unwrap_or_default(),
                r.lead.clone().unwrap_or_default(),
                r.staff
                    .iter()
                    .map(|s| s.text.clone())
                    .collect::<Vec<_>>()
                    .join("; "),
            ]);
        }
    }
    out
}

/// The demo plan's assignment table as an office keeps it in Excel.
fn office_workbook(rows: &[[String; 6]], path: &Path) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Phân công").unwrap();
    let bold = Format::new().set_bold().set_text_wrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    ws.merge_range(
        0,
        0,
        0,
        5,
        "PHÂN CÔNG THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026",
        &bold,
    )
    .unwrap();
    ws.merge_range(2, 0, 3, 0, "STT", &bold).unwrap();
    ws.merge_range(2, 1, 3, 1, "Lĩnh vực,\ntiêu chí", &bold)
        .unwrap();
    ws.merge_range(
        2,
        2,
        3,
        2,
        "Yêu cầu năm 2026 (theo yêu cầu tối thiểu của Chỉ số CCHC)",
        &bold,
    )
    .unwrap();
    ws.merge_range(2, 3, 3, 3, "Thời gian chậm nhất\nphải hoàn thành", &bold)
        .unwrap();
    ws.merge_range(2, 4, 2, 5, "Phân công nhiệm vụ", &bold)
        .unwrap();
    ws.write_string_with_format(3, 4, "Cơ quan chủ trì thực hiện", &bold)
        .unwrap();
    ws.write_string_with_format(3, 5, "CB, công chức tham mưu", &bold)
        .unwrap();
    ws.write_string(2, 6, "Ghi chú nội bộ").unwrap();
    for c in 0..6u16 {
        ws.write_string(4, c, format!("({})", c + 1)).unwrap();
    }
    ws.set_column_hidden(6).unwrap();
    let mut r = 5u32;
    for (i, row) in rows.iter().enumerate() {
        if row[2..].iter().all(String::is_empty)
            && !row[0].contains('.')
            && row[0].chars().all(|c| "IVX".contains(c))
        {
            ws.merge_range(r, 0, r, 5, &format!("{}. {}", row[0], row[1]), &bold)
                .unwrap();
        } else {
            ws.write_string(r, 0, &row[0]).unwrap();
            ws.write_string(r, 1, &row[1]).unwrap();
            ws.write_string(r, 2, &row[2]).unwrap();
            // Dates as Excel dates for every other row, as typed text for the rest.
            let parts: Vec<u16> = row[3].split('/').filter_map(|p| p.parse().ok()).collect();
            match parts.as_slice() {
                [d, m, y] if i % 2 == 0 => {
                    let dt = ExcelDateTime::from_ymd(*y, *m as u8, *d as u8).unwrap();
                    ws.write_datetime_with_format(r, 3, &dt, &date).unwrap();
                }
                _ => {
                    ws.write_string(r, 3, &row[3]).unwrap();
                }
            }
            ws.write_string(r, 4, &row[4]).unwrap();
            // One cell with a name per line (Alt+Enter), the others with "; ".
            let staff = if i == 1 {
                row[5].replace("; ", "\n")
            } else {
                row[5].clone()
            };
            ws.write_string(r, 5, &staff).unwrap();
            ws.write_string(r, 6, "bản nháp").unwrap();
        }
        r += 1;
        if i == 3 {
            // A hidden row someone struck out: it must not come in.
            ws.write_string(r, 0, "9.9").unwrap();
            ws.write_string(r, 1, "Việc đã bỏ").unwrap();
            ws.write_string(r, 2, "x").unwrap();
            ws.set_row_hidden(r).unwrap();
            r += 1;
        }
    }
    wb.save(path).unwrap();
}

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

/// A Biểu 06 sheet as a province's system exports it: three header rows, numbers as text
/// with thousands dots, blank zeros, a totals row.
fn form06_workbook(path: &Path, bad: bool) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Bieu06").unwrap();
    let f = Format::new();
    ws.merge_range(0, 0, 0, 12, "Biểu số 06/VPCP/KSTT", &f)
        .unwrap();
    ws.merge_range(2, 0, 4, 0, "STT", &f).unwrap();
    ws.merge_range(2, 1, 4, 1, "Lĩnh vực, công việc giải quyết theo cấp", &f)
        .unwrap();
    ws.merge_range(2, 2, 2, 5, "Số hồ sơ nhận giải quyết", &f)
        .unwrap();
    ws.merge_range(3, 2, 4, 2, "Tổng số", &f).unwrap();
    ws.merge_range(3, 3, 3, 5, "Trong đó", &f).unwrap();
    ws.write_string(4, 3, "Trực tuyến").unwrap();
    ws.write_string(4, 4, "Trực tiếp, dịch vụ bưu chính")
        .unwrap();
    ws.write_string(4, 5, "Từ kỳ trước").unwrap();
    ws.merge_range(2, 6, 2, 9, "Số hồ sơ đã giải quyết", &f)
        .unwrap();
    ws.merge_range(3, 6, 4, 6, "Tổng số", &f).unwrap();
    ws.merge_range(3, 7, 4, 7, "Trả trước hạn", &f).unwrap();
    ws.merge_range(3, 8, 4, 8, "Đúng hạn", &f).unwrap();
    ws.merge_range(3, 9, 4, 9, "Quá hạn", &f).unwrap();
    ws.merge_range(2, 10, 2, 12, "Số hồ sơ đang giải quyết", &f)
        .unwrap();
    ws.merge_range(3, 10, 4, 10, "Tổng số", &f).unwrap();
    ws.merge_range(3, 11, 4, 11, "Trong hạn", &f).unwrap();
    ws.merge_range(3, 12, 4, 12, "Quá hạn", &f).unwrap();
    let rows: [(&str, [&str; 11]); 3] = [
        (
            "Chứng thực",
            [
                "1.164", "465", "696", "3", "1.160", "1.003", "157", "", "4", "4", "",
            ],
        ),
        (
            "Hộ tịch",
            [
                "538", "336", "192", "10", "525", "406", "117", "2", "13", "13", "0",
            ],
        ),
        (
            "Tổng cộng",
            [
                "1.702", "801", "888", "13", "1.685", "1.409", "274", "2", "17", "17", "0",
            ],
        ),
    ];
    for (i, (area, cells)) in rows.iter().enumerate() {
        let r = 5 + i as u32;
        if i < 2 {
            ws.write_number(r, 0, (i + 1) as f64).unwrap();
        }
        ws.write_string(r, 1, *area).unwrap();
        for (c, v) in cells.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r, 2 + c as u16, *v).unwrap();
            }
        }
    }
    // A formula: its value as last computed is what the file holds and what is read.
    ws.write_formula(6, 2, Formula::new("=D7+E7+F7").set_result("538"))
        .unwrap();
    if bad {
        ws.write_string(6, 2, "53B").unwrap();
        // Hộ tịch: đã giải quyết 525 ≠ 406 + 117 + 5.
        ws.write_string(6, 9, "5").unwrap();
    }
    wb.save(path).unwrap();
}

fn opts(file: &Path, kind: Option<Kind>) -> Options {
    Options {
        file: file.to_path_buf(),
        kind,
        sheet: None,
        into: None,
        skip_errors: false,
        content: demo(),
    }
}

#[test]
fn a_province_form06_export_comes_in_with_its_totals_checked() {
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("b06.xlsx");
    form06_workbook(&book, false);
    let got = import::read(&opts(&book, None)).expect("reads");
    assert_eq!(got.kind, Kind::Bieu06);
    assert!(got.found.problems.is_empty(), "{:?}", got.found.problems);
    let yaml = got.document(&book);
    assert!(
        yaml.contains("  - linh_vuc: Chứng thực\n    nhan_tong: 1164\n    nhan_truc_tuyen: 465\n"),
        "{yaml}"
    );
    assert!(yaml.contains("    qua_han: 0\n"));
    assert!(!yaml.contains("Tổng cộng"));
    import::run::schema_check(Kind::Bieu06, &yaml, false).expect("the build's types read it");
}

#[test]
fn unreadable_cells_are_named_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("b06.xlsx");
    form06_workbook(&book, true);
    let period = tmp.path().join("2026-q1.yaml");
    let text = "ten: \"Quý I/2026\"\ntu_ngay: 2026-01-01\nden_ngay: 2026-03-31\n";
    std::fs::write(&period, text).unwrap();
    let args = [
        "import",
        book.to_str().unwrap(),
        "--vao",
        period.to_str().unwrap(),
    ];
    let (code, _, err) = cchc(&args, tmp.path());
    assert_eq!(code, 1);
    assert!(
        err.contains("Bieu06!C7: ô ghi \"53B\", cần một số nguyên không âm"),
        "{err}"
    );
    assert!(
        err.contains("Bieu06!G7: Biểu 06, lĩnh vực \"Hộ tịch\": 525 ≠ 528"),
        "{err}"
    );
    assert!(err.contains("Bieu06!J8: dòng tổng ghi 2"), "{err}");
    assert!(err.contains("Chưa ghi gì"), "{err}");
    assert_eq!(std::fs::read_to_string(&period).unwrap(), text);

    let (_, _, en) = cchc(
        &["--lang", "en", "import", book.to_str().unwrap()],
        tmp.path(),
    );
    assert!(
        en.contains("Bieu06!C7: the cell holds \"53B\"; expected a whole number"),
        "{en}"
    );

    let mut skip = args.to_vec();
    skip.push("--bo-qua-loi");
    let (code, _, err) = cchc(&skip, tmp.path());
    assert_eq!(code, 0, "{err}");
    let after = std::fs::read_to_string(&period).unwrap();
    assert!(
        after.starts_with(text) && after.contains("bieu_06:\n"),
        "{after}"
    );
}

#[test]
fn an_exported_workbook_imports_back_to_the_same_rows() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("a/output");
    build_into(&demo(), &out).expect("builds");
    let book = out.join("ket-qua/2026-q1/2026-q1.xlsx");
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
    // The same content gives the same bytes, whenever it is built.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let again = tmp.path().join("b/output");
    build_into(&demo(), &again).expect("builds");
    assert_eq!(
        std::fs::read(&book).unwrap(),
        std::fs::read(again.join("ket-qua/2026-q1/2026-q1.xlsx")).unwrap()
    );
}

fn soffice() -> String {
    std::env::var("SOFFICE").unwrap_or_else(|_| "soffice".into())
}

/// `soffice --headless --convert-to FORMAT`, in its own profile so parallel runs do not
/// share a lock. Panics (the test fails) when LibreOffice is not installed.
fn convert(file: &Path, format: &str, dir: &Path) -> PathBuf {
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("lo-profile").display()
    );
    let mut cmd = std::process::Command::new(soffice());
    cmd.args([profile.as_str(), "--headless"]);
    if file.extension().is_some_and(|e| e == "csv") {
        // Comma-separated, UTF-8 (76), from line 1.
        cmd.arg("--infilter=CSV:44,34,76,1");
    }
    let out = cmd
        .args(["--convert-to", format, "--outdir"])
        .arg(dir)
        .arg(file)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "LibreOffice ({}; Debian package libreoffice-calc-nogui) does not run: {e}",
                soffice()
            )
        });
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ext = format.split(':').next().unwrap_or(format);
    let made = dir.join(file.with_extension(ext).file_name().unwrap());
    assert!(
        made.is_file(),
        "LibreOffice made no {}: {}",
        made.display(),
        String::from_utf8_lossy(&out.stdout)
    );
    made
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
fn named_counts_merge_into_a_period_and_leave_the_rest() {
    let tmp = tempfile::tempdir().unwrap();
    // Excel in a Vietnamese locale saves CSV with ";" and the decimal comma.
    let csv = tmp.path().join("so-lieu.csv");
    std::fs::write(
        &csv,
        "\u{feff}Mã;Số liệu;Số lượng\nho_so_tiep_nhan;Hồ sơ tiếp nhận;2.150\nty_le;Tỷ lệ hài lòng;97,8\nho_so_truc_tuyen;Hồ sơ trực tuyến;950\n",
    )
    .unwrap();
    let period = tmp.path().join("2026-q1.yaml");
    let text = "# Quý I\nten: \"Quý I/2026\"\ntu_ngay: 2026-01-01\nden_ngay: 2026-03-31\nso_lieu:\n  cu: 1 # bị thay\n\n# Biểu 06\nbieu_06: []\n";
    std::fs::write(&period, text).unwrap();
    let (code, _, err) = cchc(
        &[
            "import",
            csv.to_str().unwrap(),
            "--into",
            period.to_str().unwrap(),
        ],
        tmp.path(),
    );
    assert_eq!(code, 0, "{err}");
    let after = std::fs::read_to_string(&period).unwrap();
    assert_eq!(
        after,
        "# Quý I\nten: \"Quý I/2026\"\ntu_ngay: 2026-01-01\nden_ngay: 2026-03-31\nso_lieu:\n  # Nhập từ so-lieu.csv, trang \"so-lieu\", ô A1:C4 (cchc import).\n  ho_so_tiep_nhan: 2150  # Hồ sơ tiếp nhận\n  ho_so_truc_tuyen: 950  # Hồ sơ trực tuyến\n  ty_le: 97.8  # Tỷ lệ hài lòng\n\n# Biểu 06\nbieu_06: []\n"
    );
}

#[test]
fn a_mistyped_sheet_is_named_with_the_sheets_there() {
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("b06.xlsx");
    form06_workbook(&book, false);
    let (code, out, err) = cchc(
        &["import", book.to_str().unwrap(), "--sheet", "Bieu6"],
        tmp.path(),
    );
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.contains(
            "Không có trang \"Bieu6\". Các trang: \"Bieu06\". Có phải ý bạn là \"Bieu06\"?"
        ),
        "{err}"
    );
    let (code, _, err) = cchc(
        &["import", book.to_str().unwrap(), "--as", "bang-phan-cong"],
        tmp.path(),
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("không trang nào") || err.contains("Không trang nào"),
        "{err}"
    );
}

#[test]
fn rows_the_build_would_refuse_are_refused_before_writing() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&demo(), &content);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in [
        "STT",
        "Nhiệm vụ",
        "Sản phẩm",
        "Thời hạn",
        "Chủ trì",
        "Phối hợp",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "I. Công tác chỉ đạo").unwrap();
    for r in 2..4 {
        // The same code twice.
        ws.write_string(r, 0, "1.1").unwrap();
        ws.write_string(r, 1, "Việc").unwrap();
        ws.write_string(r, 2, "Kết quả").unwrap();
        ws.write_string(r, 3, "Thường xuyên").unwrap();
        ws.write_string(r, 4, "VP").unwrap();
    }
    let book = tmp.path().join("pc.xlsx");
    wb.save(&book).unwrap();
    let plan = content.join("van-ban/ke-hoach-cchc-2026.yaml");
    let before = std::fs::read(&plan).unwrap();
    let (code, _, err) = cchc(
        &[
            "import",
            book.to_str().unwrap(),
            "--vao",
            plan.to_str().unwrap(),
            "--content",
            content.to_str().unwrap(),
        ],
        tmp.path(),
    );
    assert_eq!(code, 1);
    assert!(err.contains("bị trùng"), "{err}");
    assert!(err.contains("Chưa ghi gì"), "{err}");
    assert_eq!(std::fs::read(&plan).unwrap(), before);
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
