//! Layout + theme → SVG text.
//!
//! This module only draws what the layout placed; it decides no positions.
//! All user text goes through the `svg` crate's escaping (text: `& < >`,
//! attributes also quotes) after characters XML forbids are removed, and no
//! user text is ever put in a comment, CDATA or raw blob. Numbers are written
//! with at most two decimals, never as `NaN`, `-0` or exponent notation, and
//! clamped to ±1e6 (far inside what tiny-skia handles safely).

use cirkel_layout::text::{FONT_FAMILY, Weight};
use cirkel_layout::{Anchor, Layout, Rect, TextLine, TextRole};
use svg::Document;
use svg::Node;
use svg::node::element::{
    Circle, Definitions, Description, Element, Group, Path, Rectangle, Style, Title,
};

use crate::theme::{Rgb, Theme};

/// Formats a coordinate: two decimals at most, no `-0`, no exponent.
pub fn num(v: f64) -> String {
    let v = if v.is_finite() {
        v.clamp(-1e6, 1e6)
    } else {
        0.0
    };
    let r = (v * 100.0).round() / 100.0 + 0.0;
    let s = format!("{r:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

/// Removes characters that XML 1.0 does not allow (defence in depth: the
/// parser already removed them from user input).
pub fn xml_safe(text: &str) -> String {
    text.chars()
        .filter(|c| {
            matches!(*c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
        })
        .collect()
}

fn text_colour(role: TextRole, theme: &Theme) -> Rgb {
    match role {
        TextRole::Role | TextRole::Badge => theme.on_domain,
        TextRole::School | TextRole::SchoolDetail => theme.on_centre,
        TextRole::Organisation | TextRole::Availability | TextRole::Subtitle => theme.muted,
        _ => theme.text,
    }
}

/// A `<text>` element. Built as a plain element so its content is written
/// inline (`<text …>Kernteam</text>`): the `svg` crate puts the content of its
/// own `Text` type on separate lines, which browsers may render as spaces.
fn text(line: &TextLine, theme: &Theme) -> Element {
    let mut t = Element::new("text");
    t.assign("x", num(line.x));
    t.assign("y", num(line.y));
    t.assign("font-size", num(line.size));
    t.assign("fill", text_colour(line.role, theme).hex());
    if line.weight == Weight::Bold {
        t.assign("font-weight", "bold");
    }
    if line.anchor == Anchor::Middle {
        t.assign("text-anchor", "middle");
    }
    // The measured width of the line with the bundled font: a browser that
    // lacks Noto Sans and falls back to a wider or narrower font still fits
    // the line to exactly this width, so text never leaves its card.
    if line.bounds.width > 0.0 {
        t.assign("textLength", num(line.bounds.width));
        t.assign("lengthAdjust", "spacingAndGlyphs");
    }
    t.append(svg::node::Text::new(xml_safe(&line.text)));
    t
}

fn circle(cx: f64, cy: f64, r: f64) -> Circle {
    Circle::new()
        .set("cx", num(cx))
        .set("cy", num(cy))
        .set("r", num(r))
}

fn rect(r: &Rect) -> Rectangle {
    Rectangle::new()
        .set("x", num(r.x))
        .set("y", num(r.y))
        .set("width", num(r.width))
        .set("height", num(r.height))
}

/// An annular sector from `start` to `end` degrees (clockwise from 12 o'clock).
fn wedge(cx: f64, cy: f64, inner: f64, outer: f64, start: f64, end: f64) -> String {
    let p = |deg: f64, r: f64| {
        let a = deg.to_radians();
        (cx + r * libm::sin(a), cy - r * libm::cos(a))
    };
    let large = if end - start > 180.0 { 1 } else { 0 };
    let (x0, y0) = p(start, outer);
    let (x1, y1) = p(end, outer);
    let (x2, y2) = p(end, inner);
    let (x3, y3) = p(start, inner);
    format!(
        "M {} {} A {} {} 0 {large} 1 {} {} L {} {} A {} {} 0 {large} 0 {} {} Z",
        num(x0),
        num(y0),
        num(outer),
        num(outer),
        num(x1),
        num(y1),
        num(x2),
        num(y2),
        num(inner),
        num(inner),
        num(x3),
        num(y3)
    )
}

/// The fill of a domain's sector: its tint, or with `patterns` a hatch.
fn domain_fill(d: cirkel_core::Domain, theme: &Theme) -> String {
    // Onderwijs is the plain one: a flat tint (a pattern tile would only
    // add seams).
    if theme.patterns && d != cirkel_core::Domain::Onderwijs {
        format!("url(#hatch-{})", d.key())
    } else {
        theme.domain(d).tint(theme.sector_tint).hex()
    }
}

/// A hatch per domain for themes that must work without colour: plain,
/// lines at four angles, cross-hatch and dots.
fn hatch(d: cirkel_core::Domain, theme: &Theme) -> Element {
    use cirkel_core::Domain;
    let tint = theme.domain(d).tint(theme.sector_tint).hex();
    let ink = theme.domain(d).tint(0.55).hex();
    let size = 14.0;
    let mut p = Element::new("pattern");
    p.assign("id", format!("hatch-{}", d.key()));
    p.assign("patternUnits", "userSpaceOnUse");
    p.assign("width", num(size));
    p.assign("height", num(size));
    let rotate = match d {
        Domain::Samenwerkingsverband | Domain::Veiligheid => Some(45),
        Domain::Gezondheid => Some(-45),
        Domain::Jeugdhulp => Some(90),
        _ => None,
    };
    if let Some(angle) = rotate {
        p.assign("patternTransform", format!("rotate({angle})"));
    }
    p.append(
        rect(&Rect {
            x: 0.0,
            y: 0.0,
            width: size,
            height: size,
        })
        .set("fill", tint),
    );
    let line = |x1: f64, y1: f64, x2: f64, y2: f64| {
        Path::new()
            .set(
                "d",
                format!("M {} {} L {} {}", num(x1), num(y1), num(x2), num(y2)),
            )
            .set("stroke", ink.clone())
            .set("stroke-width", 2.5)
    };
    match d {
        Domain::Overig => p.append(circle(size / 2.0, size / 2.0, 2.2).set("fill", ink.clone())),
        Domain::Veiligheid => {
            p.append(line(0.0, size / 2.0, size, size / 2.0));
            p.append(line(size / 2.0, 0.0, size / 2.0, size));
        }
        _ => p.append(line(0.0, size / 2.0, size, size / 2.0)),
    }
    p
}

/// Options for SVG output.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SvgOptions {
    /// Output width in px (the drawing is scaled); `None` keeps the layout's width.
    pub width: Option<f64>,
    /// The id of a route to draw prominently, with its label; the other
    /// routes are faded. `None` draws all routes alike.
    pub highlight: Option<String>,
    /// Leave out the background rectangle (for a PNG whose canvas is filled
    /// first; see `PngOptions::background`).
    pub no_background: bool,
    /// Members' photos by member id, embedded as round portraits where the
    /// layout made room for them (`Node::photo`). A node with room but no
    /// photo here gets an empty circle.
    pub photos: std::collections::BTreeMap<String, Photo>,
}

/// A photo to embed: PNG or JPEG bytes (checked by the parser: kind, size
/// and pixel count).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

impl Photo {
    /// The MIME type from the file's first bytes; `None` when it is neither
    /// PNG nor JPEG (then it is not embedded).
    pub fn mime(&self) -> Option<&'static str> {
        if self.bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some("image/png")
        } else if self.bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some("image/jpeg")
        } else {
            None
        }
    }
}

