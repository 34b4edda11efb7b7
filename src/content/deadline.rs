//! Thời hạn written in words, read into the last day it covers.
//!
//! A clerk writes deadlines the way plans print them ("Quý I/2026", "Tháng 3 năm 2026",
//! "6 tháng đầu năm 2026"). Reading one of them wrongly (as the end of the year, say) hides a
//! late task, so a deadline that mentions a date in any shape not listed here is refused
//! rather than guessed; words with no date at all ("Theo tiến độ") are printed as written.

use crate::suggest;
use crate::vn::{Date, days_in_month};

/// What a deadline says about its due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Due {
    /// The last day it covers.
    On(Date),
    /// "Thường xuyên", "Hằng năm": done over and over, never late.
    Recurring,
    /// Words without a date ("Theo tiến độ thời gian").
    Unstated,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    /// A written d/m/yyyy that is not on the calendar.
    NoSuchDay(String),
    /// Mentions a date, but in no form listed in [`FORMS`].
    Unreadable,
}

/// The accepted forms (vi, en), for the hint of an unreadable deadline.
pub(crate) const FORMS: (&str, &str) = (
    "`30/6/2026` hoặc `2026-06-30`, `Trước ngày 30/6/2026` hoặc `Trước ngày 30 tháng 6 năm 2026`, `Quý I/2026` hoặc `Quý 1 năm 2026` (quý I–IV hoặc 1–4), `Tháng 3/2026` hoặc `Tháng 3 năm 2026` (tháng 1–12), `6 tháng đầu năm 2026`, `6 tháng cuối năm 2026`, `Trong năm 2026`, `Năm 2026`; việc không có hạn cụ thể: `Thường xuyên`, `Hằng năm`",
    "`30/6/2026` or `2026-06-30`, `Trước ngày 30/6/2026` or `Trước ngày 30 tháng 6 năm 2026`, `Quý I/2026` or `Quý 1 năm 2026` (quarter I–IV or 1–4), `Tháng 3/2026` or `Tháng 3 năm 2026` (month 1–12), `6 tháng đầu năm 2026`, `6 tháng cuối năm 2026`, `Trong năm 2026`, `Năm 2026`; with no fixed date: `Thường xuyên`, `Hằng năm`",
);

fn last_day(year: u16, month: u8) -> Option<Date> {
    Date::new(year, month, Some(days_in_month(year, month))).ok()
}

