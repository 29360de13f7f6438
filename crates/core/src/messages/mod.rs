//! Every text cirkel says to people, in Dutch and English, from one
//! catalogue.
//!
//! A [`Message`] is an id from the catalogue and its arguments; it is put
//! into words only when shown, in the language asked for, so the command
//! line, the local editor and library callers get the same texts. Templates
//! hold `{name}` for an argument and `{name|one|other}` for a count
//! (`{n|# fout|# fouten}`: `#` is the number), or `{name|zero|one|other}`
//! when nothing is said for zero; any other `{` is literal text (so `{ … }`
//! in an example needs no escaping).

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use crate::model::Lang;

mod catalogue;

pub use catalogue::{CATALOGUE, Entry, entries};

/// A message: an id from the catalogue and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// An argument of a message: a text shown as it is (a key, a value, a
/// number), or another message put into words in the same language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Shown as it is.
    Text(String),
    /// Put into words in the message's language.
    Msg(Message),
    /// A number written with a decimal point, shown with the language's
    /// decimal mark (`2,5` in Dutch).
    Decimal(String),
}

impl Message {
    /// The message `id` without arguments yet.
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// Adds an argument shown as it is.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Message {
        self.args.push((name, Arg::Text(value.to_string())));
        self
    }

    /// Adds an argument that is itself a message.
    #[must_use]
    pub fn arg_msg(mut self, name: &'static str, value: Message) -> Message {
        self.args.push((name, Arg::Msg(value)));
        self
    }

    /// Adds a number shown with `places` decimals in the language's way.
    #[must_use]
    pub fn arg_decimal(mut self, name: &'static str, value: f64, places: usize) -> Message {
        self.args
            .push((name, Arg::Decimal(format!("{value:.places$}"))));
        self
    }

    /// The same arguments under another id: the wording of this message
    /// for another kind of input (a workbook's cells instead of JSON keys).
    #[must_use]
    pub fn renamed(&self, id: &'static str) -> Message {
        Message {
            id,
            args: self.args.clone(),
        }
    }

    /// The id in the catalogue (`parse.unknown-key`).
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The arguments, by name.
    pub fn args(&self) -> impl Iterator<Item = (&'static str, &Arg)> {
        self.args.iter().map(|(n, a)| (*n, a))
    }

    /// The message in words, in `lang`. An id missing from the catalogue
    /// (a bug the catalogue test catches) shows the id and its arguments.
    pub fn text(&self, lang: Lang) -> String {
        match template(self.id, lang) {
            Some(t) => fill(t, &self.args, lang),
            None => {
                let args: Vec<String> = self
                    .args
                    .iter()
                    .map(|(n, a)| format!("{n}={}", arg_text(a, lang)))
                    .collect();
                format!("{} {}", self.id, args.join(" "))
            }
        }
    }
}

/// Why a file operation failed, in words.
pub fn io_reason(e: &std::io::Error) -> Message {
    match e.kind() {
        std::io::ErrorKind::NotFound => Message::new("io.not-found"),
        std::io::ErrorKind::PermissionDenied => Message::new("io.denied"),
        std::io::ErrorKind::IsADirectory => Message::new("io.folder"),
        std::io::ErrorKind::AlreadyExists => Message::new("io.exists"),
        std::io::ErrorKind::StorageFull => Message::new("io.full"),
        std::io::ErrorKind::ReadOnlyFilesystem => Message::new("io.read-only"),
        _ => Message::new("io.other").arg("text", e),
    }
}

/// A [`Message`] with arguments shown as they are: the id, then
/// `name = value` pairs (`msg!` with `"parse.unknown-ring", ring = r`).
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::Message::new($id)$(.arg(stringify!($name), $value))*
    };
}

fn arg_text(a: &Arg, lang: Lang) -> String {
    match a {
        Arg::Text(t) => t.clone(),
        Arg::Msg(m) => m.text(lang),
        Arg::Decimal(text) => match lang {
            Lang::Nl => text.replace('.', ","),
            Lang::En => text.clone(),
        },
    }
}

/// The catalogue by id.
fn table() -> &'static BTreeMap<&'static str, (&'static str, &'static str)> {
    static TABLE: OnceLock<BTreeMap<&'static str, (&'static str, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| entries().map(|(id, en, nl)| (*id, (*en, *nl))).collect())
}

/// The template of `id` in `lang`.
pub fn template(id: &str, lang: Lang) -> Option<&'static str> {
    table().get(id).map(|(en, nl)| match lang {
        Lang::Nl => *nl,
        Lang::En => *en,
    })
}

/// The forms of a count: for zero (when it differs), one and more.
type Forms<'a> = (Option<&'a str>, &'a str, &'a str);

/// A placeholder at the start of `s` (just after a `{`): its name, its
/// count forms, and the length up to and including the `}`.
fn placeholder(s: &str) -> Option<(&str, Option<Forms<'_>>, usize)> {
    let end = s.find('}')?;
    let inner = &s[..end];
    let mut parts = inner.split('|');
    let name = parts.next()?;
    let forms: Vec<&str> = parts.collect();
    let forms = match forms[..] {
        [] => None,
        [one, other] => Some((None, one, other)),
        [zero, one, other] => Some((Some(zero), one, other)),
        _ => return None,
    };
    let is_name = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    is_name.then_some((name, forms, end + 1))
}

