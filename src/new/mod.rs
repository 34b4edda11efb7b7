//! `cchc new <loai> [tên-tệp]`: a new document, a commented draft of one kind in
//! `content/van-ban/`, dated this month and without a number (the văn thư gives both when it
//! is signed), signed by the issuer's chairman and with a Nơi nhận ending "Lưu: VT, …" from
//! `co_quan.yaml`. It passes `cchc check` as written; an existing file is never replaced.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Deserialize;

use crate::content::{DOCUMENTS_DIR, ISSUER_FILE};
use crate::diag::{Code, Lang, Text, headline};
use crate::model::Kind;

#[derive(Debug, clap::Args)]
pub struct Options {
    /// Loại văn bản: ke-hoach, bao-cao, cong-van, quyet-dinh, thong-bao, to-trinh.
    #[arg(value_parser = clap::builder::PossibleValuesParser::new(Kind::ALL.map(|k| k.code)))]
    pub loai: String,
    /// Tên tệp (chữ thường không dấu, số, dấu gạch ngang); mặc định: loại và ngày hôm nay.
    pub ten_tep: Option<String>,
    /// Thư mục nội dung.
    #[arg(long, default_value = "content")]
    pub content: PathBuf,
}

/// The kind-specific part of each template, after the lines every kind shares.
fn body(kind: Kind) -> &'static str {
    match kind {
        Kind::Plan => include_str!("ke-hoach.yaml"),
        Kind::Report => include_str!("bao-cao.yaml"),
        Kind::Dispatch => include_str!("cong-van.yaml"),
        Kind::Decision => include_str!("quyet-dinh.yaml"),
        Kind::Notice => include_str!("thong-bao.yaml"),
        Kind::Submission => include_str!("to-trinh.yaml"),
    }
}

/// What a new document takes from `co_quan.yaml`; the rest of the file is left to the build
/// to check.
#[derive(Deserialize)]
struct Issuer {
    ten_in: Vec<String>,
    #[serde(default)]
    cap_tren: Option<Superior>,
    #[serde(default)]
    don_vi: Vec<Coded>,
    #[serde(default)]
    can_bo: Vec<Staff>,
}

#[derive(Deserialize)]
struct Superior {
    ten: String,
}

#[derive(Deserialize)]
struct Coded {
    ma: String,
}

#[derive(Deserialize)]
struct Staff {
    ma: String,
    #[serde(default)]
    chuc_vu: String,
}

/// A calendar day in Vietnam (UTC+7), as (year, month, day).
pub fn today() -> (u16, u8, u8) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs + 7 * 3600) / 86400;
    // 25569: 1970-01-01 as an Excel serial, what `serial_date` reads.
    crate::import::cell::serial_date((days + 25569) as f64)
        .map(|d| (d.year, d.month, d.day.unwrap_or(1)))
        .unwrap_or((2026, 1, 1))
}

/// The document's YAML text.
fn document(kind: Kind, issuer: &Issuer, (y, m, d): (u16, u8, u8)) -> String {
    let unit = issuer.don_vi.first().map(|u| u.ma.as_str());
    let filing = match unit {
        Some(u) => format!("Lưu: VT, {u}"),
        None => "Lưu: VT".to_string(),
    };
    let chairman = issuer
        .can_bo
        .iter()
        .find(|s| s.chuc_vu.to_lowercase().starts_with("chủ tịch"))
        .or(issuer.can_bo.first());
    let body_name = issuer
        .ten_in
        .first()
        .map_or("ỦY BAN NHÂN DÂN", String::as_str);
    let first = match kind {
        Kind::Dispatch | Kind::Submission => "Như trên".to_string(),
        Kind::Decision => "Như Điều 3".to_string(),
        Kind::Plan | Kind::Report => issuer.cap_tren.as_ref().map_or_else(
            || "Thường trực HĐND xã (để báo cáo)".to_string(),
            |c| format!("{} (để báo cáo)", c.ten),
        ),
        Kind::Notice => "Các cơ quan, đơn vị có liên quan".to_string(),
    };
    let titles = match kind {
        // A quyết định of the chairman's own authority is signed "CHỦ TỊCH" alone.
        Kind::Decision => "[CHỦ TỊCH]".to_string(),
        _ => format!("[\"TM. {body_name}\", CHỦ TỊCH]"),
    };
    let signer = chairman.map_or_else(
        || "  # can_bo: mã cán bộ ký (trong co_quan.yaml)\n".to_string(),
        |s| format!("  can_bo: {}\n", s.ma),
    );
    let body = body(kind)
        .replace("{don_vi}", unit.unwrap_or("VP"))
        .replace(
            "{tham_quyen}",
            &format!("CHỦ TỊCH {}", issuer.ten_in.join(" ")),
        );
    format!(
        "# {name} (dự thảo), tạo bằng `cchc new {code}` ngày {d:02}/{m:02}/{y}.\n\
         # Dòng bắt đầu bằng # là ghi chú, không được in ra. Kiểm tra: cchc check\n\
         loai: {code}\n\
         # Số văn bản do văn thư cấp khi ký: thêm dòng `so: …` (dự thảo để trống chỗ số).\n\
         # Ngày: dự thảo chỉ ghi tháng; khi ký ghi đủ ngày, ví dụ {y}-{m:02}-{d:02}.\n\
         ngay: {y}-{m:02}\n\
         # Trích yếu nội dung: một câu ngắn, không dấu chấm cuối.\n\
         trich_yeu: …\n\
         {body}\
         # Nơi nhận, mỗi dòng một nơi; dòng cuối là nơi lưu, bắt buộc có VT.\n\
         noi_nhan:\n  - {first}\n  - \"{filing}\"\n\
         # Người ký: các dòng chức danh như khi in (TM., KT., Q.) và mã cán bộ.\n\
         nguoi_ky:\n  chuc_danh: {titles}\n{signer}",
        name = kind.name(),
        code = kind.code(),
    )
}

