//! Lines: ties in the ecomap notation, routes with their casing, arrowheads
//! and badges.

use cirkel_core::Tie;
use cirkel_layout::{Arrow, Badge};
use svg::Node as _;
use svg::node::element::{Group, Path as SvgPath};

use super::prim::{TextAs, circle, num, readable_on, text};
use crate::theme::{Rgb, Theme};

pub(super) use crate::style::ROUTE_WIDTH;
use crate::style::{BADGE_EDGE, ROUTE_CASING, escalation_dash, tie_stroke};

pub(super) fn tie_path(d: &str, tie: Tie, theme: &Theme) -> SvgPath {
    let (width, dash) = tie_stroke(tie);
    let mut p = SvgPath::new()
        .set("d", d)
        .set("fill", "none")
        .set("stroke", theme.tie.hex())
        .set("stroke-width", num(width))
        .set("stroke-linejoin", "round")
        .set("class", format!("tie tie-{}", tie_key(tie)));
    if let Some([on, off]) = dash {
        p = p.set("stroke-dasharray", format!("{} {}", num(on), num(off)));
    }
    p
}

fn tie_key(tie: Tie) -> &'static str {
    match tie {
        Tie::Strong => "strong",
        Tie::Normal => "normal",
        Tie::Tenuous => "tenuous",
        Tie::Stressful => "stressful",
    }
}

/// A route line with a white casing, so it stands out on any background and
/// where it crosses a tie or another route.
pub(super) fn route_line(
    d: &str,
    colour: &str,
    escalation: bool,
    theme: &Theme,
    width: f64,
) -> Group {
    let casing = SvgPath::new()
        .set("d", d)
        .set("fill", "none")
        .set("stroke", theme.background.hex())
        .set("stroke-width", num(width + ROUTE_CASING))
        .set("stroke-linejoin", "round")
        .set("stroke-linecap", "round");
    let mut line = SvgPath::new()
        .set("d", d)
        .set("fill", "none")
        .set("stroke", colour)
        .set("stroke-width", num(width))
        .set("stroke-linejoin", "round");
    if escalation {
        let [on, off] = escalation_dash(width);
        line = line.set("stroke-dasharray", format!("{} {}", num(on), num(off)));
    }
    Group::new().add(casing).add(line)
}

pub(super) fn badge(b: &Badge, colour: Rgb, theme: &Theme, mode: TextAs) -> Group {
    let mut number = text(&b.text, theme, mode);
    number.assign("fill", readable_on(colour, theme).hex());
    Group::new()
        .set("class", "route-badge")
        .add(
            circle(b.x, b.y, b.radius)
                .set("fill", colour.hex())
                .set("stroke", theme.background.hex())
                .set("stroke-width", num(BADGE_EDGE)),
        )
        .add(number)
}

pub(super) fn arrow_path(a: &Arrow, scale: f64) -> String {
    let scaled = Arrow {
        length: a.length * scale,
        half_width: a.half_width * scale,
        ..*a
    };
    let [p, q, r] = scaled.corners();
    format!(
        "M {} {} L {} {} L {} {} Z",
        num(p.0),
        num(p.1),
        num(q.0),
        num(q.1),
        num(r.0),
        num(r.1)
    )
}
