//! Writing imported tables as the YAML a clerk would write (keys in the schema's order,
//! plain scalars where YAML reads them back as the same text), and putting that block
//! into an existing file under its key without touching a byte of the rest.

/// A scalar written so that YAML reads back exactly `s` as a string: plain when that is
/// safe, otherwise double-quoted (a JSON string is a valid YAML double-quoted scalar).
pub fn scalar(s: &str) -> String {
    if plain_is_safe(s) {
        s.to_string()
    } else {
        quoted(s)
    }
}

pub fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{}\"", s.replace('"', "\\\"")))
}

fn plain_is_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let lower = s.to_ascii_lowercase();
    let reserved = [
        "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~",
    ];
    !(s.trim() != s
        || "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || first.is_ascii_digit()
        || first == '.'
        || first == '+'
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || s.chars().any(|c| c.is_control())
        || reserved.contains(&lower.as_str()))
}

/// A number as YAML writes it: "2150", "97.8".
pub fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// The lines of a block: `key:` at column 0 followed by everything indented under it (or
/// list items at column 0), as (first line, line after the last), 0-based.
fn block_of(lines: &[&str], key: &str) -> Option<(usize, usize)> {
    let head = format!("{key}:");
    let start = lines.iter().position(|l| {
        l.strip_prefix(&head)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '#']))
    })?;
    let mut end = start + 1;
    let mut last_content = start + 1;
    while end < lines.len() {
        let l = lines[end];
        let inside = l.trim().is_empty()
            || l.starts_with(' ')
            || l.starts_with('\t')
            || l.starts_with("- ")
            || l == "-"
            || l.starts_with('#');
        if !inside {
            break;
        }
        end += 1;
        // Blank lines and comments at column 0 after the block belong to what follows.
        if !(l.trim().is_empty() || l.starts_with('#')) {
            last_content = end;
        }
    }
    Some((start, last_content))
}

/// `text` with the block under top-level `key` replaced by `block` (which starts with
/// `key:`), or `block` appended after a blank line when the key is not there. Every other
/// line is kept byte for byte.
pub fn replace_block(text: &str, key: &str, block: &str) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let bare: Vec<&str> = lines
        .iter()
        .map(|l| l.trim_end_matches(['\n', '\r']))
        .collect();
    let block = block.trim_end_matches('\n');
    match block_of(&bare, key) {
        Some((start, end)) => {
            let mut out: String = lines[..start].concat();
            out.push_str(block);
            out.push('\n');
            out.push_str(&lines[end..].concat());
            out
        }
        None => {
            let mut out = text.to_string();
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(block);
            out.push('\n');
            out
        }
    }
}

/// The list items of the top-level `phu_luc` block: (first line, end line) of each item.
fn items(bare: &[&str], start: usize, end: usize) -> Vec<(usize, usize)> {
    let indent = bare[start + 1..end]
        .iter()
        .find_map(|l| {
            let t = l.trim_start();
            t.starts_with('-').then(|| l.len() - t.len())
        })
        .unwrap_or(2);
    let mut starts: Vec<usize> = (start + 1..end)
        .filter(|&i| {
            let l = bare[i];
            l.len() > indent && l[..indent].trim().is_empty() && l[indent..].starts_with('-')
        })
        .collect();
    let mut out = Vec::new();
    starts.push(end);
    for w in starts.windows(2) {
        // Blank lines and comments between items stay with the item that follows.
        let mut stop = w[1];
        while stop > w[0] + 1 && {
            let t = bare[stop - 1].trim();
            t.is_empty() || t.starts_with('#')
        } {
            stop -= 1;
        }
        out.push((w[0], stop));
    }
    out
}

