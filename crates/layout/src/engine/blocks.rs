//! The blocks around the circle: the title above it, the legend and the
//! footer (routes in words, meetings) below it.

use cirkel_core::{Domain, Kernteam, Member, Since, Tie};

use super::cards::{MARKER_PAD, marker};
use super::phrases::{Words, route_sentence, tie_label};
use crate::geometry::{
    Anchor, Badge, BoxKind, LineSample, Marker, Path, Rect, SampleKind, Swatch, TextBox, TextLine,
    TextRole,
};
use crate::options::LayoutOptions;
use crate::routes::zigzag;
use crate::text::{Flow, HyphenLang, LegendFlow, Piece, Style, text_block};

/// Width of a line sample in the legend.
const SAMPLE_WIDTH: f64 = 48.0;

/// What the blocks are set from, and the column they are set in.
pub(super) struct Blocks<'a> {
    pub k: &'a Kernteam,
    pub o: &'a LayoutOptions,
    pub hl: HyphenLang,
    /// Last year's kernteam and what changed (`--since`).
    pub since: Option<&'a Since>,
    pub words: Words,
    /// Width of the text column (the canvas less its margins).
    pub text_width: f64,
}

impl Blocks<'_> {
    fn block(
        &self,
        text: &str,
        style: Style,
        anchor: Anchor,
        role: TextRole,
        x: f64,
        top: f64,
    ) -> (Vec<TextLine>, f64) {
        text_block(
            text,
            style,
            self.text_width,
            anchor,
            role,
            x,
            top,
            self.o,
            self.hl,
        )
    }

    fn text_box(&self, kind: BoxKind, top: f64, bottom: f64, text: Vec<TextLine>) -> TextBox {
        TextBox {
            kind,
            x: self.o.margin,
            y: top,
            width: self.text_width,
            height: bottom - top,
            text,
            swatches: Vec::new(),
            samples: Vec::new(),
            badges: Vec::new(),
            markers: Vec::new(),
        }
    }

    /// The title and the line under it ("Kernteam van …, plaats · schooljaar …"),
    /// centred on `cx` from `top`; and where it ends.
    pub fn title(&self, cx: f64, top: f64) -> (TextBox, f64) {
        let (k, f) = (self.k, &self.o.fonts);
        let (mut lines, y) = self.block(
            &k.title,
            Style::bold(f.title),
            Anchor::Middle,
            TextRole::Title,
            cx,
            top,
        );
        let mut subtitle = format!("{} {}", self.words.core_team_of, k.school.name);
        if let Some(place) = &k.school.place {
            subtitle.push_str(&format!(", {place}"));
        }
        if let Some(year) = &k.school_year {
            subtitle.push_str(&format!(" · {} {year}", self.words.school_year));
        }
        let (sub_lines, y) = self.block(
            &subtitle,
            Style::regular(f.subtitle),
            Anchor::Middle,
            TextRole::Subtitle,
            cx,
            y + 4.0,
        );
        lines.extend(sub_lines);
        (self.text_box(BoxKind::Title, top, y, lines), y)
    }

    /// The legend from `top`: the domains present with their swatches, the
    /// line styles present, and the rings in words when some ring has no
    /// label on the circle; and where it ends.
    pub fn legend(&self, top: f64, domains: &[Domain], rings_unlabelled: bool) -> (TextBox, f64) {
        let f = &self.o.fonts;
        let line_height = f.body * self.o.line_height;
        let (mut text, y) = self.block(
            self.words.domains,
            Style::bold(f.body),
            Anchor::Start,
            TextRole::Heading,
            self.o.margin,
            top,
        );
        let mut flow = self.legend_flow(y);
        let mut swatches = Vec::new();
        for d in domains {
            let (x, y) = flow.item(f.body, d.label(self.k.lang), &mut text);
            swatches.push(Swatch {
                domain: *d,
                rect: Rect {
                    x,
                    y: y + (line_height - f.body) / 2.0,
                    width: f.body,
                    height: f.body,
                },
            });
        }
        let mut y = flow.y + line_height;
        let samples = self.line_samples(&mut y, &mut text);
        let markers = self.marker_sample(&mut y, &mut text);
        if rings_unlabelled {
            let list = self
                .k
                .rings
                .iter()
                .enumerate()
                .map(|(i, r)| format!("{} {}", i + 1, r.label))
                .collect::<Vec<_>>()
                .join(" · ");
            let (lines, ny) = self.block(
                &format!("{}: {list}", self.words.rings),
                Style::regular(f.body),
                Anchor::Start,
                TextRole::Body,
                self.o.margin,
                y + 6.0,
            );
            text.extend(lines);
            y = ny;
        }
        let legend = TextBox {
            swatches,
            samples,
            markers,
            ..self.text_box(BoxKind::Legend, top, y, text)
        };
        (legend, y)
    }

    fn legend_flow(&self, y: f64) -> LegendFlow<'_> {
        let f = &self.o.fonts;
        LegendFlow {
            x: self.o.margin,
            y,
            left: self.o.margin,
            width: self.text_width,
            line_height: f.body * self.o.line_height,
            style: Style::regular(f.body),
            options: self.o,
            lang: self.hl,
        }
    }

    /// Line samples (the ties present, and the route lines) under a heading,
    /// from `*y`, which moves below them.
    fn line_samples(&self, y: &mut f64, text: &mut Vec<TextLine>) -> Vec<LineSample> {
        let (k, f) = (self.k, &self.o.fonts);
        let mut items: Vec<(SampleKind, &str)> = Vec::new();
        for tie in [Tie::Strong, Tie::Normal, Tie::Tenuous, Tie::Stressful] {
            if k.members.iter().any(|m| m.tie == tie) {
                items.push((SampleKind::Tie(tie), tie_label(tie, k.lang)));
            }
        }
        if k.routes.iter().any(|r| !r.steps.is_empty()) {
            items.push((SampleKind::Route, k.lang.pick("route", "route")));
        }
        if k.routes.iter().any(|r| !r.escalation.is_empty()) {
            items.push((
                SampleKind::Escalation,
                k.lang.pick("opschalen", "escalation"),
            ));
        }
        let mut samples = Vec::new();
        if items.is_empty() {
            return samples;
        }
        let line_height = f.body * self.o.line_height;
        let (lines, ny) = self.block(
            self.words.lines,
            Style::bold(f.body),
            Anchor::Start,
            TextRole::Heading,
            self.o.margin,
            *y + 6.0,
        );
        text.extend(lines);
        let mut flow = self.legend_flow(ny);
        for (kind, label) in items {
            let (x, y) = flow.item(SAMPLE_WIDTH, label, text);
            let (a, b) = (
                (x + 2.0, y + line_height / 2.0),
                (x + SAMPLE_WIDTH - 2.0, y + line_height / 2.0),
            );
            let path = match kind {
                SampleKind::Tie(Tie::Stressful) => zigzag(a, b),
                _ => Path::line(a, b),
            };
            samples.push(LineSample { kind, path });
        }
        *y = flow.y + line_height;
        samples
    }

    /// The "nieuw" marker explained, when some member is new (`--since`),
    /// from `*y`, which moves below it.
    fn marker_sample(&self, y: &mut f64, text: &mut Vec<TextLine>) -> Vec<Marker> {
        if self.since.is_none_or(|s| s.changes.new.is_empty()) {
            return Vec::new();
        }
        let (k, o) = (self.k, self.o);
        let size = o.fonts.body;
        let width = Style::bold(size).width(self.words.new) + 2.0 * MARKER_PAD;
        let mut flow = self.legend_flow(*y + 6.0);
        let label = k.lang.pick(
            "nieuw in het kernteam sinds vorig jaar",
            "new in the core team since last year",
        );
        let at = flow.item(width, label, text);
        *y = flow.y + size * o.line_height;
        vec![marker(self.words.new, size, at, Anchor::Start, o)]
    }

    /// The footer from `top`: what changed since last year (who left, who
    /// moved), each route in words after its numbered badge, and the
    /// meetings, and where it ends; `None` when there is none of these.
    pub fn footer(&self, top: f64) -> Option<(TextBox, f64)> {
        let (k, o) = (self.k, self.o);
        let contacts: Vec<&Member> = k.members.iter().filter(|m| !m.contact.is_empty()).collect();
        let changes = self
            .since
            .map(|s| crate::changes::change_lines(&s.last, k, &s.changes))
            .unwrap_or_default();
        if k.routes.is_empty() && k.meetings.is_empty() && contacts.is_empty() && changes.is_empty()
        {
            return None;
        }
        let f = &o.fonts;
        let (body, heading) = (Style::regular(f.body), Style::bold(f.body));
        let mut flow = Flow {
            text: Vec::new(),
            x: o.margin,
            y: top,
            width: self.text_width,
            options: o,
            lang: self.hl,
        };
        if !changes.is_empty() {
            let since = k.lang.pick("Sinds vorig jaar", "Since last year");
            flow.paragraph(since, heading, TextRole::Heading);
            for line in &changes {
                flow.paragraph(line, body, TextRole::Body);
            }
            flow.y += o.gap;
        }
        let mut badges = Vec::new();
        if !k.routes.is_empty() {
            flow.paragraph(self.words.routes, heading, TextRole::Heading);
            let line_height = f.body * o.line_height;
            let badge_style = Style::bold(f.minimum);
            let radius = (badge_style.width(&k.routes.len().to_string()) / 2.0 + 5.0)
                .max(line_height / 2.0 - 1.0);
            let indent = 2.0 * radius + 10.0;
            flow.x += indent;
            flow.width -= indent;
            for (i, r) in k.routes.iter().enumerate() {
                let (bx, by) = (o.margin + radius, flow.y + line_height / 2.0);
                badges.push(self.badge(i + 1, bx, by, radius, badge_style));
                flow.paragraph(&route_sentence(k, r), body, TextRole::Body);
            }
            flow.x -= indent;
            flow.width += indent;
            flow.y += o.gap;
        }
        if !k.meetings.is_empty() || !contacts.is_empty() {
            flow.paragraph(self.words.meetings, heading, TextRole::Heading);
            for m in &k.meetings {
                flow.paragraph(&format!("{}: {}", m.when, m.purpose), body, TextRole::Body);
            }
            for m in contacts {
                flow.pieces(&contact_pieces(m, body));
            }
        }
        let bottom = flow.y;
        let footer = TextBox {
            badges,
            ..self.text_box(BoxKind::Footer, top, bottom, flow.text)
        };
        Some((footer, bottom))
    }

    /// A route's number badge centred at (x, y).
    fn badge(&self, number: usize, x: f64, y: f64, radius: f64, style: Style) -> Badge {
        let (mut lines, _) = text_block(
            &number.to_string(),
            style,
            f64::INFINITY,
            Anchor::Middle,
            TextRole::Badge,
            x,
            0.0,
            self.o,
            self.hl,
        );
        let mut text = lines.remove(0);
        text.translate(0.0, y - text.bounds.height / 2.0);
        Badge {
            number,
            x,
            y,
            radius,
            text,
        }
    }
}

