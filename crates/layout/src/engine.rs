//! The layout algorithm.
//!
//! 1. Cards are sized from their text (role in a coloured header, then name,
//!    organisation, availability, expertise), wrapped by measured width.
//! 2. Ring radii start from the card heights and grow until everything fits:
//!    each domain gets one angular sector, the same on every ring, at least as
//!    wide as its busiest ring needs; a ring whose sectors do not fit in 360°
//!    grows. Cards are spaced evenly inside their sector, at least one "slot"
//!    apart, where a slot is the angle whose chord equals the diagonal of a
//!    card plus gap, so two cards on one ring can never overlap, whatever
//!    their angle.
//! 3. Cards on different rings are checked pairwise; a conflict pushes the
//!    outer ring (and all rings outside it) outwards until none is left.
//! 4. Ring labels go to the free place on their ring nearest to 6 o'clock;
//!    title above, legend and footer below the circle.
//!
//! Every step is a pure function of the input, iterating in input order with
//! `libm` trigonometry, so the result is the same on every machine.

use std::f64::consts::PI;

use rayon::prelude::*;

use cirkel_core::{Domain, Kernteam, Lang, Member, Tie};

use crate::geometry::*;
use crate::options::LayoutOptions;
use crate::routes::{Scene, place_badges_and_labels, route_paths, tie_lines};
use crate::text::{HyphenLang, Style, wrap};

/// Why a layout could not be made.
#[derive(Debug, Clone, PartialEq)]
pub enum LayoutError {
    /// The rings did not settle within the iteration limit (a bug, reported
    /// as an error rather than a hang).
    DidNotConverge,
    /// The kernteam has no rings (only possible for a hand-built value:
    /// parsing always gives at least one).
    NoRings,
    /// A member names a ring index that does not exist (hand-built value).
    UnknownRing(String),
    /// The diagram would be larger than [`MAX_CANVAS_SIDE`] on a side.
    TooLarge {
        /// Width it would need.
        width: f64,
        /// Height it would need.
        height: f64,
    },
}

/// The largest canvas side, in layout px. 200 members with the usual amount
/// of text need about 11,000; only extreme amounts of text go past it.
pub const MAX_CANVAS_SIDE: f64 = 30_000.0;

impl std::fmt::Display for LayoutError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LayoutError::DidNotConverge => write!(
                f,
                "the layout did not settle; please report this input as a bug"
            ),
            LayoutError::NoRings => write!(f, "the kernteam has no rings"),
            LayoutError::TooLarge { width, height } => write!(
                f,
                "the diagram would be {width:.0} × {height:.0} px; the limit is {MAX_CANVAS_SIDE:.0} px a side. Shorten the texts on the cards (expertise, organisation) or split the circle"
            ),
            LayoutError::UnknownRing(id) => {
                write!(f, "member \"{id}\" is on a ring that does not exist")
            }
        }
    }
}

impl std::error::Error for LayoutError {}

/// Vertical metrics of the bundled font (Noto Sans), as fractions of the size.
const ASCENT: f64 = 1.069;
const DESCENT: f64 = 0.293;

/// Lays text out in lines from `top`; returns the lines and the new top.
#[allow(clippy::too_many_arguments)]
pub(crate) fn text_block(
    text: &str,
    style: Style,
    max_width: f64,
    anchor: Anchor,
    role: TextRole,
    x: f64,
    top: f64,
    options: &LayoutOptions,
    lang: HyphenLang,
) -> (Vec<TextLine>, f64) {
    let line_height = style.size * options.line_height;
    let mut out = Vec::new();
    let mut y = top;
    for line in wrap(text, style, max_width, lang) {
        let width = style.width(&line);
        let left = match anchor {
            Anchor::Start => x,
            Anchor::Middle => x - width / 2.0,
        };
        let baseline =
            y + (line_height - (ASCENT + DESCENT) * style.size) / 2.0 + ASCENT * style.size;
        out.push(TextLine {
            text: line,
            x,
            y: baseline,
            size: style.size,
            weight: style.weight,
            anchor,
            role,
            bounds: Rect {
                x: left,
                y,
                width,
                height: line_height,
            },
        });
        y += line_height;
    }
    (out, y)
}

/// Left-aligned paragraphs, one below the other (legend and footer).
struct Flow<'a> {
    text: Vec<TextLine>,
    x: f64,
    y: f64,
    width: f64,
    options: &'a LayoutOptions,
    lang: HyphenLang,
}

impl Flow<'_> {
    fn paragraph(&mut self, text: &str, style: Style, role: TextRole) {
        let (lines, y) = text_block(
            text,
            style,
            self.width,
            Anchor::Start,
            role,
            self.x,
            self.y,
            self.options,
            self.lang,
        );
        self.text.extend(lines);
        self.y = y;
    }
}

/// Legend items (a marker, then its label) flowing in rows from `left`
/// across `width`.
struct LegendFlow<'a> {
    x: f64,
    y: f64,
    left: f64,
    width: f64,
    line_height: f64,
    style: Style,
    options: &'a LayoutOptions,
    lang: HyphenLang,
}

impl LegendFlow<'_> {
    /// Places one item with a marker `marker` px wide; its label's lines go
    /// to `out`. Returns the top-left of the marker's row slot.
    fn item(&mut self, marker: f64, label: &str, out: &mut Vec<TextLine>) -> (f64, f64) {
        let room = self.width - marker - 10.0;
        let item_width = marker + 10.0 + self.style.width(label).min(room);
        if self.x > self.left && self.x + item_width > self.left + self.width {
            self.x = self.left;
            self.y += self.line_height;
        }
        let at = (self.x, self.y);
        let (lines, _) = text_block(
            label,
            self.style,
            room,
            Anchor::Start,
            TextRole::Body,
            self.x + marker + 10.0,
            self.y,
            self.options,
            self.lang,
        );
        let used = lines.len().max(1) as f64;
        out.extend(lines);
        if used > 1.0 {
            self.y += (used - 1.0) * self.line_height;
            self.x = self.left + self.width; // force a new row
        } else {
            self.x += item_width + 32.0;
        }
        at
    }
}

fn hyphen_lang(lang: Lang) -> HyphenLang {
    match lang {
        Lang::Nl => HyphenLang::Dutch,
        Lang::En => HyphenLang::English,
    }
}

/// A card before placement: text relative to the card's centre.
struct Card {
    /// The portrait: centre y and radius, relative to the card's centre.
    photo: Option<(f64, f64)>,
    member: usize,
    ring: usize,
    domain: Domain,
    width: f64,
    height: f64,
    header_height: f64,
    text: Vec<TextLine>,
}

