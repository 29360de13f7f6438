//! Replays the fuzzing corpus (`fuzz/corpus/pipeline`, minimised with
//! `cargo fuzz cmin`) through the same checks as the fuzz target, so every
//! input the fuzzer found interesting stays a regression test in plain
//! `cargo test`, without a fuzzer.

#![allow(missing_docs, clippy::unwrap_used)]

use std::path::Path;

use cirkel_core::{ParseOptions, parse};
use cirkel_layout::{LayoutOptions, check_layout, layout};
use cirkel_render::{SvgOptions, Theme, svg_safety_problems, svg_to_png, to_svg};

#[test]
fn fuzz_corpus_passes_the_pipeline_checks() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/pipeline");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let (mut laid_out, mut refused) = (0, 0);
    for file in &files {
        let data = std::fs::read(file).unwrap();
        let result = std::panic::catch_unwind(|| {
            let Ok(parsed) = parse(&data, &ParseOptions::default()) else {
                return false;
            };
            let options = LayoutOptions::default();
            let Ok(geometry) = layout(&parsed.kernteam, &options) else {
                return false;
            };
            let problems = check_layout(&geometry, options.fonts.minimum);
            assert!(problems.is_empty(), "{problems:?}");
            let svg = to_svg(&geometry, &Theme::default(), &SvgOptions::default());
            let problems = svg_safety_problems(&svg);
            assert!(problems.is_empty(), "{problems:?}");
            svg_to_png(&svg, 200).expect("renders");
            true
        });
        match result {
            Ok(true) => laid_out += 1,
            Ok(false) => refused += 1,
            Err(_) => panic!("{} fails the pipeline checks", file.display()),
        }
    }
    eprintln!(
        "{} corpus files: {laid_out} drawn, {refused} refused",
        files.len()
    );
}
