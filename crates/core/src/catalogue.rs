//! The built-in role catalogue: the professionals a kernteam usually has.
//!
//! Kept as data in `assets/roles.json` and compiled in, so a school can write
//! `"role": "cjg-coach"` and get the label, organisation, domain, ring and
//! expertise filled in, in Dutch or English.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::model::{Domain, Lang};

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bilingual<T> {
    /// Dutch.
    pub nl: T,
    /// English.
    pub en: T,
}

impl<T> Bilingual<T> {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
    }
}

/// A built-in role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Id used in input files (`cjg-coach`).
    pub id: String,
    /// Abbreviation, may be empty (`IB`, `LPA`).
    pub short: String,
    /// Label shown on the card.
    pub label: Bilingual<String>,
    /// The kind of organisation the role usually belongs to (empty for the
    /// school's own staff: the centre of the diagram names the school).
    pub organisation: Bilingual<String>,
    /// Domain (sector and colour).
    pub domain: Domain,
    /// Default ring level: 0 in the school, 1 kernteam, 2 on call.
    pub ring: usize,
    /// What the role is usually approached for.
    pub expertise: Bilingual<Vec<String>>,
    /// Other names schools use for the role (`schoolarts`, `IB'er`); input
    /// naming one of them, or the id, the short name or a label, gets this
    /// role (see [`find_role`]).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// When the role can be reached, when that is the same everywhere
    /// (Veilig Thuis: day and night); the default of `availability`.
    #[serde(default)]
    pub availability: Option<Bilingual<String>>,
    /// A national phone number (Veilig Thuis: 0800-2000); the default of
    /// `contact.phone`.
    #[serde(default)]
    pub phone: Option<String>,
}

impl Role {
    /// True when `text` names the role only by one of its aliases (another
    /// word for it, like `schoolarts`), not by its id, short name or label:
    /// the card then shows the word the school uses.
    pub fn is_alias(&self, text: &str) -> bool {
        let key = role_key(text);
        let own = [&self.id, &self.short, &self.label.nl, &self.label.en];
        let by_own = own
            .iter()
            .flat_map(|n| std::iter::once(n.as_str()).chain(n.split(" / ")))
            .any(|n| role_key(n) == key);
        !by_own && self.aliases.iter().any(|a| role_key(a) == key)
    }

    /// Every name the role answers to: id, short name, labels (and each
    /// part of a label like "Wijkteam / zorgregisseur"), aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        let labels = [self.label.nl.as_str(), self.label.en.as_str()];
        std::iter::once(self.id.as_str())
            .chain((!self.short.is_empty()).then_some(self.short.as_str()))
            .chain(labels)
            .chain(labels.into_iter().flat_map(|l| l.split(" / ")))
            .chain(self.aliases.iter().map(String::as_str))
    }
}

const ROLES_JSON: &str = include_str!("../../../assets/roles.json");

/// The whole catalogue, in its fixed order.
pub fn roles() -> &'static [Role] {
    static ROLES: OnceLock<Vec<Role>> = OnceLock::new();
    ROLES.get_or_init(|| {
        // The file is compiled in and covered by a unit test; an empty
        // catalogue is the safe fallback should it ever fail to parse.
        serde_json::from_str(ROLES_JSON).unwrap_or_default()
    })
}

/// The built-in role with this id.
pub fn role(id: &str) -> Option<&'static Role> {
    roles().iter().find(|r| r.id == id)
}

/// A role name reduced to what tells roles apart: lowercase letters and
/// digits, without accents, spaces, hyphens or punctuation
/// (`"Zorg-coördinator"` → `"zorgcoordinator"`).
pub fn role_key(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfd()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The built-in role a text names, written the way people write it: its id,
/// short name, a label in either language or an alias, compared without
/// case, spaces, hyphens or accents (`"jgz verpleegkundige"`, `"Intern
/// Begeleider"`, `"Zorgcoördinator"`).
pub fn find_role(text: &str) -> Option<&'static Role> {
    if let Some(r) = role(text) {
        return Some(r);
    }
    let key = role_key(text);
    if key.is_empty() {
        return None;
    }
    roles()
        .iter()
        .find(|r| r.names().any(|n| role_key(n) == key))
}

