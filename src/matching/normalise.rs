//! Normalisation: the words of a claim into comparable terms.
//!
//! Steps, in order: diacritics folded (Erdoğan = Erdogan, Kessié = Kessie); British spelling
//! folded to American (favourable, manoeuvre, kilometres, defence, levelled); transliteration
//! variants of names folded (Zelenskyy = Zelensky, Syrskyi = Syrsky); phrases and words of the
//! news lexicon (`data/news_lexicon.txt`) mapped to their group (retook = reclaimed =
//! liberated); stop words dropped (`data/stopwords.txt`); the rest stemmed (Snowball English).

use crate::vocabulary::british_spellings;
use rust_stemmers::{Algorithm, Stemmer};
use std::cell::RefCell;
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

/// Distinct tokens read so far on this thread: news text repeats its words, and reading one
/// (folding, stop words, stemming) costs far more than looking it up. Cleared past
/// [`TOKENS_KEPT`] tokens, so a hostile paste of ever new words holds bounded memory.
#[derive(Default)]
struct Tokens {
    ids: HashMap<String, usize>,
    tokens: Vec<Token>,
    readings: Vec<Reading>,
}

/// How many distinct tokens [`Tokens`] keeps before starting afresh.
const TOKENS_KEPT: usize = 1 << 16;

thread_local! {
    static TOKENS: RefCell<Tokens> = RefCell::new(Tokens::default());
}

/// One distinct token of text (a word between separators, its hyphens and apostrophes trimmed).
struct Token {
    /// Written with a capital first letter.
    capital: bool,
    /// Written in capitals ("UN", "EU"): an abbreviation the lexicon may spell out.
    acronym: bool,
    /// Its lower case is a stop word, so it is no name even when capitalised.
    stop: bool,
    /// Its lower case, diacritics folded and a final "'s" dropped.
    lower: String,
    /// Its reading as a name and as a plain word (indices into [`Tokens::readings`]), each
    /// made on first use.
    as_name: Option<usize>,
    as_word: Option<usize>,
}

/// A token read one way: as a name (transliteration folded) or as a plain word (spelling folded).
struct Reading {
    /// The folded lower-case word the lexicon and the terms read.
    lower: String,
    /// The most words a lexicon phrase starting with this word can have (0: none starts with it).
    reach: usize,
    /// Its terms when no lexicon phrase takes it.
    terms: Vec<Term>,
}

impl Tokens {
    /// The reading of the token `raw` (trimmed, not empty), read as a name when it is
    /// capitalised mid-sentence; also whether it is an acronym.
    fn word(&mut self, raw: &str, sentence_start: bool) -> Word {
        let id = match self.ids.get(raw) {
            Some(&id) => id,
            None => {
                let folded: String = raw.chars().map(fold_diacritics).collect();
                let folded = folded.strip_suffix("'s").unwrap_or(&folded);
                let lower = folded.to_lowercase();
                let token = Token {
                    capital: folded.starts_with(char::is_uppercase),
                    acronym: folded.chars().count() >= 2 && folded.chars().all(|c| c.is_ascii_uppercase()),
                    stop: stopwords().contains(lower.as_str()),
                    lower,
                    as_name: None,
                    as_word: None,
                };
                self.tokens.push(token);
                self.ids.insert(raw.to_string(), self.tokens.len() - 1);
                self.tokens.len() - 1
            }
        };
        let token = &self.tokens[id];
        let name = token.capital && !sentence_start && !token.stop;
        let acronym = token.acronym;
        let known = if name { token.as_name } else { token.as_word };
        let reading = match known {
            Some(reading) => reading,
            None => {
                let lower = if name { fold_transliteration(&token.lower) } else { fold_spelling(&token.lower) };
                let reach = lexicon().longest_from.get(lower.as_str()).copied().unwrap_or(0);
                let terms = word_terms(&lower, name);
                self.readings.push(Reading { lower, reach, terms });
                let reading = self.readings.len() - 1;
                let token = &mut self.tokens[id];
                *if name { &mut token.as_name } else { &mut token.as_word } = Some(reading);
                reading
            }
        };
        Word { reading, name, acronym }
    }
}

/// A word of the text: its reading in [`Tokens`], and how it was written.
struct Word {
    reading: usize,
    /// Capitalised mid-sentence, and no stop word.
    name: bool,
    acronym: bool,
}

fn words(text: &str, tokens: &mut Tokens) -> Vec<Word> {
    let mut out = Vec::new();
    let mut sentence_start = true;
    for raw in text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’')) {
        let raw = raw.trim_matches(|c: char| c == '-' || c == '\'' || c == '’');
        if raw.is_empty() {
            continue;
        }
        out.push(tokens.word(raw, sentence_start));
        sentence_start = false;
    }
    out
}

/// The terms of one word (`lower`, folded) that no lexicon phrase takes: none for a stop word,
/// a number or a short plain word; its stem (a name as it is), and for a hyphenated word its
/// parts' too ("counter-offensive" ~ "offensive"; "Troost-Ekong" stays whole as well).
fn word_terms(lower: &str, name: bool) -> Vec<Term> {
    if stopwords().contains(lower) || lower.chars().all(|c| c.is_ascii_digit() || c == '-') {
        return Vec::new();
    }
    if lower.chars().count() < 3 && !name {
        return Vec::new();
    }
    let stem = |word: &str| if name { word.to_string() } else { stemmer().stem(word).into_owned() };
    let mut out = vec![Term { text: stem(lower), name }];
    if lower.contains('-') {
        for part in lower.split('-').filter(|p| p.len() >= 4 && !stopwords().contains(p)) {
            out.push(Term { text: stem(part), name });
        }
    }
    out
}

/// The terms of `text`: lexicon groups, names and stems of content words; figures are added
/// by the caller from the claim's parsed figures.
pub fn terms(text: &str) -> Vec<Term> {
    TOKENS.with_borrow_mut(|tokens| {
        if tokens.tokens.len() > TOKENS_KEPT {
            *tokens = Tokens::default();
        }
        let ws = words(text, tokens);
        let reading = |w: &Word| &tokens.readings[w.reading];
        let lex = lexicon();
        let mut out = Vec::new();
        let mut i = 0;
        // The words from `i` joined, and where each word ends in it: one string per position.
        let (mut phrase, mut ends) = (String::new(), Vec::new());
        'outer: while i < ws.len() {
            let reach = reading(&ws[i]).reach.min(ws.len() - i);
            phrase.clear();
            ends.clear();
            for w in &ws[i..i + reach] {
                if !phrase.is_empty() {
                    phrase.push(' ');
                }
                phrase.push_str(&reading(w).lower);
                ends.push(phrase.len());
            }
            for n in (1..=reach).rev() {
                if let Some(group) = lex.phrases.get(&phrase[..ends[n - 1]]) {
                    if n > 1 || !ws[i].name || ws[i].acronym {
                        out.push(Term { text: format!("~{group}"), name: false });
                        i += n;
                        continue 'outer;
                    }
                }
            }
            out.extend(reading(&ws[i]).terms.iter().cloned());
            i += 1;
        }
        out
    })
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
