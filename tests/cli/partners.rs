//! The partner list of a samenwerkingsverband (issue 38): the people who
//! serve many schools, said once.

use super::*;

const SVB: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/samenwerkingsverband"
);

/// A list with one coach and three schools that refer to her (the third
/// with its own availability), in a fresh folder.
fn three_schools(name: &str, phone: &str) -> PathBuf {
    let dir = scratch(name);
    let list = format!(
        r#"{{ "version": 1, "partners": [
  {{ "id": "cjg-oost-sanne", "role": "cjg-coach", "name": "Sanne Bakker",
     "organisation": "CJG Haarlem", "availability": "di-ochtend",
     "contact": {{ "phone": "{phone}", "email": "s.bakker@cjg.example.nl" }} }}
] }}"#
    );
    std::fs::write(dir.join("partners.json"), list).unwrap();
    for (school, own) in [
        ("ark", ""),
        ("linde", ""),
        ("kompas", r#", "availability": "do-middag op school""#),
    ] {
        let json = format!(
            r#"{{ "version": 1, "partners": "partners.json",
  "school": {{ "name": "School {school}" }},
  "members": [ {{ "id": "ib", "role": "intern-begeleider" }},
               {{ "partner": "cjg-oost-sanne", "ring": "kernteam"{own} }} ],
  "routes": [ {{ "question": "Thuis", "steps": ["ib", "cjg-oost-sanne"] }} ] }}"#
        );
        std::fs::write(dir.join(format!("{school}.json")), json).unwrap();
    }
    dir
}

#[test]
fn a_new_phone_number_in_the_list_changes_every_school_that_refers_to_her() {
    let before = three_schools("partners-before", "023 555 0101");
    let after = three_schools("partners-after", "023 555 0199");
    for school in ["ark", "linde", "kompas"] {
        let draw = |dir: &Path, what: &str| {
            let file = dir.join(format!("{school}.json"));
            let out = match what {
                "svg" => cirkel_nl(&["render", &file.to_string_lossy(), "-o", "-"], None),
                _ => cirkel_nl(&["layout", &file.to_string_lossy()], None),
            };
            assert_eq!(out.code, 0, "{school}: {}", out.stderr);
            out.stdout_text()
        };
        let (old, new) = (draw(&before, "svg"), draw(&after, "svg"));
        assert!(
            old.contains("023 555 0101") && new.contains("023 555 0199"),
            "{school}"
        );
        assert!(!new.contains("023 555 0101"));
        // Only the contact list changed: the cards and rings stay.
        let layout = |dir: &Path| -> serde_json::Value {
            serde_json::from_str(&draw(dir, "layout")).unwrap()
        };
        let (l1, l2) = (layout(&before), layout(&after));
        assert_eq!(l1["nodes"], l2["nodes"], "{school}");
        assert_eq!(l1["rings"], l2["rings"]);
    }
    // The school's own availability wins; the others take the list's.
    let describe = |school: &str| {
        cirkel_nl(&["describe", &before.join(school).to_string_lossy()], None).stdout_text()
    };
    assert!(describe("kompas.json").contains("Bereikbaar: do-middag op school"));
    assert!(!describe("kompas.json").contains("di-ochtend"));
    assert!(describe("ark.json").contains("Bereikbaar: di-ochtend"));
    assert!(describe("ark.json").contains("Sanne Bakker, CJG Haarlem"));
}

#[test]
fn a_typo_in_a_reference_is_one_error_with_did_you_mean() {
    let dir = three_schools("partners-typo", "023 555 0101");
    let file = dir.join("ark.json");
    let text = std::fs::read_to_string(&file).unwrap().replace(
        "{ \"partner\": \"cjg-oost-sanne\"",
        "{ \"partner\": \"cjg-oost-sane\"",
    );
    std::fs::write(&file, text).unwrap();
    let out = cirkel_nl(&["check", &file.to_string_lossy()], None);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(out.stderr.matches(": fout:").count(), 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("ark.json:4:")
            && out.stderr.contains("members[1].partner")
            && out.stderr.contains("bedoel je \"cjg-oost-sanne\"?"),
        "{}",
        out.stderr
    );
    // Without any list: said as such.
    let alone = dir.join("zonder.json");
    std::fs::write(
        &alone,
        r#"{ "school": { "name": "X" }, "members": [ { "partner": "cjg-oost-sanne" } ] }"#,
    )
    .unwrap();
    let out = cirkel_nl(&["check", &alone.to_string_lossy()], None);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("geen partnerlijst"), "{}", out.stderr);
}

