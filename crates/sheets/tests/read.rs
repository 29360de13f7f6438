//! Reading workbooks: every problem at its cell with the help the JSON
//! format gives, all at once; what spreadsheets do to phone numbers and
//! dates; headers, sheets and columns of the user's own; many schools.

#![allow(missing_docs, clippy::unwrap_used)]

mod common;

use cirkel_core::{Lang, NoFiles, ParseOptions, Parsed};
use cirkel_sheets::{Book, SheetFormat, parse_school, read};
use common::*;
use serde_json::json;

fn parse(book: &Book, lang: Lang) -> Result<Parsed, Vec<String>> {
    let options = ParseOptions {
        lang,
        base_dir: None,
        partners: None,
    };
    parse_school(book, &book.schools[0], &options, &NoFiles).map_err(|d| {
        d.0.iter()
            .map(|d| d.display_with_file("regenboog.xlsx").to_string())
            .collect()
    })
}

fn school(name: &str) -> (&'static str, Vec<Vec<C<'static>>>) {
    let name: &'static str = Box::leak(name.to_string().into_boxed_str());
    (
        "School",
        vec![row(&["veld", "waarde"]), row(&["naam", name])],
    )
}

const LEDEN: [&str; 5] = ["id", "rol", "naam", "ring", "expertise"];

#[test]
fn problems_are_said_at_their_cell_all_at_once() {
    let bytes = xlsx(&[
        school("De Regenboog"),
        (
            "Leden",
            vec![
                row(&LEDEN),
                row(&["ib", "intern-begeleider", "Maaike", "school", ""]),
                row(&["cjg", "cjg-coach", "", "kerntaem", "gedrag | thuis"]),
                row(&["", "", "", "", ""]),
                row(&["lpa", "leerplichtambtenaar", "", "kernteam", "-"]),
            ],
        ),
        (
            "Routes",
            vec![
                row(&["id", "vraag", "stappen"]),
                row(&["gedrag", "Gedrag", "ib | cgj"]),
            ],
        ),
    ]);
    let book = read(&bytes, SheetFormat::Xlsx, "regenboog");
    let err = parse(&book, Lang::Nl).unwrap_err();
    assert!(
        err.iter().any(|e| e
            .starts_with("regenboog.xlsx: Leden!D3: fout: onbekende ring \"kerntaem\"")
            && e.contains("bedoel je \"kernteam\"")),
        "{err:#?}"
    );
    assert!(
        err.iter()
            .any(|e| e.starts_with("regenboog.xlsx: Routes!C2: fout:") && e.contains("cgj")),
        "{err:#?}"
    );
    let en = parse(&book, Lang::En).unwrap_err();
    assert!(
        en.iter()
            .any(|e| e.contains("Leden!D3: error: unknown ring")),
        "{en:#?}"
    );
}

#[test]
fn dashes_bars_and_ties() {
    let bytes = xlsx(&[
        school("De Regenboog"),
        (
            "Leden",
            vec![
                row(&["id", "rol", "expertise", "band", "(opmerking)"]),
                row(&[
                    "cjg",
                    "cjg-coach",
                    "gedrag | a \\| b",
                    "Sterk",
                    "bellen in mei",
                ]),
                row(&["lpa", "leerplichtambtenaar", "-", "gespannen", ""]),
            ],
        ),
        ("(mijn aantekeningen)", vec![row(&["wat", "dan", "ook"])]),
        ("Blad3", vec![]),
    ]);
    let book = read(&bytes, SheetFormat::Xlsx, "x");
    assert!(book.problems.0.is_empty(), "{}", book.problems);
    let doc = &book.schools[0].document;
    assert_eq!(doc["members"][0]["expertise"], json!(["gedrag", "a | b"]));
    assert_eq!(doc["members"][0]["tie"], "strong");
    assert_eq!(doc["members"][1]["expertise"], json!([]));
    assert_eq!(doc["members"][1]["tie"], "stressful");
    let parsed = parse(&book, Lang::Nl).unwrap();
    assert!(parsed.kernteam.members[1].expertise.is_empty());
}

