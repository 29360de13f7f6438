//! Rings drawn by their exact coverage: the bands and ring lines are the
//! largest shapes of the picture, and a ring between two radii needs no path
//! tracing — each pixel row meets it in at most two runs whose ends follow
//! from the radii. Coverage is computed as tiny-skia's anti-aliasing samples
//! it (four sub-rows per pixel row), but exactly across each sub-row, so
//! the edges match resvg's within a few levels; the rows between the ends
//! are filled in one go.

use super::canvas::Band;

use crate::theme::Rgb;

/// The largest coordinate, in canvas pixels, of a ring the painter covers
/// exactly (a canvas side is at most `MAX_PNG_SIDE`; this keeps the
/// quarter-pixel integers far from overflow).
pub(super) const EXACT_RING_REACH: f64 = 1e7;

/// Sub-rows per pixel row (as tiny-skia's supersampling).
pub(super) const SUB_ROWS: usize = 4;

/// The ring of `colour` (at `alpha`, 0–255) between `inner` and `outer`
/// pixels around `(cx, cy)`, in canvas pixels, blended over what is there.
/// Nothing is drawn for radii that are not finite or out of order.
pub(super) fn fill_annulus(
    band: &mut Band<'_>,
    centre: (f64, f64),
    inner: f64,
    outer: f64,
    colour: Rgb,
    alpha: u8,
) {
    fill_ring(band, centre, (inner, outer), None, Ink::new(colour, alpha));
}

/// The part of the ring [`fill_annulus`] fills from `start` to `end`
/// degrees clockwise from 12 o'clock (a sector), its straight edges
/// covered as exactly as its round ones. A span of 360° or more is the
/// whole ring; nothing is drawn for angles that are not finite.
pub(super) fn fill_sector(
    band: &mut Band<'_>,
    centre: (f64, f64),
    radii: (f64, f64),
    (start, end): (f64, f64),
    colour: Rgb,
    alpha: u8,
) {
    let ink = Ink::new(colour, alpha);
    if !(start.is_finite() && end.is_finite()) || end <= start {
        return;
    }
    if end - start >= 360.0 {
        fill_ring(band, centre, radii, None, ink);
    } else {
        fill_ring(band, centre, radii, Some(Cut::new(start, end)), ink);
    }
}

fn fill_ring(
    band: &mut Band<'_>,
    (cx, cy): (f64, f64),
    (inner, outer): (f64, f64),
    cut: Option<Cut>,
    ink: Ink,
) {
    let inner = inner.max(0.0);
    if !(cx.is_finite() && cy.is_finite() && inner.is_finite() && outer.is_finite())
        || outer <= inner
        || ink.alpha == 0
    {
        return;
    }
    fill_rows(band, (cy - outer, cy + outer), &ink, |y| {
        row_spans(y, (cx, cy), inner, outer, cut.as_ref())
    });
}

/// Paints the pixel rows from `top` to `bottom` (canvas pixels, clipped to
/// the band) with the runs `spans` gives for each (canvas) row's sub-rows.
pub(super) fn fill_rows(
    band: &mut Band<'_>,
    (top, bottom): (f64, f64),
    ink: &Ink,
    spans: impl Fn(usize) -> [SubRow; SUB_ROWS],
) {
    let width = band.pixmap.width() as usize;
    let (first, end) = band.rows();
    // NaN ends (never passed, but cheap to refuse) compare false.
    let top = top.floor().max(first as f64);
    let bottom = bottom.ceil().min(end as f64);
    if top.partial_cmp(&bottom) != Some(std::cmp::Ordering::Less) {
        return;
    }
    let data = band.pixmap.data_mut();
    for y in top as usize..bottom as usize {
        let spans = spans(y);
        let at = (y - first) * width * 4;
        let row = &mut data[at..at + width * 4];
        if !paint_regular_row(row, &spans, ink) {
            paint_row(row, &spans, ink);
        }
    }
}

/// The middle of sub-row `i` of pixel row `y`.
pub(super) fn sub_row_y(y: usize, i: usize) -> f64 {
    y as f64 + (i as f64 + 0.5) / SUB_ROWS as f64
}

/// The angles a sector keeps, as the half-planes through the centre that
/// bound it: a span up to 180° is the points on the inner side of both of
/// its edges; a longer one is everything but the shorter wedge it leaves.
struct Cut {
    /// The two edges' directions and, for each, the sign of the side the
    /// wedge lies on.
    edges: [((f64, f64), f64); 2],
    /// The span is over 180°: the wedge above is what is left out.
    inverted: bool,
}