/// Standard base64 (RFC 4648) with padding.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Stroke width of a route line.
const ROUTE_WIDTH: f64 = 4.5;

/// How a tie is stroked: width and dash pattern.
fn tie_stroke(tie: cirkel_core::Tie) -> (f64, Option<&'static str>) {
    match tie {
        cirkel_core::Tie::Strong => (5.0, None),
        cirkel_core::Tie::Normal => (2.0, None),
        cirkel_core::Tie::Tenuous => (2.0, Some("3 7")),
        cirkel_core::Tie::Stressful => (2.0, None),
    }
}

fn tie_path(d: &str, tie: cirkel_core::Tie, theme: &Theme) -> Path {
    let (width, dash) = tie_stroke(tie);
    let mut p = Path::new()
        .set("d", d)
        .set("fill", "none")
        .set("stroke", theme.tie.hex())
        .set("stroke-width", num(width))
        .set("stroke-linejoin", "round")
        .set("class", format!("tie tie-{}", tie_key(tie)));
    if let Some(dash) = dash {
        p = p.set("stroke-dasharray", dash);
    }
    p
}

fn tie_key(tie: cirkel_core::Tie) -> &'static str {
    match tie {
        cirkel_core::Tie::Strong => "strong",
        cirkel_core::Tie::Normal => "normal",
        cirkel_core::Tie::Tenuous => "tenuous",
        cirkel_core::Tie::Stressful => "stressful",
    }
}

