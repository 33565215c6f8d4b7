//! One article of the report: title, outlet, byline, date and the agencies it credits.

use super::state::SharedReport;
use crate::Report;
use yew::prelude::*;

/// Longest title shown as an article's name, in characters.
const NAME_CHARS: usize = 60;

/// What to call an article in a list: its outlet, else its title, else its paste's name.
pub fn article_name(report: &Report, id: &str) -> String {
    let Some(article) = report.articles.iter().find(|a| a.id == id) else { return id.to_string() };
    if let Some(outlet) = &article.outlet {
        return outlet.clone();
    }
    if !article.title.is_empty() {
        let mut title: String = article.title.chars().take(NAME_CHARS).collect();
        if title.len() < article.title.len() {
            title.push('…');
        }
        return title;
    }
    report.inputs.get(article.input).map(|i| i.name.clone()).unwrap_or_else(|| id.to_string())
}

/// Which article of which report.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The report shown.
    pub report: SharedReport,
    /// Which of `report.articles`.
    pub index: usize,
}

/// One article: its title, outlet, byline, date and agency credits with their evidence.
#[function_component(ArticleCard)]
pub fn article_card(props: &Props) -> Html {
    let Some(article) = props.report.articles.get(props.index) else { return Html::default() };
    let paste = props.report.inputs.get(article.input).map(|i| i.name.as_str()).unwrap_or_default();
    let title = if article.title.is_empty() { "(no title found)" } else { article.title.as_str() };
    let field = |label: &'static str, value: &Option<String>| -> Html {
        html! { <><dt>{ label }</dt><dd>{ value.as_deref().unwrap_or("—") }</dd></> }
    };

    html! {
        <article class="article-card" id={article.id.clone()} tabindex="-1">
            <h4>{ title }</h4>
            <dl class="fields">
                { field("Outlet", &article.outlet) }
                { field("Byline", &article.byline) }
                { field("Published", &article.published) }
                <dt>{ "Paste" }</dt><dd class="paste-name-ref">{ paste }</dd>
            </dl>
            if article.credits.is_empty() {
                <p class="credits-none">{ "No agency credited." }</p>
            } else {
                <ul class="credits" aria-label="Agency credits">
                    { for article.credits.iter().map(|credit| html! {
                        <li>
                            <span class="agency">{ &credit.agency }</span>
                            <span class={classes!("role", format!("role-{}", credit.role))}>{ &credit.role }</span>
                            <span class="evidence">{ &credit.evidence }</span>
                        </li>
                    }) }
                </ul>
            }
        </article>
    }
}
