//! Choosing among the candidate plans, and placing one plan (with its
//! cards in their first shapes, then in the shapes their angles favour).

use std::f64::consts::PI;

use rayon::prelude::*;

use super::{Placement, Placer, Plan, SHAPE_ROUNDS, Scene, shape};
use crate::engine::CARDS_PER_TRACK;
use crate::engine::LayoutError;
use crate::engine::anchor::Previous;
use crate::engine::cards::Card;

/// Tries the first domain's run centred at several angles, and crowded
/// rings with and without staggered tracks. Of the placements within 3% of
/// the most compact, it keeps the first in a fixed order of preference (one
/// track, rotation closest to 12 o'clock). The tolerance keeps the choice steady when a school edits
/// one member, so the circle does not turn or change style for a small gain.
pub(in crate::engine) fn place_best(
    scene: Scene<'_>,
    anchor: Option<&Previous>,
) -> Result<Placement, LayoutError> {
    if let Some(a) = anchor
        && let Ok(p) = place(
            scene,
            Plan {
                rotation: 0.0,
                staggered: false,
                anchor: Some(a),
            },
        )
    {
        return Ok(p);
    }
    let mut candidates: Vec<Placement> = Vec::new();
    let mut last_error = None;
    let crowded = {
        let mut per_ring = vec![0usize; scene.ring_count];
        scene.cards.iter().for_each(|c| per_ring[c.ring] += 1);
        per_ring.iter().any(|n| *n > CARDS_PER_TRACK)
    };
    // Every plan at every rotation, in a fixed order of preference; they
    // are independent, so they run in parallel (the order of the results,
    // and so the choice, does not depend on it).
    let tries: Vec<Plan> = [false, true]
        .into_iter()
        .filter(|staggered| !staggered || crowded)
        .flat_map(|staggered| {
            (0..ROTATIONS).map(move |step| {
                // 0, +22.5°, -22.5°, +45°, ... so that ties favour the top.
                let k = step.div_ceil(2) as f64;
                let rotation = if step % 2 == 1 { k } else { -k } * 2.0 * PI / ROTATIONS as f64;
                Plan {
                    rotation,
                    staggered,
                    anchor: None,
                }
            })
        })
        .collect();
    let results = try_all(tries.clone(), |plan| place(scene, plan));
    let mut plans = Vec::new();
    for (r, plan) in results.into_iter().zip(tries) {
        match r {
            Ok(p) => {
                candidates.push(p);
                plans.push(plan);
            }
            Err(e) => last_error = Some(e),
        }
    }
    // The most compact few take the shapes their angles favour (the
    // others would not overtake them: reshaping gains a few per cent).
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|a, b| candidates[*a].extent.total_cmp(&candidates[*b].extent));
    order.truncate(RESHAPED);
    order.sort_unstable();
    let firsts: Vec<(usize, Placement)> = order
        .into_iter()
        .rev()
        .map(|i| (i, candidates.swap_remove(i)))
        .collect();
    for (i, p) in try_all(firsts, |(i, first)| (i, reshape(scene, plans[i], first)))
        .into_iter()
        .rev()
    {
        candidates.insert(i, p);
    }
    let best = candidates
        .iter()
        .map(|p| p.extent)
        .fold(f64::INFINITY, f64::min);
    match candidates.into_iter().find(|p| p.extent <= best * 1.03) {
        Some(p) => Ok(p),
        None => Err(last_error.unwrap_or(LayoutError::DidNotConverge)),
    }
}

/// How many of the most compact plans take the shapes their angles favour.
const RESHAPED: usize = 4;

/// Each plan tried, the results in the plans' order. Within a thread pool
/// (a batch) the plans go to its threads; otherwise every second plan goes
/// to one scoped thread (alternating, as the staggered plans, which cost
/// more, come last): a pool of its own would cost a single picture more in
/// starting and idling (its workers spin, then yield to the kernel, dozens
/// of times) than it saves.
fn try_all<P: Send + Sync + Clone, T: Send>(tries: Vec<P>, run: impl Fn(P) -> T + Sync) -> Vec<T> {
    if rayon::current_thread_index().is_some() {
        return tries.into_par_iter().map(&run).collect();
    }
    let odd: Vec<P> = tries.iter().skip(1).step_by(2).cloned().collect();
    std::thread::scope(|s| {
        let rest = || odd.iter().cloned().map(&run).collect::<Vec<T>>();
        // No thread to be had: those plans here too.
        let other = std::thread::Builder::new().spawn_scoped(s, rest).ok();
        let n = tries.len();
        let even: Vec<T> = tries.into_iter().step_by(2).map(&run).collect();
        let odd_results = match other.map(|t| t.join()) {
            Some(Ok(results)) => results,
            // A panic in a plan is carried on as it would have been
            // without the thread.
            Some(Err(panic)) => std::panic::resume_unwind(panic),
            None => odd.iter().cloned().map(&run).collect(),
        };
        // Back in the plans' order: even, odd, even, ...
        let mut results = Vec::with_capacity(n);
        let mut odd_results = odd_results.into_iter();
        for e in even {
            results.push(e);
            results.extend(odd_results.next());
        }
        results
    })
}

/// Rotations tried for each plan: 0, +22.5°, -22.5°, +45°, … (so that
/// ties favour the top).
const ROTATIONS: usize = 16;

/// Places the cards (centred at the origin) as `plan` says, each card in
/// its first shape (with an earlier layout: in the shape it had).
pub(super) fn place(scene: Scene<'_>, plan: Plan<'_>) -> Result<Placement, LayoutError> {
    // With an earlier layout each card keeps the shape it had: a card
    // that changes shape would move its ring.
    if let Some(a) = plan.anchor {
        let kept: Vec<usize> = scene
            .cards
            .iter()
            .map(|c| a.widths.get(&c.member).map_or(0, |w| shape::nearest(c, *w)))
            .collect();
        return place_shaped(scene, kept, plan);
    }
    Placer::new(scene, plan).run()
}

/// The plan placed by [`place`] as `first`, with each card in the shape its
/// angle favours where that makes its ring's band thinner (a narrow, tall
/// card near 3 o'clock, whose width is its radial size), placed again for
/// as long as the circle gets smaller.
pub(super) fn reshape(scene: Scene<'_>, plan: Plan<'_>, first: Placement) -> Placement {
    let mut best = first;
    for _ in 0..SHAPE_ROUNDS {
        let choice = shape::choose(scene.cards, &best.angles, scene.ring_count);
        if choice == best.shapes {
            break;
        }
        let Ok(p) = place_shaped(scene, choice, plan) else {
            break;
        };
        if p.extent < best.extent - 0.5 {
            best = p;
        } else {
            break;
        }
    }
    best
}

/// Places the cards as `plan` says, each in the shape `shapes` names.
fn place_shaped(
    scene: Scene<'_>,
    shapes: Vec<usize>,
    plan: Plan<'_>,
) -> Result<Placement, LayoutError> {
    let shaped: Vec<Card> = scene
        .cards
        .iter()
        .zip(&shapes)
        .map(|(c, s)| c.in_shape(*s))
        .collect();
    let mut p = Placer::new(
        Scene {
            cards: &shaped,
            ..scene
        },
        plan,
    )
    .run()?;
    p.shapes = shapes;
    Ok(p)
}
