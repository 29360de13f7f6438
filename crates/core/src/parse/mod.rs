//! From the bytes of an input file to a validated [`Kernteam`].
//!
//! The stages, each collecting every problem it can before the next runs:
//! 1. encoding: size limit, images and other binary files (named), UTF-8
//!    BOM (accepted), UTF-16 (refused with a hint), invalid UTF-8 (line and
//!    column), empty input;
//! 2. JSON syntax (serde_json), with friendlier words for comments, trailing
//!    text, `NaN`, single quotes;
//! 3. duplicate keys and unknown keys (all of them, with the nearest known key);
//! 4. types, per field and per list element, so one bad member does not hide
//!    the problems of the next;
//! 5. meaning: ids, references, limits, links, photos, defaults from the
//!    role catalogue.

use std::path::PathBuf;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::input::KNOWN_ROOT;
use crate::limits::MAX_SHORT_TEXT;
use crate::messages::Message;
use crate::model::{Kernteam, Lang, Member, Route};
use crate::msg;
use crate::partners::{ListError, PartnerList, read_named_list};
use crate::resources::{Folder, Resources};
use crate::spans::{Spans, child_index};

mod contact;
mod decode;
mod fields;
#[cfg(test)]
mod forgiving_tests;
mod keys;
mod members;
mod photo;
mod routes;
mod school;
mod strip;
mod syntax;
mod text;

pub use contact::is_allowed_web_link;
pub use decode::check_input_size;
pub use text::{is_forbidden_char, slug};

pub use decode::decode as decode_text;
pub use syntax::syntax_error;

use decode::decode;

/// How to parse.
#[derive(Debug, Clone, Default)]
pub struct ParseOptions {
    /// Language of the defaults filled in from the role catalogue.
    pub lang: Lang,
    /// Folder that `photo` paths are relative to (the input file's folder),
    /// for [`parse`]. `None` means the current directory.
    pub base_dir: Option<PathBuf>,
    /// The partner list members refer to (`--partners`); a school file's
    /// own `"partners": "FILE"` is read when this is `None`.
    pub partners: Option<Arc<PartnerList>>,
}

/// A successfully parsed input.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The validated model.
    pub kernteam: Kernteam,
    /// Warnings: the input is usable, but something looks unintended.
    pub warnings: Diagnostics,
    /// Where each value is in the input text, to locate problems found
    /// later (by the layout or the drawing).
    pub spans: Spans,
}

/// Parses and validates an input file. On failure, the returned diagnostics
/// hold every error found (and the warnings), sorted by position.
///
/// Photos are read from `options.base_dir` (the current folder when it is
/// `None`); [`parse_with`] reads them through any [`Resources`].
pub fn parse(bytes: &[u8], options: &ParseOptions) -> Result<Parsed, Diagnostics> {
    let dir = options
        .base_dir
        .clone()
        .unwrap_or_else(|| PathBuf::from("."));
    parse_with(bytes, options, &Folder::new(dir))
}

/// Parses and validates an input file, reading the photos it names
/// through `files` (each once; the bytes end up in the model).
pub fn parse_with(
    bytes: &[u8],
    options: &ParseOptions,
    files: &dyn Resources,
) -> Result<Parsed, Diagnostics> {
    let text = decode(bytes).map_err(|d| Diagnostics(vec![d]))?;
    let value: Value =
        serde_json::from_str(text).map_err(|e| Diagnostics(vec![syntax_error(text, &e)]))?;
    parse_document(value, Spans::scan(text), options, files)
}

/// Validates an input document that is already a JSON value (one read
/// from a spreadsheet by `cirkel-sheets`), with every check and help that
/// [`parse_with`] applies to JSON text. `spans` places the problems: the
/// positions of [`Spans::scan`], or the cells of [`Spans::from_cells`].
pub fn parse_document(
    value: Value,
    spans: Spans,
    options: &ParseOptions,
    files: &dyn Resources,
) -> Result<Parsed, Diagnostics> {
    let mut v = Validator {
        spans,
        diags: Vec::new(),
        options,
        files,
        known_refs: Vec::new(),
        members_unusable: false,
        rings_unusable: false,
        partners: options.partners.clone(),
    };
    let kernteam = v.document(value);
    let mut diags = Diagnostics(v.diags);
    diags.sort();
    match kernteam {
        Some(kernteam) if !diags.has_errors() => Ok(Parsed {
            kernteam,
            warnings: diags,
            spans: v.spans,
        }),
        _ => Err(diags),
    }
}

