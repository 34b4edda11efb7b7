//! A cell's value and a range of cells: the words every part of the import shares.

use crate::vn::Date;

/// One cell's value as the file stores it (a formula's cached value).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    /// A cell formatted as a date: Excel stores a serial number of days (1900 or 1904
    /// epoch), which calamine turns into a calendar day.
    Date(Option<Date>),
    Bool(bool),
    /// "#REF!", "#DIV/0!": a formula whose cached value is an error.
    Error(String),
}

impl Value {
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as a person reads it, for messages and for text columns.
    pub fn shown(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(t) => t.trim().to_string(),
            Value::Number(x) => plain_number(*x),
            Value::Date(d) => d.map(|d| d.short()).unwrap_or_default(),
            Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
            Value::Error(e) => e.clone(),
        }
    }
}

/// A rectangle of cells, 0-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Area {
    pub top: u32,
    pub left: u32,
    pub bottom: u32,
    pub right: u32,
}

/// A number as plain text: whole numbers without separators ("2150"), others with the
/// decimal comma ("99,58"), as a clerk would type them into a table cell.
pub fn plain_number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        let s = format!("{x}");
        s.replace('.', ",")
    }
}
