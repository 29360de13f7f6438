#![allow(missing_docs, clippy::unwrap_used)]
//! The quality bars of docs/CONTRACTS.md (1–5, 7, 8) on the shipped examples and on
//! generated schools of 1 to 25 members.

use cirkel_core::{Kernteam, ParseOptions, parse};
use cirkel_layout::{LayoutOptions, check_layout, check_names, layout};

fn load(path: &str) -> Kernteam {
    let bytes = std::fs::read(path).unwrap();
    let base = std::path::Path::new(path).parent().map(|p| p.to_path_buf());
    parse(
        &bytes,
        &ParseOptions {
            base_dir: base,
            ..Default::default()
        },
    )
    .unwrap()
    .kernteam
}

fn assert_bars(k: &Kernteam, what: &str) {
    let options = LayoutOptions::default();
    let l = layout(k, &options).unwrap_or_else(|e| panic!("{what}: {e}"));
    let mut problems = check_layout(&l, options.fonts.minimum);
    problems.extend(check_names(&l, k, &options));
    assert!(problems.is_empty(), "{what}:\n{}", problems.join("\n"));
    assert_eq!(
        l.nodes.len(),
        k.members.len(),
        "{what}: every member exactly once"
    );
    for m in &k.members {
        assert_eq!(
            l.nodes.iter().filter(|n| n.id == m.id).count(),
            1,
            "{what}: {}",
            m.id
        );
    }
}

/// The example inputs (`examples/*.json` without the golden layouts), sorted.
fn example_inputs() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
    let mut inputs: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".json") && !p.ends_with(".layout.json"))
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty());
    inputs
}

#[test]
fn examples_hold_the_bars() {
    for p in example_inputs() {
        assert_bars(&load(&p), &p);
    }
}

/// Golden files: the layout JSON of every example, as `cirkel layout` prints
/// it, is committed; a change in geometry shows up as a reviewable diff.
/// Regenerate with `scripts/regenerate-examples.sh`.
#[test]
fn layout_json_matches_the_golden_files() {
    let mut stale = Vec::new();
    for name in example_inputs() {
        let l = layout(&load(&name), &LayoutOptions::default()).unwrap();
        let fresh = serde_json::to_string_pretty(&l).unwrap() + "\n";
        let golden_path = name.replace(".json", ".layout.json");
        if std::fs::read_to_string(&golden_path).unwrap_or_default() != fresh {
            stale.push(golden_path);
        }
    }
    assert!(
        stale.is_empty(),
        "stale golden layouts (run scripts/regenerate-examples.sh): {stale:?}"
    );
}

#[test]
fn layout_is_deterministic() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/st-bernardusschool.json"
    );
    let k = load(path);
    let a = serde_json::to_string(&layout(&k, &LayoutOptions::default()).unwrap()).unwrap();
    let b = serde_json::to_string(&layout(&k, &LayoutOptions::default()).unwrap()).unwrap();
    assert_eq!(a, b);
    assert!(!a.contains("-0.0") && !a.contains("NaN"));
}

/// A small deterministic generator (no extra crates): xorshift.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "Jeugdgezondheidszorg",
    "leerplichtambtenaar",
    "schoolmaatschappelijk",
    "werker",
    "Centrum",
    "voor",
    "Jeugd",
    "en",
    "Gezin",
    "Zuid-Kennemerland",
    "Ærøskøbing",
    "José",
    "Çelik",
    "van",
    "der",
    "Meulen-Oostendorp",
    "onderwijsconsulent",
    "ä",
    "x",
    "kinderbeschermingsmaatregel",
    "Nguyễn",
    "Đặng",
];

fn words(rng: &mut Rng, max_chars: usize) -> String {
    let mut s = String::new();
    let n = 1 + rng.below(6);
    for _ in 0..n {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(WORDS[rng.below(WORDS.len())]);
    }
    s.chars()
        .take(max_chars.max(1))
        .collect::<String>()
        .trim()
        .to_string()
}

