//! Measuring and wrapping text with the bundled font.
//!
//! Widths come from shaping with harfrust, the same shaper (and version) that
//! usvg uses to draw the PNG, so a line that fits here fits in the picture.
//! Lines are wrapped at spaces; a word wider than the line is hyphenated at
//! Dutch (or English) syllable boundaries (hypher), and only a single
//! syllable wider than the whole line is broken between characters.
//! Text is never cut off and never overflows.

use std::sync::OnceLock;

use harfrust::{FontRef, ShapeOptions, ShaperData, UnicodeBuffer};

/// The bundled regular font (Noto Sans, SIL Open Font License; see `assets/fonts`).
pub const FONT_REGULAR: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
/// The bundled bold font.
pub const FONT_BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");
/// The family name of the bundled fonts, as written in the SVG.
pub const FONT_FAMILY: &str = "Noto Sans";

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Weight {
    /// Regular (400).
    Normal,
    /// Bold (700).
    Bold,
}

struct Face {
    font: FontRef<'static>,
    data: ShaperData,
}

struct Faces {
    regular: Option<Face>,
    bold: Option<Face>,
}

fn faces() -> &'static Faces {
    static FACES: OnceLock<Faces> = OnceLock::new();
    FACES.get_or_init(|| {
        let load = |bytes: &'static [u8]| {
            FontRef::new(bytes).ok().map(|font| Face {
                data: ShaperData::new(&font),
                font,
            })
        };
        Faces {
            regular: load(FONT_REGULAR),
            bold: load(FONT_BOLD),
        }
    })
}

/// Remembered widths per thread: layout measures the same words many times
/// (wrapping tries prefixes; the placement search re-measures nothing, but
/// labels and legend repeat). Cleared when it grows past this many entries.
const WIDTH_CACHE_LIMIT: usize = 20_000;

/// A shape plan and what it was made for.
struct CachedPlan {
    weight: Weight,
    direction: harfrust::Direction,
    script: harfrust::Script,
    language: Option<harfrust::Language>,
    plan: harfrust::ShapePlan,
}

thread_local! {
    static WIDTHS: std::cell::RefCell<std::collections::HashMap<(String, Weight), f64>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
    static PLANS: std::cell::RefCell<Vec<CachedPlan>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The advance width of `text` set in one line at `size` px.
pub fn measure(text: &str, weight: Weight, size: f64) -> f64 {
    if text.is_empty() {
        return 0.0;
    }
    // Widths scale with the size: remember them at 1 px.
    let key = (text.to_string(), weight);
    if let Some(w) = WIDTHS.with(|c| c.borrow().get(&key).copied()) {
        return w * size;
    }
    let unit = measure_unit(text, weight);
    WIDTHS.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= WIDTH_CACHE_LIMIT {
            c.clear();
        }
        c.insert(key, unit);
    });
    unit * size
}

/// The advance width of `text` at 1 px, shaped with a plan made once per
/// weight, script, direction and language (making a plan costs more than
/// shaping a short line).
fn measure_unit(text: &str, weight: Weight) -> f64 {
    let faces = faces();
    let face = match weight {
        Weight::Normal => faces.regular.as_ref(),
        Weight::Bold => faces.bold.as_ref().or(faces.regular.as_ref()),
    };
    let Some(face) = face else {
        // Unreachable with the bundled fonts; a generous estimate keeps text inside.
        return text.chars().count() as f64 * 0.75;
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
    let advance: i64 = output
        .glyph_positions()
        .iter()
        .map(|p| i64::from(p.x_advance))
        .sum();
    let upem = f64::from(shaper.units_per_em().max(1));
    advance as f64 / upem
}

/// A way to set text: weight and size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// Regular or bold.
    pub weight: Weight,
    /// Font size in px.
    pub size: f64,
}

impl Style {
    /// Regular weight at `size` px.
    pub const fn regular(size: f64) -> Style {
        Style {
            weight: Weight::Normal,
            size,
        }
    }

    /// Bold at `size` px.
    pub const fn bold(size: f64) -> Style {
        Style {
            weight: Weight::Bold,
            size,
        }
    }

    /// Width of `text` in this style.
    pub fn width(&self, text: &str) -> f64 {
        measure(text, self.weight, self.size)
    }
}

