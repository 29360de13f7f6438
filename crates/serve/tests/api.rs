//! The editor's API end to end (issue 17): load the example, change a
//! name, see the SVG change, save, check the saved file, restore from
//! `.bak`; a change on disk is never overwritten silently; workbooks,
//! photos, new files, downloads.

#![allow(missing_docs, clippy::unwrap_used)]

mod common;

use cirkel_core::{Folder, ParseOptions, parse_with};
use common::*;

fn svg_of(editor: &Editor, text: &str) -> String {
    let a = editor.post("/api/draw?format=svg", text.as_bytes());
    assert_eq!(a.status, 200, "{}", a.text());
    assert_eq!(a.header("content-type").as_deref(), Some("image/svg+xml"));
    a.text()
}

#[test]
fn load_change_draw_save_check_restore() {
    let dir = folder("e2e");
    let original = std::fs::read(dir.join("school.json")).unwrap();
    let editor = start(&dir, Some("school.json"));
    let doc = editor.get("/api/document").json();
    assert_eq!(doc["name"], "school.json");
    let text = doc["text"].as_str().unwrap().to_string();
    assert_eq!(text.as_bytes(), original);
    let version = doc["version"].as_str().unwrap().to_string();

    let before = svg_of(&editor, &text);
    assert!(before.contains("St. Bernardusschool"));
    let changed = text.replace("St. Bernardusschool", "De Nieuwe Bernardus");
    let after = svg_of(&editor, &changed);
    assert!(after.contains("De Nieuwe Bernardus") && !after.contains("St. Bernardusschool"));
    // The preview is the library's picture of the same text.
    let library = cirkel::draw(
        changed.as_bytes(),
        &Folder::new(&dir),
        &cirkel::DrawOptions::default(),
    )
    .unwrap();
    assert!(after.as_bytes() == library.bytes.as_slice());

    let check = editor.post("/api/check", changed.as_bytes()).json();
    assert_eq!(check["ok"], true, "{check}");

    let saved = editor.post(&format!("/api/save?version={version}"), changed.as_bytes());
    assert_eq!(saved.status, 200, "{}", saved.text());
    let on_disk = std::fs::read(dir.join("school.json")).unwrap();
    assert_eq!(on_disk, changed.as_bytes());
    assert_eq!(
        std::fs::read(dir.join("school.json.bak")).unwrap(),
        original
    );
    // What `cirkel check` does: the saved file passes.
    parse_with(&on_disk, &ParseOptions::default(), &Folder::new(&dir)).unwrap();
    // No temporary files left.
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");

    // Restore from .bak, as a user would (a copy), and the page loads it.
    std::fs::copy(dir.join("school.json.bak"), dir.join("school.json")).unwrap();
    let doc = editor.get("/api/document").json();
    assert_eq!(doc["text"].as_str().unwrap().as_bytes(), original);
}

#[test]
fn a_change_on_disk_is_never_overwritten_silently() {
    let dir = folder("conflict");
    let editor = start(&dir, Some("school.json"));
    let doc = editor.get("/api/document").json();
    let version = doc["version"].as_str().unwrap().to_string();
    let text = doc["text"].as_str().unwrap().to_string();
    // Someone else saves the file meanwhile.
    let theirs = text.replace("Haarlem", "Heemstede");
    std::fs::write(dir.join("school.json"), &theirs).unwrap();
    let mine = text.replace("St. Bernardusschool", "Mijn naam");
    let a = editor.post(&format!("/api/save?version={version}"), mine.as_bytes());
    assert_eq!(a.status, 409, "{}", a.text());
    assert_eq!(a.json()["conflict"], true);
    assert!(a.json()["error"].as_str().unwrap().contains("veranderd"));
    assert_eq!(
        std::fs::read_to_string(dir.join("school.json")).unwrap(),
        theirs
    );
    // With the new version (after looking), or force, it saves.
    let now = a.json()["version"].as_str().unwrap().to_string();
    let a = editor.post(&format!("/api/save?version={now}"), mine.as_bytes());
    assert_eq!(a.status, 200);
    assert_eq!(
        std::fs::read_to_string(dir.join("school.json.bak")).unwrap(),
        theirs
    );
    // A file removed meanwhile is a conflict too.
    std::fs::remove_file(dir.join("school.json")).unwrap();
    let v = a.json()["version"].as_str().unwrap().to_string();
    assert_eq!(
        editor.post(&format!("/api/save?version={v}"), b"{}").status,
        409
    );
}

