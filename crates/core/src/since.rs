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
//!   its ids), someone in the same role first;
//! - the same id where one year has no name is the same role, not a new
//!   person (a name filled in, or left out), once nobody else is that
//!   person by name.
//!
//! The same person in another role, on another ring or with another tie
//! has moved. Rings are compared by their ids (a circle may gain or lose a
//! ring between years).

use unicode_normalization::UnicodeNormalization;

use crate::model::{Kernteam, Member, Privacy, Tie};

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
    /// The role changed: last year's role, as it was shown, when it differs.
    pub role_was: Option<String>,
}

impl Changes {
    /// What changed from `last` to `this`.
    pub fn between(last: &Kernteam, this: &Kernteam) -> Changes {
        let mut taken = vec![false; last.members.len()];
        // This year's member → last year's same person.
        let mut same: Vec<Option<usize>> = vec![None; this.members.len()];
        // Each pass pairs what is left: the same id and the same name; the
        // same name in the same role; the same name in another role; the
        // same id where one year has no name.
        let passes: [&Pairing; 4] = [
            &|l, m| l.id == m.id && name(l).is_some() && name(l) == name(m),
            &|l, m| name(m).is_some() && name(l) == name(m) && role_key(l) == role_key(m),
            &|l, m| name(m).is_some() && name(l) == name(m),
            &|l, m| l.id == m.id && (name(l).is_none() || name(m).is_none()),
        ];
        for pass in passes {
            for (i, m) in this.members.iter().enumerate() {
                if same[i].is_some() {
                    continue;
                }
                if let Some(j) =
                    (0..last.members.len()).find(|j| !taken[*j] && pass(&last.members[*j], m))
                {
                    same[i] = Some(j);
                    taken[j] = true;
                }
            }
        }
        let last_roles: Vec<String> = last.members.iter().map(role_key).collect();
        let mut changes = Changes::default();
        for (i, m) in this.members.iter().enumerate() {
            let Some(j) = same[i] else {
                changes.new.push(i);
                if !last_roles.contains(&role_key(m)) {
                    changes.new_roles.push(i);
                }
                continue;
            };
            let was = &last.members[j];
            let moved = Moved {
                member: i,
                closer: ring_move(last, was, this, m),
                tie_was: (was.tie != m.tie).then_some(was.tie),
                role_was: (role_key(was) != role_key(m)).then(|| was.role.clone()),
            };
            if moved.closer.is_some() || moved.tie_was.is_some() || moved.role_was.is_some() {
                changes.moved.push(moved);
            }
        }
        changes.left = (0..last.members.len()).filter(|j| !taken[*j]).collect();
        changes
    }

    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        self.new.is_empty() && self.left.is_empty() && self.moved.is_empty()
    }
}

/// A member's name as people write it; `None` without one.
fn name(m: &Member) -> Option<String> {
    m.name.as_deref().map(person_key).filter(|n| !n.is_empty())
}

/// Whether last year's member (first) and this year's are the same person
/// by one rule.
type Pairing = dyn Fn(&Member, &Member) -> bool;

/// Whether `m` (this year) is on another ring than `was` (last year), by
/// the rings' ids: `Some(true)` closer to the school (inside where last
/// year's ring is now, or further in by position when that ring is gone).
fn ring_move(last: &Kernteam, was: &Member, this: &Kernteam, m: &Member) -> Option<bool> {
    let was_id = last.rings.get(was.ring).map(|r| r.id.as_str());
    let now_id = this.rings.get(m.ring).map(|r| r.id.as_str());
    if was_id == now_id {
        return None;
    }
    let before = was_id
        .and_then(|id| this.rings.iter().position(|r| r.id == id))
        .unwrap_or(was.ring);
    (before != m.ring).then_some(m.ring < before)
}

/// A role as the circle knows it: the catalogue's id, else the text.
fn role_key(m: &Member) -> String {
    m.catalogue_role
        .clone()
        .unwrap_or_else(|| person_key(&m.role))
}

