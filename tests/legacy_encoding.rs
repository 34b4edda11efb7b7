//! Legacy-font text (TCVN3, VNI) as clerks have it: seed 002's damaged lines converted word by
//! word against what they meant, the `fix-encoding` command on a real file, and the decoder
//! checked against the published code charts typed in here, not against its own tables.

mod common;

use cchc::encoding::{Legacy, decode, fix};
use common::*;
use unicode_normalization::UnicodeNormalization;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(root().join("tests/fixtures/seeds/002").join(name)).unwrap()
}

/// Words of seed 002 whose bytes were replaced by other bytes before the file reached us, so
/// that no code table can give the meant word back: (as found, meant, what happened). Any
/// other legacy word must come out exactly as meant.
const UNRECOVERABLE: [(&str, &str, &str); 14] = [
    (
        "phòõng",
        "phường",
        "ö and ô lost, the grave byte turned tilde",
    ),
    ("theỏ", "thể", "the hat-hook byte became a Unicode ỏ"),
    ("boỏ", "bộ", "the hat-dot byte became a Unicode ỏ"),
    ("ngaõnh", "ngành", "tilde byte where the grave was"),
    ("theỏ", "thể", ""),
    ("phòõng", "phường", ""),
    ("toỏ", "tổ", "the hat-hook byte became a Unicode ỏ"),
    ("chòùc", "chức", "ò (VNI ị) where ö (ư) was"),
    ("ñoàng", "động", "hat-grave byte where the hat-dot was"),
    ("noãi", "nội", "hat-tilde byte where the hat-dot was"),
    ("cuûi", "cụ", "hook and a stray i where the dot was"),
    ("theỏ", "thể", ""),
    // Line 21.
    (
        "caùc",
        "cải",
        "an acute and a c where the hook and the i were",
    ),
    ("haõnh", "hành", "tilde byte where the grave was"),
];

/// Legacy words whose bytes are intact but spell an accepted variant of the meant word.
const VARIANTS: [(&str, &str, &str); 1] = [
    // The VNI bytes put the hook on the y: the new-style spelling of the same word.
    ("Uyû", "Ủy", "Uỷ"),
];

/// Compares `converted` with the meant text word by word, aligned on the legacy words; returns
/// the failures. Each entry of UNRECOVERABLE must be met, in order, exactly where it is listed.
fn compare(legacy: &str, converted: &str, meant: &str) -> Vec<String> {
    let legacy: Vec<&str> = legacy.split_whitespace().collect();
    let got: Vec<&str> = converted.split_whitespace().collect();
    let meant: Vec<&str> = meant.split_whitespace().collect();
    assert_eq!(
        legacy.len(),
        meant.len(),
        "the fixtures align word for word"
    );
    if got.len() != meant.len() {
        return vec![format!("{} words out, {} meant", got.len(), meant.len())];
    }
    let mut failures = Vec::new();
    let mut unrecoverable = UNRECOVERABLE.iter().peekable();
    let mut checked = 0;
    for ((l, g), m) in legacy.iter().zip(&got).zip(&meant) {
        let bare = |w: &str| w.trim_end_matches([',', ':', '.']).to_string();
        let (l, g, m) = (bare(l), bare(g), bare(m));
        if let Some((found, want, _)) = unrecoverable.peek()
            && *found == l
            && *want == m
        {
            unrecoverable.next();
            continue;
        }
        let expected = VARIANTS
            .iter()
            .find(|(found, want, _)| *found == l && *want == m)
            .map_or(m.as_str(), |(_, _, variant)| variant);
        if g != expected {
            failures.push(format!("{l:?} came out {g:?}, meant {expected:?}"));
        }
        checked += 1;
    }
    if let Some(left) = unrecoverable.next() {
        failures.push(format!("unrecoverable word {left:?} not met where listed"));
    }
    // 43 + 40 words; everything but the 14 listed is checked.
    assert_eq!(checked, meant.len() - UNRECOVERABLE.len());
    failures
}

