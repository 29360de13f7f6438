//! The layout value: plain, resolved geometry that render only walks.
//!
//! Units are output pixels at scale 1; origin top-left; y down. Angles are
//! degrees clockwise from 12 o'clock. A node's `x`,`y` is its centre; every
//! other box is given by its top-left corner. All numbers are rounded to
//! 1/100 px so that the serialised form is the same on every machine.

use cirkel_core::{Domain, Tie};
use serde::{Deserialize, Serialize};

use crate::text::Weight;

mod fast;
mod path;
mod rect;

pub use fast::{hypot, max};

pub use path::{
    MAX_COORDINATE, MAX_SAMPLES, Path, PathError, Point, Segment, coordinate, sample_path,
    write_coordinate,
};
pub use rect::Rect;

/// Rounds to 1/100 and turns -0 into 0, for stable output.
pub fn round2(v: f64) -> f64 {
    if !v.is_finite() {
        return 0.0;
    }
    let r = (v * 100.0).round() / 100.0;
    r + 0.0
}

/// Rounds an angle in degrees to 1/10,000 (finer than `round2`, so that a
/// layout anchored to an earlier one puts cards back within 0.01 px).
pub fn round4(v: f64) -> f64 {
    if !v.is_finite() {
        return 0.0;
    }
    (v * 10_000.0).round() / 10_000.0 + 0.0
}

/// Horizontal alignment of a text line around its `x`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Anchor {
    /// `x` is the left end.
    Start,
    /// `x` is the middle.
    Middle,
}

/// What a text line is, for styling (colour) in the renderer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextRole {
    /// Diagram title.
    Title,
    /// Line under the title.
    Subtitle,
    /// School name in the centre.
    School,
    /// Place in the centre.
    SchoolDetail,
    /// Role on a card (in the coloured header).
    Role,
    /// Person's name on a card.
    Name,
    /// Organisation on a card.
    Organisation,
    /// Availability on a card.
    Availability,
    /// Expertise on a card.
    Expertise,
    /// Ring label.
    RingLabel,
    /// Heading in legend or footer.
    Heading,
    /// Body text in legend or footer.
    Body,
    /// A route's number in its badge.
    Badge,
    /// A route's question in its label.
    RouteLabel,
    /// A member's contact data in the footer (a link).
    Contact,
    /// The word of a "nieuw" marker, on its pill (`--since`).
    New,
}

/// One line of text, fully placed: render writes it as is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextLine {
    /// The text.
    pub text: String,
    /// Anchor x.
    pub x: f64,
    /// Baseline y.
    pub y: f64,
    /// Font size in px.
    pub size: f64,
    /// Regular or bold.
    pub weight: Weight,
    /// Alignment around `x`.
    pub anchor: Anchor,
    /// What the line is.
    pub role: TextRole,
    /// The line's measured box: its advance width with the bundled font and
    /// one line height (checks: it must lie inside its container; the SVG
    /// writes the width as `textLength`). Absent in layouts written before
    /// it was part of the JSON.
    #[serde(default)]
    pub bounds: Rect,
    /// Where the line links to (a member's contact: `mailto:`, `tel:`, or
    /// an `https:`/`http:` website as given); absent for plain text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

impl TextLine {
    pub(crate) fn translate(&mut self, dx: f64, dy: f64) {
        self.x += dx;
        self.y += dy;
        self.bounds = self.bounds.translate(dx, dy);
    }

    pub(crate) fn round(&mut self) {
        self.x = round2(self.x);
        self.y = round2(self.y);
        self.size = round2(self.size);
        self.bounds = self.bounds.rounded();
    }
}

/// The school disc at the centre.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Centre {
    /// Centre x.
    pub x: f64,
    /// Centre y.
    pub y: f64,
    /// Radius.
    pub radius: f64,
    /// School name and place.
    pub text: Vec<TextLine>,
}

/// One ring.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RingGeometry {
    /// Ring id from the input.
    pub id: String,
    /// Radius of the ring line; the centres of its cards lie on it, or on
    /// one of its `tracks` when the ring is crowded.
    pub radius: f64,
    /// Radii of the ring's staggered tracks, inner to outer; just `[radius]`
    /// for a ring with one track.
    pub tracks: Vec<f64>,
    /// Inner edge of the ring's band.
    pub inner_radius: f64,
    /// Outer edge of the ring's band.
    pub outer_radius: f64,
    /// The label on the ring, when a free place was found for it (otherwise
    /// the ring is named in the legend).
    pub label: Option<RingLabel>,
}

