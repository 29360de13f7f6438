//! What `check` says about inputs: located, helpful messages.

use super::*;

#[test]
fn unknown_key_suggests_the_nearest_known_key() {
    assert_input_error(
        "unknown-key",
        &doc(
            r#"    { "id": "ib", "role": "intern-begeleider", "nmae": "Maaike" }"#,
            "",
        ),
        &[
            ":5:48: error: members[0].nmae: unknown key `nmae`",
            "did you mean `name`?",
        ],
    );
}

#[test]
fn all_unknown_keys_are_reported_at_once() {
    assert_input_error(
        "unknown-keys",
        &doc(
            r#"    { "id": "ib", "rol": "intern-begeleider", "ringg": "school" },
    { "id": "cjg", "role": "cjg-coach", "expertice": ["gedrag"] }"#,
            r#", "titel": "X""#,
        ),
        &[
            "members[0].rol",
            "`role`?",
            "members[0].ringg",
            "`ring`?",
            "members[1].expertice",
            "`expertise`?",
            "titel",
            "`title`?",
        ],
    );
}

#[test]
fn duplicate_ids_name_both_places() {
    assert_input_error(
        "duplicate-id",
        &doc(
            r#"    { "id": "ib", "role": "intern-begeleider" },
    { "id": "ib", "role": "directeur" }"#,
            "",
        ),
        &[
            "members[1].id: duplicate id \"ib\": members[0] has it too",
            "own id",
        ],
    );
}

#[test]
fn malformed_ids_get_a_suggested_id() {
    assert_input_error(
        "malformed-id",
        &doc(
            r#"    { "id": "Maaike van Lieren", "role": "intern-begeleider" }"#,
            "",
        ),
        &[
            "members[0].id: \"Maaike van Lieren\" is not a valid id",
            "e.g. \"maaike-van-lieren\"",
        ],
    );
}

#[test]
fn unknown_ring_and_domain_suggest_known_ones() {
    assert_input_error(
        "unknown-ring",
        &doc(
            r#"    { "id": "ib", "role": "intern-begeleider", "ring": "kerntaem", "domain": "jeugdzorg" }"#,
            "",
        ),
        &[
            "members[0].ring: unknown ring \"kerntaem\"",
            "did you mean \"kernteam\"?",
            "\"school\", \"kernteam\", \"netwerk\"",
            "members[0].domain: unknown domain \"jeugdzorg\"",
            "\"jeugdhulp\"",
        ],
    );
}

#[test]
fn routes_to_unknown_members_list_known_ids() {
    assert_input_error(
        "unknown-member",
        &doc(
            r#"    { "id": "ib", "role": "intern-begeleider" },
    { "id": "cjg", "role": "cjg-coach" }"#,
            r#",
  "routes": [ { "id": "gedrag", "question": "Gedrag", "steps": ["ib", "cgj"], "escalation": ["veilig-thuis"] } ]"#,
        ),
        &[
            "routes[0].steps[1]: unknown member \"cgj\"",
            "did you mean \"cjg\"?",
            "routes[0].escalation[0]: unknown member \"veilig-thuis\"",
            "known member ids: \"ib\", \"cjg\"",
        ],
    );
}

#[test]
fn empty_names_are_refused() {
    assert_input_error(
        "empty-name",
        &doc(
            r#"    { "id": "ib", "role": "intern-begeleider", "name": "  " }"#,
            "",
        ),
        &["members[0].name: must not be empty"],
    );
    assert_input_error(
        "empty-school",
        br#"{"school": {"name": ""}}"#,
        &["school.name: must not be empty"],
    );
    assert_input_error(
        "no-school",
        br#"{"version": 1}"#,
        &["school: the school is missing", "\"school\": { \"name\""],
    );
}

#[test]
fn unsupported_version_is_refused() {
    assert_input_error(
        "version",
        br#"{"version": 2, "school": {"name": "X"}}"#,
        &["version: unsupported version 2; this cirkel reads version 1"],
    );
}

#[test]
fn only_web_links_are_allowed() {
    for link in [
        "javascript:alert(1)",
        "ftp://example.nl",
        "data:text/html,x",
        "www.example.nl",
    ] {
        assert_input_error(
            "link",
            &doc(
                &format!(
                    r#"    {{ "id": "ib", "role": "intern-begeleider", "contact": {{ "website": "{link}" }} }}"#
                ),
                "",
            ),
            &[
                "members[0].contact.website",
                "is not an allowed link",
                "https://",
            ],
        );
    }
    assert_input_error(
        "link-tab",
        &doc(
            r#"    { "id": "ib", "role": "intern-begeleider", "contact": { "website": "java\tscript:alert(1)" } }"#,
            "",
        ),
        &["members[0].contact.website: a link must not contain spaces or control characters"],
    );
}

