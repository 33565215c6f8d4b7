//! Stage 5, **trace**: which agency said it first, and how we know.
//!
//! * [`registry`]: the agencies, read from `data/agencies.tsv`.
//! * [`credits`]: each article's credits with their role (credit, dateline, byline, photo,
//!   cited, mention), read from every line of the article's part of the paste.
//! * [`citations`]: what one sentence cites ("according to Reuters", chains to the deepest link).
//! * [`time`]: ordering publication times across time zones; relative days.
//! * [`reuse`]: credits inferred from reused wording (shown, never a source).
//!
//! **The origin rule.** Each mention of a claim contributes candidates: the agencies its own
//! sentence cites (the deepest link of a chain), otherwise its article's source credits
//! (credit, dateline, byline; several for "(dpa/AFP)"). A mention in an undated article, or in
//! an uncredited article whose sentence cites nothing, contributes none. The earliest
//! publication wins ([`time::earliest`]; a clock time printed without a zone is kept as a
//! window, never given a guessed offset); candidates that tie with it follow it; `agencies` is
//! empty when no mention yields a candidate. Mentions in headlines count only when no mention
//! in a body yields one: each outlet's desk rewrites the headline, while the body carries the
//! agency's copy. The evidence names the deciding article and words.

pub mod citations;
pub mod credits;
pub mod provenance;
pub mod registry;
pub mod reuse;
pub mod time;

use crate::claims::Claim;
use crate::clean::Article;
use crate::page_time::{PageTime, ZoneSource};
use crate::matching::Cluster;
use crate::segment::Paragraph;
use crate::span::Span;
use std::collections::BTreeMap;
pub use provenance::{Credit, Origin, Provenance, Reuse, Role};

/// The part of its paste whose lines may credit `articles[index]`: from its start (the paste's
/// start for the first article of a paste) to the next article of the same paste.
pub fn region(text: &str, articles: &[Article], index: usize) -> Span {
    let article = &articles[index];
    let same_paste = |a: &&Article| a.input == article.input;
    let is_first = !articles.iter().filter(same_paste).any(|a| a.span.start < article.span.start);
    let start = if is_first { 0 } else { article.span.start };
    let end = articles
        .iter()
        .filter(same_paste)
        .map(|a| a.span.start)
        .filter(|&s| s > article.span.start)
        .min()
        .unwrap_or(text.len())
        .max(article.span.end)
        .min(text.len());
    Span::new(start.min(end), end)
}

/// One candidate for a claim's origin: an agency, when its mention was published, and why.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// The registry's name.
    pub agency: String,
    /// When its mention's page was published.
    pub published: PageTime,
    /// The mention's article.
    pub article: usize,
    /// The words that name the agency.
    pub words: Span,
    /// Why it is a candidate, in words.
    pub evidence: String,
    /// The mention's sentence, where relative days ("on Wednesday") are read.
    pub sentence: Span,
}

/// The candidates one mention contributes: what its sentence cites, else its article's source
/// credits; none when its article has no date. `sentence` is a span of `text`.
pub fn candidates(text: &str, article_index: usize, article: &Article, credits: &[Credit], claimed: &[Span], sentence: Span) -> Vec<Candidate> {
    if article.published.is_none() {
        return Vec::new();
    }
    let cited = citations::deepest(&citations::scan(text, sentence, claimed));
    candidates_citing(text, article_index, article, credits, &cited, sentence)
}

/// [`candidates`], given the sources its sentence cites (`cited`, [`citations::deepest`]).
fn candidates_citing(text: &str, article_index: usize, article: &Article, credits: &[Credit], cited: &[citations::Citation], sentence: Span) -> Vec<Candidate> {
    let Some(published) = article.published.as_ref().map(|p| p.value) else { return Vec::new() };
    if !cited.is_empty() {
        return cited
            .iter()
            .map(|c| Candidate {
                agency: registry::name(c.agency).to_string(),
                published,
                article: article_index,
                words: c.words,
                evidence: format!("its sentence names {} as the source: \"{}\"", registry::name(c.agency), c.words.of(text)),
                sentence,
            })
            .collect();
    }
    let mut out: Vec<Candidate> = Vec::new();
    for c in credits.iter().filter(|c| c.role.is_source()) {
        if out.iter().all(|o| o.agency != c.agency) {
            out.push(Candidate {
                agency: c.agency.clone(),
                published,
                article: article_index,
                words: c.span,
                evidence: format!("the page credits {} in its {}: \"{}\"", c.agency, role_name(c.role), c.evidence),
                sentence,
            });
        }
    }
    out
}

