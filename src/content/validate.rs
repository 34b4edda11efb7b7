//! Raw YAML → model, applying every rule once and collecting every problem.

use std::collections::HashMap;
use std::path::Path;

use super::SourceFile;
use super::cx::{Coverage, Cx, is_id, pos_of, slug, slug_problem};
use super::raw::{self, S};
use super::yaml;
use crate::diag::{Code, Diagnostic, Diagnostics, Pos, Text};
use crate::markdown;
use crate::model::*;
use crate::suggest;
use crate::vn;

pub(crate) struct SiteResult {
    pub site: Option<Site>,
    pub diags: Diagnostics,
}

pub(crate) fn site(
    issuer_file: &SourceFile,
    document_files: &[SourceFile],
    result_files: &super::results::Files,
    coverage: &Coverage,
) -> SiteResult {
    let mut diags = Diagnostics::default();
    let parsed = yaml::parse::<raw::IssuerFile>(issuer_file);
    parsed.diags.into_iter().for_each(|d| diags.push(d));
    let issuer = parsed.value.map(|raw| {
        let mut cx = Cx::new(issuer_file, coverage);
        let issuer = cx.issuer(raw);
        diags.extend(cx.diags);
        issuer
    });

    let mut documents = Vec::new();
    // Reports that take their tables from a results period: (slug, file, period id).
    let mut report_links = Vec::new();
    // Where each document's `so:` is written, to point at it when it repeats another's.
    let mut number_at: HashMap<String, Pos> = HashMap::new();
    for file in document_files {
        let parsed = yaml::parse::<raw::DocumentFile>(file);
        parsed.diags.into_iter().for_each(|d| diags.push(d));
        let Some(raw) = parsed.value else {
            continue;
        };
        // Without a valid issuer, documents are still checked for their own problems.
        let fallback;
        let issuer_ref = match &issuer {
            Some(i) => i,
            None => {
                fallback = placeholder_issuer();
                &fallback
            }
        };
        let link = raw.ky_bao_cao.clone();
        let at = raw.so.as_ref().and_then(pos_of);
        let mut cx = Cx::new(file, coverage);
        cx.issuer_unknown = issuer.is_none();
        let doc = cx.document(raw, issuer_ref);
        diags.extend(cx.diags);
        if let Some(doc) = doc {
            if let Some(at) = at {
                number_at.insert(doc.slug.clone(), at);
            }
            if let Some(link) = link {
                report_links.push((doc.slug.clone(), file.rel.clone(), link));
            }
            documents.push(doc);
        }
    }
    check_unique_documents(&documents, &number_at, &mut diags);
    documents.sort_by(|a, b| (b.date.0, &b.number, &a.slug).cmp(&(a.date.0, &a.number, &b.slug)));

    let site = issuer.map(|issuer| {
        let (results, rdiags) =
            super::results::results(result_files, &documents, &issuer, coverage);
        diags.extend(rdiags);
        let mut documents = documents;
        for (slug, rel, link) in &report_links {
            attach_period_tables(
                &mut documents,
                results.as_ref(),
                slug,
                rel,
                link,
                &mut diags,
            );
        }
        Site {
            issuer,
            documents,
            results,
        }
    });
    SiteResult { site, diags }
}

/// A báo cáo may name a period (`ky_bao_cao`) that exists; the present stage adds its tables.
fn attach_period_tables(
    documents: &mut [Document],
    results: Option<&crate::results::Results>,
    slug: &str,
    rel: &Path,
    link: &S<String>,
    diags: &mut Diagnostics,
) {
    let Some(kind) = documents.iter().find(|d| d.slug == slug).map(|d| d.kind) else {
        return;
    };
    let id = link.value.trim();
    if kind != Kind::Report {
        diags.push(Diagnostic::new(
            Code::KeyNotForKind,
            rel,
            pos_of(link),
            Text::new(
                "`ky_bao_cao` chỉ dùng cho báo cáo (`loai: bao-cao`).",
                "`ky_bao_cao` is for a báo cáo (`loai: bao-cao`) only.",
            ),
        ));
        return;
    }
    let period = results.and_then(|r| r.periods.iter().find(|p| p.id == id));
    let Some(period) = period else {
        let known: Vec<&str> = results
            .map(|r| r.periods.iter().map(|p| p.id.as_str()).collect())
            .unwrap_or_default();
        let guess = suggest::closest(id, known.iter().copied());
        let list = if known.is_empty() {
            "(chưa có)".to_string()
        } else {
            known.join(", ")
        };
        diags.push(
            Diagnostic::new(
                Code::UnknownId,
                rel,
                pos_of(link),
                Text::new(
                    format!("Không có kỳ báo cáo `{id}` trong thư mục ket-qua/."),
                    format!("No period `{id}` in ket-qua/."),
                ),
            )
            .with_hint(Text::new(
                format!(
                    "{}Các kỳ có sẵn: {list}.",
                    guess
                        .map(|g| format!("Có phải ý bạn là `{g}`? "))
                        .unwrap_or_default()
                ),
                format!(
                    "{}Periods: {list}.",
                    guess
                        .map(|g| format!("Did you mean `{g}`? "))
                        .unwrap_or_default()
                ),
            )),
        );
        return;
    };
    if let Some(doc) = documents.iter_mut().find(|d| d.slug == slug) {
        doc.report_period = Some(period.id.clone());
    }
}

fn placeholder_issuer() -> Issuer {
    Issuer {
        parent_line: None,
        name_lines: vec![],
        full_name: String::new(),
        short_name: String::new(),
        code: "UBND".into(),
        place: String::new(),
        superior: None,
        units: vec![],
        staff: vec![],
        website_title: String::new(),
        base_url: None,
        contact: vec![],
    }
}

