//! The sheets and columns of the format (docs/CONTRACTS.md "Spreadsheet input"):
//! Dutch names first, English aliases after; matched case-insensitively,
//! ignoring spaces, `-`, `_` and `.`. Reading and writing use the same
//! table, so a workbook cirkel writes is one it reads.

/// The kinds of sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Part {
    /// `School`: `veld`/`waarde` rows, or a table of schools.
    School,
    /// `Ringen`: the rings, inner to outer.
    Rings,
    /// `Leden`: the members.
    Members,
    /// `Routes`: the routes.
    Routes,
    /// `Overleg`: the meetings.
    Meetings,
    /// `Partners`: a samenwerkingsverband's partner list, for every school
    /// of the workbook.
    Partners,
}

/// What a column holds, and where it goes in the input document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    /// A text at this key of the item (or of `school`, or of the root for
    /// `title` and `school_year`).
    Text(&'static str),
    /// A text in the member's `contact`.
    Contact(&'static str),
    /// A phone number in the member's `contact` (numbers read back with
    /// their leading zero).
    Phone,
    /// A list of texts, `|`-separated.
    Texts(&'static str),
    /// A list of member ids, `|`-separated (commas and spaces also split).
    Ids(&'static str),
    /// `band`: the tie in Dutch words.
    Tie,
    /// `school`: which school of the workbook the row belongs to.
    School,
}

/// One column: its Dutch header, its aliases, what it holds.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    pub header: &'static str,
    pub aliases: &'static [&'static str],
    pub key: Key,
}

const fn col(header: &'static str, aliases: &'static [&'static str], key: Key) -> Column {
    Column {
        header,
        aliases,
        key,
    }
}

/// The `school` column of the per-row sheets of a many-school workbook.
pub(crate) const SCHOOL_COLUMN: Column = col("school", &["schoolnaam"], Key::School);

/// The fields of a school: the rows of `School` (`veld`/`waarde`) or the
/// columns of a table of schools. `titel` and `schooljaar` go to the
/// document's root.
pub(crate) const SCHOOL: &[Column] = &[
    col("naam", &["name", "schoolnaam", "school"], Key::Text("name")),
    col(
        "plaats",
        &["place", "gemeente", "woonplaats"],
        Key::Text("place"),
    ),
    col("sector", &["soort", "schoolsoort"], Key::Text("sector")),
    col("titel", &["title"], Key::Text("title")),
    col(
        "schooljaar",
        &["school_year", "schoolyear", "jaar"],
        Key::Text("school_year"),
    ),
];

/// The two headers of a `veld`/`waarde` School sheet.
pub(crate) const FIELD_HEADERS: [(&str, &[&str]); 2] =
    [("veld", &["field", "key"]), ("waarde", &["value"])];

pub(crate) const RINGS: &[Column] = &[
    col("id", &[], Key::Text("id")),
    col("naam", &["label", "name", "tekst"], Key::Text("label")),
];

// The columns of a person, shared by `Leden` and `Partners`.
const ID: Column = col("id", &[], Key::Text("id"));
const ROLE: Column = col("rol", &["role", "functie"], Key::Text("role"));
const NAME: Column = col("naam", &["name"], Key::Text("name"));
const ORGANISATION: Column = col(
    "organisatie",
    &["organisation", "organization", "instelling"],
    Key::Text("organisation"),
);
const EXPERTISE: Column = col(
    "expertise",
    &["deskundigheid", "expertises"],
    Key::Texts("expertise"),
);
const AVAILABILITY: Column = col(
    "bereikbaarheid",
    &["availability", "bereikbaar", "beschikbaarheid"],
    Key::Text("availability"),
);
const EMAIL: Column = col(
    "email",
    &["e-mail", "mail", "emailadres", "e-mailadres"],
    Key::Contact("email"),
);
const PHONE: Column = col(
    "telefoon",
    &["phone", "telefoonnummer", "tel", "mobiel"],
    Key::Phone,
);
const WEBSITE: Column = col("website", &["site", "url"], Key::Contact("website"));
const PHOTO: Column = col("foto", &["photo", "afbeelding"], Key::Text("photo"));

pub(crate) const MEMBERS: &[Column] = &[
    ID,
    ROLE,
    NAME,
    ORGANISATION,
    col("ring", &["cirkel"], Key::Text("ring")),
    col("domein", &["domain"], Key::Text("domain")),
    EXPERTISE,
    AVAILABILITY,
    col("band", &["tie", "relatie"], Key::Tie),
    EMAIL,
    PHONE,
    WEBSITE,
    PHOTO,
    col(
        "partner",
        &["partnerid", "partner id"],
        Key::Text("partner"),
    ),
];

/// The `Partners` sheet: the fields of a person (docs/CONTRACTS.md
/// "Partner list"), never the school's own ring, domain or tie.
pub(crate) const PARTNERS: &[Column] = &[
    ID,
    ROLE,
    NAME,
    ORGANISATION,
    EXPERTISE,
    AVAILABILITY,
    EMAIL,
    PHONE,
    WEBSITE,
    PHOTO,
];

pub(crate) const ROUTES: &[Column] = &[
    col("id", &[], Key::Text("id")),
    col("vraag", &["question", "hulpvraag"], Key::Text("question")),
    col("stappen", &["steps", "route"], Key::Ids("steps")),
    col(
        "opschalen",
        &["escalation", "opschaling", "escalatie"],
        Key::Ids("escalation"),
    ),
    col(
        "notitie",
        &["note", "opmerking", "toelichting"],
        Key::Text("note"),
    ),
];

pub(crate) const MEETINGS: &[Column] = &[
    col("wanneer", &["when", "moment", "datum"], Key::Text("when")),
    col(
        "waarvoor",
        &["purpose", "doel", "onderwerp"],
        Key::Text("purpose"),
    ),
];

impl Part {
    /// Every part, in the order of a workbook.
    pub const ALL: [Part; 6] = [
        Part::School,
        Part::Rings,
        Part::Members,
        Part::Routes,
        Part::Meetings,
        Part::Partners,
    ];

    /// The sheet's name as cirkel writes it.
    pub fn sheet(self) -> &'static str {
        match self {
            Part::School => "School",
            Part::Rings => "Ringen",
            Part::Members => "Leden",
            Part::Routes => "Routes",
            Part::Meetings => "Overleg",
            Part::Partners => "Partners",
        }
    }

    /// Other names the sheet is known by.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Part::School => &["scholen", "schools"],
            Part::Rings => &["rings", "ring"],
            Part::Members => &["members", "kernteam", "lid"],
            Part::Routes => &["route"],
            Part::Meetings => &["meetings", "overleggen", "bijeenkomsten"],
            Part::Partners => &["partnerlijst", "partner list"],
        }
    }

    /// The columns of a per-row sheet (`School` as a table has [`SCHOOL`]).
    pub fn columns(self) -> &'static [Column] {
        match self {
            Part::School => SCHOOL,
            Part::Rings => RINGS,
            Part::Members => MEMBERS,
            Part::Routes => ROUTES,
            Part::Meetings => MEETINGS,
            Part::Partners => PARTNERS,
        }
    }

    /// The key of the document's list this sheet fills.
    pub fn list(self) -> &'static str {
        match self {
            Part::School => "school",
            Part::Rings => "rings",
            Part::Members => "members",
            Part::Routes => "routes",
            Part::Meetings => "meetings",
            Part::Partners => "partners",
        }
    }

    /// The part a sheet's name means, if any.
    pub fn of_sheet(name: &str) -> Option<Part> {
        let written = normal(name);
        Part::ALL.into_iter().find(|p| {
            normal(p.sheet()) == written || p.aliases().iter().any(|a| normal(a) == written)
        })
    }
}

