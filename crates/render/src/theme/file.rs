//! Theme files: JSON with the keys of [`Theme`], each value checked and
//! re-written (never copied through into the SVG), every problem reported
//! at once with its line, column and key.

use cirkel_core::{Diagnostic, Diagnostics, Domain, Message, Spans, msg, nearest, quoted_list};
use serde_json::Value;

use super::{KEYS, Rgb, Theme};

/// Collects the problems of one theme file.
struct Reader {
    spans: Spans,
    problems: Vec<Diagnostic>,
}

impl Reader {
    fn error(&mut self, path: &str, message: Message, help: Option<Message>) {
        let pos = self.spans.locate(path);
        let mut d = Diagnostic::error(path, message).at(pos.line, pos.column);
        d.help = help;
        self.problems.push(d);
    }

    fn colour(&mut self, path: &str, v: &Value) -> Option<Rgb> {
        let c = v.as_str().and_then(Rgb::parse);
        if c.is_none() {
            self.error(
                path,
                msg!("theme.bad-colour", found = v),
                Some(msg!("theme.bad-colour.help")),
            );
        }
        c
    }

    fn key(&mut self, t: &mut Theme, key: &str, v: &Value) {
        let slot = match key {
            "background" => Some(&mut t.background),
            "text" => Some(&mut t.text),
            "muted" => Some(&mut t.muted),
            "on_domain" => Some(&mut t.on_domain),
            "card" => Some(&mut t.card),
            "ring_line" => Some(&mut t.ring_line),
            "link" => Some(&mut t.link),
            "centre" => Some(&mut t.centre),
            "on_centre" => Some(&mut t.on_centre),
            "tie" => Some(&mut t.tie),
            "band" => Some(&mut t.band),
            _ => None,
        };
        if let Some(slot) = slot {
            if let Some(c) = self.colour(key, v) {
                *slot = c;
            }
            return;
        }
        match key {
            "name" => match v.as_str() {
                Some(name) => {
                    t.name = name
                        .chars()
                        .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                        .take(40)
                        .collect();
                }
                None => self.error("name", msg!("theme.bad-name", found = v), None),
            },
            "description" => {}
            "sector_tint" => match v.as_f64().filter(|x| (0.0..=1.0).contains(x)) {
                Some(x) => t.sector_tint = x,
                None => self.error(
                    key,
                    msg!("theme.bad-tint", found = v),
                    Some(msg!("theme.bad-tint.help")),
                ),
            },
            "patterns" => match v.as_bool() {
                Some(b) => t.patterns = b,
                None => self.error(key, msg!("theme.bad-bool", found = v), None),
            },
            "routes" => self.routes(t, v),
            "domains" => self.domains(t, v),
            other => {
                let help = match nearest(other, KEYS) {
                    Some(n) => msg!("parse.did-you-mean", near = n),
                    None => msg!("theme.known-keys", known = quoted_list(KEYS, 20)),
                };
                self.error(other, msg!("theme.unknown-key", key = other), Some(help));
            }
        }
    }

    fn routes(&mut self, t: &mut Theme, v: &Value) {
        let Some(list) = v.as_array().filter(|l| !l.is_empty() && l.len() <= 50) else {
            self.error(
                "routes",
                msg!("theme.bad-routes"),
                Some(msg!("theme.bad-routes.help")),
            );
            return;
        };
        let colours: Vec<Option<Rgb>> = list
            .iter()
            .enumerate()
            .map(|(i, c)| self.colour(&format!("routes[{i}]"), c))
            .collect();
        if colours.iter().all(Option::is_some) {
            t.routes = colours.into_iter().flatten().collect();
        }
    }

    fn domains(&mut self, t: &mut Theme, v: &Value) {
        let Some(domains) = v.as_object() else {
            self.error("domains", msg!("theme.bad-domains"), None);
            return;
        };
        let keys: Vec<&str> = Domain::ALL.iter().map(|d| d.key()).collect();
        for (d, c) in domains {
            let path = format!("domains.{d}");
            let Some(domain) = Domain::from_key(d) else {
                let help = match nearest(d, keys.iter().copied()) {
                    Some(n) => msg!("parse.did-you-mean", near = n),
                    None => msg!(
                        "parse.unknown-domain.known",
                        known = quoted_list(keys.iter().copied(), 10)
                    ),
                };
                self.error(&path, msg!("parse.unknown-domain", domain = d), Some(help));
                continue;
            };
            if let Some(colour) = self.colour(&path, c) {
                let i = domain.index();
                t.domains[i] = colour;
            }
        }
    }
}

impl Theme {
    /// Reads a theme file. Keys left out keep the `standaard` values;
    /// unknown keys, bad colours and bad numbers are errors, all of them
    /// reported at once (paths like `domains.jeugdhulp`, with line and
    /// column).
    pub fn from_json(text: &str) -> Result<Theme, Diagnostics> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value: Value = serde_json::from_str(text)
            .map_err(|e| Diagnostics::one(cirkel_core::syntax_error(text, &e)))?;
        let mut reader = Reader {
            spans: Spans::scan(text),
            problems: Vec::new(),
        };
        let Value::Object(map) = value else {
            reader.error("", msg!("theme.not-an-object"), None);
            return Err(Diagnostics(reader.problems));
        };
        let mut t = Theme::fallback();
        t.name = "eigen".into();
        for (key, v) in &map {
            reader.key(&mut t, key, v);
        }
        if reader.problems.is_empty() {
            Ok(t)
        } else {
            let mut d = Diagnostics(reader.problems);
            d.sort();
            Err(d)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_errors_say_where_and_what() {
        let e = Theme::from_json("{\n  \"domains\": { \"jeugdhulpp\": \"#fff\" }\n}").unwrap_err();
        let e = e.in_lang(cirkel_core::Lang::En);
        let d = &e.0[0];
        assert_eq!((d.line, d.path.as_str()), (2, "domains.jeugdhulpp"));
        assert_eq!(
            d.help_text().as_deref(),
            Some("did you mean \"jeugdhulp\"?")
        );
        let e = Theme::from_json("{ \"text\": \"zwart\" }").unwrap_err();
        assert!(e.0[0].text().contains("verwacht een kleur zoals"), "{e}");
        let e = Theme::from_json("{ \"backgound\": \"#fff\" }").unwrap_err();
        assert_eq!(
            e.0[0].help_text().as_deref(),
            Some("bedoel je \"background\"?")
        );
        let e = Theme::from_json("{ \"sector_tint\": 3 }").unwrap_err();
        let e = e.in_lang(cirkel_core::Lang::En);
        assert!(e.0[0].text().contains("from 0 to 1"), "{e}");
        assert!(Theme::from_json("[1, 2").is_err());
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let e = Theme::from_json(
            "{\n \"text\": \"zwart\",\n \"backgound\": \"#fff\",\n \"domains\": { \"jeugdhulp\": 3 }\n}",
        )
        .unwrap_err();
        let paths: Vec<&str> = e.0.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, ["text", "backgound", "domains.jeugdhulp"]);
    }
}
