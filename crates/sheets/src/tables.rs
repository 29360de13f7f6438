//! Sheets to input documents: which sheet is which, which column is
//! which (a misspelt header gets a "did you mean"), which school each row
//! belongs to, and each cell's value at its JSON path, with the cell
//! remembered, so every problem the validator finds later is said at its
//! cell.

use std::collections::BTreeMap;

use cirkel_core::{Cell, Diagnostic, Diagnostics, Spans, child_index, msg, nearest, quoted_list};
use serde_json::{Map, Value};

mod schools;

use schools::{has_any, schools, set_school, which_school};

use crate::columns::{Column, FIELD_HEADERS, Key, Part, SCHOOL, SCHOOL_COLUMN, normal};
use crate::grid::{Row, Sheet};
use crate::values;
use crate::{Book, SchoolDoc};

/// A recognised sheet: its part, its name, its header row and columns.
struct Found {
    part: Part,
    sheet: Sheet,
    /// Index of the header row in `sheet.rows`.
    header: usize,
    /// The recognised columns: (1-based column, what it holds).
    columns: Vec<(u32, Column)>,
    /// The `school` column, when there is one.
    school_column: Option<u32>,
    /// For `School`: true when it is a `veld`/`waarde` sheet.
    fields: bool,
}

/// One school being assembled.
struct Building {
    name: String,
    doc: Map<String, Value>,
    cells: BTreeMap<String, Cell>,
    problems: Vec<Diagnostic>,
    /// Items per list key, for the next index.
    counts: BTreeMap<&'static str, usize>,
}

/// Sheets to the schools they describe.
pub(crate) fn documents(sheets: Vec<Sheet>, fallback: &str, csv: bool) -> Book {
    let mut problems = Vec::new();
    let mut found: Vec<Found> = Vec::new();
    for sheet in sheets {
        let part = if csv {
            Some(Part::Members)
        } else {
            classify(&sheet, &found, &mut problems)
        };
        if let Some(part) = part
            && let Some(f) = header(part, sheet, &mut problems)
        {
            found.push(f);
        }
    }
    let mut schools = schools(&found, fallback, &mut problems);
    let mut partners: Option<Building> = None;
    for f in &found {
        match f.part {
            Part::School => {}
            Part::Partners => {
                // The list serves every school: its rows are its own.
                let list = partners.get_or_insert_with(|| Building {
                    name: f.sheet.name.clone(),
                    doc: Map::from_iter([("version".to_string(), Value::from(1))]),
                    cells: BTreeMap::new(),
                    problems: Vec::new(),
                    counts: BTreeMap::new(),
                });
                list.cells
                    .entry("partners".into())
                    .or_insert_with(|| cell_of(f, f.header_row(), 1));
                list.cells
                    .entry(String::new())
                    .or_insert_with(|| cell_of(f, f.header_row(), 1));
                for row in f.data().iter().filter(|r| has_any(r, &f.columns)) {
                    item(f, row, list);
                }
                list.doc
                    .entry("partners")
                    .or_insert_with(|| Value::Array(Vec::new()));
            }
            _ => rows(f, &mut schools, &mut problems),
        }
    }
    let partners = partners.map(|b| SchoolDoc {
        name: b.name,
        document: Value::Object(b.doc),
        spans: Spans::from_cells(b.cells),
        problems: Diagnostics(b.problems),
    });
    let root_cell = found.first().map(|f| cell_of(f, f.header_row(), 1));
    let schools = schools
        .into_iter()
        .map(|mut b| {
            if let Some(c) = &root_cell {
                b.cells.entry(String::new()).or_insert_with(|| c.clone());
            }
            SchoolDoc {
                name: b.name,
                document: Value::Object(b.doc),
                spans: Spans::from_cells(b.cells),
                problems: Diagnostics(b.problems),
            }
        })
        .collect();
    Book {
        schools,
        problems: Diagnostics(problems),
        partners,
    }
}

impl Found {
    fn header_row(&self) -> u32 {
        self.sheet.rows[self.header].number
    }

