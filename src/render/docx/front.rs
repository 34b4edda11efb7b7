//! The parts of page 1 around the body, as document.typ lays them out: the two-column
//! header (ô 1–5), the tên loại and trích yếu, a quyết định's preamble, Kính gửi, and the
//! closing with Nơi nhận beside the signature.

use super::measure::Metrics;
use super::tables::{Cell, row, table};
use super::xml::{Align, Border, Look, Para, Tw, mm, pt, rule, run};
use crate::model::{DecisionPreamble, Document, Issuer};
use crate::present::{Blank, ListLine, Phrase, Phrases, Piece};

/// A phrase composed by the present stage, as the PDF prints it: a draft's blanks as
/// spaces (12 for the number, 10 for the day), room for the văn thư's handwriting.
pub fn phrase(p: &Phrase) -> String {
    p.iter()
        .map(|piece| match piece {
            Piece::Text(t) => t.clone(),
            Piece::Blank(Blank::So) => " ".repeat(12),
            Piece::Blank(Blank::Ngay) => " ".repeat(10),
        })
        .collect()
}

/// Line pitch of header text: the PDF's 1.24 em (leading 0.1 em) at `size`.
fn pitch(size: f64) -> Tw {
    pt(size * 1.24)
}

/// A centred line of header text.
fn line(text: &str, look: Look, before: Tw) -> String {
    Para::centered()
        .pitch(pitch(look.size))
        .before(before)
        .with(&run(text, look))
}

/// The PDF's choice of header sizes and columns (`header-plan` in document.typ), measured
/// with the bundled font: the right column 100 mm whenever everything fits, else as wide as
/// its widest line (Quốc hiệu, Tiêu ngữ, date line) and the sizes down to ND30's lowest, so
/// that no header line wraps in Word either. Word's columns cannot overlap as the PDF's
/// halves may: a place name too long for any of these wraps here (the build warns, W0902).
struct Plan {
    issuer: f64,
    qh: f64,
    left: Tw,
    right: Tw,
}

fn plan(issuer: &Issuer, ph: &Phrases, width: Tw, m: &Metrics) -> Plan {
    let w = |t: &str, size: f64, bold: bool| pt(m.width(t, size, bold));
    let gap = mm(2.0);
    let issuer_w = |size: f64| {
        let names = issuer.name_lines.iter().map(|l| w(l, size, true));
        let parent = issuer.parent_line.iter().map(|l| w(l, size, false));
        names.chain(parent).max().unwrap_or(0)
    };
    let number_w = w(&phrase(&ph.number), 13.0, false);
    // Word and LibreOffice wrap a line that only just fits: 2 % of room.
    let date_w = |qh: f64| pt(m.width_italic(&phrase(&ph.date_line), qh + 1.0) * 1.02);
    let title_w = |qh: f64| {
        w("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", qh, true).max(w(
            "Độc lập - Tự do - Hạnh phúc",
            qh + 1.0,
            true,
        ))
    };
    let hundred = mm(100.0);
    if title_w(13.0).max(date_w(13.0)) <= hundred
        && issuer_w(13.0).max(number_w) + gap <= width - hundred
    {
        return Plan {
            issuer: 13.0,
            qh: 13.0,
            left: width - hundred,
            right: hundred,
        };
    }
    for (isz, qh) in [(13.0, 13.0), (12.0, 13.0), (13.0, 12.0), (12.0, 12.0)] {
        let right = title_w(qh).max(date_w(qh));
        if issuer_w(isz).max(number_w) + gap <= width - right {
            return Plan {
                issuer: isz,
                qh,
                left: width - right,
                right,
            };
        }
    }
    let left = issuer_w(12.0).max(number_w) + gap;
    Plan {
        issuer: 12.0,
        qh: 12.0,
        left,
        right: width - left,
    }
}

/// ô 1–5: issuer and Quốc hiệu side by side, each with its short rule, then Số under the
/// issuer and the date line under the Tiêu ngữ, and a công văn's V/v under the Số.
pub fn header(issuer: &Issuer, doc: &Document, ph: &Phrases, width: Tw, m: &Metrics) -> String {
    let p = plan(issuer, ph, width, m);
    let (left, right) = (p.left, p.right);
    let gap = pt(5.0);
    let mut issuer_cell = String::new();
    if let Some(parent) = &issuer.parent_line {
        issuer_cell.push_str(&line(parent, Look::size(p.issuer), 0));
    }
    for l in &issuer.name_lines {
        issuer_cell.push_str(&line(l, Look::size(p.issuer).bold(), 0));
    }
    let widest = issuer
        .name_lines
        .iter()
        .map(|l| m.width(l, p.issuer, true))
        .fold(0.0, f64::max);
    issuer_cell.push_str(&rule(pt(widest * 0.4), left, gap, 0));

    let motto = "Độc lập - Tự do - Hạnh phúc";
    let national = line(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        Look::size(p.qh).bold(),
        0,
    ) + &line(motto, Look::size(p.qh + 1.0).bold(), 0)
        + &rule(pt(m.width(motto, p.qh + 1.0, true)), right, gap, 0);

    let mut number = line(&phrase(&ph.number), Look::size(13.0), gap);
    if let Some(subject) = &doc.subject {
        // ô 5b: 12 pt upright, just under the Số.
        number.push_str(&line(subject, Look::size(12.0), pt(6.0)));
    }
    if let Some(u) = &doc.urgency {
        // ô 10b: the Độ khẩn stamp, a red box of the decree's width under the Số.
        let side = ((left - mm(f64::from(u.width_mm))) / 2).max(0);
        let stamp = Look {
            color: Some("FF0000"),
            ..Look::size(13.0).bold()
        };
        number.push_str(
            &Para {
                border: Some(Border::Box("FF0000")),
                left: side,
                right: side,
                // 13 pt text and 4 pt of border space above and below: the PDF's 8 mm box.
                ..Para::centered().pitch(pitch(13.0)).before(pt(10.0))
            }
            .with(&run(u.text, stamp)),
        );
    }
    let date = line(&phrase(&ph.date_line), Look::size(p.qh + 1.0).italic(), gap);
    let rows = row(
        &[Cell::new(left, issuer_cell), Cell::new(right, national)],
        false,
        true,
    ) + &row(
        &[Cell::new(left, number), Cell::new(right, date)],
        false,
        true,
    );
    table(&[left, right], false, &rows)
}

