//! The whole pipeline on arbitrary bytes: parse → validate → layout → SVG →
//! PNG (small), and → PDF. Properties: no panic; every layout holds the
//! quality bars; every SVG is well-formed XML without active content or
//! links; usvg accepts it and it renders; the PDF is written (krilla's
//! PDF/UA-1 check passes).

#![no_main]

use cirkel_core::{ParseOptions, parse};
use cirkel_layout::{LayoutOptions, check_layout, layout};
use cirkel_render::{PdfOptions, SvgOptions, Theme, svg_safety_problems, svg_to_png, to_pdf, to_svg};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(parsed) = parse(data, &ParseOptions::default()) else {
        return;
    };
    let options = LayoutOptions::default();
    let Ok(geometry) = layout(&parsed.kernteam, &options) else {
        return;
    };
    let problems = check_layout(&geometry, options.fonts.minimum);
    assert!(problems.is_empty(), "quality bars: {problems:?}");
    let svg = to_svg(&geometry, &Theme::default(), &SvgOptions::default());
    let unsafe_parts = svg_safety_problems(&svg);
    assert!(unsafe_parts.is_empty(), "{unsafe_parts:?}");
    svg_to_png(&svg, 200).expect("renders");
    let description = cirkel_layout::describe_blocks(&parsed.kernteam, cirkel_layout::DescribeFormat::Text);
    let pdf = PdfOptions {
        description: Some(description),
        ..PdfOptions::default()
    };
    to_pdf(&geometry, &Theme::default(), &pdf).expect("PDF");
});
