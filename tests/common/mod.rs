//! Shared helpers for the end-to-end tests: build real content into temp folders and read
//! back the artefacts.
#![allow(dead_code)]

pub mod expected;
pub mod nd30;
pub mod ooxml;
pub mod pdf;
pub mod results;
pub mod serve;
pub mod word;
pub mod workbooks;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, OnceLock};

use cchc::build::{self, Paths};
use cchc::content;
use cchc::model::Site;
use cchc::render::fonts::FontSet;
use cchc::render::inspect::{self, Inspection};
use cchc::render::pdf::{Engine, Layouts};
use cchc::theme::Theme;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn theme_dir() -> PathBuf {
    root().join("themes/default")
}

pub fn engine() -> Arc<Engine> {
    static ENGINE: OnceLock<Arc<Engine>> = OnceLock::new();
    ENGINE
        .get_or_init(|| Engine::new(FontSet::load(None).expect("the bundled fonts load")))
        .clone()
}

/// A content folder's documents rendered in-process: the model, and per document its PDF
/// bytes and the laid-out pages.
pub struct Rendered {
    pub site: Site,
    pub docs: Vec<(String, Vec<u8>, Inspection)>,
}

pub fn render(content_dir: &Path) -> Rendered {
    render_with(content_dir, &theme_dir())
}

/// As [`render`], with the theme in `theme`.
pub fn render_with(content_dir: &Path, theme: &Path) -> Rendered {
    let engine = engine();
    let loaded = content::load(content_dir, &engine.fonts.coverage()).unwrap_or_else(|d| {
        panic!(
            "content must be valid:\n{}",
            d.render(cchc::diag::Lang::En, content_dir)
        )
    });
    let site = presented(loaded.site);
    let theme = Theme::load(theme, None).expect("theme loads");
    let layouts = Layouts::new(engine, &theme).expect("layouts");
    let docs = site
        .documents
        .iter()
        .map(|d| {
            let r = layouts
                .render(&site.issuer, d)
                .unwrap_or_else(|e| panic!("{} renders: {e}", d.slug));
            (d.slug.clone(), r.pdf, inspect::inspect(&r.layout))
        })
        .collect();
    Rendered { site, docs }
}

/// The site with its documents as the outputs print them (the present stage adds a báo
/// cáo's period tables), so that tests read what `build` lays out.
pub fn presented(mut site: Site) -> Site {
    let documents: Vec<cchc::model::Document> = cchc::present::Views::new(&site)
        .documents
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect();
    site.documents = documents;
    site
}

/// Builds `content_dir` with the library into `out`.
pub fn build_into(content_dir: &Path, out: &Path) -> Result<build::Report, build::BuildError> {
    let mut paths = Paths::new(content_dir, out, Some(&theme_dir()));
    // Beside the output, so that building the demo or a seed never writes into the repository.
    paths.cache = out.parent().map(|p| p.join(build::CACHE_DIR));
    build::build(&engine(), &paths)
}

/// Runs the `cchc` binary; returns (exit code, stdout, stderr).
pub fn cchc(args: &[&str], cwd: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cchc"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("cchc runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Copies a folder tree.
pub fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// A small valid content folder: the issuer and one plan with a short appendix.
pub const ISSUER: &str = r#"ten_in:
  - ỦY BAN NHÂN DÂN
  - XÃ THỬ NGHIỆM
ten_day_du: Ủy ban nhân dân xã Thử Nghiệm
ten_viet_tat: UBND xã Thử Nghiệm
ma: UBND
dia_danh: Thử Nghiệm
don_vi:
  - ma: VP
    ten: Văn phòng HĐND và UBND
can_bo:
  - ma: chu-tich
    ho_ten: Nguyễn Văn An
    chuc_vu: Chủ tịch UBND xã
  - ma: vp-hoa
    ho_ten: Trần Thị Hoa
    chuc_vu: Công chức Văn phòng - Thống kê
    don_vi: VP
"#;

pub const PLAN: &str = r#"loai: ke-hoach
so: 3
ngay: 2026-02-03
trich_yeu: Thử nghiệm
noi_dung: |
  Mở đầu.

  # Mục đích

  - Một.

  (Có Phụ lục kèm theo)
noi_nhan:
  - UBND tỉnh
  - "Lưu: VT, VP"
nguoi_ky:
  chuc_danh: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
  can_bo: chu-tich
phu_luc:
  - tieu_de: Phân công
    bang_phan_cong:
      linh_vuc:
        - ten: Công tác chỉ đạo, điều hành
          tieu_chi:
            - ma: "1.1"
              noi_dung: Tiêu chí một
              yeu_cau: Đạt 100%
              thoi_han: 2026-12-31
              chu_tri: VP
              tham_muu: [vp-hoa]
"#;

/// Writes a content folder with the given files into `dir/content`.
pub fn write_content(dir: &Path, issuer: &str, docs: &[(&str, &str)]) -> PathBuf {
    let content = dir.join("content");
    std::fs::create_dir_all(content.join("van-ban")).unwrap();
    std::fs::write(content.join("co_quan.yaml"), issuer).unwrap();
    for (name, text) in docs {
        std::fs::write(content.join("van-ban").join(name), text).unwrap();
    }
    content
}

/// Every entry under `dir` (folders too, with the bytes of files), sorted, leaving out the
/// entries named in `except` and what they hold: what "untouched" means.
pub fn snapshot_except(dir: &Path, except: &[&str]) -> Vec<(String, Option<Vec<u8>>)> {
    let mut out: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|e| !except.iter().any(|x| e.file_name() == *x))
        .filter_map(Result::ok)
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let bytes = e
                .file_type()
                .is_file()
                .then(|| std::fs::read(e.path()).unwrap());
            (rel, bytes)
        })
        .collect();
    out.sort();
    out
}

