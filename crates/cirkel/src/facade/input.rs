//! Inputs of every kind: a JSON file, a workbook (`.xlsx`, `.ods`) of one
//! school or many, a `.csv` of members. Each gives schools to draw, every
//! one validated by the same checks (cirkel-core) with problems placed by
//! line and column or by cell.

use std::path::Path;
use std::sync::Arc;

use cirkel_core::{
    Diagnostic, Diagnostics, Lang, ParseOptions, Parsed, PartnerList, Resources,
    parse_partners_document, parse_with,
};
use cirkel_sheets::{Book, SheetFormat, parse_school};

use super::DrawError;

/// What an input file is, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// The JSON input format (also any file with another extension, and
    /// standard input).
    Json,
    /// A workbook or CSV file (docs/CONTRACTS.md "Spreadsheet input").
    Sheet(SheetFormat),
}

impl InputKind {
    /// The kind of the file at `path`: `.xlsx`, `.ods` and `.csv` are
    /// spreadsheets, everything else JSON.
    pub fn of_path(path: &Path) -> InputKind {
        SheetFormat::of_path(path).map_or(InputKind::Json, InputKind::Sheet)
    }
}

/// An input file's bytes and what they are.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The file's bytes.
    pub bytes: &'a [u8],
    /// What they are.
    pub kind: InputKind,
    /// The school's name where the file gives none (a CSV of members, a
    /// workbook without a `School` sheet): `--school`, else the file's
    /// name without extension.
    pub fallback_name: &'a str,
}

impl<'a> Input<'a> {
    /// The input read from `path`: its kind by extension, its file name as
    /// the fallback school name (`--school` overrides it).
    pub fn of_file(bytes: &'a [u8], path: &'a Path, school: Option<&'a str>) -> Input<'a> {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("school");
        Input {
            bytes,
            kind: InputKind::of_path(path),
            fallback_name: school.unwrap_or(stem),
        }
    }
}

/// One school of an input: its name and its validation.
#[derive(Debug, Clone)]
pub struct SchoolInput {
    /// The school's name as the input gives it (`None` for a JSON file
    /// that could not be read).
    pub name: Option<String>,
    /// The school, validated, or every problem found.
    pub parsed: Result<Parsed, Diagnostics>,
}

/// Every school of an input, each validated (a JSON file has one). An
/// error of the workbook as a whole (not a workbook, an unknown sheet or
/// column) is the `Err`, with every problem of its schools too.
pub fn parse_schools(
    input: &Input<'_>,
    files: &dyn Resources,
    lang: Lang,
    partners: Option<&Arc<PartnerList>>,
) -> Result<Vec<SchoolInput>, Diagnostics> {
    let mut options = ParseOptions {
        lang,
        base_dir: None,
        partners: partners.cloned(),
    };
    let format = match input.kind {
        InputKind::Json => {
            let parsed = parse_with(input.bytes, &options, files);
            let name = parsed.as_ref().ok().map(|p| p.kernteam.school.name.clone());
            return Ok(vec![SchoolInput { name, parsed }]);
        }
        InputKind::Sheet(format) => format,
    };
    let mut book = cirkel_sheets::read(input.bytes, format, input.fallback_name);
    with_book_list(&mut book, &mut options, files);
    let schools: Vec<SchoolInput> = book
        .schools
        .iter()
        .map(|s| SchoolInput {
            name: Some(s.name.clone()),
            parsed: parse_school(&Book::default(), s, &options, files),
        })
        .collect();
    if book.has_errors() {
        let mut all = book.problems.in_lang(lang);
        for s in schools {
            if let Err(d) = s.parsed {
                all.0.extend(d.0);
            }
        }
        all.sort();
        return Err(all);
    }
    let warnings = book.problems.in_lang(lang);
    Ok(schools
        .into_iter()
        .map(|mut s| {
            if let Ok(p) = &mut s.parsed {
                p.warnings.0.splice(0..0, warnings.0.iter().cloned());
            }
            s
        })
        .collect())
}

/// The one school of an input that `school` names (by its name), or the
/// only one. A workbook of many schools without `school` is an error that
/// lists them.
pub fn parse_input(
    input: &Input<'_>,
    files: &dyn Resources,
    lang: Lang,
    school: Option<&str>,
    partners: Option<&Arc<PartnerList>>,
) -> Result<Parsed, DrawError> {
    let mut options = ParseOptions {
        lang,
        base_dir: None,
        partners: partners.cloned(),
    };
    let InputKind::Sheet(format) = input.kind else {
        return Ok(parse_with(input.bytes, &options, files)?);
    };
    let mut book = cirkel_sheets::read(input.bytes, format, input.fallback_name);
    with_book_list(&mut book, &mut options, files);
    let chosen = match book.school(school) {
        Ok(s) => s,
        Err(d) => {
            // A workbook that cannot be read says why, not "which school?".
            let mut all = book.problems.clone();
            if !book.has_errors() {
                all.0.push(d);
            }
            return Err(DrawError::Input(all.in_lang(lang)));
        }
    };
    Ok(parse_school(&book, chosen, &options, files)?)
}

/// The names of the schools of an input, for naming outputs (`None` for
/// JSON: one school, named after the file). Problems are left to the
/// parse.
pub fn school_names(input: &Input<'_>) -> Option<Vec<String>> {
    let InputKind::Sheet(format) = input.kind else {
        return None;
    };
    let book = cirkel_sheets::read(input.bytes, format, input.fallback_name);
    Some(book.schools.iter().map(|s| s.name.clone()).collect())
}

/// The problem for a spreadsheet format cirkel does not read (`.xlsm`,
/// `.xls`, …), if `path` is one.
pub fn refused_input(path: &Path) -> Option<Diagnostic> {
    cirkel_sheets::refused(path)
}

/// A workbook's own `Partners` sheet as the list its schools refer to
/// (set in `options.partners`),
/// unless a list was given (`--partners`): checked, its warnings and
/// errors added to the workbook's problems (each at its cell).
pub fn with_book_list(book: &mut Book, options: &mut ParseOptions, files: &dyn Resources) {
    if options.partners.is_some() {
        return;
    }
    let Some(sheet) = book.partners.take() else {
        return;
    };
    book.problems.0.extend(sheet.problems.0.iter().cloned());
    let list_options = ParseOptions {
        partners: None,
        ..options.clone()
    };
    match parse_partners_document(
        sheet.document,
        sheet.spans,
        &sheet.name,
        None,
        &list_options,
        files,
    ) {
        Ok((list, warnings)) => {
            book.problems.0.extend(warnings.0);
            options.partners = Some(Arc::new(list));
        }
        Err(d) => {
            book.problems.0.extend(d.0);
            options.partners = Some(Arc::new(PartnerList::unreadable(&sheet.name)));
        }
    }
}
