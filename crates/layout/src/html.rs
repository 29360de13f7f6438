//! The circle in words as HTML (issue 39): the long description of the
//! picture on a school's website, in `describe`'s order — the opening
//! paragraph, what changed since last year, ring by ring each member with
//! a nested list of availability, expertise and contact (as `mailto:`,
//! `tel:` and web links), the expertise in house, the routes as an
//! ordered list, the meetings. Every text is escaped; no script, no style,
//! no attribute but `href` on links whose scheme is known.

use cirkel_core::{Kernteam, Lang, Member, Since};

use crate::describe::{Block, DescribeFormat, expertise, intro, meetings, routes, tie_words};

/// Text for HTML: `& < > " '` as entities.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The description of `k` as HTML elements, its headings from `<h{top}>`
/// down (the document's title is left out: the figure's caption says it).
pub fn describe_html(k: &Kernteam, since: Option<&Since>, top: u8) -> String {
    let lang = k.lang;
    let format = DescribeFormat::Text;
    let mut out = String::new();
    // The opening paragraph (without the title).
    let opening: Vec<Block> = intro(k, format)
        .into_iter()
        .filter(|b| !matches!(b, Block::Heading { level: 1, .. }))
        .collect();
    write_blocks(&opening, top, &mut out);
    if let Some(s) = since {
        write_blocks(&crate::changes::since_section(s, k, format), top, &mut out);
    }
    for (ri, ring) in k.rings.iter().enumerate() {
        let h = top.min(6);
        out.push_str(&format!(
            "<h{h}>{}</h{h}>\n<ul>\n",
            html_escape(&format!(
                "{} {}: {}",
                lang.pick("Ring", "Ring"),
                ri + 1,
                ring.label
            ))
        ));
        let mut any = false;
        for (i, m) in k.members.iter().enumerate().filter(|(_, m)| m.ring == ri) {
            any = true;
            let new = since.is_some_and(|s| s.is_new(i));
            member_item(m, lang, new, &mut out);
        }
        if !any {
            out.push_str(&format!(
                "<li>{}</li>\n",
                lang.pick("(nog niemand)", "(nobody yet)")
            ));
        }
        out.push_str("</ul>\n");
    }
    let mut rest = Vec::new();
    expertise(k, format, &mut rest);
    routes(k, format, &mut rest);
    meetings(k, format, &mut rest);
    write_blocks(&rest, top, &mut out);
    out
}

/// A member: who, then a nested list of what the school needs to know.
fn member_item(m: &Member, lang: Lang, new: bool, out: &mut String) {
    let mut who = format!("<strong>{}</strong>", html_escape(&m.role));
    if let Some(n) = &m.name {
        who.push_str(&format!(": {}", html_escape(n)));
    }
    if let Some(o) = &m.organisation {
        who.push_str(&format!(", {}", html_escape(o)));
    }
    who.push_str(&format!(
        " ({})",
        html_escape(&m.domain.label(lang).to_lowercase())
    ));
    let mut details = Vec::new();
    if let Some(a) = &m.availability {
        details.push(format!(
            "{}: {}",
            lang.pick("Bereikbaar", "Available"),
            html_escape(a)
        ));
    }
    if !m.expertise.is_empty() {
        let list: Vec<String> = m.expertise.iter().map(|e| html_escape(e)).collect();
        details.push(format!(
            "{}: {}",
            lang.pick("Expertise", "Expertise"),
            list.join(", ")
        ));
    }
    let contact = contact_links(m);
    if !contact.is_empty() {
        details.push(format!(
            "{}: {}",
            lang.pick("Contact", "Contact"),
            contact.join(", ")
        ));
    }
    if let Some(words) = tie_words(m.tie, lang) {
        let mut words = words.to_string();
        if let Some(first) = words.get(..1) {
            words = first.to_uppercase() + &words[1..];
        }
        details.push(html_escape(&words));
    }
    if new {
        details.push(html_escape(
            lang.pick("Nieuw sinds vorig jaar", "New since last year"),
        ));
    }
    out.push_str(&format!("<li>{who}"));
    if !details.is_empty() {
        out.push_str("\n<ul>\n");
        for d in details {
            out.push_str(&format!("<li>{d}</li>\n"));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</li>\n");
}

/// A member's contact data as links: `mailto:`, `tel:` and the website as
/// given (only `https:` and `http:`; the parser refused any other).
fn contact_links(m: &Member) -> Vec<String> {
    let mut links = Vec::new();
    if let Some(e) = &m.contact.email {
        links.push(link(&format!("mailto:{e}"), e));
    }
    if let Some(p) = &m.contact.phone {
        let digits: String = p
            .chars()
            .enumerate()
            .filter(|(i, c)| c.is_ascii_digit() || (*i == 0 && *c == '+'))
            .map(|(_, c)| c)
            .collect();
        links.push(link(&format!("tel:{digits}"), p));
    }
    if let Some(w) = &m.contact.website {
        let lower = w.to_ascii_lowercase();
        if lower.starts_with("https://") || lower.starts_with("http://") {
            links.push(link(w, w));
        } else {
            links.push(html_escape(w));
        }
    }
    links
}

fn link(href: &str, text: &str) -> String {
    format!(
        "<a href=\"{}\">{}</a>",
        html_escape(href),
        html_escape(text)
    )
}

/// Blocks as HTML: headings from `<h{top}>` (a block's level 2 is `top`),
/// paragraphs, and runs of items as one `<ul>` or `<ol>`.
fn write_blocks(blocks: &[Block], top: u8, out: &mut String) {
    let mut open: Option<&str> = None;
    let close = |open: &mut Option<&str>, out: &mut String| {
        if let Some(list) = open.take() {
            out.push_str(&format!("</{list}>\n"));
        }
    };
    for b in blocks {
        match b {
            Block::Heading { level, text } => {
                close(&mut open, out);
                let h = (top + level.saturating_sub(2)).clamp(1, 6);
                out.push_str(&format!("<h{h}>{}</h{h}>\n", html_escape(text)));
            }
            Block::Paragraph(text) => {
                close(&mut open, out);
                out.push_str(&format!("<p>{}</p>\n", html_escape(text)));
            }
            Block::Item(text) | Block::Numbered(_, text) => {
                let list = if matches!(b, Block::Item(_)) {
                    "ul"
                } else {
                    "ol"
                };
                if open != Some(list) {
                    close(&mut open, out);
                    out.push_str(&format!("<{list}>\n"));
                    open = Some(list);
                }
                out.push_str(&format!("<li>{}</li>\n", html_escape(text)));
            }
        }
    }
    close(&mut open, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::describe::heading;

    #[test]
    fn text_is_escaped_and_lists_are_closed() {
        assert_eq!(
            html_escape(r#"<script>"a" & 'b'</script>"#),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
        let mut out = String::new();
        write_blocks(
            &[
                heading(2, "Routes"),
                Block::Numbered(1, "Eerst <ib>".into()),
                Block::Numbered(2, "Dan".into()),
                Block::Item("los".into()),
                Block::Paragraph("p".into()),
            ],
            3,
            &mut out,
        );
        assert_eq!(
            out,
            "<h3>Routes</h3>\n<ol>\n<li>Eerst &lt;ib&gt;</li>\n<li>Dan</li>\n</ol>\n<ul>\n<li>los</li>\n</ul>\n<p>p</p>\n"
        );
    }
}
