//! No option and no hand-built value makes the library panic, hang or
//! abort (docs/CONTRACTS.md "Library facade"): a table of hostile `DrawOptions`,
//! `LayoutOptions`, `Kernteam` values and layouts, each with the answer it
//! must get. Every call runs under `catch_unwind`, so a panic fails the
//! case by name instead of stopping the table.

#![allow(missing_docs, clippy::unwrap_used)]

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use cirkel::{
    DrawError, DrawOptions, Format, Paper, Previous, Size, SvgOptions, Theme, ThemeChoice, draw,
    layout_to_png, to_svg,
};
use cirkel_core::{Kernteam, NoFiles, ParseOptions, parse};
use cirkel_layout::{
    Layout, LayoutError, LayoutOptions, Path as LayoutPath, check_layout, layout,
    layout_with_previous, sample_path,
};

const SCHOOL: &[u8] = br#"{ "school": { "name": "De Ark" },
  "members": [ { "id": "ib", "role": "intern-begeleider" }, { "id": "cjg", "role": "cjg-coach" } ],
  "routes": [ { "id": "gedrag", "question": "Gedrag", "steps": ["ib", "cjg"] } ] }"#;

fn kernteam() -> Kernteam {
    parse(SCHOOL, &ParseOptions::default()).unwrap().kernteam
}

/// What a case must give.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Want {
    Ok,
    Options,
    Input,
    Io,
    Layout,
}

fn kind(r: &Result<(), DrawError>) -> Want {
    match r {
        Ok(()) => Want::Ok,
        Err(DrawError::Options(_)) => Want::Options,
        Err(DrawError::Input(_)) => Want::Input,
        Err(DrawError::Io { .. }) => Want::Io,
        Err(DrawError::Layout(_)) => Want::Layout,
        Err(e) => panic!("unexpected error kind: {e}"),
    }
}

/// Hostile drawing options, each with the answer it must get.
fn draw_option_cases() -> Vec<(&'static str, DrawOptions, Want)> {
    let mut cases = size_cases();
    cases.extend(other_cases());
    cases
}

/// Sizes, scales and resolutions out of range.
fn size_cases() -> Vec<(&'static str, DrawOptions, Want)> {
    vec![
        ("defaults", DrawOptions::default(), Want::Ok),
        (
            "width 0",
            DrawOptions {
                size: Size::Width(0),
                ..DrawOptions::default()
            },
            Want::Options,
        ),
        (
            "width u32::MAX",
            DrawOptions {
                size: Size::Width(u32::MAX),
                ..DrawOptions::default()
            },
            Want::Options,
        ),
        (
            "scale NaN",
            DrawOptions {
                scale: f64::NAN,
                ..DrawOptions::default()
            },
            Want::Options,
        ),
        (
            "scale 0",
            DrawOptions {
                scale: 0.0,
                ..DrawOptions::default()
            },
            Want::Options,
        ),
        (
            "scale 1e9",
            DrawOptions {
                scale: 1e9,
                ..DrawOptions::default()
            },
            Want::Options,
        ),
        (
            "A3 at scale 8 is past the PNG limit",
            DrawOptions {
                size: Size::Paper(Paper::A3),
                scale: 8.0,
                format: Format::Png,
                ..DrawOptions::default()
            },
            Want::Options,
        ),
        (
            "dpi NaN",
            DrawOptions {
                dpi: Some(f64::NAN),
                ..DrawOptions::default()
            },
            Want::Options,
        ),
        (
            "dpi -1",
            DrawOptions {
                dpi: Some(-1.0),
                ..DrawOptions::default()
            },
            Want::Options,
        ),
        (
            "unknown theme name",
            DrawOptions {
                theme: ThemeChoice::Named("regenboog".into()),
                ..DrawOptions::default()
            },
            Want::Options,
        ),
        (
            "missing theme file",
            DrawOptions {
                theme: ThemeChoice::File(PathBuf::from("/nonexistent/theme.json")),
                ..DrawOptions::default()
            },
            Want::Io,
        ),
    ]
}

