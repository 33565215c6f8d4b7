//! Stage 1, **clean**: one paste in, the articles it holds out.
//!
//! A paste is everything the browser copied: menus, captions, related lists, footers and the
//! article. Cleaning classifies every line ([`LineKind`]), keeps the body as paragraphs, and
//! reads the metadata (title, byline, outlet, dateline, publication time). Nothing is copied:
//! every result is a [`Span`] into the paste.

use crate::Span;
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

/// A value read from the paste together with where it was read.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Field<T> {
    pub value: T,
    pub span: Span,
}

/// When an article was published: an instant with its UTC offset when the page prints a
/// time, a bare date when it prints only a date. Never invented.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Published {
    Instant(DateTime<FixedOffset>),
    Date(NaiveDate),
}

impl Published {
    /// The contract's form: `2025-03-13T08:48:00+08:00` or `2025-03-12`.
    pub fn to_iso(&self) -> String {
        match self {
            Published::Instant(t) => t.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
            Published::Date(d) => d.format("%Y-%m-%d").to_string(),
        }
    }

    /// The local calendar date as printed on the page.
    pub fn local_date(&self) -> NaiveDate {
        match self {
            Published::Instant(t) => t.date_naive(),
            Published::Date(d) => *d,
        }
    }
}

impl Serialize for Published {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_iso())
    }
}

/// What a line of the paste is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum LineKind {
    Title,
    Byline,
    Date,
    Body,
    /// A photo caption or photo credit.
    Caption,
    /// A credit or sign-off line outside the body ("Source: Xinhua", "(Reporting by ...)").
    Credit,
    /// Menus, related lists, prompts, footers, repeated headlines.
    Boilerplate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Line {
    pub span: Span,
    pub kind: LineKind,
}

/// One article found in a paste.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Article {
    /// Index of the paste in the inputs.
    pub input: usize,
    /// The article's own part of its paste.
    pub span: Span,
    pub title: Option<Field<String>>,
    pub byline: Option<Field<String>>,
    pub outlet: Option<Field<String>>,
    /// The place of a dateline ("MOSCOW"), where the body opens with one.
    pub dateline: Option<Field<String>>,
    pub published: Option<Field<Published>>,
    /// The kept body, in order.
    pub paragraphs: Vec<Span>,
    /// Every non-blank line of the article's span, classified.
    pub lines: Vec<Line>,
}

impl Article {
    /// The spans of this article's lines of one kind.
    pub fn lines_of_kind(&self, kind: LineKind) -> impl Iterator<Item = Span> + '_ {
        self.lines.iter().filter(move |l| l.kind == kind).map(|l| l.span)
    }
}

/// Non-blank lines of `text` as spans (without the line break and surrounding whitespace).
pub fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').filter_map(move |raw| {
        let span = Span::new(start, start + raw.len()).trim(text);
        start += raw.len();
        (!span.is_empty()).then_some(span)
    })
}

/// Cleans one paste into its articles. `input` is the paste's index, copied into each article.
pub fn clean(input: usize, text: &str) -> Vec<Article> {
    let all: Vec<Span> = lines(text).collect();
    if all.is_empty() {
        return Vec::new();
    }
    let is_body = |s: &Span| {
        let t = s.of(text);
        t.split_whitespace().count() >= 10 && t.ends_with(['.', '"', '”', '?', '!', '’'])
    };
    let title = all.iter().copied().find(|s| !is_body(s) && s.of(text).split_whitespace().count() >= 4);
    let lines: Vec<Line> = all
        .iter()
        .map(|&span| {
            let kind = if Some(span) == title {
                LineKind::Title
            } else if is_body(&span) {
                LineKind::Body
            } else {
                LineKind::Boilerplate
            };
            Line { span, kind }
        })
        .collect();
    let paragraphs: Vec<Span> = lines.iter().filter(|l| l.kind == LineKind::Body).map(|l| l.span).collect();
    vec![Article {
        input,
        span: Span::new(all[0].start, all[all.len() - 1].end),
        title: title.map(|span| Field { value: span.of(text).to_string(), span }),
        byline: None,
        outlet: None,
        dateline: None,
        published: None,
        paragraphs,
        lines,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_trimmed_spans() {
        let text = "  one\r\n\n two \nthree";
        let got: Vec<&str> = lines(text).map(|s| s.of(text)).collect();
        assert_eq!(got, ["one", "two", "three"]);
    }

    #[test]
    fn empty_paste_has_no_article() {
        assert!(clean(0, " \n\n").is_empty());
    }
}
