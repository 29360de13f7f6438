//! What an editor page needs from the library, whichever back end serves
//! it (the local server of `cirkel serve`, or the library in the browser):
//! its words and the format's vocabulary ([`vocabulary`]), the role
//! matcher the command line uses ([`match_roles`]), and problems in the
//! form's words ([`form_problem`]): the card and the field named by their
//! labels ("Lid 4 · E-mail"), never a JSON path or key.

use cirkel_core::{
    Arg, Diagnostic, Domain, Lang, Message, Role, close_role, entries, find_role, msg, roles,
};
use serde_json::{Value, json};

/// The page's words (`page.*`, `form.*` of the message catalogue, keys
/// without `page.` / `form.`) and the format's vocabulary: domains,
/// sectors, the default rings, ties, themes and the role catalogue, with
/// labels in `lang`.
pub fn vocabulary(lang: Lang) -> Value {
    let mut words = serde_json::Map::new();
    for (id, en, nl) in entries() {
        let key = id
            .strip_prefix("page.")
            .or_else(|| id.strip_prefix("form."));
        if let Some(key) = key {
            words.insert(key.to_string(), Value::from(lang.pick(nl, en)));
        }
    }
    let label = |id: &'static str| Message::new(id).text(lang);
    json!({
        "lang": match lang { Lang::Nl => "nl", Lang::En => "en" },
        "words": words,
        "domains": Domain::ALL.iter().map(|d| json!({ "id": d.key(), "label": d.label(lang) })).collect::<Vec<_>>(),
        "sectors": [
            { "id": "po", "label": label("form.sector.po") },
            { "id": "vo", "label": label("form.sector.vo") },
            { "id": "so", "label": label("form.sector.so") },
            { "id": "sbo", "label": label("form.sector.sbo") },
        ],
        "rings": cirkel_core::default_rings(lang).iter().zip(cirkel_core::default_rings(lang.other()))
            .map(|((id, l), (_, other))| json!({ "id": id, "label": l, "other": other })).collect::<Vec<_>>(),
        // A title equal to either language's default is the default.
        "titles": [cirkel_core::default_title(Lang::Nl), cirkel_core::default_title(Lang::En)],
        "ties": [
            { "id": "strong", "label": label("form.tie.strong") },
            { "id": "normal", "label": label("form.tie.normal") },
            { "id": "tenuous", "label": label("form.tie.tenuous") },
            { "id": "stressful", "label": label("form.tie.stressful") },
        ],
        "themes": cirkel_render::BUNDLED_THEMES.iter().map(|(name, _)| json!({
            "id": name,
            "label": match *name {
                "print" => label("form.theme.print"),
                "contrast" => label("form.theme.contrast"),
                _ => label("form.theme.standaard"),
            },
        })).collect::<Vec<_>>(),
        "roles": roles().iter().map(|r| role_json(r, lang)).collect::<Vec<_>>(),
    })
}

/// A catalogue role as the page shows it, its defaults in `lang`.
fn role_json(r: &Role, lang: Lang) -> Value {
    json!({
        "id": r.id,
        "label": r.label.get(lang),
        "short": r.short,
        "organisation": r.organisation.get(lang),
        "domain": r.domain.key(),
        "ring": r.ring,
        "expertise": r.expertise.get(lang),
        "availability": r.availability.as_ref().map(|a| a.get(lang)),
        "phone": r.phone,
    })
}

/// What the library makes of each role text, as `cirkel check` reads a
/// member's `role`: `found` is the catalogue role it names (by id, label,
/// short name or alias, in either language), `near` a role a few letters
/// away (a typo) when nothing is found.
pub fn match_roles(texts: &[String], lang: Lang) -> Value {
    Value::Array(
        texts
            .iter()
            .map(|t| {
                let found = find_role(t);
                let near = found.is_none().then(|| close_role(t)).flatten();
                json!({
                    "found": found.map(|r| role_json(r, lang)),
                    "near": near.map(|r| role_json(r, lang)),
                })
            })
            .collect(),
    )
}

