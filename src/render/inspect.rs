//! Reads back a laid-out document: every run of text with its page, position, size and
//! font, and every horizontal rule. The PDF is written from exactly these frames, so tests
//! and `cchc` itself can check ND30 geometry (header alignment, rule lengths, page numbers)
//! without a PDF parser.

use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::text::{FontStyle, FontWeight};
use typst::visualize::{Geometry, Paint};
use typst_layout::PagedDocument;

/// One page's size in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSize {
    pub width: f64,
    pub height: f64,
}

/// A run of text set in one font, size and colour.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// 1-based page index in the file.
    pub page: usize,
    /// Left edge and baseline, in points from the page's top-left corner.
    pub x: f64,
    pub y: f64,
    pub width: f64,
    /// Highest and lowest ink of the glyphs (accents included), in points from the page's
    /// top: the baseline alone hides how far stacked marks rise into the top margin.
    pub top: f64,
    pub bottom: f64,
    pub size: f64,
    pub text: String,
    /// Each glyph's left edge and advance, to measure spaces inside a run (the blank
    /// left in a draft's number and day).
    pub glyphs: Vec<Glyph>,
    pub family: String,
    pub bold: bool,
    pub italic: bool,
    pub black: bool,
}

impl Run {
    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    pub fn center(&self) -> f64 {
        self.x + self.width / 2.0
    }
}

/// One shaped glyph of a run: the text it stands for, its left edge and its advance.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub text: String,
    pub x: f64,
    pub advance: f64,
}

/// A printed line: runs sharing a baseline and close enough to read as one line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub page: usize,
    pub y: f64,
    pub x: f64,
    pub right: f64,
    pub text: String,
    pub runs: Vec<Run>,
}

impl Line {
    pub fn center(&self) -> f64 {
        (self.x + self.right) / 2.0
    }
}

/// A straight horizontal stroke (rules under headers and titles, table borders).
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub page: usize,
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
}

/// A straight vertical stroke (table column borders).
#[derive(Debug, Clone, PartialEq)]
pub struct VRule {
    pub page: usize,
    pub x: f64,
    pub y0: f64,
    pub y1: f64,
}

