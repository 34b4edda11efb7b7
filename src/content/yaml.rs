//! YAML parsing with every parser and type error turned into a Vietnamese message that
//! names the line and column and says what to write instead.

use serde::de::DeserializeOwned;
use serde_saphyr::Error;

use crate::diag::{Code, Diagnostic, Pos, Text};

use super::SourceFile;

/// The outcome of parsing one file: every problem found, and the value if one could be
/// read (possibly only after setting misspelt keys aside, in which case there are errors).
pub(crate) struct Parsed<T> {
    pub value: Option<T>,
    pub diags: Vec<Diagnostic>,
}

/// How many misspelt keys to set aside before giving up on a file.
const MAX_REPAIRS: usize = 50;

/// Parses one file into `T`. Serde stops at the first problem, so an unknown or repeated
/// key is reported, blanked out (keeping every line number) and the file parsed again:
/// a clerk sees all such mistakes at once, and the rest of the file is still checked.
/// A syntax error or a value of the wrong kind stops the file there.
pub(crate) fn parse<T: DeserializeOwned>(file: &SourceFile) -> Parsed<T> {
    let mut text = file.text.clone();
    let mut diags = Vec::new();
    // Keys already suggested for a misspelt one: once `trichyeu` has been set aside with
    // "có phải ý bạn là `trich_yeu`?", the missing `trich_yeu` is the same mistake.
    let mut suggested: Vec<String> = Vec::new();
    for _ in 0..MAX_REPAIRS {
        match serde_saphyr::from_str::<T>(&text) {
            Ok(v) => {
                return Parsed {
                    value: Some(v),
                    diags,
                };
            }
            Err(e) => {
                let inner = e.without_snippet();
                match inner {
                    Error::SerdeMissingField { field, .. }
                        if suggested.iter().any(|s| s == field) => {}
                    _ => diags.push(translate(file, &e)),
                }
                if let Error::SerdeUnknownField {
                    field, expected, ..
                } = inner
                    && let Some(g) = crate::suggest::closest(field, expected.iter().copied())
                {
                    suggested.push(g.to_string());
                }
                let repairable = matches!(
                    inner,
                    Error::SerdeUnknownField { .. } | Error::DuplicateMappingKey { .. }
                );
                match inner.location().as_ref().and_then(pos) {
                    Some(at) if repairable && blank_key(&mut text, at) => continue,
                    _ => break,
                }
            }
        }
    }
    Parsed { value: None, diags }
}

/// Blanks the `key: …` entry starting at `at` and its more indented continuation lines.
/// Only a key that starts its own line can go without changing the structure around it.
fn blank_key(text: &mut String, at: Pos) -> bool {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let i = at.line as usize - 1;
    let Some(line) = lines.get(i) else {
        return false;
    };
    let indent = line.chars().take_while(|c| *c == ' ').count();
    if indent + 1 != at.col as usize {
        return false;
    }
    // The key's line, then what is blank or indented under it.
    for (n, l) in lines.iter_mut().enumerate().skip(i) {
        let ind = l.chars().take_while(|c| *c == ' ').count();
        if n == i || l.trim().is_empty() || ind > indent {
            l.clear();
        } else {
            break;
        }
    }
    *text = lines.join("\n");
    true
}

pub(crate) fn pos(loc: &serde_saphyr::Location) -> Option<Pos> {
    match (u32::try_from(loc.line()), u32::try_from(loc.column())) {
        (Ok(line), Ok(col)) if line > 0 => Some(Pos {
            line,
            col: col.max(1),
        }),
        _ => None,
    }
}

/// A message's code, its sentence and what to write instead.
type Words = (Code, Text, Option<Text>);

