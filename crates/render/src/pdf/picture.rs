//! The circle on the page: the same walk over the `Layout` as the SVG
//! painter (`crate::svg`), in the same order and with the same colours and
//! line widths, drawn with krilla. Decoration is marked as artifacts; text
//! and photos belong to the Figure.

use std::collections::BTreeMap;

use cirkel_core::{Domain, ImageKind, Photo, Tie};
use cirkel_layout::{Arrow, Badge, Layout, Node, Path, Rect, SampleKind, TextBox, TextLine};
use krilla::geom::{Size, Transform};
use krilla::image::Image;
use krilla::paint::{Fill, FillRule, Pattern};
use krilla::surface::Surface;

use super::canvas::{Canvas, Mark, Shape, f, fill, fill_with, paint, stroke};
use crate::safety::is_safe_link;
use crate::style::{
    BAND_EDGE_WIDTH, CARD_BORDER, CARD_RADIUS, HATCH_LINE, HATCH_SIZE, PILL_EDGE_TINT, ROUTE_WIDTH,
    SECTOR_EDGE_WIDTH, escalation_dash, hatch_angle, tie_stroke,
};
use crate::svg::text_colour;
use crate::theme::{Rgb, Theme};

/// A decoded photo with its pixel size.
pub(super) type Decoded = (Image, u32, u32);

/// One row of the footer's contact list: its lines left to right, each
/// with its link where it has one. Drawn later, outside the Figure, as one
/// paragraph, so a screen reader hears whose contact it is and the links
/// carry their annotations.
pub(super) type ContactRow<'l> = Vec<(&'l TextLine, Option<&'l str>)>;

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

/// Draws the whole circle; returns the footer's contact rows.
pub(super) fn picture<'l>(
    c: &mut Canvas<'_, '_>,
    layout: &'l Layout,
    theme: &Theme,
    highlight: Option<&str>,
    photos: &BTreeMap<String, Decoded>,
) -> Vec<ContactRow<'l>> {
    let bg = Rect {
        x: 0.0,
        y: 0.0,
        width: layout.width,
        height: layout.height,
    };
    c.draw(Shape::rounded(&bg, 0.0), Some(fill(theme.background)), None);
    bands(c, layout, theme);
    sectors(c, layout, theme);
    rings(c, layout, theme);
    for t in &layout.ties {
        tie(c, &t.path, t.tie, theme);
    }
    let centre = &layout.centre;
    c.draw(
        Shape::new().circle(centre.x, centre.y, centre.radius),
        Some(fill(theme.centre)),
        None,
    );
    for t in &centre.text {
        c.text(t, text_colour(t.role, theme));
    }
    for r in &layout.rings {
        if let Some(l) = &r.label {
            c.draw(
                Shape::rounded(&l.rect, l.rect.height / 2.0),
                Some(fill(theme.background)),
                Some(stroke(
                    theme.ring_line.tint(PILL_EDGE_TINT),
                    1.5,
                    None,
                    false,
                )),
            );
            c.text(&l.text, text_colour(l.text.role, theme));
        }
    }
    for n in &layout.nodes {
        card(c, n, theme, photos.get(&n.id));
    }
    routes(c, layout, theme, highlight);
    let mut rows = Vec::new();
    for b in &layout.boxes {
        text_box(c, b, theme, &mut rows);
    }
    rows
}

fn bands(c: &mut Canvas<'_, '_>, layout: &Layout, theme: &Theme) {
    let (cx, cy) = (layout.centre.x, layout.centre.y);
    let n = layout.rings.len();
    for (k, r) in layout.rings.iter().enumerate() {
        let tone = theme.band.tint(theme.ring_tint(k, n));
        c.draw(
            Shape::annulus(cx, cy, r.inner_radius, r.outer_radius),
            Some(fill_with(paint(tone), FillRule::EvenOdd)),
            None,
        );
    }
}

fn sectors(c: &mut Canvas<'_, '_>, layout: &Layout, theme: &Theme) {
    let (cx, cy) = (layout.centre.x, layout.centre.y);
    let n = layout.rings.len();
    let mut edges = Vec::new();
    for s in &layout.sectors {
        let k = s
            .ring
            .as_ref()
            .and_then(|id| layout.rings.iter().position(|r| r.id == *id))
            .unwrap_or(0);
        let tint = theme.ring_tint(k, n);
        let whole = s.end_deg - s.start_deg >= 359.99;
        let shape = if whole {
            Shape::annulus(cx, cy, s.inner_radius, s.outer_radius)
        } else {
            Shape::wedge(
                cx,
                cy,
                s.inner_radius,
                s.outer_radius,
                s.start_deg,
                s.end_deg,
            )
        };
        let f = domain_fill(c.surface, s.domain, theme, tint, FillRule::EvenOdd);
        c.draw(shape, Some(f), None);
        if !whole {
            for a in [s.start_deg, s.end_deg] {
                let p0 = super::canvas::polar((cx, cy), s.inner_radius, a);
                let p1 = super::canvas::polar((cx, cy), s.outer_radius, a);
                edges.push(Shape::path(&Path::line(p0, p1)));
            }
        }
    }
    for e in edges {
        c.draw(
            e,
            None,
            Some(stroke(theme.ring_line, SECTOR_EDGE_WIDTH, None, false)),
        );
    }
}

