//! The PNG painter alone, in a loop, for a profiler (`perf record`,
//! `valgrind --tool=callgrind`): lays FILE out once, then paints and
//! encodes it N times at 1600 px on one thread (its glyph cache and canvas
//! memory warm, as in a batch) and prints the mean time per picture.
//! `cargo run --release -p cirkel-render --example paintloop -- FILE N`
//! (a profiling aid; the benchmarks in `crates/bench` are the reference).

#![allow(missing_docs, clippy::unwrap_used)]
use cirkel_core::{ParseOptions, parse};
use cirkel_layout::{LayoutOptions, layout};
use cirkel_render::{PngOptions, SvgOptions, Theme};
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(file), Some(n)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: paintloop FILE N");
        std::process::exit(2);
    };
    let bytes = std::fs::read(file).unwrap();
    let k = parse(&bytes, &ParseOptions::default()).unwrap().kernteam;
    let l = layout(&k, &LayoutOptions::default()).unwrap();
    let n: usize = n.parse().unwrap();
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