/// A problem as the form shows it: `severity`, `path` (to find the
/// field), `card` ("Lid 4"), `field` ("E-mail"), `place` (both),
/// `message` and `help` in the form's words, a `suggestion` to apply
/// (`{ value, label }`) where the library has one, `line` and `column`
/// for the JSON view.
pub fn form_problem(d: &Diagnostic, lang: Lang) -> Value {
    let (card, field) = place(&d.path, lang);
    let place_text = match (&card, &field) {
        (Some(c), Some(f)) => Some(format!("{c} · {f}")),
        (Some(c), None) => Some(c.clone()),
        (None, Some(f)) => Some(f.clone()),
        (None, None) => None,
    };
    let message = form_wording(&d.message, lang).unwrap_or_else(|| d.message.clone());
    let help = d
        .help
        .as_ref()
        .map(|h| form_wording(h, lang).unwrap_or_else(|| h.clone()));
    let suggestion = d
        .help
        .as_ref()
        .filter(|h| h.id() == "parse.custom-role.help")
        .and_then(|h| Some(json!({ "value": text_arg(h, "id")?, "label": text_arg(h, "label")? })));
    json!({
        "severity": d.severity.key(),
        "path": d.path,
        "card": card,
        "field": field,
        "place": place_text,
        "line": d.line,
        "column": d.column,
        "message": message.text(lang),
        "help": help.map(|h| h.text(lang)),
        "suggestion": suggestion,
    })
}

/// An argument shown as it is.
fn text_arg(m: &Message, name: &str) -> Option<String> {
    m.args().find_map(|(n, a)| match a {
        Arg::Text(t) if n == name => Some(t.clone()),
        _ => None,
    })
}

/// The card ("Lid 4", "Route 2", "School") and the field ("E-mail") a
/// JSON path is about, by their labels in the form.
fn place(path: &str, lang: Lang) -> (Option<String>, Option<String>) {
    let mut parts = path.split('.');
    let Some(head) = parts.next().filter(|h| !h.is_empty()) else {
        return (None, None);
    };
    let (list, index) = match head.split_once('[') {
        Some((list, rest)) => (
            list,
            rest.split(']').next().and_then(|n| n.parse::<usize>().ok()),
        ),
        None => (head, None),
    };
    let card = match (list, index) {
        ("members", Some(i)) => Some(msg!("form.card.member", n = i + 1)),
        ("routes", Some(i)) => Some(msg!("form.card.route", n = i + 1)),
        ("rings", Some(i)) => Some(msg!("form.card.ring", n = i + 1)),
        ("meetings", Some(i)) => Some(msg!("form.card.meeting", n = i + 1)),
        ("school", _) => Some(msg!("form.card.school")),
        _ => None,
    };
    // The last key names the field (`contact.email` is E-mail;
    // `expertise[2]` is Expertise).
    let key = parts
        .next_back()
        .or((list == "title" || list == "school_year").then_some(list))
        .map(|k| k.split('[').next().unwrap_or(k));
    let field = key.and_then(|k| field_label(list, k));
    (
        card.map(|c| c.text(lang)),
        field.map(|f| Message::new(f).text(lang)),
    )
}

