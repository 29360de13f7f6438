//! The layout algorithm.
//!
//! 1. Cards are sized from their text (role in a coloured header, then name,
//!    organisation, availability, expertise), wrapped by measured width, and
//!    also set at a few other widths (`cards`).
//! 2. Ring radii start from the card heights and grow until everything fits
//!    (`place`): each domain gets an angular run on each ring, at least as
//!    wide as its cards need; a ring whose runs do not fit in 360° grows.
//!    Every card lies wholly inside its own ring's band (quality bar 7):
//!    the nearest card of a ring keeps a little room from the farthest card
//!    of the ring inside (or from the school), and the line between two
//!    bands runs halfway between them. Cards are spaced evenly inside their
//!    run, at least the chord apart that two cards need at that angle, so
//!    two cards on one ring can never overlap. A conflict turns a ring a
//!    little where that clears it, else pushes it (and the rings outside it)
//!    outwards. Then each card takes the shape its angle favours where
//!    that keeps its ring's band thinner (narrow and tall near 3 and 9
//!    o'clock, where a card's width is its radial size), each ring turns to
//!    where its cards span the thinnest band and moves in as far as its band
//!    allows. Several rotations are tried and the most compact kept.
//! 3. Ring labels go wholly into their ring's band next to that ring's
//!    cards, the rings' labels at different angles; where a band has no
//!    free place, room is kept among its cards (`ring_labels`). A ring
//!    without cards keeps a thin band of its own, as wide as its label
//!    needs at 6 o'clock, so the order of the rings stays visible. The title above, legend
//!    and footer (routes, meetings, contacts) below the circle (`blocks`).
//! 4. Everything moves to canvas coordinates (`assemble`); routes and ties
//!    are drawn between the cards (`crate::routes`); numbers are rounded
//!    (`round`).
//!
//! Every step is a pure function of the input, iterating in input order with
//! `libm` trigonometry, so the result is the same on every machine.

use cirkel_core::{Domain, Kernteam, Lang, Since};

use crate::geometry::*;
use crate::options::{LayoutOptions, OptionsError};
use crate::routes::{Scene, place_badges_and_labels, route_paths, tie_lines};
use crate::text::HyphenLang;

mod anchor;
mod assemble;
mod blocks;
mod cards;
mod invariants;
mod phrases;
mod place;
mod ring_labels;
mod round;

use blocks::Blocks;
pub(crate) use cards::{CENTRE_TEXT_WIDTH, MAX_CARD_WIDTH_FACTOR};
use cards::{Card, build_card, build_centre};
use phrases::{Words, short_description};
pub(crate) use ring_labels::STACKED_DEG;
use round::{normalise_deg, round_layout};

