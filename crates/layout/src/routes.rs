//! Route paths and tie lines.
//!
//! A route leg is found by a shortest-path search on a polar grid around the
//! school: grid circles between and across the rings, grid rays through every
//! gap between two neighbouring cards (so a path can always pass between
//! them) and evenly around the circle. A path moves along circles and rays
//! only, like a metro map of the cirkel, and each turn costs extra so paths
//! stay calm. Every grid edge is tested exactly against every card it may not
//! touch (all but the leg's own two), grown by half the line width and a
//! margin. Grid points used by an earlier route cost more, so routes take
//! parallel lanes where there is room instead of hiding each other.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::f64::consts::{PI, TAU};
use std::fmt::Write as _;

use cirkel_core::{Kernteam, Tie};

use crate::geometry::{Arrow, Rect, RouteLeg, RoutePath, TieLine, round2};

/// Clearance kept between a route line's centre and any card it does not visit.
pub(crate) const CLEARANCE: f64 = 5.0;
/// Radial spacing of the grid circles.
const RADIAL_STEP: f64 = 16.0;
/// Largest spacing of the evenly spread grid rays, at the outer radius.
const ANGULAR_STEP: f64 = 18.0;
/// Extra cost of a turn, in px of path.
const TURN_COST: f64 = 36.0;
/// Extra cost factor of a grid point an earlier route already uses.
const SHARED_COST: f64 = 1.5;
/// Arcs closer than this to the school's disc cost three times as much.
const NEAR_SCHOOL: f64 = 48.0;
/// Weight of the A* estimate (1 finds the shortest path; more is faster).
const HEURISTIC_WEIGHT: f64 = 1.6;
/// Once the legs searched so far have taken this many steps, the rest are
/// searched greedily (weight `GREEDY_WEIGHT`): many long routes on a big
/// circle stay within seconds. Paths stay valid; they are only less short.
const SEARCH_BUDGET: usize = 2_000_000;
const GREEDY_WEIGHT: f64 = 4.0;
/// The most grid points: big circles get a coarser grid (the rays through
/// the gaps between cards keep every gap reachable).
const MAX_GRID_POINTS: usize = 60_000;
/// Radius of the rounded corners.
const FILLET: f64 = 10.0;
/// Arrowhead size.
const ARROW_LENGTH: f64 = 15.0;
const ARROW_HALF_WIDTH: f64 = 7.0;

/// The fixed parts of the picture that routes run between.
pub(crate) struct Scene<'a> {
    /// Centre of the circle.
    pub cx: f64,
    /// Centre of the circle.
    pub cy: f64,
    /// Radius of the school disc.
    pub centre_radius: f64,
    /// Outer radius of the circle.
    pub outer_radius: f64,
    /// Card rectangles, in member order.
    pub cards: &'a [Rect],
    /// Card angles (radians, clockwise from 12 o'clock) and track radii, in member order.
    pub card_polar: &'a [(f64, f64)],
    /// Other things routes must not cross (ring labels).
    pub obstacles: &'a [Rect],
}

/// Something a leg starts from or leads to.
#[derive(Clone, Copy, PartialEq)]
enum End {
    School,
    Card(usize),
}

struct Grid {
    radii: Vec<f64>,
    angles: Vec<f64>,
    /// Chord from angle i to angle i + 1 at radius 1.
    chords: Vec<f64>,
    /// Point of each node, node = ri * angles.len() + ai.
    points: Vec<(f64, f64)>,
    /// Obstacles grown by the clearance: cards first (member order), then the rest.
    blocks: Vec<Rect>,
    /// Spatial buckets of `blocks`.
    bucket_size: f64,
    bucket_cols: usize,
    bucket_rows: usize,
    bucket_origin: (f64, f64),
    buckets: Vec<Vec<u32>>,
}

