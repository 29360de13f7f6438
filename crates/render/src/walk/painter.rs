//! What a backend does for the walk ([`Painter`]), and what the walk
//! hands it: fills, pens, the parts and tags of the picture.

use cirkel_core::{Domain, Tie};
use cirkel_layout::{BoxKind, Rect, TextLine};

use super::Shape;
use crate::theme::Rgb;

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
    /// The pill of a "nieuw" marker.
    Marker,
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
