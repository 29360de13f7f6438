//! Replays the workbook fuzzing corpus (`fuzz/corpus/sheets`) through the
//! fuzz target's own case (`fuzz/fuzz_targets/sheets_case.rs`), so every
//! input the fuzzer found interesting stays a regression test in plain
//! `cargo test`, without a fuzzer.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

#[path = "../../../fuzz/fuzz_targets/sheets_case.rs"]
mod case;

#[test]
fn the_fuzz_corpus_reads_safely() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/sheets");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    assert!(files.len() >= 10, "{} files", files.len());
    let (mut failed, mut valid) = (Vec::new(), 0);
    for file in &files {
        let data = std::fs::read(file).unwrap();
        match std::panic::catch_unwind(|| case::check(&data)) {
            Ok(n) => valid += n,
            Err(_) => failed.push(file.display().to_string()),
        }
    }
    assert!(failed.is_empty(), "corpus files that fail: {failed:?}");
    // The seeds (the examples, the template) are valid schools.
    assert!(valid >= 8, "only {valid} schools went there and back");
}
