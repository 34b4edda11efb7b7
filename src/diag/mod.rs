//! Problems found in the user's files, as values (lỗi / cảnh báo), reported all at once.
//!
//! Every message is written in Vietnamese and English when it is made; the CLI picks one.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

mod catalogue;
pub use catalogue::{CATALOGUE, Code, Entry};

/// Interface language for messages (`--lang`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

/// A sentence in both interface languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub vi: String,
    pub en: String,
}

impl Text {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            vi: vi.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// Where in a file: 1-based line and column (characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The kind of problem; its long explanation is `cchc giai-thich CODE`.
    pub code: Code,
    pub severity: Severity,
    /// Path as the user knows it (relative to the folder they named).
    pub file: PathBuf,
    pub pos: Option<Pos>,
    pub message: Text,
    /// What to write instead.
    pub hint: Option<Text>,
}

impl Diagnostic {
    /// A problem of the kind `code` names; an `E` code is an error, a `W` code a warning.
    pub fn new(code: Code, file: impl Into<PathBuf>, pos: Option<Pos>, message: Text) -> Self {
        Self {
            code,
            severity: code.severity(),
            file: file.into(),
            pos,
            message,
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: Text) -> Self {
        self.hint = Some(hint);
        self
    }

    /// "lỗi: van-ban/kh.yaml:12:5: …" followed by the source line and a caret, when the
    /// file's text is at hand.
    pub fn render(&self, lang: Lang, source: Option<&str>) -> String {
        let mut out = headline_as(
            self.severity,
            self.code,
            lang,
            &self.file.display().to_string(),
        );
        if let Some(p) = self.pos {
            let _ = write!(out, ":{}:{}", p.line, p.col);
        }
        let _ = write!(out, ": {}", self.message.get(lang));
        if let (Some(p), Some(src)) = (self.pos, source)
            && let Some(line) = src.lines().nth(p.line.saturating_sub(1) as usize)
        {
            let num = p.line.to_string();
            let pad = " ".repeat(num.len());
            let caret_at: String = line
                .chars()
                .take(p.col.saturating_sub(1) as usize)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let (line, caret_at) = window(line, &caret_at);
            let _ = write!(out, "\n {pad} |\n {num} | {line}\n {pad} | {caret_at}^");
        }
        if let Some(h) = &self.hint {
            let word = if lang == Lang::Vi {
                "cách sửa"
            } else {
                "fix"
            };
            let _ = write!(out, "\n  {word}: {}", h.get(lang));
        }
        out
    }
}

/// "lỗi[E0102]: {text}" or "cảnh báo[W0201]: {text}": how every message the tool prints
/// begins.
pub fn headline(code: Code, lang: Lang, text: &str) -> String {
    headline_as(code.severity(), code, lang, text)
}

/// The same, for a warning made an error (`cchc build --strict`).
fn headline_as(severity: Severity, code: Code, lang: Lang, text: &str) -> String {
    let label = match (severity, lang) {
        (Severity::Error, Lang::Vi) => "lỗi",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::Vi) => "cảnh báo",
        (Severity::Warning, Lang::En) => "warning",
    };
    format!("{label}[{}]: {text}", code.id())
}

/// Characters of a quoted source line shown on each side of the column.
const WINDOW: usize = 60;

/// A long line (a pasted paragraph, 20,000 emoji) is quoted as a window around the column,
/// with "…" where it was cut, so one message stays one screen.
fn window(line: &str, caret_pad: &str) -> (String, String) {
    let col = caret_pad.chars().count();
    let len = line.chars().count();
    if len <= 2 * WINDOW {
        return (line.to_string(), caret_pad.to_string());
    }
    let start = col.saturating_sub(WINDOW);
    let end = (col + WINDOW).min(len);
    let mut shown: String = line.chars().skip(start).take(end - start).collect();
    let mut pad: String = caret_pad.chars().skip(start).collect();
    if start > 0 {
        shown.insert(0, '…');
        pad.insert(0, ' ');
    }
    if end < len {
        shown.push('…');
    }
    (shown, pad)
}

/// Messages printed per file; the rest are counted, not printed (one broken line can
/// otherwise make thousands).
pub const MAX_PER_FILE: usize = 50;

