//! A standing adversarial suite: generated hostile content (proptest, fixed seed) built by
//! the real binary. For every case: no panic or abort, exit code 0, 1 or 2, a file and a
//! line on every content error, the previous output intact when the build fails, and
//! nothing written outside the output folder and the cache.
//!
//! CI runs `CASES` cases; before a release run many more with
//! `scripts/adversarial.sh` (it sets `CCHC_ADVERSARIAL_CASES`).

mod common;

use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};

use common::*;

const CASES: u32 = 96;

/// Values a careless or hostile user may type anywhere.
const HOSTILE: &[&str] = &[
    "",
    "~",
    "null",
    "\t",
    "   ",
    "#set page(fill: red)",
    "$x$ *đậm* _nghiêng_ @ref <b>",
    "{{ site }} {% for x in y %}",
    "<script>alert(1)</script>",
    "&#x1F600; &#7;",
    "😀😀😀",
    "\u{7}\u{1b}[31m",
    "\u{202e}ngược",
    "\u{feff}",
    "0x1F",
    "05",
    "-1",
    "0",
    "1e400",
    "9223372036854775808",
    "18446744073709551616",
    ".nan",
    ".inf",
    "-.inf",
    "[",
    "{",
    "'",
    "\"",
    "a: b",
    "- x",
    "\\",
    "*anchor",
    "&anchor x",
    "!!binary aGVsbG8=",
    "Quý V năm 2026",
    "2026-02-30",
    "31/12/2026",
    "../../../etc/passwd",
    "/",
    "C:\\Windows",
    "ĐỖ VĂN ĐẠT",
    "Chuû tòch",
    "index",
    "TM. ỦY BAN NHÂN DÂN",
    "[a, b, [c, {d: e}]]",
];

/// Names of extra files dropped into `van-ban/`.
const NAMES: &[&str] = &[
    "index.yaml",
    "---.yaml",
    ".an.yaml",
    "~$khoa.yaml",
    ".#khoa.yaml",
    "HOA.YAML",
    "x.yaml.txt",
    "Kế hoạch 2.yaml",
    "kh.yml",
    "a b.yaml",
];

#[derive(Debug, Clone)]
enum Mutation {
    /// The value of the n-th `key: value` line of a file, replaced.
    Value {
        file: usize,
        nth: usize,
        value: String,
    },
    /// Text added to the plan's Markdown body.
    Body(String),
    /// An extra file in `van-ban/`.
    Extra { name: String, text: String },
    /// A line removed.
    Drop { file: usize, nth: usize },
    /// A line repeated.
    Repeat { file: usize, nth: usize },
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(HOSTILE).prop_map(str::to_string),
        1 => "\\PC{0,40}",
        1 => any::<String>().prop_map(|s| s.chars().take(40).collect()),
        1 => (prop::sample::select(HOSTILE), 1..2000usize).prop_map(|(s, n)| s.repeat(n)),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (0..2usize, 0..40usize, value()).prop_map(|(file, nth, value)| Mutation::Value { file, nth, value }),
        2 => value().prop_map(Mutation::Body),
        2 => (prop::sample::select(NAMES), prop_oneof![value(), Just(PLAN.to_string())])
            .prop_map(|(name, text)| Mutation::Extra { name: name.to_string(), text }),
        1 => (0..2usize, 0..60usize).prop_map(|(file, nth)| Mutation::Drop { file, nth }),
        1 => (0..2usize, 0..60usize).prop_map(|(file, nth)| Mutation::Repeat { file, nth }),
    ]
}

fn apply(files: &mut [String; 2], extra: &mut Vec<(String, String)>, m: &Mutation) {
    let lines = |s: &str| s.lines().map(str::to_string).collect::<Vec<_>>();
    match m {
        Mutation::Value { file, nth, value } => {
            let mut ls = lines(&files[*file]);
            let keyed: Vec<usize> = (0..ls.len())
                .filter(|i| ls[*i].contains(": ") && !ls[*i].trim_end().ends_with('|'))
                .collect();
            if let Some(&i) = keyed.get(nth % keyed.len().max(1)) {
                let at = ls[i].find(": ").unwrap_or(0);
                ls[i] = format!("{}: {value}", &ls[i][..at]);
            }
            files[*file] = ls.join("\n") + "\n";
        }
        Mutation::Body(text) => {
            files[1] = files[1].replace("  Mở đầu.", &format!("  Mở đầu. {text}"));
        }
        Mutation::Extra { name, text } => extra.push((name.clone(), text.clone())),
        Mutation::Drop { file, nth } => {
            let mut ls = lines(&files[*file]);
            if !ls.is_empty() {
                let i = nth % ls.len();
                ls.remove(i);
            }
            files[*file] = ls.join("\n") + "\n";
        }
        Mutation::Repeat { file, nth } => {
            let mut ls = lines(&files[*file]);
            if !ls.is_empty() {
                let i = nth % ls.len();
                ls.insert(i, ls[i].clone());
            }
            files[*file] = ls.join("\n") + "\n";
        }
    }
}

