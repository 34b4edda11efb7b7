//! Tables: the borderless layout grids (header, signature block) and the ruled data tables
//! of the body and the phụ lục, whose header rows repeat on every page (`w:tblHeader`) as
//! the PDF's do, with the PDF's column widths.

use std::fmt::Write as _;

use super::measure::Metrics;
use super::parts::TABLE_PITCH;
use super::xml::{Align, Look, Para, Tw, inlines, mm, pt};
use crate::model::{AssignmentTable, GroupRow, HeaderGroup, Inline};

/// A table cell: its width, columns spanned, vertical merge, and content (paragraphs).
pub struct Cell {
    pub width: Tw,
    pub span: usize,
    /// `Some(true)` starts a cell spanning rows down, `Some(false)` continues one.
    pub merge: Option<bool>,
    pub middle: bool,
    pub body: String,
}

impl Cell {
    pub fn new(width: Tw, body: String) -> Self {
        Self {
            width,
            span: 1,
            merge: None,
            middle: false,
            body,
        }
    }

    fn xml(&self) -> String {
        let mut s = format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>",
            self.width
        );
        if self.span > 1 {
            let _ = write!(s, "<w:gridSpan w:val=\"{}\"/>", self.span);
        }
        match self.merge {
            Some(true) => s.push_str("<w:vMerge w:val=\"restart\"/>"),
            Some(false) => s.push_str("<w:vMerge/>"),
            None => {}
        }
        if self.middle {
            s.push_str("<w:vAlign w:val=\"center\"/>");
        }
        s.push_str("</w:tcPr>");
        // A cell holds at least one paragraph.
        if self.body.is_empty() {
            s.push_str(&Para::default().with(""));
        } else {
            s.push_str(&self.body);
        }
        s.push_str("</w:tc>");
        s
    }
}

/// A row; a header row repeats at the top of every page the table runs onto.
pub fn row(cells: &[Cell], header: bool, whole: bool) -> String {
    tall_row(cells, header, whole, None)
}

/// A row at least `height` tall.
fn tall_row(cells: &[Cell], header: bool, whole: bool, height: Option<Tw>) -> String {
    let mut s = String::from("<w:tr>");
    if header || whole || height.is_some() {
        s.push_str("<w:trPr>");
        if whole {
            s.push_str("<w:cantSplit/>");
        }
        if let Some(h) = height {
            let _ = write!(s, "<w:trHeight w:val=\"{h}\" w:hRule=\"atLeast\"/>");
        }
        if header {
            s.push_str("<w:tblHeader/>");
        }
        s.push_str("</w:trPr>");
    }
    for c in cells {
        s.push_str(&c.xml());
    }
    s.push_str("</w:tr>");
    s
}

/// A table of `rows` over columns of `widths`: ruled with the PDF's thin black lines and
/// 3 pt insets, or a borderless layout grid.
pub fn table(widths: &[Tw], ruled: bool, rows: &str) -> String {
    let total: Tw = widths.iter().sum();
    let mut s = format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{total}\" w:type=\"dxa\"/><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblBorders>"
    );
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        if ruled {
            let _ = write!(
                s,
                "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
            );
        } else {
            let _ = write!(s, "<w:{side} w:val=\"nil\"/>");
        }
    }
    let (v, h) = if ruled { (pt(3.0), pt(3.0)) } else { (0, 0) };
    let _ = write!(
        s,
        "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"{v}\" w:type=\"dxa\"/>\
<w:left w:w=\"{h}\" w:type=\"dxa\"/><w:bottom w:w=\"{v}\" w:type=\"dxa\"/><w:right w:w=\"{h}\" w:type=\"dxa\"/>\
</w:tblCellMar><w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
    );
    for w in widths {
        let _ = write!(s, "<w:gridCol w:w=\"{w}\"/>");
    }
    s.push_str("</w:tblGrid>");
    s.push_str(rows);
    s.push_str("</w:tbl>");
    s
}

/// A paragraph of table text (12 pt, the style's), aligned as its column.
fn cell_para(align: Align, runs: &str) -> String {
    Para {
        style: Some("TableText"),
        align,
        line: Some(TABLE_PITCH),
        ..Para::default()
    }
    .with(runs)
}

/// A header cell: bold, centred both ways.
fn head(width: Tw, text: &[Inline]) -> Cell {
    Cell {
        middle: true,
        ..Cell::new(
            width,
            cell_para(Align::Center, &inlines(text, Look::default().bold())),
        )
    }
}