fn build_card(index: usize, m: &Member, o: &LayoutOptions, lang: HyphenLang) -> Card {
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
fn build_centre(k: &Kernteam, o: &LayoutOptions, lang: HyphenLang) -> (f64, Vec<TextLine>) {
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

/// Angle (radians, clockwise from 12 o'clock) to a point at `radius`.
fn polar(angle: f64, radius: f64) -> (f64, f64) {
    (radius * libm::sin(angle), -radius * libm::cos(angle))
}

struct Placement {
    radii: Vec<f64>,
    /// Per ring, the radii of its tracks (one track: just the ring radius).
    tracks: Vec<Vec<f64>>,
    /// Runs of each domain: (ring, or `None` for all rings, domain, start, end).
    sectors: Vec<(Option<usize>, Domain, f64, f64)>,
    angles: Vec<f64>,
    /// Per card, its track on its ring.
    track_of: Vec<usize>,
    /// Radius of the farthest card corner.
    extent: f64,
}

const MAX_ITERATIONS: usize = 5000;

/// A ring with more cards than this gets a second staggered track, and so on.
pub(crate) const CARDS_PER_TRACK: usize = 14;
/// The most tracks one ring gets.
pub(crate) const MAX_TRACKS: usize = 4;

/// The chord two cards on one ring need between their centres when the
/// chord's midpoint lies at an angle with |sin| `s` and |cos| `c`: the chord
/// runs along the tangent (cos, sin), and two boxes are apart when they are apart horizontally
/// *or* vertically. At 12 o'clock that is the card width, at 3 o'clock only
/// the card height.
fn chord_needed(s: f64, c: f64, w: f64, h: f64) -> f64 {
    let horizontal = if c > 1e-9 { w / c } else { f64::INFINITY };
    let vertical = if s > 1e-9 { h / s } else { f64::INFINITY };
    horizontal.min(vertical)
}

/// The tangential distance two cards on neighbouring tracks (radii `delta`
/// apart) need at an angle with |sin| `s` and |cos| `c` so that they are
/// apart horizontally or vertically,
/// whichever of the two is inner. Along the radius they are already `delta`
/// apart, which at 12 o'clock is vertical (enough when `delta >= h`) and at
/// 3 o'clock horizontal (rarely enough: cards are wider than tall).
fn cross_track_needed(s: f64, c: f64, w: f64, h: f64, delta: f64) -> f64 {
    // Smallest t >= 0 with |a + t*b| >= limit, where the radial part a may
    // help (a >= 0) or oppose (a < 0) the tangential part.
    let solve = |a: f64, b: f64, limit: f64| -> f64 {
        if a.abs() >= limit {
            0.0
        } else if b <= 1e-9 {
            f64::INFINITY
        } else {
            // a + t*b grows from a: it reaches +limit (never -limit).
            (limit - a) / b
        }
    };
    let helps = solve(delta * s, c, w).min(solve(-delta * c, s, h).min(solve(delta * c, s, h)));
    let opposes = solve(-delta * s, c, w).min(solve(delta * c, s, h).min(solve(-delta * c, s, h)));
    helps.max(opposes).max(0.0)
}

/// How far to move a ring out when its runs need `total` radians: a need
/// falls roughly as 1/radius, so most of the way to `radius * total / 2π`
/// (a little short of it, since the need falls faster than 1/radius at small
/// radii), and at least 1% or 4 px.
fn overflow_growth(radius: f64, total: f64) -> f64 {
    let ratio = if total.is_finite() {
        total / (2.0 * PI)
    } else {
        2.0
    };
    let factor = (1.0 + (ratio - 1.0) * 0.8).clamp(1.01, 2.0);
    (radius * (factor - 1.0)).max(4.0)
}

/// Track radii of a ring: centred on the ring radius, `spacing` apart.
fn track_radii(radius: f64, tracks: usize, spacing: f64) -> Vec<f64> {
    (0..tracks)
        .map(|t| radius + (t as f64 - (tracks as f64 - 1.0) / 2.0) * spacing)
        .collect()
}

/// How to divide the circle: one of the candidates [`place_best`] tries.
#[derive(Clone, Copy)]
struct Plan<'a> {
    /// Where the domains start, radians clockwise from 12 o'clock.
    rotation: f64,
    /// Split crowded rings into staggered tracks.
    staggered: bool,
    /// One run per domain on all rings (else runs per ring).
    shared: bool,
    /// An earlier layout to keep to.
    anchor: Option<&'a Previous>,
}

/// Places the cards (centred at the origin), with the first domain's sector
/// centred at `rotation` (radians clockwise from 12 o'clock). Cards are in
/// ring order, then domain order, then input order; that order is their
/// angular order on each ring. A crowded ring is split into staggered
/// tracks: its cards take the tracks in turn, so cards on one track are
/// several steps apart.
fn place(
    cards: &[Card],
    ring_count: usize,
    centre_radius: f64,
    plan: Plan<'_>,
    o: &LayoutOptions,
) -> Result<Placement, LayoutError> {
    let Plan {
        rotation,
        staggered,
        shared,
        anchor,
    } = plan;
    let domains: Vec<Domain> = Domain::ALL
        .into_iter()
        .filter(|d| cards.iter().any(|c| c.domain == *d))
        .collect();
    let mut count = vec![vec![0usize; ring_count]; domains.len()];
    let mut max_height = vec![0.0f64; ring_count];
    let mut on_ring = vec![0usize; ring_count];
    for c in cards {
        if let Some(di) = domains.iter().position(|d| *d == c.domain) {
            count[di][c.ring] += 1;
        }
        max_height[c.ring] = max_height[c.ring].max(c.height);
        on_ring[c.ring] += 1;
    }
    for h in &mut max_height {
        if *h == 0.0 {
            *h = 40.0; // an empty ring still has a band and a label
        }
    }
    let tracks: Vec<usize> = on_ring
        .iter()
        .enumerate()
        .map(|(k, n)| {
            if let Some(t) = anchor.and_then(|a| a.tracks[k].as_ref()) {
                return t.len().max(1);
            }
            if staggered {
                n.div_ceil(CARDS_PER_TRACK).clamp(1, MAX_TRACKS)
            } else {
                1
            }
        })
        .collect();
    // Track spacing starts at one card height (staggered); it widens where
    // cards of two tracks touch, up to the card diagonal, where they cannot.
    let diagonal = |k: usize| libm::hypot(o.card_width + o.gap, max_height[k] + o.gap);
    let mut spacing: Vec<f64> = max_height.iter().map(|h| h + o.gap).collect();
    if let Some(a) = anchor {
        for (k, t) in a.tracks.iter().enumerate() {
            if let Some(t) = t
                && t.len() > 1
            {
                spacing[k] = spacing[k].max(t[1] - t[0]);
            }
        }
    }
    // A card's place in its ring's sequence picks its track.
    let mut track_of = vec![0usize; cards.len()];
    let mut seen = vec![0usize; ring_count];
    for (ci, c) in cards.iter().enumerate() {
        track_of[ci] = seen[c.ring] % tracks[c.ring];
        seen[c.ring] += 1;
    }
    let half_band = |k: usize, spacing: &[f64]| (tracks[k] as f64 - 1.0) / 2.0 * spacing[k];
    // With one run per domain on all rings, cards of neighbouring rings may
    // interleave (the wedges span all rings). With runs per ring, each ring
    // keeps its own band, so rings stay at least a card apart.
    let band_gap = |k: usize| {
        if shared {
            o.ring_gap
        } else {
            o.ring_gap + (max_height[k - 1] + max_height[k]) / 2.0
        }
    };

    // Start tight: rings only a gap apart. Cards of neighbouring rings may
    // interleave; the overlap check below pushes rings apart where needed.
    let mut radii = vec![0.0; ring_count];
    radii[0] =
        centre_radius + o.ring_gap + max_height[0].min(o.card_width) / 2.0 + half_band(0, &spacing);
    for k in 1..ring_count {
        radii[k] = radii[k - 1]
            + half_band(k - 1, &spacing)
            + half_band(k, &spacing)
            + band_gap(k).max(o.ring_gap + max_height[k - 1].min(max_height[k]) / 2.0);
    }
    // An earlier layout fixes where rings are (they may still grow).
    if let Some(a) = anchor {
        for (k, r) in a.radii.iter().enumerate() {
            if let Some(r) = r {
                radii[k] = radii[k].max(*r);
            }
        }
    }
    // Moves ring k out by `amount`; rings outside it move only as far as
    // needed to keep the tracks of neighbouring rings in order.
    let grow = |radii: &mut Vec<f64>, spacing: &[f64], k: usize, amount: f64| {
        radii[k] += amount;
        for j in 1..radii.len() {
            let min =
                radii[j - 1] + half_band(j - 1, spacing) + half_band(j, spacing) + band_gap(j);
            if radii[j] < min {
                let shift = min - radii[j];
                for r in radii.iter_mut().skip(j) {
                    *r += shift;
                }
            }
        }
    };
    // Where each domain points: its centre in a partition of the circle by
    // member count, starting at `rotation`. Every ring centres its run of a
    // domain as close to that direction as the ring allows, so a domain
    // reads as one wedge even though each ring divides its own circle.
    let total_members: f64 = cards.len().max(1) as f64;
    let mut direction = vec![0.0f64; domains.len()];
    {
        let sizes: Vec<f64> = count
            .iter()
            .map(|c| 2.0 * PI * c.iter().sum::<usize>() as f64 / total_members)
            .collect();
        let mut start = rotation - sizes.first().copied().unwrap_or(0.0) / 2.0;
        for (di, size) in sizes.iter().enumerate() {
            direction[di] = start + size / 2.0;
            start += size;
        }
    }
    if ring_count > 0 {
        grow(&mut radii, &spacing, 0, 0.0);
    }
    let count_total: Vec<usize> = count.iter().map(|c| c.iter().sum()).collect();
    // ranges[k][d]: the run of domain d on ring k (empty when it has no card there).
    let mut ranges: Vec<Vec<(f64, f64)>> = match anchor {
        Some(a) => a.ranges.clone(),
        None => (0..ring_count)
            .map(|_| direction.iter().map(|d| (*d, *d)).collect())
            .collect(),
    };

    // What a domain's run on a ring needs, given where runs and rings are now.
    let need_of =
        |k: usize, di: usize, ranges: &[Vec<(f64, f64)>], radii: &[f64], spacing: &[f64]| {
            run_need(
                k,
                di,
                &count,
                ranges,
                radii,
                spacing,
                &tracks,
                &max_height,
                o,
            )
        };
    'grow: for _ in 0..MAX_ITERATIONS {
        // A domain needs, on each ring, one slot per card (divided by the
        // ring's tracks), where a slot is the angle whose chord is what two
        // neighbouring cards need where they meet. Needs depend on where the
        // runs are, so settle them in a few rounds; the overlap check below
        // is the judge.
        if anchor.is_some() {
            // The runs are fixed: a run too narrow for its cards makes its
            // ring grow instead of taking room from the other domains.
            for k in 0..ring_count {
                for di in 0..domains.len() {
                    let need = need_of(k, di, &ranges, &radii, &spacing);
                    let size = ranges[k][di].1 - ranges[k][di].0;
                    if need > size * (1.0 + 1e-9) {
                        let amount = if size > 0.0 {
                            overflow_growth(radii[k], 2.0 * PI * need / size)
                        } else {
                            radii[k]
                        };
                        grow(&mut radii, &spacing, k, amount);
                        continue 'grow;
                    }
                }
            }
        }
        let rounds = if anchor.is_some() { 0 } else { 6 };
        for _round in 0..rounds {
            let before = ranges.clone();
            let need: Vec<Vec<f64>> = (0..ring_count)
                .map(|k| {
                    (0..domains.len())
                        .map(|di| need_of(k, di, &ranges, &radii, &spacing))
                        .collect()
                })
                .collect();
            if shared {
                // One run per domain, the same on every ring: as wide as the
                // domain's busiest ring needs.
                let widest: Vec<f64> = (0..domains.len())
                    .map(|di| (0..ring_count).map(|k| need[k][di]).fold(0.0, f64::max))
                    .collect();
                let total: f64 = widest.iter().sum();
                if total.is_nan() || total > 2.0 * PI {
                    // Grow the ring that sets the width of most of the circle.
                    let mut blame = vec![0.0f64; ring_count];
                    for di in 0..domains.len() {
                        let k = (0..ring_count)
                            .max_by(|a, b| need[*a][di].total_cmp(&need[*b][di]).then(b.cmp(a)))
                            .unwrap_or(0);
                        blame[k] += if widest[di].is_finite() {
                            widest[di]
                        } else {
                            1e9
                        };
                    }
                    let k = (0..ring_count)
                        .max_by(|a, b| blame[*a].total_cmp(&blame[*b]).then(b.cmp(a)))
                        .unwrap_or(0);
                    let amount = overflow_growth(radii[k], total);
                    grow(&mut radii, &spacing, k, amount);
                    continue 'grow;
                }
                let all: Vec<usize> = (0..domains.len()).filter(|di| widest[*di] > 0.0).collect();
                let runs = share_circle(&all, &widest, total, &count_total, &direction);
                for ring_ranges in ranges.iter_mut() {
                    ring_ranges.clone_from(&runs);
                }
            } else {
                // Each ring divides its own circle among the domains it holds.
                for k in 0..ring_count {
                    let present: Vec<usize> =
                        (0..domains.len()).filter(|di| count[*di][k] > 0).collect();
                    if present.is_empty() {
                        continue;
                    }
                    let total: f64 = need[k].iter().sum();
                    if total.is_nan() || total > 2.0 * PI {
                        let amount = overflow_growth(radii[k], total);
                        grow(&mut radii, &spacing, k, amount);
                        continue 'grow;
                    }
                    let weights: Vec<usize> = (0..domains.len()).map(|di| count[di][k]).collect();
                    ranges[k] = share_circle(&present, &need[k], total, &weights, &direction);
                }
            }
            // Settled: the runs no longer move (a thousandth of a degree).
            let moved = before
                .iter()
                .flatten()
                .zip(ranges.iter().flatten())
                .map(|(a, b)| (a.0 - b.0).abs().max((a.1 - b.1).abs()))
                .fold(0.0, f64::max);
            if moved < 1e-5 {
                break;
            }
        }
        // Even spacing inside each sector, per ring.
        let mut angles = vec![0.0; cards.len()];
        let mut index_in_group = vec![vec![0usize; ring_count]; domains.len()];
        for (ci, c) in cards.iter().enumerate() {
            let di = domains.iter().position(|d| *d == c.domain).unwrap_or(0);
            let n = count[di][c.ring] as f64;
            let i = index_in_group[di][c.ring] as f64;
            index_in_group[di][c.ring] += 1;
            let (s, e) = ranges[c.ring][di];
            angles[ci] = s + (i + 0.5) * (e - s) / n;
        }
        let track_sets: Vec<Vec<f64>> = (0..ring_count)
            .map(|k| track_radii(radii[k], tracks[k], spacing[k]))
            .collect();
        let rects: Vec<Rect> = cards
            .iter()
            .zip(&angles)
            .zip(&track_of)
            .map(|((c, a), t)| {
                let (x, y) = polar(*a, track_sets[c.ring][*t]);
                Rect::centred(x, y, c.width, c.height)
            })
            .collect();
        // Conflicts: widen a ring's tracks, or push the innermost ring out.
        let mut push: Option<usize> = None;
        let mut widen: Option<usize> = None;
        // What pushes each ring: a card too close to the school (i, i) or
        // two cards that overlap (i, j), with the ring that must move.
        let mut pushes: Vec<(usize, usize, usize)> = Vec::new();
        for (i, r) in rects.iter().enumerate() {
            let ri = cards[i].ring;
            if r.distance_to(0.0, 0.0) < centre_radius + o.gap {
                push = Some(push.map_or(ri, |p: usize| p.min(ri)));
                pushes.push((ri, i, i));
            }
            for (j, q) in rects.iter().enumerate().skip(i + 1) {
                if r.overlaps(q, o.gap) {
                    let rj = cards[j].ring;
                    if ri == rj && track_of[i] != track_of[j] && spacing[ri] < diagonal(ri) {
                        widen = Some(widen.map_or(ri, |p: usize| p.min(ri)));
                    } else {
                        let k = ri.max(rj);
                        push = Some(push.map_or(k, |p: usize| p.min(k)));
                        pushes.push((k, i, j));
                    }
                }
            }
        }
        match (push, widen) {
            (None, None) => {
                let extent = rects
                    .iter()
                    .flat_map(|r| {
                        [
                            (r.x, r.y),
                            (r.right(), r.y),
                            (r.x, r.bottom()),
                            (r.right(), r.bottom()),
                        ]
                    })
                    .map(|(x, y)| libm::hypot(x, y))
                    .fold(radii.last().copied().unwrap_or(0.0), f64::max);
                let sectors = if shared {
                    domains
                        .iter()
                        .enumerate()
                        .map(|(di, d)| (None, *d, ranges[0][di].0, ranges[0][di].1))
                        .collect()
                } else {
                    (0..ring_count)
                        .flat_map(|k| {
                            let (ranges, count) = (&ranges, &count);
                            domains
                                .iter()
                                .enumerate()
                                .filter(move |(di, _)| count[*di][k] > 0)
                                .map(move |(di, d)| (Some(k), *d, ranges[k][di].0, ranges[k][di].1))
                        })
                        .collect()
                };
                return Ok(Placement {
                    radii,
                    tracks: track_sets,
                    sectors,
                    angles,
                    track_of,
                    extent,
                });
            }
            (_, Some(k)) => {
                spacing[k] = (spacing[k] + 8.0).min(diagonal(k));
                grow(&mut radii, &spacing, k, 4.0);
            }
            (Some(k), None) => {
                // Move the ring out as far as its worst conflict needs with
                // the angles as they are (found by bisection), not in small
                // steps: the runs are recomputed next round anyway.
                let moved = |i: usize, d: f64| {
                    let c = &cards[i];
                    let radius =
                        track_sets[c.ring][track_of[i]] + if c.ring == k { d } else { 0.0 };
                    let (x, y) = polar(angles[i], radius);
                    Rect::centred(x, y, c.width, c.height)
                };
                let apart = |i: usize, j: usize, d: f64| {
                    if i == j {
                        moved(i, d).distance_to(0.0, 0.0) >= centre_radius + o.gap
                    } else {
                        !moved(i, d).overlaps(&moved(j, d), o.gap)
                    }
                };
                let mut amount = 0.0f64;
                for &(ring, i, j) in &pushes {
                    if ring != k {
                        continue;
                    }
                    let mut hi = (radii[k] * 0.01).max(3.0);
                    while !apart(i, j, hi) && hi < 4.0 * radii[k].max(100.0) {
                        hi *= 2.0;
                    }
                    let mut lo = 0.0;
                    for _ in 0..24 {
                        let mid = (lo + hi) / 2.0;
                        if apart(i, j, mid) {
                            hi = mid;
                        } else {
                            lo = mid;
                        }
                    }
                    amount = amount.max(hi);
                }
                grow(&mut radii, &spacing, k, amount.max(0.5));
            }
        }
    }
    Err(LayoutError::DidNotConverge)
}

