//! Paper sizes: a picture for print is as wide as the page's text column.

use crate::png::{A3_COLUMN_CM, A4_COLUMN_CM};

/// A paper size: the picture as wide as the page's text column, at 300 dpi.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    /// A4: a 17 cm text column (2008 px at 300 dpi).
    A4,
    /// A3: a 25.7 cm text column (3035 px at 300 dpi).
    A3,
}

/// Print resolution for a paper size.
pub const PRINT_DPI: f64 = 300.0;

impl Paper {
    /// The width of the page's text column, in cm.
    pub fn column_cm(self) -> f64 {
        match self {
            Paper::A4 => A4_COLUMN_CM,
            Paper::A3 => A3_COLUMN_CM,
        }
    }

    /// The text column's width in px at [`PRINT_DPI`].
    pub fn width_px(self) -> u32 {
        (self.column_cm() / 2.54 * PRINT_DPI).round() as u32
    }
}
