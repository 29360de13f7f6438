//! Messages about spreadsheets (`sheet.`): reading workbooks and CSV
//! files, and the guide sheet of the workbooks cirkel writes.

use super::Entry;

/// The entries of this part.
pub static ENTRIES: &[Entry] = &[
    // The checks' words for a workbook's cells where the JSON wording
    // names keys and brackets (cirkel-sheets swaps them in).
    (
        "sheet.fix.member-needs-role",
        "a member needs a rol or a naam",
        "een lid heeft een rol of een naam nodig",
    ),
    (
        "sheet.fix.member-needs-role.help",
        "fill in the column rol: a role from the drop-down list (`cirkel roles` lists them) or a text of your own",
        "vul de kolom rol in: een rol uit de keuzelijst (`cirkel roles` toont ze) of een eigen tekst",
    ),
    (
        "sheet.fix.route-needs-question",
        "a route needs a vraag: the hulpvraag it answers",
        "een route heeft een vraag nodig: de hulpvraag die ze beantwoordt",
    ),
    (
        "sheet.fix.route-needs-question.help",
        "fill in the column vraag, e.g. Verzuim en te laat komen",
        "vul de kolom vraag in, bijvoorbeeld Verzuim en te laat komen",
    ),
    (
        "sheet.fix.route-needs-steps",
        "a route needs at least one step in stappen",
        "een route heeft minstens één stap in stappen nodig",
    ),
    (
        "sheet.fix.route-needs-steps.help",
        "put the ids of members in stappen, in order and separated by |, e.g. {first}",
        "zet in stappen de id's van de leden op volgorde, gescheiden door |, bijvoorbeeld {first}",
    ),
    (
        "sheet.fix.no-expertise.help",
        "fill in expertise (several separated by |) so the school knows what to ask this member",
        "vul expertise in (meer dan één gescheiden door |), zodat de school weet waarvoor ze bij dit lid terechtkan",
    ),
    (
        "sheet.fix.step-by-role.help",
        "write {id}: stappen name members by their id (the column id of Leden)",
        "schrijf {id}: stappen noemen leden bij hun id (de kolom id van Leden)",
    ),
    (
        "sheet.fix.school-name-missing.help",
        "fill in the school's naam on the sheet School",
        "vul op het blad School de naam van de school in",
    ),
    (
        "sheet.fix.ring-needs-id.help",
        "fill in the column id, e.g. kernteam",
        "vul de kolom id in, bijvoorbeeld kernteam",
    ),
    (
        "sheet.fix.meeting-needs",
        "a meeting needs wanneer and waarvoor",
        "een overleg heeft een wanneer en een waarvoor nodig",
    ),
    (
        "sheet.fix.meeting-needs.help",
        "fill in both columns, e.g. oktober and Kennismaken",
        "vul beide kolommen in, bijvoorbeeld oktober en Kennismaken",
    ),
    (
        "sheet.too-many-cells",
        "the workbook has more than {limit} filled cells",
        "de werkmap heeft meer dan {limit} gevulde cellen",
    ),
    (
        "sheet.too-many-cells.help",
        "a kernteam fills a few hundred cells; remove the sheets that are not about the kernteam, or name them with a `(` first",
        "een kernteam vult een paar honderd cellen; haal de bladen weg die niet over het kernteam gaan, of laat hun naam met `(` beginnen",
    ),
    (
        "sheet.too-many-sheets",
        "the workbook has more than {limit} sheets",
        "de werkmap heeft meer dan {limit} bladen",
    ),
    (
        "sheet.too-many-sheets.help",
        "keep the sheets School, Ringen, Leden, Routes and Overleg in a workbook of their own",
        "zet de bladen School, Ringen, Leden, Routes en Overleg in een eigen werkmap",
    ),
    (
        "sheet.damaged",
        "the workbook cannot be read ({reason})",
        "de werkmap is niet te lezen ({reason})",
    ),
    (
        "sheet.bad-reference",
        "sheet \"{sheet}\" has a cell whose place cannot be read (\"{reference}\"): the workbook is damaged, and that cell would be lost",
        "werkblad \"{sheet}\" heeft een cel waarvan de plek niet te lezen is (\"{reference}\"): de werkmap is beschadigd, en die cel zou verloren gaan",
    ),
    (
        "sheet.damaged.help",
        "open it in Excel or LibreOffice and save it again (as .xlsx or .ods)",
        "open hem in Excel of LibreOffice en sla hem opnieuw op (als .xlsx of .ods)",
    ),
    (
        "sheet.ole",
        "this is not a workbook cirkel can read: it is protected with a password, or an old .xls file",
        "dit is geen werkmap die cirkel kan lezen: hij is met een wachtwoord beveiligd, of een oud .xls-bestand",
    ),
    (
        "sheet.ole.help",
        "save it as .xlsx (or .ods) without a password",
        "sla hem op als .xlsx (of .ods) zonder wachtwoord",
    ),
    (
        "sheet.not-zip",
        "this is not a .{format} workbook",
        "dit is geen .{format}-werkmap",
    ),
    (
        "sheet.not-zip.help",
        "save the workbook from Excel or LibreOffice as .xlsx or .ods; a kernteam in JSON is a file ending in .json",
        "sla de werkmap vanuit Excel of LibreOffice op als .xlsx of .ods; een kernteam in JSON is een bestand dat op .json eindigt",
    ),
    (
        "sheet.zip-entries",
        "the workbook holds more than {limit} parts",
        "de werkmap bevat meer dan {limit} onderdelen",
    ),
    (
        "sheet.zip-bomb",
        "the workbook unpacks to more than {limit} MiB",
        "de werkmap wordt uitgepakt groter dan {limit} MiB",
    ),
    (
        "sheet.zip-bomb.help",
        "a kernteam's workbook is a few kilobytes; this file is not one, or holds much more (pictures, other sheets): save the kernteam's sheets in a workbook of their own",
        "een werkmap van een kernteam is een paar kilobyte; dit bestand is er geen, of bevat veel meer (afbeeldingen, andere bladen): sla de bladen van het kernteam op in een eigen werkmap",
    ),
    (
        "sheet.macros",
        "the workbook contains macros, which cirkel does not read",
        "de werkmap bevat macro's; die leest cirkel niet",
    ),
    (
        "sheet.macros.help",
        "save it as an .xlsx workbook (without macros) or as .ods",
        "sla hem op als .xlsx-werkmap (zonder macro's) of als .ods",
    ),
    (
        "sheet.not-ods",
        r#"this is not an .ods spreadsheet (it says it is "{found}")"#,
        r#"dit is geen .ods-rekenblad (het bestand zegt "{found}" te zijn)"#,
    ),
    (
        "sheet.other-format",
        "cirkel does not read .{format} files",
        "cirkel leest geen .{format}-bestanden",
    ),
    (
        "sheet.other-format.help",
        "save it as .xlsx or .ods (or the members as .csv)",
        "sla hem op als .xlsx of .ods (of de leden als .csv)",
    ),
    (
        "sheet.csv-windows-1252",
        "the file is not UTF-8; it is read as Windows-1252 (Excel's \"CSV\")",
        "het bestand is geen UTF-8; het is gelezen als Windows-1252 (\"CSV\" uit Excel)",
    ),
    (
        "sheet.csv-windows-1252.help",
        "check the names with accents (é, ë, ï); in Excel, save as \"CSV UTF-8\" to be sure",
        "kijk de namen met accenten na (é, ë, ï); kies in Excel \"CSV UTF-8\" bij opslaan om zeker te zijn",
    ),
    (
        "sheet.date",
        "the spreadsheet made a date of this cell ({date}); what was typed is lost",
        "het rekenblad heeft van deze cel een datum gemaakt ({date}); wat er getypt is, is weg",
    ),
    (
        "sheet.time",
        "the spreadsheet made a time of this cell; what was typed is lost",
        "het rekenblad heeft van deze cel een tijd gemaakt; wat er getypt is, is weg",
    ),
    (
        "sheet.boolean",
        "the cell holds {value}, not text",
        "de cel bevat {value}, geen tekst",
    ),
    (
        "sheet.as-text.help",
        "format the column as text (or type a ' before the value) and type it again",
        "maak de kolom 'tekst' (of typ een ' voor de waarde) en typ hem opnieuw",
    ),
    (
        "sheet.formula-error",
        "the cell's formula gives an error ({error})",
        "de formule in de cel geeft een fout ({error})",
    ),
    (
        "sheet.formula-error.help",
        "type the value itself instead of a formula",
        "typ de waarde zelf in plaats van een formule",
    ),
    (
        "sheet.phone-number",
        "the phone number was stored as a number; read as {phone}",
        "het telefoonnummer is als getal opgeslagen; gelezen als {phone}",
    ),
    (
        "sheet.unknown-sheet",
        r#"unknown sheet "{sheet}""#,
        r#"onbekend blad "{sheet}""#,
    ),
    (
        "sheet.unknown-sheet.near",
        r#"did you mean "{near}"? (a sheet whose name starts with `(` is ignored)"#,
        r#"bedoel je "{near}"? (een blad waarvan de naam met `(` begint, wordt overgeslagen)"#,
    ),
    (
        "sheet.unknown-sheet.known",
        "the sheets are {known}; give a sheet of your own a name starting with `(`, then it is ignored",
        "de bladen zijn {known}; laat de naam van een eigen blad met `(` beginnen, dan wordt het overgeslagen",
    ),
    (
        "sheet.second-sheet",
        r#"sheet "{sheet}" is the same as sheet "{first}""#,
        r#"blad "{sheet}" is hetzelfde als blad "{first}""#,
    ),
    (
        "sheet.second-sheet.help",
        "keep one of them (this one is not read)",
        "houd er één over (dit blad wordt niet gelezen)",
    ),
    (
        "sheet.unknown-column",
        r#"unknown column "{column}" in sheet {sheet}"#,
        r#"onbekende kolom "{column}" in blad {sheet}"#,
    ),
    (
        "sheet.unknown-column.near",
        r#"did you mean "{near}"? (a column whose header starts with `(` is ignored)"#,
        r#"bedoel je "{near}"? (een kolom waarvan de kop met `(` begint, wordt overgeslagen)"#,
    ),
    (
        "sheet.unknown-column.known",
        "the columns are {known}; start the header of a column of your own with `(`, then it is ignored",
        "de kolommen zijn {known}; laat de kop van een eigen kolom met `(` beginnen, dan wordt hij overgeslagen",
    ),
    (
        "sheet.second-column",
        r#"column "{column}" is there twice (also in column {first})"#,
        r#"kolom "{column}" staat er twee keer (ook in kolom {first})"#,
    ),
    (
        "sheet.second-column.help",
        "keep one of them (this one is not read)",
        "houd er één over (deze wordt niet gelezen)",
    ),
    (
        "sheet.unknown-field",
        r#"unknown field "{field}""#,
        r#"onbekend veld "{field}""#,
    ),
    (
        "sheet.unknown-field.near",
        r#"did you mean "{near}"?"#,
        r#"bedoel je "{near}"?"#,
    ),
    (
        "sheet.unknown-field.known",
        "the fields are {known}",
        "de velden zijn {known}",
    ),
    (
        "sheet.too-many-schools",
        "the workbook has more than {limit} schools",
        "de werkmap heeft meer dan {limit} scholen",
    ),
    (
        "sheet.school-without-name",
        "this school has no name",
        "deze school heeft geen naam",
    ),
    (
        "sheet.school-without-name.help",
        "fill in the column naam: the other sheets name the school by it",
        "vul de kolom naam in: de andere bladen noemen de school daarmee",
    ),
    (
        "sheet.second-school",
        r#"school "{school}" is in the sheet twice"#,
        r#"school "{school}" staat twee keer in het blad"#,
    ),
    (
        "sheet.second-school.help",
        r#"keep one row for "{first}" (this one is not read), or give the schools different names"#,
        r#"houd één rij over voor "{first}" (deze wordt niet gelezen), of geef de scholen verschillende namen"#,
    ),
    (
        "sheet.no-school-column",
        "the workbook has several schools, but sheet {sheet} has no column school",
        "de werkmap heeft meer scholen, maar blad {sheet} heeft geen kolom school",
    ),
    (
        "sheet.no-school-column.help",
        "add a column school and name each row's school (as in the sheet School)",
        "voeg een kolom school toe en noem in elke rij de school (zoals in het blad School)",
    ),
    (
        "sheet.row-without-school",
        "this row names no school",
        "deze rij noemt geen school",
    ),
    (
        "sheet.row-without-school.help",
        "fill in the school: one of {schools}",
        "vul de school in: een van {schools}",
    ),
    (
        "sheet.unknown-school",
        r#"unknown school "{school}""#,
        r#"onbekende school "{school}""#,
    ),
    (
        "sheet.unknown-school.near",
        r#"did you mean "{near}"?"#,
        r#"bedoel je "{near}"?"#,
    ),
    (
        "sheet.unknown-school.known",
        "the schools of the workbook are {schools}",
        "de scholen in de werkmap zijn {schools}",
    ),
    (
        "sheet.which-school",
        "the workbook has {n} schools; which one?",
        "de werkmap heeft {n} scholen; welke?",
    ),
    (
        "sheet.which-school.help",
        "name it with --school: {schools} (or draw them all with cirkel batch)",
        "noem hem met --school: {schools} (of teken ze allemaal met cirkel batch)",
    ),
    (
        "sheet.no-such-school",
        r#"the workbook has no school "{school}""#,
        r#"de werkmap heeft geen school "{school}""#,
    ),
    (
        "sheet.guide.title",
        "How to fill in this workbook (cirkel, the cirkel van invloed). Sheets and columns whose name starts with ( are ignored.",
        "Zo vul je deze werkmap in (cirkel, de cirkel van invloed). Bladen en kolommen waarvan de naam met ( begint, slaat cirkel over.",
    ),
    (
        "sheet.guide.school",
        "School: the school's name (required), place, sector (po, so, vo, mbo), the picture's title and the school year. A workbook of several schools has one row per school here (columns naam, plaats, sector, titel, schooljaar).",
        "School: de naam van de school (verplicht), plaats, sector (po, so, vo, mbo), de titel van de tekening en het schooljaar. Een werkmap met meer scholen heeft hier één rij per school (kolommen naam, plaats, sector, titel, schooljaar).",
    ),
    (
        "sheet.guide.rings",
        "Ringen: the rings from the school outwards, each an id and a name. Empty: the three standard rings school (In de school), kernteam (Kernteam) and netwerk (Op afroep).",
        "Ringen: de ringen van de school naar buiten, elk een id en een naam. Leeg: de drie standaardringen school (In de school), kernteam (Kernteam) en netwerk (Op afroep).",
    ),
    (
        "sheet.guide.members",
        "Leden: one row per member of the kernteam. id: a short name of lowercase letters, digits and -, used in Routes. ring: the id of a ring. Empty cells get a sensible default.",
        "Leden: één rij per lid van het kernteam. id: een korte naam van kleine letters, cijfers en -, die je in Routes gebruikt. ring: de id van een ring. Lege cellen krijgen een passende standaard.",
    ),
    (
        "sheet.guide.roles",
        "rol: a role from the list (then cirkel fills in organisation, domain, ring and expertise) or your own text. cirkel roles lists them all.",
        "rol: een rol uit de lijst (dan vult cirkel organisatie, domein, ring en expertise in) of een eigen omschrijving. cirkel roles toont ze allemaal.",
    ),
    (
        "sheet.guide.lists",
        "Several values in one cell (expertise, stappen, opschalen): separate them with | (gedrag | thuissituatie). A cell with only - means none (no expertise at all). \\| is a bar in the text itself.",
        "Meer waarden in één cel (expertise, stappen, opschalen): scheid ze met | (gedrag | thuissituatie). Een cel met alleen - betekent geen (helemaal geen expertise). \\| is een streep in de tekst zelf.",
    ),
    (
        "sheet.guide.ties",
        "band: how the collaboration with the school works today: sterk, normaal, zwak or gespannen. domein: onderwijs, samenwerkingsverband, jeugdhulp, gezondheid, leerplicht, veiligheid, ouders or overig.",
        "band: hoe de samenwerking met de school nu loopt: sterk, normaal, zwak of gespannen. domein: onderwijs, samenwerkingsverband, jeugdhulp, gezondheid, leerplicht, veiligheid, ouders of overig.",
    ),
    (
        "sheet.guide.routes",
        "Routes: one row per hulpvraag. stappen and opschalen: the ids of members in order, separated by | (ib | cjg).",
        "Routes: één rij per hulpvraag. stappen en opschalen: de ids van leden op volgorde, gescheiden door | (ib | cjg).",
    ),
    (
        "sheet.guide.meetings",
        "Overleg: when the kernteam meets (wanneer) and what for (waarvoor).",
        "Overleg: wanneer het kernteam bij elkaar komt (wanneer) en waarvoor (waarvoor).",
    ),
    (
        "sheet.guide.own",
        "Room for your own notes: a column whose header starts with ( (for example (opmerking)) and a sheet whose name starts with ( are ignored.",
        "Ruimte voor eigen aantekeningen: een kolom waarvan de kop met ( begint (bijvoorbeeld (opmerking)) en een blad waarvan de naam met ( begint, slaat cirkel over.",
    ),
    (
        "sheet.guide.phone",
        "Phone numbers and school years: keep those cells as text, or the spreadsheet drops the leading 0 or makes a date of them.",
        "Telefoonnummers en schooljaren: houd die cellen 'tekst', anders haalt het rekenblad de 0 vooraan weg of maakt er een datum van.",
    ),
    (
        "sheet.guide.many",
        "Several schools in one workbook: one row per school in School, and a column school in Leden, Routes and Overleg (and in Ringen when the rings differ) that names each row's school.",
        "Meer scholen in één werkmap: één rij per school in School, en een kolom school in Leden, Routes en Overleg (en in Ringen als de ringen verschillen) die bij elke rij de school noemt.",
    ),
    (
        "sheet.guide.draw",
        "Check: cirkel check kernteam.xlsx. Draw: cirkel render kernteam.xlsx -o cirkel.png. All schools: cirkel batch kernteam.xlsx -o cirkels.",
        "Controleren: cirkel check kernteam.xlsx. Tekenen: cirkel render kernteam.xlsx -o cirkel.png. Alle scholen: cirkel batch kernteam.xlsx -o cirkels.",
    ),
];
