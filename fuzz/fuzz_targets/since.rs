//! Last year's file from arbitrary bytes (issue 37), a layout or a
//! kernteam: no panic; compared with the example school it lays out within
//! the quality bars, draws a safe SVG and is described, at every privacy
//! level. The checks live in `crates/render/tests/support/last_year.rs`.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

// Each target uses half of the shared checks.
#[allow(dead_code)]
#[path = "../../crates/render/tests/support/last_year.rs"]
mod last_year;

static THIS: OnceLock<cirkel_core::Kernteam> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let this = THIS.get_or_init(last_year::this_year);
    last_year::since_case(data, this);
});
