//! Route badges and labels: each route's number badge on a free spot of
//! its path, and its question in a pill for the highlighted view.

use std::collections::HashMap;

use cirkel_core::Kernteam;

use super::Scene;
use crate::geometry::{Anchor, Badge, Rect, RouteLabel, RoutePath, TextRole};
use crate::options::LayoutOptions;
use crate::text::{HyphenLang, Style, text_block};

/// Side of the cells that route points are bucketed in.
const CELL: f64 = 32.0;
/// Most candidate spots for one route's badge (a long route is thinned out).
const MAX_BADGE_SPOTS: usize = 2000;
/// Widest route label, in px.
const LABEL_WIDTH: f64 = 320.0;
/// How far from the middle of its path a label may go when nothing beside
/// the path is free: this many steps of [`LABEL_SEARCH_STEP`] each way.
const LABEL_SEARCH_STEPS: i32 = 40;
const LABEL_SEARCH_STEP: f64 = 20.0;

/// Places each route's number badge and question label on a free spot of
/// its path.
pub(crate) fn place_badges_and_labels(
    routes: &mut [RoutePath],
    k: &Kernteam,
    scene: &Scene,
    o: &LayoutOptions,
    lang: HyphenLang,
) {
    let badges = place_badges(routes, scene, o, lang);
    place_labels(routes, k, scene, &badges, o, lang);
}

/// True when `r` keeps `gap` from every card and the school, inside the circle.
fn clear_of_cards(scene: &Scene, r: &Rect, gap: f64) -> bool {
    !scene.cards.iter().any(|c| c.overlaps(r, gap))
        && r.distance_to(scene.cx, scene.cy) > scene.centre_radius + gap
        && r.corners().iter().all(|(x, y)| {
            crate::geometry::hypot(x - scene.cx, y - scene.cy) < scene.outer_radius - gap
        })
}

fn cell(x: f64, y: f64) -> Cell {
    ((x / CELL).floor() as i64, (y / CELL).floor() as i64)
}

/// Every route's points in cells, to keep a badge off the other routes'
/// lines without comparing with every point. Only looked up, never
/// iterated: the order of the map cannot leak out.
struct LinePoints(HashMap<Cell, Vec<RoutePoint>>);

/// A cell of [`CELL`] px.
type Cell = (i64, i64);
/// A point of a route's line: the route's number and the point.
type RoutePoint = (usize, f64, f64);

impl LinePoints {
    fn new(routes: &[RoutePath]) -> LinePoints {
        let mut map: HashMap<Cell, Vec<RoutePoint>> = HashMap::new();
        for r in routes {
            for l in &r.legs {
                for (x, y) in l.path.sample(6.0) {
                    map.entry(cell(x, y)).or_default().push((r.number, x, y));
                }
            }
        }
        LinePoints(map)
    }

    /// True when a line of a route other than `number` passes within `distance`.
    fn near_other_line(&self, number: usize, x: f64, y: f64, distance: f64) -> bool {
        let (cx, cy) = cell(x, y);
        (cx - 1..=cx + 1).any(|i| {
            (cy - 1..=cy + 1).any(|j| {
                self.0.get(&(i, j)).is_some_and(|points| {
                    points.iter().any(|(n, px, py)| {
                        *n != number && crate::geometry::hypot(px - x, py - y) < distance
                    })
                })
            })
        })
    }
}

