//! `cchc serve`: the writing loop. Builds, serves the output folder on 127.0.0.1, watches the
//! content, theme, template and font folders, and after each save builds again and tells
//! every open page to reload itself (server-sent events).
//!
//! Serve builds exactly as `cchc build` does, into the same output folder (`--output`,
//! `output/` by default) through the same claim, lock and atomic swap, so the folder always
//! holds the last good build and a `cchc build` run beside it is refused while a rebuild
//! writes. Unchanged documents come from the incremental cache. The preview's script, its
//! error overlay and the PDF preview pages exist only in what the server sends: they are
//! added to pages as they are served, never written to the output folder.
//!
//! A save that breaks the content, the theme or the fonts fails that build only: the terminal
//! and every open page show the same diagnostics, the last good build stays served, and the
//! next good save clears them. Serve does not arm the build watchdog, which ends the process.

mod http;
mod preview;
mod watch;

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Instant;

use crate::args::{Dirs, Run, engine_for};
use crate::build::{self, Paths};
use crate::diag::{Code, Diagnostics, Lang, Text, headline};
use crate::render::pdf::Engine;

#[derive(Debug, clap::Args)]
pub struct Options {
    #[command(flatten)]
    pub dirs: Dirs,
    /// Thư mục đầu ra (như `cchc build`).
    #[arg(long, default_value = "output")]
    pub output: PathBuf,
    /// Cổng của trang xem trước; 0: một cổng còn trống.
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
    /// Địa chỉ nghe. Khác 127.0.0.1 thì máy khác trong mạng cũng xem được bản nháp.
    #[arg(long = "dia-chi", visible_alias = "bind", default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// Không tạo bản Word (.docx) cạnh mỗi PDF.
    #[arg(long = "khong-word", visible_alias = "no-docx")]
    pub khong_word: bool,
    #[command(flatten)]
    pub run: Run,
}

/// What every open page is told: the build's number, and what failed in the last one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Now {
    /// Counts good builds: a page served at an older one reloads.
    pub generation: u64,
    /// The terminal's text of the last failed build; `None` once a build succeeds.
    pub error: Option<String>,
}

/// The state shared by the builder and the server.
pub struct Live {
    now: Mutex<Now>,
    changed: Condvar,
    pub output: PathBuf,
    pub lang: Lang,
    /// What the PDF preview pages are laid out from.
    pub preview: preview::Previews,
}

impl Live {
    fn lock(&self) -> MutexGuard<'_, Now> {
        // A panicking request thread must not stop the preview: the state stays usable.
        self.now.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn now(&self) -> Now {
        self.lock().clone()
    }

    fn set(&self, error: Option<String>) {
        let mut now = self.lock();
        if error.is_none() {
            now.generation += 1;
        }
        now.error = error;
        drop(now);
        self.changed.notify_all();
    }

    /// Waits until the state differs from `seen` or `timeout` passes.
    pub fn wait(&self, seen: &Now, timeout: std::time::Duration) -> Now {
        let now = self.lock();
        let (now, _) = self
            .changed
            .wait_timeout_while(now, timeout, |n| n == seen)
            .unwrap_or_else(|p| p.into_inner());
        now.clone()
    }
}

/// The engine and paths of the builds, and the folders to watch.
struct Builder {
    dirs: Dirs,
    paths: Paths,
    lang: Lang,
    engine: Arc<Engine>,
    font_errors: Diagnostics,
}

impl Builder {
    /// Loads the fonts again (after a change in the fonts folder).
    fn fonts(&mut self) {
        let (engine, errors) = engine_for(&self.dirs);
        self.engine = engine;
        self.font_errors = errors;
    }

    /// One build: its summary line, or what the terminal shows for its failure.
    fn build(&self) -> Result<String, String> {
        let started = Instant::now();
        let lang = self.lang;
        if self.font_errors.has_errors() {
            return Err(self
                .font_errors
                .clone()
                .sorted()
                .render(lang, Path::new("")));
        }
        let report = build::build_with(&self.engine, &self.paths, &|_, _, _| {})
            .map_err(|e| crate::failure::failure(&e, lang, &self.dirs.content).0)?;
        let mut text = String::new();
        for (diags, root) in [
            (&self.engine.fonts.warnings, Path::new("")),
            (&report.warnings, self.dirs.content.as_path()),
        ] {
            if !diags.is_empty() {
                text.push_str(&diags.clone().sorted().render(lang, root));
            }
        }
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        text.push_str(
            Text::new(
                format!(
                    "Đã dựng {} văn bản ({} dàn trang lại) trong {ms:.0} ms.",
                    report.documents, report.typeset
                ),
                format!(
                    "Built {} documents ({} laid out again) in {ms:.0} ms.",
                    report.documents, report.typeset
                ),
            )
            .get(lang),
        );
        Ok(text)
    }