/// What the words that credit an agency are called in a newsroom.
fn role_name(role: Role) -> &'static str {
    match role {
        Role::Credit => "credit line",
        Role::Dateline => "dateline",
        Role::Byline => "byline",
        Role::Cited => "text",
        Role::Photo => "photo credit",
        Role::Mention => "text",
        Role::Inferred => "wording",
    }
}

/// Why `c` ties with the winner `first`, for the evidence.
fn why_tied(texts: &[&str], articles: &[Article], c: &Candidate, first: &Candidate) -> String {
    if c.article == first.article {
        format!("{}, credited on the same page", c.agency)
    } else if [c.published, first.published].iter().any(|w| matches!(w, PageTime::Date(_))) {
        let day = c.published.local_date().format("%-d %b %Y");
        format!("{} in {}, of the same day {day} (a page that shows only its date cannot be ordered within that day)", c.agency, title_of(texts, &articles[c.article]))
    } else if [c.published, first.published].iter().any(|w| matches!(w, PageTime::Zoneless(_))) {
        format!(
            "{} in {}, within hours of it (a clock time printed without a time zone could be anywhere from UTC-12 to UTC+14)",
            c.agency,
            title_of(texts, &articles[c.article])
        )
    } else {
        format!("{} in {}, published at the same time", c.agency, title_of(texts, &articles[c.article]))
    }
}

/// "on Wednesday" in the deciding sentence, dated against its article, for people to check:
/// " In that sentence ... means ...", or nothing.
fn relative_days(texts: &[&str], articles: &[Article], first: &Candidate) -> String {
    let text = texts.get(articles[first.article].input).copied().unwrap_or("");
    let Some(sentence) = text.get(first.sentence.start..first.sentence.end) else { return String::new() };
    let days: Vec<String> = time::resolve_relative(sentence, first.published.local_date())
        .into_iter()
        .map(|(range, day)| format!("\"{}\" means {}", &sentence[range], day.for_people()))
        .collect();
    if days.is_empty() { String::new() } else { format!(" In that sentence {}.", days.join(", ")) }
}

/// The origin among `candidates` (see the module docs), with evidence. `texts` are the pastes,
/// `articles` give each candidate's paste.
pub fn decide(texts: &[&str], articles: &[Article], candidates: &[Candidate]) -> Origin {
    let times: Vec<PageTime> = candidates.iter().map(|c| c.published).collect();
    let Some((winner, ties)) = time::earliest(&times) else {
        return Origin {
            agencies: Vec::new(),
            published: None,
            evidence: "No agency can be named: no page carrying this claim is both dated and credited to an agency, and no sentence of it names one as its source.".into(),
            article: None,
            span: None,
        };
    };
    let first = &candidates[winner];
    let mut agencies = vec![first.agency.clone()];
    for &t in &ties {
        if !agencies.contains(&candidates[t].agency) {
            agencies.push(candidates[t].agency.clone());
        }
    }
    let winner_article = &articles[first.article];
    let mut evidence = format!(
        "{} had it first: {}, published {}, where {}.",
        first.agency,
        title_of(texts, winner_article),
        time::describe(&first.published),
        first.evidence
    );
    if matches!(first.published, PageTime::Instant { zone: ZoneSource::FromBase, .. }) {
        evidence.push_str(" That page prints its time without a zone: it is read in the zone where the outlet is based, from the place the page names or the language of its date.");
    }
    let tied: Vec<String> =
        ties.iter().map(|&t| &candidates[t]).filter(|c| c.agency != first.agency).map(|c| why_tied(texts, articles, c, first)).collect();
    if !tied.is_empty() {
        evidence.push_str(&format!(" Equally early: {}.", tied.join("; ")));
    }
    evidence.push_str(&relative_days(texts, articles, first));
    let mut later: Vec<usize> =
        candidates.iter().filter(|c| time::compare(&c.published, &first.published) == time::Order::Later).map(|c| c.article).collect();
    later.sort_unstable();
    later.dedup();
    match later.len() {
        0 => {}
        1 => evidence.push_str(" 1 later page carries it."),
        n => evidence.push_str(&format!(" {n} later pages carry it.")),
    }
    Origin {
        agencies,
        published: Some(first.published),
        evidence,
        article: Some(first.article),
        span: Some(first.words),
    }
}

fn title_of(texts: &[&str], article: &Article) -> String {
    let text = texts.get(article.input).copied().unwrap_or("");
    let title = article.title.as_ref().map(|t| t.value.as_str()).or_else(|| article.outlet.as_ref().map(|o| o.value.as_str()));
    let title = title.unwrap_or_else(|| article.span.of(text).lines().next().unwrap_or(""));
    let short: String = title.chars().take(60).collect();
    if short.len() < title.len() { format!("\"{short}…\"") } else { format!("\"{short}\"") }
}

