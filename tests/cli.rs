//! End-to-end tests of the `cirkel` command: exit codes, messages a person
//! can act on, and outputs that hold the contracts of DESIGN.md.

#![allow(missing_docs, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

mod common;
use common::*;

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/st-bernardusschool.json"
);

// ---- item 2 of issue 2: every kind of bad input ----

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

#[test]
fn renders_the_example_to_svg_and_png() {
    let dir = scratch("render");
    let svg = dir.join("out.svg");
    let png = dir.join("out.png");
    assert_eq!(
        cirkel(&["render", EXAMPLE, "-o", &svg.to_string_lossy()], None).code,
        0
    );
    assert_eq!(
        cirkel(&["render", EXAMPLE, "-o", &png.to_string_lossy()], None).code,
        0
    );
    let svg_text = std::fs::read_to_string(&svg).unwrap();
    assert!(svg_text.starts_with("<svg"));
    assert!(
        svg_text.contains(
            "<title id=\"cirkel-title\">Cirkel van invloed – St. Bernardusschool</title>"
        )
    );
    assert!(svg_text.contains("<g class=\"member domain-jeugdhulp\" id=\"member-cjg\">"));
    for ring in ["In de school", "Kernteam", "Op afroep"] {
        assert!(
            svg_text.contains(&format!(">{ring}</text>")),
            "ring label {ring}"
        );
    }
    assert!(svg_text.contains(">Zo blijven we elkaar vinden</text>"));
    let bytes = std::fs::read(&png).unwrap();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    // Same input, same bytes.
    let again = dir.join("again.png");
    cirkel(&["render", EXAMPLE, "-o", &again.to_string_lossy()], None);
    assert_eq!(bytes, std::fs::read(&again).unwrap());
}

#[test]
fn width_sets_the_png_width_exactly() {
    let out = cirkel(
        &[
            "render", EXAMPLE, "-o", "-", "--format", "png", "--width", "800",
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let w = u32::from_be_bytes(out.stdout[16..20].try_into().unwrap());
    assert_eq!(w, 800);
    let out = cirkel(
        &[
            "render", EXAMPLE, "-o", "-", "--format", "png", "--width", "600", "--scale", "2",
        ],
        None,
    );
    assert_eq!(
        u32::from_be_bytes(out.stdout[16..20].try_into().unwrap()),
        1200
    );
}

#[test]
fn stdin_and_stdout_work_with_dash() {
    let input = std::fs::read(EXAMPLE).unwrap();
    let out = cirkel(&["render", "-", "-o", "-"], Some(&input));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with(b"<svg"));
    let out = cirkel(&["check", "-"], Some(b""));
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("no input on standard input"),
        "{}",
        out.stderr
    );
    let out = cirkel(&["check", "-"], Some(b"{\"school\": 1}"));
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .starts_with("<stdin>:1:12: error: school: expected an object"),
        "{}",
        out.stderr
    );
}

#[test]
fn exit_codes_follow_the_contract() {
    // 2: wrong usage.
    assert_eq!(cirkel(&["render"], None).code, 2);
    assert_eq!(cirkel(&["render", EXAMPLE, "--width", "0"], None).code, 2);
    assert_eq!(
        cirkel(&["render", EXAMPLE, "--width", "10000000"], None).code,
        2
    );
    assert_eq!(
        cirkel(&["render", EXAMPLE, "--width", "8193", "-o", "-"], None).code,
        2
    );
    let at_limit = cirkel(
        &[
            "render", EXAMPLE, "--width", "8192", "-o", "-", "--format", "svg",
        ],
        None,
    );
    assert_eq!(at_limit.code, 0, "{}", at_limit.stderr);
    assert!(at_limit.stdout_text().contains("width=\"8192\""));
    let out = cirkel(&["render", EXAMPLE, "-o", "out.gif"], None);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("noem het .svg of .png"),
        "{}",
        out.stderr
    );
    assert_eq!(cirkel(&["frobnicate"], None).code, 2);
    // 3: I/O.
    let out = cirkel(&["check", "/nonexistent/school.json"], None);
    assert_eq!(out.code, 3);
    assert!(
        out.stderr
            .contains("cannot read /nonexistent/school.json: no such file"),
        "{}",
        out.stderr
    );
    let dir = scratch("io");
    let out = cirkel(
        &[
            "render",
            EXAMPLE,
            "-o",
            &dir.join("missing-folder/x.png").to_string_lossy(),
        ],
        None,
    );
    assert_eq!(out.code, 3, "{}", out.stderr);
    let out = cirkel(
        &[
            "render",
            EXAMPLE,
            "-o",
            &dir.to_string_lossy(),
            "--format",
            "png",
        ],
        None,
    );
    assert_eq!(out.code, 3, "{}", out.stderr);
}

