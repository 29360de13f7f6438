//! What changed in a kernteam since last year (docs/CONTRACTS.md "Since
//! last year"): who is new, who left, who moved to another ring and whose
//! collaboration with the school changed. The agenda of the first kernteam
//! meeting of a school year, "om kennis te maken met nieuwe leden".
//!
//! Who is the same person:
//! - the same id and the same name (compared as people write names: case,
//!   accents and spacing aside, so "José  de Vries" is "jose de vries");
//! - the same id with another name is a new person in that role, and the
//!   former one left (a CJG-coach replaced: `cjg` was Sanne, is Lotte);
//! - the same name under another id is the same person (a school renamed
//!   its ids);
//! - the same id where one year has no name is the same role, not a new
//!   person (a name filled in, or left out).

use unicode_normalization::UnicodeNormalization;

use crate::model::{Kernteam, Member, Tie};

/// The changes from `last` year's kernteam to `this` year's.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Changes {
    /// This year's members who were not there last year, by their index
    /// in `this.members`, in this year's order.
    pub new: Vec<usize>,
    /// Of [`Changes::new`], those whose role the circle did not have last
    /// year at all (a partner invited: Veilig Thuis, the Beschermtafel).
    pub new_roles: Vec<usize>,
    /// Last year's members who are not there this year, by their index in
    /// `last.members`, in last year's order.
    pub left: Vec<usize>,
    /// The same people whose ring or tie changed, in this year's order.
    pub moved: Vec<Moved>,
}

/// One person whose place in the circle changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    /// Index in `this.members`.
    pub member: usize,
    /// The ring moved: `Some(true)` closer to the school, `Some(false)`
    /// further out, `None` the same ring.
    pub closer: Option<bool>,
    /// The tie changed: last year's tie, when it differs.
    pub tie_was: Option<Tie>,
}

impl Changes {
    /// What changed from `last` to `this`.
    pub fn between(last: &Kernteam, this: &Kernteam) -> Changes {
        let mut matched_last = vec![false; last.members.len()];
        // This year's member → last year's same person.
        let mut same: Vec<Option<usize>> = vec![None; this.members.len()];
        // First by id (with a name that agrees, or none on one side).
        for (i, m) in this.members.iter().enumerate() {
            if let Some(j) = last
                .members
                .iter()
                .position(|l| l.id == m.id)
                .filter(|j| !matched_last[*j] && names_agree(&last.members[*j], m))
            {
                same[i] = Some(j);
                matched_last[j] = true;
            }
        }
        // Then by name, for ids that changed.
        for (i, m) in this.members.iter().enumerate() {
            if same[i].is_some() {
                continue;
            }
            let Some(name) = m.name.as_deref().map(person_key).filter(|n| !n.is_empty()) else {
                continue;
            };
            if let Some(j) = last.members.iter().enumerate().position(|(j, l)| {
                !matched_last[j] && l.name.as_deref().map(person_key).as_deref() == Some(&name)
            }) {
                same[i] = Some(j);
                matched_last[j] = true;
            }
        }
        let last_roles: Vec<String> = last.members.iter().map(role_key).collect();
        let mut changes = Changes::default();
        for (i, m) in this.members.iter().enumerate() {
            match same[i] {
                None => {
                    changes.new.push(i);
                    if !last_roles.contains(&role_key(m)) {
                        changes.new_roles.push(i);
                    }
                }
                Some(j) => {
                    let was = &last.members[j];
                    let closer = (was.ring != m.ring).then_some(m.ring < was.ring);
                    let tie_was = (was.tie != m.tie).then_some(was.tie);
                    if closer.is_some() || tie_was.is_some() {
                        changes.moved.push(Moved {
                            member: i,
                            closer,
                            tie_was,
                        });
                    }
                }
            }
        }
        changes.left = (0..last.members.len())
            .filter(|j| !matched_last[*j])
            .collect();
        changes
    }

    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        self.new.is_empty() && self.left.is_empty() && self.moved.is_empty()
    }
}

/// Whether two members with the same id are the same person: the same
/// name as people write it, or no name on one side.
fn names_agree(a: &Member, b: &Member) -> bool {
    match (a.name.as_deref(), b.name.as_deref()) {
        (Some(x), Some(y)) => person_key(x) == person_key(y),
        _ => true,
    }
}

