//! The school, the rings and the meetings.

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use super::{DEFAULT_RINGS, Validator};
use crate::input::{MeetingIn, RingIn, SchoolIn};
use crate::limits::*;
use crate::messages::Message;
use crate::model::*;
use crate::msg;

impl Validator<'_> {
    pub(super) fn school(&mut self, value: Option<&Value>) -> Option<School> {
        let Some(value) = value else {
            self.error(
                "school",
                msg!("parse.school-missing"),
                Some(msg!("parse.school-missing.help")),
            );
            return None;
        };
        let school: SchoolIn = self.typed(value, "school")?;
        let name = match school.name {
            Some(n) => self.text(&n, "school.name", MAX_SHORT_TEXT),
            None => {
                self.error(
                    "school.name",
                    msg!("parse.school-name-missing"),
                    Some(msg!("parse.school-name-missing.help")),
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
                        msg!("parse.unknown-sector", sector = other.escape_debug()),
                        Some(msg!("parse.unknown-sector.help")),
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

    pub(super) fn rings(&mut self, value: Option<&Value>) -> Vec<Ring> {
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
        let Some(items) = self.items(Some(value), "rings", MAX_RINGS, msg!("what.rings")) else {
            // Reported; members' rings are not checked against the defaults.
            self.rings_unusable = true;
            return defaults();
        };
        let items: Vec<(String, RingIn)> = items
            .into_iter()
            .filter_map(|(path, item)| {
                let ring = match item {
                    Value::Object(obj) => RingIn {
                        id: self.field(obj, &path, "id"),
                        label: self.field(obj, &path, "label"),
                    },
                    // A bare text is a ring's label.
                    Value::String(label) => {
                        let id = super::text::slug(label);
                        let written = Value::from(label.as_str()).to_string();
                        self.warn(
                            &path,
                            msg!("parse.ring-as-text", written = &written, id = &id),
                            Some(msg!(
                                "parse.ring-as-text.help",
                                written = &written,
                                id = &id
                            )),
                        );
                        RingIn {
                            id: Some(id),
                            label: Some(label.clone()),
                        }
                    }
                    other => {
                        self.error(
                            &path,
                            Message::new("parse.not-a-ring").arg_msg("found", super::kind(other)),
                            Some(msg!("parse.not-a-ring.help")),
                        );
                        self.rings_unusable = true;
                        return None;
                    }
                };
                Some((path, ring))
            })
            .collect();
        if value.as_array().is_some_and(|a| a.is_empty()) {
            self.error(
                "rings",
                msg!("parse.no-rings"),
                Some(msg!("parse.no-rings.help")),
            );
        }
        let mut rings: Vec<Ring> = Vec::new();
        for (path, ring) in items {
            let id_path = format!("{path}.id");
            let Some(raw_id) = ring.id else {
                self.error(
                    &id_path,
                    msg!("parse.ring-needs-id"),
                    Some(msg!("parse.ring-needs-id.help")),
                );
                // Members on it cannot be told from typos.
                self.rings_unusable = true;
                continue;
            };
            // A wrong id is reported and kept as written, so members on
            // this ring are not wrong a second time.
            let id = self
                .id(&raw_id, &id_path)
                .unwrap_or_else(|| raw_id.nfc().collect());
            if rings.iter().any(|r| r.id == id) {
                self.error(
                    &id_path,
                    msg!("parse.duplicate-ring", id = &id),
                    Some(msg!("parse.duplicate-ring.help")),
                );
                continue;
            }
            // A default ring's label as `cirkel init` writes it (in either
            // language) is the default, in the language drawn.
            let standard = DEFAULT_RINGS
                .iter()
                .find(|(d, nl, en)| {
                    *d == id && ring.label.as_deref().is_some_and(|l| l == *nl || l == *en)
                })
                .map(|(_, nl, en)| lang.pick(nl, en).to_string());
            let label = match (standard, ring.label) {
                (Some(standard), _) => Some(standard),
                (None, Some(l)) => self.text(&l, &format!("{path}.label"), MAX_SHORT_TEXT),
                (None, None) => Some(id.clone()),
            };
            if let Some(label) = label {
                rings.push(Ring { id, label });
            }
        }
        if rings.is_empty() { defaults() } else { rings }
    }

    pub(super) fn meetings(&mut self, value: Option<&Value>) -> Vec<Meeting> {
        let items = self
            .list::<MeetingIn>(value, "meetings", MAX_MEETINGS, msg!("what.meetings"))
            .unwrap_or_default();
        let mut out = Vec::new();
        for (path, m) in items {
            let mut field = |v: &Option<String>, name: &str, limit| match v {
                Some(t) => self.text(t, &format!("{path}.{name}"), limit),
                None => {
                    self.error(
                        &path,
                        msg!("parse.meeting-needs", key = name),
                        Some(msg!("parse.meeting-needs.help")),
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