/// A good build of the unmutated content, copied in as every case's previous output.
fn good_output() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let content = write_content(tmp.path(), ISSUER, &[("kh.yaml", PLAN)]);
        build_into(&content, &tmp.path().join("output")).expect("the base content builds");
        tmp
    })
    .path()
}

/// "content/van-ban/a b.yml:12:5: …" names a line and a column.
fn has_line_and_column(message: &str) -> bool {
    message.split(": ").next().is_some_and(|head| {
        let mut parts = head.rsplitn(3, ':');
        let col = parts.next().unwrap_or("");
        let line = parts.next().unwrap_or("");
        [line, col]
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    })
}

fn run_case(mutations: &[Mutation], codes: &mut [u32; 3]) -> Result<(), TestCaseError> {
    let mut files = [ISSUER.to_string(), PLAN.to_string()];
    let mut extra = Vec::new();
    for m in mutations {
        apply(&mut files, &mut extra, m);
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let content = write_content(dir, &files[0], &[("kh.yaml", &files[1])]);
    for (name, text) in &extra {
        std::fs::write(content.join("van-ban").join(name), text).unwrap();
    }
    copy_dir(&good_output().join("output"), &dir.join("output"));
    let output_before = tree(&dir.join("output"));
    let project_before = snapshot_except(dir, &["output", ".cchc"]);

    let out = Command::new(env!("CARGO_BIN_EXE_cchc"))
        .args([
            "build",
            "--content",
            "content",
            "--output",
            "output",
            "--theme",
        ])
        .arg(theme_dir())
        .current_dir(dir)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    let code = out.status.code();
    prop_assert!(
        matches!(code, Some(0..=2)),
        "exit {code:?} (a panic is 101, an abort has none)\n{err}"
    );
    prop_assert!(!err.contains("panicked"), "{err}");
    if let Some(c @ 0..=2) = code {
        codes[c as usize] += 1;
    }
    prop_assert_eq!(
        snapshot_except(dir, &["output", ".cchc"]),
        project_before,
        "wrote outside the output"
    );
    if code != Some(0) {
        prop_assert!(
            tree(&dir.join("output")) == output_before,
            "a failed build changed the previous output"
        );
    }
    if code == Some(1) {
        let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("lỗi[E")).collect();
        prop_assert!(!errors.is_empty(), "exit 1 without an error line:\n{err}");
        for e in errors {
            // "lỗi[E0102]: content/…": every error names its code, then its file.
            let rest = e.get("lỗi[E0000]: ".len()..).unwrap_or_default();
            prop_assert!(rest.starts_with("content/"), "no file named: {e}\n{err}");
            let has_line = has_line_and_column(rest);
            // Only whole-file problems may lack a line: its name, its absence.
            let whole_file = e.contains("Tên tệp") || e.contains("Thiếu tệp");
            prop_assert!(has_line || whole_file, "no line: {e}\n{err}");
        }
    }
    Ok(())
}

#[test]
fn hostile_content_never_breaks_trust() {
    let cases = std::env::var("CCHC_ADVERSARIAL_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(CASES);
    let config = Config {
        cases,
        failure_persistence: None,
        // Each case runs the binary: shrinking a failure is slow, so keep it short.
        max_shrink_iters: 64,
        ..Config::default()
    };
    let seed = std::env::var("CCHC_ADVERSARIAL_SEED")
        .ok()
        .and_then(|v| v.parse::<u8>().ok())
        .unwrap_or(7);
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[seed; 32]);
    let mut runner = TestRunner::new_with_rng(config, rng);
    let codes = std::cell::RefCell::new([0u32; 3]);
    let result = runner.run(&prop::collection::vec(mutation(), 1..4), |m| {
        run_case(&m, &mut codes.borrow_mut())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    let [built, refused, usage] = *codes.borrow();
    println!(
        "{cases} cases: {built} built, {refused} refused as content errors, {usage} usage errors"
    );
    // A generator that only ever produced valid (or only invalid) content would prove little.
    assert!(built > 0 && refused > 0, "built {built}, refused {refused}");
}
