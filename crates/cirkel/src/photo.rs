//! A photo as a phone or a camera makes it, made fit for a card: decoded,
//! turned upright (its EXIF orientation), cropped to a square around the
//! upper middle (where a face is in a portrait), scaled down to
//! [`PHOTO_SIDE`] pixels and stored as a small JPEG. Whatever else the
//! file carried (the place it was taken, the camera, the date) is left
//! behind. The editor's server and the page without a server both call
//! this, so a photo is taken the same way everywhere.

use cirkel_core::{Message, msg};
use cirkel_render::resvg::tiny_skia::Pixmap;

/// Largest photo file taken, in bytes (40 MiB: a phone's largest JPEG).
pub const MAX_PHOTO_FILE: usize = 40 * 1024 * 1024;
/// Most pixels of a photo taken (64 megapixels).
pub const MAX_PHOTO_PIXELS: usize = 64_000_000;
/// Width and height of a prepared photo, in pixels (smaller photos keep
/// their size).
pub const PHOTO_SIDE: usize = 512;
/// The JPEG quality of a prepared photo.
const QUALITY: u8 = 85;

/// A photo made fit for a card: a square JPEG, upright, at most
/// [`PHOTO_SIDE`] pixels wide, without metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedPhoto {
    /// The JPEG file.
    pub bytes: Vec<u8>,
    /// Its width and height, in pixels.
    pub side: usize,
}

/// Pixels as rows of RGB triples.
struct Rgb {
    width: usize,
    height: usize,
    data: Vec<u8>,
}

/// Takes a PNG or JPEG of any size a phone makes and returns it ready for
/// a card; otherwise says why not (in words for the person who chose it).
pub fn prepare_photo(bytes: &[u8]) -> Result<PreparedPhoto, Message> {
    if bytes.len() > MAX_PHOTO_FILE {
        return Err(msg!(
            "photo.file-too-large",
            mb = bytes.len().div_ceil(1024 * 1024),
            limit = MAX_PHOTO_FILE / (1024 * 1024)
        ));
    }
    // A decoder that panics on a hostile file must not take the caller down.
    let decoded = std::panic::catch_unwind(|| decode(bytes)).unwrap_or(Err(msg!("photo.broken")));
    let (pixels, orientation) = decoded?;
    let square = upright_square(&pixels, orientation);
    let mut out = Vec::new();
    let side = u16::try_from(square.width).map_err(|_| msg!("photo.broken"))?;
    jpeg_encoder::Encoder::new(&mut out, QUALITY)
        .encode(&square.data, side, side, jpeg_encoder::ColorType::Rgb)
        .map_err(|_| msg!("photo.broken"))?;
    Ok(PreparedPhoto {
        bytes: out,
        side: square.width,
    })
}

/// The pixels and the EXIF orientation (1 to 8; 1 when none is given).
fn decode(bytes: &[u8]) -> Result<(Rgb, u8), Message> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        decode_jpeg(bytes)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        decode_png(bytes).map(|p| (p, 1))
    } else if bytes.get(4..8) == Some(b"ftyp")
        && bytes.get(8..12).is_some_and(|b| {
            [b"heic", b"heix", b"mif1", b"msf1", b"hevc"].contains(&b.try_into().unwrap_or(&[0; 4]))
        })
    {
        Err(msg!("photo.heic"))
    } else {
        Err(msg!("photo.kind"))
    }
}

fn too_many_pixels(width: usize, height: usize) -> Option<Message> {
    (width.saturating_mul(height) > MAX_PHOTO_PIXELS).then(|| {
        msg!(
            "photo.too-many-pixels",
            mp = width.saturating_mul(height).div_ceil(1_000_000),
            limit = MAX_PHOTO_PIXELS / 1_000_000
        )
    })
}

fn decode_jpeg(bytes: &[u8]) -> Result<(Rgb, u8), Message> {
    use zune_jpeg::zune_core::bytestream::ZCursor;
    use zune_jpeg::zune_core::colorspace::ColorSpace;
    use zune_jpeg::zune_core::options::DecoderOptions;
    let options = DecoderOptions::default()
        .jpeg_set_out_colorspace(ColorSpace::RGB)
        .set_max_width(1 << 15)
        .set_max_height(1 << 15);
    let mut decoder = zune_jpeg::JpegDecoder::new_with_options(ZCursor::new(bytes), options);
    decoder.decode_headers().map_err(|_| msg!("photo.broken"))?;
    let (width, height) = decoder.dimensions().ok_or(msg!("photo.broken"))?;
    if let Some(m) = too_many_pixels(width, height) {
        return Err(m);
    }
    if decoder.output_colorspace() != Some(ColorSpace::RGB) {
        return Err(msg!("photo.broken"));
    }
    let orientation = decoder.exif().map_or(1, |e| exif_orientation(e));
    let data = decoder.decode().map_err(|_| msg!("photo.broken"))?;
    if width == 0 || height == 0 || data.len() < width * height * 3 {
        return Err(msg!("photo.broken"));
    }
    Ok((
        Rgb {
            width,
            height,
            data,
        },
        orientation,
    ))
}

