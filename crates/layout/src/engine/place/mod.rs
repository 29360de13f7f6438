//! Placing the cards on their rings: ring radii and each card's angle.
//!
//! A [`Placer`] holds one candidate plan (a rotation, one wedge per domain
//! or runs per ring, staggered tracks or not, an earlier layout to keep
//! to) and iterates: settle each domain's run on each ring from what its
//! cards need, spread the cards evenly in their runs, and where two cards
//! (or a card and the school) touch, move the ring out as far as that
//! conflict needs. [`place_best`] tries the candidates and keeps the most
//! compact.

use std::f64::consts::PI;

use cirkel_core::Domain;

use super::LayoutError;
use super::anchor::Previous;
use super::cards::Card;
use super::polar;
use crate::geometry::{Rect, max};
use crate::options::LayoutOptions;

mod angles;
mod best;
mod conflicts;
mod need;
mod polish;
mod shape;
mod share;

pub(super) use best::place_best;
use need::{Run, overflow_growth, run_need, track_radii};
use share::{directions, share_circle, track_counts};

/// Where everything went.
#[derive(Clone)]
pub(super) struct Placement {
    /// Ring radii, inner to outer.
    pub radii: Vec<f64>,
    /// Per ring, the radii of its tracks (one track: just the ring radius).
    pub tracks: Vec<Vec<f64>>,
    /// Each domain's run on each ring where it has cards.
    pub sectors: Vec<Sector>,
    /// Per card (in card order), its angle in radians.
    pub angles: Vec<f64>,
    /// Per card, its track on its ring.
    pub track_of: Vec<usize>,
    /// Radius of the farthest card corner.
    pub extent: f64,
    /// Per ring, how near to the centre its nearest card comes and how far
    /// its farthest card corner reaches (for a ring without cards, its
    /// label's pill at 6 o'clock): the band its cards need. Neighbouring
    /// rings keep [`band_room`] between them (quality bar 7).
    pub reach: Vec<(f64, f64)>,
    /// Per card, which of its [`Card::shapes`] it has.
    pub shapes: Vec<usize>,
}

impl Placement {
    /// Keeps the cards where `keep` is true (drops the label slots).
    pub fn keep_cards(&mut self, keep: &[bool]) {
        let mut i = 0;
        self.angles.retain(|_| {
            i += 1;
            keep[i - 1]
        });
        let mut i = 0;
        self.track_of.retain(|_| {
            i += 1;
            keep[i - 1]
        });
        let mut i = 0;
        self.shapes.retain(|_| {
            i += 1;
            keep[i - 1]
        });
    }
}

/// One domain's run on one ring, in radians clockwise from 12 o'clock
/// (unwrapped: `end > start`, either may be outside 0..2π).
#[derive(Debug, Clone, Copy)]
pub(super) struct Sector {
    /// The ring.
    pub ring: usize,
    /// The domain.
    pub domain: Domain,
    /// Where the run starts and ends: the room the domain has on the ring.
    pub start: f64,
    /// See `start`.
    pub end: f64,
}

/// Rounds of growing rings before a plan gives up (a bug, reported as an
/// error rather than a hang).
const MAX_ITERATIONS: usize = 5000;
/// Rounds in which the runs settle before the cards are checked.
const SETTLE_ROUNDS: usize = 6;
/// The band height of a ring without cards (it still has a band and a label).
const EMPTY_RING_HEIGHT: f64 = 40.0;
/// Rounds in which cards take the shapes their angles favour and the plan
/// is placed again (kept only while the circle gets smaller).
const SHAPE_ROUNDS: usize = 2;

/// The room between the farthest card of one ring and the nearest card of
/// the next: the line between their bands runs in the middle of it.
pub(super) fn band_room(o: &LayoutOptions) -> f64 {
    (o.gap * 2.0 / 3.0).max(o.gap.min(8.0))
}

/// How near to the centre `r` comes and how far its farthest corner is.
fn reach_of(r: &Rect) -> (f64, f64) {
    // The farthest corner lies away from the centre on both axes.
    let far_x = max(r.x.abs(), (r.x + r.width).abs());
    let far_y = max(r.y.abs(), (r.y + r.height).abs());
    (
        r.distance_to(0.0, 0.0),
        crate::geometry::hypot(far_x, far_y),
    )
}

