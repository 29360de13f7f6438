//! The circle itself: domain sectors and their borders, ring lines, ties,
//! the school's disc and the ring labels.

use cirkel_layout::Layout;
use svg::node::element::{Group, Path as SvgPath};

use super::lines::tie_path;
use super::prim::{TextAs, circle, domain_fill, num, rect, text, wedge, xml_safe};
use crate::style::{
    BAND_EDGE_WIDTH, PILL_EDGE_TINT, PILL_EDGE_WIDTH, SECTOR_EDGE_WIDTH, WHOLE_RING_DEG,
};
use crate::theme::Theme;

/// The ring bands: an annulus per ring, in a tone that steps lighter from
/// the school outwards (distance reads first).
pub(super) fn bands(layout: &Layout, theme: &Theme) -> Group {
    let (cx, cy) = (layout.centre.x, layout.centre.y);
    let n = layout.rings.len();
    let mut bands = Group::new().set("id", "bands");
    for (k, r) in layout.rings.iter().enumerate() {
        let fill = theme.band.tint(theme.ring_tint(k, n));
        bands = bands.add(
            SvgPath::new()
                .set("d", annulus(cx, cy, r.inner_radius, r.outer_radius))
                .set("fill", fill.hex())
                .set("fill-rule", "evenodd")
                .set("class", format!("band ring-{}", k + 1)),
        );
    }
    bands
}

/// A ring between two radii (fill it with `evenodd`).
fn annulus(cx: f64, cy: f64, inner: f64, outer: f64) -> String {
    format!(
        "M {x} {top} A {o} {o} 0 1 1 {x} {bottom} A {o} {o} 0 1 1 {x} {top} Z M {x} {itop} A {i} {i} 0 1 0 {x} {ibottom} A {i} {i} 0 1 0 {x} {itop} Z",
        x = num(cx),
        top = num(cy - outer),
        bottom = num(cy + outer),
        o = num(outer),
        itop = num(cy - inner),
        ibottom = num(cy + inner),
        i = num(inner)
    )
}

/// Sectors: each domain's tint over its run in a band, in the band's
/// tonal step; and a line where one domain's run meets the next.
pub(super) fn sectors(layout: &Layout, theme: &Theme) -> (Group, Group) {
    let (cx, cy) = (layout.centre.x, layout.centre.y);
    let mut sectors = Group::new().set("id", "sectors");
    let mut edges = Group::new().set("id", "sector-edges");
    for s in &layout.sectors {
        let (k, tint) = crate::style::sector_ring(layout, s, theme);
        let fill = domain_fill(s.domain, theme, k, tint);
        let class = format!("sector domain-{}", s.domain.key());
        let (inner, outer) = (s.inner_radius, s.outer_radius);
        {
            let (start, end) = (s.start_deg, s.end_deg);
            let d = if end - start >= WHOLE_RING_DEG {
                annulus(cx, cy, inner, outer)
            } else {
                wedge(cx, cy, inner, outer, start, end)
            };
            sectors = sectors.add(
                SvgPath::new()
                    .set("d", d)
                    .set("fill", fill.clone())
                    .set("fill-rule", "evenodd")
                    .set("class", class.clone()),
            );
            if end - start >= WHOLE_RING_DEG {
                continue;
            }
            for a in [start, end] {
                let a = a.to_radians();
                let (x0, y0) = (cx + inner * libm::sin(a), cy - inner * libm::cos(a));
                let (x1, y1) = (cx + outer * libm::sin(a), cy - outer * libm::cos(a));
                edges = edges.add(
                    SvgPath::new()
                        .set(
                            "d",
                            format!("M {} {} L {} {}", num(x0), num(y0), num(x1), num(y1)),
                        )
                        .set("stroke", theme.ring_line.hex())
                        .set("stroke-width", num(SECTOR_EDGE_WIDTH))
                        .set("class", "sector-edge"),
                );
            }
        }
    }
    (sectors, edges)
}

/// The lines between the ring bands and the circle's outer edge.
pub(super) fn rings(layout: &Layout, theme: &Theme) -> Group {
    let (cx, cy) = (layout.centre.x, layout.centre.y);
    let line = |r: f64| {
        circle(cx, cy, r)
            .set("class", "ring-edge")
            .set("fill", "none")
            .set("stroke", theme.ring_line.hex())
            .set("stroke-width", num(BAND_EDGE_WIDTH))
    };
    let mut rings = Group::new().set("id", "rings");
    for r in layout.rings.iter().skip(1) {
        rings = rings.add(line(r.inner_radius));
    }
    rings.add(line(layout.outer_radius))
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
pub(super) fn centre(layout: &Layout, theme: &Theme, mode: TextAs) -> Group {
    let c = &layout.centre;
    let mut centre = Group::new()
        .set("id", "centre")
        .add(circle(c.x, c.y, c.radius).set("fill", theme.centre.hex()));
    for t in &c.text {
        centre = centre.add(text(t, theme, mode));
    }
    centre
}

/// Each ring's label in its pill.
pub(super) fn ring_labels(layout: &Layout, theme: &Theme, mode: TextAs) -> Group {
    let mut labels = Group::new().set("id", "ring-labels");
    for r in &layout.rings {
        if let Some(l) = &r.label {
            labels = labels.add(
                rect(&l.rect)
                    .set("rx", num(l.rect.height / 2.0))
                    .set("fill", theme.background.hex())
                    .set("stroke", theme.ring_line.tint(PILL_EDGE_TINT).hex())
                    .set("stroke-width", num(PILL_EDGE_WIDTH)),
            );
            labels = labels.add(text(&l.text, theme, mode));
        }
    }
    labels
}