/// Why a layout could not be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum LayoutError {
    /// The rings did not settle within the iteration limit (a bug, reported
    /// as an error rather than a hang).
    #[error("the layout did not settle; please report this input as a bug")]
    DidNotConverge,
    /// The diagram would be larger than [`MAX_CANVAS_SIDE`] on a side.
    #[error(
        "the diagram would be {width:.0} × {height:.0} px; the limit is {MAX_CANVAS_SIDE:.0} px a side. Shorten the texts on the cards (expertise, organisation) or split the circle"
    )]
    TooLarge {
        /// Width it would need.
        width: f64,
        /// Height it would need.
        height: f64,
    },
    /// A kernteam built in code breaks an invariant the parser guarantees
    /// (no rings, a ring index that does not exist, an empty ring label, a
    /// text past its limit, a route to an unknown member).
    #[error("the kernteam cannot be laid out: {path}: {message}")]
    Invalid {
        /// Where, as a JSON path of the input format.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A layout option is outside its range.
    #[error(transparent)]
    Options(#[from] OptionsError),
}

impl LayoutError {
    /// Why no layout was made, as a message of the catalogue.
    pub fn message(&self) -> cirkel_core::Message {
        use cirkel_core::msg;
        match self {
            LayoutError::DidNotConverge => msg!("layout.did-not-converge"),
            LayoutError::TooLarge { width, height } => msg!(
                "layout.too-large",
                width = format!("{width:.0}"),
                height = format!("{height:.0}"),
                limit = format!("{MAX_CANVAS_SIDE:.0}")
            ),
            LayoutError::Invalid { path, message } => {
                msg!("layout.invalid", path = path, reason = message)
            }
            LayoutError::Options(o) => o.message(),
        }
    }
}

/// The largest canvas side, in layout px. 200 members with the usual amount
/// of text need about 11,000; only extreme amounts of text go past it.
pub const MAX_CANVAS_SIDE: f64 = 30_000.0;

/// A ring with more cards than this gets a second staggered track, and so on.
pub(crate) const CARDS_PER_TRACK: usize = 14;
/// The most tracks one ring gets.
pub(crate) const MAX_TRACKS: usize = 4;

/// Extra room between the outermost ring line and the circle's edge.
const EDGE_ROOM: f64 = 30.0;
/// Room between the farthest card corner and the circle's edge.
const CORNER_ROOM: f64 = 14.0;

pub(crate) fn hyphen_lang(lang: Lang) -> HyphenLang {
    match lang {
        Lang::Nl => HyphenLang::Dutch,
        Lang::En => HyphenLang::English,
    }
}

/// The band of ring `k`, from the reach of each ring's cards (see
/// `place::Placement::reach`): the first ring's starts at the school's
/// disc, and the line between two rings runs halfway between the farthest
/// card of the inner one and the nearest card of the outer one, so no
/// line crosses a card (quality bar 7); the outermost ends at
/// `last_outer`.
fn band(reach: &[(f64, f64)], k: usize, centre_radius: f64, last_outer: f64) -> (f64, f64) {
    let line = |k: usize| (far_inside(reach, k) + reach[k].0) / 2.0;
    let inner = if k == 0 { centre_radius } else { line(k) };
    let outer = if k + 1 < reach.len() {
        line(k + 1)
    } else {
        last_outer
    };
    (inner, outer)
}

/// How far the farthest card of the rings inside ring `k` reaches (0 for
/// the first ring): ring `k`'s cards keep their room from it.
fn far_inside(reach: &[(f64, f64)], k: usize) -> f64 {
    reach[..k].iter().map(|r| r.1).fold(0.0, f64::max)
}

/// Angle (radians, clockwise from 12 o'clock) to a point at `radius`.
fn polar(angle: f64, radius: f64) -> (f64, f64) {
    (radius * libm::sin(angle), -radius * libm::cos(angle))
}

/// Computes the layout of a kernteam.
pub fn layout(k: &Kernteam, o: &LayoutOptions) -> Result<Layout, LayoutError> {
    layout_inner(k, o, &LastYear::default())
}

/// What the layout knows of last year: the circle as it was drawn (to keep
/// it recognisable, as [`layout_with_previous`]) and the kernteam as it
/// was (to mark what changed: a "nieuw" marker on each new member's card,
/// explained in the legend, and who left and who moved under the picture).
#[derive(Debug, Clone, Copy, Default)]
pub struct LastYear<'a> {
    /// Last year's layout.
    pub layout: Option<&'a Layout>,
    /// Last year's kernteam compared with this one's
    /// ([`cirkel_core::Since::new`], at the privacy level `k` was redacted
    /// to).
    pub since: Option<&'a Since>,
}

/// Computes the layout of a kernteam with what is known of last year.
pub fn layout_since(
    k: &Kernteam,
    o: &LayoutOptions,
    last: &LastYear<'_>,
) -> Result<Layout, LayoutError> {
    layout_inner(k, o, last)
}

