//! Stage 4, **matching**: claims that state the same fact, across articles, into clusters.

use crate::claims::Claim;
use serde::Serialize;
use std::collections::BTreeSet;

/// Why two claims were linked, for the page to show.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Link {
    pub a: usize,
    pub b: usize,
    pub score: f32,
    pub why: String,
}

/// Claims judged to state one fact. `members` index into the claims, in text order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cluster {
    pub members: Vec<usize>,
    pub links: Vec<Link>,
}

fn content_words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 3)
        .map(str::to_lowercase)
        .collect()
}

/// Groups claims into clusters; every claim lands in exactly one cluster.
pub fn cluster(texts: &[&str], claims: &[Claim]) -> Vec<Cluster> {
    let words: Vec<BTreeSet<String>> = claims.iter().map(|c| content_words(c.span.of(texts[c.input]))).collect();
    let mut clusters: Vec<Cluster> = Vec::new();
    for (i, claim) in claims.iter().enumerate() {
        let best = clusters
            .iter_mut()
            .filter(|cl| cl.members.iter().all(|&m| claims[m].article != claim.article))
            .map(|cl| {
                let score = cl.members.iter().map(|&m| jaccard(&words[m], &words[i])).fold(f32::MAX, f32::min);
                (score, cl)
            })
            .filter(|(score, _)| *score >= 0.4)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        match best {
            Some((score, cl)) => {
                cl.links.push(Link { a: cl.members[0], b: i, score, why: format!("shared words {score:.2}") });
                cl.members.push(i);
            }
            None => clusters.push(Cluster { members: vec![i], links: Vec::new() }),
        }
    }
    clusters
}

fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f32 {
    let inter = a.intersection(b).count();
    let union = a.len() + b.len() - inter;
    if union == 0 { 0.0 } else { inter as f32 / union as f32 }
}
