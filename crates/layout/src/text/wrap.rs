//! Wrapping text into lines no wider than a measure.
//!
//! Lines are wrapped at spaces; a word wider than the line is broken at a
//! compound seam of the field where one is known (`compounds`), else
//! hyphenated at Dutch (or English) syllable boundaries (hypher), and only
//! a single syllable wider than the whole line is broken between
//! characters. Names (people, the school, places) break only at spaces and
//! at hyphens they have themselves (quality bar 8). Text is never cut off
//! and never overflows.

use super::Style;
use super::compounds::seams;
use super::shape::{advance_units, units_per_em};

/// How words may be broken: hyphenated with a language's patterns, or not
/// at all (names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HyphenLang {
    /// Dutch patterns (and the field's compound seams).
    Dutch,
    /// English patterns.
    English,
    /// A name: breaks only at spaces and at the hyphens it has; a single
    /// word wider than the line is split between characters, without a
    /// hyphen.
    Names,
}

/// A word shorter than this (in characters) is moved to the next line
/// whole rather than hyphenated at the end of a line ("wer-/ker").
const MIN_SPLIT_CHARS: usize = 10;

/// One piece of a word between two break opportunities.
struct Part {
    text: String,
    /// A preferred break follows: a compound seam or the word's own hyphen.
    seam: bool,
}

/// Wraps `text` into lines no wider than `max_width`.
///
/// Every returned line fits, whatever the input: words are hyphenated, and a
/// run of characters without any break opportunity is broken between
/// characters. The words of the result, joined, give back the text (with
/// hyphens added at syllable breaks).
pub fn wrap(text: &str, style: Style, max_width: f64, lang: HyphenLang) -> Vec<String> {
    let quick = Meter::new(style, max_width, false);
    let lines = wrap_with(text, &quick, lang);
    // A line taken on its parts' widths is measured whole: were shaping to
    // join two words across a space (no bundled font does), the text is
    // wrapped again measuring every candidate line whole.
    if lines
        .iter()
        .all(|l| l.junctions == 0 || quick.fits(quick.units(&l.text)))
    {
        return lines.into_iter().map(|l| l.text).collect();
    }
    let exact = Meter::new(style, max_width, true);
    wrap_with(text, &exact, lang)
        .into_iter()
        .map(|l| l.text)
        .collect()
}

/// What a line may be wider or narrower than the sum of its parts, per
/// place where two parts meet (a space between words), in em: shaping
/// could kern or join across it. The bundled fonts do neither, so a
/// decision on the parts' widths is the decision on the whole line's; a
/// line near the measure is shaped whole all the same.
const JUNCTION_EM: f64 = 0.05;

/// Measures candidate lines against the measure: on the widths of their
/// words where the sum decides (each word is shaped once), else whole
/// (a paragraph's line is not shaped again for each word added to it).
struct Meter {
    style: Style,
    max_width: f64,
    upem: f64,
    /// The advance of a space, in font units.
    space: i64,
    /// Every candidate shaped whole (when the sum has been found wrong).
    exact: bool,
}

/// A line being filled: its text and advance in font units, exact when no
/// parts were joined since it was last shaped whole.
#[derive(Clone)]
struct Line {
    text: String,
    units: i64,
    /// Places where parts measured apart were joined.
    junctions: u32,
}

impl Line {
    /// A line with nothing on it yet.
    fn empty() -> Line {
        Line {
            text: String::new(),
            units: 0,
            junctions: 0,
        }
    }
}

impl Meter {
    fn new(style: Style, max_width: f64, exact: bool) -> Meter {
        Meter {
            style,
            max_width,
            upem: units_per_em(style.weight),
            space: advance_units(" ", style.weight),
            exact,
        }
    }

    fn units(&self, text: &str) -> i64 {
        advance_units(text, self.style.weight)
    }

    /// The width of an advance of `units`, computed exactly as
    /// [`Style::width`] computes the shaped line's.
    fn px(&self, units: i64) -> f64 {
        units as f64 / self.upem * self.style.size
    }

    /// True when an advance of `units` fits.
    fn fits(&self, units: i64) -> bool {
        self.px(units) <= self.max_width
    }

    /// True when an advance of `units` is wider than the measure (not the
    /// same as not fitting for a measure that is not a number).
    fn too_wide(&self, units: i64) -> bool {
        self.px(units) > self.max_width
    }

    /// A line of `text` alone, measured whole.
    fn whole(&self, text: String) -> Line {
        let units = self.units(&text);
        Line {
            text,
            units,
            junctions: 0,
        }
    }

