//! The folders and run options every command that builds takes (`build`, `check`, `serve`),
//! and the Typst engine with their fonts: shared by the CLI and the preview server.

use std::path::{Path, PathBuf};

use crate::build::Paths;
use crate::diag::Diagnostics;
use crate::render::fonts::FontSet;
use crate::render::pdf::Engine;

#[derive(Debug, clap::Args)]
pub struct Dirs {
    /// Thư mục nội dung YAML.
    #[arg(long, default_value = "content")]
    pub content: PathBuf,
    /// Thư mục giao diện (mẫu tera, bố cục Typst, CSS). Mặc định: `themes/default` nếu có,
    /// nếu không thì giao diện mặc định có sẵn trong chương trình.
    #[arg(long)]
    pub theme: Option<PathBuf>,
    /// Thư mục phông chữ bổ sung (đặt Times New Roman vào đây nếu có bản quyền).
    /// Mặc định: `fonts/` cạnh thư mục nội dung, nếu có.
    #[arg(long)]
    pub fonts: Option<PathBuf>,
}

/// How a build runs: with or without the cache, on how many threads.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct Run {
    /// Dựng lại mọi văn bản, không dùng bộ đệm `.cchc/bo-dem/`.
    #[arg(long = "khong-bo-dem", visible_alias = "no-cache")]
    pub no_cache: bool,
    /// Số luồng dàn trang cùng lúc (mặc định: một luồng mỗi nhân).
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
}

impl Dirs {
    pub fn theme(&self) -> Option<PathBuf> {
        let local = Path::new("themes/default");
        self.theme
            .clone()
            .or_else(|| local.is_dir().then(|| local.to_path_buf()))
    }
}

impl Dirs {
    /// The paths of a build from these folders into `output`.
    pub fn paths(&self, output: &Path) -> Paths {
        let mut paths = Paths::new(&self.content, output, self.theme().as_deref());
        paths.fonts = self.fonts_dir();
        paths
    }

    /// `--fonts`, or `fonts/` beside the content folder when there is one.
    pub fn fonts_dir(&self) -> Option<PathBuf> {
        self.fonts.clone().or_else(|| {
            let beside = self
                .content
                .parent()
                .unwrap_or(Path::new("."))
                .join("fonts");
            beside.is_dir().then_some(beside)
        })
    }
}

/// The engine with the fonts of `dirs`; when those cannot serve, the bundled fonts and the
/// reasons, so that the content is still checked in the same run.
pub fn engine_for(dirs: &Dirs) -> (std::sync::Arc<Engine>, Diagnostics) {
    match FontSet::load(dirs.fonts_dir().as_deref()) {
        Ok(set) => (Engine::new(set), Diagnostics::default()),
        Err(diags) => match FontSet::load(None) {
            Ok(set) => (Engine::new(set), diags),
            // The bundled fonts are part of the binary: failing them is a broken build.
            Err(bundled) => panic!("the bundled fonts do not load: {bundled:?}"),
        },
    }
}