/// The second pass: meaning, with every problem collected.
struct Validator<'a> {
    spans: Spans,
    diags: Vec<Diagnostic>,
    options: &'a ParseOptions,
    files: &'a dyn Resources,
    /// Ids that routes may name without a second error: those of members
    /// whose own id is wrong (as written and as its fix).
    known_refs: Vec<String>,
    /// `members` could not be read as a list (reported): references to
    /// members are not checked.
    members_unusable: bool,
    /// `rings` could not be read as a list (reported): members' rings are
    /// not checked.
    rings_unusable: bool,
    /// The partner list members may refer to.
    partners: Option<Arc<PartnerList>>,
}

/// The default rings (when the input has none): id and label in `lang`.
pub fn default_rings(lang: Lang) -> Vec<(&'static str, &'static str)> {
    DEFAULT_RINGS
        .iter()
        .map(|(id, nl, en)| (*id, lang.pick(nl, en)))
        .collect()
}

/// The default title in Dutch and English.
pub(super) const DEFAULT_TITLE: (&str, &str) = ("Cirkel van invloed", "Circle of influence");

/// The default title in `lang` (a title equal to it in either language is
/// the default).
pub fn default_title(lang: Lang) -> &'static str {
    lang.pick(DEFAULT_TITLE.0, DEFAULT_TITLE.1)
}