#[test]
fn missing_and_bad_photos_are_refused() {
    assert_input_error(
        "photo-missing",
        &doc(
            r#"    { "id": "ib", "role": "intern-begeleider", "photo": "fotos/ib.jpg" }"#,
            "",
        ),
        &["members[0].photo: photo file not found", "fotos/ib.jpg"],
    );
    assert_input_error(
        "photo-escape",
        &doc(
            r#"    { "id": "ib", "role": "intern-begeleider", "photo": "../../etc/passwd" }"#,
            "",
        ),
        &[
            "members[0].photo",
            "must be a relative path inside the input file's folder",
        ],
    );
    let dir = scratch("photo-not-image");
    write(&dir, "ib.jpg", b"this is not a picture");
    std::fs::create_dir_all(dir.join("map.png")).unwrap();
    let file = write(
        &dir,
        "school.json",
        &doc(
            r#"    { "id": "ib", "role": "intern-begeleider", "photo": "ib.jpg" },
    { "id": "d", "role": "directeur", "photo": "map.png" }"#,
            "",
        ),
    );
    let out = cirkel(&["check", &file], None);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("members[0].photo: photo")
            && out.stderr.contains("is not a PNG or JPEG image"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("members[1].photo: photo") && out.stderr.contains("is not a file"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_real_photo_passes_the_check() {
    let dir = scratch("photo-ok");
    std::fs::create_dir_all(dir.join("fotos")).unwrap();
    let png = resvg::tiny_skia::Pixmap::new(16, 16)
        .unwrap()
        .encode_png()
        .unwrap();
    write(&dir, "fotos/ib.png", &png);
    let file = write(
        &dir,
        "school.json",
        &doc(
            r#"    { "id": "ib", "role": "intern-begeleider", "photo": "fotos/ib.png" }"#,
            "",
        ),
    );
    let out = cirkel(&["check", &file], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn wrong_types_name_the_path() {
    assert_input_error(
        "type",
        &doc(r#"    { "id": "ib", "name": 42 }"#, ""),
        &["members[0].name: expected a text in double quotes, found 42"],
    );
    assert_input_error(
        "type-list",
        br#"{"school": {"name": "X"}, "members": {}}"#,
        &["members: expected a list"],
    );
}

#[test]
fn syntax_and_encoding_problems_are_explained() {
    assert_input_error("empty", b"", &["input is empty", "cirkel init"]);
    assert_input_error(
        "truncated",
        br#"{"members":[{"id":"a","name":"b"#,
        &["1:30", "the closing `\"` of this text is missing"],
    );
    assert_input_error(
        "cut-off",
        br#"{"members":[{"id":"a","name":"b"}"#,
        &["unexpected end of file", "missing `}`"],
    );
    assert_input_error(
        "comment",
        b"{\n  // kernteam\n  \"school\": {\"name\": \"X\"}\n}",
        &[":2:3: error: comments are not allowed in JSON"],
    );
    assert_input_error(
        "trailing-comma",
        b"{\"school\": {\"name\": \"X\"},}",
        &["trailing comma"],
    );
    assert_input_error(
        "latin1",
        b"{\"school\": {\"name\": \"Caf\xe9\"}}",
        &[
            "not valid UTF-8 at line 1, column 25",
            "save the file as UTF-8",
        ],
    );
    assert_input_error("utf16", b"\xff\xfe{\0}\0", &["UTF-16", "save it as UTF-8"]);
    assert_input_error(
        "duplicate-key",
        br#"{"school": {"name": "A", "name": "B"}}"#,
        &["school.name: duplicate key `name`"],
    );
    assert_input_error(
        "garbage",
        br#"{"school": {"name": "A"}} x"#,
        &["unexpected text after the JSON value"],
    );
}

#[test]
fn bom_and_crlf_are_accepted_and_change_nothing() {
    let dir = scratch("bom");
    let plain = std::fs::read(EXAMPLE).unwrap();
    let text = String::from_utf8(plain.clone()).unwrap();
    let mut bom_crlf = b"\xEF\xBB\xBF".to_vec();
    bom_crlf.extend(text.replace('\n', "\r\n").into_bytes());
    let a = write(&dir, "plain.json", &plain);
    let b = write(&dir, "bom.json", &bom_crlf);
    let sa = cirkel(&["render", &a, "-o", "-", "--format", "svg"], None);
    let sb = cirkel(&["render", &b, "-o", "-", "--format", "svg"], None);
    assert_eq!(sa.code, 0, "{}", sa.stderr);
    assert_eq!(sb.code, 0, "{}", sb.stderr);
    assert_eq!(sa.stdout, sb.stdout);
}

// ---- commands, formats and exit codes ----
