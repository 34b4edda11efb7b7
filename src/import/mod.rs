//! `cchc import`: the tables an office already keeps in Excel (or LibreOffice, or CSV)
//! turned into the project's YAML. The table is recognised from its column titles: an
//! assignment table → a plan's `phu_luc`, Biểu 06 → a period's `bieu_06`, named counts →
//! `so_lieu`, anything else → a `bang` phụ lục. Every cell is either taken in or reported
//! with its address; nothing is written while a cell is unaccounted for.

pub mod assign;
pub mod cell;
pub mod form06;
pub mod grid;
pub mod header;
pub mod hidden;
pub mod names;
pub mod ods;
pub mod other;
pub mod run;
pub mod value;
pub mod yaml_out;

use std::path::{Path, PathBuf};

use crate::diag::Text;
use cell::Problem;
use grid::{Book, Grid};

/// What a sheet holds (`--as`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// Bảng phân công nhiệm vụ → `phu_luc` của kế hoạch.
    BangPhanCong,
    /// Biểu số 06/VPCP/KSTT → `bieu_06` của kỳ báo cáo.
    #[value(name = "bieu-06")]
    Bieu06,
    /// Bảng số liệu (tên, số) → `so_lieu` của kỳ báo cáo.
    SoLieu,
    /// Bảng khác → phụ lục `bang`.
    Bang,
}

impl Kind {
    /// The top-level key the result goes under.
    pub fn key(self) -> &'static str {
        match self {
            Kind::BangPhanCong | Kind::Bang => "phu_luc",
            Kind::Bieu06 => "bieu_06",
            Kind::SoLieu => "so_lieu",
        }
    }

    pub fn name(self) -> Text {
        match self {
            Kind::BangPhanCong => Text::new("bảng phân công nhiệm vụ", "assignment table"),
            Kind::Bieu06 => Text::new("Biểu số 06/VPCP/KSTT", "Biểu 06 (one-stop figures)"),
            Kind::SoLieu => Text::new("bảng số liệu", "table of counts"),
            Kind::Bang => Text::new("bảng", "table"),
        }
    }
}

/// Something said about the import that is not an error: a name left as written, hidden
/// rows skipped, blank cells read as 0.
#[derive(Debug, Clone)]
pub struct Note {
    pub text: Text,
}

/// What reading one sheet found besides the YAML.
#[derive(Debug, Default)]
pub struct Found {
    pub problems: Vec<Problem>,
    pub notes: Vec<Note>,
    /// Names that match nobody in `co_quan.yaml`: (staff or unit, the name, its cells), in
    /// the order first met, so that one name written in 40 rows is one line.
    unmatched: Vec<(bool, String, Vec<String>)>,
}

impl Found {
    pub fn problem(&mut self, p: Problem) {
        self.problems.push(p);
    }

    fn unmatched(&mut self, at: String, name: &str, staff: bool) {
        match self
            .unmatched
            .iter_mut()
            .find(|(s, n, _)| *s == staff && n == name)
        {
            Some((_, _, cells)) => cells.push(at),
            None => self.unmatched.push((staff, name.to_string(), vec![at])),
        }
    }

    /// The unmatched names as notes, each with the cells it is written in.
    fn list_unmatched(&mut self) {
        for (staff, name, cells) in std::mem::take(&mut self.unmatched) {
            self.notes
                .push(assign::unmatched_note(&cells, &name, staff));
        }
    }
}

/// `cchc import`'s arguments.
#[derive(Debug, Clone, clap::Args)]
pub struct Options {
    /// Tệp .xlsx, .xls, .ods hoặc .csv.
    pub file: PathBuf,
    /// Loại bảng; mặc định: nhận ra từ tiêu đề cột.
    #[arg(long = "as", value_enum)]
    pub kind: Option<Kind>,
    /// Tên trang (sheet) cần đọc; mặc định: trang đầu tiên có bảng nhận ra được.
    #[arg(long)]
    pub sheet: Option<String>,
    /// Ghi vào mục tương ứng của tệp YAML này (các phần khác giữ nguyên); mặc định: in ra.
    #[arg(long = "vao", visible_alias = "into")]
    pub into: Option<PathBuf>,
    /// Bỏ qua các ô không đọc được thay vì dừng lại.
    #[arg(long = "bo-qua-loi", visible_alias = "skip-errors")]
    pub skip_errors: bool,
    /// Thư mục nội dung (để đối chiếu tên cán bộ, đơn vị với co_quan.yaml).
    #[arg(long, default_value = "content")]
    pub content: PathBuf,
}

