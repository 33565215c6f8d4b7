//! Stage 6, **report**: everything the stages found, as one serde value (contract v1).
//!
//! The CLI's `--json` and the page's download are both [`Report::to_json`], so the same
//! inputs give the same bytes everywhere.

use crate::claims::{Claim, ClaimKind};
use crate::clean::Article;
use crate::matching::Cluster;
use crate::trace::{Credit, Origin, Provenance};
use crate::input::Input;
use crate::page_time::PageTime;
use crate::span::Span;
use crate::wording;
use std::collections::HashMap;
use serde::{Deserialize, Serialize};

/// The contract's name and version, the `schema` of every report.
pub const SCHEMA: &str = "wiretrace.report.v1";

/// Everything the stages found, as the contract `wiretrace.report.v1` has it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// [`SCHEMA`].
    pub schema: String,
    /// The pastes, in order.
    pub inputs: Vec<InputInfo>,
    /// Every article found, in order.
    pub articles: Vec<ArticleReport>,
    /// Every claim (one per cluster of mentions).
    pub claims: Vec<ClaimReport>,
    /// What a reader wants first, read off the fields above ([`crate::verdict::judge`]).
    #[serde(default)]
    pub verdict: crate::verdict::Verdict,
}

/// One paste.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InputInfo {
    /// Its index.
    pub id: usize,
    /// Its name.
    pub name: String,
    /// Its length in bytes.
    pub bytes: usize,
}

/// One article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleReport {
    /// `a0`, `a1`, ...
    pub id: String,
    /// Index of its paste.
    pub input: usize,
    /// Its part of its paste.
    pub span: Span,
    /// The headline, empty when none was found.
    pub title: String,
    /// The outlet's name.
    pub outlet: Option<String>,
    /// The byline.
    pub byline: Option<String>,
    /// The dateline's place.
    pub dateline: Option<String>,
    /// When it was published ([`article_iso`]).
    pub published: Option<String>,
    /// Its credits, as the page states them or inferred.
    pub credits: Vec<CreditReport>,
    /// The kept body paragraphs.
    pub paragraphs: Vec<ParagraphReport>,
}

/// An agency credited by an article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CreditReport {
    /// The registry's name.
    pub agency: String,
    /// How it is credited: credit, dateline, byline, cited, photo, mention, inferred.
    pub role: String,
    /// The words that credit it.
    pub evidence: String,
    /// Where they are.
    pub span: Span,
    /// For role "inferred": the article whose wording is reused, the reusing passages and the
    /// share of the text they cover.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reuse: Option<ReuseReport>,
}

/// What an inferred credit rests on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReuseReport {
    /// The reused article's id.
    pub source: String,
    /// The reusing passages.
    pub passages: Vec<Span>,
    /// The share of the reusing article's words in them, 0..=1.
    pub share: f32,
}

/// One kept body paragraph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParagraphReport {
    /// Where it is.
    pub span: Span,
}

/// One claim: the mentions of one fact across the articles, and where it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimReport {
    /// `c0`, `c1`, ...
    pub id: String,
    /// quote, figure or statement.
    pub kind: String,
    /// Its wording, from its first mention.
    pub text: String,
    /// Who said it, for a quote.
    pub speaker: Option<String>,
    /// Every mention, in order.
    pub mentions: Vec<MentionReport>,
    /// Where it came from.
    pub origin: OriginReport,
    /// Why mentions were linked: indexes into `mentions`, the similarity and its reasons.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<LinkReport>,
    /// Figures that differ between mentions (a mutated figure): flagged, not merged silently.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<VariantReport>,
}

impl ClaimReport {
    /// How many articles carry the claim (one article may state it twice).
    pub fn article_count(&self) -> usize {
        let mut articles: Vec<&str> = self.mentions.iter().map(|m| m.article.as_str()).collect();
        articles.sort_unstable();
        articles.dedup();
        articles.len()
    }

    /// Whether more than one article carries the claim: what provenance is about. Asked of
    /// every claim for every article by the verdict, so it allocates nothing.
    pub fn is_shared(&self) -> bool {
        self.mentions.split_first().is_some_and(|(first, rest)| rest.iter().any(|m| m.article != first.article))
    }
}

