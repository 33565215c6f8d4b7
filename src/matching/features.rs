//! Features of a claim for matching: weighted terms, figures and speaker.
//!
//! Terms of the claim's own clause weigh their inverse document frequency over all claims
//! (rare words say more), names half as much again; names that only occur elsewhere in the
//! sentence (the subject of a split-off clause, the speaker) count as context, at a third.
//! Each figure adds an anchor term (`#430 count`) so equal figures are shared terms.

use super::{english, normalise};
use crate::claims::{Claim, Figure};
use crate::vocabulary::SUPERLATIVES;
use crate::index_map::IndexMap;
use std::collections::HashMap;

/// Weight of a term that is only in the claim's sentence, not in its clause.
const CONTEXT_WEIGHT: f32 = 0.3;
/// Extra weight of names and figures over plain words.
const NAME_BOOST: f32 = 1.5;
const FIGURE_BOOST: f32 = 1.5;
/// A claim weighs at least one term found in this many claims: a clause of common story words
/// only ("no Ukrainian soldier there") would otherwise match anything that shares them.
const MIN_TOTAL_DF: f32 = 2.0;
/// How many sentences of English at large weigh beside the paste's own wordings in a term's
/// rarity (see [`idf`]): a paste of two sentences says little about which words are rare.
/// Chosen on the MSR pairs (`scripts/pairs_eval.py`: F1 0.42 at 0, 0.77 at 1, 0.81 at 2 to 100;
/// seeds and bundles unchanged up to 5, worse from 10): the smallest value near the best there.
const BACKGROUND_SENTENCES: f32 = 2.0;

/// What matching compares of one claim.
#[derive(Clone, Debug, Default)]
pub struct Features {
    /// (term id, weight), sorted by term id.
    pub terms: Vec<(u32, f32)>,
    /// Sum of the weights, at least the weight of one term found in [`MIN_TOTAL_DF`] claims.
    pub total: f32,
    /// The claim's figures, compared as values.
    pub figures: Vec<Figure>,
    /// The terms of each figure's counted noun, beside it in `figures`: read once, since the
    /// pairs a claim is scored in compare them again and again.
    pub nouns: Vec<Option<Vec<normalise::Term>>>,
    /// The speaker's folded surname; `None` also for acronyms (see [`is_acronym`]).
    pub speaker: Option<String>,
    /// How the clause ranks its subject, if it does ("the deadliest", "one of the deadliest").
    pub ranking: Option<Ranking>,
    /// Claims of the body with the very same terms share a wording (one sentence reprinted by
    /// many outlets); `None` for a headline.
    pub wording: Option<usize>,
}

/// A superlative claim, stated outright or hedged: "the deadliest flood since 1996" and "one
/// of the deadliest disasters in decades" are two claims, however alike their words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ranking {
    /// "the deadliest": the subject ranks first.
    Outright,
    /// "one of the deadliest", "among the worst": it ranks among the first.
    Hedged,
}

/// The ranking a clause states: a superlative after "the" or a possessive, hedged when "one of",
/// "some of" or "among" comes before it.
fn ranking(clause: &str) -> Option<Ranking> {
    let words: Vec<String> = clause
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').to_lowercase())
        .collect();
    let at = words.iter().position(|w| SUPERLATIVES.contains(&w.as_str()))?;
    let before = &words[at.saturating_sub(3)..at];
    let determined = before.last().is_some_and(|w| w == "the" || w == "its" || w == "their" || w.ends_with("'s") || w.ends_with("’s"));
    if !determined {
        return None;
    }
    // "one of the deadliest", "some of the worst", "among the biggest".
    let hedged = before.len() >= 2 && before[before.len() - 2] == "among"
        || before.len() == 3 && matches!(before[0].as_str(), "one" | "some") && before[1] == "of";
    Some(if hedged { Ranking::Hedged } else { Ranking::Outright })
}

/// Interned terms shared by all claims of one run.
#[derive(Default)]
pub struct Vocabulary {
    ids: HashMap<String, u32>,
    /// Each term's text, by id.
    pub names: Vec<String>,
    /// In how many distinct wordings of the body's claims (not headlines) each term occurs.
    pub df: Vec<u32>,
}

