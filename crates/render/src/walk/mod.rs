//! The picture, painted: one walk over the `Layout` shared by the SVG, PDF
//! and PNG painters, with the colours of the theme and the line widths of
//! `crate::style`. A backend ([`Painter`]) fills and strokes shapes, draws
//! text and photos; the walk decides what goes where, in which order and
//! style, and names the parts for a backend that keeps them (SVG).

use std::collections::BTreeMap;

use cirkel_core::{Domain, Tie};
use cirkel_layout::{Layout, Marker, Node, Path, Rect, SampleKind, TextBox, TextLine};

mod routes;
use routes::{badge, route_line, routes};
pub(crate) mod shape;

pub(crate) use shape::{Cmd, Shape, f, polar};
mod painter;
pub(crate) use painter::{Brush, Fill, Painter, Part, Pen, Rule, Tag, fill, stroke};

use crate::safety::is_safe_link;
use crate::style::{
    BAND_EDGE_WIDTH, CARD_BORDER, CARD_RADIUS, PILL_EDGE_TINT, PILL_EDGE_WIDTH, PORTRAIT_TINT,
    ROUTE_WIDTH, SECTOR_EDGE_WIDTH, SWATCH_BORDER, SWATCH_RADIUS, WHOLE_RING_DEG, card_header,
    sector_ring, text_colour, tie_stroke,
};
use crate::theme::Theme;

/// A domain's fill: its tint, or with a patterned theme its hatch.
fn domain_fill(d: Domain, theme: &Theme, tint: f64, rule: Rule) -> Fill {
    let brush = if theme.patterns && d != Domain::Onderwijs {
        Brush::Hatch {
            domain: d,
            back: theme.domain(d).tint(tint),
            ink: theme.domain(d).tint(0.55),
        }
    } else {
        Brush::Solid(theme.domain(d).tint(tint))
    };
    Fill {
        brush,
        rule,
        covered: None,
    }
}

/// One row of the footer's contact list: its lines left to right, each
/// with its link where it has one (a PDF draws them as one tagged
/// paragraph with link annotations; a PNG as text in the link colour).
pub(crate) type ContactRow<'l> = Vec<(&'l TextLine, Option<&'l str>)>;

/// Draws the whole circle; returns the footer's contact rows.
pub(super) fn picture<'l>(
    c: &mut impl Painter,
    layout: &'l Layout,
    theme: &Theme,
    highlight: Option<&str>,
) -> Vec<ContactRow<'l>> {
    let bg = Rect {
        x: 0.0,
        y: 0.0,
        width: layout.width,
        height: layout.height,
    };
    c.background(&bg, theme.background);
    layer(c, "bands", |c| bands(c, layout, theme));
    sectors(c, layout, theme);
    layer(c, "rings", |c| rings(c, layout, theme));
    if !layout.ties.is_empty() {
        layer(c, "ties", |c| {
            for t in &layout.ties {
                c.tag(Tag::Tie(t.tie, Some(&t.member)));
                tie(c, &t.path, t.tie, theme);
            }
        });
    }
    layer(c, "centre", |c| {
        let centre = &layout.centre;
        c.disc(
            (centre.x, centre.y),
            centre.radius,
            Some(fill(theme.centre)),
            None,
        );
        for t in &centre.text {
            c.text(t, text_colour(t.role, theme));
        }
    });
    layer(c, "ring-labels", |c| {
        for r in &layout.rings {
            if let Some(l) = &r.label {
                rounded(
                    c,
                    &l.rect,
                    l.rect.height / 2.0,
                    Some(fill(theme.background)),
                    Some(stroke(
                        theme.ring_line.tint(PILL_EDGE_TINT),
                        PILL_EDGE_WIDTH,
                        None,
                        false,
                    )),
                );
                c.text(&l.text, text_colour(l.text.role, theme));
            }
        }
    });
    layer(c, "members", |c| {
        for n in &layout.nodes {
            c.open(Part::Member(&n.id, n.domain));
            card(c, n, theme);
            c.close();
        }
    });
    if !layout.routes.is_empty() {
        layer(c, "routes", |c| routes(c, layout, theme, highlight));
    }
    let mut rows = Vec::new();
    for b in &layout.boxes {
        c.open(Part::Box(b.kind));
        text_box(c, b, theme, &mut rows);
        c.close();
    }
    rows
}

