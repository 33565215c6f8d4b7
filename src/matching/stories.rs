//! Which articles tell one story, so that only they share claims through ordinary links.
//!
//! Articles pasted together usually tell one story, but not always: a reader's mixed batch, a
//! research run of fifty articles. Two unrelated articles still share words, and a short clause
//! of each may share one stem that looks rare among the pasted claims ("he mocked Rubio" beside
//! "we mocked the hopefuls"): a link like that says nothing. So a link between two articles
//! counts only when the articles are alike as a whole ([`Stories::alike`]), or when the link
//! is near-verbatim ([`VERBATIM`]: one sentence reprinted word for word is the same claim in
//! any company).
//!
//! Two articles are alike by the weighted cosine of the sets of their claims' terms. A term
//! weighs how uncommon its word is in English at large (`data/word_frequencies.txt`, from
//! wordfreq), not within the paste: five articles of one story all use the story's words, and
//! those are the words that show it is one story.

use super::features::{Features, Vocabulary};
use super::score;
use crate::claims::Claim;
use crate::index_map::IndexMap;
use super::english::rarity;

/// Articles whose terms' weighted cosine reaches this tell one story. Fit on unrelated
/// articles only: 1 in 100 pairs of PolNeAR's train compartment, analysed 50 to a call, reach
/// it (`scripts/fit_story_threshold.py`); 92% of the pairs of one story do.
pub const STORY_THRESHOLD: f32 = 0.21;
/// A link this strong stands on its own, whether or not its articles are alike.
pub const VERBATIM: f32 = 0.8;
/// The articles' weighted term sets, and the pairs judged so far.
pub struct Stories {
    /// Per article: (term id, weight), sorted by id, and the sum of the weights. A term weighs its
    /// rarity squared (a rare name says far more than a plain word), more when several of the
    /// article's claims use it.
    articles: Vec<(Vec<(u32, f32)>, f32)>,
    judged: IndexMap<(usize, usize), bool>,
}

impl Stories {
    /// The term sets of the articles the claims belong to (figures left out: they are shared
    /// by chance as often as not).
    pub fn new(claims: &[Claim], features: &[Features], vocab: &Vocabulary) -> Self {
        let count = claims.iter().map(|c| c.article + 1).max().unwrap_or(0);
        let mut ids: Vec<Vec<u32>> = vec![Vec::new(); count];
        for (claim, f) in claims.iter().zip(features) {
            ids[claim.article].extend(f.terms.iter().map(|t| t.0).filter(|&id| !vocab.names[id as usize].starts_with('#')));
        }
        let articles = ids
            .into_iter()
            .map(|mut ids| {
                ids.sort_unstable();
                let mut terms: Vec<(u32, f32)> = Vec::new();
                for run in ids.chunk_by(|a, b| a == b) {
                    let rarity = rarity(&vocab.names[run[0] as usize]);
                    terms.push((run[0], rarity * rarity * (1.0 + libm::logf(run.len() as f32))));
                }
                let total = terms.iter().map(|t| t.1).sum();
                (terms, total)
            })
            .collect();
        Stories { articles, judged: IndexMap::default() }
    }

    /// How alike articles `a` and `b` are: the weighted cosine of their terms, 0 to 1.
    pub fn similarity(&self, a: usize, b: usize) -> f32 {
        match (self.articles.get(a), self.articles.get(b)) {
            (Some(a), Some(b)) => cosine(a, b),
            _ => 0.0, // an article without claims
        }
    }

    /// Whether articles `a` and `b` tell one story (an article tells its own).
    pub fn alike(&mut self, a: usize, b: usize) -> bool {
        if a == b {
            return true;
        }
        if let Some(&alike) = self.judged.get(&(a.min(b), a.max(b))) {
            return alike;
        }
        let alike = self.similarity(a, b) >= STORY_THRESHOLD;
        self.judged.insert((a.min(b), a.max(b)), alike);
        alike
    }
}

/// How much two sorted term sets share: the shared weight (the smaller of the two) over the
/// geometric mean of their totals, as the pair score measures two claims.
fn cosine((a, total_a): &(Vec<(u32, f32)>, f32), (b, total_b): &(Vec<(u32, f32)>, f32)) -> f32 {
    let shared: f32 = score::shared_weights(a, b).iter().map(|s| s.0).sum();
    shared / (total_a * total_b).sqrt().max(f32::EPSILON)
}
