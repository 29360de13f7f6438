//! The message catalogue: every text cirkel says to people, as (id,
//! English, Dutch). Ids are grouped by where they are said: `diag.` how a
//! problem is shown, `parse.`/`syntax.` the input, `draw.`/`theme.` drawing,
//! `cli.` the command line, `sheet.` spreadsheets, `serve.` the local editor, `page.`/`form.` the editor's page and its form. A test checks that every id the code uses is
//! here, that every entry is used, and that both languages take the same
//! arguments.

mod input;
mod members;
mod output;
mod page;
mod partners;
mod serve;
mod sheets;

/// One message: id, English, Dutch.
pub type Entry = (&'static str, &'static str, &'static str);

/// Every message, in parts by where it is said (see [`entries`]).
pub static CATALOGUE: &[&[Entry]] = &[
    input::ENTRIES,
    members::ENTRIES,
    output::ENTRIES,
    sheets::ENTRIES,
    serve::ENTRIES,
    page::ENTRIES,
    partners::ENTRIES,
];

/// Every message of the catalogue: id, English, Dutch.
pub fn entries() -> impl Iterator<Item = &'static Entry> {
    CATALOGUE.iter().flat_map(|part| part.iter())
}
