//! The checklist of nd30.md §13, asserted on the laid-out pages of a plan (kế hoạch).
//! Each function returns the failures it found, named by checklist item.

// Each check reads as "fail unless (all the conditions of the item)".
#![allow(clippy::nonminimal_bool)]

use cchc::render::inspect::{Inspection, Line, Run};

pub const W: f64 = 595.28;
pub const H: f64 = 841.89;
pub const MM: f64 = 2.8346;
pub const X0: f64 = 30.0 * MM;
pub const X1: f64 = W - 15.0 * MM;
pub const XC: f64 = (X0 + X1) / 2.0;
pub const MT: f64 = 20.0 * MM;

/// What the page-1 header must say.
pub struct Expect<'a> {
    pub issuer_lines: &'a [&'a str],
    /// "05/KH-UBND", or "/UBND-TCNV" for a draft.
    pub reference: &'a str,
    pub date_line: &'a str,
    /// "KẾ HOẠCH"; `None` for a công văn.
    pub kind_title: Option<&'a str>,
    /// A công văn's "V/v …" (all its lines joined).
    pub subject: Option<&'a str>,
    /// The addressees' names, without the "- " and ";"/"." the page must add.
    pub addressees: &'a [&'a str],
    /// The "(Kèm theo …)" line when there is a phụ lục.
    pub attached: Option<&'a str>,
    /// Nơi nhận names, without the "- " and ";"/"." the page must add ("Lưu: VT, VP").
    pub recipients: &'a [&'a str],
}

fn all_bold(l: &Line) -> bool {
    l.runs.iter().all(|r| r.bold)
}
fn any_italic(l: &Line) -> bool {
    l.runs.iter().any(|r| r.italic)
}
fn size(l: &Line) -> f64 {
    l.runs.iter().map(|r| r.size).fold(0.0, f64::max)
}
fn near(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}
/// A list item without its "- " and its closing ";" or ".": the words as the source gives
/// them, so that the punctuation is checked on the page, not copied from the program.
pub fn bare(s: &str) -> &str {
    s.trim()
        .trim_start_matches("- ")
        .trim_end_matches([';', '.'])
        .trim_end()
}
fn is_upper(s: &str) -> bool {
    s.chars().all(|c| !c.is_lowercase())
}

/// Index of the first page of the appendix (1-based), if any.
pub fn appendix_start(insp: &Inspection) -> Option<usize> {
    insp.lines(12.0)
        .iter()
        .find(|l| {
            l.text.starts_with("Phụ lục")
                && all_bold(l)
                && near(l.center(), l_center_of_page(insp, l.page), 3.0)
        })
        .map(|l| l.page)
}

fn l_center_of_page(insp: &Inspection, page: usize) -> f64 {
    let p = insp.pages[page - 1];
    (X0 + p.width - 15.0 * MM) / 2.0
}

