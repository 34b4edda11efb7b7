//! The QĐ 766/QĐ-TTg self-assessment: points per component and group from the office's own
//! counts, with the scoring profile kept as data (`thang-diem-766.yaml`), not code.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Figure, NO_CASES, NO_DATA, Period, Value};

/// The profile shipped with cchc (domain.md §2.2–2.4).
pub const DEFAULT_PROFILE: &str = include_str!("thang-diem-766.yaml");

pub use crate::model::results::{Component, Group, IfEmpty, Profile};

impl Profile {
    pub fn default_profile() -> Profile {
        serde_saphyr::from_str(DEFAULT_PROFILE).expect("the shipped 766 profile is valid")
    }
}

/// Points of one component in one period.
#[derive(Debug, Clone, Serialize)]
pub struct ComponentScore {
    pub code: String,
    pub name: String,
    pub max: f64,
    /// The ratio, as a percentage, with its formula.
    pub ratio: Figure,
    /// `None` when the office has no counts for it this period (left out of the total).
    pub points: Option<f64>,
    /// "20 × min(1; 99,58 % ÷ 100 %)".
    pub rule: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupScore {
    pub code: String,
    pub name: String,
    pub max: f64,
    pub points: f64,
    pub components: Vec<ComponentScore>,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// points = max × min(1, ratio ÷ full_at); nothing to count → full or zero as the profile says.
pub fn component(c: &Component, counts: &BTreeMap<String, f64>) -> ComponentScore {
    let ratio = match (counts.get(&c.numerator), counts.get(&c.denominator)) {
        (Some(n), Some(d)) => super::ratio(*n, *d, 100.0),
        _ => super::missing(),
    };
    let full = crate::vn::decimal(c.full_at * 100.0, 2);
    let max = crate::vn::decimal(c.max, 2);
    let (points, rule) = match ratio.value {
        Value::Number(pct) => (
            Some(round2(c.max * (pct / 100.0 / c.full_at).clamp(0.0, 1.0))),
            format!("{max} × min(1; {} % ÷ {full} %)", ratio.text),
        ),
        Value::NoCases => match c.if_empty {
            IfEmpty::Full => (Some(c.max), format!("{NO_CASES}: đủ điểm")),
            IfEmpty::Zero => (Some(0.0), format!("{NO_CASES}: 0 điểm")),
        },
        Value::Missing => (None, NO_DATA.to_string()),
    };
    ComponentScore {
        code: c.code.clone(),
        name: c.name.clone(),
        max: c.max,
        ratio,
        points,
        rule,
    }
}

/// Every group's points for one period; a group's maximum counts only the components that
/// could be scored.
pub fn period(profile: &Profile, period: &Period) -> Vec<GroupScore> {
    profile
        .groups
        .iter()
        .map(|g| {
            let components: Vec<ComponentScore> = g
                .components
                .iter()
                .map(|c| component(c, &period.counts))
                .collect();
            let scored = components.iter().filter(|c| c.points.is_some());
            GroupScore {
                code: g.code.clone(),
                name: g.name.clone(),
                max: scored.clone().map(|c| c.max).sum(),
                points: round2(scored.filter_map(|c| c.points).sum()),
                components,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(xs: &[(&str, f64)]) -> BTreeMap<String, f64> {
        xs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn worked_example_of_domain_md_section_7() {
        // Q1/2026: (1.690 trước hạn + 392 đúng hạn + 59 đang trong hạn) ÷ 2.150 nhận.
        let profile = Profile::default_profile();
        let c = profile
            .groups
            .iter()
            .flat_map(|g| &g.components)
            .find(|c| c.code == "2.1")
            .unwrap();
        let s = component(
            c,
            &counts(&[("ho_so_dung_han", 2141.0), ("ho_so_tiep_nhan", 2150.0)]),
        );
        assert_eq!(s.ratio.text, "99,58");
        assert_eq!(s.points, Some(19.92));
        assert_eq!(s.rule, "20 × min(1; 99,58 % ÷ 100 %)");
    }

    #[test]
    fn thresholds_and_empty_periods() {
        let c = Component {
            code: "5.4".into(),
            name: "Hài lòng".into(),
            max: 6.0,
            numerator: "a".into(),
            denominator: "b".into(),
            full_at: 0.9,
            if_empty: IfEmpty::Zero,
        };
        assert_eq!(
            component(&c, &counts(&[("a", 93.0), ("b", 100.0)])).points,
            Some(6.0)
        );
        assert_eq!(
            component(&c, &counts(&[("a", 45.0), ("b", 100.0)])).points,
            Some(3.0)
        );
        assert_eq!(
            component(&c, &counts(&[("a", 0.0), ("b", 0.0)])).points,
            Some(0.0)
        );
        let pakn = Component {
            if_empty: IfEmpty::Full,
            full_at: 1.0,
            ..c.clone()
        };
        let s = component(&pakn, &counts(&[("a", 0.0), ("b", 0.0)]));
        assert_eq!(
            (s.points, s.ratio.text.as_str()),
            (Some(6.0), "không phát sinh")
        );
        assert_eq!(component(&pakn, &counts(&[])).points, None);
        // Loading refuses 2.600 ÷ 0; should it reach here, it scores nothing, not full marks.
        assert_eq!(
            component(&pakn, &counts(&[("a", 2600.0), ("b", 0.0)])).points,
            None
        );
    }

    #[test]
    fn group_maximum_counts_only_what_could_be_scored() {
        let profile = Profile::default_profile();
        let p = super::super::Period {
            id: "q1".into(),
            label: "Quý I/2026".into(),
            from: crate::vn::Date::parse("2026-01-01").unwrap(),
            to: crate::vn::Date::parse("2026-03-31").unwrap(),
            counts: counts(&[
                ("ho_so_dung_han", 2141.0),
                ("ho_so_tiep_nhan", 2150.0),
                ("pakn_tiep_nhan", 0.0),
                ("pakn_dung_han", 0.0),
            ]),
            values: BTreeMap::new(),
            form06: vec![],
            plan: None,
            tasks: BTreeMap::new(),
        };
        let groups = period(&profile, &p);
        let g2 = groups.iter().find(|g| g.code == "2").unwrap();
        assert_eq!((g2.points, g2.max), (19.92, 20.0));
        let g6 = groups.iter().find(|g| g.code == "6").unwrap();
        assert_eq!(
            (g6.points, g6.max),
            (6.0, 6.0),
            "5.2 with no PAKN scores full; 5.4 has no counts"
        );
    }
}
