//! An intern begeleider's session in the editor (issue 34), played in a
//! real browser (headless Chromium over WebDriver; skipped with a message
//! where it is missing, required under `CI=true`): from the starter, the
//! school's name, members by the words she uses for their roles (an alias,
//! another organisation's word, a typo and its suggestion), a person
//! entered twice, a phone's photo of over 7 MB, a route and a meeting;
//! saved as "Mijn kernteam"; a member deleted and brought back (the
//! notice's button and Ctrl+Z); the newsletter PNG and the PDF downloaded
//! under the school's name with the bytes `cirkel render` makes of the
//! saved file (the newsletter without contact data); English; a phone's
//! screen of 390 × 844 with nothing wider than it; and the editor
//! stopped too early, said in her words.

use super::browser::{Browser, serve_new};
use super::*;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// A JPEG as a phone makes it: 4032 × 3024 of fine detail at high quality
/// (over 7 MB), taken on its side (EXIF orientation 6).
fn phone_photo() -> Vec<u8> {
    let (w, h) = (4032u16, 3024u16);
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut data = Vec::with_capacity(usize::from(w) * usize::from(h) * 3);
    for _ in 0..usize::from(w) * usize::from(h) {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        data.extend(&seed.to_le_bytes()[..3]);
    }
    let mut out = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut out, 75);
    let mut exif = b"Exif\0\0II*\0\x08\0\0\0\x01\0".to_vec();
    exif.extend([0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0]);
    encoder.add_app_segment(1, exif).unwrap();
    encoder
        .encode(&data, w, h, jpeg_encoder::ColorType::Rgb)
        .unwrap();
    out
}

/// The document in the page's JSON view.
fn doc(browser: &Browser) -> Value {
    let text = browser.script("return document.getElementById('json').value");
    serde_json::from_str(text.as_str().unwrap()).unwrap()
}

fn members(browser: &Browser) -> usize {
    doc(browser)["members"].as_array().map_or(0, Vec::len)
}

/// `GET path` from the editor at `url` (`http://127.0.0.1:PORT/?t=TOKEN`),
/// as the page asks it: the body as JSON.
fn editor_get(url: &str, path: &str) -> Value {
    use std::io::{Read, Write};
    let rest = url.strip_prefix("http://").unwrap();
    let (host, token) = rest.split_once("/?t=").unwrap();
    let mut s = std::net::TcpStream::connect(host).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nX-Cirkel-Token: {token}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).unwrap();
    let at = out.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
    serde_json::from_slice(&out[at..]).unwrap()
}

/// Where each member stands in the picture `svg`: its card's id and the
/// card's first rectangle, in order of id.
fn places(svg: &str) -> Vec<String> {
    let mut out: Vec<String> = svg
        .split(" id=\"member-")
        .skip(1)
        .map(|card| {
            let id = card.split('"').next().unwrap_or_default();
            let rect = card
                .split("<rect")
                .nth(1)
                .and_then(|r| r.split("/>").next())
                .unwrap_or_default();
            let at: Vec<&str> = rect
                .split_whitespace()
                .filter(|a| a.starts_with("x=") || a.starts_with("y="))
                .collect();
            format!("{id} {}", at.join(" "))
        })
        .collect();
    out.sort();
    out
}

