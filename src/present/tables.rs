//! The phụ lục tables of a quarterly report, from the same period view as the results page.
//! Their column widths come from their content, as a `bang`'s do ([`crate::model::autofit`]),
//! where the document is composed.

use super::period::{PeriodView, number};
use super::words::{TITLES, met_text};
use crate::model::{HeaderGroup, Table};
use crate::results::{Figure, Value};
use crate::vn;

/// A phụ lục table with its title.
type Titled = (String, Table);

/// The phụ lục tables of the quarterly report (báo cáo), in the order of domain.md §4.3:
/// Biểu 06 when the period has it, the targets, the tasks when a plan is named, the 766
/// self-assessment.
pub fn report_tables(view: &PeriodView) -> Vec<Titled> {
    let mut out = Vec::new();
    if let Some(total) = &view.form06_total {
        out.push(form06(view, total));
    }
    out.push(indicators(view));
    if !view.tasks.is_empty() {
        out.push(tasks(view));
    }
    out.push(score(view));
    out
}

/// Biểu số 06/VPCP/KSTT with its three column groups and the totals row.
fn form06(view: &PeriodView, total: &super::period::Form06Line) -> Titled {
    let t = &TITLES;
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
    (
        format!(
            "BIỂU SỐ 06/VPCP/KSTT: TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH {}",
            vn::upper(&view.label)
        ),
        Table {
            header: [t.number, t.form06_area]
                .into_iter()
                .chain(t.form06.iter().flat_map(|g| g.columns.iter().copied()))
                .map(String::from)
                .collect(),
            // STT and Lĩnh vực stand alone; each group spans its own columns.
            groups: [("", 1), ("", 1)]
                .into_iter()
                .chain(t.form06.iter().map(|g| (g.title, g.columns.len())))
                .map(|(title, span)| HeaderGroup {
                    title: title.into(),
                    span,
                })
                .collect(),
            rows,
            numeric: [false, false].into_iter().chain([true; 11]).collect(),
            // Sized from their content where they are printed.
            widths: Vec::new(),
            group_rows: Vec::new(),
            styled: Vec::new(),
        },
    )
}

fn indicators(view: &PeriodView) -> Titled {
    let t = &TITLES;
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
    (
        format!(
            "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH {}",
            vn::upper(&view.label)
        ),
        Table {
            header: [
                t.number,
                t.indicator,
                t.unit,
                t.target,
                t.value,
                t.year_to_date,
                t.met,
            ]
            .map(String::from)
            .to_vec(),
            groups: Vec::new(),
            rows,
            numeric: vec![false, false, false, true, true, true, false],
            // Sized from their content where they are printed.
            widths: Vec::new(),
            group_rows: Vec::new(),
            styled: Vec::new(),
        },
    )
}

fn tasks(view: &PeriodView) -> Titled {
    let t = &TITLES;
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
    (
        format!(
            "TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH {}",
            vn::upper(&view.label)
        ),
        Table {
            header: [t.number, t.task, t.lead, t.deadline, t.status, t.note]
                .map(String::from)
                .to_vec(),
            groups: Vec::new(),
            rows,
            numeric: vec![false; 6],
            // Sized from their content where they are printed.
            widths: Vec::new(),
            group_rows: Vec::new(),
            styled: Vec::new(),
        },
    )
}

/// The 766 self-assessment: a bold row per group, then its components, then the total.
fn score(view: &PeriodView) -> Titled {
    let t = &TITLES;
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
    (
        // Upper case by hand: the ký hiệu "QĐ-TTg" keeps its lower-case "g".
        format!(
            "TỰ ĐÁNH GIÁ CHẤT LƯỢNG PHỤC VỤ THEO QUYẾT ĐỊNH SỐ 766/QĐ-TTg {}",
            vn::upper(&view.label)
        ),
        Table {
            header: [
                t.number,
                t.group_and_component,
                t.share,
                t.points,
                t.max,
                t.rule,
            ]
            .map(String::from)
            .to_vec(),
            groups: Vec::new(),
            rows,
            numeric: vec![false, false, true, true, true, false],
            // Sized from their content where they are printed.
            widths: Vec::new(),
            group_rows: Vec::new(),
            styled: Vec::new(),
        },
    )
}