fn translate(file: &SourceFile, err: &Error) -> Diagnostic {
    let err = err.without_snippet();
    let mut at = err.location().as_ref().and_then(pos);
    // The scanner reports a tab at the token before it (the end of the previous line):
    // point at the tab itself, which is what the clerk has to delete.
    if err.to_string().contains("tab")
        && let Some(tab) = at.and_then(|p| first_tab_from(&file.text, p))
    {
        at = Some(tab);
    }
    // Serde notices a missing key where its block ends, at the block's last key: point at
    // the block's first key instead, the block the key is missing from.
    if matches!(err, Error::SerdeMissingField { .. }) {
        at = at.map(|p| block_start(&file.text, p));
    }
    // A double-quoted value runs across lines until the next double quote; the parser
    // complains only there. Point at the quote left open, which is what needs mending.
    if err.to_string().contains("after double-quoted scalar")
        && let Some(end) = at
        && let Some(open) = open_quote_before(&file.text, end)
    {
        let d = Diagnostic::new(
            Code::YamlSyntax,
            &file.rel,
            Some(open),
            Text::new(
                format!(
                    "Lỗi cú pháp YAML: dấu ngoặc kép mở ở đây không được đóng trên dòng này, nên các dòng sau, đến dấu ngoặc kép ở dòng {}, bị đọc thành cùng một giá trị.",
                    end.line
                ),
                format!(
                    "YAML syntax error: the double quote opened here is not closed on its line, so the lines after it, up to the double quote on line {}, are read as one value.",
                    end.line
                ),
            ),
        );
        return d.with_hint(Text::new(
            "Thêm dấu `\"` ở cuối giá trị trên dòng này (hoặc bỏ dấu `\"` ở đầu giá trị).",
            "Add a `\"` at the end of the value on this line (or remove the `\"` at its start).",
        ));
    }
    let (code, message, hint) = match err {
        Error::SerdeUnknownField {
            field, expected, ..
        } => unknown_key(field, expected),
        Error::SerdeMissingField { field, .. } => missing_key(field),
        Error::SerdeInvalidType {
            unexpected,
            expected,
            ..
        }
        | Error::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => wrong_kind(expected, unexpected),
        Error::InvalidScalar { ty, .. } => invalid_scalar(file, at, ty),
        Error::DuplicateMappingKey { key, .. } => duplicate_key(key.as_deref().unwrap_or_default()),
        Error::NullIntoString { .. } | Error::InvalidCharNull { .. } => blank(file, at),
        Error::Eof { .. } => (
            Code::YamlSyntax,
            Text::new(
                "Tệp rỗng hoặc kết thúc bất thường.",
                "The file is empty or ends unexpectedly.",
            ),
            None,
        ),
        Error::Unexpected { expected, .. } => unexpected(expected),
        other => syntax(other),
    };
    let d = Diagnostic::new(code, &file.rel, at, message);
    match hint {
        Some(h) => d.with_hint(h),
        None => d,
    }
}

fn unknown_key(field: &str, expected: &[&str]) -> Words {
    let list = expected.join(", ");
    let hint = match crate::suggest::closest(field, expected.iter().copied()) {
        Some(g) => Text::new(
            format!("Có phải ý bạn là `{g}`? Các khóa dùng được ở đây: {list}."),
            format!("Did you mean `{g}`? Keys allowed here: {list}."),
        ),
        None => Text::new(
            format!("Các khóa dùng được ở đây: {list}."),
            format!("Keys allowed here: {list}."),
        ),
    };
    (
        Code::UnknownKey,
        Text::new(
            format!("Khóa `{field}` không có trong mẫu."),
            format!("Unknown key `{field}`."),
        ),
        Some(hint),
    )
}

fn missing_key(field: &str) -> Words {
    (
        Code::MissingKey,
        Text::new(
            format!("Thiếu khóa bắt buộc `{field}`."),
            format!("Missing required key `{field}`."),
        ),
        Some(Text::new(
            format!("Thêm một dòng `{field}: …` vào mục này."),
            format!("Add a line `{field}: …` to this block."),
        )),
    )
}

fn wrong_kind(expected: &str, unexpected: &str) -> Words {
    let (want_vi, want_en) = expected_words(expected);
    (
        Code::WrongKind,
        Text::new(
            format!(
                "Giá trị không đúng kiểu: cần {want_vi}, nhưng gặp {}.",
                found_words(unexpected)
            ),
            format!("Wrong kind of value: expected {want_en}, found {unexpected}."),
        ),
        Some(Text::new(
            format!("Sửa giá trị này thành {want_vi}."),
            format!("Write {want_en} here."),
        )),
    )
}

