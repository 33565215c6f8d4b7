//! Which unattributed clauses are claims: a small logistic model over general features.
//!
//! A clause that names no source is a `statement` only when a reader could check it (it names
//! someone, holds a number or a date: [`names_a_fact`]) or some source holds it though no
//! reporting verb says so ("the agency is open to modifying it"). Scene-setting, the writer's
//! own opinion, questions and transitions are no claim at all. Which of the clauses that name
//! nothing are some source's is weighed by a logistic regression over features of the clause
//! and its sentence (cue verbs, person, modality, questions, length, ...), none of them a
//! phrase of any corpus; its weights are data
//! (`data/checkable_model.tsv`), fitted and cross-validated by `scripts/train_checkable.py` on
//! PolNeAR's train compartment (does the clause overlap some annotated attribution's content?).

use super::subject::is_cue_form;
use crate::vocabulary::{months, english_weekdays, CLAUSE_OPENERS, REPORTING_VERBS};
use std::collections::HashMap;
use std::sync::LazyLock;

/// The features, in the order [`features`] gives their values; each names one weight of the
/// model table.
pub const FEATURES: &[&str] = &[
    "bias",
    "cue_verb_in_clause",
    "cue_verb_in_sentence_only",
    "reporting_verb_in_sentence",
    "quote_in_sentence",
    "question",
    "first_person",
    "second_person",
    "modal",
    "that",
    "opens_lower_case",
    "opens_with_opener",
    "pronoun_subject",
    "negation",
    "copula",
    "hedge",
    "colon_or_dash",
    "words",
    "clause_share",
];

/// The model: a weight per feature and the probability below which a clause is dropped.
struct Model {
    weights: Vec<f64>,
    threshold: f64,
}

static MODEL: LazyLock<Model> = LazyLock::new(|| {
    let table: HashMap<&str, f64> = include_str!("../../data/checkable_model.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (name, value) = l.split_once('\t')?;
            Some((name.trim(), value.trim().parse().ok()?))
        })
        .collect();
    Model {
        // A feature the table lacks weighs nothing (the table's test says none is missing).
        weights: FEATURES.iter().map(|f| table.get(f).copied().unwrap_or(0.0)).collect(),
        threshold: table.get("threshold").copied().unwrap_or(0.0),
    }
});

/// The lower-case words of `text`, punctuation trimmed off their ends.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

fn any_of(words: &[String], list: &[&str]) -> bool {
    words.iter().any(|w| list.contains(&w.as_str()))
}

/// Whether a word as written is a date word: a capitalised English month or weekday name.
fn is_date_word(written: &str) -> bool {
    let word = written.trim_matches(|c: char| !c.is_alphabetic());
    if !word.starts_with(char::is_uppercase) {
        return false;
    }
    let lower = word.to_lowercase();
    months().iter().any(|m| m.name == lower) || english_weekdays().any(|d| d.name == lower)
}

/// Whether a clause names someone (a capitalised word past its first: a person, a place, a
/// body), holds a number or a date: a fact a reader could check, kept whatever the model says.
pub fn names_a_fact(clause: &str) -> bool {
    let capitalised = |w: &&str| w.trim_start_matches(['(', '“', '"', '‘']).starts_with(char::is_uppercase);
    // A first word is capitalised anyway; it names someone as an acronym ("ECB") or a possessive ("Japan's").
    let named_first = clause.split_whitespace().next().filter(capitalised).is_some_and(|w| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        (letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())) || w.ends_with("'s") || w.ends_with("’s")
    });
    let named = named_first || clause.split_whitespace().skip(1).any(|w| capitalised(&w));
    named || clause.contains(|c: char| c.is_ascii_digit()) || clause.split_whitespace().any(is_date_word)
}

/// The feature values of a clause in its sentence and paragraph, in [`FEATURES`] order.
pub fn features(clause: &str, sentence: &str) -> Vec<f64> {
    let clause_words = words(clause);
    let sentence_words = words(sentence);
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    let cue_in_clause = clause_words.iter().any(|w| is_cue_form(w));
    let cue_in_sentence = sentence_words.iter().any(|w| is_cue_form(w));
    let reporting = sentence_words.iter().any(|w| REPORTING_VERBS.contains(&w.as_str()));
    let first = clause_words.first().map(String::as_str).unwrap_or("");
    let trimmed = sentence.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')'));
    let values = [
        1.0,
        flag(cue_in_clause),
        flag(cue_in_sentence && !cue_in_clause),
        flag(reporting),
        flag(sentence.contains(['"', '“', '”']) || sentence.contains("''")),
        flag(trimmed.ends_with('?')),
        flag(any_of(&clause_words, &["i", "we", "our", "my", "us", "me", "ours"])),
        flag(any_of(&clause_words, &["you", "your", "yours"])),
        flag(any_of(&clause_words, &["would", "could", "should", "might", "may", "must", "will", "can", "cannot"])),
        flag(any_of(&clause_words, &["that"])),
        flag(clause.trim_start().starts_with(char::is_lowercase)),
        flag(CLAUSE_OPENERS.contains(&first)),
        flag(matches!(first, "he" | "she" | "they" | "it")),
        flag(any_of(&clause_words, &["not", "never", "no", "nobody", "nothing"]) || clause_words.iter().any(|w| w.ends_with("n't") || w.ends_with("n’t"))),
        flag(any_of(&clause_words, &["is", "are", "was", "were", "be", "been", "being"])),
        flag(any_of(&clause_words, &["perhaps", "maybe", "probably", "likely", "apparently", "seems", "seem", "appears"])),
        flag(sentence.contains([':', '—']) || sentence.contains(" -- ")),
        (clause_words.len().max(1) as f64).ln() / 40f64.ln(),
        clause.len() as f64 / sentence.len().max(1) as f64,
    ];
    values.to_vec()
}

/// The model's probability that an unattributed clause is a claim.
pub fn probability(clause: &str, sentence: &str) -> f64 {
    let z: f64 = features(clause, sentence).iter().zip(&MODEL.weights).map(|(x, w)| x * w).sum();
    1.0 / (1.0 + (-z).exp())
}

/// Whether an unattributed clause is worth a claim: a checkable fact, or words the model
/// judges some source's.
pub fn is_checkable(clause: &str, sentence: &str) -> bool {
    names_a_fact(clause) || probability(clause, sentence) >= MODEL.threshold
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_weighs_every_feature_and_nothing_else() {
        let names: Vec<&str> = include_str!("../../data/checkable_model.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split('\t').next())
            .filter(|&n| n != "threshold")
            .collect();
        assert_eq!(names, FEATURES);
        assert_eq!(features("a clause", "a clause.").len(), FEATURES.len());
        assert!((0.0..1.0).contains(&MODEL.threshold));
    }
}
