//! Input documents to workbooks: the tables (the reverse of
//! [`crate::tables`]), then `.xlsx` through rust_xlsxwriter or `.ods`
//! written here. Every value is written as text, never as a formula or a
//! number, so `=HYPERLINK(…)` in a name stays a name and `0235551234`
//! keeps its zero.

use cirkel_core::{Lang, Role, msg, roles};
use serde_json::Value;

use crate::columns::{FIELD_HEADERS, Key, Part, SCHOOL, SCHOOL_COLUMN, TIES};
use crate::values;

mod ods;
mod xlsx;

pub(crate) use ods::write as write_ods;
pub(crate) use xlsx::write as write_xlsx;

/// A drop-down list of the `(lijsten)` sheet, by its column there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum List {
    Roles,
    Rings,
    Domains,
    Ties,
}

/// One sheet to write.
pub(crate) struct Table {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Column widths in characters.
    pub widths: Vec<f64>,
    /// Columns that get a drop-down list.
    pub lists: Vec<(usize, List)>,
    /// Hidden from the tabs (the lists).
    pub hidden: bool,
}

/// The name of the sheet with the drop-down lists (ignored when read).
pub(crate) const LISTS_SHEET: &str = "(lijsten)";
/// The name of the sheet that says what goes where (ignored when read).
pub(crate) const GUIDE_SHEET: &str = "(uitleg)";
/// Rows of the data sheets that get the drop-down lists.
pub(crate) const LIST_ROWS: u32 = 500;

/// The sheets for `docs` (one school: `School` as `veld`/`waarde`; many:
/// `School` as a table and a `school` column elsewhere), then the guide
/// and the lists.
pub(crate) fn tables(docs: &[Value], lang: Lang, partners: Option<&Value>) -> Vec<Table> {
    let many = docs.len() > 1;
    let mut out = vec![school_table(docs)];
    for part in [Part::Rings, Part::Members, Part::Routes, Part::Meetings] {
        out.push(part_table(part, docs, many));
    }
    if let Some(list) = partners {
        // One list for every school: no `school` column.
        out.push(part_table(
            Part::Partners,
            std::slice::from_ref(list),
            false,
        ));
    }
    out.push(guide(lang));
    out.push(lists(docs));
    out
}

fn width(header: &str) -> f64 {
    match header {
        "naam" | "organisatie" | "vraag" | "notitie" | "waarvoor" | "bereikbaarheid" => 28.0,
        "expertise" | "waarde" => 36.0,
        "rol" | "email" | "website" | "school" => 22.0,
        "stappen" | "opschalen" | "telefoon" | "foto" => 16.0,
        _ => 12.0,
    }
}

fn school_table(docs: &[Value]) -> Table {
    let field = |doc: &Value, key: &str| match key {
        "title" | "school_year" => cell(doc.get(key)),
        k => cell(doc.get("school").and_then(|s| s.get(k))),
    };
    let keys: Vec<&str> = SCHOOL
        .iter()
        .map(|c| match c.key {
            Key::Text(k) => k,
            _ => "",
        })
        .collect();
    if docs.len() > 1 {
        let header: Vec<String> = SCHOOL.iter().map(|c| c.header.to_string()).collect();
        return Table {
            widths: header.iter().map(|h| width(h)).collect(),
            rows: docs
                .iter()
                .map(|d| keys.iter().map(|k| field(d, k)).collect())
                .collect(),
            header,
            name: Part::School.sheet().into(),
            lists: Vec::new(),
            hidden: false,
        };
    }
    let empty = Value::Null;
    let doc = docs.first().unwrap_or(&empty);
    Table {
        name: Part::School.sheet().into(),
        header: FIELD_HEADERS.iter().map(|(h, _)| h.to_string()).collect(),
        rows: SCHOOL
            .iter()
            .zip(&keys)
            .map(|(c, k)| vec![c.header.to_string(), field(doc, k)])
            .collect(),
        widths: vec![14.0, 40.0],
        lists: Vec::new(),
        hidden: false,
    }
}

fn part_table(part: Part, docs: &[Value], many: bool) -> Table {
    let columns = part.columns();
    let mut header: Vec<String> = Vec::new();
    if many {
        header.push(SCHOOL_COLUMN.header.into());
    }
    header.extend(columns.iter().map(|c| c.header.to_string()));
    let mut rows = Vec::new();
    for doc in docs {
        let name = cell(doc.get("school").and_then(|s| s.get("name")));
        let Some(items) = doc.get(part.list()).and_then(Value::as_array) else {
            continue;
        };
        for item in items {
            let mut row = Vec::with_capacity(header.len());
            if many {
                row.push(name.clone());
            }
            row.extend(columns.iter().map(|c| value_of(item, c.key)));
            rows.push(row);
        }
    }
    let offset = usize::from(many);
    let lists = if part == Part::Members {
        [
            ("rol", List::Roles),
            ("ring", List::Rings),
            ("domein", List::Domains),
            ("band", List::Ties),
        ]
        .iter()
        .filter_map(|(h, l)| Some((columns.iter().position(|c| c.header == *h)? + offset, *l)))
        .collect()
    } else {
        Vec::new()
    };
    Table {
        name: part.sheet().into(),
        widths: header.iter().map(|h| width(h)).collect(),
        header,
        rows,
        lists,
        hidden: false,
    }
}

