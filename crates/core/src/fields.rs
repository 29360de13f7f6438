//! Every field of a kernteam member, said once: its key in the input, what
//! each privacy level keeps of it, and the text it puts in the picture.
//!
//! The privacy levels ([`crate::Kernteam::redacted`]) and the texts checked
//! against the font (`cirkel`'s glyph warnings) read this list; the parser's
//! keys, the JSON schema, the workbook's columns (`cirkel-sheets`) and the
//! editor's controls (`cirkel-serve`) are tested against it. A new field is
//! a new variant here, and every `match` below makes its decisions
//! explicit: what it is called, whether `--privacy roles` may show it,
//! which text it holds.

use crate::model::{Kernteam, Member, Privacy};

/// One field of a member, as the input names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MemberField {
    /// `id`: how routes refer to the member.
    Id,
    /// `role`.
    Role,
    /// `name`: the person.
    Name,
    /// `organisation`.
    Organisation,
    /// `ring`.
    Ring,
    /// `domain`.
    Domain,
    /// `expertise`: what the member is approached for.
    Expertise,
    /// `availability`: when and where to find the member.
    Availability,
    /// `tie`: the collaboration with the school.
    Tie,
    /// `contact.email`.
    Email,
    /// `contact.phone`.
    Phone,
    /// `contact.website`.
    Website,
    /// `photo`: a portrait of the person.
    Photo,
    /// `partner`: the person of the partner list the member takes its
    /// fields from (ids are often made from names).
    Partner,
}

/// What a privacy level does with a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// Shown as given.
    Yes,
    /// Left out of every output.
    No,
    /// Replaced by a neutral stand-in (`lid-1`, …).
    Replaced,
}

impl MemberField {
    /// Every field, in the input's order.
    pub const ALL: [MemberField; 14] = [
        MemberField::Id,
        MemberField::Role,
        MemberField::Name,
        MemberField::Organisation,
        MemberField::Ring,
        MemberField::Domain,
        MemberField::Expertise,
        MemberField::Availability,
        MemberField::Tie,
        MemberField::Email,
        MemberField::Phone,
        MemberField::Website,
        MemberField::Photo,
        MemberField::Partner,
    ];

    /// Its key in a member of the input JSON; contact data as
    /// `contact.email` and so on.
    pub fn key(self) -> &'static str {
        match self {
            MemberField::Id => "id",
            MemberField::Role => "role",
            MemberField::Name => "name",
            MemberField::Organisation => "organisation",
            MemberField::Ring => "ring",
            MemberField::Domain => "domain",
            MemberField::Expertise => "expertise",
            MemberField::Availability => "availability",
            MemberField::Tie => "tie",
            MemberField::Email => "contact.email",
            MemberField::Phone => "contact.phone",
            MemberField::Website => "contact.website",
            MemberField::Photo => "photo",
            MemberField::Partner => "partner",
        }
    }

    /// What `privacy` keeps of the field. Contact data is for the school's
    /// own report; names, photos and ids made from names are personal and
    /// stay off a public page (`Privacy::Roles`).
    pub fn kept(self, privacy: Privacy) -> Kept {
        match (self, privacy) {
            (_, Privacy::Full) => Kept::Yes,
            (MemberField::Email | MemberField::Phone | MemberField::Website, _) => Kept::No,
            (MemberField::Name | MemberField::Photo | MemberField::Partner, Privacy::Roles) => {
                Kept::No
            }
            (MemberField::Id, Privacy::Roles) => Kept::Replaced,
            (
                MemberField::Id
                | MemberField::Name
                | MemberField::Photo
                | MemberField::Partner
                | MemberField::Role
                | MemberField::Organisation
                | MemberField::Ring
                | MemberField::Domain
                | MemberField::Expertise
                | MemberField::Availability
                | MemberField::Tie,
                _,
            ) => Kept::Yes,
        }
    }

    /// The member's own text in this field, as the picture and the
    /// description may show it (checked against the bundled font); none
    /// for a field that is a choice, an id, a link or a picture.
    pub fn texts(self, m: &Member) -> Vec<&str> {
        match self {
            MemberField::Role => vec![m.role.as_str()],
            MemberField::Name => m.name.as_deref().into_iter().collect(),
            MemberField::Organisation => m.organisation.as_deref().into_iter().collect(),
            MemberField::Availability => m.availability.as_deref().into_iter().collect(),
            MemberField::Expertise => m.expertise.iter().map(String::as_str).collect(),
            MemberField::Phone => m.contact.phone.as_deref().into_iter().collect(),
            MemberField::Email => m.contact.email.as_deref().into_iter().collect(),
            MemberField::Id
            | MemberField::Ring
            | MemberField::Domain
            | MemberField::Tie
            | MemberField::Website
            | MemberField::Photo
            | MemberField::Partner => Vec::new(),
        }
    }
}

