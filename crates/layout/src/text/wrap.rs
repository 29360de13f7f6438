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

/// Splits `word` at a break such that `prefix + " " + head + "-"` fits:
/// the last seam (a compound's or the word's own hyphen) that fits, else
/// the last syllable boundary. Returns the finished line and the rest of
/// the word. If no break fits, returns `prefix` alone and the whole word.
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
    let line_after = |i: usize| {
        let head: String = parts[..=i].iter().map(|p| p.text.as_str()).collect();
        if head.ends_with('-') {
            format!("{lead}{head}")
        } else {
            format!("{lead}{head}-")
        }
    };
    let (mut best, mut best_seam): (Option<usize>, Option<usize>) = (None, None);
    let breaks = parts.len().saturating_sub(1);
    for (i, part) in parts.iter().enumerate().take(breaks) {
        if style.width(&line_after(i)) <= max_width {
            best = Some(i);
            if part.seam {
                best_seam = Some(i);
            }
        } else {
            break;
        }
    }
    // After other words, a compound breaks at a seam or moves on whole, and
    // a short word moves on whole; a word alone on its line takes the last
    // break that fits.
    let has_seam = parts.iter().take(breaks).any(|p| p.seam);
    let short = word.chars().count() < MIN_SPLIT_CHARS;
    let chosen = if !prefix.is_empty() && (has_seam || short) {
        best_seam
    } else {
        best_seam.or(best)
    };
    match chosen {
        Some(i) => {
            let rest: String = parts[i + 1..].iter().map(|p| p.text.as_str()).collect();
            (line_after(i), Some(rest))
        }
        None => (prefix.to_string(), Some(word.to_string())),
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
}
