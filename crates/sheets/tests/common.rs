//! Workbooks for the tests, built cell by cell with rust_xlsxwriter (as
//! Excel would store them: numbers as numbers, dates as dates).

#![allow(dead_code, missing_docs, clippy::unwrap_used)]

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

/// A cell as a user leaves it.
#[derive(Clone, Copy)]
pub enum C<'a> {
    /// Text.
    T(&'a str),
    /// A number.
    N(f64),
    /// A date (year, month, day) with a date format.
    D(u16, u8, u8),
    /// TRUE or FALSE.
    B(bool),
    /// A formula and its cached result.
    F(&'a str, &'a str),
    /// Nothing.
    E,
}

pub use C::*;

/// A workbook of sheets, each rows of cells from A1.
pub fn xlsx(sheets: &[(&str, Vec<Vec<C<'_>>>)]) -> Vec<u8> {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd-mm-yyyy");
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match *cell {
                    T(t) => {
                        sheet.write_string(r, c, t).unwrap();
                    }
                    N(n) => {
                        sheet.write_number(r, c, n).unwrap();
                    }
                    D(y, m, d) => {
                        let dt = ExcelDateTime::from_ymd(y, m, d).unwrap();
                        sheet.write_datetime_with_format(r, c, &dt, &date).unwrap();
                    }
                    B(b) => {
                        sheet.write_boolean(r, c, b).unwrap();
                    }
                    F(f, result) => {
                        sheet
                            .write_formula(r, c, Formula::new(f).set_result(result))
                            .unwrap();
                    }
                    E => {}
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

/// Text cells from strings.
pub fn row<'a>(cells: &[&'a str]) -> Vec<C<'a>> {
    cells
        .iter()
        .map(|c| if c.is_empty() { E } else { T(c) })
        .collect()
}

/// Rewrites a zip archive: `replace` gives a part new bytes (or drops it
/// with `None`); `add` adds parts.
pub fn rezip(
    bytes: &[u8],
    replace: &dyn Fn(&str) -> Option<Option<Vec<u8>>>,
    add: &[(&str, Vec<u8>)],
) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let name = part.name().unwrap().to_string();
        let mut data = Vec::new();
        part.read_to_end(&mut data).unwrap();
        let data = match replace(&name) {
            Some(Some(new)) => new,
            Some(None) => continue,
            None => data,
        };
        out.start_file(name, options).unwrap();
        out.write_all(&data).unwrap();
    }
    for (name, data) in add {
        out.start_file(*name, options).unwrap();
        out.write_all(data).unwrap();
    }
    out.finish().unwrap().into_inner()
}
