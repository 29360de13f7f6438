//! The polar grid routes are searched on: circles between and across the
//! rings, rays through the gaps between cards, and the cards (grown by the
//! clearance) as obstacles in spatial buckets.

use std::f64::consts::{PI, TAU};

use super::{ANGULAR_STEP, CLEARANCE, MAX_GRID_POINTS, RADIAL_STEP, Scene};
use crate::geometry::Rect;

/// Side of a spatial bucket, in px.
const BUCKET_SIZE: f64 = 64.0;

pub(super) struct Grid {
    pub radii: Vec<f64>,
    pub angles: Vec<f64>,
    /// Chord from angle i to angle i + 1 at radius 1.
    pub chords: Vec<f64>,
    /// Sine and cosine of each angle: a node's point is worked out from
    /// them when asked for (a table of points cost a page fault for every
    /// 256 nodes, more than working them out).
    trig: Vec<(f64, f64)>,
    /// Centre of the circle.
    centre: (f64, f64),
    /// Obstacles grown by the clearance: cards first (member order), then the rest.
    blocks: Vec<Rect>,
    buckets: Buckets,
    /// The nodes inside each card (member order), where its legs start.
    card_nodes: Vec<Vec<u32>>,
    /// Each node's circle and ray.
    places: Vec<(u32, u32)>,
}

/// A square of cells over the circle, each listing the obstacles that
/// touch it.
struct Buckets {
    origin: (f64, f64),
    cols: usize,
    rows: usize,
    cells: Vec<Vec<u32>>,
}

impl Buckets {
    fn new(scene: &Scene, blocks: &[Rect]) -> Buckets {
        let origin = (
            scene.cx - scene.outer_radius - 1.0,
            scene.cy - scene.outer_radius - 1.0,
        );
        let side = 2.0 * scene.outer_radius + 2.0;
        let cols = ((side / BUCKET_SIZE).ceil() as usize).max(1);
        let mut b = Buckets {
            origin,
            cols,
            rows: cols,
            cells: vec![Vec::new(); cols * cols],
        };
        for (i, r) in blocks.iter().enumerate() {
            let (c0, r0) = b.cell(r.x, r.y);
            let (c1, r1) = b.cell(r.right(), r.bottom());
            for row in r0..=r1 {
                for col in c0..=c1 {
                    b.cells[row * cols + col].push(i as u32);
                }
            }
        }
        b
    }

    /// The cell of a point (clamped to the square).
    fn cell(&self, x: f64, y: f64) -> (usize, usize) {
        // Truncation is the floor for the non-negative values kept here.
        let c = ((x - self.origin.0) / BUCKET_SIZE).max(0.0) as usize;
        let r = ((y - self.origin.1) / BUCKET_SIZE).max(0.0) as usize;
        (c.min(self.cols - 1), r.min(self.rows - 1))
    }
}

