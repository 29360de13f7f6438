//! Warnings about characters the bundled font cannot show: found in every
//! text line the layout drew, and attributed to the input field they come
//! from (or to the picture when the tool wrote them itself).

use cirkel_core::{Diagnostic, Kernteam, MemberField, Spans, msg};
use cirkel_layout::{Layout, TextLine, missing_in_line};

/// Every text line of the layout.
fn lines(l: &Layout) -> impl Iterator<Item = &TextLine> {
    l.centre
        .text
        .iter()
        .chain(
            l.rings
                .iter()
                .filter_map(|r| r.label.as_ref().map(|x| &x.text)),
        )
        .chain(l.nodes.iter().flat_map(|n| &n.text))
        .chain(l.boxes.iter().flat_map(|b| &b.text))
        .chain(
            l.boxes
                .iter()
                .flat_map(|b| b.badges.iter().map(|x| &x.text)),
        )
        .chain(
            l.routes
                .iter()
                .filter_map(|r| r.badge.as_ref().map(|b| &b.text)),
        )
        .chain(
            l.routes
                .iter()
                .flat_map(|r| r.label.iter().flat_map(|x| &x.text)),
        )
}

/// Every text field of the kernteam the picture can show, with its JSON
/// path, in document order.
fn fields(k: &Kernteam) -> Vec<(String, &str)> {
    let mut f: Vec<(String, &str)> = vec![
        ("title".into(), k.title.as_str()),
        ("school.name".into(), k.school.name.as_str()),
    ];
    if let Some(p) = &k.school.place {
        f.push(("school.place".into(), p));
    }
    if let Some(y) = &k.school_year {
        f.push(("school_year".into(), y));
    }
    for (i, r) in k.rings.iter().enumerate() {
        f.push((format!("rings[{i}].label"), &r.label));
    }
    for (i, m) in k.members.iter().enumerate() {
        // Every field's own text (the list of fields says which hold
        // text); one of many (expertise) by its index.
        for field in MemberField::ALL {
            let texts = field.texts(m);
            let many = field == MemberField::Expertise;
            for (j, text) in texts.into_iter().enumerate() {
                let path = if many {
                    format!("members[{i}].{}[{j}]", field.key())
                } else {
                    format!("members[{i}].{}", field.key())
                };
                f.push((path, text));
            }
        }
    }
    for (i, r) in k.routes.iter().enumerate() {
        f.push((format!("routes[{i}].question"), &r.question));
        if let Some(n) = &r.note {
            f.push((format!("routes[{i}].note"), n));
        }
    }
    for (i, m) in k.meetings.iter().enumerate() {
        f.push((format!("meetings[{i}].when"), &m.when));
        f.push((format!("meetings[{i}].purpose"), &m.purpose));
    }
    f
}

/// One warning per input field whose characters the font cannot show
/// (located in the input by `spans`).
pub(super) fn glyph_warnings(layout: &Layout, k: &Kernteam, spans: &Spans) -> Vec<Diagnostic> {
    let mut missing: Vec<char> = Vec::new();
    for line in lines(layout) {
        for c in missing_in_line(&line.text, line.weight) {
            if !missing.contains(&c) {
                missing.push(c);
            }
        }
    }
    if missing.is_empty() {
        return Vec::new();
    }
    // Each character goes to the first field that has it.
    let fields = fields(k);
    let mut by_field: Vec<(String, Vec<char>)> = Vec::new();
    for c in missing {
        let path = fields
            .iter()
            .find(|(_, text)| text.contains(c))
            .map_or(String::new(), |(p, _)| p.clone());
        match by_field.iter_mut().find(|(p, _)| *p == path) {
            Some((_, chars)) => chars.push(c),
            None => by_field.push((path, vec![c])),
        }
    }
    by_field.sort_by_key(|(p, _)| fields.iter().position(|(q, _)| q == p));
    by_field
        .into_iter()
        .map(|(path, chars)| {
            let shown: Vec<String> = chars
                .iter()
                .take(5)
                .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
                .collect();
            spans.place(
                Diagnostic::warning(
                    path,
                    msg!(
                        "draw.no-glyph",
                        chars = format!(
                            "{}{}",
                            shown.join(", "),
                            if chars.len() > 5 { ", …" } else { "" }
                        )
                    ),
                )
                .with_help(msg!("draw.no-glyph.help")),
            )
        })
        .collect()
}