fn rings(c: &mut Canvas<'_, '_>, layout: &Layout, theme: &Theme) {
    let (cx, cy) = (layout.centre.x, layout.centre.y);
    let radii = layout
        .rings
        .iter()
        .skip(1)
        .map(|r| r.inner_radius)
        .chain([layout.outer_radius]);
    for r in radii {
        c.draw(
            Shape::new().circle(cx, cy, r),
            None,
            Some(stroke(theme.ring_line, BAND_EDGE_WIDTH, None, false)),
        );
    }
}

/// A domain's fill: its tint, or with a patterned theme its hatch.
fn domain_fill(s: &mut Surface<'_>, d: Domain, theme: &Theme, tint: f64, rule: FillRule) -> Fill {
    if theme.patterns && d != Domain::Onderwijs {
        fill_with(hatch(s, d, theme, tint), rule)
    } else {
        fill_with(paint(theme.domain(d).tint(tint)), rule)
    }
}

/// The hatch of a domain (as the SVG painter's pattern): its tint with
/// lines at four angles, a cross-hatch, dots or rings.
fn hatch(s: &mut Surface<'_>, d: Domain, theme: &Theme, tint: f64) -> krilla::paint::Paint {
    const SIZE: f64 = HATCH_SIZE;
    let back = theme.domain(d).tint(tint);
    let ink = theme.domain(d).tint(0.55);
    let mut builder = s.stream_builder();
    {
        let mut p = builder.surface();
        let tile = Rect {
            x: 0.0,
            y: 0.0,
            width: SIZE,
            height: SIZE,
        };
        draw_plain(&mut p, Shape::rounded(&tile, 0.0), Some(fill(back)), None);
        let half = SIZE / 2.0;
        let line = |a: (f64, f64), b: (f64, f64)| Shape::path(&Path::line(a, b));
        let ink_line = Some(stroke(ink, HATCH_LINE, None, false));
        match d {
            Domain::Overig => draw_plain(
                &mut p,
                Shape::new().circle(half, half, 2.2),
                Some(fill(ink)),
                None,
            ),
            Domain::Ouders => draw_plain(
                &mut p,
                Shape::new().circle(half, half, 3.5),
                None,
                Some(stroke(ink, 1.5, None, false)),
            ),
            Domain::Veiligheid => {
                draw_plain(
                    &mut p,
                    line((0.0, half), (SIZE, half)),
                    None,
                    ink_line.clone(),
                );
                draw_plain(&mut p, line((half, 0.0), (half, SIZE)), None, ink_line);
            }
            _ => draw_plain(&mut p, line((0.0, half), (SIZE, half)), None, ink_line),
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
    shape: Shape,
    f: Option<Fill>,
    st: Option<krilla::paint::Stroke>,
) {
    if let Some(path) = shape.finish() {
        s.set_fill(f);
        s.set_stroke(st);
        s.draw_path(&path);
        s.set_stroke(None);
    }
}

/// How a tie is stroked: width and dash pattern (as in the SVG).
fn tie(c: &mut Canvas<'_, '_>, path: &Path, tie: Tie, theme: &Theme) {
    let (width, dash) = tie_stroke(tie);
    let dash = dash.map(|[on, off]| vec![f(on), f(off)]);
    c.draw(
        Shape::path(path),
        None,
        Some(stroke(theme.tie, width, dash, false)),
    );
}

fn card(c: &mut Canvas<'_, '_>, n: &Node, theme: &Theme, photo: Option<&Decoded>) {
    let colour = theme.domain(n.domain);
    let r = n.rect();
    c.draw(
        Shape::rounded(&r, CARD_RADIUS),
        Some(fill(theme.card)),
        Some(stroke(colour, CARD_BORDER, None, false)),
    );
    let header = Rect {
        height: n.header_height.clamp(0.0, r.height),
        ..r
    };
    c.draw(
        Shape::rounded_top(&header, CARD_RADIUS.min(header.height / 2.0), 0.0),
        Some(fill(colour)),
        None,
    );
    if let Some(p) = &n.photo {
        let drawn = photo.cloned().is_some_and(|(image, w, h)| {
            portrait(c, (p.x, p.y, p.radius), image, w, h);
            true
        });
        if !drawn {
            c.draw(
                Shape::new().circle(p.x, p.y, p.radius),
                Some(fill(colour.tint(0.8))),
                None,
            );
        }
        c.draw(
            Shape::new().circle(p.x, p.y, p.radius),
            None,
            Some(stroke(colour, CARD_BORDER, None, false)),
        );
    }
    for t in &n.text {
        c.text(t, text_colour(t.role, theme));
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
fn portrait(c: &mut Canvas<'_, '_>, (x, y, radius): (f64, f64, f64), image: Image, w: u32, h: u32) {
    let Some(clip) = Shape::new().circle(x, y, radius).finish() else {
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

fn routes(c: &mut Canvas<'_, '_>, layout: &Layout, theme: &Theme, focus: Option<&str>) {
    let mut ordered: Vec<_> = layout.routes.iter().collect();
    ordered.sort_by_key(|r| Some(r.id.as_str()) == focus);
    let mut badges = Vec::new();
    for r in ordered {
        let strong = focus.is_none_or(|f| f == r.id);
        let colour = if strong {
            theme.route(r.number)
        } else {
            theme.route(r.number).tint(0.7)
        };
        let width = match (focus.is_some(), strong) {
            (true, true) => ROUTE_WIDTH * 1.5,
            (false, _) => ROUTE_WIDTH,
            (true, false) => ROUTE_WIDTH * 0.7,
        };
        route_line(c, &r.path, colour, false, theme, width);
        route_line(c, &r.escalation_path, colour, true, theme, width);
        let arrow_scale = (width / ROUTE_WIDTH).max(1.0);
        for leg in &r.legs {
            arrow(c, &leg.arrow, arrow_scale, colour, theme);
        }
        if focus == Some(r.id.as_str())
            && let Some(l) = &r.label
        {
            c.draw(
                Shape::rounded(&l.rect, 8.0),
                Some(fill(theme.background)),
                Some(stroke(colour, 3.0, None, false)),
            );
            for t in &l.text {
                c.text(t, text_colour(t.role, theme));
            }
        }
        if let Some(b) = &r.badge {
            badges.push((b, colour));
        }
    }
    for (b, colour) in badges {
        badge(c, b, colour, theme);
    }
}

/// A route line with its casing in the background colour.
fn route_line(
    c: &mut Canvas<'_, '_>,
    path: &Path,
    colour: Rgb,
    escalation: bool,
    theme: &Theme,
    width: f64,
) {
    if path.is_empty() {
        return;
    }
    c.draw(
        Shape::path(path),
        None,
        Some(stroke(theme.background, width + 4.0, None, true)),
    );
    let dash = escalation.then(|| {
        let [on, off] = escalation_dash(width);
        vec![f(on), f(off)]
    });
    c.draw(
        Shape::path(path),
        None,
        Some(stroke(colour, width, dash, false)),
    );
}

fn arrow(c: &mut Canvas<'_, '_>, a: &Arrow, scale: f64, colour: Rgb, theme: &Theme) {
    let scaled = Arrow {
        length: a.length * scale,
        half_width: a.half_width * scale,
        ..*a
    };
    c.draw(
        Shape::polygon(&scaled.corners()),
        Some(fill(colour)),
        Some(stroke(theme.background, 1.5, None, false)),
    );
}

fn badge(c: &mut Canvas<'_, '_>, b: &Badge, colour: Rgb, theme: &Theme) {
    c.draw(
        Shape::new().circle(b.x, b.y, b.radius),
        Some(fill(colour)),
        Some(stroke(theme.background, 2.0, None, false)),
    );
    c.text(&b.text, crate::svg::readable_on(colour, theme));
}

/// Title, legend or footer. Rows with a safe link are handed back.
fn text_box<'l>(
    c: &mut Canvas<'_, '_>,
    b: &'l TextBox,
    theme: &Theme,
    rows: &mut Vec<ContactRow<'l>>,
) {
    for s in &b.swatches {
        let f = if theme.patterns {
            domain_fill(
                c.surface,
                s.domain,
                theme,
                theme.ring_tint(0, 1),
                FillRule::NonZero,
            )
        } else {
            fill(theme.domain(s.domain))
        };
        c.draw(
            Shape::rounded(&s.rect, 4.0),
            Some(f),
            Some(stroke(theme.domain(s.domain), 2.0, None, false)),
        );
    }
    for sample in &b.samples {
        match sample.kind {
            SampleKind::Tie(t) => tie(c, &sample.path, t, theme),
            SampleKind::Route => route_line(c, &sample.path, theme.text, false, theme, ROUTE_WIDTH),
            SampleKind::Escalation => {
                route_line(c, &sample.path, theme.text, true, theme, ROUTE_WIDTH);
            }
        }
    }
    for bd in &b.badges {
        badge(c, bd, theme.route(bd.number), theme);
    }
    let link = |t: &'l TextLine| t.link.as_deref().filter(|l| is_safe_link(l));
    // Baselines of lines with a link: the rows of the contact list.
    let mut linked: Vec<f64> = b
        .text
        .iter()
        .filter(|t| link(t).is_some())
        .map(|t| t.y)
        .collect();
    linked.dedup();
    let mut by_row: BTreeMap<usize, ContactRow<'l>> = BTreeMap::new();
    for t in &b.text {
        match linked.iter().position(|y| (y - t.y).abs() < 0.5) {
            Some(row) => by_row.entry(row).or_default().push((t, link(t))),
            None => c.text(t, text_colour(t.role, theme)),
        }
    }
    for (_, mut row) in by_row {
        row.sort_by(|a, b| a.0.x.total_cmp(&b.0.x));
        rows.push(row);
    }
}
