//! The example outputs committed under `examples/` (and shown in README.md)
//! must be what the code renders today, through the library's one call
//! (`draw_file`, as `cirkel render` does): the SVG byte for byte, the PNG pixel
//! for pixel within ±2 per channel (resvg's own reference tests allow ±1).
//! On a mismatch a diff image is written to `target/example-diffs/`.
//! Regenerate with `scripts/regenerate-examples.sh`.

#![allow(missing_docs, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use cirkel::resvg::tiny_skia::Pixmap;
use cirkel::{DrawOptions, Format, ThemeChoice, draw_file};

fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter(|p| !p.to_string_lossy().ends_with(".layout.json"))
        .collect();
    v.sort();
    v
}

fn drawn(json: &Path, format: Format, theme: &str) -> Vec<u8> {
    let options = DrawOptions {
        format,
        theme: ThemeChoice::Named(theme.into()),
        ..DrawOptions::default()
    };
    let drawing = draw_file(json, &options).unwrap();
    // The examples show what a finished file looks like: not one warning.
    assert!(
        drawing.warnings.0.is_empty(),
        "{}: {}",
        json.display(),
        drawing.warnings
    );
    drawing.bytes
}

fn check_png(fresh: &[u8], committed: &Path, stale: &mut Vec<String>) {
    let fresh = Pixmap::decode_png(fresh).unwrap();
    match std::fs::read(committed)
        .ok()
        .and_then(|b| Pixmap::decode_png(&b).ok())
    {
        None => stale.push(format!("{} is missing", committed.display())),
        Some(old) => {
            if let Some(why) = compare(&old, &fresh, committed) {
                stale.push(why);
            }
        }
    }
}

#[test]
fn committed_example_outputs_are_current() {
    let mut stale = Vec::new();
    let examples = examples();
    assert!(!examples.is_empty());
    for json in examples {
        let svg = String::from_utf8(drawn(&json, Format::Svg, "standaard")).unwrap();
        let committed_svg = std::fs::read_to_string(json.with_extension("svg")).unwrap_or_default();
        if committed_svg != svg {
            stale.push(format!("{} differs", json.with_extension("svg").display()));
        }
        let png = drawn(&json, Format::Png, "standaard");
        check_png(&png, &json.with_extension("png"), &mut stale);
        // The PDFs, byte for byte (deterministic), where one is committed.
        if let Ok(committed) = std::fs::read(json.with_extension("pdf"))
            && drawn(&json, Format::Pdf, "standaard") != committed
        {
            stale.push(format!("{} differs", json.with_extension("pdf").display()));
        }
    }
    // The example school in the other bundled themes.
    let json = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/st-bernardusschool.json");
    // And drawn with last year's file (`--since`).
    let last = json
        .parent()
        .unwrap()
        .join("vorig-jaar/st-bernardusschool.json");
    let since = last.with_extension("sinds-vorig-jaar.svg");
    let options = |format| DrawOptions {
        format,
        since: Some(cirkel::LastTeam::File(last.clone())),
        ..DrawOptions::default()
    };
    let svg = draw_file(&json, &options(Format::Svg)).unwrap().bytes;
    if std::fs::read(&since).unwrap_or_default() != svg {
        stale.push(format!("{} differs", since.display()));
    }
    let png = draw_file(&json, &options(Format::Png)).unwrap().bytes;
    check_png(&png, &since.with_extension("png"), &mut stale);
    for theme in ["print", "contrast"] {
        let file = json
            .parent()
            .unwrap()
            .join(format!("themes/st-bernardusschool.{theme}.png"));
        let png = drawn(&json, Format::Png, theme);
        check_png(&png, &file, &mut stale);
    }
    assert!(
        stale.is_empty(),
        "run scripts/regenerate-examples.sh:\n{}",
        stale.join("\n")
    );
}

/// Compares two images; on a difference writes a diff image (red where pixels differ).
fn compare(old: &Pixmap, new: &Pixmap, json: &Path) -> Option<String> {
    if (old.width(), old.height()) != (new.width(), new.height()) {
        return Some(format!(
            "{}: size {}×{} vs {}×{}",
            json.display(),
            old.width(),
            old.height(),
            new.width(),
            new.height()
        ));
    }
    let mut diff = new.clone();
    let mut count = 0usize;
    for (i, (a, b)) in old.data().chunks(4).zip(new.data().chunks(4)).enumerate() {
        let differs = a.iter().zip(b).any(|(x, y)| x.abs_diff(*y) > 2);
        let px = &mut diff.data_mut()[i * 4..i * 4 + 4];
        if differs {
            count += 1;
            px.copy_from_slice(&[255, 0, 0, 255]);
        } else {
            // Faded original, so the red stands out.
            px.iter_mut().for_each(|c| *c /= 4);
        }
    }
    if count == 0 {
        return None;
    }
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/example-diffs");
    let _ = std::fs::create_dir_all(&out);
    let name = out.join(json.with_extension("diff.png").file_name().unwrap());
    let _ = diff.save_png(&name);
    Some(format!(
        "{}: {count} pixels differ (diff image: {})",
        json.display(),
        name.display()
    ))
}