/// Default ring ids and labels when the input has no `rings`.
pub(super) const DEFAULT_RINGS: [(&str, &str, &str); 3] = [
    ("school", "In de school", "In school"),
    ("kernteam", "Kernteam", "Core team"),
    ("netwerk", "Op afroep", "On call"),
];
impl Validator<'_> {
    pub(super) fn push(&mut self, d: Diagnostic) {
        let lang = self.lang();
        let d = self.spans.place(d).in_lang(lang);
        self.diags.push(d);
    }

    pub(super) fn error(&mut self, path: &str, message: Message, help: Option<Message>) {
        let mut d = Diagnostic::error(path, message);
        d.help = help;
        self.push(d);
    }

    pub(super) fn warn(&mut self, path: &str, message: Message, help: Option<Message>) {
        let mut d = Diagnostic::warning(path, message);
        d.help = help;
        self.push(d);
    }

    pub(super) fn lang(&self) -> Lang {
        self.options.lang
    }

    fn document(&mut self, mut root: Value) -> Option<Kernteam> {
        for (path, first, _second) in std::mem::take(&mut self.spans.duplicates) {
            let key = path.rsplit(['.', '[']).next().unwrap_or(&path).to_string();
            self.push(
                Diagnostic::error(
                    path.clone(),
                    msg!(
                        "parse.duplicate-key",
                        key = key,
                        line = first.line,
                        column = first.column
                    ),
                )
                .with_help(msg!("parse.duplicate-key.help")),
            );
        }
        if !root.is_object() {
            self.error(
                "",
                Message::new("parse.top-not-object").arg_msg("found", kind(&root)),
                Some(msg!("parse.top-not-object.help")),
            );
            return None;
        }
        self.strip_unknown_keys(&mut root, "", KNOWN_ROOT);
        let obj = root.as_object()?;

        if let Some(v) = obj.get("version") {
            match v.as_u64() {
                Some(1) => {}
                _ => self.error(
                    "version",
                    msg!("parse.version", version = v),
                    Some(msg!("parse.version.help")),
                ),
            }
        }

        let school = self.school(obj.get("school"));
        // A title equal to the default in either language (as `cirkel
        // init` writes it) is the default, in the language drawn.
        let default_title = self.lang().pick(DEFAULT_TITLE.0, DEFAULT_TITLE.1);
        let title = self
            .opt_text(obj.get("title"), "title", MAX_SHORT_TEXT)
            .filter(|t| t != DEFAULT_TITLE.0 && t != DEFAULT_TITLE.1)
            .unwrap_or_else(|| default_title.into());
        let school_year = self.opt_text(obj.get("school_year"), "school_year", MAX_SHORT_TEXT);
        let rings = self.rings(obj.get("rings"));
        self.named_list(obj.get("partners"));
        let (member_paths, members): (Vec<String>, Vec<Member>) =
            self.members(obj.get("members"), &rings).into_iter().unzip();
        let routes = self.routes(obj.get("routes"), &members);
        self.route_sense(&routes, &members, &member_paths);
        let routes: Vec<Route> = routes.into_iter().map(|r| r.route).collect();
        let meetings = self.meetings(obj.get("meetings"));
        Some(Kernteam {
            lang: self.lang(),
            school: school?,
            title,
            school_year,
            rings,
            members,
            routes,
            meetings,
        })
    }

    /// The partner list the file names (`"partners": "FILE"`: relative,
    /// inside its folder, as photos are), unless one was given
    /// (`--partners`). Its problems are reported in its own file.
    fn named_list(&mut self, value: Option<&Value>) {
        let Some(value) = value.filter(|v| !v.is_null()) else {
            return;
        };
        let Some(name) = value.as_str() else {
            self.error(
                "partners",
                Message::new("parse.partners-not-text").arg_msg("found", kind(value)),
                Some(msg!("parse.partners.help")),
            );
            return;
        };
        if self.partners.is_some() {
            return;
        }
        let options = ParseOptions {
            partners: None,
            base_dir: None,
            ..self.options.clone()
        };
        match read_named_list(name, &options, self.files) {
            Ok((list, warnings)) => {
                self.diags.extend(warnings.0);
                self.partners = Some(list);
            }
            Err(ListError::Problems(d)) => {
                self.diags.extend(d.0);
                self.partners = Some(Arc::new(PartnerList::unreadable(name)));
            }
            Err(ListError::Resource(e)) => {
                let shown = name.escape_debug().to_string();
                let message = match e {
                    crate::resources::ResourceError::Outside(_) => {
                        msg!("parse.partners-outside", file = &shown)
                    }
                    other => msg!(
                        "parse.partners-unreadable",
                        file = &shown,
                        reason = other.to_string()
                    ),
                };
                self.error("partners", message, Some(msg!("parse.partners.help")));
            }
        }
    }

    /// Deserializes one value, reporting a type error at its exact path.
    pub(super) fn typed<T: DeserializeOwned>(&mut self, value: &Value, path: &str) -> Option<T> {
        match serde_path_to_error::deserialize::<_, T>(value) {
            Ok(t) => Some(t),
            Err(e) => {
                let inner = e.path().to_string();
                let full = if inner == "." || inner.is_empty() {
                    path.to_string()
                } else if inner.starts_with('[') || path.is_empty() {
                    format!("{path}{inner}")
                } else {
                    format!("{path}.{inner}")
                };
                let (message, help) = type_message(&e.inner().to_string());
                self.error(&full, message, help);
                None
            }
        }
    }

    /// The items of a list field with their paths: `Some(empty)` when the
    /// field is absent, `None` (reported) when it is not a list or too long.
    pub(super) fn items<'v>(
        &mut self,
        value: Option<&'v Value>,
        path: &str,
        max: usize,
        what: Message,
    ) -> Option<Vec<(String, &'v Value)>> {
        let Some(value) = value.filter(|v| !v.is_null()) else {
            return Some(Vec::new());
        };
        let Some(items) = value.as_array() else {
            self.error(
                path,
                Message::new("parse.expected-list-of")
                    .arg_msg("what", what.clone())
                    .arg_msg("found", kind(value)),
                Some(msg!("parse.expected-list-of.help", path = path)),
            );
            return None;
        };
        if items.len() > max {
            self.error(
                path,
                msg!("parse.too-many", n = items.len(), max = max).arg_msg("what", what.clone()),
                Some(msg!("parse.too-many.help", max = max).arg_msg("what", what)),
            );
            return None;
        }
        Some(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| (child_index(path, i), item))
                .collect(),
        )
    }

    /// A list field: checks it is an array within `max` items and parses
    /// each item; `None` (reported) when it is not a list or too long.
    pub(super) fn list<T: DeserializeOwned>(
        &mut self,
        value: Option<&Value>,
        path: &str,
        max: usize,
        what: Message,
    ) -> Option<Vec<(String, T)>> {
        let items = self.items(value, path, max, what)?;
        Some(
            items
                .into_iter()
                .filter_map(|(p, item)| self.typed::<T>(item, &p).map(|t| (p, t)))
                .collect(),
        )
    }
}

