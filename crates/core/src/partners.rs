//! The partner list of a samenwerkingsverband (docs/CONTRACTS.md "Partner
//! list"): the people who serve many schools (a CJG-coach of a
//! neighbourhood team, a district's leerplichtambtenaar), each said once,
//! so that a new phone number is one edit for all their schools.
//!
//! A list is `{"version": 1, "partners": [ {"id": …, "role": …, …} ]}`: each
//! partner has an id and the fields of a person (role, name,
//! organisation, contact, availability, expertise, photo), never the
//! school's own (ring, domain, tie). A school's member refers to one with
//! `"partner": "ID"` and takes every field it does not give itself
//! ([`crate::parse`]).
//!
//! A list is checked as thoroughly as a school's members are (it is read
//! as members by the same validation, its problems placed at the list's
//! own lines and named in its file), plus what only a list can get wrong:
//! a partner without an id, a key that is the school's.

use std::sync::Arc;

use serde_json::{Map, Value, json};

use crate::diagnostic::{Diagnostic, Diagnostics, nearest};
use crate::limits::MAX_PARTNERS;
use crate::messages::Message;
use crate::model::Member;
use crate::msg;
use crate::parse::{ParseOptions, decode_text, parse_document, syntax_error};
use crate::resources::{ResourceError, Resources, relative_components};
use crate::spans::{Spans, child_index, child_key};

/// Keys allowed at the top of a partner list.
pub const KNOWN_PARTNERS_ROOT: &[&str] = &["$schema", "version", "partners"];
/// Keys allowed in `partners[]`: the fields of a person.
pub const KNOWN_PARTNER: &[&str] = &[
    "id",
    "role",
    "name",
    "organisation",
    "contact",
    "availability",
    "expertise",
    "photo",
];
/// A member's keys that are the school's own, never a partner's.
const SCHOOLS_OWN: &[&str] = &["ring", "domain", "tie", "partner"];

/// A partner list, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerList {
    /// The file it was read from, as its problems name it.
    pub file: String,
    /// The partners, in the list's order.
    pub partners: Vec<Partner>,
    /// The list has errors (reported where it was read): members that
    /// refer to it are not reported a second time.
    pub unreadable: bool,
}

impl PartnerList {
    /// A list that could not be read (its errors reported): references to
    /// it are taken as they are, without a second error.
    pub fn unreadable(file: &str) -> PartnerList {
        PartnerList {
            file: file.to_string(),
            partners: Vec::new(),
            unreadable: true,
        }
    }
}

/// One partner of a list.
#[derive(Debug, Clone, PartialEq)]
pub struct Partner {
    /// How schools refer to them.
    pub id: String,
    /// Their fields as the list writes them (checked): what a member that
    /// refers to them takes where it says nothing itself.
    pub fields: Map<String, Value>,
    /// The partner as a member (role from the catalogue, name, contact),
    /// with the photo read from beside the list.
    pub member: Member,
}

impl PartnerList {
    /// The partner with this id.
    pub fn get(&self, id: &str) -> Option<&Partner> {
        self.partners.iter().find(|p| p.id == id)
    }

    /// The list as its file writes it (each partner's fields as written).
    pub fn document(&self) -> Value {
        let partners: Vec<Value> = self
            .partners
            .iter()
            .map(|p| Value::Object(p.fields.clone()))
            .collect();
        json!({ "version": 1, "partners": partners })
    }
}

/// Reads and checks a partner list (`file` names it in its problems;
/// photos are read through `files`, relative to the list's folder). The
/// list and its warnings, or every problem found.
pub fn parse_partners(
    bytes: &[u8],
    file: &str,
    options: &ParseOptions,
    files: &dyn Resources,
) -> Result<(PartnerList, Diagnostics), Diagnostics> {
    let named = |d: Diagnostic| d.in_file(file).in_lang(options.lang);
    let text = decode_text(bytes).map_err(|d| Diagnostics(vec![named(d)]))?;
    let value: Value =
        serde_json::from_str(text).map_err(|e| Diagnostics(vec![named(syntax_error(text, &e))]))?;
    parse_partners_document(value, Spans::scan(text), file, Some(file), options, files)
}