    fn data(&self) -> &[Row] {
        &self.sheet.rows[self.header + 1..]
    }
}

fn cell_of(f: &Found, row: u32, column: u32) -> Cell {
    Cell {
        sheet: f.sheet.name.clone(),
        row,
        column,
    }
}

fn sheet_cell(sheet: &str, row: u32, column: u32) -> Cell {
    Cell {
        sheet: sheet.to_string(),
        row,
        column,
    }
}

/// Which part a sheet is: `None` for ignored sheets (`(…)`, empty ones)
/// and for unknown and duplicate ones (reported).
fn classify(sheet: &Sheet, found: &[Found], problems: &mut Vec<Diagnostic>) -> Option<Part> {
    let name = sheet.name.trim();
    if name.starts_with('(') || sheet.rows.is_empty() {
        return None;
    }
    let here = sheet_cell(&sheet.name, 1, 1);
    let Some(part) = Part::of_sheet(name) else {
        let known: Vec<&str> = Part::ALL.iter().map(|p| p.sheet()).collect();
        let help = match nearest(name, known.iter().copied()) {
            Some(near) => msg!("sheet.unknown-sheet.near", near = near),
            None => msg!("sheet.unknown-sheet.known", known = quoted_list(known, 5)),
        };
        problems.push(
            Diagnostic::error("", msg!("sheet.unknown-sheet", sheet = name))
                .with_help(help)
                .at_cell(here),
        );
        return None;
    };
    if let Some(first) = found.iter().find(|f| f.part == part) {
        problems.push(
            Diagnostic::error(
                "",
                msg!(
                    "sheet.second-sheet",
                    sheet = name,
                    first = &first.sheet.name
                ),
            )
            .with_help(msg!("sheet.second-sheet.help"))
            .at_cell(here),
        );
        return None;
    }
    Some(part)
}

/// Reads the header row of a recognised sheet: every header known, or
/// reported with the nearest known one; `(…)` headers ignored.
fn header(part: Part, sheet: Sheet, problems: &mut Vec<Diagnostic>) -> Option<Found> {
    let first = sheet.rows.first()?;
    let row = first.number;
    let texts: Vec<(u32, String)> = first
        .cells
        .iter()
        .map(|(c, d)| (*c, values::text(d, false).unwrap_or_default()))
        .collect();
    let is_fields = part == Part::School
        && texts.len() >= 2
        && FIELD_HEADERS
            .iter()
            .all(|(h, aliases)| texts.iter().any(|(_, t)| named(t, h, aliases)));
    let mut columns: Vec<(u32, Column)> = Vec::new();
    let mut school_column = None;
    let known: Vec<Column> = if is_fields {
        FIELD_HEADERS
            .iter()
            .map(|(h, a)| Column {
                header: h,
                aliases: a,
                key: Key::Text(h),
            })
            .collect()
    } else {
        part.columns().to_vec()
    };
    for (c, text) in texts {
        let t = text.trim();
        if t.starts_with('(') {
            continue;
        }
        let here = sheet_cell(&sheet.name, row, c);
        let column =
            known.iter().find(|k| k.named(t)).copied().or_else(|| {
                (part != Part::School && SCHOOL_COLUMN.named(t)).then_some(SCHOOL_COLUMN)
            });
        let Some(column) = column else {
            let mut names: Vec<&str> = known.iter().map(|k| k.header).collect();
            if part != Part::School {
                names.push(SCHOOL_COLUMN.header);
            }
            let help = match nearest(t, names.iter().copied()) {
                Some(near) => msg!("sheet.unknown-column.near", near = near),
                None => msg!("sheet.unknown-column.known", known = quoted_list(names, 16)),
            };
            problems.push(
                Diagnostic::error(
                    "",
                    msg!("sheet.unknown-column", column = t, sheet = &sheet.name),
                )
                .with_help(help)
                .at_cell(here),
            );
            continue;
        };
        let taken = columns
            .iter()
            .find(|(_, k)| k.header == column.header)
            .map(|(c, _)| *c)
            .or(school_column.filter(|_| column.key == Key::School));
        if let Some(first) = taken {
            problems.push(
                Diagnostic::error(
                    "",
                    msg!(
                        "sheet.second-column",
                        column = t,
                        first = Cell::column_letters(first)
                    ),
                )
                .with_help(msg!("sheet.second-column.help"))
                .at_cell(here),
            );
            continue;
        }
        if column.key == Key::School {
            school_column = Some(c);
        } else {
            columns.push((c, column));
        }
    }
    Some(Found {
        part,
        sheet,
        header: 0,
        columns,
        school_column,
        fields: is_fields,
    })
}

