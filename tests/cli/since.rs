//! `cirkel diff LAST THIS` (issue 37): what changed since last year, for the
//! first kernteam meeting of the school year.

use super::*;

const LAST: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/vorig-jaar/st-bernardusschool.json"
);

#[test]
fn the_kennismaking_list_names_who_is_new_who_left_and_who_moved() {
    let out = cirkel_nl(&["diff", LAST, EXAMPLE], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = out.stdout_text();
    let section = |heading: &str| {
        let start = text
            .find(heading)
            .unwrap_or_else(|| panic!("{heading}: {text}"));
        let rest = &text[start + heading.len()..];
        let end = [
            "Nieuw in het kernteam\n",
            "Niet meer in het kernteam\n",
            "Verschoven\n",
        ]
        .iter()
        .filter_map(|h| rest.find(h))
        .min()
        .unwrap_or(rest.len());
        rest[..end].to_string()
    };
    // The CJG-coach replaced (same id, another name): the new one with her
    // expertise, availability and contact; the former one gone.
    let new = section("Nieuw in het kernteam");
    assert!(new.contains("CJG-coach: Sanne Bakker"), "{new}");
    assert!(new.contains("di-ochtend op school") && new.contains("s.bakker@cjg.example.nl"));
    // Partners invited: new, and new to the circle.
    assert_eq!(new.matches("Nieuw in de cirkel").count(), 2, "{new}");
    assert!(new.contains("Veilig Thuis") && new.contains("Beschermtafel"));
    let left = section("Niet meer in het kernteam");
    assert!(
        left.contains("Fatima el Amrani") && left.contains("Ria Janssen"),
        "{left}"
    );
    assert!(!left.contains("Sanne Bakker"));
    // A ring move and a tie change, in words.
    let moved = section("Verschoven");
    assert!(
        moved.contains("Mehmet Yilmaz")
            && moved.contains("dichter bij de school")
            && moved.contains("sterker geworden"),
        "{moved}"
    );
    // The same inputs, the same bytes; the committed example is current
    // (scripts/regenerate-examples.sh).
    assert_eq!(cirkel_nl(&["diff", LAST, EXAMPLE], None).stdout, out.stdout);
    let committed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/describe/st-bernardusschool.sinds-vorig-jaar.nl.txt"
    );
    assert_eq!(std::fs::read_to_string(committed).unwrap(), text);
}

#[test]
fn at_privacy_roles_no_name_new_or_departed_is_in_any_byte() {
    for format in ["text", "markdown"] {
        let out = cirkel(
            &[
                "diff",
                LAST,
                EXAMPLE,
                "--privacy",
                "roles",
                "--format",
                format,
            ],
            None,
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        for name in [
            "Sanne",
            "Bakker",
            "Fatima",
            "Amrani",
            "Ria Janssen",
            "Mehmet",
            "Yilmaz",
        ] {
            assert!(
                !contains_bytes(&out.stdout, name),
                "{name} in the {format} output"
            );
        }
        assert!(out.stdout_text().contains("CJG-coach"));
    }
}

#[test]
fn renamed_ids_with_the_same_people_change_nothing() {
    let dir = scratch("since-renamed");
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    let renamed = text
        .replace("\"cjg\"", "\"cjg-sanne\"")
        .replace("\"Maaike van Lieren\"", "\"maaike  VAN lieren\"");
    let file = dir.join("renamed.json");
    std::fs::write(&file, renamed).unwrap();
    let out = cirkel_nl(&["diff", EXAMPLE, &file.to_string_lossy()], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout_text().contains("hetzelfde als vorig jaar"),
        "{}",
        out.stdout_text()
    ); // Drawn with last year's file: no card is marked, nothing listed.
    let svg = cirkel_nl(
        &[
            "render",
            &file.to_string_lossy(),
            "--since",
            EXAMPLE,
            "-o",
            "-",
        ],
        None,
    )
    .stdout_text();
    assert!(svg.contains("member-cjg-sanne"));
    assert!(!svg.contains("new-marker") && !svg.contains("Sinds vorig jaar"));
}

fn contains_bytes(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

/// The ids of this year's example members who are new since last year's
/// example: the CJG-coach replaced (same id, another name) and the two
/// partners invited.
const NEW: [&str; 3] = ["cjg", "veilig-thuis", "beschermtafel"];

/// Member `id`'s group in an SVG (its card: no group inside it).
fn card<'s>(svg: &'s str, id: &str) -> &'s str {
    let start = svg
        .find(&format!("id=\"member-{id}\""))
        .unwrap_or_else(|| panic!("no card {id}"));
    let end = svg[start..].find("</g>").unwrap();
    &svg[start..start + end]
}

