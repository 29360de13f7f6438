//! Which school each row belongs to: the schools of a workbook (from
//! `School`, from a `school` column, or the one the file is named after),
//! and the school a row names.

use std::collections::BTreeMap;

use cirkel_core::{Cell, Diagnostic, msg, nearest, quoted_list};
use serde_json::{Map, Value};

use super::{Building, Found, cell_of, cell_text, put_school_field, school_fields};
use crate::columns::{Column, Part, normal};
use crate::grid::Row;

/// The schools of the workbook: from `School` (one as `veld`/`waarde`,
/// many as a table), else from the `school` column of the other sheets,
/// else one named `fallback` (the file's name or `--school`).
pub(super) fn schools(
    found: &[Found],
    fallback: &str,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Building> {
    let new = |name: &str| Building {
        name: name.to_string(),
        doc: Map::new(),
        cells: BTreeMap::new(),
        problems: Vec::new(),
        counts: BTreeMap::new(),
    };
    let Some(sheet) = found.iter().find(|f| f.part == Part::School) else {
        // Schools named in the rows, in order of first mention.
        let mut names: Vec<String> = Vec::new();
        for f in found {
            let Some(col) = f.school_column else { continue };
            for row in f.data() {
                if let Some(name) = cell_text(row, col)
                    && !names.iter().any(|n| same_school(n, &name))
                {
                    names.push(name);
                }
            }
        }
        if names.is_empty() {
            names.push(fallback.to_string());
        }
        return names
            .iter()
            .take(crate::limits::MAX_SCHOOLS)
            .map(|n| {
                let mut b = new(n);
                b.doc.insert(
                    "school".into(),
                    Value::Object(Map::from_iter([(
                        "name".to_string(),
                        Value::from(n.as_str()),
                    )])),
                );
                b
            })
            .collect();
    };
    let mut out: Vec<Building> = Vec::new();
    if sheet.fields {
        let mut b = new("");
        school_fields(sheet, &mut b);
        b.name = school_name(&b).unwrap_or_else(|| fallback.to_string());
        out.push(b);
        return out;
    }
    for row in sheet.data() {
        if out.len() == crate::limits::MAX_SCHOOLS {
            problems.push(
                Diagnostic::error(
                    "",
                    msg!("sheet.too-many-schools", limit = crate::limits::MAX_SCHOOLS),
                )
                .at_cell(cell_of(sheet, row.number, 1)),
            );
            break;
        }
        let mut b = new("");
        set_school(&mut b, "school", cell_of(sheet, row.number, 1));
        for (c, column) in &sheet.columns {
            put_school_field(sheet, row, *c, column.key, &mut b);
        }
        let Some(name) = school_name(&b) else {
            if has_any(row, &sheet.columns) {
                let naam = sheet
                    .columns
                    .iter()
                    .find(|(_, k)| k.header == "naam")
                    .map_or(1, |(c, _)| *c);
                problems.push(
                    Diagnostic::error("", msg!("sheet.school-without-name"))
                        .with_help(msg!("sheet.school-without-name.help"))
                        .at_cell(cell_of(sheet, row.number, naam)),
                );
            }
            continue;
        };
        if let Some(first) = out.iter().find(|o| same_school(&o.name, &name)) {
            problems.push(
                Diagnostic::error("", msg!("sheet.second-school", school = &name))
                    .with_help(msg!("sheet.second-school.help", first = &first.name))
                    .at_cell(cell_of(sheet, row.number, 1)),
            );
            continue;
        }
        b.name = name;
        out.push(b);
    }
    if out.is_empty() {
        let mut b = new(fallback);
        b.doc.insert("school".into(), Value::Object(Map::new()));
        out.push(b);
    }
    out
}

pub(super) fn has_any(row: &Row, columns: &[(u32, Column)]) -> bool {
    columns
        .iter()
        .any(|(c, _)| row.cells.iter().any(|(rc, _)| rc == c))
}

pub(super) fn school_name(b: &Building) -> Option<String> {
    b.doc
        .get("school")?
        .get("name")?
        .as_str()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// Two names of one school: the same but for case and spaces.
pub(super) fn same_school(a: &str, b: &str) -> bool {
    normal(a) == normal(b)
}

pub(super) fn set_school(b: &mut Building, path: &str, cell: Cell) {
    if !b.doc.contains_key("school") {
        b.doc.insert("school".into(), Value::Object(Map::new()));
    }
    b.cells.insert(path.to_string(), cell);
}

/// The school a row names in its `school` column (the only school when
/// there is no such column or the cell is empty in a one-school workbook).
pub(super) fn which_school(
    f: &Found,
    row: &Row,
    schools: &[Building],
    problems: &mut Vec<Diagnostic>,
) -> Option<usize> {
    let Some(col) = f.school_column else {
        return Some(0);
    };
    let here = cell_of(f, row.number, col);
    let Some(name) = cell_text(row, col) else {
        if schools.len() == 1 {
            return Some(0);
        }
        problems.push(
            Diagnostic::error("", msg!("sheet.row-without-school"))
                .with_help(msg!(
                    "sheet.row-without-school.help",
                    schools = quoted_list(schools.iter().map(|s| s.name.as_str()), 5)
                ))
                .at_cell(here),
        );
        return None;
    };
    if let Some(i) = schools.iter().position(|s| same_school(&s.name, &name)) {
        return Some(i);
    }
    let names = schools.iter().map(|s| s.name.as_str());
    let help = match nearest(&name, names.clone()) {
        Some(near) => msg!("sheet.unknown-school.near", near = near),
        None => msg!(
            "sheet.unknown-school.known",
            schools = quoted_list(names, 5)
        ),
    };
    problems.push(
        Diagnostic::error("", msg!("sheet.unknown-school", school = &name))
            .with_help(help)
            .at_cell(here),
    );
    None
}