/// Fills `template` with `args`.
fn fill(template: &str, args: &[(&'static str, Arg)], lang: Lang) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match placeholder(after) {
            Some((name, forms, len)) => {
                let value = args
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, a)| arg_text(a, lang))
                    .unwrap_or_default();
                match forms {
                    Some((zero, one, other)) => {
                        let form = match (value.trim(), zero) {
                            ("0", Some(zero)) => zero,
                            ("1", _) => one,
                            _ => other,
                        };
                        out.push_str(&form.replace('#', &value));
                    }
                    None => out.push_str(&value),
                }
                rest = &after[len..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The names of the placeholders of a template, sorted and without
/// repeats (for the catalogue test).
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match placeholder(after) {
            Some((name, _, len)) => {
                names.push(name);
                rest = &after[len..];
            }
            None => rest = after,
        }
    }
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_fill_names_counts_and_leave_braces() {
        let args = vec![
            ("key", Arg::Text("naam".into())),
            ("n", Arg::Text("2".into())),
        ];
        assert_eq!(
            fill("`{key}`: {n|# fout|# fouten} in { … }", &args, Lang::Nl),
            "`naam`: 2 fouten in { … }"
        );
        let one = vec![("n", Arg::Text("1".into()))];
        assert_eq!(fill("{n|# note|# notes}", &one, Lang::En), "1 note");
        assert_eq!(
            fill("{ \"name\": \"…\" }", &[], Lang::En),
            "{ \"name\": \"…\" }"
        );
        assert_eq!(placeholders("{b} {a|x|y} { c } {a}"), ["a", "b"]);
        let zero = vec![("n", Arg::Text("0".into()))];
        assert_eq!(fill("x{n||, # more|, # more}", &zero, Lang::En), "x");
    }

    #[test]
    fn catalogue_ids_are_unique_and_both_languages_agree() {
        let mut seen = std::collections::BTreeSet::new();
        for (id, en, nl) in entries() {
            assert!(seen.insert(id), "{id} twice");
            assert!(!en.is_empty() && !nl.is_empty(), "{id} is empty");
            assert_eq!(
                placeholders(en),
                placeholders(nl),
                "{id}: the arguments differ"
            );
        }
    }

    /// Every message the code asks for is in the catalogue, and every
    /// entry is asked for somewhere: the sources are searched for the
    /// string literal after each `msg!` and `Message::new`.
    #[test]
    fn every_message_used_is_in_the_catalogue_and_back() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut used = std::collections::BTreeSet::new();
        let mut page_words = std::collections::BTreeSet::new();
        let mut stack = vec![root.join("crates")];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "js" || x == "html")
                    && p.to_string_lossy().contains("page")
                {
                    // The editor page's words: `t("key"` and `data-t="key"`
                    // name `page.key` (or `form.key`).
                    let text = std::fs::read_to_string(&p).unwrap_or_default();
                    for marker in ["t(\"", "data-t=\""] {
                        for piece in text.split(marker).skip(1) {
                            let key = piece.split('"').next().unwrap_or_default();
                            if key
                                .chars()
                                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
                                && !key.is_empty()
                            {
                                page_words.insert(key.to_string());
                            }
                        }
                    }
                } else if p.extension().is_some_and(|x| x == "rs")
                    && !p.to_string_lossy().contains("messages/catalogue")
                {
                    let text = std::fs::read_to_string(&p).unwrap_or_default();
                    // The form's labels are named as literals (`"form.field.role"`).
                    for piece in text.split(concat!("\"", "form.")).skip(1) {
                        if let Some(id) = piece.split('"').next().filter(|id| {
                            !id.is_empty()
                                && id.contains('.')
                                && id
                                    .chars()
                                    .all(|c| c.is_ascii_lowercase() || c == '.' || c == '-')
                        }) {
                            used.insert(format!("form.{id}"));
                        }
                    }
                    for marker in [concat!("msg", "!("), concat!("Message", "::new(")] {
                        for piece in text.split(marker).skip(1) {
                            let Some(rest) = piece.trim_start().strip_prefix('"') else {
                                continue;
                            };
                            if let Some(id) = rest.split('"').next() {
                                used.insert(id.to_string());
                            }
                        }
                    }
                }
            }
        }
        let known: std::collections::BTreeSet<String> =
            entries().map(|(id, _, _)| id.to_string()).collect();
        // A word of the page is `page.key`, or a `form.` word it shares.
        let mut page_missing = Vec::new();
        for key in &page_words {
            let page = format!("page.{key}");
            let form = format!("form.{key}");
            if known.contains(&page) {
                used.insert(page);
            } else if known.contains(&form) {
                used.insert(form);
            } else {
                page_missing.push(key.clone());
            }
        }
        // `t("lang")`-like calls that are not words (URLSearchParams, headers).
        page_missing.retain(|k| !["lang", "Content-Type", "names"].contains(&k.as_str()));
        assert!(
            page_missing.is_empty(),
            "the page's words not in the catalogue: {page_missing:?}"
        );
        let missing: Vec<&String> = used.iter().filter(|u| !known.contains(*u)).collect();
        assert!(missing.is_empty(), "not in the catalogue: {missing:?}");
        let unused: Vec<&String> = known.iter().filter(|k| !used.contains(*k)).collect();
        assert!(unused.is_empty(), "never used: {unused:?}");
    }
}
