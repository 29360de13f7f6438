//! The cirkel in words: for screen readers, alt text and the body of a
//! school report. It answers the traject's four questions in order: who is
//! in the kernteam (ring by ring), what expertise is in house, which routes
//! a hulpvraag takes, and how the team keeps finding each other.

//!
//! [`describe_blocks`] gives the description as blocks (headings,
//! paragraphs, list items) for writers that keep structure (the PDF's tagged
//! text); [`describe`] writes them as plain text or Markdown.

use cirkel_core::{Kernteam, Lang, Member, Since, Tie};

/// Output format of [`describe`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DescribeFormat {
    /// Plain text, headings underlined.
    #[default]
    Text,
    /// Markdown; user text is escaped so it cannot become links or markup.
    Markdown,
}

/// One block of the description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading: level 1 for the title, 2 for each section.
    Heading {
        /// 1 or 2.
        level: u8,
        /// Its text.
        text: String,
    },
    /// A paragraph.
    Paragraph(String),
    /// An item of a bulleted list.
    Item(String),
    /// An item of a numbered list, with its number.
    Numbered(usize, String),
}

/// User text, escaped for `format` (Markdown escapes what could become
/// links or markup; plain text is as written).
pub(crate) fn user(format: DescribeFormat, text: &str) -> String {
    match format {
        DescribeFormat::Text => text.to_string(),
        DescribeFormat::Markdown => {
            let mut s = String::with_capacity(text.len());
            for (i, c) in text.chars().enumerate() {
                let special = matches!(
                    c,
                    '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '|' | '~' | '&'
                ) || (i == 0 && matches!(c, '#' | '+' | '-'));
                if special {
                    s.push('\\');
                }
                s.push(c);
            }
            s
        }
    }
}

/// Writes blocks as plain text (headings underlined) or Markdown.
pub(crate) fn write(blocks: &[Block], format: DescribeFormat) -> String {
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Heading { level, text } => {
                if !out.is_empty() {
                    out.push('\n');
                }
                match format {
                    DescribeFormat::Markdown => {
                        out.push_str(&"#".repeat(usize::from(*level)));
                        out.push(' ');
                        out.push_str(&user(format, text));
                        out.push('\n');
                    }
                    DescribeFormat::Text => {
                        out.push_str(text);
                        out.push('\n');
                        let mark = if *level == 1 { "=" } else { "-" };
                        out.push_str(&mark.repeat(text.chars().count().clamp(3, 80)));
                        out.push('\n');
                    }
                }
                if *level > 1 {
                    out.push('\n');
                }
            }
            Block::Paragraph(text) => {
                out.push('\n');
                out.push_str(text);
                out.push('\n');
            }
            Block::Item(text) => {
                out.push_str("- ");
                out.push_str(text);
                out.push('\n');
            }
            Block::Numbered(n, text) => {
                out.push_str(&format!("{n}. {text}\n"));
            }
        }
    }
    out
}

/// Describes the kernteam in plain Dutch or English (`k.lang`).
pub fn describe(k: &Kernteam, format: DescribeFormat) -> String {
    write(&describe_blocks(k, format), format)
}

/// The description as blocks, with user text escaped for `format`
/// (headings carry the text unescaped; writers escape them).
pub fn describe_blocks(k: &Kernteam, format: DescribeFormat) -> Vec<Block> {
    describe_since_blocks(k, None, format)
}

/// [`describe`] with what changed since last year (`--since`): a section
/// "Sinds vorig jaar" (who is new, who left, who moved) after the opening
/// paragraph, and each new member marked in the ring lists.
pub fn describe_since(k: &Kernteam, since: Option<&Since>, format: DescribeFormat) -> String {
    write(&describe_since_blocks(k, since, format), format)
}

/// [`describe_since`] as blocks.
pub fn describe_since_blocks(
    k: &Kernteam,
    since: Option<&Since>,
    format: DescribeFormat,
) -> Vec<Block> {
    let mut blocks = intro(k, format);
    if let Some(s) = since {
        blocks.extend(crate::changes::since_section(s, k, format));
    }
    rings(k, since, format, &mut blocks);
    expertise(k, format, &mut blocks);
    routes(k, format, &mut blocks);
    meetings(k, format, &mut blocks);
    blocks
}

pub(crate) fn heading(level: u8, text: impl Into<String>) -> Block {
    Block::Heading {
        level,
        text: text.into(),
    }
}

