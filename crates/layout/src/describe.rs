//! The cirkel in words: for screen readers, alt text and the body of a
//! school report. It answers the traject's four questions in order: who is
//! in the kernteam (ring by ring), what expertise is in house, which routes
//! a hulpvraag takes, and how the team keeps finding each other.

use cirkel_core::{Kernteam, Lang, Member, Tie};

/// Output format of [`describe`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DescribeFormat {
    /// Plain text, headings underlined.
    #[default]
    Text,
    /// Markdown; user text is escaped so it cannot become links or markup.
    Markdown,
}

struct Writer {
    format: DescribeFormat,
    out: String,
}

impl Writer {
    fn heading(&mut self, level: usize, text: &str) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        match self.format {
            DescribeFormat::Markdown => {
                self.out.push_str(&"#".repeat(level));
                self.out.push(' ');
                self.out.push_str(&self.user(text));
                self.out.push('\n');
            }
            DescribeFormat::Text => {
                self.out.push_str(text);
                self.out.push('\n');
                let mark = if level == 1 { "=" } else { "-" };
                self.out
                    .push_str(&mark.repeat(text.chars().count().clamp(3, 80)));
                self.out.push('\n');
            }
        }
    }

    fn paragraph(&mut self, text: &str) {
        self.out.push('\n');
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn item(&mut self, text: &str) {
        self.out.push_str("- ");
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// A level-2 heading, and `placeholder` as the only item when `empty`.
    fn section(&mut self, title: &str, empty: bool, placeholder: &str) {
        self.heading(2, title);
        self.blank();
        if empty {
            self.item(placeholder);
        }
    }

    fn blank(&mut self) {
        self.out.push('\n');
    }

    /// User text, escaped for Markdown.
    fn user(&self, text: &str) -> String {
        match self.format {
            DescribeFormat::Text => text.to_string(),
            DescribeFormat::Markdown => {
                let mut s = String::with_capacity(text.len());
                for (i, c) in text.chars().enumerate() {
                    let special = matches!(
                        c,
                        '\\' | '`'
                            | '*'
                            | '_'
                            | '{'
                            | '}'
                            | '['
                            | ']'
                            | '<'
                            | '>'
                            | '|'
                            | '~'
                            | '&'
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
}

/// A member as "role (name)" or "role".
pub(crate) fn who(m: &Member) -> String {
    match &m.name {
        Some(n) => format!("{} ({n})", m.role),
        None => m.role.clone(),
    }
}

fn tie_words(tie: Tie, lang: Lang) -> Option<&'static str> {
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

/// Describes the kernteam in plain Dutch or English (`k.lang`).
pub fn describe(k: &Kernteam, format: DescribeFormat) -> String {
    let lang = k.lang;
    let mut w = Writer {
        format,
        out: String::new(),
    };
    let mut title = format!("{} – {}", k.title, k.school.name);
    if let Some(p) = &k.school.place {
        title.push_str(&format!(", {p}"));
    }
    w.heading(1, &title);
    let mut intro = format!(
        "{} {} {} {} {} {} {}.",
        lang.pick("Het kernteam van", "The core team of"),
        w.user(&k.school.name),
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
            w.user(year)
        ));
    }
    intro.push_str(&format!(
        " {}",
        lang.pick(
            "De school staat in het midden; hoe verder naar buiten, hoe minder vaak de school de partner nodig heeft.",
            "The school is at the centre; the further out, the less often the school needs the partner."
        )
    ));
    w.paragraph(&intro);

    // 1. Who is on each ring.
    for (ri, ring) in k.rings.iter().enumerate() {
        let on_ring: Vec<&Member> = k.members.iter().filter(|m| m.ring == ri).collect();
        w.heading(
            2,
            &format!("{} {}: {}", lang.pick("Ring", "Ring"), ri + 1, ring.label),
        );
        w.blank();
        if on_ring.is_empty() {
            w.item(lang.pick("(nog niemand)", "(nobody yet)"));
        }
        for m in on_ring {
            let mut s = w.user(&m.role);
            if let Some(n) = &m.name {
                s.push_str(&format!(": {}", w.user(n)));
            }
            if let Some(o) = &m.organisation {
                s.push_str(&format!(", {}", w.user(o)));
            }
            s.push_str(&format!(" ({})", m.domain.label(lang).to_lowercase()));
            s.push('.');
            if let Some(a) = &m.availability {
                s.push_str(&format!(
                    " {}: {}.",
                    lang.pick("Bereikbaar", "Available"),
                    w.user(a)
                ));
            }
            if !m.expertise.is_empty() {
                let list: Vec<String> = m.expertise.iter().map(|e| w.user(e)).collect();
                s.push_str(&format!(
                    " {}: {}.",
                    lang.pick("Expertise", "Expertise"),
                    list.join(", ")
                ));
            }
            let contact: Vec<String> = [&m.contact.email, &m.contact.phone, &m.contact.website]
                .into_iter()
                .flatten()
                .map(|c| w.user(c))
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
            w.item(&s);
        }
    }

    // 2. Expertise in house: each item once, with who brings it.
    let mut expertise: Vec<(String, Vec<String>)> = Vec::new();
    for m in &k.members {
        for e in &m.expertise {
            let key = e.to_lowercase();
            match expertise.iter_mut().find(|(k, _)| k.to_lowercase() == key) {
                Some((_, people)) => {
                    let r = m.role.clone();
                    if !people.contains(&r) {
                        people.push(r);
                    }
                }
                None => expertise.push((e.clone(), vec![m.role.clone()])),
            }
        }
    }
    if !expertise.is_empty() {
        w.heading(2, lang.pick("Expertise in huis", "Expertise in house"));
        w.blank();
        for (e, people) in &expertise {
            let people: Vec<String> = people.iter().map(|p| w.user(p)).collect();
            w.item(&format!("{}: {}", w.user(e), people.join(", ")));
        }
    }

    // 3. Routes.
    w.section(
        lang.pick(
            "Routes: wie benader ik waarvoor?",
            "Routes: whom to approach for what",
        ),
        k.routes.is_empty(),
        lang.pick(
            "Er zijn nog geen routes beschreven.",
            "No routes have been described yet.",
        ),
    );
    let name = |id: &String| k.member(id).map_or_else(|| id.clone(), who);
    for (i, r) in k.routes.iter().enumerate() {
        let steps: Vec<String> = r.steps.iter().map(|s| w.user(&name(s))).collect();
        let mut s = format!("{}. {}: ", i + 1, w.user(&r.question));
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
            let esc: Vec<String> = r.escalation.iter().map(|s| w.user(&name(s))).collect();
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
            s.push_str(&format!(" ({})", w.user(n)));
        }
        w.out.push_str(&s);
        w.out.push('\n');
    }

    // 4. Meetings.
    w.section(
        lang.pick(
            "Zo blijven we elkaar vinden",
            "How we keep finding each other",
        ),
        k.meetings.is_empty(),
        lang.pick(
            "Er zijn nog geen vaste momenten afgesproken.",
            "No regular meetings have been agreed yet.",
        ),
    );
    for m in &k.meetings {
        w.item(&format!("{}: {}", w.user(&m.when), w.user(&m.purpose)));
    }
    w.out
}
