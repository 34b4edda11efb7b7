//! Quarterly results against the plan (kết quả thực hiện): indicator values from raw counts,
//! targets met or not, year-to-date figures, Biểu 06 totals and the QĐ 766 self-assessment.
//!
//! Everything here is a pure function of the validated [`Results`]; every figure carries the
//! formula it came from, and a rate with nothing to count is "không phát sinh", never 0.

pub mod score;

use serde::Serialize;

use crate::vn::{self, Date};

pub use crate::model::results::*;

// Loading refuses a field or a column total above MAX_COUNT, so the saturating sums below
// never saturate; they are there so that no input can make them wrap around instead.
impl Form06Row {
    pub fn received(&self) -> u64 {
        self.online
            .saturating_add(self.direct)
            .saturating_add(self.carried)
    }
    pub fn resolved(&self) -> u64 {
        self.early
            .saturating_add(self.on_time)
            .saturating_add(self.late)
    }
    pub fn pending(&self) -> u64 {
        self.pending_on_time.saturating_add(self.pending_late)
    }
    /// The Biểu 06 totals a period's formulas may name, as loading derives them from the
    /// table.
    pub fn totals(&self) -> [(&'static str, u64); 7] {
        [
            ("b06_nhan", self.received()),
            ("b06_truc_tuyen", self.online),
            ("b06_truc_tiep", self.direct),
            ("b06_ky_truoc", self.carried),
            ("b06_da_giai_quyet", self.resolved()),
            (
                "b06_dung_han",
                self.early
                    .saturating_add(self.on_time)
                    .saturating_add(self.pending_on_time),
            ),
            ("b06_qua_han", self.late.saturating_add(self.pending_late)),
        ]
    }

    /// The sum of several rows (the "Tổng cộng" line).
    pub fn total<'a>(rows: impl IntoIterator<Item = &'a Form06Row>) -> Form06Row {
        rows.into_iter().fold(
            Form06Row {
                area: "Tổng cộng".into(),
                online: 0,
                direct: 0,
                carried: 0,
                early: 0,
                on_time: 0,
                late: 0,
                pending_on_time: 0,
                pending_late: 0,
            },
            |t, r| Form06Row {
                area: t.area,
                online: t.online.saturating_add(r.online),
                direct: t.direct.saturating_add(r.direct),
                carried: t.carried.saturating_add(r.carried),
                early: t.early.saturating_add(r.early),
                on_time: t.on_time.saturating_add(r.on_time),
                late: t.late.saturating_add(r.late),
                pending_on_time: t.pending_on_time.saturating_add(r.pending_on_time),
                pending_late: t.pending_late.saturating_add(r.pending_late),
            },
        )
    }
}

/// A task is late (chậm) when its deadline is before the report date and it is not done.
pub fn is_late(status: TaskStatus, due: Option<Date>, report_date: Date) -> bool {
    status != TaskStatus::Done && due.is_some_and(|d| d < report_date)
}

/// A computed number, or why there is none.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum Value {
    Number(f64),
    /// Nothing to count, numerator and denominator both zero: "không phát sinh".
    NoCases,
    /// Not entered for this period.
    Missing,
}

/// A figure as printed, with the formula that produced it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub value: Value,
    /// "99,58", "không phát sinh", "chưa có số liệu".
    pub text: String,
    /// "2.141 ÷ 2.150 × 100"; `None` for a value entered directly.
    pub formula: Option<String>,
}

/// Two decimals, the Vietnamese way.
fn number_text(x: f64) -> String {
    vn::decimal((x * 100.0).round() / 100.0, 2)
}

fn ratio(num: f64, den: f64, scale: f64) -> Figure {
    let formula = if scale == 1.0 {
        format!("{} ÷ {}", number_text(num), number_text(den))
    } else {
        format!(
            "{} ÷ {} × {}",
            number_text(num),
            number_text(den),
            number_text(scale)
        )
    };
    if den == 0.0 && num == 0.0 {
        return Figure {
            value: Value::NoCases,
            text: NO_CASES.into(),
            formula: Some(formula),
        };
    }
    // Loading refuses counts like these; should any reach here, no figure is better than a
    // wrong one.
    if den <= 0.0 || num < 0.0 || !(num / den * scale).is_finite() {
        return Figure {
            formula: Some(formula),
            ..missing()
        };
    }
    let v = ((num / den * scale) * 100.0).round() / 100.0;
    Figure {
        value: Value::Number(v),
        text: number_text(v),
        formula: Some(formula),
    }
}

