//! One mistake, one message; and what people write read as they mean it.

use super::*;
use crate::model::{Domain, Lang, Tie};

fn parse_str(s: &str) -> Result<Parsed, Diagnostics> {
    parse(s.as_bytes(), &ParseOptions::default())
}

/// The errors of an input that must fail.
fn errors(s: &str) -> Vec<String> {
    match parse_str(s) {
        Ok(_) => panic!("expected errors for {s}"),
        Err(d) => d
            .errors()
            .map(|e| format!("{}: {}", e.path, e.message.text(Lang::En)))
            .collect(),
    }
}

/// The warnings of an input that must pass.
fn warnings(p: &Parsed) -> Vec<String> {
    p.warnings
        .warnings()
        .map(|w| format!("{}: {}", w.path, w.message.text(Lang::En)))
        .collect()
}

#[test]
fn members_that_are_not_a_list_do_not_make_every_step_unknown() {
    let e = errors(
        r#"{"school": {"name": "X"}, "members": {"ib": {"role": "intern-begeleider"}},
            "routes": [{"question": "q", "steps": ["ib", "cjg"]}]}"#,
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].starts_with("members: expected a list"), "{e:?}");
}

#[test]
fn a_bad_ring_id_does_not_make_its_members_wrong() {
    let e = errors(
        r#"{"school": {"name": "X"}, "rings": [{"id": "Kern Team"}],
            "members": [{"role": "cjg-coach", "ring": "Kern Team"}]}"#,
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("rings[0].id"), "{e:?}");
}

#[test]
fn a_bad_field_keeps_the_member_known() {
    let e = errors(
        r#"{"school": {"name": "X"},
            "members": [{"id": "ib", "role": "intern-begeleider", "name": 7, "expertise": ["a", 3, "b"]}],
            "routes": [{"question": "q", "steps": ["ib"]}]}"#,
    );
    assert_eq!(
        e,
        [
            "members[0].name: expected a text in double quotes, found 7",
            "members[0].expertise[1]: expected a text in double quotes, found 3"
        ]
    );
}

#[test]
fn texts_are_read_as_the_members_and_rings_they_name() {
    let p = parse_str(
        r#"{"school": {"name": "X"},
            "rings": ["In de school", "Kernteam"],
            "members": ["intern-begeleider", {"id": "cjg", "role": "cjg-coach", "ring": "KERNTEAM", "domain": "Jeugdhulp", "tie": "sterk"}],
            "routes": [{"question": "q", "steps": ["Intern-Begeleider", "CJG-coach"]}]}"#,
    )
    .unwrap();
    let k = &p.kernteam;
    assert_eq!(k.rings[0].id, "in-de-school");
    assert_eq!(k.rings[1].label, "Kernteam");
    assert_eq!(k.members[0].id, "intern-begeleider");
    assert_eq!(k.members[0].ring, 0);
    assert_eq!(k.members[1].ring, 1);
    assert_eq!(k.members[1].domain, Domain::Jeugdhulp);
    assert_eq!(k.members[1].tie, Tie::Strong);
    assert_eq!(k.routes[0].steps, ["intern-begeleider", "cjg"]);
    let w = warnings(&p);
    for expected in [
        "rings[0]: a ring is an object",
        "members[0]: a member is an object",
        "members[1].tie: \"sterk\" is read as \"strong\"",
        "routes[0].steps[0]: \"Intern-Begeleider\" is read as member \"intern-begeleider\"",
        "routes[0].steps[1]: \"CJG-coach\" is read as member \"cjg\" (CJG-coach)",
    ] {
        assert!(
            w.iter().any(|x| x.starts_with(expected)),
            "{expected}: {w:?}"
        );
    }
    assert_eq!(w.len(), 6, "{w:?}");
}

#[test]
fn a_ring_is_found_by_its_label() {
    let p = parse_str(
        r#"{"school": {"name": "X"}, "members": [{"role": "veilig-thuis", "ring": "Op afroep"}]}"#,
    )
    .unwrap();
    assert_eq!(p.kernteam.members[0].ring, 2);
    assert!(p.warnings.warnings().next().is_none());
}

#[test]
fn a_role_shared_by_two_members_is_not_guessed() {
    let e = errors(
        r#"{"school": {"name": "X"},
            "members": [{"id": "a", "role": "cjg-coach"}, {"id": "b", "role": "cjg-coach"}],
            "routes": [{"question": "q", "steps": ["cjg-coach"]}]}"#,
    );
    assert_eq!(e, ["routes[0].steps[0]: unknown member \"cjg-coach\""]);
}

#[test]
fn missing_steps_are_one_error_however_they_are_missing() {
    for steps in [
        r#""#,
        r#", "steps": []"#,
        r#", "steps": """#,
        r#", "steps": null"#,
    ] {
        let e = errors(&format!(
            r#"{{"school": {{"name": "X"}}, "members": [{{"id": "ib", "role": "intern-begeleider"}}], "routes": [{{"question": "q"{steps}}}]}}"#
        ));
        assert_eq!(
            e,
            ["routes[0]: a route needs at least one step in `steps`"],
            "{steps}"
        );
    }
    let e = errors(
        r#"{"school": {"name": "X"}, "members": [{"id": "ib", "role": "intern-begeleider"}], "routes": [{"question": "q", "steps": 5}]}"#,
    );
    assert_eq!(
        e,
        ["routes[0].steps: expected a list [ … ] of texts, found a number"]
    );
}

#[test]
fn warnings_after_a_bad_step_keep_their_position() {
    let p = parse_str(
        r#"{"school": {"name": "X"}, "members": [{"id": "ib", "role": "intern-begeleider"}],
            "routes": [{"question": "q", "steps": ["ib", "ib"]}]}"#,
    )
    .unwrap();
    assert_eq!(
        warnings(&p),
        ["routes[0].steps[1]: \"ib\" (Intern begeleider) is already step 1 of this route"]
    );
    let e = parse_str(
        r#"{"school": {"name": "X"}, "members": [{"id": "ib", "role": "intern-begeleider"}],
            "routes": [{"question": "q", "steps": [1, "ib", "ib"]}]}"#,
    )
    .unwrap_err();
    let w: Vec<&str> = e.warnings().map(|w| w.path.as_str()).collect();
    assert_eq!(w, ["routes[0].steps[2]"]);
}

#[test]
fn a_dutch_key_is_read_as_the_key_it_means() {
    // `naam` is one error; the school's name is not also "missing".
    let e = errors(r#"{"school": {"naam": "De Ark"}, "leden": [{"rol": "cjg-coach"}]}"#);
    assert_eq!(
        e,
        [
            "school.naam: unknown key `naam`",
            "leden: unknown key `leden`",
            "members[0].rol: unknown key `rol`"
        ]
    );
}
