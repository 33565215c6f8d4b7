//! The subject a sentence attributes its content to, where no reporting verb says so: "Public
//! health experts expect ...", "The report shows ...", "Federal law prohibits ...".
//!
//! News attributes far more than speech: beliefs, findings, demands and denials are each some
//! source's ("many observers expect", "the poll suggests"). The verbs that do it are WordNet's
//! verbs of communication and cognition (`data/cue_verbs.txt`, built from WordNet 3.1 by
//! `scripts/build_cue_verbs.py`), so the list is general English, not one corpus's. A sentence
//! whose first words are a short noun phrase followed by such a verb (past auxiliaries and
//! adverbs) names that phrase as its source; the caller resolves it as any other source.

use crate::span::Span;
use crate::vocabulary::{AUXILIARIES, BETWEEN_SUBJECT_AND_VERB, CLAUSE_OPENERS, CUE_VERBS, DETERMINERS, IRREGULAR_CUE_VERBS, NOT_A_SOURCE};

/// A subject longer than this many words is a clause of its own, not a source.
const MAX_SUBJECT_WORDS: usize = 8;

/// Whether `word` (lower case) is a form of a cue verb.
pub fn is_cue_form(word: &str) -> bool {
    if IRREGULAR_CUE_VERBS.contains_key(word) {
        return true;
    }
    let verb_only = |lemma: &str| CUE_VERBS.contains_key(lemma);
    let any_use = |lemma: &str| CUE_VERBS.get(lemma).is_some_and(|noun_first| !noun_first);
    let doubled = |stem: &str| {
        let b = stem.as_bytes();
        b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] && verb_only(&stem[..stem.len() - 1])
    };
    let past_or_participle = |stem: &str| verb_only(stem) || verb_only(&format!("{stem}e")) || doubled(stem);
    if let Some(stem) = word.strip_suffix("ied") {
        return verb_only(&format!("{stem}y"));
    }
    if let Some(stem) = word.strip_suffix("ed") {
        return past_or_participle(stem) || verb_only(&word[..word.len() - 1]);
    }
    if let Some(stem) = word.strip_suffix("ing") {
        return past_or_participle(stem);
    }
    if let Some(stem) = word.strip_suffix("ies") {
        return any_use(&format!("{stem}y"));
    }
    if let Some(stem) = word.strip_suffix('s') {
        return any_use(stem) || word.strip_suffix("es").is_some_and(any_use);
    }
    any_use(word)
}

/// The words of `text` with their byte offsets, punctuation at their ends trimmed off but kept
/// as a flag: whether a comma, colon or other break follows the word.
fn words(text: &str) -> Vec<(Span, bool)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                let word = &text[s..i];
                let core = word.trim_end_matches([',', ';', ':', '.', '!', '?', '”', '"', ')']);
                let breaks = core.len() < word.len() && !word.ends_with('.') || word.ends_with("..");
                out.push((Span::new(s, s + core.len()), breaks));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The source phrase and the cue verb of a sentence (or clause) that opens with its subject,
/// or with a short introductory phrase and then its subject ("Entering the debate, the two
/// rivals argued ..."), as byte spans of `text`; `None` when no short subject of a cue verb
/// stands there.
pub fn subject_and_cue(text: &str) -> Option<(Span, Span)> {
    let words = words(text);
    let after_intro = words.iter().take(MAX_INTRO_WORDS).position(|w| w.1).map(|i| i + 1);
    std::iter::once(0).chain(after_intro).find_map(|start| subject_at(text, &words, start))
}

/// An introductory phrase longer than this many words is a clause with a subject of its own.
const MAX_INTRO_WORDS: usize = 10;

