//! The results fixture shared by the results tests: three targets and a first quarter
//! with Biểu 06, task statuses and counts, beside a plan with tasks.

use super::*;

pub const INDICATORS: &str = r#"chi_tieu:
  - ma: ho-so-dung-han
    ten: Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn
    don_vi: "%"
    chieu: ">="
    ke_hoach: 99.9
    linh_vuc: III
    phu_trach: vp-hoa
    cong_thuc: { tu_so: b06_dung_han, mau_so: b06_nhan }
  - ma: pakn-dung-han
    ten: PAKN xử lý đúng hạn
    don_vi: "%"
    chieu: ">="
    ke_hoach: 100
    cong_thuc: { tu_so: pakn_dung_han, mau_so: pakn_tiep_nhan }
  - ma: ky-luat
    ten: Cán bộ, công chức bị kỷ luật
    don_vi: người
    chieu: "<="
    ke_hoach: 0
"#;

pub const Q1: &str = r#"ten: Quý I/2026
tu_ngay: 2026-01-01
den_ngay: 2026-03-31
ke_hoach: kh
so_lieu:
  pakn_tiep_nhan: 0
  pakn_dung_han: 0
gia_tri:
  ky-luat: 0
bieu_06:
  - linh_vuc: Chứng thực
    nhan_tong: 1200
    nhan_truc_tuyen: 500
    nhan_truc_tiep: 680
    nhan_ky_truoc: 20
    da_giai_quyet: 1170
    truoc_han: 1000
    dung_han: 165
    qua_han: 5
    dang_giai_quyet: 30
    dang_trong_han: 30
    dang_qua_han: 0
  - linh_vuc: Hộ tịch
    nhan_truc_tuyen: 450
    nhan_truc_tiep: 480
    nhan_ky_truoc: 20
    truoc_han: 690
    dung_han: 227
    qua_han: 3
    dang_trong_han: 29
    dang_qua_han: 1
nhiem_vu:
  "1.1": { tinh_trang: dang-thuc-hien, ghi_chu: Đang triển khai }
"#;

pub fn site_with(q1: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", PLAN)]);
    std::fs::create_dir_all(content.join("ket-qua")).unwrap();
    std::fs::write(content.join("ket-qua/chi-tieu.yaml"), INDICATORS).unwrap();
    std::fs::write(content.join("ket-qua/2026-q1.yaml"), q1).unwrap();
    (tmp, content)
}

pub fn check(content: &std::path::Path) -> (i32, String) {
    let (code, out, err) = cchc(
        &["check", "--content", content.to_str().unwrap()],
        content.parent().unwrap(),
    );
    (code, format!("{out}{err}"))
}
