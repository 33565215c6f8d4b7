//! One claim of the report: its text and kind, who said it, the agency it came from first and
//! the evidence for that, then its mentions side by side (columns, rows on a phone) with the
//! wording they share and the figures that differ marked in each, and why they were linked in
//! their own words, all as the report has them (`MentionReport::shared`, `LinkReport::evidence`):
//! the page compares no wordings itself, so it links none of the core's stages.

use super::article_card::article_name;
use super::state::SharedReport;
use crate::report::{ClaimReport, MentionReport, OriginReport};
use crate::Span;
use yew::prelude::*;

/// Which claim of which report.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The report shown.
    pub report: SharedReport,
    /// Which of `report.claims`.
    pub index: usize,
}

/// Mentions shown side by side, the ones the report marks; any more are listed after them,
/// unmarked (a wire story reprinted a thousand times must not build a thousand columns).
pub const SIDE_BY_SIDE: usize = crate::wording::SIDE_BY_SIDE;

/// How a piece of a mention's text is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Nothing to point out.
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

/// One claim: its kind, speaker and origin; a shared claim opens into its mentions side by
/// side, with "Why these were linked".
#[function_component(ClaimCard)]
pub fn claim_card(props: &Props) -> Html {
    let report = &props.report;
    let Some(claim) = report.claims.get(props.index) else { return Html::default() };
    html! {
        <li class={classes!("claim-card", claim.is_shared().then_some("shared"))} id={claim.id.clone()}>
            { claim_head(claim) }
            <p class="claim-text">{ &claim.text }</p>
            { origin(&claim.origin) }
            { mentions(report, claim) }
            if !claim.links.is_empty() {
                { why_linked(claim) }
            }
        </li>
    }
}

/// The claim's kind, how many articles carry it, its speaker, and whether figures differ.
fn claim_head(claim: &ClaimReport) -> Html {
    html! {
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
    }
}

/// The agencies the claim traces to, when they published it, and the words that show it.
fn origin(origin: &OriginReport) -> Html {
    html! {
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
    }
}

/// The mentions side by side (open for a shared claim), any beyond [`SIDE_BY_SIDE`] listed after.
fn mentions(report: &SharedReport, claim: &ClaimReport) -> Html {
    let shown = claim.mentions.len().min(SIDE_BY_SIDE);
    html! {
        <details class="mentions" open={claim.is_shared()}>
            <summary>{ "Where it appears, side by side" }</summary>
            <ol class="side-by-side">
                { for claim.mentions.iter().take(shown).enumerate().map(|(index, mention)| {
                    mention_column(report, claim, index, mention)
                }) }
            </ol>
            if claim.mentions.len() > shown {
                <ol class="more-mentions" start={(shown + 1).to_string()}>
                    { for claim.mentions[shown..].iter().map(|m| html! {
                        <li><cite>{ article_name(report, &m.article) }</cite>{ " " }{ &m.text }</li>
                    }) }
                </ol>
            }
        </details>
    }
}

/// Mention `index` of the claim, its wording shared with the others and its differing figures marked.
fn mention_column(report: &SharedReport, claim: &ClaimReport, index: usize, mention: &MentionReport) -> Html {
    let figures = figure_spans(claim, index);
    // The report's spans are into the paste; the pieces shown are of the mention's text.
    let at = mention.span.start;
    let shared: Vec<Span> = mention.shared.iter().map(|s| Span::new(s.start.saturating_sub(at), s.end.saturating_sub(at))).collect();
    let figures_here: Vec<&str> = claim.variants.iter().filter(|v| v.mention == index).map(|v| v.text.as_str()).collect();
    html! {
        <li class="mention">
            <cite>{ format!("{}. {}", index + 1, article_name(report, &mention.article)) }</cite>
            if mention.headline {
                <span class="headline-tag">{ "headline" }</span>
            }
            { mention_text(&mention.text, &shared, &figures) }
            if let (Some(speaker), Some(words)) = (&mention.speaker, &mention.attribution) {
                <p class="attribution">{ "said by " }<strong>{ speaker }</strong>{ format!(" — “{words}”") }</p>
            }
            if !figures.is_empty() {
                <span class="variant">{ format!("figures here: {}", figures_here.join(", ")) }</span>
            }
        </li>
    }
}

/// "Why these were linked": for each linked pair of mentions, the words they share.
fn why_linked(claim: &ClaimReport) -> Html {
    html! {
        <details class="links">
            <summary>{ "Why these were linked" }</summary>
            <ul>
                { for claim.links.iter().filter(|link| !link.evidence.is_empty()).map(|link| html! {
                    <li>{ format!("{} and {}: {}", link.a + 1, link.b + 1, link.evidence) }</li>
                }) }
            </ul>
        </details>
    }
}