/// Last year's kernteam beside this year's, for what the picture, the
/// description and `cirkel diff` mark as changed (`--since`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Since {
    /// Last year's kernteam at this year's privacy level (its members in
    /// their order): what may be shown of who left.
    pub last: Kernteam,
    /// [`Changes::between`] last year's and this year's kernteams as
    /// written, before any privacy level: names decide who is the same
    /// person, even where the output shows none.
    pub changes: Changes,
}

impl Since {
    /// Compares `last` year's kernteam with `this` year's, both as
    /// written, for output at `privacy`.
    pub fn new(last: &Kernteam, this: &Kernteam, privacy: Privacy) -> Since {
        Since {
            last: last.redacted(privacy),
            changes: Changes::between(last, this),
        }
    }

    /// Whether this year's member `index` is new.
    pub fn is_new(&self, index: usize) -> bool {
        self.changes.new.contains(&index)
    }
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
                tie_was: Some(Tie::Tenuous),
                role_was: None,
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

    /// A role left without a name does not take the person who moved to
    /// another id; a name is matched in the same role first; a swap of
    /// roles is two moves; a ring added between the years moves nobody.
    #[test]
    fn people_are_found_before_roles_and_roles_before_other_roles() {
        let last = team(
            r#"{ "id": "ib", "role": "intern-begeleider", "name": "Anna" },
               { "id": "cjg", "role": "cjg-coach", "name": "Sanne" },
               { "id": "lpa", "role": "leerplichtambtenaar", "name": "Daan" }"#,
        );
        let this = team(
            r#"{ "id": "ib", "role": "intern-begeleider", "name": "Anna" },
               { "id": "cjg", "role": "cjg-coach" },
               { "id": "sanne", "role": "cjg-coach", "name": "Sanne" },
               { "id": "vt", "role": "veilig-thuis", "name": "Daan" },
               { "id": "lpa", "role": "leerplichtambtenaar", "name": "Daan" }"#,
        );
        let c = Changes::between(&last, &this);
        // Sanne is Sanne (by name); the nameless cjg role is new; Daan of
        // leerplicht is Daan of leerplicht; Daan of Veilig Thuis is new.
        assert_eq!(c.new, vec![1, 3]);
        assert!(c.left.is_empty() && c.moved.is_empty(), "{c:?}");

        let swapped = team(
            r#"{ "id": "ib", "role": "intern-begeleider", "name": "Sanne" },
               { "id": "cjg", "role": "cjg-coach", "name": "Anna" },
               { "id": "lpa", "role": "leerplichtambtenaar", "name": "Daan" }"#,
        );
        let c = Changes::between(&last, &swapped);
        assert!(c.new.is_empty() && c.left.is_empty());
        let roles: Vec<_> = c
            .moved
            .iter()
            .map(|m| (m.member, m.role_was.clone()))
            .collect();
        assert_eq!(
            roles,
            vec![
                (0, Some("CJG-coach".to_string())),
                (1, Some("Intern begeleider".to_string()))
            ]
        );
    }

    #[test]
    fn rings_are_compared_by_their_ids() {
        let rings = |list: &str| {
            let json = format!(
                r#"{{ "school": {{ "name": "X" }}, "rings": [ {list} ],
                     "members": [ {{ "id": "ib", "role": "intern-begeleider", "name": "A", "ring": "kern" }} ],
                     "routes": [ {{ "question": "q", "steps": ["ib"] }} ] }}"#
            );
            parse(json.as_bytes(), &ParseOptions::default())
                .unwrap()
                .kernteam
        };
        let last = rings(r#"{ "id": "kern", "label": "Kern" }, { "id": "ver", "label": "Ver" }"#);
        let more = rings(
            r#"{ "id": "school", "label": "School" }, { "id": "kern", "label": "Kern" }, { "id": "ver", "label": "Ver" }"#,
        );
        assert!(
            Changes::between(&last, &more).is_empty(),
            "a ring added inside"
        );
    }

    #[test]
    fn names_are_compared_as_people_write_them() {
        assert_eq!(person_key("  Ïnge  van  der   Berg "), "inge van der berg");
        assert_eq!(person_key("ÇAĞLA Öztürk"), person_key("çağla ozturk"));
    }
}
