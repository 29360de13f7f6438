//! The `cirkel` library for JavaScript, through wasm-bindgen: the functions
//! the npm package `cirkel` wraps (its `cirkel.js` gives them their
//! JavaScript names, takes strings or `Uint8Array`s and plain option
//! objects, and turns an error into a thrown `Error` with its problems).
//!
//! Every function takes bytes and JSON text and gives bytes or JSON text:
//! the same calls as the `cirkel` crate, so the same input gives the same
//! bytes as the native build. Errors are JSON text: `{ "problems": [...] }`
//! (each problem with `severity`, `message`, `help`, `path`, `line`,
//! `column`, `cell`), or `{ "error": "..." }` for a wrong option. Nothing
//! here reads a clock, randomness or a file. Two dependencies import them
//! all the same: `zip` takes random bytes (through `getrandom`, a required
//! dependency on this target) when it writes an encrypted entry, which
//! nothing of ours does; `rust_xlsxwriter` reads the clock for a new
//! workbook's creation date, which `cirkel-sheets` replaces by a fixed one.
//! The package's tests check both: no random bytes asked for, and the same
//! bytes whatever the clock says.

use cirkel::{
    DrawError, DrawOptions, Format, Input, InputKind, Lang, LastTeam, Layout, MemoryFiles, Paper,
    Previous, Privacy, Size, ThemeChoice, last_team_from_input,
};
use cirkel_core::{Diagnostic, Diagnostics};
use cirkel_sheets::SheetFormat;
use serde_json::{Map, Value, json};
use wasm_bindgen::prelude::*;

/// Options every drawing function takes (`lang` alone for the others).
const OPTION_NAMES: [&str; 17] = [
    "format",
    "width",
    "paper",
    "scale",
    "lang",
    "privacy",
    "theme",
    "route",
    "school",
    "kind",
    "description",
    "textAsPaths",
    "previous",
    "since",
    "partners",
    "htmlImage",
    "standalone",
];

/// Why a call failed, as JSON text for the package to throw.
fn fail(value: Value) -> JsValue {
    JsValue::from_str(&value.to_string())
}

fn option_error(what: &str) -> JsValue {
    fail(json!({ "error": what }))
}

/// A problem as the package gives it.
fn problem(d: &Diagnostic, lang: Lang) -> Value {
    let d = d.clone().in_lang(lang);
    json!({
        "severity": d.severity.key(),
        "message": d.message.text(lang),
        "help": d.help.as_ref().map(|h| h.text(lang)),
        "path": d.path,
        "line": d.line,
        "column": d.column,
        "cell": d.cell.as_ref().map(ToString::to_string),
        "file": d.file,
    })
}

fn problems(d: &Diagnostics, lang: Lang) -> Value {
    Value::Array(d.0.iter().map(|d| problem(d, lang)).collect())
}

/// The options object, checked: every name known, every value of its kind.
struct Options {
    draw: DrawOptions,
    kind: InputKind,
}

fn text<'a>(o: &'a Map<String, Value>, key: &str) -> Result<Option<&'a str>, JsValue> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(option_error(&format!("option {key}: expected text"))),
    }
}

