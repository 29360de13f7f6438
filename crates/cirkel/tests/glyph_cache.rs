//! The PNG painter keeps its glyphs in a per-thread cache that outlives
//! one picture (a batch draws the same letters for every school). What a
//! picture looks like must not depend on what was drawn before it: the
//! same school drawn first, after others at other sizes, and on a fresh
//! thread gives the same bytes.

#![allow(missing_docs, clippy::unwrap_used)]

use std::path::Path;

use cirkel::{DrawOptions, Format, Size, draw_file};

fn png(json: &Path, width: u32) -> Vec<u8> {
    let options = DrawOptions {
        format: Format::Png,
        size: Size::Width(width),
        ..DrawOptions::default()
    };
    draw_file(json, &options).unwrap().bytes
}

#[test]
fn a_picture_does_not_depend_on_what_the_thread_drew_before() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let school = examples.join("st-bernardusschool.json");
    let fresh = std::thread::spawn({
        let school = school.clone();
        move || png(&school, 1000)
    })
    .join()
    .unwrap();
    // Warm this thread's cache with other schools at sizes a hair apart
    // (the glyphs' sizes in 64ths of a pixel differ by one or two), then
    // draw the school again.
    for (other, width) in [
        ("obs-de-klimop.json", 999),
        ("brede-school-de-horizon.json", 1001),
        ("st-bernardusschool.json", 1003),
        ("obs-de-klimop.json", 1000),
    ] {
        png(&examples.join(other), width);
    }
    assert!(png(&school, 1000) == fresh, "the same school, other bytes");
}
