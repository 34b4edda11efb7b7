//! Fonts: Liberation Serif bundled in the binary (Times New Roman metrics, full Vietnamese
//! coverage, SIL OFL 1.1), plus any fonts in an optional folder so that an office that owns
//! Times New Roman gets the real thing. Loaded once per process and shared by every build.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU8, Ordering};

use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontStyle, FontWeight};
use typst::utils::LazyHash;

use crate::coverage::Coverage;
use crate::diag::{Code, Diagnostic, Diagnostics, Text, io_reason};
use crate::inputs::{Tree, Visit};

/// The family ND30 names, used when its four styles are present in a font folder.
pub const PREFERRED: &str = "Times New Roman";
/// The bundled metric-compatible family.
pub const BUNDLED: &str = "Liberation Serif";

pub(crate) const BUNDLED_FACES: [&[u8]; 4] = [
    include_bytes!("../../themes/default/fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../themes/default/fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../themes/default/fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../themes/default/fonts/LiberationSerif-BoldItalic.ttf"),
];

/// The licence of the bundled font, printed by `cchc --licenses`.
pub const BUNDLED_LICENSE: &str = include_str!("../../themes/default/fonts/OFL.txt");

pub struct FontSet {
    pub book: LazyHash<FontBook>,
    pub fonts: Vec<Font>,
    /// The family the theme must use: Times New Roman when complete, else Liberation Serif.
    pub family: String,
    /// Said about the font folder without stopping the build.
    pub warnings: Diagnostics,
}

/// Every letter of Vietnamese, both cases: a font lacking some of them is an old 8-bit
/// era font and would drop the marks of those letters from every page.
const VIETNAMESE_LETTERS: &str = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ\
AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬBCDĐEÈÉẺẼẸÊỀẾỂỄỆGHIÌÍỈĨỊKLMNOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢPQRSTUÙÚỦŨỤƯỪỨỬỮỰVXYỲÝỶỸỴ";

impl FontSet {
    /// The bundled faces plus every .ttf/.otf/.ttc under `extra`. A folder that is named
    /// but missing, empty, unreadable, or whose Times New Roman cannot write Vietnamese
    /// is an error: silently printing in another font, or failing on every letter of the
    /// content, would hide the one thing to fix.
    pub fn load(extra: Option<&Path>) -> Result<Self, Diagnostics> {
        let mut fonts: Vec<Font> = BUNDLED_FACES
            .iter()
            .flat_map(|blob| Font::iter(Bytes::new(*blob)))
            .collect();
        let mut diags = Diagnostics::default();
        let from_folder = match extra {
            Some(dir) => folder_fonts(dir, &mut diags),
            None => Vec::new(),
        };
        fonts.extend(from_folder.iter().map(|(_, f)| f.clone()));
        let family = if has_four_styles(&fonts, PREFERRED) {
            PREFERRED
        } else {
            BUNDLED
        };
        for (path, font) in &from_folder {
            if font.info().family.eq_ignore_ascii_case(family) {
                vietnamese_gaps(path, font, &mut diags);
            }
        }
        if diags.has_errors() {
            return Err(diags);
        }
        let mut warnings = Diagnostics::default();
        if let Some(dir) = extra
            && family != PREFERRED
        {
            incomplete_family(dir, &from_folder, &mut warnings);
        }
        Ok(Self {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            family: family.to_string(),
            fonts,
            warnings,
        })
    }

    /// Characters drawn by every face of the chosen family, so that text prints the same
    /// in regular, bold and italic.
    pub fn coverage(&self) -> Coverage {
        let faces: Vec<Font> = self
            .fonts
            .iter()
            .filter(|f| f.info().family.eq_ignore_ascii_case(&self.family))
            .cloned()
            .collect();
        let draws = move |c: char| {
            c == ' '
                || c == '\n'
                || c == '\t'
                || c == '\r'
                || c == '\u{a0}'
                || faces.iter().all(|f| f.info().coverage.contains(c as u32))
        };
        // Every character of every file is asked about on every build: the answers for
        // the characters below U+2000 (all of Vietnamese) are kept once found.
        const UNKNOWN: u8 = 0;
        let known: Box<[AtomicU8]> = (0..0x2000).map(|_| AtomicU8::new(UNKNOWN)).collect();
        Coverage::new(move |c| {
            let Some(slot) = known.get(c as usize) else {
                return draws(c);
            };
            match slot.load(Ordering::Relaxed) {
                UNKNOWN => {
                    let yes = draws(c);
                    slot.store(if yes { 1 } else { 2 }, Ordering::Relaxed);
                    yes
                }
                v => v == 1,
            }
        })
    }
}

