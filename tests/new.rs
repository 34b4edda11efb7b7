//! `cchc new`: a draft of every kind that passes `cchc check` and builds as written, filled
//! from `co_quan.yaml`, and never written over an existing file.

mod common;

use common::{cchc, copy_dir, root};

const KINDS: [&str; 6] = [
    "ke-hoach",
    "bao-cao",
    "cong-van",
    "quyet-dinh",
    "thong-bao",
    "to-trinh",
];

#[test]
fn every_kind_checks_and_builds_as_written_in_a_new_commune_and_in_the_demo() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, _, err) = cchc(&["init", "xa"], tmp.path());
    assert_eq!(code, 0, "{err}");
    let commune = tmp.path().join("xa");
    let demo = tmp.path().join("demo");
    copy_dir(&root().join("content"), &demo.join("content"));
    for dir in [&commune, &demo] {
        for kind in KINDS {
            let (code, out, err) = cchc(&["new", kind, &format!("moi-{kind}")], dir);
            assert_eq!(code, 0, "{kind}: {out}{err}");
            let file = dir.join(format!("content/van-ban/moi-{kind}.yaml"));
            let text = std::fs::read_to_string(&file).unwrap();
            assert!(text.contains(&format!("loai: {kind}")), "{text}");
            assert!(!text.contains("\nso:"), "a draft has no number: {text}");
            assert!(
                text.contains("Lưu: VT, VP"),
                "the filing line from the units: {text}"
            );
        }
        let (code, out, err) = cchc(&["check"], dir);
        assert_eq!(code, 0, "{out}{err}");
        let (code, out, err) = cchc(&["build", "--khong-word"], dir);
        assert_eq!(code, 0, "{out}{err}");
        for kind in KINDS {
            assert!(dir.join(format!("output/van-ban/moi-{kind}.pdf")).is_file());
        }
    }
    let plan = std::fs::read_to_string(commune.join("content/van-ban/moi-ke-hoach.yaml")).unwrap();
    assert!(
        plan.contains("can_bo: chu-tich"),
        "the chairman signs: {plan}"
    );
    let demo_plan =
        std::fs::read_to_string(demo.join("content/van-ban/moi-ke-hoach.yaml")).unwrap();
    assert!(
        demo_plan.contains("Ủy ban nhân dân tỉnh Thái Nguyên (để báo cáo)"),
        "the superior body from co_quan.yaml: {demo_plan}"
    );
}

#[test]
fn an_existing_file_is_never_written_over() {
    let tmp = tempfile::tempdir().unwrap();
    cchc(&["init", "xa"], tmp.path());
    let dir = tmp.path().join("xa");
    let file = dir.join("content/van-ban/ke-hoach.yaml");
    let before = std::fs::read(&file).unwrap();
    let (code, _, err) = cchc(&["new", "ke-hoach", "ke-hoach"], &dir);
    assert_eq!(code, 1);
    assert!(
        err.contains("E0701") && err.contains("không ghi đè"),
        "{err}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);

    // Without a name: the kind and the date, another number when taken.
    let (code, first, _) = cchc(&["new", "cong-van"], &dir);
    assert_eq!(code, 0);
    let (code, second, _) = cchc(&["new", "cong-van"], &dir);
    assert_eq!(code, 0);
    assert_ne!(first, second);
    assert!(second.contains("-2.yaml"), "{second}");
    let (code, _, err) = cchc(&["new", "cong-van", "Tên Có Dấu"], &dir);
    assert_eq!(code, 1);
    assert!(err.contains("E0207"), "{err}");
}
