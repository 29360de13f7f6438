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
    let mut unreadable: Option<(String, String)> = None;
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(super::damaged)?;
        // As calamine finds a part: case and `\\` aside.
        let name = part
            .name()
            .map_err(super::damaged)?
            .to_ascii_lowercase()
            .replace('\\', "/");
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
        // Any XML part may be named a worksheet by the workbook's
        // relationships, so every one is checked for cell places.
        let worksheet = format == SheetFormat::Xlsx && name.ends_with(".xml");
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
            if strings || worksheet {
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
        if worksheet && unreadable.is_none() {
            unreadable = bad_reference(&shared).map(|r| (name.clone(), r));
        }
    }
    if let Some((part, reference)) = unreadable {
        let sheet = sheet_of_part(&mut zip, &part).unwrap_or(part);
        return Err(Diagnostic::error(
            "",
            msg!("sheet.bad-reference", sheet = sheet, reference = reference),
        )
        .with_help(msg!("sheet.damaged.help")));
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

/// The largest row and column of a worksheet (Excel's: 1,048,576 rows,
/// columns up to `XFD`).
const MAX_ROW: u64 = 1 << 20;
const MAX_COLUMN: u64 = 1 << 14;

/// The first cell, row or dimension reference of a worksheet that is not a
/// reference within the sheet's limits (shortened for the message), if
/// any. calamine reads these with arithmetic that overflows on a long one:
/// in a build without overflow checks it wraps, and the cell's value would
/// be dropped without a word.
fn bad_reference(xml: &[u8]) -> Option<String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(xml);
    // Read as calamine reads a sheet, so that both stop at the same error
    // (nothing after it is read by either).
    let config = reader.config_mut();
    config.check_end_names = false;
    config.check_comments = false;
    config.expand_empty_elements = true;
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let local = e.local_name();
                let (attribute, check): (&str, fn(&[u8]) -> bool) = match local.as_ref() {
                    "c" => ("r", |v| cell_reference(v).is_some()),
                    "row" => ("r", row_number_ok),
                    "dimension" => ("ref", range_ok),
                    _ => {
                        buf.clear();
                        continue;
                    }
                };
                // Every attribute of that name, with or without a prefix and
                // repeated or not (calamine takes the last of repeated ones).
                let mut attributes = e.attributes();
                attributes.with_checks(false);
                for a in attributes.flatten() {
                    if a.key.local_name().as_ref() == attribute && !check(a.value.as_bytes()) {
                        return Some(a.value.chars().take(30).collect());
                    }
                }
            }
            Ok(Event::Eof) | Err(_) => return None,
            Ok(_) => {}
        }
        buf.clear();
    }
}

/// A cell reference (`C2`, `xfd1048576`): its row and column, 1-based, when
/// both are within the sheet's limits.
fn cell_reference(v: &[u8]) -> Option<(u64, u64)> {
    let letters = v.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let (column, row) = v.split_at(letters);
    if letters == 0 || letters > 3 || !row_number_ok(row) {
        return None;
    }
    let column = column.iter().fold(0u64, |n, b| {
        n * 26 + u64::from(b.to_ascii_uppercase() - b'A') + 1
    });
    let row = std::str::from_utf8(row).ok()?.parse::<u64>().ok()?;
    (column <= MAX_COLUMN).then_some((row, column))
}

/// A row number: digits, 1 to the sheet's last row.
fn row_number_ok(v: &[u8]) -> bool {
    !v.is_empty()
        && v.len() <= 7
        && v.iter().all(u8::is_ascii_digit)
        && std::str::from_utf8(v)
            .ok()
            .and_then(|d| d.parse::<u64>().ok())
            .is_some_and(|n| (1..=MAX_ROW).contains(&n))
}

