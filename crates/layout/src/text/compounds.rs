//! Dutch compound nouns of the field, split at their seams: a role or an
//! organisation breaks as "Kinder-/bescherming", not "Kinderbe-/scherming".
//! The hyphenation patterns find syllables, not the parts a compound is
//! made of; this short list of the words that make up the field's
//! compounds does (a word is split only when it is made of them entirely).

/// The parts compounds of the field are made of, lowercase (linking `s`
/// included where the compound has it: `gezondheids`).
const PARTS: &[&str] = &[
    "aandachts",
    "advies",
    "ambtenaar",
    "ambulant",
    "anti",
    "arrangement",
    "arrangementen",
    "arts",
    "basis",
    "begeleider",
    "begeleiders",
    "begeleiding",
    "bescherm",
    "bescherming",
    "bureau",
    "buurt",
    "centrum",
    "coach",
    "consulent",
    "coördinator",
    "dienst",
    "expertise",
    "functionaris",
    "fysio",
    "gedrags",
    "gemeente",
    "gezin",
    "gezins",
    "gezondheid",
    "gezondheids",
    "hulp",
    "huis",
    "instelling",
    "jeugd",
    "jongeren",
    "kennis",
    "kinder",
    "kundige",
    "leer",
    "leerling",
    "leerlingen",
    "logopedist",
    "maatschappelijk",
    "mishandeling",
    "onderwijs",
    "ondersteuning",
    "ondersteunings",
    "opvoed",
    "opvoedings",
    "orthopedagoog",
    "passend",
    "persoon",
    "pest",
    "plicht",
    "problematiek",
    "raad",
    "regie",
    "regisseur",
    "samenwerkings",
    "school",
    "schuld",
    "specialist",
    "sport",
    "tafel",
    "team",
    "therapeut",
    "thuis",
    "traject",
    "verband",
    "verlener",
    "verpleeg",
    "vertrouwens",
    "verzuim",
    "welzijn",
    "werk",
    "werker",
    "wijk",
    "zitters",
    "zorg",
    "ziekte",
];

/// The byte offsets (inside `word`) where its compound parts meet, when it
/// is made of known parts entirely (and of at least two); empty otherwise.
/// Of the ways to split it, the one with the fewest parts wins.
pub(super) fn seams(word: &str) -> Vec<usize> {
    let lower = word.to_lowercase();
    // Only when lowercasing keeps the byte offsets (it does for Dutch).
    if lower.len() != word.len() {
        return Vec::new();
    }
    let n = lower.len();
    // best[i]: the fewest parts that make up lower[..i], and the last cut.
    let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0));
    for i in 0..n {
        let Some((count, _)) = best[i] else { continue };
        for part in PARTS {
            let j = i + part.len();
            if j <= n && lower.is_char_boundary(j) && &lower[i..j] == *part {
                let better = best[j].is_none_or(|(c, _)| count + 1 < c);
                if better {
                    best[j] = Some((count + 1, i));
                }
            }
        }
    }
    let Some((count, _)) = best[n] else {
        return Vec::new();
    };
    if count < 2 {
        return Vec::new();
    }
    let mut cuts = Vec::new();
    let mut at = n;
    while let Some((_, from)) = best[at] {
        if from == 0 {
            break;
        }
        cuts.push(from);
        at = from;
    }
    cuts.reverse();
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(word: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut last = 0;
        for c in seams(word) {
            out.push(&word[last..c]);
            last = c;
        }
        out.push(&word[last..]);
        out
    }

    #[test]
    fn compounds_of_the_field_split_at_their_seams() {
        assert_eq!(split("Kinderbescherming"), ["Kinder", "bescherming"]);
        assert_eq!(
            split("jeugdgezondheidszorg"),
            ["jeugd", "gezondheids", "zorg"]
        );
        assert_eq!(
            split("Leerplichtambtenaar"),
            ["Leer", "plicht", "ambtenaar"]
        );
        assert_eq!(split("verpleegkundige"), ["verpleeg", "kundige"]);
        assert_eq!(split("Samenwerkingsverband"), ["Samenwerkings", "verband"]);
    }

    #[test]
    fn other_words_are_left_to_the_patterns() {
        assert!(seams("Bernardusschool").is_empty());
        assert!(seams("school").is_empty());
        assert!(seams("Haarlem").is_empty());
    }
}
