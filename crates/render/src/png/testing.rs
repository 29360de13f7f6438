//! Measures the exact fillers' tests share: how much black ink a white
//! canvas took, and how far two canvases are apart.

use resvg::tiny_skia::Pixmap;

/// The ink on a canvas painted black on white, pixel by pixel (0–1).
pub(super) fn coverage(p: &Pixmap) -> Vec<f64> {
    p.data()
        .chunks(4)
        .map(|px| f64::from(255 - px[0]) / 255.0)
        .collect()
}

/// All the ink on a canvas painted black on white, in px².
pub(super) fn ink(p: &Pixmap) -> f64 {
    coverage(p).iter().sum()
}

/// The largest and the mean difference of two canvases, channel by channel.
pub(super) fn difference(a: &Pixmap, b: &Pixmap) -> (u8, f64) {
    let diffs: Vec<u8> = a
        .data()
        .iter()
        .zip(b.data())
        .map(|(p, q)| p.abs_diff(*q))
        .collect();
    let worst = diffs.iter().copied().max().unwrap_or(0);
    let mean = diffs.iter().map(|d| f64::from(*d)).sum::<f64>() / diffs.len().max(1) as f64;
    (worst, mean)
}
