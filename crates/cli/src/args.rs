//! The drawing options on the command line, shared by `render`, `batch`
//! and `layout`, and how they become the library's [`DrawOptions`].

use cirkel::{DEFAULT_WIDTH, DrawOptions, Format, Paper, PngEffort, Size, ThemeChoice};
use cirkel_core::{Lang, Message, Privacy, msg};
use clap::ValueEnum;

use crate::report::words;

/// How to draw: shared by `render` and `batch`.
#[derive(clap::Args, Clone)]
pub(crate) struct DrawArgs {
    /// Width of the output in px (the height follows). Default: 1600.
    /// Not for PDF.
    #[arg(long, value_parser = clap::value_parser!(u32).range(100..=8192))]
    pub width: Option<u32>,
    /// Multiplies the width, for high-density screens (e.g. 2). Default: 1.
    /// Not for PDF.
    #[arg(long, value_parser = parse_scale)]
    pub scale: Option<f64>,
    /// Size for print: the width of the text column of an A4 (17 cm) or A3
    /// (25.7 cm) page at 300 dpi, with that resolution in the PNG; for PDF
    /// the page (default A4).
    #[arg(long, value_enum, conflicts_with = "width")]
    pub paper: Option<PaperArg>,
    /// Resolution written in the PNG (pHYs), so that word processors place
    /// it at the intended size. Default: the picture is 17 cm wide (the text
    /// column of an A4 page). Not for PDF.
    #[arg(long, value_parser = parse_dpi)]
    pub dpi: Option<f64>,
    /// PDF only: leave out the description (the circle in words, on the
    /// pages after the picture).
    #[arg(long)]
    pub no_description: bool,
    /// Smallest PNG file (slower); by default size and speed are balanced.
    #[arg(long, conflicts_with = "fast_png")]
    pub optimize: bool,
    /// Fastest PNG encoding (larger file), for bulk work.
    #[arg(long)]
    pub fast_png: bool,
    /// Colours: `standaard` (colour-blind safe), `print` (also works in
    /// black and white), `contrast`, or a theme file (JSON; copy one from
    /// assets/themes and change its colours).
    #[arg(long, value_name = "NAME|FILE", default_value = "standaard")]
    pub theme: String,
    /// What personal data the output may hold: `names` drops contact data,
    /// `roles` also personal names and photos (for a public web page).
    #[arg(long, value_enum, default_value_t = PrivacyArg::Full)]
    pub privacy: PrivacyArg,
    /// Draw this route (by its id) prominently, with its question along
    /// its path, and fade the others.
    #[arg(long, value_name = "ID")]
    pub route: Option<String>,
    /// SVG only: turn text into outlines, so the picture is the same in
    /// every viewer (text is then no longer selectable or searchable).
    #[arg(long)]
    pub text_as_paths: bool,
    /// HTML only: the picture inside the figure as inline SVG (default) or
    /// as a PNG (for a website that strips SVG).
    #[arg(long, value_enum, default_value_t = HtmlImageArg::Svg)]
    pub html_image: HtmlImageArg,
    /// HTML only: a whole page to open or print, instead of a fragment to
    /// paste into a website.
    #[arg(long)]
    pub standalone: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum HtmlImageArg {
    Svg,
    Png,
}

impl DrawArgs {
    /// The library's options for these arguments.
    pub fn options(&self, lang: Lang) -> DrawOptions {
        DrawOptions {
            size: size(self.width.unwrap_or(DEFAULT_WIDTH), self.paper),
            scale: self.scale.unwrap_or(1.0),
            dpi: self.dpi,
            theme: ThemeChoice::from_spec(&self.theme),
            lang,
            privacy: self.privacy.into(),
            route: self.route.clone(),
            text_as_paths: self.text_as_paths,
            png_effort: if self.optimize {
                PngEffort::Smallest
            } else if self.fast_png {
                PngEffort::Fast
            } else {
                PngEffort::Balanced
            },
            pdf_description: !self.no_description,
            html_image: match self.html_image {
                HtmlImageArg::Svg => cirkel::HtmlImage::Svg,
                HtmlImageArg::Png => cirkel::HtmlImage::Png,
            },
            standalone: self.standalone,
            partners: crate::report::partners(),
            ..DrawOptions::default()
        }
    }

    /// Refuses the options that do not apply to PDF (`--width`, `--scale`,
    /// `--dpi`, `--text-as-paths`, `--optimize`, `--fast-png`).
    pub fn check_pdf(&self) -> Result<(), Message> {
        let given = [
            (self.width.is_some(), "--width"),
            (self.scale.is_some(), "--scale"),
            (self.dpi.is_some(), "--dpi"),
            (self.text_as_paths, "--text-as-paths"),
            (self.optimize, "--optimize"),
            (self.fast_png, "--fast-png"),
        ];
        match given.iter().find(|(on, _)| *on) {
            Some((_, option)) => Err(msg!("cli.not-for-pdf", option = *option)),
            None => Ok(()),
        }
    }
}

/// The picture's size from `--width` and `--paper`.
pub(crate) fn size(width: u32, paper: Option<PaperArg>) -> Size {
    match paper {
        Some(PaperArg::A4) => Size::Paper(Paper::A4),
        Some(PaperArg::A3) => Size::Paper(Paper::A3),
        None => Size::Width(width),
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum PaperArg {
    A4,
    A3,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum FormatArg {
    Svg,
    Png,
    Pdf,
    /// A figure with its long description for a website.
    Html,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Svg => Format::Svg,
            FormatArg::Png => Format::Png,
            FormatArg::Pdf => Format::Pdf,
            FormatArg::Html => Format::Html,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum BatchFormat {
    Svg,
    Png,
    Pdf,
    /// SVG and PNG.
    Both,
    /// An HTML figure per school, and an `index.html` that lists them.
    Html,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum PrivacyArg {
    Full,
    Names,
    Roles,
}

impl From<PrivacyArg> for Privacy {
    fn from(p: PrivacyArg) -> Privacy {
        match p {
            PrivacyArg::Full => Privacy::Full,
            PrivacyArg::Names => Privacy::Names,
            PrivacyArg::Roles => Privacy::Roles,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum DescribeFormatArg {
    Text,
    Markdown,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum OverviewFormat {
    Text,
    Markdown,
    Xlsx,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum LangArg {
    Nl,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Nl => Lang::Nl,
            LangArg::En => Lang::En,
        }
    }
}

/// A number in `lo..=hi`, or the message `outside` when it is not.
fn number_in(s: &str, lo: f64, hi: f64, outside: Message) -> Result<f64, String> {
    let v: f64 = s
        .replace(',', ".")
        .parse()
        .map_err(|_| words(&msg!("cli.not-a-number", value = s)))?;
    if v.is_finite() && (lo..=hi).contains(&v) {
        Ok(v)
    } else {
        Err(words(&outside))
    }
}

fn parse_scale(s: &str) -> Result<f64, String> {
    number_in(s, 0.25, 8.0, msg!("cli.scale-range"))
}

fn parse_dpi(s: &str) -> Result<f64, String> {
    number_in(s, 10.0, 2400.0, msg!("cli.dpi-range"))
}
