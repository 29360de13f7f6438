//! Workbooks and CSV from arbitrary bytes; see `sheets_case.rs` for what
//! an input stands for and the properties checked.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "sheets_case.rs"]
mod case;

fuzz_target!(|data: &[u8]| {
    case::check(data);
});