/// What kind of JSON value `v` is, in words.
pub(super) fn kind(v: &Value) -> Message {
    match v {
        Value::Null => msg!("kind.null"),
        Value::Bool(_) => msg!("kind.bool"),
        Value::Number(_) => msg!("kind.number"),
        Value::String(_) => msg!("kind.text"),
        Value::Array(_) => msg!("kind.list"),
        Value::Object(_) => msg!("kind.object"),
    }
}

/// Rewrites serde's "invalid type: integer `42`, expected a string".
fn type_message(raw: &str) -> (Message, Option<Message>) {
    if let Some(rest) = raw.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        let found = found
            .replace("integer ", "")
            .replace("floating point ", "")
            .replace("string ", "")
            .replace('`', "");
        let (expected, quote) = match expected {
            "a string" => (msg!("kind.quoted-text"), true),
            "a sequence" => (msg!("kind.list"), false),
            "a boolean" => (msg!("kind.true-false"), false),
            e if e.starts_with("struct") => (msg!("kind.object"), false),
            e => (msg!("kind.other", kind = e), false),
        };
        let help = quote.then(|| msg!("parse.quote-it"));
        return (
            Message::new("parse.expected")
                .arg_msg("expected", expected)
                .arg("found", found),
            help,
        );
    }
    (msg!("parse.serde", text = raw), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Domain;

    fn parse_str(s: &str) -> Result<Parsed, Diagnostics> {
        parse(s.as_bytes(), &ParseOptions::default())
    }

    fn errors(s: &str) -> String {
        match parse_str(s) {
            Ok(_) => panic!("expected errors for {s}"),
            Err(d) => d.in_lang(Lang::En).to_string(),
        }
    }

    #[test]
    fn minimal_file_gets_defaults() {
        let p = parse_str(r#"{"school": {"name": "De Ark"}, "members": [{"role": "cjg-coach"}]}"#)
            .unwrap();
        let k = p.kernteam;
        assert_eq!(k.title, "Cirkel van invloed");
        assert_eq!(k.rings.len(), 3);
        let m = &k.members[0];
        assert_eq!(m.id, "cjg-coach");
        assert_eq!(m.role, "CJG-coach");
        assert_eq!(m.domain, Domain::Jeugdhulp);
        assert_eq!(m.ring, 1);
        assert!(!m.expertise.is_empty());
    }

    #[test]
    fn english_defaults() {
        let opts = ParseOptions {
            lang: Lang::En,
            base_dir: None,
            partners: None,
        };
        let p = parse(
            br#"{"school": {"name": "X"}, "members": [{"role": "leerplichtambtenaar"}]}"#,
            &opts,
        )
        .unwrap();
        assert_eq!(p.kernteam.members[0].role, "School attendance officer");
        assert_eq!(p.kernteam.title, "Circle of influence");
    }

    #[test]
    fn collects_all_problems_with_positions() {
        let text = "{\n \"school\": {\"name\": \"X\"},\n \"members\": [\n  {\"id\": \"a\", \"nmae\": \"b\", \"ring\": \"netwrk\"},\n  {\"id\": \"a\", \"role\": \"ib\", \"tie\": \"strng\"}\n ],\n \"routes\": [{\"question\": \"q\", \"steps\": [\"zz\"]}]\n}";
        let e = errors(text);
        assert!(e.contains("input:4:15: error: members[0].nmae: unknown key `nmae`\n  help: did you mean `name`?"), "{e}");
        assert!(
            e.contains(
                "members[0].ring: unknown ring \"netwrk\"\n  help: did you mean \"netwerk\"?"
            ),
            "{e}"
        );
        assert!(e.contains("members[1].id: duplicate id \"a\""), "{e}");
        assert!(e.contains("members[1].tie: unknown tie \"strng\""), "{e}");
        assert!(
            e.contains("routes[0].steps[0]: unknown member \"zz\""),
            "{e}"
        );
    }

    #[test]
    fn encoding_problems() {
        assert!(errors("").contains("input is empty"));
        assert!(errors(" \n\t").contains("input is empty"));
        let bom = "\u{feff}{\"school\": {\"name\": \"X\"}}";
        assert!(parse_str(bom).is_ok());
        let crlf = "{\r\n\"school\": {\"name\": \"X\"}\r\n}";
        assert!(parse_str(crlf).is_ok());
        let e = parse(
            b"{\"school\": {\"name\": \"Caf\xE9\"}}",
            &ParseOptions::default(),
        )
        .unwrap_err()
        .in_lang(Lang::En);
        assert!(
            e.to_string()
                .contains("not valid UTF-8 at line 1, column 25 (byte 0xE9)"),
            "{e}"
        );
        let e = parse(b"\xFF\xFE{\0", &ParseOptions::default())
            .unwrap_err()
            .in_lang(Lang::En);
        assert!(e.to_string().contains("UTF-16"));
    }

    #[test]
    fn syntax_problems_are_explained() {
        let e = errors("{\"school\": {\"name\": \"b");
        assert!(
            e.contains("input:1:21: error: the closing `\"` of this text is missing"),
            "{e}"
        );
        assert!(errors("{\"school\": {\"name\": \"b\"").contains("unexpected end of file"));
        let e = errors("{\n \"school\": {\"name\": \"De Ark},\n \"members\": []\n}");
        assert!(e.contains("input:2:21: error: the closing `\"`"), "{e}");
        let e = errors("{\"school\": {\"name\": \"a\tb\"}}");
        assert!(
            e.contains("input:1:23: error: a tab or other control character"),
            "{e}"
        );
        let e = errors("{\"school\": {“name”: \"X\"}}");
        assert!(e.contains("curly quotes (“)"), "{e}");
        assert!(errors("{\n // hi\n}").contains("input:2:2: error: comments are not allowed"));
        assert!(errors("{\"school\": {\"name\": \"X\"},}").contains("trailing comma"));
        assert!(
            errors("{\"school\": {\"name\": \"X\"}} {}")
                .contains("unexpected text after the JSON value")
        );
        assert!(errors("{\"version\": NaN}").contains("NaN/Infinity"));
        assert!(errors("{\"version\": 1e400}").contains("number out of range"));
        let e = errors("{\"school\": {\"name\": \"\\ud800\"}}");
        assert!(e.contains("invalid unicode escape"), "{e}");
    }

    #[test]
    fn type_problems_name_the_path() {
        let e = errors(r#"{"school": {"name": "X"}, "members": [{"name": 42}]}"#);
        assert!(
            e.contains("members[0].name: expected a text in double quotes, found 42"),
            "{e}"
        );
        let e = errors(r#"{"school": {"name": "X"}, "members": {}}"#);
        assert!(e.contains("members: expected a list"), "{e}");
        let e = errors(r#"{"school": {"name": "X", "name": "Y"}}"#);
        assert!(e.contains("school.name: duplicate key `name`"), "{e}");
    }

    #[test]
    fn text_is_cleaned() {
        let p = parse_str("{\"school\": {\"name\": \"A\\u0000B\\u202Ec\\td\"}}").unwrap();
        assert_eq!(p.kernteam.school.name, "ABc d");
        assert_eq!(p.warnings.warnings().count(), 1);
        assert!(errors(r#"{"school": {"name": "   "}}"#).contains("must not be empty"));
        let long = "x".repeat(MAX_SHORT_TEXT + 1);
        assert!(
            errors(&format!(r#"{{"school": {{"name": "{long}"}}}}"#)).contains("the limit is 200")
        );
    }

    #[test]
    fn ids_are_normalised_and_checked() {
        let e =
            errors(r#"{"school": {"name": "X"}, "members": [{"id": "An\u200Bna", "role": "a"}]}"#);
        assert!(e.contains("is not a valid id"), "{e}");
        let e = errors(r#"{"school": {"name": "X"}, "members": [{"id": "Maaike", "role": "a"}]}"#);
        assert!(e.contains("e.g. \"maaike\""), "{e}");
    }

    #[test]
    fn links_are_restricted() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:x",
            "data:text/html,x",
            "file:///etc/passwd",
            "vbscript:x",
            "https://a\"><x",
        ] {
            let doc = serde_json::json!({"school": {"name": "X"}, "members": [{"role": "ib", "contact": {"website": bad}}]});
            let e = errors(&doc.to_string());
            assert!(e.contains("members[0].contact.website"), "{bad}: {e}");
        }
        assert!(is_allowed_web_link("https://www.example.nl/pad?x=1"));
    }

    #[test]
    fn slug_makes_ids() {
        assert_eq!(slug("José García"), "jose-garcia");
        assert_eq!(slug("CJG-coach"), "cjg-coach");
    }
}
