//! The report below the verdict: the exports, a summary line, the timeline, every article,
//! then every claim with the claims reported by more than one article first.

use super::article_card::ArticleCard;
use super::claim_card::ClaimCard;
use super::state::SharedReport;
use super::timeline::Timeline;
use yew::prelude::*;

/// The files a report can be saved as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// The report itself: the bytes of `wiretrace analyze --json`.
    Json,
    /// A row per mention.
    Csv,
    /// A readable report.
    Markdown,
}

impl Export {
    /// Every export, in the order of their buttons.
    pub const ALL: [Export; 3] = [Export::Json, Export::Csv, Export::Markdown];

    /// The name the download is offered under.
    pub fn file_name(self) -> &'static str {
        match self {
            Export::Json => "wiretrace-report.json",
            Export::Csv => "wiretrace-report.csv",
            Export::Markdown => "wiretrace-report.md",
        }
    }

    /// The download's media type.
    pub fn mime_type(self) -> &'static str {
        match self {
            Export::Json => "application/json",
            Export::Csv => "text/csv",
            Export::Markdown => "text/markdown",
        }
    }

    fn label(self) -> (&'static str, &'static str) {
        match self {
            Export::Json => ("download-json", "JSON"),
            Export::Csv => ("download-csv", "CSV"),
            Export::Markdown => ("download-markdown", "Markdown"),
        }
    }
}

/// The report and what its buttons do.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The report shown.
    pub report: SharedReport,
    /// How long the analysis took in the page.
    pub millis: f64,
    /// A download button: which export.
    pub ondownload: Callback<Export>,
    /// "Print".
    pub onprint: Callback<()>,
}

/// The report under the verdict: the downloads, the timeline, the articles, then the claims.
#[function_component(Results)]
pub fn results(props: &Props) -> Html {
    let report = &props.report;
    let shared = report.claims.iter().filter(|c| c.is_shared()).count();

    html! {
        <section class="results" aria-labelledby="results-heading">
            <div class="results-head">
                <h2 id="results-heading">{ "Report" }</h2>
                <div class="exports" role="group" aria-label="Save the report">
                    <span class="exports-label">{ "Download" }</span>
                    { for Export::ALL.into_iter().map(|export| {
                        let (id, label) = export.label();
                        html! {
                            <button {id} onclick={props.ondownload.reform(move |_: MouseEvent| export)}>{ label }</button>
                        }
                    }) }
                    <button id="print" onclick={props.onprint.reform(|_: MouseEvent| ())}>{ "Print" }</button>
                </div>
            </div>
            <p class="summary">
                { format!("{} articles · {} claims · {} reported by more than one article",
                    report.articles.len(), report.claims.len(), shared) }
                <span id="analysis-time" class="timing">
                    { format!("analysed in {:.1} ms", props.millis) }
                </span>
            </p>
            <Timeline report={report.clone()} />
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
