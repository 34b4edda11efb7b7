//! `ket-qua/`: targets (`chi-tieu.yaml`), one file per reporting period, and optionally the
//! 766 scoring profile (`thang-diem-766.yaml`), validated into [`Results`].

use std::collections::{BTreeMap, BTreeSet};

use super::SourceFile;
use super::cx::{Coverage, Cx, pos_of};
use super::raw::{self, S};
use super::yaml;
use crate::diag::{Code, Diagnostic, Diagnostics, Pos, Severity, Text};
use crate::model::{Document, Issuer, Kind};
use crate::results::{
    Form06Row, Indicator, MAX_COUNT, ONE_FILE_SUFFIX, Period, Results, Task, TaskStatus, score,
};
use crate::suggest;
use crate::vn;

use targets::{indicators, profile};

/// Folder of results files.
pub const RESULTS_DIR: &str = "ket-qua";
pub const INDICATORS_FILE: &str = "chi-tieu.yaml";
pub const PROFILE_FILE: &str = "thang-diem-766.yaml";

pub(super) struct Files<'a> {
    pub indicators: Option<&'a SourceFile>,
    pub profile: Option<&'a SourceFile>,
    pub periods: Vec<&'a SourceFile>,
    /// The page and PDF path of every document file, valid or not: an evidence link to a
    /// document that has errors of its own is not reported a second time.
    pub document_paths: Vec<String>,
}

pub(super) fn results(
    files: &Files,
    documents: &[Document],
    issuer: &Issuer,
    coverage: &Coverage,
) -> (Option<Results>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let Some(ind_file) = files.indicators else {
        if let Some(first) = files.periods.first() {
            diags.push(crate::diag::Diagnostic::new(Code::MissingFile,
                &first.rel,
                None,
                crate::diag::Text::new(
                    format!("Có số liệu kỳ báo cáo nhưng thiếu tệp {RESULTS_DIR}/{INDICATORS_FILE} (danh sách chỉ tiêu)."),
                    format!("Period figures without {RESULTS_DIR}/{INDICATORS_FILE} (the targets)."),
                ),
            ));
        }
        return (None, diags);
    };

    let parsed = yaml::parse::<raw::IndicatorsFile>(ind_file);
    parsed.diags.into_iter().for_each(|d| diags.push(d));
    let mut cx = Cx::new(ind_file, coverage);
    let indicators = parsed
        .value
        .map(|raw| indicators(&mut cx, &raw, issuer))
        .unwrap_or_default();
    diags.extend(cx.diags);

    let profile = load_profile(files, coverage, &mut diags);

    // Each period with its file and where its first day is written, for the checks across
    // periods below.
    let mut loaded: Vec<(Period, &SourceFile, Option<Pos>)> = Vec::new();
    let mut ids: BTreeMap<String, &SourceFile> = BTreeMap::new();
    for file in &files.periods {
        let parsed = yaml::parse::<raw::PeriodFile>(file);
        parsed.diags.into_iter().for_each(|d| diags.push(d));
        let Some(raw) = parsed.value else { continue };
        let mut cx = Cx::new(file, coverage);
        let p = period(
            &mut cx,
            &raw,
            &indicators,
            &profile,
            documents,
            &files.document_paths,
        );
        diags.extend(cx.diags);
        let id = period_id(&file.rel);
        match period_name_problem(file, &id, p.as_ref(), &ids) {
            Some(d) => diags.push(d),
            None => {
                ids.insert(id, file);
            }
        }
        if let Some(p) = p {
            loaded.push((p, file, pos_of(&raw.tu_ngay)));
        }
    }
    loaded.sort_by(|a, b| (a.0.from, a.0.to, &a.0.id).cmp(&(b.0.from, b.0.to, &b.0.id)));
    overlaps(&loaded, &mut diags);
    let periods = loaded.into_iter().map(|(p, _, _)| p).collect();
    (
        Some(Results {
            indicators,
            periods,
            profile,
        }),
        diags,
    )
}

/// The 766 profile: the office's own (`thang-diem-766.yaml`) when it has no errors, else the
/// decision's, so that the periods are checked against a profile that holds together rather
/// than one with a refused figure set to 0.
fn load_profile(files: &Files, coverage: &Coverage, diags: &mut Diagnostics) -> score::Profile {
    let Some(f) = files.profile else {
        return score::Profile::default_profile();
    };
    let parsed = yaml::parse::<raw::ProfileRaw>(f);
    let mut cx = Cx::new(f, coverage);
    let p = parsed.value.map(|raw| profile(&mut cx, raw));
    let holds =
        !parsed.diags.iter().any(|d| d.severity == Severity::Error) && !cx.diags.has_errors();
    parsed.diags.into_iter().for_each(|d| diags.push(d));
    diags.extend(cx.diags);
    match p {
        Some(p) if holds => p,
        _ => score::Profile::default_profile(),
    }
}

