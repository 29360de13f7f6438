//! The PNG painter: the shared walk over the `Layout` (`crate::walk`)
//! drawn straight onto a tiny-skia canvas, as typst-render walks a frame —
//! no SVG text made and parsed again. Shapes are filled and stroked as
//! resvg would fill the SVG painter's paths; text is shaped once (the
//! layout's shaper, cached) and each glyph's coverage is computed once per
//! font, size and sub-pixel position (an eighth across, a quarter down) by
//! exact area into a small cache, then composited in its colour; photos
//! are decoded when drawn.

use std::collections::BTreeMap;

use cirkel_core::{Domain, ImageKind, Photo};
use cirkel_layout::{Layout, Path, TextLine};
use resvg::tiny_skia::{
    self as sk, FillRule, FilterQuality, LineCap, LineJoin, Paint, PathBuilder, Pattern, Pixmap,
    SpreadMode, StrokeDash, Transform,
};

use super::annulus::{EXACT_RING_REACH, fill_annulus, fill_sector};
use super::boxes::{RoundedBox, fill_box, stroke_box};
use super::canvas::Band;
use super::glyphs::{Glyphs, LARGEST_CACHED_GLYPH, Placed, fill_glyph, solid};
use super::stripes::Painted;
use crate::fonts::{is_bold, placed_glyphs, text_size};
use crate::style::{HATCH_LINE, HATCH_SIZE, HatchMark, hatch_angle, hatch_marks};
use crate::theme::{Rgb, Theme};
use crate::walk::{Brush, Cmd, Fill, Painter, Pen, Rule, Shape};

/// Paints `layout` on a `width` × `height` canvas (the layout scaled by
/// `scale`), in stripes of rows shared between two threads (see
/// [`super::stripes`]), the theme's background first.
pub(crate) fn paint_layout(
    layout: &Layout,
    theme: &Theme,
    highlight: Option<&str>,
    photos: &BTreeMap<String, Photo>,
    (width, height, scale): (u32, u32, f32),
) -> Option<Painted> {
    Painted::paint((width, height), |band| {
        paint_band(band, layout, theme, highlight, photos, scale);
    })
}

/// Walks the layout onto one band.
fn paint_band(
    band: &mut Band<'_>,
    layout: &Layout,
    theme: &Theme,
    highlight: Option<&str>,
    photos: &BTreeMap<String, Photo>,
    scale: f32,
) {
    // Memory left from an earlier picture serves: every pixel is painted,
    // opaque from the start (the background rectangle's anti-aliased edge
    // would leave the last row translucent, and the PNG without a palette).
    let bg = theme.background;
    band.pixmap
        .fill(sk::Color::from_rgba8(bg.0, bg.1, bg.2, 255));
    let top = band.top as f32;
    let Some(band) = band.reborrow() else {
        return;
    };
    let mut canvas = Skia {
        band,
        ts: Transform::from_scale(scale, scale).post_translate(0.0, -top),
        scale,
        photos,
        glyphs: Glyphs::take(),
    };
    let rows = crate::walk::picture(&mut canvas, layout, theme, highlight);
    for row in rows {
        for (line, link) in row {
            let colour = match link {
                Some(_) => theme.link,
                None => crate::style::text_colour(line.role, theme),
            };
            canvas.text(line, colour);
        }
    }
    canvas.glyphs.give_back();
}

/// A photo as pixels, decoded as resvg decodes it; `None` when it does not
/// decode (its card then shows the empty circle; in the SVG a browser
/// shows nothing there).
fn decode(photo: &Photo) -> Option<Pixmap> {
    std::panic::catch_unwind(|| match photo.kind {
        ImageKind::Png => Pixmap::decode_png(&photo.bytes).ok(),
        ImageKind::Jpeg => {
            use zune_jpeg::zune_core::bytestream::ZCursor;
            use zune_jpeg::zune_core::colorspace::ColorSpace;
            use zune_jpeg::zune_core::options::DecoderOptions;
            let options = DecoderOptions::default().jpeg_set_out_colorspace(ColorSpace::RGBA);
            let mut decoder =
                zune_jpeg::JpegDecoder::new_with_options(ZCursor::new(&photo.bytes[..]), options);
            decoder.decode_headers().ok()?;
            if decoder.output_colorspace()? != ColorSpace::RGBA {
                return None;
            }
            let data = decoder.decode().ok()?;
            let info = decoder.info()?;
            let size = sk::IntSize::from_wh(u32::from(info.width), u32::from(info.height))?;
            Pixmap::from_vec(data, size)
        }
    })
    .ok()
    .flatten()
}

