//! HTML through tera templates from the theme. Templates get the model as it is; all text
//! is escaped by tera, so nothing in the content can inject markup.

use super::escape;
use std::collections::HashMap;

use serde::Serialize;
use tera::{Context, Tera};

use crate::cache::{self, Cache};
use crate::model::{Document, Site};
use crate::present::PeriodView;
use crate::theme::Theme;

pub struct Pages {
    /// Parsed on the first page the cache cannot give: an unchanged site parses none.
    tera: std::sync::OnceLock<Result<Tera, String>>,
    /// Where the templates came from, to name in an error that is the theme's.
    dir: std::path::PathBuf,
    /// Where rendered pages are kept, and the digest of the templates that made them.
    cache: Option<(std::sync::Arc<Cache>, [u8; 32])>,
    /// Template sources and where they came from, to point at the line of an error.
    sources: std::collections::BTreeMap<String, (String, std::path::PathBuf)>,
}

/// Why a page was not made.
#[derive(Debug)]
pub enum PageError {
    /// The theme's templates do not parse: the theme's fault, whatever the page.
    Templates {
        dir: std::path::PathBuf,
        detail: String,
    },
    /// This page's template failed on its data.
    Page(String),
}

impl PageError {
    /// The build error, naming the content `source` the page was made from when the page
    /// failed, the theme's folder when its templates did.
    pub fn for_source(self, source: &std::path::Path) -> crate::error::BuildError {
        let (document, detail) = match self {
            PageError::Templates { dir, detail } => (dir, detail),
            PageError::Page(detail) => (source.to_path_buf(), detail),
        };
        crate::error::BuildError::Render { document, detail }
    }
}

/// Common context of every page: small site-wide facts only, never the whole [`Site`], so
/// that a page costs the same whatever the number of documents.
#[derive(Serialize)]
struct Common<'a> {
    site: Facts<'a>,
    /// Prefix that leads from the page back to the site root ("" or "../").
    root: &'a str,
    generator: String,
    /// Every column title, composed once with the PDF's and the CSV's.
    titles: &'static crate::present::words::Titles,
}

/// What every page may read about the site.
#[derive(Serialize)]
struct Facts<'a> {
    issuer: &'a crate::model::Issuer,
    document_count: usize,
    /// The reporting periods (id and label), when the site has results.
    results: Option<PeriodList<'a>>,
}

#[derive(Serialize)]
struct PeriodList<'a> {
    periods: Vec<PeriodLink<'a>>,
}

#[derive(Serialize)]
struct PeriodLink<'a> {
    id: &'a str,
    label: &'a str,
}

/// The newest documents shown on the home page.
const LATEST: usize = 5;

impl Pages {
    pub fn new(theme: &Theme) -> Result<Self, String> {
        // Tera follows an include cycle until the stack overflows and the process aborts,
        // leaving no message: find the cycle first.
        if let Some(cycle) = include_cycle(&theme.templates) {
            return Err(format!(
                "các mẫu gọi lẫn nhau thành vòng lặp (templates include each other in a loop): {}",
                cycle.join(" → ")
            ));
        }
        let sources = theme
            .templates
            .iter()
            .map(|(k, v)| {
                let path = theme
                    .template_paths
                    .get(k)
                    .cloned()
                    .unwrap_or_else(|| theme.dir.join("templates").join(k));
                (k.clone(), (v.clone(), path))
            })
            .collect();
        Ok(Self {
            tera: std::sync::OnceLock::new(),
            dir: theme.dir.clone(),
            sources,
            cache: None,
        })
    }

    /// The templates, parsed.
    fn tera(&self) -> Result<&Tera, PageError> {
        self.tera
            .get_or_init(|| {
                let mut tera = Tera::default();
                tera.autoescape_on(vec![".html", ".xml"]);
                // Tera's default also escapes "/", which would print "05&#x2F;KH-UBND" in the
                // source of every page; these five characters are all HTML needs.
                tera.set_escape_fn(escape);
                // Numbers the way the rest of the page writes them ("37,5", "5.033"): tera
                // prints a float with a decimal point.
                tera.register_filter("so", |v: &tera::Value, _: &HashMap<String, tera::Value>| {
                    match v.as_f64() {
                        Some(x) => Ok(tera::Value::String(crate::vn::decimal(x, 2))),
                        None => Err(tera::Error::msg(format!("`so` needs a number, got {v}"))),
                    }
                });
                tera.add_raw_templates(
                    self.sources
                        .iter()
                        .map(|(k, (text, _))| (k.as_str(), text.as_str())),
                )
                .map_err(|e| describe(&e, &self.dir))?;
                Ok(tera)
            })
            .as_ref()
            .map_err(|detail| PageError::Templates {
                dir: self.dir.clone(),
                detail: detail.clone(),
            })
    }

