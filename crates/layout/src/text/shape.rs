//! Shaping with harfrust and the bundled fonts, cached per thread.
//!
//! Text is shaped once per (text, weight): the layout measures with the
//! shaped run, and the painters that place glyphs themselves (PDF, PNG)
//! take the same run from the cache instead of shaping again. Runs are kept
//! at 1 px (em units), so one run serves every size. The `Layout` carries
//! text, size and weight, not glyphs: its JSON stays font-independent, and
//! any painter gets the same glyphs from [`shape`] because the font and the
//! shaper are the same bytes and the same code everywhere.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::OnceLock;

use harfrust::{FontRef, ShapeOptions, ShaperData, UnicodeBuffer};

use super::{FONT_BOLD, FONT_REGULAR, Weight};

struct Face {
    font: FontRef<'static>,
    data: ShaperData,
    /// Font units per em.
    upem: f64,
}

struct Faces {
    regular: Option<Face>,
    bold: Option<Face>,
}

fn faces() -> &'static Faces {
    static FACES: OnceLock<Faces> = OnceLock::new();
    FACES.get_or_init(|| {
        let load = |bytes: &'static [u8]| {
            FontRef::new(bytes).ok().map(|font| {
                let data = ShaperData::new(&font);
                let upem = f64::from(data.shaper(&font).build().units_per_em().max(1));
                Face { data, font, upem }
            })
        };
        Faces {
            regular: load(FONT_REGULAR),
            bold: load(FONT_BOLD),
        }
    })
}

fn face(weight: Weight) -> Option<&'static Face> {
    let faces = faces();
    match weight {
        Weight::Normal => faces.regular.as_ref(),
        Weight::Bold => faces.bold.as_ref().or(faces.regular.as_ref()),
    }
}

/// One glyph of a shaped run, in em units (multiply by the font size).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    /// Glyph id in the bundled font of the run's weight.
    pub id: u16,
    /// Byte offset in the text of the character(s) this glyph shows.
    pub cluster: u32,
    /// How far the pen moves after this glyph.
    pub x_advance: f64,
    /// Horizontal offset from the pen position.
    pub x_offset: f64,
    /// Vertical offset (up is positive, as in the font).
    pub y_offset: f64,
}

/// A line of text shaped with the bundled font: its glyphs in visual order
/// and its advance width, at 1 px.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ShapedRun {
    /// The glyphs, left to right.
    pub glyphs: Vec<Glyph>,
    /// The total advance, in em.
    pub advance: f64,
}

/// Remembered runs per thread: layout measures the same words many times
/// (wrapping tries prefixes; labels and legend repeat). Emptied when it
/// would grow past this many bytes, runs counted with their text, glyphs
/// and bookkeeping: a long paragraph's runs are large, and a count of
/// entries let a batch's memory grow with its number of schools (20,000
/// entries: 81 MiB for 1,000 schools, 108 MiB for 3,000). 12 MiB holds
/// all of a 200-member school's runs (at 4 MiB its layout took 11 % longer,
/// shaping again what the emptied cache had held).
const CACHE_BYTES: usize = 12 << 20;
/// What a run costs besides its text and glyphs: its slot in the map, the
/// `Rc`, the headers of its allocations.
const ENTRY_BYTES: usize = 128;

/// The remembered runs and their size in bytes.
#[derive(Default)]
struct Runs {
    map: HashMap<(String, Weight), Rc<ShapedRun>>,
    bytes: usize,
}

/// A shape plan and what it was made for.
struct CachedPlan {
    weight: Weight,
    direction: harfrust::Direction,
    script: harfrust::Script,
    language: Option<harfrust::Language>,
    plan: harfrust::ShapePlan,
}

thread_local! {
    static RUNS: RefCell<Runs> = RefCell::new(Runs::default());
    static PLANS: RefCell<Vec<CachedPlan>> = const { RefCell::new(Vec::new()) };
}

