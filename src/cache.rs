//! The incremental cache (bộ đệm): each document's PDF and Word twin, and each web page, kept
//! in the cache folder beside the content (`.cchc/bo-dem/`) under a key made of everything they
//! are made from: the data given to Typst, to the Word writer or to the page's template, the
//! theme's layouts or templates, the fonts and the version of cchc. A build then lays out only the documents whose key changed; the others' bytes are
//! copied from the cache, so a cached build is byte for byte a clean one.
//!
//! An entry carries the digest of its bytes: one truncated or damaged (a full disk, a killed
//! process, a hand edit) fails the check, is deleted and made again, never copied out.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use sha2::{Digest, Sha256};

/// The cache's folder inside the cache folder (`.cchc/`).
pub const DIR: &str = "bo-dem";

/// What every key holds besides the inputs: a new cchc (or Typst) may lay out the same data
/// differently.
pub const VERSION: &str = concat!("cchc ", env!("CARGO_PKG_VERSION"), " typst 0.15.1");

/// The first bytes of every entry: the format of the entry itself.
const MAGIC: &[u8; 8] = b"cchc-c1\n";
/// MAGIC, the payload's SHA-256, the page count.
const HEADER: usize = 8 + 32 + 4;

/// A SHA-256 over several byte strings, each prefixed by its length so that moving bytes
/// from one part to the next gives another key.
pub fn digest(parts: &[&[u8]]) -> [u8; 32] {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p);
    }
    h.finalize().into()
}

/// A SHA-256 fed as a writer, so that a value can be serialized straight into its digest.
#[derive(Default)]
pub struct Hasher(Sha256);

impl Hasher {
    pub fn finish(self) -> [u8; 32] {
        self.0.finalize().into()
    }
}

impl Write for Hasher {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The kinds of entry, each in its own folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Pdf,
    Docx,
    /// A web page: rendering its template costs more than finding it here.
    Html,
    /// A period's Excel workbook.
    Xlsx,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Pdf, Kind::Docx, Kind::Html, Kind::Xlsx];

    fn index(self) -> usize {
        self as usize
    }

    fn dir(self) -> &'static str {
        match self {
            Kind::Pdf => "pdf",
            Kind::Docx => "docx",
            Kind::Html => "html",
            Kind::Xlsx => "xlsx",
        }
    }
}

/// One cached file: its bytes and, for a PDF, its page count.
pub struct Entry {
    pub bytes: Vec<u8>,
    pub pages: u32,
}

/// The cache of one build. Disabled (`--no-cache`), it finds nothing and keeps nothing.
#[derive(Default)]
pub struct Cache {
    dir: Option<PathBuf>,
    /// Entries this build read or wrote: what [`Cache::prune`] keeps.
    used: Mutex<HashSet<PathBuf>>,
    /// Per kind: entries found, entries missing (made by this build).
    hits: [AtomicUsize; Kind::ALL.len()],
    misses: [AtomicUsize; Kind::ALL.len()],
}

impl Cache {
    /// The cache under the cache folder `root` (`.cchc/`).
    pub fn open(root: &Path) -> Self {
        Self {
            dir: Some(root.join(DIR)),
            ..Self::default()
        }
    }

    /// No cache: every document is laid out.
    pub fn disabled() -> Self {
        Self::default()
    }

    /// How many files of `kind` were copied from the cache, and how many were made.
    pub fn counts(&self, kind: Kind) -> (usize, usize) {
        (
            self.hits[kind.index()].load(Ordering::Relaxed),
            self.misses[kind.index()].load(Ordering::Relaxed),
        )
    }

    fn path(&self, kind: Kind, key: &[u8; 32]) -> Option<PathBuf> {
        let name = hex(key);
        let dir = self.dir.as_ref()?.join(kind.dir()).join(&name[..2]);
        Some(dir.join(name))
    }

    /// The entry for `key`, if there is a sound one; a damaged one is removed.
    pub fn get(&self, kind: Kind, key: &[u8; 32]) -> Option<Entry> {
        let Some(path) = self.path(kind, key) else {
            self.misses[kind.index()].fetch_add(1, Ordering::Relaxed);
            return None;
        };
        let found = std::fs::read(&path).ok().and_then(|bytes| parse(&bytes));
        if found.is_none() && std::fs::symlink_metadata(&path).is_ok() {
            let _ = std::fs::remove_file(&path);
        }
        let counter = if found.is_some() {
            &self.hits[kind.index()]
        } else {
            &self.misses[kind.index()]
        };
        counter.fetch_add(1, Ordering::Relaxed);
        if found.is_some() {
            self.used(path);
        }
        found
    }

