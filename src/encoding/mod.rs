//! Repair of Vietnamese typed with legacy 8-bit fonts (phông chữ cũ) and later read as Latin-1.
//!
//! Before Unicode, commune offices typed with TCVN3 (the "ABC" fonts: .VnTime, .VnArial…) or
//! VNI-Windows (VNI-Times…). Both put Vietnamese letters on byte values that Windows-1252 shows as
//! Western letters and symbols, so when such a file is pasted or converted without its font the
//! text turns into "CéNG HOµ X· HéI" (TCVN3) or "Chuû tòch Uyû ban" (VNI). Our sources are otherwise
//! Unicode, so the damage comes as islands inside good text, and sometimes it has been half
//! converted already (a Unicode "ữ" still followed by the VNI tilde byte "õ").
//!
//! * [`decode`] reads every char in U+00A0–U+00FF as the byte it was and maps it through the chosen
//!   table; everything else passes through. The code-page range 0x80–0x9F is used by neither
//!   table, so Windows-1252 punctuation (“ ” – …) is left alone.
//! * [`scan`] finds the islands without being told the encoding, by asking which reading turns
//!   impossible spellings into well-formed Vietnamese syllables (âm tiết), and [`fix`] replaces them.
//!
//! A few bytes cannot be recovered: TCVN3 has no capital toned letters (the "H" fonts such as
//! .VnTimeH drew the small-letter codes as capitals), so capitals are restored only where the rest
//! of the word shows Caps Lock was on; and words damaged beyond the encoding (a byte replaced by a
//! different one) are converted as far as the bytes allow and left visibly wrong, never guessed.

use std::fmt;
use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

/// The two legacy encodings found in commune archives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Legacy {
    /// TCVN 5712:1993 VN3, the "ABC" fonts (.VnTime): one byte per toned small letter.
    Tcvn3,
    /// VNI-Windows (VNI-Times): a base letter followed by a mark byte (dấu) for hat and tone.
    Vni,
}

impl fmt::Display for Legacy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Legacy::Tcvn3 => "TCVN3",
            Legacy::Vni => "VNI",
        })
    }
}

/// A stretch of text that reads as legacy-encoded Vietnamese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in chars (not bytes), so it matches what an editor shows.
    pub column: usize,
    /// The encoding whose reading looks most like Vietnamese.
    pub encoding: Legacy,
    /// The text as found.
    pub found: String,
    /// `found` converted from `encoding`, NFC.
    pub fixed: String,
}

/// What an excerpt shows for a word no table reads as Vietnamese.
pub const DAMAGED: &str = "(?)";

