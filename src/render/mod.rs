//! Stage 3: render the model to PDF (Typst, in-process) and HTML (tera).

pub mod fonts;
pub mod html;
pub mod inspect;
pub mod pdf;
pub mod site;
pub mod xlsx;
