//! Grouping a stream of articles into stories: near-duplicate detection with MinHash signatures
//! over word shingles and locality-sensitive hashing (banding), the method of large news-reuse
//! studies. Linear in the articles: each article is hashed once and meets only the few articles
//! that share one of its band buckets; shingles found in very many articles (boilerplate) are
//! set aside first, counted in fixed memory. Native only (the CLI's `group`); deterministic.

use std::collections::HashMap;

/// Words per shingle: long enough that unrelated stories rarely share one, short enough that a
/// rewrite keeps most of them.
const SHINGLE_WORDS: usize = 4;
/// Bands × rows = the signature's length. A pair of resemblance s becomes a candidate with
/// probability 1 - (1 - s^ROWS)^BANDS: 0.08 at s = 0.05, 0.52 at 0.15, 0.95 at 0.3.
const BANDS: usize = 32;
const ROWS: usize = 2;
const SIGNATURE: usize = BANDS * ROWS;
/// A candidate joins when the signatures agree on this share of positions (estimated Jaccard of
/// the kept shingles): rewrites of one report share 0.15 to 0.7 of them, unrelated articles
/// almost none once boilerplate is set aside.
const MIN_RESEMBLANCE: f64 = 0.15;
/// A shingle in more articles than this is boilerplate (a site's footer, a stock phrase), as in
/// passim's n-gram filter: it says nothing about which story an article tells.
const MAX_ARTICLES_PER_SHINGLE: u16 = 100;
/// An article with fewer kept shingles than this (a report reprinted more than
/// `MAX_ARTICLES_PER_SHINGLE` times) is signed on all its shingles.
const MIN_KEPT_SHINGLES: usize = 8;
/// Counters of the shingles' article counts: two rows of a count-min sketch, fixed memory
/// (32 MB) whatever the stream's length; a collision can only overcount.
const SKETCH_BITS: u32 = 23;
/// Members of a bucket a newcomer is compared with: keeps a popular bucket linear.
const BUCKET_PROBES: usize = 4;
/// Only the start of a long text is shingled: bounded work per article.
const MAX_TEXT_BYTES: usize = 64 * 1024;

type Signature = [u64; SIGNATURE];

/// A stable 64-bit mix (splitmix64's finaliser): no hash-order or per-process seed.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn word_hash(word: &str) -> u64 {
    // FNV-1a over the lower-cased word.
    word.chars().flat_map(char::to_lowercase).fold(0xcbf2_9ce4_8422_2325, |h, c| (h ^ c as u64).wrapping_mul(0x100_0000_01b3))
}

