//! The picture, painted: one walk over the `Layout` shared by the SVG, PDF
//! and PNG painters, with the colours of the theme and the line widths of
//! `crate::style`. A backend ([`Painter`]) fills and strokes shapes, draws
//! text and photos; the walk decides what goes where, in which order and
//! style, and names the parts for a backend that keeps them (SVG).

use std::collections::BTreeMap;

use cirkel_core::{Domain, Tie};
use cirkel_layout::{BoxKind, Layout, Node, Path, Rect, SampleKind, TextBox, TextLine};

mod routes;
use routes::{badge, route_line, routes};
pub(crate) mod shape;

pub(crate) use shape::{Cmd, Shape, f, polar};

use crate::safety::is_safe_link;
use crate::style::{
    BAND_EDGE_WIDTH, CARD_BORDER, CARD_RADIUS, PILL_EDGE_TINT, PILL_EDGE_WIDTH, PORTRAIT_TINT,
    ROUTE_WIDTH, SECTOR_EDGE_WIDTH, SWATCH_BORDER, SWATCH_RADIUS, WHOLE_RING_DEG, card_header,
    sector_ring, text_colour, tie_stroke,
};
use crate::theme::{Rgb, Theme};

/// How the inside of a shape is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    /// Non-zero winding.
    NonZero,
    /// Even-odd (rings: a circle with a hole).
    EvenOdd,
}

/// What a shape is filled with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Brush {
    /// One colour.
    Solid(Rgb),
    /// A domain's hatch (patterned themes): the tile's background and ink.
    Hatch {
        /// Which hatch (lines at an angle, a cross, dots, rings).
        domain: Domain,
        /// The tile's colour.
        back: Rgb,
        /// The lines' colour.
        ink: Rgb,
    },
}

/// A fill: brush and rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Fill {
    /// What with.
    pub brush: Brush,
    /// Which inside.
    pub rule: Rule,
    /// When every edge of the shape lies under a line drawn later (ring
    /// and sector edges over the bands and sectors): the narrowest such
    /// line's width. A raster backend may then fill without anti-aliasing
    /// when that width is at least 2 px, since each line's solid core hides
    /// the hard edge (at most half a pixel off); it is far cheaper for
    /// the largest shapes of the picture.
    pub covered: Option<f64>,
}

/// A stroke: colour, width, dashes, round joins (and caps when asked).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Pen {
    /// The colour.
    pub colour: Rgb,
    /// The width in layout units.
    pub width: f64,
    /// On and off lengths, when dashed.
    pub dash: Option<Vec<f32>>,
    /// Round caps (else butt).
    pub round_cap: bool,
}

/// A plain fill.
pub(crate) fn fill(c: Rgb) -> Fill {
    Fill {
        brush: Brush::Solid(c),
        rule: Rule::NonZero,
        covered: None,
    }
}

/// A stroke.
pub(crate) fn stroke(colour: Rgb, width: f64, dash: Option<Vec<f32>>, round_cap: bool) -> Pen {
    Pen {
        colour,
        width,
        dash,
        round_cap,
    }
}

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

