//! `--format`: how a report is written.

use crate::args::UsageError;
use wiretrace::{export, Report};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Summary,
    Json,
    Jsonl,
    Csv,
    Markdown,
}

pub const NAMES: &str = "summary|json|jsonl|csv|markdown";

impl Format {
    pub fn parse(name: &str) -> Result<Format, UsageError> {
        Ok(match name {
            "summary" => Format::Summary,
            "json" => Format::Json,
            "jsonl" => Format::Jsonl,
            "csv" => Format::Csv,
            "markdown" | "md" => Format::Markdown,
            other => return Err(UsageError(format!("unknown format `{other}` (one of {NAMES})"))),
        })
    }
}

/// One report in a format; `story` names it in the CSV's first column.
pub fn render(report: &Report, format: Format, story: Option<&str>) -> String {
    match format {
        Format::Summary => report.summary(),
        Format::Json => report.to_json(),
        Format::Jsonl => format!("{}\n", serde_json::to_string(report).expect("a report always serialises")),
        Format::Csv => export::csv(report, story),
        Format::Markdown => export::markdown(report),
    }
}
