//! Layout alone (parse excluded) for schools of 10, 50 and 200 members,
//! with four routes.
//! Run: `cargo bench -p cirkel-bench --features criterion --bench layout`. Figures are quoted in README.md.

#![allow(missing_docs, clippy::unwrap_used)]

use cirkel_layout::{LayoutOptions, layout};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

#[path = "support/school.rs"]
mod school;
use school::school;

fn bench_layout(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    group.sample_size(20);
    let options = LayoutOptions::default();
    for n in [10, 50, 200] {
        let k = school(n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &k, |b, k| {
            b.iter(|| layout(k, &options).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, bench_layout);
criterion_main!(benches);
