//! End-to-end tests of validation as a non-programmer meets it: work is
//! never lost, one mistake is one message, mistakes are named in the
//! words the person uses, and roles are known however they are written.

#![allow(missing_docs, clippy::unwrap_used)]

mod common;
use common::*;

/// Runs `check` on `content`; the exit code and standard error.
fn check(name: &str, content: &[u8]) -> (i32, String, String) {
    let dir = scratch(name);
    let file = write(&dir, "school.json", content);
    let out = cirkel(&["check", &file], None);
    (out.code, out.stderr, file)
}

/// The `error:` lines of a message.
fn errors(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.contains(": error: ")).collect()
}

/// Asserts that `content` gives exactly one error, at `at`, saying `says`.
fn one_error(name: &str, content: &[u8], at: &str, says: &[&str]) {
    let (code, stderr, _) = check(name, content);
    assert_eq!(code, 1, "{name}: {stderr}");
    let errs = errors(&stderr);
    assert_eq!(errs.len(), 1, "{name}: one mistake, one message:\n{stderr}");
    assert!(errs[0].contains(at), "{name}: not at {at}:\n{stderr}");
    for s in says {
        assert!(stderr.contains(s), "{name}: missing {s:?} in:\n{stderr}");
    }
}

#[test]
fn init_never_overwrites_a_filled_in_file() {
    let dir = scratch("init-keep");
    let file = write(&dir, "regenboog.json", b"{ \"my\": \"work\" }");
    let out = cirkel(&["init", "-o", &file], None);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("bestaat al"), "{}", out.stderr);
    assert!(out.stderr.contains("--force"), "{}", out.stderr);
    assert_eq!(std::fs::read(&file).unwrap(), b"{ \"my\": \"work\" }");
    let out = cirkel(&["init", "-o", &file, "--force"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(cirkel(&["check", &file], None).code == 0);
    // No temporary file is left behind either way.
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(left.len(), 1);
}

#[test]
fn a_ring_typo_on_a_route_step_is_one_error() {
    one_error(
        "ring-typo",
        &doc(
            r#"    { "id": "ib", "role": "intern-begeleider", "ring": "school" },
    { "id": "lpa", "role": "leerplichtambtenaar", "ring": "kernteem" }"#,
            r#",
  "routes": [ { "question": "Verzuim", "steps": ["ib", "lpa"] } ]"#,
        ),
        ":6:59: error: members[1].ring: unknown ring \"kernteem\"",
        &["did you mean \"kernteam\"?"],
    );
}

#[test]
fn a_bad_member_id_is_not_wrong_again_in_routes() {
    one_error(
        "bad-id",
        &doc(
            r#"    { "id": "IB Onderbouw", "role": "intern-begeleider" }"#,
            r#",
  "routes": [ { "question": "Gedrag", "steps": ["IB Onderbouw"] },
              { "question": "Verzuim", "steps": ["ib-onderbouw"] } ]"#,
        ),
        "members[0].id: \"IB Onderbouw\" is not a valid id",
        &["e.g. \"ib-onderbouw\""],
    );
}

#[test]
fn expertise_written_as_one_text_is_read_as_a_list() {
    let dir = scratch("expertise-text");
    let file = write(
        &dir,
        "school.json",
        &doc(
            r#"    { "id": "ib", "role": "intern-begeleider", "expertise": "leerlingzorg, contact met ouders" },
    { "id": "cjg", "role": "cjg-coach" }"#,
            r#",
  "routes": [ { "question": "Gedrag", "steps": "ib, cjg" } ]"#,
        ),
    );
    let out = cirkel(&["check", &file], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(errors(&out.stderr).is_empty(), "{}", out.stderr);
    assert!(
        out.stderr.contains(":5:61: warning: members[0].expertise: `expertise` is a list [ … ]; the text is read as [\"leerlingzorg\", \"contact met ouders\"]"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("routes[0].steps: `steps` is a list"),
        "{}",
        out.stderr
    );
    let out = cirkel(&["describe", &file], None);
    let text = out.stdout_text();
    assert!(
        text.contains("Expertise: leerlingzorg, contact met ouders."),
        "{text}"
    );
    assert!(
        text.contains("Gedrag: eerst Intern begeleider, dan CJG-coach."),
        "{text}"
    );
}

#[test]
fn messages_after_a_bad_member_keep_their_own_position() {
    let (code, stderr, _) = check(
        "positions",
        &doc(
            r#"    42,
    { "id": "x", "role": "tandarts" }"#,
            "",
        ),
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(":5:5: error: members[0]: expected a member"),
        "{stderr}"
    );
    // The note is about members[1], on line 6: not shifted to members[0].
    assert!(
        stderr.contains(":6:5: note: members[1]: \"x\" (tandarts) lists no expertise"),
        "{stderr}"
    );
}

#[test]
fn roles_are_known_as_people_write_them() {
    let dir = scratch("roles-written");
    let file = write(
        &dir,
        "school.json",
        &doc(
            r#"    { "id": "jgz", "role": "jgz verpleegkundige" },
    { "id": "ib", "role": "Intern Begeleider" },
    { "id": "zoco", "role": "Zorgcoördinator" },
    { "id": "arts", "role": "Schoolarts" },
    { "id": "nt2", "role": "Leerkracht NT2" },
    { "id": "lpa", "role": "leerplichtambtenar" }"#,
            "",
        ),
    );
    let out = cirkel(&["check", &file], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let warnings: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.contains("warning:"))
        .collect();
    assert_eq!(
        warnings.len(),
        1,
        "only the real typo warns:\n{}",
        out.stderr
    );
    assert!(warnings[0].contains("members[5].role"), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("did you mean \"leerplichtambtenaar\" (School attendance officer)?"),
        "{}",
        out.stderr
    );
    let text = cirkel(&["describe", &file], None).stdout_text();
    for line in [
        "JGZ-verpleegkundige, GGD (jeugdgezondheidszorg) (gezondheid)",
        "Intern begeleider (onderwijs). Expertise: leerlingzorg",
        "Zorgcoördinator (onderwijs)",
        // Another word for a role keeps the school's word, with the
        // catalogue's organisation and expertise.
        "Schoolarts, GGD (jeugdgezondheidszorg) (gezondheid). Expertise: gezondheid",
        "Leerkracht NT2 (overig)",
    ] {
        assert!(text.contains(line), "{line}:\n{text}");
    }
}

#[test]
fn a_missing_closing_quote_is_shown_at_its_opening_quote() {
    one_error(
        "missing-quote",
        b"{\n  \"school\": { \"name\": \"De Ark },\n  \"members\": []\n}\n",
        ":2:23: error: the closing `\"` of this text is missing",
        &["end the text with a `\"` on the same line"],
    );
}

#[test]
fn curly_quotes_are_named() {
    one_error(
        "curly",
        "{\n  \"school\": { “name”: \"De Ark\" }\n}\n".as_bytes(),
        ":2:15: error: curly quotes (“)",
        &["straight double quotes"],
    );
}

#[test]
fn dutch_keys_get_the_english_key() {
    one_error(
        "dutch-key",
        b"{\n  \"school\": { \"naam\": \"De Ark\" }\n}\n",
        ":2:15: error: school.naam: unknown key `naam`",
        &["did you mean `name`? (keys are English)"],
    );
    // Each Dutch key is one message; what it holds is still checked.
    let (code, stderr, _) = check(
        "dutch-keys",
        "{\n  \"school\": { \"name\": \"De Ark\" },\n  \"leden\": [\n    { \"rol\": \"cjg-coach\", \"bereikbaarheid\": \"di\", \"contact\": { \"telefoon\": \"023 1\" }, \"ring\": \"kernteem\" }\n  ]\n}\n"
            .as_bytes(),
    );
    assert_eq!(code, 1);
    let errs = errors(&stderr);
    assert_eq!(errs.len(), 5, "{stderr}");
    for expected in [
        "leden: unknown key `leden`",
        "members[0].rol: unknown key `rol`",
        "members[0].bereikbaarheid: unknown key `bereikbaarheid`",
        "members[0].contact.telefoon: unknown key `telefoon`",
        "members[0].ring: unknown ring \"kernteem\"",
    ] {
        assert!(
            errs.iter().any(|e| e.contains(expected)),
            "{expected}:\n{stderr}"
        );
    }
    assert!(stderr.contains("did you mean `availability`? (keys are English)"));
    assert!(stderr.contains("did you mean `phone`? (keys are English)"));
}

#[test]
fn images_and_other_binary_files_are_named() {
    let png = include_bytes!("../examples/photos/sanne.png");
    one_error(
        "png",
        png,
        ":1:1: error: this is a PNG image, not a kernteam file",
        &["\"photo\""],
    );
    one_error(
        "jpeg",
        b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00",
        "this is a JPEG image",
        &[],
    );
    one_error(
        "xlsx",
        b"PK\x03\x04\x14\x00\x06\x00",
        "this is a ZIP archive (a spreadsheet, Word or OpenDocument file is one)",
        &[],
    );
    one_error(
        "nul",
        b"{\"a\x00\"}",
        "this is a binary file (a zero byte at line 1, column 4)",
        &[],
    );
    one_error(
        "utf16",
        &"{ \"school\": { \"name\": \"X\" } }"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect::<Vec<u8>>(),
        ":1:1: error: the file is UTF-16",
        &["save it as UTF-8"],
    );
}

#[test]
fn a_theme_file_is_checked_alone_or_with_an_input() {
    let dir = scratch("theme-check");
    let bad = write(
        &dir,
        "bad.json",
        b"{\n  \"domains\": { \"jeugdhulpp\": \"#fff\", \"onderwijs\": \"blue\" },\n  \"backgound\": \"#fff\"\n}\n",
    );
    let out = cirkel(&["check", "--theme", &bad], None);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        errors(&out.stderr).len(),
        3,
        "every problem at once:\n{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("bad.json:2:30: error: domains.jeugdhulpp"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("bad.json:3:16: error: backgound"),
        "{}",
        out.stderr
    );
    let pale = write(
        &dir,
        "pale.json",
        b"{ \"ring_line\": \"#f4f4f4\", \"text\": \"#999999\" }",
    );
    let out = cirkel(&["check", "--theme", &pale], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout_text().contains("pale.json: ok: a theme"),
        "{}",
        out.stdout_text()
    );
    assert!(
        out.stderr.contains("text may be hard to read"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("ring_line on background"),
        "{}",
        out.stderr
    );
    let school = write(
        &dir,
        "school.json",
        &doc(r#"    { "role": "cjg-coach" }"#, ""),
    );
    let out = cirkel(&["check", &school, "--theme", &bad], None);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("bad.json:2:30: error: domains.jeugdhulpp"),
        "{}",
        out.stderr
    );
    let out = cirkel(&["check", "--theme", "print"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn parents_are_a_role_never_a_person() {
    let (code, stderr, _) = check(
        "ouders-person",
        &doc(
            r#"    { "id": "ouders", "role": "ouders", "name": "Fam. Jansen", "contact": { "phone": "06 1234 5678" }, "photo": "jansen.jpg" }"#,
            "",
        ),
    );
    assert_eq!(code, 1, "{stderr}");
    let errs = errors(&stderr);
    assert_eq!(errs.len(), 3, "{stderr}");
    for key in ["name", "contact", "photo"] {
        assert!(
            errs.iter().any(|e| e.contains(&format!(
                "members[0].{key}: parents are in the circle as a role, never as people"
            ))),
            "{key}:\n{stderr}"
        );
    }
    assert!(
        stderr.contains("parents' personal data stays out of it"),
        "{stderr}"
    );
    // As a role a route passes, they are drawn in their own domain.
    let dir = scratch("ouders-route");
    let file = write(
        &dir,
        "school.json",
        &doc(
            r#"    { "id": "ib", "role": "intern-begeleider" },
    { "id": "ouders", "role": "Ouders" },
    { "id": "cjg", "role": "cjg-coach" }"#,
            r#",
  "routes": [ { "question": "Gedrag", "steps": ["ib", "ouders", "cjg"], "note": "toestemming van ouders" } ]"#,
        ),
    );
    let svg = dir.join("out.svg");
    let out = cirkel(&["render", &file, "-o", &svg.to_string_lossy()], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let svg = std::fs::read_to_string(&svg).unwrap();
    assert!(
        svg.contains("domain-ouders"),
        "the card is in the ouders domain"
    );
    assert!(svg.contains(">Ouders<"), "the legend names the domain");
}

#[test]
fn veilig_thuis_has_its_national_number_and_hours() {
    let dir = scratch("veilig-thuis");
    let file = write(
        &dir,
        "school.json",
        &doc(r#"    { "id": "vt", "role": "veilig-thuis" }"#, ""),
    );
    let svg = dir.join("out.svg");
    let out = cirkel(&["render", &file, "-o", &svg.to_string_lossy()], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let svg = std::fs::read_to_string(&svg).unwrap();
    assert!(svg.contains("href=\"tel:08002000\""), "linked as tel:");
    assert!(svg.contains("dag en nacht"));
    let out = cirkel(&["describe", &file, "--lang", "en"], None);
    assert!(
        out.stdout_text().contains("day and night"),
        "{}",
        out.stdout_text()
    );
    // The school's own number wins.
    let file = write(
        &dir,
        "own.json",
        &doc(
            r#"    { "id": "vt", "role": "veilig-thuis", "contact": { "phone": "088 123 4567" } }"#,
            "",
        ),
    );
    let text = cirkel(&["describe", &file], None).stdout_text();
    assert!(
        text.contains("088 123 4567") && !text.contains("0800-2000"),
        "{text}"
    );
}
