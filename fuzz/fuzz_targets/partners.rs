//! A partner list from arbitrary bytes (issue 38): no panic; every problem
//! is said in the list's file; a list that reads serves a school that
//! refers to its partners, which lays out within the quality bars and draws
//! a safe SVG, at every privacy level. The checks live in
//! `crates/render/tests/support/last_year.rs`, which the corpus replay uses
//! too.

#![no_main]

use libfuzzer_sys::fuzz_target;

// Each target uses half of the shared checks.
#[allow(dead_code)]
#[path = "../../crates/render/tests/support/last_year.rs"]
mod last_year;

fuzz_target!(|data: &[u8]| {
    last_year::partners_case(data);
});
