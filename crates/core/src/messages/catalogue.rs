//! The message catalogue: every text cirkel says to people, as (id,
//! English, Dutch). Ids are grouped by where they are said: `diag.` how a
//! problem is shown, `parse.`/`syntax.` the input, `draw.`/`theme.` drawing,
//! `cli.` the command line. A test checks that every id the code uses is
//! here, that every entry is used, and that both languages take the same
//! arguments.

/// Every message: id, English, Dutch.
pub static CATALOGUE: &[(&str, &str, &str)] = &[
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
    // ---- Members.
    (
        "parse.duplicate-id",
        r#"duplicate id "{id}": {first} has it too"#,
        r#"dubbele id "{id}": {first} heeft die ook"#,
    ),
    (
        "parse.duplicate-id.help",
        "give each member its own id",
        "geef elk lid een eigen id",
    ),
    (
        "parse.member-as-text",
        r#"a member is an object { … }; {role} is read as { "role": {role} }"#,
        r#"een lid is een object { … }; {role} wordt gelezen als { "role": {role} }"#,
    ),
    (
        "parse.member-as-text.help",
        r#"write { "role": {role} } and add the other fields"#,
        r#"schrijf { "role": {role} } en vul de andere velden aan"#,
    ),
    (
        "parse.not-a-member",
        r#"expected a member { "role": … }, found {found}"#,
        r#"verwacht een lid { "role": … }, maar vond {found}"#,
    ),
    (
        "parse.not-a-member.help",
        r#"write e.g. { "role": "cjg-coach" }"#,
        r#"schrijf bijvoorbeeld { "role": "cjg-coach" }"#,
    ),
    (
        "parse.member-needs-role",
        "a member needs a `role` or a `name`",
        "een lid heeft een `role` of een `name` nodig",
    ),
    (
        "parse.member-needs-role.help",
        r#"add "role": "cjg-coach" (see `cirkel roles`) or a free text"#,
        r#"voeg "role": "cjg-coach" toe (zie `cirkel roles`) of een eigen tekst"#,
    ),
    ("parents.name", "a name", "een naam"),
    ("parents.contact", "contact data", "contactgegevens"),
    ("parents.photo", "a photo", "een foto"),
    (
        "parse.parents-no-person",
        "parents are in the circle as a role, never as people: {what} does not belong here",
        "ouders staan in de cirkel als rol, nooit als personen: {what} hoort hier niet",
    ),
    (
        "parse.parents-no-person.help",
        "remove `{key}`; the picture is shared (a report, a newsletter) and parents' personal data stays out of it",
        "haal `{key}` weg; de cirkel wordt gedeeld (een verslag, een nieuwsbrief) en persoonsgegevens van ouders blijven erbuiten",
    ),
    (
        "parse.custom-role",
        r#""{role}" is not a built-in role, so it is drawn as written"#,
        r#""{role}" is geen ingebouwde rol en wordt getekend zoals geschreven"#,
    ),
    (
        "parse.custom-role.help",
        r#"did you mean "{id}" ({label})? (`cirkel roles` lists them)"#,
        r#"bedoel je "{id}" ({label})? (`cirkel roles` toont ze allemaal)"#,
    ),
    (
        "parse.unknown-ring",
        r#"unknown ring "{ring}""#,
        r#"onbekende ring "{ring}""#,
    ),
    (
        "parse.unknown-ring.near",
        r#"did you mean "{near}"? Known rings: {known}"#,
        r#"bedoel je "{near}"? Bekende ringen: {known}"#,
    ),
    (
        "parse.unknown-ring.known",
        "known rings: {known}",
        "bekende ringen: {known}",
    ),
    (
        "parse.unknown-domain",
        r#"unknown domain "{domain}""#,
        r#"onbekend domein "{domain}""#,
    ),
    (
        "parse.unknown-domain.near",
        r#"did you mean "{near}"? Known domains: {known}"#,
        r#"bedoel je "{near}"? Bekende domeinen: {known}"#,
    ),
    (
        "parse.unknown-domain.known",
        "known domains: {known}",
        "bekende domeinen: {known}",
    ),
    (
        "parse.too-much-expertise",
        "too many expertise items ({n} > {max})",
        "te veel expertise ({n} > {max})",
    ),
    (
        "parse.too-much-expertise.help",
        "keep the few that a colleague would come for",
        "houd de paar waarvoor een collega bij dit lid komt",
    ),
    (
        "parse.tie-read-as",
        r#""{written}" is read as "{tie}""#,
        r#""{written}" wordt gelezen als "{tie}""#,
    ),
    (
        "parse.tie-read-as.help",
        r#"write "tie": "{tie}" (values are English: {known})"#,
        r#"schrijf "tie": "{tie}" (de waarden zijn Engels: {known})"#,
    ),
    (
        "parse.unknown-tie",
        r#"unknown tie "{tie}""#,
        r#"onbekende band "{tie}""#,
    ),
    // ---- Contact data and photos.
    (
        "parse.bad-email",
        r#""{email}" is not an e-mail address"#,
        r#""{email}" is geen e-mailadres"#,
    ),
    (
        "parse.bad-email.help",
        "write it as naam@organisatie.nl",
        "schrijf het als naam@organisatie.nl",
    ),
    (
        "parse.bad-phone",
        r#""{phone}" is not a telephone number"#,
        r#""{phone}" is geen telefoonnummer"#,
    ),
    (
        "parse.bad-phone.help",
        r#"use digits, spaces and + - ( ), like "023 000 0000""#,
        r#"gebruik cijfers, spaties en + - ( ), zoals "023 000 0000""#,
    ),
    (
        "parse.link-spaces",
        "a link must not contain spaces or control characters",
        "een link mag geen spaties of stuurtekens bevatten",
    ),
    (
        "parse.link.help",
        "write it as https://www.example.nl",
        "schrijf het als https://www.example.nl",
    ),
    (
        "parse.bad-link",
        r#""{link}" is not an allowed link: only http:// and https:// web addresses"#,
        r#""{link}" is geen toegestane link: alleen webadressen met http:// of https://"#,
    ),
    (
        "parse.photo.help",
        r#"give a path to a PNG or JPEG file next to the input file, like "fotos/ib.jpg""#,
        r#"geef het pad naar een PNG- of JPEG-bestand naast het invoerbestand, zoals "fotos/ib.jpg""#,
    ),
    (
        "parse.photo.smaller",
        "make it smaller: a portrait of 400 × 400 px is plenty",
        "maak de foto kleiner: een portret van 400 × 400 px is genoeg",
    ),
    (
        "parse.photo-link",
        "a photo must be a file path, not a link",
        "een foto moet een bestandspad zijn, geen link",
    ),
    (
        "parse.photo-not-relative",
        r#"photo "{photo}" must be a relative path inside the input file's folder"#,
        r#"foto "{photo}" moet een relatief pad zijn binnen de map van het invoerbestand"#,
    ),
    (
        "parse.photo-no-files",
        r#"photo "{photo}" is not drawn: this program reads no files"#,
        r#"foto "{photo}" wordt niet getekend: dit programma leest geen bestanden"#,
    ),
    (
        "parse.photo-no-files.help",
        "the card keeps an empty portrait; draw from a file on disk to include it",
        "de kaart houdt een leeg portret; teken vanuit een bestand op schijf om de foto mee te nemen",
    ),
    (
        "parse.photo-not-found",
        "photo file not found: {file}",
        "fotobestand niet gevonden: {file}",
    ),
    (
        "parse.photo-not-a-file",
        "photo {file} is not a file",
        "foto {file} is geen bestand",
    ),
    (
        "parse.photo-outside",
        "photo {photo} points outside the input file's folder",
        "foto {photo} wijst naar buiten de map van het invoerbestand",
    ),
    (
        "parse.photo-too-big",
        "photo is {size}; the limit is {limit}",
        "de foto is {size}; de grens is {limit}",
    ),
    (
        "parse.photo-unreadable",
        "photo {file} cannot be read: {reason}",
        "foto {file} kan niet gelezen worden: {reason}",
    ),
    (
        "parse.photo-kind",
        "photo {photo} is not a PNG or JPEG image",
        "foto {photo} is geen PNG- of JPEG-afbeelding",
    ),
    (
        "parse.photo-too-large",
        "photo is {width} × {height} px; the limit is {limit} × {limit}",
        "de foto is {width} × {height} px; de grens is {limit} × {limit}",
    ),
    (
        "parse.photo-empty",
        "photo {photo} has no pixels",
        "foto {photo} heeft geen pixels",
    ),
    (
        "parse.photo-damaged",
        "photo {photo} is damaged: its size cannot be read",
        "foto {photo} is beschadigd: de afmetingen zijn niet te lezen",
    ),
    // ---- Routes.
    (
        "parse.duplicate-route",
        r#"duplicate route id "{id}""#,
        r#"dubbele route-id "{id}""#,
    ),
    (
        "parse.duplicate-route.help",
        "give each route its own id",
        "geef elke route een eigen id",
    ),
    (
        "parse.route-needs-question",
        "a route needs a `question`: the hulpvraag it answers",
        "een route heeft een `question` nodig: de hulpvraag die ze beantwoordt",
    ),
    (
        "parse.route-needs-question.help",
        r#"add "question": "Verzuim en te laat komen""#,
        r#"voeg "question": "Verzuim en te laat komen" toe"#,
    ),
    (
        "parse.route-needs-steps",
        "a route needs at least one step in `steps`",
        "een route heeft minstens één stap in `steps` nodig",
    ),
    (
        "parse.route-needs-steps.help",
        r#"list member ids in order, e.g. "steps": ["{first}"]"#,
        r#"zet de id's van de leden op volgorde, bijvoorbeeld "steps": ["{first}"]"#,
    ),
    (
        "parse.not-a-route",
        r#"expected a route { "question": …, "steps": [ … ] }, found {found}"#,
        r#"verwacht een route { "question": …, "steps": [ … ] }, maar vond {found}"#,
    ),
    (
        "parse.not-a-route.help",
        r#"write e.g. { "question": "Verzuim", "steps": ["ib", "lpa"] }"#,
        r#"schrijf bijvoorbeeld { "question": "Verzuim", "steps": ["ib", "lpa"] }"#,
    ),
    (
        "parse.repeated-step",
        r#""{id}" ({role}) is already step {first} of this route"#,
        r#""{id}" ({role}) is al stap {first} van deze route"#,
    ),
    (
        "parse.repeated-step.help",
        "a route visits each member once; remove the repeated step",
        "een route komt bij elk lid één keer; haal de herhaalde stap weg",
    ),
    (
        "parse.step-and-escalation",
        r#""{id}" ({role}) is both a step and an escalation of this route"#,
        r#""{id}" ({role}) is in deze route zowel stap als opschaling"#,
    ),
    (
        "parse.step-and-escalation.help",
        "escalation is where a case goes when the steps are not enough; keep the member in one of the two lists",
        "opschalen is waar een casus heen gaat als de stappen niet genoeg zijn; zet het lid in één van de twee lijsten",
    ),
    (
        "parse.repeated-escalation",
        r#""{id}" is already escalation {first} of this route"#,
        r#""{id}" is al opschaling {first} van deze route"#,
    ),
    (
        "parse.repeated-escalation.help",
        "remove the repeated member",
        "haal het herhaalde lid weg",
    ),
    (
        "parse.route-outside-kernteam",
        r#"route "{id}" reaches no kernteam member (intern begeleider, directeur, CJG-coach, jeugdarts, JGZ-verpleegkundige, leerplichtambtenaar or onderwijsconsulent)"#,
        r#"route "{id}" komt bij geen enkel kernteamlid (intern begeleider, directeur, CJG-coach, jeugdarts, JGZ-verpleegkundige, leerplichtambtenaar of onderwijsconsulent)"#,
    ),
    (
        "parse.route-outside-kernteam.help",
        "a hulpvraag usually starts with the intern begeleider; add the kernteam member who takes it up",
        "een hulpvraag begint meestal bij de intern begeleider; voeg het kernteamlid toe dat hem oppakt",
    ),
    (
        "parse.no-expertise",
        r#""{id}" ({role}) lists no expertise"#,
        r#"bij "{id}" ({role}) staat geen expertise"#,
    ),
    (
        "parse.no-expertise.help",
        r#"add "expertise": [...] so the school knows what to ask this member"#,
        r#"voeg "expertise": [...] toe, zodat de school weet waarvoor ze bij dit lid terechtkan"#,
    ),
    (
        "parse.no-route",
        r#"no route reaches "{id}" ({role})"#,
        r#"geen route komt bij "{id}" ({role})"#,
    ),
    (
        "parse.no-route.help",
        "fine for a member on call; otherwise add them to the route of the hulpvraag they take up",
        "prima voor een lid op afroep; zet het anders in de route van de hulpvraag die het oppakt",
    ),
    (
        "parse.too-many-steps",
        "too many steps ({n} > {max})",
        "te veel stappen ({n} > {max})",
    ),
    (
        "parse.step-read-as",
        r#""{written}" is read as member "{id}""#,
        r#""{written}" wordt gelezen als lid "{id}""#,
    ),
    (
        "parse.step-read-as.help",
        r#"write "{id}": ids are written in lowercase, with `-`"#,
        r#"schrijf "{id}": id's zijn kleine letters, met `-`"#,
    ),
    (
        "parse.step-by-role",
        r#""{written}" is read as member "{id}" ({role})"#,
        r#""{written}" wordt gelezen als lid "{id}" ({role})"#,
    ),
    (
        "parse.step-by-role.help",
        r#"write "{id}": steps name members by their `id`"#,
        r#"schrijf "{id}": stappen noemen leden bij hun `id`"#,
    ),
    (
        "parse.unknown-member",
        r#"unknown member "{id}""#,
        r#"onbekend lid "{id}""#,
    ),
    (
        "parse.unknown-member.near",
        r#"did you mean "{near}"? Known member ids: {known}"#,
        r#"bedoel je "{near}"? Bekende id's van leden: {known}"#,
    ),
    (
        "parse.unknown-member.none",
        r#"there are no members yet; add them under "members""#,
        r#"er zijn nog geen leden; zet ze onder "members""#,
    ),
    (
        "parse.unknown-member.known",
        "known member ids: {known}",
        "bekende id's van leden: {known}",
    ),
    // ---- Files.
    ("io.not-found", "no such file", "dat bestand bestaat niet"),
    ("io.denied", "permission denied", "geen toegang"),
    (
        "io.folder",
        "it is a folder, not a file",
        "het is een map, geen bestand",
    ),
    ("io.exists", "it already exists", "het bestaat al"),
    ("io.full", "the disk is full", "de schijf is vol"),
    (
        "io.read-only",
        "the disk is read-only",
        "de schijf is alleen-lezen",
    ),
    ("io.other", "{text}", "{text}"),
    (
        "io.cannot-read",
        "cannot read {file}: {reason}",
        "kan {file} niet lezen: {reason}",
    ),
    // ---- Drawing.
    (
        "draw.input",
        "the input has errors",
        "de invoer bevat fouten",
    ),
    (
        "draw.unknown-route",
        r#"--route "{id}": there is no route with this id"#,
        r#"--route "{id}": er is geen route met deze id"#,
    ),
    (
        "draw.unknown-route.none",
        r#"this file has no routes; add them under "routes""#,
        r#"dit bestand heeft geen routes; zet ze onder "routes""#,
    ),
    (
        "draw.unknown-route.near",
        r#"did you mean "{near}"? Known routes: {known}"#,
        r#"bedoel je "{near}"? Bekende routes: {known}"#,
    ),
    (
        "draw.unknown-route.known",
        "known routes: {known}",
        "bekende routes: {known}",
    ),
    (
        "draw.no-theme",
        r#"--theme "{name}": no such theme; bundled themes: {known}, or give a theme file (.json)"#,
        r#"--theme "{name}": dat thema bestaat niet; ingebouwde thema's: {known}, of geef een themabestand (.json)"#,
    ),
    (
        "draw.no-theme.near",
        r#"--theme "{name}": no such theme; did you mean "{near}"? Bundled themes: {known}, or give a theme file (.json)"#,
        r#"--theme "{name}": dat thema bestaat niet; bedoel je "{near}"? Ingebouwde thema's: {known}, of geef een themabestand (.json)"#,
    ),
    (
        "draw.not-a-layout",
        "not a layout written by `cirkel layout`: {reason}",
        "geen lay-out van `cirkel layout`: {reason}",
    ),
    (
        "draw.not-a-layout.help",
        "make it with `cirkel layout last-year.json -o last-year.layout.json`",
        "maak hem met `cirkel layout vorig-jaar.json -o vorig-jaar.layout.json`",
    ),
    (
        "draw.too-small",
        "at {width} px wide the smallest text is {size} px, hard to read; cards show role and name only",
        "bij {width} px breed is de kleinste tekst {size} px, moeilijk leesbaar; kaarten tonen alleen rol en naam",
    ),
    (
        "draw.too-small.help",
        "draw it {needed} px wide or more (--width {needed})",
        "teken hem {needed} px breed of meer (--width {needed})",
    ),
    (
        "draw.no-glyph",
        "the bundled font has no glyph for {chars}; they are drawn as empty boxes",
        "het meegeleverde lettertype heeft geen teken voor {chars}; die worden lege vakjes",
    ),
    (
        "draw.no-glyph.help",
        "the font covers Latin, Greek and Cyrillic; write the text in those scripts if you can",
        "het lettertype kent Latijns, Grieks en Cyrillisch schrift; schrijf de tekst zo mogelijk in die letters",
    ),
    (
        "options.scale",
        "the scale is {scale}; it must be between 0.25 and 8",
        "de schaal is {scale}; die moet tussen 0,25 en 8 liggen",
    ),
    (
        "options.width",
        "the width is {width} px; it must be between 100 and {max}",
        "de breedte is {width} px; die moet tussen 100 en {max} liggen",
    ),
    (
        "options.too-wide",
        "the output would be {width} px wide; the limit is {max} px",
        "de uitvoer zou {width} px breed worden; de grens is {max} px",
    ),
    (
        "options.dpi",
        "the resolution is {dpi} dpi; it must be between 10 and 2400",
        "de resolutie is {dpi} dpi; die moet tussen 10 en 2400 liggen",
    ),
    (
        "options.empty-route",
        "the route id is empty",
        "de route-id is leeg",
    ),
    (
        "layout.option",
        "layout option `{field}` is {value}; it must be a number from {min} to {max}",
        "lay-outoptie `{field}` is {value}; die moet een getal van {min} tot {max} zijn",
    ),
    (
        "layout.did-not-converge",
        "the layout did not settle; please report this input as a bug",
        "de lay-out kwam niet tot rust; meld deze invoer alsjeblieft als fout",
    ),
    (
        "layout.too-large",
        "the diagram would be {width} × {height} px; the limit is {limit} px a side. Shorten the texts on the cards (expertise, organisation) or split the circle",
        "de tekening zou {width} × {height} px worden; de grens is {limit} px per kant. Maak de teksten op de kaarten korter (expertise, organisatie) of verdeel de cirkel",
    ),
    (
        "layout.invalid",
        "the kernteam cannot be laid out: {path}: {reason}",
        "het kernteam kan niet worden opgemaakt: {path}: {reason}",
    ),
    (
        "png.size",
        "a PNG of {width} × {height} px is outside the limits (1 to {max} px a side, at most 64 megapixels)",
        "een PNG van {width} × {height} px valt buiten de grenzen (1 tot {max} px per kant, hoogstens 64 megapixel)",
    ),
    (
        "png.svg",
        "the SVG could not be read: {reason}",
        "de SVG kon niet gelezen worden: {reason}",
    ),
    (
        "png.encode",
        "the PNG could not be encoded: {reason}",
        "de PNG kon niet gemaakt worden: {reason}",
    ),
    // ---- Themes.
    (
        "theme.bad-colour",
        r##"expected a colour like "#005f9e", found {found}"##,
        r##"verwacht een kleur zoals "#005f9e", maar vond {found}"##,
    ),
    (
        "theme.bad-colour.help",
        r##"write colours as "#rrggbb" or "#rgb""##,
        r##"schrijf kleuren als "#rrggbb" of "#rgb""##,
    ),
    (
        "theme.bad-name",
        "expected a text, found {found}",
        "verwacht een tekst, maar vond {found}",
    ),
    (
        "theme.bad-tint",
        "expected a number from 0 to 1, found {found}",
        "verwacht een getal van 0 tot 1, maar vond {found}",
    ),
    (
        "theme.bad-tint.help",
        "0 keeps the domain colour, 1 is white",
        "0 houdt de kleur van het domein, 1 is wit",
    ),
    (
        "theme.bad-bool",
        "expected true or false, found {found}",
        "verwacht true of false, maar vond {found}",
    ),
    (
        "theme.unknown-key",
        r#"unknown key "{key}""#,
        r#"onbekende sleutel "{key}""#,
    ),
    (
        "theme.known-keys",
        "known keys: {known}",
        "bekende sleutels: {known}",
    ),
    (
        "theme.bad-routes",
        "expected a list of 1 to 50 colours",
        "verwacht een lijst van 1 tot 50 kleuren",
    ),
    (
        "theme.bad-routes.help",
        r##"write e.g. "routes": ["#c45500", "#0072b2"]"##,
        r##"schrijf bijvoorbeeld "routes": ["#c45500", "#0072b2"]"##,
    ),
    (
        "theme.bad-domains",
        r##"expected an object: { "onderwijs": "#005f9e", … }"##,
        r##"verwacht een object: { "onderwijs": "#005f9e", … }"##,
    ),
    (
        "theme.not-an-object",
        r#"a theme is a JSON object: { "domains": { … }, … }"#,
        r#"een thema is een JSON-object: { "domains": { … }, … }"#,
    ),
    (
        "theme.text-contrast",
        "{what}: {ratio}:1, below the 4.5:1 WCAG AA asks; text may be hard to read",
        "{what}: {ratio}:1, onder de 4,5:1 die WCAG AA vraagt; de tekst is dan moeilijk te lezen",
    ),
    (
        "theme.line-contrast",
        "{what}: {ratio}:1, below the 3:1 WCAG asks{more||, and on # other fill|, and on # other fills}; lines may be hard to see",
        "{what}: {ratio}:1, onder de 3:1 die WCAG vraagt{more||, en op # ander vlak|, en op # andere vlakken}; de lijnen zijn dan moeilijk te zien",
    ),
    ("contrast.on", "{fg} on {bg}", "{fg} op {bg}"),
    (
        "contrast.on-sector",
        "{fg} on the tinted sector of {domain}",
        "{fg} op de gekleurde sector van {domain}",
    ),
    (
        "contrast.badge",
        "route badge text on routes[{i}]",
        "tekst van het routenummer op routes[{i}]",
    ),
    ("contrast.line-on", "{fg} on {bg}", "{fg} op {bg}"),
    ("contrast.background", "background", "background"),
    ("contrast.band", "band {k} of {n}", "band {k} van {n}"),
    (
        "contrast.domain-band",
        "{domain} in band {k} of {n}",
        "{domain} in band {k} van {n}",
    ),
    (
        "contrast.casing",
        "its casing (background)",
        "de rand eromheen (background)",
    ),
    // ---- The command line.
    (
        "cli.panic",
        "error: cirkel failed on this input (an internal error). Please report it with the input file.",
        "fout: cirkel liep vast op deze invoer (een interne fout). Meld het alsjeblieft, met het invoerbestand.",
    ),
    (
        "cli.no-command",
        "`cirkel {file}` needs a command first: `cirkel render {file}` draws it, `cirkel check {file}` checks it (`cirkel --help` lists them all)",
        "bij `cirkel {file}` hoort eerst een opdracht: `cirkel render {file}` tekent het, `cirkel check {file}` controleert het (`cirkel --help` toont ze allemaal)",
    ),
    (
        "cli.errors-found",
        "{file}: {n|# error|# errors} found",
        "{file}: {n|# fout|# fouten} gevonden",
    ),
    (
        "cli.errors-nothing-written",
        "{file}: {n|# error|# errors} found; nothing was written",
        "{file}: {n|# fout|# fouten} gevonden; er is niets geschreven",
    ),
    (
        "cli.check-ok",
        "{file}: ok: {members|# member|# members} on {rings|# ring|# rings}, {routes|# route|# routes}, {warnings|# warning|# warnings}, {notes|# note|# notes}",
        "{file}: in orde: {members|# lid|# leden} op {rings|# ring|# ringen}, {routes|# route|# routes}, {warnings|# waarschuwing|# waarschuwingen}, {notes|# opmerking|# opmerkingen}",
    ),
    (
        "cli.theme-ok",
        "{file}: ok: a theme, {warnings|# warning|# warnings}",
        "{file}: in orde: een thema, {warnings|# waarschuwing|# waarschuwingen}",
    ),
    ("cli.wrote", "wrote {file}", "{file} geschreven"),
    (
        "cli.init-wrote",
        "wrote {file}; check it with `cirkel check {file}`",
        "{file} geschreven; controleer het met `cirkel check {file}`",
    ),
    (
        "cli.init-exists",
        "{file} already exists; cirkel init does not overwrite it (it may be a filled-in kernteam). Give another name with -o, or add --force to replace it",
        "{file} bestaat al; cirkel init schrijft er niet overheen (het kan een ingevuld kernteam zijn). Geef met -o een andere naam, of voeg --force toe om het te vervangen",
    ),
    (
        "cli.no-stdin",
        "no input on standard input\n  help: pipe a kernteam file in, or give its path instead of `-`",
        "geen invoer op standaardinvoer\n  tip: stuur een kernteambestand in, of geef het pad in plaats van `-`",
    ),
    (
        "cli.input-is-folder",
        "{file} is a folder, not a kernteam file",
        "{file} is een map, geen kernteambestand",
    ),
    (
        "cli.cannot-write",
        "cannot write {file}: {reason}",
        "kan {file} niet schrijven: {reason}",
    ),
    (
        "cli.cannot-create",
        "cannot create {folder}: {reason}",
        "kan {folder} niet maken: {reason}",
    ),
    (
        "cli.output-is-folder",
        "{file} is a folder; give a file name like {file}/cirkel.png",
        "{file} is een map; geef een bestandsnaam zoals {file}/cirkel.png",
    ),
    (
        "cli.no-folder",
        "cannot write {file}: the folder {folder} does not exist; make it first (mkdir {folder}) or choose another -o",
        "kan {file} niet schrijven: de map {folder} bestaat niet; maak die eerst (mkdir {folder}) of kies een andere -o",
    ),
    (
        "cli.folder-is-file",
        "{folder} is a file, not a folder",
        "{folder} is een bestand, geen map",
    ),
    (
        "cli.unknown-format",
        r#"cannot tell the format from "{file}"; name it .svg or .png, or give --format"#,
        r#"uit "{file}" is het formaat niet op te maken; noem het .svg of .png, of geef --format"#,
    ),
    (
        "cli.text-as-paths-png",
        "--text-as-paths is for SVG output; a PNG holds no text to turn into outlines",
        "--text-as-paths is voor SVG-uitvoer; een PNG bevat geen tekst om in lijnen om te zetten",
    ),
    (
        "cli.output-is-input",
        "the output {file} is the input file; choose another name",
        "de uitvoer {file} is het invoerbestand; kies een andere naam",
    ),
    (
        "cli.not-a-number",
        "`{value}` is not a number",
        "`{value}` is geen getal",
    ),
    (
        "cli.scale-range",
        "the scale must be between 0.25 and 8",
        "de schaal moet tussen 0,25 en 8 liggen",
    ),
    (
        "cli.dpi-range",
        "the resolution must be between 10 and 2400 dpi",
        "de resolutie moet tussen 10 en 2400 dpi liggen",
    ),
    (
        "cli.batch-no-inputs",
        "no input files: give kernteam files, folders with *.json files, or `-` for a list on standard input",
        "geen invoerbestanden: geef kernteambestanden, mappen met *.json-bestanden, of `-` voor een lijst op standaardinvoer",
    ),
    (
        "cli.batch-output-is-file",
        "{folder} is a file; -o names the folder to write to",
        "{folder} is een bestand; -o noemt de map om in te schrijven",
    ),
    (
        "cli.batch-progress",
        "[{done}/{total}] {input} → {output}{more|| (and # more)| (and # more)}",
        "[{done}/{total}] {input} → {output}{more|| (en nog #)| (en nog #)}",
    ),
    ("cli.batch-schools", "schools", "scholen"),
    ("cli.batch-left", "left", "te gaan"),
    (
        "cli.batch-done",
        "{done|# school drawn|# schools drawn}, 0 failed; written to {folder}",
        "{done|# school getekend|# scholen getekend}, 0 mislukt; geschreven in {folder}",
    ),
    (
        "cli.batch-failed",
        "{done|# school drawn|# schools drawn}, {failed} failed: {list}",
        "{done|# school getekend|# scholen getekend}, {failed} mislukt: {list}",
    ),
    (
        "cli.no-threads",
        "cannot start worker threads: {reason}",
        "kan geen werkthreads starten: {reason}",
    ),
    (
        "cli.batch-overwrites-input",
        "the output {file} would overwrite the input",
        "de uitvoer {file} zou de invoer overschrijven",
    ),
    (
        "cli.batch-dash-twice",
        "`-` may be given only once",
        "`-` mag maar één keer",
    ),
    (
        "cli.batch-same-name",
        r#"its output name "{stem}" is the same as that of {first}; rename one of the two files"#,
        r#"de uitvoernaam "{stem}" is dezelfde als die van {first}; hernoem een van de twee bestanden"#,
    ),
];
