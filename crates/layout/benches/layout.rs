//! Layout alone (parse excluded) for schools of 10, 50 and 200 members.
//! Run: `cargo bench -p cirkel-layout`. Figures are quoted in README.md.

#![allow(missing_docs, clippy::unwrap_used)]

use cirkel_core::{Kernteam, ParseOptions, parse};
use cirkel_layout::{LayoutOptions, layout};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

const ROLES: [&str; 12] = [
    "intern-begeleider",
    "directeur",
    "cjg-coach",
    "jeugdarts",
    "jgz-verpleegkundige",
    "leerplichtambtenaar",
    "onderwijsconsulent",
    "schoolmaatschappelijk-werker",
    "wijkteam",
    "veilig-thuis",
    "huisarts",
    "orthopedagoog",
];
const NAMES: [&str; 8] = [
    "Maaike van Lieren",
    "Sanne Bakker",
    "Mehmet Yilmaz",
    "Floor Oostendorp",
    "Karin Dekker",
    "Joost Smit",
    "Fatima El Amrani",
    "Lotte Visser",
];

/// A school of `n` members, the same every run: roles from the catalogue
/// (with their default organisation and expertise), names, three rings.
pub fn school(n: usize) -> Kernteam {
    let members: Vec<String> = (0..n)
        .map(|i| {
            let role = ROLES[(i * 7) % ROLES.len()];
            let ring = ["school", "kernteam", "netwerk"][(i * 5 / 3) % 3];
            format!(
                r#"{{"id": "m{i}", "role": "{role}", "name": "{}", "ring": "{ring}"}}"#,
                NAMES[i % NAMES.len()]
            )
        })
        .collect();
    let text = format!(
        r#"{{"school": {{"name": "Basisschool De Bench", "place": "Haarlem"}}, "members": [{}]}}"#,
        members.join(",")
    );
    parse(text.as_bytes(), &ParseOptions::default())
        .unwrap()
        .kernteam
}

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
