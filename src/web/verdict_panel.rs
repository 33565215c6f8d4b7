//! The verdict, first on the page once analysed: where the story came from (agencies by
//! claims), how much of each article follows an agency's wording, and what each added that no
//! other has. Everything here is the core's [`crate::verdict::Verdict`]; the page only shows it.

use super::article_card::article_name;
use super::browser;
use super::state::SharedReport;
use yew::prelude::*;

/// An in-page link to the element `id`: its `href` says where, its click goes there without
/// changing the address (whose fragment is the permalink).
pub fn jump_link(id: String) -> (String, Callback<MouseEvent>) {
    let href = format!("#{id}");
    (href, Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        browser::jump_to(&id);
    }))
}

/// The report whose verdict is shown.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The report shown.
    pub report: SharedReport,
}

/// How many of an article's own claims are quoted under it.
const OWN_CLAIMS_QUOTED: usize = 2;

/// The verdict panel.
#[function_component(VerdictPanel)]
pub fn verdict_panel(props: &Props) -> Html {
    let report = &props.report;
    let verdict = &report.verdict;
    let most = verdict.agencies.first().map_or(1, |t| t.claims.max(1));
    let claim_text = |id: &String| report.claims.iter().find(|c| &c.id == id).map(|c| c.text.clone()).unwrap_or_default();

    html! {
        <section class="verdict" id="verdict" tabindex="-1" aria-labelledby="verdict-heading">
            <h2 id="verdict-heading">{ "Where this story came from" }</h2>
            <p class="verdict-summary" id="verdict-summary">{ &verdict.summary }</p>
            if !verdict.agencies.is_empty() {
                <ol class="agency-tally" aria-label="Agencies by shared claims">
                    { for verdict.agencies.iter().map(|t| html! {
                        <li>
                            <span class="agency">{ &t.agency }</span>
                            // An SVG bar: its width is an attribute, since the page's policy refuses inline styles.
                            <svg class="bar" aria-hidden="true" viewBox="0 0 100 1" preserveAspectRatio="none">
                                <rect width={(t.claims * 100 / most).to_string()} height="1" />
                            </svg>
                            <span class="count">{ plural(t.claims, "shared claim", "shared claims") }</span>
                        </li>
                    }) }
                </ol>
            }
            <h3>{ "Each article" }</h3>
            <ul class="article-verdicts">
                { for verdict.articles.iter().map(|a| {
                    let percent = (a.agency_share * 100.0).round() as u32;
                    let own: Vec<String> = a.only_here.iter().take(OWN_CLAIMS_QUOTED).map(claim_text).collect();
                    let (href, onclick) = jump_link(a.article.clone());
                    html! {
                        <li class="article-verdict">
                            <a class="name" {href} {onclick}>{ article_name(report, &a.article) }</a>
                            <span class="share">
                                <meter min="0" max="100" value={percent.to_string()} aria-hidden="true"></meter>
                                <strong>{ format!("{percent}%") }</strong>
                                { if a.agencies.is_empty() {
                                    " of its text follows an agency's wording".to_string()
                                } else {
                                    format!(" of its text follows {}'s wording", a.agencies.join(" and "))
                                } }
                            </span>
                            <span class="adds">
                                { match a.only_here.len() {
                                    0 => "adds nothing the others lack".to_string(),
                                    n => format!("adds {} nobody else has", plural(n, "claim", "claims")),
                                } }
                                { for own.iter().map(|text| html! { <q>{ text }</q> }) }
                            </span>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// "1 claim", "12 claims".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}
