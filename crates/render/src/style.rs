//! The picture's style decisions that every painter shares (through the
//! walk, `crate::walk`): line widths, corner radii, the
//! ecomap tie strokes, the print theme's hatches, how a route looks when
//! one is highlighted. Colours live in the theme.

use cirkel_core::{Domain, Tie};
use cirkel_layout::{Layout, Rect, RoutePath, Sector, TextRole};

use crate::theme::{Rgb, Theme};

/// How a route is drawn when `focus` (if any) is highlighted: whether it is
/// the strong one, its colour and its line width. The others fade.
pub(crate) fn route_look(r: &RoutePath, theme: &Theme, focus: Option<&str>) -> (bool, Rgb, f64) {
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
    (strong, colour, width)
}

/// The index of a sector's ring (0 when it names none) and the ring's tint.
pub(crate) fn sector_ring(layout: &Layout, s: &Sector, theme: &Theme) -> (usize, f64) {
    let k = s
        .ring
        .as_ref()
        .and_then(|id| layout.rings.iter().position(|r| r.id == *id))
        .unwrap_or(0);
    (k, theme.ring_tint(k, layout.rings.len()))
}

/// A coordinate every painter can write: finite and within ±1e6 (far
/// inside what tiny-skia and PDF readers handle); NaN and infinity are 0.
pub(crate) fn safe_coordinate(v: f64) -> f64 {
    if v.is_finite() {
        v.clamp(-1e6, 1e6)
    } else {
        0.0
    }
}

/// Stroke width of a route line.
pub(crate) const ROUTE_WIDTH: f64 = 4.5;
/// Corner radius of a card.
pub(crate) const CARD_RADIUS: f64 = 10.0;
/// Width of a card's and a portrait's border.
pub(crate) const CARD_BORDER: f64 = 2.5;
/// Width of a sector's edge line.
pub(crate) const SECTOR_EDGE_WIDTH: f64 = 2.0;
/// Width of the line between two ring bands.
pub(crate) const BAND_EDGE_WIDTH: f64 = 3.0;
/// How far a ring label's outline is tinted towards white: a light edge
/// around the pill (the text is what must be read; a dark outline hugging
/// it makes it harder).
pub(crate) const PILL_EDGE_TINT: f64 = 0.45;
/// Corner radius of a highlighted route's label.
pub(crate) const ROUTE_LABEL_RADIUS: f64 = 8.0;
/// Width of a highlighted route's label's border.
pub(crate) const ROUTE_LABEL_BORDER: f64 = 3.0;
/// How much wider than a route line its casing (the background-coloured
/// line under it that parts it from what it crosses) is.
pub(crate) const ROUTE_CASING: f64 = 4.0;
/// Width of the background-coloured edge of a route's arrow heads.
pub(crate) const ARROW_EDGE: f64 = 1.5;
/// Width of the ring label pill's edge.
pub(crate) const PILL_EDGE_WIDTH: f64 = 1.5;
/// Width of a route badge's edge.
pub(crate) const BADGE_EDGE: f64 = 2.0;
/// Corner radius of a legend swatch.
pub(crate) const SWATCH_RADIUS: f64 = 4.0;
/// Width of a legend swatch's border.
pub(crate) const SWATCH_BORDER: f64 = 2.0;
/// How far a card's empty portrait circle is tinted towards white.
pub(crate) const PORTRAIT_TINT: f64 = 0.8;
/// A sector this many degrees or more is a whole ring (a band, not a
/// wedge with edges).
pub(crate) const WHOLE_RING_DEG: f64 = 359.99;

/// The routes in the order they are drawn: the highlighted one (`focus`)
/// last, so it lies on top. Every painter draws the number badges after
/// all of them.
pub(crate) fn routes_in_order<'l>(layout: &'l Layout, focus: Option<&str>) -> Vec<&'l RoutePath> {
    let mut ordered: Vec<&RoutePath> = layout.routes.iter().collect();
    ordered.sort_by_key(|r| Some(r.id.as_str()) == focus);
    ordered
}

