//! The public site around the documents: lists, search index, pages per official, the data
//! page, and the one-file results page for portals that take a single file.

use serde::Serialize;

use crate::model::{Document, Kind, Site};
use crate::results::{TaskStatus, is_late};
use crate::suggest;
use crate::vn::Date;

/// One entry of the documents list and its search index.
#[derive(Debug, Clone, Serialize)]
pub struct Listed {
    pub title: String,
    pub kind: &'static str,
    pub kind_name: &'static str,
    pub year: u16,
    pub date: String,
    pub reference: String,
    pub abstract_text: String,
    pub html: String,
    pub pdf: String,
    /// Lower case without diacritics, "đ" as "d": "cai cach" finds "cải cách".
    pub folded: String,
}

pub fn listing(site: &Site) -> Vec<Listed> {
    site.documents
        .iter()
        .map(|d| {
            let title = match &d.number {
                Some(_) => format!("{} số {}", d.kind.name(), d.reference),
                None => format!("{} (dự thảo)", d.kind.name()),
            };
            let abstract_text = d.subject.clone().unwrap_or_else(|| d.title.clone());
            Listed {
                folded: fold(&format!("{title} {abstract_text} {}", d.date.0.short())),
                title,
                kind: d.kind.code(),
                kind_name: d.kind.name(),
                year: d.date.0.year,
                date: d.date.0.short(),
                reference: d.reference.clone(),
                abstract_text,
                html: d.meta.html_path.clone(),
                pdf: d.meta.pdf_path.clone(),
            }
        })
        .collect()
}

/// The same folding the page's script applies to what is typed.
pub fn fold(s: &str) -> String {
    suggest::fold(s).replace('_', " ")
}

/// A task as its official sees it.
#[derive(Debug, Clone, Serialize)]
pub struct OfficialTask {
    pub code: String,
    pub criterion: String,
    pub requirement: String,
    pub deadline: String,
    pub due: Option<Date>,
    pub plan: String,
    pub plan_html: String,
    pub status: String,
    pub done: bool,
    pub late: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Official {
    pub id: String,
    pub name: String,
    pub title: String,
    pub tasks: Vec<OfficialTask>,
    pub late: usize,
    pub done: usize,
    /// The period whose statuses are shown.
    pub as_of: Option<String>,
}

/// Every official with what the plans ask of them, and where they stand at the latest period.
pub fn officials(site: &Site) -> Vec<Official> {
    let plans: Vec<&Document> = site
        .documents
        .iter()
        .filter(|d| d.kind == Kind::Plan)
        .collect();
    site.issuer
        .staff
        .iter()
        .map(|s| {
            let mut tasks = Vec::new();
            let mut as_of = None;
            for plan in &plans {
                let latest = site.results.as_ref().and_then(|r| {
                    r.periods
                        .iter()
                        .rev()
                        .find(|p| p.plan.as_deref() == Some(plan.slug.as_str()))
                });
                for table in plan.appendices.iter().filter_map(|a| a.assignments()) {
                    for row in table.areas.iter().flat_map(|a| &a.rows) {
                        if row.header_only
                            || !row
                                .staff
                                .iter()
                                .any(|r| r.id.as_deref() == Some(s.id.as_str()))
                        {
                            continue;
                        }
                        let due = row.deadline.as_ref().and_then(|d| d.due);
                        let entry = latest.and_then(|p| p.tasks.get(&row.code));
                        let (status, done, late) = match (latest, entry) {
                            (Some(p), Some(t)) => {
                                as_of = Some(p.label.clone());
                                let late = is_late(t.status, due, p.to);
                                let text = crate::present::words::status_text(t.status, late);
                                (text.to_string(), t.status == TaskStatus::Done, late)
                            }
                            _ => (
                                crate::present::words::NOT_REPORTED.to_string(),
                                false,
                                false,
                            ),
                        };
                        tasks.push(OfficialTask {
                            code: row.code.clone(),
                            criterion: row.criterion.clone(),
                            requirement: row.requirement.clone(),
                            deadline: row
                                .deadline
                                .as_ref()
                                .map(|d| d.text.clone())
                                .unwrap_or_default(),
                            due,
                            plan: format!("Kế hoạch số {}", plan.reference),
                            plan_html: plan.meta.html_path.clone(),
                            status,
                            done,
                            late,
                        });
                    }
                }
            }
            // Soonest deadline first; open-ended tasks ("Thường xuyên") last.
            tasks.sort_by(|a, b| {
                (a.due.is_none(), &a.due, &a.code).cmp(&(b.due.is_none(), &b.due, &b.code))
            });
            Official {
                id: s.id.clone(),
                name: s.name.clone(),
                title: s.title.clone(),
                late: tasks.iter().filter(|t| t.late).count(),
                done: tasks.iter().filter(|t| t.done).count(),
                tasks,
                as_of,
            }
        })
        .collect()
}

/// The index of the period shown as current: the one ending last (the shortest, if a
/// quarter and a half-year end on the same day).
pub fn current_period(results: &crate::results::Results) -> Option<usize> {
    results
        .periods
        .iter()
        .enumerate()
        .max_by_key(|(_, p)| (p.to, std::cmp::Reverse(p.from)))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_lets_plain_letters_find_vietnamese() {
        assert_eq!(fold("Cải cách hành chính Đoàn"), "cai cach hanh chinh doan");
        assert!(fold("Kế hoạch số 05/KH-UBND").contains("ke hoach"));
    }
}
