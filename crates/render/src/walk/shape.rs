//! Shapes in layout units, as the painters build them: a list of path
//! commands that each backend turns into its own path (krilla for PDF,
//! tiny-skia for PNG), so both draw exactly the same outlines.

use cirkel_layout::{Path, Rect, Segment};

/// One path command, in layout units (already made safe, see [`f`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Cmd {
    /// Start a subpath.
    Move(f32, f32),
    /// A straight line.
    Line(f32, f32),
    /// A quadratic Bézier: control, end.
    Quad(f32, f32, f32, f32),
    /// A cubic Bézier: two controls, end.
    Cubic(f32, f32, f32, f32, f32, f32),
    /// Close the subpath.
    Close,
}

/// A shape: its commands in drawing order.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Shape(pub Vec<Cmd>);

/// A coordinate for a painter: finite and within ±1e6 (as the SVG
/// painter's numbers), so no input can put NaN or infinity into a file or
/// make a rasteriser misbehave.
pub(crate) fn f(v: f64) -> f32 {
    crate::style::safe_coordinate(v) as f32
}

/// The point at `deg` degrees clockwise from 12 o'clock.
pub(crate) fn polar(c: (f64, f64), r: f64, deg: f64) -> (f64, f64) {
    let a = deg.to_radians();
    (c.0 + r * libm::sin(a), c.1 - r * libm::cos(a))
}

impl Shape {
    /// An empty shape.
    pub fn new() -> Shape {
        Shape(Vec::new())
    }

    fn move_to(&mut self, x: f64, y: f64) {
        self.0.push(Cmd::Move(f(x), f(y)));
    }

    fn line_to(&mut self, x: f64, y: f64) {
        self.0.push(Cmd::Line(f(x), f(y)));
    }

    fn cubic_to(&mut self, c: [f64; 6]) {
        self.0.push(Cmd::Cubic(
            f(c[0]),
            f(c[1]),
            f(c[2]),
            f(c[3]),
            f(c[4]),
            f(c[5]),
        ));
    }

    fn close(&mut self) {
        self.0.push(Cmd::Close);
    }

    /// The layout's path (lines and Béziers).
    pub fn path(path: &Path) -> Shape {
        let mut s = Shape::new();
        for seg in &path.segments {
            match *seg {
                Segment::Move(p) => s.move_to(p.x, p.y),
                Segment::Line(p) => s.line_to(p.x, p.y),
                Segment::Quad(c, p) => s.0.push(Cmd::Quad(f(c.x), f(c.y), f(p.x), f(p.y))),
                Segment::Cubic(c1, c2, p) => s.cubic_to([c1.x, c1.y, c2.x, c2.y, p.x, p.y]),
            }
        }
        s
    }

    /// A polygon through `points`, closed.
    pub fn polygon(points: &[(f64, f64)]) -> Shape {
        let mut s = Shape::new();
        for (i, &(x, y)) in points.iter().enumerate() {
            if i == 0 {
                s.move_to(x, y);
            } else {
                s.line_to(x, y);
            }
        }
        s.close();
        s
    }

    fn move_polar(&mut self, c: (f64, f64), r: f64, deg: f64) {
        let (x, y) = polar(c, r, deg);
        self.move_to(x, y);
    }

    fn line_polar(&mut self, c: (f64, f64), r: f64, deg: f64) {
        let (x, y) = polar(c, r, deg);
        self.line_to(x, y);
    }

    /// An arc from the current point (at `from` degrees) to `to` degrees,
    /// as cubic Béziers of at most 90° each (either direction).
    fn arc(&mut self, c: (f64, f64), r: f64, from: f64, to: f64) {
        let pieces = ((to - from).abs() / 90.0).ceil().clamp(1.0, 8.0) as usize;
        let step = (to - from) / pieces as f64;
        for i in 0..pieces {
            let a0 = (from + step * i as f64).to_radians();
            let a1 = (from + step * (i + 1) as f64).to_radians();
            let k = 4.0 / 3.0 * libm::tan((a1 - a0) / 4.0);
            let (x0, y0) = (c.0 + r * libm::sin(a0), c.1 - r * libm::cos(a0));
            let (x1, y1) = (c.0 + r * libm::sin(a1), c.1 - r * libm::cos(a1));
            let (t0x, t0y) = (r * libm::cos(a0), r * libm::sin(a0));
            let (t1x, t1y) = (r * libm::cos(a1), r * libm::sin(a1));
            self.cubic_to([
                x0 + k * t0x,
                y0 + k * t0y,
                x1 - k * t1x,
                y1 - k * t1y,
                x1,
                y1,
            ]);
        }
    }

    /// A whole circle as a closed subpath.
    pub fn circle(mut self, cx: f64, cy: f64, r: f64) -> Shape {
        self.move_polar((cx, cy), r, 0.0);
        self.arc((cx, cy), r, 0.0, 360.0);
        self.close();
        self
    }

    /// The ring between two radii (fill with even-odd).
    pub fn annulus(cx: f64, cy: f64, inner: f64, outer: f64) -> Shape {
        Shape::new().circle(cx, cy, outer).circle(cx, cy, inner)
    }

    /// The annular sector from `start` to `end` degrees.
    pub fn wedge(cx: f64, cy: f64, inner: f64, outer: f64, start: f64, end: f64) -> Shape {
        let c = (cx, cy);
        let mut s = Shape::new();
        s.move_polar(c, outer, start);
        s.arc(c, outer, start, end);
        s.line_polar(c, inner, end);
        s.arc(c, inner, end, start);
        s.close();
        s
    }

    /// A rectangle with corners rounded by `radius`.
    pub fn rounded(r: &Rect, radius: f64) -> Shape {
        let radius = radius.min(r.width / 2.0).min(r.height / 2.0).max(0.0);
        Shape::rounded_top(r, radius, radius)
    }

    /// A rectangle with the top corners rounded by `top` and the bottom ones
    /// by `bottom`.
    pub fn rounded_top(r: &Rect, top: f64, bottom: f64) -> Shape {
        let (x0, y0, x1, y1) = (r.x, r.y, r.x + r.width, r.y + r.height);
        let mut s = Shape::new();
        s.move_to(x0, y0 + top);
        s.corner((x0, y0 + top), (x0, y0), (x0 + top, y0));
        s.line_to(x1 - top, y0);
        s.corner((x1 - top, y0), (x1, y0), (x1, y0 + top));
        s.line_to(x1, y1 - bottom);
        s.corner((x1, y1 - bottom), (x1, y1), (x1 - bottom, y1));
        s.line_to(x0 + bottom, y1);
        s.corner((x0 + bottom, y1), (x0, y1), (x0, y1 - bottom));
        s.close();
        s
    }

    /// A quarter-circle corner from `a` to `b` around the corner point.
    fn corner(&mut self, a: (f64, f64), corner: (f64, f64), b: (f64, f64)) {
        const K: f64 = 0.552_284_75;
        self.cubic_to([
            a.0 + (corner.0 - a.0) * K,
            a.1 + (corner.1 - a.1) * K,
            b.0 + (corner.0 - b.0) * K,
            b.1 + (corner.1 - b.1) * K,
            b.0,
            b.1,
        ]);
    }
}
