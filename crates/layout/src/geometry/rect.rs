//! Axis-aligned rectangles: cards, boxes, label pills.

use serde::{Deserialize, Serialize};

use super::{max, round2};

/// An axis-aligned rectangle (top-left corner and size).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

impl Rect {
    /// A rectangle from its centre and size.
    pub fn centred(cx: f64, cy: f64, width: f64, height: f64) -> Rect {
        Rect {
            x: cx - width / 2.0,
            y: cy - height / 2.0,
            width,
            height,
        }
    }

    /// Right edge.
    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    /// True when the two rectangles, each grown by `gap / 2`, overlap.
    pub fn overlaps(&self, other: &Rect, gap: f64) -> bool {
        self.x < other.right() + gap
            && other.x < self.right() + gap
            && self.y < other.bottom() + gap
            && other.y < self.bottom() + gap
    }

    /// True when `inner` lies inside this rectangle (with a tolerance of 0.05 px).
    pub fn contains(&self, inner: &Rect) -> bool {
        const EPS: f64 = 0.05;
        inner.x >= self.x - EPS
            && inner.y >= self.y - EPS
            && inner.right() <= self.right() + EPS
            && inner.bottom() <= self.bottom() + EPS
    }

    /// Distance from a point to the rectangle (0 inside).
    pub fn distance_to(&self, px: f64, py: f64) -> f64 {
        let dx = max(max(self.x - px, 0.0), px - self.right());
        let dy = max(max(self.y - py, 0.0), py - self.bottom());
        crate::geometry::hypot(dx, dy)
    }

    /// The four corners: top-left, top-right, bottom-left, bottom-right.
    pub fn corners(&self) -> [(f64, f64); 4] {
        [
            (self.x, self.y),
            (self.right(), self.y),
            (self.x, self.bottom()),
            (self.right(), self.bottom()),
        ]
    }

    /// Distance between two rectangles (0 when they touch or overlap).
    pub fn distance_to_rect(&self, other: &Rect) -> f64 {
        let dx = max(max(other.x - self.right(), self.x - other.right()), 0.0);
        let dy = max(max(other.y - self.bottom(), self.y - other.bottom()), 0.0);
        crate::geometry::hypot(dx, dy)
    }

    /// The same rectangle moved by (dx, dy).
    pub fn translate(&self, dx: f64, dy: f64) -> Rect {
        Rect {
            x: self.x + dx,
            y: self.y + dy,
            ..*self
        }
    }

    /// The rectangle with every number rounded to 1/100 px.
    pub fn rounded(self) -> Rect {
        Rect {
            x: round2(self.x),
            y: round2(self.y),
            width: round2(self.width),
            height: round2(self.height),
        }
    }
}
