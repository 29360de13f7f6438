//! Privacy levels and `batch`.

use super::*;

/// Personal data of the example: contact data and names.
const CONTACT: [&str; 2] = ["ib@example.nl", "023 000 0000"];

/// The names of the example's members.
pub(super) fn names() -> Vec<String> {
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
            // Its text is compressed: the raw bytes (links, metadata, alt
            // text) are checked here, the text in crates/cirkel/tests/pdf.rs.
            ("pdf", vec!["render", EXAMPLE, "--format", "pdf", "-o", "-"]),
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
        if what != "png" && what != "pdf" {
            assert!(contains(&bytes, &names[0]), "full keeps names in {what}");
        }
    }
    for (what, bytes) in outputs("names") {
        for c in CONTACT {
            assert!(!contains(&bytes, c), "names: {c} survives in {what}");
        }
        if what != "png" && what != "pdf" {
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
        if what != "png" && what != "pdf" {
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
    // Where the card's lines break depends on its shape (narrower near 3
    // and 9 o'clock): look for the start of the expertise line.
    assert!(
        full.contains(">verzuim · te laat"),
        "expertise on the cards"
    );
    // Since every card lies inside its own ring's band (bar 7) the example
    // is legible from 666 px (it was 620 px when cards straddled the band
    // lines).
    let small = cirkel(&["render", EXAMPLE, "--width", "680", "-o", "-"], None);
    assert_eq!(small.code, 0);
    let svg = small.stdout_text();
    assert!(!svg.contains("verzuim · te laat"), "compact cards");
    assert!(svg.contains(">Mehmet") && svg.contains(">Leerplicht"));
    assert!(
        small.stderr.is_empty(),
        "legible at 680 px: {}",
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
    assert!(cirkel::svg_safety_problems(&svg).is_empty());
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
    assert!(cirkel::svg_safety_problems(&paths).is_empty());
    // Drawn with no fonts at all, the outlines give the picture that the
    // text gives with the bundled font.
    let draw = |svg: &str, fonts: bool| {
        let mut opts = cirkel::usvg_options();
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
    let differing = |a: &resvg::tiny_skia::Pixmap, b: &resvg::tiny_skia::Pixmap| {
        assert_eq!((a.width(), a.height()), (b.width(), b.height()));
        a.data()
            .chunks(4)
            .zip(b.data().chunks(4))
            .filter(|(x, y)| x.iter().zip(*y).any(|(p, q)| p.abs_diff(*q) > 8))
            .count()
    };
    // Every line of text became one path, and nothing else changed.
    assert_eq!(
        paths.matches("<path ").count(),
        normal.matches("<path ").count() + normal.matches("<text ").count()
    );
    assert_eq!(
        paths.matches("<a ").count(),
        normal.matches("<a ").count(),
        "contacts stay links"
    );
    // Drawn with no font at all, the outlines give the picture a viewer
    // with the font gives (it fits each line to its measured width, so
    // glyph edges fall a fraction of a pixel apart).
    let outlines = draw(&paths, false);
    let pixels = outlines.data().len() / 4;
    let d = differing(&outlines, &draw(&normal, true));
    assert!(
        d * 500 < pixels,
        "{d} of {pixels} pixels differ from the text"
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
    use cirkel::{DrawOptions, Format, Privacy, Size, ThemeChoice, draw_file};
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
                size: Size::Paper(cirkel::Paper::A4),
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
    let options = cirkel::DrawOptions {
        size: cirkel::Size::Width(300),
        ..Default::default()
    };
    let drawn = cirkel::draw_file(Path::new(EXAMPLE), &options).unwrap();
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
    assert!(cirkel::svg_safety_problems(&full).is_empty());
    let names = cirkel(&["render", EXAMPLE, "--privacy", "names", "-o", "-"], None).stdout_text();
    assert!(!names.contains("<a ") && !names.contains("ib@example.nl"));
    assert!(names.contains(">Maaike van"), "names stay");
    let en = cirkel(&["render", EXAMPLE, "--lang", "en", "-o", "-"], None).stdout_text();
    assert!(en.contains(" lang=\"en\""));
}
