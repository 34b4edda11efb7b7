//! The validation context shared by every content file: where a value stands in its file,
//! its text checked against the fonts, and the messages about it.

use std::path::Path;

use super::SourceFile;
use super::raw::S;
use super::yaml;
pub use crate::coverage::Coverage;
use crate::diag::{Code, Diagnostic, Diagnostics, Pos, Text};
use crate::markdown;
use crate::suggest;
use crate::vn::{self, Date, DateError};

/// Validation context for one file.
pub(super) struct Cx<'a> {
    pub(super) file: &'a SourceFile,
    /// The file's lines, split once, to place a bad character on its exact line.
    lines: Vec<&'a str>,
    coverage: &'a Coverage,
    pub(super) diags: Diagnostics,
    /// The issuer file could not be read: references to its units and staff cannot be
    /// checked, and reporting each one would bury the one real mistake.
    pub(super) issuer_unknown: bool,
}

pub(super) fn pos_of<T>(s: &S<T>) -> Option<Pos> {
    yaml::pos(&s.referenced)
}

impl<'a> Cx<'a> {
    pub(super) fn new(file: &'a SourceFile, coverage: &'a Coverage) -> Self {
        Self {
            file,
            lines: file.text.lines().collect(),
            coverage,
            diags: Diagnostics::default(),
            issuer_unknown: false,
        }
    }

    pub(super) fn rel(&self) -> &Path {
        &self.file.rel
    }

    pub(super) fn error(
        &mut self,
        code: Code,
        at: Option<Pos>,
        vi: String,
        en: String,
        hint: Option<(String, String)>,
    ) {
        debug_assert_eq!(code.severity(), crate::diag::Severity::Error, "{code:?}");
        self.push(code, at, vi, en, hint);
    }

    pub(super) fn warn(
        &mut self,
        code: Code,
        at: Option<Pos>,
        vi: String,
        en: String,
        hint: Option<(String, String)>,
    ) {
        debug_assert_eq!(code.severity(), crate::diag::Severity::Warning, "{code:?}");
        self.push(code, at, vi, en, hint);
    }

    /// A message of `code`'s severity, with what to write instead when there is a hint.
    fn push(
        &mut self,
        code: Code,
        at: Option<Pos>,
        vi: String,
        en: String,
        hint: Option<(String, String)>,
    ) {
        let mut d = Diagnostic::new(code, self.rel(), at, Text::new(vi, en));
        if let Some((hv, he)) = hint {
            d = d.with_hint(Text::new(hv, he));
        }
        self.diags.push(d);
    }

    /// NFC text with every character checked against the fonts. Reports the exact line
    /// of a bad character even inside a multi-line Markdown block.
    pub(super) fn text(&mut self, s: &S<String>) -> String {
        let value = vn::nfc(&s.value);
        let Some(at) = pos_of(s) else {
            return value;
        };
        // Each distinct bad character is reported once per value, at its first place in the
        // source, with how many more there are: a pasted line of 20,000 emoji is one
        // message, not 20,000.
        let mut bad: Vec<(char, usize)> = Vec::new();
        for c in value.chars() {
            // Control and invisible format characters (zero-width space, BOM, direction
            // marks) print nothing and break search: report them like controls.
            let control = is_hidden(c);
            if !control && self.coverage.draws_char(c) {
                continue;
            }
            match bad.iter_mut().find(|(b, _)| *b == c) {
                Some((_, n)) => *n += 1,
                None => bad.push((c, 1)),
            }
        }
        for (c, count) in bad {
            let place = self.find_in_source(at, c).unwrap_or(at);
            let control = is_hidden(c);
            let code = format!("U+{:04X}", c as u32);
            let shown = if control {
                code.clone()
            } else {
                format!("«{c}» ({code})")
            };
            let (mut vi, mut en) = if control {
                (
                    format!("Có ký tự điều khiển ẩn {shown} trong văn bản."),
                    format!("Hidden control character {shown} in the text."),
                )
            } else {
                (
                    format!(
                        "Ký tự {shown} không in được bằng phông chữ văn bản hành chính (Times New Roman)."
                    ),
                    format!(
                        "Character {shown} cannot be drawn with the official font (Times New Roman)."
                    ),
                )
            };
            if count > 1 {
                vi.push_str(&format!(" Ký tự này có {count} lần trong giá trị này."));
                en.push_str(&format!(" It occurs {count} times in this value."));
            }
            self.error(Code::Unprintable,
                Some(place),
                vi,
                en,
                Some((
                    "Xóa ký tự này hoặc thay bằng chữ, số, dấu câu tiếng Việt thông thường (biểu tượng cảm xúc, chữ Hán và ký tự ẩn không được dùng trong văn bản).".into(),
                    "Delete it or use ordinary Vietnamese letters, digits and punctuation (no emoji, CJK or hidden characters).".into(),
                )),
            );
        }
        value
    }