/// A role as the circle knows it: the catalogue's id, else the text.
fn role_key(m: &Member) -> String {
    m.catalogue_role
        .clone()
        .unwrap_or_else(|| person_key(&m.role))
}

/// A name as people write it: lower case, without accents, one space
/// between words.
pub fn person_key(name: &str) -> String {
    let plain: String = name
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Tie strength, for "stronger" and "weaker": a stressful tie is not on
/// this scale.
pub fn tie_rank(t: Tie) -> Option<u8> {
    match t {
        Tie::Tenuous => Some(0),
        Tie::Normal => Some(1),
        Tie::Strong => Some(2),
        Tie::Stressful => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ParseOptions, parse};

    fn team(members: &str) -> Kernteam {
        let json = format!(
            r#"{{ "school": {{ "name": "X" }}, "members": [ {members} ],
                 "routes": [ {{ "question": "q", "steps": ["ib"] }} ] }}"#
        );
        parse(json.as_bytes(), &ParseOptions::default())
            .unwrap()
            .kernteam
    }

    const IB: &str = r#"{ "id": "ib", "role": "intern-begeleider", "name": "Maaike de Groot" }"#;

    #[test]
    fn a_coach_replaced_is_new_and_the_former_one_left() {
        let last = team(&format!(
            r#"{IB}, {{ "id": "cjg", "role": "cjg-coach", "name": "Sanne Kaya" }}"#
        ));
        let this = team(&format!(
            r#"{IB}, {{ "id": "cjg", "role": "cjg-coach", "name": "Lotte Visser" }}"#
        ));
        let c = Changes::between(&last, &this);
        assert_eq!(c.new, vec![1]);
        assert!(c.new_roles.is_empty(), "the role was there");
        assert_eq!(c.left, vec![1]);
        assert!(c.moved.is_empty());
    }

    #[test]
    fn an_invited_partner_is_new_and_a_removed_member_left() {
        let last = team(&format!(
            r#"{IB}, {{ "id": "jgz", "role": "jeugdverpleegkundige", "name": "Noor" }}"#
        ));
        let this = team(&format!(
            r#"{IB}, {{ "id": "vt", "role": "veilig-thuis" }}"#
        ));
        let c = Changes::between(&last, &this);
        assert_eq!((c.new.clone(), c.new_roles.clone()), (vec![1], vec![1]));
        assert_eq!(c.left, vec![1]);
    }

    #[test]
    fn ring_and_tie_changes_are_moves() {
        let last = team(&format!(
            r#"{IB}, {{ "id": "lpa", "role": "leerplichtambtenaar", "name": "Daan", "ring": "op-afroep", "tie": "tenuous" }}"#
        ));
        let this = team(&format!(
            r#"{IB}, {{ "id": "lpa", "role": "leerplichtambtenaar", "name": "daan ", "ring": "kernteam", "tie": "strong" }}"#
        ));
        let c = Changes::between(&last, &this);
        assert!(c.new.is_empty() && c.left.is_empty());
        assert_eq!(
            c.moved,
            vec![Moved {
                member: 1,
                closer: Some(true),
                tie_was: Some(Tie::Tenuous)
            }]
        );
    }

    #[test]
    fn renamed_ids_and_differently_written_names_are_the_same_people() {
        let last = team(
            r#"{ "id": "ib", "role": "intern-begeleider", "name": "José  de Vries" },
               { "id": "cjg", "role": "cjg-coach", "name": "Sanne Kaya" }"#,
        );
        let this = team(
            r#"{ "id": "ib", "role": "intern-begeleider", "name": "jose de vries" },
               { "id": "sanne", "role": "cjg-coach", "name": "Sanne Kaya" }"#,
        );
        assert!(Changes::between(&last, &this).is_empty());
        // A name filled in for a role that had none is not a new person.
        let unnamed = team(
            r#"{ "id": "ib", "role": "intern-begeleider" }, { "id": "cjg", "role": "cjg-coach", "name": "Sanne Kaya" }"#,
        );
        assert!(Changes::between(&unnamed, &last).is_empty());
    }

    #[test]
    fn names_are_compared_as_people_write_them() {
        assert_eq!(person_key("  Ïnge  van  der   Berg "), "inge van der berg");
        assert_eq!(person_key("ÇAĞLA Öztürk"), person_key("çağla ozturk"));
    }
}
