//! What changed since last year, in words: the list for the first kernteam
//! meeting of a school year ("kennismaken met nieuwe leden"). Each new
//! person as `describe` gives a member (role, name, organisation,
//! availability, expertise, contact), then who left and who moved, at the
//! privacy level the kernteams were redacted to.

use cirkel_core::{Changes, Kernteam, Lang, Member, Moved, Ring, School, Since, Tie, tie_rank};

use crate::geometry::{Layout, TextLine, TextRole};

use crate::describe::{Block, DescribeFormat, heading, member_sentence, user, write};

/// The changes from `last` to `this` as text or Markdown. `changes` is
/// [`Changes::between`] of the full kernteams; `last` and `this` are what
/// may be shown (redacted to the privacy level: their members in the same
/// order), so at `Privacy::Roles` no name appears, new or departed.
pub fn describe_changes(
    last: &Kernteam,
    this: &Kernteam,
    changes: &Changes,
    format: DescribeFormat,
) -> String {
    write(&change_blocks(last, this, changes, format), format)
}

/// [`describe_changes`] as blocks.
pub fn change_blocks(
    last: &Kernteam,
    this: &Kernteam,
    changes: &Changes,
    format: DescribeFormat,
) -> Vec<Block> {
    let lang = this.lang;
    let mut title = format!(
        "{} – {}",
        lang.pick("Wat is er veranderd", "What changed"),
        this.school.name
    );
    match (&last.school_year, &this.school_year) {
        (Some(a), Some(b)) if a != b => title.push_str(&format!(", {a} → {b}")),
        (_, Some(b)) => title.push_str(&format!(", {b}")),
        _ => {}
    }
    let mut blocks = vec![heading(1, title)];
    if changes.is_empty() {
        blocks.push(Block::Paragraph(unchanged(lang)));
        return blocks;
    }
    if !changes.new.is_empty() {
        blocks.push(heading(
            2,
            lang.pick("Nieuw in het kernteam", "New in the core team"),
        ));
        for &i in &changes.new {
            let Some(m) = this.members.get(i) else {
                continue;
            };
            let mut s = member_sentence(m, lang, format);
            if changes.new_roles.contains(&i) {
                s.push_str(&format!(
                    " {}",
                    lang.pick("Nieuw in de cirkel.", "New to the circle.")
                ));
            }
            s.push_str(&format!(
                " {} {}.",
                lang.pick("Nu op", "Now on"),
                ring_words(this, m, format)
            ));
            blocks.push(Block::Item(s));
        }
    }
    if !changes.left.is_empty() {
        blocks.push(heading(
            2,
            lang.pick("Niet meer in het kernteam", "No longer in the core team"),
        ));
        for m in changes.left.iter().filter_map(|j| last.members.get(*j)) {
            blocks.push(Block::Item(format!("{}.", who(m, format))));
        }
    }
    if !changes.moved.is_empty() {
        blocks.push(heading(2, lang.pick("Verschoven", "Moved")));
        for mv in &changes.moved {
            if let Some(s) = moved_sentence(this, mv, format, false) {
                blocks.push(Block::Item(s));
            }
        }
    }
    blocks
}

/// "Jeugdarts: Anna de Boer: dichter bij de school, nu op ring 1
/// (School); de samenwerking is sterker geworden (was normaal, nu sterk)."
/// With `short`, the member as "role (name)", without the organisation.
fn moved_sentence(
    this: &Kernteam,
    mv: &Moved,
    format: DescribeFormat,
    short: bool,
) -> Option<String> {
    let lang = this.lang;
    let m = this.members.get(mv.member)?;
    let mut parts = Vec::new();
    if let Some(role) = &mv.role_was {
        parts.push(format!(
            "{} {}",
            lang.pick("vorig jaar", "last year"),
            user(format, role)
        ));
    }
    if let Some(closer) = mv.closer {
        parts.push(format!(
            "{}, {} {}",
            if closer {
                lang.pick("dichter bij de school", "closer to the school")
            } else {
                lang.pick("verder van de school", "further from the school")
            },
            lang.pick("nu op", "now on"),
            ring_words(this, m, format)
        ));
    }
    if let Some(was) = mv.tie_was {
        parts.push(tie_change(was, m.tie, lang));
    }
    let name = if short {
        crate::describe::who(m)
    } else {
        who(m, format)
    };
    Some(format!("{name}: {}.", parts.join("; ")))
}

/// What changed as the lines under the picture: who left, then who
/// moved (new members carry their marker on the card). Empty when
/// neither.
pub(crate) fn change_lines(last: &Kernteam, this: &Kernteam, changes: &Changes) -> Vec<String> {
    let (lang, format) = (this.lang, DescribeFormat::Text);
    let mut lines = Vec::new();
    let left: Vec<String> = changes
        .left
        .iter()
        .filter_map(|j| last.members.get(*j))
        .map(crate::describe::who)
        .collect();
    if !left.is_empty() {
        lines.push(format!(
            "{}: {}.",
            lang.pick("Niet meer in het kernteam", "No longer in the core team"),
            left.join("; ")
        ));
    }
    for mv in &changes.moved {
        if let Some(s) = moved_sentence(this, mv, format, true) {
            lines.push(format!("{}: {s}", lang.pick("Verschoven", "Moved")));
        }
    }
    lines
}

