//! Members: ids, roles from the catalogue, rings, domains, expertise, ties.

use std::collections::BTreeMap;

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use super::Validator;
use super::fields::Item;
use super::fields::ListOf;
use super::text::slug;
use crate::catalogue::{self, Role};
use crate::diagnostic::{nearest, quoted_list};
use crate::input::ContactIn;
use crate::limits::*;
use crate::messages::Message;
use crate::model::*;
use crate::msg;
use crate::partners::{Partner, PartnerList};

impl Validator<'_> {
    /// Every member, with its path. A member with a mistake is kept (with
    /// stand-ins for what was wrong, never drawn: the mistake is an error),
    /// so the rest of validation still knows its id and one mistake is one
    /// message.
    pub(super) fn members(
        &mut self,
        value: Option<&Value>,
        rings: &[Ring],
    ) -> Vec<(String, Member)> {
        let Some(items) = self.items(value, "members", MAX_MEMBERS, msg!("what.members")) else {
            // Reported; references to members can no longer be checked.
            self.members_unusable = true;
            return Vec::new();
        };
        // A member that refers to a partner takes what it does not say itself.
        let list = self.partners.clone();
        let merged: Vec<(String, Value, Option<&Partner>)> = items
            .into_iter()
            .map(|(path, item)| {
                let (value, partner) = self.with_partner(item, &path, list.as_deref());
                (path, value, partner)
            })
            .collect();
        let mut partners = Vec::new();
        let inputs: Vec<(String, MemberFields)> = merged
            .iter()
            .filter_map(|(path, item, partner)| {
                let m = self.member_in(item, path)?;
                partners.push(*partner);
                Some((path.clone(), m))
            })
            .collect();
        // Explicit ids first, so generated ids never take one a later member claims.
        let mut taken: BTreeMap<String, String> = BTreeMap::new();
        let mut explicit: Vec<Option<String>> = Vec::new();
        for (path, m) in &inputs {
            let id = m.id.as_deref().map(|raw| {
                let p = format!("{path}.id");
                match self.id(raw, &p) {
                    Some(id) => {
                        if let Some(first) = taken.get(&id) {
                            let first = first.clone();
                            self.error(
                                &p,
                                msg!("parse.duplicate-id", id = &id, first = first),
                                Some(msg!("parse.duplicate-id.help")),
                            );
                        } else {
                            taken.insert(id.clone(), path.clone());
                        }
                        id
                    }
                    None => {
                        // Reported; routes naming it as written (or as
                        // its fix) are not wrong a second time.
                        let written: String = raw.nfc().collect();
                        self.known_refs.push(slug(&written));
                        self.known_refs.push(written.clone());
                        written
                    }
                }
            });
            explicit.push(id);
        }
        let members: Vec<(String, Member)> = inputs
            .into_iter()
            .zip(explicit)
            .zip(partners)
            .map(|(((path, m), id), partner)| {
                let own_photo = m.photo.is_some();
                let mut member = self.member(&path, m, id, rings, &mut taken);
                if let Some(p) = partner {
                    member.partner = Some(p.id.clone());
                    if !own_photo && member.domain != Domain::Ouders {
                        member.photo = p.member.photo.clone();
                    }
                }
                (path, member)
            })
            .collect();
        self.twice(&members);
        members
    }

    /// A person entered twice (the same role and the same name, however
    /// written) is a warning at the second.
    fn twice(&mut self, members: &[(String, Member)]) {
        let key = |m: &Member| {
            let name = m
                .name
                .as_deref()
                .map(catalogue::role_key)
                .filter(|n| !n.is_empty())?;
            let role = m
                .catalogue_role
                .clone()
                .unwrap_or_else(|| catalogue::role_key(&m.role));
            Some((role, name))
        };
        let mut seen: BTreeMap<(String, String), &str> = BTreeMap::new();
        for (path, m) in members {
            let Some(k) = key(m) else { continue };
            if let Some(first) = seen.get(&k) {
                let who = format!("{} ({})", m.name.as_deref().unwrap_or_default(), m.role);
                self.warn(
                    path,
                    msg!("parse.member-twice", who = who, first = *first),
                    Some(msg!("parse.member-twice.help")),
                );
            } else {
                seen.insert(k, path);
            }
        }
    }

    /// The fields of one member, each read on its own. A bare text is taken
    /// as the member's role, with a warning.
    fn member_in(&mut self, item: &Value, path: &str) -> Option<MemberFields> {
        let obj = match item {
            Value::Object(obj) => obj,
            Value::String(s) => {
                let role = Value::from(s.as_str()).to_string();
                self.warn(
                    path,
                    msg!("parse.member-as-text", role = &role),
                    Some(msg!("parse.member-as-text.help", role = &role)),
                );
                return Some(MemberFields {
                    role: Some(s.clone()),
                    ..MemberFields::default()
                });
            }
            other => {
                self.error(
                    path,
                    Message::new("parse.not-a-member").arg_msg("found", super::kind(other)),
                    Some(msg!("parse.not-a-member.help")),
                );
                return None;
            }
        };
        Some(MemberFields {
            id: self.field(obj, path, "id"),
            role: self.field(obj, path, "role"),
            name: self.field(obj, path, "name"),
            organisation: self.field(obj, path, "organisation"),
            ring: self.field(obj, path, "ring"),
            domain: self.field(obj, path, "domain"),
            expertise: self.text_list(obj, path, "expertise", ListOf::Texts),
            availability: self.field(obj, path, "availability"),
            tie: self.field(obj, path, "tie"),
            contact: self.field(obj, path, "contact"),
            photo: self.field(obj, path, "photo"),
        })
    }

    fn member(
        &mut self,
        path: &str,
        m: MemberFields,
        explicit_id: Option<String>,
        rings: &[Ring],
        taken: &mut BTreeMap<String, String>,
    ) -> Member {
        let lang = self.lang();
        let p = |field: &str| format!("{path}.{field}");
        let (role_text, catalogue_role) = self.member_role(m.role.as_deref(), &p("role"));
        let name = m
            .name
            .as_deref()
            .and_then(|n| self.text(n, &p("name"), MAX_SHORT_TEXT));
        if m.role.is_none() && m.name.is_none() {
            self.error(
                path,
                msg!("parse.member-needs-role"),
                Some(msg!("parse.member-needs-role.help")),
            );
        }
        let role = match (catalogue_role, &role_text) {
            // Another word for the role stays as the school writes it.
            (Some(r), Some(text)) if r.is_alias(text) => text.clone(),
            (Some(r), _) => r.label.get(lang).clone(),
            (None, Some(text)) => text.clone(),
            (None, None) => lang.pick("Lid", "Member").to_string(),
        };
        let id = explicit_id
            .unwrap_or_else(|| generated_id(role_text.as_deref().or(name.as_deref()), path, taken));
        // Stand-ins after an error (reported) keep the member known.
        let ring = self
            .member_ring(m.ring.as_deref(), catalogue_role, rings, &p("ring"))
            .unwrap_or(0);
        let domain = self
            .member_domain(m.domain.as_deref(), catalogue_role, &p("domain"))
            .unwrap_or(Domain::Overig);
        let parents =
            domain == Domain::Ouders || catalogue_role.is_some_and(|r| r.domain == Domain::Ouders);
        if parents {
            self.parents_are_no_person(&m, path);
        }
        let organisation = match &m.organisation {
            Some(o) => self.text(o, &p("organisation"), MAX_SHORT_TEXT),
            // School roles have no default organisation: the centre names the school.
            None => catalogue_role
                .map(|r| r.organisation.get(lang).clone())
                .filter(|o| !o.is_empty()),
        };
        let expertise = self.member_expertise(m.expertise.as_deref(), catalogue_role, path);
        let availability = match m.availability.as_deref() {
            Some(a) => self.text(a, &p("availability"), MAX_SHORT_TEXT),
            None => catalogue_role
                .and_then(|r| r.availability.as_ref())
                .map(|a| a.get(lang).clone()),
        };
        let tie = self.member_tie(m.tie.as_deref(), &p("tie"));
        // Parents' contact and photo are refused above, not read.
        let (contact, photo) = if parents {
            (Contact::default(), None)
        } else {
            let mut contact = self.contact(m.contact.unwrap_or_default(), &p("contact"));
            if contact.phone.is_none() {
                contact.phone = catalogue_role.and_then(|r| r.phone.clone());
            }
            let photo = m
                .photo
                .as_deref()
                .and_then(|ph| self.photo(ph, &p("photo")));
            (contact, photo)
        };
        Member {
            id,
            catalogue_role: catalogue_role.map(|r| r.id.clone()),
            role,
            name,
            organisation,
            ring,
            domain,
            expertise,
            availability,
            tie,
            contact,
            partner: None,
            photo,
        }
    }

    /// `item` with what its partner says where it says nothing itself (the
    /// contact field by field; the photo is taken after, read from beside
    /// the list), and the partner; the reference is checked: a list must
    /// be given, the id must be in it.
    fn with_partner<'l>(
        &mut self,
        item: &Value,
        path: &str,
        list: Option<&'l PartnerList>,
    ) -> (Value, Option<&'l Partner>) {
        let Some(reference) = item.as_object().and_then(|o| o.get("partner")) else {
            return (item.clone(), None);
        };
        let mut own = item.as_object().cloned().unwrap_or_default();
        own.remove("partner");
        // Should the reference fail (reported), the member stands in by
        // it, so that routes naming it and a missing role are not a second
        // and third error for the one mistake.
        let mut stand_in = own.clone();
        if let Some(id) = reference.as_str() {
            for key in ["id", "role"] {
                if !own.contains_key(key) && !own.contains_key("name") || key == "id" {
                    stand_in.entry(key).or_insert_with(|| Value::from(id));
                }
            }
        }
        let at = format!("{path}.partner");
        let Some(id) = reference.as_str() else {
            self.error(
                &at,
                Message::new("parse.partner-not-text").arg_msg("found", super::kind(reference)),
                Some(msg!("parse.partner.help")),
            );
            return (Value::Object(own), None);
        };
        let Some(list) = list else {
            self.error(
                &at,
                msg!("parse.partner-no-list", id = id),
                Some(msg!("parse.partner-no-list.help")),
            );
            return (Value::Object(stand_in), None);
        };
        if list.unreadable {
            return (Value::Object(stand_in), None);
        }
        let Some(partner) = list.get(id) else {
            let near = nearest(id, list.partners.iter().map(|p| p.id.as_str()));
            // Routes naming the partner meant are not wrong a second time.
            self.known_refs.extend(near.map(str::to_string));
            let help = match near {
                Some(near) => msg!("parse.unknown-partner.near", id = near),
                None => msg!("parse.unknown-partner.help", file = &list.file),
            };
            self.error(
                &at,
                msg!("parse.unknown-partner", id = id, file = &list.file),
                Some(help),
            );
            return (Value::Object(stand_in), None);
        };
        for (key, value) in &partner.fields {
            match (key.as_str(), own.get_mut(key)) {
                ("photo", _) => {}
                ("contact", Some(Value::Object(mine))) => {
                    if let Value::Object(theirs) = value {
                        for (k, v) in theirs {
                            mine.entry(k.clone()).or_insert_with(|| v.clone());
                        }
                    }
                }
                (_, Some(_)) => {}
                (_, None) => {
                    own.insert(key.clone(), value.clone());
                }
            }
        }
        (Value::Object(own), Some(partner))
    }

    /// Parents are a role a route passes, never a person's data: the circle
    /// is shared (a report, a newsletter).
    fn parents_are_no_person(&mut self, m: &MemberFields, path: &str) {
        let personal = [
            ("name", m.name.is_some(), msg!("parents.name")),
            (
                "contact",
                m.contact
                    .as_ref()
                    .is_some_and(|c| c.email.is_some() || c.phone.is_some() || c.website.is_some()),
                msg!("parents.contact"),
            ),
            ("photo", m.photo.is_some(), msg!("parents.photo")),
        ];
        for (key, present, what) in personal {
            if present {
                self.error(
                    &format!("{path}.{key}"),
                    Message::new("parse.parents-no-person").arg_msg("what", what),
                    Some(msg!("parse.parents-no-person.help", key = key)),
                );
            }
        }
    }

    /// The role as written (cleaned) and the catalogue role it names, if
    /// any: its id, short name, a label or an alias, written with any case,
    /// spaces, hyphens or accents.
    fn member_role(
        &mut self,
        raw: Option<&str>,
        path: &str,
    ) -> (Option<String>, Option<&'static Role>) {
        let role_text = raw.and_then(|r| self.text(r, path, MAX_SHORT_TEXT));
        let catalogue_role = role_text.as_deref().and_then(catalogue::find_role);
        if let (Some(text), None) = (&role_text, catalogue_role)
            && let Some(near) = catalogue::close_role(text)
        {
            self.warn(
                path,
                msg!("parse.custom-role", role = text),
                Some(msg!(
                    "parse.custom-role.help",
                    id = &near.id,
                    label = near.label.get(self.lang())
                )),
            );
        }
        (role_text, catalogue_role)
    }

    /// The ring index: as given (its id, or its id or label written with
    /// other case, spaces or accents), or the catalogue role's default ring
    /// (kept within the rings there are).
    fn member_ring(
        &mut self,
        raw: Option<&str>,
        role: Option<&Role>,
        rings: &[Ring],
        path: &str,
    ) -> Option<usize> {
        let Some(raw) = raw else {
            let level = role.map_or(1, |r| r.ring);
            return Some(level.min(rings.len().saturating_sub(1)));
        };
        let wanted: String = raw.nfc().collect();
        if let Some(i) = rings.iter().position(|r| r.id == wanted) {
            return Some(i);
        }
        let key = catalogue::role_key(&wanted);
        let same = |t: &str| !key.is_empty() && catalogue::role_key(t) == key;
        if let Some(i) = rings
            .iter()
            .position(|r| same(&r.id))
            .or_else(|| rings.iter().position(|r| same(&r.label)))
        {
            return Some(i);
        }
        if self.rings_unusable {
            // The rings themselves are wrong (reported); this is no new mistake.
            return None;
        }
        let ids: Vec<&str> = rings.iter().map(|r| r.id.as_str()).collect();
        let known = quoted_list(ids.iter().copied(), 10);
        let help = match nearest(&wanted, ids.iter().copied()) {
            Some(near) => msg!("parse.unknown-ring.near", near = near, known = known),
            None => msg!("parse.unknown-ring.known", known = known),
        };
        self.error(
            path,
            msg!("parse.unknown-ring", ring = wanted.escape_debug()),
            Some(help),
        );
        None
    }

    /// The domain: as given (its key or its name in the legend, in any
    /// case), or the catalogue role's, or `overig`.
    fn member_domain(
        &mut self,
        raw: Option<&str>,
        role: Option<&Role>,
        path: &str,
    ) -> Option<Domain> {
        let Some(raw) = raw else {
            return Some(role.map_or(Domain::Overig, |r| r.domain));
        };
        if let Some(d) = Domain::from_key(raw) {
            return Some(d);
        }
        let key = catalogue::role_key(raw);
        let found = Domain::ALL.into_iter().find(|d| {
            [d.key(), d.label(Lang::Nl), d.label(Lang::En)]
                .iter()
                .any(|n| catalogue::role_key(n) == key)
        });
        let found = found.or(match key.as_str() {
            "swv" => Some(Domain::Samenwerkingsverband),
            "ouder" | "parents" => Some(Domain::Ouders),
            _ => None,
        });
        if found.is_some() {
            return found;
        }
        let keys = Domain::ALL.map(Domain::key);
        let known = quoted_list(keys, 10);
        let help = match nearest(raw, keys) {
            Some(near) => msg!("parse.unknown-domain.near", near = near, known = known),
            None => msg!("parse.unknown-domain.known", known = known),
        };
        self.error(
            path,
            msg!("parse.unknown-domain", domain = raw.escape_debug()),
            Some(help),
        );
        None
    }

    /// The expertise: as given (each item cleaned), or the catalogue role's.
    fn member_expertise(
        &mut self,
        items: Option<&[Item]>,
        role: Option<&Role>,
        path: &str,
    ) -> Vec<String> {
        let lang = self.lang();
        match items {
            Some(items) if items.len() > MAX_EXPERTISE => {
                self.error(
                    &format!("{path}.expertise"),
                    msg!(
                        "parse.too-much-expertise",
                        n = items.len(),
                        max = MAX_EXPERTISE
                    ),
                    Some(msg!("parse.too-much-expertise.help")),
                );
                Vec::new()
            }
            Some(items) => items
                .iter()
                .filter_map(|(p, e)| self.text(e, p, MAX_SHORT_TEXT))
                .collect(),
            None => role
                .map(|r| r.expertise.get(lang).clone())
                .unwrap_or_default(),
        }
    }

    /// The tie, in the ecomap notation (default `normal`). The Dutch words
    /// for them are read with a warning.
    fn member_tie(&mut self, raw: Option<&str>, path: &str) -> Tie {
        let known = ["strong", "normal", "tenuous", "stressful"];
        let Some(raw) = raw else {
            return Tie::Normal;
        };
        let tie = |key: &str| match key {
            "strong" => Some(Tie::Strong),
            "normal" => Some(Tie::Normal),
            "tenuous" => Some(Tie::Tenuous),
            "stressful" => Some(Tie::Stressful),
            _ => None,
        };
        let key = catalogue::role_key(raw);
        if let Some(t) = tie(&key) {
            return t;
        }
        let dutch = match key.as_str() {
            "sterk" | "goed" => Some("strong"),
            "normaal" | "gewoon" => Some("normal"),
            "zwak" | "dun" | "los" => Some("tenuous"),
            "gespannen" | "moeizaam" | "stroef" | "stressvol" => Some("stressful"),
            _ => None,
        };
        if let Some(english) = dutch {
            self.warn(
                path,
                msg!(
                    "parse.tie-read-as",
                    written = raw.escape_debug(),
                    tie = english
                ),
                Some(msg!(
                    "parse.tie-read-as.help",
                    tie = english,
                    known = quoted_list(known, 4)
                )),
            );
            return tie(english).unwrap_or_default();
        }
        let help = match nearest(raw, known) {
            Some(near) => msg!("parse.did-you-mean", near = near),
            None => msg!("parse.use-one-of", known = quoted_list(known, 4)),
        };
        self.error(
            path,
            msg!("parse.unknown-tie", tie = raw.escape_debug()),
            Some(help),
        );
        Tie::Normal
    }
}

/// A member as written, each field read on its own.
#[derive(Default)]
struct MemberFields {
    id: Option<String>,
    role: Option<String>,
    name: Option<String>,
    organisation: Option<String>,
    ring: Option<String>,
    domain: Option<String>,
    expertise: Option<Vec<Item>>,
    availability: Option<String>,
    tie: Option<String>,
    contact: Option<ContactIn>,
    photo: Option<String>,
}

/// An id made from the role (or name) for a member without one: its slug,
/// numbered when taken.
fn generated_id(text: Option<&str>, path: &str, taken: &mut BTreeMap<String, String>) -> String {
    let base = slug(text.unwrap_or("lid"));
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