fn named(text: &str, header: &str, aliases: &[&str]) -> bool {
    let t = normal(text);
    normal(header) == t || aliases.iter().any(|a| normal(a) == t)
}

/// The rows of a `veld`/`waarde` School sheet.
fn school_fields(sheet: &Found, b: &mut Building) {
    let field_col = sheet
        .columns
        .iter()
        .find(|(_, k)| k.header == "veld")
        .map(|(c, _)| *c);
    let value_col = sheet
        .columns
        .iter()
        .find(|(_, k)| k.header == "waarde")
        .map(|(c, _)| *c);
    set_school(b, "school", cell_of(sheet, sheet.header_row(), 1));
    let (Some(field_col), Some(value_col)) = (field_col, value_col) else {
        return;
    };
    for row in sheet.data() {
        let Some(field) = cell_text(row, field_col) else {
            continue;
        };
        let here = cell_of(sheet, row.number, field_col);
        if field.starts_with('(') {
            continue;
        }
        let Some(column) = SCHOOL.iter().find(|c| c.named(&field)) else {
            let names: Vec<&str> = SCHOOL.iter().map(|c| c.header).collect();
            let help = match nearest(&field, names.iter().copied()) {
                Some(near) => msg!("sheet.unknown-field.near", near = near),
                None => msg!("sheet.unknown-field.known", known = quoted_list(names, 8)),
            };
            b.problems.push(
                Diagnostic::error("", msg!("sheet.unknown-field", field = &field))
                    .with_help(help)
                    .at_cell(here),
            );
            continue;
        };
        put_school_field(sheet, row, value_col, column.key, b);
    }
}

/// One field of a school from `row`'s cell in column `c`.
fn put_school_field(sheet: &Found, row: &Row, c: u32, key: Key, b: &mut Building) {
    let Key::Text(key) = key else { return };
    let here = cell_of(sheet, row.number, c);
    let Some(text) = read_text(row, c, &here, false, &mut b.problems) else {
        return;
    };
    let path = match key {
        "title" | "school_year" => key.to_string(),
        k => format!("school.{k}"),
    };
    match key {
        "title" | "school_year" => {
            b.doc.insert(key.into(), Value::from(text));
        }
        k => {
            if let Some(Value::Object(school)) = b.doc.get_mut("school") {
                school.insert(k.into(), Value::from(text));
            }
        }
    }
    b.cells.insert(path, here);
}

/// A cell's text (numbers as typed), `None` when empty or unreadable
/// (reported).
fn read_text(
    row: &Row,
    c: u32,
    here: &Cell,
    dates: bool,
    problems: &mut Vec<Diagnostic>,
) -> Option<String> {
    let datum = row.cells.iter().find(|(rc, _)| *rc == c).map(|(_, d)| d)?;
    match values::text(datum, dates) {
        Ok(t) if t.trim().is_empty() => None,
        Ok(t) => Some(t),
        Err(u) => {
            problems.push(
                Diagnostic::error("", u.message)
                    .with_help(u.help)
                    .at_cell(here.clone()),
            );
            None
        }
    }
}

/// A cell's text, trimmed, without reporting.
fn cell_text(row: &Row, c: u32) -> Option<String> {
    let datum = row.cells.iter().find(|(rc, _)| *rc == c).map(|(_, d)| d)?;
    values::text(datum, false)
        .ok()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
}

