//! The judge of a placement: cards of one ring that touch each other or
//! the school, rings whose cards come closer than [`band_room`] to the
//! rings inside (quality bar 7: every card wholly in its own ring's band;
//! then no two cards of different rings can touch), and how far a ring
//! must move for them to part.

use super::{Placer, band_room, polar, reach_of};
use crate::engine::far_inside;
use crate::geometry::Rect;

/// What the overlap check found.
#[derive(Default)]
pub(super) struct Conflicts {
    /// The innermost ring that must move out.
    pub push: Option<usize>,
    /// The innermost ring whose tracks must move apart.
    pub widen: Option<usize>,
    /// What pushes each ring: a card too close to the school (i, i) or two
    /// cards that overlap (i, j), with the ring that must move.
    pub pushes: Vec<(usize, usize, usize)>,
    /// Rings whose nearest card is closer than [`band_room`] to the
    /// farthest of the rings inside, and by how much.
    pub bands: Vec<(usize, f64)>,
}

impl Placer<'_> {
    /// Cards too close to the school, cards of one ring that overlap
    /// (widen the ring's tracks where they are on two tracks, else push the
    /// ring out), and rings too close to the rings inside (push the ring
    /// out). Cards are in ring order, so each ring's cards are compared
    /// among themselves only.
    pub(super) fn conflicts(&self, rects: &[Rect]) -> Conflicts {
        let o = self.o;
        let mut found = Conflicts::default();
        let min = |slot: &mut Option<usize>, k: usize| *slot = Some(slot.map_or(k, |p| p.min(k)));
        for (i, r) in rects.iter().enumerate() {
            let ri = self.cards[i].ring;
            if r.distance_to(0.0, 0.0) < self.school_edge() {
                min(&mut found.push, ri);
                found.pushes.push((ri, i, i));
            }
            for (j, q) in rects.iter().enumerate().skip(i + 1) {
                if self.cards[j].ring != ri {
                    break;
                }
                if r.overlaps(q, o.gap) {
                    if self.track_of[i] != self.track_of[j] && self.spacing[ri] < self.diagonal(ri)
                    {
                        min(&mut found.widen, ri);
                    } else {
                        min(&mut found.push, ri);
                        found.pushes.push((ri, i, j));
                    }
                }
            }
        }
        let reach = self.reaches(rects);
        let room = band_room(o);
        // A first ring without cards: its label's room clear of the school.
        if let Some(first) = reach.first()
            && self.school_edge() - first.0 > 1e-6
        {
            min(&mut found.push, 0);
            found.bands.push((0, self.school_edge() - first.0));
        }
        for k in 1..self.ring_count {
            let short = far_inside(&reach, k) + room - reach[k].0;
            if short > 1e-6 {
                min(&mut found.push, k);
                found.bands.push((k, short));
            }
        }
        found
    }

    /// True when the cards of ring `k`, at `rects`, keep [`band_room`] from
    /// the rings inside and outside it as they are in `reach`.
    pub(super) fn within_band(&self, k: usize, rects: &[Rect], reach: &[(f64, f64)]) -> bool {
        let room = band_room(self.o);
        let inside = far_inside(reach, k);
        let outside = reach[k + 1..]
            .iter()
            .map(|r| r.0)
            .fold(f64::INFINITY, f64::min);
        rects.iter().all(|r| {
            let (near, far) = reach_of(r);
            (k == 0 || near >= inside + room) && far + room <= outside
        })
    }

    /// How far ring `k` must move out for its worst conflict to end with
    /// the angles as they are (found by bisection, not in small steps: the
    /// runs are recomputed next round anyway).
    pub(super) fn push_amount(
        &self,
        k: usize,
        pushes: &[(usize, usize, usize)],
        angles: &[f64],
        track_sets: &[Vec<f64>],
    ) -> f64 {
        let o = self.o;
        let moved = |i: usize, d: f64| {
            let c = &self.cards[i];
            let radius = track_sets[c.ring][self.track_of[i]] + if c.ring == k { d } else { 0.0 };
            let (x, y) = polar(angles[i], radius);
            Rect::centred(x, y, c.width, c.height)
        };
        let apart = |i: usize, j: usize, d: f64| {
            if i == j {
                moved(i, d).distance_to(0.0, 0.0) >= self.school_edge()
            } else {
                !moved(i, d).overlaps(&moved(j, d), o.gap)
            }
        };
        let mut amount = 0.0f64;
        for &(ring, i, j) in pushes {
            if ring != k {
                continue;
            }
            let mut hi = (self.radii[k] * 0.01).max(3.0);
            while !apart(i, j, hi) && hi < 4.0 * self.radii[k].max(100.0) {
                hi *= 2.0;
            }
            let mut lo = 0.0;
            for _ in 0..24 {
                let mid = (lo + hi) / 2.0;
                if apart(i, j, mid) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            amount = amount.max(hi);
        }
        // A conflict that moving the ring cannot end (it would need more
        // than the ring's own radius again) moves it no further than that:
        // the loop then ends with an error instead of running away.
        amount.min(self.radii[k].max(100.0))
    }
}
