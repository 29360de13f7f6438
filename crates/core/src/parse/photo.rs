//! Photos: read once through the resources and checked, so nothing later
//! reads a file or decodes an image that is too large.

use std::sync::Arc;

use super::Validator;
use super::decode::human_bytes;
use crate::limits::{MAX_PHOTO_BYTES, MAX_PHOTO_SIDE};
use crate::model::{ImageKind, Photo};
use crate::msg;
use crate::resources::{ResourceError, relative_components};

impl Validator<'_> {
    /// Checks a photo path (relative, inside the input's folder), reads the
    /// file within the byte limit, and checks its kind and its declared
    /// size before anything decodes it (a small file can declare 50,000 ×
    /// 50,000 pixels).
    pub(super) fn photo(&mut self, raw: &str, path: &str) -> Option<Photo> {
        let help = || Some(msg!("parse.photo.help"));
        let smaller = || Some(msg!("parse.photo.smaller"));
        if raw.contains("://") || raw.starts_with("data:") || raw.starts_with("file:") {
            self.error(path, msg!("parse.photo-link"), help());
            return None;
        }
        let shown = raw.escape_debug().to_string();
        if relative_components(raw).is_err() {
            self.error(
                path,
                msg!("parse.photo-not-relative", photo = &shown),
                help(),
            );
            return None;
        }
        let bytes = match self.files.read(raw, MAX_PHOTO_BYTES) {
            Ok(b) => b,
            Err(e) => {
                match e {
                    ResourceError::NotAvailable => self.warn(
                        path,
                        msg!("parse.photo-no-files", photo = &shown),
                        Some(msg!("parse.photo-no-files.help")),
                    ),
                    ResourceError::NotFound(full) => {
                        self.error(path, msg!("parse.photo-not-found", file = full), help())
                    }
                    ResourceError::NotAFile(full) => {
                        self.error(path, msg!("parse.photo-not-a-file", file = full), help())
                    }
                    ResourceError::Outside(_) => {
                        self.error(path, msg!("parse.photo-outside", photo = &shown), help())
                    }
                    ResourceError::TooLarge { size, limit } => self.error(
                        path,
                        msg!(
                            "parse.photo-too-big",
                            size = human_bytes(size),
                            limit = human_bytes(limit)
                        ),
                        smaller(),
                    ),
                    ResourceError::Io { path: file, source } => self.error(
                        path,
                        msg!("parse.photo-unreadable", file = file, reason = source),
                        help(),
                    ),
                }
                return None;
            }
        };
        let Some(kind) = ImageKind::sniff(&bytes) else {
            self.error(path, msg!("parse.photo-kind", photo = &shown), help());
            return None;
        };
        // EXIF, XMP and text chunks go before anything embeds the photo.
        let bytes = super::strip::strip_metadata(kind, bytes);
        let (width, height) = match imagesize::blob_size(&bytes) {
            Ok(size) if size.width > MAX_PHOTO_SIDE || size.height > MAX_PHOTO_SIDE => {
                self.error(
                    path,
                    msg!(
                        "parse.photo-too-large",
                        width = size.width,
                        height = size.height,
                        limit = MAX_PHOTO_SIDE
                    ),
                    smaller(),
                );
                return None;
            }
            Ok(size) if size.width == 0 || size.height == 0 => {
                self.error(path, msg!("parse.photo-empty", photo = &shown), help());
                return None;
            }
            Ok(size) => (size.width, size.height),
            Err(_) => {
                self.error(path, msg!("parse.photo-damaged", photo = &shown), help());
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