/// A sheet read into YAML.
#[derive(Debug)]
pub struct Imported {
    pub kind: Kind,
    pub sheet: String,
    /// "A3:G65".
    pub range: String,
    /// The block as written under its key: for `phu_luc`, one list item.
    pub block: String,
    /// The phụ lục's title (to find its namesake in `--vao`).
    pub title: String,
    pub found: Found,
}

impl Imported {
    /// The comment line naming the source.
    pub fn source_comment(&self, file: &Path) -> String {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
        format!(
            "# Nhập từ {name}, trang \"{}\", ô {} (cchc import).\n",
            self.sheet, self.range
        )
    }

    /// The whole YAML as printed to stdout: the key, the comment, the block.
    pub fn document(&self, file: &Path) -> String {
        let comment = self.source_comment(file);
        match self.kind {
            Kind::BangPhanCong | Kind::Bang => format!("phu_luc:\n  {comment}{}", self.block),
            _ => {
                let (head, rest) = self.block.split_once('\n').unwrap_or((&self.block, ""));
                format!("{head}\n  {comment}{rest}")
            }
        }
    }
}

/// Reads `opts.file` and turns the chosen (or first recognised) sheet into YAML.
pub fn read(opts: &Options) -> Result<Imported, Text> {
    let mut book = Book::open(&opts.file)?;
    let names = match &opts.sheet {
        Some(s) => match book
            .names
            .iter()
            .find(|n| n == &s || header::key(n) == header::key(s))
        {
            Some(n) => vec![n.clone()],
            None => return Err(no_such_sheet(s, &book.names)),
        },
        None => book.names.clone(),
    };
    let mut first_table = None;
    for name in &names {
        let grid = book.grid(name)?;
        let Some(table) = header::find(&grid) else {
            continue;
        };
        let kind = recognise(&grid, &table);
        let wanted = opts.kind.unwrap_or(kind);
        // Without `--as`, a sheet that is only "a table" is kept in case nothing better comes.
        if wanted == kind && (opts.kind.is_some() || kind != Kind::Bang) {
            return Ok(convert(&grid, &table, wanted, &opts.content));
        }
        if first_table.is_none() {
            first_table = Some((grid, table, kind));
        }
    }
    match (first_table, opts.kind) {
        (Some((grid, table, _)), None) => Ok(convert(&grid, &table, Kind::Bang, &opts.content)),
        (Some((grid, table, _)), Some(Kind::Bang)) => {
            Ok(convert(&grid, &table, Kind::Bang, &opts.content))
        }
        (Some((_, _, found)), Some(k)) => Err(not_that_kind(k, found, &names)),
        (None, _) => Err(Text::new(
            "Không thấy bảng nào: cần một dòng tiêu đề cột (ví dụ STT, Nội dung, …) và các dòng số liệu dưới nó.",
            "No table found: a row of column titles (STT, Nội dung, …) with rows of data under it is needed.",
        )),
    }
}

fn recognise(grid: &Grid, table: &header::Table) -> Kind {
    if form06::recognised(&table.columns) {
        Kind::Bieu06
    } else if assign::recognised(&table.columns) {
        Kind::BangPhanCong
    } else if other::recognised(grid, table) {
        Kind::SoLieu
    } else {
        Kind::Bang
    }
}

