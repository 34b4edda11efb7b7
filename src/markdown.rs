//! Markdown bodies, parsed once into a small tree that both renderers walk.
//!
//! Headings map to the ND30 levels of a kế hoạch/báo cáo (Phụ lục I, IV.3(b)):
//! `#` → mục "I. TITLE", `##` → khoản "1. Title" (bold), `###` → điểm "a) Title".
//! Ordered list items are khoản without a title and share the khoản counter with `##`;
//! "-" items print a literal dash, nested ones a plus. Raw HTML is kept as plain text:
//! nothing the user writes is ever interpreted as markup by a renderer.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::model::{Body, Section};
use crate::vn;

/// A block of body text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// Khoản or điểm heading (level 2 or 3), printed bold: "1. Mục đích".
    Heading {
        level: u8,
        label: String,
        text: Vec<Inline>,
    },
    /// A paragraph, with the marker printed before it ("-", "+", "1.", "a)") if any.
    Para {
        marker: Option<String>,
        text: Vec<Inline>,
    },
}

/// Text inside a block.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Inline {
    Text { text: String },
    Strong { children: Vec<Inline> },
    Emph { children: Vec<Inline> },
    Break,
}

/// The closing mark of every ND30 body.
pub const CLOSING: &str = "./.";

/// Parses a document body and appends the closing "./." to its last paragraph.
pub fn body(src: &str) -> Body {
    let mut b = Builder::default();
    for event in Parser::new_ext(src, Options::empty()) {
        b.event(event);
    }
    b.flush_para();
    let mut body = Body {
        opening: b.opening,
        sections: b.sections,
    };
    close(&mut body);
    body
}

/// Plain text of inlines, for titles and metadata.
pub fn plain(inlines: &[Inline]) -> String {
    let mut out = String::new();
    fn walk(xs: &[Inline], out: &mut String) {
        for x in xs {
            match x {
                Inline::Text { text } => out.push_str(text),
                Inline::Strong { children } | Inline::Emph { children } => walk(children, out),
                Inline::Break => out.push(' '),
            }
        }
    }
    walk(inlines, &mut out);
    out
}

fn close(body: &mut Body) {
    let last = body
        .sections
        .iter_mut()
        .rev()
        .flat_map(|s| s.blocks.iter_mut().rev())
        .chain(body.opening.iter_mut().rev())
        .find_map(|b| match b {
            Block::Para { text, .. } => Some(text),
            Block::Heading { .. } => None,
        });
    match last {
        Some(text) => {
            let last = plain(text);
            let last = last.trim_end();
            // "… quy định." and "… quy định" both end as "… quy định./.".
            let tail = if last.ends_with(CLOSING) {
                ""
            } else if last.ends_with('.') {
                "/."
            } else {
                CLOSING
            };
            if !tail.is_empty() {
                text.push(Inline::Text { text: tail.into() });
            }
        }
        None => {
            let para = Block::Para {
                marker: None,
                text: vec![Inline::Text {
                    text: CLOSING.into(),
                }],
            };
            match body.sections.last_mut() {
                Some(s) => s.blocks.push(para),
                None => body.opening.push(para),
            }
        }
    }
}

#[derive(Default)]
struct Builder {
    opening: Vec<Block>,
    sections: Vec<Section>,
    /// Khoản counter, shared by `##` and ordered list items, reset per section.
    clause: u32,
    /// Điểm counter, reset per khoản.
    point: u32,
    /// Open lists: `Some(next number)` for ordered, `None` for bullets.
    lists: Vec<Option<()>>,
    /// Marker waiting for the first paragraph of the current list item.
    pending_marker: Option<String>,
    /// Inline stack: the open containers' children.
    stack: Vec<Vec<Inline>>,
    /// Kind of the block being collected.
    current: Option<Open>,
}

enum Open {
    Heading(u8),
    Para,
}

impl Builder {
    fn push_block(&mut self, block: Block) {
        match self.sections.last_mut() {
            Some(s) => s.blocks.push(block),
            None => self.opening.push(block),
        }
    }

