//! The requests the page makes, after the checks every request passes
//! (see the crate's documentation for the list and the rules).

use std::sync::Mutex;

use cirkel::{DrawError, DrawOptions, Format, Paper, Privacy, Size, ThemeChoice, draw};
use cirkel_core::{Diagnostic, Diagnostics, Lang, ParseOptions, parse_with};
use serde_json::{Value, json};

use crate::files::{self, SaveError, Target};
use crate::http::{Request, Response};
use crate::page;

/// Largest request body but a photo's: a document (the input limit).
pub const MAX_BODY: usize = 6 * 1024 * 1024;

/// The largest body a request may carry: a photo as a phone makes it
/// (taken, then made small by [`cirkel::prepare_photo`]) or a document.
pub fn body_limit(request: &Request) -> usize {
    if request.method == "POST" && request.path == "/api/photo" {
        cirkel::MAX_PHOTO_FILE
    } else {
        MAX_BODY
    }
}

/// What every request is checked against, and the file being edited.
pub struct State {
    /// The secret in the URL.
    pub token: String,
    /// The port the server listens on.
    pub port: u16,
    /// The language of messages unless a request asks otherwise.
    pub lang: Lang,
    /// The file.
    pub target: Mutex<Target>,
    /// The pictures the page showed, so the next is laid out on the last
    /// (an edit moves only what it must; see [`cirkel::redraw`]).
    pub shown: Mutex<Shown>,
    /// Last year's kernteam, when the page opened one to compare with
    /// (`/api/since`): every picture and download marks what changed.
    pub since: Mutex<Option<cirkel::Kernteam>>,
    /// The partner list members refer to: `--partners`, or the workbook's
    /// own `Partners` sheet once the document is loaded.
    pub partners: Mutex<Option<std::sync::Arc<cirkel::PartnerList>>>,
}

/// The layouts of the page's pictures.
#[derive(Debug, Default)]
pub struct Shown {
    /// The last picture's layout: the next is laid out on it.
    pub last: Option<cirkel::Layout>,
    /// What the last picture was laid out on (`None`: afresh), so a
    /// download is the picture she sees.
    pub on: Option<cirkel::Layout>,
}

impl State {
    fn lang(&self, request: &Request) -> Lang {
        match request.param("lang") {
            Some("en") => Lang::En,
            Some("nl") => Lang::Nl,
            _ => self.lang,
        }
    }

    fn shown(&self) -> std::sync::MutexGuard<'_, Shown> {
        self.shown
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Last year's kernteam, as the drawing options take it.
    fn since(&self) -> Option<cirkel::LastTeam> {
        self.since
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
            .map(|k| cirkel::LastTeam::Kernteam(Box::new(k)))
    }