/// Draws `what` inside the layer `name`.
fn layer<P: Painter>(c: &mut P, name: &'static str, what: impl FnOnce(&mut P)) {
    c.open(Part::Layer(name));
    what(c);
    c.close();
}

/// The radii [`rings`] strokes: every ring's inner edge but the first, and
/// the outer edge.
fn ring_edges(layout: &Layout) -> impl Iterator<Item = f64> + '_ {
    layout
        .rings
        .iter()
        .skip(1)
        .map(|r| r.inner_radius)
        .chain([layout.outer_radius])
}

/// Whether both circles of an annulus between `inner` and `outer` are
/// stroked by [`rings`] (exactly those radii).
fn edges_stroked(layout: &Layout, inner: f64, outer: f64) -> bool {
    ring_edges(layout).any(|r| r == inner) && ring_edges(layout).any(|r| r == outer)
}

fn bands(c: &mut impl Painter, layout: &Layout, theme: &Theme) {
    let (cx, cy) = (layout.centre.x, layout.centre.y);
    let n = layout.rings.len();
    for (k, r) in layout.rings.iter().enumerate() {
        if c.skips_hidden_bands() && !theme.patterns && sectors_cover(layout, r) {
            continue;
        }
        let tone = theme.band.tint(theme.ring_tint(k, n));
        c.tag(Tag::Band(k));
        c.annulus(
            (cx, cy),
            r.inner_radius,
            r.outer_radius,
            Fill {
                brush: Brush::Solid(tone),
                rule: Rule::EvenOdd,
                covered: edges_stroked(layout, r.inner_radius, r.outer_radius)
                    .then_some(BAND_EDGE_WIDTH),
            },
        );
    }
}

/// True when the sectors between the ring's two radii cover all of its
/// 360° (their edges are under the sector lines, its circles under the
/// ring lines).
fn sectors_cover(layout: &Layout, ring: &cirkel_layout::RingGeometry) -> bool {
    let mut spans: Vec<(f64, f64)> = Vec::new();
    for s in &layout.sectors {
        if s.inner_radius != ring.inner_radius || s.outer_radius != ring.outer_radius {
            continue;
        }
        let (a, b) = (s.start_deg, s.end_deg);
        if !(a.is_finite() && b.is_finite() && b > a) {
            continue;
        }
        if b - a >= 360.0 {
            return true;
        }
        // Within [0, 360): a run past 12 o'clock in two parts.
        let a = a.rem_euclid(360.0);
        let b = a + (s.end_deg - s.start_deg);
        spans.push((a, b.min(360.0)));
        if b > 360.0 {
            spans.push((0.0, b - 360.0));
        }
    }
    spans.sort_by(|x, y| x.0.total_cmp(&y.0));
    // Covered when the runs, in order, leave no gap from 0 to 360 (but
    // the rounding of their angles: a millionth of a degree is no pixel).
    const ROUNDING: f64 = 1e-6;
    let mut reach = 0.0;
    for (a, b) in spans {
        if a > reach + ROUNDING {
            return false;
        }
        reach = f64::max(reach, b);
    }
    reach >= 360.0 - ROUNDING
}

