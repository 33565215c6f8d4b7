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
pub mod span;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use report::Report;
pub use span::Span;

use serde::{Deserialize, Serialize};

/// One paste: what a person copied from one page, under a name (a file name, "Paste 2").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Input {
    pub name: String,
    pub text: String,
}

impl Input {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Input { name: name.into(), text: text.into() }
    }
}

/// Runs the whole pipeline. Deterministic: the same inputs give the same report, natively and
/// in the browser.
pub fn analyze(inputs: &[Input]) -> Report {
    let articles: Vec<clean::Article> = inputs
        .iter()
        .enumerate()
        .flat_map(|(index, input)| clean::clean(index, &input.text))
        .collect();
    let texts: Vec<&str> = inputs.iter().map(|i| i.text.as_str()).collect();
    let claims = claims::extract(&texts, &articles);
    let clusters = matching::cluster(&texts, &claims);
    let provenance = trace::trace(&texts, &articles, &claims, &clusters);
    report::build(inputs, &articles, &claims, &clusters, &provenance)
}
