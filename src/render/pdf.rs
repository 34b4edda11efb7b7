//! PDF through the embedded Typst compiler. The model reaches the theme's layouts as a
//! virtual `/data.json` file; no user text is ever part of Typst source.

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;
use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::fonts::FontSet;
use crate::model::{Document, Issuer};
use crate::theme::Theme;

/// What is shared by every compilation in a process: the standard library and the fonts.
/// Typst memoises layout by the hash of these, so one instance keeps its cache warm.
pub struct Engine {
    library: LazyHash<Library>,
    pub fonts: FontSet,
    /// The digest of every font's bytes, for the cache's keys; computed once.
    fonts_digest: std::sync::OnceLock<[u8; 32]>,
}

impl Engine {
    pub fn new(fonts: FontSet) -> Arc<Self> {
        threads(None);
        Arc::new(Self {
            library: LazyHash::new(Library::default()),
            fonts,
            fonts_digest: std::sync::OnceLock::new(),
        })
    }

    /// What the fonts are, for the cache: their bytes and face indices, in load order.
    pub fn fonts_digest(&self) -> [u8; 32] {
        *self.fonts_digest.get_or_init(|| {
            let mut parts: Vec<Vec<u8>> = vec![self.fonts.family.as_bytes().to_vec()];
            for f in &self.fonts.fonts {
                parts.push(f.index().to_le_bytes().to_vec());
                parts.push(crate::cache::digest(&[f.data().as_slice()]).to_vec());
            }
            let parts: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
            crate::cache::digest(&parts)
        })
    }
}

/// Sets up rayon's global pool (`jobs` threads, or one per core) before any layout. Typst
/// lays out on it and recurses deeply; the default 2 MiB worker stacks overflowed in a
/// 900-document run. Fails harmlessly if the pool already exists (the first caller chose).
pub fn threads(jobs: Option<usize>) {
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .stack_size(64 << 20)
        .build_global();
}

/// The standards each PDF is written to (`--pdf-standard`). typst-pdf checks them as it
/// writes and refuses a file that breaks one: a theme that drew an image without alt text,
/// say, fails the build instead of shipping an inaccessible file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Standard {
    /// PDF/A-2a (archival, tagged: the level "a" of accessible archiving) and PDF/UA-1.
    #[default]
    A2aUa1,
    /// PDF/A-2b: archival, what is visible only.
    A2b,
    /// PDF/UA-1 alone.
    Ua1,
    /// Plain PDF 1.7, tagged.
    Plain,
}

impl Standard {
    /// The names `--pdf-standard` takes.
    pub const NAMES: [(&'static str, Standard); 4] = [
        ("a-2a+ua-1", Standard::A2aUa1),
        ("a-2b", Standard::A2b),
        ("ua-1", Standard::Ua1),
        ("pdf", Standard::Plain),
    ];

    fn list(self) -> &'static [PdfStandard] {
        match self {
            Standard::A2aUa1 => &[PdfStandard::A_2a, PdfStandard::Ua_1],
            Standard::A2b => &[PdfStandard::A_2b],
            Standard::Ua1 => &[PdfStandard::Ua_1],
            Standard::Plain => &[],
        }
    }
}

/// The theme's Typst layouts, parsed once per build.
pub struct Layouts {
    engine: Arc<Engine>,
    sources: HashMap<FileId, Source>,
    main: FileId,
    data: FileId,
    /// The digest of the fonts and the layout sources: the part of every PDF's cache key
    /// that is the same for all documents.
    digest: [u8; 32],
    standards: PdfStandards,
}

/// The data one document's layout reads from `/data.json`.
#[derive(Serialize)]
struct DocData<'a> {
    font: &'a str,
    issuer: &'a Issuer,
    document: &'a Document,
    phrases: crate::present::Phrases,
}

/// A finished PDF and the laid-out pages it was written from (for inspection in tests).
pub struct Rendered {
    pub pdf: Vec<u8>,
    pub layout: PagedDocument,
}

fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

impl Layouts {
    pub fn new(engine: Arc<Engine>, theme: &Theme) -> Result<Self, String> {
        let mut sources = HashMap::new();
        let fonts = engine.fonts_digest();
        let mut parts: Vec<&[u8]> = vec![crate::cache::VERSION.as_bytes(), &fonts];
        for (path, text) in &theme.typst {
            let id = file_id(path).ok_or_else(|| format!("invalid theme path {path}"))?;
            sources.insert(id, Source::new(id, text.clone()));
            parts.extend([path.as_bytes(), text.as_bytes()]);
        }
        let digest = crate::cache::digest(&parts);
        let main = file_id("/main.typ").ok_or("no main.typ")?;
        let data = file_id("/data.json").ok_or("no data path")?;
        Ok(Self {
            engine,
            sources,
            main,
            data,
            digest,
            standards: PdfStandards::new(Standard::default().list())
                .map_err(|e| e.message().to_string())?,
        })
    }