/// What is wrong with a period file's name, if anything: it gives no page name, a reserved
/// one, or the same page as another period (`ids`: the pages taken so far).
fn period_name_problem(
    file: &SourceFile,
    id: &str,
    p: Option<&Period>,
    ids: &BTreeMap<String, &SourceFile>,
) -> Option<Diagnostic> {
    if id.is_empty() {
        return Some(
            Diagnostic::new(Code::FileName,
                &file.rel,
                Some(Pos { line: 1, col: 1 }),
                Text::new(
                    format!("Tên tệp \"{}\" không cho ra được tên trang của kỳ báo cáo: tên phải có chữ cái hoặc chữ số.", file_name(&file.rel)),
                    format!("The file name \"{}\" gives no page name for the period: it needs letters or digits.", file_name(&file.rel)),
                ),
            )
            .with_hint(Text::new(
                format!("Đổi tên tệp theo kỳ báo cáo, ví dụ `{0}`; trang của kỳ sẽ là `ket-qua/{1}.html`.", suggested_name(p), suggested_name(p).trim_end_matches(".yaml")),
                format!("Rename the file after its period, e.g. `{0}`; its page becomes `ket-qua/{1}.html`.", suggested_name(p), suggested_name(p).trim_end_matches(".yaml")),
            )),
        );
    } else if let Some(problem) = super::cx::slug_problem(id).or_else(|| {
        id.ends_with(ONE_FILE_SUFFIX).then(|| {
            Text::new(
                format!("kết thúc bằng `{ONE_FILE_SUFFIX}`, phần trang web dùng cho bản một tệp của mỗi kỳ."),
                format!("ends in `{ONE_FILE_SUFFIX}`, which the site uses for each period's one-file page."),
            )
        })
    }) {
        return Some(
            Diagnostic::new(Code::FileName,
                &file.rel,
                Some(Pos { line: 1, col: 1 }),
                Text::new(
                    format!("Tên tệp \"{}\" {}", file_name(&file.rel), problem.vi),
                    format!("The file name \"{}\" {}", file_name(&file.rel), problem.en),
                ),
            )
            .with_hint(Text::new(
                format!(
                    "Đổi tên tệp theo kỳ báo cáo, ví dụ `{}`.",
                    suggested_name(p)
                ),
                format!(
                    "Rename the file after its period, e.g. `{}`.",
                    suggested_name(p)
                ),
            )),
        );
    } else if let Some(other) = ids.get(id) {
        return Some(
            Diagnostic::new(Code::OutputClash,
                &file.rel,
                Some(Pos { line: 1, col: 1 }),
                Text::new(
                    format!("Tệp này và tệp {} cùng thành trang `ket-qua/{id}.html` (tên tệp chỉ khác nhau ở chữ hoa, dấu hoặc ký tự đặc biệt); trang của tệp này sẽ ghi đè trang của tệp kia.", other.rel.display()),
                    format!("This file and {} both become the page `ket-qua/{id}.html` (their names differ only in case, accents or punctuation); one would overwrite the other.", other.rel.display()),
                ),
            )
            .with_hint(Text::new(
                "Mỗi kỳ báo cáo một tệp: xóa tệp thừa, hoặc đổi tên một trong hai tệp cho khác hẳn (ví dụ `2026-q1.yaml`, `2026-q2.yaml`).",
                "One file per period: delete the spare one, or rename one of them (e.g. `2026-q1.yaml`, `2026-q2.yaml`).",
            )),
        );
    }
    None
}

/// The page name of a period file: its name folded to lower-case ASCII.
fn period_id(rel: &std::path::Path) -> String {
    rel.file_stem()
        .and_then(|s| s.to_str())
        .map(super::cx::slug)
        .unwrap_or_default()
}