/// Tên loại and trích yếu, bold and centred, 20 pt below the header, with a rule 40 % of
/// the trích yếu's length under them. A công văn has none.
pub fn title(doc: &Document, width: Tw, m: &Metrics) -> String {
    let Some(kind) = doc.kind.title() else {
        return String::new();
    };
    let bold = Look::size(14.0).bold();
    let longest = pt(m.width(&doc.title, 14.0, true)).min(width);
    line(&kind, bold, pt(20.0))
        + &line(&doc.title, bold, pt(2.0))
        + &rule(longest * 2 / 5, width, pt(6.0), pt(14.0))
}

/// Quyết định: the authority line, the căn cứ in italics, "QUYẾT ĐỊNH:".
pub fn decision(p: &DecisionPreamble) -> String {
    let bold = Look::size(14.0).bold();
    let mut s = line(&p.authority, bold, 0);
    for (i, b) in p.bases.iter().chain(&p.proposal).enumerate() {
        let first = if i == 0 { pt(6.0) } else { 0 };
        let body = Para {
            align: Align::Justify,
            first: super::parts::INDENT,
            ..Para::default()
                .pitch(super::parts::BODY_PITCH)
                .before(first)
                .after(super::parts::PARA_GAP)
        };
        s.push_str(&body.with(&run(b, Look::default().italic())));
    }
    s + &Para::centered()
        .pitch(pitch(14.0))
        .before(pt(6.0))
        .after(pt(4.0))
        .with(&run("QUYẾT ĐỊNH:", bold))
}

/// Kính gửi (ô 9a), 25 mm in: one addressee on the same line; several as "- …;" lines
/// whose dashes line up under the first, a wrapped line hanging under its text. Tab stops
/// place the columns, as the PDF's grid does.
pub fn addressees(lines: &[ListLine], m: &Metrics) -> String {
    let start = mm(25.0);
    let label = "Kính gửi:";
    let column = start + pt(m.width(label, 14.0, false) + 14.0 * 0.3);
    let dash = pt(m.width("-", 14.0, false) + 14.0 * 0.25);
    let n = lines.len();
    let mut s = String::new();
    for (i, a) in lines.iter().enumerate() {
        let (text, hang) = if a.dash {
            (a.text.as_str(), dash)
        } else {
            (a.text.as_str(), 0)
        };
        let left = column + hang;
        let mut runs = String::new();
        let mut tabs = Vec::new();
        if i == 0 {
            runs.push_str(&run(label, Look::default()));
            runs.push_str("<w:r><w:tab/></w:r>");
            tabs.push(column);
        }
        if hang > 0 {
            runs.push_str(&run("-", Look::default()));
            runs.push_str("<w:r><w:tab/></w:r>");
            tabs.push(column + hang);
        }
        runs.push_str(&run(text, Look::default()));
        let first_at = if i == 0 { start } else { column };
        let p = Para {
            tabs,
            left,
            first: -(left - first_at),
            ..Para::default()
                .pitch(super::parts::BODY_PITCH)
                .before(if i == 0 { pt(10.0) } else { 0 })
                .after(if i + 1 == n { pt(6.0) } else { pt(4.0) })
        };
        s.push_str(&p.with(&runs));
    }
    s
}

/// Nơi nhận (80 mm, 12 pt bold italic heading, 11 pt lines hanging under their text) beside
/// the signature (centred, 14 pt bold, 25 mm left for the signature), kept on one page.
pub fn closing(doc: &Document, recipients: &[ListLine], width: Tw, m: &Metrics) -> String {
    let left = mm(80.0);
    let right = width - left;
    let lines: Vec<String> = recipients
        .iter()
        .map(ListLine::printed)
        .chain(doc.drafter.clone())
        .collect();
    let mut recipients = Para::default()
        .pitch(pitch(12.0))
        .with(&run("Nơi nhận:", Look::size(12.0).bold().italic()));
    let hang = pt(m.width("- ", 11.0, false));
    for r in &lines {
        let p = Para {
            left: hang,
            first: -hang,
            ..Para::default().pitch(pitch(11.0))
        };
        recipients.push_str(&p.with(&run(r, Look::size(11.0))));
    }
    let bold = Look::size(14.0).bold();
    let mut signature = String::new();
    for l in &doc.signer.lines {
        signature.push_str(&line(l, bold, 0));
    }
    signature.push_str(&line(&doc.signer.name, bold, mm(25.0)));
    let rows = row(
        &[Cell::new(left, recipients), Cell::new(right, signature)],
        false,
        true,
    );
    // The PDF's 6 pt above, as a paragraph of its own: it also keeps a table ending the
    // body from joining this one (Word merges adjacent tables).
    Para::default().tiny().before(pt(6.0)).with("") + &table(&[left, right], false, &rows)
}