/// The distinct hashes of the text's word shingles, sorted.
fn shingles(text: &str) -> Vec<u64> {
    let end = crate::span::floor_char_boundary(text, MAX_TEXT_BYTES.min(text.len()));
    let words: Vec<u64> = text[..end].split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(word_hash).collect();
    let mut hashes: Vec<u64> = words.windows(SHINGLE_WORDS).map(|s| mix(s.iter().fold(0, |h, &w| mix(h ^ w)))).collect();
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// How many articles hold each shingle, approximately (never under).
struct ArticleCounts {
    rows: [Vec<u16>; 2],
}

impl ArticleCounts {
    fn slots(shingle: u64) -> [usize; 2] {
        let mask = (1 << SKETCH_BITS) - 1;
        [(shingle & mask) as usize, ((shingle >> 32) & mask) as usize]
    }

    fn of<S: AsRef<str>>(texts: &[S]) -> ArticleCounts {
        let mut rows = [vec![0u16; 1 << SKETCH_BITS], vec![0u16; 1 << SKETCH_BITS]];
        for text in texts {
            for shingle in shingles(text.as_ref()) {
                for (row, slot) in rows.iter_mut().zip(Self::slots(shingle)) {
                    row[slot] = row[slot].saturating_add(1);
                }
            }
        }
        ArticleCounts { rows }
    }

    fn count(&self, shingle: u64) -> u16 {
        let [a, b] = Self::slots(shingle);
        self.rows[0][a].min(self.rows[1][b])
    }
}

/// The MinHash signature of the text's telling shingles; `None` for a text with no shingle.
fn signature(text: &str, counts: &ArticleCounts) -> Option<Signature> {
    let all = shingles(text);
    let kept: Vec<u64> = all.iter().copied().filter(|&s| counts.count(s) <= MAX_ARTICLES_PER_SHINGLE).collect();
    let chosen = if kept.len() >= MIN_KEPT_SHINGLES { kept } else { all };
    if chosen.is_empty() {
        return None;
    }
    let mut sig = [u64::MAX; SIGNATURE];
    for base in chosen {
        for (i, slot) in sig.iter_mut().enumerate() {
            // One hash per position, from the shingle's hash and the position's seed.
            let h = mix(base ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            *slot = (*slot).min(h);
        }
    }
    Some(sig)
}

fn resemblance(a: &Signature, b: &Signature) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / SIGNATURE as f64
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Groups texts into stories: indexes into `texts`, each story in input order, stories in the
/// order of their first article. A text with no shingle is a story of its own. At most
/// `u32::MAX - 1` texts.
pub fn group<S: AsRef<str>>(texts: &[S]) -> Vec<Vec<usize>> {
    assert!(texts.len() < u32::MAX as usize, "group takes fewer than 2^32 - 1 texts");
    let counts = ArticleCounts::of(texts);
    let signatures: Vec<Option<Signature>> = texts.iter().map(|t| signature(t.as_ref(), &counts)).collect();
    drop(counts);
    let mut parent: Vec<usize> = (0..texts.len()).collect();
    // A bucket keeps its first few members (u32::MAX: a free place), inline: fixed memory a bucket.
    let mut buckets: HashMap<u64, [u32; BUCKET_PROBES]> = HashMap::new();
    for (i, sig) in signatures.iter().enumerate() {
        let Some(sig) = sig else { continue };
        for band in 0..BANDS {
            let key = sig[band * ROWS..(band + 1) * ROWS].iter().fold(band as u64, |h, &v| mix(h ^ v));
            let members = buckets.entry(key).or_insert([u32::MAX; BUCKET_PROBES]);
            for &j in members.iter().take_while(|&&j| j != u32::MAX) {
                let other = signatures[j as usize].as_ref().expect("only signed texts are in buckets");
                if resemblance(sig, other) >= MIN_RESEMBLANCE {
                    let (a, b) = (find(&mut parent, i), find(&mut parent, j as usize));
                    parent[a.max(b)] = a.min(b);
                }
            }
            if let Some(free) = members.iter_mut().find(|j| **j == u32::MAX) {
                *free = i as u32;
            }
        }
    }
    let mut story_of_root: HashMap<usize, usize> = HashMap::new();
    let mut stories: Vec<Vec<usize>> = Vec::new();
    for i in 0..texts.len() {
        let root = find(&mut parent, i);
        let story = *story_of_root.entry(root).or_insert_with(|| {
            stories.push(Vec::new());
            stories.len() - 1
        });
        stories[story].push(i);
    }
    stories
}

/// Pair F1 of found stories against true ones (labels per article): the pairs of articles put
/// together, scored against the pairs that belong together.
pub fn pair_f1(found: &[Vec<usize>], truth: &[usize]) -> f64 {
    let pairs = |n: usize| (n * n.saturating_sub(1) / 2) as f64;
    let mut cells: HashMap<(usize, usize), usize> = HashMap::new();
    let mut true_sizes: HashMap<usize, usize> = HashMap::new();
    for (story, members) in found.iter().enumerate() {
        for &m in members {
            *cells.entry((story, truth[m])).or_default() += 1;
            *true_sizes.entry(truth[m]).or_default() += 1;
        }
    }
    let together: f64 = cells.values().map(|&n| pairs(n)).sum();
    let found_pairs: f64 = found.iter().map(|s| pairs(s.len())).sum();
    let true_pairs: f64 = true_sizes.values().map(|&n| pairs(n)).sum();
    if found_pairs + true_pairs == 0.0 {
        return 1.0;
    }
    2.0 * together / (found_pairs + true_pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "The central bank raised its main interest rate by a quarter point on Tuesday, \
        the first increase in seventeen years, saying inflation had settled near its target of two percent \
        and wages were rising across the country.";
    const OTHER: &str = "Heavy rain flooded the eastern province overnight, forcing thousands of families \
        from their homes as rivers burst their banks and rescue teams worked through the night with boats.";

    #[test]
    fn rewrites_of_one_report_are_one_story_and_another_report_is_not() {
        let rewrite = format!("TOKYO (Reuters) - {} Markets rose on the news.", WIRE.replace("Tuesday", "Tuesday morning"));
        let texts = [WIRE.to_string(), OTHER.to_string(), rewrite, format!("Updated: {OTHER}")];
        assert_eq!(group(&texts), vec![vec![0, 2], vec![1, 3]]);
    }

    #[test]
    fn empty_and_tiny_texts_are_stories_of_their_own() {
        assert_eq!(group(&["", "a b", ""]), vec![vec![0], vec![1], vec![2]]);
        assert!(group::<&str>(&[]).is_empty());
    }

    #[test]
    fn pair_f1_counts_pairs() {
        assert_eq!(pair_f1(&[vec![0, 1], vec![2]], &[0, 0, 1]), 1.0);
        // Found {0,1,2} against truth {0,1},{2}: 1 true pair of 3 found, 1 true pair in all.
        assert!((pair_f1(&[vec![0, 1, 2]], &[0, 0, 1]) - 0.5).abs() < 1e-9);
    }
}
