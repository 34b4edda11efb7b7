//! Stage 4: the outputs. Each output (the PDFs, the web pages, the data downloads, the theme's
//! static files, the sitemap) is one [`Output`] fed by the same [`Views`], computed once, so
//! that adding an output touches neither the loader nor the other outputs.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::cache::{self, Cache};
use crate::error::BuildError;
use crate::model::Document;
use crate::output::Staging;
use crate::present::{PeriodView, Views};
use crate::render::html::{PageError, Pages};
use crate::render::pdf::Layouts;
use crate::theme::Theme;

/// Documents laid out between two full evictions of Typst's memo cache.
pub const EVICT_EVERY: usize = 32;

/// One kind of file the build writes.
pub trait Output {
    /// Writes this output's files; returns how many PDF pages it laid out, if any.
    fn write(&self, views: &Views, out: &mut Out) -> Result<usize, BuildError>;
}

/// The staged output, with every HTML page written so far (for the sitemap).
pub struct Out<'a> {
    staging: &'a Staging<'a>,
    pages: Vec<String>,
    /// Where the PDFs and Word twins of unchanged documents are copied from.
    pub cache: &'a Cache,
}

impl<'a> Out<'a> {
    pub fn new(staging: &'a Staging<'a>, cache: &'a Cache) -> Self {
        Self {
            staging,
            pages: Vec::new(),
            cache,
        }
    }

    pub fn file(&self, rel: &str, bytes: &[u8]) -> Result<(), BuildError> {
        self.staging.write(rel, bytes).map_err(BuildError::Output)
    }

    /// A rendered page, or the template error naming the content `source` it was for.
    fn page(
        &mut self,
        rel: &str,
        source: &Path,
        render: impl FnOnce() -> Result<String, PageError>,
    ) -> Result<(), BuildError> {
        let html = {
            let _watched = crate::watchdog::task(|| rel.to_string());
            render()
        };
        self.file(rel, html.map_err(|e| e.for_source(source))?.as_bytes())?;
        self.pages.push(rel.to_string());
        Ok(())
    }
}

/// Told after each document's PDF: how many are done, of how many, and the one just done.
pub type Progress<'a> = &'a (dyn Fn(usize, usize, &Path) + Sync);

/// The official PDFs, laid out in parallel (those whose cache key is unchanged copied from
/// the cache) and staged as soon as each chunk is done, so that memory holds a chunk of
/// documents, not all of them.
pub struct Pdfs<'a> {
    pub layouts: &'a Layouts,
    pub progress: Progress<'a>,
    /// What the ND30 checklist found on the laid-out pages ([`crate::render::checklist`]).
    pub findings: &'a std::sync::Mutex<Vec<crate::diag::Diagnostic>>,
}

impl Pdfs<'_> {
    /// One document's PDF and page count, from the cache or laid out now. Only a PDF on
    /// which the ND30 checklist found nothing is cached: a document with findings is laid
    /// out, and its findings reported, on every build (the key covers everything the
    /// layout depends on, so a cached PDF would give the same clean result).
    fn one(
        &self,
        views: &Views,
        doc: &Document,
        cache: &Cache,
    ) -> Result<(Vec<u8>, usize), String> {
        let issuer = &views.site.issuer;
        let json = self.layouts.data_json(issuer, doc)?;
        let key = self.layouts.key(&json);
        if let Some(hit) = cache.get(cache::Kind::Pdf, &key) {
            return Ok((hit.bytes, hit.pages as usize));
        }
        let _watched = crate::watchdog::task(|| doc.source.display().to_string());
        let r = self.layouts.render_json(issuer, doc, json)?;
        let n = r.layout.pages().len();
        let found = crate::render::checklist::check(
            &crate::render::inspect::inspect(&r.layout),
            issuer,
            doc,
        );
        if found.is_empty() {
            cache.put(
                cache::Kind::Pdf,
                &key,
                &r.pdf,
                u32::try_from(n).unwrap_or(u32::MAX),
            );
        } else if let Ok(mut all) = self.findings.lock() {
            all.extend(found);
        }
        Ok((r.pdf, n))
    }
}