/// The shaped run of `text` in `weight` (cached).
pub fn shape(text: &str, weight: Weight) -> Rc<ShapedRun> {
    if text.is_empty() {
        return Rc::new(ShapedRun::default());
    }
    let key = (text.to_string(), weight);
    if let Some(run) = RUNS.with(|c| c.borrow().map.get(&key).cloned()) {
        return run;
    }
    let run = Rc::new(shape_uncached(text, weight));
    RUNS.with(|c| {
        let mut c = c.borrow_mut();
        let bytes = ENTRY_BYTES + text.len() + run.glyphs.len() * std::mem::size_of::<Glyph>();
        if c.bytes + bytes > CACHE_BYTES {
            c.map.clear();
            c.bytes = 0;
        }
        c.bytes += bytes;
        c.map.insert(key, run.clone());
    });
    run
}

/// The advance width of `text` set in one line at `size` px.
pub fn measure(text: &str, weight: Weight, size: f64) -> f64 {
    shape(text, weight).advance * size
}

/// Font units per em of the font of `weight` (1000 where no font loads).
pub(crate) fn units_per_em(weight: Weight) -> f64 {
    face(weight).map_or(1000.0, |f| f.upem)
}

/// The advance of `text` in `weight` in font units: an integer, so the
/// advances of the parts of a line add up exactly to the advance of the
/// line where shaping does not join them (it does not across a space in
/// the bundled fonts).
pub(crate) fn advance_units(text: &str, weight: Weight) -> i64 {
    (shape(text, weight).advance * units_per_em(weight)).round() as i64
}

/// Shapes with a plan made once per weight, script, direction and
/// language (making a plan costs more than shaping a short line).
fn shape_uncached(text: &str, weight: Weight) -> ShapedRun {
    let Some(face) = face(weight) else {
        // Unreachable with the bundled fonts; a generous estimate keeps text inside.
        return ShapedRun {
            glyphs: Vec::new(),
            advance: text.chars().count() as f64 * 0.75,
        };
    };
    let shaper = face.data.shaper(&face.font).build();
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    let (direction, script, language) = (buffer.direction(), buffer.script(), buffer.language());
    let output = PLANS.with(|plans| {
        let mut plans = plans.borrow_mut();
        let found = plans.iter().position(|p| {
            p.weight == weight
                && p.direction == direction
                && p.script == script
                && p.language == language
        });
        let index = match found {
            Some(i) => i,
            None => {
                let plan = harfrust::ShapePlan::new(
                    &shaper,
                    direction,
                    Some(script),
                    language.as_ref(),
                    &[],
                );
                plans.push(CachedPlan {
                    weight,
                    direction,
                    script,
                    language,
                    plan,
                });
                plans.len() - 1
            }
        };
        shaper.shape(buffer, ShapeOptions::new().plan(Some(&plans[index].plan)))
    });
    let upem = face.upem;
    let glyphs: Vec<Glyph> = output
        .glyph_infos()
        .iter()
        .zip(output.glyph_positions())
        .map(|(info, pos)| Glyph {
            id: u16::try_from(info.glyph_id).unwrap_or(0),
            cluster: info.cluster,
            x_advance: f64::from(pos.x_advance) / upem,
            x_offset: f64::from(pos.x_offset) / upem,
            y_offset: f64::from(pos.y_offset) / upem,
        })
        .collect();
    // Summed in font units, as before, so widths do not drift by rounding.
    let advance: i64 = output
        .glyph_positions()
        .iter()
        .map(|p| i64::from(p.x_advance))
        .sum();
    ShapedRun {
        glyphs,
        advance: advance as f64 / upem,
    }
}