fn file_name(rel: &std::path::Path) -> String {
    rel.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A file name for a period that has none usable: `2026-q1.yaml` for a calendar quarter,
/// else its first and last days.
fn suggested_name(p: Option<&Period>) -> String {
    let Some(p) = p else {
        return "2026-q1.yaml".into();
    };
    let is_quarter = p.from.day == Some(1)
        && p.from.month % 3 == 1
        && p.to.year == p.from.year
        && p.to.month == p.from.month + 2
        && p.to.day == Some(vn::days_in_month(p.to.year, p.to.month));
    if is_quarter {
        // A quarter starts in month 1, 4, 7 or 10.
        format!("{}-q{}.yaml", p.from.year, p.from.month / 3 + 1)
    } else {
        format!("{}-den-{}.yaml", p.from.iso(), p.to.iso())
    }
}

/// Periods sharing a day would have that day's figures added twice into the year so far
/// (a half-year file beside its quarters), so they are refused rather than combined.
fn overlaps(periods: &[(Period, &SourceFile, Option<Pos>)], diags: &mut Diagnostics) {
    for (i, (a, a_file, _)) in periods.iter().enumerate() {
        for (b, b_file, b_at) in &periods[i + 1..] {
            // Sorted by first day: b starts no earlier than a.
            if b.from > a.to {
                continue;
            }
            diags.push(
                Diagnostic::new(Code::PeriodOverlap,
                    &b_file.rel,
                    *b_at,
                    Text::new(
                        format!(
                            "Kỳ báo cáo này ({} – {}) trùng thời gian với kỳ trong tệp {} ({} – {}): số liệu của những ngày chung sẽ bị cộng hai lần vào lũy kế.",
                            b.from.short(), b.to.short(), a_file.rel.display(), a.from.short(), a.to.short()
                        ),
                        format!(
                            "This period ({} – {}) overlaps the one in {} ({} – {}): the figures of the shared days would be counted twice in the year to date.",
                            b.from.short(), b.to.short(), a_file.rel.display(), a.from.short(), a.to.short()
                        ),
                    ),
                )
                .with_hint(Text::new(
                    "Mỗi khoảng thời gian chỉ nằm trong một tệp kỳ báo cáo. Khi đã có các tệp quý, bỏ tệp 6 tháng hoặc cả năm (lũy kế được tính từ các quý); nếu không, sửa `tu_ngay`, `den_ngay` cho các kỳ nối tiếp nhau.",
                    "Each day belongs to one period file. With quarter files, drop the half-year or year file (the year to date is computed from the quarters); otherwise correct `tu_ngay`, `den_ngay` so that the periods follow one another.",
                )),
            );
        }
    }
}

/// A number as the message shows it back: NaN and infinity as YAML writes them.
pub(super) fn shown(v: f64) -> (String, String) {
    if v.is_nan() {
        return (".nan".into(), ".nan".into());
    }
    if v.is_infinite() {
        let t = if v.is_sign_negative() {
            "-.inf"
        } else {
            ".inf"
        };
        return (t.into(), t.into());
    }
    if v.fract() == 0.0 && v.abs() < 1e15 {
        return (vn::integer(v as i64), format!("{v}"));
    }
    (format!("{v}"), format!("{v}"))
}

/// The whole number a count like 2.15 stands for when it was typed "2.150".
fn thousands(v: f64) -> Option<u64> {
    let t = v * 1000.0;
    (t.fract() == 0.0 && t <= MAX_COUNT as f64).then_some(t as u64)
}

/// A figure from a file, checked before any sum or ratio uses it: a finite number, not
/// negative, at most [`MAX_COUNT`], and whole when it counts things. `None` when unusable.
pub(super) fn checked_number(
    cx: &mut Cx,
    v: &S<f64>,
    (what_vi, what_en): (&str, &str),
    whole: bool,
) -> Option<f64> {
    let (sv, se) = shown(v.value);
    let max = vn::integer(MAX_COUNT as i64);
    let problem = if !v.value.is_finite() {
        Some((
            format!("{what_vi} là {sv}, không phải một số."),
            format!("{what_en} is {se}, not a number."),
            "Viết một số cụ thể, ví dụ `2150` hoặc `99.5`.".to_string(),
            "Write a plain number, e.g. `2150` or `99.5`.".to_string(),
        ))
    } else if v.value < 0.0 {
        Some((
            format!("{what_vi} là số âm ({sv})."),
            format!("{what_en} is negative ({se})."),
            "Số liệu, giá trị và kế hoạch không thể âm: viết số không âm, ví dụ `0`.".to_string(),
            "Counts, values and targets cannot be negative: write `0` or more.".to_string(),
        ))
    } else if whole && v.value.fract() != 0.0 {
        Some((
            format!("{what_vi} là {sv}, không phải số nguyên."),
            format!("{what_en} is {se}, not a whole number."),
            // YAML reads "2.150", a thousand and fifty written the Vietnamese way, as 2,15.
            match thousands(v.value) {
                Some(t) => format!("Số liệu là số đếm: viết số nguyên, không dùng dấu chấm ngăn cách hàng nghìn (nếu là {} thì viết `{t}`).", vn::integer(t as i64)),
                None => "Số liệu là số đếm (hồ sơ, thủ tục, văn bản): viết số nguyên, ví dụ `2150`.".to_string(),
            },
            match thousands(v.value) {
                Some(t) => format!("Counts are whole numbers, written without a thousands separator (for {} write `{t}`).", vn::integer(t as i64)),
                None => "Counts count things (dossiers, procedures, documents): write a whole number, e.g. `2150`.".to_string(),
            },
        ))
    } else if v.value > MAX_COUNT as f64 {
        Some((
            format!("{what_vi} là {sv}, vượt quá giới hạn {max}."),
            format!("{what_en} is {se}, above the limit of {MAX_COUNT}."),
            "Kiểm tra lại số này (có thể gõ thừa chữ số): số liệu của một xã không thể lớn như vậy.".to_string(),
            "Check this number (a digit typed too many?): no commune's figure is that large.".to_string(),
        ))
    } else {
        None
    };
    match problem {
        Some((vi, en, hv, he)) => {
            cx.error(Code::Count, pos_of(v), vi, en, Some((hv, he)));
            None
        }
        None => Some(v.value),
    }
}

fn full_date(cx: &mut Cx, s: &S<String>) -> Option<crate::vn::Date> {
    let d = cx.date(s)?;
    if d.day.is_none() {
        cx.error(
            Code::PeriodDates,
            pos_of(s),
            "Ngày đầu và ngày cuối của kỳ báo cáo phải có đủ ngày, tháng, năm.".into(),
            "A period's first and last days need a day, month and year.".into(),
            Some((
                "Ví dụ: `tu_ngay: 2026-01-01`, `den_ngay: 2026-03-31`.".into(),
                "E.g. `tu_ngay: 2026-01-01`.".into(),
            )),
        );
        return None;
    }
    Some(d)
}

fn period(
    cx: &mut Cx,
    raw: &raw::PeriodFile,
    indicators: &[Indicator],
    profile: &score::Profile,
    documents: &[Document],
    document_paths: &[String],
) -> Option<Period> {
    let id = period_id(cx.rel());
    let label = cx.nonempty(&raw.ten, "Tên kỳ báo cáo", "Period label");
    let from = full_date(cx, &raw.tu_ngay);
    let to = full_date(cx, &raw.den_ngay);
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        cx.error(
            Code::PeriodDates,
            pos_of(&raw.den_ngay),
            format!(
                "Ngày cuối kỳ ({}) trước ngày đầu kỳ ({}).",
                t.short(),
                f.short()
            ),
            format!(
                "The period ends ({}) before it starts ({}).",
                t.short(),
                f.short()
            ),
            None,
        );
    }

    let mut counts = counts(cx, raw);
    let values = values(cx, raw, indicators);
    let form06 = form06(cx, raw, &mut counts);
    rates(cx, raw, &counts, indicators, profile);
    warn_missing_counts(cx, raw, indicators, &counts);
    let plan = plan(cx, raw, documents);
    let tasks = task_statuses(cx, raw, plan, document_paths);

    Some(Period {
        id,
        label,
        from: from?,
        to: to?,
        counts,
        values,
        form06,
        plan: plan.map(|p| p.slug.clone()),
        tasks,
    })
}