#[test]
fn seed_002_as_the_clerk_has_it_comes_back_word_for_word() {
    let legacy = fixture("legacy-lines.txt");
    let meant = fixture("legacy-lines.intended.txt");
    let (converted, findings) = fix(&legacy);
    assert!(findings.iter().all(|f| f.encoding == Legacy::Vni));
    let failures = compare(&legacy, &converted, &meant);
    assert!(failures.is_empty(), "{}\n{converted}", failures.join("\n"));
    // The Unicode words around the island are left as they were.
    assert!(converted.starts_with("Để tăng cường thực hiện nhiệm vụ cải cách hành chính và nâng"));
    assert!(converted.contains("trong đó cải cách thủ tục hành chính"));
}

/// The comparison itself can fail: one wrong recoverable word is caught.
#[test]
fn a_wrong_recoverable_word_is_caught() {
    let legacy = fixture("legacy-lines.txt");
    let meant = fixture("legacy-lines.intended.txt");
    let (converted, _) = fix(&legacy);
    let broken = converted.replacen("nhân dân", "nhân dan", 1);
    assert_eq!(compare(&legacy, &broken, &meant).len(), 1);
}

#[test]
fn fix_encoding_converts_the_file_keeps_the_original_and_says_where() {
    let tmp = tempfile::tempdir().unwrap();
    let original = std::fs::read(root().join("tests/fixtures/seeds/002/legacy-lines.txt")).unwrap();
    let file = tmp.path().join("cong-van-46.txt");
    std::fs::write(&file, &original).unwrap();

    let (code, out, err) = cchc(&["fix-encoding", "cong-van-46.txt"], tmp.path());
    assert_eq!(code, 0, "{out}{err}");
    let backup = std::fs::read(tmp.path().join("cong-van-46.txt.bak")).unwrap();
    assert!(
        backup == original,
        "the .bak is the original, byte for byte"
    );
    let converted = std::fs::read_to_string(&file).unwrap();
    let failures = compare(
        &fixture("legacy-lines.txt"),
        &converted,
        &fixture("legacy-lines.intended.txt"),
    );
    assert!(failures.is_empty(), "{}\n{converted}", failures.join("\n"));
    assert_eq!(converted.lines().count(), 2, "line breaks kept");
    assert!(converted.ends_with('\n'));

    // One finding per island, at its line and column (in chars, as an editor counts them):
    // line 1 has two islands either side of the Unicode "tăng cường … 2024".
    let findings: Vec<&str> = out.lines().filter(|l| l.contains(" → ")).collect();
    let at: Vec<(&str, &str)> = findings
        .iter()
        .map(|l| {
            let (place, rest) = l.split_once(": ").unwrap();
            (place, rest.split(' ').next().unwrap())
        })
        .collect();
    assert_eq!(
        at,
        [
            ("cong-van-46.txt:1:136", "Chuû"),
            ("cong-van-46.txt:1:326", "vôùi"),
            ("cong-van-46.txt:2:22", "caùc"),
        ],
        "{out}"
    );
    assert!(findings[1].ends_with("→ với những nỗi dung củi"), "{out}");
    assert!(out.contains("Đã sửa 3 đoạn (VNI)"), "{out}");
}

// ---------------------------------------------------------------------------------------------
// The published code charts, typed in: TCVN 5712:1993 VN3 (the .VnTime fonts) and VNI-Windows
// (VNI-Times), as printed in the standard's table and VNI's font chart. Each row is a vowel with
// its six tones in the order ngang, sắc, huyền, hỏi, ngã, nặng.
// ---------------------------------------------------------------------------------------------

const TONES: usize = 6;

