//! How much of the circle cards need: the chord two neighbours need at an
//! angle, and the angle a domain's run of cards needs on a ring.

use std::f64::consts::PI;

/// The chord two cards on one ring need between their centres when the
/// chord's midpoint lies at an angle with |sin| `s` and |cos| `c`: the chord
/// runs along the tangent (cos, sin), and two boxes are apart when they are
/// apart horizontally *or* vertically. At 12 o'clock that is the card width,
/// at 3 o'clock only the card height.
pub(super) fn chord_needed(s: f64, c: f64, w: f64, h: f64) -> f64 {
    let horizontal = if c > 1e-9 { w / c } else { f64::INFINITY };
    let vertical = if s > 1e-9 { h / s } else { f64::INFINITY };
    horizontal.min(vertical)
}

/// The tangential distance two cards on neighbouring tracks (radii `delta`
/// apart) need at an angle with |sin| `s` and |cos| `c` so that they are
/// apart horizontally or vertically, whichever of the two is inner. Along
/// the radius they are already `delta` apart, which at 12 o'clock is
/// vertical (enough when `delta >= h`) and at 3 o'clock horizontal (rarely
/// enough: cards are wider than tall).
pub(super) fn cross_track_needed(s: f64, c: f64, w: f64, h: f64, delta: f64) -> f64 {
    // Smallest t >= 0 with |a + t*b| >= limit, where the radial part a may
    // help (a >= 0) or oppose (a < 0) the tangential part.
    let solve = |a: f64, b: f64, limit: f64| -> f64 {
        if a.abs() >= limit {
            0.0
        } else if b <= 1e-9 {
            f64::INFINITY
        } else {
            // a + t*b grows from a: it reaches +limit (never -limit).
            (limit - a) / b
        }
    };
    let helps = solve(delta * s, c, w).min(solve(-delta * c, s, h).min(solve(delta * c, s, h)));
    let opposes = solve(-delta * s, c, w).min(solve(delta * c, s, h).min(solve(-delta * c, s, h)));
    helps.max(opposes).max(0.0)
}

/// How far to move a ring out when its runs need `total` radians: a need
/// falls roughly as 1/radius, so most of the way to `radius * total / 2π`
/// (a little short of it, since the need falls faster than 1/radius at small
/// radii), and at least 1% or 4 px.
pub(super) fn overflow_growth(radius: f64, total: f64) -> f64 {
    let ratio = if total.is_finite() {
        total / (2.0 * PI)
    } else {
        2.0
    };
    let factor = (1.0 + (ratio - 1.0) * 0.8).clamp(1.01, 2.0);
    (radius * (factor - 1.0)).max(4.0)
}

/// Track radii of a ring: centred on the ring radius, `spacing` apart.
pub(super) fn track_radii(radius: f64, tracks: usize, spacing: f64) -> Vec<f64> {
    (0..tracks)
        .map(|t| radius + (t as f64 - (tracks as f64 - 1.0) / 2.0) * spacing)
        .collect()
}

/// One domain's run of cards on one ring, as [`run_need`] sees it.
pub(super) struct Run {
    /// Cards in the run.
    pub cards: usize,
    /// The run's angles now (radians, start and end).
    pub range: (f64, f64),
    /// Radius of the ring's innermost track (the tightest).
    pub inner: f64,
    /// Tracks of the ring.
    pub tracks: usize,
    /// Radial distance between the ring's tracks.
    pub spacing: f64,
    /// What one card occupies with its gap: width and height.
    pub card: (f64, f64),
}

/// The angle a run needs: one slot per card, divided by the ring's tracks.
/// A slot is the angle whose chord is what two neighbouring cards need
/// where they meet (between the run's cards, and at its edges).
pub(super) fn run_need(run: &Run) -> f64 {
    let n = run.cards;
    if n == 0 {
        return 0.0;
    }
    let (s, e) = run.range;
    let step = (e - s) / n as f64;
    let (w, h) = run.card;
    let inner = run.inner;
    let angle_for = |chord: f64| {
        if chord >= 2.0 * inner {
            f64::INFINITY
        } else {
            2.0 * libm::asin(chord / (2.0 * inner))
        }
    };
    // Where neighbours meet: the run's ends and the n - 1 points between
    // cards. Their sines and cosines by rotation, two libm calls per run
    // instead of two per point (this is the layout's innermost loop).
    let (sin_step, cos_step) = (libm::sin(step), libm::cos(step));
    let (mut sin_m, mut cos_m) = (libm::sin(s), libm::cos(s));
    // One track: neighbours need the chord. Several tracks: cards of one
    // track are `t` steps apart, and neighbours (on other tracks) need the
    // cross-track distance. `asin` is monotone: take the largest chord first.
    let t = run.tracks.min(n).max(1);
    let mut same = h;
    let mut cross = 0.0f64;
    for _ in 0..=n {
        let (sa, ca) = (sin_m.abs(), cos_m.abs());
        same = same.max(chord_needed(sa, ca, w, h));
        if t > 1 {
            cross = cross.max(cross_track_needed(sa, ca, w, h, run.spacing));
        }
        (sin_m, cos_m) = (
            sin_m * cos_step + cos_m * sin_step,
            cos_m * cos_step - sin_m * sin_step,
        );
    }
    let mut step = angle_for(same) / t as f64;
    if t > 1 {
        step = step.max(angle_for(cross));
    }
    n as f64 * step
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chord_is_the_width_at_the_top_and_the_height_at_the_side() {
        assert_eq!(chord_needed(0.0, 1.0, 290.0, 150.0), 290.0);
        assert_eq!(chord_needed(1.0, 0.0, 290.0, 150.0), 150.0);
        // At 45° the smaller of w/cos and h/sin.
        let r = std::f64::consts::FRAC_1_SQRT_2;
        assert!((chord_needed(r, r, 290.0, 150.0) - 150.0 / r).abs() < 1e-9);
    }

    #[test]
    fn cross_track_need_is_zero_when_the_tracks_are_apart_already() {
        // At 12 o'clock tracks a card height apart need no tangential room.
        assert_eq!(cross_track_needed(0.0, 1.0, 290.0, 150.0, 160.0), 0.0);
        // At 3 o'clock they do: the radius runs horizontally.
        assert!(cross_track_needed(1.0, 0.0, 290.0, 150.0, 160.0) > 0.0);
    }

    #[test]
    fn growth_is_at_least_four_px_and_below_double() {
        assert_eq!(overflow_growth(100.0, 0.1), 4.0);
        assert_eq!(overflow_growth(1000.0, f64::INFINITY), 800.0);
        assert!(overflow_growth(1000.0, 4.0 * PI) <= 1000.0);
    }

    #[test]
    fn tracks_are_centred_on_the_ring() {
        assert_eq!(track_radii(500.0, 1, 100.0), vec![500.0]);
        assert_eq!(track_radii(500.0, 3, 100.0), vec![400.0, 500.0, 600.0]);
    }

    #[test]
    fn a_run_needs_more_with_more_cards_and_less_further_out() {
        let run = |cards, inner| Run {
            cards,
            range: (0.0, 0.5),
            inner,
            tracks: 1,
            spacing: 0.0,
            card: (290.0, 160.0),
        };
        assert_eq!(run_need(&run(0, 500.0)), 0.0);
        assert!(run_need(&run(2, 500.0)) > run_need(&run(1, 500.0)));
        assert!(run_need(&run(2, 900.0)) < run_need(&run(2, 500.0)));
        // A card wider than the circle cannot fit at all.
        assert!(run_need(&run(1, 100.0)).is_infinite());
    }
}
