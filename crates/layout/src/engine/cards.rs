//! Member cards and the school disc, sized from their text.

use cirkel_core::{Domain, Kernteam, Member};

use crate::geometry::{Anchor, TextLine, TextRole};
use crate::options::LayoutOptions;
use crate::text::{HyphenLang, Style, text_block};

/// A card before placement: text relative to the card's centre.
pub(super) struct Card {
    /// The portrait: centre y and radius, relative to the card's centre.
    pub photo: Option<(f64, f64)>,
    pub member: usize,
    pub ring: usize,
    pub domain: Domain,
    pub width: f64,
    pub height: f64,
    pub header_height: f64,
    pub text: Vec<TextLine>,
}

pub(super) fn build_card(index: usize, m: &Member, o: &LayoutOptions, lang: HyphenLang) -> Card {
    let f = &o.fonts;
    let inner = o.card_width - 2.0 * o.card_padding_x;
    let mut text = Vec::new();
    let role = Style::bold(f.role);
    let (lines, mut y) = text_block(
        &m.role,
        role,
        inner,
        Anchor::Middle,
        TextRole::Role,
        0.0,
        o.card_padding_y,
        o,
        lang,
    );
    text.extend(lines);
    y += o.card_padding_y;
    let header_height = y;
    let mut body: Vec<(String, Style, TextRole)> = Vec::new();
    let mut photo = None;
    if m.photo.is_some() {
        let r = o.photo_size / 2.0;
        y += o.card_padding_y;
        photo = Some((y + r, r));
        y += 2.0 * r;
    }
    if let Some(name) = &m.name {
        body.push((name.clone(), Style::regular(f.name), TextRole::Name));
    }
    let detail = Style::regular(f.detail);
    if o.compact {
        // Role and name only (small output sizes; see `LayoutOptions::compact`).
    } else if let Some(org) = &m.organisation {
        body.push((org.clone(), detail, TextRole::Organisation));
    }
    if let Some(av) = m.availability.as_ref().filter(|_| !o.compact) {
        body.push((av.clone(), detail, TextRole::Availability));
    }
    if !m.expertise.is_empty() && !o.compact {
        body.push((m.expertise.join(" · "), detail, TextRole::Expertise));
    }
    if !body.is_empty() {
        y += o.card_padding_y * 0.6;
        for (t, style, r) in body {
            let (lines, ny) = text_block(&t, style, inner, Anchor::Middle, r, 0.0, y, o, lang);
            text.extend(lines);
            y = ny;
        }
        y += o.card_padding_y;
    }
    if photo.is_some() && y < header_height + o.photo_size + 2.0 * o.card_padding_y {
        y = header_height + o.photo_size + 2.0 * o.card_padding_y;
    }
    let height = y;
    for line in &mut text {
        line.translate(0.0, -height / 2.0);
    }
    Card {
        photo: photo.map(|(cy, r)| (cy - height / 2.0, r)),
        member: index,
        ring: m.ring,
        domain: m.domain,
        width: o.card_width,
        height,
        header_height,
        text,
    }
}

/// The school disc: its radius and its text centred at (0, 0).
pub(super) fn build_centre(
    k: &Kernteam,
    o: &LayoutOptions,
    lang: HyphenLang,
) -> (f64, Vec<TextLine>) {
    let school = Style::bold(o.fonts.school);
    let detail = Style::regular(o.fonts.body);
    let mut radius = o.centre_min_radius;
    loop {
        // Text lines must fit the chord of the circle at their height; the
        // usable width is that of a centred square-ish block.
        let max_width = radius * 1.5;
        let (mut lines, y) = text_block(
            &k.school.name,
            school,
            max_width,
            Anchor::Middle,
            TextRole::School,
            0.0,
            0.0,
            o,
            lang,
        );
        let mut y = y;
        if let Some(place) = &k.school.place {
            let (more, ny) = text_block(
                place,
                detail,
                max_width,
                Anchor::Middle,
                TextRole::SchoolDetail,
                0.0,
                y,
                o,
                lang,
            );
            lines.extend(more);
            y = ny;
        }
        for l in &mut lines {
            l.translate(0.0, -y / 2.0);
        }
        let fits = lines.iter().all(|l| {
            let b = l.bounds;
            let corners = [
                (b.x, b.y),
                (b.right(), b.y),
                (b.x, b.bottom()),
                (b.right(), b.bottom()),
            ];
            corners
                .iter()
                .all(|(x, y)| libm::hypot(*x, *y) <= radius - 12.0)
        });
        let unbroken = k
            .school
            .name
            .split(' ')
            .all(|w| school.width(w) <= max_width)
            || radius > 150.0;
        if (fits && unbroken) || radius > 2000.0 {
            return (radius, lines);
        }
        radius += 8.0;
    }
}
