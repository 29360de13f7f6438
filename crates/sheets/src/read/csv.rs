//! A `.csv` of members: one table, its separator (`;` as Dutch Excel
//! writes it, `,` or a tab) found in the header line, a byte order mark
//! accepted, and a file that is not UTF-8 read as Windows-1252 (what Excel
//! on Windows saves as "CSV") with a warning.

use cirkel_core::{Diagnostic, msg};

use super::over;
use crate::grid::{Budget, Datum, Sheet};

/// The table of a CSV file, and a warning about its encoding if needed.
pub(crate) fn sheet(bytes: &[u8]) -> Result<(Sheet, Vec<Diagnostic>), Diagnostic> {
    let mut warnings = Vec::new();
    let text = decode(bytes, &mut warnings);
    let separator = sniff(&text);
    let mut sheet = Sheet::new("");
    let mut budget = Budget::default();
    let mut row = 1u32;
    let mut column = 1u32;
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let mut flush = |sheet: &mut Sheet, row: u32, column: u32, field: &mut String| {
        let value = std::mem::take(field);
        sheet.push(row, column, Datum::Text(value), &mut budget)
    };
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted => {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            }
            '"' if field.is_empty() => quoted = true,
            c if quoted => push_limited(&mut field, c),
            c if c == separator => {
                flush(&mut sheet, row, column, &mut field).map_err(over)?;
                column = column.saturating_add(1);
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                flush(&mut sheet, row, column, &mut field).map_err(over)?;
                row = row.saturating_add(1);
                column = 1;
            }
            c => push_limited(&mut field, c),
        }
    }
    flush(&mut sheet, row, column, &mut field).map_err(over)?;
    sheet.tidy();
    Ok((sheet, warnings))
}

/// Adds to a field up to the cell limit (the rest is dropped; the field
/// is too long for any use and said so later).
fn push_limited(field: &mut String, c: char) {
    if field.len() <= crate::limits::MAX_CELL_BYTES {
        field.push(c);
    }
}

/// The text of the file: UTF-8 (with or without BOM), UTF-16 with BOM, or
/// else Windows-1252.
fn decode(bytes: &[u8], warnings: &mut Vec<Diagnostic>) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_with_bom_removal(bytes).0.into_owned();
    }
    warnings.push(
        Diagnostic::warning("", msg!("sheet.csv-windows-1252"))
            .with_help(msg!("sheet.csv-windows-1252.help")),
    );
    encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

/// The separator: whichever of `;`, `,` and tab occurs most in the first
/// line outside quotes (`;` when none does, as Dutch Excel writes).
fn sniff(text: &str) -> char {
    let mut counts = [(';', 0usize), (',', 0), ('\t', 0)];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            c if !quoted => {
                if let Some(slot) = counts.iter_mut().find(|(s, _)| *s == c) {
                    slot.1 += 1;
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .max_by_key(|(s, n)| (*n, *s == ';'))
        .map_or(';', |(s, _)| *s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sheet: &Sheet) -> Vec<Vec<(u32, String)>> {
        sheet
            .rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .map(|(c, d)| match d {
                        Datum::Text(t) => (*c, t.clone()),
                        other => (*c, format!("{other:?}")),
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn separators_quotes_and_line_breaks() {
        let (table, warnings) = sheet(
            b"\xEF\xBB\xBFid;naam;expertise\r\nib;\"Maaike; \"\"IB\"\"\";\"a\nb\"\r\n\r\ncjg;;x",
        )
        .unwrap();
        assert!(warnings.is_empty());
        assert_eq!(
            texts(&table),
            vec![
                vec![
                    (1, "id".into()),
                    (2, "naam".into()),
                    (3, "expertise".into())
                ],
                vec![
                    (1, "ib".into()),
                    (2, "Maaike; \"IB\"".into()),
                    (3, "a\nb".into())
                ],
                vec![(1, "cjg".into()), (3, "x".into())],
            ]
        );
        assert_eq!(table.rows[2].number, 4);
        let (comma, _) = sheet(b"id,naam\nib,\"a;b\"").unwrap();
        assert_eq!(texts(&comma)[1], vec![(1, "ib".into()), (2, "a;b".into())]);
    }

    #[test]
    fn windows_1252_is_read_with_a_warning() {
        let (table, warnings) = sheet(b"naam\nCasu\xefstiek").unwrap();
        assert_eq!(texts(&table)[1], vec![(1, "Casuïstiek".into())]);
        assert_eq!(warnings[0].message.id(), "sheet.csv-windows-1252");
    }
}
