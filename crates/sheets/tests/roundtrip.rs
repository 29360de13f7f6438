//! Converting back and forth changes nothing (docs/CONTRACTS.md "Spreadsheet
//! input"): generated documents of one school or many, written as .xlsx
//! and .ods and read back, are the same documents; and the workbook read
//! back, written again, gives the same bytes.

#![allow(missing_docs, clippy::unwrap_used)]

use cirkel_sheets::{SheetFormat, WriteOptions, read, write};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

/// Texts as people write them, with what a workbook could trip over:
/// bars, backslashes, a lone dash, formulas, quotes, markup, digits with a
/// leading zero, accents, inner line breaks and runs of spaces.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::string::string_regex("[A-Za-z0-9éïë'\"<>&=|\\\\ -]{1,24}").unwrap(),
        Just("-".to_string()),
        Just("=HYPERLINK(\"https://x.nl\")".to_string()),
        Just("0235551234".to_string()),
        Just("TRUE".to_string()),
        Just("a  b\nc\td".to_string()),
        Just("2025-2026".to_string()),
        Just("(eigen)".to_string()),
        Just("_x0041_".to_string()),
    ]
    .prop_filter("not blank", |s| !s.trim().is_empty())
}

/// List items: trimmed, not empty (the reader trims each item).
fn item() -> impl Strategy<Value = String> {
    text()
        .prop_map(|s| s.trim().to_string())
        .prop_filter("not empty", |s| !s.is_empty())
}

fn id() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-z][a-z0-9-]{0,8}").unwrap()
}

fn put(map: &mut Map<String, Value>, key: &str, v: Option<Value>) {
    if let Some(v) = v {
        map.insert(key.into(), v);
    }
}

fn member() -> impl Strategy<Value = Value> {
    let texts = (
        id(),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(id()),
        prop::option::of(text()),
        prop::option::of(text()),
    );
    let more = (
        prop::option::of(prop::collection::vec(item(), 0..4)),
        prop::option::of(prop::sample::select(vec![
            "strong",
            "normal",
            "tenuous",
            "stressful",
        ])),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
    );
    (texts, more).prop_map(
        |(
            (id, role, name, org, ring, domain, availability),
            (expertise, tie, email, phone, web),
        )| {
            let mut m = Map::new();
            m.insert("id".into(), Value::from(id));
            put(&mut m, "role", role.map(Value::from));
            put(&mut m, "name", name.map(Value::from));
            put(&mut m, "organisation", org.map(Value::from));
            put(&mut m, "ring", ring.map(Value::from));
            put(&mut m, "domain", domain.map(Value::from));
            put(&mut m, "expertise", expertise.map(Value::from));
            put(&mut m, "availability", availability.map(Value::from));
            put(&mut m, "tie", tie.map(Value::from));
            let mut contact = Map::new();
            put(&mut contact, "email", email.map(Value::from));
            put(&mut contact, "phone", phone.map(Value::from));
            put(&mut contact, "website", web.map(Value::from));
            if !contact.is_empty() {
                m.insert("contact".into(), Value::Object(contact));
            }
            Value::Object(m)
        },
    )
}

fn route() -> impl Strategy<Value = Value> {
    (
        prop::option::of(id()),
        prop::option::of(text()),
        prop::option::of(prop::collection::vec(id(), 0..4)),
        prop::option::of(prop::collection::vec(id(), 0..3)),
        prop::option::of(text()),
    )
        .prop_map(|(id, question, steps, escalation, note)| {
            let mut r = Map::new();
            put(&mut r, "id", id.map(Value::from));
            put(&mut r, "question", question.map(Value::from));
            put(&mut r, "steps", steps.map(Value::from));
            put(&mut r, "escalation", escalation.map(Value::from));
            put(&mut r, "note", note.map(Value::from));
            Value::Object(r)
        })
        .prop_filter("not empty", |r| {
            r.as_object().is_some_and(|o| !o.is_empty())
        })
}

fn school(name: String) -> impl Strategy<Value = Value> {
    (
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(prop::collection::vec((id(), text()), 1..4)),
        prop::collection::vec(member(), 0..6),
        prop::collection::vec(route(), 0..3),
        prop::collection::vec((text(), text()), 0..3),
    )
        .prop_map(
            move |(place, sector, title, year, rings, members, routes, meetings)| {
                let mut s = Map::new();
                s.insert("name".into(), Value::from(name.clone()));
                put(&mut s, "place", place.map(Value::from));
                put(&mut s, "sector", sector.map(Value::from));
                let mut d = Map::new();
                d.insert("school".into(), Value::Object(s));
                put(&mut d, "title", title.map(Value::from));
                put(&mut d, "school_year", year.map(Value::from));
                put(
                    &mut d,
                    "rings",
                    rings.map(|r| {
                        r.into_iter()
                            .map(|(id, label)| json!({"id": id, "label": label}))
                            .collect()
                    }),
                );
                if !members.is_empty() {
                    d.insert("members".into(), Value::from(members));
                }
                if !routes.is_empty() {
                    d.insert("routes".into(), Value::from(routes));
                }
                if !meetings.is_empty() {
                    let m: Vec<Value> = meetings
                        .into_iter()
                        .map(|(when, purpose)| json!({"when": when, "purpose": purpose}))
                        .collect();
                    d.insert("meetings".into(), Value::from(m));
                }
                Value::Object(d)
            },
        )
}

fn schools() -> impl Strategy<Value = Vec<Value>> {
    (1usize..4).prop_flat_map(|n| {
        (0..n)
            .map(|i| school(format!("School {i} de Ark")))
            .collect::<Vec<_>>()
    })
}

fn back_and_forth(docs: &[Value], format: SheetFormat) {
    let bytes = write(docs, format, &WriteOptions::default()).unwrap();
    let book = read(&bytes, format, "fallback");
    assert!(book.problems.0.is_empty(), "{}", book.problems);
    let got: Vec<&Value> = book.schools.iter().map(|s| &s.document).collect();
    assert_eq!(got, docs.iter().collect::<Vec<_>>());
    for s in &book.schools {
        assert!(s.problems.0.is_empty(), "{}", s.problems);
    }
    let again: Vec<Value> = book.schools.iter().map(|s| s.document.clone()).collect();
    assert_eq!(
        write(&again, format, &WriteOptions::default()).unwrap(),
        bytes
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn xlsx_back_and_forth_changes_nothing(docs in schools()) {
        back_and_forth(&docs, SheetFormat::Xlsx);
    }

    #[test]
    fn ods_back_and_forth_changes_nothing(docs in schools()) {
        back_and_forth(&docs, SheetFormat::Ods);
    }
}
