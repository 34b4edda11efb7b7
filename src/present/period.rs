//! What the results page, the quarterly report's tables and the downloads show for one
//! period, computed once.

use serde::Serialize;

use super::words::{NOT_REPORTED, met_text, status_text};
use crate::model::{Document, Kind};
use crate::results::{Direction, Figure, Period, Results, TaskStatus, Value, score};
use crate::vn;

#[derive(Debug, Clone, Serialize)]
pub struct PeriodView {
    pub id: String,
    /// The file name of this period's one-file page, beside its page.
    pub one_file: String,
    pub label: String,
    pub from: String,
    pub to: String,
    pub indicators: Vec<IndicatorRow>,
    pub met: usize,
    pub measured: usize,
    pub form06: Vec<Form06Line>,
    pub form06_total: Option<Form06Line>,
    pub score: Vec<score::GroupScore>,
    pub score_total: Option<(f64, f64)>,
    pub tasks: Vec<TaskRow>,
    pub late: Vec<TaskRow>,
    pub by_area: Vec<Progress>,
    pub by_official: Vec<Progress>,
    pub plan: Option<PlanRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanRef {
    pub reference: String,
    pub html_path: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndicatorRow {
    pub id: String,
    pub name: String,
    pub unit: String,
    /// "≥ 99,9".
    pub target: String,
    pub value: Figure,
    pub year_to_date: Figure,
    /// The year so far with its unit, as a sentence shows it: "99,86 %", "không phát sinh".
    pub year_to_date_display: String,
    pub met: Option<bool>,
    /// "Đạt", "Chưa đạt" or nothing: [`met_text`].
    pub met_word: &'static str,
    /// "+0,2", "−1,5".
    pub change: Option<String>,
    pub area: Option<String>,
    pub responsible: Option<String>,
    pub chart: Chart,
}

/// A small line chart across the year's periods, in a 0–100 coordinate box.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    pub points: Vec<ChartPoint>,
    /// Vertical position of the target line.
    pub target_y: f64,
    pub max_text: String,
    /// "Quý I/2026: 99,58; Quý II/2026: 99,8 — kế hoạch ≥ 99,9": the chart in words.
    pub description: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChartPoint {
    pub x: f64,
    pub y: f64,
    pub label: String,
    pub text: String,
    pub current: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Form06Line {
    pub area: String,
    /// Nhận {tổng, trực tuyến, trực tiếp/bưu chính, kỳ trước}, đã giải quyết {tổng, trước
    /// hạn, đúng hạn, quá hạn}, đang giải quyết {tổng, trong hạn, quá hạn}.
    pub cells: [String; 11],
}

/// The keys a task is counted under in the progress tables.
#[derive(Debug, Clone, Default)]
pub struct Groups {
    area: usize,
    staff: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TaskRow {
    pub code: String,
    pub criterion: String,
    pub area: String,
    pub lead: String,
    pub staff: Vec<String>,
    pub deadline: String,
    pub status: &'static str,
    /// Hoàn thành: counted in the progress by area and by official.
    pub done: bool,
    /// What the progress tables group by: the lĩnh vực's place in the plan, and each
    /// official's staff id (the printed name when the table names no id). Two areas with
    /// the same printed name stay apart; one official printed two ways does not split.
    #[serde(skip)]
    pub groups: Groups,
    pub late: bool,
    pub note: String,
    pub evidence: String,
    /// Where the evidence links to, when it is a link: a page or PDF of the site (relative
    /// to the site root) or an outside web address. Plain words link nowhere.
    pub evidence_link: Option<Link>,
}

/// A link target, told apart once so that no template prefixes an outside address with
/// the way back to the site root.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", content = "href", rename_all = "snake_case")]
pub enum Link {
    /// A path of this site, relative to its root.
    Site(String),
    /// An http(s) address elsewhere.
    External(String),
}

impl Link {
    pub fn of(text: &str) -> Option<Link> {
        let t = text.trim();
        let ours = (t.starts_with("van-ban/") || t.starts_with("ket-qua/"))
            && (t.ends_with(".pdf") || t.ends_with(".html"))
            && !t.contains("..");
        let external = (t.starts_with("https://") || t.starts_with("http://"))
            && !t
                .chars()
                .any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>');
        if ours {
            Some(Link::Site(t.to_string()))
        } else if external {
            Some(Link::External(t.to_string()))
        } else {
            None
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Progress {
    pub name: String,
    pub done: usize,
    pub total: usize,
    pub late: usize,
    /// "75" (per cent, rounded), or "không phát sinh" for nothing assigned.
    pub share: String,
}

/// A figure as the tables print it: "37,5".
pub(super) fn number(x: f64) -> String {
    vn::decimal(x, 2)
}

/// Everything shown for `period`.
pub fn period_view(results: &Results, period: &Period, documents: &[Document]) -> PeriodView {
    let year: Vec<&Period> = results
        .periods
        .iter()
        // Periods of the same length as this one (quarters with quarters), within a week.
        .filter(|p| {
            p.year() == period.year() && p.to <= period.to && span_days(p) <= span_days(period) + 7
        })
        .collect();
    let (indicators, met, measured) = indicator_rows(results, period, &year);
    let (form06, form06_total) = form06_lines(period);
    let score = score::period(&results.profile, period);
    let scored: Vec<&score::GroupScore> = score.iter().filter(|g| g.max > 0.0).collect();
    let score_total = (!scored.is_empty()).then(|| {
        (
            (scored.iter().map(|g| g.points).sum::<f64>() * 100.0).round() / 100.0,
            scored.iter().map(|g| g.max).sum::<f64>(),
        )
    });

    let tasks = task_rows(period, documents);
    let late = tasks.iter().filter(|t| t.late).cloned().collect();
    let by_area = progress(&tasks, |t| {
        vec![(t.groups.area.to_string(), t.area.clone())]
    });
    let by_official = progress(&tasks, |t| {
        t.groups
            .staff
            .iter()
            .cloned()
            .zip(t.staff.iter().cloned())
            .collect()
    });
    PeriodView {
        id: period.id.clone(),
        one_file: format!("{}{}.html", period.id, crate::results::ONE_FILE_SUFFIX),
        label: period.label.clone(),
        from: period.from.short(),
        to: period.to.short(),
        indicators,
        met,
        measured,
        form06,
        form06_total,
        score,
        score_total,
        tasks,
        late,
        by_area,
        by_official,
        plan: plan_of(period, documents).map(|p| PlanRef {
            reference: p.reference.clone(),
            html_path: p.meta.html_path.clone(),
        }),
    }
}

/// The targets' rows, and how many have a figure to judge (measured) and are met.
fn indicator_rows(
    results: &Results,
    period: &Period,
    year: &[&Period],
) -> (Vec<IndicatorRow>, usize, usize) {
    let mut met = 0;
    let mut measured = 0;
    let rows = results
        .indicators
        .iter()
        .map(|ind| {
            let value = crate::results::value(ind, period);
            let year_to_date = crate::results::year_to_date(ind, &results.periods, period);
            // Targets are annual: judge the year so far where there is a figure for it.
            let ok = crate::results::met(ind, &year_to_date)
                .or_else(|| crate::results::met(ind, &value));
            if let Some(m) = ok {
                measured += 1;
                met += usize::from(m);
            }
            let sign = match ind.direction {
                Direction::AtLeast => "≥",
                Direction::AtMost => "≤",
            };
            IndicatorRow {
                id: ind.id.clone(),
                name: ind.name.clone(),
                unit: ind.unit.clone(),
                target: format!("{sign} {}", number(ind.target)),
                year_to_date_display: match year_to_date.value {
                    Value::Number(_) if ind.unit == "%" => format!("{}\u{a0}%", year_to_date.text),
                    Value::Number(_) => format!("{} {}", year_to_date.text, ind.unit),
                    _ => year_to_date.text.clone(),
                },
                year_to_date,
                met: ok,
                met_word: met_text(ok),
                change: crate::results::change(ind, &results.periods, period).map(|c| {
                    if c > 0.0 {
                        format!("+{}", number(c))
                    } else if c < 0.0 {
                        format!("−{}", number(-c))
                    } else {
                        "0".into()
                    }
                }),
                area: ind.area.clone(),
                responsible: ind.responsible.clone(),
                chart: chart(ind, year, period),
                value,
            }
        })
        .collect();
    (rows, met, measured)
}

/// Biểu 06 as printed: a line per lĩnh vực and the totals line.
fn form06_lines(period: &Period) -> (Vec<Form06Line>, Option<Form06Line>) {
    if period.form06.is_empty() {
        (Vec::new(), None)
    } else {
        let line = |r: &crate::results::Form06Row| Form06Line {
            area: r.area.clone(),
            cells: [
                r.received(),
                r.online,
                r.direct,
                r.carried,
                r.resolved(),
                r.early,
                r.on_time,
                r.late,
                r.pending(),
                r.pending_on_time,
                r.pending_late,
            ]
            .map(|n| vn::integer(n as i64)),
        };
        let total = crate::results::Form06Row::total(&period.form06);
        (period.form06.iter().map(line).collect(), Some(line(&total)))
    }
}

/// The kế hoạch the period reports on (`ke_hoach`, checked to exist when loading).
fn plan_of<'a>(period: &Period, documents: &'a [Document]) -> Option<&'a Document> {
    period.plan.as_ref().and_then(|slug| {
        documents
            .iter()
            .find(|d| &d.slug == slug && d.kind == Kind::Plan)
    })
}

/// Each task of the plan the period names, with its status in the period.
fn task_rows(period: &Period, documents: &[Document]) -> Vec<TaskRow> {
    let plan = plan_of(period, documents);
    let mut tasks = Vec::new();
    if let Some(plan) = plan {
        for table in plan.appendices.iter().filter_map(|a| a.assignments()) {
            for (area_index, area) in table.areas.iter().enumerate() {
                for row in area.rows.iter().filter(|r| !r.header_only) {
                    let entry = period.tasks.get(&row.code);
                    let status = entry.map_or(TaskStatus::InProgress, |t| t.status);
                    let due = row.deadline.as_ref().and_then(|d| d.due);
                    let late = entry.is_some() && crate::results::is_late(status, due, period.to);
                    tasks.push(TaskRow {
                        code: row.code.clone(),
                        criterion: row.criterion.clone(),
                        area: format!("{}. {}", area.numeral, area.name),
                        lead: row.lead.clone().unwrap_or_default(),
                        staff: row.staff.iter().map(|s| s.text.clone()).collect(),
                        deadline: row
                            .deadline
                            .as_ref()
                            .map(|d| d.text.clone())
                            .unwrap_or_default(),
                        status: if entry.is_some() {
                            status_text(status, late)
                        } else {
                            NOT_REPORTED
                        },
                        done: entry.is_some() && status == TaskStatus::Done,
                        groups: Groups {
                            area: area_index,
                            staff: row
                                .staff
                                .iter()
                                .map(|s| s.id.clone().unwrap_or_else(|| s.text.clone()))
                                .collect(),
                        },
                        late,
                        note: entry.and_then(|t| t.note.clone()).unwrap_or_default(),
                        evidence: entry.and_then(|t| t.evidence.clone()).unwrap_or_default(),
                        evidence_link: entry.and_then(|t| t.evidence.as_deref()).and_then(Link::of),
                    });
                }
            }
        }
    }
    tasks
}

fn span_days(p: &Period) -> i64 {
    p.to.day_number() - p.from.day_number()
}

/// Completion share per group (lĩnh vực, or each official named on a task): `keys` gives
/// each group a task counts in, as (key, printed name); the first printed name is shown.
fn progress(tasks: &[TaskRow], keys: impl Fn(&TaskRow) -> Vec<(String, String)>) -> Vec<Progress> {
    let mut keyed: Vec<String> = Vec::new();
    let mut groups: Vec<Progress> = Vec::new();
    for t in tasks {
        for (k, name) in keys(t) {
            let i = match keyed.iter().position(|g| *g == k) {
                Some(i) => i,
                None => {
                    keyed.push(k);
                    groups.push(Progress {
                        name,
                        done: 0,
                        total: 0,
                        late: 0,
                        share: String::new(),
                    });
                    groups.len() - 1
                }
            };
            let g = &mut groups[i];
            g.total += 1;
            g.done += usize::from(t.done);
            g.late += usize::from(t.late);
        }
    }
    // A group exists because a task counts in it, so its total is never 0.
    for g in &mut groups {
        g.share = vn::decimal(g.done as f64 * 100.0 / g.total as f64, 0);
    }
    groups
}

fn chart(ind: &crate::results::Indicator, year: &[&Period], current: &Period) -> Chart {
    let values: Vec<(String, Option<f64>, bool, String)> = year
        .iter()
        .map(|p| {
            let f = crate::results::value(ind, p);
            let v = match f.value {
                Value::Number(v) => Some(v),
                _ => None,
            };
            (p.label.clone(), v, p.id == current.id, f.text)
        })
        .collect();
    // The vertical scale spans the figures and the target with a margin, so that a change
    // from 99,6 to 99,9 is visible rather than flattened against a zero baseline.
    let known: Vec<f64> = values
        .iter()
        .filter_map(|v| v.1)
        .chain([ind.target])
        .collect();
    let lo = known.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = known.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let pad = if hi > lo {
        (hi - lo) * 0.15
    } else {
        hi.abs().max(1.0) * 0.05
    };
    let (lo, hi) = (lo - pad, hi + pad);
    let y = |v: f64| 100.0 - 100.0 * (v - lo) / (hi - lo);
    let n = values.len().max(1) as f64;
    let points = values
        .iter()
        .enumerate()
        .filter_map(|(i, (label, v, cur, text))| {
            v.map(|v| ChartPoint {
                x: if n <= 1.0 {
                    50.0
                } else {
                    5.0 + 90.0 * i as f64 / (n - 1.0)
                },
                y: y(v),
                label: label.clone(),
                text: text.clone(),
                current: *cur,
            })
        })
        .collect();
    let top = hi;
    let sign = match ind.direction {
        Direction::AtLeast => "≥",
        Direction::AtMost => "≤",
    };
    let description = format!(
        "{}; kế hoạch {sign} {}",
        values
            .iter()
            .map(|(l, _, _, t)| format!("{l}: {t}"))
            .collect::<Vec<_>>()
            .join("; "),
        number(ind.target)
    );
    Chart {
        points,
        target_y: y(ind.target),
        max_text: number(top),
        description,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::results::{Cumulation, Indicator};

    #[test]
    fn evidence_links_are_told_apart_once() {
        assert!(matches!(Link::of("van-ban/kh.pdf"), Some(Link::Site(p)) if p == "van-ban/kh.pdf"));
        assert!(matches!(
            Link::of("https://dichvucong.gov.vn/a.pdf"),
            Some(Link::External(u)) if u == "https://dichvucong.gov.vn/a.pdf"
        ));
        for words in [
            "Biên bản họp ngày 3/3",
            "javascript:alert(1).html",
            "van-ban/../x.html",
            "file:///etc/passwd",
            // An address with a space, a quote or a bracket would break out of its href.
            "https://dichvucong.gov.vn/a b.pdf",
            "https://dichvucong.gov.vn/a\"b.pdf",
            "https://dichvucong.gov.vn/<b",
            "https://dichvucong.gov.vn/b>",
        ] {
            assert!(Link::of(words).is_none(), "{words}");
        }
    }

    fn d(s: &str) -> vn::Date {
        vn::Date::parse(s).unwrap()
    }

    /// A period whose figures are entered directly (`gia_tri`), by indicator id.
    fn period(id: &str, label: &str, from: &str, to: &str, values: &[(&str, f64)]) -> Period {
        Period {
            id: id.into(),
            label: label.into(),
            from: d(from),
            to: d(to),
            counts: BTreeMap::new(),
            values: values.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            form06: vec![],
            plan: None,
            tasks: BTreeMap::new(),
        }
    }

    fn indicator(id: &str, unit: &str, direction: Direction, target: f64) -> Indicator {
        Indicator {
            id: id.into(),
            name: id.into(),
            unit: unit.into(),
            direction,
            target,
            area: None,
            responsible: None,
            formula: None,
            // The year so far is the period's own figure: the rows are checked, not lũy kế.
            cumulation: Cumulation::Latest,
        }
    }

    /// 2026 by quarter, with the half year and the last quarter of 2025 beside it.
    fn results() -> Results {
        Results {
            indicators: vec![
                indicator("dung-han", "%", Direction::AtLeast, 100.0),
                indicator("ky-luat", "người", Direction::AtMost, 0.0),
                indicator("truc-tuyen", "%", Direction::AtLeast, 90.0),
                indicator("chua-nhap", "%", Direction::AtLeast, 90.0),
            ],
            periods: vec![
                period(
                    "2025-q4",
                    "Quý IV/2025",
                    "2025-10-01",
                    "2025-12-31",
                    &[("dung-han", 50.0)],
                ),
                period(
                    "2026-q1",
                    "Quý I/2026",
                    "2026-01-01",
                    "2026-03-31",
                    &[("dung-han", 60.0), ("ky-luat", 2.0), ("truc-tuyen", 95.0)],
                ),
                period(
                    "2026-6t",
                    "6 tháng đầu năm 2026",
                    "2026-01-01",
                    "2026-06-30",
                    &[("dung-han", 70.0)],
                ),
                period(
                    "2026-q2",
                    "Quý II/2026",
                    "2026-04-01",
                    "2026-06-30",
                    &[("dung-han", 80.0), ("ky-luat", 0.0), ("truc-tuyen", 95.0)],
                ),
                period(
                    "2026-q3",
                    "Quý III/2026",
                    "2026-07-01",
                    "2026-09-30",
                    &[("dung-han", 95.0)],
                ),
            ],
            profile: score::Profile::default_profile(),
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn each_target_is_judged_on_its_figure_with_the_change_since_the_last_quarter() {
        let results = results();
        let view = period_view(&results, &results.periods[3], &[]);
        let rows: Vec<_> = view
            .indicators
            .iter()
            .map(|r| {
                (
                    r.target.as_str(),
                    r.year_to_date_display.as_str(),
                    r.met_word,
                    r.change.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("≥ 100", "80\u{a0}%", "Chưa đạt", Some("+20")),
                ("≤ 0", "0 người", "Đạt", Some("−2")),
                ("≥ 90", "95\u{a0}%", "Đạt", Some("0")),
                ("≥ 90", "chưa có số liệu", "", None),
            ]
        );
        // Three targets have a figure; two of them are met.
        assert_eq!((view.met, view.measured), (2, 3));
    }

    #[test]
    fn a_chart_shows_the_quarters_of_the_year_so_far_scaled_to_figures_and_target() {
        let results = results();
        let view = period_view(&results, &results.periods[3], &[]);
        // Quý I and II of 2026: not 2025, not the half year, not the quarter after.
        // Figures 60 and 80, target 100: the scale runs 54 to 106 (15 % of 40 either side).
        let chart = &view.indicators[0].chart;
        let points: Vec<_> = chart
            .points
            .iter()
            .map(|p| (p.label.as_str(), p.x, p.text.as_str(), p.current))
            .collect();
        assert_eq!(
            points,
            [
                ("Quý I/2026", 5.0, "60", false),
                ("Quý II/2026", 95.0, "80", true)
            ]
        );
        assert!(close(chart.points[0].y, 100.0 - 100.0 * 6.0 / 52.0));
        assert!(close(chart.points[1].y, 50.0));
        assert!(close(chart.target_y, 100.0 - 100.0 * 46.0 / 52.0));
        assert_eq!(chart.max_text, "106");
        assert_eq!(
            chart.description,
            "Quý I/2026: 60; Quý II/2026: 80; kế hoạch ≥ 100"
        );
        // At most: figures 2 and 0, target 0, the scale −0,3 to 2,3.
        let chart = &view.indicators[1].chart;
        assert!(close(chart.points[0].y, 100.0 - 100.0 * 2.3 / 2.6));
        assert!(close(chart.target_y, 100.0 - 100.0 * 0.3 / 2.6));
        assert_eq!(chart.max_text, "2,3");
        assert_eq!(
            chart.description,
            "Quý I/2026: 2; Quý II/2026: 0; kế hoạch ≤ 0"
        );
        // No figure: no point, the period still named.
        let chart = &view.indicators[3].chart;
        assert!(chart.points.is_empty());
        assert_eq!(
            chart.description,
            "Quý I/2026: chưa có số liệu; Quý II/2026: chưa có số liệu; kế hoạch ≥ 90"
        );
    }

    #[test]
    fn a_year_of_quarters_cut_off_on_the_14th_charts_every_quarter_of_it() {
        // NĐ 09/2019/NĐ-CP: quý I is 15/12/2025–14/3/2026 and belongs to 2026; the
        // half year 15/12–14/6 is twice as long and is not one of the quarters.
        let q = |id: &str, label: &str, from: &str, to: &str, v: f64| {
            period(id, label, from, to, &[("dung-han", v)])
        };
        let results = Results {
            indicators: vec![indicator("dung-han", "%", Direction::AtLeast, 100.0)],
            periods: vec![
                q("2025-q4", "Quý IV/2025", "2025-09-15", "2025-12-14", 50.0),
                q("2026-q1", "Quý I/2026", "2025-12-15", "2026-03-14", 60.0),
                q("2026-6t", "6 tháng 2026", "2025-12-15", "2026-06-14", 70.0),
                q("2026-q2", "Quý II/2026", "2026-03-15", "2026-06-14", 80.0),
                q("2026-q3", "Quý III/2026", "2026-06-15", "2026-09-14", 90.0),
            ],
            profile: score::Profile::default_profile(),
        };
        let labels = |at: usize| -> Vec<String> {
            let view = period_view(&results, &results.periods[at], &[]);
            let chart = &view.indicators[0].chart;
            chart.points.iter().map(|p| p.label.clone()).collect()
        };
        assert_eq!(labels(3), ["Quý I/2026", "Quý II/2026"]);
        // Three quarters share the width: 5, 50 and 95.
        let view = period_view(&results, &results.periods[4], &[]);
        let xs: Vec<f64> = view.indicators[0]
            .chart
            .points
            .iter()
            .map(|p| p.x)
            .collect();
        assert_eq!(xs, [5.0, 50.0, 95.0]);
        assert_eq!(labels(4), ["Quý I/2026", "Quý II/2026", "Quý III/2026"]);
        assert_eq!(labels(1), ["Quý I/2026"]);
    }

    /// A task of area `area` shared by `staff` (ids, printed as "Name of id").
    fn task(code: &str, area: usize, staff: &[&str], done: bool, late: bool) -> TaskRow {
        TaskRow {
            code: code.into(),
            criterion: String::new(),
            area: format!("Lĩnh vực {area}"),
            lead: String::new(),
            staff: staff.iter().map(|s| format!("Name of {s}")).collect(),
            deadline: String::new(),
            status: "",
            done,
            groups: Groups {
                area,
                staff: staff.iter().map(|s| s.to_string()).collect(),
            },
            late,
            note: String::new(),
            evidence: String::new(),
            evidence_link: None,
        }
    }

    #[test]
    fn progress_counts_each_task_in_every_group_it_belongs_to() {
        let tasks = [
            task("1.1", 0, &["hoa"], true, false),
            task("1.2", 0, &["hoa", "trang"], false, true),
            task("2.1", 1, &["trang"], true, false),
            task("1.3", 0, &["hoa"], false, false),
        ];
        let rows = |p: Vec<Progress>| -> Vec<(String, usize, usize, usize, String)> {
            p.into_iter()
                .map(|g| (g.name, g.done, g.total, g.late, g.share))
                .collect()
        };
        let by_area = progress(&tasks, |t| {
            vec![(t.groups.area.to_string(), t.area.clone())]
        });
        assert_eq!(
            rows(by_area),
            [
                ("Lĩnh vực 0".into(), 1, 3, 1, "33".into()),
                ("Lĩnh vực 1".into(), 1, 1, 0, "100".into()),
            ]
        );
        let by_official = progress(&tasks, |t| {
            t.groups
                .staff
                .iter()
                .cloned()
                .zip(t.staff.iter().cloned())
                .collect()
        });
        assert_eq!(
            rows(by_official),
            [
                ("Name of hoa".into(), 1, 3, 1, "33".into()),
                ("Name of trang".into(), 1, 2, 1, "50".into()),
            ]
        );
    }

    #[test]
    fn form06_is_printed_a_line_per_area_and_a_total() {
        let mut results = results();
        let row = |area: &str, online, carried, early| crate::results::Form06Row {
            area: area.into(),
            online,
            direct: 1000,
            carried,
            early,
            on_time: 5,
            late: 1,
            pending_on_time: 2,
            pending_late: 0,
        };
        // Each row balances as loading requires: nhận = đã + đang giải quyết.
        results.periods[3].form06 =
            vec![row("Hộ tịch", 40, 0, 1032), row("Chứng thực", 60, 4, 1056)];
        let view = period_view(&results, &results.periods[3], &[]);
        let cells: Vec<(&str, Vec<&str>)> = view
            .form06
            .iter()
            .chain(view.form06_total.as_ref())
            .map(|l| {
                (
                    l.area.as_str(),
                    l.cells.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            cells,
            [
                (
                    "Hộ tịch",
                    vec![
                        "1.040", "40", "1.000", "0", "1.038", "1.032", "5", "1", "2", "2", "0"
                    ]
                ),
                (
                    "Chứng thực",
                    vec![
                        "1.064", "60", "1.000", "4", "1.062", "1.056", "5", "1", "2", "2", "0"
                    ]
                ),
                (
                    "Tổng cộng",
                    vec![
                        "2.104", "100", "2.000", "4", "2.100", "2.088", "10", "2", "4", "4", "0"
                    ]
                ),
            ]
        );
        assert!(
            period_view(&results, &results.periods[1], &[])
                .form06_total
                .is_none()
        );
    }

    #[test]
    fn the_tasks_are_those_of_the_plan_the_period_names_done_late_or_unreported() {
        use crate::content::fixtures::{ISSUER, PLAN, check};
        // An older plan first, its task 1.1 another task; the period reports on `kh`.
        let old = PLAN
            .replace("so: 3", "so: 1")
            .replace("ngay: 2026-01-05", "ngay: 2025-01-10")
            .replace("noi_dung: Ban hành kế hoạch", "noi_dung: Việc năm trước");
        let (site, messages) = check(ISSUER, &[("a-cu.yaml", &old), ("kh.yaml", PLAN)]);
        assert!(messages.is_empty(), "{messages:#?}");
        let mut docs = site.expect("loads").documents;
        docs.sort_by(|a, b| a.slug.cmp(&b.slug));
        assert_eq!(docs[0].slug, "a-cu");
        let mut results = results();
        let q3 = &mut results.periods[4];
        q3.plan = Some("kh".into());
        // At 30/09: 1.1 was due on 15/02 and is still in progress, late; 1.2 was due by
        // 30/06 but nobody reported on it, which is not lateness; 1.3 is done.
        for (code, status) in [("1.1", TaskStatus::InProgress), ("1.3", TaskStatus::Done)] {
            q3.tasks.insert(
                code.into(),
                crate::results::Task {
                    status,
                    note: None,
                    evidence: None,
                },
            );
        }
        let view = period_view(&results, &results.periods[4], &docs);
        let rows: Vec<(&str, &str, bool, bool)> = view
            .tasks
            .iter()
            .map(|t| (t.code.as_str(), t.status, t.done, t.late))
            .collect();
        assert_eq!(
            rows,
            [
                ("1.1", "Chậm", false, true),
                ("1.2", "Chưa báo cáo", false, false),
                ("1.3", "Hoàn thành", true, false),
            ]
        );
        assert_eq!(view.tasks[0].criterion, "Ban hành kế hoạch");
        assert_eq!(view.plan.map(|p| p.reference), Some("03/KH-UBND".into()));
        // A period that names no plan has no tasks to show.
        results.periods[4].plan = None;
        assert!(
            period_view(&results, &results.periods[4], &docs)
                .tasks
                .is_empty()
        );
    }

    #[test]
    fn a_lone_figure_on_its_target_sits_in_the_middle_of_its_chart() {
        let results = Results {
            indicators: vec![indicator("dung-han", "%", Direction::AtLeast, 100.0)],
            periods: vec![period(
                "2026-q1",
                "Quý I/2026",
                "2026-01-01",
                "2026-03-31",
                &[("dung-han", 100.0)],
            )],
            profile: score::Profile::default_profile(),
        };
        let view = period_view(&results, &results.periods[0], &[]);
        let chart = &view.indicators[0].chart;
        // 5 % of the figure either side: 95 to 105.
        assert_eq!(chart.points.len(), 1);
        assert!(close(chart.points[0].x, 50.0) && close(chart.points[0].y, 50.0));
        assert!(close(chart.target_y, 50.0));
        assert_eq!(chart.max_text, "105");
    }

    #[test]
    fn the_766_total_adds_the_groups_that_could_be_scored() {
        let mut results = results();
        // 2.1 alone has its counts: 2 of 3 dossiers on time, 66,67 % of 20 points.
        results.periods[3].counts = BTreeMap::from([
            ("ho_so_dung_han".into(), 2.0),
            ("ho_so_tiep_nhan".into(), 3.0),
        ]);
        let view = period_view(&results, &results.periods[3], &[]);
        assert_eq!(view.score_total, Some((13.33, 20.0)));
        // Nothing to score: no total rather than 0 out of 0.
        let view = period_view(&results, &results.periods[1], &[]);
        assert_eq!(view.score_total, None);
    }
}
