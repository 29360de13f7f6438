//! Colours. The default theme keeps white text on every domain colour at a
//! contrast of at least 4.5:1 (WCAG AA) and uses hues that stay apart for
//! the common colour-vision deficiencies (after Okabe & Ito, darkened).

use cirkel_core::{Domain, Message, msg};

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Mixes with white: `amount` 0 gives the colour, 1 gives white.
    pub fn tint(self, amount: f64) -> Rgb {
        let mix = |c: u8| {
            (f64::from(c) + (255.0 - f64::from(c)) * amount)
                .round()
                .clamp(0.0, 255.0) as u8
        };
        Rgb(mix(self.0), mix(self.1), mix(self.2))
    }

    /// Parses `#rrggbb` or `#rgb`.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.trim().strip_prefix('#')?;
        let digit = |c: char| c.to_digit(16).map(|d| d as u8);
        let chars: Vec<char> = hex.chars().collect();
        match chars.len() {
            6 => {
                let byte = |i: usize| Some(digit(chars[i])? * 16 + digit(chars[i + 1])?);
                Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
            }
            3 => {
                let byte = |i: usize| Some(digit(chars[i])? * 17);
                Some(Rgb(byte(0)?, byte(1)?, byte(2)?))
            }
            _ => None,
        }
    }

    /// Relative luminance (WCAG 2).
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                libm::pow((c + 0.055) / 1.055, 2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// WCAG contrast ratio between two colours.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

/// The colours of a diagram. Bundled themes live in `assets/themes/` as
/// JSON; a school can copy one, change its house colours and pass the file
/// with `--theme` (keys left out keep the `standaard` values).
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// The theme's name.
    pub name: String,
    /// Page background.
    pub background: Rgb,
    /// Main text.
    pub text: Rgb,
    /// Secondary text (organisation, availability).
    pub muted: Rgb,
    /// Text on a domain-coloured header.
    pub on_domain: Rgb,
    /// Card background.
    pub card: Rgb,
    /// Ring lines.
    pub ring_line: Rgb,
    /// Links (contact data).
    pub link: Rgb,
    /// The school disc.
    pub centre: Rgb,
    /// Text in the school disc.
    pub on_centre: Rgb,
    /// How far the innermost band's fills are tinted towards white (0–1);
    /// the bands further out step lighter (see [`Theme::ring_tint`]).
    pub sector_tint: f64,
    /// The hue of the ring bands where no domain has cards (tinted like
    /// the domains' fills).
    pub band: Rgb,
    /// Domain colours, in [`Domain::ALL`] order.
    pub domains: [Rgb; 8],
    /// Tie lines (school to member).
    pub tie: Rgb,
    /// Route colours, used in turn by route number.
    pub routes: Vec<Rgb>,
    /// Hatch the sectors and legend swatches per domain, so that domains
    /// differ without colour (for printing in black and white).
    pub patterns: bool,
}

/// A colour pair below the contrast WCAG asks.
#[derive(Debug, Clone, PartialEq)]
pub struct ContrastProblem {
    /// Which colour on which (theme keys).
    pub what: Message,
    /// Their contrast ratio.
    pub ratio: f64,
    /// The ratio asked: 4.5 for text, 3 for lines.
    pub needed: f64,
}

impl ContrastProblem {
    /// Which kind of line or text it is (`ring_line`, `text`): one warning
    /// per kind is enough.
    pub fn kind(&self) -> String {
        self.what
            .args()
            .find(|(n, _)| *n == "fg")
            .map(|(_, a)| match a {
                cirkel_core::Arg::Text(t) => t.clone(),
                _ => String::new(),
            })
            .unwrap_or_default()
    }
}

impl std::fmt::Display for ContrastProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {:.2}:1 (needs {}:1)",
            self.what.text(cirkel_core::Lang::En),
            self.ratio,
            self.needed
        )
    }
}

/// The bundled themes: name and JSON.
pub const BUNDLED_THEMES: [(&str, &str); 3] = [
    (
        "standaard",
        include_str!("../../../../assets/themes/standaard.json"),
    ),
    (
        "print",
        include_str!("../../../../assets/themes/print.json"),
    ),
    (
        "contrast",
        include_str!("../../../../assets/themes/contrast.json"),
    ),
];

mod file;

/// How much deeper than `sector_tint` the innermost band is tinted.
pub const BAND_DEEPEN: f64 = 0.06;
/// The tint of the outermost band.
pub const OUTER_BAND_TINT: f64 = 0.945;

