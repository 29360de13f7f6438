//! Title, legend and footer: swatches, line samples, badges and text.

use cirkel_layout::{BoxKind, SampleKind, TextBox};
use svg::Node as _;
use svg::node::element::{Element, Group};

use super::lines::{ROUTE_WIDTH, badge, route_line, tie_path};
use super::prim::{TextAs, domain_fill, num, rect, text};
use crate::safety::is_safe_link;
use crate::style::{SWATCH_BORDER, SWATCH_RADIUS};
use crate::theme::Theme;

/// One block around the circle, as a group named after its kind.
pub(super) fn text_box(b: &TextBox, theme: &Theme, mode: TextAs) -> Group {
    let kind = match b.kind {
        BoxKind::Title => "title",
        BoxKind::Legend => "legend",
        BoxKind::Footer => "footer",
    };
    let mut g = Group::new().set("id", kind);
    for s in &b.swatches {
        g = g.add(
            rect(&s.rect)
                .set("rx", num(SWATCH_RADIUS))
                .set(
                    "fill",
                    if theme.patterns {
                        domain_fill(s.domain, theme, 0, theme.ring_tint(0, 1))
                    } else {
                        theme.domain(s.domain).hex()
                    },
                )
                .set("stroke", theme.domain(s.domain).hex())
                .set("stroke-width", num(SWATCH_BORDER))
                .set("class", format!("domain-{}", s.domain.key())),
        );
    }
    for sample in &b.samples {
        let d = sample.path.to_string();
        g = g.add(match sample.kind {
            SampleKind::Tie(tie) => Group::new().add(tie_path(&d, tie, theme)),
            SampleKind::Route => route_line(&d, &theme.text.hex(), false, theme, ROUTE_WIDTH),
            SampleKind::Escalation => route_line(&d, &theme.text.hex(), true, theme, ROUTE_WIDTH),
        });
    }
    for bd in &b.badges {
        g = g.add(badge(bd, theme.route(bd.number), theme, mode));
    }
    for t in &b.text {
        match t.link.as_deref().filter(|l| is_safe_link(l)) {
            Some(href) => {
                let mut a = Element::new("a");
                a.assign("href", href);
                a.append(text(t, theme, mode));
                g = g.add(a);
            }
            None => g = g.add(text(t, theme, mode)),
        }
    }
    g
}
