//! What [`crate::draw`] draws: [`DrawOptions`] and its parts.

use std::path::PathBuf;

use cirkel_core::{Lang, Message, Privacy, msg};
use cirkel_layout::Layout;

use cirkel_render::{MAX_PNG_SIDE, PngEffort, Resolution, Theme};
use cirkel_render::{PRINT_DPI, Paper};

/// The output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Format {
    /// SVG text (real `<text>`, selectable), the default.
    #[default]
    Svg,
    /// PNG pixels.
    Png,
    /// A tagged PDF page (A4 or A3, from [`DrawOptions::size`]), with the
    /// description on the pages after it unless
    /// [`DrawOptions::pdf_description`] is off.
    Pdf,
    /// The circle in words as plain text (`cirkel describe`): alt text, a
    /// screen reader's version, the report's body.
    Text,
    /// The circle in words as Markdown (`cirkel describe --format
    /// markdown`).
    Markdown,
    /// For a school's website: an HTML `<figure>` with the picture (inline
    /// SVG, or the PNG with [`DrawOptions::html_image`]), its caption and
    /// the long description as headings and lists; every id and style rule
    /// its own, so it can be pasted into any page ([`DrawOptions::standalone`]
    /// gives a whole page).
    Html,
}

/// How an HTML figure carries its picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HtmlImage {
    /// Inline SVG (text selectable, sharp at any size), the default.
    #[default]
    Svg,
    /// The PNG as a data URL (for a website that strips SVG).
    Png,
}

impl Format {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Pdf => "pdf",
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }

    /// True for the descriptions in words (no picture is painted).
    pub fn is_words(self) -> bool {
        matches!(self, Format::Text | Format::Markdown)
    }

    /// The format a file name's extension names (case-insensitive).
    pub fn from_extension(name: &str) -> Option<Format> {
        let ext = std::path::Path::new(name)
            .extension()?
            .to_str()?
            .to_ascii_lowercase();
        match ext.as_str() {
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            "pdf" => Some(Format::Pdf),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

/// How wide the picture is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// This many px (100 to 8192).
    Width(u32),
    /// As wide as a page's text column at 300 dpi.
    Paper(Paper),
}

/// The default width in px: a full-page figure in an A4 report, and sharp
/// when a newsletter shows it 800 px wide.
pub const DEFAULT_WIDTH: u32 = 1600;

impl Default for Size {
    fn default() -> Size {
        Size::Width(DEFAULT_WIDTH)
    }
}

/// Which colours to draw with.
#[derive(Debug, Clone, PartialEq)]
pub enum ThemeChoice {
    /// A bundled theme by name (`standaard`, `print`, `contrast`).
    Named(String),
    /// A theme file (JSON; keys left out keep the `standaard` values).
    File(PathBuf),
    /// A theme built in code.
    Custom(Box<Theme>),
}

impl Default for ThemeChoice {
    fn default() -> ThemeChoice {
        ThemeChoice::Named("standaard".into())
    }
}

impl ThemeChoice {
    /// `--theme NAME|FILE`: a file when the text looks like a path (has a
    /// `.`, `/` or `\`), else a bundled name.
    pub fn from_spec(spec: &str) -> ThemeChoice {
        if spec.contains(['.', '/', '\\']) {
            ThemeChoice::File(PathBuf::from(spec))
        } else {
            ThemeChoice::Named(spec.to_string())
        }
    }
}

/// Last year's layout, to keep the circle recognisable.
#[derive(Debug, Clone, PartialEq)]
pub enum Previous {
    /// A layout file written by `cirkel layout`.
    File(PathBuf),
    /// A layout value.
    Layout(Box<Layout>),
}

/// Last year's kernteam, to mark what changed since (`--since`).
#[derive(Debug, Clone, PartialEq)]
pub enum LastTeam {
    /// A file: a kernteam (JSON, a workbook or a CSV of members; of a
    /// workbook of many schools the one [`DrawOptions::school`] names) or
    /// the layout saved from one (`cirkel layout`).
    File(PathBuf),
    /// A kernteam as written (before any privacy level: names decide who
    /// is the same person).
    Kernteam(Box<cirkel_core::Kernteam>),
}

/// How to draw; `Default` does what `cirkel render` does by default.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawOptions {
    /// What to write. Default: SVG.
    pub format: Format,
    /// How wide the picture is. Default: 1600 px. For PDF only the paper
    /// counts (`Size::Paper`; a width gives A4).
    pub size: Size,
    /// Multiplies the width, for high-density screens; 0.25 to 8.
    /// Default: 1.
    pub scale: f64,
    /// The resolution a PNG carries, in dots per inch (10 to 2400).
    /// Default (`None`): 300 × scale with a paper size, otherwise what makes
    /// the picture 17 cm wide (the text column of an A4 page).
    pub dpi: Option<f64>,
    /// Colours. Default: the bundled `standaard` theme.
    pub theme: ThemeChoice,
    /// Language of the text the tool adds (defaults, legend, titles).
    /// Default: Dutch.
    pub lang: Lang,
    /// What personal data the output may hold. Default: everything.
    pub privacy: Privacy,
    /// The id of a route to draw prominently, with its question along its
    /// path; the others are faded. Default: none.
    pub route: Option<String>,
    /// Last year's layout, to keep the circle as it was. Default: none.
    pub previous: Option<Previous>,
    /// The partner list members refer to (`"partner": "ID"`; see
    /// [`crate::load_partners`]). Default: none (a school file may name its
    /// own with `"partners": "FILE"`).
    pub partners: Option<std::sync::Arc<cirkel_core::PartnerList>>,
    /// Last year's kernteam: who is new gets a "nieuw" marker on the card
    /// (explained in the legend), who left and who moved are listed under
    /// the picture and in the description. Default: none.
    pub since: Option<LastTeam>,
    /// SVG only: text as outlines (the same in every viewer; no longer
    /// selectable). Default: false.
    pub text_as_paths: bool,
    /// PNG only: time against file size. Default: balanced.
    pub png_effort: PngEffort,
    /// PDF only: the long description (`describe`) as tagged text on the
    /// pages after the picture. Default: true.
    pub pdf_description: bool,
    /// HTML only: the picture as inline SVG or as a PNG. Default: SVG.
    pub html_image: HtmlImage,
    /// HTML only: a whole page (`<!DOCTYPE html>` … ) instead of a
    /// fragment to paste into one. Default: false.
    pub standalone: bool,
    /// For a workbook of many schools: which school to draw (by its name).
    /// For a CSV of members: the school's name (default: the file's name).
    /// Default: none (a workbook must then hold one school).
    pub school: Option<String>,
}

