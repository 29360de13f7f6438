//! Rounded boxes drawn by their exact coverage, as the rings are
//! (`annulus`): a card, its header, a ring's label and a swatch are boxes
//! whose corners are quarter circles, so each sub-row of a pixel row meets
//! the box in one run (its fill) or two (its stroke, either side of the
//! inside) whose ends follow from the corner radii — no path to trace and
//! no stroke to outline. Cards are the most numerous shapes of the picture.

use super::canvas::Band;

use super::annulus::{Ink, SUB_ROWS, SubRow, fill_rows, sub_row_y};
use crate::theme::Rgb;

/// A box in canvas pixels: its edges and the radii of its top and bottom
/// corners.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct RoundedBox {
    /// Left edge.
    pub x0: f64,
    /// Top edge.
    pub y0: f64,
    /// Right edge.
    pub x1: f64,
    /// Bottom edge.
    pub y1: f64,
    /// Radius of the two top corners.
    pub top: f64,
    /// Radius of the two bottom corners.
    pub bottom: f64,
}

impl RoundedBox {
    /// True when the box is one the exact fill draws as its path would be
    /// drawn: finite, in order, and corners that fit (each at most half the
    /// width, the two of a side at most the height, give or take the
    /// rounding of coordinates through `f32`).
    pub(super) fn is_regular(&self) -> bool {
        const SLACK: f64 = 1e-3;
        let all = [self.x0, self.y0, self.x1, self.y1, self.top, self.bottom];
        let (w, h) = (self.x1 - self.x0, self.y1 - self.y0);
        all.iter().all(|v| v.is_finite())
            && w > 0.0
            && h > 0.0
            && self.top >= 0.0
            && self.bottom >= 0.0
            && self.top.max(self.bottom) <= w / 2.0 + SLACK
            && self.top + self.bottom <= h + SLACK
    }

    /// The box grown by `d` on every side (shrunk for a negative `d`), its
    /// corners following: the radii grow with it and shrink to sharp
    /// corners — the outline of a stroke with round joins.
    fn grown(&self, d: f64) -> RoundedBox {
        RoundedBox {
            x0: self.x0 - d,
            y0: self.y0 - d,
            x1: self.x1 + d,
            y1: self.y1 + d,
            top: (self.top + d).max(0.0),
            bottom: (self.bottom + d).max(0.0),
        }
    }

    /// Where the horizontal line at `y` crosses the box, left to right.
    fn run(&self, y: f64) -> Option<(f64, f64)> {
        if !(y > self.y0 && y < self.y1) {
            return None;
        }
        let corner = |r: f64, d: f64| r - (r * r - d * d).max(0.0).sqrt();
        let mut inset: f64 = 0.0;
        if y < self.y0 + self.top {
            inset = corner(self.top, self.y0 + self.top - y);
        }
        if y > self.y1 - self.bottom {
            inset = inset.max(corner(self.bottom, y - (self.y1 - self.bottom)));
        }
        let (a, b) = (self.x0 + inset, self.x1 - inset);
        (a < b).then_some((a, b))
    }
}

/// Fills `shape` with `colour`, blended over what is there.
pub(super) fn fill_box(band: &mut Band<'_>, shape: &RoundedBox, colour: Rgb) {
    if !shape.is_regular() {
        return;
    }
    fill_rows(band, (shape.y0, shape.y1), &Ink::new(colour, 255), |y| {
        let mut subs = [SubRow::default(); SUB_ROWS];
        for (i, sub) in subs.iter_mut().enumerate() {
            if let Some((a, b)) = shape.run(sub_row_y(y, i)) {
                sub.push(a, b);
            }
        }
        subs
    });
}

/// Strokes the outline of `shape` with a line `width` pixels wide in
/// `colour` (round joins, as every stroke of the picture): the area
/// between the box grown by half the width and the box shrunk by it.
pub(super) fn stroke_box(band: &mut Band<'_>, shape: &RoundedBox, width: f64, colour: Rgb) {
    if !(shape.is_regular() && width.is_finite() && width > 0.0) {
        return;
    }
    let half = width / 2.0;
    let outer = shape.grown(half);
    let inner = shape.grown(-half);
    // A line as wide as the box leaves no inside.
    let hollow = inner.x1 > inner.x0 && inner.y1 > inner.y0;
    fill_rows(band, (outer.y0, outer.y1), &Ink::new(colour, 255), |y| {
        let mut subs = [SubRow::default(); SUB_ROWS];
        for (i, sub) in subs.iter_mut().enumerate() {
            let sy = sub_row_y(y, i);
            let Some((a, b)) = outer.run(sy) else {
                continue;
            };
            match inner.run(sy).filter(|_| hollow) {
                Some((c, d)) => {
                    sub.push(a, c);
                    sub.push(d, b);
                }
                None => sub.push(a, b),
            }
        }
        subs
    });
}

#[cfg(test)]
mod tests {
    use super::super::paint::path_of;
    use super::super::testing::{difference, ink};
    use super::*;
    use crate::walk::Shape;
    use resvg::tiny_skia::{self as sk, Pixmap};