impl Cut {
    fn new(start: f64, end: f64) -> Cut {
        let (from, to, inverted) = if end - start > 180.0 {
            (end, start + 360.0, true)
        } else {
            (start, end, false)
        };
        let dir = |deg: f64| {
            let (x, y) = crate::walk::polar((0.0, 0.0), 1.0, deg);
            (x, y)
        };
        let mid = dir((from + to) / 2.0);
        let cross = |u: (f64, f64), p: (f64, f64)| u.0 * p.1 - u.1 * p.0;
        let edge = |deg: f64| {
            let u = dir(deg);
            (u, if cross(u, mid) >= 0.0 { 1.0 } else { -1.0 })
        };
        Cut {
            edges: [edge(from), edge(to)],
            inverted,
        }
    }

    /// Where the line `dy` below the centre is inside: up to two
    /// intervals of x relative to the centre (unbounded ends as infinity).
    fn intervals(&self, dy: f64) -> ([(f64, f64); 2], usize) {
        let (mut lo, mut hi, mut none) = (f64::NEG_INFINITY, f64::INFINITY, false);
        for ((ux, uy), sign) in self.edges {
            // sign · (ux·dy − uy·x) ≥ 0, i.e. a·x + b ≥ 0.
            let (a, b) = (-sign * uy, sign * ux * dy);
            if a > 0.0 {
                lo = lo.max(-b / a);
            } else if a < 0.0 {
                hi = hi.min(-b / a);
            } else if b < 0.0 {
                none = true;
            }
        }
        let wedge = (!none && lo < hi).then_some((lo, hi));
        let all = (f64::NEG_INFINITY, f64::INFINITY);
        match (self.inverted, wedge) {
            (false, Some(w)) => ([w, all], 1),
            (false, None) => ([all, all], 0),
            (true, None) => ([all, all], 1),
            (true, Some((lo, hi))) => ([(f64::NEG_INFINITY, lo), (hi, f64::INFINITY)], 2),
        }
    }
}

/// The most runs a sub-row has: the ring's (left and right of the inner
/// circle, or one across it), each cut in two by a sector of more than
/// 180°.
const MAX_RUNS: usize = 4;

/// `v` rounded down, without a call (`f64::floor` is a library call on
/// x86-64 without SSE4.1, and the fill takes several per sub-row). Exact
/// for the values here: finite and far within ±2^52 (the ring's reach).
fn floor(v: f64) -> f64 {
    let t = v as i64 as f64;
    if t > v { t - 1.0 } else { t }
}

/// The runs of one sub-row, left to right.
#[derive(Clone, Copy, Default)]
pub(super) struct SubRow {
    runs: [(f64, f64); MAX_RUNS],
    count: usize,
}

impl SubRow {
    /// Adds the run from `a` to `b`, its ends on the quarter pixel (as
    /// tiny-skia's supersampling places them: 17 levels of coverage, so
    /// the picture keeps few colours and compresses as before).
    pub(super) fn push(&mut self, a: f64, b: f64) {
        let quarter = |v: f64| floor(v * 4.0 + 0.5) / 4.0;
        let (a, b) = (quarter(a), quarter(b));
        if b > a && self.count < MAX_RUNS {
            self.runs[self.count] = (a, b);
            self.count += 1;
        }
    }

    fn runs(&self) -> &[(f64, f64)] {
        &self.runs[..self.count]
    }

    /// How much of the pixel `[x, x + 1)` this sub-row covers (0–1).
    fn cover(&self, x: f64) -> f64 {
        self.runs()
            .iter()
            .map(|(a, b)| (b.min(x + 1.0) - a.max(x)).max(0.0))
            .sum()
    }

    fn contains(&self, x: f64) -> bool {
        self.runs().iter().any(|(a, b)| *a <= x && x < *b)
    }
}

/// The sub-rows of pixel row `y`.
fn row_spans(
    y: usize,
    (cx, cy): (f64, f64),
    inner: f64,
    outer: f64,
    cut: Option<&Cut>,
) -> [SubRow; SUB_ROWS] {
    let mut rows = [SubRow::default(); SUB_ROWS];
    let (o2, i2) = (outer * outer, inner * inner);
    for (i, row) in rows.iter_mut().enumerate() {
        let dy = sub_row_y(y, i) - cy;
        let dy2 = dy * dy;
        if dy2 >= o2 {
            continue;
        }
        let xo = (o2 - dy2).sqrt();
        let (ring, n) = if dy2 < i2 {
            let xi = (i2 - dy2).sqrt();
            ([(-xo, -xi), (xi, xo)], 2)
        } else {
            ([(-xo, xo), (0.0, 0.0)], 1)
        };
        let Some(cut) = cut else {
            for (a, b) in &ring[..n] {
                row.push(cx + a, cx + b);
            }
            continue;
        };
        let (keep, m) = cut.intervals(dy);
        // Both lists are in order and each is disjoint: so is what they
        // share, in order.
        for (a, b) in &ring[..n] {
            for (p, q) in &keep[..m] {
                let (lo, hi) = (a.max(*p), b.min(*q));
                if lo < hi {
                    row.push(cx + lo, cx + hi);
                }
            }
        }
    }
    rows
}

