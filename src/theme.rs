//! A theme folder: Typst layouts (`typst/`), tera templates (`templates/`) and files copied
//! as they are (`static/`). A user's `templates/` folder beside `content/` overrides any
//! template of the same name.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diag::{Code, Diagnostic, Diagnostics, Text};
use crate::inputs::{Tree, Visit};

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

/// The default theme, compiled into the binary so that `cchc` works from any folder.
/// `themes/default/` in the source tree is the same files; a test keeps the two in step.
const BUILTIN_TYPST: [(&str, &str); 4] = [
    (
        "/main.typ",
        include_str!("../themes/default/typst/main.typ"),
    ),
    (
        "/blocks.typ",
        include_str!("../themes/default/typst/blocks.typ"),
    ),
    (
        "/document.typ",
        include_str!("../themes/default/typst/document.typ"),
    ),
    (
        "/appendix.typ",
        include_str!("../themes/default/typst/appendix.typ"),
    ),
];
const BUILTIN_TEMPLATES: [(&str, &str); 13] = [
    (
        "sitemap.xml",
        include_str!("../themes/default/templates/sitemap.xml"),
    ),
    (
        "base.html",
        include_str!("../themes/default/templates/base.html"),
    ),
    (
        "can-bo-index.html",
        include_str!("../themes/default/templates/can-bo-index.html"),
    ),
    (
        "can-bo.html",
        include_str!("../themes/default/templates/can-bo.html"),
    ),
    (
        "document.html",
        include_str!("../themes/default/templates/document.html"),
    ),
    (
        "du-lieu.html",
        include_str!("../themes/default/templates/du-lieu.html"),
    ),
    (
        "index.html",
        include_str!("../themes/default/templates/index.html"),
    ),
    (
        "ket-qua-index.html",
        include_str!("../themes/default/templates/ket-qua-index.html"),
    ),
    (
        "ket-qua-mot-tep.html",
        include_str!("../themes/default/templates/ket-qua-mot-tep.html"),
    ),
    (
        "ket-qua-noi-dung.html",
        include_str!("../themes/default/templates/ket-qua-noi-dung.html"),
    ),
    (
        "ket-qua.html",
        include_str!("../themes/default/templates/ket-qua.html"),
    ),
    (
        "macros.html",
        include_str!("../themes/default/templates/macros.html"),
    ),
    (
        "van-ban.html",
        include_str!("../themes/default/templates/van-ban.html"),
    ),
];
const BUILTIN_STATIC: [(&str, &[u8]); 2] = [
    (
        "site.js",
        include_bytes!("../themes/default/static/site.js"),
    ),
    (
        "style.css",
        include_bytes!("../themes/default/static/style.css"),
    ),
];

/// Name shown for the built-in theme in messages.
pub const BUILTIN_NAME: &str = "(giao diện mặc định)";

impl Theme {
    /// The theme in `dir`, or the built-in default when no folder is named; the user's
    /// `templates/` overrides apply either way.
    pub fn resolve(dir: Option<&Path>, overrides: Option<&Path>) -> Result<Theme, Diagnostics> {
        match dir {
            Some(d) => Self::load(d, overrides),
            None => Self::builtin(overrides),
        }
    }

    pub fn builtin(overrides: Option<&Path>) -> Result<Theme, Diagnostics> {
        let mut theme = Theme {
            dir: PathBuf::from(BUILTIN_NAME),
            typst: BUILTIN_TYPST
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            templates: BUILTIN_TEMPLATES
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            template_paths: BTreeMap::new(),
            static_files: BUILTIN_STATIC
                .iter()
                .map(|(k, v)| (PathBuf::from(k), v.to_vec()))
                .collect(),
        };
        let mut diags = Diagnostics::default();
        if let Some(dir) = overrides {
            theme.add_templates(dir, &mut diags);
        }
        if diags.has_errors() {
            Err(diags)
        } else {
            Ok(theme)
        }
    }