/// How to divide the circle: one of the candidates [`place_best`] tries.
#[derive(Clone, Copy)]
pub(super) struct Plan<'a> {
    /// Where the domains start, radians clockwise from 12 o'clock.
    pub rotation: f64,
    /// Split crowded rings into staggered tracks.
    pub staggered: bool,
    /// An earlier layout to keep to.
    pub anchor: Option<&'a Previous>,
}

/// One candidate placement in progress. Cards are in ring order, then
/// domain order, then input order; that order is their angular order on
/// each ring. A crowded ring is split into staggered tracks: its cards take
/// the tracks in turn, so cards on one track are several steps apart.
struct Placer<'a> {
    cards: &'a [Card],
    /// Per ring, its label pill's size (what an empty ring's band holds).
    pills: &'a [(f64, f64)],
    o: &'a LayoutOptions,
    plan: Plan<'a>,
    centre_radius: f64,
    ring_count: usize,
    /// The domains present, in circle order.
    domains: Vec<Domain>,
    /// [domain][ring]: how many cards.
    count: Vec<Vec<usize>>,
    /// The tallest card of each ring.
    max_height: Vec<f64>,
    /// The widest card of each ring (wider than `card_width` when a long
    /// name keeps a card wide).
    max_width: Vec<f64>,
    /// Tracks per ring.
    tracks: Vec<usize>,
    /// Radial distance between a ring's tracks.
    spacing: Vec<f64>,
    /// Per card, its track.
    track_of: Vec<usize>,
    /// Where each domain points: its centre in a partition of the circle by
    /// member count, starting at the plan's rotation.
    direction: Vec<f64>,
    radii: Vec<f64>,
    /// [ring][domain]: the run (empty when the domain has no card there).
    ranges: Vec<Vec<(f64, f64)>>,
    /// Per ring, how far its runs are turned from their domains'
    /// directions (runs per ring only): a ring turns to where its cards
    /// span the thinnest band (`polish`), the outermost also to pull the
    /// circle in.
    turn: Vec<f64>,
    /// The outermost ring has been turned to pull the circle in.
    outer_turned: bool,
    /// Per ring, how many more times it may move in once nothing touches
    /// (`polish`).
    polish_left: Vec<u8>,
    /// Per ring, how many more times a turn is searched for it (`polish`).
    turns_to_try: Vec<u8>,
}

/// Steps of the search for a label slot's place next to its card.
const SLOT_STEPS: usize = 40;

/// What every plan of one picture places: the cards (in ring order, then
/// domain order, then input order) around the school's disc.
#[derive(Clone, Copy)]
pub(in crate::engine) struct Scene<'a> {
    /// The cards, label slots among them.
    pub cards: &'a [Card],
    /// How many rings.
    pub ring_count: usize,
    /// The school's disc.
    pub centre_radius: f64,
    /// Per ring, its label pill's size (what an empty ring's band holds).
    pub pills: &'a [(f64, f64)],
    /// Sizes and spacing.
    pub o: &'a LayoutOptions,
}