/// The characters of `text` that the bundled fonts cannot show (they would
/// be drawn as empty boxes), each once, in order of appearance.
pub fn missing_characters(text: &str) -> Vec<char> {
    let Some(face) = faces().regular.as_ref() else {
        return Vec::new();
    };
    let shaper = face.data.shaper(&face.font).build();
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    let output = shaper.shape(buffer, ShapeOptions::new());
    chars_at(
        text,
        output
            .glyph_infos()
            .iter()
            .filter(|info| info.glyph_id == 0)
            .map(|info| info.cluster as usize)
            .collect(),
    )
}

/// The characters at these byte offsets (glyph clusters), each once, in
/// reading order: glyphs come in visual order (right to left for Arabic),
/// so the clusters are sorted first. Spaces are left out.
fn chars_at(text: &str, mut clusters: Vec<usize>) -> Vec<char> {
    clusters.sort_unstable();
    let mut found: Vec<char> = Vec::new();
    for cluster in clusters {
        if let Some(c) = text.get(cluster..).and_then(|t| t.chars().next())
            && !c.is_whitespace()
            && !found.contains(&c)
        {
            found.push(c);
        }
    }
    found
}

/// The characters of a line set in `weight` that the font cannot show,
/// each once, in reading order; from the cached run (no shaping when the
/// layout measured the line already).
pub fn missing_in_line(text: &str, weight: Weight) -> Vec<char> {
    let run = shape(text, weight);
    chars_at(
        text,
        run.glyphs
            .iter()
            .filter(|g| g.id == 0)
            .map(|g| g.cluster as usize)
            .collect(),
    )
}

/// True when the bundled regular font has a glyph for every character of `text`.
pub fn font_covers(text: &str) -> bool {
    missing_characters(text).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_with_the_font() {
        let w = measure("Leerplichtambtenaar", Weight::Normal, 20.0);
        assert!(w > 150.0 && w < 220.0, "{w}");
        assert!(measure("Leerplichtambtenaar", Weight::Bold, 20.0) > w);
        assert_eq!(measure("", Weight::Normal, 20.0), 0.0);
    }

    #[test]
    fn a_run_holds_its_glyphs_and_their_advances() {
        let run = shape("Kernteam", Weight::Bold);
        assert_eq!(run.glyphs.len(), 8);
        let sum: f64 = run.glyphs.iter().map(|g| g.x_advance).sum();
        assert!((sum - run.advance).abs() < 1e-9);
        assert!(run.glyphs.iter().all(|g| g.id != 0));
        // The same run comes from the cache.
        assert!(Rc::ptr_eq(&run, &shape("Kernteam", Weight::Bold)));
    }

    #[test]
    fn missing_characters_names_what_the_font_lacks() {
        assert_eq!(missing_characters("Anna → Bob"), vec!['→']);
        assert_eq!(missing_characters("مريم"), vec!['م', 'ر', 'ي']);
        assert!(missing_characters("Nguyễn Ærøskøbing").is_empty());
    }

    #[test]
    fn font_covers_dutch_and_the_symbols_we_write() {
        assert!(font_covers("ëïéèöü ĳ · › … – Ærøskøbing Nguyễn"));
        assert!(!font_covers("→"));
    }

    /// Many long runs (25 MB of glyphs) leave the cache within its bytes,
    /// and a run still comes back the same after the cache was emptied.
    #[test]
    fn the_cache_keeps_within_its_bytes() {
        std::thread::spawn(|| {
            let first = shape("Kernteam 0", Weight::Normal);
            let mut most = 0;
            for i in 0..400 {
                let text = format!("{i} {}", "jeugdarts ".repeat(200));
                let run = shape(&text, Weight::Normal);
                assert!(run.glyphs.len() > 2000);
                most = most.max(RUNS.with(|c| c.borrow().bytes));
            }
            assert!(most <= CACHE_BYTES, "{most} bytes");
            assert!(
                most > CACHE_BYTES / 2,
                "{most} bytes: the runs were not kept"
            );
            assert_eq!(*shape("Kernteam 0", Weight::Normal), *first);
        })
        .join()
        .unwrap();
    }
}
