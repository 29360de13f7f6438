//! From the bytes of an input file to a validated [`Kernteam`].
//!
//! The stages, each collecting every problem it can before the next runs:
//! 1. encoding: size limit, UTF-8 BOM (accepted), UTF-16 (refused with a hint),
//!    invalid UTF-8 (line and column), empty input;
//! 2. JSON syntax (serde_json), with friendlier words for comments, trailing
//!    text, `NaN`, single quotes;
//! 3. duplicate keys and unknown keys (all of them, with the nearest known key);
//! 4. types, per field and per list element, so one bad member does not hide
//!    the problems of the next;
//! 5. meaning: ids, references, limits, links, photos, defaults from the
//!    role catalogue.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use serde::de::DeserializeOwned;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use crate::catalogue::{self, Role};
use crate::diagnostic::{Diagnostic, Diagnostics, nearest, quoted_list};
use crate::input::*;
use crate::limits::*;
use crate::model::*;
use crate::spans::{Spans, child_index, child_key};

/// How to parse.
#[derive(Debug, Clone, Default)]
pub struct ParseOptions {
    /// Language of the defaults filled in from the role catalogue.
    pub lang: Lang,
    /// Folder that `photo` paths are relative to (the input file's folder).
    /// `None` means the current directory.
    pub base_dir: Option<PathBuf>,
}

/// A successfully parsed input.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The validated model.
    pub kernteam: Kernteam,
    /// Warnings: the input is usable, but something looks unintended.
    pub warnings: Diagnostics,
}

/// Parses and validates an input file. On failure, the returned diagnostics
/// hold every error found (and the warnings), sorted by position.
pub fn parse(bytes: &[u8], options: &ParseOptions) -> Result<Parsed, Diagnostics> {
    let text = decode(bytes).map_err(|d| Diagnostics(vec![d]))?;
    let value: Value =
        serde_json::from_str(text).map_err(|e| Diagnostics(vec![syntax_error(text, &e)]))?;
    let mut v = Validator {
        spans: Spans::scan(text),
        diags: Vec::new(),
        options,
    };
    let kernteam = v.document(value);
    let mut diags = Diagnostics(v.diags);
    diags.sort();
    match kernteam {
        Some(kernteam) if !diags.has_errors() => Ok(Parsed {
            kernteam,
            warnings: diags,
        }),
        _ => Err(diags),
    }
}

/// Checks the encoding and returns the text without a UTF-8 BOM.
fn decode(bytes: &[u8]) -> Result<&str, Diagnostic> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(Diagnostic::error(
            "",
            format!(
                "input is {}; the limit is {}",
                human_bytes(bytes.len() as u64),
                human_bytes(MAX_INPUT_BYTES as u64)
            ),
        )
        .with_help("a kernteam file is a few kilobytes; is this the right file?"));
    }
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

fn human_bytes(n: u64) -> String {
    if n >= 1024 * 1024 {
        format!("{:.1} MB", n as f64 / (1024.0 * 1024.0))
    } else if n >= 1024 {
        format!("{:.1} KB", n as f64 / 1024.0)
    } else {
        format!("{n} bytes")
    }
}

/// Rewrites a serde_json syntax error for people.
fn syntax_error(text: &str, e: &serde_json::Error) -> Diagnostic {
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

struct Validator<'a> {
    spans: Spans,
    diags: Vec<Diagnostic>,
    options: &'a ParseOptions,
}

/// Default ring ids and labels when the input has no `rings`.
const DEFAULT_RINGS: [(&str, &str, &str); 3] = [
    ("school", "In de school", "In school"),
    ("kernteam", "Kernteam", "Core team"),
    ("netwerk", "Op afroep", "On call"),
];

