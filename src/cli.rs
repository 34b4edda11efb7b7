//! Command line: `cchc build | serve | new | check | init | import | fix-encoding | licenses |
//! giai-thich`.
//!
//! Exit codes: 0 success, 1 problems in the content (or a failed write), 2 wrong usage.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand, ValueEnum};

use crate::args::{Dirs, Run, engine_for};
use crate::build::{self, BuildError, Paths};
use crate::diag::{CATALOGUE, Code, Diagnostics, Lang, headline, io_reason};
use crate::render::fonts;
use crate::render::pdf::{Engine, Standard};

// A closed pipe (`cchc check | head -1`) or a full disk must not panic the printing of a
// message: what cannot be written is dropped, and the exit code still tells the outcome.
macro_rules! outln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($t)*);
    }};
}
macro_rules! errln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($t)*);
    }};
}
macro_rules! err {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), $($t)*);
    }};
}

#[derive(Parser, Debug)]
#[command(
    name = "cchc",
    version,
    about = "Kế hoạch, báo cáo cải cách hành chính cấp xã: từ YAML ra PDF đúng Nghị định 30/2020/NĐ-CP và trang web."
)]
pub struct Cli {
    /// Ngôn ngữ thông báo / message language.
    #[arg(long, value_enum, default_value = "vi", global = true)]
    pub lang: LangArg,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Vi,
    En,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Dựng toàn bộ: PDF và trang web vào thư mục đầu ra.
    Build {
        #[command(flatten)]
        dirs: Dirs,
        /// Thư mục đầu ra.
        #[arg(long, default_value = "output")]
        output: PathBuf,
        /// Không tạo bản Word (.docx) cạnh mỗi PDF: dựng nhanh hơn.
        #[arg(long = "khong-word", visible_alias = "no-docx")]
        khong_word: bool,
        #[command(flatten)]
        run: Run,
        /// Chuẩn PDF: a-2a+ua-1 (lưu trữ PDF/A-2a và tiếp cận PDF/UA-1, mặc định), a-2b, ua-1
        /// hoặc pdf (PDF thường).
        #[arg(long = "pdf-standard", default_value = "a-2a+ua-1", value_parser = pdf_standard)]
        pdf_standard: Standard,
        /// Coi mọi lỗi thể thức Nghị định 30 tìm thấy trên PDF đã dàn trang (dòng phần đầu
        /// xuống dòng, chữ ra ngoài lề, đề mục cuối trang…) là lỗi: không ghi gì.
        #[arg(long)]
        strict: bool,
    },
    /// Dựng, mở trang xem trước tại 127.0.0.1 và dựng lại sau mỗi lần lưu tệp.
    Serve(crate::serve::Options),
    /// Tạo một văn bản mới (dự thảo có chú thích) trong content/van-ban/.
    New(crate::new::Options),
    /// Kiểm tra nội dung, không ghi tệp nào.
    Check {
        #[command(flatten)]
        dirs: Dirs,
    },
    /// Tạo thư mục nội dung mới cho một xã/phường.
    Init {
        /// Thư mục sẽ tạo.
        dir: PathBuf,
    },
    /// Sửa chữ gõ bằng bảng mã cũ (TCVN3, VNI) trong một tệp, giữ bản sao .bak.
    FixEncoding {
        /// Tệp YAML hoặc Markdown cần sửa.
        file: PathBuf,
    },
    /// Nhập bảng từ Excel, LibreOffice hoặc CSV: bảng phân công, Biểu 06, số liệu, bảng.
    Import(crate::import::Options),
    /// In giấy phép của phông chữ đi kèm.
    Licenses,
    /// Giải thích một mã lỗi (ví dụ E0102) kèm ví dụ và cách sửa; không có mã thì liệt kê mọi mã.
    #[command(name = "giai-thich", alias = "explain")]
    GiaiThich {
        /// Mã lỗi in ở đầu thông báo, ví dụ E0102.
        code: Option<String>,
    },
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let lang = match cli.lang {
        LangArg::Vi => Lang::Vi,
        LangArg::En => Lang::En,
    };
    run(cli.command, lang)
}

