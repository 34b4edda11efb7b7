//! The targets file (`chi-tieu.yaml`) and an office's own 766 scoring profile
//! (`thang-diem-766.yaml`), checked where their numbers are written.

use std::collections::BTreeMap;

use super::super::cx::{Cx, is_id, pos_of};
use super::super::raw::{self, S};
use super::{checked_number, shown};
use crate::diag::{Code, Pos};
use crate::model::Issuer;
use crate::results::{Cumulation, Direction, Formula, Indicator, MAX_COUNT, score};
use crate::suggest;
use crate::vn;

/// The 766 profile an office wrote for itself, its numbers checked where they are written.
pub(super) fn profile(cx: &mut Cx, raw: raw::ProfileRaw) -> score::Profile {
    let mut total = 0.0;
    let groups = raw
        .nhom
        .into_iter()
        .map(|g| score::Group {
            code: g.ma,
            name: g.ten,
            components: g
                .thanh_phan
                .into_iter()
                .map(|c| {
                    let code = c.ma.value.trim().to_string();
                    let max = checked_number(
                        cx,
                        &c.toi_da,
                        (
                            &format!("Điểm tối đa (`toi_da`) của thành phần {code}"),
                            &format!("The maximum (`toi_da`) of component {code}"),
                        ),
                        false,
                    );
                    if max == Some(0.0) {
                        cx.error(Code::Profile,
                            pos_of(&c.toi_da),
                            format!("Điểm tối đa (`toi_da`) của thành phần {code} bằng 0."),
                            format!("The maximum (`toi_da`) of component {code} is 0."),
                            Some((
                                "Ghi số điểm tối đa của thành phần theo QĐ 766 (lớn hơn 0), hoặc bỏ thành phần này.".into(),
                                "Write the component's maximum under QĐ 766 (above 0), or drop the component.".into(),
                            )),
                        );
                    }
                    total += max.unwrap_or(0.0);
                    let full_at = c.dat_toi_da.as_ref().map_or(1.0, |f| {
                        let ok = f.value.is_finite() && f.value > 0.0 && f.value <= 1.0;
                        if !ok {
                            let (sv, se) = shown(f.value);
                            cx.error(Code::Profile,
                                pos_of(f),
                                format!("Ngưỡng đạt điểm tối đa (`dat_toi_da`) của thành phần {code} là {sv}, phải lớn hơn 0 và không quá 1."),
                                format!("The full-marks ratio (`dat_toi_da`) of component {code} is {se}; it must be above 0 and at most 1."),
                                Some((
                                    "Viết tỷ lệ dạng số thập phân, ví dụ `dat_toi_da: 0.8` (đủ điểm khi đạt 80 %); bỏ dòng này nếu phải đạt 100 %.".into(),
                                    "Write a fraction, e.g. `dat_toi_da: 0.8` (full marks at 80 %); leave it out for 100 %.".into(),
                                )),
                            );
                            return 1.0;
                        }
                        f.value
                    });
                    score::Component {
                        code,
                        name: c.ten,
                        max: max.unwrap_or(0.0),
                        numerator: c.tu_so,
                        denominator: c.mau_so,
                        full_at,
                        if_empty: c.khi_rong,
                    }
                })
                .collect(),
        })
        .collect();
    if total > 100.0 {
        cx.error(
            Code::Profile,
            Some(Pos { line: 1, col: 1 }),
            format!(
                "Tổng điểm tối đa của các thành phần là {}, quá 100 điểm của Bộ chỉ số 766.",
                vn::decimal(total, 2)
            ),
            format!("The components' maxima add up to {total}, above the 100 points of QĐ 766."),
            Some((
                "Kiểm tra lại `toi_da` của từng thành phần theo QĐ 766/QĐ-TTg.".into(),
                "Check each component's `toi_da` against QĐ 766/QĐ-TTg.".into(),
            )),
        );
    }
    score::Profile { groups }
}