/// The angle domain `di` needs on ring `k`: one slot per card, divided by the
/// ring's tracks. A slot is the angle whose chord is what two neighbouring
/// cards need where they meet (between the run's cards, and at its edges).
#[allow(clippy::too_many_arguments)]
fn run_need(
    k: usize,
    di: usize,
    count: &[Vec<usize>],
    ranges: &[Vec<(f64, f64)>],
    radii: &[f64],
    spacing: &[f64],
    tracks: &[usize],
    max_height: &[f64],
    o: &LayoutOptions,
) -> f64 {
    let n = count[di][k];
    if n == 0 {
        return 0.0;
    }
    let (s, e) = ranges[k][di];
    let step = (e - s) / n as f64;
    let (w, h) = (o.card_width + o.gap, max_height[k] + o.gap);
    let inner = radii[k] - (tracks[k] as f64 - 1.0) / 2.0 * spacing[k];
    let angle_for = |chord: f64| {
        if chord >= 2.0 * inner {
            f64::INFINITY
        } else {
            2.0 * libm::asin(chord / (2.0 * inner))
        }
    };
    // Where neighbours meet: the run's ends and the n - 1 points between
    // cards. Their sines and cosines by rotation, two libm calls per run
    // instead of two per point (this is the layout's innermost loop).
    let (sin_step, cos_step) = (libm::sin(step), libm::cos(step));
    let (mut sin_m, mut cos_m) = (libm::sin(s), libm::cos(s));
    // One track: neighbours need the chord. Several tracks: cards of one
    // track are `t` steps apart, and neighbours (on other tracks) need the
    // cross-track distance. `asin` is monotone: take the largest chord first.
    let t = tracks[k].min(n).max(1);
    let mut same = h;
    let mut cross = 0.0f64;
    for _ in 0..=n {
        let (sa, ca) = (sin_m.abs(), cos_m.abs());
        same = same.max(chord_needed(sa, ca, w, h));
        if t > 1 {
            cross = cross.max(cross_track_needed(sa, ca, w, h, spacing[k]));
        }
        (sin_m, cos_m) = (
            sin_m * cos_step + cos_m * sin_step,
            cos_m * cos_step - sin_m * sin_step,
        );
    }
    let mut step = angle_for(same) / t as f64;
    if t > 1 {
        step = step.max(angle_for(cross));
    }
    n as f64 * step
}