/// A route line with a white casing, so it stands out on any background and
/// where it crosses a tie or another route.
fn route_line(d: &str, colour: &str, escalation: bool, theme: &Theme, width: f64) -> Group {
    let casing = Path::new()
        .set("d", d)
        .set("fill", "none")
        .set("stroke", theme.background.hex())
        .set("stroke-width", num(width + 4.0))
        .set("stroke-linejoin", "round")
        .set("stroke-linecap", "round");
    let mut line = Path::new()
        .set("d", d)
        .set("fill", "none")
        .set("stroke", colour)
        .set("stroke-width", num(width))
        .set("stroke-linejoin", "round");
    if escalation {
        line = line.set(
            "stroke-dasharray",
            format!("{} {}", num(width * 2.6), num(width * 1.8)),
        );
    }
    Group::new().add(casing).add(line)
}

fn badge(b: &cirkel_layout::Badge, colour: Rgb, theme: &Theme) -> Group {
    let mut number = text(&b.text, theme);
    number.assign("fill", readable_on(colour, theme).hex());
    Group::new()
        .set("class", "route-badge")
        .add(
            circle(b.x, b.y, b.radius)
                .set("fill", colour.hex())
                .set("stroke", theme.background.hex())
                .set("stroke-width", 2),
        )
        .add(number)
}

/// White or the text colour, whichever reads better on `background`.
fn readable_on(background: Rgb, theme: &Theme) -> Rgb {
    if theme.on_domain.contrast(background) >= theme.text.contrast(background) {
        theme.on_domain
    } else {
        theme.text
    }
}

fn arrow_path(a: &cirkel_layout::Arrow, scale: f64) -> String {
    let scaled = cirkel_layout::Arrow {
        length: a.length * scale,
        half_width: a.half_width * scale,
        ..*a
    };
    let [p, q, r] = scaled.corners();
    format!(
        "M {} {} L {} {} L {} {} Z",
        num(p.0),
        num(p.1),
        num(q.0),
        num(q.1),
        num(r.0),
        num(r.1)
    )
}

