//! Where the cards go inside their runs: evenly spaced, a ring label's
//! room next to the card before it, and with an earlier layout each card
//! that was there at its old angle.

use std::f64::consts::PI;

use super::need::track_radii;
use super::{Placer, SLOT_STEPS, polar};
use crate::engine::anchor::Previous;
use crate::geometry::Rect;

impl Placer<'_> {
    /// Even spacing inside each run, per ring; with an earlier layout,
    /// members who were there keep their angles and the others are spread
    /// between them.
    pub(super) fn angles(&self) -> Vec<f64> {
        if let Some(a) = self.plan.anchor
            && !a.angles.is_empty()
        {
            return self.anchored_angles(a);
        }
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
        // Room kept for a ring's label comes right after the card before
        // it, so that the label stands next to its ring's cards however much
        // room the run has: the nearest place towards its even place where
        // it is clear of the ring's other cards.
        for ci in 1..self.cards.len() {
            let (c, before) = (&self.cards[ci], &self.cards[ci - 1]);
            if c.label_slot && before.ring == c.ring && before.domain == c.domain {
                angles[ci] = self.slot_angle(ci, &angles);
            }
        }
        angles
    }

    /// Where the label slot `ci` goes: the first angle from its predecessor
    /// towards its even place (searched in [`SLOT_STEPS`] steps) where it
    /// is clear of the other cards of its ring; the even place otherwise.
    fn slot_angle(&self, ci: usize, angles: &[f64]) -> f64 {
        let k = self.cards[ci].ring;
        let tracks = track_radii(self.radii[k], self.tracks[k], self.spacing[k]);
        let rect = |i: usize, a: f64| {
            let (x, y) = polar(a, tracks[self.track_of[i]]);
            Rect::centred(x, y, self.cards[i].width, self.cards[i].height)
        };
        let (from, to) = (angles[ci - 1], angles[ci]);
        (1..=SLOT_STEPS)
            .map(|t| from + (to - from) * t as f64 / SLOT_STEPS as f64)
            .find(|a| {
                let r = rect(ci, *a);
                (0..self.cards.len())
                    .filter(|j| *j != ci && self.cards[*j].ring == k)
                    .all(|j| !r.overlaps(&rect(j, angles[j]), self.o.gap))
            })
            .unwrap_or(to)
    }

    /// The angles with an earlier layout: per run, the cards that stood in
    /// it keep their angle (in the order they stood, whatever the order of
    /// the list now), the others are spread evenly between their neighbours.
    fn anchored_angles(&self, a: &Previous) -> Vec<f64> {
        let mut angles = vec![0.0; self.cards.len()];
        for k in 0..self.ring_count {
            for di in 0..self.domains.len() {
                let mut run: Vec<usize> = (0..self.cards.len())
                    .filter(|ci| {
                        let c = &self.cards[*ci];
                        c.ring == k && self.domain_index(c.domain) == di
                    })
                    .collect();
                if run.is_empty() {
                    continue;
                }
                let (s, e) = self.ranges[k][di];
                let fixed: Vec<Option<f64>> = run
                    .iter()
                    .map(|ci| {
                        let was = a.angles.get(&self.cards[*ci].member)?;
                        let at = s + (was - s).rem_euclid(2.0 * PI);
                        (at <= e).then_some(at)
                    })
                    .collect();
                let mut fixed = fixed;
                let known: Vec<f64> = fixed.iter().flatten().copied().collect();
                if !known.windows(2).all(|w| w[0] < w[1]) {
                    // Listed in another order than they stood (the list was
                    // reordered): they keep their places, in the order they
                    // stood; the new cards keep their places in the list.
                    let slots: Vec<usize> =
                        (0..run.len()).filter(|i| fixed[*i].is_some()).collect();
                    let mut stood: Vec<(f64, usize)> = slots
                        .iter()
                        .filter_map(|i| Some((fixed[*i]?, run[*i])))
                        .collect();
                    stood.sort_by(|x, y| x.0.total_cmp(&y.0));
                    if stood.windows(2).any(|w| w[0].0 >= w[1].0) {
                        // Two at one angle: nothing to keep.
                        fixed = vec![None; run.len()];
                    } else {
                        for (slot, (angle, ci)) in slots.iter().zip(stood) {
                            run[*slot] = ci;
                            fixed[*slot] = Some(angle);
                        }
                    }
                }
                for (ci, angle) in run.iter().zip(spread_between(&fixed, s, e)) {
                    angles[*ci] = angle;
                }
            }
        }
        angles
    }
}

/// The angles of a run's cards from `s` to `e`: a card with a fixed
/// angle keeps it; the others are spread evenly between their neighbours
/// (or the run's ends). Without fixed cards: even spacing.
fn spread_between(fixed: &[Option<f64>], s: f64, e: f64) -> Vec<f64> {
    let n = fixed.len();
    if fixed.iter().all(Option::is_none) {
        return (0..n)
            .map(|i| s + (i as f64 + 0.5) * (e - s) / n as f64)
            .collect();
    }
    let mut out = vec![0.0; n];
    let mut i = 0;
    while i < n {
        if let Some(a) = fixed[i] {
            out[i] = a;
            i += 1;
            continue;
        }
        let start = i;
        while i < n && fixed[i].is_none() {
            i += 1;
        }
        let m = (i - start) as f64;
        let left = start.checked_sub(1).and_then(|j| fixed[j]);
        let right = fixed.get(i).copied().flatten();
        for (j, slot) in out[start..i].iter_mut().enumerate() {
            let j = j as f64 + 1.0;
            *slot = match (left, right) {
                (Some(l), Some(r)) => l + (r - l) * j / (m + 1.0),
                (None, Some(r)) => s + (r - s) * (j - 0.5) / (m + 0.5),
                (Some(l), None) => l + (e - l) * j / (m + 0.5),
                (None, None) => s + (e - s) * (j - 0.5) / m,
            };
        }
    }
    out
}