    /// The folders whose changes call for a build.
    fn watched(&self) -> Vec<PathBuf> {
        let mut dirs = vec![self.paths.content.clone()];
        dirs.extend(self.paths.theme.clone());
        dirs.extend(self.paths.templates.clone());
        dirs.extend(self.paths.fonts.clone());
        dirs
    }
}

/// Builds and reports to the terminal and to the pages.
fn rebuild(builder: &Builder, live: &Live) {
    match builder.build() {
        Ok(summary) => {
            line(std::io::stderr(), format_args!("{summary}"));
            live.set(None);
        }
        Err(text) => {
            part(std::io::stderr(), format_args!("{text}"));
            live.set(Some(text));
        }
    }
}

pub fn run(options: &Options, lang: Lang) -> ExitCode {
    crate::render::pdf::threads(options.run.jobs.map(usize::from));
    let (engine, font_errors) = engine_for(&options.dirs);
    let mut paths = options.dirs.paths(&options.output);
    paths.word = !options.khong_word;
    paths.incremental = !options.run.no_cache;
    let mut builder = Builder {
        dirs: Dirs {
            content: options.dirs.content.clone(),
            theme: options.dirs.theme.clone(),
            fonts: options.dirs.fonts.clone(),
        },
        paths: paths.clone(),
        lang,
        engine,
        font_errors,
    };
    let live = Arc::new(Live {
        now: Mutex::new(Now::default()),
        changed: Condvar::new(),
        output: std::path::absolute(&options.output).unwrap_or(options.output.clone()),
        lang,
        preview: preview::Previews::new(paths, Arc::clone(&builder.engine)),
    });
    let server = match tiny_http::Server::http((options.bind, options.port)) {
        Ok(s) => s,
        Err(e) => {
            let text = Text::new(
                format!(
                    "Không mở được cổng {} trên {}: {e}. Chọn cổng khác bằng `--port`.",
                    options.port, options.bind
                ),
                format!(
                    "Cannot listen on port {} of {}: {e}. Choose another with `--port`.",
                    options.port, options.bind
                ),
            );
            line(
                std::io::stderr(),
                format_args!("{}", headline(Code::OutputWrite, lang, text.get(lang))),
            );
            return ExitCode::from(2);
        }
    };
    let watcher = match watch::Watcher::new(
        &builder.watched(),
        &[options.output.as_path(), builder.paths.cache().as_path()],
    ) {
        Ok(w) => w,
        Err(e) => {
            line(
                std::io::stderr(),
                format_args!("{}", headline(Code::Unreadable, lang, e.get(lang))),
            );
            return ExitCode::from(1);
        }
    };
    rebuild(&builder, &live);
    announce(&server, options.bind, lang);
    let shared = Arc::clone(&live);
    std::thread::spawn(move || http::serve(server, shared));
    loop {
        let changes = watcher.next();
        if changes.fonts_touched(builder.paths.fonts.as_deref()) {
            builder.fonts();
            live.preview.engine(Arc::clone(&builder.engine));
        }
        rebuild(&builder, &live);
    }
}

/// The address to open, and a warning when it is not this computer's alone.
fn announce(server: &tiny_http::Server, bind: IpAddr, lang: Lang) {
    let port = server.server_addr().to_ip().map_or(0, |a| a.port());
    let shown = if bind.is_unspecified() {
        "127.0.0.1".to_string()
    } else {
        bind.to_string()
    };
    let url = format!("http://{shown}:{port}/");
    line(
        std::io::stdout(),
        format_args!(
            "{}",
            Text::new(
                format!("Xem trước tại {url} (Ctrl+C để dừng)"),
                format!("Preview at {url} (Ctrl+C to stop)"),
            )
            .get(lang)
        ),
    );
    if !bind.is_loopback() {
        line(std::io::stderr(), format_args!(
            "{}",
            Text::new(
                format!("Chú ý: đang nghe trên {bind}: máy khác trong mạng cũng xem được bản nháp chưa ban hành."),
                format!("Warning: listening on {bind}: other computers on the network can see the unpublished drafts."),
            )
            .get(lang)
        ));
    }
}

/// A line on stdout or stderr; a closed pipe loses it rather than panicking.
fn line(mut to: impl std::io::Write, text: std::fmt::Arguments) {
    let _ = writeln!(to, "{text}");
}

/// [`line`] without the line break.
fn part(mut to: impl std::io::Write, text: std::fmt::Arguments) {
    let _ = write!(to, "{text}");
}
