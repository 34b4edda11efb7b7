//! Reading the user's folders (content, theme, fonts) without leaving them.
//!
//! A symbolic link is followed only when it resolves inside the folder being read: a link
//! to `/` would otherwise walk the whole machine, and a link to a system file would be
//! published or quoted in an error. Links are never followed blindly, so a loop cannot
//! run away either; it is reported once, at the link that closes it.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::diag::{Code, Diagnostic, Diagnostics, Text, io_reason};

/// A regular file found in a folder.
#[derive(Debug, Clone)]
pub struct Found {
    /// Path relative to the folder, through any links, as the user sees it.
    pub rel: PathBuf,
    /// Where to read it: a link's resolved target, so that what was checked is what is read.
    pub path: PathBuf,
}

/// What the caller wants done with an entry, decided from its name before any link is
/// resolved (an Emacs lock file `.#x.yaml` is a dangling link by design).
pub enum Visit {
    Take,
    Skip,
}

/// One folder the program reads, and the boundary its links must stay within.
pub struct Tree {
    root: PathBuf,
    canon: PathBuf,
    /// Prefix of the paths named in messages ("" when they are shown relative to `root`).
    shown: PathBuf,
    /// "thư mục nội dung" / "the content folder".
    what: Text,
}

impl Tree {
    /// `None` when `root` cannot be resolved (it does not exist): the caller says so in its
    /// own words.
    pub fn new(root: &Path, shown: &Path, what: Text) -> Option<Self> {
        let canon = std::fs::canonicalize(root).ok()?;
        Some(Self {
            root: root.to_path_buf(),
            canon,
            shown: shown.to_path_buf(),
            what,
        })
    }

    /// The folder's resolved path, which every file read lies under.
    pub fn real_root(&self) -> &Path {
        &self.canon
    }

    fn shown(&self, rel: &Path) -> PathBuf {
        self.shown.join(rel)
    }

