//! Member cards and the school disc, sized from their text. A card is
//! also set at a few other widths ([`Shape`]s), so that the placement can
//! give a card near 3 or 9 o'clock a narrower, taller shape and keep its
//! ring's band thin (quality bar 7).

use std::sync::Arc;

use cirkel_core::{Domain, Kernteam, Member};

use crate::geometry::{Anchor, Marker, Rect, TextLine, TextRole};
use crate::options::LayoutOptions;
use crate::text::{HyphenLang, Style, text_block};

/// A card before placement: text relative to the card's centre.
#[derive(Clone)]
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
    /// The "nieuw" marker, relative to the card's centre.
    pub new: Option<Marker>,
    /// Not a member's card: room kept for the ring's label.
    pub label_slot: bool,
    /// The card set at each width of [`SHAPE_FACTORS`] that differs from
    /// the others (the first is the card as it is built: `card_width`, or
    /// wider for a long name); a label slot has none.
    pub shapes: Arc<[Shape]>,
}

/// One way of setting a card's text: its size and its lines.
#[derive(Clone)]
pub(super) struct Shape {
    pub width: f64,
    pub height: f64,
    pub header_height: f64,
    pub text: Vec<TextLine>,
    pub photo: Option<(f64, f64)>,
    pub new: Option<Marker>,
}

impl Card {
    /// This card in shape `i` of its [`Card::shapes`].
    pub fn in_shape(&self, i: usize) -> Card {
        let mut c = self.clone();
        if let Some(s) = self.shapes.get(i) {
            c.width = s.width;
            c.height = s.height;
            c.header_height = s.header_height;
            c.text = s.text.clone();
            c.photo = s.photo;
            c.new = s.new.clone();
        }
        c
    }
}

/// The widths a card is set at, as multiples of its own width: its own
/// first, then narrower (taller) ones for the sides of the circle, where a
/// card's width is its radial size, and a wider (shorter) one for 12 and 6
/// o'clock, where its height is.
const SHAPE_FACTORS: [f64; 10] = [1.0, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6, 0.54, 1.1, 1.2];

/// A card may grow this much wider than `card_width` to keep a long name
/// whole (quality bar 8); a single word wider than that is split.
pub(crate) const MAX_CARD_WIDTH_FACTOR: f64 = 1.5;

/// The narrowest a card may be: its name's longest word whole (quality
/// bar 8), its portrait, and four of its largest letters a line.
fn narrowest(m: &Member, o: &LayoutOptions) -> f64 {
    let style = Style::regular(o.fonts.name);
    let widest = m
        .name
        .iter()
        .flat_map(|n| n.split(' '))
        .map(|w| style.width(w))
        .fold(0.0, f64::max);
    let f = &o.fonts;
    let inner = widest
        .max(4.0 * f.role.max(f.name).max(f.detail))
        .max(if m.photo.is_some() { o.photo_size } else { 0.0 });
    // Rounded up (and a hair more) so the word still fits once the
    // padding is taken off again.
    ((inner + 2.0 * o.card_padding_x) * 100.0).ceil() / 100.0 + 0.01
}

/// The card's width: `card_width`, or wider (up to
/// [`MAX_CARD_WIDTH_FACTOR`] times) when a word of the member's name would
/// not fit otherwise.
fn card_width(m: &Member, o: &LayoutOptions) -> f64 {
    narrowest(m, o).clamp(o.card_width, o.card_width * MAX_CARD_WIDTH_FACTOR)
}

/// The card of member `m`, with its other [`Shape`]s; `new` is the word
/// of its "nieuw" marker, when it has one.
pub(super) fn build_card(
    index: usize,
    m: &Member,
    o: &LayoutOptions,
    lang: HyphenLang,
    new: Option<&str>,
) -> Card {
    let width = card_width(m, o);
    let least = narrowest(m, o);
    let most = o.card_width * MAX_CARD_WIDTH_FACTOR;
    let mut widths: Vec<f64> = Vec::with_capacity(SHAPE_FACTORS.len());
    for f in SHAPE_FACTORS {
        let w = ((width * f).clamp(least.min(most), most) * 100.0).round() / 100.0;
        if widths.iter().all(|x| (x - w).abs() > 4.0) {
            widths.push(w);
        }
    }
    let shapes: Vec<Shape> = widths
        .iter()
        .map(|w| shape_card(m, o, lang, *w, new))
        .collect();
    let first = shapes[0].clone();
    Card {
        photo: first.photo,
        member: index,
        ring: m.ring,
        domain: m.domain,
        width: first.width,
        height: first.height,
        header_height: first.header_height,
        text: first.text,
        new: first.new,
        label_slot: false,
        shapes: shapes.into(),
    }
}

/// How far a "nieuw" marker's pill reaches left and right of its word.
pub(crate) const MARKER_PAD: f64 = 6.0;

/// A "nieuw" marker: `word` in bold at `size` on its pill, centred on `x`
/// (or starting there) from `top`.
pub(crate) fn marker(
    word: &str,
    size: f64,
    (x, top): (f64, f64),
    anchor: Anchor,
    o: &LayoutOptions,
) -> Marker {
    let (mut lines, _) = crate::text::text_block(
        word,
        Style::bold(size),
        f64::INFINITY,
        anchor,
        TextRole::New,
        x,
        top,
        o,
        HyphenLang::Names,
    );
    let mut text = lines.remove(0);
    if anchor == Anchor::Start {
        text.translate(MARKER_PAD, 0.0);
    }
    let b = text.bounds;
    Marker {
        rect: Rect {
            x: b.x - MARKER_PAD,
            y: b.y,
            width: b.width + 2.0 * MARKER_PAD,
            height: b.height,
        },
        text,
    }
}

