//! How well a circle uses its space: for each input, the canvas, the
//! smallest text when the picture is shown 800 px wide, how much of the
//! circle the cards fill, and the largest empty disc inside the circle
//! (clear of cards, the school and the edge) as a share of the circle's
//! radius. A circle with a big empty disc wastes room on nothing.
//!
//! `cargo run --release -p cirkel-render --example space -- FILE...`

use std::path::Path;

use cirkel::{DrawOptions, Layout, draw_file};

fn largest_empty_disc(l: &Layout) -> f64 {
    let (cx, cy, r) = (l.centre.x, l.centre.y, l.outer_radius);
    let rects: Vec<_> = l.nodes.iter().map(|n| n.rect()).collect();
    let step = (r / 120.0).max(4.0);
    let mut best = 0.0f64;
    let mut y = cy - r;
    while y <= cy + r {
        let mut x = cx - r;
        while x <= cx + r {
            let d = cirkel_layout::hypot(x - cx, y - cy);
            if d < r && d > l.centre.radius {
                let mut clear = (r - d).min(d - l.centre.radius);
                for rect in &rects {
                    clear = clear.min(rect.distance_to(x, y));
                }
                best = best.max(clear);
            }
            x += step;
        }
        y += step;
    }
    best
}

fn main() {
    println!("file\twidth\theight\tarea_mpx\tsmallest_text_at_800\tcard_fill\tempty_disc_over_r");
    let mut totals = (0.0, 0.0, 0.0, 0usize);
    for arg in std::env::args().skip(1) {
        let drawing = match draw_file(Path::new(&arg), &DrawOptions::default()) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{arg}: {e}");
                continue;
            }
        };
        let l = &drawing.layout;
        let cards: f64 = l.nodes.iter().map(|n| n.width * n.height).sum();
        let disc = std::f64::consts::PI * l.outer_radius * l.outer_radius;
        let fill = cards / disc;
        let empty = largest_empty_disc(l) / l.outer_radius;
        let text = l.min_font_size * 800.0 / l.width;
        println!(
            "{arg}\t{:.0}\t{:.0}\t{:.2}\t{text:.2}\t{fill:.3}\t{empty:.3}",
            l.width,
            l.height,
            l.width * l.height / 1e6
        );
        totals.0 += text;
        totals.1 += fill;
        totals.2 += empty;
        totals.3 += 1;
    }
    if totals.3 > 1 {
        let n = totals.3 as f64;
        println!(
            "mean of {}\t\t\t\t{:.2}\t{:.3}\t{:.3}",
            totals.3,
            totals.0 / n,
            totals.1 / n,
            totals.2 / n
        );
    }
}