/// Badges, on the path where it is clear of cards, other badges, ring
/// labels and other routes' lines. Returns what they (and the ring labels)
/// take up.
fn place_badges(
    routes: &mut [RoutePath],
    scene: &Scene,
    o: &LayoutOptions,
    lang: HyphenLang,
) -> Vec<Rect> {
    let badge_style = Style::bold(o.fonts.minimum);
    let mut taken: Vec<Rect> = scene.obstacles.to_vec();
    let lines = LinePoints::new(routes);
    for route in routes.iter_mut() {
        let mut samples: Vec<(f64, f64)> = route
            .legs
            .iter()
            .flat_map(|l| {
                let s = l.path.sample(4.0);
                // Prefer the middle of each leg: start a third of the way in.
                let skip = s.len() / 3;
                let (head, tail) = s.split_at(skip);
                tail.iter().chain(head.iter()).copied().collect::<Vec<_>>()
            })
            .collect();
        let stride = samples.len().div_ceil(MAX_BADGE_SPOTS).max(1);
        samples = samples.into_iter().step_by(stride).collect();
        let label = route.number.to_string();
        let radius = (badge_style.width(&label) / 2.0 + 7.0).max(o.fonts.minimum * 0.9);
        for &(x, y) in &samples {
            let r = Rect::centred(x, y, 2.0 * radius, 2.0 * radius);
            if clear_of_cards(scene, &r, 4.0)
                && !taken.iter().any(|t| t.overlaps(&r, 4.0))
                && !lines.near_other_line(route.number, x, y, radius + 5.0)
            {
                taken.push(r);
                let (mut lines, _) = text_block(
                    &label,
                    badge_style,
                    f64::INFINITY,
                    Anchor::Middle,
                    TextRole::Badge,
                    x,
                    0.0,
                    o,
                    lang,
                );
                let mut text = lines.remove(0);
                text.translate(0.0, y - text.bounds.height / 2.0);
                route.badge = Some(Badge {
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
    taken
}

/// Labels: only one is shown at a time (the highlighted route's), so they
/// need to stay clear of cards, badges and ring labels, not of each other.
fn place_labels(
    routes: &mut [RoutePath],
    k: &Kernteam,
    scene: &Scene,
    badges: &[Rect],
    o: &LayoutOptions,
    lang: HyphenLang,
) {
    let label_style = Style::regular(o.fonts.minimum);
    for route in routes.iter_mut() {
        let Some(r) = k.routes.iter().find(|r| r.id == route.id) else {
            continue;
        };
        let text = format!("{} {}", route.number, r.question);
        let (lines, bottom) = text_block(
            &text,
            label_style,
            LABEL_WIDTH,
            Anchor::Start,
            TextRole::RouteLabel,
            0.0,
            0.0,
            o,
            lang,
        );
        let width = lines.iter().map(|l| l.bounds.width).fold(0.0, f64::max) + 24.0;
        let height = bottom + 12.0;
        let samples: Vec<(f64, f64)> = route.legs.iter().flat_map(|l| l.path.sample(8.0)).collect();
        // On the path, or just beside it (above, below, left, right).
        let (dx, dy) = (width / 2.0 + 10.0, height / 2.0 + 10.0);
        let offsets = [(0.0, 0.0), (0.0, -dy), (0.0, dy), (-dx, 0.0), (dx, 0.0)];
        let middle = samples
            .get(samples.len() / 2)
            .copied()
            .unwrap_or((scene.cx, scene.cy));
        let candidates = offsets
            .iter()
            .flat_map(|(ox, oy)| samples.iter().map(move |(x, y)| (x + ox, y + oy)))
            .chain(spots_near(middle));
        for (x, y) in candidates {
            let rect = Rect::centred(x, y, width, height);
            if clear_of_cards(scene, &rect, 6.0) && !badges.iter().any(|t| t.overlaps(&rect, 6.0)) {
                let mut placed = lines.clone();
                for l in &mut placed {
                    l.translate(rect.x + 12.0, rect.y + 6.0);
                }
                route.label = Some(RouteLabel { rect, text: placed });
                break;
            }
        }
    }
}

/// When nothing beside the path is free: spots on a square grid around
/// `middle`, nearest first (ties in the grid's order, row by row).
fn spots_near(middle: (f64, f64)) -> impl Iterator<Item = (f64, f64)> {
    // The order depends on the grid alone: sorted once per process (it
    // was a twentieth of a whole render when sorted for every label).
    static NEAREST_FIRST: std::sync::OnceLock<Vec<(i32, i32)>> = std::sync::OnceLock::new();
    let order = NEAREST_FIRST.get_or_init(|| {
        // A counting sort on the squared distance in whole steps (exact, so
        // ties stay in the grid's order): linear, where sorting the 6,561
        // spots took 1.9 M instructions, a twentieth of a whole SVG.
        let steps = -LABEL_SEARCH_STEPS..=LABEL_SEARCH_STEPS;
        let grid = || {
            steps
                .clone()
                .flat_map(|i| steps.clone().map(move |j| (i, j)))
        };
        let distance = |(i, j): (i32, i32)| (i * i + j * j) as usize;
        let mut starts = vec![0usize; distance((LABEL_SEARCH_STEPS, LABEL_SEARCH_STEPS)) + 2];
        for spot in grid() {
            starts[distance(spot) + 1] += 1;
        }
        for d in 1..starts.len() {
            starts[d] += starts[d - 1];
        }
        let mut order = vec![(0, 0); grid().count()];
        for spot in grid() {
            let at = &mut starts[distance(spot)];
            order[*at] = spot;
            *at += 1;
        }
        order
    });
    order.iter().map(move |&(i, j)| {
        (
            middle.0 + f64::from(i) * LABEL_SEARCH_STEP,
            middle.1 + f64::from(j) * LABEL_SEARCH_STEP,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The spots come nearest first, ties in the grid's order: as a stable
    /// sort of the grid by squared distance orders them.
    #[test]
    fn spots_come_nearest_first_in_the_grids_order() {
        let steps = -LABEL_SEARCH_STEPS..=LABEL_SEARCH_STEPS;
        let mut sorted: Vec<(i32, i32)> = steps
            .clone()
            .flat_map(|i| steps.clone().map(move |j| (i, j)))
            .collect();
        sorted.sort_by_key(|(i, j)| i * i + j * j);
        let expected: Vec<(f64, f64)> = sorted
            .iter()
            .map(|&(i, j)| {
                (
                    100.0 + f64::from(i) * LABEL_SEARCH_STEP,
                    50.0 + f64::from(j) * LABEL_SEARCH_STEP,
                )
            })
            .collect();
        let spots: Vec<(f64, f64)> = spots_near((100.0, 50.0)).collect();
        assert_eq!(spots, expected);
        assert_eq!(spots[0], (100.0, 50.0));
    }
}
