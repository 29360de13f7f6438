//! PNG output: the layout painted straight onto a tiny-skia canvas
//! (`paint`; the SVG painter stays the reference, and `raster` renders any
//! SVG through resvg with the bundled fonts only), and an encoder chosen
//! for flat-colour diagrams (`encode`).

mod annulus;
mod boxes;
mod canvas;
mod deflate;
mod encode;
mod error;
mod glyphs;
mod indexed;
mod paint;
mod raster;
mod settings;
mod stripes;
#[cfg(test)]
mod testing;

pub use encode::{A3_COLUMN_CM, A4_COLUMN_CM, PngEffort, PngOptions, Resolution, encode_png};
pub use error::{MAX_PNG_PIXELS, MAX_PNG_SIDE, PngError};
pub use raster::{layout_to_png, svg_to_png, svg_to_png_with, usvg_options};