/// The counts (`so_lieu`), each checked to be a count.
fn counts(cx: &mut Cx, raw: &raw::PeriodFile) -> BTreeMap<String, f64> {
    let mut counts: BTreeMap<String, f64> = BTreeMap::new();
    for (k, v) in &raw.so_lieu {
        let what = (format!("Số liệu `{k}`"), format!("Count `{k}`"));
        if let Some(x) = checked_number(cx, v, (&what.0, &what.1), true) {
            counts.insert(k.clone(), x);
        }
    }
    counts
}

/// Values typed for targets that have no formula (`gia_tri`).
fn values(cx: &mut Cx, raw: &raw::PeriodFile, indicators: &[Indicator]) -> BTreeMap<String, f64> {
    let mut values = BTreeMap::new();
    for (k, v) in &raw.gia_tri {
        match indicators.iter().find(|i| &i.id == k) {
            Some(i) if i.formula.is_some() => cx.error(Code::ComputedValue,
                pos_of(v),
                format!("Chỉ tiêu `{k}` được tính theo công thức từ số liệu, không nhập giá trị trực tiếp."),
                format!("Indicator `{k}` is computed from counts; it takes no direct value."),
                Some(("Nhập các số liệu của công thức trong `so_lieu`.".into(), "Enter the formula's counts under `so_lieu`.".into())),
            ),
            Some(_) => {
                let what = (
                    format!("Giá trị của chỉ tiêu `{k}`"),
                    format!("The value of indicator `{k}`"),
                );
                if let Some(x) = checked_number(cx, v, (&what.0, &what.1), false) {
                    values.insert(k.clone(), x);
                }
            }
            None => {
                let known: Vec<&str> = indicators.iter().map(|i| i.id.as_str()).collect();
                let guess = suggest::closest(k, known.iter().copied());
                cx.error(Code::UnknownId,
                    pos_of(v),
                    format!("Không có chỉ tiêu nào mang mã `{k}` trong {INDICATORS_FILE}."),
                    format!("No indicator `{k}` in {INDICATORS_FILE}."),
                    guess.map(|g| (format!("Có phải ý bạn là `{g}`?"), format!("Did you mean `{g}`?"))),
                );
            }
        }
    }
    values
}

