//! Contact data: e-mail, phone, website (http and https only).

use super::Validator;
use crate::input::ContactIn;
use crate::limits::MAX_SHORT_TEXT;
use crate::model::Contact;
use crate::msg;

impl Validator<'_> {
    pub(super) fn contact(&mut self, c: ContactIn, path: &str) -> Contact {
        let email = c.email.and_then(|e| {
            let p = format!("{path}.email");
            let e = self.text(&e, &p, MAX_SHORT_TEXT)?;
            let e = e.strip_prefix("mailto:").unwrap_or(&e).to_string();
            if is_plausible_email(&e) {
                Some(e)
            } else {
                self.error(
                    &p,
                    msg!("parse.bad-email", email = e.escape_debug()),
                    Some(msg!("parse.bad-email.help")),
                );
                None
            }
        });
        let phone = c.phone.and_then(|t| {
            let p = format!("{path}.phone");
            let t = self.text(&t, &p, 40)?;
            let digits = t.chars().filter(char::is_ascii_digit).count();
            if digits >= 3
                && t.chars()
                    .all(|ch| ch.is_ascii_digit() || " +-().".contains(ch))
            {
                Some(t)
            } else {
                self.error(
                    &p,
                    msg!("parse.bad-phone", phone = t.escape_debug()),
                    Some(msg!("parse.bad-phone.help")),
                );
                None
            }
        });
        let website = c.website.and_then(|w| {
            let p = format!("{path}.website");
            // Check the raw text: control characters inside a link are a
            // known way to smuggle `java\tscript:` past filters.
            if w.chars().any(|ch| ch.is_control() || ch.is_whitespace()) {
                self.error(&p, msg!("parse.link-spaces"), Some(msg!("parse.link.help")));
                return None;
            }
            let w = self.text(&w, &p, MAX_SHORT_TEXT)?;
            if is_allowed_web_link(&w) {
                Some(w)
            } else {
                let shown: String = w.chars().take(60).collect();
                self.error(
                    &p,
                    msg!("parse.bad-link", link = shown.escape_debug()),
                    Some(msg!("parse.link.help")),
                );
                None
            }
        });
        Contact {
            email,
            phone,
            website,
        }
    }
}

/// True for an `http:` or `https:` link with a host and nothing that could
/// break out of an attribute.
pub fn is_allowed_web_link(link: &str) -> bool {
    let lower = link.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    let Some(rest) = rest else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || ".-:[]".contains(c))
        && !link
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || "<>\"'`\\".contains(c))
}

fn is_plausible_email(e: &str) -> bool {
    let mut parts = e.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !e
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || "<>\"'`\\,;:()[]".contains(c))
}
