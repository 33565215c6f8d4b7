//! Mutations: one quantity stated with different figures across articles.
//!
//! Inside a cluster, figures of one unit that are not all equal ("430" / "over 400"; "37" /
//! "at least 38"; 62nd / 63rd minute) are reported as variants: the link stays, and the page
//! can flag that the figure changed on its way between outlets.

use crate::claims::figures::Relation;
use crate::claims::Claim;
use serde::Serialize;

/// One differently stated figure of a cluster.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Variant {
    /// Index of the claim (a cluster member) that states it.
    pub claim: usize,
    /// The figure as written.
    pub text: String,
    pub value: f64,
    pub upper: f64,
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
        let members_with_unit: std::collections::BTreeSet<usize> =
            figs.iter().map(|x| x.0).collect();
        if members_with_unit.len() < 2 {
            continue;
        }
        // A member "agrees" when one of its figures equals one of every other member's.
        let differs = members_with_unit.iter().any(|&m| {
            members_with_unit.iter().filter(|&&o| o != m).any(|&o| {
                !figs.iter().filter(|x| x.0 == m).any(|(_, fa)| {
                    figs.iter()
                        .filter(|x| x.0 == o)
                        .any(|(_, fb)| fa.relation(fb) == Relation::Equal)
                })
            })
        });
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