fn generated_school(seed: u64, members: usize) -> String {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let domains = [
        "onderwijs",
        "samenwerkingsverband",
        "jeugdhulp",
        "gezondheid",
        "leerplicht",
        "veiligheid",
        "overig",
    ];
    let ring_count = 1 + rng.below(5);
    let rings: Vec<String> = (0..ring_count)
        .map(|i| format!(r#"{{"id": "r{i}", "label": "{}"}}"#, words(&mut rng, 40)))
        .collect();
    let roles = [
        "cjg-coach",
        "jeugdarts",
        "intern-begeleider",
        "veilig-thuis",
        "wijkagent",
        "onderwijsconsulent",
    ];
    let mut ms = Vec::new();
    for i in 0..members {
        let mut fields = vec![format!(r#""id": "m{i}""#)];
        if rng.below(2) == 0 {
            fields.push(format!(r#""role": "{}""#, roles[rng.below(roles.len())]));
        } else {
            fields.push(format!(r#""role": "{}""#, words(&mut rng, 60)));
            fields.push(format!(
                r#""domain": "{}""#,
                domains[rng.below(domains.len())]
            ));
        }
        if rng.below(3) > 0 {
            let max = 1 + rng.below(120);
            fields.push(format!(r#""name": "{}""#, words(&mut rng, max)));
        }
        if rng.below(2) == 0 {
            fields.push(format!(r#""organisation": "{}""#, words(&mut rng, 80)));
        }
        if rng.below(4) == 0 {
            fields.push(format!(r#""availability": "{}""#, words(&mut rng, 40)));
        }
        fields.push(format!(r#""ring": "r{}""#, rng.below(ring_count)));
        ms.push(format!("{{{}}}", fields.join(", ")));
    }
    let ties = ["strong", "normal", "tenuous", "stressful"];
    let ms: Vec<String> = ms
        .into_iter()
        .map(|m| {
            format!(
                r#"{}, "tie": "{}"}}"#,
                &m[..m.len() - 1],
                ties[rng.below(4)]
            )
        })
        .collect();
    let mut routes = Vec::new();
    for r in 0..rng.below(7) {
        let pick = |rng: &mut Rng, count: usize| -> Vec<String> {
            (0..count)
                .map(|_| format!(r#""m{}""#, rng.below(members)))
                .collect()
        };
        let (n_steps, n_escalation) = (1 + rng.below(4), rng.below(3));
        let steps = pick(&mut rng, n_steps);
        let escalation = pick(&mut rng, n_escalation);
        routes.push(format!(
            r#"{{"id": "r{r}", "question": "{}", "steps": [{}], "escalation": [{}]}}"#,
            words(&mut rng, 50),
            steps.join(", "),
            escalation.join(", ")
        ));
    }
    format!(
        r#"{{"school": {{"name": "{}"}}, "rings": [{}], "members": [{}], "routes": [{}]}}"#,
        words(&mut rng, 60),
        rings.join(", "),
        ms.join(", "),
        routes.join(", ")
    )
}

#[test]
fn generated_schools_up_to_25_members_hold_the_bars() {
    for seed in 1..=120u64 {
        let members = 1 + (seed as usize * 7) % 25;
        let text = generated_school(seed, members);
        let parsed = parse(text.as_bytes(), &ParseOptions::default())
            .unwrap_or_else(|e| panic!("seed {seed}: {e}\n{text}"));
        assert_bars(
            &parsed.kernteam,
            &format!("seed {seed} ({members} members)\n{text}"),
        );
    }
}

#[test]
fn a_school_without_members_still_lays_out() {
    let parsed = parse(br#"{"school": {"name": "Leeg"}}"#, &ParseOptions::default()).unwrap();
    assert_bars(&parsed.kernteam, "no members");
}

#[test]
fn route_legs_avoid_the_cards_they_do_not_visit() {
    let k = load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/st-bernardusschool.json"
    ));
    let options = LayoutOptions::default();
    let l = layout(&k, &options).unwrap();
    // Every route of the interview is drawn, leg by leg, with an arrowhead.
    let ids: Vec<&str> = l.routes.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        ["opvoedvragen", "gedrag", "verzuim", "passend-onderwijs"]
    );
    let gedrag = &l.routes[1];
    let legs: Vec<(Option<&str>, &str, bool)> = gedrag
        .legs
        .iter()
        .map(|g| (g.from.as_deref(), g.to.as_str(), g.escalation))
        .collect();
    assert_eq!(
        legs,
        [
            (None, "ib-onderbouw", false),
            (Some("ib-onderbouw"), "cjg", false),
            (Some("cjg"), "veilig-thuis", true),
            (Some("veilig-thuis"), "beschermtafel", true),
        ]
    );
    assert!(gedrag.escalation_path.to_string().starts_with('M'));
    // Each leg ends on the border of the card it leads to (within a pixel:
    // a leg's last point keeps its grid circle's radius when it lies within
    // a pixel of it, so an arc stays an arc).
    for r in &l.routes {
        for leg in &r.legs {
            let to = l.nodes.iter().find(|n| n.id == leg.to).unwrap().rect();
            let d = to.distance_to(leg.arrow.x, leg.arrow.y);
            let inside = leg.arrow.x > to.x + 0.5
                && leg.arrow.x < to.right() - 0.5
                && leg.arrow.y > to.y + 0.5
                && leg.arrow.y < to.bottom() - 0.5;
            assert!(
                d < 1.0 && !inside,
                "{} → {}: arrow tip {d} px off",
                r.id,
                leg.to
            );
        }
    }
    assert!(check_layout(&l, options.fonts.minimum).is_empty());

    // The check is real: a leg pushed through a card it does not visit fails.
    let mut broken = l.clone();
    let victim = broken
        .nodes
        .iter()
        .find(|n| n.id == "directeur")
        .unwrap()
        .clone();
    let leg = &mut broken.routes[0].legs[1];
    leg.path.line_to(victim.x, victim.y);
    let problems = check_layout(&broken, options.fonts.minimum);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("crosses node directeur")),
        "{problems:?}"
    );
}

#[test]
fn the_checks_of_bars_7_and_8_catch_what_they_guard() {
    let k = load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/st-bernardusschool.json"
    ));
    let options = LayoutOptions::default();
    let l = layout(&k, &options).unwrap();
    assert!(check_layout(&l, options.fonts.minimum).is_empty());
    assert!(check_names(&l, &k, &options).is_empty());
    // A ring without its label.
    let mut unlabelled = l.clone();
    unlabelled.rings[1].label = None;
    let p = check_layout(&unlabelled, options.fonts.minimum);
    assert!(p.iter().any(|p| p.contains("has no label")), "{p:?}");
    // A card moved 10 px across its band's line: outwards for every card
    // (along the line from the centre through its own centre, so it stays
    // clear of the others in its ring), inwards for every card of an
    // outer ring.
    let (cx, cy) = (l.centre.x, l.centre.y);
    for (i, n) in l.nodes.iter().enumerate() {
        let ring = l.rings.iter().find(|r| r.id == n.ring).unwrap();
        let (dx, dy) = (n.x - cx, n.y - cy);
        let d = cirkel_layout::hypot(dx, dy);
        let corner = n
            .rect()
            .corners()
            .map(|(x, y)| cirkel_layout::hypot(x - cx, y - cy));
        let far = corner.iter().copied().fold(0.0, f64::max);
        let mut moves = vec![("outer", ring.outer_radius - far + 10.0)];
        if ring.inner_radius > l.centre.radius {
            let near = n.rect().distance_to(cx, cy);
            moves.push(("inner", ring.inner_radius - near - 10.0));
        }
        for (line, by) in moves {
            let mut moved = l.clone();
            let m = &mut moved.nodes[i];
            // Moving along the radius by `by` moves the nearest point and
            // the farthest corner by about as much (a little less): step
            // until the card is 10 px over.
            let mut step = by;
            loop {
                m.x = n.x + dx / d * step;
                m.y = n.y + dy / d * step;
                let r = m.rect();
                let over = if line == "outer" {
                    r.corners()
                        .map(|(x, y)| cirkel_layout::hypot(x - cx, y - cy))
                        .into_iter()
                        .fold(0.0, f64::max)
                        - ring.outer_radius
                } else {
                    ring.inner_radius - r.distance_to(cx, cy)
                };
                if over >= 10.0 || step.abs() > 1000.0 {
                    break;
                }
                step += by.signum();
            }
            let p = check_layout(&moved, options.fonts.minimum);
            assert!(
                p.iter().any(|p| p.contains(&format!(
                    "card {} crosses the {line} line of ring {}",
                    n.id, n.ring
                ))),
                "{} moved over its band's {line} line: {p:?}",
                n.id
            );
        }
    }
    // The untouched layout holds bar 7 with room to spare: every card at
    // least a few px inside its band.
    for n in &l.nodes {
        let ring = l.rings.iter().find(|r| r.id == n.ring).unwrap();
        let r = n.rect();
        let far = r
            .corners()
            .map(|(x, y)| cirkel_layout::hypot(x - cx, y - cy))
            .into_iter()
            .fold(0.0, f64::max);
        assert!(far <= ring.outer_radius - 4.0, "{}: {far}", n.id);
        assert!(r.distance_to(cx, cy) >= ring.inner_radius + 4.0, "{}", n.id);
    }
    // All labels at one angle.
    let mut stacked = l.clone();
    let (cx, cy) = (stacked.centre.x, stacked.centre.y);
    for r in &mut stacked.rings {
        let rect = r.label.as_ref().unwrap().rect;
        let (w, h) = (rect.width, rect.height);
        r.label.as_mut().unwrap().rect = cirkel_layout::Rect::centred(cx, cy + r.radius, w, h);
    }
    let p = check_layout(&stacked, options.fonts.minimum);
    assert!(p.iter().any(|p| p.contains("stacked")), "{p:?}");
    // A name hyphenated where it has no hyphen.
    let mut hyphenated = l.clone();
    let name = hyphenated.nodes[0]
        .text
        .iter_mut()
        .find(|t| t.role == cirkel_layout::TextRole::Name)
        .unwrap();
    name.text = "Maaike van Lie-".into();
    let p = check_names(&hyphenated, &k, &options);
    assert!(p.iter().any(|p| p.contains("broken")), "{p:?}");
}

#[test]
fn names_and_schools_stay_whole_and_compounds_break_at_their_seams() {
    let text = r#"{ "school": { "name": "OBS De Wilgen", "place": "Heemskerk" },
      "members": [
        { "id": "a", "role": "Raad voor de Kinderbescherming", "name": "Aysel Özdemir-Çelik van der Westhuizen-Bakker" },
        { "id": "b", "role": "jgz-verpleegkundige", "name": "Jan" } ] }"#;
    let k = parse(text.as_bytes(), &ParseOptions::default())
        .unwrap()
        .kernteam;
    let options = LayoutOptions::default();
    let l = layout(&k, &options).unwrap();
    assert!(check_names(&l, &k, &options).is_empty());
    let centre: Vec<&str> = l.centre.text.iter().map(|t| t.text.as_str()).collect();
    assert!(centre.iter().all(|t| !t.ends_with('-')), "{centre:?}");
    let role: Vec<&str> = l.nodes[0]
        .text
        .iter()
        .filter(|t| t.role == cirkel_layout::TextRole::Role)
        .map(|t| t.text.as_str())
        .collect();
    assert!(
        role.iter().all(|t| !t.ends_with("Kinderbe-")),
        "compound seam: {role:?}"
    );
}

/// A school whose first ring has nobody on it, with a ring label taller
/// than the room rings start with: the empty ring moves out until its
/// label's band clears the school, with and without last year's layout.
#[test]
fn a_previous_layout_with_an_empty_ring_and_its_label_slot_lays_out() {
    let text = r#"{ "school": { "name": "De Ark" },
      "rings": [ { "id": "leeg", "label": "Nog niemand hier" }, { "id": "buiten", "label": "Buiten" } ],
      "members": [
        { "id": "a", "role": "cjg-coach", "ring": "buiten" },
        { "id": "b", "role": "jeugdarts", "ring": "buiten" } ] }"#;
    let k = parse(text.as_bytes(), &ParseOptions::default())
        .unwrap()
        .kernteam;
    let mut options = LayoutOptions {
        ring_gap: 0.0,
        ..LayoutOptions::default()
    };
    options.fonts.ring_label = 29.0;
    let before = layout(&k, &options).unwrap();
    assert!(check_layout(&before, options.fonts.minimum).is_empty());
    let again = cirkel_layout::layout_with_previous(&k, &options, &before).unwrap();
    let problems = check_layout(&again, options.fonts.minimum);
    assert!(problems.is_empty(), "{problems:?}");
}
