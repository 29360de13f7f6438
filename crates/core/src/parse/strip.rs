//! Photos lose their metadata before anything embeds them: a phone's JPEG
//! carries EXIF (the place it was taken, the camera's owner, a thumbnail)
//! and XMP, a PNG text chunks and `eXIf`. Every output embeds the photo's
//! bytes (SVG as a data URI, PDF as the JPEG itself), so what is not
//! stripped here would reach a school's newsletter.
//!
//! Only what drawing needs is kept: for JPEG every segment but APP1–APP13,
//! APP15 and comments (APP0 JFIF and APP14 Adobe say how to read the
//! colours; APP2 may hold the ICC profile and is dropped too only when it
//! is not one); for PNG the critical chunks and the colour chunks. A file
//! whose structure does not parse is kept as it is: the decoders then
//! judge it, as before.

use crate::model::ImageKind;

/// The photo's bytes without metadata (or unchanged where the structure
/// does not parse).
pub(crate) fn strip_metadata(kind: ImageKind, bytes: Vec<u8>) -> Vec<u8> {
    let stripped = match kind {
        ImageKind::Jpeg => strip_jpeg(&bytes),
        ImageKind::Png => strip_png(&bytes),
    };
    stripped.unwrap_or(bytes)
}

fn strip_jpeg(b: &[u8]) -> Option<Vec<u8>> {
    if !b.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut out = Vec::with_capacity(b.len());
    out.extend_from_slice(&b[..2]);
    let mut i = 2;
    loop {
        if *b.get(i)? != 0xFF {
            return None;
        }
        let marker = *b.get(i + 1)?;
        // Fill bytes between segments.
        if marker == 0xFF {
            i += 1;
            continue;
        }
        // Markers without a length.
        if marker == 0xD8 || (0xD0..=0xD7).contains(&marker) || marker == 0x01 {
            out.extend_from_slice(&b[i..i + 2]);
            i += 2;
            continue;
        }
        if marker == 0xD9 {
            out.extend_from_slice(&b[i..i + 2]);
            return Some(out);
        }
        let len = usize::from(u16::from_be_bytes([*b.get(i + 2)?, *b.get(i + 3)?]));
        if len < 2 {
            return None;
        }
        let end = i.checked_add(2 + len)?;
        let segment = b.get(i..end)?;
        if marker == 0xDA {
            // Start of scan: the image data runs to the end.
            out.extend_from_slice(&b[i..]);
            return Some(out);
        }
        let icc = marker == 0xE2 && segment.get(4..16) == Some(b"ICC_PROFILE\0".as_slice());
        let drop = marker == 0xFE || ((0xE1..=0xEF).contains(&marker) && marker != 0xEE && !icc);
        if !drop {
            out.extend_from_slice(segment);
        }
        i = end;
    }
}

