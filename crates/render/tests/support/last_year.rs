//! The properties the `partners` and `since` fuzz targets check, shared
//! with the corpus replay in `cargo test` (`fuzz_last_year.rs`) by
//! `#[path]`, so the fuzzer and the tests hold the same things.

use cirkel_core::{Kernteam, ParseOptions, Privacy, Since, parse, parse_partners};
use cirkel_layout::{
    LastYear, Layout, LayoutOptions, check_layout, describe_since, last_year_kernteam, layout_since,
};
use cirkel_render::{SvgOptions, Theme, svg_safety_problems, to_svg};
use std::sync::Arc;

/// This year's kernteam for the `since` target: the example school.
pub fn this_year() -> Kernteam {
    let json = include_bytes!("../../../../examples/st-bernardusschool.json");
    parse(json, &ParseOptions::default()).unwrap().kernteam
}

/// A partner list from arbitrary bytes: every problem said in the list's
/// file; a list that reads serves a school that refers to each of its
/// partners (at most 20), which is laid out and drawn.
/// True when the list was read.
pub fn partners_case(data: &[u8]) -> bool {
    let options = ParseOptions::default();
    let files = cirkel_core::NoFiles;
    let list = match parse_partners(data, "lijst.json", &options, &files) {
        Ok((list, _)) => list,
        Err(problems) => {
            assert!(!problems.0.is_empty());
            for d in &problems.0 {
                assert_eq!(d.file.as_deref(), Some("lijst.json"), "{d}");
            }
            return false;
        }
    };
    let members: Vec<serde_json::Value> = list
        .partners
        .iter()
        .take(20)
        .enumerate()
        .map(|(i, p)| serde_json::json!({ "id": format!("lid-{i}"), "partner": p.id }))
        .collect();
    let school = serde_json::json!({ "school": { "name": "Fuzz" }, "members": members });
    let with_list = ParseOptions {
        partners: Some(Arc::new(list)),
        ..ParseOptions::default()
    };
    let Ok(parsed) = parse(&serde_json::to_vec(&school).unwrap(), &with_list) else {
        return true;
    };
    for privacy in [Privacy::Full, Privacy::Roles] {
        draw(&parsed.kernteam.redacted(privacy), &LastYear::default());
    }
    true
}

/// Last year's file from arbitrary bytes, a layout (when it has `nodes`
/// and `centre`) or a kernteam: compared with the example school, laid
/// out, drawn and described. True when it was read.
pub fn since_case(data: &[u8], this: &Kernteam) -> bool {
    let last = if is_layout(data) {
        let Ok(layout) = serde_json::from_slice::<Layout>(data) else {
            return false;
        };
        last_year_kernteam(&layout)
    } else {
        match parse(data, &ParseOptions::default()) {
            Ok(p) => p.kernteam,
            Err(_) => return false,
        }
    };
    for privacy in [Privacy::Full, Privacy::Roles] {
        let since = Since::new(&last, this, privacy);
        let shown = this.redacted(privacy);
        draw(
            &shown,
            &LastYear {
                layout: None,
                since: Some(&since),
            },
        );
        let text = describe_since(
            &shown,
            Some(&since),
            cirkel_layout::DescribeFormat::Markdown,
        );
        assert!(!text.is_empty());
    }
    true
}

fn is_layout(data: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(data)
        .is_ok_and(|o| o.contains_key("nodes") && o.contains_key("centre"))
}

/// Lays out and draws: the quality bars hold, the SVG is safe.
fn draw(k: &Kernteam, last: &LastYear<'_>) {
    let options = LayoutOptions::default();
    let Ok(geometry) = layout_since(k, &options, last) else {
        return;
    };
    let problems = check_layout(&geometry, options.fonts.minimum);
    assert!(problems.is_empty(), "quality bars: {problems:?}");
    let svg = to_svg(&geometry, &Theme::default(), &SvgOptions::default());
    let problems = svg_safety_problems(&svg);
    assert!(problems.is_empty(), "{problems:?}");
}
