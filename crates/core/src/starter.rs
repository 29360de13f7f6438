//! The starter file of `cirkel init`: the fixed kernteam of the
//! Impulstraject, the three standard routes from practice and the two yearly
//! meetings. It passes `cirkel check` and renders as is; a school fills in
//! names, availability and contact data.

/// The starter file for `school` (the name is JSON-escaped).
pub fn starter(school: &str) -> String {
    let name = serde_json::to_string(school).unwrap_or_else(|_| "\"Naam van de school\"".into());
    format!(
        r#"{{
  "version": 1,
  "school": {{ "name": {name}, "sector": "po" }},
  "title": "Cirkel van invloed",
  "rings": [
    {{ "id": "school", "label": "In de school" }},
    {{ "id": "kernteam", "label": "Kernteam" }},
    {{ "id": "netwerk", "label": "Op afroep" }}
  ],
  "members": [
    {{ "id": "ib", "role": "intern-begeleider", "ring": "school" }},
    {{ "id": "directeur", "role": "directeur", "ring": "school" }},
    {{ "id": "cjg", "role": "cjg-coach", "ring": "kernteam" }},
    {{ "id": "jeugdarts", "role": "jeugdarts", "ring": "kernteam" }},
    {{ "id": "jgz", "role": "jgz-verpleegkundige", "ring": "kernteam" }},
    {{ "id": "lpa", "role": "leerplichtambtenaar", "ring": "kernteam" }},
    {{ "id": "oc", "role": "onderwijsconsulent", "ring": "kernteam" }}
  ],
  "routes": [
    {{ "id": "opvoeden", "question": "Kleine opvoedvragen, groei en ontwikkeling", "steps": ["ib", "jgz", "jeugdarts"] }},
    {{ "id": "gedrag", "question": "Gedrag, thuissituatie, opvoedingsproblematiek", "steps": ["ib", "cjg"] }},
    {{ "id": "verzuim", "question": "Verzuim, te laat komen, ongeoorloofde afwezigheid", "steps": ["ib", "lpa"] }},
    {{ "id": "passend", "question": "Passend onderwijs, arrangementen", "steps": ["ib", "oc"] }}
  ],
  "meetings": [
    {{ "when": "najaar", "purpose": "Kennismaken met (nieuwe) leden van de partners" }},
    {{ "when": "voorjaar", "purpose": "Verdieping aan de hand van casuïstiek" }}
  ]
}}
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ParseOptions, parse};

    #[test]
    fn starter_passes_check_without_warnings() {
        let text = starter("De \"Ark\" <test>");
        let parsed = parse(text.as_bytes(), &ParseOptions::default()).unwrap();
        assert_eq!(parsed.kernteam.school.name, "De \"Ark\" <test>");
        assert_eq!(parsed.kernteam.members.len(), crate::FIXED_KERNTEAM.len());
        assert_eq!(parsed.warnings.warnings().count(), 0, "{}", parsed.warnings);
        for id in crate::FIXED_KERNTEAM {
            assert!(
                parsed
                    .kernteam
                    .members
                    .iter()
                    .any(|m| m.catalogue_role.as_deref() == Some(id)),
                "{id}"
            );
        }
    }
}
