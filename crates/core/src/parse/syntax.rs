//! JSON syntax errors, in words for people.

use crate::diagnostic::Diagnostic;

/// Rewrites a serde_json syntax error for people.
pub(super) fn syntax_error(text: &str, e: &serde_json::Error) -> Diagnostic {
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
    let (message, help) = if e.classify() == Category::Eof {
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
