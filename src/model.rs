//! The validated model (mô hình đã kiểm tra). Built only by [`crate::content::validate`];
//! every value here already obeys the rules, so renderers print it without checking it.
//!
//! The model is serialised as-is to the theme: to Typst as `/data.json`, to tera as context.

use serde::{Serialize, Serializer};
use std::path::PathBuf;

use crate::markdown::Block;
use crate::vn::Date;

/// One commune's (or ward's) content folder, validated.
#[derive(Debug, Clone, Serialize)]
pub struct Site {
    pub issuer: Issuer,
    /// In publication order: newest first, then by number.
    pub documents: Vec<Document>,
}

/// Cơ quan ban hành.
#[derive(Debug, Clone, Serialize)]
pub struct Issuer {
    /// Tên cơ quan chủ quản, printed above the issuer lines, not bold.
    pub parent_line: Option<String>,
    /// Issuer lines as printed, upper case.
    pub name_lines: Vec<String>,
    /// "Ủy ban nhân dân xã Hòa Sơn".
    pub full_name: String,
    /// "UBND xã Hòa Sơn".
    pub short_name: String,
    /// "UBND".
    pub code: String,
    /// "Hòa Sơn".
    pub place: String,
    pub superior: Option<Superior>,
    pub units: Vec<Unit>,
    pub staff: Vec<Staff>,
    pub website_title: String,
    pub base_url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Superior {
    pub name: String,
    pub appraiser: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Unit {
    pub code: String,
    pub name: String,
}

/// Cán bộ, công chức.
#[derive(Debug, Clone, Serialize)]
pub struct Staff {
    pub id: String,
    pub name: String,
    pub title: String,
    pub unit: Option<String>,
}

/// Document kinds and their ND30 names and ký hiệu abbreviations (Phụ lục III).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Plan,
}

impl Kind {
    /// Every kind: YAML code, name in running text, ký hiệu abbreviation.
    pub const ALL: [(Kind, &'static str, &'static str, Option<&'static str>); 1] =
        [(Kind::Plan, "ke-hoach", "Kế hoạch", Some("KH"))];

    pub fn from_code(code: &str) -> Option<Kind> {
        Self::ALL.iter().find(|e| e.1 == code).map(|e| e.0)
    }

    fn entry(self) -> &'static (Kind, &'static str, &'static str, Option<&'static str>) {
        Self::ALL
            .iter()
            .find(|e| e.0 == self)
            .expect("every kind is in the table")
    }

    pub fn code(self) -> &'static str {
        self.entry().1
    }

    /// "Kế hoạch".
    pub fn name(self) -> &'static str {
        self.entry().2
    }

    /// "KH"; `None` for a công văn, whose ký hiệu has no type code.
    pub fn abbreviation(self) -> Option<&'static str> {
        self.entry().3
    }
}

impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct View {
            code: &'static str,
            name: &'static str,
            title: String,
        }
        View {
            code: self.code(),
            name: self.name(),
            title: crate::vn::upper(self.name()),
        }
        .serialize(s)
    }
}

/// A date as the theme needs it: the parts for the date line, and ready-made forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocDate(pub Date);

impl Serialize for DocDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct View {
            iso: String,
            /// `null` for a draft: the theme leaves a fixed blank.
            day: Option<String>,
            month: String,
            year: u16,
            long: String,
            short: String,
        }
        View {
            iso: self.0.iso(),
            day: self.0.day_text(),
            month: self.0.month_text(),
            year: self.0.year,
            long: self.0.long(),
            short: self.0.short(),
        }
        .serialize(s)
    }
}