#[test]
fn the_lists_own_mistakes_are_at_its_own_lines() {
    let dir = scratch("partners-broken-list");
    let list = dir.join("lijst.json");
    std::fs::write(
        &list,
        r#"{ "version": 1, "partners": [
  { "id": "sanne", "role": "cjg-coach", "name": "Sanne Bakker" },
  { "id": "sanne", "role": "jeugdarts" },
  { "id": "lpa", "role": "leerplichtambtenaar", "telefoon": "023" },
  { "id": "oc", "role": "onderwijsconsulent", "ring": "kernteam" },
  { "role": "jeugdarts" }
] }"#,
    )
    .unwrap();
    let school = write(
        &dir,
        "school.json",
        br#"{ "school": { "name": "X" }, "members": [ { "partner": "sanne" } ] }"#,
    );
    let out = cirkel_nl(
        &["--partners", &list.to_string_lossy(), "check", &school],
        None,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    for (line, what) in [(3, "sanne"), (4, "telefoon"), (5, "ring"), (6, "id")] {
        assert!(
            out.stderr.contains(&format!("lijst.json:{line}:")) && out.stderr.contains(what),
            "line {line} ({what}): {}",
            out.stderr
        );
    }
    // Said once, of the list, before any school is read.
    assert!(!out.stderr.contains("school.json:"), "{}", out.stderr);
}

#[test]
fn a_list_outside_the_schools_folder_is_refused_like_a_photo() {
    let dir = scratch("partners-outside");
    std::fs::create_dir_all(dir.join("school")).unwrap();
    std::fs::write(
        dir.join("elders.json"),
        r#"{ "version": 1, "partners": [] }"#,
    )
    .unwrap();
    let school = write(
        &dir.join("school"),
        "school.json",
        br#"{ "partners": "../elders.json", "school": { "name": "X" }, "members": [] }"#,
    );
    let out = cirkel_nl(&["check", &school], None);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("school.json:1:") && out.stderr.contains("in de map van dit bestand"),
        "{}",
        out.stderr
    );
}

#[test]
fn privacy_roles_leaves_out_what_the_list_says_of_a_person() {
    let dir = three_schools("partners-privacy", "023 555 0101");
    let file = dir.join("ark.json");
    for args in [vec!["render", "-o", "-"], vec!["describe"], vec!["layout"]] {
        let mut args = args.clone();
        args.insert(1, "--privacy");
        args.insert(2, "roles");
        let path = file.to_string_lossy();
        args.push(&path);
        let out = cirkel_nl(&args, None);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        for private in ["Sanne", "Bakker", "555 0101", "s.bakker", "cjg-oost-sanne"] {
            assert!(
                !out.stdout_text().contains(private),
                "{private} in {args:?}"
            );
        }
        assert!(out.stdout_text().contains("CJG-coach"));
    }
}

/// The example's list and its three schools, as `cirkel partners` takes them.
fn overview_files() -> Vec<String> {
    ["partners", "de-ark", "de-linde", "het-kompas"]
        .iter()
        .map(|s| format!("{SVB}/{s}.json"))
        .collect()
}