    /// `line + " " + tail` (`tail` alone after an empty line) if it fits.
    fn join(&self, line: &Line, tail: &str) -> Option<Line> {
        if line.text.is_empty() {
            let tail = self.whole(tail.to_string());
            return self.fits(tail.units).then_some(tail);
        }
        let text = || format!("{} {tail}", line.text);
        if !self.exact {
            let units = line.units + self.space + self.units(tail);
            let junctions = line.junctions + 2;
            let slack = (f64::from(junctions) * JUNCTION_EM * self.upem).ceil() as i64;
            if self.fits(units + slack) {
                return Some(Line {
                    text: text(),
                    units,
                    junctions,
                });
            }
            if !self.fits(units - slack) {
                return None;
            }
        }
        let line = self.whole(text());
        self.fits(line.units).then_some(line)
    }
}

fn wrap_with(text: &str, m: &Meter, lang: HyphenLang) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut current = Line::empty();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if let Some(joined) = m.join(&current, word) {
            current = joined;
            continue;
        }
        // Try to put the first syllables of the word on the current line.
        if !current.text.is_empty() {
            let (head, rest) = split_word_to_fit(&current, word, m, lang);
            lines.push(head);
            current = Line::empty();
            let Some(rest) = rest else { continue };
            place_word(&rest, &mut lines, &mut current, m, lang);
            continue;
        }
        place_word(word, &mut lines, &mut current, m, lang);
    }
    if !current.text.is_empty() {
        lines.push(current);
    }
    lines
}

/// Puts `word` on a fresh line, breaking it as often as needed.
fn place_word(word: &str, lines: &mut Vec<Line>, current: &mut Line, m: &Meter, lang: HyphenLang) {
    let mut rest = m.whole(word.to_string());
    // Every turn takes at least one character off; an empty rest is done
    // even where nothing fits (a negative measure).
    while !rest.text.is_empty() && m.too_wide(rest.units) {
        let (head, tail) = split_word_to_fit(&Line::empty(), &rest.text, m, lang);
        match tail {
            Some(tail) if !head.text.is_empty() => {
                lines.push(head);
                rest = m.whole(tail);
            }
            _ => {
                // No syllable break fits: break between characters.
                let (head, tail) = split_chars_to_fit(&rest.text, m);
                lines.push(m.whole(head));
                rest = m.whole(tail);
            }
        }
    }
    *current = rest;
}

/// Splits `word` at a break such that `prefix + " " + head + "-"` fits:
/// the last seam (a compound's or the word's own hyphen) that fits, else
/// the last syllable boundary. Returns the finished line and the rest of
/// the word. If no break fits, returns `prefix` alone and the whole word.
fn split_word_to_fit(
    prefix: &Line,
    word: &str,
    m: &Meter,
    lang: HyphenLang,
) -> (Line, Option<String>) {
    let parts = syllables(word, lang);
    let head_after = |i: usize| {
        let head: String = parts[..=i].iter().map(|p| p.text.as_str()).collect();
        if head.ends_with('-') {
            head
        } else {
            head + "-"
        }
    };
    // The last break that fits, and the last seam that does.
    let mut best: Option<(usize, Line)> = None;
    let mut best_seam: Option<(usize, Line)> = None;
    let breaks = parts.len().saturating_sub(1);
    for (i, part) in parts.iter().enumerate().take(breaks) {
        let Some(line) = m.join(prefix, &head_after(i)) else {
            break;
        };
        if part.seam {
            best_seam = Some((i, line.clone()));
        }
        best = Some((i, line));
    }
    // After other words, a compound breaks at a seam or moves on whole, and
    // a short word moves on whole; a word alone on its line takes the last
    // break that fits.
    let has_seam = parts.iter().take(breaks).any(|p| p.seam);
    let short = word.chars().count() < MIN_SPLIT_CHARS;
    let chosen = if !prefix.text.is_empty() && (has_seam || short) {
        best_seam
    } else {
        best_seam.or(best)
    };
    match chosen {
        Some((i, line)) => {
            let rest: String = parts[i + 1..].iter().map(|p| p.text.as_str()).collect();
            (line, Some(rest))
        }
        None => (prefix.clone(), Some(word.to_string())),
    }
}

