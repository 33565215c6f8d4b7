//! Scoring a pair of claims, with the reasons for the score.
//!
//! The base score is the weight of the shared terms over the geometric mean of both claims'
//! weights (a weighted cosine on sets). Figures then decide: figures of one unit that cannot
//! be the same quantity (51 vs 62 dead) nearly veto the link, while equal or bound-compatible
//! figures ("430" vs "over 400") add to it; an agreeing speaker adds, a different one subtracts.

use super::features::{Features, Vocabulary};
use crate::claims::figures::Relation;

/// A conflicting figure keeps this share of the score.
const CONFLICT_FACTOR: f32 = 0.2;
/// Bonus for figures that agree although written differently (not already a shared term).
const FIGURE_BONUS: f32 = 0.12;
const SPEAKER_BONUS: f32 = 0.06;
const SPEAKER_MISMATCH_FACTOR: f32 = 0.75;

/// A scored pair with its explanation.
#[derive(Clone, Debug)]
pub struct Scored {
    pub score: f32,
    pub why: String,
    /// The pair's figures disagree but are close or bound-compatible: a variant.
    pub variant: bool,
}

/// The best relation, per unit the two claims share, between their figures; `None` when they
/// share no unit.
pub fn figure_relation(a: &Features, b: &Features) -> Option<Relation> {
    let mut worst: Option<Relation> = None;
    for fa in &a.figures {
        if !b.figures.iter().any(|fb| fb.same_kind(fa)) {
            continue;
        }
        let best = b.figures.iter().filter(|fb| fb.same_kind(fa)).map(|fb| fa.relation(fb)).max();
        worst = match (worst, best) {
            (Some(w), Some(r)) => Some(w.min(r)),
            (None, r) => r,
            (w, None) => w,
        };
    }
    worst
}

pub fn score(a: &Features, b: &Features, vocab: &Vocabulary) -> Scored {
    let mut shared: Vec<(f32, u32)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.terms.len() && j < b.terms.len() {
        let (ta, wa) = a.terms[i];
        let (tb, wb) = b.terms[j];
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
    let overlap: f32 = shared.iter().map(|s| s.0).sum();
    let denom = (a.total * b.total).sqrt();
    let mut score = if denom > 0.0 { overlap / denom } else { 0.0 };
    let mut why = Vec::new();
    shared.sort_by(|x, y| y.0.total_cmp(&x.0));
    let anchors: Vec<&str> = shared.iter().take(5).map(|s| vocab.names[s.1 as usize].as_str()).collect();
    if !anchors.is_empty() {
        why.push(format!("shared {}", anchors.join(", ")));
    }
    let relation = figure_relation(a, b);
    let mut variant = false;
    match relation {
        Some(Relation::Conflict) => {
            score *= CONFLICT_FACTOR;
            why.push("figures conflict".into());
        }
        Some(Relation::Near) => {
            score += FIGURE_BONUS;
            variant = true;
            why.push("figures differ slightly (mutation)".into());
        }
        Some(Relation::Compatible) => {
            score += FIGURE_BONUS;
            variant = true;
            why.push("figures agree within bounds".into());
        }
        Some(Relation::Equal) => why.push("same figures".into()),
        None => {}
    }
    match (&a.speaker, &b.speaker) {
        (Some(x), Some(y)) if x == y => {
            score += SPEAKER_BONUS;
            why.push(format!("same speaker ({x})"));
        }
        (Some(_), Some(_)) => {
            score *= SPEAKER_MISMATCH_FACTOR;
            why.push("different speakers".into());
        }
        _ => {}
    }
    Scored { score, why: format!("{} (similarity {score:.2})", why.join("; ")), variant }
}
