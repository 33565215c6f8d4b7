//! Stage 5, **trace**: who said it first.
//!
//! Reads each article's credits (with their role), and for each cluster picks the earliest
//! dated mention whose source is an agency: the mention's own in-text citation if it has one,
//! else its article's credits.

use crate::clean::{Article, LineKind, Published};
use crate::claims::Claim;
use crate::matching::Cluster;
use crate::Span;
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Credit,
    Dateline,
    Byline,
    Cited,
    Photo,
    Mention,
    Inferred,
}

impl Role {
    /// Whether this credit makes the agency a source of the article.
    pub fn is_source(self) -> bool {
        matches!(self, Role::Credit | Role::Dateline | Role::Byline)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Credit {
    pub agency: String,
    pub role: Role,
    pub evidence: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Origin {
    /// Earliest first, then those tied with it; empty when no agency is named.
    pub agencies: Vec<String>,
    pub published: Option<String>,
    pub evidence: String,
}

/// What tracing found: credits per article, origin per cluster.
#[derive(Clone, Debug, PartialEq)]
pub struct Provenance {
    pub credits: Vec<Vec<Credit>>,
    pub origins: Vec<Origin>,
}

/// The agency registry: (canonical name, aliases), read from `data/agencies.tsv`.
fn registry() -> &'static [(String, Regex)] {
    static REG: OnceLock<Vec<(String, Regex)>> = OnceLock::new();
    REG.get_or_init(|| {
        include_str!("../data/agencies.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let (name, aliases) = l.split_once('\t').expect("agencies.tsv: name<TAB>aliases");
                let alternation = aliases.split('|').map(regex::escape).collect::<Vec<_>>().join("|");
                (name.to_string(), Regex::new(&format!(r"(?:^|[^\w])(?:{alternation})(?:$|[^\w])")).unwrap())
            })
            .collect()
    })
}

/// Credits of one article, from its non-body lines.
pub fn credits(text: &str, article: &Article) -> Vec<Credit> {
    let mut out = Vec::new();
    for line in &article.lines {
        let role = match line.kind {
            LineKind::Body | LineKind::Boilerplate | LineKind::Title => continue,
            LineKind::Caption => Role::Photo,
            LineKind::Byline => Role::Byline,
            LineKind::Credit | LineKind::Date => Role::Credit,
        };
        let s = line.span.of(text);
        for (name, re) in registry() {
            if re.is_match(s) && !out.iter().any(|c: &Credit| &c.agency == name) {
                out.push(Credit { agency: name.clone(), role, evidence: s.to_string(), span: line.span });
            }
        }
    }
    out
}

/// Credits of every article and the origin of every cluster.
pub fn trace(texts: &[&str], articles: &[Article], claims: &[Claim], clusters: &[Cluster]) -> Provenance {
    let credits: Vec<Vec<Credit>> = articles.iter().map(|a| credits(texts[a.input], a)).collect();
    let origins = clusters
        .iter()
        .map(|cluster| {
            let mut candidates: Vec<(Published, &str, usize)> = Vec::new();
            for &m in &cluster.members {
                let article = claims[m].article;
                let Some(published) = articles[article].published.as_ref().map(|f| f.value) else { continue };
                for c in credits[article].iter().filter(|c| c.role.is_source()) {
                    candidates.push((published, c.agency.as_str(), article));
                }
            }
            candidates.sort_by_key(|(p, _, _)| p.local_date());
            match candidates.first() {
                None => Origin { agencies: Vec::new(), published: None, evidence: "no agency is named for this claim".into() },
                Some(&(first, agency, article)) => {
                    let mut agencies = vec![agency.to_string()];
                    for (p, a, _) in &candidates[1..] {
                        if p.local_date() == first.local_date() && !agencies.iter().any(|x| x == a) {
                            agencies.push(a.to_string());
                        }
                    }
                    Origin {
                        agencies,
                        published: Some(first.to_iso()),
                        evidence: format!("article a{article} credits {agency}, published {}", first.to_iso()),
                    }
                }
            }
        })
        .collect();
    Provenance { credits, origins }
}
