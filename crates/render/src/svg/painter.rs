//! The SVG backend of the walk (`crate::walk`): each shape the walk draws
//! becomes one element, the walk's parts become groups (`<g id=…>`, a
//! member's card, a route) and links (`<a href=…>`), its tags the
//! elements' classes. Circles, rounded rectangles, rings and sectors are
//! written as `<circle>`, `<rect rx>` and arcs, so the file stays small
//! and readable; other shapes as their path.

use std::collections::BTreeMap;

use cirkel_core::{Domain, Photo, Tie};
use cirkel_layout::{BoxKind, Rect, TextLine};
use svg::Node as _;
use svg::node::element::Element;

use super::prim::{TextAs, base64, hatch, num, text, xml_safe};
use crate::theme::Rgb;
use crate::walk::{Brush, Cmd, Fill, Painter, Part, Pen, Rule, Shape, Tag, polar};

/// Draws the walk's shapes as SVG elements.
pub(super) struct SvgPainter<'a> {
    /// The picture's elements so far (the document's children).
    top: Vec<Element>,
    /// The parts open now, innermost last.
    open: Vec<Element>,
    /// What [`Painter::tag`] said of the next shape: its attributes.
    pending: Vec<(&'static str, String)>,
    /// Each hatch used, in order of first use: domain, tile, ink.
    hatches: Vec<(Domain, Rgb, Rgb)>,
    photos: &'a BTreeMap<String, Photo>,
    mode: TextAs,
    background: bool,
    /// How ids and classes are named (prefixed in an HTML fragment).
    names: Names,
}

/// Names of ids and classes: as they are, or each with a prefix, so that
/// two pictures on one page share none (`SvgOptions::prefix`).
#[derive(Debug, Clone, Default)]
pub(super) struct Names {
    prefix: Option<String>,
}

impl Names {
    pub(super) fn new(prefix: Option<&str>) -> Names {
        Names {
            prefix: prefix.map(str::to_string),
        }
    }

    /// An id.
    pub(super) fn id(&self, name: &str) -> String {
        match &self.prefix {
            Some(p) => format!("{p}-{name}"),
            None => name.to_string(),
        }
    }

    /// A class attribute: each of its classes.
    pub(super) fn class(&self, classes: &str) -> String {
        match &self.prefix {
            Some(_) => classes
                .split(' ')
                .map(|c| self.id(c))
                .collect::<Vec<_>>()
                .join(" "),
            None => classes.to_string(),
        }
    }
}

impl<'a> SvgPainter<'a> {
    pub(super) fn new(
        photos: &'a BTreeMap<String, Photo>,
        mode: TextAs,
        background: bool,
        names: Names,
    ) -> SvgPainter<'a> {
        SvgPainter {
            top: Vec::new(),
            open: Vec::new(),
            pending: Vec::new(),
            hatches: Vec::new(),
            photos,
            mode,
            background,
            names,
        }
    }

    /// The patterns the hatched fills refer to, and the picture's elements
    /// (any part left open is closed).
    pub(super) fn finish(mut self) -> (Vec<Element>, Vec<Element>) {
        while !self.open.is_empty() {
            self.close();
        }
        let mut counts: BTreeMap<Domain, usize> = BTreeMap::new();
        let patterns = self
            .hatches
            .iter()
            .map(|&(d, back, ink)| {
                let n = counts.entry(d).or_default();
                *n += 1;
                hatch(d, back, ink, &self.names.id(&hatch_id(d, *n)))
            })
            .collect();
        (patterns, self.top)
    }

    /// Adds `e` to the part open now, with the pending tag's attributes.
    fn add(&mut self, mut e: Element) {
        for (k, v) in self.pending.drain(..) {
            e.assign(k, v);
        }
        match self.open.last_mut() {
            Some(part) => part.append(e),
            None => self.top.push(e),
        }
    }

    /// The `fill` attribute's value for `brush` (a hatch is registered).
    fn brush(&mut self, brush: Brush) -> String {
        match brush {
            Brush::Solid(c) => c.hex(),
            Brush::Hatch { domain, back, ink } => {
                let key = (domain, back, ink);
                let at = match self.hatches.iter().position(|h| *h == key) {
                    Some(at) => at,
                    None => {
                        self.hatches.push(key);
                        self.hatches.len() - 1
                    }
                };
                let n = self.hatches[..=at].iter().filter(|h| h.0 == domain).count();
                format!("url(#{})", self.names.id(&hatch_id(domain, n)))
            }
        }
    }

    /// `name` with `d` (for a path) and the fill and stroke.
    fn shape(
        &mut self,
        name: &str,
        geometry: &[(&str, String)],
        fill: Option<Fill>,
        pen: Option<Pen>,
    ) {
        let mut e = Element::new(name);
        for (k, v) in geometry {
            e.assign(*k, v.clone());
        }
        match fill {
            Some(f) => {
                let paint = self.brush(f.brush);
                e.assign("fill", paint);
                if f.rule == Rule::EvenOdd {
                    e.assign("fill-rule", "evenodd");
                }
            }
            None => e.assign("fill", "none"),
        }
        if let Some(p) = pen {
            e.assign("stroke", p.colour.hex());
            e.assign("stroke-width", num(p.width));
            if let Some(dash) = &p.dash {
                let dash: Vec<String> = dash.iter().map(|v| num(f64::from(*v))).collect();
                e.assign("stroke-dasharray", dash.join(" "));
            }
            if p.round_cap {
                e.assign("stroke-linecap", "round");
            }
            if name == "path" {
                e.assign("stroke-linejoin", "round");
            }
        }
        self.add(e);
    }
}