fn missing() -> Figure {
    Figure {
        value: Value::Missing,
        text: NO_DATA.into(),
        formula: None,
    }
}

/// The indicator's figure for one period.
pub fn value(ind: &Indicator, period: &Period) -> Figure {
    match &ind.formula {
        Some(f) => match (
            period.counts.get(&f.numerator),
            period.counts.get(&f.denominator),
        ) {
            (Some(n), Some(d)) => ratio(*n, *d, f.scale),
            _ => missing(),
        },
        None => match period.values.get(&ind.id) {
            Some(v) => Figure {
                value: Value::Number(*v),
                text: number_text(*v),
                formula: None,
            },
            None => missing(),
        },
    }
}

/// The first day of the reporting year `year` as these periods keep it: the earliest
/// start of a period ending in that year, if it is 1 January or a day of the December
/// before. Any later start means the year's first days have no period, and `None`
/// keeps a year to date from being summed over part of the year.
fn year_start(periods: &[Period], year: u16) -> Option<Date> {
    let december = Date::new(year.checked_sub(1)?, 12, Some(1)).ok()?;
    let new_year = Date::new(year, 1, Some(1)).ok()?;
    periods
        .iter()
        .filter(|p| p.year() == year)
        .map(|p| p.from)
        .min()
        .filter(|start| (december..=new_year).contains(start))
}

/// The periods that add up to the year so far: contiguous, from the reporting year's first
/// day (1 January, or 15 December before it under NĐ 09/2019) to `upto`'s end.
fn year_chain<'a>(periods: &'a [Period], upto: &Period) -> Option<Vec<&'a Period>> {
    let start = year_start(periods, upto.year())?;
    let mut chain = Vec::new();
    let mut next = start;
    loop {
        let p = periods
            .iter()
            .filter(|p| p.from == next && p.to <= upto.to)
            // The longest step that still ends by `upto`, so a half-year is taken whole.
            .max_by_key(|p| p.to)?;
        chain.push(p);
        if p.to == upto.to {
            return Some(chain);
        }
        next = p.to.next_day()?;
    }
}

/// Lũy kế over the contiguous periods from the start of the reporting year to `upto`, as the indicator says:
/// a rate over summed counts, a sum or mean of entered values, or the latest figure.
pub fn year_to_date(ind: &Indicator, periods: &[Period], upto: &Period) -> Figure {
    if ind.cumulation == Cumulation::Latest {
        return value(ind, upto);
    }
    let Some(chain) = year_chain(periods, upto) else {
        return missing();
    };
    match (&ind.formula, ind.cumulation) {
        (Some(f), Cumulation::Sum) => {
            let sum = |name: &str| -> Option<f64> {
                form06_year(&chain, name)
                    .or_else(|| chain.iter().map(|p| p.counts.get(name).copied()).sum())
            };
            match (sum(&f.numerator), sum(&f.denominator)) {
                (Some(n), Some(d)) => ratio(n, d, f.scale),
                _ => missing(),
            }
        }
        _ => {
            let figures: Vec<Figure> = chain.iter().map(|p| value(ind, p)).collect();
            let numbers: Vec<f64> = figures
                .iter()
                .filter_map(|f| match f.value {
                    Value::Number(v) => Some(v),
                    _ => None,
                })
                .collect();
            if figures.iter().any(|f| f.value == Value::Missing) {
                return missing();
            }
            if numbers.is_empty() {
                return Figure {
                    value: Value::NoCases,
                    text: NO_CASES.into(),
                    formula: None,
                };
            }
            let (v, how) = if ind.cumulation == Cumulation::Sum {
                (numbers.iter().sum::<f64>(), "+")
            } else {
                (
                    numbers.iter().sum::<f64>() / numbers.len() as f64,
                    "trung bình",
                )
            };
            let v = (v * 100.0).round() / 100.0;
            let parts = numbers.iter().map(|n| number_text(*n)).collect::<Vec<_>>();
            let formula = if how == "+" {
                parts.join(" + ")
            } else {
                format!("trung bình {}", parts.join("; "))
            };
            Figure {
                value: Value::Number(v),
                text: number_text(v),
                formula: Some(formula),
            }
        }
    }
}