fn plain(s: &str) -> Vec<Inline> {
    vec![Inline::Text { text: s.into() }]
}

fn plain_text(xs: &[Inline]) -> String {
    xs.iter()
        .map(|x| match x {
            Inline::Text { text } => text.clone(),
            Inline::Strong { children } | Inline::Emph { children } => plain_text(children),
            Inline::Break => "\n".into(),
        })
        .collect()
}

/// The height a bold 12 pt header text needs in a column `width` wide, wrapped at spaces,
/// insets included.
fn needed(text: &str, width: Tw, m: &Metrics) -> Tw {
    let room = f64::from(width) / 20.0 - 6.0;
    let space = m.width(" ", 12.0, true);
    let (mut lines, mut line) = (1, 0.0);
    for word in text.split_whitespace() {
        let w = m.width(word, 12.0, true);
        if line > 0.0 && line + space + w > room {
            lines += 1;
            line = w;
        } else {
            line += if line > 0.0 { space + w } else { w };
        }
    }
    TABLE_PITCH * lines + pt(6.0)
}

/// A two-row header: when a cell spanning both rows needs more height than the rows'
/// other cells give, the second row is made tall enough to hold it. Word grows the rows
/// itself; LibreOffice clips the spanning cell where the header repeats on a later page.
/// `spanning` and `first` are (text, width) of the spanning cells and the first row's
/// others, `second` the second row's.
fn two_header_rows(
    top: &[Cell],
    bottom: &[Cell],
    texts: [&[(&str, Tw)]; 3],
    m: &Metrics,
) -> String {
    let most = |xs: &[(&str, Tw)]| xs.iter().map(|(t, w)| needed(t, *w, m)).max().unwrap_or(0);
    let [spanning, first, second] = texts.map(most);
    let height = (spanning > first + second).then_some(spanning - first);
    tall_row(top, true, true, None) + &tall_row(bottom, true, true, height)
}

/// Shares `total` among columns: fixed widths first, the rest by fractions.
fn share(total: Tw, fixed: &[Option<Tw>], fr: &[f64]) -> Vec<Tw> {
    let rest = (total - fixed.iter().flatten().sum::<Tw>()).max(0);
    let frs: f64 = fr.iter().sum();
    let mut widths: Vec<Tw> = fixed
        .iter()
        .zip(fr)
        .map(|(f, r)| f.unwrap_or_else(|| (f64::from(rest) * r / frs.max(1e-9)).floor() as Tw))
        .collect();
    // Rounding leftovers to the last fractional column, so the table is exactly full width.
    let gap = total - widths.iter().sum::<Tw>();
    if let Some(i) = fixed.iter().rposition(Option::is_none) {
        widths[i] += gap;
    }
    widths
}