/// A scalar that cannot be the type wanted: the key is named, and a number shown as the
/// line should read.
fn invalid_scalar(file: &SourceFile, at: Option<Pos>, ty: &str) -> Words {
    let (want_vi, want_en) = expected_words(ty);
    let found = at.map(|p| token_at(&file.text, p)).unwrap_or_default();
    let key = at.and_then(|p| key_before(&file.text, p));
    let whole = ["u8", "u16", "u32", "u64", "usize", "i32", "i64", "integer"]
        .iter()
        .any(|t| ty.to_ascii_lowercase().contains(t));
    let message = match &key {
        Some(k) => Text::new(
            format!("Khóa `{k}` có giá trị \"{found}\" không đúng kiểu: cần {want_vi}."),
            format!("Key `{k}` has the value \"{found}\" of the wrong kind: expected {want_en}."),
        ),
        None => Text::new(
            format!("Giá trị \"{found}\" không đúng kiểu: cần {want_vi}."),
            format!("Value \"{found}\" has the wrong kind: expected {want_en}."),
        ),
    };
    let hint = match (&key, whole) {
        (Some(k), true) => Text::new(
            format!("Viết một số, ví dụ `{k}: 5`."),
            format!("Write a number, e.g. `{k}: 5`."),
        ),
        (Some(k), false) => Text::new(
            format!("Sửa giá trị của `{k}` thành {want_vi}."),
            format!("Make the value of `{k}` {want_en}."),
        ),
        (None, _) => Text::new(
            format!("Sửa giá trị này thành {want_vi}."),
            format!("Write {want_en} here."),
        ),
    };
    (Code::WrongKind, message, Some(hint))
}

fn duplicate_key(k: &str) -> Words {
    (
        Code::DuplicateKey,
        Text::new(
            format!("Khóa `{k}` được viết hai lần trong cùng một mục."),
            format!("Key `{k}` appears twice in the same block."),
        ),
        Some(Text::new(
            "Xóa một trong hai dòng, hoặc gộp nội dung vào một dòng.",
            "Delete one of the two lines, or merge them.",
        )),
    )
}

fn blank(file: &SourceFile, at: Option<Pos>) -> Words {
    let key = at
        .and_then(|p| key_before(&file.text, p))
        .unwrap_or_default();
    let (message, hint) = blank_words(&key, None);
    (Code::Blank, message, Some(hint))
}

/// A blank value and what to write, worded the same whether YAML read it as nothing
/// (`trich_yeu:`) or the loader found empty text (`trich_yeu: ""`); `what` names the value
/// when the loader knows it.
pub(super) fn blank_words(key: &str, what: Option<(&str, &str)>) -> (Text, Text) {
    let (vi, en) = what.map_or((String::new(), "it".to_string()), |(vi, en)| {
        (
            format!(" ({})", vi.to_lowercase()),
            format!("the {}", en.to_lowercase()),
        )
    });
    (
        Text::new(
            format!("Khóa `{key}`{vi} để trống: cần một đoạn văn bản."),
            format!("Key `{key}` is blank: {en} needs text."),
        ),
        Text::new(
            format!(
                "Viết nội dung sau dấu hai chấm, ví dụ `{key}: …`; nếu khóa này không bắt buộc thì xóa cả dòng."
            ),
            format!(
                "Write the text after the colon, e.g. `{key}: …`; if the key is optional, delete the line."
            ),
        ),
    )
}

fn unexpected(expected: &str) -> Words {
    let (want_vi, want_en) = expected_words(expected);
    (
        Code::WrongKind,
        Text::new(
            format!("Giá trị không đúng kiểu: cần {want_vi}."),
            format!("Wrong kind of value: expected {want_en}."),
        ),
        Some(Text::new(
            format!(
                "Sửa giá trị này thành {want_vi}; văn bản bắt đầu bằng `[` hoặc `{{` phải đặt trong ngoặc kép."
            ),
            format!("Write {want_en} here; quote text that starts with `[` or `{{`."),
        )),
    )
}