fn decode_png(bytes: &[u8]) -> Result<Rgb, Message> {
    // The size first, so a huge PNG is refused before it is unpacked.
    let size = imagesize::blob_size(bytes).map_err(|_| msg!("photo.broken"))?;
    if let Some(m) = too_many_pixels(size.width, size.height) {
        return Err(m);
    }
    let pixmap = Pixmap::decode_png(bytes).map_err(|_| msg!("photo.broken"))?;
    // Premultiplied RGBA over white: colour + (255 - alpha).
    let data = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| {
            let white = 255 - p[3];
            [p[0] + white, p[1] + white, p[2] + white]
        })
        .collect();
    Ok(Rgb {
        width: pixmap.width() as usize,
        height: pixmap.height() as usize,
        data,
    })
}

/// The orientation tag (0x0112) of IFD0 in EXIF data that starts at the
/// TIFF header; 1 (upright) when it is missing or unreadable.
fn exif_orientation(exif: &[u8]) -> u8 {
    let big = match exif.get(..4) {
        Some(b"MM\0*") => true,
        Some(b"II*\0") => false,
        _ => return 1,
    };
    let u16_at = |at: usize| {
        let b: [u8; 2] = exif.get(at..at.checked_add(2)?)?.try_into().ok()?;
        Some(if big {
            u16::from_be_bytes(b)
        } else {
            u16::from_le_bytes(b)
        })
    };
    let u32_at = |at: usize| {
        let b: [u8; 4] = exif.get(at..at.checked_add(4)?)?.try_into().ok()?;
        Some(if big {
            u32::from_be_bytes(b)
        } else {
            u32::from_le_bytes(b)
        })
    };
    let find = || -> Option<u8> {
        let ifd = usize::try_from(u32_at(4)?).ok()?;
        let count = usize::from(u16_at(ifd)?);
        (0..count).find_map(|i| {
            let entry = ifd.checked_add(2)?.checked_add(i.checked_mul(12)?)?;
            (u16_at(entry)? == 0x0112)
                .then(|| u16_at(entry + 8))
                .flatten()
                .and_then(|v| u8::try_from(v).ok())
                .filter(|v| (1..=8).contains(v))
        })
    };
    find().unwrap_or(1)
}

