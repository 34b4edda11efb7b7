//! The validated model (mô hình đã kiểm tra). Built only by [`crate::content::validate`];
//! every value here already obeys the rules, so renderers print it without checking it.
//!
//! The model is serialised as-is to the theme: to Typst as `/data.json`, to tera as context.

pub mod autofit;
pub mod results;

use serde::{Serialize, Serializer};
use std::path::PathBuf;

use crate::vn::Date;

/// One commune's (or ward's) content folder, validated.
#[derive(Debug, Clone, Serialize)]
pub struct Site {
    pub issuer: Issuer,
    /// In publication order: newest first, then by number.
    pub documents: Vec<Document>,
    /// Targets and quarterly results, when the content has a `ket-qua/` folder.
    pub results: Option<results::Results>,
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
    /// Address, phone, e-mail, website lines for the foot of page 1 (ô 13).
    pub contact: Vec<String>,
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
    /// Công văn: no tên loại, "V/v" under Số, Kính gửi.
    Dispatch,
    /// Kế hoạch.
    Plan,
    /// Báo cáo.
    Report,
    /// Quyết định: authority line, căn cứ, "QUYẾT ĐỊNH:", Điều 1…n.
    Decision,
    /// Thông báo.
    Notice,
    /// Tờ trình.
    Submission,
}

/// One row of the kinds table.
pub struct KindInfo {
    pub kind: Kind,
    /// Code in YAML (`loai`).
    pub code: &'static str,
    /// Name in running text: "Kế hoạch".
    pub name: &'static str,
    /// Ký hiệu abbreviation; `None` for a công văn.
    pub abbreviation: Option<&'static str>,
    /// Whether Kính gửi is required, allowed or not used.
    pub addressee: Addressee,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Addressee {
    Required,
    Optional,
    None,
}

impl Kind {
    pub const ALL: [KindInfo; 6] = [
        KindInfo {
            kind: Kind::Dispatch,
            code: "cong-van",
            name: "Công văn",
            abbreviation: None,
            addressee: Addressee::Required,
        },
        KindInfo {
            kind: Kind::Plan,
            code: "ke-hoach",
            name: "Kế hoạch",
            abbreviation: Some("KH"),
            addressee: Addressee::None,
        },
        KindInfo {
            kind: Kind::Report,
            code: "bao-cao",
            name: "Báo cáo",
            abbreviation: Some("BC"),
            addressee: Addressee::Optional,
        },
        KindInfo {
            kind: Kind::Decision,
            code: "quyet-dinh",
            name: "Quyết định",
            abbreviation: Some("QĐ"),
            addressee: Addressee::None,
        },
        KindInfo {
            kind: Kind::Notice,
            code: "thong-bao",
            name: "Thông báo",
            abbreviation: Some("TB"),
            addressee: Addressee::None,
        },
        KindInfo {
            kind: Kind::Submission,
            code: "to-trinh",
            name: "Tờ trình",
            abbreviation: Some("TTr"),
            addressee: Addressee::Optional,
        },
    ];

    pub fn from_code(code: &str) -> Option<Kind> {
        Self::ALL.iter().find(|e| e.code == code).map(|e| e.kind)
    }

    pub fn info(self) -> &'static KindInfo {
        Self::ALL
            .iter()
            .find(|e| e.kind == self)
            .expect("every kind is in the table")
    }

    pub fn code(self) -> &'static str {
        self.info().code
    }

    /// "Kế hoạch".
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// "KH"; `None` for a công văn, whose ký hiệu has no type code.
    pub fn abbreviation(self) -> Option<&'static str> {
        self.info().abbreviation
    }

    /// The tên loại printed above the trích yếu ("KẾ HOẠCH"); a công văn has none.
    pub fn title(self) -> Option<String> {
        self.abbreviation().map(|_| crate::vn::upper(self.name()))
    }
}

impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct View {
            code: &'static str,
            name: &'static str,
            title: Option<String>,
        }
        View {
            code: self.code(),
            name: self.name(),
            title: self.title(),
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
            short: String,
        }
        View {
            iso: self.0.iso(),
            day: self.0.day_text(),
            month: self.0.month_text(),
            year: self.0.year,
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
    /// A công văn's trích yếu as printed under Số: "V/v …".
    pub subject: Option<String>,
    /// Kính gửi: each addressee as written, without dash or end punctuation (the present
    /// stage punctuates the list).
    pub addressees: Vec<String>,
    /// Độ khẩn stamp.
    pub urgency: Option<Urgency>,
    /// Quyết định: authority line, căn cứ lines (with their ";"/"."), "Theo đề nghị …".
    pub decision: Option<DecisionPreamble>,
    pub body: Body,
    /// Nơi nhận: each line as written, without dash or end punctuation; the last is the
    /// filing line "Lưu: VT, VP".
    pub recipients: Vec<String>,
    pub signer: Signer,
    /// Drafter's initials and number of copies: "PL.(300)".
    pub drafter: Option<String>,
    /// Print the issuer's contact block at the foot of page 1.
    pub show_contact: bool,
    pub appendices: Vec<Appendix>,
    /// How the "(Kèm theo …)" line under each phụ lục title reads.
    pub attached: Attached,
    /// A báo cáo's reporting period (`ky_bao_cao`, checked to exist): the present stage
    /// adds that period's tables as its last phụ lục; the view carries the tables, not this.
    #[serde(skip)]
    pub report_period: Option<String>,
    /// Metadata for the PDF and the web page.
    pub meta: DocMeta,
}

