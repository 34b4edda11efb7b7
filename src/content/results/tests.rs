//! Unit tests of the results files' validation.

use super::*;

#[test]
fn the_shipped_766_profile_passes_the_checks_an_office_profile_gets() {
    let file = SourceFile {
        rel: format!("{RESULTS_DIR}/{PROFILE_FILE}").into(),
        text: score::DEFAULT_PROFILE.to_string(),
    };
    let parsed = yaml::parse::<raw::ProfileRaw>(&file);
    assert!(parsed.diags.is_empty(), "{:?}", parsed.diags);
    let coverage = Coverage::any();
    let mut cx = Cx::new(&file, &coverage);
    let checked = profile(&mut cx, parsed.value.expect("parses"));
    assert!(cx.diags.is_empty(), "{:?}", cx.diags);
    let shipped = score::Profile::default_profile();
    assert_eq!(
        serde_json::to_string(&checked).unwrap(),
        serde_json::to_string(&shipped).unwrap()
    );
}

#[test]
fn suggested_period_file_names() {
    let d = |s: &str| crate::vn::Date::parse(s).unwrap();
    let p = |from: &str, to: &str| Period {
        id: String::new(),
        label: String::new(),
        from: d(from),
        to: d(to),
        counts: BTreeMap::new(),
        values: BTreeMap::new(),
        form06: vec![],
        plan: None,
        tasks: BTreeMap::new(),
    };
    assert_eq!(
        suggested_name(Some(&p("2026-07-01", "2026-09-30"))),
        "2026-q3.yaml"
    );
    assert_eq!(
        suggested_name(Some(&p("2026-01-01", "2026-06-30"))),
        "2026-01-01-den-2026-06-30.yaml"
    );
    assert_eq!(suggested_name(None), "2026-q1.yaml");
}
