#![allow(missing_docs, clippy::unwrap_used)]
use cirkel_core::{ParseOptions, parse};
use cirkel_layout::{LayoutOptions, layout};
use cirkel_render::{PngOptions, SvgOptions, Theme};
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&args[1]).unwrap();
    let k = parse(&bytes, &ParseOptions::default()).unwrap().kernteam;
    let l = layout(&k, &LayoutOptions::default()).unwrap();
    let n: usize = args[2].parse().unwrap();
    let t = std::time::Instant::now();
    for _ in 0..n {
        let png = cirkel_render::layout_to_png(
            &l,
            &Theme::default(),
            &SvgOptions::default(),
            1600,
            &PngOptions::default(),
        )
        .unwrap();
        std::hint::black_box(png);
    }
    eprintln!(
        "{:.2} ms per picture",
        t.elapsed().as_secs_f64() * 1000.0 / n as f64
    );
}