fn options(json_text: &str) -> Result<Options, JsValue> {
    let value: Value = if json_text.trim().is_empty() {
        json!({})
    } else {
        serde_json::from_str(json_text).map_err(|e| option_error(&format!("options: {e}")))?
    };
    let Value::Object(o) = value else {
        return Err(option_error("options: expected an object"));
    };
    if let Some(unknown) = o.keys().find(|k| !OPTION_NAMES.contains(&k.as_str())) {
        let known = OPTION_NAMES.join(", ");
        return Err(option_error(&format!(
            "unknown option {unknown:?} (known: {known})"
        )));
    }
    let lang = match text(&o, "lang")? {
        None | Some("nl") => Lang::Nl,
        Some("en") => Lang::En,
        Some(other) => return Err(option_error(&format!("lang {other:?}: nl or en"))),
    };
    let format = match text(&o, "format")? {
        None | Some("svg") => Format::Svg,
        Some("png") => Format::Png,
        Some("pdf") => Format::Pdf,
        Some("text") => Format::Text,
        Some("markdown") => Format::Markdown,
        Some("html") => Format::Html,
        Some(other) => {
            return Err(option_error(&format!(
                "format {other:?}: svg, png, pdf, text, markdown or html"
            )));
        }
    };
    let privacy = match text(&o, "privacy")? {
        None | Some("full") => Privacy::Full,
        Some("names") => Privacy::Names,
        Some("roles") => Privacy::Roles,
        Some(other) => {
            return Err(option_error(&format!(
                "privacy {other:?}: full, names or roles"
            )));
        }
    };
    let mut draw = DrawOptions {
        lang,
        format,
        privacy,
        ..DrawOptions::default()
    };
    if let Some(theme) = text(&o, "theme")? {
        // Bundled themes only: a theme file would be a path.
        draw.theme = ThemeChoice::Named(theme.to_string());
    }
    draw.route = text(&o, "route")?.map(str::to_string);
    draw.school = text(&o, "school")?.map(str::to_string);
    match (text(&o, "paper")?, o.get("width")) {
        (Some("a4"), _) => draw.size = Size::Paper(Paper::A4),
        (Some("a3"), _) => draw.size = Size::Paper(Paper::A3),
        (Some(other), _) => return Err(option_error(&format!("paper {other:?}: a4 or a3"))),
        (None, None | Some(Value::Null)) => {}
        (None, Some(w)) => {
            let w = w
                .as_u64()
                .and_then(|w| u32::try_from(w).ok())
                .ok_or_else(|| option_error("width: a whole number of pixels"))?;
            draw.size = Size::Width(w);
        }
    }
    match o.get("scale") {
        None | Some(Value::Null) => {}
        Some(s) => draw.scale = s.as_f64().ok_or_else(|| option_error("scale: a number"))?,
    }
    match o.get("description") {
        None | Some(Value::Null) => {}
        Some(Value::Bool(b)) => draw.pdf_description = *b,
        Some(_) => return Err(option_error("description: true or false")),
    }
    match text(&o, "htmlImage")? {
        None | Some("svg") => {}
        Some("png") => draw.html_image = cirkel::HtmlImage::Png,
        Some(other) => return Err(option_error(&format!("htmlImage {other:?}: svg or png"))),
    }
    match o.get("standalone") {
        None | Some(Value::Null) => {}
        Some(Value::Bool(b)) => draw.standalone = *b,
        Some(_) => return Err(option_error("standalone: true or false")),
    }
    match o.get("textAsPaths") {
        None | Some(Value::Null) => {}
        Some(Value::Bool(b)) => draw.text_as_paths = *b,
        Some(_) => return Err(option_error("textAsPaths: true or false")),
    }
    match o.get("previous") {
        None | Some(Value::Null) => {}
        Some(p) => {
            let layout: Layout = serde_json::from_value(p.clone())
                .map_err(|e| option_error(&format!("previous: not a layout ({e})")))?;
            draw.previous = Some(Previous::Layout(Box::new(layout)));
        }
    }
    match o.get("since") {
        None | Some(Value::Null) => {}
        Some(v) => {
            // A kernteam file's JSON (as text or as an object) or a layout.
            let json = file_json(v);
            let input = Input {
                bytes: json.as_bytes(),
                kind: InputKind::Json,
                fallback_name: "since",
            };
            let last = last_team_from_input(&input, "since", lang, None)
                .map_err(|e| draw_error(e, lang))?;
            draw.since = Some(LastTeam::Kernteam(Box::new(last)));
        }
    }
    match o.get("partners") {
        None | Some(Value::Null) => {}
        Some(v) => {
            // A partner list's JSON, as text or as an object.
            let json = file_json(v);
            let options = cirkel::ParseOptions {
                lang,
                base_dir: None,
                partners: None,
            };
            let (list, _) = cirkel_core::parse_partners(
                json.as_bytes(),
                "partners",
                &options,
                &cirkel::NoFiles,
            )
            .map_err(|d| draw_error(DrawError::Input(d), lang))?;
            draw.partners = Some(std::sync::Arc::new(list));
        }
    }
    let kind = match text(&o, "kind")? {
        None | Some("json") => InputKind::Json,
        Some("xlsx") => InputKind::Sheet(SheetFormat::Xlsx),
        Some("ods") => InputKind::Sheet(SheetFormat::Ods),
        Some("csv") => InputKind::Sheet(SheetFormat::Csv),
        Some(other) => {
            return Err(option_error(&format!(
                "kind {other:?}: json, xlsx, ods or csv"
            )));
        }
    };
    Ok(Options { draw, kind })
}

