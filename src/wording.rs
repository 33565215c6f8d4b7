//! **Shared wording** of two mentions, in their own words: what the page highlights side by
//! side and the plain "why these were linked" (the matching stage's reasons are stems).
//!
//! Two texts share a word when it is written the same (case and accents aside) and it is
//! either part of a run of at least two words both have in that order, or a word that carries
//! a fact on its own (not a stop word). Work is bounded: only the first [`MAX_WORDS`] words of
//! each text are compared.

use crate::matching::normalise::{fold_diacritics, terms};
use crate::Span;
use unicode_segmentation::UnicodeSegmentation;

/// Words compared per text: enough for any sentence, a bound for a hostile one.
pub const MAX_WORDS: usize = 300;

/// A claim's mentions marked with their shared wording (the page shows them side by side; any
/// more are listed unmarked: a wire story reprinted a thousand times must not cost a thousand
/// comparisons).
pub const SIDE_BY_SIDE: usize = 12;

/// Each marked mention's shared wording is found against this many others.
pub const COMPARED: usize = 8;

/// Phrases quoted in a link's evidence.
const PHRASES_SHOWN: usize = 3;

struct Word {
    span: Span,
    folded: String,
    /// A hash of `folded`: two words are compared by it first, and most pairs differ.
    key: u64,
    /// It says something on its own (not "the", "said", "on"): read once per word, not per run.
    fact: bool,
}

/// A text cut into its words once, to be compared with many others (a claim's mentions are
/// each compared with several).
pub struct Words<'t> {
    text: &'t str,
    words: Vec<Word>,
}

impl<'t> Words<'t> {
    /// The first [`MAX_WORDS`] words of `text`.
    pub fn new(text: &'t str) -> Self {
        let words = text
            .unicode_word_indices()
            .take(MAX_WORDS)
            .map(|(start, word)| {
                let folded: String = word.chars().map(fold_diacritics).flat_map(char::to_lowercase).collect();
                let fact = !terms(&folded).is_empty() || folded.chars().all(|c| c.is_ascii_digit());
                let key = folded.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
                Word { span: Span::new(start, start + word.len()), folded, key, fact }
            })
            .collect();
        Words { text, words }
    }

    /// The spans of the marked words, joined ([`joined`]).
    fn spans(&self, marks: &[bool]) -> Vec<Span> {
        joined(self.text, self.words.iter().zip(marks).filter(|(_, &m)| m).map(|(w, _)| w.span).collect())
    }
}

/// Whether two words are written the same (case and accents aside).
fn same(a: &Word, b: &Word) -> bool {
    a.key == b.key && a.folded == b.folded
}

/// A run of words both texts have in that order: where it ends in each (exclusive) and its length.
#[derive(Clone, Copy)]
struct Run {
    end_a: usize,
    end_b: usize,
    len: usize,
}

/// The maximal common runs of words (longest first, then in `a`'s order).
fn runs(a: &[Word], b: &[Word]) -> Vec<Run> {
    let mut previous = vec![0usize; b.len() + 1];
    let mut current = vec![0usize; b.len() + 1];
    let mut found = Vec::new();
    for i in 0..a.len() {
        for j in 0..b.len() {
            current[j + 1] = if same(&a[i], &b[j]) { previous[j] + 1 } else { 0 };
        }
        // A run ends here when it does not go on with the next word of both.
        for j in 0..b.len() {
            let len = current[j + 1];
            let goes_on = i + 1 < a.len() && j + 1 < b.len() && same(&a[i + 1], &b[j + 1]);
            if len > 0 && !goes_on {
                found.push(Run { end_a: i + 1, end_b: j + 1, len });
            }
        }
        std::mem::swap(&mut previous, &mut current);
    }
    found.sort_by(|x, y| y.len.cmp(&x.len).then(x.end_a.cmp(&y.end_a)));
    found
}

/// Which words of `a` and of `b` the other shares: those of a common run of two words or more,
/// or of one word that carries a fact. A reprint shares all its words, without the runs.
fn marks(a: &Words, b: &Words) -> (Vec<bool>, Vec<bool>) {
    let (wa, wb) = (&a.words, &b.words);
    let reprint = wa.len() == wb.len() && wa.iter().zip(wb).all(|(x, y)| same(x, y));
    if reprint && (wa.len() >= 2 || wa.iter().all(|w| w.fact)) {
        return (vec![true; wa.len()], vec![true; wb.len()]);
    }
    let mut in_a = vec![false; wa.len()];
    let mut in_b = vec![false; wb.len()];
    for run in runs(wa, wb) {
        if run.len >= 2 || wa[run.end_a - 1].fact {
            in_a[run.end_a - run.len..run.end_a].iter_mut().for_each(|m| *m = true);
            in_b[run.end_b - run.len..run.end_b].iter_mut().for_each(|m| *m = true);
        }
    }
    (in_a, in_b)
}

