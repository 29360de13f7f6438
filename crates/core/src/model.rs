//! The validated model of a cirkel van invloed.
//!
//! These values come out of [`crate::parse`]: every reference is resolved,
//! every default filled in (from the role catalogue, in the chosen language),
//! every text cleaned. Layout and rendering trust them and never re-check.

use serde::{Deserialize, Serialize};

/// The language of the text the tool adds itself (defaults, legend, titles).
/// What a school writes is shown as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Dutch, the default.
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// Picks the Dutch or the English text.
    pub fn pick<'a>(self, nl: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }

    /// The other language.
    pub fn other(self) -> Lang {
        match self {
            Lang::Nl => Lang::En,
            Lang::En => Lang::Nl,
        }
    }
}

/// The field of work a member belongs to; it picks the sector and the colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Domain {
    /// The school and its board.
    Onderwijs,
    /// The samenwerkingsverband passend onderwijs.
    Samenwerkingsverband,
    /// School attendance (the municipality's leerplicht).
    Leerplicht,
    /// Health: GGD/JGZ, GP, youth mental health.
    Gezondheid,
    /// Youth care: CJG, school social work, wijkteam.
    Jeugdhulp,
    /// Safety: Veilig Thuis, child protection, police.
    Veiligheid,
    /// Anything else.
    Overig,
    /// Parents, as partners in routes (the built-in role `ouders`); never a
    /// person's data.
    Ouders,
}

impl Domain {
    /// All domains in their order around the circle (clockwise from the top):
    /// onderwijs next to the samenwerkingsverband, gezondheid next to
    /// jeugdhulp, veiligheid on the outer edge of jeugdhulp, ouders last,
    /// so that around the circle they sit beside onderwijs.
    pub const ALL: [Domain; 8] = [
        Domain::Onderwijs,
        Domain::Samenwerkingsverband,
        Domain::Leerplicht,
        Domain::Gezondheid,
        Domain::Jeugdhulp,
        Domain::Veiligheid,
        Domain::Overig,
        Domain::Ouders,
    ];

    /// The key used in input files and CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            Domain::Onderwijs => "onderwijs",
            Domain::Samenwerkingsverband => "samenwerkingsverband",
            Domain::Leerplicht => "leerplicht",
            Domain::Gezondheid => "gezondheid",
            Domain::Jeugdhulp => "jeugdhulp",
            Domain::Veiligheid => "veiligheid",
            Domain::Overig => "overig",
            Domain::Ouders => "ouders",
        }
    }

    /// The position in [`Domain::ALL`] (and in a theme's domain colours).
    pub fn index(self) -> usize {
        self as usize
    }

    /// Parses an input key.
    pub fn from_key(key: &str) -> Option<Domain> {
        Domain::ALL.into_iter().find(|d| d.key() == key)
    }

    /// The name shown in the legend.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Domain::Onderwijs => lang.pick("Onderwijs", "Education"),
            Domain::Samenwerkingsverband => {
                lang.pick("Samenwerkingsverband", "Samenwerkingsverband (SWV)")
            }
            Domain::Leerplicht => lang.pick("Leerplicht", "School attendance"),
            Domain::Gezondheid => lang.pick("Gezondheid", "Health"),
            Domain::Jeugdhulp => lang.pick("Jeugdhulp", "Youth care"),
            Domain::Veiligheid => lang.pick("Veiligheid", "Safety"),
            Domain::Overig => lang.pick("Overig", "Other"),
            Domain::Ouders => lang.pick("Ouders", "Parents"),
        }
    }
}

/// How the collaboration between the school and a member works today,
/// in the ecomap notation (Hartman).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tie {
    /// A strong, working tie.
    Strong,
    /// An ordinary tie.
    #[default]
    Normal,
    /// A weak tie that needs attention.
    Tenuous,
    /// A tie with friction.
    Stressful,
}

/// The kind of school.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SchoolSector {
    /// Primair onderwijs (primary).
    Po,
    /// Voortgezet onderwijs (secondary).
    Vo,
    /// Speciaal onderwijs.
    So,
    /// Speciaal basisonderwijs.
    Sbo,
}

/// The school at the centre.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct School {
    /// Its name, as the school writes it.
    pub name: String,
    /// Town or city.
    pub place: Option<String>,
    /// Kind of school.
    pub sector: Option<SchoolSector>,
}

/// One concentric ring, inner to outer: the closer, the closer the collaboration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ring {
    /// Its id, referred to by `members[].ring`.
    pub id: String,
    /// Its label on the diagram.
    pub label: String,
}

/// How to reach a member.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Contact {
    /// E-mail address (checked for shape, without `mailto:`).
    pub email: Option<String>,
    /// Telephone number (digits, spaces, `+ - ( ) .`).
    pub phone: Option<String>,
    /// An `http:` or `https:` link.
    pub website: Option<String>,
}

impl Contact {
    /// True when nothing is filled in.
    pub fn is_empty(&self) -> bool {
        self.email.is_none() && self.phone.is_none() && self.website.is_none()
    }
}

