//! Normalisation: the words of a claim into comparable terms.
//!
//! Steps, in order: diacritics folded (Erdoğan = Erdogan, Kessié = Kessie); British spelling
//! folded to American (favourable, manoeuvre, kilometres, defence, levelled); transliteration
//! variants of names folded (Zelenskyy = Zelensky, Syrskyi = Syrsky); phrases and words of the
//! news lexicon (`data/news_lexicon.txt`) mapped to their group (retook = reclaimed =
//! liberated); stop words dropped (`data/stopwords.txt`); the rest stemmed (Snowball English).

use crate::vocabulary::british_spellings;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// One term of a claim, with what kind of word it came from.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Term {
    /// The term: a stem, a folded name, or a lexicon group as `~group`.
    pub text: String,
    /// Written with a capital inside the text: a name, the strongest kind of anchor.
    pub name: bool,
}

/// Folds accented Latin letters to their base letter.
pub fn fold_diacritics(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => 'A',
        'ç' | 'ć' | 'č' | 'ĉ' => 'c',
        'Ç' | 'Ć' | 'Č' => 'C',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => 'E',
        'ğ' | 'ģ' => 'g',
        'Ğ' => 'G',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'İ' => 'I',
        'ł' | 'ľ' | 'ĺ' => 'l',
        'Ł' => 'L',
        'ñ' | 'ń' | 'ň' => 'n',
        'Ñ' | 'Ń' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => 'O',
        'ř' | 'ŕ' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'Ś' | 'Š' | 'Ş' | 'Ș' => 'S',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' => 'U',
        'ý' | 'ÿ' => 'y',
        'Ý' => 'Y',
        'ž' | 'ź' | 'ż' => 'z',
        'Ž' | 'Ź' | 'Ż' => 'Z',
        '’' | '‘' => '\'',
        _ => c,
    }
}

/// British spellings folded to American ones: whole words from the vocabulary's table
/// (`data/spellings.tsv`), then suffix rules (both sides are folded, so a
/// rule that also touches an unrelated word only has to keep distinct words distinct).
pub fn fold_spelling(word: &str) -> String {
    if let Some(&(_, us)) = british_spellings().iter().find(|(gb, _)| *gb == word) {
        return (*us).to_string();
    }
    let mut w = word.replace("oeu", "eu");
    for (gb, us) in [
        ("ourable", "orable"),
        ("ouring", "oring"),
        ("oured", "ored"),
        ("ourite", "orite"),
        ("ours", "ors"),
        ("our", "or"),
    ] {
        if w.len() >= 6 && w.ends_with(gb) && !w.ends_with("hour") && !w.ends_with("hours") {
            w.truncate(w.len() - gb.len());
            w.push_str(us);
            break;
        }
    }
    for (gb, us) in [
        ("tres", "ters"),
        ("tre", "ter"),
        ("vres", "vers"),
        ("vre", "ver"),
    ] {
        if w.len() >= 5 && w.ends_with(gb) {
            w.truncate(w.len() - gb.len());
            w.push_str(us);
            break;
        }
    }
    for (gb, us) in [
        ("isation", "ization"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ise", "ize"),
        ("yse", "yze"),
        ("ysed", "yzed"),
    ] {
        if w.len() >= 7 && w.ends_with(gb) {
            w.truncate(w.len() - gb.len());
            w.push_str(us);
            break;
        }
    }
    for (gb, us) in [("elled", "eled"), ("elling", "eling"), ("ogue", "og")] {
        if w.len() >= 6 && w.ends_with(gb) {
            w.truncate(w.len() - gb.len());
            w.push_str(us);
            break;
        }
    }
    w
}

/// Transliteration variants of names: Zelenskyy/Zelenskiy/Zelensky, Syrskyi/Syrsky.
pub fn fold_transliteration(name: &str) -> String {
    let mut w = name.replace("yy", "y");
    for ending in ["yi", "iy", "ii", "ij"] {
        if w.len() > 4 && w.ends_with(ending) {
            w.truncate(w.len() - ending.len());
            w.push('y');
            break;
        }
    }
    w
}

fn stopwords() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        include_str!("../../data/stopwords.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect()
    })
}