/// Computes the layout of a kernteam that was laid out before (last year's
/// circle): the circle is divided as `previous` divided it, and rings start
/// where they were. A new member takes room in its own domain's run on its
/// own ring (that ring grows if the run is full); members of other rings stay
/// where they were unless their ring must grow, and a removed member leaves
/// the others of its run spread over the same run. When a domain appears on
/// a ring where it had no run, the circle is planned afresh.
pub fn layout_with_previous(
    k: &Kernteam,
    o: &LayoutOptions,
    previous: &Layout,
) -> Result<Layout, LayoutError> {
    let last = LastYear {
        layout: Some(previous),
        since: None,
    };
    layout_inner(k, o, &last)
}

fn layout_inner(
    k: &Kernteam,
    o: &LayoutOptions,
    last: &LastYear<'_>,
) -> Result<Layout, LayoutError> {
    o.validate()?;
    invariants::check_kernteam(k)?;
    let (previous, since) = (last.layout, last.since);
    let hl = hyphen_lang(k.lang);
    let cards = sorted_cards(k, o, hl, since);
    let (centre_radius, mut centre_text) = build_centre(k, o);
    refuse_oversized(&cards, o)?;
    let anchor = previous.and_then(|p| anchor::anchor_from(p, k, &cards));
    let Circle {
        cards,
        placement,
        card_rects,
        labels,
        outer_radius,
    } = place_circle(k, cards, centre_radius, anchor.as_ref(), o, hl)?;
    let unlabelled = labels.iter().any(Option::is_none);

    // The canvas and the blocks around the circle.
    let width = o.width.max(2.0 * outer_radius + 2.0 * o.margin).ceil();
    let frame = Blocks {
        k,
        o,
        hl,
        since,
        words: Words::new(k.lang),
        text_width: width - 2.0 * o.margin,
    };
    let cx = width / 2.0;
    let (title, title_bottom) = frame.title(cx, o.margin);
    let cy = title_bottom + 2.0 * o.gap + outer_radius;
    let domains: Vec<Domain> = Domain::ALL
        .into_iter()
        .filter(|d| cards.iter().any(|c| c.domain == *d))
        .collect();
    let (legend, legend_bottom) =
        frame.legend(cy + outer_radius + 2.0 * o.gap, &domains, unlabelled);
    let footer_top = legend_bottom + 2.0 * o.gap;
    let footer = frame.footer(footer_top);
    let bottom = footer.as_ref().map_or(footer_top, |f| f.1);
    let height = (bottom + o.margin).ceil();
    if width > MAX_CANVAS_SIDE || height > MAX_CANVAS_SIDE {
        return Err(LayoutError::TooLarge { width, height });
    }
    let boxes: Vec<TextBox> = [Some(title), Some(legend), footer.map(|f| f.0)]
        .into_iter()
        .flatten()
        .collect();

    // Move the circle to its place and assemble.
    for l in &mut centre_text {
        l.translate(cx, cy);
    }
    let rings = assemble::rings(k, &placement, labels, centre_radius, outer_radius, (cx, cy));
    let sectors = assemble::sectors(k, &placement, &rings);
    let nodes = assemble::nodes(k, cards, &placement, &card_rects, (cx, cy));
    let (ties, routes) = lines(k, &nodes, &rings, (cx, cy), centre_radius, outer_radius, o);
    let f = &o.fonts;
    let mut layout = Layout {
        lang: k.lang,
        title: format!("{} – {}", k.title, k.school.name),
        description: short_description(k),
        width,
        height,
        centre: Centre {
            x: cx,
            y: cy,
            radius: centre_radius,
            text: centre_text,
        },
        outer_radius,
        rings,
        sectors,
        nodes,
        ties,
        routes,
        boxes,
        min_font_size: f.minimum.min(f.detail).min(f.ring_label).min(f.body),
    };
    round_layout(&mut layout);
    Ok(layout)
}