/// A part of the picture that holds what is drawn inside it, for a
/// backend that keeps the picture's structure (the SVG painter's groups,
/// ids, classes and links); the others ignore it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Part<'l> {
    /// A layer of the picture by its name (`bands`, `sectors`, `members`…).
    Layer(&'static str),
    /// A member's card: its id and domain.
    Member(&'l str, Domain),
    /// A route: its id, and whether it is drawn strong (not faded).
    Route(&'l str, bool),
    /// A route's number badge.
    Badge,
    /// The title, the legend or the footer.
    Box(BoxKind),
    /// A link around what follows (a safe `href`).
    Link(&'l str),
}

/// What the next shape drawn is, for a backend that names its shapes
/// (the SVG painter's classes); the others ignore it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Tag<'l> {
    /// The band of ring `k` (from 0).
    Band(usize),
    /// A domain's sector.
    Sector(Domain),
    /// A line between two sectors.
    SectorEdge,
    /// A line between two bands, or the circle's edge.
    RingEdge,
    /// A tie, with the member it leads to (none in the legend).
    Tie(Tie, Option<&'l str>),
    /// The ring around a portrait.
    Portrait,
    /// A highlighted route's label.
    RouteLabel,
    /// A legend swatch of a domain.
    Swatch(Domain),
}

/// What a backend does for the walk.
pub(crate) trait Painter {
    /// Opens `part`: what is drawn until the matching [`Painter::close`]
    /// belongs to it.
    fn open(&mut self, _part: Part<'_>) {}
    /// Closes the part opened last.
    fn close(&mut self) {}
    /// Says what the next shape drawn is.
    fn tag(&mut self, _tag: Tag<'_>) {}
    /// True when a line with a link is drawn where it stands, inside a
    /// [`Part::Link`] (SVG); else the walk hands the contact rows back to
    /// be drawn after the picture (a PDF tags them outside its Figure).
    fn links_in_place(&self) -> bool {
        false
    }
    /// The picture's background, `rect` filled with `colour` (a canvas
    /// filled with it already may skip this).
    fn background(&mut self, rect: &Rect, colour: Rgb) {
        self.draw(&Shape::rounded(rect, 0.0), Some(fill(colour)), None);
    }
    /// Fills and/or strokes `shape` (decoration).
    fn draw(&mut self, shape: &Shape, fill: Option<Fill>, stroke: Option<Pen>);
    /// The ring between radii `inner` and `outer` around `centre`, filled
    /// (a band, or a sector that goes all the way round). A raster painter
    /// may cover it exactly instead of filling the path.
    fn annulus(&mut self, centre: (f64, f64), inner: f64, outer: f64, fill: Fill) {
        let shape = Shape::annulus(centre.0, centre.1, inner, outer);
        self.draw(&shape, Some(fill), None);
    }
    /// The part of the ring between `inner` and `outer` from `start` to
    /// `end` degrees clockwise from 12 o'clock, filled (a sector); as with
    /// [`Painter::annulus`], a raster painter may cover it exactly.
    fn sector(
        &mut self,
        centre: (f64, f64),
        (inner, outer): (f64, f64),
        (start, end): (f64, f64),
        fill: Fill,
    ) {
        let shape = Shape::wedge(centre.0, centre.1, inner, outer, start, end);
        self.draw(&shape, Some(fill), None);
    }
    /// The circle of radius `r` around `centre` stroked with `pen` (a ring
    /// line); as with [`Painter::annulus`], a raster painter may cover it
    /// exactly.
    fn circle_line(&mut self, centre: (f64, f64), r: f64, pen: Pen) {
        let shape = Shape::new().circle(centre.0, centre.1, r);
        self.draw(&shape, None, Some(pen));
    }
    /// `rect` with its top corners rounded by `top` and its bottom ones by
    /// `bottom` (radii that fit it), filled and/or stroked: a card, its
    /// header, a label's pill, a swatch. As with [`Painter::annulus`], a
    /// raster painter may cover it exactly.
    fn rounded(
        &mut self,
        rect: &Rect,
        (top, bottom): (f64, f64),
        fill: Option<Fill>,
        stroke: Option<Pen>,
    ) {
        self.draw(&Shape::rounded_top(rect, top, bottom), fill, stroke);
    }
    /// The disc of radius `r` around `centre`, filled and/or stroked (the
    /// school, a badge, a photo's circle); as with [`Painter::annulus`], a
    /// raster painter may cover it exactly.
    fn disc(&mut self, centre: (f64, f64), r: f64, fill: Option<Fill>, stroke: Option<Pen>) {
        self.draw(&Shape::new().circle(centre.0, centre.1, r), fill, stroke);
    }
    /// True when a ring's band may be left out where solid sectors cover
    /// all of it: a raster painter is spared filling those pixels twice; a
    /// vector painter keeps the band, so that a viewer anti-aliasing each
    /// shape on its own shows no seam between two sectors.
    fn skips_hidden_bands(&self) -> bool {
        false
    }
    /// A line of text in `colour`.
    fn text(&mut self, line: &TextLine, colour: Rgb);
    /// Member `id`'s photo, covering the circle (x, y, radius) and clipped
    /// to it; `false` when there is none to draw (the card then shows the
    /// empty circle).
    fn portrait(&mut self, id: &str, circle: (f64, f64, f64)) -> bool;
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
