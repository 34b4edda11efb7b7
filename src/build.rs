//! The pipeline: load and validate → render PDF and HTML → write the output atomically.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::content::{self, Loaded};
use crate::diag::Diagnostics;
use crate::model::{Document, Site};
use crate::output::Staging;
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
        }
    }
}

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

    let mut pdfs: Vec<(&Document, Vec<u8>, usize)> = Vec::with_capacity(site.documents.len());
    for chunk in site.documents.chunks(EVICT_EVERY) {
        let done: Vec<_> = chunk
            .par_iter()
            .map(|doc| {
                layouts
                    .render(&site.issuer, doc)
                    .map(|r| (doc, r.pdf, r.layout.pages().len()))
                    .map_err(|detail| BuildError::Render {
                        document: doc.source.clone(),
                        detail,
                    })
            })
            .collect::<Result<_, _>>()?;
        pdfs.extend(done);
        // Typst's memo cache is global and only grows; across hundreds of similar documents
        // its cached layouts chain together until realization overflows even a 64 MiB
        // stack (measured: ~500 documents). A full eviction every few dozen documents
        // keeps memory flat (about 200 MB) at the cost of a colder cache.
        comemo::evict(0);
    }

    let staging = Staging::new(&paths.output).map_err(|error| BuildError::Io {
        path: paths.output.clone(),
        error,
    })?;
    let result = write_all(&staging, &site, &theme, &pages, &pdfs);
    match result {
        Ok(()) => staging.commit().map_err(|error| BuildError::Io {
            path: paths.output.clone(),
            error,
        })?,
        Err(e) => {
            staging.abandon();
            return Err(e);
        }
    }
    Ok(Report {
        documents: site.documents.len(),
        pdf_pages: pdfs.iter().map(|p| p.2).sum(),
        warnings,
    })
}

fn write_all(
    staging: &Staging,
    site: &Site,
    theme: &Theme,
    pages: &Pages,
    pdfs: &[(&Document, Vec<u8>, usize)],
) -> Result<(), BuildError> {
    let io = |path: &str| {
        let path = PathBuf::from(path);
        move |error| BuildError::Io { path, error }
    };
    let render_err = |doc: &Document| {
        let document = doc.source.clone();
        move |detail| BuildError::Render { document, detail }
    };
    for (doc, pdf, _) in pdfs {
        staging
            .write(&doc.meta.pdf_path, pdf)
            .map_err(io(&doc.meta.pdf_path))?;
        let html = pages.document(site, doc).map_err(render_err(doc))?;
        staging
            .write(&doc.meta.html_path, html.as_bytes())
            .map_err(io(&doc.meta.html_path))?;
    }
    let render_err = |name: &str| {
        let document = PathBuf::from(name);
        move |detail| BuildError::Render { document, detail }
    };
    // Every page written, for the sitemap.
    let mut written: Vec<String> = vec!["index.html".into()];
    written.extend(site.documents.iter().map(|d| d.meta.html_path.clone()));
    let mut data_periods = Vec::new();
    if let Some(results) = &site.results {
        let css = theme
            .static_files
            .get(Path::new("style.css"))
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default();
        let current = crate::render::site::current_period(site).map(|v| v.id);
        for period in &results.periods {
            let view = crate::results::view::period_view(results, period, &site.documents);
            let files = crate::results::view::downloads(&view);
            let names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
            for (name, bytes) in &files {
                let rel = format!("ket-qua/{}/{name}", period.id);
                staging.write(&rel, bytes).map_err(io(&rel))?;
            }
            let source = format!("ket-qua/{}.yaml", period.id);
            let html = pages
                .results(site, &view, &names)
                .map_err(render_err(&source))?;
            let rel = format!("ket-qua/{}.html", period.id);
            staging.write(&rel, html.as_bytes()).map_err(io(&rel))?;
            written.push(rel);
            if current.as_deref() == Some(period.id.as_str()) {
                let one = pages
                    .results_one_file(site, &view, &css)
                    .map_err(render_err(&source))?;
                let rel = format!("ket-qua/{}-mot-tep.html", period.id);
                staging.write(&rel, one.as_bytes()).map_err(io(&rel))?;
            }
            data_periods.push((period.id.clone(), period.label.clone(), names));
        }
        let html = pages
            .results_index(site)
            .map_err(render_err("ket-qua/index.html"))?;
        staging
            .write("ket-qua/index.html", html.as_bytes())
            .map_err(io("ket-qua/index.html"))?;
        written.push("ket-qua/index.html".into());
    }
    let html = pages
        .documents(site)
        .map_err(render_err("van-ban/index.html"))?;
    staging
        .write("van-ban/index.html", html.as_bytes())
        .map_err(io("van-ban/index.html"))?;
    written.push("van-ban/index.html".into());
    let officials = crate::render::site::officials(site);
    let html = pages
        .officials(site, &officials)
        .map_err(render_err("can-bo/index.html"))?;
    staging
        .write("can-bo/index.html", html.as_bytes())
        .map_err(io("can-bo/index.html"))?;
    written.push("can-bo/index.html".into());
    for o in &officials {
        let rel = format!("can-bo/{}.html", o.id);
        let html = pages.official(site, o).map_err(render_err(&rel))?;
        staging.write(&rel, html.as_bytes()).map_err(io(&rel))?;
        written.push(rel);
    }
    let html = pages
        .data(site, &data_periods)
        .map_err(render_err("du-lieu.html"))?;
    staging
        .write("du-lieu.html", html.as_bytes())
        .map_err(io("du-lieu.html"))?;
    written.push("du-lieu.html".into());
    let sitemap = crate::render::site::sitemap(site, &written);
    staging
        .write("sitemap.xml", sitemap.as_bytes())
        .map_err(io("sitemap.xml"))?;
    let index = pages.index(site).map_err(|detail| BuildError::Render {
        document: PathBuf::from("index.html"),
        detail,
    })?;
    staging
        .write("index.html", index.as_bytes())
        .map_err(io("index.html"))?;
    for (rel, bytes) in &theme.static_files {
        let rel = Path::new("static").join(rel);
        staging
            .write(&rel, bytes)
            .map_err(io(&rel.to_string_lossy()))?;
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
    staging
        .write("documents.json", &json)
        .map_err(io("documents.json"))?;
    Ok(())
}
