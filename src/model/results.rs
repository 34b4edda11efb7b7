//! The results data (kết quả thực hiện) as validated: targets, periods, Biểu 06 rows, task
//! statuses and the 766 scoring profile. Types only: [`crate::results`] computes with them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::vn::Date;

/// The largest count, value or target accepted. Far above any commune's figures, it keeps
/// every sum exact in an `f64` and far from overflowing a `u64`, so a mistyped figure is
/// refused instead of printed as something else.
pub const MAX_COUNT: u64 = 1_000_000_000_000;

/// The ending of a period's one-file results page (`2026-q1-mot-tep.html`); no period file
/// may take a name that ends in it.
pub const ONE_FILE_SUFFIX: &str = "-mot-tep";

/// A rate with nothing to count (numerator and denominator both zero): never printed as 0.
pub const NO_CASES: &str = "không phát sinh";
/// A figure whose counts the period does not have yet.
pub const NO_DATA: &str = "chưa có số liệu";

/// All results of one commune: its targets and its periods, oldest first.
#[derive(Debug, Clone, Serialize)]
pub struct Results {
    pub indicators: Vec<Indicator>,
    pub periods: Vec<Period>,
    pub profile: Profile,
}

/// Chỉ tiêu.
#[derive(Debug, Clone, Serialize)]
pub struct Indicator {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub direction: Direction,
    pub target: f64,
    pub area: Option<String>,
    pub responsible: Option<String>,
    pub formula: Option<Formula>,
    pub cumulation: Cumulation,
}

/// How lũy kế is formed from the periods of the year so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Cumulation {
    /// Counts (or values) added up: a rate over the summed counts.
    Sum,
    /// The latest period's figure (already cumulative, or a standing total).
    Latest,
    /// The mean of the periods' figures.
    Mean,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Direction {
    /// ≥ target.
    AtLeast,
    /// ≤ target.
    AtMost,
}

/// numerator ÷ denominator × scale.
#[derive(Debug, Clone, Serialize)]
pub struct Formula {
    pub numerator: String,
    pub denominator: String,
    pub scale: f64,
}

/// Kỳ báo cáo: explicit dates and a label, not "Q1".
#[derive(Debug, Clone, Serialize)]
pub struct Period {
    pub id: String,
    pub label: String,
    pub from: Date,
    pub to: Date,
    pub counts: BTreeMap<String, f64>,
    pub values: BTreeMap<String, f64>,
    pub form06: Vec<Form06Row>,
    pub plan: Option<String>,
    pub tasks: BTreeMap<String, Task>,
}

impl Period {
    /// Năm báo cáo: the year of the period's last day. Under the cut-off dates of
    /// NĐ 09/2019/NĐ-CP a reporting year runs from 15/12 of the year before to 14/12, so
    /// its first quarter begins in December; a calendar year begins on 1 January.
    pub fn year(&self) -> u16 {
        self.to.year
    }
}

/// One row of Biểu số 06/VPCP/KSTT (already checked: its totals add up).
#[derive(Debug, Clone, Serialize)]
pub struct Form06Row {
    pub area: String,
    pub online: u64,
    pub direct: u64,
    pub carried: u64,
    pub early: u64,
    pub on_time: u64,
    pub late: u64,
    pub pending_on_time: u64,
    pub pending_late: u64,
}

/// Tình trạng nhiệm vụ as entered; lateness is computed from the deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum TaskStatus {
    Done,
    InProgress,
    NotDue,
    NotDone,
}

impl TaskStatus {
    pub const CODES: [(&'static str, TaskStatus); 4] = [
        ("hoan-thanh", TaskStatus::Done),
        ("dang-thuc-hien", TaskStatus::InProgress),
        ("chua-den-han", TaskStatus::NotDue),
        ("khong-thuc-hien", TaskStatus::NotDone),
    ];
}

#[derive(Debug, Clone, Serialize)]
pub struct Task {
    pub status: TaskStatus,
    pub note: Option<String>,
    pub evidence: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    #[serde(rename = "nhom")]
    pub groups: Vec<Group>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    #[serde(rename = "ma")]
    pub code: String,
    #[serde(rename = "ten")]
    pub name: String,
    #[serde(rename = "thanh_phan")]
    pub components: Vec<Component>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Component {
    #[serde(rename = "ma")]
    pub code: String,
    #[serde(rename = "ten")]
    pub name: String,
    #[serde(rename = "toi_da")]
    pub max: f64,
    #[serde(rename = "tu_so")]
    pub numerator: String,
    #[serde(rename = "mau_so")]
    pub denominator: String,
    /// The ratio at which full marks are reached (1.0 unless stated).
    #[serde(rename = "dat_toi_da", default = "one")]
    pub full_at: f64,
    /// Points when there is nothing to count.
    #[serde(rename = "khi_rong")]
    pub if_empty: IfEmpty,
}

fn one() -> f64 {
    1.0
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum IfEmpty {
    /// Full marks (e.g. no PAKN in the period).
    #[serde(rename = "du")]
    Full,
    #[serde(rename = "khong")]
    Zero,
}
