//! Fonts: Liberation Serif bundled in the binary (Times New Roman metrics, full Vietnamese
//! coverage, SIL OFL 1.1), plus any fonts in an optional folder so that an office that owns
//! Times New Roman gets the real thing. Loaded once per process and shared by every build.

use std::path::Path;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontStyle, FontWeight};
use typst::utils::LazyHash;

use crate::content::Coverage;

/// The family ND30 names, used when its four styles are present in a font folder.
pub const PREFERRED: &str = "Times New Roman";
/// The bundled metric-compatible family.
pub const BUNDLED: &str = "Liberation Serif";

const BUNDLED_FACES: [&[u8]; 4] = [
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
}

impl FontSet {
    /// The bundled faces plus every .ttf/.otf/.ttc under `extra` (if given and present).
    pub fn load(extra: Option<&Path>) -> Self {
        let mut fonts: Vec<Font> = BUNDLED_FACES
            .iter()
            .flat_map(|blob| Font::iter(Bytes::new(*blob)))
            .collect();
        if let Some(dir) = extra.filter(|d| d.is_dir()) {
            let mut paths: Vec<_> = walkdir::WalkDir::new(dir)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| {
                    e.file_type().is_file()
                        && matches!(
                            e.path()
                                .extension()
                                .and_then(|x| x.to_str())
                                .map(str::to_ascii_lowercase)
                                .as_deref(),
                            Some("ttf" | "otf" | "ttc")
                        )
                })
                .map(|e| e.into_path())
                .collect();
            paths.sort();
            for p in paths {
                if let Ok(data) = std::fs::read(&p) {
                    fonts.extend(Font::iter(Bytes::new(data)));
                }
            }
        }
        let family = if has_four_styles(&fonts, PREFERRED) {
            PREFERRED
        } else {
            BUNDLED
        };
        Self {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            family: family.to_string(),
            fonts,
        }
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
        Coverage::new(move |c| {
            c == ' '
                || c == '\n'
                || c == '\t'
                || c == '\r'
                || c == '\u{a0}'
                || faces.iter().all(|f| f.info().coverage.contains(c as u32))
        })
    }
}

fn has_four_styles(fonts: &[Font], family: &str) -> bool {
    let styles = [
        (FontWeight::REGULAR, FontStyle::Normal),
        (FontWeight::BOLD, FontStyle::Normal),
        (FontWeight::REGULAR, FontStyle::Italic),
        (FontWeight::BOLD, FontStyle::Italic),
    ];
    styles.iter().all(|(w, s)| {
        fonts.iter().any(|f| {
            let i = f.info();
            i.family.eq_ignore_ascii_case(family) && i.variant.weight == *w && i.variant.style == *s
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_font_draws_every_vietnamese_letter_but_not_emoji_or_cjk() {
        let set = FontSet::load(None);
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