    fn tiny_skia(shape: &RoundedBox, stroke: Option<f64>, size: u32) -> Pixmap {
        let rect = cirkel_layout::Rect {
            x: shape.x0,
            y: shape.y0,
            width: shape.x1 - shape.x0,
            height: shape.y1 - shape.y0,
        };
        let path = path_of(&Shape::rounded_top(&rect, shape.top, shape.bottom)).unwrap();
        let mut p = Pixmap::new(size, size).unwrap();
        p.fill(sk::Color::WHITE);
        let mut paint = sk::Paint::default();
        paint.set_color_rgba8(0, 0, 0, 255);
        paint.anti_alias = true;
        let ts = sk::Transform::identity();
        match stroke {
            None => p.fill_path(&path, &paint, sk::FillRule::Winding, ts, None),
            Some(w) => {
                let pen = sk::Stroke {
                    width: w as f32,
                    line_join: sk::LineJoin::Round,
                    ..sk::Stroke::default()
                };
                p.stroke_path(&path, &paint, &pen, ts, None);
            }
        }
        p
    }

    fn ours(shape: &RoundedBox, stroke: Option<f64>, size: u32) -> Pixmap {
        let mut p = Pixmap::new(size, size).unwrap();
        p.fill(sk::Color::WHITE);
        match stroke {
            None => fill_box(&mut Band::whole(p.as_mut()), shape, Rgb(0, 0, 0)),
            Some(w) => stroke_box(&mut Band::whole(p.as_mut()), shape, w, Rgb(0, 0, 0)),
        }
        p
    }

    /// Each box filled and stroked by us and by tiny-skia's path filler
    /// and stroker: the same ink to within half a percent (the exact area
    /// for a fill), and pixel by pixel within the edge rounding of
    /// supersampling.
    #[test]
    fn boxes_cover_their_area_and_agree_with_tiny_skia() {
        let boxes = [
            (14.3, 12.6, 180.2, 90.9, 10.0, 10.0),
            (20.0, 20.0, 60.0, 34.0, 7.0, 7.0),
            (15.5, 40.25, 180.0, 70.0, 10.0, 0.0),
            (30.0, 30.0, 150.0, 150.0, 0.0, 0.0),
            (40.1, 60.7, 80.9, 160.2, 20.4, 20.4),
        ];
        for (x0, y0, x1, y1, top, bottom) in boxes {
            let shape = RoundedBox {
                x0,
                y0,
                x1,
                y1,
                top,
                bottom,
            };
            assert!(shape.is_regular(), "{shape:?}");
            let area = |b: &RoundedBox| {
                let cut = 2.0 * (1.0 - std::f64::consts::PI / 4.0);
                (b.x1 - b.x0) * (b.y1 - b.y0) - cut * (b.top * b.top + b.bottom * b.bottom)
            };
            for stroke in [None, Some(1.5), Some(2.0), Some(3.0), Some(24.0)] {
                let exact = match stroke {
                    None => area(&shape),
                    Some(w) => {
                        let inner = shape.grown(-w / 2.0);
                        let hole = if inner.x1 > inner.x0 && inner.y1 > inner.y0 {
                            area(&inner)
                        } else {
                            0.0
                        };
                        area(&shape.grown(w / 2.0)) - hole
                    }
                };
                let (a, b) = (ours(&shape, stroke, 200), tiny_skia(&shape, stroke, 200));
                let (ia, ib) = (ink(&a), ink(&b));
                // Within half a percent of the exact area (or a pixel's
                // worth of edge rounding on a small box); tiny-skia's thin
                // strokes come out a little heavy (up to 1 % here).
                assert!(
                    (ia - exact).abs() < (5e-3 * exact).max(1.5)
                        && (ia - ib).abs() < (1.5e-2 * ib).max(3.0),
                    "{shape:?} {stroke:?}: {ia} px² for {exact}, tiny-skia {ib}"
                );
                let (worst, mean) = difference(&a, &b);
                assert!(
                    worst <= 96 && mean < 0.5,
                    "{shape:?} {stroke:?}: worst {worst}, mean {mean}"
                );
            }
        }
    }

    #[test]
    fn irregular_boxes_are_left_to_the_path_filler() {
        let good = RoundedBox {
            x0: 0.0,
            y0: 0.0,
            x1: 20.0,
            y1: 10.0,
            top: 5.0,
            bottom: 5.0,
        };
        assert!(good.is_regular());
        for bad in [
            RoundedBox { top: 6.0, ..good },
            RoundedBox { x1: -1.0, ..good },
            RoundedBox {
                y1: f64::NAN,
                ..good
            },
            RoundedBox {
                bottom: -1.0,
                ..good
            },
            RoundedBox {
                x0: f64::NEG_INFINITY,
                ..good
            },
        ] {
            assert!(!bad.is_regular(), "{bad:?}");
            let mut p = Pixmap::new(30, 30).unwrap();
            p.fill(sk::Color::WHITE);
            fill_box(&mut Band::whole(p.as_mut()), &bad, Rgb(0, 0, 0));
            stroke_box(&mut Band::whole(p.as_mut()), &bad, 2.0, Rgb(0, 0, 0));
            assert!(p.data().iter().all(|v| *v == 255), "{bad:?} drew");
        }
        // Off the canvas: nothing drawn, nothing out of bounds.
        let mut p = Pixmap::new(30, 30).unwrap();
        p.fill(sk::Color::WHITE);
        let far = RoundedBox {
            x0: -500.0,
            x1: -100.0,
            ..good
        };
        fill_box(&mut Band::whole(p.as_mut()), &far, Rgb(0, 0, 0));
        let below = RoundedBox {
            y0: 40.0,
            y1: 60.0,
            ..good
        };
        stroke_box(&mut Band::whole(p.as_mut()), &below, 4.0, Rgb(0, 0, 0));
        assert!(p.data().iter().all(|v| *v == 255));
    }
}
