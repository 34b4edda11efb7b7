//! Stage 1: load the content folder and validate it into a [`Site`].
//!
//! Layout of a content folder (thư mục nội dung):
//! - `co_quan.yaml`: the issuing body, its units and staff;
//! - `van-ban/*.yaml`: one document each.
//!
//! Every problem in every file is collected before giving up, so a clerk sees the whole
//! list at once.

mod deadline;
pub mod raw;
mod results;
mod validate;
mod yaml;

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics, Text};
use crate::model::Site;

pub use validate::Coverage;

/// File name of the issuing body's settings.
pub const ISSUER_FILE: &str = "co_quan.yaml";
/// Folder of document files.
pub const DOCUMENTS_DIR: &str = "van-ban";

/// A loaded and validated content folder, with the warnings found on the way.
#[derive(Debug)]
pub struct Loaded {
    pub site: Site,
    pub warnings: Diagnostics,
}

/// A file read from the content folder: its path relative to the folder, and its text.
pub(crate) struct SourceFile {
    pub rel: PathBuf,
    pub text: String,
}

/// Loads and validates `dir`. On failure, returns every problem found (errors and warnings).
pub fn load(dir: &Path, coverage: &Coverage) -> Result<Loaded, Diagnostics> {
    let mut diags = Diagnostics::default();
    if !dir.is_dir() {
        // The folder itself: shown as the path the user gave.
        diags.push(Diagnostic::error(
            PathBuf::new(),
            None,
            Text::new(
                "Không tìm thấy thư mục nội dung.",
                "The content folder does not exist.",
            ),
        ).with_hint(Text::new(
            "Chạy lệnh trong thư mục có `content/`, chỉ rõ bằng `--content THƯ_MỤC`, hoặc tạo mới bằng `cchc init THƯ_MỤC`.",
            "Run from the folder that holds `content/`, pass `--content DIR`, or create one with `cchc init DIR`.",
        )));
        return Err(diags);
    }

    let issuer_file = read(dir, Path::new(ISSUER_FILE), &mut diags);
    let mut document_files = Vec::new();
    let docs_dir = dir.join(DOCUMENTS_DIR);
    if docs_dir.is_dir() {
        let walker = walkdir::WalkDir::new(&docs_dir)
            .follow_links(true)
            .sort_by_file_name();
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() && is_yaml(e.path()) => {
                    let rel = e.path().strip_prefix(dir).unwrap_or(e.path()).to_path_buf();
                    if let Some(f) = read(dir, &rel, &mut diags) {
                        document_files.push(f);
                    }
                }
                Ok(_) => {}
                Err(err) => diags.push(Diagnostic::error(
                    err.path().unwrap_or(&docs_dir).to_path_buf(),
                    None,
                    Text::new(
                        format!("Không đọc được: {err}"),
                        format!("Cannot read: {err}"),
                    ),
                )),
            }
        }
    }

    let mut result_files = Vec::new();
    let results_dir = dir.join(results::RESULTS_DIR);
    if results_dir.is_dir() {
        for entry in walkdir::WalkDir::new(&results_dir)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            if entry.file_type().is_file() && is_yaml(entry.path()) {
                let rel = entry
                    .path()
                    .strip_prefix(dir)
                    .unwrap_or(entry.path())
                    .to_path_buf();
                if let Some(f) = read(dir, &rel, &mut diags) {
                    result_files.push(f);
                }
            }
        }
    }
    let named = |name: &str| {
        result_files
            .iter()
            .find(|f| f.rel.file_name().is_some_and(|n| n == name))
    };
    let files = results::Files {
        indicators: named(results::INDICATORS_FILE),
        profile: named(results::PROFILE_FILE),
        periods: result_files
            .iter()
            .filter(|f| {
                !f.rel
                    .file_name()
                    .is_some_and(|n| n == results::INDICATORS_FILE || n == results::PROFILE_FILE)
            })
            .collect(),
        document_paths: document_files
            .iter()
            .filter_map(|f| f.rel.file_stem()?.to_str().map(validate::slug))
            .flat_map(|slug| {
                [
                    format!("van-ban/{slug}.html"),
                    format!("van-ban/{slug}.pdf"),
                ]
            })
            .collect(),
    };

    let Some(issuer_file) = issuer_file else {
        return Err(diags);
    };
    let result = validate::site(&issuer_file, &document_files, &files, coverage);
    diags.extend(result.diags);
    match result.site {
        Some(site) if !diags.has_errors() => Ok(Loaded {
            site,
            warnings: diags,
        }),
        _ => Err(diags),
    }
}

/// Text typed with a legacy 8-bit font (TCVN3/ABC, VNI) and pasted as Unicode reads as
/// "Chuû tòch": printed, it would be gibberish in an official document.
fn legacy_encoding(dir: &Path, rel: &Path, text: &str, diags: &mut Diagnostics) {
    let shown = dir.join(rel);
    for f in crate::encoding::scan(text) {
        let found: String = f.found.chars().take(60).collect();
        let fixed: String = f.fixed.chars().take(60).collect();
        diags.push(
            Diagnostic::error(
                rel,
                Some(crate::diag::Pos {
                    line: f.line as u32,
                    col: f.column as u32,
                }),
                Text::new(
                    format!("Đoạn \"{found}\" có vẻ được gõ bằng bảng mã cũ {} rồi dán sang Unicode; có lẽ là: \"{fixed}\".", f.encoding),
                    format!("\"{found}\" looks like text typed in the legacy {} encoding; it probably reads: \"{fixed}\".", f.encoding),
                ),
            )
            .with_hint(Text::new(
                format!("Chạy `cchc fix-encoding {}` để sửa tự động (có lưu bản sao .bak), rồi đọc lại đoạn này.", shown.display()),
                format!("Run `cchc fix-encoding {}` to convert it (a .bak copy is kept), then proofread it.", shown.display()),
            )),
        );
    }
}

fn is_yaml(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
}

fn read(dir: &Path, rel: &Path, diags: &mut Diagnostics) -> Option<SourceFile> {
    let path = dir.join(rel);
    match std::fs::read(&path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => {
                // A BOM from Notepad is harmless: drop it.
                let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
                legacy_encoding(dir, rel, &text, diags);
                Some(SourceFile {
                    rel: rel.to_path_buf(),
                    text,
                })
            }
            Err(e) => {
                let upto = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let line = upto.iter().filter(|b| **b == b'\n').count() as u32 + 1;
                diags.push(Diagnostic::error(
                    rel,
                    Some(crate::diag::Pos { line, col: 1 }),
                    Text::new(
                        "Tệp không phải văn bản UTF-8 (có thể được lưu bằng bảng mã TCVN3/VNI hoặc ANSI).",
                        "The file is not UTF-8 text (it may have been saved as TCVN3/VNI or ANSI).",
                    ),
                ).with_hint(Text::new(
                    "Mở tệp và lưu lại với bảng mã UTF-8 (Unicode).",
                    "Open the file and save it again as UTF-8.",
                )));
                None
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            diags.push(Diagnostic::error(
                rel,
                None,
                Text::new("Thiếu tệp này.", "This file is missing."),
            ).with_hint(Text::new(
                "Tạo thư mục nội dung mẫu bằng `cchc init THƯ_MỤC` rồi chép tệp này sang.",
                "Create a sample content folder with `cchc init DIR` and copy this file from it.",
            )));
            None
        }
        Err(e) => {
            diags.push(Diagnostic::error(
                rel,
                None,
                Text::new(
                    format!("Không đọc được tệp: {e}"),
                    format!("Cannot read the file: {e}"),
                ),
            ));
            None
        }
    }
}
