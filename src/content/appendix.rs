//! A document's phụ lục: a table, an assignment table (bảng phân công) or Markdown, and the
//! cells a clerk writes in them (thời hạn, chủ trì, công chức tham mưu).

use super::cx::{Cx, is_id, pos_of};
use super::raw::{self, S};
use std::collections::{BTreeMap, HashMap};

use crate::diag::Code;
use crate::markdown;
use crate::model::autofit;
use crate::model::*;
use crate::vn;

impl Cx<'_> {
    pub(super) fn appendix(
        &mut self,
        raw: &raw::AppendixRaw,
        index: usize,
        count: usize,
        issuer: &Issuer,
    ) -> Appendix {
        let label = if count == 1 {
            "Phụ lục".to_string()
        } else {
            format!("Phụ lục {}", vn::roman(index as u32 + 1))
        };
        let title = vn::upper(&self.nonempty(&raw.tieu_de, "Tiêu đề phụ lục", "Appendix title"));
        let landscape = raw
            .huong
            .as_ref()
            .and_then(|h| self.choice(h, "huong", &[("ngang", true), ("doc", false)]));
        let given = [
            raw.bang_phan_cong.is_some(),
            raw.bang.is_some(),
            raw.noi_dung.is_some(),
        ];
        if given.iter().filter(|g| **g).count() != 1 {
            self.error(
                Code::AppendixContent,
                pos_of(&raw.tieu_de),
                "Mỗi phụ lục cần đúng một trong ba mục: `bang_phan_cong`, `bang` hoặc `noi_dung`."
                    .into(),
                "Each appendix needs exactly one of `bang_phan_cong`, `bang` or `noi_dung`.".into(),
                None,
            );
        }
        let content = if let Some(t) = &raw.bang_phan_cong {
            AppendixContent::Assignments {
                table: self.assignment_table(t, issuer),
            }
        } else if let Some(t) = &raw.bang {
            AppendixContent::Table {
                table: self.table(t),
            }
        } else if let Some(md) = &raw.noi_dung {
            AppendixContent::Text {
                blocks: markdown::blocks(&self.markdown_text(md)),
            }
        } else {
            AppendixContent::Text { blocks: Vec::new() }
        };
        let wide = match &content {
            AppendixContent::Assignments { .. } => true,
            AppendixContent::Table { table } => table.header.len() >= 5,
            AppendixContent::Text { blocks } => blocks
                .iter()
                .any(|b| matches!(b, markdown::Block::Table { header, .. } if header.len() >= 5)),
        };
        let landscape = landscape.unwrap_or(wide);
        let mut content = content;
        // Tables sized by their content across the page's text area.
        let total = autofit::print_width(landscape);
        if let Ok(m) = crate::render::docx::measure::Metrics::new() {
            let measure = |t: &str, bold: bool| m.width(t, 12.0, bold);
            match &mut content {
                AppendixContent::Table { table } => autofit::fit(table, total, &measure),
                AppendixContent::Assignments { table } => {
                    table.widths = autofit::fit_assignments(table, total, &measure);
                }
                AppendixContent::Text { .. } => {}
            }
        }
        Appendix {
            label,
            title,
            landscape,
            content,
        }
    }

    /// The "(Kèm theo …)" line: written by hand, or composed naming the authority that
    /// signs. A decision the Chủ tịch signs in his own name ("CHỦ TỊCH ỦY BAN NHÂN DÂN …",
    /// signature not "TM. …") is the Chủ tịch's: "của Chủ tịch Ủy ban nhân dân …".
    pub(super) fn attached(
        &mut self,
        raw: &raw::DocumentFile,
        decision: Option<&DecisionPreamble>,
        signer: &Signer,
        issuer: &Issuer,
    ) -> Attached {
        if let Some(line) = &raw.dong_kem_theo {
            let line = self.nonempty(line, "Dòng kèm theo", "Appendix line");
            let line = line.trim().trim_start_matches('(').trim_end_matches(')');
            return Attached::Written {
                line: format!("({line})"),
            };
        }
        let collective = signer
            .lines
            .first()
            .is_some_and(|l| l.trim_start().starts_with("TM."));
        let by = match decision {
            Some(d) if !collective => authority_name(&d.authority, &issuer.full_name),
            _ => issuer.full_name.clone(),
        };
        Attached::Composed {
            by,
            blanks: raw.kem_theo_de_trong,
        }
    }

    fn table(&mut self, raw: &raw::TableRaw) -> Table {
        let header: Vec<String> = raw
            .cot
            .iter()
            .map(|c| self.text(c).trim().to_string())
            .collect();
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut styled = Vec::new();
        let mut group_rows = Vec::new();
        for row in &raw.dong {
            let spanned = |value: &String| S {
                value: value.clone(),
                referenced: row.referenced,
                defined: row.defined,
            };
            let cells = match &row.value {
                raw::RowRaw::Group(g) => {
                    let text = self.text(&spanned(&g.nhom)).trim().to_string();
                    group_rows.push(GroupRow {
                        before: rows.len(),
                        text: markdown::inline(&text),
                    });
                    continue;
                }
                raw::RowRaw::Cells(cells) => cells,
            };
            if cells.len() != header.len() {
                self.table_shape(row, cells.len(), header.len());
            }
            let cells: Vec<String> = cells
                .iter()
                .map(|c| self.text(&spanned(c)).trim().to_string())
                .collect();
            styled.push(cells.iter().map(|c| markdown::inline(c)).collect());
            rows.push(
                cells
                    .iter()
                    .map(|c| markdown::plain(&markdown::inline(c)))
                    .collect(),
            );
        }
        // Markdown only where a clerk wrote some: the plain cells then print as they are.
        let plain = |r: &Vec<Vec<Inline>>| {
            r.iter()
                .all(|c| matches!(c.as_slice(), [] | [Inline::Text { .. }]))
        };
        if styled.iter().all(plain) && group_rows.is_empty() {
            styled.clear();
        }
        // Numbers right-aligned: a column whose every filled cell is a number, STT aside.
        let numeric = (0..header.len())
            .map(|i| {
                !autofit::ordinal(&header[i])
                    && rows.iter().any(|r| r.get(i).is_some_and(|c| !c.is_empty()))
                    && rows
                        .iter()
                        .filter_map(|r| r.get(i))
                        .all(|c| c.is_empty() || is_number(c))
            })
            .collect();
        let widths = match &raw.rong_cot {
            Some(w) if w.value.len() != header.len() => {
                self.table_shape(w, w.value.len(), header.len());
                Vec::new()
            }
            Some(w) => w.value.clone(),
            None => Vec::new(),
        };
        Table {
            header,
            groups: Vec::new(),
            rows,
            numeric,
            widths,
            group_rows,
            styled,
        }
    }

    fn table_shape<T>(&mut self, at: &S<T>, got: usize, columns: usize) {
        self.error(
            Code::TableShape,
            pos_of(at),
            format!("Dòng này có {got} ô nhưng bảng có {columns} cột."),
            format!("This row has {got} cells but the table has {columns} columns."),
            Some((
                "Thêm hoặc bớt ô cho đủ số cột; ô trống viết \"\".".into(),
                "Add or remove cells; write \"\" for an empty one.".into(),
            )),
        );
    }

    fn assignment_table(
        &mut self,
        raw: &raw::AssignmentTableRaw,
        issuer: &Issuer,
    ) -> AssignmentTable {
        let columns = self.column_titles(raw);

        // Code → line of first use, across the whole table.
        let mut seen: BTreeMap<String, u32> = BTreeMap::new();
        let mut areas = Vec::new();
        for (ai, area) in raw.linh_vuc.iter().enumerate() {
            let numeral = vn::roman(ai as u32 + 1);
            let name = vn::upper(&self.nonempty(&area.ten, "Tên lĩnh vực", "Area name"));
            let mut rows = Vec::new();
            // Last code seen under each parent, to spot gaps in numbering.
            let mut last_child: HashMap<Vec<u32>, u32> = HashMap::new();
            for row in &area.tieu_chi {
                let code = self.text(&row.ma).trim().to_string();
                self.criterion_code(&code, pos_of(&row.ma), ai, &mut last_child, &mut seen);

                let criterion = self.nonempty(&row.noi_dung, "Nội dung tiêu chí", "Criterion text");
                let header_only = row.yeu_cau.is_none();
                let requirement = row
                    .yeu_cau
                    .as_ref()
                    .map(|s| self.text(s).trim().to_string())
                    .unwrap_or_default();
                let deadline = row.thoi_han.as_ref().and_then(|d| self.deadline(d));
                let lead = row.chu_tri.as_ref().map(|l| self.lead(l, issuer));
                let staff = row
                    .tham_muu
                    .iter()
                    .map(|s| self.staff_ref(s, issuer))
                    .collect();
                rows.push(Assignment {
                    code,
                    criterion,
                    header_only,
                    requirement,
                    deadline,
                    lead,
                    staff,
                });
            }
            areas.push(Area {
                numeral,
                name,
                rows,
            });
        }
        AssignmentTable {
            columns,
            areas,
            widths: Vec::new(),
        }
    }

    /// A criterion code checked where it is written: numbers and dots, under its own area,
    /// following the code before it under the same parent, and used once in the table.
    /// `last_child` holds the last code under each parent in this area, `seen` the line of
    /// each code's first use in the whole table.
    fn criterion_code(
        &mut self,
        code: &str,
        at: Option<crate::diag::Pos>,
        area_index: usize,
        last_child: &mut HashMap<Vec<u32>, u32>,
        seen: &mut BTreeMap<String, u32>,
    ) {
        let ai = area_index;
        let numeral = vn::roman(ai as u32 + 1);
        let segments: Option<Vec<u32>> = code.split('.').map(|p| p.parse::<u32>().ok()).collect();
        match segments {
            None => self.error(
                Code::BadId,
                at,
                format!("Mã tiêu chí \"{code}\" không hợp lệ."),
                format!("Criterion code \"{code}\" is invalid."),
                Some((
                    "Viết các số cách nhau bằng dấu chấm, đặt trong ngoặc kép: `ma: \"3.2.2\"`."
                        .into(),
                    "Write numbers separated by dots, quoted: `ma: \"3.2.2\"`.".into(),
                )),
            ),
            Some(seg) => {
                if seg[0] != ai as u32 + 1 {
                    self.warn(Code::CriterionOrder,
                        at,
                        format!("Mã \"{code}\" nằm trong lĩnh vực {numeral}, nhưng bắt đầu bằng {} thay vì {}.", seg[0], ai + 1),
                        format!("Code \"{code}\" is under area {numeral} but starts with {} instead of {}.", seg[0], ai + 1),
                        None,
                    );
                }
                let parent = seg[..seg.len() - 1].to_vec();
                let last = *seg.last().unwrap_or(&0);
                let expected = last_child.get(&parent).map_or(1, |n| n + 1);
                if seg.len() > 1 && last > expected {
                    let missing: Vec<String> = (expected..last)
                        .map(|n| {
                            let mut s: Vec<String> = parent.iter().map(u32::to_string).collect();
                            s.push(n.to_string());
                            s.join(".")
                        })
                        .collect();
                    self.warn(
                        Code::CriterionOrder,
                        at,
                        format!("Mã \"{code}\" nhảy số: không có {}.", missing.join(", ")),
                        format!("Code \"{code}\" skips {}.", missing.join(", ")),
                        None,
                    );
                }
                last_child.insert(parent, last);
            }
        }
        if let Some(first) = seen.get(code) {
            self.error(
                Code::DuplicateId,
                at,
                format!("Mã tiêu chí \"{code}\" bị trùng (đã dùng ở dòng {first})."),
                format!("Criterion code \"{code}\" is duplicated (first used on line {first})."),
                Some((
                    "Mỗi tiêu chí một mã riêng; kiểm tra lại số thứ tự.".into(),
                    "Give each criterion its own code.".into(),
                )),
            );
        } else {
            seen.insert(code.to_string(), at.map_or(0, |p| p.line));
        }
    }

    /// The table's column titles: the standard ones, each replaced where `tieu_de_cot`
    /// gives its own.
    fn column_titles(&mut self, raw: &raw::AssignmentTableRaw) -> Columns {
        let mut columns = Columns::default();
        if let Some(c) = &raw.tieu_de_cot {
            let slots: [(&Option<S<String>>, &mut String); 7] = [
                (&c.stt, &mut columns.stt),
                (&c.tieu_chi, &mut columns.criterion),
                (&c.yeu_cau, &mut columns.requirement),
                (&c.thoi_han, &mut columns.deadline),
                (&c.phan_cong, &mut columns.assignment),
                (&c.chu_tri, &mut columns.lead),
                (&c.tham_muu, &mut columns.staff),
            ];
            for (given, slot) in slots {
                if let Some(s) = given {
                    *slot = self.text(s).trim().to_string();
                }
            }
        }
        columns
    }

    fn deadline(&mut self, s: &S<String>) -> Option<Deadline> {
        let t = self.text(s).trim().to_string();
        if t.is_empty() {
            return None;
        }
        let looks_like_date = t
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == '/');
        if looks_like_date {
            let d = self.date(s)?;
            return Some(Deadline {
                text: d.short(),
                due: d.day.map(|_| d),
            });
        }
        match super::deadline::parse(&t) {
            Ok(due) => Some(Deadline {
                due: match due {
                    super::deadline::Due::On(d) => Some(d),
                    super::deadline::Due::Recurring | super::deadline::Due::Unstated => None,
                },
                text: t,
            }),
            Err(super::deadline::Problem::NoSuchDay(bad)) => {
                self.error(
                    Code::Deadline,
                    pos_of(s),
                    format!("Thời hạn \"{t}\" có ngày \"{bad}\" không có thật trên lịch."),
                    format!("Deadline \"{t}\" contains \"{bad}\", which is not a real date."),
                    Some((
                        "Sửa lại ngày, ví dụ `30/6/2026`.".into(),
                        "Correct the date, e.g. `30/6/2026`.".into(),
                    )),
                );
                None
            }
            Err(super::deadline::Problem::Unreadable) => {
                let (vi, en) = super::deadline::FORMS;
                self.error(
                    Code::Deadline,
                    pos_of(s),
                    format!("Thời hạn \"{t}\" không đọc được thành một ngày cụ thể."),
                    format!("Deadline \"{t}\" cannot be read as a date."),
                    Some((
                        format!("Viết theo một trong các dạng: {vi}."),
                        format!("Write it in one of these forms: {en}."),
                    )),
                );
                None
            }
        }
    }

    fn lead(&mut self, s: &S<String>, issuer: &Issuer) -> String {
        let t = self.text(s).trim().to_string();
        if let Some(u) = issuer.units.iter().find(|u| u.code == t) {
            return u.name.clone();
        }
        if t == issuer.code {
            return issuer.short_name.clone();
        }
        let code_like = !t.is_empty() && t.len() <= 8 && t.chars().all(|c| c.is_ascii_uppercase());
        if code_like {
            let known: Vec<&str> = issuer.units.iter().map(|u| u.code.as_str()).collect();
            self.unknown_ref(pos_of(s), &t, &known, "đơn vị", "unit", "don_vi");
        }
        t
    }

    fn staff_ref(&mut self, s: &S<String>, issuer: &Issuer) -> StaffRef {
        let t = self.text(s).trim().to_string();
        if !is_id(&t) {
            return StaffRef { id: None, text: t };
        }
        match issuer.staff.iter().find(|p| p.id == t) {
            Some(p) => StaffRef {
                id: Some(p.id.clone()),
                text: format!("{} ({})", p.name, p.title),
            },
            None => {
                let known: Vec<&str> = issuer.staff.iter().map(|p| p.id.as_str()).collect();
                self.unknown_ref(pos_of(s), &t, &known, "cán bộ", "staff member", "can_bo");
                StaffRef { id: None, text: t }
            }
        }
    }
}