/// Biểu 06 counts over several periods: what was received in the year is each period's
/// new dossiers plus what the first one carried in, and what is pending is the last
/// period's; adding the periods' totals would count every carried-over dossier twice.
/// The totals that do add up (trực tuyến, trực tiếp, đã giải quyết) are `None` here and
/// summed from each period's counts, where loading put them, like any other count.
fn form06_year(chain: &[&Period], name: &str) -> Option<f64> {
    if !name.starts_with("b06_") || chain.iter().any(|p| p.form06.is_empty()) {
        return None;
    }
    let totals: Vec<Form06Row> = chain.iter().map(|p| Form06Row::total(&p.form06)).collect();
    let (first, last) = (totals.first()?, totals.last()?);
    let new: u64 = totals.iter().map(|t| t.online + t.direct).sum();
    let resolved = |f: fn(&Form06Row) -> u64| -> u64 { totals.iter().map(f).sum() };
    let v = match name {
        "b06_nhan" => new + first.carried,
        "b06_ky_truoc" => first.carried,
        "b06_dung_han" => resolved(|t| t.early + t.on_time) + last.pending_on_time,
        "b06_qua_han" => resolved(|t| t.late) + last.pending_late,
        _ => return None,
    };
    Some(v as f64)
}

/// Đạt / chưa đạt; `None` when there is no number to judge. A rate with no cases meets
/// its target only if nothing was required of it (a "≤" target).
pub fn met(ind: &Indicator, figure: &Figure) -> Option<bool> {
    match figure.value {
        Value::Number(v) => Some(match ind.direction {
            Direction::AtLeast => v >= ind.target - 1e-9,
            Direction::AtMost => v <= ind.target + 1e-9,
        }),
        Value::NoCases | Value::Missing => None,
    }
}

