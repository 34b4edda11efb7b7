//! The YAML files exactly as a clerk writes them (tệp YAML trong `content/`).
//!
//! Keys are Vietnamese without diacritics so that they are easy to type on any keyboard.
//! Every struct denies unknown keys; every value whose location a later rule may need to
//! report is wrapped in [`S`] (a span-carrying value). Nothing here is validated: that is
//! the job of [`super::validate`], which turns these into the [`crate::model`].

use serde::Deserialize;
pub use serde_saphyr::Spanned as S;

/// `co_quan.yaml`: the issuing body (cơ quan ban hành), its units and staff.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssuerFile {
    /// Parent agency line printed above the issuer, not bold (tên cơ quan chủ quản).
    #[serde(default)]
    pub co_quan_chu_quan: Option<S<String>>,
    /// Issuer lines as printed, e.g. ["ỦY BAN NHÂN DÂN", "XÃ HÒA SƠN"].
    pub ten_in: Vec<S<String>>,
    /// Full name used in running text: "Ủy ban nhân dân xã Hòa Sơn".
    pub ten_day_du: S<String>,
    /// Short name used in the table cells and on the web: "UBND xã Hòa Sơn".
    #[serde(default)]
    pub ten_viet_tat: Option<S<String>>,
    /// Issuer code in ký hiệu: "UBND".
    pub ma: S<String>,
    /// Place name in the date line: "Hòa Sơn".
    pub dia_danh: S<String>,
    /// The superior body (cấp trên); after 1/7/2025 the province.
    #[serde(default)]
    pub cap_tren: Option<SuperiorRaw>,
    #[serde(default)]
    pub don_vi: Vec<UnitRaw>,
    #[serde(default)]
    pub can_bo: Vec<StaffRaw>,
    /// Website settings (tiêu đề trang, địa chỉ gốc).
    #[serde(default)]
    pub trang_web: Option<WebsiteRaw>,
    /// Contact block printed at the foot of page 1 when a document asks for it (ô 13).
    #[serde(default)]
    pub lien_he: Option<ContactRaw>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactRaw {
    #[serde(default)]
    pub dia_chi: Option<S<String>>,
    #[serde(default)]
    pub dien_thoai: Option<S<String>>,
    #[serde(default)]
    pub email: Option<S<String>>,
    #[serde(default)]
    pub website: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuperiorRaw {
    pub ten: S<String>,
    #[serde(default)]
    pub co_quan_tham_dinh: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitRaw {
    /// Unit code used in ký hiệu and "Lưu: VT, VP": "VP".
    pub ma: S<String>,
    pub ten: S<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffRaw {
    /// Identifier referenced from plans: lower-case letters, digits and "-".
    pub ma: S<String>,
    pub ho_ten: S<String>,
    pub chuc_vu: S<String>,
    /// Code of the unit (don_vi.ma) this person belongs to.
    #[serde(default)]
    pub don_vi: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebsiteRaw {
    #[serde(default)]
    pub tieu_de: Option<S<String>>,
    /// Absolute base URL when published at a fixed address; links stay relative otherwise.
    #[serde(default)]
    pub dia_chi_goc: Option<S<String>>,
}

/// One document file under `van-ban/` (văn bản).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentFile {
    /// Document kind: `cong-van`, `ke-hoach`, `bao-cao`, `quyet-dinh`, `thong-bao`, `to-trinh`.
    pub loai: S<String>,
    /// Code of the drafting unit (don_vi.ma): a công văn's ký hiệu is UBND-<this>.
    #[serde(default)]
    pub don_vi_soan_thao: Option<S<String>>,
    /// Registered number; leave out for a draft (dự thảo).
    #[serde(default)]
    /// Text, not a YAML number: "05" is how a clerk writes it, and YAML's own number
    /// forms ("0x1F", "1e3") must not become a document number.
    pub so: Option<S<String>>,
    /// Ký hiệu after the slash; built from the kind and issuer when left out ("KH-UBND").
    #[serde(default)]
    pub ky_hieu: Option<S<String>>,
    /// Issue date: 2026-01-15 or 15/01/2026; a draft may give only the month: 2026-01.
    pub ngay: S<String>,
    /// Trích yếu. For a công văn, the words after "V/v".
    pub trich_yeu: S<String>,
    /// Kính gửi: one recipient or several (công văn; báo cáo and tờ trình sent upward).
    #[serde(default)]
    pub kinh_gui: Vec<S<String>>,
    /// Độ khẩn: `khan`, `thuong-khan` or `hoa-toc`.
    #[serde(default)]
    pub do_khan: Option<S<String>>,
    /// Quyết định: the issuing authority line, e.g. "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÒA SƠN".
    #[serde(default)]
    pub tham_quyen: Option<S<String>>,
    /// Quyết định: legal bases, one per item, without the ending ";" or ".".
    #[serde(default)]
    pub can_cu: Vec<S<String>>,
    /// Quyết định: "Theo đề nghị của …" line.
    #[serde(default)]
    pub theo_de_nghi: Option<S<String>>,
    /// The body in Markdown: `#` = I., `##` = 1., `###` = a), "-" and "+" items, GFM tables.
    pub noi_dung: S<String>,
    /// Recipients, one per item, without the leading "- " or the ending ";".
    pub noi_nhan: Vec<S<String>>,
    pub nguoi_ky: SignerRaw,
    /// Drafter's initials and number of copies, printed under Nơi nhận: "PL.(300)" (ô 12).
    #[serde(default)]
    pub ky_hieu_nguoi_soan: Option<S<String>>,
    #[serde(default)]
    pub so_ban: Option<S<u32>>,
    /// Báo cáo: the reporting period (a file name in `ket-qua/` without `.yaml`) whose
    /// tables are appended as phụ lục: Biểu 06, chỉ tiêu, tiến độ nhiệm vụ, điểm 766.
    #[serde(default)]
    pub ky_bao_cao: Option<S<String>>,
    /// Print the issuer's contact block (co_quan.yaml `lien_he`) at the foot of page 1.
    #[serde(default)]
    pub in_lien_he: bool,
    #[serde(default)]
    pub phu_luc: Vec<AppendixRaw>,
    /// The "(Kèm theo … số … ngày … của …)" line under each phụ lục title, written by hand
    /// for the odd case; left out, cchc composes it.
    #[serde(default)]
    pub dong_kem_theo: Option<S<String>>,
    /// Blanks for the number and day in that line although the document is numbered: a
    /// draft sent for signature, whose final number the văn thư writes in.
    #[serde(default)]
    pub kem_theo_de_trong: bool,
}

/// Signature block (thể thức chữ ký).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignerRaw {
    /// Authority and title lines as printed: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"].
    pub chuc_danh: Vec<S<String>>,
    /// Staff id (can_bo.ma) of the person who signs.
    pub can_bo: S<String>,
}

/// A phụ lục: exactly one of an assignment table, a table of rows, or Markdown.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppendixRaw {
    pub tieu_de: S<String>,
    /// Page orientation: `ngang` (landscape) or `doc` (portrait). Default: landscape for
    /// tables of five or more columns, portrait otherwise.
    #[serde(default)]
    pub huong: Option<S<String>>,
    #[serde(default)]
    pub bang_phan_cong: Option<AssignmentTableRaw>,
    #[serde(default)]
    pub bang: Option<TableRaw>,
    #[serde(default)]
    pub noi_dung: Option<S<String>>,
}

/// A plain table: column titles and rows of cells (text; numbers are printed as written).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableRaw {
    pub cot: Vec<S<String>>,
    /// Rows of cells (inline Markdown: `**đậm**`, `*nghiêng*`), or a group row
    /// `{nhom: "I. Công tác chỉ đạo, điều hành"}` printed bold across the table.
    pub dong: Vec<S<RowRaw>>,
    /// Column widths in millimetres, one per column; 0 for "from the content". Left out:
    /// every width from the content.
    #[serde(default)]
    pub rong_cot: Option<S<Vec<f64>>>,
}