impl Finding {
    /// The found text and its reading, both cut after the same word so that they line up,
    /// the found one within `max` chars. A word whose reading is still not Vietnamese (the
    /// bytes were damaged before the text reached the file) reads [`DAMAGED`]: guessing it
    /// would put a wrong word in the clerk's mind.
    pub fn excerpt(&self, max: usize) -> (String, String) {
        let found: Vec<&str> = self.found.split(' ').collect();
        let fixed: Vec<&str> = self.fixed.split(' ').collect();
        let mut n = 0;
        let mut len = 0;
        for w in &found {
            let add = w.chars().count() + usize::from(n > 0);
            if n > 0 && len + add > max {
                break;
            }
            len += add;
            n += 1;
        }
        let cut = |words: &[&str]| words[..n.min(words.len())].join(" ");
        let shown: Vec<&str> = fixed
            .iter()
            .map(|&w| {
                let core = w.trim_matches(|c: char| !c.is_alphabetic());
                if core.is_ascii() || syllable_ok(core) {
                    w
                } else {
                    DAMAGED
                }
            })
            .collect();
        let (mut found_cut, mut shown_cut) = (cut(&found), cut(&shown));
        if n < found.len() {
            found_cut.push('…');
            shown_cut.push('…');
        }
        (found_cut, shown_cut)
    }
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

/// TCVN3 (VN3): byte → letter, sorted by byte. Only small toned letters exist; the seven capitals
/// Ă Â Ê Ô Ơ Ư Đ are there because they carry no tone. Bytes not listed are ASCII-compatible or
/// unused, and stay as they are.
const TCVN3: [(u8, char); 74] = [
    (0xA1, 'Ă'),
    (0xA2, 'Â'),
    (0xA3, 'Ê'),
    (0xA4, 'Ô'),
    (0xA5, 'Ơ'),
    (0xA6, 'Ư'),
    (0xA7, 'Đ'),
    (0xA8, 'ă'),
    (0xA9, 'â'),
    (0xAA, 'ê'),
    (0xAB, 'ô'),
    (0xAC, 'ơ'),
    (0xAD, 'ư'), // Latin-1 soft hyphen: invisible in most viewers, so "ng­êi" looks like "ngêi".
    (0xAE, 'đ'),
    (0xB5, 'à'),
    (0xB6, 'ả'),
    (0xB7, 'ã'),
    (0xB8, 'á'),
    (0xB9, 'ạ'),
    (0xBB, 'ằ'),
    (0xBC, 'ẳ'),
    (0xBD, 'ẵ'),
    (0xBE, 'ắ'),
    (0xC6, 'ặ'),
    (0xC7, 'ầ'),
    (0xC8, 'ẩ'),
    (0xC9, 'ẫ'),
    (0xCA, 'ấ'),
    (0xCB, 'ậ'),
    (0xCC, 'è'),
    (0xCE, 'ẻ'),
    (0xCF, 'ẽ'),
    (0xD0, 'é'),
    (0xD1, 'ẹ'),
    (0xD2, 'ề'),
    (0xD3, 'ể'),
    (0xD4, 'ễ'),
    (0xD5, 'ế'),
    (0xD6, 'ệ'),
    (0xD7, 'ì'),
    (0xD8, 'ỉ'),
    (0xDC, 'ĩ'),
    (0xDD, 'í'),
    (0xDE, 'ị'),
    (0xDF, 'ò'),
    (0xE1, 'ỏ'),
    (0xE2, 'õ'),
    (0xE3, 'ó'),
    (0xE4, 'ọ'),
    (0xE5, 'ồ'),
    (0xE6, 'ổ'),
    (0xE7, 'ỗ'),
    (0xE8, 'ố'),
    (0xE9, 'ộ'),
    (0xEA, 'ờ'),
    (0xEB, 'ở'),
    (0xEC, 'ỡ'),
    (0xED, 'ớ'),
    (0xEE, 'ợ'),
    (0xEF, 'ù'),
    (0xF1, 'ủ'),
    (0xF2, 'ũ'),
    (0xF3, 'ú'),
    (0xF4, 'ụ'),
    (0xF5, 'ừ'),
    (0xF6, 'ử'),
    (0xF7, 'ữ'),
    (0xF8, 'ứ'),
    (0xF9, 'ự'),
    (0xFA, 'ỳ'),
    (0xFB, 'ỷ'),
    (0xFC, 'ỹ'),
    (0xFD, 'ý'),
    (0xFE, 'ỵ'),
];

/// VNI-Windows letters that take a whole byte (small-letter codes; the capital is 0x20 lower,
/// exactly as in Latin-1). The i-tones and ỵ are single bytes because a mark after the narrow "i"
/// glyph would not fit; ơ ư đ because they are letters of their own.
const VNI_LETTERS: [(u8, char); 9] = [
    (0xE6, 'ỉ'), // æ
    (0xEC, 'ì'), // ì
    (0xED, 'í'), // í
    (0xEE, 'ỵ'), // î
    (0xF1, 'đ'), // ñ
    (0xF2, 'ị'), // ò
    (0xF3, 'ĩ'), // ó
    (0xF4, 'ơ'), // ô
    (0xF6, 'ư'), // ö
];

/// VNI-Windows mark bytes (small-letter codes; capitals 0x20 lower), each typed after the vowel
/// it sits on: a hat (dấu mũ â ê ô, or the breve of ă) and/or a tone (dấu thanh).
const VNI_MARKS: [(u8, Shape, Tone); 17] = [
    (0xF9, Shape::Plain, Tone::Acute), // ù  sắc
    (0xF8, Shape::Plain, Tone::Grave), // ø  huyền
    (0xFB, Shape::Plain, Tone::Hook),  // û  hỏi
    (0xF5, Shape::Plain, Tone::Tilde), // õ  ngã
    (0xEF, Shape::Plain, Tone::Dot),   // ï  nặng
    (0xE2, Shape::Circumflex, Tone::Level),
    (0xE1, Shape::Circumflex, Tone::Acute),
    (0xE0, Shape::Circumflex, Tone::Grave),
    (0xE5, Shape::Circumflex, Tone::Hook),
    (0xE3, Shape::Circumflex, Tone::Tilde),
    (0xE4, Shape::Circumflex, Tone::Dot),
    (0xEA, Shape::Breve, Tone::Level),
    (0xE9, Shape::Breve, Tone::Acute),
    (0xE8, Shape::Breve, Tone::Grave),
    (0xFA, Shape::Breve, Tone::Hook),
    (0xFC, Shape::Breve, Tone::Tilde),
    (0xEB, Shape::Breve, Tone::Dot),
];

/// Initial consonants (phụ âm đầu), "" for a syllable that starts with its vowel. A bare "p" is
/// left out on purpose: it occurs only in loanwords, and admitting it lets Italian "più" pass as
/// VNI for "pí".
const INITIALS: [&str; 27] = [
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
];

/// Rhymes (vần) without tone: the medial o/u, the main vowel and the final. Spelled with "y"
/// only where the syllable has no initial or follows the medial u (yêu, uyên, quý).
const RHYMES: [&str; 164] = [
    "a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay", //
    "ăc", "ăm", "ăn", "ăng", "ăp", "ăt", //
    "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây", //
    "e", "ec", "em", "en", "eng", "eo", "ep", "et", //
    "ê", "êch", "êm", "ên", "ênh", "êp", "êt", "êu", //
    "i", "ia", "ich", "im", "in", "inh", "ip", "it", "iu", //
    "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu", //
    "o", "oc", "oi", "om", "on", "ong", "op", "ot", "ooc", "oong", //
    "ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp", "ôt", //
    "ơ", "ơi", "ơm", "ơn", "ơp", "ơt", "ơu", //
    "u", "ua", "uc", "ui", "um", "un", "ung", "up", "ut", //
    "uôc", "uôi", "uôm", "uôn", "uông", "uôt", //
    "ư", "ưa", "ưc", "ưi", "ưm", "ưn", "ưng", "ưt", "ưu", //
    "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu", //
    "y", "yêm", "yên", "yêng", "yêt", "yêu", //
    "oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oao", "oap", "oat", "oay", //
    "oăc", "oăm", "oăn", "oăng", "oăt", //
    "oe", "oem", "oen", "oeo", "oet", //
    "uân", "uâng", "uât", "uây", //
    "uê", "uêch", "uên", "uênh", "uêt", //
    "uy", "uya", "uych", "uyn", "uynh", "uyp", "uyt", "uyu", "uyên", "uyêt", //
    "uơ",
];

/// Whether `text` is one of [`RHYMES`]: looked up for every word of every file a build reads.
fn is_rhyme(text: &str) -> bool {
    static SET: std::sync::LazyLock<std::collections::HashSet<&str>> =
        std::sync::LazyLock::new(|| RHYMES.into_iter().collect());
    SET.contains(text)
}

// ---------------------------------------------------------------------------------------------
// Letters
// ---------------------------------------------------------------------------------------------

/// The hat on a vowel (dấu mũ, dấu trăng, dấu móc): what makes â ă ê ô ơ ư separate letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Plain,
    Circumflex,
    Breve,
    Horn,
}

