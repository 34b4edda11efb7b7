//! Stage 3: render the model to PDF (Typst, in-process), Word (.docx) and HTML (tera).

pub mod checklist;
pub mod docx;
pub mod fonts;
pub mod html;
pub mod inspect;
pub mod pdf;
pub mod xlsx;

/// Text escaped for HTML and XML (the web pages and the Word twin's parts): the five
/// characters markup needs. Tera's default also escapes "/", which would print
/// "05&#x2F;KH-UBND" in the source of every page.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn user_text_is_escaped_for_markup_but_slashes_and_vietnamese_stay() {
        // A title typed by a clerk, with every character markup needs.
        assert_eq!(
            escape(r#"Báo cáo <b>Q1</b> & "tổng hợp" của xã 'A'"#),
            "Báo cáo &lt;b&gt;Q1&lt;/b&gt; &amp; &quot;tổng hợp&quot; của xã &#39;A&#39;"
        );
        // The reference keeps its slash (Tera's default would print "05&#x2F;KH-UBND").
        assert_eq!(escape("05/KH-UBND"), "05/KH-UBND");
        // An already escaped entity is escaped again, not trusted.
        assert_eq!(escape("&amp;"), "&amp;amp;");
        assert_eq!(escape(""), "");
    }
}