#[test]
fn the_overview_lists_each_partners_schools_and_the_look_alikes() {
    let files = overview_files();
    let mut args = vec!["partners"];
    args.extend(files.iter().map(String::as_str));
    let out = cirkel_nl(&args, None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = out.stdout_text();
    let coach = &text[text
        .find("Sanne Bakker, CJG-coach (cjg-oost-sanne): 2 scholen")
        .unwrap()..];
    let coach = &coach[..coach.find("Mehmet Yilmaz").unwrap()];
    assert!(coach.contains("OBS De Ark: ring 2 (Kernteam); routes: Zorgen over opvoeden of thuis"));
    assert!(text.contains("Floor Oostendorp, Onderwijsconsulent (oc-po-zk): 3 scholen"));
    assert!(text.contains("Gedrag in de klas (opschalen)"));
    // Het Kompas writes her out instead of referring to her.
    let tail = &text[text.find("Niet aan de lijst gekoppeld").unwrap()..];
    assert!(
        tail.contains(
            "Het Kompas, lid 2: Sanne Bakker, CJG-coach lijkt op partner \"cjg-oost-sanne\""
        ),
        "{tail}"
    );
    // The committed example is current (scripts/regenerate-examples.sh).
    let committed = std::fs::read_to_string(format!("{SVB}/overzicht.nl.md")).unwrap();
    let mut md = args.clone();
    md.extend(["--format", "markdown"]);
    assert_eq!(cirkel_nl(&md, None).stdout_text(), committed);
}

/// The workbook of a samenwerkingsverband (three schools and a Partners
/// sheet, converted from the example's JSON files and list).
fn workbook(name: &str, schools: &[&str]) -> PathBuf {
    let dir = scratch(name);
    let book = dir.join("scholen.xlsx");
    let mut args = vec!["convert".to_string()];
    args.extend(schools.iter().map(|s| format!("{SVB}/{s}.json")));
    args.push(book.to_string_lossy().into_owned());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = cirkel_nl(&args, None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    book
}

#[test]
fn a_workbook_with_a_partners_sheet_draws_what_the_json_files_and_list_draw() {
    let book = workbook("partners-workbook", &["de-ark", "de-linde", "het-kompas"]);
    for (school, json) in [
        ("OBS De Ark", "de-ark"),
        ("Basisschool De Linde", "de-linde"),
        ("Het Kompas", "het-kompas"),
    ] {
        for format in ["svg", "png"] {
            let from_book = cirkel_nl(
                &[
                    "render",
                    &book.to_string_lossy(),
                    "--school",
                    school,
                    "--format",
                    format,
                    "-o",
                    "-",
                ],
                None,
            );
            assert_eq!(from_book.code, 0, "{school}: {}", from_book.stderr);
            let from_json = cirkel_nl(
                &[
                    "render",
                    &format!("{SVB}/{json}.json"),
                    "--format",
                    format,
                    "-o",
                    "-",
                ],
                None,
            );
            assert!(from_book.stdout == from_json.stdout, "{school} {format}");
        }
    }
    // Back to JSON: the references stay, the list is written beside it.
    let dir = book.parent().unwrap();
    let json = dir.join("ark.json");
    let out = cirkel_nl(
        &[
            "convert",
            "--school",
            "OBS De Ark",
            &book.to_string_lossy(),
            &json.to_string_lossy(),
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(doc["partners"], "partners.json");
    assert_eq!(doc["members"][2]["partner"], "cjg-oost-sanne");
    assert!(doc["members"][2].get("name").is_none());
    assert!(dir.join("partners.json").is_file());
}

#[test]
fn batch_draws_every_school_with_one_list() {
    let dir = scratch("partners-batch");
    let out_dir = dir.join("uit");
    let list = format!("{SVB}/partners.json");
    let out = cirkel_nl(
        &[
            "--partners",
            &list,
            "batch",
            &format!("{SVB}/de-ark.json"),
            &format!("{SVB}/de-linde.json"),
            &format!("{SVB}/het-kompas.json"),
            "-o",
            &out_dir.to_string_lossy(),
            "--format",
            "svg",
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    for school in ["de-ark", "de-linde"] {
        let svg = std::fs::read_to_string(out_dir.join(format!("{school}.svg"))).unwrap();
        assert!(
            svg.contains("Sanne Bakker") && svg.contains("Floor Oostendorp"),
            "{school}"
        );
    }
}

#[test]
fn the_editor_offers_the_lists_partners() {
    // One school: the editor opens it without asking which.
    let book = workbook("partners-editor", &["de-ark"]);
    let Some(browser) = super::browser::Browser::start() else {
        return;
    };
    let (mut server, url) = super::browser::serve(&book);
    browser.call("POST", "/url", serde_json::json!({ "url": url }));
    browser.until("the first picture", "return window.cirkelDraws > 0");
    // Her school's jeugdarts is shown by the list's words.
    browser.until(
        "the jeugdarts by the list's name",
        "return [...document.querySelectorAll('.member-title')].some((t) => t.textContent === 'Karin Dekker, Jeugdarts')",
    );
    // A partner of the list added in one choice (here the jeugdarts again,
    // for a second location): drawn with the list's name.
    let pick = browser.find("#add-partner");
    browser.script(&format!(
        "const s = document.querySelector('#add-partner'); s.value = 'jeugdarts-oost'; s.dispatchEvent(new Event('change')); return {pick:?}.length > 0"
    ));
    browser.until(
        "the second jeugdarts drawn",
        "return (window.cirkelLastSvg.match(/Karin Dekker/g) || []).length >= 2 && !document.getElementById('picture-box').classList.contains('stale')",
    );
    let doc: serde_json::Value = serde_json::from_str(
        browser
            .script("return document.getElementById('json').value")
            .as_str()
            .unwrap(),
    )
    .unwrap();
    let last = doc["members"].as_array().unwrap().last().unwrap().clone();
    // Her own id, not the one the first jeugdarts has from the list.
    assert_eq!(last["partner"], "jeugdarts-oost");
    assert_eq!(last["id"], "jeugdarts-oost-2");
    assert!(last.get("name").is_none(), "{last}");
    let _ = server.kill();
}

#[test]
fn the_overview_as_a_workbook() {
    let dir = scratch("partners-xlsx");
    let out_file = dir.join("overzicht.xlsx");
    let files = overview_files();
    let mut args = vec!["partners"];
    args.extend(files.iter().map(String::as_str));
    let path = out_file.to_string_lossy().into_owned();
    args.extend(["--format", "xlsx", "-o", &path]);
    let out = cirkel_nl(&args, None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let bytes = std::fs::read(&out_file).unwrap();
    assert!(bytes.starts_with(b"PK"));
    // Its sheets and strings, as the workbook holds them (read with
    // python3's zipfile, which every CI machine has).
    let read = |part: &str| {
        let o = std::process::Command::new("python3")
            .args([
                "-c",
                "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())",
                &path,
                part,
            ])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stdout).unwrap()
    };
    let book = read("xl/workbook.xml");
    assert!(
        book.contains("name=\"Overzicht\"") && book.contains("name=\"Niet gekoppeld\""),
        "{book}"
    );
    let strings = read("xl/sharedStrings.xml");
    for s in [
        "cjg-oost-sanne",
        "Sanne Bakker",
        "Het Kompas",
        "Gedrag in de klas",
    ] {
        assert!(strings.contains(s), "{s}");
    }
    // The same inputs, the same bytes.
    let again = cirkel_nl(&args, None);
    assert_eq!(again.code, 0);
    assert_eq!(std::fs::read(&out_file).unwrap(), bytes);
}

#[test]
fn a_partners_photo_comes_from_beside_the_list() {
    let dir = scratch("partners-photo");
    std::fs::create_dir_all(dir.join("lijst/fotos")).unwrap();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../examples/photos/sanne.png"
        ),
        dir.join("lijst/fotos/sanne.png"),
    )
    .unwrap();
    std::fs::write(
        dir.join("lijst/partners.json"),
        r#"{ "version": 1, "partners": [ { "id": "sanne", "role": "cjg-coach",
             "name": "Sanne Bakker", "photo": "fotos/sanne.png" } ] }"#,
    )
    .unwrap();
    let school = write(
        &dir,
        "school.json",
        br#"{ "partners": "lijst/partners.json", "school": { "name": "X" },
              "members": [ { "partner": "sanne" } ] }"#,
    );
    let svg = cirkel_nl(&["render", &school, "-o", "-"], None);
    assert_eq!(svg.code, 0, "{}", svg.stderr);
    assert!(svg.stdout_text().contains("href=\"data:image/png;base64,"));
    let roles = cirkel_nl(&["render", &school, "--privacy", "roles", "-o", "-"], None);
    assert!(!roles.stdout_text().contains("data:image/png"));
}