impl Vocabulary {
    fn id(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.names.len() as u32;
        self.ids.insert(term.to_string(), id);
        self.names.push(term.to_string());
        self.df.push(0);
        id
    }
}

/// A term of a claim before weighting: (id, is a name or figure, in the clause itself).
type RawTerm = (u32, f32, bool);

/// A name word as the terms spell it: diacritics and transliteration folded, lower case.
fn name_key(word: &str) -> String {
    let folded: String = word
        .chars()
        .map(normalise::fold_diacritics)
        .collect::<String>()
        .to_lowercase();
    normalise::fold_transliteration(&folded)
}

/// An abbreviated organisation ("BOJ", "INE"): one outlet's acronym is another's spelled-out
/// name or its head, so it neither agrees nor disagrees with another speaker.
fn is_acronym(speaker: &str) -> bool {
    speaker.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !speaker.chars().any(char::is_lowercase)
}

/// The speaker's folded surname.
fn speaker_key(speaker: &str) -> String {
    name_key(
        speaker
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or(speaker),
    )
}

/// A duration written as an adjective ("its two-day meeting", "a 10-year bond") describes
/// the thing named after it rather than stating the claim's fact, so it anchors as context.
fn describes_noun(f: &Figure, text: &str) -> bool {
    let written = f.span.of(text);
    f.unit == "min" && written.contains('-') && !written.contains(char::is_whitespace)
}

/// Features of every claim; the vocabulary is returned for explanations.
pub fn build(texts: &[&str], claims: &[Claim]) -> (Vec<Features>, Vocabulary) {
    let mut vocab = Vocabulary::default();
    let mut sentence_names: IndexMap<(usize, usize, usize), Vec<String>> = IndexMap::default();
    let raw: Vec<Vec<RawTerm>> = claims
        .iter()
        .map(|c| texts.get(c.input).map_or_else(Vec::new, |text| raw_terms(text, c, &mut vocab, &mut sentence_names)))
        .collect();
    let (wording_of, wordings) = count_wordings(claims, &raw, &mut vocab);
    // At least two, so that a single wording pasted twice still has words that weigh.
    let n = wordings.max(2) as f32;
    let min_total = idf(MIN_TOTAL_DF, n, 0.0);
    let features = raw
        .into_iter()
        .zip(claims)
        .zip(wording_of)
        .map(|((terms, c), wording)| {
            let terms = weigh(terms, &vocab, n);
            let total = terms.iter().map(|t| t.1).sum::<f32>().max(min_total);
            Features {
                terms,
                total,
                figures: c.figures.clone(),
                nouns: c.figures.iter().map(|f| f.noun.as_deref().map(normalise::terms)).collect(),
                ranking: texts.get(c.input).and_then(|text| ranking(c.span.of(text))),
                speaker: c.named_speaker().filter(|s| !is_acronym(s)).map(speaker_key),
                wording,
            }
        })
        .collect();
    (features, vocab)
}

/// The terms of claim `c` before weighting, sorted by id: its clause's words and figures, the
/// names of its sentence as context (`sentence_names` keeps each sentence's, read once), less
/// the speaker's own name.
fn raw_terms(text: &str, c: &Claim, vocab: &mut Vocabulary, sentence_names: &mut IndexMap<(usize, usize, usize), Vec<String>>) -> Vec<RawTerm> {
    let mut terms: IndexMap<u32, RawTerm> = IndexMap::default();
    for t in normalise::terms(c.span.of(text)) {
        let id = vocab.id(&t.text);
        let boost = if t.name { NAME_BOOST } else { 1.0 };
        terms.insert(id, (id, boost, true));
    }
    for f in &c.figures {
        let id = vocab.id(&format!("#{}", f.key()));
        terms.insert(id, (id, FIGURE_BOOST, !describes_noun(f, text)));
    }
    let context = sentence_names.entry((c.input, c.sentence.start, c.sentence.end)).or_insert_with(|| {
        // Only names: the subject of a split-off clause ("Haller, who beat cancer"), not the
        // other facts of the sentence.
        normalise::terms(c.sentence.of(text)).into_iter().filter(|t| t.name).map(|t| t.text).collect()
    });
    for t in context.iter() {
        let id = vocab.id(t);
        terms.entry(id).or_insert((id, 1.0, false));
    }
    // The speaker's own name is scored once, as speaker agreement: as a shared term it would
    // link every statement that merely names a prominent official.
    for word in c.named_speaker().iter().flat_map(|s| s.split_whitespace()) {
        if let Some(&id) = vocab.ids.get(&name_key(word)) {
            terms.remove(&id);
        }
    }
    let mut v: Vec<RawTerm> = terms.into_values().collect();
    v.sort_by_key(|t| t.0);
    v
}

