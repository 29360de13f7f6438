//! Where the time of one school goes: prints the median of each stage over
//! 15 runs. `cargo run --release -p cirkel-render --example stages -- FILE [WIDTH]`
//! (a profiling aid; the benchmarks in `crates/bench` are the reference).

#![allow(missing_docs, clippy::unwrap_used)]

use std::time::Instant;

use cirkel_core::{ParseOptions, parse};
use cirkel_layout::{LayoutOptions, layout};
use cirkel_render::{PngEffort, PngOptions, SvgOptions, Theme, encode_png, to_svg, usvg_options};
use resvg::{tiny_skia, usvg};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut times = Vec::new();
    let mut out = None;
    for _ in 0..runs {
        let t = Instant::now();
        out = Some(f());
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    (median(times), out.unwrap())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let file = args.get(1).expect("usage: stages FILE [WIDTH]");
    let width: f32 = args.get(2).map_or(1600.0, |w| w.parse().unwrap());
    let bytes = std::fs::read(file).unwrap();
    let runs: usize = std::env::var("CIRKEL_STAGES_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(15);
    let (t_parse, k) = time(runs, || {
        parse(&bytes, &ParseOptions::default()).unwrap().kernteam
    });
    let (t_layout, l) = time(runs, || layout(&k, &LayoutOptions::default()).unwrap());
    let (t_svg, svg) = time(runs, || {
        to_svg(&l, &Theme::default(), &SvgOptions::default())
    });
    let opts = usvg_options();
    let (t_usvg, tree) = time(runs, || usvg::Tree::from_str(&svg, &opts).unwrap());
    let scale = width / tree.size().width();
    let height = (tree.size().height() * scale).round() as u32;
    let (t_raster, pixmap) = time(runs, || {
        let mut p = tiny_skia::Pixmap::new(width as u32, height).unwrap();
        resvg::render(
            &tree,
            tiny_skia::Transform::from_scale(scale, scale),
            &mut p.as_mut(),
        );
        p
    });
    let (t_encode, png) = time(runs, || {
        encode_png(&pixmap, &PngOptions::default()).unwrap()
    });
    let (t_optimize, small) = time(runs.min(3), || {
        encode_png(
            &pixmap,
            &PngOptions {
                effort: PngEffort::Smallest,
                ..PngOptions::default()
            },
        )
        .unwrap()
    });
    let (t_skia, rgba) = time(runs.min(3), || pixmap.encode_png().unwrap());
    // The PNG painter (the default since issue 19): paint and encode, then
    // the floor: a canvas of the same size allocated, filled with the same
    // pixels and encoded the same way.
    let (t_painter, painted) = time(runs, || {
        cirkel_render::layout_to_png(
            &l,
            &Theme::default(),
            &SvgOptions::default(),
            width as u32,
            &PngOptions::default(),
        )
        .unwrap()
    });
    let same = tiny_skia::Pixmap::decode_png(&painted).unwrap();
    let (t_floor, _) = time(runs, || {
        let mut p = tiny_skia::Pixmap::new(same.width(), same.height()).unwrap();
        p.data_mut().copy_from_slice(same.data());
        encode_png(&p, &PngOptions::default()).unwrap()
    });
    println!(
        "{file} at {width} px ({} members), medians in ms:",
        k.members.len()
    );
    println!("  parse       {t_parse:8.2}");
    println!("  layout      {t_layout:8.2}");
    println!("  svg         {t_svg:8.2}");
    println!("  usvg parse  {t_usvg:8.2}");
    println!("  rasterise   {t_raster:8.2}");
    println!(
        "  png encode  {t_encode:8.2}  ({} bytes, default)",
        png.len()
    );
    println!("  --optimize  {t_optimize:8.2}  ({} bytes)", small.len());
    println!(
        "  tiny-skia   {t_skia:8.2}  ({} bytes, RGBA default deflate)",
        rgba.len()
    );
    println!(
        "  painter     {t_painter:8.2}  (paint + encode, {} bytes; paint alone ≈ {:.2})",
        painted.len(),
        t_painter - t_floor
    );
    println!("  floor       {t_floor:8.2}  (allocate, fill with the same pixels, encode)");
    println!(
        "  parse + layout + painter = {:.2}, {:.2} × the floor",
        t_parse + t_layout + t_painter,
        (t_parse + t_layout + t_painter) / t_floor
    );
    // Side by side: each round runs the whole path (parse, layout, paint,
    // encode) once and the floor once, so that both see the machine as it
    // is at that moment; the median of the rounds' ratios.
    let mut ratios: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let k = parse(&bytes, &ParseOptions::default()).unwrap().kernteam;
            let l = layout(&k, &LayoutOptions::default()).unwrap();
            let png = cirkel_render::layout_to_png(
                &l,
                &Theme::default(),
                &SvgOptions::default(),
                width as u32,
                &PngOptions::default(),
            )
            .unwrap();
            let whole = t.elapsed().as_secs_f64();
            let t = Instant::now();
            let mut p = tiny_skia::Pixmap::new(same.width(), same.height()).unwrap();
            p.data_mut().copy_from_slice(same.data());
            let floor = encode_png(&p, &PngOptions::default()).unwrap();
            let floor_time = t.elapsed().as_secs_f64();
            // (The floor has no pHYs chunk: a few bytes less.)
            assert!(png.len().abs_diff(floor.len()) < 64);
            whole / floor_time
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    println!(
        "  side by side: {:.2} × the floor (median of {runs} rounds; {:.2}–{:.2})",
        ratios[ratios.len() / 2],
        ratios[0],
        ratios[ratios.len() - 1]
    );
    if std::env::var_os("CIRKEL_STAGES_PARTS").is_some() {
        parts(&l, width);
    }
}

fn runs() -> usize {
    std::env::var("CIRKEL_STAGES_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(9)
}

/// Rasterising cost of each part of the picture: the time saved when it is
/// left out (`CIRKEL_STAGES_PARTS=1`).
#[allow(dead_code)]
pub fn parts(l: &cirkel_layout::Layout, width: f32) {
    let opts = usvg_options();
    let raster = |l: &cirkel_layout::Layout| {
        let svg = to_svg(l, &Theme::default(), &SvgOptions::default());
        let tree = usvg::Tree::from_str(&svg, &opts).unwrap();
        let scale = width / tree.size().width();
        let height = (tree.size().height() * scale).round() as u32;
        time(runs(), || {
            let mut p = tiny_skia::Pixmap::new(width as u32, height).unwrap();
            resvg::render(
                &tree,
                tiny_skia::Transform::from_scale(scale, scale),
                &mut p.as_mut(),
            );
            p
        })
        .0
    };
    let all = if std::env::var_os("CIRKEL_STAGES_ONLY").is_some() {
        0.0
    } else {
        raster(l)
    };
    println!("  rasterise all parts: {all:.2} ms; without:");
    type Strip = Box<dyn Fn(&mut cirkel_layout::Layout)>;
    let variants: Vec<(&str, Strip)> = vec![
        ("ties", Box::new(|l| l.ties.clear())),
        ("routes", Box::new(|l| l.routes.clear())),
        ("sectors", Box::new(|l| l.sectors.clear())),
        (
            "ring lines",
            Box::new(|l| l.rings.iter_mut().for_each(|r| r.tracks.clear())),
        ),
        (
            "card text",
            Box::new(|l| l.nodes.iter_mut().for_each(|n| n.text.clear())),
        ),
        ("cards", Box::new(|l| l.nodes.clear())),
        ("boxes", Box::new(|l| l.boxes.clear())),
        (
            "everything",
            Box::new(|l| {
                l.boxes.clear();
                l.nodes.clear();
                l.sectors.clear();
                l.ties.clear();
                l.routes.clear();
                l.rings.clear();
                l.centre.text.clear();
            }),
        ),
    ];
    let only = std::env::var("CIRKEL_STAGES_ONLY").ok();
    for (name, strip) in variants {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let mut v = l.clone();
        strip(&mut v);
        println!("  {name:12} {:8.2}", all - raster(&v));
    }
}
