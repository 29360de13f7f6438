//! Dividing the circle among the domains of a ring (or of all rings).

use std::f64::consts::PI;

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