/// A table row as written: its cells, or a group row.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RowRaw {
    Cells(Vec<String>),
    Group(GroupRowRaw),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupRowRaw {
    pub nhom: String,
}

/// The assignment appendix (biểu phân công nhiệm vụ).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssignmentTableRaw {
    #[serde(default)]
    pub tieu_de_cot: Option<ColumnTitlesRaw>,
    pub linh_vuc: Vec<AreaRaw>,
}

/// Column titles; any left out keep the wording of the model plan.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnTitlesRaw {
    pub stt: Option<S<String>>,
    pub tieu_chi: Option<S<String>>,
    pub yeu_cau: Option<S<String>>,
    pub thoi_han: Option<S<String>>,
    pub phan_cong: Option<S<String>>,
    pub chu_tri: Option<S<String>>,
    pub tham_muu: Option<S<String>>,
}

/// A lĩnh vực: numbered I, II, … in the order written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaRaw {
    pub ten: S<String>,
    #[serde(default)]
    pub tieu_chi: Vec<CriterionRaw>,
}

/// A tiêu chí or tiêu chí thành phần row. Without `yeu_cau` it is a header-only row.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionRaw {
    /// Code kept as text: "3.2.2".
    pub ma: S<String>,
    pub noi_dung: S<String>,
    #[serde(default)]
    pub yeu_cau: Option<S<String>>,
    /// A date (2026-12-31) or words ("Thường xuyên", "Quý III năm 2026").
    #[serde(default)]
    pub thoi_han: Option<S<String>>,
    /// Lead body: a unit code (VP) or words ("UBND xã").
    #[serde(default)]
    pub chu_tri: Option<S<String>>,
    /// Responsible staff: staff ids, or words for anyone not on the staff list.
    #[serde(default)]
    pub tham_muu: Vec<S<String>>,
}

