//! Benchmark of the PDF stage, in-process (run with `--release`):
//!
//!   cargo run --release --example bench -- content 150 [--dump DIR]
//!
//! Loads the fonts and the standard library once, then compiles (1) the content's first
//! document cold and warm, and (2) one copy of every document per synthetic commune (the
//! issuer's name and every title differ, so no two documents are identical), sequentially and
//! on a 2-thread pool. Prints medians and the peak resident memory. `--dump DIR` also writes
//! the theme's Typst files and the first document's `data.json` into DIR, so that
//! `typst compile --root DIR DIR/main.typ` runs the very same layout for comparison.

use std::path::PathBuf;
use std::time::Instant;

use cchc::content;
use cchc::model::{Document, Issuer};
use cchc::render::fonts::FontSet;
use cchc::render::pdf::{Engine, Layouts};
use cchc::theme::Theme;
use rayon::prelude::*;

/// Documents compiled between two full evictions of Typst's memo cache.
const EVICT_EVERY: usize = 25;

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() {
    // Typst recurses deeply while realizing a document; give the work the same large stack
    // that `cchc build` gets on rayon's pool.
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(run)
        .expect("thread")
        .join()
        .expect("bench ran");
}

fn run() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let content_dir = PathBuf::from(args.first().map_or("content", String::as_str));
    let communes: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(50);
    let dump = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);

    let t = Instant::now();
    let engine = Engine::new(FontSet::load(None).expect("the bundled fonts load"));
    let fonts_ms = t.elapsed().as_secs_f64() * 1e3;
    let loaded = content::load(&content_dir, &engine.fonts.coverage()).expect("valid content");
    let theme = Theme::builtin(None).expect("theme");
    let layouts = Layouts::new(engine.clone(), &theme).expect("layouts");
    let site = loaded.site;
    // The longest document: the plan with its appendix.
    let first = site
        .documents
        .iter()
        .find(|d| d.kind == cchc::model::Kind::Plan)
        .unwrap_or(&site.documents[0]);

    if let Some(dir) = &dump {
        std::fs::create_dir_all(dir).unwrap();
        for (path, text) in &theme.typst {
            std::fs::write(dir.join(path.trim_start_matches('/')), text).unwrap();
        }
        std::fs::write(
            dir.join("data.json"),
            layouts.data_json(&site.issuer, first).unwrap(),
        )
        .unwrap();
        println!(
            "dumped the layout and data of {} into {}",
            first.slug,
            dir.display()
        );
    }

    let t = Instant::now();
    let r = layouts.render(&site.issuer, first).expect("renders");
    let cold_ms = t.elapsed().as_secs_f64() * 1e3;
    let pages = r.layout.pages().len();
    let warm: Vec<f64> = (0..9)
        .map(|_| {
            let t = Instant::now();
            layouts.render(&site.issuer, first).expect("renders");
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    println!("fonts + library: {fonts_ms:.1} ms");
    println!(
        "{} ({pages} pages): first compile {cold_ms:.1} ms, again (memo warm) median {:.1} ms",
        first.slug,
        median(warm)
    );

    // Province scale: every commune its own issuer name and titles.
    let jobs: Vec<(Issuer, Document)> = (0..communes)
        .flat_map(|i| {
            let mut issuer = site.issuer.clone();
            if let Some(last) = issuer.name_lines.last_mut() {
                *last = format!("{last} {}", i + 1);
            }
            issuer.full_name = format!("{} {}", issuer.full_name, i + 1);
            site.documents.iter().map(move |d| {
                let mut d = d.clone();
                d.title = format!("{} (đơn vị {})", d.title, i + 1);
                (issuer.clone(), d)
            })
        })
        .collect();
    comemo::evict(0);
    let t = Instant::now();
    for (i, (issuer, doc)) in jobs.iter().enumerate() {
        layouts.render(issuer, doc).expect("renders");
        if i % EVICT_EVERY == EVICT_EVERY - 1 {
            comemo::evict(0);
        }
    }
    let seq = t.elapsed().as_secs_f64();
    comemo::evict(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    let t = Instant::now();
    pool.install(|| {
        for chunk in jobs.chunks(EVICT_EVERY) {
            chunk
                .par_iter()
                .for_each(|(issuer, doc)| drop(layouts.render(issuer, doc).expect("renders")));
            comemo::evict(0);
        }
    });
    let par = t.elapsed().as_secs_f64();
    println!(
        "{} documents ({communes} communes): sequential {seq:.2} s ({:.0} ms/doc), 2 threads {par:.2} s ({:.0} ms/doc, {:.2}x)",
        jobs.len(),
        seq * 1e3 / jobs.len() as f64,
        par * 1e3 / jobs.len() as f64,
        seq / par
    );
    println!("peak RSS {:.0} MB", peak_rss_mb());
}
