//! `.ods`, read here from `content.xml` as a stream of XML events, cell by
//! cell. (calamine reads `.ods` too, but into dense ranges: a row repeated
//! a million times, `table:number-rows-repeated="1048576"`, would be
//! unrolled in memory. Here repeated empty rows and columns are only
//! counted, and repeated content costs one cell of the budget per copy.)

use std::io::{BufReader, Cursor, Read};

use cirkel_core::Diagnostic;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::{damaged, over};
use crate::grid::{Budget, Datum, Sheet, civil_from_iso};

/// The last row and column a spreadsheet has (LibreOffice's and Excel's
/// largest sheet); repeats beyond are not counted further.
const LAST_ROW: u32 = 1 << 20;
const LAST_COLUMN: u32 = 1 << 14;

/// The sheets of an `.ods` (its archive checked already).
pub(crate) fn sheets(bytes: &[u8]) -> Result<Vec<Sheet>, Diagnostic> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    let content = zip.by_name("content.xml").map_err(damaged)?;
    read_content(BufReader::new(content))
}

/// The state of the table being read.
struct Table {
    sheet: Sheet,
    /// 1-based number of the next row.
    row: u32,
}

/// A cell being read: its value type and attributes, and its text.
#[derive(Default)]
struct CellStart {
    repeat: u32,
    value_type: String,
    value: Option<String>,
    date: Option<String>,
    boolean: Option<String>,
    string: Option<String>,
    error: bool,
}

fn read_content<R: Read + std::io::BufRead>(input: R) -> Result<Vec<Sheet>, Diagnostic> {
    let mut xml = Reader::from_reader(input);
    let mut buf = Vec::new();
    let mut budget = Budget::default();
    let mut sheets: Vec<Sheet> = Vec::new();
    let mut table: Option<Table> = None;
    // The current row: its repeat count and its cells (column, datum, repeat).
    let mut row_repeat = 1u32;
    let mut row_cells: Vec<(u32, Datum, u32)> = Vec::new();
    let mut column = 1u32;
    loop {
        buf.clear();
        let event = xml.read_event_into(&mut buf).map_err(damaged)?;
        match event {
            Event::Start(e) if e.name().as_ref() == "table:table" => {
                super::check_sheet_count(sheets.len() + 1)?;
                let name = attr(&e, "table:name").unwrap_or_default();
                table = Some(Table {
                    sheet: Sheet::new(name),
                    row: 1,
                });
            }
            Event::End(e) if e.name().as_ref() == "table:table" => {
                if let Some(t) = table.take() {
                    sheets.push(t.sheet);
                }
            }
            Event::Start(e) if e.name().as_ref() == "table:table-row" => {
                row_repeat = repeat(&e, "table:number-rows-repeated");
                row_cells.clear();
                column = 1;
            }
            Event::Empty(e) if e.name().as_ref() == "table:table-row" => {
                if let Some(t) = &mut table {
                    t.row = t
                        .row
                        .saturating_add(repeat(&e, "table:number-rows-repeated"))
                        .min(LAST_ROW + 1);
                }
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                if let Some(t) = &mut table {
                    for r in 0..row_repeat {
                        let number = t.row.saturating_add(r);
                        if row_cells.is_empty() || number > LAST_ROW {
                            break;
                        }
                        for (c, datum, times) in &row_cells {
                            for k in 0..*times {
                                let col = c.saturating_add(k);
                                if col > LAST_COLUMN {
                                    break;
                                }
                                t.sheet
                                    .push(number, col, datum.clone(), &mut budget)
                                    .map_err(over)?;
                            }
                        }
                    }
                    t.row = t.row.saturating_add(row_repeat).min(LAST_ROW + 1);
                }
                row_cells.clear();
            }
            Event::Start(ref e) | Event::Empty(ref e)
                if matches!(
                    e.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                let empty = matches!(event, Event::Empty(_));
                let start = cell_start(e);
                let name = e.name().as_ref().to_string();
                let text = if empty {
                    String::new()
                } else {
                    cell_text(&mut xml, &name)?
                };
                if table.is_some()
                    && let Some(datum) = datum(&start, text)
                {
                    row_cells.push((column, datum, start.repeat));
                }
                column = column.saturating_add(start.repeat).min(LAST_COLUMN + 1);
            }
            Event::Eof if table.is_some() => return Err(damaged("content.xml")),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(super::tidy(sheets))
}

/// A repeat count (1 when absent or unreadable, at most a sheet's size).
fn repeat(e: &BytesStart<'_>, name: &str) -> u32 {
    attr(e, name)
        .and_then(|v| v.trim().parse::<u32>().ok())
        .unwrap_or(1)
        .clamp(1, LAST_ROW)
}

/// An attribute's value, unescaped.
fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

fn cell_start(e: &BytesStart<'_>) -> CellStart {
    let mut c = CellStart {
        repeat: 1,
        ..CellStart::default()
    };
    for a in e.attributes().flatten() {
        let value = || {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .ok()
        };
        match a.key.as_ref() {
            "table:number-columns-repeated" => {
                c.repeat = value()
                    .and_then(|v| v.trim().parse::<u32>().ok())
                    .unwrap_or(1)
                    .clamp(1, LAST_COLUMN);
            }
            "office:value-type" => c.value_type = value().unwrap_or_default(),
            "office:value" => c.value = value(),
            "office:date-value" => c.date = value(),
            "office:boolean-value" => c.boolean = value(),
            "office:string-value" => c.string = value(),
            "calcext:value-type" => c.error = value().as_deref() == Some("error"),
            _ => {}
        }
    }
    c
}

/// The text of a cell up to its end tag: paragraphs joined by line breaks,
/// `text:s` spaces, tabs and line breaks; comments (`office:annotation`)
/// left out. At most the cell limit is kept.
fn cell_text<R: std::io::BufRead>(xml: &mut Reader<R>, end: &str) -> Result<String, Diagnostic> {
    let limit = crate::limits::MAX_CELL_BYTES + 4;
    let mut out = String::new();
    let mut buf = Vec::new();
    let mut paragraphs = 0usize;
    let mut annotation = 0usize;
    let push = |out: &mut String, s: &str| {
        if out.len() < limit {
            out.push_str(s);
        }
    };
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).map_err(damaged)? {
            Event::End(e) if e.name().as_ref() == end => break,
            Event::Start(e) if e.name().as_ref() == "office:annotation" => annotation += 1,
            Event::End(e) if e.name().as_ref() == "office:annotation" => {
                annotation = annotation.saturating_sub(1);
            }
            _ if annotation > 0 => {}
            Event::Start(e) if e.name().as_ref() == "text:p" => {
                if paragraphs > 0 {
                    push(&mut out, "\n");
                }
                paragraphs += 1;
            }
            Event::Empty(e) if e.name().as_ref() == "text:p" => {
                if paragraphs > 0 {
                    push(&mut out, "\n");
                }
                paragraphs += 1;
            }
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "text:s" => {
                let n = attr(&e, "text:c")
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1)
                    .min(limit);
                push(&mut out, &" ".repeat(n));
            }
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "text:tab" => {
                push(&mut out, "\t");
            }
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "text:line-break" => {
                push(&mut out, "\n");
            }
            Event::Text(t) => push(&mut out, &t.xml10_content()),
            Event::CData(t) => push(&mut out, t.as_ref()),
            Event::GeneralRef(r) => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    push(&mut out, c.encode_utf8(&mut [0; 4]));
                } else if let Some(s) = quick_xml::escape::resolve_xml_entity(&r.xml10_content()) {
                    push(&mut out, s);
                }
            }
            Event::Eof => return Err(damaged("content.xml")),
            _ => {}
        }
    }
    Ok(out)
}

