//! A check that an SVG is safe to put in a web page or e-mail: strictly
//! well-formed XML, no active content, no links, no characters XML forbids,
//! and accepted by usvg. The fuzz target, the corpus replay and the hostile
//! input suite all use it; callers can run it on any SVG we produced.

/// Elements that can run code or load something.
const FORBIDDEN_ELEMENTS: [&str; 4] = ["script", "foreignobject", "iframe", "use"];

/// The only link schemes written: a member's contact.
const LINK_SCHEMES: [&str; 4] = ["mailto:", "tel:", "https://", "http://"];

/// True for a link the SVG may carry: `mailto:`, `tel:`, `https:` or
/// `http:`, with nothing in it that could break out of an attribute or
/// hide another scheme (no whitespace, controls, quotes or angle brackets).
pub fn is_safe_link(link: &str) -> bool {
    let lower = link.to_ascii_lowercase();
    LINK_SCHEMES.iter().any(|s| lower.starts_with(s))
        && link.len() > 7
        && !link
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || "<>\"'`\\".contains(c))
}

/// The only links allowed: a member's photo, embedded as PNG or JPEG data
/// on an `<image>`.
const PHOTO_PREFIXES: [&str; 2] = ["data:image/png;base64,", "data:image/jpeg;base64,"];

/// Every reason the SVG is not safe; empty when it is.
pub fn svg_safety_problems(svg: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if svg.chars().any(|c| {
        matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
    }) {
        problems.push("a character XML 1.0 forbids".to_string());
    }
    let doc = match roxmltree::Document::parse(svg) {
        Ok(doc) => doc,
        Err(e) => {
            problems.push(format!("not well-formed XML: {e}"));
            return problems;
        }
    };
    for node in doc.descendants() {
        if node.is_comment() || node.is_pi() {
            problems.push("a comment or processing instruction".to_string());
        }
        if !node.is_element() {
            continue;
        }
        let tag = node.tag_name().name().to_ascii_lowercase();
        if FORBIDDEN_ELEMENTS.contains(&tag.as_str()) {
            problems.push(format!("element <{tag}>"));
        }
        for attr in node.attributes() {
            let name = attr.name().to_ascii_lowercase();
            if name.starts_with("on") {
                problems.push(format!("event attribute {name}"));
            }
            if name.contains("href") {
                let contact = tag == "a" && name == "href" && is_safe_link(attr.value());
                let photo = tag == "image"
                    && name == "href"
                    && PHOTO_PREFIXES.iter().any(|p| attr.value().starts_with(p))
                    && attr.value().bytes().skip(22).all(|b| {
                        b.is_ascii_alphanumeric()
                            || matches!(b, b'+' | b'/' | b'=' | b',' | b';' | b':')
                    });
                if !photo && !contact {
                    problems.push(format!("link attribute {name}"));
                }
            }
        }
        if tag == "a" && node.attribute("href").is_none_or(|h| !is_safe_link(h)) {
            problems.push("a link that is not mailto:, tel:, https: or http:".to_string());
        }
        if tag == "image" && node.attribute("href").is_none() {
            problems.push("an <image> without an embedded photo".to_string());
        }
    }
    if let Err(e) = resvg::usvg::Tree::from_str(svg, &crate::usvg_options()) {
        problems.push(format!("usvg refuses it: {e}"));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_active_content_and_links() {
        let bad = r#"<svg xmlns="http://www.w3.org/2000/svg" onload="x"><script>x</script><a href="javascript:x"/><!-- c --></svg>"#;
        let problems = svg_safety_problems(bad);
        for want in [
            "event attribute onload",
            "element <script>",
            "a link that is not mailto",
            "link attribute href",
            "a comment",
        ] {
            assert!(
                problems.iter().any(|p| p.contains(want)),
                "{want}: {problems:?}"
            );
        }
        assert!(
            svg_safety_problems("<svg")
                .iter()
                .any(|p| p.contains("not well-formed"))
        );
        let good = r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text x="1" y="9">&lt;script&gt; onload=x</text></svg>"#;
        assert!(svg_safety_problems(good).is_empty());
        // Contact links may be written, with an allowed scheme only.
        for good in [
            "mailto:ib@example.nl",
            "tel:0230000000",
            "https://example.nl/a?b=1",
        ] {
            let svg = format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><a href="{good}"><text>x</text></a></svg>"#
            );
            assert!(svg_safety_problems(&svg).is_empty(), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:x",
            "data:text/html,x",
            "mailto:a b",
            "tel:",
            "file:///etc/passwd",
            "vbscript:x",
        ] {
            let svg = format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><a href="{bad}"><text>x</text></a></svg>"#
            );
            assert!(!svg_safety_problems(&svg).is_empty(), "{bad}");
        }
        // A photo may be embedded; nothing else may be loaded.
        let photo = r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image width="1" height="1" href="data:image/png;base64,iVBORw0KGgo="/></svg>"#;
        assert!(
            !svg_safety_problems(photo)
                .iter()
                .any(|p| p.contains("link"))
        );
        for bad in [
            r#"<image href="file:///etc/passwd"/>"#,
            r#"<image href="https://example.nl/x.png"/>"#,
            r#"<image href="data:image/svg+xml;base64,PHN2Zz4="/>"#,
            r#"<image href="data:image/png;base64,&quot;onload"/>"#,
            r#"<image xlink:href="https://example.nl/x.png" xmlns:xlink="http://www.w3.org/1999/xlink"/>"#,
            r#"<rect href="data:image/png;base64,AAAA"/>"#,
        ] {
            let svg = format!(r#"<svg xmlns="http://www.w3.org/2000/svg">{bad}</svg>"#);
            assert!(
                svg_safety_problems(&svg)
                    .iter()
                    .any(|p| p.contains("link") || p.contains("image")),
                "{bad}"
            );
        }
    }
}
