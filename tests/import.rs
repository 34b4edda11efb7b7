//! `cchc import` from the command line and the library: a province's Biểu 06 export,
//! unreadable cells named with nothing written, named counts merged into a period, a
//! mistyped sheet, rows the build would refuse. Workbooks are written by the tests
//! (tests/common/workbooks.rs); the round trips are in `import_round_trip.rs`.

mod common;

use cchc::import::{self, Kind};
use common::workbooks::*;
use common::*;
use rust_xlsxwriter::Workbook;

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
fn a_missing_or_damaged_file_is_said_in_words() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, out, err) = cchc(&["import", "khong-co.xlsx"], tmp.path());
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(
        err.starts_with("lỗi[E0802]: Không đọc được khong-co.xlsx: không tồn tại"),
        "{err}"
    );
    std::fs::write(tmp.path().join("hong.xlsx"), "không phải zip").unwrap();
    let (code, _, err) = cchc(&["import", "hong.xlsx"], tmp.path());
    assert_eq!(code, 1);
    assert!(
        err.starts_with("lỗi[E0802]: Không mở được hong.xlsx như một bảng tính"),
        "{err}"
    );
    let (code, _, err) = cchc(&["import", "ghi-chu.txt"], tmp.path());
    assert_eq!(code, 1);
    assert!(err.contains("không phải bảng tính"), "{err}");
}
