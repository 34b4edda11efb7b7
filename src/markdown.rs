//! Markdown bodies, parsed once into a small tree that both renderers walk.
//!
//! Headings map to the ND30 levels of a kế hoạch/báo cáo (Phụ lục I, IV.3(b)):
//! `#` → mục "I. TITLE", `##` → khoản "1. Title" (bold), `###` → điểm "a) Title".
//! Ordered list items are khoản without a title and share the khoản counter with `##`;
//! "-" items print a literal dash, nested ones a plus. Raw HTML is kept as plain text:
//! nothing the user writes is ever interpreted as markup by a renderer.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

// The tree's types belong to the model; this module only builds them.
pub use crate::model::{Block, Inline};
use crate::model::{Body, Section};
use crate::vn;

/// Character references (`&#x1F600;`, `&#7;`, `&hearts;`) in Markdown source, with the
/// text each one stands for: the fonts and the hidden-character rule apply to that text,
/// which the source itself does not show.
pub fn character_references(src: &str) -> Vec<(&str, String)> {
    let mut out = Vec::new();
    for (i, _) in src.match_indices('&') {
        let Some(end) = src[i..]
            .char_indices()
            .take(40)
            .find(|(_, c)| *c == ';')
            .map(|(k, _)| i + k + 1)
        else {
            continue;
        };
        let literal = &src[i..end];
        let decoded: String = Parser::new(literal)
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.into_string()),
                _ => None,
            })
            .collect();
        if decoded != literal && !decoded.is_empty() {
            out.push((literal, decoded));
        }
    }
    out
}

/// The closing mark of every ND30 body.
pub const CLOSING: &str = "./.";

/// How the body of a given document kind reads its Markdown.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// Quyết định: a paragraph opening with "Điều 1." gets its label in bold.
    pub articles: bool,
}

fn parse(src: &str, b: &mut Builder) {
    for event in Parser::new_ext(src, Options::ENABLE_TABLES) {
        b.event(event);
    }
    b.flush_para();
}

/// Parses a document body and appends the closing "./." to its last paragraph.
pub fn body(src: &str, style: Style) -> Body {
    let mut b = Builder {
        style,
        ..Builder::default()
    };
    parse(src, &mut b);
    let mut body = Body {
        opening: b.opening,
        sections: b.sections,
    };
    close(&mut body);
    body
}

/// Parses free text such as an appendix: `#` headings stay blocks ("I. TITLE").
pub fn blocks(src: &str) -> Vec<Block> {
    let mut b = Builder {
        flat: true,
        ..Builder::default()
    };
    parse(src, &mut b);
    b.opening
}

/// The inline Markdown of one table cell (`**đậm**`, `*nghiêng*`). What would start a
/// block ("1.", "- ", "#") is text in a cell, as the clerk means it.
pub fn inline(src: &str) -> Vec<Inline> {
    let src = src.trim();
    let digits = src.chars().take_while(char::is_ascii_digit).count();
    let escaped = if digits > 0 && src[digits..].starts_with(['.', ')']) {
        format!("{}\\{}", &src[..digits], &src[digits..])
    } else if ["- ", "+ ", "* ", "#", ">"]
        .iter()
        .any(|p| src.starts_with(p))
    {
        format!("\\{src}")
    } else {
        src.to_string()
    };
    let text: Vec<Inline> = blocks(&escaped)
        .into_iter()
        .flat_map(|b| match b {
            Block::Para { text, .. } => text,
            _ => Vec::new(),
        })
        .collect();
    if text.is_empty() && !src.is_empty() {
        return vec![Inline::Text {
            text: src.to_string(),
        }];
    }
    text
}

/// A one-line lead-in ("Ủy ban nhân dân xã yêu cầu:"): it ends ":" and fits a line (80
/// characters at 14 pt). Kept with the next paragraph in the PDF (`block-content` in
/// blocks.typ applies the same rule) and in Word.
pub fn lead_in(text: &[Inline]) -> bool {
    let t = plain(text);
    let t = t.trim();
    t.ends_with(':') && t.chars().count() <= 80
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
            Block::Heading { .. } | Block::Table { .. } => None,
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
    style: Style,
    /// Level-1 headings are blocks, not sections.
    flat: bool,
    /// The table being read, if any.
    table: Option<TableState>,
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
    /// Level-1 headings so far in flat mode.
    sections_seen: u32,
}

enum Open {
    Heading(u8),
    Para,
    Cell,
}