impl Validator<'_> {
    fn push(&mut self, d: Diagnostic) {
        let pos = self.spans.locate(&d.path);
        self.diags.push(d.at(pos.line, pos.column));
    }

    fn error(&mut self, path: &str, message: impl Into<String>, help: Option<String>) {
        let mut d = Diagnostic::error(path, message);
        d.help = help;
        self.push(d);
    }

    fn warn(&mut self, path: &str, message: impl Into<String>, help: Option<String>) {
        let mut d = Diagnostic::warning(path, message);
        d.help = help;
        self.push(d);
    }

    fn lang(&self) -> Lang {
        self.options.lang
    }

    fn document(&mut self, mut root: Value) -> Option<Kernteam> {
        for (path, first, _second) in std::mem::take(&mut self.spans.duplicates) {
            let key = path.rsplit(['.', '[']).next().unwrap_or(&path).to_string();
            let pos = self.spans.key(&path).unwrap_or_default();
            let _ = pos;
            self.push(
                Diagnostic::error(
                    path.clone(),
                    format!(
                        "duplicate key `{key}`: it is already set at line {}, column {}",
                        first.line, first.column
                    ),
                )
                .with_help("remove one of the two; JSON keeps only one value per key"),
            );
        }
        if !root.is_object() {
            self.error(
                "",
                format!("expected an object {{ … }} at the top, found {}", kind(&root)),
                Some("a kernteam file starts with { \"version\": 1, \"school\": { \"name\": \"…\" } }".into()),
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
                    format!("unsupported version {v}; this cirkel reads version 1"),
                    Some("write \"version\": 1, or update cirkel".into()),
                ),
            }
        }

        let school = self.school(obj.get("school"));
        let title = self
            .opt_text(obj.get("title"), "title", MAX_SHORT_TEXT)
            .unwrap_or_else(|| {
                self.lang()
                    .pick("Cirkel van invloed", "Circle of influence")
                    .into()
            });
        let school_year = self.opt_text(obj.get("school_year"), "school_year", MAX_SHORT_TEXT);
        let rings = self.rings(obj.get("rings"));
        let members = self.members(obj.get("members"), &rings);
        let routes = self.routes(obj.get("routes"), &members);
        self.route_sense(&routes, &members);
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

    /// Reports every unknown key below `value` (per the known lists of the
    /// nested objects) and removes it, so typed parsing does not report it again.
    fn strip_unknown_keys(&mut self, value: &mut Value, path: &str, known: &[&str]) {
        let Some(obj) = value.as_object_mut() else {
            return;
        };
        let unknown: Vec<String> = obj
            .keys()
            .filter(|k| !known.contains(&k.as_str()))
            .cloned()
            .collect();
        for key in unknown {
            obj.remove(&key);
            let child = child_key(path, &key);
            let pos = self
                .spans
                .key(&child)
                .unwrap_or_else(|| self.spans.locate(&child));
            let help = match nearest(&key, known.iter().copied()) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!(
                    "known keys here: {}",
                    known
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            self.diags.push(
                Diagnostic::error(child, format!("unknown key `{key}`"))
                    .with_help(help)
                    .at(pos.line, pos.column),
            );
        }
        let nested: &[(&str, &[&str])] = match path {
            "" => &[("school", KNOWN_SCHOOL)],
            _ => &[],
        };
        for (key, known) in nested {
            if let Some(v) = obj.get_mut(*key) {
                self.strip_unknown_keys(v, &child_key(path, key), known);
            }
        }
        let lists: &[(&str, &[&str])] = match path {
            "" => &[
                ("rings", KNOWN_RING),
                ("members", KNOWN_MEMBER),
                ("routes", KNOWN_ROUTE),
                ("meetings", KNOWN_MEETING),
            ],
            _ => &[],
        };
        for (key, known) in lists {
            if let Some(Value::Array(items)) = obj.get_mut(*key) {
                for (i, item) in items.iter_mut().enumerate() {
                    let item_path = child_index(&child_key(path, key), i);
                    self.strip_unknown_keys(item, &item_path, known);
                    if *key == "members"
                        && let Some(contact) = item.get_mut("contact")
                    {
                        self.strip_unknown_keys(
                            contact,
                            &format!("{item_path}.contact"),
                            KNOWN_CONTACT,
                        );
                    }
                }
            }
        }
    }

    /// Deserializes one value, reporting a type error at its exact path.
    fn typed<T: DeserializeOwned>(&mut self, value: &Value, path: &str) -> Option<T> {
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

    /// A list field: checks it is an array within `max` items and parses each item.
    fn list<T: DeserializeOwned>(
        &mut self,
        value: Option<&Value>,
        path: &str,
        max: usize,
        what: &str,
    ) -> Vec<(String, T)> {
        let Some(value) = value else {
            return Vec::new();
        };
        if value.is_null() {
            return Vec::new();
        }
        let Some(items) = value.as_array() else {
            self.error(
                path,
                format!("expected a list [ … ] of {what}, found {}", kind(value)),
                None,
            );
            return Vec::new();
        };
        if items.len() > max {
            self.error(
                path,
                format!("too many {what} ({} > {max})", items.len()),
                Some(format!("cirkel draws at most {max} {what}; split the file")),
            );
            return Vec::new();
        }
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let p = child_index(path, i);
            if let Some(t) = self.typed::<T>(item, &p) {
                out.push((p, t));
            }
        }
        out
    }

    /// Cleans a text: removes control and bidi-override characters (with a
    /// warning), turns tabs and line breaks into spaces, trims, and checks that
    /// it is not empty and within `limit` characters.
    fn text(&mut self, raw: &str, path: &str, limit: usize) -> Option<String> {
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
                format!("removed {removed} invisible control or text-direction character(s)"),
                Some("they can hide or reverse text; retype the text if it looks wrong".into()),
            );
        }
        if out.is_empty() {
            self.error(
                path,
                "must not be empty",
                Some("write the text, or leave the key out".into()),
            );
            return None;
        }
        let n = out.chars().count();
        if n > limit {
            self.error(
                path,
                format!("is {n} characters long; the limit is {limit}"),
                Some("shorten it; the diagram is a summary, details belong in the report".into()),
            );
            return None;
        }
        Some(out)
    }

    fn opt_text(&mut self, value: Option<&Value>, path: &str, limit: usize) -> Option<String> {
        let raw: Option<String> = self.typed(value?, path)?;
        self.text(&raw?, path, limit)
    }

    /// Checks an id: NFC, `[a-z0-9-]+`, at most [`MAX_ID`] characters.
    fn id(&mut self, raw: &str, path: &str) -> Option<String> {
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
            "use lowercase letters a-z, digits and `-`, like \"cjg-coach\"".to_string()
        } else {
            format!("use lowercase letters a-z, digits and `-`, e.g. \"{suggestion}\"")
        };
        let shown: String = id.chars().take(40).collect();
        self.error(
            path,
            format!("\"{}\" is not a valid id", shown.escape_debug()),
            Some(help),
        );
        None
    }

    fn school(&mut self, value: Option<&Value>) -> Option<School> {
        let Some(value) = value else {
            self.error(
                "school",
                "the school is missing",
                Some("add \"school\": { \"name\": \"Naam van de school\" }".into()),
            );
            return None;
        };
        let school: SchoolIn = self.typed(value, "school")?;
        let name = match school.name {
            Some(n) => self.text(&n, "school.name", MAX_SHORT_TEXT),
            None => {
                self.error(
                    "school.name",
                    "the school's name is missing",
                    Some("add \"name\": \"Naam van de school\" to \"school\"".into()),
                );
                None
            }
        };
        let place = school
            .place
            .and_then(|p| self.text(&p, "school.place", MAX_SHORT_TEXT));
        let sector = match school.sector.as_deref() {
            None => None,
            Some(s) => match s {
                "po" => Some(SchoolSector::Po),
                "vo" => Some(SchoolSector::Vo),
                "so" => Some(SchoolSector::So),
                "sbo" => Some(SchoolSector::Sbo),
                other => {
                    self.error(
                        "school.sector",
                        format!("unknown sector \"{}\"", other.escape_debug()),
                        Some("use one of \"po\", \"vo\", \"so\", \"sbo\"".into()),
                    );
                    None
                }
            },
        };
        Some(School {
            name: name?,
            place,
            sector,
        })
    }

    fn rings(&mut self, value: Option<&Value>) -> Vec<Ring> {
        let lang = self.lang();
        let defaults = || {
            DEFAULT_RINGS
                .iter()
                .map(|(id, nl, en)| Ring {
                    id: (*id).into(),
                    label: lang.pick(nl, en).into(),
                })
                .collect()
        };
        let Some(value) = value.filter(|v| !v.is_null()) else {
            return defaults();
        };
        let items = self.list::<RingIn>(Some(value), "rings", MAX_RINGS, "rings");
        if value.as_array().is_some_and(|a| a.is_empty()) {
            self.error(
                "rings",
                "needs at least one ring",
                Some("leave `rings` out to get the standard three rings".into()),
            );
        }
        let mut rings: Vec<Ring> = Vec::new();
        for (path, ring) in items {
            let id_path = format!("{path}.id");
            let Some(raw_id) = ring.id else {
                self.error(
                    &id_path,
                    "a ring needs an id",
                    Some("add \"id\": \"kernteam\"".into()),
                );
                continue;
            };
            let Some(id) = self.id(&raw_id, &id_path) else {
                continue;
            };
            if rings.iter().any(|r| r.id == id) {
                self.error(
                    &id_path,
                    format!("duplicate ring id \"{id}\""),
                    Some("give each ring its own id".into()),
                );
                continue;
            }
            let label = match ring.label {
                Some(l) => self.text(&l, &format!("{path}.label"), MAX_SHORT_TEXT),
                None => Some(id.clone()),
            };
            if let Some(label) = label {
                rings.push(Ring { id, label });
            }
        }
        if rings.is_empty() { defaults() } else { rings }
    }

    fn members(&mut self, value: Option<&Value>, rings: &[Ring]) -> Vec<Member> {
        let items = self.list::<MemberIn>(value, "members", MAX_MEMBERS, "members");
        // Explicit ids first, so generated ids never take one a later member claims.
        let mut taken: BTreeMap<String, String> = BTreeMap::new();
        let mut explicit: Vec<Option<String>> = Vec::new();
        for (path, m) in &items {
            let id = match &m.id {
                Some(raw) => {
                    let p = format!("{path}.id");
                    let id = self.id(raw, &p);
                    if let Some(id) = &id {
                        if let Some(first) = taken.get(id) {
                            let first = first.clone();
                            self.error(
                                &p,
                                format!("duplicate id \"{id}\": {first} has it too"),
                                Some("give each member its own id".into()),
                            );
                        } else {
                            taken.insert(id.clone(), path.clone());
                        }
                    }
                    id
                }
                None => None,
            };
            explicit.push(id);
        }
        let mut members = Vec::new();
        for ((path, m), explicit_id) in items.into_iter().zip(explicit) {
            if let Some(member) = self.member(&path, m, explicit_id, rings, &mut taken) {
                members.push(member);
            }
        }
        members
    }

    fn member(
        &mut self,
        path: &str,
        m: MemberIn,
        explicit_id: Option<String>,
        rings: &[Ring],
        taken: &mut BTreeMap<String, String>,
    ) -> Option<Member> {
        let lang = self.lang();
        let p = |field: &str| format!("{path}.{field}");
        let role_text = m
            .role
            .as_deref()
            .and_then(|r| self.text(r, &p("role"), MAX_SHORT_TEXT));
        let catalogue_role: Option<&Role> = role_text
            .as_deref()
            .and_then(|r| catalogue::role(r).or_else(|| catalogue::role(&r.to_lowercase())));
        if let (Some(text), None) = (&role_text, catalogue_role)
            && let Some(near) = nearest(text, catalogue::roles().iter().map(|r| r.id.as_str()))
        {
            self.warn(
                &p("role"),
                format!("\"{text}\" is not a built-in role, so it is drawn as written"),
                Some(format!(
                    "did you mean \"{near}\"? (`cirkel roles` lists them)"
                )),
            );
        }
        let name = m
            .name
            .as_deref()
            .and_then(|n| self.text(n, &p("name"), MAX_SHORT_TEXT));
        let anonymous = m.role.is_none() && m.name.is_none();
        if anonymous {
            self.error(
                path,
                "a member needs a `role` or a `name`",
                Some("add \"role\": \"cjg-coach\" (see `cirkel roles`) or a free text".into()),
            );
        }
        let role = match (catalogue_role, &role_text) {
            (Some(r), _) => r.label.get(lang).clone(),
            (None, Some(text)) => text.clone(),
            (None, None) => lang.pick("Lid", "Member").to_string(),
        };

        let id = match (explicit_id, &m.id) {
            (Some(id), _) => id,
            (None, Some(_)) => return None, // invalid id, already reported
            (None, None) => {
                let base = slug(role_text.as_deref().or(name.as_deref()).unwrap_or("lid"));
                let base = if base.is_empty() {
                    "lid".to_string()
                } else {
                    base
                };
                let base: String = base.chars().take(MAX_ID - 4).collect();
                let mut id = base.clone();
                let mut n = 2;
                while taken.contains_key(&id) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                taken.insert(id.clone(), path.to_string());
                id
            }
        };

        let ring = match &m.ring {
            Some(raw) => {
                let wanted: String = raw.nfc().collect();
                match rings.iter().position(|r| r.id == wanted) {
                    Some(i) => Some(i),
                    None => {
                        let ids: Vec<&str> = rings.iter().map(|r| r.id.as_str()).collect();
                        let help = match nearest(&wanted, ids.iter().copied()) {
                            Some(near) => format!(
                                "did you mean \"{near}\"? Known rings: {}",
                                quoted_list(ids.iter().copied(), 10)
                            ),
                            None => {
                                format!("known rings: {}", quoted_list(ids.iter().copied(), 10))
                            }
                        };
                        self.error(
                            &p("ring"),
                            format!("unknown ring \"{}\"", wanted.escape_debug()),
                            Some(help),
                        );
                        None
                    }
                }
            }
            None => {
                let level = catalogue_role.map_or(1, |r| r.ring);
                Some(level.min(rings.len().saturating_sub(1)))
            }
        };

        let domain = match &m.domain {
            Some(raw) => match Domain::from_key(raw) {
                Some(d) => Some(d),
                None => {
                    let keys = Domain::ALL.map(Domain::key);
                    let help = match nearest(raw, keys) {
                        Some(near) => format!(
                            "did you mean \"{near}\"? Known domains: {}",
                            quoted_list(keys, 10)
                        ),
                        None => format!("known domains: {}", quoted_list(keys, 10)),
                    };
                    self.error(
                        &p("domain"),
                        format!("unknown domain \"{}\"", raw.escape_debug()),
                        Some(help),
                    );
                    None
                }
            },
            None => Some(catalogue_role.map_or(Domain::Overig, |r| r.domain)),
        };

        let organisation = match &m.organisation {
            Some(o) => self.text(o, &p("organisation"), MAX_SHORT_TEXT),
            // School roles have no default organisation: the centre names the school.
            None => catalogue_role
                .map(|r| r.organisation.get(lang).clone())
                .filter(|o| !o.is_empty()),
        };

        let expertise = match &m.expertise {
            Some(items) if items.len() > MAX_EXPERTISE => {
                self.error(
                    &p("expertise"),
                    format!(
                        "too many expertise items ({} > {MAX_EXPERTISE})",
                        items.len()
                    ),
                    Some("keep the few that a colleague would come for".into()),
                );
                Vec::new()
            }
            Some(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, e)| {
                    self.text(e, &format!("{path}.expertise[{i}]"), MAX_SHORT_TEXT)
                })
                .collect(),
            None => catalogue_role
                .map(|r| r.expertise.get(lang).clone())
                .unwrap_or_default(),
        };

        let availability = m
            .availability
            .as_deref()
            .and_then(|a| self.text(a, &p("availability"), MAX_SHORT_TEXT));

        let tie = match m.tie.as_deref() {
            None => Tie::Normal,
            Some(raw) => {
                let known = ["strong", "normal", "tenuous", "stressful"];
                match raw {
                    "strong" => Tie::Strong,
                    "normal" => Tie::Normal,
                    "tenuous" => Tie::Tenuous,
                    "stressful" => Tie::Stressful,
                    other => {
                        let help = match nearest(other, known) {
                            Some(near) => format!("did you mean \"{near}\"?"),
                            None => format!("use one of {}", quoted_list(known, 4)),
                        };
                        self.error(
                            &p("tie"),
                            format!("unknown tie \"{}\"", other.escape_debug()),
                            Some(help),
                        );
                        Tie::Normal
                    }
                }
            }
        };

        let contact = self.contact(m.contact.unwrap_or_default(), &p("contact"));
        let photo = m
            .photo
            .as_deref()
            .and_then(|ph| self.photo(ph, &p("photo")));

        if anonymous {
            return None;
        }
        Some(Member {
            id,
            catalogue_role: catalogue_role.map(|r| r.id.clone()),
            role,
            name,
            organisation,
            ring: ring?,
            domain: domain?,
            expertise,
            availability,
            tie,
            contact,
            photo,
        })
    }

    fn contact(&mut self, c: ContactIn, path: &str) -> Contact {
        let email = c.email.and_then(|e| {
            let p = format!("{path}.email");
            let e = self.text(&e, &p, MAX_SHORT_TEXT)?;
            let e = e.strip_prefix("mailto:").unwrap_or(&e).to_string();
            if is_plausible_email(&e) {
                Some(e)
            } else {
                self.error(
                    &p,
                    format!("\"{}\" is not an e-mail address", e.escape_debug()),
                    Some("write it as naam@organisatie.nl".into()),
                );
                None
            }
        });
        let phone = c.phone.and_then(|t| {
            let p = format!("{path}.phone");
            let t = self.text(&t, &p, 40)?;
            let digits = t.chars().filter(char::is_ascii_digit).count();
            if digits >= 3
                && t.chars()
                    .all(|ch| ch.is_ascii_digit() || " +-().".contains(ch))
            {
                Some(t)
            } else {
                self.error(
                    &p,
                    format!("\"{}\" is not a telephone number", t.escape_debug()),
                    Some("use digits, spaces and + - ( ), like \"023 000 0000\"".into()),
                );
                None
            }
        });
        let website = c.website.and_then(|w| {
            let p = format!("{path}.website");
            // Check the raw text: control characters inside a link are a
            // known way to smuggle `java\tscript:` past filters.
            if w.chars().any(|ch| ch.is_control() || ch.is_whitespace()) {
                self.error(
                    &p,
                    "a link must not contain spaces or control characters",
                    Some("write it as https://www.example.nl".into()),
                );
                return None;
            }
            let w = self.text(&w, &p, MAX_SHORT_TEXT)?;
            if is_allowed_web_link(&w) {
                Some(w)
            } else {
                let shown: String = w.chars().take(60).collect();
                self.error(
                    &p,
                    format!(
                        "\"{}\" is not an allowed link: only http:// and https:// web addresses",
                        shown.escape_debug()
                    ),
                    Some("write it as https://www.example.nl".into()),
                );
                None
            }
        });
        Contact {
            email,
            phone,
            website,
        }
    }

    /// Checks a photo path: relative, inside the input's folder, an existing
    /// PNG or JPEG file within the size limit. Nothing else is read.
    fn photo(&mut self, raw: &str, path: &str) -> Option<PathBuf> {
        let help = Some(
            "give a path to a PNG or JPEG file next to the input file, like \"fotos/ib.jpg\""
                .to_string(),
        );
        if raw.contains("://") || raw.starts_with("data:") || raw.starts_with("file:") {
            self.error(path, "a photo must be a file path, not a link", help);
            return None;
        }
        let rel = Path::new(raw);
        let escapes = rel
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
        if raw.is_empty() || escapes || raw.starts_with('\\') || raw.contains(":\\") {
            self.error(
                path,
                format!(
                    "photo \"{}\" must be a relative path inside the input file's folder",
                    raw.escape_debug()
                ),
                help,
            );
            return None;
        }
        let base = self
            .options
            .base_dir
            .clone()
            .unwrap_or_else(|| PathBuf::from("."));
        let full = base.join(rel);
        let meta = match std::fs::metadata(&full) {
            Ok(m) => m,
            Err(_) => {
                self.error(
                    path,
                    format!("photo file not found: {}", full.display()),
                    help,
                );
                return None;
            }
        };
        if !meta.is_file() {
            self.error(
                path,
                format!("photo {} is not a file", full.display()),
                help,
            );
            return None;
        }
        if let (Ok(canon_base), Ok(canon_full)) = (base.canonicalize(), full.canonicalize())
            && !canon_full.starts_with(&canon_base)
        {
            self.error(
                path,
                format!(
                    "photo {} points outside the input file's folder",
                    full.display()
                ),
                help,
            );
            return None;
        }
        if meta.len() > MAX_PHOTO_BYTES {
            self.error(
                path,
                format!(
                    "photo is {}; the limit is {}",
                    human_bytes(meta.len()),
                    human_bytes(MAX_PHOTO_BYTES)
                ),
                Some("make it smaller: a portrait of 400 × 400 px is plenty".into()),
            );
            return None;
        }
        // The file is at most MAX_PHOTO_BYTES: read it once, check its kind
        // and its declared size before anything decodes it (a small file can
        // declare 50,000 × 50,000 pixels).
        let bytes = match std::fs::read(&full) {
            Ok(b) => b,
            Err(_) => {
                self.error(
                    path,
                    format!("photo {} cannot be read", full.display()),
                    help,
                );
                return None;
            }
        };
        let is_png = bytes.starts_with(b"\x89PNG\r\n\x1a\n");
        let is_jpeg = bytes.starts_with(&[0xFF, 0xD8, 0xFF]);
        if !(is_png || is_jpeg) {
            self.error(
                path,
                format!("photo {} is not a PNG or JPEG image", full.display()),
                help,
            );
            return None;
        }
        match imagesize::blob_size(&bytes) {
            Ok(size) if size.width > MAX_PHOTO_SIDE || size.height > MAX_PHOTO_SIDE => {
                self.error(
                    path,
                    format!(
                        "photo is {} × {} px; the limit is {MAX_PHOTO_SIDE} × {MAX_PHOTO_SIDE}",
                        size.width, size.height
                    ),
                    Some("make it smaller: a portrait of 400 × 400 px is plenty".into()),
                );
                return None;
            }
            Ok(size) if size.width == 0 || size.height == 0 => {
                self.error(
                    path,
                    format!("photo {} has no pixels", full.display()),
                    help,
                );
                return None;
            }
            Ok(_) => {}
            Err(_) => {
                self.error(
                    path,
                    format!(
                        "photo {} is damaged: its size cannot be read",
                        full.display()
                    ),
                    help,
                );
                return None;
            }
        }
        Some(full)
    }

    fn routes(&mut self, value: Option<&Value>, members: &[Member]) -> Vec<Route> {
        let items = self.list::<RouteIn>(value, "routes", MAX_ROUTES, "routes");
        let ids: Vec<&str> = members.iter().map(|m| m.id.as_str()).collect();
        let mut routes: Vec<Route> = Vec::new();
        for (i, (path, r)) in items.into_iter().enumerate() {
            let id = match &r.id {
                Some(raw) => self.id(raw, &format!("{path}.id")),
                None => Some(format!("route-{}", i + 1)),
            };
            if let Some(id) = &id
                && routes.iter().any(|x| &x.id == id)
            {
                self.error(
                    &format!("{path}.id"),
                    format!("duplicate route id \"{id}\""),
                    Some("give each route its own id".into()),
                );
            }
            let question = match &r.question {
                Some(q) => self.text(q, &format!("{path}.question"), MAX_LONG_TEXT),
                None => {
                    self.error(
                        &path,
                        "a route needs a `question`: the hulpvraag it answers",
                        Some("add \"question\": \"Verzuim en te laat komen\"".into()),
                    );
                    None
                }
            };
            let steps = self.member_refs(
                r.steps.as_deref().unwrap_or(&[]),
                &format!("{path}.steps"),
                &ids,
            );
            if r.steps.as_ref().is_none_or(|s| s.is_empty()) {
                self.error(
                    &path,
                    "a route needs at least one step in `steps`",
                    Some(format!(
                        "list member ids in order, e.g. \"steps\": [\"{}\"]",
                        ids.first().unwrap_or(&"ib")
                    )),
                );
            }
            let escalation = self.member_refs(
                r.escalation.as_deref().unwrap_or(&[]),
                &format!("{path}.escalation"),
                &ids,
            );
            let note = r
                .note
                .as_deref()
                .and_then(|n| self.text(n, &format!("{path}.note"), MAX_LONG_TEXT));
            if let (Some(id), Some(question)) = (id, question) {
                routes.push(Route {
                    id,
                    question,
                    steps,
                    escalation,
                    note,
                });
            }
        }
        routes
    }

    /// Warnings for routes that are valid but make little sense, and notes
    /// about members (no expertise; no route reaches them).
    fn route_sense(&mut self, routes: &[Route], members: &[Member]) {
        let label = |id: &str| {
            members
                .iter()
                .find(|m| m.id == id)
                .map_or_else(|| id.to_string(), |m| m.role.clone())
        };
        for (i, r) in routes.iter().enumerate() {
            let path = format!("routes[{i}]");
            for (j, step) in r.steps.iter().enumerate() {
                if let Some(first) = r.steps[..j].iter().position(|s| s == step) {
                    self.warn(
                        &format!("{path}.steps[{j}]"),
                        format!(
                            "\"{step}\" ({}) is already step {} of this route",
                            label(step),
                            first + 1
                        ),
                        Some("a route visits each member once; remove the repeated step".into()),
                    );
                }
            }
            for (j, e) in r.escalation.iter().enumerate() {
                if r.steps.contains(e) {
                    self.warn(
                        &format!("{path}.escalation[{j}]"),
                        format!(
                            "\"{e}\" ({}) is both a step and an escalation of this route",
                            label(e)
                        ),
                        Some("escalation is where a case goes when the steps are not enough; keep the member in one of the two lists".into()),
                    );
                } else if let Some(first) = r.escalation[..j].iter().position(|x| x == e) {
                    self.warn(
                        &format!("{path}.escalation[{j}]"),
                        format!("\"{e}\" is already escalation {} of this route", first + 1),
                        Some("remove the repeated member".into()),
                    );
                }
            }
            let in_kernteam = r.steps.iter().chain(&r.escalation).any(|id| {
                members.iter().any(|m| {
                    m.id == *id
                        && m.catalogue_role
                            .as_deref()
                            .is_some_and(|c| catalogue::FIXED_KERNTEAM.contains(&c))
                })
            });
            if !r.steps.is_empty() && !in_kernteam {
                self.warn(
                    &format!("{path}.steps"),
                    format!(
                        "route \"{}\" reaches no kernteam member (intern begeleider, directeur, CJG-coach, jeugdarts, JGZ-verpleegkundige, leerplichtambtenaar or onderwijsconsulent)",
                        r.id
                    ),
                    Some("a hulpvraag usually starts with the intern begeleider; add the kernteam member who takes it up".into()),
                );
            }
        }
        for (i, m) in members.iter().enumerate() {
            if m.expertise.is_empty() {
                self.push(
                    Diagnostic::note(
                        format!("members[{i}]"),
                        format!("\"{}\" ({}) lists no expertise", m.id, m.role),
                    )
                    .with_help(
                        "add \"expertise\": [...] so the school knows what to ask this member",
                    ),
                );
            }
            if !routes.is_empty()
                && !routes
                    .iter()
                    .any(|r| r.steps.contains(&m.id) || r.escalation.contains(&m.id))
            {
                self.push(
                    Diagnostic::note(
                        format!("members[{i}]"),
                        format!("no route reaches \"{}\" ({})", m.id, m.role),
                    )
                    .with_help("fine for a member on call; otherwise add them to the route of the hulpvraag they take up"),
                );
            }
        }
    }

    fn member_refs(&mut self, refs: &[String], path: &str, ids: &[&str]) -> Vec<String> {
        if refs.len() > MAX_ROUTE_STEPS {
            self.error(
                path,
                format!("too many steps ({} > {MAX_ROUTE_STEPS})", refs.len()),
                None,
            );
            return Vec::new();
        }
        let mut out = Vec::new();
        for (i, raw) in refs.iter().enumerate() {
            let id: String = raw.nfc().collect();
            if ids.contains(&id.as_str()) {
                out.push(id);
            } else {
                let help = match nearest(&id, ids.iter().copied()) {
                    Some(near) => format!(
                        "did you mean \"{near}\"? Known member ids: {}",
                        quoted_list(ids.iter().copied(), 12)
                    ),
                    None if ids.is_empty() => {
                        "there are no members yet; add them under \"members\"".to_string()
                    }
                    None => format!("known member ids: {}", quoted_list(ids.iter().copied(), 12)),
                };
                let shown: String = id.chars().take(40).collect();
                self.error(
                    &child_index(path, i),
                    format!("unknown member \"{}\"", shown.escape_debug()),
                    Some(help),
                );
            }
        }
        out
    }

    fn meetings(&mut self, value: Option<&Value>) -> Vec<Meeting> {
        let items = self.list::<MeetingIn>(value, "meetings", MAX_MEETINGS, "meetings");
        let mut out = Vec::new();
        for (path, m) in items {
            let mut field = |v: &Option<String>, name: &str, limit| match v {
                Some(t) => self.text(t, &format!("{path}.{name}"), limit),
                None => {
                    self.error(
                        &path,
                        format!("a meeting needs `{name}`"),
                        Some(
                            "write e.g. { \"when\": \"oktober\", \"purpose\": \"Kennismaken\" }"
                                .into(),
                        ),
                    );
                    None
                }
            };
            let when = field(&m.when, "when", MAX_SHORT_TEXT);
            let purpose = field(&m.purpose, "purpose", MAX_LONG_TEXT);
            if let (Some(when), Some(purpose)) = (when, purpose) {
                out.push(Meeting { when, purpose });
            }
        }
        out
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

/// True for an `http:` or `https:` link with a host and nothing that could
/// break out of an attribute.
pub fn is_allowed_web_link(link: &str) -> bool {
    let lower = link.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    let Some(rest) = rest else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || ".-:[]".contains(c))
        && !link
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || "<>\"'`\\".contains(c))
}