fn syntax(other: &Error) -> Words {
    let detail = other.to_string();
    let detail = detail.lines().next().unwrap_or_default();
    let detail = detail
        .split(" at line ")
        .next()
        .unwrap_or(detail)
        .to_string();
    let words = syntax_words(&detail);
    (
        Code::YamlSyntax,
        Text::new(
            format!("Lỗi cú pháp YAML: {}", words.vi),
            format!("YAML syntax error: {}", words.en),
        ),
        Some(Text::new(
            "Kiểm tra thụt lề (dùng dấu cách, không dùng Tab), dấu hai chấm sau mỗi khóa, và đặt văn bản có dấu `:` hoặc `#` trong ngoặc kép.",
            "Check the indentation (spaces, not tabs), the colon after each key, and quote text that contains `:` or `#`.",
        )),
    )
}

/// The first key of the block mapping that holds the key at `p`: up the lines at the same
/// indentation, to the line of a shallower one (a parent key, or the `- ` of a list item
/// whose first key it is). Comments and blank lines are passed over.
fn block_start(text: &str, p: Pos) -> Pos {
    let lines: Vec<&str> = text.lines().collect();
    let indent = |l: &str| l.chars().take_while(|c| *c == ' ').count();
    let row = p.line as usize - 1;
    let Some(line) = lines.get(row) else {
        return p;
    };
    let key_indent = indent(line);
    if key_indent + 1 != p.col as usize {
        return p;
    }
    let mut first = p;
    for (i, l) in lines[..row].iter().enumerate().rev() {
        let t = l.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let ind = indent(l);
        let item_key = t
            .strip_prefix("- ")
            .map(|rest| ind + 2 + (rest.len() - rest.trim_start().len()));
        let here = Pos {
            line: i as u32 + 1,
            col: p.col,
        };
        match ind.cmp(&key_indent) {
            std::cmp::Ordering::Equal => first = here,
            std::cmp::Ordering::Less => {
                if item_key == Some(key_indent) {
                    first = here;
                }
                break;
            }
            std::cmp::Ordering::Greater => {}
        }
    }
    first
}

/// The double quote left open before `end`: the last earlier line holding an odd number of
/// double quotes (outside single-quoted text and comments), at its last opening quote.
fn open_quote_before(text: &str, end: Pos) -> Option<Pos> {
    text.lines()
        .enumerate()
        .take(end.line as usize - 1)
        .filter_map(|(i, line)| {
            let mut open: Option<usize> = None;
            let mut single = false;
            let mut prev = ' ';
            for (col, c) in line.chars().enumerate() {
                match c {
                    // `prev` starts as a space, so a `#` opening the line is a comment too.
                    '#' if open.is_none() && !single && prev == ' ' => break,
                    '\'' if open.is_none() => single = !single,
                    // Inside a double-quoted value, \" is a quote of the text.
                    '"' if !(single || open.is_some() && prev == '\\') => {
                        open = if open.is_some() { None } else { Some(col) };
                    }
                    _ => {}
                }
                prev = c;
            }
            open.map(|col| Pos {
                line: i as u32 + 1,
                col: col as u32 + 1,
            })
        })
        .last()
}

/// The first tab character at or after a position.
fn first_tab_from(text: &str, p: Pos) -> Option<Pos> {
    text.lines()
        .enumerate()
        .skip(p.line as usize - 1)
        .find_map(|(i, l)| {
            let skip = if i + 1 == p.line as usize {
                p.col as usize - 1
            } else {
                0
            };
            l.chars()
                .enumerate()
                .skip(skip)
                .find(|(_, c)| *c == '\t')
                .map(|(c, _)| Pos {
                    line: i as u32 + 1,
                    col: c as u32 + 1,
                })
        })
}

/// The key written up to a position on its line ("so_ban: ba" at "ba" → "so_ban"; a blank
/// "trich_yeu:" at its colon → "trich_yeu"), if any.
pub(super) fn key_before(text: &str, p: Pos) -> Option<String> {
    let line = text.lines().nth(p.line as usize - 1)?;
    let before: String = line.chars().take(p.col as usize).collect();
    let (key, _) = before.rsplit_once(':')?;
    let key = key.trim().trim_start_matches("- ").trim();
    (!key.is_empty()).then(|| key.to_string())
}