/// Why two mentions are one claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinkReport {
    /// Index of the one mention in `mentions`.
    pub a: usize,
    /// Index of the other.
    pub b: usize,
    /// How alike they are, 0..=1.
    pub score: f32,
    /// Why, in words (the matching stage's reasons: stems).
    pub why: String,
    /// Why, in the mentions' own words ([`crate::wording::link_evidence`]): what the page
    /// shows under "Why these were linked".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
}

/// A wording whose figure differs from the claim's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VariantReport {
    /// Index into `mentions`.
    pub mention: usize,
    /// Its wording.
    pub text: String,
    /// Its figure's value.
    pub value: f64,
    /// Its figure's upper end.
    pub upper: f64,
    /// Its figure's unit.
    pub unit: String,
}

/// A similarity rounded to 4 decimals. The scores use the same arithmetic natively and in
/// wasm32 (libm's `logf`, not the platform's), but one last-bit difference would change the
/// report's bytes: rounding keeps "the page's JSON equals the CLI's" robust.
fn portable_score(score: f32) -> f32 {
    (score * 10_000.0).round() / 10_000.0
}

/// Links and variants of a cluster, with claim indexes turned into mention indexes.
fn links_and_variants(cluster: &Cluster) -> (Vec<LinkReport>, Vec<VariantReport>) {
    let mention = |claim: usize| cluster.members.iter().position(|&m| m == claim).unwrap_or(0);
    let links = cluster
        .links
        .iter()
        .map(|l| LinkReport { a: mention(l.a), b: mention(l.b), score: portable_score(l.score), why: l.why.clone(), evidence: String::new() })
        .collect();
    let variants = cluster
        .variants
        .iter()
        .map(|v| VariantReport { mention: mention(v.claim), text: v.text.clone(), value: v.value, upper: v.upper, unit: v.unit.clone() })
        .collect();
    (links, variants)
}

/// The wording a claim's mentions share, in their own words: marked in each of the first
/// [`wording::SIDE_BY_SIDE`] mentions (as spans into the paste) and quoted in each link. A
/// claim in one mention shares nothing; the links between the same two wordings (a reprint's)
/// are read once.
fn mark_shared_wording(claim: &mut ClaimReport) {
    if claim.mentions.len() < 2 {
        return;
    }
    let shown = claim.mentions.len().min(wording::SIDE_BY_SIDE);
    // Each mention compared is cut into its words once: the side by side and the links read it.
    let mut compared = vec![false; claim.mentions.len()];
    compared[..shown].iter_mut().for_each(|c| *c = true);
    for link in &claim.links {
        for end in [link.a, link.b] {
            if let Some(c) = compared.get_mut(end) {
                *c = true;
            }
        }
    }
    let words: Vec<Option<wording::Words>> =
        claim.mentions.iter().zip(&compared).map(|(m, &c)| c.then(|| wording::Words::new(&m.text))).collect();
    let side_by_side: Vec<&wording::Words> = words[..shown].iter().flatten().collect();
    let shared = wording::shared_with_others(&side_by_side, wording::COMPARED);
    let mut said: HashMap<(&str, &str), String> = HashMap::new();
    let evidence: Vec<Option<String>> = claim
        .links
        .iter()
        .map(|link| {
            let (Some(Some(a)), Some(Some(b))) = (words.get(link.a), words.get(link.b)) else { return None };
            let texts = (claim.mentions[link.a].text.as_str(), claim.mentions[link.b].text.as_str());
            Some(wording::with_similarity(said.entry(texts).or_insert_with(|| wording::said(a, b)), link.score))
        })
        .collect();
    for (mention, spans) in claim.mentions.iter_mut().zip(shared) {
        let at = mention.span.start;
        mention.shared = spans.into_iter().map(|s| Span::new(at + s.start, at + s.end)).collect();
    }
    for (link, evidence) in claim.links.iter_mut().zip(evidence) {
        if let Some(evidence) = evidence {
            link.evidence = evidence;
        }
    }
}

