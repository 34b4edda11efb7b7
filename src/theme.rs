//! A theme folder: Typst layouts (`typst/`), tera templates (`templates/`) and files copied
//! as they are (`static/`). A user's `templates/` folder beside `content/` overrides any
//! template of the same name.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics, Text};

pub struct Theme {
    pub dir: PathBuf,
    /// Typst files by virtual path ("/main.typ").
    pub typst: BTreeMap<String, String>,
    /// Templates by name ("document.html"), with the user's overrides applied.
    pub templates: BTreeMap<String, String>,
    /// Where each template came from, to name it in errors.
    pub template_paths: BTreeMap<String, PathBuf>,
    /// Files copied to the output, by path relative to `static/`.
    pub static_files: BTreeMap<PathBuf, Vec<u8>>,
}

impl Theme {
    pub fn load(dir: &Path, overrides: Option<&Path>) -> Result<Theme, Diagnostics> {
        let mut diags = Diagnostics::default();
        if !dir.join("typst").join("main.typ").is_file() {
            diags.push(
                Diagnostic::error(
                    dir,
                    None,
                    Text::new(
                        "Thư mục giao diện không có `typst/main.typ`.",
                        "The theme folder has no `typst/main.typ`.",
                    ),
                )
                .with_hint(Text::new(
                    "Dùng giao diện mặc định `themes/default` hoặc chỉ đúng thư mục bằng `--theme`.",
                    "Use `themes/default` or point `--theme` at a complete theme.",
                )),
            );
            return Err(diags);
        }
        let mut theme = Theme {
            dir: dir.to_path_buf(),
            typst: BTreeMap::new(),
            templates: BTreeMap::new(),
            template_paths: BTreeMap::new(),
            static_files: BTreeMap::new(),
        };
        for (rel, path) in files(&dir.join("typst"), "typ") {
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    theme.typst.insert(format!("/{}", slash(&rel)), text);
                }
                Err(e) => diags.push(read_error(&path, &e)),
            }
        }
        let mut template_dirs = vec![dir.join("templates")];
        template_dirs.extend(overrides.map(Path::to_path_buf));
        for tdir in template_dirs {
            for (rel, path) in files(&tdir, "html") {
                match std::fs::read_to_string(&path) {
                    Ok(text) => {
                        theme.templates.insert(slash(&rel), text);
                        theme.template_paths.insert(slash(&rel), path);
                    }
                    Err(e) => diags.push(read_error(&path, &e)),
                }
            }
        }
        for (rel, path) in files(&dir.join("static"), "") {
            match std::fs::read(&path) {
                Ok(bytes) => {
                    theme.static_files.insert(rel, bytes);
                }
                Err(e) => diags.push(read_error(&path, &e)),
            }
        }
        if diags.has_errors() {
            Err(diags)
        } else {
            Ok(theme)
        }
    }
}

fn slash(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn read_error(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        path,
        None,
        Text::new(
            format!("Không đọc được tệp: {e}"),
            format!("Cannot read: {e}"),
        ),
    )
}

/// Files under `dir` with extension `ext` (any when empty), sorted, as (relative, full) paths.
fn files(dir: &Path, ext: &str) -> Vec<(PathBuf, PathBuf)> {
    if !dir.is_dir() {
        return Vec::new();
    }
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| ext.is_empty() || e.path().extension().and_then(|x| x.to_str()) == Some(ext))
        .filter_map(|e| {
            let rel = e.path().strip_prefix(dir).ok()?.to_path_buf();
            Some((rel, e.into_path()))
        })
        .collect()
}
