//! # cirkel-sheets
//!
//! Kernteams in spreadsheets, as docs/CONTRACTS.md "Spreadsheet input" describes:
//! a workbook (`.xlsx`, `.ods`) with the sheets `School`, `Ringen`,
//! `Leden`, `Routes` and `Overleg`, or a `.csv` of members, read into the
//! input document (the JSON format's value) with the cell of every value,
//! so that cirkel-core's validator checks it with every check and help it
//! has for JSON and each problem is said at its cell (`Leden!C5`). And the
//! way back: documents written as a workbook that reads back the same.
//!
//! ```
//! use cirkel_sheets::{SheetFormat, read, write, WriteOptions};
//! let doc = serde_json::json!({
//!     "school": { "name": "De Ark" },
//!     "members": [ { "id": "cjg", "role": "cjg-coach", "expertise": ["gedrag", "a | b"] } ]
//! });
//! let bytes = write(&[doc.clone()], SheetFormat::Xlsx, &WriteOptions::default()).unwrap();
//! let book = read(&bytes, SheetFormat::Xlsx, "ark");
//! assert!(book.problems.0.is_empty());
//! assert_eq!(book.schools[0].name, "De Ark");
//! assert_eq!(book.schools[0].document, doc);
//! ```
//!
//! Module map: `read/` (zip check, xlsx through calamine, ods and csv
//! here: all to `grid` sheets), `columns` (the sheets and headers),
//! `values` (cells to values: lists, ties, numbers and dates), `tables`
//! (sheets to documents with their cells), `write/` (documents to tables,
//! then xlsx or ods), `json` (a document as tidy JSON text), `limits`.

// A workbook problem is one Diagnostic, returned once per file: its size
// does not matter, and boxing it would only add noise.
#![allow(clippy::result_large_err)]

use std::path::Path;

use cirkel_core::{
    Diagnostic, Diagnostics, Lang, Message, ParseOptions, Parsed, Resources, Severity, Spans, msg,
    nearest, parse_document, quoted_list,
};
use serde_json::Value;

mod columns;
mod grid;
mod json;
pub mod limits;
mod read;
mod tables;
mod values;
mod write;

pub use json::to_json;

/// The spreadsheet formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetFormat {
    /// Excel's workbook (Office Open XML).
    Xlsx,
    /// LibreOffice's workbook (OpenDocument).
    Ods,
    /// A table of members, as text.
    Csv,
}

impl SheetFormat {
    /// The format of a file by its extension (`None` for other files,
    /// JSON among them).
    pub fn of_path(path: &Path) -> Option<SheetFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "xlsx" => Some(SheetFormat::Xlsx),
            "ods" => Some(SheetFormat::Ods),
            "csv" => Some(SheetFormat::Csv),
            _ => None,
        }
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            SheetFormat::Xlsx => "xlsx",
            SheetFormat::Ods => "ods",
            SheetFormat::Csv => "csv",
        }
    }
}

/// Extensions of spreadsheet files cirkel does not read, with why: an
/// `.xlsm` holds macros, `.xls` and `.xlsb` are older or binary formats.
/// The problem to show for such a file, if `path` is one.
pub fn refused(path: &Path) -> Option<Diagnostic> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    let m = match ext.as_str() {
        "xlsm" | "xltm" => msg!("sheet.macros"),
        "xls" | "xlsb" | "xlt" | "fods" | "numbers" => msg!("sheet.other-format", format = ext),
        _ => return None,
    };
    Some(Diagnostic::error("", m).with_help(msg!("sheet.other-format.help")))
}

/// A workbook, read: its schools (each a document to validate) and the
/// problems found on the way (a file that is no workbook, an unknown sheet
/// or column, a row naming no school of the workbook).
#[derive(Debug, Clone, Default)]
pub struct Book {
    /// The schools, in the order of the workbook.
    pub schools: Vec<SchoolDoc>,
    /// Problems of the workbook as a whole (each at its cell, where it has
    /// one). With an error here, no school of the workbook is drawn.
    pub problems: Diagnostics,
    /// The `Partners` sheet, when the workbook has one: a partner list
    /// (`{"version": 1, "partners": [...]}`) with the cell of each value,
    /// for every school of the workbook (`cirkel_core::parse_partners_document`).
    pub partners: Option<SchoolDoc>,
}

