//! `cirkel diff LAST THIS` (issue 37): what changed since last year, for the
//! first kernteam meeting of the school year.

use super::*;

const LAST: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/vorig-jaar/st-bernardusschool.json"
);

#[test]
fn the_kennismaking_list_names_who_is_new_who_left_and_who_moved() {
    let out = cirkel_nl(&["diff", LAST, EXAMPLE], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = out.stdout_text();
    let section = |heading: &str| {
        let start = text
            .find(heading)
            .unwrap_or_else(|| panic!("{heading}: {text}"));
        let rest = &text[start + heading.len()..];
        let end = [
            "Nieuw in het kernteam\n",
            "Niet meer in het kernteam\n",
            "Verschoven\n",
        ]
        .iter()
        .filter_map(|h| rest.find(h))
        .min()
        .unwrap_or(rest.len());
        rest[..end].to_string()
    };
    // The CJG-coach replaced (same id, another name): the new one with her
    // expertise, availability and contact; the former one gone.
    let new = section("Nieuw in het kernteam");
    assert!(new.contains("CJG-coach: Sanne Bakker"), "{new}");
    assert!(new.contains("di-ochtend op school") && new.contains("s.bakker@cjg.example.nl"));
    // Partners invited: new, and new to the circle.
    assert_eq!(new.matches("Nieuw in de cirkel").count(), 2, "{new}");
    assert!(new.contains("Veilig Thuis") && new.contains("Beschermtafel"));
    let left = section("Niet meer in het kernteam");
    assert!(
        left.contains("Fatima el Amrani") && left.contains("Ria Janssen"),
        "{left}"
    );
    assert!(!left.contains("Sanne Bakker"));
    // A ring move and a tie change, in words.
    let moved = section("Verschoven");
    assert!(
        moved.contains("Mehmet Yilmaz")
            && moved.contains("dichter bij de school")
            && moved.contains("sterker geworden"),
        "{moved}"
    );
    // The same inputs, the same bytes; the committed example is current
    // (scripts/regenerate-examples.sh).
    assert_eq!(cirkel_nl(&["diff", LAST, EXAMPLE], None).stdout, out.stdout);
    let committed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/describe/st-bernardusschool.sinds-vorig-jaar.nl.txt"
    );
    assert_eq!(std::fs::read_to_string(committed).unwrap(), text);
}

#[test]
fn at_privacy_roles_no_name_new_or_departed_is_in_any_byte() {
    for format in ["text", "markdown"] {
        let out = cirkel(
            &[
                "diff",
                LAST,
                EXAMPLE,
                "--privacy",
                "roles",
                "--format",
                format,
            ],
            None,
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        for name in [
            "Sanne",
            "Bakker",
            "Fatima",
            "Amrani",
            "Ria Janssen",
            "Mehmet",
            "Yilmaz",
        ] {
            assert!(
                !contains_bytes(&out.stdout, name),
                "{name} in the {format} output"
            );
        }
        assert!(out.stdout_text().contains("CJG-coach"));
    }
}

#[test]
fn renamed_ids_with_the_same_people_change_nothing() {
    let dir = scratch("since-renamed");
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    let renamed = text
        .replace("\"cjg\"", "\"cjg-sanne\"")
        .replace("\"Maaike van Lieren\"", "\"maaike  VAN lieren\"");
    let file = dir.join("renamed.json");
    std::fs::write(&file, renamed).unwrap();
    let out = cirkel_nl(&["diff", EXAMPLE, &file.to_string_lossy()], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout_text().contains("hetzelfde als vorig jaar"),
        "{}",
        out.stdout_text()
    );
}

fn contains_bytes(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}
