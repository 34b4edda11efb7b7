//! Reading one cell as the kind of value its column needs: a count, a figure, a deadline
//! or text. A cell that cannot be read is a [`Problem`] naming what was found and what was
//! expected; nothing is guessed.

use super::value::Value;
pub use super::value::plain_number;
use crate::diag::Text;
use crate::vn::{self, Date};

/// What a column expects, for the message about a cell that does not hold it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A whole number of dossiers or items, 0 or more.
    Count,
    /// Any number: "97,8", "1.164", "1.164,5".
    Figure,
    /// A date or deadline words.
    Deadline,
    /// Text: a number or date is read as text too; only an error value fails.
    Text,
}

impl Expected {
    pub fn text(self) -> Text {
        match self {
            Expected::Count => Text::new(
                "một số nguyên không âm (ví dụ 1164 hoặc 1.164)",
                "a whole number, 0 or more (e.g. 1164 or 1.164)",
            ),
            Expected::Figure => Text::new(
                "một số (ví dụ 97,8 hoặc 1.164)",
                "a number (e.g. 97,8 or 1.164)",
            ),
            Expected::Deadline => {
                let (vi, en) = crate::content::deadline::FORMS;
                Text::new(
                    format!("một ngày hoặc thời hạn bằng chữ: {vi}"),
                    format!("a date or deadline words: {en}"),
                )
            }
            Expected::Text => Text::new("chữ", "text"),
        }
    }
}

/// A cell whose value is not of the kind asked for; the caller knows what was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unreadable;

/// A cell that cannot be taken in, or a row that breaks a rule of its table.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// "Sheet1!C14".
    pub at: String,
    pub message: Text,
}

impl Problem {
    /// A cell whose value is not of the kind its column needs.
    pub fn cell(at: String, found: &str, expected: Expected) -> Problem {
        let e = expected.text();
        let (fvi, fen) = if found.is_empty() {
            ("ô trống".to_string(), "an empty cell".to_string())
        } else {
            (
                format!("ô ghi \"{found}\""),
                format!("the cell holds \"{found}\""),
            )
        };
        Problem {
            message: Text::new(
                format!("{at}: {fvi}, cần {}.", e.vi),
                format!("{at}: {fen}; expected {}.", e.en),
            ),
            at,
        }
    }
}

/// A number typed as text, in Vietnamese or English habits: "1.164" and "1 164" (thousands),
/// "97,8" (decimal comma), "1.164,5", "99.58". `None` when it is not a number at all.
pub fn parse_number(text: &str) -> Option<f64> {
    let t: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let t = t.strip_suffix('%').unwrap_or(&t);
    let (sign, body) = match t.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, t.strip_prefix('+').unwrap_or(t)),
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        || !body.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let groups_of_three = |s: &str, sep: char| {
        let mut parts = s.split(sep);
        let first = parts.next().unwrap_or("");
        !first.is_empty() && first.len() <= 3 && parts.all(|p| p.len() == 3)
    };
    let normal = match (body.contains('.'), body.contains(',')) {
        (true, true) => {
            // "1.164,5": dots group thousands, the comma is the decimal mark.
            let (int, frac) = body.rsplit_once(',')?;
            if !groups_of_three(int, '.') {
                return None;
            }
            format!("{}.{frac}", int.replace('.', ""))
        }
        (true, false) if groups_of_three(body, '.') => body.replace('.', ""),
        (true, false) if body.matches('.').count() == 1 => body.to_string(),
        (false, true) if body.matches(',').count() == 1 => body.replace(',', "."),
        (false, false) => body.to_string(),
        _ => return None,
    };
    normal.parse::<f64>().ok().map(|x| sign * x)
}

/// A whole count, 0 or more; an empty cell is `None` (the caller decides what it means).
pub fn count(v: &Value) -> Result<Option<u64>, Unreadable> {
    let x = match v {
        Value::Empty => return Ok(None),
        Value::Text(t) if t.trim().is_empty() => return Ok(None),
        Value::Number(x) => *x,
        Value::Text(t) => parse_number(t).ok_or(Unreadable)?,
        _ => return Err(Unreadable),
    };
    // The build's own limit: a figure it would refuse is refused here, at its cell.
    if x.fract() == 0.0 && (0.0..=crate::model::results::MAX_COUNT as f64).contains(&x) {
        Ok(Some(x as u64))
    } else {
        Err(Unreadable)
    }
}

/// Any figure; an empty cell is `None`.
pub fn figure(v: &Value) -> Result<Option<f64>, Unreadable> {
    match v {
        Value::Empty => Ok(None),
        Value::Text(t) if t.trim().is_empty() => Ok(None),
        Value::Number(x) if x.is_finite() => Ok(Some(*x)),
        Value::Text(t) => parse_number(t).map(Some).ok_or(Unreadable),
        _ => Err(Unreadable),
    }
}

