//! Curves as data: route legs, tie lines and legend samples are a list of
//! segments in the layout value, and become SVG path data (`M`, `L`, `Q`,
//! `C`, absolute) only where they are written: in the layout's JSON and in
//! the SVG. Painters that do not speak SVG (PNG, PDF) walk the segments.
//!
//! Every coordinate is rounded to 1/100 px when it is added, so the value
//! holds exactly the numbers its JSON shows and the round trip is exact.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::round2;

/// A point in layout px.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    /// x, to the right.
    pub x: f64,
    /// y, downwards.
    pub y: f64,
}

impl Point {
    /// A point, rounded to 1/100 px.
    pub fn new(x: f64, y: f64) -> Point {
        Point {
            x: round2(clamp(x)),
            y: round2(clamp(y)),
        }
    }
}

/// Coordinates stay far inside what rasterisers handle safely (tiny-skia
/// panics near ±1e9); no layout comes close to this.
pub const MAX_COORDINATE: f64 = 1e6;

fn clamp(v: f64) -> f64 {
    if v.is_finite() {
        v.clamp(-MAX_COORDINATE, MAX_COORDINATE)
    } else {
        0.0
    }
}

/// One piece of a path.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Segment {
    /// Start a new subpath at the point (`M`).
    Move(Point),
    /// A straight line to the point (`L`).
    Line(Point),
    /// A quadratic Bézier: control point, end (`Q`).
    Quad(Point, Point),
    /// A cubic Bézier: two control points, end (`C`).
    Cubic(Point, Point, Point),
}

/// A path: subpaths of lines and Bézier curves, in canvas coordinates.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Path {
    /// The segments, in drawing order; a path that does not start with a
    /// `Move` starts at (0, 0).
    pub segments: Vec<Segment>,
}

impl Path {
    /// An empty path.
    pub fn new() -> Path {
        Path::default()
    }

