//! Stage 4, **matching**: claims that state the same fact, across articles, into clusters.
//!
//! ```text
//! claims --normalise--> terms --features--> weighted terms + figures + speaker
//!        --index--> candidate pairs --score--> links with why --cluster--> clusters
//!        --variants--> differing figures flagged
//! ```
//!
//! * [`normalise`]: stemming, British/American and transliteration folding, news lexicon.
//! * [`features`]: idf-weighted terms of the clause, context of the sentence, figure anchors.
//! * [`index`]: blocking on rare terms, so cost grows linearly with the number of claims.
//! * [`score`]: pair similarity with figure, speaker and explanation.
//! * [`cluster`]: average linkage over the candidate links, no single-link chaining.
//! * [`variants`]: mutated figures inside a cluster.

pub mod cluster;
pub mod features;
pub mod index;
pub mod normalise;
pub mod score;
pub mod variants;

pub use variants::Variant;

use crate::claims::figures::Relation;
use crate::claims::Claim;
use serde::Serialize;
use std::collections::HashMap;

/// Two clauses of one article restating each other is rarer than two articles doing so.
const SAME_ARTICLE_FACTOR: f32 = 0.3;

/// Why two claims were linked, for the page to show.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Link {
    pub a: usize,
    pub b: usize,
    pub score: f32,
    pub why: String,
    /// The two claims state the quantity with different figures.
    pub variant: bool,
}

/// Claims judged to state one fact. `members` index into the claims: those clustered here in
/// text order, then those clustered with another fact that state this one too.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cluster {
    pub members: Vec<usize>,
    pub links: Vec<Link>,
    /// Figures that differ between members (mutations), empty when all agree.
    pub variants: Vec<Variant>,
}

/// Groups claims into clusters; every claim lands in one cluster, and a clause that states a
/// second fact as well also in that fact's cluster (see [`cluster::second_facts`]).
pub fn cluster(texts: &[&str], claims: &[Claim]) -> Vec<Cluster> {
    let (features, vocab) = features::build(texts, claims);
    let mut cache: HashMap<(usize, usize), score::Scored> = HashMap::new();
    let mut scored = |i: usize, j: usize| -> score::Scored {
        let key = (i.min(j), i.max(j));
        *cache.entry(key).or_insert_with(|| {
            let (a, b) = (&claims[key.0], &claims[key.1]);
            if a.input == b.input && a.sentence == b.sentence {
                // Clauses of one sentence are different facts by construction.
                return score::Scored {
                    score: 0.0,
                    figures: None,
                };
            }
            let mut s = score::score(&features[key.0], &features[key.1]);
            if a.article == b.article {
                s.score *= SAME_ARTICLE_FACTOR;
            }
            s
        })
    };
    let edges: Vec<(usize, usize, f32)> = index::candidate_pairs(&features)
        .into_iter()
        .map(|(i, j)| (i, j, scored(i, j).score))
        .filter(|e| e.2 >= cluster::LINK_THRESHOLD)
        .collect();
    // The body's claims cluster first; headlines then join them or each other, but a headline
    // like two facts of the body never merges them.
    let same_sentence = |i: usize, j: usize| claims[i].input == claims[j].input && claims[i].sentence == claims[j].sentence;
    let (headline_edges, body_edges): (Vec<_>, Vec<_>) = edges.iter().partition(|e| claims[e.0].headline || claims[e.1].headline);
    let mut clusters = cluster::Clusters::singletons(claims.len());
    clusters.merge_along(body_edges, same_sentence, |i, j| scored(i, j).score, |_, _| true);
    let headlines_only = |members: &[usize]| members.iter().all(|&m| claims[m].headline);
    clusters.merge_along(headline_edges, same_sentence, |i, j| scored(i, j).score, |a, b| headlines_only(a) || headlines_only(b));
    let mut groups = clusters.into_groups();
    let mut group_of = vec![0usize; claims.len()];
    for (g, members) in groups.iter().enumerate() {
        for &m in members {
            group_of[m] = g;
        }
    }
    // A clause of two facts shows it by two quantities (a minute and a score); it joins the
    // other fact's cluster through a figure they share.
    let two_quantities = |i: usize| claims[i].figures.first().is_some_and(|first| claims[i].figures.iter().any(|f| !f.same_kind(first)));
    let through_figures: Vec<(usize, usize, f32)> = edges
        .iter()
        .filter(|&&(i, j, _)| matches!(scored(i, j).figures, Some(r) if r != Relation::Conflict))
        .copied()
        .collect();
    // Judged on the bodies: a headline in a cluster is attached to it, not part of its measure.
    let bodies: Vec<Vec<usize>> = groups.iter().map(|g| g.iter().copied().filter(|&m| !claims[m].headline).collect()).collect();
    let body_with_two_quantities = |i: usize| !claims[i].headline && two_quantities(i);
    let also = cluster::second_facts(&bodies, &group_of, &through_figures, |i| claims[i].article, body_with_two_quantities, |i, j| scored(i, j).score);
    let mut second_cluster: Vec<Option<usize>> = vec![None; claims.len()];
    for &(claim, g) in &also {
        groups[g].push(claim);
        second_cluster[claim] = Some(g);
    }
    let mut links: Vec<Vec<Link>> = vec![Vec::new(); groups.len()];
    for &(i, j, _) in &edges {
        // A link within a cluster, or the one that brought a two-fact clause into another.
        let cluster = if group_of[i] == group_of[j] || second_cluster[j] == Some(group_of[i]) {
            Some(group_of[i])
        } else {
            (second_cluster[i] == Some(group_of[j])).then_some(group_of[j])
        };
        if let Some(g) = cluster {
            let s = scored(i, j);
            let why = score::explain(&features[i], &features[j], s, &vocab);
            links[g].push(Link {
                a: i,
                b: j,
                score: s.score,
                why,
                variant: s.variant(),
            });
        }
    }
    groups
        .into_iter()
        .zip(links)
        .map(|(members, links)| {
            let variants = variants::variants(texts, claims, &members);
            Cluster {
                members,
                links,
                variants,
            }
        })
        .collect()
}