    /// The one file `rel`, resolved through links that stay inside. `Ok(None)` when nothing
    /// is there; a refused link or a non-file is an error naming it.
    pub fn file(&self, rel: &Path) -> Result<Option<PathBuf>, Box<Diagnostic>> {
        let full = self.root.join(rel);
        let meta = match std::fs::symlink_metadata(&full) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Box::new(self.unreadable(rel, &e))),
        };
        let (target, meta) = if meta.file_type().is_symlink() {
            self.resolve(rel)?
        } else {
            // A parent folder may itself be a link: check the real place too.
            match std::fs::canonicalize(&full) {
                Ok(t) if !t.starts_with(&self.canon) => {
                    return Err(Box::new(self.outside(rel, &t)));
                }
                Ok(t) => (t, meta),
                Err(e) => return Err(Box::new(self.unreadable(rel, &e))),
            }
        };
        if meta.is_dir() {
            return Err(Box::new(
                Diagnostic::new(
                    Code::WrongFileKind,
                    self.shown(rel),
                    None,
                    Text::new(
                        "Đây là một thư mục, nhưng ở đây cần một tệp.",
                        "This is a folder, but a file is needed here.",
                    ),
                )
                .with_hint(Text::new(
                    "Đổi tên thư mục này và đặt tệp đúng tên vào chỗ của nó.",
                    "Rename the folder and put the file in its place.",
                )),
            ));
        }
        if !meta.is_file() {
            return Err(Box::new(self.not_regular(rel)));
        }
        Ok(Some(target))
    }

    /// Every regular file under `sub` (relative to the root), sorted by name, recursing into
    /// folders, including folders reached by links that stay inside. `visit` sees each
    /// entry's path before anything is resolved and may skip it (after saying why).
    pub fn walk(
        &self,
        sub: &Path,
        visit: &mut dyn FnMut(&Path, &mut Diagnostics) -> Visit,
        diags: &mut Diagnostics,
    ) -> Vec<Found> {
        let mut found = Vec::new();
        let start = match self.file_or_dir(sub) {
            Ok(Some(dir)) => dir,
            Ok(None) => return found,
            Err(d) => {
                diags.push(*d);
                return found;
            }
        };
        let mut walk = Walk {
            tree: self,
            ancestors: vec![start.clone()],
            seen: HashSet::from([start.clone()]),
            found: &mut found,
            visit,
            diags,
        };
        walk.dir(&start, sub);
        found
    }

    /// `sub` as a folder to walk: `Ok(None)` when it does not exist.
    fn file_or_dir(&self, sub: &Path) -> Result<Option<PathBuf>, Box<Diagnostic>> {
        let full = self.root.join(sub);
        match std::fs::symlink_metadata(&full) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Box::new(self.unreadable(sub, &e))),
            Ok(_) => {}
        }
        let (target, meta) = self.resolve(sub)?;
        if !meta.is_dir() {
            return Err(Box::new(
                Diagnostic::new(
                    Code::WrongFileKind,
                    self.shown(sub),
                    None,
                    Text::new(
                        "Đây phải là một thư mục, nhưng lại là một tệp.",
                        "This must be a folder, but it is a file.",
                    ),
                )
                .with_hint(Text::new(
                    "Đổi tên tệp này đi rồi tạo thư mục đúng tên này.",
                    "Rename the file, then create a folder of this name.",
                )),
            ));
        }
        Ok(Some(target))
    }

    /// Where `rel` really is, refused when that is outside the root.
    fn resolve(&self, rel: &Path) -> Result<(PathBuf, std::fs::Metadata), Box<Diagnostic>> {
        let full = self.root.join(rel);
        let target = match std::fs::canonicalize(&full) {
            Ok(t) => t,
            Err(e) => {
                return Err(Box::new(match std::fs::read_link(&full) {
                    Ok(points_to) => self.broken_link(rel, &points_to, &e),
                    Err(_) => self.unreadable(rel, &e),
                }));
            }
        };
        if !target.starts_with(&self.canon) {
            return Err(Box::new(self.outside(rel, &target)));
        }
        match std::fs::metadata(&target) {
            Ok(m) => Ok((target, m)),
            Err(e) => Err(Box::new(self.unreadable(rel, &e))),
        }
    }

    fn outside(&self, rel: &Path, target: &Path) -> Diagnostic {
        let points_to = std::fs::read_link(self.root.join(rel))
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| target.display().to_string());
        Diagnostic::new(Code::LinkOutside,
            self.shown(rel),
            None,
            Text::new(
                format!(
                    "Liên kết này trỏ tới `{points_to}`, nằm ngoài {}: không đọc.",
                    self.what.vi
                ),
                format!(
                    "This link points to `{points_to}`, outside {}: it is not read.",
                    self.what.en
                ),
            ),
        )
        .with_hint(Text::new(
            format!(
                "Chép tệp (hoặc thư mục) cần dùng vào trong {} thay cho liên kết, hoặc xóa liên kết này.",
                self.what.vi
            ),
            format!(
                "Copy the file (or folder) into {} instead of linking to it, or delete the link.",
                self.what.en
            ),
        ))
    }

    fn broken_link(&self, rel: &Path, points_to: &Path, e: &std::io::Error) -> Diagnostic {
        let why = io_reason(e);
        Diagnostic::new(
            Code::BrokenLink,
            self.shown(rel),
            None,
            Text::new(
                format!(
                    "Liên kết này trỏ tới `{}` nhưng không dùng được: {}.",
                    points_to.display(),
                    why.vi
                ),
                format!(
                    "This link points to `{}` but cannot be followed: {}.",
                    points_to.display(),
                    why.en
                ),
            ),
        )
        .with_hint(Text::new(
            "Xóa liên kết hỏng này, hoặc thay nó bằng chính tệp cần dùng.",
            "Delete the broken link, or replace it with the file itself.",
        ))
    }

    fn unreadable(&self, rel: &Path, e: &std::io::Error) -> Diagnostic {
        crate::diag::unreadable(
            self.shown(rel),
            None,
            e,
            Text::new(
                "Kiểm tra tệp còn đó và tài khoản đang chạy chương trình có quyền đọc nó.",
                "Check that it exists and that the account running cchc may read it.",
            ),
        )
    }

    fn not_regular(&self, rel: &Path) -> Diagnostic {
        Diagnostic::new(
            Code::WrongFileKind,
            self.shown(rel),
            None,
            Text::new(
                "Đây không phải tệp thông thường (mà là ống dẫn, ổ đĩa hay thiết bị): không đọc.",
                "This is not a regular file (a pipe, socket or device): it is not read.",
            ),
        )
        .with_hint(Text::new(
            "Xóa nó khỏi thư mục, hoặc thay bằng một tệp thông thường.",
            "Remove it, or replace it with an ordinary file.",
        ))
    }
}