fn check_unique_documents(
    docs: &[Document],
    number_at: &HashMap<String, Pos>,
    diags: &mut Diagnostics,
) {
    let mut by_slug: HashMap<&str, &Path> = HashMap::new();
    let mut by_number: HashMap<(u16, &str, &str), &Path> = HashMap::new();
    for d in docs {
        if let Some(other) = by_slug.insert(&d.slug, &d.source) {
            diags.push(
                Diagnostic::new(
                    Code::OutputClash,
                    &d.source,
                    None,
                    Text::new(
                        format!(
                            "Tên tệp trùng với {}: hai văn bản sẽ ghi đè lên nhau.",
                            other.display()
                        ),
                        format!(
                            "Same file name as {}: the two documents would overwrite each other.",
                            other.display()
                        ),
                    ),
                )
                .with_hint(Text::new(
                    "Đổi tên một trong hai tệp.",
                    "Rename one of the two files.",
                )),
            );
        }
        if let Some(n) = &d.number
            && let Some(other) = by_number.insert((d.date.0.year, n, &d.symbol), &d.source)
        {
            diags.push(
                Diagnostic::new(Code::NumberReused,
                    &d.source,
                    number_at.get(&d.slug).copied(),
                    Text::new(
                        format!(
                            "Số {n}/{} năm {} đã dùng cho {}: mỗi số chỉ cấp một lần trong năm.",
                            d.symbol, d.date.0.year, other.display()
                        ),
                        format!(
                            "Number {n}/{} in {} is already used by {}: a number is issued once a year.",
                            d.symbol, d.date.0.year, other.display()
                        ),
                    ),
                )
                .with_hint(Text::new("Dùng số tiếp theo trong sổ đăng ký văn bản đi.", "Use the next number from the outgoing register.")),
            );
        }
    }
}

impl<'a> Cx<'a> {
    fn issuer(&mut self, raw: raw::IssuerFile) -> Issuer {
        if raw.ten_in.is_empty() {
            self.error(
                Code::IssuerName,
                Some(Pos { line: 1, col: 1 }),
                "Chưa có tên cơ quan ban hành (`ten_in`).".into(),
                "The issuer's printed name (`ten_in`) is empty.".into(),
                Some((
                    "Viết `ten_in: [\"ỦY BAN NHÂN DÂN\", \"XÃ …\"]`.".into(),
                    "Write `ten_in: [\"ỦY BAN NHÂN DÂN\", \"XÃ …\"]`.".into(),
                )),
            );
        }
        let name_lines = raw
            .ten_in
            .iter()
            .map(|l| vn::upper(&self.nonempty(l, "Dòng tên cơ quan", "Issuer line")))
            .collect();
        let parent_line = raw
            .co_quan_chu_quan
            .as_ref()
            .map(|l| vn::upper(&self.text(l)));
        let full_name = self.nonempty(
            &raw.ten_day_du,
            "Tên đầy đủ của cơ quan",
            "Issuer full name",
        );
        let code = self.code(&raw.ma, "Mã cơ quan");
        let place = self.nonempty(&raw.dia_danh, "Địa danh", "Place name");
        let short_name = raw
            .ten_viet_tat
            .as_ref()
            .map(|s| self.nonempty(s, "Tên viết tắt", "Short name"))
            .unwrap_or_else(|| full_name.clone());
        let superior = raw.cap_tren.as_ref().map(|s| Superior {
            name: self.nonempty(&s.ten, "Tên cơ quan cấp trên", "Superior body name"),
            appraiser: s.co_quan_tham_dinh.as_ref().map(|a| self.text(a)),
        });

        let units = self.units(&raw);
        let staff = self.staff(&raw, &units);
        let website_title = raw
            .trang_web
            .as_ref()
            .and_then(|w| w.tieu_de.as_ref())
            .map(|t| self.text(t))
            .unwrap_or_else(|| format!("Cải cách hành chính – {short_name}"));
        let base_url = self.base_url(&raw);
        let contact = self.contact(&raw);
        Issuer {
            contact,
            parent_line,
            name_lines,
            full_name,
            short_name,
            code,
            place,
            superior,
            units,
            staff,
            website_title,
            base_url,
        }
    }

    /// The units (`don_vi`), each code once.
    fn units(&mut self, raw: &raw::IssuerFile) -> Vec<Unit> {
        let mut units: Vec<Unit> = Vec::new();
        let mut unit_lines: HashMap<String, u32> = HashMap::new();
        for u in &raw.don_vi {
            let c = self.code(&u.ma, "Mã đơn vị");
            if let Some(line) = unit_lines.get(&c) {
                self.error(
                    Code::DuplicateId,
                    pos_of(&u.ma),
                    format!("Mã đơn vị `{c}` trùng với dòng {line}."),
                    format!("Unit code `{c}` repeats line {line}."),
                    Some((
                        "Mỗi đơn vị một mã riêng.".into(),
                        "Give each unit its own code.".into(),
                    )),
                );
            }
            unit_lines.insert(c.clone(), pos_of(&u.ma).map_or(0, |p| p.line));
            let name = self.nonempty(&u.ten, "Tên đơn vị", "Unit name");
            units.push(Unit { code: c, name });
        }
        units
    }

    /// The staff (`can_bo`), each id well formed and once, each unit one of `units`.
    fn staff(&mut self, raw: &raw::IssuerFile, units: &[Unit]) -> Vec<Staff> {
        let mut staff: Vec<Staff> = Vec::new();
        let mut staff_lines: HashMap<String, u32> = HashMap::new();
        for p in &raw.can_bo {
            let id = self.text(&p.ma).trim().to_string();
            if !is_id(&id) {
                let fixed = slug(&id);
                self.error(Code::BadId,
                    pos_of(&p.ma),
                    format!("Mã cán bộ \"{id}\" không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang."),
                    format!("Staff id \"{id}\" is invalid: use lower-case ASCII letters, digits and hyphens."),
                    Some((format!("Viết `ma: {fixed}`."), format!("Write `ma: {fixed}`."))),
                );
            }
            if let Some(problem) = slug_problem(&id).filter(|_| is_id(&id)) {
                self.error(Code::BadId,
                    pos_of(&p.ma),
                    format!("Mã cán bộ `{id}` {}", problem.vi),
                    format!("Staff id `{id}` {}", problem.en),
                    Some((
                        format!("Viết mã theo họ tên, ví dụ `ma: {id}-1` hoặc `ma: vp-tran-thi-hoa`."),
                        format!("Use an id made from the name, e.g. `ma: {id}-1` or `ma: vp-tran-thi-hoa`."),
                    )),
                );
            }
            if let Some(line) = staff_lines.get(&id) {
                self.error(
                    Code::DuplicateId,
                    pos_of(&p.ma),
                    format!("Mã cán bộ `{id}` trùng với dòng {line}."),
                    format!("Staff id `{id}` repeats line {line}."),
                    Some((
                        "Mỗi người một mã riêng.".into(),
                        "Give each person their own id.".into(),
                    )),
                );
            }
            staff_lines.insert(id.clone(), pos_of(&p.ma).map_or(0, |p| p.line));
            let unit = p.don_vi.as_ref().map(|u| {
                let c = self.text(u).trim().to_string();
                if !units.iter().any(|x| x.code == c) {
                    let known: Vec<&str> = units.iter().map(|x| x.code.as_str()).collect();
                    self.unknown_ref(pos_of(u), &c, &known, "đơn vị", "unit", "don_vi");
                }
                c
            });
            staff.push(Staff {
                id,
                name: self.nonempty(&p.ho_ten, "Họ tên", "Name"),
                title: self.nonempty(&p.chuc_vu, "Chức vụ", "Title"),
                unit,
            });
        }
        staff
    }

