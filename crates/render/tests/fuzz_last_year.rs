//! Replays the corpora of the `partners` and `since` fuzz targets
//! (`fuzz/corpus/partners`, `fuzz/corpus/since`) through the same checks
//! as the targets (`support/last_year.rs`), in plain `cargo test`.

#![allow(missing_docs, clippy::unwrap_used)]

use std::path::Path;

#[path = "support/last_year.rs"]
mod last_year;

fn corpus(name: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus")
        .join(name);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    files.iter().map(|f| std::fs::read(f).unwrap()).collect()
}

#[test]
fn the_partners_corpus_replays() {
    let inputs = corpus("partners");
    assert!(inputs.len() >= 5);
    let read = inputs
        .iter()
        .filter(|d| last_year::partners_case(d))
        .count();
    // The seeds hold good lists as well as broken ones.
    assert!(
        read >= 1 && read < inputs.len(),
        "{read} of {}",
        inputs.len()
    );
}

#[test]
fn the_since_corpus_replays() {
    let this = last_year::this_year();
    let inputs = corpus("since");
    assert!(inputs.len() >= 4);
    let read = inputs
        .iter()
        .filter(|d| last_year::since_case(d, &this))
        .count();
    assert!(read >= 2, "{read} of {}", inputs.len());
}
