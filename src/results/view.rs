//! What the results page and the quarterly report show for one period, computed once and
//! handed to the theme, plus the CSV/JSON downloads of every table.

use serde::Serialize;

use super::{Direction, Figure, Period, Results, TaskStatus, Value, score};
use crate::model::{Document, Kind};
use crate::vn::{self, Date};

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

/// Whether a target is met, as every output prints it (web page, CSV, the report's table).
pub fn met_text(met: Option<bool>) -> &'static str {
    match met {
        Some(true) => "Đạt",
        Some(false) => "Chưa đạt",
        None => "",
    }
}

/// A task with no status in the period's file.
pub const NOT_REPORTED: &str = "Chưa báo cáo";

/// Tình trạng as printed: lateness overrides "đang thực hiện" and "chưa đến hạn".
pub fn status_text(s: TaskStatus, late: bool) -> &'static str {
    match (s, late) {
        (TaskStatus::Done, _) => "Hoàn thành",
        (TaskStatus::NotDone, _) => "Không thực hiện",
        (_, true) => "Chậm",
        (TaskStatus::InProgress, false) => "Đang thực hiện",
        (TaskStatus::NotDue, false) => "Chưa đến hạn",
    }
}

fn number(x: f64) -> String {
    vn::decimal(x, 2)
}

/// Everything shown for `period`.
pub fn period_view(results: &Results, period: &Period, documents: &[Document]) -> PeriodView {
    let year: Vec<&Period> = results
        .periods
        .iter()
        // Periods of the same length as this one (quarters with quarters), within a week.
        .filter(|p| {
            p.from.year == period.to.year
                && p.to <= period.to
                && span_days(p) <= span_days(period) + 7
        })
        .collect();
    let mut met = 0;
    let mut measured = 0;
    let indicators = results
        .indicators
        .iter()
        .map(|ind| {
            let value = super::value(ind, period);
            let year_to_date = super::year_to_date(ind, &results.periods, period);
            // Targets are annual: judge the year so far where there is a figure for it.
            let ok = super::met(ind, &year_to_date).or_else(|| super::met(ind, &value));
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
                change: super::change(ind, &results.periods, period).map(|c| {
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
                chart: chart(ind, &year, period),
                value,
            }
        })
        .collect();

    let (form06, form06_total) = if period.form06.is_empty() {
        (Vec::new(), None)
    } else {
        let line = |r: &super::Form06Row| Form06Line {
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
        let total = super::Form06Row::total(&period.form06);
        (period.form06.iter().map(line).collect(), Some(line(&total)))
    };
    let score = score::period(&results.profile, period);
    let scored: Vec<&score::GroupScore> = score.iter().filter(|g| g.max > 0.0).collect();
    let score_total = (!scored.is_empty()).then(|| {
        (
            (scored.iter().map(|g| g.points).sum::<f64>() * 100.0).round() / 100.0,
            scored.iter().map(|g| g.max).sum::<f64>(),
        )
    });

    let plan = period.plan.as_ref().and_then(|slug| {
        documents
            .iter()
            .find(|d| &d.slug == slug && d.kind == Kind::Plan)
    });
    let mut tasks = Vec::new();
    if let Some(plan) = plan {
        for table in plan.appendices.iter().filter_map(|a| a.assignments()) {
            for area in &table.areas {
                for row in area.rows.iter().filter(|r| !r.header_only) {
                    let entry = period.tasks.get(&row.code);
                    let status = entry.map_or(TaskStatus::InProgress, |t| t.status);
                    let due = row.deadline.as_ref().and_then(|d| d.due);
                    let late = entry.is_some() && super::is_late(status, due, period.to);
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
                        late,
                        note: entry.and_then(|t| t.note.clone()).unwrap_or_default(),
                        evidence: entry.and_then(|t| t.evidence.clone()).unwrap_or_default(),
                        evidence_link: entry.and_then(|t| t.evidence.as_deref()).and_then(Link::of),
                    });
                }
            }
        }
    }
    let late = tasks.iter().filter(|t| t.late).cloned().collect();
    let by_area = progress(&tasks, |t| vec![t.area.clone()]);
    let by_official = progress(&tasks, |t| t.staff.clone());
    PeriodView {
        id: period.id.clone(),
        one_file: format!("{}{}.html", period.id, super::ONE_FILE_SUFFIX),
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
        plan: plan.map(|p| PlanRef {
            reference: p.reference.clone(),
            html_path: p.meta.html_path.clone(),
        }),
    }
}