/// The section "Sinds vorig jaar" of the description (`describe
/// --since`): who is new, who left, who moved, each in one item.
pub(crate) fn since_section(since: &Since, this: &Kernteam, format: DescribeFormat) -> Vec<Block> {
    let (lang, changes) = (this.lang, &since.changes);
    let mut blocks = vec![heading(2, lang.pick("Sinds vorig jaar", "Since last year"))];
    if changes.is_empty() {
        blocks.push(Block::Item(unchanged(lang)));
        return blocks;
    }
    let list = |members: Vec<String>| members.join("; ");
    if !changes.new.is_empty() {
        let new: Vec<String> = changes
            .new
            .iter()
            .filter_map(|i| this.members.get(*i).map(|m| (i, m)))
            .map(|(i, m)| {
                let mut s = who(m, format);
                if changes.new_roles.contains(i) {
                    s.push_str(&format!(
                        " ({})",
                        lang.pick("nieuw in de cirkel", "new to the circle")
                    ));
                }
                s
            })
            .collect();
        blocks.push(Block::Item(format!(
            "{}: {}.",
            lang.pick("Nieuw in het kernteam", "New in the core team"),
            list(new)
        )));
    }
    for line in change_lines(&since.last, this, changes) {
        blocks.push(Block::Item(line));
    }
    blocks
}

/// "Het kernteam is hetzelfde als vorig jaar."
fn unchanged(lang: Lang) -> String {
    lang.pick(
        "Het kernteam is hetzelfde als vorig jaar.",
        "The core team is the same as last year.",
    )
    .into()
}

/// Role and name (when shown) and organisation.
fn who(m: &Member, format: DescribeFormat) -> String {
    let mut s = user(format, &m.role);
    if let Some(n) = &m.name {
        s.push_str(&format!(": {}", user(format, n)));
    }
    if let Some(o) = &m.organisation {
        s.push_str(&format!(", {}", user(format, o)));
    }
    s
}

/// "ring 2 (Kernteam)".
fn ring_words(k: &Kernteam, m: &Member, format: DescribeFormat) -> String {
    let label = k.rings.get(m.ring).map_or("", |r| r.label.as_str());
    format!("ring {} ({})", m.ring + 1, user(format, label))
}

/// "de samenwerking is sterker geworden (was zwak, nu sterk)".
fn tie_change(was: Tie, now: Tie, lang: Lang) -> String {
    let word = |t: Tie| match t {
        Tie::Strong => lang.pick("sterk", "strong"),
        Tie::Normal => lang.pick("normaal", "normal"),
        Tie::Tenuous => lang.pick("zwak", "weak"),
        Tie::Stressful => lang.pick("moeizaam", "strained"),
    };
    let how = match (tie_rank(was), tie_rank(now)) {
        (Some(a), Some(b)) if b > a => lang.pick(
            "de samenwerking is sterker geworden",
            "the collaboration grew stronger",
        ),
        (Some(a), Some(b)) if b < a => lang.pick(
            "de samenwerking is zwakker geworden",
            "the collaboration grew weaker",
        ),
        _ => lang.pick("de samenwerking is veranderd", "the collaboration changed"),
    };
    format!(
        "{how} ({} {}, {} {})",
        lang.pick("was", "was"),
        word(was),
        lang.pick("nu", "now"),
        word(now)
    )
}

/// Last year's kernteam as a layout saved from it (`cirkel layout`) holds
/// it, for `--since LAST.layout.json`: each card's member (id, role, name
/// as shown, ring, domain, tie), the rings and the school. What a layout
/// does not carry (expertise, contact, routes) stays empty; a layout
/// written before cards carried their role and name gives the text of the
/// card's header and name lines.
pub fn last_year_kernteam(layout: &Layout) -> Kernteam {
    let joined = |lines: &[TextLine], role: TextRole| -> Option<String> {
        let words: Vec<&str> = lines
            .iter()
            .filter(|l| l.role == role)
            .map(|l| l.text.as_str())
            .collect();
        (!words.is_empty()).then(|| words.join(" "))
    };
    let rings: Vec<Ring> = layout
        .rings
        .iter()
        .map(|r| Ring {
            id: r.id.clone(),
            label: r
                .label
                .as_ref()
                .map_or_else(|| r.id.clone(), |l| l.text.text.clone()),
        })
        .collect();
    let members = layout
        .nodes
        .iter()
        .map(|n| {
            let role = if n.role.is_empty() {
                joined(&n.text, TextRole::Role).unwrap_or_default()
            } else {
                n.role.clone()
            };
            let name = match &n.name {
                Some(name) => Some(name.clone()),
                None if n.role.is_empty() => joined(&n.text, TextRole::Name),
                None => None,
            };
            Member {
                id: n.id.clone(),
                catalogue_role: cirkel_core::find_role(&role).map(|r| r.id.clone()),
                role,
                name,
                organisation: None,
                ring: rings.iter().position(|r| r.id == n.ring).unwrap_or(0),
                domain: n.domain,
                expertise: Vec::new(),
                availability: None,
                tie: n.tie,
                contact: Default::default(),
                partner: None,
                photo: None,
            }
        })
        .collect();
    Kernteam {
        lang: layout.lang,
        school: School {
            name: joined(&layout.centre.text, TextRole::School).unwrap_or_default(),
            place: None,
            sector: None,
        },
        title: layout.title.clone(),
        school_year: None,
        rings,
        members,
        routes: Vec::new(),
        meetings: Vec::new(),
    }
}