/// The break opportunities inside a word: its own hyphens and compound
/// seams (preferred), and syllables (none for names).
fn syllables(word: &str, lang: HyphenLang) -> Vec<Part> {
    let hlang = match lang {
        HyphenLang::Dutch => Some(hypher::Lang::Dutch),
        HyphenLang::English => Some(hypher::Lang::English),
        HyphenLang::Names => None,
    };
    let mut parts = Vec::new();
    let segments: Vec<&str> = word.split('-').collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        let mut pieces: Vec<Part> = Vec::new();
        let compound = if lang == HyphenLang::Dutch {
            seams(segment)
        } else {
            Vec::new()
        };
        let mut from = 0;
        for cut in compound
            .iter()
            .copied()
            .chain(std::iter::once(segment.len()))
        {
            let piece = &segment[from..cut];
            let mut syl: Vec<String> = match hlang {
                Some(h)
                    if piece.chars().all(char::is_alphabetic)
                        && !piece.is_empty()
                        && piece.len() <= 40 =>
                {
                    hypher::hyphenate(piece, h).map(str::to_string).collect()
                }
                _ => vec![piece.to_string()],
            };
            // Do not leave a single letter alone at either end of a break.
            merge_short_ends(&mut syl);
            let n = syl.len();
            for (j, text) in syl.into_iter().enumerate() {
                pieces.push(Part {
                    text,
                    seam: j + 1 == n && cut != segment.len(),
                });
            }
            from = cut;
        }
        if !last && let Some(l) = pieces.last_mut() {
            l.text.push('-');
            l.seam = true;
        }
        parts.extend(pieces.into_iter().filter(|p| !p.text.is_empty()));
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
fn split_chars_to_fit(word: &str, m: &Meter) -> (String, String) {
    let boundaries: Vec<usize> = word
        .char_indices()
        .filter(|(i, c)| *i > 0 && !is_joining(*c))
        .map(|(i, _)| i)
        .chain(std::iter::once(word.len()))
        .collect();
    let mut cut = boundaries[0];
    for &b in &boundaries {
        if m.fits(m.units(&word[..b])) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Weight;

    const BODY: Style = Style {
        weight: Weight::Normal,
        size: 20.0,
    };
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
    fn keeps_existing_hyphens_as_breaks() {
        let lines = wrap("CJG-coach-coördinator", BODY, 110.0, HyphenLang::Dutch);
        assert!(lines[0].ends_with('-'), "{lines:?}");
        for l in &lines {
            assert!(BODY.width(l) <= 110.0, "{l}");
        }
    }

    /// The widths of words add up to the width of the line they make
    /// (across a space, the bundled fonts neither kern nor join): the
    /// premise of measuring a candidate line on its words.
    #[test]
    fn words_add_up_across_a_space() {
        let mut chars: Vec<char> = ('!'..='~').collect();
        chars.extend("éëïöüèàçñøæßĳ€–—‘’“”…·›".chars());
        for weight in [Weight::Normal, Weight::Bold] {
            let space = advance_units(" ", weight);
            for &a in &chars {
                for &b in &chars {
                    let (sa, sb) = (a.to_string(), b.to_string());
                    let joined = advance_units(&format!("{a} {b}"), weight);
                    let parts = advance_units(&sa, weight) + space + advance_units(&sb, weight);
                    assert_eq!(joined, parts, "{a:?} {b:?} {weight:?}");
                }
            }
        }
    }

    /// Wrapping on the words' widths breaks every text exactly where
    /// shaping each candidate line whole does, at every measure.
    #[test]
    fn measuring_words_breaks_where_measuring_lines_does() {
        let texts = [
            "Centrum voor Jeugd en Gezin, jeugdgezondheidszorg en leerplicht: \
             overleg iedere tweede dinsdag van de maand om 8.30 uur in de teamkamer",
            "Ondersteuningsteam · zorgcoördinator · CJG-coach-coördinator · \
             Veilig Thuis (advies en melding) · onderwijsconsulent",
            "W W W W W W W W AV AV To To Ta Ta L' L' 'T 'T",
            "Nguyễn Thị Ærøskøbing-Sørensen van der Berg-de Vries",
        ];
        for text in texts {
            for style in [BODY, Style::bold(13.0), Style::regular(9.5)] {
                for width in (40..=400).step_by(7) {
                    let width = f64::from(width);
                    for lang in [HyphenLang::Dutch, HyphenLang::English, HyphenLang::Names] {
                        let quick = wrap(text, style, width, lang);
                        let exact: Vec<String> =
                            wrap_with(text, &Meter::new(style, width, true), lang)
                                .into_iter()
                                .map(|l| l.text)
                                .collect();
                        assert_eq!(quick, exact, "{text:?} at {width} px");
                        assert!(quick.iter().all(|l| style.width(l) <= width));
                    }
                }
            }
        }
    }

    /// Odd measures (none, negative, not a number, infinite) wrap as the
    /// exact way does, and every line still comes back.
    #[test]
    fn odd_measures_wrap_as_the_exact_way_does() {
        let text = "Centrum voor Jeugd en Gezin jeugdgezondheidszorg";
        for width in [0.0, -5.0, f64::NAN, f64::INFINITY, 1e-9] {
            let quick = wrap(text, BODY, width, HyphenLang::Dutch);
            let exact: Vec<String> =
                wrap_with(text, &Meter::new(BODY, width, true), HyphenLang::Dutch)
                    .into_iter()
                    .map(|l| l.text)
                    .collect();
            assert_eq!(quick, exact, "{width}");
            assert_eq!(
                quick.concat().replace(['-', ' '], ""),
                text.replace(' ', "")
            );
        }
    }
}
