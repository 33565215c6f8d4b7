//! Clustering without chaining.
//!
//! Candidate links are taken strongest first ([`Clusters::merge_along`]); two clusters merge only when the link clears
//! [`LINK_THRESHOLD`] *and* the average similarity between their members clears
//! [`AVERAGE_THRESHOLD`] (average linkage, checked against the clusters as a whole, sampling at
//! most [`SAMPLE`] members of each side so a merge costs bounded work). A chain
//! A~B~C where A and C share nothing therefore stops at A~B. Two clauses of one sentence are
//! never linked to each other directly, but they are no evidence against a merge either (they
//! may end up in one cluster through others): another article may state both facts in one clause ("at least 38 candidates were killed during the campaign,
//! the bloodiest ..."), so their pair is left out of the average.
//!
//! The matching stage runs [`Clusters::merge_along`] twice: over the links between claims of
//! the bodies, then over those from a headline to a body, where a headline may only join a
//! cluster (never bring two together) and two headlines are not compared.

/// A link must score at least this to be considered.
pub const LINK_THRESHOLD: f32 = 0.20;
/// The merged cluster's average pairwise similarity must reach this.
pub const AVERAGE_THRESHOLD: f32 = 0.15;
/// Average linkage compares at most this many members of each side (bounded work).
const SAMPLE: usize = 24;

/// Clusters being built: the cluster of each claim and the members of each cluster.
pub struct Clusters {
    cluster_of: Vec<usize>,
    members: Vec<Vec<usize>>,
}

impl Clusters {
    /// Each of `n` claims on its own.
    pub fn singletons(n: usize) -> Self {
        Clusters { cluster_of: (0..n).collect(), members: (0..n).map(|i| vec![i]).collect() }
    }

    /// Merges clusters along scored edges, strongest first, where the link and the average
    /// clear their thresholds and `may_merge` allows the two clusters' members to meet;
    /// `similarity(i, j)` scores any pair on demand, and pairs that are `uncompared` (clauses of
    /// one sentence, say) are left out of the average.
    pub fn merge_along(
        &mut self,
        mut edges: Vec<(usize, usize, f32)>,
        uncompared: impl Fn(usize, usize) -> bool,
        mut similarity: impl FnMut(usize, usize) -> f32,
        may_merge: impl Fn(&[usize], &[usize]) -> bool,
    ) {
        edges.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
        for (i, j, s) in edges {
            if s < LINK_THRESHOLD {
                break;
            }
            let (ci, cj) = (self.cluster_of[i], self.cluster_of[j]);
            if ci == cj || !may_merge(&self.members[ci], &self.members[cj]) {
                continue;
            }
            let mut total = 0.0;
            let mut count = 0.0;
            for &a in self.members[ci].iter().take(SAMPLE) {
                for &b in self.members[cj].iter().take(SAMPLE) {
                    if uncompared(a, b) {
                        continue;
                    }
                    total += if (a, b) == (i, j) || (a, b) == (j, i) { s } else { similarity(a, b) };
                    count += 1.0;
                }
            }
            if count > 0.0 && total / count >= AVERAGE_THRESHOLD {
                let (keep, gone) = if self.members[ci].len() >= self.members[cj].len() { (ci, cj) } else { (cj, ci) };
                let moved = std::mem::take(&mut self.members[gone]);
                for &m in &moved {
                    self.cluster_of[m] = keep;
                }
                self.members[keep].extend(moved);
            }
        }
    }

    /// The clusters, each in claim order, ordered by their first claim.
    pub fn into_groups(self) -> Vec<Vec<usize>> {
        let mut out: Vec<Vec<usize>> = self.members.into_iter().filter(|m| !m.is_empty()).collect();
        for m in &mut out {
            m.sort_unstable();
        }
        out.sort_by_key(|m| m[0]);
        out
    }
}

