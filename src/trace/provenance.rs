//! What tracing finds: each article's [`Credit`]s and each cluster's [`Origin`].

use crate::page_time::PageTime;
use crate::span::Span;
use serde::Serialize;

/// How an article names an agency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// A credit line: "Source: Xinhua", "-- WAM", "(c) EFE 2024", "Published ... | AFP".
    Credit,
    /// The agency in the opening dateline: "TOKYO, March 19 (Bernama-Kyodo) --".
    Dateline,
    /// "By AFP", "By The Associated Press".
    Byline,
    /// Named as the source of one sentence: "according to TASS".
    Cited,
    /// A photo's credit: not the article's source.
    Photo,
    /// Named, but not as a source: "Reuters could not independently verify".
    Mention,
    /// Not named: the article reuses an agency article's wording (see [`super::reuse`]).
    Inferred,
}

impl Role {
    /// Whether this credit makes the agency a source of the whole article.
    pub fn is_source(self) -> bool {
        matches!(self, Role::Credit | Role::Dateline | Role::Byline)
    }
}

/// An agency named by an article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Credit {
    /// The registry's canonical name.
    pub agency: String,
    /// How it is named.
    pub role: Role,
    /// The words that credit it, as printed.
    pub evidence: String,
    /// Where the words are.
    pub span: Span,
    /// For [`Role::Inferred`]: the reused article, passages and share.
    pub reuse: Option<Reuse>,
}

/// Where a claim came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Origin {
    /// Earliest first, then those tied with it; empty when no agency is named.
    pub agencies: Vec<String>,
    /// The winner's publication: an instant with its offset, a date, or a local time without
    /// an offset when its page printed no zone and names no place.
    pub published: Option<PageTime>,
    /// Why, in words.
    pub evidence: String,
    /// The article whose mention decided it (index into the articles).
    pub article: Option<usize>,
    /// The deciding words in that article's paste: its credit, or its sentence's citation.
    pub span: Option<Span>,
}

/// What tracing found: credits per article, origin per cluster.
#[derive(Clone, Debug, PartialEq)]
pub struct Provenance {
    /// Per article, its credits.
    pub credits: Vec<Vec<Credit>>,
    /// Per cluster, its origin.
    pub origins: Vec<Origin>,
}


/// What an inferred credit rests on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reuse {
    /// The agency article whose wording was reused (index into the articles).
    pub source: usize,
    /// The reusing article's passages that follow the source's wording.
    pub passages: Vec<Span>,
    /// Share of the reusing article's words (outside quotes) inside those passages, 0..=1.
    pub share: f32,
}