/// The rest of the source line from a position: the scalar the parser choked on.
fn token_at(text: &str, p: Pos) -> String {
    text.lines()
        .nth(p.line as usize - 1)
        .map(|l| l.chars().skip(p.col as usize - 1).collect::<String>())
        .map(|s| s.split(" #").next().unwrap_or_default().trim().to_string())
        .unwrap_or_default()
}

/// The parser's usual complaints, in words a clerk can act on, in both languages (the
/// parser's own English names scanner states a clerk has never heard of).
fn syntax_words(detail: &str) -> Text {
    const PHRASES: [(&str, &str, &str); 9] = [
        (
            "after double-quoted scalar",
            "dấu ngoặc kép không khớp: có thể một dấu ngoặc kép ở dòng trước chưa được đóng, hoặc văn bản có chứa dấu ngoặc kép (khi đó hãy bao cả giá trị bằng ngoặc đơn ' ').",
            "the double quotes do not match: a quote on an earlier line may be left open, or the text itself holds a double quote (then wrap the whole value in single quotes ' ').",
        ),
        (
            "tab",
            "có ký tự Tab; YAML chỉ thụt lề bằng dấu cách.",
            "there is a Tab character; YAML indents with spaces only.",
        ),
        (
            "unclosed quote",
            "mở ngoặc kép mà chưa đóng.",
            "a quote is opened and never closed.",
        ),
        (
            "mapping values are not allowed",
            "có dấu hai chấm và dấu cách (\": \") giữa giá trị, hoặc một dòng thụt lề sai; hãy đặt cả giá trị trong ngoặc kép.",
            "a colon and a space (\": \") inside a value, or a line indented wrongly; wrap the whole value in double quotes.",
        ),
        (
            "expected ':'",
            "thiếu dấu hai chấm sau tên khóa.",
            "the colon after the key is missing.",
        ),
        (
            "did not find expected key",
            "dòng này không thẳng hàng với các khóa cùng mục.",
            "this line is not aligned with the other keys of its block.",
        ),
        (
            "unexpected character",
            "giá trị bắt đầu bằng một ký tự đặc biệt (như @ hoặc `); hãy đặt cả giá trị trong ngoặc kép.",
            "the value starts with a special character (such as @ or `); wrap the whole value in double quotes.",
        ),
        (
            "did not find expected ',' or ']'",
            "mở ngoặc vuông `[` mà chưa đóng `]`.",
            "a `[` is opened and never closed with `]`.",
        ),
        (
            "end of stream",
            "tệp kết thúc giữa chừng (thiếu dấu đóng ngoặc hoặc ngoặc kép).",
            "the file ends in the middle of something (a bracket or quote left open).",
        ),
    ];
    PHRASES
        .iter()
        .find(|(parser, _, _)| detail.contains(parser))
        .map_or(
            Text::new(
                "cấu trúc tệp không đúng ở vị trí này.",
                "the structure of the file is wrong here.",
            ),
            |(_, vi, en)| Text::new(*vi, *en),
        )
}

fn expected_words(expected: &str) -> (String, String) {
    let e = expected.to_ascii_lowercase();
    if e.contains("u32") || e.contains("u64") || e.contains("integer") || e.contains("u16") {
        (
            "một số nguyên dương (ví dụ `5`)".into(),
            "a whole number (e.g. `5`)".into(),
        )
    } else if e.contains("sequence") || e.contains("vec") {
        (
            "một danh sách, mỗi mục một dòng bắt đầu bằng `- `".into(),
            "a list, one item per line starting with `- `".into(),
        )
    } else if e.contains("struct") || e.contains("map") {
        // Before "str", which "struct" contains.
        (
            "một mục gồm các dòng `khóa: giá trị` thụt vào".into(),
            "a block of indented `key: value` lines".into(),
        )
    } else if e.contains("string") || e.contains("str") {
        ("một đoạn văn bản".into(), "text".into())
    } else {
        (expected.to_string(), expected.to_string())
    }
}

