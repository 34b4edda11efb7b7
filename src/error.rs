//! Why a build stopped, as a value: each kind carries what the CLI needs to say it.

use std::path::PathBuf;

use crate::diag::Diagnostics;
use crate::output::OutputError;

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Problems in the user's files (paths relative to the content folder): exit code 1.
    #[error("{} problems in the content", .0.len())]
    Content(Diagnostics),
    /// Problems with the theme or the user's template overrides (paths as given).
    #[error("{} problems in the theme", .0.len())]
    Theme(Diagnostics),
    /// The theme failed on valid content: a bug in the theme (or in cchc).
    #[error("the theme failed on {}: {detail}", document.display())]
    Render { document: PathBuf, detail: String },
    #[error("{}: {error}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        error: std::io::Error,
    },
    /// The output folder may not be replaced, is busy, or could not be written.
    #[error(transparent)]
    Output(#[from] OutputError),
}
