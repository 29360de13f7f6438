//! The committed example workbook is what `cirkel convert` writes for the
//! example school (regenerate with `scripts/regenerate-examples.sh`), and
//! every example school goes into a workbook and comes back unchanged.

#![allow(missing_docs, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use cirkel_sheets::{SheetFormat, WriteOptions, read, write};
use serde_json::Value;

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn document(name: &str) -> Value {
    let text = std::fs::read_to_string(examples().join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_committed_workbook_is_what_convert_writes() {
    let doc = document("st-bernardusschool.json");
    let bytes = write(&[doc], SheetFormat::Xlsx, &WriteOptions::default()).unwrap();
    let committed = std::fs::read(examples().join("st-bernardusschool.xlsx")).unwrap();
    assert!(
        bytes == committed,
        "examples/st-bernardusschool.xlsx is stale: run scripts/regenerate-examples.sh"
    );
}

#[test]
fn every_example_goes_there_and_back_unchanged() {
    for entry in std::fs::read_dir(examples()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".json") || name.ends_with(".layout.json") {
            continue;
        }
        let mut doc = document(&name);
        let version = doc.as_object_mut().unwrap().remove("version");
        assert_eq!(version, Some(Value::from(1)), "{name}");
        for format in [SheetFormat::Xlsx, SheetFormat::Ods] {
            // The workbook has no version cell: `to_json` adds it back.
            let bytes = write(&[doc.clone()], format, &WriteOptions::default()).unwrap();
            let book = read(&bytes, format, "x");
            assert!(book.problems.0.is_empty(), "{name}: {:?}", book.problems);
            assert_eq!(book.schools.len(), 1, "{name}");
            assert!(book.schools[0].problems.0.is_empty(), "{name}");
            assert_eq!(book.schools[0].document, doc, "{name} as {format:?}");
        }
    }
}