/// The hyphenation language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HyphenLang {
    /// Dutch patterns.
    Dutch,
    /// English patterns.
    English,
}

/// Wraps `text` into lines no wider than `max_width`.
///
/// Every returned line fits, whatever the input: words are hyphenated, and a
/// run of characters without any break opportunity is broken between
/// characters. The words of the result, joined, give back the text (with
/// hyphens added at syllable breaks).
pub fn wrap(text: &str, style: Style, max_width: f64, lang: HyphenLang) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if style.width(&candidate) <= max_width {
            current = candidate;
            continue;
        }
        // Try to put the first syllables of the word on the current line.
        if !current.is_empty() {
            let (head, rest) = split_word_to_fit(&current, word, style, max_width, lang);
            lines.push(head);
            current = String::new();
            let Some(rest) = rest else { continue };
            place_word(&rest, &mut lines, &mut current, style, max_width, lang);
            continue;
        }
        place_word(word, &mut lines, &mut current, style, max_width, lang);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// Puts `word` on a fresh line, breaking it as often as needed.
fn place_word(
    word: &str,
    lines: &mut Vec<String>,
    current: &mut String,
    style: Style,
    max_width: f64,
    lang: HyphenLang,
) {
    let mut rest = word.to_string();
    while style.width(&rest) > max_width {
        let (head, tail) = split_word_to_fit("", &rest, style, max_width, lang);
        match tail {
            Some(tail) if !head.is_empty() => {
                lines.push(head);
                rest = tail;
            }
            _ => {
                // No syllable break fits: break between characters.
                let (head, tail) = split_chars_to_fit(&rest, style, max_width);
                lines.push(head);
                rest = tail;
            }
        }
    }
    *current = rest;
}

/// Splits `word` at the last syllable boundary such that `prefix + " " +
/// head + "-"` fits. Returns the finished line and the rest of the word.
/// If no syllable fits, returns `prefix` alone and the whole word.
fn split_word_to_fit(
    prefix: &str,
    word: &str,
    style: Style,
    max_width: f64,
    lang: HyphenLang,
) -> (String, Option<String>) {
    let parts = syllables(word, lang);
    let lead = if prefix.is_empty() {
        String::new()
    } else {
        format!("{prefix} ")
    };
    let mut best: Option<usize> = None;
    // A break after part i: the line gets parts[..=i] plus a hyphen (unless the
    // part already ends in one). Leave at least two letters on each side.
    for i in 0..parts.len().saturating_sub(1) {
        let head: String = parts[..=i].concat();
        let line = if head.ends_with('-') {
            format!("{lead}{head}")
        } else {
            format!("{lead}{head}-")
        };
        if style.width(&line) <= max_width {
            best = Some(i);
        } else {
            break;
        }
    }
    match best {
        Some(i) => {
            let head: String = parts[..=i].concat();
            let line = if head.ends_with('-') {
                format!("{lead}{head}")
            } else {
                format!("{lead}{head}-")
            };
            (line, Some(parts[i + 1..].concat()))
        }
        None => (prefix.to_string(), Some(word.to_string())),
    }
}

/// The break opportunities inside a word: existing hyphens and syllables.
fn syllables(word: &str, lang: HyphenLang) -> Vec<String> {
    let hlang = match lang {
        HyphenLang::Dutch => hypher::Lang::Dutch,
        HyphenLang::English => hypher::Lang::English,
    };
    let mut parts = Vec::new();
    for (i, segment) in word.split('-').enumerate() {
        let last = i == word.matches('-').count();
        let mut syl: Vec<String> = if segment.chars().all(char::is_alphabetic)
            && !segment.is_empty()
            && segment.len() <= 40
        {
            hypher::hyphenate(segment, hlang)
                .map(str::to_string)
                .collect()
        } else {
            vec![segment.to_string()]
        };
        // Do not leave a single letter alone at either end of a break.
        merge_short_ends(&mut syl);
        if !last && let Some(l) = syl.last_mut() {
            l.push('-');
        }
        parts.extend(syl.into_iter().filter(|s| !s.is_empty()));
    }
    parts
}