#[derive(Default)]
struct TableState {
    header: Vec<Vec<Inline>>,
    rows: Vec<Vec<Vec<Inline>>>,
    row: Vec<Vec<Inline>>,
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
            let mut text = self.take_inlines();
            if !text.is_empty() {
                let marker = self.pending_marker.take();
                if self.style.articles && marker.is_none() {
                    bold_article_label(&mut text);
                }
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
                    1 if self.flat => {
                        self.clause = 0;
                        self.point = 0;
                        self.sections_seen += 1;
                        let label = format!("{}.", vn::roman(self.sections_seen));
                        let text = vec![Inline::Text {
                            text: vn::upper(plain(&text).trim()),
                        }];
                        self.push_block(Block::Heading { level, label, text });
                    }
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
                // An ordered list prints the numbers the user wrote: it starts the khoản
                // counter at its first number ("1." restarts, "3." continues after a "##").
                if let Some(n) = start
                    && self.lists.is_empty()
                {
                    self.clause = (n as u32).saturating_sub(1);
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
            Event::Start(Tag::Table(_)) => {
                self.flush_para();
                self.table = Some(TableState::default());
            }
            Event::Start(Tag::TableCell) => {
                self.current = Some(Open::Cell);
                self.stack = vec![Vec::new()];
            }
            Event::End(TagEnd::TableCell) => {
                let cell = self.take_inlines();
                self.current = None;
                if let Some(t) = self.table.as_mut() {
                    t.row.push(cell);
                }
            }
            Event::End(TagEnd::TableHead) => {
                if let Some(t) = self.table.as_mut() {
                    t.header = std::mem::take(&mut t.row);
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some(t) = self.table.as_mut() {
                    let row = std::mem::take(&mut t.row);
                    t.rows.push(row);
                }
            }
            Event::End(TagEnd::Table) => {
                if let Some(t) = self.table.take() {
                    self.push_block(Block::Table {
                        header: t.header,
                        rows: t.rows,
                    });
                }
            }
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.push_inline(Inline::Break),
            Event::Rule => self.flush_para(),
            // Block quotes, code blocks, links and images keep their text content.
            _ => {}
        }
    }
}

/// "Điều 3. Chánh Văn phòng …" → **Điều 3.** Chánh Văn phòng …
fn bold_article_label(text: &mut Vec<Inline>) {
    let Some(Inline::Text { text: first }) = text.first_mut() else {
        return;
    };
    let Some(rest) = first.strip_prefix("Điều ") else {
        return;
    };
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || !rest[digits..].starts_with('.') {
        return;
    }
    let label_len = "Điều ".len() + digits + 1;
    let tail = first[label_len..].to_string();
    let label = first[..label_len].to_string();
    *first = tail;
    text.insert(
        0,
        Inline::Strong {
            children: vec![Inline::Text { text: label }],
        },
    );
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

    fn body_plain(src: &str) -> Body {
        body(src, Style::default())
    }

    #[test]
    fn tables_and_article_labels() {
        let b = body(
            "Điều 1. Thành lập Đoàn.\n\n| Chỉ tiêu | Thực hiện |\n|---|---|\n| Hồ sơ | 99,5 % |\n",
            Style { articles: true },
        );
        let Block::Para { text, .. } = &b.opening[0] else {
            panic!()
        };
        assert!(matches!(&text[0], Inline::Strong { children } if plain(children) == "Điều 1."));
        assert!(plain(&text[1..]).starts_with(" Thành lập Đoàn."));
        let Block::Table { header, rows } = &b.opening[1] else {
            panic!("{:?}", b.opening)
        };
        assert_eq!(plain(&header[1]), "Thực hiện");
        assert_eq!(plain(&rows[0][1]), "99,5 %");
        // Outside a quyết định the label stays as written.
        let b = body("Điều 1. Thành lập.", Style::default());
        let Block::Para { text, .. } = &b.opening[0] else {
            panic!()
        };
        assert!(matches!(&text[0], Inline::Text { .. }));
    }

    #[test]
    fn appendix_text_keeps_its_headings_as_blocks() {
        let b = blocks("# Thành phần\n\nNội dung.");
        assert!(matches!(&b[0], Block::Heading { level: 1, label, .. } if label == "I."));
        assert_eq!(b.len(), 2);
    }

    fn para(b: &Block) -> (Option<&str>, String) {
        match b {
            Block::Para { marker, text } => (marker.as_deref(), plain(text)),
            Block::Heading { label, text, .. } => {
                (Some(label.as_str()), format!("H:{}", plain(text)))
            }
            Block::Table { .. } => (None, "table".into()),
        }
    }

    #[test]
    fn headings_become_nd30_levels_and_lists_share_the_clause_counter() {
        let src = "Thực hiện Kế hoạch số 106.\n\n# Mục đích, yêu cầu\n\n## Mục đích\n\n- Một\n  - Hai\n\n## Yêu cầu\n\n# Tổ chức thực hiện\n\n1. Văn phòng có trách nhiệm.\n\n## Văn phòng UBND xã\n\n- Tham mưu.\n\n3. Công chức.\n";
        let body = body(src, Style::default());
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
        let b = body("Nội dung./.", Style::default());
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
        let b = body_plain("Chi phí $100 * 2 = #200 <b>đậm</b> \\[x\\] @ref // ghi chú `code`");
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
        let b = body("Chỉ số **766** và *SIPAS*.", Style::default());
        let Block::Para { text, .. } = &b.opening[0] else {
            panic!()
        };
        assert!(matches!(&text[1], Inline::Strong { children } if plain(children) == "766"));
        assert!(matches!(&text[3], Inline::Emph { children } if plain(children) == "SIPAS"));
    }
}
