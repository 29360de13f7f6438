//! # cirkel-render
//!
//! Draws a [`cirkel_layout::Layout`] as SVG ([`to_svg`]) and turns SVG into
//! PNG ([`svg_to_png`]) with usvg/resvg/tiny-skia and the bundled font only.
//! Rendering decides no positions: everything it draws was placed by the
//! layout.
//!
//! ```
//! use cirkel_core::{parse, ParseOptions};
//! use cirkel_layout::{layout, LayoutOptions};
//! use cirkel_render::{svg_to_png, to_svg, SvgOptions, Theme};
//!
//! let input = br#"{ "school": { "name": "De Ark" }, "members": [ { "role": "jeugdarts" } ] }"#;
//! let kernteam = parse(input, &ParseOptions::default()).unwrap().kernteam;
//! let geometry = layout(&kernteam, &LayoutOptions::default()).unwrap();
//! let svg = to_svg(&geometry, &Theme::default(), &SvgOptions::default());
//! assert!(svg.contains("<g class=\"member domain-gezondheid\" id=\"member-jeugdarts\">"));
//! let png = svg_to_png(&svg, 400).unwrap();
//! assert!(png.starts_with(b"\x89PNG"));
//! ```

mod encode;
mod raster;
mod safety;
mod svg_writer;
mod theme;

pub use encode::{PngEffort, PngOptions, encode_png};
pub use raster::{
    MAX_PNG_PIXELS, MAX_PNG_SIDE, PngError, layout_to_png, svg_text_as_paths, svg_to_png,
    svg_to_png_with, usvg_options,
};
pub use safety::svg_safety_problems;
pub use svg_writer::{Photo, SvgOptions, base64, num, to_svg, xml_safe};
pub use theme::{BUNDLED_THEMES, Rgb, Theme, ThemeError};

/// The code examples in README.md, compiled and run by `cargo test --doc`.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