/// Member `m`'s card text set `width` wide.
fn shape_card(
    m: &Member,
    o: &LayoutOptions,
    lang: HyphenLang,
    width: f64,
    new: Option<&str>,
) -> Shape {
    let f = &o.fonts;
    let inner = width - 2.0 * o.card_padding_x;
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
    let mut new = new.map(|word| {
        let top = y + o.card_padding_y * 0.6;
        let marker = marker(word, f.detail, (0.0, top), Anchor::Middle, o);
        y = marker.rect.bottom();
        marker
    });
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
            // Names break only at spaces and their own hyphens.
            let breaks = if r == TextRole::Name {
                HyphenLang::Names
            } else {
                lang
            };
            let (lines, ny) = text_block(&t, style, inner, Anchor::Middle, r, 0.0, y, o, breaks);
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
    if let Some(m) = &mut new {
        m.translate(0.0, -height / 2.0);
    }
    Shape {
        width,
        height,
        header_height,
        text,
        photo: photo.map(|(cy, r)| (cy - height / 2.0, r)),
        new,
    }
}

/// Largest radius the school disc grows to before its text steps down in
/// size, as a multiple of `centre_min_radius`.
const CENTRE_GROWTH: f64 = 1.3;
/// Before the disc grows, the school's name may step down to this share
/// of its size.
const CENTRE_MODEST_STEP: f64 = 0.85;
/// Largest radius of the school disc (a name of 200 characters fits).
const CENTRE_MAX_RADIUS: f64 = 2000.0;
/// The disc's text is set this many times its radius wide (a centred,
/// square-ish block).
pub(crate) const CENTRE_TEXT_WIDTH: f64 = 1.5;
/// Room between the disc's text and its edge.
const CENTRE_TEXT_ROOM: f64 = 12.0;

/// The school disc: its radius and its text centred at (0, 0). The
/// school's name and place break only at spaces and their own hyphens
/// (quality bar 8): the name steps down a little and the disc grows a
/// little first, then the name steps down towards the minimum font size,
/// and then the disc grows as far as the name needs.
pub(super) fn build_centre(k: &Kernteam, o: &LayoutOptions) -> (f64, Vec<TextLine>) {
    let f = &o.fonts;
    let sizes: Vec<f64> = {
        let mut v = Vec::new();
        let mut size = f.school;
        while size > f.minimum {
            v.push(size);
            size -= 1.0;
        }
        v.push(f.minimum.min(f.school));
        v
    };
    let grown = o.centre_min_radius * CENTRE_GROWTH;
    // First the smallest disc, the name at most a little smaller; then
    // smaller text in the grown disc.
    let modest = f.school * CENTRE_MODEST_STEP;
    let mut radius = o.centre_min_radius;
    while radius <= grown {
        for &size in sizes.iter().filter(|s| **s >= modest) {
            if let Some(lines) = centre_text(k, o, size, radius, false) {
                return (radius, lines);
            }
        }
        radius += 8.0;
    }
    for &size in sizes.iter().filter(|s| **s < modest) {
        if let Some(lines) = centre_text(k, o, size, grown, false) {
            return (grown, lines);
        }
    }
    let size = *sizes.last().unwrap_or(&f.school);
    let mut radius = grown;
    while radius < CENTRE_MAX_RADIUS {
        if let Some(lines) = centre_text(k, o, size, radius, false) {
            return (radius, lines);
        }
        radius += 8.0;
    }
    // A single word wider than the largest disc: split between characters.
    let lines = centre_text(k, o, size, CENTRE_MAX_RADIUS, true).unwrap_or_default();
    (CENTRE_MAX_RADIUS, lines)
}

/// The school's name (at `size`) and place in a disc of `radius`, when
/// every line fits the disc and no word had to be split (unless `split`).
fn centre_text(
    k: &Kernteam,
    o: &LayoutOptions,
    size: f64,
    radius: f64,
    split: bool,
) -> Option<Vec<TextLine>> {
    // Lines must fit the chord of the circle at their height; the usable
    // width is that of a centred square-ish block.
    let max_width = radius * CENTRE_TEXT_WIDTH;
    let school = Style::bold(size);
    let detail = Style::regular(o.fonts.body);
    let whole = |text: &str, style: Style| text.split(' ').all(|w| style.width(w) <= max_width);
    if !split
        && (!whole(&k.school.name, school)
            || k.school.place.as_ref().is_some_and(|p| !whole(p, detail)))
    {
        return None;
    }
    let names = HyphenLang::Names;
    let (mut lines, mut y) = text_block(
        &k.school.name,
        school,
        max_width,
        Anchor::Middle,
        TextRole::School,
        0.0,
        0.0,
        o,
        names,
    );
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
            names,
        );
        lines.extend(more);
        y = ny;
    }
    for l in &mut lines {
        l.translate(0.0, -y / 2.0);
    }
    let fits = lines.iter().all(|l| {
        l.bounds
            .corners()
            .iter()
            .all(|(x, y)| crate::geometry::hypot(*x, *y) <= radius - CENTRE_TEXT_ROOM)
    });
    (fits || split).then_some(lines)
}