/// Biểu 06's rows, checked; their column totals become counts (`b06_…`) for formulas and
/// the 766 score.
fn form06(
    cx: &mut Cx,
    raw: &raw::PeriodFile,
    counts: &mut BTreeMap<String, f64>,
) -> Vec<Form06Row> {
    let form06: Vec<Form06Row> = raw.bieu_06.iter().map(|r| form06_row(cx, r)).collect();
    if let Some(first) = raw.bieu_06.first() {
        // Biểu 06 totals are counts in their own right, for formulas and the 766 score.
        let t = Form06Row::total(&form06);
        let table_line = pos_of(&first.linh_vuc).map_or(0, |p| p.line);
        for (column, total) in [
            ("nhan_truc_tuyen", t.online),
            ("nhan_truc_tiep", t.direct),
            ("nhan_ky_truoc", t.carried),
            ("truoc_han", t.early),
            ("dung_han", t.on_time),
            ("qua_han", t.late),
            ("dang_trong_han", t.pending_on_time),
            ("dang_qua_han", t.pending_late),
        ] {
            // A figure out of range is reported on its own line; its column says no more.
            let rows_in_range = raw
                .bieu_06
                .iter()
                .all(|r| form06_fields(r).all(|(v, _)| v.is_none_or(|v| v.value <= MAX_COUNT)));
            if rows_in_range && total > MAX_COUNT {
                let max = vn::integer(MAX_COUNT as i64);
                cx.error(
                    Code::Form06,
                    pos_of(&first.linh_vuc),
                    format!(
                        "Biểu 06: tổng cột `{column}` của các lĩnh vực vượt quá giới hạn {max}."
                    ),
                    format!(
                        "Biểu 06: the total of column `{column}` is above the limit of {MAX_COUNT}."
                    ),
                    Some((
                        "Kiểm tra lại các số của cột này (có thể gõ thừa chữ số).".into(),
                        "Check this column's figures (a digit typed too many?).".into(),
                    )),
                );
            }
        }
        for (k, v) in t.totals() {
            if let Some(entered) = raw.so_lieu.get(k) {
                cx.error(Code::CountClash,
                    pos_of(entered),
                    format!("Số liệu `{k}` trùng tên với tổng Biểu 06 tính từ bảng `bieu_06` (dòng {table_line}): không biết dùng số nào."),
                    format!("Count `{k}` has the name of the Biểu 06 total computed from the `bieu_06` table (line {table_line}): which one counts is unclear."),
                    Some((
                        format!("Xóa `{k}` khỏi `so_lieu`: tổng này được tính từ Biểu 06. Nếu là một số liệu khác, đặt tên không bắt đầu bằng `b06_`."),
                        format!("Remove `{k}` from `so_lieu`: it is computed from Biểu 06. If it is another figure, give it a name not starting with `b06_`."),
                    )),
                );
            }
            counts.insert(k.to_string(), v as f64);
        }
    }
    form06
}

/// Counts a formula needs but the period does not give: one warning naming them all.
fn warn_missing_counts(
    cx: &mut Cx,
    raw: &raw::PeriodFile,
    indicators: &[Indicator],
    counts: &BTreeMap<String, f64>,
) {
    let missing: BTreeSet<&str> = indicators
        .iter()
        .filter_map(|i| i.formula.as_ref())
        .flat_map(|f| [f.numerator.as_str(), f.denominator.as_str()])
        // A count written but refused (not a number, negative…) has its own error already.
        .filter(|n| !counts.contains_key(*n) && !raw.so_lieu.contains_key(*n))
        .collect();
    if !missing.is_empty() {
        let list = missing.into_iter().collect::<Vec<_>>().join(", ");
        cx.warn(Code::CountsMissing,
            pos_of(&raw.ten),
            format!("Kỳ này chưa có số liệu: {list}. Các chỉ tiêu dùng chúng sẽ ghi \"chưa có số liệu\"."),
            format!("This period lacks the counts {list}; indicators using them show \"no data\"."),
            None,
        );
    }
}

/// The kế hoạch the period reports on (`ke_hoach`), which must exist.
fn plan<'a>(cx: &mut Cx, raw: &raw::PeriodFile, documents: &'a [Document]) -> Option<&'a Document> {
    raw.ke_hoach.as_ref().and_then(|p| {
        let slug = cx.text(p).trim().to_string();
        match documents
            .iter()
            .find(|d| d.slug == slug && d.kind == Kind::Plan)
        {
            Some(d) => Some(d),
            None => {
                let known: Vec<&str> = documents
                    .iter()
                    .filter(|d| d.kind == Kind::Plan)
                    .map(|d| d.slug.as_str())
                    .collect();
                // Plans are files, not ids of co_quan.yaml: named by file, listed by file.
                let (list, guess) = super::cx::listed(&slug, &known);
                let (guess_vi, guess_en) = guess
                    .map(|g| (format!("Có phải ý bạn là `{g}`? "), format!("Did you mean `{g}`? ")))
                    .unwrap_or_default();
                cx.error(
                    Code::UnknownId,
                    pos_of(p),
                    format!("Không có kế hoạch nào là tệp `van-ban/{slug}.yaml`."),
                    format!("No plan is the file `van-ban/{slug}.yaml`."),
                    Some((
                        format!("{guess_vi}Các kế hoạch trong van-ban/ (tên tệp, không có .yaml): {list}."),
                        format!("{guess_en}The plans in van-ban/ (file names without .yaml): {list}."),
                    )),
                );
                None
            }
        }
    })
}