    /// Markdown text: [`Self::text`], and the same checks on what its character references
    /// (`&#x1F600;`) stand for.
    pub(super) fn markdown_text(&mut self, s: &S<String>) -> String {
        let value = self.text(s);
        let Some(at) = pos_of(s) else {
            return value;
        };
        for (literal, decoded) in markdown::character_references(&value) {
            let Some(c) = decoded
                .chars()
                .find(|c| is_hidden(*c) || !self.coverage.draws_char(*c))
            else {
                continue;
            };
            let place = self.find_str_in_source(at, literal).unwrap_or(at);
            self.error(Code::Unprintable,
                Some(place),
                format!("Mã ký tự `{literal}` in ra U+{:04X}, ký tự không dùng được trong văn bản hành chính.", c as u32),
                format!("The character reference `{literal}` prints U+{:04X}, which an official document cannot use.", c as u32),
                Some((
                    "Xóa mã này; viết thẳng chữ tiếng Việt thông thường.".into(),
                    "Delete it; write ordinary Vietnamese text instead.".into(),
                )),
            );
        }
        value
    }

    /// Where `needle` first stands in the source at or after `at`.
    pub(super) fn find_str_in_source(&self, at: Pos, needle: &str) -> Option<Pos> {
        let first = at.line as usize - 1;
        for (i, line) in self.lines.iter().enumerate().skip(first) {
            let from = if i == first { byte_of(line, at.col) } else { 0 };
            if let Some(k) = line[from..].find(needle) {
                return Some(Pos {
                    line: i as u32 + 1,
                    col: line[..from + k].chars().count() as u32 + 1,
                });
            }
        }
        None
    }

    /// Where the map key `key` whose value is at `at` is written: on that line before the
    /// value, or on a line above it. Serde keeps no position for a map's keys.
    pub(super) fn key_written_before(&self, at: Pos, key: &str) -> Option<Pos> {
        let forms = [
            format!("\"{key}\":"),
            format!("'{key}':"),
            format!("{key}:"),
        ];
        let last = (at.line as usize).checked_sub(1)?;
        (0..=last).rev().find_map(|i| {
            let line = self.lines.get(i)?;
            let end = if i == last {
                byte_of(line, at.col)
            } else {
                line.len()
            };
            let found = forms
                .iter()
                .filter_map(|f| line[..end].rfind(f.as_str()))
                .max()?;
            Some(Pos {
                line: i as u32 + 1,
                col: line[..found].chars().count() as u32 + 1,
            })
        })
    }

    /// Where `c` first stands in the source at or after the start of a value. Searching
    /// the source, not counting the value's lines, keeps the line right in folded (`>`),
    /// quoted and multi-line values, whose lines do not map one to one.
    pub(super) fn find_in_source(&self, at: Pos, c: char) -> Option<Pos> {
        self.find_str_in_source(at, c.encode_utf8(&mut [0; 4]))
    }

