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
    let mut schools = Vec::new();
    for file in args {
        let Ok(bytes) = std::fs::read(&file) else {
            eprintln!("cannot read {file}");
            std::process::exit(1);
        };
        schools.push((file, bytes));
    }
    let formats = [Format::Svg, Format::Png, Format::Pdf];
    let options = |format| DrawOptions {
        format,
        size: Size::Width(1600),
        ..DrawOptions::default()
    };
    // Three rounds of every school in every format first, as the
    // WebAssembly side does (its engine optimises what gets hot): the
    // caches (fonts, shaped words, glyphs) are warm on both sides.
    for _ in 0..3 {
        for (_, bytes) in &schools {
            for format in formats {
                let _ = draw(bytes, &NoFiles, &options(format));
            }
        }
    }
    for (file, bytes) in &schools {
        for format in formats {
            let options = options(format);
            let mut times: Vec<f64> = (0..n)
                .map(|_| {
                    let start = Instant::now();
                    let drawn = draw(bytes, &NoFiles, &options);
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
