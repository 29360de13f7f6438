//! The bytes of an input: size, encoding, emptiness.

use crate::diagnostic::Diagnostic;
use crate::limits::MAX_INPUT_BYTES;
use crate::messages::Message;
use crate::msg;

/// An input of `size` bytes is refused when past [`MAX_INPUT_BYTES`]
/// (callers check a file's size before reading it all).
// A large error on the cold path of a call made once per file.
#[allow(clippy::result_large_err)]
pub fn check_input_size(size: u64) -> Result<(), Diagnostic> {
    if size > MAX_INPUT_BYTES as u64 {
        return Err(Diagnostic::error(
            "",
            msg!(
                "parse.input-too-big",
                size = human_bytes(size),
                limit = MAX_INPUT_BYTES / (1024 * 1024)
            ),
        )
        .with_help(msg!("parse.input-too-big.help")));
    }
    Ok(())
}

/// Checks the bytes of a JSON file (an input, a theme, a layout): within
/// the size limit, not an image or another binary file, not UTF-16, valid
/// UTF-8, not empty; returns the text without a UTF-8 BOM.
#[allow(clippy::result_large_err)]
pub fn decode(bytes: &[u8]) -> Result<&str, Diagnostic> {
    check_input_size(bytes.len() as u64)?;
    if let Some((what, help)) = binary_kind(bytes) {
        return Err(
            Diagnostic::error("", Message::new("parse.binary").arg_msg("what", what))
                .at(1, 1)
                .with_help(help),
        );
    }
    if utf16(bytes) {
        return Err(Diagnostic::error("", msg!("parse.utf16"))
            .at(1, 1)
            .with_help(msg!("parse.utf16.help")));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let (line, column) = line_column_of_offset(bytes, at);
        return Err(
            Diagnostic::error("", msg!("parse.zero-byte", line = line, column = column))
                .at(line, column)
                .with_help(msg!("parse.binary.help-other")),
        );
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let (line, column) = line_column_of_offset(bytes, at);
        Diagnostic::error(
            "",
            msg!(
                "parse.not-utf8",
                line = line,
                column = column,
                byte = format!("{:02X}", bytes.get(at).copied().unwrap_or(0))
            ),
        )
        .at(line, column)
        .with_help(msg!("parse.not-utf8.help"))
    })?;
    if text.trim().is_empty() {
        return Err(Diagnostic::error("", msg!("parse.empty-input"))
            .with_help(msg!("parse.empty-input.help")));
    }
    Ok(text)
}

/// True when the bytes are UTF-16: a byte-order mark, or a zero byte
/// beside each of the first two characters.
fn utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || matches!(bytes, [a, 0, b, 0, ..] | [0, a, 0, b, ..] if *a != 0 && *b != 0)
}

/// What kind of file `bytes` is, when its first bytes say it is an image,
/// a document or an archive rather than text, and what to do instead.
fn binary_kind(bytes: &[u8]) -> Option<(Message, Message)> {
    let image = || msg!("parse.binary.help-image");
    let other = || msg!("parse.binary.help-other");
    let found = if bytes.starts_with(b"\x89PNG") {
        (msg!("file.png"), image())
    } else if bytes.starts_with(b"\xFF\xD8\xFF") {
        (msg!("file.jpeg"), image())
    } else if bytes.starts_with(b"GIF8") {
        (msg!("file.gif"), image())
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        (msg!("file.webp"), image())
    } else if bytes.len() >= 14 && bytes.starts_with(b"BM") && bytes[6..10] == [0, 0, 0, 0] {
        // "BM", the file size, then four reserved zero bytes.
        (msg!("file.bmp"), image())
    } else if bytes.starts_with(b"%PDF") {
        (msg!("file.pdf"), other())
    } else if bytes.starts_with(b"PK\x03\x04") {
        (msg!("file.zip"), other())
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        (msg!("file.office"), other())
    } else if bytes.starts_with(b"\x1F\x8B") {
        (msg!("file.gzip"), other())
    } else if bytes.starts_with(b"<svg") || bytes.starts_with(b"<?xml") {
        (msg!("file.svg"), msg!("parse.binary.help-svg"))
    } else {
        return None;
    };
    Some(found)
}

fn line_column_of_offset(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

pub(crate) fn human_bytes(n: u64) -> String {
    if n >= 1024 * 1024 {
        format!("{:.1} MB", n as f64 / (1024.0 * 1024.0))
    } else if n >= 1024 {
        format!("{:.1} KB", n as f64 / 1024.0)
    } else {
        format!("{n} bytes")
    }
}
