//! The building blocks of the SVG: clean numbers, XML-safe text, text
//! lines (as `<text>` or outlines), hatch patterns, base64.

use cirkel_core::Domain;
use cirkel_layout::{Anchor, Rect, TextLine, Weight};
use svg::Node;
use svg::node::element::{Circle, Element, Path as SvgPath, Rectangle};

use skrifa::outline::OutlinePen;

use crate::fonts::{draw_glyph, is_bold, placed_glyphs, text_size};
use crate::style::{HatchMark, hatch_marks};
use crate::theme::Rgb;

/// Formats a coordinate: two decimals at most, no `-0`, no exponent
/// (clamped to ±1e6 as the layout's numbers are).
pub fn num(v: f64) -> String {
    cirkel_layout::coordinate(v)
}

/// Removes characters that XML 1.0 does not allow (defence in depth: the
/// parser already removed them from user input).
pub fn xml_safe(text: &str) -> String {
    text.chars()
        .filter(|c| {
            matches!(*c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
        })
        .collect()
}

/// How the SVG sets its text: as `<text>` (selectable, searchable, the
/// default) or as the glyphs' outlines (`SvgOptions::text_as_paths`: the
/// same in every viewer, with or without the font).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TextAs {
    Text,
    Paths,
}

/// A line of text: a `<text>` element, or with [`TextAs::Paths`] one
/// `<path>` of its glyphs' outlines, set where the PNG painter sets them.
pub(super) fn text(line: &TextLine, colour: Rgb, mode: TextAs) -> Element {
    match mode {
        TextAs::Text => text_element(line, colour),
        TextAs::Paths => text_outlines(line, colour),
    }
}

/// A `<text>` element. Built as a plain element so its content is written
/// inline (`<text …>Kernteam</text>`): the `svg` crate puts the content of its
/// own `Text` type on separate lines, which browsers may render as spaces.
fn text_element(line: &TextLine, colour: Rgb) -> Element {
    let mut t = Element::new("text");
    t.assign("x", num(line.x));
    t.assign("y", num(line.y));
    t.assign("font-size", num(line.size));
    t.assign("fill", colour.hex());
    if line.weight == Weight::Bold {
        t.assign("font-weight", "bold");
    }
    if line.anchor == Anchor::Middle {
        t.assign("text-anchor", "middle");
    }
    // The measured width of the line with the bundled font: a browser that
    // lacks Noto Sans and falls back to a wider or narrower font still fits
    // the line to exactly this width, so text never leaves its card.
    if line.bounds.width > 0.0 {
        t.assign("textLength", num(line.bounds.width));
        t.assign("lengthAdjust", "spacingAndGlyphs");
    }
    t.append(svg::node::Text::new(xml_safe(&line.text)));
    t
}

/// The line's glyphs as one `<path>` (layout units, two decimals): the
/// outlines of the bundled font at the positions the layout's shaper gives,
/// so the line looks as the PNG draws it; a missing character is the
/// font's box, as there.
fn text_outlines(line: &TextLine, colour: Rgb) -> Element {
    let size = text_size(line) as f32;
    let bold = is_bold(line);
    let mut pen = PathData {
        d: String::new(),
        x: 0.0,
        y: 0.0,
    };
    if !line.text.is_empty() {
        for (glyph, x, y) in placed_glyphs(line) {
            (pen.x, pen.y) = (x, y);
            draw_glyph(bold, glyph, size, &mut pen);
        }
    }
    let mut p = Element::new("path");
    p.assign("fill", colour.hex());
    p.assign("d", pen.d.trim_end().to_string());
    p
}

/// Writes outline segments as SVG path data, moved to (`x`, `y`) with the
/// font's y (up) turned down.
struct PathData {
    d: String,
    x: f64,
    y: f64,
}

impl PathData {
    fn point(&mut self, x: f32, y: f32) {
        let (px, py) = (self.x + f64::from(x), self.y - f64::from(y));
        self.d.push_str(&num(px));
        self.d.push(' ');
        self.d.push_str(&num(py));
        self.d.push(' ');
    }
}

impl OutlinePen for PathData {
    fn move_to(&mut self, x: f32, y: f32) {
        self.d.push('M');
        self.point(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.d.push('L');
        self.point(x, y);
    }
    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.d.push('Q');
        self.point(cx0, cy0);
        self.point(x, y);
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.d.push('C');
        self.point(cx0, cy0);
        self.point(cx1, cy1);
        self.point(x, y);
    }
    fn close(&mut self) {
        self.d.push_str("Z ");
    }
}

fn circle(cx: f64, cy: f64, r: f64) -> Circle {
    Circle::new()
        .set("cx", num(cx))
        .set("cy", num(cy))
        .set("r", num(r))
}

fn rect(r: &Rect) -> Rectangle {
    Rectangle::new()
        .set("x", num(r.x))
        .set("y", num(r.y))
        .set("width", num(r.width))
        .set("height", num(r.height))
}

/// A domain's hatch tile as a pattern `id`: `back` with the domain's marks
/// (`crate::style::hatch_marks`) in `ink`.
pub(super) fn hatch(d: Domain, back: Rgb, ink: Rgb, id: &str) -> Element {
    let (tint, ink) = (back.hex(), ink.hex());
    let size = crate::style::HATCH_SIZE;
    let mut p = Element::new("pattern");
    p.assign("id", id);
    p.assign("patternUnits", "userSpaceOnUse");
    p.assign("width", num(size));
    p.assign("height", num(size));
    if let Some(angle) = crate::style::hatch_angle(d) {
        p.assign("patternTransform", format!("rotate({angle})"));
    }
    p.append(
        rect(&Rect {
            x: 0.0,
            y: 0.0,
            width: size,
            height: size,
        })
        .set("fill", tint),
    );
    let line = |x1: f64, y1: f64, x2: f64, y2: f64| {
        SvgPath::new()
            .set(
                "d",
                format!("M {} {} L {} {}", num(x1), num(y1), num(x2), num(y2)),
            )
            .set("stroke", ink.clone())
            .set("stroke-width", crate::style::HATCH_LINE)
    };
    for mark in hatch_marks(d) {
        match *mark {
            HatchMark::Line((x1, y1), (x2, y2)) => p.append(line(x1, y1, x2, y2)),
            HatchMark::Dot((x, y), r) => p.append(circle(x, y, r).set("fill", ink.clone())),
            HatchMark::Ring((x, y), r, width) => p.append(
                circle(x, y, r)
                    .set("fill", "none")
                    .set("stroke", ink.clone())
                    .set("stroke-width", width),
            ),
        }
    }
    p
}

/// Standard base64 (RFC 4648) with padding.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_clean() {
        assert_eq!(num(800.0), "800");
        assert_eq!(num(-0.0), "0");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(1.5), "1.5");
        assert_eq!(num(0.1 + 0.2), "0.3");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(1e21), "1000000");
    }

    #[test]
    fn xml_safe_removes_forbidden_characters() {
        assert_eq!(xml_safe("a\u{0}b\u{b}c\u{fffe}d"), "abcd");
    }
}
