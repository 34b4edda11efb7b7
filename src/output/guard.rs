//! Which folders an output may replace, and the lock that keeps one build per output.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Component, Path, PathBuf};

use super::{MARKER, OutputError, io_at};
use crate::diag::Text;

/// The user's folders that an output folder may not be, hold, or sit inside.
#[derive(Debug, Clone, Default)]
pub struct Protected {
    folders: Vec<(Kind, PathBuf)>,
}

/// What a protected folder is, for the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Content,
    Theme,
    Fonts,
    Templates,
    Cache,
    Home,
}

impl Kind {
    fn text(self) -> Text {
        let (vi, en) = match self {
            Kind::Content => ("thư mục nội dung", "the content folder"),
            Kind::Theme => ("thư mục giao diện", "the theme folder"),
            Kind::Fonts => ("thư mục phông chữ", "the fonts folder"),
            Kind::Templates => ("thư mục mẫu `templates/`", "the `templates/` folder"),
            Kind::Cache => ("thư mục bộ đệm `.cchc/`", "the `.cchc/` cache folder"),
            Kind::Home => ("thư mục cá nhân (home)", "the home folder"),
        };
        Text::new(vi, en)
    }
}

impl Protected {
    pub fn new(content: &Path) -> Self {
        let mut p = Self::default();
        p.add(Kind::Content, content);
        if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
            p.add(Kind::Home, Path::new(&home));
        }
        p
    }

    pub fn add(&mut self, kind: Kind, folder: &Path) -> &mut Self {
        if let Ok(abs) = resolve(folder) {
            self.folders.push((kind, abs));
        }
        self
    }
}

/// Why an output folder was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    Root,
    /// It is that folder.
    Is(Kind),
    /// It holds that folder (replacing it would delete it).
    Holds(Kind, PathBuf),
    /// It sits inside that folder.
    Inside(Kind, PathBuf),
    File,
    Link,
    /// A folder with files that cchc did not write; the first few are named.
    NotOurs(Vec<String>),
}

impl Refusal {
    /// The sentence for the clerk, with what to do instead.
    pub fn text(&self) -> (Text, Text) {
        let pick_other = Text::new(
            "Chọn thư mục đầu ra khác bằng `--output THƯ_MỤC` (mặc định `output` cạnh `content/`).",
            "Choose another output folder with `--output DIR` (by default `output` beside `content/`).",
        );
        let message = match self {
            Refusal::Root => Text::new(
                "Không thể dựng vào thư mục gốc của ổ đĩa: cchc thay toàn bộ thư mục đầu ra.",
                "cannot build into the root folder: cchc replaces the whole output folder.",
            ),
            Refusal::Is(kind) => {
                let k = kind.text();
                Text::new(
                    format!("Đây là {}: dựng vào đây sẽ xóa các tệp của bạn.", k.vi),
                    format!("this is {}: building here would delete your files.", k.en),
                )
            }
            Refusal::Holds(kind, path) => {
                let k = kind.text();
                Text::new(
                    format!(
                        "Thư mục này chứa {} ({}): dựng vào đây sẽ xóa nó.",
                        k.vi,
                        path.display()
                    ),
                    format!(
                        "this folder holds {} ({}): building here would delete it.",
                        k.en,
                        path.display()
                    ),
                )
            }
            Refusal::Inside(kind, path) => {
                let k = kind.text();
                Text::new(
                    format!(
                        "Thư mục đầu ra nằm trong {} ({}); hãy để nó ở ngoài.",
                        k.vi,
                        path.display()
                    ),
                    format!(
                        "the output folder is inside {} ({}); keep it outside.",
                        k.en,
                        path.display()
                    ),
                )
            }
            Refusal::File => Text::new(
                "Đây là một tệp, không phải thư mục; cchc không ghi đè lên nó.",
                "this is a file, not a folder; cchc will not replace it.",
            ),
            Refusal::Link => Text::new(
                "Đây là một liên kết (symlink); cchc không thay thế liên kết.",
                "this is a symbolic link; cchc will not replace it.",
            ),
            Refusal::NotOurs(names) => Text::new(
                format!(
                    "Thư mục đã có tệp không do cchc tạo ({}); cchc chỉ thay thư mục trống hoặc thư mục do chính nó dựng (có tệp {MARKER}).",
                    names.join(", ")
                ),
                format!(
                    "the folder holds files cchc did not write ({}); cchc only replaces an empty folder or one it built itself (holding {MARKER}).",
                    names.join(", ")
                ),
            ),
        };
        let hint = match self {
            Refusal::NotOurs(_) => Text::new(
                format!(
                    "{} Nếu đây đúng là bản dựng cũ của cchc, hãy xóa thư mục rồi dựng lại.",
                    pick_other.vi
                ),
                format!(
                    "{} If it really is an old cchc build, delete the folder and build again.",
                    pick_other.en
                ),
            ),
            _ => pick_other,
        };
        (message, hint)
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text().0.en)
    }
}

/// The folder's last name, for messages and work-folder names.
pub(super) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into())
}

/// An absolute path with every existing part resolved through links, and `.`/`..` folded
/// in the part that does not exist yet.
fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let mut out = PathBuf::new();
    for c in std::path::absolute(path)?.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => {
                out.push(other);
                if let Ok(real) = out.canonicalize() {
                    out = real;
                }
            }
        }
    }
    Ok(out)
}

