//! The editor in a real browser (issue 18): headless Chromium, driven over
//! WebDriver by Debian's chromedriver, fills in a school with three members
//! and a route through the form only, sees the circle update and an inline
//! error for a bad field, fixes it and saves; the saved file passes `cirkel
//! check` and `cirkel render` draws the picture the page showed. Skips with
//! a message where Chromium or chromedriver is missing, except under
//! `CI=true`. With `CIRKEL_SCREENSHOTS=DIR` it saves the README's
//! screenshots there (`scripts/screenshots.sh`).

use super::*;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The WebDriver's answer to one request.
fn wd(port: u16, method: &str, path: &str, body: Option<&Value>) -> Value {
    let body = body.map(Value::to_string).unwrap_or_default();
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    // Read the head, then exactly Content-Length bytes (the driver may
    // keep the connection open).
    let mut out = Vec::new();
    let mut buf = [0u8; 65536];
    let (head_end, length) = loop {
        let n = read_some(&mut s, &mut buf);
        assert!(n > 0, "the driver closed the connection");
        out.extend_from_slice(&buf[..n]);
        if let Some(end) = out.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&out[..end]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok());
            break (end + 4, length);
        }
    };
    match length {
        Some(len) => {
            while out.len() < head_end + len {
                let n = read_some(&mut s, &mut buf);
                assert!(n > 0, "the driver closed the connection");
                out.extend_from_slice(&buf[..n]);
            }
        }
        None => {
            let _ = s.read_to_end(&mut out);
        }
    }
    serde_json::from_slice(&out[head_end..]).unwrap_or(Value::Null)
}

/// One read from the driver, again when a signal interrupts it (a child
/// process ending sends one; `read` hands the interruption back).
fn read_some(s: &mut std::net::TcpStream, buf: &mut [u8]) -> usize {
    loop {
        match s.read(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            r => return r.unwrap(),
        }
    }
}

pub(crate) struct Browser {
    port: u16,
    session: String,
    driver: Child,
}

