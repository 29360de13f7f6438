//! End-to-end tests of the `cirkel` command: exit codes, messages a person
//! can act on, and outputs that hold the contracts of docs/CONTRACTS.md.

#![allow(missing_docs, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

#[path = "../common/mod.rs"]
mod common;
use common::*;

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/st-bernardusschool.json"
);

// ---- item 2 of issue 2: every kind of bad input ----

mod batch_privacy;
mod browser;
mod drawing;
mod html;
mod partners;
mod serve;
mod session;
mod sheets;
mod since;
mod validation;