#[test]
fn misspelt_headers_and_sheets_get_a_did_you_mean() {
    let bytes = xlsx(&[
        school("De Regenboog"),
        ("Leeden", vec![row(&["id"]), row(&["x"])]),
        (
            "Routes",
            vec![row(&["id", "vraag", "stapen"]), row(&["a", "b", "c"])],
        ),
    ]);
    let book = read(&bytes, SheetFormat::Xlsx, "x");
    let shown: Vec<String> = book
        .problems
        .0
        .iter()
        .map(|d| d.display_with_file("w.xlsx").to_string())
        .collect();
    assert!(
        shown
            .iter()
            .any(|s| s.contains("Leeden!A1: fout: onbekend blad \"Leeden\"")
                && s.contains("\"Leden\"")),
        "{shown:#?}"
    );
    assert!(
        shown.iter().any(
            |s| s.contains("Routes!C1: fout: onbekende kolom \"stapen\"")
                && s.contains("\"stappen\"")
        ),
        "{shown:#?}"
    );
}

#[test]
fn numbers_and_dates_read_back_as_typed_or_flagged() {
    let bytes = xlsx(&[
        (
            "School",
            vec![
                row(&["veld", "waarde"]),
                row(&["naam", "De Regenboog"]),
                vec![T("schooljaar"), D(2025, 1, 26)],
            ],
        ),
        (
            "Leden",
            vec![
                row(&["id", "rol", "telefoon", "naam"]),
                vec![T("cjg"), T("cjg-coach"), N(235_551_234.0), N(2025.0)],
                vec![T("lpa"), T("leerplichtambtenaar"), E, B(true)],
                vec![T("jgz"), T("jgz-verpleegkundige"), E, F("=1/0", "#DIV/0!")],
            ],
        ),
        (
            "Overleg",
            vec![
                row(&["wanneer", "waarvoor"]),
                vec![D(2026, 3, 12), T("Casuïstiek")],
            ],
        ),
    ]);
    let book = read(&bytes, SheetFormat::Xlsx, "x");
    let doc = &book.schools[0].document;
    assert_eq!(doc["members"][0]["contact"]["phone"], "0235551234");
    assert_eq!(doc["members"][0]["name"], "2025");
    assert_eq!(doc["meetings"][0]["when"], "12-3-2026");
    let err = parse(&book, Lang::Nl).unwrap_err();
    let has = |cell: &str, word: &str| err.iter().any(|e| e.contains(cell) && e.contains(word));
    assert!(has("School!B3", "datum"), "{err:#?}");
    assert!(has("Leden!C2", "0235551234"), "{err:#?}");
    assert!(has("Leden!D3", "WAAR"), "{err:#?}");
    assert!(has("Leden!D4", "#DIV/0!"), "{err:#?}");
}

#[test]
fn a_workbook_of_many_schools() {
    let bytes = xlsx(&[
        (
            "School",
            vec![
                row(&["naam", "plaats"]),
                row(&["De Regenboog", "Haarlem"]),
                row(&["", ""]),
                row(&["De Ark", "Zwolle"]),
            ],
        ),
        (
            "Ringen",
            vec![
                row(&["id", "naam"]),
                row(&["binnen", "Binnen"]),
                row(&["buiten", "Buiten"]),
            ],
        ),
        (
            "Leden",
            vec![
                row(&["school", "id", "rol", "ring"]),
                row(&["de regenboog", "ib", "intern-begeleider", "binnen"]),
                row(&["De Ark", "cjg", "cjg-coach", "buiten"]),
                row(&["De Arc", "lpa", "leerplichtambtenaar", "buiten"]),
                row(&["", "oc", "onderwijsconsulent", "buiten"]),
            ],
        ),
    ]);
    let book = read(&bytes, SheetFormat::Xlsx, "x");
    assert_eq!(
        book.schools
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>(),
        ["De Regenboog", "De Ark"]
    );
    let shown = book.problems.to_string();
    assert!(
        shown.contains("Leden!A4") && shown.contains("bedoel je \"De Ark\""),
        "{shown}"
    );
    assert!(
        shown.contains("Leden!A5") && shown.contains("geen school"),
        "{shown}"
    );
    assert_eq!(book.schools[1].document["members"][0]["id"], "cjg");
    assert_eq!(book.schools[1].document["rings"][1]["id"], "buiten");
    assert!(book.school(None).is_err());
    assert_eq!(book.school(Some("de ark")).unwrap().name, "De Ark");
    let wrong = book.school(Some("De Arkk")).unwrap_err();
    assert!(wrong.help_text().unwrap().contains("De Ark"));
}