/// The colour of a fill the exact fillers can draw (`Some(None)`: no
/// fill); `None` for a pattern or a shape whose edges lie under lines.
fn exact_fill(fill: Option<&Fill>) -> Option<Option<Rgb>> {
    match fill {
        None => Some(None),
        Some(Fill {
            brush: Brush::Solid(c),
            covered: None,
            ..
        }) => Some(Some(*c)),
        Some(_) => None,
    }
}

impl Skia<'_> {
    /// True when something within `reach` pixels of canvas row `y` (a
    /// fraction of a pixel, down from the top) may fall on the band. Not
    /// finite: true (tiny-skia and the fillers refuse it themselves).
    fn on_band(&self, y: f32, reach: f32) -> bool {
        let (top, bottom) = self.band.rows();
        !(y + reach < top as f32 || y - reach > bottom as f32)
    }

    /// Width in pixels and colour of a line the exact fillers can draw
    /// (`Some(None)`: no line); `None` for a dashed one, or one under a
    /// pixel wide (tiny-skia draws that as a faint hairline).
    fn exact_line(&self, pen: Option<&Pen>) -> Option<Option<(f64, Rgb)>> {
        let px = f64::from(crate::walk::f(pen.map_or(0.0, |p| p.width))) * f64::from(self.scale);
        match pen {
            None => Some(None),
            Some(p) if p.width <= 0.0 => Some(None),
            Some(p) if p.dash.is_none() && px >= 1.0 => Some(Some((px, p.colour))),
            Some(_) => None,
        }
    }
}

struct Skia<'p> {
    /// The rows this painter draws on.
    band: Band<'p>,
    /// Layout units to the band's pixels (for tiny-skia).
    ts: Transform,
    scale: f32,
    /// The members' photos, decoded one at a time when drawn (as resvg
    /// does), never all at once.
    photos: &'p BTreeMap<String, Photo>,
    /// This thread's glyph cache, for the picture's time.
    glyphs: Glyphs,
}

/// The shape as a tiny-skia path; `None` when empty or degenerate.
pub(super) fn path_of(shape: &Shape) -> Option<sk::Path> {
    let mut b = PathBuilder::new();
    for c in &shape.0 {
        match *c {
            Cmd::Move(x, y) => b.move_to(x, y),
            Cmd::Line(x, y) => b.line_to(x, y),
            Cmd::Quad(x1, y1, x, y) => b.quad_to(x1, y1, x, y),
            Cmd::Cubic(x1, y1, x2, y2, x, y) => b.cubic_to(x1, y1, x2, y2, x, y),
            Cmd::Close => b.close(),
        }
    }
    b.finish()
}

fn rule(r: Rule) -> FillRule {
    match r {
        Rule::NonZero => FillRule::Winding,
        Rule::EvenOdd => FillRule::EvenOdd,
    }
}

fn sk_stroke(p: &Pen) -> sk::Stroke {
    sk::Stroke {
        width: crate::walk::f(p.width).max(0.0),
        miter_limit: 4.0,
        line_cap: if p.round_cap {
            LineCap::Round
        } else {
            LineCap::Butt
        },
        line_join: LineJoin::Round,
        dash: p.dash.clone().and_then(|d| StrokeDash::new(d, 0.0)),
    }
}

/// A domain's hatch tile (as the SVG painter's pattern, and as resvg
/// renders a pattern: the tile's side rounded to whole pixels, its content
/// at `scale` pixels per layout unit).
fn hatch_tile(d: Domain, back: Rgb, ink: Rgb, scale: f32) -> Option<Pixmap> {
    let side = (HATCH_SIZE as f32 * scale).round().clamp(1.0, 1024.0) as u32;
    let mut tile = Pixmap::new(side, side)?;
    let ts = Transform::from_scale(scale, scale);
    if let Some(r) = sk::Rect::from_xywh(0.0, 0.0, HATCH_SIZE as f32, HATCH_SIZE as f32) {
        tile.fill_rect(r, &solid(back), ts, None);
    }
    let line = |a: (f64, f64), b: (f64, f64)| path_of(&Shape::path(&Path::line(a, b)));
    let pen = |w: f64| sk::Stroke {
        width: w as f32,
        line_join: LineJoin::Round,
        ..sk::Stroke::default()
    };
    let ink_paint = solid(ink);
    for mark in hatch_marks(d) {
        match *mark {
            HatchMark::Line(a, b) => {
                if let Some(p) = line(a, b) {
                    tile.stroke_path(&p, &ink_paint, &pen(HATCH_LINE), ts, None);
                }
            }
            HatchMark::Dot((x, y), r) => {
                if let Some(p) = path_of(&Shape::new().circle(x, y, r)) {
                    tile.fill_path(&p, &ink_paint, FillRule::Winding, ts, None);
                }
            }
            HatchMark::Ring((x, y), r, width) => {
                if let Some(p) = path_of(&Shape::new().circle(x, y, r)) {
                    tile.stroke_path(&p, &ink_paint, &pen(width), ts, None);
                }
            }
        }
    }
    Some(tile)
}