/// Each task's status (`nhiem_vu`), matched against the plan's assignment table.
fn task_statuses(
    cx: &mut Cx,
    raw: &raw::PeriodFile,
    plan: Option<&Document>,
    document_paths: &[String],
) -> BTreeMap<String, Task> {
    let mut tasks = BTreeMap::new();
    if !raw.nhiem_vu.is_empty() && raw.ke_hoach.is_none() {
        cx.error(
            Code::TaskPlan,
            pos_of(&raw.ten),
            "Có tình trạng nhiệm vụ (`nhiem_vu`) nhưng chưa chỉ rõ kế hoạch (`ke_hoach`).".into(),
            "Task statuses (`nhiem_vu`) need the plan they belong to (`ke_hoach`).".into(),
            Some((
                "Thêm `ke_hoach: <tên tệp kế hoạch, không có .yaml>`.".into(),
                "Add `ke_hoach: <plan file name without .yaml>`.".into(),
            )),
        );
    }
    if let Some(plan) = plan {
        let codes: Vec<&str> = plan
            .appendices
            .iter()
            .filter_map(|a| a.assignments())
            .flat_map(|t| &t.areas)
            .flat_map(|a| &a.rows)
            .filter(|r| !r.header_only)
            .map(|r| r.code.as_str())
            .collect();
        for (code, t) in &raw.nhiem_vu {
            if !codes.contains(&code.as_str()) {
                let guess = suggest::closest(code, codes.iter().copied());
                let value = pos_of(&t.tinh_trang);
                cx.error(
                    Code::UnknownId,
                    value.and_then(|v| cx.key_written_before(v, code)).or(value),
                    format!(
                        "Kế hoạch số {} không có nhiệm vụ mã \"{code}\".",
                        plan.reference
                    ),
                    format!("Plan {} has no task \"{code}\".", plan.reference),
                    guess.map(|g| {
                        (
                            format!("Có phải ý bạn là \"{g}\"?"),
                            format!("Did you mean \"{g}\"?"),
                        )
                    }),
                );
            }
            let status = cx.choice(&t.tinh_trang, "tinh_trang", &TaskStatus::CODES);
            if let Some(e) = &t.minh_chung {
                let link = e.value.trim();
                let ours = link.starts_with("van-ban/") || link.starts_with("ket-qua/");
                let known = document_paths.iter().any(|p| p == link);
                if ours && !known {
                    cx.warn(
                        Code::EvidenceLink,
                        pos_of(e),
                        format!("Minh chứng \"{link}\" không trỏ tới văn bản nào của trang."),
                        format!("Evidence \"{link}\" points at no document of the site."),
                        None,
                    );
                }
            }
            tasks.insert(
                code.clone(),
                Task {
                    status: status.unwrap_or(TaskStatus::InProgress),
                    note: t.ghi_chu.as_ref().map(|n| cx.text(n).trim().to_string()),
                    evidence: t.minh_chung.as_ref().map(|n| cx.text(n).trim().to_string()),
                },
            );
        }
        let without: Vec<&str> = codes
            .iter()
            .copied()
            .filter(|c| !raw.nhiem_vu.contains_key(*c))
            .collect();
        if !without.is_empty() {
            cx.warn(
                Code::TasksUnreported,
                pos_of(&raw.ten),
                format!(
                    "Kỳ này chưa có tình trạng của {} nhiệm vụ: {}.",
                    without.len(),
                    without.join(", ")
                ),
                format!(
                    "No status this period for {} {}: {}.",
                    without.len(),
                    if without.len() == 1 { "task" } else { "tasks" },
                    without.join(", ")
                ),
                None,
            );
        }
    }
    tasks
}

