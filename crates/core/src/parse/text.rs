//! Texts and ids: cleaned, within their limits, never empty.

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use super::Validator;
use crate::limits::MAX_ID;
use crate::msg;

impl Validator<'_> {
    /// Cleans a text: removes control and bidi-override characters (with a
    /// warning), turns tabs and line breaks into spaces, trims, and checks that
    /// it is not empty and within `limit` characters.
    pub(super) fn text(&mut self, raw: &str, path: &str, limit: usize) -> Option<String> {
        let mut removed = 0usize;
        let mut out = String::with_capacity(raw.len());
        let mut last_space = true;
        for c in raw.chars() {
            let c = match c {
                '\t' | '\n' | '\r' => ' ',
                c if is_forbidden_char(c) => {
                    removed += 1;
                    continue;
                }
                c => c,
            };
            if c == ' ' {
                if !last_space {
                    out.push(' ');
                }
                last_space = true;
            } else {
                out.push(c);
                last_space = false;
            }
        }
        let out = out.trim_end().to_string();
        if removed > 0 {
            self.warn(
                path,
                msg!("parse.removed-controls", n = removed),
                Some(msg!("parse.removed-controls.help")),
            );
        }
        if out.is_empty() {
            self.error(
                path,
                msg!("parse.empty-text"),
                Some(msg!("parse.empty-text.help")),
            );
            return None;
        }
        let n = out.chars().count();
        if n > limit {
            self.error(
                path,
                msg!("parse.text-too-long", n = n, limit = limit),
                Some(msg!("parse.text-too-long.help")),
            );
            return None;
        }
        Some(out)
    }

    pub(super) fn opt_text(
        &mut self,
        value: Option<&Value>,
        path: &str,
        limit: usize,
    ) -> Option<String> {
        let raw: Option<String> = self.typed(value?, path)?;
        self.text(&raw?, path, limit)
    }

    /// Checks an id: NFC, `[a-z0-9-]+`, at most [`MAX_ID`] characters.
    pub(super) fn id(&mut self, raw: &str, path: &str) -> Option<String> {
        let id: String = raw.nfc().collect();
        let ok = !id.is_empty()
            && id.len() <= MAX_ID
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if ok {
            return Some(id);
        }
        let suggestion = slug(&id);
        let help = if suggestion.is_empty() || suggestion == id {
            msg!("parse.bad-id.help")
        } else {
            msg!("parse.bad-id.help-fix", fix = suggestion)
        };
        let shown: String = id.chars().take(40).collect();
        self.error(
            path,
            msg!("parse.bad-id", id = shown.escape_debug()),
            Some(help),
        );
        None
    }
}

/// Characters removed from every text: those XML 1.0 forbids, and the
/// invisible controls that reverse or hide text (bidi embeddings, overrides
/// and isolates).
pub fn is_forbidden_char(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{FFFE}' | '\u{FFFF}'
        | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Turns a text into an id: lowercase ASCII letters, digits and `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.nfd() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if (c.is_whitespace() || c == '-' || c == '_' || c == '.' || c == '/')
            && !out.ends_with('-')
            && !out.is_empty()
        {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}
