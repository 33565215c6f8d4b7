//! Stage 2, **segment**: paragraphs into sentences.
//!
//! Built on Unicode sentence boundaries (UAX #29, `unicode-segmentation`), then repaired for
//! news text: UAX #29 splits after abbreviations ("Mr.", "U.S.") and the repairs glue those
//! back. Sentences borrow the paragraph and are yielded as spans into the paste.

use crate::Span;
use unicode_segmentation::UnicodeSegmentation;

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
    let starts_lower = next.chars().next().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    starts_lower || is_abbreviation(last_word)
}

fn is_abbreviation(word: &str) -> bool {
    const ABBREVIATIONS: &[&str] = &[
        "Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Lt.", "Col.", "Sgt.", "Capt.", "Prof.", "Rep.", "Sen.",
        "Gov.", "St.", "Jr.", "Sr.", "No.", "Jan.", "Feb.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.",
        "Dec.", "U.S.", "U.K.", "U.N.", "E.U.", "vs.",
    ];
    ABBREVIATIONS.contains(&word) || (word.len() == 2 && word.ends_with('.') && word.starts_with(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, Span::new(0, text.len())).into_iter().map(|s| s.of(text)).collect()
    }

    #[test]
    fn keeps_abbreviations_inside_sentences() {
        assert_eq!(
            split("Mr. Putin met U.S. envoys. They talked."),
            ["Mr. Putin met U.S. envoys.", "They talked."]
        );
    }

    #[test]
    fn offsets_point_into_the_paste() {
        let text = "xx One. Two.";
        let got = sentences(text, Span::new(3, text.len()));
        assert_eq!(got, [Span::new(3, 7), Span::new(8, 12)]);
    }
}