/// "12", "1.250", "3,5", "85%", "-4": a figure, printed right-aligned.
fn is_number(cell: &str) -> bool {
    let t = cell.trim().trim_end_matches('%').trim();
    let t = t.strip_prefix('-').unwrap_or(t);
    !t.is_empty()
        && t.chars().next().is_some_and(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// The authority of a decision's line as it reads in running text: "CHỦ TỊCH ỦY BAN NHÂN DÂN
/// XÃ HÒA SƠN" with the issuer "Ủy ban nhân dân xã Hòa Sơn" is "Chủ tịch Ủy ban nhân dân xã
/// Hòa Sơn"; the body's own name in capitals is the body.
pub fn authority_name(authority: &str, full_name: &str) -> String {
    let authority = authority.trim();
    let body = vn::upper(full_name);
    let title = authority
        .strip_suffix(body.as_str())
        .map(str::trim)
        .or_else(|| {
            // "CHỦ TỊCH ỦY BAN NHÂN DÂN" without the place: the title is what precedes the
            // body's generic name.
            ["ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN"]
                .iter()
                .find_map(|g| authority.find(g).map(|i| authority[..i].trim()))
        })
        .unwrap_or("");
    if title.is_empty() {
        return full_name.to_string();
    }
    let lower = title.to_lowercase();
    let mut chars = lower.chars();
    let first: String = chars
        .next()
        .map(|c| vn::upper(&c.to_string()))
        .unwrap_or_default();
    format!("{first}{} {full_name}", chars.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::fixtures::{ISSUER, PLAN, check};

    /// The fixture plan with its phụ lục replaced by `appendices` (YAML under `phu_luc:`):
    /// its appendices, and every message.
    fn appendices(appendices: &str) -> (Vec<Appendix>, Vec<String>) {
        let head = &PLAN[..PLAN.find("phu_luc:").expect("the plan has phụ lục")];
        let text = format!("{head}phu_luc:\n{appendices}");
        let (site, messages) = check(ISSUER, &[("kh.yaml", &text)]);
        let docs = site.map(|s| s.documents).unwrap_or_default();
        (
            docs.into_iter().flat_map(|d| d.appendices).collect(),
            messages,
        )
    }

    /// Appendices of the fixture plan's table with `rows` (YAML lines under `tieu_chi:`).
    fn assignment_rows(rows: &str) -> (Vec<Assignment>, Vec<String>) {
        let (apps, messages) = appendices(&format!(
            "  - tieu_de: Phân công\n    bang_phan_cong:\n      linh_vuc:\n        - ten: Chỉ đạo\n          tieu_chi:\n{rows}"
        ));
        let rows = apps
            .into_iter()
            .filter_map(|a| match a.content {
                AppendixContent::Assignments { table } => Some(table),
                _ => None,
            })
            .flat_map(|t| t.areas)
            .flat_map(|a| a.rows)
            .collect();
        (rows, messages)
    }

    fn table(a: &Appendix) -> &Table {
        match &a.content {
            AppendixContent::Table { table } => table,
            _ => panic!("not a table: {}", a.title),
        }
    }

    #[test]
    fn a_figure_is_a_number_however_the_office_writes_it() {
        for figure in ["12", "1.250", "3,5", "85%", "85 %", "-4", " 7 "] {
            assert!(is_number(figure), "{figure}");
        }
        for words in ["", "%", "-", "x1", "1a", ".5", "1/2", "Quý I"] {
            assert!(!is_number(words), "{words}");
        }
    }

    #[test]
    fn appendices_are_numbered_when_there_are_several_and_turned_for_wide_tables() {
        let row = |n: usize| format!("[{}]", vec!["\"1\""; n].join(", "));
        let bang = |n: usize, extra: &str| {
            format!(
                "  - tieu_de: Bảng {n} cột\n{extra}    bang:\n      cot: [{}]\n      dong:\n        - {}\n",
                (1..=n)
                    .map(|i| format!("\"Cột {i}\""))
                    .collect::<Vec<_>>()
                    .join(", "),
                row(n)
            )
        };
        let (apps, _) = appendices(&bang(4, ""));
        let shown: Vec<(&str, bool)> = apps
            .iter()
            .map(|a| (a.label.as_str(), a.landscape))
            .collect();
        assert_eq!(shown, [("Phụ lục", false)]);
        let (apps, _) = appendices(&format!(
            "{}{}{}{}",
            bang(4, ""),
            bang(5, ""),
            bang(5, "    huong: doc\n"),
            "  - tieu_de: Ghi chú\n    noi_dung: |\n      | a | b | c | d | e |\n      |---|---|---|---|---|\n      | 1 | 2 | 3 | 4 | 5 |\n"
        ));
        let shown: Vec<(&str, &str, bool)> = apps
            .iter()
            .map(|a| (a.label.as_str(), a.title.as_str(), a.landscape))
            .collect();
        assert_eq!(
            shown,
            [
                ("Phụ lục I", "BẢNG 4 CỘT", false),
                ("Phụ lục II", "BẢNG 5 CỘT", true),
                ("Phụ lục III", "BẢNG 5 CỘT", false),
                ("Phụ lục IV", "GHI CHÚ", true),
            ]
        );
    }

    #[test]
    fn a_table_row_or_width_list_of_the_wrong_length_is_named_where_it_is() {
        let text = "  - tieu_de: Số liệu\n    bang:\n      cot: [STT, Nội dung, Số lượng]\n      rong_cot: [40, 0]\n      dong:\n        - [\"1\", Hồ sơ, \"12\"]\n        - [\"2\", Văn bản]\n";
        let (apps, messages) = appendices(text);
        assert_eq!(
            messages,
            [
                "lỗi[E0411]: van-ban/kh.yaml:20:11: Dòng này có 2 ô nhưng bảng có 3 cột.\n  cách sửa: Thêm hoặc bớt ô cho đủ số cột; ô trống viết \"\".",
                "lỗi[E0411]: van-ban/kh.yaml:17:17: Dòng này có 2 ô nhưng bảng có 3 cột.\n  cách sửa: Thêm hoặc bớt ô cho đủ số cột; ô trống viết \"\".",
            ]
        );
        // A list of the wrong length is set aside: STT is sized by its content, not 40 mm.
        let mm40 = 40.0 * 72.0 / 25.4;
        assert!(
            table(&apps[0]).widths[0] < mm40 / 2.0,
            "{:?}",
            table(&apps[0]).widths
        );
        let (apps, _) = appendices(&text.replace("rong_cot: [40, 0]", "rong_cot: [40, 0, 0]"));
        assert!((table(&apps[0]).widths[0] - mm40).abs() < 0.01);
    }

    #[test]
    fn only_columns_of_figures_are_numeric_and_markdown_is_kept_only_where_written() {
        let text = "  - tieu_de: Số liệu\n    bang:\n      cot: [STT, Nội dung, Số lượng, Tỷ lệ, Ghi chú, Trống]\n      dong:\n        - [\"1\", Hồ sơ, \"1.250\", \"85%\", \"12\", \"\"]\n        - [\"2\", Văn bản, \"\", \"3,5\", Xong, \"\"]\n";
        let (apps, messages) = appendices(text);
        assert!(messages.is_empty(), "{messages:#?}");
        let t = table(&apps[0]);
        assert_eq!(t.numeric, [false, false, true, true, false, false]);
        assert!(t.styled.is_empty(), "plain cells print as they are");
        let text = text.replace("Văn bản", "\"**Văn bản**\"");
        let (apps, _) = appendices(&text);
        let t = table(&apps[0]);
        assert_eq!(t.styled.len(), 2);
        assert_eq!(t.rows[1][1], "Văn bản");
    }

    #[test]
    fn criterion_codes_follow_their_area_and_each_other() {
        let row = |code: &str| {
            format!(
                "            - ma: \"{code}\"\n              noi_dung: Việc {code}\n              yeu_cau: Xong\n"
            )
        };
        let rows = [row("1.1"), row("1.3"), row("2.1"), row("1.3"), row("x.1")].concat();
        let (got, messages) = assignment_rows(&rows);
        assert_eq!(got.len(), 5);
        let line = |n: usize| 19 + 3 * n;
        assert_eq!(
            messages,
            [
                format!(
                    "cảnh báo[W0404]: van-ban/kh.yaml:{}:19: Mã \"1.3\" nhảy số: không có 1.2.",
                    line(1)
                ),
                format!(
                    "cảnh báo[W0404]: van-ban/kh.yaml:{}:19: Mã \"2.1\" nằm trong lĩnh vực I, nhưng bắt đầu bằng 2 thay vì 1.",
                    line(2)
                ),
                format!(
                    "lỗi[E0303]: van-ban/kh.yaml:{}:19: Mã tiêu chí \"1.3\" bị trùng (đã dùng ở dòng {}).\n  cách sửa: Mỗi tiêu chí một mã riêng; kiểm tra lại số thứ tự.",
                    line(3),
                    line(1)
                ),
                format!(
                    "lỗi[E0302]: van-ban/kh.yaml:{}:19: Mã tiêu chí \"x.1\" không hợp lệ.\n  cách sửa: Viết các số cách nhau bằng dấu chấm, đặt trong ngoặc kép: `ma: \"3.2.2\"`.",
                    line(4)
                ),
            ]
        );
        // A heading row (no yêu cầu) is no task; numbering restarts under each parent.
        let rows = "            - ma: \"1\"\n              noi_dung: Nhóm\n".to_string()
            + &row("1.1")
            + &row("1.1.1")
            + &row("1.1.2")
            + &row("1.2");
        let (got, messages) = assignment_rows(&rows);
        assert!(messages.is_empty(), "{messages:#?}");
        let heads: Vec<bool> = got.iter().map(|r| r.header_only).collect();
        assert_eq!(heads, [true, false, false, false, false]);
    }

    #[test]
    fn deadlines_leads_and_staff_are_read_as_the_office_writes_them() {
        let row = |code: &str, cells: &str| {
            format!(
                "            - ma: \"{code}\"\n              noi_dung: Việc\n              yeu_cau: Xong\n{cells}"
            )
        };
        let rows = [
            row("1.1", "              thoi_han: 2026-02-15\n              chu_tri: VP\n              tham_muu: [vp-hoa, Các thôn]\n"),
            row("1.2", "              thoi_han: Quý II/2026\n              chu_tri: UBND\n"),
            row("1.3", "              thoi_han: Thường xuyên\n              chu_tri: Công an xã\n"),
            row("1.4", "              thoi_han: 15/3/2026\n              chu_tri: HOIDONGXAX\n"),
        ]
        .concat();
        let (got, messages) = assignment_rows(&rows);
        assert!(messages.is_empty(), "{messages:#?}");
        let d = |s: &str| crate::vn::Date::parse(s).ok();
        let seen: Vec<(&str, Option<crate::vn::Date>, &str)> = got
            .iter()
            .map(|r| {
                let deadline = r.deadline.as_ref().expect("a deadline");
                (
                    deadline.text.as_str(),
                    deadline.due,
                    r.lead.as_deref().expect("a lead"),
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                ("15/02/2026", d("2026-02-15"), "Văn phòng HĐND và UBND"),
                (
                    "Quý II/2026",
                    d("2026-06-30"),
                    "Ủy ban nhân dân xã Thử Nghiệm"
                ),
                ("Thường xuyên", None, "Công an xã"),
                ("15/03/2026", d("2026-03-15"), "HOIDONGXAX"),
            ]
        );
        let staff: Vec<(Option<&str>, &str)> = got[0]
            .staff
            .iter()
            .map(|s| (s.id.as_deref(), s.text.as_str()))
            .collect();
        assert_eq!(
            staff,
            [
                (
                    Some("vp-hoa"),
                    "Trần Thị Hoa (Chánh Văn phòng HĐND và UBND)"
                ),
                (None, "Các thôn")
            ]
        );
        // Written like codes and ids, but none the issuer has; and dates that are none.
        let rows = [
            row("1.1", "              thoi_han: 2026-02-30\n              chu_tri: VPP\n              tham_muu: [vp-hao]\n"),
            row("1.2", "              thoi_han: 30/2/2026 hoặc sớm hơn\n"),
            row("1.3", "              thoi_han: Quý V/2026\n"),
        ]
        .concat();
        let (got, messages) = assignment_rows(&rows);
        let words: Vec<&str> = messages
            .iter()
            .map(|m| {
                m.split_once(": ")
                    .map_or("", |(_, w)| w)
                    .lines()
                    .next()
                    .unwrap_or("")
            })
            .collect();
        assert_eq!(
            words,
            [
                "van-ban/kh.yaml:22:25: Ngày \"2026-02-30\" không có thật trên lịch.",
                "van-ban/kh.yaml:23:24: Không có đơn vị nào mang mã `VPP`.",
                "van-ban/kh.yaml:24:26: Không có cán bộ nào mang mã `vp-hao`.",
                "van-ban/kh.yaml:28:25: Thời hạn \"30/2/2026 hoặc sớm hơn\" có ngày \"30/2/2026\" không có thật trên lịch.",
                "van-ban/kh.yaml:32:25: Thời hạn \"Quý V/2026\" không đọc được thành một ngày cụ thể.",
            ]
        );
        assert!(got.iter().all(|r| r.deadline.is_none()));
    }

    #[test]
    fn the_appendix_line_names_who_signs_the_decision() {
        use crate::content::fixtures::DECISION;
        let by = |text: &str| {
            let (site, messages) = check(ISSUER, &[("qd.yaml", text)]);
            assert!(messages.is_empty(), "{messages:#?}");
            match &site.expect("loads").documents[0].attached {
                Attached::Composed { by, .. } => by.clone(),
                Attached::Written { line } => panic!("written: {line}"),
            }
        };
        // In the Chủ tịch's own name: the Chủ tịch's decision.
        assert_eq!(by(DECISION), "Chủ tịch Ủy ban nhân dân xã Thử Nghiệm");
        // Signed on behalf of the committee (TM.): the committee's, whatever the line above.
        let collective = DECISION.replace(
            "  chuc_danh:\n    - CHỦ TỊCH",
            "  chuc_danh:\n    - TM. ỦY BAN NHÂN DÂN\n    - CHỦ TỊCH",
        );
        assert_ne!(collective, DECISION);
        assert_eq!(by(&collective), "Ủy ban nhân dân xã Thử Nghiệm");
    }

    #[test]
    fn each_area_numbers_its_headings_from_its_own_numeral() {
        let (apps, messages) = appendices(concat!(
            "  - tieu_de: Phân công\n    bang_phan_cong:\n      linh_vuc:\n",
            "        - ten: Chỉ đạo\n          tieu_chi:\n",
            "            - ma: \"1\"\n              noi_dung: Nhóm một\n",
            "            - ma: \"1.1\"\n              noi_dung: Việc\n              yeu_cau: Xong\n",
            "        - ten: Thể chế\n          tieu_chi:\n",
            "            - ma: \"2\"\n              noi_dung: Nhóm hai\n",
            "            - ma: \"2.1\"\n              noi_dung: Việc\n              yeu_cau: Xong\n",
        ));
        assert!(messages.is_empty(), "{messages:#?}");
        let AppendixContent::Assignments { table } = &apps[0].content else {
            panic!("an assignment table")
        };
        let numerals: Vec<&str> = table.areas.iter().map(|a| a.numeral.as_str()).collect();
        assert_eq!(numerals, ["I", "II"]);
    }

    #[test]
    fn column_titles_are_the_standard_ones_unless_the_office_gives_its_own() {
        let (apps, _) = appendices(
            "  - tieu_de: Phân công\n    bang_phan_cong:\n      tieu_de_cot:\n        thoi_han: Thời gian hoàn thành\n      linh_vuc:\n        - ten: Chỉ đạo\n          tieu_chi:\n            - ma: \"1.1\"\n              noi_dung: Việc\n              yeu_cau: Xong\n",
        );
        let AppendixContent::Assignments { table } = &apps[0].content else {
            panic!("an assignment table")
        };
        let standard = Columns::default();
        assert_eq!(table.columns.deadline, "Thời gian hoàn thành");
        assert_eq!(table.columns.criterion, standard.criterion);
        assert_eq!(table.columns.lead, standard.lead);
    }

    #[test]
    fn a_chu_tich_decision_names_the_chu_tich() {
        let body = "Ủy ban nhân dân xã Hòa Sơn";
        assert_eq!(
            authority_name("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÒA SƠN", body),
            "Chủ tịch Ủy ban nhân dân xã Hòa Sơn"
        );
        assert_eq!(authority_name("ỦY BAN NHÂN DÂN XÃ HÒA SƠN", body), body);
        assert_eq!(
            authority_name("CHỦ TỊCH ỦY BAN NHÂN DÂN", body),
            "Chủ tịch Ủy ban nhân dân xã Hòa Sơn"
        );
        assert_eq!(
            authority_name(
                "GIÁM ĐỐC SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
                "Sở Nông nghiệp và Môi trường"
            ),
            "Giám đốc Sở Nông nghiệp và Môi trường"
        );
    }
}