impl Grid {
    fn new(scene: &Scene) -> Grid {
        let r_min = scene.centre_radius + CLEARANCE + 4.0;
        let r_max = (scene.outer_radius - CLEARANCE - 4.0).max(r_min);
        // Circles: evenly spaced, plus the middle between neighbouring tracks.
        let mut radii: Vec<f64> = Vec::new();
        let n = ((TAU * r_max / ANGULAR_STEP).ceil() as usize).clamp(72, 720);
        let step = RADIAL_STEP.max((r_max - r_min) / (MAX_GRID_POINTS / (2 * n)).max(8) as f64);
        let count = ((r_max - r_min) / step).ceil().max(1.0) as usize;
        for i in 0..=count {
            radii.push(r_min + (r_max - r_min) * i as f64 / count as f64);
        }
        let mut tracks: Vec<f64> = scene.card_polar.iter().map(|p| p.1).collect();
        tracks.sort_by(f64::total_cmp);
        tracks.dedup_by(|a, b| (*a - *b).abs() < 0.5);
        for w in tracks.windows(2) {
            radii.push((w[0] + w[1]) / 2.0);
        }
        // And a circle through every track (with the rays through the card
        // centres below, a grid point in every card, however coarse the
        // grid: a leg can always start and end inside its cards).
        radii.extend(tracks.iter().copied());
        radii.retain(|r| *r >= r_min - 0.01 && *r <= r_max + 0.01);
        radii.sort_by(f64::total_cmp);
        radii.dedup_by(|a, b| (*a - *b).abs() < 3.0);

        // Rays: evenly spread, plus one through each gap between neighbouring
        // cards on the same track.
        let mut angles: Vec<f64> = (0..n).map(|i| TAU * i as f64 / n as f64).collect();
        let mut by_track: Vec<(u64, f64)> = scene
            .card_polar
            .iter()
            .map(|(a, r)| ((r * 100.0).round() as u64, a.rem_euclid(TAU)))
            .collect();
        by_track.sort_by(|x, y| x.0.cmp(&y.0).then(x.1.total_cmp(&y.1)));
        let mut i = 0;
        while i < by_track.len() {
            let mut j = i;
            while j < by_track.len() && by_track[j].0 == by_track[i].0 {
                j += 1;
            }
            let run = &by_track[i..j];
            if run.len() > 1 {
                for k in 0..run.len() {
                    let a = run[k].1;
                    let b = if k + 1 < run.len() {
                        run[k + 1].1
                    } else {
                        run[0].1 + TAU
                    };
                    angles.push(((a + b) / 2.0).rem_euclid(TAU));
                }
            } else {
                angles.push((run[0].1 + PI).rem_euclid(TAU));
            }
            i = j;
        }
        angles.extend(scene.card_polar.iter().map(|(a, _)| a.rem_euclid(TAU)));
        angles.sort_by(f64::total_cmp);
        let min_gap = 1.0 / r_max;
        angles.dedup_by(|a, b| (*a - *b).abs() < min_gap);

        let trig: Vec<(f64, f64)> = angles
            .iter()
            .map(|a| (libm::sin(*a), libm::cos(*a)))
            .collect();
        let mut points = Vec::with_capacity(radii.len() * angles.len());
        for r in &radii {
            for (sin, cos) in &trig {
                points.push((scene.cx + r * sin, scene.cy - r * cos));
            }
        }
        // Chord of each angular step at unit radius.
        let chords: Vec<f64> = (0..angles.len())
            .map(|i| {
                let (a, b) = (trig[i], trig[(i + 1) % trig.len()]);
                libm::hypot(a.0 - b.0, a.1 - b.1)
            })
            .collect();
        let blocks: Vec<Rect> = scene
            .cards
            .iter()
            .chain(scene.obstacles)
            .map(|r| Rect {
                x: r.x - CLEARANCE,
                y: r.y - CLEARANCE,
                width: r.width + 2.0 * CLEARANCE,
                height: r.height + 2.0 * CLEARANCE,
            })
            .collect();
        let bucket_size = 64.0;
        let origin = (
            scene.cx - scene.outer_radius - 1.0,
            scene.cy - scene.outer_radius - 1.0,
        );
        let side = 2.0 * scene.outer_radius + 2.0;
        let cols = ((side / bucket_size).ceil() as usize).max(1);
        let rows = cols;
        let mut buckets = vec![Vec::new(); cols * rows];
        for (i, b) in blocks.iter().enumerate() {
            let (c0, r0) = bucket_of(origin, bucket_size, cols, rows, b.x, b.y);
            let (c1, r1) = bucket_of(origin, bucket_size, cols, rows, b.right(), b.bottom());
            for row in r0..=r1 {
                for col in c0..=c1 {
                    buckets[row * cols + col].push(i as u32);
                }
            }
        }
        Grid {
            radii,
            angles,
            chords,
            points,
            blocks,
            bucket_size,
            bucket_cols: cols,
            bucket_rows: rows,
            bucket_origin: origin,
            buckets,
        }
    }

    fn node(&self, ri: usize, ai: usize) -> usize {
        ri * self.angles.len() + ai
    }