/// The day an Excel serial number stands for (1900 epoch), for a date column whose cell
/// lost its date format (a number like 46387).
pub fn serial_date(serial: f64) -> Option<Date> {
    // Serials from 1982 to 2173: anything else in a date column is not a date.
    if serial.fract() != 0.0 || !(30000.0..=100000.0).contains(&serial) {
        return None;
    }
    // Days since 1970-01-01, then the civil-from-days algorithm (H. Hinnant).
    let z = serial as i64 - 25569 + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as u16;
    Date::new(y, m, Some(d)).ok()
}

/// A thời hạn: a date cell or serial becomes ISO ("2026-12-31", as plans write it), a
/// written "31/12/2026" likewise; words are kept as written once the build could read
/// them ("Quý III năm 2026", "Thường xuyên"). `None` for an empty cell.
pub fn deadline(v: &Value) -> Result<Option<String>, Unreadable> {
    match v {
        Value::Empty => Ok(None),
        Value::Date(Some(d)) => Ok(Some(d.iso())),
        Value::Number(x) => serial_date(*x).map(|d| Some(d.iso())).ok_or(Unreadable),
        Value::Text(t) => {
            let t = vn::nfc(t.trim());
            if t.is_empty() {
                return Ok(None);
            }
            let date_like = t
                .chars()
                .all(|c| c.is_ascii_digit() || c == '/' || c == '-');
            if date_like {
                return match Date::parse(&t) {
                    Ok(d) if d.day.is_some() => Ok(Some(d.iso())),
                    _ => Err(Unreadable),
                };
            }
            match crate::content::deadline::parse(&t) {
                Ok(_) => Ok(Some(t)),
                Err(_) => Err(Unreadable),
            }
        }
        _ => Err(Unreadable),
    }
}

/// A text cell: numbers and dates as a person reads them; line breaks inside a cell
/// (Alt+Enter) become spaces, since a table cell of the build is one paragraph.
pub fn text(v: &Value) -> Result<String, Unreadable> {
    match v {
        Value::Error(_) => Err(Unreadable),
        v => Ok(vn::nfc(&one_line(&v.shown()))),
    }
}

/// Line breaks and runs of spaces folded into single spaces.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_either_habit() {
        assert_eq!(parse_number("1.164"), Some(1164.0));
        assert_eq!(parse_number("1 164"), Some(1164.0));
        assert_eq!(parse_number("2.150.000"), Some(2_150_000.0));
        assert_eq!(parse_number("97,8"), Some(97.8));
        assert_eq!(parse_number("1.164,5"), Some(1164.5));
        assert_eq!(parse_number("99.58"), Some(99.58));
        assert_eq!(parse_number("-3"), Some(-3.0));
        assert_eq!(parse_number("12%"), Some(12.0));
        for bad in ["", "abc", "1.16.4", "1,2,3", "1.164,5,6", "12a", ",5"] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn counts_are_whole_and_not_negative() {
        assert_eq!(count(&Value::Number(1164.0)), Ok(Some(1164)));
        assert_eq!(count(&Value::Text("1.164".into())), Ok(Some(1164)));
        assert_eq!(count(&Value::Empty), Ok(None));
        assert_eq!(count(&Value::Number(1.5)), Err(Unreadable));
        assert_eq!(count(&Value::Text("-2".into())), Err(Unreadable));
        assert_eq!(count(&Value::Text("1,164".into())), Err(Unreadable));
        assert_eq!(count(&Value::Error("#REF!".into())), Err(Unreadable));
    }

    #[test]
    fn deadlines_as_dates_serials_or_words() {
        let d = |v: Value| deadline(&v);
        assert_eq!(d(Value::Number(46387.0)), Ok(Some("2026-12-31".into())));
        assert_eq!(
            d(Value::Text("31/12/2026".into())),
            Ok(Some("2026-12-31".into()))
        );
        assert_eq!(
            d(Value::Text("Quý III năm 2026".into())),
            Ok(Some("Quý III năm 2026".into()))
        );
        assert_eq!(
            d(Value::Text("Thường xuyên".into())),
            Ok(Some("Thường xuyên".into()))
        );
        assert_eq!(d(Value::Text("31/13/2026".into())), Err(Unreadable));
        assert_eq!(d(Value::Text("Quý V/2026".into())), Err(Unreadable));
        assert_eq!(d(Value::Number(12.0)), Err(Unreadable));
        assert_eq!(d(Value::Empty), Ok(None));
    }

    #[test]
    fn serials_match_excel() {
        // 45658 is 1/1/2025 in Excel; 46022 is 31/12/2025.
        assert_eq!(
            serial_date(45658.0).map(|d| d.iso()),
            Some("2025-01-01".into())
        );
        assert_eq!(
            serial_date(46022.0).map(|d| d.iso()),
            Some("2025-12-31".into())
        );
        assert_eq!(
            serial_date(46081.0).map(|d| d.iso()),
            Some("2026-02-28".into())
        );
    }
}