/// The id of the `n`th hatch (from 1) of domain `d`.
fn hatch_id(d: Domain, n: usize) -> String {
    format!("hatch-{}-{n}", d.key())
}

fn tie_key(tie: Tie) -> &'static str {
    match tie {
        Tie::Strong => "strong",
        Tie::Normal => "normal",
        Tie::Tenuous => "tenuous",
        Tie::Stressful => "stressful",
    }
}

/// A shape's path data, written as the layout writes its paths
/// (`M794.5 1050.7 L618.15 1050.7`).
fn path_data(shape: &Shape) -> String {
    let mut d = String::new();
    let mut put = |letter: &str, points: &[f32]| {
        if !d.is_empty() {
            d.push(' ');
        }
        d.push_str(letter);
        for (i, v) in points.iter().enumerate() {
            if i > 0 {
                d.push(' ');
            }
            d.push_str(&num(f64::from(*v)));
        }
    };
    for cmd in &shape.0 {
        match *cmd {
            Cmd::Move(x, y) => put("M", &[x, y]),
            Cmd::Line(x, y) => put("L", &[x, y]),
            Cmd::Quad(a, b, x, y) => put("Q", &[a, b, x, y]),
            Cmd::Cubic(a, b, c, e, x, y) => put("C", &[a, b, c, e, x, y]),
            Cmd::Close => put("Z", &[]),
        }
    }
    d
}

/// A circle as two arcs (a subpath).
fn circle_arcs((cx, cy): (f64, f64), r: f64, sweep: u8) -> String {
    format!(
        "M {x} {top} A {r} {r} 0 1 {sweep} {x} {bottom} A {r} {r} 0 1 {sweep} {x} {top} Z",
        x = num(cx),
        top = num(cy - r),
        bottom = num(cy + r),
        r = num(r),
    )
}

/// The ring between two radii (filled even-odd).
fn annulus_data(centre: (f64, f64), inner: f64, outer: f64) -> String {
    format!(
        "{} {}",
        circle_arcs(centre, outer, 1),
        circle_arcs(centre, inner, 0)
    )
}

/// The annular sector from `start` to `end` degrees (clockwise from 12
/// o'clock).
fn wedge_data(c: (f64, f64), inner: f64, outer: f64, start: f64, end: f64) -> String {
    let large = u8::from(end - start > 180.0);
    let (x0, y0) = polar(c, outer, start);
    let (x1, y1) = polar(c, outer, end);
    let (x2, y2) = polar(c, inner, end);
    let (x3, y3) = polar(c, inner, start);
    format!(
        "M {} {} A {o} {o} 0 {large} 1 {} {} L {} {} A {i} {i} 0 {large} 0 {} {} Z",
        num(x0),
        num(y0),
        num(x1),
        num(y1),
        num(x2),
        num(y2),
        num(x3),
        num(y3),
        o = num(outer),
        i = num(inner),
    )
}

/// A rectangle with its top corners rounded by `top` and square at the
/// bottom (a card's header).
fn header_data(r: &Rect, top: f64) -> String {
    format!(
        "M {x0} {b} L {x0} {t1} A {rad} {rad} 0 0 1 {x1} {t} L {x2} {t} A {rad} {rad} 0 0 1 {x3} {t1} L {x3} {b} Z",
        x0 = num(r.x),
        x1 = num(r.x + top),
        x2 = num(r.right() - top),
        x3 = num(r.right()),
        t = num(r.y),
        t1 = num(r.y + top),
        b = num(r.bottom()),
        rad = num(top)
    )
}

fn rect_geometry(r: &Rect) -> Vec<(&'static str, String)> {
    vec![
        ("x", num(r.x)),
        ("y", num(r.y)),
        ("width", num(r.width)),
        ("height", num(r.height)),
    ]
}

fn circle_geometry((cx, cy): (f64, f64), r: f64) -> Vec<(&'static str, String)> {
    vec![("cx", num(cx)), ("cy", num(cy)), ("r", num(r))]
}