/// The last line of a run that found errors in the content: how many, and that nothing was
/// touched.
fn refused(n: usize, lang: Lang) -> ExitCode {
    errln!("{}", crate::failure::refused_line(n, lang));
    ExitCode::from(1)
}

fn say(lang: Lang, vi: &str, en: &str) -> String {
    match lang {
        Lang::Vi => vi.to_string(),
        Lang::En => en.to_string(),
    }
}

/// The font folder cannot be used: nothing is built, but the content is still checked
/// (with the bundled fonts) so that every problem is listed at once.
fn font_failure(
    font_errors: Diagnostics,
    engine: &Engine,
    paths: &Paths,
    lang: Lang,
    content: &Path,
) -> ExitCode {
    let mut n = font_errors.errors().count();
    print_diags(&font_errors, lang, Path::new(""));
    match build::check(engine, paths) {
        Ok(loaded) => print_diags(&loaded.warnings, lang, content),
        Err(BuildError::Content(diags)) => {
            n += diags.errors().count();
            print_diags(&diags, lang, content);
        }
        Err(BuildError::Theme(diags)) => {
            n += diags.errors().count();
            print_diags(&diags, lang, Path::new(""));
        }
        Err(other) => return fail(other, lang, content),
    }
    refused(n, lang)
}

pub fn run(command: Command, lang: Lang) -> ExitCode {
    match command {
        Command::Build {
            dirs,
            output,
            khong_word,
            run,
            pdf_standard,
            strict,
        } => build_command(
            &dirs,
            &output,
            !khong_word,
            run,
            (pdf_standard, strict),
            lang,
        ),
        Command::Serve(options) => crate::serve::run(&options, lang),
        Command::New(options) => crate::new::run(&options, lang),
        Command::Check { dirs } => check_command(&dirs, lang),
        Command::Init { dir } => init_command(&dir, lang),
        Command::FixEncoding { file } => fix_encoding(&file, lang),
        Command::Import(options) => crate::import::run::run(&options, lang),
        Command::Licenses => {
            outln!("{}", fonts::BUNDLED_LICENSE);
            ExitCode::SUCCESS
        }
        Command::GiaiThich { code } => explain(code.as_deref(), lang),
    }
}

/// `--pdf-standard`: one of [`Standard::NAMES`].
fn pdf_standard(name: &str) -> Result<Standard, String> {
    Standard::NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, s)| *s)
        .ok_or_else(|| {
            let names: Vec<&str> = Standard::NAMES.iter().map(|(n, _)| *n).collect();
            format!(
                "chuẩn PDF không có: {name} (dùng được: {})",
                names.join(", ")
            )
        })
}

