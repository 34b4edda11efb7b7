//! WordprocessingML pieces: runs, paragraphs and their properties, written in the element
//! order the schema requires (Word refuses a file, or "repairs" it, when the order differs).

use std::fmt::Write as _;

use crate::model::Inline;

/// Twentieths of a point (twips), Word's unit for lengths.
pub type Tw = i32;

/// Millimetres to twips.
pub fn mm(v: f64) -> Tw {
    (v * 1440.0 / 25.4).round() as Tw
}

/// Points to twips.
pub fn pt(v: f64) -> Tw {
    (v * 20.0).round() as Tw
}

/// Text escaped for an element or attribute value: the same five characters as the web
/// pages (control characters never reach here: the loader refuses them).
pub use crate::render::escape as esc;

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Look {
    /// Size in points; 0 keeps the paragraph style's.
    pub size: f64,
    pub bold: bool,
    pub italic: bool,
    /// An RGB colour ("FF0000"); black when `None`.
    pub color: Option<&'static str>,
}

impl Look {
    pub fn size(size: f64) -> Self {
        Self {
            size,
            ..Self::default()
        }
    }
    pub fn bold(self) -> Self {
        Self { bold: true, ..self }
    }
    pub fn italic(self) -> Self {
        Self {
            italic: true,
            ..self
        }
    }

    /// `<w:rPr>`, or nothing when the run looks as its style does.
    fn rpr(&self) -> String {
        let mut s = String::new();
        if self.bold {
            s.push_str("<w:b/><w:bCs/>");
        }
        if self.italic {
            s.push_str("<w:i/><w:iCs/>");
        }
        if let Some(c) = self.color {
            let _ = write!(s, "<w:color w:val=\"{c}\"/>");
        }
        if self.size > 0.0 {
            let hp = (self.size * 2.0).round() as u32;
            let _ = write!(s, "<w:sz w:val=\"{hp}\"/><w:szCs w:val=\"{hp}\"/>");
        }
        if s.is_empty() {
            s
        } else {
            format!("<w:rPr>{s}</w:rPr>")
        }
    }
}

/// A run of text; line breaks in `text` become `<w:br/>`.
pub fn run(text: &str, look: Look) -> String {
    let mut s = format!("<w:r>{}", look.rpr());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            s.push_str("<w:br/>");
        }
        if !line.is_empty() {
            let _ = write!(s, "<w:t xml:space=\"preserve\">{}</w:t>", esc(line));
        }
    }
    s.push_str("</w:r>");
    s
}

/// A line break inside a paragraph.
pub fn line_break() -> &'static str {
    "<w:r><w:br/></w:r>"
}

/// The PAGE field: the number of the page it is printed on, counted as the section says.
pub fn page_field(look: Look) -> String {
    let rpr = look.rpr();
    format!(
        "<w:r>{rpr}<w:fldChar w:fldCharType=\"begin\"/></w:r>\
         <w:r>{rpr}<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>\
         <w:r>{rpr}<w:fldChar w:fldCharType=\"separate\"/></w:r>\
         <w:r>{rpr}<w:t>2</w:t></w:r>\
         <w:r>{rpr}<w:fldChar w:fldCharType=\"end\"/></w:r>"
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
    Justify,
}

/// A rule drawn by a paragraph's border.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Border {
    /// A line under the paragraph, as long as the space between its indents.
    Bottom,
    /// A line above it.
    Top,
    /// A box around it, in a colour.
    Box(&'static str),
}

/// Paragraph properties. Every paragraph states its alignment and indents, so that none
/// inherits the body text's first-line indent by accident.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub style: Option<&'static str>,
    pub keep_next: bool,
    pub keep_lines: bool,
    pub border: Option<Border>,
    /// Tab stops (left-aligned), from the left margin.
    pub tabs: Vec<Tw>,
    pub before: Tw,
    pub after: Tw,
    /// Line pitch, at least this much (never clipping a tall mark); `None` for the style's.
    pub line: Option<Tw>,
    pub left: Tw,
    pub right: Tw,
    /// Positive: first-line indent; negative: hanging indent.
    pub first: Tw,
    pub align: Align,
    /// Size of the paragraph mark: an empty paragraph is this tall.
    pub mark_size: Option<f64>,
}

impl Default for Para {
    fn default() -> Self {
        Self {
            style: None,
            keep_next: false,
            keep_lines: false,
            border: None,
            tabs: Vec::new(),
            before: 0,
            after: 0,
            line: None,
            left: 0,
            right: 0,
            first: 0,
            align: Align::Left,
            mark_size: None,
        }
    }
}

impl Para {
    pub fn centered() -> Self {
        Self {
            align: Align::Center,
            ..Self::default()
        }
    }

    pub fn pitch(self, line: Tw) -> Self {
        Self {
            line: Some(line),
            ..self
        }
    }

    pub fn before(self, before: Tw) -> Self {
        Self { before, ..self }
    }

    pub fn after(self, after: Tw) -> Self {
        Self { after, ..self }
    }

    /// An empty paragraph about a point tall: a rule, or the holder of a section break.
    pub fn tiny(self) -> Self {
        Self {
            line: Some(20),
            mark_size: Some(1.0),
            ..self
        }
    }