/// Draws the layout as an SVG document.
pub fn to_svg(layout: &Layout, theme: &Theme, options: &SvgOptions) -> String {
    let scale = options.width.map_or(1.0, |w| w / layout.width);
    let (w, h) = (layout.width * scale, layout.height * scale);
    let (cx, cy) = (layout.centre.x, layout.centre.y);
    let mut doc = Document::new()
        .set("width", num(w))
        .set("height", num(h))
        .set(
            "viewBox",
            format!("0 0 {} {}", num(layout.width), num(layout.height)),
        )
        .set("role", "img")
        .set("aria-labelledby", "cirkel-title cirkel-desc")
        .set("font-family", format!("{FONT_FAMILY}, sans-serif"))
        .add(Title::new(xml_safe(&layout.title)).set("id", "cirkel-title"))
        .add(
            Description::new()
                .add(svg::node::Text::new(xml_safe(&layout.description)))
                .set("id", "cirkel-desc"),
        );
    let mut css = String::from(".ring-line{fill:none}");
    for d in cirkel_core::Domain::ALL {
        css.push_str(&format!(
            ".domain-{}{{--domain-colour:{}}}",
            d.key(),
            theme.domain(d).hex()
        ));
    }
    let mut defs = Definitions::new().add(Style::new(css));
    if theme.patterns {
        for d in cirkel_core::Domain::ALL {
            if d != cirkel_core::Domain::Onderwijs {
                defs = defs.add(hatch(d, theme));
            }
        }
    }
    doc = doc.add(defs);
    if !options.no_background {
        doc = doc.add(
            rect(&Rect {
                x: 0.0,
                y: 0.0,
                width: layout.width,
                height: layout.height,
            })
            .set("fill", theme.background.hex())
            .set("id", "background"),
        );
    }

    // Sectors: a tinted wedge per domain and ring, across the ring's band;
    // a white line where one domain's run meets the next.
    let mut sectors = Group::new().set("id", "sectors");
    let mut borders = Group::new().set("id", "sector-borders");
    for s in &layout.sectors {
        let (inner, outer) = (s.inner_radius, s.outer_radius);
        let fill = domain_fill(s.domain, theme);
        let class = format!("sector domain-{}", s.domain.key());
        if s.end_deg - s.start_deg >= 359.99 {
            let d = format!(
                "M {x} {top} A {o} {o} 0 1 1 {x} {bottom} A {o} {o} 0 1 1 {x} {top} Z M {x} {itop} A {i} {i} 0 1 0 {x} {ibottom} A {i} {i} 0 1 0 {x} {itop} Z",
                x = num(cx),
                top = num(cy - outer),
                bottom = num(cy + outer),
                o = num(outer),
                itop = num(cy - inner),
                ibottom = num(cy + inner),
                i = num(inner)
            );
            sectors = sectors.add(
                Path::new()
                    .set("d", d)
                    .set("fill", fill)
                    .set("fill-rule", "evenodd")
                    .set("class", class),
            );
        } else {
            sectors = sectors.add(
                Path::new()
                    .set("d", wedge(cx, cy, inner, outer, s.start_deg, s.end_deg))
                    .set("fill", fill)
                    .set("class", class),
            );
            let a = s.start_deg.to_radians();
            let (x0, y0) = (cx + inner * libm::sin(a), cy - inner * libm::cos(a));
            let (x1, y1) = (cx + outer * libm::sin(a), cy - outer * libm::cos(a));
            borders = borders.add(
                Path::new()
                    .set(
                        "d",
                        format!("M {} {} L {} {}", num(x0), num(y0), num(x1), num(y1)),
                    )
                    .set("stroke", theme.background.hex())
                    .set("stroke-width", 4),
            );
        }
    }
    doc = doc.add(sectors);

    // Ring lines through the card centres (and tracks), and the outer edge.
    let line = |r: f64, class: &str, colour: Rgb, width: f64| {
        circle(cx, cy, r)
            .set("class", class)
            .set("fill", "none")
            .set("stroke", colour.hex())
            .set("stroke-width", num(width))
    };
    let mut rings = Group::new().set("id", "rings");
    rings = rings.add(line(layout.outer_radius, "ring-line", theme.ring_line, 2.0));
    // Band edges only where each ring has its own runs.
    let per_ring = layout.sectors.iter().any(|s| s.ring.is_some());
    for r in &layout.rings {
        if per_ring && r.inner_radius > layout.centre.radius {
            rings = rings.add(line(r.inner_radius, "ring-edge", theme.background, 3.0));
        }
        for t in &r.tracks {
            rings = rings
                .add(line(*t, "ring-line", theme.ring_line, 2.0).set("stroke-dasharray", "6 6"));
        }
    }
    doc = doc.add(borders).add(rings);

    // Ties, beneath the school and the cards.
    if !layout.ties.is_empty() {
        let mut ties = Group::new().set("id", "ties");
        for t in &layout.ties {
            ties =
                ties.add(tie_path(&t.path, t.tie, theme).set("data-member", xml_safe(&t.member)));
        }
        doc = doc.add(ties);
    }

    // The school.
    let mut centre = Group::new()
        .set("id", "centre")
        .add(circle(cx, cy, layout.centre.radius).set("fill", theme.centre.hex()));
    for t in &layout.centre.text {
        centre = centre.add(text(t, theme));
    }
    doc = doc.add(centre);

    // Ring labels.
    let mut labels = Group::new().set("id", "ring-labels");
    for r in &layout.rings {
        if let Some(l) = &r.label {
            labels = labels.add(
                rect(&l.rect)
                    .set("rx", num(l.rect.height / 2.0))
                    .set("fill", theme.background.hex())
                    .set("stroke", theme.ring_line.hex())
                    .set("stroke-width", 2),
            );
            labels = labels.add(text(&l.text, theme));
        }
    }
    doc = doc.add(labels);

    // Members.
    let mut members = Group::new().set("id", "members");
    for n in &layout.nodes {
        let colour = theme.domain(n.domain).hex();
        let r = n.rect();
        let radius = 10.0;
        // The header: the card's top with rounded corners, square at the bottom.
        let (top, bottom) = (r.y, r.y + n.header_height);
        let header = format!(
            "M {x0} {b} L {x0} {t1} A {rad} {rad} 0 0 1 {x1} {t} L {x2} {t} A {rad} {rad} 0 0 1 {x3} {t1} L {x3} {b} Z",
            x0 = num(r.x),
            x1 = num(r.x + radius),
            x2 = num(r.right() - radius),
            x3 = num(r.right()),
            t = num(top),
            t1 = num(top + radius),
            b = num(bottom),
            rad = num(radius)
        );
        let mut g = Group::new()
            .set("id", format!("member-{}", n.id))
            .set("class", format!("member domain-{}", n.domain.key()))
            .add(
                rect(&r)
                    .set("rx", num(radius))
                    .set("fill", theme.card.hex())
                    .set("stroke", colour.clone())
                    .set("stroke-width", 2.5),
            )
            .add(Path::new().set("d", header).set("fill", colour.clone()));
        if let Some(p) = &n.photo {
            let data = options.photos.get(&n.id).and_then(|ph| {
                ph.mime()
                    .map(|m| format!("data:{m};base64,{}", base64(&ph.bytes)))
            });
            if let Some(href) = data {
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
                    circle(p.x, p.y, p.radius).set("fill", theme.domain(n.domain).tint(0.8).hex()),
                );
            }
            g = g.add(
                circle(p.x, p.y, p.radius)
                    .set("fill", "none")
                    .set("stroke", colour.clone())
                    .set("stroke-width", 2.5)
                    .set("class", "portrait"),
            );
        }
        for t in &n.text {
            g = g.add(text(t, theme));
        }
        members = members.add(g);
    }
    doc = doc.add(members);

    // Routes, above the cards (their arrowheads touch the cards' borders).
    if !layout.routes.is_empty() {
        let mut routes = Group::new().set("id", "routes");
        let mut badges = Vec::new();
        let focus = options.highlight.as_deref();
        let mut ordered: Vec<&cirkel_layout::RoutePath> = layout.routes.iter().collect();
        // The highlighted route last, so it lies on top.
        ordered.sort_by_key(|r| Some(r.id.as_str()) == focus);
        for r in ordered {
            let strong = focus.is_none_or(|f| f == r.id);
            let colour = if strong {
                theme.route(r.number)
            } else {
                theme.route(r.number).tint(0.7)
            };
            let width = if focus.is_some() && strong {
                ROUTE_WIDTH * 1.5
            } else if strong {
                ROUTE_WIDTH
            } else {
                ROUTE_WIDTH * 0.7
            };
            let mut g = Group::new()
                .set("id", format!("route-{}", r.id))
                .set("class", if strong { "route" } else { "route faded" });
            if !r.path.is_empty() {
                g = g.add(route_line(&r.path, &colour.hex(), false, theme, width));
            }
            if !r.escalation_path.is_empty() {
                g = g.add(route_line(
                    &r.escalation_path,
                    &colour.hex(),
                    true,
                    theme,
                    width,
                ));
            }
            let arrow_scale = width / ROUTE_WIDTH;
            for leg in &r.legs {
                g = g.add(
                    Path::new()
                        .set("d", arrow_path(&leg.arrow, arrow_scale.max(1.0)))
                        .set("fill", colour.hex())
                        .set("stroke", theme.background.hex())
                        .set("stroke-width", 1.5)
                        .set("stroke-linejoin", "round"),
                );
            }
            if focus == Some(r.id.as_str()) {
                if let Some(l) = &r.label {
                    g = g.add(
                        rect(&l.rect)
                            .set("rx", 8)
                            .set("fill", theme.background.hex())
                            .set("stroke", colour.hex())
                            .set("stroke-width", 3)
                            .set("class", "route-label"),
                    );
                    for t in &l.text {
                        g = g.add(text(t, theme));
                    }
                }
            }
            routes = routes.add(g);
            if let Some(b) = &r.badge {
                badges.push(badge(b, colour, theme));
            }
        }
        for b in badges {
            routes = routes.add(b);
        }
        doc = doc.add(routes);
    }

    // Title, legend, footer.
    for b in &layout.boxes {
        let kind = match b.kind {
            cirkel_layout::BoxKind::Title => "title",
            cirkel_layout::BoxKind::Legend => "legend",
            cirkel_layout::BoxKind::Footer => "footer",
        };
        let mut g = Group::new().set("id", kind);
        for s in &b.swatches {
            g = g.add(
                rect(&s.rect)
                    .set("rx", 4)
                    .set(
                        "fill",
                        if theme.patterns {
                            domain_fill(s.domain, theme)
                        } else {
                            theme.domain(s.domain).hex()
                        },
                    )
                    .set("stroke", theme.domain(s.domain).hex())
                    .set("stroke-width", 2)
                    .set("class", format!("domain-{}", s.domain.key())),
            );
        }
        for sample in &b.samples {
            g = g.add(match sample.kind {
                cirkel_layout::SampleKind::Tie(tie) => {
                    Group::new().add(tie_path(&sample.path, tie, theme))
                }
                cirkel_layout::SampleKind::Route => {
                    route_line(&sample.path, &theme.text.hex(), false, theme, ROUTE_WIDTH)
                }
                cirkel_layout::SampleKind::Escalation => {
                    route_line(&sample.path, &theme.text.hex(), true, theme, ROUTE_WIDTH)
                }
            });
        }
        for bd in &b.badges {
            g = g.add(badge(bd, theme.route(bd.number), theme));
        }
        for t in &b.text {
            g = g.add(text(t, theme));
        }
        doc = doc.add(g);
    }
    let mut out = doc.to_string();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_clean() {
        assert_eq!(num(800.0), "800");
        assert_eq!(num(-0.0), "0");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(1.5), "1.5");
        assert_eq!(num(0.1 + 0.2), "0.3");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(1e21), "1000000");
    }

    #[test]
    fn xml_safe_removes_forbidden_characters() {
        assert_eq!(xml_safe("a\u{0}b\u{b}c\u{fffe}d"), "abcd");
    }
}