/// A professional in the circle. Never a pupil: the circle holds no child data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    /// Unique id (`[a-z0-9-]+`, NFC), used by routes.
    pub id: String,
    /// The catalogue role id when the role is a built-in one.
    pub catalogue_role: Option<String>,
    /// The role as shown (catalogue label in the chosen language, or the text given).
    pub role: String,
    /// The person's name, if given.
    pub name: Option<String>,
    /// Organisation (defaults from the catalogue).
    pub organisation: Option<String>,
    /// Index into [`Kernteam::rings`].
    pub ring: usize,
    /// Domain (sector and colour).
    pub domain: Domain,
    /// What the member is approached for.
    pub expertise: Vec<String>,
    /// When and where the member can be found ("di-ochtend op school").
    pub availability: Option<String>,
    /// The state of the tie with the school.
    pub tie: Tie,
    /// Contact data.
    pub contact: Contact,
    /// The partner of the partner list it takes its fields from
    /// (`"partner": "ID"`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner: Option<String>,
    /// The member's photo, read and checked by the parser.
    pub photo: Option<Photo>,
}

/// The kind of a photo file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ImageKind {
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
}

impl ImageKind {
    /// The kind from a file's first bytes; `None` when it is neither PNG
    /// nor JPEG.
    pub fn sniff(bytes: &[u8]) -> Option<ImageKind> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ImageKind::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(ImageKind::Jpeg)
        } else {
            None
        }
    }

    /// Its MIME type.
    pub fn mime(self) -> &'static str {
        match self {
            ImageKind::Png => "image/png",
            ImageKind::Jpeg => "image/jpeg",
        }
    }
}

/// A member's photo: read once through [`crate::Resources`] and checked
/// (PNG or JPEG, within the byte and pixel limits, its size read from the
/// header before anything decodes it). Serialised as its path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    /// The path as the input gives it, relative to the input file.
    pub path: String,
    /// PNG or JPEG.
    pub kind: ImageKind,
    /// Width in pixels, from the header.
    pub width: u32,
    /// Height in pixels, from the header.
    pub height: u32,
    /// The file's bytes (shared: copies of a kernteam share them).
    pub bytes: std::sync::Arc<[u8]>,
}

impl Serialize for Photo {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.path)
    }
}

/// Which partner a school goes to for which hulpvraag, and where it escalates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Route {
    /// Unique id, for `--route`.
    pub id: String,
    /// The hulpvraag.
    pub question: String,
    /// Member ids in order.
    pub steps: Vec<String>,
    /// Member ids to escalate to ("opschalen"), in order.
    pub escalation: Vec<String>,
    /// A remark, such as "Startgesprek met ouders op school".
    pub note: Option<String>,
}

/// A planned kernteam meeting: how the team keeps finding each other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meeting {
    /// When ("oktober").
    pub when: String,
    /// What for.
    pub purpose: String,
}

/// A school's kernteam with everything resolved: the input of the layout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Kernteam {
    /// The language the defaults were filled in.
    pub lang: Lang,
    /// The school at the centre.
    pub school: School,
    /// Title of the diagram.
    pub title: String,
    /// School year ("2018-2019").
    pub school_year: Option<String>,
    /// Rings, inner to outer (at least one).
    pub rings: Vec<Ring>,
    /// Members in input order.
    pub members: Vec<Member>,
    /// Routes in input order.
    pub routes: Vec<Route>,
    /// Meetings in input order.
    pub meetings: Vec<Meeting>,
}

impl Kernteam {
    /// The member with this id.
    pub fn member(&self, id: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.id == id)
    }
}

/// How much personal data the output may show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Privacy {
    /// Everything in the input.
    #[default]
    Full,
    /// No contact data (e-mail, phone, website).
    Names,
    /// No contact data, personal names or photos; member ids are replaced
    /// by neutral ones (`lid-1`, …) because schools often make ids from
    /// names. For a public web page.
    Roles,
}

#[cfg(test)]
mod tests {
    use crate::{ParseOptions, parse};

    use super::*;

    #[test]
    fn redaction_drops_what_each_level_promises() {
        let k = parse(
            br#"{ "school": { "name": "X" }, "members": [
                { "id": "maaike", "role": "intern-begeleider", "name": "Maaike",
                  "contact": { "email": "m@example.nl", "phone": "023 1", "website": "https://example.nl" } },
                { "id": "cjg", "role": "cjg-coach" } ],
              "routes": [ { "question": "q", "steps": ["maaike", "cjg"], "escalation": ["cjg"] } ] }"#,
            &ParseOptions::default(),
        )
        .unwrap()
        .kernteam;
        assert_eq!(k.redacted(Privacy::Full), k);
        let names = k.redacted(Privacy::Names);
        assert!(names.members.iter().all(|m| m.contact.is_empty()));
        assert_eq!(names.members[0].name.as_deref(), Some("Maaike"));
        let roles = k.redacted(Privacy::Roles);
        assert!(
            roles
                .members
                .iter()
                .all(|m| m.name.is_none() && m.photo.is_none())
        );
        assert_eq!(roles.members[0].id, "lid-1");
        assert_eq!(roles.routes[0].steps, ["lid-1", "lid-2"]);
        assert_eq!(roles.routes[0].escalation, ["lid-2"]);
    }
}