/// Biểu phân công nhiệm vụ: the PDF's columns (sized by their content, else 11 mm, 1.35 fr,
/// 1.75 fr, 27 mm, 28 mm, 1.5 fr) and a two-level header, as `assignment-table` in
/// appendix.typ.
pub fn assignments(t: &AssignmentTable, total: Tw, m: &Metrics) -> String {
    let w = if t.widths.len() == 6 {
        share(total, &[None; 6], &t.widths)
    } else {
        let fixed = [
            Some(mm(11.0)),
            None,
            None,
            Some(mm(27.0)),
            Some(mm(28.0)),
            None,
        ];
        share(total, &fixed, &[0.0, 1.35, 1.75, 0.0, 0.0, 1.5])
    };
    let c = &t.columns;
    let mut top: Vec<Cell> = [&c.stt, &c.criterion, &c.requirement, &c.deadline]
        .iter()
        .zip(&w)
        .map(|(s, &width)| Cell {
            merge: Some(true),
            ..head(width, &plain(s))
        })
        .collect();
    top.push(Cell {
        span: 2,
        ..head(w[4] + w[5], &plain(&c.assignment))
    });
    let mut bottom: Vec<Cell> = w[..4]
        .iter()
        .map(|&width| Cell {
            merge: Some(false),
            ..Cell::new(width, String::new())
        })
        .collect();
    bottom.push(head(w[4], &plain(&c.lead)));
    bottom.push(head(w[5], &plain(&c.staff)));
    let spanning: Vec<(&str, Tw)> = [&c.stt, &c.criterion, &c.requirement, &c.deadline]
        .iter()
        .zip(&w)
        .map(|(s, &x)| (s.as_str(), x))
        .collect();
    let mut rows = two_header_rows(
        &top,
        &bottom,
        [
            &spanning,
            &[(c.assignment.as_str(), w[4] + w[5])],
            &[(c.lead.as_str(), w[4]), (c.staff.as_str(), w[5])],
        ],
        m,
    );
    let text = |s: &str, look: Look, align: Align| cell_para(align, &super::xml::run(s, look));
    let strong = Look::default().bold();
    for area in &t.areas {
        rows.push_str(&row(
            &[
                Cell::new(w[0], text(&area.numeral, strong, Align::Center)),
                Cell {
                    span: 5,
                    ..Cell::new(w[1..].iter().sum(), text(&area.name, strong, Align::Left))
                },
            ],
            false,
            false,
        ));
        for r in &area.rows {
            let criterion = if r.header_only {
                Look::default().italic()
            } else {
                Look::default()
            };
            let staff: Vec<&str> = r.staff.iter().map(|s| s.text.as_str()).collect();
            let cells = [
                (r.code.as_str(), Look::default(), Align::Center),
                (r.criterion.as_str(), criterion, Align::Left),
                (r.requirement.as_str(), Look::default(), Align::Left),
                (
                    r.deadline.as_ref().map_or("", |d| d.text.as_str()),
                    Look::default(),
                    Align::Center,
                ),
                (
                    r.lead.as_deref().unwrap_or(""),
                    Look::default(),
                    Align::Left,
                ),
                (&staff.join("; "), Look::default(), Align::Left),
            ];
            let cells: Vec<Cell> = cells
                .iter()
                .zip(&w)
                .map(|((s, look, align), &width)| Cell::new(width, text(s, *look, *align)))
                .collect();
            rows.push_str(&row(&cells, false, false));
        }
    }
    table(&w, true, &rows)
}

/// What a data table holds: header cells, rows, and the PDF's column hints.
pub struct Data<'a> {
    pub header: Vec<Vec<Inline>>,
    pub rows: Vec<Vec<Vec<Inline>>>,
    pub groups: &'a [HeaderGroup],
    pub numeric: &'a [bool],
    pub widths: &'a [f64],
    pub group_rows: &'a [GroupRow],
}

