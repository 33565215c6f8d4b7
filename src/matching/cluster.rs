//! Clustering without chaining.
//!
//! Candidate links are taken strongest first; two clusters merge only when the link clears
//! [`LINK_THRESHOLD`] *and* the average similarity between their members clears
//! [`AVERAGE_THRESHOLD`] (average linkage, checked against the clusters as a whole, sampling at
//! most [`SAMPLE`] members of each side so a merge costs bounded work). A chain
//! A~B~C where A and C share nothing therefore stops at A~B. Two clauses of one sentence are
//! never linked to each other directly, but they are no evidence against a merge either (they
//! may end up in one cluster through others): another article may state both facts in one clause ("at least 38 candidates were killed during the campaign,
//! the bloodiest ..."), so their pair is left out of the average.

/// A link must score at least this to be considered.
pub const LINK_THRESHOLD: f32 = 0.20;
/// The merged cluster's average pairwise similarity must reach this.
pub const AVERAGE_THRESHOLD: f32 = 0.15;
/// Average linkage compares at most this many members of each side (bounded work).
const SAMPLE: usize = 24;

/// Union of clusters driven by scored edges; `similarity(i, j)` scores any pair on demand.
pub fn average_linkage(
    n: usize,
    mut edges: Vec<(usize, usize, f32)>,
    same_sentence: impl Fn(usize, usize) -> bool,
    mut similarity: impl FnMut(usize, usize) -> f32,
) -> Vec<Vec<usize>> {
    edges.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    let mut cluster_of: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    for (i, j, s) in edges {
        if s < LINK_THRESHOLD {
            break;
        }
        let (ci, cj) = (cluster_of[i], cluster_of[j]);
        if ci == cj {
            continue;
        }
        let mut total = 0.0;
        let mut count = 0.0;
        for &a in members[ci].iter().take(SAMPLE) {
            for &b in members[cj].iter().take(SAMPLE) {
                if same_sentence(a, b) {
                    continue;
                }
                total += if (a, b) == (i, j) || (a, b) == (j, i) {
                    s
                } else {
                    similarity(a, b)
                };
                count += 1.0;
            }
        }
        if count > 0.0 && total / count >= AVERAGE_THRESHOLD {
            let (keep, gone) = if members[ci].len() >= members[cj].len() {
                (ci, cj)
            } else {
                (cj, ci)
            };
            let moved = std::mem::take(&mut members[gone]);
            for &m in &moved {
                cluster_of[m] = keep;
            }
            members[keep].extend(moved);
        }
    }
    let mut out: Vec<Vec<usize>> = members.into_iter().filter(|m| !m.is_empty()).collect();
    for m in &mut out {
        m.sort_unstable();
    }
    out.sort_by_key(|m| m[0]);
    out
}

/// Claims that also state the fact of another cluster, as (claim, cluster): a clause of two
/// facts ("after Haller's goal nine minutes from time completed a 2-1 win") lands with one of
/// them, yet is a telling of the other too, and that fact's origin must see it. Of the clusters
/// such a claim links to ([`LINK_THRESHOLD`]) and matches on average as a merge would have to
/// ([`AVERAGE_THRESHOLD`]), it joins the best one, and only where its own article has no member,
/// since an article tells a fact once. `states_two_facts` says which claims may.
pub fn second_facts(
    groups: &[Vec<usize>],
    group_of: &[usize],
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
            let g = group_of[other];
            if s < LINK_THRESHOLD || g == group_of[claim] || told.contains(&(g, article_of(claim))) || !states_two_facts(claim) {
                continue;
            }
            let sample = &groups[g][..groups[g].len().min(SAMPLE)];
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

    #[test]
    fn a_clause_of_two_facts_also_joins_the_second() {
        // Claims 0, 1 and 2 tell fact A, 3 and 4 fact B, each in its own article; 2 tells B too.
        let groups = vec![vec![0, 1, 2], vec![3, 4]];
        let group_of = [0, 0, 0, 1, 1];
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
