//! Mutations: one quantity stated with different figures across articles.
//!
//! Inside a cluster, figures of one unit that are not all equal ("430" / "over 400"; "37" /
//! "at least 38"; 62nd / 63rd minute) are reported as variants: the link stays, and the page
//! can flag that the figure changed on its way between outlets.

use crate::claims::figures::Relation;
use crate::claims::Claim;
use serde::Serialize;

/// At most this many distinct wordings of one quantity are compared (bounded work).
const COMPARED: usize = 64;

/// One differently stated figure of a cluster.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Variant {
    /// Index of the claim (a cluster member) that states it.
    pub claim: usize,
    /// The figure as written.
    pub text: String,
    /// Its value in its unit (the lower end of a range).
    pub value: f64,
    /// The upper end of a range; the value itself otherwise.
    pub upper: f64,
    /// Its canonical unit ([`crate::claims::Figure::unit`]).
    pub unit: String,
}

/// The variants of one cluster: for each unit whose figures differ between members, every
/// member's figure of that unit. Empty when all members agree.
pub fn variants(texts: &[&str], claims: &[Claim], members: &[usize]) -> Vec<Variant> {
    let mut units: Vec<&str> = members
        .iter()
        .flat_map(|&m| claims[m].figures.iter().map(|f| f.unit.as_str()))
        .collect();
    units.sort_unstable();
    units.dedup();
    let mut out = Vec::new();
    for unit in units {
        let figs: Vec<(usize, &crate::claims::Figure)> = members
            .iter()
            .flat_map(|&m| {
                claims[m]
                    .figures
                    .iter()
                    .filter(|f| f.unit == unit)
                    .map(move |f| (m, f))
            })
            .collect();
        // Members stating the very same figures (reprints) are interchangeable here: one of each
        // wording is compared, and at most COMPARED of them, so a cluster of thousands of
        // reprints costs no more than one of a few.
        let per_member: Vec<Vec<&crate::claims::Figure>> = figs.chunk_by(|a, b| a.0 == b.0).map(|own| own.iter().map(|x| x.1).collect()).collect();
        if per_member.len() < 2 {
            continue;
        }
        let mut seen = std::collections::HashSet::new();
        let wordings: Vec<&Vec<&crate::claims::Figure>> = per_member
            .iter()
            .filter(|own| seen.insert(own.iter().map(|f| (f.value.to_bits(), f.upper.to_bits(), f.bound)).collect::<Vec<_>>()))
            .take(COMPARED)
            .collect();
        // A wording "agrees" when one of its figures equals one of every other wording's.
        let agree = |a: &[&crate::claims::Figure], b: &[&crate::claims::Figure]| a.iter().any(|fa| b.iter().any(|fb| fa.relation(fb) == Relation::Equal));
        let differs = wordings.iter().enumerate().any(|(i, a)| wordings[i + 1..].iter().any(|b| !agree(a, b)));
        if !differs {
            continue;
        }
        for (m, f) in figs {
            let text = texts
                .get(claims[m].input)
                .map(|t| f.span.of(t).to_string())
                .unwrap_or_default();
            out.push(Variant {
                claim: m,
                text,
                value: f.value,
                upper: f.upper,
                unit: f.unit.clone(),
            });
        }
    }
    out
}