/// Each body claim's wording (claims with the very same terms share one) and how many
/// wordings there are; counts each term's document frequency over the wordings into `vocab`.
/// Rarity is judged on the body's distinct wordings: headlines repeat the story's words, and
/// one sentence reprinted by many outlets is one wording, else its words would all look common
/// and the reprints could not find each other.
fn count_wordings(claims: &[Claim], raw: &[Vec<RawTerm>], vocab: &mut Vocabulary) -> (Vec<Option<usize>>, usize) {
    let mut wordings: IndexMap<Vec<u32>, usize> = IndexMap::default();
    let mut wording_of: Vec<Option<usize>> = vec![None; claims.len()];
    for (k, terms) in raw.iter().enumerate().filter(|&(k, _)| !claims[k].headline) {
        let next = wordings.len();
        let wording = *wordings.entry(terms.iter().map(|t| t.0).collect()).or_insert_with(|| {
            for &(id, _, _) in terms {
                vocab.df[id as usize] += 1;
            }
            next
        });
        wording_of[k] = Some(wording);
    }
    (wording_of, wordings.len())
}

/// A claim's terms weighted by rarity over `n` wordings, boost, and whether they are its own.
fn weigh(terms: Vec<RawTerm>, vocab: &Vocabulary, n: f32) -> Vec<(u32, f32)> {
    terms
        .into_iter()
        .map(|(id, boost, own)| {
            // A word no body uses (a headline's "live", "explainer") says nothing.
            let df = vocab.df[id as usize];
            let idf = if df == 0 { 0.0 } else { idf(df as f32, n, english::sentence_share(&vocab.names[id as usize])) };
            (id, idf * boost * if own { 1.0 } else { CONTEXT_WEIGHT })
        })
        .collect()
}

/// The weight of a term found in `df` of `n` wordings, `share` being the share of English
/// sentences that use it: its inverse document frequency over the wordings and
/// [`BACKGROUND_SENTENCES`] sentences of English at large, squared, so that a word in every other
/// claim ("Putin" in a story about Putin) weighs far less than one shared by two claims only.
/// libm, not f32::ln: the platform ln rounds differently in wasm32, and the page must cluster
/// exactly as the CLI does.
fn idf(df: f32, n: f32, share: f32) -> f32 {
    libm::logf((n + BACKGROUND_SENTENCES) / (df + BACKGROUND_SENTENCES * share)).max(0.0).powi(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rankings_outright_and_hedged() {
        assert_eq!(ranking("It is the deadliest flood disaster in Spain since 1996"), Some(Ranking::Outright));
        assert_eq!(ranking("making it the country's worst natural disaster in decades"), Some(Ranking::Outright));
        assert_eq!(ranking("one of the deadliest natural disasters the country has seen"), Some(Ranking::Hedged));
        assert_eq!(ranking("the interest rate rose to its highest in 17 years"), Some(Ranking::Outright));
        assert_eq!(ranking("among the deadliest floods in Europe"), Some(Ranking::Hedged));
        assert_eq!(ranking("some of the worst fighting of the war"), Some(Ranking::Hedged));
        assert_eq!(ranking("the most recent toll stands at 95"), None);
        assert_eq!(ranking("the bank raised the interest rate"), None);
    }
}
