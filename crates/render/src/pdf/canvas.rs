//! A thin layer over a krilla surface: shapes in layout units (the page
//! transform is pushed once), colours from the theme, text from the shaper
//! the layout measured with, and the tagging of every piece of content as
//! either part of the picture or an artifact.

use std::sync::OnceLock;

use cirkel_layout::{
    Anchor, FONT_BOLD, FONT_REGULAR, Path, Rect, Segment, TextLine, Weight, shape,
};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Transform};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Paint, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::tagging::{Artifact, ArtifactType, ContentTag, Identifier, SpanTag};
use krilla::text::{Font, GlyphId, KrillaGlyph};

use crate::theme::Rgb;

/// The bundled fonts as krilla fonts (parsed once).
pub(super) struct Fonts {
    pub regular: Font,
    pub bold: Font,
}

/// The bundled fonts, or `None` if they do not parse (they always do: they
/// are part of the binary).
pub(super) fn fonts() -> Option<&'static Fonts> {
    static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let regular = Font::new(FONT_REGULAR.into(), 0)?;
            let bold = Font::new(FONT_BOLD.into(), 0).unwrap_or_else(|| regular.clone());
            Some(Fonts { regular, bold })
        })
        .as_ref()
}

/// A krilla colour.
pub(super) fn paint(c: Rgb) -> Paint {
    rgb::Color::new(c.0, c.1, c.2).into()
}

/// A plain fill.
pub(super) fn fill(c: Rgb) -> Fill {
    fill_with(paint(c), FillRule::NonZero)
}

/// A fill with any paint and rule.
pub(super) fn fill_with(paint: Paint, rule: FillRule) -> Fill {
    Fill {
        paint,
        opacity: NormalizedF32::ONE,
        rule,
    }
}

/// A stroke: colour, width, dash pattern, round joins (and caps when asked).
pub(super) fn stroke(c: Rgb, width: f64, dash: Option<Vec<f32>>, round_cap: bool) -> Stroke {
    Stroke {
        paint: paint(c),
        width: f(width),
        miter_limit: 4.0,
        line_cap: if round_cap {
            LineCap::Round
        } else {
            LineCap::Butt
        },
        line_join: LineJoin::Round,
        opacity: NormalizedF32::ONE,
        dash: dash.map(|array| StrokeDash { array, offset: 0.0 }),
    }
}

/// Builds krilla paths from the layout's geometry.
#[derive(Default)]
pub(super) struct Shape(PathBuilder);

impl Shape {
    /// An empty shape.
    pub fn new() -> Shape {
        Shape(PathBuilder::new())
    }

    /// The layout's path (lines and Béziers).
    pub fn path(path: &Path) -> Shape {
        let mut s = Shape::new();
        for seg in &path.segments {
            match *seg {
                Segment::Move(p) => s.0.move_to(f(p.x), f(p.y)),
                Segment::Line(p) => s.0.line_to(f(p.x), f(p.y)),
                Segment::Quad(c, p) => s.0.quad_to(f(c.x), f(c.y), f(p.x), f(p.y)),
                Segment::Cubic(c1, c2, p) => {
                    s.0.cubic_to(f(c1.x), f(c1.y), f(c2.x), f(c2.y), f(p.x), f(p.y))
                }
            }
        }
        s
    }

    /// A polygon through `points`, closed.
    pub fn polygon(points: &[(f64, f64)]) -> Shape {
        let mut s = Shape::new();
        for (i, &(x, y)) in points.iter().enumerate() {
            if i == 0 {
                s.0.move_to(f(x), f(y));
            } else {
                s.0.line_to(f(x), f(y));
            }
        }
        s.0.close();
        s
    }

    /// Moves to the point at `deg` (clockwise from 12 o'clock) on the circle.
    fn move_polar(&mut self, c: (f64, f64), r: f64, deg: f64) {
        let (x, y) = polar(c, r, deg);
        self.0.move_to(f(x), f(y));
    }

    /// Lines to the point at `deg` on the circle.
    fn line_polar(&mut self, c: (f64, f64), r: f64, deg: f64) {
        let (x, y) = polar(c, r, deg);
        self.0.line_to(f(x), f(y));
    }

    /// An arc from the current point (at `from` degrees) to `to` degrees,
    /// as cubic Béziers of at most 90° each (either direction).
    fn arc(&mut self, c: (f64, f64), r: f64, from: f64, to: f64) {
        let pieces = ((to - from).abs() / 90.0).ceil().clamp(1.0, 8.0) as usize;
        let step = (to - from) / pieces as f64;
        for i in 0..pieces {
            let a0 = (from + step * i as f64).to_radians();
            let a1 = (from + step * (i + 1) as f64).to_radians();
            let k = 4.0 / 3.0 * libm::tan((a1 - a0) / 4.0);
            let (x0, y0) = (c.0 + r * libm::sin(a0), c.1 - r * libm::cos(a0));
            let (x1, y1) = (c.0 + r * libm::sin(a1), c.1 - r * libm::cos(a1));
            let (t0x, t0y) = (r * libm::cos(a0), r * libm::sin(a0));
            let (t1x, t1y) = (r * libm::cos(a1), r * libm::sin(a1));
            self.0.cubic_to(
                f(x0 + k * t0x),
                f(y0 + k * t0y),
                f(x1 - k * t1x),
                f(y1 - k * t1y),
                f(x1),
                f(y1),
            );
        }
    }