impl Column {
    /// True when `header` names this column.
    pub fn named(&self, header: &str) -> bool {
        let written = normal(header);
        normal(self.header) == written || self.aliases.iter().any(|a| normal(a) == written)
    }
}

/// A name as it is compared: lower case, without spaces, `-`, `_`, `.`.
pub(crate) fn normal(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '.' | '\u{a0}'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The Dutch words for the ties (the `band` column) and their JSON values.
pub(crate) const TIES: [(&str, &str); 4] = [
    ("sterk", "strong"),
    ("normaal", "normal"),
    ("zwak", "tenuous"),
    ("gespannen", "stressful"),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field of a member has its column in `Leden`, and every column
    /// there is a field (the list of fields is in `cirkel_core`): a field
    /// added without a column fails here.
    #[test]
    fn every_member_field_has_a_column() {
        let field_of = |key: Key| match key {
            Key::Text(k) | Key::Texts(k) | Key::Ids(k) => k.to_string(),
            Key::Contact(k) => format!("contact.{k}"),
            Key::Phone => "contact.phone".to_string(),
            Key::Tie => "tie".to_string(),
            Key::School => "school".to_string(),
        };
        let mut columns: Vec<String> = MEMBERS.iter().map(|c| field_of(c.key)).collect();
        columns.sort_unstable();
        let mut fields: Vec<String> = cirkel_core::MemberField::ALL
            .iter()
            .map(|f| f.key().to_string())
            .collect();
        fields.sort_unstable();
        assert_eq!(columns, fields);
    }

    #[test]
    fn names_match_in_any_case_and_spelling() {
        assert_eq!(Part::of_sheet("LEDEN"), Some(Part::Members));
        assert_eq!(Part::of_sheet("Members"), Some(Part::Members));
        assert_eq!(Part::of_sheet("Leeden"), None);
        assert!(MEMBERS[9].named("E-mail"));
        assert!(SCHOOL[4].named("School Year"));
        assert!(!MEMBERS[1].named("rool"));
    }

    #[test]
    fn no_header_means_two_columns() {
        for part in Part::ALL {
            let cols = part.columns();
            for (i, a) in cols.iter().enumerate() {
                for b in &cols[i + 1..] {
                    for name in std::iter::once(&b.header).chain(b.aliases) {
                        assert!(!a.named(name), "{:?}: {name}", part);
                    }
                }
                assert!(!SCHOOL_COLUMN.named(a.header) || part == Part::School);
            }
        }
    }
}
