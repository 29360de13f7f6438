//! Layout + theme → SVG text.
//!
//! This module only draws what the layout placed; it decides no positions.
//! All user text goes through the `svg` crate's escaping (text: `& < >`,
//! attributes also quotes) after characters XML forbids are removed, and no
//! user text is ever put in a comment, CDATA or raw blob. Numbers are written
//! with at most two decimals, never as `NaN`, `-0` or exponent notation, and
//! clamped to ±1e6 (far inside what tiny-skia handles safely).
//!
//! The document is drawn bottom to top: background, sectors and rings
//! (`circle`), ties, the school, ring labels, the cards (`members`), the
//! routes (`routes`), and the title, legend and footer (`boxes`).

use std::collections::BTreeMap;

use cirkel_core::{Domain, Photo};
use cirkel_layout::{FONT_FAMILY, Layout, Rect};
use svg::Document;
use svg::node::element::{Definitions, Description, Style, Title};

use crate::theme::Theme;

mod boxes;
mod circle;
mod lines;
mod members;
mod prim;
mod routes;

use prim::TextAs;
pub use prim::{base64, num, xml_safe};
pub(crate) use prim::{readable_on, text_colour};

/// Options for SVG output.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SvgOptions {
    /// Output width in px (the drawing is scaled); `None` keeps the layout's width.
    pub width: Option<f64>,
    /// The id of a route to draw prominently, with its label; the other
    /// routes are faded. `None` draws all routes alike.
    pub highlight: Option<String>,
    /// Leave out the background rectangle (for a PNG whose canvas is filled
    /// first; see `PngOptions::background`).
    pub no_background: bool,
    /// Members' photos by member id, embedded as round portraits where the
    /// layout made room for them (`Node::photo`). A node with room but no
    /// photo here gets an empty circle.
    pub photos: BTreeMap<String, Photo>,
    /// Every text as the outlines of its glyphs (paths) instead of
    /// `<text>`: the picture looks the same in every viewer, with or
    /// without Noto Sans, and the glyphs sit where the PNG draws them; the
    /// text is no longer selectable or searchable (the title and the
    /// description stay).
    pub text_as_paths: bool,
}

/// Draws the layout as an SVG document.
pub fn to_svg(layout: &Layout, theme: &Theme, options: &SvgOptions) -> String {
    let scale = options.width.map_or(1.0, |w| w / layout.width);
    let mode = if options.text_as_paths {
        TextAs::Paths
    } else {
        TextAs::Text
    };
    let (w, h) = (layout.width * scale, layout.height * scale);
    let mut doc = Document::new()
        .set("width", num(w))
        .set("height", num(h))
        .set(
            "viewBox",
            format!("0 0 {} {}", num(layout.width), num(layout.height)),
        )
        .set("lang", lang_tag(layout.lang))
        .set("role", "img")
        .set("aria-labelledby", "cirkel-title cirkel-desc")
        .set("font-family", format!("{FONT_FAMILY}, sans-serif"))
        .add(Title::new(xml_safe(&layout.title)).set("id", "cirkel-title"))
        .add(
            Description::new()
                .add(svg::node::Text::new(xml_safe(&layout.description)))
                .set("id", "cirkel-desc"),
        )
        .add(definitions(theme, layout.rings.len()));
    if !options.no_background {
        doc = doc.add(
            prim::rect(&Rect {
                x: 0.0,
                y: 0.0,
                width: layout.width,
                height: layout.height,
            })
            .set("fill", theme.background.hex())
            .set("id", "background"),
        );
    }
    let (sectors, edges) = circle::sectors(layout, theme);
    doc = doc
        .add(circle::bands(layout, theme))
        .add(sectors)
        .add(edges)
        .add(circle::rings(layout, theme));
    if let Some(ties) = circle::ties(layout, theme) {
        doc = doc.add(ties);
    }
    doc = doc
        .add(circle::centre(layout, theme, mode))
        .add(circle::ring_labels(layout, theme, mode))
        .add(members::members(layout, theme, &options.photos, mode));
    if let Some(routes) = routes::routes(layout, theme, options.highlight.as_deref(), mode) {
        doc = doc.add(routes);
    }
    for b in &layout.boxes {
        doc = doc.add(boxes::text_box(b, theme, mode));
    }
    let mut out = doc.to_string();
    out.push('\n');
    out
}

/// The BCP 47 tag of a language.
fn lang_tag(lang: cirkel_core::Lang) -> &'static str {
    match lang {
        cirkel_core::Lang::Nl => "nl",
        cirkel_core::Lang::En => "en",
    }
}

/// The style sheet (a custom property per domain, for pages that restyle
/// the SVG) and, for themes that hatch, a pattern per domain.
fn definitions(theme: &Theme, rings: usize) -> Definitions {
    let mut css = String::from(".ring-line{fill:none}");
    for d in Domain::ALL {
        css.push_str(&format!(
            ".domain-{}{{--domain-colour:{}}}",
            d.key(),
            theme.domain(d).hex()
        ));
    }
    let mut defs = Definitions::new().add(Style::new(css));
    if theme.patterns {
        for d in Domain::ALL {
            if d != Domain::Onderwijs {
                for k in 0..rings.max(1) {
                    defs = defs.add(prim::hatch(d, theme, k, theme.ring_tint(k, rings)));
                }
            }
        }
    }
    defs
}
