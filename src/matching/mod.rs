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
//! * [`stories`]: which articles tell one story; only they share claims through weak links.
//! * [`cluster`]: average linkage over the candidate links, no single-link chaining.
//! * [`variants`]: mutated figures inside a cluster.

pub mod cluster;
pub mod english;
pub mod features;
pub mod index;
pub mod normalise;
pub mod score;
pub mod stories;
pub mod variants;

pub use variants::Variant;

use crate::claims::figures::Relation;
use crate::claims::Claim;
use serde::Serialize;
use crate::index_map::IndexMap;

/// Two clauses of one article restating each other is rarer than two articles doing so.
const SAME_ARTICLE_FACTOR: f32 = 0.3;
/// A headline is short, so one shared word scores high: it joins a cluster only through a
/// link this strong, made of two words at least.
pub const HEADLINE_LINK_THRESHOLD: f32 = 0.35;

/// Why two claims were linked, for the page to show.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Link {
    /// One claim of the pair (an index into the claims).
    pub a: usize,
    /// The other claim.
    pub b: usize,
    /// Their similarity ([`score::Scored::score`]).
    pub score: f32,
    /// Why they were linked, in words: the terms and figures they share.
    pub why: String,
    /// The two claims state the quantity with different figures.
    pub variant: bool,
}

/// Claims judged to state one fact. `members` index into the claims: those clustered here in
/// text order, then those clustered with another fact that state this one too.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cluster {
    /// The claims stating the fact (indices into the claims; see above for the order).
    pub members: Vec<usize>,
    /// The links between members that made the cluster.
    pub links: Vec<Link>,
    /// Figures that differ between members (mutations), empty when all agree.
    pub variants: Vec<Variant>,
}

/// Groups claims into clusters; every claim of a body lands in one cluster, and a clause that
/// states a second fact as well also in that fact's cluster (see [`cluster::second_facts`]). A
/// headline joins the cluster it restates, if any (it is in no cluster otherwise): once the
/// bodies are clustered, through a direct link of at least [`HEADLINE_LINK_THRESHOLD`] and two
/// shared words, never merging two clusters and never weighed in their averages.
pub fn cluster(texts: &[&str], claims: &[Claim]) -> Vec<Cluster> {
    let (features, vocab) = features::build(texts, claims);
    let stories = stories::Stories::new(claims, &features, &vocab);
    let mut pairs = Pairs { claims, features: &features, stories, scores: IndexMap::default() };
    let edges: Vec<Edge> = index::candidate_pairs(&features)
        .into_iter()
        .map(|(i, j)| (i, j, pairs.score(i, j)))
        .filter(|e| e.2 >= cluster::LINK_THRESHOLD)
        .collect();
    let body_edges: Vec<Edge> = edges.iter().copied().filter(|e| !claims[e.0].headline && !claims[e.1].headline).collect();
    let mut groups = bodies_then_headlines(&mut pairs, &edges, &body_edges);
    let group_of = group_of(claims.len(), &groups);
    let second_cluster = add_second_facts(&mut pairs, &body_edges, &mut groups, &group_of);
    let mut links: Vec<Vec<Link>> = vec![Vec::new(); groups.len()];
    for &(i, j, _) in &edges {
        if let Some(g) = cluster_of_link(&group_of, &second_cluster, i, j) {
            let s = pairs.scored(i, j);
            let why = score::explain(&features[i], &features[j], s, &vocab);
            links[g].push(Link { a: i, b: j, score: s.score, why, variant: s.variant() });
        }
    }
    groups
        .into_iter()
        .zip(links)
        // A claim no other mention joined is kept only when it stands alone as a claim.
        .filter(|(members, _)| members.len() > 1 || members.first().is_some_and(|&m| texts.get(claims[m].input).is_some_and(|t| claims[m].stands_alone(t))))
        .map(|(members, links)| {
            let variants = variants::variants(texts, claims, &members);
            Cluster { members, links, variants }
        })
        .collect()
}

/// A candidate link: two claims and their score.
type Edge = (usize, usize, f32);

/// The claims' pair scores, each computed once: the clustering steps ask for the same pairs.
struct Pairs<'a> {
    claims: &'a [Claim],
    features: &'a [features::Features],
    stories: stories::Stories,
    scores: IndexMap<(usize, usize), score::Scored>,
}

