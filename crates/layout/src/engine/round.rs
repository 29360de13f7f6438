//! The layout value holds its final numbers: rounded to 1/100 px (angles
//! to 1/10,000 degree), so its JSON is exact and the same on every machine.

use crate::geometry::{Layout, Marker, TextLine, round2, round4};

/// `d` in [0, 360): what rounds to 360 at four decimals is 0. Only that:
/// snapping a wider band (it once took everything from 359.995) moves a
/// member standing just left of the top by up to 0.1 px when the angle is
/// read back as an anchor.
pub(super) fn normalise_deg(d: f64) -> f64 {
    let r = d.rem_euclid(360.0);
    if r >= 360.0 - 0.5e-4 { 0.0 } else { r }
}

pub(super) fn round_layout(l: &mut Layout) {
    for r in &mut l.routes {
        if let Some(b) = &mut r.badge {
            b.x = round2(b.x);
            b.y = round2(b.y);
            b.radius = round2(b.radius);
            b.text.round();
        }
        if let Some(label) = &mut r.label {
            label.rect = label.rect.rounded();
            label.text.iter_mut().for_each(TextLine::round);
        }
    }
    for b in &mut l.boxes {
        for badge in &mut b.badges {
            badge.x = round2(badge.x);
            badge.y = round2(badge.y);
            badge.radius = round2(badge.radius);
            badge.text.round();
        }
    }
    l.width = round2(l.width);
    l.height = round2(l.height);
    l.centre.x = round2(l.centre.x);
    l.centre.y = round2(l.centre.y);
    l.centre.radius = round2(l.centre.radius);
    l.outer_radius = round2(l.outer_radius);
    l.centre.text.iter_mut().for_each(TextLine::round);
    for r in &mut l.rings {
        r.radius = round2(r.radius);
        r.tracks.iter_mut().for_each(|t| *t = round2(*t));
        r.inner_radius = round2(r.inner_radius);
        r.outer_radius = round2(r.outer_radius);
        if let Some(label) = &mut r.label {
            label.rect = label.rect.rounded();
            label.text.round();
        }
    }
    for s in &mut l.sectors {
        s.inner_radius = round2(s.inner_radius);
        s.outer_radius = round2(s.outer_radius);
        s.start_deg = round4(s.start_deg);
        s.end_deg = round4(s.end_deg);
    }
    for n in &mut l.nodes {
        n.x = round2(n.x);
        n.y = round2(n.y);
        n.angle_deg = round4(n.angle_deg);
        n.width = round2(n.width);
        n.height = round2(n.height);
        n.header_height = round2(n.header_height);
        if let Some(p) = &mut n.photo {
            p.x = round2(p.x);
            p.y = round2(p.y);
            p.radius = round2(p.radius);
        }
        n.text.iter_mut().for_each(TextLine::round);
        n.new.iter_mut().for_each(Marker::round);
    }
    for b in &mut l.boxes {
        b.x = round2(b.x);
        b.y = round2(b.y);
        b.width = round2(b.width);
        b.height = round2(b.height);
        b.text.iter_mut().for_each(TextLine::round);
        b.markers.iter_mut().for_each(Marker::round);
        for s in &mut b.swatches {
            s.rect = s.rect.rounded();
        }
    }
}