impl Painter for SvgPainter<'_> {
    fn open(&mut self, part: Part<'_>) {
        // Inside a page (a prefix) the picture is an image (`role="img"`):
        // no links in it; the description beside it has them.
        let link = matches!(part, Part::Link(_)) && self.names.prefix.is_none();
        let mut g = Element::new(if link { "a" } else { "g" });
        match part {
            Part::Layer(name) => g.assign("id", self.names.id(name)),
            Part::Member(id, domain) => {
                g.assign("id", self.names.id(&format!("member-{}", xml_safe(id))));
                g.assign(
                    "class",
                    self.names.class(&format!("member domain-{}", domain.key())),
                );
            }
            Part::Route(id, strong) => {
                g.assign("id", self.names.id(&format!("route-{}", xml_safe(id))));
                g.assign(
                    "class",
                    self.names
                        .class(if strong { "route" } else { "route faded" }),
                );
            }
            Part::Badge => g.assign("class", self.names.class("route-badge")),
            Part::Box(kind) => g.assign(
                "id",
                self.names.id(match kind {
                    BoxKind::Title => "title",
                    BoxKind::Legend => "legend",
                    BoxKind::Footer => "footer",
                }),
            ),
            Part::Link(href) if link => g.assign("href", xml_safe(href)),
            Part::Link(_) => {}
        }
        self.open.push(g);
    }

    fn close(&mut self) {
        if let Some(part) = self.open.pop() {
            match self.open.last_mut() {
                Some(outer) => outer.append(part),
                None => self.top.push(part),
            }
        }
    }

    fn tag(&mut self, tag: Tag<'_>) {
        let class = match tag {
            Tag::Band(k) => format!("band ring-{}", k + 1),
            Tag::Sector(d) => format!("sector domain-{}", d.key()),
            Tag::SectorEdge => "sector-edge".into(),
            Tag::RingEdge => "ring-edge".into(),
            Tag::Tie(tie, member) => {
                if let Some(m) = member {
                    self.pending.push(("data-member", xml_safe(m)));
                }
                format!("tie tie-{}", tie_key(tie))
            }
            Tag::Portrait => "portrait".into(),
            Tag::RouteLabel => "route-label".into(),
            Tag::Swatch(d) => format!("domain-{}", d.key()),
            Tag::Marker => "new-marker".into(),
        };
        let class = self.names.class(&class);
        self.pending.push(("class", class));
    }

    fn links_in_place(&self) -> bool {
        true
    }

    fn background(&mut self, rect: &Rect, colour: Rgb) {
        if self.background {
            let mut e = Element::new("rect");
            for (k, v) in rect_geometry(rect) {
                e.assign(k, v);
            }
            e.assign("fill", colour.hex());
            e.assign("id", self.names.id("background"));
            self.add(e);
        }
    }

    fn draw(&mut self, shape: &Shape, fill: Option<Fill>, stroke: Option<Pen>) {
        self.shape("path", &[("d", path_data(shape))], fill, stroke);
    }

    fn annulus(&mut self, centre: (f64, f64), inner: f64, outer: f64, fill: Fill) {
        let d = annulus_data(centre, inner, outer);
        self.shape("path", &[("d", d)], Some(fill), None);
    }

    fn sector(
        &mut self,
        centre: (f64, f64),
        (inner, outer): (f64, f64),
        (start, end): (f64, f64),
        fill: Fill,
    ) {
        let d = wedge_data(centre, inner, outer, start, end);
        self.shape("path", &[("d", d)], Some(fill), None);
    }

    fn circle_line(&mut self, centre: (f64, f64), r: f64, pen: Pen) {
        self.shape("circle", &circle_geometry(centre, r), None, Some(pen));
    }

    fn rounded(
        &mut self,
        rect: &Rect,
        (top, bottom): (f64, f64),
        fill: Option<Fill>,
        stroke: Option<Pen>,
    ) {
        if top == bottom {
            let mut geometry = rect_geometry(rect);
            if top > 0.0 {
                geometry.push(("rx", num(top)));
            }
            self.shape("rect", &geometry, fill, stroke);
        } else if bottom == 0.0 {
            self.shape("path", &[("d", header_data(rect, top))], fill, stroke);
        } else {
            let d = path_data(&Shape::rounded_top(rect, top, bottom));
            self.shape("path", &[("d", d)], fill, stroke);
        }
    }

    fn disc(&mut self, centre: (f64, f64), r: f64, fill: Option<Fill>, stroke: Option<Pen>) {
        self.shape("circle", &circle_geometry(centre, r), fill, stroke);
    }

    fn text(&mut self, line: &TextLine, colour: Rgb) {
        let t = text(line, colour, self.mode);
        self.add(t);
    }

    /// The photo embedded and clipped to its circle.
    fn portrait(&mut self, id: &str, (x, y, r): (f64, f64, f64)) -> bool {
        let Some(photo) = self.photos.get(id) else {
            return false;
        };
        let href = format!("data:{};base64,{}", photo.kind.mime(), base64(&photo.bytes));
        let clip = self.names.id(&format!("photo-clip-{}", xml_safe(id)));
        let mut clip_path = Element::new("clipPath");
        clip_path.assign("id", clip.clone());
        let mut circle = Element::new("circle");
        for (k, v) in circle_geometry((x, y), r) {
            circle.assign(k, v);
        }
        clip_path.append(circle);
        let mut image = Element::new("image");
        image.assign("x", num(x - r));
        image.assign("y", num(y - r));
        image.assign("width", num(2.0 * r));
        image.assign("height", num(2.0 * r));
        image.assign("preserveAspectRatio", "xMidYMid slice");
        image.assign("clip-path", format!("url(#{clip})"));
        image.assign("href", href);
        self.pending.clear();
        self.add(clip_path);
        self.add(image);
        true
    }
}
