//! The **verdict**: what a reader wants first, read off a finished report. Which agencies the
//! shared claims trace to (by claims), how much of each article follows an agency's wording
//! (as Churnalism shows "% copied"), what each article carried first, what it alone has, and
//! the articles in publication order for a timeline.
//!
//! It only reads the report's other fields, so the CLI, the page and every export tell the
//! same verdict.

use crate::report::{ArticleReport, ClaimReport, Report};
use crate::Span;
use chrono::{DateTime, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The report summed up for a reader: where the shared claims come from, and what each
/// article takes from an agency, carried first or adds alone.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    /// One sentence: "Mostly from Reuters (15 claims), then AFP (14) and Xinhua (1)."
    pub summary: String,
    /// The agencies the shared claims trace to, most claims first. A claim whose origin is a
    /// tie between agencies counts for each of them.
    pub agencies: Vec<AgencyTally>,
    /// Every article, in publication order (undated ones last, as reported).
    pub articles: Vec<ArticleVerdict>,
}

/// One agency and how many shared claims trace to it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgencyTally {
    /// The registry's name of the agency.
    pub agency: String,
    /// Shared claims whose origin names this agency.
    pub claims: usize,
}

/// One article's part in the story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleVerdict {
    /// The article's id in the report.
    pub article: String,
    /// The share (0 to 1, three decimals) of the article's body text that is wording of claims
    /// it shares with another article and that trace to an agency.
    pub agency_share: f32,
    /// The agencies those claims trace to, most claims in this article first.
    pub agencies: Vec<String>,
    /// The agencies the article credits itself, in the order it does.
    pub credits: Vec<String>,
    /// Shared claims whose origin this article's mention decided: it carried them first.
    pub first: Vec<String>,
    /// Claims no other article carries: what this article added.
    pub only_here: Vec<String>,
}

/// The verdict of `report` (whose own `verdict` field is not read).
pub fn judge(report: &Report) -> Verdict {
    let index = ClaimIndex::of(report);
    let traced: Vec<&ClaimReport> = report.claims.iter().zip(&index.traced).filter(|(_, &t)| t).map(|(c, _)| c).collect();
    let agencies = tally(traced.iter().flat_map(|c| c.origin.agencies.iter()));
    let untraced = index.shared.iter().filter(|&&s| s).count() - traced.len();
    let mut articles: Vec<ArticleVerdict> = report.articles.iter().map(|a| article_verdict(report, &index, a)).collect();
    let when: HashMap<&str, Option<NaiveDateTime>> =
        report.articles.iter().map(|a| (a.id.as_str(), a.published.as_deref().and_then(sort_key))).collect();
    // Stable: equal times and undated articles keep the report's order.
    articles.sort_by_cached_key(|a| when.get(a.article.as_str()).copied().flatten().map_or((1, Default::default()), |t| (0, t)));
    Verdict { summary: summary(&agencies, untraced), agencies, articles }
}

/// What the verdict asks of the claims, read once: whether each is shared and traced, and
/// which claims each article carries (in claim order), so that an article's verdict reads its
/// own claims only, not every claim again.
struct ClaimIndex<'a> {
    /// Whether each claim is in more than one article.
    shared: Vec<bool>,
    /// Whether each claim is shared and traced to an agency.
    traced: Vec<bool>,
    /// The claims each article states in its body.
    in_body: HashMap<&'a str, Vec<usize>>,
    /// The claims each article states anywhere (body or headline).
    anywhere: HashMap<&'a str, Vec<usize>>,
    /// The shared claims whose origin each article decided.
    decided: HashMap<&'a str, Vec<usize>>,
}

impl<'a> ClaimIndex<'a> {
    fn of(report: &'a Report) -> Self {
        let shared: Vec<bool> = report.claims.iter().map(ClaimReport::is_shared).collect();
        let traced = report.claims.iter().zip(&shared).map(|(c, &s)| s && !c.origin.agencies.is_empty()).collect();
        let (mut in_body, mut anywhere, mut decided) = (HashMap::new(), HashMap::new(), HashMap::new());
        let add = |map: &mut HashMap<&'a str, Vec<usize>>, article: &'a str, k: usize| {
            let claims = map.entry(article).or_default();
            if claims.last() != Some(&k) {
                claims.push(k);
            }
        };
        for (k, claim) in report.claims.iter().enumerate() {
            for m in &claim.mentions {
                add(&mut anywhere, &m.article, k);
                if !m.headline {
                    add(&mut in_body, &m.article, k);
                }
            }
            if let (true, Some(article)) = (shared[k], claim.origin.article.as_deref()) {
                add(&mut decided, article, k);
            }
        }
        ClaimIndex { shared, traced, in_body, anywhere, decided }
    }

    /// The claims `map` lists for article `id` that `keep` keeps.
    fn of_article(map: &HashMap<&str, Vec<usize>>, id: &str, keep: impl Fn(usize) -> bool) -> Vec<usize> {
        map.get(id).map_or_else(Vec::new, |claims| claims.iter().copied().filter(|&k| keep(k)).collect())
    }
}

