//! Drawing: formats, sizes, standard input and output, exit codes, layout, init, routes, describe.

use super::*;

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
    let tree = resvg::usvg::Tree::from_str(&svg, &cirkel::usvg_options());
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
    // The Dutch default title, as `cirkel init` writes it, is drawn in English.
    assert!(md.starts_with("# Circle of influence – St. Bernardusschool"));
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
