//! Glyphs for the PNG painter: each glyph's coverage computed once per
//! font, size and sub-pixel position by exact area, kept in a per-thread
//! cache that outlives one picture (a batch draws the same letters at the
//! same sizes for every school), and composited in its colour.
//!
//! A cached glyph depends on nothing but its key (the size is the key's,
//! not the caller's), so what a picture looks like never depends on what
//! was drawn before it on the same thread. A glyph too large to cache is
//! filled straight onto the canvas ([`fill_glyph`]).

use std::cell::Cell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};

use resvg::tiny_skia::{self as sk, FillRule, Paint, PathBuilder, PixmapMut, Transform};

use super::canvas::Band;
use crate::fonts::{draw_glyph, font};
use crate::theme::Rgb;

/// Glyph positions in eighths of a pixel across and quarters down (a
/// line's glyphs share their baseline, so few vertical offsets occur): a
/// glyph is drawn within 1/16 px across and 1/8 px down of where the
/// layout puts it, close enough that its edges match resvg's.
pub(super) const SUBPIXEL_X: f32 = 8.0;
pub(super) const SUBPIXEL_Y: f32 = 4.0;

/// Most bytes a thread's glyph cache holds, entries and outlines counted
/// with their coverage (a school's text needs well under a megabyte; a
/// batch whose schools are set at many sizes empties it now and then, so
/// its memory stays flat).
pub(super) const GLYPH_CACHE_BYTES: usize = 4 << 20;
/// What an entry costs besides its coverage or outline: its slot in the
/// map (with the map's spare room) and the allocator's header.
const ENTRY_BYTES: usize = 96;
/// Glyphs larger than this many pixels per em are filled straight onto the
/// canvas, not cached.
pub(super) const LARGEST_CACHED_GLYPH: f32 = 200.0;

/// One glyph to draw: font, glyph, size in 64ths of a pixel per em, and
/// where its origin falls on the canvas.
#[derive(Debug, Clone, Copy)]
pub(super) struct Placed {
    pub(super) bold: bool,
    pub(super) glyph: u16,
    pub(super) size: u32,
    pub(super) x: f32,
    pub(super) y: f32,
}

/// A glyph's place in the cache: font, glyph, size, and its quarter-pixel
/// offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct GlyphKey {
    bold: bool,
    glyph: u16,
    size: u32,
    dx: u8,
    dy: u8,
}

/// A rasterised glyph: its coverage, one byte per pixel, and where its
/// top-left corner sits from the glyph's whole-pixel origin.
struct Glyph {
    coverage: Vec<u8>,
    width: u32,
    height: u32,
    left: i32,
    top: i32,
}

impl Glyph {
    /// Composites the glyph in `colour` with its origin at (`x`, `y`)
    /// (canvas pixels): source-over on premultiplied pixels, clipped to
    /// the band.
    fn composite(&self, band: &mut Band<'_>, x: i64, y: i64, colour: Rgb) {
        let pixmap = &mut band.pixmap;
        let (pw, ph) = (i64::from(pixmap.width()), i64::from(pixmap.height()));
        let (w, h) = (i64::from(self.width), i64::from(self.height));
        // The glyph's corner on the band.
        let (gx, gy) = (
            x + i64::from(self.left),
            y + i64::from(self.top) - i64::from(band.top),
        );
        // The glyph's columns and rows on the canvas.
        let (c0, c1) = ((-gx).max(0), w.min(pw - gx));
        let (r0, r1) = ((-gy).max(0), h.min(ph - gy));
        if c0 >= c1 || r0 >= r1 {
            return;
        }
        let data = pixmap.data_mut();
        let solid = [colour.0, colour.1, colour.2, 255];
        let ink = Blend::new(solid);
        for row in r0..r1 {
            let from = (row * w + c0) as usize;
            let Some(coverage) = self.coverage.get(from..from + (c1 - c0) as usize) else {
                return;
            };
            let at = (((gy + row) * pw + gx + c0) * 4) as usize;
            let Some(pixels) = data.get_mut(at..at + coverage.len() * 4) else {
                return;
            };
            for (px, a) in pixels.chunks_exact_mut(4).zip(coverage) {
                match *a {
                    0 => {}
                    255 => px.copy_from_slice(&solid),
                    a => ink.over(px, u32::from(a)),
                }
            }
        }
    }
}

/// An opaque colour blended over premultiplied pixels at a coverage,
/// two channels at a time in the 16-bit halves of a `u32`: the same bytes
/// as `(s * a + d * (255 - a) + 127) / 255` channel by channel.
struct Blend {
    /// Red and blue, green and alpha, each in the low bytes of a half.
    rb: u32,
    ga: u32,
}

impl Blend {
    const LOW_BYTES: u32 = 0x00FF_00FF;