/// One mention of a claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MentionReport {
    /// The article's id.
    pub article: String,
    /// Where it is.
    pub span: Span,
    /// Its words.
    pub text: String,
    /// The mention is in the article's headline.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub headline: bool,
    /// Who said it, as the mention's own article tells (the claim's `speaker` is one mention's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The words naming the source ("Putin", "he", "the ministry"), in the same paste.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Span>,
    /// The reporting cue beside the source ("said", "according to"), in the same paste.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Span>,
    /// The words that attribute it, from source to cue ("she told", "according to a ministry
    /// spokesman"), for a reader to see.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// The words another mention of the claim shares, in the same paste
    /// ([`crate::wording::shared_with_others`]; only for the first [`wording::SIDE_BY_SIDE`]
    /// mentions): what the page marks, so the page itself never compares wordings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared: Vec<Span>,
}

/// Where a claim came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OriginReport {
    /// Earliest first, then those tied with it; empty when none can be named.
    pub agencies: Vec<String>,
    /// The winner's publication ([`iso`]).
    pub published: Option<String>,
    /// Why, in words.
    pub evidence: String,
    /// The article whose mention decided the origin, and the deciding words in its paste.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// The deciding words in that article's paste.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

fn article_id(index: usize) -> String {
    format!("a{index}")
}

/// The words from a claim's source to its cue, both ends included ("Putin said", "said
/// spokesman Dan Huot"); the source alone where no cue was read.
fn attribution_words(text: &str, claim: &Claim) -> Option<String> {
    let source = claim.source?;
    let whole = claim.cue.map_or(source, |cue| Span::new(source.start.min(cue.start), source.end.max(cue.end)));
    text.get(whole.start..whole.end).map(str::to_string)
}

