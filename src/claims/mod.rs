//! Stage 3, **claims**: sentences into claims.
//!
//! A claim is an atomic fact stated in one article: a clause of a sentence ([`atomic`]) that
//! holds a quote, a figure or an attributed statement. Each keeps its span, the sentence and
//! paragraph it sits in (the trace stage reads citations such as "TASS reported" there), its
//! speaker ([`quotes`]) and its figures ([`figures`]), normalised for matching.
//!
//! The headline is read too, on its own, and its claims are flagged `headline`: it states the
//! story's main fact in other words than the body, so it may join a claim of the body (see
//! [`crate::matching`]) and name a source where no body sentence can (see [`crate::trace`]).

pub mod atomic;
pub mod checkable;
pub mod figures;
pub mod quotes;
pub mod subject;

pub use figures::{Bound, Figure};

use crate::clean::Article;
use crate::segment;
use crate::span::Span;
use quotes::Attribution;
use serde::Serialize;

/// What a claim is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// A quoted sentence, with its speaker.
    Quote,
    /// A fact built on a number (value, unit, bounds) that no source is said to state.
    Figure,
    /// Any other fact: what a source is said to state (its figures kept), or a clause of the
    /// reporter's own.
    Statement,
}

/// One claim as it appears in one article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Claim {
    /// Index into the articles.
    pub article: usize,
    /// Index of the paste the spans point into.
    pub input: usize,
    /// What it is.
    pub kind: ClaimKind,
    /// The claim itself: one clause of its sentence.
    pub span: Span,
    /// The sentence that holds it.
    pub sentence: Span,
    /// The paragraph that holds it.
    pub paragraph: Span,
    /// Who the claim is attributed to, resolved to the fullest name seen in the article.
    pub speaker: Option<String>,
    /// The words in the paste that name the source ("Putin", "he", "a ministry spokesman"),
    /// in this sentence or, for a quote that goes on, where the quote was attributed.
    pub source: Option<Span>,
    /// The reporting cue beside the source ("said", "according to").
    pub cue: Option<Span>,
    /// Whether a reporting phrase names the speaker ([`Attribution::reported`]).
    pub reported: bool,
    /// The quoted stretches inside `span`.
    pub quotes: Vec<Span>,
    /// The figures inside `span`, normalised.
    pub figures: Vec<Figure>,
    /// The claim is (part of) the article's headline.
    pub headline: bool,
}

/// A clause says something when it has a few words beyond function words.
fn is_substantial(clause: &str) -> bool {
    clause
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphanumeric()).count() > 3)
        .count()
        >= 2
}

/// The claims of every article, in article and text order; `bodies` holds each article's
/// paragraphs with their sentences ([`segment::paragraphs`]).
pub fn extract(texts: &[&str], articles: &[Article], bodies: &[Vec<segment::Paragraph>]) -> Vec<Claim> {
    articles
        .iter()
        .zip(bodies)
        .enumerate()
        .flat_map(|(index, (article, body))| match texts.get(article.input) {
            Some(text) => {
                // The headline is read on its own, so its names never resolve the body's "he".
                let headline = article.title.as_ref().map(|t| t.span);
                let mut claims = from_paragraphs(index, article.input, text, headline.as_slice());
                for c in &mut claims {
                    c.headline = true;
                }
                claims.extend(from_sentences(index, article.input, text, body));
                if let Some(year) = published_year(article) {
                    for c in &mut claims {
                        let elapsed = figures::elapsed_since(c.span.of(text), c.span.start, &c.figures, year);
                        c.figures.extend(elapsed);
                    }
                }
                claims
            }
            None => Vec::new(),
        })
        .collect()
}

fn published_year(article: &Article) -> Option<i32> {
    use chrono::Datelike;
    article.published.as_ref().map(|p| p.value.local_date().year())
}

/// The claims of one article given its body paragraphs (spans into `text`, the paste with
/// index `input`); `article` is the article's index, copied into each claim.
pub fn from_paragraphs(article: usize, input: usize, text: &str, paragraphs: &[Span]) -> Vec<Claim> {
    from_sentences(article, input, text, &segment::paragraphs(text, paragraphs))
}

