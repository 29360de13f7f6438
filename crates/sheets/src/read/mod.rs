//! From the bytes of a file to [`Sheet`]s: `.xlsx` through calamine, `.ods`
//! and `.csv` read here. Each reader stays within [`crate::limits`]: the zip
//! archive is unpacked once, counted, before any sheet is read, and cells
//! are counted as they are read.

use cirkel_core::{Diagnostic, msg};

use crate::grid::{Over, Sheet};

pub(crate) mod csv;
mod ods;
mod xlsx;
mod zipcheck;

pub(crate) use ods::sheets as ods_sheets;
pub(crate) use xlsx::sheets as xlsx_sheets;
pub(crate) use zipcheck::check as check_zip;

/// The problem for a workbook past a limit while reading.
pub(crate) fn over(over: Over) -> Diagnostic {
    match over {
        Over::Cells => Diagnostic::error(
            "",
            msg!("sheet.too-many-cells", limit = crate::limits::MAX_CELLS),
        )
        .with_help(msg!("sheet.too-many-cells.help")),
        Over::Sheets => Diagnostic::error(
            "",
            msg!("sheet.too-many-sheets", limit = crate::limits::MAX_SHEETS),
        )
        .with_help(msg!("sheet.too-many-sheets.help")),
    }
}

/// A workbook the reader could not make sense of.
pub(crate) fn damaged(reason: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::error("", msg!("sheet.damaged", reason = reason))
        .with_help(msg!("sheet.damaged.help"))
}

/// Sheets in the order of the workbook, within the sheet limit.
pub(crate) fn check_sheet_count(n: usize) -> Result<(), Diagnostic> {
    if n > crate::limits::MAX_SHEETS {
        return Err(over(Over::Sheets));
    }
    Ok(())
}

/// Keeps the sheets of a workbook tidy (sorted rows and cells).
pub(crate) fn tidy(mut sheets: Vec<Sheet>) -> Vec<Sheet> {
    for s in &mut sheets {
        s.tidy();
    }
    sheets
}
