//! # cirkel-layout
//!
//! Turns a validated [`cirkel_core::Kernteam`] into a [`Layout`]: plain
//! geometry of the centre, rings, domain sectors, member cards with wrapped
//! text lines, ring labels, title, legend and footer. No SVG here; text is
//! measured with the bundled font so the layout and the PNG agree.
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

mod check;
pub mod describe;
mod engine;
pub mod geometry;
mod options;
mod routes;
pub mod text;

pub use check::check_layout;
pub use describe::{DescribeFormat, describe};
pub use engine::{LayoutError, MAX_CANVAS_SIDE, layout, layout_with_previous};
pub use geometry::*;
pub use options::{FontSizes, LEGIBLE_PX, LayoutOptions};
pub use routes::sample_path;