/// Themes, previous layouts, routes, text as paths and PDF.
fn other_cases() -> Vec<(&'static str, DrawOptions, Want)> {
    let bad_layout: Layout = {
        let mut l = draw(SCHOOL, &NoFiles, &DrawOptions::default())
            .unwrap()
            .layout;
        for r in &mut l.rings {
            r.radius = f64::NAN;
            r.tracks = vec![1e300, -5.0];
        }
        for s in &mut l.sectors {
            s.start_deg = f64::INFINITY;
        }
        l
    };
    let dir = std::env::temp_dir();
    vec![
        (
            "a folder as theme file",
            DrawOptions {
                theme: ThemeChoice::File(dir.clone()),
                ..DrawOptions::default()
            },
            Want::Io,
        ),
        (
            "/dev/zero as theme file",
            DrawOptions {
                theme: ThemeChoice::File(PathBuf::from("/dev/zero")),
                ..DrawOptions::default()
            },
            Want::Input,
        ),
        (
            "missing previous layout",
            DrawOptions {
                previous: Some(Previous::File(PathBuf::from("/nonexistent/x.layout.json"))),
                ..DrawOptions::default()
            },
            Want::Io,
        ),
        (
            "a previous layout full of NaN",
            DrawOptions {
                previous: Some(Previous::Layout(Box::new(bad_layout))),
                format: Format::Png,
                ..DrawOptions::default()
            },
            Want::Ok,
        ),
        (
            "an empty route id",
            DrawOptions {
                route: Some(String::new()),
                ..DrawOptions::default()
            },
            Want::Options,
        ),
        (
            "an unknown route",
            DrawOptions {
                route: Some("verzuim".into()),
                ..DrawOptions::default()
            },
            Want::Input,
        ),
        (
            "text as paths on a PNG changes nothing",
            DrawOptions {
                text_as_paths: true,
                format: Format::Png,
                ..DrawOptions::default()
            },
            Want::Ok,
        ),
        (
            "smallest width, compact cards",
            DrawOptions {
                size: Size::Width(100),
                format: Format::Png,
                ..DrawOptions::default()
            },
            Want::Ok,
        ),
        (
            "PDF",
            DrawOptions {
                format: Format::Pdf,
                ..DrawOptions::default()
            },
            Want::Ok,
        ),
        (
            "PDF on A3 without the description",
            DrawOptions {
                format: Format::Pdf,
                size: Size::Paper(Paper::A3),
                pdf_description: false,
                ..DrawOptions::default()
            },
            Want::Ok,
        ),
        (
            "PDF at scale NaN",
            DrawOptions {
                format: Format::Pdf,
                scale: f64::NAN,
                ..DrawOptions::default()
            },
            Want::Options,
        ),
    ]
}