    /// True when the straight segment between two nodes touches an obstacle
    /// other than the allowed ones.
    fn blocked(&self, p: (f64, f64), q: (f64, f64), allowed: [Option<usize>; 2]) -> bool {
        let o = self.bucket_origin;
        let (c0, r0) = bucket_of(
            o,
            self.bucket_size,
            self.bucket_cols,
            self.bucket_rows,
            p.0.min(q.0),
            p.1.min(q.1),
        );
        let (c1, r1) = bucket_of(
            o,
            self.bucket_size,
            self.bucket_cols,
            self.bucket_rows,
            p.0.max(q.0),
            p.1.max(q.1),
        );
        for row in r0..=r1 {
            for col in c0..=c1 {
                for &b in &self.buckets[row * self.bucket_cols + col] {
                    let b = b as usize;
                    if allowed.contains(&Some(b)) {
                        continue;
                    }
                    if segment_hits_rect(p, q, &self.blocks[b]) {
                        return true;
                    }
                }
            }
        }
        false
    }
}

fn bucket_of(
    origin: (f64, f64),
    size: f64,
    cols: usize,
    rows: usize,
    x: f64,
    y: f64,
) -> (usize, usize) {
    // Truncation is the floor for the non-negative values kept here.
    let c = ((x - origin.0) / size).max(0.0) as usize;
    let r = ((y - origin.1) / size).max(0.0) as usize;
    (c.min(cols - 1), r.min(rows - 1))
}

/// Liang–Barsky: does the segment p–q touch the rectangle?
pub(crate) fn segment_hits_rect(p: (f64, f64), q: (f64, f64), r: &Rect) -> bool {
    let (dx, dy) = (q.0 - p.0, q.1 - p.1);
    let mut t0: f64 = 0.0;
    let mut t1: f64 = 1.0;
    for (pk, qk) in [
        (-dx, p.0 - r.x),
        (dx, r.right() - p.0),
        (-dy, p.1 - r.y),
        (dy, r.bottom() - p.1),
    ] {
        if pk == 0.0 {
            if qk < 0.0 {
                return false;
            }
        } else {
            let t = qk / pk;
            if pk < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return false;
            }
        }
    }
    true
}

fn inside(r: &Rect, p: (f64, f64)) -> bool {
    p.0 > r.x && p.0 < r.right() && p.1 > r.y && p.1 < r.bottom()
}