impl Painter for Skia<'_> {
    /// The canvas is filled with the background before the walk.
    fn background(&mut self, _: &cirkel_layout::Rect, _: Rgb) {}

    fn draw(&mut self, shape: &Shape, fill: Option<Fill>, stroke: Option<Pen>) {
        let Some(path) = path_of(shape) else {
            return;
        };
        // Nothing of it on this band: not stroked, no pattern made.
        let line = stroke
            .as_ref()
            .map_or(0.0, |p| crate::walk::f(p.width).max(0.0));
        let bounds = path.bounds();
        let (top, bottom) = (bounds.top() * self.scale, bounds.bottom() * self.scale);
        let reach = line * self.scale + 2.0;
        if !self.on_band((top + bottom) / 2.0, (bottom - top) / 2.0 + reach) {
            return;
        }
        if let Some(f) = fill {
            let smooth = !f
                .covered
                .is_some_and(|w| crate::walk::f(w) * self.scale >= 2.0);
            match f.brush {
                Brush::Solid(c) => {
                    let mut paint = solid(c);
                    paint.anti_alias = smooth;
                    self.band
                        .pixmap
                        .fill_path(&path, &paint, rule(f.rule), self.ts, None);
                }
                Brush::Hatch { domain, back, ink } => {
                    if let Some(tile) = hatch_tile(domain, back, ink, self.scale) {
                        let k = self.scale;
                        let angle = hatch_angle(domain).map_or(0.0, |a| a as f32);
                        let paint = Paint {
                            anti_alias: smooth,
                            shader: Pattern::new(
                                tile.as_ref(),
                                SpreadMode::Repeat,
                                FilterQuality::Bicubic,
                                1.0,
                                Transform::from_rotate(angle).pre_scale(1.0 / k, 1.0 / k),
                            ),
                            ..Paint::default()
                        };
                        self.band
                            .pixmap
                            .fill_path(&path, &paint, rule(f.rule), self.ts, None);
                    }
                }
            }
        }
        if let Some(p) = stroke
            && p.width > 0.0
        {
            self.band
                .pixmap
                .stroke_path(&path, &solid(p.colour), &sk_stroke(&p), self.ts, None);
        }
    }

    fn annulus(&mut self, centre: (f64, f64), inner: f64, outer: f64, fill: Fill) {
        match (fill.brush, fill.rule) {
            // Within the canvas's reach (the integer quarter pixels of the
            // exact fill stay far from overflow); anything else, however
            // odd, as a path.
            (Brush::Solid(colour), Rule::EvenOdd)
                if [centre.0, centre.1, inner, outer].iter().all(|v| {
                    v.is_finite() && v.abs() * f64::from(self.scale) < EXACT_RING_REACH
                }) =>
            {
                // Through f32, as every other shape's coordinates.
                let k = f64::from(self.scale);
                let f = |v: f64| f64::from(crate::walk::f(v)) * k;
                let c = (f(centre.0), f(centre.1));
                fill_annulus(&mut self.band, c, f(inner), f(outer), colour, 255);
            }
            _ => {
                let shape = Shape::annulus(centre.0, centre.1, inner, outer);
                self.draw(&shape, Some(fill), None);
            }
        }
    }

    fn sector(&mut self, centre: (f64, f64), radii: (f64, f64), angles: (f64, f64), fill: Fill) {
        let k = f64::from(self.scale);
        let within = [centre.0, centre.1, radii.0, radii.1]
            .iter()
            .all(|v| v.is_finite() && v.abs() * k < EXACT_RING_REACH);
        match (fill.brush, fill.rule) {
            (Brush::Solid(colour), Rule::EvenOdd) if within => {
                let f = |v: f64| f64::from(crate::walk::f(v)) * k;
                let c = (f(centre.0), f(centre.1));
                let radii = (f(radii.0), f(radii.1));
                fill_sector(&mut self.band, c, radii, angles, colour, 255);
            }
            _ => {
                let (c, (inner, outer), (start, end)) = (centre, radii, angles);
                let shape = Shape::wedge(c.0, c.1, inner, outer, start, end);
                self.draw(&shape, Some(fill), None);
            }
        }
    }

    fn circle_line(&mut self, centre: (f64, f64), r: f64, pen: Pen) {
        if pen.dash.is_some() {
            let shape = Shape::new().circle(centre.0, centre.1, r);
            self.draw(&shape, None, Some(pen));
            return;
        }
        let half = pen.width.max(0.0) / 2.0;
        let fill = Fill {
            brush: Brush::Solid(pen.colour),
            rule: Rule::EvenOdd,
            covered: None,
        };
        self.annulus(centre, r - half, r + half, fill);
    }

    fn skips_hidden_bands(&self) -> bool {
        true
    }

    fn disc(&mut self, centre: (f64, f64), r: f64, fill: Option<Fill>, stroke: Option<Pen>) {
        let k = f64::from(self.scale);
        let px = |v: f64| f64::from(crate::walk::f(v)) * k;
        let (c, radius) = ((px(centre.0), px(centre.1)), px(r));
        let line = self.exact_line(stroke.as_ref());
        let width = line.flatten().map_or(0.0, |(w, _)| w);
        // The line's outer edge too within the exact filler's reach.
        let within = [c.0, c.1, radius + width]
            .iter()
            .all(|v| v.abs() < EXACT_RING_REACH)
            && radius > 0.0;
        match (exact_fill(fill.as_ref()), line) {
            (Some(colour), Some(line)) if within => {
                if let Some(colour) = colour {
                    fill_annulus(&mut self.band, c, 0.0, radius, colour, 255);
                }
                if let Some((width, colour)) = line {
                    let half = width / 2.0;
                    fill_annulus(&mut self.band, c, radius - half, radius + half, colour, 255);
                }
            }
            _ => {
                let shape = Shape::new().circle(centre.0, centre.1, r);
                self.draw(&shape, fill, stroke);
            }
        }
    }

    fn rounded(
        &mut self,
        rect: &cirkel_layout::Rect,
        radii: (f64, f64),
        fill: Option<Fill>,
        stroke: Option<Pen>,
    ) {
        let k = f64::from(self.scale);
        let px = |v: f64| f64::from(crate::walk::f(v)) * k;
        let shape = RoundedBox {
            x0: px(rect.x),
            y0: px(rect.y),
            x1: px(rect.x + rect.width),
            y1: px(rect.y + rect.height),
            top: px(radii.0),
            bottom: px(radii.1),
        };
        let (solid, line) = (exact_fill(fill.as_ref()), self.exact_line(stroke.as_ref()));
        // The box grown by its line too within the exact filler's reach.
        let width = line.flatten().map_or(0.0, |(w, _)| w);
        let within = [shape.x0, shape.y0, shape.x1, shape.y1]
            .iter()
            .all(|v| v.abs() + width < EXACT_RING_REACH);
        match (solid, line) {
            (Some(colour), Some(line)) if within && shape.is_regular() => {
                if let Some(c) = colour {
                    fill_box(&mut self.band, &shape, c);
                }
                if let Some((width, c)) = line {
                    stroke_box(&mut self.band, &shape, width, c);
                }
            }
            _ => {
                let outline = Shape::rounded_top(rect, radii.0, radii.1);
                self.draw(&outline, fill, stroke);
            }
        }
    }

    fn text(&mut self, line: &TextLine, colour: Rgb) {
        if line.text.is_empty() {
            return;
        }
        let size = text_size(line);
        let px = (size as f32 * self.scale).clamp(0.5, 2000.0);
        // A line far off the band is not even shaped (a glyph reaches a
        // few ems from its baseline at most).
        if !self.on_band(crate::walk::f(line.y) * self.scale, 8.0 * px) {
            return;
        }
        let size_key = (px * 64.0).round() as u32;
        let bold = is_bold(line);
        for (glyph, gx, gy) in placed_glyphs(line) {
            let x = crate::walk::f(gx) * self.scale;
            let y = crate::walk::f(gy) * self.scale;
            // Off the band (with a glyph's room around it): nothing to draw.
            let room = 2.0 * px;
            let w = self.band.pixmap.width() as f32;
            if x < -room || x > w + room || !self.on_band(y, room) {
                continue;
            }
            if px > LARGEST_CACHED_GLYPH {
                let y = y - self.band.top as f32;
                fill_glyph(&mut self.band.pixmap, bold, glyph, px, x, y, colour);
                continue;
            }
            let at = Placed {
                bold,
                glyph,
                size: size_key,
                x,
                y,
            };
            self.glyphs.draw(&mut self.band, at, colour);
        }
    }

    fn portrait(&mut self, id: &str, (x, y, radius): (f64, f64, f64)) -> bool {
        // Off the band: nothing of it here, nor of the empty circle drawn
        // in its place when it does not decode.
        let k = f64::from(self.scale);
        if !self.on_band((y * k) as f32, (radius * k) as f32 + 2.0) {
            return self.photos.contains_key(id);
        }
        let Some(photo) = self.photos.get(id).and_then(decode) else {
            return false;
        };
        let Some(circle) = path_of(&Shape::new().circle(x, y, radius)) else {
            return true;
        };
        // Scaled to cover the circle, centred (`xMidYMid slice`), and
        // filled through the circle: the clip without a canvas-sized mask.
        let (w, h) = (f64::from(photo.width()), f64::from(photo.height()));
        let side = 2.0 * radius;
        let k = (side / w).max(side / h);
        let (iw, ih) = (w * k, h * k);
        let placed =
            Transform::from_translate(crate::walk::f(x - iw / 2.0), crate::walk::f(y - ih / 2.0))
                .pre_scale(k as f32, k as f32);
        let paint = Paint {
            shader: Pattern::new(
                photo.as_ref(),
                SpreadMode::Pad,
                FilterQuality::Bicubic,
                1.0,
                placed,
            ),
            anti_alias: true,
            ..Paint::default()
        };
        self.band
            .pixmap
            .fill_path(&circle, &paint, FillRule::Winding, self.ts, None);
        true
    }
}

