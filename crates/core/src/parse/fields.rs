//! Reading an object field by field, so that one bad field is one message
//! and the rest of the object (its id above all) stays known.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::{Validator, kind};
use crate::messages::Message;
use crate::msg;
use crate::spans::child_index;

/// One item of a list with its own path (`members[2].expertise[1]`), so
/// that what is said about it points at it even when an item before it was
/// wrong.
pub(super) type Item = (String, String);

/// How a text written where a list belongs is split into items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ListOf {
    /// Free texts (expertise): split at commas, semicolons and line breaks.
    Texts,
    /// Member ids (steps): split at anything an id cannot hold, so
    /// `"ib, cjg"`, `"ib cjg"` and `"ib → cjg"` all give two ids.
    Ids,
}

impl Validator<'_> {
    /// One field of `obj`, typed; a type error is reported at
    /// `path.key` and gives `None`, as does a missing or `null` field.
    pub(super) fn field<T: DeserializeOwned>(
        &mut self,
        obj: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<T> {
        let value = obj.get(key).filter(|v| !v.is_null())?;
        self.typed(value, &format!("{path}.{key}"))
    }

    /// A list of texts: each item on its own (a bad item is one error, the
    /// others are kept). A single text where the list belongs is read as
    /// the list it spells out, with a warning: people write `"expertise":
    /// "gedrag, thuissituatie"`, and one slip should not be five errors.
    pub(super) fn text_list(
        &mut self,
        obj: &Map<String, Value>,
        path: &str,
        key: &str,
        of: ListOf,
    ) -> Option<Vec<Item>> {
        let p = format!("{path}.{key}");
        match obj.get(key)? {
            Value::Null => None,
            Value::String(s) => {
                let items = split_list(s, of);
                let shown: Vec<String> = items
                    .iter()
                    .map(|i| serde_json::Value::from(i.as_str()).to_string())
                    .collect();
                let items_shown = shown.join(", ");
                let example = if shown.is_empty() {
                    "\"…\"".to_string()
                } else {
                    items_shown.clone()
                };
                self.warn(
                    &p,
                    msg!("parse.text-as-list", key = key, items = items_shown),
                    Some(msg!("parse.text-as-list.help", key = key, items = example)),
                );
                // Each item points at the text it came from.
                Some(items.into_iter().map(|i| (p.clone(), i)).collect())
            }
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    match item {
                        Value::String(s) => out.push((child_index(&p, i), s.clone())),
                        other => self.error(
                            &child_index(&p, i),
                            Message::new("parse.expected")
                                .arg_msg("expected", msg!("kind.quoted-text"))
                                .arg("found", shown(other)),
                            Some(msg!("parse.quote-it")),
                        ),
                    }
                }
                Some(out)
            }
            other => {
                self.error(
                    &p,
                    Message::new("parse.expected-texts").arg_msg("found", kind(other)),
                    Some(msg!("parse.expected-texts.help", key = key)),
                );
                None
            }
        }
    }
}

/// The items a text written as a list spells out.
pub(super) fn split_list(text: &str, of: ListOf) -> Vec<String> {
    let parts: Vec<&str> = match of {
        ListOf::Texts => text.split([',', ';', '\n']).collect(),
        ListOf::Ids => text
            .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
            .map(|p| p.trim_matches('-'))
            .collect(),
    };
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// A value for a message: short, and without raw control characters.
pub(super) fn shown(v: &Value) -> String {
    let text = v.to_string();
    let mut out: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out.escape_debug().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_written_as_text_are_split() {
        assert_eq!(
            split_list("gedrag, thuissituatie; opvoeding", ListOf::Texts),
            ["gedrag", "thuissituatie", "opvoeding"]
        );
        assert_eq!(
            split_list("ib → cjg -> lpa", ListOf::Ids),
            ["ib", "cjg", "lpa"]
        );
        assert_eq!(
            split_list("ib, jeugd-arts", ListOf::Ids),
            ["ib", "jeugd-arts"]
        );
        assert!(split_list(" , ", ListOf::Texts).is_empty());
    }
}
