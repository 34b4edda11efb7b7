//! The words the outputs print about status, and the column titles of every table: each
//! composed here once, read by the PDF's tables, the web pages, the CSV and the workbooks.

use serde::Serialize;

pub use crate::model::results::{NO_CASES, NO_DATA};
use crate::results::TaskStatus;

pub const MET: &str = "Đạt";
pub const NOT_MET: &str = "Chưa đạt";
pub const DONE: &str = "Hoàn thành";
pub const LATE: &str = "Chậm";
pub const IN_PROGRESS: &str = "Đang thực hiện";
pub const NOT_DUE: &str = "Chưa đến hạn";
pub const NOT_DONE: &str = "Không thực hiện";
/// A task with no status in the period's file.
pub const NOT_REPORTED: &str = "Chưa báo cáo";

/// Whether a target is met, as every output prints it (web page, CSV, the report's table).
pub fn met_text(met: Option<bool>) -> &'static str {
    match met {
        Some(true) => MET,
        Some(false) => NOT_MET,
        None => "",
    }
}

/// Tình trạng as printed: lateness overrides "đang thực hiện" and "chưa đến hạn".
pub fn status_text(s: TaskStatus, late: bool) -> &'static str {
    match (s, late) {
        (TaskStatus::Done, _) => DONE,
        (TaskStatus::NotDone, _) => NOT_DONE,
        (_, true) => LATE,
        (TaskStatus::InProgress, false) => IN_PROGRESS,
        (TaskStatus::NotDue, false) => NOT_DUE,
    }
}

/// A title over several columns, with the titles of the columns under it.
#[derive(Debug, Serialize)]
pub struct Group {
    pub title: &'static str,
    pub columns: &'static [&'static str],
}

impl Group {
    /// "Số hồ sơ nhận giải quyết: Tổng số": the columns with their group, for a file that
    /// has one header row (CSV).
    pub fn flat(&self) -> impl Iterator<Item = String> + '_ {
        self.columns.iter().map(|c| format!("{}: {c}", self.title))
    }
}

/// Every column title of every table the outputs print. Templates read it as `titles`.
#[derive(Debug, Serialize)]
pub struct Titles {
    pub number: &'static str,
    pub code: &'static str,
    // chỉ tiêu
    pub indicator: &'static str,
    pub unit: &'static str,
    pub target: &'static str,
    pub value: &'static str,
    pub formula: &'static str,
    pub year_to_date: &'static str,
    pub met: &'static str,
    pub change: &'static str,
    // nhiệm vụ
    pub criterion_code: &'static str,
    pub task: &'static str,
    pub requirement: &'static str,
    pub lead: &'static str,
    pub staff: &'static str,
    pub deadline: &'static str,
    pub status: &'static str,
    pub note: &'static str,
    pub evidence: &'static str,
    pub plan: &'static str,
    // tiến độ
    pub area: &'static str,
    pub official: &'static str,
    pub done: &'static str,
    pub late: &'static str,
    pub share: &'static str,
    pub name: &'static str,
    pub position: &'static str,
    pub tasks: &'static str,
    // 766
    pub score_group: &'static str,
    pub component: &'static str,
    pub group_and_component: &'static str,
    pub points: &'static str,
    pub max: &'static str,
    pub rule: &'static str,
    /// Biểu số 06/VPCP/KSTT (Thông tư 01/2020/TT-VPCP): the lĩnh vực column, then three
    /// groups of figures.
    pub form06_area: &'static str,
    pub form06: [Group; 3],
}

pub static TITLES: Titles = Titles {
    number: "STT",
    code: "Mã",
    indicator: "Chỉ tiêu",
    unit: "Đơn vị",
    target: "Kế hoạch",
    value: "Thực hiện trong kỳ",
    formula: "Công thức",
    year_to_date: "Lũy kế",
    met: "Đánh giá (theo lũy kế)",
    change: "So với kỳ trước",
    criterion_code: "Mã tiêu chí",
    task: "Nhiệm vụ",
    requirement: "Yêu cầu",
    lead: "Chủ trì",
    staff: "Tham mưu",
    deadline: "Thời hạn",
    status: "Tình trạng",
    note: "Ghi chú",
    evidence: "Minh chứng",
    plan: "Kế hoạch",
    area: "Lĩnh vực",
    official: "Cán bộ, công chức",
    done: DONE,
    late: LATE,
    share: "Tỷ lệ (%)",
    name: "Họ và tên",
    position: "Chức vụ",
    tasks: "Nhiệm vụ",
    score_group: "Nhóm",
    component: "Thành phần",
    group_and_component: "Nhóm, thành phần",
    points: "Điểm",
    max: "Tối đa",
    rule: "Cách tính",
    form06_area: "Lĩnh vực",
    form06: [
        Group {
            title: "Số hồ sơ nhận giải quyết",
            columns: &[
                "Tổng số",
                "Trực tuyến",
                "Trực tiếp, dịch vụ bưu chính",
                "Từ kỳ trước",
            ],
        },
        Group {
            title: "Số hồ sơ đã giải quyết",
            columns: &["Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn"],
        },
        Group {
            title: "Số hồ sơ đang giải quyết",
            columns: &["Tổng số", "Trong hạn", "Quá hạn"],
        },
    ],
};