    /// `<w:pPr>` with `extra` (a `<w:sectPr>`) at its end.
    pub fn ppr(&self, extra: &str) -> String {
        let mut s = String::from("<w:pPr>");
        if let Some(st) = self.style {
            let _ = write!(s, "<w:pStyle w:val=\"{st}\"/>");
        }
        if self.keep_next {
            s.push_str("<w:keepNext/>");
        }
        if self.keep_lines {
            s.push_str("<w:keepLines/>");
        }
        match self.border {
            Some(Border::Bottom) => s.push_str(
                "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"5\" w:space=\"0\" w:color=\"000000\"/></w:pBdr>",
            ),
            Some(Border::Top) => s.push_str(
                "<w:pBdr><w:top w:val=\"single\" w:sz=\"4\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>",
            ),
            Some(Border::Box(c)) => {
                s.push_str("<w:pBdr>");
                for side in ["top", "left", "bottom", "right"] {
                    let _ = write!(
                        s,
                        "<w:{side} w:val=\"single\" w:sz=\"6\" w:space=\"4\" w:color=\"{c}\"/>"
                    );
                }
                s.push_str("</w:pBdr>");
            }
            None => {}
        }
        if !self.tabs.is_empty() {
            s.push_str("<w:tabs>");
            for t in &self.tabs {
                let _ = write!(s, "<w:tab w:val=\"left\" w:pos=\"{t}\"/>");
            }
            s.push_str("</w:tabs>");
        }
        let _ = write!(
            s,
            "<w:spacing w:before=\"{}\" w:after=\"{}\"",
            self.before, self.after
        );
        if let Some(l) = self.line {
            let _ = write!(s, " w:line=\"{l}\" w:lineRule=\"atLeast\"");
        }
        s.push_str("/>");
        let _ = write!(
            s,
            "<w:ind w:left=\"{}\" w:right=\"{}\"",
            self.left, self.right
        );
        if self.first >= 0 {
            let _ = write!(s, " w:firstLine=\"{}\"/>", self.first);
        } else {
            let _ = write!(s, " w:hanging=\"{}\"/>", -self.first);
        }
        let jc = match self.align {
            Align::Left => "left",
            Align::Center => "center",
            Align::Right => "right",
            Align::Justify => "both",
        };
        let _ = write!(s, "<w:jc w:val=\"{jc}\"/>");
        if let Some(size) = self.mark_size {
            let hp = (size * 2.0).round() as u32;
            let _ = write!(
                s,
                "<w:rPr><w:sz w:val=\"{hp}\"/><w:szCs w:val=\"{hp}\"/></w:rPr>"
            );
        }
        s.push_str(extra);
        s.push_str("</w:pPr>");
        s
    }

    /// The paragraph holding `runs`.
    pub fn with(&self, runs: &str) -> String {
        format!("<w:p>{}{runs}</w:p>", self.ppr(""))
    }
}

/// A horizontal rule `width` long, centred in a space `room` wide, `before` below the text
/// above it and `after` above what follows: an empty paragraph one point tall whose bottom
/// border runs between its indents.
pub fn rule(width: Tw, room: Tw, before: Tw, after: Tw) -> String {
    let side = ((room - width) / 2).max(0);
    Para {
        border: Some(Border::Bottom),
        before,
        after,
        left: side,
        right: side,
        ..Para::default().tiny()
    }
    .with("")
}

/// Inline text as runs, bold and italic nesting as in the source.
pub fn inlines(xs: &[Inline], look: Look) -> String {
    let mut s = String::new();
    for x in xs {
        match x {
            Inline::Text { text } => s.push_str(&run(text, look)),
            Inline::Strong { children } => s.push_str(&inlines(children, look.bold())),
            Inline::Emph { children } => s.push_str(&inlines(children, look.italic())),
            Inline::Break => s.push_str(line_break()),
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_spaces_kept() {
        let r = run("a < b & \"c\"  ", Look::default());
        assert_eq!(
            r,
            "<w:r><w:t xml:space=\"preserve\">a &lt; b &amp; &quot;c&quot;  </w:t></w:r>"
        );
    }

    #[test]
    fn breaks_and_looks() {
        let r = run("x\ny", Look::size(13.0).bold());
        assert!(r.starts_with("<w:r><w:rPr><w:b/><w:bCs/><w:sz w:val=\"26\"/>"));
        assert!(r.contains("x</w:t><w:br/><w:t"));
    }

    #[test]
    fn properties_in_schema_order() {
        let p = Para {
            keep_next: true,
            border: Some(Border::Bottom),
            tabs: vec![100],
            first: -200,
            ..Para::centered().pitch(300).before(10)
        }
        .ppr("");
        let order = ["keepNext", "pBdr", "tabs", "spacing", "ind", "jc"];
        let at: Vec<usize> = order.iter().map(|e| p.find(e).unwrap()).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{p}");
        assert!(p.contains("w:hanging=\"200\""));
    }

    #[test]
    fn units() {
        assert_eq!(mm(210.0), 11906);
        assert_eq!(mm(297.0), 16838);
        assert_eq!(pt(14.0), 280);
    }
}
