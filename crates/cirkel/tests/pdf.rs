//! The PDF: it parses (`qpdf --check`), its text (`pdftotext`) holds every
//! member's role and name and nothing the privacy level drops, its fonts
//! are embedded subsets with ToUnicode, it is tagged (structure tree,
//! Figure with alt text, `Lang`, title), the same input gives the same
//! bytes, and its picture agrees with the SVG painter's (the same layout
//! through resvg) within a small per-pixel tolerance.
//!
//! `qpdf` and poppler's `pdftotext`/`pdftoppm`/`pdfinfo` are tools outside
//! Cargo: without them these tests say so and skip, except under `CI=true`
//! where they are required (`.ci/run` installs them).

#![allow(missing_docs, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use cirkel::resvg::tiny_skia::Pixmap;
use cirkel::{
    DrawOptions, Format, Paper, PdfOptions, Size, SvgOptions, Theme, draw_file, page_fit,
    svg_to_png, to_pdf, to_svg,
};
use cirkel_core::{Lang, ParseOptions, Privacy, parse};

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name)
}

const EXAMPLES: [&str; 3] = [
    "st-bernardusschool.json",
    "obs-de-klimop.json",
    "brede-school-de-horizon.json",
];

/// The tool, or `None` (with a message) where it is missing outside CI.
fn tool(name: &str) -> Option<&str> {
    let found = Command::new(name).arg("-v").output().is_ok()
        || Command::new(name).arg("--version").output().is_ok();
    if found {
        return Some(name);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{name} is required under CI=true (apt-get install qpdf poppler-utils)"
    );
    eprintln!("skipped: {name} is not installed (apt-get install qpdf poppler-utils)");
    None
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pdf");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn pdf_of(json: &Path, privacy: Privacy, lang: Lang) -> Vec<u8> {
    let options = DrawOptions {
        format: Format::Pdf,
        privacy,
        lang,
        ..DrawOptions::default()
    };
    let drawing = draw_file(json, &options).unwrap();
    assert!(drawing.bytes.starts_with(b"%PDF-1.7"));
    drawing.bytes
}

fn text_of(pdf: &[u8], name: &str) -> Option<String> {
    let pdftotext = tool("pdftotext")?;
    let path = scratch(name);
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new(pdftotext)
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap())
}

/// Letters and digits only: line breaks and hyphens at them do not count.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn kernteam(json: &Path) -> cirkel_core::Kernteam {
    let bytes = std::fs::read(json).unwrap();
    let options = ParseOptions {
        base_dir: json.parent().map(Path::to_path_buf),
        ..ParseOptions::default()
    };
    parse(&bytes, &options).unwrap().kernteam
}

