//! What cleaning finds: the [`Article`]s of a paste and their parts, each with its span.

use crate::span::Span;
use crate::page_time::PageTime;
use serde::Serialize;

/// A value read from the paste together with where it was read.
#[derive(Clone, Debug, PartialEq)]
pub struct Field<T> {
    /// What was read.
    pub value: T,
    /// Where it was read in the paste.
    pub span: Span,
}

/// What a line of the paste is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum LineKind {
    /// The headline.
    Title,
    /// "By ...", or an agency line under the headline.
    Byline,
    /// A line holding the publication date.
    Date,
    /// A paragraph of the kept body.
    Body,
    /// A photo caption or photo credit.
    Caption,
    /// A credit or sign-off line outside the body ("Source: Xinhua", "(Reporting by ...)").
    Credit,
    /// Menus, related lists, prompts, footers, repeated headlines.
    Boilerplate,
}

/// One physical line of a paste and what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Line {
    /// The line, without its line break.
    pub span: Span,
    /// What it is.
    pub kind: LineKind,
}

/// One article found in a paste.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// Index of the paste in the inputs.
    pub input: usize,
    /// The article's own part of its paste.
    pub span: Span,
    /// The headline.
    pub title: Option<Field<String>>,
    /// The byline's names.
    pub byline: Option<Field<String>>,
    /// The outlet's name (masthead, copyright holder, labelled address).
    pub outlet: Option<Field<String>>,
    /// The place of a dateline ("MOSCOW"), where the body opens with one.
    pub dateline: Option<Field<String>>,
    /// When it was published, where the page says so.
    pub published: Option<Field<PageTime>>,
    /// The kept body, in order.
    pub paragraphs: Vec<Span>,
    /// Every non-blank line of the article's span, classified.
    pub lines: Vec<Line>,
}

