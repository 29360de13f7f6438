//! End-to-end tests of what cirkel says and of the commands as README.md
//! documents them: Dutch by default, English with `--lang en`, counts that
//! agree in number, and the options `render` and `batch` share.

#![allow(missing_docs, clippy::unwrap_used)]

mod common;
use common::*;

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/st-bernardusschool.json"
);

fn ring_typo() -> Vec<u8> {
    doc(
        r#"    { "id": "ib", "role": "intern-begeleider" },
    { "id": "lpa", "role": "leerplichtambtenaar", "ring": "kernteem" },
    { "id": "oc", "role": "onderwijsconsulent", "ring": "netwrek" }"#,
        "",
    )
}

#[test]
fn messages_are_dutch_by_default_and_english_on_request() {
    let dir = scratch("lang");
    let file = write(&dir, "school.json", &ring_typo());
    let nl = cirkel_nl(&["check", &file], None);
    assert_eq!(nl.code, 1);
    assert!(
        nl.stderr.contains(":6:59: fout: members[1].ring: onbekende ring \"kernteem\"\n  tip: bedoel je \"kernteam\"? Bekende ringen: \"school\", \"kernteam\", \"netwerk\""),
        "{}",
        nl.stderr
    );
    assert!(
        nl.stderr.contains("school.json: 2 fouten gevonden"),
        "{}",
        nl.stderr
    );
    let en = cirkel_nl(&["check", &file, "--lang", "en"], None);
    assert_eq!(en.code, 1);
    assert!(
        en.stderr.contains(":6:59: error: members[1].ring: unknown ring \"kernteem\"\n  help: did you mean \"kernteam\"?"),
        "{}",
        en.stderr
    );
    assert!(
        en.stderr.contains("school.json: 2 errors found"),
        "{}",
        en.stderr
    );
    // `--lang` may come before the command too.
    let before = cirkel_nl(&["--lang", "en", "check", &file], None);
    assert_eq!(before.stderr, en.stderr);
}

#[test]
fn counts_agree_in_number() {
    let dir = scratch("counts");
    let one = write(
        &dir,
        "one.json",
        &doc(
            r#"    { "id": "ib", "role": "intern-begeleider", "expertise": "zorg" }"#,
            "",
        ),
    );
    let out = cirkel_nl(&["check", &one], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout_text()
            .contains("in orde: 1 lid op 3 ringen, 0 routes, 1 waarschuwing, 0 opmerkingen"),
        "{}",
        out.stdout_text()
    );
    let en = cirkel_nl(&["check", &one, "--lang", "en"], None);
    assert!(
        en.stdout_text()
            .contains("ok: 1 member on 3 rings, 0 routes, 1 warning, 0 notes"),
        "{}",
        en.stdout_text()
    );
    let bad = write(&dir, "bad.json", b"{\"school\": {}}");
    let out = cirkel_nl(
        &["render", &bad, "-o", &dir.join("x.svg").to_string_lossy()],
        None,
    );
    assert!(
        out.stderr
            .contains("1 fout gevonden; er is niets geschreven"),
        "{}",
        out.stderr
    );
}

