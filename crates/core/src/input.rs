//! The input format, version 1, as it is written: every field optional, so a
//! starter file is short. [`crate::parse`] turns it into a [`crate::Kernteam`].
//!
//! The `KNOWN_*` key lists drive the unknown-key check (which reports every
//! unknown key with the nearest known one) and the JSON Schema; a unit test
//! keeps them equal to the structs' fields.

use serde::Deserialize;

/// Keys allowed at the top level.
pub const KNOWN_ROOT: &[&str] = &[
    "$schema",
    "version",
    "school",
    "title",
    "school_year",
    "rings",
    "members",
    "routes",
    "meetings",
    "partners",
];
/// Keys allowed in `school`.
pub const KNOWN_SCHOOL: &[&str] = &["name", "place", "sector"];
/// Keys allowed in `rings[]`.
pub const KNOWN_RING: &[&str] = &["id", "label"];
/// Keys allowed in `members[]`.
pub const KNOWN_MEMBER: &[&str] = &[
    "id",
    "role",
    "name",
    "organisation",
    "ring",
    "domain",
    "expertise",
    "availability",
    "tie",
    "contact",
    "photo",
    "partner",
];
/// Keys allowed in `members[].contact`.
pub const KNOWN_CONTACT: &[&str] = &["email", "phone", "website"];
/// Keys allowed in `routes[]`.
pub const KNOWN_ROUTE: &[&str] = &["id", "question", "steps", "escalation", "note"];
/// Keys allowed in `meetings[]`.
pub const KNOWN_MEETING: &[&str] = &["when", "purpose"];

/// `school`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct SchoolIn {
    pub name: Option<String>,
    pub place: Option<String>,
    pub sector: Option<String>,
}

/// `rings[]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RingIn {
    pub id: Option<String>,
    pub label: Option<String>,
}

/// `members[].contact`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct ContactIn {
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
}

/// `members[]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct MemberIn {
    pub id: Option<String>,
    pub role: Option<String>,
    pub name: Option<String>,
    pub organisation: Option<String>,
    pub ring: Option<String>,
    pub domain: Option<String>,
    pub expertise: Option<Vec<String>>,
    pub availability: Option<String>,
    pub tie: Option<String>,
    pub contact: Option<ContactIn>,
    pub photo: Option<String>,
    pub partner: Option<String>,
}

/// `routes[]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RouteIn {
    pub id: Option<String>,
    pub question: Option<String>,
    pub steps: Option<Vec<String>>,
    pub escalation: Option<Vec<String>>,
    pub note: Option<String>,
}

/// `meetings[]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct MeetingIn {
    pub when: Option<String>,
    pub purpose: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key in a KNOWN list must deserialize into its struct, so the lists
    /// and the structs cannot drift apart.
    #[test]
    fn known_key_lists_match_the_structs() {
        fn check<T: for<'de> Deserialize<'de>>(keys: &[&str], sample: &str) {
            for key in keys {
                let doc = format!("{{\"{key}\": {sample}}}");
                let err = serde_json::from_str::<T>(&doc).err().map(|e| e.to_string());
                assert!(
                    !err.as_deref().unwrap_or("").contains("unknown field"),
                    "{key}: {err:?}"
                );
            }
        }
        check::<SchoolIn>(KNOWN_SCHOOL, "null");
        check::<RingIn>(KNOWN_RING, "null");
        check::<MemberIn>(KNOWN_MEMBER, "null");
        check::<ContactIn>(KNOWN_CONTACT, "null");
        check::<RouteIn>(KNOWN_ROUTE, "null");
        check::<MeetingIn>(KNOWN_MEETING, "null");
    }
}
