//! The benchmark school: the same every run, for `layout` and `render`
//! benches (included with `#[path]`).

#![allow(clippy::unwrap_used)]

use cirkel_core::{Kernteam, ParseOptions, parse};

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
    // Four routes of two to four steps, and an escalation, as schools have.
    let routes: Vec<String> = (0..4.min(n))
        .map(|r| {
            let steps: Vec<String> = (0..(2 + r % 3).min(n))
                .map(|s| format!(r#""m{}""#, (r * 3 + s * 5) % n))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            format!(
                r#"{{"id": "route-{r}", "question": "Hulpvraag {r}", "steps": [{}], "escalation": ["m{}"]}}"#,
                steps.join(","),
                (r * 11 + 7) % n
            )
        })
        .collect();
    let text = format!(
        r#"{{"school": {{"name": "Basisschool De Bench", "place": "Haarlem"}}, "members": [{}], "routes": [{}]}}"#,
        members.join(","),
        routes.join(",")
    );
    parse(text.as_bytes(), &ParseOptions::default())
        .unwrap()
        .kernteam
}
