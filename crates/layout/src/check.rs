//! Checks a layout against the quality bars of docs/CONTRACTS.md (1–4 and 7), on
//! the layout value itself; [`check_names`] checks bar 8 against the
//! kernteam the layout was made from. Used by the tests for every example and random input, and
//! available to callers who build layouts with their own options.

use cirkel_core::{Domain, Kernteam};

use crate::engine::{CENTRE_TEXT_WIDTH, MAX_CARD_WIDTH_FACTOR};
use crate::geometry::{Layout, Node, Rect, TextRole};
use crate::options::LayoutOptions;
use crate::text::{Style, measure};

/// Tolerance for the rounding to 1/100 px.
const EPS: f64 = 0.05;

/// Returns every violated bar, in words; empty when the layout is sound.
pub fn check_layout(l: &Layout, min_font_size: f64) -> Vec<String> {
    let mut problems = Vec::new();
    overlaps(l, &mut problems);
    routes_clear(l, &mut problems);
    on_rings(l, &mut problems);
    domain_runs(l, &mut problems);
    text_inside(l, min_font_size, &mut problems);
    ring_bands(l, &mut problems);
    problems
}

/// Angle of a point around the layout's centre, degrees clockwise from 12.
fn angle_of(l: &Layout, x: f64, y: f64) -> f64 {
    libm::atan2(x - l.centre.x, -(y - l.centre.y))
        .to_degrees()
        .rem_euclid(360.0)
}

/// Bar 7: every ring a band of its own, labelled next to its cards. The
/// bands meet without gaps and every card lies wholly inside its own ring's
/// band (the first ring's starts at the school's disc), so no band line
/// crosses a card; each ring's label lies wholly in its band, within a
/// card's width of a card of that ring; the labels are not all at one
/// angle.
fn ring_bands(l: &Layout, problems: &mut Vec<String>) {
    let on = |id: &str| -> Vec<&Node> { l.nodes.iter().filter(|n| n.ring == id).collect() };
    let widest = l.nodes.iter().map(|n| n.width).fold(0.0, f64::max);
    let reach = |r: &Rect| -> (f64, f64) {
        let (x, y) = (r.x - l.centre.x, r.y - l.centre.y);
        let far_x = x.abs().max((x + r.width).abs());
        let far_y = y.abs().max((y + r.height).abs());
        let near_x = if x <= 0.0 && x + r.width >= 0.0 {
            0.0
        } else {
            x.abs().min((x + r.width).abs())
        };
        let near_y = if y <= 0.0 && y + r.height >= 0.0 {
            0.0
        } else {
            y.abs().min((y + r.height).abs())
        };
        (
            crate::geometry::hypot(near_x, near_y),
            crate::geometry::hypot(far_x, far_y),
        )
    };
    if let Some(first) = l.rings.first()
        && (first.inner_radius - l.centre.radius).abs() > EPS
    {
        problems.push(format!(
            "ring {}: its band does not start at the school's disc",
            first.id
        ));
    }
    if let Some(last) = l.rings.last()
        && (last.outer_radius - l.outer_radius).abs() > EPS
    {
        problems.push(format!(
            "ring {}: its band does not end at the circle's edge",
            last.id
        ));
    }
    for (i, r) in l.rings.iter().enumerate() {
        if r.outer_radius <= r.inner_radius {
            problems.push(format!("ring {}: its band has no width", r.id));
        }
        if i > 0 && (r.inner_radius - l.rings[i - 1].outer_radius).abs() > EPS {
            problems.push(format!(
                "ring {}: its band does not meet the one inside",
                r.id
            ));
        }
        for n in on(&r.id) {
            let (near, far) = reach(&n.rect());
            if near < r.inner_radius - EPS {
                problems.push(format!(
                    "card {} crosses the inner line of ring {}'s band by {:.1} px",
                    n.id,
                    r.id,
                    r.inner_radius - near
                ));
            }
            if far > r.outer_radius + EPS {
                problems.push(format!(
                    "card {} crosses the outer line of ring {}'s band by {:.1} px",
                    n.id,
                    r.id,
                    far - r.outer_radius
                ));
            }
        }
        let Some(label) = &r.label else {
            problems.push(format!("ring {} has no label in its band", r.id));
            continue;
        };
        let rect = label.rect;
        let (near, far) = reach(&rect);
        if near < r.inner_radius - EPS || far > r.outer_radius + EPS {
            problems.push(format!("the label of ring {} is outside its band", r.id));
        }
        let own = on(&r.id);
        let near_enough = widest.max(rect.width) + EPS;
        if !own.is_empty()
            && !own
                .iter()
                .any(|n| rect.distance_to_rect(&n.rect()) <= near_enough)
        {
            problems.push(format!("the label of ring {} is far from its cards", r.id));
        }
    }
    let angles: Vec<f64> = l
        .rings
        .iter()
        .filter_map(|r| r.label.as_ref())
        .map(|lb| {
            angle_of(
                l,
                lb.rect.x + lb.rect.width / 2.0,
                lb.rect.y + lb.rect.height / 2.0,
            )
        })
        .collect();
    if angles.len() > 1 {
        let spread = angles
            .iter()
            .flat_map(|a| angles.iter().map(move |b| (a - b).rem_euclid(360.0)))
            .map(|d| d.min(360.0 - d))
            .fold(0.0, f64::max);
        if spread < crate::engine::STACKED_DEG {
            problems.push(format!(
                "the ring labels are stacked at one angle ({angles:?})"
            ));
        }
    }
}

