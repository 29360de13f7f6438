//! The shortest-path search of one leg on the grid (weighted A*, with the
//! direction of travel in the state so that turns can cost extra).

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::grid::{Grid, inside};
use super::{End, NEAR_SCHOOL, SHARED_COST, Scene, TURN_COST};
use crate::geometry::max;

/// A state in the queue: its cost so far plus the estimate to the goal (as
/// the bits of a non-negative `f64`, which order as the numbers do), the
/// cheapest first and ties by state.
#[derive(PartialEq, Eq)]
struct Entry {
    cost: u64,
    state: u32,
}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .cost
            .cmp(&self.cost)
            .then_with(|| other.state.cmp(&self.state))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// What blocks one step between two grid points, found once per grid and
/// direction and packed in a `u32`: the number of obstacles found in the
/// low two bits (up to two are told apart, as a leg may pass its own two
/// cards; [`MANY`] for more), then the first and the second obstacle's
/// index in [`INDEX_BITS`] each. [`Blockers::UNKNOWN`] when not looked at
/// yet (a value no step packs to, as `MANY` keeps no indices).
///
/// The buffers are small on purpose: the search reaches most of them, and
/// every 4 KiB page of them costs a page fault on first use.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Blockers(u32);

/// Three obstacles or more: blocked for every leg.
const MANY: u32 = 3;
/// Room for an obstacle's index (steps near obstacles with larger indices
/// are tested afresh each time).
const INDEX_BITS: u32 = 15;
const INDEX_MASK: u32 = (1 << INDEX_BITS) - 1;

impl Blockers {
    const UNKNOWN: Blockers = Blockers(u32::MAX);

    /// Packs what was found; `None` when an index does not fit.
    fn new(count: u32, first: u32, second: u32) -> Option<Blockers> {
        match count {
            0 => Some(Blockers(0)),
            MANY.. => Some(Blockers(MANY)),
            _ if first > INDEX_MASK || second > INDEX_MASK => None,
            _ => Some(Blockers(count | first << 2 | second << (2 + INDEX_BITS))),
        }
    }

    fn count(self) -> u32 {
        self.0 & 3
    }

    fn first(self) -> usize {
        ((self.0 >> 2) & INDEX_MASK) as usize
    }

    fn second(self) -> usize {
        ((self.0 >> (2 + INDEX_BITS)) & INDEX_MASK) as usize
    }

    fn blocks(self, allowed: [Option<usize>; 2]) -> bool {
        let passes = |i: usize| allowed.contains(&Some(i));
        match self.count() {
            0 => false,
            1 => !passes(self.first()),
            2 => !(passes(self.first()) && passes(self.second())),
            _ => true,
        }
    }
}