fn convert(grid: &Grid, table: &header::Table, kind: Kind, content: &Path) -> Imported {
    let mut found = Found::default();
    let block = match kind {
        Kind::BangPhanCong => {
            let dir = names::Directory::load(content);
            if !dir.loaded {
                found.notes.push(Note {
                    text: Text::new(
                        format!(
                            "Không đọc được {}: tên cán bộ, đơn vị được giữ nguyên chữ.",
                            content.join("co_quan.yaml").display()
                        ),
                        format!(
                            "Cannot read {}: staff and unit names are kept as written.",
                            content.join("co_quan.yaml").display()
                        ),
                    ),
                });
            }
            let block = assign::build(grid, table, &dir, &mut found);
            found.list_unmatched();
            block
        }
        Kind::Bieu06 => form06::build(grid, table, &mut found),
        Kind::SoLieu => other::counts(grid, table, &mut found),
        Kind::Bang => other::table(grid, table, &mut found),
    };
    hidden_notes(grid, table, &mut found);
    let left = table.columns.first().map_or(0, |c| c.index);
    let right = table.columns.last().map_or(0, |c| c.index);
    let bottom = table.rows.last().copied().unwrap_or(table.header_bottom);
    Imported {
        kind,
        sheet: grid.sheet.clone(),
        range: format!(
            "{}:{}",
            grid::address(table.header_top, left),
            grid::address(bottom, right)
        ),
        block,
        title: table.title.clone().unwrap_or_else(|| grid.sheet.clone()),
        found,
    }
}

fn hidden_notes(grid: &Grid, table: &header::Table, found: &mut Found) {
    let list = |v: &[u32], f: &dyn Fn(u32) -> String| {
        v.iter().map(|&x| f(x)).collect::<Vec<_>>().join(", ")
    };
    if !table.hidden_rows.is_empty() {
        let rows = list(&table.hidden_rows, &|r| (r + 1).to_string());
        found.notes.push(Note {
            text: Text::new(
                format!(
                    "{}: bỏ qua {} dòng ẩn ({rows}).",
                    grid.sheet,
                    table.hidden_rows.len()
                ),
                format!(
                    "{}: skipped {} hidden rows ({rows}).",
                    grid.sheet,
                    table.hidden_rows.len()
                ),
            ),
        });
    }
    if !table.hidden_cols.is_empty() {
        let cols = list(&table.hidden_cols, &grid::column_letters);
        found.notes.push(Note {
            text: Text::new(
                format!(
                    "{}: bỏ qua {} cột ẩn ({cols}).",
                    grid.sheet,
                    table.hidden_cols.len()
                ),
                format!(
                    "{}: skipped {} hidden columns ({cols}).",
                    grid.sheet,
                    table.hidden_cols.len()
                ),
            ),
        });
    }
    if !grid.hidden_known {
        found.notes.push(Note {
            text: Text::new(
                "Với tệp .xls, .xlsb, dòng và cột ẩn không nhận ra được: mọi dòng đều được đọc.",
                "In .xls and .xlsb files hidden rows and columns cannot be seen: every row is read.",
            ),
        });
    }
}

fn no_such_sheet(given: &str, names: &[String]) -> Text {
    let list = names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let guess = crate::suggest::closest(given, names.iter().map(String::as_str));
    let (gvi, gen_) = guess.map_or((String::new(), String::new()), |g| {
        (
            format!(" Có phải ý bạn là \"{g}\"?"),
            format!(" Did you mean \"{g}\"?"),
        )
    });
    Text::new(
        format!("Không có trang \"{given}\". Các trang: {list}.{gvi}"),
        format!("There is no sheet \"{given}\". Sheets: {list}.{gen_}"),
    )
}

fn not_that_kind(wanted: Kind, found: Kind, names: &[String]) -> Text {
    let (w, f) = (wanted.name(), found.name());
    Text::new(
        format!(
            "Không trang nào ({}) có cột của {}; trang đầu tiên trông như {}. Kiểm tra tiêu đề cột hoặc chọn trang bằng --sheet.",
            names.join(", "),
            w.vi,
            f.vi
        ),
        format!(
            "No sheet ({}) has the columns of a {}; the first looks like a {}. Check the column titles or pick a sheet with --sheet.",
            names.join(", "),
            w.en,
            f.en
        ),
    )
}
