//! A workbook is a zip archive: before a reader touches it, every part is
//! unpacked once and counted, so a zip bomb (a small file that unpacks to
//! gigabytes), a flood of parts or macros are refused before they cost
//! anything. Unpacking is deterministic: the reader later sees exactly the
//! bytes counted here.

use std::io::{Cursor, Read};

use cirkel_core::{Diagnostic, msg};

use crate::SheetFormat;
use crate::limits::{MAX_PART_BYTES, MAX_UNPACKED_BYTES, MAX_ZIP_ENTRIES};

/// The start of an OLE compound file: an old `.xls`, or an `.xlsx` saved
/// with a password (encrypted workbooks are not zip archives).
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// What an `.ods` file's `mimetype` part says.
const ODS_MIMETYPE: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";

/// Checks the archive of a workbook of `format`.
pub(crate) fn check(bytes: &[u8], format: SheetFormat) -> Result<(), Diagnostic> {
    if bytes.starts_with(&OLE_MAGIC) {
        return Err(Diagnostic::error("", msg!("sheet.ole")).with_help(msg!("sheet.ole.help")));
    }
    let not_a_workbook = || {
        Diagnostic::error("", msg!("sheet.not-zip", format = format.extension()))
            .with_help(msg!("sheet.not-zip.help"))
    };
    if !bytes.starts_with(b"PK") {
        return Err(not_a_workbook());
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| not_a_workbook())?;
    if zip.len() > MAX_ZIP_ENTRIES {
        return Err(
            Diagnostic::error("", msg!("sheet.zip-entries", limit = MAX_ZIP_ENTRIES))
                .with_help(msg!("sheet.zip-bomb.help")),
        );
    }
    let mut total = 0u64;
    let mut mimetype = Vec::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(super::damaged)?;
        let name = part.name().map_err(super::damaged)?.to_ascii_lowercase();
        if name.contains("vbaproject") || name.ends_with(".bin") && name.contains("macro") {
            return Err(
                Diagnostic::error("", msg!("sheet.macros")).with_help(msg!("sheet.macros.help"))
            );
        }
        if part.encrypted() {
            return Err(Diagnostic::error("", msg!("sheet.ole")).with_help(msg!("sheet.ole.help")));
        }
        let keep = name == "mimetype";
        let strings = name.ends_with("sharedstrings.xml");
        let mut shared = Vec::new();
        let mut buf = [0u8; 16 * 1024];
        let mut size = 0u64;
        loop {
            let n = part.read(&mut buf).map_err(super::damaged)?;
            if n == 0 {
                break;
            }
            size += n as u64;
            total += n as u64;
            if keep && mimetype.len() < 256 {
                mimetype.extend_from_slice(&buf[..n.min(256)]);
            }
            if strings {
                shared.extend_from_slice(&buf[..n]);
            }
            if size > MAX_PART_BYTES || total > MAX_UNPACKED_BYTES {
                return Err(Diagnostic::error(
                    "",
                    msg!("sheet.zip-bomb", limit = MAX_UNPACKED_BYTES / (1024 * 1024)),
                )
                .with_help(msg!("sheet.zip-bomb.help")));
            }
        }
        if strings {
            check_shared_strings(&shared)?;
        }
    }
    match format {
        SheetFormat::Ods if mimetype.trim_ascii() != ODS_MIMETYPE => Err(Diagnostic::error(
            "",
            msg!(
                "sheet.not-ods",
                found = String::from_utf8_lossy(mimetype.trim_ascii())
            ),
        )
        .with_help(msg!("sheet.not-zip.help"))),
        SheetFormat::Xlsx if zip.index_for_name("xl/workbook.xml").is_none() => {
            Err(not_a_workbook())
        }
        _ => Ok(()),
    }
}

/// The shared-strings table says up front how many strings it holds, and
/// calamine reserves room for that many before reading one: a claim of
/// billions would abort the process. A count past the cell limit is refused
/// here (no workbook within the limit needs more strings than cells).
fn check_shared_strings(xml: &[u8]) -> Result<(), Diagnostic> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let claimed = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.local_name().as_ref() == "uniqueCount")
                    .map(|a| a.value.into_owned());
                return match claimed {
                    Some(v) if too_many(v.as_bytes()) => Err(super::over(crate::grid::Over::Cells)),
                    _ => Ok(()),
                };
            }
            Ok(Event::Eof) | Err(_) => return Ok(()),
            Ok(_) => buf.clear(),
        }
    }
}

/// A count (digits, as calamine reads it) past the cell limit.
fn too_many(value: &[u8]) -> bool {
    let digits = value.trim_ascii();
    let digits = digits.strip_prefix(b"+").unwrap_or(digits);
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let significant = digits.iter().skip_while(|d| **d == b'0').count();
    significant > 12
        || std::str::from_utf8(digits)
            .ok()
            .and_then(|d| d.parse::<u64>().ok())
            .is_none_or(|n| n > crate::limits::MAX_CELLS as u64)
}
