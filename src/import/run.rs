//! The command: read, report every problem, check the YAML with the build's own parser
//! (and, for a file inside the content folder, with the whole loader), then print it or
//! merge it into `--vao`.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Deserialize;

use super::{Imported, Kind, Options, read, yaml_out};
use crate::content::raw::{AppendixRaw, DocumentFile, Form06RowRaw, PeriodFile, S};
use crate::diag::{Code, Lang, Text, headline, io_reason};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Appendices {
    phu_luc: Vec<AppendixRaw>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Form06 {
    bieu_06: Vec<Form06RowRaw>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Counts {
    so_lieu: BTreeMap<String, S<f64>>,
}

fn say(lang: Lang, t: &Text) {
    let _ = writeln!(std::io::stderr(), "{}", t.get(lang));
}

/// A problem or a note, headed by its code like every message of the build.
fn report(lang: Lang, code: Code, t: &Text) {
    let _ = writeln!(std::io::stderr(), "{}", headline(code, lang, t.get(lang)));
}

/// The YAML `text` read by the same parser and types the build uses; the reason when not.
pub fn schema_check(kind: Kind, text: &str, whole_file: bool) -> Result<(), String> {
    let r = match (kind, whole_file) {
        (Kind::BangPhanCong | Kind::Bang, false) => {
            serde_saphyr::from_str::<Appendices>(text).map(drop)
        }
        (Kind::BangPhanCong | Kind::Bang, true) => {
            serde_saphyr::from_str::<DocumentFile>(text).map(drop)
        }
        (Kind::Bieu06, false) => serde_saphyr::from_str::<Form06>(text).map(drop),
        (Kind::SoLieu, false) => serde_saphyr::from_str::<Counts>(text).map(drop),
        (_, true) => serde_saphyr::from_str::<PeriodFile>(text).map(drop),
    };
    r.map_err(|e| e.to_string())
}

/// `cchc import`.
pub fn run(opts: &Options, lang: Lang) -> ExitCode {
    let imported = match read(opts) {
        Ok(i) => i,
        Err(t) => {
            report(lang, Code::ImportTable, &t);
            return ExitCode::from(1);
        }
    };
    for n in &imported.found.notes {
        report(lang, Code::ImportNote, &n.text);
    }
    let problems = &imported.found.problems;
    for p in problems {
        report(lang, Code::ImportCell, &p.message);
    }
    if !problems.is_empty() && !opts.skip_errors {
        say(
            lang,
            &Text::new(
                format!(
                    "Có {} ô không đọc được. Chưa ghi gì; sửa các ô trên, hoặc chạy lại với --bo-qua-loi để bỏ qua chúng.",
                    problems.len()
                ),
                format!(
                    "{} cells cannot be read. Nothing was written; correct them, or run again with --skip-errors to leave them out.",
                    problems.len()
                ),
            ),
        );
        return ExitCode::from(1);
    }
    let document = imported.document(&opts.file);
    if let Err(e) = schema_check(imported.kind, &document, false) {
        report(
            lang,
            Code::ImportTable,
            &Text::new(
                format!(
                    "Lỗi của cchc: YAML tạo ra không đọc lại được ({e}). Chưa ghi gì; xin báo lỗi kèm tệp bảng tính."
                ),
                format!(
                    "cchc bug: the YAML made does not read back ({e}). Nothing was written; please report it with the spreadsheet."
                ),
            ),
        );
        return ExitCode::from(1);
    }
    let Some(into) = &opts.into else {
        let _ = std::io::stdout().write_all(document.as_bytes());
        done(lang, &imported, None);
        return ExitCode::SUCCESS;
    };
    match merge_into(opts, &imported, into, lang) {
        Ok(()) => {
            done(lang, &imported, Some(into));
            ExitCode::SUCCESS
        }
        Err(t) => {
            report(lang, Code::ImportTable, &t);
            ExitCode::from(1)
        }
    }
}

fn done(lang: Lang, i: &Imported, into: Option<&Path>) {
    let name = i.kind.name();
    let (vi, en) = match into {
        Some(p) => (
            format!(" vào {}", p.display()),
            format!(" into {}", p.display()),
        ),
        None => (String::new(), String::new()),
    };
    say(
        lang,
        &Text::new(
            format!(
                "Đã nhập {} từ trang \"{}\" ({}){vi}.",
                name.vi, i.sheet, i.range
            ),
            format!(
                "Imported the {} from sheet \"{}\" ({}){en}.",
                name.en, i.sheet, i.range
            ),
        ),
    );
}

/// The merged text of `into`, checked, then written in one step (a temporary file renamed
/// over it), so that a failed import leaves the file as it was.
fn merge_into(opts: &Options, imported: &Imported, into: &Path, lang: Lang) -> Result<(), Text> {
    let old = match std::fs::read_to_string(into) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => {
            return Err(Text::new(
                format!("Không đọc được {}: {}.", into.display(), io_reason(&e).vi),
                format!("Cannot read {}: {}.", into.display(), io_reason(&e).en),
            ));
        }
    };
    let comment = imported.source_comment(&opts.file);
    let merged = match imported.kind {
        Kind::BangPhanCong | Kind::Bang => {
            let kind_key = if imported.kind == Kind::Bang {
                "bang"
            } else {
                "bang_phan_cong"
            };
            let item = format!("  {comment}{}", imported.block);
            yaml_out::replace_appendix(&old, &imported.title, kind_key, &item)
        }
        _ => {
            let (head, rest) = imported
                .block
                .split_once('\n')
                .unwrap_or((&imported.block, ""));
            yaml_out::replace_block(
                &old,
                imported.kind.key(),
                &format!("{head}\n  {comment}{rest}"),
            )
        }
    };
    if !old.is_empty()
        && let Err(e) = schema_check(imported.kind, &merged, true)
    {
        return Err(Text::new(
            format!(
                "{} sau khi nhập không còn đúng mẫu ({e}). Chưa ghi gì.",
                into.display()
            ),
            format!(
                "{} would no longer be valid after the import ({e}). Nothing was written.",
                into.display()
            ),
        ));
    }
    loader_check(&opts.content, into, &merged, lang)?;
    let tmp = into.with_extension("yaml.cchc-import");
    std::fs::write(&tmp, &merged)
        .and_then(|()| std::fs::rename(&tmp, into))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            Text::new(
                format!("Không ghi được {}: {}.", into.display(), io_reason(&e).vi),
                format!("Cannot write {}: {}.", into.display(), io_reason(&e).en),
            )
        })
}