/// The sentence a claim's citation is read in: its sentence, widened to cover the claim.
fn claim_sentence(claim: &Claim) -> Span {
    Span::new(claim.sentence.start.min(claim.span.start), claim.sentence.end.max(claim.span.end))
}

/// Why a mention whose sentence cites an agency gives no candidate: the citing page is undated.
fn undated_citation(texts: &[&str], articles: &[Article], sources: &mut SentenceSources, claims: &[Claim], members: &[usize]) -> Option<String> {
    members.iter().filter_map(|&m| claims.get(m)).find_map(|claim| {
        let article = &articles[claim.article];
        if article.published.is_some() {
            return None;
        }
        let text = texts[article.input];
        let first = *sources.of(texts, articles, claim).first()?;
        Some(format!(
            "{} names {} as the source (\"{}\"), but that page shows no date, so it cannot be placed in time",
            title_of(texts, article),
            registry::name(first.agency),
            first.words.of(text)
        ))
    })
}

/// The sources each claim sentence cites ([`citations::deepest`]), read once per sentence:
/// the clauses of one sentence, and the clusters they join, share it.
struct SentenceSources<'a> {
    read: &'a [credits::ArticleCredits],
    by_sentence: BTreeMap<(usize, Span), Vec<citations::Citation>>,
}

impl SentenceSources<'_> {
    fn of(&mut self, texts: &[&str], articles: &[Article], claim: &Claim) -> &[citations::Citation] {
        let (article, sentence) = (claim.article, claim_sentence(claim));
        let claimed = &self.read[article].claimed;
        self.by_sentence
            .entry((article, sentence))
            .or_insert_with(|| citations::deepest(&citations::scan(texts[articles[article].input], sentence, claimed)))
    }
}

/// Credits of every article and the origin of every cluster; `bodies` holds each article's
/// paragraphs with their sentences ([`crate::segment::paragraphs`]).
pub fn trace(texts: &[&str], articles: &[Article], bodies: &[Vec<Paragraph>], claims: &[Claim], clusters: &[Cluster]) -> Provenance {
    let read: Vec<credits::ArticleCredits> = articles
        .iter()
        .zip(bodies)
        .enumerate()
        .map(|(i, (a, body))| credits::read_split(texts[a.input], a, region(texts[a.input], articles, i), body))
        .collect();
    let mut all: Vec<Vec<Credit>> = read.iter().map(|r| r.credits.clone()).collect();
    for (i, inferred) in reuse::infer(texts, articles, &all).into_iter().enumerate() {
        all[i].extend(inferred);
    }
    let mut sources = SentenceSources { read: &read, by_sentence: BTreeMap::new() };
    let origins = clusters
        .iter()
        .map(|cluster| {
            let mut of_mentions = |headlines: bool| -> Vec<Candidate> {
                let mut found = Vec::new();
                for claim in cluster.members.iter().filter_map(|&m| claims.get(m)).filter(|claim| claim.headline == headlines) {
                    let a = claim.article;
                    if articles[a].published.is_some() {
                        let cited = sources.of(texts, articles, claim);
                        found.extend(candidates_citing(texts[articles[a].input], a, &articles[a], &read[a].credits, cited, claim_sentence(claim)));
                    }
                }
                found
            };
            let body = of_mentions(false);
            let headlines = of_mentions(true);
            let by_headline = body.is_empty() && !headlines.is_empty();
            let found = if by_headline { &headlines } else { &body };
            let mut origin = decide(texts, articles, found);
            let undated = undated_citation(texts, articles, &mut sources, claims, &cluster.members);
            if by_headline {
                origin.evidence.push_str(" No body sentence carries this claim on a dated page that names a source, so a headline decides: headlines, which each outlet's desk writes, count only then.");
                if let Some(why) = undated {
                    origin.evidence.push_str(&format!(" In the body, {why}."));
                }
            } else if let Some(first) = body.first() {
                let decided = found.iter().find(|c| origin.article == Some(c.article)).unwrap_or(first).published;
                if let Some(earlier) = headlines.iter().find(|h| time::compare(&h.published, &decided) == time::Order::Earlier) {
                    origin.evidence.push_str(&format!(
                        " A headline says it earlier ({}, {} in {}), but headlines, which each outlet's desk writes, count only where no body sentence can decide.",
                        earlier.agency,
                        time::describe(&earlier.published),
                        title_of(texts, &articles[earlier.article])
                    ));
                }
            } else if let Some(why) = undated {
                origin.evidence = format!("No agency can be named: {why}.");
            }
            origin
        })
        .collect();
    Provenance { credits: all, origins }
}
