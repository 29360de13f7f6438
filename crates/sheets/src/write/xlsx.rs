//! `.xlsx` through rust_xlsxwriter: bold, frozen header rows, column
//! widths, and drop-down lists for `rol`, `ring`, `domein` and `band`
//! (from the hidden `(lijsten)` sheet; a value not in the list only gets a
//! note, since a school may write its own role). The creation date is fixed
//! so that the same input gives the same bytes.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format, Formula,
    Workbook, XlsxError,
};

use super::{LIST_ROWS, LISTS_SHEET, Table};

/// The workbook's bytes.
pub(crate) fn write(tables: &[Table]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let lists = tables.iter().find(|t| t.name == LISTS_SHEET);
    for table in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(&table.name)?;
        for (c, h) in table.header.iter().enumerate() {
            sheet.write_string_with_format(0, col(c), h, &bold)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if v.is_empty() {
                    continue;
                }
                let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
                if v.contains('\n') {
                    sheet.write_string_with_format(r, col(c), v, &wrap)?;
                } else {
                    sheet.write_string(r, col(c), v)?;
                }
            }
        }
        for (c, w) in table.widths.iter().enumerate() {
            sheet.set_column_width(col(c), *w)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        if table.hidden {
            sheet.set_hidden(true);
        }
        if let Some(lists) = lists {
            for (c, list) in &table.lists {
                let n = list.len(lists).max(1);
                let letter = cirkel_core::Cell::column_letters(list.column() as u32 + 1);
                let range = format!("='{LISTS_SHEET}'!${letter}$2:${letter}${}", n + 1);
                let validation = DataValidation::new()
                    .allow_list_formula(Formula::new(range))
                    .set_error_style(DataValidationErrorStyle::Information)
                    .ignore_blank(true);
                sheet.add_data_validation(1, col(*c), LIST_ROWS, col(*c), &validation)?;
            }
        }
    }
    book.save_to_buffer()
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}