/// The six tones (thanh): ngang, sắc, huyền, hỏi, ngã, nặng.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tone {
    Level,
    Acute,
    Grave,
    Hook,
    Tilde,
    Dot,
}

/// A letter of the Vietnamese alphabet taken apart, so marks can be added one at a time the way
/// VNI typed them, and syllables checked without a table of 134 precomposed letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Letter {
    /// ASCII small letter, or 'đ'.
    base: char,
    shape: Shape,
    tone: Tone,
    upper: bool,
}

impl Letter {
    /// `None` for anything that is not a letter of the Vietnamese alphabet (ü, ñ, ç, ø, ß, digits…).
    fn parse(c: char) -> Option<Letter> {
        let upper = c.is_uppercase();
        let mut lower = c.to_lowercase();
        let small = lower.next()?;
        if lower.next().is_some() {
            return None;
        }
        let mut letter = Letter {
            base: small,
            shape: Shape::Plain,
            tone: Tone::Level,
            upper,
        };
        if small == 'đ' {
            return Some(letter);
        }
        let mut parts = std::iter::once(small).nfd();
        letter.base = parts.next()?;
        if !letter.base.is_ascii_lowercase() {
            return None;
        }
        for mark in parts {
            let (shape, tone) = match mark {
                '\u{302}' => (Shape::Circumflex, Tone::Level),
                '\u{306}' => (Shape::Breve, Tone::Level),
                '\u{31B}' => (Shape::Horn, Tone::Level),
                '\u{301}' => (Shape::Plain, Tone::Acute),
                '\u{300}' => (Shape::Plain, Tone::Grave),
                '\u{309}' => (Shape::Plain, Tone::Hook),
                '\u{303}' => (Shape::Plain, Tone::Tilde),
                '\u{323}' => (Shape::Plain, Tone::Dot),
                _ => return None,
            };
            letter = letter.with(shape, tone)?;
        }
        Some(letter)
    }

