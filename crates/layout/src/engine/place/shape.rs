//! Choosing each card's shape for its angle, so that its ring's band stays
//! thin: at 12 and 6 o'clock a card's height is its radial size, at 3 and
//! 9 o'clock its width, in between a mix of both.

use crate::engine::cards::Card;

/// How far a `width` × `height` card centred at `angle` (radians clockwise
/// from 12 o'clock) reaches inwards and outwards from its radius.
pub(super) fn radial_reach(angle: f64, width: f64, height: f64) -> f64 {
    reach_at(libm::sin(angle), libm::cos(angle), width, height)
}

/// [`radial_reach`] at an angle given by its sine and cosine.
pub(super) fn reach_at(sin: f64, cos: f64, width: f64, height: f64) -> f64 {
    (width * sin.abs() + height * cos.abs()) / 2.0
}

/// Per card, the shape it should take at its angle: each ring is as thick
/// as its thickest card needs, so the ring's card that reaches farthest
/// even in its best shape sets the ring's reach; every card takes, of the
/// shapes within that reach, the one closest in width to its own (the
/// first, usually), so cards change only where it makes the band thinner.
pub(super) fn choose(cards: &[Card], angles: &[f64], ring_count: usize) -> Vec<usize> {
    let reaches = |c: &Card, a: f64| -> Vec<f64> {
        if c.shapes.is_empty() {
            vec![radial_reach(a, c.width, c.height)]
        } else {
            c.shapes
                .iter()
                .map(|s| radial_reach(a, s.width, s.height))
                .collect()
        }
    };
    let all: Vec<Vec<f64>> = cards
        .iter()
        .zip(angles)
        .map(|(c, a)| reaches(c, *a))
        .collect();
    let mut ring_reach = vec![0.0f64; ring_count];
    for (c, r) in cards.iter().zip(&all) {
        let best = r.iter().copied().fold(f64::INFINITY, f64::min);
        ring_reach[c.ring] = ring_reach[c.ring].max(best);
    }
    cards
        .iter()
        .zip(&all)
        .map(|(c, r)| {
            let Some(own) = c.shapes.first().map(|s| s.width) else {
                return 0;
            };
            let limit = ring_reach[c.ring] + 0.5;
            r.iter()
                .enumerate()
                .filter(|(_, r)| **r <= limit)
                .min_by(|(i, _), (j, _)| {
                    let d = |k: usize| libm::log(c.shapes[k].width / own).abs();
                    d(*i).total_cmp(&d(*j)).then(i.cmp(j))
                })
                .map_or(0, |(i, _)| i)
        })
        .collect()
}

/// The shape of `c` whose width is nearest to `width` (the first of equals).
pub(super) fn nearest(c: &Card, width: f64) -> usize {
    c.shapes
        .iter()
        .enumerate()
        .min_by(|(i, a), (j, b)| {
            (a.width - width)
                .abs()
                .total_cmp(&(b.width - width).abs())
                .then(i.cmp(j))
        })
        .map_or(0, |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::f64::consts::FRAC_PI_2;

    #[test]
    fn reach_is_the_height_at_the_top_and_the_width_at_the_side() {
        assert!((radial_reach(0.0, 272.0, 90.0) - 45.0).abs() < 1e-9);
        assert!((radial_reach(FRAC_PI_2, 272.0, 90.0) - 136.0).abs() < 1e-9);
        assert!((radial_reach(3.0 * FRAC_PI_2, 272.0, 90.0) - 136.0).abs() < 1e-9);
    }
}
