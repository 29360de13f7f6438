//! Grid paths as polar polylines: from the border of the card (or disc) a
//! leg starts at to the border of the card it leads to, with the points in
//! the middle of straight rays and arcs dropped.

use std::f64::consts::{PI, TAU};

use super::grid::{Grid, exit_point, inside};
use super::{End, Scene};

/// A polyline along grid circles and rays; each vertex knows its radius and
/// angle so that arcs can be drawn as arcs.
#[derive(Clone, Copy, Debug)]
pub(super) struct Vertex {
    /// Radius, from the circle's centre.
    pub r: f64,
    /// Angle, radians clockwise from 12 o'clock.
    pub a: f64,
}

/// Turns a grid path into polar vertices from border to border.
pub(super) fn leg_vertices(
    grid: &Grid,
    scene: &Scene,
    nodes: &[usize],
    from: End,
    to: usize,
) -> Option<Vec<Vertex>> {
    let na = grid.angles.len();
    let polar_of = |n: usize| Vertex {
        r: grid.radii[n / na],
        a: grid.angles[n % na],
    };
    let target = scene.cards[to];
    // First node outside the start card; last node before the target card.
    let start_index = match from {
        End::School => 0,
        End::Card(c) => {
            let rect = scene.cards[c];
            nodes
                .iter()
                .rposition(|n| inside(&rect, grid.point(*n)))
                .map_or(0, |i| i + 1)
        }
    };
    let end_index = nodes.iter().position(|n| inside(&target, grid.point(*n)))?;
    if end_index == 0 || end_index < start_index {
        return None;
    }
    let mut v: Vec<Vertex> = Vec::new();
    match from {
        End::School => {
            let first = polar_of(nodes[0]);
            v.push(Vertex {
                r: scene.centre_radius,
                a: first.a,
            });
        }
        End::Card(c) => {
            if start_index == 0 {
                return None;
            }
            let rect = scene.cards[c];
            let p = grid.point(nodes[start_index - 1]);
            let q = grid.point(nodes[start_index]);
            let e = exit_point(&rect, p, q);
            v.push(to_polar(scene, e, polar_of(nodes[start_index])));
        }
    }
    for n in &nodes[start_index..end_index] {
        v.push(polar_of(*n));
    }
    let p = grid.point(nodes[end_index]);
    let q = grid.point(nodes[end_index - 1]);
    let e = exit_point(&target, p, q);
    v.push(to_polar(scene, e, polar_of(nodes[end_index - 1])));
    Some(simplify(v))
}

/// A point as a vertex; when it lies on the same circle as `near`, it keeps
/// that circle's radius exactly (so the arc stays an arc).
fn to_polar(scene: &Scene, p: (f64, f64), near: Vertex) -> Vertex {
    let (dx, dy) = (p.0 - scene.cx, p.1 - scene.cy);
    let r = crate::geometry::hypot(dx, dy);
    let a = libm::atan2(dx, -dy).rem_euclid(TAU);
    if (r - near.r).abs() < 1.0 {
        Vertex { r: near.r, a }
    } else {
        Vertex { r, a: near.a }
    }
}

/// Drops the vertices in the middle of straight rays and arcs.
fn simplify(v: Vec<Vertex>) -> Vec<Vertex> {
    let mut out: Vec<Vertex> = Vec::with_capacity(v.len());
    for p in v {
        if out.len() >= 2 {
            let a = out[out.len() - 2];
            let b = out[out.len() - 1];
            let ray = same(a.a, b.a) && same(b.a, p.a);
            // Arcs merge only while they turn one way and stay well below a
            // half circle, so the drawing goes round the same side as the path.
            let (d1, d2) = (signed_delta(a.a, b.a), signed_delta(b.a, p.a));
            let arc = (a.r - b.r).abs() < 1e-6
                && (b.r - p.r).abs() < 1e-6
                && d1 * d2 >= 0.0
                && d1.abs() + d2.abs() < PI / 2.0;
            if ray || arc {
                out.pop();
            }
        }
        if out
            .last()
            .is_none_or(|l| !(same(l.a, p.a) && (l.r - p.r).abs() < 1e-6))
        {
            out.push(p);
        }
    }
    out
}

pub(super) fn same(a: f64, b: f64) -> bool {
    let d = (a - b).rem_euclid(TAU);
    d < 1e-9 || TAU - d < 1e-9
}

/// When no way around exists, a straight line between the two borders.
pub(super) fn direct_vertices(scene: &Scene, from: End, to: usize) -> Vec<Vertex> {
    let t = scene.cards[to];
    let tc = (t.x + t.width / 2.0, t.y + t.height / 2.0);
    let start = match from {
        End::School => {
            let (dx, dy) = (tc.0 - scene.cx, tc.1 - scene.cy);
            let d = crate::geometry::hypot(dx, dy).max(1e-9);
            (
                scene.cx + dx / d * scene.centre_radius,
                scene.cy + dy / d * scene.centre_radius,
            )
        }
        End::Card(c) => {
            let s = scene.cards[c];
            exit_point(&s, (s.x + s.width / 2.0, s.y + s.height / 2.0), tc)
        }
    };
    let end = exit_point(&t, tc, start);
    vec![free_vertex(scene, start), free_vertex(scene, end)]
}

pub(super) fn free_vertex(scene: &Scene, p: (f64, f64)) -> Vertex {
    let (dx, dy) = (p.0 - scene.cx, p.1 - scene.cy);
    Vertex {
        r: crate::geometry::hypot(dx, dy),
        a: libm::atan2(dx, -dy).rem_euclid(TAU),
    }
}

pub(super) fn point_of(scene: &Scene, v: Vertex) -> (f64, f64) {
    (
        scene.cx + v.r * libm::sin(v.a),
        scene.cy - v.r * libm::cos(v.a),
    )
}

/// Signed shortest angular difference from `a` to `b` in (-π, π].
pub(super) fn signed_delta(a: f64, b: f64) -> f64 {
    let mut d = (b - a).rem_euclid(TAU);
    if d > PI {
        d -= TAU;
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(r: f64, a: f64) -> Vertex {
        Vertex { r, a }
    }

    #[test]
    fn simplify_drops_points_in_the_middle_of_rays_and_arcs() {
        // A ray outwards, then an arc: the middle of each goes.
        let path = vec![
            v(100.0, 0.0),
            v(150.0, 0.0),
            v(200.0, 0.0),
            v(200.0, 0.1),
            v(200.0, 0.2),
        ];
        let s = simplify(path);
        assert_eq!(s.len(), 3, "{s:?}");
        assert_eq!((s[1].r, s[1].a), (200.0, 0.0));
        // An arc is not merged past a quarter circle.
        let long: Vec<Vertex> = (0..8).map(|i| v(300.0, f64::from(i) * 0.5)).collect();
        assert!(simplify(long).len() > 2);
        // Repeated points go.
        assert_eq!(simplify(vec![v(1.0, 0.0), v(1.0, 0.0)]).len(), 1);
    }

    #[test]
    fn signed_delta_takes_the_short_way_round() {
        assert!((signed_delta(0.1, TAU - 0.1) + 0.2).abs() < 1e-12);
        assert!((signed_delta(TAU - 0.1, 0.1) - 0.2).abs() < 1e-12);
        assert!(same(0.0, TAU));
    }
}
