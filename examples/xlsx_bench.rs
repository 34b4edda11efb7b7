//! Timings of `cchc import` and of the per-period workbook export (BENCHMARKS.md):
//! a 1,000-row assignment sheet, a 30-sheet workbook (the import reads up to the sheet it
//! is asked for: the last), and the export of each demo period.
//!
//! `cargo run --release --example xlsx_bench -- DIR` (DIR: where the generated workbooks go).

use std::path::{Path, PathBuf};
use std::time::Instant;

use cchc::import::{self, Kind, Options};
use rust_xlsxwriter::{Workbook, XlsxError};

fn assignment_sheet(wb: &mut Workbook, name: &str, rows: usize) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
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
        ws.write_string(0, c as u16, *h)?;
    }
    let mut r = 1;
    for area in 1..=rows.div_ceil(25) {
        ws.write_string(r, 0, cchc::vn::roman(area as u32))?;
        ws.write_string(r, 1, format!("Lĩnh vực số {area}"))?;
        r += 1;
        for i in 1..=25 {
            ws.write_string(r, 0, format!("{area}.{i}"))?;
            ws.write_string(
                r,
                1,
                format!("Nhiệm vụ {area}.{i}: rà soát, công khai thủ tục hành chính"),
            )?;
            ws.write_string(r, 2, "Báo cáo kết quả")?;
            ws.write_string(
                r,
                3,
                if i % 2 == 0 {
                    "31/12/2026"
                } else {
                    "Quý III năm 2026"
                },
            )?;
            ws.write_string(r, 4, "Văn phòng HĐND và UBND")?;
            ws.write_string(r, 5, "Trần Thị Hoa; Nguyễn Thu Trang")?;
            r += 1;
        }
    }
    Ok(())
}

fn time<T>(label: &str, runs: usize, mut f: impl FnMut() -> T) {
    let mut ms: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    println!("{label}: median {:.1} ms over {runs} runs", ms[runs / 2]);
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "/tmp/xlsx-bench".into()),
    );
    std::fs::create_dir_all(&dir)?;
    let one = dir.join("phan-cong-1000.xlsx");
    let mut wb = Workbook::new();
    assignment_sheet(&mut wb, "Phân công", 1000)?;
    wb.save(&one)?;
    let many = dir.join("30-trang.xlsx");
    let mut wb = Workbook::new();
    for s in 1..=30 {
        assignment_sheet(&mut wb, &format!("Trang {s}"), 50)?;
    }
    wb.save(&many)?;
    let opts = |file: &Path, sheet: Option<&str>| Options {
        file: file.to_path_buf(),
        kind: Some(Kind::BangPhanCong),
        sheet: sheet.map(String::from),
        into: None,
        skip_errors: false,
        content: PathBuf::from("content"),
    };
    time("import, 1,000-row assignment sheet", 9, || {
        import::read(&opts(&one, None)).map(|i| i.block.len())
    });
    time("import, 30-sheet workbook, last sheet", 9, || {
        import::read(&opts(&many, Some("Trang 30"))).map(|i| i.block.len())
    });
    // No sheet named and none of the kind asked for: every sheet is read before giving up.
    time("import, 30-sheet workbook, all sheets scanned", 9, || {
        import::read(&Options {
            kind: Some(Kind::Bieu06),
            ..opts(&many, None)
        })
        .is_err()
    });
    let loaded = cchc::content::load(Path::new("content"), &cchc::coverage::Coverage::any())
        .map_err(|_| "the demo content does not load")?;
    let views = cchc::present::Views::new(&loaded.site);
    for (view, _) in &views.periods {
        time(&format!("export {}.xlsx", view.id), 9, || {
            cchc::render::xlsx::workbook(view).map(|b| b.len())
        });
    }
    Ok(())
}
