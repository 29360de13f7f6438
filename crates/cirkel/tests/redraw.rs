//! Drawing while a document is edited (`cirkel::redraw`, issue 34): the
//! circle stays put when the members are reordered, an edit is drawn on
//! the last picture only while that keeps the picture within
//! `ANCHOR_SLACK` of a fresh one, and the same inputs give the same bytes.

#![allow(missing_docs, clippy::unwrap_used)]

use cirkel::{ANCHOR_SLACK, DrawOptions, Layout, NoFiles, draw, redraw};
use serde_json::Value;

fn example() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/st-bernardusschool.json"
    );
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    // No photos: they would be read from the example's folder.
    for m in doc["members"].as_array_mut().unwrap() {
        m.as_object_mut().unwrap().remove("photo");
    }
    doc
}

fn bytes(doc: &Value) -> Vec<u8> {
    serde_json::to_vec(doc).unwrap()
}

/// Each member's card centre, by id.
fn places(l: &Layout) -> Vec<(String, i64, i64)> {
    let mut out: Vec<_> = l
        .nodes
        .iter()
        .map(|n| (n.id.clone(), n.x.round() as i64, n.y.round() as i64))
        .collect();
    out.sort();
    out
}

#[test]
fn reordering_the_members_moves_nobody() {
    let options = DrawOptions::default();
    let doc = example();
    let first = redraw(&bytes(&doc), &NoFiles, &options, None).unwrap();
    assert!(!first.anchored, "nothing to keep yet");
    let mut reordered = doc.clone();
    reordered["members"].as_array_mut().unwrap().reverse();
    // Afresh, the order of the list is the order around the circle ...
    let fresh = draw(&bytes(&reordered), &NoFiles, &options).unwrap();
    assert_ne!(places(&fresh.layout), places(&first.drawing.layout));
    // ... laid out on the last picture, nobody moves.
    let again = redraw(
        &bytes(&reordered),
        &NoFiles,
        &options,
        Some(&first.drawing.layout),
    )
    .unwrap();
    assert!(again.anchored);
    assert_eq!(places(&again.drawing.layout), places(&first.drawing.layout));
    // The same inputs, the same bytes.
    let twice = redraw(
        &bytes(&reordered),
        &NoFiles,
        &options,
        Some(&first.drawing.layout),
    )
    .unwrap();
    assert_eq!(twice.drawing.bytes, again.drawing.bytes);
}

#[test]
fn edit_by_edit_the_picture_never_grows_past_the_slack() {
    // Members added one at a time, as in the editor, each drawn on the last.
    let options = DrawOptions::default();
    let full = example();
    let all = full["members"].as_array().unwrap().clone();
    let mut last: Option<Layout> = None;
    let mut anchored = 0;
    for n in 1..=all.len() {
        let mut doc = full.clone();
        doc["members"] = Value::Array(all[..n].to_vec());
        // Routes may name members not added yet.
        doc.as_object_mut().unwrap().remove("routes");
        let shown = redraw(&bytes(&doc), &NoFiles, &options, last.as_ref()).unwrap();
        let fresh = draw(&bytes(&doc), &NoFiles, &options).unwrap();
        let side = |l: &Layout| l.width.max(l.height);
        assert!(
            side(&shown.drawing.layout) <= ANCHOR_SLACK * side(&fresh.layout) + 1e-9,
            "{n} members: {} against {} afresh",
            side(&shown.drawing.layout),
            side(&fresh.layout)
        );
        anchored += usize::from(shown.anchored);
        last = Some(shown.drawing.layout);
    }
    assert!(anchored > 0, "never drawn on the last picture");
}
