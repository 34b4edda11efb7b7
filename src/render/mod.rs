//! Stage 3: render the model to PDF (Typst, in-process), Word (.docx) and HTML (tera).

pub mod checklist;
pub mod docx;
pub mod fonts;
pub mod html;
pub mod inspect;
pub mod pdf;
pub mod xlsx;
