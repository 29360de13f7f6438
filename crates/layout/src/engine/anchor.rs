//! Keeping last year's circle: what an earlier layout fixes for this one.

use std::collections::BTreeMap;

use cirkel_core::{Domain, Kernteam};

use super::MAX_CANVAS_SIDE;
use super::MAX_TRACKS;
use super::cards::Card;
use crate::geometry::Layout;

/// What an earlier layout of the same school fixes for the next one: how
/// the circle is divided, each domain's run on each ring, and where the rings
/// are. `None` where the earlier layout has nothing to say (a new ring); no
/// anchor at all when a domain appears on a ring where it had no run (then
/// the circle is planned afresh) or when the earlier layout is not sound.
pub(super) struct Previous {
    /// [ring][domain index]: the run, in radians.
    pub ranges: Vec<Vec<(f64, f64)>>,
    /// Each ring's radius, where the earlier layout had the ring.
    pub radii: Vec<Option<f64>>,
    /// Each ring's track radii, where the earlier layout had the ring.
    pub tracks: Vec<Option<Vec<f64>>>,
    /// Where each member that was there before stood (radians), by member
    /// index, when it is on the same ring in the same domain: it stays.
    pub angles: BTreeMap<usize, f64>,
    /// How wide each member's card was, by member index (the card keeps
    /// the shape nearest to it).
    pub widths: BTreeMap<usize, f64>,
}

/// What rounding a sector's ends to 1/10,000 degree may add to its width.
const ROUNDING_DEG: f64 = 1e-4 + 1e-9;

pub(super) fn anchor_from(previous: &Layout, k: &Kernteam, cards: &[Card]) -> Option<Previous> {
    let domains: Vec<Domain> = Domain::ALL
        .into_iter()
        .filter(|d| cards.iter().any(|c| c.domain == *d))
        .collect();
    let sane = |v: f64| v.is_finite() && v > 0.0 && v < MAX_CANVAS_SIDE;
    let mut ranges = vec![vec![(0.0, 0.0); domains.len()]; k.rings.len()];
    for (ri, ring) in k.rings.iter().enumerate() {
        let mut total = 0.0;
        for (di, d) in domains.iter().enumerate() {
            let sector = previous
                .sectors
                .iter()
                .find(|s| s.domain == *d && s.ring.as_ref().is_none_or(|r| *r == ring.id));
            let has_cards = cards.iter().any(|c| c.ring == ri && c.domain == *d);
            match sector {
                Some(s)
                    if s.start_deg.is_finite()
                        && s.end_deg.is_finite()
                        && s.end_deg >= s.start_deg
                        && s.end_deg - s.start_deg <= 360.0 + ROUNDING_DEG =>
                {
                    // A whole ring's run, rounded at both ends, may come
                    // back a hair over 360°.
                    let width = (s.end_deg - s.start_deg).min(360.0);
                    ranges[ri][di] = (s.start_deg.to_radians(), (s.start_deg + width).to_radians());
                    total += width;
                }
                _ if has_cards => return None,
                _ => {}
            }
        }
        if total > 360.0 + ROUNDING_DEG * domains.len() as f64 {
            return None;
        }
    }
    let ring_of = |id: &str| previous.rings.iter().find(|r| r.id == id);
    let radii = k
        .rings
        .iter()
        .map(|r| ring_of(&r.id).map(|p| p.radius).filter(|v| sane(*v)))
        .collect();
    let tracks = k
        .rings
        .iter()
        .map(|r| {
            ring_of(&r.id)
                .map(|p| p.tracks.clone())
                .filter(|t| !t.is_empty() && t.len() <= MAX_TRACKS && t.iter().all(|v| sane(*v)))
        })
        .collect();
    let angles =
        k.members
            .iter()
            .enumerate()
            .filter_map(|(i, m)| {
                let n = previous.nodes.iter().find(|n| {
                    n.id == m.id && n.ring == k.rings[m.ring].id && n.domain == m.domain
                })?;
                n.angle_deg
                    .is_finite()
                    .then(|| (i, n.angle_deg.to_radians()))
            })
            .collect();
    let widths = k
        .members
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let n = previous.nodes.iter().find(|n| n.id == m.id)?;
            sane(n.width).then_some((i, n.width))
        })
        .collect();
    Some(Previous {
        ranges,
        radii,
        tracks,
        angles,
        widths,
    })
}