fn span_days(p: &Period) -> i64 {
    let days = |d: &Date| {
        i64::from(d.year) * 372 + i64::from(d.month) * 31 + i64::from(d.day.unwrap_or(1))
    };
    days(&p.to) - days(&p.from)
}

/// Completion share per group (lĩnh vực, or each official named on a task).
fn progress(tasks: &[TaskRow], keys: impl Fn(&TaskRow) -> Vec<String>) -> Vec<Progress> {
    let mut groups: Vec<Progress> = Vec::new();
    for t in tasks {
        for k in keys(t) {
            let i = match groups.iter().position(|g| g.name == k) {
                Some(i) => i,
                None => {
                    groups.push(Progress {
                        name: k,
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
    for g in &mut groups {
        g.share = if g.total == 0 {
            "không phát sinh".into()
        } else {
            vn::decimal(g.done as f64 * 100.0 / g.total as f64, 0)
        };
    }
    groups
}

fn chart(ind: &super::Indicator, year: &[&Period], current: &Period) -> Chart {
    let values: Vec<(String, Option<f64>, bool, String)> = year
        .iter()
        .map(|p| {
            let f = super::value(ind, p);
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

/// A CSV file as Excel opens it with Vietnamese letters intact: UTF-8 with a BOM, CRLF.
pub fn csv(header: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let field = |s: &str| {
        // A cell that Excel or Calc would run as a formula ("=HYPERLINK(…)", "@SUM(…)")
        // is kept as text with a leading apostrophe; signed numbers stay numbers.
        let number = s
            .trim_start_matches(['+', '-'])
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '%'))
            && s.chars().any(|c| c.is_ascii_digit());
        let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !number;
        let s = if formula {
            format!("'{s}")
        } else {
            s.to_string()
        };
        let s = s.as_str();
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let mut out = String::from("\u{feff}");
    for row in std::iter::once(header.iter().map(|s| s.to_string()).collect::<Vec<_>>())
        .chain(rows.iter().cloned())
    {
        out.push_str(&row.iter().map(|c| field(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// Every table of a period as (file name, bytes): CSV and JSON, and one Excel workbook.
pub fn downloads(view: &PeriodView) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let ind_rows: Vec<Vec<String>> = view
        .indicators
        .iter()
        .map(|r| {
            vec![
                r.id.clone(),
                r.name.clone(),
                r.unit.clone(),
                r.target.clone(),
                r.value.text.clone(),
                r.value.formula.clone().unwrap_or_default(),
                r.year_to_date.text.clone(),
                met_text(r.met).into(),
                r.change.clone().unwrap_or_default(),
            ]
        })
        .collect();
    out.push((
        "chi-tieu.csv".into(),
        csv(
            &[
                "Mã",
                "Chỉ tiêu",
                "Đơn vị",
                "Kế hoạch",
                "Thực hiện kỳ",
                "Công thức",
                "Lũy kế",
                "Đánh giá (theo lũy kế)",
                "So với kỳ trước",
            ],
            &ind_rows,
        ),
    ));
    out.push(("chi-tieu.json".into(), json(&view.indicators)));
    if let Some(total) = &view.form06_total {
        let rows: Vec<Vec<String>> = view
            .form06
            .iter()
            .chain([total])
            .map(|l| {
                std::iter::once(l.area.clone())
                    .chain(l.cells.iter().cloned())
                    .collect()
            })
            .collect();
        out.push((
            "bieu-06.csv".into(),
            csv(
                &[
                    "Lĩnh vực",
                    "Nhận: tổng số",
                    "Trực tuyến",
                    "Trực tiếp, bưu chính",
                    "Từ kỳ trước",
                    "Đã giải quyết: tổng số",
                    "Trước hạn",
                    "Đúng hạn",
                    "Quá hạn",
                    "Đang giải quyết: tổng số",
                    "Trong hạn",
                    "Quá hạn (đang giải quyết)",
                ],
                &rows,
            ),
        ));
        out.push(("bieu-06.json".into(), json(&view.form06)));
    }
    if !view.tasks.is_empty() {
        let rows: Vec<Vec<String>> = view
            .tasks
            .iter()
            .map(|t| {
                vec![
                    t.code.clone(),
                    t.criterion.clone(),
                    t.lead.clone(),
                    t.staff.join("; "),
                    t.deadline.clone(),
                    t.status.into(),
                    t.note.clone(),
                    t.evidence.clone(),
                ]
            })
            .collect();
        out.push((
            "nhiem-vu.csv".into(),
            csv(
                &[
                    "Mã tiêu chí",
                    "Nhiệm vụ",
                    "Chủ trì",
                    "Tham mưu",
                    "Thời hạn",
                    "Tình trạng",
                    "Ghi chú",
                    "Minh chứng",
                ],
                &rows,
            ),
        ));
        out.push(("nhiem-vu.json".into(), json(&view.tasks)));
    }
    let score_rows: Vec<Vec<String>> = view
        .score
        .iter()
        .flat_map(|g| {
            g.components.iter().map(move |c| {
                vec![
                    g.name.clone(),
                    c.code.clone(),
                    c.name.clone(),
                    c.ratio.text.clone(),
                    c.points.map(number).unwrap_or_default(),
                    number(c.max),
                    c.rule.clone(),
                ]
            })
        })
        .collect();
    out.push((
        "diem-766.csv".into(),
        csv(
            &[
                "Nhóm",
                "Mã",
                "Thành phần",
                "Tỷ lệ (%)",
                "Điểm",
                "Tối đa",
                "Cách tính",
            ],
            &score_rows,
        ),
    ));
    out.push(("diem-766.json".into(), json(&view.score)));
    // Only a cell over Excel's limits could fail, and the writer clips those.
    out.extend(crate::render::xlsx::workbook(view).ok());
    out
}

/// The phụ lục tables of the quarterly report (báo cáo), in the order of domain.md §4.3.
pub fn report_tables(view: &PeriodView) -> Vec<(String, crate::model::Table)> {
    use crate::model::{HeaderGroup, Table};
    let group = |title: &str, span: usize| HeaderGroup {
        title: title.into(),
        span,
    };
    let mut out = Vec::new();
    if let Some(total) = &view.form06_total {
        let mut rows: Vec<Vec<String>> = view
            .form06
            .iter()
            .enumerate()
            .map(|(i, l)| {
                [(i + 1).to_string(), l.area.clone()]
                    .into_iter()
                    .chain(l.cells.iter().cloned())
                    .collect()
            })
            .collect();
        rows.push(
            [String::new(), total.area.clone()]
                .into_iter()
                .chain(total.cells.iter().cloned())
                .collect(),
        );
        out.push((
            format!(
                "BIỂU SỐ 06/VPCP/KSTT: TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH {}",
                vn::upper(&view.label)
            ),
            Table {
                header: [
                    "STT",
                    "Lĩnh vực",
                    "Tổng số",
                    "Trực tuyến",
                    "Trực tiếp, dịch vụ bưu chính",
                    "Từ kỳ trước",
                    "Tổng số",
                    "Trước hạn",
                    "Đúng hạn",
                    "Quá hạn",
                    "Tổng số",
                    "Trong hạn",
                    "Quá hạn",
                ]
                .map(String::from)
                .to_vec(),
                groups: vec![
                    group("", 1),
                    group("", 1),
                    group("Số hồ sơ nhận giải quyết", 4),
                    group("Số hồ sơ đã giải quyết", 4),
                    group("Số hồ sơ đang giải quyết", 3),
                ],
                rows,
                numeric: [false, false].into_iter().chain([true; 11]).collect(),
                widths: [0.0, 3.0].into_iter().chain([1.0; 11]).collect(),
            },
        ));
    }
    let rows: Vec<Vec<String>> = view
        .indicators
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let with_formula = |f: &Figure| match &f.formula {
                Some(formula) if matches!(f.value, Value::Number(_)) => {
                    format!("{} ({formula})", f.text)
                }
                _ => f.text.clone(),
            };
            vec![
                (i + 1).to_string(),
                r.name.clone(),
                r.unit.clone(),
                r.target.clone(),
                with_formula(&r.value),
                with_formula(&r.year_to_date),
                match r.met {
                    None => "–".into(),
                    met => met_text(met).into(),
                },
            ]
        })
        .collect();
    out.push((
        format!(
            "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH {}",
            vn::upper(&view.label)
        ),
        Table {
            header: [
                "STT",
                "Chỉ tiêu",
                "Đơn vị",
                "Kế hoạch",
                "Thực hiện trong kỳ",
                "Lũy kế",
                "Đánh giá (theo lũy kế)",
            ]
            .map(String::from)
            .to_vec(),
            groups: Vec::new(),
            rows,
            numeric: vec![false, false, false, true, true, true, false],
            widths: vec![0.0, 4.0, 0.0, 0.0, 2.0, 2.0, 0.0],
        },
    ));
    if !view.tasks.is_empty() {
        let rows = view
            .tasks
            .iter()
            .map(|t| {
                vec![
                    t.code.clone(),
                    t.criterion.clone(),
                    t.lead.clone(),
                    t.deadline.clone(),
                    t.status.to_string(),
                    t.note.clone(),
                ]
            })
            .collect();
        out.push((
            format!(
                "TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH {}",
                vn::upper(&view.label)
            ),
            Table {
                header: [
                    "STT",
                    "Nhiệm vụ",
                    "Chủ trì",
                    "Thời hạn",
                    "Tình trạng",
                    "Ghi chú",
                ]
                .map(String::from)
                .to_vec(),
                groups: Vec::new(),
                rows,
                numeric: vec![false; 6],
                widths: vec![0.0, 4.0, 2.0, 1.5, 1.2, 3.0],
            },
        ));
    }
    let mut rows: Vec<Vec<String>> = view
        .score
        .iter()
        .flat_map(|g| {
            std::iter::once(vec![
                g.code.clone(),
                g.name.to_uppercase(),
                String::new(),
                if g.max > 0.0 {
                    number(g.points)
                } else {
                    "–".into()
                },
                number(g.max),
                String::new(),
            ])
            .chain(g.components.iter().map(|c| {
                vec![
                    c.code.clone(),
                    c.name.clone(),
                    c.ratio.text.clone(),
                    c.points.map(number).unwrap_or_else(|| "–".into()),
                    number(c.max),
                    c.rule.clone(),
                ]
            }))
        })
        .collect();
    if let Some((points, max)) = view.score_total {
        rows.push(vec![
            String::new(),
            "TỔNG CỘNG (các thành phần có số liệu)".into(),
            String::new(),
            number(points),
            number(max),
            String::new(),
        ]);
    }
    out.push((
        // Upper case by hand: the ký hiệu "QĐ-TTg" keeps its lower-case "g".
        format!(
            "TỰ ĐÁNH GIÁ CHẤT LƯỢNG PHỤC VỤ THEO QUYẾT ĐỊNH SỐ 766/QĐ-TTg {}",
            vn::upper(&view.label)
        ),
        Table {
            header: [
                "STT",
                "Nhóm, thành phần",
                "Tỷ lệ (%)",
                "Điểm",
                "Tối đa",
                "Cách tính",
            ]
            .map(String::from)
            .to_vec(),
            groups: Vec::new(),
            rows,
            numeric: vec![false, false, true, true, true, false],
            widths: vec![0.0, 4.0, 0.0, 0.0, 0.0, 3.0],
        },
    ));
    out
}

fn json<T: Serialize>(v: &T) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(v).unwrap_or_default();
    out.push(b'\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
        ] {
            assert!(Link::of(words).is_none(), "{words}");
        }
    }

    #[test]
    fn csv_cells_never_run_as_formulas() {
        let bytes = csv(
            &["a"],
            &[
                vec!["=HYPERLINK(\"http://x\")".into()],
                vec!["@SUM(A1)".into()],
                vec!["+1+1".into()],
                vec!["-2,5".into()],
                vec!["+3".into()],
                vec!["- gạch đầu dòng".into()],
            ],
        );
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(
            text,
            "\u{feff}a\r\n\"'=HYPERLINK(\"\"http://x\"\")\"\r\n'@SUM(A1)\r\n'+1+1\r\n\"-2,5\"\r\n+3\r\n'- gạch đầu dòng\r\n"
        );
    }

    #[test]
    fn csv_has_a_bom_quotes_and_crlf() {
        let bytes = csv(
            &["Chỉ tiêu", "Thực hiện"],
            &[vec!["Hồ sơ \"đúng hạn\"".into(), "99,58".into()]],
        );
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(
            text,
            "\u{feff}Chỉ tiêu,Thực hiện\r\n\"Hồ sơ \"\"đúng hạn\"\"\",\"99,58\"\r\n"
        );
    }
}