    fn new(rgba: [u8; 4]) -> Blend {
        let v = u32::from_le_bytes(rgba);
        Blend {
            rb: v & Blend::LOW_BYTES,
            ga: (v >> 8) & Blend::LOW_BYTES,
        }
    }

    /// Rounds each half's value (at most 255 × 255) divided by 255: exact
    /// for every value there, as `(x + 127) / 255` is.
    fn div255(x: u32) -> u32 {
        let t = x + 0x0080_0080;
        ((t + ((t >> 8) & Blend::LOW_BYTES)) >> 8) & Blend::LOW_BYTES
    }

    /// Blends over `px` (one pixel's four bytes) at coverage `a` (0–255;
    /// the compositor handles 0 and 255 itself).
    fn over(&self, px: &mut [u8], a: u32) {
        let Ok(bytes) = <[u8; 4]>::try_from(&*px) else {
            return;
        };
        let d = u32::from_le_bytes(bytes);
        let keep = 255 - a;
        let rb = Blend::div255(self.rb * a + (d & Blend::LOW_BYTES) * keep);
        let ga = Blend::div255(self.ga * a + ((d >> 8) & Blend::LOW_BYTES) * keep);
        px.copy_from_slice(&(rb | ga << 8).to_le_bytes());
    }
}

/// Hashes a [`GlyphKey`] with a multiply (its fields are small integers;
/// SipHash's resistance to chosen keys buys nothing here).
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(*b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u8(&mut self, v: u8) {
        self.write_u64(u64::from(v));
    }
    fn write_u16(&mut self, v: u16) {
        self.write_u64(u64::from(v));
    }
    fn write_u32(&mut self, v: u32) {
        self.write_u64(u64::from(v));
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(17) ^ v).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn finish(&self) -> u64 {
        self.0 ^ self.0 >> 29
    }
}

/// A glyph's outline at one size: font, glyph, size in 64ths of a pixel
/// per em (the same outline serves all its sub-pixel positions).
type OutlineKey = (bool, u16, u32);

/// The glyph cache: coverage by key, outlines by size, its size, and the
/// rasteriser's buffer.
pub(super) struct Glyphs {
    map: HashMap<GlyphKey, Option<Glyph>, BuildHasherDefault<KeyHasher>>,
    /// Outlines already read from the font, for a glyph's other positions.
    outlines: HashMap<OutlineKey, Option<Segments>, BuildHasherDefault<KeyHasher>>,
    /// The fonts' outline tables, regular and bold, opened once.
    fonts: Option<[Option<skrifa::outline::OutlineGlyphCollection<'static>>; 2]>,
    /// The cache's size in coverage bytes (it is emptied past
    /// [`GLYPH_CACHE_BYTES`]).
    bytes: usize,
    raster: ab_glyph_rasterizer::Rasterizer,
}

thread_local! {
    /// Each thread's cache between pictures.
    static CACHE: Cell<Option<Glyphs>> = const { Cell::new(None) };
}

impl Glyphs {
    /// This thread's cache, taken for one picture (an empty one when
    /// another picture on this thread has it, or the first time).
    pub(super) fn take() -> Glyphs {
        CACHE
            .try_with(Cell::take)
            .ok()
            .flatten()
            .unwrap_or_else(|| Glyphs {
                map: HashMap::default(),
                outlines: HashMap::default(),
                fonts: None,
                bytes: 0,
                raster: ab_glyph_rasterizer::Rasterizer::new(0, 0),
            })
    }

    /// Gives the cache back to this thread for its next picture.
    pub(super) fn give_back(self) {
        // A thread that is ending has no next picture.
        let _ = CACHE.try_with(|c| c.set(Some(self)));
    }

