//! # cirkel-render
//!
//! Draws a [`cirkel_layout::Layout`]: as SVG ([`to_svg`]), and as PNG
//! through usvg/resvg/tiny-skia with the bundled font only. Rendering
//! decides no positions: everything it draws was placed by the layout.
//!
//! Most callers want one call from JSON to picture, [`draw`] (or
//! [`draw_file`]), which does everything `cirkel render` does:
//!
//! ```
//! use cirkel_core::NoFiles;
//! use cirkel_render::{draw, DrawOptions, Format};
//!
//! let input = br#"{ "school": { "name": "De Ark" }, "members": [ { "role": "jeugdarts" } ] }"#;
//! let options = DrawOptions { format: Format::Png, ..DrawOptions::default() };
//! let drawing = draw(input, &NoFiles, &options).unwrap();
//! assert!(drawing.bytes.starts_with(b"\x89PNG"));
//! assert_eq!(drawing.layout.nodes.len(), 1);
//! ```
//!
//! The stages stay public for callers who want one of them:
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
//!
//! Module map: `facade/` (draw, options, the legibility rule, glyph
//! warnings), `svg/` (the SVG painter: primitives, the circle, cards,
//! lines, routes, boxes), `png/` (rasterising and encoding), `theme/`
//! (colours and theme files), `safety` (the SVG safety check).

mod facade;
mod paint;
mod pdf;
mod png;
mod safety;
mod style;
mod svg;
mod theme;

/// The rendering stack this crate draws with, for callers who need its types.
pub use resvg;

/// The types the facade's signatures name, so that a caller needs only
/// this crate.
pub use cirkel_core::{
    Diagnostic, Diagnostics, Folder, Lang, MemoryFiles, NoFiles, Privacy, ResourceError, Resources,
    Severity,
};
pub use cirkel_layout::Layout;

pub use cirkel_sheets::SheetFormat;
pub use facade::{
    DEFAULT_WIDTH, DrawError, DrawOptions, Drawing, Format, Input, InputKind, OptionsError,
    PRINT_DPI, Paper, Prepared, Previous, SchoolInput, Size, ThemeChoice, draw, draw_file,
    draw_input, parse_input, parse_schools, prepare, prepare_input, prepare_parsed, read_input,
    read_limited, refused_input, resolve_theme, school_names,
};
pub use pdf::{PAGE_MARGIN_PT, PageFit, PdfError, PdfOptions, page_fit, paper_pt, to_pdf};
pub use png::{
    A3_COLUMN_CM, A4_COLUMN_CM, MAX_PNG_PIXELS, MAX_PNG_SIDE, PngEffort, PngError, PngOptions,
    Resolution, encode_png, layout_to_png, svg_text_as_paths, svg_to_png, svg_to_png_with,
    usvg_options,
};
pub use safety::{is_safe_link, svg_safety_problems};
pub use svg::{SvgOptions, base64, num, to_svg, xml_safe};
pub use theme::{BUNDLED_THEMES, Rgb, Theme};

/// The code examples in README.md, compiled and run by `cargo test --doc`.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
