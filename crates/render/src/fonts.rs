//! The bundled fonts' glyph outlines, for the painters that draw text as
//! shapes: the PNG's glyphs and the SVG's text as paths
//! (`SvgOptions::text_as_paths`). Both draw a line's glyphs where the
//! layout's shaper puts them, unhinted, so the two agree with each other.

use std::sync::OnceLock;

use cirkel_layout::{Anchor, FONT_BOLD, FONT_REGULAR, TextLine, Weight, shape};
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};

/// The bundled fonts for outlines (parsed once).
pub(crate) fn font(bold: bool) -> Option<skrifa::FontRef<'static>> {
    static FONTS: OnceLock<(
        Option<skrifa::FontRef<'static>>,
        Option<skrifa::FontRef<'static>>,
    )> = OnceLock::new();
    let (regular, bold_font) = FONTS.get_or_init(|| {
        (
            skrifa::FontRef::new(FONT_REGULAR).ok(),
            skrifa::FontRef::new(FONT_BOLD).ok(),
        )
    });
    if bold {
        bold_font.clone().or_else(|| regular.clone())
    } else {
        regular.clone()
    }
}

/// Draws glyph `id` at `px` units per em into `pen`, its origin at (0, 0)
/// and font y up; false for a glyph the font lacks or cannot draw. Glyph
/// 0 is the font's box for a missing character.
pub(crate) fn draw_glyph(bold: bool, id: u16, px: f32, pen: &mut impl OutlinePen) -> bool {
    let Some(font) = font(bold) else {
        return false;
    };
    let outlines = font.outline_glyphs();
    let Some(glyph) = outlines.get(skrifa::GlyphId::new(u32::from(id))) else {
        return false;
    };
    glyph
        .draw(
            DrawSettings::unhinted(Size::new(px), LocationRef::default()),
            pen,
        )
        .is_ok()
}

/// Where each glyph of `line` goes: (glyph, x, y) of its origin in layout
/// units, as the layout's shaper sets the line at its size and anchor.
pub(crate) fn placed_glyphs(line: &TextLine) -> impl Iterator<Item = (u16, f64, f64)> {
    let size = text_size(line);
    let run = shape(&line.text, line.weight);
    let start = match line.anchor {
        Anchor::Start => line.x,
        Anchor::Middle => line.x - run.advance * size / 2.0,
    };
    let y = line.y;
    let mut pen = start;
    (0..run.glyphs.len()).map(move |i| {
        let g = &run.glyphs[i];
        let at = (g.id, pen + g.x_offset * size, y - g.y_offset * size);
        pen += g.x_advance * size;
        at
    })
}

/// The line's font size, kept to what a glyph can be drawn at (a NaN from
/// a hand-built layout becomes the smallest).
pub(crate) fn text_size(line: &TextLine) -> f64 {
    if line.size.is_nan() {
        0.1
    } else {
        line.size.clamp(0.1, 1e4)
    }
}

/// Whether `line` is set in the bold font.
pub(crate) fn is_bold(line: &TextLine) -> bool {
    line.weight == Weight::Bold
}