/// Checks a partner list that is already a JSON value with its positions
/// (a workbook's `Partners` sheet, its cells in `spans`). `file` is how
/// references name the list ("geen partner X in …"); `in_file`, when
/// given, the file its problems are said in (a workbook's problems are
/// placed at their cells).
pub fn parse_partners_document(
    value: Value,
    mut spans: Spans,
    file: &str,
    in_file: Option<&str>,
    options: &ParseOptions,
    files: &dyn Resources,
) -> Result<(PartnerList, Diagnostics), Diagnostics> {
    let lang = options.lang;
    let named = |d: Diagnostic| match in_file {
        Some(f) => d.in_file(f).in_lang(lang),
        None => d.in_lang(lang),
    };
    let mut found = Vec::new();
    let mut say = |spans: &Spans, path: &str, message: Message, help: Option<Message>| {
        let mut d = Diagnostic::error(path, message);
        d.help = help;
        found.push(named(spans.place(d)));
    };
    for (path, first, _) in std::mem::take(&mut spans.duplicates) {
        let key = path.rsplit(['.', '[']).next().unwrap_or(&path).to_string();
        let line = first.line;
        let column = first.column;
        say(
            &spans,
            &path,
            msg!(
                "parse.duplicate-key",
                key = key,
                line = line,
                column = column
            ),
            Some(msg!("parse.duplicate-key.help")),
        );
    }
    let Some(items) = partner_items(&value, &spans, &mut say) else {
        return Err(Diagnostics(found));
    };
    // Each partner as a member of a school, for the same checks.
    let written = people(items, &spans, &mut say);
    let members: Vec<Value> = written.iter().cloned().map(Value::Object).collect();
    // On to the member checks even after a mistake above: every problem
    // at once.
    spans.alias("partners", "members");
    let document = json!({ "school": { "name": "-" }, "members": members });
    let as_members = |d: Diagnostics| -> Vec<Diagnostic> {
        d.0.into_iter()
            // What concerns a school (routes, rings) is none of the list's.
            .filter(|d| {
                d.path.starts_with("members[")
                    && !["parse.no-route", "parse.duplicate-id"].contains(&d.message.id())
            })
            .map(|mut d| {
                d.path = format!("partners{}", &d.path["members".len()..]);
                named(d)
            })
            .collect()
    };
    let list_options = ParseOptions {
        partners: None,
        ..options.clone()
    };
    match parse_document(document, spans, &list_options, files) {
        Ok(_) if !found.is_empty() => Err(Diagnostics(found)),
        Ok(parsed) => {
            let partners = parsed
                .kernteam
                .members
                .into_iter()
                .zip(written)
                .map(|(member, fields)| Partner {
                    id: member.id.clone(),
                    fields,
                    member,
                })
                .collect();
            let list = PartnerList {
                file: file.to_string(),
                partners,
                unreadable: false,
            };
            Ok((list, Diagnostics(as_members(parsed.warnings))))
        }
        Err(d) => {
            found.extend(as_members(d));
            found.sort_by_key(|d| (d.line, d.column));
            Err(Diagnostics(found))
        }
    }
}

/// The files of a list in a subfolder of the school's: its photos are
/// relative to the list.
struct Beside<'a> {
    files: &'a dyn Resources,
    folder: String,
}

impl Resources for Beside<'_> {
    fn read(&self, name: &str, limit: u64) -> Result<Vec<u8>, ResourceError> {
        relative_components(name)?;
        let full = if self.folder.is_empty() {
            name.to_string()
        } else {
            format!("{}/{name}", self.folder)
        };
        self.files.read(&full, limit)
    }
}

/// The list a school file names (`"partners": "FILE"`), read through the
/// school's files (a relative path inside its folder, as photos are);
/// its photos relative to it.
pub(crate) fn read_named_list(
    name: &str,
    options: &ParseOptions,
    files: &dyn Resources,
) -> Result<(Arc<PartnerList>, Diagnostics), ListError> {
    let parts = relative_components(name).map_err(ListError::Resource)?;
    let bytes = files
        .read(name, crate::limits::MAX_INPUT_BYTES as u64)
        .map_err(ListError::Resource)?;
    let folder = parts[..parts.len().saturating_sub(1)].join("/");
    let beside = Beside { files, folder };
    parse_partners(&bytes, name, options, &beside)
        .map(|(list, warnings)| (Arc::new(list), warnings))
        .map_err(ListError::Problems)
}