/// Divides the circle among the domains in `present` (in circle order): each
/// gets its need plus a share of the slack in proportion to it, and the
/// whole is turned so the runs sit closest to their domains' directions
/// (the circular mean of the offsets, weighted by `weights`). Domains not
/// present get an empty run where they would be, so the order stays visible.
fn share_circle(
    present: &[usize],
    need: &[f64],
    total: f64,
    weights: &[usize],
    direction: &[f64],
) -> Vec<(f64, f64)> {
    let mut runs = vec![(0.0, 0.0); need.len()];
    if present.is_empty() {
        return runs;
    }
    let slack = 2.0 * PI - total;
    let mut cursor = 0.0;
    let mut centre = vec![0.0f64; need.len()];
    for &di in present {
        let size = need[di] + slack * need[di] / total.max(1e-12);
        runs[di] = (cursor, cursor + size);
        centre[di] = cursor + size / 2.0;
        cursor += size;
    }
    let (mut sx, mut cx) = (0.0, 0.0);
    for &di in present {
        let w = weights[di] as f64;
        let delta = direction[di] - centre[di];
        sx += w * libm::sin(delta);
        cx += w * libm::cos(delta);
    }
    let turn = if sx == 0.0 && cx == 0.0 {
        0.0
    } else {
        libm::atan2(sx, cx)
    };
    for &di in present {
        runs[di].0 += turn;
        runs[di].1 += turn;
    }
    let mut last = runs[present[0]].0;
    for (di, run) in runs.iter_mut().enumerate() {
        if present.contains(&di) {
            last = run.1;
        } else {
            *run = (last, last);
        }
    }
    runs
}