fn sectors(c: &mut impl Painter, layout: &Layout, theme: &Theme) {
    let (cx, cy) = (layout.centre.x, layout.centre.y);
    let mut edges = Vec::new();
    c.open(Part::Layer("sectors"));
    for s in &layout.sectors {
        let (_, tint) = sector_ring(layout, s, theme);
        let whole = s.end_deg - s.start_deg >= WHOLE_RING_DEG;
        // Its circles under the ring lines, its straight edges under the
        // sector lines drawn below.
        let covered = edges_stroked(layout, s.inner_radius, s.outer_radius).then_some(if whole {
            BAND_EDGE_WIDTH
        } else {
            BAND_EDGE_WIDTH.min(SECTOR_EDGE_WIDTH)
        });
        let fill = Fill {
            covered,
            ..domain_fill(s.domain, theme, tint, Rule::EvenOdd)
        };
        c.tag(Tag::Sector(s.domain));
        if whole {
            c.annulus((cx, cy), s.inner_radius, s.outer_radius, fill);
        } else {
            c.sector(
                (cx, cy),
                (s.inner_radius, s.outer_radius),
                (s.start_deg, s.end_deg),
                fill,
            );
            for a in [s.start_deg, s.end_deg] {
                let p0 = polar((cx, cy), s.inner_radius, a);
                let p1 = polar((cx, cy), s.outer_radius, a);
                edges.push(Shape::path(&Path::line(p0, p1)));
            }
        }
    }
    c.close();
    c.open(Part::Layer("sector-edges"));
    for e in edges {
        c.tag(Tag::SectorEdge);
        c.draw(
            &e,
            None,
            Some(stroke(theme.ring_line, SECTOR_EDGE_WIDTH, None, false)),
        );
    }
    c.close();
}

fn rings(c: &mut impl Painter, layout: &Layout, theme: &Theme) {
    let (cx, cy) = (layout.centre.x, layout.centre.y);
    for r in ring_edges(layout) {
        c.tag(Tag::RingEdge);
        c.circle_line(
            (cx, cy),
            r,
            stroke(theme.ring_line, BAND_EDGE_WIDTH, None, false),
        );
    }
}

/// How a tie is stroked: width and dash pattern (as in the SVG).
fn tie(c: &mut impl Painter, path: &Path, tie: Tie, theme: &Theme) {
    let (width, dash) = tie_stroke(tie);
    let dash = dash.map(|[on, off]| vec![f(on), f(off)]);
    c.draw(
        &Shape::path(path),
        None,
        Some(stroke(theme.tie, width, dash, false)),
    );
}

/// `rect` with all corners rounded by `radius`, as [`Shape::rounded`]
/// clamps it.
fn rounded(
    c: &mut impl Painter,
    rect: &Rect,
    radius: f64,
    fill: Option<Fill>,
    stroke: Option<Pen>,
) {
    let radius = radius.min(rect.width / 2.0).min(rect.height / 2.0).max(0.0);
    c.rounded(rect, (radius, radius), fill, stroke);
}

fn card(c: &mut impl Painter, n: &Node, theme: &Theme) {
    let colour = theme.domain(n.domain);
    let r = n.rect();
    rounded(
        c,
        &r,
        CARD_RADIUS,
        Some(fill(theme.card)),
        Some(stroke(colour, CARD_BORDER, None, false)),
    );
    let (header, radius) = card_header(&r, n.header_height);
    c.rounded(&header, (radius, 0.0), Some(fill(colour)), None);
    if let Some(p) = &n.photo {
        if !c.portrait(&n.id, (p.x, p.y, p.radius)) {
            c.disc(
                (p.x, p.y),
                p.radius,
                Some(fill(colour.tint(PORTRAIT_TINT))),
                None,
            );
        }
        c.tag(Tag::Portrait);
        c.disc(
            (p.x, p.y),
            p.radius,
            None,
            Some(stroke(colour, CARD_BORDER, None, false)),
        );
    }
    for t in &n.text {
        c.text(t, text_colour(t.role, theme));
    }
    if let Some(m) = &n.new {
        marker(c, m, theme);
    }
}

/// A "nieuw" marker: its word in the background colour on a pill of the
/// text colour (the contrast of text on the page, in every theme).
fn marker(c: &mut impl Painter, m: &Marker, theme: &Theme) {
    c.tag(Tag::Marker);
    rounded(
        c,
        &m.rect,
        m.rect.height / 2.0,
        Some(fill(theme.text)),
        None,
    );
    c.text(&m.text, text_colour(m.text.role, theme));
}

