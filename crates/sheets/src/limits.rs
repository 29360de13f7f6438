//! Limits of a workbook, past which it is refused with a clear message
//! (as the input limits of the JSON format: no file makes cirkel hang or
//! allocate without bound). The file itself is within the input limit of
//! 5 MiB before any of these apply.

/// Most entries in the workbook's zip archive.
pub const MAX_ZIP_ENTRIES: usize = 2_000;
/// Largest part of a workbook once unpacked (a sheet, the shared strings),
/// in bytes (48 MiB).
pub const MAX_PART_BYTES: u64 = 48 * 1024 * 1024;
/// Largest workbook once unpacked, all parts together, in bytes (96 MiB).
pub const MAX_UNPACKED_BYTES: u64 = 96 * 1024 * 1024;
/// Most sheets in a workbook.
pub const MAX_SHEETS: usize = 64;
/// Most non-empty cells in a workbook (a hundred schools of twenty members
/// fill about 30,000).
pub const MAX_CELLS: usize = 250_000;
/// Longest text in one cell, in bytes (longer is cut there; no field of
/// the input takes more than 400 characters).
pub const MAX_CELL_BYTES: usize = 8 * 1024;
/// Most schools in one workbook.
pub const MAX_SCHOOLS: usize = 500;