/// A member's, route's, ring's or meeting's value for a column.
fn value_of(item: &Value, key: Key) -> String {
    match key {
        Key::Text(k) => cell(item.get(k)),
        Key::Contact(k) => cell(item.get("contact").and_then(|c| c.get(k))),
        Key::Phone => cell(item.get("contact").and_then(|c| c.get("phone"))),
        Key::Texts(k) | Key::Ids(k) => match item.get(k) {
            Some(Value::Array(items)) if items.iter().all(Value::is_string) => values::join(
                &items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect::<Vec<_>>(),
            ),
            other => cell(other),
        },
        Key::Tie => match item.get("tie") {
            Some(Value::String(t)) => values::tie_out(t),
            other => cell(other),
        },
        Key::School => String::new(),
    }
}

/// A value as cell text (a value of the wrong type as its JSON; the
/// check after writing finds it).
fn cell(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// The `(uitleg)` sheet: what goes where, in the user's language.
fn guide(lang: Lang) -> Table {
    let lines = [
        msg!("sheet.guide.title"),
        msg!("sheet.guide.school"),
        msg!("sheet.guide.rings"),
        msg!("sheet.guide.members"),
        msg!("sheet.guide.roles"),
        msg!("sheet.guide.lists"),
        msg!("sheet.guide.ties"),
        msg!("sheet.guide.routes"),
        msg!("sheet.guide.meetings"),
        msg!("sheet.guide.own"),
        msg!("sheet.guide.phone"),
        msg!("sheet.guide.many"),
        msg!("sheet.guide.draw"),
    ];
    let mut texts = lines.iter().map(|m| m.text(lang));
    Table {
        name: GUIDE_SHEET.into(),
        header: texts.next().into_iter().collect(),
        rows: texts.map(|t| vec![t]).collect(),
        widths: vec![120.0],
        lists: Vec::new(),
        hidden: false,
    }
}

/// The `(lijsten)` sheet: roles, rings, domains and ties for the drop-down
/// lists (hidden).
fn lists(docs: &[Value]) -> Table {
    let roles: Vec<String> = roles().iter().map(|r: &Role| r.id.to_string()).collect();
    let mut rings: Vec<String> = Vec::new();
    for doc in docs {
        match doc.get("rings").and_then(Value::as_array) {
            Some(list) => {
                for r in list {
                    let id = cell(r.get("id"));
                    if !id.is_empty() && !rings.contains(&id) {
                        rings.push(id);
                    }
                }
            }
            None => {
                for id in ["school", "kernteam", "netwerk"] {
                    if !rings.iter().any(|r| r == id) {
                        rings.push(id.into());
                    }
                }
            }
        }
    }
    let domains: Vec<String> = cirkel_core::Domain::ALL
        .iter()
        .map(|d| d.key().to_string())
        .collect();
    let ties: Vec<String> = TIES.iter().map(|(nl, _)| (*nl).to_string()).collect();
    let columns = [roles, rings, domains, ties];
    let n = columns.iter().map(Vec::len).max().unwrap_or(0);
    let rows = (0..n)
        .map(|i| {
            columns
                .iter()
                .map(|c| c.get(i).cloned().unwrap_or_default())
                .collect()
        })
        .collect();
    Table {
        name: LISTS_SHEET.into(),
        header: vec![
            "rollen".into(),
            "ringen".into(),
            "domeinen".into(),
            "banden".into(),
        ],
        rows,
        widths: vec![30.0, 16.0, 22.0, 12.0],
        lists: Vec::new(),
        hidden: true,
    }
}

impl List {
    /// The column of the `(lijsten)` sheet holding this list (0-based).
    pub fn column(self) -> usize {
        match self {
            List::Roles => 0,
            List::Rings => 1,
            List::Domains => 2,
            List::Ties => 3,
        }
    }

    /// How many entries the list has in `lists`.
    pub fn len(self, lists: &Table) -> usize {
        lists
            .rows
            .iter()
            .filter(|r| r.get(self.column()).is_some_and(|v| !v.is_empty()))
            .count()
    }
}
