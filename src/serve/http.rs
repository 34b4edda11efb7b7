//! The preview server: the output folder's files as they are, HTML pages with the live
//! script (and the overlay of a failed build) added on the way out, the event stream, and
//! the PDF preview pages. GET only; nothing outside the output folder is served.

use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use tiny_http::{Header, Request, Response, Server};

use super::{Live, Now};
use crate::diag::{Lang, Text};

/// The preview's own addresses, under a prefix no built page can have (slugs never start
/// with `_`).
const PREFIX: &str = "/_cchc/";
const EVENTS: &str = "/_cchc/su-kien";
const ERROR: &str = "/_cchc/loi";
const PREVIEW: &str = "/_cchc/xem/";

/// The overlay of a failed build, the same in the page as served and as drawn by the script.
const BOX_STYLE: &str = "position:fixed;inset:0 0 auto 0;max-height:85vh;overflow:auto;z-index:2147483647;margin:0;padding:1em 1.5em;background:#fff4f4;color:#222;border-bottom:4px solid #b00020;box-shadow:0 4px 16px #0004;font:14px/1.45 ui-monospace,Consolas,monospace;white-space:pre-wrap";

/// How often an idle event stream sends a comment, to find closed pages.
const KEEPALIVE: Duration = Duration::from_secs(15);