/// Every vowel row of the alphabet, small and capital, and the letters the rows are checked on.
const SMALL: [&str; 12] = [
    "aáàảãạ",
    "ăắằẳẵặ",
    "âấầẩẫậ",
    "eéèẻẽẹ",
    "êếềểễệ",
    "iíìỉĩị",
    "oóòỏõọ",
    "ôốồổỗộ",
    "ơớờởỡợ",
    "uúùủũụ",
    "ưứừửữự",
    "yýỳỷỹỵ",
];
const CAPITAL: [&str; 12] = [
    "AÁÀẢÃẠ",
    "ĂẮẰẲẴẶ",
    "ÂẤẦẨẪẬ",
    "EÉÈẺẼẸ",
    "ÊẾỀỂỄỆ",
    "IÍÌỈĨỊ",
    "OÓÒỎÕỌ",
    "ÔỐỒỔỖỘ",
    "ƠỚỜỞỠỢ",
    "UÚÙỦŨỤ",
    "ƯỨỪỬỮỰ",
    "YÝỲỶỸỴ",
];

/// TCVN3 bytes, rows as in SMALL. Plain a e i o u y are ASCII.
const TCVN3_SMALL: [[u8; TONES]; 12] = [
    [b'a', 0xB8, 0xB5, 0xB6, 0xB7, 0xB9],
    [0xA8, 0xBE, 0xBB, 0xBC, 0xBD, 0xC6],
    [0xA9, 0xCA, 0xC7, 0xC8, 0xC9, 0xCB],
    [b'e', 0xD0, 0xCC, 0xCE, 0xCF, 0xD1],
    [0xAA, 0xD5, 0xD2, 0xD3, 0xD4, 0xD6],
    [b'i', 0xDD, 0xD7, 0xD8, 0xDC, 0xDE],
    [b'o', 0xE3, 0xDF, 0xE1, 0xE2, 0xE4],
    [0xAB, 0xE8, 0xE5, 0xE6, 0xE7, 0xE9],
    [0xAC, 0xED, 0xEA, 0xEB, 0xEC, 0xEE],
    [b'u', 0xF3, 0xEF, 0xF1, 0xF2, 0xF4],
    [0xAD, 0xF8, 0xF5, 0xF6, 0xF7, 0xF9],
    [b'y', 0xFD, 0xFA, 0xFB, 0xFC, 0xFE],
];
/// VN3's only capitals with a mark: the untoned hatted letters and Đ.
const TCVN3_CAPITALS: [(u8, char); 7] = [
    (0xA1, 'Ă'),
    (0xA2, 'Â'),
    (0xA3, 'Ê'),
    (0xA4, 'Ô'),
    (0xA5, 'Ơ'),
    (0xA6, 'Ư'),
    (0xA7, 'Đ'),
];
const TCVN3_SMALL_DD: u8 = 0xAE;

/// VNI-Windows: each letter as the Latin-1 chars its bytes show, rows as in SMALL and CAPITAL.
const VNI_SMALL: [[&str; TONES]; 12] = [
    ["a", "aù", "aø", "aû", "aõ", "aï"],
    ["aê", "aé", "aè", "aú", "aü", "aë"],
    ["aâ", "aá", "aà", "aå", "aã", "aä"],
    ["e", "eù", "eø", "eû", "eõ", "eï"],
    ["eâ", "eá", "eà", "eå", "eã", "eä"],
    ["i", "í", "ì", "æ", "ó", "ò"],
    ["o", "où", "oø", "oû", "oõ", "oï"],
    ["oâ", "oá", "oà", "oå", "oã", "oä"],
    ["ô", "ôù", "ôø", "ôû", "ôõ", "ôï"],
    ["u", "uù", "uø", "uû", "uõ", "uï"],
    ["ö", "öù", "öø", "öû", "öõ", "öï"],
    ["y", "yù", "yø", "yû", "yõ", "î"],
];
const VNI_CAPITAL: [[&str; TONES]; 12] = [
    ["A", "AÙ", "AØ", "AÛ", "AÕ", "AÏ"],
    ["AÊ", "AÉ", "AÈ", "AÚ", "AÜ", "AË"],
    ["AÂ", "AÁ", "AÀ", "AÅ", "AÃ", "AÄ"],
    ["E", "EÙ", "EØ", "EÛ", "EÕ", "EÏ"],
    ["EÂ", "EÁ", "EÀ", "EÅ", "EÃ", "EÄ"],
    ["I", "Í", "Ì", "Æ", "Ó", "Ò"],
    ["O", "OÙ", "OØ", "OÛ", "OÕ", "OÏ"],
    ["OÂ", "OÁ", "OÀ", "OÅ", "OÃ", "OÄ"],
    ["Ô", "ÔÙ", "ÔØ", "ÔÛ", "ÔÕ", "ÔÏ"],
    ["U", "UÙ", "UØ", "UÛ", "UÕ", "UÏ"],
    ["Ö", "ÖÙ", "ÖØ", "ÖÛ", "ÖÕ", "ÖÏ"],
    ["Y", "YÙ", "YØ", "YÛ", "YÕ", "Î"],
];
const VNI_DD: (&str, &str) = ("ñ", "Ñ");

