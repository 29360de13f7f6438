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

use cirkel_core::Kernteam;

use crate::geometry::{Path, Rect, RouteLeg, RoutePath};

mod draw;
mod grid;
mod marks;
mod search;
mod ties;
mod vertices;

pub(crate) use marks::place_badges_and_labels;
pub(crate) use ties::{tie_lines, zigzag};

use draw::draw_leg;
use grid::Grid;
use search::{Search, find_leg};
use vertices::{direct_vertices, leg_vertices};

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
/// See [`SEARCH_BUDGET`].
const GREEDY_WEIGHT: f64 = 4.0;
/// The most grid points: big circles get a coarser grid (the rays through
/// the gaps between cards keep every gap reachable).
const MAX_GRID_POINTS: usize = 60_000;
/// Radius of the rounded corners.
const FILLET: f64 = 10.0;
/// Arrowhead size.
const ARROW_LENGTH: f64 = 15.0;
/// Half the width of an arrowhead's base.
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
pub(super) enum End {
    /// The school's disc.
    School,
    /// A card, by member index.
    Card(usize),
}

/// Lays out every route: a leg from the school to the first step, from
/// step to step, then (dashed) to the escalation.
pub(crate) fn route_paths(k: &Kernteam, scene: &Scene) -> Vec<RoutePath> {
    if k.routes.is_empty() {
        return Vec::new();
    }
    let grid = Grid::new(scene);
    let mut search = Search::new(grid.len() * 2);
    let mut used = vec![false; grid.len()];
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
            let mut all = Path::new();
            for l in legs.iter().filter(|l| l.escalation == esc) {
                all.extend(&l.path);
            }
            all
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
