//! # cirkel-layout
//!
//! Turns a validated [`cirkel_core::Kernteam`] into a [`Layout`]: plain
//! geometry of the centre, rings, domain sectors, member cards with wrapped
//! text lines, ring labels, route paths, title, legend and footer. No SVG
//! here; text is measured with the bundled font so the layout and every
//! painter agree.
//!
//! ```
//! use cirkel_core::{parse, ParseOptions};
//! use cirkel_layout::{layout, check_layout, LayoutOptions};
//!
//! let input = br#"{ "school": { "name": "De Ark" },
//!                   "members": [ { "role": "cjg-coach" }, { "role": "intern-begeleider" } ] }"#;
//! let kernteam = parse(input, &ParseOptions::default()).unwrap().kernteam;
//! let options = LayoutOptions::default();
//! let geometry = layout(&kernteam, &options).unwrap();
//! assert_eq!(geometry.nodes.len(), 2);
//! assert!(check_layout(&geometry, options.fonts.minimum).is_empty());
//! ```
//!
//! Module map: `engine/` (cards, placement plans, ring labels, the blocks
//! around the circle, assembly, rounding), `routes/` (grid, search,
//! drawing legs, ties, badges and labels), `geometry/` (the `Layout`
//! value, rectangles, paths), `text/` (shaping, wrapping, text blocks),
//! `check` (the quality bars), `describe` (the circle in words).

mod changes;
mod check;
mod describe;
mod engine;
mod geometry;
mod html;
mod options;
mod partners;
mod routes;
mod text;

pub use changes::{change_blocks, describe_changes, last_year_kernteam};
pub use check::{check_layout, check_names};
pub use describe::{
    Block, DescribeFormat, describe, describe_blocks, describe_since, describe_since_blocks,
};
pub use engine::{
    LastYear, LayoutError, MAX_CANVAS_SIDE, layout, layout_since, layout_with_previous,
};
pub use geometry::{
    Anchor, Arrow, Badge, BoxKind, Centre, Layout, LineSample, MAX_COORDINATE, MAX_SAMPLES, Marker,
    Node, Path, PathError, Point, Portrait, Rect, RingGeometry, RingLabel, RouteLabel, RouteLeg,
    RoutePath, SampleKind, Sector, Segment, Swatch, TextBox, TextLine, TextRole, TieLine,
    coordinate, hypot, round2, round4, sample_path, write_coordinate,
};
pub use html::{describe_html, html_escape};
pub use options::{FontSizes, LEGIBLE_PX, LayoutOptions, OptionsError};
pub use partners::{describe_partners, partner_blocks, partner_rows};
pub use text::{
    ASCENT, DESCENT, FONT_BOLD, FONT_FAMILY, FONT_REGULAR, Glyph, HyphenLang, ShapedRun, Style,
    Weight, font_covers, font_data, measure, missing_characters, missing_in_line, shape, wrap,
};
