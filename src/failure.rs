//! What the terminal shows for a failed build, as text: printed by `cchc build` and shown
//! by `cchc serve` both in the terminal and over the pages in the browser.

use std::path::Path;

use crate::build::BuildError;
use crate::diag::{Code, Lang, Text, headline, io_reason};
use crate::output::OutputError;

/// What the terminal shows for a failed build (also what `cchc serve` shows over the
/// preview), and the exit code.
pub fn failure(e: &BuildError, lang: Lang, content: &Path) -> (String, u8) {
    let (diags, root) = match e {
        BuildError::Content(diags) => (diags, content),
        BuildError::Theme(diags) => (diags, Path::new("")),
        BuildError::Render { document, detail } => {
            let head = headline(
                Code::Theme,
                lang,
                &match lang {
                    Lang::Vi => format!(
                        "Lỗi giao diện khi dựng {}: nội dung đã hợp lệ, đây là lỗi của mẫu trình bày. Bản dựng trước vẫn giữ nguyên. Chi tiết cho người quản trị:",
                        document.display()
                    ),
                    Lang::En => format!(
                        "Theme error while rendering {}: the content is valid, the theme is at fault. The previous build is untouched. Details:",
                        document.display()
                    ),
                },
            );
            return (format!("{head}\n{detail}\n"), 1);
        }
        BuildError::Output(e) => {
            let (message, hint) = e.text();
            let mut text = format!("{}\n", headline(e.code(), lang, message.get(lang)));
            if let Some(h) = hint {
                let word = if lang == Lang::Vi {
                    "cách sửa"
                } else {
                    "fix"
                };
                text.push_str(&format!("  {word}: {}\n", h.get(lang)));
            }
            // Naming a folder cchc may not replace is a usage mistake.
            let code = if matches!(e, OutputError::Refused { .. }) {
                2
            } else {
                1
            };
            return (text, code);
        }
        BuildError::Io { path, error } => {
            let why = io_reason(error);
            let text = headline(
                Code::OutputWrite,
                lang,
                Text::new(
                    format!("Không ghi được {}: {}.", path.display(), why.vi),
                    format!("Cannot write {}: {}.", path.display(), why.en),
                )
                .get(lang),
            );
            return (format!("{text}\n"), 1);
        }
    };
    let listed = diags.clone().sorted().render(lang, root);
    (
        format!("{listed}{}\n", refused_line(diags.errors().count(), lang)),
        1,
    )
}

/// The last line of a run that found errors in the content: how many, and that nothing was
/// touched.
pub fn refused_line(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "Có {n} lỗi cần sửa. Chưa ghi gì vào thư mục đầu ra; bản dựng trước (nếu có) vẫn giữ nguyên."
        ),
        Lang::En => format!(
            "{} to fix. Nothing was written; the previous build (if any) is untouched.",
            plural(n, "error")
        ),
    }
}

/// "1 error", "3 errors": Vietnamese needs no plural, English does.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
