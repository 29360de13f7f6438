//! `describe` snapshots: the committed files under `examples/describe/` must
//! be what the code writes today, in both languages and both formats.
//! Regenerate with `scripts/regenerate-examples.sh`.

#![allow(missing_docs, clippy::unwrap_used)]

use std::path::Path;

use cirkel_core::{Lang, ParseOptions, Privacy, parse};
use cirkel_layout::{DescribeFormat, describe};

fn load(name: &str, lang: Lang) -> cirkel_core::Kernteam {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let bytes = std::fs::read(dir.join(format!("{name}.json"))).unwrap();
    let options = ParseOptions {
        lang,
        base_dir: Some(dir),
        partners: None,
    };
    parse(&bytes, &options).unwrap().kernteam
}

#[test]
fn describe_matches_the_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/describe");
    let mut stale = Vec::new();
    for name in ["st-bernardusschool", "brede-school-de-horizon"] {
        for (lang, key) in [(Lang::Nl, "nl"), (Lang::En, "en")] {
            let k = load(name, lang);
            for (format, ext) in [
                (DescribeFormat::Text, "txt"),
                (DescribeFormat::Markdown, "md"),
            ] {
                let file = dir.join(format!("{name}.{key}.{ext}"));
                let want = std::fs::read_to_string(&file).unwrap_or_default();
                if describe(&k, format) != want {
                    stale.push(file.display().to_string());
                }
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale describe snapshots (run scripts/regenerate-examples.sh and review the diff):\n{}",
        stale.join("\n")
    );
}

#[test]
fn describe_answers_the_four_questions() {
    let k = load("st-bernardusschool", Lang::Nl);
    let text = describe(&k, DescribeFormat::Text);
    for want in [
        "Ring 1: In de school",
        "Intern begeleider: Maaike van Lieren, IB onderbouw",
        "Bereikbaar: ma, di en do",
        "Expertise in huis",
        "verzuim: Leerplichtambtenaar",
        "3. Verzuim, te laat komen, ongeoorloofde afwezigheid: eerst Intern begeleider (Joost Smit), dan Leerplichtambtenaar (Mehmet Yilmaz).",
        "Lukt het niet, dan opschalen naar: Veilig Thuis en dan Beschermtafel.",
        "Zo blijven we elkaar vinden",
        "oktober: Kennismaken met nieuwe leden van de partners",
        "De samenwerking is zwak en vraagt aandacht.",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
    let en = describe(&load("st-bernardusschool", Lang::En), DescribeFormat::Text);
    assert!(en.contains("Routes: whom to approach for what"));
    assert!(en.contains("How we keep finding each other"));
}

#[test]
fn markdown_escapes_user_text() {
    let input = br##"{ "school": { "name": "[klik](javascript:alert(1)) <b>*x*</b>" },
        "members": [ { "id": "a", "role": "cjg-coach", "name": "# Kop & _nadruk_" } ],
        "routes": [ { "question": "`code` | tabel", "steps": ["a"] } ] }"##;
    let k = parse(input, &ParseOptions::default()).unwrap().kernteam;
    let md = describe(&k, DescribeFormat::Markdown);
    assert!(
        md.contains(r"\[klik\](javascript:alert(1)) \<b\>\*x\*\</b\>"),
        "{md}"
    );
    assert!(md.contains(r"\# Kop \& \_nadruk\_"), "{md}");
    assert!(md.contains(r"\`code\` \| tabel"), "{md}");
    assert!(!md.contains("<b>"));
}

#[test]
fn describe_respects_privacy() {
    let k = load("st-bernardusschool", Lang::Nl);
    let full = describe(&k, DescribeFormat::Text);
    assert!(full.contains("ib@example.nl") && full.contains("Maaike van Lieren"));
    let names = describe(&k.redacted(Privacy::Names), DescribeFormat::Text);
    assert!(!names.contains("ib@example.nl") && !names.contains("023 000 0000"));
    assert!(names.contains("Maaike van Lieren"));
    let roles = describe(&k.redacted(Privacy::Roles), DescribeFormat::Markdown);
    for m in &k.members {
        if let Some(n) = &m.name {
            assert!(!roles.contains(n.as_str()), "{n} survives");
        }
    }
    assert!(!roles.contains("ib@example.nl"));
    assert!(roles.contains("Intern begeleider"));
}
