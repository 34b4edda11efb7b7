//! Stage 1: load the content folder and validate it into a [`Site`].
//!
//! Layout of a content folder (thư mục nội dung):
//! - `co_quan.yaml`: the issuing body, its units and staff;
//! - `van-ban/*.yaml`: one document each.
//!
//! Every problem in every file is collected before giving up, so a clerk sees the whole
//! list at once.

mod appendix;
mod cx;
pub(crate) mod deadline;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod raw;
mod results;
mod validate;
mod yaml;

use std::path::{Path, PathBuf};

use crate::diag::{Code, Diagnostic, Diagnostics, Text};
use crate::inputs::{Found, Tree, Visit};
use crate::model::Site;

pub use cx::Coverage;

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
        diags.push(Diagnostic::new(Code::ContentFolder,
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

    let Some(tree) = Tree::new(
        dir,
        Path::new(""),
        Text::new("thư mục nội dung", "the content folder"),
    ) else {
        diags.push(Diagnostic::new(
            Code::ContentFolder,
            PathBuf::new(),
            None,
            Text::new(
                "Không đọc được thư mục nội dung.",
                "Cannot read the content folder.",
            ),
        ));
        return Err(diags);
    };

    let (issuer_file, issuer_rel) = issuer(&tree, dir, &mut diags);
    let documents = walk(&tree, Path::new(DOCUMENTS_DIR), &mut diags);
    let results = walk(&tree, Path::new(results::RESULTS_DIR), &mut diags);
    let read_all = |found: &[Found], diags: &mut Diagnostics| -> Vec<SourceFile> {
        found
            .iter()
            .filter_map(|f| read(dir, &f.rel, &f.path, diags))
            .collect()
    };
    let document_files = read_all(&documents, &mut diags);
    let result_files = read_all(&results, &mut diags);
    let read_from: Vec<&Path> = documents
        .iter()
        .chain(&results)
        .map(|f| f.path.as_path())
        .collect();
    unused_entries(&tree, issuer_rel.as_deref(), &read_from, &mut diags);

    // `Chi-Tieu.YML` is the targets file too: it would otherwise be taken for a period.
    let is_named = |f: &SourceFile, name: &str| {
        let stem = Path::new(name).file_stem().and_then(|s| s.to_str());
        f.rel
            .file_stem()
            .and_then(|s| s.to_str())
            .zip(stem)
            .is_some_and(|(a, b)| a.eq_ignore_ascii_case(b))
    };
    let named = |name: &str| result_files.iter().find(|f| is_named(f, name));
    let files = results::Files {
        indicators: named(results::INDICATORS_FILE),
        profile: named(results::PROFILE_FILE),
        periods: result_files
            .iter()
            .filter(|f| {
                !is_named(f, results::INDICATORS_FILE) && !is_named(f, results::PROFILE_FILE)
            })
            .collect(),
        document_paths: document_files
            .iter()
            .filter_map(|f| f.rel.file_stem()?.to_str().map(cx::slug))
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
        let (found, fixed) = f.excerpt(60);
        let (damaged_vi, damaged_en) = if fixed.contains(crate::encoding::DAMAGED) {
            (
                format!(
                    " Chữ ghi {} đã bị hỏng, không đoán được.",
                    crate::encoding::DAMAGED
                ),
                format!(
                    " A word shown as {} is damaged and cannot be read.",
                    crate::encoding::DAMAGED
                ),
            )
        } else {
            (String::new(), String::new())
        };
        diags.push(
            Diagnostic::new(Code::LegacyEncoding,
                rel,
                Some(crate::diag::Pos {
                    line: f.line as u32,
                    col: f.column as u32,
                }),
                Text::new(
                    format!("Đoạn \"{found}\" có vẻ được gõ bằng bảng mã cũ {} rồi dán sang Unicode; có lẽ là: \"{fixed}\".{damaged_vi}", f.encoding),
                    format!("\"{found}\" looks like text typed in the legacy {} encoding; it probably reads: \"{fixed}\".{damaged_en}", f.encoding),
                ),
            )
            .with_hint(Text::new(
                format!("Chạy `cchc fix-encoding {}` để sửa tự động (có lưu bản sao .bak), rồi đọc lại đoạn này.", shown.display()),
                format!("Run `cchc fix-encoding {}` to convert it (a .bak copy is kept), then proofread it.", shown.display()),
            )),
        );
    }
}

/// Larger than any YAML a commune writes by hand; a bigger file is a mistake (a video
/// renamed, a disk image) that would otherwise be read whole into memory.
const MAX_FILE_BYTES: u64 = 16 << 20;

/// What a file name says about the file, before anything is read.
#[derive(Debug, PartialEq, Eq)]
enum Name {
    /// Written by the operating system or version control, never by a person as content
    /// (`.DS_Store`, `Thumbs.db`, `.git/` …): warning about them would only teach clerks
    /// to skim past warnings.
    Harmless,
    /// An editor's or office suite's lock, swap or backup file (`~$kh.yaml`, `.#kh.yaml`,
    /// `kh.yaml~`, `.kh.yaml.swp`, `kh.yaml.bak` from `cchc fix-encoding`): a copy or a
    /// marker, never the document itself.
    Lock,
    /// Any other name starting with a dot: hidden from the clerk's file manager.
    Hidden,
    Yaml,
    Other,
}

fn classify(name: &str) -> Name {
    let lower = name.to_lowercase();
    const HARMLESS: [&str; 10] = [
        ".ds_store",
        "thumbs.db",
        "desktop.ini",
        ".gitkeep",
        ".keep",
        ".gitignore",
        ".gitattributes",
        ".git",
        ".svn",
        ".hg",
    ];
    if HARMLESS.contains(&lower.as_str()) {
        return Name::Harmless;
    }
    let numbered_backup = lower
        .rsplit_once(".bak.")
        .is_some_and(|(_, n)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    if lower.starts_with("~$")
        || lower.starts_with(".~lock.")
        || lower.starts_with(".#")
        || lower.starts_with('#')
        || lower.ends_with('~')
        || lower.ends_with('#')
        || [".swp", ".swo", ".swx", ".tmp", ".bak", ".orig", ".kate-swp"]
            .iter()
            .any(|ext| lower.ends_with(ext))
        || numbered_backup
    {
        return Name::Lock;
    }
    if lower.starts_with('.') {
        return Name::Hidden;
    }
    if lower.ends_with(".yaml") || lower.ends_with(".yml") {
        return Name::Yaml;
    }
    Name::Other
}

/// Says why a file or folder that looks like it might be content is not read.
fn skipped(rel: &Path, name: &Name, diags: &mut Diagnostics) {
    let (vi, en, hint_vi, hint_en) = match name {
        Name::Lock => (
            "Đây là tệp khóa, tệp tạm hoặc bản sao lưu của trình soạn thảo: bỏ qua, không đọc như một văn bản.".to_string(),
            "This is an editor's lock, swap or backup file: skipped, not read as a document.".to_string(),
            "Không cần làm gì nếu trình soạn thảo đang mở tệp; nếu không, có thể xóa tệp này.".to_string(),
            "Nothing to do while an editor has the file open; otherwise the file can be deleted.".to_string(),
        ),
        Name::Hidden => (
            "Tệp hoặc thư mục ẩn (tên bắt đầu bằng dấu chấm): bỏ qua, không đọc.".to_string(),
            "Hidden file or folder (its name starts with a dot): skipped, not read.".to_string(),
            "Nếu đây là nội dung cần dùng, đổi tên bỏ dấu chấm ở đầu; nếu không, có thể xóa.".to_string(),
            "If it is content, rename it without the leading dot; otherwise it can be deleted.".to_string(),
        ),
        _ => {
            let file = rel.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let lower = file.to_lowercase();
            // Windows hides known extensions, so "kh.yaml" saved by Notepad is "kh.yaml.txt".
            let inner = [".yaml.", ".yml."].iter().find_map(|m| lower.find(m).map(|i| i + m.len() - 1));
            match inner {
                Some(cut) => (
                    "Tệp có đuôi thừa sau .yaml nên không được đọc như tệp YAML.".to_string(),
                    "The file has an extra extension after .yaml, so it is not read as YAML.".to_string(),
                    format!("Đổi tên thành `{}` (Windows có thể đang ẩn đuôi tệp: bật \"File name extensions\" trong File Explorer để thấy).", &file[..cut]),
                    format!("Rename it to `{}` (Windows may be hiding file extensions: turn on \"File name extensions\" in File Explorer).", &file[..cut]),
                ),
                None => (
                    "Tệp này không phải tệp YAML (.yaml, .yml) nên không được đọc.".to_string(),
                    "This is not a YAML file (.yaml, .yml), so it is not read.".to_string(),
                    "Nếu đây là một văn bản, ghi lại nó dưới dạng tệp .yaml; nếu không, chuyển nó ra khỏi thư mục nội dung.".to_string(),
                    "If it is a document, write it as a .yaml file; otherwise move it out of the content folder.".to_string(),
                ),
            }
        }
    };
    diags.push(
        Diagnostic::new(Code::NotRead, rel, None, Text::new(vi, en))
            .with_hint(Text::new(hint_vi, hint_en)),
    );
}

/// The YAML files under `sub`; every other file is named in a warning.
fn walk(tree: &Tree, sub: &Path, diags: &mut Diagnostics) -> Vec<Found> {
    let mut visit = |rel: &Path, diags: &mut Diagnostics| {
        let name = rel
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match classify(&name) {
            Name::Harmless => Visit::Skip,
            n @ (Name::Lock | Name::Hidden) => {
                skipped(rel, &n, diags);
                Visit::Skip
            }
            // Folders are entered whatever their name; a file's extension is judged below.
            Name::Yaml | Name::Other => Visit::Take,
        }
    };
    let mut yaml = Vec::new();
    for found in tree.walk(sub, &mut visit, diags) {
        let name = found
            .rel
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match classify(&name) {
            Name::Yaml => yaml.push(found),
            n => skipped(&found.rel, &n, diags),
        }
    }
    yaml
}

/// `co_quan.yaml`, also when saved as `CO_QUAN.YAML` or `co_quan.yml`; with the name of
/// the file taken, if there was one.
fn issuer(
    tree: &Tree,
    dir: &Path,
    diags: &mut Diagnostics,
) -> (Option<SourceFile>, Option<PathBuf>) {
    let mut candidates = vec![PathBuf::from(ISSUER_FILE)];
    if let Ok(entries) = std::fs::read_dir(dir) {
        let mut others: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| PathBuf::from(e.file_name()))
            .filter(|n| is_issuer_name(n) && n.as_os_str() != ISSUER_FILE)
            .collect();
        others.sort();
        candidates.extend(others);
    }
    for rel in candidates {
        match tree.file(&rel) {
            Ok(Some(path)) => return (read(dir, &rel, &path, diags), Some(rel)),
            Ok(None) => {}
            Err(d) => {
                diags.push(*d);
                return (None, Some(rel));
            }
        }
    }
    diags.push(
        Diagnostic::new(
            Code::MissingFile,
            ISSUER_FILE,
            None,
            Text::new("Thiếu tệp này.", "This file is missing."),
        )
        .with_hint(Text::new(
            "Tạo thư mục nội dung mẫu bằng `cchc init THƯ_MỤC` rồi chép tệp này sang.",
            "Create a sample content folder with `cchc init DIR` and copy this file from it.",
        )),
    );
    (None, None)
}

fn is_issuer_name(name: &Path) -> bool {
    let Some(name) = name.to_str() else {
        return false;
    };
    let lower = name.to_lowercase();
    lower == "co_quan.yaml" || lower == "co_quan.yml"
}

/// Names in the content folder itself that nothing reads: a document saved one level too
/// high, or a folder named `van_ban`, would otherwise vanish without a word.
/// A folder whose files are read through a link is in use.
fn unused_entries(
    tree: &Tree,
    issuer: Option<&Path>,
    read_from: &[&Path],
    diags: &mut Diagnostics,
) {
    let Ok(entries) = std::fs::read_dir(tree.real_root()) else {
        return;
    };
    let mut names: Vec<(String, bool)> = entries
        .filter_map(Result::ok)
        .map(|e| {
            let is_dir = std::fs::metadata(e.path()).is_ok_and(|m| m.is_dir());
            (e.file_name().to_string_lossy().into_owned(), is_dir)
        })
        .collect();
    names.sort();
    let known = [DOCUMENTS_DIR, results::RESULTS_DIR];
    for (name, is_dir) in names {
        let real = tree.real_root().join(&name);
        if known.contains(&name.as_str())
            || issuer.is_some_and(|i| i.as_os_str() == name.as_str())
            || read_from.iter().any(|p| p.starts_with(&real))
        {
            continue;
        }
        match classify(&name) {
            Name::Harmless => {}
            n @ (Name::Lock | Name::Hidden) => skipped(Path::new(&name), &n, diags),
            _ if !is_dir && is_issuer_name(Path::new(&name)) => diags.push(
                Diagnostic::new(Code::NotRead,
                    &name,
                    None,
                    Text::new(
                        format!("Tệp này không được đọc: thông tin cơ quan đã lấy từ {}.", issuer.map(|i| i.display().to_string()).unwrap_or_default()),
                        format!("This file is not read: the issuer was taken from {}.", issuer.map(|i| i.display().to_string()).unwrap_or_default()),
                    ),
                )
                .with_hint(Text::new(
                    "Giữ một tệp co_quan.yaml duy nhất: gộp nội dung cần giữ vào đó rồi xóa tệp này.",
                    "Keep a single co_quan.yaml: merge what is needed into it and delete this one.",
                )),
            ),
            _ if is_dir => {
                let guess = crate::suggest::closest(&name, known);
                diags.push(
                    Diagnostic::new(Code::NotRead,
                        &name,
                        None,
                        Text::new(
                            format!("Thư mục `{name}` không được đọc: trong thư mục nội dung chỉ dùng {ISSUER_FILE}, {DOCUMENTS_DIR}/ và {}/.", results::RESULTS_DIR),
                            format!("The folder `{name}` is not read: only {ISSUER_FILE}, {DOCUMENTS_DIR}/ and {}/ are used in the content folder.", results::RESULTS_DIR),
                        ),
                    )
                    .with_hint(match guess {
                        Some(g) => Text::new(
                            format!("Có phải ý bạn là `{g}`? Đổi tên thư mục cho đúng."),
                            format!("Did you mean `{g}`? Rename the folder."),
                        ),
                        None => Text::new(
                            "Chuyển thư mục này ra khỏi thư mục nội dung nếu không dùng đến.",
                            "Move the folder out of the content folder if it is not needed.",
                        ),
                    }),
                );
            }
            Name::Yaml => diags.push(
                Diagnostic::new(Code::NotRead,
                    &name,
                    None,
                    Text::new(
                        format!("Tệp này nằm ngay trong thư mục nội dung nên không được đọc: văn bản đặt trong {DOCUMENTS_DIR}/, số liệu kết quả trong {}/.", results::RESULTS_DIR),
                        format!("This file sits directly in the content folder, so it is not read: documents go in {DOCUMENTS_DIR}/, results in {}/.", results::RESULTS_DIR),
                    ),
                )
                .with_hint(Text::new(
                    format!("Chuyển tệp vào {DOCUMENTS_DIR}/ (văn bản) hoặc {}/ (số liệu).", results::RESULTS_DIR),
                    format!("Move it into {DOCUMENTS_DIR}/ (a document) or {}/ (figures).", results::RESULTS_DIR),
                )),
            ),
            // Notes and other files beside the YAML cannot be mistaken for content.
            _ => {}
        }
    }
}

/// Reads `path` (already checked to be a regular file inside the folder), shown as `rel`.
fn read(dir: &Path, rel: &Path, path: &Path, diags: &mut Diagnostics) -> Option<SourceFile> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    let read =
        std::fs::File::open(path).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        diags.push(crate::diag::unreadable(
            rel,
            Some(Text::new("tệp", "the file")),
            &e,
            Text::new(
                "Kiểm tra tệp còn đó, không bị chương trình khác khóa, và tài khoản đang chạy chương trình có quyền đọc nó.",
                "Check that the file exists, is not locked by another program, and that the account running cchc may read it.",
            ),
        ));
        return None;
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        diags.push(
            Diagnostic::new(Code::TooLarge,
                rel,
                None,
                Text::new(
                    format!("Tệp lớn hơn {} MB: quá lớn cho một tệp YAML, không đọc.", MAX_FILE_BYTES >> 20),
                    format!("The file is larger than {} MB: too large for a YAML file, not read.", MAX_FILE_BYTES >> 20),
                ),
            )
            .with_hint(Text::new(
                "Kiểm tra đây có đúng là tệp văn bản cần dùng không; chia nội dung dài thành nhiều tệp.",
                "Check that this is the intended file; split long content into several files.",
            )),
        );
        return None;
    }
    match String::from_utf8(bytes) {
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
            diags.push(Diagnostic::new(Code::NotUtf8,
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_typed_in_a_legacy_font_is_named_with_its_reading_and_the_fix() {
        let mut diags = Diagnostics::default();
        let rel = Path::new("van-ban/a.yaml");
        legacy_encoding(
            Path::new("content"),
            rel,
            "so: 3\ntrich_yeu: Chuû tòch UÛy ban\n",
            &mut diags,
        );
        let messages = fixtures::vietnamese(diags.iter());
        assert_eq!(messages.len(), 1, "{messages:#?}");
        let m = &messages[0];
        assert!(m.contains("van-ban/a.yaml:2:12: "), "{m}");
        assert!(m.contains("có vẻ được gõ bằng bảng mã cũ"), "{m}");
        assert!(m.contains("\"Chủ tịch"), "{m}");
        assert!(
            m.contains("cách sửa: Chạy `cchc fix-encoding content/van-ban/a.yaml`"),
            "{m}"
        );
        let mut diags = Diagnostics::default();
        legacy_encoding(
            Path::new("content"),
            rel,
            "trich_yeu: Chủ tịch\n",
            &mut diags,
        );
        assert!(diags.is_empty());
    }

    #[test]
    fn what_else_stands_in_the_content_folder_is_named_or_let_be() {
        use fixtures::{DISPATCH, ISSUER};
        let tmp = tempfile::tempdir().expect("a temporary folder");
        let dir = tmp.path();
        std::fs::create_dir_all(dir.join("van-ban")).unwrap();
        std::fs::create_dir_all(dir.join("van_ban")).unwrap();
        // Version control's folder is nobody's content, and no mistake either.
        std::fs::create_dir_all(dir.join(".git")).unwrap();
        // The issuer saved as Windows might name it, beside an OS file sorting first.
        std::fs::write(dir.join("CO_QUAN.YAML"), ISSUER).unwrap();
        std::fs::write(dir.join("van-ban/cv.yaml"), DISPATCH).unwrap();
        for (name, text) in [
            (".DS_Store", "\0\0"),
            ("~$co_quan.yaml", "x"),
            ("co_quan.yml", ISSUER),
            ("ghi-chu.txt", "ghi chú"),
            ("kh.yaml", DISPATCH),
        ] {
            std::fs::write(dir.join(name), text).unwrap();
        }
        let loaded = load(dir, &Coverage::any()).expect("loads");
        assert_eq!(loaded.site.documents.len(), 1);
        let messages = fixtures::vietnamese(loaded.warnings.iter());
        assert_eq!(
            fixtures::heads(&messages),
            [
                "cảnh báo[W0201]: co_quan.yml: Tệp này không được đọc: thông tin cơ quan đã lấy từ CO_QUAN.YAML.",
                "cảnh báo[W0201]: kh.yaml: Tệp này nằm ngay trong thư mục nội dung nên không được đọc: văn bản đặt trong van-ban/, số liệu kết quả trong ket-qua/.",
                "cảnh báo[W0201]: van_ban: Thư mục `van_ban` không được đọc: trong thư mục nội dung chỉ dùng co_quan.yaml, van-ban/ và ket-qua/.",
                "cảnh báo[W0201]: ~$co_quan.yaml: Đây là tệp khóa, tệp tạm hoặc bản sao lưu của trình soạn thảo: bỏ qua, không đọc như một văn bản.",
            ]
        );
    }

    #[test]
    fn a_file_is_read_whole_up_to_the_limit_and_named_where_it_stops_being_utf8() {
        let tmp = tempfile::tempdir().expect("a temporary folder");
        let read_back = |bytes: &[u8]| {
            let path = tmp.path().join("a.yaml");
            std::fs::write(&path, bytes).unwrap();
            let mut diags = Diagnostics::default();
            let file = read(tmp.path(), Path::new("a.yaml"), &path, &mut diags);
            let messages = fixtures::vietnamese(diags.iter());
            (file.map(|f| f.text.len()), messages)
        };
        let limit = MAX_FILE_BYTES as usize;
        let (len, messages) = read_back(&b"#\n".repeat(limit / 2));
        assert_eq!((len, messages.len()), (Some(limit), 0), "{messages:#?}");
        let (len, messages) = read_back(&[b"#\n".repeat(limit / 2), b"#".to_vec()].concat());
        assert_eq!(len, None);
        assert!(
            messages[0].contains("a.yaml: Tệp lớn hơn 16 MB"),
            "{messages:#?}"
        );
        let (len, messages) = read_back(b"a: 1\nb: 2\nc: \xff\n");
        assert_eq!(len, None);
        assert!(messages[0].contains("a.yaml:3:1: "), "{messages:#?}");
    }

    #[test]
    fn names_are_classified_before_reading() {
        for lock in [
            "~$kh.yaml",
            ".#kh.yaml",
            "kh.yaml~",
            ".kh.yaml.swp",
            "kh.yaml.swp",
            "kh.yaml.bak",
            "kh.yaml.bak.2",
            ".~lock.kh.yaml#",
            "#kh.yaml#",
        ] {
            assert_eq!(classify(lock), Name::Lock, "{lock}");
        }
        assert_eq!(classify(".kh.yaml"), Name::Hidden);
        assert_eq!(classify("._kh.yaml"), Name::Hidden);
        assert_eq!(classify(".DS_Store"), Name::Harmless);
        for y in ["kh.yaml", "KH.YAML", "kh.Yml"] {
            assert_eq!(classify(y), Name::Yaml, "{y}");
        }
        assert_eq!(classify("kh.yaml.txt"), Name::Other);
        // A numbered backup is `.bak.` and digits, nothing else.
        assert_eq!(classify("kh.yaml.bak."), Name::Other);
        assert_eq!(classify("kh.yaml.bak.x"), Name::Other);
        assert_eq!(classify("kh.md"), Name::Other);
    }
}
