//! Content shared by the loader's unit tests, each file valid as it stands: an issuer, a
//! công văn, and a kế hoạch with a group heading and three tasks in its assignment table.

use std::path::Path;

use super::SourceFile;
use super::cx::Coverage;
use crate::diag::{Diagnostic, Lang};
use crate::model::Site;

pub const ISSUER: &str = r#"ten_in:
  - ỦY BAN NHÂN DÂN
  - XÃ THỬ NGHIỆM
ten_day_du: Ủy ban nhân dân xã Thử Nghiệm
ma: UBND
dia_danh: Thử Nghiệm
don_vi:
  - ma: VP
    ten: Văn phòng HĐND và UBND
can_bo:
  - ma: chu-tich
    ho_ten: Nguyễn Văn An
    chuc_vu: Chủ tịch UBND xã
  - ma: vp-hoa
    ho_ten: Trần Thị Hoa
    chuc_vu: Chánh Văn phòng HĐND và UBND
"#;

pub const DISPATCH: &str = r#"loai: cong-van
don_vi_soan_thao: VP
so: 7
ngay: 2026-03-05
trich_yeu: Đôn đốc cải cách hành chính
kinh_gui:
  - Các thôn
noi_dung: |
  Đề nghị các thôn thực hiện.
noi_nhan:
  - Như trên
  - "Lưu: VT, VP"
nguoi_ky:
  chuc_danh: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
  can_bo: chu-tich
"#;

/// `van-ban/kh.yaml`: tasks 1.1 (due 15/2/2026), 1.2 and 1.3 under the heading "1".
pub const PLAN: &str = r#"loai: ke-hoach
so: 3
ngay: 2026-01-05
trich_yeu: Cải cách hành chính năm 2026
noi_dung: |
  Thực hiện nhiệm vụ theo Phụ lục kèm theo.
noi_nhan:
  - UBND tỉnh
  - "Lưu: VT, VP"
nguoi_ky:
  chuc_danh: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
  can_bo: chu-tich
phu_luc:
  - tieu_de: Phân công nhiệm vụ
    bang_phan_cong:
      linh_vuc:
        - ten: Công tác chỉ đạo, điều hành
          tieu_chi:
            - ma: "1"
              noi_dung: Nhóm nhiệm vụ
            - ma: "1.1"
              noi_dung: Ban hành kế hoạch
              yeu_cau: Đúng hạn
              thoi_han: 2026-02-15
              chu_tri: VP
              tham_muu: [vp-hoa]
            - ma: "1.2"
              noi_dung: Tuyên truyền
              yeu_cau: Hằng quý
              thoi_han: Quý II/2026
              chu_tri: VP
              tham_muu: [vp-hoa]
            - ma: "1.3"
              noi_dung: Kiểm tra
              yeu_cau: Ít nhất 02 cuộc
              thoi_han: Thường xuyên
              chu_tri: UBND xã
              tham_muu: [vp-hoa]
"#;

/// A quyết định the Chủ tịch signs in his own name, with a phụ lục.
pub const DECISION: &str = r#"loai: quyet-dinh
so: 4
ngay: 2026-03-02
trich_yeu: Thành lập Tổ kiểm tra cải cách hành chính
tham_quyen: CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM
can_cu:
  - Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025
theo_de_nghi: Theo đề nghị của Chánh Văn phòng HĐND và UBND xã
noi_dung: |
  Điều 1. Thành lập Tổ kiểm tra gồm các thành viên tại Phụ lục kèm theo Quyết định này.

  Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
noi_nhan:
  - Như Điều 2
  - "Lưu: VT, VP"
nguoi_ky:
  chuc_danh:
    - CHỦ TỊCH
  can_bo: chu-tich
phu_luc:
  - tieu_de: Danh sách thành viên
    bang:
      cot: [STT, Họ và tên]
      dong:
        - ["1", Trần Thị Hoa]
"#;

/// Every message as the clerk reads it in Vietnamese.
pub fn vietnamese<'a>(diags: impl IntoIterator<Item = &'a Diagnostic>) -> Vec<String> {
    diags
        .into_iter()
        .map(|d| d.render(Lang::Vi, None))
        .collect()
}

/// The first line of each message: its place and words, without the fix.
pub fn heads(messages: &[String]) -> Vec<&str> {
    messages
        .iter()
        .map(|m| m.lines().next().unwrap_or(""))
        .collect()
}

/// "file:line:col" of `word` on the first line of `text` holding `line_has`, columns in
/// characters.
pub fn place(file: &str, text: &str, line_has: &str, word: &str) -> String {
    let (i, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(line_has))
        .unwrap_or_else(|| panic!("{line_has:?} in fixture"));
    let byte = line
        .find(word)
        .unwrap_or_else(|| panic!("{word:?} in {line:?}"));
    format!("{file}:{}:{}", i + 1, line[..byte].chars().count() + 1)
}

/// "file:line:col" of the first `needle` in `text`.
pub fn at(file: &str, text: &str, needle: &str) -> String {
    place(file, text, needle, needle)
}

/// The one message holding `words`, which must start at `place`.
pub fn said(messages: &[String], place: &str, words: &str) {
    assert!(
        messages
            .iter()
            .any(|m| m.contains(&format!("{place}: ")) && m.contains(words)),
        "{place}: {words:?} in {messages:#?}"
    );
}

/// Checks `co_quan.yaml` and the documents (file name under van-ban/, text): the site,
/// and every message as the clerk reads it in Vietnamese.
pub fn check(issuer: &str, docs: &[(&str, &str)]) -> (Option<Site>, Vec<String>) {
    check_drawn(&Coverage::any(), issuer, docs)
}

/// The same with fonts that draw only what `coverage` says.
pub fn check_drawn(
    coverage: &Coverage,
    issuer: &str,
    docs: &[(&str, &str)],
) -> (Option<Site>, Vec<String>) {
    let issuer = SourceFile {
        rel: super::ISSUER_FILE.into(),
        text: issuer.into(),
    };
    let docs: Vec<SourceFile> = docs
        .iter()
        .map(|(name, text)| SourceFile {
            rel: Path::new(super::DOCUMENTS_DIR).join(name),
            text: text.to_string(),
        })
        .collect();
    let results = super::results::Files {
        indicators: None,
        profile: None,
        periods: vec![],
        document_paths: vec![],
    };
    let r = super::validate::site(&issuer, &docs, &results, coverage);
    (r.site, vietnamese(r.diags.iter()))
}

#[test]
fn the_fixtures_load_without_a_word() {
    let (site, messages) = check(
        ISSUER,
        &[
            ("cv.yaml", DISPATCH),
            ("kh.yaml", PLAN),
            ("qd.yaml", DECISION),
        ],
    );
    assert!(messages.is_empty(), "{messages:#?}");
    assert_eq!(site.expect("loads").documents.len(), 3);
}
