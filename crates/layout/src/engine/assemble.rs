//! Putting the placed circle on the canvas: nodes, ring bands and sectors
//! in canvas coordinates.

use cirkel_core::Kernteam;

use super::cards::Card;
use super::normalise_deg;
use super::place::Placement;
use crate::geometry::{Node, Portrait, Rect, RingGeometry, RingLabel, Sector};

/// The nodes in member order, moved so the circle's centre is at (cx, cy).
/// `rects` are the cards' rectangles around the origin, in card order.
pub(super) fn nodes(
    k: &Kernteam,
    cards: Vec<Card>,
    placement: &Placement,
    rects: &[Rect],
    (cx, cy): (f64, f64),
) -> Vec<Node> {
    let mut nodes: Vec<Option<Node>> = vec![None; k.members.len()];
    for (((c, a), r), track) in cards
        .into_iter()
        .zip(&placement.angles)
        .zip(rects)
        .zip(&placement.track_of)
    {
        let (x, y) = (r.x + r.width / 2.0 + cx, r.y + r.height / 2.0 + cy);
        let mut text = c.text;
        for l in &mut text {
            l.translate(x, y);
        }
        let mut new = c.new;
        if let Some(m) = &mut new {
            m.translate(x, y);
        }
        let m = &k.members[c.member];
        nodes[c.member] = Some(Node {
            id: m.id.clone(),
            ring: k.rings[c.ring].id.clone(),
            domain: c.domain,
            angle_deg: normalise_deg(a.to_degrees()),
            track: *track,
            x,
            y,
            width: c.width,
            height: c.height,
            header_height: c.header_height,
            photo: c.photo.map(|(py, r)| Portrait {
                x,
                y: y + py,
                radius: r,
            }),
            lines: text.iter().map(|l| l.text.clone()).collect(),
            text,
            role: m.role.clone(),
            name: m.name.clone(),
            tie: m.tie,
            new,
        });
    }
    nodes.into_iter().flatten().collect()
}

/// The rings with their bands (see [`super::band`]); the outermost band
/// ends at the circle's edge. Labels move to canvas coordinates.
pub(super) fn rings(
    k: &Kernteam,
    placement: &Placement,
    labels: Vec<Option<RingLabel>>,
    centre_radius: f64,
    outer_radius: f64,
    (cx, cy): (f64, f64),
) -> Vec<RingGeometry> {
    let radii = &placement.radii;
    let tracks = &placement.tracks;
    k.rings
        .iter()
        .zip(labels)
        .enumerate()
        .map(|(i, (ring, label))| {
            let (inner_radius, outer_radius) =
                super::band(&placement.reach, i, centre_radius, outer_radius);
            RingGeometry {
                id: ring.id.clone(),
                radius: radii[i],
                tracks: tracks[i].clone(),
                inner_radius,
                outer_radius,
                label: label.map(|mut l| {
                    l.rect = l.rect.translate(cx, cy);
                    l.text.translate(cx, cy);
                    l
                }),
            }
        })
        .collect()
}

/// The domains' sectors, in degrees, across their ring's band.
pub(super) fn sectors(k: &Kernteam, placement: &Placement, rings: &[RingGeometry]) -> Vec<Sector> {
    placement
        .sectors
        .iter()
        .map(|run| {
            let start = normalise_deg(run.start.to_degrees());
            Sector {
                ring: Some(k.rings[run.ring].id.clone()),
                domain: run.domain,
                start_deg: start,
                end_deg: start + (run.end - run.start).to_degrees(),
                inner_radius: rings[run.ring].inner_radius,
                outer_radius: rings[run.ring].outer_radius,
            }
        })
        .collect()
}
