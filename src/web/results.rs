//! The report: a summary line, the JSON download, every article, then every claim with the
//! claims reported by more than one article first.

use super::article_card::ArticleCard;
use super::claim_card::ClaimCard;
use super::state::SharedReport;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: SharedReport,
    /// How long the analysis took in the page.
    pub millis: f64,
    pub ondownload: Callback<()>,
}

#[function_component(Results)]
pub fn results(props: &Props) -> Html {
    let report = &props.report;
    let shared = report.claims.iter().filter(|c| c.is_shared()).count();

    html! {
        <section class="results" aria-labelledby="results-heading">
            <div class="results-head">
                <h2 id="results-heading">{ "Report" }</h2>
                <button id="download-json" onclick={props.ondownload.reform(|_: MouseEvent| ())}>
                    { "Download JSON" }
                </button>
            </div>
            <p class="summary">
                { format!("{} articles · {} claims · {} reported by more than one article",
                    report.articles.len(), report.claims.len(), shared) }
                <span id="analysis-time" class="timing">
                    { format!("analysed in {:.1} ms", props.millis) }
                </span>
            </p>
            <h3>{ "Articles" }</h3>
            <div class="articles">
                { for (0..report.articles.len()).map(|index| html! {
                    <ArticleCard key={index} report={report.clone()} {index} />
                }) }
            </div>
            <h3>{ "Claims" }</h3>
            if report.claims.is_empty() {
                <p class="empty">{ "No claims found: no quotes, figures or reported statements." }</p>
            }
            <ol class="claims">
                { for report.claim_order().into_iter().map(|index| html! {
                    <ClaimCard key={index} report={report.clone()} {index} />
                }) }
            </ol>
        </section>
    }
}