impl Grid {
    pub fn new(scene: &Scene) -> Grid {
        let r_min = scene.centre_radius + CLEARANCE + 4.0;
        let r_max = (scene.outer_radius - CLEARANCE - 4.0).max(r_min);
        let n = ((TAU * r_max / ANGULAR_STEP).ceil() as usize).clamp(72, 720);
        let radii = grid_radii(scene, r_min, r_max, n);
        let angles = grid_angles(scene, r_max, n);
        let trig: Vec<(f64, f64)> = angles
            .iter()
            .map(|a| (libm::sin(*a), libm::cos(*a)))
            .collect();
        // Chord of each angular step at unit radius.
        let chords: Vec<f64> = (0..angles.len())
            .map(|i| {
                let (a, b) = (trig[i], trig[(i + 1) % trig.len()]);
                crate::geometry::hypot(a.0 - b.0, a.1 - b.1)
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
        let buckets = Buckets::new(scene, &blocks);
        // A card lies within its grown block, so the nodes inside it are
        // found among the cards listed in their bucket.
        let mut card_nodes = vec![Vec::new(); scene.cards.len()];
        let point = |ri: usize, ai: usize| {
            let (sin, cos) = trig[ai];
            (scene.cx + radii[ri] * sin, scene.cy - radii[ri] * cos)
        };
        let nodes = (0..radii.len()).flat_map(|ri| (0..angles.len()).map(move |ai| (ri, ai)));
        for (n, p) in nodes.map(|(ri, ai)| point(ri, ai)).enumerate() {
            let (col, row) = buckets.cell(p.0, p.1);
            for &i in &buckets.cells[row * buckets.cols + col] {
                let i = i as usize;
                if i < scene.cards.len() && inside(&scene.cards[i], p) {
                    card_nodes[i].push(n as u32);
                }
            }
        }
        let places = (0..radii.len())
            .flat_map(|ri| (0..angles.len()).map(move |ai| (ri as u32, ai as u32)))
            .collect();
        Grid {
            radii,
            angles,
            chords,
            trig,
            centre: (scene.cx, scene.cy),
            blocks,
            buckets,
            card_nodes,
            places,
        }
    }

    /// The number of nodes.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// The point of node `n` (node = ri * angles.len() + ai).
    pub fn point(&self, n: usize) -> (f64, f64) {
        let (ri, ai) = self.place(n);
        let (sin, cos) = self.trig[ai];
        let r = self.radii[ri];
        (self.centre.0 + r * sin, self.centre.1 - r * cos)
    }

    /// The circle and the ray of node `n`: the inverse of [`Grid::node`].
    pub fn place(&self, n: usize) -> (usize, usize) {
        let (ri, ai) = self.places[n];
        (ri as usize, ai as usize)
    }

    /// The nodes strictly inside card `c`, in order.
    pub fn card_nodes(&self, c: usize) -> &[u32] {
        self.card_nodes.get(c).map_or(&[], Vec::as_slice)
    }

    /// Calls `found` with each obstacle the straight segment between two
    /// nodes touches, once each, while it returns true (at most three are
    /// told apart).
    pub fn blockers(&self, p: (f64, f64), q: (f64, f64), mut found: impl FnMut(u32) -> bool) {
        let b = &self.buckets;
        let (c0, r0) = b.cell(p.0.min(q.0), p.1.min(q.1));
        let (c1, r1) = b.cell(p.0.max(q.0), p.1.max(q.1));
        let mut seen = [u32::MAX; 3];
        let mut count = 0;
        for row in r0..=r1 {
            for col in c0..=c1 {
                for &i in &b.cells[row * b.cols + col] {
                    if seen[..count].contains(&i) {
                        continue;
                    }
                    if segment_hits_rect(p, q, &self.blocks[i as usize]) {
                        if count < seen.len() {
                            seen[count] = i;
                            count += 1;
                        }
                        if !found(i) || count == seen.len() {
                            return;
                        }
                    }
                }
            }
        }
    }

    pub fn node(&self, ri: usize, ai: usize) -> usize {
        ri * self.angles.len() + ai
    }

    /// True when the straight segment between two nodes touches an obstacle
    /// other than the allowed ones.
    pub fn blocked(&self, p: (f64, f64), q: (f64, f64), allowed: [Option<usize>; 2]) -> bool {
        let b = &self.buckets;
        let (c0, r0) = b.cell(p.0.min(q.0), p.1.min(q.1));
        let (c1, r1) = b.cell(p.0.max(q.0), p.1.max(q.1));
        for row in r0..=r1 {
            for col in c0..=c1 {
                for &i in &b.cells[row * b.cols + col] {
                    let i = i as usize;
                    if allowed.contains(&Some(i)) {
                        continue;
                    }
                    if segment_hits_rect(p, q, &self.blocks[i]) {
                        return true;
                    }
                }
            }
        }
        false
    }
}

/// Circles: evenly spaced (coarser on a big circle, so the grid keeps at
/// most [`MAX_GRID_POINTS`] points), the middle between neighbouring
/// tracks, and one through every track: with the rays through the card
/// centres, a grid point in every card, however coarse the grid, so a leg
/// can always start and end inside its cards.
fn grid_radii(scene: &Scene, r_min: f64, r_max: f64, rays: usize) -> Vec<f64> {
    let mut radii: Vec<f64> = Vec::new();
    let step = RADIAL_STEP.max((r_max - r_min) / (MAX_GRID_POINTS / (2 * rays)).max(8) as f64);
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
    radii.extend(tracks.iter().copied());
    radii.retain(|r| *r >= r_min - 0.01 && *r <= r_max + 0.01);
    radii.sort_by(f64::total_cmp);
    radii.dedup_by(|a, b| (*a - *b).abs() < 3.0);
    radii
}

/// Rays: `n` evenly spread, one through each gap between neighbouring
/// cards on the same track (opposite a lone card), and one through every
/// card's centre.
fn grid_angles(scene: &Scene, r_max: f64, n: usize) -> Vec<f64> {
    let mut angles: Vec<f64> = (0..n).map(|i| TAU * i as f64 / n as f64).collect();
    let mut by_track: Vec<(u64, f64)> = scene
        .card_polar
        .iter()
        .map(|(a, r)| ((r * 100.0).round() as u64, a.rem_euclid(TAU)))
        .collect();
    by_track.sort_by(|x, y| x.0.cmp(&y.0).then(x.1.total_cmp(&y.1)));
    for run in by_track.chunk_by(|a, b| a.0 == b.0) {
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
    }
    angles.extend(scene.card_polar.iter().map(|(a, _)| a.rem_euclid(TAU)));
    angles.sort_by(f64::total_cmp);
    let min_gap = 1.0 / r_max;
    angles.dedup_by(|a, b| (*a - *b).abs() < min_gap);
    angles
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

/// True when `p` lies strictly inside `r`.
pub(super) fn inside(r: &Rect, p: (f64, f64)) -> bool {
    p.0 > r.x && p.0 < r.right() && p.1 > r.y && p.1 < r.bottom()
}

/// Where the segment from `p` (inside `r`) to `q` (outside) leaves `r`.
pub(super) fn exit_point(r: &Rect, p: (f64, f64), q: (f64, f64)) -> (f64, f64) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn square() -> Rect {
        Rect {
            x: 10.0,
            y: 10.0,
            width: 10.0,
            height: 10.0,
        }
    }

    #[test]
    fn segments_that_touch_the_rectangle_are_found() {
        let r = square();
        assert!(segment_hits_rect((0.0, 15.0), (30.0, 15.0), &r));
        assert!(segment_hits_rect((15.0, 15.0), (16.0, 16.0), &r));
        assert!(segment_hits_rect((0.0, 10.0), (30.0, 10.0), &r), "edge");
        assert!(!segment_hits_rect((0.0, 0.0), (30.0, 5.0), &r));
        assert!(!segment_hits_rect((0.0, 25.0), (9.0, 0.0), &r));
        assert!(!segment_hits_rect((0.0, 0.0), (0.0, 0.0), &r));
    }

    #[test]
    fn exit_point_lies_on_the_border() {
        let r = square();
        let (x, y) = exit_point(&r, (15.0, 15.0), (40.0, 15.0));
        assert!((x - 20.0).abs() < 1e-6 && (y - 15.0).abs() < 1e-9);
        assert!(!inside(&r, (20.0, 15.0)) && inside(&r, (19.9, 15.0)));
    }
}
