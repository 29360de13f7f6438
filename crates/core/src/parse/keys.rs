//! Unknown keys: every one reported, with the nearest known key.

use serde_json::Value;

use super::Validator;
use crate::diagnostic::{Diagnostic, nearest};
use crate::input::*;
use crate::spans::{child_index, child_key};

impl Validator<'_> {
    /// Reports every unknown key below `value` (per the known lists of the
    /// nested objects) and removes it, so typed parsing does not report it again.
    pub(super) fn strip_unknown_keys(&mut self, value: &mut Value, path: &str, known: &[&str]) {
        let Some(obj) = value.as_object_mut() else {
            return;
        };
        let unknown: Vec<String> = obj
            .keys()
            .filter(|k| !known.contains(&k.as_str()))
            .cloned()
            .collect();
        for key in unknown {
            obj.remove(&key);
            let child = child_key(path, &key);
            let pos = self
                .spans
                .key(&child)
                .unwrap_or_else(|| self.spans.locate(&child));
            let help = match nearest(&key, known.iter().copied()) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!(
                    "known keys here: {}",
                    known
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            self.diags.push(
                Diagnostic::error(child, format!("unknown key `{key}`"))
                    .with_help(help)
                    .at(pos.line, pos.column),
            );
        }
        let nested: &[(&str, &[&str])] = match path {
            "" => &[("school", KNOWN_SCHOOL)],
            _ => &[],
        };
        for (key, known) in nested {
            if let Some(v) = obj.get_mut(*key) {
                self.strip_unknown_keys(v, &child_key(path, key), known);
            }
        }
        let lists: &[(&str, &[&str])] = match path {
            "" => &[
                ("rings", KNOWN_RING),
                ("members", KNOWN_MEMBER),
                ("routes", KNOWN_ROUTE),
                ("meetings", KNOWN_MEETING),
            ],
            _ => &[],
        };
        for (key, known) in lists {
            if let Some(Value::Array(items)) = obj.get_mut(*key) {
                for (i, item) in items.iter_mut().enumerate() {
                    let item_path = child_index(&child_key(path, key), i);
                    self.strip_unknown_keys(item, &item_path, known);
                    if *key == "members"
                        && let Some(contact) = item.get_mut("contact")
                    {
                        self.strip_unknown_keys(
                            contact,
                            &format!("{item_path}.contact"),
                            KNOWN_CONTACT,
                        );
                    }
                }
            }
        }
    }
}