    /// Keeps `bytes` under `key`. The cache only saves time: failing to write it (a full
    /// disk, a read-only folder) is not an error of the build.
    pub fn put(&self, kind: Kind, key: &[u8; 32], bytes: &[u8], pages: u32) {
        let Some(path) = self.path(kind, key) else {
            return;
        };
        if write_entry(&path, bytes, pages).is_ok() {
            self.used(path);
        }
    }

    fn used(&self, path: PathBuf) {
        if let Ok(mut used) = self.used.lock() {
            used.insert(path);
        }
    }

    /// Removes the entries of `kinds` that this build did not use, so that the cache holds
    /// one build's files however many times a document was edited. Call after a build
    /// that made every document of those kinds.
    pub fn prune(&self, kinds: &[Kind]) {
        let (Some(dir), Ok(used)) = (self.dir.as_ref(), self.used.lock()) else {
            return;
        };
        for kind in kinds {
            let files = walkdir::WalkDir::new(dir.join(kind.dir()))
                .min_depth(2)
                .max_depth(2)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file());
            for e in files {
                if !used.contains(e.path()) {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
    }
}

/// The payload of a sound entry.
fn parse(bytes: &[u8]) -> Option<Entry> {
    if bytes.len() < HEADER || &bytes[..8] != MAGIC {
        return None;
    }
    let payload = &bytes[HEADER..];
    let sum: [u8; 32] = Sha256::digest(payload).into();
    if bytes[8..40] != sum {
        return None;
    }
    let pages = u32::from_le_bytes(bytes[40..44].try_into().ok()?);
    Some(Entry {
        bytes: payload.to_vec(),
        pages,
    })
}

/// Written under a temporary name and renamed: a reader sees a whole entry or none, even
/// with two builds of the same project at once.
fn write_entry(path: &Path, bytes: &[u8], pages: u32) -> std::io::Result<()> {
    let dir = path.parent().ok_or(std::io::ErrorKind::InvalidInput)?;
    std::fs::create_dir_all(dir)?;
    static SEQ: AtomicUsize = AtomicUsize::new(0);
    let tmp = dir.join(format!(
        ".tmp-{}-{}",
        std::process::id(),
        SEQ.fetch_add(1, Ordering::Relaxed)
    ));
    let written = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(MAGIC)?;
        f.write_all(&Sha256::digest(bytes))?;
        f.write_all(&pages.to_le_bytes())?;
        f.write_all(bytes)?;
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_comes_back_and_a_damaged_one_does_not() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::open(tmp.path());
        let key = digest(&[b"a", b"b"]);
        assert!(cache.get(Kind::Pdf, &key).is_none());
        cache.put(Kind::Pdf, &key, b"%PDF-1.7 bytes", 3);
        let e = cache.get(Kind::Pdf, &key).unwrap();
        assert_eq!((e.bytes.as_slice(), e.pages), (&b"%PDF-1.7 bytes"[..], 3));
        assert_eq!(cache.counts(Kind::Pdf), (1, 1));

        let path = cache.path(Kind::Pdf, &key).unwrap();
        let whole = std::fs::read(&path).unwrap();
        for cut in [0, 7, HEADER, whole.len() - 1] {
            std::fs::write(&path, &whole[..cut]).unwrap();
            assert!(cache.get(Kind::Pdf, &key).is_none(), "truncated at {cut}");
            assert!(!path.exists(), "a damaged entry is removed");
        }
        let mut flipped = whole.clone();
        *flipped.last_mut().unwrap() ^= 1;
        std::fs::write(&path, &flipped).unwrap();
        assert!(cache.get(Kind::Pdf, &key).is_none());
    }

    #[test]
    fn parts_are_delimited_in_the_key() {
        assert_ne!(digest(&[b"ab", b"c"]), digest(&[b"a", b"bc"]));
        assert_ne!(digest(&[b"ab"]), digest(&[b"ab", b""]));
    }

    #[test]
    fn prune_keeps_what_the_build_used() {
        let tmp = tempfile::tempdir().unwrap();
        let first = Cache::open(tmp.path());
        let (a, b) = (digest(&[b"a"]), digest(&[b"b"]));
        first.put(Kind::Pdf, &a, b"A", 1);
        first.put(Kind::Pdf, &b, b"B", 1);
        let second = Cache::open(tmp.path());
        assert!(second.get(Kind::Pdf, &a).is_some());
        second.prune(&[Kind::Pdf]);
        assert!(second.get(Kind::Pdf, &a).is_some());
        assert!(second.get(Kind::Pdf, &b).is_none());
        assert!(Cache::disabled().get(Kind::Pdf, &a).is_none());
    }
}
