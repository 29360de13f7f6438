//! Quality bar 7 on what is drawn: for every example and a range of
//! generated schools, the layout behind the 1600 px picture, the small
//! pictures (compact cards through the legibility rule), `--route` and the
//! A4 and A3 PDF pages (card text stepped up on paper) holds every card
//! wholly inside its own ring's band, and every other bar.

#![allow(missing_docs, clippy::unwrap_used)]

use std::path::Path;

use cirkel::{DrawOptions, Format, Paper, Size, draw};
use cirkel_core::Folder;
use cirkel_layout::check_layout;

#[path = "support/generated.rs"]
mod generated;
use generated::generated;

fn targets() -> Vec<(&'static str, DrawOptions)> {
    let width = |w| DrawOptions {
        size: Size::Width(w),
        ..DrawOptions::default()
    };
    let paper = |p| DrawOptions {
        format: Format::Pdf,
        size: Size::Paper(p),
        pdf_description: false,
        ..DrawOptions::default()
    };
    vec![
        ("1600 px", width(1600)),
        ("800 px", width(800)),
        ("600 px", width(600)),
        ("A4", paper(Paper::A4)),
        ("A3", paper(Paper::A3)),
    ]
}

fn check(name: &str, json: &[u8], folder: &Path, failures: &mut Vec<String>) {
    let files = Folder::new(folder);
    for (target, options) in targets() {
        let drawing = draw(json, &files, &options).unwrap();
        let l = &drawing.layout;
        for p in check_layout(l, l.min_font_size) {
            failures.push(format!("{name} at {target}: {p}"));
        }
    }
}

#[test]
fn every_card_lies_inside_its_band_on_every_target() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut failures = Vec::new();
    for name in [
        "st-bernardusschool",
        "obs-de-klimop",
        "brede-school-de-horizon",
    ] {
        let json = std::fs::read(examples.join(format!("{name}.json"))).unwrap();
        check(name, &json, &examples, &mut failures);
    }
    for n in [1, 2, 3, 5, 8, 13, 21, 34] {
        // The catalogue's roles spread them over the three rings.
        let json = generated(n, "");
        check(
            &format!("school of {n}"),
            json.as_bytes(),
            &examples,
            &mut failures,
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
