//! Routes: their steps and escalation as member ids, and whether they make sense.

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use super::Validator;
use super::fields::Item;
use super::fields::ListOf;
use super::text::slug;
use crate::catalogue;
use crate::diagnostic::{Diagnostic, nearest, quoted_list};
use crate::limits::*;
use crate::messages::Message;
use crate::model::*;
use crate::msg;

impl Validator<'_> {
    /// Every route with its path; a route with a mistake is kept (the
    /// mistake is an error) so later messages keep their positions.
    pub(super) fn routes(&mut self, value: Option<&Value>, members: &[Member]) -> Vec<RouteAt> {
        let items = self
            .items(value, "routes", MAX_ROUTES, msg!("what.routes"))
            .unwrap_or_default();
        let mut routes: Vec<RouteAt> = Vec::new();
        for (i, (path, item)) in items.into_iter().enumerate() {
            let Some(r) = self.route_in(item, &path) else {
                continue;
            };
            let id = match &r.id {
                Some(raw) => self.id(raw, &format!("{path}.id")),
                None => Some(format!("route-{}", i + 1)),
            };
            if let Some(id) = &id
                && routes.iter().any(|x| &x.route.id == id)
            {
                self.error(
                    &format!("{path}.id"),
                    msg!("parse.duplicate-route", id = id),
                    Some(msg!("parse.duplicate-route.help")),
                );
            }
            let question = match &r.question {
                Some(q) => self.text(q, &format!("{path}.question"), MAX_LONG_TEXT),
                None => {
                    self.error(
                        &path,
                        msg!("parse.route-needs-question"),
                        Some(msg!("parse.route-needs-question.help")),
                    );
                    None
                }
            };
            let steps = self.member_refs(
                r.steps.as_deref().unwrap_or(&[]),
                &format!("{path}.steps"),
                members,
            );
            let no_steps = match (item.get("steps").filter(|v| !v.is_null()), &r.steps) {
                (None, _) => true,
                (Some(Value::Array(a)), _) => a.is_empty(),
                // A text naming no id.
                (Some(_), Some(s)) => s.is_empty(),
                // The wrong type, reported.
                (Some(_), None) => false,
            };
            if no_steps {
                let first = members.first().map_or("ib", |m| m.id.as_str());
                self.error(
                    &path,
                    msg!("parse.route-needs-steps"),
                    Some(msg!("parse.route-needs-steps.help", first = first)),
                );
            }
            let escalation = self.member_refs(
                r.escalation.as_deref().unwrap_or(&[]),
                &format!("{path}.escalation"),
                members,
            );
            let note = r
                .note
                .as_deref()
                .and_then(|n| self.text(n, &format!("{path}.note"), MAX_LONG_TEXT));
            let (step_paths, steps) = steps.into_iter().unzip();
            let (escalation_paths, escalation) = escalation.into_iter().unzip();
            routes.push(RouteAt {
                path,
                route: Route {
                    // Stand-ins after an error (reported).
                    id: id.unwrap_or_default(),
                    question: question.unwrap_or_default(),
                    steps,
                    escalation,
                    note,
                },
                step_paths,
                escalation_paths,
            });
        }
        routes
    }

    /// The fields of one route, each read on its own.
    fn route_in(&mut self, item: &Value, path: &str) -> Option<RouteFields> {
        let Value::Object(obj) = item else {
            self.error(
                path,
                Message::new("parse.not-a-route").arg_msg("found", super::kind(item)),
                Some(msg!("parse.not-a-route.help")),
            );
            return None;
        };
        Some(RouteFields {
            id: self.field(obj, path, "id"),
            question: self.field(obj, path, "question"),
            steps: self.text_list(obj, path, "steps", ListOf::Ids),
            escalation: self.text_list(obj, path, "escalation", ListOf::Ids),
            note: self.field(obj, path, "note"),
        })
    }

    /// Warnings for routes that are valid but make little sense, and notes
    /// about members (no expertise; no route reaches them).
    pub(super) fn route_sense(
        &mut self,
        routes: &[RouteAt],
        members: &[Member],
        member_paths: &[String],
    ) {
        let label = |id: &str| {
            members
                .iter()
                .find(|m| m.id == id)
                .map_or_else(|| id.to_string(), |m| m.role.clone())
        };
        for at in routes {
            let (r, path) = (&at.route, &at.path);
            for (j, step) in r.steps.iter().enumerate() {
                if let Some(first) = r.steps[..j].iter().position(|s| s == step) {
                    self.warn(
                        &at.step_paths[j],
                        msg!(
                            "parse.repeated-step",
                            id = step,
                            role = label(step),
                            first = first + 1
                        ),
                        Some(msg!("parse.repeated-step.help")),
                    );
                }
            }
            for (j, e) in r.escalation.iter().enumerate() {
                if r.steps.contains(e) {
                    self.warn(
                        &at.escalation_paths[j],
                        msg!("parse.step-and-escalation", id = e, role = label(e)),
                        Some(msg!("parse.step-and-escalation.help")),
                    );
                } else if let Some(first) = r.escalation[..j].iter().position(|x| x == e) {
                    self.warn(
                        &at.escalation_paths[j],
                        msg!("parse.repeated-escalation", id = e, first = first + 1),
                        Some(msg!("parse.repeated-escalation.help")),
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
                    msg!("parse.route-outside-kernteam", id = &r.id),
                    Some(msg!("parse.route-outside-kernteam.help")),
                );
            }
        }
        for (m, path) in members.iter().zip(member_paths) {
            if m.expertise.is_empty() {
                self.push(
                    Diagnostic::note(
                        path.clone(),
                        msg!("parse.no-expertise", id = &m.id, role = &m.role),
                    )
                    .with_help(msg!("parse.no-expertise.help")),
                );
            }
            if !routes.is_empty()
                && !routes
                    .iter()
                    .any(|r| r.route.steps.contains(&m.id) || r.route.escalation.contains(&m.id))
            {
                self.push(
                    Diagnostic::note(
                        path.clone(),
                        msg!("parse.no-route", id = &m.id, role = &m.role),
                    )
                    .with_help(msg!("parse.no-route.help")),
                );
            }
        }
    }

    /// The member ids a route names, one per item written (stand-ins after
    /// an error keep the positions). An id written with other case or
    /// spaces, or a member's built-in role where only one member has it, is
    /// read as that member with a warning.
    fn member_refs(&mut self, refs: &[Item], path: &str, members: &[Member]) -> Vec<Item> {
        if refs.len() > MAX_ROUTE_STEPS {
            self.error(
                path,
                msg!(
                    "parse.too-many-steps",
                    n = refs.len(),
                    max = MAX_ROUTE_STEPS
                ),
                None,
            );
            return Vec::new();
        }
        let ids: Vec<&str> = members.iter().map(|m| m.id.as_str()).collect();
        let mut out = Vec::new();
        for (item_path, raw) in refs {
            let id: String = raw.nfc().collect();
            let resolved = self.member_ref(&id, item_path, members, &ids);
            out.push((item_path.clone(), resolved.unwrap_or(id)));
        }
        out
    }

    /// The member `id` names, or `None` (reported, unless it repeats a
    /// mistake already reported).
    fn member_ref(
        &mut self,
        id: &str,
        path: &str,
        members: &[Member],
        ids: &[&str],
    ) -> Option<String> {
        if ids.contains(&id) {
            return Some(id.to_string());
        }
        if self.members_unusable || self.known_refs.iter().any(|k| k == id) {
            return None;
        }
        let shown: String = id.chars().take(40).collect();
        let shown = shown.escape_debug().to_string();
        let fixed = slug(id);
        if let Some(m) = members.iter().find(|m| m.id == fixed) {
            self.warn(
                path,
                msg!("parse.step-read-as", written = &shown, id = &m.id),
                Some(msg!("parse.step-read-as.help", id = &m.id)),
            );
            return Some(m.id.clone());
        }
        if let Some(role) = catalogue::find_role(id) {
            let with_role: Vec<&Member> = members
                .iter()
                .filter(|m| m.catalogue_role.as_deref() == Some(role.id.as_str()))
                .collect();
            if let [m] = with_role[..] {
                self.warn(
                    path,
                    msg!(
                        "parse.step-by-role",
                        written = &shown,
                        id = &m.id,
                        role = &m.role
                    ),
                    Some(msg!("parse.step-by-role.help", id = &m.id)),
                );
                return Some(m.id.clone());
            }
        }
        let known = quoted_list(ids.iter().copied(), 12);
        let help = match nearest(id, ids.iter().copied()) {
            Some(near) => msg!("parse.unknown-member.near", near = near, known = known),
            None if ids.is_empty() => msg!("parse.unknown-member.none"),
            None => msg!("parse.unknown-member.known", known = known),
        };
        self.error(path, msg!("parse.unknown-member", id = &shown), Some(help));
        None
    }
}

/// A route with the paths of the route and of each of its steps and
/// escalations.
pub(super) struct RouteAt {
    pub(super) path: String,
    pub(super) route: Route,
    pub(super) step_paths: Vec<String>,
    pub(super) escalation_paths: Vec<String>,
}

/// A route as written, each field read on its own.
struct RouteFields {
    id: Option<String>,
    question: Option<String>,
    steps: Option<Vec<Item>>,
    escalation: Option<Vec<Item>>,
    note: Option<String>,
}