#[test]
fn problems_and_downloads_in_the_pages_language() {
    let dir = folder("downloads");
    let editor = start(&dir, Some("school.json"));
    let bad = br#"{"version":1,"school":{"name":"A"},"members":[{"id":"a","role":"ib","ring":"buiten"}]}"#;
    let nl = editor.post("/api/check", bad).json();
    assert_eq!(nl["ok"], false);
    let p = &nl["problems"][0];
    assert_eq!(p["severity"], "error");
    assert_eq!(p["path"], "members[0].ring");
    assert!(p["line"].as_u64().unwrap() >= 1 && p["column"].as_u64().unwrap() > 1);
    assert!(
        p["message"].as_str().unwrap().contains("onbekende ring"),
        "{p}"
    );
    let en = editor.post("/api/check?lang=en", bad).json();
    assert!(
        en["problems"][0]["message"]
            .as_str()
            .unwrap()
            .contains("unknown ring")
    );
    let a = editor.post("/api/draw", bad);
    assert_eq!(a.status, 422);
    assert_eq!(a.json()["problems"][0]["path"], "members[0].ring");

    let text = std::fs::read(dir.join("school.json")).unwrap();
    let png = editor.post("/api/draw?format=png&width=600", &text);
    assert!(png.body.starts_with(b"\x89PNG"));
    let pdf = editor.post("/api/draw?format=pdf&paper=a4", &text);
    assert!(pdf.body.starts_with(b"%PDF-"));
    let words = editor.post("/api/draw?format=text&privacy=roles", &text);
    assert!(words.text().contains("St. Bernardusschool"));
    assert!(
        !words.text().contains("@"),
        "no contact data with privacy roles"
    );
    let svg = editor.post(
        "/api/draw?format=svg&privacy=names&route=gedrag&theme=contrast",
        &text,
    );
    assert_eq!(svg.status, 200, "{}", svg.text());
    for bad in [
        "format=gif",
        "privacy=everyone",
        "width=abc",
        "paper=a5",
        "theme=../../etc/passwd",
    ] {
        let a = editor.post(&format!("/api/draw?{bad}"), &text);
        assert!(a.status == 400 || a.status == 422, "{bad}: {}", a.status);
    }
    let roles = editor.get("/api/roles?lang=en").json();
    assert!(
        roles
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == "cjg-coach")
    );
    let schema = editor.get("/api/schema").json();
    assert!(schema["properties"]["members"].is_object());
}

#[test]
fn a_workbook_is_edited_as_json_and_saved_as_a_workbook() {
    let dir = folder("workbook");
    let json = std::fs::read(dir.join("school.json")).unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let other = serde_json::json!({
        "school": { "name": "De Ark" },
        "members": [ { "id": "ib", "role": "intern-begeleider" } ]
    });
    let book = cirkel_sheets::write(
        &[doc, other],
        cirkel_sheets::SheetFormat::Xlsx,
        &cirkel_sheets::WriteOptions::default(),
    )
    .unwrap();
    std::fs::write(dir.join("scholen.xlsx"), &book).unwrap();
    let editor = start_with(
        &dir,
        &cirkel_serve::ServeOptions {
            file: Some(dir.join("scholen.xlsx")),
            school: Some("St. Bernardusschool".into()),
            ..cirkel_serve::ServeOptions::default()
        },
    );
    let loaded = editor.get("/api/document").json();
    assert!(loaded["notice"].as_str().unwrap().contains("opnieuw"));
    let text = loaded["text"]
        .as_str()
        .unwrap()
        .replace("Haarlem", "Zandvoort");
    let version = loaded["version"].as_str().unwrap();
    // A workbook takes no document with errors.
    let mut broken: serde_json::Value = serde_json::from_str(&text).unwrap();
    broken["members"][0]["ring"] = "nergens".into();
    let broken = broken.to_string();
    let a = editor.post(&format!("/api/save?version={version}"), broken.as_bytes());
    assert_eq!(a.status, 422, "{}", a.text());
    let a = editor.post(&format!("/api/save?version={version}"), text.as_bytes());
    assert_eq!(a.status, 200, "{}", a.text());
    let saved = std::fs::read(dir.join("scholen.xlsx")).unwrap();
    let back = cirkel_sheets::read(&saved, cirkel_sheets::SheetFormat::Xlsx, "scholen");
    assert_eq!(back.schools.len(), 2, "the other school is kept");
    let bernardus = back.school(Some("St. Bernardusschool")).unwrap();
    assert_eq!(bernardus.document["school"]["place"], "Zandvoort");
    assert_eq!(
        back.school(Some("De Ark")).unwrap().document["members"][0]["id"],
        "ib"
    );
    assert_eq!(std::fs::read(dir.join("scholen.xlsx.bak")).unwrap(), book);
}

