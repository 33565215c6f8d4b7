//! The spread as a picture: the articles down a time line in publication order (the core's
//! verdict order), each with its date, the agencies it credits and how many shared claims it
//! carried first. Drawn as SVG by the page; every fact is written out, so it reads without
//! colour (dated articles are filled dots, undated ones hollow and grouped last).

use super::article_card::article_name;
use super::state::SharedReport;
use super::verdict_panel::plural;
use yew::prelude::*;

/// The report drawn.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The report shown.
    pub report: SharedReport,
}

/// Height of one article's row, and where its two lines of text sit.
const ROW: usize = 58;
const TOP: usize = 16;
/// Where the line runs, and where the text starts.
const LINE_X: usize = 12;
const TEXT_X: usize = 28;
/// Longest line of text, in characters: a phone has room for about this much.
const LINE_CHARS: usize = 44;

fn clipped(text: &str) -> String {
    if text.chars().count() <= LINE_CHARS {
        return text.to_string();
    }
    let mut out: String = text.chars().take(LINE_CHARS - 1).collect();
    out.push('…');
    out
}

/// The articles by publication time, drawn as an SVG that reads without colour.
#[function_component(Timeline)]
pub fn timeline(props: &Props) -> Html {
    let report = &props.report;
    let rows = &report.verdict.articles;
    if rows.is_empty() {
        return Html::default();
    }
    let height = TOP + rows.len() * ROW;
    let published = |id: &str| report.articles.iter().find(|a| a.id == id).and_then(|a| a.published.clone());
    let row = |(i, entry): (usize, &crate::verdict::ArticleVerdict)| {
        let y = TOP + i * ROW;
        let when = published(&entry.article);
        let credits = if entry.credits.is_empty() { "credits no agency".to_string() } else { format!("credits {}", entry.credits.join(", ")) };
        let details = format!("{credits} · first with {}", plural(entry.first.len(), "shared claim", "shared claims"));
        let date = when.as_deref().map_or("no date printed".to_string(), |w| w.replace('T', " "));
        html! {
            <g class={classes!("timeline-row", when.is_none().then_some("undated"))}>
                <circle cx={LINE_X.to_string()} cy={(y + 8).to_string()} r="6" />
                <text x={TEXT_X.to_string()} y={(y + 13).to_string()} class="timeline-head">
                    <tspan class="timeline-date">{ date }</tspan>
                    <tspan>{ format!(" · {}", clipped(&article_name(report, &entry.article))) }</tspan>
                </text>
                <text x={TEXT_X.to_string()} y={(y + 33).to_string()} class="timeline-details">{ clipped(&details) }</text>
            </g>
        }
    };

    html! {
        <section class="timeline" aria-labelledby="timeline-heading">
            <h3 id="timeline-heading">{ "Timeline: who published when" }</h3>
            <svg id="timeline" role="img" aria-labelledby="timeline-heading timeline-description" width="100%"
                height={height.to_string()}>
                <desc id="timeline-description">
                    { rows.iter().map(|entry| {
                        let when = published(&entry.article).unwrap_or_else(|| "no date".into());
                        format!("{}, {when}, first with {} shared claims.", article_name(report, &entry.article), entry.first.len())
                    }).collect::<Vec<_>>().join(" ") }
                </desc>
                <line x1={LINE_X.to_string()} y1="8" x2={LINE_X.to_string()} y2={(height - ROW + 16).to_string()} class="timeline-axis" />
                { for rows.iter().enumerate().map(row) }
            </svg>
        </section>
    }
}
