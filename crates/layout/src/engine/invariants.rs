//! What the layout needs of a [`Kernteam`] that did not come from the
//! parser (built in code): the invariants the parser guarantees, checked
//! again so that no hand-built value can make the layout panic, loop or
//! take unbounded time.

use cirkel_core::Kernteam;
use cirkel_core::limits::{
    MAX_EXPERTISE, MAX_LONG_TEXT, MAX_MEETINGS, MAX_MEMBERS, MAX_RINGS, MAX_ROUTE_STEPS,
    MAX_ROUTES, MAX_SHORT_TEXT,
};

use super::LayoutError;

fn invalid(path: impl Into<String>, message: impl Into<String>) -> LayoutError {
    LayoutError::Invalid {
        path: path.into(),
        message: message.into(),
    }
}

/// A text the layout draws: within `limit` characters, and not empty
/// where `required`.
fn text(path: &str, value: &str, limit: usize, required: bool) -> Result<(), LayoutError> {
    let n = value.chars().count();
    if n > limit {
        return Err(invalid(
            path,
            format!("is {n} characters long; the limit is {limit}"),
        ));
    }
    if required && value.trim().is_empty() {
        return Err(invalid(path, "must not be empty"));
    }
    Ok(())
}

fn count(path: &str, n: usize, limit: usize) -> Result<(), LayoutError> {
    if n > limit {
        return Err(invalid(
            path,
            format!("has {n} items; the limit is {limit}"),
        ));
    }
    Ok(())
}

/// Checks `k` as the parser would have left it.
pub(super) fn check_kernteam(k: &Kernteam) -> Result<(), LayoutError> {
    if k.rings.is_empty() {
        return Err(invalid("rings", "the kernteam has no rings"));
    }
    count("rings", k.rings.len(), MAX_RINGS)?;
    count("members", k.members.len(), MAX_MEMBERS)?;
    count("routes", k.routes.len(), MAX_ROUTES)?;
    count("meetings", k.meetings.len(), MAX_MEETINGS)?;
    text("title", &k.title, MAX_SHORT_TEXT, false)?;
    text("school.name", &k.school.name, MAX_SHORT_TEXT, true)?;
    if let Some(p) = &k.school.place {
        text("school.place", p, MAX_SHORT_TEXT, false)?;
    }
    if let Some(y) = &k.school_year {
        text("school_year", y, MAX_SHORT_TEXT, false)?;
    }
    for (i, r) in k.rings.iter().enumerate() {
        text(&format!("rings[{i}].label"), &r.label, MAX_SHORT_TEXT, true)?;
    }
    for (i, m) in k.members.iter().enumerate() {
        let p = |field: &str| format!("members[{i}].{field}");
        if m.ring >= k.rings.len() {
            return Err(invalid(
                p("ring"),
                format!(
                    "member \"{}\" is on ring {}, which does not exist",
                    m.id, m.ring
                ),
            ));
        }
        text(&p("role"), &m.role, MAX_SHORT_TEXT, false)?;
        for (field, value) in [
            ("name", &m.name),
            ("organisation", &m.organisation),
            ("availability", &m.availability),
        ] {
            if let Some(v) = value {
                text(&p(field), v, MAX_SHORT_TEXT, false)?;
            }
        }
        count(&p("expertise"), m.expertise.len(), MAX_EXPERTISE)?;
        for (j, e) in m.expertise.iter().enumerate() {
            text(
                &format!("members[{i}].expertise[{j}]"),
                e,
                MAX_SHORT_TEXT,
                false,
            )?;
        }
    }
    for (i, r) in k.routes.iter().enumerate() {
        let p = |field: &str| format!("routes[{i}].{field}");
        text(&p("question"), &r.question, MAX_LONG_TEXT, false)?;
        if let Some(n) = &r.note {
            text(&p("note"), n, MAX_LONG_TEXT, false)?;
        }
        count(&p("steps"), r.steps.len(), MAX_ROUTE_STEPS)?;
        count(&p("escalation"), r.escalation.len(), MAX_ROUTE_STEPS)?;
        for (j, id) in r.steps.iter().chain(&r.escalation).enumerate() {
            if k.member(id).is_none() {
                return Err(invalid(
                    format!("routes[{i}]"),
                    format!(
                        "stop {} names member \"{id}\", who is not in the kernteam",
                        j + 1
                    ),
                ));
            }
        }
    }
    for (i, m) in k.meetings.iter().enumerate() {
        text(
            &format!("meetings[{i}].when"),
            &m.when,
            MAX_SHORT_TEXT,
            false,
        )?;
        text(
            &format!("meetings[{i}].purpose"),
            &m.purpose,
            MAX_LONG_TEXT,
            false,
        )?;
    }
    Ok(())
}
