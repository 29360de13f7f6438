//! The JSON Schema of the input format, for editors that validate and
//! complete (`cirkel schema`). Built from the same key lists and catalogue
//! as the parser, so the two cannot disagree.

use serde_json::{Value, json};

use crate::catalogue;
use crate::limits::*;
use crate::model::Domain;

fn text(max: usize, description: &str) -> Value {
    json!({ "type": "string", "minLength": 1, "maxLength": max, "description": description })
}

fn id(description: &str) -> Value {
    json!({ "type": "string", "pattern": "^[a-z0-9-]+$", "maxLength": MAX_ID, "description": description })
}

/// The JSON Schema (draft 2020-12) of input format version 1.
pub fn json_schema() -> Value {
    let roles: Vec<&str> = catalogue::roles().iter().map(|r| r.id.as_str()).collect();
    let domains: Vec<&str> = Domain::ALL.iter().map(|d| d.key()).collect();
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "cirkel: the kernteam of a school (cirkel van invloed), version 1",
        "type": "object",
        "additionalProperties": false,
        "required": ["school"],
        "properties": {
            "$schema": { "type": "string" },
            "version": { "const": 1 },
            "school": {
                "type": "object", "additionalProperties": false, "required": ["name"],
                "properties": {
                    "name": text(MAX_SHORT_TEXT, "Name of the school"),
                    "place": text(MAX_SHORT_TEXT, "Town or city"),
                    "sector": { "enum": ["po", "vo", "so", "sbo"] }
                }
            },
            "title": text(MAX_SHORT_TEXT, "Title of the diagram"),
            "school_year": text(MAX_SHORT_TEXT, "School year, like 2018-2019"),
            "rings": {
                "type": "array", "minItems": 1, "maxItems": MAX_RINGS,
                "description": "Rings from the inside out",
                "items": {
                    "type": "object", "additionalProperties": false, "required": ["id"],
                    "properties": { "id": id("Ring id"), "label": text(MAX_SHORT_TEXT, "Ring label") }
                }
            },
            "members": {
                "type": "array", "maxItems": MAX_MEMBERS,
                "items": {
                    "type": "object", "additionalProperties": false,
                    "properties": {
                        "id": id("Member id, used by routes"),
                        "role": { "description": "A built-in role id (see `cirkel roles`) or free text",
                                  "anyOf": [ { "enum": roles }, text(MAX_SHORT_TEXT, "Custom role") ] },
                        "name": text(MAX_SHORT_TEXT, "Name of the professional"),
                        "organisation": text(MAX_SHORT_TEXT, "Organisation"),
                        "ring": id("Id of a ring"),
                        "domain": { "enum": domains },
                        "expertise": { "type": "array", "maxItems": MAX_EXPERTISE, "items": text(MAX_SHORT_TEXT, "Expertise") },
                        "availability": text(MAX_SHORT_TEXT, "When and where to find this person"),
                        "tie": { "enum": ["strong", "normal", "tenuous", "stressful"] },
                        "contact": {
                            "type": "object", "additionalProperties": false,
                            "properties": {
                                "email": { "type": "string", "format": "email" },
                                "phone": { "type": "string", "pattern": "^[0-9 +().-]+$" },
                                "website": { "type": "string", "pattern": "^[hH][tT][tT][pP][sS]?://" }
                            }
                        },
                        "photo": { "type": "string", "description": "PNG or JPEG path relative to this file" },
                        "partner": id("Id of a person in the partner list: every field not given here is taken from there")
                    }
                }
            },
            "routes": {
                "type": "array", "maxItems": MAX_ROUTES,
                "items": {
                    "type": "object", "additionalProperties": false, "required": ["question", "steps"],
                    "properties": {
                        "id": id("Route id, for --route"),
                        "question": text(MAX_LONG_TEXT, "The hulpvraag"),
                        "steps": { "type": "array", "minItems": 1, "maxItems": MAX_ROUTE_STEPS, "items": id("Member id") },
                        "escalation": { "type": "array", "maxItems": MAX_ROUTE_STEPS, "items": id("Member id") },
                        "note": text(MAX_LONG_TEXT, "Remark")
                    }
                }
            },
            "partners": { "type": "string", "description": "The partner list (JSON) members refer to: a path relative to this file, inside its folder" },
            "meetings": {
                "type": "array", "maxItems": MAX_MEETINGS,
                "items": {
                    "type": "object", "additionalProperties": false, "required": ["when", "purpose"],
                    "properties": { "when": text(MAX_SHORT_TEXT, "When"), "purpose": text(MAX_LONG_TEXT, "What for") }
                }
            }
        }
    });
    schema
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{
        KNOWN_CONTACT, KNOWN_MEETING, KNOWN_MEMBER, KNOWN_RING, KNOWN_ROOT, KNOWN_ROUTE,
        KNOWN_SCHOOL,
    };

    fn keys(v: &Value) -> Vec<String> {
        v["properties"]
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default()
    }

    fn sorted(list: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = list.iter().map(|s| s.to_string()).collect();
        v.sort();
        v
    }

    #[test]
    fn schema_keys_match_the_parser() {
        let s = json_schema();
        let p = &s["properties"];
        assert_eq!(keys(&s), sorted(KNOWN_ROOT));
        assert_eq!(keys(&p["school"]), sorted(KNOWN_SCHOOL));
        assert_eq!(keys(&p["rings"]["items"]), sorted(KNOWN_RING));
        assert_eq!(keys(&p["members"]["items"]), sorted(KNOWN_MEMBER));
        assert_eq!(
            keys(&p["members"]["items"]["properties"]["contact"]),
            sorted(KNOWN_CONTACT)
        );
        assert_eq!(keys(&p["routes"]["items"]), sorted(KNOWN_ROUTE));
        assert_eq!(keys(&p["meetings"]["items"]), sorted(KNOWN_MEETING));
    }
}