#[test]
fn a_csv_of_members() {
    let csv = "\u{feff}id;rol;naam;expertise\r\nib;intern-begeleider;\"Maaike; IB\";leerlingzorg | ouders\r\n;;;\r\ncjg;cjg-coach;;\r\n";
    let book = read(csv.as_bytes(), SheetFormat::Csv, "De Regenboog");
    assert!(book.problems.0.is_empty(), "{}", book.problems);
    let parsed = parse(&book, Lang::Nl).unwrap();
    assert_eq!(parsed.kernteam.school.name, "De Regenboog");
    assert_eq!(parsed.kernteam.members.len(), 2);
    assert_eq!(
        parsed.kernteam.members[0].name.as_deref(),
        Some("Maaike; IB")
    );
    let bad = read(
        b"id,rol,ring\nib,intern-begeleider,schol\n",
        SheetFormat::Csv,
        "x",
    );
    let err = parse(&bad, Lang::Nl).unwrap_err();
    assert!(
        err.iter()
            .any(|e| e.starts_with("regenboog.xlsx: C2: fout:")),
        "{err:#?}"
    );
}

#[test]
fn an_ods_as_libreoffice_saves_it() {
    let doc = json!({"school": {"name": "De Ark"}, "members": [{"id": "cjg", "role": "cjg-coach", "availability": "  ma\tdi  \nwo "}]});
    let bytes = cirkel_sheets::write(
        std::slice::from_ref(&doc),
        SheetFormat::Ods,
        &Default::default(),
    )
    .unwrap();
    let book = read(&bytes, SheetFormat::Ods, "x");
    assert!(book.problems.0.is_empty(), "{}", book.problems);
    assert_eq!(book.schools[0].document, doc);
}

#[test]
fn help_speaks_of_cells_not_json_keys() {
    let bytes = xlsx(&[
        school("De Regenboog"),
        (
            "Leden",
            vec![
                row(&LEDEN),
                row(&["ib", "intern-begeleider", "Maaike", "school", ""]),
                row(&["x", "", "", "kernteam", "gedrag"]),
                row(&["logo", "Logopedist", "Sam", "netwerk", ""]),
            ],
        ),
        (
            "Routes",
            vec![row(&["id", "vraag", "stappen"]), row(&["gedrag", "", "ib"])],
        ),
    ]);
    let book = read(&bytes, SheetFormat::Xlsx, "regenboog");
    for (lang, words) in [
        (
            Lang::Nl,
            [
                "vul expertise in",
                "vul de kolom rol in",
                "vul de kolom vraag in",
            ],
        ),
        (
            Lang::En,
            [
                "fill in expertise",
                "fill in the column rol",
                "fill in the column vraag",
            ],
        ),
    ] {
        let all = parse(&book, lang).unwrap_err().join("\n");
        for w in words {
            assert!(all.contains(w), "{w:?} in:\n{all}");
        }
        assert!(!all.contains("\"expertise\": ["), "{all}");
        assert!(!all.contains("\"role\""), "{all}");
    }
}