/// Every ratio the period's counts feed, checked once per pair of counts: a share never
/// above its whole, and nothing counted out of nothing ("không phát sinh" is only 0 ÷ 0).
fn rates(
    cx: &mut Cx,
    raw: &raw::PeriodFile,
    counts: &BTreeMap<String, f64>,
    indicators: &[Indicator],
    profile: &score::Profile,
) {
    // (numerator, denominator) → who divides them (vi, en), and whether it is a share.
    type Users = (Vec<String>, Vec<String>, bool);
    let mut pairs: BTreeMap<(&str, &str), Users> = BTreeMap::new();
    for i in indicators {
        if let Some(f) = &i.formula {
            let e = pairs
                .entry((f.numerator.as_str(), f.denominator.as_str()))
                .or_default();
            e.0.push(format!("chỉ tiêu `{}`", i.id));
            e.1.push(format!("indicator `{}`", i.id));
            e.2 |= i.unit == "%";
        }
    }
    for c in profile.groups.iter().flat_map(|g| &g.components) {
        let e = pairs
            .entry((c.numerator.as_str(), c.denominator.as_str()))
            .or_default();
        e.0.push(format!("thành phần 766 {}", c.code));
        e.1.push(format!("766 component {}", c.code));
        e.2 = true;
    }
    for ((n, d), (users_vi, users_en, share)) in pairs {
        let (Some(&nv), Some(&dv)) = (counts.get(n), counts.get(d)) else {
            continue;
        };
        let at = raw
            .so_lieu
            .get(n)
            .or_else(|| raw.so_lieu.get(d))
            .and_then(pos_of)
            .or_else(|| raw.bieu_06.first().and_then(|r| pos_of(&r.linh_vuc)));
        let (n_vi, n_en) = shown(nv);
        let (d_vi, d_en) = shown(dv);
        let (users_vi, users_en) = (users_vi.join(", "), users_en.join(", "));
        if dv == 0.0 && nv > 0.0 {
            cx.error(Code::Ratio,
                at,
                format!("Mẫu số `{d}` bằng 0 nhưng tử số `{n}` là {n_vi} ({users_vi}): \"không phát sinh\" chỉ dùng khi cả hai cùng bằng 0."),
                format!("Denominator `{d}` is 0 but numerator `{n}` is {n_en} ({users_en}): \"không phát sinh\" (nothing to count) needs both to be 0."),
                Some((
                    format!("Nhập `{d}` thực tế của kỳ (tổng số phát sinh, gồm cả {n_vi} của `{n}`), hoặc sửa `{n}` thành 0 nếu kỳ này không phát sinh."),
                    format!("Enter the period's real `{d}` (the whole, including the {n_en} of `{n}`), or set `{n}` to 0 if nothing happened."),
                )),
            );
        } else if share && nv > dv {
            cx.error(Code::Ratio,
                at,
                format!("Tử số `{n}` là {n_vi}, lớn hơn mẫu số `{d}` là {d_vi} ({users_vi}): tỷ lệ sẽ vượt 100 %."),
                format!("Numerator `{n}` is {n_en}, above denominator `{d}` of {d_en} ({users_en}): the rate would exceed 100 %."),
                Some((
                    format!("`{n}` là một phần của `{d}` (ví dụ hồ sơ đúng hạn trong tổng hồ sơ nhận): kiểm tra lại hai số này."),
                    format!("`{n}` is part of `{d}` (e.g. dossiers on time out of all received): check both figures."),
                )),
            );
        }
    }
}

/// A part of a Biểu 06 total: its names (vi, en) and value.
type Part = (&'static str, &'static str, u64);

/// Where a Biểu 06 total is written, its names (vi, en), the figure stated (if any) and the
/// parts it must equal.
type Total = (
    Option<crate::diag::Pos>,
    (&'static str, &'static str),
    Option<u64>,
    Vec<Part>,
);

/// Every figure of a Biểu 06 row with its key; the stated totals may be left out.
fn form06_fields(r: &raw::Form06RowRaw) -> impl Iterator<Item = (Option<&S<u64>>, &'static str)> {
    [
        (&r.nhan_truc_tuyen, "nhan_truc_tuyen"),
        (&r.nhan_truc_tiep, "nhan_truc_tiep"),
        (&r.nhan_ky_truoc, "nhan_ky_truoc"),
        (&r.truoc_han, "truoc_han"),
        (&r.dung_han, "dung_han"),
        (&r.qua_han, "qua_han"),
        (&r.dang_trong_han, "dang_trong_han"),
        (&r.dang_qua_han, "dang_qua_han"),
    ]
    .into_iter()
    .map(|(v, k)| (Some(v), k))
    .chain([
        (r.nhan_tong.as_ref(), "nhan_tong"),
        (r.da_giai_quyet.as_ref(), "da_giai_quyet"),
        (r.dang_giai_quyet.as_ref(), "dang_giai_quyet"),
    ])
}

