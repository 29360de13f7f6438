//! The circle in words is a format like the pictures: `draw` with
//! `Format::Text` or `Format::Markdown` gives what `cirkel describe` gives,
//! with the privacy level applied in the same one place.

#![allow(missing_docs, clippy::unwrap_used)]

use std::path::Path;

use cirkel::{DrawOptions, Format, Privacy, draw_file};

fn example() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/st-bernardusschool.json")
}

#[test]
fn the_description_is_a_format_with_the_privacy_level_applied() {
    let describe = |format, privacy| {
        let options = DrawOptions {
            format,
            privacy,
            ..DrawOptions::default()
        };
        String::from_utf8(draw_file(&example(), &options).unwrap().bytes).unwrap()
    };
    let committed = |name: &str| {
        std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../examples/describe")
                .join(name),
        )
        .unwrap()
    };
    assert_eq!(
        describe(Format::Text, Privacy::Full),
        committed("st-bernardusschool.nl.txt")
    );
    assert_eq!(
        describe(Format::Markdown, Privacy::Full),
        committed("st-bernardusschool.nl.md")
    );
    let full = describe(Format::Text, Privacy::Full);
    assert!(full.contains("Maaike van Lieren") && full.contains("ib@example.nl"));
    let names = describe(Format::Text, Privacy::Names);
    assert!(names.contains("Maaike van Lieren") && !names.contains("ib@example.nl"));
    let roles = describe(Format::Markdown, Privacy::Roles);
    assert!(!roles.contains("Maaike") && !roles.contains("ib@example.nl"));
    assert_eq!(Format::Text.extension(), "txt");
    assert!(Format::Markdown.is_words() && !Format::Pdf.is_words());
}
