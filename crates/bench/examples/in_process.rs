//! The native side of the WebAssembly comparison (scripts/compare-web.sh):
//! draws the same schools as web/bench.mjs, in process, and prints the
//! median of N runs per school and format as JSON lines.
//!   cargo run --release -p cirkel-bench --example in_process -- N FILE...

#![allow(missing_docs)]

use std::time::Instant;

use cirkel::{DrawOptions, Format, NoFiles, Size, draw};

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(15);
    for file in args {
        let Ok(bytes) = std::fs::read(&file) else {
            eprintln!("cannot read {file}");
            std::process::exit(1);
        };
        for (format, width) in [
            (Format::Svg, 1600),
            (Format::Png, 1600),
            (Format::Pdf, 1600),
        ] {
            let options = DrawOptions {
                format,
                size: Size::Width(width),
                ..DrawOptions::default()
            };
            let mut times: Vec<f64> = (0..n)
                .map(|_| {
                    let start = Instant::now();
                    let drawn = draw(&bytes, &NoFiles, &options);
                    let ms = start.elapsed().as_secs_f64() * 1000.0;
                    assert!(drawn.is_ok(), "{file} does not draw");
                    ms
                })
                .collect();
            times.sort_by(f64::total_cmp);
            println!(
                "{{\"file\":\"{file}\",\"format\":\"{}\",\"median_ms\":{:.1}}}",
                format.extension(),
                times[n / 2]
            );
        }
    }
}