impl Output for Pdfs<'_> {
    fn write(&self, views: &Views, out: &mut Out) -> Result<usize, BuildError> {
        let mut pages = 0;
        let done = std::sync::atomic::AtomicUsize::new(0);
        let all = views.documents.len();
        let cache = out.cache;
        let mut made_before = cache.counts(cache::Kind::Pdf).1;
        for chunk in views.documents.chunks(EVICT_EVERY) {
            let rendered: Vec<_> = chunk
                .par_iter()
                .map(|doc| {
                    let made = self.one(views, doc, cache).map(|(pdf, n)| (doc, pdf, n));
                    let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                    (self.progress)(n, all, &doc.source);
                    made.map_err(|detail| BuildError::Render {
                        document: doc.source.clone(),
                        detail,
                    })
                })
                .collect::<Result<_, _>>()?;
            for (doc, pdf, n) in rendered {
                out.file(&doc.meta.pdf_path, &pdf)?;
                pages += n;
            }
            // Typst's memo cache is global and only grows; across hundreds of similar
            // documents its cached layouts chain together until realization overflows even a
            // 64 MiB stack (measured: ~500 documents). A full eviction every few dozen
            // documents keeps memory flat (about 200 MB) at the cost of a colder cache.
            // A chunk copied whole from the cache laid nothing out; a save in `cchc serve`
            // lays out one or two documents, whose memo is kept warm for the next save (an
            // entry unused for a few builds still goes, so memory stays flat).
            let (_, made) = cache.counts(cache::Kind::Pdf);
            let laid_out = made - std::mem::replace(&mut made_before, made);
            match laid_out {
                0 => {}
                n if n < EVICT_EVERY / 4 => comemo::evict(4),
                _ => comemo::evict(0),
            }
        }
        Ok(pages)
    }
}

/// The web pages: one per document, per period (and its one-file twin), per official, and
/// the lists, the data page and the home page.
pub struct WebPages<'a> {
    pub pages: &'a Pages,
    pub theme: &'a Theme,
}

impl Output for WebPages<'_> {
    fn write(&self, views: &Views, out: &mut Out) -> Result<usize, BuildError> {
        let (site, pages) = (views.site, self.pages);
        for doc in &views.documents {
            out.page(&doc.meta.html_path, &doc.source, || {
                pages.document(site, doc)
            })?;
        }
        let css = self
            .theme
            .static_files
            .get(Path::new("style.css"))
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default();
        let mut data_periods = Vec::new();
        for (view, files) in &views.periods {
            let names = crate::present::downloads::names(view, files);
            let source = PathBuf::from(format!("ket-qua/{}.yaml", view.id));
            let rel = format!("ket-qua/{}.html", view.id);
            out.page(&rel, &source, || pages.results(site, view, &names))?;
            // Every period's page links its one-file twin, so every period gets one. Meant
            // to be uploaded on its own, not listed in the sitemap.
            let rel = format!("ket-qua/{}", view.one_file);
            let one = {
                let _watched = crate::watchdog::task(|| rel.clone());
                pages.results_one_file(site, view, &css)
            };
            out.file(&rel, one.map_err(|e| e.for_source(&source))?.as_bytes())?;
            data_periods.push((view.id.clone(), view.label.clone(), names));
        }
        if site.results.is_some() {
            let rel = "ket-qua/index.html";
            out.page(rel, Path::new(rel), || {
                pages.results_index(site, views.current())
            })?;
        }
        let rel = "van-ban/index.html";
        out.page(rel, Path::new(rel), || pages.documents(site))?;
        let rel = "can-bo/index.html";
        out.page(rel, Path::new(rel), || {
            pages.officials(site, &views.officials)
        })?;
        for o in &views.officials {
            let rel = format!("can-bo/{}.html", o.id);
            out.page(&rel, Path::new(&rel), || pages.official(site, o))?;
        }
        let rel = "du-lieu.html";
        out.page(rel, Path::new(rel), || pages.data(site, &data_periods))?;
        out.page("index.html", Path::new("index.html"), || {
            pages.index(site, views.current())
        })?;
        // The home page first in the sitemap.
        out.pages.rotate_right(1);
        Ok(0)
    }
}