impl Data<'_> {
    fn is_num(&self, i: usize) -> bool {
        self.numeric.get(i).copied().unwrap_or(false)
    }

    /// The PDF's columns (`data-table` in blocks.typ): the given relative widths, 0 for "as
    /// narrow as the content"; else STT-like columns narrow, number columns one share and
    /// text columns three (one when there are no numbers).
    fn columns(&self, total: Tw, m: &Metrics) -> Vec<Tw> {
        let n = self.header.len();
        let text_share = if self.numeric.iter().any(|&x| x) {
            3.0
        } else {
            1.0
        };
        let auto = self.auto_columns();
        let fr: Vec<f64> = if self.widths.len() == n {
            self.widths.to_vec()
        } else {
            (0..n)
                .map(|i| match (auto[i], self.is_num(i)) {
                    (true, _) => 0.0,
                    (false, true) => 1.0,
                    (false, false) => text_share,
                })
                .collect()
        };
        let fixed: Vec<Option<Tw>> = (0..n)
            .map(|i| (fr[i] == 0.0).then(|| self.natural(i, total, m)))
            .collect();
        share(total, &fixed, &fr)
    }

    /// An "auto" column: its widest cell on one line plus the insets, at most a third of
    /// the table.
    fn natural(&self, i: usize, total: Tw, m: &Metrics) -> Tw {
        let widest = |xs: &[Inline], bold: bool| {
            plain_text(xs)
                .split('\n')
                .map(|l| m.width(l, 12.0, bold))
                .fold(0.0, f64::max)
        };
        let mut w = widest(&self.header[i], true);
        for r in &self.rows {
            if let Some(c) = r.get(i) {
                w = w.max(widest(c, false));
            }
        }
        (pt(w + 7.0)).min(total / 3)
    }

    pub fn xml(&self, total: Tw, m: &Metrics) -> String {
        let w = self.columns(total, m);
        let mut rows = String::new();
        if self.groups.is_empty() {
            let cells: Vec<Cell> = self
                .header
                .iter()
                .zip(&w)
                .map(|(h, &x)| head(x, h))
                .collect();
            rows.push_str(&row(&cells, true, true));
        } else {
            let (mut top, mut bottom, mut i) = (Vec::new(), Vec::new(), 0);
            let (mut spanning, mut first, mut second) = (Vec::new(), Vec::new(), Vec::new());
            let texts: Vec<String> = self.header.iter().map(|h| plain_text(h)).collect();
            for g in self.groups {
                let end = (i + g.span).min(w.len());
                if g.title.is_empty() {
                    spanning.push((texts[i].as_str(), w[i]));
                    top.push(Cell {
                        merge: Some(true),
                        ..head(w[i], &self.header[i])
                    });
                    bottom.push(Cell {
                        merge: Some(false),
                        ..Cell::new(w[i], String::new())
                    });
                } else {
                    first.push((g.title.as_str(), w[i..end].iter().sum()));
                    second.extend((i..end).map(|j| (texts[j].as_str(), w[j])));
                    top.push(Cell {
                        span: end - i,
                        ..head(w[i..end].iter().sum(), &plain(&g.title))
                    });
                    bottom.extend((i..end).map(|j| head(w[j], &self.header[j])));
                }
                i = end;
            }
            rows.push_str(&two_header_rows(
                &top,
                &bottom,
                [&spanning, &first, &second],
                m,
            ));
        }
        let auto = self.auto_columns();
        for (index, r) in self.rows.iter().enumerate() {
            for g in self.group_rows.iter().filter(|g| g.before == index) {
                rows.push_str(&self.group_row(&w, g));
            }
            let cells: Vec<Cell> = r
                .iter()
                .zip(&w)
                .enumerate()
                .map(|(i, (c, &x))| {
                    let align = if self.is_num(i) {
                        Align::Right
                    } else if auto[i] {
                        Align::Center
                    } else {
                        Align::Left
                    };
                    Cell::new(x, cell_para(align, &inlines(c, Look::default())))
                })
                .collect();
            rows.push_str(&row(&cells, false, false));
        }
        for g in self
            .group_rows
            .iter()
            .filter(|g| g.before >= self.rows.len())
        {
            rows.push_str(&self.group_row(&w, g));
        }
        table(&w, true, &rows)
    }

    /// "I. Công tác chỉ đạo": one bold cell across the table, as the PDF prints it.
    fn group_row(&self, w: &[Tw], g: &GroupRow) -> String {
        let body = cell_para(Align::Left, &inlines(&g.text, Look::default().bold()));
        let cell = Cell {
            span: w.len(),
            ..Cell::new(w.iter().sum(), body)
        };
        row(&[cell], false, false)
    }

    /// Which columns are "as narrow as the content" (the PDF's `auto`, centred): a
    /// relative width of 0, or without widths an STT-like header.
    fn auto_columns(&self) -> Vec<bool> {
        let n = self.header.len();
        let sized = self.widths.len() == n;
        (0..n)
            .map(|i| {
                crate::model::autofit::ordinal(&plain_text(&self.header[i]))
                    || (sized && self.widths[i] == 0.0)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_fill_the_width_exactly() {
        let w = share(
            14287,
            &[Some(624), None, None, Some(1531)],
            &[0.0, 1.35, 1.75, 0.0],
        );
        assert_eq!(w.iter().sum::<Tw>(), 14287);
        assert_eq!((w[0], w[3]), (624, 1531));
        assert!((f64::from(w[2]) / f64::from(w[1]) - 1.75 / 1.35).abs() < 0.01);
    }

    #[test]
    fn a_tall_spanning_header_cell_makes_the_second_row_taller() {
        let m = Metrics::new().unwrap();
        let group: &[(&str, Tw)] = &[("Phân công nhiệm vụ", mm(56.0))];
        let below: &[(&str, Tw)] = &[("Cơ quan chủ trì", mm(28.0))];
        let tall = [("Thời gian chậm nhất phải hoàn thành", mm(27.0))];
        let xml = two_header_rows(&[], &[], [&tall, group, below], &m);
        // Four lines of 15.1 pt and the insets, less the first row (one line and its insets).
        assert!(
            xml.contains("<w:trHeight w:val=\"906\" w:hRule=\"atLeast\"/>"),
            "{xml}"
        );
        let short = [("STT", mm(11.0))];
        let xml = two_header_rows(&[], &[], [&short, group, below], &m);
        assert!(!xml.contains("trHeight"), "{xml}");
    }

    #[test]
    fn header_rows_repeat_and_rows_stay_whole() {
        let r = row(&[Cell::new(100, String::new())], true, true);
        assert!(r.starts_with("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc>"));
        assert!(
            r.contains("<w:p>"),
            "an empty cell still holds a paragraph: {r}"
        );
    }
}