#[test]
fn a_failed_render_keeps_the_old_file() {
    let dir = scratch("atomic");
    let target = dir.join("cirkel.svg");
    std::fs::write(&target, "good").unwrap();
    let bad = write(&dir, "bad.json", b"{");
    let out = cirkel(&["render", &bad, "-o", &target.to_string_lossy()], None);
    assert_eq!(out.code, 1);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "good");
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn layout_output_follows_the_contract() {
    let out = cirkel(&["layout", EXAMPLE], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "width", "height", "centre", "rings", "sectors", "nodes", "routes", "boxes",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert!(v["centre"]["radius"].as_f64().unwrap() > 0.0);
    let node = &v["nodes"][0];
    for key in ["id", "ring", "domain", "x", "y", "width", "height", "lines"] {
        assert!(node.get(key).is_some(), "node misses {key}");
    }
    assert_eq!(v["nodes"].as_array().unwrap().len(), 10);
    let kinds: Vec<&str> = v["boxes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["title", "legend", "footer"]);
    assert!(v["sectors"][0]["start_deg"].is_number() && v["sectors"][0]["end_deg"].is_number());
}

#[test]
fn init_writes_a_file_that_checks_and_renders() {
    let dir = scratch("init");
    let file = dir.join("nieuw.json");
    let out = cirkel(
        &[
            "init",
            "--school",
            "OBS \"De Regenboog\"",
            "-o",
            &file.to_string_lossy(),
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let f = file.to_string_lossy();
    let check = cirkel(&["check", &f], None);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(
        !check.stderr.contains("warning"),
        "no warnings: {}",
        check.stderr
    );
    let png = dir.join("nieuw.png");
    assert_eq!(
        cirkel(&["render", &f, "-o", &png.to_string_lossy()], None).code,
        0
    );
    let text = std::fs::read_to_string(&file).unwrap();
    for role in [
        "cjg-coach",
        "jeugdarts",
        "jgz-verpleegkundige",
        "leerplichtambtenaar",
        "intern-begeleider",
        "directeur",
        "onderwijsconsulent",
    ] {
        assert!(text.contains(role), "{role}");
    }
}

#[test]
fn roles_and_schema_are_printed() {
    let out = cirkel(&["roles"], None);
    assert_eq!(out.code, 0);
    assert!(
        out.stdout_text().contains("leerplichtambtenaar")
            && out.stdout_text().contains("Veilig Thuis")
    );
    let out = cirkel(&["roles", "--lang", "en"], None);
    assert!(out.stdout_text().contains("School attendance officer"));
    let out = cirkel(&["schema"], None);
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(schema["required"][0], "school");
}

#[test]
fn english_labels_with_lang_en() {
    let out = cirkel(&["render", EXAMPLE, "-o", "-", "--lang", "en"], None);
    let svg = out.stdout_text();
    assert!(svg.contains(">Domains</text>"), "legend in English");
    assert!(svg.contains("School attendance officer"));
}

#[test]
fn markup_in_text_is_escaped_and_the_svg_stays_valid() {
    let dir = scratch("markup");
    let nasty = r#"<script>alert(1)</script> \"><svg onload=alert(1)> ' onmouseover='x ]]> <!-- &amp; \u0000\u202e"#;
    let file = write(&dir, "school.json", format!(r#"{{"school": {{"name": "{nasty}"}}, "title": "{nasty}",
        "members": [{{"id": "a", "role": "{nasty}", "name": "{nasty}", "organisation": "{nasty}", "expertise": ["{nasty}"]}}],
        "routes": [{{"question": "{nasty}", "steps": ["a"], "note": "{nasty}"}}],
        "meetings": [{{"when": "{nasty}", "purpose": "{nasty}"}}]}}"#).as_bytes());
    let out = cirkel(&["render", &file, "-o", "-"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("waarschuwing") && out.stderr.contains("weggehaald"),
        "control characters are reported: {}",
        out.stderr
    );
    let svg = out.stdout_text();
    assert!(!svg.contains("<script"));
    assert!(!svg.contains("<svg onload"));
    assert!(!svg.contains("<!--"));
    assert!(!svg.contains("]]>"));
    assert!(svg.contains("&lt;script&gt;"));
    assert!(svg.contains("&amp;amp;"));
    assert!(!svg.contains('\u{202e}') && !svg.contains('\u{0}'));
    // usvg (a strict XML parser) accepts it, and it renders.
    let tree = resvg::usvg::Tree::from_str(&svg, &cirkel_render::usvg_options());
    assert!(tree.is_ok(), "{:?}", tree.err());
    let png = cirkel(
        &[
            "render", &file, "-o", "-", "--format", "png", "--width", "400",
        ],
        None,
    );
    assert_eq!(png.code, 0, "{}", png.stderr);
}

#[test]
fn a_diagram_past_the_canvas_limit_is_refused_clearly() {
    let long = "kinderbeschermingsmaatregel ".repeat(7);
    let members: Vec<String> = (0..200)
        .map(|i| {
            format!(
                r#"{{"id": "m{i}", "role": "cjg-coach", "expertise": [{}]}}"#,
                vec![format!("\"{}\"", long.trim()); 12].join(",")
            )
        })
        .collect();
    let dir = scratch("too-large");
    let file = write(
        &dir,
        "school.json",
        format!(
            r#"{{"school": {{"name": "X"}}, "members": [{}]}}"#,
            members.join(",")
        )
        .as_bytes(),
    );
    let out = cirkel(
        &["render", &file, "-o", &dir.join("x.png").to_string_lossy()],
        None,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("de grens is 30000 px per kant"),
        "{}",
        out.stderr
    );
    assert!(!dir.join("x.png").exists());
}

#[test]
fn previous_layout_keeps_the_circle_steady() {
    let dir = scratch("previous");
    let old_layout = cirkel(&["layout", EXAMPLE], None);
    let prev = write(&dir, "vorig.layout.json", &old_layout.stdout);
    // This year: the directeur left.
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(EXAMPLE).unwrap()).unwrap();
    doc["members"]
        .as_array_mut()
        .unwrap()
        .retain(|m| m["id"] != "directeur");
    let file = write(&dir, "dit-jaar.json", &serde_json::to_vec(&doc).unwrap());
    let out = cirkel(&["layout", &file, "--previous", &prev], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let old: serde_json::Value = serde_json::from_slice(&old_layout.stdout).unwrap();
    let new: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let find = |l: &serde_json::Value, id: &str| {
        l["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == id)
            .cloned()
            .unwrap()
    };
    for id in ["cjg", "lpa", "oc", "jeugdarts", "veilig-thuis"] {
        let (a, b) = (find(&old, id), find(&new, id));
        let dx = (a["x"].as_f64().unwrap() - old["centre"]["x"].as_f64().unwrap())
            - (b["x"].as_f64().unwrap() - new["centre"]["x"].as_f64().unwrap());
        let dy = (a["y"].as_f64().unwrap() - old["centre"]["y"].as_f64().unwrap())
            - (b["y"].as_f64().unwrap() - new["centre"]["y"].as_f64().unwrap());
        assert!(
            dx.abs() < 0.05 && dy.abs() < 0.05,
            "{id} moved by ({dx}, {dy})"
        );
    }
    let png = dir.join("dit-jaar.png");
    assert_eq!(
        cirkel(
            &[
                "render",
                &file,
                "--previous",
                &prev,
                "-o",
                &png.to_string_lossy()
            ],
            None
        )
        .code,
        0
    );
    // A file that is not a layout is refused with its position.
    let bad = write(&dir, "fout.json", b"{\"width\": \"breed\"}");
    let out = cirkel(&["layout", &file, "--previous", &bad], None);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("fout.json:1:")
            && out.stderr.contains("geen lay-out van `cirkel layout`"),
        "{}",
        out.stderr
    );
    assert_eq!(
        cirkel(&["layout", &file, "--previous", "/nonexistent.json"], None).code,
        3
    );
}

// ---- issue 4: routes, ties, describe; privacy across outputs ----

#[test]
fn an_unknown_route_is_an_input_error_listing_the_known_ids() {
    let dir = scratch("route-unknown");
    let out_file = dir.join("x.svg");
    let out = cirkel(
        &[
            "render",
            EXAMPLE,
            "--route",
            "verzuimm",
            "-o",
            &out_file.to_string_lossy(),
        ],
        None,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("--route \"verzuimm\""),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("bedoel je \"verzuim\"?"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains(r#""opvoedvragen", "gedrag", "verzuim", "passend-onderwijs""#),
        "{}",
        out.stderr
    );
    assert!(!out_file.exists());
}

#[test]
fn a_highlighted_route_is_strong_labelled_and_the_others_faded() {
    let out = cirkel(&["render", EXAMPLE, "--route", "gedrag", "-o", "-"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let svg = out.stdout_text();
    assert!(
        svg.contains(r#"<g class="route" id="route-gedrag">"#),
        "strong"
    );
    assert_eq!(svg.matches(r#"class="route faded""#).count(), 3);
    assert!(svg.contains(r#"class="route-label""#));
    assert!(
        svg.contains(">2 Gedrag, thuissituatie"),
        "question along the path"
    );
    // Without --route: all routes alike, no label.
    let plain = cirkel(&["render", EXAMPLE, "-o", "-"], None).stdout_text();
    assert_eq!(plain.matches(r#"class="route""#).count(), 4);
    assert!(!plain.contains("route-label") && !plain.contains("faded"));
}

#[test]
fn routes_and_ties_are_drawn_with_a_legend() {
    let svg = cirkel(&["render", EXAMPLE, "-o", "-"], None).stdout_text();
    // One tie per member, in the ecomap line styles.
    assert_eq!(
        svg.matches("class=\"tie tie-").count() - 3,
        10,
        "legend has 3 tie samples"
    );
    assert!(svg.contains("tie-strong") && svg.contains("tie-tenuous"));
    // Arrowheads: one per leg (4 routes: 3 + 2 + 2 + 2 legs, plus 2 escalation legs).
    let layout = cirkel(&["layout", EXAMPLE], None);
    let v: serde_json::Value = serde_json::from_slice(&layout.stdout).unwrap();
    let legs: usize = v["routes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["legs"].as_array().unwrap().len())
        .sum();
    assert_eq!(legs, 11);
    for text in [
        "sterke samenwerking",
        "zwakke samenwerking",
        "opschalen",
        "Lijnen",
    ] {
        assert!(svg.contains(&format!(">{text}<")), "legend: {text}");
    }
}

#[test]
fn describe_writes_text_and_markdown_in_both_languages() {
    let nl = cirkel(&["describe", EXAMPLE], None);
    assert_eq!(nl.code, 0, "{}", nl.stderr);
    assert!(
        nl.stdout_text()
            .contains("Routes: wie benader ik waarvoor?\n---")
    );
    let en = cirkel(
        &["describe", EXAMPLE, "--lang", "en", "--format", "markdown"],
        None,
    );
    assert_eq!(en.code, 0);
    let md = en.stdout_text();
    assert!(md.starts_with("# Cirkel van invloed – St. Bernardusschool"));
    assert!(md.contains("## Routes: whom to approach for what"));
    assert!(md.contains("Youth doctor: Karin Dekker"));
}

#[test]
fn check_warns_about_routes_that_make_no_sense() {
    let dir = scratch("route-sense");
    let file = write(
        &dir,
        "school.json",
        &doc(
            r#"    { "id": "ib", "role": "intern-begeleider", "expertise": ["zorg"] },
    { "id": "cjg", "role": "cjg-coach" },
    { "id": "agent", "role": "wijkagent" },
    { "id": "vt", "role": "veilig-thuis" },
    { "id": "buur", "role": "Buurtvader", "domain": "overig" }"#,
            r#",
  "routes": [
    { "id": "a", "question": "Gedrag", "steps": ["ib", "cjg", "ib"], "escalation": ["cjg"] },
    { "id": "b", "question": "Buurt", "steps": ["agent"] }
  ]"#,
        ),
    );
    let out = cirkel(&["check", &file], None);
    assert_eq!(out.code, 0, "warnings do not fail: {}", out.stderr);
    for want in [
        ":12:63: warning: routes[0].steps[2]: \"ib\" (Internal pupil-care coordinator) is already step 1 of this route",
        "routes[0].escalation[0]: \"cjg\" (CJG coach (youth and family)) is both a step and an escalation",
        "routes[1].steps: route \"b\" reaches no kernteam member",
        "note: members[3]: no route reaches \"vt\" (Veilig Thuis (safe at home))",
        "note: members[4]: \"buur\" (Buurtvader) lists no expertise",
    ] {
        assert!(
            out.stderr.contains(want),
            "missing {want:?} in:\n{}",
            out.stderr
        );
    }
    // Render shows the warnings but not the notes.
    let render = cirkel(&["render", &file, "-o", "-"], None);
    assert_eq!(render.code, 0);
    assert!(render.stderr.contains("waarschuwing:") && !render.stderr.contains("opmerking:"));
}

/// Personal data of the example: contact data and names.
const CONTACT: [&str; 2] = ["ib@example.nl", "023 000 0000"];

fn names() -> Vec<String> {
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(EXAMPLE).unwrap()).unwrap();
    v["members"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["name"].as_str().map(str::to_string))
        .collect()
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn privacy_drops_data_from_every_output() {
    let outputs = |privacy: &str| -> Vec<(String, Vec<u8>)> {
        let mut v = Vec::new();
        for (what, args) in [
            ("svg", vec!["render", EXAMPLE, "--format", "svg", "-o", "-"]),
            ("png", vec!["render", EXAMPLE, "--format", "png", "-o", "-"]),
            (
                "route svg",
                vec!["render", EXAMPLE, "--route", "gedrag", "-o", "-"],
            ),
            ("layout", vec!["layout", EXAMPLE]),
            ("describe", vec!["describe", EXAMPLE]),
            (
                "describe md",
                vec!["describe", EXAMPLE, "--format", "markdown"],
            ),
        ] {
            let mut args = args.clone();
            args.extend(["--privacy", privacy]);
            let out = cirkel(&args, None);
            assert_eq!(out.code, 0, "{what} {privacy}: {}", out.stderr);
            v.push((what.to_string(), out.stdout));
        }
        v
    };
    let names = names();
    assert!(names.len() >= 8);
    for (what, bytes) in outputs("full") {
        if what.contains("describe") {
            assert!(contains(&bytes, CONTACT[0]), "full keeps contact in {what}");
        }
        if what != "png" {
            assert!(contains(&bytes, &names[0]), "full keeps names in {what}");
        }
    }
    for (what, bytes) in outputs("names") {
        for c in CONTACT {
            assert!(!contains(&bytes, c), "names: {c} survives in {what}");
        }
        if what != "png" {
            assert!(contains(&bytes, &names[0]), "names keeps names in {what}");
        }
    }
    for (what, bytes) in outputs("roles") {
        for c in CONTACT {
            assert!(!contains(&bytes, c), "roles: {c} survives in {what}");
        }
        for n in &names {
            assert!(!contains(&bytes, n), "roles: {n} survives in {what}");
        }
        // Member ids are often made from names; they are replaced.
        assert!(
            !contains(&bytes, "ib-onderbouw"),
            "roles: id survives in {what}"
        );
        if what != "png" {
            assert!(
                contains(&bytes, "Intern begeleider"),
                "roles keeps roles in {what}"
            );
        }
    }
}

// ---- issue 6: batch ----

fn batch_inputs(name: &str) -> PathBuf {
    let dir = scratch(name);
    let inputs = dir.join("in");
    std::fs::create_dir_all(inputs.join("sub")).unwrap();
    std::fs::copy(EXAMPLE, inputs.join("bernardus.json")).unwrap();
    let init = cirkel(&["init", "--school", "De Ark"], None);
    std::fs::write(inputs.join("ark.json"), &init.stdout).unwrap();
    std::fs::write(
        inputs.join("kapot.json"),
        br#"{ "school": { "naam": "X" } }"#,
    )
    .unwrap();
    // Not inputs: a layout file, a hidden file, a non-JSON file, a subfolder.
    std::fs::write(inputs.join("ark.layout.json"), b"{}").unwrap();
    std::fs::write(inputs.join(".verborgen.json"), b"{}").unwrap();
    std::fs::write(inputs.join("notities.txt"), b"x").unwrap();
    std::fs::write(inputs.join("sub/diep.json"), b"{}").unwrap();
    dir
}

#[test]
fn batch_renders_a_folder_and_reports_each_failure_by_name() {
    let dir = batch_inputs("batch-folder");
    let out = dir.join("out");
    let (input, output) = (
        dir.join("in").to_string_lossy().into_owned(),
        out.to_string_lossy().into_owned(),
    );
    let missing = dir.join("weg.json").to_string_lossy().into_owned();
    let run = cirkel(&["batch", &input, &missing, "-o", &output], None);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("2 scholen getekend, 2 mislukt: "),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("kapot.json:1:15: fout: school.naam: onbekende sleutel `naam`")
    );
    assert!(
        run.stderr.contains("weg.json: fout: kan "),
        "{}",
        run.stderr
    );
    let mut written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written, ["ark.png", "bernardus.png"]);
    let png = std::fs::read(out.join("bernardus.png")).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
}

#[test]
fn batch_reads_a_list_on_stdin_and_writes_every_format_and_route() {
    let dir = batch_inputs("batch-stdin");
    let out = dir.join("out").to_string_lossy().into_owned();
    let list = format!(
        "{}\n\n# a comment\n{}\n",
        dir.join("in/bernardus.json").display(),
        dir.join("in/ark.json").display()
    );
    let run = cirkel(
        &[
            "batch",
            "-",
            "-o",
            &out,
            "--format",
            "both",
            "--per-route",
            "--jobs",
            "2",
            "--privacy",
            "roles",
        ],
        Some(list.as_bytes()),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("2 scholen getekend, 0 mislukt"),
        "{}",
        run.stderr
    );
    let out = Path::new(&out);
    for name in [
        "bernardus.svg",
        "bernardus.png",
        "bernardus.route-gedrag.svg",
        "bernardus.route-verzuim.png",
        "ark.route-verzuim.png",
    ] {
        assert!(out.join(name).exists(), "{name}");
    }
    let svg = std::fs::read_to_string(out.join("bernardus.route-gedrag.svg")).unwrap();
    assert!(svg.contains("class=\"route faded\""));
    assert!(!svg.contains("Maaike"), "privacy applies in batch");
}

#[test]
fn batch_output_is_the_same_with_one_job_or_many() {
    let dir = batch_inputs("batch-jobs");
    let input = dir.join("in").to_string_lossy().into_owned();
    let (one, many) = (dir.join("one"), dir.join("many"));
    for (target, jobs) in [(&one, "1"), (&many, "4")] {
        let run = cirkel(
            &[
                "batch",
                &input,
                "-o",
                &target.to_string_lossy(),
                "--jobs",
                jobs,
                "--quiet",
            ],
            None,
        );
        assert_eq!(run.code, 1);
        assert!(
            !run.stderr.contains("] "),
            "--quiet prints no progress lines"
        );
    }
    for name in ["ark.png", "bernardus.png"] {
        assert_eq!(
            std::fs::read(one.join(name)).unwrap(),
            std::fs::read(many.join(name)).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn batch_refuses_two_inputs_with_the_same_output_name() {
    let dir = batch_inputs("batch-same-name");
    std::fs::create_dir_all(dir.join("other")).unwrap();
    std::fs::copy(EXAMPLE, dir.join("other/ark.json")).unwrap();
    let out = dir.join("out").to_string_lossy().into_owned();
    let run = cirkel(
        &[
            "batch",
            &dir.join("in/ark.json").to_string_lossy(),
            &dir.join("other/ark.json").to_string_lossy(),
            "-o",
            &out,
        ],
        None,
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("de uitvoernaam \"ark\" is dezelfde als die van"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("1 school getekend, 1 mislukt"));
}

#[test]
fn batch_into_a_file_is_an_io_error() {
    let dir = batch_inputs("batch-into-file");
    let file = write(&dir, "bestand", b"x");
    let run = cirkel(
        &["batch", &dir.join("in").to_string_lossy(), "-o", &file],
        None,
    );
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(
        run.stderr.contains("is een bestand; -o noemt de map"),
        "{}",
        run.stderr
    );
    let none = cirkel(
        &["batch", "-", "-o", &dir.join("x").to_string_lossy()],
        Some(b"\n"),
    );
    assert_eq!(none.code, 2, "{}", none.stderr);
}

// ---- issue 5: themes, sizes ----

fn png_info(bytes: &[u8]) -> (u32, u32, Option<u32>) {
    let w = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    let phys = bytes
        .windows(4)
        .position(|c| c == b"pHYs")
        .map(|i| u32::from_be_bytes(bytes[i + 4..i + 8].try_into().unwrap()));
    (w, h, phys)
}

#[test]
fn png_width_is_exact_and_carries_its_resolution() {
    for (args, width, dpi) in [
        (vec![], 1600, 1600.0_f64 / (17.0 / 2.54)),
        (vec!["--width", "777"], 777, 777.0 / (17.0 / 2.54)),
        (
            vec!["--width", "600", "--scale", "2"],
            1200,
            1200.0 / (17.0 / 2.54),
        ),
        (vec!["--paper", "a4"], 2008, 300.0),
        (vec!["--paper", "a3"], 3035, 300.0),
        (vec!["--width", "1000", "--dpi", "96"], 1000, 96.0),
    ] {
        let mut a = vec!["render", EXAMPLE, "--format", "png", "-o", "-"];
        a.extend(args.iter().copied());
        let out = cirkel(&a, None);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        let (w, _, phys) = png_info(&out.stdout);
        assert_eq!(w, width, "{args:?}");
        let per_metre = phys.expect("pHYs written");
        assert_eq!(per_metre, (dpi / 0.0254).round() as u32, "{args:?}");
    }
    let both = cirkel(
        &[
            "render", EXAMPLE, "--paper", "a4", "--width", "900", "-o", "-",
        ],
        None,
    );
    assert_eq!(both.code, 2);
}

#[test]
fn small_pictures_show_role_and_name_only() {
    let full = cirkel(&["render", EXAMPLE, "--width", "1600", "-o", "-"], None).stdout_text();
    assert!(
        full.contains(">verzuim · te laat komen ·<"),
        "expertise on the cards"
    );
    let small = cirkel(&["render", EXAMPLE, "--width", "620", "-o", "-"], None);
    assert_eq!(small.code, 0);
    let svg = small.stdout_text();
    assert!(
        !svg.contains(">verzuim · te laat komen ·<"),
        "compact cards"
    );
    assert!(svg.contains(">Mehmet Yilmaz<") && svg.contains(">Leerplichtambtenaar<"));
    assert!(
        small.stderr.is_empty(),
        "legible at 620 px: {}",
        small.stderr
    );
    // Tiny: still drawn, with a warning naming the width that would do.
    let tiny = cirkel(&["render", EXAMPLE, "--width", "300", "-o", "-"], None);
    assert_eq!(tiny.code, 0);
    assert!(tiny.stderr.contains("moeilijk leesbaar") && tiny.stderr.contains("--width "));
}

#[test]
fn optimize_gives_a_smaller_png_and_fast_a_quicker_one() {
    let size = |flag: &str| {
        let mut a = vec!["render", EXAMPLE, "--format", "png", "-o", "-"];
        if !flag.is_empty() {
            a.push(flag);
        }
        cirkel(&a, None).stdout.len()
    };
    let (fast, balanced, smallest) = (size("--fast-png"), size(""), size("--optimize"));
    assert!(
        smallest < balanced && balanced < fast,
        "{smallest} {balanced} {fast}"
    );
}

#[test]
fn bundled_themes_and_theme_files() {
    for theme in ["standaard", "print", "contrast"] {
        let out = cirkel(&["render", EXAMPLE, "--theme", theme, "-o", "-"], None);
        assert_eq!(out.code, 0, "{theme}: {}", out.stderr);
        let svg = out.stdout_text();
        assert_eq!(svg.contains("<pattern"), theme == "print", "{theme}");
    }
    let unknown = cirkel(&["render", EXAMPLE, "--theme", "printt", "-o", "-"], None);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("bedoel je \"print\"?"),
        "{}",
        unknown.stderr
    );

    let dir = scratch("theme-file");
    let good = write(
        &dir,
        "huisstijl.json",
        br##"{ "name": "huisstijl", "domains": { "onderwijs": "#00457c" }, "centre": "#00457c" }"##,
    );
    let out = cirkel(&["render", EXAMPLE, "--theme", &good, "-o", "-"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout_text().contains("#00457c"));
    let bad = write(
        &dir,
        "fout.json",
        b"{\n  \"domains\": {\n    \"jeugdhulpp\": \"#fff\"\n  }\n}\n",
    );
    let out = cirkel(&["render", EXAMPLE, "--theme", &bad, "-o", "-"], None);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("fout.json:3:19: fout: domains.jeugdhulpp: onbekend domein"),
        "{}",
        out.stderr
    );
    let unreadable = write(
        &dir,
        "licht.json",
        br##"{ "domains": { "jeugdhulp": "#ffdd55" } }"##,
    );
    let out = cirkel(
        &["render", EXAMPLE, "--theme", &unreadable, "-o", "-"],
        None,
    );
    assert_eq!(out.code, 0);
    assert!(
        out.stderr
            .contains("waarschuwing: on_domain op domains.jeugdhulp: 1,34:1"),
        "{}",
        out.stderr
    );
    let missing = cirkel(&["render", EXAMPLE, "--theme", "weg.json", "-o", "-"], None);
    assert_eq!(missing.code, 3);
}

#[test]
fn photos_are_round_portraits_and_privacy_roles_drops_them() {
    let klimop = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/obs-de-klimop.json"
    );
    let full = cirkel(&["render", klimop, "-o", "-"], None);
    assert_eq!(full.code, 0, "{}", full.stderr);
    let svg = full.stdout_text();
    assert!(
        svg.contains("href=\"data:image/jpeg;base64,/9j/"),
        "JPEG embedded"
    );
    assert!(
        svg.contains("href=\"data:image/png;base64,iVBORw0KGgo"),
        "PNG embedded"
    );
    assert!(
        svg.contains("clip-path=\"url(#photo-clip-ib)\""),
        "clipped round"
    );
    assert!(cirkel_render::svg_safety_problems(&svg).is_empty());
    let names = cirkel(&["render", klimop, "--privacy", "names", "-o", "-"], None).stdout_text();
    assert!(names.contains("data:image/jpeg"), "names keeps photos");
    for format in ["svg", "png"] {
        let roles = cirkel(
            &[
                "render",
                klimop,
                "--privacy",
                "roles",
                "--format",
                format,
                "-o",
                "-",
            ],
            None,
        );
        assert_eq!(roles.code, 0);
        let bytes = &roles.stdout;
        for gone in ["data:image", "base64", "Maaike de Groot", "photo-clip"] {
            assert!(!contains(bytes, gone), "{format}: {gone} survives");
        }
    }
    // The portraits are in the picture: pixels of the photo's shirt colour.
    let png = cirkel(&["render", klimop, "--format", "png", "-o", "-"], None).stdout;
    let bare = cirkel(
        &[
            "render",
            klimop,
            "--format",
            "png",
            "--privacy",
            "roles",
            "-o",
            "-",
        ],
        None,
    )
    .stdout;
    assert_ne!(png, bare);
}

#[test]
fn text_as_paths_looks_the_same_without_the_font() {
    let klimop = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/obs-de-klimop.json"
    );
    let normal = cirkel(&["render", klimop, "--width", "800", "-o", "-"], None).stdout_text();
    let out = cirkel(
        &[
            "render",
            klimop,
            "--width",
            "800",
            "--text-as-paths",
            "-o",
            "-",
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let paths = out.stdout_text();
    assert!(!paths.contains("<text"), "no text elements left");
    assert!(
        paths.contains("<title id=\"cirkel-title\">Cirkel van invloed – OBS De Klimop</title>")
    );
    assert!(paths.contains("role=\"img\"") && paths.contains("<desc"));
    assert!(cirkel_render::svg_safety_problems(&paths).is_empty());
    // Drawn with no fonts at all, the outlines give the picture that the
    // text gives with the bundled font.
    let draw = |svg: &str, fonts: bool| {
        let mut opts = cirkel_render::usvg_options();
        if !fonts {
            opts.fontdb = std::sync::Arc::new(resvg::usvg::fontdb::Database::new());
        }
        let tree = resvg::usvg::Tree::from_str(svg, &opts).unwrap();
        let size = tree.size().to_int_size();
        let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::default(),
            &mut pixmap.as_mut(),
        );
        pixmap
    };
    let (a, b) = (draw(&normal, true), draw(&paths, false));
    assert_eq!((a.width(), a.height()), (b.width(), b.height()));
    let differing = a
        .data()
        .chunks(4)
        .zip(b.data().chunks(4))
        .filter(|(x, y)| x.iter().zip(*y).any(|(p, q)| p.abs_diff(*q) > 8))
        .count();
    assert!(
        differing * 1000 < a.data().len() / 4,
        "{differing} of {} pixels differ",
        a.data().len() / 4
    );
}

#[test]
fn every_text_line_carries_its_measured_width_for_browsers_without_the_font() {
    let svg = cirkel(&["render", EXAMPLE, "-o", "-"], None).stdout_text();
    let texts = svg.matches("<text ").count();
    assert!(texts > 50);
    assert_eq!(
        svg.matches("lengthAdjust=\"spacingAndGlyphs\"").count(),
        texts
    );
    assert_eq!(svg.matches(" textLength=\"").count(), texts);
}

#[test]
fn the_command_line_draws_through_the_library() {
    use cirkel_render::{DrawOptions, Format, Privacy, Size, ThemeChoice, draw_file};
    let dir = scratch("facade");
    let klimop = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/obs-de-klimop.json"
    );
    let cases: Vec<(Vec<&str>, &str, DrawOptions)> = vec![
        (
            vec!["--width", "800", "--privacy", "names"],
            klimop,
            DrawOptions {
                format: Format::Png,
                size: Size::Width(800),
                privacy: Privacy::Names,
                ..DrawOptions::default()
            },
        ),
        (
            vec!["--theme", "print", "--route", "verzuim", "--paper", "a4"],
            EXAMPLE,
            DrawOptions {
                format: Format::Png,
                theme: ThemeChoice::Named("print".into()),
                route: Some("verzuim".into()),
                size: Size::Paper(cirkel_render::Paper::A4),
                ..DrawOptions::default()
            },
        ),
    ];
    for (i, (args, input, options)) in cases.into_iter().enumerate() {
        let out = dir.join(format!("{i}.png"));
        let out_name = out.to_string_lossy().into_owned();
        let mut all = vec!["render", input, "-o", &out_name];
        all.extend(args.iter().copied());
        let run = cirkel(&all, None);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        let library = draw_file(Path::new(input), &options).unwrap();
        assert!(
            std::fs::read(&out).unwrap() == library.bytes,
            "{args:?}: the command line and draw_file differ"
        );
    }
}

#[test]
fn glyph_warnings_cover_every_drawn_text() {
    let dir = scratch("glyphs");
    let file = write(
        &dir,
        "school.json",
        r#"{ "school": { "name": "De Ark" }, "school_year": "2025→2026",
  "rings": [ { "id": "school", "label": "Binnen ★" }, { "id": "kernteam", "label": "Kernteam" } ],
  "members": [ { "id": "ib", "role": "intern-begeleider", "ring": "school" }, { "id": "cjg", "role": "cjg-coach" } ],
  "routes": [ { "question": "Gedrag", "steps": ["ib", "cjg"], "note": "bel ☎ eerst" } ],
  "meetings": [ { "when": "okt ✓", "purpose": "Kennismaken" } ] }"#
            .as_bytes(),
    );
    let out = cirkel(&["check", &file], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for (path, c) in [
        ("school_year", "→"),
        ("rings[0].label", "★"),
        ("routes[0].note", "☎"),
        ("meetings[0].when", "✓"),
    ] {
        assert!(
            out.stderr.lines().any(|l| l.contains(&format!(
                "warning: {path}: the bundled font has no glyph for {c}"
            ))),
            "{path}: {}",
            out.stderr
        );
    }
}

#[test]
fn layout_takes_the_width_and_gives_what_render_draws() {
    let small = cirkel(&["layout", EXAMPLE, "--width", "300"], None);
    assert_eq!(small.code, 0, "{}", small.stderr);
    let full = cirkel(&["layout", EXAMPLE], None);
    let lines = |o: &Output| -> usize {
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["lines"].as_array().unwrap().len())
            .sum()
    };
    assert!(lines(&small) < lines(&full), "compact cards at 300 px");
    let options = cirkel_render::DrawOptions {
        size: cirkel_render::Size::Width(300),
        ..Default::default()
    };
    let drawn = cirkel_render::draw_file(Path::new(EXAMPLE), &options).unwrap();
    let printed: cirkel_layout::Layout = serde_json::from_slice(&small.stdout).unwrap();
    assert!(
        printed == drawn.layout,
        "cirkel layout prints what render draws"
    );
}

#[test]
fn contacts_are_shown_and_linked_and_privacy_names_takes_them_away() {
    let full = cirkel(&["render", EXAMPLE, "-o", "-"], None).stdout_text();
    for link in [
        "<a href=\"mailto:ib@example.nl\">",
        "<a href=\"tel:0230000000\">",
        "<a href=\"https://cjg.example.nl\">",
        "<a href=\"tel:08002000\">",
    ] {
        assert!(full.contains(link), "{link}");
    }
    assert!(full.contains(">ib@example.nl<") && full.contains(">0800-2000<"));
    assert!(full.contains("<svg ") && full.contains(" lang=\"nl\""));
    assert!(cirkel_render::svg_safety_problems(&full).is_empty());
    let names = cirkel(&["render", EXAMPLE, "--privacy", "names", "-o", "-"], None).stdout_text();
    assert!(!names.contains("<a ") && !names.contains("ib@example.nl"));
    assert!(names.contains(">Maaike van Lieren<"), "names stay");
    let en = cirkel(&["render", EXAMPLE, "--lang", "en", "-o", "-"], None).stdout_text();
    assert!(en.contains(" lang=\"en\""));
}
