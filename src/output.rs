//! Stage 4: write the output folder atomically. Everything is written into a staging
//! folder beside the target and swapped in only when complete, so a failed build never
//! leaves a half-written site and never loses the last good one.

use std::io;
use std::path::{Path, PathBuf};

pub struct Staging {
    target: PathBuf,
    dir: PathBuf,
}

impl Staging {
    pub fn new(target: &Path) -> io::Result<Self> {
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "output".into());
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent)?;
        let dir = parent.join(format!(".{name}.building"));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        Ok(Self {
            target: target.to_path_buf(),
            dir,
        })
    }

    pub fn write(&self, rel: impl AsRef<Path>, bytes: &[u8]) -> io::Result<()> {
        let path = self.dir.join(rel);
        if let Some(p) = path.parent() {
            std::fs::create_dir_all(p)?;
        }
        std::fs::write(path, bytes)
    }

    /// Replaces the target with the staged folder.
    pub fn commit(self) -> io::Result<()> {
        let old = self.dir.with_file_name(format!(
            "{}.old",
            self.dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
        if old.exists() {
            std::fs::remove_dir_all(&old)?;
        }
        let had_previous = self.target.exists();
        if had_previous {
            std::fs::rename(&self.target, &old)?;
        }
        if let Err(e) = std::fs::rename(&self.dir, &self.target) {
            if had_previous {
                // Put the last good build back before reporting.
                let _ = std::fs::rename(&old, &self.target);
            }
            return Err(e);
        }
        if had_previous {
            std::fs::remove_dir_all(&old)?;
        }
        Ok(())
    }

    /// Drops the staged folder (a failed build).
    pub fn abandon(self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_and_abandon_keeps_the_previous_build() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        let s = Staging::new(&out).unwrap();
        s.write("a/b.txt", b"one").unwrap();
        s.commit().unwrap();
        assert_eq!(std::fs::read(out.join("a/b.txt")).unwrap(), b"one");

        let s = Staging::new(&out).unwrap();
        s.write("a/b.txt", b"two").unwrap();
        s.abandon();
        assert_eq!(std::fs::read(out.join("a/b.txt")).unwrap(), b"one");

        let s = Staging::new(&out).unwrap();
        s.write("c.txt", b"three").unwrap();
        s.commit().unwrap();
        assert!(!out.join("a/b.txt").exists());
        assert_eq!(std::fs::read(out.join("c.txt")).unwrap(), b"three");
        let leftovers: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "only output/ remains");
    }
}