/// The colour premultiplied, ready to blend.
pub(super) struct Ink {
    rgba: [u32; 4],
    alpha: u32,
    solid: [u8; 4],
    block: [[u8; 4]; 16],
}

impl Ink {
    pub(super) fn new(c: Rgb, alpha: u8) -> Ink {
        let a = u32::from(alpha);
        let pre = |v: u8| (u32::from(v) * a + 127) / 255;
        let rgba = [pre(c.0), pre(c.1), pre(c.2), a];
        let solid = rgba.map(|v| v as u8);
        Ink {
            rgba,
            alpha: a,
            solid,
            block: [solid; 16],
        }
    }

    /// The ink over whole pixels.
    fn fill(&self, pixels: &mut [[u8; 4]]) {
        if self.alpha == 255 {
            // Sixteen pixels at a time: one 64-byte copy each.
            let mut blocks = pixels.chunks_exact_mut(16);
            for block in &mut blocks {
                block.copy_from_slice(&self.block);
            }
            blocks.into_remainder().fill(self.solid);
        } else {
            pixels.iter_mut().for_each(|px| self.blend(px, 255));
        }
    }

    /// Blends the ink at `coverage` (0–255) over one premultiplied pixel.
    fn blend(&self, px: &mut [u8; 4], coverage: u32) {
        if coverage == 0 {
            return;
        }
        if coverage >= 255 && self.alpha == 255 {
            *px = self.solid;
            return;
        }
        let keep = 255 - (self.alpha * coverage + 127) / 255;
        for (d, s) in px.iter_mut().zip(self.rgba) {
            *d = ((s * coverage + u32::from(*d) * keep + 127) / 255).min(255) as u8;
        }
    }
}

/// The common row, painted quickly: every sub-row has the same number of
/// runs (one, or two either side of the hole) and the pixels the runs'
/// ends fall in are apart, so each end's pixels take their coverage from
/// that end alone and the pixels between are wholly in or out. False
/// (nothing painted) for any other row.
fn paint_regular_row(row: &mut [u8], subs: &[SubRow; SUB_ROWS], ink: &Ink) -> bool {
    let runs = subs[0].count;
    if runs == 0 || subs.iter().any(|s| s.count != runs) {
        return false;
    }
    let width = row.len() as i64 / 4;
    // The ends in quarter pixels (they lie on quarter pixels), by edge:
    // each run's start and end across the four sub-rows.
    let mut edges = [[0i64; SUB_ROWS]; 2 * MAX_RUNS];
    for (i, s) in subs.iter().enumerate() {
        for (r, (a, b)) in s.runs().iter().enumerate() {
            edges[2 * r][i] = (a * 4.0) as i64;
            edges[2 * r + 1][i] = (b * 4.0) as i64;
        }
    }
    let edges = &edges[..2 * runs];
    let span = |e: &[i64; SUB_ROWS]| {
        let lo = e.iter().min().map_or(0, |v| v.div_euclid(4));
        let hi = e.iter().max().map_or(0, |v| v.div_euclid(4));
        (lo, hi)
    };
    let mut all = [(0i64, 0i64); 2 * MAX_RUNS];
    for (slot, e) in all.iter_mut().zip(edges) {
        *slot = span(e);
    }
    let spans = &all[..edges.len()];
    if spans.windows(2).any(|w| w[0].1 >= w[1].0) {
        return false;
    }
    let (pixels, _) = row.as_chunks_mut::<4>();
    for (k, (e, (lo, hi))) in edges.iter().zip(spans).enumerate() {
        let starts = k % 2 == 0;
        for p in (*lo).max(0)..=(*hi).min(width - 1) {
            // Quarter pixels covered, out of sixteen.
            let q: i64 = e
                .iter()
                .map(|v| if starts { 4 * p + 4 - v } else { v - 4 * p }.clamp(0, 4))
                .sum();
            ink.blend(&mut pixels[p as usize], ((q as u32) * 255 + 8) / 16);
        }
        // After a run's start, the pixels up to its end are inside.
        if starts {
            let (from, to) = ((hi + 1).max(0), spans[k + 1].0.min(width));
            if from < to {
                ink.fill(&mut pixels[from as usize..to as usize]);
            }
        }
    }
    true
}

