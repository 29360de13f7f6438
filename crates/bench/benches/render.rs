//! SVG writing and PNG rendering (the painter straight from the layout, then
//! the encoder) of the
//! benchmark school at 10, 50 and 200 members, 1600 px wide.
//! Run: `cargo bench -p cirkel-bench --features criterion --bench render`. Figures are quoted in README.md.

#![allow(missing_docs, clippy::unwrap_used)]

use cirkel::{PngOptions, SvgOptions, Theme, layout_to_png, to_svg};
use cirkel_layout::{LayoutOptions, layout};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

#[path = "support/school.rs"]
mod school;
use school::school;

fn bench_render(c: &mut Criterion) {
    let theme = Theme::default();
    let layouts: Vec<(usize, cirkel_layout::Layout)> = [10, 50, 200]
        .into_iter()
        .map(|n| (n, layout(&school(n), &LayoutOptions::default()).unwrap()))
        .collect();
    let mut svg = c.benchmark_group("svg");
    svg.sample_size(30);
    for (n, l) in &layouts {
        svg.bench_with_input(BenchmarkId::from_parameter(n), l, |b, l| {
            b.iter(|| to_svg(l, &theme, &SvgOptions::default()))
        });
    }
    svg.finish();
    let mut png = c.benchmark_group("png");
    png.sample_size(10);
    for (n, l) in &layouts {
        png.bench_with_input(BenchmarkId::from_parameter(n), l, |b, l| {
            b.iter(|| {
                layout_to_png(
                    l,
                    &theme,
                    &SvgOptions::default(),
                    1600,
                    &PngOptions::default(),
                )
                .unwrap()
            })
        });
    }
    png.finish();
}

criterion_group!(benches, bench_render);
criterion_main!(benches);