/// Collects problems across all files of a build.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| d.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Warning)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// In file order, then line order, so a clerk can work down the list.
    pub fn sorted(mut self) -> Self {
        self.items
            .sort_by(|a, b| (&a.file, a.pos, b.severity).cmp(&(&b.file, b.pos, a.severity)));
        self
    }

    /// Every message, each with its source line read from `root`; paths are shown as the
    /// user can open them (`content/van-ban/kh.yaml`, not `van-ban/kh.yaml`).
    pub fn render(&self, lang: Lang, root: &Path) -> String {
        let mut out = String::new();
        // Each file is read once, however many of its lines are quoted.
        let mut sources: std::collections::HashMap<PathBuf, Option<String>> = Default::default();
        let mut seen = std::collections::HashSet::new();
        let mut per_file: std::collections::BTreeMap<&Path, (usize, usize)> = Default::default();
        for d in &self.items {
            // The same message at the same place says nothing new.
            if !seen.insert((&d.file, d.pos, &d.message.vi)) {
                continue;
            }
            let (shown, hidden) = per_file.entry(&d.file).or_default();
            if *shown >= MAX_PER_FILE {
                *hidden += 1;
                continue;
            }
            *shown += 1;
            let path = root.join(&d.file);
            // Only a message with a line quotes the file: a refused link or a device must
            // not be read here behind the loader's back.
            let src = match d.pos {
                Some(_) => sources
                    .entry(path.clone())
                    .or_insert_with(|| std::fs::read_to_string(&path).ok())
                    .as_deref(),
                None => None,
            };
            let shown = Diagnostic {
                file: path,
                ..d.clone()
            };
            out.push_str(&shown.render(lang, src));
            out.push_str("\n\n");
        }
        if let Some(d) = self.items.first() {
            out.push_str(&explain_line(lang, d.code));
            out.push_str("\n\n");
        }
        for (file, (_, hidden)) in per_file {
            if hidden > 0 {
                let file = root.join(file);
                let _ = match lang {
                    Lang::Vi => writeln!(
                        out,
                        "{}: còn {hidden} thông báo khác không in ra; sửa các lỗi trên rồi chạy lại để xem tiếp.\n",
                        file.display()
                    ),
                    Lang::En => writeln!(
                        out,
                        "{}: {hidden} more messages not shown; fix the ones above and run again to see them.\n",
                        file.display()
                    ),
                };
            }
        }
        out
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Self { items: vec![d] }
    }
}

/// The closing line of a report: where the long explanation of each code is.
pub fn explain_line(lang: Lang, example: Code) -> String {
    match lang {
        Lang::Vi => format!(
            "Giải thích từng mã lỗi kèm ví dụ và cách sửa: cchc giai-thich MÃ, ví dụ `cchc giai-thich {}`.",
            example.id()
        ),
        Lang::En => format!(
            "Each code is explained with an example and the fix by: cchc explain CODE, e.g. `cchc explain {}`.",
            example.id()
        ),
    }
}

/// "Không đọc được tệp: không có quyền truy cập (…)." for `path`, with what to check.
/// `what` names the thing when the path alone does not ("tệp", "tệp phông"); `None` for a
/// bare "Không đọc được: …".
pub fn unreadable(
    path: impl Into<PathBuf>,
    what: Option<Text>,
    e: &std::io::Error,
    hint: Text,
) -> Diagnostic {
    let why = io_reason(e);
    let (vi, en) = match what {
        Some(w) => (
            format!("Không đọc được {}: {}.", w.vi, why.vi),
            format!("Cannot read {}: {}.", w.en, why.en),
        ),
        None => (
            format!("Không đọc được: {}.", why.vi),
            format!("Cannot read it: {}.", why.en),
        ),
    };
    Diagnostic::new(Code::Unreadable, path, None, Text::new(vi, en)).with_hint(hint)
}