    /// Writes every PDF to `standard` instead of the default PDF/A-2a + PDF/UA-1. The
    /// standard is part of every cache key: a PDF made to another one is never reused.
    pub fn with_standard(mut self, standard: Standard) -> Result<Self, String> {
        self.standards = PdfStandards::new(standard.list()).map_err(|e| e.message().to_string())?;
        self.digest = crate::cache::digest(&[&self.digest, format!("{standard:?}").as_bytes()]);
        Ok(self)
    }

    /// The cache key of a document whose `/data.json` is `json`.
    pub fn key(&self, json: &[u8]) -> [u8; 32] {
        crate::cache::digest(&[&self.digest, json])
    }

    /// The `/data.json` the layouts read for one document (also for running the same layout
    /// through the typst CLI in benchmarks).
    pub fn data_json(&self, issuer: &Issuer, document: &Document) -> Result<Vec<u8>, String> {
        let data = DocData {
            font: &self.engine.fonts.family,
            issuer,
            document,
            phrases: crate::present::phrases(issuer, document),
        };
        serde_json::to_vec(&data).map_err(|e| e.to_string())
    }

    /// Lays out and writes one document. Any Typst error or warning is a bug in the theme,
    /// since the content was fully validated before; it comes back as text for the log.
    pub fn render(&self, issuer: &Issuer, document: &Document) -> Result<Rendered, String> {
        let json = self.data_json(issuer, document)?;
        self.render_json(issuer, document, json)
    }

    /// [`Layouts::render`] with the document's `/data.json` already made.
    pub fn render_json(
        &self,
        issuer: &Issuer,
        document: &Document,
        json: Vec<u8>,
    ) -> Result<Rendered, String> {
        let world = DocWorld {
            layouts: self,
            data: Bytes::new(json),
            today: Datetime::from_ymd(
                i32::from(document.date.0.year),
                document.date.0.month,
                document.date.0.day.unwrap_or(1),
            ),
        };
        let warned = typst::compile::<PagedDocument>(&world);
        let layout = warned.output.map_err(|errors| world.describe(&errors))?;
        if !warned.warnings.is_empty() {
            return Err(world.describe(&warned.warnings));
        }
        let d = &document.date.0;
        let options = PdfOptions {
            ident: Smart::Custom(format!("cchc/{}/{}", issuer.code, document.slug)),
            creator: Smart::Custom(Some(format!("cchc {}", env!("CARGO_PKG_VERSION")))),
            // PDF/A wants a date: the document's own, so that the same content gives the
            // same bytes (never the clock).
            timestamp: Datetime::from_ymd_hms(
                i32::from(d.year),
                d.month,
                d.day.unwrap_or(1),
                0,
                0,
                0,
            )
            .map(Timestamp::new_utc),
            standards: self.standards.clone(),
            ..PdfOptions::default()
        };
        let pdf = typst_pdf::pdf(&layout, &options).map_err(|errors| world.describe(&errors))?;
        Ok(Rendered { pdf, layout })
    }
}

struct DocWorld<'a> {
    layouts: &'a Layouts,
    data: Bytes,
    today: Option<Datetime>,
}

impl DocWorld<'_> {
    fn describe(&self, diags: &[SourceDiagnostic]) -> String {
        diags
            .iter()
            .map(|d| {
                let kind = match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                };
                let place = d
                    .span
                    .id()
                    .and_then(|id| {
                        let source = self.source(id).ok()?;
                        let range = self.range(d.span)?;
                        let (line, col) = source.lines().byte_to_line_column(range.start)?;
                        Some(format!(
                            "{}:{}:{}",
                            id.get().vpath().get_with_slash(),
                            line + 1,
                            col + 1
                        ))
                    })
                    .unwrap_or_else(|| "?".into());
                let hints: String = d
                    .hints
                    .iter()
                    .map(|h| format!(" (hint: {})", h.v))
                    .collect();
                format!("typst {kind}: {place}: {}{hints}", d.message)
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.layouts.engine.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.layouts.engine.fonts.book
    }

    fn main(&self) -> FileId {
        self.layouts.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.layouts
            .sources
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.get().vpath().get_with_slash().into()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.layouts.data {
            return Ok(self.data.clone());
        }
        self.source(id)
            .map(|s| Bytes::from_string(s.text().to_string()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.layouts.engine.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}