    /// The site's address (`trang_web.dia_chi_goc`), a full http(s) address when given.
    fn base_url(&mut self, raw: &raw::IssuerFile) -> Option<String> {
        raw
            .trang_web
            .as_ref()
            .and_then(|w| w.dia_chi_goc.as_ref())
            .and_then(|u| {
                let url = self.text(u).trim().trim_end_matches('/').to_string();
                // Slashes trimmed, what starts with a scheme has a host after it: no length test.
                let ok = (url.starts_with("https://") || url.starts_with("http://"))
                    && !url.chars().any(|c| c.is_whitespace() || "<>\"'`".contains(c));
                if !ok {
                    self.error(Code::BadAddress,
                        pos_of(u),
                        format!("Địa chỉ trang web \"{url}\" không phải một địa chỉ http(s) hợp lệ."),
                        format!("Website address \"{url}\" is not a valid http(s) address."),
                        Some((
                            "Viết địa chỉ đầy đủ, không có dấu cách, ví dụ `dia_chi_goc: https://hoason.thainguyen.gov.vn/cchc`.".into(),
                            "Write the full address without spaces, e.g. `dia_chi_goc: https://hoason.thainguyen.gov.vn/cchc`.".into(),
                        )),
                    );
                }
                ok.then_some(url)
            })
    }

    /// The contact block (`lien_he`) as printed at the foot of page 1.
    fn contact(&mut self, raw: &raw::IssuerFile) -> Vec<String> {
        let mut contact = Vec::new();
        if let Some(c) = &raw.lien_he {
            if let Some(a) = &c.dia_chi {
                contact.push(format!("Địa chỉ: {}", self.text(a).trim()));
            }
            let parts: Vec<String> = [
                ("Điện thoại", &c.dien_thoai),
                ("Email", &c.email),
                ("Website", &c.website),
            ]
            .into_iter()
            .filter_map(|(label, v)| {
                v.as_ref()
                    .map(|v| format!("{label}: {}", self.text(v).trim()))
            })
            .collect();
            if !parts.is_empty() {
                contact.push(parts.join("; "));
            }
        }
        contact
    }

    fn document(&mut self, raw: raw::DocumentFile, issuer: &Issuer) -> Option<Document> {
        let slug = self.document_slug();
        let kind = self.kind(&raw);
        let number = raw.so.as_ref().map(|n| self.number(n));
        let symbol = self.symbol(&raw, kind, issuer);
        let reference = match &number {
            Some(n) => format!("{n}/{symbol}"),
            None => format!("/{symbol}"),
        };

        let date = self.date(&raw.ngay);
        let title = self.nonempty(&raw.trich_yeu, "Trích yếu", "Abstract (trích yếu)");
        let subject = (kind == Kind::Dispatch).then(|| {
            if title.starts_with("V/v") {
                title.clone()
            } else {
                format!("V/v {title}")
            }
        });
        let addressees = self.addressees(&raw.kinh_gui, kind, pos_of(&raw.loai));
        let urgency = raw.do_khan.as_ref().and_then(|u| self.urgency(u));
        let decision = self.decision(&raw, kind, issuer);
        let body_src = self.markdown_text(&raw.noi_dung);
        let style = markdown::Style {
            articles: kind == Kind::Decision,
        };
        let body = markdown::body(&body_src, style);
        let recipients = self.recipients(&raw.noi_nhan, pos_of(&raw.noi_dung));
        self.check_first_recipient(&recipients, &raw.noi_nhan, kind, !addressees.is_empty());
        let signer = self.signer(&raw.nguoi_ky, issuer);
        let drafter = raw.ky_hieu_nguoi_soan.as_ref().map(|k| {
            let initials = vn::upper(self.text(k).trim().trim_end_matches('.'));
            match &raw.so_ban {
                Some(n) => format!("{initials}.({})", n.value),
                None => format!("{initials}."),
            }
        });
        if raw.in_lien_he && issuer.contact.is_empty() && !self.issuer_unknown {
            self.error(Code::Contact,
                pos_of(&raw.loai),
                "Văn bản yêu cầu in thông tin liên hệ (`in_lien_he: true`) nhưng co_quan.yaml chưa có mục `lien_he`.".into(),
                "`in_lien_he: true` but co_quan.yaml has no `lien_he` block.".into(),
                Some((
                    "Thêm vào co_quan.yaml: `lien_he: { dia_chi: …, dien_thoai: …, email: … }`, hoặc bỏ `in_lien_he`.".into(),
                    "Add `lien_he: { dia_chi: …, dien_thoai: …, email: … }` to co_quan.yaml, or drop `in_lien_he`.".into(),
                )),
            );
        }

        let appendix_count = raw.phu_luc.len();
        let appendices: Vec<Appendix> = raw
            .phu_luc
            .iter()
            .enumerate()
            .map(|(i, a)| self.appendix(a, i, appendix_count, issuer))
            .collect();
        if !appendices.is_empty() && !body_src.contains("Phụ lục") && !body_src.contains("phụ lục")
        {
            self.warn(Code::AppendixNotCited,
                pos_of(&raw.noi_dung),
                "Văn bản có phụ lục nhưng nội dung chưa dẫn chiếu đến phụ lục (ví dụ: \"(Có Phụ lục kèm theo)\").".into(),
                "The document has an appendix but its body never refers to it (e.g. \"(Có Phụ lục kèm theo)\").".into(), None);
        }

        // Everything else was checked first, so one bad date does not hide other problems.
        let date = date?;
        let full_title = match &number {
            Some(_) => format!(
                "{} số {reference} ngày {}: {title}",
                kind.name(),
                date.short()
            ),
            None => format!("{} (dự thảo): {title}", kind.name()),
        };
        let attached = self.attached(&raw, decision.as_ref(), &signer, issuer);
        Some(Document {
            meta: DocMeta {
                full_title,
                author: issuer.full_name.clone(),
                html_path: format!("van-ban/{slug}.html"),
                pdf_path: format!("van-ban/{slug}.pdf"),
                docx_path: Some(format!("van-ban/{slug}.docx")),
            },
            slug,
            source: self.rel().to_path_buf(),
            kind,
            number,
            symbol,
            reference,
            date: DocDate(date),
            title,
            subject,
            addressees,
            urgency,
            decision,
            body,
            recipients,
            signer,
            drafter,
            show_contact: raw.in_lien_he,
            attached,
            appendices,
            report_period: None,
        })
    }