    /// Draws one glyph: from the cache, rasterised first when new.
    pub(super) fn draw(&mut self, band: &mut Band<'_>, at: Placed, colour: Rgb) {
        // Whole pixels and an eighth (across) or quarter (down); a
        // fraction that rounds up moves to the next pixel.
        let split = |v: f32, steps: f32| {
            let whole = v.floor();
            let part = ((v - whole) * steps).round();
            if part >= steps {
                (whole + 1.0, 0.0)
            } else {
                (whole, part)
            }
        };
        let (ix, dx) = split(at.x, SUBPIXEL_X);
        let (iy, dy) = split(at.y, SUBPIXEL_Y);
        let key = GlyphKey {
            bold: at.bold,
            glyph: at.glyph,
            size: at.size,
            dx: dx as u8,
            dy: dy as u8,
        };
        if !self.map.contains_key(&key) {
            if self.bytes > GLYPH_CACHE_BYTES {
                self.map.clear();
                self.outlines.clear();
                self.bytes = 0;
            }
            let fonts = self
                .fonts
                .get_or_insert_with(|| [false, true].map(|b| font(b).map(|f| f.outline_glyphs())));
            let bytes = &mut self.bytes;
            let outline = self
                .outlines
                .entry((key.bold, key.glyph, key.size))
                .or_insert_with(|| {
                    let segments = read_outline(fonts[usize::from(key.bold)].as_ref()?, key)
                        .filter(|s| !s.segments.is_empty())?;
                    *bytes +=
                        ENTRY_BYTES + segments.segments.len() * std::mem::size_of::<Segment>();
                    Some(segments)
                });
            let glyph = outline
                .as_ref()
                .and_then(|o| rasterise(&mut self.raster, o, key));
            self.bytes += ENTRY_BYTES + glyph.as_ref().map_or(0, |g| g.coverage.len());
            self.map.insert(key, glyph);
        }
        if let Some(Some(glyph)) = self.map.get(&key) {
            glyph.composite(band, ix as i64, iy as i64, colour);
        }
    }
}

/// Coverage in 17 steps, as tiny-skia's 4 × 4 samples per pixel give it:
/// the exact area in 256 steps would make every edge pixel a colour of its
/// own, and the PNG's palette (the 256 most frequent colours) coarser
/// everywhere; 17 steps keep the file as small as resvg's pixels made it.
const COVERAGE_LEVELS: [u8; 17] = {
    let mut levels = [0u8; 17];
    let mut i = 0;
    while i < 17 {
        levels[i] = ((i * 255 + 8) / 16) as u8;
        i += 1;
    }
    levels
};

/// A glyph's outline as line and curve segments (y down), with the box
/// around all its points (a curve stays within its control points).
struct Segments {
    segments: Vec<Segment>,
    start: (f32, f32),
    last: (f32, f32),
    min: (f32, f32),
    max: (f32, f32),
}

#[derive(Clone, Copy)]
enum Segment {
    Line([(f32, f32); 2]),
    Quad([(f32, f32); 3]),
    Cubic([(f32, f32); 4]),
}

impl Segments {
    fn new() -> Segments {
        Segments {
            segments: Vec::new(),
            start: (0.0, 0.0),
            last: (0.0, 0.0),
            min: (f32::INFINITY, f32::INFINITY),
            max: (f32::NEG_INFINITY, f32::NEG_INFINITY),
        }
    }

    fn see(&mut self, p: (f32, f32)) -> (f32, f32) {
        self.min = (self.min.0.min(p.0), self.min.1.min(p.1));
        self.max = (self.max.0.max(p.0), self.max.1.max(p.1));
        p
    }
}

impl OutlinePen for Segments {
    fn move_to(&mut self, x: f32, y: f32) {
        self.close();
        let p = self.see((x, -y));
        self.start = p;
        self.last = p;
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let p = self.see((x, -y));
        self.segments.push(Segment::Line([self.last, p]));
        self.last = p;
    }
    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        let c = self.see((cx0, -cy0));
        let p = self.see((x, -y));
        self.segments.push(Segment::Quad([self.last, c, p]));
        self.last = p;
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        let c0 = self.see((cx0, -cy0));
        let c1 = self.see((cx1, -cy1));
        let p = self.see((x, -y));
        self.segments.push(Segment::Cubic([self.last, c0, c1, p]));
        self.last = p;
    }
    fn close(&mut self) {
        if self.last != self.start {
            self.segments.push(Segment::Line([self.last, self.start]));
            self.last = self.start;
        }
    }
}

/// The outline of the key's glyph at the key's size, read from `font`
/// (y down); `None` when the font has no such glyph or it does not draw.
fn read_outline(
    font: &skrifa::outline::OutlineGlyphCollection<'_>,
    key: GlyphKey,
) -> Option<Segments> {
    let px = key.size as f32 / 64.0;
    let glyph = font.get(skrifa::GlyphId::new(u32::from(key.glyph)))?;
    let mut pen = Segments::new();
    glyph
        .draw(
            DrawSettings::unhinted(Size::new(px), LocationRef::default()),
            &mut pen,
        )
        .ok()?;
    pen.close();
    Some(pen)
}

