//! `ket-qua/`: targets (`chi-tieu.yaml`), one file per reporting period, and optionally the
//! 766 scoring profile (`thang-diem-766.yaml`), validated into [`Results`].

use std::collections::{BTreeMap, BTreeSet};

use super::SourceFile;
use super::raw::{self, S};
use super::validate::{Coverage, Cx, is_id, pos_of};
use super::yaml;
use crate::diag::Diagnostics;
use crate::model::{Document, Issuer, Kind};
use crate::results::{
    Cumulation, Direction, Form06Row, Formula, Indicator, Period, Results, Task, TaskStatus, score,
};
use crate::suggest;

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
            diags.push(crate::diag::Diagnostic::error(
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

    let profile = match files.profile {
        None => score::Profile::default_profile(),
        Some(f) => {
            let parsed = yaml::parse::<score::Profile>(f);
            let had_errors = !parsed.diags.is_empty();
            parsed.diags.into_iter().for_each(|d| diags.push(d));
            match parsed.value {
                Some(p) if !had_errors => p,
                _ => score::Profile::default_profile(),
            }
        }
    };

    let mut periods = Vec::new();
    for file in &files.periods {
        let parsed = yaml::parse::<raw::PeriodFile>(file);
        parsed.diags.into_iter().for_each(|d| diags.push(d));
        let Some(raw) = parsed.value else { continue };
        let mut cx = Cx::new(file, coverage);
        if let Some(p) = period(&mut cx, &raw, &indicators, documents, &files.document_paths) {
            periods.push(p);
        }
        diags.extend(cx.diags);
    }
    periods.sort_by(|a, b| (a.from, a.to, &a.id).cmp(&(b.from, b.to, &b.id)));
    (
        Some(Results {
            indicators,
            periods,
            profile,
        }),
        diags,
    )
}

fn indicators(cx: &mut Cx, raw: &raw::IndicatorsFile, issuer: &Issuer) -> Vec<Indicator> {
    let mut out: Vec<Indicator> = Vec::new();
    let mut seen: BTreeMap<String, u32> = BTreeMap::new();
    for r in &raw.chi_tieu {
        let id = cx.text(&r.ma).trim().to_string();
        if !is_id(&id) {
            cx.error(
                pos_of(&r.ma),
                format!("Mã chỉ tiêu \"{id}\" không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang."),
                format!("Indicator id \"{id}\" is invalid: lower-case ASCII letters, digits and hyphens only."),
                None,
            );
        }
        if let Some(line) = seen.get(&id) {
            cx.error(
                pos_of(&r.ma),
                format!("Mã chỉ tiêu `{id}` trùng với dòng {line}."),
                format!("Indicator id `{id}` repeats line {line}."),
                None,
            );
        }
        seen.insert(id.clone(), pos_of(&r.ma).map_or(0, |p| p.line));
        let unit = cx.nonempty(&r.don_vi, "Đơn vị tính", "Unit");
        let direction = match cx.text(&r.chieu).trim() {
            ">=" | "≥" => Direction::AtLeast,
            "<=" | "≤" => Direction::AtMost,
            other => {
                cx.error(
                    pos_of(&r.chieu),
                    format!("Chiều so sánh \"{other}\" không hợp lệ."),
                    format!("Direction \"{other}\" is invalid."),
                    Some((
                        "Viết `chieu: \">=\"` (càng cao càng tốt, đạt khi ≥ kế hoạch) hoặc `chieu: \"<=\"` (đạt khi ≤ kế hoạch).".into(),
                        "Write `chieu: \">=\"` (met when at least the target) or `chieu: \"<=\"`.".into(),
                    )),
                );
                Direction::AtLeast
            }
        };
        let responsible = r.phu_trach.as_ref().map(|p| {
            let t = cx.text(p).trim().to_string();
            if let Some(s) = issuer.staff.iter().find(|s| s.id == t) {
                return s.name.clone();
            }
            if let Some(u) = issuer.units.iter().find(|u| u.code == t) {
                return u.name.clone();
            }
            if is_id(&t) || t.chars().all(|c| c.is_ascii_uppercase()) {
                let known: Vec<&str> = issuer
                    .staff
                    .iter()
                    .map(|s| s.id.as_str())
                    .chain(issuer.units.iter().map(|u| u.code.as_str()))
                    .collect();
                cx.unknown_ref(
                    pos_of(p),
                    &t,
                    &known,
                    "cán bộ hoặc đơn vị",
                    "staff member or unit",
                    "can_bo, don_vi",
                );
            }
            t
        });
        let formula = r.cong_thuc.as_ref().map(|f| {
            let mut name = |s: &S<String>| {
                let t = cx.text(s).trim().to_string();
                let ok = !t.is_empty()
                    && t.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
                if !ok {
                    let fixed = suggest::fold(&t).replace('-', "_");
                    cx.error(
                        pos_of(s),
                        format!("Tên số liệu \"{t}\" không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch dưới."),
                        format!("Count name \"{t}\" is invalid: lower-case ASCII, digits and underscores."),
                        Some((format!("Ví dụ: `{fixed}`."), format!("For example `{fixed}`."))),
                    );
                }
                t
            };
            let numerator = name(&f.tu_so);
            let denominator = name(&f.mau_so);
            let default_scale = if unit == "%" { 100.0 } else { 1.0 };
            Formula {
                numerator,
                denominator,
                scale: f.he_so.as_ref().map_or(default_scale, |s| s.value),
            }
        });
        let cumulation = match r
            .luy_ke
            .as_ref()
            .map(|l| (cx.text(l).trim().to_string(), pos_of(l)))
        {
            None if formula.is_some() => Cumulation::Sum,
            None => Cumulation::Latest,
            Some((t, at)) => match t.as_str() {
                "cong-don" => Cumulation::Sum,
                "ky-cuoi" => Cumulation::Latest,
                "trung-binh" => Cumulation::Mean,
                other => {
                    cx.error(
                        at,
                        format!("Cách tính lũy kế \"{other}\" không hợp lệ."),
                        format!("Cumulation \"{other}\" is invalid."),
                        Some((
                            "Viết `luy_ke: cong-don`, `luy_ke: ky-cuoi` hoặc `luy_ke: trung-binh`."
                                .into(),
                            "Write `luy_ke: cong-don`, `ky-cuoi` or `trung-binh`.".into(),
                        )),
                    );
                    Cumulation::Latest
                }
            },
        };
        out.push(Indicator {
            cumulation,
            name: cx.nonempty(&r.ten, "Tên chỉ tiêu", "Indicator name"),
            unit,
            direction,
            target: r.ke_hoach.value,
            area: r.linh_vuc.as_ref().map(|a| cx.text(a).trim().to_string()),
            responsible,
            formula,
            id,
        });
    }
    out
}

fn full_date(cx: &mut Cx, s: &S<String>) -> Option<crate::vn::Date> {
    let d = cx.date(s)?;
    if d.day.is_none() {
        cx.error(
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
    documents: &[Document],
    document_paths: &[String],
) -> Option<Period> {
    let id = cx
        .rel()
        .file_stem()
        .and_then(|s| s.to_str())
        .map(super::validate::slug)
        .unwrap_or_default();
    let label = cx.nonempty(&raw.ten, "Tên kỳ báo cáo", "Period label");
    let from = full_date(cx, &raw.tu_ngay);
    let to = full_date(cx, &raw.den_ngay);
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        cx.error(
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

    let mut counts: BTreeMap<String, f64> = BTreeMap::new();
    for (k, v) in &raw.so_lieu {
        if v.value < 0.0 || !v.value.is_finite() {
            cx.error(
                pos_of(v),
                format!("Số liệu `{k}` không thể âm."),
                format!("Count `{k}` cannot be negative."),
                None,
            );
        }
        counts.insert(k.clone(), v.value);
    }

    let mut values = BTreeMap::new();
    for (k, v) in &raw.gia_tri {
        match indicators.iter().find(|i| &i.id == k) {
            Some(i) if i.formula.is_some() => cx.error(
                pos_of(v),
                format!("Chỉ tiêu `{k}` được tính theo công thức từ số liệu, không nhập giá trị trực tiếp."),
                format!("Indicator `{k}` is computed from counts; it takes no direct value."),
                Some(("Nhập các số liệu của công thức trong `so_lieu`.".into(), "Enter the formula's counts under `so_lieu`.".into())),
            ),
            Some(_) => {
                values.insert(k.clone(), v.value);
            }
            None => {
                let known: Vec<&str> = indicators.iter().map(|i| i.id.as_str()).collect();
                let guess = suggest::closest(k, known.iter().copied());
                cx.error(
                    pos_of(v),
                    format!("Không có chỉ tiêu nào mang mã `{k}` trong {INDICATORS_FILE}."),
                    format!("No indicator `{k}` in {INDICATORS_FILE}."),
                    guess.map(|g| (format!("Có phải ý bạn là `{g}`?"), format!("Did you mean `{g}`?"))),
                );
            }
        }
    }

    let form06: Vec<Form06Row> = raw.bieu_06.iter().map(|r| form06_row(cx, r)).collect();
    if !form06.is_empty() {
        // Biểu 06 totals are counts in their own right, for formulas and the 766 score.
        let t = Form06Row::total(&form06);
        let derived = [
            ("b06_nhan", t.received()),
            ("b06_truc_tuyen", t.online),
            ("b06_truc_tiep", t.direct),
            ("b06_ky_truoc", t.carried),
            ("b06_da_giai_quyet", t.resolved()),
            ("b06_dung_han", t.early + t.on_time + t.pending_on_time),
            ("b06_qua_han", t.late + t.pending_late),
        ];
        for (k, v) in derived {
            counts.entry(k.to_string()).or_insert(v as f64);
        }
    }

    // Counts a formula needs but the period lacks.
    let missing: BTreeSet<&str> = indicators
        .iter()
        .filter_map(|i| i.formula.as_ref())
        .flat_map(|f| [f.numerator.as_str(), f.denominator.as_str()])
        .filter(|n| !counts.contains_key(*n))
        .collect();
    if !missing.is_empty() {
        let list = missing.into_iter().collect::<Vec<_>>().join(", ");
        cx.warn(
            pos_of(&raw.ten),
            format!("Kỳ này chưa có số liệu: {list}. Các chỉ tiêu dùng chúng sẽ ghi \"chưa có số liệu\"."),
            format!("This period lacks the counts {list}; indicators using them show \"no data\"."),
        );
    }

    let plan = raw.ke_hoach.as_ref().and_then(|p| {
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
                cx.unknown_ref(pos_of(p), &slug, &known, "kế hoạch", "plan", "van-ban/");
                None
            }
        }
    });
    let mut tasks = BTreeMap::new();
    if !raw.nhiem_vu.is_empty() && raw.ke_hoach.is_none() {
        cx.error(
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
                cx.error(
                    pos_of(&t.tinh_trang),
                    format!(
                        "Kế hoạch {} không có nhiệm vụ mã \"{code}\".",
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
            let s = cx.text(&t.tinh_trang).trim().to_string();
            let status = TaskStatus::CODES
                .iter()
                .find(|(c, _)| *c == s)
                .map(|(_, st)| *st);
            if status.is_none() {
                let list: Vec<&str> = TaskStatus::CODES.iter().map(|(c, _)| *c).collect();
                cx.error(
                    pos_of(&t.tinh_trang),
                    format!("Tình trạng \"{s}\" không hợp lệ."),
                    format!("Status \"{s}\" is invalid."),
                    Some((
                        format!(
                            "Dùng một trong: {} (việc chậm hạn được tự tính từ thời hạn).",
                            list.join(", ")
                        ),
                        format!(
                            "Use one of: {} (lateness is computed from the deadline).",
                            list.join(", ")
                        ),
                    )),
                );
            }
            if let Some(e) = &t.minh_chung {
                let link = e.value.trim();
                let ours = link.starts_with("van-ban/") || link.starts_with("ket-qua/");
                let known = document_paths.iter().any(|p| p == link);
                if ours && !known {
                    cx.warn(
                        pos_of(e),
                        format!("Minh chứng \"{link}\" không trỏ tới văn bản nào của trang."),
                        format!("Evidence \"{link}\" points at no document of the site."),
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
                pos_of(&raw.ten),
                format!(
                    "Kỳ này chưa có tình trạng của {} nhiệm vụ: {}.",
                    without.len(),
                    without.join(", ")
                ),
                format!(
                    "No status this period for {} tasks: {}.",
                    without.len(),
                    without.join(", ")
                ),
            );
        }
    }

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
    let n = crate::vn::integer;
    let area = row.area.clone();
    let mut fail = |at, vi: String, en: String| {
        cx.error(
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
        let sum: u64 = parts.iter().map(|p| p.2).sum();
        let Some(stated) = stated.filter(|s| *s != sum) else {
            continue;
        };
        let vi: Vec<String> = parts
            .iter()
            .map(|(v, _, x)| format!("{v} {}", n(*x as i64)))
            .collect();
        let en: Vec<String> = parts.iter().map(|(_, e, x)| format!("{e} {x}")).collect();
        fail(
            at,
            format!(
                "{name_vi} {} ≠ {} (= {}).",
                n(stated as i64),
                vi.join(" + "),
                n(sum as i64)
            ),
            format!("{name_en} {stated} ≠ {} (= {sum}).", en.join(" + ")),
        );
    }
    row
}