    /// The page and PDF name from the file name (`ke-hoach-cchc-2026`), which must make one.
    fn document_slug(&mut self) -> String {
        let slug = self
            .rel()
            .file_stem()
            .and_then(|s| s.to_str())
            .map(slug)
            .unwrap_or_default();
        if let Some(problem) = slug_problem(&slug) {
            let stem = self
                .rel()
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            self.error(Code::FileName,
                None,
                format!("Tên tệp \"{stem}\" {}", problem.vi),
                format!("The file name \"{stem}\" {}", problem.en),
                Some((
                    "Đặt tên tệp theo nội dung văn bản, bằng chữ và số, ví dụ `ke-hoach-cchc-2026.yaml`.".into(),
                    "Name the file after the document, with letters and digits, e.g. `ke-hoach-cchc-2026.yaml`.".into(),
                )),
            );
        }
        slug
    }

    /// `loai`, one of the kinds with a layout; a công văn's layout stands in for an unknown
    /// one so that the rest of the file is still checked.
    fn kind(&mut self, raw: &raw::DocumentFile) -> Kind {
        let kind_code = self.text(&raw.loai).trim().to_string();
        let kind = Kind::from_code(&kind_code);
        if kind.is_none() {
            let known: Vec<&str> = Kind::ALL.iter().map(|k| k.code).collect();
            let guess = suggest::closest(&kind_code, known.iter().copied());
            self.error(
                Code::Kind,
                pos_of(&raw.loai),
                format!("Loại văn bản `{kind_code}` chưa được hỗ trợ."),
                format!("Document kind `{kind_code}` is not supported."),
                Some(match guess {
                    Some(g) => (
                        format!(
                            "Có phải ý bạn là `{g}`? Các loại dùng được: {}.",
                            known.join(", ")
                        ),
                        format!("Did you mean `{g}`? Kinds: {}.", known.join(", ")),
                    ),
                    None => (
                        format!("Các loại dùng được: {}.", known.join(", ")),
                        format!("Kinds: {}.", known.join(", ")),
                    ),
                }),
            );
        }
        kind.unwrap_or(Kind::Dispatch)
    }

    /// `so`: the register number, digits only, printed zero padded ("05").
    fn number(&mut self, n: &S<String>) -> String {
        let written = n.value.trim();
        let value = written
            .chars()
            .all(|c| c.is_ascii_digit())
            .then(|| written.parse::<u32>().ok())
            .flatten();
        match value {
            Some(0) => self.error(Code::Number,
                pos_of(n),
                "Số văn bản phải từ 1 trở lên.".into(),
                "The number must be 1 or more.".into(),
                Some((
                    "Bỏ dòng `so:` nếu văn bản chưa lấy số (dự thảo).".into(),
                    "Leave `so:` out for an unnumbered draft.".into(),
                )),
            ),
            Some(_) => {}
            None => self.error(Code::Number,
                pos_of(n),
                format!("Số văn bản \"{written}\" không phải số thứ tự trong sổ đăng ký: chỉ gồm chữ số."),
                format!("Document number \"{written}\" is not a register number: digits only."),
                Some((
                    "Viết số như trong sổ văn bản đi, ví dụ `so: 5` hoặc `so: 05`; bỏ dòng `so:` nếu văn bản chưa lấy số.".into(),
                    "Write the number from the outgoing register, e.g. `so: 5` or `so: 05`; leave `so:` out for a draft.".into(),
                )),
            ),
        }
        vn::doc_number(value.unwrap_or(0))
    }