/// `word`: write the Word twins too (off: `--khong-word`).
fn build_command(
    dirs: &Dirs,
    output: &Path,
    word: bool,
    run: Run,
    (standard, strict): (Standard, bool),
    lang: Lang,
) -> ExitCode {
    let started = Instant::now();
    arm_watchdog(lang);
    crate::render::pdf::threads(run.jobs.map(usize::from));
    let (engine, font_errors) = engine_for(dirs);
    let mut paths = dirs.paths(output);
    paths.word = word;
    paths.incremental = !run.no_cache;
    paths.pdf_standard = standard;
    paths.strict = strict;
    if font_errors.has_errors() {
        return font_failure(font_errors, &engine, &paths, lang, &dirs.content);
    }
    // Progress only for a person watching: a log or a pipe gets the summary alone.
    let meter = crate::progress::Meter::new(lang);
    let built = build::build_with(&engine, &paths, &|done, all, file| {
        meter.tick(done, all, file)
    });
    meter.finish();
    match built {
        Ok(report) => {
            print_diags(&engine.fonts.warnings, lang, Path::new(""));
            print_diags(&report.warnings, lang, &dirs.content);
            font_notice(&engine, lang);
            let secs = started.elapsed().as_secs_f64();
            outln!(
                "{}",
                say(
                    lang,
                    &format!(
                        "Đã dựng {} văn bản ({} trang PDF) vào {} trong {secs:.2} giây.",
                        report.documents,
                        report.pdf_pages,
                        output.display(),
                    ),
                    &format!(
                        "Built {} documents ({} PDF pages) into {} in {secs:.2} s.",
                        report.documents,
                        report.pdf_pages,
                        output.display(),
                    ),
                )
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(e, lang, &dirs.content),
    }
}

fn check_command(dirs: &Dirs, lang: Lang) -> ExitCode {
    let (engine, font_errors) = engine_for(dirs);
    let paths = Paths::new(&dirs.content, Path::new("output"), dirs.theme().as_deref());
    if font_errors.has_errors() {
        return font_failure(font_errors, &engine, &paths, lang, &dirs.content);
    }
    match build::check(&engine, &paths).and_then(|mut loaded| {
        let found = build::check_layout(&engine, &paths, &loaded.site)?;
        found.iter().for_each(|d| loaded.warnings.push(d.clone()));
        Ok(loaded)
    }) {
        Ok(loaded) => {
            print_diags(&engine.fonts.warnings, lang, Path::new(""));
            print_diags(&loaded.warnings, lang, &dirs.content);
            outln!(
                "{}",
                say(
                    lang,
                    &format!(
                        "Nội dung hợp lệ: {} văn bản, {} cảnh báo.",
                        loaded.site.documents.len(),
                        loaded.warnings.len()
                    ),
                    &format!(
                        "Content is valid: {}, {}.",
                        crate::failure::plural(loaded.site.documents.len(), "document"),
                        crate::failure::plural(loaded.warnings.len(), "warning")
                    ),
                )
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(e, lang, &dirs.content),
    }
}

fn init_command(dir: &Path, lang: Lang) -> ExitCode {
    match crate::init::scaffold(dir) {
        Ok(()) => {
            outln!(
                "{}",
                say(
                    lang,
                    &format!(
                        "Đã tạo {}. Sửa các tệp YAML trong đó rồi chạy: cchc build --content {}",
                        dir.display(),
                        dir.join("content").display()
                    ),
                    &format!(
                        "Created {}. Edit its YAML files, then run: cchc build --content {}",
                        dir.display(),
                        dir.join("content").display()
                    ),
                )
            );
            ExitCode::SUCCESS
        }
        Err((code, msg)) => {
            errln!("{}", headline(code, lang, msg.get(lang)));
            ExitCode::from(1)
        }
    }
}

/// `cchc giai-thich E0102`: the long explanation of one code; without a code, every code
/// with its title.
fn explain(code: Option<&str>, lang: Lang) -> ExitCode {
    let Some(typed) = code else {
        for e in CATALOGUE {
            outln!("{}  {}", e.id, e.title(lang));
        }
        return ExitCode::SUCCESS;
    };
    match Code::find(typed) {
        Some(e) => {
            outln!("{}: {}\n\n{}", e.id, e.title(lang), e.explain(lang));
            ExitCode::SUCCESS
        }
        None => {
            errln!(
                "{}",
                say(
                    lang,
                    &format!(
                        "Không có mã lỗi \"{typed}\". Mã lỗi in ở đầu thông báo, ví dụ `lỗi[E0102]`; `cchc giai-thich` liệt kê mọi mã."
                    ),
                    &format!(
                        "No error code \"{typed}\". The code is printed at the start of a message, e.g. `error[E0102]`; `cchc explain` lists every code."
                    ),
                )
            );
            ExitCode::from(2)
        }
    }
}

/// How long one document's layout or one page may take before the theme is taken to be
/// stuck in a loop. Real documents take well under a second.
const THEME_BUDGET: Duration = Duration::from_secs(60);

pub fn arm_watchdog(lang: Lang) {
    let budget = std::env::var("CCHC_THEME_BUDGET_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .map_or(THEME_BUDGET, Duration::from_secs);
    crate::watchdog::arm(budget, move |what, budget| {
        let secs = budget.as_secs();
        errln!(
            "{}",
            headline(
                Code::Theme,
                lang,
                &say(
                    lang,
                    &format!(
                        "Lỗi giao diện: dựng {what} quá {secs} giây, có lẽ mẫu trình bày (Typst hoặc tera) có vòng lặp không dừng. Đã dừng; bản dựng trước vẫn giữ nguyên."
                    ),
                    &format!(
                        "Theme error: {what} took longer than {secs} s; the theme (Typst or tera) probably loops without end. Stopped; the previous build is untouched."
                    ),
                )
            )
        );
        std::process::exit(1);
    });
}

fn fix_encoding(file: &Path, lang: Lang) -> ExitCode {
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            errln!(
                "{}",
                headline(
                    Code::Unreadable,
                    lang,
                    &say(
                        lang,
                        &format!(
                            "Không đọc được {} (tệp phải là văn bản UTF-8): {}.",
                            file.display(),
                            io_reason(&e).vi
                        ),
                        &format!(
                            "Cannot read {} (it must be UTF-8 text): {}.",
                            file.display(),
                            io_reason(&e).en
                        ),
                    )
                )
            );
            return ExitCode::from(1);
        }
    };
    let (fixed, findings) = crate::encoding::fix(&text);
    if findings.is_empty() {
        outln!(
            "{}",
            say(
                lang,
                "Không thấy chữ gõ bằng bảng mã cũ.",
                "No legacy-encoded text found."
            )
        );
        return ExitCode::SUCCESS;
    }
    let backup = backup_path(file);
    let written = std::fs::copy(file, &backup).and_then(|_| std::fs::write(file, &fixed));
    if let Err(e) = written {
        errln!(
            "{}",
            headline(
                Code::OutputWrite,
                lang,
                &say(
                    lang,
                    &format!("Không ghi được {}: {}.", file.display(), io_reason(&e).vi),
                    &format!("Cannot write {}: {}.", file.display(), io_reason(&e).en),
                )
            )
        );
        return ExitCode::from(1);
    }
    for f in &findings {
        outln!(
            "{}:{}:{}: {} → {}",
            file.display(),
            f.line,
            f.column,
            f.found,
            f.fixed
        );
    }
    outln!(
        "{}",
        say(
            lang,
            &format!(
                "Đã sửa {} đoạn ({}). Bản cũ lưu ở {}. Hãy đọc lại các đoạn trên: chữ bị hỏng nặng có thể chưa đúng hẳn.",
                findings.len(),
                findings[0].encoding,
                backup.display()
            ),
            &format!(
                "Fixed {} runs ({}). The original is kept as {}. Proofread them: badly damaged words may still be wrong.",
                findings.len(),
                findings[0].encoding,
                backup.display()
            ),
        )
    );
    ExitCode::SUCCESS
}

/// `file.yaml.bak`, or `.bak.2`, `.bak.3` … so that an earlier backup is never overwritten.
fn backup_path(file: &Path) -> PathBuf {
    let base = format!("{}.bak", file.display());
    let mut candidate = PathBuf::from(&base);
    let mut n = 2;
    while candidate.exists() {
        candidate = PathBuf::from(format!("{base}.{n}"));
        n += 1;
    }
    candidate
}

fn font_notice(engine: &Engine, lang: Lang) {
    if engine.fonts.family != fonts::PREFERRED {
        errln!(
            "{}",
            say(
                lang,
                "Ghi chú: chưa có phông Times New Roman nên dùng Liberation Serif (cùng kích thước chữ). Đặt 4 tệp Times New Roman vào thư mục `fonts/` cạnh `content/` để dùng phông chuẩn.",
                "Note: Times New Roman is not available, so Liberation Serif (same metrics) is used. Put the four Times New Roman files in `fonts/` beside `content/` to use it.",
            )
        );
    }
}

fn print_diags(diags: &Diagnostics, lang: Lang, root: &Path) {
    if !diags.is_empty() {
        err!("{}", diags.clone().sorted().render(lang, root));
    }
}

fn fail(e: BuildError, lang: Lang, content: &Path) -> ExitCode {
    let (text, code) = crate::failure::failure(&e, lang, content);
    err!("{text}");
    ExitCode::from(code)
}
