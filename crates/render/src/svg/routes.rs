//! The routes: a line per route (dashed for the escalation), arrowheads,
//! the highlighted route's label, and the number badges on top.

use cirkel_layout::Layout;
use svg::node::element::{Group, Path as SvgPath};

use super::lines::{arrow_path, badge, route_line};
use super::prim::{TextAs, num, rect, text};
use crate::style::{
    ARROW_EDGE, ROUTE_LABEL_BORDER, ROUTE_LABEL_RADIUS, arrow_scale, routes_in_order,
};
use crate::theme::Theme;

/// The routes above the cards (their arrowheads touch the cards' borders);
/// `focus` drawn strong and last, the others faded. `None` without routes.
pub(super) fn routes(
    layout: &Layout,
    theme: &Theme,
    focus: Option<&str>,
    mode: TextAs,
) -> Option<Group> {
    if layout.routes.is_empty() {
        return None;
    }
    let mut routes = Group::new().set("id", "routes");
    let mut badges = Vec::new();
    for r in routes_in_order(layout, focus) {
        let (strong, colour, width) = crate::style::route_look(r, theme, focus);
        let mut g = Group::new()
            .set("id", format!("route-{}", r.id))
            .set("class", if strong { "route" } else { "route faded" });
        if !r.path.is_empty() {
            g = g.add(route_line(
                &r.path.to_string(),
                &colour.hex(),
                false,
                theme,
                width,
            ));
        }
        if !r.escalation_path.is_empty() {
            g = g.add(route_line(
                &r.escalation_path.to_string(),
                &colour.hex(),
                true,
                theme,
                width,
            ));
        }
        for leg in &r.legs {
            g = g.add(
                SvgPath::new()
                    .set("d", arrow_path(&leg.arrow, arrow_scale(width)))
                    .set("fill", colour.hex())
                    .set("stroke", theme.background.hex())
                    .set("stroke-width", num(ARROW_EDGE))
                    .set("stroke-linejoin", "round"),
            );
        }
        if focus == Some(r.id.as_str())
            && let Some(l) = &r.label
        {
            g = g.add(
                rect(&l.rect)
                    .set("rx", num(ROUTE_LABEL_RADIUS))
                    .set("fill", theme.background.hex())
                    .set("stroke", colour.hex())
                    .set("stroke-width", num(ROUTE_LABEL_BORDER))
                    .set("class", "route-label"),
            );
            for t in &l.text {
                g = g.add(text(t, theme, mode));
            }
        }
        routes = routes.add(g);
        if let Some(b) = &r.badge {
            badges.push(badge(b, colour, theme, mode));
        }
    }
    for b in badges {
        routes = routes.add(b);
    }
    Some(routes)
}