    fn is_vowel(self) -> bool {
        matches!(self.base, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
    }

    /// This letter with a hat and/or tone added. A mark it already has is accepted again (the
    /// duplicate left by a half conversion); a different one, or a hat the vowel cannot take, is not.
    fn with(self, shape: Shape, tone: Tone) -> Option<Letter> {
        let shape = match (self.shape, shape) {
            (old, Shape::Plain) => old,
            (Shape::Plain, new) => new,
            (old, new) if old == new => old,
            _ => return None,
        };
        let shape_fits = match shape {
            Shape::Plain => true,
            Shape::Circumflex => matches!(self.base, 'a' | 'e' | 'o'),
            Shape::Breve => self.base == 'a',
            Shape::Horn => matches!(self.base, 'o' | 'u'),
        };
        let tone = match (self.tone, tone) {
            (old, Tone::Level) => old,
            (Tone::Level, new) => new,
            (old, new) if old == new => old,
            _ => return None,
        };
        if !shape_fits || (tone != Tone::Level && !self.is_vowel()) {
            return None;
        }
        Some(Letter {
            shape,
            tone,
            ..self
        })
    }

    fn to_char(self) -> char {
        let shape = match self.shape {
            Shape::Plain => None,
            Shape::Circumflex => Some('\u{302}'),
            Shape::Breve => Some('\u{306}'),
            Shape::Horn => Some('\u{31B}'),
        };
        let tone = match self.tone {
            Tone::Level => None,
            Tone::Acute => Some('\u{301}'),
            Tone::Grave => Some('\u{300}'),
            Tone::Hook => Some('\u{309}'),
            Tone::Tilde => Some('\u{303}'),
            Tone::Dot => Some('\u{323}'),
        };
        let small = std::iter::once(self.base)
            .chain(shape)
            .chain(tone)
            .nfc()
            .next()
            .unwrap_or(self.base);
        if self.upper {
            small.to_uppercase().next().unwrap_or(small)
        } else {
            small
        }
    }

    /// The letter without its tone, small: what spelling rules are written in.
    fn plain(self) -> char {
        Letter {
            tone: Tone::Level,
            upper: false,
            ..self
        }
        .to_char()
    }
}

/// The byte a char stood for when legacy bytes were read as Latin-1/Windows-1252, for the part
/// of the range the legacy tables use (0xA0–0xFF).
fn byte_of(c: char) -> Option<u8> {
    u8::try_from(u32::from(c)).ok().filter(|b| *b >= 0xA0)
}

fn tcvn3_char(b: u8) -> Option<char> {
    TCVN3
        .binary_search_by_key(&b, |(byte, _)| *byte)
        .ok()
        .map(|i| TCVN3[i].1)
}

/// VNI keeps Latin-1's case pairing, so a capital's code is its small letter's minus 0x20.
fn vni_small(b: u8) -> (u8, bool) {
    if (0xC0..0xE0).contains(&b) {
        (b + 0x20, true)
    } else {
        (b, false)
    }
}

fn vni_letter(c: char) -> Option<char> {
    let (small, upper) = vni_small(byte_of(c)?);
    let (_, letter) = VNI_LETTERS.iter().find(|(b, _)| *b == small)?;
    Some(if upper {
        letter.to_uppercase().next().unwrap_or(*letter)
    } else {
        *letter
    })
}

fn vni_mark(c: char) -> Option<(Shape, Tone)> {
    let (small, _) = vni_small(byte_of(c)?);
    VNI_MARKS
        .iter()
        .find(|(b, _, _)| *b == small)
        .map(|(_, shape, tone)| (*shape, *tone))
}

// ---------------------------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------------------------

/// Converts legacy-encoded text read as Latin-1 back to Unicode (NFC).
///
/// Chars outside U+00A0–U+00FF are kept, so a Unicode "ư" or "ạ" survives. Converting is only
/// right for text that really is legacy: Unicode "á" is also a legacy byte and will be converted
/// with the rest, which is why [`scan`] picks out the runs to convert.
pub fn decode(text: &str, from: Legacy) -> String {
    let out = match from {
        Legacy::Tcvn3 => decode_tcvn3(text),
        Legacy::Vni => decode_vni(text),
    };
    out.nfc().collect()
}

/// VNI: a mark byte modifies the letter written just before it.
///
/// Two repairs for text that went through a converter twice, both only where clean VNI can never
/// produce the pattern, so clean text is unaffected:
/// * a mark the letter already carries is dropped ("nhữõng" → "những": the ữ was converted, its
///   stale "õ" left behind);
/// * a Latin-1 toned vowel followed by a tone byte of the same tone is that vowel in Unicode, not
///   a VNI mark ("ñoàøn" → "đoàn", not "đồn"): in clean VNI a tone byte only ever follows a bare
///   vowel.
///
/// A mark that cannot go on the letter before it (a different tone already there, a hat the
/// vowel cannot take, no vowel at all) is left as the char it was, visibly unconverted.
fn decode_vni(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    // Whether the last char written may still take a mark: a letter written for the input char
    // just before, never a literal left over from a failed mark.
    let mut open = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if let Some(tone) = latin1_tone(c)
            && chars.get(i).and_then(|n| vni_mark(*n)) == Some((Shape::Plain, tone))
        {
            out.push(c);
            i += 1;
            open = true;
            continue;
        }
        if let Some(letter) = vni_letter(c) {
            out.push(letter);
            open = true;
            continue;
        }
        if let Some((shape, tone)) = vni_mark(c) {
            let marked = out
                .last()
                .filter(|_| open)
                .and_then(|last| Letter::parse(*last))
                .filter(|l| l.is_vowel())
                .and_then(|l| l.with(shape, tone));
            match (marked, out.last_mut()) {
                (Some(letter), Some(last)) => *last = letter.to_char(),
                _ => {
                    out.push(c);
                    open = false;
                }
            }
            continue;
        }
        // ASCII letters, and Unicode letters beyond Latin-1 (a stale mark may follow them).
        open = c.is_ascii_alphabetic() || (byte_of(c).is_none() && c.is_alphabetic());
        out.push(c);
    }
    out.into_iter().collect()
}

