//! Shared helpers for the end-to-end tests: build real content into temp folders and read
//! back the artefacts.
#![allow(dead_code)]

pub mod nd30;
pub mod pdf;

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
    let engine = engine();
    let loaded = content::load(content_dir, &engine.fonts.coverage()).unwrap_or_else(|d| {
        panic!(
            "content must be valid:\n{}",
            d.render(cchc::diag::Lang::En, content_dir)
        )
    });
    let theme = Theme::load(&theme_dir(), None).expect("theme loads");
    let layouts = Layouts::new(engine, &theme).expect("layouts");
    let docs = loaded
        .site
        .documents
        .iter()
        .map(|d| {
            let r = layouts
                .render(&loaded.site.issuer, d)
                .unwrap_or_else(|e| panic!("{} renders: {e}", d.slug));
            (d.slug.clone(), r.pdf, inspect::inspect(&r.layout))
        })
        .collect();
    Rendered {
        site: loaded.site,
        docs,
    }
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

/// The ND30 checklist for one rendered document, with the expectations taken from its
/// validated model (the model itself is checked against the sources elsewhere).
pub fn check_nd30(site: &Site, doc: &cchc::model::Document, insp: &Inspection) -> Vec<String> {
    let issuer_lines: Vec<&str> = site.issuer.name_lines.iter().map(String::as_str).collect();
    let addressees: Vec<&str> = doc.addressees.iter().map(String::as_str).collect();
    let recipients: Vec<&str> = doc.recipients.iter().map(String::as_str).collect();
    let date_line = format!(
        "{}, ngày {}tháng {} năm {}",
        site.issuer.place,
        doc.date
            .0
            .day_text()
            .map(|d| format!("{d} "))
            .unwrap_or_default(),
        doc.date.0.month_text(),
        doc.date.0.year
    );
    let attached = (!doc.appendices.is_empty()).then(|| {
        format!(
            "(Kèm theo {} số {} {} của {})",
            doc.kind.name(),
            doc.reference,
            doc.date.0.long(),
            site.issuer.full_name
        )
    });
    let title = doc.kind.title();
    let expect = nd30::Expect {
        issuer_lines: &issuer_lines,
        reference: &doc.reference,
        date_line: &date_line,
        kind_title: title.as_deref(),
        subject: doc.subject.as_deref(),
        addressees: &addressees,
        attached: attached.as_deref(),
        recipients: &recipients,
    };
    nd30::check_plan(insp, &expect)
}
