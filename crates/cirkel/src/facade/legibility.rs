//! The legibility rule: when the smallest text would be drawn under
//! [`LEGIBLE_PX`] at the output width (on paper: under [`LEGIBLE_PT`]),
//! cards show role and name only and the canvas hugs the circle (a smaller
//! circle, so everything is drawn larger); below what even that allows, a
//! warning names the width (or the paper) that would do.

use cirkel_core::{Diagnostic, Kernteam, msg};
use cirkel_layout::{LEGIBLE_PX, LastYear, Layout, LayoutError, LayoutOptions, layout_since};

use cirkel_render::{Paper, page_fit};

/// The smallest card text on paper, in pt.
pub const LEGIBLE_PT: f64 = 8.0;

/// How much larger the text of compact cards may be set on paper, tried
/// in turn until the smallest text reaches [`LEGIBLE_PT`].
const PAPER_STEPS: [f64; 4] = [1.1, 1.2, 1.35, 1.5];

/// What the picture is drawn on.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Target {
    /// A picture this many px wide.
    Width(f64),
    /// A PDF page.
    Paper(Paper),
}

impl Target {
    /// The smallest text of `l` as drawn on the target (px or pt).
    fn smallest(self, l: &Layout) -> f64 {
        match self {
            Target::Width(w) => l.min_font_size * w / l.width,
            Target::Paper(p) => l.min_font_size * page_fit(l, p).scale,
        }
    }

    fn legible(self) -> f64 {
        match self {
            Target::Width(_) => LEGIBLE_PX,
            Target::Paper(_) => LEGIBLE_PT,
        }
    }
}

fn make(k: &Kernteam, o: &LayoutOptions, last: &LastYear<'_>) -> Result<Layout, LayoutError> {
    layout_since(k, o, last)
}

/// The layout for the target, and the warning when even compact cards
/// stay too small to read.
pub(super) fn lay_out(
    k: &Kernteam,
    previous: &LastYear<'_>,
    target: Target,
) -> Result<(Layout, Vec<Diagnostic>), LayoutError> {
    let smallest = |l: &Layout| target.smallest(l);
    let full = make(k, &LayoutOptions::default(), previous)?;
    if smallest(&full) >= target.legible() {
        return Ok((full, Vec::new()));
    }
    let compact_options = LayoutOptions {
        compact: true,
        // The canvas hugs the circle (no minimum width).
        width: 0.0,
        ..LayoutOptions::default()
    };
    let mut compact = make(k, &compact_options, previous)?;
    // On paper the page's height often binds (legend and footer below the
    // circle): larger card text grows the circle less than it grows the
    // text, so step the cards' text up until it reads.
    if let Target::Paper(_) = target {
        for step in PAPER_STEPS {
            if smallest(&compact) >= LEGIBLE_PT {
                break;
            }
            let f = &compact_options.fonts;
            let larger = LayoutOptions {
                // The subtitle and the school's name at least the larger
                // minimum, so that no text is set below it.
                fonts: cirkel_layout::FontSizes {
                    subtitle: f.subtitle.max(f.minimum * step),
                    school: f.school.max(f.minimum * step),
                    role: f.role * step,
                    name: f.name * step,
                    detail: f.detail * step,
                    ring_label: f.ring_label * step,
                    body: f.body * step,
                    minimum: f.minimum * step,
                    ..f.clone()
                },
                ..compact_options.clone()
            };
            let candidate = make(k, &larger, previous)?;
            if smallest(&candidate) > smallest(&compact) {
                compact = candidate;
            }
        }
    }
    let mut warnings = Vec::new();
    if let Target::Paper(paper) = target
        && smallest(&compact) < LEGIBLE_PT
    {
        let (paper, help) = match paper {
            Paper::A4 => ("A4", msg!("draw.too-small.paper.help")),
            Paper::A3 => ("A3", msg!("draw.too-small.a3.help")),
        };
        warnings.push(
            Diagnostic::warning(
                "",
                msg!("draw.too-small.paper", paper = paper).arg_decimal(
                    "size",
                    smallest(&compact),
                    1,
                ),
            )
            .with_help(help),
        );
    } else if let Target::Width(width) = target
        && smallest(&compact) < LEGIBLE_PX
    {
        let needed = (LEGIBLE_PX * compact.width / compact.min_font_size).ceil();
        warnings.push(
            Diagnostic::warning(
                "",
                msg!("draw.too-small", width = format!("{width:.0}")).arg_decimal(
                    "size",
                    smallest(&compact),
                    1,
                ),
            )
            .with_help(msg!("draw.too-small.help", needed = needed)),
        );
    }
    Ok((compact, warnings))
}