impl Pairs<'_> {
    fn scored(&mut self, i: usize, j: usize) -> score::Scored {
        let key = (i.min(j), i.max(j));
        let (claims, features, stories) = (self.claims, self.features, &mut self.stories);
        *self.scores.entry(key).or_insert_with(|| {
            let (a, b) = (&claims[key.0], &claims[key.1]);
            if a.input == b.input && a.sentence == b.sentence {
                // Clauses of one sentence are different facts by construction.
                return score::Scored { score: 0.0, figures: None };
            }
            let mut s = score::score(&features[key.0], &features[key.1]);
            // A headline restates its own body by trade.
            if a.article == b.article && !a.headline && !b.headline {
                s.score *= SAME_ARTICLE_FACTOR;
            }
            // Articles of different stories share a claim only through a near-verbatim link.
            if s.score < stories::VERBATIM && !stories.alike(a.article, b.article) {
                s.score = 0.0;
            }
            s
        })
    }

    fn score(&mut self, i: usize, j: usize) -> f32 {
        self.scored(i, j).score
    }
}

/// Whether claims `i` and `j` are clauses of one sentence.
fn same_sentence(claims: &[Claim], i: usize, j: usize) -> bool {
    claims[i].input == claims[j].input && claims[i].sentence == claims[j].sentence
}

/// The bodies' claims clustered along `body_edges`, then each headline into the one body
/// cluster it restates (through those of `edges` strong enough); headlines that join none are
/// dropped.
fn bodies_then_headlines(pairs: &mut Pairs, edges: &[Edge], body_edges: &[Edge]) -> Vec<Vec<usize>> {
    let (claims, features) = (pairs.claims, pairs.features);
    let headline = |i: usize| claims[i].headline;
    let telling_words = |i: usize, j: usize| score::shared_terms(&features[i], &features[j]).iter().filter(|t| t.0 > 0.0).count();
    let headline_edges: Vec<Edge> =
        edges.iter().copied().filter(|e| headline(e.0) != headline(e.1) && e.2 >= HEADLINE_LINK_THRESHOLD && telling_words(e.0, e.1) >= 2).collect();
    let mut clusters = cluster::Clusters::singletons(claims.len());
    clusters.merge_along(body_edges.to_vec(), |i, j| same_sentence(claims, i, j), |i, j| pairs.score(i, j), |_, _| true);
    // A headline (alone in its cluster until it joins) joins one cluster of the body; other
    // headlines already there are left out of its average.
    let alone = |members: &[usize]| members.iter().all(|&m| headline(m));
    let uncompared = |i: usize, j: usize| same_sentence(claims, i, j) || headline(i) && headline(j);
    clusters.merge_along(headline_edges, uncompared, |i, j| pairs.score(i, j), |a, b| alone(a) != alone(b));
    clusters.into_groups().into_iter().filter(|g| !alone(g)).collect()
}

/// Each claim's cluster among `groups`, if any.
fn group_of(claims: usize, groups: &[Vec<usize>]) -> Vec<Option<usize>> {
    let mut group_of: Vec<Option<usize>> = vec![None; claims];
    for (g, members) in groups.iter().enumerate() {
        for &m in members {
            group_of[m] = Some(g);
        }
    }
    group_of
}

/// Adds each clause of two facts to the other fact's cluster too; returns that second cluster
/// of each claim. A clause of two facts shows it by two quantities (a minute and a score); it
/// joins the other fact's cluster through a figure they share. Judged on the bodies alone.
fn add_second_facts(pairs: &mut Pairs, body_edges: &[Edge], groups: &mut [Vec<usize>], group_of: &[Option<usize>]) -> Vec<Option<usize>> {
    let claims = pairs.claims;
    let two_quantities = |i: usize| claims[i].figures.first().is_some_and(|first| claims[i].figures.iter().any(|f| !f.same_kind(first)));
    let through_figures: Vec<Edge> =
        body_edges.iter().filter(|&&(i, j, _)| matches!(pairs.scored(i, j).figures, Some(r) if r >= Relation::Compatible)).copied().collect();
    let bodies: Vec<Vec<usize>> = groups.iter().map(|g| g.iter().copied().filter(|&m| !claims[m].headline).collect()).collect();
    let also = cluster::second_facts(&bodies, group_of, &through_figures, |i| claims[i].article, two_quantities, |i, j| pairs.score(i, j));
    let mut second_cluster: Vec<Option<usize>> = vec![None; claims.len()];
    for &(claim, g) in &also {
        groups[g].push(claim);
        second_cluster[claim] = Some(g);
    }
    second_cluster
}

/// The cluster a link between `i` and `j` belongs to: theirs when they share one, or the one
/// it brought a two-fact clause into; none otherwise.
fn cluster_of_link(group_of: &[Option<usize>], second_cluster: &[Option<usize>], i: usize, j: usize) -> Option<usize> {
    let (gi, gj) = (group_of[i]?, group_of[j]?);
    if gi == gj || second_cluster[j] == Some(gi) {
        Some(gi)
    } else {
        (second_cluster[i] == Some(gj)).then_some(gj)
    }
}
