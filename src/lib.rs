//! `cchc`: administrative-reform (cải cách hành chính) documents and reports for Vietnamese
//! communes, from YAML to ND30-conformant PDFs and a static website.
//!
//! The pipeline, a module per stage:
//! [`content`] (load and validate YAML) → [`model`] → [`render`] (PDF via Typst, HTML via
//! tera) → [`output`] (atomic write), tied together by [`build`].

pub mod args;
pub mod build;
pub mod cache;
pub mod cli;
pub mod content;
pub mod coverage;
pub mod diag;
pub mod encoding;
pub mod error;
pub mod failure;
pub mod import;
pub mod init;
pub mod inputs;
pub mod markdown;
pub mod model;
pub mod new;
pub mod output;
pub mod outputs;
pub mod present;
pub mod progress;
pub mod render;
pub mod results;
pub mod serve;
pub mod suggest;
pub mod theme;
pub mod vn;
pub mod watchdog;
