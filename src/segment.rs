//! Stage 2, **segment**: paragraphs into sentences.
//!
//! Built on Unicode sentence boundaries (UAX #29, `unicode-segmentation`), then repaired for
//! news text: UAX #29 splits after abbreviations ("Mr.", "U.S.") and the repairs glue those
//! back. Sentences borrow the paragraph and are yielded as spans into the paste.
//!
//! Repairs: titles and abbreviations ("Mr.", "Gen.", "U.S.", "Aug."), initials ("J. R."),
//! clock times ("7:25 a.m. CDT"), and attributions after a closing quote ("...," he said;
//! "...!" Musk posted on X). Decimals ("0.1") never break in UAX #29.

use crate::span::Span;
use unicode_segmentation::UnicodeSegmentation;
use crate::vocabulary::{self, Language, NEWS_ABBREVIATIONS, REPORTING_VERBS};

/// A body paragraph and its sentences ([`sentences`]), split once for every stage that reads
/// them (claims and trace).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph, a span of its paste.
    pub span: Span,
    /// Its sentences, in order.
    pub sentences: Vec<Span>,
}

/// Each of `paragraphs` (spans of `text`) with its sentences.
pub fn paragraphs(text: &str, paragraphs: &[Span]) -> Vec<Paragraph> {
    paragraphs.iter().map(|&span| Paragraph { span, sentences: sentences(text, span) }).collect()
}

/// Sentences of the paragraph `para` of `text`, as trimmed spans into `text`.
pub fn sentences(text: &str, para: Span) -> Vec<Span> {
    let body = para.of(text);
    let mut out: Vec<Span> = Vec::new();
    for (offset, piece) in body.split_sentence_bound_indices() {
        let span = Span::new(para.start + offset, para.start + offset + piece.len()).trim(text);
        if span.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(prev) if continues(prev.of(text), span.of(text)) => prev.end = span.end,
            _ => out.push(span),
        }
    }
    out
}

/// Whether `next` continues the sentence `prev` that UAX #29 ended too early.
fn continues(prev: &str, next: &str) -> bool {
    let last_word = prev.rsplit(char::is_whitespace).next().unwrap_or("");
    let starts_lower = next
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || matches!(c, ',' | ';' | ')'));
    starts_lower
        || is_abbreviation(last_word)
        || (is_meridiem(last_word) && starts_with_zone(next))
        || (ends_with_closing_quote(prev) && starts_with_attribution(next))
}

fn ends_with_closing_quote(prev: &str) -> bool {
    prev.ends_with(['"', '”', '»']) && prev.trim_end_matches(['"', '”', '»']).ends_with(['!', '?', '.', ','])
}

/// Whether `word` is one of the [`REPORTING_VERBS`].
pub fn is_reporting_verb(word: &str) -> bool {
    REPORTING_VERBS.contains(&word)
}

/// `Musk posted on X.` or `He said.` right after a quote: the quote's attribution, capitalised
/// because it starts with a name.
fn starts_with_attribution(next: &str) -> bool {
    let words: Vec<&str> = next.split_whitespace().take(5).collect();
    words.iter().position(|w| is_reporting_verb(w.trim_end_matches(['.', ',']))).is_some_and(|verb| {
        verb >= 1 && words[..verb].iter().all(|w| w.starts_with(char::is_uppercase))
    })
}

fn is_meridiem(word: &str) -> bool {
    matches!(word, "a.m." | "p.m." | "A.M." | "P.M.")
}

/// "CDT", "GMT", "Central Time": a time zone right after "a.m." continues the sentence.
fn starts_with_zone(next: &str) -> bool {
    let mut words = next.split(|c: char| !c.is_alphanumeric());
    let (first, second) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let abbreviation = (2..=4).contains(&first.len()) && first.chars().all(|c| c.is_ascii_uppercase());
    let named = matches!(first, "Central" | "Eastern" | "Pacific" | "Mountain" | "Atlantic" | "Moscow" | "Beijing")
        && matches!(second, "Time" | "time" | "Standard" | "Daylight");
    abbreviation || named
}

fn is_abbreviation(word: &str) -> bool {
    NEWS_ABBREVIATIONS.contains(&word)
        || (word.len() == 2 && word.ends_with('.') && word.starts_with(char::is_uppercase))
        || is_month_abbreviation(word)
}

/// "Jan.", "Sept.": an English month abbreviation with its dot.
fn is_month_abbreviation(word: &str) -> bool {
    let Some(name) = word.strip_suffix('.').filter(|n| n.starts_with(char::is_uppercase)) else { return false };
    vocabulary::months().iter().any(|m| m.abbreviation && m.language == Language::En && m.name.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, Span::new(0, text.len()))
            .into_iter()
            .map(|s| s.of(text))
            .collect()
    }

    #[test]
    fn keeps_abbreviations_inside_sentences() {
        assert_eq!(
            split("Mr. Putin met U.S. envoys. They talked."),
            ["Mr. Putin met U.S. envoys.", "They talked."]
        );
    }

    #[test]
    fn keeps_initials_times_and_attributions() {
        assert_eq!(
            split("Liftoff came at 7:25 a.m. CDT from Texas. \"It works.\" he said. J. R. Smith agreed."),
            [
                "Liftoff came at 7:25 a.m. CDT from Texas.",
                "\"It works.\" he said.",
                "J. R. Smith agreed."
            ]
        );
    }

    #[test]
    fn offsets_point_into_the_paste() {
        let text = "xx One. Two.";
        let got = sentences(text, Span::new(3, text.len()));
        assert_eq!(got, [Span::new(3, 7), Span::new(8, 12)]);
    }
}
