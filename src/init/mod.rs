//! `cchc init DIR`: a new commune's content folder, with comments on every field.

use std::path::Path;

use crate::content::{DOCUMENTS_DIR, ISSUER_FILE};
use crate::diag::{Code, Text};

const ISSUER: &str = include_str!("co_quan.yaml");
const PLAN: &str = include_str!("ke-hoach.yaml");

/// Fails with the catalogue's code and the message.
pub fn scaffold(dir: &Path) -> Result<(), (Code, Text)> {
    let content = dir.join("content");
    if content.exists() {
        return Err((
            Code::OutputRefused,
            Text::new(
                format!("{} đã có, không ghi đè.", content.display()),
                format!("{} already exists; not overwriting it.", content.display()),
            ),
        ));
    }
    let write = |rel: &Path, text: &str| {
        let path = content.join(rel);
        if let Some(p) = path.parent() {
            std::fs::create_dir_all(p)?;
        }
        std::fs::write(path, text)
    };
    write(Path::new(ISSUER_FILE), ISSUER)
        .and_then(|_| write(&Path::new(DOCUMENTS_DIR).join("ke-hoach.yaml"), PLAN))
        .map_err(|e| {
            let text = Text::new(
                format!(
                    "Không tạo được {}: {}.",
                    content.display(),
                    crate::diag::io_reason(&e).vi
                ),
                format!(
                    "Cannot create {}: {}.",
                    content.display(),
                    crate::diag::io_reason(&e).en
                ),
            );
            (Code::OutputWrite, text)
        })?;
    // The build's output and cache are regenerated: keep them out of version control.
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        let text = format!("/output/\n/{}/\n", crate::build::CACHE_DIR);
        std::fs::write(&ignore, text).map_err(|e| {
            let why = crate::diag::io_reason(&e);
            let text = Text::new(
                format!("Không tạo được {}: {}.", ignore.display(), why.vi),
                format!("Cannot create {}: {}.", ignore.display(), why.en),
            );
            (Code::OutputWrite, text)
        })?;
    }
    Ok(())
}