pub fn serve(server: Server, live: Arc<Live>) {
    for request in server.incoming_requests() {
        let live = Arc::clone(&live);
        // One thread per request: an event stream stays open as long as its page.
        std::thread::spawn(move || handle(request, &live));
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .unwrap_or_else(|()| Header::from_bytes(&b"X-Cchc"[..], &b"1"[..]).expect("a valid header"))
}

fn respond(request: Request, status: u16, kind: &str, body: Vec<u8>) {
    let response = Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", kind))
        .with_header(header("Cache-Control", "no-store"));
    // The page was closed before the answer: nothing to do.
    let _ = request.respond(response);
}

fn handle(request: Request, live: &Live) {
    let url = request
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_string();
    let path = percent_decode(&url);
    if *request.method() != tiny_http::Method::Get && *request.method() != tiny_http::Method::Head {
        return respond(
            request,
            405,
            "text/plain; charset=utf-8",
            b"GET only\n".to_vec(),
        );
    }
    if path == EVENTS {
        return events(request, live);
    }
    let now = live.now();
    if path == ERROR {
        let text = now.error.unwrap_or_default();
        return respond(request, 200, "text/plain; charset=utf-8", text.into_bytes());
    }
    if let Some(rest) = path.strip_prefix(PREVIEW) {
        return preview(request, live, &now, rest);
    }
    if path.starts_with(PREFIX) {
        return not_found(request, live, &now);
    }
    let Some(file) = file_for(&live.output, &path) else {
        return not_found(request, live, &now);
    };
    let Ok(bytes) = std::fs::read(&file) else {
        return not_found(request, live, &now);
    };
    let kind = content_type(&file);
    if kind.starts_with("text/html") {
        let doc_pdf = file.with_extension("pdf");
        let slug = doc_pdf
            .is_file()
            .then(|| file.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .flatten();
        let html = String::from_utf8_lossy(&bytes);
        let page = inject(&html, &now, live.lang, slug.as_deref());
        return respond(request, 200, kind, page.into_bytes());
    }
    respond(request, 200, kind, bytes)
}

/// The file under `root` that `path` names (a folder's `index.html`), never outside it.
fn file_for(root: &Path, path: &str) -> Option<PathBuf> {
    let rel = Path::new(path.trim_start_matches('/'));
    if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    let file = root.join(rel);
    if file.is_dir() {
        Some(file.join("index.html"))
    } else {
        Some(file)
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("csv") => "text/csv; charset=utf-8",
        Some("xml") => "application/xml",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("pdf") => "application/pdf",
        Some("docx") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The live script (and the overlay, the link to the PDF preview) added before `</body>`.
pub fn inject(html: &str, now: &Now, lang: Lang, preview_of: Option<&str>) -> String {
    let mut added = String::new();
    if let Some(text) = &now.error {
        added.push_str(&format!(
            "<div id=\"cchc-loi\" style=\"{BOX_STYLE}\"><pre>{}</pre></div>",
            escape(text)
        ));
    }
    if let Some(slug) = preview_of {
        let label = Text::new("Xem bản in", "Print preview");
        added.push_str(&format!(
            "<a id=\"cchc-xem\" href=\"{PREVIEW}{slug}\" style=\"position:fixed;right:1em;bottom:1em;z-index:2147483646;padding:.5em 1em;background:#1a4d8f;color:#fff;border-radius:4px;font:15px sans-serif;text-decoration:none\">{}</a>",
            label.get(lang)
        ));
    }
    let script = include_str!("live.js").replace(
        "BOX_STYLE",
        &serde_json::to_string(BOX_STYLE).unwrap_or_default(),
    );
    added.push_str(&format!(
        "<script data-generation=\"{}\">{script}</script>",
        now.generation
    ));
    match html.to_ascii_lowercase().rfind("</body>") {
        Some(at) => format!("{}{added}{}", &html[..at], &html[at..]),
        None => format!("{html}{added}"),
    }
}

/// A missing page: while a build is failing, the overlay says why.
fn not_found(request: Request, live: &Live, now: &Now) {
    let text = Text::new("Không có trang này.", "No such page.");
    let html = format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>404</title></head><body><p>{}</p><p><a href=\"/\">/</a></p></body></html>",
        text.get(live.lang)
    );
    let page = inject(&html, now, live.lang, None);
    respond(request, 404, "text/html; charset=utf-8", page.into_bytes());
}

/// The event stream of one page: the build number on connecting and after each good build,
/// the diagnostics after each failed one.
fn events(request: Request, live: &Live) {
    let mut out = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
    if out.write_all(head.as_bytes()).is_err() {
        return;
    }
    let mut seen: Option<Now> = None;
    loop {
        let now = match &seen {
            None => live.now(),
            Some(s) => live.wait(s, KEEPALIVE),
        };
        let mut message = String::new();
        if seen.as_ref() == Some(&now) {
            message.push_str(": ping\n\n");
        } else {
            message.push_str(&format!("event: the-he\ndata: {}\n\n", now.generation));
            if let Some(text) = &now.error {
                let json = serde_json::to_string(text).unwrap_or_default();
                message.push_str(&format!("event: loi\ndata: {json}\n\n"));
            }
        }
        if out
            .write_all(message.as_bytes())
            .and_then(|()| out.flush())
            .is_err()
        {
            return;
        }
        seen = Some(now);
    }
}

/// `/_cchc/xem/<slug>`: the document's pages; `/_cchc/xem/<slug>/<n>.svg`: one page.
fn preview(request: Request, live: &Live, now: &Now, rest: &str) {
    let (slug, page) = match rest.split_once('/') {
        Some((slug, file)) => (
            slug,
            file.strip_suffix(".svg")
                .and_then(|n| n.parse::<usize>().ok()),
        ),
        None => (rest, None),
    };
    let found = match live.preview.get(now.generation, slug) {
        Ok(Some(p)) => p,
        Ok(None) => return not_found(request, live, now),
        Err(detail) => {
            let page = inject(
                &format!(
                    "<!doctype html><html><body><pre>{}</pre></body></html>",
                    escape(&detail)
                ),
                now,
                live.lang,
                None,
            );
            return respond(request, 500, "text/html; charset=utf-8", page.into_bytes());
        }
    };
    if rest.contains('/') {
        return match page
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| found.pages.get(i))
        {
            Some(p) => respond(request, 200, "image/svg+xml", p.svg.clone().into_bytes()),
            None => not_found(request, live, now),
        };
    }
    let lang = live.lang;
    let pages = Text::new(
        format!("{} trang", found.pages.len()),
        format!("{} pages", found.pages.len()),
    );
    let links = format!(
        "<a href=\"/{}\">{}</a> · <a href=\"/{}\">{}</a> · {}",
        escape(&found.html_path),
        Text::new("Trang văn bản", "Document page").get(lang),
        escape(&found.pdf_path),
        Text::new("Tệp PDF", "PDF file").get(lang),
        pages.get(lang),
    );
    let mut body = String::new();
    for (i, p) in found.pages.iter().enumerate() {
        // The size is known before the image loads, so the page read stays in view.
        body.push_str(&format!(
            "<img class=\"trang\" src=\"{PREVIEW}{slug}/{}.svg?v={}\" width=\"{:.0}\" height=\"{:.0}\" alt=\"{} {}\">",
            i + 1,
            now.generation,
            p.width * 4.0 / 3.0,
            p.height * 4.0 / 3.0,
            Text::new("Trang", "Page").get(lang),
            i + 1
        ));
    }
    let html = format!(
        "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{}</title><style>body{{margin:0;background:#6b6b6b;font:15px sans-serif}}header{{position:sticky;top:0;padding:.6em 1em;background:#222;color:#eee}}header a{{color:#9cf}}.trang{{display:block;margin:16px auto;max-width:calc(100% - 32px);height:auto;background:#fff;box-shadow:0 2px 8px #0006}}</style></head><body><header>{} — {links}</header>{body}</body></html>",
        escape(&found.title),
        escape(&found.title),
    );
    let page = inject(&html, now, lang, None);
    respond(request, 200, "text/html; charset=utf-8", page.into_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_outside_the_output_folder_is_named() {
        let root = Path::new("/srv/output");
        for bad in ["/../etc/passwd", "/van-ban/../../x", "/./a", "//etc/passwd"] {
            let named = file_for(root, &percent_decode(bad));
            assert!(
                named.as_ref().is_none_or(|p| p.starts_with(root)),
                "{bad}: {named:?}"
            );
        }
        assert_eq!(file_for(root, &percent_decode("/%2e%2e/etc/passwd")), None);
        assert_eq!(
            file_for(root, "/van-ban/k%E1%BA%BF.pdf").map(|p| p.starts_with(root)),
            Some(true)
        );
        assert_eq!(percent_decode("/k%E1%BA%BF"), "/kế");
    }

    #[test]
    fn the_script_goes_before_the_body_end_and_the_box_is_escaped() {
        let now = Now {
            generation: 7,
            error: Some("lỗi[E0101]: <b> & \"x\"".into()),
        };
        let page = inject(
            "<html><body><p>a</p></BODY></html>",
            &now,
            Lang::Vi,
            Some("kh"),
        );
        let at_script = page.find("<script data-generation=\"7\">").unwrap();
        assert!(at_script < page.find("</BODY>").unwrap());
        assert!(page.contains("lỗi[E0101]: &lt;b&gt; &amp; &quot;x&quot;"));
        assert!(page.contains("href=\"/_cchc/xem/kh\""));
        assert!(!page.contains("BOX_STYLE"), "the style is filled in");
        let good = inject("<p>no body</p>", &Now::default(), Lang::En, None);
        assert!(good.starts_with("<p>no body</p><script"));
        assert!(
            !good.contains("cchc-loi\" style"),
            "no box without an error"
        );
    }
}