pub(super) fn indicators(
    cx: &mut Cx,
    raw: &raw::IndicatorsFile,
    issuer: &Issuer,
) -> Vec<Indicator> {
    let mut out: Vec<Indicator> = Vec::new();
    let mut seen: BTreeMap<String, u32> = BTreeMap::new();
    for r in &raw.chi_tieu {
        let id = cx.text(&r.ma).trim().to_string();
        if !is_id(&id) {
            cx.error(Code::BadId,
                pos_of(&r.ma),
                format!("Mã chỉ tiêu \"{id}\" không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang."),
                format!("Indicator id \"{id}\" is invalid: lower-case ASCII letters, digits and hyphens only."),
                None,
            );
        }
        if let Some(line) = seen.get(&id) {
            cx.error(
                Code::DuplicateId,
                pos_of(&r.ma),
                format!("Mã chỉ tiêu `{id}` trùng với dòng {line}."),
                format!("Indicator id `{id}` repeats line {line}."),
                None,
            );
        }
        seen.insert(id.clone(), pos_of(&r.ma).map_or(0, |p| p.line));
        let unit = cx.nonempty(&r.don_vi, "Đơn vị tính", "Unit");
        let direction = cx
            .choice(
                &r.chieu,
                "chieu",
                &[
                    (">=", Direction::AtLeast),
                    ("≥", Direction::AtLeast),
                    ("<=", Direction::AtMost),
                    ("≤", Direction::AtMost),
                ],
            )
            .unwrap_or(Direction::AtLeast);
        let responsible = r.phu_trach.as_ref().map(|p| responsible(cx, p, issuer));
        let formula = r.cong_thuc.as_ref().map(|f| formula(cx, f, &id, &unit));
        let cumulation = match &r.luy_ke {
            None if formula.is_some() => Cumulation::Sum,
            None => Cumulation::Latest,
            Some(l) => cx
                .choice(
                    l,
                    "luy_ke",
                    &[
                        ("cong-don", Cumulation::Sum),
                        ("ky-cuoi", Cumulation::Latest),
                        ("trung-binh", Cumulation::Mean),
                    ],
                )
                .unwrap_or(Cumulation::Latest),
        };
        out.push(Indicator {
            cumulation,
            name: cx.nonempty(&r.ten, "Tên chỉ tiêu", "Indicator name"),
            unit,
            direction,
            target: checked_number(
                cx,
                &r.ke_hoach,
                (
                    &format!("Kế hoạch (`ke_hoach`) của chỉ tiêu `{id}`"),
                    &format!("The target (`ke_hoach`) of indicator `{id}`"),
                ),
                false,
            )
            .unwrap_or(0.0),
            area: r.linh_vuc.as_ref().map(|a| cx.text(a).trim().to_string()),
            responsible,
            formula,
            id,
        });
    }
    out
}

/// Who answers for a target (`phu_trach`): a staff id or unit code becomes its name; other
/// words are kept as written.
fn responsible(cx: &mut Cx, p: &S<String>, issuer: &Issuer) -> String {
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
}

/// A target's formula (`cong_thuc`): two count names and the scale (`he_so`, 100 for a %).
fn formula(cx: &mut Cx, f: &raw::FormulaRaw, id: &str, unit: &str) -> Formula {
    let mut name = |s: &S<String>| {
        let t = cx.text(s).trim().to_string();
        let ok = !t.is_empty()
            && t.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !ok {
            let fixed = suggest::fold(&t).replace('-', "_");
            cx.error(Code::BadId,
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
    let scale = match &f.he_so {
        None => default_scale,
        Some(h) if h.value.is_finite() && h.value > 0.0 && h.value <= MAX_COUNT as f64 => h.value,
        Some(h) => {
            let (sv, se) = shown(h.value);
            cx.error(Code::Weight,
                    pos_of(h),
                    format!("Hệ số (`he_so`) của chỉ tiêu `{id}` là {sv}: hệ số phải là số dương."),
                    format!("The coefficient (`he_so`) of indicator `{id}` is {se}: it must be a positive number."),
                    Some((
                        "Viết `he_so: 100` cho tỷ lệ phần trăm, hoặc bỏ dòng này (mặc định 100 khi đơn vị là %, 1 trong các trường hợp khác).".into(),
                        "Write `he_so: 100` for a percentage, or leave it out (100 for a % unit, 1 otherwise).".into(),
                    )),
                );
            default_scale
        }
    };
    Formula {
        numerator,
        denominator,
        scale,
    }
}
