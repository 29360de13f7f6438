//! `.ods`, written here: a zip archive with the `mimetype` first and
//! stored, a manifest, and `content.xml` with one table per sheet (every
//! value a string cell; runs of spaces, tabs and line breaks written as
//! ODF wants them, characters XML cannot hold left out). Fixed timestamps:
//! the same input gives the same bytes.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::Table;

const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"/>
"#;

/// The workbook's bytes.
pub(crate) fn write(tables: &[Table]) -> std::io::Result<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(DateTime::default());
    let deflated = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    zip.start_file("mimetype", stored)?;
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")?;
    zip.start_file("META-INF/manifest.xml", deflated)?;
    zip.write_all(MANIFEST.as_bytes())?;
    zip.start_file("styles.xml", deflated)?;
    zip.write_all(STYLES.as_bytes())?;
    zip.start_file("content.xml", deflated)?;
    zip.write_all(content(tables).as_bytes())?;
    Ok(zip.finish()?.into_inner())
}

fn content(tables: &[Table]) -> String {
    let mut out = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8"?>"#,
        "\n",
        r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2">"#,
        "\n<office:automatic-styles>",
        r#"<style:style style:name="ceh" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>"#,
        r#"<style:style style:name="tah" style:family="table"><style:table-properties table:display="false"/></style:style>"#,
    ));
    let mut widths: Vec<f64> = Vec::new();
    for t in tables {
        for w in &t.widths {
            if !widths.contains(w) {
                widths.push(*w);
            }
        }
    }
    for (i, w) in widths.iter().enumerate() {
        // A character of the default font is about 0.2 cm wide.
        out.push_str(&format!(
            r#"<style:style style:name="co{i}" style:family="table-column"><style:table-column-properties style:column-width="{:.2}cm"/></style:style>"#,
            w * 0.2
        ));
    }
    out.push_str("</office:automatic-styles>\n<office:body><office:spreadsheet>\n");
    for t in tables {
        out.push_str(&format!(r#"<table:table table:name="{}""#, escape(&t.name)));
        if t.hidden {
            out.push_str(r#" table:style-name="tah""#);
        }
        out.push('>');
        for w in &t.widths {
            let i = widths.iter().position(|x| x == w).unwrap_or(0);
            out.push_str(&format!(
                r#"<table:table-column table:style-name="co{i}"/>"#
            ));
        }
        out.push_str("<table:table-header-rows>");
        row(&mut out, &t.header, true);
        out.push_str("</table:table-header-rows>");
        for r in &t.rows {
            row(&mut out, r, false);
        }
        out.push_str("</table:table>\n");
    }
    out.push_str("</office:spreadsheet></office:body></office:document-content>\n");
    out
}

fn row(out: &mut String, cells: &[String], header: bool) {
    out.push_str("<table:table-row>");
    for v in cells {
        if v.is_empty() {
            out.push_str("<table:table-cell/>");
            continue;
        }
        out.push_str("<table:table-cell");
        if header {
            out.push_str(r#" table:style-name="ceh""#);
        }
        out.push_str(r#" office:value-type="string">"#);
        for line in v.split('\n') {
            out.push_str("<text:p>");
            paragraph(out, line);
            out.push_str("</text:p>");
        }
        out.push_str("</table:table-cell>");
    }
    out.push_str("</table:table-row>\n");
}

/// A line of text as ODF holds it: a space at the start or after another
/// space as `<text:s/>` (plain ones would collapse), tabs as `<text:tab/>`.
fn paragraph(out: &mut String, line: &str) {
    let mut spaces = 0usize;
    let mut at_start = true;
    let flush = |out: &mut String, spaces: &mut usize, at_start: bool| {
        if *spaces == 0 {
            return;
        }
        let mut n = *spaces;
        if !at_start {
            out.push(' ');
            n -= 1;
        }
        if n > 0 {
            out.push_str(&format!(r#"<text:s text:c="{n}"/>"#));
        }
        *spaces = 0;
    };
    for c in line.chars() {
        match c {
            ' ' => spaces += 1,
            '\t' => {
                flush(out, &mut spaces, at_start);
                out.push_str("<text:tab/>");
                at_start = false;
            }
            c => {
                flush(out, &mut spaces, at_start);
                at_start = false;
                push_escaped(out, c);
            }
        }
    }
    // Trailing spaces, as `text:s` (a plain one would be dropped).
    if spaces > 0 {
        out.push_str(&format!(r#"<text:s text:c="{spaces}"/>"#));
    }
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\r' => out.push_str("&#13;"),
        // Not allowed in XML 1.0.
        c if (c < ' ' && c != '\t' && c != '\n') || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
        c => out.push(c),
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_escaped(&mut out, c);
    }
    out
}
