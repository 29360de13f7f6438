//! Drawing a leg: rays as lines, arcs as cubic Béziers, rounded corners,
//! and the arrowhead at the end.

use std::f64::consts::PI;

use super::vertices::{Vertex, free_vertex, point_of, same, signed_delta};
use super::{ARROW_HALF_WIDTH, ARROW_LENGTH, FILLET, Scene};
use crate::geometry::{Arrow, Path, round2, round4};

/// Draws a leg: rays as lines, arcs as cubic Béziers, corners rounded;
/// the line stops short of the arrowhead's tip.
pub(super) fn draw_leg(scene: &Scene, v: &[Vertex]) -> (Path, Arrow) {
    let mut d = Path::new();
    let pt = |v: Vertex| point_of(scene, v);
    // Segments between consecutive vertices: arc when the radius is the same.
    let is_arc = |a: Vertex, b: Vertex| (a.r - b.r).abs() < 1e-6 && !same(a.a, b.a);
    let seg_len = |a: Vertex, b: Vertex| {
        if is_arc(a, b) {
            a.r * signed_delta(a.a, b.a).abs()
        } else {
            let (p, q) = (pt(a), pt(b));
            crate::geometry::hypot(q.0 - p.0, q.1 - p.1)
        }
    };
    // Point at distance `s` from `a` towards `b` along the segment.
    let along = |a: Vertex, b: Vertex, s: f64| -> Vertex {
        let len = seg_len(a, b).max(1e-9);
        let t = (s / len).clamp(0.0, 1.0);
        if is_arc(a, b) {
            Vertex {
                r: a.r,
                a: a.a + signed_delta(a.a, b.a) * t,
            }
        } else {
            let (p, q) = (pt(a), pt(b));
            free_vertex(scene, (p.0 + (q.0 - p.0) * t, p.1 + (q.1 - p.1) * t))
        }
    };
    let n = v.len();
    // The end: arrow tip at the last vertex; the line stops a little before.
    let (tip, before) = (v[n - 1], v[n - 2]);
    let last_len = seg_len(before, tip);
    let direction = if is_arc(before, tip) {
        // Tangent of the arc at its end.
        let delta = signed_delta(before.a, tip.a);
        let sign = if delta >= 0.0 { 1.0 } else { -1.0 };
        let (c, s) = (libm::cos(tip.a), libm::sin(tip.a));
        libm::atan2(sign * s, sign * c)
    } else {
        let (p, q) = (pt(before), pt(tip));
        libm::atan2(q.1 - p.1, q.0 - p.0)
    };
    let tip_point = pt(tip);
    let arrow = Arrow {
        x: round2(tip_point.0),
        y: round2(tip_point.1),
        direction_deg: round4(direction.to_degrees().rem_euclid(360.0)),
        length: ARROW_LENGTH,
        half_width: ARROW_HALF_WIDTH,
    };
    let mut ends: Vec<Vertex> = v.to_vec();
    if last_len > ARROW_LENGTH * 0.6 {
        ends[n - 1] = along(tip, before, ARROW_LENGTH * 0.6);
    }
    // Corners: cut each segment by up to FILLET at both ends.
    let mut cuts = vec![(0.0f64, 0.0f64); n - 1];
    for i in 1..n - 1 {
        let f = FILLET
            .min(seg_len(ends[i - 1], ends[i]) / 2.0)
            .min(seg_len(ends[i], ends[i + 1]) / 2.0);
        cuts[i - 1].1 = f;
        cuts[i].0 = f;
    }
    let start = pt(ends[0]);
    d.move_to(start.0, start.1);
    for i in 0..n - 1 {
        let (a, b) = (ends[i], ends[i + 1]);
        let len = seg_len(a, b);
        let s = along(a, b, cuts[i].0);
        let e = along(a, b, len - cuts[i].1);
        if is_arc(a, b) {
            arc_to(&mut d, scene, s, e);
        } else {
            let p = pt(e);
            d.line_to(p.0, p.1);
        }
        if i + 1 < n - 1 && cuts[i].1 > 0.0 {
            let c = pt(b);
            let next = along(b, ends[i + 2], cuts[i + 1].0);
            let q = pt(next);
            d.quad_to(c, q);
        }
    }
    (d, arrow)
}

/// An arc around the centre from `s` to `e` (same radius) as cubic Béziers
/// of at most 45° each.
fn arc_to(d: &mut Path, scene: &Scene, s: Vertex, e: Vertex) {
    let total = signed_delta(s.a, e.a);
    let pieces = ((total.abs() / (PI / 4.0)).ceil() as usize).max(1);
    let step = total / pieces as f64;
    let k = 4.0 / 3.0 * libm::tan(step / 4.0) * s.r;
    for i in 0..pieces {
        let a0 = s.a + step * i as f64;
        let a1 = a0 + step;
        let p0 = point_of(scene, Vertex { r: s.r, a: a0 });
        let p1 = point_of(scene, Vertex { r: s.r, a: a1 });
        // Tangent (clockwise) of angle a: (cos a, sin a).
        let c1 = (p0.0 + k * libm::cos(a0), p0.1 + k * libm::sin(a0));
        let c2 = (p1.0 - k * libm::cos(a1), p1.1 - k * libm::sin(a1));
        d.cubic_to(c1, c2, p1);
    }
}
