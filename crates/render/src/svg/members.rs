//! The cards: a coloured header with the role, the portrait, the text.

use std::collections::BTreeMap;

use cirkel_core::Photo;
use cirkel_layout::{Layout, Node, Portrait};
use svg::Node as _;
use svg::node::element::{Element, Group, Path as SvgPath};

use super::prim::{TextAs, base64, circle, num, rect, text};
use crate::style::{CARD_BORDER, CARD_RADIUS, PORTRAIT_TINT, card_header};
use crate::theme::Theme;

/// Every card, in member order.
pub(super) fn members(
    layout: &Layout,
    theme: &Theme,
    photos: &BTreeMap<String, Photo>,
    mode: TextAs,
) -> Group {
    let mut members = Group::new().set("id", "members");
    for n in &layout.nodes {
        members = members.add(card(n, theme, photos.get(&n.id), mode));
    }
    members
}

fn card(n: &Node, theme: &Theme, photo: Option<&Photo>, mode: TextAs) -> Group {
    let colour = theme.domain(n.domain).hex();
    let r = n.rect();
    // The header: the card's top with rounded corners, square at the bottom.
    let (header, top_radius) = card_header(&r, n.header_height);
    let (top, bottom) = (header.y, header.bottom());
    let header = format!(
        "M {x0} {b} L {x0} {t1} A {rad} {rad} 0 0 1 {x1} {t} L {x2} {t} A {rad} {rad} 0 0 1 {x3} {t1} L {x3} {b} Z",
        x0 = num(r.x),
        x1 = num(r.x + top_radius),
        x2 = num(r.right() - top_radius),
        x3 = num(r.right()),
        t = num(top),
        t1 = num(top + top_radius),
        b = num(bottom),
        rad = num(top_radius)
    );
    let mut g = Group::new()
        .set("id", format!("member-{}", n.id))
        .set("class", format!("member domain-{}", n.domain.key()))
        .add(
            rect(&r)
                .set("rx", num(CARD_RADIUS))
                .set("fill", theme.card.hex())
                .set("stroke", colour.clone())
                .set("stroke-width", CARD_BORDER),
        )
        .add(SvgPath::new().set("d", header).set("fill", colour.clone()));
    if let Some(p) = &n.photo {
        g = portrait(g, n, p, photo, theme);
    }
    for t in &n.text {
        g = g.add(text(t, theme, mode));
    }
    g
}

/// The round portrait: the photo embedded and clipped to its circle, or an
/// empty tinted circle when there is no photo to embed.
fn portrait(mut g: Group, n: &Node, p: &Portrait, photo: Option<&Photo>, theme: &Theme) -> Group {
    let colour = theme.domain(n.domain).hex();
    if let Some(ph) = photo {
        let href = format!("data:{};base64,{}", ph.kind.mime(), base64(&ph.bytes));
        let clip = format!("photo-clip-{}", n.id);
        let mut clip_path = Element::new("clipPath");
        clip_path.assign("id", clip.clone());
        clip_path.append(circle(p.x, p.y, p.radius));
        let mut image = Element::new("image");
        image.assign("x", num(p.x - p.radius));
        image.assign("y", num(p.y - p.radius));
        image.assign("width", num(2.0 * p.radius));
        image.assign("height", num(2.0 * p.radius));
        image.assign("preserveAspectRatio", "xMidYMid slice");
        image.assign("clip-path", format!("url(#{clip})"));
        image.assign("href", href);
        g = g.add(clip_path).add(image);
    } else {
        g = g.add(
            circle(p.x, p.y, p.radius)
                .set("fill", theme.domain(n.domain).tint(PORTRAIT_TINT).hex()),
        );
    }
    g.add(
        circle(p.x, p.y, p.radius)
            .set("fill", "none")
            .set("stroke", colour)
            .set("stroke-width", CARD_BORDER)
            .set("class", "portrait"),
    )
}