    /// One of a fixed set of words (`do_khan`, `huong`, `chieu`, `luy_ke`, `tinh_trang`),
    /// read once into its typed value. Case, diacritics and `_` for `-` do not matter; a
    /// word outside the set gets the list and the nearest word.
    pub(super) fn choice<T: Copy>(
        &mut self,
        s: &S<String>,
        key: &str,
        options: &[(&str, T)],
    ) -> Option<T> {
        let written = self.text(s).trim().to_string();
        let folded = suggest::fold(&written).replace('_', "-");
        if let Some((_, v)) = options.iter().find(|(w, _)| suggest::fold(w) == folded) {
            return Some(*v);
        }
        let words: Vec<&str> = options.iter().map(|(w, _)| *w).collect();
        let list = words
            .iter()
            .map(|w| format!("`{key}: {w}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let (hv, he) = match suggest::closest(&written, words.iter().copied()) {
            Some(g) => (
                format!("Có phải ý bạn là `{key}: {g}`? Các giá trị dùng được: {list}."),
                format!("Did you mean `{key}: {g}`? Allowed: {list}."),
            ),
            None => (
                format!("Các giá trị dùng được: {list}."),
                format!("Allowed: {list}."),
            ),
        };
        self.error(
            Code::UnknownChoice,
            pos_of(s),
            format!("`{key}: {written}` không phải giá trị dùng được."),
            format!("`{key}: {written}` is not an allowed value."),
            Some((hv, he)),
        );
        None
    }

    pub(super) fn nonempty(&mut self, s: &S<String>, what_vi: &str, what_en: &str) -> String {
        let t = self.text(s);
        if t.trim().is_empty() {
            let at = pos_of(s);
            match at.and_then(|p| super::yaml::key_before(&self.file.text, p)) {
                Some(key) => {
                    let (message, hint) = super::yaml::blank_words(&key, Some((what_vi, what_en)));
                    self.error(
                        Code::Blank,
                        at,
                        message.vi,
                        message.en,
                        Some((hint.vi, hint.en)),
                    );
                }
                // A list item has no key to name.
                None => self.error(
                    Code::Blank,
                    at,
                    format!("{what_vi} đang để trống."),
                    format!("{} is empty.", capitalized(what_en)),
                    Some((
                        format!("Điền {what_vi} vào đây."),
                        format!("Write the {} here.", what_en.to_lowercase()),
                    )),
                ),
            }
        }
        t.trim().to_string()
    }

    pub(super) fn code(&mut self, s: &S<String>, what_vi: &str) -> String {
        let t = self.text(s).trim().to_string();
        let ok = t.chars().next().is_some_and(|c| c.is_uppercase())
            && t.chars().all(|c| c.is_alphabetic());
        if !ok {
            self.error(
                Code::BadId,
                pos_of(s),
                format!(
                    "{what_vi} \"{t}\" không hợp lệ: chỉ gồm chữ cái, bắt đầu bằng chữ in hoa."
                ),
                format!("Code \"{t}\" is invalid: letters only, starting with a capital."),
                Some((
                    "Ví dụ: UBND, VP, KT, VHXH.".into(),
                    "For example UBND, VP, KT, VHXH.".into(),
                )),
            );
        }
        t
    }

    pub(super) fn unknown_ref(
        &mut self,
        at: Option<Pos>,
        got: &str,
        known: &[&str],
        what_vi: &str,
        what_en: &str,
        list_key: &str,
    ) {
        if self.issuer_unknown {
            return;
        }
        let (list, guess) = listed(got, known);
        let (hv, he) = match guess {
            Some(g) => (
                format!(
                    "Có phải ý bạn là `{g}`? Các mã {what_vi} có trong co_quan.yaml ({list_key}): {list}."
                ),
                format!("Did you mean `{g}`? {what_en} ids in co_quan.yaml ({list_key}): {list}."),
            ),
            None => (
                format!(
                    "Các mã {what_vi} có trong co_quan.yaml ({list_key}): {list}. Nếu là người/đơn vị khác, viết tên đầy đủ có dấu thay cho mã."
                ),
                format!(
                    "{what_en} ids in co_quan.yaml ({list_key}): {list}. For anyone else, write the full name instead of an id."
                ),
            ),
        };
        self.error(
            Code::UnknownId,
            at,
            format!("Không có {what_vi} nào mang mã `{got}`."),
            format!("No {what_en} has the id `{got}`."),
            Some((hv, he)),
        );
    }

    pub(super) fn date(&mut self, s: &S<String>) -> Option<Date> {
        let t = self.text(s);
        match Date::parse(&t) {
            Ok(d) => Some(d),
            Err(e) => {
                let (vi, en) = match e {
                    DateError::Shape => (
                        format!("Ngày \"{t}\" không đúng dạng."),
                        format!("Date \"{t}\" is not in a known form."),
                    ),
                    DateError::NoSuchDay => (
                        format!("Ngày \"{t}\" không có thật trên lịch."),
                        format!("Date \"{t}\" does not exist."),
                    ),
                };
                self.error(Code::BadDate,
                    pos_of(s),
                    vi,
                    en,
                    Some((
                        "Viết năm-tháng-ngày như `2026-01-15` hoặc ngày/tháng/năm như `15/01/2026`; văn bản dự thảo chưa có ngày viết `2026-01`.".into(),
                        "Write `2026-01-15` or `15/01/2026`; a draft without a day: `2026-01`.".into(),
                    )),
                );
                None
            }
        }
    }
}

/// The names a reference could have meant, as a hint lists them ("(chưa có)" for none), and
/// the one nearest to what was written.
pub(super) fn listed<'k>(got: &str, known: &[&'k str]) -> (String, Option<&'k str>) {
    let list = if known.is_empty() {
        "(chưa có)".to_string()
    } else {
        known.join(", ")
    };
    (list, suggest::closest(got, known.iter().copied()))
}

