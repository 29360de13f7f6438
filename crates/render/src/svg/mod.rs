//! Layout + theme → SVG text.
//!
//! This module only draws what the layout placed; it decides no positions.
//! All user text goes through the `svg` crate's escaping (text: `& < >`,
//! attributes also quotes) after characters XML forbids are removed, and no
//! user text is ever put in a comment, CDATA or raw blob. Numbers are written
//! with at most two decimals, never as `NaN`, `-0` or exponent notation, and
//! clamped to ±1e6 (far inside what tiny-skia handles safely).
//!
//! The picture itself is the walk the PNG and PDF painters share
//! (`crate::walk`), with this module's backend (`painter`) writing each
//! shape as an element, the walk's parts as groups with ids and classes.

use std::collections::BTreeMap;

use cirkel_core::{Domain, Photo};
use cirkel_layout::{FONT_FAMILY, Layout};
use svg::Document;
use svg::node::element::{Definitions, Description, Style, Title};

use crate::theme::Theme;

mod painter;
mod prim;

use prim::TextAs;
pub use prim::{base64, num, xml_safe};

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
    /// For a picture inside an HTML page (`cirkel render --format html`):
    /// every id and class begins with this prefix and a `-`, and every
    /// style rule is scoped to the element with this id (the figure), so
    /// two pictures on one page share no id and restyle nothing else; the
    /// contact lines are text without links (the picture is an image of
    /// the page, its description carries the links). `None`: a standalone
    /// SVG file.
    pub prefix: Option<String>,
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
        .set("role", "img");
    let names = painter::Names::new(options.prefix.as_deref());
    let (title, desc) = match &options.prefix {
        // Inside a page the figure is the prefix: its own title and desc.
        Some(_) => (names.id("title-text"), names.id("desc")),
        None => ("cirkel-title".to_string(), "cirkel-desc".to_string()),
    };
    doc = doc
        .set("aria-labelledby", format!("{title} {desc}"))
        .set("font-family", format!("{FONT_FAMILY}, sans-serif"))
        .add(Title::new(xml_safe(&layout.title)).set("id", title))
        .add(
            Description::new()
                .add(svg::node::Text::new(xml_safe(&layout.description)))
                .set("id", desc),
        );
    let mut painter =
        painter::SvgPainter::new(&options.photos, mode, !options.no_background, names.clone());
    crate::walk::picture(&mut painter, layout, theme, options.highlight.as_deref());
    let (patterns, picture) = painter.finish();
    doc = doc.add(definitions(
        theme,
        patterns,
        &names,
        options.prefix.as_deref(),
    ));
    for e in picture {
        doc = doc.add(e);
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
/// the SVG) and the hatch patterns the picture uses.
fn definitions(
    theme: &Theme,
    patterns: Vec<svg::node::element::Element>,
    names: &painter::Names,
    scope: Option<&str>,
) -> Definitions {
    let mut css = String::new();
    for d in Domain::ALL {
        let class = names.class(&format!("domain-{}", d.key()));
        let scope = scope.map(|s| format!("#{s} ")).unwrap_or_default();
        css.push_str(&format!(
            "{scope}.{class}{{--domain-colour:{}}}",
            theme.domain(d).hex()
        ));
    }
    let mut defs = Definitions::new().add(Style::new(css));
    for p in patterns {
        defs = defs.add(p);
    }
    defs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(theme: &str) -> (Layout, String) {
        let json = include_bytes!("../../../../examples/st-bernardusschool.json");
        let k = cirkel_core::parse(json, &cirkel_core::ParseOptions::default())
            .unwrap()
            .kernteam;
        let layout = cirkel_layout::layout(&k, &cirkel_layout::LayoutOptions::default()).unwrap();
        let theme = Theme::bundled(theme).unwrap();
        let svg = to_svg(&layout, &theme, &SvgOptions::default());
        (layout, svg)
    }

    /// The walk's parts and tags come out as the groups, ids and classes
    /// the SVG contract names, and every hatch a fill refers to is defined
    /// once.
    #[test]
    fn parts_become_groups_and_every_pattern_used_is_defined() {
        let (layout, svg) = example("print");
        for n in &layout.nodes {
            let g = format!(
                "<g class=\"member domain-{}\" id=\"member-{}\">",
                n.domain.key(),
                n.id
            );
            assert_eq!(svg.matches(&g).count(), 1, "{g}");
        }
        for r in &layout.routes {
            assert_eq!(svg.matches(&format!("id=\"route-{}\"", r.id)).count(), 1);
        }
        let samples = layout
            .boxes
            .iter()
            .flat_map(|b| &b.samples)
            .filter(|s| matches!(s.kind, cirkel_layout::SampleKind::Tie(_)))
            .count();
        assert!(samples > 0);
        assert_eq!(
            svg.matches("class=\"tie tie-").count(),
            layout.ties.len() + samples
        );
        assert_eq!(svg.matches("data-member=").count(), layout.ties.len());
        assert_eq!(
            svg.matches("class=\"band ring-").count(),
            layout.rings.len()
        );
        assert_eq!(svg.matches("<g").count(), svg.matches("</g>").count());
        for id in [
            "bands",
            "sectors",
            "sector-edges",
            "rings",
            "centre",
            "members",
        ] {
            assert!(svg.contains(&format!("<g id=\"{id}\">")), "{id}");
        }
        let used: std::collections::BTreeSet<&str> = svg
            .split("url(#hatch-")
            .skip(1)
            .map(|s| &s[..s.find(')').unwrap()])
            .collect();
        assert!(!used.is_empty());
        for id in &used {
            let def = format!("<pattern height=\"14\" id=\"hatch-{id}\"");
            assert_eq!(svg.matches(&def).count(), 1, "{def}");
        }
        assert_eq!(svg.matches("<pattern").count(), used.len());
        // Without a patterned theme, no pattern at all.
        assert!(!example("standaard").1.contains("<pattern"));
    }
}