/// The rows of a per-row sheet, each to its school's list.
fn rows(f: &Found, schools: &mut [Building], problems: &mut Vec<Diagnostic>) {
    let list = f.part.list();
    let many = schools.len() > 1;
    // Rings without a school column are every school's.
    let shared = f.part == Part::Rings && f.school_column.is_none();
    if many
        && f.school_column.is_none()
        && !shared
        && f.data().iter().any(|r| has_any(r, &f.columns))
    {
        problems.push(
            Diagnostic::error("", msg!("sheet.no-school-column", sheet = &f.sheet.name))
                .with_help(msg!("sheet.no-school-column.help"))
                .at_cell(cell_of(f, f.header_row(), 1)),
        );
        return;
    }
    for b in schools.iter_mut() {
        b.cells
            .entry(list.to_string())
            .or_insert_with(|| cell_of(f, f.header_row(), 1));
    }
    for row in f.data() {
        if !has_any(row, &f.columns) {
            continue;
        }
        let targets: Vec<usize> = if shared {
            (0..schools.len()).collect()
        } else {
            match which_school(f, row, schools, problems) {
                Some(i) => vec![i],
                None => continue,
            }
        };
        for i in targets {
            item(f, row, &mut schools[i]);
        }
    }
}

/// One row as the next item of its school's list.
fn item(f: &Found, row: &Row, b: &mut Building) {
    let list = f.part.list();
    let index = *b.counts.entry(list).and_modify(|n| *n += 1).or_insert(0);
    let base = child_index(list, index);
    let first = row.cells.first().map_or(1, |(c, _)| *c);
    b.cells.insert(base.clone(), cell_of(f, row.number, first));
    let mut obj = Map::new();
    let mut contact = Map::new();
    for (c, column) in &f.columns {
        let here = cell_of(f, row.number, *c);
        let dates = column.header == "wanneer";
        let key = column.key;
        if key == Key::Phone
            && let Some((_, crate::grid::Datum::Number(n))) =
                row.cells.iter().find(|(rc, _)| rc == c)
        {
            let typed = values::phone(*n);
            b.problems.push(
                Diagnostic::warning("", msg!("sheet.phone-number", phone = &typed))
                    .with_help(msg!("sheet.as-text.help"))
                    .at_cell(here.clone()),
            );
            contact.insert("phone".into(), Value::from(typed));
            b.cells
                .insert(format!("{base}.contact.phone"), here.clone());
            b.cells.entry(format!("{base}.contact")).or_insert(here);
            continue;
        }
        let Some(text) = read_text(row, *c, &here, dates, &mut b.problems) else {
            continue;
        };
        let path = match key {
            Key::Text(k) => {
                obj.insert(k.into(), Value::from(text));
                format!("{base}.{k}")
            }
            Key::Contact(k) => {
                contact.insert(k.into(), Value::from(text));
                b.cells
                    .entry(format!("{base}.contact"))
                    .or_insert_with(|| here.clone());
                format!("{base}.contact.{k}")
            }
            Key::Phone => {
                contact.insert("phone".into(), Value::from(text));
                b.cells
                    .entry(format!("{base}.contact"))
                    .or_insert_with(|| here.clone());
                format!("{base}.contact.phone")
            }
            Key::Texts(k) | Key::Ids(k) => {
                let items = values::split(&text, matches!(key, Key::Ids(_)));
                obj.insert(k.into(), Value::from(items));
                format!("{base}.{k}")
            }
            Key::Tie => {
                obj.insert("tie".into(), Value::from(values::tie_in(&text)));
                format!("{base}.tie")
            }
            Key::School => continue,
        };
        b.cells.insert(path, here);
    }
    if !contact.is_empty() {
        obj.insert("contact".into(), Value::Object(contact));
    }
    let entry = b
        .doc
        .entry(list)
        .or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(items) = entry {
        items.push(Value::Object(obj));
    }
}
