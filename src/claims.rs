//! Stage 3, **claims**: sentences into claims.
//!
//! A claim is a sentence (or part of one) that states a quote, a figure or an attributed
//! statement. Each keeps its span, the sentence and paragraph it sits in (the trace stage
//! reads citations such as "TASS reported" there) and its speaker when one is named.

use crate::clean::Article;
use crate::{segment, Span};
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    Quote,
    Figure,
    Statement,
}

/// One claim as it appears in one article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Claim {
    /// Index into the articles.
    pub article: usize,
    /// Index of the paste the spans point into.
    pub input: usize,
    pub kind: ClaimKind,
    /// The claim itself.
    pub span: Span,
    /// The sentence that holds it.
    pub sentence: Span,
    /// The paragraph that holds it.
    pub paragraph: Span,
    pub speaker: Option<String>,
}

fn reporting_verb() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\b(said|says|told|added|noted|warned|stated|announced|reported|according to)\b").unwrap()
    })
}

/// The claims of every article, in article and text order.
pub fn extract(texts: &[&str], articles: &[Article]) -> Vec<Claim> {
    let mut out = Vec::new();
    for (index, article) in articles.iter().enumerate() {
        let text = texts[article.input];
        for &paragraph in &article.paragraphs {
            for sentence in segment::sentences(text, paragraph) {
                let s = sentence.of(text);
                let kind = if s.contains(['"', '“', '”']) {
                    ClaimKind::Quote
                } else if s.chars().any(|c| c.is_ascii_digit()) {
                    ClaimKind::Figure
                } else if reporting_verb().is_match(s) {
                    ClaimKind::Statement
                } else {
                    continue;
                };
                out.push(Claim {
                    article: index,
                    input: article.input,
                    kind,
                    span: sentence,
                    sentence,
                    paragraph,
                    speaker: None,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_quotes_figures_and_statements_but_not_plain_sentences() {
        let text = "Title here for test\n\n\"We will win,\" he said to the crowd today in the city. Troops took 24 villages in five days of heavy fighting there. The sky was blue over the whole of the region that very day.";
        let articles = crate::clean::clean(0, text);
        let claims = extract(&[text], &articles);
        let kinds: Vec<ClaimKind> = claims.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, [ClaimKind::Quote, ClaimKind::Figure]);
    }
}
