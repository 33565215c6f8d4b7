//! Stage 6, **report**: everything the stages found, as one serde value (contract v1).
//!
//! The CLI's `--json` and the page's download are both [`Report::to_json`], so the same
//! inputs give the same bytes everywhere.

use crate::claims::{Claim, ClaimKind};
use crate::clean::Article;
use crate::matching::Cluster;
use crate::trace::{Credit, Origin, Provenance};
use crate::{Input, Span};
use serde::{Deserialize, Serialize};

pub const SCHEMA: &str = "wiretrace.report.v1";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema: String,
    pub inputs: Vec<InputInfo>,
    pub articles: Vec<ArticleReport>,
    pub claims: Vec<ClaimReport>,
    /// What a reader wants first, read off the fields above ([`crate::verdict::judge`]).
    #[serde(default)]
    pub verdict: crate::verdict::Verdict,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InputInfo {
    pub id: usize,
    pub name: String,
    pub bytes: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleReport {
    pub id: String,
    pub input: usize,
    pub span: Span,
    pub title: String,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub dateline: Option<String>,
    pub published: Option<String>,
    pub credits: Vec<CreditReport>,
    pub paragraphs: Vec<ParagraphReport>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CreditReport {
    pub agency: String,
    pub role: String,
    pub evidence: String,
    pub span: Span,
    /// For role "inferred": the article whose wording is reused, the reusing passages and the
    /// share of the text they cover.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reuse: Option<ReuseReport>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReuseReport {
    pub source: String,
    pub passages: Vec<Span>,
    pub share: f32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParagraphReport {
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimReport {
    pub id: String,
    pub kind: String,
    pub text: String,
    pub speaker: Option<String>,
    pub mentions: Vec<MentionReport>,
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

    /// Whether more than one article carries the claim: what provenance is about.
    pub fn is_shared(&self) -> bool {
        self.article_count() > 1
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinkReport {
    pub a: usize,
    pub b: usize,
    pub score: f32,
    pub why: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VariantReport {
    /// Index into `mentions`.
    pub mention: usize,
    pub text: String,
    pub value: f64,
    pub upper: f64,
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
        .map(|l| LinkReport { a: mention(l.a), b: mention(l.b), score: portable_score(l.score), why: l.why.clone() })
        .collect();
    let variants = cluster
        .variants
        .iter()
        .map(|v| VariantReport { mention: mention(v.claim), text: v.text.clone(), value: v.value, upper: v.upper, unit: v.unit.clone() })
        .collect();
    (links, variants)
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MentionReport {
    pub article: String,
    pub span: Span,
    pub text: String,
    /// The mention is in the article's headline.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub headline: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OriginReport {
    pub agencies: Vec<String>,
    pub published: Option<String>,
    pub evidence: String,
    /// The article whose mention decided the origin, and the deciding words in its paste.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

fn article_id(index: usize) -> String {
    format!("a{index}")
}

fn kind_name(kind: ClaimKind) -> String {
    serde_json::to_value(kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

fn credit_report(c: &Credit) -> CreditReport {
    let role = serde_json::to_value(c.role).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
    let reuse = c.reuse.as_ref().map(|r| ReuseReport { source: article_id(r.source), passages: r.passages.clone(), share: r.share });
    CreditReport { agency: c.agency.clone(), role, evidence: c.evidence.clone(), span: c.span, reuse }
}

fn origin_report(o: &Origin) -> OriginReport {
    OriginReport {
        agencies: o.agencies.clone(),
        published: o.published.clone(),
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
            published: a.published.as_ref().map(|f| f.value.to_iso()),
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
            ClaimReport {
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
                    })
                    .collect(),
                origin: origin_report(origin),
                links,
                variants,
            }
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
                .map(|a| MentionReport { article: a.to_string(), span: Span::new(0, 0), text: String::new(), headline: false })
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
