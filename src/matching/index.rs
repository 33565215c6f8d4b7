//! Blocking: which pairs of claims are worth scoring at all.
//!
//! Every claim is indexed under its terms; two claims become a candidate pair only when they
//! share one of the heaviest terms that some other claim also has (a term only one claim has
//! finds no partner, so it is no key). A term with more than [`MAX_POSTING`] claims is too
//! common to block on, and each claim looks up at most [`KEYS_PER_CLAIM`] terms, so the
//! candidates grow linearly with the number of claims instead of quadratically.
//!
//! Claims with the very same terms (one agency sentence reprinted by many outlets) are one
//! wording: the index holds its first claim only, and the others are paired with that one. So
//! reprints always meet, and a reprint's words stay rare enough to block on however many
//! outlets carry it.

use super::features::Features;
use crate::index_map::IndexMap;

/// How many of a claim's heaviest shared terms are used as blocking keys.
pub const KEYS_PER_CLAIM: usize = 8;
/// Terms found in more claims than this are too common to block on.
pub const MAX_POSTING: usize = 150;

/// Candidate pairs `(i, j)` with `i < j`, sorted and without duplicates. Claims without a
/// wording (headlines) only look up partners: they are no entries of the index, so they change
/// neither which terms are usable keys nor whom the indexed claims meet.
pub fn candidate_pairs(features: &[Features]) -> Vec<(usize, usize)> {
    let indexed = |i: usize| features[i].wording.is_some();
    // The first claim of a wording stands for it in the index; its reprints are paired with it.
    let mut first_of: IndexMap<usize, usize> = IndexMap::default();
    let mut pairs = Vec::new();
    let mut representatives = Vec::new();
    for (i, f) in features.iter().enumerate() {
        let Some(wording) = f.wording else { continue };
        match first_of.get(&wording) {
            Some(&first) if !f.terms.is_empty() => pairs.push((first, i)),
            _ => {
                first_of.insert(wording, i);
                representatives.push(i);
            }
        }
    }
    let mut postings: IndexMap<u32, Vec<usize>> = IndexMap::default();
    for &i in &representatives {
        for &(term, _) in &features[i].terms {
            postings.entry(term).or_default().push(i);
        }
    }
    // An indexed claim is in its own posting lists, so a usable key lists another claim too.
    let usable = |term: &u32, own: usize| {
        postings
            .get(term)
            .is_some_and(|list| (1 + own..=MAX_POSTING).contains(&list.len()))
    };
    let probes = (0..features.len()).filter(|&i| !indexed(i));
    for i in representatives.iter().copied().chain(probes) {
        let own = usize::from(indexed(i));
        let mut keys: Vec<(u32, f32)> = features[i]
            .terms
            .iter()
            .copied()
            .filter(|(term, _)| usable(term, own))
            .collect();
        keys.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        for (term, _) in keys.into_iter().take(KEYS_PER_CLAIM) {
            let Some(list) = postings.get(&term) else {
                continue;
            };
            pairs.extend(list.iter().filter(|&&j| j != i && (own == 0 || j > i)).map(|&j| (i.min(j), i.max(j))));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A claim of the body with these terms; distinct term lists get distinct wordings, as in
    /// `features::build`.
    fn claim(terms: &[u32]) -> Features {
        let wording = terms.iter().fold(1usize, |h, &t| h * 31 + t as usize);
        Features { terms: terms.iter().map(|&t| (t, 1.0)).collect(), wording: Some(wording), ..Features::default() }
    }

    fn headline(terms: &[u32]) -> Features {
        Features { wording: None, ..claim(terms) }
    }

    #[test]
    fn pairs_share_a_key_and_reprints_always_meet() {
        // Claims 0 and 1 share term 7; 2 shares nothing.
        let few = [claim(&[1, 7]), claim(&[2, 7]), claim(&[3])];
        assert_eq!(candidate_pairs(&few), [(0, 1)]);
        // Reprints of one sentence, more than a key may list, each paired with the first; a
        // changed reprint still meets the first through their shared terms.
        let mut reprints: Vec<Features> = (0..MAX_POSTING + 2).map(|_| claim(&[1, 2])).collect();
        reprints.push(claim(&[1, 2, 3]));
        let pairs = candidate_pairs(&reprints);
        let want: Vec<(usize, usize)> = (1..=MAX_POSTING + 2).map(|k| (0, k)).collect();
        assert_eq!(pairs, want);
    }

    #[test]
    fn probes_meet_the_index_but_are_not_in_it() {
        // 2 is a probe (a headline): it meets 0 and 1, which still do not meet each other.
        assert_eq!(candidate_pairs(&[claim(&[1, 7]), claim(&[2, 8]), headline(&[7, 8])]), [(0, 2), (1, 2)]);
        // Indexed, it would make 7 and 8 keys for the others as well; still no pair (0, 1).
        assert_eq!(candidate_pairs(&[claim(&[1, 7]), claim(&[2, 8]), claim(&[7, 8])]), [(0, 2), (1, 2)]);
    }
}
