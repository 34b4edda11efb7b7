//! The pipeline: load and validate → render PDF and HTML → write the output atomically.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::content::{self, Loaded};
use crate::diag::Diagnostics;
use crate::model::Site;
use crate::output::{Claim, Kind, OutputError, Protected, Staging};
use crate::render::html::Pages;
use crate::render::pdf::{Engine, Layouts};
use crate::theme::Theme;

/// Documents laid out between two full evictions of Typst's memo cache.
const EVICT_EVERY: usize = 32;

/// Where to read and write.
#[derive(Debug, Clone)]
pub struct Paths {
    pub content: PathBuf,
    pub output: PathBuf,
    /// The theme folder; `None` for the theme built into the binary.
    pub theme: Option<PathBuf>,
    /// A `templates/` folder whose files override the theme's.
    pub templates: Option<PathBuf>,
    /// A folder of extra fonts (`--fonts`), protected like the content.
    pub fonts: Option<PathBuf>,
    /// Where the cache goes instead of `.cchc/` beside the content folder.
    pub cache: Option<PathBuf>,
}

impl Paths {
    /// The conventional layout: `templates/` beside the content folder overrides the theme.
    pub fn new(content: &Path, output: &Path, theme: Option<&Path>) -> Self {
        let templates = content
            .parent()
            .map(|p| {
                if p.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    p
                }
            })
            .map(|p| p.join("templates"))
            .filter(|p| p.is_dir());
        Self {
            content: content.to_path_buf(),
            output: output.to_path_buf(),
            theme: theme.map(Path::to_path_buf),
            templates,
            fonts: None,
            cache: None,
        }
    }

    /// The project folder: the one that holds the content folder.
    fn project(&self) -> PathBuf {
        let abs = std::path::absolute(&self.content).unwrap_or_else(|_| self.content.clone());
        abs.parent().map(Path::to_path_buf).unwrap_or(abs)
    }

    /// The cache beside the content folder (`.cchc/`): the one place outside the output
    /// folder that a build writes to.
    pub fn cache(&self) -> PathBuf {
        self.cache
            .clone()
            .unwrap_or_else(|| self.project().join(CACHE_DIR))
    }

    /// Every folder of the user's that an output folder may not touch.
    pub fn protected(&self) -> Protected {
        let mut p = Protected::new(&self.content);
        for (kind, dir) in [
            (Kind::Theme, &self.theme),
            (Kind::Templates, &self.templates),
            (Kind::Fonts, &self.fonts),
        ] {
            if let Some(dir) = dir {
                p.add(kind, dir);
            }
        }
        p.add(Kind::Cache, &self.cache());
        p
    }
}

/// Name of the cache folder beside the content folder.
pub const CACHE_DIR: &str = ".cchc";

#[derive(Debug)]
pub enum BuildError {
    /// Problems in the user's files (paths relative to the content folder): exit code 1.
    Content(Diagnostics),
    /// Problems with the theme or the user's template overrides (paths as given).
    Theme(Diagnostics),
    /// The theme failed on valid content: a bug in the theme (or in cchc).
    Render { document: PathBuf, detail: String },
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// The output folder may not be replaced, is busy, or could not be written.
    Output(OutputError),
}

/// What a successful build produced.
#[derive(Debug)]
pub struct Report {
    pub documents: usize,
    pub pdf_pages: usize,
    pub warnings: Diagnostics,
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
    source: String,
}

/// Loads and validates without writing anything (`cchc check`).
pub fn check(engine: &Engine, paths: &Paths) -> Result<Loaded, BuildError> {
    Theme::resolve(paths.theme.as_deref(), paths.templates.as_deref())
        .map_err(BuildError::Theme)?;
    content::load(&paths.content, &engine.fonts.coverage()).map_err(BuildError::Content)
}

pub fn build(engine: &Arc<Engine>, paths: &Paths) -> Result<Report, BuildError> {
    build_with(engine, paths, &|_, _| {})
}