/// Every file under `dir`, as (relative path, bytes), sorted.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

/// What page 1 and the phụ lục must print, written in each test from the decree and the
/// source document: never computed by the formatters under test.
pub struct Header<'a> {
    /// "05/KH-UBND", or "/UBND-VP" for a draft.
    pub reference: &'a str,
    /// "Hòa Sơn, ngày 15 tháng 01 năm 2026".
    pub date_line: &'a str,
    /// "KẾ HOẠCH", or `None` for a công văn.
    pub kind_title: Option<&'a str>,
    /// The "(Kèm theo …)" line under the phụ lục title.
    pub attached: Option<&'a str>,
}

/// The ND30 checklist for one rendered document. Page 1's number, date, tên loại and the
/// phụ lục's "(Kèm theo …)" line come from `h`; the names (issuer lines, addressees,
/// recipients, trích yếu) from the model, compared without the punctuation the page must add.
pub fn check_nd30(
    site: &Site,
    doc: &cchc::model::Document,
    insp: &Inspection,
    h: &Header,
) -> Vec<String> {
    let issuer_lines: Vec<&str> = site.issuer.name_lines.iter().map(String::as_str).collect();
    let addressees: Vec<&str> = doc.addressees.iter().map(|a| nd30::bare(a)).collect();
    let recipients: Vec<&str> = doc.recipients.iter().map(|r| nd30::bare(r)).collect();
    // A công văn's trích yếu is printed "V/v …" under its Số (nd30.md §3, ô 5b).
    let subject = h.kind_title.is_none().then(|| {
        if doc.title.starts_with("V/v ") {
            doc.title.clone()
        } else {
            format!("V/v {}", doc.title)
        }
    });
    let expect = nd30::Expect {
        issuer_lines: &issuer_lines,
        reference: h.reference,
        date_line: h.date_line,
        kind_title: h.kind_title,
        subject: subject.as_deref(),
        addressees: &addressees,
        attached: h.attached,
        recipients: &recipients,
    };
    let mut f = nd30::check_plan(insp, &expect);
    // 17 and 18, as rules on the printed date line: day two digits, month two digits
    // only for January and February (nd30.md §5).
    match insp
        .lines(12.0)
        .iter()
        .find(|l| l.page == 1 && l.text.contains(", ngày "))
    {
        Some(l) => {
            if let Err(e) = date_line_rule(&l.text, doc.number.is_none()) {
                f.push(format!("17: {:?}: {e}", l.text));
            }
        }
        None => f.push("17: no date line".into()),
    }
    f
}

/// `<Place>, ngày DD tháng M năm YYYY`: DD two digits (01–31), M "01", "02" or 3–12, YYYY
/// four digits. A draft may leave the day blank ("ngày tháng 11 năm 2026").
pub fn date_line_rule(text: &str, draft: bool) -> Result<(), String> {
    let (place, rest) = text.split_once(", ").ok_or("no comma after the place")?;
    if !place.chars().next().is_some_and(char::is_uppercase) {
        return Err("place not capitalised".into());
    }
    let words: Vec<&str> = rest.split(' ').collect();
    let (day, month, year) = match words.as_slice() {
        ["ngày", d, "tháng", m, "năm", y] => (Some(*d), *m, *y),
        ["ngày", "tháng", m, "năm", y] if draft => (None, *m, *y),
        _ => return Err(format!("not `ngày … tháng … năm …`: {words:?}")),
    };
    if let Some(d) = day {
        let n: u32 = d.parse().map_err(|_| "day not a number")?;
        if d.len() != 2 || !(1..=31).contains(&n) {
            return Err(format!("day {d:?} not two digits"));
        }
    }
    let m: u32 = month.parse().map_err(|_| "month not a number")?;
    let month_ok = match m {
        1 | 2 => month.len() == 2,
        3..=12 => month == m.to_string(),
        _ => false,
    };
    if !month_ok {
        return Err(format!("month {month:?}"));
    }
    if year.len() != 4 || !year.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!("year {year:?}"));
    }
    Ok(())
}