fn is_plausible_email(e: &str) -> bool {
    let mut parts = e.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !e
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || "<>\"'`\\,;:()[]".contains(c))
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

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Array(_) => "a list [ … ]",
        Value::Object(_) => "an object { … }",
    }
}

/// Rewrites serde's "invalid type: integer `42`, expected a string".
fn type_message(raw: &str) -> (String, Option<String>) {
    if let Some(rest) = raw.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        let found = found
            .replace("integer ", "")
            .replace("floating point ", "")
            .replace("string ", "")
            .replace('`', "");
        let expected = match expected {
            "a string" => "a text in double quotes",
            "a sequence" => "a list [ … ]",
            "a boolean" => "true or false",
            e if e.starts_with("struct") => "an object { … }",
            e => e,
        };
        let help = (expected == "a text in double quotes")
            .then(|| "put the value in double quotes".to_string());
        return (format!("expected {expected}, found {found}"), help);
    }
    (raw.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(s: &str) -> Result<Parsed, Diagnostics> {
        parse(s.as_bytes(), &ParseOptions::default())
    }

    fn errors(s: &str) -> String {
        match parse_str(s) {
            Ok(_) => panic!("expected errors for {s}"),
            Err(d) => d.to_string(),
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
        .unwrap_err();
        assert!(
            e.to_string()
                .contains("not valid UTF-8 at line 1, column 25 (byte 0xE9)"),
            "{e}"
        );
        let e = parse(b"\xFF\xFE{\0", &ParseOptions::default()).unwrap_err();
        assert!(e.to_string().contains("UTF-16"));
    }

    #[test]
    fn syntax_problems_are_explained() {
        assert!(errors("{\"school\": {\"name\": \"b").contains("unexpected end of file"));
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