/// The "(Kèm theo Quyết định số … ngày … của …)" line of a document's phụ lục.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Attached {
    /// Composed by cchc: `by` is the authority that signs ("Ủy ban nhân dân xã Hòa Sơn",
    /// "Chủ tịch Ủy ban nhân dân xã Hòa Sơn"); `blanks` leaves number and day for the văn
    /// thư although the document is numbered.
    Composed { by: String, blanks: bool },
    /// Written by hand (`dong_kem_theo`), printed as it is.
    Written { line: String },
}

#[derive(Debug, Clone, Serialize)]
pub struct DocMeta {
    /// "Kế hoạch số 05/KH-UBND ngày 15/01/2026: Cải cách hành chính năm 2026".
    pub full_title: String,
    pub author: String,
    pub html_path: String,
    pub pdf_path: String,
    /// The Word twin beside the PDF; `None` when the build skips Word (`--khong-word`).
    pub docx_path: Option<String>,
}

/// Độ khẩn: the word and the stamp's width (nd30.md §8).
#[derive(Debug, Clone, Serialize)]
pub struct Urgency {
    pub text: &'static str,
    pub width_mm: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct DecisionPreamble {
    /// "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÒA SƠN".
    pub authority: String,
    pub bases: Vec<String>,
    pub proposal: Option<String>,
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

/// A block of body text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// Khoản or điểm heading (level 2 or 3), printed bold: "1. Mục đích".
    Heading {
        level: u8,
        label: String,
        text: Vec<Inline>,
    },
    /// A paragraph, with the marker printed before it ("-", "+", "1.", "a)") if any.
    Para {
        marker: Option<String>,
        text: Vec<Inline>,
    },
    /// A GFM table: header cells, then rows of cells.
    Table {
        header: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
}

/// Text inside a block.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Inline {
    Text { text: String },
    Strong { children: Vec<Inline> },
    Emph { children: Vec<Inline> },
    Break,
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
    pub content: AppendixContent,
}

impl Appendix {
    /// The assignment table, when this phụ lục is one.
    pub fn assignments(&self) -> Option<&AssignmentTable> {
        match &self.content {
            AppendixContent::Assignments { table } => Some(table),
            _ => None,
        }
    }
}

/// What a phụ lục holds.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AppendixContent {
    Assignments { table: AssignmentTable },
    Table { table: Table },
    Text { blocks: Vec<Block> },
}

/// A plain table of text cells.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub header: Vec<String>,
    /// An optional row above the header grouping its columns ("Số hồ sơ nhận giải quyết"
    /// over four columns); a group with an empty title is a single column whose header
    /// spans both rows.
    pub groups: Vec<HeaderGroup>,
    pub rows: Vec<Vec<String>>,
    /// Columns holding numbers, printed right-aligned.
    pub numeric: Vec<bool>,
    /// Relative column widths (0 = as narrow as its content); empty to let the theme choose.
    /// A `bang` gets them from its content ([`crate::model::autofit`]).
    pub widths: Vec<f64>,
    /// Group rows ("I. Công tác chỉ đạo, điều hành"), printed bold across the whole table.
    pub group_rows: Vec<GroupRow>,
    /// The cells of `rows` with the inline Markdown (bold, italic) a clerk wrote in them;
    /// empty when the table is plain text, as the report tables are.
    pub styled: Vec<Vec<Vec<Inline>>>,
}

/// A row spanning the table, printed before data row `before` (an index into `rows`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupRow {
    pub before: usize,
    pub text: Vec<Inline>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HeaderGroup {
    pub title: String,
    pub span: usize,
}

/// Biểu phân công nhiệm vụ.
#[derive(Debug, Clone, Serialize)]
pub struct AssignmentTable {
    pub columns: Columns,
    pub areas: Vec<Area>,
    /// Column widths in points, from the content ([`crate::model::autofit`]); empty to let
    /// the theme choose.
    pub widths: Vec<f64>,
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
    /// The last day it covers, when one can be read from it (printed as ISO 8601).
    pub due: Option<Date>,
}

/// Responsible official: a resolved staff member, or free text.
#[derive(Debug, Clone, Serialize)]
pub struct StaffRef {
    pub id: Option<String>,
    /// As printed in the table.
    pub text: String,
}