/// [`from_paragraphs`], given the paragraphs already split into sentences.
fn from_sentences(article: usize, input: usize, text: &str, paragraphs: &[segment::Paragraph]) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
    let mut people = quotes::People::default();
    // A quote left open at a paragraph's end goes on in the next paragraph when that one opens
    // with a quotation mark (the press's convention for a quote of several paragraphs).
    let mut carried: Option<Attribution> = None;
    for segment::Paragraph { span: paragraph, sentences } in paragraphs {
        let paragraph = *paragraph;
        let continues = carried.is_some() && paragraph.of(text).starts_with(['“', '"', '«']);
        let mut quote_open = false;
        let mut quote_speaker: Option<Attribution> = if continues { carried.take() } else { None };
        carried = None;
        // The speaker of the paragraph's last attributed quote: a further quote in the same
        // paragraph with no attribution of its own is theirs ("“A,” X said. “B.”").
        let mut paragraph_quote_speaker: Option<Attribution> = quote_speaker.clone();
        // Claims of a quote still open whose speaker is named only in a later sentence.
        let mut awaiting_speaker: Vec<usize> = Vec::new();
        for &sentence in sentences {
            let started_inside = quote_open;
            let sentence_quotes = quotes::quotes(text, sentence, &mut quote_open);
            let mut speaker = people.attribution(sentence.of(text), started_inside).map(|a| a.shifted(sentence.start));
            // A quote that spans sentences has one speaker, named in any of them.
            if speaker.is_none() && started_inside {
                speaker = quote_speaker.clone();
            }
            if speaker.is_none() && !sentence_quotes.is_empty() && is_all_quote(text, sentence) {
                speaker = paragraph_quote_speaker.clone();
            }
            if !sentence_quotes.is_empty() && speaker.is_some() {
                paragraph_quote_speaker = speaker.clone();
            }
            if started_inside && speaker.is_some() {
                for &i in &awaiting_speaker {
                    out[i].attribute(speaker.as_ref());
                }
                awaiting_speaker.clear();
            }
            if quote_open || started_inside {
                quote_speaker = speaker.clone().or(quote_speaker);
            }
            if !quote_open {
                awaiting_speaker.clear();
                quote_speaker = None;
            }
            let first_claim = out.len();
            let place = Place { article, input, paragraph, sentence };
            out.extend(sentence_claims(text, place, &people, &sentence_quotes, speaker.as_ref(), started_inside));
            if quote_open && speaker.is_none() {
                awaiting_speaker.extend(first_claim..out.len());
            }
        }
        if quote_open {
            carried = paragraph_quote_speaker.or(quote_speaker);
        }
    }
    out
}

/// Where a sentence's claims sit.
#[derive(Clone, Copy)]
struct Place {
    article: usize,
    input: usize,
    paragraph: Span,
    sentence: Span,
}

/// The claims of one sentence, one per clause that says something: a clause that names its
/// own speaker keeps it ("..., while Syrsky said 942 ..."), the others take the sentence's.
fn sentence_claims(text: &str, place: Place, people: &quotes::People, sentence_quotes: &[Span], speaker: Option<&Attribution>, started_inside: bool) -> Vec<Claim> {
    let clauses = atomic::clauses(text, place.sentence);
    let several = clauses.len() > 1;
    let sentence_start = atomic::without_dateline(text, place.sentence).start;
    // The source the sentence's earlier clauses named: a clause that goes on without a subject
    // of its own ("..., told reporters he would run", "and that the vote was fair") is theirs.
    let mut earlier: Option<Attribution> = None;
    let mut read_to = sentence_start;
    let mut out = Vec::new();
    for (n, clause) in clauses.into_iter().enumerate() {
        let clause_text = clause.of(text);
        // The words cut off before the clause, its report frame among them.
        let framed = between_clauses(text, Span::new(read_to.min(clause.start), clause.end));
        read_to = clause.end;
        let framed_text = framed.of(text);
        // The clause as cut, then with those words: "In Iowa, | Ruiz has railed" holds its
        // actor as cut, "Ruiz said | the port" only with its frame.
        let read = |find: &dyn Fn(&str) -> Option<Attribution>| {
            find(clause_text).map(|a| a.shifted(clause.start)).or_else(|| (framed != clause).then(|| find(framed_text).map(|a| a.shifted(framed.start))).flatten())
        };
        let own_speaker = if several && !(n == 0 && started_inside) { read(&|t| people.clause_attribution(t)) } else { None };
        let subject_speaker = || read(&|t| people.subject_attribution(t));
        let actor = || read(&|t| people.actor_attribution(t));
        // A clause cut from its subject reads it from the sentence so far: "Ana Ruiz, a
        // lawyer, | endorsed the plan" holds the actor and the verb once rejoined.
        let continued = || {
            if n == 0 || !continues_without_subject(framed_text) {
                return None;
            }
            let so_far = Span::new(sentence_start, clause.end).of(text);
            let from_start = |a: Attribution| a.shifted(sentence_start);
            people.actor_attribution(so_far).map(from_start).or_else(|| people.subject_attribution(so_far).map(from_start)).or_else(|| earlier.clone())
        };
        let own = own_speaker.or_else(subject_speaker).or_else(actor).or_else(continued);
        if own.is_some() {
            earlier = own.clone();
        }
        let clause_quotes: Vec<Span> = sentence_quotes.iter().copied().filter(|q| q.overlaps(clause)).collect();
        let clause_figures = figures::figures(clause_text, clause.start);
        let kind = if !clause_quotes.is_empty() {
            ClaimKind::Quote
        } else if !clause_figures.is_empty() {
            ClaimKind::Figure
        } else if is_substantial(clause_text) {
            ClaimKind::Statement
        } else {
            continue;
        };
        let mut claim = Claim {
            article: place.article,
            input: place.input,
            kind,
            span: clause,
            sentence: place.sentence,
            paragraph: place.paragraph,
            speaker: None,
            source: None,
            cue: None,
            reported: false,
            quotes: clause_quotes,
            figures: clause_figures,
            headline: false,
        };
        // A reporting phrase of the clause itself outranks the sentence's; the sentence's
        // outranks a subject or an actor.
        let reported_own = own.clone().filter(|a| a.reported);
        claim.attribute(reported_own.or_else(|| speaker.cloned()).or(own).as_ref());
        // A number somebody is said to state is their statement, its figures kept.
        if claim.kind == ClaimKind::Figure && claim.source.is_some() {
            claim.kind = ClaimKind::Statement;
        }
        out.push(claim);
    }
    out
}

