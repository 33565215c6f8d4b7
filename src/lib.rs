//! # wiretrace: where did each claim in these news articles come from?
//!
//! The core is pure Rust with no web dependencies. It takes pastes (text exactly as a
//! browser copied it from a news page) and produces one [`Report`]:
//!
//! ```text
//! paste --clean--> articles --segment--> sentences --claims--> claims
//!       --matching--> clusters --trace--> origins --report--> Report (JSON contract v1)
//! ```
//!
//! Each stage is one module and data flows one way. Everything a stage finds keeps its
//! [`Span`]: UTF-8 byte offsets into the original paste, so evidence can always be shown.
//!
//! ```
//! let inputs = [wiretrace::Input::new("a.txt", "Putin visits Kursk\n\nMOSCOW (Reuters) - Putin said 430 soldiers were captured.")];
//! let report = wiretrace::analyze(&inputs);
//! assert_eq!(report.articles.len(), 1);
//! ```

#![warn(missing_docs)]

pub mod input;
pub mod page_time;
pub mod clean;
pub mod segment;
pub mod claims;
pub mod matching;
pub mod trace;
pub mod report;
pub mod verdict;
pub mod wording;
pub mod permalink;
pub mod export;
#[cfg(not(target_arch = "wasm32"))]
pub mod group;
pub mod span;
pub mod index_map;
pub mod vocabulary;
pub mod zones;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use input::Input;
pub use report::Report;
pub use span::Span;

/// Runs the whole pipeline. Deterministic: the same inputs give the same report, natively and
/// in the browser.
pub fn analyze(inputs: &[Input]) -> Report {
    let articles: Vec<clean::Article> = inputs
        .iter()
        .enumerate()
        .flat_map(|(index, input)| clean::clean_marked(index, &input.text, input.html.as_deref()))
        .collect();
    let texts: Vec<&str> = inputs.iter().map(|i| i.text.as_str()).collect();
    // Split once: claims and trace both read the bodies' sentences.
    let bodies: Vec<Vec<segment::Paragraph>> = articles.iter().map(|a| segment::paragraphs(texts[a.input], &a.paragraphs)).collect();
    let claims = claims::extract(&texts, &articles, &bodies);
    let clusters = matching::cluster(&texts, &claims);
    let provenance = trace::trace(&texts, &articles, &bodies, &claims, &clusters);
    report::build(inputs, &articles, &claims, &clusters, &provenance)
}

#[cfg(test)]
mod tests {
    use regex::Regex;
    use std::sync::LazyLock;

    /// Each module's patterns with its source, so a pattern left out of its list is caught too.
    const MODULES: &[(&str, &[&LazyLock<Regex>])] = &[
        (include_str!("claims/atomic.rs"), crate::claims::atomic::PATTERNS),
        (include_str!("claims/figures.rs"), crate::claims::figures::PATTERNS),
        (include_str!("claims/quotes.rs"), crate::claims::quotes::PATTERNS),
        (include_str!("clean/boilerplate.rs"), crate::clean::boilerplate::PATTERNS),
        (include_str!("clean/dates.rs"), crate::clean::dates::PATTERNS),
        (include_str!("clean/metadata.rs"), crate::clean::metadata::PATTERNS),
        (include_str!("trace/citations.rs"), crate::trace::citations::PATTERNS),
        (include_str!("trace/credits.rs"), crate::trace::credits::PATTERNS),
        (include_str!("trace/time.rs"), crate::trace::time::PATTERNS),
    ];

    #[test]
    fn every_pattern_compiles_and_is_listed() {
        for (source, patterns) in MODULES {
            for pattern in *patterns {
                LazyLock::force(pattern);
            }
            assert_eq!(source.matches(": LazyLock<Regex> =").count(), patterns.len(), "a pattern missing from PATTERNS");
        }
    }
}
