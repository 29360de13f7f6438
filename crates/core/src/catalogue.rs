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
}
