//! The legibility rule: when the smallest text would be drawn under
//! [`LEGIBLE_PX`] at the output width, cards show role and name only and
//! the canvas hugs the circle (a smaller circle, so everything is drawn
//! larger); below what even that allows, a warning names the width that
//! would do.

use cirkel_core::{Diagnostic, Kernteam, msg};
use cirkel_layout::{LEGIBLE_PX, Layout, LayoutError, LayoutOptions, layout, layout_with_previous};

fn make(k: &Kernteam, o: &LayoutOptions, previous: Option<&Layout>) -> Result<Layout, LayoutError> {
    match previous {
        Some(p) => layout_with_previous(k, o, p),
        None => layout(k, o),
    }
}

/// The layout for a picture `width` px wide, and the warning when even
/// compact cards stay too small to read.
pub(super) fn lay_out(
    k: &Kernteam,
    previous: Option<&Layout>,
    width: f64,
) -> Result<(Layout, Vec<Diagnostic>), LayoutError> {
    let smallest = |l: &Layout| l.min_font_size * width / l.width;
    let full = make(k, &LayoutOptions::default(), previous)?;
    if smallest(&full) >= LEGIBLE_PX {
        return Ok((full, Vec::new()));
    }
    let compact_options = LayoutOptions {
        compact: true,
        // The canvas hugs the circle (no minimum width).
        width: 0.0,
        ..LayoutOptions::default()
    };
    let compact = make(k, &compact_options, previous)?;
    let mut warnings = Vec::new();
    if smallest(&compact) < LEGIBLE_PX {
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