/// Bar 8: people's names, the school's name and its place break only at
/// spaces or at a hyphen the name has; only a single word wider than the
/// widest card (or the school's disc) may be split, without a hyphen.
/// Compares the drawn lines with the kernteam the layout was made from
/// (laid out with `o`).
pub fn check_names(l: &Layout, k: &Kernteam, o: &LayoutOptions) -> Vec<String> {
    let mut problems = Vec::new();
    let widest = o.card_width * MAX_CARD_WIDTH_FACTOR - 2.0 * o.card_padding_x;
    for (node, m) in l.nodes.iter().zip(&k.members) {
        let Some(name) = &m.name else { continue };
        let lines: Vec<&str> = node
            .text
            .iter()
            .filter(|t| t.role == TextRole::Name)
            .map(|t| t.text.as_str())
            .collect();
        let size = node
            .text
            .iter()
            .find(|t| t.role == TextRole::Name)
            .map_or(0.0, |t| t.size);
        if let Some(p) = broken(name, &lines, Style::regular(size), widest) {
            problems.push(format!("the name of {} {p}", node.id));
        }
    }
    for (role, text) in [
        (TextRole::School, Some(&k.school.name)),
        (TextRole::SchoolDetail, k.school.place.as_ref()),
    ] {
        let Some(text) = text else { continue };
        let drawn: Vec<&crate::geometry::TextLine> =
            l.centre.text.iter().filter(|t| t.role == role).collect();
        let lines: Vec<&str> = drawn.iter().map(|t| t.text.as_str()).collect();
        let style = drawn.first().map_or(Style::regular(0.0), |t| Style {
            weight: t.weight,
            size: t.size,
        });
        if let Some(p) = broken(text, &lines, style, CENTRE_TEXT_WIDTH * l.centre.radius) {
            problems.push(format!(
                "{} {p}",
                if role == TextRole::School {
                    "the school's name"
                } else {
                    "the place"
                }
            ));
        }
    }
    problems
}

/// Why `lines` are not `text` broken at spaces or its own hyphens, if
/// they are not (a split of a word wider than `widest` is allowed).
fn broken(text: &str, lines: &[&str], style: Style, widest: f64) -> Option<String> {
    let normal: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let problem = || {
        Some(format!(
            "is broken where it has no space or hyphen: {lines:?}"
        ))
    };
    let mut rest = normal.as_str();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            if let Some(r) = rest.strip_prefix(' ') {
                rest = r;
            } else if !lines[i - 1].ends_with('-') {
                // Split inside a word: only a word wider than any line may be.
                let head = lines[i - 1].rsplit(' ').next().unwrap_or("");
                let tail = rest.split(' ').next().unwrap_or("");
                let word = format!("{head}{tail}");
                if measure(&word, style.weight, style.size) <= widest {
                    return problem();
                }
            }
        }
        match rest.strip_prefix(line) {
            Some(r) => rest = r,
            None => return problem(),
        }
    }
    if rest.trim().is_empty() {
        None
    } else {
        problem()
    }
}

