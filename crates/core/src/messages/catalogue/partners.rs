//! The partner list and the members that refer to it (issue 38).

use super::Entry;

pub(super) static ENTRIES: &[Entry] = &[
    (
        "partners.top",
        "a partner list is an object with `partners`: a list of people",
        "een partnerlijst is een object met `partners`: een lijst van personen",
    ),
    (
        "partners.top.help",
        r#"write it as { "version": 1, "partners": [ { "id": "cjg-oost-sanne", "role": "cjg-coach", "name": "Sanne Bakker" } ] }"#,
        r#"schrijf het als { "version": 1, "partners": [ { "id": "cjg-oost-sanne", "role": "cjg-coach", "name": "Sanne Bakker" } ] }"#,
    ),
    (
        "partners.too-many",
        "the list holds {n} partners; at most {max}",
        "de lijst bevat {n} partners; hoogstens {max}",
    ),
    (
        "partners.not-a-person",
        "a partner is a person: an object with an id, a role, a name …",
        "een partner is een persoon: een object met een id, een rol, een naam …",
    ),
    (
        "partners.schools-own",
        "`{key}` is for each school to say, not the partner list",
        "`{key}` bepaalt elke school zelf, niet de partnerlijst",
    ),
    (
        "partners.schools-own.help",
        "remove it here and write it at the member in each school's file",
        "haal het hier weg en zet het bij het lid in het bestand van elke school",
    ),
    (
        "partners.no-id",
        "a partner needs an `id`: schools refer to it",
        "een partner heeft een `id` nodig: daarmee verwijzen scholen ernaar",
    ),
    (
        "partners.no-id.help",
        r#"add "id": "cjg-oost-sanne" (lower-case letters, digits and hyphens)"#,
        r#"voeg "id": "cjg-oost-sanne" toe (kleine letters, cijfers en streepjes)"#,
    ),
    (
        "partners.duplicate-id.help",
        "give each partner an id of their own",
        "geef elke partner een eigen id",
    ),
    (
        "parse.partners-not-text",
        "`partners` names the partner list file; found {found}",
        "`partners` noemt het bestand met de partnerlijst; gevonden: {found}",
    ),
    (
        "parse.partners.help",
        r#"write "partners": "partners.json" (a file in this file's folder), or give the list with --partners FILE"#,
        r#"schrijf "partners": "partners.json" (een bestand in de map van dit bestand), of geef de lijst met --partners BESTAND"#,
    ),
    (
        "parse.partners-outside",
        "the partner list \"{file}\" must be inside this file's folder (as photos are)",
        "de partnerlijst \"{file}\" moet in de map van dit bestand staan (zoals foto's)",
    ),
    (
        "parse.partners-unreadable",
        "the partner list \"{file}\" cannot be read: {reason}",
        "de partnerlijst \"{file}\" is niet te lezen: {reason}",
    ),
    (
        "parse.partner-not-text",
        "`partner` is the id of a person in the partner list; found {found}",
        "`partner` is de id van een persoon in de partnerlijst; gevonden: {found}",
    ),
    (
        "parse.partner.help",
        r#"write "partner": "cjg-oost-sanne""#,
        r#"schrijf "partner": "cjg-oost-sanne""#,
    ),
    (
        "parse.partner-no-list",
        "the member refers to partner \"{id}\", but no partner list is given",
        "het lid verwijst naar partner \"{id}\", maar er is geen partnerlijst",
    ),
    (
        "parse.partner-no-list.help",
        r#"give the list with --partners FILE, or write "partners": "partners.json" at the top of this file"#,
        r#"geef de lijst met --partners BESTAND, of zet "partners": "partners.json" bovenaan dit bestand"#,
    ),
    (
        "parse.unknown-partner",
        "no partner \"{id}\" in {file}",
        "geen partner \"{id}\" in {file}",
    ),
    (
        "parse.unknown-partner.near",
        "did you mean \"{id}\"?",
        "bedoel je \"{id}\"?",
    ),
    (
        "parse.unknown-partner.help",
        "use the id the partner has in the list",
        "gebruik de id die de partner in de lijst heeft",
    ),
];