    /// A whole circle as a closed subpath.
    pub fn circle(mut self, cx: f64, cy: f64, r: f64) -> Shape {
        self.move_polar((cx, cy), r, 0.0);
        self.arc((cx, cy), r, 0.0, 360.0);
        self.0.close();
        self
    }

    /// The ring between two radii (fill with even-odd).
    pub fn annulus(cx: f64, cy: f64, inner: f64, outer: f64) -> Shape {
        Shape::new().circle(cx, cy, outer).circle(cx, cy, inner)
    }

    /// The annular sector from `start` to `end` degrees.
    pub fn wedge(cx: f64, cy: f64, inner: f64, outer: f64, start: f64, end: f64) -> Shape {
        let c = (cx, cy);
        let mut s = Shape::new();
        s.move_polar(c, outer, start);
        s.arc(c, outer, start, end);
        s.line_polar(c, inner, end);
        s.arc(c, inner, end, start);
        s.0.close();
        s
    }

    /// A rectangle with corners rounded by `radius`.
    pub fn rounded(r: &Rect, radius: f64) -> Shape {
        let radius = radius.min(r.width / 2.0).min(r.height / 2.0).max(0.0);
        Shape::rounded_top(r, radius, radius)
    }

    /// A rectangle with the top corners rounded by `top` and the bottom ones
    /// by `bottom`.
    pub fn rounded_top(r: &Rect, top: f64, bottom: f64) -> Shape {
        let (x0, y0, x1, y1) = (r.x, r.y, r.x + r.width, r.y + r.height);
        let mut s = Shape::new();
        s.0.move_to(f(x0), f(y0 + top));
        s.corner((x0, y0 + top), (x0, y0), (x0 + top, y0));
        s.0.line_to(f(x1 - top), f(y0));
        s.corner((x1 - top, y0), (x1, y0), (x1, y0 + top));
        s.0.line_to(f(x1), f(y1 - bottom));
        s.corner((x1, y1 - bottom), (x1, y1), (x1 - bottom, y1));
        s.0.line_to(f(x0 + bottom), f(y1));
        s.corner((x0 + bottom, y1), (x0, y1), (x0, y1 - bottom));
        s.0.close();
        s
    }

    /// A quarter-circle corner from `a` to `b` around the corner point.
    fn corner(&mut self, a: (f64, f64), corner: (f64, f64), b: (f64, f64)) {
        const K: f64 = 0.552_284_75;
        self.0.cubic_to(
            f(a.0 + (corner.0 - a.0) * K),
            f(a.1 + (corner.1 - a.1) * K),
            f(b.0 + (corner.0 - b.0) * K),
            f(b.1 + (corner.1 - b.1) * K),
            f(b.0),
            f(b.1),
        );
    }

    /// The finished path; `None` when it is empty or degenerate.
    pub fn finish(self) -> Option<krilla::geom::Path> {
        self.0.finish()
    }
}

/// A coordinate for krilla: finite and within ±1e6 (as the SVG painter's
/// numbers), so no input can put NaN or infinity into the PDF.
pub(super) fn f(v: f64) -> f32 {
    crate::style::safe_coordinate(v) as f32
}

/// The point at `deg` degrees clockwise from 12 o'clock.
pub(super) fn polar(c: (f64, f64), r: f64, deg: f64) -> (f64, f64) {
    let a = deg.to_radians();
    (c.0 + r * libm::sin(a), c.1 - r * libm::cos(a))
}

/// Where drawn content goes in the structure tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    /// Decoration (bands, wedges, lines, card shapes): an artifact.
    Artifact,
    /// Part of the picture: it goes into the Figure.
    Figure,
}

/// A surface with the picture's bookkeeping: the identifiers of the
/// content that belongs to the Figure.
pub(super) struct Canvas<'s, 'p> {
    pub surface: &'s mut Surface<'p>,
    /// Content identifiers for the Figure, in drawing order.
    pub figure: Vec<Identifier>,
}

impl<'s, 'p> Canvas<'s, 'p> {
    /// A canvas on `surface`.
    pub fn new(surface: &'s mut Surface<'p>) -> Canvas<'s, 'p> {
        Canvas {
            surface,
            figure: Vec::new(),
        }
    }

