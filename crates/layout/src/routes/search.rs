//! The shortest-path search of one leg on the grid (weighted A*, with the
//! direction of travel in the state so that turns can cost extra).

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::grid::{Grid, inside};
use super::{End, NEAR_SCHOOL, SHARED_COST, Scene, TURN_COST};

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
pub(super) struct Search {
    /// Steps taken by all searches so far.
    pub(super) pops: usize,
    best: Vec<f64>,
    came: Vec<u32>,
    touched: Vec<usize>,
    heap: BinaryHeap<Entry>,
}

const NONE: u32 = u32::MAX;

impl Search {
    pub(super) fn new(states: usize) -> Search {
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

/// Finds a leg; returns the vertices from the start border to the end border
/// (polar, around the centre), or `None` when no free way exists.
pub(super) fn find_leg(
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
