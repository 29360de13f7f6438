//! The PNG painter (the layout painted straight onto a canvas) and the
//! reference (resvg on the SVG painter's output) agree within a small
//! per-pixel tolerance for every example, theme, route map and a set of
//! generated schools, so the two painters cannot drift. On failure a diff
//! image is written (red where they differ) and its path named.

#![allow(missing_docs, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

#[path = "support/generated.rs"]
mod generated;
use generated::generated;

use cirkel::resvg::tiny_skia::Pixmap;
use cirkel::{DrawOptions, Format, PngOptions, Size, Theme, ThemeChoice, draw, svg_to_png_with};
use cirkel_core::Folder;

/// After both pictures are blurred over 3 × 3 pixels (which evens out
/// anti-aliased edges moved by a fraction of a pixel: glyphs placed at
/// eighths of a pixel, curves flattened a hair apart), a channel this
/// far apart counts as a differing pixel…
const NEAR: u16 = 50;
/// …and at most this share of pixels may differ (a missing card border is
/// about 0.03% of the example's pixels, a wrong colour far more).
const MAX_DIFFERING: f64 = 0.0001;

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// And the mean difference over all channels of all pixels (unblurred) at
/// most this: a colour a little off over a large area shows here.
const MAX_MEAN: f64 = 0.75;

struct Stats {
    differing: usize,
    total: usize,
    worst: u16,
    mean: f64,
}

/// Each channel summed over the pixel's 3 × 3 neighbourhood (edges
/// clamped), divided by 9.
fn blurred(p: &Pixmap) -> Vec<u16> {
    let (w, h) = (p.width() as usize, p.height() as usize);
    let d = p.data();
    let mut out = vec![0u16; w * h * 4];
    for y in 0..h {
        for x in 0..w {
            for c in 0..4 {
                let mut sum = 0u32;
                for dy in [-1i64, 0, 1] {
                    for dx in [-1i64, 0, 1] {
                        let nx = (x as i64 + dx).clamp(0, w as i64 - 1) as usize;
                        let ny = (y as i64 + dy).clamp(0, h as i64 - 1) as usize;
                        sum += u32::from(d[(ny * w + nx) * 4 + c]);
                    }
                }
                out[(y * w + x) * 4 + c] = (sum / 9) as u16;
            }
        }
    }
    out
}

fn compare(a: &Pixmap, b: &Pixmap) -> (Stats, Pixmap) {
    assert_eq!((a.width(), a.height()), (b.width(), b.height()), "sizes");
    let (ba, bb) = (blurred(a), blurred(b));
    let mut diff = Pixmap::new(a.width(), a.height()).unwrap();
    let (mut differing, mut worst) = (0usize, 0u16);
    for (i, pd) in diff.data_mut().chunks_exact_mut(4).enumerate() {
        let d = (0..4)
            .map(|c| ba[i * 4 + c].abs_diff(bb[i * 4 + c]))
            .max()
            .unwrap();
        worst = worst.max(d);
        if d > NEAR {
            differing += 1;
            pd.copy_from_slice(&[255, 0, 0, 255]);
        } else {
            let g = a.data()[i * 4 + 1] / 2 + 127;
            pd.copy_from_slice(&[g, g, g, 255]);
        }
    }
    let total = a.data().len() / 4;
    let sum: u64 = a
        .data()
        .iter()
        .zip(b.data())
        .map(|(x, y)| u64::from(x.abs_diff(*y)))
        .sum();
    let mean = sum as f64 / a.data().len() as f64;
    (
        Stats {
            differing,
            total,
            worst,
            mean,
        },
        diff,
    )
}