/// The title and the opening paragraph.
pub(crate) fn intro(k: &Kernteam, format: DescribeFormat) -> Vec<Block> {
    let lang = k.lang;
    let mut title = format!("{} – {}", k.title, k.school.name);
    if let Some(p) = &k.school.place {
        title.push_str(&format!(", {p}"));
    }
    let mut intro = format!(
        "{} {} {} {} {} {} {}.",
        lang.pick("Het kernteam van", "The core team of"),
        user(format, &k.school.name),
        lang.pick("telt", "has"),
        k.members.len(),
        if k.members.len() == 1 {
            lang.pick("lid", "member")
        } else {
            lang.pick("leden", "members")
        },
        lang.pick("op", "on"),
        match k.rings.len() {
            1 => lang.pick("één ring", "one ring").to_string(),
            n => format!("{n} {}", lang.pick("ringen", "rings")),
        }
    );
    if let Some(year) = &k.school_year {
        intro.push_str(&format!(
            " {} {}.",
            lang.pick("Schooljaar", "School year"),
            user(format, year)
        ));
    }
    intro.push_str(&format!(
        " {}",
        lang.pick(
            "De school staat in het midden; hoe verder naar buiten, hoe minder vaak de school de partner nodig heeft.",
            "The school is at the centre; the further out, the less often the school needs the partner."
        )
    ));
    vec![heading(1, title), Block::Paragraph(intro)]
}

/// 1. Who is on each ring.
fn rings(k: &Kernteam, since: Option<&Since>, format: DescribeFormat, blocks: &mut Vec<Block>) {
    let lang = k.lang;
    for (ri, ring) in k.rings.iter().enumerate() {
        let on_ring: Vec<(usize, &Member)> = k
            .members
            .iter()
            .enumerate()
            .filter(|(_, m)| m.ring == ri)
            .collect();
        blocks.push(heading(
            2,
            format!("{} {}: {}", lang.pick("Ring", "Ring"), ri + 1, ring.label),
        ));
        if on_ring.is_empty() {
            blocks.push(Block::Item(
                lang.pick("(nog niemand)", "(nobody yet)").into(),
            ));
        }
        for (i, m) in on_ring {
            let mut s = member_sentence(m, lang, format);
            if since.is_some_and(|s| s.is_new(i)) {
                s.push_str(&format!(
                    " {}",
                    lang.pick("Nieuw sinds vorig jaar.", "New since last year.")
                ));
            }
            blocks.push(Block::Item(s));
        }
    }
}

/// A member in one sentence: role, name, organisation, domain,
/// availability, expertise, contact, the state of the tie.
pub(crate) fn member_sentence(m: &Member, lang: Lang, format: DescribeFormat) -> String {
    let mut s = user(format, &m.role);
    if let Some(n) = &m.name {
        s.push_str(&format!(": {}", user(format, n)));
    }
    if let Some(o) = &m.organisation {
        s.push_str(&format!(", {}", user(format, o)));
    }
    s.push_str(&format!(" ({})", m.domain.label(lang).to_lowercase()));
    s.push('.');
    if let Some(a) = &m.availability {
        s.push_str(&format!(
            " {}: {}.",
            lang.pick("Bereikbaar", "Available"),
            user(format, a)
        ));
    }
    if !m.expertise.is_empty() {
        let list: Vec<String> = m.expertise.iter().map(|e| user(format, e)).collect();
        s.push_str(&format!(
            " {}: {}.",
            lang.pick("Expertise", "Expertise"),
            list.join(", ")
        ));
    }
    let contact: Vec<String> = [&m.contact.email, &m.contact.phone, &m.contact.website]
        .into_iter()
        .flatten()
        .map(|c| user(format, c))
        .collect();
    if !contact.is_empty() {
        s.push_str(&format!(
            " {}: {}.",
            lang.pick("Contact", "Contact"),
            contact.join(", ")
        ));
    }
    if let Some(t) = tie_words(m.tie, lang) {
        let mut t = t.to_string();
        if let Some(first) = t.get(..1) {
            t = first.to_uppercase() + &t[1..];
        }
        s.push_str(&format!(" {t}."));
    }
    s
}

