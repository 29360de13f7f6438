//! What the PNG writers are asked for: how much time to spend, and the
//! resolution's unit.

/// How much time to spend on a small file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PngEffort {
    /// fdeflate on "Up"-filtered rows: the fastest, about 300 KiB for the
    /// example school.
    Fast,
    /// zlib level 2 on unfiltered indices: 176 KiB for the example school,
    /// as small as Graphviz's PNG of it (178 KiB). The default.
    #[default]
    Balanced,
    /// zlib level 9: 160 KiB for the example school, several times the
    /// time of the default (`--optimize`).
    Smallest,
}

/// Pixels per metre for `dpi` (the pHYs chunk's unit).
pub(super) fn metres(dpi: f64) -> u32 {
    (dpi / 0.0254).round().clamp(1.0, f64::from(u32::MAX)) as u32
}
