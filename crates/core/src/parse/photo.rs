//! Photos: read once through the resources and checked, so nothing later
//! reads a file or decodes an image that is too large.

use std::sync::Arc;

use super::Validator;
use super::decode::human_bytes;
use crate::limits::{MAX_PHOTO_BYTES, MAX_PHOTO_SIDE};
use crate::model::{ImageKind, Photo};
use crate::resources::{ResourceError, relative_components};

impl Validator<'_> {
    /// Checks a photo path (relative, inside the input's folder), reads the
    /// file within the byte limit, and checks its kind and its declared
    /// size before anything decodes it (a small file can declare 50,000 ×
    /// 50,000 pixels).
    pub(super) fn photo(&mut self, raw: &str, path: &str) -> Option<Photo> {
        let help = Some(
            "give a path to a PNG or JPEG file next to the input file, like \"fotos/ib.jpg\""
                .to_string(),
        );
        let smaller = || Some("make it smaller: a portrait of 400 × 400 px is plenty".to_string());
        if raw.contains("://") || raw.starts_with("data:") || raw.starts_with("file:") {
            self.error(path, "a photo must be a file path, not a link", help);
            return None;
        }
        if relative_components(raw).is_err() {
            self.error(
                path,
                format!(
                    "photo \"{}\" must be a relative path inside the input file's folder",
                    raw.escape_debug()
                ),
                help,
            );
            return None;
        }
        let bytes = match self.files.read(raw, MAX_PHOTO_BYTES) {
            Ok(b) => b,
            Err(e) => {
                match e {
                    ResourceError::NotAvailable => self.warn(
                        path,
                        format!("photo \"{}\" is not drawn: this program reads no files", raw.escape_debug()),
                        Some("the card keeps an empty portrait; draw from a file on disk to include it".into()),
                    ),
                    ResourceError::NotFound(full) => {
                        self.error(path, format!("photo file not found: {full}"), help)
                    }
                    ResourceError::NotAFile(full) => {
                        self.error(path, format!("photo {full} is not a file"), help)
                    }
                    ResourceError::Outside(_) => self.error(
                        path,
                        format!("photo {raw} points outside the input file's folder"),
                        help,
                    ),
                    ResourceError::TooLarge { size, limit } => self.error(
                        path,
                        format!(
                            "photo is {}; the limit is {}",
                            human_bytes(size),
                            human_bytes(limit)
                        ),
                        smaller(),
                    ),
                    other => self.error(path, format!("photo {other}"), help),
                }
                return None;
            }
        };
        let Some(kind) = ImageKind::sniff(&bytes) else {
            self.error(
                path,
                format!("photo {raw} is not a PNG or JPEG image"),
                help,
            );
            return None;
        };
        let (width, height) = match imagesize::blob_size(&bytes) {
            Ok(size) if size.width > MAX_PHOTO_SIDE || size.height > MAX_PHOTO_SIDE => {
                self.error(
                    path,
                    format!(
                        "photo is {} × {} px; the limit is {MAX_PHOTO_SIDE} × {MAX_PHOTO_SIDE}",
                        size.width, size.height
                    ),
                    smaller(),
                );
                return None;
            }
            Ok(size) if size.width == 0 || size.height == 0 => {
                self.error(path, format!("photo {raw} has no pixels"), help);
                return None;
            }
            Ok(size) => (size.width, size.height),
            Err(_) => {
                self.error(
                    path,
                    format!("photo {raw} is damaged: its size cannot be read"),
                    help,
                );
                return None;
            }
        };
        Some(Photo {
            path: raw.to_string(),
            kind,
            // Both are at most MAX_PHOTO_SIDE.
            width: width as u32,
            height: height as u32,
            bytes: Arc::from(bytes),
        })
    }
}