fn year_of(tok: Option<&&str>) -> Option<u16> {
    let t = tok?;
    if t.len() != 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

fn is_number(t: &str) -> bool {
    !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
}

/// The last day covered by `t` (already trimmed, not empty).
pub(crate) fn parse(t: &str) -> Result<Due, Problem> {
    // A written day wins over the words around it: "Chậm nhất trước ngày 31/12/2026".
    for word in t.split(|c: char| !(c.is_ascii_digit() || c == '/' || c == '-')) {
        let full = word.matches('/').count() == 2
            || (word.matches('-').count() == 2 && word.find('-') == Some(4));
        if full {
            return match Date::parse(word) {
                Ok(d) if d.day.is_some() => Ok(Due::On(d)),
                _ => Err(Problem::NoSuchDay(word.to_string())),
            };
        }
    }

    let folded: String = suggest::fold(t)
        .chars()
        .map(|c| match c {
            '/' => '/',
            c if c.is_ascii_alphanumeric() => c,
            _ => ' ',
        })
        .collect::<String>()
        .replace('/', " / ");
    let toks: Vec<&str> = folded.split_whitespace().collect();

    let mut latest: Option<Date> = None;
    let mut i = 0;
    while i < toks.len() {
        let found = match toks[i] {
            "quy" => quarter(&toks, i)?,
            // "ngày 15 tháng 7 năm 2026", the way ND30 writes a date.
            "ngay" if toks.get(i + 1).is_some_and(|n| is_number(n)) => long_date(&toks, i)?,
            n if is_number(n) && toks.get(i + 1) == Some(&"thang") => months_of_year(&toks, i)?,
            "thang" => month(&toks, i)?,
            "nam" => year_of(toks.get(i + 1)).map(|y| (last_day(y, 12), 2)),
            n if is_number(n) => return Err(Problem::Unreadable),
            _ => None,
        };
        match found {
            Some((Some(d), used)) => {
                latest = latest.max(Some(d));
                i += used;
            }
            Some((None, _)) => return Err(Problem::Unreadable),
            None => i += 1,
        }
    }
    if let Some(d) = latest {
        return Ok(Due::On(d));
    }
    let recurring = [
        "thuong xuyen",
        "hang nam",
        "hang quy",
        "hang thang",
        "hang tuan",
    ];
    let words = toks.join(" ");
    if recurring.iter().any(|r| words.contains(r)) {
        return Ok(Due::Recurring);
    }
    Ok(Due::Unstated)
}

/// A span read from the words at `i`: its last day (none for words without a date, such
/// as "hằng quý") and how many words it took.
type Found = Option<(Option<Date>, usize)>;

/// "/" or "năm" between a span and its year.
fn sep(toks: &[&str], i: usize) -> bool {
    matches!(toks.get(i), Some(&"/") | Some(&"nam"))
}

/// "Quý III/2026", "quý 3 năm 2026".
fn quarter(toks: &[&str], i: usize) -> Result<Found, Problem> {
    Ok({
        let q = match toks.get(i + 1).copied() {
            Some("i" | "1") => Some(3),
            Some("ii" | "2") => Some(6),
            Some("iii" | "3") => Some(9),
            Some("iv" | "4") => Some(12),
            // "Quý V", "quý 5", "Quý IIII": a quarter that does not exist.
            Some(n) if is_number(n) || n.chars().all(|c| "ivxlc".contains(c)) => {
                return Err(Problem::Unreadable);
            }
            _ => None,
        };
        match (q, sep(toks, i + 2), year_of(toks.get(i + 3))) {
            (Some(m), true, Some(y)) => Some((last_day(y, m), 4)),
            (Some(_), _, _) => return Err(Problem::Unreadable),
            // "Hằng quý", "cuối quý": no date in it.
            (None, _, _) => None,
        }
    })
}

/// "ngày 15 tháng 7 năm 2026".
fn long_date(toks: &[&str], i: usize) -> Result<Found, Problem> {
    Ok({
        let num = |k: usize| toks.get(k).and_then(|t| t.parse::<u8>().ok());
        match (num(i + 1), toks.get(i + 2), num(i + 3), toks.get(i + 4)) {
            (Some(d), Some(&"thang"), Some(m), Some(&"nam")) => {
                let Some(y) = year_of(toks.get(i + 5)) else {
                    return Err(Problem::Unreadable);
                };
                match Date::new(y, m, Some(d)) {
                    Ok(date) => Some((Some(date), 6)),
                    Err(_) => return Err(Problem::NoSuchDay(format!("{d}/{m}/{y}"))),
                }
            }
            _ => return Err(Problem::Unreadable),
        }
    })
}

/// "6 tháng đầu năm 2026", "6 tháng cuối năm 2026".
fn months_of_year(toks: &[&str], i: usize) -> Result<Found, Problem> {
    Ok({
        let months: u8 = toks[i].parse().unwrap_or(0);
        let half = match toks.get(i + 2).copied() {
            Some("dau") => Some(true),
            Some("cuoi") => Some(false),
            _ => None,
        };
        match (half, toks.get(i + 3), year_of(toks.get(i + 4))) {
            (Some(first), Some(&"nam"), Some(y)) if (1..=12).contains(&months) => {
                // The last N months of a year end with it.
                let m = if first { months } else { 12 };
                Some((last_day(y, m), 5))
            }
            _ => return Err(Problem::Unreadable),
        }
    })
}

/// "Tháng 6/2026", "tháng 6 năm 2026".
fn month(toks: &[&str], i: usize) -> Result<Found, Problem> {
    Ok(match toks.get(i + 1).copied() {
        Some(n) if is_number(n) => {
            let m: u8 = n.parse().unwrap_or(0);
            // Month 0 or 13 has no last day, which the caller reads as unreadable.
            match (sep(toks, i + 2), year_of(toks.get(i + 3))) {
                (true, Some(y)) => Some((last_day(y, m), 4)),
                _ => return Err(Problem::Unreadable),
            }
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(t: &str) -> String {
        match parse(t) {
            Ok(Due::On(d)) => d.iso(),
            other => panic!("{t:?}: {other:?}"),
        }
    }

    #[test]
    fn quarters_in_every_written_form() {
        for (t, want) in [
            ("Quý I/2026", "2026-03-31"),
            ("Quý 1 năm 2026", "2026-03-31"),
            ("quý II/2026", "2026-06-30"),
            ("Quý III năm 2026", "2026-09-30"),
            ("Trong Quý IV năm 2026", "2026-12-31"),
            ("Quý 4/2026", "2026-12-31"),
        ] {
            assert_eq!(iso(t), want, "{t}");
        }
    }

    #[test]
    fn months_halves_years_and_written_days() {
        for (t, want) in [
            ("Tháng 3 năm 2026", "2026-03-31"),
            ("Tháng 3/2026", "2026-03-31"),
            ("tháng 2/2028", "2028-02-29"),
            ("6 tháng đầu năm 2026", "2026-06-30"),
            ("9 tháng đầu năm 2026", "2026-09-30"),
            ("6 tháng cuối năm 2026", "2026-12-31"),
            ("Trước ngày 30/6/2026", "2026-06-30"),
            ("Chậm nhất trước ngày 31/12/2023", "2023-12-31"),
            ("Trước ngày 2026-06-30", "2026-06-30"),
            ("Trong năm 2026", "2026-12-31"),
            ("Năm 2026", "2026-12-31"),
            ("Trước ngày 15 tháng 7 năm 2026", "2026-07-15"),
        ] {
            assert_eq!(iso(t), want, "{t}");
        }
    }

    #[test]
    fn recurring_and_undated_words() {
        for t in ["Thường xuyên", "Hằng năm", "Hàng năm", "hằng quý"] {
            assert_eq!(parse(t), Ok(Due::Recurring), "{t}");
        }
        assert_eq!(parse("Theo tiến độ thời gian"), Ok(Due::Unstated));
        assert_eq!(parse("Cuối quý"), Ok(Due::Unstated));
    }

    #[test]
    fn date_shapes_that_are_not_dates_are_refused() {
        for t in [
            "Quý V năm 2026",
            "Quý 5/2026",
            "Quý I",
            "Tháng 13/2026",
            "Tháng 0 năm 2026",
            "Tháng 3",
            "13 tháng đầu năm 2026",
            "6 tháng giữa năm 2026",
            "Trước 15/7",
            "Năm 26",
            "ngày 15 tháng 7",
        ] {
            assert_eq!(parse(t), Err(Problem::Unreadable), "{t}");
        }
        assert_eq!(
            parse("Trước ngày 31/4/2026"),
            Err(Problem::NoSuchDay("31/4/2026".into()))
        );
        assert_eq!(
            parse("Trước ngày 31 tháng 4 năm 2026"),
            Err(Problem::NoSuchDay("31/4/2026".into()))
        );
    }

    #[test]
    fn dates_inside_ordinary_sentences() {
        for (t, want) in [
            // The full stop, the comma and the brackets a sentence puts around a date.
            ("Hoàn thành trong Quý II/2026.", "2026-06-30"),
            (
                "Trước ngày 15 tháng 7 năm 2026, báo cáo UBND xã",
                "2026-07-15",
            ),
            ("Trong tháng 3/2026 (theo kế hoạch)", "2026-03-31"),
            ("Trong tháng 3 năm 2026", "2026-03-31"),
        ] {
            assert_eq!(iso(t), want, "{t}");
        }
        // "Ngay" (at once) is not "ngày" followed by a date; "quý" followed by words
        // names no quarter.
        assert_eq!(
            parse("Ngay sau khi có hướng dẫn của huyện"),
            Ok(Due::Unstated)
        );
        assert_eq!(parse("Hằng quý có báo cáo"), Ok(Due::Recurring));
        assert_eq!(parse("Hằng tháng báo cáo kết quả"), Ok(Due::Recurring));
    }

    #[test]
    fn a_date_in_a_shape_not_listed_is_unreadable_not_a_wrong_day() {
        // Month and year only, or day-month-year with dashes: not a form a deadline takes,
        // and the message must not call them dates that do not exist.
        for t in [
            "Trước 2026-06",
            "Trước 30-06-2026",
            "13 tháng cuối năm 2026",
            "0 tháng cuối năm 2026",
            // A two-digit year is not a year, whatever the day and month around it.
            "Trước ngày 15 tháng 7 năm 26",
        ] {
            assert_eq!(parse(t), Err(Problem::Unreadable), "{t}");
        }
    }

    #[test]
    fn a_span_joined_to_its_year_by_another_word_is_refused_not_guessed() {
        // Only "/" or "năm" join a quarter or a month to its year (FORMS); "của 2026"
        // is not one of them, so these are refused rather than read as 30/6/2026.
        for t in [
            "Quý II của 2026",
            "Tháng 6 của 2026",
            "Trong tháng 6 đến 2026",
        ] {
            assert_eq!(parse(t), Err(Problem::Unreadable), "{t}");
        }
    }
}