/// The subject phrase starting at word `start` (past clause openers: "But", "where") and its
/// cue verb. A passive ("was pressed by X") names its source after the verb, so it is left
/// alone.
fn subject_at(text: &str, words: &[(Span, bool)], start: usize) -> Option<(Span, Span)> {
    let lower = |i: usize| words[i].0.of(text).to_lowercase();
    let mut first = start;
    while first < words.len() && CLAUSE_OPENERS.contains(&lower(first).as_str()) && !words[first].1 {
        first += 1;
    }
    let cue = (first + 1..words.len().min(first + MAX_SUBJECT_WORDS + 3)).find(|&i| is_cue_form(&lower(i)))?;
    let mut end = cue;
    while end > first && (BETWEEN_SUBJECT_AND_VERB.contains(&lower(end - 1).as_str()) || AUXILIARIES.contains(&lower(end - 1).as_str()) || lower(end - 1).ends_with("ly")) {
        end -= 1;
    }
    let passive = (end..cue).any(|i| matches!(lower(i).as_str(), "was" | "were" | "is" | "are" | "been" | "be"))
        && words.get(cue + 1).is_some_and(|w| w.0.of(text) == "by");
    let subject = first..end;
    if subject.is_empty() || subject.len() > MAX_SUBJECT_WORDS || passive || NOT_A_SOURCE.contains(&lower(first).as_str()) {
        return None;
    }
    // A break or a clause word inside the phrase makes it more than a subject.
    let clause_inside = subject.clone().any(|i| {
        let w = lower(i);
        words[i].1 || (i > first && (CLAUSE_OPENERS.contains(&w.as_str()) || matches!(w.as_str(), "that" | "if" | "to" | "whether")))
    });
    // A noun phrase neither ends on a determiner nor holds a pronoun: "Putin heard a report",
    // "Putin made it clear he was" are clauses.
    let pronoun_inside = (first + 1..end).any(|i| matches!(lower(i).as_str(), "he" | "she" | "it" | "they" | "him" | "them" | "we" | "i"));
    // Where the sentence itself starts, a subject opens with a capital (a name, or any first
    // word) or a determiner; past an opener or an introductory phrase any word may.
    let opens_like_subject = first > 0 || words[first].0.of(text).starts_with(char::is_uppercase) || DETERMINERS.contains(&lower(first).as_str());
    let marks_inside = words[first..cue].iter().any(|w| w.0.of(text).contains(['“', '"', '(', '—']));
    if clause_inside || pronoun_inside || marks_inside || !opens_like_subject || DETERMINERS.contains(&lower(end - 1).as_str()) {
        return None;
    }
    Some((Span::new(words[first].0.start, words[end - 1].0.end), words[cue].0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> Option<(&str, &str)> {
        subject_and_cue(text).map(|(s, c)| (s.of(text), c.of(text)))
    }

    #[test]
    fn cue_verb_forms() {
        for form in ["says", "said", "expects", "expected", "argues", "argued", "arguing", "denies", "denied", "told", "agree", "urged", "planned"] {
            assert!(is_cue_form(form), "{form}");
        }
        for word in ["groups", "numbers", "ministry", "experts", "was", "table"] {
            assert!(!is_cue_form(word), "{word}");
        }
    }

    #[test]
    fn a_noun_phrase_before_a_cue_verb_is_the_source() {
        assert_eq!(source("Public health experts said money is needed."), Some(("Public health experts", "said")));
        assert_eq!(source("Many observers expect the agency to relax the rule."), Some(("Many observers", "expect")));
        assert_eq!(source("But the city council has repeatedly denied the charge."), Some(("the city council", "denied")));
        assert_eq!(source("A spokesman for the port authority denied the report."), Some(("A spokesman for the port authority", "denied")));
        assert_eq!(source("President Maria Lopez on Monday proposed a truce."), Some(("President Maria Lopez on Monday", "proposed")));
    }

    #[test]
    fn no_source_where_the_opening_is_no_subject() {
        assert_eq!(source("There is little agreement on the plan."), None);
        assert_eq!(source("The mayor was pressed by reporters about the delay."), None);
        assert_eq!(source("After the vote, which took hours, members said nothing."), None);
        assert_eq!(source("The bridge that engineers designed in 1990 collapsed."), None);
        assert_eq!(source("Slowly but surely, a new highway is taking shape."), None);
        assert_eq!(source("Putin heard a report on the fighting."), None);
        assert_eq!(source("Entering the debate, both rivals argued for lower taxes."), Some(("both rivals", "argued")));
        assert_eq!(source("But hacking specialists say the files may be fake."), Some(("hacking specialists", "say")));
        assert_eq!(source("Putin made it clear he was considering a zone."), None);
    }
}