/// A dimension: one cell reference, or two with the first not past the
/// second.
fn range_ok(v: &[u8]) -> bool {
    let mut parts = v.split(|b| *b == b':');
    let (Some(first), second, None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    match (cell_reference(first), second.map(cell_reference)) {
        (Some(_), None) => true,
        (Some((r0, c0)), Some(Some((r1, c1)))) => r0 <= r1 && c0 <= c1,
        _ => false,
    }
}

/// The name the workbook gives the sheet stored in `part`
/// (`xl/worksheets/sheet3.xml` → `Leden`), read from `xl/workbook.xml` and
/// its relationships.
fn sheet_of_part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, part: &str) -> Option<String> {
    use quick_xml::events::Event;
    let read = |zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str| -> Option<Vec<u8>> {
        let mut bytes = Vec::new();
        zip.by_name(name).ok()?.read_to_end(&mut bytes).ok()?;
        Some(bytes)
    };
    // Every element's attributes, by local name.
    let elements = |xml: &[u8], wanted: &str| -> Vec<Vec<(String, String)>> {
        let mut reader = quick_xml::Reader::from_reader(xml);
        let mut buf = Vec::new();
        let mut found = Vec::new();
        loop {
            match reader.read_event_into(&mut buf) {
                Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == wanted => {
                    found.push(
                        e.attributes()
                            .flatten()
                            .map(|a| {
                                let value = a
                                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                    .map(|v| v.into_owned())
                                    .unwrap_or_default();
                                (a.key.local_name().as_ref().to_string(), value)
                            })
                            .collect(),
                    );
                }
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => {}
            }
            buf.clear();
        }
        found
    };
    let get = |attrs: &[(String, String)], key: &str| {
        attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    };
    let rels = read(zip, "xl/_rels/workbook.xml.rels")?;
    let id = elements(&rels, "Relationship").into_iter().find_map(|r| {
        let target = get(&r, "Target")?.to_ascii_lowercase();
        let target = target.trim_start_matches('/');
        let full = if target.starts_with("xl/") {
            target.to_string()
        } else {
            format!("xl/{target}")
        };
        (full == part).then(|| get(&r, "Id")).flatten()
    })?;
    let workbook = read(zip, "xl/workbook.xml")?;
    elements(&workbook, "sheet")
        .into_iter()
        .find(|s| get(s, "id").as_deref() == Some(id.as_str()))
        .and_then(|s| get(&s, "name"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_within_the_sheet_are_read_others_refused() {
        assert_eq!(cell_reference(b"C2"), Some((2, 3)));
        assert_eq!(cell_reference(b"xfd1048576"), Some((1_048_576, 16_384)));
        for bad in [
            &b"TTTTTTTTTTTTTTTTTTTTTTTD2"[..],
            b"XFE1",
            b"A0",
            b"A1048577",
            b"A99999999999999999999",
            b"2",
            b"A",
            b"A-1",
            b"",
        ] {
            assert_eq!(
                cell_reference(bad),
                None,
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
        assert!(row_number_ok(b"7") && !row_number_ok(b"0") && !row_number_ok(b"99999999999"));
        assert!(range_ok(b"A1:E12") && range_ok(b"B3"));
        assert!(!range_ok(b"E12:A1") && !range_ok(b"A1:B2:C3") && !range_ok(b"A1:"));
        let sheet = br#"<worksheet><dimension ref="A1:C2"/><sheetData><row r="2"><c r="TTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTD2" t="s"><v>3</v></c></row></sheetData></worksheet>"#;
        assert_eq!(
            bad_reference(sheet).as_deref(),
            Some("TTTTTTTTTTTTTTTTTTTTTTTTTTTTTT")
        );
        let fine = br#"<worksheet><dimension ref="A1:C2"/><sheetData><row r="2"><c r="C2"/></row></sheetData></worksheet>"#;
        assert_eq!(bad_reference(fine), None);
        // What calamine would still read: a repeated attribute (it takes the
        // last), a prefixed one, and a cell after a stray end tag (it does
        // not check end names).
        for hidden in [
            &br#"<worksheet><sheetData><row r="2"><c r="A2" r="TTTTTTTTTTTTTTTTD2"/></row></sheetData></worksheet>"#[..],
            br#"<worksheet><sheetData><row r="2"><c x:r="TTTTTTTTTTTTTTTTD2"/></row></sheetData></worksheet>"#,
            br#"<worksheet></foo><sheetData><row r="2"><c r="TTTTTTTTTTTTTTTTD2"/></row></sheetData></worksheet>"#,
            br#"<worksheet><sheetData><row r="2" r="99999999999"><c/></row></sheetData></worksheet>"#,
        ] {
            assert!(
                bad_reference(hidden).is_some(),
                "{}",
                String::from_utf8_lossy(hidden)
            );
        }
    }
}