#[test]
fn hostile_draw_options_get_errors_not_panics() {
    let cases = draw_option_cases();
    let mut failures = Vec::new();
    for (name, options, want) in cases {
        let got = catch_unwind(AssertUnwindSafe(|| {
            kind(&draw(SCHOOL, &NoFiles, &options).map(|_| ()))
        }));
        match got {
            Ok(got) if got == want => {}
            Ok(got) => failures.push(format!("{name}: got {got:?}, want {want:?}")),
            Err(_) => failures.push(format!("{name}: panicked")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn hostile_layout_options_get_errors_not_panics() {
    let k = kernteam();
    type Change = fn(&mut LayoutOptions);
    let cases: [(&str, Change); 10] = [
        ("card width 10", |o| o.card_width = 10.0),
        ("gap NaN", |o| o.gap = f64::NAN),
        ("line height 0", |o| o.line_height = 0.0),
        ("font size 0", |o| o.fonts.role = 0.0),
        ("minimum font infinite", |o| o.fonts.minimum = f64::INFINITY),
        ("negative width", |o| o.width = -1.0),
        ("margin 1e12", |o| o.margin = 1e12),
        ("centre radius 0", |o| o.centre_min_radius = 0.0),
        ("photo larger than the card", |o| o.photo_size = 1e4),
        ("padding wider than the card", |o| o.card_padding_x = 150.0),
    ];
    let mut failures = Vec::new();
    for (name, change) in cases {
        let mut o = LayoutOptions::default();
        change(&mut o);
        match catch_unwind(AssertUnwindSafe(|| layout(&k, &o))) {
            Ok(Err(LayoutError::Options(_))) => {}
            Ok(other) => failures.push(format!("{name}: {:?}", other.map(|_| ()))),
            Err(_) => failures.push(format!("{name}: panicked")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn hand_built_kernteams_get_errors_not_panics() {
    type Change = fn(&mut Kernteam);
    let cases: [(&str, Change); 10] = [
        ("no rings", |k| k.rings.clear()),
        ("an empty ring label", |k| k.rings[1].label = String::new()),
        ("a blank ring label", |k| k.rings[0].label = "   ".into()),
        ("a ring index past the rings", |k| k.members[0].ring = 99),
        ("an empty school name", |k| k.school.name = String::new()),
        ("a name of 100,000 characters", |k| {
            k.members[0].name = Some("x".repeat(100_000));
        }),
        ("300 members", |k| {
            let m = k.members[0].clone();
            k.members = (0..300)
                .map(|i| cirkel_core::Member {
                    id: format!("m{i}"),
                    ..m.clone()
                })
                .collect();
        }),
        ("a route to nobody", |k| k.routes[0].steps.push("zz".into())),
        ("ten rings", |k| {
            let r = k.rings[0].clone();
            k.rings = (0..10).map(|_| r.clone()).collect();
        }),
        ("100 expertise items", |k| {
            k.members[0].expertise = vec!["x".into(); 100];
        }),
    ];
    let mut failures = Vec::new();
    for (name, change) in cases {
        let mut k = kernteam();
        change(&mut k);
        match catch_unwind(AssertUnwindSafe(|| layout(&k, &LayoutOptions::default()))) {
            Ok(Err(LayoutError::Invalid { .. })) => {}
            Ok(other) => failures.push(format!("{name}: {:?}", other.map(|_| ()))),
            Err(_) => failures.push(format!("{name}: panicked")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn hostile_layout_values_are_painted_or_refused_without_panic() {
    let good = layout(&kernteam(), &LayoutOptions::default()).unwrap();
    let mut huge = good.clone();
    huge.width = 1e12;
    huge.height = f64::NAN;
    huge.nodes[0].x = f64::INFINITY;
    huge.routes[0].legs[0].path = LayoutPath::parse("M0 0 L1e12 0 L-1e12 5").unwrap();
    let result = catch_unwind(AssertUnwindSafe(|| {
        let svg = to_svg(&huge, &Theme::default(), &SvgOptions::default());
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
        let _ = check_layout(&huge, 19.0);
        layout_to_png(
            &huge,
            &Theme::default(),
            &SvgOptions::default(),
            400,
            &Default::default(),
        )
        .is_err()
    }));
    assert_eq!(result.ok(), Some(true), "refused, not a panic");
    // The PDF painter draws it or refuses it; no NaN or infinity gets in.
    let pdf = catch_unwind(AssertUnwindSafe(|| {
        cirkel::to_pdf(&huge, &Theme::default(), &cirkel::PdfOptions::default())
    }));
    match pdf {
        Ok(Ok(bytes)) => {
            let raw = String::from_utf8_lossy(&bytes);
            assert!(
                !raw.contains("NaN") && !raw.contains("inf"),
                "NaN in the PDF"
            );
        }
        Ok(Err(_)) => {}
        Err(_) => panic!("to_pdf panicked"),
    }
    // A previous layout that makes no sense is ignored, not followed.
    let mut previous = good.clone();
    for s in &mut previous.sectors {
        s.end_deg = s.start_deg + 1e9;
    }
    let again = catch_unwind(AssertUnwindSafe(|| {
        layout_with_previous(&kernteam(), &LayoutOptions::default(), &previous).is_ok()
    }));
    assert_eq!(again.ok(), Some(true));
    // Sampling a path is bounded, however long the path.
    let points = catch_unwind(|| sample_path("M0 0 L1e12 0", 1.0).len());
    assert!(points.is_ok_and(|n| n <= cirkel_layout::MAX_SAMPLES + 1));
}