fn strip_png(b: &[u8]) -> Option<Vec<u8>> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    const KEEP: [&[u8; 4]; 12] = [
        b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT",
        b"pHYs", b"bKGD",
    ];
    if !b.starts_with(SIGNATURE) {
        return None;
    }
    let mut out = Vec::with_capacity(b.len());
    out.extend_from_slice(SIGNATURE);
    let mut i = SIGNATURE.len();
    while i < b.len() {
        let len = u32::from_be_bytes(b.get(i..i + 4)?.try_into().ok()?) as usize;
        let end = i.checked_add(12)?.checked_add(len)?;
        let chunk = b.get(i..end)?;
        let kind = &chunk[4..8];
        if KEEP.iter().any(|k| k.as_slice() == kind) {
            out.extend_from_slice(chunk);
        }
        if kind == b"IEND" {
            return Some(out);
        }
        i = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg_with(segments: &[(u8, &[u8])]) -> Vec<u8> {
        let mut b = vec![0xFF, 0xD8];
        for (marker, body) in segments {
            b.extend([0xFF, *marker]);
            b.extend(((body.len() + 2) as u16).to_be_bytes());
            b.extend_from_slice(body);
        }
        b.extend([0xFF, 0xDA, 0x00, 0x02, 1, 2, 3, 0xFF, 0xD9]);
        b
    }

    #[test]
    fn jpeg_loses_exif_xmp_and_comments_and_keeps_what_reads_colours() {
        let exif: &[u8] = b"Exif\0\0GPS 52.37N 4.89E owner Anna";
        let icc: &[u8] = b"ICC_PROFILE\0\x01\x01profile";
        let input = jpeg_with(&[
            (0xE0, b"JFIF\0\x01\x02"),
            (0xE1, exif),
            (0xE2, icc),
            (0xE2, b"FPXR\0secret"),
            (0xEE, b"Adobe\0"),
            (0xFE, b"made by Anna"),
            (0xDB, b"\0quant"),
        ]);
        let out = strip_metadata(ImageKind::Jpeg, input.clone());
        let text = String::from_utf8_lossy(&out);
        assert!(!text.contains("GPS") && !text.contains("Anna") && !text.contains("secret"));
        for kept in ["JFIF", "ICC_PROFILE", "Adobe", "quant"] {
            assert!(text.contains(kept), "{kept} kept");
        }
        assert!(
            out.ends_with(&[1, 2, 3, 0xFF, 0xD9]),
            "the scan is untouched"
        );
        // A damaged file stays as it was.
        let damaged = input[..20].to_vec();
        assert_eq!(strip_metadata(ImageKind::Jpeg, damaged.clone()), damaged);
    }

    #[test]
    fn png_loses_text_chunks() {
        let chunk = |kind: &[u8], body: &[u8]| {
            let mut c = (body.len() as u32).to_be_bytes().to_vec();
            c.extend_from_slice(kind);
            c.extend_from_slice(body);
            c.extend([0, 0, 0, 0]);
            c
        };
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        for (k, body) in [
            (&b"IHDR"[..], &b"0123456789abc"[..]),
            (b"tEXt", b"Author\0Anna de Vries"),
            (b"eXIf", b"GPS"),
            (b"IDAT", b"pixels"),
            (b"IEND", b""),
        ] {
            png.extend(chunk(k, body));
        }
        let out = strip_metadata(ImageKind::Png, png);
        let text = String::from_utf8_lossy(&out);
        assert!(!text.contains("Anna") && !text.contains("GPS"));
        assert!(text.contains("IHDR") && text.contains("pixels") && text.contains("IEND"));
    }
}

#[cfg(test)]
mod parse_tests {
    use crate::{MemoryFiles, ParseOptions, parse_with};

    /// What the parser keeps of a phone's photo has no EXIF: every output
    /// (SVG data URI, PNG, PDF) embeds these bytes.
    #[test]
    fn a_parsed_photo_has_no_exif() {
        let jpeg = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../examples/photos/maaike.jpg"
        ))
        .unwrap_or_default();
        assert!(jpeg.len() > 100);
        // Put an EXIF segment with a place and a name after SOI.
        let exif: &[u8] = b"Exif\0\0GPS 52.3702N 4.8952E Camera owner: Maaike";
        let mut with_exif = jpeg[..2].to_vec();
        with_exif.extend([0xFF, 0xE1]);
        with_exif.extend(((exif.len() + 2) as u16).to_be_bytes());
        with_exif.extend_from_slice(exif);
        with_exif.extend_from_slice(&jpeg[2..]);
        let mut files = MemoryFiles::new();
        files.insert("maaike.jpg", with_exif).unwrap();
        let json = br#"{"school": {"name": "OBS"}, "members": [{"role": "intern-begeleider", "name": "Maaike", "photo": "maaike.jpg"}]}"#;
        let parsed = parse_with(json, &ParseOptions::default(), &files).unwrap();
        let photo = parsed.kernteam.members[0].photo.as_ref().unwrap();
        let text = String::from_utf8_lossy(&photo.bytes);
        assert!(
            !text.contains("GPS") && !text.contains("owner"),
            "EXIF kept"
        );
        assert!(photo.bytes.starts_with(&[0xFF, 0xD8]) && photo.bytes.len() > 100);
    }
}
