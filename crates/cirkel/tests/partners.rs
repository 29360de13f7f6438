//! A workbook's `Partners` sheet (issue 38): its problems at their cells,
//! said once for the workbook.

#![allow(missing_docs, clippy::unwrap_used)]

use cirkel::{Input, InputKind, Lang, NoFiles, SheetFormat, parse_schools};
use serde_json::json;

#[test]
fn a_mistake_in_the_partners_sheet_is_said_at_its_cell() {
    let school = json!({
        "school": { "name": "De Ark" },
        "members": [ { "id": "ib", "role": "intern-begeleider" },
                     { "partner": "sanne", "ring": "kernteam" } ],
        "routes": [ { "question": "Thuis", "steps": ["ib", "sanne"] } ]
    });
    let list = json!({ "version": 1, "partners": [
        { "id": "sanne", "role": "cjg-coach", "name": "Sanne Bakker",
          "contact": { "email": "geen-adres" } }
    ] });
    let options = cirkel::sheets::WriteOptions {
        lang: Lang::Nl,
        partners: Some(list.clone()),
    };
    let bytes =
        cirkel::sheets::write(std::slice::from_ref(&school), SheetFormat::Xlsx, &options).unwrap();
    let input = Input {
        bytes: &bytes,
        kind: InputKind::Sheet(SheetFormat::Xlsx),
        fallback_name: "ark",
    };
    let problems = parse_schools(&input, &NoFiles, Lang::Nl, None).unwrap_err();
    let errors: Vec<_> = problems.errors().collect();
    assert_eq!(errors.len(), 1, "{problems}");
    let cell = errors[0].cell.as_ref().unwrap().to_string();
    assert!(cell.starts_with("Partners!"), "{cell}");
    // Mended, the school reads, its member taking the list's name.
    let mut good = list;
    good["partners"][0]["contact"]["email"] = "s.bakker@cjg.example.nl".into();
    let options = cirkel::sheets::WriteOptions {
        lang: Lang::Nl,
        partners: Some(good),
    };
    let bytes = cirkel::sheets::write(&[school], SheetFormat::Xlsx, &options).unwrap();
    let input = Input {
        bytes: &bytes,
        kind: InputKind::Sheet(SheetFormat::Xlsx),
        fallback_name: "ark",
    };
    let schools = parse_schools(&input, &NoFiles, Lang::Nl, None).unwrap();
    let k = &schools[0].parsed.as_ref().unwrap().kernteam;
    assert_eq!(k.members[1].name.as_deref(), Some("Sanne Bakker"));
    assert_eq!(k.members[1].partner.as_deref(), Some("sanne"));
}