    /// True when the path has no segments.
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }

    /// Starts a subpath.
    pub fn move_to(&mut self, x: f64, y: f64) {
        self.segments.push(Segment::Move(Point::new(x, y)));
    }

    /// A line to (x, y).
    pub fn line_to(&mut self, x: f64, y: f64) {
        self.segments.push(Segment::Line(Point::new(x, y)));
    }

    /// A quadratic curve.
    pub fn quad_to(&mut self, c: (f64, f64), p: (f64, f64)) {
        self.segments
            .push(Segment::Quad(Point::new(c.0, c.1), Point::new(p.0, p.1)));
    }

    /// A cubic curve.
    pub fn cubic_to(&mut self, c1: (f64, f64), c2: (f64, f64), p: (f64, f64)) {
        self.segments.push(Segment::Cubic(
            Point::new(c1.0, c1.1),
            Point::new(c2.0, c2.1),
            Point::new(p.0, p.1),
        ));
    }

    /// A straight line from `a` to `b` as a path of its own.
    pub fn line(a: (f64, f64), b: (f64, f64)) -> Path {
        let mut p = Path::new();
        p.move_to(a.0, a.1);
        p.line_to(b.0, b.1);
        p
    }

    /// Appends the segments of `other`.
    pub fn extend(&mut self, other: &Path) {
        self.segments.extend_from_slice(&other.segments);
    }

    /// The path translated by (dx, dy).
    pub fn translated(&self, dx: f64, dy: f64) -> Path {
        let t = |p: Point| Point::new(p.x + dx, p.y + dy);
        Path {
            segments: self
                .segments
                .iter()
                .map(|s| match *s {
                    Segment::Move(p) => Segment::Move(t(p)),
                    Segment::Line(p) => Segment::Line(t(p)),
                    Segment::Quad(c, p) => Segment::Quad(t(c), t(p)),
                    Segment::Cubic(c1, c2, p) => Segment::Cubic(t(c1), t(c2), t(p)),
                })
                .collect(),
        }
    }

    /// Points along the path at most `step` px apart (at least 0.5 px),
    /// for checks. The number of points is capped at [`MAX_SAMPLES`]: a
    /// path too long for that is sampled more coarsely, never without end.
    pub fn sample(&self, step: f64) -> Vec<(f64, f64)> {
        let step = if step.is_finite() { step.max(0.5) } else { 0.5 };
        let step = step.max(self.length_bound() / MAX_SAMPLES as f64);
        let mut out = Vec::new();
        let mut current = (0.0, 0.0);
        let dist = |a: (f64, f64), b: (f64, f64)| crate::geometry::hypot(b.0 - a.0, b.1 - a.1);
        let pieces = |len: f64| ((len / step).ceil().max(1.0) as usize).min(MAX_SAMPLES);
        for s in &self.segments {
            match *s {
                Segment::Move(p) => {
                    current = (p.x, p.y);
                    out.push(current);
                }
                Segment::Line(p) => {
                    let p = (p.x, p.y);
                    let n = pieces(dist(current, p));
                    for i in 1..=n {
                        let t = i as f64 / n as f64;
                        out.push(lerp(current, p, t));
                    }
                    current = p;
                }
                Segment::Quad(c, p) => {
                    let (c, p) = ((c.x, c.y), (p.x, p.y));
                    let n = pieces(dist(current, c) + dist(c, p));
                    for i in 1..=n {
                        let t = i as f64 / n as f64;
                        let u = 1.0 - t;
                        out.push((
                            u * u * current.0 + 2.0 * u * t * c.0 + t * t * p.0,
                            u * u * current.1 + 2.0 * u * t * c.1 + t * t * p.1,
                        ));
                    }
                    current = p;
                }
                Segment::Cubic(c1, c2, p) => {
                    let (c1, c2, p) = ((c1.x, c1.y), (c2.x, c2.y), (p.x, p.y));
                    let n = pieces(dist(current, c1) + dist(c1, c2) + dist(c2, p));
                    for i in 1..=n {
                        let t = i as f64 / n as f64;
                        let u = 1.0 - t;
                        let (a, b, c, e) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
                        out.push((
                            a * current.0 + b * c1.0 + c * c2.0 + e * p.0,
                            a * current.1 + b * c1.1 + c * c2.1 + e * p.1,
                        ));
                    }
                    current = p;
                }
            }
        }
        out
    }

    /// An upper bound of the path's length: the control polygon.
    fn length_bound(&self) -> f64 {
        let mut current = Point::default();
        let mut total = 0.0;
        for s in &self.segments {
            let points: &[Point] = match s {
                Segment::Move(p) => {
                    current = *p;
                    &[]
                }
                Segment::Line(p) => std::slice::from_ref(p),
                Segment::Quad(c, p) => &[*c, *p],
                Segment::Cubic(c1, c2, p) => &[*c1, *c2, *p],
            };
            for p in points {
                total += crate::geometry::hypot(p.x - current.x, p.y - current.y);
                current = *p;
            }
        }
        total
    }

    /// Reads SVG path data of the kind the layout writes: absolute `M`,
    /// `L`, `Q` and `C` commands with finite numbers (a command letter may
    /// be repeated implicitly, as SVG allows).
    pub fn parse(d: &str) -> Result<Path, PathError> {
        let mut path = Path::new();
        Path::parse_into(d, &mut path)?;
        Ok(path)
    }

    /// Reads `d` into `path` command by command: on an error, `path` holds
    /// the whole commands before it.
    fn parse_into(d: &str, path: &mut Path) -> Result<(), PathError> {
        let mut tokens = Tokens { rest: d };
        let mut command: Option<char> = None;
        while let Some(t) = tokens.peek()? {
            let c = match t {
                Token::Command(c) => {
                    tokens.next()?;
                    c
                }
                Token::Number(_) => match command {
                    // After `M`, further pairs are lines (SVG's rule).
                    Some('M') => 'L',
                    Some(c) => c,
                    None => return Err(PathError::new("path data must start with a command")),
                },
            };
            let n = |tokens: &mut Tokens| tokens.number();
            let point = |tokens: &mut Tokens| -> Result<(f64, f64), PathError> {
                Ok((n(tokens)?, n(tokens)?))
            };
            match c {
                'M' => {
                    let p = point(&mut tokens)?;
                    path.move_to(p.0, p.1);
                }
                'L' => {
                    let p = point(&mut tokens)?;
                    path.line_to(p.0, p.1);
                }
                'Q' => {
                    let c = point(&mut tokens)?;
                    let p = point(&mut tokens)?;
                    path.quad_to(c, p);
                }
                'C' => {
                    let c1 = point(&mut tokens)?;
                    let c2 = point(&mut tokens)?;
                    let p = point(&mut tokens)?;
                    path.cubic_to(c1, c2, p);
                }
                other => {
                    return Err(PathError::new(format!(
                        "unsupported path command `{other}` (only absolute M, L, Q and C)"
                    )));
                }
            }
            command = Some(c);
        }
        Ok(())
    }
}

/// Most points [`Path::sample`] returns for one path.
pub const MAX_SAMPLES: usize = 200_000;

fn lerp(a: (f64, f64), b: (f64, f64), t: f64) -> (f64, f64) {
    (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t)
}

/// Path data that [`Path::parse`] cannot read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct PathError {
    message: String,
}

impl PathError {
    fn new(message: impl Into<String>) -> PathError {
        PathError {
            message: message.into(),
        }
    }
}

#[derive(Clone, Copy)]
enum Token {
    Command(char),
    Number(f64),
}

