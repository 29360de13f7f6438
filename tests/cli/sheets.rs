//! Workbooks and CSV wherever JSON is read (issue 16): the template, convert
//! there and back, problems at their cell, many schools in one workbook,
//! macros refused, and LibreOffice opening and saving what cirkel writes.

use super::*;

fn run_ok(args: &[&str]) -> Output {
    let out = cirkel_nl(args, None);
    assert_eq!(out.code, 0, "cirkel {args:?}:\n{}", out.stderr);
    out
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json_of(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&read(path)).unwrap()
}

#[test]
fn the_template_passes_check_in_both_formats() {
    let dir = scratch("sheet-template");
    for ext in ["xlsx", "ods"] {
        let file = dir.join(format!("school.{ext}"));
        let f = file.to_str().unwrap();
        run_ok(&["init", "--school", "De Ark", "-o", f]);
        let out = run_ok(&["check", f]);
        assert!(out.stdout_text().contains("in orde: 7 leden"), "{ext}");
        assert!(
            out.stderr.contains("Leden!A"),
            "{ext}: a remark is located by cell:\n{}",
            out.stderr
        );
        // Never overwritten without --force.
        let again = cirkel_nl(&["init", "-o", f], None);
        assert_eq!(again.code, 2, "{ext}: {}", again.stderr);
    }
}

#[test]
fn convert_there_and_back_draws_the_same_bytes() {
    let dir = scratch("sheet-convert");
    let svg = read(Path::new(EXAMPLE).with_extension("svg").as_path());
    for ext in ["xlsx", "ods"] {
        let book = dir.join(format!("school.{ext}"));
        let back = dir.join(format!("back-{ext}.json"));
        run_ok(&["convert", EXAMPLE, book.to_str().unwrap()]);
        run_ok(&["convert", book.to_str().unwrap(), back.to_str().unwrap()]);
        for input in [&book, &back] {
            let out = dir.join("drawn.svg");
            let _ = std::fs::remove_file(&out);
            run_ok(&[
                "render",
                input.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ]);
            assert!(read(&out) == svg, "{} draws other bytes", input.display());
        }
        assert_eq!(json_of(&back), json_of(Path::new(EXAMPLE)), "{ext}");
    }
}

#[test]
fn photos_are_read_beside_the_workbook() {
    let dir = scratch("sheet-photos");
    let examples = Path::new(EXAMPLE).parent().unwrap();
    std::fs::create_dir_all(dir.join("photos")).unwrap();
    for e in std::fs::read_dir(examples.join("photos")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.join("photos").join(e.file_name())).unwrap();
    }
    let json = dir.join("klimop.json");
    std::fs::copy(examples.join("obs-de-klimop.json"), &json).unwrap();
    let book = dir.join("klimop.xlsx");
    run_ok(&["convert", json.to_str().unwrap(), book.to_str().unwrap()]);
    let svg = dir.join("klimop.svg");
    run_ok(&[
        "render",
        book.to_str().unwrap(),
        "-o",
        svg.to_str().unwrap(),
    ]);
    assert!(read(&svg) == read(&examples.join("obs-de-klimop.svg")));
    // Without the photos beside it, the cell is named.
    std::fs::remove_dir_all(dir.join("photos")).unwrap();
    let out = cirkel(&["check", book.to_str().unwrap()], None);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("klimop.xlsx: Leden!M2: error:"),
        "{}",
        out.stderr
    );
}

#[test]
fn problems_are_said_at_their_cell_in_dutch_and_english() {
    let dir = scratch("sheet-cells");
    // A warning does not stop convert, so a workbook can carry it.
    let json = write(
        &dir,
        "a.json",
        br#"{"version":1,"school":{"name":"De Ark"},"members":[
            {"id":"ib","role":"intern-begeleider","name":"Ann","expertise":["gedrag"]},
            {"id":"cjg","role":"cjg-coch","name":"Bo","expertise":["opvoeding"]}]}"#,
    );
    let book = dir.join("ark.xlsx");
    run_ok(&["convert", &json, book.to_str().unwrap()]);
    let nl = run_ok(&["check", book.to_str().unwrap()]);
    assert!(
        nl.stderr
            .contains("ark.xlsx: Leden!B3: waarschuwing: \"cjg-coch\" is geen ingebouwde rol"),
        "{}",
        nl.stderr
    );
    assert!(
        nl.stderr.contains("bedoel je \"cjg-coach\""),
        "{}",
        nl.stderr
    );
    let en = run_ok(&["check", book.to_str().unwrap(), "--lang", "en"]);
    assert!(
        en.stderr.contains("ark.xlsx: Leden!B3: warning:"),
        "{}",
        en.stderr
    );

    // A CSV of members: every error at its cell, all at once, nothing drawn.
    let csv = write(
        &dir,
        "leden.csv",
        b"id;rol;naam;ring\r\nib;intern-begeleider;Ann;kernteam\r\nja;jeugdarts;Bo;buiten\r\nja;cjg-coach;Cem;netwerk\r\n",
    );
    let out = cirkel_nl(
        &["render", &csv, "-o", dir.join("x.svg").to_str().unwrap()],
        None,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("leden.csv: D3: fout: onbekende ring \"buiten\""),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("leden.csv: A4: fout:"),
        "{}",
        out.stderr
    );
    assert!(!dir.join("x.svg").exists());
}