/// Legacy bytes as a wrong code page shows them: each byte the Latin-1 char of that value.
fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|b| char::from(*b)).collect()
}

fn letters(rows: &[&str; 12]) -> Vec<Vec<char>> {
    rows.iter().map(|r| r.chars().collect()).collect()
}

#[test]
fn the_typed_charts_cover_the_alphabet() {
    let mut all: Vec<char> = SMALL
        .iter()
        .chain(&CAPITAL)
        .flat_map(|r| r.chars())
        .collect();
    all.extend(['đ', 'Đ']);
    assert!(all.iter().all(|c| c.nfc().count() == 1));
    for (s, c) in letters(&SMALL).iter().zip(letters(&CAPITAL)) {
        for (s, c) in s.iter().zip(&c) {
            assert_eq!(s.to_uppercase().next(), Some(*c));
        }
    }
    // 146 letters; the 134 beyond ASCII are the ones an encoding has to carry.
    assert_eq!(all.len(), 146);
    assert_eq!(all.iter().filter(|c| !c.is_ascii()).count(), 134);
    // TCVN3 gives every small letter its own byte, and no two share one.
    let mut bytes: Vec<u8> = TCVN3_SMALL.iter().flatten().copied().collect();
    bytes.push(TCVN3_SMALL_DD);
    bytes.extend(TCVN3_CAPITALS.iter().map(|(b, _)| *b));
    let n = bytes.len();
    bytes.sort();
    bytes.dedup();
    assert_eq!(bytes.len(), n);
}

