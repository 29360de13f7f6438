//! A generated school for the tests of this folder.

/// A school of `n` members of the catalogue's roles, with routes; the
/// first member with `photo` when given.
pub fn generated(n: usize, photo: &str) -> String {
    const ROLES: [&str; 9] = [
        "intern-begeleider",
        "cjg-coach",
        "jeugdarts",
        "leerplichtambtenaar",
        "onderwijsconsulent",
        "jgz-verpleegkundige",
        "veilig-thuis",
        "directeur",
        "wijkagent",
    ];
    let members: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            let mut m = serde_json::json!({
                "id": format!("m{i}"),
                "role": ROLES[i % ROLES.len()],
                "name": format!("Medewerker {i} van der Berg-Ouwehand"),
                "expertise": ["gedrag", "thuissituatie en opvoeding"],
            });
            if i == 0 && !photo.is_empty() {
                m["photo"] = photo.into();
            }
            m
        })
        .collect();
    let routes: Vec<serde_json::Value> = (0..n.min(5))
        .map(|i| serde_json::json!({ "question": format!("Hulpvraag {i}"), "steps": ["m0", format!("m{}", (i * 3 + 1) % n)] }))
        .collect();
    serde_json::json!({
        "version": 1,
        "school": { "name": "OBS De Proef", "place": "Haarlem" },
        "members": members,
        "routes": routes,
    })
    .to_string()
}