/// The tone a Latin-1 vowel already shows (à á ã ò…), for the half-conversion check.
fn latin1_tone(c: char) -> Option<Tone> {
    byte_of(c)?;
    let letter = Letter::parse(c)?;
    (letter.is_vowel()
        && letter.shape == Shape::Plain
        && matches!(letter.tone, Tone::Acute | Tone::Grave | Tone::Tilde))
    .then_some(letter.tone)
}

/// TCVN3: byte by byte through the table, then two case repairs, because VN3 has no capital
/// toned letters:
/// * converters write a capital toned letter as its bare capital followed by the small toned
///   letter ("A¸" for Á, "¢Ê" for Ấ); a vowel never doubles that way in Vietnamese, so the pair
///   is merged;
/// * with the .VnTimeH fonts people typed headings with Caps Lock on, so the ASCII letters are
///   capitals and the toned ones small ("CéNG HOµ"); a word whose ASCII letters are all capitals
///   (at least two, or one next to such a word) gets its converted letters capitalised too.
fn decode_tcvn3(text: &str) -> String {
    let mapped: Vec<(char, bool)> = text
        .chars()
        .map(|c| match byte_of(c).and_then(tcvn3_char) {
            Some(u) => (u, true),
            None => (c, false),
        })
        .collect();

    let mut out: Vec<(char, bool)> = Vec::with_capacity(mapped.len());
    for (c, from_table) in mapped {
        if from_table
            && let Some(&(prev, prev_from_table)) = out.last()
            && (prev_from_table || prev.is_ascii())
            && let (Some(p), Some(l)) = (Letter::parse(prev), Letter::parse(c))
            && p.upper
            && p.is_vowel()
            && p.tone == Tone::Level
            && !l.upper
            && l.tone != Tone::Level
            && (p.base, p.shape) == (l.base, l.shape)
            && let Some(last) = out.last_mut()
        {
            *last = (Letter { upper: true, ..l }.to_char(), true);
            continue;
        }
        out.push((c, from_table));
    }

    // Words as (start, end, ascii capitals, ascii small letters, line).
    let mut words: Vec<(usize, usize, usize, usize, usize)> = Vec::new();
    let mut line = 0;
    let mut i = 0;
    while i < out.len() {
        if out[i].0 == '\n' {
            line += 1;
        }
        if !out[i].0.is_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < out.len() && out[i].0.is_alphabetic() {
            i += 1;
        }
        let word = &out[start..i];
        let caps = word.iter().filter(|(c, _)| c.is_ascii_uppercase()).count();
        let small = word.iter().filter(|(c, _)| c.is_ascii_lowercase()).count();
        words.push((start, i, caps, small, line));
    }
    let shouting = |w: &(usize, usize, usize, usize, usize)| w.2 >= 2 && w.3 == 0;
    for (k, w) in words.iter().enumerate() {
        let near = |j: Option<usize>| {
            j.and_then(|j| words.get(j))
                .is_some_and(|n| n.4 == w.4 && shouting(n))
        };
        let caps =
            shouting(w) || (w.3 == 0 && w.2 <= 1 && (near(k.checked_sub(1)) || near(Some(k + 1))));
        if caps {
            for (c, from_table) in &mut out[w.0..w.1] {
                if *from_table {
                    *c = c.to_uppercase().next().unwrap_or(*c);
                }
            }
        }
    }
    out.into_iter().map(|(c, _)| c).collect()
}