/// When `into` lies inside the content folder, the whole folder is loaded as the build
/// loads it, with the merged file in place (in a copy): an imported row the build would
/// refuse (a duplicated code, an unknown staff id) is refused now, with the build's message.
fn loader_check(content: &Path, into: &Path, merged: &str, lang: Lang) -> Result<(), Text> {
    let (Ok(root), Some(Ok(parent))) = (
        content.canonicalize(),
        into.parent().map(|p| {
            if p.as_os_str().is_empty() {
                Path::new(".").canonicalize()
            } else {
                p.canonicalize()
            }
        }),
    ) else {
        return Ok(());
    };
    let Some(name) = into.file_name() else {
        return Ok(());
    };
    let Ok(rel) = parent.join(name).strip_prefix(&root).map(Path::to_path_buf) else {
        return Ok(());
    };
    let copy = scratch_dir();
    let result = (|| -> std::io::Result<_> {
        copy_tree(&root, &copy)?;
        std::fs::write(copy.join(&rel), merged)?;
        Ok(crate::content::load(
            &copy,
            &crate::coverage::Coverage::any(),
        ))
    })();
    let _ = std::fs::remove_dir_all(&copy);
    match result {
        Ok(Err(diags)) if diags.has_errors() => {
            let shown = diags.sorted().render(lang, content);
            Err(Text::new(
                format!("{shown}Sau khi nhập, nội dung sẽ có lỗi khi dựng (ở trên). Chưa ghi gì."),
                format!(
                    "{shown}After the import the content would not build (above). Nothing was written."
                ),
            ))
        }
        _ => Ok(()),
    }
}

fn scratch_dir() -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    std::env::temp_dir().join(format!("cchc-import-{}-{nanos}", std::process::id()))
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.map_err(std::io::Error::other)?;
        let rel = entry
            .path()
            .strip_prefix(from)
            .map_err(std::io::Error::other)?;
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target)?;
        } else if entry.file_type().is_file() {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}