impl Claim {
    /// Whether the claim is worth reporting with no other article's mention beside it: all are
    /// but a body statement that names no source and that [`checkable`] judges no claim
    /// (scene-setting, opinion, transitions). `text` is the paste the claim's spans point into.
    pub fn stands_alone(&self, text: &str) -> bool {
        let unattributed_statement = self.kind == ClaimKind::Statement && self.source.is_none() && !self.headline;
        !unattributed_statement || checkable::is_checkable(self.span.of(text), self.sentence.of(text))
    }

    /// Sets who said the claim and the words that show it (nothing for `None`).
    fn attribute(&mut self, attribution: Option<&Attribution>) {
        self.speaker = attribution.map(|a| a.speaker.clone());
        self.source = attribution.map(|a| a.source);
        self.cue = attribution.and_then(|a| a.cue);
        self.reported = attribution.is_some_and(|a| a.reported);
    }

    /// The speaker when a reporting phrase names it by a name ("Vladimir Putin", "Ministry of
    /// Defence"), not by a description ("public health experts") nor only as the subject of
    /// a verb ("Kyiv rejects"): only such a speaker says that two claims come from the same
    /// source or from different ones.
    pub fn named_speaker(&self) -> Option<&str> {
        let speaker = self.speaker.as_deref().filter(|_| self.reported)?;
        let particle = |w: &str| matches!(w, "of" | "the" | "for" | "and" | "on" | "de" | "al" | "el" | "van" | "von" | "bin" | "la" | "le" | "da" | "del");
        speaker.split_whitespace().all(|w| w.starts_with(char::is_uppercase) || particle(w)).then_some(speaker)
    }
}

/// `span` without the spaces and the punctuation that ended the clause before it.
fn between_clauses(text: &str, span: Span) -> Span {
    let s = span.of(text);
    let rest = s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '–' | '-'));
    Span::new(span.start + (s.len() - rest.len()), span.end)
}

/// Whether a clause goes on from the one before it without a subject of its own: it opens
/// with a verb (past "and", "but": a past tense or a participle, a cue verb, or an auxiliary:
/// "declined to ...", "saying ...", "has said ...") or with "that" (what the verb before said).
fn continues_without_subject(clause: &str) -> bool {
    let mut words = clause.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphabetic()));
    let mut first = words.next().unwrap_or("");
    if matches!(first, "and" | "but" | "yet" | "then") {
        first = words.next().unwrap_or("");
    }
    first == "that"
        || first.starts_with(char::is_lowercase)
            && (first.ends_with("ed") || first.ends_with("ing") || subject::is_cue_form(first) || crate::vocabulary::AUXILIARIES.contains(&first))
}

