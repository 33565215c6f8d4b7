//! Scoring a pair of claims, with the reasons for the score.
//!
//! The base score is the weight of the shared terms over the geometric mean of both claims'
//! weights (a weighted cosine on sets). Figures then decide: labels that differ (another year)
//! cut the link's score hard, measures that disagree at their stated precision (51 vs 62 dead)
//! cut it so that only strongly agreeing words keep the link (flagged), while bound-compatible
//! figures ("430" vs "over 400") add to it; an agreeing speaker adds, a different one cuts.

use super::features::{Features, Vocabulary};
use super::normalise::Term;
use crate::claims::figures::Relation;
use crate::claims::Figure;

/// A conflicting figure (another year, date or score) keeps this share of the score.
const CONFLICT_FACTOR: f32 = 0.2;
/// Measures that disagree at their precision keep this share: only claims whose other words
/// agree strongly stay linked (and flagged), as one fact whose figure changed on the way.
const DIFFERS_FACTOR: f32 = 0.4;
/// A ranking stated outright beside one hedged keeps this share: the words of the two are
/// usually the same, the claims are not.
const RANKING_CONFLICT_FACTOR: f32 = 0.1;
/// Bonus for figures that agree although written differently (not already a shared term).
const FIGURE_BONUS: f32 = 0.12;
const SPEAKER_BONUS: f32 = 0.06;
/// Two different named speakers make two claims, however alike their words.
const SPEAKER_MISMATCH_FACTOR: f32 = 0.6;
/// How much of the score is containment (shared weight over the lighter claim) rather than
/// cosine.
const CONTAINMENT_SHARE: f32 = 0.0;
/// Bonus for sharing a figure specific enough to be one fact's signature (58.3-60.7%, 1,100 km²).
const SPECIFIC_FIGURE_BONUS: f32 = 0.15;

/// A scored pair: the similarity and how the figures relate.
#[derive(Clone, Copy, Debug)]
pub struct Scored {
    /// The similarity, 0 to about 1: weighted shared terms, with figure and speaker bonuses
    /// and penalties.
    pub score: f32,
    /// How the two claims' figures relate, when they have figures to compare.
    pub figures: Option<Relation>,
}

impl Scored {
    /// The pair's figures are written differently or changed: a variant, if linked.
    pub fn variant(&self) -> bool {
        matches!(self.figures, Some(Relation::Differs | Relation::Compatible))
    }
}

/// Counts more than this factor apart are not one number misreported but two things counted
/// (the "225" of "Nikkei 225" beside the index's "40,000"; 20,000 posts beside 98 million
/// voters): they neither conflict nor agree.
const SAME_COUNT_RATIO: f64 = 3.0;

/// Durations this far apart measure two things (a "two-day meeting" beside "17 years"); a
/// misreported duration is off by minutes or hours, not by a different scale.
const SAME_DURATION_RATIO: f64 = 24.0;

/// Whether two figures can state the same quantity: one unit and, for counts, the same counted
/// noun (its terms, `noun_a` and `noun_b`) or (when a noun is missing) a comparable size. Other
/// units measure one kind of thing, so 1,100 km² and 259 km² in one story are two claims about
/// land, in conflict.
fn same_quantity(a: &Figure, noun_a: Option<&[Term]>, b: &Figure, noun_b: Option<&[Term]>) -> bool {
    if !a.same_kind(b) {
        return false;
    }
    let ratio = |limit: f64| {
        let (lo, hi) = (
            a.value.abs().min(b.value.abs()),
            a.value.abs().max(b.value.abs()),
        );
        hi <= lo * limit
    };
    if a.unit == "min" {
        return ratio(SAME_DURATION_RATIO);
    }
    if a.unit != "count" {
        return true;
    }
    match (noun_a, noun_b) {
        (Some(x), Some(y)) => x == y,
        _ => ratio(SAME_COUNT_RATIO),
    }
}

/// The terms of the counted noun of figure `k` of `f`.
fn noun(f: &Features, k: usize) -> Option<&[Term]> {
    f.nouns.get(k).and_then(|n| n.as_deref())
}

/// The best relation, per quantity the two claims share, between their figures, and the worst
/// of those; `None` when they share no quantity.
pub fn figure_relation(a: &Features, b: &Features) -> Option<Relation> {
    let mut worst: Option<Relation> = None;
    for (ka, fa) in a.figures.iter().enumerate() {
        let best = b
            .figures
            .iter()
            .enumerate()
            .filter(|&(kb, fb)| same_quantity(fa, noun(a, ka), fb, noun(b, kb)))
            .map(|(_, fb)| fa.relation(fb))
            .max();
        worst = match (worst, best) {
            (Some(w), Some(r)) => Some(w.min(r)),
            (None, r) => r,
            (w, None) => w,
        };
    }
    worst
}

