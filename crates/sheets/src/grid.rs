//! A sheet as read from a file: its name and its non-empty cells, row by
//! row. Every reader (xlsx, ods, csv) produces this, so what happens next
//! (headers, values, problems by cell) is one piece of code.

/// What a cell holds, as the spreadsheet stored it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Datum {
    /// Text (what the user typed, for a cell formatted as text or one
    /// that does not look like a number).
    Text(String),
    /// A number: a spreadsheet makes one of `0235551234` (the zero lost).
    Number(f64),
    /// A date (or date and time): a spreadsheet makes one of `12-3`.
    /// Held as day, month, year.
    Date(u32, u32, i32),
    /// A time of day or a duration.
    Time,
    /// `TRUE` or `FALSE`.
    Bool(bool),
    /// A formula's error (`#DIV/0!`).
    Error(String),
}

/// One non-empty cell: its 1-based column and what it holds.
pub(crate) type Entry = (u32, Datum);

/// One row with at least one non-empty cell.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    /// 1-based row number.
    pub number: u32,
    /// The non-empty cells, by column, left to right.
    pub cells: Vec<Entry>,
}

/// One sheet: its name and its rows with content, top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sheet {
    /// The name on the sheet's tab (empty for a CSV file).
    pub name: String,
    /// Rows with at least one non-empty cell.
    pub rows: Vec<Row>,
}

/// Counts what a workbook holds against the limits, so that no file can
/// make the reader allocate without bound.
#[derive(Debug, Default)]
pub(crate) struct Budget {
    cells: usize,
}

/// Why a workbook was refused part way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Over {
    /// More non-empty cells than [`crate::limits::MAX_CELLS`].
    Cells,
    /// More sheets than [`crate::limits::MAX_SHEETS`].
    Sheets,
}

impl Budget {
    /// Takes one cell from the budget.
    pub fn cell(&mut self) -> Result<(), Over> {
        self.cells += 1;
        if self.cells > crate::limits::MAX_CELLS {
            Err(Over::Cells)
        } else {
            Ok(())
        }
    }
}

impl Sheet {
    /// An empty sheet named `name`.
    pub fn new(name: impl Into<String>) -> Sheet {
        Sheet {
            name: name.into(),
            rows: Vec::new(),
        }
    }

    /// Adds a cell (cells come row by row, left to right); empty texts are
    /// not kept. Text longer than the cell limit is cut there (it is an
    /// error later: no field takes that much).
    pub fn push(
        &mut self,
        row: u32,
        column: u32,
        datum: Datum,
        budget: &mut Budget,
    ) -> Result<(), Over> {
        if let Datum::Text(t) = &datum
            && t.trim().is_empty()
        {
            return Ok(());
        }
        budget.cell()?;
        let datum = match datum {
            Datum::Text(mut t) if t.len() > crate::limits::MAX_CELL_BYTES => {
                let mut cut = crate::limits::MAX_CELL_BYTES;
                while !t.is_char_boundary(cut) {
                    cut -= 1;
                }
                t.truncate(cut);
                Datum::Text(t)
            }
            d => d,
        };
        match self.rows.last_mut() {
            Some(last) if last.number == row => last.cells.push((column, datum)),
            _ => self.rows.push(Row {
                number: row,
                cells: vec![(column, datum)],
            }),
        }
        Ok(())
    }

    /// Sorts rows and cells (a file may store them out of order) and drops
    /// a second value for the same cell.
    pub fn tidy(&mut self) {
        self.rows.sort_by_key(|r| r.number);
        let mut merged: Vec<Row> = Vec::with_capacity(self.rows.len());
        for row in std::mem::take(&mut self.rows) {
            match merged.last_mut() {
                Some(last) if last.number == row.number => last.cells.extend(row.cells),
                _ => merged.push(row),
            }
        }
        for row in &mut merged {
            row.cells.sort_by_key(|(c, _)| *c);
            row.cells.dedup_by_key(|(c, _)| *c);
        }
        self.rows = merged;
    }
}

/// Day, month and year of a spreadsheet's day number (days since
/// 1899-12-30, the count both Excel and LibreOffice use for dates after
/// February 1900).
pub(crate) fn civil_from_serial(serial: f64) -> Option<(u32, u32, i32)> {
    if !serial.is_finite() || !(0.0..3_000_000.0).contains(&serial) {
        return None;
    }
    // Days since 1970-01-01.
    let days = serial.floor() as i64 - 25_569;
    Some(civil_from_days(days))
}

/// Day, month, year of a day count since 1970-01-01 (Howard Hinnant's
/// algorithm).
pub(crate) fn civil_from_days(z: i64) -> (u32, u32, i32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = if m <= 2 { y + 1 } else { y };
    (d, m, y as i32)
}

/// Day, month, year of an ISO date (`2026-03-12`, `2026-03-12T10:00:00`).
pub(crate) fn civil_from_iso(iso: &str) -> Option<(u32, u32, i32)> {
    let date = iso.split('T').next()?;
    let mut parts = date.splitn(3, '-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.get(..2)?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((d, m, y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_are_the_dates_spreadsheets_show() {
        assert_eq!(civil_from_serial(46_093.0), Some((12, 3, 2026)));
        assert_eq!(civil_from_serial(25_569.0), Some((1, 1, 1970)));
        assert_eq!(civil_from_serial(61.0), Some((1, 3, 1900)));
        assert_eq!(civil_from_serial(f64::NAN), None);
        assert_eq!(civil_from_iso("2026-03-12T00:00:00"), Some((12, 3, 2026)));
        assert_eq!(civil_from_iso("2026-13-12"), None);
    }

    #[test]
    fn cells_are_kept_in_order_within_the_budget() {
        let mut budget = Budget::default();
        let mut sheet = Sheet::new("Leden");
        sheet
            .push(3, 2, Datum::Text("b".into()), &mut budget)
            .unwrap();
        sheet
            .push(1, 1, Datum::Text("a".into()), &mut budget)
            .unwrap();
        sheet
            .push(3, 1, Datum::Text("c".into()), &mut budget)
            .unwrap();
        sheet
            .push(2, 1, Datum::Text("  ".into()), &mut budget)
            .unwrap();
        sheet.tidy();
        let shape: Vec<(u32, Vec<u32>)> = sheet
            .rows
            .iter()
            .map(|r| (r.number, r.cells.iter().map(|(c, _)| *c).collect()))
            .collect();
        assert_eq!(shape, vec![(1, vec![1]), (3, vec![1, 2])]);
    }
}