/// What an earlier layout of the same school fixes for the next one: how
/// the circle is divided, each domain's run on each ring, and where the rings
/// are. `None` where the earlier layout has nothing to say (a new ring); no
/// anchor at all when a domain appears on a ring where it had no run (then
/// the circle is planned afresh) or when the earlier layout is not sound.
struct Previous {
    shared: bool,
    /// [ring][domain index]: the run, in radians.
    ranges: Vec<Vec<(f64, f64)>>,
    radii: Vec<Option<f64>>,
    tracks: Vec<Option<Vec<f64>>>,
}

fn anchor_from(previous: &Layout, k: &Kernteam, cards: &[Card]) -> Option<Previous> {
    let domains: Vec<Domain> = Domain::ALL
        .into_iter()
        .filter(|d| cards.iter().any(|c| c.domain == *d))
        .collect();
    let sane = |v: f64| v.is_finite() && v > 0.0 && v < MAX_CANVAS_SIDE;
    let shared = previous.sectors.iter().all(|s| s.ring.is_none());
    let mut ranges = vec![vec![(0.0, 0.0); domains.len()]; k.rings.len()];
    for (ri, ring) in k.rings.iter().enumerate() {
        let mut total = 0.0;
        for (di, d) in domains.iter().enumerate() {
            let sector = previous
                .sectors
                .iter()
                .find(|s| s.domain == *d && s.ring.as_ref().is_none_or(|r| *r == ring.id));
            let has_cards = cards.iter().any(|c| c.ring == ri && c.domain == *d);
            match sector {
                Some(s)
                    if s.start_deg.is_finite()
                        && s.end_deg.is_finite()
                        && s.end_deg >= s.start_deg
                        && s.end_deg - s.start_deg <= 360.0 =>
                {
                    ranges[ri][di] = (s.start_deg.to_radians(), s.end_deg.to_radians());
                    total += s.end_deg - s.start_deg;
                }
                _ if has_cards => return None,
                _ => {}
            }
        }
        if total > 360.0 + 1e-6 {
            return None;
        }
    }
    let ring_of = |id: &str| previous.rings.iter().find(|r| r.id == id);
    let radii = k
        .rings
        .iter()
        .map(|r| ring_of(&r.id).map(|p| p.radius).filter(|v| sane(*v)))
        .collect();
    let tracks = k
        .rings
        .iter()
        .map(|r| {
            ring_of(&r.id)
                .map(|p| p.tracks.clone())
                .filter(|t| !t.is_empty() && t.len() <= MAX_TRACKS && t.iter().all(|v| sane(*v)))
        })
        .collect();
    Some(Previous {
        shared,
        ranges,
        radii,
        tracks,
    })
}

/// Tries the first sector centred at several angles, one wedge per domain or
/// runs per ring, and crowded rings with and without staggered tracks. Of
/// the placements within 3% of the most compact, it keeps the first in a
/// fixed order of preference (shared wedges, one track, rotation closest to
/// 12 o'clock). The tolerance keeps the choice steady when a school edits
/// one member, so the circle does not turn or change style for a small gain.
fn place_best(
    cards: &[Card],
    ring_count: usize,
    centre_radius: f64,
    anchor: Option<&Previous>,
    o: &LayoutOptions,
) -> Result<Placement, LayoutError> {
    if let Some(a) = anchor
        && let Ok(p) = place(
            cards,
            ring_count,
            centre_radius,
            Plan {
                rotation: 0.0,
                staggered: false,
                shared: a.shared,
                anchor: Some(a),
            },
            o,
        )
    {
        return Ok(p);
    }
    let mut candidates: Vec<Placement> = Vec::new();
    let mut last_error = None;
    let crowded = {
        let mut per_ring = vec![0usize; ring_count];
        cards.iter().for_each(|c| per_ring[c.ring] += 1);
        per_ring.iter().any(|n| *n > CARDS_PER_TRACK)
    };
    let plans = [(false, true), (false, false), (true, true), (true, false)];
    // Every plan at every rotation, in a fixed order of preference; they
    // are independent, so they run in parallel (the order of the results,
    // and so the choice, does not depend on it).
    let tries: Vec<Plan> = plans
        .into_iter()
        .filter(|(staggered, _)| !staggered || crowded)
        .flat_map(|(staggered, shared)| {
            (0..ROTATIONS).map(move |step| {
                // 0, +22.5°, -22.5°, +45°, ... so that ties favour the top.
                let k = step.div_ceil(2) as f64;
                let rotation = if step % 2 == 1 { k } else { -k } * 2.0 * PI / ROTATIONS as f64;
                Plan {
                    rotation,
                    staggered,
                    shared,
                    anchor: None,
                }
            })
        })
        .collect();
    let results: Vec<Result<Placement, LayoutError>> = tries
        .into_par_iter()
        .map(|plan| place(cards, ring_count, centre_radius, plan, o))
        .collect();
    for r in results {
        match r {
            Ok(p) => candidates.push(p),
            Err(e) => last_error = Some(e),
        }
    }
    let best = candidates
        .iter()
        .map(|p| p.extent)
        .fold(f64::INFINITY, f64::min);
    match candidates.into_iter().find(|p| p.extent <= best * 1.03) {
        Some(p) => Ok(p),
        None => Err(last_error.unwrap_or(LayoutError::DidNotConverge)),
    }
}

const ROTATIONS: usize = 16;

