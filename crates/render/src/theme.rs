//! Colours. The default theme keeps white text on every domain colour at a
//! contrast of at least 4.5:1 (WCAG AA) and uses hues that stay apart for
//! the common colour-vision deficiencies (after Okabe & Ito, darkened).

use cirkel_core::Domain;

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

    /// Relative luminance (WCAG 2).
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
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

/// The colours of a diagram.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
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
    /// The school disc.
    pub centre: Rgb,
    /// Text in the school disc.
    pub on_centre: Rgb,
    /// How far a sector's fill is tinted towards white (0–1).
    pub sector_tint: f64,
    /// Domain colours, in [`Domain::ALL`] order.
    pub domains: [Rgb; 7],
    /// Tie lines (school to member).
    pub tie: Rgb,
    /// Route colours, used in turn by route number.
    pub routes: Vec<Rgb>,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            background: Rgb(255, 255, 255),
            text: Rgb(0x1d, 0x1d, 0x1f),
            muted: Rgb(0x4a, 0x4a, 0x4f),
            on_domain: Rgb(255, 255, 255),
            card: Rgb(255, 255, 255),
            ring_line: Rgb(0x9a, 0x9a, 0xa0),
            centre: Rgb(0x1d, 0x2b, 0x4a),
            on_centre: Rgb(255, 255, 255),
            sector_tint: 0.86,
            domains: [
                Rgb(0x00, 0x5f, 0x9e), // onderwijs: blue
                Rgb(0x5a, 0x3e, 0x9a), // samenwerkingsverband: purple
                Rgb(0x9c, 0x4a, 0x00), // leerplicht: dark orange
                Rgb(0x00, 0x73, 0x56), // gezondheid: bluish green
                Rgb(0xb0, 0x2e, 0x62), // jeugdhulp: reddish purple
                Rgb(0x8e, 0x1c, 0x1c), // veiligheid: dark red
                Rgb(0x55, 0x55, 0x5a), // overig: grey
            ],
            tie: Rgb(0x5f, 0x63, 0x6b),
            // Okabe & Ito, in an order where neighbours differ most; every
            // colour also gets a numbered badge, so none relies on hue alone.
            routes: vec![
                Rgb(0xd5, 0x5e, 0x00), // vermillion
                Rgb(0x00, 0x72, 0xb2), // blue
                Rgb(0x00, 0x9e, 0x73), // bluish green
                Rgb(0xcc, 0x79, 0xa7), // reddish purple
                Rgb(0xe6, 0x9f, 0x00), // orange
                Rgb(0x1d, 0x1d, 0x1f), // black
                Rgb(0x56, 0xb4, 0xe9), // sky blue
            ],
        }
    }
}

impl Theme {
    /// The colour of route number `number` (1-based).
    pub fn route(&self, number: usize) -> Rgb {
        if self.routes.is_empty() {
            return self.text;
        }
        self.routes[number.saturating_sub(1) % self.routes.len()]
    }

    /// The colour of a domain.
    pub fn domain(&self, d: Domain) -> Rgb {
        let i = Domain::ALL.iter().position(|x| *x == d).unwrap_or(6);
        self.domains[i]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_theme_meets_wcag_aa() {
        let t = Theme::default();
        for d in Domain::ALL {
            let c = t.on_domain.contrast(t.domain(d));
            assert!(c >= 4.5, "{d:?}: {c:.2}");
        }
        assert!(t.text.contrast(t.card) >= 4.5);
        assert!(t.muted.contrast(t.card) >= 4.5);
        assert!(t.on_centre.contrast(t.centre) >= 4.5);
        // Legend and footer text sit on the background; ring labels on a tint.
        assert!(t.text.contrast(t.background) >= 4.5);
        for d in Domain::ALL {
            assert!(t.text.contrast(t.domain(d).tint(t.sector_tint)) >= 4.5);
        }
    }
}