struct Tokens<'a> {
    rest: &'a str,
}

impl Tokens<'_> {
    fn skip_separators(&mut self) {
        self.rest = self
            .rest
            .trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ',');
    }

    fn peek(&mut self) -> Result<Option<Token>, PathError> {
        self.skip_separators();
        let Some(c) = self.rest.chars().next() else {
            return Ok(None);
        };
        if c.is_ascii_alphabetic() && c != 'e' && c != 'E' {
            return Ok(Some(Token::Command(c)));
        }
        let end = self.number_end();
        match self.rest[..end].parse::<f64>() {
            Ok(v) if v.is_finite() && end > 0 => Ok(Some(Token::Number(v))),
            _ => Err(PathError::new(format!(
                "not a number in path data: \"{}\"",
                self.rest.chars().take(20).collect::<String>()
            ))),
        }
    }

    fn next(&mut self) -> Result<Option<Token>, PathError> {
        let t = self.peek()?;
        match t {
            Some(Token::Command(c)) => self.rest = &self.rest[c.len_utf8()..],
            Some(Token::Number(_)) => {
                let end = self.number_end();
                self.rest = &self.rest[end..];
            }
            None => {}
        }
        Ok(t)
    }

    fn number(&mut self) -> Result<f64, PathError> {
        match self.next()? {
            Some(Token::Number(v)) => Ok(v),
            _ => Err(PathError::new("a path command is missing numbers")),
        }
    }

    /// The byte length of the number at the start of `rest`.
    fn number_end(&self) -> usize {
        let bytes = self.rest.as_bytes();
        let mut i = 0;
        if matches!(bytes.first(), Some(b'-' | b'+')) {
            i += 1;
        }
        while i < bytes.len() {
            let b = bytes[i];
            let exponent_sign = matches!(b, b'-' | b'+') && matches!(bytes[i - 1], b'e' | b'E');
            if b.is_ascii_digit() || b == b'.' || b == b'e' || b == b'E' || exponent_sign {
                i += 1;
            } else {
                break;
            }
        }
        i
    }
}

/// A coordinate with at most two decimals, no trailing zeros and no `-0`
/// (clamped to [`MAX_COORDINATE`], 0 for what is not a number). Written
/// from the integer number of hundredths: the same text as formatting the
/// rounded `f64` with two decimals, without the float formatter and
/// without allocating (an SVG writes some thousands of these).
pub fn write_coordinate(v: f64, out: &mut impl fmt::Write) -> fmt::Result {
    // |v| <= 1e6, so the hundredths are an exact integer below 2^53.
    let hundredths = (clamp(v) * 100.0).round() as i64;
    let mut digits = [0u8; 24];
    let mut at = digits.len();
    let mut push = |d: u8| {
        at -= 1;
        digits[at] = d;
    };
    let magnitude = hundredths.unsigned_abs();
    let (whole, cents) = (magnitude / 100, magnitude % 100);
    if cents != 0 {
        if cents % 10 != 0 {
            push(b'0' + (cents % 10) as u8);
        }
        push(b'0' + (cents / 10) as u8);
        push(b'.');
    }
    let mut w = whole;
    loop {
        push(b'0' + (w % 10) as u8);
        w /= 10;
        if w == 0 {
            break;
        }
    }
    if hundredths < 0 {
        push(b'-');
    }
    // Only ASCII digits, '.' and '-' were written.
    out.write_str(std::str::from_utf8(&digits[at..]).unwrap_or("0"))
}

/// [`write_coordinate`] into a new string.
pub fn coordinate(v: f64) -> String {
    let mut s = String::with_capacity(12);
    let _ = write_coordinate(v, &mut s);
    s
}

impl fmt::Display for Path {
    /// SVG path data: `M12 34 L56 78 Q… C…`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        let mut points = |f: &mut fmt::Formatter<'_>, letter: char, ps: &[Point]| {
            if !first {
                f.write_str(" ")?;
            }
            first = false;
            write!(f, "{letter}")?;
            for (i, p) in ps.iter().enumerate() {
                if i > 0 {
                    f.write_str(" ")?;
                }
                write_coordinate(p.x, f)?;
                f.write_str(" ")?;
                write_coordinate(p.y, f)?;
            }
            Ok(())
        };
        for s in &self.segments {
            match s {
                Segment::Move(p) => points(f, 'M', &[*p])?,
                Segment::Line(p) => points(f, 'L', &[*p])?,
                Segment::Quad(c, p) => points(f, 'Q', &[*c, *p])?,
                Segment::Cubic(c1, c2, p) => points(f, 'C', &[*c1, *c2, *p])?,
            }
        }
        Ok(())
    }
}