/// `text` with one appendix (`item`, written as a list item at `indent` 2 under
/// `phu_luc:`) put in: it replaces the item with the same title (folded), else the only
/// item of the same kind (`kind_key`: `bang_phan_cong` or `bang`), else it is added last.
pub fn replace_appendix(text: &str, title: &str, kind_key: &str, item: &str) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let bare: Vec<&str> = lines
        .iter()
        .map(|l| l.trim_end_matches(['\n', '\r']))
        .collect();
    let item = item.trim_end_matches('\n');
    let Some((start, end)) = block_of(&bare, "phu_luc") else {
        return replace_block(text, "phu_luc", &format!("phu_luc:\n{item}\n"));
    };
    let found = items(&bare, start, end);
    let folded = crate::import::header::key(title);
    let has =
        |(a, b): (usize, usize), pred: &dyn Fn(&str) -> bool| bare[a..b].iter().any(|l| pred(l));
    let same_title = found.iter().copied().find(|&r| {
        has(r, &|l: &str| {
            let t = l.trim_start().trim_start_matches("- ");
            t.strip_prefix("tieu_de:")
                .is_some_and(|v| crate::import::header::key(v.trim().trim_matches('"')) == folded)
        })
    });
    let kind_line = format!("{kind_key}:");
    let same_kind: Vec<(usize, usize)> = found
        .iter()
        .copied()
        .filter(|&r| {
            has(r, &|l: &str| {
                l.trim_start()
                    .trim_start_matches("- ")
                    .starts_with(&kind_line)
            })
        })
        .collect();
    let target = same_title.or(match same_kind.as_slice() {
        [only] => Some(*only),
        _ => None,
    });
    let (at, until) = target.unwrap_or((end, end));
    let mut out: String = lines[..at].concat();
    if target.is_none() && at > 0 && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(item);
    out.push('\n');
    out.push_str(&lines[until..].concat());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_read_back_as_the_same_text() {
        assert_eq!(scalar("Công tác chỉ đạo"), "Công tác chỉ đạo");
        assert_eq!(scalar("1.1"), "\"1.1\"");
        assert_eq!(scalar("yes"), "\"yes\"");
        assert_eq!(scalar("- gạch"), "\"- gạch\"");
        assert_eq!(scalar("a: b"), "\"a: b\"");
        assert_eq!(scalar("Hoa \"Hồng\""), "Hoa \"Hồng\"");
        assert_eq!(scalar("=SUM(A1)"), "=SUM(A1)");
        assert_eq!(scalar(""), "\"\"");
        for s in [
            "1.1", "yes", "- gạch", "a: b", "x #y", "@a", "null", "", " a",
        ] {
            let back: String = serde_saphyr::from_str(&scalar(s)).unwrap();
            assert_eq!(back, s);
        }
    }

    #[test]
    fn a_block_is_replaced_and_the_rest_kept() {
        let text = "# đầu\nten: \"Quý I/2026\"\nso_lieu:\n  a: 1 # cũ\n\n  b: 2\n# về Biểu 06\nbieu_06:\n  - linh_vuc: X\n";
        let out = replace_block(text, "so_lieu", "so_lieu:\n  c: 3\n");
        assert_eq!(
            out,
            "# đầu\nten: \"Quý I/2026\"\nso_lieu:\n  c: 3\n# về Biểu 06\nbieu_06:\n  - linh_vuc: X\n"
        );
        let added = replace_block("ten: x", "bieu_06", "bieu_06: []\n");
        assert_eq!(added, "ten: x\n\nbieu_06: []\n");
    }

    #[test]
    fn an_appendix_replaces_its_namesake_only() {
        let text = "loai: ke-hoach\nphu_luc:\n  - tieu_de: Bảng A\n    bang:\n      cot: [a]\n      dong: []\n\n  - tieu_de: Phân công\n    bang_phan_cong:\n      linh_vuc: []\nnoi_nhan: []\n";
        let item =
            "  - tieu_de: PHÂN CÔNG\n    bang_phan_cong:\n      linh_vuc:\n        - ten: X\n";
        let out = replace_appendix(text, "PHÂN CÔNG", "bang_phan_cong", item);
        assert_eq!(
            out,
            "loai: ke-hoach\nphu_luc:\n  - tieu_de: Bảng A\n    bang:\n      cot: [a]\n      dong: []\n\n  - tieu_de: PHÂN CÔNG\n    bang_phan_cong:\n      linh_vuc:\n        - ten: X\nnoi_nhan: []\n"
        );
        let appended = replace_appendix(
            "phu_luc:\n  - tieu_de: A\n    noi_dung: x\n",
            "B",
            "bang",
            "  - tieu_de: B\n    bang: {}\n",
        );
        assert_eq!(
            appended,
            "phu_luc:\n  - tieu_de: A\n    noi_dung: x\n  - tieu_de: B\n    bang: {}\n"
        );
    }
}
