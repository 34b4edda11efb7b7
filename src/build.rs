//! The pipeline: load and validate → views → the outputs (PDF, pages, Word, data, static
//! files, sitemap) → swap the output folder into place.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::cache::{self, Cache};
use crate::content::{self, Loaded};
use crate::diag::Diagnostics;
pub use crate::error::BuildError;
use crate::output::{Claim, Kind, Protected};
use crate::outputs::{Data, Out, Output, Pdfs, Progress, Sitemap, StaticFiles, WebPages};
use crate::present::Views;
use crate::render::docx::Docx;
use crate::render::html::Pages;
use crate::render::pdf::{Engine, Layouts};
use crate::theme::Theme;

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
    /// Write each document's Word twin beside its PDF (off: `--khong-word`).
    pub word: bool,
    /// Copy unchanged documents' PDFs and Word twins from the cache (off: `--no-cache`).
    pub incremental: bool,
    /// The ND30 checklist's findings on the laid-out PDFs are errors, not warnings
    /// (`--strict`): nothing is written.
    pub strict: bool,
    /// The standards every PDF is written to (`--pdf-standard`).
    pub pdf_standard: crate::render::pdf::Standard,
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
            pdf_standard: Default::default(),
            strict: false,
            word: true,
            incremental: true,
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

/// What a successful build produced.
#[derive(Debug)]
pub struct Report {
    pub documents: usize,
    pub pdf_pages: usize,
    pub warnings: Diagnostics,
    /// PDFs laid out by this build; the others were copied from the cache.
    pub typeset: usize,
}

/// Loads and validates without writing anything (`cchc check`).
pub fn check(engine: &Engine, paths: &Paths) -> Result<Loaded, BuildError> {
    Theme::resolve(paths.theme.as_deref(), paths.templates.as_deref())
        .map_err(BuildError::Theme)?;
    content::load(&paths.content, &engine.fonts.coverage()).map_err(BuildError::Content)
}

/// `cchc check` lays every document out too, in memory, and runs the ND30 checklist on the
/// pages ([`crate::render::checklist`]): what a build would warn about, nothing written.
pub fn check_layout(
    engine: &Arc<Engine>,
    paths: &Paths,
    site: &crate::model::Site,
) -> Result<Diagnostics, BuildError> {
    use rayon::prelude::*;
    let theme = Theme::resolve(paths.theme.as_deref(), paths.templates.as_deref())
        .map_err(BuildError::Theme)?;
    let layouts =
        Layouts::new(Arc::clone(engine), &theme).map_err(|detail| BuildError::Render {
            document: theme.dir.clone(),
            detail,
        })?;
    let views = Views::new(site);
    let mut found = Diagnostics::default();
    for chunk in views.documents.chunks(crate::outputs::EVICT_EVERY) {
        let chunk: Vec<Vec<crate::diag::Diagnostic>> = chunk
            .par_iter()
            .map(|doc| {
                let r = layouts
                    .render(&site.issuer, doc)
                    .map_err(|detail| BuildError::Render {
                        document: doc.source.clone(),
                        detail,
                    })?;
                let insp = crate::render::inspect::inspect(&r.layout);
                Ok(crate::render::checklist::check(&insp, &site.issuer, doc))
            })
            .collect::<Result<_, BuildError>>()?;
        chunk.into_iter().flatten().for_each(|d| found.push(d));
        comemo::evict(0);
    }
    Ok(found)
}

pub fn build(engine: &Arc<Engine>, paths: &Paths) -> Result<Report, BuildError> {
    build_with(engine, paths, &|_, _, _| {})
}

/// [`build`], telling `progress` how many of the documents' PDFs are done (done, all, the
/// one just done) as it goes: a province's thousands of documents take minutes.
pub fn build_with(
    engine: &Arc<Engine>,
    paths: &Paths,
    progress: Progress,
) -> Result<Report, BuildError> {
    let timings = Timings::from_env();
    // Before any work: a build that may not write where it was told stops at once.
    let claim = Claim::new(&paths.output, &paths.protected(), &paths.cache())
        .map_err(BuildError::Output)?;
    let theme = Theme::resolve(paths.theme.as_deref(), paths.templates.as_deref())
        .map_err(BuildError::Theme)?;
    let Loaded { mut site, warnings } =
        content::load(&paths.content, &engine.fonts.coverage()).map_err(BuildError::Content)?;
    let theme_error = |detail: String| BuildError::Render {
        document: theme.dir.clone(),
        detail,
    };
    let layouts = Layouts::new(Arc::clone(engine), &theme)
        .and_then(|l| l.with_standard(paths.pdf_standard))
        .map_err(theme_error)?;
    let cache = Arc::new(if paths.incremental {
        Cache::open(&paths.cache())
    } else {
        Cache::disabled()
    });
    let pages = Pages::new(&theme)
        .map_err(theme_error)?
        .cached(Arc::clone(&cache));
    let docx = Docx::new().map_err(theme_error)?;
    if !paths.word {
        // No .docx written, none listed or linked.
        site.documents
            .iter_mut()
            .for_each(|d| d.meta.docx_path = None);
    }

    timings.lap("nạp và kiểm tra / load and validate");
    let staging = claim.stage().map_err(BuildError::Output)?;
    let views = Views::new(&site);
    timings.lap("trình bày / views");
    let findings = std::sync::Mutex::new(Vec::new());
    // In this order: the sitemap lists the pages written before it.
    let outputs: [(&str, &dyn Output); 6] = [
        (
            "PDF",
            &Pdfs {
                layouts: &layouts,
                progress,
                findings: &findings,
            },
        ),
        (
            "trang web / pages",
            &WebPages {
                pages: &pages,
                theme: &theme,
            },
        ),
        ("Word", &docx),
        ("dữ liệu / data", &Data),
        ("tệp tĩnh / static", &StaticFiles(&theme)),
        ("sitemap", &Sitemap(&pages)),
    ];
    let mut out = Out::new(&staging, &cache);
    let mut pdf_pages = 0;
    for (name, output) in outputs {
        match output.write(&views, &mut out) {
            Ok(n) => pdf_pages += n,
            Err(e) => {
                staging.abandon();
                return Err(e);
            }
        }
        timings.lap(name);
    }
    let mut findings = findings.into_inner().unwrap_or_default();
    findings.sort_by(|a, b| a.file.cmp(&b.file));
    if paths.strict && !findings.is_empty() {
        staging.abandon();
        return Err(as_errors(findings));
    }
    staging.commit().map_err(BuildError::Output)?;
    // Every file was made or copied: what the cache holds beyond that is stale, except the
    // Word twins of a build that wrote none.
    let made: Vec<cache::Kind> = cache::Kind::ALL
        .into_iter()
        .filter(|k| paths.word || *k != cache::Kind::Docx)
        .collect();
    cache.prune(&made);
    let mut warnings = warnings;
    findings.into_iter().for_each(|d| warnings.push(d));
    Ok(Report {
        documents: site.documents.len(),
        pdf_pages,
        warnings,
        typeset: cache.counts(cache::Kind::Pdf).1,
    })
}

/// `--strict`: the checklist's findings, as errors that stop the build.
fn as_errors(findings: Vec<crate::diag::Diagnostic>) -> BuildError {
    let mut errors = Diagnostics::default();
    for mut d in findings {
        d.severity = crate::diag::Severity::Error;
        errors.push(d);
    }
    BuildError::Content(errors)
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
