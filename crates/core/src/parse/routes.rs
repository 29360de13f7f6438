//! Routes: their steps and escalation as member ids, and whether they make sense.

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use super::Validator;
use crate::catalogue;
use crate::diagnostic::{Diagnostic, nearest, quoted_list};
use crate::input::RouteIn;
use crate::limits::*;
use crate::model::*;
use crate::spans::child_index;

impl Validator<'_> {
    pub(super) fn routes(&mut self, value: Option<&Value>, members: &[Member]) -> Vec<Route> {
        let items = self.list::<RouteIn>(value, "routes", MAX_ROUTES, "routes");
        let ids: Vec<&str> = members.iter().map(|m| m.id.as_str()).collect();
        let mut routes: Vec<Route> = Vec::new();
        for (i, (path, r)) in items.into_iter().enumerate() {
            let id = match &r.id {
                Some(raw) => self.id(raw, &format!("{path}.id")),
                None => Some(format!("route-{}", i + 1)),
            };
            if let Some(id) = &id
                && routes.iter().any(|x| &x.id == id)
            {
                self.error(
                    &format!("{path}.id"),
                    format!("duplicate route id \"{id}\""),
                    Some("give each route its own id".into()),
                );
            }
            let question = match &r.question {
                Some(q) => self.text(q, &format!("{path}.question"), MAX_LONG_TEXT),
                None => {
                    self.error(
                        &path,
                        "a route needs a `question`: the hulpvraag it answers",
                        Some("add \"question\": \"Verzuim en te laat komen\"".into()),
                    );
                    None
                }
            };
            let steps = self.member_refs(
                r.steps.as_deref().unwrap_or(&[]),
                &format!("{path}.steps"),
                &ids,
            );
            if r.steps.as_ref().is_none_or(|s| s.is_empty()) {
                self.error(
                    &path,
                    "a route needs at least one step in `steps`",
                    Some(format!(
                        "list member ids in order, e.g. \"steps\": [\"{}\"]",
                        ids.first().unwrap_or(&"ib")
                    )),
                );
            }
            let escalation = self.member_refs(
                r.escalation.as_deref().unwrap_or(&[]),
                &format!("{path}.escalation"),
                &ids,
            );
            let note = r
                .note
                .as_deref()
                .and_then(|n| self.text(n, &format!("{path}.note"), MAX_LONG_TEXT));
            if let (Some(id), Some(question)) = (id, question) {
                routes.push(Route {
                    id,
                    question,
                    steps,
                    escalation,
                    note,
                });
            }
        }
        routes
    }

    /// Warnings for routes that are valid but make little sense, and notes
    /// about members (no expertise; no route reaches them).
    pub(super) fn route_sense(&mut self, routes: &[Route], members: &[Member]) {
        let label = |id: &str| {
            members
                .iter()
                .find(|m| m.id == id)
                .map_or_else(|| id.to_string(), |m| m.role.clone())
        };
        for (i, r) in routes.iter().enumerate() {
            let path = format!("routes[{i}]");
            for (j, step) in r.steps.iter().enumerate() {
                if let Some(first) = r.steps[..j].iter().position(|s| s == step) {
                    self.warn(
                        &format!("{path}.steps[{j}]"),
                        format!(
                            "\"{step}\" ({}) is already step {} of this route",
                            label(step),
                            first + 1
                        ),
                        Some("a route visits each member once; remove the repeated step".into()),
                    );
                }
            }
            for (j, e) in r.escalation.iter().enumerate() {
                if r.steps.contains(e) {
                    self.warn(
                        &format!("{path}.escalation[{j}]"),
                        format!(
                            "\"{e}\" ({}) is both a step and an escalation of this route",
                            label(e)
                        ),
                        Some("escalation is where a case goes when the steps are not enough; keep the member in one of the two lists".into()),
                    );
                } else if let Some(first) = r.escalation[..j].iter().position(|x| x == e) {
                    self.warn(
                        &format!("{path}.escalation[{j}]"),
                        format!("\"{e}\" is already escalation {} of this route", first + 1),
                        Some("remove the repeated member".into()),
                    );
                }
            }
            let in_kernteam = r.steps.iter().chain(&r.escalation).any(|id| {
                members.iter().any(|m| {
                    m.id == *id
                        && m.catalogue_role
                            .as_deref()
                            .is_some_and(|c| catalogue::FIXED_KERNTEAM.contains(&c))
                })
            });
            if !r.steps.is_empty() && !in_kernteam {
                self.warn(
                    &format!("{path}.steps"),
                    format!(
                        "route \"{}\" reaches no kernteam member (intern begeleider, directeur, CJG-coach, jeugdarts, JGZ-verpleegkundige, leerplichtambtenaar or onderwijsconsulent)",
                        r.id
                    ),
                    Some("a hulpvraag usually starts with the intern begeleider; add the kernteam member who takes it up".into()),
                );
            }
        }
        for (i, m) in members.iter().enumerate() {
            if m.expertise.is_empty() {
                self.push(
                    Diagnostic::note(
                        format!("members[{i}]"),
                        format!("\"{}\" ({}) lists no expertise", m.id, m.role),
                    )
                    .with_help(
                        "add \"expertise\": [...] so the school knows what to ask this member",
                    ),
                );
            }
            if !routes.is_empty()
                && !routes
                    .iter()
                    .any(|r| r.steps.contains(&m.id) || r.escalation.contains(&m.id))
            {
                self.push(
                    Diagnostic::note(
                        format!("members[{i}]"),
                        format!("no route reaches \"{}\" ({})", m.id, m.role),
                    )
                    .with_help("fine for a member on call; otherwise add them to the route of the hulpvraag they take up"),
                );
            }
        }
    }

    fn member_refs(&mut self, refs: &[String], path: &str, ids: &[&str]) -> Vec<String> {
        if refs.len() > MAX_ROUTE_STEPS {
            self.error(
                path,
                format!("too many steps ({} > {MAX_ROUTE_STEPS})", refs.len()),
                None,
            );
            return Vec::new();
        }
        let mut out = Vec::new();
        for (i, raw) in refs.iter().enumerate() {
            let id: String = raw.nfc().collect();
            if ids.contains(&id.as_str()) {
                out.push(id);
            } else {
                let help = match nearest(&id, ids.iter().copied()) {
                    Some(near) => format!(
                        "did you mean \"{near}\"? Known member ids: {}",
                        quoted_list(ids.iter().copied(), 12)
                    ),
                    None if ids.is_empty() => {
                        "there are no members yet; add them under \"members\"".to_string()
                    }
                    None => format!("known member ids: {}", quoted_list(ids.iter().copied(), 12)),
                };
                let shown: String = id.chars().take(40).collect();
                self.error(
                    &child_index(path, i),
                    format!("unknown member \"{}\"", shown.escape_debug()),
                    Some(help),
                );
            }
        }
        out
    }
}