impl Serialize for Path {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Path {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Path, D::Error> {
        let d = String::deserialize(deserializer)?;
        Path::parse(&d).map_err(serde::de::Error::custom)
    }
}

/// Points along SVG path data (absolute `M`, `L`, `Q`, `C`), at most `step`
/// px apart; unreadable data gives the points up to where it stops making
/// sense. For callers holding path strings from the layout's JSON.
pub fn sample_path(d: &str, step: f64) -> Vec<(f64, f64)> {
    // The whole commands before anything unreadable, read once (trying
    // ever shorter prefixes read a long path again for every command).
    let mut path = Path::new();
    let _ = Path::parse_into(d, &mut path);
    path.sample(step)
}

#[cfg(test)]
mod tests {
    /// The old way: format the rounded number with two decimals and trim.
    fn formatted(v: f64) -> String {
        let r = round2(clamp(v));
        let s = format!("{r:.2}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        if s == "-0" { "0".into() } else { s.to_string() }
    }

    /// Unreadable path data gives the points of the whole commands before
    /// it, and a long path spoilt at its end is read once, not once per
    /// command (which was quadratic in the commands).
    #[test]
    fn spoilt_path_data_gives_what_came_before() {
        assert_eq!(
            sample_path("M0 0 L10 0 L20", 100.0),
            sample_path("M0 0 L10 0", 100.0)
        );
        assert_eq!(
            sample_path("M0 0 L10 0 20 0 30", 100.0).last(),
            Some(&(20.0, 0.0))
        );
        assert!(sample_path("nonsense", 1.0).is_empty());
        let long = format!("M0 0{} X", " L1 1".repeat(200_000));
        assert!(!sample_path(&long, 1000.0).is_empty());
    }

    #[test]
    fn coordinates_are_written_as_formatting_would() {
        let mut values = vec![
            0.0,
            -0.0,
            0.004,
            -0.004,
            0.005,
            -0.005,
            0.015,
            1.0,
            -1.0,
            0.1,
            -0.1,
            0.25,
            99.995,
            -99.995,
            1e6,
            -1e6,
            2e6,
            -3e9,
            999_999.994,
            123.4,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            1e-300,
            -1e-300,
        ];
        // A walk over many magnitudes and fractions (a fixed sequence).
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let unit = (x >> 11) as f64 / (1u64 << 53) as f64;
            let scale = [1.0, 10.0, 1000.0, 1e5, 1e6][(x % 5) as usize];
            values.push((unit * 2.0 - 1.0) * scale);
            // Near the halfway points between hundredths.
            values.push(((x % 100_000) as f64 + 0.5) / 100.0);
        }
        for v in values {
            let mut s = String::new();
            write_coordinate(v, &mut s).unwrap();
            assert_eq!(s, formatted(v), "{v:e}");
            assert_eq!(coordinate(v), s);
        }
    }

    use super::*;

    #[test]
    fn writes_and_reads_svg_path_data() {
        let mut p = Path::new();
        p.move_to(1.0, 2.5);
        p.line_to(-0.001, 3.456);
        p.quad_to((1.0, 1.0), (2.0, 2.0));
        p.cubic_to((0.1, 0.2), (0.3, 0.4), (10.0, 20.0));
        let d = p.to_string();
        assert_eq!(d, "M1 2.5 L0 3.46 Q1 1 2 2 C0.1 0.2 0.3 0.4 10 20");
        assert_eq!(Path::parse(&d).unwrap(), p);
        assert_eq!(
            Path::parse("M0,0 10 10 L1e2 -5").unwrap().to_string(),
            "M0 0 L10 10 L100 -5"
        );
    }

    #[test]
    fn refuses_what_it_does_not_write() {
        for bad in [
            "L",
            "M0",
            "A 1 1 0 0 1 2 2",
            "12 13",
            "M NaN 0",
            "M0 0 l1 1",
        ] {
            assert!(Path::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn sampling_is_bounded() {
        let pts = sample_path("M0 0 L1e12 0", 1.0);
        assert!(pts.len() <= MAX_SAMPLES + 1, "{}", pts.len());
        let pts = sample_path("M0 0 L10 0", 1.0);
        assert_eq!(pts.len(), 11);
        assert_eq!(sample_path("M0 0 L10 0 Z", 5.0).len(), 3);
    }

    #[test]
    fn round_trip_through_json_is_exact() {
        let mut p = Path::new();
        p.move_to(123.456_789, -0.0049);
        p.cubic_to((0.015, 1.0 / 3.0), (2.0 / 3.0, 999_999.995), (7.0, 8.0));
        let json = serde_json::to_string(&p).unwrap();
        let back: Path = serde_json::from_str(&json).unwrap();
        assert_eq!(back, p);
    }
}