// ---------------------------------------------------------------------------------------------
// What Vietnamese looks like
// ---------------------------------------------------------------------------------------------

/// Whether `word` is spelled like one Vietnamese syllable: letters of the alphabet only, a known
/// initial and rhyme, at most one tone, on the vowel that carries it (old or new style for
/// oa/oe/uy: both "hòa" and "hoà"), and a stop final (-c -ch -p -t) only with sắc or nặng.
/// Case must be small, Title or CAPITALS. This is what tells mojibake from text: "nhaân",
/// "tòch", "CéNG" fail it, their conversions pass, and real words pass as they are.
fn syllable_ok(word: &str) -> bool {
    let chars: Vec<char> = word.nfc().collect();
    let capitals = chars.iter().filter(|c| c.is_uppercase()).count();
    let case_ok = capitals == 0
        || capitals == chars.len()
        || (capitals == 1 && chars.first().is_some_and(|c| c.is_uppercase()));
    if chars.is_empty() || !case_ok {
        return false;
    }
    let mut plain: Vec<char> = Vec::with_capacity(chars.len());
    let mut tone: Option<(usize, Tone)> = None;
    for c in chars {
        let Some(letter) = Letter::parse(c) else {
            return false;
        };
        if letter.tone != Tone::Level {
            if tone.is_some() {
                return false;
            }
            tone = Some((plain.len(), letter.tone));
        }
        plain.push(letter.plain());
    }
    INITIALS.iter().any(|&initial| {
        let n = initial.chars().count();
        if n > plain.len()
            || !initial.chars().eq(plain[..n].iter().copied())
            || tone.is_some_and(|(at, _)| at < n)
        {
            return false;
        }
        let rest = &plain[n..];
        let first = rest.first().copied().unwrap_or(' ');
        let front = matches!(first, 'e' | 'ê' | 'i' | 'y');
        let spelled_right = match initial {
            "k" => front,
            "gh" | "ngh" => front && first != 'y',
            "c" | "ng" => !front,
            "g" => !matches!(first, 'e' | 'ê'),
            _ => true,
        };
        let shifted = |by: usize| tone.map(|(at, t)| (at + by - n, t));
        spelled_right
            && (rhyme_ok(rest, shifted(0))
                || (initial == "qu" && {
                    // "quýt", "quỳnh": the u of qu- is also the medial of -uyt, -uynh.
                    let with_u: Vec<char> =
                        std::iter::once('u').chain(rest.iter().copied()).collect();
                    rhyme_ok(&with_u, shifted(1))
                }))
    })
}

fn rhyme_ok(rhyme: &[char], tone: Option<(usize, Tone)>) -> bool {
    let text: String = rhyme.iter().collect();
    if !is_rhyme(&text) {
        return false;
    }
    let stop = matches!(rhyme.last(), Some('c' | 'p' | 't')) || text.ends_with("ch");
    if stop && !matches!(tone, Some((_, Tone::Acute | Tone::Dot))) {
        return false;
    }
    let Some((at, _)) = tone else {
        return true;
    };
    let vowels = rhyme
        .iter()
        .take_while(|c| "aăâeêioôơuưy".contains(**c))
        .count();
    let main = &rhyme[..vowels];
    // The vowel with a hat carries the tone (ơ of ươ, ê of iê/uyê); else the last vowel before a
    // final consonant; else the first of two (the second for oa/oe/uy in the new style) or the
    // middle of three.
    if let Some(hat) = main.iter().rposition(|c| "ăâêôơư".contains(*c)) {
        return at == hat;
    }
    if vowels < rhyme.len() {
        return at + 1 == vowels;
    }
    match main {
        ['o', 'a'] | ['o', 'e'] | ['u', 'y'] => at <= 1,
        [_, _] => at == 0,
        [_, _, _] => at == 1,
        _ => at == 0,
    }
}

// ---------------------------------------------------------------------------------------------
// Finding mojibake
// ---------------------------------------------------------------------------------------------

/// What one word says about whether it is mojibake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Misspelled as it stands, a syllable once converted: mojibake.
    Strong,
    /// Has legacy bytes and is misspelled, but no conversion helps: damaged mojibake, converted
    /// along with its neighbours as far as the bytes allow.
    Damaged,
    /// Has legacy bytes but is a good syllable as it stands ("các", "noãi"): could be either.
    Ambiguous,
    /// Nothing to go on: ASCII ("ban", "CCHC"), or Unicode that is wrong for other reasons.
    Neutral,
    /// A good syllable with letters beyond Latin-1 ("tăng", "đó"): legacy bytes cannot produce
    /// them, so this is Unicode text and a run of mojibake ends here.
    Unicode,
}

