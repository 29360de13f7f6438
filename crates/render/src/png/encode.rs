//! PNG encoding, chosen for this kind of picture.
//!
//! A cirkel is flat colour: a white page, tinted sectors, white cards, a few
//! domain and route colours, and anti-aliased edges and text between them.
//! A 1600 px diagram holds 1,500–2,000 distinct colours, most of them edge
//! pixels that each occur a handful of times. So:
//!
//! - **Indexed colour.** When the picture has at most 256 colours it is
//!   stored exactly. Otherwise the 256 most frequent colours form the palette
//!   and every other colour (an edge pixel) takes the nearest of them. One
//!   byte per pixel instead of four makes the file about 2.5× smaller than
//!   RGBA at the same deflate effort; side by side at 100 % the difference is
//!   not visible (the flat colours, which carry the meaning, are exact).
//! - **Deflate effort** ([`PngEffort`]): by default zlib level 2 on
//!   unfiltered indices, which makes the example school's PNG about as
//!   small as Graphviz's PNG of the same school (176 vs 178 KiB, at
//!   1600 px where ours holds 2.4 times the pixels) in about 5 ms of
//!   compression. Level 4 is 4 % smaller for 60 % more time, level 6 9 %
//!   for three times the time. `Fast` (fdeflate on "Up"-filtered rows,
//!   which is what fdeflate is built for) takes 2 ms for about 300 KiB,
//!   for bulk work where size does not matter; `Smallest` (level 9,
//!   160 KiB) is `--optimize`. Row filters do not pay on indexed flat
//!   colour with zlib: the repeats are already exact. (Measured on the
//!   example's indices, one run, medians of five.)
//! - **Streaming**: the indices are made row by row and go straight into
//!   the compressor (`super::indexed`).
//! - **pHYs** when a DPI is given, so word processors place the picture at
//!   its intended size.
//!
//! A picture that is not fully opaque (never drawn by cirkel, which paints a
//! background) is stored as RGBA.

use resvg::tiny_skia::Pixmap;

use super::error::PngError;
pub use super::settings::PngEffort;
use super::settings::metres;

/// The resolution a PNG carries (its pHYs chunk), which tells word
/// processors how large to place it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Resolution {
    /// The picture is this many centimetres wide: the resolution follows
    /// from its width in pixels. Default: 17 cm, the text column of an A4
    /// page (21 cm less 2 cm margins).
    WidthCm(f64),
    /// This many dots per inch (10 to 2400).
    Dpi(f64),
    /// No pHYs chunk.
    Unspecified,
}

/// Width of the text column of an A4 page, in cm.
pub const A4_COLUMN_CM: f64 = 17.0;
/// Width of the text column of an A3 page, in cm.
pub const A3_COLUMN_CM: f64 = 25.7;

impl Default for Resolution {
    fn default() -> Resolution {
        Resolution::WidthCm(A4_COLUMN_CM)
    }
}

impl Resolution {
    /// Dots per inch for a picture `width` px wide; `None` for no pHYs.
    pub fn dpi(self, width: u32) -> Option<f64> {
        let dpi = match self {
            Resolution::WidthCm(cm) => f64::from(width) / (cm / 2.54),
            Resolution::Dpi(d) => d,
            Resolution::Unspecified => return None,
        };
        (dpi.is_finite() && dpi > 0.0).then_some(dpi)
    }
}

/// How to encode a PNG.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PngOptions {
    /// Time against size. Default: balanced.
    pub effort: PngEffort,
    /// The resolution written to the pHYs chunk. Default: the picture is
    /// 17 cm wide.
    pub resolution: Resolution,
    /// Fill the canvas with this colour before drawing. With an SVG written
    /// without its background rectangle (`SvgOptions::background` false)
    /// this gives the same pixels, and saves rasterising the largest shape.
    pub background: Option<crate::Rgb>,
}

/// Encodes the pixmap as PNG.
pub fn encode_png(pixmap: &Pixmap, options: &PngOptions) -> Result<Vec<u8>, PngError> {
    let size = (pixmap.width(), pixmap.height());
    encode_pixels(size, &[pixmap.data()], options)
}

/// Encodes a picture of `width` × `height` premultiplied RGBA pixels, given
/// as runs of whole rows top to bottom (a canvas painted in bands), as PNG.
pub(super) fn encode_pixels(
    size: (u32, u32),
    rows: &[&[u8]],
    options: &PngOptions,
) -> Result<Vec<u8>, PngError> {
    let palette = super::indexed::Palette::of(rows, size.0 as usize);
    encode_with(size, rows, palette, options)
}

