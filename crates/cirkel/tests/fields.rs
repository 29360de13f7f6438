//! Every field of a member that a privacy level leaves out (the list of
//! fields, `cirkel_core::MemberField`, says which) is in no byte of any
//! output at that level, and every field it keeps is still shown. A field
//! added to the list needs its case here (the `match` is exhaustive).

#![allow(missing_docs)]

use cirkel::{DrawOptions, Format, Kept, MemberField, NoFiles, Privacy, draw};

/// A value for each field, unlike anything else in the picture, and the
/// text it shows as (None: a field shown as a choice or a picture).
fn marker(field: MemberField) -> (serde_json::Value, Option<&'static str>) {
    use serde_json::json;
    match field {
        MemberField::Id => (json!("zyx-ident"), Some("zyx-ident")),
        MemberField::Role => (json!("Zyxrol"), Some("Zyxrol")),
        MemberField::Name => (json!("Zyxnaam Qwerty"), Some("Zyxnaam")),
        MemberField::Organisation => (json!("Zyxorganisatie"), Some("Zyxorganisatie")),
        MemberField::Ring => (json!("kernteam"), None),
        MemberField::Domain => (json!("jeugdhulp"), None),
        MemberField::Expertise => (json!(["Zyxexpertise"]), Some("Zyxexpertise")),
        MemberField::Availability => (json!("Zyxdinsdag"), Some("Zyxdinsdag")),
        MemberField::Tie => (json!("strong"), None),
        MemberField::Email => (json!("zyxmail@example.nl"), Some("zyxmail")),
        MemberField::Phone => (json!("023 987 6543"), Some("987 6543")),
        MemberField::Website => (json!("https://zyxsite.example.nl"), Some("zyxsite")),
        // A photo is checked by its embedding, below.
        MemberField::Photo => (serde_json::Value::Null, None),
        // A reference to a partner list, shown nowhere (its fields are the
        // member's): checked with a list in tests/cli/partners.rs.
        MemberField::Partner => (serde_json::Value::Null, None),
    }
}

fn school() -> Vec<u8> {
    let mut member = serde_json::Map::new();
    let mut contact = serde_json::Map::new();
    for field in MemberField::ALL {
        let (value, _) = marker(field);
        if value.is_null() {
            continue;
        }
        match field.key().strip_prefix("contact.") {
            Some(key) => contact.insert(key.to_string(), value),
            None => member.insert(field.key().to_string(), value),
        };
    }
    member.insert("contact".into(), contact.into());
    let doc = serde_json::json!({
        "version": 1,
        "school": { "name": "OBS De Proef" },
        "members": [ member, { "id": "ib", "role": "intern-begeleider" } ],
        "routes": [ { "question": "Zorg", "steps": ["ib", "zyx-ident"] } ],
    });
    serde_json::to_vec(&doc).unwrap_or_default()
}

#[test]
fn each_privacy_level_shows_exactly_what_the_list_of_fields_keeps() {
    let input = school();
    for privacy in [Privacy::Full, Privacy::Names, Privacy::Roles] {
        let outputs: Vec<(Format, String)> = [Format::Svg, Format::Text, Format::Markdown]
            .into_iter()
            .map(|format| {
                let options = DrawOptions {
                    format,
                    privacy,
                    ..DrawOptions::default()
                };
                let drawn = draw(&input, &NoFiles, &options).expect("draws");
                (format, String::from_utf8(drawn.bytes).unwrap())
            })
            .collect();
        for field in MemberField::ALL {
            let (_, Some(text)) = marker(field) else {
                continue;
            };
            let kept = field.kept(privacy);
            for (format, out) in &outputs {
                // The description lists no ids.
                if field == MemberField::Id && *format != Format::Svg {
                    continue;
                }
                let shown = out.contains(text);
                assert_eq!(
                    shown,
                    kept == Kept::Yes,
                    "{} at {privacy:?} in {format:?}: {}",
                    field.key(),
                    if shown { "shown" } else { "missing" }
                );
            }
        }
    }
}
