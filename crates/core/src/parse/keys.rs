//! Unknown keys: every one reported, with the nearest known key.

use serde_json::Value;

use super::Validator;
use crate::catalogue::role_key;
use crate::diagnostic::{Diagnostic, nearest};
use crate::input::*;
use crate::msg;
use crate::spans::{child_index, child_key};

impl Validator<'_> {
    /// Reports every unknown key below `value` (per the known lists of the
    /// nested objects) and removes it, so typed parsing does not report it again.
    pub(super) fn strip_unknown_keys(&mut self, value: &mut Value, path: &str, known: &[&str]) {
        let Some(obj) = value.as_object_mut() else {
            return;
        };
        let unknown: Vec<String> = obj
            .keys()
            .filter(|k| !known.contains(&k.as_str()))
            .cloned()
            .collect();
        for key in unknown {
            let Some(value) = obj.remove(&key) else {
                continue;
            };
            let child = child_key(path, &key);
            let pos = self
                .spans
                .key(&child)
                .unwrap_or_else(|| self.spans.locate(&child));
            let cell = self.spans.cell(&child).cloned();
            let english = english_key(&key, known);
            let near = english.or_else(|| nearest(&key, known.iter().copied()));
            // `phone` written on the member instead of in its contact.
            let contact_key = if known == KNOWN_MEMBER {
                english_key(&key, KNOWN_CONTACT)
            } else {
                None
            };
            let help = match (english, near, contact_key) {
                (Some(english), _, _) => msg!("parse.unknown-key.english", key = english),
                (None, Some(near), _) => msg!("parse.unknown-key.near", key = near),
                (None, None, Some(inner)) => msg!("parse.unknown-key.contact", key = inner),
                (None, None, None) => msg!(
                    "parse.unknown-key.known",
                    keys = known
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            let lang = self.lang();
            let mut d = Diagnostic::error(child.clone(), msg!("parse.unknown-key", key = &key))
                .with_help(help)
                .at(pos.line, pos.column)
                .in_lang(lang);
            d.cell = cell;
            self.diags.push(d);
            // Read the value as the key it was meant to be (the file is
            // wrong either way), so that the one mistake does not also make
            // the key it meant "missing".
            if let Some(meant) = near
                && !obj.contains_key(meant)
            {
                self.spans.alias(&child, &child_key(path, meant));
                obj.insert(meant.to_string(), value);
            }
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
}

/// Keys in Dutch (and other words people use), with the English key they mean.
const SYNONYMS: &[(&str, &str)] = &[
    ("versie", "version"),
    ("titel", "title"),
    ("schooljaar", "school_year"),
    ("jaar", "school_year"),
    ("ringen", "rings"),
    ("cirkels", "rings"),
    ("leden", "members"),
    ("kernteamleden", "members"),
    ("kernteam", "members"),
    ("partners", "members"),
    ("deelnemers", "members"),
    ("overleg", "meetings"),
    ("overleggen", "meetings"),
    ("bijeenkomsten", "meetings"),
    ("naam", "name"),
    ("plaats", "place"),
    ("woonplaats", "place"),
    ("gemeente", "place"),
    ("soort", "sector"),
    ("schoolsoort", "sector"),
    ("rol", "role"),
    ("functie", "role"),
    ("beroep", "role"),
    ("organisatie", "organisation"),
    ("organization", "organisation"),
    ("instelling", "organisation"),
    ("ring", "ring"),
    ("cirkel", "ring"),
    ("laag", "ring"),
    ("domein", "domain"),
    ("sector", "domain"),
    ("expertises", "expertise"),
    ("deskundigheid", "expertise"),
    ("taken", "expertise"),
    ("bereikbaarheid", "availability"),
    ("bereikbaar", "availability"),
    ("beschikbaarheid", "availability"),
    ("aanwezig", "availability"),
    ("band", "tie"),
    ("relatie", "tie"),
    ("lijn", "tie"),
    ("contactgegevens", "contact"),
    ("gegevens", "contact"),
    ("foto", "photo"),
    ("afbeelding", "photo"),
    ("plaatje", "photo"),
    ("image", "photo"),
    ("picture", "photo"),
    ("mail", "email"),
    ("emailadres", "email"),
    ("mailadres", "email"),
    ("telefoon", "phone"),
    ("telefoonnummer", "phone"),
    ("tel", "phone"),
    ("telnr", "phone"),
    ("mobiel", "phone"),
    ("telephone", "phone"),
    ("site", "website"),
    ("url", "website"),
    ("internet", "website"),
    ("vraag", "question"),
    ("hulpvraag", "question"),
    ("stappen", "steps"),
    ("route", "steps"),
    ("opschalen", "escalation"),
    ("opschaling", "escalation"),
    ("escalatie", "escalation"),
    ("notitie", "note"),
    ("opmerking", "note"),
    ("toelichting", "note"),
    ("wanneer", "when"),
    ("moment", "when"),
    ("datum", "when"),
    ("waarvoor", "purpose"),
    ("doel", "purpose"),
    ("onderwerp", "purpose"),
    ("label", "label"),
    ("tekst", "label"),
];

/// The known key an unknown key means when it is the Dutch word for it (or
/// the known key written with other case, spaces or `-`): `naam` → `name`,
/// `School Year` → `school_year`.
fn english_key<'a>(key: &str, known: &[&'a str]) -> Option<&'a str> {
    let written = role_key(key);
    if let Some(k) = known.iter().find(|k| role_key(k) == written) {
        return Some(k);
    }
    SYNONYMS
        .iter()
        .filter(|(dutch, _)| role_key(dutch) == written)
        .find_map(|(_, english)| known.iter().find(|k| *k == english).copied())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{KNOWN_CONTACT, KNOWN_MEMBER, KNOWN_ROOT, KNOWN_SCHOOL};

    #[test]
    fn dutch_keys_get_their_english_key() {
        assert_eq!(english_key("naam", KNOWN_MEMBER), Some("name"));
        assert_eq!(english_key("naam", KNOWN_SCHOOL), Some("name"));
        assert_eq!(english_key("Rol", KNOWN_MEMBER), Some("role"));
        assert_eq!(english_key("leden", KNOWN_ROOT), Some("members"));
        assert_eq!(english_key("ringen", KNOWN_ROOT), Some("rings"));
        assert_eq!(english_key("telefoon", KNOWN_CONTACT), Some("phone"));
        assert_eq!(
            english_key("bereikbaarheid", KNOWN_MEMBER),
            Some("availability")
        );
        assert_eq!(english_key("School Year", KNOWN_ROOT), Some("school_year"));
        // `sector` is a key of the school; on a member it means the domain.
        assert_eq!(english_key("sector", KNOWN_MEMBER), Some("domain"));
        // Only keys that exist where the word is written.
        assert_eq!(english_key("telefoon", KNOWN_ROOT), None);
        assert_eq!(english_key("xyz", KNOWN_MEMBER), None);
    }
}
