//! Ring labels: a pill in each ring's band, next to cards of that ring
//! (quality bar 7), the rings' labels at different angles so that they do
//! not stack into one column. When a ring has no free place, the layout
//! reserves one among its cards (see `engine::layout_inner`).

use std::f64::consts::PI;

use cirkel_core::Kernteam;

use super::polar;
use crate::geometry::{Anchor, Rect, RingLabel, TextRole};
use crate::options::LayoutOptions;
use crate::text::{HyphenLang, Style, text_block};

/// Angular step of the search for a free place, radians.
const SEARCH_STEP: f64 = PI / 120.0;
/// How far apart (radians) the rings' preferred places are: ring 1 at
/// 6 o'clock, ring 2 this much to one side, ring 3 to the other, …
const STAGGER: f64 = 28.0 * PI / 180.0;
/// Labels keep at least this angle (radians) from each other's, where
/// they can, so that they do not stack into one column.
const APART: f64 = 15.0 * PI / 180.0;
/// Labels closer than this (degrees) all of them count as stacked.
pub(crate) const STACKED_DEG: f64 = 10.0;
/// Room around a label pill, px.
const PILL_PAD_X: f64 = 16.0;
/// See [`PILL_PAD_X`].
const PILL_PAD_Y: f64 = 7.0;

/// The size of ring `ring`'s label pill.
pub(super) fn pill_size(k: &Kernteam, ring: usize, o: &LayoutOptions) -> (f64, f64) {
    let style = Style::bold(o.fonts.ring_label);
    (
        style.width(&k.rings[ring].label) + 2.0 * PILL_PAD_X,
        o.fonts.ring_label * o.line_height + 2.0 * PILL_PAD_Y,
    )
}

/// Where ring `ring` prefers its label (radians clockwise from 12 o'clock).
fn preferred_angle(ring: usize) -> f64 {
    let side = if ring % 2 == 1 { -1.0 } else { 1.0 };
    PI + side * ring.div_ceil(2) as f64 * STAGGER
}

/// What the label search needs to know of the placed circle (origin at
/// the centre).
pub(super) struct Circle<'a> {
    /// Track radii per ring.
    pub tracks: &'a [Vec<f64>],
    /// Per ring, the nearest and farthest reach of its cards.
    pub reach: &'a [(f64, f64)],
    /// Every card's rectangle with its ring.
    pub cards: &'a [(Rect, usize)],
    /// The school's disc.
    pub centre_radius: f64,
    /// The widest card (a label sits within this of a card of its ring).
    pub card_width: f64,
}

impl Circle<'_> {
    /// The band of ring `k` (see [`super::band`]); the outermost one has
    /// no outer line yet (the circle grows to take in its label).
    fn band(&self, k: usize) -> (f64, f64) {
        super::band(self.reach, k, self.centre_radius, f64::INFINITY)
    }

    /// True when `rect` lies in ring `k`'s band, clear of the school, every
    /// card and `taken`, and near a card of ring `k` when it has any
    /// (within the widest card's width, or the label's own when it is
    /// wider).
    fn fits(&self, k: usize, rect: &Rect, taken: &[Rect], gap: f64) -> bool {
        let (inner, outer) = self.band(k);
        let far = rect
            .corners()
            .iter()
            .map(|(x, y)| crate::geometry::hypot(*x, *y))
            .fold(0.0, f64::max);
        let near = rect.distance_to(0.0, 0.0);
        // Wholly inside the band, clear of its lines.
        let room = gap / 2.0;
        if near < self.centre_radius + gap || near < inner + room || far > outer - room {
            return false;
        }
        if self.cards.iter().any(|(c, _)| c.overlaps(rect, gap)) {
            return false;
        }
        if taken.iter().any(|t| t.overlaps(rect, gap)) {
            return false;
        }
        let own: Vec<&Rect> = self
            .cards
            .iter()
            .filter(|(_, ring)| *ring == k)
            .map(|(c, _)| c)
            .collect();
        let near_enough = self.card_width.max(rect.width);
        own.is_empty() || own.iter().any(|c| rect.distance_to_rect(c) <= near_enough)
    }
}

/// Searches a free place for each ring's label in its band (positions
/// around the centre, origin at the centre), starting at the ring's
/// preferred angle and going both ways, on each of its tracks and in the
/// middle of its band. `reserved[k]`, when given, is the place the
/// placement kept for ring `k`'s label. A ring that finds no place gets
/// `None`. `outer_radius` grows to take in the labels.
pub(super) fn place_ring_labels(
    k: &Kernteam,
    circle: &Circle<'_>,
    reserved: &[Option<Rect>],
    outer_radius: &mut f64,
    o: &LayoutOptions,
    hl: HyphenLang,
) -> Vec<Option<RingLabel>> {
    let mut taken: Vec<Rect> = reserved.iter().flatten().copied().collect();
    let mut rects: Vec<Option<Rect>> = Vec::new();
    for ring in 0..k.rings.len() {
        if let Some(r) = reserved.get(ring).copied().flatten() {
            rects.push(Some(r));
            continue;
        }
        let edge = *outer_radius;
        let apart = search(k, ring, circle, &taken, o, APART, edge);
        let found = apart.or_else(|| search(k, ring, circle, &taken, o, 0.0, edge));
        if let Some(r) = found {
            taken.push(r);
        }
        rects.push(found);
    }
    rects
        .into_iter()
        .enumerate()
        .map(|(ring, rect)| {
            let rect = rect?;
            *outer_radius = outer_radius.max(far_corner(&rect) + LABEL_EDGE_ROOM);
            Some(pill(k, ring, rect, o, hl))
        })
        .collect()
}