/// An option that is a file's JSON: as text, or as the object itself.
fn file_json(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The photos: `index` is `[[name, length], ...]` for the bytes of
/// `bytes` one after the other.
fn photos(index: &str, bytes: &[u8]) -> Result<MemoryFiles, JsValue> {
    let mut files = MemoryFiles::new();
    if index.trim().is_empty() {
        return Ok(files);
    }
    let list: Vec<(String, usize)> =
        serde_json::from_str(index).map_err(|e| option_error(&format!("photos: {e}")))?;
    let mut at = 0usize;
    for (name, len) in list {
        let end = at
            .checked_add(len)
            .filter(|e| *e <= bytes.len())
            .ok_or_else(|| option_error("photos: lengths beyond the bytes"))?;
        files
            .insert(&name, bytes[at..end].to_vec())
            .map_err(|e| option_error(&format!("photo {name:?}: {e}")))?;
        at = end;
    }
    Ok(files)
}

/// The options and the photos of a call.
fn setup(options_json: &str, index: &str, bytes: &[u8]) -> Result<(Options, MemoryFiles), JsValue> {
    Ok((options(options_json)?, photos(index, bytes)?))
}

impl Options {
    /// The input as these options say what it is.
    fn input<'a>(&'a self, bytes: &'a [u8]) -> Input<'a> {
        Input {
            bytes,
            kind: self.kind,
            fallback_name: self.draw.school.as_deref().unwrap_or("school"),
        }
    }
}

fn draw_error(e: DrawError, lang: Lang) -> JsValue {
    match e {
        DrawError::Input(d) => fail(json!({ "problems": problems(&d, lang) })),
        other => fail(json!({ "error": other.message().text(lang) })),
    }
}

/// Draws a kernteam (JSON, a workbook or a CSV of members, as `kind`
/// says) as SVG, PNG, PDF, text or Markdown: the file's bytes.
#[wasm_bindgen(js_name = drawBytes)]
pub fn draw_bytes(
    input: &[u8],
    options_json: &str,
    photo_index: &str,
    photo_bytes: &[u8],
) -> Result<Vec<u8>, JsValue> {
    let (o, files) = setup(options_json, photo_index, photo_bytes)?;
    let input = o.input(input);
    cirkel::draw_input(&input, &files, &o.draw)
        .map(|d| d.bytes)
        .map_err(|e| draw_error(e, o.draw.lang))
}

/// The warnings of a drawing and its layout, as JSON text:
/// `{ "warnings": [...], "layout": {...} }`.
#[wasm_bindgen(js_name = layoutJson)]
pub fn layout_json(
    input: &[u8],
    options_json: &str,
    photo_index: &str,
    photo_bytes: &[u8],
) -> Result<String, JsValue> {
    let (o, files) = setup(options_json, photo_index, photo_bytes)?;
    let input = o.input(input);
    let prepared =
        cirkel::prepare_input(&input, &files, &o.draw).map_err(|e| draw_error(e, o.draw.lang))?;
    Ok(json!({
        "warnings": problems(&prepared.warnings, o.draw.lang),
        "layout": prepared.layout,
    })
    .to_string())
}

/// Checks a kernteam: `{ "ok": bool, "problems": [...] }` as JSON text
/// (problems are warnings and notes when `ok`).
#[wasm_bindgen(js_name = checkJson)]
pub fn check_json(
    input: &[u8],
    options_json: &str,
    photo_index: &str,
    photo_bytes: &[u8],
) -> Result<String, JsValue> {
    let (o, files) = setup(options_json, photo_index, photo_bytes)?;
    let input = o.input(input);
    let lang = o.draw.lang;
    let (ok, list) = match cirkel::parse_input(
        &input,
        &files,
        lang,
        o.draw.school.as_deref(),
        o.draw.partners.as_ref(),
    ) {
        Ok(parsed) => (true, parsed.warnings),
        Err(DrawError::Input(d)) => (false, d),
        Err(other) => return Err(draw_error(other, lang)),
    };
    Ok(json!({ "ok": ok, "problems": problems(&list, lang) }).to_string())
}

/// The editor's preview ([`cirkel::redraw`]): `{ ok, problems, svg,
/// layout, anchored }`, problems in the form's words, laid out on `last`
/// (a layout as JSON text, or empty).
#[wasm_bindgen(js_name = previewJson)]
pub fn preview_json(
    input: &[u8],
    options_json: &str,
    photo_index: &str,
    photo_bytes: &[u8],
    last: &str,
) -> Result<String, JsValue> {
    let mut o = options(options_json)?;
    o.draw.format = Format::Svg;
    let files = photos(photo_index, photo_bytes)?;
    let last: Option<Layout> = if last.trim().is_empty() {
        None
    } else {
        serde_json::from_str(last).ok()
    };
    let lang = o.draw.lang;
    let form =
        |d: &Diagnostics| Value::Array(d.0.iter().map(|d| cirkel::form_problem(d, lang)).collect());
    Ok(
        match cirkel::redraw(input, &files, &o.draw, last.as_ref()) {
            Ok(r) => json!({
                "ok": true,
                "problems": form(&r.drawing.warnings),
                "svg": String::from_utf8_lossy(&r.drawing.bytes),
                "layout": r.drawing.layout,
                "anchored": r.anchored,
            }),
            Err(DrawError::Input(d)) => json!({ "ok": false, "problems": form(&d) }),
            Err(other) => {
                json!({ "ok": false, "problems": [], "error": other.message().text(lang) })
            }
        }
        .to_string(),
    )
}

fn lang_of(lang: &str) -> Result<Lang, JsValue> {
    match lang {
        "" | "nl" => Ok(Lang::Nl),
        "en" => Ok(Lang::En),
        other => Err(option_error(&format!("lang {other:?}: nl or en"))),
    }
}

/// The role catalogue, as JSON text.
#[wasm_bindgen(js_name = rolesJson)]
pub fn roles_json(lang: &str) -> Result<String, JsValue> {
    let lang = lang_of(lang)?;
    Ok(cirkel::vocabulary(lang)["roles"].to_string())
}

/// The editor's words and the format's vocabulary, as JSON text.
#[wasm_bindgen(js_name = vocabularyJson)]
pub fn vocabulary_json(lang: &str) -> Result<String, JsValue> {
    Ok(cirkel::vocabulary(lang_of(lang)?).to_string())
}

/// What the library makes of role texts (a JSON list), as JSON text.
#[wasm_bindgen(js_name = matchRolesJson)]
pub fn match_roles_json(texts: &str, lang: &str) -> Result<String, JsValue> {
    let texts: Vec<String> =
        serde_json::from_str(texts).map_err(|e| option_error(&format!("texts: {e}")))?;
    Ok(cirkel::match_roles(&texts, lang_of(lang)?).to_string())
}

/// The JSON Schema of the input, as JSON text.
#[wasm_bindgen(js_name = schemaJson)]
pub fn schema_json() -> String {
    cirkel_core::json_schema().to_string()
}

/// The starter file of `cirkel init` for a school.
#[wasm_bindgen]
pub fn starter(school: &str) -> String {
    cirkel_core::starter(school)
}

fn sheet_format(kind: &str) -> Result<SheetFormat, JsValue> {
    match kind {
        "xlsx" => Ok(SheetFormat::Xlsx),
        "ods" => Ok(SheetFormat::Ods),
        "csv" => Ok(SheetFormat::Csv),
        other => Err(option_error(&format!("kind {other:?}: xlsx, ods or csv"))),
    }
}

/// The schools of a workbook: `[{ name, document, problems }]` as JSON
/// text (each document as the JSON input format).
#[wasm_bindgen(js_name = readWorkbookJson)]
pub fn read_workbook_json(bytes: &[u8], kind: &str, lang: &str) -> Result<String, JsValue> {
    let lang = lang_of(lang)?;
    let book = cirkel_sheets::read(bytes, sheet_format(kind)?, "");
    let schools: Vec<Value> = book
        .schools
        .iter()
        .map(|s| {
            json!({
                "name": s.name,
                "document": s.document,
                "problems": problems(&s.problems, lang),
            })
        })
        .collect();
    Ok(json!({ "schools": schools, "problems": problems(&book.problems, lang) }).to_string())
}

/// The names of a workbook's schools, as JSON text.
#[wasm_bindgen(js_name = schoolNamesJson)]
pub fn school_names_json(bytes: &[u8], kind: &str) -> Result<String, JsValue> {
    let book = cirkel_sheets::read(bytes, sheet_format(kind)?, "");
    let names: Vec<&str> = book.schools.iter().map(|s| s.name.as_str()).collect();
    Ok(json!(names).to_string())
}

/// Writes documents (a JSON list of input documents) as a workbook.
#[wasm_bindgen(js_name = writeWorkbookBytes)]
pub fn write_workbook_bytes(docs: &str, kind: &str, lang: &str) -> Result<Vec<u8>, JsValue> {
    let docs: Vec<Value> =
        serde_json::from_str(docs).map_err(|e| option_error(&format!("documents: {e}")))?;
    let options = cirkel_sheets::WriteOptions {
        lang: lang_of(lang)?,
        partners: None,
    };
    cirkel_sheets::write(&docs, sheet_format(kind)?, &options)
        .map_err(|e| fail(json!({ "error": e.to_string() })))
}

/// A phone's photo made fit for a card ([`cirkel::prepare_photo`]): the
/// JPEG's bytes, or why not.
#[wasm_bindgen(js_name = preparePhoto)]
pub fn prepare_photo(bytes: &[u8], lang: &str) -> Result<Vec<u8>, JsValue> {
    let lang = lang_of(lang)?;
    cirkel::prepare_photo(bytes)
        .map(|p| p.bytes)
        .map_err(|m| fail(json!({ "error": m.text(lang) })))
}

/// A ZIP archive of files (`index` as for photos): stored as they are
/// (PNG and PDF are compressed already), dated 1980-01-01, in the order
/// given, so the same files give the same bytes.
#[wasm_bindgen(js_name = zipBytes)]
pub fn zip_bytes(index: &str, bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    use std::io::Write;
    let list: Vec<(String, usize)> =
        serde_json::from_str(index).map_err(|e| option_error(&format!("files: {e}")))?;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::default());
    let mut at = 0usize;
    for (name, len) in list {
        let end = at
            .checked_add(len)
            .filter(|e| *e <= bytes.len())
            .ok_or_else(|| option_error("files: lengths beyond the bytes"))?;
        zip.start_file(name.as_str(), options)
            .and_then(|()| zip.write_all(&bytes[at..end]).map_err(Into::into))
            .map_err(|e| option_error(&format!("file {name:?}: {e}")))?;
        at = end;
    }
    zip.finish()
        .map(std::io::Cursor::into_inner)
        .map_err(|e| option_error(&format!("zip: {e}")))
}

/// Panics, for the package's test that a trap is caught and the next call
/// works (nothing else calls it).
#[wasm_bindgen(js_name = panicForTests)]
pub fn panic_for_tests() {
    panic!("the package's test of a trap");
}
