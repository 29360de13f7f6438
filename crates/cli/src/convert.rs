//! `cirkel init` (the starter kernteam as JSON or as a workbook) and
//! `cirkel convert` (JSON to workbook and back). What is written is read
//! back and compared before the file is written: a conversion that would
//! draw a different circle is refused, not written.

use std::path::Path;

use cirkel::{Input, InputKind, SheetFormat};
use cirkel_core::{
    Diagnostic, Diagnostics, Kernteam, Lang, Message, ParseOptions, Parsed, decode_text, msg,
};
use cirkel_sheets::{WriteOptions, parse_school, to_json};
use serde_json::Value;

use crate::commands::parse_input;
use crate::io::{display_name, files_of, read_input, same_file, write_new, write_output};
use crate::report::{Failure, Log, draw_failure};

/// What `init` and `convert` write.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum FileFormat {
    /// The JSON input format.
    Json,
    /// An Excel workbook.
    Xlsx,
    /// A LibreOffice (OpenDocument) workbook.
    Ods,
}

impl FileFormat {
    fn of_name(name: &str) -> Option<FileFormat> {
        let ext = Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(FileFormat::Json),
            "xlsx" => Some(FileFormat::Xlsx),
            "ods" => Some(FileFormat::Ods),
            _ => None,
        }
    }

    fn sheet(self) -> Option<SheetFormat> {
        match self {
            FileFormat::Json => None,
            FileFormat::Xlsx => Some(SheetFormat::Xlsx),
            FileFormat::Ods => Some(SheetFormat::Ods),
        }
    }
}

/// `cirkel init`: the starter kernteam, as JSON or (`--format xlsx`, or
/// an output ending in `.xlsx`/`.ods`) as a filled-in workbook with the
/// guide sheet and drop-down lists. An existing file is kept unless
/// `force`: it may be a filled-in kernteam.
pub(crate) fn init(
    school: &str,
    output: &str,
    force: bool,
    format: Option<FileFormat>,
    lang: Lang,
) -> Result<(), Failure> {
    let format = format
        .or_else(|| FileFormat::of_name(output))
        .unwrap_or(FileFormat::Json);
    let text = cirkel_core::starter(school);
    let bytes = match format.sheet() {
        None => text.into_bytes(),
        Some(sheet) => {
            let doc: Value =
                serde_json::from_str(&text).map_err(|e| Failure::Io(msg!("io.other", text = e)))?;
            workbook(&[doc], sheet, lang, None)?
        }
    };
    if force || output == "-" {
        write_output(output, &bytes)?;
    } else {
        write_new(output, &bytes, &msg!("cli.init-exists", file = output))?;
    }
    if output != "-" {
        Log::direct().say(&msg!("cli.init-wrote", file = output));
    }
    Ok(())
}

fn workbook(
    docs: &[Value],
    format: SheetFormat,
    lang: Lang,
    partners: Option<Value>,
) -> Result<Vec<u8>, Failure> {
    cirkel_sheets::write(docs, format, &WriteOptions { lang, partners })
        .map_err(|e| Failure::Io(msg!("cli.convert-failed", reason = e)))
}

/// `cirkel convert IN... OUT`.
pub(crate) fn convert(
    inputs: &[String],
    output: &str,
    school: Option<&str>,
    force: bool,
    lang: Lang,
) -> Result<(), Failure> {
    let Some(to) = FileFormat::of_name(output) else {
        return Err(Failure::Usage(msg!("cli.convert-format", file = output)));
    };
    if output == "-" || inputs.iter().any(|i| i == "-") {
        return Err(Failure::Usage(msg!("cli.convert-files")));
    }
    if let Some(input) = inputs.iter().find(|i| same_file(i, output)) {
        return Err(Failure::Usage(msg!("cli.output-is-input", file = input)));
    }
    let log = &mut Log::direct();
    // The documents to write, and the kernteams they must give.
    let mut docs = Vec::new();
    let mut expected: Vec<Kernteam> = Vec::new();
    let mut list = None;
    for input in inputs {
        let d = documents(input, school, lang, log)?;
        docs.extend(d.docs);
        expected.extend(d.kernteams);
        list = list.or(d.list);
    }
    if let Some(twice) = expected
        .iter()
        .enumerate()
        .find(|(i, k)| {
            expected[..*i]
                .iter()
                .any(|e| e.school.name == k.school.name)
        })
        .map(|(_, k)| k.school.name.clone())
    {
        return Err(Failure::Usage(msg!(
            "cli.convert-same-school",
            school = twice
        )));
    }
    // References stay references: a workbook gets the list as its
    // Partners sheet; a JSON file from a workbook names the list, written
    // beside it.
    let mut list_file = None;
    let bytes = match to.sheet() {
        Some(sheet) => {
            for doc in &mut docs {
                if let Value::Object(o) = doc {
                    o.remove("partners");
                }
            }
            workbook(
                &docs,
                sheet,
                lang,
                list.as_deref().map(cirkel_core::PartnerList::document),
            )?
        }
        None => match docs.as_mut_slice() {
            [doc] => {
                if let (Some(l), Value::Object(o)) = (&list, &mut *doc)
                    && !o.contains_key("partners")
                    && crate::report::partners().is_none()
                {
                    let file = Path::new(output).with_file_name("partners.json");
                    o.insert("partners".into(), Value::from("partners.json"));
                    list_file = Some((file, to_json(&l.document())));
                }
                to_json(doc).into_bytes()
            }
            _ => {
                log.error(
                    &inputs.join(", "),
                    &msg!("sheet.which-school", n = docs.len()),
                );
                return Err(Failure::Usage(msg!("cli.convert-one-json")));
            }
        },
    };
    let first = inputs.first().map_or(".", String::as_str);
    check_same(first, &bytes, to, &expected, (lang, list.clone())).map_err(|m| {
        Failure::Io(msg!("cli.convert-differs", file = output).arg_msg("reason", m))
    })?;
    if let Some((file, text)) = &list_file {
        let shown = file.display().to_string();
        if force {
            write_output(&shown, text.as_bytes())?;
        } else {
            write_new(
                &shown,
                text.as_bytes(),
                &msg!("cli.convert-exists", file = &shown),
            )?;
        }
    }
    if force {
        write_output(output, &bytes)?;
    } else {
        write_new(output, &bytes, &msg!("cli.convert-exists", file = output))?;
    }
    log.say(&msg!("cli.convert-wrote", file = output, n = docs.len()));
    Ok(())
}

