//! Vietnamese official conventions (quy ước trình bày): dates, numbers, numbering, case.
//!
//! These are the rules of Nghị định 30/2020/NĐ-CP Phụ lục I and common practice for numbers;
//! the renderers get already-formatted strings and never apply them again.

use std::fmt;

/// A calendar date, or a draft date whose day is left blank for the văn thư to fill in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    /// `None` for a draft: "ngày    tháng 10 năm 2020".
    pub day: Option<u8>,
}

/// Why a date string was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not in any accepted shape.
    Shape,
    /// Right shape, but no such day (31/4, 29/2 in a common year, month 13).
    NoSuchDay,
}

impl Date {
    pub fn new(year: u16, month: u8, day: Option<u8>) -> Result<Self, DateError> {
        if !(1..=12).contains(&month) || !(1900..=2999).contains(&year) {
            return Err(DateError::NoSuchDay);
        }
        if let Some(d) = day
            && (d == 0 || d > days_in_month(year, month))
        {
            return Err(DateError::NoSuchDay);
        }
        Ok(Self { year, month, day })
    }

    /// Accepts `2026-01-15`, `15/01/2026` (or `15/1/2026`), and for drafts `2026-01` / `01/2026`.
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let s = s.trim();
        let nums = |parts: &[&str]| -> Option<Vec<u32>> {
            parts
                .iter()
                .map(|p| {
                    if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
                        None
                    } else {
                        p.parse().ok()
                    }
                })
                .collect()
        };
        let (y, m, d) = if s.contains('-') {
            let parts: Vec<&str> = s.split('-').collect();
            let n = nums(&parts).ok_or(DateError::Shape)?;
            match (parts.as_slice(), n.as_slice()) {
                ([y, _, _], [yy, mm, dd]) if y.len() == 4 => (*yy, *mm, Some(*dd)),
                ([y, _], [yy, mm]) if y.len() == 4 => (*yy, *mm, None),
                _ => return Err(DateError::Shape),
            }
        } else if s.contains('/') {
            let parts: Vec<&str> = s.split('/').collect();
            let n = nums(&parts).ok_or(DateError::Shape)?;
            match (parts.as_slice(), n.as_slice()) {
                ([_, _, y], [dd, mm, yy]) if y.len() == 4 => (*yy, *mm, Some(*dd)),
                ([_, y], [mm, yy]) if y.len() == 4 => (*yy, *mm, None),
                _ => return Err(DateError::Shape),
            }
        } else {
            return Err(DateError::Shape);
        };
        let year = u16::try_from(y).map_err(|_| DateError::NoSuchDay)?;
        let month = u8::try_from(m).map_err(|_| DateError::NoSuchDay)?;
        let day = d
            .map(|d| u8::try_from(d).map_err(|_| DateError::NoSuchDay))
            .transpose()?;
        Self::new(year, month, day)
    }

    /// Day as printed in a date line: two digits ("03"); `None` for a draft.
    pub fn day_text(&self) -> Option<String> {
        self.day.map(|d| format!("{d:02}"))
    }

    /// Month as printed in a date line: months 1 and 2 get a leading zero, others do not.
    pub fn month_text(&self) -> String {
        if self.month <= 2 {
            format!("{:02}", self.month)
        } else {
            self.month.to_string()
        }
    }

    /// "ngày 03 tháng 02 năm 2023"; a draft keeps a gap where the day goes.
    pub fn long(&self) -> String {
        let day = self
            .day_text()
            .unwrap_or_else(|| "\u{2002}\u{2002}\u{2002}".into());
        format!("ngày {day} tháng {} năm {}", self.month_text(), self.year)
    }

    /// "31/12/2026", the form used inside tables and running text.
    pub fn short(&self) -> String {
        match self.day {
            Some(d) => format!("{d:02}/{:02}/{}", self.month, self.year),
            None => format!("{:02}/{}", self.month, self.year),
        }
    }

    /// The next calendar day (`None` for a draft date without a day).
    pub fn next_day(&self) -> Option<Date> {
        let d = self.day?;
        if d < days_in_month(self.year, self.month) {
            Some(Date {
                day: Some(d + 1),
                ..*self
            })
        } else if self.month < 12 {
            Some(Date {
                month: self.month + 1,
                day: Some(1),
                ..*self
            })
        } else {
            Some(Date {
                year: self.year + 1,
                month: 1,
                day: Some(1),
            })
        }
    }

    /// Days since 1 January 1970 in the Gregorian calendar, for the length of a span (a
    /// draft date without a day counts as the 1st). Howard Hinnant's `days_from_civil`,
    /// which counts from 1 March so that the leap day ends a year.
    pub fn day_number(&self) -> i64 {
        let (month, day) = (i64::from(self.month), i64::from(self.day.unwrap_or(1)));
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// ISO 8601 ("2026-01-15", or "2026-01" for a draft), for data files and sorting.
    pub fn iso(&self) -> String {
        match self.day {
            Some(d) => format!("{}-{:02}-{d:02}", self.year, self.month),
            None => format!("{}-{:02}", self.year, self.month),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.long())
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

pub(crate) fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

/// The document number in "Số:": numbers below 10 get a leading zero.
pub fn doc_number(n: u32) -> String {
    format!("{n:02}")
}

/// Roman numeral for section and lĩnh vực numbering (I, II, …, VIII).
pub fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// Letter for điểm numbering: a), b), … using the Vietnamese alphabet (no f, j, w, z).
pub fn point_letter(n: u32) -> String {
    const LETTERS: [char; 22] = [
        'a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's',
        't', 'u', 'v', 'x',
    ];
    let i = (n.max(1) - 1) as usize;
    LETTERS
        .get(i)
        .map(|c| c.to_string())
        .unwrap_or_else(|| n.to_string())
}

/// Integer with a thousands dot: 5033 → "5.033", -1200000 → "-1.200.000".
pub fn integer(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    out
}

/// Decimal with a comma and at most `places` decimals, trailing zeros dropped:
/// 99.9 → "99,9", 5033.0 → "5.033", 99.5833 (2) → "99,58".
pub fn decimal(x: f64, places: usize) -> String {
    let rounded = format!("{:.*}", places, x.abs());
    let (int_part, frac_part) = rounded.split_once('.').unwrap_or((&rounded, ""));
    let frac = frac_part.trim_end_matches('0');
    let int: i64 = int_part.parse().unwrap_or(0);
    let negative = x < 0.0 && (int != 0 || !frac.is_empty());
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&integer(int));
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// A percentage as printed in reports: "99,9 %".
pub fn percent(x: f64) -> String {
    format!("{}\u{a0}%", decimal(x, 2))
}

/// Upper case for headings and titles; Rust's mapping handles every Vietnamese letter.
pub fn upper(s: &str) -> String {
    s.to_uppercase()
}

/// NFC normalisation: every string that comes from a file goes through this once.
pub fn nfc(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        Date::parse(s).expect(s)
    }

    #[test]
    fn nd30_date_rule() {
        // The five cases of nd30.md §13 item 18.
        assert_eq!(date("2023-02-03").long(), "ngày 03 tháng 02 năm 2023");
        // Printed in messages ("… ngày 03 tháng 02 năm 2023"): the same words.
        assert_eq!(date("2023-02-03").to_string(), "ngày 03 tháng 02 năm 2023");
        assert_eq!(date("2024-03-15").long(), "ngày 15 tháng 3 năm 2024");
        assert_eq!(date("2025-01-09").long(), "ngày 09 tháng 01 năm 2025");
        assert_eq!(date("2025-12-01").long(), "ngày 01 tháng 12 năm 2025");
        assert_eq!(date("2024-10-10").long(), "ngày 10 tháng 10 năm 2024");
    }

    #[test]
    fn accepts_the_shapes_clerks_type() {
        assert_eq!(date("15/01/2026"), date("2026-01-15"));
        assert_eq!(date("5/3/2026"), date("2026-03-05"));
        assert_eq!(date("2026-10").day, None);
        assert_eq!(date("10/2020"), Date::new(2020, 10, None).unwrap());
        assert!(date("2026-10").long().starts_with("ngày "));
        assert!(date("2026-10").long().ends_with(" tháng 10 năm 2026"));
    }

    #[test]
    fn rejects_impossible_dates() {
        assert_eq!(Date::parse("2026-02-29"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("2024-02-29").map(|d| d.day), Ok(Some(29)));
        assert_eq!(Date::parse("2026-04-31"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("2026-13-01"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("15.01.2026"), Err(DateError::Shape));
        assert_eq!(Date::parse("ngày 15"), Err(DateError::Shape));
        assert_eq!(Date::parse("26-01-15"), Err(DateError::Shape));
        // A year is four digits in every shape, drafts included; no part runs past four.
        for s in [
            "26-01",
            "15/01/26",
            "01/26",
            "2026-01-00015",
            "00015/01/2026",
        ] {
            assert_eq!(Date::parse(s), Err(DateError::Shape), "{s}");
        }
    }

    #[test]
    fn next_day_crosses_months_and_years() {
        assert_eq!(date("2026-03-31").next_day(), Some(date("2026-04-01")));
        assert_eq!(date("2024-02-28").next_day(), Some(date("2024-02-29")));
        assert_eq!(date("2026-12-31").next_day(), Some(date("2027-01-01")));
        assert_eq!(date("2026-12").next_day(), None);
    }

    #[test]
    fn day_numbers_count_real_days() {
        // Anchors from Python's datetime: (date − date(1970, 1, 1)).days.
        for (iso, n) in [
            ("1900-01-01", -25_567),
            ("1970-01-01", 0),
            ("2000-02-29", 11_016),
            ("2000-03-01", 11_017),
            ("2026-12-01", 20_788),
            ("2100-03-01", 47_541),
            ("2999-12-31", 376_199),
        ] {
            assert_eq!(date(iso).day_number(), n, "{iso}");
        }
        assert_eq!(date("2026-12").day_number(), 20_788);
        // Every day of four years, leap days and year ends included, is one more.
        let mut d = date("2023-12-30");
        while d < date("2028-01-02") {
            let next = d.next_day().unwrap();
            assert_eq!(next.day_number(), d.day_number() + 1, "{}", next.iso());
            d = next;
        }
    }

    #[test]
    fn short_and_iso_forms() {
        assert_eq!(date("2026-12-31").short(), "31/12/2026");
        assert_eq!(date("2026-06-05").iso(), "2026-06-05");
    }

    #[test]
    fn document_numbers_are_zero_padded() {
        assert_eq!(doc_number(7), "07");
        assert_eq!(doc_number(57), "57");
        assert_eq!(doc_number(2375), "2375");
    }

    #[test]
    fn roman_numerals() {
        let got: Vec<String> = (1..=9).map(roman).collect();
        assert_eq!(
            got,
            ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
        );
        assert_eq!(roman(14), "XIV");
    }

    #[test]
    fn point_letters_follow_the_vietnamese_alphabet() {
        assert_eq!(point_letter(1), "a");
        assert_eq!(point_letter(5), "đ");
        assert_eq!(point_letter(6), "e");
    }

    #[test]
    fn numbers_use_decimal_comma_and_thousands_dot() {
        assert_eq!(integer(5033), "5.033");
        assert_eq!(integer(999), "999");
        assert_eq!(integer(1_000_000), "1.000.000");
        assert_eq!(integer(-1200), "-1.200");
        assert_eq!(decimal(99.9, 2), "99,9");
        assert_eq!(decimal(99.5833, 2), "99,58");
        assert_eq!(decimal(5033.0, 2), "5.033");
        assert_eq!(decimal(1234.5, 2), "1.234,5");
        assert_eq!(decimal(-0.001, 2), "0");
        // A change against the previous period prints its sign; a whole or small one too.
        assert_eq!(decimal(-1.5, 2), "-1,5");
        assert_eq!(decimal(-3.0, 2), "-3");
        assert_eq!(decimal(-0.5, 2), "-0,5");
        assert_eq!(percent(99.9), "99,9\u{a0}%");
    }

    #[test]
    fn case_and_normalisation() {
        assert_eq!(
            upper("Công tác chỉ đạo, điều hành"),
            "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"
        );
        assert_eq!(upper("ơ ư ỹ ặ"), "Ơ Ư Ỹ Ặ");
        // "ế" typed as e + circumflex + acute (NFD) becomes one code point.
        assert_eq!(nfc("Ke\u{302}\u{301}"), "Kế");
    }
}