/// A stroked rectangle (a stamp's frame, such as the độ khẩn box).
#[derive(Debug, Clone, PartialEq)]
pub struct BoxFrame {
    pub page: usize,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

#[derive(Debug, Clone, Default)]
pub struct Inspection {
    pub pages: Vec<PageSize>,
    pub runs: Vec<Run>,
    pub rules: Vec<Rule>,
    pub vrules: Vec<VRule>,
    pub frames: Vec<BoxFrame>,
}

pub fn inspect(doc: &PagedDocument) -> Inspection {
    let mut out = Inspection::default();
    for (i, page) in doc.pages().iter().enumerate() {
        out.pages.push(PageSize {
            width: page.frame.width().to_pt(),
            height: page.frame.height().to_pt(),
        });
        walk(&page.frame, Transform::identity(), i + 1, &mut out);
    }
    out
}

fn walk(frame: &Frame, ts: Transform, page: usize, out: &mut Inspection) {
    for (pos, item) in frame.items() {
        let here = ts.pre_concat(Transform::translate(pos.x, pos.y));
        match item {
            FrameItem::Group(g) => walk(&g.frame, here.pre_concat(g.transform), page, out),
            FrameItem::Text(t) => {
                let origin = Point::zero().transform(here);
                let info = t.font.font().info();
                let bbox = t.bbox();
                let sy = here.sy.get().abs();
                // Spaces have no ink: a run of them has an empty box, kept on the baseline.
                let (a, b) = (bbox.min.y.to_pt(), bbox.max.y.to_pt());
                let (ink_top, ink_bottom) = if a.is_finite() && b.is_finite() {
                    (a.min(b), a.max(b))
                } else {
                    (0.0, 0.0)
                };
                let mut cursor = origin.x.to_pt();
                let glyphs = t
                    .glyphs
                    .iter()
                    .map(|g| {
                        let advance = g.x_advance.at(t.size).to_pt() * here.sx.get();
                        let glyph = Glyph {
                            text: t.text.get(g.range()).unwrap_or_default().to_string(),
                            x: cursor + g.x_offset.at(t.size).to_pt() * here.sx.get(),
                            advance,
                        };
                        cursor += advance;
                        glyph
                    })
                    .collect();
                out.runs.push(Run {
                    page,
                    x: origin.x.to_pt(),
                    y: origin.y.to_pt(),
                    top: origin.y.to_pt() + ink_top * sy,
                    bottom: origin.y.to_pt() + ink_bottom * sy,
                    glyphs,
                    width: visible_width(t) * here.sx.get(),
                    size: t.size.to_pt() * here.sy.get().abs(),
                    text: t.text.to_string(),
                    family: info.family.clone(),
                    bold: info.variant.weight >= FontWeight::SEMIBOLD,
                    italic: info.variant.style != FontStyle::Normal,
                    black: is_black(&t.fill),
                });
            }
            FrameItem::Shape(shape, _) => {
                if let (Geometry::Rect(size), Some(_)) = (&shape.geometry, &shape.stroke) {
                    let a = Point::zero().transform(here);
                    out.frames.push(BoxFrame {
                        page,
                        x: a.x.to_pt(),
                        y: a.y.to_pt(),
                        width: size.x.to_pt(),
                        height: size.y.to_pt(),
                    });
                }
                if let (Geometry::Line(to), Some(_)) = (&shape.geometry, &shape.stroke) {
                    let a = Point::zero().transform(here);
                    let b = Point::new(to.x, to.y).transform(here);
                    if (a.y - b.y).abs() < Abs::pt(0.01) && (a.x - b.x).abs() > Abs::pt(0.5) {
                        out.rules.push(Rule {
                            page,
                            x0: a.x.min(b.x).to_pt(),
                            x1: a.x.max(b.x).to_pt(),
                            y: a.y.to_pt(),
                        });
                    }
                    if (a.x - b.x).abs() < Abs::pt(0.01) && (a.y - b.y).abs() > Abs::pt(0.5) {
                        out.vrules.push(VRule {
                            page,
                            x: a.x.to_pt(),
                            y0: a.y.min(b.y).to_pt(),
                            y1: a.y.max(b.y).to_pt(),
                        });
                    }
                }
            }
            _ => {}
        }
    }
}

/// Width without trailing spaces: a justified line's last space hangs into the margin but
/// prints nothing (PDF text extractors leave it out too).
fn visible_width(t: &typst::text::TextItem) -> f64 {
    let trailing: f64 = t
        .glyphs
        .iter()
        .rev()
        .take_while(|g| {
            t.text
                .get(g.range())
                .is_some_and(|s| s.chars().all(char::is_whitespace))
        })
        .map(|g| g.x_advance.at(t.size).to_pt())
        .sum();
    t.width().to_pt() - trailing
}

fn is_black(paint: &Paint) -> bool {
    match paint {
        Paint::Solid(c) => {
            let rgb = c.to_rgb();
            rgb.red.max(rgb.green).max(rgb.blue) < 0.01
        }
        _ => false,
    }
}

impl Inspection {
    /// Text lines in reading order: by page, baseline, then left to right. Runs on the same
    /// baseline separated by more than `gap` points start a new line (separate columns).
    pub fn lines(&self, gap: f64) -> Vec<Line> {
        let mut runs = self.runs.clone();
        runs.sort_by(|a, b| {
            (a.page, a.y, a.x)
                .partial_cmp(&(b.page, b.y, b.x))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let mut lines: Vec<Line> = Vec::new();
        for r in runs {
            if let Some(l) = lines.last_mut()
                && l.page == r.page
                && (l.y - r.y).abs() < 1.0
                && r.x - l.right < gap
            {
                if r.x - l.right > 0.5 * r.size * 0.2
                    && !l.text.ends_with(' ')
                    && !r.text.starts_with(' ')
                {
                    l.text.push(' ');
                }
                l.text.push_str(&r.text);
                l.right = l.right.max(r.right());
                l.runs.push(r);
                continue;
            }
            lines.push(Line {
                page: r.page,
                y: r.y,
                x: r.x,
                right: r.right(),
                text: r.text.clone(),
                runs: vec![r],
            });
        }
        for l in &mut lines {
            l.text = l.text.split_whitespace().collect::<Vec<_>>().join(" ");
        }
        lines
    }

    /// All text of one page, line by line.
    pub fn page_text(&self, page: usize) -> String {
        self.lines(12.0)
            .into_iter()
            .filter(|l| l.page == page)
            .map(|l| l.text)
            .collect::<Vec<_>>()
            .join("\n")
    }
}