/// The keys a theme file may have.
const KEYS: [&str; 17] = [
    "name",
    "description",
    "background",
    "text",
    "muted",
    "on_domain",
    "card",
    "ring_line",
    "link",
    "centre",
    "on_centre",
    "sector_tint",
    "band",
    "domains",
    "tie",
    "routes",
    "patterns",
];

impl Default for Theme {
    fn default() -> Self {
        Theme::fallback()
    }
}

impl Theme {
    /// The colour of a domain.
    pub fn domain(&self, d: Domain) -> Rgb {
        let i = d.index();
        self.domains[i]
    }

    /// How far ring `ring` (0 = innermost) of `rings` is tinted towards
    /// white: [`Theme::sector_tint`] less `BAND_DEEPEN` (0.06) for the innermost,
    /// stepping lighter outwards to `OUTER_BAND_TINT` (0.945), so that bands differ
    /// by a tonal step and the closest reads strongest.
    pub fn ring_tint(&self, ring: usize, rings: usize) -> f64 {
        let inner = (self.sector_tint - BAND_DEEPEN).clamp(0.0, 1.0);
        let outer = OUTER_BAND_TINT.max(inner);
        if rings <= 1 {
            return inner;
        }
        inner + (outer - inner) * ring.min(rings - 1) as f64 / (rings - 1) as f64
    }

    /// The colour of route number `number` (1-based).
    pub fn route(&self, number: usize) -> Rgb {
        if self.routes.is_empty() {
            return self.text;
        }
        self.routes[number.saturating_sub(1) % self.routes.len()]
    }