    /// The ký hiệu: written (`ky_hieu`, checked against ND30's form) or composed from the
    /// kind and the issuer, a công văn's from its drafting unit (`don_vi_soan_thao`).
    fn symbol(&mut self, raw: &raw::DocumentFile, kind: Kind, issuer: &Issuer) -> String {
        let unit = raw.don_vi_soan_thao.as_ref().map(|u| {
            let c = self.text(u).trim().to_string();
            if !issuer.units.iter().any(|x| x.code == c) {
                let known: Vec<&str> = issuer.units.iter().map(|x| x.code.as_str()).collect();
                self.unknown_ref(pos_of(u), &c, &known, "đơn vị", "unit", "don_vi");
            }
            c
        });
        let default_symbol = match (kind.abbreviation(), &unit) {
            (Some(a), _) => format!("{a}-{}", issuer.code),
            (None, Some(u)) => format!("{}-{u}", issuer.code),
            (None, None) => issuer.code.clone(),
        };
        let type_codes: Vec<&str> = Kind::ALL
            .iter()
            .filter_map(|k| k.abbreviation)
            .chain(["CV"])
            .collect();
        match &raw.ky_hieu {
            None => {
                if kind.abbreviation().is_none() && unit.is_none() {
                    let known: Vec<&str> = issuer.units.iter().map(|x| x.code.as_str()).collect();
                    self.error(Code::Symbol,
                        pos_of(&raw.loai),
                        "Công văn cần mã đơn vị soạn thảo để ghi ký hiệu (ví dụ 07/UBND-VP).".into(),
                        "A công văn needs the drafting unit's code for its ký hiệu (e.g. 07/UBND-VP).".into(),
                        Some((
                            format!("Thêm dòng `don_vi_soan_thao: VP` (các mã đơn vị: {}).", known.join(", ")),
                            format!("Add `don_vi_soan_thao: VP` (unit codes: {}).", known.join(", ")),
                        )),
                    );
                }
                default_symbol
            }
            Some(s) => {
                let t = self.text(s).trim().to_string();
                let groups_ok = !t.is_empty()
                    && t.split('-').all(|g| {
                        g.chars().next().is_some_and(|c| c.is_uppercase())
                            && g.chars().all(|c| c.is_alphabetic())
                    });
                let first = t.split('-').next().unwrap_or_default();
                let type_ok = match kind.abbreviation() {
                    Some(a) => first == a,
                    // A công văn has no type code: its ký hiệu starts with the issuer's code.
                    None => !type_codes.contains(&first),
                };
                if !groups_ok || !type_ok {
                    self.error(Code::Symbol,
                        pos_of(s),
                        format!("Ký hiệu \"{t}\" không đúng thể thức Nghị định 30/2020/NĐ-CP."),
                        format!("Ký hiệu \"{t}\" does not follow Decree 30/2020."),
                        Some((
                            format!("Viết `ky_hieu: {default_symbol}` hoặc bỏ dòng này để chương trình tự tạo (công văn không có mã loại như CV; không có dấu cách, không có năm)."),
                            format!("Write `ky_hieu: {default_symbol}` or leave it out to have it built (a công văn has no type code such as CV; no spaces, no year)."),
                        )),
                    );
                }
                t
            }
        }
    }

    /// Kính gửi, each addressee without dash or end punctuation.
    fn addressees(&mut self, items: &[S<String>], kind: Kind, at: Option<Pos>) -> Vec<String> {
        let name = kind.name();
        match (kind.info().addressee, items.is_empty()) {
            (Addressee::Required, true) => self.error(
                Code::Recipients,
                at,
                format!("{name} cần có Kính gửi (`kinh_gui`)."),
                format!("A {name} needs addressees (`kinh_gui`)."),
                Some((
                    "Thêm `kinh_gui:` với một hoặc nhiều nơi nhận, mỗi nơi một dòng `- …`.".into(),
                    "Add `kinh_gui:` with one or more addressees, one `- …` line each.".into(),
                )),
            ),
            (Addressee::None, false) => self.error(
                Code::Recipients,
                pos_of(&items[0]),
                format!("{name} không ghi Kính gửi (Nghị định 30/2020/NĐ-CP)."),
                format!("A {name} has no Kính gửi (Decree 30/2020)."),
                Some((
                    "Bỏ mục `kinh_gui`; các nơi nhận ghi ở `noi_nhan`.".into(),
                    "Remove `kinh_gui`; list recipients in `noi_nhan`.".into(),
                )),
            ),
            _ => {}
        }
        let cleaned: Vec<String> = items
            .iter()
            .map(|s| {
                let t = self.text(s);
                let t = t.trim().trim_start_matches(['-', '–', '+']).trim();
                t.trim_end_matches([';', '.', ',']).trim_end().to_string()
            })
            .collect();
        cleaned
    }

    fn urgency(&mut self, s: &S<String>) -> Option<Urgency> {
        // Độ khẩn: the stamp's word and its frame width (nd30.md §8).
        let (text, width_mm) = self.choice(
            s,
            "do_khan",
            &[
                ("khan", ("KHẨN", 20)),
                ("thuong-khan", ("THƯỢNG KHẨN", 40)),
                ("hoa-toc", ("HỎA TỐC", 30)),
            ],
        )?;
        Some(Urgency { text, width_mm })
    }

