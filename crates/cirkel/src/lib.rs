//! # cirkel
//!
//! Draws the *cirkel van invloed* of a school's kernteam: the school at the
//! centre, its partners on rings around it, their expertise and the routes
//! a hulpvraag takes. One call from an input file to a picture, [`draw`]
//! (or [`draw_file`]), does everything `cirkel render` does: it reads JSON,
//! a workbook (`.xlsx`, `.ods`) or a CSV of members, photos through a
//! [`Resources`], the theme, last year's layout, and applies the privacy
//! level, the legibility rule and the glyph warnings.
//!
//! ```
//! use cirkel::{draw, DrawOptions, Format, NoFiles};
//!
//! let input = br#"{ "school": { "name": "De Ark" }, "members": [ { "role": "jeugdarts" } ] }"#;
//! let options = DrawOptions { format: Format::Png, ..DrawOptions::default() };
//! let drawing = draw(input, &NoFiles, &options).unwrap();
//! assert!(drawing.bytes.starts_with(b"\x89PNG"));
//! assert_eq!(drawing.layout.nodes.len(), 1);
//! ```
//!
//! The stages stay public for callers who want one of them: [`parse`]
//! (`cirkel-core`), [`layout`] (`cirkel-layout`), the painters [`to_svg`],
//! [`layout_to_png`] and [`to_pdf`] (`cirkel-render`, which paints a
//! [`Layout`] and reads no input), and the workbook reader and writer
//! ([`sheets`], `cirkel-sheets`).
//!
//! ```
//! use cirkel::{layout, parse, to_svg, LayoutOptions, ParseOptions, SvgOptions, Theme};
//!
//! let input = br#"{ "school": { "name": "De Ark" }, "members": [ { "role": "jeugdarts" } ] }"#;
//! let kernteam = parse(input, &ParseOptions::default()).unwrap().kernteam;
//! let geometry = layout(&kernteam, &LayoutOptions::default()).unwrap();
//! let svg = to_svg(&geometry, &Theme::default(), &SvgOptions::default());
//! assert!(svg.contains("id=\"member-jeugdarts\""));
//! ```
//!
//! Module map: `facade/` (`draw` and `prepare`, the input kinds, the
//! options, the legibility rule, the glyph warnings).

mod facade;
mod form;
mod html;
mod photo;

/// The model, parsing and messages (`cirkel-core`), for callers who want
/// more of it than this crate re-exports.
pub use cirkel_core as core;
/// The layout stage (`cirkel-layout`).
pub use cirkel_layout as geometry;
/// The painters (`cirkel-render`).
pub use cirkel_render as render;
/// Workbooks and CSV (`cirkel-sheets`).
pub use cirkel_sheets as sheets;

pub use cirkel_core::{
    Changes, Diagnostic, Diagnostics, Folder, Kept, Kernteam, Lang, MemberField, MemoryFiles,
    Message, NoFiles, ParseOptions, Parsed, Partner, PartnerList, Privacy, ResourceError,
    Resources, Severity, Since, parse,
};
pub use cirkel_layout::{
    Layout, LayoutError, LayoutOptions, check_layout, describe_changes, describe_since,
    last_year_kernteam, layout,
};
pub use cirkel_render::{
    A3_COLUMN_CM, A4_COLUMN_CM, BUNDLED_THEMES, MAX_PNG_PIXELS, MAX_PNG_SIDE, PAGE_MARGIN_PT,
    PRINT_DPI, PageFit, Paper, PdfError, PdfOptions, PngEffort, PngError, PngOptions, Resolution,
    Rgb, SvgOptions, Theme, base64, encode_png, is_safe_link, layout_to_png, num, page_fit,
    paper_pt, resvg, svg_safety_problems, svg_to_png, svg_to_png_with, to_pdf, to_svg,
    usvg_options, xml_safe,
};
pub use cirkel_sheets::SheetFormat;
pub use facade::{
    ANCHOR_SLACK, DEFAULT_WIDTH, DrawError, DrawOptions, Drawing, Format, HtmlImage, Input,
    InputKind, LastTeam, OptionsError, Prepared, Previous, Redrawn, SchoolInput, Size, ThemeChoice,
    draw, draw_file, draw_input, last_team_from_input, load_last_team, load_partners, parse_input,
    parse_schools, prepare, prepare_input, prepare_parsed, read_input, read_limited, redraw,
    refused_input, resolve_theme, school_names, with_book_list,
};
pub use form::{form_problem, match_roles, vocabulary};
pub use html::figure_id;
pub use photo::{MAX_PHOTO_FILE, MAX_PHOTO_PIXELS, PHOTO_SIDE, PreparedPhoto, prepare_photo};

/// The code examples in README.md, compiled and run by `cargo test --doc`.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
