//! Hostile and odd inputs, table-driven (see docs/SAFETY.md): each
//! case is an input and its expected outcome, either an error (exit code and
//! the key words of the message) or a safe render (a strictly valid SVG with
//! no active content, that usvg accepts and that renders to PNG). Limits are
//! tested at and just past each bound.

#![allow(missing_docs, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use cirkel_core::limits::*;

#[path = "hostile/sheets.rs"]
mod sheets;

enum Expect {
    /// Exit code and words the message must contain.
    Error(i32, &'static [&'static str]),
    /// Renders; the SVG is safe; warnings may contain these words.
    Safe(&'static [&'static str]),
}

struct Case {
    name: &'static str,
    input: Vec<u8>,
    expect: Expect,
}

fn doc(members: &str) -> Vec<u8> {
    format!(r#"{{"version": 1, "school": {{"name": "De Ark"}}, "members": [{members}]}}"#)
        .into_bytes()
}

fn member(fields: &str) -> Vec<u8> {
    doc(&format!(r#"{{"id": "a", "role": "cjg-coach", {fields}}}"#))
}

fn named(name: &str) -> Vec<u8> {
    member(&format!(
        r#""name": {}"#,
        serde_json::to_string(name).unwrap()
    ))
}

fn many_members(n: usize) -> Vec<u8> {
    let m: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id": "m{i}", "role": "jeugdarts"}}"#))
        .collect();
    doc(&m.join(","))
}

/// `n` routes of `steps` steps each (between two members), with `question`.
fn routes_doc(n: usize, steps: usize, question: &str) -> Vec<u8> {
    let route = format!(
        r#"{{"question": {}, "steps": [{}]}}"#,
        serde_json::to_string(question).unwrap(),
        vec!["\"a\""; steps].join(",")
    );
    format!(
        r#"{{"school": {{"name": "A"}}, "members": [{{"id": "a", "role": "x"}}], "routes": [{}]}}"#,
        vec![route; n].join(",")
    )
    .into_bytes()
}

fn meetings_doc(n: usize) -> Vec<u8> {
    let m = r#"{"when": "oktober", "purpose": "Kennismaken"}"#;
    format!(
        r#"{{"school": {{"name": "A"}}, "meetings": [{}]}}"#,
        vec![m; n].join(",")
    )
    .into_bytes()
}

/// A valid document padded with spaces to exactly `len` bytes.
fn padded(len: usize) -> Vec<u8> {
    let mut v = named("Anna");
    v.resize(len, b' ');
    v
}

fn cases() -> Vec<Case> {
    use Expect::*;
    let c = |name, input: Vec<u8>, expect| Case {
        name,
        input,
        expect,
    };
    let text_at = |n: usize| "a".repeat(n);
    vec![
        // A. File and encoding
        c("empty file", b"".to_vec(), Error(1, &["input is empty"])),
        c("only whitespace", b" \n\r\n\t ".to_vec(), Error(1, &["input is empty"])),
        c("truncated", br#"{"members":[{"id":"a","name":"b"#.to_vec(), Error(1, &["1:30", "closing `\"` of this text is missing"])),
        c("bom", [b"\xEF\xBB\xBF".to_vec(), named("Anna")].concat(), Safe(&[])),
        c("utf-16", b"\xFF\xFE{\0\"\0}\0".to_vec(), Error(1, &["UTF-16", "save it as UTF-8"])),
        c("latin-1", b"{\"school\": {\"name\": \"Caf\xE9\"}}".to_vec(), Error(1, &["not valid UTF-8 at line 1, column 25"])),
        c("byte-order mark and zero-width inside a name", named("An\u{feff}na\u{200b} \u{e000}"), Safe(&[])),
        c("crlf", String::from_utf8(named("Anna")).unwrap().replace(", ", ",\r\n").into_bytes(), Safe(&[])),
        c("line comment", b"{\n// x\n\"school\": {\"name\": \"A\"}}".to_vec(), Error(1, &["2:1", "comments are not allowed"])),
        c("block comment", b"{/* x */ \"school\": {\"name\": \"A\"}}".to_vec(), Error(1, &["comments are not allowed"])),
        c("trailing comma", b"{\"school\": {\"name\": \"A\",}}".to_vec(), Error(1, &["trailing comma"])),
        c("two documents", b"{\"school\": {\"name\": \"A\"}}{}".to_vec(), Error(1, &["unexpected text after the JSON value"])),
        c("over the size limit", vec![b' '; MAX_INPUT_BYTES + 1], Error(1, &["limit is 5 MB"])),
        // B. Types and numbers
        c("name is a number", member(r#""name": 42"#), Error(1, &["members[0].name: expected a text in double quotes, found 42"])),
        c("members is an object", br#"{"school": {"name": "A"}, "members": {}}"#.to_vec(), Error(1, &["members: expected a list"])),
        c("NaN", br#"{"school": {"name": "A"}, "version": NaN}"#.to_vec(), Error(1, &["NaN/Infinity are not valid JSON numbers"])),
        c("Infinity", br#"{"school": {"name": "A"}, "version": Infinity}"#.to_vec(), Error(1, &["NaN/Infinity"])),
        c("huge number", br#"{"school": {"name": "A"}, "version": 1e400}"#.to_vec(), Error(1, &["number out of range"])),
        c("negative zero version", br#"{"school": {"name": "A"}, "version": -0.0}"#.to_vec(), Error(1, &["version: unsupported version"])),
        c("fractional version", br#"{"school": {"name": "A"}, "version": 1.5}"#.to_vec(), Error(1, &["version: unsupported version 1.5"])),
        c("duplicate key", member(r#""name": "A", "name": "B""#), Error(1, &["members[0].name: duplicate key `name`"])),
        c("typo key", member(r#""nmae": "A""#), Error(1, &["unknown key `nmae`", "did you mean `name`?"])),
        c("deep nesting", format!(r#"{{"school": {{"name": "A"}}, "title": {}{}}}"#, "[".repeat(200), "]".repeat(200)).into_bytes(), Error(1, &["nested too deeply"])),
        // C. Strings and Unicode
        c("script in name", named("<script>alert(1)</script>"), Safe(&[])),
        c("attribute breakout", named("\"><svg onload=alert(1)> ' onmouseover='x"), Safe(&[])),
        c("cdata and comments", named("]]> --> <!-- <?xml"), Safe(&[])),
        c("entities literally", named("&amp; &nbsp; &lt;"), Safe(&[])),
        c("control characters", named("A\u{0}B\u{1}C\u{b}D\u{fffe}E\u{ffff}"), Safe(&["removed 5 invisible"])),
        c("lone surrogate", br#"{"school": {"name": "\ud800"}}"#.to_vec(), Error(1, &["invalid unicode escape"])),
        c("right-to-left override", named("Bob\u{202E}gnp.exe"), Safe(&["removed 1 invisible"])),
        c("zero-width in id", doc(r#"{"id": "an\u200bna", "role": "a"}, {"id": "anna", "role": "b"}"#), Error(1, &["members[0].id", "is not a valid id"])),
        c("decomposed id", doc(r#"{"id": "jose\u0301", "role": "a"}"#), Error(1, &["is not a valid id", "e.g. \"jose\""])),
        c("emoji", named("👩‍👩‍👧 🇳🇱 👍🏽"), Safe(&["members[0].name: the bundled font has no glyph for 👩"])),
        c("arabic and vietnamese", named("مريم الحسن · Nguyễn Thị Đặng"), Safe(&["members[0].name: the bundled font has no glyph for م (U+0645)"])),
        c("vietnamese only", named("Nguyễn Thị Đặng"), Safe(&[])),
        c("name at the limit", named(&text_at(MAX_SHORT_TEXT)), Safe(&[])),
        c("name just past the limit", named(&text_at(MAX_SHORT_TEXT + 1)), Error(1, &["is 201 characters long; the limit is 200"])),
        c("1 MB name", named(&text_at(1 << 20)), Error(1, &["the limit is 200"])),
        c("zalgo", named(&format!("a{}", "\u{301}".repeat(500))), Error(1, &["the limit is 200"])),
        c("single combining mark", named("\u{301}"), Safe(&[])),
        c("blank name", named("   "), Error(1, &["members[0].name: must not be empty"])),
        c("tab and newline", member(r#""organisation": "CJG\tNoord\nOost""#), Safe(&[])),
        // D. Structure and semantics
        c("route to unknown member", [doc(r#"{"id": "zoe", "role": "a"}"#).strip_suffix(b"}").unwrap().to_vec(), br#", "routes": [{"question": "q", "steps": ["zeo"]}]}"#.to_vec()].concat(), Error(1, &["routes[0].steps[0]: unknown member \"zeo\"", "did you mean \"zoe\"?"])),
        c("duplicate ids", doc(r#"{"id": "a", "role": "x"}, {"id": "a", "role": "y"}"#), Error(1, &["members[1].id: duplicate id \"a\": members[0] has it too"])),
        c("cyclic and self routes", [doc(r#"{"id": "a", "role": "x"}, {"id": "b", "role": "y"}"#).strip_suffix(b"}").unwrap().to_vec(), br#", "routes": [{"question": "q", "steps": ["a", "b", "a"]}, {"question": "r", "steps": ["a"], "escalation": ["a"]}]}"#.to_vec()].concat(), Safe(&[])),
        c("members at the limit", many_members(MAX_MEMBERS), Safe(&[])),
        c("members just past the limit", many_members(MAX_MEMBERS + 1), Error(1, &["too many members (201 > 200)"])),
        c("5000 members", many_members(5000), Error(1, &["too many members (5000 > 200)"])),
        c("zero members", br#"{"school": {"name": "Leeg"}}"#.to_vec(), Safe(&[])),
        c("odd ids", doc(r#"{"id": "__proto__", "role": "x"}"#), Error(1, &["is not a valid id"])),
        c("id 0", doc(r#"{"id": "0", "role": "x"}"#), Safe(&[])),
        c("rings at the limit", format!(r#"{{"school": {{"name": "A"}}, "rings": [{}]}}"#, (0..MAX_RINGS).map(|i| format!(r#"{{"id": "r{i}"}}"#)).collect::<Vec<_>>().join(",")).into_bytes(), Safe(&[])),
        c("rings just past the limit", format!(r#"{{"school": {{"name": "A"}}, "rings": [{}]}}"#, (0..=MAX_RINGS).map(|i| format!(r#"{{"id": "r{i}"}}"#)).collect::<Vec<_>>().join(",")).into_bytes(), Error(1, &["too many rings (7 > 6)"])),
        c("expertise at the limit", member(&format!(r#""expertise": [{}]"#, ["\"x\""; MAX_EXPERTISE].join(","))), Safe(&[])),
        c("expertise just past the limit", member(&format!(r#""expertise": [{}]"#, vec!["\"x\""; MAX_EXPERTISE + 1].join(","))), Error(1, &["too many expertise items (13 > 12)"])),
        c("long text at the limit", routes_doc(1, 1, &text_at(MAX_LONG_TEXT)), Safe(&[])),
        c("long text past the limit", routes_doc(1, 1, &text_at(MAX_LONG_TEXT + 1)), Error(1, &["routes[0].question: is 401 characters long; the limit is 400"])),
        c("routes at the limit", routes_doc(MAX_ROUTES, 1, "q"), Safe(&[])),
        c("routes past the limit", routes_doc(MAX_ROUTES + 1, 1, "q"), Error(1, &["too many routes (51 > 50)"])),
        c("steps at the limit", routes_doc(1, MAX_ROUTE_STEPS, "q"), Safe(&[])),
        c("steps past the limit", routes_doc(1, MAX_ROUTE_STEPS + 1, "q"), Error(1, &["routes[0].steps: too many steps (21 > 20)"])),
        c("meetings at the limit", meetings_doc(MAX_MEETINGS), Safe(&[])),
        c("meetings past the limit", meetings_doc(MAX_MEETINGS + 1), Error(1, &["too many meetings (13 > 12)"])),
        c("input at the size limit", padded(MAX_INPUT_BYTES), Safe(&[])),
        c("input just past the size limit", padded(MAX_INPUT_BYTES + 1), Error(1, &["limit is 5 MB"])),
        // E. Links
        c("javascript link", member(r#""contact": {"website": "javascript:alert(1)"}"#), Error(1, &["not an allowed link"])),
        c("mixed-case javascript", member(r#""contact": {"website": "JaVaScRiPt:alert(1)"}"#), Error(1, &["not an allowed link"])),
        c("tab inside scheme", member(r#""contact": {"website": "java\tscript:alert(1)"}"#), Error(1, &["must not contain spaces or control characters"])),
        c("leading control", member(r#""contact": {"website": "\u0001javascript:x"}"#), Error(1, &["must not contain spaces or control characters"])),
        c("leading space", member(r#""contact": {"website": " javascript:x"}"#), Error(1, &["must not contain spaces"])),
        c("entity-encoded scheme", member(r#""contact": {"website": "&#106;avascript:x"}"#), Error(1, &["not an allowed link"])),
        c("data link", member(r#""contact": {"website": "data:text/html,<script>x</script>"}"#), Error(1, &["not an allowed link"])),
        c("vbscript link", member(r#""contact": {"website": "vbscript:x"}"#), Error(1, &["not an allowed link"])),
        c("file link", member(r#""contact": {"website": "file:///etc/passwd"}"#), Error(1, &["not an allowed link"])),
        c("email with markup", member(r#""contact": {"email": "a@b.c\"><script>"}"#), Error(1, &["is not an e-mail address"])),
        c("mailto with body", member(r#""contact": {"email": "mailto:x?body=<script>"}"#), Error(1, &["is not an e-mail address"])),
        c("good links", member(r#""contact": {"website": "https://example.nl/a?b=c", "email": "mailto:ib@example.nl", "phone": "+31 (0)23-000.00.00"}"#), Safe(&[])),
        // F. Photos
        c("photo absolute", member(r#""photo": "/etc/passwd""#), Error(1, &["must be a relative path inside the input file's folder"])),
        c("photo parent", member(r#""photo": "../../etc/passwd""#), Error(1, &["must be a relative path"])),
        c("photo windows", member(r#""photo": "C:\\Windows\\win.ini""#), Error(1, &["must be a relative path"])),
        c("photo unc", member(r#""photo": "\\\\server\\share\\x.png""#), Error(1, &["must be a relative path"])),
        c("photo url", member(r#""photo": "https://example.nl/x.png""#), Error(1, &["a photo must be a file path, not a link"])),
        c("photo file url", member(r#""photo": "file:///etc/passwd""#), Error(1, &["not a link"])),
        c("photo missing", member(r#""photo": "fotos/nergens.jpg""#), Error(1, &["photo file not found"])),
        c("photo is a directory", member(r#""photo": "map.png""#), Error(1, &["is not a file"])),
        c("photo not an image", member(r#""photo": "tekst.jpg""#), Error(1, &["is not a PNG or JPEG image"])),
        c("photo gif", member(r#""photo": "plaatje.gif""#), Error(1, &["is not a PNG or JPEG image"])),
        c("photo bomb", member(r#""photo": "bom.png""#), Error(1, &["photo is 50000 × 50000 px; the limit is 4096 × 4096"])),
        c("photo truncated", member(r#""photo": "kapot.png""#), Error(1, &["is damaged"])),
        c("photo too many bytes", member(r#""photo": "groot.jpg""#), Error(1, &["the limit is 2.0 MB"])),
        c("photo symlink outside", member(r#""photo": "link.png""#), Error(1, &["points outside the input file's folder"])),
        c("photo ok", member(r#""photo": "goed.png""#), Safe(&[])),
        c("photo at the side limit", member(r#""photo": "rand.png""#), Safe(&[])),
        c("photo just past the side limit", member(r#""photo": "over.png""#), Error(1, &["photo is 4097 × 1 px; the limit is 4096 × 4096"])),
        c("photo at the byte limit", member(r#""photo": "vol.jpg""#), Error(1, &["is damaged"])),
    ]
}

/// The files the photo cases point at.
fn photo_folder(dir: &Path) {
    std::fs::create_dir_all(dir.join("map.png")).unwrap();
    std::fs::write(dir.join("tekst.jpg"), b"hallo").unwrap();
    std::fs::write(dir.join("plaatje.gif"), b"GIF89a\x01\0\x01\0\0\0\0").unwrap();
    // PNG headers declaring a size (33 bytes, no pixel data).
    let header = |w: u32, h: u32| {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend(w.to_be_bytes());
        png.extend(h.to_be_bytes());
        png.extend([8, 6, 0, 0, 0, 0, 0, 0, 0]);
        png
    };
    std::fs::write(dir.join("bom.png"), header(50_000, 50_000)).unwrap();
    std::fs::write(dir.join("rand.png"), header(4096, 4096)).unwrap();
    std::fs::write(dir.join("over.png"), header(4097, 1)).unwrap();
    // Exactly the byte limit: accepted by size, refused as damaged (not a real JPEG).
    let mut full = vec![0xFF, 0xD8, 0xFF];
    full.resize(MAX_PHOTO_BYTES as usize, 0);
    std::fs::write(dir.join("vol.jpg"), full).unwrap();
    std::fs::write(dir.join("kapot.png"), b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    let mut big = vec![0xFF, 0xD8, 0xFF];
    big.resize(MAX_PHOTO_BYTES as usize + 1, 0);
    std::fs::write(dir.join("groot.jpg"), big).unwrap();
    let good = resvg::tiny_skia::Pixmap::new(8, 8)
        .unwrap()
        .encode_png()
        .unwrap();
    std::fs::write(dir.join("goed.png"), &good).unwrap();
    let outside = dir
        .parent()
        .unwrap()
        .join(format!("buiten-{}.png", std::process::id()));
    std::fs::write(&outside, &good).unwrap();
    let _ = std::fs::remove_file(dir.join("link.png"));
    #[cfg(unix)]
    std::os::unix::fs::symlink(&outside, dir.join("link.png")).unwrap();
}

fn run(args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cirkel"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The SVG is safe (strict XML, no active content or links, no forbidden
/// characters, accepted by usvg).
fn assert_safe_svg(name: &str, svg: &str) {
    let problems = cirkel::svg_safety_problems(svg);
    assert!(problems.is_empty(), "{name}: {problems:?}");
}

#[test]
fn hostile_and_odd_inputs_get_a_clear_answer() {
    let dir: PathBuf = std::env::temp_dir().join(format!("cirkel-hostile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    photo_folder(&dir);
    let cases = cases();
    assert!(cases.len() >= 40, "{} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let file = dir.join("school.json");
        std::fs::write(&file, &case.input).unwrap();
        let f = file.to_string_lossy();
        let (code, stdout, stderr) =
            run(&["render", &f, "-o", "-", "--format", "svg", "--lang", "en"]);
        if stderr.contains("panicked") || stderr.contains("RUST_BACKTRACE") {
            failures.push(format!("{}: panic: {stderr}", case.name));
            continue;
        }
        // The same in Dutch, the default: the same answer, in Dutch words.
        let (nl_code, _, nl_stderr) = run(&["render", &f, "-o", "-", "--format", "svg"]);
        if nl_code != code {
            failures.push(format!(
                "{}: exit {nl_code} in Dutch, {code} in English",
                case.name
            ));
        }
        if let Some(english) = [": error: ", ": warning: ", "  help: ", "expected "]
            .iter()
            .find(|w| nl_stderr.contains(**w))
        {
            failures.push(format!(
                "{}: English {english:?} in Dutch: {nl_stderr}",
                case.name
            ));
        }
        match &case.expect {
            Expect::Error(want, words) => {
                if code != *want {
                    failures.push(format!(
                        "{}: exit {code}, expected {want}; stderr: {stderr}",
                        case.name
                    ));
                } else if !stdout.is_empty() {
                    failures.push(format!("{}: wrote output despite the error", case.name));
                } else if let Some(w) = words.iter().find(|w| !stderr.contains(**w)) {
                    failures.push(format!("{}: message lacks {w:?}: {stderr}", case.name));
                }
            }
            Expect::Safe(words) => {
                if code != 0 {
                    failures.push(format!("{}: exit {code}: {stderr}", case.name));
                    continue;
                }
                if let Some(w) = words.iter().find(|w| !stderr.contains(**w)) {
                    failures.push(format!("{}: warning lacks {w:?}: {stderr}", case.name));
                }
                let svg = String::from_utf8(stdout).unwrap();
                assert_safe_svg(case.name, &svg);
                let (code, png, stderr) = run(&[
                    "render", &f, "-o", "-", "--format", "png", "--width", "400", "--lang", "en",
                ]);
                if code != 0 || !png.starts_with(b"\x89PNG") {
                    failures.push(format!("{}: PNG failed: {stderr}", case.name));
                }
                let (code, pdf, stderr) = run(&["render", &f, "-o", "-", "--format", "pdf"]);
                if code != 0 || !pdf.starts_with(b"%PDF-") || !pdf.ends_with(b"%%EOF") {
                    failures.push(format!("{}: PDF failed: {stderr}", case.name));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn output_problems_leave_the_input_untouched() {
    let dir = std::env::temp_dir().join(format!("cirkel-hostile-out-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("school.json");
    std::fs::write(&input, named("Anna")).unwrap();
    let i = input.to_string_lossy();
    // The output is the input.
    let (code, _, stderr) = run(&["render", &i, "-o", &i, "--format", "svg"]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(std::fs::read(&input).unwrap(), named("Anna"));
    // The output is a folder.
    let (code, _, _) = run(&[
        "render",
        &i,
        "-o",
        &dir.to_string_lossy(),
        "--format",
        "svg",
    ]);
    assert_eq!(code, 3);
    // Same input, same bytes, whatever the working directory and environment.
    let a = Command::new(env!("CARGO_BIN_EXE_cirkel"))
        .args(["render", &i, "-o", "-", "--format", "png"])
        .current_dir("/")
        .env("LANG", "tr_TR.UTF-8")
        .env("TZ", "Pacific/Chatham")
        .output()
        .unwrap();
    let b = Command::new(env!("CARGO_BIN_EXE_cirkel"))
        .args(["render", &i, "-o", "-", "--format", "png"])
        .current_dir(&dir)
        .env_remove("LANG")
        .env("HOME", &dir)
        .output()
        .unwrap();
    assert!(a.status.success() && b.status.success());
    assert_eq!(a.stdout, b.stdout);
}
