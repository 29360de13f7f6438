//! Sizes and spacing of the layout. All magic numbers live here, with
//! `Default` values tuned so that text stays legible when a 1600 px diagram is
//! shown 800 px wide (the smallest text is then about 9.5 px).

/// Options of [`crate::layout`].
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutOptions {
    /// Minimum canvas width; the canvas grows when the circle needs more.
    pub width: f64,
    /// Empty border around everything.
    pub margin: f64,
    /// Width of a member card.
    pub card_width: f64,
    /// Horizontal padding inside a card.
    pub card_padding_x: f64,
    /// Vertical padding inside a card.
    pub card_padding_y: f64,
    /// Smallest gap between two cards, or a card and anything else.
    pub gap: f64,
    /// Extra radial space between rings.
    pub ring_gap: f64,
    /// Smallest radius of the school disc.
    pub centre_min_radius: f64,
    /// Line height as a multiple of the font size.
    pub line_height: f64,
    /// Diameter of a member's round portrait on the card.
    pub photo_size: f64,
    /// Font sizes.
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

/// Font sizes in px at scale 1.
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
            ring_label: 19.0,
            body: 21.0,
            minimum: 19.0,
        }
    }
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            width: 1600.0,
            margin: 48.0,
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
