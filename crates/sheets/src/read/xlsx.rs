//! `.xlsx` through calamine: its cell reader streams each sheet (calamine's
//! dense ranges are never built, so a cell at `XFD1048576` costs one cell,
//! not seventeen billion).

use std::io::Cursor;

use calamine::{DataRef, Reader, SheetType, Xlsx};
use cirkel_core::Diagnostic;

use super::{damaged, over};
use crate::grid::{Budget, Datum, Sheet, civil_from_iso, civil_from_serial};

/// The worksheets of an `.xlsx` (chart and macro sheets are skipped). A
/// panic inside calamine (a malformed part it did not expect) is a damaged
/// workbook, not a crash.
pub(crate) fn sheets(bytes: &[u8]) -> Result<Vec<Sheet>, Diagnostic> {
    std::panic::catch_unwind(|| read_sheets(bytes)).unwrap_or_else(|_| Err(damaged("calamine")))
}

fn read_sheets(bytes: &[u8]) -> Result<Vec<Sheet>, Diagnostic> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(damaged)?;
    let names: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect();
    super::check_sheet_count(names.len())?;
    let mut budget = Budget::default();
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let mut sheet = Sheet::new(name.clone());
        let mut cells = book.worksheet_cells_reader(&name).map_err(damaged)?;
        while let Some(cell) = cells.next_cell().map_err(damaged)? {
            let (row, column) = cell.get_position();
            let Some(datum) = datum(cell.get_value()) else {
                continue;
            };
            sheet
                .push(
                    row.saturating_add(1),
                    column.saturating_add(1),
                    datum,
                    &mut budget,
                )
                .map_err(over)?;
        }
        out.push(sheet);
    }
    Ok(super::tidy(out))
}

/// What a cell holds (`None` when empty).
fn datum(value: &DataRef<'_>) -> Option<Datum> {
    Some(match value {
        DataRef::Empty => return None,
        DataRef::String(s) => Datum::Text(s.clone()),
        DataRef::SharedString(s) => Datum::Text((*s).to_string()),
        DataRef::Int(i) => Datum::Number(*i as f64),
        DataRef::Float(f) => Datum::Number(*f),
        DataRef::Bool(b) => Datum::Bool(*b),
        DataRef::DateTime(d) if d.is_datetime() && d.as_f64() >= 1.0 => {
            match civil_from_serial(d.as_f64()) {
                Some((day, month, year)) => Datum::Date(day, month, year),
                None => Datum::Time,
            }
        }
        DataRef::DateTime(_) | DataRef::DurationIso(_) => Datum::Time,
        DataRef::DateTimeIso(s) => match civil_from_iso(s) {
            Some((day, month, year)) => Datum::Date(day, month, year),
            None => Datum::Time,
        },
        DataRef::Error(e) => Datum::Error(e.to_string()),
    })
}