#[test]
fn every_letter_typed_in_tcvn3_decodes_to_itself() {
    let mut failures = Vec::new();
    let mut check = |legacy: String, want: String| {
        let got = decode(&legacy, Legacy::Tcvn3);
        if got != want {
            failures.push(format!("{legacy:?} → {got:?}, want {want:?}"));
        }
    };
    for (row, bytes) in letters(&SMALL).iter().zip(&TCVN3_SMALL) {
        for (letter, byte) in row.iter().zip(bytes) {
            check(latin1(&[*byte]), letter.to_string());
        }
    }
    check(latin1(&[TCVN3_SMALL_DD]), "đ".into());
    for (byte, letter) in TCVN3_CAPITALS {
        check(latin1(&[byte]), letter.to_string());
    }
    // VN3 has no toned capitals: the .VnTimeH fonts drew the small codes as capitals, so a
    // heading typed with Caps Lock has ASCII capitals and small codes. Every capital, inside
    // such a word ("TH?N"), must come back as a capital.
    for (row, bytes) in letters(&CAPITAL).iter().zip(&TCVN3_SMALL) {
        for (letter, byte) in row.iter().zip(bytes) {
            let typed = if byte.is_ascii() {
                latin1(&[byte.to_ascii_uppercase()])
            } else {
                latin1(&[*byte])
            };
            check(format!("TH{typed}N"), format!("TH{letter}N"));
        }
    }
    check("§".into(), "Đ".into());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_letter_typed_in_vni_decodes_to_itself() {
    let mut failures = Vec::new();
    let mut check = |legacy: &str, want: String| {
        let got = decode(legacy, Legacy::Vni);
        if got != want {
            failures.push(format!("{legacy:?} → {got:?}, want {want:?}"));
        }
    };
    for (rows, chart) in [(&SMALL, &VNI_SMALL), (&CAPITAL, &VNI_CAPITAL)] {
        for (row, typed) in letters(rows).iter().zip(chart) {
            for (letter, legacy) in row.iter().zip(typed) {
                check(legacy, letter.to_string());
                // And inside a word, where the mark byte follows its vowel mid-syllable.
                check(&format!("m{legacy}n"), format!("m{letter}n"));
            }
        }
    }
    check(VNI_DD.0, "đ".into());
    check(VNI_DD.1, "Đ".into());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Unicode → legacy with the typed charts (a capital toned letter in TCVN3 as the .VnTimeH
/// typist had it: its small code, the word's ASCII letters in capitals).
fn encode_with_chart(text: &str, to: Legacy) -> String {
    let find = |c: char| {
        for (table, upper) in [(&SMALL, false), (&CAPITAL, true)] {
            for (r, row) in letters(table).iter().enumerate() {
                if let Some(t) = row.iter().position(|l| *l == c) {
                    return Some((r, t, upper));
                }
            }
        }
        None
    };
    text.nfc()
        .map(|c| match (to, c, find(c)) {
            (_, c, _) if c.is_ascii() => c.to_string(),
            (Legacy::Tcvn3, 'đ', _) => latin1(&[TCVN3_SMALL_DD]),
            (Legacy::Tcvn3, 'Đ', _) => latin1(&[0xA7]),
            (Legacy::Vni, 'đ', _) => VNI_DD.0.into(),
            (Legacy::Vni, 'Đ', _) => VNI_DD.1.into(),
            (Legacy::Tcvn3, _, Some((r, t, _))) => latin1(&[TCVN3_SMALL[r][t]]),
            (Legacy::Vni, _, Some((r, t, false))) => VNI_SMALL[r][t].into(),
            (Legacy::Vni, _, Some((r, t, true))) => VNI_CAPITAL[r][t].into(),
            (_, c, None) => panic!("{c:?} is not in the charts"),
        })
        .collect()
}

#[test]
fn whole_words_typed_with_the_charts_decode_and_are_found() {
    let vni = [
        "Chủ tịch Ủy ban nhân dân phường yêu cầu toàn thể cán bộ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "khuỷu tay, người thợ, giữa trưa, quyết định, nghiêng ngả, Đắk Lắk",
    ];
    for text in vni {
        let legacy = encode_with_chart(text, Legacy::Vni);
        assert_eq!(decode(&legacy, Legacy::Vni), text, "{legacy}");
        assert_eq!(fix(&legacy).0, text, "found without being told: {legacy}");
    }
    assert_eq!(
        encode_with_chart("Độc lập - Tự do - Hạnh phúc", Legacy::Vni),
        "Ñoäc laäp - Töï do - Haïnh phuùc",
        "the chart typed here agrees with VNI text seen in the wild"
    );
    let tcvn3 = [
        "chủ tịch uỷ ban nhân dân phường yêu cầu toàn thể cán bộ",
        "độc lập - tự do - hạnh phúc",
        "khuỷu tay, người thợ, giữa trưa, quyết định, nghiêng ngả",
    ];
    for text in tcvn3 {
        let legacy = encode_with_chart(text, Legacy::Tcvn3);
        assert_eq!(decode(&legacy, Legacy::Tcvn3), text, "{legacy}");
        assert_eq!(fix(&legacy).0, text, "found without being told: {legacy}");
    }
    // A heading typed with Caps Lock in .VnTimeH.
    let heading = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    let typed = encode_with_chart(heading, Legacy::Tcvn3);
    assert_eq!(typed, "CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM");
    assert_eq!(decode(&typed, Legacy::Tcvn3), heading);
}
