//! Staff and unit names in a sheet matched to the ids of `co_quan.yaml`: exactly, or after
//! folding case, diacritics and spacing. A name that matches nothing (or more than one
//! person) is kept as written and listed for the clerk; it is never guessed.

use std::path::Path;

use super::header::key;
use crate::content::raw::IssuerFile;

#[derive(Debug, Default)]
pub struct Directory {
    /// (folded form, id) for each way a person may be written: id, "Họ tên",
    /// "Họ tên (Chức vụ)".
    staff: Vec<(String, String)>,
    /// (folded form, code) for each unit: code, name.
    units: Vec<(String, String)>,
    /// Folded words that name the issuer itself ("UBND xã", "UBND xã Hòa Sơn").
    issuer: Vec<String>,
    pub loaded: bool,
}

/// What a name in the sheet turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Match {
    Id(String),
    /// Written words the build prints as they are (a unit of another body, "UBND xã").
    Words,
    /// Matches nobody: kept as words, and listed.
    Unknown,
}

impl Directory {
    /// The directory of `co_quan.yaml` in `content`; empty (every name listed) when the
    /// file is absent or unreadable.
    pub fn load(content: &Path) -> Directory {
        let Ok(text) = std::fs::read_to_string(content.join("co_quan.yaml")) else {
            return Directory::default();
        };
        let Ok(file) = serde_saphyr::from_str::<IssuerFile>(&text) else {
            return Directory::default();
        };
        Directory::of(&file)
    }

    pub fn of(file: &IssuerFile) -> Directory {
        let mut d = Directory {
            loaded: true,
            ..Directory::default()
        };
        for p in &file.can_bo {
            let id = p.ma.value.clone();
            for form in [
                id.clone(),
                p.ho_ten.value.clone(),
                format!("{} ({})", p.ho_ten.value, p.chuc_vu.value),
            ] {
                d.staff.push((key(&form), id.clone()));
            }
        }
        for u in &file.don_vi {
            d.units.push((key(&u.ma.value), u.ma.value.clone()));
            d.units.push((key(&u.ten.value), u.ma.value.clone()));
        }
        d.issuer.push(key(&file.ma.value));
        d.issuer.push(key(&file.ten_day_du.value));
        if let Some(short) = &file.ten_viet_tat {
            d.issuer.push(key(&short.value));
        }
        d
    }

    /// A chủ trì cell: a unit's code when it names one, else words.
    pub fn lead(&self, written: &str) -> (String, Match) {
        if let Some(code) = unique(&self.units, written) {
            return (code.clone(), Match::Id(code));
        }
        let k = key(written);
        let issuer = self.issuer.contains(&k) || k.starts_with("ubnd") || k.starts_with("uy ban");
        (
            written.to_string(),
            if issuer { Match::Words } else { Match::Unknown },
        )
    }

    /// One name of a tham mưu cell: a staff id, or words.
    pub fn staff(&self, written: &str) -> (String, Match) {
        let bare = strip_honorific(written);
        if let Some(id) = unique(&self.staff, bare) {
            return (id.clone(), Match::Id(id));
        }
        // A unit or group of people ("Các phòng chuyên môn") is printed as written.
        let k = key(bare);
        let group = unique(&self.units, bare).is_some()
            || [
                "cac ",
                "phong ",
                "van phong",
                "trung tam",
                "ubnd",
                "to ",
                "ban ",
            ]
            .iter()
            .any(|w| k.starts_with(w));
        (
            bare.to_string(),
            if group { Match::Words } else { Match::Unknown },
        )
    }
}

/// The one id whose folded form equals the folded `written`; none when two people share it.
fn unique(list: &[(String, String)], written: &str) -> Option<String> {
    let k = key(written);
    let mut ids: Vec<&String> = list
        .iter()
        .filter(|(f, _)| *f == k)
        .map(|(_, id)| id)
        .collect();
    ids.dedup();
    match ids.as_slice() {
        [one] => Some((*one).clone()),
        _ => None,
    }
}

/// "Đ/c Trần Thị Hoa", "đồng chí Hoa" → the name alone.
fn strip_honorific(s: &str) -> &str {
    let t = s.trim();
    for prefix in ["Đ/c", "đ/c", "Đ/C", "Đồng chí", "đồng chí", "Ông", "Bà"] {
        if let Some(rest) = t.strip_prefix(prefix)
            && rest.starts_with([' ', '.', ':'])
        {
            return rest.trim_start_matches([' ', '.', ':']);
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir() -> Directory {
        let file: IssuerFile = serde_saphyr::from_str(
            "ten_in: [UBND]\nten_day_du: Ủy ban nhân dân xã Hòa Sơn\nten_viet_tat: UBND xã Hòa Sơn\nma: UBND\ndia_danh: Hòa Sơn\ndon_vi:\n  - {ma: VP, ten: Văn phòng HĐND và UBND}\ncan_bo:\n  - {ma: vp-hoa, ho_ten: Trần Thị Hoa, chuc_vu: Chánh Văn phòng}\n  - {ma: kt-lan, ho_ten: Vũ Thị Lan, chuc_vu: Kế toán}\n  - {ma: kt-lan-2, ho_ten: Vũ Thị Lan, chuc_vu: Thủ quỹ}\n",
        )
        .unwrap();
        Directory::of(&file)
    }

    #[test]
    fn names_match_exactly_or_folded_and_never_by_guess() {
        let d = dir();
        assert_eq!(d.staff("Trần Thị Hoa").0, "vp-hoa");
        assert_eq!(d.staff("tran thi  HOA").0, "vp-hoa");
        assert_eq!(d.staff("Đ/c Trần Thị Hoa").0, "vp-hoa");
        assert_eq!(d.staff("Trần Thị Hoa (Chánh Văn phòng)").0, "vp-hoa");
        assert_eq!(
            d.staff("Trần Thị Hồng"),
            ("Trần Thị Hồng".into(), Match::Unknown)
        );
        // Two people of one name: which one is not for the import to decide.
        assert_eq!(d.staff("Vũ Thị Lan").1, Match::Unknown);
        assert_eq!(d.staff("Vũ Thị Lan (Thủ quỹ)").0, "kt-lan-2");
        assert_eq!(d.staff("Các phòng chuyên môn").1, Match::Words);
        assert_eq!(d.lead("Văn phòng HĐND và UBND").0, "VP");
        assert_eq!(d.lead("van phong hdnd va ubnd").0, "VP");
        assert_eq!(d.lead("UBND xã").1, Match::Words);
        assert_eq!(d.lead("Công an xã").1, Match::Unknown);
    }
}
