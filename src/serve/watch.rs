//! The folders serve watches, and the wait for a save to settle: an editor's save is often a
//! burst (a temporary file written, renamed over the old one, its metadata set), and one
//! build should follow the burst, not each of its steps.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use notify::{EventKind, RecursiveMode, Watcher as _};

use crate::diag::Text;

/// The quiet time that ends a burst of changes.
const SETTLE: Duration = Duration::from_millis(25);

pub struct Watcher {
    // Kept alive: dropping it stops the watch.
    _inner: notify::RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
    /// Folders whose changes are the build's own (the output, the cache).
    ignored: Vec<PathBuf>,
}

/// The files changed in one burst.
pub struct Changes(Vec<PathBuf>);

impl Changes {
    /// Whether a font file changed: the fonts are loaded again.
    pub fn fonts_touched(&self, fonts: Option<&Path>) -> bool {
        let Some(fonts) = fonts.and_then(|f| std::path::absolute(f).ok()) else {
            return false;
        };
        self.0.iter().any(|p| p.starts_with(&fonts))
    }
}

impl Watcher {
    pub fn new(folders: &[PathBuf], ignored: &[&Path]) -> Result<Self, Text> {
        let (tx, events) = channel();
        let mut inner = notify::recommended_watcher(move |e| {
            let _ = tx.send(e);
        })
        .map_err(|e| {
            Text::new(
                format!("Không theo dõi được thư mục: {e}."),
                format!("Cannot watch the folders: {e}."),
            )
        })?;
        for dir in folders {
            // A folder made later (fonts/) is simply not watched; the content folder
            // missing is reported by the build itself.
            let _ = inner.watch(dir, RecursiveMode::Recursive);
        }
        let ignored = ignored
            .iter()
            .filter_map(|p| std::path::absolute(p).ok())
            .collect();
        Ok(Self {
            _inner: inner,
            events,
            ignored,
        })
    }

    /// Whether `event` is a change of the user's files (not a read, not the build's own
    /// writes).
    fn counts(&self, event: &notify::Event) -> bool {
        // An event without paths (a rescan after the kernel's queue overflowed) may hide
        // any change.
        !matches!(event.kind, EventKind::Access(_))
            && (event.paths.is_empty()
                || event
                    .paths
                    .iter()
                    .any(|p| !self.ignored.iter().any(|i| p.starts_with(i))))
    }

    /// Blocks until a burst of changes has settled.
    pub fn next(&self) -> Changes {
        let mut changed = Vec::new();
        loop {
            let wait = if changed.is_empty() {
                Duration::from_secs(3600)
            } else {
                SETTLE
            };
            match self.events.recv_timeout(wait) {
                Ok(Ok(event)) if self.counts(&event) => {
                    changed.extend(event.paths);
                    changed.push(PathBuf::new());
                }
                Ok(Ok(_)) => {}
                // The watcher lost track (an overflow, a folder gone): build to be safe.
                Ok(Err(_)) => changed.push(PathBuf::new()),
                Err(RecvTimeoutError::Timeout) if !changed.is_empty() => return Changes(changed),
                Err(RecvTimeoutError::Timeout) => {}
                // The watcher is gone: nothing will ever change again; build once more and
                // wait out the hour rather than spin.
                Err(RecvTimeoutError::Disconnected) => {
                    std::thread::sleep(Duration::from_secs(3600));
                    return Changes(changed);
                }
            }
        }
    }
}
