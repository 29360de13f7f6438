//! Where each value of a JSON document starts, by JSON path.
//!
//! serde_json reports a line and column only for the first syntax or type
//! error. Validation finds many problems at once, after parsing, so it needs to
//! know where `members[3].ring` is in the file. This module scans the (already
//! syntax-checked) text once and records the position of every key and value.
//! It also finds duplicate keys, which `serde_json::Value` would silently
//! collapse to the last one.

use std::collections::BTreeMap;

use crate::diagnostic::{Cell, Diagnostic};

/// A 1-based line and column (column counted in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// Positions of keys and values in one document.
#[derive(Debug, Clone, Default)]
pub struct Spans {
    values: BTreeMap<String, Pos>,
    keys: BTreeMap<String, Pos>,
    /// Keys that occur twice in one object: (path of the second occurrence, first, second).
    pub duplicates: Vec<(String, Pos, Pos)>,
    /// For a document read from a spreadsheet: the cell of each value.
    cells: BTreeMap<String, Cell>,
}

impl Spans {
    /// Scans `text`, which must be syntactically valid JSON (it is not re-checked;
    /// on malformed text the scan stops early and positions are missing).
    pub fn scan(text: &str) -> Spans {
        let mut scanner = Scanner {
            bytes: text.as_bytes(),
            text,
            i: 0,
            line: 1,
            line_start: 0,
            spans: Spans::default(),
        };
        scanner.skip_ws();
        scanner.value(String::new());
        scanner.spans
    }

    /// The positions of a document read from a spreadsheet: the cell of
    /// each value by JSON path (`members[3].ring` → `Leden!E5`). A path
    /// without a cell of its own is placed at the closest enclosing one (a
    /// missing field at its row).
    pub fn from_cells(cells: BTreeMap<String, Cell>) -> Spans {
        Spans {
            cells,
            ..Spans::default()
        }
    }

    /// The cell of the value at `path`, or of the closest enclosing value
    /// that has one; `None` for a document read from JSON text.
    pub fn cell(&self, path: &str) -> Option<&Cell> {
        let mut p = path;
        loop {
            if let Some(cell) = self.cells.get(p) {
                return Some(cell);
            }
            p = &p[..p.rfind(['.', '['])?];
        }
    }

    /// Gives a problem at a JSON path its place in the input: the line and
    /// column of the value, or its spreadsheet cell.
    pub fn place(&self, d: Diagnostic) -> Diagnostic {
        if let Some(cell) = self.cell(&d.path) {
            let cell = cell.clone();
            return d.at(0, 0).at_cell(cell);
        }
        let pos = self.locate(&d.path);
        d.at(pos.line, pos.column)
    }

    /// Where the value at `path` starts.
    pub fn value(&self, path: &str) -> Option<Pos> {
        self.values.get(path).copied()
    }

    /// Gives the values at `from` and below also the paths at `to` (for a
    /// key read under the key it was meant to be, so that what is said about
    /// its value still points at it).
    pub(crate) fn alias(&mut self, from: &str, to: &str) {
        let cells: Vec<(String, Cell)> = self
            .cells
            .range(from.to_string()..)
            .take_while(|(p, _)| p.starts_with(from))
            .filter_map(|(p, cell)| {
                let rest = &p[from.len()..];
                (rest.is_empty() || rest.starts_with(['.', '[']))
                    .then(|| (format!("{to}{rest}"), cell.clone()))
            })
            .collect();
        for (p, cell) in cells {
            self.cells.entry(p).or_insert(cell);
        }
        for map in [&mut self.values, &mut self.keys] {
            let moved: Vec<(String, Pos)> = map
                .range(from.to_string()..)
                .take_while(|(p, _)| p.starts_with(from))
                .filter_map(|(p, pos)| {
                    let rest = &p[from.len()..];
                    (rest.is_empty() || rest.starts_with(['.', '[']))
                        .then(|| (format!("{to}{rest}"), *pos))
                })
                .collect();
            for (p, pos) in moved {
                map.entry(p).or_insert(pos);
            }
        }
    }

    /// Where the key of the member at `path` starts (for objects' members).
    pub fn key(&self, path: &str) -> Option<Pos> {
        self.keys.get(path).copied()
    }

    /// The best position for a problem at `path`: the value itself, or the
    /// closest enclosing value that exists (for a missing field, its object).
    pub fn locate(&self, path: &str) -> Pos {
        let mut p = path;
        loop {
            if let Some(pos) = self.values.get(p) {
                return *pos;
            }
            match p.rfind(['.', '[']) {
                Some(cut) => p = &p[..cut],
                None => return self.values.get("").copied().unwrap_or_default(),
            }
        }
    }
}