/// The built-in role whose name is a few letters from `text` (a typo),
/// for a "did you mean" hint; `None` when nothing is close. Short names
/// (`IB`, `VT`) are too short to tell a typo from another word.
pub fn close_role(text: &str) -> Option<&'static Role> {
    let key = role_key(text);
    let key = key.as_str();
    if key.chars().count() < 4 {
        return None;
    }
    // "Leerkracht NT2" is a kind of leerkracht, not a typo of it.
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .map(role_key)
        .collect();
    let limit = (key.chars().count() / 4).clamp(1, 3);
    roles()
        .iter()
        .flat_map(|r| {
            r.names()
                .map(role_key)
                .filter(|n| n.chars().count() >= 4 && !words.contains(n))
                .map(move |n| (crate::diagnostic::edit_distance(key, &n), r))
        })
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, r)| r)
}

/// The fixed members of every kernteam in the Impulstraject, in the order
/// `cirkel init` writes them.
pub const FIXED_KERNTEAM: [&str; 7] = [
    "intern-begeleider",
    "directeur",
    "cjg-coach",
    "jeugdarts",
    "jgz-verpleegkundige",
    "leerplichtambtenaar",
    "onderwijsconsulent",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_parses_and_covers_the_domain_roles() {
        let roles = roles();
        assert!(roles.len() >= 16, "catalogue has {} roles", roles.len());
        for id in FIXED_KERNTEAM {
            assert!(role(id).is_some(), "missing fixed role {id}");
        }
        for r in roles {
            assert!(r.ring <= 2, "{} ring", r.id);
            assert!(!r.label.nl.is_empty() && !r.label.en.is_empty());
            assert!(!r.expertise.nl.is_empty());
            assert!(r.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
        }
    }

    #[test]
    fn role_names_are_unambiguous() {
        let mut seen: std::collections::BTreeMap<String, &str> = Default::default();
        for r in roles() {
            for n in r.names() {
                let key = role_key(n);
                assert!(!key.is_empty(), "{}: empty name", r.id);
                if let Some(other) = seen.insert(key.clone(), &r.id) {
                    assert_eq!(other, r.id, "\"{n}\" names both {other} and {}", r.id);
                }
            }
        }
    }

    #[test]
    fn roles_are_found_as_people_write_them() {
        for (written, id) in [
            ("jgz verpleegkundige", "jgz-verpleegkundige"),
            ("Intern Begeleider", "intern-begeleider"),
            ("IB", "intern-begeleider"),
            ("Zorgcoördinator", "zorgcoordinator"),
            ("zorg coordinator", "zorgcoordinator"),
            ("CJG Coach", "cjg-coach"),
            ("schoolarts", "jeugdarts"),
            ("Gedragsspecialist", "orthopedagoog"),
            ("School attendance officer", "leerplichtambtenaar"),
            ("Anti-pest-coördinator", "anti-pestcoordinator"),
            ("ouders/verzorgers", "ouders"),
        ] {
            assert_eq!(
                find_role(written).map(|r| r.id.as_str()),
                Some(id),
                "{written}"
            );
        }
        assert!(find_role("tandarts").is_none());
        // A private speech therapist is not the GGD's.
        assert!(find_role("Logopedist").is_none());
        assert!(role("jeugdarts").unwrap().is_alias("Schoolarts"));
        assert!(!role("jeugdarts").unwrap().is_alias("jeugd-arts"));
        assert!(find_role("---").is_none());
        assert_eq!(
            close_role("leerplichtambtenar").map(|r| r.id.as_str()),
            Some("leerplichtambtenaar")
        );
        assert!(close_role("tandarts").is_none());
        assert!(close_role("Leerkracht NT2").is_none());
        assert!(close_role("Jeugdarts GGD Kennemerland").is_none());
    }

    #[test]
    fn veilig_thuis_has_its_national_number() {
        let vt = role("veilig-thuis").unwrap();
        assert_eq!(vt.phone.as_deref(), Some("0800-2000"));
        assert_eq!(
            vt.availability.as_ref().map(|a| a.nl.as_str()),
            Some("dag en nacht")
        );
        assert_eq!(role("ouders").unwrap().domain, Domain::Ouders);
    }
}