    /// Pages rendered from the same templates and data are taken from `cache`, not rendered
    /// again: an unchanged site's pages cost a digest each.
    pub fn cached(mut self, cache: std::sync::Arc<Cache>) -> Self {
        let mut h = cache::Hasher::default();
        for (name, (text, _)) in &self.sources {
            let _ = serde_json::to_writer(&mut h, &(name, text));
        }
        self.cache = Some((cache, h.finish()));
        self
    }

    fn render(&self, name: &str, ctx: Context) -> Result<String, PageError> {
        let Some((cache, templates)) = &self.cache else {
            return self.render_now(name, &ctx);
        };
        let data = ctx.into_json();
        let mut h = cache::Hasher::default();
        serde_json::to_writer(&mut h, &data).map_err(|e| PageError::Page(e.to_string()))?;
        let key = cache::digest(&[
            cache::VERSION.as_bytes(),
            templates,
            name.as_bytes(),
            &h.finish(),
        ]);
        if let Some(page) = cache
            .get(cache::Kind::Html, &key)
            .and_then(|e| String::from_utf8(e.bytes).ok())
        {
            return Ok(page);
        }
        let ctx = Context::from_value(data).map_err(|e| PageError::Page(e.to_string()))?;
        let page = self.render_now(name, &ctx)?;
        cache.put(cache::Kind::Html, &key, page.as_bytes(), 0);
        Ok(page)
    }

    fn render_now(&self, name: &str, ctx: &Context) -> Result<String, PageError> {
        self.tera()?.render(name, ctx).map_err(|e| {
            let mut chain = e.to_string();
            let mut src = std::error::Error::source(&e);
            while let Some(s) = src {
                chain.push_str(&format!(": {s}"));
                src = s.source();
            }
            PageError::Page(self.locate(name, &chain))
        })
    }

    /// Tera names the variable but not the line: find the template and line that use it,
    /// so the message reads "templates/index.html:3: …".
    fn locate(&self, name: &str, chain: &str) -> String {
        let variable = chain
            .split("Variable `")
            .nth(1)
            .and_then(|rest| rest.split('`').next());
        let templates = chain
            .split('\'')
            .filter(|t| self.sources.contains_key(*t))
            .chain([name])
            .collect::<Vec<_>>();
        if let Some(var) = variable {
            for t in templates {
                if let Some((text, path)) = self.sources.get(t)
                    && let Some(i) = text.lines().position(|l| l.contains(var))
                {
                    return format!(
                        "{}:{}: biến `{var}` không có trong dữ liệu (variable `{var}` not found) — {chain}",
                        path.display(),
                        i + 1
                    );
                }
            }
        }
        format!("template {name}: {chain}")
    }

    fn context(site: &Site, root: &str) -> Result<Context, PageError> {
        let results = site.results.as_ref().map(|r| PeriodList {
            periods: r
                .periods
                .iter()
                .map(|p| PeriodLink {
                    id: &p.id,
                    label: &p.label,
                })
                .collect(),
        });
        Context::from_serialize(Common {
            site: Facts {
                issuer: &site.issuer,
                document_count: site.documents.len(),
                results,
            },
            root,
            generator: format!("cchc {}", env!("CARGO_PKG_VERSION")),
            titles: &crate::present::words::TITLES,
        })
        .map_err(|e| PageError::Page(e.to_string()))
    }

    pub fn index(&self, site: &Site, current: Option<&PeriodView>) -> Result<String, PageError> {
        let mut ctx = Self::context(site, "")?;
        ctx.insert("current", &current);
        let latest: Vec<&Document> = site.documents.iter().take(LATEST).collect();
        ctx.insert("latest", &latest);
        self.render("index.html", ctx)
    }

    /// All documents, with the data the page's filters and search read.
    pub fn documents(&self, site: &Site) -> Result<String, PageError> {
        let mut ctx = Self::context(site, "../")?;
        let listing = crate::present::site::listing(site);
        let mut kinds: Vec<(&str, &str)> = listing.iter().map(|l| (l.kind, l.kind_name)).collect();
        kinds.sort();
        kinds.dedup();
        let mut years: Vec<u16> = listing.iter().map(|l| l.year).collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        ctx.insert("listing", &listing);
        ctx.insert("kinds", &kinds);
        ctx.insert("years", &years);
        self.render("van-ban.html", ctx)
    }

    pub fn officials(
        &self,
        site: &Site,
        officials: &[crate::present::site::Official],
    ) -> Result<String, PageError> {
        let mut ctx = Self::context(site, "../")?;
        ctx.insert("officials", officials);
        self.render("can-bo-index.html", ctx)
    }

    pub fn official(
        &self,
        site: &Site,
        official: &crate::present::site::Official,
    ) -> Result<String, PageError> {
        let mut ctx = Self::context(site, "../")?;
        ctx.insert("official", official);
        self.render("can-bo.html", ctx)
    }