/// The upright picture's largest square, around its middle across and a
/// third of the way down (a portrait's face), scaled down to at most
/// [`PHOTO_SIDE`] by averaging the pixels each new one covers.
fn upright_square(source: &Rgb, orientation: u8) -> Rgb {
    let (w, h) = (source.width, source.height);
    // The upright picture's size; (x, y) upright is source pixel `at`.
    let turned = orientation >= 5;
    let (uw, uh) = if turned { (h, w) } else { (w, h) };
    let at = |x: usize, y: usize| -> usize {
        let (sx, sy) = match orientation {
            2 => (w - 1 - x, y),
            3 => (w - 1 - x, h - 1 - y),
            4 => (x, h - 1 - y),
            5 => (y, x),
            6 => (y, h - 1 - x),
            7 => (w - 1 - y, h - 1 - x),
            8 => (w - 1 - y, x),
            _ => (x, y),
        };
        (sy * w + sx) * 3
    };
    let crop = uw.min(uh);
    let left = (uw - crop) / 2;
    let top = (uh - crop) / 3;
    let side = crop.min(PHOTO_SIDE);
    let mut data = Vec::with_capacity(side * side * 3);
    for oy in 0..side {
        let (y0, y1) = (top + oy * crop / side, top + (oy + 1) * crop / side);
        for ox in 0..side {
            let (x0, x1) = (left + ox * crop / side, left + (ox + 1) * crop / side);
            let mut sum = [0u64; 3];
            for y in y0..y1.max(y0 + 1) {
                for x in x0..x1.max(x0 + 1) {
                    let p = at(x, y);
                    for (s, c) in sum.iter_mut().zip(&source.data[p..p + 3]) {
                        *s += u64::from(*c);
                    }
                }
            }
            let n = ((y1.max(y0 + 1) - y0) * (x1.max(x0 + 1) - x0)) as u64;
            data.extend(sum.map(|s| u8::try_from((s + n / 2) / n).unwrap_or(255)));
        }
    }
    Rgb {
        width: side,
        height: side,
        data,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A JPEG of `w` × `h`: left half red, right half blue, top rows
    /// green, with an EXIF orientation when one is given.
    pub(crate) fn jpeg(w: u16, h: u16, orientation: Option<u16>) -> Vec<u8> {
        let (wu, hu) = (usize::from(w), usize::from(h));
        let mut data = Vec::with_capacity(wu * hu * 3);
        for y in 0..hu {
            for x in 0..wu {
                data.extend(if y < hu / 8 {
                    [0, 200, 0]
                } else if x < wu / 2 {
                    [220, 0, 0]
                } else {
                    [0, 0, 220]
                });
            }
        }
        let mut out = Vec::new();
        let mut encoder = jpeg_encoder::Encoder::new(&mut out, 90);
        if let Some(o) = orientation {
            // TIFF header (little-endian), IFD0 at 8 with one entry.
            let mut exif = b"Exif\0\0II*\0\x08\0\0\0\x01\0".to_vec();
            exif.extend([0x12, 0x01, 3, 0, 1, 0, 0, 0]);
            exif.extend(o.to_le_bytes());
            exif.extend([0, 0, 0, 0, 0, 0]);
            encoder.add_app_segment(1, exif).unwrap();
        }
        encoder
            .encode(&data, w, h, jpeg_encoder::ColorType::Rgb)
            .unwrap();
        out
    }

    fn pixel(photo: &PreparedPhoto, x: usize, y: usize) -> [u8; 3] {
        use zune_jpeg::zune_core::bytestream::ZCursor;
        let mut d = zune_jpeg::JpegDecoder::new(ZCursor::new(&photo.bytes[..]));
        let data = d.decode().unwrap();
        let at = (y * photo.side + x) * 3;
        [data[at], data[at + 1], data[at + 2]]
    }

    #[test]
    fn a_large_photo_becomes_a_small_square() {
        let big = jpeg(2000, 1500, None);
        let photo = prepare_photo(&big).unwrap();
        assert_eq!(photo.side, PHOTO_SIDE);
        assert!(photo.bytes.len() < 200_000, "{}", photo.bytes.len());
        // Cropped around the middle: red on the left, blue on the right.
        let left = pixel(&photo, 50, 400);
        let right = pixel(&photo, 460, 400);
        assert!(left[0] > 150 && left[2] < 60, "{left:?}");
        assert!(right[2] > 150 && right[0] < 60, "{right:?}");
        // Same file, same bytes.
        assert_eq!(prepare_photo(&big).unwrap(), photo);
    }

    #[test]
    fn a_photo_is_turned_upright_by_its_orientation() {
        // Orientation 6: the camera was turned a quarter clockwise; shown
        // upright, the green top rows come to the right-hand side.
        let photo = prepare_photo(&jpeg(640, 480, Some(6))).unwrap();
        assert_eq!(photo.side, 480);
        let right = pixel(&photo, 470, 240);
        assert!(right[1] > 150 && right[0] < 60, "{right:?}");
        let plain = prepare_photo(&jpeg(640, 480, None)).unwrap();
        let top = pixel(&plain, 240, 5);
        assert!(top[1] > 150, "{top:?}");
    }

    #[test]
    fn what_is_not_a_photo_is_refused_with_the_reason() {
        let id = |r: Result<PreparedPhoto, Message>| r.unwrap_err().id();
        assert_eq!(id(prepare_photo(b"hello")), "photo.kind");
        assert_eq!(id(prepare_photo(b"\0\0\0\x18ftypheic\0\0")), "photo.heic");
        assert_eq!(
            id(prepare_photo(&[0xFF, 0xD8, 0xFF, 0xE0, 1, 2])),
            "photo.broken"
        );
        let mut cut = jpeg(64, 64, None);
        cut.truncate(cut.len() / 2);
        // A cut-off JPEG either decodes what it has or is refused: no panic.
        let _ = prepare_photo(&cut);
        assert_eq!(
            id(prepare_photo(&vec![0xFF; MAX_PHOTO_FILE + 1])),
            "photo.file-too-large"
        );
    }

    #[test]
    fn broken_exif_reads_as_upright() {
        assert_eq!(exif_orientation(b""), 1);
        assert_eq!(exif_orientation(b"II*\0\xff\xff\xff\xff"), 1);
        assert_eq!(exif_orientation(b"MM\0*\0\0\0\x08\xff\xff"), 1);
        let mut e = b"II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0\x09\0".to_vec();
        assert_eq!(exif_orientation(&e), 1, "9 is no orientation");
        e[18] = 8;
        assert_eq!(exif_orientation(&e), 8);
    }
}