/// A member's contact data as a row: "role (name): e-mail · phone ·
/// website", each value a link (`mailto:`, `tel:`, the website as given).
fn contact_pieces(m: &Member, style: Style) -> Vec<Piece> {
    let plain = |text: String| Piece {
        text,
        style,
        role: TextRole::Body,
        link: None,
    };
    let label = match &m.name {
        Some(n) => format!("{} ({n})", m.role),
        None => m.role.clone(),
    };
    let mut pieces = vec![plain(format!("{label}:"))];
    let c = &m.contact;
    let values = [
        c.email.as_ref().map(|e| (e.clone(), format!("mailto:{e}"))),
        c.phone.as_ref().map(|p| (p.clone(), tel_link(p))),
        c.website.as_ref().map(|w| (shown_website(w), w.clone())),
    ];
    for (i, (text, link)) in values.into_iter().flatten().enumerate() {
        if i > 0 {
            pieces.push(plain("·".into()));
        }
        pieces.push(Piece {
            text,
            style,
            role: TextRole::Contact,
            link: Some(link),
        });
    }
    pieces
}

/// A `tel:` link: the number's digits (and a leading `+`).
fn tel_link(phone: &str) -> String {
    let digits: String = phone
        .chars()
        .enumerate()
        .filter(|(i, c)| c.is_ascii_digit() || (*i == 0 && *c == '+'))
        .map(|(_, c)| c)
        .collect();
    format!("tel:{digits}")
}

/// A website as shown: without `https://` and a trailing `/`.
fn shown_website(w: &str) -> String {
    let lower = w.to_ascii_lowercase();
    let cut = if lower.starts_with("https://") {
        8
    } else if lower.starts_with("http://") {
        7
    } else {
        0
    };
    w[cut..].trim_end_matches('/').to_string()
}
