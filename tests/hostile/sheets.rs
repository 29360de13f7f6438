//! Hostile and odd workbooks and CSV files (issue 16; see
//! docs/SAFETY.md): zip bombs, floods of parts, macros, huge or
//! lying shared-strings tables, formulas, external links, a sheet of
//! 1,048,576 rows, repeat bombs in .ods, entity tricks, encrypted and fake
//! files. Each is refused with a clear message or read safely within the
//! limits (cirkel-sheets' `limits`), never a panic or a hang.

use super::*;

#[path = "../../crates/sheets/tests/common.rs"]
mod kit;
use kit::{C, T, rezip, row, xlsx};

const HEADER: [&str; 3] = ["id", "rol", "naam"];

fn school_sheet() -> (&'static str, Vec<Vec<C<'static>>>) {
    (
        "School",
        vec![row(&["veld", "waarde"]), row(&["naam", "De Ark"])],
    )
}

/// A workbook of the school and a Leden sheet of `rows` (after the header).
fn leden(rows: Vec<Vec<C<'_>>>) -> Vec<u8> {
    let mut all = vec![row(&HEADER)];
    all.extend(rows);
    xlsx(&[school_sheet(), ("Leden", all)])
}

fn good() -> Vec<u8> {
    leden(vec![row(&["ib", "intern-begeleider", "Ann"])])
}

/// `good()` with its Leden sheet replaced by `xml`.
fn with_leden_xml(xml: &str) -> Vec<u8> {
    let xml = xml.as_bytes().to_vec();
    rezip(
        &good(),
        &|name| (name == "xl/worksheets/sheet2.xml").then(|| Some(xml.clone())),
        &[],
    )
}

fn sheet_xml(rows: &str, dimension: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>rol</t></is></c></row>
{rows}</sheetData></worksheet>"#
    )
}

/// `good()` with its shared strings table changed by `edit`.
fn with_strings(edit: &dyn Fn(&str) -> String) -> Vec<u8> {
    let book = good();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(book.as_slice())).unwrap();
    let mut sst = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/sharedStrings.xml").unwrap(), &mut sst)
        .unwrap();
    let new = edit(&sst).into_bytes();
    rezip(
        &book,
        &|name| (name == "xl/sharedStrings.xml").then(|| Some(new.clone())),
        &[],
    )
}

/// The example school as an .ods, its content.xml changed by `edit`.
fn ods_with(edit: &dyn Fn(&str) -> String) -> Vec<u8> {
    let doc = serde_json::json!({
        "school": { "name": "De Ark" },
        "members": [ { "id": "ib", "role": "intern-begeleider", "name": "Ann" } ]
    });
    let book = cirkel_sheets::write(
        &[doc],
        cirkel_sheets::SheetFormat::Ods,
        &cirkel_sheets::WriteOptions::default(),
    )
    .unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(book.as_slice())).unwrap();
    let mut content = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("content.xml").unwrap(), &mut content).unwrap();
    let new = edit(&content).into_bytes();
    rezip(
        &book,
        &|name| (name == "content.xml").then(|| Some(new.clone())),
        &[],
    )
}

struct Book {
    name: &'static str,
    file: &'static str,
    bytes: Vec<u8>,
    expect: Expect,
}

const LAUGHS: &str = r#"<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>"#;

