//! Workbooks for the import tests, written the way offices keep them, and LibreOffice
//! driven headless to convert them.

use std::path::{Path, PathBuf};

use cchc::content;
use cchc::coverage::Coverage;
use cchc::import::{Kind, Options};
use cchc::model::{AppendixContent, AssignmentTable};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

use super::root;

pub fn demo() -> PathBuf {
    root().join("content")
}

pub fn plan_table(content: &Path) -> AssignmentTable {
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
pub fn printed(t: &AssignmentTable) -> Vec<[String; 6]> {
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
pub fn office_workbook(rows: &[[String; 6]], path: &Path) {
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

/// A Biểu 06 sheet as a province's system exports it: three header rows, numbers as text
/// with thousands dots, blank zeros, a totals row.
pub fn form06_workbook(path: &Path, bad: bool) {
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

pub fn opts(file: &Path, kind: Option<Kind>) -> Options {
    Options {
        file: file.to_path_buf(),
        kind,
        sheet: None,
        into: None,
        skip_errors: false,
        content: demo(),
    }
}

pub fn soffice() -> String {
    std::env::var("SOFFICE").unwrap_or_else(|_| "soffice".into())
}

/// `soffice --headless --convert-to FORMAT`, in its own profile so parallel runs do not
/// share a lock. Panics (the test fails) when LibreOffice is not installed.
pub fn convert(file: &Path, format: &str, dir: &Path) -> PathBuf {
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