/// Claims that also state the fact of another cluster, as (claim, cluster): a clause of two
/// facts ("after Haller's goal nine minutes from time completed a 2-1 win") lands with one of
/// them, yet is a telling of the other too, and that fact's origin must see it. Of the clusters
/// such a claim links to ([`LINK_THRESHOLD`]) and matches on average as a merge would have to
/// ([`AVERAGE_THRESHOLD`]), it joins the best one, and only where its own article has no member,
/// since an article tells a fact once. `states_two_facts` says which claims may.
pub fn second_facts(
    groups: &[Vec<usize>],
    group_of: &[Option<usize>],
    edges: &[(usize, usize, f32)],
    article_of: impl Fn(usize) -> usize,
    states_two_facts: impl Fn(usize) -> bool,
    mut similarity: impl FnMut(usize, usize) -> f32,
) -> Vec<(usize, usize)> {
    let told: std::collections::HashSet<(usize, usize)> =
        groups.iter().enumerate().flat_map(|(g, members)| members.iter().map(move |&m| (g, m))).map(|(g, m)| (g, article_of(m))).collect();
    let mut best: std::collections::BTreeMap<usize, (usize, f32)> = std::collections::BTreeMap::new();
    for &(i, j, s) in edges {
        for (claim, other) in [(i, j), (j, i)] {
            let Some(g) = group_of[other] else { continue };
            if s < LINK_THRESHOLD || Some(g) == group_of[claim] || told.contains(&(g, article_of(claim))) || !states_two_facts(claim) {
                continue;
            }
            let sample = &groups[g][..groups[g].len().min(SAMPLE)];
            if sample.is_empty() {
                continue;
            }
            let average = sample.iter().map(|&m| similarity(claim, m)).sum::<f32>() / sample.len() as f32;
            if average >= AVERAGE_THRESHOLD && best.get(&claim).is_none_or(|&(_, b)| average > b) {
                best.insert(claim, (g, average));
            }
        }
    }
    best.into_iter().map(|(claim, (g, _))| (claim, g)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_of_one_sentence_do_not_count_against_a_merge() {
        // 0 and 1 are clauses of one sentence; 2 states both facts, 3 the first one.
        let score = |i: usize, j: usize| match (i.min(j), i.max(j)) {
            (0, 2) | (0, 3) | (2, 3) => 0.6,
            (1, 2) => 0.3,
            (1, 3) => 0.1,
            _ => 0.0,
        };
        let edges = vec![(0, 2, 0.6), (0, 3, 0.6), (2, 3, 0.6), (1, 2, 0.3)];
        let sentence = |i: usize, j: usize| i.max(j) <= 1;
        assert_eq!(average_linkage(4, edges.clone(), sentence, score), [vec![0, 1, 2, 3]]);
        // Counted as a zero, the pair would keep 1 apart.
        assert_eq!(average_linkage(4, edges, |_, _| false, score), [vec![0, 2, 3], vec![1]]);
    }

    fn average_linkage(n: usize, edges: Vec<(usize, usize, f32)>, same_sentence: impl Fn(usize, usize) -> bool, similarity: impl FnMut(usize, usize) -> f32) -> Vec<Vec<usize>> {
        let mut clusters = Clusters::singletons(n);
        clusters.merge_along(edges, same_sentence, similarity, |_, _| true);
        clusters.into_groups()
    }

    #[test]
    fn a_refused_meeting_keeps_clusters_apart() {
        // 0~1 and 2~3 are two facts; 4 (a headline, say) is like both, and may join one only.
        let score = |i: usize, j: usize| match (i.min(j), i.max(j)) {
            (0, 1) | (2, 3) => 0.6,
            (0, 4) | (1, 4) => 0.5,
            (2, 4) | (3, 4) => 0.4,
            (0, 2) | (0, 3) | (1, 2) | (1, 3) => 0.12,
            _ => 0.0,
        };
        let headline_only = |m: &[usize]| m.iter().all(|&c| c == 4);
        let run = |guarded: bool| {
            let mut clusters = Clusters::singletons(5);
            clusters.merge_along(vec![(0, 1, 0.6), (2, 3, 0.6)], |_, _| false, score, |_, _| true);
            let edges = vec![(0, 4, 0.5), (1, 4, 0.5), (2, 4, 0.4), (3, 4, 0.4)];
            clusters.merge_along(edges, |_, _| false, score, |a, b| !guarded || headline_only(a) || headline_only(b));
            clusters.into_groups()
        };
        // Unguarded, 4 would bridge the two facts (their average, 0.21, clears the bar).
        assert_eq!(run(false), [vec![0, 1, 2, 3, 4]]);
        assert_eq!(run(true), [vec![0, 1, 4], vec![2, 3]]);
    }

    #[test]
    fn a_clause_of_two_facts_also_joins_the_second() {
        // Claims 0, 1 and 2 tell fact A, 3 and 4 fact B, each in its own article; 2 tells B too.
        let groups = vec![vec![0, 1, 2], vec![3, 4]];
        let group_of = [Some(0), Some(0), Some(0), Some(1), Some(1)];
        let article = [0, 1, 2, 3, 4];
        let score = |i: usize, j: usize| match (i.min(j), i.max(j)) {
            (0, 1) | (0, 2) | (1, 2) | (3, 4) => 0.6,
            (2, 3) => 0.4,
            (2, 4) => 0.2,
            _ => 0.0,
        };
        let edges = [(0, 1, 0.6), (0, 2, 0.6), (1, 2, 0.6), (3, 4, 0.6), (2, 3, 0.4), (2, 4, 0.2)];
        let also = second_facts(&groups, &group_of, &edges, |i| article[i], |_| true, score);
        assert_eq!(also, [(2, 1)]);
        // Not where its article already tells the fact, nor for a claim of one fact.
        let same = second_facts(&groups, &group_of, &edges, |i| if i == 4 { 2 } else { article[i] }, |_| true, score);
        assert!(same.is_empty());
        let refused = second_facts(&groups, &group_of, &edges, |i| article[i], |_| false, score);
        assert!(refused.is_empty());
    }
}