/// The documents of an input (a JSON file: one) and their kernteams; the
/// input must be free of errors.
fn documents(
    input: &str,
    school: Option<&str>,
    lang: Lang,
    log: &mut Log,
) -> Result<Documents, Failure> {
    let name = display_name(input);
    match InputKind::of_path(Path::new(input)) {
        InputKind::Json => {
            let parsed = parse_input(input, lang, None, log, draw_failure)?;
            let bytes = read_input(input, log)?;
            let text = decode_text(&bytes).map_err(|d| report_one(&name, d, log))?;
            let doc: Value =
                serde_json::from_str(text).map_err(|e| Failure::Io(msg!("io.other", text = e)))?;
            // The list its members refer to: `--partners`, or the file it names.
            let list = match (
                crate::report::partners(),
                doc.get("partners").and_then(Value::as_str),
            ) {
                (Some(list), _) => Some(list),
                (None, Some(file)) => {
                    let path = Path::new(input)
                        .parent()
                        .unwrap_or(Path::new("."))
                        .join(file);
                    let (list, _) = cirkel::load_partners(&path, lang)
                        .map_err(|e| draw_failure(&name, e, log))?;
                    Some(list)
                }
                (None, None) => None,
            };
            Ok(Documents {
                docs: vec![doc],
                kernteams: vec![parsed.kernteam],
                list,
            })
        }
        InputKind::Sheet(format) => sheet_documents(input, format, school, lang, log),
    }
}

/// What an input gives a conversion: its documents as written, the
/// kernteams they must give, and the partner list they refer to.
struct Documents {
    docs: Vec<Value>,
    kernteams: Vec<Kernteam>,
    list: Option<std::sync::Arc<cirkel_core::PartnerList>>,
}

fn report_one(name: &str, d: Diagnostic, log: &mut Log) -> Failure {
    draw_failure(name, Diagnostics::one(d).into(), log)
}

/// The documents of a workbook's schools (the one `school` names, or all
/// of them), each valid, and their kernteams.
fn sheet_documents(
    input: &str,
    format: SheetFormat,
    school: Option<&str>,
    lang: Lang,
    log: &mut Log,
) -> Result<Documents, Failure> {
    let name = display_name(input);
    let bytes = read_input(input, log)?;
    let fallback = Input::of_file(&bytes, Path::new(input), school)
        .fallback_name
        .to_string();
    let mut book = cirkel_sheets::read(&bytes, format, &fallback);
    let mut options = ParseOptions {
        lang,
        base_dir: None,
        partners: crate::report::partners(),
    };
    let files = files_of(input);
    // The workbook's own Partners sheet, unless `--partners` was given.
    cirkel::with_book_list(&mut book, &mut options, &files);
    let chosen: Vec<&cirkel_sheets::SchoolDoc> = match school {
        Some(_) => vec![book.school(school).map_err(|d| report_one(&name, d, log))?],
        None => book.schools.iter().collect(),
    };
    let mut docs = Vec::new();
    let mut kernteams = Vec::new();
    let mut failed = None;
    for s in chosen {
        match parse_school(&book, s, &options, &files) {
            Ok(Parsed { kernteam, .. }) => {
                docs.push(s.document.clone());
                kernteams.push(kernteam);
            }
            Err(d) => failed = Some(draw_failure(&name, d.into(), log)),
        }
    }
    match failed {
        Some(f) => Err(f),
        None => Ok(Documents {
            docs,
            kernteams,
            list: options.partners,
        }),
    }
}

/// Reads what is about to be written and compares its kernteams with
/// those of the input.
fn check_same(
    input: &str,
    bytes: &[u8],
    to: FileFormat,
    expected: &[Kernteam],
    (lang, partners): (Lang, Option<std::sync::Arc<cirkel_core::PartnerList>>),
) -> Result<(), Message> {
    let options = ParseOptions {
        lang,
        base_dir: None,
        partners,
    };
    let files = files_of(input);
    let got: Vec<Kernteam> = match to.sheet() {
        None => vec![
            cirkel_core::parse_with(bytes, &options, &files)
                .map_err(|d| msg!("io.other", text = d))?
                .kernteam,
        ],
        Some(sheet) => {
            let book = cirkel_sheets::read(bytes, sheet, "school");
            let mut out = Vec::new();
            for s in &book.schools {
                out.push(
                    parse_school(&book, s, &options, &files)
                        .map_err(|d| msg!("io.other", text = d))?
                        .kernteam,
                );
            }
            out
        }
    };
    if got.len() != expected.len() {
        return Err(msg!("cli.convert-count", n = got.len(), m = expected.len()));
    }
    for (g, e) in got.iter().zip(expected) {
        if g != e {
            return Err(msg!("cli.convert-school", school = &e.school.name));
        }
    }
    Ok(())
}
