//! HTML through tera templates from the theme. Templates get the model as it is; all text
//! is escaped by tera, so nothing in the content can inject markup.

use serde::Serialize;
use tera::{Context, Tera};

use crate::model::{Document, Site};
use crate::theme::Theme;

pub struct Pages {
    tera: Tera,
}

/// Common context of every page.
#[derive(Serialize)]
struct Common<'a> {
    site: &'a Site,
    /// Prefix that leads from the page back to the site root ("" or "../").
    root: &'a str,
    generator: String,
}

impl Pages {
    pub fn new(theme: &Theme) -> Result<Self, String> {
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html"]);
        // Tera's default also escapes "/", which would print "05&#x2F;KH-UBND" in the source
        // of every page; these five characters are all HTML needs.
        tera.set_escape_fn(escape);
        tera.add_raw_templates(
            theme
                .templates
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str())),
        )
        .map_err(|e| describe(&e, theme))?;
        Ok(Self { tera })
    }

    fn render(&self, name: &str, ctx: &Context) -> Result<String, String> {
        self.tera.render(name, ctx).map_err(|e| {
            let mut msg = format!("template {name}: {e}");
            let mut src = std::error::Error::source(&e);
            while let Some(s) = src {
                msg.push_str(&format!(": {s}"));
                src = s.source();
            }
            msg
        })
    }

    fn context(site: &Site, root: &str) -> Result<Context, String> {
        Context::from_serialize(Common {
            site,
            root,
            generator: format!("cchc {}", env!("CARGO_PKG_VERSION")),
        })
        .map_err(|e| e.to_string())
    }

    pub fn index(&self, site: &Site) -> Result<String, String> {
        self.render("index.html", &Self::context(site, "")?)
    }

    /// The results page of one period; `downloads` are the file names beside it.
    pub fn results(
        &self,
        site: &Site,
        period: &crate::results::view::PeriodView,
        downloads: &[String],
    ) -> Result<String, String> {
        let mut ctx = Self::context(site, "../")?;
        ctx.insert("period", period);
        ctx.insert("downloads", downloads);
        self.render("ket-qua.html", &ctx)
    }

    pub fn document(&self, site: &Site, doc: &Document) -> Result<String, String> {
        let mut ctx = Self::context(site, "../")?;
        ctx.insert("doc", doc);
        self.render("document.html", &ctx)
    }
}

fn escape(s: &str) -> String {
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

fn describe(e: &tera::Error, theme: &Theme) -> String {
    let mut msg = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        msg.push_str(&format!(": {s}"));
        src = s.source();
    }
    format!("{msg} (templates from {})", theme.dir.display())
}