#[derive(Debug, Clone)]
struct Word {
    range: Range<usize>,
    chars: usize,
    kind: Kind,
    legacy: bool,
    ok_as_is: bool,
    ok_tcvn3: bool,
    ok_vni: bool,
}

impl Word {
    fn ok(&self, enc: Legacy) -> bool {
        match enc {
            Legacy::Tcvn3 => self.ok_tcvn3,
            Legacy::Vni => self.ok_vni,
        }
    }

    fn evidence(&self) -> bool {
        matches!(self.kind, Kind::Strong | Kind::Damaged)
    }
}

/// Chars that belong to a word: letters, combining marks, and the symbols TCVN3 uses as letters
/// (¸ µ · and the soft hyphen for ư…).
fn word_char(c: char) -> bool {
    c.is_alphabetic()
        || ('\u{300}'..='\u{36F}').contains(&c)
        || byte_of(c).and_then(tcvn3_char).is_some()
}

/// The words of `line` as byte ranges, with their length in chars.
fn spans(line: &str) -> impl Iterator<Item = (Range<usize>, usize)> + '_ {
    let mut iter = line.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, c) = iter.by_ref().find(|(_, c)| word_char(*c))?;
        let mut end = start + c.len_utf8();
        let mut chars = 1;
        while let Some(&(i, c)) = iter.peek() {
            if !word_char(c) {
                break;
            }
            end = i + c.len_utf8();
            chars += 1;
            iter.next();
        }
        Some((start..end, chars))
    })
}

fn words(line: &str) -> Vec<Word> {
    spans(line)
        .map(|(range, chars)| classify(line, range, chars))
        .collect()
}

/// Whether a word has chars the legacy tables use (bytes 0xA0–0xFF read as Latin-1).
fn has_legacy(text: &str) -> bool {
    text.chars().any(|c| {
        byte_of(c).and_then(tcvn3_char).is_some()
            || vni_letter(c).is_some()
            || vni_mark(c).is_some()
    })
}

/// Whether any word of `line` can be evidence of mojibake: legacy chars, misspelled as it
/// stands. A run begins and ends with such a word, so a line without one holds none, and
/// its words need not be converted both ways and spelled again: most lines of a Unicode
/// file, which every build reads.
fn may_hold_mojibake(line: &str) -> bool {
    spans(line).any(|(range, _)| {
        let text = &line[range];
        has_legacy(text) && !syllable_ok(text)
    })
}

fn classify(line: &str, range: Range<usize>, chars: usize) -> Word {
    let text = &line[range.clone()];
    let legacy = has_legacy(text);
    let ok_as_is = syllable_ok(text);
    let (ok_tcvn3, ok_vni) = if legacy {
        (
            syllable_ok(&decode(text, Legacy::Tcvn3)),
            syllable_ok(&decode(text, Legacy::Vni)),
        )
    } else {
        (ok_as_is, ok_as_is)
    };
    let beyond_latin1 = text.chars().any(|c| u32::from(c) > 0xFF);
    let kind = match (legacy, ok_as_is) {
        (true, false) if ok_tcvn3 || ok_vni => Kind::Strong,
        (true, false) => Kind::Damaged,
        (true, true) if beyond_latin1 => Kind::Unicode,
        (true, true) => Kind::Ambiguous,
        (false, true) if beyond_latin1 => Kind::Unicode,
        (false, _) => Kind::Neutral,
    };
    Word {
        range,
        chars,
        kind,
        legacy,
        ok_as_is,
        ok_tcvn3,
        ok_vni,
    }
}

/// The most words without evidence a run may hold in a row before it is cut in two: mojibake
/// paragraphs have short ASCII words ("ban", "do") between the damaged ones, rarely four in a row.
const MAX_GAP: usize = 3;

/// Finds the runs and where they are (byte ranges into `text`).
fn locate(text: &str) -> Vec<(Range<usize>, Finding)> {
    let mut found = Vec::new();
    let mut line_start = 0;
    for (line_no, line) in text.split('\n').enumerate() {
        if !may_hold_mojibake(line) {
            line_start += line.len() + 1;
            continue;
        }
        let words = words(line);
        let groups: Vec<&[Word]> = words.split(|w| w.kind == Kind::Unicode).collect();
        for (g, group) in groups.iter().enumerate() {
            let runs = runs(group);
            for (r, run) in runs.iter().enumerate() {
                // Only where no Unicode word stands between the run and the line's edge.
                let before = if g == 0 && r == 0 {
                    &group[..run.start]
                } else {
                    &[]
                };
                let after = if g + 1 == groups.len() && r + 1 == runs.len() {
                    &group[run.end..]
                } else {
                    &[]
                };
                let run = Run {
                    words: &group[run.clone()],
                    before,
                    after,
                };
                if let Some((range, finding)) = judge(line, &run, line_no) {
                    found.push((
                        (line_start + range.start)..(line_start + range.end),
                        finding,
                    ));
                }
            }
        }
        line_start += line.len() + 1;
    }
    found
}

