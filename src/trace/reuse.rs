//! Inferred reuse: an uncredited article that copies an agency article's wording.
//!
//! Aggregators and blogs often rewrite wire copy without naming the agency. When a paragraph of
//! an uncredited article keeps most of an agency paragraph's words in the same order (longest
//! common subsequence of words, quotes left out because every outlet repeats the same quotes),
//! the article gets a credit with role "inferred", the shared passages and the share of its
//! text they cover. It is shown, never counted as a source: the origin rule only trusts credits
//! the page states.

use super::provenance::{Credit, Reuse, Role};
use crate::clean::Article;
use crate::span::Span;
use std::collections::{HashMap, HashSet};

/// A paragraph needs this many words in common, in order, to count as reused...
const MIN_COMMON_WORDS: usize = 12;
/// ...and they must be at least this share of its words.
const MIN_PARAGRAPH_SHARE: f32 = 0.5;
/// Longer paragraphs are compared by their first words only (bounded work).
const MAX_WORDS: usize = 300;
/// A word triple found in more paragraphs of one article than this is too common to point at reuse.
const MAX_POSTINGS: usize = 20;
/// At most this many likely source paragraphs are compared word by word with each paragraph.
const MAX_COMPARED: usize = 5;

struct Paragraph {
    span: Span,
    words: Vec<String>,
    trigrams: HashSet<[u64; 3]>,
}

fn word_hash(w: &str) -> u64 {
    // FNV-1a: deterministic across platforms, no randomness.
    w.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100000001b3))
}

/// Lower-cased words of `span` outside quotation marks.
fn words_outside_quotes(text: &str, span: Span) -> Vec<String> {
    let mut out = Vec::new();
    let mut quoted = false;
    let mut word = String::new();
    for c in span.of(text).chars() {
        if matches!(c, '"' | '“' | '”' | '«' | '»') {
            quoted = match c {
                '“' | '«' => true,
                '”' | '»' => false,
                _ => !quoted,
            };
        }
        if c.is_alphanumeric() {
            if !quoted {
                word.extend(c.to_lowercase());
            }
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if out.len() >= MAX_WORDS {
            break;
        }
    }
    if !word.is_empty() && out.len() < MAX_WORDS {
        out.push(word);
    }
    out
}

fn paragraphs(text: &str, article: &Article) -> Vec<Paragraph> {
    article
        .paragraphs
        .iter()
        .map(|&span| {
            let words = words_outside_quotes(text, span);
            let hashes: Vec<u64> = words.iter().map(|w| word_hash(w)).collect();
            let trigrams = hashes.windows(3).map(|w| [w[0], w[1], w[2]]).collect();
            Paragraph { span, words, trigrams }
        })
        .collect()
}

/// Length of the longest common subsequence of two word lists.
fn common_in_order(a: &[String], b: &[String]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y { diagonal + 1 } else { above.max(row[j]) };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Word triple -> paragraphs holding it, in one article.
type TripleIndex = HashMap<[u64; 3], Vec<usize>>;

/// The triple index of an article's paragraphs (empty for an article that is no source).
/// Triples common to many paragraphs ("in the region") say nothing about reuse and would cost
/// time, so they are left out.
fn triple_index(paragraphs: &[Paragraph], is_source: bool) -> TripleIndex {
    let mut index = TripleIndex::new();
    if is_source {
        for (q, paragraph) in paragraphs.iter().enumerate() {
            for t in &paragraph.trigrams {
                index.entry(*t).or_default().push(q);
            }
        }
        index.retain(|_, qs| qs.len() <= MAX_POSTINGS);
    }
    index
}

/// The paragraphs of `reuser` that follow the wording of a paragraph of `source` (indexed by
/// `index`), and how many words they hold.
fn reused_passages(reuser: &[Paragraph], source: &[Paragraph], index: &TripleIndex) -> (Vec<Span>, usize) {
    let mut passages = Vec::new();
    let mut covered = 0;
    for p in reuser.iter().filter(|p| p.words.len() >= MIN_COMMON_WORDS) {
        // Paragraphs of the source sharing at least three word triples with `p`, most first.
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for t in &p.trigrams {
            for &q in index.get(t).map_or(&[][..], Vec::as_slice) {
                *shared.entry(q).or_default() += 1;
            }
        }
        let mut likely: Vec<(usize, usize)> = shared.into_iter().filter(|&(_, n)| n >= 3).collect();
        likely.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let best = likely.iter().take(MAX_COMPARED).map(|&(q, _)| common_in_order(&p.words, &source[q].words)).max().unwrap_or(0);
        if best >= MIN_COMMON_WORDS && best as f32 >= MIN_PARAGRAPH_SHARE * p.words.len() as f32 {
            passages.push(p.span);
            covered += p.words.len();
        }
    }
    (passages, covered)
}

/// Inferred credits for every article (empty for credited ones). `credits` are the explicit
/// credits found so far; only articles with a source credit can be reused from.
pub fn infer(texts: &[&str], articles: &[Article], credits: &[Vec<Credit>]) -> Vec<Vec<Credit>> {
    let has_source = |i: usize| credits[i].iter().any(|c| c.role.is_source());
    let parsed: Vec<Vec<Paragraph>> = articles.iter().map(|a| paragraphs(texts[a.input], a)).collect();
    let indexes: Vec<TripleIndex> = parsed.iter().enumerate().map(|(i, paragraphs)| triple_index(paragraphs, has_source(i))).collect();
    let mut out = vec![Vec::new(); articles.len()];
    for (u, reuser) in articles.iter().enumerate().filter(|&(u, _)| !has_source(u)) {
        let total: usize = parsed[u].iter().map(|p| p.words.len()).sum();
        if total == 0 {
            continue;
        }
        let mut found: Vec<Credit> = Vec::new();
        for s in (0..articles.len()).filter(|&s| has_source(s) && articles[s].input != reuser.input) {
            let (passages, covered) = reused_passages(&parsed[u], &parsed[s], &indexes[s]);
            let Some(&first) = passages.first() else { continue };
            let share = covered as f32 / total as f32;
            for c in credits[s].iter().filter(|c| c.role.is_source()) {
                let better = found.iter().position(|f| f.agency == c.agency);
                if better.is_some_and(|i| found[i].reuse.as_ref().is_some_and(|r| r.share >= share)) {
                    continue;
                }
                let credit = Credit {
                    agency: c.agency.clone(),
                    role: Role::Inferred,
                    evidence: format!(
                        "{} passage(s), {:.0}% of the text, follow the wording of a{s} credited to {} (\"{}\")",
                        passages.len(),
                        share * 100.0,
                        c.agency,
                        c.evidence
                    ),
                    span: first,
                    reuse: Some(Reuse { source: s, passages: passages.clone(), share }),
                };
                match better {
                    Some(i) => found[i] = credit,
                    None => found.push(credit),
                }
            }
        }
        out[u] = found;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_left_out_of_the_words() {
        let text = "He said \"we will win\" on Monday.";
        assert_eq!(words_outside_quotes(text, Span::new(0, text.len())), ["he", "said", "on", "monday"]);
    }

    #[test]
    fn common_words_in_order() {
        let a: Vec<String> = "a b c d e".split(' ').map(String::from).collect();
        let b: Vec<String> = "a x c d y e".split(' ').map(String::from).collect();
        assert_eq!(common_in_order(&a, &b), 4);
    }
}
