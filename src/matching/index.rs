//! Blocking: which pairs of claims are worth scoring at all.
//!
//! Every claim is indexed under its rarest terms (names, figures, unusual words); two claims
//! become a candidate pair only when they share one of those and the term is not so common
//! that it blocks nothing. Each claim looks up at most [`KEYS_PER_CLAIM`] terms, and a term
//! with more than [`MAX_POSTING`] claims is skipped, so the candidates grow linearly with the
//! number of claims instead of quadratically.

use super::features::Features;
use std::collections::HashMap;

/// How many of a claim's rarest terms are used as blocking keys.
pub const KEYS_PER_CLAIM: usize = 8;
/// Terms found in more claims than this are too common to block on.
pub const MAX_POSTING: usize = 150;

/// Candidate pairs `(i, j)` with `i < j`, sorted and without duplicates.
pub fn candidate_pairs(features: &[Features]) -> Vec<(usize, usize)> {
    let keys: Vec<Vec<u32>> = features.iter().map(|f| f.blocking_keys(KEYS_PER_CLAIM)).collect();
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, ks) in keys.iter().enumerate() {
        for &k in ks {
            postings.entry(k).or_default().push(i);
        }
    }
    let mut pairs = Vec::new();
    for (i, ks) in keys.iter().enumerate() {
        for k in ks {
            let Some(list) = postings.get(k) else { continue };
            if list.len() > MAX_POSTING {
                continue;
            }
            for &j in list.iter().filter(|&&j| j > i) {
                pairs.push((i, j));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}