#[test]
fn the_pdf_parses() {
    let Some(qpdf) = tool("qpdf") else { return };
    for name in EXAMPLES {
        for paper in [Paper::A4, Paper::A3] {
            let options = DrawOptions {
                format: Format::Pdf,
                size: Size::Paper(paper),
                ..DrawOptions::default()
            };
            let pdf = draw_file(&example(name), &options).unwrap().bytes;
            let path = scratch(&format!("{name}.{paper:?}.pdf"));
            std::fs::write(&path, &pdf).unwrap();
            let out = Command::new(qpdf)
                .arg("--check")
                .arg(&path)
                .output()
                .unwrap();
            let said = String::from_utf8_lossy(&out.stdout);
            assert!(
                out.status.success() && said.contains("No syntax or stream encoding errors"),
                "{name}: {said}{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

#[test]
fn the_text_holds_every_role_and_name_and_nothing_the_privacy_level_drops() {
    for name in EXAMPLES {
        let k = kernteam(&example(name));
        for privacy in [Privacy::Full, Privacy::Names, Privacy::Roles] {
            let pdf = pdf_of(&example(name), privacy, Lang::Nl);
            let Some(text) = text_of(&pdf, &format!("{name}.{privacy:?}.pdf")) else {
                return;
            };
            let text = squash(&text);
            for m in &k.members {
                assert!(
                    text.contains(&squash(&m.role)),
                    "{name}: role {} missing",
                    m.role
                );
                if let Some(n) = &m.name {
                    assert_eq!(
                        text.contains(&squash(n)),
                        privacy != Privacy::Roles,
                        "{name} {privacy:?}: name {n}"
                    );
                }
                for e in &m.expertise {
                    assert!(text.contains(&squash(e)), "{name}: expertise {e} missing");
                }
                let c = &m.contact;
                for data in [&c.email, &c.phone, &c.website].into_iter().flatten() {
                    let kept = privacy == Privacy::Full;
                    assert_eq!(
                        text.contains(&squash(data)),
                        kept,
                        "{name} {privacy:?}: contact {data}"
                    );
                    // Not in the link annotations or anywhere else either.
                    if !kept {
                        let raw = String::from_utf8_lossy(&pdf);
                        assert!(
                            !raw.contains(data.as_str()),
                            "{name} {privacy:?}: {data} in the bytes"
                        );
                    }
                }
            }
            for r in &k.routes {
                assert!(
                    text.contains(&squash(&r.question)),
                    "{name}: route {}",
                    r.question
                );
            }
        }
    }
}

#[test]
fn fonts_are_embedded_subsets_and_the_document_is_tagged() {
    for (lang, tag) in [(Lang::Nl, "nl"), (Lang::En, "en")] {
        let pdf = pdf_of(&example("st-bernardusschool.json"), Privacy::Full, lang);
        let raw = String::from_utf8_lossy(&pdf);
        assert!(raw.contains("/StructTreeRoot"));
        assert!(raw.contains("/MarkInfo"));
        assert!(raw.contains(&format!("/Lang({tag})")), "Lang {tag}");
        assert!(raw.contains("/S/Figure"));
        assert!(raw.contains("/Alt"));
        assert!(raw.contains("/DisplayDocTitle true"));
        assert!(raw.contains("<pdfuaid:part>1</pdfuaid:part>"));
        assert!(raw.contains("St. Bernardusschool"), "title in the metadata");
        assert_eq!(
            raw.matches("/FontFile2").count(),
            2,
            "regular and bold embedded"
        );
        assert_eq!(raw.matches("/ToUnicode").count(), 2);
        // A subset's name carries a six-letter tag.
        let subsets = raw
            .match_indices("+NotoSans-")
            .filter(|(i, _)| {
                raw[..*i]
                    .chars()
                    .rev()
                    .take(6)
                    .all(|c| c.is_ascii_uppercase())
            })
            .count();
        assert!(subsets >= 2, "font subsets");
        assert!(!raw.contains("/CreationDate") && !raw.contains("/ModDate"));
    }
    if let Some(pdfinfo) = tool("pdfinfo") {
        let pdf = pdf_of(&example("st-bernardusschool.json"), Privacy::Full, Lang::Nl);
        let path = scratch("struct.pdf");
        std::fs::write(&path, &pdf).unwrap();
        let out = Command::new(pdfinfo)
            .arg("-struct")
            .arg(&path)
            .output()
            .unwrap();
        let tree = String::from_utf8_lossy(&out.stdout);
        // Figure first, then the description's headings and lists in order.
        let order = [
            "Figure",
            "Link",
            "H1",
            "H2 \"Ring 1: In de school\"",
            "L (block)",
            "LI",
            "LBody",
        ];
        let mut at = 0;
        for what in order {
            let found = tree[at..]
                .find(what)
                .unwrap_or_else(|| panic!("{what} not after {at}: {tree}"));
            at += found;
        }
        let routes = tree.find("Routes").unwrap();
        let ring3 = tree.find("Ring 3").unwrap();
        assert!(ring3 < routes, "rings before routes");
    }
}

#[test]
fn same_input_same_bytes_and_the_description_can_be_left_out() {
    let json = example("obs-de-klimop.json");
    let a = pdf_of(&json, Privacy::Full, Lang::Nl);
    let b = pdf_of(&json, Privacy::Full, Lang::Nl);
    assert!(a == b, "two runs differ");
    let pages = |pdf: &[u8]| {
        let raw = String::from_utf8_lossy(pdf);
        raw.matches("/Type/Page").count() - raw.matches("/Type/Pages").count()
    };
    let short = draw_file(
        &json,
        &DrawOptions {
            format: Format::Pdf,
            pdf_description: false,
            ..DrawOptions::default()
        },
    )
    .unwrap()
    .bytes;
    assert!(short.len() < a.len());
    assert_eq!(pages(&short), 1);
    assert!(pages(&a) >= 2, "the description follows the picture");
    // The photos are embedded as images.
    assert!(String::from_utf8_lossy(&a).contains("/Subtype/Image"));
}

/// The PDF painter and the SVG painter draw the same layout alike: the
/// page rendered by poppler, cropped to the picture, against resvg's PNG of
/// the SVG at the same size.
#[test]
fn the_pdf_picture_agrees_with_the_svg() {
    let Some(pdftoppm) = tool("pdftoppm") else {
        return;
    };
    for (name, theme, route) in [
        ("st-bernardusschool.json", "standaard", None),
        ("st-bernardusschool.json", "print", Some("verzuim")),
        ("obs-de-klimop.json", "contrast", None),
        ("brede-school-de-horizon.json", "standaard", None),
    ] {
        let k = kernteam(&example(name));
        let layout = cirkel_layout::layout(&k, &cirkel_layout::LayoutOptions::default()).unwrap();
        let theme_value = Theme::bundled(theme).unwrap();
        let photos: std::collections::BTreeMap<_, _> = k
            .members
            .iter()
            .filter_map(|m| Some((m.id.clone(), m.photo.clone()?)))
            .collect();
        let pdf = to_pdf(
            &layout,
            &theme_value,
            &PdfOptions {
                highlight: route.map(str::to_string),
                photos: photos.clone(),
                ..PdfOptions::default()
            },
        )
        .unwrap();
        let fit = page_fit(&layout, Paper::A4);
        // Render so that the picture is 900 px wide.
        let picture_px = 900.0;
        let dpi = picture_px / (layout.width * fit.scale) * 72.0;
        let path = scratch(&format!("agree-{name}-{theme}.pdf"));
        std::fs::write(&path, &pdf).unwrap();
        let stem = scratch(&format!("agree-{}-{theme}", name.trim_end_matches(".json")));
        let ok = Command::new(pdftoppm)
            .args(["-png", "-singlefile", "-r"])
            .arg(format!("{dpi:.4}"))
            .arg(&path)
            .arg(&stem)
            .status()
            .unwrap();
        assert!(ok.success());
        let page = Pixmap::load_png(stem.with_extension("png")).unwrap();
        let svg = to_svg(
            &layout,
            &theme_value,
            &SvgOptions {
                width: Some(picture_px),
                highlight: route.map(str::to_string),
                photos,
                ..SvgOptions::default()
            },
        );
        let png = svg_to_png(&svg, picture_px as u32).unwrap();
        let reference = Pixmap::decode_png(&png).unwrap();
        let k = dpi / 72.0;
        let offset = ((fit.dx * k).round() as i64, (fit.dy * k).round() as i64);
        let (share, diff) = compare(&reference, &page, offset);
        if share > TOLERANCE {
            let out = scratch(&format!(
                "agree-{}-{theme}.diff.png",
                name.trim_end_matches(".json")
            ));
            diff.save_png(&out).unwrap();
            panic!(
                "{name} ({theme}): {:.2}% of 4×4 blocks differ clearly; diff in {}",
                share * 100.0,
                out.display()
            );
        }
        eprintln!(
            "{name} ({theme}): {:.2}% of 4×4 blocks differ clearly",
            share * 100.0
        );
        if route.is_some() {
            // The comparison can fail: the same page against the picture
            // without the highlighted route differs.
            let plain = to_svg(
                &layout,
                &theme_value,
                &SvgOptions {
                    width: Some(picture_px),
                    ..SvgOptions::default()
                },
            );
            let plain =
                Pixmap::decode_png(&svg_to_png(&plain, picture_px as u32).unwrap()).unwrap();
            let (other, _) = compare(&plain, &page, offset);
            assert!(
                other > TOLERANCE,
                "a different picture passed ({:.2}%)",
                other * 100.0
            );
        }
    }
}

/// Most blocks that may differ: text is anti-aliased differently by poppler
/// and resvg (about 0.1%), and hatches meet the pixel grid at another phase
/// (the print theme's cross-hatch, about 1%).
const TOLERANCE: f64 = 0.015;

/// Share of 4×4 blocks of the picture that differ clearly (more than 40
/// in a channel, averaged over the block, which evens out how the two
/// rasterisers anti-alias text) between the reference and the page at
/// `offset`; and the reference with those blocks marked red.
fn compare(reference: &Pixmap, page: &Pixmap, (ox, oy): (i64, i64)) -> (f64, Pixmap) {
    const B: u32 = 4;
    let mut diff = reference.clone();
    let (mut differ, mut total) = (0usize, 0usize);
    let at = |p: &Pixmap, x: i64, y: i64| -> Option<[f64; 3]> {
        if x < 0 || y < 0 || x >= i64::from(p.width()) || y >= i64::from(p.height()) {
            return None;
        }
        let c = p.pixel(x as u32, y as u32)?.demultiply();
        Some([
            f64::from(c.red()),
            f64::from(c.green()),
            f64::from(c.blue()),
        ])
    };
    for by in 0..reference.height() / B {
        for bx in 0..reference.width() / B {
            let (mut a, mut b, mut n) = ([0.0; 3], [0.0; 3], 0.0);
            for y in by * B..by * B + B {
                for x in bx * B..bx * B + B {
                    let (Some(pa), Some(pb)) = (
                        at(reference, i64::from(x), i64::from(y)),
                        at(page, i64::from(x) + ox, i64::from(y) + oy),
                    ) else {
                        continue;
                    };
                    for c in 0..3 {
                        a[c] += pa[c];
                        b[c] += pb[c];
                    }
                    n += 1.0;
                }
            }
            if n == 0.0 {
                continue;
            }
            total += 1;
            if (0..3).any(|c| (a[c] - b[c]).abs() / n > 40.0) {
                differ += 1;
                for y in by * B..by * B + B {
                    for x in bx * B..bx * B + B {
                        let i = (y * reference.width() + x) as usize * 4;
                        diff.data_mut()[i..i + 4].copy_from_slice(&[255, 0, 0, 255]);
                    }
                }
            }
        }
    }
    (differ as f64 / total.max(1) as f64, diff)
}

/// Descriptions a library caller builds by hand, with text the font cannot
/// draw: every drawn piece still lands in the structure tree once (krilla
/// would panic otherwise), and the PDF is written.
#[test]
fn hand_built_descriptions_with_undrawable_text_are_written() {
    use cirkel_layout::Block;
    let k = kernteam(&example("obs-de-klimop.json"));
    let layout = cirkel_layout::layout(&k, &cirkel_layout::LayoutOptions::default()).unwrap();
    let blocks = vec![
        Block::Heading {
            level: 1,
            text: String::new(),
        },
        Block::Item("中文".into()),
        Block::Numbered(1, "😀".into()),
        Block::Heading {
            level: 7,
            text: "\u{feff}".into(),
        },
        Block::Paragraph("x".repeat(20_000)),
    ];
    let options = PdfOptions {
        description: Some(blocks),
        ..PdfOptions::default()
    };
    let pdf = to_pdf(&layout, &Theme::default(), &options).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

/// The page turns to landscape for a wide picture, stays portrait for a
/// tall one, and the picture fits inside the margins, centred.
#[test]
fn the_page_turns_to_fit_the_picture() {
    let k = kernteam(&example("obs-de-klimop.json"));
    let mut layout = cirkel_layout::layout(&k, &cirkel_layout::LayoutOptions::default()).unwrap();
    for (w, h, landscape) in [
        (1000.0, 1500.0, false),
        (3000.0, 1200.0, true),
        (1000.0, 1000.0, false),
    ] {
        layout.width = w;
        layout.height = h;
        for paper in [Paper::A4, Paper::A3] {
            let fit = page_fit(&layout, paper);
            assert_eq!(fit.width > fit.height, landscape, "{w}×{h} on {paper:?}");
            let (pw, ph) = (w * fit.scale, h * fit.scale);
            let m = cirkel::PAGE_MARGIN_PT;
            assert!(pw <= fit.width - 2.0 * m + 1e-6 && ph <= fit.height - 2.0 * m + 1e-6);
            assert!((fit.dx * 2.0 + pw - fit.width).abs() < 1e-6, "centred");
        }
    }
}

/// With last year's kernteam (`DrawOptions::since`), the PDF's text says
/// what changed: the "nieuw" markers on the page and the section "Sinds
/// vorig jaar" in the tagged description; at `Privacy::Roles` without the
/// name of anyone who left.
#[test]
fn the_text_says_what_changed_since_last_year() {
    let last = kernteam(&example("vorig-jaar/st-bernardusschool.json"));
    for privacy in [Privacy::Full, Privacy::Roles] {
        let options = DrawOptions {
            format: Format::Pdf,
            privacy,
            since: Some(cirkel::LastTeam::Kernteam(Box::new(last.clone()))),
            ..DrawOptions::default()
        };
        let pdf = draw_file(&example("st-bernardusschool.json"), &options)
            .unwrap()
            .bytes;
        let Some(text) = text_of(&pdf, &format!("since.{privacy:?}.pdf")) else {
            return;
        };
        let flat = squash(&text);
        assert!(flat.matches("nieuw").count() >= 4, "{text}");
        for words in [
            "Sinds vorig jaar",
            "Niet meer in het kernteam",
            "Verschoven",
        ] {
            assert!(flat.contains(&squash(words)), "{words}: {text}");
        }
        let departed = flat.contains(&squash("Fatima el Amrani"));
        assert_eq!(departed, privacy == Privacy::Full, "{privacy:?}");
    }
}
