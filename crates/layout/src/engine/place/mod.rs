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
use crate::geometry::Rect;
use crate::options::LayoutOptions;

mod best;
mod conflicts;
mod need;
mod share;

pub(super) use best::place_best;
use need::{Run, overflow_growth, run_need, track_radii};
use share::share_circle;

/// Where everything went.
pub(super) struct Placement {
    /// Ring radii, inner to outer.
    pub radii: Vec<f64>,
    /// Per ring, the radii of its tracks (one track: just the ring radius).
    pub tracks: Vec<Vec<f64>>,
    /// Runs of each domain: (ring, or `None` for all rings, domain, start, end).
    pub sectors: Vec<(Option<usize>, Domain, f64, f64)>,
    /// Per card (in card order), its angle in radians.
    pub angles: Vec<f64>,
    /// Per card, its track on its ring.
    pub track_of: Vec<usize>,
    /// Radius of the farthest card corner.
    pub extent: f64,
}

/// Rounds of growing rings before a plan gives up (a bug, reported as an
/// error rather than a hang).
const MAX_ITERATIONS: usize = 5000;
/// Rounds in which the runs settle before the cards are checked.
const SETTLE_ROUNDS: usize = 6;
/// A ring with more cards than this gets a second staggered track, and so on.
pub(crate) const CARDS_PER_TRACK: usize = 14;
/// The most tracks one ring gets.
pub(crate) const MAX_TRACKS: usize = 4;
/// The band height of a ring without cards (it still has a band and a label).
const EMPTY_RING_HEIGHT: f64 = 40.0;

/// How to divide the circle: one of the candidates [`place_best`] tries.
#[derive(Clone, Copy)]
pub(super) struct Plan<'a> {
    /// Where the domains start, radians clockwise from 12 o'clock.
    pub rotation: f64,
    /// Split crowded rings into staggered tracks.
    pub staggered: bool,
    /// One run per domain on all rings (else runs per ring).
    pub shared: bool,
    /// An earlier layout to keep to.
    pub anchor: Option<&'a Previous>,
}

/// One candidate placement in progress. Cards are in ring order, then
/// domain order, then input order; that order is their angular order on
/// each ring. A crowded ring is split into staggered tracks: its cards take
/// the tracks in turn, so cards on one track are several steps apart.
struct Placer<'a> {
    cards: &'a [Card],
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
}

/// Places the cards (centred at the origin) as `plan` says.
pub(super) fn place(
    cards: &[Card],
    ring_count: usize,
    centre_radius: f64,
    plan: Plan<'_>,
    o: &LayoutOptions,
) -> Result<Placement, LayoutError> {
    Placer::new(cards, ring_count, centre_radius, plan, o).run()
}