/// 2. Expertise in house: each item once, with who brings it.
pub(crate) fn expertise(k: &Kernteam, format: DescribeFormat, blocks: &mut Vec<Block>) {
    let mut expertise: Vec<(String, Vec<String>)> = Vec::new();
    for m in &k.members {
        for e in &m.expertise {
            let key = e.to_lowercase();
            match expertise.iter_mut().find(|(k, _)| k.to_lowercase() == key) {
                Some((_, people)) => {
                    if !people.contains(&m.role) {
                        people.push(m.role.clone());
                    }
                }
                None => expertise.push((e.clone(), vec![m.role.clone()])),
            }
        }
    }
    if expertise.is_empty() {
        return;
    }
    blocks.push(heading(
        2,
        k.lang.pick("Expertise in huis", "Expertise in house"),
    ));
    for (e, people) in &expertise {
        let people: Vec<String> = people.iter().map(|p| user(format, p)).collect();
        blocks.push(Block::Item(format!(
            "{}: {}",
            user(format, e),
            people.join(", ")
        )));
    }
}

/// 3. Routes, in words: "eerst …, dan …; lukt het niet, dan opschalen naar …".
pub(crate) fn routes(k: &Kernteam, format: DescribeFormat, blocks: &mut Vec<Block>) {
    let lang = k.lang;
    blocks.push(heading(
        2,
        lang.pick(
            "Routes: wie benader ik waarvoor?",
            "Routes: whom to approach for what",
        ),
    ));
    if k.routes.is_empty() {
        blocks.push(Block::Item(
            lang.pick(
                "Er zijn nog geen routes beschreven.",
                "No routes have been described yet.",
            )
            .into(),
        ));
    }
    let name = |id: &String| k.member(id).map_or_else(|| id.clone(), who);
    for (i, r) in k.routes.iter().enumerate() {
        let steps: Vec<String> = r.steps.iter().map(|s| user(format, &name(s))).collect();
        let mut s = format!("{}: ", user(format, &r.question));
        s.push_str(&match steps.len() {
            0 => String::new(),
            1 => format!("{} {}.", lang.pick("naar", "to"), steps[0]),
            _ => format!(
                "{} {}, {} {}.",
                lang.pick("eerst", "first"),
                steps[0],
                lang.pick("dan", "then"),
                steps[1..].join(&format!(", {} ", lang.pick("dan", "then")))
            ),
        });
        if !r.escalation.is_empty() {
            let esc: Vec<String> = r
                .escalation
                .iter()
                .map(|s| user(format, &name(s)))
                .collect();
            s.push_str(&format!(
                " {}: {}.",
                lang.pick(
                    "Lukt het niet, dan opschalen naar",
                    "If that is not enough, escalate to"
                ),
                esc.join(&format!(" {} ", lang.pick("en dan", "and then")))
            ));
        }
        if let Some(n) = &r.note {
            s.push_str(&format!(" ({})", user(format, n)));
        }
        blocks.push(Block::Numbered(i + 1, s));
    }
}

/// 4. How the team keeps finding each other.
pub(crate) fn meetings(k: &Kernteam, format: DescribeFormat, blocks: &mut Vec<Block>) {
    let lang = k.lang;
    blocks.push(heading(
        2,
        lang.pick(
            "Zo blijven we elkaar vinden",
            "How we keep finding each other",
        ),
    ));
    if k.meetings.is_empty() {
        blocks.push(Block::Item(
            lang.pick(
                "Er zijn nog geen vaste momenten afgesproken.",
                "No regular meetings have been agreed yet.",
            )
            .into(),
        ));
    }
    for m in &k.meetings {
        blocks.push(Block::Item(format!(
            "{}: {}",
            user(format, &m.when),
            user(format, &m.purpose)
        )));
    }
}

/// A member as "role (name)" or "role".
pub(crate) fn who(m: &Member) -> String {
    match &m.name {
        Some(n) => format!("{} ({n})", m.role),
        None => m.role.clone(),
    }
}

pub(crate) fn tie_words(tie: Tie, lang: Lang) -> Option<&'static str> {
    match tie {
        Tie::Normal => None,
        Tie::Strong => Some(lang.pick("de samenwerking is sterk", "the collaboration is strong")),
        Tie::Tenuous => Some(lang.pick(
            "de samenwerking is zwak en vraagt aandacht",
            "the collaboration is weak and needs attention",
        )),
        Tie::Stressful => Some(lang.pick(
            "de samenwerking is moeizaam",
            "the collaboration is strained",
        )),
    }
}