/// How much a route's arrowheads grow with its line (`width`): a thicker
/// (highlighted) line gets larger heads, a thinner one keeps its own.
pub(crate) fn arrow_scale(width: f64) -> f64 {
    (width / ROUTE_WIDTH).max(1.0)
}

/// A card's coloured header: the top of its box `header_height` tall
/// (within the card), and the radius of its two top corners (the card's,
/// or less on a header too short for it); its bottom corners are square.
pub(crate) fn card_header(card: &Rect, header_height: f64) -> (Rect, f64) {
    let header = Rect {
        height: header_height.clamp(0.0, card.height),
        ..*card
    };
    let radius = CARD_RADIUS.min(header.height / 2.0).max(0.0);
    (header, radius)
}

/// Side of a hatch tile.
pub(crate) const HATCH_SIZE: f64 = 14.0;
/// Width of a hatch's lines.
pub(crate) const HATCH_LINE: f64 = 2.5;

/// One mark of a domain's hatch tile (a `HATCH_SIZE` square on the
/// domain's tint, turned by [`hatch_angle`]), in the tile's units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum HatchMark {
    /// A line from one point to another, `HATCH_LINE` wide.
    Line((f64, f64), (f64, f64)),
    /// A filled dot: centre and radius.
    Dot((f64, f64), f64),
    /// A ring: centre, radius and line width.
    Ring((f64, f64), f64, f64),
}

/// What a domain's hatch tile holds: lines (turned by [`hatch_angle`]), a
/// cross for Veiligheid, dots for Overig, rings for Ouders. The SVG, PNG
/// and PDF painters each draw these marks.
pub(crate) fn hatch_marks(d: Domain) -> &'static [HatchMark] {
    const HALF: f64 = HATCH_SIZE / 2.0;
    const ACROSS: HatchMark = HatchMark::Line((0.0, HALF), (HATCH_SIZE, HALF));
    match d {
        Domain::Overig => &[HatchMark::Dot((HALF, HALF), 2.2)],
        Domain::Ouders => &[HatchMark::Ring((HALF, HALF), 3.5, 1.5)],
        Domain::Veiligheid => &[ACROSS, HatchMark::Line((HALF, 0.0), (HALF, HATCH_SIZE))],
        _ => &[ACROSS],
    }
}

/// How a tie is stroked: width and dash pattern (dash, gap). A stressful
/// tie is drawn as the zigzag its path already is.
pub(crate) fn tie_stroke(tie: Tie) -> (f64, Option<[f64; 2]>) {
    match tie {
        Tie::Strong => (5.0, None),
        Tie::Normal | Tie::Stressful => (2.0, None),
        Tie::Tenuous => (2.0, Some([3.0, 7.0])),
    }
}

/// The dash pattern (dash, gap) of an escalation line of `width`.
pub(crate) fn escalation_dash(width: f64) -> [f64; 2] {
    [width * 2.6, width * 1.8]
}

/// The angle a domain's hatch is turned by, in degrees; `None` unturned.
pub(crate) fn hatch_angle(d: Domain) -> Option<i32> {
    match d {
        Domain::Samenwerkingsverband | Domain::Veiligheid => Some(45),
        Domain::Gezondheid => Some(-45),
        Domain::Jeugdhulp => Some(90),
        _ => None,
    }
}

/// The colour of a line of text by what it is.
pub(crate) fn text_colour(role: TextRole, theme: &Theme) -> Rgb {
    match role {
        TextRole::Contact => theme.link,
        TextRole::Role | TextRole::Badge => theme.on_domain,
        TextRole::School | TextRole::SchoolDetail => theme.on_centre,
        TextRole::Organisation | TextRole::Availability | TextRole::Subtitle => theme.muted,
        TextRole::New => theme.background,
        _ => theme.text,
    }
}

/// White or the text colour, whichever reads better on `background`.
pub(crate) fn readable_on(background: Rgb, theme: &Theme) -> Rgb {
    if theme.on_domain.contrast(background) >= theme.text.contrast(background) {
        theme.on_domain
    } else {
        theme.text
    }
}