/// One glyph's coverage as its key says: size in 64ths of a pixel per em,
/// its origin at (`dx`, `dy`) steps within its pixel; `None` for a glyph
/// with no outline (a space).
///
/// Coverage is the exact area of each pixel inside the outline (signed
/// areas accumulated along the edges, as font-rs does), where tiny-skia
/// samples each pixel 4 × 4 times: the two differ by a few levels at an
/// edge, and this is several times faster for glyphs of a few pixels.
fn rasterise(
    raster: &mut ab_glyph_rasterizer::Rasterizer,
    pen: &Segments,
    key: GlyphKey,
) -> Option<Glyph> {
    use ab_glyph_rasterizer::point;
    let (dx, dy) = (
        f32::from(key.dx) / SUBPIXEL_X,
        f32::from(key.dy) / SUBPIXEL_Y,
    );
    let finite = [pen.min.0, pen.min.1, pen.max.0, pen.max.1]
        .iter()
        .all(|v| v.is_finite());
    if pen.segments.is_empty() || !finite {
        return None;
    }
    // A pixel of room on each side: the accumulation spills one pixel past
    // an edge's last column.
    let left = (pen.min.0 + dx).floor() as i32 - 1;
    let top = (pen.min.1 + dy).floor() as i32 - 1;
    let w = ((pen.max.0 + dx).ceil() as i32 + 2 - left).clamp(1, 4096) as u32;
    let h = ((pen.max.1 + dy).ceil() as i32 + 2 - top).clamp(1, 4096) as u32;
    raster.reset(w as usize, h as usize);
    let (ox, oy) = (dx - left as f32, dy - top as f32);
    let at = |p: (f32, f32)| point(p.0 + ox, p.1 + oy);
    for s in &pen.segments {
        match *s {
            Segment::Line([a, b]) => raster.draw_line(at(a), at(b)),
            Segment::Quad([a, b, c]) => raster.draw_quad(at(a), at(b), at(c)),
            Segment::Cubic([a, b, c, d]) => raster.draw_cubic(at(a), at(b), at(c), at(d)),
        }
    }
    let mut coverage = vec![0u8; (w * h) as usize];
    raster.for_each_pixel(|i, a| {
        // Most of a glyph's box is empty: level 0 without the table (the
        // same test as the conversion's, to the last bit).
        let level = a.min(1.0) * 16.0 + 0.5;
        if level < 1.0 {
            return;
        }
        if let Some(c) = coverage.get_mut(i) {
            *c = COVERAGE_LEVELS[level as usize];
        }
    });
    Some(Glyph {
        coverage,
        width: w,
        height: h,
        left,
        top,
    })
}

/// Collects a glyph's outline as a tiny-skia path (font y is up).
struct Outline(PathBuilder);

impl OutlinePen for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, -y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, -y);
    }
    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.0.quad_to(cx0, -cy0, x, -y);
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.0.cubic_to(cx0, -cy0, cx1, -cy1, x, -y);
    }
    fn close(&mut self) {
        self.0.close();
    }
}

/// A glyph's outline at `px` pixels per em, its origin at (0, 0); `None`
/// for a glyph with no outline (a space). Glyph 0 is the font's box for a
/// missing character, drawn as resvg draws it.
fn outline(bold: bool, id: u16, px: f32) -> Option<sk::Path> {
    let mut pen = Outline(PathBuilder::new());
    if !draw_glyph(bold, id, px, &mut pen) {
        return None;
    }
    pen.0.finish()
}

/// A large glyph (past [`LARGEST_CACHED_GLYPH`]) filled straight onto the
/// canvas at (`x`, `y`), not cached.
pub(super) fn fill_glyph(
    pixmap: &mut PixmapMut<'_>,
    bold: bool,
    id: u16,
    px: f32,
    x: f32,
    y: f32,
    colour: Rgb,
) {
    if let Some(path) = outline(bold, id, px) {
        pixmap.fill_path(
            &path,
            &solid(colour),
            FillRule::Winding,
            Transform::from_translate(x, y),
            None,
        );
    }
}

/// A paint of one colour, anti-aliased.
pub(super) fn solid(c: Rgb) -> Paint<'static> {
    let mut p = Paint::default();
    p.set_color_rgba8(c.0, c.1, c.2, 255);
    p.anti_alias = true;
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two channels at a time give the bytes one at a time gives, for
    /// every coverage and a spread of colours and backgrounds.
    #[test]
    fn blending_two_channels_at_a_time_is_exact() {
        let values = [0u8, 1, 2, 17, 100, 127, 128, 129, 200, 254, 255];
        for &s0 in &values {
            for &d0 in &values {
                let src = [s0, 255 - s0, s0 / 2, 255];
                let dst = [d0, d0 / 3, 255 - d0, 255 - d0 / 2];
                let ink = Blend::new(src);
                for a in 1..255u32 {
                    let mut px = dst;
                    ink.over(&mut px, a);
                    let want: Vec<u8> = src
                        .iter()
                        .zip(dst)
                        .map(|(s, d)| {
                            ((u32::from(*s) * a + u32::from(d) * (255 - a) + 127) / 255) as u8
                        })
                        .collect();
                    assert_eq!(px.to_vec(), want, "{src:?} over {dst:?} at {a}");
                }
            }
        }
    }
}
