//! The limits of a PNG and why one could not be made.

/// Largest width or height of a PNG, in px.
pub const MAX_PNG_SIDE: u32 = 8192;
/// Largest number of pixels in a PNG (64 megapixels: 256 MiB of RGBA).
pub const MAX_PNG_PIXELS: u64 = 64 * 1024 * 1024;

impl PngError {
    /// Why no PNG was made, as a message of the catalogue.
    pub fn message(&self) -> cirkel_core::Message {
        use cirkel_core::msg;
        match self {
            PngError::Size { width, height } => msg!(
                "png.size",
                width = width,
                height = height,
                max = MAX_PNG_SIDE
            ),
            PngError::Svg(e) => msg!("png.svg", reason = e),
            PngError::Encode(e) => msg!("png.encode", reason = e),
        }
    }
}

/// Why a PNG could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PngError {
    /// The requested size is zero or too large.
    #[error(
        "a PNG of {width} × {height} px is outside the limits (1 to {MAX_PNG_SIDE} px a side, at most 64 megapixels)"
    )]
    Size {
        /// Requested width.
        width: u64,
        /// Requested height.
        height: u64,
    },
    /// usvg refused the SVG (a bug: we wrote it).
    #[error("the SVG could not be read: {0}")]
    Svg(#[from] resvg::usvg::Error),
    /// PNG encoding failed.
    #[error("the PNG could not be encoded: {0}")]
    Encode(#[from] png::EncodingError),
}