/// How a tie is named in the legend.
fn tie_label(tie: Tie, lang: Lang) -> &'static str {
    match tie {
        Tie::Strong => lang.pick("sterke samenwerking", "strong collaboration"),
        Tie::Normal => lang.pick("samenwerking", "collaboration"),
        Tie::Tenuous => lang.pick("zwakke samenwerking", "weak collaboration"),
        Tie::Stressful => lang.pick("moeizame samenwerking", "strained collaboration"),
    }
}

fn labels(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Nl => [
            "Domeinen",
            "Routes: wie benader ik waarvoor?",
            "Zo blijven we elkaar vinden",
            "Ringen, van binnen naar buiten",
            "Kernteam van",
            "schooljaar",
            "Lijnen",
        ],
        Lang::En => [
            "Domains",
            "Routes: whom to approach for what",
            "How we keep finding each other",
            "Rings, from the inside out",
            "Core team of",
            "school year",
            "Lines",
        ],
    }
}

/// Computes the layout of a kernteam.
pub fn layout(k: &Kernteam, o: &LayoutOptions) -> Result<Layout, LayoutError> {
    layout_inner(k, o, None)
}

/// Computes the layout of a kernteam that was laid out before (last year's
/// circle): the circle is divided as `previous` divided it, and rings start
/// where they were. A new member takes room in its own domain's run on its
/// own ring (that ring grows if the run is full); members of other rings stay
/// where they were unless their ring must grow, and a removed member leaves
/// the others of its run spread over the same run. When a domain appears on
/// a ring where it had no run, the circle is planned afresh.
pub fn layout_with_previous(
    k: &Kernteam,
    o: &LayoutOptions,
    previous: &Layout,
) -> Result<Layout, LayoutError> {
    layout_inner(k, o, Some(previous))
}