/// Bar 1: no overlaps, nothing outside the canvas.
fn overlaps(l: &Layout, problems: &mut Vec<String>) {
    let canvas = Rect {
        x: 0.0,
        y: 0.0,
        width: l.width,
        height: l.height,
    };
    let rects: Vec<Rect> = l.nodes.iter().map(|n| n.rect()).collect();
    for (i, a) in rects.iter().enumerate() {
        let id = &l.nodes[i].id;
        for (j, b) in rects.iter().enumerate().skip(i + 1) {
            if a.overlaps(b, -EPS) {
                problems.push(format!("node {id} overlaps node {}", l.nodes[j].id));
            }
        }
        if a.distance_to(l.centre.x, l.centre.y) < l.centre.radius - EPS {
            problems.push(format!("node {id} overlaps the centre"));
        }
        for b in &l.boxes {
            if a.overlaps(&b.rect(), -EPS) {
                problems.push(format!("node {id} overlaps the {:?} box", b.kind));
            }
        }
        for r in &l.rings {
            if let Some(label) = &r.label
                && a.overlaps(&label.rect, -EPS)
            {
                problems.push(format!("node {id} overlaps the label of ring {}", r.id));
            }
        }
        if !canvas.contains(a) {
            problems.push(format!("node {id} leaves the canvas"));
        }
    }
    for (i, a) in l.boxes.iter().enumerate() {
        if !canvas.contains(&a.rect()) {
            problems.push(format!("the {:?} box leaves the canvas", a.kind));
        }
        for b in l.boxes.iter().skip(i + 1) {
            if a.rect().overlaps(&b.rect(), -EPS) {
                problems.push(format!("the {:?} and {:?} boxes overlap", a.kind, b.kind));
            }
        }
        let disc = Rect::centred(
            l.centre.x,
            l.centre.y,
            2.0 * l.outer_radius,
            2.0 * l.outer_radius,
        );
        if a.rect().overlaps(&disc, -EPS) {
            problems.push(format!("the {:?} box overlaps the circle", a.kind));
        }
    }
    let disc = Rect::centred(
        l.centre.x,
        l.centre.y,
        2.0 * l.outer_radius,
        2.0 * l.outer_radius,
    );
    if !canvas.contains(&disc) {
        problems.push("the circle leaves the canvas".into());
    }
}

/// Routes: no leg crosses a card other than the two it joins, or the
/// school's disc; badges and labels are clear of the cards.
fn routes_clear(l: &Layout, problems: &mut Vec<String>) {
    let rects: Vec<Rect> = l.nodes.iter().map(|n| n.rect()).collect();
    for r in &l.routes {
        for leg in &r.legs {
            let points = leg.path.sample(2.0);
            if points.is_empty() {
                problems.push(format!("route {} has an empty leg to {}", r.id, leg.to));
            }
            for (n, rect) in l.nodes.iter().zip(&rects) {
                if Some(&n.id) == leg.from.as_ref() || n.id == leg.to {
                    continue;
                }
                if points.iter().any(|p| rect.distance_to(p.0, p.1) < EPS) {
                    problems.push(format!(
                        "route {} (leg to {}) crosses node {}",
                        r.id, leg.to, n.id
                    ));
                }
            }
            if points.iter().any(|p| {
                crate::geometry::hypot(p.0 - l.centre.x, p.1 - l.centre.y) < l.centre.radius - EPS
            }) {
                problems.push(format!(
                    "route {} (leg to {}) crosses the centre",
                    r.id, leg.to
                ));
            }
        }
        let mut marks: Vec<(Rect, &str)> = Vec::new();
        if let Some(b) = &r.badge {
            marks.push((
                Rect::centred(b.x, b.y, 2.0 * b.radius, 2.0 * b.radius),
                "badge",
            ));
        }
        if let Some(label) = &r.label {
            marks.push((label.rect, "label"));
        }
        for (mark, what) in marks {
            for (n, rect) in l.nodes.iter().zip(&rects) {
                if rect.overlaps(&mark, -EPS) {
                    problems.push(format!(
                        "the {what} of route {} overlaps node {}",
                        r.id, n.id
                    ));
                }
            }
            if mark.distance_to(l.centre.x, l.centre.y) < l.centre.radius - EPS {
                problems.push(format!("the {what} of route {} overlaps the centre", r.id));
            }
        }
    }
}

/// Bar 2: on the ring (or one of its tracks); radii grow outwards.
fn on_rings(l: &Layout, problems: &mut Vec<String>) {
    for n in &l.nodes {
        match l.rings.iter().find(|r| r.id == n.ring) {
            Some(r) => {
                let d = crate::geometry::hypot(n.x - l.centre.x, n.y - l.centre.y);
                match r.tracks.get(n.track) {
                    Some(t) if (d - t).abs() <= EPS => {}
                    _ => problems.push(format!(
                        "node {} is {d:.2} from the centre, not on track {} of ring {} ({:?})",
                        n.id, n.track, r.id, r.tracks
                    )),
                }
                if r.tracks.len() == 1 && (r.tracks[0] - r.radius).abs() > EPS {
                    problems.push(format!(
                        "ring {}: its one track is not the ring radius",
                        r.id
                    ));
                }
            }
            None => problems.push(format!("node {} names unknown ring {}", n.id, n.ring)),
        }
    }
    for w in l.rings.windows(2) {
        let inner_max = w[0].tracks.iter().copied().fold(w[0].radius, f64::max);
        let outer_min = w[1].tracks.iter().copied().fold(w[1].radius, f64::min);
        if w[1].radius <= w[0].radius || outer_min <= inner_max {
            problems.push(format!("ring {} is not outside ring {}", w[1].id, w[0].id));
        }
    }
    for r in &l.rings {
        if r.tracks.windows(2).any(|t| t[1] <= t[0]) {
            problems.push(format!("ring {}: tracks are not in order", r.id));
        }
    }
    if l.rings.first().is_some_and(|r| r.radius <= l.centre.radius) {
        problems.push("the first ring lies inside the centre".into());
    }
}

