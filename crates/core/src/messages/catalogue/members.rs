//! Members, their contact data and photos, and routes.

use super::Entry;

/// This part of the catalogue.
pub(super) static ENTRIES: &[Entry] = &[
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
    (
        "parse.member-twice",
        "{who} is in the list twice: also as {first}",
        "{who} staat twee keer in de lijst: ook als {first}",
    ),
    (
        "parse.member-twice.help",
        "remove one of them, or give each its own name if they are two people",
        "haal er een weg, of geef elk een eigen naam als het twee mensen zijn",
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
];