/// A ring's label, placed on the ring line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RingLabel {
    /// Its box (a pill in the picture).
    pub rect: Rect,
    /// Its text.
    pub text: TextLine,
}

/// The angular run of one domain on one ring, across the ring's band:
/// every ring divides its own circle among the domains it holds, in the
/// same order on every ring, turned so that a domain's runs point the same
/// way. A ring has a sector only for the domains with cards on it, so no
/// domain's colour reaches into a band where it has nobody.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sector {
    /// The ring id. (Layouts written before issue 12 may leave it out for
    /// a wedge across all rings; they still read.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ring: Option<String>,
    /// The domain.
    pub domain: Domain,
    /// Start angle of the run, degrees clockwise from 12 o'clock, in [0, 360).
    pub start_deg: f64,
    /// End angle of the run (greater than start; may exceed 360).
    pub end_deg: f64,
    /// Inner edge of the ring's band.
    pub inner_radius: f64,
    /// Outer edge of the ring's band.
    pub outer_radius: f64,
}

/// A member's card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// Member id.
    pub id: String,
    /// Ring id.
    pub ring: String,
    /// Domain.
    pub domain: Domain,
    /// Angle of the centre, degrees clockwise from 12 o'clock.
    pub angle_deg: f64,
    /// The track of its ring the card sits on (0 = innermost).
    pub track: usize,
    /// Centre x.
    pub x: f64,
    /// Centre y.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
    /// Height of the coloured header that holds the role.
    pub header_height: f64,
    /// The round portrait, when the member has a photo: centre and radius.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<Portrait>,
    /// The text lines, in order (contract field).
    pub lines: Vec<String>,
    /// The placed text lines.
    pub text: Vec<TextLine>,
    /// The member's role, as the card's header shows it (for a layout
    /// read back as last year's kernteam, `--since`).
    #[serde(default)]
    pub role: String,
    /// The member's name, when the card shows one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The collaboration with the school.
    #[serde(default)]
    pub tie: Tie,
    /// The "nieuw" marker: the member is new since last year (`--since`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<Marker>,
}

/// A "nieuw" marker: the word on a pill (on a card, or in the legend
/// where it is explained).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Marker {
    /// The pill.
    pub rect: Rect,
    /// The word.
    pub text: TextLine,
}

impl Marker {
    pub(crate) fn translate(&mut self, dx: f64, dy: f64) {
        self.rect = self.rect.translate(dx, dy);
        self.text.translate(dx, dy);
    }

    pub(crate) fn round(&mut self) {
        self.rect = self.rect.rounded();
        self.text.round();
    }
}

/// Where a member's photo goes: a circle on the card.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Portrait {
    /// Centre x.
    pub x: f64,
    /// Centre y.
    pub y: f64,
    /// Radius.
    pub radius: f64,
}

impl Node {
    /// The card's rectangle.
    pub fn rect(&self) -> Rect {
        Rect::centred(self.x, self.y, self.width, self.height)
    }
}

/// A route: one path per leg (school or member to the next member), solid
/// for the steps and dashed for the escalation, each ending in an arrowhead
/// at the border of the card it leads to. Legs run in the free space between
/// cards and rings and never cross a card they do not lead from or to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoutePath {
    /// Route id.
    pub id: String,
    /// Its number in the route list (1-based); the renderer picks the
    /// route's colour from it.
    pub number: usize,
    /// All step legs (solid), in canvas coordinates.
    pub path: Path,
    /// The escalation legs (dashed); empty when none.
    pub escalation_path: Path,
    /// The legs, in order.
    pub legs: Vec<RouteLeg>,
    /// The route's number badge, on its path where it is free.
    pub badge: Option<Badge>,
    /// A label with the route's question, along its path, for the
    /// highlighted view (`--route`); absent when no free place was found.
    pub label: Option<RouteLabel>,
}

/// One leg of a route.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RouteLeg {
    /// Member id the leg starts at; absent for the first leg (the school).
    pub from: Option<String>,
    /// Member id the leg leads to.
    pub to: String,
    /// True for a leg of the escalation (drawn dashed).
    pub escalation: bool,
    /// The leg's line (written as absolute `M`, `L`, `Q` and `C` commands).
    pub path: Path,
    /// The arrowhead at the leg's end.
    pub arrow: Arrow,
}