/// A JPEG as a phone makes it: 4032 × 3024 of fine detail (noise) at high
/// quality, over 7 MB, with an EXIF orientation (taken on its side).
fn phone_photo() -> Vec<u8> {
    let (w, h) = (4032u16, 3024u16);
    let mut seed = 0x2545_f491_4f6c_dd1du64;
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

#[test]
fn photos_are_stored_beside_the_file_and_drawn() {
    let dir = folder("photos");
    let editor = start(&dir, Some("school.json"));
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let jpeg = std::fs::read(examples.join("photos/maaike.jpg")).unwrap();
    let a = editor.post_as(
        "/api/photo?name=Maaike%20de%20Groot.JPG",
        &jpeg,
        "application/octet-stream",
    );
    assert_eq!(a.status, 200, "{}", a.text());
    let path = a.json()["path"].as_str().unwrap().to_string();
    assert_eq!(path, "fotos/maaike-de-groot.jpg");
    // Stored as the library prepares it (upright, square, small, no metadata).
    assert_eq!(
        std::fs::read(dir.join(&path)).unwrap(),
        cirkel::prepare_photo(&jpeg).unwrap().bytes
    );
    // The same photo again: the same file; another: a new name.
    let again = editor.post_as(
        "/api/photo?name=maaike%20de%20groot.jpg",
        &jpeg,
        "application/octet-stream",
    );
    assert_eq!(again.json()["path"], path.as_str());
    let png = std::fs::read(examples.join("photos/sanne.png")).unwrap();
    let other = editor.post_as(
        "/api/photo?name=maaike-de-groot.png",
        &png,
        "application/octet-stream",
    );
    // A PNG is stored as a JPEG too.
    assert_eq!(other.json()["path"], "fotos/maaike-de-groot-2.jpg");
    // A phone's photo: 4032 × 3024, over 7 MB, taken on its side.
    let phone = phone_photo();
    assert!(phone.len() > 7 * 1024 * 1024, "{}", phone.len());
    let taken = editor.post_as(
        "/api/photo?name=IMG_20261207_101500.jpg",
        &phone,
        "application/octet-stream",
    );
    assert_eq!(taken.status, 200, "{}", taken.text());
    let stored = std::fs::read(dir.join(taken.json()["path"].as_str().unwrap())).unwrap();
    assert!(stored.len() < 2 * 1024 * 1024, "{}", stored.len());
    assert_eq!(
        imagesize::blob_size(&stored).unwrap().width,
        cirkel::PHOTO_SIDE
    );
    // Refused with the reason, in the language asked for.
    let heic = editor.post_as(
        "/api/photo?name=IMG_0001.HEIC&lang=nl",
        b"\0\0\0\x18ftypheic\0\0\0\0",
        "application/octet-stream",
    );
    assert_eq!(heic.status, 422);
    assert!(
        heic.json()["error"].as_str().unwrap().contains("JPG"),
        "{}",
        heic.text()
    );
    let text = std::fs::read_to_string(dir.join("school.json"))
        .unwrap()
        .replacen(
            "\"role\": \"intern-begeleider\"",
            &format!("\"role\": \"intern-begeleider\", \"photo\": \"{path}\""),
            1,
        );
    assert!(text.contains(&path));
    let svg = svg_of(&editor, &text);
    assert!(
        svg.contains("data:image/jpeg;base64,"),
        "the photo is drawn"
    );
    // Not an image, an SVG, a PNG bomb: refused.
    for (name, bytes) in [
        ("tekst.jpg", b"hallo".to_vec()),
        (
            "plaatje.svg",
            b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec(),
        ),
        ("bom.png", {
            let mut p = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
            p.extend(50_000u32.to_be_bytes());
            p.extend(50_000u32.to_be_bytes());
            p.extend([8, 6, 0, 0, 0, 0, 0, 0, 0]);
            p
        }),
    ] {
        let a = editor.post_as(
            &format!("/api/photo?name={name}"),
            &bytes,
            "application/octet-stream",
        );
        assert_eq!(a.status, 422, "{name}");
    }
}

#[test]
fn without_a_file_the_starter_is_saved_under_a_new_name() {
    let dir = folder("new");
    let editor = start(&dir, None);
    let doc = editor.get("/api/document").json();
    assert!(doc["name"].is_null());
    let text = doc["text"]
        .as_str()
        .unwrap()
        .replace("Naam van de school", "OBS Het Anker");
    assert_eq!(
        editor.post("/api/save", text.as_bytes()).status,
        400,
        "a name is needed"
    );
    let a = editor.post("/api/save?name=anker.json", text.as_bytes());
    assert_eq!(a.status, 200, "{}", a.text());
    assert_eq!(a.json()["name"], "anker.json");
    assert_eq!(
        std::fs::read_to_string(dir.join("anker.json")).unwrap(),
        text
    );
    // From now on it is that file.
    let doc = editor.get("/api/document").json();
    assert_eq!(doc["name"], "anker.json");
    let v = doc["version"].as_str().unwrap();
    let a = editor.post(
        &format!("/api/save?version={v}"),
        text.replace("Anker", "Baken").as_bytes(),
    );
    assert_eq!(a.status, 200);
    assert!(dir.join("anker.json.bak").exists());
}

#[cfg(unix)]
#[test]
fn saves_follow_no_links_and_keep_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder("links");
    let outside = dir
        .parent()
        .unwrap()
        .join(format!("buiten-{}.txt", std::process::id()));
    std::fs::write(&outside, "niet aanraken").unwrap();
    // A planted FILE.bak link is replaced, not followed.
    std::os::unix::fs::symlink(&outside, dir.join("school.json.bak")).unwrap();
    std::fs::set_permissions(
        dir.join("school.json"),
        std::fs::Permissions::from_mode(0o600),
    )
    .unwrap();
    let original = std::fs::read(dir.join("school.json")).unwrap();
    let editor = start(&dir, Some("school.json"));
    let doc = editor.get("/api/document").json();
    let text = doc["text"]
        .as_str()
        .unwrap()
        .replace("Haarlem", "Bloemendaal");
    let v = doc["version"].as_str().unwrap();
    assert_eq!(
        editor
            .post(&format!("/api/save?version={v}"), text.as_bytes())
            .status,
        200
    );
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "niet aanraken");
    let bak = std::fs::symlink_metadata(dir.join("school.json.bak")).unwrap();
    assert!(bak.is_file(), "FILE.bak is a file of its own now");
    assert_eq!(
        std::fs::read(dir.join("school.json.bak")).unwrap(),
        original
    );
    let mode = std::fs::metadata(dir.join("school.json"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600, "the file keeps its permissions");
    drop(editor);
    // A FILE that is a link is not opened.
    std::os::unix::fs::symlink(&outside, dir.join("link.json")).unwrap();
    let refused = cirkel_serve::Server::bind(&cirkel_serve::ServeOptions {
        file: Some(dir.join("link.json")),
        ..cirkel_serve::ServeOptions::default()
    });
    assert!(refused.is_err());
    let _ = std::fs::remove_file(outside);
}