/// A văn bản: header metadata, body blocks, appendices.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// File stem, used for output paths: `ke-hoach-cchc-2026`.
    pub slug: String,
    /// Path of the YAML file relative to the content folder.
    pub source: PathBuf,
    pub kind: Kind,
    /// "05"; `None` in a draft (the văn thư fills it in).
    pub number: Option<String>,
    /// Part after the slash: "KH-UBND".
    pub symbol: String,
    /// "Số: 05/KH-UBND" with the number, or the ký hiệu alone in a draft.
    pub reference: String,
    pub date: DocDate,
    /// Trích yếu.
    pub title: String,
    pub body: Body,
    /// Nơi nhận lines as printed: "- UBND tỉnh;" … "- Lưu: VT, VP.".
    pub recipients: Vec<String>,
    pub signer: Signer,
    pub appendices: Vec<Appendix>,
    /// Metadata for the PDF and the web page.
    pub meta: DocMeta,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocMeta {
    /// "Kế hoạch số 05/KH-UBND ngày 15/01/2026: Cải cách hành chính năm 2026".
    pub full_title: String,
    pub author: String,
    pub html_path: String,
    pub pdf_path: String,
}

/// Nội dung: the opening paragraphs, then sections I., II., ….
#[derive(Debug, Clone, Serialize)]
pub struct Body {
    pub opening: Vec<Block>,
    pub sections: Vec<Section>,
}

/// A mục: "I. MỤC ĐÍCH, YÊU CẦU" and what follows it.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub label: String,
    pub title: String,
    pub blocks: Vec<Block>,
}

/// Thể thức chữ ký.
#[derive(Debug, Clone, Serialize)]
pub struct Signer {
    /// "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH".
    pub lines: Vec<String>,
    pub name: String,
}

/// A phụ lục with its own page numbering.
#[derive(Debug, Clone, Serialize)]
pub struct Appendix {
    /// "Phụ lục" for a single appendix, "Phụ lục I", "Phụ lục II", … for several.
    pub label: String,
    pub title: String,
    pub landscape: bool,
    pub table: AssignmentTable,
}

/// Biểu phân công nhiệm vụ.
#[derive(Debug, Clone, Serialize)]
pub struct AssignmentTable {
    pub columns: Columns,
    pub areas: Vec<Area>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Columns {
    pub stt: String,
    pub criterion: String,
    pub requirement: String,
    pub deadline: String,
    pub assignment: String,
    pub lead: String,
    pub staff: String,
}

impl Default for Columns {
    /// The wording of the model plan (seed 001).
    fn default() -> Self {
        Self {
            stt: "STT".into(),
            criterion: "Lĩnh vực, tiêu chí".into(),
            requirement: "Yêu cầu".into(),
            deadline: "Thời gian chậm nhất phải hoàn thành".into(),
            assignment: "Phân công nhiệm vụ".into(),
            lead: "Cơ quan chủ trì thực hiện".into(),
            staff: "CB, công chức tham mưu".into(),
        }
    }
}

/// A lĩnh vực: "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH".
#[derive(Debug, Clone, Serialize)]
pub struct Area {
    pub numeral: String,
    pub name: String,
    pub rows: Vec<Assignment>,
}

/// One row of the appendix: a tiêu chí with what is required, by when and by whom.
#[derive(Debug, Clone, Serialize)]
pub struct Assignment {
    /// "3.2.2", kept as written.
    pub code: String,
    pub criterion: String,
    /// A header-only row groups the rows under it and assigns nothing itself.
    pub header_only: bool,
    pub requirement: String,
    pub deadline: Option<Deadline>,
    pub lead: Option<String>,
    pub staff: Vec<StaffRef>,
}

/// Thời hạn: a date, or words such as "Thường xuyên", "Quý III năm 2026".
#[derive(Debug, Clone, Serialize)]
pub struct Deadline {
    /// As printed.
    pub text: String,
    /// The last day it covers, when one can be read from it (ISO 8601).
    pub due: Option<String>,
}

/// Responsible official: a resolved staff member, or free text.
#[derive(Debug, Clone, Serialize)]
pub struct StaffRef {
    pub id: Option<String>,
    /// As printed in the table.
    pub text: String,
}
