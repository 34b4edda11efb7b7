//! `cchc serve` as a clerk uses it: started on a free port, pages fetched over HTTP, a file
//! saved, the reload event received and the changed page and preview fetched; a broken save
//! shown over the preview with its code and place, the fix clearing it. Every wait polls
//! with a generous deadline; no duration is asserted.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use common::serve::{PATIENCE, get, start, start_with};
use common::{ISSUER, PLAN, root, write_content};

/// An open event stream.
struct Events(BufReader<TcpStream>);

impl Events {
    fn open(addr: &str) -> Self {
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(PATIENCE)).unwrap();
        write!(s, "GET /_cchc/su-kien HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
        let mut r = BufReader::new(s);
        let mut line = String::new();
        r.read_line(&mut line).unwrap();
        assert!(line.starts_with("HTTP/1.1 200"), "{line}");
        loop {
            line.clear();
            r.read_line(&mut line).unwrap();
            if line == "\r\n" {
                break;
            }
            if line.to_ascii_lowercase().starts_with("content-type") {
                assert!(line.contains("text/event-stream"), "{line}");
            }
        }
        Self(r)
    }

    /// The next event (name, data), skipping keep-alive comments.
    fn next(&mut self) -> (String, String) {
        let (mut name, mut data) = (String::new(), String::new());
        loop {
            let mut line = String::new();
            let n = self
                .0
                .read_line(&mut line)
                .expect("an event before the deadline");
            assert!(n > 0, "the stream stays open");
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() && !name.is_empty() {
                return (name, data);
            }
            if let Some(v) = line.strip_prefix("event: ") {
                name = v.to_string();
            } else if let Some(v) = line.strip_prefix("data: ") {
                data = v.to_string();
            }
        }
    }

    /// Waits for an event named `want`.
    fn until(&mut self, want: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            let (name, data) = self.next();
            if name == want {
                return data;
            }
        }
        panic!("no {want} event in time");
    }
}

fn save(file: &Path, text: &str) {
    std::fs::write(file, text).unwrap();
}

#[test]
fn a_save_reloads_the_pages_a_broken_save_shows_why_and_the_fix_clears_it() {
    let tmp = tempfile::tempdir().unwrap();
    let content = write_content(tmp.path(), ISSUER, &[("ke-hoach-thu.yaml", PLAN)]);
    let plan = content.join("van-ban/ke-hoach-thu.yaml");
    let serve = start(tmp.path());
    let addr = serve.addr.as_str();

    let mut events = Events::open(addr);
    let first: u64 = events.until("the-he").parse().unwrap();
    assert!(first >= 1, "the first build is served");
    let (status, page) = get(addr, "/van-ban/ke-hoach-thu.html");
    assert_eq!(status, 200);
    assert!(page.contains("Thử nghiệm"), "the plan's page");
    assert!(
        page.contains("/_cchc/su-kien"),
        "the live script is served with the page"
    );
    assert!(
        page.contains("/_cchc/xem/ke-hoach-thu"),
        "a link to the print preview"
    );
    let (status, preview) = get(addr, "/_cchc/xem/ke-hoach-thu");
    assert_eq!(status, 200);
    let pages = preview.matches("<img class=\"trang\"").count();
    assert!(pages >= 2, "the plan and its phụ lục: {pages} pages");
    let (status, svg) = get(addr, "/_cchc/xem/ke-hoach-thu/1.svg");
    assert_eq!(status, 200);
    assert!(svg.contains("<svg"), "page 1 drawn");

    save(
        &plan,
        &PLAN.replace("trich_yeu: Thử nghiệm", "trich_yeu: Sửa đổi lần hai"),
    );
    let second: u64 = events.until("the-he").parse().unwrap();
    assert!(second > first, "a new build after the save");
    let (_, page) = get(addr, "/van-ban/ke-hoach-thu.html");
    assert!(page.contains("Sửa đổi lần hai"), "the page changed");
    let (_, after) = get(addr, "/_cchc/xem/ke-hoach-thu/1.svg");
    assert_ne!(svg, after, "the preview changed too");

    // A key written twice is E0105; its place is line 3, column 1 of the file.
    save(
        &plan,
        &format!(
            "loai: ke-hoach\nso: 3\nso: 4\n{}",
            &PLAN["loai: ke-hoach\nso: 3\n".len()..]
        ),
    );
    let data = events.until("loi");
    let text: String = serde_json::from_str(&data).unwrap();
    assert!(text.contains("E0105"), "the code: {text}");
    assert!(
        text.contains("van-ban/ke-hoach-thu.yaml:3:1"),
        "file:line:col: {text}"
    );
    let (status, page) = get(addr, "/van-ban/ke-hoach-thu.html");
    assert_eq!(status, 200, "the last good build stays served");
    assert!(page.contains("Sửa đổi lần hai"));
    assert!(
        page.contains("id=\"cchc-loi\"") && page.contains("E0105"),
        "the overlay"
    );
    let (_, shown) = get(addr, "/_cchc/loi");
    assert!(shown.contains("E0105"));

    save(&plan, PLAN);
    let third: u64 = events.until("the-he").parse().unwrap();
    assert!(third > second);
    let (_, shown) = get(addr, "/_cchc/loi");
    assert_eq!(shown, "", "the fix clears the diagnostics");
    let (_, page) = get(addr, "/van-ban/ke-hoach-thu.html");
    assert!(!page.contains("id=\"cchc-loi\""), "no overlay any more");
    assert!(page.contains("Thử nghiệm"));

    // Nothing of the preview is ever written to the output folder.
    drop(events);
    drop(serve);
    for (name, bytes) in common::tree(&tmp.path().join("output")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("_cchc"), "{name} holds the preview's script");
    }
}

