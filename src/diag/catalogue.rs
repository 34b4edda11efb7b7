//! Every diagnostic the tool can emit, each with a stable code (mã lỗi) and its long
//! explanation, printed by `cchc giai-thich CODE`.
//!
//! A code names a kind of problem, not one sentence: "a staff id, an indicator id or a
//! criterion code used twice" is one code with one explanation. Codes are never reused or
//! renumbered once released; one that falls out of use stays reserved. `E` codes are errors
//! (nothing is written), `W` codes warnings (the build goes on).

use super::{Lang, Severity};

/// One entry: the code, a short title and the long explanation with an example and the fix.
pub struct Entry {
    pub code: Code,
    pub id: &'static str,
    pub title_vi: &'static str,
    pub title_en: &'static str,
    pub explain_vi: &'static str,
    pub explain_en: &'static str,
}

impl Entry {
    pub fn title(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.title_vi,
            Lang::En => self.title_en,
        }
    }

    pub fn explain(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.explain_vi,
            Lang::En => self.explain_en,
        }
    }
}

macro_rules! catalogue {
    ($( $variant:ident = $id:literal {
        $title_vi:literal, $title_en:literal,
        vi: $vi:literal,
        en: $en:literal $(,)?
    } )*) => {
        /// A kind of problem, with its stable code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $( $variant, )* }

        /// The whole catalogue, in code order.
        pub static CATALOGUE: &[Entry] = &[ $( Entry {
            code: Code::$variant,
            id: $id,
            title_vi: $title_vi,
            title_en: $title_en,
            explain_vi: $vi,
            explain_en: $en,
        }, )* ];
    };
}

impl Code {
    pub fn entry(self) -> &'static Entry {
        // The table is generated in variant order, so the discriminant is the index.
        &CATALOGUE[self as usize]
    }

    /// "E0102".
    pub fn id(self) -> &'static str {
        self.entry().id
    }

    pub fn severity(self) -> Severity {
        if self.id().starts_with('W') {
            Severity::Warning
        } else {
            Severity::Error
        }
    }

    /// The entry for a code as a user types it: "e102", "E0102" and "0102" all find E0102.
    pub fn find(typed: &str) -> Option<&'static Entry> {
        let t = typed.trim().to_ascii_uppercase();
        let (letter, digits) = match t.chars().next() {
            Some(c @ ('E' | 'W')) => (Some(c), &t[1..]),
            _ => (None, t.as_str()),
        };
        let n: u32 = digits.parse().ok()?;
        CATALOGUE.iter().find(|e| {
            e.id[1..].parse::<u32>().ok() == Some(n) && letter.is_none_or(|l| e.id.starts_with(l))
        })
    }
}

