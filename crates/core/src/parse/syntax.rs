//! JSON syntax errors, in words for people.

use crate::diagnostic::Diagnostic;

/// Rewrites a serde_json syntax error in `text` for people: where it is
/// (an unclosed text at its opening quote) and what to do.
pub fn syntax_error(text: &str, e: &serde_json::Error) -> Diagnostic {
    use serde_json::error::Category;
    let line = e.line().max(1);
    // serde_json counts columns in bytes; count characters instead.
    let line_text = text.split('\n').nth(line - 1).unwrap_or("");
    let byte_col = e.column().saturating_sub(1).min(line_text.len());
    let mut cut = byte_col;
    while !line_text.is_char_boundary(cut) {
        cut -= 1;
    }
    let column = line_text[..cut].chars().count() + 1;
    let rest = line_text.get(cut..).unwrap_or("");
    let near = rest.trim_start();
    let raw = e.to_string();
    let raw = raw.split(" at line ").next().unwrap_or(&raw).to_string();
    let line_start: usize = text.split('\n').take(line - 1).map(|l| l.len() + 1).sum();
    let offset = (line_start + cut).min(text.len());
    // Was a text still open where the JSON broke off?
    let open_at = if e.classify() == Category::Eof {
        Some(text.len())
    } else if raw.contains("control character") {
        Some(offset)
    } else {
        None
    };
    if let Some(end) = open_at
        && let Some(d) = unclosed_string(text, end, (line, column))
    {
        return d;
    }
    let (message, help) = if near.starts_with(CURLY_QUOTES) {
        (
            format!(
                "curly quotes ({}) cannot mark a text or a key in JSON",
                near.chars().next().unwrap_or('“')
            ),
            "Word and mail programs put them in; replace them with straight double quotes \" (or edit the file in a plain-text editor)".to_string(),
        )
    } else if e.classify() == Category::Eof {
        (
            "unexpected end of file: the JSON is cut off".to_string(),
            "check for a missing `}`, `]` or closing quote".to_string(),
        )
    } else if near.starts_with("//") || near.starts_with("/*") {
        (
            "comments are not allowed in JSON".into(),
            "remove the comment, or put the remark in a `note` field of a route".into(),
        )
    } else if raw.contains("trailing characters") {
        (
            "unexpected text after the JSON value".into(),
            "a file holds one JSON object; remove what follows its closing `}`".into(),
        )
    } else if raw.contains("trailing comma") {
        (
            "trailing comma".into(),
            "remove the comma before the closing bracket".into(),
        )
    } else if ["NaN", "Infinity", "-Infinity", "+Infinity"]
        .iter()
        .any(|w| near.starts_with(w))
    {
        (
            "NaN/Infinity are not valid JSON numbers".into(),
            "write a plain number".into(),
        )
    } else if near.starts_with('\'') || rest.starts_with('\'') {
        (
            "strings and keys need double quotes (\"…\") in JSON".into(),
            "replace the single quotes with double quotes".into(),
        )
    } else if raw.contains("hex escape") || raw.contains("surrogate") || raw.contains("escape") {
        (
            "invalid unicode escape (a \\u escape must be a whole character)".into(),
            "remove the escape or write the character itself".into(),
        )
    } else if raw.contains("recursion limit") {
        (
            "the JSON is nested too deeply (more than 128 levels)".into(),
            "a kernteam file needs only a few levels; check for runaway brackets".into(),
        )
    } else if raw.contains("key must be a string") {
        (
            "expected a key in double quotes".into(),
            "write keys as \"name\": …".into(),
        )
    } else {
        (raw, "check the JSON syntax at this position".into())
    };
    Diagnostic::error("", message)
        .at(line, column)
        .with_help(help)
}

/// The quotes word processors write instead of `"`.
const CURLY_QUOTES: [char; 9] = ['“', '”', '„', '‟', '‘', '’', '‚', '«', '»'];

/// When the text up to `end` (a byte offset) leaves a string open, the
/// problem is at its opening quote: the closing `"` is missing (or, when the
/// line does close it, a tab or other control character is inside it,
/// shown where serde found it, `at`).
fn unclosed_string(text: &str, end: usize, at: (usize, usize)) -> Option<Diagnostic> {
    let mut open: Option<usize> = None;
    let mut escaped = false;
    for (i, c) in text[..end].char_indices() {
        match open {
            None if c == '"' => open = Some(i),
            None => {}
            Some(_) if escaped => escaped = false,
            Some(_) if c == '\\' => escaped = true,
            Some(_) if c == '"' => open = None,
            Some(_) if c == '\n' => break,
            Some(_) => {}
        }
    }
    let start = open?;
    let (line, column) = line_column(text, start);
    let rest = &text[start + 1..];
    let line_rest = rest.split('\n').next().unwrap_or("");
    if closes(line_rest) {
        return Some(
            Diagnostic::error("", "a tab or other control character is inside this text")
                .at(at.0, at.1)
                .with_help("remove it, or write a tab as \\t"),
        );
    }
    Some(
        Diagnostic::error("", "the closing `\"` of this text is missing")
            .at(line, column)
            .with_help("end the text with a `\"` on the same line"),
    )
}

/// True when `s` (what follows an opening quote) holds an unescaped `"`.
fn closes(s: &str) -> bool {
    let mut escaped = false;
    for c in s.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return true,
            _ => {}
        }
    }
    false
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |p| p + 1);
    (line, before[start..].chars().count() + 1)
}