/// The cards, sorted by ring, then domain, then input order; a new
/// member's card (`since`) with its marker.
fn sorted_cards(
    k: &Kernteam,
    o: &LayoutOptions,
    hl: HyphenLang,
    since: Option<&Since>,
) -> Vec<Card> {
    let new = Words::new(k.lang).new;
    let mut cards: Vec<Card> = k
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let marked = since.is_some_and(|s| s.is_new(i));
            build_card(i, m, o, hl, marked.then_some(new))
        })
        .collect();
    cards.sort_by_key(|c| (c.ring, domain_rank(c.domain), c.member));
    cards
}

/// Refuses early when the cards alone could never fit the largest canvas.
fn refuse_oversized(cards: &[Card], o: &LayoutOptions) -> Result<(), LayoutError> {
    let card_area: f64 = cards
        .iter()
        .map(|c| (c.width + o.gap) * (c.height + o.gap))
        .sum();
    let tallest = cards.iter().map(|c| c.height).fold(0.0, f64::max);
    if card_area > 0.5 * MAX_CANVAS_SIDE * MAX_CANVAS_SIDE || tallest > MAX_CANVAS_SIDE / 4.0 {
        let side = f64::sqrt(card_area * 2.0).max(tallest * 4.0).ceil();
        return Err(LayoutError::TooLarge {
            width: side,
            height: side,
        });
    }
    Ok(())
}

/// The placed circle, before it moves onto the canvas.
struct Circle {
    /// The cards (and any label reservations) in placement order.
    cards: Vec<Card>,
    placement: place::Placement,
    /// The cards' rectangles around the origin, in card order.
    card_rects: Vec<Rect>,
    labels: Vec<Option<RingLabel>>,
    outer_radius: f64,
}

/// Places the cards and then the ring labels. When a ring's label finds
/// no free place in its band, the cards are placed again with room kept
/// for it among that ring's cards (a card-like slot at the end of the
/// ring's busiest domain's run), so every ring is labelled next to its own
/// cards.
fn place_circle(
    k: &Kernteam,
    cards: Vec<Card>,
    centre_radius: f64,
    anchor: Option<&anchor::Previous>,
    o: &LayoutOptions,
    hl: HyphenLang,
) -> Result<Circle, LayoutError> {
    let members = k.members.len();
    let mut reserve = vec![false; k.rings.len()];
    let pills: Vec<(f64, f64)> = (0..k.rings.len())
        .map(|r| ring_labels::pill_size(k, r, o))
        .collect();
    loop {
        let mut all = cards.clone();
        for (ring, _) in reserve.iter().enumerate().filter(|(_, r)| **r) {
            all.push(label_slot(k, &cards, ring, o));
        }
        all.sort_by_key(|c| (c.ring, domain_rank(c.domain), c.member));
        let scene = place::Scene {
            cards: &all,
            ring_count: k.rings.len(),
            centre_radius,
            pills: &pills,
            o,
        };
        let placement = place::place_best(scene, anchor)?;
        // Each card in the shape its place chose.
        let all: Vec<Card> = all
            .iter()
            .zip(&placement.shapes)
            .map(|(c, s)| c.in_shape(*s))
            .collect();
        let card_rects = card_rects(&all, &placement);
        let mut outer_radius = card_rects
            .iter()
            .flat_map(Rect::corners)
            .map(|(x, y)| crate::geometry::hypot(x, y) + CORNER_ROOM)
            .fold(
                placement.radii.last().copied().unwrap_or(centre_radius) + EDGE_ROOM,
                f64::max,
            );
        let mut reserved = vec![None; k.rings.len()];
        let mut placed: Vec<(Rect, usize)> = Vec::new();
        for (c, r) in all.iter().zip(&card_rects) {
            if c.member >= members {
                reserved[c.ring] = Some(*r);
            } else {
                placed.push((*r, c.ring));
            }
        }
        let circle = ring_labels::Circle {
            tracks: &placement.tracks,
            reach: &placement.reach,
            cards: &placed,
            centre_radius,
            // The widest card as drawn (in the shape its place chose).
            card_width: placed.iter().map(|(r, _)| r.width).fold(0.0, f64::max),
        };
        let labels =
            ring_labels::place_ring_labels(k, &circle, &reserved, &mut outer_radius, o, hl);
        let mut missing: Vec<usize> = (0..k.rings.len())
            .filter(|r| labels[*r].is_none() && !reserve[*r])
            .collect();
        // Labels all at one angle: the outermost searched one gets a place
        // of its own among its cards.
        if missing.is_empty()
            && ring_labels::stacked(&labels)
            && let Some(r) = (0..k.rings.len()).rev().find(|r| !reserve[*r])
        {
            missing.push(r);
        }
        if missing.is_empty() {
            let keep: Vec<bool> = all.iter().map(|c| c.member < members).collect();
            let (cards, card_rects): (Vec<Card>, Vec<Rect>) = all
                .into_iter()
                .zip(card_rects)
                .filter(|(c, _)| c.member < members)
                .unzip();
            let mut placement = placement;
            placement.keep_cards(&keep);
            return Ok(Circle {
                cards,
                placement,
                card_rects,
                labels,
                outer_radius,
            });
        }
        for r in missing {
            reserve[r] = true;
        }
    }
}