/// An arrowhead: a triangle with its tip at (`x`, `y`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Arrow {
    /// Tip x.
    pub x: f64,
    /// Tip y.
    pub y: f64,
    /// Direction it points, in degrees clockwise from the positive x axis.
    pub direction_deg: f64,
    /// Length from base to tip.
    pub length: f64,
    /// Half the width of the base.
    pub half_width: f64,
}

impl Arrow {
    /// The triangle's three corners: tip, left and right of the base.
    pub fn corners(&self) -> [(f64, f64); 3] {
        let a = self.direction_deg.to_radians();
        let (dx, dy) = (libm::cos(a), libm::sin(a));
        let (bx, by) = (self.x - dx * self.length, self.y - dy * self.length);
        [
            (self.x, self.y),
            (bx - dy * self.half_width, by + dx * self.half_width),
            (bx + dy * self.half_width, by - dx * self.half_width),
        ]
    }
}

/// A round badge with a route's number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Badge {
    /// The route's number.
    pub number: usize,
    /// Centre x.
    pub x: f64,
    /// Centre y.
    pub y: f64,
    /// Radius.
    pub radius: f64,
    /// The number, placed.
    pub text: TextLine,
}

/// A route's question, in a pill along its path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RouteLabel {
    /// The pill.
    pub rect: Rect,
    /// Its lines.
    pub text: Vec<TextLine>,
}

/// The line from the school to a member, in the ecomap notation: how the
/// collaboration works today.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TieLine {
    /// Member id.
    pub member: String,
    /// The kind of tie.
    pub tie: Tie,
    /// From the school's disc to the card's border (a zigzag for a
    /// stressful tie).
    pub path: Path,
}

/// A line sample in the legend: what a tie or route line looks like.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineSample {
    /// What it shows.
    pub kind: SampleKind,
    /// The sample's line.
    pub path: Path,
}

/// What a legend line sample stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "type", content = "value")]
pub enum SampleKind {
    /// A tie of this kind.
    Tie(Tie),
    /// The steps of a route (solid).
    Route,
    /// The escalation of a route (dashed).
    Escalation,
}

/// What a box holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BoxKind {
    /// Title and subtitle.
    Title,
    /// Legend of domains (and rings without a label on the ring).
    Legend,
    /// Routes and meetings.
    Footer,
}

/// A placed block of text outside the circle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextBox {
    /// What it is.
    pub kind: BoxKind,
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
    /// Its text lines.
    pub text: Vec<TextLine>,
    /// Colour swatches (legend only): a domain and its square.
    pub swatches: Vec<Swatch>,
    /// Line samples (legend only): ties and route lines.
    #[serde(default)]
    pub samples: Vec<LineSample>,
    /// Route number badges (footer only), one before each route's sentence.
    #[serde(default)]
    pub badges: Vec<Badge>,
    /// "nieuw" markers (legend only, with `--since`): the marker explained.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub markers: Vec<Marker>,
}

impl TextBox {
    /// The box's rectangle.
    pub fn rect(&self) -> Rect {
        Rect {
            x: self.x,
            y: self.y,
            width: self.width,
            height: self.height,
        }
    }
}

/// A legend swatch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Swatch {
    /// The domain it stands for.
    pub domain: Domain,
    /// Where it is.
    pub rect: Rect,
}

/// The whole diagram's geometry (the `cirkel layout` contract).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    /// The language of the text the tool wrote (the SVG's `lang`).
    #[serde(default)]
    pub lang: cirkel_core::Lang,
    /// The diagram's accessible title ("Cirkel van invloed – St. Bernardusschool").
    pub title: String,
    /// A short plain-language description (alt text; the SVG's `<desc>`).
    pub description: String,
    /// Canvas width.
    pub width: f64,
    /// Canvas height.
    pub height: f64,
    /// The school disc.
    pub centre: Centre,
    /// Outer radius of the circle (sector wedges reach it).
    pub outer_radius: f64,
    /// Rings, inner to outer.
    pub rings: Vec<RingGeometry>,
    /// One sector per domain and ring it has members on, ring by ring, in
    /// circle order.
    pub sectors: Vec<Sector>,
    /// One node per member, in input order.
    pub nodes: Vec<Node>,
    /// Ties from the school to each member, in member order.
    #[serde(default)]
    pub ties: Vec<TieLine>,
    /// Route paths, in route order.
    pub routes: Vec<RoutePath>,
    /// Title, legend and footer.
    pub boxes: Vec<TextBox>,
    /// Minimum font size used (never below the theme's minimum).
    pub min_font_size: f64,
}