impl Member {
    /// Empties `field` (for a privacy level that leaves it out). A field
    /// every member has (its role, ring, domain, tie and id) stays: it is
    /// never left out, only replaced (the id, by [`crate::Kernteam::redacted`]).
    pub fn clear(&mut self, field: MemberField) {
        match field {
            MemberField::Name => self.name = None,
            MemberField::Organisation => self.organisation = None,
            MemberField::Expertise => self.expertise.clear(),
            MemberField::Availability => self.availability = None,
            MemberField::Email => self.contact.email = None,
            MemberField::Phone => self.contact.phone = None,
            MemberField::Website => self.contact.website = None,
            MemberField::Photo => self.photo = None,
            MemberField::Partner => self.partner = None,
            MemberField::Id
            | MemberField::Role
            | MemberField::Ring
            | MemberField::Domain
            | MemberField::Tie => {}
        }
    }
}

impl Kernteam {
    /// A copy without the data `privacy` drops. Everything downstream
    /// (layout, SVG, PNG, describe) works from this copy, so nothing dropped
    /// can reach any output. Free text the school wrote (route notes,
    /// meetings, organisation) is kept: it is not personal data by field.
    pub fn redacted(&self, privacy: Privacy) -> Kernteam {
        let mut k = self.clone();
        for m in &mut k.members {
            for field in MemberField::ALL {
                if field.kept(privacy) == Kept::No {
                    m.clear(field);
                }
            }
        }
        if MemberField::Id.kept(privacy) == Kept::Replaced {
            let renamed: Vec<(String, String)> = k
                .members
                .iter()
                .enumerate()
                .map(|(i, m)| (m.id.clone(), format!("lid-{}", i + 1)))
                .collect();
            let rename = |id: &mut String| {
                if let Some((_, new)) = renamed.iter().find(|(old, _)| old == id) {
                    *id = new.clone();
                }
            };
            for m in &mut k.members {
                rename(&mut m.id);
            }
            for r in &mut k.routes {
                r.steps.iter_mut().for_each(rename);
                r.escalation.iter_mut().for_each(rename);
            }
        }
        k
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{KNOWN_CONTACT, KNOWN_MEMBER};
    use crate::{ParseOptions, json_schema, parse};

    /// The parser's keys and the schema's are this list's, no more, no less:
    /// a field added to the input without a privacy decision fails here.
    #[test]
    fn the_input_has_exactly_these_fields() {
        let mut listed: Vec<&str> = MemberField::ALL.iter().map(|f| f.key()).collect();
        listed.sort_unstable();
        let mut parsed: Vec<String> = KNOWN_MEMBER
            .iter()
            .filter(|k| **k != "contact")
            .map(|k| k.to_string())
            .chain(KNOWN_CONTACT.iter().map(|k| format!("contact.{k}")))
            .collect();
        parsed.sort_unstable();
        assert_eq!(listed, parsed, "the parser's member keys");
        let schema = json_schema();
        let member = &schema["properties"]["members"]["items"]["properties"];
        let mut described: Vec<String> = member
            .as_object()
            .into_iter()
            .flatten()
            .flat_map(|(k, v)| match v["properties"].as_object() {
                Some(inner) => inner.keys().map(|i| format!("{k}.{i}")).collect(),
                None => vec![k.clone()],
            })
            .collect();
        described.sort_unstable();
        assert_eq!(listed, described, "the schema's member keys");
    }

    /// What a level leaves out is gone from the redacted kernteam, and
    /// what it keeps is still there.
    #[test]
    fn each_level_keeps_what_the_list_says() {
        let k = parse(
            br#"{ "school": { "name": "X" }, "members": [
                { "id": "maaike", "role": "Intern begeleider", "name": "Maaike",
                  "organisation": "OBS X", "expertise": ["lezen"], "availability": "di",
                  "contact": { "email": "m@example.nl", "phone": "023 1", "website": "https://example.nl" } } ] }"#,
            &ParseOptions::default(),
        )
        .unwrap()
        .kernteam;
        let full = &k.members[0];
        for privacy in [Privacy::Full, Privacy::Names, Privacy::Roles] {
            let redacted = k.redacted(privacy);
            let m = &redacted.members[0];
            for f in MemberField::ALL {
                let (before, after) = (f.texts(full), f.texts(m));
                match f.kept(privacy) {
                    Kept::Yes => assert_eq!(before, after, "{f:?} at {privacy:?}"),
                    Kept::No => assert!(after.is_empty(), "{f:?} at {privacy:?}"),
                    Kept::Replaced => {}
                }
            }
            let kept_id = MemberField::Id.kept(privacy) == Kept::Yes;
            assert_eq!(m.id == "maaike", kept_id, "the id at {privacy:?}");
            let kept_site = MemberField::Website.kept(privacy) == Kept::Yes;
            assert_eq!(m.contact.website.is_some(), kept_site);
            let kept_photo = MemberField::Photo.kept(privacy) == Kept::Yes;
            assert!(kept_photo || m.photo.is_none());
        }
    }
}