pub fn check_plan(insp: &Inspection, e: &Expect) -> Vec<String> {
    let mut f = check_body(insp);
    let lines = insp.lines(12.0);
    let find = |text: &str| lines.iter().find(|l| l.page == 1 && l.text == text);
    let app = appendix_start(insp);

    // 1. Page sizes: portrait until the appendix, landscape only after it.
    for (i, p) in insp.pages.iter().enumerate() {
        let page = i + 1;
        let portrait = near(p.width, W, 0.5) && near(p.height, H, 0.5);
        let landscape = near(p.width, H, 0.5) && near(p.height, W, 0.5);
        let in_app = app.is_some_and(|a| page >= a);
        if !(portrait || (landscape && in_app)) {
            f.push(format!("1: page {page} is {}x{}", p.width, p.height));
        }
    }
    // 3. Black text.
    let stamp = |t: &str| ["KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"].contains(&t.trim());
    if let Some(r) = insp.runs.iter().find(|r| !r.black && !stamp(&r.text)) {
        f.push(format!("3: non-black text {:?}", r.text));
    }
    // 4. NFC, no combining marks.
    for r in &insp.runs {
        if r.text.chars().any(|c| ('\u{300}'..='\u{36f}').contains(&c)) {
            f.push(format!("4: combining mark in {:?}", r.text));
        }
    }
    // 5. Inside the margins (except page numbers, which sit in the top margin).
    for r in &insp.runs {
        let p = insp.pages[r.page - 1];
        let x1 = p.width - 15.0 * MM;
        let page_number = r.y <= MT && r.text.chars().all(|c| c.is_ascii_digit());
        // The ink, not the baseline: a capital with stacked marks (Ệ, Ộ) rises most of an
        // em above it, and a descender drops below it.
        if !page_number
            && (r.x < X0 - 1.0
                || r.right() > x1 + 1.0
                || r.top < MT - 1.0
                || r.bottom > p.height - 20.0 * MM + 1.0)
        {
            f.push(format!(
                "5: {:?} outside the text area on page {} at ({:.1},{:.1}..{:.1})",
                r.text, r.page, r.x, r.top, r.bottom
            ));
        }
    }
    // 6–8. Page numbers.
    let numbers: Vec<&Line> = lines
        .iter()
        .filter(|l| l.y <= MT && l.text.chars().all(|c| c.is_ascii_digit()))
        .collect();
    if numbers.iter().any(|l| l.page == 1) {
        f.push("6: page 1 shows a number".into());
    }
    let main_pages = app.map_or(insp.pages.len(), |a| a - 1);
    for page in 2..=main_pages {
        let on: Vec<&&Line> = numbers.iter().filter(|l| l.page == page).collect();
        let ok = on.len() == 1
            && on[0].text == page.to_string()
            && near(on[0].center(), XC, 3.0)
            && (13.0..=14.0).contains(&size(on[0]))
            && !all_bold(on[0])
            && !any_italic(on[0]);
        if !ok {
            f.push(format!(
                "7: page {page} number {:?}",
                on.iter().map(|l| &l.text).collect::<Vec<_>>()
            ));
        }
    }
    if let Some(a) = app {
        // Each phụ lục numbers its own pages: count from the latest "Phụ lục …" heading.
        let starts: Vec<usize> = (a..=insp.pages.len())
            .filter(|p| {
                lines.iter().any(|l| {
                    l.page == *p && l.text.starts_with("Phụ lục") && all_bold(l) && l.y < MT + 30.0
                })
            })
            .collect();
        for page in a..=insp.pages.len() {
            let start = starts
                .iter()
                .copied()
                .filter(|s| *s <= page)
                .max()
                .unwrap_or(a);
            let j = page - start + 1;
            let on: Vec<&&Line> = numbers.iter().filter(|l| l.page == page).collect();
            let ok = if j == 1 {
                on.is_empty()
            } else {
                on.len() == 1 && on[0].text == j.to_string()
            };
            if !ok {
                f.push(format!(
                    "8: appendix page {j} shows {:?}",
                    on.iter().map(|l| &l.text).collect::<Vec<_>>()
                ));
            }
        }
    }

    // 9. Quốc hiệu.
    let qh: Vec<&Line> = lines
        .iter()
        .filter(|l| l.text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        .collect();
    let Some(qh) = (qh.len() == 1).then(|| qh[0]) else {
        f.push(format!(
            "9: Quốc hiệu appears {} times on one line",
            qh.len()
        ));
        return f;
    };
    let qh_size = size(qh);
    if !(qh.page == 1
        && qh.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        && all_bold(qh)
        && !any_italic(qh)
        && (12.0..=13.0).contains(&qh_size)
        && qh.center() > XC
        && qh.y < MT + 15.0 * MM)
    {
        f.push(format!("9: Quốc hiệu {qh:?}"));
    }
    // 10. Tiêu ngữ.
    match find("Độc lập - Tự do - Hạnh phúc") {
        Some(tn) => {
            if !(all_bold(tn)
                && !any_italic(tn)
                && near(size(tn), qh_size + 1.0, 0.01)
                && near(tn.center(), qh.center(), 3.0)
                && tn.y - qh.y < qh_size + size(tn) * 0.35 + 4.0)
            {
                f.push(format!(
                    "10: Tiêu ngữ {:?} at {:.1} (Quốc hiệu at {:.1})",
                    tn.text, tn.y, qh.y
                ));
            }
            // 11. Rule under the Tiêu ngữ, as long as it (±15 %), centred on it.
            let w = tn.right - tn.x;
            let ok = insp.rules.iter().any(|r| {
                r.page == 1
                    && r.y > tn.y
                    && r.y < tn.y + 20.0
                    && near(r.x1 - r.x0, w, 0.15 * w)
                    && near((r.x0 + r.x1) / 2.0, tn.center(), 3.0)
            });
            if !ok {
                f.push("11: no rule under the Tiêu ngữ of its length".into());
            }
        }
        None => f.push("10: no Tiêu ngữ line".into()),
    }
    // 12–13. Issuer lines and their rule.
    let issuer: Vec<&Line> = e.issuer_lines.iter().filter_map(|t| find(t)).collect();
    if issuer.len() != e.issuer_lines.len() {
        f.push(format!("12: issuer lines missing: {:?}", e.issuer_lines));
        return f;
    }
    let al = issuer[0].center();
    for l in &issuer {
        if !(is_upper(&l.text)
            && all_bold(l)
            && (12.0..=13.0).contains(&size(l))
            && near(l.center(), al, 3.0)
            && al < XC)
        {
            f.push(format!("12: issuer line {:?}", l.text));
        }
    }
    let longest = issuer.iter().map(|l| l.right - l.x).fold(0.0, f64::max);
    let last_issuer_y = issuer.iter().map(|l| l.y).fold(0.0, f64::max);
    let ok = insp.rules.iter().any(|r| {
        let len = r.x1 - r.x0;
        r.page == 1
            && r.y > last_issuer_y
            && r.y < last_issuer_y + 20.0
            && len >= longest / 3.0 - 0.5
            && len <= longest / 2.0 + 0.5
            && near((r.x0 + r.x1) / 2.0, al, 3.0)
    });
    if !ok {
        f.push("13: no rule of 1/3–1/2 the issuer line under it".into());
    }
    // 14–15. Số line. A draft's blank number and day are runs of spaces inside one run.
    let find_wide = find;
    let draft = e.reference.starts_with('/');
    let so = format!("Số: {}", e.reference);
    match find_wide(&so) {
        Some(s) => {
            if !(near(size(s), 13.0, 0.01)
                && !all_bold(s)
                && !any_italic(s)
                && near(s.center(), al, 3.0))
            {
                f.push(format!("14: Số line {s:?}"));
            }
            let re_ok = {
                let (n, k) = e.reference.split_once('/').unwrap_or(("", ""));
                (draft || (n.len() >= 2 && n.chars().all(|c| c.is_ascii_digit()) && n != "00"))
                    && k.contains('-')
            };
            if !re_ok {
                f.push(format!("14: Số {so:?} not in ND30 form"));
            }
            match find_wide(e.date_line) {
                Some(d) => {
                    if !near(s.y, d.y, 2.0) {
                        f.push(format!("15: Số at {:.1}, date at {:.1}", s.y, d.y));
                    }
                    // 17. Date line: italic, size of the Tiêu ngữ, centred on the Quốc hiệu.
                    if !(d.runs.iter().all(|r| r.italic)
                        && !all_bold(d)
                        && near(size(d), qh_size + 1.0, 0.01)
                        && near(d.center(), qh.center(), 3.0))
                    {
                        f.push(format!("17: date line {d:?}"));
                    }
                }
                None => f.push(format!("17: no date line {:?}", e.date_line)),
            }
        }
        None => f.push(format!("14: no line {so:?}")),
    }
    // 16. Ký hiệu matches the kind: a công văn's first group is the issuer's code.
    let first_group = e
        .reference
        .split('/')
        .nth(1)
        .unwrap_or_default()
        .split('-')
        .next()
        .unwrap_or_default();
    let kind_ok = match e.kind_title {
        Some("KẾ HOẠCH") => first_group == "KH",
        Some("BÁO CÁO") => first_group == "BC",
        Some("QUYẾT ĐỊNH") => first_group == "QĐ",
        Some("THÔNG BÁO") => first_group == "TB",
        Some("TỜ TRÌNH") => first_group == "TTr",
        Some(_) => true,
        None => !["CV", "KH", "BC", "QĐ", "TB", "TTr"].contains(&first_group),
    };
    if !kind_ok {
        f.push(format!(
            "16: ký hiệu {} does not match the kind",
            e.reference
        ));
    }
    // 19. Công văn: "V/v" under the Số, centred on it, left of the centre, not bold.
    if let Some(subject) = e.subject {
        let so_line = find_wide(&so);
        let vv: Vec<&Line> = lines
            .iter()
            .filter(|l| {
                l.page == 1
                    && l.right < XC
                    && so_line.is_some_and(|s| l.y > s.y && l.y < s.y + 80.0)
            })
            .filter(|l| !l.text.starts_with("Số:"))
            .collect();
        let vv: Vec<&Line> = vv
            .into_iter()
            .take_while(|l| !l.text.contains("KHẨN") && !l.text.contains("HỎA TỐC"))
            .collect();
        let joined = vv
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let first_gap = so_line
            .zip(vv.first())
            .map(|(s, v)| (v.y - 0.75 * size(v)) - (s.y + 0.25 * size(s)));
        if joined != subject
            || !first_gap.is_some_and(|g| g > 0.0 && g <= 12.0)
            || vv.iter().any(|l| {
                !(12.0..=13.0).contains(&size(l))
                    || all_bold(l)
                    || any_italic(l)
                    || !near(l.center(), al, 3.0)
            })
        {
            f.push(format!("19: V/v lines {joined:?} (gap {first_gap:?})"));
        }
    }
    // 20–21. Tên loại and trích yếu, and the rule under them.
    match e.kind_title {
        Some(title) => match find(title) {
            Some(t) => {
                let date_y = find_wide(e.date_line).map_or(0.0, |d| d.y);
                if !(all_bold(t)
                    && (13.0..=14.0).contains(&size(t))
                    && near(t.center(), XC, 3.0)
                    && t.y > date_y)
                {
                    f.push(format!("20: tên loại {t:?}"));
                }
                let rule = insp
                    .rules
                    .iter()
                    .filter(|r| r.page == 1 && r.y > t.y && near((r.x0 + r.x1) / 2.0, XC, 3.0))
                    .min_by(|a, b| a.y.total_cmp(&b.y));
                let abstract_lines: Vec<&Line> = lines
                    .iter()
                    .filter(|l| l.page == 1 && l.y > t.y + 1.0 && rule.is_some_and(|r| l.y < r.y))
                    .collect();
                if abstract_lines.is_empty()
                    || abstract_lines
                        .iter()
                        .any(|l| is_upper(&l.text) || !all_bold(l) || !near(l.center(), XC, 3.0))
                {
                    f.push(format!(
                        "20: trích yếu lines {:?}",
                        abstract_lines.iter().map(|l| &l.text).collect::<Vec<_>>()
                    ));
                } else if let Some(r) = rule {
                    let longest = abstract_lines
                        .iter()
                        .map(|l| l.right - l.x)
                        .fold(0.0, f64::max);
                    let len = r.x1 - r.x0;
                    if !(len >= longest / 3.0 - 0.5 && len <= longest / 2.0 + 0.5) {
                        f.push(format!(
                            "21: rule {len:.1} under a trích yếu of {longest:.1}"
                        ));
                    }
                }
            }
            None => f.push(format!("20: no {title:?}")),
        },
        None => {
            if lines.iter().any(|l| l.page == 1 && l.text == "CÔNG VĂN") {
                f.push("19: a công văn prints no tên loại".into());
            }
        }
    }
    // 22. Kính gửi: one addressee on its line; several as "- " lines whose dashes align.
    let kg: Vec<&Line> = lines
        .iter()
        .filter(|l| l.text.starts_with("Kính gửi:"))
        .collect();
    if e.addressees.is_empty() {
        if !kg.is_empty() {
            f.push("22: no Kính gửi expected".into());
        }
    } else if let [k] = kg.as_slice() {
        if !(13.0..=14.0).contains(&size(k)) || all_bold(k) {
            f.push(format!("22: Kính gửi line {:?}", k.text));
        }
        if let [one] = e.addressees {
            // One addressee: on the "Kính gửi:" line (a long one wraps), ending with ".".
            let first = k.text.trim_start_matches("Kính gửi:").trim();
            let mut joined = first.to_string();
            for l in lines
                .iter()
                .filter(|l| l.page == k.page && l.y > k.y && l.y < k.y + 40.0 && l.x > k.x + 5.0)
            {
                if !joined.ends_with('.') {
                    joined.push(' ');
                    joined.push_str(&l.text);
                }
            }
            if first.is_empty() || joined != format!("{one}.") {
                f.push(format!(
                    "22: {one:?} printed as {joined:?} on the Kính gửi line"
                ));
            }
        } else {
            let following: Vec<&Line> = lines
                .iter()
                .filter(|l| {
                    l.page == k.page
                        && l.y >= k.y - 1.0
                        && l.text
                            .trim_start_matches("Kính gửi:")
                            .trim_start()
                            .starts_with("- ")
                })
                .take(e.addressees.len())
                .collect();
            let texts: Vec<String> = following
                .iter()
                .map(|l| l.text.trim_start_matches("Kính gửi:").trim().to_string())
                .collect();
            // "- X;" for every addressee but the last, which ends with "." (nd30.md §3, 9a).
            let n = texts.len();
            let punctuated = texts.iter().enumerate().all(|(i, t)| {
                t.starts_with("- ") && t.ends_with(if i + 1 == n { '.' } else { ';' })
            });
            let names: Vec<&str> = texts.iter().map(|t| bare(t)).collect();
            if names != e.addressees || !punctuated {
                f.push(format!("22: addressees {texts:?}"));
            }
            let dash_x: Vec<f64> = following
                .iter()
                .map(|l| {
                    l.runs
                        .iter()
                        .find(|r| r.text.trim_start().starts_with('-'))
                        .map_or(l.x, |r| r.x)
                })
                .collect();
            if dash_x.iter().any(|x| !near(*x, dash_x[0], 1.0)) {
                f.push(format!("22: dashes not aligned: {dash_x:?}"));
            }
        }
    } else {
        f.push(format!("22: {} Kính gửi lines", kg.len()));
    }

    // 31–36. Signature block and Nơi nhận.
    if insp
        .runs
        .iter()
        .any(|r| ["T/M", "K/T", "T/L"].iter().any(|t| r.text.contains(t)))
    {
        f.push("31: T/M, K/T or T/L printed".into());
    }
    let Some(nn) = lines.iter().find(|l| l.text == "Nơi nhận:") else {
        f.push("34: no Nơi nhận".into());
        return f;
    };
    let nn_runs: &[Run] = &nn.runs;
    if !(nn_runs.iter().all(|r| r.bold && r.italic)
        && near(size(nn), 12.0, 0.01)
        && near(nn.x, X0, 1.0))
    {
        f.push(format!("34: Nơi nhận {nn:?}"));
    }
    let sig: Vec<&Line> = lines
        .iter()
        .filter(|l| l.page == nn.page && l.y >= nn.y - 6.0 && l.center() > XC && all_bold(l))
        .collect();
    if sig.len() < 2 {
        f.push("32: no signature block beside Nơi nhận".into());
        return f;
    }
    let (titles, name) = sig.split_at(sig.len() - 1);
    let name = name[0];
    let axis = titles[0].center();
    for t in titles {
        let first = t.text.split(' ').next().unwrap_or_default();
        let authority_ok =
            !first.ends_with('.') || ["TM.", "KT.", "Q.", "TL.", "TUQ."].contains(&first);
        if !(is_upper(&t.text)
            && (13.0..=14.0).contains(&size(t))
            && near(t.center(), axis, 3.0)
            && axis > XC
            && authority_ok)
        {
            f.push(format!("32: title line {:?}", t.text));
        }
    }
    let last_title = titles[titles.len() - 1];
    if !(near(name.center(), axis, 3.0)
        && !is_upper(&name.text)
        && (13.0..=14.0).contains(&size(name))
        && name.y - last_title.y >= 50.0)
    {
        f.push(format!(
            "33: signer name {:?} {:.1} below",
            name.text,
            name.y - last_title.y
        ));
    }
    let cap = |l: &Line| l.y - 0.7 * size(l);
    if !near(cap(nn), cap(titles[0]), 3.0) {
        f.push(format!(
            "34: Nơi nhận top {:.1} vs first title {:.1}",
            cap(nn),
            cap(titles[0])
        ));
    }
    let rec: Vec<&Line> = lines
        .iter()
        .filter(|l| l.page == nn.page && l.y > nn.y && l.x < XC && l.text.starts_with("- "))
        .collect();
    // A wrapped recipient continues on lines that do not start with "- ".
    let mut items: Vec<String> = Vec::new();
    for l in lines
        .iter()
        .filter(|l| l.page == nn.page && l.y > nn.y && l.right < XC + 60.0 && l.x < XC - 60.0)
    {
        match items.last_mut() {
            // The filing line is the last item; what follows it is the drafter code (ô 12).
            Some(last) if !l.text.starts_with("- ") && !last.starts_with("- Lưu:") => {
                last.push(' ');
                last.push_str(&l.text);
            }
            Some(last) if last.starts_with("- Lưu:") && !l.text.starts_with("- ") => {}
            _ => items.push(l.text.clone()),
        }
    }
    let got: Vec<&str> = items.iter().map(String::as_str).collect();
    if got.iter().map(|t| bare(t)).collect::<Vec<_>>() != e.recipients
        || got.iter().any(|t| !t.starts_with("- "))
    {
        f.push(format!("35: recipients {got:?}"));
    }
    for r in &rec {
        if !(near(size(r), 11.0, 0.01) && !all_bold(r) && near(r.x, X0, 1.0)) {
            f.push(format!("35: recipient line {:?}", r.text));
        }
    }
    if let Some(last) = got.last()
        && !(last.starts_with("- Lưu:") && last.contains("VT") && last.ends_with('.'))
    {
        f.push(format!("35: last recipient {last:?}"));
    }
    if e.kind_title.is_none()
        && !e.addressees.is_empty()
        && !got.first().is_some_and(|r| r.starts_with("- Như trên"))
    {
        f.push(format!(
            "35: a công văn's first recipient is {:?}",
            got.first()
        ));
    }
    if got.iter().rev().skip(1).any(|l| !l.ends_with(';')) {
        f.push("35: a recipient line does not end with ';'".into());
    }
    if name.page != nn.page {
        f.push("36: Nơi nhận and signature on different pages".into());
    }
    // 29. The body's last paragraph ends with "./.".
    let before: Vec<&Line> = lines
        .iter()
        .filter(|l| (l.page < nn.page || (l.page == nn.page && l.y < nn.y - 14.0)) && l.y > MT)
        .collect();
    if !before.last().is_some_and(|l| l.text.ends_with("./.")) {
        f.push(format!(
            "29: body ends with {:?}",
            before.last().map(|l| &l.text)
        ));
    }

    // 37–39. The appendix.
    let (Some(a), Some(expected_attached)) = (app, e.attached) else {
        if app.is_some() != e.attached.is_some() {
            f.push(format!(
                "37: appendix found: {}, expected: {}",
                app.is_some(),
                e.attached.is_some()
            ));
        }
        return f;
    };
    let on_first: Vec<&Line> = lines.iter().filter(|l| l.page == a && l.y > MT).collect();
    let xc = l_center_of_page(insp, a);
    if !(on_first[0].text.starts_with("Phụ lục")
        && near(size(on_first[0]), 14.0, 0.01)
        && all_bold(on_first[0]))
    {
        f.push(format!("37: appendix heading {:?}", on_first[0].text));
    }
    if !(is_upper(&on_first[1].text)
        && all_bold(on_first[1])
        && near(on_first[1].center(), xc, 3.0))
    {
        f.push(format!("37: appendix title {:?}", on_first[1].text));
    }
    let attached: Vec<&Line> = on_first
        .iter()
        .copied()
        .filter(|l| l.runs.iter().all(|r| r.italic))
        .collect();
    let joined = attached
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if joined != expected_attached || attached.iter().any(|l| !near(l.center(), xc, 3.0)) {
        f.push(format!("38: attached line {joined:?}"));
    }
    // Only tables that number their rows have an "STT" header to look for: the pages of
    // each phụ lục whose first page holds one (a phụ lục of plain text has none).
    let has_stt = |p: usize| {
        lines
            .iter()
            .any(|l| l.page == p && l.text.starts_with("STT"))
    };
    let app_starts: Vec<usize> = (a..=insp.pages.len())
        .filter(|p| {
            lines.iter().any(|l| {
                l.page == *p && l.text.starts_with("Phụ lục") && all_bold(l) && l.y < MT + 30.0
            })
        })
        .collect();
    let table_pages: Vec<usize> = (a..=insp.pages.len())
        .filter(|p| {
            let start = app_starts
                .iter()
                .copied()
                .filter(|s| s <= p)
                .max()
                .unwrap_or(a);
            has_stt(start)
        })
        .collect();
    let first_header = table_pages.iter().filter(|p| has_stt(**p)).count();
    let numbered = !table_pages.is_empty();
    for page in table_pages.iter().copied() {
        // The header row (bold "STT") comes before any body cell of the table.
        let stt = insp
            .runs
            .iter()
            .find(|r| r.page == page && r.text.trim() == "STT" && r.bold);
        let first_body = insp
            .runs
            .iter()
            .filter(|r| r.page == page && r.y > MT && r.size <= 12.5 && !r.bold)
            .min_by(|x, y| x.y.total_cmp(&y.y));
        match (stt, first_body) {
            (Some(h), Some(b)) if h.y < b.y => {}
            (Some(_), None) => {}
            other => f.push(format!(
                "39: appendix page {page}: header {:?} before body {:?}",
                other.0.map(|r| r.y),
                other.1.map(|r| (&r.text, r.y))
            )),
        }
        if insp
            .runs
            .iter()
            .any(|r| r.page == page && r.y > MT && r.size < 11.0)
        {
            f.push(format!("39: text under 11 pt on page {page}"));
        }
    }
    if numbered && first_header < table_pages.len() {
        f.push("39: table header not repeated on every page".into());
    }
    f
}

/// Where a body line starts: at the first-line indent, at the left margin (a paragraph
/// going on), or centred (a heading such as "QUYẾT ĐỊNH:").
#[derive(Debug, Clone, Copy, PartialEq)]
enum Start {
    Indent,
    Margin,
    Centre,
}

fn starts_with_label(text: &str, roman: bool) -> Option<usize> {
    let (label, rest) = text.split_once(' ')?;
    let body = label.strip_suffix('.')?;
    let ok = if roman {
        !body.is_empty() && body.chars().all(|c| "IVXLC".contains(c))
    } else {
        !body.is_empty()
            && body
                .split('.')
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    };
    (ok && !rest.is_empty()).then_some(label.len())
}

/// The bold flag of the run holding byte `at` of the line's text (the text joins runs with
/// single spaces, so walk the runs' own words).
fn bold_at_word(l: &Line, word: usize) -> Option<bool> {
    let mut n = 0;
    for r in &l.runs {
        let words = r.text.split_whitespace().count();
        if word < n + words {
            return Some(r.bold);
        }
        n += words;
    }
    None
}

/// Checklist items 23–28 and 30: the body between the header (or Kính gửi) and Nơi nhận,
/// measured line by line.
pub fn check_body(insp: &Inspection) -> Vec<String> {
    let mut f = Vec::new();
    let lines = insp.lines(12.0);
    let app = appendix_start(insp);
    let main_pages = app.map_or(insp.pages.len(), |a| a - 1);
    let Some(nn) = lines.iter().find(|l| l.text == "Nơi nhận:") else {
        return f;
    };
    // The header ends with the lowest of: the date line, the V/v and stamp in the left
    // column, the rule under the trích yếu, the Kính gửi block.
    let p1: Vec<&Line> = lines.iter().filter(|l| l.page == 1).collect();
    let date_y = p1
        .iter()
        .find(|l| l.text.contains(", ngày ") && l.runs.iter().all(|r| r.italic))
        .map_or(MT, |l| l.y);
    let mut header_end = date_y;
    for l in &p1 {
        if l.y > date_y && l.y < date_y + 100.0 && l.right < XC && l.x > X0 + 1.0 {
            header_end = header_end.max(l.y);
        }
    }
    for r in insp.rules.iter().filter(|r| r.page == 1 && r.y > date_y) {
        let short = r.x1 - r.x0 < 0.6 * (X1 - X0);
        if short && near((r.x0 + r.x1) / 2.0, XC, 3.0) {
            header_end = header_end.max(r.y);
        }
    }
    if let Some(kg) = p1.iter().find(|l| l.text.starts_with("Kính gửi:")) {
        header_end = header_end.max(kg.y);
        for l in p1.iter().filter(|l| l.y > kg.y) {
            if l.x > X0 + 45.0 && l.center() < XC + 80.0 && !near(l.center(), XC, 3.0) {
                header_end = header_end.max(l.y);
            } else {
                break;
            }
        }
    }
    // The contact block (ô 13) at the foot of page 1 sits under a full-width rule.
    let contact_y = insp
        .rules
        .iter()
        .filter(|r| r.page == 1 && r.x1 - r.x0 > 0.95 * (X1 - X0))
        .map(|r| r.y)
        .fold(f64::INFINITY, f64::min);
    let body: Vec<&Line> = lines
        .iter()
        .filter(|l| l.page <= main_pages && l.page <= nn.page)
        .filter(|l| {
            (l.page > 1 || (l.y > header_end + 1.0 && l.y < contact_y))
                && l.y > MT
                && (l.page < nn.page || l.y < nn.y - 14.0)
        })
        .collect();
    if body.is_empty() {
        f.push("23: no body text".into());
        return f;
    }

    // 23. One size, 13 or 14, for ≥ 95 % of the characters.
    let mut by_size: Vec<(f64, usize)> = Vec::new();
    for r in body.iter().flat_map(|l| &l.runs) {
        let n = r.text.chars().filter(|c| !c.is_whitespace()).count();
        match by_size.iter_mut().find(|(s, _)| near(*s, r.size, 0.01)) {
            Some(e) => e.1 += n,
            None => by_size.push((r.size, n)),
        }
    }
    let total: usize = by_size.iter().map(|e| e.1).sum();
    let (body_size, most) = by_size
        .iter()
        .copied()
        .max_by_key(|e| e.1)
        .unwrap_or((0.0, 0));
    if !((13.0..=14.0).contains(&body_size) && most * 100 >= total * 95) {
        f.push(format!("23: body sizes {by_size:?}"));
    }

    // 24. The first-line indent: 1 cm or 1.27 cm, one value throughout.
    let indents: Vec<f64> = body
        .iter()
        .map(|l| l.x - X0)
        .filter(|d| (20.0..45.0).contains(d))
        .collect();
    let indent = indents.first().copied().unwrap_or(0.0);
    if !(near(indent, 10.0 * MM, 1.0) || near(indent, 12.7 * MM, 1.0))
        || indents.iter().any(|d| !near(*d, indent, 1.0))
    {
        f.push(format!("24: first-line indents {indents:?}"));
    }
    let starts: Vec<Option<Start>> = body
        .iter()
        .map(|l| {
            if near(l.x, X0 + indent, 1.0) {
                Some(Start::Indent)
            } else if near(l.x, X0, 1.0) {
                Some(Start::Margin)
            } else if near(l.center(), XC, 3.0) {
                Some(Start::Centre)
            } else {
                None
            }
        })
        .collect();
    for (l, s) in body.iter().zip(&starts) {
        if s.is_none() {
            f.push(format!("24: line at x {:.1}: {:?}", l.x, l.text));
        }
    }
    if starts[0] == Some(Start::Margin) {
        f.push(format!(
            "24: the body opens without an indent: {:?}",
            body[0].text
        ));
    }
    // Paragraph index of each line: an indented or centred line opens one.
    let mut para = Vec::with_capacity(body.len());
    let mut n = 0;
    for (i, s) in starts.iter().enumerate() {
        if i > 0 && *s != Some(Start::Margin) {
            n += 1;
        }
        para.push(n);
    }

    // 25. Justified: a line followed by more of its paragraph reaches the right margin.
    for i in 0..body.len().saturating_sub(1) {
        if para[i] == para[i + 1] && body[i].right < X1 - 1.5 {
            f.push(format!(
                "25: line ends at {:.1} (margin {X1:.1}): {:?}",
                body[i].right, body[i].text
            ));
        }
    }
    // 26–27. Line pitch inside a paragraph (single to 1.5 lines) and the extra space
    // between paragraphs (≥ 6 pt).
    let mut inside = Vec::new();
    let mut across = Vec::new();
    for i in 0..body.len().saturating_sub(1) {
        let (a, b) = (body[i], body[i + 1]);
        if a.page != b.page {
            continue;
        }
        let pitch = b.y - a.y;
        if para[i] == para[i + 1] {
            let s = size(a);
            if !(1.15 * s - 0.5..=1.725 * s + 0.5).contains(&pitch) {
                f.push(format!("26: line pitch {pitch:.1} at {s} pt: {:?}", a.text));
            }
            inside.push(pitch);
        } else {
            across.push((pitch, i));
        }
    }
    inside.sort_by(f64::total_cmp);
    if let Some(&usual) = inside.get(inside.len() / 2) {
        for (pitch, i) in across {
            if pitch < usual + 6.0 - 1.0 {
                f.push(format!(
                    "27: {pitch:.1} between paragraphs (lines {usual:.1}) before {:?}",
                    body[i + 1].text
                ));
            }
        }
    }

    // 28. Headings: "I." upper case and bold; "Điều n." bold; "a)" regular; a numbered
    // label has the weight of its title ("1. Mục đích" bold, "1. Tăng cường …" regular).
    for (i, l) in body.iter().enumerate() {
        let opens = i == 0 || para[i] != para[i - 1];
        let whole: Vec<&&Line> = body
            .iter()
            .zip(&para)
            .filter(|(_, p)| **p == para[i])
            .map(|(l, _)| l)
            .collect();
        let heading_bold = whole.iter().all(|l| all_bold(l));
        let mut heading = starts[i] == Some(Start::Centre);
        if opens && starts_with_label(&l.text, true).is_some() {
            heading = true;
            if !(heading_bold && whole.iter().all(|l| is_upper(&l.text))) {
                f.push(format!("28: mục not bold upper case: {:?}", l.text));
            }
        } else if opens && starts_with_label(&l.text, false).is_some() {
            heading |= heading_bold;
            if bold_at_word(l, 0) != bold_at_word(l, 1) {
                f.push(format!(
                    "28: khoản label and title differ in weight: {:?}",
                    l.text
                ));
            }
        } else if opens && l.text.starts_with("Điều ") {
            if bold_at_word(l, 0) != Some(true) || bold_at_word(l, 1) != Some(true) {
                f.push(format!("28: Điều label not bold: {:?}", l.text));
            }
        } else if opens
            && l.text.chars().nth(1) == Some(')')
            && l.text.chars().next().is_some_and(|c| c.is_lowercase())
            && bold_at_word(l, 0) != Some(false)
        {
            f.push(format!("28: điểm label bold: {:?}", l.text));
        }
        // 23. Outside headings the body is regular: bold only as the writer's emphasis
        // inside a paragraph, never a whole paragraph (seed 002's bold closing, §14). A
        // one-line lead-in ending with ":" ("Ủy ban nhân dân huyện yêu cầu:") heads what
        // follows.
        let lead_in = whole.len() == 1 && l.text.ends_with(':');
        if opens && !heading && heading_bold && !lead_in {
            f.push(format!("23: a whole paragraph in bold: {:?}", l.text));
        }
    }

    // 30. A document with a phụ lục names it in its body.
    if app.is_some() && !body.iter().any(|l| l.text.contains("Phụ lục")) {
        f.push("30: the body never names its Phụ lục".into());
    }
    f
}
