//! # cirkel-core
//!
//! The model of a *cirkel van invloed*: a school's kernteam, the rings around
//! the school, the domains of its partners and the routes a hulpvraag takes.
//! This crate reads and validates the input format (version 1, see
//! `DESIGN.md`), fills in defaults from the built-in role catalogue and knows
//! nothing of geometry.
//!
//! ```
//! let input = br#"{ "school": { "name": "De Ark" },
//!                   "members": [ { "id": "cjg", "role": "cjg-coach" } ] }"#;
//! let parsed = cirkel_core::parse(input, &cirkel_core::ParseOptions::default()).unwrap();
//! assert_eq!(parsed.kernteam.members[0].role, "CJG-coach");
//! ```

pub mod catalogue;
pub mod diagnostic;
pub mod input;
pub mod limits;
pub mod model;
pub mod parse;
pub mod schema;
pub mod spans;

pub use diagnostic::{Diagnostic, Diagnostics, Severity};
pub use model::*;
pub use parse::{ParseOptions, Parsed, parse};
