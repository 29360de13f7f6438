//! Members: ids, roles from the catalogue, rings, domains, expertise, ties.

use std::collections::BTreeMap;

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use super::Validator;
use super::text::slug;
use crate::catalogue::{self, Role};
use crate::diagnostic::{nearest, quoted_list};
use crate::input::MemberIn;
use crate::limits::*;
use crate::model::*;

impl Validator<'_> {
    pub(super) fn members(&mut self, value: Option<&Value>, rings: &[Ring]) -> Vec<Member> {
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
        let (role_text, catalogue_role) = self.member_role(m.role.as_deref(), &p("role"));
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
            (None, None) => generated_id(role_text.as_deref().or(name.as_deref()), path, taken),
        };
        let ring = self.member_ring(m.ring.as_deref(), catalogue_role, rings, &p("ring"));
        let domain = self.member_domain(m.domain.as_deref(), catalogue_role, &p("domain"));
        let organisation = match &m.organisation {
            Some(o) => self.text(o, &p("organisation"), MAX_SHORT_TEXT),
            // School roles have no default organisation: the centre names the school.
            None => catalogue_role
                .map(|r| r.organisation.get(lang).clone())
                .filter(|o| !o.is_empty()),
        };
        let expertise = self.member_expertise(m.expertise.as_deref(), catalogue_role, path);
        let availability = m
            .availability
            .as_deref()
            .and_then(|a| self.text(a, &p("availability"), MAX_SHORT_TEXT));
        let tie = self.member_tie(m.tie.as_deref(), &p("tie"));
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

    /// The role as written (cleaned) and the catalogue role it names, if any.
    fn member_role(
        &mut self,
        raw: Option<&str>,
        path: &str,
    ) -> (Option<String>, Option<&'static Role>) {
        let role_text = raw.and_then(|r| self.text(r, path, MAX_SHORT_TEXT));
        let catalogue_role: Option<&'static Role> = role_text
            .as_deref()
            .and_then(|r| catalogue::role(r).or_else(|| catalogue::role(&r.to_lowercase())));
        if let (Some(text), None) = (&role_text, catalogue_role)
            && let Some(near) = nearest(text, catalogue::roles().iter().map(|r| r.id.as_str()))
        {
            self.warn(
                path,
                format!("\"{text}\" is not a built-in role, so it is drawn as written"),
                Some(format!(
                    "did you mean \"{near}\"? (`cirkel roles` lists them)"
                )),
            );
        }
        (role_text, catalogue_role)
    }

    /// The ring index: as given, or the catalogue role's default ring
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
        let ids: Vec<&str> = rings.iter().map(|r| r.id.as_str()).collect();
        let help = match nearest(&wanted, ids.iter().copied()) {
            Some(near) => format!(
                "did you mean \"{near}\"? Known rings: {}",
                quoted_list(ids.iter().copied(), 10)
            ),
            None => format!("known rings: {}", quoted_list(ids.iter().copied(), 10)),
        };
        self.error(
            path,
            format!("unknown ring \"{}\"", wanted.escape_debug()),
            Some(help),
        );
        None
    }

    /// The domain: as given, or the catalogue role's, or `overig`.
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
        let keys = Domain::ALL.map(Domain::key);
        let help = match nearest(raw, keys) {
            Some(near) => format!(
                "did you mean \"{near}\"? Known domains: {}",
                quoted_list(keys, 10)
            ),
            None => format!("known domains: {}", quoted_list(keys, 10)),
        };
        self.error(
            path,
            format!("unknown domain \"{}\"", raw.escape_debug()),
            Some(help),
        );
        None
    }

    /// The expertise: as given (each item cleaned), or the catalogue role's.
    fn member_expertise(
        &mut self,
        items: Option<&[String]>,
        role: Option<&Role>,
        path: &str,
    ) -> Vec<String> {
        let lang = self.lang();
        match items {
            Some(items) if items.len() > MAX_EXPERTISE => {
                self.error(
                    &format!("{path}.expertise"),
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
            None => role
                .map(|r| r.expertise.get(lang).clone())
                .unwrap_or_default(),
        }
    }

    /// The tie, in the ecomap notation (default `normal`).
    fn member_tie(&mut self, raw: Option<&str>, path: &str) -> Tie {
        let known = ["strong", "normal", "tenuous", "stressful"];
        match raw {
            None | Some("normal") => Tie::Normal,
            Some("strong") => Tie::Strong,
            Some("tenuous") => Tie::Tenuous,
            Some("stressful") => Tie::Stressful,
            Some(other) => {
                let help = match nearest(other, known) {
                    Some(near) => format!("did you mean \"{near}\"?"),
                    None => format!("use one of {}", quoted_list(known, 4)),
                };
                self.error(
                    path,
                    format!("unknown tie \"{}\"", other.escape_debug()),
                    Some(help),
                );
                Tie::Normal
            }
        }
    }
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