/// Where the segment from `p` (inside `r`) to `q` (outside) leaves `r`.
fn exit_point(r: &Rect, p: (f64, f64), q: (f64, f64)) -> (f64, f64) {
    let (mut lo, mut hi) = (0.0, 1.0);
    for _ in 0..40 {
        let mid = (lo + hi) / 2.0;
        let m = (p.0 + (q.0 - p.0) * mid, p.1 + (q.1 - p.1) * mid);
        if inside(r, m) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    (p.0 + (q.0 - p.0) * hi, p.1 + (q.1 - p.1) * hi)
}

#[derive(PartialEq)]
struct Entry {
    /// Cost so far plus the estimate to the goal.
    cost: f64,
    /// Cost so far, to tell a stale entry.
    g: f64,
    state: usize,
}

impl Eq for Entry {}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .cost
            .total_cmp(&self.cost)
            .then_with(|| other.state.cmp(&self.state))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Reusable search buffers.
struct Search {
    /// Steps taken by all searches so far.
    pops: usize,
    best: Vec<f64>,
    came: Vec<u32>,
    touched: Vec<usize>,
    heap: BinaryHeap<Entry>,
}

const NONE: u32 = u32::MAX;

impl Search {
    fn new(states: usize) -> Search {
        Search {
            pops: 0,
            best: vec![f64::INFINITY; states],
            came: vec![NONE; states],
            touched: Vec::new(),
            heap: BinaryHeap::new(),
        }
    }

    fn reset(&mut self) {
        for &s in &self.touched {
            self.best[s] = f64::INFINITY;
            self.came[s] = NONE;
        }
        self.touched.clear();
        self.heap.clear();
    }

    fn relax(&mut self, state: usize, cost: f64, from: u32, estimate: f64) {
        if cost < self.best[state] {
            if self.best[state].is_infinite() {
                self.touched.push(state);
            }
            self.best[state] = cost;
            self.came[state] = from;
            self.heap.push(Entry {
                cost: cost + estimate,
                g: cost,
                state,
            });
        }
    }
}

/// A polyline along grid circles and rays; each vertex knows its radius and
/// angle so that arcs can be drawn as arcs.
#[derive(Clone, Copy, Debug)]
struct Vertex {
    r: f64,
    a: f64,
}

/// Finds a leg; returns the vertices from the start border to the end border
/// (polar, around the centre), or `None` when no free way exists.
fn find_leg(
    grid: &Grid,
    scene: &Scene,
    search: &mut Search,
    used: &[bool],
    from: End,
    to: usize,
    weight: f64,
) -> Option<Vec<usize>> {
    let na = grid.angles.len();
    let nodes = grid.points.len();
    let target = scene.cards[to];
    let allowed = [
        match from {
            End::Card(c) => Some(c),
            End::School => None,
        },
        Some(to),
    ];
    search.reset();
    // Weighted A*: a slightly longer path found much sooner.
    let estimate = |n: usize| {
        let (x, y) = grid.points[n];
        let dx = (target.x - x).max(0.0).max(x - target.right());
        let dy = (target.y - y).max(0.0).max(y - target.bottom());
        weight * (dx * dx + dy * dy).sqrt()
    };
    match from {
        End::School => {
            for ai in 0..na {
                let n = grid.node(0, ai);
                let e = estimate(n);
                search.relax(n * 2, 0.0, NONE, e);
                search.relax(n * 2 + 1, 0.0, NONE, e);
            }
        }
        End::Card(c) => {
            let rect = scene.cards[c];
            for n in 0..nodes {
                if inside(&rect, grid.points[n]) {
                    let e = estimate(n);
                    search.relax(n * 2, 0.0, NONE, e);
                    search.relax(n * 2 + 1, 0.0, NONE, e);
                }
            }
        }
    }
    let mut goal = None;
    while let Some(Entry { state, g, .. }) = search.heap.pop() {
        search.pops += 1;
        let n = state / 2;
        if g > search.best[state] {
            continue;
        }
        if inside(&target, grid.points[n]) {
            goal = Some(state);
            break;
        }
        let dir = state % 2;
        let (ri, ai) = (n / na, n % na);
        let r = grid.radii[ri];
        let mut neighbours: [Option<(usize, usize, f64)>; 4] = [None; 4];
        if ri > 0 {
            neighbours[0] = Some((grid.node(ri - 1, ai), 0, r - grid.radii[ri - 1]));
        }
        if ri + 1 < grid.radii.len() {
            neighbours[1] = Some((grid.node(ri + 1, ai), 0, grid.radii[ri + 1] - r));
        }
        neighbours[2] = Some((grid.node(ri, (ai + 1) % na), 1, r * grid.chords[ai]));
        let before = (ai + na - 1) % na;
        neighbours[3] = Some((grid.node(ri, before), 1, r * grid.chords[before]));
        for (m, mdir, length) in neighbours.into_iter().flatten() {
            let (p, q) = (grid.points[n], grid.points[m]);
            let mut step = length;
            if used[m] {
                step *= 1.0 + SHARED_COST;
            }
            // Keep clear of the school's disc: a path hugging it reads as
            // going through the school.
            if mdir == 1 && grid.radii[ri] < scene.centre_radius + NEAR_SCHOOL {
                step *= 3.0;
            }
            let turn = if mdir != dir && search.came[state] != NONE {
                TURN_COST
            } else {
                0.0
            };
            let next = m * 2 + mdir;
            let c = g + step + turn;
            if c < search.best[next] && !grid.blocked(p, q, allowed) {
                search.relax(next, c, state as u32, estimate(m));
            }
        }
    }
    let goal = goal?;
    let mut states = vec![goal];
    let mut s = goal;
    while search.came[s] != NONE {
        s = search.came[s] as usize;
        states.push(s);
    }
    states.reverse();
    let mut nodes_on_path: Vec<usize> = states.iter().map(|s| s / 2).collect();
    nodes_on_path.dedup();
    Some(nodes_on_path)
}

/// Lays out all routes and ties.
pub(crate) fn route_paths(k: &Kernteam, scene: &Scene) -> Vec<RoutePath> {
    if k.routes.is_empty() {
        return Vec::new();
    }
    let grid = Grid::new(scene);
    let mut search = Search::new(grid.points.len() * 2);
    let mut used = vec![false; grid.points.len()];
    let index_of = |id: &str| k.members.iter().position(|m| m.id == id);
    let mut out = Vec::new();
    for (number, route) in k.routes.iter().enumerate() {
        let mut legs = Vec::new();
        let mut from = End::School;
        let stops = route
            .steps
            .iter()
            .map(|s| (s, false))
            .chain(route.escalation.iter().map(|s| (s, true)));
        for (id, escalation) in stops {
            let Some(to) = index_of(id) else { continue };
            if from == End::Card(to) {
                continue;
            }
            let weight = if search.pops > SEARCH_BUDGET {
                GREEDY_WEIGHT
            } else {
                HEURISTIC_WEIGHT
            };
            let path = find_leg(&grid, scene, &mut search, &used, from, to, weight);
            let vertices = path
                .and_then(|nodes| {
                    for n in &nodes {
                        used[*n] = true;
                    }
                    leg_vertices(&grid, scene, &nodes, from, to)
                })
                .unwrap_or_else(|| direct_vertices(scene, from, to));
            {
                let (path, arrow) = draw_leg(scene, &vertices);
                legs.push(RouteLeg {
                    from: match from {
                        End::School => None,
                        End::Card(c) => Some(k.members[c].id.clone()),
                    },
                    to: k.members[to].id.clone(),
                    escalation,
                    path,
                    arrow,
                });
            }
            from = End::Card(to);
        }
        let join = |esc: bool| {
            legs.iter()
                .filter(|l| l.escalation == esc)
                .map(|l| l.path.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        out.push(RoutePath {
            id: route.id.clone(),
            number: number + 1,
            path: join(false),
            escalation_path: join(true),
            legs,
            badge: None,
            label: None,
        });
    }
    out
}

/// Turns a grid path into polar vertices from border to border.
fn leg_vertices(
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
                .rposition(|n| inside(&rect, grid.points[*n]))
                .map_or(0, |i| i + 1)
        }
    };
    let end_index = nodes
        .iter()
        .position(|n| inside(&target, grid.points[*n]))?;
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
            let p = grid.points[nodes[start_index - 1]];
            let q = grid.points[nodes[start_index]];
            let e = exit_point(&rect, p, q);
            v.push(to_polar(scene, e, polar_of(nodes[start_index])));
        }
    }
    for n in &nodes[start_index..end_index] {
        v.push(polar_of(*n));
    }
    let p = grid.points[nodes[end_index]];
    let q = grid.points[nodes[end_index - 1]];
    let e = exit_point(&target, p, q);
    v.push(to_polar(scene, e, polar_of(nodes[end_index - 1])));
    Some(simplify(v))
}

