//! One claim of the report: its text and kind, who said it, where each article has it, the
//! agency it came from first and the evidence for that, whether its figures differ between
//! articles (a figure that changed on the way), and why its mentions were linked.

use super::state::SharedReport;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: SharedReport,
    /// Which of `report.claims`.
    pub index: usize,
}

#[function_component(ClaimCard)]
pub fn claim_card(props: &Props) -> Html {
    let report = &props.report;
    let Some(claim) = report.claims.get(props.index) else { return Html::default() };
    let article_label = |id: &str| -> String {
        let Some(article) = report.articles.iter().find(|a| a.id == id) else { return id.to_string() };
        let paste = report.inputs.get(article.input).map(|i| i.name.as_str()).unwrap_or_default();
        match &article.outlet {
            Some(outlet) => format!("{outlet} ({paste})"),
            None => paste.to_string(),
        }
    };
    let origin = &claim.origin;
    let shared = claim.is_shared();
    // The figures each mention gives, where they differ between mentions.
    let figures_of = |mention: usize| -> Vec<&str> {
        claim.variants.iter().filter(|v| v.mention == mention).map(|v| v.text.as_str()).collect()
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
                <summary>{ "Where it appears" }</summary>
                <ol>
                    { for claim.mentions.iter().enumerate().map(|(index, mention)| {
                        let figures = figures_of(index);
                        html! {
                            <li>
                                <cite>{ article_label(&mention.article) }</cite>
                                if mention.headline {
                                    <span class="headline-tag">{ "headline" }</span>
                                }
                                <span class="mention-text">{ &mention.text }</span>
                                if !figures.is_empty() {
                                    <span class="variant">{ format!("figures here: {}", figures.join(", ")) }</span>
                                }
                            </li>
                        }
                    }) }
                </ol>
            </details>
            if !claim.links.is_empty() {
                <details class="links">
                    <summary>{ "Why these were linked" }</summary>
                    <ul>
                        { for claim.links.iter().map(|link| html! {
                            <li>{ format!("{} and {}: {}", link.a + 1, link.b + 1, link.why) }</li>
                        }) }
                    </ul>
                </details>
            }
        </li>
    }
}