/// Change against the period just before (`None` without two numbers).
pub fn change(ind: &Indicator, periods: &[Period], current: &Period) -> Option<f64> {
    let prev = periods
        .iter()
        .filter(|p| p.to < current.from)
        .max_by_key(|p| p.to)?;
    match (value(ind, prev).value, value(ind, current).value) {
        (Value::Number(a), Value::Number(b)) => Some(((b - a) * 100.0).round() / 100.0),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn period(id: &str, from: &str, to: &str, counts: &[(&str, f64)]) -> Period {
        Period {
            id: id.into(),
            label: id.into(),
            from: d(from),
            to: d(to),
            counts: counts.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            values: BTreeMap::new(),
            form06: vec![],
            plan: None,
            tasks: BTreeMap::new(),
        }
    }

    fn on_time() -> Indicator {
        Indicator {
            id: "dung-han".into(),
            name: "Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn".into(),
            unit: "%".into(),
            direction: Direction::AtLeast,
            target: 99.9,
            area: None,
            responsible: None,
            formula: Some(Formula {
                numerator: "dung_han".into(),
                denominator: "tiep_nhan".into(),
                scale: 100.0,
            }),
            cumulation: Cumulation::Sum,
        }
    }

    #[test]
    fn year_to_date_from_form06_counts_carried_dossiers_once() {
        let row = |online, direct, carried, early, on_time, late, pending_on_time, pending_late| {
            Form06Row {
                area: "Chứng thực".into(),
                online,
                direct,
                carried,
                early,
                on_time,
                late,
                pending_on_time,
                pending_late,
            }
        };
        let mut q1 = period("q1", "2026-01-01", "2026-03-31", &[]);
        q1.form06 = vec![row(50, 50, 10, 90, 5, 5, 10, 0)]; // 110 received, 10 pending
        let mut q2 = period("q2", "2026-04-01", "2026-06-30", &[]);
        q2.form06 = vec![row(60, 30, 10, 80, 10, 0, 9, 1)]; // 100 received incl. the 10
        let mut ind = on_time();
        ind.formula = Some(Formula {
            numerator: "b06_dung_han".into(),
            denominator: "b06_nhan".into(),
            scale: 100.0,
        });
        let ps = vec![q1, q2];
        let ytd = year_to_date(&ind, &ps, &ps[1]);
        // Received in the year: 100 + 90 new + 10 carried in at the start = 200, not 210;
        // on time: 95 + 90 resolved in time + 9 still in time = 194.
        assert_eq!(ytd.formula.as_deref(), Some("194 ÷ 200 × 100"));
        assert_eq!(ytd.text, "97");
    }

    #[test]
    fn entered_values_add_up_or_average_as_declared() {
        let mut ind = on_time();
        ind.formula = None;
        ind.id = "ky-luat".into();
        let mut q1 = period("q1", "2026-01-01", "2026-03-31", &[]);
        let mut q2 = period("q2", "2026-04-01", "2026-06-30", &[]);
        q1.values.insert("ky-luat".into(), 1.0);
        q2.values.insert("ky-luat".into(), 2.0);
        let ps = vec![q1, q2];
        ind.cumulation = Cumulation::Sum;
        let f = year_to_date(&ind, &ps, &ps[1]);
        assert_eq!(
            (f.text.as_str(), f.formula.as_deref()),
            ("3", Some("1 + 2"))
        );
        ind.cumulation = Cumulation::Mean;
        assert_eq!(year_to_date(&ind, &ps, &ps[1]).text, "1,5");
        ind.cumulation = Cumulation::Latest;
        assert_eq!(year_to_date(&ind, &ps, &ps[1]).text, "2");
    }

    #[test]
    fn rate_with_its_formula_and_target() {
        let q1 = period(
            "q1",
            "2026-01-01",
            "2026-03-31",
            &[("dung_han", 2141.0), ("tiep_nhan", 2150.0)],
        );
        let f = value(&on_time(), &q1);
        assert_eq!(f.text, "99,58");
        assert_eq!(f.formula.as_deref(), Some("2.141 ÷ 2.150 × 100"));
        assert_eq!(met(&on_time(), &f), Some(false));
    }

    #[test]
    fn zero_denominator_is_no_cases_not_zero() {
        let q = period(
            "q2",
            "2026-04-01",
            "2026-06-30",
            &[("dung_han", 0.0), ("tiep_nhan", 0.0)],
        );
        let f = value(&on_time(), &q);
        assert_eq!(f.value, Value::NoCases);
        assert_eq!(f.text, "không phát sinh");
        assert_eq!(met(&on_time(), &f), None);
        let missing = period("q3", "2026-07-01", "2026-09-30", &[]);
        assert_eq!(value(&on_time(), &missing).value, Value::Missing);
    }

    #[test]
    fn a_count_out_of_nothing_is_no_figure_rather_than_no_cases() {
        // Loading refuses these; the model still prints nothing rather than a wrong figure.
        let q = period(
            "q2",
            "2026-04-01",
            "2026-06-30",
            &[("dung_han", 2600.0), ("tiep_nhan", 0.0)],
        );
        let f = value(&on_time(), &q);
        assert_eq!(
            (f.value, f.text.as_str()),
            (Value::Missing, "chưa có số liệu")
        );
        assert_eq!(met(&on_time(), &f), None);
        let big = Form06Row {
            area: String::new(),
            online: u64::MAX,
            direct: 1,
            carried: 0,
            early: 0,
            on_time: 0,
            late: 0,
            pending_on_time: 0,
            pending_late: 0,
        };
        assert_eq!(big.received(), u64::MAX, "saturates, never wraps to 0");
        assert_eq!(Form06Row::total([&big, &big]).online, u64::MAX);
    }

    #[test]
    fn year_to_date_sums_counts_not_rates_and_change_is_against_the_previous_period() {
        let ps = vec![
            period(
                "q1",
                "2026-01-01",
                "2026-03-31",
                &[("dung_han", 99.0), ("tiep_nhan", 100.0)],
            ),
            period(
                "q2",
                "2026-04-01",
                "2026-06-30",
                &[("dung_han", 290.0), ("tiep_nhan", 300.0)],
            ),
            period(
                "h1",
                "2026-01-01",
                "2026-06-30",
                &[("dung_han", 389.0), ("tiep_nhan", 400.0)],
            ),
        ];
        let ytd = year_to_date(&on_time(), &ps, &ps[1]);
        // (99 + 290) ÷ (100 + 300), not the mean of 99 % and 96,67 %; the half-year
        // period is one step of its own, never added twice.
        assert_eq!(ytd.text, "97,25");
        assert_eq!(ytd.formula.as_deref(), Some("389 ÷ 400 × 100"));
        assert_eq!(change(&on_time(), &ps, &ps[1]), Some(-2.33));
        // Without a period starting on 1 January the year so far is unknown.
        let gap = vec![ps[1].clone()];
        assert_eq!(
            year_to_date(&on_time(), &gap, &gap[0]).value,
            Value::Missing
        );
    }

    #[test]
    fn a_year_reported_from_15_december_adds_up_from_its_first_quarter() {
        // NĐ 09/2019/NĐ-CP cut-off dates: quý I runs 15/12/2025–14/3/2026.
        let ps = vec![
            // December 2025 as a month of its own ends in 2025: not part of 2026.
            period(
                "t12",
                "2025-12-01",
                "2025-12-14",
                &[("dung_han", 1.0), ("tiep_nhan", 50.0)],
            ),
            period(
                "q1",
                "2025-12-15",
                "2026-03-14",
                &[("dung_han", 99.0), ("tiep_nhan", 100.0)],
            ),
            period(
                "q2",
                "2026-03-15",
                "2026-06-14",
                &[("dung_han", 290.0), ("tiep_nhan", 300.0)],
            ),
        ];
        assert_eq!(ps[1].year(), 2026);
        assert_eq!(year_start(&ps, 2026), Some(d("2025-12-15")));
        let ytd = year_to_date(&on_time(), &ps, &ps[2]);
        assert_eq!(ytd.formula.as_deref(), Some("389 ÷ 400 × 100"));
        assert_eq!(year_to_date(&on_time(), &ps, &ps[1]).text, "99");
        // A year whose first period starts in November, or after 1 January, has days
        // no period covers: no year to date rather than one over part of the year.
        for from in ["2025-11-30", "2026-01-02"] {
            let mut late = ps.clone();
            late[1].from = d(from);
            assert_eq!(year_start(&late, 2026), None, "{from}");
            assert_eq!(
                year_to_date(&on_time(), &late, &late[2]).value,
                Value::Missing,
                "{from}"
            );
        }
        // The first day of December and 1 January are both a year's first day.
        let mut first = ps.clone();
        first[1].from = d("2025-12-01");
        first.remove(0);
        assert_eq!(year_start(&first, 2026), Some(d("2025-12-01")));
        first[0].from = d("2026-01-01");
        assert_eq!(year_start(&first, 2026), Some(d("2026-01-01")));
    }

    #[test]
    fn form06_totals_are_named_and_added_as_the_form_defines_them() {
        let row = Form06Row {
            area: "Hộ tịch".into(),
            online: 40,
            direct: 25,
            carried: 5,
            early: 30,
            on_time: 20,
            late: 4,
            pending_on_time: 9,
            pending_late: 7,
        };
        // Nhận = 40 + 25 + 5; đã giải quyết = 30 + 20 + 4; đúng hạn counts the pending
        // still in time (30 + 20 + 9), quá hạn the pending already late (4 + 7).
        assert_eq!(
            row.totals(),
            [
                ("b06_nhan", 70),
                ("b06_truc_tuyen", 40),
                ("b06_truc_tiep", 25),
                ("b06_ky_truoc", 5),
                ("b06_da_giai_quyet", 54),
                ("b06_dung_han", 59),
                ("b06_qua_han", 11),
            ]
        );
        assert_eq!(row.pending(), 16);
    }

    #[test]
    fn at_most_targets_and_lateness() {
        let mut ind = on_time();
        ind.direction = Direction::AtMost;
        ind.target = 0.0;
        let f = Figure {
            value: Value::Number(0.0),
            text: "0".into(),
            formula: None,
        };
        assert_eq!(met(&ind, &f), Some(true));
        assert!(is_late(
            TaskStatus::InProgress,
            Some(d("2026-06-30")),
            d("2026-07-10")
        ));
        assert!(!is_late(
            TaskStatus::Done,
            Some(d("2026-06-30")),
            d("2026-07-10")
        ));
        assert!(!is_late(
            TaskStatus::InProgress,
            Some(d("2026-09-30")),
            d("2026-07-10")
        ));
        assert!(!is_late(TaskStatus::InProgress, None, d("2026-07-10")));
    }

    #[test]
    fn nothing_out_of_something_is_zero_percent_not_missing() {
        // No late dossier out of 2.150 is 0 %, a figure the report prints and judges.
        let mut late = on_time();
        late.direction = Direction::AtMost;
        late.target = 0.0;
        let q = period(
            "q1",
            "2026-01-01",
            "2026-03-31",
            &[("dung_han", 0.0), ("tiep_nhan", 2150.0)],
        );
        let f = value(&late, &q);
        assert_eq!(
            (f.value, f.text.as_str(), f.formula.as_deref()),
            (Value::Number(0.0), "0", Some("0 ÷ 2.150 × 100"))
        );
        assert_eq!(met(&late, &f), Some(true));
    }

    #[test]
    fn a_figure_that_cannot_be_computed_is_no_figure_but_keeps_its_formula() {
        // Loading refuses all of these (counts are 0 to 10^12); the model still prints
        // nothing rather than a negative rate or "inf", and says what it tried.
        let figure = |n: f64, d: f64| {
            let q = period(
                "q1",
                "2026-01-01",
                "2026-03-31",
                &[("dung_han", n), ("tiep_nhan", d)],
            );
            value(&on_time(), &q)
        };
        for (n, d) in [
            (2600.0, -5.0),
            (-5.0, 2600.0),
            (1e307, 1.0),
            (1e300, 1e-300),
        ] {
            let f = figure(n, d);
            assert_eq!(f.value, Value::Missing, "{n} ÷ {d}");
            assert!(
                f.formula.as_deref().is_some_and(|t| t.contains('÷')),
                "{n} ÷ {d}"
            );
        }
        // Large counts whose ratio is ordinary still give it.
        assert_eq!(figure(1e200, 1e200).text, "100");
    }

    #[test]
    fn a_target_reached_exactly_is_met() {
        // 999 of 1.000 on time is 99,9 %: the target "≥ 99,9" is met, not missed by a
        // rounding error; 5 complaints against "≤ 5" are within it.
        let q = period(
            "q1",
            "2026-01-01",
            "2026-03-31",
            &[("dung_han", 999.0), ("tiep_nhan", 1000.0)],
        );
        let f = value(&on_time(), &q);
        assert_eq!(f.text, "99,9");
        assert_eq!(met(&on_time(), &f), Some(true));
        let mut complaints = on_time();
        complaints.direction = Direction::AtMost;
        complaints.target = 5.0;
        let five = Figure {
            value: Value::Number(5.0),
            text: "5".into(),
            formula: None,
        };
        assert_eq!(met(&complaints, &five), Some(true));
        let six = Figure {
            value: Value::Number(6.0),
            ..five
        };
        assert_eq!(met(&complaints, &six), Some(false));
    }

    #[test]
    fn a_task_due_on_the_report_date_is_not_yet_late() {
        assert!(!is_late(
            TaskStatus::InProgress,
            Some(d("2026-07-10")),
            d("2026-07-10")
        ));
    }

    #[test]
    fn form06_totals_typed_for_one_quarter_and_tabled_for_the_next_add_up() {
        // Q1's Biểu 06 totals typed as counts, Q2's as a table: the year to date adds the
        // two, and does not read Q1 as an empty table.
        let mut q1 = period(
            "q1",
            "2026-01-01",
            "2026-03-31",
            &[("b06_dung_han", 95.0), ("b06_nhan", 100.0)],
        );
        q1.counts.insert("b06_qua_han".into(), 5.0);
        let mut q2 = period("q2", "2026-04-01", "2026-06-30", &[]);
        q2.form06 = vec![Form06Row {
            area: "Chứng thực".into(),
            online: 60,
            direct: 40,
            carried: 0,
            early: 80,
            on_time: 10,
            late: 0,
            pending_on_time: 10,
            pending_late: 0,
        }];
        let t = Form06Row::total(&q2.form06);
        q2.counts.insert("b06_nhan".into(), t.received() as f64);
        q2.counts.insert("b06_dung_han".into(), 100.0);
        let mut ind = on_time();
        ind.formula = Some(Formula {
            numerator: "b06_dung_han".into(),
            denominator: "b06_nhan".into(),
            scale: 100.0,
        });
        let ps = vec![q1, q2];
        let ytd = year_to_date(&ind, &ps, &ps[1]);
        assert_eq!(ytd.formula.as_deref(), Some("195 ÷ 200 × 100"));
        assert_eq!(ytd.text, "97,5");
    }

    #[test]
    fn form06_year_totals_count_carried_and_pending_dossiers_once() {
        // Each quarter as loading gives it: its table and the Biểu 06 totals derived from it.
        let tabled = |id: &str, from: &str, to: &str, r: Form06Row| {
            let mut p = period(id, from, to, &[]);
            for (k, v) in r.totals() {
                p.counts.insert(k.into(), v as f64);
            }
            p.form06 = vec![r];
            p
        };
        let row = |online, direct, carried, early, on_time, late, pending_on_time, pending_late| {
            Form06Row {
                area: "Chứng thực".into(),
                online,
                direct,
                carried,
                early,
                on_time,
                late,
                pending_on_time,
                pending_late,
            }
        };
        // Q1: 110 received (10 carried in), 98 resolved (3 late), 12 pending (2 late);
        // Q2: 102 received, of them the 12 carried from Q1; 1 still pending late at the end.
        let ps = vec![
            tabled(
                "q1",
                "2026-01-01",
                "2026-03-31",
                row(50, 50, 10, 90, 5, 3, 10, 2),
            ),
            tabled(
                "q2",
                "2026-04-01",
                "2026-06-30",
                row(60, 30, 12, 80, 10, 0, 11, 1),
            ),
        ];
        let mut ind = on_time();
        for (name, want) in [
            // Carried into the year: what Q1 carried in, not Q1's plus Q2's.
            ("b06_ky_truoc", "10 ÷ 200 × 100"),
            // Late: resolved late in the year (3) and still pending late at its end (1); the
            // 2 pending late at the end of Q1 are among Q2's, not counted again.
            ("b06_qua_han", "4 ÷ 200 × 100"),
            ("b06_dung_han", "196 ÷ 200 × 100"),
            // These add up over the quarters: 50 + 60 online, 50 + 30 direct, 98 + 90.
            ("b06_truc_tuyen", "110 ÷ 200 × 100"),
            ("b06_truc_tiep", "80 ÷ 200 × 100"),
            ("b06_da_giai_quyet", "188 ÷ 200 × 100"),
        ] {
            ind.formula = Some(Formula {
                numerator: name.into(),
                denominator: "b06_nhan".into(),
                scale: 100.0,
            });
            let ytd = year_to_date(&ind, &ps, &ps[1]);
            assert_eq!(ytd.formula.as_deref(), Some(want), "{name}");
        }
    }

    #[test]
    fn a_one_day_period_is_compared_with_the_period_before_not_itself() {
        let ps = vec![
            period(
                "q1",
                "2026-01-01",
                "2026-03-31",
                &[("dung_han", 99.0), ("tiep_nhan", 100.0)],
            ),
            period(
                "ngay-1-4",
                "2026-04-01",
                "2026-04-01",
                &[("dung_han", 49.0), ("tiep_nhan", 50.0)],
            ),
        ];
        assert_eq!(change(&on_time(), &ps, &ps[1]), Some(-1.0));
    }
}
