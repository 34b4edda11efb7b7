//! The public site in a real browser: Debian's Chromium, headless and off the network,
//! driven by `tests/browser/run.mjs` (playwright-core + axe-core from npm) over the demo
//! built into a temp folder. Every page loads with no console error and no failed or
//! outside request, nothing scrolls sideways at 390 px, axe-core finds no serious or
//! critical violation, no link inside the site is broken, and the documents list's search
//! and filters leave exactly the documents they should.
//!
//! The test needs tools outside Rust, so it is `#[ignore]`d: plain `cargo test` lists it as
//! ignored rather than passing it unseen. `.ci/run` installs the tools (or fails) and runs
//! `cargo test -- --include-ignored`; run that way with a tool missing, the test fails and
//! names it.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

fn missing_tools(dir: &Path) -> Vec<String> {
    let mut missing = Vec::new();
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        missing.push(format!("Chromium ({chromium}; Debian package `chromium`)"));
    }
    if Command::new("node").arg("--version").output().is_err() {
        missing.push("Node.js".into());
    }
    if !dir.join("node_modules/playwright-core").is_dir()
        || !dir.join("node_modules/axe-core").is_dir()
    {
        missing.push("npm packages (run `npm ci` in tests/browser)".into());
    }
    missing
}

/// Width and height of a PNG, from its IHDR chunk.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.len() < 24 || &bytes[..8] != b"\x89PNG\r\n\x1a\n" || &bytes[12..16] != b"IHDR" {
        return None;
    }
    let n = |i: usize| u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap());
    Some((n(16), n(20)))
}

#[test]
#[ignore = "needs Chromium, Node.js and the npm packages of tests/browser: run .ci/run, or see README"]
fn the_site_in_chromium() {
    let dir = root().join("tests/browser");
    let missing = missing_tools(&dir);
    assert!(
        missing.is_empty(),
        "the browser test cannot run: missing {} (`.ci/run` installs them)",
        missing.join(", ")
    );
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    build_into(&root().join("content"), &site).expect("demo builds");
    // A folder of this run only: a screenshot left from an earlier run cannot pass for one.
    let shots = tmp.path().join("screenshots");
    let out = Command::new("node")
        .arg(dir.join("run.mjs"))
        .arg(&site)
        .arg(&shots)
        .current_dir(&dir)
        .output()
        .expect("node runs");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "browser run failed:\n{report}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary: serde_json::Value = serde_json::from_str(&report).expect("a JSON summary");
    assert_eq!(summary["problems"], serde_json::json!([]), "{report}");
    assert!(summary["pages"].as_u64().unwrap_or(0) >= 20, "{report}");
    assert!(summary["audited"].as_u64().unwrap_or(0) >= 5, "{report}");
    assert!(summary["links"].as_u64().unwrap_or(0) >= 50, "{report}");
    let mut expected = Vec::new();
    for name in ["trang-chu", "ke-hoach", "ket-qua"] {
        for w in [390, 1280] {
            let file = format!("{name}-{w}.png");
            let bytes = std::fs::read(shots.join(&file))
                .unwrap_or_else(|e| panic!("screenshot {file}: {e}"));
            let (pw, ph) = png_size(&bytes).unwrap_or_else(|| panic!("{file} is not a PNG"));
            assert!(pw == w && ph >= 300, "{file} is {pw}x{ph}");
            expected.push(file);
        }
    }
    expected.sort();
    assert_eq!(
        summary["screenshots"],
        serde_json::json!(expected),
        "{report}"
    );

    // Kept for people to look at, replacing the previous run's.
    let keep = dir.join("screenshots");
    let _ = std::fs::remove_dir_all(&keep);
    copy_dir(&shots, &keep);
}

#[test]
#[ignore = "needs Chromium, Node.js and the npm packages of tests/browser: run .ci/run, or see README"]
fn the_serve_preview_in_chromium_follows_each_save() {
    let dir = root().join("tests/browser");
    let missing = missing_tools(&dir);
    assert!(
        missing.is_empty(),
        "the browser test cannot run: missing {} (`.ci/run` installs them)",
        missing.join(", ")
    );
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("ke-hoach-thu.yaml", PLAN)]);
    let serve = serve::start(tmp.path());
    let out = Command::new("node")
        .arg(dir.join("serve.mjs"))
        .arg(format!("http://{}/", serve.addr))
        .arg("ke-hoach-thu")
        .arg(content.join("van-ban/ke-hoach-thu.yaml"))
        .arg("trich_yeu: Thử nghiệm")
        .arg("trich_yeu: Bản sửa trong trình duyệt")
        .current_dir(&dir)
        .output()
        .expect("node runs");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "browser run failed:\n{report}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary: serde_json::Value = serde_json::from_str(&report).expect("a JSON summary");
    assert!(summary["pages"].as_u64().unwrap_or(0) >= 2, "{report}");
    let title = summary["title"].as_str().unwrap_or_default();
    assert!(title.contains("Bản sửa trong trình duyệt"), "{report}");
    let (before, after) = (
        summary["scrollBefore"].as_f64().unwrap_or(0.0),
        summary["scrollAfter"].as_f64().unwrap_or(0.0),
    );
    assert!(before > 500.0, "page 2 was in view: {report}");
    assert!((after - before).abs() < 50.0, "it stays in view: {report}");
    let overlay = summary["overlay"].as_str().unwrap_or_default();
    assert!(
        overlay.contains("E0105") && overlay.contains("van-ban/ke-hoach-thu.yaml:3:1"),
        "{report}"
    );
    assert_eq!(summary["cleared"], serde_json::json!(true), "{report}");
}