/// Why a school's named list was not read.
pub(crate) enum ListError {
    /// The file could not be had (outside the folder, missing, too large).
    Resource(ResourceError),
    /// The list has problems (each named in its file).
    Problems(Diagnostics),
}

/// How the checks of a list say a problem: at a path, with its help.
type Say<'s> = dyn FnMut(&Spans, &str, Message, Option<Message>) + 's;

/// The list's top: an object of known keys, version 1, and `partners` a
/// list within the limit; its items, or `None` when there is nothing to
/// read on (reported).
fn partner_items<'v>(value: &'v Value, spans: &Spans, say: &mut Say<'_>) -> Option<&'v Vec<Value>> {
    let Value::Object(root) = value else {
        say(
            spans,
            "",
            msg!("partners.top"),
            Some(msg!("partners.top.help")),
        );
        return None;
    };
    for key in root
        .keys()
        .filter(|k| !KNOWN_PARTNERS_ROOT.contains(&k.as_str()))
    {
        let help = nearest(key, KNOWN_PARTNERS_ROOT.iter().copied())
            .map(|near| msg!("parse.unknown-key.near", key = near));
        say(spans, key, msg!("parse.unknown-key", key = key), help);
    }
    if let Some(v) = root.get("version")
        && v.as_u64() != Some(1)
    {
        say(
            spans,
            "version",
            msg!("parse.version", version = v),
            Some(msg!("parse.version.help")),
        );
    }
    match root.get("partners") {
        Some(Value::Array(items)) if items.len() <= MAX_PARTNERS => Some(items),
        Some(Value::Array(items)) => {
            say(
                spans,
                "partners",
                msg!("partners.too-many", n = items.len(), max = MAX_PARTNERS),
                None,
            );
            None
        }
        _ => {
            say(
                spans,
                "partners",
                msg!("partners.top"),
                Some(msg!("partners.top.help")),
            );
            None
        }
    }
}

/// Each partner's own fields (what the list may say of a person), with
/// the partners' structural problems reported: not an object, a key that
/// is the school's or unknown, no id, an id twice.
fn people(items: &[Value], spans: &Spans, say: &mut Say<'_>) -> Vec<Map<String, Value>> {
    let mut written = Vec::new();
    let mut seen: Vec<(String, String)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = child_index("partners", i);
        let Value::Object(obj) = item else {
            say(
                spans,
                &path,
                msg!("partners.not-a-person"),
                Some(msg!("partners.top.help")),
            );
            continue;
        };
        let mut person = Map::new();
        for (key, v) in obj {
            let at = child_key(&path, key);
            if SCHOOLS_OWN.contains(&key.as_str()) {
                say(
                    spans,
                    &at,
                    msg!("partners.schools-own", key = key),
                    Some(msg!("partners.schools-own.help")),
                );
            } else if !KNOWN_PARTNER.contains(&key.as_str()) {
                let help = nearest(key, KNOWN_PARTNER.iter().copied())
                    .map(|near| msg!("parse.unknown-key.near", key = near));
                say(spans, &at, msg!("parse.unknown-key", key = key), help);
            } else {
                person.insert(key.clone(), v.clone());
            }
        }
        match person.get("id").and_then(Value::as_str) {
            None => say(
                spans,
                &path,
                msg!("partners.no-id"),
                Some(msg!("partners.no-id.help")),
            ),
            Some(id) => match seen.iter().find(|(seen_id, _)| seen_id == id) {
                Some((_, first)) => {
                    let first = first.clone();
                    say(
                        spans,
                        &child_key(&path, "id"),
                        msg!("parse.duplicate-id", id = id, first = first),
                        Some(msg!("partners.duplicate-id.help")),
                    );
                }
                None => seen.push((id.to_string(), path.clone())),
            },
        }
        written.push(person);
    }
    written
}
