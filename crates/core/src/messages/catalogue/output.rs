//! Files, drawing, themes and the command line.

use super::Entry;

/// This part of the catalogue.
pub(super) static ENTRIES: &[Entry] = &[
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
        "since.layout-limit",
        "last year's layout holds more than a kernteam may: {what} {n} (at most {max})",
        "de lay-out van vorig jaar bevat meer dan een kernteam mag: {what} {n} (hoogstens {max})",
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
        "draw.too-small.paper",
        "on {paper} the smallest text is {size} pt, under 8 pt; cards show role and name only",
        "op {paper} is de kleinste tekst {size} pt, kleiner dan 8 pt; kaarten tonen alleen rol en naam",
    ),
    (
        "draw.too-small.paper.help",
        "print it on A3 (--paper a3), or split the circle",
        "druk hem af op A3 (--paper a3), of verdeel de cirkel",
    ),
    (
        "draw.too-small.a3.help",
        "put fewer members on one circle (for example the network ring in a circle of its own)",
        "zet minder leden op één cirkel (bijvoorbeeld de netwerkring in een eigen cirkel)",
    ),
    (
        "pdf.failed",
        "the PDF could not be written: {reason}",
        "de PDF kon niet worden gemaakt: {reason}",
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
        "cli.check-since",
        "{file}: since last year: {new|# new member|# new members}, {left|# left|# left}, {moved|# moved|# moved}",
        "{file}: sinds vorig jaar: {new|# nieuw lid|# nieuwe leden}, {left|# vertrokken|# vertrokken}, {moved|# verschoven|# verschoven}",
    ),
    (
        "cli.batch-no-since",
        "{file}: no last year's file {last}: drawn without what changed",
        "{file}: geen bestand van vorig jaar {last}: getekend zonder wat er veranderd is",
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
        "cli.not-for-pdf",
        "{option} does not apply to PDF: a PDF page is A4 or A3 (--paper a3) and its text stays text",
        "{option} geldt niet voor PDF: een PDF-pagina is A4 of A3 (--paper a3) en de tekst blijft tekst",
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
    (
        "cli.convert-failed",
        "cannot write the workbook: {reason}",
        "kan de werkmap niet schrijven: {reason}",
    ),
    (
        "cli.convert-format",
        "{file}: cirkel convert writes .json, .xlsx or .ods",
        "{file}: cirkel convert schrijft .json, .xlsx of .ods",
    ),
    (
        "cli.convert-files",
        "cirkel convert reads a file and writes a file (not standard input or output)",
        "cirkel convert leest een bestand en schrijft een bestand (niet standaardinvoer of -uitvoer)",
    ),
    (
        "cli.convert-differs",
        "{file} is not written: read back, it would not give the same kernteam ({reason}); please report this",
        "{file} is niet geschreven: teruggelezen geeft het niet hetzelfde kernteam ({reason}); meld dit alsjeblieft",
    ),
    (
        "cli.convert-count",
        "{n} schools instead of {m}",
        "{n} scholen in plaats van {m}",
    ),
    (
        "cli.convert-school",
        "school {school} differs",
        "school {school} verschilt",
    ),
    (
        "cli.convert-exists",
        "{file} already exists; cirkel convert does not overwrite it. Give another name, or add --force to replace it",
        "{file} bestaat al; cirkel convert schrijft er niet overheen. Geef een andere naam, of voeg --force toe om het te vervangen",
    ),
    (
        "cli.convert-wrote",
        "wrote {file} ({n|one school|# schools})",
        "{file} geschreven ({n|één school|# scholen})",
    ),
    (
        "cli.convert-same-school",
        r#"school "{school}" is in more than one input; a workbook names each school once"#,
        r#"school "{school}" staat in meer dan één invoer; een werkmap noemt elke school één keer"#,
    ),
    (
        "cli.convert-one-json",
        "a JSON file holds one school: name it with --school, or write a workbook (.xlsx, .ods)",
        "een JSON-bestand bevat één school: noem hem met --school, of schrijf een werkmap (.xlsx, .ods)",
    ),
    // ---- Photos (`photo.`): a phone's photo made fit for a card.
    (
        "photo.file-too-large",
        "the photo is {mb} MB; a photo of at most {limit} MB is taken",
        "de foto is {mb} MB; een foto van hoogstens {limit} MB wordt genomen",
    ),
    (
        "photo.too-many-pixels",
        "the photo has {mp} megapixels; at most {limit} are taken (save it smaller first)",
        "de foto heeft {mp} megapixel; hoogstens {limit} worden genomen (sla hem eerst kleiner op)",
    ),
    (
        "photo.kind",
        "this is not a photo cirkel can read: choose a JPG or PNG",
        "dit is geen foto die cirkel kan lezen: kies een JPG of PNG",
    ),
    (
        "photo.heic",
        "this is an iPhone photo (HEIC): send it as JPG (on the iPhone: Settings > Camera > Formats > Most Compatible), or save it as JPG first",
        "dit is een iPhone-foto (HEIC): stuur hem als JPG (op de iPhone: Instellingen > Camera > Formaten > Meest compatibel), of sla hem eerst op als JPG",
    ),
    (
        "photo.broken",
        "the photo cannot be read (the file is damaged or incomplete): choose it again or take another one",
        "de foto is niet te lezen (het bestand is beschadigd of onvolledig): kies hem opnieuw of neem een andere",
    ),
];