/// Checks that `output` may be replaced; returns its resolved path.
pub(super) fn check(output: &Path, protected: &Protected) -> Result<PathBuf, OutputError> {
    let refuse = |reason| OutputError::Refused {
        output: output.to_path_buf(),
        reason,
    };
    if let Ok(meta) = std::fs::symlink_metadata(output)
        && meta.file_type().is_symlink()
    {
        return Err(refuse(Refusal::Link));
    }
    let target = resolve(output).map_err(io_at(output))?;
    if target.parent().is_none() {
        return Err(refuse(Refusal::Root));
    }
    for (kind, folder) in &protected.folders {
        if &target == folder {
            return Err(refuse(Refusal::Is(*kind)));
        }
        if folder.starts_with(&target) {
            return Err(refuse(Refusal::Holds(*kind, folder.clone())));
        }
        // Home is the one protected folder an output may sit in.
        if *kind != Kind::Home && target.starts_with(folder) {
            return Err(refuse(Refusal::Inside(*kind, folder.clone())));
        }
    }
    match std::fs::symlink_metadata(&target) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(target),
        Err(e) => Err(io_at(output)(e)),
        Ok(meta) if !meta.is_dir() => Err(refuse(Refusal::File)),
        Ok(_) => {
            let marked = std::fs::symlink_metadata(target.join(MARKER))
                .is_ok_and(|m| m.file_type().is_file());
            if marked {
                return Ok(target);
            }
            let mut names: Vec<String> = std::fs::read_dir(&target)
                .map_err(io_at(output))?
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            if names.is_empty() {
                return Ok(target);
            }
            names.sort();
            let more = names.len().saturating_sub(3);
            names.truncate(3);
            if more > 0 {
                names.push(format!("+{more}"));
            }
            Err(refuse(Refusal::NotOurs(names)))
        }
    }
}

/// Takes the build lock of an output folder, writing this process's id into it so that a
/// second build can say which process holds it.
pub(super) fn lock(path: &Path, output: &Path) -> Result<File, OutputError> {
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(io_at(path))?;
    match file.try_lock() {
        Ok(()) => {
            let pid = std::process::id().to_string();
            file.set_len(0)
                .and_then(|()| file.rewind())
                .and_then(|()| file.write_all(pid.as_bytes()))
                .map_err(io_at(path))?;
            Ok(file)
        }
        Err(TryLockError::WouldBlock) => {
            let mut pid = String::new();
            let _ = file.read_to_string(&mut pid);
            Err(OutputError::Locked {
                output: output.to_path_buf(),
                pid: if pid.trim().is_empty() {
                    "?".into()
                } else {
                    pid.trim().to_string()
                },
            })
        }
        Err(TryLockError::Error(e)) => Err(io_at(path)(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(out: &Path, protected: &Protected) -> Refusal {
        match check(out, protected) {
            Err(OutputError::Refused { reason, .. }) => reason,
            other => panic!("{} should be refused, got {other:?}", out.display()),
        }
    }

    #[test]
    fn the_users_folders_are_never_an_output() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().canonicalize().unwrap();
        let content = root.join("content");
        let theme = root.join("themes/default");
        std::fs::create_dir_all(content.join("van-ban")).unwrap();
        std::fs::create_dir_all(&theme).unwrap();
        let mut p = Protected::new(&content);
        p.add(Kind::Theme, &theme);

        assert_eq!(refusal(&content, &p), Refusal::Is(Kind::Content));
        assert_eq!(
            refusal(&root, &p),
            Refusal::Holds(Kind::Content, content.clone())
        );
        assert_eq!(
            refusal(&content.join("../content/./"), &p),
            Refusal::Is(Kind::Content)
        );
        assert_eq!(
            refusal(&content.join("van-ban/out"), &p),
            Refusal::Inside(Kind::Content, content.clone())
        );
        assert_eq!(
            refusal(&root.join("themes"), &p),
            Refusal::Holds(Kind::Theme, theme.clone())
        );
        assert_eq!(refusal(Path::new("/"), &p), Refusal::Root);

        std::fs::write(root.join("notes.txt"), "x").unwrap();
        assert_eq!(refusal(&root.join("notes.txt"), &p), Refusal::File);

        let mine = root.join("mine");
        std::fs::create_dir_all(&mine).unwrap();
        for n in ["a.docx", "b.xlsx", "c.pdf", "d.txt"] {
            std::fs::write(mine.join(n), "x").unwrap();
        }
        assert_eq!(
            refusal(&mine, &p),
            Refusal::NotOurs(vec![
                "a.docx".into(),
                "b.xlsx".into(),
                "c.pdf".into(),
                "+1".into()
            ])
        );

        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&content, root.join("link")).unwrap();
            assert_eq!(refusal(&root.join("link"), &p), Refusal::Link);
        }
    }

    #[test]
    fn absent_empty_and_earlier_outputs_are_accepted() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().canonicalize().unwrap();
        let p = Protected::new(&root.join("content"));
        assert_eq!(check(&root.join("out"), &p).unwrap(), root.join("out"));
        std::fs::create_dir(root.join("out")).unwrap();
        assert!(check(&root.join("out"), &p).is_ok());
        std::fs::write(root.join("out/index.html"), "x").unwrap();
        assert!(check(&root.join("out"), &p).is_err());
        std::fs::write(root.join("out").join(MARKER), "x").unwrap();
        assert!(check(&root.join("out"), &p).is_ok());
    }
}
