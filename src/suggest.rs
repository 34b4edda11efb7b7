//! "Did you mean …?" (có phải ý bạn là …?) for misspelt keys, ids and codes.

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let folded = fold(word);
    candidates
        .into_iter()
        .map(|c| (strsim::normalized_levenshtein(&folded, &fold(c)), c))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Lower case without Vietnamese diacritics, so "Thời hạn" is close to "thoi_han".
pub fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            ' ' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_key() {
        let keys = [
            "ma", "noi_dung", "yeu_cau", "thoi_han", "chu_tri", "tham_muu",
        ];
        assert_eq!(closest("ghi_chu_them", keys), None);
        assert_eq!(closest("thoihan", keys), Some("thoi_han"));
        assert_eq!(closest("Thời hạn", keys), Some("thoi_han"));
        assert_eq!(closest("yeucau", keys), Some("yeu_cau"));
        assert_eq!(closest("xyz", keys), None);
    }
}
