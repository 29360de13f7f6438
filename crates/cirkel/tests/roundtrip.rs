//! The layout is plain, lossless data (docs/CONTRACTS.md "Library facade"): its
//! JSON round trip gives an equal value, and the quality check and the SVG
//! are the same for the value read back.

#![allow(missing_docs, clippy::unwrap_used)]

use std::path::Path;

use cirkel::{DrawOptions, SvgOptions, Theme, draw_file, to_svg};
use cirkel_layout::{Layout, check_layout};

#[test]
fn a_layout_survives_its_own_json() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    for name in [
        "st-bernardusschool",
        "brede-school-de-horizon",
        "obs-de-klimop",
    ] {
        let l = draw_file(&dir.join(format!("{name}.json")), &DrawOptions::default())
            .unwrap()
            .layout;
        let json = serde_json::to_string_pretty(&l).unwrap();
        let back: Layout = serde_json::from_str(&json).unwrap();
        assert!(back == l, "{name}: the round trip changed the layout");
        assert_eq!(serde_json::to_string_pretty(&back).unwrap(), json, "{name}");
        assert_eq!(check_layout(&back, 19.0), check_layout(&l, 19.0), "{name}");
        assert!(check_layout(&back, 19.0).is_empty(), "{name}");
        let options = SvgOptions::default();
        assert_eq!(
            to_svg(&back, &Theme::default(), &options),
            to_svg(&l, &Theme::default(), &options),
            "{name}"
        );
    }
}