catalogue! {
    // ── 01: YAML and the text in it ────────────────────────────────────────────────
    YamlSyntax = "E0101" {
        "Tệp YAML viết sai cú pháp", "The YAML file has a syntax error",
        vi: "Tệp không đọc được thành YAML: thường do thụt lề lệch, dùng phím Tab, thiếu dấu hai chấm sau khóa, hoặc văn bản có dấu `:` hay `#` mà không đặt trong ngoặc kép.\n\nVí dụ sai:\n    trich_yeu: Về việc: triển khai\nViết đúng:\n    trich_yeu: \"Về việc: triển khai\"\n\nCách sửa: thụt lề bằng dấu cách (mỗi cấp 2 dấu cách), đóng mọi dấu ngoặc kép đã mở, đặt văn bản có `:` hoặc `#` trong ngoặc kép.",
        en: "The file cannot be read as YAML: usually uneven indentation, a Tab, a missing colon after a key, or text containing `:` or `#` without quotes.\n\nWrong:\n    trich_yeu: Về việc: triển khai\nRight:\n    trich_yeu: \"Về việc: triển khai\"\n\nFix: indent with spaces (2 per level), close every quote you open, quote text containing `:` or `#`.",
    }
    UnknownKey = "E0102" {
        "Khóa không có trong mẫu", "Unknown key",
        vi: "Mỗi mục chỉ nhận những khóa có trong mẫu; một khóa gõ sai (ví dụ `trich_yue`) sẽ không được đọc, nên cchc báo lỗi thay vì lặng lẽ bỏ qua nội dung của bạn.\n\nVí dụ sai:\n    trich_yue: Về việc triển khai công tác CCHC\nViết đúng:\n    trich_yeu: Về việc triển khai công tác CCHC\n\nCách sửa: sửa tên khóa theo gợi ý \"có phải ý bạn là\", hoặc chọn trong danh sách khóa dùng được mà thông báo liệt kê.",
        en: "Each block accepts only the keys of its schema; a mistyped key (e.g. `trich_yue`) would not be read, so cchc reports it instead of silently dropping your text.\n\nWrong:\n    trich_yue: Về việc triển khai công tác CCHC\nRight:\n    trich_yeu: Về việc triển khai công tác CCHC\n\nFix: correct the key as the \"did you mean\" suggests, or pick one from the list of allowed keys the message gives.",
    }
    MissingKey = "E0103" {
        "Thiếu khóa bắt buộc", "Missing required key",
        vi: "Mục này thiếu một khóa mà văn bản không thể in nếu không có (ví dụ `ngay`, `trich_yeu`, `ky`).\n\nVí dụ sai:\n    loai: ke-hoach\n    so: 5\nViết đúng:\n    loai: ke-hoach\n    so: 5\n    ngay: 2026-01-15\n\nCách sửa: thêm dòng `khóa: giá trị` mà thông báo nêu tên vào đúng mục đó, cùng thụt lề với các khóa bên cạnh.",
        en: "This block lacks a key the document cannot be printed without (e.g. `ngay`, `trich_yeu`, `ky`).\n\nWrong:\n    loai: ke-hoach\n    so: 5\nRight:\n    loai: ke-hoach\n    so: 5\n    ngay: 2026-01-15\n\nFix: add the `key: value` line the message names to that block, indented like its neighbours.",
    }
    WrongKind = "E0104" {
        "Giá trị không đúng kiểu", "Value of the wrong kind",
        vi: "Khóa này cần một kiểu giá trị khác: một số, một đoạn văn bản, một danh sách (các dòng bắt đầu bằng `- `) hay một mục (các dòng `khóa: giá trị` thụt vào).\n\nVí dụ sai:\n    so_ban: năm\nViết đúng:\n    so_ban: 5\n\nCách sửa: viết giá trị theo kiểu mà thông báo nêu; văn bản bắt đầu bằng `[` hoặc `{` phải đặt trong ngoặc kép.",
        en: "This key needs another kind of value: a number, text, a list (lines starting with `- `) or a block (indented `key: value` lines).\n\nWrong:\n    so_ban: năm\nRight:\n    so_ban: 5\n\nFix: write the kind of value the message names; quote text that starts with `[` or `{`.",
    }
    DuplicateKey = "E0105" {
        "Khóa viết hai lần", "Key written twice",
        vi: "Trong một mục, mỗi khóa chỉ được viết một lần; nếu viết hai lần, một trong hai giá trị sẽ bị mất.\n\nVí dụ sai:\n    trich_yeu: Kế hoạch CCHC\n    trich_yeu: Kế hoạch CCHC năm 2026\nCách sửa: xóa một dòng, hoặc gộp nội dung vào một dòng.",
        en: "Within a block each key may appear once; written twice, one of the values would be lost.\n\nWrong:\n    trich_yeu: Kế hoạch CCHC\n    trich_yeu: Kế hoạch CCHC năm 2026\nFix: delete one line or merge them.",
    }
    Blank = "E0106" {
        "Giá trị để trống", "Blank value",
        vi: "Khóa có mặt nhưng không có nội dung sau dấu hai chấm, mà văn bản cần nội dung ấy để in.\n\nVí dụ sai:\n    trich_yeu:\nViết đúng:\n    trich_yeu: Về việc triển khai công tác CCHC năm 2026\n\nCách sửa: viết nội dung sau dấu hai chấm; nếu khóa không bắt buộc thì xóa cả dòng.",
        en: "The key is there but nothing follows its colon, and the document needs that text to print.\n\nWrong:\n    trich_yeu:\nRight:\n    trich_yeu: Về việc triển khai công tác CCHC năm 2026\n\nFix: write the text after the colon; if the key is optional, delete the line.",
    }
    NotUtf8 = "E0107" {
        "Tệp không phải UTF-8", "The file is not UTF-8",
        vi: "Tệp YAML phải lưu bằng bảng mã UTF-8. Tệp lưu bằng bảng mã cũ (TCVN3, VNI) hoặc ANSI sẽ in ra chữ sai.\n\nCách sửa: mở tệp trong trình soạn thảo (Notepad, VS Code), chọn Lưu thành (Save As) với bảng mã UTF-8. Nếu chữ đã gõ bằng phông .VnTime hoặc VNI-Times, dùng `cchc fix-encoding TỆP` để chuyển sang Unicode.",
        en: "YAML files must be saved as UTF-8. A file saved in a legacy encoding (TCVN3, VNI) or ANSI would print the wrong letters.\n\nFix: open the file in an editor (Notepad, VS Code) and Save As with UTF-8 encoding. If the text was typed in .VnTime or VNI-Times fonts, `cchc fix-encoding FILE` converts it to Unicode.",
    }
    TooLarge = "E0108" {
        "Tệp quá lớn", "File too large",
        vi: "Một tệp YAML của văn bản hay kỳ báo cáo chỉ vài chục KB; tệp lớn hơn giới hạn thường là tệp dán nhầm (ảnh, bảng tính, nhật ký) nên không được đọc.\n\nCách sửa: kiểm tra đúng tệp chưa; nếu là bảng số liệu lớn, tách thành nhiều tệp.",
        en: "A document's or period's YAML file is a few tens of KB; one over the limit is usually a file put there by mistake (an image, a spreadsheet, a log) and is not read.\n\nFix: check that it is the right file; split a large table into several files.",
    }
    LegacyEncoding = "E0109" {
        "Chữ gõ bằng bảng mã cũ", "Text typed in a legacy encoding",
        vi: "Đoạn chữ này được gõ bằng phông TCVN3 (.VnTime) hoặc VNI rồi dán sang tệp Unicode, nên in ra sẽ thành chữ lạ như \"Chuû tòch\". Thông báo cho biết đoạn chữ có lẽ là gì.\n\nCách sửa: chạy `cchc fix-encoding TỆP` (giữ bản cũ ở TỆP.bak) rồi đọc lại những từ được chuyển, hoặc gõ lại đoạn đó bằng Unicode.",
        en: "This text was typed with a TCVN3 (.VnTime) or VNI font and pasted into a Unicode file; printed, it would read like \"Chuû tòch\". The message says what it probably reads.\n\nFix: run `cchc fix-encoding FILE` (keeps FILE.bak) and reread the converted words, or retype the passage in Unicode.",
    }
    Unprintable = "E0110" {
        "Ký tự không in được", "Character that cannot be printed",
        vi: "Ký tự này không có trong phông chữ của văn bản (biểu tượng cảm xúc, ký tự trang trí) hoặc là ký tự ẩn (khoảng trắng độ rộng 0, dấu điều khiển) dán theo từ nơi khác: in ra sẽ thành ô trống hoặc làm hỏng việc tìm kiếm.\n\nCách sửa: xóa ký tự ở cột mà thông báo chỉ ra, hoặc thay bằng chữ, số, dấu câu tiếng Việt thông thường.",
        en: "This character is not in the documents' font (an emoji, a dingbat) or is invisible (a zero-width space, a control character) pasted from elsewhere: it would print as an empty box or break search.\n\nFix: delete the character at the column the message points to, or replace it with ordinary letters, digits or punctuation.",
    }
    UnknownChoice = "E0111" {
        "Giá trị không nằm trong danh sách", "Value not in the list",
        vi: "Khóa này chỉ nhận một trong vài giá trị cố định (ví dụ `loai`, `do_khan`, `huong`, `tinh_trang`). Chữ hoa, chữ thường, dấu và `_` thay `-` đều được chấp nhận.\n\nVí dụ sai:\n    do_khan: rất gấp\nViết đúng:\n    do_khan: hoa-toc\n\nCách sửa: chọn một giá trị trong danh sách mà thông báo liệt kê.",
        en: "This key takes one of a few fixed values (e.g. `loai`, `do_khan`, `huong`, `tinh_trang`). Case, diacritics and `_` for `-` are forgiven.\n\nWrong:\n    do_khan: rất gấp\nRight:\n    do_khan: hoa-toc\n\nFix: pick a value from the list the message gives.",
    }
    BadDate = "E0112" {
        "Ngày viết sai", "Date written wrongly",
        vi: "Ngày viết theo năm-tháng-ngày (`2026-01-15`) hoặc ngày/tháng/năm (`15/01/2026`) và phải có thật trên lịch. Văn bản dự thảo chưa có ngày ký viết `2026-01` (chỉ tháng và năm), để văn thư điền ngày.\n\nVí dụ sai:\n    ngay: 30/02/2026\nViết đúng:\n    ngay: 27/02/2026\n\nCách sửa: viết lại ngày theo một trong các dạng trên.",
        en: "Dates are written year-month-day (`2026-01-15`) or day/month/year (`15/01/2026`) and must exist on the calendar. A draft not yet signed writes `2026-01` (month and year only), leaving the day to the văn thư.\n\nWrong:\n    ngay: 30/02/2026\nRight:\n    ngay: 27/02/2026\n\nFix: rewrite the date in one of those forms.",
    }

    // ── 02: files and folders ─────────────────────────────────────────────────────
    ContentFolder = "E0201" {
        "Không có thư mục nội dung", "No content folder",
        vi: "cchc đọc nội dung từ thư mục `content/` (hoặc thư mục nêu sau `--content`); thư mục ấy không có hoặc không đọc được.\n\nCách sửa: chạy lệnh trong thư mục dự án (nơi có `content/`), hoặc chỉ đúng đường dẫn: `cchc build --content duong/dan/content`. Dự án mới tạo bằng `cchc init TÊN`.",
        en: "cchc reads its content from `content/` (or the folder given with `--content`); that folder is missing or unreadable.\n\nFix: run the command in the project folder (the one holding `content/`), or name it: `cchc build --content path/to/content`. Start a new project with `cchc init NAME`.",
    }
    MissingFile = "E0202" {
        "Thiếu tệp bắt buộc", "Required file missing",
        vi: "Một tệp mà các tệp khác cần đến không có: `co_quan.yaml` (cơ quan ban hành, cán bộ, đơn vị) cho mọi văn bản, `ket-qua/chi-tieu.yaml` (danh sách chỉ tiêu) khi có số liệu kỳ báo cáo.\n\nCách sửa: tạo tệp ấy; `cchc init TÊN` tạo sẵn các tệp mẫu để chép theo.",
        en: "A file the others depend on is missing: `co_quan.yaml` (issuer, staff, units) for every document, `ket-qua/chi-tieu.yaml` (the list of targets) when there are period results.\n\nFix: create it; `cchc init NAME` writes sample files to copy from.",
    }
    Unreadable = "E0203" {
        "Không đọc được tệp", "Cannot read a file",
        vi: "Hệ điều hành không cho đọc tệp hoặc thư mục này; thông báo nêu lý do (không có quyền, ổ mạng mất kết nối, tệp đang bị giữ…), kèm nguyên văn của hệ thống trong ngoặc.\n\nCách sửa: kiểm tra tệp còn đó, tài khoản đang chạy cchc có quyền đọc nó, và không chương trình nào đang khóa nó.",
        en: "The operating system refuses to read this file or folder; the message gives the reason (permission, a disconnected network drive, a file held by another program…) with the system's own words in parentheses.\n\nFix: check that the file is there, that the account running cchc may read it, and that no program holds it locked.",
    }
    WrongFileKind = "E0204" {
        "Sai loại tệp", "Wrong kind of file",
        vi: "Ở chỗ cần một tệp lại là thư mục, ở chỗ cần thư mục lại là tệp, hoặc là một thiết bị hay ống dẫn (không phải tệp thông thường) mà cchc không đọc.\n\nCách sửa: đổi tên hoặc chuyển đi thứ đang nằm ở đường dẫn đó, rồi đặt đúng loại (tệp .yaml, hoặc thư mục).",
        en: "A folder stands where a file is needed, a file where a folder is needed, or a device or pipe (not a regular file) that cchc does not read.\n\nFix: rename or move what is at that path and put the right kind of thing there (a .yaml file, or a folder).",
    }
    LinkOutside = "E0205" {
        "Liên kết trỏ ra ngoài dự án", "Link pointing out of the project",
        vi: "Một liên kết tượng trưng (symlink, shortcut) trong thư mục nội dung, giao diện hay phông trỏ tới một chỗ nằm ngoài thư mục ấy. cchc không bao giờ đọc ra ngoài dự án, nên không đọc nó.\n\nCách sửa: chép tệp thật vào thư mục dự án thay cho liên kết.",
        en: "A symbolic link in the content, theme or fonts folder points outside that folder. cchc never reads outside the project, so it is not read.\n\nFix: copy the real file into the project instead of linking to it.",
    }
    BrokenLink = "E0206" {
        "Liên kết hỏng hoặc vòng lặp", "Broken or looping link",
        vi: "Một liên kết tượng trưng trỏ tới chỗ không còn tồn tại, hoặc trỏ ngược về thư mục chứa nó, tạo thành vòng lặp vô tận.\n\nCách sửa: xóa liên kết, hoặc thay bằng bản sao của tệp thật.",
        en: "A symbolic link points at something that no longer exists, or back at a folder holding it, making an endless loop.\n\nFix: delete the link, or replace it with a copy of the real file.",
    }
    FileName = "E0207" {
        "Tên tệp không dùng được", "File name that cannot be used",
        vi: "Tên tệp trở thành tên trang web và tên tệp PDF (`ke-hoach-cchc-2026.yaml` → `ke-hoach-cchc-2026.pdf`), nên phải có chữ cái hoặc chữ số, không trùng với tên trang mà trang web đã dùng (`index`, …).\n\nCách sửa: đổi tên tệp theo gợi ý, dùng chữ thường không dấu, chữ số và dấu gạch ngang.",
        en: "A file's name becomes its web page's and PDF's name (`ke-hoach-cchc-2026.yaml` → `ke-hoach-cchc-2026.pdf`), so it needs letters or digits and may not be a name the site already uses (`index`, …).\n\nFix: rename the file as suggested, with lower-case ASCII letters, digits and hyphens.",
    }
    OutputClash = "E0208" {
        "Hai tệp ghi cùng một trang", "Two files would write the same page",
        vi: "Hai tệp nguồn cho ra cùng một tệp kết quả (ví dụ `Ke-Hoach.yaml` và `ke-hoach.yaml`, chỉ khác chữ hoa hay dấu): tệp sau sẽ ghi đè tệp trước, nên cchc dừng lại.\n\nCách sửa: đổi tên một trong hai tệp.",
        en: "Two source files would produce the same output file (e.g. `Ke-Hoach.yaml` and `ke-hoach.yaml`, differing only in case or diacritics): the second would overwrite the first, so cchc stops.\n\nFix: rename one of the two.",
    }
    NotRead = "W0201" {
        "Tệp hoặc thư mục không được đọc", "File or folder not read",
        vi: "Tệp hay thư mục này nằm trong thư mục nội dung nhưng không thuộc chỗ nào cchc đọc (văn bản nằm trong `van-ban/`, kết quả trong `ket-qua/`), hoặc là tệp tạm, tệp ẩn, hoặc đã được đọc qua một đường dẫn khác. Nó không được in.\n\nCách sửa: nếu đó là một văn bản, chuyển vào `van-ban/` và lưu dưới dạng .yaml; nếu không, chuyển nó ra khỏi thư mục nội dung.",
        en: "This file or folder is inside the content folder but not where cchc reads (documents in `van-ban/`, results in `ket-qua/`), or it is a temporary or hidden file, or was already read through another path. It is not printed.\n\nFix: if it is a document, move it into `van-ban/` as a .yaml file; otherwise move it out of the content folder.",
    }

    // ── 03: the issuer, its staff and ids ─────────────────────────────────────────
    IssuerName = "E0301" {
        "Thiếu tên cơ quan ban hành", "Issuer name missing",
        vi: "`co_quan.yaml` phải có tên cơ quan in ở góc trái văn bản (`ten_in`), ví dụ \"ỦY BAN NHÂN DÂN / XÃ HÒA SƠN\".\n\nCách sửa: thêm `ten_in:` với tên cơ quan như in trên văn bản.",
        en: "`co_quan.yaml` must give the issuer's name printed at the top left (`ten_in`), e.g. \"ỦY BAN NHÂN DÂN / XÃ HÒA SƠN\".\n\nFix: add `ten_in:` with the name as printed.",
    }
    BadId = "E0302" {
        "Mã viết sai", "Malformed id",
        vi: "Mã (của cán bộ, chỉ tiêu, số liệu, đơn vị, tiêu chí) dùng để các tệp khác nhắc tới, và thành một phần của địa chỉ trang, nên chỉ gồm những ký tự được phép: mã cán bộ và chỉ tiêu là chữ thường không dấu, chữ số, dấu gạch ngang; tên số liệu dùng dấu gạch dưới; mã đơn vị là chữ in hoa; mã tiêu chí là số như `1.2.3`.\n\nVí dụ sai:\n    ma: Trần Thị Hoa\nViết đúng:\n    ma: tran-thi-hoa\n\nCách sửa: viết lại mã theo gợi ý trong thông báo.",
        en: "Ids (of staff, targets, counts, units, criteria) are how other files refer to a thing and become part of page addresses, so they use only the allowed characters: staff and target ids lower-case ASCII letters, digits and hyphens; count names underscores; unit codes capitals; criterion codes numbers like `1.2.3`.\n\nWrong:\n    ma: Trần Thị Hoa\nRight:\n    ma: tran-thi-hoa\n\nFix: rewrite the id as the message suggests.",
    }
    DuplicateId = "E0303" {
        "Mã bị trùng", "Duplicate id",
        vi: "Hai mục dùng cùng một mã (cán bộ, đơn vị, chỉ tiêu, mã tiêu chí), nên mọi chỗ nhắc tới mã ấy không biết chỉ mục nào. Thông báo nêu dòng đã dùng mã trước.\n\nCách sửa: đổi một trong hai mã, ví dụ thêm `-2`.",
        en: "Two entries use the same id (staff, unit, target, criterion code), so nothing referring to it can tell which one is meant. The message names the line that used it first.\n\nFix: change one of the two, e.g. add `-2`.",
    }
    UnknownId = "E0304" {
        "Mã không có", "Unknown id",
        vi: "Văn bản nhắc tới một mã (cán bộ, đơn vị, chỉ tiêu, kỳ báo cáo, nhiệm vụ) mà không nơi nào khai báo. Mã phải viết đúng như trong `co_quan.yaml`, `ket-qua/chi-tieu.yaml` hay bảng phân công.\n\nVí dụ sai:\n    can_bo: ct-nguyen-van-thah\nViết đúng:\n    can_bo: ct-nguyen-van-thanh\n\nCách sửa: dùng mã gợi ý \"có phải ý bạn là\", hoặc khai báo mục mới với mã ấy.",
        en: "A document refers to an id (staff, unit, target, period, task) that nothing declares. It must be written exactly as in `co_quan.yaml`, `ket-qua/chi-tieu.yaml` or the assignment table.\n\nWrong:\n    can_bo: ct-nguyen-van-thah\nRight:\n    can_bo: ct-nguyen-van-thanh\n\nFix: use the suggested id, or declare a new entry with that id.",
    }
    BadAddress = "E0305" {
        "Địa chỉ trang web sai", "Invalid web address",
        vi: "Địa chỉ gốc của trang (`trang_web.dia_chi_goc`) dùng để ghi sơ đồ trang (sitemap) nên phải là địa chỉ đầy đủ bắt đầu bằng `https://` hoặc `http://`.\n\nViết đúng:\n    dia_chi_goc: https://hoason.gov.vn/cchc/\n\nCách sửa: viết địa chỉ đầy đủ, hoặc xóa dòng này (khi đó không có sơ đồ trang).",
        en: "The site's base address (`trang_web.dia_chi_goc`) is written into the sitemap, so it must be a full address starting with `https://` or `http://`.\n\nRight:\n    dia_chi_goc: https://hoason.gov.vn/cchc/\n\nFix: write the full address, or delete the line (no sitemap is then written).",
    }

    // ── 04: documents ─────────────────────────────────────────────────────────────
    Kind = "E0401" {
        "Loại văn bản chưa hỗ trợ", "Unsupported kind of document",
        vi: "`loai` cho biết loại văn bản và cách trình bày (kế hoạch, báo cáo, công văn, quyết định, tờ trình, thông báo). Loại này chưa có mẫu trình bày.\n\nCách sửa: chọn một loại trong danh sách mà thông báo liệt kê.",
        en: "`loai` gives the kind of document and its layout (kế hoạch, báo cáo, công văn, quyết định, tờ trình, thông báo). This kind has no layout yet.\n\nFix: choose a kind from the list the message gives.",
    }
    Number = "E0402" {
        "Số văn bản sai", "Invalid document number",
        vi: "Số văn bản là số thứ tự trong sổ đăng ký văn bản đi của năm: chỉ gồm chữ số, từ 1 trở lên (`so: 5` in ra \"Số: 05/KH-UBND\"). Văn bản dự thảo chưa có số thì bỏ dòng `so`.\n\nCách sửa: viết số bằng chữ số, hoặc xóa dòng `so` nếu văn bản chưa được cấp số.",
        en: "The number is the register number of the year's outgoing documents: digits only, 1 or more (`so: 5` prints \"Số: 05/KH-UBND\"). A draft without a number omits `so`.\n\nFix: write the number in digits, or delete `so` if none has been issued yet.",
    }
    NumberReused = "E0403" {
        "Số văn bản đã dùng", "Document number already used",
        vi: "Mỗi số trong sổ đăng ký chỉ cấp một lần trong năm; hai văn bản cùng số và năm sẽ không phân biệt được khi dẫn chiếu. Thông báo nêu văn bản đã dùng số đó.\n\nCách sửa: sửa số của một trong hai văn bản theo sổ đăng ký.",
        en: "Each register number is issued once a year; two documents with the same number and year cannot be told apart when cited. The message names the other document.\n\nFix: correct one of the two numbers from the register.",
    }
    Symbol = "E0404" {
        "Ký hiệu văn bản sai thể thức", "Document symbol not to ND30",
        vi: "Ký hiệu văn bản theo Nghị định 30/2020/NĐ-CP gồm chữ viết tắt tên loại và tên cơ quan (KH-UBND), công văn thì tên cơ quan và đơn vị soạn thảo (UBND-VP). Công văn cần mã đơn vị soạn thảo (`don_vi_soan_thao`).\n\nViết đúng:\n    don_vi_soan_thao: VP\n\nCách sửa: sửa ký hiệu, hoặc thêm đơn vị soạn thảo cho công văn.",
        en: "Under Decree 30/2020/NĐ-CP a symbol joins the kind's abbreviation and the issuer's (KH-UBND); a công văn joins the issuer's and the drafting unit's (UBND-VP), so it needs `don_vi_soan_thao`.\n\nRight:\n    don_vi_soan_thao: VP\n\nFix: correct the symbol, or give the công văn its drafting unit.",
    }
    Recipients = "E0405" {
        "Kính gửi thiếu hoặc thừa", "Kính gửi missing or not allowed",
        vi: "Công văn và tờ trình phải có Kính gửi (`kinh_gui`); kế hoạch, quyết định, báo cáo, thông báo thì không ghi Kính gửi (Nghị định 30/2020/NĐ-CP).\n\nCách sửa: thêm `kinh_gui:` với danh sách nơi gửi, hoặc xóa nó khỏi loại văn bản không dùng.",
        en: "A công văn and a tờ trình must have Kính gửi (`kinh_gui`); a kế hoạch, quyết định, báo cáo or thông báo has none (Decree 30/2020/NĐ-CP).\n\nFix: add `kinh_gui:` with the recipients, or remove it from a kind that does not use it.",
    }
    KeyNotForKind = "E0406" {
        "Khóa không dùng cho loại văn bản này", "Key not used by this kind",
        vi: "Một số khóa chỉ có nghĩa với một loại văn bản: `ky_bao_cao` chỉ cho báo cáo; `tham_quyen`, `can_cu`, `theo_de_nghi` chỉ cho quyết định.\n\nCách sửa: xóa khóa đó, hoặc sửa `loai` nếu văn bản thật sự thuộc loại kia.",
        en: "Some keys belong to one kind only: `ky_bao_cao` to a báo cáo; `tham_quyen`, `can_cu`, `theo_de_nghi` to a quyết định.\n\nFix: delete the key, or correct `loai` if the document really is of that kind.",
    }
    Distribution = "E0407" {
        "Nơi nhận sai thể thức", "Nơi nhận not to ND30",
        vi: "Văn bản phải có Nơi nhận (`noi_nhan`), dòng cuối là nơi lưu: \"Lưu: VT, …\" (văn thư viết tắt VT, có dấu hai chấm).\n\nViết đúng:\n    noi_nhan:\n      - UBND tỉnh (b/c)\n      - Lưu: VT, VP.\n\nCách sửa: thêm Nơi nhận hoặc sửa dòng lưu theo mẫu trên.",
        en: "A document must have its Nơi nhận (`noi_nhan`), whose last line is where it is filed: \"Lưu: VT, …\" (VT for văn thư, with a colon).\n\nRight:\n    noi_nhan:\n      - UBND tỉnh (b/c)\n      - Lưu: VT, VP.\n\nFix: add the Nơi nhận or correct its filing line as above.",
    }
    Signer = "E0408" {
        "Phần ký sai thể thức", "Signature block not to ND30",
        vi: "Phần ký (`nguoi_ky`) gồm các dòng chức danh, dòng đầu là quyền hạn ký khi có (TM., KT., TL., TUQ., Q. theo Nghị định 30), và mã cán bộ ký. Quyền hạn không đúng dạng hoặc thiếu chức danh thì văn bản không ký được.\n\nViết đúng:\n    nguoi_ky:\n      chuc_danh:\n        - TM. ỦY BAN NHÂN DÂN\n        - CHỦ TỊCH\n      can_bo: ct-nguyen-van-thanh\n\nCách sửa: sửa theo mẫu trên.",
        en: "The signature block (`nguoi_ky`) holds the title lines, the first one the signing authority when there is one (TM., KT., TL., TUQ., Q. as in Decree 30), and the signer's staff id. An authority of another form or a missing title leaves nothing to sign.\n\nRight:\n    nguoi_ky:\n      chuc_danh:\n        - TM. ỦY BAN NHÂN DÂN\n        - CHỦ TỊCH\n      can_bo: ct-nguyen-van-thanh\n\nFix: follow the example.",
    }
    Contact = "E0409" {
        "Thiếu thông tin liên hệ", "Contact details missing",
        vi: "Văn bản yêu cầu in địa chỉ, điện thoại, thư điện tử ở cuối (`in_lien_he: true`) nhưng `co_quan.yaml` chưa có mục `lien_he`.\n\nCách sửa: thêm mục `lien_he` vào `co_quan.yaml`, hoặc xóa `in_lien_he`.",
        en: "The document asks for the address, phone and e-mail at its foot (`in_lien_he: true`) but `co_quan.yaml` has no `lien_he`.\n\nFix: add `lien_he` to `co_quan.yaml`, or remove `in_lien_he`.",
    }
    AppendixContent = "E0410" {
        "Phụ lục không rõ nội dung", "Appendix without one content",
        vi: "Mỗi phụ lục có đúng một trong ba loại nội dung: bảng phân công (`bang_phan_cong`), một bảng tự do (`bang`) hoặc văn bản (`noi_dung`).\n\nCách sửa: giữ một trong ba khóa; muốn có hai loại thì tách thành hai phụ lục.",
        en: "Each appendix has exactly one of three contents: an assignment table (`bang_phan_cong`), a free table (`bang`) or text (`noi_dung`).\n\nFix: keep one of the three; split into two appendices to have both.",
    }
    TableShape = "E0411" {
        "Dòng bảng sai số ô", "Table row with the wrong number of cells",
        vi: "Mỗi dòng của một `bang` phải có số ô bằng số cột của dòng tiêu đề, để cột nào cũng thẳng hàng.\n\nCách sửa: thêm ô trống `\"\"` hoặc bớt ô thừa ở dòng mà thông báo chỉ ra.",
        en: "Each row of a `bang` has as many cells as its header has columns, so that every column lines up.\n\nFix: add an empty cell `\"\"` or remove the extra one on the row the message points to.",
    }
    Deadline = "E0412" {
        "Thời hạn không đọc được", "Deadline that cannot be read",
        vi: "Thời hạn của nhiệm vụ được đọc thành ngày kết thúc để biết việc nào đúng hạn, chậm hạn. Viết một ngày (`31/12/2026`), một khoảng (`Quý III/2026`, `Tháng 6/2026`, `6 tháng đầu năm 2026`) hoặc `Thường xuyên`.\n\nVí dụ sai:\n    thoi_han: cuối năm\nViết đúng:\n    thoi_han: 31/12/2026\n\nCách sửa: viết lại thời hạn theo một trong các dạng trên; ngày phải có thật trên lịch.",
        en: "A task's deadline is read into an end date to tell on-time from late work. Write a date (`31/12/2026`), a span (`Quý III/2026`, `Tháng 6/2026`, `6 tháng đầu năm 2026`) or `Thường xuyên`.\n\nWrong:\n    thoi_han: cuối năm\nRight:\n    thoi_han: 31/12/2026\n\nFix: rewrite the deadline in one of those forms; the date must exist on the calendar.",
    }
    DistributionFirst = "W0401" {
        "Nơi nhận nên bắt đầu bằng dòng quen dùng", "Nơi nhận usually starts with a set line",
        vi: "Nơi nhận của công văn, tờ trình thường bắt đầu bằng \"Như trên;\" (những nơi đã ghi ở Kính gửi). Đây chỉ là cảnh báo: văn bản vẫn được dựng.\n\nCách sửa: thêm dòng \"Như trên;\" đầu Nơi nhận nếu phù hợp.",
        en: "The Nơi nhận of a công văn or tờ trình usually starts with \"Như trên;\" (those named under Kính gửi). Only a warning: the document is built.\n\nFix: add \"Như trên;\" first if it fits.",
    }
    FilingAbbreviation = "W0402" {
        "Dòng lưu không viết tắt VT", "Filing line without VT",
        vi: "Nghị định 30 viết tắt văn thư là \"VT\" trong dòng lưu (\"Lưu: VT, VP.\"). Nhiều cơ quan viết \"Văn thư\" đầy đủ; văn bản vẫn được dựng.\n\nCách sửa: viết \"Lưu: VT, …\" nếu muốn đúng mẫu của Nghị định.",
        en: "Decree 30 abbreviates văn thư as \"VT\" in the filing line (\"Lưu: VT, VP.\"). Many offices write \"Văn thư\" in full; the document is still built.\n\nFix: write \"Lưu: VT, …\" to follow the decree's form.",
    }
    AppendixNotCited = "W0403" {
        "Nội dung chưa dẫn chiếu phụ lục", "Body does not cite its appendix",
        vi: "Văn bản có phụ lục nhưng nội dung chưa nhắc tới phụ lục nào; người đọc bản giấy không biết phụ lục đi kèm.\n\nCách sửa: thêm vào nội dung một câu như \"(Có Phụ lục kèm theo)\" hoặc \"chi tiết tại Phụ lục I\".",
        en: "The document has appendices but its body never mentions them; a reader of the paper copy cannot tell they belong.\n\nFix: add a phrase like \"(Có Phụ lục kèm theo)\" or \"chi tiết tại Phụ lục I\" to the body.",
    }
    CriterionOrder = "W0404" {
        "Mã tiêu chí không theo thứ tự", "Criterion codes out of order",
        vi: "Trong bảng phân công, mã tiêu chí nên bắt đầu bằng số của lĩnh vực chứa nó (lĩnh vực II → 2.1, 2.2 …) và không nhảy số. Có thể là gõ nhầm.\n\nCách sửa: kiểm tra lại mã ở dòng mà thông báo chỉ ra.",
        en: "In an assignment table a criterion code starts with its area's number (area II → 2.1, 2.2 …) and does not skip numbers. This may be a typo.\n\nFix: check the code on the line the message points to.",
    }

    // ── 05: results ───────────────────────────────────────────────────────────────
    PeriodDates = "E0501" {
        "Ngày của kỳ báo cáo sai", "Period dates wrong",
        vi: "Kỳ báo cáo có ngày đầu (`tu_ngay`) và ngày cuối (`den_ngay`) đủ ngày, tháng, năm, ngày cuối không trước ngày đầu.\n\nViết đúng:\n    tu_ngay: 2026-01-01\n    den_ngay: 2026-03-31\n\nCách sửa: viết lại hai ngày theo mẫu trên.",
        en: "A period has a start (`tu_ngay`) and an end (`den_ngay`) with day, month and year, the end not before the start.\n\nRight:\n    tu_ngay: 2026-01-01\n    den_ngay: 2026-03-31\n\nFix: rewrite both dates as above.",
    }
    PeriodOverlap = "E0502" {
        "Hai kỳ báo cáo trùng thời gian", "Two periods overlap",
        vi: "Hai kỳ báo cáo có chung những ngày, nên số liệu lũy kế của những ngày ấy sẽ bị cộng hai lần.\n\nCách sửa: sửa `tu_ngay` hoặc `den_ngay` của một kỳ để các kỳ nối tiếp nhau.",
        en: "Two periods share days, so the year-to-date figures of those days would be counted twice.\n\nFix: correct `tu_ngay` or `den_ngay` of one of them so the periods follow each other.",
    }
    Profile = "E0503" {
        "Bộ chỉ số 766 sai", "The 766 profile is wrong",
        vi: "Tệp thay thế Bộ chỉ số 766 (`ket-qua/thang-diem-766.yaml`) phải có điểm tối đa của mỗi thành phần lớn hơn 0, ngưỡng đạt điểm tối đa lớn hơn 0 và không quá 100 %, và tổng điểm tối đa không quá 100.\n\nCách sửa: sửa các con số theo văn bản hướng dẫn của tỉnh, hoặc xóa tệp để dùng bộ chỉ số mặc định.",
        en: "A replacement 766 profile (`ket-qua/thang-diem-766.yaml`) gives each component a maximum above 0, a full-score threshold above 0 and at most 100 %, and maxima summing to at most 100.\n\nFix: correct the figures from the province's guidance, or delete the file to use the default profile.",
    }
    Weight = "E0504" {
        "Hệ số của chỉ tiêu sai", "Invalid target weight",
        vi: "Hệ số (`he_so`) dùng để nhân số liệu khi tính chỉ tiêu, nên phải là số dương.\n\nCách sửa: viết một số lớn hơn 0, hoặc xóa dòng để dùng hệ số 1.",
        en: "The weight (`he_so`) multiplies a count when a target is computed, so it must be positive.\n\nFix: write a number above 0, or delete the line to use 1.",
    }
    ComputedValue = "E0505" {
        "Nhập giá trị cho chỉ tiêu tính từ số liệu", "Value given for a computed target",
        vi: "Chỉ tiêu này được tính theo công thức từ số liệu (`so_lieu`) của kỳ; nhập thẳng giá trị sẽ không kiểm chứng được.\n\nCách sửa: xóa giá trị của chỉ tiêu, nhập các số liệu mà công thức cần.",
        en: "This target is computed by a formula from the period's counts (`so_lieu`); a value typed in directly could not be checked.\n\nFix: delete the target's value and enter the counts its formula needs.",
    }
    Form06 = "E0506" {
        "Biểu 06 sai", "Biểu 06 inconsistent",
        vi: "Số liệu Biểu số 06/VPCP/KSTT phải khớp nhau: số hồ sơ đã giải quyết (trước hạn, đúng hạn, quá hạn) cộng với số đang giải quyết bằng tổng số hồ sơ nhận (kỳ trước chuyển sang, trực tuyến, trực tiếp và qua bưu chính), và không số nào vượt giới hạn. cchc không in một con số không chứng minh được là đúng.\n\nCách sửa: đối chiếu lại dòng của lĩnh vực mà thông báo nêu với báo cáo của Hệ thống thông tin giải quyết TTHC.",
        en: "The Biểu số 06/VPCP/KSTT figures must agree: files settled (early, on time, late) plus files in progress equal files received (carried over, online, in person, by post), and none exceeds its limit. cchc prints no figure it cannot prove right.\n\nFix: check the area's row the message names against the province's administrative-procedure system report.",
    }
    CountClash = "E0507" {
        "Số liệu trùng tên tổng Biểu 06", "Count named like a Biểu 06 total",
        vi: "Tổng của Biểu 06 được tính từ bảng `bieu_06` và dùng như một số liệu; nhập thêm một số liệu cùng tên sẽ cho hai giá trị khác nhau.\n\nCách sửa: xóa số liệu đó, hoặc đổi tên nó.",
        en: "Biểu 06 totals are computed from the `bieu_06` table and used as counts; a count of the same name typed in would give two different values.\n\nFix: delete that count or rename it.",
    }
    TaskPlan = "E0508" {
        "Tình trạng nhiệm vụ không rõ kế hoạch", "Task status without a plan",
        vi: "Tình trạng nhiệm vụ (`nhiem_vu`) được so với bảng phân công của một kế hoạch, nên kỳ báo cáo phải nêu kế hoạch đó (`ke_hoach`, tên tệp của kế hoạch không có `.yaml`).\n\nViết đúng:\n    ke_hoach: ke-hoach-cchc-2026\n\nCách sửa: thêm `ke_hoach:`.",
        en: "Task statuses (`nhiem_vu`) are matched against a plan's assignment table, so the period must name that plan (`ke_hoach`, the plan's file name without `.yaml`).\n\nRight:\n    ke_hoach: ke-hoach-cchc-2026\n\nFix: add `ke_hoach:`.",
    }
    Ratio = "E0509" {
        "Tỷ lệ không tính được", "Rate that cannot be computed",
        vi: "Một tỷ lệ lấy tử số chia mẫu số: tử số không lớn hơn mẫu số (tỷ lệ không vượt 100 %), và khi mẫu số bằng 0 (\"không phát sinh\") thì tử số cũng phải bằng 0.\n\nCách sửa: đối chiếu lại hai số liệu mà thông báo nêu.",
        en: "A rate divides a numerator by a denominator: the numerator is at most the denominator (no rate above 100 %), and when the denominator is 0 (\"không phát sinh\") the numerator is 0 too.\n\nFix: check the two counts the message names.",
    }
    Count = "E0510" {
        "Số liệu không phải số đếm", "Count that is not a count",
        vi: "Số liệu đếm hồ sơ, thủ tục, văn bản nên là số nguyên, không âm, viết liền không có dấu phân cách hàng nghìn (`2150`, không phải `2.150` hay `2,5`), và không lớn quá mức một xã có thể có. cchc không in một con số không chứng minh được là đúng.\n\nVí dụ sai:\n    ho_so_tiep_nhan: 2.150\nViết đúng:\n    ho_so_tiep_nhan: 2150\n\nCách sửa: viết lại số theo gợi ý trong thông báo.",
        en: "Counts of dossiers, procedures or documents are whole, not negative, written without a thousands separator (`2150`, not `2.150` or `2,5`), and no larger than a commune can have. cchc prints no figure it cannot prove right.\n\nWrong:\n    ho_so_tiep_nhan: 2.150\nRight:\n    ho_so_tiep_nhan: 2150\n\nFix: rewrite the number as the message suggests.",
    }
    CountsMissing = "W0501" {
        "Kỳ báo cáo chưa có số liệu", "Period without some counts",
        vi: "Một số chỉ tiêu cần những số liệu mà kỳ này chưa nhập; chúng được in là \"chưa có số liệu\", không bao giờ là 0.\n\nCách sửa: nhập các số liệu ấy vào `so_lieu` của kỳ khi có.",
        en: "Some targets need counts this period does not have yet; they print as \"chưa có số liệu\", never as 0.\n\nFix: enter those counts under the period's `so_lieu` when known.",
    }
    EvidenceLink = "W0502" {
        "Minh chứng không trỏ tới văn bản nào", "Evidence pointing at no document",
        vi: "Minh chứng của nhiệm vụ trỏ tới một trang không có trong trang web (thường do gõ sai tên tệp văn bản).\n\nCách sửa: viết tên tệp của văn bản (không có `.yaml`), hoặc một địa chỉ đầy đủ `https://…`.",
        en: "A task's evidence points at a page the site does not have (usually a mistyped document file name).\n\nFix: write the document's file name (without `.yaml`), or a full `https://…` address.",
    }
    TasksUnreported = "W0503" {
        "Nhiệm vụ chưa có tình trạng", "Tasks without a status",
        vi: "Một số nhiệm vụ của kế hoạch chưa có tình trạng trong kỳ này; chúng được tính là chưa báo cáo.\n\nCách sửa: thêm tình trạng của từng nhiệm vụ vào `nhiem_vu` của kỳ.",
        en: "Some of the plan's tasks have no status this period; they count as not reported.\n\nFix: add each task's status under the period's `nhiem_vu`.",
    }

    // ── 06: fonts and theme ───────────────────────────────────────────────────────
    FontsFolder = "E0601" {
        "Thư mục phông không dùng được", "Fonts folder unusable",
        vi: "Thư mục phông (`--fonts`, hoặc `fonts/` cạnh `content/`) phải có các tệp phông .ttf/.otf/.ttc đọc được.\n\nCách sửa: đặt 4 tệp Times New Roman (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf) vào thư mục ấy, hoặc bỏ thư mục để dùng phông đi kèm.",
        en: "The fonts folder (`--fonts`, or `fonts/` beside `content/`) must hold readable .ttf/.otf/.ttc files.\n\nFix: put the four Times New Roman files (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf) there, or remove the folder to use the bundled font.",
    }
    FontFile = "E0602" {
        "Tệp phông hỏng", "Broken font file",
        vi: "Tệp này không đọc được như một phông chữ TrueType/OpenType (tệp hỏng, tải về chưa xong, hoặc không phải phông).\n\nCách sửa: chép lại tệp phông từ máy khác, hoặc xóa nó khỏi thư mục phông.",
        en: "This file cannot be read as a TrueType/OpenType font (damaged, partly downloaded, or not a font).\n\nFix: copy the font file again from another computer, or remove it from the fonts folder.",
    }
    FontLetters = "E0603" {
        "Phông thiếu chữ tiếng Việt", "Font without the Vietnamese letters",
        vi: "Phông này (thường là Times New Roman bản cũ) thiếu các chữ cái tiếng Việt có dấu; văn bản in bằng nó sẽ có ô trống thay chữ.\n\nCách sửa: dùng bản Times New Roman mới (có sẵn trong Windows từ bản 7), hoặc bỏ thư mục phông để dùng phông đi kèm.",
        en: "This font (usually an old Times New Roman) lacks the Vietnamese letters with diacritics; documents printed with it would show empty boxes.\n\nFix: use a recent Times New Roman (shipped with Windows since 7), or remove the fonts folder to use the bundled font.",
    }
    Theme = "E0604" {
        "Giao diện thiếu tệp hoặc lỗi", "Theme missing a file or failing",
        vi: "Thư mục giao diện (`--theme`) phải có `typst/main.typ` và các mẫu trang; một mẫu lỗi làm văn bản hợp lệ không dựng được. Đây là lỗi của giao diện, không phải của nội dung; bản dựng trước vẫn giữ nguyên.\n\nCách sửa: dùng giao diện mặc định (bỏ `--theme`), hoặc báo người quản trị giao diện kèm chi tiết lỗi.",
        en: "The theme folder (`--theme`) must hold `typst/main.typ` and the page templates; a failing template stops valid content from building. The theme is at fault, not the content; the previous build is untouched.\n\nFix: use the default theme (no `--theme`), or send the details to whoever maintains the theme.",
    }
    FontStyles = "W0601" {
        "Thiếu kiểu chữ của Times New Roman", "Times New Roman styles missing",
        vi: "Thư mục phông có Times New Roman nhưng thiếu một trong bốn kiểu (thường, đậm, nghiêng, đậm nghiêng); mọi văn bản được in bằng phông đi kèm để các kiểu chữ đồng nhất.\n\nCách sửa: thêm các tệp còn thiếu (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf).",
        en: "The fonts folder has Times New Roman but not all four styles (regular, bold, italic, bold italic); every document is printed with the bundled font so the styles match.\n\nFix: add the missing files (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf).",
    }

    // ── 07: the output folder ─────────────────────────────────────────────────────
    OutputRefused = "E0701" {
        "Không dựng vào thư mục này", "Will not build into this folder",
        vi: "cchc thay toàn bộ thư mục đầu ra mỗi lần dựng, nên chỉ dựng vào thư mục chưa có, thư mục trống, hoặc thư mục do chính cchc dựng trước đó. Nó không bao giờ ghi đè thư mục nội dung, giao diện, phông, thư mục nhà, hay một thư mục có tệp của bạn. `cchc init` cũng không ghi đè một thư mục nội dung đã có.\n\nCách sửa: chọn một thư mục khác với `--output`, ví dụ `--output output`.",
        en: "cchc replaces the whole output folder on each build, so it builds only into an absent folder, an empty one, or one an earlier cchc build made. It never replaces the content, theme or fonts folder, the home folder, or a folder holding your files. `cchc init` likewise never writes over an existing content folder.\n\nFix: choose another folder with `--output`, e.g. `--output output`.",
    }
    OutputBusy = "E0702" {
        "Một lần dựng khác đang chạy", "Another build is running",
        vi: "Một lần dựng khác đang ghi vào cùng thư mục đầu ra; hai lần dựng cùng lúc sẽ trộn lẫn tệp, nên lần sau dừng lại.\n\nCách sửa: chờ lần dựng kia xong (thông báo nêu số tiến trình), rồi chạy lại.",
        en: "Another build is writing into the same output folder; two at once would mix their files, so the second stops.\n\nFix: wait for the other build (the message gives its process id) to finish, then run again.",
    }
    OutputWrite = "E0703" {
        "Không ghi được kết quả", "Cannot write the output",
        vi: "Hệ điều hành không cho ghi tệp kết quả (ổ đầy, không có quyền, hai đầu vào cùng ghi một tệp…). Bản dựng trước vẫn giữ nguyên.\n\nCách sửa: giải phóng chỗ trống hoặc cấp quyền ghi, rồi chạy lại.",
        en: "The operating system refuses to write the output (disk full, no permission, two inputs writing one file…). The previous build is untouched.\n\nFix: free some space or grant write permission, then run again.",
    }

    // ── 08: cchc import ───────────────────────────────────────────────────────────
    ImportCell = "E0801" {
        "Ô bảng tính không đọc được", "Spreadsheet cell that cannot be read",
        vi: "Khi nhập bảng tính (`cchc import`), một ô không đúng loại mà cột của nó cần: ngày không có thật, chữ ở cột số, số âm hay số lẻ ở cột số hồ sơ, hoặc dòng Biểu 06 có tổng không khớp. Thông báo nêu địa chỉ ô (`Sheet1!C14`), giá trị gặp và giá trị cần. Không có gì được ghi.\n\nCách sửa: sửa ô ấy trong bảng tính rồi nhập lại, hoặc chạy lại với `--bo-qua-loi` để bỏ qua những ô này.",
        en: "While importing a spreadsheet (`cchc import`), a cell is not of the kind its column needs: a date that does not exist, text in a number column, a negative or fractional count, or a Biểu 06 row whose sums disagree. The message gives the cell (`Sheet1!C14`), the value found and the value needed. Nothing is written.\n\nFix: correct the cell in the spreadsheet and import again, or run again with `--skip-errors` to leave those cells out.",
    }
    ImportTable = "E0802" {
        "Bảng tính hoặc bảng không dùng được", "Spreadsheet or table that cannot be used",
        vi: "Tệp bảng tính không mở được (không có, hỏng, không phải .xlsx/.xls/.ods/.csv), không có trang được nêu, không nhận ra bảng từ dòng tiêu đề, hoặc nội dung nhập vào sẽ làm văn bản có lỗi khi dựng. Không có gì được ghi.\n\nCách sửa: kiểm tra tên tệp và trang (`--sheet`), nói rõ loại bảng bằng `--as bang-phan-cong|bieu-06|so-lieu|bang`, hoặc sửa những lỗi mà thông báo liệt kê.",
        en: "The spreadsheet cannot be opened (missing, damaged, not .xlsx/.xls/.ods/.csv), has no sheet of that name, holds no table recognised from its header row, or its content would make the document fail to build. Nothing is written.\n\nFix: check the file and sheet names (`--sheet`), name the kind of table with `--as bang-phan-cong|bieu-06|so-lieu|bang`, or correct what the message lists.",
    }
    ImportNote = "W0801" {
        "Ghi chú khi nhập bảng tính", "Note on an import",
        vi: "Điều cần biết về bảng tính vừa nhập: dòng hay cột ẩn đã bỏ qua, tên cán bộ hoặc đơn vị không khớp với `co_quan.yaml` (được giữ nguyên như đã viết, không đoán), dòng tổng đã đối chiếu. Việc nhập vẫn tiếp tục.\n\nCách sửa: đọc lại các dòng được nêu; thêm cán bộ, đơn vị còn thiếu vào `co_quan.yaml` nếu cần.",
        en: "Something to know about the imported sheet: hidden rows or columns skipped, staff or unit names that match nothing in `co_quan.yaml` (kept as written, never guessed), a totals row checked. The import goes on.\n\nFix: reread the lines named; add missing staff or units to `co_quan.yaml` if needed.",
    }

    // ── 09: the laid-out PDF, checked against the ND30 checklist ──────────────────
    LayoutHeaderWrapped = "W0901" {
        "Dòng phần đầu bị xuống dòng", "Header line wrapped",
        vi: "Quốc hiệu, Tiêu ngữ, tên cơ quan, dòng Số hoặc dòng địa danh, ngày tháng phải nằm trọn trên một dòng (Nghị định 30/2020/NĐ-CP, Phụ lục I). cchc thu hẹp khoảng giữa hai cột rồi giảm cỡ chữ xuống mức thấp nhất Nghị định cho phép; cảnh báo này nghĩa là một tên vẫn quá dài.\n\nCách sửa: viết tên ngắn hơn theo đúng quy định, ví dụ địa danh của phường là tên phường (\"Đông Hòa\", không phải \"Phường Đông Hòa, Thành phố Hồ Chí Minh\").",
        en: "The Quốc hiệu, Tiêu ngữ, issuer lines, Số line and date line must each stay on one line (Decree 30/2020/NĐ-CP, Appendix I). cchc narrows the gap between the two columns, then lowers the sizes to the decree's minimum; this warning means a name is still too long.\n\nFix: write the shorter form the decree asks for, e.g. a ward's place name is the ward's own name (\"Đông Hòa\", not \"Phường Đông Hòa, Thành phố Hồ Chí Minh\").",
    }
    LayoutHeaderForm = "W0902" {
        "Phần đầu sai cỡ chữ hoặc vị trí", "Header size or position",
        vi: "Một dòng phần đầu không đúng cỡ, kiểu chữ hoặc vị trí: Quốc hiệu 12–13 pt đậm, Tiêu ngữ lớn hơn 1 pt, dòng ngày tháng 13–14 pt nghiêng, cùng hàng với dòng Số.\n\nCách sửa: thường do địa danh quá dài; viết địa danh ngắn hơn.",
        en: "A header line has the wrong size, style or place: Quốc hiệu 12–13 pt bold, Tiêu ngữ 1 pt larger, date line 13–14 pt italic on the Số line's row.\n\nFix: usually a place name too long; write a shorter one.",
    }
    LayoutOutsideMargins = "W0903" {
        "Chữ hoặc bảng ra ngoài vùng in", "Text or table outside the margins",
        vi: "Có chữ hoặc đường kẻ bảng nằm ngoài vùng in (lề trên, dưới 20 mm, trái 30 mm, phải 15 mm).\n\nCách sửa: rút gọn ô quá dài không có chỗ ngắt (địa chỉ web, chuỗi ký tự liền), hoặc đặt `rong_cot` cho bảng.",
        en: "Text or a table rule lies outside the text area (top and bottom 20 mm, left 30 mm, right 15 mm).\n\nFix: shorten an unbreakable cell (a web address, a long run of characters), or give the table `rong_cot`.",
    }
    LayoutPageNumber = "W0904" {
        "Số trang sai", "Page number wrong",
        vi: "Trang đầu (và trang đầu mỗi phụ lục) không đánh số; từ trang 2 số trang ở giữa lề trên, cỡ 13–14 pt, phụ lục đánh số riêng.\n\nCách sửa: đây là lỗi của giao diện; báo người quản trị giao diện.",
        en: "The first page (and each appendix's first page) has no number; from page 2 the number sits at the top centre, 13–14 pt, each appendix numbered on its own.\n\nFix: the theme is at fault; tell whoever maintains it.",
    }
    LayoutHeadingAtFoot = "W0905" {
        "Đề mục nằm cuối trang", "Heading at the foot of a page",
        vi: "Một đề mục (\"I. …\", \"1. …\", \"a) …\", \"Điều 2.\") hoặc một câu dẫn kết thúc bằng dấu hai chấm nằm ở dòng cuối trang, tách khỏi nội dung của nó ở trang sau.\n\nCách sửa: thường cchc tự giữ đề mục với đoạn sau; nếu vẫn còn, thêm hoặc bớt một câu ở trang đó.",
        en: "A heading (\"I. …\", \"1. …\", \"a) …\", \"Điều 2.\") or a lead-in ending in a colon is the last line of a page, apart from its text overleaf.\n\nFix: cchc normally keeps a heading with what follows; if it still happens, add or remove a sentence on that page.",
    }
    LayoutLonelyLine = "W0906" {
        "Dòng đơn lẻ ở đầu trang hoặc cuối trang", "Lonely line at the head or foot of a page",
        vi: "Dòng đầu của một đoạn nằm một mình ở cuối trang, hoặc dòng cuối của đoạn nằm một mình ở đầu trang sau. cchc giữ ít nhất hai dòng của đoạn ở mỗi bên chỗ ngắt trang, trừ khi không thể (đoạn dài hơn một trang).\n\nCách sửa: thường không xảy ra; nếu có, thêm hoặc bớt một câu ở trang đó, hoặc báo người quản trị giao diện nếu giao diện đã đổi cách ngắt trang.",
        en: "A paragraph's first line stands alone at the foot of a page, or its last line alone at the head of the next. cchc keeps at least two lines of a paragraph on each side of a page break unless it cannot (a paragraph longer than a page).\n\nFix: it should not happen; if it does, add or remove a sentence on that page, or tell whoever maintains the theme if it changed how pages break.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_well_formed_and_in_order() {
        let mut last = "";
        for (i, e) in CATALOGUE.iter().enumerate() {
            assert_eq!(e.code as usize, i, "{}", e.id);
            assert!(
                e.id.len() == 5
                    && (e.id.starts_with('E') || e.id.starts_with('W'))
                    && e.id[1..].chars().all(|c| c.is_ascii_digit()),
                "{}",
                e.id
            );
            // Ordered by number, E before W within a group, so the README reads in order.
            let key = |id: &str| {
                (
                    id[1..3].to_string(),
                    id.starts_with('W'),
                    id[3..].to_string(),
                )
            };
            assert!(
                last.is_empty() || key(last) < key(e.id),
                "{last} then {}",
                e.id
            );
            last = e.id;
        }
    }

    #[test]
    fn every_entry_explains_itself_in_both_languages_with_a_fix() {
        for e in CATALOGUE {
            assert!(e.explain_vi.contains("Cách sửa:"), "{}", e.id);
            assert!(e.explain_en.contains("Fix:"), "{}", e.id);
            assert!(!e.title_vi.is_empty() && !e.title_en.is_empty(), "{}", e.id);
        }
    }

    #[test]
    fn a_code_is_found_however_it_is_typed() {
        assert_eq!(Code::find("E0102").map(|e| e.code), Some(Code::UnknownKey));
        assert_eq!(Code::find("e102").map(|e| e.code), Some(Code::UnknownKey));
        assert_eq!(Code::find(" 0102 ").map(|e| e.code), Some(Code::UnknownKey));
        assert_eq!(Code::find("W0201").map(|e| e.code), Some(Code::NotRead));
        assert!(Code::find("W0102").is_none());
        assert!(Code::find("E9999").is_none());
        assert!(Code::find("xyz").is_none());
    }

    #[test]
    fn severity_follows_the_letter() {
        assert_eq!(Code::YamlSyntax.severity(), Severity::Error);
        assert_eq!(Code::NotRead.severity(), Severity::Warning);
    }
}