impl Default for DrawOptions {
    fn default() -> DrawOptions {
        DrawOptions {
            format: Format::default(),
            size: Size::default(),
            scale: 1.0,
            dpi: None,
            theme: ThemeChoice::default(),
            lang: Lang::Nl,
            privacy: Privacy::Full,
            route: None,
            previous: None,
            since: None,
            partners: None,
            text_as_paths: false,
            png_effort: PngEffort::default(),
            pdf_description: true,
            html_image: HtmlImage::Svg,
            standalone: false,
            school: None,
        }
    }
}

/// A [`DrawOptions`] value outside its range, or a theme name that is not
/// bundled.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", .0.text(Lang::En))]
pub struct OptionsError(pub Message);

impl DrawOptions {
    /// The paper of a PDF: the one `size` names, else A4.
    pub fn pdf_paper(&self) -> Paper {
        match self.size {
            Size::Paper(p) => p,
            Size::Width(_) => Paper::A4,
        }
    }

    /// Checks the options and gives the picture's final width in px.
    pub fn final_width(&self) -> Result<u32, OptionsError> {
        if !(self.scale.is_finite() && (0.25..=8.0).contains(&self.scale)) {
            return Err(OptionsError(msg!("options.scale", scale = self.scale)));
        }
        let base = match self.size {
            Size::Width(w) if !(100..=MAX_PNG_SIDE).contains(&w) => {
                return Err(OptionsError(msg!(
                    "options.width",
                    width = w,
                    max = MAX_PNG_SIDE
                )));
            }
            Size::Width(w) => f64::from(w),
            Size::Paper(p) => f64::from(p.width_px()),
        };
        let width = (base * self.scale).round();
        if !(1.0..=f64::from(MAX_PNG_SIDE)).contains(&width) {
            return Err(OptionsError(msg!(
                "options.too-wide",
                width = width,
                max = MAX_PNG_SIDE
            )));
        }
        if let Some(dpi) = self.dpi
            && !(dpi.is_finite() && (10.0..=2400.0).contains(&dpi))
        {
            return Err(OptionsError(msg!("options.dpi", dpi = dpi)));
        }
        if self.route.as_ref().is_some_and(|r| r.is_empty()) {
            return Err(OptionsError(msg!("options.empty-route")));
        }
        Ok(width as u32)
    }

    /// The PNG's resolution: as given, 300 dpi × scale on paper, or what
    /// makes the picture 17 cm wide.
    pub fn resolution(&self) -> Resolution {
        match (self.dpi, self.size) {
            (Some(d), _) => Resolution::Dpi(d),
            (None, Size::Paper(_)) => Resolution::Dpi(PRINT_DPI * self.scale),
            (None, Size::Width(_)) => Resolution::default(),
        }
    }
}
