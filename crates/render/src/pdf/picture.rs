//! The circle on the page: the shared walk over the `Layout`
//! (`crate::walk`) drawn with krilla. Decoration is marked as artifacts;
//! text and photos belong to the Figure. Here: what only a PDF needs —
//! photos as krilla images, the hatches as patterns.

use std::collections::BTreeMap;

use cirkel_core::{Domain, ImageKind, Photo};
use cirkel_layout::{Path, Rect};
use krilla::geom::{Size, Transform};
use krilla::image::Image;
use krilla::paint::{Fill, FillRule, Pattern};
use krilla::surface::Surface;

use super::canvas::{Canvas, Mark, fill, krilla_path, stroke};
use crate::style::{HATCH_LINE, HATCH_SIZE, hatch_angle};
use crate::theme::Rgb;
use crate::walk::{Shape, f};

/// A decoded photo with its pixel size.
pub(super) type Decoded = (Image, u32, u32);

/// Decodes the photos once, before anything is drawn; one that does not
/// decode (or whose decoder fails) is left out: its card shows the empty
/// circle, as in the SVG.
pub(super) fn decode(photos: &BTreeMap<String, Photo>) -> BTreeMap<String, Decoded> {
    photos
        .iter()
        .filter_map(|(id, p)| {
            let decoded = std::panic::catch_unwind(|| image_of(p)).ok().flatten()?;
            Some((id.clone(), decoded))
        })
        .collect()
}

/// The hatch of a domain (as the SVG painter's pattern): its tint with
/// lines at four angles, a cross-hatch, dots or rings.
pub(super) fn hatch(s: &mut Surface<'_>, d: Domain, back: Rgb, ink: Rgb) -> krilla::paint::Paint {
    const SIZE: f64 = HATCH_SIZE;
    let mut builder = s.stream_builder();
    {
        let mut p = builder.surface();
        let tile = Rect {
            x: 0.0,
            y: 0.0,
            width: SIZE,
            height: SIZE,
        };
        draw_plain(&mut p, &Shape::rounded(&tile, 0.0), Some(fill(back)), None);
        let half = SIZE / 2.0;
        let line = |a: (f64, f64), b: (f64, f64)| Shape::path(&Path::line(a, b));
        let ink_line = Some(stroke(ink, HATCH_LINE, None, false));
        match d {
            Domain::Overig => draw_plain(
                &mut p,
                &Shape::new().circle(half, half, 2.2),
                Some(fill(ink)),
                None,
            ),
            Domain::Ouders => draw_plain(
                &mut p,
                &Shape::new().circle(half, half, 3.5),
                None,
                Some(stroke(ink, 1.5, None, false)),
            ),
            Domain::Veiligheid => {
                draw_plain(
                    &mut p,
                    &line((0.0, half), (SIZE, half)),
                    None,
                    ink_line.clone(),
                );
                draw_plain(&mut p, &line((half, 0.0), (half, SIZE)), None, ink_line);
            }
            _ => draw_plain(&mut p, &line((0.0, half), (SIZE, half)), None, ink_line),
        }
        p.finish();
    }
    let angle = hatch_angle(d).map_or(0.0, |a| a as f32);
    Pattern {
        stream: builder.finish(),
        transform: Transform::from_rotate(angle),
        width: SIZE as f32,
        height: SIZE as f32,
    }
    .into()
}

/// Draws without tagging (inside a pattern's own stream).
fn draw_plain(
    s: &mut Surface<'_>,
    shape: &Shape,
    f: Option<Fill>,
    st: Option<krilla::paint::Stroke>,
) {
    if let Some(path) = krilla_path(shape) {
        s.set_fill(f);
        s.set_stroke(st);
        s.draw_path(&path);
        s.set_stroke(None);
    }
}

/// The photo as a krilla image, with its pixel size; `None` when it does
/// not decode (the card then shows the empty circle, as in the SVG).
fn image_of(photo: &Photo) -> Option<(Image, u32, u32)> {
    let data: krilla::Data = photo.bytes.to_vec().into();
    let image = match photo.kind {
        ImageKind::Png => Image::from_png(data, true).ok()?,
        ImageKind::Jpeg => Image::from_jpeg(data, true).ok()?,
    };
    let (w, h) = image.size();
    (w > 0 && h > 0).then_some((image, w, h))
}

/// A round portrait: the image scaled to cover the circle (centred, as
/// `xMidYMid slice`) and clipped to it.
pub(super) fn portrait(
    c: &mut Canvas<'_, '_, '_>,
    (x, y, radius): (f64, f64, f64),
    image: Image,
    w: u32,
    h: u32,
) {
    let Some(clip) = krilla_path(&Shape::new().circle(x, y, radius)) else {
        return;
    };
    let side = 2.0 * radius;
    let scale = (side / f64::from(w)).max(side / f64::from(h));
    let (iw, ih) = (f64::from(w) * scale, f64::from(h) * scale);
    let Some(size) = Size::from_wh(f(iw), f(ih)) else {
        return;
    };
    c.marked(Mark::Figure, |s| {
        s.push_clip_path(&clip, &FillRule::NonZero);
        s.push_transform(&Transform::from_translate(f(x - iw / 2.0), f(y - ih / 2.0)));
        s.draw_image(image, size);
        s.pop();
        s.pop();
    });
}
