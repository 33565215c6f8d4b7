//! What cleaning finds: the [`Article`]s of a paste and their parts, each with its span.

use crate::span::Span;
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

