//! The input: how a problem is shown, kinds of values and files, the bytes,
//! JSON syntax, keys and types, texts and ids, the school, rings and meetings.

use super::Entry;

/// This part of the catalogue.
pub(super) static ENTRIES: &[Entry] = &[
    // ---- How a problem is shown.
    ("diag.error", "error", "fout"),
    ("diag.warning", "warning", "waarschuwing"),
    ("diag.note", "note", "opmerking"),
    ("diag.help", "help", "tip"),
    // ---- Kinds of JSON values and of lists.
    ("kind.null", "null", "null"),
    ("kind.bool", "true/false", "true/false"),
    ("kind.number", "a number", "een getal"),
    ("kind.text", "a text", "een tekst"),
    ("kind.list", "a list [ … ]", "een lijst [ … ]"),
    ("kind.object", "an object { … }", "een object { … }"),
    (
        "kind.quoted-text",
        "a text in double quotes",
        "een tekst tussen dubbele aanhalingstekens",
    ),
    ("kind.true-false", "true or false", "true of false"),
    ("kind.other", "{kind}", "{kind}"),
    ("what.members", "members", "leden"),
    ("what.routes", "routes", "routes"),
    ("what.rings", "rings", "ringen"),
    ("what.meetings", "meetings", "overleggen"),
    // ---- Kinds of files that are not a kernteam file.
    ("file.png", "a PNG image", "een PNG-afbeelding"),
    ("file.jpeg", "a JPEG image", "een JPEG-afbeelding"),
    ("file.gif", "a GIF image", "een GIF-afbeelding"),
    ("file.webp", "a WebP image", "een WebP-afbeelding"),
    ("file.bmp", "a BMP image", "een BMP-afbeelding"),
    ("file.pdf", "a PDF document", "een PDF-document"),
    (
        "file.zip",
        "a ZIP archive (a spreadsheet, Word or OpenDocument file is one)",
        "een ZIP-archief (zoals een spreadsheet-, Word- of OpenDocument-bestand)",
    ),
    (
        "file.office",
        "an old Office document (.xls or .doc)",
        "een oud Office-document (.xls of .doc)",
    ),
    ("file.gzip", "a gzip archive", "een gzip-archief"),
    ("file.svg", "an SVG or XML file", "een SVG- of XML-bestand"),
    // ---- The bytes of an input.
    (
        "parse.input-too-big",
        "input is {size}; the limit is {limit} MB",
        "de invoer is {size}; de grens is {limit} MB",
    ),
    (
        "parse.input-too-big.help",
        "a kernteam file is a few kilobytes; is this the right file?",
        "een kernteambestand is een paar kilobyte; is dit het goede bestand?",
    ),
    (
        "parse.binary",
        "this is {what}, not a kernteam file",
        "dit is {what}, geen kernteambestand",
    ),
    (
        "parse.binary.help-image",
        r#"cirkel reads a kernteam file (.json); a photo goes on a card with "photo": "fotos/naam.jpg" in the member"#,
        r#"cirkel leest een kernteambestand (.json); een foto komt op een kaart met "photo": "fotos/naam.jpg" bij het lid"#,
    ),
    (
        "parse.binary.help-svg",
        "that looks like a drawing; give `cirkel check` the kernteam file (.json) it was drawn from",
        "dat lijkt een tekening; geef `cirkel check` het kernteambestand (.json) waaruit die getekend is",
    ),
    (
        "parse.binary.help-other",
        "cirkel reads a kernteam file: JSON text, as `cirkel init` writes it; is this the right file?",
        "cirkel leest een kernteambestand: JSON-tekst, zoals `cirkel init` die schrijft; is dit het goede bestand?",
    ),
    (
        "parse.zero-byte",
        "this is a binary file (a zero byte at line {line}, column {column}), not a kernteam file",
        "dit is een binair bestand (een nulbyte op regel {line}, kolom {column}), geen kernteambestand",
    ),
    (
        "parse.utf16",
        r#"the file is UTF-16 (what Notepad calls "Unicode"), not UTF-8"#,
        r#"het bestand is UTF-16 (in Kladblok "Unicode"), geen UTF-8"#,
    ),
    (
        "parse.utf16.help",
        "save it as UTF-8 (in Notepad: Save as… → Encoding: UTF-8)",
        "sla het op als UTF-8 (in Kladblok: Opslaan als… → Codering: UTF-8)",
    ),
    (
        "parse.not-utf8",
        "not valid UTF-8 at line {line}, column {column} (byte 0x{byte})",
        "geen geldige UTF-8 op regel {line}, kolom {column} (byte 0x{byte})",
    ),
    (
        "parse.not-utf8.help",
        "save the file as UTF-8; it looks like Latin-1 or Windows-1252",
        "sla het bestand op als UTF-8; het lijkt Latin-1 of Windows-1252",
    ),
    ("parse.empty-input", "input is empty", "de invoer is leeg"),
    (
        "parse.empty-input.help",
        r#"start from `cirkel init --school "Naam"`, which writes a starter file"#,
        r#"begin met `cirkel init --school "Naam"`: dat schrijft een beginbestand"#,
    ),
    // ---- JSON syntax.
    (
        "syntax.curly",
        "curly quotes ({quote}) cannot mark a text or a key in JSON",
        "krulaanhalingstekens ({quote}) kunnen in JSON geen tekst of sleutel omsluiten",
    ),
    (
        "syntax.curly.help",
        r#"Word and mail programs put them in; replace them with straight double quotes " (or edit the file in a plain-text editor)"#,
        r#"Word en mailprogramma's zetten ze erin; vervang ze door rechte dubbele aanhalingstekens " (of bewerk het bestand in een teksteditor zoals Kladblok)"#,
    ),
    (
        "syntax.eof",
        "unexpected end of file: the JSON is cut off",
        "onverwacht einde van het bestand: de JSON houdt halverwege op",
    ),
    (
        "syntax.eof.help",
        "check for a missing `}`, `]` or closing quote",
        "kijk of er een `}`, `]` of sluitend aanhalingsteken ontbreekt",
    ),
    (
        "syntax.comment",
        "comments are not allowed in JSON",
        "commentaar is in JSON niet toegestaan",
    ),
    (
        "syntax.comment.help",
        "remove the comment, or put the remark in a `note` field of a route",
        "haal het commentaar weg, of zet de opmerking in de `note` van een route",
    ),
    (
        "syntax.trailing-text",
        "unexpected text after the JSON value",
        "onverwachte tekst na de JSON-waarde",
    ),
    (
        "syntax.trailing-text.help",
        "a file holds one JSON object; remove what follows its closing `}`",
        "een bestand bevat één JSON-object; haal weg wat na de laatste `}` staat",
    ),
    (
        "syntax.trailing-comma",
        "trailing comma",
        "een komma te veel aan het eind",
    ),
    (
        "syntax.trailing-comma.help",
        "remove the comma before the closing bracket",
        "haal de komma voor het sluithaakje weg",
    ),
    (
        "syntax.nan",
        "NaN/Infinity are not valid JSON numbers",
        "NaN/Infinity zijn geen geldige getallen in JSON",
    ),
    (
        "syntax.nan.help",
        "write a plain number",
        "schrijf een gewoon getal",
    ),
    (
        "syntax.single-quotes",
        r#"strings and keys need double quotes ("…") in JSON"#,
        r#"teksten en sleutels staan in JSON tussen dubbele aanhalingstekens ("…")"#,
    ),
    (
        "syntax.single-quotes.help",
        "replace the single quotes with double quotes",
        "vervang de enkele aanhalingstekens door dubbele",
    ),
    (
        "syntax.escape",
        r"invalid unicode escape (a \u escape must be a whole character)",
        r"ongeldige unicode-escape (een \u-escape moet een heel teken zijn)",
    ),
    (
        "syntax.escape.help",
        "remove the escape or write the character itself",
        "haal de escape weg of schrijf het teken zelf",
    ),
    (
        "syntax.too-deep",
        "the JSON is nested too deeply (more than 128 levels)",
        "de JSON is te diep genest (meer dan 128 niveaus)",
    ),
    (
        "syntax.too-deep.help",
        "a kernteam file needs only a few levels; check for runaway brackets",
        "een kernteambestand heeft maar een paar niveaus nodig; kijk of er haakjes te veel zijn",
    ),
    (
        "syntax.key",
        "expected a key in double quotes",
        "verwacht een sleutel tussen dubbele aanhalingstekens",
    ),
    (
        "syntax.key.help",
        r#"write keys as "name": …"#,
        r#"schrijf sleutels als "name": …"#,
    ),
    (
        "syntax.expected-comma-brace",
        "expected `,` or `}`",
        "verwacht `,` of `}`",
    ),
    (
        "syntax.expected-comma-bracket",
        "expected `,` or `]`",
        "verwacht `,` of `]`",
    ),
    ("syntax.expected-colon", "expected `:`", "verwacht `:`"),
    (
        "syntax.expected-value",
        "expected a value",
        "verwacht een waarde",
    ),
    (
        "syntax.expected-ident",
        "expected true, false, null or a text in double quotes",
        "verwacht true, false, null of een tekst tussen dubbele aanhalingstekens",
    ),
    ("syntax.invalid-number", "invalid number", "ongeldig getal"),
    (
        "syntax.number-out-of-range",
        "number out of range",
        "getal buiten bereik",
    ),
    ("syntax.other", "{text}", "{text}"),
    (
        "syntax.other.help",
        "check the JSON syntax at this position",
        "controleer de JSON op deze plek",
    ),
    (
        "syntax.missing-quote",
        r#"the closing `"` of this text is missing"#,
        r#"het sluitende `"` van deze tekst ontbreekt"#,
    ),
    (
        "syntax.missing-quote.help",
        r#"end the text with a `"` on the same line"#,
        r#"sluit de tekst af met een `"` op dezelfde regel"#,
    ),
    (
        "syntax.control-char",
        "a tab or other control character is inside this text",
        "in deze tekst staat een tab of ander stuurteken",
    ),
    (
        "syntax.control-char.help",
        r"remove it, or write a tab as \t",
        r"haal het weg, of schrijf een tab als \t",
    ),
    // ---- Keys and types.
    (
        "parse.duplicate-key",
        "duplicate key `{key}`: it is already set at line {line}, column {column}",
        "dubbele sleutel `{key}`: die staat al op regel {line}, kolom {column}",
    ),
    (
        "parse.duplicate-key.help",
        "remove one of the two; JSON keeps only one value per key",
        "haal een van de twee weg; JSON bewaart maar één waarde per sleutel",
    ),
    (
        "parse.unknown-key",
        "unknown key `{key}`",
        "onbekende sleutel `{key}`",
    ),
    (
        "parse.unknown-key.english",
        "did you mean `{key}`? (keys are English)",
        "bedoel je `{key}`? (sleutels zijn Engels)",
    ),
    (
        "parse.unknown-key.near",
        "did you mean `{key}`?",
        "bedoel je `{key}`?",
    ),
    (
        "parse.unknown-key.contact",
        r#"`{key}` goes inside `contact`: "contact": { "{key}": … }"#,
        r#"`{key}` hoort binnen `contact`: "contact": { "{key}": … }"#,
    ),
    (
        "parse.unknown-key.known",
        "known keys here: {keys}",
        "bekende sleutels hier: {keys}",
    ),
    (
        "parse.top-not-object",
        "expected an object { … } at the top, found {found}",
        "verwacht bovenaan een object { … }, maar vond {found}",
    ),
    (
        "parse.top-not-object.help",
        r#"a kernteam file starts with { "version": 1, "school": { "name": "…" } }"#,
        r#"een kernteambestand begint met { "version": 1, "school": { "name": "…" } }"#,
    ),
    (
        "parse.version",
        "unsupported version {version}; this cirkel reads version 1",
        "versie {version} wordt niet ondersteund; deze cirkel leest versie 1",
    ),
    (
        "parse.version.help",
        r#"write "version": 1, or update cirkel"#,
        r#"schrijf "version": 1, of werk cirkel bij"#,
    ),
    (
        "parse.expected",
        "expected {expected}, found {found}",
        "verwacht {expected}, maar vond {found}",
    ),
    (
        "parse.quote-it",
        "put the value in double quotes",
        "zet de waarde tussen dubbele aanhalingstekens",
    ),
    ("parse.serde", "{text}", "{text}"),
    (
        "parse.expected-list-of",
        "expected a list [ … ] of {what}, found {found}",
        "verwacht een lijst [ … ] met {what}, maar vond {found}",
    ),
    (
        "parse.expected-list-of.help",
        r#"write "{path}": [ { … }, { … } ]"#,
        r#"schrijf "{path}": [ { … }, { … } ]"#,
    ),
    (
        "parse.too-many",
        "too many {what} ({n} > {max})",
        "te veel {what} ({n} > {max})",
    ),
    (
        "parse.too-many.help",
        "cirkel draws at most {max} {what}; split the file",
        "cirkel tekent hoogstens {max} {what}; verdeel het bestand",
    ),
    (
        "parse.text-as-list",
        "`{key}` is a list [ … ]; the text is read as [{items}]",
        "`{key}` is een lijst [ … ]; de tekst wordt gelezen als [{items}]",
    ),
    (
        "parse.text-as-list.help",
        r#"write it as "{key}": [{items}]"#,
        r#"schrijf het als "{key}": [{items}]"#,
    ),
    (
        "parse.expected-texts",
        "expected a list [ … ] of texts, found {found}",
        "verwacht een lijst [ … ] met teksten, maar vond {found}",
    ),
    (
        "parse.expected-texts.help",
        r#"write it as "{key}": ["…", "…"]"#,
        r#"schrijf het als "{key}": ["…", "…"]"#,
    ),
    (
        "parse.did-you-mean",
        r#"did you mean "{near}"?"#,
        r#"bedoel je "{near}"?"#,
    ),
    (
        "parse.use-one-of",
        "use one of {known}",
        "gebruik een van {known}",
    ),
    // ---- Texts and ids.
    (
        "parse.removed-controls",
        "removed {n|# invisible control or text-direction character|# invisible control or text-direction characters}",
        "{n|# onzichtbaar stuur- of tekstrichtingteken|# onzichtbare stuur- of tekstrichtingtekens} weggehaald",
    ),
    (
        "parse.removed-controls.help",
        "they can hide or reverse text; retype the text if it looks wrong",
        "die kunnen tekst verbergen of omdraaien; typ de tekst opnieuw als die er vreemd uitziet",
    ),
    (
        "parse.empty-text",
        "must not be empty",
        "mag niet leeg zijn",
    ),
    (
        "parse.empty-text.help",
        "write the text, or leave the key out",
        "schrijf de tekst, of laat de sleutel weg",
    ),
    (
        "parse.text-too-long",
        "is {n} characters long; the limit is {limit}",
        "is {n} tekens lang; de grens is {limit}",
    ),
    (
        "parse.text-too-long.help",
        "shorten it; the diagram is a summary, details belong in the report",
        "maak het korter; de cirkel is een samenvatting, details horen in het verslag",
    ),
    (
        "parse.bad-id",
        r#""{id}" is not a valid id"#,
        r#""{id}" is geen geldige id"#,
    ),
    (
        "parse.bad-id.help",
        r#"use lowercase letters a-z, digits and `-`, like "cjg-coach""#,
        r#"gebruik kleine letters a-z, cijfers en `-`, zoals "cjg-coach""#,
    ),
    (
        "parse.bad-id.help-fix",
        r#"use lowercase letters a-z, digits and `-`, e.g. "{fix}""#,
        r#"gebruik kleine letters a-z, cijfers en `-`, bijvoorbeeld "{fix}""#,
    ),
    // ---- The school, rings, meetings.
    (
        "parse.school-missing",
        "the school is missing",
        "de school ontbreekt",
    ),
    (
        "parse.school-missing.help",
        r#"add "school": { "name": "Naam van de school" }"#,
        r#"voeg "school": { "name": "Naam van de school" } toe"#,
    ),
    (
        "parse.school-name-missing",
        "the school's name is missing",
        "de naam van de school ontbreekt",
    ),
    (
        "parse.school-name-missing.help",
        r#"add "name": "Naam van de school" to "school""#,
        r#"voeg "name": "Naam van de school" toe aan "school""#,
    ),
    (
        "parse.unknown-sector",
        r#"unknown sector "{sector}""#,
        r#"onbekende sector "{sector}""#,
    ),
    (
        "parse.unknown-sector.help",
        r#"use one of "po", "vo", "so", "sbo""#,
        r#"gebruik een van "po", "vo", "so", "sbo""#,
    ),
    (
        "parse.ring-as-text",
        r#"a ring is an object { … }; {written} is read as { "id": "{id}", "label": {written} }"#,
        r#"een ring is een object { … }; {written} wordt gelezen als { "id": "{id}", "label": {written} }"#,
    ),
    (
        "parse.ring-as-text.help",
        r#"write { "id": "{id}", "label": {written} }"#,
        r#"schrijf { "id": "{id}", "label": {written} }"#,
    ),
    (
        "parse.not-a-ring",
        r#"expected a ring { "id": …, "label": … }, found {found}"#,
        r#"verwacht een ring { "id": …, "label": … }, maar vond {found}"#,
    ),
    (
        "parse.not-a-ring.help",
        r#"write e.g. { "id": "kernteam", "label": "Kernteam" }"#,
        r#"schrijf bijvoorbeeld { "id": "kernteam", "label": "Kernteam" }"#,
    ),
    (
        "parse.no-rings",
        "needs at least one ring",
        "heeft minstens één ring nodig",
    ),
    (
        "parse.no-rings.help",
        "leave `rings` out to get the standard three rings",
        "laat `rings` weg voor de drie standaardringen",
    ),
    (
        "parse.ring-needs-id",
        "a ring needs an id",
        "een ring heeft een id nodig",
    ),
    (
        "parse.ring-needs-id.help",
        r#"add "id": "kernteam""#,
        r#"voeg "id": "kernteam" toe"#,
    ),
    (
        "parse.duplicate-ring",
        r#"duplicate ring id "{id}""#,
        r#"dubbele ring-id "{id}""#,
    ),
    (
        "parse.duplicate-ring.help",
        "give each ring its own id",
        "geef elke ring een eigen id",
    ),
    (
        "parse.meeting-needs",
        "a meeting needs `{key}`",
        "een overleg heeft `{key}` nodig",
    ),
    (
        "parse.meeting-needs.help",
        r#"write e.g. { "when": "oktober", "purpose": "Kennismaken" }"#,
        r#"schrijf bijvoorbeeld { "when": "oktober", "purpose": "Kennismaken" }"#,
    ),
];