/// A card-like slot that keeps room for ring `ring`'s label, at the end
/// of the run of the domain with most cards on that ring.
fn label_slot(k: &Kernteam, cards: &[Card], ring: usize, o: &LayoutOptions) -> Card {
    let on_ring: Vec<&Card> = cards.iter().filter(|c| c.ring == ring).collect();
    let domain = Domain::ALL
        .into_iter()
        .max_by_key(|d| {
            let n = on_ring.iter().filter(|c| c.domain == *d).count();
            // Most cards first; among equals the first in circle order.
            (n, std::cmp::Reverse(domain_rank(*d)))
        })
        .filter(|d| on_ring.iter().any(|c| c.domain == *d))
        .unwrap_or(Domain::Overig);
    let (width, height) = ring_labels::pill_size(k, ring, o);
    Card {
        photo: None,
        member: k.members.len() + ring,
        ring,
        domain,
        width,
        height,
        header_height: 0.0,
        text: Vec::new(),
        new: None,
        label_slot: true,
        shapes: Vec::new().into(),
    }
}

fn domain_rank(d: Domain) -> usize {
    d.index()
}

/// The cards' rectangles around the origin, in card order.
fn card_rects(cards: &[Card], placement: &place::Placement) -> Vec<Rect> {
    cards
        .iter()
        .zip(&placement.angles)
        .zip(&placement.track_of)
        .map(|((c, a), t)| {
            let (x, y) = polar(*a, placement.tracks[c.ring][*t]);
            Rect::centred(x, y, c.width, c.height)
        })
        .collect()
}

/// The tie lines and the routes, drawn between the placed cards.
fn lines(
    k: &Kernteam,
    nodes: &[Node],
    rings: &[RingGeometry],
    (cx, cy): (f64, f64),
    centre_radius: f64,
    outer_radius: f64,
    o: &LayoutOptions,
) -> (Vec<TieLine>, Vec<RoutePath>) {
    let card_rects: Vec<Rect> = nodes.iter().map(Node::rect).collect();
    let card_polar: Vec<(f64, f64)> = nodes
        .iter()
        .map(|n| {
            let (dx, dy) = (n.x - cx, n.y - cy);
            (libm::atan2(dx, -dy), crate::geometry::hypot(dx, dy))
        })
        .collect();
    let label_rects: Vec<Rect> = rings
        .iter()
        .filter_map(|r| r.label.as_ref().map(|l| l.rect))
        .collect();
    let scene = Scene {
        cx,
        cy,
        centre_radius,
        outer_radius,
        cards: &card_rects,
        card_polar: &card_polar,
        obstacles: &label_rects,
    };
    let ties = tie_lines(k, &scene);
    let mut routes = route_paths(k, &scene);
    place_badges_and_labels(&mut routes, k, &scene, o, hyphen_lang(k.lang));
    (ties, routes)
}