/// Why no document was written.
fn refusal(code: Code, text: Text) -> Result<PathBuf, (Code, Text)> {
    Err((code, text))
}

/// Writes the new document; returns its path.
pub fn create(options: &Options) -> Result<PathBuf, (Code, Text)> {
    let Some(kind) = Kind::from_code(&options.loai) else {
        return refusal(
            Code::Kind,
            Text::new(
                format!("Không có loại văn bản \"{}\".", options.loai),
                format!("No kind of document \"{}\".", options.loai),
            ),
        );
    };
    let issuer_path = options.content.join(ISSUER_FILE);
    let issuer: Issuer = match std::fs::read_to_string(&issuer_path)
        .map_err(|e| crate::diag::io_reason(&e))
        .and_then(|t| {
            serde_saphyr::from_str(&t).map_err(|_| {
                Text::new(
                    "tệp viết sai, chạy `cchc check` để xem lỗi",
                    "the file has errors: run `cchc check` to see them",
                )
            })
        }) {
        Ok(i) => i,
        Err(why) => {
            return refusal(
                Code::MissingFile,
                Text::new(
                    format!("Không đọc được {}: {}.", issuer_path.display(), why.vi),
                    format!("Cannot read {}: {}.", issuer_path.display(), why.en),
                ),
            );
        }
    };
    let (y, m, d) = today();
    let dir = options.content.join(DOCUMENTS_DIR);
    let path = match &options.ten_tep {
        Some(name) => {
            let stem = name.strip_suffix(".yaml").unwrap_or(name);
            if stem.is_empty()
                || !stem
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                return refusal(
                    Code::FileName,
                    Text::new(
                        format!(
                            "Tên tệp \"{name}\" chỉ được có chữ thường không dấu, số và dấu gạch ngang, ví dụ ke-hoach-cchc-2027."
                        ),
                        format!(
                            "The file name \"{name}\" may hold only lower-case letters without accents, digits and hyphens, e.g. ke-hoach-cchc-2027."
                        ),
                    ),
                );
            }
            dir.join(format!("{stem}.yaml"))
        }
        None => free_name(&dir, &format!("{}-{y}-{m:02}-{d:02}", kind.code())),
    };
    let text = document(kind, &issuer, (y, m, d));
    write_new(&path, &text).map(|()| path)
}

/// `stem.yaml`, or `stem-2.yaml`, `stem-3.yaml` … when taken.
fn free_name(dir: &Path, stem: &str) -> PathBuf {
    let mut path = dir.join(format!("{stem}.yaml"));
    let mut n = 2;
    while std::fs::symlink_metadata(&path).is_ok() {
        path = dir.join(format!("{stem}-{n}.yaml"));
        n += 1;
    }
    path
}

/// Creates `path` with `text`, never over an existing file (even one made a moment ago).
fn write_new(path: &Path, text: &str) -> Result<(), (Code, Text)> {
    let io = |e: std::io::Error| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            return (
                Code::OutputRefused,
                Text::new(
                    format!("{} đã có, không ghi đè. Chọn tên tệp khác.", path.display()),
                    format!(
                        "{} already exists; not overwriting it. Choose another name.",
                        path.display()
                    ),
                ),
            );
        }
        let why = crate::diag::io_reason(&e);
        (
            Code::OutputWrite,
            Text::new(
                format!("Không ghi được {}: {}.", path.display(), why.vi),
                format!("Cannot write {}: {}.", path.display(), why.en),
            ),
        )
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(io)?;
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(io)
}

pub fn run(options: &Options, lang: Lang) -> ExitCode {
    match create(options) {
        Ok(path) => {
            let text = Text::new(
                format!(
                    "Đã tạo {}. Sửa các dòng có dấu …, rồi xem: cchc serve",
                    path.display()
                ),
                format!(
                    "Created {}. Fill in the lines marked …, then look at it: cchc serve",
                    path.display()
                ),
            );
            line(std::io::stdout(), format_args!("{}", text.get(lang)));
            ExitCode::SUCCESS
        }
        Err((code, text)) => {
            line(
                std::io::stderr(),
                format_args!("{}", headline(code, lang, text.get(lang))),
            );
            ExitCode::from(1)
        }
    }
}

/// A line on stdout or stderr; a closed pipe loses it rather than panicking.
fn line(mut to: impl std::io::Write, text: std::fmt::Arguments) {
    let _ = writeln!(to, "{text}");
}