    fn add_templates(&mut self, dir: &Path, diags: &mut Diagnostics) {
        let Some(tree) = Tree::new(
            dir,
            dir,
            Text::new("thư mục mẫu trang", "the templates folder"),
        ) else {
            return;
        };
        // Web pages and the sitemap; the folder is walked once, so a bad link is named once.
        let templates = files(&tree, dir, "", "", diags)
            .into_iter()
            .filter(|(rel, _, _)| {
                matches!(
                    rel.extension().and_then(|x| x.to_str()),
                    Some("html" | "xml")
                )
            });
        for (rel, shown, path) in templates {
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    self.templates.insert(slash(&rel), text);
                    self.template_paths.insert(slash(&rel), shown);
                }
                Err(e) => diags.push(read_error(&shown, &e)),
            }
        }
    }

    pub fn load(dir: &Path, overrides: Option<&Path>) -> Result<Theme, Diagnostics> {
        let mut diags = Diagnostics::default();
        if !dir.join("typst").join("main.typ").is_file() {
            diags.push(
                Diagnostic::new(Code::Theme,
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
        let tree = Tree::new(dir, dir, Text::new("thư mục giao diện", "the theme folder"));
        if let Some(tree) = &tree {
            for (rel, shown, path) in files(tree, dir, "typst", "typ", &mut diags) {
                match std::fs::read_to_string(&path) {
                    Ok(text) => {
                        theme.typst.insert(format!("/{}", slash(&rel)), text);
                    }
                    Err(e) => diags.push(read_error(&shown, &e)),
                }
            }
        }
        theme.add_templates(&dir.join("templates"), &mut diags);
        if let Some(o) = overrides {
            theme.add_templates(o, &mut diags);
        }
        if let Some(tree) = &tree {
            for (rel, shown, path) in files(tree, dir, "static", "", &mut diags) {
                match std::fs::read(&path) {
                    Ok(bytes) => {
                        theme.static_files.insert(rel, bytes);
                    }
                    Err(e) => diags.push(read_error(&shown, &e)),
                }
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
    crate::diag::unreadable(
        path,
        Some(Text::new("tệp", "the file")),
        e,
        Text::new(
            "Kiểm tra tệp là văn bản UTF-8 và tài khoản đang chạy chương trình có quyền đọc nó.",
            "Check that the file is UTF-8 text and that the account running cchc may read it.",
        ),
    )
}

/// Files under `tree`'s `sub` folder with extension `ext` (any when empty), sorted, as
/// (path relative to `sub`, path to show, path to read). Links leaving the folder are
/// refused, like the content's.
fn files(
    tree: &Tree,
    root: &Path,
    sub: &str,
    ext: &str,
    diags: &mut Diagnostics,
) -> Vec<(PathBuf, PathBuf, PathBuf)> {
    tree.walk(Path::new(sub), &mut |_, _| Visit::Take, diags)
        .into_iter()
        .filter(|f| ext.is_empty() || f.rel.extension().and_then(|x| x.to_str()) == Some(ext))
        .filter_map(|f| {
            let rel = f.rel.strip_prefix(sub).ok()?.to_path_buf();
            Some((rel, root.join(&f.rel), f.path))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_theme_is_the_default_theme_folder() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        let on_disk = Theme::load(&dir, None).unwrap();
        let builtin = Theme::builtin(None).unwrap();
        let keys = |m: &BTreeMap<String, String>| m.keys().cloned().collect::<Vec<_>>();
        assert_eq!(
            keys(&on_disk.typst),
            keys(&builtin.typst),
            "every layout is built in"
        );
        assert_eq!(
            keys(&on_disk.templates),
            keys(&builtin.templates),
            "every template too"
        );
        for (k, v) in on_disk.typst.iter().chain(&on_disk.templates) {
            let built = builtin.typst.get(k).or_else(|| builtin.templates.get(k));
            assert!(
                built == Some(v),
                "built-in {k} differs from the theme folder"
            );
        }
        assert!(
            on_disk.static_files == builtin.static_files,
            "every static file is built in"
        );
    }
}
