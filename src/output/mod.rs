//! Stage 4: write the output folder atomically and safely.
//!
//! The output folder (thư mục đầu ra) is claimed before anything else happens: it must be
//! absent, empty, or a previous cchc output (it holds [`MARKER`]), and it may not be, hold or
//! sit inside any folder the user keeps (content, theme, fonts, templates, the cache, the
//! home folder, `/`). While a build runs it holds a lock, so a second build into the same
//! folder stops at once with the first one's process id.
//!
//! Everything is written into a staging folder in the cache and swapped in whole: on Linux
//! with one atomic `renameat2(RENAME_EXCHANGE)`, so whatever moment the process dies the
//! output folder holds either the last good tree or the new one. Where the exchange is not
//! available, the old tree is moved aside first and moved back by the next build if the
//! process died in between.

mod guard;

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use crate::diag::{Code, Text};

pub use guard::{Kind, Protected, Refusal};

/// The file that marks a folder as cchc's own output: only such a folder (or an empty one)
/// is ever replaced.
pub const MARKER: &str = ".cchc-output";

const MARKER_TEXT: &str = "Thư mục này do `cchc build` tạo ra và được thay toàn bộ mỗi lần dựng: \
đừng để tệp của bạn ở đây.\nThis folder is written by `cchc build` and replaced whole on every \
build: keep no files of your own in it.\n";