/// One school of a workbook: the input document its rows make.
#[derive(Debug, Clone)]
pub struct SchoolDoc {
    /// The school's name (as in `School`, or the fallback name).
    pub name: String,
    /// The input document (the JSON format's value).
    pub document: Value,
    /// The cell of each value of `document`, by JSON path.
    pub spans: Spans,
    /// Problems of this school's cells (a date where text belongs, a phone
    /// number stored as a number).
    pub problems: Diagnostics,
}

/// Reads a workbook or CSV file. `fallback` names the school when the file
/// does not (a CSV of members, a workbook without `School`): `--school` or
/// the file's name. Never fails: a file that cannot be read is a [`Book`]
/// without schools and with the problem.
pub fn read(bytes: &[u8], format: SheetFormat, fallback: &str) -> Book {
    let mut early = Vec::new();
    let sheets = match format {
        SheetFormat::Csv => read::csv::sheet(bytes).map(|(sheet, warnings)| {
            early = warnings;
            vec![sheet]
        }),
        SheetFormat::Xlsx => read::check_zip(bytes, format).and_then(|()| read::xlsx_sheets(bytes)),
        SheetFormat::Ods => read::check_zip(bytes, format).and_then(|()| read::ods_sheets(bytes)),
    };
    let sheets = match sheets {
        Ok(s) => s,
        Err(d) => {
            return Book {
                schools: Vec::new(),
                problems: Diagnostics(vec![d]),
                partners: None,
            };
        }
    };
    let mut book = tables::documents(sheets, fallback, format == SheetFormat::Csv);
    early.append(&mut book.problems.0);
    book.problems.0 = early;
    book
}

impl Book {
    /// True when the workbook as a whole has an error.
    pub fn has_errors(&self) -> bool {
        self.problems.has_errors()
    }

    /// The school named `name` (compared without case and spaces), or the
    /// only school when `name` is `None`. The error lists the schools.
    pub fn school(&self, name: Option<&str>) -> Result<&SchoolDoc, Diagnostic> {
        let names = || quoted_list(self.schools.iter().map(|s| s.name.as_str()), 12);
        match name {
            None if self.schools.len() == 1 => Ok(&self.schools[0]),
            None => Err(
                Diagnostic::error("", msg!("sheet.which-school", n = self.schools.len()))
                    .with_help(msg!("sheet.which-school.help", schools = names())),
            ),
            Some(wanted) => {
                let key = columns::normal(wanted);
                if let Some(s) = self
                    .schools
                    .iter()
                    .find(|s| columns::normal(&s.name) == key)
                {
                    return Ok(s);
                }
                let help = match nearest(wanted, self.schools.iter().map(|s| s.name.as_str())) {
                    Some(near) => msg!("sheet.unknown-school.near", near = near),
                    None => msg!("sheet.unknown-school.known", schools = names()),
                };
                Err(
                    Diagnostic::error("", msg!("sheet.no-such-school", school = wanted))
                        .with_help(help),
                )
            }
        }
    }
}

/// Validates one school of a workbook with every check the JSON format
/// has. The workbook's own problems and the school's come first; on
/// failure every problem found is returned (shown in `options.lang`).
pub fn parse_school(
    book: &Book,
    school: &SchoolDoc,
    options: &ParseOptions,
    files: &dyn Resources,
) -> Result<Parsed, Diagnostics> {
    let lang = options.lang;
    let mut early: Vec<Diagnostic> = book
        .problems
        .0
        .iter()
        .chain(&school.problems.0)
        .cloned()
        .collect();
    let parsed = parse_document(
        school.document.clone(),
        school.spans.clone(),
        options,
        files,
    );
    let words = |d: Diagnostics| Diagnostics(d.0.into_iter().map(in_cell_words).collect());
    let mut all = match parsed {
        Ok(mut p) => {
            let mut warnings = words(std::mem::take(&mut p.warnings)).0;
            if !early.iter().any(|d| d.severity == Severity::Error) {
                early.append(&mut warnings);
                p.warnings = Diagnostics(early).in_lang(lang);
                p.warnings.sort();
                return Ok(p);
            }
            early.append(&mut warnings);
            Diagnostics(early)
        }
        Err(d) => {
            early.append(&mut words(d).0);
            Diagnostics(early)
        }
    };
    all = all.in_lang(lang);
    all.sort();
    Err(all)
}