impl Drop for Browser {
    fn drop(&mut self) {
        wd(
            self.port,
            "DELETE",
            &format!("/session/{}", self.session),
            None,
        );
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

impl Browser {
    pub(crate) fn start() -> Option<Browser> {
        Browser::start_with(None)
    }

    /// A browser that saves downloads in `downloads` (without asking).
    pub(crate) fn start_with(downloads: Option<&Path>) -> Option<Browser> {
        let chromium = ["chromium", "chromium-browser", "google-chrome"]
            .into_iter()
            .find(|c| {
                Command::new(c)
                    .arg("--version")
                    .output()
                    .is_ok_and(|o| o.status.success())
            });
        let driver_ok = Command::new("chromedriver")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
        let (Some(chromium), true) = (chromium, driver_ok) else {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "Chromium and chromedriver are required under CI=true (apt-get install chromium chromium-driver)"
            );
            eprintln!(
                "skipped: Chromium or chromedriver is not installed (apt-get install chromium chromium-driver)"
            );
            return None;
        };
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let started = Instant::now();
        while wd_ready(port).is_none() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let binary =
            String::from_utf8(Command::new("which").arg(chromium).output().unwrap().stdout)
                .unwrap();
        let caps = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": binary.trim(),
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1400,1100", "--hide-scrollbars", "--lang=nl"],
                "prefs": downloads.map(|d| json!({
                    "download.default_directory": d.to_str().unwrap(),
                    "download.prompt_for_download": false,
                })).unwrap_or_else(|| json!({})),
            }
        } } });
        let answer = wd(port, "POST", "/session", Some(&caps));
        let session = answer["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("{answer}"))
            .to_string();
        Some(Browser {
            port,
            session,
            driver,
        })
    }

    pub(crate) fn call(&self, method: &str, path: &str, body: Value) -> Value {
        let body = (method != "GET").then_some(&body);
        let answer = wd(
            self.port,
            method,
            &format!("/session/{}{path}", self.session),
            body,
        );
        assert!(
            answer["value"].get("error").is_none(),
            "{method} {path}: {answer}"
        );
        answer["value"].clone()
    }

    pub(crate) fn script(&self, script: &str) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            json!({ "script": script, "args": [] }),
        )
    }

    pub(crate) fn find(&self, css: &str) -> String {
        let started = Instant::now();
        loop {
            let answer = wd(
                self.port,
                "POST",
                &format!("/session/{}/element", self.session),
                Some(&json!({ "using": "css selector", "value": css })),
            );
            if let Some(id) = answer["value"][ELEMENT].as_str() {
                return id.to_string();
            }
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "no element {css}: {answer}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Acts on the element `css` once it is there; found again when the
    /// page rebuilt it in between (the form is rebuilt as it changes).
    fn act(&self, css: &str, action: &str, body: &Value) {
        for _ in 0..20 {
            let id = self.find(css);
            // In the middle of the window, clear of the page's sticky bar.
            wd(
                self.port,
                "POST",
                &format!("/session/{}/execute/sync", self.session),
                Some(&json!({
                    "script": "arguments[0].scrollIntoView({ block: 'center' }); return true",
                    "args": [{ ELEMENT: id }],
                })),
            );
            let answer = wd(
                self.port,
                "POST",
                &format!("/session/{}/element/{id}/{action}", self.session),
                Some(body),
            );
            match answer["value"]["error"].as_str() {
                None => return,
                // Rebuilt in between, or not yet laid out after a rebuild
                // (the form is rebuilt when a role is recognised).
                Some("stale element reference" | "element not interactable") => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                Some(_) => panic!("{action} {css}: {answer}"),
            }
        }
        panic!("{css} kept being rebuilt");
    }

    pub(crate) fn click(&self, css: &str) {
        self.act(css, "click", &json!({}));
    }

    pub(crate) fn clear(&self, css: &str) {
        self.act(css, "clear", &json!({}));
    }

    pub(crate) fn type_in(&self, css: &str, text: &str) {
        self.act(css, "value", &json!({ "text": text }));
    }

    /// Waits until `script` returns true.
    pub(crate) fn until(&self, what: &str, script: &str) {
        let started = Instant::now();
        while self.script(script) != Value::Bool(true) {
            if started.elapsed() > Duration::from_secs(20) {
                let said = self.script(
                    "return [document.getElementById('status'), document.getElementById('picture-state'), document.getElementById('problems')].map((e) => e ? e.textContent : '').join(' | ')",
                );
                panic!("timed out waiting for {what} (the page says: {said})");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Answers the page's prompt (`window.prompt`) with `text`, or a
    /// confirm with OK when `text` is `None`.
    pub(crate) fn answer_prompt(&self, text: Option<&str>) {
        let started = Instant::now();
        loop {
            let open = wd(
                self.port,
                "GET",
                &format!("/session/{}/alert/text", self.session),
                None,
            );
            if open["value"].is_string() {
                break;
            }
            assert!(started.elapsed() < Duration::from_secs(15), "no prompt");
            std::thread::sleep(Duration::from_millis(100));
        }
        if let Some(text) = text {
            self.call("POST", "/alert/text", json!({ "text": text }));
        }
        self.call("POST", "/alert/accept", json!({}));
    }

    /// Chooses the file at `path` in the file input `css` (hidden or not).
    pub(crate) fn choose_file(&self, css: &str, path: &Path) {
        self.type_in(css, path.to_str().unwrap());
    }

    pub(crate) fn screenshot(&self, name: &str) {
        let Ok(dir) = std::env::var("CIRKEL_SCREENSHOTS") else {
            return;
        };
        let png = self.call("GET", "/screenshot", Value::Null);
        let bytes = base64(png.as_str().unwrap());
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(Path::new(&dir).join(format!("{name}.png")), bytes).unwrap();
    }
}

fn wd_ready(port: u16) -> Option<()> {
    std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    (wd(port, "GET", "/status", None)["value"]["ready"] == Value::Bool(true)).then_some(())
}

fn base64(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let clean: Vec<u8> = s
        .bytes()
        .filter(|c| c.is_ascii_alphanumeric() || *c == b'+' || *c == b'/')
        .collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let v: Vec<u32> = chunk.iter().map(|c| u32::from(value(*c))).collect();
        let n = v
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, x)| acc | (x << (18 - 6 * i)));
        out.extend(n.to_be_bytes()[1..chunk.len()].iter());
    }
    out
}

/// `cirkel serve --no-open` in `dir` (the starter, saved under a name she
/// gives) and its address.
pub(crate) fn serve_new(dir: &Path) -> (Child, String) {
    spawn_serve(&["serve", "--no-open"], Some(dir))
}

/// `cirkel serve FILE --no-open` and its address.
pub(crate) fn serve(file: &Path) -> (Child, String) {
    spawn_serve(&["serve", file.to_str().unwrap(), "--no-open"], None)
}

/// Starts `cirkel ARGS` (in `dir`) and reads the address it prints first.
fn spawn_serve(args: &[&str], dir: Option<&Path>) -> (Child, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cirkel"));
    command
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    let mut child = command.spawn().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let url = first.rsplit(' ').next().unwrap().to_string();
    std::thread::spawn(move || lines.for_each(drop));
    (child, url)
}

#[test]
fn a_school_is_made_in_the_form_only_and_saved() {
    let Some(browser) = Browser::start() else {
        return;
    };
    let dir = scratch("browser");
    let file = dir.join("proef.json");
    std::fs::write(
        &file,
        "{ \"version\": 1, \"school\": { \"name\": \"\" } }\n",
    )
    .unwrap();
    let (mut server, url) = serve(&file);

    browser.call("POST", "/url", json!({ "url": url }));
    browser.find("[data-path=\"school.name\"]");
    browser.until(
        "the first check",
        "return document.getElementById('problems').children.length > 0",
    );
    browser.screenshot("editor-leeg");

    browser.type_in("[data-path=\"school.name\"]", "OBS De Proef");
    browser.type_in("[data-path=\"school.place\"]", "Haarlem");
    let people = [
        ("intern-begeleider", "Maaike de Groot"),
        ("cjg-coach", "Sanne Kaya"),
        ("leerplichtambtenaar", "Mehmet Yilmaz"),
    ];
    for (i, (role, name)) in people.iter().enumerate() {
        browser.click("#add-member");
        let role_field = format!("[data-path=\"members[{i}].role\"]");
        browser.type_in(&role_field, role);
        // Leaving the field picks the role from the catalogue (its defaults filled in).
        browser.type_in(&role_field, "\u{E004}");
        browser.until(
            "the role's defaults",
            &format!("return JSON.parse(document.getElementById('json').value).members[{i}].role === '{role}'"),
        );
        browser.type_in(&format!("[data-path=\"members[{i}].name\"]"), name);
    }
    let ids = browser
        .script("return JSON.parse(document.getElementById('json').value).members.map(m => m.id)");
    let ids: Vec<String> = ids
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 3, "{ids:?}");

    browser.click("#add-route");
    browser.type_in(
        "[data-path=\"routes[0].question\"]",
        "Verzuim en te laat komen",
    );
    for id in [&ids[0], &ids[2]] {
        browser.click(&format!(
            "[data-path=\"routes[0].steps\"] select option[value=\"{id}\"]"
        ));
        browser.until("the step", &format!(
            "return (JSON.parse(document.getElementById('json').value).routes[0].steps || []).includes('{id}')"
        ));
    }
    browser.until(
        "the circle with the school and its route",
        "return window.cirkelLastSvg.includes('OBS De Proef') && window.cirkelLastSvg.includes('Mehmet Yilmaz') \
         && document.getElementById('picture').src.startsWith('blob:')",
    );

    // A bad field: its error next to it, and in the list.
    let draws = browser.script("return window.cirkelDraws");
    let email = "[data-path=\"members[0].contact.email\"]";
    browser.type_in(email, "geen-mailadres");
    browser.until(
        "the inline error",
        &format!(
            "const f = document.querySelector('{}'); return f.getAttribute('aria-invalid') === 'true' \
             && f.parentElement.querySelector('.field-error').textContent.includes('e-mail')",
            email.replace('\'', "\\'")
        ),
    );
    browser.until(
        "the error in the list",
        "return document.querySelector('#problems li.error a') !== null",
    );
    browser.screenshot("editor-fout");
    browser.clear(email);
    browser.type_in(email, "m.degroot@proef.nl");
    browser.until(
        "the error gone and the circle redrawn",
        &format!(
            "return document.querySelectorAll('[aria-invalid]').length === 0 && window.cirkelDraws > {draws} \
             && document.querySelector('#problems li.error') === null"
        ),
    );
    browser.until(
        "the last picture",
        "return window.cirkelLastSvg.includes('OBS De Proef')",
    );

    browser.click("#save");
    browser.until(
        "saved",
        "return document.getElementById('status').textContent.includes('Opgeslagen')",
    );
    browser.screenshot("editor-ingevuld");
    // Opened anew, the page lays the circle out afresh, as `cirkel render`
    // does (while editing, each picture is laid out on the last one).
    browser.call("POST", "/url", json!({ "url": url }));
    browser.until(
        "the picture of the saved file",
        "return window.cirkelDraws > 0 && window.cirkelLastSvg.includes('OBS De Proef')",
    );
    let shown = browser.script("return window.cirkelLastSvg");

    let out = cirkel(&["check", file.to_str().unwrap()], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(saved["school"]["name"], "OBS De Proef");
    assert_eq!(saved["members"].as_array().unwrap().len(), 3);
    assert_eq!(
        saved["members"][0]["contact"]["email"],
        "m.degroot@proef.nl"
    );
    assert_eq!(saved["routes"][0]["steps"], json!([ids[0], ids[2]]));
    let svg = dir.join("proef.svg");
    let out = cirkel_nl(
        &[
            "render",
            file.to_str().unwrap(),
            "-o",
            svg.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        std::fs::read_to_string(&svg).unwrap() == shown.as_str().unwrap(),
        "cirkel render draws another picture than the page showed"
    );
    // A problem at a path no field has (an unknown top-level key, typed in
    // the JSON view) is listed, and the page keeps answering.
    browser.click("#json-view summary");
    browser.script(
        "const j = document.getElementById('json'); \
         j.value = JSON.stringify(Object.assign(JSON.parse(j.value), { foo: 1 })); \
         j.dispatchEvent(new Event('input')); return true",
    );
    browser.until(
        "the unknown key in the list",
        "return document.getElementById('problems').textContent.includes('foo')",
    );
    drop(browser);
    let _ = server.kill();
    let _ = server.wait();
}