/// The news lexicon: phrase (as folded lower-case words) -> group name. Longest phrases first
/// when matching, at most as many words as the longest entry.
struct Lexicon {
    phrases: HashMap<String, String>,
    /// For each first word of a phrase, the most words a phrase starting with it can match:
    /// a word that starts none is looked up no further.
    longest_from: HashMap<String, usize>,
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut phrases = HashMap::new();
        let mut longest = 1;
        for line in include_str!("../../data/news_lexicon.txt").lines() {
            let Some((group, entries)) = line.split_once(':') else {
                continue;
            };
            if line.starts_with('#') {
                continue;
            }
            let group = group.trim().to_string();
            for entry in entries.split(',').map(str::trim).filter(|e| !e.is_empty()) {
                let folded: Vec<String> = entry.split_whitespace().map(fold_spelling).collect();
                longest = longest.max(folded.len());
                phrases.insert(folded.join(" "), group.clone());
            }
            phrases.insert(group.clone(), group.clone());
        }
        let mut longest_from: HashMap<String, usize> = HashMap::new();
        for phrase in phrases.keys() {
            let first = phrase.split(' ').next().unwrap_or_default().to_string();
            let reach = longest_from.entry(first).or_default();
            *reach = (*reach).max(phrase.split(' ').count().min(longest));
        }
        Lexicon { phrases, longest_from }
    })
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// A raw word of the text with whether it is capitalised mid-sentence.
struct Word {
    lower: String,
    name: bool,
    /// Written in capitals ("UN", "EU"): an abbreviation the lexicon may spell out.
    acronym: bool,
}

fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut sentence_start = true;
    for raw in text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’')) {
        let raw = raw.trim_matches(|c: char| c == '-' || c == '\'' || c == '’');
        if raw.is_empty() {
            continue;
        }
        let folded: String = raw.chars().map(fold_diacritics).collect();
        let folded = folded.strip_suffix("'s").unwrap_or(&folded).to_string();
        let capital = folded.starts_with(char::is_uppercase);
        let acronym = folded.chars().count() >= 2 && folded.chars().all(|c| c.is_ascii_uppercase());
        let lower = folded.to_lowercase();
        let name = capital && !sentence_start && !stopwords().contains(lower.as_str());
        sentence_start = false;
        // Hyphenated words count as their parts too ("Troost-Ekong" stays whole).
        out.push(Word {
            lower: if name {
                fold_transliteration(&lower)
            } else {
                fold_spelling(&lower)
            },
            name,
            acronym,
        });
    }
    out
}

/// The terms of `text`: lexicon groups, names and stems of content words; figures are added
/// by the caller from the claim's parsed figures.
pub fn terms(text: &str) -> Vec<Term> {
    let ws = words(text);
    let lex = lexicon();
    let mut out = Vec::new();
    let mut i = 0;
    // The words from `i` joined, and where each word ends in it: one string per position.
    let (mut phrase, mut ends) = (String::new(), Vec::new());
    'outer: while i < ws.len() {
        let reach = lex.longest_from.get(ws[i].lower.as_str()).map_or(0, |&n| n.min(ws.len() - i));
        phrase.clear();
        ends.clear();
        for w in &ws[i..i + reach] {
            if !phrase.is_empty() {
                phrase.push(' ');
            }
            phrase.push_str(&w.lower);
            ends.push(phrase.len());
        }
        for n in (1..=reach).rev() {
            if let Some(group) = lex.phrases.get(&phrase[..ends[n - 1]]) {
                if n > 1 || !ws[i].name || ws[i].acronym {
                    out.push(Term {
                        text: format!("~{group}"),
                        name: false,
                    });
                    i += n;
                    continue 'outer;
                }
            }
        }
        let w = &ws[i];
        i += 1;
        if stopwords().contains(w.lower.as_str())
            || w.lower.chars().all(|c| c.is_ascii_digit() || c == '-')
        {
            continue;
        }
        if w.lower.chars().count() < 3 && !w.name {
            continue;
        }
        let stem = if w.name {
            w.lower.clone()
        } else {
            stemmer().stem(&w.lower).into_owned()
        };
        out.push(Term {
            text: stem,
            name: w.name,
        });
        // A hyphenated word also stands for its parts: "counter-offensive" ~ "offensive".
        if w.lower.contains('-') {
            for part in w
                .lower
                .split('-')
                .filter(|p| p.len() >= 4 && !stopwords().contains(p))
            {
                let stem = if w.name {
                    part.to_string()
                } else {
                    stemmer().stem(part).into_owned()
                };
                out.push(Term {
                    text: stem,
                    name: w.name,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        terms(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn folds_spelling_names_and_lexicon() {
        assert_eq!(
            texts("units manoeuvre to favourable positions"),
            texts("units maneuver to favorable positions")
        );
        assert_eq!(
            texts("met Zelenskyy and Syrskyi"),
            texts("met Zelensky and Syrsky")
        );
        assert_eq!(
            texts("forces retook the town"),
            texts("forces liberated the town")
        );
        assert_eq!(texts("met Erdoğan"), texts("met Erdogan"));
        assert_eq!(texts("the UN climate talks"), texts("the U.N. climate talks"));
    }
}