/// Reusable search buffers.
pub(super) struct Search {
    /// Steps taken by all searches so far.
    pub(super) pops: usize,
    /// The cost of the cheapest way found to each state.
    best: Vec<f64>,
    /// The state each state was reached from.
    came: Vec<u32>,
    touched: Vec<usize>,
    heap: BinaryHeap<Entry>,
    /// By node and neighbour (inward, outward, clockwise, anticlockwise).
    blockers: Vec<Blockers>,
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
            blockers: vec![Blockers::UNKNOWN; states * 2],
        }
    }

    /// True when the step from node `n` to its neighbour `slot` (which is
    /// node `m`) touches an obstacle other than the allowed ones.
    fn blocked(
        &mut self,
        grid: &Grid,
        (n, slot, m): (usize, usize, usize),
        allowed: [Option<usize>; 2],
    ) -> bool {
        let Some(b) = self.blockers.get_mut(n * 4 + slot) else {
            return grid.blocked(grid.point(n), grid.point(m), allowed);
        };
        if *b == Blockers::UNKNOWN {
            let mut found = [0u32; 2];
            let mut count = 0u32;
            grid.blockers(grid.point(n), grid.point(m), |i| {
                if count < 2 {
                    found[count as usize] = i;
                }
                count += 1;
                count < MANY
            });
            match Blockers::new(count, found[0], found[1]) {
                Some(known) => *b = known,
                None => return grid.blocked(grid.point(n), grid.point(m), allowed),
            }
        }
        b.blocks(allowed)
    }

    fn reset(&mut self) {
        for &s in &self.touched {
            self.best[s] = f64::INFINITY;
            self.came[s] = NONE;
        }
        self.touched.clear();
        self.heap.clear();
    }

    /// The queue key of a state reached at `cost`: the cost plus the
    /// estimate, as the bits of a non-negative `f64`. An entry whose key is
    /// not its state's key at its best cost is stale.
    fn key(cost: f64, estimate: f64) -> u64 {
        (cost + estimate).to_bits()
    }

    fn relax(&mut self, state: usize, cost: f64, from: u32, estimate: f64) {
        if cost < self.best[state] {
            if self.best[state].is_infinite() {
                self.touched.push(state);
            }
            self.best[state] = cost;
            self.came[state] = from;
            self.heap.push(Entry {
                cost: Search::key(cost, estimate),
                state: state as u32,
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
        let (x, y) = grid.point(n);
        let dx = max(max(target.x - x, 0.0), x - target.right());
        let dy = max(max(target.y - y, 0.0), y - target.bottom());
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
            for &n in grid.card_nodes(c) {
                let n = n as usize;
                let e = estimate(n);
                search.relax(n * 2, 0.0, NONE, e);
                search.relax(n * 2 + 1, 0.0, NONE, e);
            }
        }
    }
    let mut goal = None;
    while let Some(Entry { state, cost }) = search.heap.pop() {
        search.pops += 1;
        let state = state as usize;
        let n = state / 2;
        let g = search.best[state];
        // A later, cheaper entry of the state makes this one stale.
        if cost != Search::key(g, estimate(n)) {
            continue;
        }
        if inside(&target, grid.point(n)) {
            goal = Some(state);
            break;
        }
        let dir = state % 2;
        // From a table: two divisions a step cost more than the rest of it.
        let (ri, ai) = grid.place(n);
        let r = grid.radii[ri];
        // Each neighbour: its node, the direction of the step (0 along a
        // ray, 1 along a circle), its length, and its slot.
        let mut neighbours: [Option<(usize, usize, f64)>; 4] = [None; 4];
        if ri > 0 {
            neighbours[0] = Some((grid.node(ri - 1, ai), 0, r - grid.radii[ri - 1]));
        }
        if ri + 1 < grid.radii.len() {
            neighbours[1] = Some((grid.node(ri + 1, ai), 0, grid.radii[ri + 1] - r));
        }
        let after = if ai + 1 == na { 0 } else { ai + 1 };
        neighbours[2] = Some((grid.node(ri, after), 1, r * grid.chords[ai]));
        let before = if ai == 0 { na - 1 } else { ai - 1 };
        neighbours[3] = Some((grid.node(ri, before), 1, r * grid.chords[before]));
        for (slot, (m, mdir, length)) in neighbours
            .into_iter()
            .enumerate()
            .filter_map(|(i, x)| Some((i, x?)))
        {
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
            if c < search.best[next] && !search.blocked(grid, (n, slot, m), allowed) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::Rect;

    /// What a step's obstacles pack to comes back unpacked; indices too
    /// large to pack are not remembered (the step is tested afresh).
    #[test]
    fn blockers_pack_and_unpack() {
        for (count, first, second) in [(0, 0, 0), (1, 7, 0), (2, 0, INDEX_MASK), (2, 31, 9)] {
            let b = Blockers::new(count, first, second).unwrap();
            assert_ne!(b, Blockers::UNKNOWN);
            assert_eq!(b.count(), count);
            if count > 0 {
                assert_eq!(b.first(), first as usize);
            }
            if count > 1 {
                assert_eq!(b.second(), second as usize);
            }
        }
        let b = Blockers::new(2, 31, 9).unwrap();
        assert!(!b.blocks([Some(9), Some(31)]));
        assert!(b.blocks([Some(9), None]));
        assert!(
            Blockers::new(5, 1 << 20, 3)
                .unwrap()
                .blocks([Some(1 << 20), Some(3)])
        );
        assert!(Blockers::new(1, INDEX_MASK + 1, 0).is_none());
        assert!(Blockers::new(2, 3, INDEX_MASK + 1).is_none());
    }

    /// Cards on a ring around the school, close enough that many grid
    /// steps touch two or three of them (or a label) at once.
    fn crowded() -> (Vec<Rect>, Vec<(f64, f64)>, Vec<Rect>) {
        let (cx, cy) = (400.0, 400.0);
        let mut cards = Vec::new();
        let mut polar = Vec::new();
        for i in 0..12 {
            let a = std::f64::consts::TAU * f64::from(i) / 12.0;
            let r = if i % 2 == 0 { 200.0 } else { 290.0 };
            let (x, y) = (cx + r * libm::sin(a), cy - r * libm::cos(a));
            cards.push(Rect {
                x: x - 60.0,
                y: y - 30.0,
                width: 120.0,
                height: 60.0,
            });
            polar.push((a, r));
        }
        // A label between the school and the top card, and two over that
        // card (hand-made: steps there touch three obstacles).
        let labels = [(380.0, 240.0), (390.0, 190.0), (395.0, 195.0)]
            .map(|(x, y)| Rect {
                x,
                y,
                width: 40.0,
                height: 14.0,
            })
            .to_vec();
        (cards, polar, labels)
    }

    /// The remembered obstacles of every step agree with testing the step
    /// against the cards afresh, for legs between any two cards (and from
    /// the school), asked in any order.
    #[test]
    fn remembered_blockers_agree_with_the_obstacles() {
        let (cards, polar, labels) = crowded();
        let scene = Scene {
            cx: 400.0,
            cy: 400.0,
            centre_radius: 80.0,
            outer_radius: 380.0,
            cards: &cards,
            card_polar: &polar,
            obstacles: &labels,
        };
        let grid = Grid::new(&scene);
        let mut search = Search::new(grid.len() * 2);
        let na = grid.angles.len();
        let legs: Vec<[Option<usize>; 2]> = (0..cards.len())
            .flat_map(|a| {
                [
                    [None, Some(a)],
                    [Some(a), Some((a + 1) % 12)],
                    [Some(a), Some((a + 5) % 12)],
                ]
            })
            .collect();
        let mut blocked = [0usize; 2];
        for allowed in &legs {
            for n in 0..grid.len() {
                let (ri, ai) = (n / na, n % na);
                let mut next = vec![
                    (2, grid.node(ri, (ai + 1) % na)),
                    (3, grid.node(ri, (ai + na - 1) % na)),
                ];
                if ri > 0 {
                    next.push((0, grid.node(ri - 1, ai)));
                }
                if ri + 1 < grid.radii.len() {
                    next.push((1, grid.node(ri + 1, ai)));
                }
                for (slot, m) in next {
                    let fresh = grid.blocked(grid.point(n), grid.point(m), *allowed);
                    let kept = search.blocked(&grid, (n, slot, m), *allowed);
                    assert_eq!(fresh, kept, "step {n} -> {m} for {allowed:?}");
                    blocked[usize::from(fresh)] += 1;
                }
            }
        }
        assert!(blocked[0] > 1000 && blocked[1] > 1000, "{blocked:?}");
        let known = || search.blockers.iter().filter(|b| **b != Blockers::UNKNOWN);
        let shared = known().filter(|b| b.count() == 2).count();
        let many = known().filter(|b| b.count() == MANY).count();
        assert!(
            shared > 0 && many > 0,
            "two: {shared}, three or more: {many}"
        );
    }
}
