//! The circle itself: domain sectors and their borders, ring lines, ties,
//! the school's disc and the ring labels.

use cirkel_layout::Layout;
use svg::node::element::{Group, Path as SvgPath};

use super::lines::tie_path;
use super::prim::{circle, domain_fill, num, rect, text, wedge, xml_safe};
use crate::theme::{Rgb, Theme};

/// Sectors: a tinted wedge per domain (and ring), across its band; and the
/// white lines where one domain's run meets the next.
pub(super) fn sectors(layout: &Layout, theme: &Theme) -> (Group, Group) {
    let (cx, cy) = (layout.centre.x, layout.centre.y);
    let mut sectors = Group::new().set("id", "sectors");
    let mut borders = Group::new().set("id", "sector-borders");
    for s in &layout.sectors {
        let (inner, outer) = (s.inner_radius, s.outer_radius);
        let fill = domain_fill(s.domain, theme);
        let class = format!("sector domain-{}", s.domain.key());
        if s.end_deg - s.start_deg >= 359.99 {
            let d = format!(
                "M {x} {top} A {o} {o} 0 1 1 {x} {bottom} A {o} {o} 0 1 1 {x} {top} Z M {x} {itop} A {i} {i} 0 1 0 {x} {ibottom} A {i} {i} 0 1 0 {x} {itop} Z",
                x = num(cx),
                top = num(cy - outer),
                bottom = num(cy + outer),
                o = num(outer),
                itop = num(cy - inner),
                ibottom = num(cy + inner),
                i = num(inner)
            );
            sectors = sectors.add(
                SvgPath::new()
                    .set("d", d)
                    .set("fill", fill)
                    .set("fill-rule", "evenodd")
                    .set("class", class),
            );
        } else {
            sectors = sectors.add(
                SvgPath::new()
                    .set("d", wedge(cx, cy, inner, outer, s.start_deg, s.end_deg))
                    .set("fill", fill)
                    .set("class", class),
            );
            let a = s.start_deg.to_radians();
            let (x0, y0) = (cx + inner * libm::sin(a), cy - inner * libm::cos(a));
            let (x1, y1) = (cx + outer * libm::sin(a), cy - outer * libm::cos(a));
            borders = borders.add(
                SvgPath::new()
                    .set(
                        "d",
                        format!("M {} {} L {} {}", num(x0), num(y0), num(x1), num(y1)),
                    )
                    .set("stroke", theme.background.hex())
                    .set("stroke-width", 4),
            );
        }
    }
    (sectors, borders)
}

/// Ring lines through the card centres (and tracks), band edges where each
/// ring has its own runs, and the circle's outer edge.
pub(super) fn rings(layout: &Layout, theme: &Theme) -> Group {
    let (cx, cy) = (layout.centre.x, layout.centre.y);
    let line = |r: f64, class: &str, colour: Rgb, width: f64| {
        circle(cx, cy, r)
            .set("class", class)
            .set("fill", "none")
            .set("stroke", colour.hex())
            .set("stroke-width", num(width))
    };
    let mut rings = Group::new().set("id", "rings");
    rings = rings.add(line(layout.outer_radius, "ring-line", theme.ring_line, 2.0));
    let per_ring = layout.sectors.iter().any(|s| s.ring.is_some());
    for r in &layout.rings {
        if per_ring && r.inner_radius > layout.centre.radius {
            rings = rings.add(line(r.inner_radius, "ring-edge", theme.background, 3.0));
        }
        for t in &r.tracks {
            rings = rings
                .add(line(*t, "ring-line", theme.ring_line, 2.0).set("stroke-dasharray", "6 6"));
        }
    }
    rings
}

/// Ties, beneath the school and the cards; `None` when there are none.
pub(super) fn ties(layout: &Layout, theme: &Theme) -> Option<Group> {
    if layout.ties.is_empty() {
        return None;
    }
    let mut ties = Group::new().set("id", "ties");
    for t in &layout.ties {
        ties = ties.add(
            tie_path(&t.path.to_string(), t.tie, theme).set("data-member", xml_safe(&t.member)),
        );
    }
    Some(ties)
}

/// The school's disc with its name.
pub(super) fn centre(layout: &Layout, theme: &Theme) -> Group {
    let c = &layout.centre;
    let mut centre = Group::new()
        .set("id", "centre")
        .add(circle(c.x, c.y, c.radius).set("fill", theme.centre.hex()));
    for t in &c.text {
        centre = centre.add(text(t, theme));
    }
    centre
}

/// Each ring's label in its pill.
pub(super) fn ring_labels(layout: &Layout, theme: &Theme) -> Group {
    let mut labels = Group::new().set("id", "ring-labels");
    for r in &layout.rings {
        if let Some(l) = &r.label {
            labels = labels.add(
                rect(&l.rect)
                    .set("rx", num(l.rect.height / 2.0))
                    .set("fill", theme.background.hex())
                    .set("stroke", theme.ring_line.hex())
                    .set("stroke-width", 2),
            );
            labels = labels.add(text(&l.text, theme));
        }
    }
    labels
}
