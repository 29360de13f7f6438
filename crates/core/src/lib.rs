//! # cirkel-core
//!
//! The model of a *cirkel van invloed*: a school's kernteam, the rings around
//! the school, the domains of its partners and the routes a hulpvraag takes.
//! This crate reads and validates the input format (version 1, see
//! `docs/CONTRACTS.md`), fills in defaults from the built-in role catalogue and knows
//! nothing of geometry.
//!
//! ```
//! let input = br#"{ "school": { "name": "De Ark" },
//!                   "members": [ { "id": "cjg", "role": "cjg-coach" } ] }"#;
//! let parsed = cirkel_core::parse(input, &cirkel_core::ParseOptions::default()).unwrap();
//! assert_eq!(parsed.kernteam.members[0].role, "CJG-coach");
//! ```
//!
//! Module map: `parse/` (decoding, syntax errors, unknown keys, then one
//! file per part of the input: school and rings, members, contact, photos,
//! routes), `model` (the validated values), `catalogue` (the built-in
//! roles), `diagnostic` (problems for people), `resources` (where photos
//! come from), `spans` (positions of values in the JSON text), `schema`
//! (the JSON Schema), `input` (the format as written), `limits`.

mod catalogue;
mod diagnostic;
mod fields;
mod input;
pub mod limits;
mod messages;
mod model;
mod parse;
mod partners;
mod resources;
mod schema;
mod since;
mod spans;
mod starter;

pub use catalogue::{
    Bilingual, FIXED_KERNTEAM, Role, close_role, find_role, role, role_key, roles,
};
pub use diagnostic::{
    Cell, Diagnostic, Diagnostics, Severity, edit_distance, nearest, quoted_list,
};
pub use fields::{Kept, MemberField};
pub use input::{
    ContactIn, KNOWN_CONTACT, KNOWN_MEETING, KNOWN_MEMBER, KNOWN_RING, KNOWN_ROOT, KNOWN_ROUTE,
    KNOWN_SCHOOL, MeetingIn, MemberIn, RingIn, RouteIn, SchoolIn,
};
pub use messages::{Arg, CATALOGUE, Entry, Message, entries, io_reason, placeholders, template};
pub use model::{
    Contact, Domain, ImageKind, Kernteam, Lang, Meeting, Member, Photo, Privacy, Ring, Route,
    School, SchoolSector, Tie,
};
pub use parse::{
    ParseOptions, Parsed, check_input_size, decode_text, default_rings, default_title,
    is_allowed_web_link, is_forbidden_char, parse, parse_document, parse_with, slug, syntax_error,
};
pub use partners::{
    KNOWN_PARTNER, KNOWN_PARTNERS_ROOT, Partner, PartnerList, parse_partners,
    parse_partners_document,
};
pub use resources::{Folder, MemoryFiles, NoFiles, ResourceError, Resources, relative_components};
pub use schema::json_schema;
pub use since::{Changes, Moved, Since, person_key, tie_rank};
pub use spans::{Pos, Spans, child_index, child_key};
pub use starter::starter;