/// The catalogue id of a field's label in the form.
fn field_label(list: &str, key: &str) -> Option<&'static str> {
    Some(match (list, key) {
        ("school", "name") => "form.field.school-name",
        ("rings", "label") => "form.field.ring-label",
        (_, "name") => "form.field.name",
        (_, "place") => "form.field.place",
        (_, "sector") => "form.field.sector",
        (_, "title") => "form.field.title",
        (_, "school_year") => "form.field.school-year",
        (_, "id") => "form.field.id",
        (_, "role") => "form.field.role",
        (_, "organisation") => "form.field.organisation",
        (_, "ring") => "form.field.ring",
        (_, "domain") => "form.field.domain",
        (_, "availability") => "form.field.availability",
        (_, "tie") => "form.field.tie",
        (_, "email") => "form.field.email",
        (_, "phone") => "form.field.phone",
        (_, "website") => "form.field.website",
        (_, "photo") => "form.field.photo",
        (_, "expertise") => "form.field.expertise",
        (_, "question") => "form.field.question",
        (_, "steps") => "form.field.steps",
        (_, "escalation") => "form.field.escalation",
        (_, "note") => "form.field.note",
        (_, "when") => "form.field.when",
        (_, "purpose") => "form.field.purpose",
        _ => return None,
    })
}