    fn decision(
        &mut self,
        raw: &raw::DocumentFile,
        kind: Kind,
        issuer: &Issuer,
    ) -> Option<DecisionPreamble> {
        if kind != Kind::Decision {
            let stray = raw
                .tham_quyen
                .as_ref()
                .map(pos_of)
                .or_else(|| raw.can_cu.first().map(pos_of))
                .or_else(|| raw.theo_de_nghi.as_ref().map(pos_of));
            if let Some(at) = stray {
                self.error(Code::KeyNotForKind,
                    at,
                    "`tham_quyen`, `can_cu` và `theo_de_nghi` chỉ dùng cho quyết định.".into(),
                    "`tham_quyen`, `can_cu` and `theo_de_nghi` are for a quyết định only.".into(),
                    Some((
                        "Với loại văn bản này, đưa các căn cứ vào đoạn mở đầu của `noi_dung`.".into(),
                        "For this kind, put the legal bases in the opening paragraph of `noi_dung`.".into(),
                    )),
                );
            }
            return None;
        }
        let authority = raw
            .tham_quyen
            .as_ref()
            .map(|a| vn::upper(self.text(a).trim()))
            .unwrap_or_else(|| vn::upper(&issuer.full_name));
        let proposal = raw.theo_de_nghi.as_ref().map(|p| {
            let t = self.text(p);
            format!("{}.", t.trim().trim_end_matches(['.', ';']))
        });
        let n = raw.can_cu.len();
        let bases = raw
            .can_cu
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let t = self.text(b);
                let t = t.trim().trim_end_matches(['.', ';', ',']);
                // Each căn cứ ends ";", the last "." unless "Theo đề nghị …" follows.
                let end = if i + 1 == n && proposal.is_none() {
                    "."
                } else {
                    ";"
                };
                format!("{t}{end}")
            })
            .collect();
        Some(DecisionPreamble {
            authority,
            bases,
            proposal,
        })
    }

    /// Practice the decree's samples show: a công văn's Nơi nhận opens with "Như trên", a
    /// quyết định's with "Như Điều …".
    fn check_first_recipient(
        &mut self,
        printed: &[String],
        raw: &[S<String>],
        kind: Kind,
        has_addressees: bool,
    ) {
        let (Some(first), Some(at)) = (printed.first(), raw.first()) else {
            return;
        };
        let (want, vi_kind) = match kind {
            Kind::Dispatch if has_addressees => ("Như trên", "công văn"),
            Kind::Decision => ("Như Điều", "quyết định"),
            _ => return,
        };
        if !first.starts_with(want) {
            self.warn(
                Code::DistributionFirst,
                pos_of(at),
                format!("Nơi nhận của {vi_kind} thường bắt đầu bằng \"{want}\"."),
                format!("The recipients of a {vi_kind} usually start with \"{want}\"."),
                None,
            );
        }
    }

    fn recipients(&mut self, items: &[S<String>], body_at: Option<Pos>) -> Vec<String> {
        let cleaned: Vec<(String, Option<Pos>)> = items
            .iter()
            .map(|s| {
                let t = self.text(s);
                let t = t.trim().trim_start_matches(['-', '–', '+']).trim();
                let t = t.trim_end_matches([';', '.', ',']).trim_end();
                (t.to_string(), pos_of(s))
            })
            .collect();
        let hint_vi =
            "Thêm dòng cuối `- \"Lưu: VT, VP\"` (VT là văn thư, sau đó là mã đơn vị soạn thảo)."
                .to_string();
        let hint_en = "End with `- \"Lưu: VT, VP\"` (VT = records office, then the drafting unit)."
            .to_string();
        match cleaned.last() {
            None => self.error(
                Code::Distribution,
                body_at,
                "Chưa có Nơi nhận (`noi_nhan`).".into(),
                "No recipients (`noi_nhan`).".into(),
                Some((hint_vi, hint_en)),
            ),
            Some((last, at)) => {
                let folded = suggest::fold(last);
                if !folded.starts_with("luu") {
                    self.error(
                        Code::Distribution,
                        *at,
                        "Dòng cuối của Nơi nhận phải là nơi lưu văn bản (\"Lưu: VT, …\").".into(),
                        "The last recipient must be the filing line (\"Lưu: VT, …\").".into(),
                        Some((hint_vi, hint_en)),
                    );
                } else if last.contains(':')
                    && !last.contains("VT")
                    && folded.split_once(':').is_some_and(|(_, rest)| {
                        rest.trim_start_matches('_').starts_with("van_thu")
                    })
                {
                    // Many offices write the records office out in full; ND30's form is "VT".
                    let short = last.replacen("Văn thư", "VT", 1);
                    self.warn(
                        Code::FilingAbbreviation,
                        *at,
                        format!("Dòng lưu \"{last}\": Nghị định 30 viết tắt văn thư là \"VT\"."),
                        format!("Filing line \"{last}\": Decree 30 abbreviates the records office as \"VT\"."),
                        Some((
                            format!("Có thể viết `{short}`; dòng được in đúng như đã viết."),
                            format!("You may write `{short}`; the line is printed as written."),
                        )),
                    );
                } else if !last.contains(':') || !last.contains("VT") {
                    self.error(
                        Code::Distribution,
                        *at,
                        format!(
                            "Dòng lưu \"{last}\" chưa đúng thể thức: cần dấu hai chấm và \"VT\"."
                        ),
                        format!("Filing line \"{last}\" needs a colon and \"VT\"."),
                        Some((
                            "Viết ví dụ `Lưu: VT, VP`.".into(),
                            "Write e.g. `Lưu: VT, VP`.".into(),
                        )),
                    );
                }
            }
        }
        cleaned.into_iter().map(|(t, _)| t).collect()
    }

    fn signer(&mut self, raw: &raw::SignerRaw, issuer: &Issuer) -> Signer {
        let mut lines = Vec::new();
        for l in &raw.chuc_danh {
            let t = vn::upper(self.text(l).trim());
            let first = t.split_whitespace().next().unwrap_or_default().to_string();
            let fix = match first.as_str() {
                "T/M" | "TM" | "T.M" | "T.M." => Some("TM."),
                "K/T" | "KT" | "K.T" | "K.T." => Some("KT."),
                "T/L" | "TL" | "T.L" => Some("TL."),
                "T/UQ" | "TUQ" | "T.U.Q" => Some("TUQ."),
                "Q" => Some("Q."),
                _ => None,
            };
            if let Some(good) = fix {
                let rest = t[first.len()..].trim_start();
                self.error(
                    Code::Signer,
                    pos_of(l),
                    format!("Quyền hạn ký \"{first}\" không đúng thể thức văn bản hành chính."),
                    format!("Signing authority \"{first}\" is not the administrative form."),
                    Some((
                        format!("Viết \"{good} {rest}\" (chữ in hoa, có dấu chấm)."),
                        format!("Write \"{good} {rest}\" (capitals with a dot)."),
                    )),
                );
            }
            if t.is_empty() {
                self.error(
                    Code::Signer,
                    pos_of(l),
                    "Dòng chức danh ký đang để trống.".into(),
                    "Empty signature title line.".into(),
                    None,
                );
            }
            lines.push(t);
        }
        if lines.is_empty() {
            self.error(
                Code::Signer,
                pos_of(&raw.can_bo),
                "Chưa có chức danh người ký (`chuc_danh`).".into(),
                "No signature title lines (`chuc_danh`).".into(),
                Some((
                    "Ví dụ: `chuc_danh: [\"TM. ỦY BAN NHÂN DÂN\", \"CHỦ TỊCH\"]`.".into(),
                    "E.g. `chuc_danh: [\"TM. ỦY BAN NHÂN DÂN\", \"CHỦ TỊCH\"]`.".into(),
                )),
            );
        }
        let id = self.text(&raw.can_bo).trim().to_string();
        let name = match issuer.staff.iter().find(|s| s.id == id) {
            Some(s) => s.name.clone(),
            None => {
                let known: Vec<&str> = issuer.staff.iter().map(|s| s.id.as_str()).collect();
                self.unknown_ref(
                    pos_of(&raw.can_bo),
                    &id,
                    &known,
                    "cán bộ",
                    "staff member",
                    "can_bo",
                );
                String::new()
            }
        };
        Signer { lines, name }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::fixtures::{DISPATCH, ISSUER, at, check, said};

    #[test]
    fn ids_and_slugs() {
        assert!(is_id("vp-tran-thi-hoa"));
        assert!(!is_id("Trần Thị Hoa"));
        assert!(!is_id("UBND"));
        assert!(!is_id("2026"));
        assert_eq!(slug("Kế hoạch CCHC 2026"), "ke-hoach-cchc-2026");
        assert_eq!(slug("Đỗ Văn Đạt"), "do-van-dat");
    }

    #[test]
    fn a_register_number_is_issued_once_a_year_per_ky_hieu() {
        let again = DISPATCH.replace("trich_yeu: Đôn đốc", "trich_yeu: Nhắc lại");
        let (_, messages) = check(ISSUER, &[("a.yaml", DISPATCH), ("b.yaml", &again)]);
        said(
            &messages,
            &at("van-ban/b.yaml", &again, "7"),
            "Số 07/UBND-VP năm 2026 đã dùng cho van-ban/a.yaml: mỗi số chỉ cấp một lần trong năm.",
        );
        // The same number in another year, or with another ký hiệu, is another number.
        let next_year = again.replace("ngay: 2026-03-05", "ngay: 2027-01-05");
        let decision_unit = again.replace("don_vi_soan_thao: VP", "ky_hieu: UBND");
        for other in [next_year, decision_unit] {
            let (site, messages) = check(ISSUER, &[("a.yaml", DISPATCH), ("b.yaml", &other)]);
            assert!(site.is_some() && messages.is_empty(), "{messages:#?}");
        }
    }

    #[test]
    fn two_files_that_make_one_page_name_are_refused() {
        let other = DISPATCH.replace("so: 7", "so: 8");
        let (_, messages) = check(
            ISSUER,
            &[("ke-hoach.yaml", DISPATCH), ("Kế hoạch.yaml", &other)],
        );
        assert!(
            messages.iter().any(|m| m.contains(
                "van-ban/Kế hoạch.yaml: Tên tệp trùng với van-ban/ke-hoach.yaml: hai văn bản sẽ ghi đè lên nhau."
            )),
            "{messages:#?}"
        );
    }

    #[test]
    fn the_site_address_is_a_whole_http_address() {
        let with = |address: &str| format!("{ISSUER}trang_web:\n  dia_chi_goc: {address}\n");
        let (site, messages) = check(&with("https://hoason.thainguyen.gov.vn/cchc/"), &[]);
        assert!(messages.is_empty(), "{messages:#?}");
        assert_eq!(
            site.and_then(|s| s.issuer.base_url).as_deref(),
            Some("https://hoason.thainguyen.gov.vn/cchc")
        );
        for bad in [
            "ftp://hoason.thainguyen.gov.vn",
            "https://hoason.thainguyen.gov.vn/<b>",
            "https://hoason.thainguyen.gov.vn/cchc 2026",
            "https://",
            "http://",
            "hoason.thainguyen.gov.vn",
        ] {
            let issuer = with(bad);
            let (site, messages) = check(&issuer, &[]);
            assert!(site.and_then(|s| s.issuer.base_url).is_none(), "{bad}");
            let shown = bad.trim_end_matches('/');
            said(
                &messages,
                &at("co_quan.yaml", &issuer, bad),
                &format!("Địa chỉ trang web \"{shown}\" không phải một địa chỉ http(s) hợp lệ."),
            );
        }
    }

    #[test]
    fn a_cong_van_with_kinh_gui_sends_its_first_copy_to_nhu_tren() {
        let other_first = DISPATCH.replace("  - Như trên\n", "  - UBND tỉnh\n");
        let (_, messages) = check(ISSUER, &[("cv.yaml", &other_first)]);
        said(
            &messages,
            &at("van-ban/cv.yaml", &other_first, "UBND tỉnh"),
            "Nơi nhận của công văn thường bắt đầu bằng \"Như trên\".",
        );
        let (_, messages) = check(ISSUER, &[("cv.yaml", DISPATCH)]);
        assert!(messages.is_empty(), "{messages:#?}");
        // Without Kính gửi there is nothing "above" to send to: that is its own error.
        let no_kinh_gui = other_first.replace("kinh_gui:\n  - Các thôn\n", "");
        let (_, messages) = check(ISSUER, &[("cv.yaml", &no_kinh_gui)]);
        said(
            &messages,
            &at("van-ban/cv.yaml", &no_kinh_gui, "cong-van"),
            "Công văn cần có Kính gửi (`kinh_gui`).",
        );
        assert!(
            !messages.iter().any(|m| m.contains("Như trên")),
            "{messages:#?}"
        );
    }

    #[test]
    fn a_written_ky_hieu_follows_nd30() {
        let dispatch =
            |symbol: &str| DISPATCH.replace("don_vi_soan_thao: VP", &format!("ky_hieu: {symbol}"));
        let plan = |symbol: &str| {
            dispatch(symbol)
                .replace("loai: cong-van", "loai: ke-hoach")
                .replace("kinh_gui:\n  - Các thôn\n", "")
        };
        for (text, reference) in [
            (dispatch("UBND-VP"), "07/UBND-VP"),
            (plan("KH-UBND"), "07/KH-UBND"),
        ] {
            let (site, messages) = check(ISSUER, &[("a.yaml", &text)]);
            assert!(messages.is_empty(), "{reference}: {messages:#?}");
            assert_eq!(site.unwrap().documents[0].reference, reference);
        }
        for (text, symbol) in [
            // No spaces, each group a capital then letters.
            (dispatch("UBND VP"), "UBND VP"),
            (dispatch("UBND-vp"), "UBND-vp"),
            (dispatch("UBND-VP2"), "UBND-VP2"),
            // A công văn has no type code; a plan's ký hiệu starts with KH.
            (dispatch("CV-UBND"), "CV-UBND"),
            (plan("QĐ-UBND"), "QĐ-UBND"),
        ] {
            let (_, messages) = check(ISSUER, &[("a.yaml", &text)]);
            said(
                &messages,
                &at("van-ban/a.yaml", &text, symbol),
                &format!("Ký hiệu \"{symbol}\" không đúng thể thức Nghị định 30/2020/NĐ-CP."),
            );
        }
    }

    #[test]
    fn each_can_cu_ends_with_a_semicolon_the_last_with_a_full_stop() {
        let decision = DISPATCH
            .replace("loai: cong-van\ndon_vi_soan_thao: VP", "loai: quyet-dinh")
            .replace(
                "kinh_gui:\n  - Các thôn\n",
                "can_cu:\n  - Căn cứ Luật Tổ chức chính quyền địa phương;\n  - Căn cứ Kế hoạch số 05/KH-UBND của Ủy ban nhân dân xã\n",
            )
            .replace("  - Như trên\n", "  - Như Điều 3\n");
        let proposed = format!("{decision}theo_de_nghi: Theo đề nghị của Chánh Văn phòng\n");
        for (text, last, proposal) in [
            (&decision, ".", None),
            (
                &proposed,
                ";",
                Some("Theo đề nghị của Chánh Văn phòng.".to_string()),
            ),
        ] {
            let (site, messages) = check(ISSUER, &[("qd.yaml", text)]);
            assert!(messages.is_empty(), "{messages:#?}");
            let preamble = site.unwrap().documents[0].decision.clone().unwrap();
            assert_eq!(preamble.authority, "ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM");
            assert_eq!(
                preamble.bases,
                [
                    "Căn cứ Luật Tổ chức chính quyền địa phương;".to_string(),
                    format!("Căn cứ Kế hoạch số 05/KH-UBND của Ủy ban nhân dân xã{last}"),
                ]
            );
            assert_eq!(preamble.proposal, proposal);
        }
        let other_first = decision.replace("  - Như Điều 3\n", "  - UBND tỉnh\n");
        let (_, messages) = check(ISSUER, &[("qd.yaml", &other_first)]);
        said(
            &messages,
            &at("van-ban/qd.yaml", &other_first, "UBND tỉnh"),
            "Nơi nhận của quyết định thường bắt đầu bằng \"Như Điều\".",
        );
    }

    #[test]
    fn a_filing_line_that_gives_vt_is_not_told_to_abbreviate() {
        let written_out = DISPATCH.replace("\"Lưu: VT, VP\"", "\"Lưu: Văn thư, VP\"");
        let (_, messages) = check(ISSUER, &[("cv.yaml", &written_out)]);
        said(
            &messages,
            &at("van-ban/cv.yaml", &written_out, "\"Lưu"),
            "Dòng lưu \"Lưu: Văn thư, VP\": Nghị định 30 viết tắt văn thư là \"VT\".",
        );
        let both = DISPATCH.replace("\"Lưu: VT, VP\"", "\"Lưu: Văn thư (VT), VP\"");
        let (_, messages) = check(ISSUER, &[("cv.yaml", &both)]);
        assert!(messages.is_empty(), "{messages:#?}");
    }

    #[test]
    fn a_filing_line_needs_a_colon_and_vt() {
        for line in ["Lưu VT, VP", "Lưu: VP"] {
            let text = DISPATCH.replace("\"Lưu: VT, VP\"", &format!("\"{line}\""));
            let (_, messages) = check(ISSUER, &[("cv.yaml", &text)]);
            said(
                &messages,
                &at("van-ban/cv.yaml", &text, "\"Lưu"),
                &format!("Dòng lưu \"{line}\" chưa đúng thể thức: cần dấu hai chấm và \"VT\"."),
            );
        }
    }

    #[test]
    fn a_signing_authority_is_written_in_capitals_with_a_dot() {
        for (written, first, fixed) in [
            ("TM UBND", "TM", "TM. UBND"),
            ("KT CHỦ TỊCH", "KT", "KT. CHỦ TỊCH"),
            ("t/l chủ tịch", "T/L", "TL. CHỦ TỊCH"),
            ("T.U.Q CHỦ TỊCH", "T.U.Q", "TUQ. CHỦ TỊCH"),
            ("Q CHỦ TỊCH", "Q", "Q. CHỦ TỊCH"),
        ] {
            let text = DISPATCH.replace("\"TM. ỦY BAN NHÂN DÂN\"", &format!("\"{written}\""));
            let (_, messages) = check(ISSUER, &[("cv.yaml", &text)]);
            let place = at("van-ban/cv.yaml", &text, &format!("\"{written}"));
            said(
                &messages,
                &place,
                &format!("Quyền hạn ký \"{first}\" không đúng thể thức văn bản hành chính."),
            );
            said(
                &messages,
                &place,
                &format!("Viết \"{fixed}\" (chữ in hoa, có dấu chấm)."),
            );
        }
    }

    #[test]
    fn printing_the_contact_block_needs_one_in_co_quan() {
        let asks = format!("{DISPATCH}in_lien_he: true\n");
        let (_, messages) = check(ISSUER, &[("cv.yaml", &asks)]);
        said(
            &messages,
            &at("van-ban/cv.yaml", &asks, "cong-van"),
            "Văn bản yêu cầu in thông tin liên hệ (`in_lien_he: true`) nhưng co_quan.yaml chưa có mục `lien_he`.",
        );
        let with_contact = format!("{ISSUER}lien_he:\n  dien_thoai: \"0208 3855 123\"\n");
        let (site, messages) = check(&with_contact, &[("cv.yaml", &asks)]);
        assert!(messages.is_empty(), "{messages:#?}");
        assert_eq!(
            site.map(|s| s.issuer.contact),
            Some(vec!["Điện thoại: 0208 3855 123".to_string()])
        );
    }

    #[test]
    fn an_appendix_is_cited_in_the_body() {
        let with_appendix = |body: &str| {
            DISPATCH.replace("Đề nghị các thôn thực hiện.", body)
                + "phu_luc:\n  - tieu_de: Danh sách thôn\n    noi_dung: Thôn Một.\n"
        };
        let uncited = with_appendix("Đề nghị các thôn thực hiện.");
        let (_, messages) = check(ISSUER, &[("cv.yaml", &uncited)]);
        said(
            &messages,
            // A block (`noi_dung: |`) is placed at its first line.
            &at("van-ban/cv.yaml", &uncited, "Đề nghị các thôn"),
            "Văn bản có phụ lục nhưng nội dung chưa dẫn chiếu đến phụ lục",
        );
        for cited in [
            "Đề nghị các thôn thực hiện (Có Phụ lục kèm theo).",
            "Đề nghị các thôn thực hiện theo phụ lục kèm theo.",
        ] {
            let (_, messages) = check(ISSUER, &[("cv.yaml", &with_appendix(cited))]);
            assert!(messages.is_empty(), "{cited}: {messages:#?}");
        }
    }
}