/// Appends an object key to a JSON path: `.name`, or `["odd key"]`.
pub fn child_key(parent: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    match (plain, parent.is_empty()) {
        (true, true) => key.to_string(),
        (true, false) => format!("{parent}.{key}"),
        (false, _) => format!("{parent}[{}]", serde_json::Value::from(key)),
    }
}

/// Appends an array index to a JSON path: `[3]`.
pub fn child_index(parent: &str, index: usize) -> String {
    format!("{parent}[{index}]")
}

struct Scanner<'a> {
    bytes: &'a [u8],
    text: &'a str,
    i: usize,
    line: usize,
    line_start: usize,
    spans: Spans,
}

impl Scanner<'_> {
    fn pos(&self) -> Pos {
        let start = self.line_start.min(self.i);
        let column = self
            .text
            .get(start..self.i)
            .map_or(1, |s| s.chars().count() + 1);
        Pos {
            line: self.line,
            column,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.i).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b) = self.peek() {
            match b {
                b'\n' => {
                    self.i += 1;
                    self.line += 1;
                    self.line_start = self.i;
                }
                b' ' | b'\t' | b'\r' => self.i += 1,
                _ => break,
            }
        }
    }

    fn value(&mut self, path: String) {
        let here = self.pos();
        self.spans.values.insert(path.clone(), here);
        match self.peek() {
            Some(b'{') => self.object(&path),
            Some(b'[') => self.array(&path),
            Some(b'"') => {
                self.string();
            }
            Some(_) => {
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\r' | b'\n') {
                        break;
                    }
                    self.i += 1;
                }
            }
            None => {}
        }
    }

    fn object(&mut self, path: &str) {
        self.i += 1; // '{'
        let mut seen: BTreeMap<String, Pos> = BTreeMap::new();
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'}') => {
                    self.i += 1;
                    return;
                }
                Some(b',') => {
                    self.i += 1;
                    continue;
                }
                Some(b'"') => {}
                _ => return,
            }
            let key_pos = self.pos();
            let key = self.string();
            let child = child_key(path, &key);
            if let Some(first) = seen.get(&key) {
                self.spans.duplicates.push((child.clone(), *first, key_pos));
            } else {
                seen.insert(key, key_pos);
            }
            self.spans.keys.entry(child.clone()).or_insert(key_pos);
            self.skip_ws();
            if self.peek() != Some(b':') {
                return;
            }
            self.i += 1;
            self.skip_ws();
            self.value(child);
        }
    }

    fn array(&mut self, path: &str) {
        self.i += 1; // '['
        let mut index = 0;
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b']') => {
                    self.i += 1;
                    return;
                }
                Some(b',') => {
                    self.i += 1;
                    continue;
                }
                None => return,
                _ => {}
            }
            self.value(child_index(path, index));
            index += 1;
        }
    }

    /// Reads a string literal and returns its decoded value.
    fn string(&mut self) -> String {
        let start = self.i;
        self.i += 1; // opening quote
        while let Some(b) = self.peek() {
            match b {
                b'\\' => self.i += 2,
                b'"' => {
                    self.i += 1;
                    break;
                }
                _ => self.i += 1,
            }
        }
        let end = self.i.min(self.bytes.len());
        self.text
            .get(start..end)
            .and_then(|lit| serde_json::from_str::<String>(lit).ok())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values_and_keys() {
        let text = "{\n  \"school\": {\"name\": \"X\"},\n  \"members\": [\n    {\"id\": \"ib\"},\n    {\"id\": \"é\", \"ring\": \"r\"}\n  ]\n}";
        let s = Spans::scan(text);
        assert_eq!(
            s.value("school.name"),
            Some(Pos {
                line: 2,
                column: 22
            })
        );
        assert_eq!(
            s.value("members[1].ring"),
            Some(Pos {
                line: 5,
                column: 25
            })
        );
        assert_eq!(
            s.key("members[1].ring"),
            Some(Pos {
                line: 5,
                column: 17
            })
        );
        assert_eq!(s.locate("members[1].name"), Pos { line: 5, column: 5 });
        assert!(s.duplicates.is_empty());
    }

    #[test]
    fn reports_duplicate_keys() {
        let s = Spans::scan("{\"a\": 1,\r\n \"a\": 2}");
        assert_eq!(s.duplicates.len(), 1);
        assert_eq!(s.duplicates[0].0, "a");
        assert_eq!(s.duplicates[0].2, Pos { line: 2, column: 2 });
    }

    #[test]
    fn odd_keys_are_quoted_in_paths() {
        assert_eq!(child_key("", "a b"), "[\"a b\"]");
        assert_eq!(child_key("members[0]", "name"), "members[0].name");
    }
}
