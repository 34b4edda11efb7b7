//! The PDF preview of `cchc serve`: a page per document showing its pages as they will print,
//! laid out in-process by the same Typst layouts as the PDF and drawn as SVG. A browser's PDF
//! viewer does not reload itself; this page does, keeping the page being read in view.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::build::Paths;
use crate::model::{Document, Issuer};
use crate::render::pdf::{Engine, Layouts};
use crate::theme::Theme;

/// One page drawn: the SVG and its size in points.
pub struct Page {
    pub svg: String,
    pub width: f64,
    pub height: f64,
}

/// The documents of one good build, and the pages drawn from them so far.
struct Snapshot {
    generation: u64,
    issuer: Issuer,
    documents: Vec<Document>,
    layouts: Layouts,
    drawn: Mutex<HashMap<String, Arc<Vec<Page>>>>,
}

pub struct Previews {
    paths: Paths,
    engine: Mutex<Arc<Engine>>,
    /// Only the latest: memory holds one build's drawn pages, however many saves.
    snapshot: Mutex<Option<Arc<Snapshot>>>,
}

/// A document's preview: what the page says about it, and its pages.
pub struct Preview {
    pub title: String,
    pub html_path: String,
    pub pdf_path: String,
    pub pages: Arc<Vec<Page>>,
}

impl Previews {
    pub fn new(paths: Paths, engine: Arc<Engine>) -> Self {
        Self {
            paths,
            engine: Mutex::new(engine),
            snapshot: Mutex::new(None),
        }
    }

    /// The fonts changed: later previews use the new engine.
    pub fn engine(&self, engine: Arc<Engine>) {
        if let Ok(mut e) = self.engine.lock() {
            *e = engine;
        }
        if let Ok(mut s) = self.snapshot.lock() {
            *s = None;
        }
    }

    /// The snapshot of build `generation`; the last one that loaded if the content is
    /// broken now.
    fn snapshot(&self, generation: u64) -> Result<Arc<Snapshot>, String> {
        let mut slot = self.snapshot.lock().map_err(|e| e.to_string())?;
        if let Some(s) = slot.as_ref().filter(|s| s.generation == generation) {
            return Ok(Arc::clone(s));
        }
        match self.load(generation) {
            Ok(s) => {
                let s = Arc::new(s);
                *slot = Some(Arc::clone(&s));
                Ok(s)
            }
            Err(e) => slot.as_ref().map(Arc::clone).ok_or(e),
        }
    }

    fn load(&self, generation: u64) -> Result<Snapshot, String> {
        let engine = self.engine.lock().map_err(|e| e.to_string())?.clone();
        let theme = Theme::resolve(self.paths.theme.as_deref(), self.paths.templates.as_deref())
            .map_err(|_| "theme".to_string())?;
        let layouts = Layouts::new(Arc::clone(&engine), &theme)?;
        let loaded = crate::content::load(&self.paths.content, &engine.fonts.coverage())
            .map_err(|_| "content".to_string())?;
        let documents = crate::present::Views::new(&loaded.site)
            .documents
            .into_iter()
            .map(std::borrow::Cow::into_owned)
            .collect();
        Ok(Snapshot {
            generation,
            issuer: loaded.site.issuer.clone(),
            documents,
            layouts,
            drawn: Mutex::new(HashMap::new()),
        })
    }

    /// The preview of the document `slug` in build `generation`; `Ok(None)` when there is
    /// no such document.
    pub fn get(&self, generation: u64, slug: &str) -> Result<Option<Preview>, String> {
        let snapshot = self.snapshot(generation)?;
        let Some(doc) = snapshot.documents.iter().find(|d| d.slug == slug) else {
            return Ok(None);
        };
        let cached = snapshot
            .drawn
            .lock()
            .map_err(|e| e.to_string())?
            .get(slug)
            .cloned();
        let pages = match cached {
            Some(p) => p,
            None => {
                let rendered = snapshot.layouts.render(&snapshot.issuer, doc)?;
                let options = typst_svg::SvgOptions::default();
                let pages: Vec<Page> = rendered
                    .layout
                    .pages()
                    .iter()
                    .map(|p| Page {
                        svg: typst_svg::svg(p, &options),
                        width: p.frame.width().to_pt(),
                        height: p.frame.height().to_pt(),
                    })
                    .collect();
                let pages = Arc::new(pages);
                if let Ok(mut drawn) = snapshot.drawn.lock() {
                    drawn.insert(slug.to_string(), Arc::clone(&pages));
                }
                pages
            }
        };
        Ok(Some(Preview {
            title: doc.meta.full_title.clone(),
            html_path: doc.meta.html_path.clone(),
            pdf_path: doc.meta.pdf_path.clone(),
            pages,
        }))
    }
}
