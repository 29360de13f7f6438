//! Replays the fuzzing corpus (`fuzz/corpus/pipeline`, minimised with
//! `cargo fuzz cmin`) through the same checks as the fuzz target, so every
//! input the fuzzer found interesting stays a regression test in plain
//! `cargo test`, without a fuzzer.

#![allow(missing_docs, clippy::unwrap_used)]

use std::path::Path;

use cirkel_core::{ParseOptions, parse};
use cirkel_layout::{LayoutOptions, check_layout, layout};
use cirkel_render::{
    PdfOptions, SvgOptions, Theme, svg_safety_problems, svg_to_png, to_pdf, to_svg,
};

/// The corpus is replayed in this many parts, so the test harness runs
/// them on every core.
const PARTS: usize = 6;

/// Replays every `PARTS`-th corpus file, starting at `part`.
fn replay(part: usize) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/pipeline");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    assert!(files.len() > PARTS);
    let (mut laid_out, mut refused) = (0, 0);
    for file in files.iter().skip(part).step_by(PARTS) {
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
            let description = cirkel_layout::describe_blocks(
                &parsed.kernteam,
                cirkel_layout::DescribeFormat::Text,
            );
            let pdf = PdfOptions {
                description: Some(description),
                ..PdfOptions::default()
            };
            to_pdf(&geometry, &Theme::default(), &pdf).expect("PDF");
            true
        });
        match result {
            Ok(true) => laid_out += 1,
            Ok(false) => refused += 1,
            Err(_) => panic!("{} fails the pipeline checks", file.display()),
        }
    }
    eprintln!("part {part} of the corpus: {laid_out} drawn, {refused} refused");
}

#[test]
fn fuzz_corpus_part_1() {
    replay(0);
}

#[test]
fn fuzz_corpus_part_2() {
    replay(1);
}

#[test]
fn fuzz_corpus_part_3() {
    replay(2);
}

#[test]
fn fuzz_corpus_part_4() {
    replay(3);
}

#[test]
fn fuzz_corpus_part_5() {
    replay(4);
}

#[test]
fn fuzz_corpus_part_6() {
    replay(5);
}