fn merge_short_ends(syl: &mut Vec<String>) {
    if syl.len() > 1 && syl[0].chars().count() < 2 {
        let first = syl.remove(0);
        syl[0] = first + &syl[0];
    }
    let n = syl.len();
    if n > 1 && syl[n - 1].chars().count() < 2 {
        let last = syl.pop().unwrap_or_default();
        if let Some(prev) = syl.last_mut() {
            prev.push_str(&last);
        }
    }
}

/// Breaks between characters (never inside a combining sequence): the longest
/// head that fits, at least one cluster.
fn split_chars_to_fit(word: &str, style: Style, max_width: f64) -> (String, String) {
    let boundaries: Vec<usize> = word
        .char_indices()
        .filter(|(i, c)| *i > 0 && !is_joining(*c))
        .map(|(i, _)| i)
        .chain(std::iter::once(word.len()))
        .collect();
    let mut cut = boundaries[0];
    for &b in &boundaries {
        if style.width(&word[..b]) <= max_width {
            cut = b;
        } else {
            break;
        }
    }
    (word[..cut].to_string(), word[cut..].to_string())
}

/// Characters that belong to the previous one: combining marks, joiners,
/// variation selectors, emoji modifiers.
fn is_joining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE00}'..='\u{FE0F}' | '\u{FE20}'..='\u{FE2F}'
        | '\u{200C}' | '\u{200D}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}'
        | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}')
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
    // Glyphs come in visual order (right to left for Arabic): sort by
    // cluster to report the characters in reading order.
    let mut clusters: Vec<usize> = output
        .glyph_infos()
        .iter()
        .filter(|info| info.glyph_id == 0)
        .map(|info| info.cluster as usize)
        .collect();
    clusters.sort_unstable();
    let mut missing: Vec<char> = Vec::new();
    for cluster in clusters {
        if let Some(c) = text.get(cluster..).and_then(|t| t.chars().next())
            && !c.is_whitespace()
            && !missing.contains(&c)
        {
            missing.push(c);
        }
    }
    missing
}

/// True when the bundled regular font has a glyph for every character of `text`.
pub fn font_covers(text: &str) -> bool {
    let Some(face) = faces().regular.as_ref() else {
        return false;
    };
    let shaper = face.data.shaper(&face.font).build();
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    let output = shaper.shape(buffer, ShapeOptions::new());
    output.glyph_infos().iter().all(|g| g.glyph_id != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: Style = Style {
        weight: Weight::Normal,
        size: 20.0,
    };

    #[test]
    fn measures_with_the_font() {
        let w = measure("Leerplichtambtenaar", Weight::Normal, 20.0);
        assert!(w > 150.0 && w < 220.0, "{w}");
        assert!(measure("Leerplichtambtenaar", Weight::Bold, 20.0) > w);
        assert_eq!(measure("", Weight::Normal, 20.0), 0.0);
    }

    #[test]
    fn wraps_at_spaces() {
        let lines = wrap(
            "Centrum voor Jeugd en Gezin",
            BODY,
            160.0,
            HyphenLang::Dutch,
        );
        assert!(lines.len() >= 2, "{lines:?}");
        for l in &lines {
            assert!(BODY.width(l) <= 160.0, "{l}");
        }
        assert_eq!(lines.join(" "), "Centrum voor Jeugd en Gezin");
    }

    #[test]
    fn hyphenates_dutch_compounds() {
        let lines = wrap("jeugdgezondheidszorg", BODY, 120.0, HyphenLang::Dutch);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines[0].ends_with('-'), "{lines:?}");
        for l in &lines {
            assert!(BODY.width(l) <= 120.0, "{l}");
        }
        assert_eq!(lines.concat().replace('-', ""), "jeugdgezondheidszorg");
    }

    #[test]
    fn breaks_unbreakable_runs_between_characters() {
        let word = "x".repeat(80);
        let lines = wrap(&word, BODY, 100.0, HyphenLang::Dutch);
        assert!(lines.len() > 3);
        for l in &lines {
            assert!(BODY.width(l) <= 100.0);
        }
        assert_eq!(lines.concat(), word);
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

    #[test]
    fn keeps_existing_hyphens_as_breaks() {
        let lines = wrap("CJG-coach-coördinator", BODY, 110.0, HyphenLang::Dutch);
        assert!(lines[0].ends_with('-'), "{lines:?}");
        for l in &lines {
            assert!(BODY.width(l) <= 110.0, "{l}");
        }
    }
}