/// The faces in the font folder `dir`, each with the file it came from (as the user
/// named it, for messages).
fn folder_fonts(dir: &Path, diags: &mut Diagnostics) -> Vec<(PathBuf, Font)> {
    let folder_error = |vi: &str, en: &str| {
        Diagnostic::new(Code::FontsFolder, dir, None, Text::new(vi, en)).with_hint(Text::new(
            "Dùng một thư mục có các tệp phông Times New Roman (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf, chép từ C:\\Windows\\Fonts), hoặc bỏ tùy chọn `--fonts` (và thư mục `fonts/` cạnh `content/`) để dùng phông Liberation Serif có sẵn (cùng kích thước chữ).",
            "Use a folder holding the Times New Roman files (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf, copied from C:\\Windows\\Fonts), or drop `--fonts` (and the `fonts/` folder beside `content/`) to use the bundled Liberation Serif (same metrics).",
        ))
    };
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            diags.push(folder_error(
                "Đường dẫn phông chữ này là một tệp, không phải thư mục.",
                "This fonts path is a file, not a folder.",
            ));
            return Vec::new();
        }
        Err(e) => {
            let why = io_reason(&e);
            diags.push(folder_error(
                &format!("Không mở được thư mục phông chữ: {}.", why.vi),
                &format!("Cannot open the fonts folder: {}.", why.en),
            ));
            return Vec::new();
        }
    }
    let Some(tree) = Tree::new(dir, dir, Text::new("thư mục phông chữ", "the fonts folder"))
    else {
        diags.push(folder_error(
            "Không mở được thư mục phông chữ.",
            "Cannot open the fonts folder.",
        ));
        return Vec::new();
    };
    let is_font = |p: &Path| {
        matches!(
            p.extension()
                .and_then(|x| x.to_str())
                .map(str::to_ascii_lowercase)
                .as_deref(),
            Some("ttf" | "otf" | "ttc")
        )
    };
    let files: Vec<_> = tree
        .walk(
            Path::new(""),
            // `._times.ttf` beside `times.ttf` is the resource fork a Mac leaves on a USB
            // drive, not a font: hidden files in a font folder are never fonts to use.
            &mut |rel, _| {
                if rel
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                {
                    Visit::Skip
                } else {
                    Visit::Take
                }
            },
            diags,
        )
        .into_iter()
        .filter(|f| is_font(&f.rel))
        .collect();
    if files.is_empty() && !diags.has_errors() {
        diags.push(folder_error(
            "Thư mục phông chữ không có tệp phông nào (.ttf, .otf, .ttc).",
            "The fonts folder holds no font file (.ttf, .otf, .ttc).",
        ));
    }
    let mut out = Vec::new();
    for f in files {
        let shown = dir.join(&f.rel);
        let data = match std::fs::read(&f.path) {
            Ok(d) => d,
            Err(e) => {
                diags.push(crate::diag::unreadable(
                    &shown,
                    Some(Text::new("tệp phông", "the font file")),
                    &e,
                    Text::new(
                        "Kiểm tra tài khoản đang chạy chương trình có quyền đọc tệp, hoặc xóa tệp khỏi thư mục phông.",
                        "Check that the account running cchc may read it, or remove it from the fonts folder.",
                    ),
                ));
                continue;
            }
        };
        let faces: Vec<Font> = Font::iter(Bytes::new(data)).collect();
        if faces.is_empty() {
            diags.push(
                Diagnostic::new(Code::FontFile,
                    &shown,
                    None,
                    Text::new(
                        "Tệp này không đọc được như một phông chữ (tệp hỏng, hoặc không phải phông TrueType/OpenType).",
                        "This file cannot be read as a font (it is damaged, or not a TrueType/OpenType font).",
                    ),
                )
                .with_hint(Text::new(
                    "Chép lại tệp phông từ máy gốc (C:\\Windows\\Fonts), hoặc xóa nó khỏi thư mục phông.",
                    "Copy the font again from its source (C:\\Windows\\Fonts), or remove it from the fonts folder.",
                )),
            );
        }
        out.extend(faces.into_iter().map(|face| (shown.clone(), face)));
    }
    out
}

