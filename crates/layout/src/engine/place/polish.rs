//! Tightening a placement once nothing touches: rings only ever move out
//! while conflicts are resolved (with the runs and angles of that moment),
//! so a ring can end further out than its band needs. Each ring turns to
//! where its cards reach least far in and out (a card at 12 o'clock
//! reaches half its height, at 3 o'clock half its width), and then moves in
//! as far as its band allows; the overlap check stays the judge.

use super::shape::reach_at;
use super::{Placer, band_room, polar, reach_of};
use crate::engine::far_inside;
use crate::geometry::Rect;

/// Steps of a ring's turn search, each way, within half its card spacing.
const TURN_STEPS: usize = 8;
/// Steps of the outermost ring's turn search, each way.
const OUTER_TURN_STEPS: usize = 12;
/// How often each ring may move in while the circle is polished.
pub(super) const POLISH_ROUNDS: u8 = 3;
/// How often each ring may turn while the circle is polished.
pub(super) const POLISH_TURNS: u8 = 2;
/// What a turn or a move must gain to be made, px.
const WORTH: f64 = 1.0;

impl Placer<'_> {
    /// One step of polishing: a ring turned or moved in. False when no
    /// ring gains from either.
    pub(super) fn polish(&mut self, angles: &[f64], track_sets: &[Vec<f64>]) -> bool {
        if self.plan.anchor.is_some() {
            return false;
        }
        for k in 0..self.ring_count {
            if self.turns_to_try[k] == 0 {
                continue;
            }
            match self.thinnest_turn(k, angles, track_sets) {
                Some(delta) => {
                    self.turns_to_try[k] -= 1;
                    self.turn[k] += delta;
                    return true;
                }
                // No turn gains: none is searched for this ring again.
                None => self.turns_to_try[k] = 0,
            }
        }
        let rects = self.rects(angles, track_sets);
        let reach = self.reaches(&rects);
        let room = band_room(self.o);
        for k in 0..self.ring_count {
            if self.polish_left[k] == 0 || !self.cards.iter().any(|c| c.ring == k) {
                continue;
            }
            let floor = match k {
                0 => self.school_edge(),
                _ => far_inside(&reach, k) + room,
            };
            // As far in as the band allows, but no closer to the ring inside
            // than the tracks' own rule (`grow`) keeps it.
            let least = match k {
                0 => 0.0,
                _ => {
                    self.radii[k - 1] + self.half_band(k - 1) + self.half_band(k) + self.band_gap(k)
                }
            };
            let slack = (reach[k].0 - floor).min(self.radii[k] - least);
            if slack > WORTH {
                self.polish_left[k] -= 1;
                self.radii[k] -= slack;
                return true;
            }
        }
        false
    }

    /// The turn of ring `k` (within half its card spacing) after which its
    /// cards span the thinnest band, when that gains more than [`WORTH`]
    /// and nothing touches.
    fn thinnest_turn(&self, k: usize, angles: &[f64], track_sets: &[Vec<f64>]) -> Option<f64> {
        // How thick the band would be with each card in the shape that
        // reaches least far at its turned angle (the shapes follow the
        // angles once the plan is placed; see `place`).
        let thickness = |on_ring: &[usize], delta: f64| {
            let (near, far) = on_ring
                .iter()
                .map(|i| {
                    let c = &self.cards[*i];
                    let a = angles[*i] + delta;
                    let (sin, cos) = (libm::sin(a), libm::cos(a));
                    let r = track_sets[k][self.track_of[*i]];
                    let reach = |w: f64, h: f64| reach_at(sin, cos, w, h);
                    let (w, h) = c
                        .shapes
                        .iter()
                        .map(|s| (s.width, s.height))
                        .min_by(|p, q| reach(p.0, p.1).total_cmp(&reach(q.0, q.1)))
                        .unwrap_or((c.width, c.height));
                    reach_of(&Rect::centred(r * sin, -r * cos, w, h))
                })
                .fold((f64::INFINITY, 0.0f64), |(n, f), (a, b)| {
                    (n.min(a), f.max(b))
                });
            far - near
        };
        self.best_turn(k, angles, track_sets, TURN_STEPS, thickness)
    }

    /// The turn of the outermost ring (within half its card spacing) that
    /// brings its cards' farthest corner closest to the centre: a card at 3
    /// o'clock reaches half its width outwards, at 12 o'clock only half its
    /// height. `None` when no turn gains more than [`WORTH`].
    pub(super) fn outer_turn(&self, angles: &[f64], track_sets: &[Vec<f64>]) -> Option<f64> {
        if self.plan.anchor.is_some() || self.ring_count == 0 {
            return None;
        }
        let k = self.ring_count - 1;
        let far = |on_ring: &[usize], delta: f64| {
            on_ring
                .iter()
                .map(|i| {
                    let c = &self.cards[*i];
                    let (x, y) = polar(angles[*i] + delta, track_sets[k][self.track_of[*i]]);
                    reach_of(&Rect::centred(x, y, c.width, c.height)).1
                })
                .fold(0.0, f64::max)
        };
        self.best_turn(k, angles, track_sets, OUTER_TURN_STEPS, far)
    }

    /// The turn of ring `k`, in `steps` steps each way up to half its card
    /// spacing, that makes `measure` (of the ring's cards, turned by a
    /// delta) smallest by more than [`WORTH`] while no card touches the
    /// school or a card of another ring and the ring stays clear of the
    /// bands around it; of equals the smaller turn.
    fn best_turn(
        &self,
        k: usize,
        angles: &[f64],
        track_sets: &[Vec<f64>],
        steps: usize,
        measure: impl Fn(&[usize], f64) -> f64,
    ) -> Option<f64> {
        let on_ring: Vec<usize> = (0..self.cards.len())
            .filter(|i| self.cards[*i].ring == k)
            .collect();
        if on_ring.is_empty() {
            return None;
        }
        let rects = self.rects(angles, track_sets);
        let turned = |delta: f64| -> Vec<Rect> {
            on_ring
                .iter()
                .map(|i| {
                    let c = &self.cards[*i];
                    let (x, y) = polar(angles[*i] + delta, track_sets[k][self.track_of[*i]]);
                    Rect::centred(x, y, c.width, c.height)
                })
                .collect()
        };
        let gap = self.o.gap;
        let others: Vec<&Rect> = rects
            .iter()
            .zip(self.cards)
            .filter(|(_, c)| c.ring != k)
            .map(|(r, _)| r)
            .collect();
        let reach = self.reaches(&rects);
        let clear = |delta: f64| {
            let turned = turned(delta);
            self.within_band(k, &turned, &reach)
                && turned.iter().all(|r| {
                    r.distance_to(0.0, 0.0) >= self.school_edge()
                        && others.iter().all(|o| !r.overlaps(o, gap))
                })
        };
        let half_spacing = std::f64::consts::PI / on_ring.len() as f64;
        let now = measure(&on_ring, 0.0);
        // The smallest first (the smaller turn first among equals), and of
        // those the first after which nothing touches.
        let mut gains: Vec<(f64, f64)> = (1..=steps)
            .flat_map(|j| [1.0, -1.0].map(|sign| sign * half_spacing * j as f64 / steps as f64))
            .map(|delta| (measure(&on_ring, delta), delta))
            .filter(|(m, _)| *m < now - WORTH)
            .collect();
        gains.sort_by(|a, b| a.0.total_cmp(&b.0));
        gains
            .into_iter()
            .find(|(_, delta)| clear(*delta))
            .map(|(_, delta)| delta)
    }
}