/// [`encode_pixels`] with the picture's palette known (`None`: the picture
/// has none, and is written as RGBA).
pub(super) fn encode_with(
    (width, height): (u32, u32),
    rows: &[&[u8]],
    palette: Option<super::indexed::Palette>,
    options: &PngOptions,
) -> Result<Vec<u8>, PngError> {
    let dpi = options.resolution.dpi(width);
    if let Some(palette) = palette {
        return Ok(super::indexed::write(
            (width, height),
            &palette,
            options.effort,
            dpi,
        )?);
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_depth(png::BitDepth::Eight);
        if let Some(dpi) = dpi {
            let per_metre = metres(dpi);
            encoder.set_pixel_dims(Some(png::PixelDimensions {
                xppu: per_metre,
                yppu: per_metre,
                unit: png::Unit::Meter,
            }));
        }
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_compression(match options.effort {
            PngEffort::Fast => png::Compression::Fast,
            PngEffort::Balanced => png::Compression::Balanced,
            PngEffort::Smallest => png::Compression::High,
        });
        let mut straight = Vec::with_capacity(rows.iter().map(|r| r.len()).sum());
        for p in rows.iter().flat_map(|r| r.chunks_exact(4)) {
            let c = resvg::tiny_skia::PremultipliedColorU8::from_rgba(p[0], p[1], p[2], p[3])
                .map(|c| c.demultiply())
                .map_or([0, 0, 0, 0], |c| [c.red(), c.green(), c.blue(), c.alpha()]);
            straight.extend_from_slice(&c);
        }
        let mut writer = encoder.write_header()?;
        writer.write_image_data(&straight)?;
        writer.finish()?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8]) -> (png::OutputInfo, Vec<u8>, Option<png::PixelDimensions>) {
        let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().unwrap();
        let dims = reader.info().pixel_dims;
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        (info, buf, dims)
    }

    #[test]
    fn few_colours_are_stored_exactly_as_a_palette() {
        let mut pixmap = Pixmap::new(40, 10).unwrap();
        pixmap.fill(resvg::tiny_skia::Color::from_rgba8(10, 200, 30, 255));
        for x in 0..20 {
            pixmap.pixels_mut()[x] =
                resvg::tiny_skia::PremultipliedColorU8::from_rgba(1, 2, 3, 255).unwrap();
        }
        let bytes = encode_png(&pixmap, &PngOptions::default()).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(&bytes[..]));
        let reader = decoder.read_info().unwrap();
        assert_eq!(reader.info().color_type, png::ColorType::Indexed);
        let palette = reader.info().palette.as_ref().unwrap().to_vec();
        assert_eq!(palette, vec![10, 200, 30, 1, 2, 3]);
    }

    #[test]
    fn dpi_is_written_to_phys() {
        let mut pixmap = Pixmap::new(4, 4).unwrap();
        pixmap.fill(resvg::tiny_skia::Color::WHITE);
        let bytes = encode_png(
            &pixmap,
            &PngOptions {
                resolution: Resolution::Dpi(300.0),
                ..PngOptions::default()
            },
        )
        .unwrap();
        let (_, _, dims) = decode(&bytes);
        let dims = dims.unwrap();
        assert_eq!(dims.xppu, 11_811);
        assert_eq!(dims.unit, png::Unit::Meter);
        // By default the picture is 17 cm wide.
        let bytes = encode_png(&pixmap, &PngOptions::default()).unwrap();
        let (_, _, dims) = decode(&bytes);
        assert_eq!(dims.unwrap().xppu, (4.0 / 0.17_f64).round() as u32);
    }

    #[test]
    fn many_colours_map_to_the_nearest_frequent_one() {
        // 300 distinct greys: the 256 most frequent stay exact.
        let mut pixmap = Pixmap::new(300, 2).unwrap();
        for (i, p) in pixmap.pixels_mut().iter_mut().enumerate() {
            let v = (i % 300) as u8 / 2 + if i < 300 { 0 } else { 1 };
            *p = resvg::tiny_skia::PremultipliedColorU8::from_rgba(v, v, v, 255).unwrap();
        }
        let bytes = encode_png(&pixmap, &PngOptions::default()).unwrap();
        let (info, buf, _) = decode(&bytes);
        assert_eq!(info.color_type, png::ColorType::Rgb);
        let original = pixmap.data();
        for (i, px) in buf.chunks_exact(3).enumerate() {
            let o = original[i * 4];
            assert!(px[0].abs_diff(o) <= 1, "pixel {i}: {} vs {o}", px[0]);
        }
    }
}
