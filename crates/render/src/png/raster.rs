//! SVG → PNG through usvg, resvg and tiny-skia, with the bundled fonts only.
//!
//! Hardening (see docs/SAFETY.md): the font database holds only the fonts
//! compiled into the binary, never system fonts; the image resolver refuses
//! every external file, so an `href` can never read from disk; the output
//! size is checked before any pixel buffer is allocated.

use std::sync::{Arc, OnceLock};

use cirkel_layout::{FONT_BOLD, FONT_FAMILY, FONT_REGULAR};
use resvg::{tiny_skia, usvg};

use super::encode::{PngOptions, encode_png};
use super::error::{MAX_PNG_PIXELS, MAX_PNG_SIDE, PngError};

fn fontdb() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(FONT_REGULAR.to_vec());
        db.load_font_data(FONT_BOLD.to_vec());
        db.set_sans_serif_family(FONT_FAMILY);
        db.set_serif_family(FONT_FAMILY);
        db.set_monospace_family(FONT_FAMILY);
        db.set_cursive_family(FONT_FAMILY);
        db.set_fantasy_family(FONT_FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// usvg options with the bundled fonts and no file access.
pub fn usvg_options() -> usvg::Options<'static> {
    usvg::Options {
        font_family: FONT_FAMILY.to_string(),
        fontdb: fontdb(),
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: usvg::ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(|_, _| None),
        },
        resources_dir: None,
        ..usvg::Options::default()
    }
}

/// Renders SVG text to PNG bytes, `width` px wide (the height follows),
/// encoded with the default [`PngOptions`].
pub fn svg_to_png(svg: &str, width: u32) -> Result<Vec<u8>, PngError> {
    svg_to_png_with(svg, width, &PngOptions::default())
}

/// Renders SVG text to PNG bytes, `width` px wide, encoded as `options` say.
pub fn svg_to_png_with(svg: &str, width: u32, options: &PngOptions) -> Result<Vec<u8>, PngError> {
    let tree = usvg::Tree::from_str(svg, &usvg_options())?;
    let size = tree.size();
    let scale = f64::from(width) / f64::from(size.width());
    let height = (f64::from(size.height()) * scale).round();
    let (w, h) = (
        u64::from(width),
        if height.is_finite() && height > 0.0 {
            height as u64
        } else {
            0
        },
    );
    if w == 0
        || h == 0
        || w > u64::from(MAX_PNG_SIDE)
        || h > u64::from(MAX_PNG_SIDE)
        || w * h > MAX_PNG_PIXELS
    {
        return Err(PngError::Size {
            width: w,
            height: h,
        });
    }
    let mut pixmap = tiny_skia::Pixmap::new(w as u32, h as u32).ok_or(PngError::Size {
        width: w,
        height: h,
    })?;
    if let Some(bg) = options.background {
        pixmap.fill(tiny_skia::Color::from_rgba8(bg.0, bg.1, bg.2, 255));
    }
    let transform = tiny_skia::Transform::from_scale(scale as f32, scale as f32);
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    encode_png(&pixmap, options)
}

/// Draws a layout as PNG, `width` px wide (the height follows), painted
/// straight from the layout (`super::paint`: the same pixels as resvg on
/// the SVG within a small tolerance, which a test holds), encoded as
/// `options` say.
pub fn layout_to_png(
    layout: &cirkel_layout::Layout,
    theme: &crate::Theme,
    svg: &crate::SvgOptions,
    width: u32,
    options: &PngOptions,
) -> Result<Vec<u8>, PngError> {
    let (w, h, scale) = super::paint::canvas_size(layout, width);
    let (w64, h64) = (u64::from(w), u64::from(h));
    if w == 0 || h == 0 || w > MAX_PNG_SIDE || h > MAX_PNG_SIDE || w64 * h64 > MAX_PNG_PIXELS {
        return Err(PngError::Size {
            width: w64,
            height: h64,
        });
    }
    let too_large = || PngError::Size {
        width: w64,
        height: h64,
    };
    let mut painted = super::paint::paint_layout(
        layout,
        theme,
        svg.highlight.as_deref(),
        &svg.photos,
        (w, h, scale),
    )
    .ok_or_else(too_large)?;
    let palette = painted.palette();
    let (size, rows) = painted.rows().ok_or_else(too_large)?;
    super::encode::encode_with(size, &rows, palette, options)
}