    /// The data page: `periods` are (id, label, file names).
    pub fn data(
        &self,
        site: &Site,
        periods: &[(String, String, Vec<String>)],
    ) -> Result<String, PageError> {
        #[derive(Serialize)]
        struct P<'a> {
            id: &'a str,
            label: &'a str,
            files: &'a [String],
        }
        let mut ctx = Self::context(site, "")?;
        let ps: Vec<P> = periods
            .iter()
            .map(|(id, label, files)| P { id, label, files })
            .collect();
        ctx.insert("periods", &ps);
        self.render("du-lieu.html", ctx)
    }

    pub fn results_index(
        &self,
        site: &Site,
        current: Option<&PeriodView>,
    ) -> Result<String, PageError> {
        let mut ctx = Self::context(site, "../")?;
        ctx.insert("current", &current);
        self.render("ket-qua-index.html", ctx)
    }

    /// The results page as one self-contained file: CSS inline, charts inline.
    pub fn results_one_file(
        &self,
        site: &Site,
        period: &crate::present::PeriodView,
        css: &str,
    ) -> Result<String, PageError> {
        let mut ctx = Self::context(site, "../")?;
        ctx.insert("period", period);
        ctx.insert("downloads", &Vec::<String>::new());
        ctx.insert("embedded", &true);
        ctx.insert("css", css);
        self.render("ket-qua-mot-tep.html", ctx)
    }

    /// The results page of one period; `downloads` are the file names beside it.
    pub fn results(
        &self,
        site: &Site,
        period: &crate::present::PeriodView,
        downloads: &[String],
    ) -> Result<String, PageError> {
        let mut ctx = Self::context(site, "../")?;
        ctx.insert("period", period);
        ctx.insert("downloads", downloads);
        ctx.insert("embedded", &false);
        self.render("ket-qua.html", ctx)
    }

    /// `sitemap.xml`: every page under the site's address.
    pub fn sitemap(&self, base: &str, pages: &[String]) -> Result<String, PageError> {
        let mut ctx = Context::new();
        ctx.insert("base", base);
        ctx.insert("pages", pages);
        self.render("sitemap.xml", ctx)
    }

    pub fn document(&self, site: &Site, doc: &Document) -> Result<String, PageError> {
        let mut ctx = Self::context(site, "../")?;
        ctx.insert("doc", doc);
        ctx.insert("phrases", &crate::present::phrases(&site.issuer, doc));
        self.render("document.html", ctx)
    }
}

/// The first chain of templates that includes, extends or imports itself, if any.
fn include_cycle(templates: &std::collections::BTreeMap<String, String>) -> Option<Vec<String>> {
    fn targets(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        for tag in text.split("{%").skip(1) {
            let tag = tag.trim_start_matches('-').trim_start();
            let rest = ["include", "extends", "import"]
                .iter()
                .find_map(|k| tag.strip_prefix(k));
            if let Some(rest) = rest {
                let rest = rest.trim_start();
                if let Some(q) = rest.chars().next().filter(|c| *c == '"' || *c == '\'')
                    && let Some(end) = rest[1..].find(q)
                {
                    out.push(&rest[1..1 + end]);
                }
            }
        }
        out
    }
    fn visit<'a>(
        name: &'a str,
        templates: &'a std::collections::BTreeMap<String, String>,
        path: &mut Vec<&'a str>,
        done: &mut std::collections::BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| *p == name) {
            let mut cycle: Vec<String> = path[i..].iter().map(|s| s.to_string()).collect();
            cycle.push(name.to_string());
            return Some(cycle);
        }
        if !done.insert(name) {
            return None;
        }
        let (key, text) = templates.get_key_value(name)?;
        path.push(key);
        for t in targets(text) {
            if let Some(c) = visit(t, templates, path, done) {
                return Some(c);
            }
        }
        path.pop();
        None
    }
    let mut done = std::collections::BTreeSet::new();
    templates
        .keys()
        .find_map(|k| visit(k, templates, &mut Vec::new(), &mut done))
}

fn describe(e: &tera::Error, dir: &std::path::Path) -> String {
    let mut msg = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        msg.push_str(&format!(": {s}"));
        src = s.source();
    }
    format!("{msg} (templates from {})", dir.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_include_cycle_is_found_before_tera_overflows_its_stack() {
        let t = |pairs: &[(&str, &str)]| -> std::collections::BTreeMap<String, String> {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        let looped = t(&[
            ("a.html", "{% extends \"base.html\" %}"),
            ("base.html", "x {%- include 'nav.html' %}"),
            ("nav.html", "{% include \"base.html\" %}"),
        ]);
        assert_eq!(
            include_cycle(&looped),
            Some(vec![
                "base.html".into(),
                "nav.html".into(),
                "base.html".into()
            ])
        );
        let fine = t(&[
            (
                "a.html",
                "{% extends \"base.html\" %}{% import \"m.html\" as m %}",
            ),
            ("b.html", "{% extends \"base.html\" %}"),
            ("base.html", "{% include \"nav.html\" %}"),
            ("nav.html", ""),
            ("m.html", ""),
        ]);
        assert_eq!(include_cycle(&fine), None);
        assert!(include_cycle(&t(&[("self.html", "{% include \"self.html\" %}")])).is_some());
    }
}
