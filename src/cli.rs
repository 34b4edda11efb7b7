//! Command line: `cchc build | check | init | import | fix-encoding | licenses | giai-thich`.
//!
//! Exit codes: 0 success, 1 problems in the content (or a failed write), 2 wrong usage.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand, ValueEnum};

use crate::build::{self, BuildError, Paths};
use crate::diag::{CATALOGUE, Code, Diagnostics, Lang, headline, io_reason};
use crate::output::OutputError;
use crate::render::fonts::{self, FontSet};
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
        /// Chuẩn PDF: a-2a+ua-1 (lưu trữ PDF/A-2a và tiếp cận PDF/UA-1, mặc định), a-2b, ua-1
        /// hoặc pdf (PDF thường).
        #[arg(long = "pdf-standard", default_value = "a-2a+ua-1", value_parser = pdf_standard)]
        pdf_standard: Standard,
        /// Coi mọi lỗi thể thức Nghị định 30 tìm thấy trên PDF đã dàn trang (dòng phần đầu
        /// xuống dòng, chữ ra ngoài lề, đề mục cuối trang…) là lỗi: không ghi gì.
        #[arg(long)]
        strict: bool,
    },
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
    Import {
        /// Tệp .xlsx, .xls, .ods hoặc .csv.
        file: PathBuf,
        /// Loại bảng; mặc định: nhận ra từ tiêu đề cột.
        #[arg(long = "as", value_enum)]
        kind: Option<crate::import::Kind>,
        /// Tên trang (sheet) cần đọc; mặc định: trang đầu tiên có bảng nhận ra được.
        #[arg(long)]
        sheet: Option<String>,
        /// Ghi vào mục tương ứng của tệp YAML này (các phần khác giữ nguyên); mặc định: in ra.
        #[arg(long = "vao", visible_alias = "into")]
        into: Option<PathBuf>,
        /// Bỏ qua các ô không đọc được thay vì dừng lại.
        #[arg(long = "bo-qua-loi", visible_alias = "skip-errors")]
        skip_errors: bool,
        /// Thư mục nội dung (để đối chiếu tên cán bộ, đơn vị với co_quan.yaml).
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
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
    errln!(
        "{}",
        match lang {
            Lang::Vi => format!(
                "Có {n} lỗi cần sửa. Chưa ghi gì vào thư mục đầu ra; bản dựng trước (nếu có) vẫn giữ nguyên."
            ),
            Lang::En => format!(
                "{} to fix. Nothing was written; the previous build (if any) is untouched.",
                plural(n, "error")
            ),
        }
    );
    ExitCode::from(1)
}

/// "1 error", "3 errors": Vietnamese needs no plural, English does.
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn say(lang: Lang, vi: &str, en: &str) -> String {
    match lang {
        Lang::Vi => vi.to_string(),
        Lang::En => en.to_string(),
    }
}

impl Dirs {
    fn theme(&self) -> Option<PathBuf> {
        let local = Path::new("themes/default");
        self.theme
            .clone()
            .or_else(|| local.is_dir().then(|| local.to_path_buf()))
    }
}

impl Dirs {
    /// `--fonts`, or `fonts/` beside the content folder when there is one.
    fn fonts_dir(&self) -> Option<PathBuf> {
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
fn engine_for(dirs: &Dirs) -> (std::sync::Arc<Engine>, Diagnostics) {
    match FontSet::load(dirs.fonts_dir().as_deref()) {
        Ok(set) => (Engine::new(set), Diagnostics::default()),
        Err(diags) => match FontSet::load(None) {
            Ok(set) => (Engine::new(set), diags),
            // The bundled fonts are part of the binary: failing them is a broken build.
            Err(bundled) => panic!("the bundled fonts do not load: {bundled:?}"),
        },
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
            pdf_standard,
            strict,
        } => build_command(&dirs, &output, !khong_word, (pdf_standard, strict), lang),
        Command::Check { dirs } => check_command(&dirs, lang),
        Command::Init { dir } => init_command(&dir, lang),
        Command::FixEncoding { file } => fix_encoding(&file, lang),
        Command::Import {
            file,
            kind,
            sheet,
            into,
            skip_errors,
            content,
        } => crate::import::run::run(
            &crate::import::Options {
                file,
                kind,
                sheet,
                into,
                skip_errors,
                content,
            },
            lang,
        ),
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
    (standard, strict): (Standard, bool),
    lang: Lang,
) -> ExitCode {
    let started = Instant::now();
    arm_watchdog(lang);
    let (engine, font_errors) = engine_for(dirs);
    let mut paths = Paths::new(&dirs.content, output, dirs.theme().as_deref());
    paths.fonts = dirs.fonts_dir();
    paths.word = word;
    paths.pdf_standard = standard;
    paths.strict = strict;
    if font_errors.has_errors() {
        return font_failure(font_errors, &engine, &paths, lang, &dirs.content);
    }
    // Progress only for a person watching: a log or a pipe gets the summary alone.
    let watching = std::io::stderr().is_terminal();
    let progress = |done: usize, all: usize| {
        if watching && all >= 100 {
            err!(
                "\r{}",
                say(
                    lang,
                    &format!("Đang dựng PDF: {done}/{all}"),
                    &format!("Laying out PDFs: {done}/{all}")
                )
            );
            if done == all {
                err!("\n");
            }
        }
    };
    match build::build_with(&engine, &paths, &progress) {
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
                        plural(loaded.site.documents.len(), "document"),
                        plural(loaded.warnings.len(), "warning")
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

fn arm_watchdog(lang: Lang) {
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
    let (diags, root) = match e {
        BuildError::Content(diags) => (diags, content),
        BuildError::Theme(diags) => (diags, Path::new("")),
        BuildError::Render { document, detail } => {
            errln!(
                "{}\n{detail}",
                headline(
                    Code::Theme,
                    lang,
                    &match lang {
                        Lang::Vi => format!(
                            "Lỗi giao diện khi dựng {}: nội dung đã hợp lệ, đây là lỗi của mẫu trình bày. Bản dựng trước vẫn giữ nguyên. Chi tiết cho người quản trị:",
                            document.display()
                        ),
                        Lang::En => format!(
                            "Theme error while rendering {}: the content is valid, the theme is at fault. The previous build is untouched. Details:",
                            document.display()
                        ),
                    }
                )
            );
            return ExitCode::from(1);
        }
        BuildError::Output(e) => {
            let (message, hint) = e.text();
            errln!("{}", headline(e.code(), lang, message.get(lang)));
            if let Some(h) = hint {
                let word = if lang == Lang::Vi {
                    "cách sửa"
                } else {
                    "fix"
                };
                errln!("  {word}: {}", h.get(lang));
            }
            // Naming a folder cchc may not replace is a usage mistake.
            let code = if matches!(e, OutputError::Refused { .. }) {
                2
            } else {
                1
            };
            return ExitCode::from(code);
        }
        BuildError::Io { path, error } => {
            let why = io_reason(&error);
            errln!(
                "{}",
                headline(
                    Code::OutputWrite,
                    lang,
                    &say(
                        lang,
                        &format!("Không ghi được {}: {}.", path.display(), why.vi),
                        &format!("Cannot write {}: {}.", path.display(), why.en),
                    )
                )
            );
            return ExitCode::from(1);
        }
    };
    let n = diags.errors().count();
    print_diags(&diags, lang, root);
    refused(n, lang)
}