/// [`build`], telling `progress` how many of the documents' PDFs are laid out (done, all)
/// as it goes: a province's thousands of documents take minutes.
pub fn build_with(
    engine: &Arc<Engine>,
    paths: &Paths,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Report, BuildError> {
    let timings = Timings::from_env();
    // Before any work: a build that may not write where it was told stops at once.
    let claim = Claim::new(&paths.output, &paths.protected(), &paths.cache())
        .map_err(BuildError::Output)?;
    let theme = Theme::resolve(paths.theme.as_deref(), paths.templates.as_deref())
        .map_err(BuildError::Theme)?;
    let Loaded { site, warnings } =
        content::load(&paths.content, &engine.fonts.coverage()).map_err(BuildError::Content)?;
    let theme_error = |detail: String| BuildError::Render {
        document: theme.dir.clone(),
        detail,
    };
    let layouts = Layouts::new(Arc::clone(engine), &theme).map_err(theme_error)?;
    let pages = Pages::new(&theme).map_err(theme_error)?;

    timings.lap("nạp và kiểm tra / load and validate");
    // Each PDF goes to the staging folder as soon as it is laid out, so memory holds a
    // chunk of documents, not all of them.
    let staging = claim.stage().map_err(BuildError::Output)?;
    let result = render_pdfs(&staging, &site, &layouts, progress).and_then(|pdf_pages| {
        timings.lap("PDF");
        write_all(&staging, &site, &theme, &pages)?;
        timings.lap("trang web, dữ liệu / pages, data");
        Ok(pdf_pages)
    });
    let pdf_pages = match result {
        Ok(n) => {
            staging.commit().map_err(BuildError::Output)?;
            n
        }
        Err(e) => {
            staging.abandon();
            return Err(e);
        }
    };
    Ok(Report {
        documents: site.documents.len(),
        pdf_pages,
        warnings,
    })
}

/// Lays out every document's PDF, in parallel, and stages it; returns the page count.
fn render_pdfs(
    staging: &Staging<'_>,
    site: &Site,
    layouts: &Layouts,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<usize, BuildError> {
    let mut pages = 0;
    let mut done = 0;
    for chunk in site.documents.chunks(EVICT_EVERY) {
        let rendered: Vec<_> = chunk
            .par_iter()
            .map(|doc| {
                let _watched = crate::watchdog::task(|| doc.source.display().to_string());
                layouts
                    .render(&site.issuer, doc)
                    .map(|r| (doc, r.pdf, r.layout.pages().len()))
                    .map_err(|detail| BuildError::Render {
                        document: doc.source.clone(),
                        detail,
                    })
            })
            .collect::<Result<_, _>>()?;
        for (doc, pdf, n) in rendered {
            staging
                .write(&doc.meta.pdf_path, &pdf)
                .map_err(BuildError::Output)?;
            pages += n;
        }
        done += chunk.len();
        progress(done, site.documents.len());
        // Typst's memo cache is global and only grows; across hundreds of similar documents
        // its cached layouts chain together until realization overflows even a 64 MiB
        // stack (measured: ~500 documents). A full eviction every few dozen documents
        // keeps memory flat (about 200 MB) at the cost of a colder cache.
        comemo::evict(0);
    }
    Ok(pages)
}

/// Phase times on stderr when `CCHC_TIMINGS` is set, for benchmarks.
struct Timings(Option<std::sync::Mutex<std::time::Instant>>);

impl Timings {
    fn from_env() -> Self {
        Self(
            std::env::var_os("CCHC_TIMINGS")
                .map(|_| std::sync::Mutex::new(std::time::Instant::now())),
        )
    }

    fn lap(&self, what: &str) {
        if let Some(Ok(mut last)) = self.0.as_ref().map(|m| m.lock()) {
            let _ = std::io::Write::write_fmt(
                &mut std::io::stderr(),
                format_args!("{what}: {:.1} ms\n", last.elapsed().as_secs_f64() * 1000.0),
            );
            *last = std::time::Instant::now();
        }
    }
}

fn write_all(
    staging: &Staging<'_>,
    site: &Site,
    theme: &Theme,
    pages: &Pages,
) -> Result<(), BuildError> {
    let mut out = Out {
        staging,
        written: Vec::new(),
    };
    for doc in &site.documents {
        out.page(&doc.meta.html_path, &doc.source, || {
            pages.document(site, doc)
        })?;
    }

    // Each period's view is computed once and serves its page, its downloads, the one-file
    // page and the home page's glance.
    let mut views = Vec::new();
    let mut data_periods = Vec::new();
    if let Some(results) = &site.results {
        let current = crate::render::site::current_period(results);
        let css = theme
            .static_files
            .get(Path::new("style.css"))
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default();
        for period in &results.periods {
            let view = crate::results::view::period_view(results, period, &site.documents);
            let files = crate::results::view::downloads(&view);
            for (name, bytes) in &files {
                out.file(&format!("ket-qua/{}/{name}", period.id), bytes)?;
            }
            let names: Vec<String> = files.into_iter().map(|(n, _)| n).collect();
            let source = PathBuf::from(format!("ket-qua/{}.yaml", period.id));
            let rel = format!("ket-qua/{}.html", period.id);
            out.page(&rel, &source, || pages.results(site, &view, &names))?;
            // Every period's page links its one-file twin, so every period gets one. Meant
            // to be uploaded on its own, not listed in the sitemap.
            let rel = format!("ket-qua/{}-mot-tep.html", period.id);
            let one = {
                let _watched = crate::watchdog::task(|| rel.clone());
                pages.results_one_file(site, &view, &css)
            };
            out.file(&rel, one.map_err(render_error(&source))?.as_bytes())?;
            data_periods.push((period.id.clone(), period.label.clone(), names));
            views.push(view);
        }
        let current = current.and_then(|i| views.get(i));
        let rel = "ket-qua/index.html";
        out.page(rel, Path::new(rel), || pages.results_index(site, current))?;
    }
    let current = site
        .results
        .as_ref()
        .and_then(crate::render::site::current_period)
        .and_then(|i| views.get(i));

    let rel = "van-ban/index.html";
    out.page(rel, Path::new(rel), || pages.documents(site))?;
    let officials = crate::render::site::officials(site);
    let rel = "can-bo/index.html";
    out.page(rel, Path::new(rel), || pages.officials(site, &officials))?;
    for o in &officials {
        let rel = format!("can-bo/{}.html", o.id);
        out.page(&rel, Path::new(&rel), || pages.official(site, o))?;
    }
    let rel = "du-lieu.html";
    out.page(rel, Path::new(rel), || pages.data(site, &data_periods))?;
    out.page("index.html", Path::new("index.html"), || {
        pages.index(site, current)
    })?;
    // The home page first in the sitemap.
    out.written.rotate_right(1);

    for (rel, bytes) in &theme.static_files {
        out.file(&Path::new("static").join(rel).to_string_lossy(), bytes)?;
    }
    // The sitemap protocol takes full addresses only; without the site's address a sitemap
    // would be one search engines reject, so none is written.
    if let Some(base) = site.issuer.base_url.as_deref() {
        let sitemap = crate::render::site::sitemap(base, &out.written);
        out.file("sitemap.xml", sitemap.as_bytes())?;
    }
    let listing: Vec<Listing> = site
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
            source: d.source.to_string_lossy().replace('\\', "/"),
        })
        .collect();
    let mut json = serde_json::to_vec_pretty(&listing).map_err(|e| BuildError::Io {
        path: "documents.json".into(),
        error: std::io::Error::other(e),
    })?;
    json.push(b'\n');
    out.file("documents.json", &json)
}

fn render_error(source: &Path) -> impl FnOnce(String) -> BuildError + use<> {
    let document = source.to_path_buf();
    move |detail| BuildError::Render { document, detail }
}

/// The staged output, with every HTML page written (for the sitemap).
struct Out<'a> {
    staging: &'a Staging<'a>,
    written: Vec<String>,
}

impl Out<'_> {
    fn file(&self, rel: &str, bytes: &[u8]) -> Result<(), BuildError> {
        self.staging.write(rel, bytes).map_err(BuildError::Output)
    }

    /// A rendered page, or the template error naming the content `source` it was for.
    fn page(
        &mut self,
        rel: &str,
        source: &Path,
        render: impl FnOnce() -> Result<String, String>,
    ) -> Result<(), BuildError> {
        let html = {
            let _watched = crate::watchdog::task(|| rel.to_string());
            render()
        };
        self.file(rel, html.map_err(render_error(source))?.as_bytes())?;
        self.written.push(rel.to_string());
        Ok(())
    }
}