/// `ket-qua/chi-tieu.yaml`: the targets (chỉ tiêu) the results are measured against.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorsFile {
    pub chi_tieu: Vec<IndicatorRaw>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorRaw {
    /// Identifier: lower-case letters, digits and "-".
    pub ma: S<String>,
    pub ten: S<String>,
    /// Unit as printed: "%", "người", "giờ", "cuộc".
    pub don_vi: S<String>,
    /// `">="` (at least the target) or `"<="` (at most).
    pub chieu: S<String>,
    pub ke_hoach: S<f64>,
    /// Roman numeral of the plan's lĩnh vực (I–VIII), if any.
    #[serde(default)]
    pub linh_vuc: Option<S<String>>,
    /// Staff id or unit code responsible.
    #[serde(default)]
    pub phu_trach: Option<S<String>>,
    /// A rate computed from two raw counts of each period; without it the value is entered
    /// directly per period under `gia_tri`.
    #[serde(default)]
    pub cong_thuc: Option<FormulaRaw>,
    /// How the year so far (lũy kế) is formed: `cong-don` (counts or values added up; the
    /// default for a formula), `ky-cuoi` (the latest period's figure; the default for a value
    /// entered directly, e.g. an already cumulative count) or `trung-binh` (mean of periods).
    #[serde(default)]
    pub luy_ke: Option<S<String>>,
}

/// numerator ÷ denominator × `he_so` (100 for a percentage).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormulaRaw {
    pub tu_so: S<String>,
    pub mau_so: S<String>,
    #[serde(default)]
    pub he_so: Option<S<f64>>,
}

/// `ket-qua/<period>.yaml`: one reporting period's figures.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodFile {
    /// "Quý I/2026", "6 tháng đầu năm 2026", "Năm 2026".
    pub ten: S<String>,
    pub tu_ngay: S<String>,
    pub den_ngay: S<String>,
    /// Raw counts by name (số liệu), e.g. `ho_so_truc_tuyen: 950`.
    #[serde(default)]
    pub so_lieu: std::collections::BTreeMap<String, S<f64>>,
    /// Directly entered values by indicator id.
    #[serde(default)]
    pub gia_tri: std::collections::BTreeMap<String, S<f64>>,
    /// Biểu số 06/VPCP/KSTT: one row per lĩnh vực.
    #[serde(default)]
    pub bieu_06: Vec<Form06RowRaw>,
    /// The plan whose tasks are tracked: its file name without `.yaml`.
    #[serde(default)]
    pub ke_hoach: Option<S<String>>,
    /// Task status by criterion code of the plan's appendix ("1.1", "3.2.2").
    #[serde(default)]
    pub nhiem_vu: std::collections::BTreeMap<String, TaskStatusRaw>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskStatusRaw {
    /// `hoan-thanh`, `dang-thuc-hien`, `chua-den-han`, `khong-thuc-hien` (lateness is computed).
    pub tinh_trang: S<String>,
    #[serde(default)]
    pub ghi_chu: Option<S<String>>,
    /// Link or reference to the evidence (tài liệu kiểm chứng).
    #[serde(default)]
    pub minh_chung: Option<S<String>>,
}

/// One row of Biểu 06. Totals are optional; when given they are checked.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Form06RowRaw {
    pub linh_vuc: S<String>,
    #[serde(default)]
    pub nhan_tong: Option<S<u64>>,
    pub nhan_truc_tuyen: S<u64>,
    pub nhan_truc_tiep: S<u64>,
    pub nhan_ky_truoc: S<u64>,
    #[serde(default)]
    pub da_giai_quyet: Option<S<u64>>,
    pub truoc_han: S<u64>,
    pub dung_han: S<u64>,
    pub qua_han: S<u64>,
    #[serde(default)]
    pub dang_giai_quyet: Option<S<u64>>,
    pub dang_trong_han: S<u64>,
    pub dang_qua_han: S<u64>,
}

/// `ket-qua/thang-diem-766.yaml`: an office's own 766 scoring profile, read with the
/// positions of its numbers so that an impossible one is reported where it is written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileRaw {
    pub nhom: Vec<ProfileGroupRaw>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileGroupRaw {
    pub ma: String,
    pub ten: String,
    pub thanh_phan: Vec<ProfileComponentRaw>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileComponentRaw {
    pub ma: S<String>,
    pub ten: String,
    /// Points at full marks.
    pub toi_da: S<f64>,
    pub tu_so: String,
    pub mau_so: String,
    /// The ratio (0–1) at which full marks are reached; 1 unless stated.
    #[serde(default)]
    pub dat_toi_da: Option<S<f64>>,
    pub khi_rong: crate::results::score::IfEmpty,
}