/// Checklist item 2, read from the PDF file itself: every font embedded, mapped to Unicode,
/// not Type 3, and Times New Roman (or its metric twin Liberation Serif, the allowed
/// fallback of nd30.md §1).
pub fn check_pdf_fonts(pdf: &[u8]) -> Vec<String> {
    let mut f = Vec::new();
    let doc = match lopdf::Document::load_mem(pdf) {
        Ok(d) => d,
        Err(e) => return vec![format!("2: unreadable PDF: {e}")],
    };
    let mut seen = 0;
    for (_, page_id) in doc.get_pages() {
        let Ok(fonts) = doc.get_page_fonts(page_id) else {
            f.push("2: page fonts unreadable".into());
            continue;
        };
        for (_, font) in fonts {
            seen += 1;
            let name = |key: &[u8]| {
                font.get(key)
                    .and_then(|s| s.as_name())
                    .map(|n| String::from_utf8_lossy(n).into_owned())
                    .unwrap_or_default()
            };
            let base = name(b"BaseFont");
            if name(b"Subtype") == "Type3" {
                f.push(format!("2: Type 3 font {base}"));
            }
            // Subset fonts are named "ABCDEF+Family-Style".
            let family = base.split_once('+').map_or(base.as_str(), |(_, b)| b);
            let allowed = ["TimesNewRoman", "LiberationSerif"];
            if !allowed.iter().any(|a| family.starts_with(a)) {
                f.push(format!("2: font {base} is not Times New Roman"));
            }
            if !font.has(b"ToUnicode") {
                f.push(format!("2: font {base} has no Unicode map"));
            }
            // A Type 0 font (Typst's) keeps its descriptor on its descendant, a simple
            // TrueType font (LibreOffice's) on itself.
            let holder = match font.get(b"DescendantFonts").and_then(|d| d.as_array()) {
                Ok(a) => a
                    .first()
                    .and_then(|d| doc.dereference(d).ok())
                    .and_then(|(_, d)| d.as_dict().ok()),
                Err(_) => Some(font),
            };
            let embedded = holder
                .and_then(|d| d.get(b"FontDescriptor").ok())
                .and_then(|d| doc.dereference(d).ok())
                .and_then(|(_, d)| d.as_dict().ok())
                .is_some_and(|d| d.has(b"FontFile2") || d.has(b"FontFile3"));
            if !embedded {
                f.push(format!("2: font {base} is not embedded"));
            }
        }
    }
    if seen == 0 {
        f.push("2: no fonts".into());
    }
    f
}

/// A ruled table on one page, read back from the layout: where its columns are and how
/// many lines its header cells take.
pub struct TableOnPage {
    /// The x of each column border, left to right (the outer ones included).
    pub borders: Vec<f64>,
    /// The most lines any one header cell takes.
    pub header_lines: usize,
}

impl TableOnPage {
    /// Width of each column in points.
    pub fn widths(&self) -> Vec<f64> {
        self.borders.windows(2).map(|w| w[1] - w[0]).collect()
    }
}

/// The table on `page` whose header's bold lines lie below the baseline `above` (the line
/// over the table) and above `first` (its first body row). A header cell is a stack of
/// lines centred alike and one line pitch apart; a cell spanning columns above others is
/// a stack of its own.
pub fn table_on_page(insp: &Inspection, page: usize, above: f64, first: f64) -> TableOnPage {
    let mut borders: Vec<f64> = insp
        .vrules
        .iter()
        .filter(|v| v.page == page)
        .map(|v| v.x)
        .collect();
    borders.sort_by(f64::total_cmp);
    borders.dedup_by(|a, b| (*a - *b).abs() < 0.5);
    // A header line is one run (one font); runs, not `lines`, as cells side by side on
    // baselines a hair apart would read as one line.
    let header = insp
        .runs
        .iter()
        .filter(|r| r.page == page && r.y > above + 1.0 && r.y < first - 1.0 && r.bold)
        .filter(|r| !r.text.trim().is_empty());
    // Stacks by centre, then split where the gap is more than a line pitch (12 pt text).
    let mut stacks: Vec<Vec<f64>> = Vec::new();
    for l in header {
        match stacks.iter_mut().find(|s| (s[0] - l.center()).abs() < 1.5) {
            Some(s) => s.push(l.y),
            None => stacks.push(vec![l.center(), l.y]),
        }
    }
    let mut header_lines = 0;
    for s in &mut stacks {
        let mut ys = s.split_off(1);
        ys.sort_by(f64::total_cmp);
        let mut run = 1;
        for w in ys.windows(2) {
            run = if w[1] - w[0] < 16.0 { run + 1 } else { 1 };
            header_lines = header_lines.max(run);
        }
        header_lines = header_lines.max(run);
    }
    TableOnPage {
        borders,
        header_lines,
    }
}

/// The text area's left and right edges on a page `width` wide (30 mm and 15 mm margins).
pub fn print_area(width: f64) -> (f64, f64) {
    let mm = 72.0 / 25.4;
    (30.0 * mm, width - 15.0 * mm)
}
