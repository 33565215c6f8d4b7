//! Clustering without chaining.
//!
//! Candidate links are taken strongest first; two clusters merge only when the link clears
//! [`LINK_THRESHOLD`] *and* the average similarity between their members clears
//! [`AVERAGE_THRESHOLD`] (average linkage, checked against the clusters as a whole, sampling at
//! most [`SAMPLE`] members of each side so a merge costs bounded work). A chain
//! A~B~C where A and C share nothing therefore stops at A~B.

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