/// The first free place for ring `ring`'s label, or `None`.
fn search(
    k: &Kernteam,
    ring: usize,
    circle: &Circle<'_>,
    taken: &[Rect],
    o: &LayoutOptions,
    apart: f64,
    edge_now: f64,
) -> Option<Rect> {
    let angle_of = |r: &Rect| libm::atan2(r.x + r.width / 2.0, -(r.y + r.height / 2.0));
    let others: Vec<f64> = taken.iter().map(angle_of).collect();
    let clear_of_others = |a: f64| {
        others.iter().all(|b| {
            let d = (a - b).rem_euclid(2.0 * PI);
            d.min(2.0 * PI - d) >= apart
        })
    };
    let (w, h) = pill_size(k, ring, o);
    let (inner, outer) = circle.band(ring);
    let mut radii: Vec<f64> = circle.tracks[ring].clone();
    if outer.is_finite() {
        radii.push((inner + outer) / 2.0);
    }
    let tracks = radii.len();
    let room = o.gap / 4.0 + 0.5;
    // The circle's edge as it is, for the outermost ring (whose band ends
    // there).
    let edge_now = (!outer.is_finite()).then_some(edge_now);
    let mut widest: Option<(f64, Rect)> = None;
    let start = preferred_angle(ring);
    let steps = (2.0 * PI / SEARCH_STEP).ceil() as usize;
    for step in 0..steps {
        let offset = (step as f64 / 2.0).ceil() * if step % 2 == 0 { 1.0 } else { -1.0 };
        let angle = start + offset * SEARCH_STEP;
        // Besides the tracks and the band's middle: just inside the band's
        // inner line and just inside its outer line, at this angle (the
        // pill reaches `along` radially and `across` tangentially).
        let (s, c) = (libm::sin(angle).abs(), libm::cos(angle).abs());
        let along = (w * s + h * c) / 2.0;
        let across = (w * c + h * s) / 2.0;
        radii.truncate(tracks);
        radii.push(inner + room + along);
        let edge = outer - room;
        if edge.is_finite() && edge > across {
            radii.push(f64::sqrt(edge * edge - across * across) - along);
        }
        for r in &radii {
            if w >= 2.0 * r {
                continue;
            }
            let (x, y) = polar(angle, *r);
            let rect = Rect::centred(x, y, w, h);
            if clear_of_others(angle) && circle.fits(ring, &rect, taken, o.gap / 2.0) {
                // The outermost ring's label may widen the circle: the first
                // place within the circle as it is, else the one that
                // widens it least.
                let Some(edge) = edge_now else {
                    return Some(rect);
                };
                let far = far_corner(&rect) + LABEL_EDGE_ROOM;
                if far <= edge {
                    return Some(rect);
                }
                if widest.is_none_or(|(b, _)| far < b - 1e-9) {
                    widest = Some((far, rect));
                }
            }
        }
    }
    widest.map(|(_, r)| r)
}

/// Room between a label and the circle's edge.
const LABEL_EDGE_ROOM: f64 = 6.0;

fn far_corner(r: &Rect) -> f64 {
    r.corners()
        .iter()
        .map(|(x, y)| crate::geometry::hypot(*x, *y))
        .fold(0.0, f64::max)
}

/// True when there are two labels or more and all of them lie within
/// [`STACKED_DEG`] of one another.
pub(super) fn stacked(labels: &[Option<RingLabel>]) -> bool {
    let angles: Vec<f64> = labels
        .iter()
        .flatten()
        .map(|l| {
            let r = l.rect;
            libm::atan2(r.x + r.width / 2.0, -(r.y + r.height / 2.0)).to_degrees()
        })
        .collect();
    angles.len() > 1
        && angles.iter().all(|a| {
            angles.iter().all(|b| {
                let d = (a - b).rem_euclid(360.0);
                d.min(360.0 - d) < STACKED_DEG
            })
        })
}

/// The label's pill with its text centred in it.
fn pill(k: &Kernteam, ring: usize, rect: Rect, o: &LayoutOptions, hl: HyphenLang) -> RingLabel {
    let (mut lines, _) = text_block(
        &k.rings[ring].label,
        Style::bold(o.fonts.ring_label),
        f64::INFINITY,
        Anchor::Middle,
        TextRole::RingLabel,
        0.0,
        0.0,
        o,
        hl,
    );
    let mut line = lines.remove(0);
    line.translate(
        rect.x + rect.width / 2.0,
        rect.y + (rect.height - line.bounds.height) / 2.0,
    );
    RingLabel { rect, text: line }
}