fn article_verdict(report: &Report, index: &ClaimIndex, article: &ArticleReport) -> ArticleVerdict {
    let id = article.id.as_str();
    let body: usize = article.paragraphs.iter().map(|p| p.span.len()).sum();
    let borrowed: Vec<&ClaimReport> = ClaimIndex::of_article(&index.in_body, id, |k| index.traced[k]).into_iter().map(|k| &report.claims[k]).collect();
    let spans: Vec<Span> =
        borrowed.iter().flat_map(|c| &c.mentions).filter(|m| m.article == id && !m.headline).map(|m| m.span).collect();
    let share = if body == 0 { 0.0 } else { covered(spans).min(body) as f32 / body as f32 };
    let mut credits: Vec<String> = Vec::new();
    for credit in &article.credits {
        if !credits.contains(&credit.agency) {
            credits.push(credit.agency.clone());
        }
    }
    let claim_ids = |claims: Vec<usize>| claims.into_iter().map(|k| report.claims[k].id.clone()).collect();
    ArticleVerdict {
        article: id.to_string(),
        agency_share: (share * 1000.0).round() / 1000.0,
        agencies: tally(borrowed.iter().flat_map(|c| c.origin.agencies.iter())).into_iter().map(|t| t.agency).collect(),
        credits,
        first: claim_ids(ClaimIndex::of_article(&index.decided, id, |_| true)),
        only_here: claim_ids(ClaimIndex::of_article(&index.anywhere, id, |k| !index.shared[k])),
    }
}

/// Counts the names, most frequent first, ties by name.
fn tally<'a>(names: impl Iterator<Item = &'a String>) -> Vec<AgencyTally> {
    let mut tallies: Vec<AgencyTally> = Vec::new();
    for name in names {
        match tallies.iter_mut().find(|t| &t.agency == name) {
            Some(t) => t.claims += 1,
            None => tallies.push(AgencyTally { agency: name.clone(), claims: 1 }),
        }
    }
    tallies.sort_by(|a, b| b.claims.cmp(&a.claims).then_with(|| a.agency.cmp(&b.agency)));
    tallies
}

/// How many bytes the spans cover together (overlaps counted once).
fn covered(mut spans: Vec<Span>) -> usize {
    spans.sort_unstable();
    let (mut total, mut reach) = (0, 0);
    for span in spans {
        let start = span.start.max(reach);
        if span.end > start {
            total += span.end - start;
            reach = span.end;
        }
    }
    total
}

fn summary(agencies: &[AgencyTally], untraced: usize) -> String {
    let claims = |n: usize| if n == 1 { "1 claim".to_string() } else { format!("{n} claims") };
    let mut out = match agencies {
        [] if untraced == 0 => return "The articles share no claim.".into(),
        [] => "No shared claim traces to a wire agency".to_string(),
        [only] => format!("Mostly from {} ({})", only.agency, claims(only.claims)),
        [first, rest @ ..] => {
            let others: Vec<String> = rest.iter().map(|t| format!("{} ({})", t.agency, t.claims)).collect();
            let others = match others.split_last() {
                Some((last, [])) => last.clone(),
                Some((last, init)) => format!("{} and {last}", init.join(", ")),
                None => String::new(),
            };
            format!("Mostly from {} ({}), then {others}", first.agency, claims(first.claims))
        }
    };
    if untraced > 0 && !agencies.is_empty() {
        out.push_str(&format!("; {} shared with no agency named", claims(untraced)));
    }
    out.push('.');
    out
}

/// A publication time as a UTC moment to sort by; a bare date sorts at its midday, a time
/// printed without a zone as if it were UTC.
fn sort_key(iso: &str) -> Option<NaiveDateTime> {
    DateTime::parse_from_rfc3339(iso)
        .map(|t| t.naive_utc())
        .or_else(|_| NaiveDateTime::parse_from_str(iso, "%Y-%m-%dT%H:%M:%S"))
        .ok()
        .or_else(|| NaiveDate::parse_from_str(iso, "%Y-%m-%d").ok().and_then(|d| d.and_hms_opt(12, 0, 0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tallies(pairs: &[(&str, usize)]) -> Vec<AgencyTally> {
        pairs.iter().map(|&(agency, claims)| AgencyTally { agency: agency.into(), claims }).collect()
    }

    #[test]
    fn the_summary_names_the_agencies_by_claims() {
        assert_eq!(summary(&tallies(&[("Reuters", 21), ("AFP", 11), ("TASS", 2)]), 0), "Mostly from Reuters (21 claims), then AFP (11) and TASS (2).");
        assert_eq!(summary(&tallies(&[("AFP", 1)]), 3), "Mostly from AFP (1 claim); 3 claims shared with no agency named.");
        assert_eq!(summary(&[], 0), "The articles share no claim.");
        assert_eq!(summary(&[], 2), "No shared claim traces to a wire agency.");
    }

    #[test]
    fn a_tally_counts_most_first_then_by_name() {
        let names: Vec<String> = ["TASS", "AFP", "Reuters", "AFP", "TASS"].map(String::from).to_vec();
        assert_eq!(tally(names.iter()), tallies(&[("AFP", 2), ("TASS", 2), ("Reuters", 1)]));
    }

    #[test]
    fn overlapping_spans_are_covered_once() {
        assert_eq!(covered(vec![Span::new(10, 20), Span::new(0, 5), Span::new(15, 30), Span::new(16, 18)]), 25);
        assert_eq!(covered(vec![]), 0);
    }

    #[test]
    fn times_sort_in_utc_and_dates_at_midday() {
        let [a, b, c] = ["2025-03-12T11:00:00+08:00", "2025-03-12", "2025-03-12T13:00:00"].map(|t| sort_key(t).unwrap());
        assert!(a < b && b < c, "{a} {b} {c}");
        assert_eq!(sort_key("not a date"), None);
    }
}
