//! The downloads of a period: every table as CSV and JSON, and one Excel workbook.

use serde::Serialize;

use super::period::{PeriodView, number};
use super::words::{TITLES, met_text};

/// A download file: its name and bytes.
pub type File = (String, Vec<u8>);

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

/// The file name of a period's Excel workbook, which the data output writes beside the
/// files of [`downloads`].
pub fn workbook_name(view: &PeriodView) -> String {
    format!("{}.xlsx", view.id)
}

/// The names of every download of a period, in the order the pages list them: the CSV and
/// JSON files, then the workbook.
pub fn names(view: &PeriodView, files: &[File]) -> Vec<String> {
    files
        .iter()
        .map(|(n, _)| n.clone())
        .chain([workbook_name(view)])
        .collect()
}

/// Every table of a period as (file name, bytes), CSV and JSON.
pub fn downloads(view: &PeriodView) -> Vec<File> {
    let mut out = indicators(view);
    if let Some(total) = &view.form06_total {
        out.extend(form06(view, total));
    }
    if !view.tasks.is_empty() {
        out.extend(tasks(view));
    }
    out.extend(score(view));
    out
}

/// chi-tieu.csv and .json.
fn indicators(view: &PeriodView) -> Vec<File> {
    let t = &TITLES;
    let mut files = Vec::new();
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
    files.push((
        "chi-tieu.csv".into(),
        csv(
            &[
                t.code,
                t.indicator,
                t.unit,
                t.target,
                t.value,
                t.formula,
                t.year_to_date,
                t.met,
                t.change,
            ],
            &ind_rows,
        ),
    ));
    files.push(("chi-tieu.json".into(), json(&view.indicators)));
    files
}

/// bieu-06.csv and .json, the totals row last.
fn form06(view: &PeriodView, total: &super::period::Form06Line) -> Vec<File> {
    let t = &TITLES;
    let mut files = Vec::new();
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
    files.push((
        "bieu-06.csv".into(),
        csv(
            &std::iter::once(t.form06_area.to_string())
                .chain(t.form06.iter().flat_map(|g| g.flat()))
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
            &rows,
        ),
    ));
    files.push(("bieu-06.json".into(), json(&view.form06)));
    files
}

/// nhiem-vu.csv and .json.
fn tasks(view: &PeriodView) -> Vec<File> {
    let t = &TITLES;
    let mut files = Vec::new();
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
    files.push((
        "nhiem-vu.csv".into(),
        csv(
            &[
                t.criterion_code,
                t.task,
                t.lead,
                t.staff,
                t.deadline,
                t.status,
                t.note,
                t.evidence,
            ],
            &rows,
        ),
    ));
    files.push(("nhiem-vu.json".into(), json(&view.tasks)));
    files
}

/// diem-766.csv and .json.
fn score(view: &PeriodView) -> Vec<File> {
    let t = &TITLES;
    let mut files = Vec::new();
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
    files.push((
        "diem-766.csv".into(),
        csv(
            &[
                t.score_group,
                t.code,
                t.component,
                t.share,
                t.points,
                t.max,
                t.rule,
            ],
            &score_rows,
        ),
    ));
    files.push(("diem-766.json".into(), json(&view.score)));
    files
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
