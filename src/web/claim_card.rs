//! One claim of the report: its text and kind, who said it, the agency it came from first and
//! the evidence for that, then its mentions side by side (columns, rows on a phone) with the
//! wording they share and the figures that differ marked in each, and why they were linked in
//! their own words ([`crate::wording`]).

use super::article_card::article_name;
use super::state::SharedReport;
use crate::report::ClaimReport;
use crate::{wording, Span};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: SharedReport,
    /// Which of `report.claims`.
    pub index: usize,
}

/// Mentions shown side by side; any more are listed after them, unmarked (a wire story
/// reprinted a thousand times must not build a thousand columns).
const SIDE_BY_SIDE: usize = 12;
/// Each mention's shared wording is found against this many others.
const COMPARED: usize = 8;

/// How a piece of a mention's text is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Plain,
    /// Wording another mention shares.
    Shared,
    /// A figure that differs between the mentions.
    Differs,
}

/// `text` cut into pieces to show: the figure spans win over the shared ones where they overlap.
pub fn segments<'t>(text: &'t str, shared: &[Span], figures: &[Span]) -> Vec<(&'t str, Mark)> {
    let inside = |spans: &[Span], i: usize| spans.iter().any(|s| s.start <= i && i < s.end);
    let mut cuts: Vec<usize> = shared.iter().chain(figures).flat_map(|s| [s.start, s.end]).chain([0, text.len()]).collect();
    cuts.retain(|&i| i <= text.len() && text.is_char_boundary(i));
    cuts.sort_unstable();
    cuts.dedup();
    let mut pieces: Vec<(usize, usize, Mark)> = Vec::new();
    for pair in cuts.windows(2) {
        let mark = if inside(figures, pair[0]) {
            Mark::Differs
        } else if inside(shared, pair[0]) {
            Mark::Shared
        } else {
            Mark::Plain
        };
        match pieces.last_mut() {
            Some((_, end, last)) if *last == mark => *end = pair[1],
            _ => pieces.push((pair[0], pair[1], mark)),
        }
    }
    pieces.into_iter().map(|(start, end, mark)| (&text[start..end], mark)).collect()
}

/// Where the figures that differ sit in mention `index` (their first occurrence in its text).
fn figure_spans(claim: &ClaimReport, index: usize) -> Vec<Span> {
    let text = &claim.mentions[index].text;
    claim
        .variants
        .iter()
        .filter(|v| v.mention == index && !v.text.is_empty())
        .filter_map(|v| text.find(&v.text).map(|start| Span::new(start, start + v.text.len())))
        .collect()
}

fn mention_text(text: &str, shared: &[Span], figures: &[Span]) -> Html {
    html! {
        <blockquote class="mention-text">
            { for segments(text, shared, figures).into_iter().map(|(piece, mark)| match mark {
                Mark::Plain => html! { piece },
                Mark::Shared => html! { <mark class="shared-words">{ piece }</mark> },
                Mark::Differs => html! { <mark class="figure-differs">{ piece }</mark> },
            }) }
        </blockquote>
    }
}

#[function_component(ClaimCard)]
pub fn claim_card(props: &Props) -> Html {
    let report = &props.report;
    let Some(claim) = report.claims.get(props.index) else { return Html::default() };
    let origin = &claim.origin;
    let shared = claim.is_shared();
    let shown = claim.mentions.len().min(SIDE_BY_SIDE);
    let texts: Vec<&str> = claim.mentions[..shown].iter().map(|m| m.text.as_str()).collect();
    let shared_words = wording::shared_with_others(&texts, COMPARED);
    let column = |(index, mention): (usize, &crate::report::MentionReport)| {
        let figures = figure_spans(claim, index);
        html! {
            <li class="mention">
                <cite>{ format!("{}. {}", index + 1, article_name(report, &mention.article)) }</cite>
                if mention.headline {
                    <span class="headline-tag">{ "headline" }</span>
                }
                { mention_text(&mention.text, &shared_words[index], &figures) }
                if !figures.is_empty() {
                    <span class="variant">
                        { format!("figures here: {}", claim.variants.iter().filter(|v| v.mention == index).map(|v| v.text.as_str()).collect::<Vec<_>>().join(", ")) }
                    </span>
                }
            </li>
        }
    };

    html! {
        <li class={classes!("claim-card", shared.then_some("shared"))} id={claim.id.clone()}>
            <div class="claim-head">
                <span class={classes!("kind", format!("kind-{}", claim.kind))}>{ &claim.kind }</span>
                <span class="mention-count">
                    { match claim.article_count() { 1 => "in 1 article".to_string(), n => format!("in {n} articles") } }
                </span>
                if let Some(speaker) = &claim.speaker {
                    <span class="speaker">{ "said by " }<strong>{ speaker }</strong></span>
                }
                if !claim.variants.is_empty() {
                    <span class="variants-flag" title="The articles give different figures for this claim: see where it appears">
                        { "figures differ" }
                    </span>
                }
            </div>
            <p class="claim-text">{ &claim.text }</p>
            <div class="origin">
                <span class="label">{ "Origin" }</span>
                if origin.agencies.is_empty() {
                    <span class="origin-none">
                        { if origin.evidence.is_empty() { "no agency named" } else { origin.evidence.as_str() } }
                    </span>
                } else {
                    <span class="origin-agencies">{ origin.agencies.join(" = ") }</span>
                    if let Some(published) = &origin.published {
                        <span class="origin-date">{ published }</span>
                    }
                    if !origin.evidence.is_empty() {
                        <span class="evidence">{ &origin.evidence }</span>
                    }
                }
            </div>
            <details class="mentions" open={shared}>
                <summary>{ "Where it appears, side by side" }</summary>
                <ol class="side-by-side">
                    { for claim.mentions.iter().take(shown).enumerate().map(column) }
                </ol>
                if claim.mentions.len() > shown {
                    <ol class="more-mentions" start={(shown + 1).to_string()}>
                        { for claim.mentions[shown..].iter().map(|m| html! {
                            <li><cite>{ article_name(report, &m.article) }</cite>{ " " }{ &m.text }</li>
                        }) }
                    </ol>
                }
            </details>
            if !claim.links.is_empty() {
                <details class="links">
                    <summary>{ "Why these were linked" }</summary>
                    <ul>
                        { for claim.links.iter().filter_map(|link| {
                            let (a, b) = (claim.mentions.get(link.a)?, claim.mentions.get(link.b)?);
                            Some(html! {
                                <li>{ format!("{} and {}: {}", link.a + 1, link.b + 1, wording::link_evidence(&a.text, &b.text, link.score)) }</li>
                            })
                        }) }
                    </ul>
                </details>
            }
        </li>
    }
}