fn layout_inner(
    k: &Kernteam,
    o: &LayoutOptions,
    previous: Option<&Layout>,
) -> Result<Layout, LayoutError> {
    if k.rings.is_empty() {
        return Err(LayoutError::NoRings);
    }
    if let Some(m) = k.members.iter().find(|m| m.ring >= k.rings.len()) {
        return Err(LayoutError::UnknownRing(m.id.clone()));
    }
    let hl = hyphen_lang(k.lang);
    let words = labels(k.lang);
    let f = &o.fonts;

    // 1. Cards, sorted by ring, then domain, then input order.
    let mut cards: Vec<Card> = k
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| build_card(i, m, o, hl))
        .collect();
    let domain_rank = |d: Domain| Domain::ALL.iter().position(|x| *x == d).unwrap_or(0);
    cards.sort_by_key(|c| (c.ring, domain_rank(c.domain), c.member));
    let (centre_radius, mut centre_text) = build_centre(k, o, hl);
    // Refuse early when the cards alone could never fit the largest canvas.
    let card_area: f64 = cards
        .iter()
        .map(|c| (c.width + o.gap) * (c.height + o.gap))
        .sum();
    let tallest = cards.iter().map(|c| c.height).fold(0.0, f64::max);
    if card_area > 0.5 * MAX_CANVAS_SIDE * MAX_CANVAS_SIDE || tallest > MAX_CANVAS_SIDE / 4.0 {
        let side = libm::sqrt(card_area * 2.0).max(tallest * 4.0).ceil();
        return Err(LayoutError::TooLarge {
            width: side,
            height: side,
        });
    }

    // 2-3. Rings and angles.
    let anchor = previous.and_then(|p| anchor_from(p, k, &cards));
    let placement = place_best(&cards, k.rings.len(), centre_radius, anchor.as_ref(), o)?;
    let radii = &placement.radii;
    let mut outer_radius = radii.last().copied().unwrap_or(centre_radius) + 30.0;
    let mut card_rects = Vec::new();
    for ((c, a), t) in cards.iter().zip(&placement.angles).zip(&placement.track_of) {
        let (x, y) = polar(*a, placement.tracks[c.ring][*t]);
        let r = Rect::centred(x, y, c.width, c.height);
        for (px, py) in [
            (r.x, r.y),
            (r.right(), r.y),
            (r.x, r.bottom()),
            (r.right(), r.bottom()),
        ] {
            outer_radius = outer_radius.max(libm::hypot(px, py) + 14.0);
        }
        card_rects.push(r);
    }

    // 4. Ring labels: the free place nearest to 6 o'clock.
    let label_style = Style::bold(f.ring_label);
    let mut taken: Vec<Rect> = card_rects.clone();
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
            outer_radius = outer_radius.max(
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

    // 5. Canvas and the blocks around the circle.
    let width = o.width.max(2.0 * outer_radius + 2.0 * o.margin).ceil();
    let text_width = width - 2.0 * o.margin;
    let cx = width / 2.0;
    let mut boxes = Vec::new();

    let mut top = o.margin;
    let title_style = Style::bold(f.title);
    let sub_style = Style::regular(f.subtitle);
    let (mut title_lines, y) = text_block(
        &k.title,
        title_style,
        text_width,
        Anchor::Middle,
        TextRole::Title,
        cx,
        top,
        o,
        hl,
    );
    let mut subtitle = format!("{} {}", words[4], k.school.name);
    if let Some(place) = &k.school.place {
        subtitle.push_str(&format!(", {place}"));
    }
    if let Some(year) = &k.school_year {
        subtitle.push_str(&format!(" · {} {year}", words[5]));
    }
    let (sub_lines, y) = text_block(
        &subtitle,
        sub_style,
        text_width,
        Anchor::Middle,
        TextRole::Subtitle,
        cx,
        y + 4.0,
        o,
        hl,
    );
    title_lines.extend(sub_lines);
    boxes.push(TextBox {
        kind: BoxKind::Title,
        x: o.margin,
        y: top,
        width: text_width,
        height: y - top,
        text: title_lines,
        swatches: Vec::new(),
        samples: Vec::new(),
        badges: Vec::new(),
    });
    top = y + 2.0 * o.gap;

    let cy = top + outer_radius;
    top = cy + outer_radius + 2.0 * o.gap;

    // Legend: domains present, with colour swatches, flowing in rows.
    let body = Style::regular(f.body);
    let heading = Style::bold(f.body);
    let line_height = f.body * o.line_height;
    let legend_top = top;
    let (mut legend_text, mut y) = text_block(
        words[0],
        heading,
        text_width,
        Anchor::Start,
        TextRole::Heading,
        o.margin,
        top,
        o,
        hl,
    );
    let mut swatches = Vec::new();
    let swatch = f.body;
    let mut flow = LegendFlow {
        x: o.margin,
        y,
        left: o.margin,
        width: text_width,
        line_height,
        style: body,
        options: o,
        lang: hl,
    };
    for d in Domain::ALL
        .into_iter()
        .filter(|d| cards.iter().any(|c| c.domain == *d))
    {
        let (x, y) = flow.item(swatch, d.label(k.lang), &mut legend_text);
        swatches.push(Swatch {
            domain: d,
            rect: Rect {
                x,
                y: y + (line_height - swatch) / 2.0,
                width: swatch,
                height: swatch,
            },
        });
    }
    y = flow.y;
    y += line_height;
    // Line samples: the ties present, and the route lines.
    let mut samples = Vec::new();
    let mut items: Vec<(SampleKind, &str)> = Vec::new();
    for tie in [Tie::Strong, Tie::Normal, Tie::Tenuous, Tie::Stressful] {
        if k.members.iter().any(|m| m.tie == tie) {
            items.push((SampleKind::Tie(tie), tie_label(tie, k.lang)));
        }
    }
    if k.routes.iter().any(|r| !r.steps.is_empty()) {
        items.push((SampleKind::Route, k.lang.pick("route", "route")));
    }
    if k.routes.iter().any(|r| !r.escalation.is_empty()) {
        items.push((
            SampleKind::Escalation,
            k.lang.pick("opschalen", "escalation"),
        ));
    }
    if !items.is_empty() {
        let (lines, ny) = text_block(
            words[6],
            heading,
            text_width,
            Anchor::Start,
            TextRole::Heading,
            o.margin,
            y + 6.0,
            o,
            hl,
        );
        legend_text.extend(lines);
        y = ny;
        let sample_width = 48.0;
        let mut flow = LegendFlow {
            x: o.margin,
            y,
            left: o.margin,
            width: text_width,
            line_height,
            style: body,
            options: o,
            lang: hl,
        };
        for (kind, label) in items {
            let (x, y) = flow.item(sample_width, label, &mut legend_text);
            let (a, b) = (
                (x + 2.0, y + line_height / 2.0),
                (x + sample_width - 2.0, y + line_height / 2.0),
            );
            let path = match kind {
                SampleKind::Tie(Tie::Stressful) => crate::routes::zigzag(a, b),
                _ => format!(
                    "M{} {} L{} {}",
                    crate::routes::fmt(a.0),
                    crate::routes::fmt(a.1),
                    crate::routes::fmt(b.0),
                    crate::routes::fmt(b.1)
                ),
            };
            samples.push(LineSample { kind, path });
        }
        y = flow.y;
        y += line_height;
    }
    if ring_labels.iter().any(Option::is_none) {
        let list = k
            .rings
            .iter()
            .enumerate()
            .map(|(i, r)| format!("{} {}", i + 1, r.label))
            .collect::<Vec<_>>()
            .join(" · ");
        let (lines, ny) = text_block(
            &format!("{}: {list}", words[3]),
            body,
            text_width,
            Anchor::Start,
            TextRole::Body,
            o.margin,
            y + 6.0,
            o,
            hl,
        );
        legend_text.extend(lines);
        y = ny;
    }
    boxes.push(TextBox {
        kind: BoxKind::Legend,
        x: o.margin,
        y: legend_top,
        width: text_width,
        height: y - legend_top,
        text: legend_text,
        swatches,
        samples,
        badges: Vec::new(),
    });
    top = y + 2.0 * o.gap;

    // Footer: routes in words, and the meetings.
    if !k.routes.is_empty() || !k.meetings.is_empty() {
        let footer_top = top;
        let mut flow = Flow {
            text: Vec::new(),
            x: o.margin,
            y: top,
            width: text_width,
            options: o,
            lang: hl,
        };
        let mut footer_badges = Vec::new();
        if !k.routes.is_empty() {
            flow.paragraph(words[1], heading, TextRole::Heading);
            let badge_style = Style::bold(f.minimum);
            let radius = (badge_style.width(&k.routes.len().to_string()) / 2.0 + 5.0)
                .max(line_height / 2.0 - 1.0);
            let indent = 2.0 * radius + 10.0;
            flow.x += indent;
            flow.width -= indent;
            for (i, r) in k.routes.iter().enumerate() {
                let (bx, by) = (o.margin + radius, flow.y + line_height / 2.0);
                let (mut lines, _) = text_block(
                    &(i + 1).to_string(),
                    badge_style,
                    f64::INFINITY,
                    Anchor::Middle,
                    TextRole::Badge,
                    bx,
                    0.0,
                    o,
                    hl,
                );
                let mut text = lines.remove(0);
                text.translate(0.0, by - text.bounds.height / 2.0);
                footer_badges.push(Badge {
                    number: i + 1,
                    x: bx,
                    y: by,
                    radius,
                    text,
                });
                flow.paragraph(&route_sentence(k, r), body, TextRole::Body);
            }
            flow.x -= indent;
            flow.width += indent;
            flow.y += o.gap;
        }
        if !k.meetings.is_empty() {
            flow.paragraph(words[2], heading, TextRole::Heading);
            for m in &k.meetings {
                flow.paragraph(&format!("{}: {}", m.when, m.purpose), body, TextRole::Body);
            }
        }
        boxes.push(TextBox {
            kind: BoxKind::Footer,
            x: o.margin,
            y: footer_top,
            width: text_width,
            height: flow.y - footer_top,
            text: flow.text,
            swatches: Vec::new(),
            samples: Vec::new(),
            badges: footer_badges,
        });
        top = flow.y;
    }
    let height = (top + o.margin).ceil();
    if width > MAX_CANVAS_SIDE || height > MAX_CANVAS_SIDE {
        return Err(LayoutError::TooLarge { width, height });
    }

    // 6. Move the circle to its place and assemble.
    for l in &mut centre_text {
        l.translate(cx, cy);
    }
    let mut nodes: Vec<Option<Node>> = vec![None; k.members.len()];
    for (((c, a), r), track) in cards
        .into_iter()
        .zip(&placement.angles)
        .zip(&card_rects)
        .zip(&placement.track_of)
    {
        let (x, y) = (r.x + r.width / 2.0 + cx, r.y + r.height / 2.0 + cy);
        let mut text = c.text;
        for l in &mut text {
            l.translate(x, y);
        }
        let m = &k.members[c.member];
        nodes[c.member] = Some(Node {
            id: m.id.clone(),
            ring: k.rings[c.ring].id.clone(),
            domain: c.domain,
            angle_deg: normalise_deg(a.to_degrees()),
            track: *track,
            x,
            y,
            width: c.width,
            height: c.height,
            header_height: c.header_height,
            photo: c.photo.map(|(py, r)| Portrait {
                x,
                y: y + py,
                radius: r,
            }),
            lines: text.iter().map(|l| l.text.clone()).collect(),
            text,
        });
    }
    let rings: Vec<RingGeometry> = k
        .rings
        .iter()
        .enumerate()
        .map(|(i, ring)| RingGeometry {
            id: ring.id.clone(),
            radius: radii[i],
            tracks: placement.tracks[i].clone(),
            inner_radius: if i == 0 {
                centre_radius
            } else {
                (placement.tracks[i - 1]
                    .last()
                    .copied()
                    .unwrap_or(radii[i - 1])
                    + placement.tracks[i].first().copied().unwrap_or(radii[i]))
                    / 2.0
            },
            outer_radius: if i + 1 == radii.len() {
                outer_radius
            } else {
                (placement.tracks[i].last().copied().unwrap_or(radii[i])
                    + placement.tracks[i + 1]
                        .first()
                        .copied()
                        .unwrap_or(radii[i + 1]))
                    / 2.0
            },
            label: ring_labels[i].clone().map(|mut l| {
                l.rect = l.rect.translate(cx, cy);
                l.text.translate(cx, cy);
                l
            }),
        })
        .collect();
    let sectors = placement
        .sectors
        .iter()
        .map(|(ring, d, s, e)| {
            let start = normalise_deg(s.to_degrees());
            let (inner_radius, outer_radius) = match ring {
                Some(r) => (rings[*r].inner_radius, rings[*r].outer_radius),
                None => (centre_radius, outer_radius),
            };
            Sector {
                ring: ring.map(|r| k.rings[r].id.clone()),
                domain: *d,
                start_deg: start,
                end_deg: start + (e - s).to_degrees(),
                inner_radius,
                outer_radius,
            }
        })
        .collect();
    let nodes: Vec<Node> = nodes.into_iter().flatten().collect();
    let card_rects: Vec<Rect> = nodes.iter().map(Node::rect).collect();
    let card_polar: Vec<(f64, f64)> = nodes
        .iter()
        .map(|n| {
            let (dx, dy) = (n.x - cx, n.y - cy);
            (libm::atan2(dx, -dy), libm::hypot(dx, dy))
        })
        .collect();
    let label_rects: Vec<Rect> = rings
        .iter()
        .filter_map(|r| r.label.as_ref().map(|l| l.rect))
        .collect();
    let scene = Scene {
        cx,
        cy,
        centre_radius,
        outer_radius,
        cards: &card_rects,
        card_polar: &card_polar,
        obstacles: &label_rects,
    };
    let ties = tie_lines(k, &scene);
    let mut routes = route_paths(k, &scene);
    place_badges_and_labels(&mut routes, k, &scene, o, hl);
    let mut layout = Layout {
        title: format!("{} – {}", k.title, k.school.name),
        description: short_description(k),
        width,
        height,
        centre: Centre {
            x: cx,
            y: cy,
            radius: centre_radius,
            text: centre_text,
        },
        outer_radius,
        rings,
        sectors,
        nodes,
        ties,
        routes,
        boxes,
        min_font_size: f.minimum.min(f.detail).min(f.ring_label).min(f.body),
    };
    round_layout(&mut layout);
    Ok(layout)
}

