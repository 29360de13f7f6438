//! Ring labels: a pill on each ring, in a free place.

use std::f64::consts::PI;

use cirkel_core::Kernteam;

use super::polar;
use crate::geometry::{Anchor, Rect, RingLabel, TextRole};
use crate::options::LayoutOptions;
use crate::text::{HyphenLang, Style, text_block};

/// Places each ring's label on its ring line, at the free place nearest to
/// 6 o'clock (positions around the centre, origin at the centre). A ring
/// whose label finds no place gets `None` and is named in the legend.
/// `outer_radius` grows to take in the labels.
pub(super) fn place_ring_labels(
    k: &Kernteam,
    radii: &[f64],
    cards: &[Rect],
    centre_radius: f64,
    outer_radius: &mut f64,
    o: &LayoutOptions,
    hl: HyphenLang,
) -> Vec<Option<RingLabel>> {
    let f = &o.fonts;
    let label_style = Style::bold(f.ring_label);
    let mut taken: Vec<Rect> = cards.to_vec();
    let mut ring_labels: Vec<Option<RingLabel>> = Vec::new();
    for (ri, ring) in k.rings.iter().enumerate() {
        let text_width = label_style.width(&ring.label);
        let h = f.ring_label * o.line_height + 8.0;
        let w = text_width + 24.0;
        let mut found = None;
        if w < 2.0 * radii[ri] {
            for step in 0..120 {
                let offset = (step as f64 / 2.0).ceil() * if step % 2 == 0 { 1.0 } else { -1.0 };
                let angle = PI + offset * PI / 60.0;
                let (x, y) = polar(angle, radii[ri]);
                let rect = Rect::centred(x, y, w, h);
                let clear = rect.distance_to(0.0, 0.0) >= centre_radius + o.gap / 2.0
                    && !taken.iter().any(|t| t.overlaps(&rect, o.gap / 2.0));
                if clear {
                    found = Some(rect);
                    break;
                }
            }
        }
        ring_labels.push(found.map(|rect| {
            taken.push(rect);
            *outer_radius = outer_radius.max(
                libm::hypot(
                    rect.x.abs().max(rect.right().abs()),
                    rect.y.abs().max(rect.bottom().abs()),
                ) + 6.0,
            );
            let (mut lines, _) = text_block(
                &ring.label,
                label_style,
                f64::INFINITY,
                Anchor::Middle,
                TextRole::RingLabel,
                0.0,
                0.0,
                o,
                hl,
            );
            let mut line = lines.remove(0);
            line.translate(
                rect.x + rect.width / 2.0,
                rect.y + (rect.height - line.bounds.height) / 2.0,
            );
            RingLabel { rect, text: line }
        }));
    }
    ring_labels
}