/// The picture's pixel size for `width` px: the height follows the
/// layout's proportions.
pub(crate) fn canvas_size(layout: &Layout, width: u32) -> (u32, u32, f32) {
    // A layout is hundreds of units wide; anything else (a hand-built one)
    // gets no canvas, and the caller refuses its size.
    if !(layout.width.is_finite() && layout.width >= 100.0 && layout.height.is_finite()) {
        return (width, 0, 1.0);
    }
    let scale = f64::from(width) / layout.width;
    // The height the SVG of the same width declares (to 1/100 px), rounded:
    // so a PNG is as tall as its SVG drawn at that width.
    let height = cirkel_layout::round2(layout.height * scale).round();
    let height = if height.is_finite() && height > 0.0 {
        height as u32
    } else {
        0
    };
    (width, height, scale as f32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example schools painted in stripes and in one piece differ only
    /// where tiny-skia's clipping of a path at a stripe's edge moves its
    /// anti-aliasing a little (a row painted at the wrong place would
    /// differ in thousands of pixels by far more).
    #[test]
    fn stripes_paint_what_one_piece_paints() {
        for (name, json, highlight) in [
            (
                "st-bernardusschool",
                include_str!("../../../../examples/st-bernardusschool.json"),
                None,
            ),
            (
                "brede-school-de-horizon",
                include_str!("../../../../examples/brede-school-de-horizon.json"),
                Some("opvoeden"),
            ),
        ] {
            let options = cirkel_core::ParseOptions::default();
            let k = cirkel_core::parse(json.as_bytes(), &options)
                .unwrap()
                .kernteam;
            let layout = cirkel_layout::layout(&k, &Default::default()).unwrap();
            let theme = Theme::default();
            let (w, h, scale) = canvas_size(&layout, 1200);
            let photos = BTreeMap::new();
            let paint = |most| {
                Painted::paint_in((w, h), most, |band| {
                    paint_band(band, &layout, &theme, highlight, &photos, scale);
                })
                .unwrap()
            };
            let (striped, whole) = (paint(4), paint(1));
            let (size, a) = striped.rows().unwrap();
            let (same, b) = whole.rows().unwrap();
            assert_eq!((size, a.len(), b.len()), (same, 4, 1));
            let (a, b) = (a.concat(), b.concat());
            let diffs: Vec<u8> = a
                .chunks_exact(4)
                .zip(b.chunks_exact(4))
                .map(|(p, q)| (0..4).map(|i| p[i].abs_diff(q[i])).max().unwrap_or(0))
                .collect();
            let worst = diffs.iter().copied().max().unwrap_or(0);
            let many = diffs.iter().filter(|d| **d > 16).count() as f64;
            let share = many / diffs.len() as f64;
            assert!(
                worst <= 128 && share < 0.002,
                "{name}: worst {worst}, {share:.5} over 16"
            );
        }
    }
}
