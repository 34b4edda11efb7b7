//! Stage 3, the present stage: the validated model turned into the views every output reads,
//! each computed once. A document's printed ND30 phrases ([`document`]), a period's tables,
//! charts and status words ([`period`], [`tables`], [`words`]), its downloads
//! ([`downloads`]), the officials' pages and the site index ([`site`]). The PDF, the web
//! pages, the Word twin and the workbooks print these as they are.

use std::borrow::Cow;

use crate::model::{Document, Site};

pub mod document;
pub mod downloads;
pub mod period;
pub mod site;
pub mod tables;
pub mod words;

pub use document::{Blank, ListLine, Phrase, Phrases, Piece, phrases};
pub use downloads::File;
pub use period::PeriodView;
pub use site::Official;
pub use tables::report_tables;

/// What every output reads: the validated site and the views computed from it once.
pub struct Views<'a> {
    pub site: &'a Site,
    /// The documents as printed (a báo cáo with its period's tables), in site order.
    pub documents: Vec<Cow<'a, Document>>,
    /// Each period's view with its download files (name, bytes), in period order.
    pub periods: Vec<(PeriodView, Vec<File>)>,
    /// Index into `periods` of the period shown as current.
    pub current: Option<usize>,
    pub officials: Vec<Official>,
}

impl<'a> Views<'a> {
    pub fn new(site: &'a Site) -> Self {
        let (periods, current) = match &site.results {
            Some(results) => (
                results
                    .periods
                    .iter()
                    .map(|p| {
                        let view = period::period_view(results, p, &site.documents);
                        let files = downloads::downloads(&view);
                        (view, files)
                    })
                    .collect(),
                site::current_period(results),
            ),
            None => (Vec::new(), None),
        };
        let views: Vec<&PeriodView> = periods.iter().map(|(v, _)| v).collect();
        let documents = site
            .documents
            .iter()
            .map(|d| document::document(d, &views))
            .collect();
        Self {
            site,
            documents,
            periods,
            current,
            officials: site::officials(site),
        }
    }

    pub fn current(&self) -> Option<&PeriodView> {
        self.current.and_then(|i| self.periods.get(i)).map(|p| &p.0)
    }
}
