//! Blocking: which pairs of claims are worth scoring at all.
//!
//! Every claim is indexed under its terms; two claims become a candidate pair only when they
//! share one of the heaviest terms that some other claim also has (a term only one claim has
//! finds no partner, so it is no key). A term with more than [`MAX_POSTING`] claims is too
//! common to block on, and each claim looks up at most [`KEYS_PER_CLAIM`] terms, so the
//! candidates grow linearly with the number of claims instead of quadratically.

use super::features::Features;
use std::collections::HashMap;

/// How many of a claim's heaviest shared terms are used as blocking keys.
pub const KEYS_PER_CLAIM: usize = 8;
/// Terms found in more claims than this are too common to block on.
pub const MAX_POSTING: usize = 150;

/// Candidate pairs `(i, j)` with `i < j`, sorted and without duplicates.
pub fn candidate_pairs(features: &[Features]) -> Vec<(usize, usize)> {
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, f) in features.iter().enumerate() {
        for &(term, _) in &f.terms {
            postings.entry(term).or_default().push(i);
        }
    }
    let usable = |term: &u32| {
        postings
            .get(term)
            .is_some_and(|list| (2..=MAX_POSTING).contains(&list.len()))
    };
    let mut pairs = Vec::new();
    for (i, f) in features.iter().enumerate() {
        let mut keys: Vec<(u32, f32)> = f
            .terms
            .iter()
            .copied()
            .filter(|(term, _)| usable(term))
            .collect();
        keys.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        for (term, _) in keys.into_iter().take(KEYS_PER_CLAIM) {
            let Some(list) = postings.get(&term) else {
                continue;
            };
            pairs.extend(list.iter().filter(|&&j| j > i).map(|&j| (i, j)));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}
