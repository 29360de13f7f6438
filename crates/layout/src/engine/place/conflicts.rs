//! The judge of a placement: cards that touch each other or the school,
//! and how far a ring must move for them to part.

use super::{Placer, polar};
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
}

impl Placer<'_> {
    /// Cards too close to the school, and cards that overlap: widen a
    /// ring's tracks (two tracks of one ring), or push a ring out.
    pub(super) fn conflicts(&self, rects: &[Rect]) -> Conflicts {
        let o = self.o;
        let mut found = Conflicts::default();
        let min = |slot: &mut Option<usize>, k: usize| *slot = Some(slot.map_or(k, |p| p.min(k)));
        for (i, r) in rects.iter().enumerate() {
            let ri = self.cards[i].ring;
            if r.distance_to(0.0, 0.0) < self.centre_radius + o.gap {
                min(&mut found.push, ri);
                found.pushes.push((ri, i, i));
            }
            for (j, q) in rects.iter().enumerate().skip(i + 1) {
                if r.overlaps(q, o.gap) {
                    let rj = self.cards[j].ring;
                    if ri == rj
                        && self.track_of[i] != self.track_of[j]
                        && self.spacing[ri] < self.diagonal(ri)
                    {
                        min(&mut found.widen, ri);
                    } else {
                        let k = ri.max(rj);
                        min(&mut found.push, k);
                        found.pushes.push((k, i, j));
                    }
                }
            }
        }
        found
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
                moved(i, d).distance_to(0.0, 0.0) >= self.centre_radius + o.gap
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
        amount
    }
}
