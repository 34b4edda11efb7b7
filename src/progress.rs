//! The progress line of a long build on a terminal: "Đang dựng PDF: 120/300 van-ban/cv-120.yaml",
//! rewritten in place, shown only once the build has taken about a second, and wiped before
//! the summary line. Nothing at all when stderr is not a terminal (a log, a pipe, a test).

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::diag::Lang;

/// A short build says nothing until this long has passed.
const QUIET_FOR: Duration = Duration::from_secs(1);
/// The line is rewritten at most this often: a terminal is slower than a cached build.
const EVERY: Duration = Duration::from_millis(100);

pub struct Meter {
    lang: Lang,
    /// Where the line goes; `None` when nobody watches.
    to: Option<Mutex<Box<dyn Write + Send>>>,
    quiet_until: Instant,
    /// When the line was last written, if it ever was.
    last: Mutex<Option<Instant>>,
}

impl Meter {
    /// A meter on stderr, silent unless stderr is a terminal.
    pub fn new(lang: Lang) -> Self {
        let to: Box<dyn Write + Send> = Box::new(std::io::stderr());
        Self::to(
            lang,
            std::io::stderr().is_terminal().then_some(to),
            QUIET_FOR,
        )
    }

    /// A meter writing to `to` once `quiet_for` has passed.
    pub fn to(lang: Lang, to: Option<Box<dyn Write + Send>>, quiet_for: Duration) -> Self {
        Self {
            lang,
            to: to.map(Mutex::new),
            quiet_until: Instant::now() + quiet_for,
            last: Mutex::new(None),
        }
    }

    fn write(&self, text: std::fmt::Arguments) {
        if let Some(Ok(mut to)) = self.to.as_ref().map(Mutex::lock) {
            let _ = to.write_fmt(text);
            let _ = to.flush();
        }
    }

    /// One more document done.
    pub fn tick(&self, done: usize, all: usize, file: &Path) {
        if self.to.is_none() || Instant::now() < self.quiet_until {
            return;
        }
        let Ok(mut last) = self.last.lock() else {
            return;
        };
        if last.is_some_and(|t| t.elapsed() < EVERY) && done < all {
            return;
        }
        *last = Some(Instant::now());
        let what = match self.lang {
            Lang::Vi => "Đang dựng PDF",
            Lang::En => "Laying out PDFs",
        };
        // "\x1b[K" clears what a longer file name left on the line.
        self.write(format_args!(
            "\r{what}: {done}/{all} {}\x1b[K",
            file.display()
        ));
    }

    /// Wipes the line, so that the summary that follows stands alone.
    pub fn finish(&self) {
        if self.last.lock().is_ok_and(|l| l.is_some()) {
            self.write(format_args!("\r\x1b[K"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// A sink the test reads back.
    #[derive(Clone, Default)]
    struct Sink(Arc<Mutex<Vec<u8>>>);

    impl Write for Sink {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_terminal_sees_the_count_and_the_file_then_a_wiped_line() {
        let sink = Sink::default();
        let meter = Meter::to(Lang::Vi, Some(Box::new(sink.clone())), Duration::ZERO);
        meter.tick(1, 3, Path::new("van-ban/a.yaml"));
        meter.tick(3, 3, Path::new("van-ban/c.yaml"));
        meter.finish();
        let text = String::from_utf8(sink.0.lock().unwrap().clone()).unwrap();
        assert!(
            text.starts_with("\rĐang dựng PDF: 1/3 van-ban/a.yaml"),
            "{text:?}"
        );
        assert!(
            text.contains("3/3 van-ban/c.yaml"),
            "the last one always: {text:?}"
        );
        assert!(text.ends_with("\r\x1b[K"), "{text:?}");
    }

    #[test]
    fn a_short_build_and_a_pipe_see_nothing() {
        let sink = Sink::default();
        let short = Meter::to(
            Lang::En,
            Some(Box::new(sink.clone())),
            Duration::from_secs(3600),
        );
        short.tick(1, 1, Path::new("a.yaml"));
        short.finish();
        let piped = Meter::to(Lang::En, None, Duration::ZERO);
        piped.tick(1, 1, Path::new("a.yaml"));
        piped.finish();
        assert!(sink.0.lock().unwrap().is_empty());
    }
}
