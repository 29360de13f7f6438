//! JSON syntax errors, in words for people.

use crate::diagnostic::Diagnostic;
use crate::messages::Message;
use crate::msg;

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
            msg!("syntax.curly", quote = near.chars().next().unwrap_or('“')),
            msg!("syntax.curly.help"),
        )
    } else if e.classify() == Category::Eof {
        (msg!("syntax.eof"), msg!("syntax.eof.help"))
    } else if near.starts_with("//") || near.starts_with("/*") {
        (msg!("syntax.comment"), msg!("syntax.comment.help"))
    } else if raw.contains("trailing characters") {
        (
            msg!("syntax.trailing-text"),
            msg!("syntax.trailing-text.help"),
        )
    } else if raw.contains("trailing comma") {
        (
            msg!("syntax.trailing-comma"),
            msg!("syntax.trailing-comma.help"),
        )
    } else if ["NaN", "Infinity", "-Infinity", "+Infinity"]
        .iter()
        .any(|w| near.starts_with(w))
    {
        (msg!("syntax.nan"), msg!("syntax.nan.help"))
    } else if near.starts_with('\'') || rest.starts_with('\'') {
        (
            msg!("syntax.single-quotes"),
            msg!("syntax.single-quotes.help"),
        )
    } else if raw.contains("hex escape") || raw.contains("surrogate") || raw.contains("escape") {
        (msg!("syntax.escape"), msg!("syntax.escape.help"))
    } else if raw.contains("recursion limit") {
        (msg!("syntax.too-deep"), msg!("syntax.too-deep.help"))
    } else if raw.contains("key must be a string") {
        (msg!("syntax.key"), msg!("syntax.key.help"))
    } else {
        (serde_words(&raw), msg!("syntax.other.help"))
    };
    Diagnostic::error("", message)
        .at(line, column)
        .with_help(help)
}

/// serde_json's other syntax messages, in words of the catalogue where
/// there are some.
fn serde_words(raw: &str) -> Message {
    match raw {
        "expected `,` or `}`" => msg!("syntax.expected-comma-brace"),
        "expected `,` or `]`" => msg!("syntax.expected-comma-bracket"),
        "expected `:`" => msg!("syntax.expected-colon"),
        "expected value" => msg!("syntax.expected-value"),
        "expected ident" => msg!("syntax.expected-ident"),
        "invalid number" => msg!("syntax.invalid-number"),
        "number out of range" => msg!("syntax.number-out-of-range"),
        other => msg!("syntax.other", text = other),
    }
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
            Diagnostic::error("", msg!("syntax.control-char"))
                .at(at.0, at.1)
                .with_help(msg!("syntax.control-char.help")),
        );
    }
    Some(
        Diagnostic::error("", msg!("syntax.missing-quote"))
            .at(line, column)
            .with_help(msg!("syntax.missing-quote.help")),
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