#[test]
fn a_school_renamed_in_a_workbook_of_many_is_saved_every_time() {
    let dir = folder("rename");
    let a = serde_json::json!({ "school": { "name": "Alfa" }, "members": [ { "id": "ib", "role": "intern-begeleider" } ] });
    let b = serde_json::json!({ "school": { "name": "Beta" }, "members": [ { "id": "ib", "role": "intern-begeleider" } ] });
    let book = cirkel_sheets::write(
        &[a, b],
        cirkel_sheets::SheetFormat::Ods,
        &cirkel_sheets::WriteOptions::default(),
    )
    .unwrap();
    std::fs::write(dir.join("twee.ods"), book).unwrap();
    let editor = start_with(
        &dir,
        &cirkel_serve::ServeOptions {
            file: Some(dir.join("twee.ods")),
            school: Some("Alfa".into()),
            ..cirkel_serve::ServeOptions::default()
        },
    );
    let doc = editor.get("/api/document").json();
    let mut version = doc["version"].as_str().unwrap().to_string();
    let text = doc["text"].as_str().unwrap().to_string();
    for (i, name) in ["Alfa Nieuw", "Alfa Nieuwer"].iter().enumerate() {
        let edited = text.replace("\"Alfa\"", &format!("\"{name}\""));
        let a = editor.post(&format!("/api/save?version={version}"), edited.as_bytes());
        assert_eq!(a.status, 200, "save {i}: {}", a.text());
        version = a.json()["version"].as_str().unwrap().to_string();
        let saved = cirkel_sheets::read(
            &std::fs::read(dir.join("twee.ods")).unwrap(),
            cirkel_sheets::SheetFormat::Ods,
            "twee",
        );
        let names: Vec<&str> = saved.schools.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, [*name, "Beta"], "save {i}");
    }
    // A name another school has is refused, nothing written.
    let clash = text.replace("\"Alfa\"", "\"Beta\"");
    let a = editor.post(&format!("/api/save?version={version}"), clash.as_bytes());
    assert_eq!(a.status, 400, "{}", a.text());
    assert_eq!(
        editor.get("/api/document").json()["version"],
        version.as_str()
    );
}
