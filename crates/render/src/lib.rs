//! # cirkel-render
//!
//! Paints a [`cirkel_layout::Layout`]: as SVG ([`to_svg`]), as PNG
//! ([`layout_to_png`], straight onto a tiny-skia canvas with the bundled
//! fonts) and as a tagged PDF ([`to_pdf`]). Painting decides no positions:
//! everything it draws was placed by the layout. It reads no input: the
//! crate `cirkel` reads JSON and workbooks and draws through these
//! painters in one call (`cirkel::draw`).
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
//! Module map: `walk/` (the walk over the layout that the SVG, PNG and
//! PDF painters share: what is drawn where, in which style), `svg/` (the
//! SVG backend: elements, groups and classes, text, hatch patterns), `png/` (the PNG painter: canvas, exact
//! fillers, glyphs, stripes, encoding), `pdf/` (the PDF painter and its
//! tagged description pages), `theme/` (colours and theme files),
//! `paper` (paper sizes), `safety` (the SVG safety check).

mod fonts;
mod paper;
mod pdf;
mod png;
mod safety;
mod style;
mod svg;
mod theme;
mod walk;

/// The rendering stack this crate draws with, for callers who need its types.
pub use resvg;

pub use paper::{PRINT_DPI, Paper};
pub use pdf::{PAGE_MARGIN_PT, PageFit, PdfError, PdfOptions, page_fit, paper_pt, to_pdf};
pub use png::{
    A3_COLUMN_CM, A4_COLUMN_CM, MAX_PNG_PIXELS, MAX_PNG_SIDE, PngEffort, PngError, PngOptions,
    Resolution, encode_png, layout_to_png, svg_to_png, svg_to_png_with, usvg_options,
};
pub use safety::{is_safe_link, svg_safety_problems};
pub use svg::{SvgOptions, base64, num, to_svg, xml_safe};
pub use theme::{BUNDLED_THEMES, ContrastProblem, Rgb, Theme};