fn kind_name(kind: ClaimKind) -> String {
    serde_json::to_value(kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

fn credit_report(c: &Credit) -> CreditReport {
    let role = serde_json::to_value(c.role).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
    let reuse = c.reuse.as_ref().map(|r| ReuseReport { source: article_id(r.source), passages: r.passages.clone(), share: r.share });
    CreditReport { agency: c.agency.clone(), role, evidence: c.evidence.clone(), span: c.span, reuse }
}

/// The contract's form of a time: `2025-03-13T08:48:00+08:00` for an instant,
/// `2024-02-12T00:06:00` for a clock time no zone places, `2025-03-12` for a date.
pub fn iso(time: &PageTime) -> String {
    match time {
        PageTime::Instant { at, .. } => at.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        PageTime::Zoneless(t) => t.format("%Y-%m-%dT%H:%M:%S").to_string(),
        PageTime::Date(d) => d.format("%Y-%m-%d").to_string(),
    }
}

/// An article's `published` in the contract: as [`iso`], but a clock time no zone places
/// shows its date alone (the origin's `published` keeps the clock).
pub fn article_iso(time: &PageTime) -> String {
    match time {
        PageTime::Zoneless(t) => iso(&PageTime::Date(t.date())),
        _ => iso(time),
    }
}

fn origin_report(o: &Origin) -> OriginReport {
    OriginReport {
        agencies: o.agencies.clone(),
        published: o.published.as_ref().map(iso),
        evidence: o.evidence.clone(),
        article: o.article.map(article_id),
        span: o.span,
    }
}

/// Assembles the report from what the stages found.
pub fn build(
    inputs: &[Input],
    articles: &[Article],
    claims: &[Claim],
    clusters: &[Cluster],
    provenance: &Provenance,
) -> Report {
    let articles_out = articles
        .iter()
        .enumerate()
        .map(|(i, a)| ArticleReport {
            id: article_id(i),
            input: a.input,
            span: a.span,
            title: a.title.as_ref().map(|t| t.value.clone()).unwrap_or_default(),
            outlet: a.outlet.as_ref().map(|f| f.value.clone()),
            byline: a.byline.as_ref().map(|f| f.value.clone()),
            dateline: a.dateline.as_ref().map(|f| f.value.clone()),
            published: a.published.as_ref().map(|f| article_iso(&f.value)),
            credits: provenance.credits[i].iter().map(credit_report).collect(),
            paragraphs: a.paragraphs.iter().map(|&span| ParagraphReport { span }).collect(),
        })
        .collect();
    let claims_out = clusters
        .iter()
        .zip(&provenance.origins)
        .enumerate()
        .map(|(i, (cluster, origin))| {
            // Told in the words of a body where one carries it: a headline is terse by trade.
            let first = cluster.members.iter().map(|&m| &claims[m]).find(|c| !c.headline).unwrap_or(&claims[cluster.members[0]]);
            let text_of = |c: &Claim| c.span.of(&inputs[c.input].text).to_string();
            let (links, variants) = links_and_variants(cluster);
            let mut claim = ClaimReport {
                id: format!("c{i}"),
                kind: kind_name(first.kind),
                text: text_of(first),
                speaker: cluster
                    .members
                    .iter()
                    .filter(|&&m| !claims[m].headline)
                    .chain(cluster.members.iter())
                    .find_map(|&m| claims[m].speaker.clone()),
                mentions: cluster
                    .members
                    .iter()
                    .map(|&m| MentionReport {
                        article: article_id(claims[m].article),
                        span: claims[m].span,
                        text: text_of(&claims[m]),
                        headline: claims[m].headline,
                        speaker: claims[m].speaker.clone(),
                        source: claims[m].source,
                        cue: claims[m].cue,
                        attribution: attribution_words(&inputs[claims[m].input].text, &claims[m]),
                        shared: Vec::new(),
                    })
                    .collect(),
                origin: origin_report(origin),
                links,
                variants,
            };
            mark_shared_wording(&mut claim);
            claim
        })
        .collect();
    let mut report = Report {
        schema: SCHEMA.to_string(),
        inputs: inputs.iter().enumerate().map(|(id, i)| InputInfo { id, name: i.name.clone(), bytes: i.text.len() }).collect(),
        articles: articles_out,
        claims: claims_out,
        verdict: Default::default(),
    };
    report.verdict = crate::verdict::judge(&report);
    report
}

impl Report {
    /// Indexes of the claims in the order people read them: those in the most articles
    /// first, then as reported.
    pub fn claim_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.claims.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(self.claims[i].article_count()));
        order
    }

    /// The report as pretty JSON: the bytes of the CLI's `--json` and of the page's download.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a report always serialises");
        s.push('\n');
        s
    }

    /// A short human-readable summary, for the CLI without `--json`.
    pub fn summary(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        for a in &self.articles {
            let name = self.inputs.get(a.input).map(|i| i.name.as_str()).unwrap_or("?");
            let _ = writeln!(out, "{} [{}] {}", a.id, name, a.title);
            let credits: Vec<String> = a.credits.iter().map(|c| format!("{} ({})", c.agency, c.role)).collect();
            let _ = writeln!(
                out,
                "    outlet: {}  byline: {}  published: {}  credits: {}",
                a.outlet.as_deref().unwrap_or("-"),
                a.byline.as_deref().unwrap_or("-"),
                a.published.as_deref().unwrap_or("-"),
                if credits.is_empty() { "-".to_string() } else { credits.join(", ") }
            );
        }
        let shared = self.claims.iter().filter(|c| c.is_shared()).count();
        let _ = writeln!(out, "\n{} claims, {} reported by more than one article", self.claims.len(), shared);
        for c in self.claim_order().into_iter().map(|i| &self.claims[i]).filter(|c| c.is_shared()) {
            let origin = if c.origin.agencies.is_empty() { "unknown".to_string() } else { c.origin.agencies.join(" = ") };
            let _ = writeln!(out, "{} [{} mentions, origin {}] {}", c.id, c.mentions.len(), origin, c.text);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(id: &str, articles: &[&str]) -> ClaimReport {
        ClaimReport {
            id: id.into(),
            kind: "statement".into(),
            text: String::new(),
            speaker: None,
            mentions: articles
                .iter()
                .map(|a| MentionReport { article: a.to_string(), span: Span::new(0, 0), text: String::new(), headline: false, speaker: None, source: None, cue: None, attribution: None, shared: Vec::new() })
                .collect(),
            origin: OriginReport { agencies: vec![], published: None, evidence: String::new(), article: None, span: None },
            links: vec![],
            variants: vec![],
        }
    }

    #[test]
    fn a_claim_stated_twice_in_one_article_is_not_shared() {
        let twice = claim("c0", &["a1", "a1"]);
        assert_eq!((twice.article_count(), twice.is_shared()), (1, false));
        let spread = claim("c1", &["a0", "a1", "a1", "a3"]);
        assert_eq!((spread.article_count(), spread.is_shared()), (3, true));
    }
}