/// A point as a vertex; when it lies on the same circle as `near`, it keeps
/// that circle's radius exactly (so the arc stays an arc).
fn to_polar(scene: &Scene, p: (f64, f64), near: Vertex) -> Vertex {
    let (dx, dy) = (p.0 - scene.cx, p.1 - scene.cy);
    let r = libm::hypot(dx, dy);
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

fn same(a: f64, b: f64) -> bool {
    let d = (a - b).rem_euclid(TAU);
    d < 1e-9 || TAU - d < 1e-9
}

/// When no way around exists, a straight line between the two borders.
fn direct_vertices(scene: &Scene, from: End, to: usize) -> Vec<Vertex> {
    let t = scene.cards[to];
    let tc = (t.x + t.width / 2.0, t.y + t.height / 2.0);
    let start = match from {
        End::School => {
            let (dx, dy) = (tc.0 - scene.cx, tc.1 - scene.cy);
            let d = libm::hypot(dx, dy).max(1e-9);
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

fn free_vertex(scene: &Scene, p: (f64, f64)) -> Vertex {
    let (dx, dy) = (p.0 - scene.cx, p.1 - scene.cy);
    Vertex {
        r: libm::hypot(dx, dy),
        a: libm::atan2(dx, -dy).rem_euclid(TAU),
    }
}

fn point_of(scene: &Scene, v: Vertex) -> (f64, f64) {
    (
        scene.cx + v.r * libm::sin(v.a),
        scene.cy - v.r * libm::cos(v.a),
    )
}

/// Draws a leg: rays as lines, arcs as cubic Béziers, corners rounded;
/// the line stops short of the arrowhead's tip.
fn draw_leg(scene: &Scene, v: &[Vertex]) -> (String, Arrow) {
    let mut d = String::new();
    let pt = |v: Vertex| point_of(scene, v);
    // Segments between consecutive vertices: arc when the radius is the same.
    let is_arc = |a: Vertex, b: Vertex| (a.r - b.r).abs() < 1e-6 && !same(a.a, b.a);
    let seg_len = |a: Vertex, b: Vertex| {
        if is_arc(a, b) {
            a.r * signed_delta(a.a, b.a).abs()
        } else {
            let (p, q) = (pt(a), pt(b));
            libm::hypot(q.0 - p.0, q.1 - p.1)
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
        direction_deg: crate::geometry::round4(direction.to_degrees().rem_euclid(360.0)),
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
    let _ = write!(d, "M{} {}", fmt(start.0), fmt(start.1));
    for i in 0..n - 1 {
        let (a, b) = (ends[i], ends[i + 1]);
        let len = seg_len(a, b);
        let s = along(a, b, cuts[i].0);
        let e = along(a, b, len - cuts[i].1);
        if is_arc(a, b) {
            arc_to(&mut d, scene, s, e);
        } else {
            let p = pt(e);
            let _ = write!(d, " L{} {}", fmt(p.0), fmt(p.1));
        }
        if i + 1 < n - 1 && cuts[i].1 > 0.0 {
            let c = pt(b);
            let next = along(b, ends[i + 2], cuts[i + 1].0);
            let q = pt(next);
            let _ = write!(d, " Q{} {} {} {}", fmt(c.0), fmt(c.1), fmt(q.0), fmt(q.1));
        }
    }
    (d, arrow)
}

/// Signed shortest angular difference from `a` to `b` in (-π, π].
fn signed_delta(a: f64, b: f64) -> f64 {
    let mut d = (b - a).rem_euclid(TAU);
    if d > PI {
        d -= TAU;
    }
    d
}

/// An arc around the centre from `s` to `e` (same radius) as cubic Béziers
/// of at most 45° each.
fn arc_to(d: &mut String, scene: &Scene, s: Vertex, e: Vertex) {
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
        let _ = write!(
            d,
            " C{} {} {} {} {} {}",
            fmt(c1.0),
            fmt(c1.1),
            fmt(c2.0),
            fmt(c2.1),
            fmt(p1.0),
            fmt(p1.1)
        );
    }
}

/// A coordinate with at most two decimals and no trailing zeros.
pub(crate) fn fmt(v: f64) -> String {
    let r = round2(v);
    let s = format!("{r:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

/// A tie from the school's disc to a card's border.
pub(crate) fn tie_lines(k: &Kernteam, scene: &Scene) -> Vec<TieLine> {
    k.members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let r = scene.cards[i];
            let c = (r.x + r.width / 2.0, r.y + r.height / 2.0);
            let (dx, dy) = (c.0 - scene.cx, c.1 - scene.cy);
            let dist = libm::hypot(dx, dy).max(1e-9);
            let (ux, uy) = (dx / dist, dy / dist);
            let start = (
                scene.cx + ux * scene.centre_radius,
                scene.cy + uy * scene.centre_radius,
            );
            let end = exit_point(&r, c, start);
            let path = if m.tie == Tie::Stressful {
                zigzag(start, end)
            } else {
                format!(
                    "M{} {} L{} {}",
                    fmt(start.0),
                    fmt(start.1),
                    fmt(end.0),
                    fmt(end.1)
                )
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
pub(crate) fn zigzag(a: (f64, f64), b: (f64, f64)) -> String {
    const WAVE: f64 = 14.0;
    const AMPLITUDE: f64 = 6.0;
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = libm::hypot(dx, dy);
    let mut d = format!("M{} {}", fmt(a.0), fmt(a.1));
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
        let _ = write!(d, " L{} {}", fmt(p.0), fmt(p.1));
    }
    let _ = write!(d, " L{} {}", fmt(b.0), fmt(b.1));
    d
}

/// Points along SVG path data of the kind the layout writes (absolute `M`,
/// `L`, `Q`, `C`), at most `step` px apart. Unknown commands end the walk.
pub fn sample_path(d: &str, step: f64) -> Vec<(f64, f64)> {
    let step = step.max(0.5);
    let mut out = Vec::new();
    let mut tokens = d
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .flat_map(split_command)
        .peekable();
    let mut current = (0.0, 0.0);
    let mut command = 'M';
    let numbers = |tokens: &mut std::iter::Peekable<_>, n: usize| -> Option<Vec<f64>> {
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            let t: Token = tokens.next()?;
            match t {
                Token::Number(x) => v.push(x),
                Token::Command(_) => return None,
            }
        }
        Some(v)
    };
    while let Some(t) = tokens.peek().copied() {
        if let Token::Command(c) = t {
            command = c;
            tokens.next();
        }
        let segment = |p: (f64, f64)| -> f64 { libm::hypot(p.0 - current.0, p.1 - current.1) };
        match command {
            'M' => {
                let Some(v) = numbers(&mut tokens, 2) else {
                    break;
                };
                current = (v[0], v[1]);
                out.push(current);
                command = 'L';
            }
            'L' => {
                let Some(v) = numbers(&mut tokens, 2) else {
                    break;
                };
                let p = (v[0], v[1]);
                let n = (segment(p) / step).ceil().max(1.0) as usize;
                for i in 1..=n {
                    let t = i as f64 / n as f64;
                    out.push((
                        current.0 + (p.0 - current.0) * t,
                        current.1 + (p.1 - current.1) * t,
                    ));
                }
                current = p;
            }
            'Q' => {
                let Some(v) = numbers(&mut tokens, 4) else {
                    break;
                };
                let (c, p) = ((v[0], v[1]), (v[2], v[3]));
                let len = segment(c) + libm::hypot(p.0 - c.0, p.1 - c.1);
                let n = (len / step).ceil().max(1.0) as usize;
                for i in 1..=n {
                    let t = i as f64 / n as f64;
                    let u = 1.0 - t;
                    out.push((
                        u * u * current.0 + 2.0 * u * t * c.0 + t * t * p.0,
                        u * u * current.1 + 2.0 * u * t * c.1 + t * t * p.1,
                    ));
                }
                current = p;
            }
            'C' => {
                let Some(v) = numbers(&mut tokens, 6) else {
                    break;
                };
                let (c1, c2, p) = ((v[0], v[1]), (v[2], v[3]), (v[4], v[5]));
                let len = segment(c1)
                    + libm::hypot(c2.0 - c1.0, c2.1 - c1.1)
                    + libm::hypot(p.0 - c2.0, p.1 - c2.1);
                let n = (len / step).ceil().max(1.0) as usize;
                for i in 1..=n {
                    let t = i as f64 / n as f64;
                    let u = 1.0 - t;
                    let (a, b, c, e) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
                    out.push((
                        a * current.0 + b * c1.0 + c * c2.0 + e * p.0,
                        a * current.1 + b * c1.1 + c * c2.1 + e * p.1,
                    ));
                }
                current = p;
            }
            _ => break,
        }
    }
    out
}

#[derive(Clone, Copy)]
enum Token {
    Command(char),
    Number(f64),
}

/// "M12" → [M, 12]; "12" → [12].
fn split_command(t: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut rest = t;
    if let Some(c) = rest.chars().next().filter(char::is_ascii_alphabetic) {
        out.push(Token::Command(c));
        rest = &rest[1..];
    }
    if !rest.is_empty() {
        match rest.parse::<f64>() {
            Ok(x) if x.is_finite() => out.push(Token::Number(x)),
            _ => out.push(Token::Command('?')),
        }
    }
    out
}

/// Places each route's number badge and question label on a free spot of
/// its path.
pub(crate) fn place_badges_and_labels(
    routes: &mut [RoutePath],
    k: &Kernteam,
    scene: &Scene,
    o: &crate::options::LayoutOptions,
    lang: crate::text::HyphenLang,
) {
    let badge_style = crate::text::Style::bold(o.fonts.minimum);
    let label_style = crate::text::Style::regular(o.fonts.minimum);
    let mut taken: Vec<Rect> = scene.obstacles.to_vec();
    let clear_of_cards = |r: &Rect, gap: f64| {
        !scene.cards.iter().any(|c| c.overlaps(r, gap))
            && r.distance_to(scene.cx, scene.cy) > scene.centre_radius + gap
            && [
                (r.x, r.y),
                (r.right(), r.y),
                (r.x, r.bottom()),
                (r.right(), r.bottom()),
            ]
            .iter()
            .all(|(x, y)| libm::hypot(x - scene.cx, y - scene.cy) < scene.outer_radius - gap)
    };
    // Every route's points in 32 px buckets, to keep a badge off the other
    // routes' lines without comparing with every point.
    const CELL: f64 = 32.0;
    let cell = |x: f64, y: f64| ((x / CELL).floor() as i64, (y / CELL).floor() as i64);
    // Only looked up, never iterated: the order of the map cannot leak out.
    type Buckets = std::collections::HashMap<(i64, i64), Vec<(usize, f64, f64)>>;
    let mut lines_near = Buckets::new();
    for r in routes.iter() {
        for l in &r.legs {
            for (x, y) in sample_path(&l.path, 6.0) {
                lines_near
                    .entry(cell(x, y))
                    .or_default()
                    .push((r.number, x, y));
            }
        }
    }
    for route in routes.iter_mut() {
        let mut samples: Vec<(f64, f64)> = route
            .legs
            .iter()
            .flat_map(|l| {
                let s = sample_path(&l.path, 4.0);
                // Prefer the middle of each leg: start a third of the way in.
                let skip = s.len() / 3;
                let (head, tail) = s.split_at(skip);
                tail.iter().chain(head.iter()).copied().collect::<Vec<_>>()
            })
            .collect();
        // At most 2,000 candidates (a long route is thinned out evenly).
        let stride = samples.len().div_ceil(2000).max(1);
        samples = samples.into_iter().step_by(stride).collect();
        let number = route.number;
        let near_other_line = |x: f64, y: f64, distance: f64| {
            let (cx, cy) = cell(x, y);
            (cx - 1..=cx + 1).any(|i| {
                (cy - 1..=cy + 1).any(|j| {
                    lines_near.get(&(i, j)).is_some_and(|points| {
                        points
                            .iter()
                            .any(|(n, px, py)| *n != number && (px - x).hypot(py - y) < distance)
                    })
                })
            })
        };
        // Badge.
        let label = route.number.to_string();
        let radius = (badge_style.width(&label) / 2.0 + 7.0).max(o.fonts.minimum * 0.9);
        for &(x, y) in &samples {
            let r = Rect::centred(x, y, 2.0 * radius, 2.0 * radius);
            if clear_of_cards(&r, 4.0)
                && !taken.iter().any(|t| t.overlaps(&r, 4.0))
                && !near_other_line(x, y, radius + 5.0)
            {
                taken.push(r);
                let (mut lines, _) = crate::engine::text_block(
                    &label,
                    badge_style,
                    f64::INFINITY,
                    crate::geometry::Anchor::Middle,
                    crate::geometry::TextRole::Badge,
                    x,
                    0.0,
                    o,
                    lang,
                );
                let mut text = lines.remove(0);
                text.translate(0.0, y - text.bounds.height / 2.0);
                route.badge = Some(crate::geometry::Badge {
                    number: route.number,
                    x,
                    y,
                    radius,
                    text,
                });
                break;
            }
        }
    }
    // Labels: only one is shown at a time (the highlighted route's), so they
    // need to stay clear of cards, badges and ring labels, not of each other.
    let badges: Vec<Rect> = taken.clone();
    for route in routes.iter_mut() {
        let Some(r) = k.routes.iter().find(|r| r.id == route.id) else {
            continue;
        };
        let text = format!("{} {}", route.number, r.question);
        let (lines, bottom) = crate::engine::text_block(
            &text,
            label_style,
            320.0,
            crate::geometry::Anchor::Start,
            crate::geometry::TextRole::RouteLabel,
            0.0,
            0.0,
            o,
            lang,
        );
        let width = lines.iter().map(|l| l.bounds.width).fold(0.0, f64::max) + 24.0;
        let height = bottom + 12.0;
        let samples: Vec<(f64, f64)> = route
            .legs
            .iter()
            .flat_map(|l| sample_path(&l.path, 8.0))
            .collect();
        // On the path, or just beside it (above, below, left, right).
        let (dx, dy) = (width / 2.0 + 10.0, height / 2.0 + 10.0);
        let offsets = [(0.0, 0.0), (0.0, -dy), (0.0, dy), (-dx, 0.0), (dx, 0.0)];
        // When nothing beside the path is free, the free place nearest to
        // the middle of the path, anywhere in the circle (built only then).
        let middle = samples
            .get(samples.len() / 2)
            .copied()
            .unwrap_or((scene.cx, scene.cy));
        let elsewhere = std::iter::once(()).flat_map(|()| {
            // Within 800 px of the path's middle, every 20 px.
            let mut spots: Vec<(f64, f64)> = Vec::new();
            for i in -40..=40 {
                for j in -40..=40 {
                    spots.push((
                        middle.0 + f64::from(i) * 20.0,
                        middle.1 + f64::from(j) * 20.0,
                    ));
                }
            }
            spots.sort_by(|a, b| {
                let da = libm::hypot(a.0 - middle.0, a.1 - middle.1);
                let db = libm::hypot(b.0 - middle.0, b.1 - middle.1);
                da.total_cmp(&db)
            });
            spots
        });
        let candidates = offsets
            .iter()
            .flat_map(|(ox, oy)| samples.iter().map(move |(x, y)| (x + ox, y + oy)))
            .chain(elsewhere);
        for (x, y) in candidates {
            let rect = Rect::centred(x, y, width, height);
            if clear_of_cards(&rect, 6.0) && !badges.iter().any(|t| t.overlaps(&rect, 6.0)) {
                let mut placed = lines.clone();
                for l in &mut placed {
                    l.translate(rect.x + 12.0, rect.y + 6.0);
                }
                route.label = Some(crate::geometry::RouteLabel { rect, text: placed });
                break;
            }
        }
    }
}
