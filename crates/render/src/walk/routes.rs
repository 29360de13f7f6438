//! The routes on the walk: each line with its casing, its arrows, the
//! highlighted route's label, and the number badges on top of everything
//! (the order the SVG painter draws them in).

use cirkel_layout::{Arrow, Badge, Layout, Path};

use super::{Painter, Part, Shape, Tag, f, fill, rounded, stroke};
use crate::style::text_colour;
use crate::style::{
    ARROW_EDGE, BADGE_EDGE, ROUTE_CASING, ROUTE_LABEL_BORDER, ROUTE_LABEL_RADIUS, arrow_scale,
    escalation_dash, route_look, routes_in_order,
};
use crate::theme::{Rgb, Theme};

pub(super) fn routes(c: &mut impl Painter, layout: &Layout, theme: &Theme, focus: Option<&str>) {
    let mut badges = Vec::new();
    for r in routes_in_order(layout, focus) {
        let (strong, colour, width) = route_look(r, theme, focus);
        c.open(Part::Route(&r.id, strong));
        route_line(c, &r.path, colour, false, theme, width);
        route_line(c, &r.escalation_path, colour, true, theme, width);
        for leg in &r.legs {
            arrow(c, &leg.arrow, arrow_scale(width), colour, theme);
        }
        if focus == Some(r.id.as_str())
            && let Some(l) = &r.label
        {
            c.tag(Tag::RouteLabel);
            rounded(
                c,
                &l.rect,
                ROUTE_LABEL_RADIUS,
                Some(fill(theme.background)),
                Some(stroke(colour, ROUTE_LABEL_BORDER, None, false)),
            );
            for t in &l.text {
                c.text(t, text_colour(t.role, theme));
            }
        }
        c.close();
        if let Some(b) = &r.badge {
            badges.push((b, colour));
        }
    }
    for (b, colour) in badges {
        badge(c, b, colour, theme);
    }
}

/// A route line with its casing in the background colour.
pub(super) fn route_line(
    c: &mut impl Painter,
    path: &Path,
    colour: Rgb,
    escalation: bool,
    theme: &Theme,
    width: f64,
) {
    if path.is_empty() {
        return;
    }
    c.draw(
        &Shape::path(path),
        None,
        Some(stroke(theme.background, width + ROUTE_CASING, None, true)),
    );
    let dash = escalation.then(|| {
        let [on, off] = escalation_dash(width);
        vec![f(on), f(off)]
    });
    c.draw(
        &Shape::path(path),
        None,
        Some(stroke(colour, width, dash, false)),
    );
}

pub(super) fn arrow(c: &mut impl Painter, a: &Arrow, scale: f64, colour: Rgb, theme: &Theme) {
    let scaled = Arrow {
        length: a.length * scale,
        half_width: a.half_width * scale,
        ..*a
    };
    c.draw(
        &Shape::polygon(&scaled.corners()),
        Some(fill(colour)),
        Some(stroke(theme.background, ARROW_EDGE, None, false)),
    );
}

pub(super) fn badge(c: &mut impl Painter, b: &Badge, colour: Rgb, theme: &Theme) {
    c.open(Part::Badge);
    c.disc(
        (b.x, b.y),
        b.radius,
        Some(fill(colour)),
        Some(stroke(theme.background, BADGE_EDGE, None, false)),
    );
    c.text(&b.text, crate::style::readable_on(colour, theme));
    c.close();
}