struct Walk<'a> {
    tree: &'a Tree,
    /// Real paths of the folders being walked, outermost first: a link back to one of them
    /// is a loop.
    ancestors: Vec<PathBuf>,
    /// Real paths of every folder walked, so that one reached twice is read once.
    seen: HashSet<PathBuf>,
    found: &'a mut Vec<Found>,
    visit: &'a mut dyn FnMut(&Path, &mut Diagnostics) -> Visit,
    diags: &'a mut Diagnostics,
}

impl Walk<'_> {
    /// `real` is the folder's resolved path, `rel` the path the user sees.
    fn dir(&mut self, real: &Path, rel: &Path) {
        let entries = match std::fs::read_dir(real) {
            Ok(e) => e,
            Err(e) => {
                self.diags.push(self.tree.unreadable(rel, &e));
                return;
            }
        };
        let mut entries: Vec<_> = entries
            .filter_map(|e| match e {
                Ok(e) => Some(e),
                Err(e) => {
                    self.diags.push(self.tree.unreadable(rel, &e));
                    None
                }
            })
            .collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let child = rel.join(entry.file_name());
            if let Visit::Skip = (self.visit)(&child, self.diags) {
                continue;
            }
            let kind = match entry.file_type() {
                Ok(k) => k,
                Err(e) => {
                    self.diags.push(self.tree.unreadable(&child, &e));
                    continue;
                }
            };
            if kind.is_symlink() {
                match self.tree.resolve(&child) {
                    Ok((target, meta)) if meta.is_dir() => self.linked_dir(&target, &child),
                    Ok((target, meta)) if meta.is_file() => self.found.push(Found {
                        rel: child,
                        path: target,
                    }),
                    Ok(_) => self.diags.push(self.tree.not_regular(&child)),
                    Err(d) => self.diags.push(*d),
                }
            } else if kind.is_dir() {
                // Not a link, so its real path is its parent's plus its name.
                self.linked_dir(&real.join(entry.file_name()), &child);
            } else if kind.is_file() {
                self.found.push(Found {
                    path: real.join(entry.file_name()),
                    rel: child,
                });
            } else {
                self.diags.push(self.tree.not_regular(&child));
            }
        }
    }

    /// Enters a folder unless that would loop or read it a second time.
    fn linked_dir(&mut self, target: &Path, rel: &Path) {
        let inside = |p: &Path| {
            p.strip_prefix(&self.tree.canon)
                .map(|r| self.tree.shown(r).display().to_string())
                .unwrap_or_else(|_| p.display().to_string())
        };
        if self.ancestors.iter().any(|a| a == target) {
            let at = inside(target);
            self.diags.push(
                Diagnostic::new(Code::BrokenLink,
                    self.tree.shown(rel),
                    None,
                    Text::new(
                        format!("Liên kết này trỏ ngược về thư mục chứa nó (`{at}`), tạo thành vòng lặp vô tận: không đọc."),
                        format!("This link points back to a folder containing it (`{at}`), an endless loop: it is not read."),
                    ),
                )
                .with_hint(Text::new(
                    "Xóa liên kết này.",
                    "Delete the link.",
                )),
            );
            return;
        }
        if !self.seen.insert(target.to_path_buf()) {
            let at = inside(target);
            self.diags.push(Diagnostic::new(Code::NotRead,
                self.tree.shown(rel),
                None,
                Text::new(
                    format!("Thư mục `{at}` đã được đọc qua một đường dẫn khác (liên kết): bỏ qua để không đọc mỗi tệp hai lần."),
                    format!("The folder `{at}` was already read through another path (a link): skipped so that no file is read twice."),
                ),
            ));
            return;
        }
        self.ancestors.push(target.to_path_buf());
        self.dir(target, rel);
        self.ancestors.pop();
    }
}
