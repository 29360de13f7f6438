//! Problems found in an input file, written for the person who edits it.
//!
//! Every problem carries the JSON path (`members[3].ring`), the line and column
//! where that value starts, what was wrong, and, where we can guess it, the fix.
//! Parsing and validation collect *all* problems they can find before giving
//! up, so a school fixes its file in one round instead of ten.

use std::fmt;

use crate::messages::Message;
use crate::model::Lang;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The input cannot be drawn; `check` exits with 1.
    Error,
    /// The input can be drawn, but something is probably not what the author meant.
    Warning,
    /// Information worth a look (shown by `check` only).
    Note,
}

impl Severity {
    /// Its name in JSON answers: `error`, `warning`, `note`.
    pub fn key(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// One problem in an input file (or in a file that goes with it: a theme,
/// last year's layout).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file the problem is in, when it is not the input itself (a
    /// theme file, last year's layout); `None` for the input.
    pub file: Option<String>,
    /// JSON path of the value, like `members[3].ring`; empty for the whole document.
    pub path: String,
    /// 1-based line of the value, 0 when unknown.
    pub line: usize,
    /// 1-based column (in characters) of the value, 0 when unknown.
    pub column: usize,
    /// The spreadsheet cell the value is in, for an input read from a
    /// workbook or a CSV file (then `line` and `column` are 0).
    pub cell: Option<Cell>,
    /// What is wrong, in one sentence: an id of the message catalogue and
    /// its arguments ([`Diagnostic::text`] puts it into words).
    pub message: Message,
    /// How to fix it, when we can tell.
    pub help: Option<Message>,
    /// The language the problem is shown in (Dutch unless asked otherwise).
    pub lang: Lang,
}

impl Diagnostic {
    /// An error at `path` without a position yet (see [`crate::spans::Spans::locate`]).
    pub fn error(path: impl Into<String>, message: Message) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: None,
            path: path.into(),
            line: 0,
            column: 0,
            cell: None,
            message,
            help: None,
            lang: Lang::Nl,
        }
    }

    /// A warning at `path` without a position yet.
    pub fn warning(path: impl Into<String>, message: Message) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, message)
        }
    }

    /// A note at `path` without a position yet.
    pub fn note(path: impl Into<String>, message: Message) -> Self {
        Diagnostic {
            severity: Severity::Note,
            ..Diagnostic::warning(path, message)
        }
    }

    /// Adds a hint on how to fix the problem.
    #[must_use]
    pub fn with_help(mut self, help: Message) -> Self {
        self.help = Some(help);
        self
    }

    /// Shows the problem in `lang`.
    #[must_use]
    pub fn in_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// What is wrong, in words (in [`Diagnostic::lang`]).
    pub fn text(&self) -> String {
        self.message.text(self.lang)
    }

    /// How to fix it, in words, when we can tell.
    pub fn help_text(&self) -> Option<String> {
        self.help.as_ref().map(|h| h.text(self.lang))
    }

    /// Names the file the problem is in (when it is not the input).
    #[must_use]
    pub fn in_file(mut self, file: impl Into<String>) -> Self {
        self.file = Some(file.into());
        self
    }

    /// Sets the position (1-based line and column).
    #[must_use]
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    /// Sets the spreadsheet cell the problem is in.
    #[must_use]
    pub fn at_cell(mut self, cell: Cell) -> Self {
        self.cell = Some(cell);
        self
    }

    /// Formats the problem for a terminal, prefixed with the file name.
    pub fn display_with_file<'a>(&'a self, file: &'a str) -> impl fmt::Display + 'a {
        DiagnosticWithFile { diag: self, file }
    }
}

struct DiagnosticWithFile<'a> {
    diag: &'a Diagnostic,
    file: &'a str,
}

impl fmt::Display for DiagnosticWithFile<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.diag;
        write!(f, "{}", d.file.as_deref().unwrap_or(self.file))?;
        if let Some(cell) = &d.cell {
            write!(f, ": {cell}")?;
        } else if d.line > 0 {
            write!(f, ":{}:{}", d.line, d.column)?;
        }
        let kind = match d.severity {
            Severity::Error => crate::msg!("diag.error"),
            Severity::Warning => crate::msg!("diag.warning"),
            Severity::Note => crate::msg!("diag.note"),
        };
        write!(f, ": {}: ", kind.text(d.lang))?;
        // In a workbook the cell says where; the JSON path would only
        // puzzle someone who never saw the JSON.
        if !d.path.is_empty() && d.cell.is_none() {
            write!(f, "{}: ", d.path)?;
        }
        write!(f, "{}", d.text())?;
        if let Some(help) = d.help_text() {
            write!(f, "\n  {}: {help}", crate::msg!("diag.help").text(d.lang))?;
        }
        Ok(())
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.display_with_file("input").fmt(f)
    }
}

/// A cell of a spreadsheet: `Leden!C5`. The sheet is empty for a CSV file
/// (which has one table): `C5`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cell {
    /// The sheet's name as written in the workbook.
    pub sheet: String,
    /// 1-based row.
    pub row: u32,
    /// 1-based column (1 is `A`).
    pub column: u32,
}