impl<'a> Placer<'a> {
    fn new(scene: Scene<'a>, plan: Plan<'a>) -> Placer<'a> {
        let Scene {
            cards,
            ring_count,
            centre_radius,
            pills,
            o,
        } = scene;
        let domains: Vec<Domain> = Domain::ALL
            .into_iter()
            .filter(|d| cards.iter().any(|c| c.domain == *d))
            .collect();
        let mut count = vec![vec![0usize; ring_count]; domains.len()];
        let mut max_height = vec![0.0f64; ring_count];
        let mut max_width = vec![0.0f64; ring_count];
        let mut on_ring = vec![0usize; ring_count];
        for c in cards {
            if let Some(di) = domains.iter().position(|d| *d == c.domain) {
                count[di][c.ring] += 1;
            }
            max_height[c.ring] = max_height[c.ring].max(c.height);
            max_width[c.ring] = max_width[c.ring].max(c.width);
            on_ring[c.ring] += 1;
        }
        for h in &mut max_height {
            if *h == 0.0 {
                *h = EMPTY_RING_HEIGHT;
            }
        }
        let tracks = track_counts(&on_ring, plan);
        // Track spacing starts at one card height (staggered); it widens where
        // cards of two tracks touch, up to the card diagonal, where they cannot.
        let mut spacing: Vec<f64> = max_height.iter().map(|h| h + o.gap).collect();
        if let Some(a) = plan.anchor {
            for (k, t) in a.tracks.iter().enumerate() {
                if let Some(t) = t
                    && t.len() > 1
                {
                    spacing[k] = spacing[k].max(t[1] - t[0]);
                }
            }
        }
        // A card's place in its ring's sequence picks its track.
        let mut track_of = vec![0usize; cards.len()];
        let mut seen = vec![0usize; ring_count];
        for (ci, c) in cards.iter().enumerate() {
            track_of[ci] = seen[c.ring] % tracks[c.ring];
            seen[c.ring] += 1;
        }
        let direction = directions(&count, cards.len(), plan.rotation);
        let mut placer = Placer {
            cards,
            pills,
            o,
            plan,
            centre_radius,
            ring_count,
            ranges: match plan.anchor {
                Some(a) => a.ranges.clone(),
                None => (0..ring_count)
                    .map(|_| direction.iter().map(|d| (*d, *d)).collect())
                    .collect(),
            },
            domains,
            count,
            max_height,
            max_width,
            tracks,
            spacing,
            track_of,
            direction,
            radii: vec![0.0; ring_count],
            turn: vec![0.0; ring_count],
            outer_turned: false,
            polish_left: vec![polish::POLISH_ROUNDS; ring_count],
            turns_to_try: vec![polish::POLISH_TURNS; ring_count],
        };
        placer.start_radii();
        placer
    }

    /// Rings start tight: a gap and half their tallest card apart; the
    /// overlap and band checks push them apart where their cards need it.
    /// An earlier layout fixes where rings start (they may still grow).
    fn start_radii(&mut self) {
        let o = self.o;
        let n = self.ring_count;
        if n == 0 {
            return;
        }
        self.radii[0] = self.centre_radius
            + o.ring_gap
            + self.max_height[0].min(o.card_width) / 2.0
            + self.half_band(0);
        for k in 1..n {
            self.radii[k] = self.radii[k - 1]
                + self.half_band(k - 1)
                + self.half_band(k)
                + self
                    .band_gap(k)
                    .max(o.ring_gap + self.max_height[k - 1].min(self.max_height[k]) / 2.0);
        }
        // A ring of an earlier layout starts where it was (a polished ring
        // may lie inside where the rule above starts it); the overlap check
        // moves it out where this year's cards need more room.
        if let Some(a) = self.plan.anchor {
            for (k, r) in a.radii.iter().enumerate() {
                if let Some(r) = r {
                    self.radii[k] = *r;
                }
            }
        }
        self.grow(0, 0.0);
    }

    /// How near to the centre a card may come: the school's disc and the
    /// room between two bands' cards.
    fn school_edge(&self) -> f64 {
        self.centre_radius + band_room(self.o)
    }

    /// Half the radial extent of ring `k`'s tracks.
    fn half_band(&self, k: usize) -> f64 {
        (self.tracks[k] as f64 - 1.0) / 2.0 * self.spacing[k]
    }

    /// The smallest distance between the outer track of ring `k - 1` and the
    /// inner track of ring `k`, where the rings start: the ring gap and half
    /// the tallest card of either ring. The band check (every card inside
    /// its own ring's band, quality bar 7) moves the ring out further.
    fn band_gap(&self, k: usize) -> f64 {
        self.o.ring_gap + self.max_height[k - 1].max(self.max_height[k]) / 2.0
    }

    /// The distance at which cards of two tracks of ring `k` can never touch.
    fn diagonal(&self, k: usize) -> f64 {
        crate::geometry::hypot(
            self.max_width[k] + self.o.gap,
            self.max_height[k] + self.o.gap,
        )
    }

    /// Moves ring `k` out by `amount`; rings outside it move only as far as
    /// needed to keep the tracks of neighbouring rings in order.
    fn grow(&mut self, k: usize, amount: f64) {
        self.radii[k] += amount;
        for j in 1..self.radii.len() {
            let min =
                self.radii[j - 1] + self.half_band(j - 1) + self.half_band(j) + self.band_gap(j);
            if self.radii[j] < min {
                let shift = min - self.radii[j];
                for r in self.radii.iter_mut().skip(j) {
                    *r += shift;
                }
            }
        }
    }

    /// What domain `di`'s run on ring `k` needs, given where runs and rings are now.
    fn need(&self, k: usize, di: usize) -> f64 {
        run_need(&Run {
            cards: self.count[di][k],
            range: self.ranges[k][di],
            inner: self.radii[k] - (self.tracks[k] as f64 - 1.0) / 2.0 * self.spacing[k],
            tracks: self.tracks[k],
            spacing: self.spacing[k],
            card: (
                self.max_width[k] + self.o.gap,
                self.max_height[k] + self.o.gap,
            ),
        })
    }

    fn run(mut self) -> Result<Placement, LayoutError> {
        for _ in 0..MAX_ITERATIONS {
            if self.plan.anchor.is_some() && self.grow_anchored_runs() {
                continue;
            }
            if self.plan.anchor.is_none() && self.settle_runs() {
                continue;
            }
            let angles = self.angles();
            let track_sets: Vec<Vec<f64>> = (0..self.ring_count)
                .map(|k| track_radii(self.radii[k], self.tracks[k], self.spacing[k]))
                .collect();
            let rects = self.rects(&angles, &track_sets);
            let conflicts = self.conflicts(&rects);
            match (conflicts.push, conflicts.widen) {
                (None, None) => {
                    if self.polish(&angles, &track_sets) {
                        continue;
                    }
                    if !self.outer_turned {
                        self.outer_turned = true;
                        if let Some(delta) = self.outer_turn(&angles, &track_sets) {
                            let last = self.ring_count - 1;
                            self.turn[last] += delta;
                            continue;
                        }
                    }
                    return Ok(self.finish(angles, &rects, track_sets));
                }
                (_, Some(k)) => {
                    self.spacing[k] = (self.spacing[k] + 8.0).min(self.diagonal(k));
                    self.grow(k, 4.0);
                }
                (Some(k), None) => {
                    // Too close to the ring inside: out by as much (and a
                    // hair, so that the next round does not creep).
                    let band = conflicts
                        .bands
                        .iter()
                        .find(|(ring, _)| *ring == k)
                        .map_or(0.0, |(_, short)| short + 0.25);
                    let amount = self.push_amount(k, &conflicts.pushes, &angles, &track_sets);
                    self.grow(k, amount.max(band).max(0.01));
                }
            }
        }
        Err(LayoutError::DidNotConverge)
    }

    /// With an earlier layout the runs are fixed: a run too narrow for its
    /// cards makes its ring grow instead of taking room from the other
    /// domains. True when a ring grew.
    fn grow_anchored_runs(&mut self) -> bool {
        for k in 0..self.ring_count {
            for di in 0..self.domains.len() {
                let need = self.need(k, di);
                let size = self.ranges[k][di].1 - self.ranges[k][di].0;
                if need > size * (1.0 + 1e-9) {
                    let amount = if size > 0.0 {
                        overflow_growth(self.radii[k], 2.0 * PI * need / size)
                    } else {
                        self.radii[k]
                    };
                    self.grow(k, amount);
                    return true;
                }
            }
        }
        false
    }

    /// A domain needs, on each ring, one slot per card (divided by the
    /// ring's tracks), where a slot is the angle whose chord is what two
    /// neighbouring cards need where they meet. Needs depend on where the
    /// runs are, so settle them in a few rounds; the overlap check is the
    /// judge. True when a ring had to grow (the runs did not fit).
    fn settle_runs(&mut self) -> bool {
        for _round in 0..SETTLE_ROUNDS {
            let before = self.ranges.clone();
            let need: Vec<Vec<f64>> = (0..self.ring_count)
                .map(|k| (0..self.domains.len()).map(|di| self.need(k, di)).collect())
                .collect();
            let grew = self.share_each_ring(&need);
            if grew {
                return true;
            }
            // Settled: the runs no longer move (a thousandth of a degree).
            let moved = before
                .iter()
                .flatten()
                .zip(self.ranges.iter().flatten())
                .map(|(a, b)| (a.0 - b.0).abs().max((a.1 - b.1).abs()))
                .fold(0.0, f64::max);
            if moved < 1e-5 {
                break;
            }
        }
        false
    }

    /// Each ring divides its own circle among the domains it holds. When a
    /// ring's runs do not fit, grows it and returns true.
    fn share_each_ring(&mut self, need: &[Vec<f64>]) -> bool {
        for (k, need) in need.iter().enumerate().take(self.ring_count) {
            let present: Vec<usize> = (0..self.domains.len())
                .filter(|di| self.count[*di][k] > 0)
                .collect();
            if present.is_empty() {
                continue;
            }
            let total: f64 = need.iter().sum();
            if total.is_nan() || total > 2.0 * PI {
                let amount = overflow_growth(self.radii[k], total);
                self.grow(k, amount);
                return true;
            }
            let weights: Vec<usize> = (0..self.domains.len())
                .map(|di| self.count[di][k])
                .collect();
            self.ranges[k] = share_circle(&present, need, total, &weights, &self.direction);
            for r in &mut self.ranges[k] {
                r.0 += self.turn[k];
                r.1 += self.turn[k];
            }
        }
        false
    }

    fn domain_index(&self, d: Domain) -> usize {
        self.domains.iter().position(|x| *x == d).unwrap_or(0)
    }

    fn rects(&self, angles: &[f64], track_sets: &[Vec<f64>]) -> Vec<Rect> {
        self.cards
            .iter()
            .zip(angles)
            .zip(&self.track_of)
            .map(|((c, a), t)| {
                let (x, y) = polar(*a, track_sets[c.ring][*t]);
                Rect::centred(x, y, c.width, c.height)
            })
            .collect()
    }

    /// Per ring, the nearest and farthest reach of its cards (see
    /// [`Placement::reach`]).
    fn reaches(&self, rects: &[Rect]) -> Vec<(f64, f64)> {
        let mut reach = vec![(f64::INFINITY, 0.0f64); self.ring_count];
        for (c, r) in self.cards.iter().zip(rects) {
            let (near, far) = reach_of(r);
            let k = &mut reach[c.ring];
            *k = (k.0.min(near), k.1.max(far));
        }
        for (k, r) in reach.iter_mut().enumerate() {
            if r.0.is_infinite() {
                let (w, h) = self
                    .pills
                    .get(k)
                    .copied()
                    .unwrap_or((0.0, EMPTY_RING_HEIGHT));
                *r = reach_of(&Rect::centred(0.0, self.radii[k], w, h));
            }
        }
        reach
    }

    /// The placement, once nothing touches.
    fn finish(self, angles: Vec<f64>, rects: &[Rect], track_sets: Vec<Vec<f64>>) -> Placement {
        let reach = self.reaches(rects);
        let extent = reach
            .iter()
            .map(|r| r.1)
            .fold(self.radii.last().copied().unwrap_or(0.0), f64::max);
        let sectors = self.runs();
        Placement {
            radii: self.radii,
            tracks: track_sets,
            sectors,
            angles,
            track_of: self.track_of,
            extent,
            reach,
            shapes: vec![0; self.cards.len()],
        }
    }
}

impl Placer<'_> {
    /// Each domain's run on each ring where it has cards.
    fn runs(&self) -> Vec<Sector> {
        (0..self.ring_count)
            .flat_map(|k| {
                self.domains
                    .iter()
                    .enumerate()
                    .filter(move |(di, _)| self.count[*di][k] > 0)
                    .map(move |(di, d)| Sector {
                        ring: k,
                        domain: *d,
                        start: self.ranges[k][di].0,
                        end: self.ranges[k][di].1,
                    })
            })
            .collect()
    }
}