#[test]
fn a_broken_theme_template_is_shown_the_same_way() {
    let tmp = tempfile::tempdir().unwrap();
    write_content(tmp.path(), ISSUER, &[("ke-hoach-thu.yaml", PLAN)]);
    let theme = tmp.path().join("theme");
    common::copy_dir(&root().join("themes/default"), &theme);
    let base = theme.join("templates/base.html");
    let good = std::fs::read_to_string(&base).unwrap();
    let serve = start_with(tmp.path(), &theme);
    let addr = serve.addr.as_str();
    let mut events = Events::open(addr);
    events.until("the-he");

    save(&base, &good.replace("{% endblock main %}", ""));
    let text: String = serde_json::from_str(&events.until("loi")).unwrap();
    assert!(text.contains("E0604"), "the theme's code: {text}");
    assert!(text.contains("base.html"), "the template named: {text}");
    let (status, page) = get(addr, "/index.html");
    assert_eq!(status, 200, "the last good build stays served");
    assert!(page.contains("E0604"));

    save(&base, &good);
    events.until("the-he");
    let (_, shown) = get(addr, "/_cchc/loi");
    assert_eq!(shown, "");
}

#[test]
fn the_built_site_has_no_preview_script() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("output");
    common::build_into(&root().join("content"), &out).unwrap();
    let mut pages = 0;
    for (name, bytes) in common::tree(&out) {
        if name.ends_with(".html") {
            pages += 1;
            let text = String::from_utf8_lossy(&bytes);
            assert!(
                !text.contains("_cchc") && !text.contains("EventSource"),
                "{name}"
            );
        }
    }
    assert!(pages > 10);
}

#[test]
fn another_address_than_this_computer_is_announced_as_visible() {
    let tmp = tempfile::tempdir().unwrap();
    write_content(tmp.path(), ISSUER, &[("ke-hoach-thu.yaml", PLAN)]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_cchc"))
        .args([
            "serve",
            "--port",
            "0",
            "--khong-word",
            "--bind",
            "0.0.0.0",
            "--theme",
        ])
        .arg(root().join("themes/default"))
        .current_dir(tmp.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let deadline = Instant::now() + PATIENCE;
    let mut seen = String::new();
    while Instant::now() < deadline && !seen.contains("0.0.0.0") {
        let mut line = String::new();
        if err.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        seen.push_str(&line);
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(seen.contains("Chú ý") && seen.contains("0.0.0.0"), "{seen}");
}