fn agree(name: &str, json: &[u8], folder: &Path, options: DrawOptions) -> Option<String> {
    let files = Folder::new(folder);
    let ours = draw(
        json,
        &files,
        &DrawOptions {
            format: Format::Png,
            ..options.clone()
        },
    )
    .unwrap();
    let svg = draw(
        json,
        &files,
        &DrawOptions {
            format: Format::Svg,
            ..options.clone()
        },
    )
    .unwrap();
    let width = match options.size {
        Size::Width(w) => w,
        _ => 1600,
    };
    // As the PNG was made before: the SVG on a canvas filled with the
    // theme's background (no translucent last row where the picture's
    // height is rounded).
    let theme = match &options.theme {
        ThemeChoice::Named(n) => Theme::bundled(n).unwrap(),
        _ => Theme::default(),
    };
    let reference = svg_to_png_with(
        std::str::from_utf8(&svg.bytes).unwrap(),
        width,
        &PngOptions {
            background: Some(theme.background),
            ..PngOptions::default()
        },
    )
    .unwrap();
    let a = Pixmap::decode_png(&ours.bytes).unwrap();
    let b = Pixmap::decode_png(&reference).unwrap();
    let (s, diff) = compare(&a, &b);
    let share = s.differing as f64 / s.total as f64;
    eprintln!(
        "{name}: {:.4}% of pixels differ by more than {NEAR} after a 3 × 3 blur, worst {}, mean {:.3}",
        share * 100.0,
        s.worst,
        s.mean
    );
    (share > MAX_DIFFERING || s.mean > MAX_MEAN).then(|| {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("painters-{name}.diff.png"));
        diff.save_png(&out).unwrap();
        a.save_png(out.with_extension("ours.png")).unwrap();
        b.save_png(out.with_extension("resvg.png")).unwrap();
        format!(
            "{name}: {:.3}% differ (worst {}); diff: {}",
            share * 100.0,
            s.worst,
            out.display()
        )
    })
}

#[test]
fn the_png_painter_agrees_with_resvg_on_the_svg() {
    let mut failures = Vec::new();
    let named = |t: &str| ThemeChoice::Named(t.into());
    for entry in std::fs::read_dir(examples()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".json") || name.ends_with(".layout.json") {
            continue;
        }
        let json = std::fs::read(&path).unwrap();
        let stem = name.trim_end_matches(".json");
        let mut cases = vec![(stem.to_string(), DrawOptions::default())];
        for theme in ["print", "contrast"] {
            cases.push((
                format!("{stem}.{theme}"),
                DrawOptions {
                    theme: named(theme),
                    ..DrawOptions::default()
                },
            ));
        }
        let doc: serde_json::Value = serde_json::from_slice(&json).unwrap();
        if let Some(route) = doc["routes"][0]["id"].as_str() {
            cases.push((
                format!("{stem}.route"),
                DrawOptions {
                    route: Some(route.into()),
                    size: Size::Width(1000),
                    ..DrawOptions::default()
                },
            ));
        }
        cases.push((
            format!("{stem}.small"),
            DrawOptions {
                size: Size::Width(600),
                ..DrawOptions::default()
            },
        ));
        for (case, options) in cases {
            failures.extend(agree(&case, &json, &examples(), options));
        }
    }
    // Generated schools: few and many members, long names, every domain.
    for n in [1usize, 7, 24, 60] {
        let json = generated(n, "");
        failures.extend(agree(
            &format!("generated-{n}"),
            json.as_bytes(),
            &examples(),
            DrawOptions::default(),
        ));
    }
    // Larger than the layout (scale above 1), a character the font lacks
    // (its box, as resvg draws it) and a photo that is not square.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("painters-photos");
    std::fs::create_dir_all(&dir).unwrap();
    let mut wide = Pixmap::new(300, 120).unwrap();
    wide.fill(cirkel::resvg::tiny_skia::Color::from_rgba8(
        200, 80, 40, 255,
    ));
    for x in 0..150usize {
        for y in 0..120usize {
            let i = (y * 300 + x) * 4;
            wide.data_mut()[i..i + 4].copy_from_slice(&[30, 90, 200, 255]);
        }
    }
    wide.save_png(dir.join("breed.png")).unwrap();
    let json = generated(5, "breed.png").replace("Medewerker 1 ", "Medewerker 1 漢字 ");
    failures.extend(agree(
        "generated-photo-missing-glyph",
        json.as_bytes(),
        &dir,
        DrawOptions::default(),
    ));
    failures.extend(agree(
        "generated-4000px",
        generated(9, "breed.png").as_bytes(),
        &dir,
        DrawOptions {
            size: Size::Width(4000),
            ..DrawOptions::default()
        },
    ));
    assert!(
        failures.is_empty(),
        "the painters drift apart:\n{}",
        failures.join("\n")
    );
}