#[test]
fn render_since_marks_each_new_card_and_lists_who_left_and_moved() {
    let out = cirkel_nl(&["render", EXAMPLE, "--since", LAST, "-o", "-"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let svg = out.stdout_text();
    let layout: serde_json::Value =
        serde_json::from_slice(&cirkel_nl(&["layout", EXAMPLE, "--since", LAST], None).stdout)
            .unwrap();
    for node in layout["nodes"].as_array().unwrap() {
        let id = node["id"].as_str().unwrap();
        let new = NEW.contains(&id);
        assert_eq!(node.get("new").is_some(), new, "{id} in the layout");
        let card = card(&svg, id);
        assert_eq!(card.contains("class=\"new-marker\""), new, "{id}: {card}");
        assert_eq!(card.contains(">nieuw</text>"), new, "{id}");
        // The layout carries what a later `--since` compares.
        assert!(node["role"].as_str().is_some_and(|r| !r.is_empty()));
    }
    // Explained in the legend; who left and who moved under the picture.
    let legend = &svg[svg.find("<g id=\"legend\">").unwrap()..];
    assert!(
        legend.contains("new-marker") && legend.contains("nieuw in het kernteam sinds vorig jaar")
    );
    let footer = &svg[svg.find("<g id=\"footer\">").unwrap()..];
    assert!(footer.contains("Sinds vorig jaar"), "{footer}");
    for who in [
        "Fatima el Amrani",
        "Ria Janssen",
        "Verschoven",
        "Mehmet Yilmaz",
    ] {
        assert!(footer.contains(who), "{who} under the picture");
    }
    // Never drawn as cards.
    assert!(!svg.contains("member-smw"));
    // The same inputs, the same bytes; without --since nothing is marked.
    let again = cirkel_nl(&["render", EXAMPLE, "--since", LAST, "-o", "-"], None);
    assert_eq!(again.stdout, out.stdout);
    let plain = cirkel_nl(&["render", EXAMPLE, "-o", "-"], None).stdout_text();
    assert!(!plain.contains("new-marker") && !plain.contains("Sinds vorig jaar"));
}

#[test]
fn since_at_privacy_roles_names_nobody_and_still_marks_the_role() {
    let names = [
        "Sanne",
        "Bakker",
        "Fatima",
        "Amrani",
        "Ria Janssen",
        "Mehmet",
        "Yilmaz",
    ];
    for args in [
        vec!["render", EXAMPLE, "--format", "svg", "-o", "-"],
        vec!["render", EXAMPLE, "--format", "png", "-o", "-"],
        vec!["render", EXAMPLE, "--format", "pdf", "-o", "-"],
        vec!["layout", EXAMPLE],
        vec!["describe", EXAMPLE],
        vec!["describe", EXAMPLE, "--format", "markdown"],
    ] {
        let mut args = args.clone();
        args.extend(["--since", LAST, "--privacy", "roles"]);
        let out = cirkel_nl(&args, None);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        for n in names {
            assert!(!contains_bytes(&out.stdout, n), "{n} in {args:?}");
        }
        if args[0] == "layout" || args.contains(&"svg") {
            assert!(out.stdout_text().matches("nieuw").count() >= 4, "{args:?}");
        }
    }
}

#[test]
fn describe_since_says_who_is_new_left_and_moved() {
    let out = cirkel_nl(&["describe", EXAMPLE, "--since", LAST], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = out.stdout_text();
    let section = &text[text.find("Sinds vorig jaar").unwrap()..text.find("Ring 1").unwrap()];
    assert!(
        section.contains("Nieuw in het kernteam: CJG-coach: Sanne Bakker"),
        "{section}"
    );
    assert_eq!(
        section.matches("(nieuw in de cirkel)").count(),
        2,
        "{section}"
    );
    assert!(section.contains("Niet meer in het kernteam: CJG-coach (Fatima el Amrani)"));
    assert!(
        section.contains("Verschoven: Leerplichtambtenaar (Mehmet Yilmaz): dichter bij de school")
    );
    // Each new member is marked where the rings list them too.
    assert_eq!(text.matches("Nieuw sinds vorig jaar.").count(), 3, "{text}");
    // English.
    let en = cirkel(
        &["--lang", "en", "describe", EXAMPLE, "--since", LAST],
        None,
    );
    assert!(
        en.stdout_text().contains("Since last year")
            && en.stdout_text().contains("New in the core team")
    );
}

#[test]
fn last_year_may_be_a_layout_or_a_workbook() {
    let dir = scratch("since-kinds");
    let reference = cirkel_nl(&["describe", EXAMPLE, "--since", LAST], None).stdout_text();
    let section =
        |t: &str| t[t.find("Sinds vorig jaar").unwrap()..t.find("Ring 1").unwrap()].to_string();
    // The layout saved from last year's file, and the file as a workbook
    // (converted): the same changes.
    for (made, command) in [("vorig.layout.json", "layout"), ("vorig.xlsx", "convert")] {
        let file = dir.join(made);
        let out = match command {
            "layout" => cirkel_nl(&["layout", LAST, "-o", &file.to_string_lossy()], None),
            _ => cirkel_nl(&["convert", LAST, &file.to_string_lossy(), "--force"], None),
        };
        assert_eq!(out.code, 0, "{}", out.stderr);
        let from = cirkel_nl(
            &["describe", EXAMPLE, "--since", &file.to_string_lossy()],
            None,
        );
        assert_eq!(from.code, 0, "{made}: {}", from.stderr);
        assert_eq!(section(&from.stdout_text()), section(&reference), "{made}");
    }
    // A broken last year's file: its own problems, at its own lines.
    let broken = dir.join("kapot.json");
    std::fs::write(&broken, "{ \"school\": { } }").unwrap();
    let out = cirkel_nl(
        &[
            "render",
            EXAMPLE,
            "--since",
            &broken.to_string_lossy(),
            "-o",
            "-",
        ],
        None,
    );
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("kapot.json:1:"), "{}", out.stderr);
    // One that is not there: an I/O failure, said as such, from check too.
    for command in ["render", "check"] {
        let out = cirkel_nl(
            &[command, EXAMPLE, "--since", "/geen/vorig-jaar.json"],
            None,
        );
        assert_eq!(out.code, 3, "{command}: {}", out.stderr);
        assert!(out.stderr.contains("vorig-jaar.json"), "{}", out.stderr);
    }
}

#[test]
fn check_and_batch_take_last_year_too() {
    let out = cirkel_nl(&["check", EXAMPLE, "--since", LAST], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout_text()
            .contains("sinds vorig jaar: 3 nieuwe leden, 2 vertrokken, 1 verschoven"),
        "{}",
        out.stdout_text()
    );
    // A batch with last year's folder: the school with a file there is
    // marked, the school without one is drawn as it is, with a note.
    let dir = scratch("since-batch");
    let (this, last, out_dir) = (dir.join("dit"), dir.join("vorig"), dir.join("uit"));
    std::fs::create_dir_all(&this).unwrap();
    std::fs::create_dir_all(&last).unwrap();
    std::fs::copy(EXAMPLE, this.join("bernardus.json")).unwrap();
    std::fs::copy(LAST, last.join("bernardus.json")).unwrap();
    std::fs::copy(EXAMPLE, this.join("nieuw.json")).unwrap();
    let out = cirkel_nl(
        &[
            "batch",
            &this.to_string_lossy(),
            "-o",
            &out_dir.to_string_lossy(),
            "--format",
            "svg",
            "--since",
            &last.to_string_lossy(),
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let marked = std::fs::read_to_string(out_dir.join("bernardus.svg")).unwrap();
    assert_eq!(marked.matches("class=\"new-marker\"").count(), 4);
    let unmarked = std::fs::read_to_string(out_dir.join("nieuw.svg")).unwrap();
    assert!(!unmarked.contains("new-marker"));
    assert!(
        format!("{}{}", out.stdout_text(), out.stderr).contains("geen bestand van vorig jaar"),
        "{} {}",
        out.stdout_text(),
        out.stderr
    );
    // A workbook this year and one last year: each school by its name.
    let (book, last_book) = (dir.join("dit.xlsx"), dir.join("vorig.xlsx"));
    for (from, to) in [(EXAMPLE, &book), (LAST, &last_book)] {
        let out = cirkel_nl(&["convert", from, &to.to_string_lossy(), "--force"], None);
        assert_eq!(out.code, 0, "{}", out.stderr);
    }
    let books_out = dir.join("uit-werkmap");
    let out = cirkel_nl(
        &[
            "batch",
            &book.to_string_lossy(),
            "-o",
            &books_out.to_string_lossy(),
            "--format",
            "svg",
            "--since",
            &last_book.to_string_lossy(),
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let svgs: Vec<_> = std::fs::read_dir(&books_out).unwrap().flatten().collect();
    assert_eq!(svgs.len(), 1);
    let marked = std::fs::read_to_string(svgs[0].path()).unwrap();
    assert_eq!(marked.matches("class=\"new-marker\"").count(), 4);
}

#[test]
fn a_hostile_last_year_is_refused_at_its_file_and_nothing_hangs() {
    let dir = scratch("since-hostile");
    let layout = dir.join("vorig.layout.json");
    let out = cirkel_nl(&["layout", LAST, "-o", &layout.to_string_lossy()], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&layout).unwrap()).unwrap();
    // A layout of 300 cards (no `cirkel layout` writes one): refused; one of
    // 5,000 is past the input limit, said of that file.
    let node = value["nodes"][0].clone();
    value["nodes"] = serde_json::Value::Array(
        (0..300)
            .map(|i| {
                let mut n = node.clone();
                n["id"] = format!("lid-{i}").into();
                n
            })
            .collect(),
    );
    let many = dir.join("veel.layout.json");
    std::fs::write(&many, value.to_string()).unwrap();
    let out = cirkel_nl(
        &["describe", EXAMPLE, "--since", &many.to_string_lossy()],
        None,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("veel.layout.json") && out.stderr.contains("hoogstens 200"),
        "{}",
        out.stderr
    );
    value["nodes"] = serde_json::Value::Array(vec![node; 5000]);
    let huge = dir.join("enorm.layout.json");
    std::fs::write(&huge, value.to_string()).unwrap();
    let out = cirkel_nl(
        &["describe", EXAMPLE, "--since", &huge.to_string_lossy()],
        None,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("enorm.layout.json: fout"),
        "{}",
        out.stderr
    );
    // Not a layout nor a kernteam, a workbook that is not one.
    for (name, bytes) in [
        ("half.json", &b"{ \"nodes\": [], \"centre\": 3 }"[..]),
        ("nep.xlsx", &b"PK\x03\x04 nothing"[..]),
    ] {
        let file = dir.join(name);
        std::fs::write(&file, bytes).unwrap();
        let out = cirkel_nl(
            &[
                "render",
                EXAMPLE,
                "--since",
                &file.to_string_lossy(),
                "-o",
                "-",
            ],
            None,
        );
        assert_eq!(out.code, 1, "{name}: {}", out.stderr);
        assert!(out.stderr.contains(name), "{name}: {}", out.stderr);
        assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    }
}
