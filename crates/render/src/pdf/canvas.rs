//! A thin layer over a krilla surface: shapes in layout units (the page
//! transform is pushed once), colours from the theme, text from the shaper
//! the layout measured with, and the tagging of every piece of content as
//! either part of the picture or an artifact; and what only a PDF needs of
//! the shared walk (`crate::walk`): photos as krilla images, the hatches as
//! patterns.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use cirkel_core::{Domain, ImageKind, Photo};
use cirkel_layout::{Anchor, FONT_BOLD, FONT_REGULAR, Path, Rect, TextLine, Weight, shape};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Size, Transform};
use krilla::image::Image;
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Paint, Pattern, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::tagging::{Artifact, ArtifactType, ContentTag, Identifier, SpanTag};
use krilla::text::{Font, GlyphId, KrillaGlyph};

use crate::style::{HATCH_LINE, HATCH_SIZE, HatchMark, hatch_angle, hatch_marks};
use crate::theme::Rgb;
use crate::walk::{self, Brush, Cmd, Painter, Pen, Rule, Shape, f};

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

/// The shape as a krilla path; `None` when it is empty or degenerate.
pub(super) fn krilla_path(shape: &Shape) -> Option<krilla::geom::Path> {
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
pub(super) struct Canvas<'s, 'p, 'd> {
    pub surface: &'s mut Surface<'p>,
    /// Content identifiers for the Figure, in drawing order.
    pub figure: Vec<Identifier>,
    /// The members' photos, decoded.
    photos: &'d BTreeMap<String, Decoded>,
}

impl<'s, 'p, 'd> Canvas<'s, 'p, 'd> {
    /// A canvas on `surface`.
    pub fn new(
        surface: &'s mut Surface<'p>,
        photos: &'d BTreeMap<String, Decoded>,
    ) -> Canvas<'s, 'p, 'd> {
        Canvas {
            surface,
            figure: Vec::new(),
            photos,
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
}

impl Painter for Canvas<'_, '_, '_> {
    /// Fills and/or strokes `shape` as decoration.
    fn draw(&mut self, shape: &Shape, fill: Option<walk::Fill>, stroke: Option<Pen>) {
        // The fill first: a hatch is a pattern stream of its own, made
        // before the shape's marked content.
        let fill = fill.map(|p| {
            let rule = match p.rule {
                Rule::NonZero => FillRule::NonZero,
                Rule::EvenOdd => FillRule::EvenOdd,
            };
            match p.brush {
                Brush::Solid(c) => fill_with(self::paint(c), rule),
                Brush::Hatch { domain, back, ink } => {
                    fill_with(hatch(self.surface, domain, back, ink), rule)
                }
            }
        });
        let stroke = stroke.map(|p| self::stroke(p.colour, p.width, p.dash, p.round_cap));
        let Some(path) = krilla_path(shape) else {
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
    fn text(&mut self, line: &TextLine, colour: Rgb) {
        if let Some(id) = text_span(self.surface, line, colour) {
            self.figure.push(id);
        }
    }

    fn portrait(&mut self, id: &str, circle: (f64, f64, f64)) -> bool {
        let Some((image, w, h)) = self.photos.get(id).cloned() else {
            return false;
        };
        portrait(self, circle, image, w, h);
        true
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

/// A decoded photo with its pixel size.
pub(super) type Decoded = (Image, u32, u32);

/// Decodes the photos once, before anything is drawn; one that does not
/// decode (or whose decoder fails) is left out: its card shows the empty
/// circle, as in the SVG.
pub(super) fn decode(photos: &BTreeMap<String, Photo>) -> BTreeMap<String, Decoded> {
    photos
        .iter()
        .filter_map(|(id, p)| {
            let decoded = std::panic::catch_unwind(|| image_of(p)).ok().flatten()?;
            Some((id.clone(), decoded))
        })
        .collect()
}

/// The hatch of a domain (as the SVG painter's pattern): its tint with
/// lines at four angles, a cross-hatch, dots or rings.
pub(super) fn hatch(s: &mut Surface<'_>, d: Domain, back: Rgb, ink: Rgb) -> krilla::paint::Paint {
    const SIZE: f64 = HATCH_SIZE;
    let mut builder = s.stream_builder();
    {
        let mut p = builder.surface();
        let tile = Rect {
            x: 0.0,
            y: 0.0,
            width: SIZE,
            height: SIZE,
        };
        draw_plain(&mut p, &Shape::rounded(&tile, 0.0), Some(fill(back)), None);
        for mark in hatch_marks(d) {
            match *mark {
                HatchMark::Line(a, b) => draw_plain(
                    &mut p,
                    &Shape::path(&Path::line(a, b)),
                    None,
                    Some(stroke(ink, HATCH_LINE, None, false)),
                ),
                HatchMark::Dot((x, y), r) => {
                    draw_plain(&mut p, &Shape::new().circle(x, y, r), Some(fill(ink)), None)
                }
                HatchMark::Ring((x, y), r, width) => draw_plain(
                    &mut p,
                    &Shape::new().circle(x, y, r),
                    None,
                    Some(stroke(ink, width, None, false)),
                ),
            }
        }
        p.finish();
    }
    let angle = hatch_angle(d).map_or(0.0, |a| a as f32);
    Pattern {
        stream: builder.finish(),
        transform: Transform::from_rotate(angle),
        width: SIZE as f32,
        height: SIZE as f32,
    }
    .into()
}

/// Draws without tagging (inside a pattern's own stream).
fn draw_plain(
    s: &mut Surface<'_>,
    shape: &Shape,
    f: Option<Fill>,
    st: Option<krilla::paint::Stroke>,
) {
    if let Some(path) = krilla_path(shape) {
        s.set_fill(f);
        s.set_stroke(st);
        s.draw_path(&path);
        s.set_stroke(None);
    }
}

/// The photo as a krilla image, with its pixel size; `None` when it does
/// not decode (the card then shows the empty circle, as in the SVG).
fn image_of(photo: &Photo) -> Option<(Image, u32, u32)> {
    let data: krilla::Data = photo.bytes.to_vec().into();
    let image = match photo.kind {
        ImageKind::Png => Image::from_png(data, true).ok()?,
        ImageKind::Jpeg => Image::from_jpeg(data, true).ok()?,
    };
    let (w, h) = image.size();
    (w > 0 && h > 0).then_some((image, w, h))
}

/// A round portrait: the image scaled to cover the circle (centred, as
/// `xMidYMid slice`) and clipped to it.
pub(super) fn portrait(
    c: &mut Canvas<'_, '_, '_>,
    (x, y, radius): (f64, f64, f64),
    image: Image,
    w: u32,
    h: u32,
) {
    let Some(clip) = krilla_path(&Shape::new().circle(x, y, radius)) else {
        return;
    };
    let side = 2.0 * radius;
    let scale = (side / f64::from(w)).max(side / f64::from(h));
    let (iw, ih) = (f64::from(w) * scale, f64::from(h) * scale);
    let Some(size) = Size::from_wh(f(iw), f(ih)) else {
        return;
    };
    c.marked(Mark::Figure, |s| {
        s.push_clip_path(&clip, &FillRule::NonZero);
        s.push_transform(&Transform::from_translate(f(x - iw / 2.0), f(y - ih / 2.0)));
        s.draw_image(image, size);
        s.pop();
        s.pop();
    });
}
