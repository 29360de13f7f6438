//! Sizes and spacing of the layout. All magic numbers live here, with
//! `Default` values tuned so that text stays legible when a 1600 px diagram is
//! shown 800 px wide (the smallest text is then about 9.5 px).

/// Options of [`crate::layout`]. Lengths are layout px (the SVG's user
/// units; the PNG scales them to its width). [`LayoutOptions::validate`]
/// refuses values outside the ranges given here, and `layout` calls it.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutOptions {
    /// Minimum canvas width, 0 to 30,000; the canvas grows when the circle
    /// needs more (0: the canvas hugs the circle). Default: 1600.
    pub width: f64,
    /// Empty border around everything, 0 to 1000. Default: 40.
    pub margin: f64,
    /// Width of a member card; its inner width (less the padding) at least
    /// 4 times the largest card font, at most 2000. Default: 272.
    pub card_width: f64,
    /// Horizontal padding inside a card, 0 to 200. Default: 12.
    pub card_padding_x: f64,
    /// Vertical padding inside a card, 0 to 200. Default: 9.
    pub card_padding_y: f64,
    /// Smallest gap between two cards, or a card and anything else, 0 to
    /// 500. Default: 18.
    pub gap: f64,
    /// Extra radial space between rings, 0 to 2000. Default: 26.
    pub ring_gap: f64,
    /// Smallest radius of the school disc, 10 to 2000. Default: 120.
    pub centre_min_radius: f64,
    /// Line height as a multiple of the font size, 1 to 4. Default: 1.36.
    pub line_height: f64,
    /// Diameter of a member's round portrait on the card, 1 to the card's
    /// inner width. Default: 84.
    pub photo_size: f64,
    /// Font sizes, each 4 to 200 px.
    pub fonts: FontSizes,
    /// Cards show role and name only (no organisation, availability or
    /// expertise), for small pictures: a smaller circle, so the text is
    /// drawn larger at the same output width. The describe text and the
    /// full-size picture keep everything.
    pub compact: bool,
}

/// The smallest text height, in output px, that stays legible on a phone
/// (where a newsletter image is often shown about 600 px wide).
pub const LEGIBLE_PX: f64 = 9.0;

/// Font sizes in layout px.
#[derive(Debug, Clone, PartialEq)]
pub struct FontSizes {
    /// Title.
    pub title: f64,
    /// Subtitle.
    pub subtitle: f64,
    /// School name in the centre.
    pub school: f64,
    /// Role on a card.
    pub role: f64,
    /// Name on a card.
    pub name: f64,
    /// Organisation, availability and expertise on a card.
    pub detail: f64,
    /// Ring labels.
    pub ring_label: f64,
    /// Legend and footer.
    pub body: f64,
    /// The smallest size anything may have; nothing is set smaller.
    pub minimum: f64,
}

impl Default for FontSizes {
    fn default() -> Self {
        FontSizes {
            title: 46.0,
            subtitle: 25.0,
            school: 28.0,
            role: 23.0,
            name: 21.0,
            detail: 19.0,
            ring_label: 23.0,
            body: 21.0,
            minimum: 19.0,
        }
    }
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            width: 1600.0,
            margin: 40.0,
            card_width: 272.0,
            card_padding_x: 12.0,
            card_padding_y: 9.0,
            gap: 18.0,
            ring_gap: 26.0,
            centre_min_radius: 120.0,
            line_height: 1.36,
            photo_size: 84.0,
            fonts: FontSizes::default(),
            compact: false,
        }
    }
}

/// A [`LayoutOptions`] value outside its documented range.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("layout option `{field}` is {value}; it must be a number from {min} to {max}")]
#[non_exhaustive]
pub struct OptionsError {
    /// The field (`card_width`, `fonts.role`).
    pub field: &'static str,
    /// The value given.
    pub value: f64,
    /// The smallest value allowed.
    pub min: f64,
    /// The largest value allowed.
    pub max: f64,
}

impl OptionsError {
    /// The problem as a message of the catalogue.
    pub fn message(&self) -> cirkel_core::Message {
        cirkel_core::msg!(
            "layout.option",
            field = self.field,
            value = self.value,
            min = self.min,
            max = self.max
        )
    }
}

impl LayoutOptions {
    /// Checks every field against its documented range, so that no option
    /// can make the layout loop, allocate without bound or divide by zero.
    pub fn validate(&self) -> Result<(), OptionsError> {
        let f = &self.fonts;
        let card_fonts = f.role.max(f.name).max(f.detail);
        let fields: [(&'static str, f64, f64, f64); 19] = [
            ("width", self.width, 0.0, 30_000.0),
            ("margin", self.margin, 0.0, 1000.0),
            ("card_padding_x", self.card_padding_x, 0.0, 200.0),
            ("card_padding_y", self.card_padding_y, 0.0, 200.0),
            ("gap", self.gap, 0.0, 500.0),
            ("ring_gap", self.ring_gap, 0.0, 2000.0),
            ("centre_min_radius", self.centre_min_radius, 10.0, 2000.0),
            ("line_height", self.line_height, 1.0, 4.0),
            ("fonts.title", f.title, 4.0, 200.0),
            ("fonts.subtitle", f.subtitle, 4.0, 200.0),
            ("fonts.school", f.school, 4.0, 200.0),
            ("fonts.role", f.role, 4.0, 200.0),
            ("fonts.name", f.name, 4.0, 200.0),
            ("fonts.detail", f.detail, 4.0, 200.0),
            ("fonts.ring_label", f.ring_label, 4.0, 200.0),
            ("fonts.body", f.body, 4.0, 200.0),
            ("fonts.minimum", f.minimum, 4.0, 200.0),
            (
                "card_width",
                self.card_width,
                2.0 * self.card_padding_x + 4.0 * card_fonts,
                2000.0,
            ),
            (
                "photo_size",
                self.photo_size,
                1.0,
                (self.card_width - 2.0 * self.card_padding_x).max(1.0),
            ),
        ];
        for (field, value, min, max) in fields {
            if !(value.is_finite() && value >= min && value <= max) {
                return Err(OptionsError {
                    field,
                    value,
                    min,
                    max,
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_bad_values_are_named() {
        assert_eq!(LayoutOptions::default().validate(), Ok(()));
        let bad = |change: fn(&mut LayoutOptions)| {
            let mut o = LayoutOptions::default();
            change(&mut o);
            o.validate().unwrap_err().field
        };
        assert_eq!(bad(|o| o.card_width = 10.0), "card_width");
        assert_eq!(bad(|o| o.gap = f64::NAN), "gap");
        assert_eq!(bad(|o| o.line_height = 0.0), "line_height");
        assert_eq!(bad(|o| o.fonts.minimum = f64::INFINITY), "fonts.minimum");
        assert_eq!(bad(|o| o.width = -1.0), "width");
        assert_eq!(bad(|o| o.photo_size = 1e9), "photo_size");
    }
}