/// The byte offset in `line` of the 1-based character column `col` (the line's end past it).
fn byte_of(line: &str, col: u32) -> usize {
    line.char_indices()
        .nth(col as usize - 1)
        .map_or(line.len(), |(b, _)| b)
}

/// "abstract" → "Abstract", for an English message that starts with a field's name.
fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Characters that print nothing: controls (but tab, line feed and carriage return) and
/// invisible format characters.
pub(super) fn is_hidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\r' | '\n'))
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

/// A staff id: lower-case ASCII letters, digits and "-" (at least one letter).
pub(super) fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && s.chars().any(|c| c.is_ascii_lowercase())
}

/// Names that the site itself uses for its own pages in a folder (`van-ban/index.html`,
/// `can-bo/index.html`, `static/`): a document, official or period may not take them.
pub(crate) const RESERVED_SLUGS: &[&str] = &["index", "static", "sitemap", "documents", "du-lieu"];

/// Why a slug cannot name a page ("… không dùng được: …"), or `None` when it can.
pub(crate) fn slug_problem(slug: &str) -> Option<Text> {
    if slug.is_empty() {
        Some(Text::new(
            "không có chữ hay số nào để đặt tên trang web và tệp PDF.",
            "has no letter or digit to name the web page and the PDF.",
        ))
    } else if RESERVED_SLUGS.contains(&slug) {
        Some(Text::new(
            format!("trùng với tên trang `{slug}` mà trang web dùng sẵn."),
            format!("is the name `{slug}` that the site uses for its own page."),
        ))
    } else {
        None
    }
}

