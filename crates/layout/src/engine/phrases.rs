//! The words the layout writes itself: headings, tie names, routes in a
//! sentence, the short description.

use cirkel_core::{Kernteam, Lang, Member, Tie};

/// How a tie is named in the legend.
pub(super) fn tie_label(tie: Tie, lang: Lang) -> &'static str {
    match tie {
        Tie::Strong => lang.pick("sterke samenwerking", "strong collaboration"),
        Tie::Normal => lang.pick("samenwerking", "collaboration"),
        Tie::Tenuous => lang.pick("zwakke samenwerking", "weak collaboration"),
        Tie::Stressful => lang.pick("moeizame samenwerking", "strained collaboration"),
    }
}

/// The headings and words the layout writes itself.
pub(super) struct Words {
    pub domains: &'static str,
    pub routes: &'static str,
    pub meetings: &'static str,
    pub rings: &'static str,
    pub core_team_of: &'static str,
    pub school_year: &'static str,
    pub lines: &'static str,
    /// The word of a "nieuw" marker.
    pub new: &'static str,
}

impl Words {
    pub fn new(lang: Lang) -> Words {
        Words {
            domains: lang.pick("Domeinen", "Domains"),
            routes: lang.pick(
                "Routes: wie benader ik waarvoor?",
                "Routes: whom to approach for what",
            ),
            meetings: lang.pick(
                "Zo blijven we elkaar vinden",
                "How we keep finding each other",
            ),
            rings: lang.pick(
                "Ringen, van binnen naar buiten",
                "Rings, from the inside out",
            ),
            core_team_of: lang.pick("Kernteam van", "Core team of"),
            school_year: lang.pick("schooljaar", "school year"),
            lines: lang.pick("Lijnen", "Lines"),
            new: lang.pick("nieuw", "new"),
        }
    }
}

/// A member as the footer names it: the role, with the name when another
/// member has the same role ("Intern begeleider (Maaike van Lieren)").
pub(super) fn member_label(k: &Kernteam, m: &Member) -> String {
    let shared = k.members.iter().filter(|x| x.role == m.role).count() > 1;
    match (&m.name, shared) {
        (Some(n), true) => format!("{} ({n})", m.role),
        _ => m.role.clone(),
    }
}

/// A route in words: "1. Gedrag: intern begeleider → CJG-coach; opschalen: Veilig Thuis".
pub(super) fn route_sentence(k: &Kernteam, r: &cirkel_core::Route) -> String {
    let name_of = |id: &String| {
        k.member(id)
            .map_or_else(|| id.clone(), |m| member_label(k, m))
    };
    let steps: Vec<String> = r.steps.iter().map(name_of).collect();
    let mut s = format!("{}: {}", r.question, steps.join(" › "));
    if !r.escalation.is_empty() {
        let esc: Vec<String> = r.escalation.iter().map(name_of).collect();
        s.push_str(&format!(
            "; {}: {}",
            k.lang.pick("opschalen naar", "escalate to"),
            esc.join(" › ")
        ));
    }
    if let Some(note) = &r.note {
        s.push_str(&format!(" ({note})"));
    }
    s
}

/// One paragraph: who is on which ring, and how many routes there are.
pub(super) fn short_description(k: &Kernteam) -> String {
    let lang = k.lang;
    let around = lang.pick("rond", "around");
    let mut s = match &k.school.place {
        Some(place) => format!("{} {around} {} ({place})", k.title, k.school.name),
        None => format!("{} {around} {}", k.title, k.school.name),
    };
    s.push_str(&format!(
        ": {} {} {} {} {}.",
        k.members.len(),
        lang.pick("leden", "members"),
        lang.pick("op", "on"),
        k.rings.len(),
        lang.pick("ringen", "rings")
    ));
    for (i, ring) in k.rings.iter().enumerate() {
        let who: Vec<String> = k
            .members
            .iter()
            .filter(|m| m.ring == i)
            .map(crate::describe::who)
            .collect();
        if !who.is_empty() {
            s.push_str(&format!(" {}: {}.", ring.label, who.join(", ")));
        }
    }
    if !k.routes.is_empty() {
        s.push_str(&format!(
            " {} {}.",
            k.routes.len(),
            lang.pick("routes voor hulpvragen", "routes for help questions")
        ));
    }
    s
}