/// Waits for a finished download named `name` in `dir`.
fn downloaded(dir: &Path, name: &str) -> Vec<u8> {
    let started = Instant::now();
    loop {
        let file = dir.join(name);
        let busy = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().ends_with(".crdownload"));
        if file.is_file() && !busy {
            return std::fs::read(file).unwrap();
        }
        let seen: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no download {name}; the folder has {seen:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Adds a member whose role she types as `role` and leaves the field.
fn add_member(browser: &Browser, role: &str) -> usize {
    browser.click("#add-member");
    let n = members(browser) - 1;
    // A new, empty card is no error yet.
    assert_eq!(
        browser.script("return document.querySelectorAll('#problems li.error').length"),
        json!(0),
        "an error before she typed"
    );
    let field = format!("[data-path=\"members[{n}].role\"]");
    browser.type_in(&field, role);
    browser.type_in(&field, "\u{E004}");
    n
}

/// She moves on to another field (the school's place): the card she was in is left.
fn leave(browser: &Browser) {
    browser.script("document.querySelector('[data-path=\"school.place\"]').focus(); return true");
}

/// The hint under member `n`'s role field.
fn role_hint(n: usize) -> String {
    format!(
        "const f = document.querySelector('[data-path=\"members[{n}].role\"]'); \
         return f ? f.closest('.field').querySelector('.hint').textContent : ''"
    )
}

#[test]
fn an_intern_begeleider_makes_her_schools_circle_in_the_form() {
    let dir = scratch("session");
    let downloads = dir.join("downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    let Some(browser) = Browser::start_with(Some(&downloads)) else {
        return;
    };
    let (mut server, url) = serve_new(&dir);
    browser.call("POST", "/url", json!({ "url": url }));
    browser.until("the first picture", "return window.cirkelDraws > 0");

    let name = "[data-path=\"school.name\"]";
    browser.clear(name);
    browser.type_in(name, "De Wilgenhoek");

    // Her words for roles: an alias, another organisation's word, a typo.
    let arts = add_member(&browser, "schoolarts");
    browser.until(
        "schoolarts known as Jeugdarts",
        &format!(
            "return (() => {{ {} }})().includes('Jeugdarts')",
            role_hint(arts)
        ),
    );
    let nurse = add_member(&browser, "GGD verpleegkundige");
    browser.until(
        "GGD verpleegkundige known",
        &format!(
            "return (() => {{ {} }})().includes('JGZ')",
            role_hint(nurse)
        ),
    );
    // Catalogue defaults show in the fields and stay out of the file.
    let organisation = browser.script(&format!(
        "return document.querySelector('[data-path=\"members[{nurse}].organisation\"]').placeholder"
    ));
    assert!(
        organisation.as_str().unwrap().contains("GGD"),
        "{organisation}"
    );
    assert!(
        doc(&browser)["members"][nurse]
            .get("organisation")
            .is_none()
    );
    assert!(doc(&browser)["members"][nurse].get("expertise").is_none());
    assert!(browser.script(&format!(
        "return document.querySelectorAll('[data-path=\"members[{nurse}].expertise\"] .chips.defaults .chip').length > 0"
    )) == json!(true));

    let coach = add_member(&browser, "cjg coatch");
    browser.type_in(
        &format!("[data-path=\"members[{coach}].name\"]"),
        "Aylin Demir",
    );
    // She leaves the card: the suggestion is a button that applies it.
    leave(&browser);
    let suggestion = format!("[data-path=\"members[{coach}]\"] .suggestion");
    browser.click(&suggestion);
    browser.until(
        "the suggestion applied",
        &format!(
            "return JSON.parse(document.getElementById('json').value).members[{coach}].role === 'cjg-coach' \
             && document.querySelector('[data-path=\"members[{coach}].role\"]').value === 'CJG-coach'"
        ),
    );

    // The same person again: a warning at the second card, naming the first.
    let again = add_member(&browser, "CJG-coach");
    browser.type_in(
        &format!("[data-path=\"members[{again}].name\"]"),
        "Aylin Demir",
    );
    leave(&browser);
    browser.until(
        "the warning at the second card",
        &format!(
            "const card = document.querySelector('[data-path=\"members[{again}]\"]'); \
             return card.classList.contains('warned') && card.textContent.includes('Lid {}')",
            coach + 1
        ),
    );
    let listed = browser.script("return document.getElementById('problems').textContent");
    let listed = listed.as_str().unwrap();
    assert!(
        !listed.contains("members[") && !listed.contains('`') && !listed.contains("\":"),
        "a JSON path or key in her messages: {listed}"
    );

    // A phone's photo: taken, made small, upright.
    let photo = dir.join("IMG_20261207_101500.jpg");
    std::fs::write(&photo, phone_photo()).unwrap();
    assert!(std::fs::metadata(&photo).unwrap().len() > 7 * 1024 * 1024);
    // The card is open (a new card opens); she chooses the photo there.
    let toggle = format!("[data-path=\"members[{coach}]\"] .member-toggle");
    if browser.script(&format!(
        "return document.querySelector('{}').getAttribute('aria-expanded')",
        toggle.replace('\'', "\\'")
    )) != json!("true")
    {
        browser.click(&toggle);
    }
    browser.find(&format!("#photo-{coach}"));
    browser.choose_file(&format!("#photo-{coach}"), &photo);
    browser.until(
        "the photo taken",
        &format!(
            "const p = JSON.parse(document.getElementById('json').value).members[{coach}].photo; \
             return typeof p === 'string' && p.startsWith('fotos/')"
        ),
    );
    let stored = doc(&browser)["members"][coach]["photo"]
        .as_str()
        .unwrap()
        .to_string();
    let bytes = std::fs::read(dir.join(&stored)).unwrap();
    assert!(bytes.len() < 2 * 1024 * 1024, "{}", bytes.len());

    // A route and a meeting.
    let ids: Vec<String> = doc(&browser)["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap().to_string())
        .collect();
    browser.click("#add-route");
    let route = doc(&browser)["routes"].as_array().unwrap().len() - 1;
    browser.type_in(
        &format!("[data-path=\"routes[{route}].question\"]"),
        "Zorgen over gezondheid",
    );
    for id in [&ids[0], &ids[arts]] {
        browser.click(&format!(
            "[data-path=\"routes[{route}].steps\"] select option[value=\"{id}\"]"
        ));
        browser.until("the step", &format!(
            "return (JSON.parse(document.getElementById('json').value).routes[{route}].steps || []).includes('{id}')"
        ));
    }
    browser.click("#add-meeting");
    let meeting = doc(&browser)["meetings"].as_array().unwrap().len() - 1;
    browser.type_in(
        &format!("[data-path=\"meetings[{meeting}].when\"]"),
        "november",
    );
    browser.type_in(
        &format!("[data-path=\"meetings[{meeting}].purpose\"]"),
        "Kennismaken met de nieuwe CJG-coach",
    );
    browser.until(
        "the picture with her school",
        "return window.cirkelLastSvg.includes('De Wilgenhoek') && window.cirkelLastSvg.includes('Aylin Demir') \
         && !document.getElementById('picture-box').classList.contains('stale')",
    );

    // Saved under the name as typed; the folder is named.
    browser.click("#save");
    browser.answer_prompt(Some("Mijn kernteam"));
    browser.until(
        "saved",
        "return document.getElementById('status').textContent.includes('Opgeslagen als Mijn kernteam.json')",
    );
    let file = dir.join("Mijn kernteam.json");
    assert!(file.is_file());
    browser.until(
        "the picture current",
        "return !document.getElementById('picture-box').classList.contains('stale')",
    );
    browser.script("document.getElementById('preview-title').scrollIntoView(); return true");
    browser.screenshot("editor-sessie");
    let out = cirkel(&["check", file.to_str().unwrap()], None);
    assert_eq!(out.code, 0, "{}", out.stderr);

    // Last year's file, to compare with (through the server): the coach she
    // added is new; then she stops comparing.
    let mut last_year: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    last_year["members"].as_array_mut().unwrap().remove(coach);
    last_year["routes"] = json!([]);
    let last_file = dir.join("vorig-jaar.json");
    std::fs::write(&last_file, last_year.to_string()).unwrap();
    browser.choose_file("#since-input", &last_file);
    browser.until(
        "the new coach marked",
        "return (window.cirkelLastSvg.match(/class=\"new-marker\"/g) || []).length === 2 \
         && !document.getElementById('since-state').hidden",
    );
    browser.click("#since-stop");
    browser.until(
        "no longer compared",
        "return !window.cirkelLastSvg.includes('new-marker')",
    );

    // The picture stays put when she reorders the list: nobody moves.
    let svg = |b: &Browser| {
        b.script("return window.cirkelLastSvg")
            .as_str()
            .unwrap()
            .to_string()
    };
    let before = places(&svg(&browser));
    assert!(before.len() >= 10, "{before:?}");
    let draws = browser
        .script("return window.cirkelDraws")
        .as_u64()
        .unwrap();
    browser.click("[data-list=\"members\"]:nth-of-type(2) button[title=\"Omlaag\"]");
    browser.until(
        "the picture after the move",
        &format!("return window.cirkelDraws > {draws} && !document.getElementById('picture-box').classList.contains('stale')"),
    );
    assert_eq!(
        places(&svg(&browser)),
        before,
        "reordering the form moved the circle"
    );
    browser.click("[data-list=\"members\"]:nth-of-type(3) button[title=\"Omhoog\"]");
    browser.until(
        "back in order",
        "return document.getElementById('status').textContent.indexOf('niet opgeslagen') < 0 \
         && !document.getElementById('picture-box').classList.contains('stale')",
    );

    // Deleted by a slip, and back: by the notice's button, then by Ctrl+Z.
    let count = members(&browser);
    for how in ["button", "keys"] {
        browser.click("[data-list=\"members\"]:nth-of-type(2) .remove");
        browser.until(
            "deleted",
            &format!(
                "return JSON.parse(document.getElementById('json').value).members.length === {}",
                count - 1
            ),
        );
        if how == "button" {
            browser.click("#notice button");
        } else {
            browser.type_in("[data-path=\"school.place\"]", "\u{E009}z\u{E000}");
        }
        browser.until(
            "undone",
            &format!(
                "return JSON.parse(document.getElementById('json').value).members.length === {count} \
                 && document.getElementById('status').textContent.indexOf('niet opgeslagen') < 0"
            ),
        );
    }

    // Downloads named after the school, with the bytes `cirkel render` makes.
    browser.click("#downloads summary");
    browser.click("#download-png");
    let png = downloaded(&downloads, "De Wilgenhoek nieuwsbrief.png");
    browser.click("#downloads summary");
    browser.click("#download-pdf");
    let pdf = downloaded(&downloads, "De Wilgenhoek.pdf");
    // What she sees is laid out as the page's last picture was: `--previous`.
    let on = editor_get(&url, "/api/layout");
    let anchor = dir.join("anchor.layout.json");
    std::fs::write(&anchor, on.to_string()).unwrap();
    let previous: Vec<&str> = if on.is_null() {
        Vec::new()
    } else {
        vec!["--previous", anchor.to_str().unwrap()]
    };
    let expect_png = dir.join("nieuwsbrief.png");
    let expect_pdf = dir.join("cirkel.pdf");
    let file_arg = file.to_str().unwrap();
    let png_args = [
        "--width",
        "800",
        "--privacy",
        "names",
        "-o",
        expect_png.to_str().unwrap(),
    ];
    let pdf_args = ["-o", expect_pdf.to_str().unwrap()];
    for (args, expect, got, what) in [
        (
            &png_args[..],
            &expect_png,
            &png,
            "--privacy names --width 800",
        ),
        (&pdf_args[..], &expect_pdf, &pdf, ""),
    ] {
        let all: Vec<&str> = ["render", file_arg]
            .into_iter()
            .chain(previous.iter().copied())
            .chain(args.iter().copied())
            .collect();
        let out = cirkel_nl(&all, None);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(
            *got == std::fs::read(expect).unwrap(),
            "the download is not `cirkel render {what}` (with --previous: {})",
            !on.is_null()
        );
    }

    // English: the page's words and every word the program adds.
    browser.click("#lang");
    browser.until(
        "English",
        "return document.getElementById('save').textContent === 'Save' \
         && window.cirkelLastSvg.includes('Core team') && window.cirkelLastSvg.includes('Circle of influence') \
         && !window.cirkelLastSvg.includes('Kernteam van')",
    );
    browser.click("#lang");
    browser.until(
        "Dutch again",
        "return document.getElementById('save').textContent === 'Opslaan'",
    );

    // A phone: nothing wider than its screen, the bar small.
    browser.call(
        "POST",
        "/goog/cdp/execute",
        json!({ "cmd": "Emulation.setDeviceMetricsOverride",
                "params": { "width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": true } }),
    );
    browser.until("the phone's width", "return window.innerWidth === 390");
    let wide = browser.script(
        "const out = []; for (const e of document.body.querySelectorAll('*')) { \
           const r = e.getBoundingClientRect(); \
           if (r.width > 0 && r.right > 391 && !e.closest('.hidden')) out.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(r.right)); } \
         return { scroll: document.documentElement.scrollWidth, wide: out.slice(0, 8), bar: document.querySelector('header').getBoundingClientRect().height, \
                  sticky: getComputedStyle(document.querySelector('header')).position === 'sticky' }",
    );
    assert!(wide["scroll"].as_u64().unwrap() <= 390, "{wide}");
    assert!(wide["wide"].as_array().unwrap().is_empty(), "{wide}");
    browser.screenshot("editor-telefoon");
    // The bar scrolls away with the page and takes under a quarter of the screen.
    assert!(
        wide["bar"].as_f64().unwrap() < 211.0 && wide["sticky"] == json!(false),
        "{wide}"
    );

    // The editor stopped too early: the page says so in her words, and keeps her changes.
    let _ = server.kill();
    let _ = server.wait();
    browser.type_in("[data-path=\"school.place\"]", "Haarlem");
    browser.until(
        "the stopped editor said",
        "return document.getElementById('status').textContent.includes('De editor is gestopt')",
    );
    assert_eq!(doc(&browser)["school"]["place"], "Haarlem");
    drop(browser);
}
