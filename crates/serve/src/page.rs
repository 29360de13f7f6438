//! The page and its files, inside the binary (nothing is fetched from
//! elsewhere; the Content-Security-Policy allows no inline script). The
//! page is plain ES modules: each file is answered at `/t/TOKEN/NAME`, so
//! the modules' relative imports carry the token in their path. The same
//! page runs without a server (`scripts/build-web.sh` puts it in
//! `target/web/site/` with `worker.js` and the npm package); here it talks
//! to this server.

const INDEX: &str = include_str!("page/index.html");

/// The page's files: name, media type, content.
pub const FILES: [(&str, &str, &str); 12] = [
    ("main.js", JS, include_str!("page/main.js")),
    ("backend.js", JS, include_str!("page/backend.js")),
    ("server.js", JS, include_str!("page/server.js")),
    ("local.js", JS, include_str!("page/local.js")),
    ("failure.js", JS, include_str!("page/failure.js")),
    ("dom.js", JS, include_str!("page/dom.js")),
    ("form.js", JS, include_str!("page/form.js")),
    ("preview.js", JS, include_str!("page/preview.js")),
    ("problems.js", JS, include_str!("page/problems.js")),
    ("state.js", JS, include_str!("page/state.js")),
    ("words.js", JS, include_str!("page/words.js")),
    (
        "style.css",
        "text/css; charset=utf-8",
        include_str!("page/style.css"),
    ),
];

const JS: &str = "text/javascript; charset=utf-8";

/// The page, its files addressed with the token (hex: nothing to escape).
pub fn index(token: &str) -> String {
    INDEX.replace("{{TOKEN}}", token)
}

/// The file at `name` (`main.js`), if the page has it: media type and content.
pub fn file(name: &str) -> Option<(&'static str, &'static str)> {
    FILES
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, kind, body)| (*kind, *body))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The form has a control for every field of a member (the list of
    /// fields is in `cirkel_core`): a field added without one fails here.
    /// Controls name their field by its path in the document,
    /// `["members", i, "name"]` or `["members", i, "contact", "email"]`.
    #[test]
    fn the_form_has_a_control_for_every_member_field() {
        let (_, form) = file("form.js").unwrap();
        for field in cirkel_core::MemberField::ALL {
            let path = field
                .key()
                .split('.')
                .map(|part| format!("\"{part}\""))
                .collect::<Vec<_>>()
                .join(", ");
            let control = format!("[\"members\", i, {path}]");
            assert!(
                form.contains(&control),
                "no control for {} ({control})",
                field.key()
            );
        }
    }
}