/// One Biểu 06 row, its three invariants checked (TT 01/2020/TT-VPCP).
fn form06_row(cx: &mut Cx, r: &raw::Form06RowRaw) -> Form06Row {
    let row = Form06Row {
        area: cx.nonempty(&r.linh_vuc, "Lĩnh vực", "Area"),
        online: r.nhan_truc_tuyen.value,
        direct: r.nhan_truc_tiep.value,
        carried: r.nhan_ky_truoc.value,
        early: r.truoc_han.value,
        on_time: r.dung_han.value,
        late: r.qua_han.value,
        pending_on_time: r.dang_trong_han.value,
        pending_late: r.dang_qua_han.value,
    };
    // Sums of numbers that are not figures would only repeat the error above.
    if in_range(cx, r, &row.area) {
        check_sums(cx, r, &row);
    }
    row
}

/// Each figure of a Biểu 06 row within what a commune can have; false after reporting
/// those that are not.
fn in_range(cx: &mut Cx, r: &raw::Form06RowRaw, area: &str) -> bool {
    let mut in_range = true;
    for (v, key) in form06_fields(r) {
        let Some(v) = v.filter(|v| v.value > MAX_COUNT) else {
            continue;
        };
        in_range = false;
        let max = vn::integer(MAX_COUNT as i64);
        cx.error(Code::Form06,
            pos_of(v),
            format!("Biểu 06, lĩnh vực \"{}\": `{key}` là {}, vượt quá giới hạn {max}.", area, v.value),
            format!("Biểu 06, area \"{}\": `{key}` is {}, above the limit of {MAX_COUNT}.", area, v.value),
            Some((
                "Kiểm tra lại số này (có thể gõ thừa chữ số): số hồ sơ của một xã không thể lớn như vậy.".into(),
                "Check this number (a digit typed too many?): no commune has that many dossiers.".into(),
            )),
        );
    }
    in_range
}

/// Each total of a Biểu 06 row equal to its parts (received, settled, pending, and
/// received = settled + pending).
fn check_sums(cx: &mut Cx, r: &raw::Form06RowRaw, row: &Form06Row) {
    let n = |x: u128| vn::integer(i64::try_from(x).unwrap_or(i64::MAX));
    let area = row.area.clone();
    let mut fail = |at, vi: String, en: String| {
        cx.error(
            Code::Form06,
            at,
            format!("Biểu 06, lĩnh vực \"{area}\": {vi}"),
            format!("Biểu 06, area \"{area}\": {en}"),
            Some((
                "Kiểm tra lại các số của dòng này; tổng phải bằng các phần cộng lại.".into(),
                "Check this row's figures: each total must equal its parts.".into(),
            )),
        );
    };
    let received = r.nhan_tong.as_ref().map_or(row.received(), |t| t.value);
    // Each total must equal its parts.
    let checks: [Total; 4] = [
        (
            r.nhan_tong.as_ref().and_then(pos_of),
            ("số hồ sơ nhận", "received"),
            r.nhan_tong.as_ref().map(|t| t.value),
            vec![
                ("trực tuyến", "online", row.online),
                ("trực tiếp, bưu chính", "in person/post", row.direct),
                ("kỳ trước", "carried over", row.carried),
            ],
        ),
        (
            r.da_giai_quyet.as_ref().and_then(pos_of),
            ("đã giải quyết", "resolved"),
            r.da_giai_quyet.as_ref().map(|t| t.value),
            vec![
                ("trước hạn", "early", row.early),
                ("đúng hạn", "on time", row.on_time),
                ("quá hạn", "late", row.late),
            ],
        ),
        (
            r.dang_giai_quyet.as_ref().and_then(pos_of),
            ("đang giải quyết", "pending"),
            r.dang_giai_quyet.as_ref().map(|t| t.value),
            vec![
                ("trong hạn", "on time", row.pending_on_time),
                ("quá hạn", "late", row.pending_late),
            ],
        ),
        (
            pos_of(&r.linh_vuc),
            ("số hồ sơ nhận", "received"),
            Some(received),
            vec![
                ("đã giải quyết", "resolved", row.resolved()),
                ("đang giải quyết", "pending", row.pending()),
            ],
        ),
    ];
    for (at, (name_vi, name_en), stated, parts) in checks {
        // In u128: the parts of a total can never add up to something else by wrapping.
        let sum: u128 = parts.iter().map(|p| u128::from(p.2)).sum();
        let Some(stated) = stated.filter(|s| u128::from(*s) != sum) else {
            continue;
        };
        let vi: Vec<String> = parts
            .iter()
            .map(|(v, _, x)| format!("{v} {}", n(u128::from(*x))))
            .collect();
        let en: Vec<String> = parts.iter().map(|(_, e, x)| format!("{e} {x}")).collect();
        fail(
            at,
            format!(
                "{name_vi} {} ≠ {} (= {}).",
                n(u128::from(stated)),
                vi.join(" + "),
                n(sum)
            ),
            format!("{name_en} {stated} ≠ {} (= {sum}).", en.join(" + ")),
        );
    }
}

mod targets;

#[cfg(test)]
mod tests;
