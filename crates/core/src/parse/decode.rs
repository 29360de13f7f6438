//! The bytes of an input: size, encoding, emptiness.

use crate::diagnostic::Diagnostic;
use crate::limits::MAX_INPUT_BYTES;

/// An input of `size` bytes is refused when past [`MAX_INPUT_BYTES`]
/// (callers check a file's size before reading it all).
pub fn check_input_size(size: u64) -> Result<(), Diagnostic> {
    if size > MAX_INPUT_BYTES as u64 {
        return Err(Diagnostic::error(
            "",
            format!(
                "input is {}; the limit is {} MB",
                human_bytes(size),
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
        )
        .with_help("a kernteam file is a few kilobytes; is this the right file?"));
    }
    Ok(())
}

/// Checks the bytes of a JSON file (an input, a theme, a layout): within
/// the size limit, not an image or another binary file, not UTF-16, valid
/// UTF-8, not empty; returns the text without a UTF-8 BOM.
pub fn decode(bytes: &[u8]) -> Result<&str, Diagnostic> {
    check_input_size(bytes.len() as u64)?;
    if let Some(what) = binary_kind(bytes) {
        return Err(Diagnostic::error("", format!("this is {what}, not a kernteam file"))
            .at(1, 1)
            .with_help(binary_help(what)));
    }
    if utf16(bytes) {
        return Err(Diagnostic::error(
            "",
            "the file is UTF-16 (what Notepad calls \"Unicode\"), not UTF-8",
        )
        .at(1, 1)
        .with_help("save it as UTF-8 (in Notepad: Save as… → Encoding: UTF-8)"));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let (line, column) = line_column_of_offset(bytes, at);
        return Err(Diagnostic::error(
            "",
            format!("this is a binary file (a zero byte at line {line}, column {column}), not a kernteam file"),
        )
        .at(line, column)
        .with_help("cirkel reads a kernteam file: JSON text, as `cirkel init` writes it; is this the right file?"));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let (line, column) = line_column_of_offset(bytes, at);
        Diagnostic::error(
            "",
            format!(
                "not valid UTF-8 at line {line}, column {column} (byte 0x{:02X})",
                bytes.get(at).copied().unwrap_or(0)
            ),
        )
        .at(line, column)
        .with_help("save the file as UTF-8; it looks like Latin-1 or Windows-1252")
    })?;
    if text.trim().is_empty() {
        return Err(Diagnostic::error("", "input is empty")
            .with_help("start from `cirkel init --school \"Naam\"`, which writes a starter file"));
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
/// a document or an archive rather than text.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 9] = [
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (a spreadsheet, Word or OpenDocument file is one)"),
        (b"\xD0\xCF\x11\xE0", "an old Office document (.xls or .doc)"),
        (b"<svg", "an SVG picture"),
        (b"<?xml", "an XML file"),
        (b"\x1F\x8B", "a gzip archive"),
    ];
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("a WebP image");
    }
    // "BM", the file size, then four reserved zero bytes.
    if bytes.len() >= 14 && bytes.starts_with(b"BM") && bytes[6..10] == [0, 0, 0, 0] {
        return Some("a BMP image");
    }
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| *what)
}

/// How to go on when the input is not a kernteam file.
fn binary_help(what: &str) -> &'static str {
    if what.ends_with("image") {
        "cirkel reads a kernteam file (.json); a photo goes on a card with \"photo\": \"fotos/naam.jpg\" in the member"
    } else if what.starts_with("an SVG") {
        "that looks like a drawing cirkel made; give `cirkel check` the kernteam file (.json) it was drawn from"
    } else {
        "cirkel reads a kernteam file: JSON text, as `cirkel init` writes it; is this the right file?"
    }
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
