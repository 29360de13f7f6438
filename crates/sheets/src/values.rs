//! Cells to JSON values and back: lists split at `|` (`\|` a literal bar,
//! `\\` a backslash, `\-` an item that is a dash), a cell of only `-` for
//! the empty list, the ties in Dutch words, and numbers and dates that a
//! spreadsheet made of what the user typed.

use cirkel_core::{Message, msg};

use crate::grid::Datum;

/// The cell of only this means "explicitly none" in a list column.
pub(crate) const NONE: &str = "-";

/// Why a cell's value could not be read as text, and how to fix it.
pub(crate) struct Unreadable {
    pub message: Message,
    pub help: Message,
}

/// A cell as the text the user typed, for a text column. `when` is true
/// for `wanneer`, where a date is a fine answer (written back as
/// `12-3-2026`); elsewhere a date, time, `TRUE`/`FALSE` or a formula's
/// error is a problem: the text the user typed is lost.
pub(crate) fn text(datum: &Datum, dates_welcome: bool) -> Result<String, Unreadable> {
    match datum {
        Datum::Text(t) => Ok(t.clone()),
        Datum::Number(n) => Ok(number(*n)),
        Datum::Date(d, m, y) if dates_welcome => Ok(format!("{d}-{m}-{y}")),
        Datum::Date(d, m, y) => Err(Unreadable {
            message: msg!("sheet.date", date = format!("{d}-{m}-{y}")),
            help: msg!("sheet.as-text.help"),
        }),
        Datum::Time => Err(Unreadable {
            message: msg!("sheet.time"),
            help: msg!("sheet.as-text.help"),
        }),
        Datum::Bool(b) => Err(Unreadable {
            message: msg!("sheet.boolean", value = if *b { "WAAR" } else { "ONWAAR" }),
            help: msg!("sheet.as-text.help"),
        }),
        Datum::Error(e) => Err(Unreadable {
            message: msg!("sheet.formula-error", error = e),
            help: msg!("sheet.formula-error.help"),
        }),
    }
}

/// A number as a spreadsheet shows it by default: whole numbers without
/// decimals.
pub(crate) fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A phone number a spreadsheet stored as a number: Dutch numbers have
/// ten digits with a leading zero, which the number lost; it is put back.
pub(crate) fn phone(n: f64) -> String {
    let digits = number(n);
    if digits.len() == 9 && digits.bytes().all(|b| b.is_ascii_digit()) {
        format!("0{digits}")
    } else {
        digits
    }
}

/// A list cell's items: `-` alone is the empty list; otherwise split at
/// unescaped bars, each item trimmed, empty items dropped. For `ids`,
/// commas, semicolons, spaces and arrows also split (an id holds none of
/// them).
pub(crate) fn split(cell: &str, ids: bool) -> Vec<String> {
    if cell.trim() == NONE {
        return Vec::new();
    }
    let mut items = Vec::new();
    let mut item = String::new();
    let mut chars = cell.chars().peekable();
    let end = |item: &mut String, items: &mut Vec<String>| {
        let t = item.trim();
        if !t.is_empty() {
            items.push(t.to_string());
        }
        item.clear();
    };
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.peek() {
                Some(&e @ ('|' | '\\' | '-')) => {
                    chars.next();
                    item.push(e);
                }
                _ => item.push('\\'),
            },
            '|' => end(&mut item, &mut items),
            ',' | ';' | ' ' | '\t' | '\n' | '\r' | '→' | '>' if ids => {
                end(&mut item, &mut items);
            }
            c => item.push(c),
        }
    }
    end(&mut item, &mut items);
    items
}

/// A list as a cell: the reverse of [`split`].
pub(crate) fn join(items: &[String]) -> String {
    if items.is_empty() {
        return NONE.to_string();
    }
    items
        .iter()
        .map(|item| {
            if item == NONE {
                return "\\-".to_string();
            }
            let mut out = String::with_capacity(item.len());
            for c in item.chars() {
                match c {
                    '\\' => out.push_str("\\\\"),
                    '|' => out.push_str("\\|"),
                    c => out.push(c),
                }
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The JSON value of a `band` cell: the Dutch word's English one, or the
/// text as written (the validator knows the other spellings).
pub(crate) fn tie_in(cell: &str) -> String {
    let written = cell.trim().to_lowercase();
    crate::columns::TIES
        .iter()
        .find(|(nl, en)| *nl == written || *en == written)
        .map_or_else(|| cell.to_string(), |(_, en)| (*en).to_string())
}

/// The Dutch word for a tie's JSON value (other values as they are).
pub(crate) fn tie_out(value: &str) -> String {
    crate::columns::TIES
        .iter()
        .find(|(_, en)| *en == value)
        .map_or_else(|| value.to_string(), |(nl, _)| (*nl).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_at_bars_and_come_back() {
        assert_eq!(split("a | b|c ||", false), ["a", "b", "c"]);
        assert_eq!(split(" - ", false), Vec::<String>::new());
        assert_eq!(split("a \\| b | c", false), ["a | b", "c"]);
        assert_eq!(split("ib, cjg → lpa", true), ["ib", "cjg", "lpa"]);
        assert_eq!(split("taal, lezen", false), ["taal, lezen"]);
        assert_eq!(split("C:\\fotos", false), ["C:\\fotos"]);
        for items in [
            vec![],
            vec!["-".to_string()],
            vec!["a|b".into(), "c\\".into(), "\\-".into(), "\\|".into()],
            vec!["-".into(), "x".into()],
        ] {
            assert_eq!(split(&join(&items), false), items, "{}", join(&items));
        }
    }

    #[test]
    fn numbers_are_read_as_typed() {
        assert_eq!(number(2025.0), "2025");
        assert_eq!(number(1.5), "1.5");
        assert_eq!(phone(235_551_234.0), "0235551234");
        assert_eq!(phone(612_345_678.0), "0612345678");
        assert_eq!(phone(31_235_551_234.0), "31235551234");
        assert!(text(&Datum::Date(12, 3, 2026), false).is_err());
        assert_eq!(
            text(&Datum::Date(12, 3, 2026), true).ok().as_deref(),
            Some("12-3-2026")
        );
    }

    #[test]
    fn ties_in_dutch() {
        assert_eq!(tie_in("Sterk"), "strong");
        assert_eq!(tie_in("zwak"), "tenuous");
        assert_eq!(tie_in("tenuous"), "tenuous");
        assert_eq!(tie_in("goed"), "goed");
        assert_eq!(tie_out("stressful"), "gespannen");
    }
}