/// The spans of `a` and of `b` (byte offsets into each) that the other shares, in order and
/// merged where adjacent words touch through spaces or punctuation.
pub fn shared(a: &str, b: &str) -> (Vec<Span>, Vec<Span>) {
    let (wa, wb) = (Words::new(a), Words::new(b));
    let (in_a, in_b) = marks(&wa, &wb);
    (wa.spans(&in_a), wb.spans(&in_b))
}

/// The spans in order, overlapping ones and neighbours with only spaces or punctuation
/// between them joined into one.
fn joined(text: &str, mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_unstable();
    let mut out: Vec<Span> = Vec::new();
    for span in spans {
        match out.last_mut() {
            Some(last) if span.start <= last.end || !text[last.end..span.start].chars().any(char::is_alphanumeric) => {
                last.end = last.end.max(span.end)
            }
            _ => out.push(span),
        }
    }
    out
}

/// For each text (cut into its words), what it shares with any other of `words` (compared
/// with at most `others` of them, the first ones, so a claim reprinted a thousand times stays
/// cheap).
pub fn shared_with_others(words: &[&Words], others: usize) -> Vec<Vec<Span>> {
    words
        .iter()
        .enumerate()
        .map(|(i, this)| {
            let mut marked = vec![false; this.words.len()];
            for j in (0..words.len()).filter(|&j| j != i).take(others) {
                marked.iter_mut().zip(marks(this, words[j]).0).for_each(|(m, shared)| *m |= shared);
            }
            this.spans(&marked)
        })
        .collect()
}

/// Why two mentions were linked, in `a`'s own words: "both say “security zone along the
/// state border” and “think about” (similarity 0.39)".
pub fn link_evidence(a: &str, b: &str, score: f32) -> String {
    with_similarity(&said(&Words::new(a), &Words::new(b)), score)
}

/// What [`said`] found, then the link's similarity.
pub fn with_similarity(said: &str, score: f32) -> String {
    format!("{said} (similarity {score:.2})")
}

/// The words both say, quoted from `a` ([`link_evidence`] without its similarity): the same
/// for every link between the same two wordings.
pub fn said(a: &Words, b: &Words) -> String {
    let (wa, wb) = (&a.words, &b.words);
    let phrases: Vec<String> = runs(wa, wb)
        .into_iter()
        .filter(|run| run.len >= 2 || wa[run.end_a - 1].fact)
        .filter(|run| wa[run.end_a - run.len..run.end_a].iter().any(|w| w.fact))
        .take(PHRASES_SHOWN)
        .map(|run| format!("“{}”", &a.text[wa[run.end_a - run.len].span.start..wa[run.end_a - 1].span.end]))
        .collect();
    match phrases.split_last() {
        None => "no wording in common, the same facts in other words".to_string(),
        Some((only, [])) => format!("both say {only}"),
        Some((last, init)) => format!("both say {} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "Putin on Wednesday proposed establishing a security zone along Russia's state border";
    const B: &str = "\"And of course, we need to think about creating a security zone along the state border.\"";

    fn texts<'t>(text: &'t str, spans: &[Span]) -> Vec<&'t str> {
        spans.iter().map(|s| s.of(text)).collect()
    }

    #[test]
    fn shared_wording_is_marked_in_both_texts() {
        let (a, b) = shared(A, B);
        assert_eq!(texts(A, &a), ["a security zone along", "state border"]);
        assert_eq!(texts(B, &b), ["a security zone along", "state border"]);
    }

    #[test]
    fn a_lone_stop_word_in_common_is_not_shared() {
        let (a, b) = shared("The army said on Monday", "On the other hand, prices rose");
        assert!(a.is_empty() && b.is_empty(), "{a:?} {b:?}");
    }

    #[test]
    fn case_and_accents_do_not_matter() {
        let (a, _) = shared("Erdoğan met Kessié", "erdogan and KESSIE");
        assert_eq!(texts("Erdoğan met Kessié", &a), ["Erdoğan", "Kessié"]);
    }

    #[test]
    fn the_evidence_quotes_the_words_not_stems() {
        let why = link_evidence(A, B, 0.391);
        assert_eq!(why, "both say “a security zone along” and “state border” (similarity 0.39)");
        assert_eq!(link_evidence("Prices rose", "Costs climbed", 0.3), "no wording in common, the same facts in other words (similarity 0.30)");
    }

    #[test]
    fn shared_with_others_joins_what_any_other_shares() {
        let all = ["troops left Kursk", "troops left", "Kursk was retaken"];
        let words: Vec<Words> = all.iter().map(|text| Words::new(text)).collect();
        let spans = shared_with_others(&words.iter().collect::<Vec<_>>(), 8);
        assert_eq!(texts(all[0], &spans[0]), ["troops left Kursk"]);
        assert_eq!(texts(all[2], &spans[2]), ["Kursk"]);
    }

    #[test]
    fn a_hostile_text_is_bounded() {
        let long = "word ".repeat(100_000);
        let (a, b) = shared(&long, &long);
        assert_eq!((a.len(), b.len()), (1, 1));
        assert_eq!(a[0].len(), "word ".len() * MAX_WORDS - 1);
    }
}