    /// A bundled theme by name (`standaard`, `print`, `contrast`).
    pub fn bundled(name: &str) -> Option<Theme> {
        BUNDLED_THEMES
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(_, json)| Theme::from_json(json).ok())
    }

    /// Every text colour that does not reach WCAG AA (4.5:1) against its
    /// background; empty when the theme is readable.
    pub fn contrast_problems(&self) -> Vec<ContrastProblem> {
        let on = |fg: &str, bg: &str| msg!("contrast.on", fg = fg, bg = bg);
        let mut pairs: Vec<(Message, Rgb, Rgb)> = vec![
            (on("text", "card"), self.text, self.card),
            (on("muted", "card"), self.muted, self.card),
            (on("text", "background"), self.text, self.background),
            (on("link", "background"), self.link, self.background),
            (on("on_centre", "centre"), self.on_centre, self.centre),
        ];
        for d in Domain::ALL {
            pairs.push((
                on("on_domain", &format!("domains.{}", d.key())),
                self.on_domain,
                self.domain(d),
            ));
            pairs.push((
                msg!("contrast.on-sector", fg = "text", domain = d.key()),
                self.text,
                self.domain(d).tint(self.sector_tint),
            ));
        }
        for (i, r) in self.routes.iter().enumerate() {
            // Badges take whichever of on_domain and text reads better.
            let best = self.on_domain.contrast(*r).max(self.text.contrast(*r));
            if best < 4.5 {
                pairs.push((msg!("contrast.badge", i = i), self.text, *r));
            }
        }
        pairs
            .into_iter()
            .filter_map(|(what, fg, bg)| {
                let ratio = fg.contrast(bg);
                (ratio < 4.5).then_some(ContrastProblem {
                    what,
                    ratio,
                    needed: 4.5,
                })
            })
            .collect()
    }

    /// Every line that does not reach the non-text contrast of WCAG 1.4.11
    /// (3:1) against what it lies on, for circles of 1 to 6 rings: band
    /// boundaries and sector edges (`ring_line`) and ties on every band and
    /// sector fill, route lines on their casing (the background), route
    /// badges on the fills. Fills themselves may differ by a tonal step.
    pub fn line_contrast_problems(&self) -> Vec<ContrastProblem> {
        let mut fills: Vec<(Message, Rgb)> = vec![(msg!("contrast.background"), self.background)];
        for rings in 1..=6 {
            for k in 0..rings {
                let t = self.ring_tint(k, rings);
                fills.push((
                    msg!("contrast.band", k = k + 1, n = rings),
                    self.band.tint(t),
                ));
                for d in Domain::ALL {
                    fills.push((
                        msg!(
                            "contrast.domain-band",
                            domain = d.key(),
                            k = k + 1,
                            n = rings
                        ),
                        self.domain(d).tint(t),
                    ));
                }
            }
        }
        let mut problems = Vec::new();
        let mut check = |line_key: &str, line: Rgb, on: &Message, fill: Rgb| {
            let ratio = line.contrast(fill);
            if ratio < 3.0 {
                problems.push(ContrastProblem {
                    what: Message::new("contrast.line-on")
                        .arg("fg", line_key)
                        .arg_msg("bg", on.clone()),
                    ratio,
                    needed: 3.0,
                });
            }
        };
        for (name, fill) in &fills {
            check("ring_line", self.ring_line, name, *fill);
            check("tie", self.tie, name, *fill);
        }
        for (i, r) in self.routes.iter().enumerate() {
            check(
                &format!("routes[{i}]"),
                *r,
                &msg!("contrast.casing"),
                self.background,
            );
        }
        problems
    }

    /// The built-in values (the same as `assets/themes/standaard.json`; a
    /// test keeps them equal).
    pub(crate) fn fallback() -> Theme {
        Theme {
            name: "standaard".into(),
            background: Rgb(255, 255, 255),
            text: Rgb(0x1d, 0x1d, 0x1f),
            muted: Rgb(0x4a, 0x4a, 0x4f),
            on_domain: Rgb(255, 255, 255),
            card: Rgb(255, 255, 255),
            ring_line: Rgb(0x6e, 0x6e, 0x76),
            link: Rgb(0x00, 0x4f, 0x8c),
            centre: Rgb(0x1d, 0x2b, 0x4a),
            on_centre: Rgb(255, 255, 255),
            sector_tint: 0.86,
            band: Rgb(0x3f, 0x5f, 0x96),
            domains: [
                Rgb(0x00, 0x5f, 0x9e), // onderwijs: blue
                Rgb(0x5a, 0x3e, 0x9a), // samenwerkingsverband: purple
                Rgb(0x9c, 0x4a, 0x00), // leerplicht: dark orange
                Rgb(0x00, 0x73, 0x56), // gezondheid: bluish green
                Rgb(0xb0, 0x2e, 0x62), // jeugdhulp: reddish purple
                Rgb(0x8e, 0x1c, 0x1c), // veiligheid: dark red
                Rgb(0x55, 0x55, 0x5a), // overig: grey
                Rgb(0x6b, 0x60, 0x00), // ouders: olive
            ],
            tie: Rgb(0x5f, 0x63, 0x6b),
            // Okabe & Ito, in an order where neighbours differ most; every
            // colour also gets a numbered badge, so none relies on hue alone.
            routes: vec![
                Rgb(0xc4, 0x55, 0x00),
                Rgb(0x00, 0x72, 0xb2),
                Rgb(0x00, 0x7a, 0x58),
                Rgb(0xb0, 0x58, 0x8a),
                Rgb(0x8a, 0x6a, 0x00),
                Rgb(0x1d, 0x1d, 0x1f),
                Rgb(0x00, 0x79, 0x8c),
            ],
            patterns: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_theme_meets_wcag_aa() {
        for (name, json) in BUNDLED_THEMES {
            let t = Theme::from_json(json).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(t.name, name);
            let problems = t.contrast_problems();
            assert!(problems.is_empty(), "{name}:\n{problems:?}");
        }
    }

    #[test]
    fn every_bundled_theme_meets_non_text_contrast() {
        for (name, json) in BUNDLED_THEMES {
            let t = Theme::from_json(json).unwrap();
            let problems = t.line_contrast_problems();
            assert!(problems.is_empty(), "{name}:\n{problems:?}");
        }
    }

    #[test]
    fn the_default_is_the_standaard_file() {
        assert_eq!(Theme::bundled("standaard"), Some(Theme::default()));
    }

    #[test]
    fn the_print_theme_works_in_greyscale() {
        let t = Theme::bundled("print").unwrap();
        assert!(
            t.patterns,
            "domains are hatched, not told apart by hue alone"
        );
    }

    #[test]
    fn a_partial_theme_keeps_the_rest() {
        let t = Theme::from_json(r##"{ "domains": { "onderwijs": "#123" } }"##).unwrap();
        assert_eq!(t.domain(Domain::Onderwijs), Rgb(0x11, 0x22, 0x33));
        assert_eq!(
            t.domain(Domain::Jeugdhulp),
            Theme::default().domain(Domain::Jeugdhulp)
        );
    }

    #[test]
    fn unreadable_house_colours_are_named() {
        let t = Theme::from_json(r##"{ "domains": { "jeugdhulp": "#ffcc00" } }"##).unwrap();
        let problems = t.contrast_problems();
        assert!(
            problems
                .iter()
                .any(|p| p.to_string().starts_with("on_domain on domains.jeugdhulp")),
            "{problems:?}"
        );
    }
}