/// The form's wording of a check whose words name JSON keys, brackets or
/// paths (the same arguments, a path shown as its card), if it has one.
fn form_wording(m: &Message, lang: Lang) -> Option<Message> {
    let same = |id: &'static str| Some(m.renamed(id));
    match m.id() {
        "parse.school-missing.help" | "parse.school-name-missing.help" => {
            same("form.fix.school-name")
        }
        "parse.member-needs-role" => same("form.fix.member-needs-role"),
        "parse.member-needs-role.help" => same("form.fix.member-needs-role.help"),
        "parse.custom-role.help" => same("form.fix.custom-role.help"),
        "parse.duplicate-id" => {
            let first = text_arg(m, "first").unwrap_or_default();
            let card = place(&first, lang).0.unwrap_or(first);
            Some(msg!(
                "form.fix.duplicate-id",
                id = text_arg(m, "id").unwrap_or_default(),
                first = card
            ))
        }
        "parse.duplicate-id.help" => same("form.fix.duplicate-id.help"),
        "parse.member-twice" => {
            let first = text_arg(m, "first").unwrap_or_default();
            let card = place(&first, lang).0.unwrap_or(first);
            Some(msg!(
                "parse.member-twice",
                who = text_arg(m, "who").unwrap_or_default(),
                first = card
            ))
        }
        "parse.route-needs-question" => same("form.fix.route-needs-question"),
        "parse.route-needs-question.help" => same("form.fix.route-needs-question.help"),
        "parse.route-needs-steps" => same("form.fix.route-needs-steps"),
        "parse.route-needs-steps.help" => same("form.fix.route-needs-steps.help"),
        "parse.repeated-escalation" => same("form.fix.repeated-escalation"),
        "parse.no-expertise.help" => same("form.fix.no-expertise.help"),
        "parse.step-by-role.help" | "parse.step-read-as.help" => same("form.fix.step.help"),
        "parse.meeting-needs" => same("form.fix.meeting-needs"),
        "parse.meeting-needs.help" => same("form.fix.meeting-needs.help"),
        "parse.ring-needs-id.help" => same("form.fix.ring-needs-id.help"),
        "parse.bad-id.help" | "parse.bad-id.help-fix" => same("form.fix.bad-id.help"),
        "parse.parents-no-person.help" => same("form.fix.parents-no-person.help"),
        "parse.tie-read-as.help" => same("form.fix.choose.help"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cirkel_core::{ParseOptions, parse};

    /// Every problem the form can make (fields left empty or filled
    /// wrongly; lists the form writes), in the form's words: no JSON key,
    /// bracket or path, in both languages.
    #[test]
    fn problems_the_form_can_make_are_in_its_words() {
        let docs = [
            r#"{ "version": 1, "school": { "name": "" } }"#,
            r#"{ "version": 1, "school": {} }"#,
            r#"{ "version": 1, "school": { "name": "A" }, "members": [ {}, { "id": "x", "role": "cjg coatch" }, { "id": "x", "role": "jeugdarts", "expertise": [] } ] }"#,
            r#"{ "version": 1, "school": { "name": "A" }, "members": [ { "id": "a", "role": "ouders", "name": "Jan" }, { "id": "Bad Id", "role": "ib", "contact": { "email": "geen" } } ] }"#,
            r#"{ "version": 1, "school": { "name": "A" }, "members": [ { "id": "a", "role": "ib" } ], "routes": [ { "question": "", "steps": [] }, { "question": "Q", "steps": ["a", "a"], "escalation": ["a", "a"] } ], "meetings": [ { "when": "", "purpose": "" } ] }"#,
            r#"{ "version": 1, "school": { "name": "A" }, "rings": [ { "label": "" }, { "id": "ring-2", "label": "" } ], "members": [ { "id": "a", "role": "ib", "ring": "weg" } ] }"#,
        ];
        let mut seen = 0;
        for lang in [Lang::Nl, Lang::En] {
            for doc in docs {
                let options = ParseOptions {
                    lang,
                    base_dir: None,
                    partners: None,
                };
                let problems = match parse(doc.as_bytes(), &options) {
                    Ok(p) => p.warnings,
                    Err(d) => d,
                };
                for d in &problems.0 {
                    let p = form_problem(d, lang);
                    seen += 1;
                    for key in ["message", "help"] {
                        let text = p[key].as_str().unwrap_or_default();
                        for bad in [
                            "`",
                            "\": ",
                            "[",
                            "{ ",
                            "members",
                            "routes",
                            "question\"",
                            "\"role\"",
                        ] {
                            assert!(
                                !text.contains(bad),
                                "{}: {key} {text:?} has {bad:?}",
                                d.message.id()
                            );
                        }
                    }
                    if d.path.starts_with("members[") {
                        assert!(
                            p["card"]
                                .as_str()
                                .is_some_and(|c| c.ends_with(char::is_numeric)),
                            "{p}"
                        );
                    }
                }
            }
        }
        assert!(seen > 20, "{seen}");
    }

    #[test]
    fn a_problem_names_its_card_and_field_by_their_labels() {
        let (card, field) = place("members[3].contact.email", Lang::Nl);
        assert_eq!(
            (card.as_deref(), field.as_deref()),
            (Some("Lid 4"), Some("E-mail"))
        );
        let (card, field) = place("school.name", Lang::En);
        assert_eq!(
            (card.as_deref(), field.as_deref()),
            (Some("School"), Some("School name"))
        );
        assert_eq!(
            place("routes[0].steps[2]", Lang::Nl).1.as_deref(),
            Some("Stappen")
        );
        assert_eq!(place("", Lang::Nl), (None, None));
        assert_eq!(place("foo", Lang::Nl), (None, None));
        let typo = r#"{ "version": 1, "school": { "name": "A" }, "members": [ { "role": "cjg coatch" } ] }"#;
        let parsed = parse(typo.as_bytes(), &ParseOptions::default()).unwrap();
        let p = form_problem(&parsed.warnings.0[0], Lang::Nl);
        assert_eq!(p["suggestion"]["value"], "cjg-coach", "{p}");
    }

    #[test]
    fn roles_are_matched_as_the_command_line_matches_them() {
        let found = match_roles(
            &[
                "schoolarts".into(),
                "GGD verpleegkundige".into(),
                "cjg coatch".into(),
                "Tante".into(),
            ],
            Lang::Nl,
        );
        assert_eq!(found[0]["found"]["id"], "jeugdarts");
        assert_eq!(found[0]["found"]["label"], "Jeugdarts");
        assert!(found[1]["found"]["id"].is_string(), "{}", found[1]);
        assert!(found[2]["found"].is_null());
        assert_eq!(found[2]["near"]["id"], "cjg-coach");
        assert!(found[3]["found"].is_null() && found[3]["near"].is_null());
        let v = vocabulary(Lang::En);
        assert_eq!(v["rings"][0]["label"], "In school");
        assert_eq!(v["words"]["field.email"], "E-mail");
        assert!(v["roles"].as_array().unwrap().len() >= 16);
    }
}