    fn push_inline(&mut self, inline: Inline) {
        if self.current.is_none() {
            // Text outside a paragraph (e.g. a tight list item) starts one.
            self.current = Some(Open::Para);
            self.stack = vec![Vec::new()];
        }
        if let Some(top) = self.stack.last_mut() {
            // Merge adjacent text so "a&b" stays one run.
            if let (Inline::Text { text: new }, Some(Inline::Text { text })) =
                (&inline, top.last_mut())
            {
                text.push_str(new);
                return;
            }
            top.push(inline);
        }
    }

    fn text(&mut self, s: &str) {
        self.push_inline(Inline::Text {
            text: s.to_string(),
        });
    }

    fn flush_para(&mut self) {
        if let Some(Open::Para) = self.current {
            let text = self.take_inlines();
            if !text.is_empty() {
                let marker = self.pending_marker.take();
                self.push_block(Block::Para { marker, text });
            }
            self.current = None;
        }
    }

    fn take_inlines(&mut self) -> Vec<Inline> {
        let mut all = std::mem::take(&mut self.stack);
        // Unclosed containers cannot happen with pulldown-cmark's balanced events;
        // fold any leftovers into the root to be safe.
        while all.len() > 1 {
            let inner = all.pop().unwrap_or_default();
            if let Some(parent) = all.last_mut() {
                parent.extend(inner);
            }
        }
        let mut text = all.pop().unwrap_or_default();
        trim_inlines(&mut text);
        text
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                self.flush_para();
                let level = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    _ => 3,
                };
                self.current = Some(Open::Heading(level));
                self.stack = vec![Vec::new()];
            }
            Event::End(TagEnd::Heading(_)) => {
                let text = self.take_inlines();
                let level = match self.current.take() {
                    Some(Open::Heading(l)) => l,
                    _ => 3,
                };
                match level {
                    1 => {
                        let label = format!("{}.", vn::roman(self.sections.len() as u32 + 1));
                        let title = vn::upper(plain(&text).trim());
                        self.sections.push(Section {
                            label,
                            title,
                            blocks: Vec::new(),
                        });
                        self.clause = 0;
                        self.point = 0;
                    }
                    2 => {
                        self.clause += 1;
                        self.point = 0;
                        let label = format!("{}.", self.clause);
                        self.push_block(Block::Heading { level, label, text });
                    }
                    _ => {
                        self.point += 1;
                        let label = format!("{})", vn::point_letter(self.point));
                        self.push_block(Block::Heading { level, label, text });
                    }
                }
            }
            Event::Start(Tag::Paragraph) => {
                self.flush_para();
                self.current = Some(Open::Para);
                self.stack = vec![Vec::new()];
            }
            Event::End(TagEnd::Paragraph) => self.flush_para(),
            Event::Start(Tag::List(start)) => {
                self.flush_para();
                if let Some(n) = start {
                    let top_level_ordered = self.lists.is_empty();
                    if top_level_ordered && n > 1 {
                        self.clause = (n - 1) as u32;
                    }
                }
                self.lists.push(start.map(|_| ()));
            }
            Event::End(TagEnd::List(_)) => {
                self.flush_para();
                self.lists.pop();
            }
            Event::Start(Tag::Item) => {
                self.flush_para();
                let depth = self.lists.len();
                let ordered = self.lists.last().copied().flatten().is_some();
                self.pending_marker = Some(if ordered && depth == 1 {
                    self.clause += 1;
                    self.point = 0;
                    format!("{}.", self.clause)
                } else if ordered {
                    self.point += 1;
                    format!("{})", vn::point_letter(self.point))
                } else if depth <= 1 {
                    "-".into()
                } else {
                    "+".into()
                });
            }
            Event::End(TagEnd::Item) => self.flush_para(),
            Event::Start(Tag::Strong) | Event::Start(Tag::Emphasis) => {
                if self.current.is_none() {
                    self.current = Some(Open::Para);
                    self.stack = vec![Vec::new()];
                }
                self.stack.push(Vec::new());
            }
            Event::End(TagEnd::Strong) => {
                let children = self.stack.pop().unwrap_or_default();
                self.push_inline(Inline::Strong { children });
            }
            Event::End(TagEnd::Emphasis) => {
                let children = self.stack.pop().unwrap_or_default();
                self.push_inline(Inline::Emph { children });
            }
            Event::Text(t) | Event::Code(t) => self.text(&t),
            // Printed, never executed.
            Event::Html(t) | Event::InlineHtml(t) => self.text(t.trim_end_matches('\n')),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.push_inline(Inline::Break),
            Event::Rule => self.flush_para(),
            // Block quotes, code blocks, links and images keep their text content.
            _ => {}
        }
    }
}