/// Why a file could not be read or written, in words a clerk understands, with the system's own text
/// kept in parentheses for whoever fixes the computer (it is English on most systems).
pub fn io_reason(e: &std::io::Error) -> Text {
    use std::io::ErrorKind as K;
    // ELOOP has no stable ErrorKind yet.
    let is_loop = cfg!(target_os = "linux") && e.raw_os_error() == Some(40)
        || cfg!(target_os = "macos") && e.raw_os_error() == Some(62);
    let (vi, en) = match e.kind() {
        _ if is_loop => (
            "các liên kết tượng trưng trỏ vòng vào nhau",
            "symbolic links point at each other in a loop",
        ),
        K::NotFound => ("không tồn tại", "it does not exist"),
        K::PermissionDenied => ("không có quyền truy cập", "permission denied"),
        K::StorageFull | K::QuotaExceeded => ("ổ đĩa đã đầy", "the disk is full"),
        K::ReadOnlyFilesystem => ("ổ đĩa chỉ cho phép đọc", "the disk is read-only"),
        K::AlreadyExists => ("đã có tệp trùng tên", "a file of that name exists"),
        K::IsADirectory => (
            "đây là một thư mục, không phải tệp",
            "it is a folder, not a file",
        ),
        K::NotADirectory => (
            "một phần của đường dẫn là tệp chứ không phải thư mục",
            "a part of the path is a file, not a folder",
        ),
        K::InvalidData => ("dữ liệu không hợp lệ", "invalid data"),
        K::UnexpectedEof => ("tệp bị cắt cụt", "the file ends too early"),
        K::Interrupted => ("việc đọc bị ngắt giữa chừng", "reading was interrupted"),
        K::TimedOut => (
            "hết thời gian chờ (ổ mạng?)",
            "timed out (a network drive?)",
        ),
        K::StaleNetworkFileHandle => (
            "ổ mạng đã mất kết nối",
            "the network drive was disconnected",
        ),
        K::ResourceBusy | K::ExecutableFileBusy => (
            "tệp đang bị chương trình khác giữ",
            "another program holds the file",
        ),
        K::FileTooLarge => ("tệp quá lớn", "the file is too large"),
        K::InvalidFilename => ("tên tệp không hợp lệ", "the file name is invalid"),
        K::OutOfMemory => ("không đủ bộ nhớ", "out of memory"),
        _ => ("lỗi của hệ điều hành", "an operating system error"),
    };
    Text::new(format!("{vi} ({e})"), format!("{en} ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_quoted_as_a_window_around_the_column() {
        let line = format!("noi_dung: {}X{}", "a".repeat(500), "b".repeat(500));
        let d = Diagnostic::new(
            Code::Unprintable,
            "kh.yaml",
            Some(Pos { line: 1, col: 511 }),
            Text::new("Ký tự lạ.", "Odd character."),
        );
        let out = d.render(Lang::Vi, Some(&line));
        let quoted = out.lines().nth(2).unwrap();
        let caret = out.lines().nth(3).unwrap();
        assert_eq!(
            quoted,
            format!(" 1 | …{}X{}…", "a".repeat(60), "b".repeat(59))
        );
        assert_eq!(
            caret.find('^'),
            quoted.char_indices().position(|(_, c)| c == 'X')
        );
    }

    #[test]
    fn repeated_messages_are_printed_once_and_a_file_is_capped() {
        let mut all = Diagnostics::default();
        for i in 0..(MAX_PER_FILE as u32 + 20) {
            let d = Diagnostic::new(
                Code::Unprintable,
                "kh.yaml",
                Some(Pos {
                    line: 1,
                    col: i + 1,
                }),
                Text::new("Ký tự lạ.", "Odd character."),
            );
            all.push(d.clone());
            all.push(d);
        }
        let out = all.render(Lang::Vi, Path::new("content"));
        assert_eq!(
            out.matches("lỗi[E0110]: content/kh.yaml:1:").count(),
            MAX_PER_FILE
        );
        assert!(
            out.contains("content/kh.yaml: còn 20 thông báo khác không in ra"),
            "{out}"
        );
    }

    #[test]
    fn renders_file_line_column_and_a_caret() {
        let d = Diagnostic::new(
            Code::UnknownId,
            "van-ban/kh.yaml",
            Some(Pos { line: 2, col: 7 }),
            Text::new("Không có cán bộ mã \"x\".", "No staff with id \"x\"."),
        )
        .with_hint(Text::new("Dùng một mã có sẵn.", "Use an existing id."));
        let src = "a: 1\nbcd:  x\n";
        let vi = d.render(Lang::Vi, Some(src));
        assert!(
            vi.starts_with("lỗi[E0304]: van-ban/kh.yaml:2:7: Không có cán bộ"),
            "{vi}"
        );
        assert!(vi.contains(" 2 | bcd:  x\n   |       ^"), "{vi}");
        assert!(vi.ends_with("cách sửa: Dùng một mã có sẵn."), "{vi}");
        assert!(
            d.render(Lang::En, None)
                .starts_with("error[E0304]: van-ban/kh.yaml:2:7: No staff")
        );
    }

    #[test]
    fn io_reasons_are_vietnamese_words_with_the_system_text_aside() {
        let e = std::fs::read("/nonexistent/cchc/x.yaml").unwrap_err();
        let r = io_reason(&e);
        assert!(r.vi.starts_with("không tồn tại ("), "{}", r.vi);
        assert!(r.vi.ends_with(')'), "{}", r.vi);
        let e = std::fs::read(env!("CARGO_MANIFEST_DIR")).unwrap_err();
        assert!(io_reason(&e).vi.starts_with("đây là một thư mục"));
    }
}