/// Whether `sentence` is quoted words only: it opens with a quotation mark and no words of the
/// reporter stand outside the quote marks (so it cannot name a speaker of its own).
fn is_all_quote(text: &str, sentence: Span) -> bool {
    let s = sentence.of(text).trim();
    let Some(rest) = s.strip_prefix(['“', '"', '«']) else { return false };
    match rest.rfind(['”', '"', '»']) {
        // Only punctuation may follow the closing mark.
        Some(close) => rest[close..].chars().skip(1).all(|c| !c.is_alphanumeric()),
        // A quote running on past this sentence.
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_quotes_and_figures_with_spans() {
        let text = "Title here for test\n\n\"We will win,\" he said to the crowd today in the city. Troops took 24 villages in five days of heavy fighting there.";
        let articles = crate::clean::clean(0, text);
        let bodies: Vec<_> = articles.iter().map(|a| segment::paragraphs(text, &a.paragraphs)).collect();
        let claims = extract(&[text], &articles, &bodies);
        let kinds: Vec<(ClaimKind, bool)> = claims.iter().map(|c| (c.kind, c.headline)).collect();
        assert_eq!(kinds, [(ClaimKind::Statement, true), (ClaimKind::Quote, false), (ClaimKind::Figure, false)]);
        assert_eq!(claims[0].span.of(text), "Title here for test");
        assert_eq!(claims[2].figures[0].span.of(text), "24 villages");
    }

    #[test]
    fn a_figure_somebody_states_is_their_statement() {
        let text = "The storm destroyed 300 homes, the governor said. Rain fell on 12 towns overnight.";
        let claims = from_paragraphs(0, 0, text, &[Span::new(0, text.len())]);
        let kinds: Vec<(ClaimKind, usize)> = claims.iter().map(|c| (c.kind, c.figures.len())).collect();
        assert_eq!(kinds, [(ClaimKind::Statement, 1), (ClaimKind::Figure, 1)], "{claims:?}");
    }

    fn speakers(text: &str) -> Vec<(String, Option<String>)> {
        let paragraphs: Vec<Span> = text.split("\n\n").scan(0, |at, p| {
            let span = Span::new(*at, *at + p.len());
            *at += p.len() + 2;
            Some(span)
        }).collect();
        from_paragraphs(0, 0, text, &paragraphs).into_iter().map(|c| (c.span.of(text).to_string(), c.speaker)).collect()
    }

    #[test]
    fn attributions_keep_the_words_of_source_and_cue() {
        let text = "Prime Minister Ana Reyes visited the port on Monday.\n\nThe harbour will reopen in May, she told reporters. The deal is done, according to a ministry spokesman.\n\n“We were ready,” said harbour master Tomás Quiñones.";
        let paragraphs: Vec<Span> = text.split("\n\n").scan(0, |at, p| {
            let span = Span::new(*at, *at + p.len());
            *at += p.len() + 2;
            Some(span)
        }).collect();
        let claims = from_paragraphs(0, 0, text, &paragraphs);
        let words = |c: &Claim| (c.speaker.clone(), c.source.map(|s| s.of(text)), c.cue.map(|s| s.of(text)));
        let reopen = claims.iter().find(|c| c.span.of(text).contains("reopen")).expect("the reopening");
        assert_eq!(words(reopen), (Some("Ana Reyes".into()), Some("she"), Some("told")));
        let deal = claims.iter().find(|c| c.span.of(text).contains("deal")).expect("the deal");
        assert_eq!(deal.cue.map(|s| s.of(text)), Some("according to"));
        // Offsets hold past a quote of non-ASCII letters (the mask keeps byte lengths).
        let ready = claims.iter().find(|c| c.span.of(text).contains("ready")).expect("the quote");
        assert_eq!(words(ready), (Some("Tomás Quiñones".into()), Some("Tomás Quiñones"), Some("said")));
    }

    #[test]
    fn a_further_quote_in_the_paragraph_is_the_same_speakers() {
        let got = speakers("“The plan is sound,” Maria Lopez said. “We will build it next year.” The council meets on Friday.");
        assert_eq!(got[1].1.as_deref(), Some("Maria Lopez"), "{got:?}");
        // The reporter's own sentence after the quotes names nobody.
        assert_eq!(got[2].1, None, "{got:?}");
    }

    #[test]
    fn a_quote_open_at_a_paragraphs_end_goes_on_in_the_next() {
        let got = speakers("“The plan is sound,” Maria Lopez said. “We will build it next year.\n\n“And we will pay for it ourselves.”\n\nThe council meets on Friday.");
        let paid = got.iter().find(|(t, _)| t.contains("pay for it")).expect("the third quote");
        assert_eq!(paid.1.as_deref(), Some("Maria Lopez"), "{got:?}");
        // A quoted paragraph after a closed quote is not carried on.
        let got = speakers("“The plan is sound,” Maria Lopez said.\n\n“Nobody asked us.”");
        assert_eq!(got[1].1, None, "{got:?}");
    }
}