fn trim_inlines(xs: &mut Vec<Inline>) {
    if let Some(Inline::Text { text }) = xs.first_mut() {
        *text = text.trim_start().to_string();
    }
    if let Some(Inline::Text { text }) = xs.last_mut() {
        *text = text.trim_end().to_string();
    }
    xs.retain(|x| !matches!(x, Inline::Text { text } if text.is_empty()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(b: &Block) -> (Option<&str>, String) {
        match b {
            Block::Para { marker, text } => (marker.as_deref(), plain(text)),
            Block::Heading { label, text, .. } => {
                (Some(label.as_str()), format!("H:{}", plain(text)))
            }
        }
    }

    #[test]
    fn headings_become_nd30_levels_and_lists_share_the_clause_counter() {
        let src = "Thực hiện Kế hoạch số 106.\n\n# Mục đích, yêu cầu\n\n## Mục đích\n\n- Một\n  - Hai\n\n## Yêu cầu\n\n# Tổ chức thực hiện\n\n1. Văn phòng có trách nhiệm.\n\n## Văn phòng UBND xã\n\n- Tham mưu.\n\n3. Công chức.\n";
        let body = body(src);
        assert_eq!(body.opening.len(), 1);
        assert_eq!(body.sections[0].label, "I.");
        assert_eq!(body.sections[0].title, "MỤC ĐÍCH, YÊU CẦU");
        let s0: Vec<_> = body.sections[0].blocks.iter().map(para).collect();
        assert_eq!(
            s0,
            [
                (Some("1."), "H:Mục đích".into()),
                (Some("-"), "Một".into()),
                (Some("+"), "Hai".into()),
                (Some("2."), "H:Yêu cầu".into()),
            ]
        );
        let s1: Vec<_> = body.sections[1].blocks.iter().map(para).collect();
        assert_eq!(s1[0], (Some("1."), "Văn phòng có trách nhiệm.".into()));
        assert_eq!(s1[1], (Some("2."), "H:Văn phòng UBND xã".into()));
        assert_eq!(s1[2], (Some("-"), "Tham mưu.".into()));
        assert_eq!(s1[3], (Some("3."), "Công chức./.".into()));
    }

    #[test]
    fn closing_mark_is_added_once() {
        let b = body("Nội dung./.");
        assert_eq!(
            plain(match &b.opening[0] {
                Block::Para { text, .. } => text,
                _ => unreachable!(),
            }),
            "Nội dung./."
        );
    }

    #[test]
    fn markup_and_html_stay_text() {
        let b = body("Chi phí $100 * 2 = #200 <b>đậm</b> \\[x\\] @ref // ghi chú `code`");
        let Block::Para { text, .. } = &b.opening[0] else {
            panic!()
        };
        assert_eq!(
            plain(text),
            "Chi phí $100 * 2 = #200 <b>đậm</b> [x] @ref // ghi chú code./."
        );
    }

    #[test]
    fn bold_and_italic_inside_paragraphs() {
        let b = body("Chỉ số **766** và *SIPAS*.");
        let Block::Para { text, .. } = &b.opening[0] else {
            panic!()
        };
        assert!(matches!(&text[1], Inline::Strong { children } if plain(children) == "766"));
        assert!(matches!(&text[3], Inline::Emph { children } if plain(children) == "SIPAS"));
    }
}
