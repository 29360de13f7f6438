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

/// Checks the encoding and returns the text without a UTF-8 BOM.
pub(super) fn decode(bytes: &[u8]) -> Result<&str, Diagnostic> {
    check_input_size(bytes.len() as u64)?;
    if bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || (bytes.len() >= 2 && bytes[0] != 0 && bytes[1] == 0)
    {
        return Err(Diagnostic::error("", "the file is UTF-16, not UTF-8")
            .at(1, 1)
            .with_help("save it as UTF-8 (in Notepad: Save as… → Encoding: UTF-8)"));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
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