/// One error per face that cannot write Vietnamese, instead of one per character of the
/// content.
fn vietnamese_gaps(path: &Path, font: &Font, diags: &mut Diagnostics) {
    let info = font.info();
    let missing: Vec<char> = VIETNAMESE_LETTERS
        .chars()
        .filter(|c| !info.coverage.contains(*c as u32))
        .collect();
    if missing.is_empty() {
        return;
    }
    let total = VIETNAMESE_LETTERS.chars().count();
    let sample: String = missing
        .iter()
        .take(12)
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(" ");
    let more = if missing.len() > 12 { " …" } else { "" };
    let bold = info.variant.weight >= FontWeight::BOLD;
    let italic = info.variant.style != FontStyle::Normal;
    let (style_vi, style_en) = match (bold, italic) {
        (false, false) => ("thường", "regular"),
        (true, false) => ("đậm", "bold"),
        (false, true) => ("nghiêng", "italic"),
        (true, true) => ("đậm nghiêng", "bold italic"),
    };
    diags.push(
        Diagnostic::new(Code::FontLetters,
            path,
            None,
            Text::new(
                format!(
                    "Phông {} ({style_vi}) trong tệp này thiếu {} trên {total} chữ cái tiếng Việt, ví dụ: {sample}{more}. Đây là bản phông cũ: in ra sẽ mất dấu.",
                    info.family,
                    missing.len()
                ),
                format!(
                    "The {} ({style_en}) font in this file lacks {} of the {total} Vietnamese letters, e.g. {sample}{more}. It is an old version: printed text would lose its marks.",
                    info.family,
                    missing.len()
                ),
            ),
        )
        .with_hint(Text::new(
            "Thay bằng tệp Times New Roman bản mới (Windows 7 trở lên, trong C:\\Windows\\Fonts), hoặc xóa tệp này khỏi thư mục phông để dùng phông Liberation Serif có sẵn (cùng kích thước chữ).",
            "Replace it with a current Times New Roman (Windows 7 or later, in C:\\Windows\\Fonts), or remove it from the fonts folder to use the bundled Liberation Serif (same metrics).",
        )),
    );
}

/// The four styles a document uses, with their names.
const STYLES: [(FontWeight, FontStyle, &str, &str); 4] = [
    (FontWeight::REGULAR, FontStyle::Normal, "thường", "regular"),
    (FontWeight::BOLD, FontStyle::Normal, "đậm", "bold"),
    (FontWeight::REGULAR, FontStyle::Italic, "nghiêng", "italic"),
    (
        FontWeight::BOLD,
        FontStyle::Italic,
        "đậm nghiêng",
        "bold italic",
    ),
];

fn has_style<'a>(
    mut fonts: impl Iterator<Item = &'a Font>,
    family: &str,
    w: FontWeight,
    s: FontStyle,
) -> bool {
    fonts.any(|f| {
        let i = f.info();
        i.family.eq_ignore_ascii_case(family) && i.variant.weight == w && i.variant.style == s
    })
}

fn has_four_styles(fonts: &[Font], family: &str) -> bool {
    STYLES
        .iter()
        .all(|(w, s, _, _)| has_style(fonts.iter(), family, *w, *s))
}

/// Some Times New Roman files but not all four: the whole document falls back to the
/// bundled font, which the clerk who copied the files would not expect.
fn incomplete_family(dir: &Path, from_folder: &[(PathBuf, Font)], warnings: &mut Diagnostics) {
    let faces = || from_folder.iter().map(|(_, f)| f);
    if !faces().any(|f| f.info().family.eq_ignore_ascii_case(PREFERRED)) {
        return;
    }
    let missing: Vec<_> = STYLES
        .iter()
        .filter(|(w, s, _, _)| !has_style(faces(), PREFERRED, *w, *s))
        .collect();
    let vi: Vec<&str> = missing.iter().map(|m| m.2).collect();
    let en: Vec<&str> = missing.iter().map(|m| m.3).collect();
    warnings.push(
        Diagnostic::new(Code::FontStyles,
            dir,
            None,
            Text::new(
                format!(
                    "Thư mục phông có {PREFERRED} nhưng thiếu kiểu {}: mọi văn bản được in bằng {BUNDLED} thay thế.",
                    vi.join(", ")
                ),
                format!(
                    "The fonts folder has {PREFERRED} but not its {} style: every document is printed in {BUNDLED} instead.",
                    en.join(", ")
                ),
            ),
        )
        .with_hint(Text::new(
            "Chép đủ 4 tệp times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf (trong C:\\Windows\\Fonts) vào thư mục này.",
            "Copy all four files times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf (from C:\\Windows\\Fonts) into this folder.",
        )),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_font_draws_every_vietnamese_letter_but_not_emoji_or_cjk() {
        let set = FontSet::load(None).expect("the bundled fonts load");
        assert_eq!(set.family, BUNDLED);
        assert_eq!(set.fonts.len(), 4);
        let cov = set.coverage();
        let letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
        for c in letters.chars().chain(letters.to_uppercase().chars()) {
            assert!(cov.draws_char(c), "{c}");
        }
        for c in ['😀', '中', 'ก'] {
            assert!(!cov.draws_char(c), "{c}");
        }
    }
}