impl Cell {
    /// The column's letters: 1 → `A`, 27 → `AA`.
    pub fn column_letters(column: u32) -> String {
        let mut n = column.max(1);
        let mut letters = Vec::new();
        while n > 0 {
            let rem = (n - 1) % 26;
            letters.push(char::from(b'A' + rem as u8));
            n = (n - 1) / 26;
        }
        letters.iter().rev().collect()
    }
}

impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.sheet.is_empty() {
            let plain = self.sheet.chars().all(|c| c.is_alphanumeric() || c == '_');
            if plain {
                write!(f, "{}!", self.sheet)?;
            } else {
                write!(f, "'{}'!", self.sheet.replace('\'', "''"))?;
            }
        }
        write!(f, "{}{}", Cell::column_letters(self.column), self.row)
    }
}

/// The problems of one input, errors first, each group in document order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// One problem.
    pub fn one(d: Diagnostic) -> Diagnostics {
        Diagnostics(vec![d])
    }

    /// True when at least one problem is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|d| d.severity == Severity::Error)
    }

    /// The errors only.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().filter(|d| d.severity == Severity::Error)
    }

    /// The warnings only.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().filter(|d| d.severity == Severity::Warning)
    }

    /// The notes only.
    pub fn notes(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().filter(|d| d.severity == Severity::Note)
    }

    /// Shows every problem in `lang`.
    #[must_use]
    pub fn in_lang(self, lang: Lang) -> Diagnostics {
        Diagnostics(self.0.into_iter().map(|d| d.in_lang(lang)).collect())
    }

    /// Sorts errors before warnings, then by position; keeps the order of equal ones.
    pub fn sort(&mut self) {
        self.0.sort_by_key(|d| {
            (
                d.severity,
                d.line == 0 && d.cell.is_none(),
                d.line,
                d.column,
            )
        });
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// The nearest of `known` to `word` by edit distance, if it is close enough to
/// be a plausible typo (at most a third of the word's length, and at most 3).
pub fn nearest<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_lower = word.to_lowercase();
    let limit = (word.chars().count() / 3).clamp(1, 3);
    known
        .into_iter()
        .map(|k| (edit_distance(&word_lower, &k.to_lowercase()), k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Levenshtein distance in characters (with transposition counted as one edit).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows of the Damerau (optimal string alignment) table.
    let mut prev2 = vec![0usize; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0usize; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Joins names as `"a", "b" and "c"` for messages (at most `max`, then "…").
pub fn quoted_list<'a>(names: impl IntoIterator<Item = &'a str>, max: usize) -> String {
    let names: Vec<&str> = names.into_iter().collect();
    let mut out: Vec<String> = names.iter().take(max).map(|n| format!("\"{n}\"")).collect();
    if names.len() > max {
        out.push(format!("… ({})", names.len()));
    }
    out.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_typos() {
        assert_eq!(edit_distance("nmae", "name"), 1);
        assert_eq!(edit_distance("netwrk", "netwerk"), 1);
        assert_eq!(edit_distance("abc", "abc"), 0);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn nearest_suggests_only_plausible_typos() {
        let known = ["name", "role", "ring", "organisation"];
        assert_eq!(nearest("nmae", known), Some("name"));
        assert_eq!(nearest("organistion", known), Some("organisation"));
        assert_eq!(nearest("zzzzzz", known), None);
    }

    #[test]
    fn cells_are_named_as_spreadsheets_name_them() {
        let cell = |sheet: &str, row, column| Cell {
            sheet: sheet.into(),
            row,
            column,
        };
        assert_eq!(cell("Leden", 5, 3).to_string(), "Leden!C5");
        assert_eq!(cell("Mijn leden", 1, 27).to_string(), "'Mijn leden'!AA1");
        assert_eq!(cell("", 2, 702).to_string(), "ZZ2");
        assert_eq!(cell("", 2, 703).to_string(), "AAA2");
        let d = Diagnostic::error(
            "members[3].ring",
            crate::msg!("parse.unknown-ring", ring = "kerntaem"),
        )
        .at_cell(cell("Leden", 5, 3));
        assert_eq!(
            d.in_lang(Lang::En)
                .display_with_file("regenboog.xlsx")
                .to_string(),
            "regenboog.xlsx: Leden!C5: error: unknown ring \"kerntaem\""
        );
    }

    #[test]
    fn display_names_file_position_path_and_help() {
        let d = Diagnostic::error(
            "members[3].ring",
            crate::msg!("parse.unknown-ring", ring = "netwrk"),
        )
        .at(12, 15)
        .with_help(crate::msg!("parse.did-you-mean", near = "netwerk"));
        assert_eq!(
            d.display_with_file("school.json").to_string(),
            "school.json:12:15: fout: members[3].ring: onbekende ring \"netwrk\"\n  tip: bedoel je \"netwerk\"?"
        );
        assert_eq!(
            d.in_lang(Lang::En)
                .display_with_file("school.json")
                .to_string(),
            "school.json:12:15: error: members[3].ring: unknown ring \"netwrk\"\n  help: did you mean \"netwerk\"?"
        );
    }
}
