//! One fuzz case for workbooks and CSV, shared by the `sheets` fuzz target
//! and the corpus replay in `crates/sheets/tests/fuzz_corpus.rs`.
//!
//! The first byte picks what the rest is: a whole `.xlsx`, `.ods` or
//! `.csv` file, or (since a mutated zip fails its checksum and says little)
//! the XML of one part placed into a valid workbook: an `.ods`'s
//! `content.xml`, an `.xlsx`'s Leden sheet or its shared strings.
//! Properties: reading never panics or runs past the limits; every school
//! that reads without errors goes into a workbook of each format and comes
//! back as the same kernteam (what `cirkel convert` promises; the document
//! itself may lose characters no cell can hold, such as NUL, which the
//! checks remove anyway).

use std::io::{Cursor, Read, Write};
use std::sync::OnceLock;

use cirkel_core::{NoFiles, ParseOptions};
use cirkel_sheets::{SheetFormat, WriteOptions, parse_school, read, write};

/// A small valid workbook of `format`.
fn skeleton(format: SheetFormat) -> Vec<u8> {
    let doc = serde_json::json!({
        "school": { "name": "De Ark" },
        "members": [
            { "id": "ib", "role": "intern-begeleider", "name": "Ann", "expertise": ["gedrag"] },
            { "id": "cjg", "role": "cjg-coach", "ring": "netwerk" }
        ],
        "routes": [ { "question": "Zorgen over gedrag", "steps": ["ib", "cjg"] } ]
    });
    write(&[doc], format, &WriteOptions::default()).expect("the skeleton is written")
}

/// `zip` with the part `name` replaced by `data` (stored uncompressed).
fn replace_part(zip: &[u8], name: &str, data: &[u8]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(zip)).expect("the skeleton is a zip");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).expect("a part");
        let part_name = part.name().expect("a name").to_string();
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).expect("readable");
        out.start_file(part_name.as_str(), options).expect("a part");
        out.write_all(if part_name == name { data } else { &bytes })
            .expect("written");
    }
    out.finish().expect("a zip").into_inner()
}

/// The file a fuzz input stands for, and its format.
pub fn input(data: &[u8]) -> Option<(Vec<u8>, SheetFormat)> {
    static XLSX: OnceLock<Vec<u8>> = OnceLock::new();
    static ODS: OnceLock<Vec<u8>> = OnceLock::new();
    let (&pick, rest) = data.split_first()?;
    let xlsx = || XLSX.get_or_init(|| skeleton(SheetFormat::Xlsx));
    let ods = || ODS.get_or_init(|| skeleton(SheetFormat::Ods));
    Some(match pick % 6 {
        0 => (rest.to_vec(), SheetFormat::Xlsx),
        1 => (rest.to_vec(), SheetFormat::Ods),
        2 => (rest.to_vec(), SheetFormat::Csv),
        3 => (replace_part(ods(), "content.xml", rest), SheetFormat::Ods),
        4 => (
            replace_part(xlsx(), "xl/worksheets/sheet3.xml", rest),
            SheetFormat::Xlsx,
        ),
        _ => (
            replace_part(xlsx(), "xl/sharedStrings.xml", rest),
            SheetFormat::Xlsx,
        ),
    })
}

/// Reads the input and checks the properties (panics when one fails);
/// returns how many schools went there and back.
pub fn check(data: &[u8]) -> usize {
    let Some((bytes, format)) = input(data) else {
        return 0;
    };
    let mut valid = 0;
    let book = read(&bytes, format, "fuzz");
    for school in &book.schools {
        let Ok(parsed) = parse_school(&book, school, &ParseOptions::default(), &NoFiles) else {
            continue;
        };
        for to in [SheetFormat::Xlsx, SheetFormat::Ods] {
            let written = write(
                std::slice::from_ref(&school.document),
                to,
                &WriteOptions::default(),
            )
            .expect("a valid school is written");
            let again = read(&written, to, "fuzz");
            assert!(again.problems.0.is_empty(), "{:?}", again.problems);
            assert_eq!(again.schools.len(), 1);
            let back = parse_school(
                &again,
                &again.schools[0],
                &ParseOptions::default(),
                &NoFiles,
            )
            .expect("what was written reads back");
            assert_eq!(back.kernteam, parsed.kernteam, "{to:?}");
        }
        valid += 1;
    }
    valid
}