/// Title, legend or footer. Rows with a safe link are handed back.
fn text_box<'l>(
    c: &mut impl Painter,
    b: &'l TextBox,
    theme: &Theme,
    rows: &mut Vec<ContactRow<'l>>,
) {
    for s in &b.swatches {
        let f = if theme.patterns {
            domain_fill(s.domain, theme, theme.ring_tint(0, 1), Rule::NonZero)
        } else {
            fill(theme.domain(s.domain))
        };
        c.tag(Tag::Swatch(s.domain));
        rounded(
            c,
            &s.rect,
            SWATCH_RADIUS,
            Some(f),
            Some(stroke(theme.domain(s.domain), SWATCH_BORDER, None, false)),
        );
    }
    for sample in &b.samples {
        match sample.kind {
            SampleKind::Tie(t) => {
                c.tag(Tag::Tie(t, None));
                tie(c, &sample.path, t, theme);
            }
            SampleKind::Route => route_line(c, &sample.path, theme.text, false, theme, ROUTE_WIDTH),
            SampleKind::Escalation => {
                route_line(c, &sample.path, theme.text, true, theme, ROUTE_WIDTH);
            }
        }
    }
    for bd in &b.badges {
        badge(c, bd, theme.route(bd.number), theme);
    }
    for m in &b.markers {
        marker(c, m, theme);
    }
    let link = |t: &'l TextLine| t.link.as_deref().filter(|l| is_safe_link(l));
    if c.links_in_place() {
        for t in &b.text {
            if let Some(href) = link(t) {
                c.open(Part::Link(href));
                c.text(t, text_colour(t.role, theme));
                c.close();
            } else {
                c.text(t, text_colour(t.role, theme));
            }
        }
        return;
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Layout {
        let json = include_bytes!("../../../../examples/st-bernardusschool.json");
        let k = cirkel_core::parse(json, &cirkel_core::ParseOptions::default())
            .unwrap()
            .kernteam;
        cirkel_layout::layout(&k, &cirkel_layout::LayoutOptions::default()).unwrap()
    }

    /// A band is left out only where sectors leave no gap: whole rings,
    /// runs across 12 o'clock, and not once a run is missing or narrowed.
    #[test]
    fn a_band_is_hidden_only_where_sectors_cover_all_of_it() {
        let layout = example();
        assert!(layout.rings.iter().all(|r| sectors_cover(&layout, r)));
        let ring = layout.rings.last().unwrap().clone();
        let mine = |l: &Layout| -> Vec<usize> {
            (0..l.sectors.len())
                .filter(|i| l.sectors[*i].outer_radius == ring.outer_radius)
                .collect()
        };
        let mut gap = layout.clone();
        let first = mine(&gap)[0];
        gap.sectors[first].end_deg -= 0.5;
        assert!(!sectors_cover(&gap, &ring), "a half-degree gap");
        let mut missing = layout.clone();
        missing.sectors.remove(first);
        assert!(!sectors_cover(&missing, &ring));
        // One run all the way round from 300°, past 12 o'clock.
        let mut whole = missing.clone();
        whole
            .sectors
            .retain(|s| s.outer_radius != ring.outer_radius);
        let mut s = layout.sectors[first].clone();
        (s.start_deg, s.end_deg) = (300.0, 659.0);
        whole.sectors.push(s.clone());
        assert!(!sectors_cover(&whole, &ring), "one degree short");
        let last = whole.sectors.len() - 1;
        whole.sectors[last].end_deg = 660.0;
        assert!(sectors_cover(&whole, &ring));
        // Another ring's sectors do not count.
        s.inner_radius += 1.0;
        whole.sectors[last] = s;
        assert!(!sectors_cover(&whole, &ring));
    }
}