/// Bar 3: one contiguous run per domain on each ring, in the same (circle)
/// order on every ring, inside that ring's sector of the domain.
fn domain_runs(l: &Layout, problems: &mut Vec<String>) {
    let order: Vec<Domain> = Domain::ALL.to_vec();
    for r in &l.rings {
        let mut on_ring: Vec<(f64, Domain, &str)> = l
            .nodes
            .iter()
            .filter(|n| n.ring == r.id)
            .map(|n| (n.angle_deg, n.domain, n.id.as_str()))
            .collect();
        on_ring.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut runs: Vec<Domain> = Vec::new();
        for (_, d, _) in &on_ring {
            if runs.last() != Some(d) {
                runs.push(*d);
            }
        }
        if runs.len() > 1 && runs.first() == runs.last() {
            runs.pop();
        }
        let mut seen = runs.clone();
        seen.sort();
        seen.dedup();
        if seen.len() != runs.len() {
            problems.push(format!(
                "ring {}: a domain is split into several runs ({runs:?})",
                r.id
            ));
        }
        // The cyclic order of runs must follow the domain order: going round,
        // the rank may drop only once (where the circle closes).
        let ranks: Vec<usize> = runs
            .iter()
            .filter_map(|d| order.iter().position(|o| o == d))
            .collect();
        let descents = ranks.windows(2).filter(|w| w[1] < w[0]).count()
            + usize::from(ranks.len() > 1 && ranks[0] < ranks[ranks.len() - 1]);
        if ranks.len() > 2 && descents > 1 {
            problems.push(format!(
                "ring {}: domains are out of order ({runs:?})",
                r.id
            ));
        }
        for (angle, d, id) in &on_ring {
            match l
                .sectors
                .iter()
                .find(|s| s.domain == *d && s.ring.as_ref().is_none_or(|x| *x == r.id))
            {
                Some(s) => {
                    let rel = (angle - s.start_deg).rem_euclid(360.0);
                    if rel > s.end_deg - s.start_deg + EPS && rel < 360.0 - EPS {
                        problems.push(format!(
                            "node {id} lies outside the {d:?} sector of ring {}",
                            r.id
                        ));
                    }
                }
                None => problems.push(format!("node {id}: no {d:?} sector on ring {}", r.id)),
            }
        }
        // The sectors of one ring do not overlap and fit in the circle.
        let total: f64 = l
            .sectors
            .iter()
            .filter(|s| s.ring.as_ref().is_none_or(|x| *x == r.id))
            .map(|s| s.end_deg - s.start_deg)
            .sum();
        if total > 360.0 + EPS {
            problems.push(format!("ring {}: sectors add up to {total:.2}°", r.id));
        }
    }
}

/// Bar 4: text inside its container, never below the minimum size.
fn text_inside(l: &Layout, min_font_size: f64, problems: &mut Vec<String>) {
    for n in &l.nodes {
        let r = n.rect();
        for t in &n.text {
            if !r.contains(&t.bounds) {
                problems.push(format!("text \"{}\" leaves node {}", t.text, n.id));
            }
            if t.size < min_font_size {
                problems.push(format!(
                    "text \"{}\" is {} px, below {min_font_size}",
                    t.text, t.size
                ));
            }
        }
    }
    for b in &l.boxes {
        for t in &b.text {
            if !b.rect().contains(&t.bounds) {
                problems.push(format!("text \"{}\" leaves the {:?} box", t.text, b.kind));
            }
            if t.size < min_font_size {
                problems.push(format!("text \"{}\" is below the minimum size", t.text));
            }
        }
    }
    for t in &l.centre.text {
        let b = t.bounds;
        for (x, y) in [
            (b.x, b.y),
            (b.right(), b.y),
            (b.x, b.bottom()),
            (b.right(), b.bottom()),
        ] {
            if crate::geometry::hypot(x - l.centre.x, y - l.centre.y) > l.centre.radius + EPS {
                problems.push(format!("text \"{}\" leaves the centre", t.text));
                break;
            }
        }
    }
    for r in &l.rings {
        if let Some(label) = &r.label {
            if !label.rect.contains(&label.text.bounds) {
                problems.push(format!(
                    "ring label \"{}\" leaves its pill",
                    label.text.text
                ));
            }
            if label.rect.distance_to(l.centre.x, l.centre.y) < l.centre.radius {
                problems.push(format!(
                    "ring label \"{}\" overlaps the centre",
                    label.text.text
                ));
            }
        }
    }
}