/// A route in words: "1. Gedrag: intern begeleider → CJG-coach; opschalen: Veilig Thuis".
fn route_sentence(k: &Kernteam, r: &cirkel_core::Route) -> String {
    let name_of = |id: &String| {
        let Some(m) = k.member(id) else {
            return id.clone();
        };
        let shared = k.members.iter().filter(|x| x.role == m.role).count() > 1;
        match (&m.name, shared) {
            (Some(n), true) => format!("{} ({n})", m.role),
            _ => m.role.clone(),
        }
    };
    let steps: Vec<String> = r.steps.iter().map(name_of).collect();
    let mut s = format!("{}: {}", r.question, steps.join(" › "));
    if !r.escalation.is_empty() {
        let esc: Vec<String> = r.escalation.iter().map(name_of).collect();
        s.push_str(&format!(
            "; {}: {}",
            k.lang.pick("opschalen naar", "escalate to"),
            esc.join(" › ")
        ));
    }
    if let Some(note) = &r.note {
        s.push_str(&format!(" ({note})"));
    }
    s
}

/// One paragraph: who is on which ring, and how many routes there are.
fn short_description(k: &Kernteam) -> String {
    let lang = k.lang;
    let mut s = match &k.school.place {
        Some(p) => format!("{} {} ({p}). ", k.title, lang.pick("rond", "around")) + &k.school.name,
        None => format!(
            "{} {} {}",
            k.title,
            lang.pick("rond", "around"),
            k.school.name
        ),
    };
    if k.school.place.is_some() {
        // "Cirkel van invloed rond (Haarlem). X" reads badly; rebuild in order.
        s = format!(
            "{} {} {} ({})",
            k.title,
            lang.pick("rond", "around"),
            k.school.name,
            k.school.place.as_deref().unwrap_or("")
        );
    }
    s.push_str(&format!(
        ": {} {} {} {} {}.",
        k.members.len(),
        lang.pick("leden", "members"),
        lang.pick("op", "on"),
        k.rings.len(),
        lang.pick("ringen", "rings")
    ));
    for (i, ring) in k.rings.iter().enumerate() {
        let who: Vec<String> = k
            .members
            .iter()
            .filter(|m| m.ring == i)
            .map(crate::describe::who)
            .collect();
        if !who.is_empty() {
            s.push_str(&format!(" {}: {}.", ring.label, who.join(", ")));
        }
    }
    if !k.routes.is_empty() {
        s.push_str(&format!(
            " {} {}.",
            k.routes.len(),
            lang.pick("routes voor hulpvragen", "routes for help questions")
        ));
    }
    s
}

fn normalise_deg(d: f64) -> f64 {
    let r = d.rem_euclid(360.0);
    if r >= 359.995 { 0.0 } else { r }
}

fn round_layout(l: &mut Layout) {
    for r in &mut l.routes {
        if let Some(b) = &mut r.badge {
            b.x = round2(b.x);
            b.y = round2(b.y);
            b.radius = round2(b.radius);
            b.text.round();
        }
        if let Some(label) = &mut r.label {
            label.rect = label.rect.rounded();
            label.text.iter_mut().for_each(TextLine::round);
        }
    }
    for b in &mut l.boxes {
        for badge in &mut b.badges {
            badge.x = round2(badge.x);
            badge.y = round2(badge.y);
            badge.radius = round2(badge.radius);
            badge.text.round();
        }
    }
    l.width = round2(l.width);
    l.height = round2(l.height);
    l.centre.x = round2(l.centre.x);
    l.centre.y = round2(l.centre.y);
    l.centre.radius = round2(l.centre.radius);
    l.outer_radius = round2(l.outer_radius);
    l.centre.text.iter_mut().for_each(TextLine::round);
    for r in &mut l.rings {
        r.radius = round2(r.radius);
        r.tracks.iter_mut().for_each(|t| *t = round2(*t));
        r.inner_radius = round2(r.inner_radius);
        r.outer_radius = round2(r.outer_radius);
        if let Some(label) = &mut r.label {
            label.rect = label.rect.rounded();
            label.text.round();
        }
    }
    for s in &mut l.sectors {
        s.inner_radius = round2(s.inner_radius);
        s.outer_radius = round2(s.outer_radius);
        s.start_deg = round4(s.start_deg);
        s.end_deg = round4(s.end_deg);
    }
    for n in &mut l.nodes {
        n.x = round2(n.x);
        n.y = round2(n.y);
        n.angle_deg = round4(n.angle_deg);
        n.width = round2(n.width);
        n.height = round2(n.height);
        n.header_height = round2(n.header_height);
        if let Some(p) = &mut n.photo {
            p.x = round2(p.x);
            p.y = round2(p.y);
            p.radius = round2(p.radius);
        }
        n.text.iter_mut().for_each(TextLine::round);
    }
    for b in &mut l.boxes {
        b.x = round2(b.x);
        b.y = round2(b.y);
        b.width = round2(b.width);
        b.height = round2(b.height);
        b.text.iter_mut().for_each(TextLine::round);
        for s in &mut b.swatches {
            s.rect = s.rect.rounded();
        }
    }
}