#[test]
fn the_legibility_warning_and_the_batch_summary_are_dutch() {
    let tiny = cirkel_nl(&["render", EXAMPLE, "--width", "300", "-o", "-"], None);
    assert!(
        tiny.stderr
            .contains("waarschuwing: bij 300 px breed is de kleinste tekst")
            && tiny.stderr.contains("tip: teken hem"),
        "{}",
        tiny.stderr
    );
    let dir = scratch("batch-nl");
    let input = write(&dir, "ark.json", &doc(r#"    { "role": "cjg-coach" }"#, ""));
    let out = dir.join("out");
    let run = cirkel_nl(
        &[
            "batch",
            &input,
            "-o",
            &out.to_string_lossy(),
            "--format",
            "svg",
        ],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("1 school getekend, 0 mislukt; geschreven in"),
        "{}",
        run.stderr
    );
}

#[test]
fn batch_takes_the_drawing_options_of_render() {
    let dir = scratch("batch-options");
    let example = std::fs::read(EXAMPLE).unwrap();
    let input = write(&dir, "bernardus.json", &example);
    // Last year's layout beside the input is used with --previous.
    let layout_file = dir.join("bernardus.layout.json");
    let out = cirkel(
        &["layout", &input, "-o", &layout_file.to_string_lossy()],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.is_empty(),
        "layout -o writes the file, not standard output"
    );
    let layout: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&layout_file).unwrap()).unwrap();
    assert!(layout["nodes"].is_array());
    let out_dir = dir.join("out");
    let run = cirkel(
        &[
            "batch",
            &input,
            "-o",
            &out_dir.to_string_lossy(),
            "--format",
            "svg",
            "--route",
            "verzuim",
            "--text-as-paths",
            "--previous",
        ],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let svg = std::fs::read_to_string(out_dir.join("bernardus.svg")).unwrap();
    assert!(!svg.contains("<text"), "--text-as-paths: no text elements");
    assert!(
        svg.contains("route-verzuim") || svg.contains("verzuim"),
        "--route highlights it"
    );
    // The same with render gives the same bytes.
    let single = dir.join("single.svg");
    let render = cirkel(
        &[
            "render",
            &input,
            "-o",
            &single.to_string_lossy(),
            "--route",
            "verzuim",
            "--text-as-paths",
            "--previous",
            &layout_file.to_string_lossy(),
        ],
        None,
    );
    assert_eq!(render.code, 0, "{}", render.stderr);
    assert_eq!(std::fs::read_to_string(&single).unwrap(), svg);
    // A previous layout that is broken is reported for that school.
    std::fs::write(&layout_file, b"{}").unwrap();
    let run = cirkel(
        &[
            "batch",
            &input,
            "-o",
            &out_dir.to_string_lossy(),
            "--previous",
        ],
        None,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("bernardus.layout.json"),
        "{}",
        run.stderr
    );
    // Text as outlines with only PNG output is refused.
    let png_only = cirkel(
        &[
            "batch",
            &input,
            "-o",
            &out_dir.to_string_lossy(),
            "--text-as-paths",
        ],
        None,
    );
    assert_eq!(png_only.code, 2, "{}", png_only.stderr);
    assert!(
        png_only.stderr.contains("--text-as-paths"),
        "{}",
        png_only.stderr
    );
}

#[test]
fn outputs_go_where_they_are_told_or_say_where() {
    let dir = scratch("outputs");
    let input = write(&dir, "ark.json", &doc(r#"    { "role": "cjg-coach" }"#, ""));
    // A folder that does not exist is named, and not created.
    let missing = dir.join("nieuwe-map").join("x.png");
    let out = cirkel_nl(&["render", &input, "-o", &missing.to_string_lossy()], None);
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(out.stderr.contains("de map"), "{}", out.stderr);
    assert!(out.stderr.contains("nieuwe-map"), "{}", out.stderr);
    assert!(out.stderr.contains("bestaat niet"), "{}", out.stderr);
    assert!(!dir.join("nieuwe-map").exists());
    // Without -o: next to the input, and it says so.
    let out = cirkel_nl(&["render", &input], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let svg = dir.join("ark.svg");
    assert!(svg.is_file());
    assert!(
        out.stderr
            .contains(&format!("{} geschreven", svg.display())),
        "{}",
        out.stderr
    );
    // PNG with --text-as-paths is refused: a PNG holds no text.
    let out = cirkel_nl(
        &[
            "render",
            &input,
            "-o",
            &dir.join("x.png").to_string_lossy(),
            "--text-as-paths",
        ],
        None,
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("--text-as-paths is voor SVG"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_file_without_a_command_gets_the_command_to_add() {
    let out = cirkel_nl(&["regenboog.json"], None);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("`cirkel render regenboog.json`"),
        "{}",
        out.stderr
    );
    let out = cirkel_nl(&["regenboog.json", "--lang", "en"], None);
    assert!(
        out.stderr.contains("needs a command first"),
        "{}",
        out.stderr
    );
    // The language may come first, too.
    for argv in [
        &["--lang", "en", "regenboog.json"][..],
        &["--lang=en", "regenboog.json"][..],
    ] {
        let out = cirkel_nl(argv, None);
        assert_eq!(out.code, 2, "{}", out.stderr);
        assert!(
            out.stderr.contains("`cirkel render regenboog.json`"),
            "{}",
            out.stderr
        );
    }
}

#[test]
fn help_shows_each_default_once_and_names_the_language() {
    for command in ["render", "batch", "layout", "describe", "init", "check"] {
        let out = cirkel_nl(&[command, "--help"], None);
        assert_eq!(out.code, 0);
        let help = out.stdout_text();
        for line in help.lines() {
            assert!(
                line.matches("[default:").count() <= 1
                    && !(line.contains("[default:") && line.contains("Default")),
                "{command}: a default said twice: {line}"
            );
        }
        assert!(help.contains("--lang <LANG>"), "{command}: {help}");
    }
    let top = cirkel_nl(&["--help"], None).stdout_text();
    assert!(
        top.contains("Messages are in Dutch; --lang en gives English"),
        "{top}"
    );
}

#[test]
fn pdf_from_render_and_batch() {
    let dir = scratch("pdf");
    let example = std::fs::read(EXAMPLE).unwrap();
    let input = write(&dir, "bernardus.json", &example);
    let media_box = |pdf: &[u8]| {
        let raw = String::from_utf8_lossy(pdf).into_owned();
        let at = raw.find("/MediaBox").unwrap();
        raw[at..at + 40].to_string()
    };
    // The format follows the extension; A4 by default.
    let a4 = dir.join("kernteam.pdf");
    let out = cirkel_nl(&["render", &input, "-o", &a4.to_string_lossy()], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let pdf = std::fs::read(&a4).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(media_box(&pdf).contains("595.27"), "{}", media_box(&pdf));
    // --format pdf to standard output, A3, without the description.
    let out = cirkel_nl(
        &[
            "render", &input, "--format", "pdf", "--paper", "a3", "-o", "-",
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(media_box(&out.stdout).contains("841.89"));
    let short = cirkel_nl(
        &[
            "render",
            &input,
            "--format",
            "pdf",
            "--no-description",
            "-o",
            "-",
        ],
        None,
    );
    assert!(short.stdout.len() < pdf.len());
    // Options that do not apply to PDF are refused, in the user's words.
    for option in [
        &["--width", "800"][..],
        &["--scale", "2"],
        &["--dpi", "150"],
        &["--text-as-paths"],
    ] {
        let mut args = vec!["render", &input, "-o", "x.pdf"];
        args.extend_from_slice(option);
        let out = cirkel_nl(&args, None);
        assert_eq!(out.code, 2, "{option:?}: {}", out.stderr);
        assert!(out.stderr.contains("geldt niet voor PDF"), "{}", out.stderr);
    }
    // batch --format pdf writes one PDF per school, the same bytes as render.
    let out_dir = dir.join("out");
    let out = cirkel_nl(
        &[
            "batch",
            &input,
            "-o",
            &out_dir.to_string_lossy(),
            "--format",
            "pdf",
            "--quiet",
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let batch_pdf = std::fs::read(out_dir.join("bernardus.pdf")).unwrap();
    assert!(batch_pdf == pdf, "batch and render give the same PDF");
    let out = cirkel_nl(
        &[
            "batch",
            &input,
            "-o",
            &out_dir.to_string_lossy(),
            "--format",
            "pdf",
            "--width",
            "900",
        ],
        None,
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    // `layout --format pdf` gives the geometry the PDF draws (compact cards
    // on A4 for this school), not the PNG's.
    let json = |args: &[&str]| -> serde_json::Value {
        let out = cirkel_nl(args, None);
        assert_eq!(out.code, 0, "{}", out.stderr);
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let png = json(&["layout", &input]);
    let pdf = json(&["layout", &input, "--format", "pdf"]);
    assert_ne!(png["width"], pdf["width"]);
    assert!(pdf["min_font_size"].as_f64().unwrap() > png["min_font_size"].as_f64().unwrap());
}