#[test]
fn a_workbook_of_three_schools_draws_three_circles() {
    let dir = scratch("sheet-three");
    let mut inputs = Vec::new();
    for (i, name) in ["Alfa", "Beta", "Gamma/Delta"].iter().enumerate() {
        let f = dir.join(format!("s{i}.json"));
        run_ok(&["init", "--school", name, "-o", f.to_str().unwrap()]);
        inputs.push(f.to_str().unwrap().to_string());
    }
    let book = dir.join("drie.xlsx");
    let mut args = vec!["convert"];
    args.extend(inputs.iter().map(String::as_str));
    args.push(book.to_str().unwrap());
    run_ok(&args);
    let b = book.to_str().unwrap();

    let out = run_ok(&["check", b]);
    assert_eq!(
        out.stdout_text().matches("in orde").count(),
        3,
        "{}",
        out.stdout_text()
    );

    let folder = dir.join("uit");
    run_ok(&[
        "batch",
        b,
        "--format",
        "svg",
        "-o",
        folder.to_str().unwrap(),
    ]);
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["alfa.svg", "beta.svg", "gamma-delta.svg"]);

    // A single picture needs --school; the names are offered.
    let svg = dir.join("x.svg");
    let s = svg.to_str().unwrap();
    let out = cirkel_nl(&["render", b, "-o", s], None);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("--school") && out.stderr.contains("\"Gamma/Delta\""),
        "{}",
        out.stderr
    );
    let out = cirkel_nl(&["render", b, "--school", "Beta", "-o", s], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(read(&svg) == read(&folder.join("beta.svg")));
    let out = cirkel_nl(&["render", b, "--school", "Bèta", "-o", s], None);
    assert_eq!(out.code, 1, "{}", out.stderr);
}

#[test]
fn macros_and_unreadable_workbooks_are_refused() {
    let dir = scratch("sheet-refused");
    let book = dir.join("school.xlsx");
    run_ok(&["init", "-o", book.to_str().unwrap()]);
    let xlsm = write(&dir, "school.xlsm", &read(&book));
    let out = cirkel_nl(&["check", &xlsm], None);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("macro"), "{}", out.stderr);
    let fake = write(&dir, "nep.xlsx", b"id;rol\nib;intern-begeleider\n");
    let out = cirkel(&["check", &fake], None);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("nep.xlsx"), "{}", out.stderr);
}

// ---- LibreOffice (Debian's libreoffice-calc, headless) ----

/// `soffice`, or `None` (with a message) where it is missing outside CI.
fn soffice() -> Option<&'static str> {
    let found = std::process::Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        return Some("soffice");
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "soffice is required under CI=true (apt-get install libreoffice-calc-nogui)"
    );
    eprintln!("skipped: LibreOffice is not installed (apt-get install libreoffice-calc-nogui)");
    None
}

/// LibreOffice opens `input` and saves it as `ext` into `dir`.
fn libreoffice_saves(soffice: &str, input: &Path, ext: &str, dir: &Path) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    // Its own profile, so that runs in parallel (and a user's open
    // LibreOffice) do not meet.
    let profile = dir.join("profile");
    let out = std::process::Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--norestore", "--convert-to", ext, "--outdir"])
        .arg(dir)
        .arg(input)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let saved = dir.join(input.with_extension(ext).file_name().unwrap());
    assert!(
        out.status.success() && saved.exists(),
        "LibreOffice could not open {}: {}{}",
        input.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    saved
}

#[test]
fn libreoffice_opens_what_cirkel_writes_and_its_saves_read_back_the_same() {
    let Some(soffice) = soffice() else { return };
    let dir = scratch("sheet-libreoffice");
    let template = dir.join("sjabloon.xlsx");
    run_ok(&[
        "init",
        "--school",
        "De Ark",
        "-o",
        template.to_str().unwrap(),
    ]);
    let example_xlsx = dir.join("voorbeeld.xlsx");
    let example_ods = dir.join("voorbeeld-ods.ods");
    run_ok(&["convert", EXAMPLE, example_xlsx.to_str().unwrap()]);
    run_ok(&["convert", EXAMPLE, example_ods.to_str().unwrap()]);

    let cases = [
        (&template, "ods"),
        (&template, "xlsx"),
        (&example_xlsx, "ods"),
        (&example_xlsx, "xlsx"),
        (&example_ods, "xlsx"),
        (&example_ods, "ods"),
    ];
    for (i, (input, ext)) in cases.into_iter().enumerate() {
        let saved = libreoffice_saves(soffice, input, ext, &dir.join(format!("lo{i}")));
        let ours = dir.join(format!("ours{i}.json"));
        let theirs = dir.join(format!("theirs{i}.json"));
        run_ok(&["convert", input.to_str().unwrap(), ours.to_str().unwrap()]);
        run_ok(&["convert", saved.to_str().unwrap(), theirs.to_str().unwrap()]);
        assert_eq!(
            json_of(&theirs),
            json_of(&ours),
            "{} saved by LibreOffice as .{ext} reads back otherwise",
            input.display()
        );
        let out = run_ok(&["check", saved.to_str().unwrap()]);
        assert!(
            out.stdout_text().contains("in orde"),
            "{}",
            out.stdout_text()
        );
    }
}