    /// Runs `draw` inside a marked-content sequence of the kind `mark`.
    pub fn marked(&mut self, mark: Mark, draw: impl FnOnce(&mut Surface<'p>)) {
        match mark {
            Mark::Artifact => {
                self.surface
                    .start_tagged(ContentTag::Artifact(Artifact::with_kind(
                        ArtifactType::Layout,
                    )));
                draw(self.surface);
                self.surface.end_tagged();
            }
            Mark::Figure => {
                let id = self.surface.start_tagged(ContentTag::Other);
                draw(self.surface);
                self.surface.end_tagged();
                self.figure.push(id);
            }
        }
    }

    /// Fills and/or strokes `shape` as decoration.
    pub fn draw(&mut self, shape: Shape, fill: Option<Fill>, stroke: Option<Stroke>) {
        let Some(path) = shape.finish() else {
            return;
        };
        if fill.is_none() && stroke.is_none() {
            return;
        }
        self.marked(Mark::Artifact, |s| {
            s.set_fill(fill);
            s.set_stroke(stroke);
            s.draw_path(&path);
            s.set_stroke(None);
        });
    }

    /// A line of text in `colour`, as part of the Figure.
    pub fn text(&mut self, line: &TextLine, colour: Rgb) {
        if let Some(id) = text_span(self.surface, line, colour) {
            self.figure.push(id);
        }
    }
}

/// Draws `line` as a tagged span and returns its identifier; `None` when
/// nothing was drawn (empty text, no glyph of the font).
pub(super) fn text_span(
    surface: &mut Surface<'_>,
    line: &TextLine,
    colour: Rgb,
) -> Option<Identifier> {
    let fonts = fonts()?;
    let (glyphs, advance, lead) = glyphs(&line.text, line.weight)?;
    let font = match line.weight {
        Weight::Bold => fonts.bold.clone(),
        Weight::Normal => fonts.regular.clone(),
    };
    let size = line.size.clamp(0.1, 1e4);
    let x = lead * size
        + match line.anchor {
            Anchor::Start => line.x,
            Anchor::Middle => line.x - advance * size / 2.0,
        };
    let text = pdf_text(&line.text);
    let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
    surface.set_fill(Some(fill(colour)));
    surface.set_stroke(None);
    surface.draw_glyphs(
        Point::from_xy(f(x), f(line.y)),
        &glyphs,
        font,
        &text,
        f(size),
        false,
    );
    surface.end_tagged();
    Some(id)
}

/// `text` with the characters PDF/UA does not allow as a glyph's text
/// (U+0000, U+FEFF, U+FFFE) replaced by characters of the same length in
/// UTF-8 (a space, U+200B), so the glyphs' byte ranges stay right.
fn pdf_text(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\0' => ' ',
            '\u{feff}' | '\u{fffe}' => '\u{200b}',
            c => c,
        })
        .collect()
}

/// The glyphs of `text` for krilla (em units, each with the text it
/// shows, so the PDF's text can be copied), the run's advance in em, and
/// how far the first drawn glyph starts from the run's start. Glyphs the
/// font lacks are left out (their space kept); `None` when no glyph remains.
pub(super) fn glyphs(text: &str, weight: Weight) -> Option<(Vec<KrillaGlyph>, f64, f64)> {
    if text.is_empty() {
        return None;
    }
    let run = shape(text, weight);
    let mut starts: Vec<usize> = run
        .glyphs
        .iter()
        .map(|g| g.cluster as usize)
        .filter(|&c| c < text.len() && text.is_char_boundary(c))
        .collect();
    starts.sort_unstable();
    starts.dedup();
    let mut out: Vec<KrillaGlyph> = Vec::with_capacity(run.glyphs.len());
    let mut lead = 0.0f64;
    for g in &run.glyphs {
        let start = g.cluster as usize;
        if g.id == 0 || starts.binary_search(&start).is_err() {
            // Missing from the font: keep its space, draw nothing.
            match out.last_mut() {
                Some(last) => last.x_advance += f(g.x_advance),
                None => lead += g.x_advance,
            }
            continue;
        }
        let end = starts
            .get(starts.partition_point(|&s| s <= start))
            .copied()
            .unwrap_or(text.len());
        out.push(KrillaGlyph::new(
            GlyphId::new(u32::from(g.id)),
            f(g.x_advance),
            f(g.x_offset),
            f(g.y_offset),
            0.0,
            start..end,
            None,
        ));
    }
    if out.is_empty() {
        return None;
    }
    Some((out, run.advance, lead))
}

/// The page transform: layout units to points, placed at (`dx`, `dy`).
pub(super) fn page_transform(scale: f64, dx: f64, dy: f64) -> Transform {
    Transform::from_row(f(scale), 0.0, 0.0, f(scale), f(dx), f(dy))
}
