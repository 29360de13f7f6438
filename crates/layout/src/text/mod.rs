//! Text with the bundled font: shaping and measuring ([`shape`]), wrapping
//! into lines ([`wrap`]) and setting lines into blocks (`block`).
//!
//! Widths come from shaping with harfrust, the same shaper (and version) that
//! usvg uses to draw the PNG, so a line that fits here fits in the picture.

mod block;
mod compounds;
mod shape;
mod wrap;

pub(crate) use block::{Flow, LegendFlow, Piece, text_block};
pub use shape::{
    Glyph, ShapedRun, font_covers, measure, missing_characters, missing_in_line, shape,
};
pub use wrap::{HyphenLang, wrap};

/// The bundled regular font (Noto Sans, SIL Open Font License; see `assets/fonts`).
pub static FONT_REGULAR: &[u8] = include_bytes!("../../../../assets/fonts/NotoSans-Regular.ttf");
/// The bundled bold font.
pub static FONT_BOLD: &[u8] = include_bytes!("../../../../assets/fonts/NotoSans-Bold.ttf");
/// The family name of the bundled fonts, as written in the SVG.
pub const FONT_FAMILY: &str = "Noto Sans";

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Weight {
    /// Regular (400).
    Normal,
    /// Bold (700).
    Bold,
}

/// A way to set text: weight and size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// Regular or bold.
    pub weight: Weight,
    /// Font size in px.
    pub size: f64,
}

impl Style {
    /// Regular weight at `size` px.
    pub const fn regular(size: f64) -> Style {
        Style {
            weight: Weight::Normal,
            size,
        }
    }

    /// Bold at `size` px.
    pub const fn bold(size: f64) -> Style {
        Style {
            weight: Weight::Bold,
            size,
        }
    }

    /// Width of `text` in this style.
    pub fn width(&self, text: &str) -> f64 {
        measure(text, self.weight, self.size)
    }
}

/// The bundled font file of `weight` (for painters that embed or outline it).
pub fn font_data(weight: Weight) -> &'static [u8] {
    match weight {
        Weight::Normal => FONT_REGULAR,
        Weight::Bold => FONT_BOLD,
    }
}

/// Vertical metrics of the bundled font (Noto Sans), as fractions of the size.
pub const ASCENT: f64 = 1.069;
/// See [`ASCENT`].
pub const DESCENT: f64 = 0.293;
