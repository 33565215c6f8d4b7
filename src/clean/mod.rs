//! Stage 1, **clean**: one paste in, the articles it holds out.
//!
//! A paste is everything the browser copied: menus, captions, related lists, footers and the
//! article. Cleaning classifies every line ([`LineKind`]), keeps the body as paragraphs, and
//! reads the metadata (title, byline, outlet, dateline, publication time). Nothing is copied:
//! every result is a [`Span`] into the paste.

mod boilerplate;
mod dates;
mod lines;
mod metadata;
mod split;

use crate::Span;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use serde::Serialize;

/// A value read from the paste together with where it was read.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Field<T> {
    pub value: T,
    pub span: Span,
}

/// When an article was published: an instant with its UTC offset when the page prints a
/// time that a zone places, a bare date otherwise ([`Placed`] keeps a clock time no zone
/// places). Never invented.
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

/// How a printed clock time was placed in the world.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placed {
    /// A bare date, or an instant whose zone the page prints ("17:55 GST", "(Tokyo)", "+01:00").
    Printed,
    /// An instant whose offset comes from where the outlet is based: the page prints no zone.
    FromBase,
    /// A clock time no zone places (none printed and no base known, or an hour its zone skips
    /// when summer time starts): the value keeps only the date, since the offset is never
    /// guessed; the clock is kept to order it within a window.
    Unplaced(NaiveTime),
}

/// An article's publication time: the value the report shows, where it is printed, and how
/// its clock was placed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Publication {
    pub value: Published,
    pub span: Span,
    #[serde(skip)]
    pub placed: Placed,
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
    pub published: Option<Publication>,
    /// The kept body, in order.
    pub paragraphs: Vec<Span>,
    /// Every non-blank line of the article's span, classified.
    pub lines: Vec<Line>,
}

/// Cleans one paste into its articles. `input` is the paste's index, copied into each article.
/// A paste with no running text at all (empty, only menus and footers) has no article.
pub fn clean(input: usize, text: &str) -> Vec<Article> {
    let paste = lines::Paste::new(text);
    if paste.units.is_empty() {
        return Vec::new();
    }
    let classified = boilerplate::classify(&paste);
    let sections = split::sections(&paste, &classified);
    let first_header = sections
        .first()
        .map_or(0..0, |s| s.units.start..s.body.first().copied().unwrap_or(s.units.start));
    let outlet = metadata::outlet(&paste, &classified);
    sections
        .iter()
        .map(|section| {
            let title = metadata::title(&paste, &classified, section);
            Article {
                input,
                span: Span::new(
                    paste.units[section.units.start].span.start,
                    paste.units[section.units.end - 1].span.end,
                ),
                title: title.map(|i| Field {
                    value: paste.text_of(i).to_string(),
                    span: paste.units[i].span,
                }),
                byline: metadata::byline(&paste, &classified, section),
                outlet: outlet.clone(),
                dateline: metadata::dateline(&paste, section),
                published: metadata::published(&paste, &classified, section, title, first_header.clone()),
                paragraphs: section.body.iter().map(|&i| paste.units[i].span).collect(),
                lines: classify_lines(&paste, &classified, section, title),
            }
        })
        .collect()
}

/// The kind of every physical line of the section.
fn classify_lines(paste: &lines::Paste, c: &boilerplate::Classified, section: &split::Section, title: Option<usize>) -> Vec<Line> {
    use boilerplate::Cue;
    let body_start = section.body.first().copied().unwrap_or(section.units.end);
    let mut out = Vec::new();
    for i in section.units.clone() {
        let unit = &paste.units[i];
        let kind = if Some(i) == title {
            LineKind::Title
        } else if section.body.binary_search(&i).is_ok() {
            LineKind::Body
        } else {
            match c.cues[i] {
                Cue::Caption => LineKind::Caption,
                Cue::SignOff | Cue::Legal => LineKind::Credit,
                Cue::Dated => LineKind::Date,
                Cue::Byline => LineKind::Byline,
                // A bare name between the headline and the body: the credit line ("AFP", "KYODO NEWS").
                Cue::Text if title.is_some_and(|t| t < i) && i < body_start && unit.shape.words <= 4 && !c.repeated[i] => LineKind::Byline,
                _ => LineKind::Boilerplate,
            }
        };
        out.extend(unit.lines.iter().map(|&span| Line { span, kind }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_paste_has_no_article() {
        assert!(clean(0, " \n\n").is_empty());
    }
}