/// What a cell holds, by its value type (`None` when empty).
fn datum(c: &CellStart, text: String) -> Option<Datum> {
    if c.error {
        return Some(Datum::Error(text));
    }
    let number = || {
        c.value
            .as_deref()
            .and_then(|v| v.trim().parse::<f64>().ok())
    };
    Some(match c.value_type.as_str() {
        "float" | "percentage" | "currency" => Datum::Number(number()?),
        "date" => match c.date.as_deref().and_then(civil_from_iso) {
            Some((d, m, y)) => Datum::Date(d, m, y),
            None => Datum::Time,
        },
        "time" => Datum::Time,
        "boolean" => Datum::Bool(c.boolean.as_deref() == Some("true")),
        _ => {
            let text = c.string.clone().unwrap_or(text);
            if text.trim().is_empty() {
                return None;
            }
            Datum::Text(text)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(tables: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
        )
    }

    fn read(tables: &str) -> Result<Vec<Sheet>, Diagnostic> {
        read_content(content(tables).as_bytes())
    }

    #[test]
    fn reads_text_numbers_dates_and_repeats() {
        let sheets = read(
            r#"<table:table table:name="Leden">
              <table:table-row><table:table-cell office:value-type="string"><text:p>id</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="string"><text:p>a<text:s text:c="2"/>b &amp; c</text:p><text:p>d</text:p><office:annotation><text:p>comment</text:p></office:annotation></table:table-cell></table:table-row>
              <table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
              <table:table-row><table:table-cell office:value-type="float" office:value="235551234"><text:p>235551234</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="2026-03-12"><text:p>12-03-26</text:p></table:table-cell></table:table-row>
            </table:table>"#,
        )
        .unwrap();
        assert_eq!(sheets.len(), 1);
        let rows = &sheets[0].rows;
        assert_eq!(rows[0].cells[0], (1, Datum::Text("id".into())));
        assert_eq!(rows[0].cells[1], (4, Datum::Text("a  b & c\nd".into())));
        assert_eq!(rows[1].number, 1_048_002);
        assert_eq!(rows[1].cells[0], (1, Datum::Number(235_551_234.0)));
        assert_eq!(rows[1].cells[1], (2, Datum::Date(12, 3, 2026)));
    }

    #[test]
    fn repeated_content_is_counted_cell_by_cell() {
        let err = read(
            r#"<table:table table:name="Leden"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>"#,
        )
        .unwrap_err();
        assert_eq!(err.message.id(), "sheet.too-many-cells");
    }

    #[test]
    fn broken_xml_is_a_damaged_workbook() {
        let err = read(r#"<table:table table:name="x"><table:table-row>"#).unwrap_err();
        assert_eq!(err.message.id(), "sheet.damaged");
    }
}