    /// The partner list, if any.
    fn partners(&self) -> Option<std::sync::Arc<cirkel::PartnerList>> {
        self.partners
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    fn target(&self) -> Target {
        self.target
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }
}

/// Answers a request that has passed the checks of [`allowed`].
pub fn route(state: &State, request: &Request) -> Response {
    let get = request.method == "GET";
    let post = request.method == "POST";
    // The page's files at /t/TOKEN/NAME (the token is checked by `allowed`).
    if let Some(name) = page_file(&request.path) {
        return match page::file(name) {
            Some((kind, body)) if get => Response::new(200, kind, body),
            Some(_) => Response::plain(405),
            None => Response::plain(404),
        };
    }
    match request.path.as_str() {
        "/" if get => Response::new(200, "text/html; charset=utf-8", page::index(&state.token)),
        "/api/document" if get => {
            // Opened anew: its first picture is laid out afresh.
            *state.shown() = Shown::default();
            document(state, request)
        }
        "/api/layout" if get => Response::json(
            200,
            &serde_json::to_value(&state.shown().on).unwrap_or_default(),
        ),
        "/api/roles" if get => roles(state.lang(request)),
        "/api/vocabulary" if get => vocabulary(state, request),
        "/api/schema" if get => Response::json(200, &cirkel_core::json_schema()),
        "/api/check" if post => check(state, request),
        "/api/preview" if post => preview(state, request),
        "/api/roles/match" if post => match_roles(state, request),
        "/api/draw" if post => draw_request(state, request),
        "/api/save" if post => save(state, request),
        "/api/photo" if post => photo(state, request),
        "/api/since" if post => since(state, request),
        "/" | "/api/document" | "/api/layout" | "/api/roles" | "/api/vocabulary"
        | "/api/schema" | "/api/check" | "/api/preview" | "/api/roles/match" | "/api/draw"
        | "/api/save" | "/api/photo" | "/api/since" => Response::plain(405),
        _ => Response::plain(404),
    }
}

/// The name in a page file's path `/t/TOKEN/NAME`.
fn page_file(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("/t/")?;
    let (_, name) = rest.split_once('/')?;
    Some(name)
}

/// The token in a page file's path `/t/TOKEN/NAME`.
fn path_token(path: &str) -> Option<&str> {
    path.strip_prefix("/t/")?.split_once('/').map(|(t, _)| t)
}

fn document(state: &State, request: &Request) -> Response {
    let lang = state.lang(request);
    let target = state.target();
    match files::load(&target, lang) {
        Ok(loaded) => {
            if let Some(list) = loaded.partners {
                let mut kept = self_partners(state);
                kept.get_or_insert(list);
            }
            Response::json(
                200,
                &json!({
                    "name": target.path().and_then(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned()),
                    "folder": target.folder().display().to_string(),
                    "text": loaded.text,
                    "version": loaded.version,
                    "notice": loaded.notice.map(|m| m.text(lang)),
                }),
            )
        }
        Err(m) => Response::json(500, &json!({ "error": m.text(lang) })),
    }
}

/// The role catalogue, as the page's vocabulary gives it.
fn roles(lang: Lang) -> Response {
    Response::json(200, &cirkel::vocabulary(lang)["roles"])
}

/// A problem as the page shows it.
fn problem(d: &Diagnostic, lang: Lang) -> Value {
    let d = d.clone().in_lang(lang);
    json!({
        "severity": d.severity.key(),
        "path": d.path,
        "line": d.line,
        "column": d.column,
        "message": d.message.text(lang),
        "help": d.help.as_ref().map(|h| h.text(lang)),
    })
}

fn problems(d: &Diagnostics, lang: Lang) -> Value {
    Value::Array(d.0.iter().map(|d| problem(d, lang)).collect())
}

/// The page's words and the format's vocabulary, with the partners of the
/// list members may refer to (id and "Sanne Bakker, CJG-coach").
fn vocabulary(state: &State, request: &Request) -> Response {
    let mut words = cirkel::vocabulary(state.lang(request));
    if let (Some(list), Some(obj)) = (state.partners(), words.as_object_mut()) {
        let partners: Vec<Value> = list
            .partners
            .iter()
            .map(|p| {
                let label = match &p.member.name {
                    Some(n) => format!("{n}, {}", p.member.role),
                    None => p.member.role.clone(),
                };
                json!({ "id": p.id, "label": label })
            })
            .collect();
        obj.insert("partners".into(), Value::from(partners));
    }
    Response::json(200, &words)
}

/// The partner list, to change.
fn self_partners(
    state: &State,
) -> std::sync::MutexGuard<'_, Option<std::sync::Arc<cirkel::PartnerList>>> {
    state
        .partners
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn check(state: &State, request: &Request) -> Response {
    let lang = state.lang(request);
    let options = ParseOptions {
        lang,
        base_dir: None,
        partners: state.partners(),
    };
    let target = state.target();
    let (ok, list) = match parse_with(&request.body, &options, &target.files()) {
        Ok(parsed) => (true, parsed.warnings),
        Err(d) => (false, d),
    };
    Response::json(200, &json!({ "ok": ok, "problems": problems(&list, lang) }))
}

/// The page's preview: the problems in the form's words and, when the
/// document can be drawn, its SVG, in one answer.
fn preview(state: &State, request: &Request) -> Response {
    let lang = state.lang(request);
    let mut options = match draw_options(request, lang) {
        Ok(o) => o,
        Err(what) => return Response::json(400, &json!({ "error": what })),
    };
    options.format = Format::Svg;
    options.since = state.since();
    options.partners = state.partners();
    let target = state.target();
    let last = state.shown().last.clone();
    let drawn = std::panic::catch_unwind(|| {
        cirkel::redraw(&request.body, &target.files(), &options, last.as_ref())
    });
    let form =
        |d: &Diagnostics| Value::Array(d.0.iter().map(|d| cirkel::form_problem(d, lang)).collect());
    match drawn {
        Ok(Ok(redrawn)) => {
            let drawing = redrawn.drawing;
            *state.shown() = Shown {
                on: if redrawn.anchored { last } else { None },
                last: Some(drawing.layout),
            };
            Response::json(
                200,
                &json!({
                    "ok": true,
                    "problems": form(&drawing.warnings),
                    "svg": String::from_utf8_lossy(&drawing.bytes),
                }),
            )
        }
        Ok(Err(DrawError::Input(d))) => {
            Response::json(200, &json!({ "ok": false, "problems": form(&d) }))
        }
        Ok(Err(e)) => Response::json(
            200,
            &json!({ "ok": false, "problems": [], "error": e.message().text(lang) }),
        ),
        Err(_) => Response::json(500, &json!({ "error": "internal error" })),
    }
}

/// Most role texts matched in one request.
const MAX_MATCHES: usize = 200;

/// What the library makes of the page's role texts (`cirkel::match_roles`).
fn match_roles(state: &State, request: &Request) -> Response {
    let lang = state.lang(request);
    match serde_json::from_slice::<Vec<String>>(&request.body) {
        Ok(texts)
            if texts.len() <= MAX_MATCHES
                && texts
                    .iter()
                    .all(|t| t.chars().count() <= cirkel_core::limits::MAX_SHORT_TEXT) =>
        {
            Response::json(200, &cirkel::match_roles(&texts, lang))
        }
        _ => Response::json(400, &json!({ "error": "a list of role texts" })),
    }
}

/// `format`, `privacy`, `theme`, `route`, `width`, `paper`, `description`
/// (`0`: a PDF without its description pages) from the query.
fn draw_options(request: &Request, lang: Lang) -> Result<DrawOptions, String> {
    let format = match request.param("format").unwrap_or("svg") {
        "svg" => Format::Svg,
        "text" => Format::Text,
        "markdown" => Format::Markdown,
        "png" => Format::Png,
        "pdf" => Format::Pdf,
        other => return Err(format!("format {other}")),
    };
    let privacy = match request.param("privacy").unwrap_or("full") {
        "full" => Privacy::Full,
        "names" => Privacy::Names,
        "roles" => Privacy::Roles,
        other => return Err(format!("privacy {other}")),
    };
    let size = match (request.param("paper"), request.param("width")) {
        (Some("a4"), _) => Size::Paper(Paper::A4),
        (Some("a3"), _) => Size::Paper(Paper::A3),
        (Some(other), _) => return Err(format!("paper {other}")),
        (None, Some(w)) => Size::Width(w.parse().map_err(|_| format!("width {w}"))?),
        (None, None) => Size::Width(cirkel::DEFAULT_WIDTH),
    };
    Ok(DrawOptions {
        format,
        size,
        lang,
        privacy,
        // Bundled themes only: a theme file would be a path from the page.
        theme: ThemeChoice::Named(request.param("theme").unwrap_or("standaard").to_string()),
        route: request
            .param("route")
            .filter(|r| !r.is_empty())
            .map(str::to_string),
        pdf_description: request.param("description") != Some("0"),
        ..DrawOptions::default()
    })
}

fn draw_request(state: &State, request: &Request) -> Response {
    let lang = state.lang(request);
    let mut options = match draw_options(request, lang) {
        Ok(o) => o,
        Err(what) => return Response::json(400, &json!({ "error": what })),
    };
    options.since = state.since();
    options.partners = state.partners();
    if request.param("anchor") == Some("1") {
        // The picture she sees: laid out on what it was laid out on.
        options.previous = state
            .shown()
            .on
            .clone()
            .map(|l| cirkel::Previous::Layout(Box::new(l)));
    }
    let target = state.target();
    let drawn = std::panic::catch_unwind(|| draw(&request.body, &target.files(), &options));
    match drawn {
        Ok(Ok(drawing)) => {
            let kind = match options.format {
                Format::Svg => "image/svg+xml",
                Format::Png => "image/png",
                Format::Pdf => "application/pdf",
                Format::Text | Format::Markdown => "text/plain; charset=utf-8",
                _ => "application/octet-stream",
            };
            Response::new(200, kind, drawing.bytes)
        }
        Ok(Err(DrawError::Input(d))) => {
            Response::json(422, &json!({ "problems": problems(&d, lang) }))
        }
        Ok(Err(e)) => Response::json(422, &json!({ "error": e.message().text(lang) })),
        Err(_) => Response::json(500, &json!({ "error": "internal error" })),
    }
}

/// Last year's file to compare with (`name`: its file name, which says
/// its kind; `school`: of a workbook of many schools, which): read and
/// kept for the pictures to come, `{ "ok": true }`; its problems, in the
/// form's words, when it cannot be read. An empty body stops comparing.
fn since(state: &State, request: &Request) -> Response {
    let lang = state.lang(request);
    let mut kept = state
        .since
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if request.body.is_empty() {
        *kept = None;
        return Response::json(200, &json!({ "ok": true }));
    }
    let name = request.param("name").unwrap_or("vorig-jaar.json");
    let school = request.param("school").filter(|s| !s.is_empty());
    let input = cirkel::Input::of_file(&request.body, std::path::Path::new(name), school);
    let read =
        std::panic::catch_unwind(|| cirkel::last_team_from_input(&input, name, lang, school));
    match read {
        Ok(Ok(k)) => {
            *kept = Some(k);
            Response::json(200, &json!({ "ok": true }))
        }
        Ok(Err(DrawError::Input(d))) => {
            let form: Vec<Value> = d.0.iter().map(|d| cirkel::form_problem(d, lang)).collect();
            Response::json(200, &json!({ "ok": false, "problems": form }))
        }
        Ok(Err(e)) => Response::json(
            200,
            &json!({ "ok": false, "problems": [], "error": e.message().text(lang) }),
        ),
        Err(_) => Response::json(500, &json!({ "error": "internal error" })),
    }
}

fn save(state: &State, request: &Request) -> Response {
    let lang = state.lang(request);
    let Ok(text) = std::str::from_utf8(&request.body) else {
        return Response::json(400, &json!({ "error": "not UTF-8" }));
    };
    let mut target = state
        .target
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let base = request.param("version").unwrap_or_default();
    let force = request.param("force") == Some("1");
    // "Save as": a new file in the same folder, which is edited from then on.
    let result = match request.param("as") {
        Some(name) => {
            let mut new = Target::New {
                folder: target.folder(),
            };
            let saved = files::save(
                &mut new,
                text,
                "",
                false,
                Some(name),
                (lang, state.partners()),
            );
            if saved.is_ok() {
                *target = new;
            }
            saved
        }
        None => files::save(
            &mut target,
            text,
            base,
            force,
            request.param("name"),
            (lang, state.partners()),
        ),
    };
    match result {
        Ok(version) => Response::json(
            200,
            &json!({
                "version": version,
                "name": target.path().and_then(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned()),
            }),
        ),
        Err(SaveError::Conflict(now)) => Response::json(
            409,
            &json!({ "conflict": true, "version": now, "error": cirkel_core::msg!("serve.conflict").text(lang) }),
        ),
        Err(SaveError::Invalid(d)) => {
            Response::json(422, &json!({ "problems": problems(&d, lang) }))
        }
        Err(SaveError::Name(m)) => Response::json(400, &json!({ "error": m.text(lang) })),
        Err(SaveError::Io(m)) => Response::json(500, &json!({ "error": m.text(lang) })),
    }
}

fn photo(state: &State, request: &Request) -> Response {
    let lang = state.lang(request);
    let folder = state.target().folder();
    let prepared = match cirkel::prepare_photo(&request.body) {
        Ok(p) => p,
        Err(m) => return Response::json(422, &json!({ "error": m.text(lang) })),
    };
    // Always a JPEG now, whatever the name said.
    let name = std::path::Path::new(request.param("name").unwrap_or("foto"))
        .with_extension("jpg")
        .to_string_lossy()
        .into_owned();
    match files::store_photo(&folder, &name, &prepared.bytes) {
        Ok(path) => Response::json(200, &json!({ "path": path })),
        Err(m) => Response::json(422, &json!({ "error": m.text(lang) })),
    }
}

/// The checks every request passes before anything else: the `Host` is
/// this server's loopback address (no DNS rebinding), the token is right
/// (a request without it learns nothing), and a write comes from the page
/// itself (`Origin`, `Sec-Fetch-Site`, a JSON or binary body, never a form
/// another site can post). `None`: allowed; otherwise the refusal, which
/// names nothing about the school.
pub fn allowed(state: &State, request: &Request) -> Option<Response> {
    let port = state.port;
    let ours = |value: &str, scheme: &str| {
        [
            format!("{scheme}127.0.0.1:{port}"),
            format!("{scheme}localhost:{port}"),
        ]
        .iter()
        .any(|ok| value.eq_ignore_ascii_case(ok))
    };
    if !request.header("host").is_some_and(|h| ours(h, "")) {
        return Some(Response::plain(403));
    }
    let token = request
        .param("t")
        .or_else(|| request.header("x-cirkel-token"))
        .or_else(|| path_token(&request.path))
        .unwrap_or_default();
    if !same_secret(token.as_bytes(), state.token.as_bytes()) {
        return Some(Response::plain(403));
    }
    let writes = !matches!(request.method.as_str(), "GET" | "HEAD");
    if writes {
        if !request.header("origin").is_some_and(|o| ours(o, "http://")) {
            return Some(Response::plain(403));
        }
        if request
            .header("sec-fetch-site")
            .is_some_and(|s| s != "same-origin" && s != "none")
        {
            return Some(Response::plain(403));
        }
        let kind = request
            .header("content-type")
            .unwrap_or_default()
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        if kind != "application/json" && kind != "application/octet-stream" {
            return Some(Response::plain(415));
        }
    }
    None
}

/// Compares secrets in time that does not depend on where they differ.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> State {
        State {
            token: "t0ken".into(),
            port: 8080,
            lang: Lang::Nl,
            target: Mutex::new(Target::New {
                folder: std::env::temp_dir(),
            }),
            shown: Mutex::default(),
            since: Mutex::default(),
            partners: Mutex::default(),
        }
    }

    fn request(method: &str, path: &str, query: &[(&str, &str)], body: &[u8]) -> Request {
        Request {
            method: method.into(),
            path: path.into(),
            query: query
                .iter()
                .map(|(k, v)| ((*k).into(), (*v).into()))
                .collect(),
            headers: Vec::new(),
            body: body.to_vec(),
        }
    }

    fn body_json(r: &Response) -> Value {
        serde_json::from_slice(&r.body).unwrap()
    }

    #[test]
    fn the_page_and_its_files_are_answered_with_their_types() {
        let s = state();
        let page = route(&s, &request("GET", "/", &[], b""));
        assert_eq!(
            (page.status, page.content_type),
            (200, "text/html; charset=utf-8")
        );
        assert!(String::from_utf8_lossy(&page.body).contains("t0ken"));
        // Every module the page imports is answered beside it.
        let page = String::from_utf8_lossy(&page.body).into_owned();
        assert!(page.contains("/t/t0ken/main.js"));
        for (name, _, body) in page::FILES {
            let answer = route(&s, &request("GET", &format!("/t/t0ken/{name}"), &[], b""));
            assert_eq!(answer.status, 200, "{name}");
            for import in body.split("from \"./").skip(1) {
                let file = import.split('"').next().unwrap();
                assert!(
                    page::file(file).is_some(),
                    "{name} imports {file}, which is not served"
                );
            }
        }
        let js = route(&s, &request("GET", "/t/t0ken/main.js", &[], b""));
        assert_eq!(js.content_type, "text/javascript; charset=utf-8");
        let css = route(&s, &request("GET", "/t/t0ken/style.css", &[], b""));
        assert_eq!(css.content_type, "text/css; charset=utf-8");
        assert_eq!(
            route(&s, &request("POST", "/t/t0ken/main.js", &[], b"")).status,
            405
        );
        assert_eq!(
            route(&s, &request("GET", "/t/t0ken/secret.txt", &[], b"")).status,
            404
        );
        // The token in a file's path is checked like the token in a query.
        let mut wrong = request("GET", "/t/other/main.js", &[], b"");
        wrong.headers.push(("host".into(), "127.0.0.1:8080".into()));
        assert_eq!(allowed(&s, &wrong).map(|r| r.status), Some(403));
        let mut right = request("GET", "/t/t0ken/main.js", &[], b"");
        right.headers.push(("host".into(), "127.0.0.1:8080".into()));
        assert!(allowed(&s, &right).is_none());
        assert_eq!(
            route(&s, &request("GET", "/api/save", &[], b"")).status,
            405
        );
        assert_eq!(
            route(&s, &request("GET", "/etc/passwd", &[], b"")).status,
            404
        );
    }

    #[test]
    fn checks_and_drawings_answer_in_the_language_asked_for() {
        let s = state();
        let roles = body_json(&route(
            &s,
            &request("GET", "/api/roles", &[("lang", "en")], b""),
        ));
        let cjg = roles
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == "cjg-coach")
            .unwrap();
        assert_eq!(cjg["domain"], "jeugdhulp");
        let bad = br#"{ "school": { "name": "De Ark" }, "members": [ { "role": "jeugdarts", "ring": "buiten" } ] }"#;
        let checked = body_json(&route(&s, &request("POST", "/api/check", &[], bad)));
        assert_eq!(checked["ok"], false);
        let problem = &checked["problems"][0];
        assert_eq!(problem["path"], "members[0].ring");
        assert!(problem["message"].as_str().unwrap().contains("buiten"));
        let good = br#"{ "school": { "name": "De Ark" }, "members": [ { "role": "jeugdarts" } ] }"#;
        let svg = route(
            &s,
            &request("POST", "/api/draw", &[("format", "svg")], good),
        );
        assert_eq!((svg.status, svg.content_type), (200, "image/svg+xml"));
        let text = route(
            &s,
            &request("POST", "/api/draw", &[("format", "text")], good),
        );
        assert_eq!(text.content_type, "text/plain; charset=utf-8");
        assert!(String::from_utf8_lossy(&text.body).contains("De Ark"));
        let refused = route(&s, &request("POST", "/api/draw", &[], bad));
        assert_eq!(refused.status, 422);
        assert_eq!(
            route(
                &s,
                &request("POST", "/api/draw", &[("format", "gif")], good)
            )
            .status,
            400
        );
    }

    /// Last year's file, opened to compare with: every preview and
    /// download marks what changed, a broken one says its problems, an
    /// empty body stops comparing.
    #[test]
    fn last_years_file_marks_the_pictures_until_it_is_closed() {
        let s = state();
        let this = include_bytes!("../../../examples/st-bernardusschool.json");
        let last = include_bytes!("../../../examples/vorig-jaar/st-bernardusschool.json");
        let marked = |s: &State| {
            let preview = body_json(&route(s, &request("POST", "/api/preview", &[], this)));
            let svg = preview["svg"].as_str().unwrap().to_string();
            let drawn = route(
                s,
                &request("POST", "/api/draw", &[("format", "text")], this),
            );
            let text = String::from_utf8(drawn.body).unwrap();
            (
                svg.matches("class=\"new-marker\"").count(),
                text.contains("Sinds vorig jaar"),
            )
        };
        assert_eq!(marked(&s), (0, false));
        let opened = route(
            &s,
            &request("POST", "/api/since", &[("name", "vorig-jaar.json")], last),
        );
        assert_eq!(body_json(&opened)["ok"], true);
        assert_eq!(marked(&s), (4, true));
        // A broken one: its problems, named in its file; the last good one stays.
        let broken = route(
            &s,
            &request(
                "POST",
                "/api/since",
                &[("name", "kapot.json")],
                b"{ \"school\": {} }",
            ),
        );
        let reply = body_json(&broken);
        assert_eq!(reply["ok"], false);
        assert!(!reply["problems"].as_array().unwrap().is_empty(), "{reply}");
        assert_eq!(marked(&s).0, 4);
        // A workbook that is not one: refused with words, no crash.
        let junk = route(
            &s,
            &request(
                "POST",
                "/api/since",
                &[("name", "vorig.xlsx")],
                b"PK\x03\x04 not a zip",
            ),
        );
        assert_eq!(body_json(&junk)["ok"], false);
        let closed = route(&s, &request("POST", "/api/since", &[], b""));
        assert_eq!(body_json(&closed)["ok"], true);
        assert_eq!(marked(&s), (0, false));
    }
}