/// Why the output folder could not be claimed or written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The folder named for output is one cchc must not replace.
    #[error("{output}: {reason}")]
    Refused { output: PathBuf, reason: Refusal },
    /// Another build is writing into the same output folder.
    #[error("{output}: another build (process {pid}) is writing into this folder")]
    Locked { output: PathBuf, pid: String },
    /// Two inputs would write the same output file: the second is refused, never written
    /// over the first.
    #[error("{0}: two inputs would write this same file")]
    Collision(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl OutputError {
    /// The catalogue's code for this kind of failure.
    pub fn code(&self) -> Code {
        match self {
            OutputError::Refused { .. } => Code::OutputRefused,
            OutputError::Locked { .. } => Code::OutputBusy,
            OutputError::Collision(_) | OutputError::Io { .. } => Code::OutputWrite,
        }
    }

    /// The message and what to do, in both languages.
    pub fn text(&self) -> (Text, Option<Text>) {
        match self {
            OutputError::Refused { output, reason } => {
                let (m, hint) = reason.text();
                (
                    Text::new(
                        format!("Không dựng vào {}: {}", output.display(), m.vi),
                        format!("Not building into {}: {}", output.display(), m.en),
                    ),
                    Some(hint),
                )
            }
            OutputError::Locked { output, pid } => (
                Text::new(
                    format!(
                        "Một lần dựng khác (tiến trình {pid}) đang ghi vào {}.",
                        output.display()
                    ),
                    format!(
                        "Another build (process {pid}) is writing into {}.",
                        output.display()
                    ),
                ),
                Some(Text::new(
                    "Chờ lần dựng đó xong rồi chạy lại, hoặc dựng vào thư mục khác bằng `--output`.",
                    "Wait for it to finish and run again, or build into another folder with `--output`.",
                )),
            ),
            OutputError::Collision(path) => (
                Text::new(
                    format!(
                        "Hai nội dung khác nhau cùng ghi vào {}: một trang sẽ đè lên trang kia.",
                        path.display()
                    ),
                    format!(
                        "Two inputs would write the same file {}: one page would overwrite the other.",
                        path.display()
                    ),
                ),
                Some(Text::new(
                    "Đổi tên một trong hai tệp nội dung (văn bản, kỳ báo cáo) có tên gần giống nhau.",
                    "Rename one of the two content files (documents, periods) whose names are alike.",
                )),
            ),
            OutputError::Io { path, source } => {
                let why = crate::diag::io_reason(source);
                (
                    Text::new(
                        format!("Không ghi được {}: {}", path.display(), why.vi),
                        format!("Cannot write {}: {}", path.display(), why.en),
                    ),
                    None,
                )
            }
        }
    }
}

fn io_at(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// An output folder claimed for one build: checked, locked, and with its work folder ready.
#[derive(Debug)]
pub struct Claim {
    target: PathBuf,
    work: PathBuf,
    // Held for the whole build; the OS releases it when the process ends, however it ends.
    _lock: File,
}

impl Claim {
    /// Checks that `output` may be replaced, takes its lock, and puts back the last good tree
    /// if an earlier build died in the middle of a swap.
    pub fn new(output: &Path, protected: &Protected, cache: &Path) -> Result<Self, OutputError> {
        let target = guard::check(output, protected)?;
        let work = work_folder(&target, cache)?;
        std::fs::create_dir_all(&work).map_err(io_at(&work))?;
        let lock = guard::lock(&work.join("lock"), output)?;
        let claim = Self {
            target,
            work,
            _lock: lock,
        };
        claim.recover()?;
        // The folder may have changed between the check and the lock: check again.
        guard::check(output, protected)?;
        Ok(claim)
    }

    fn old(&self) -> PathBuf {
        self.work.join("old")
    }

    fn staged(&self) -> PathBuf {
        self.work.join("new")
    }

    /// A build that died between its two renames left the last good tree in `old`.
    fn recover(&self) -> Result<(), OutputError> {
        let old = self.old();
        if old.is_dir() && std::fs::symlink_metadata(&self.target).is_err() {
            std::fs::rename(&old, &self.target).map_err(io_at(&self.target))?;
        }
        for leftover in [self.old(), self.staged()] {
            if std::fs::symlink_metadata(&leftover).is_ok() {
                std::fs::remove_dir_all(&leftover).map_err(io_at(&leftover))?;
            }
        }
        Ok(())
    }

    /// A fresh, empty staging folder for this build.
    pub fn stage(&self) -> Result<Staging<'_>, OutputError> {
        let dir = self.staged();
        if std::fs::symlink_metadata(&dir).is_ok() {
            std::fs::remove_dir_all(&dir).map_err(io_at(&dir))?;
        }
        std::fs::create_dir_all(&dir).map_err(io_at(&dir))?;
        let staging = Staging { claim: self, dir };
        staging.write(MARKER, MARKER_TEXT.as_bytes())?;
        Ok(staging)
    }
}

/// Where a build of `target` stages its tree: in the cache when it is on the same file
/// system (a rename cannot cross file systems), otherwise beside the target.
fn work_folder(target: &Path, cache: &Path) -> Result<PathBuf, OutputError> {
    let parent = target.parent().unwrap_or(target);
    let key = format!(
        "{}-{:016x}",
        guard::file_name(target),
        fnv1a(target.as_os_str().as_encoded_bytes())
    );
    std::fs::create_dir_all(cache).map_err(io_at(cache))?;
    if same_device(cache, parent) {
        Ok(cache.join("dung").join(key))
    } else {
        Ok(parent.join(format!(".{}.cchc", guard::file_name(target))))
    }
}

#[cfg(unix)]
fn same_device(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_device(a: &Path, b: &Path) -> bool {
    a.components().next() == b.components().next()
}

/// A stable 64-bit hash (FNV-1a): names the work folder of an output path across runs.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The tree being written for one build.
pub struct Staging<'a> {
    claim: &'a Claim,
    dir: PathBuf,
}

impl Staging<'_> {
    /// Writes one file. `rel` is a path the build composed from slugs; it never climbs out.
    pub fn write(&self, rel: impl AsRef<Path>, bytes: &[u8]) -> Result<(), OutputError> {
        let rel = rel.as_ref();
        debug_assert!(
            rel.components()
                .all(|c| matches!(c, std::path::Component::Normal(_))),
            "output paths are relative and never climb: {}",
            rel.display()
        );
        let path = self.dir.join(rel);
        if let Some(p) = path.parent() {
            std::fs::create_dir_all(p).map_err(io_at(p))?;
        }
        // Never over a file this build already wrote: whatever the validation missed, two
        // inputs cannot silently share one output.
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| match e.kind() {
                io::ErrorKind::AlreadyExists => OutputError::Collision(rel.to_path_buf()),
                _ => io_at(&path)(e),
            })?;
        io::Write::write_all(&mut file, bytes).map_err(io_at(&path))
    }

    /// Swaps the staged tree into place.
    pub fn commit(self) -> Result<(), OutputError> {
        let target = &self.claim.target;
        if std::fs::symlink_metadata(target).is_err() {
            return std::fs::rename(&self.dir, target).map_err(io_at(target));
        }
        match exchange(&self.dir, target) {
            // The staging path now holds the previous tree.
            Ok(()) => std::fs::remove_dir_all(&self.dir).map_err(io_at(&self.dir)),
            Err(_) => {
                let old = self.claim.old();
                std::fs::rename(target, &old).map_err(io_at(target))?;
                if let Err(e) = std::fs::rename(&self.dir, target) {
                    let _ = std::fs::rename(&old, target);
                    return Err(io_at(target)(e));
                }
                std::fs::remove_dir_all(&old).map_err(io_at(&old))
            }
        }
    }

    /// Drops the staged tree (a failed build); the output folder is untouched.
    pub fn abandon(self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(tmp: &Path, out: &Path) -> Claim {
        let content = tmp.join("content");
        std::fs::create_dir_all(&content).unwrap();
        Claim::new(out, &Protected::new(&content), &tmp.join(".cchc")).unwrap()
    }

    #[test]
    fn commit_replaces_and_abandon_keeps_the_previous_build() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        let c = claim(tmp.path(), &out);
        let s = c.stage().unwrap();
        s.write("a/b.txt", b"one").unwrap();
        s.commit().unwrap();
        drop(c);
        assert_eq!(std::fs::read(out.join("a/b.txt")).unwrap(), b"one");
        assert!(out.join(MARKER).is_file());

        let c = claim(tmp.path(), &out);
        let s = c.stage().unwrap();
        s.write("a/b.txt", b"two").unwrap();
        s.abandon();
        drop(c);
        assert_eq!(std::fs::read(out.join("a/b.txt")).unwrap(), b"one");

        let c = claim(tmp.path(), &out);
        let s = c.stage().unwrap();
        s.write("c.txt", b"three").unwrap();
        s.commit().unwrap();
        assert!(!out.join("a/b.txt").exists());
        assert_eq!(std::fs::read(out.join("c.txt")).unwrap(), b"three");
        let mut left: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(left, [".cchc", "content", "output"], "nothing else beside");
        let work = std::fs::read_dir(tmp.path().join(".cchc/dung"))
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        let inside: Vec<_> = std::fs::read_dir(&work)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(inside, ["lock"], "no staged or old tree is left behind");
    }

    #[test]
    fn two_writes_of_one_path_are_a_collision_not_an_overwrite() {
        let tmp = tempfile::tempdir().unwrap();
        let c = claim(tmp.path(), &tmp.path().join("output"));
        let s = c.stage().unwrap();
        s.write("van-ban/index.html", b"list").unwrap();
        match s.write("van-ban/index.html", b"document") {
            Err(OutputError::Collision(p)) => assert_eq!(p, Path::new("van-ban/index.html")),
            other => panic!("expected a collision, got {other:?}"),
        }
        let (message, _) = OutputError::Collision("van-ban/index.html".into()).text();
        assert!(
            message
                .vi
                .starts_with("Hai nội dung khác nhau cùng ghi vào van-ban/index.html")
        );
    }

    #[test]
    fn a_second_build_into_the_same_folder_is_refused_while_the_first_runs() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        let first = claim(tmp.path(), &out);
        let content = tmp.path().join("content");
        let second = Claim::new(&out, &Protected::new(&content), &tmp.path().join(".cchc"));
        match second {
            Err(OutputError::Locked { pid, .. }) => {
                assert_eq!(pid, std::process::id().to_string())
            }
            other => panic!("expected the lock to refuse, got {other:?}"),
        }
        drop(first);
        claim(tmp.path(), &out);
    }

    #[test]
    fn a_build_that_died_between_renames_gets_its_last_good_tree_back() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        let c = claim(tmp.path(), &out);
        let s = c.stage().unwrap();
        s.write("index.html", b"good").unwrap();
        s.commit().unwrap();
        let old = c.old();
        drop(c);
        // What the fallback swap leaves if the process dies after its first rename.
        std::fs::rename(&out, &old).unwrap();
        let c = claim(tmp.path(), &out);
        assert_eq!(std::fs::read(out.join("index.html")).unwrap(), b"good");
        assert!(!c.old().exists());
    }
}