fn books() -> Vec<Book> {
    use Expect::*;
    let b = |name, file, bytes: Vec<u8>, expect| Book {
        name,
        file,
        bytes,
        expect,
    };
    const CELLS: &str = "more than 250000 filled cells";
    // Rows without `r` follow each other: 1,048,576 of them in all.
    let all_rows = "<row><c><v>1</v></c></row>".repeat(1_048_575);
    vec![
        // The file itself.
        b("good workbook", "school.xlsx", good(), Safe(&[])),
        b("not a zip", "school.xlsx", b"id;rol\nib;intern-begeleider\n".to_vec(), Error(1, &["is not a .xlsx workbook"])),
        b("empty file", "school.xlsx", Vec::new(), Error(1, &["school.xlsx"])),
        b("truncated", "school.xlsx", good()[..good().len() / 2].to_vec(), Error(1, &["workbook"])),
        b("encrypted (OLE)", "school.xlsx", [&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1][..], &[0; 4096]].concat(), Error(1, &["protected with a password"])),
        b("old .xls", "school.xls", good(), Error(1, &["does not read .xls files"])),
        b("binary .xlsb", "school.xlsb", good(), Error(1, &["does not read .xlsb files"])),
        b("macros (.xlsm)", "school.xlsm", good(), Error(1, &["contains macros"])),
        b("macros inside an .xlsx", "school.xlsx", rezip(&good(), &|_| None, &[("xl/vbaProject.bin", vec![0; 64])]), Error(1, &["contains macros"])),
        b("an .ods called .xlsx", "school.xlsx", ods_with(&|c| c.to_string()), Error(1, &["is not a .xlsx workbook"])),
        // Sizes and counts.
        b("zip bomb (100 MiB of zeros)", "school.xlsx", rezip(&good(), &|_| None, &[("xl/media/image1.png", vec![0; 100 << 20])]), Error(1, &["unpacks to more than 96 MiB"])),
        b("2001 parts", "school.xlsx", rezip(&good(), &|_| None, &(0..2001).map(|i| (Box::leak(format!("customXml/item{i}.xml").into_boxed_str()) as &str, Vec::new())).collect::<Vec<_>>()), Error(1, &["more than 2000 parts"])),
        b("1,048,576 rows", "school.xlsx", with_leden_xml(&sheet_xml(&all_rows, "A1:A1048576")), Error(1, &[CELLS])),
        b("a cell in the last row and column", "school.xlsx", with_leden_xml(&sheet_xml(r#"<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>ib</t></is></c><c r="B1048576" t="inlineStr"><is><t>intern-begeleider</t></is></c><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>"#, "A1:XFD1048576")), Safe(&[])),
        // Cell places calamine cannot read (its arithmetic overflows; a
        // release build would wrap and drop the cell without a word).
        b("a cell place too long to read", "school.xlsx", with_leden_xml(&sheet_xml(r#"<row r="2"><c r="A2" t="inlineStr"><is><t>ib</t></is></c><c r="TTTTTTTTTTTTTTTTTTTTTTTD2" t="inlineStr"><is><t>intern-begeleider</t></is></c></row>"#, "A1:B2")), Error(1, &["sheet \"Leden\" has a cell whose place cannot be read", "TTTTTTTTTTTTTTTT"])),
        b("a row number past the last row", "school.xlsx", with_leden_xml(&sheet_xml(r#"<row r="99999999999"><c t="inlineStr"><is><t>ib</t></is></c></row>"#, "A1:B2")), Error(1, &["sheet \"Leden\"", "99999999999"])),
        b("a dimension that ends before it starts", "school.xlsx", with_leden_xml(&sheet_xml("", "B2:A1")), Error(1, &["sheet \"Leden\"", "B2:A1"])),
        b("shared strings: 400,000 unused", "school.xlsx", with_strings(&|s| s.replace("</sst>", &(0..400_000).map(|i| format!("<si><t>s{i}</t></si>")).collect::<String>()).replace("</sst>", "") + "</sst>"), Safe(&[])),
        b("shared strings: a count of billions", "school.xlsx", with_strings(&|s| s.replacen("uniqueCount=\"", "uniqueCount=\"999999999999", 1)), Error(1, &[CELLS])),
        b("shared strings: a count past usize", "school.xlsx", with_strings(&|s| s.replacen("uniqueCount=\"", "uniqueCount=\"99999999999999999999999999", 1)), Error(1, &[CELLS])),
        b("shared strings: entity expansion", "school.xlsx", with_strings(&|s| s.replacen("<sst", &format!("{LAUGHS}<sst"), 1).replacen("<t>Ann</t>", "<t>&lol9;</t>", 1)), Error(1, &["workbook"])),
        b("a shared string of 10 MB", "school.xlsx", with_strings(&|s| s.replacen("<t>Ann</t>", &format!("<t>{}</t>", "a".repeat(10 << 20)), 1)), Error(1, &["Leden!C2", "the limit is"])),
        b("a cell of 32,767 characters", "school.xlsx", leden(vec![vec![T("ib"), T("intern-begeleider"), T(&"a".repeat(32_767))]]), Error(1, &["Leden!C2", "the limit is"])),
        // Formulas and links: the cached value is read, nothing is evaluated or followed.
        b("formulas", "school.xlsx", leden(vec![vec![T("ib"), T("intern-begeleider"), C::F("HYPERLINK(\"javascript:alert(1)\",\"Ann\")", "Ann")], vec![T("cjg"), T("cjg-coach"), C::F("cmd|' /C calc'!A0", "Bo")]]), Safe(&[])),
        b("formula error", "school.xlsx", leden(vec![vec![T("ib"), T("intern-begeleider"), C::F("1/0", "#DIV/0!")]]), Error(1, &["Leden!C2", "#DIV/0!"])),
        b("external link", "school.xlsx", rezip(&leden(vec![vec![T("ib"), T("intern-begeleider"), C::F("[1]Blad1!A1", "Cem")]]), &|_| None, &[("xl/externalLinks/externalLink1.xml", br#"<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></externalLink>"#.to_vec()), ("xl/externalLinks/_rels/externalLink1.xml.rels", br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///C:/geheim.xlsx" TargetMode="External"/></Relationships>"#.to_vec())]), Safe(&[])),
        b("a part named ../../etc/passwd", "school.xlsx", rezip(&good(), &|_| None, &[("../../../etc/passwd", b"x".to_vec())]), Safe(&[])),
        b("photo outside the folder", "school.xlsx", xlsx(&[school_sheet(), ("Leden", vec![row(&["id", "rol", "foto"]), row(&["ib", "intern-begeleider", "../../etc/passwd"])])]), Error(1, &["Leden!C2"])),
        // OpenDocument.
        b("good .ods", "school.ods", ods_with(&|c| c.to_string()), Safe(&[])),
        b("ods repeat bomb", "school.ods", ods_with(&|c| c.replacen("<table:table-row>", r#"<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row><table:table-row>"#, 1)), Error(1, &[CELLS])),
        b("ods empty repeats", "school.ods", ods_with(&|c| c.replacen("<table:table-row>", r#"<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row><table:table-row>"#, 1)), Safe(&[])),
        // Entities other than XML's five are not expanded (left out).
        b("ods entity expansion", "school.ods", ods_with(&|c| c.replacen("<office:document-content", &format!("{LAUGHS}<office:document-content"), 1).replacen(">Ann<", ">&lol9;<", 1)), Safe(&[])),
        b("ods wrong mimetype", "school.ods", rezip(&ods_with(&|c| c.to_string()), &|name| (name == "mimetype").then(|| Some(b"application/x-evil".to_vec())), &[]), Error(1, &["is not an .ods"])),
        b("ods cut off", "school.ods", ods_with(&|c| c[..c.find("Ann").unwrap()].to_string()), Error(1, &["cannot be read"])),
        b("ods mismatched tags", "school.ods", ods_with(&|c| c.replacen("</table:table-row>", "</table:tafel-row>", 1)), Error(1, &["cannot be read"])),
        // CSV.
        b("csv Windows-1252", "leden.csv", b"id;rol;naam\r\nib;intern-begeleider;Ren\xe9e\r\n".to_vec(), Safe(&["Windows-1252"])),
        b("csv with a BOM and commas", "leden.csv", b"\xEF\xBB\xBFid,rol,naam\nib,intern-begeleider,\"Ann, de IB\"\n".to_vec(), Safe(&[])),
        b("csv NUL bytes", "leden.csv", b"id;rol;naam\nib;intern-begeleider;A\0nn\n".to_vec(), Safe(&[])),
        b("csv unclosed quote", "leden.csv", b"id;rol;naam\nib;intern-begeleider;\"Ann\n".to_vec(), Safe(&[])),
        b("csv 300,000 cells", "leden.csv", [b"id;rol\n".to_vec(), b"a;b\n".repeat(150_001)].concat(), Error(1, &[CELLS])),
        b("csv a line of 4 MiB", "leden.csv", [b"id;rol;naam\nib;intern-begeleider;".to_vec(), vec![b'a'; 4 << 20]].concat(), Error(1, &["C2", "the limit is"])),
        b("csv formula text stays text", "leden.csv", b"id;rol;naam\nib;intern-begeleider;=HYPERLINK(\"javascript:alert(1)\")\n".to_vec(), Safe(&[])),
    ]
}

#[test]
fn hostile_workbooks_get_a_clear_answer() {
    let dir = std::env::temp_dir().join(format!("cirkel-hostile-sheets-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("map")).unwrap();
    let books = books();
    let mut failures = Vec::new();
    for (i, book) in books.iter().enumerate() {
        // Each in a folder of its own, so that a photo path leads nowhere.
        let folder = dir.join("map").join(i.to_string());
        std::fs::create_dir_all(&folder).unwrap();
        let file = folder.join(book.file);
        std::fs::write(&file, &book.bytes).unwrap();
        let f = file.to_string_lossy();
        let (code, stdout, stderr) =
            run(&["render", &f, "-o", "-", "--format", "svg", "--lang", "en"]);
        if stderr.contains("panicked") || stderr.contains("RUST_BACKTRACE") || code > 3 {
            failures.push(format!("{}: crash ({code}): {stderr}", book.name));
            continue;
        }
        match &book.expect {
            Expect::Error(want, words) => {
                if code != *want {
                    failures.push(format!(
                        "{}: exit {code}, expected {want}; stderr: {stderr}",
                        book.name
                    ));
                } else if !stdout.is_empty() {
                    failures.push(format!("{}: wrote output despite the error", book.name));
                } else if let Some(w) = words.iter().find(|w| !stderr.contains(**w)) {
                    failures.push(format!("{}: message lacks {w:?}: {stderr}", book.name));
                }
            }
            Expect::Safe(words) => {
                if code != 0 {
                    failures.push(format!("{}: exit {code}: {stderr}", book.name));
                    continue;
                }
                if let Some(w) = words.iter().find(|w| !stderr.contains(**w)) {
                    failures.push(format!("{}: warning lacks {w:?}: {stderr}", book.name));
                }
                let svg = String::from_utf8(stdout).unwrap();
                assert_safe_svg(book.name, &svg);
                // A formula's text never reaches the picture (a CSV cell
                // is text as typed, drawn escaped).
                let formula = book.file.ends_with(".xlsx")
                    && (svg.contains("javascript")
                        || svg.contains("HYPERLINK")
                        || svg.contains("geheim"));
                if formula {
                    failures.push(format!(
                        "{}: a formula or link reached the picture",
                        book.name
                    ));
                }
            }
        }
        // Dutch, the default, gives the same answer.
        let (nl, _, _) = run(&["check", &f]);
        if (nl == 0) != (code == 0) {
            failures.push(format!("{}: check exits {nl}, render {code}", book.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} workbooks failed:\n{}",
        failures.len(),
        books.len(),
        failures.join("\n")
    );
}