/// "Kế hoạch CCHC 2026" → "ke-hoach-cchc-2026".
pub(crate) fn slug(s: &str) -> String {
    let folded = suggest::fold(s);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::fixtures::{DISPATCH, ISSUER, check_drawn, heads};

    /// The fixture công văn with `from` replaced by `to`, with fonts that draw everything
    /// below the emoji: every message, in Vietnamese.
    fn dispatch(from: &str, to: &str) -> Vec<String> {
        assert!(DISPATCH.contains(from), "{from:?}");
        let fonts = Coverage::new(|c| (c as u32) < 0x1F000);
        check_drawn(
            &fonts,
            ISSUER,
            &[("cv.yaml", &DISPATCH.replacen(from, to, 1))],
        )
        .1
    }

    /// "van-ban/cv.yaml:line:col" of the `nth` (from 0) `word` in the công văn `text`.
    fn at(text: &str, word: &str, nth: usize) -> String {
        let (line, col) = text
            .lines()
            .enumerate()
            .flat_map(|(i, l)| {
                l.match_indices(word)
                    .map(move |(b, _)| (i + 1, l[..b].chars().count() + 1))
            })
            .nth(nth)
            .unwrap_or_else(|| panic!("{word:?} #{nth}"));
        format!("van-ban/cv.yaml:{line}:{col}")
    }

    #[test]
    fn a_character_no_font_draws_is_named_once_at_its_first_place() {
        let (from, to) = (
            "trich_yeu: Đôn đốc cải cách hành chính",
            "trich_yeu: Đôn đốc 😀 cải cách 😀😀 hành chính \u{200b}",
        );
        let text = DISPATCH.replacen(from, to, 1);
        assert_eq!(
            heads(&dispatch(from, to)),
            [
                format!(
                    "lỗi[E0110]: {}: Ký tự «😀» (U+1F600) không in được bằng phông chữ văn bản hành chính (Times New Roman). Ký tự này có 3 lần trong giá trị này.",
                    at(&text, "😀", 0)
                ),
                format!(
                    "lỗi[E0110]: {}: Có ký tự điều khiển ẩn U+200B trong văn bản.",
                    at(&text, "\u{200b}", 0)
                ),
            ]
        );
        // In a block, on its own line; a comment above holding it is not the place.
        let (from, to) = (
            "noi_dung: |\n  Đề nghị các thôn thực hiện.",
            "# ghi chú 😀\nnoi_dung: |\n  Đề nghị các thôn thực hiện.\n  Dòng hai 😀.",
        );
        let text = DISPATCH.replacen(from, to, 1);
        assert_eq!(
            heads(&dispatch(from, to)),
            [format!(
                "lỗi[E0110]: {}: Ký tự «😀» (U+1F600) không in được bằng phông chữ văn bản hành chính (Times New Roman).",
                at(&text, "😀", 1)
            )]
        );
    }

    #[test]
    fn each_value_on_a_line_is_named_at_its_own_character() {
        // Two recipients on one line, each starting with the same bad character.
        let (from, to) = (
            "kinh_gui:\n  - Các thôn",
            "kinh_gui: [😀 Các thôn, 😀 Tổ dân phố]",
        );
        let text = DISPATCH.replacen(from, to, 1);
        let place = |nth| {
            format!(
                "lỗi[E0110]: {}: Ký tự «😀» (U+1F600) không in được bằng phông chữ văn bản hành chính (Times New Roman).",
                at(&text, "😀", nth)
            )
        };
        assert_eq!(heads(&dispatch(from, to)), [place(0), place(1)]);
    }

    #[test]
    fn a_character_reference_is_checked_for_what_it_prints() {
        let (from, to) = (
            "  Đề nghị các thôn thực hiện.",
            "  Đề nghị &amp; các thôn &#x1F600; thực hiện &#8203;.",
        );
        let text = DISPATCH.replacen(from, to, 1);
        assert_eq!(
            heads(&dispatch(from, to)),
            [
                format!(
                    "lỗi[E0110]: {}: Mã ký tự `&#x1F600;` in ra U+1F600, ký tự không dùng được trong văn bản hành chính.",
                    at(&text, "&#x1F600;", 0)
                ),
                format!(
                    "lỗi[E0110]: {}: Mã ký tự `&#8203;` in ra U+200B, ký tự không dùng được trong văn bản hành chính.",
                    at(&text, "&#8203;", 0)
                ),
            ]
        );
    }

    #[test]
    fn a_fixed_word_is_read_whatever_its_case_accents_or_underscores() {
        for written in ["khan", "Khẩn", "KHẨN", " khẩn "] {
            let m = dispatch("so: 7", &format!("so: 7\ndo_khan: \"{written}\""));
            assert!(m.is_empty(), "{written}: {m:#?}");
        }
        let m = dispatch("so: 7", "so: 7\ndo_khan: khẩn cấp");
        assert_eq!(
            m,
            [
                "lỗi[E0111]: van-ban/cv.yaml:4:10: `do_khan: khẩn cấp` không phải giá trị dùng được.\n  cách sửa: Các giá trị dùng được: `do_khan: khan`, `do_khan: thuong-khan`, `do_khan: hoa-toc`."
            ]
        );
    }

    #[test]
    fn an_office_or_unit_code_is_letters_only_starting_with_a_capital() {
        for (from, bad, what) in [
            ("ma: UBND", "ubnd", "Mã cơ quan"),
            ("  - ma: VP", "V1", "Mã đơn vị"),
            ("  - ma: VP", "Vp-1", "Mã đơn vị"),
        ] {
            let to = from.replace(if from.contains("UBND") { "UBND" } else { "VP" }, bad);
            let issuer = ISSUER.replacen(from, &to, 1);
            let fonts = Coverage::any();
            let (_, m) = check_drawn(&fonts, &issuer, &[]);
            let col = to.find(bad).expect("the code") + 1;
            let line = issuer.lines().position(|l| l == to).expect("the line") + 1;
            assert!(
                m.iter().any(|m| m.starts_with(&format!(
                    "lỗi[E0302]: co_quan.yaml:{line}:{col}: {what} \"{bad}\" không hợp lệ: chỉ gồm chữ cái, bắt đầu bằng chữ in hoa."
                ))),
                "{bad}: {m:#?}"
            );
        }
    }

    #[test]
    fn words_and_characters() {
        assert_eq!(capitalized("abstract"), "Abstract");
        assert_eq!(capitalized("đơn vị"), "Đơn vị");
        assert_eq!(capitalized(""), "");
        for c in [
            '\u{7}', '\u{200b}', '\u{200f}', '\u{202a}', '\u{202e}', '\u{2060}', '\u{2064}',
            '\u{feff}',
        ] {
            assert!(is_hidden(c), "{:04X}", c as u32);
        }
        for c in ['\t', '\n', '\r', ' ', 'a', 'đ', '\u{2010}', '\u{2065}'] {
            assert!(!is_hidden(c), "{:04X}", c as u32);
        }
        assert!(slug_problem("").is_some());
        for reserved in RESERVED_SLUGS {
            assert!(slug_problem(reserved).is_some(), "{reserved}");
        }
        assert!(slug_problem("ke-hoach").is_none());
    }
}
