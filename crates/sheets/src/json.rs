//! An input document as JSON text the way a person would write it: keys
//! in the order of the README's input example (not alphabetical), two spaces of
//! indent, small objects (a ring, a meeting) on one line.

use cirkel_core::{
    KNOWN_CONTACT, KNOWN_MEETING, KNOWN_MEMBER, KNOWN_RING, KNOWN_ROOT, KNOWN_ROUTE, KNOWN_SCHOOL,
};
use serde_json::Value;

/// The document as JSON text, with `"version": 1` first.
pub fn to_json(doc: &Value) -> String {
    let mut root = doc.clone();
    if let Value::Object(map) = &mut root {
        map.insert("version".into(), Value::from(1));
    }
    let mut out = String::new();
    write(&mut out, &root, "", 0);
    out.push('\n');
    out
}

/// The known keys of the object at `path`, in their order.
fn order(path: &str) -> &'static [&'static str] {
    match path {
        "" => KNOWN_ROOT,
        "school" => KNOWN_SCHOOL,
        "rings" => KNOWN_RING,
        "members" => KNOWN_MEMBER,
        "members.contact" => KNOWN_CONTACT,
        "routes" => KNOWN_ROUTE,
        "meetings" => KNOWN_MEETING,
        _ => &[],
    }
}

fn write(out: &mut String, v: &Value, path: &str, depth: usize) {
    match v {
        Value::Object(map) => {
            let known = order(path);
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort_by_key(|k| known.iter().position(|x| x == k).unwrap_or(usize::MAX));
            let inline =
                depth >= 3 || matches!(path, "rings" | "meetings" | "school" | "members.contact");
            if inline {
                out.push_str("{ ");
                for (i, k) in keys.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&Value::from(k.as_str()).to_string());
                    out.push_str(": ");
                    write(out, &map[k.as_str()], &child(path, k), depth + 1);
                }
                out.push_str(" }");
                return;
            }
            out.push_str("{\n");
            for (i, k) in keys.iter().enumerate() {
                indent(out, depth + 1);
                out.push_str(&Value::from(k.as_str()).to_string());
                out.push_str(": ");
                write(out, &map[k.as_str()], &child(path, k), depth + 1);
                out.push_str(if i + 1 < keys.len() { ",\n" } else { "\n" });
            }
            indent(out, depth);
            out.push('}');
        }
        Value::Array(items) if items.iter().any(Value::is_object) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                indent(out, depth + 1);
                write(out, item, path, depth + 1);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            indent(out, depth);
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

fn child(path: &str, key: &str) -> String {
    match (path, key) {
        ("", k) => k.to_string(),
        (p, k) => format!("{p}.{k}"),
    }
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_in_the_order_people_write_them() {
        let doc = serde_json::json!({
            "members": [{"ring": "school", "id": "ib", "contact": {"phone": "1", "email": "a@b.nl"}}],
            "school": {"place": "Haarlem", "name": "De Ark"},
            "meetings": [{"purpose": "x", "when": "maart"}]
        });
        let text = to_json(&doc);
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["members"], doc["members"]);
        assert!(text.starts_with("{\n  \"version\": 1,\n  \"school\": { \"name\": \"De Ark\", \"place\": \"Haarlem\" },"), "{text}");
        assert!(text.contains("\"id\": \"ib\",\n      \"ring\": \"school\",\n      \"contact\": { \"email\": \"a@b.nl\", \"phone\": \"1\" }"), "{text}");
        assert!(
            text.contains("{ \"when\": \"maart\", \"purpose\": \"x\" }"),
            "{text}"
        );
    }
}
