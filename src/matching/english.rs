//! How common a term is in English at large, from `data/word_frequencies.txt` (wordfreq's Zipf
//! values: log10 of uses per billion words, "the" about 7.7, "rescue" 4.5).
//!
//! Rarity within the paste says little when the paste is small: two sentences that restate
//! each other share all their words, so inside those two every shared word looks equally
//! common. How common the word is elsewhere says which shared words carry the claim.

use super::normalise;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Zipf values are at most about 7.7 ("the"); [`rarity`] is how far below this a word is.
const ZIPF_CEILING: f32 = 7.0;
/// The Zipf value of a word the table does not list (it lists those at 4.5 and above).
const UNLISTED_ZIPF: f32 = 3.0;
/// Words in a typical news sentence: how many draws a sentence makes from English's words.
const WORDS_PER_SENTENCE: f32 = 25.0;

/// Each term's Zipf value, through the same normalisation as the claims' terms: the highest of
/// the words that give the term.
static ZIPF: LazyLock<HashMap<String, f32>> = LazyLock::new(|| {
    let mut zipf: HashMap<String, f32> = HashMap::new();
    for row in crate::vocabulary::rows(include_str!("../../data/word_frequencies.txt")) {
        let Some(Ok(value)) = row.first().map(|v| v.parse::<f32>()) else { continue };
        for word in row.get(1).into_iter().flat_map(|words| words.split(' ')) {
            for term in normalise::terms(word) {
                let entry = zipf.entry(term.text).or_insert(value);
                *entry = entry.max(value);
            }
        }
    }
    zipf
});

fn zipf(term: &str) -> f32 {
    ZIPF.get(term).copied().unwrap_or(UNLISTED_ZIPF)
}

/// How much a term says about which story an article tells: 0 for the commonest words.
pub fn rarity(term: &str) -> f32 {
    (ZIPF_CEILING - zipf(term)).max(0.0)
}

/// The share of English sentences expected to use the term, 0 to 1: its frequency per word
/// times the words of a sentence.
pub fn sentence_share(term: &str) -> f32 {
    (WORDS_PER_SENTENCE * libm::powf(10.0, zipf(term) - 9.0)).min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(word: &str) -> String {
        normalise::terms(word)[0].text.clone()
    }

    #[test]
    fn common_words_weigh_less_than_rare_ones() {
        assert!(rarity(&term("government")) < rarity(&term("parliament")));
        assert!(rarity(&term("parliament")) < rarity(&term("splashdown")));
        assert_eq!(rarity(&term("Gerasimov")), ZIPF_CEILING - UNLISTED_ZIPF);
    }

    #[test]
    fn sentence_shares_order_words_by_use() {
        assert!(sentence_share(&term("government")) > sentence_share(&term("parliament")));
        assert!(sentence_share(&term("parliament")) > sentence_share(&term("Gerasimov")));
        assert!(sentence_share(&term("Gerasimov")) > 0.0);
        assert!(sentence_share("a") <= 1.0);
    }
}