fn found_words(unexpected: &str) -> String {
    unexpected
        .replace("string", "văn bản")
        .replace("sequence", "danh sách")
        .replace("map", "mục khóa: giá trị")
        .replace("integer", "số")
        .replace("floating point", "số thập phân")
        .replace("unit value", "giá trị rỗng")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u32, col: u32) -> Pos {
        Pos { line, col }
    }

    #[test]
    fn a_missing_key_is_placed_at_the_start_of_its_block() {
        let text = "loai: ke-hoach\n# ghi chú\nso: 3\nphu_luc:\n  - tieu_de: A\n    bang:\n      x: 1\n    ghi_chu: b\n";
        assert_eq!(block_start(text, at(4, 1)), at(1, 1), "top level");
        assert_eq!(block_start(text, at(8, 5)), at(5, 5), "a list item's keys");
        assert_eq!(block_start(text, at(7, 7)), at(7, 7), "alone in its block");
        assert_eq!(block_start(text, at(3, 4)), at(3, 4), "not a key's column");
        // Blank lines and comments inside a nested block do not end it.
        let text = "a:\n  b: 1\n\n  # x\n  c: 2\n";
        assert_eq!(block_start(text, at(5, 3)), at(2, 3));
        // A list item's first key may stand further from its dash.
        let text = "-   b: 1\n    c: 2\n";
        assert_eq!(block_start(text, at(2, 5)), at(1, 5));
    }

    #[test]
    fn a_location_yaml_does_not_know_is_no_place() {
        assert_eq!(pos(&serde_saphyr::Location::UNKNOWN), None);
    }

    #[test]
    fn a_key_set_aside_takes_its_block_and_nothing_else() {
        let text = "a: 1\nb:\n  c: 2\n\n  d: 3\ne: 4\n";
        let mut t = text.to_string();
        assert!(blank_key(&mut t, at(2, 1)));
        assert_eq!(t, "a: 1\n\n\n\n\ne: 4\n");
        // A nested key, alone on its line: only it.
        let mut t = text.to_string();
        assert!(blank_key(&mut t, at(3, 3)));
        assert_eq!(t, "a: 1\nb:\n\n\n  d: 3\ne: 4\n");
        // Inside a flow map, or past the end: left as it is.
        let mut t = "a: { b: 1, c: 2 }\n".to_string();
        assert!(!blank_key(&mut t, at(1, 12)));
        assert_eq!(t, "a: { b: 1, c: 2 }\n");
        assert!(!blank_key(&mut t, at(3, 1)));
    }

    #[test]
    fn every_key_yaml_does_not_know_is_named_in_one_pass() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Doc {
            trich_yeu: String,
            so: u32,
        }
        let file = SourceFile {
            rel: "van-ban/a.yaml".into(),
            text: "so: 3\nghi_chu:\n  - x\ntrichyeu: Đôn đốc\n".into(),
        };
        let parsed = parse::<Doc>(&file);
        let words = crate::content::fixtures::vietnamese(parsed.diags.iter());
        // Both keys, each at its place; the missing `trich_yeu` is the misspelt one, not a
        // third mistake.
        assert_eq!(words.len(), 2, "{words:#?}");
        assert!(
            words[0].contains("van-ban/a.yaml:2:1:") && words[0].contains("ghi_chu"),
            "{words:#?}"
        );
        assert!(
            words[1].contains("van-ban/a.yaml:4:1:") && words[1].contains("trichyeu"),
            "{words:#?}"
        );
        assert!(parsed.value.is_none());
        // Without the misspelling, what is left reads.
        let file = SourceFile {
            rel: "van-ban/a.yaml".into(),
            text: "so: 3\nghi_chu:\n  - x\ntrich_yeu: Đôn đốc\n".into(),
        };
        let parsed = parse::<Doc>(&file);
        assert_eq!(parsed.diags.len(), 1);
        assert_eq!(parsed.value.map(|d| d.so), Some(3));
        // A key missing with nothing misspelt for it is a mistake of its own.
        let file = SourceFile {
            rel: "van-ban/a.yaml".into(),
            text: "so: 3\n".into(),
        };
        let parsed = parse::<Doc>(&file);
        assert_eq!(parsed.diags.len(), 1);
        assert!(
            parsed.diags[0]
                .render(crate::diag::Lang::Vi, None)
                .contains("trich_yeu"),
            "{:?}",
            parsed.diags
        );
    }

    #[test]
    fn a_quote_is_opened_only_outside_comments_and_other_quotes() {
        let open = |line: &str| open_quote_before(&format!("{line}\nz: 1\n"), at(2, 1));
        // A `#` inside a quote is text; after a letter it is text; after a space, a comment.
        assert_eq!(open("a: \"x #1\" và \"mở"), Some(at(1, 14)));
        assert_eq!(open("a: x#y \"z"), Some(at(1, 8)));
        assert_eq!(open("a: x #y \"z"), None);
        assert_eq!(open("# \"ghi chú"), None);
        // An apostrophe inside a double-quoted value opens no single quote.
        assert_eq!(open("a: \"it's\" \"x"), Some(at(1, 11)));
        assert_eq!(open("a: 'say \"hi' \"x"), Some(at(1, 14)));
    }

    #[test]
    fn the_words_of_a_message_and_where_they_stand() {
        let text = "a: 1\n\tb: 2\nc:\t3\nso_ban: ba # ghi chú\n  - trich_yeu:\n";
        assert_eq!(first_tab_from(text, at(1, 1)), Some(at(2, 1)));
        assert_eq!(first_tab_from(text, at(2, 2)), Some(at(3, 3)));
        assert_eq!(first_tab_from(text, at(3, 1)), Some(at(3, 3)));
        assert_eq!(
            first_tab_from(text, at(3, 3)),
            Some(at(3, 3)),
            "the tab itself"
        );
        assert_eq!(first_tab_from(text, at(3, 4)), None);
        assert_eq!(key_before(text, at(4, 9)).as_deref(), Some("so_ban"));
        assert_eq!(key_before(text, at(5, 14)).as_deref(), Some("trich_yeu"));
        assert_eq!(key_before(text, at(2, 1)), None, "no colon yet");
        assert_eq!(key_before(": x\n", at(1, 3)), None, "no key");
        assert_eq!(token_at(text, at(4, 9)), "ba");
        assert_eq!(token_at(text, at(9, 1)), "");
        for (serde, vi) in [
            ("u16", "một số nguyên dương (ví dụ `5`)"),
            ("u32", "một số nguyên dương (ví dụ `5`)"),
            ("u64", "một số nguyên dương (ví dụ `5`)"),
            ("an integer", "một số nguyên dương (ví dụ `5`)"),
            (
                "a sequence",
                "một danh sách, mỗi mục một dòng bắt đầu bằng `- `",
            ),
            (
                "Vec<String>",
                "một danh sách, mỗi mục một dòng bắt đầu bằng `- `",
            ),
            ("a string", "một đoạn văn bản"),
            ("&str", "một đoạn văn bản"),
            (
                "struct Doc",
                "một mục gồm các dòng `khóa: giá trị` thụt vào",
            ),
            ("a map", "một mục gồm các dòng `khóa: giá trị` thụt vào"),
            ("a boolean", "a boolean"),
        ] {
            assert_eq!(expected_words(serde).0, vi, "{serde}");
        }
        assert_eq!(
            found_words("string, sequence, map, integer, floating point, unit value"),
            "văn bản, danh sách, mục khóa: giá trị, số, số thập phân, giá trị rỗng"
        );
    }

    #[test]
    fn the_open_quote_is_the_last_line_with_an_odd_count() {
        let text =
            "a: \"x\"\nb: \"Thử nghiệm\nc: it's \"q\" # \"\nd: 'say \"hi'\ne: |\n  x\nf: \"Lưu\"\n";
        assert_eq!(open_quote_before(text, at(7, 4)), Some(at(2, 4)));
        assert_eq!(open_quote_before(text, at(2, 4)), None, "nothing before");
        assert_eq!(
            open_quote_before("a: \"x \\\" y\"\nb: \"z\"\n", at(2, 4)),
            None,
            "an escaped quote does not close"
        );
    }
}