/// Whether both claims state the same figure that is unlikely to recur by chance: a range, a
/// decimal, or three significant digits and more; not a year or a small count.
fn specific_figure_shared(a: &Features, b: &Features) -> bool {
    let specific = |f: &Figure| {
        let digits = format!("{}", f.value)
            .trim_matches(['0', '.'])
            .chars()
            .filter(char::is_ascii_digit)
            .count();
        f.unit != "year" && (f.upper != f.value || f.value.fract() != 0.0 || digits >= 3)
    };
    a.figures.iter().any(|fa| {
        specific(fa)
            && b.figures
                .iter()
                .any(|fb| fa.relation(fb) == Relation::Equal)
    })
}

/// Terms both claims have, as (smaller weight, term id).
pub fn shared_terms(a: &Features, b: &Features) -> Vec<(f32, u32)> {
    shared_weights(&a.terms, &b.terms)
}

/// Terms two sorted (term id, weight) lists both have, as (smaller weight, term id).
pub fn shared_weights(a: &[(u32, f32)], b: &[(u32, f32)]) -> Vec<(f32, u32)> {
    let mut shared = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (ta, wa) = a[i];
        let (tb, wb) = b[j];
        match ta.cmp(&tb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared.push((wa.min(wb), ta));
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// "The deadliest" beside "one of the deadliest": a ranking stated and one hedged.
fn ranks_differently(a: &Features, b: &Features) -> bool {
    matches!((a.ranking, b.ranking), (Some(x), Some(y)) if x != y)
}

fn same_speaker(a: &Features, b: &Features) -> Option<bool> {
    match (&a.speaker, &b.speaker) {
        (Some(x), Some(y)) => Some(x == y),
        _ => None,
    }
}

/// How alike the claims with features `a` and `b` are, and how their figures relate.
pub fn score(a: &Features, b: &Features) -> Scored {
    let overlap: f32 = shared_terms(a, b).iter().map(|s| s.0).sum();
    let cosine = overlap / (a.total * b.total).sqrt().max(f32::EPSILON);
    // A short clause restated inside a longer sentence: the share of the shorter one covered.
    let containment = overlap / a.total.min(b.total).max(f32::EPSILON);
    let mix = CONTAINMENT_SHARE;
    let mut score = (1.0 - mix) * cosine + mix * containment;
    let figures = figure_relation(a, b);
    match figures {
        Some(Relation::Conflict) => score *= CONFLICT_FACTOR,
        Some(Relation::Differs) => score *= DIFFERS_FACTOR,
        Some(Relation::Compatible) => score += FIGURE_BONUS,
        Some(Relation::Equal) if specific_figure_shared(a, b) => score += SPECIFIC_FIGURE_BONUS,
        _ => {}
    }
    match same_speaker(a, b) {
        Some(true) => score += SPEAKER_BONUS,
        Some(false) => score *= SPEAKER_MISMATCH_FACTOR,
        None => {}
    }
    if ranks_differently(a, b) {
        score *= RANKING_CONFLICT_FACTOR;
    }
    Scored { score, figures }
}

/// Why a pair scored as it did, for the page: the heaviest shared terms, the figures and the
/// speakers.
pub fn explain(a: &Features, b: &Features, scored: Scored, vocab: &Vocabulary) -> String {
    let mut shared = shared_terms(a, b);
    shared.sort_by(|x, y| y.0.total_cmp(&x.0));
    let mut why = Vec::new();
    let anchors: Vec<&str> = shared
        .iter()
        .take(5)
        .map(|s| vocab.names[s.1 as usize].as_str())
        .collect();
    if !anchors.is_empty() {
        why.push(format!("shared {}", anchors.join(", ")));
    }
    match scored.figures {
        Some(Relation::Conflict) => why.push("figures conflict".into()),
        Some(Relation::Differs) => why.push("figures differ (changed, or another fact)".into()),
        Some(Relation::Compatible) => why.push("figures agree within bounds".into()),
        Some(Relation::Equal) => why.push("same figures".into()),
        None => {}
    }
    match same_speaker(a, b) {
        Some(true) => why.push(format!(
            "same speaker ({})",
            a.speaker.as_deref().unwrap_or_default()
        )),
        Some(false) => why.push("different speakers".into()),
        None => {}
    }
    if ranks_differently(a, b) {
        why.push("one ranks outright, one hedges (\"one of the\")".into());
    }
    format!("{} (similarity {:.2})", why.join("; "), scored.score)
}