impl<'a> Placer<'a> {
    fn new(
        cards: &'a [Card],
        ring_count: usize,
        centre_radius: f64,
        plan: Plan<'a>,
        o: &'a LayoutOptions,
    ) -> Placer<'a> {
        let domains: Vec<Domain> = Domain::ALL
            .into_iter()
            .filter(|d| cards.iter().any(|c| c.domain == *d))
            .collect();
        let mut count = vec![vec![0usize; ring_count]; domains.len()];
        let mut max_height = vec![0.0f64; ring_count];
        let mut on_ring = vec![0usize; ring_count];
        for c in cards {
            if let Some(di) = domains.iter().position(|d| *d == c.domain) {
                count[di][c.ring] += 1;
            }
            max_height[c.ring] = max_height[c.ring].max(c.height);
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
            tracks,
            spacing,
            track_of,
            direction,
            radii: vec![0.0; ring_count],
        };
        placer.start_radii();
        placer
    }

    /// Rings start tight: only a gap apart. Cards of neighbouring rings may
    /// interleave; the overlap check pushes rings apart where needed. An
    /// earlier layout fixes where rings are (they may still grow).
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
        if let Some(a) = self.plan.anchor {
            for (k, r) in a.radii.iter().enumerate() {
                if let Some(r) = r {
                    self.radii[k] = self.radii[k].max(*r);
                }
            }
        }
        self.grow(0, 0.0);
    }

    /// Half the radial extent of ring `k`'s tracks.
    fn half_band(&self, k: usize) -> f64 {
        (self.tracks[k] as f64 - 1.0) / 2.0 * self.spacing[k]
    }

    /// The smallest distance between the outer track of ring `k - 1` and the
    /// inner track of ring `k`. With one run per domain on all rings, cards
    /// of neighbouring rings may interleave (the wedges span all rings).
    /// With runs per ring, each ring keeps its own band, so rings stay at
    /// least a card apart.
    fn band_gap(&self, k: usize) -> f64 {
        if self.plan.shared {
            self.o.ring_gap
        } else {
            self.o.ring_gap + (self.max_height[k - 1] + self.max_height[k]) / 2.0
        }
    }

    /// The distance at which cards of two tracks of ring `k` can never touch.
    fn diagonal(&self, k: usize) -> f64 {
        libm::hypot(
            self.o.card_width + self.o.gap,
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
                self.o.card_width + self.o.gap,
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
                (None, None) => return Ok(self.finish(angles, &rects, track_sets)),
                (_, Some(k)) => {
                    self.spacing[k] = (self.spacing[k] + 8.0).min(self.diagonal(k));
                    self.grow(k, 4.0);
                }
                (Some(k), None) => {
                    let amount = self.push_amount(k, &conflicts.pushes, &angles, &track_sets);
                    self.grow(k, amount.max(0.5));
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
            let grew = if self.plan.shared {
                self.share_all_rings(&need)
            } else {
                self.share_each_ring(&need)
            };
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

    /// One run per domain, the same on every ring: as wide as the domain's
    /// busiest ring needs. When they do not fit, grows the ring that sets
    /// the width of most of the circle and returns true.
    fn share_all_rings(&mut self, need: &[Vec<f64>]) -> bool {
        let (rings, domains) = (self.ring_count, self.domains.len());
        let widest: Vec<f64> = (0..domains)
            .map(|di| (0..rings).map(|k| need[k][di]).fold(0.0, f64::max))
            .collect();
        let total: f64 = widest.iter().sum();
        if total.is_nan() || total > 2.0 * PI {
            let mut blame = vec![0.0f64; rings];
            for di in 0..domains {
                let k = (0..rings)
                    .max_by(|a, b| need[*a][di].total_cmp(&need[*b][di]).then(b.cmp(a)))
                    .unwrap_or(0);
                blame[k] += if widest[di].is_finite() {
                    widest[di]
                } else {
                    1e9
                };
            }
            let k = (0..rings)
                .max_by(|a, b| blame[*a].total_cmp(&blame[*b]).then(b.cmp(a)))
                .unwrap_or(0);
            let amount = overflow_growth(self.radii[k], total);
            self.grow(k, amount);
            return true;
        }
        let all: Vec<usize> = (0..domains).filter(|di| widest[*di] > 0.0).collect();
        let count_total: Vec<usize> = self.count.iter().map(|c| c.iter().sum()).collect();
        let runs = share_circle(&all, &widest, total, &count_total, &self.direction);
        for ring_ranges in self.ranges.iter_mut() {
            ring_ranges.clone_from(&runs);
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
        }
        false
    }

    /// Even spacing inside each run, per ring.
    fn angles(&self) -> Vec<f64> {
        let mut angles = vec![0.0; self.cards.len()];
        let mut index_in_group = vec![vec![0usize; self.ring_count]; self.domains.len()];
        for (ci, c) in self.cards.iter().enumerate() {
            let di = self.domain_index(c.domain);
            let n = self.count[di][c.ring] as f64;
            let i = index_in_group[di][c.ring] as f64;
            index_in_group[di][c.ring] += 1;
            let (s, e) = self.ranges[c.ring][di];
            angles[ci] = s + (i + 0.5) * (e - s) / n;
        }
        angles
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

    /// The placement, once nothing touches.
    fn finish(self, angles: Vec<f64>, rects: &[Rect], track_sets: Vec<Vec<f64>>) -> Placement {
        let extent = rects
            .iter()
            .flat_map(|r| r.corners())
            .map(|(x, y)| libm::hypot(x, y))
            .fold(self.radii.last().copied().unwrap_or(0.0), f64::max);
        let sectors = if self.plan.shared {
            self.domains
                .iter()
                .enumerate()
                .map(|(di, d)| (None, *d, self.ranges[0][di].0, self.ranges[0][di].1))
                .collect()
        } else {
            (0..self.ring_count)
                .flat_map(|k| {
                    let (ranges, count) = (&self.ranges, &self.count);
                    self.domains
                        .iter()
                        .enumerate()
                        .filter(move |(di, _)| count[*di][k] > 0)
                        .map(move |(di, d)| (Some(k), *d, ranges[k][di].0, ranges[k][di].1))
                })
                .collect()
        };
        Placement {
            radii: self.radii,
            tracks: track_sets,
            sectors,
            angles,
            track_of: self.track_of,
            extent,
        }
    }
}

/// Tracks per ring: as an earlier layout had them, or one per
/// [`CARDS_PER_TRACK`] cards (at most [`MAX_TRACKS`]) when staggered.
fn track_counts(on_ring: &[usize], plan: Plan<'_>) -> Vec<usize> {
    on_ring
        .iter()
        .enumerate()
        .map(|(k, n)| {
            if let Some(t) = plan.anchor.and_then(|a| a.tracks[k].as_ref()) {
                return t.len().max(1);
            }
            if plan.staggered {
                n.div_ceil(CARDS_PER_TRACK).clamp(1, MAX_TRACKS)
            } else {
                1
            }
        })
        .collect()
}

/// Where each domain points: its centre in a partition of the circle by
/// member count, starting at `rotation`. Every ring centres its run of a
/// domain as close to that direction as the ring allows, so a domain reads
/// as one wedge even though each ring divides its own circle.
fn directions(count: &[Vec<usize>], cards: usize, rotation: f64) -> Vec<f64> {
    let total_members: f64 = cards.max(1) as f64;
    let sizes: Vec<f64> = count
        .iter()
        .map(|c| 2.0 * PI * c.iter().sum::<usize>() as f64 / total_members)
        .collect();
    let mut direction = vec![0.0f64; count.len()];
    let mut start = rotation - sizes.first().copied().unwrap_or(0.0) / 2.0;
    for (di, size) in sizes.iter().enumerate() {
        direction[di] = start + size / 2.0;
        start += size;
    }
    direction
}