/// Splits a stretch of words free of Unicode Vietnamese into runs (index ranges) that begin and
/// end with a mojibake word, cut where too many words in a row show nothing.
fn runs(group: &[Word]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last = 0;
    for (i, w) in group.iter().enumerate() {
        if !w.evidence() {
            continue;
        }
        match start {
            Some(s) if i - last - 1 > MAX_GAP => {
                out.push(s..last + 1);
                start = Some(i);
            }
            None => start = Some(i),
            Some(_) => {}
        }
        last = i;
    }
    if let Some(s) = start {
        out.push(s..last + 1);
    }
    out
}

/// A candidate run, with the words between it and the edges of its line when nothing Unicode
/// intervenes: a line typed wholly in a legacy font ends "H¹nh phóc", and "phóc" is a good
/// syllable as it stands, so only its place tells it is TCVN3 "phúc". Inside Unicode text the
/// same place would more likely hold a real "các", which must not become "cỏc".
struct Run<'a> {
    words: &'a [Word],
    before: &'a [Word],
    after: &'a [Word],
}

/// Decides whether a run is mojibake and in which encoding: the encoding that makes the most of
/// its words good syllables, provided that is more than as they stand, and that there is enough
/// evidence. One short word is not enough: French "où" reads as VNI "ó".
fn judge(line: &str, run: &Run<'_>, line_no: usize) -> Option<(Range<usize>, Finding)> {
    let legacy: Vec<&Word> = run.words.iter().filter(|w| w.legacy).collect();
    let score = |enc: Option<Legacy>| {
        legacy
            .iter()
            .filter(|w| enc.map_or(w.ok_as_is, |e| w.ok(e)))
            .count()
    };
    let (tcvn3, vni) = (score(Some(Legacy::Tcvn3)), score(Some(Legacy::Vni)));
    let encoding = if tcvn3 > vni {
        Legacy::Tcvn3
    } else {
        Legacy::Vni
    };
    if tcvn3.max(vni) <= score(None) {
        return None;
    }
    let strong: Vec<&&Word> = legacy
        .iter()
        .filter(|w| !w.ok_as_is && w.ok(encoding))
        .collect();
    let enough =
        strong.iter().filter(|w| w.chars >= 2).count() >= 2 || strong.iter().any(|w| w.chars >= 4);
    if !enough {
        return None;
    }
    let convertible = |w: &Word| {
        w.kind == Kind::Ambiguous
            && w.ok(encoding)
            && decode(&line[w.range.clone()], encoding) != line[w.range.clone()]
    };
    let reach = |words: &mut dyn Iterator<Item = &Word>| {
        let mut edge = None;
        let mut quiet = 0;
        for w in words {
            if convertible(w) {
                edge = Some(w.range.clone());
                quiet = 0;
            } else {
                quiet += 1;
                if quiet > MAX_GAP {
                    break;
                }
            }
        }
        edge
    };
    let start = reach(&mut run.before.iter().rev())
        .or(run.words.first().map(|w| w.range.clone()))?
        .start;
    let end = reach(&mut run.after.iter())
        .or(run.words.last().map(|w| w.range.clone()))?
        .end;
    let original = &line[start..end];
    let fixed = decode(original, encoding);
    (fixed != original).then(|| {
        let finding = Finding {
            line: line_no + 1,
            column: line[..start].chars().count() + 1,
            encoding,
            found: original.to_string(),
            fixed,
        };
        (start..end, finding)
    })
}

/// Finds runs of TCVN3 or VNI mojibake in otherwise Unicode text, one [`Finding`] per run.
pub fn scan(text: &str) -> Vec<Finding> {
    locate(text).into_iter().map(|(_, f)| f).collect()
}

/// `text` with every [`scan`] finding replaced by its conversion, and the findings.
pub fn fix(text: &str) -> (String, Vec<Finding>) {
    let located = locate(text);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, finding) in &located {
        out.push_str(&text[at..range.start]);
        out.push_str(&finding.fixed);
        at = range.end;
    }
    out.push_str(&text[at..]);
    (out, located.into_iter().map(|(_, f)| f).collect())
}

#[cfg(test)]
mod tests;
