//! Tie lines: from the school's disc to each card, in the ecomap notation.

use cirkel_core::{Kernteam, Tie};

use super::Scene;
use super::grid::exit_point;
use crate::geometry::{Path, TieLine};

/// A tie from the school's disc to a card's border.
pub(crate) fn tie_lines(k: &Kernteam, scene: &Scene) -> Vec<TieLine> {
    k.members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let r = scene.cards[i];
            let c = (r.x + r.width / 2.0, r.y + r.height / 2.0);
            let (dx, dy) = (c.0 - scene.cx, c.1 - scene.cy);
            let dist = crate::geometry::hypot(dx, dy).max(1e-9);
            let (ux, uy) = (dx / dist, dy / dist);
            let start = (
                scene.cx + ux * scene.centre_radius,
                scene.cy + uy * scene.centre_radius,
            );
            let end = exit_point(&r, c, start);
            let path = if m.tie == Tie::Stressful {
                zigzag(start, end)
            } else {
                Path::line(start, end)
            };
            TieLine {
                member: m.id.clone(),
                tie: m.tie,
                path,
            }
        })
        .collect()
}

/// A zigzag line from `a` to `b` (the ecomap's "stressful" tie).
pub(crate) fn zigzag(a: (f64, f64), b: (f64, f64)) -> Path {
    const WAVE: f64 = 14.0;
    const AMPLITUDE: f64 = 6.0;
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = crate::geometry::hypot(dx, dy);
    let mut d = Path::new();
    d.move_to(a.0, a.1);
    if len < 1e-6 {
        return d;
    }
    let (ux, uy) = (dx / len, dy / len);
    let teeth = ((len / (WAVE / 2.0)).floor() as usize).max(2);
    let step = len / teeth as f64;
    for i in 1..teeth {
        let s = step * i as f64;
        let side = if i % 2 == 1 { AMPLITUDE } else { -AMPLITUDE };
        let p = (a.0 + ux * s - uy * side, a.1 + uy * s + ux * side);
        d.line_to(p.0, p.1);
    }
    d.line_to(b.0, b.1);
    d
}