/// The wording for a workbook's cells of a check whose words name JSON
/// keys and brackets (the same arguments), if it has one.
fn cell_wording(m: &Message) -> Option<Message> {
    let cell = match m.id() {
        "parse.member-needs-role" => Message::new("sheet.fix.member-needs-role"),
        "parse.member-needs-role.help" => Message::new("sheet.fix.member-needs-role.help"),
        "parse.route-needs-question" => Message::new("sheet.fix.route-needs-question"),
        "parse.route-needs-question.help" => Message::new("sheet.fix.route-needs-question.help"),
        "parse.route-needs-steps" => Message::new("sheet.fix.route-needs-steps"),
        "parse.route-needs-steps.help" => Message::new("sheet.fix.route-needs-steps.help"),
        "parse.no-expertise.help" => Message::new("sheet.fix.no-expertise.help"),
        "parse.step-by-role.help" => Message::new("sheet.fix.step-by-role.help"),
        "parse.school-name-missing.help" => Message::new("sheet.fix.school-name-missing.help"),
        "parse.ring-needs-id.help" => Message::new("sheet.fix.ring-needs-id.help"),
        "parse.meeting-needs" => Message::new("sheet.fix.meeting-needs"),
        "parse.meeting-needs.help" => Message::new("sheet.fix.meeting-needs.help"),
        _ => return None,
    };
    Some(m.renamed(cell.id()))
}

/// A problem at a cell in the words of a workbook.
fn in_cell_words(mut d: Diagnostic) -> Diagnostic {
    if d.cell.is_none() {
        return d;
    }
    if let Some(m) = cell_wording(&d.message) {
        d.message = m;
    }
    if let Some(h) = d.help.as_ref().and_then(cell_wording) {
        d.help = Some(h);
    }
    d
}

/// How to write a workbook.
#[derive(Debug, Clone, Default)]
pub struct WriteOptions {
    /// The language of the `(uitleg)` sheet.
    pub lang: Lang,
    /// A partner list (`{"version": 1, "partners": [...]}`) to write as
    /// the `Partners` sheet, which every school of the workbook refers to.
    pub partners: Option<Value>,
}

/// Why a workbook could not be written (the writer's own words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteError(pub String);

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WriteError {}

/// Writes input documents as a workbook: one document gives a one-school
/// workbook, several a workbook of many schools. Also writes the
/// `(uitleg)` sheet (what goes where) and, in `.xlsx`, drop-down lists
/// for `rol`, `ring`, `domein` and `band`. The same documents give the
/// same bytes. [`SheetFormat::Csv`] is not written (it holds members only).
pub fn write(
    docs: &[Value],
    format: SheetFormat,
    options: &WriteOptions,
) -> Result<Vec<u8>, WriteError> {
    let tables = write::tables(docs, options.lang, options.partners.as_ref());
    match format {
        SheetFormat::Xlsx => write::write_xlsx(&tables).map_err(|e| WriteError(e.to_string())),
        SheetFormat::Ods => write::write_ods(&tables).map_err(|e| WriteError(e.to_string())),
        SheetFormat::Csv => Err(WriteError("CSV".into())),
    }
}

/// One sheet of a plain table workbook ([`write_tables`]): its name, its
/// header row and its rows, every cell as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlainSheet {
    /// The sheet's name.
    pub name: String,
    /// The header row.
    pub header: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<String>>,
}

/// Writes plain tables (an overview, not a kernteam) as an `.xlsx`
/// workbook: bold, frozen header rows, every value as text (never a
/// formula), the same tables giving the same bytes.
pub fn write_tables(sheets: &[PlainSheet]) -> Result<Vec<u8>, WriteError> {
    let tables: Vec<write::Table> = sheets
        .iter()
        .map(|s| write::Table {
            name: s.name.clone(),
            widths: s
                .header
                .iter()
                .enumerate()
                .map(|(c, h)| {
                    let longest = s
                        .rows
                        .iter()
                        .filter_map(|r| r.get(c))
                        .map(|v| v.chars().count())
                        .chain([h.chars().count()])
                        .max()
                        .unwrap_or(10);
                    (longest as f64 + 2.0).clamp(8.0, 60.0)
                })
                .collect(),
            header: s.header.clone(),
            rows: s.rows.clone(),
            lists: Vec::new(),
            hidden: false,
        })
        .collect();
    write::write_xlsx(&tables).map_err(|e| WriteError(e.to_string()))
}