/// The data downloads: each period's tables as CSV and JSON, and `documents.json`.
pub struct Data;

/// A period's Excel workbook, from the cache when the period's view is unchanged.
fn workbook(view: &PeriodView, cache: &Cache, rel: &str) -> Result<Vec<u8>, BuildError> {
    let error = |detail: String| BuildError::Render {
        document: PathBuf::from(format!("ket-qua/{}.yaml", view.id)),
        detail: format!("{rel}: {detail}"),
    };
    let mut h = cache::Hasher::default();
    serde_json::to_writer(&mut h, view).map_err(|e| error(e.to_string()))?;
    let key = cache::digest(&[cache::VERSION.as_bytes(), b"xlsx", &h.finish()]);
    if let Some(hit) = cache.get(cache::Kind::Xlsx, &key) {
        return Ok(hit.bytes);
    }
    // Only a cell over Excel's limits could fail, and the writer clips those.
    let bytes = crate::render::xlsx::workbook(view).map_err(|e| error(e.to_string()))?;
    cache.put(cache::Kind::Xlsx, &key, &bytes, 0);
    Ok(bytes)
}

/// One entry of `documents.json`.
#[derive(Serialize)]
struct Listing<'a> {
    kind: &'a str,
    kind_name: &'a str,
    number: Option<&'a str>,
    reference: &'a str,
    date: String,
    title: &'a str,
    html: &'a str,
    pdf: &'a str,
    docx: Option<&'a str>,
    source: String,
}

impl Output for Data {
    fn write(&self, views: &Views, out: &mut Out) -> Result<usize, BuildError> {
        for (view, files) in &views.periods {
            for (name, bytes) in files {
                out.file(&format!("ket-qua/{}/{name}", view.id), bytes)?;
            }
            let name = crate::present::downloads::workbook_name(view);
            let rel = format!("ket-qua/{}/{name}", view.id);
            out.file(&rel, &workbook(view, out.cache, &rel)?)?;
        }
        let listing: Vec<Listing> = views
            .site
            .documents
            .iter()
            .map(|d| Listing {
                kind: d.kind.code(),
                kind_name: d.kind.name(),
                number: d.number.as_deref(),
                reference: &d.reference,
                date: d.date.0.iso(),
                title: &d.title,
                html: &d.meta.html_path,
                pdf: &d.meta.pdf_path,
                docx: d.meta.docx_path.as_deref(),
                source: d.source.to_string_lossy().replace('\\', "/"),
            })
            .collect();
        let mut json = serde_json::to_vec_pretty(&listing).map_err(|e| BuildError::Io {
            path: "documents.json".into(),
            error: std::io::Error::other(e),
        })?;
        json.push(b'\n');
        out.file("documents.json", &json)?;
        Ok(0)
    }
}

/// The theme's files copied as they are (`static/`).
pub struct StaticFiles<'a>(pub &'a Theme);

impl Output for StaticFiles<'_> {
    fn write(&self, _: &Views, out: &mut Out) -> Result<usize, BuildError> {
        for (rel, bytes) in &self.0.static_files {
            out.file(&Path::new("static").join(rel).to_string_lossy(), bytes)?;
        }
        Ok(0)
    }
}

/// `sitemap.xml`, listing every page written before it, from the theme's template.
pub struct Sitemap<'a>(pub &'a Pages);

impl Output for Sitemap<'_> {
    fn write(&self, views: &Views, out: &mut Out) -> Result<usize, BuildError> {
        // The sitemap protocol takes full addresses only; without the site's address a
        // sitemap would be one search engines reject, so none is written.
        if let Some(base) = views.site.issuer.base_url.as_deref() {
            let xml = self
                .0
                .sitemap(base, &out.pages)
                .map_err(|e| e.for_source(Path::new("sitemap.xml")))?;
            out.file("sitemap.xml", xml.as_bytes())?;
        }
        Ok(0)
    }
}