/// Paints one pixel row: exact coverage on the pixels where a run ends,
/// one coverage for each stretch between them.
fn paint_row(row: &mut [u8], subs: &[SubRow; SUB_ROWS], ink: &Ink) {
    let width = row.len() / 4;
    // The pixels some run ends in, in order: at most four runs of two
    // ends in each of four sub-rows.
    let mut ends = [0i64; 2 * MAX_RUNS * SUB_ROWS];
    let mut n = 0;
    for s in subs {
        for (a, b) in s.runs() {
            for e in [*a, *b] {
                ends[n] = floor(e).clamp(-1.0, width as f64) as i64;
                n += 1;
            }
        }
    }
    if n == 0 {
        return;
    }
    let ends = &mut ends[..n];
    ends.sort_unstable();
    let coverage = |x: f64| -> u32 {
        let c: f64 = subs.iter().map(|s| s.cover(x)).sum::<f64>() / SUB_ROWS as f64;
        // In sixteenths (quarter pixels in four sub-rows), as tiny-skia.
        (floor(c * 16.0 + 0.5).clamp(0.0, 16.0) as u32 * 255 + 8) / 16
    };
    let mut last: Option<i64> = None;
    for &e in ends.iter() {
        if last == Some(e) {
            continue;
        }
        // The stretch between the previous end pixel and this one: every
        // sub-row either covers all of a pixel there or none of it.
        if let Some(l) = last
            && e > l + 1
        {
            let (from, to) = ((l + 1).max(0), e.min(width as i64));
            if from < to {
                let centre = from as f64 + 0.5;
                let inside = subs.iter().filter(|s| s.contains(centre)).count() as u32;
                let c = (inside * 255 + SUB_ROWS as u32 / 2) / SUB_ROWS as u32;
                let (pixels, _) = row[from as usize * 4..to as usize * 4].as_chunks_mut::<4>();
                if c >= 255 {
                    ink.fill(pixels);
                } else if c > 0 {
                    pixels.iter_mut().for_each(|px| ink.blend(px, c));
                }
            }
        }
        if (0..width as i64).contains(&e) {
            let (pixels, _) = row.as_chunks_mut::<4>();
            ink.blend(&mut pixels[e as usize], coverage(e as f64));
        }
        last = Some(e);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{coverage, difference, ink};
    use super::*;
    use resvg::tiny_skia::{self as sk, Pixmap};

    /// The same ring through [`fill_annulus`] and tiny-skia's path filler:
    /// ours covers the area (to the quarter pixel its ends are rounded to;
    /// tiny-skia's circles are polygons a
    /// fraction of a pixel inside, so its edges differ by up to a quarter
    /// of a pixel row at the top and bottom), and the two agree on average.
    #[test]
    fn covers_the_exact_area_and_agrees_with_tiny_skia() {
        for (cx, cy, inner, outer) in [
            (200.3, 190.7, 170.0, 173.0),
            (200.0, 200.0, 0.0, 160.5),
            (200.5, 200.5, 179.0, 180.0),
            (200.0, 210.0, 95.25, 140.8),
        ] {
            let colour = Rgb(0, 0, 0);
            let mut ours = Pixmap::new(400, 400).unwrap();
            ours.fill(sk::Color::WHITE);
            let mut theirs = ours.clone();
            fill_annulus(
                &mut Band::whole(ours.as_mut()),
                (cx, cy),
                inner,
                outer,
                colour,
                255,
            );
            let covered = ink(&ours);
            let area = std::f64::consts::PI * (outer * outer - inner * inner);
            assert!(
                (covered / area - 1.0).abs() < 5e-3,
                "ring {cx} {cy} {inner} {outer}: {covered} px² for {area}"
            );
            let mut b = sk::PathBuilder::new();
            b.push_circle(cx as f32, cy as f32, outer as f32);
            if inner > 0.0 {
                b.push_circle(cx as f32, cy as f32, inner as f32);
            }
            let path = b.finish().unwrap();
            let mut paint = sk::Paint::default();
            paint.set_color_rgba8(colour.0, colour.1, colour.2, 255);
            paint.anti_alias = true;
            let (rule, ts) = (sk::FillRule::EvenOdd, sk::Transform::identity());
            theirs.fill_path(&path, &paint, rule, ts, None);
            let (worst, mean) = difference(&ours, &theirs);
            assert!(
                worst <= 96 && mean < 0.5,
                "ring {cx} {cy} {inner} {outer}: worst {worst}, mean {mean}"
            );
        }
    }

    #[test]
    fn translucent_ink_blends_and_nothing_is_drawn_off_the_canvas() {
        let mut p = Pixmap::new(10, 10).unwrap();
        p.fill(sk::Color::WHITE);
        fill_annulus(
            &mut Band::whole(p.as_mut()),
            (5.0, 5.0),
            0.0,
            100.0,
            Rgb(0, 0, 0),
            128,
        );
        assert!(
            p.data().chunks(4).all(|px| px == [127, 127, 127, 255]),
            "{:?}",
            &p.data()[..4]
        );
        for (centre, inner, outer) in [
            ((-500.0, 5.0), 0.0, 3.0),
            ((f64::NAN, 5.0), 0.0, 3.0),
            ((5.0, 5.0), 1e300, f64::INFINITY),
        ] {
            let band = &mut Band::whole(p.as_mut());
            fill_annulus(band, centre, inner, outer, Rgb(0, 0, 0), 255);
        }
        assert!(p.data().chunks(4).all(|px| px == [127, 127, 127, 255]));
    }

    /// Whether the point (x, y) lies in the sector, by its angle.
    fn inside(
        p: (f64, f64),
        c: (f64, f64),
        (inner, outer): (f64, f64),
        (s, e): (f64, f64),
    ) -> bool {
        let (dx, dy) = (p.0 - c.0, p.1 - c.1);
        let r = cirkel_layout::hypot(dx, dy);
        // Clockwise from 12 o'clock, as `polar`.
        let deg = libm::atan2(dx, -dy).to_degrees().rem_euclid(360.0);
        let from = s.rem_euclid(360.0);
        let off = (deg - from).rem_euclid(360.0);
        r >= inner && r < outer && (e - s >= 360.0 || off < e - s)
    }

    /// Sectors narrow and wide, across 12 o'clock, of half a turn, past
    /// 360° and of a whole turn: [`fill_sector`] covers each one's area
    /// and agrees pixel by pixel with 8 × 8 samples of the sector.
    #[test]
    fn sectors_cover_their_area_and_agree_with_sampling() {
        let (c, radii) = ((150.3, 149.6), (40.0, 130.5));
        for angles in [
            (10.0, 70.0),
            (340.0, 415.0),
            (90.0, 270.0),
            (-30.0, 200.0),
            (202.0, 561.9),
            (0.0, 360.0),
            (123.4, 123.9),
        ] {
            let mut p = Pixmap::new(300, 300).unwrap();
            p.fill(sk::Color::WHITE);
            fill_sector(
                &mut Band::whole(p.as_mut()),
                c,
                radii,
                angles,
                Rgb(0, 0, 0),
                255,
            );
            let ours = coverage(&p);
            let span = (angles.1 - angles.0).min(360.0);
            let area =
                std::f64::consts::PI * (radii.1 * radii.1 - radii.0 * radii.0) * span / 360.0;
            let covered: f64 = ours.iter().sum();
            assert!(
                (covered / area - 1.0).abs() < 5e-3 || (covered - area).abs() < 2.0,
                "{angles:?}: {covered} px² for {area}"
            );
            let (mut worst, mut total) = (0.0f64, 0.0);
            for (i, got) in ours.iter().enumerate() {
                let (x, y) = ((i % 300) as f64, (i / 300) as f64);
                let n = (0..64)
                    .filter(|k| {
                        let q = (
                            x + (f64::from(k % 8) + 0.5) / 8.0,
                            y + (f64::from(k / 8) + 0.5) / 8.0,
                        );
                        inside(q, c, radii, angles)
                    })
                    .count();
                let d = (got - n as f64 / 64.0).abs();
                worst = worst.max(d);
                total += d;
            }
            let mean = total / ours.len() as f64;
            assert!(
                worst < 0.3 && mean < 2e-3,
                "{angles:?}: worst {worst}, mean {mean}"
            );
        }
        // Angles that are not finite, or out of order: nothing.
        let mut p = Pixmap::new(20, 20).unwrap();
        p.fill(sk::Color::WHITE);
        for angles in [(f64::NAN, 10.0), (0.0, f64::INFINITY), (50.0, 20.0)] {
            fill_sector(
                &mut Band::whole(p.as_mut()),
                (10.0, 10.0),
                (0.0, 9.0),
                angles,
                Rgb(0, 0, 0),
                255,
            );
        }
        assert!(p.data().iter().all(|v| *v == 255));
    }
}
