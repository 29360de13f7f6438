//! Dividing the circle: where each domain points, each ring's circle
//! shared among the domains it holds, and how many tracks a ring has.

use std::f64::consts::PI;

use super::Plan;
use crate::engine::{CARDS_PER_TRACK, MAX_TRACKS};

/// Divides the circle among the domains in `present` (in circle order): each
/// gets its need plus a share of the slack in proportion to it, and the
/// whole is turned so the runs sit closest to their domains' directions
/// (the circular mean of the offsets, weighted by `weights`). Domains not
/// present get an empty run where they would be, so the order stays visible.
pub(super) fn share_circle(
    present: &[usize],
    need: &[f64],
    total: f64,
    weights: &[usize],
    direction: &[f64],
) -> Vec<(f64, f64)> {
    let mut runs = vec![(0.0, 0.0); need.len()];
    if present.is_empty() {
        return runs;
    }
    let slack = 2.0 * PI - total;
    let mut cursor = 0.0;
    let mut centre = vec![0.0f64; need.len()];
    for &di in present {
        let size = need[di] + slack * need[di] / total.max(1e-12);
        runs[di] = (cursor, cursor + size);
        centre[di] = cursor + size / 2.0;
        cursor += size;
    }
    let (mut sx, mut cx) = (0.0, 0.0);
    for &di in present {
        let w = weights[di] as f64;
        let delta = direction[di] - centre[di];
        sx += w * libm::sin(delta);
        cx += w * libm::cos(delta);
    }
    let turn = if sx == 0.0 && cx == 0.0 {
        0.0
    } else {
        libm::atan2(sx, cx)
    };
    for &di in present {
        runs[di].0 += turn;
        runs[di].1 += turn;
    }
    let mut last = runs[present[0]].0;
    for (di, run) in runs.iter_mut().enumerate() {
        if present.contains(&di) {
            last = run.1;
        } else {
            *run = (last, last);
        }
    }
    runs
}

/// Where each domain points: its centre in a partition of the circle by
/// member count, starting at `rotation`. Every ring centres its run of a
/// domain as close to that direction as the ring allows, so a domain reads
/// as one wedge even though each ring divides its own circle.
pub(super) fn directions(count: &[Vec<usize>], cards: usize, rotation: f64) -> Vec<f64> {
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

/// Tracks per ring: as an earlier layout had them, or one per
/// [`CARDS_PER_TRACK`] cards (at most [`MAX_TRACKS`]) when staggered.
pub(super) fn track_counts(on_ring: &[usize], plan: Plan<'_>) -> Vec<usize> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_domain_gets_its_need_and_a_share_of_the_slack() {
        let need = [1.0, 0.0, 2.0];
        let runs = share_circle(&[0, 2], &need, 3.0, &[1, 0, 2], &[0.0, 0.0, 0.0]);
        let size = |r: (f64, f64)| r.1 - r.0;
        assert!((size(runs[0]) + size(runs[2]) - 2.0 * PI).abs() < 1e-9);
        assert!((size(runs[2]) / size(runs[0]) - 2.0).abs() < 1e-9);
        // A domain without cards keeps an empty run in its place.
        assert_eq!(size(runs[1]), 0.0);
        assert!((runs[1].0 - runs[0].1).abs() < 1e-9);
    }

    #[test]
    fn nothing_present_gives_empty_runs() {
        assert_eq!(
            share_circle(&[], &[0.0; 2], 0.0, &[0; 2], &[0.0; 2]),
            vec![(0.0, 0.0); 2]
        );
    }
}
