//! Exports of a [`Report`] for people's tools: CSV (one row per claim mention) for spreadsheets
//! and data frames, Markdown for a document or an issue. Both are pure functions of the report,
//! shared by the CLI (`--format csv|markdown`) and the page's downloads.
//!
//! Pasted text is hostile: a CSV cell that a spreadsheet would run as a formula is prefixed with
//! `'`, and Markdown escapes every ASCII punctuation mark and folds line breaks, so a paste can
//! neither start a heading, list, table, link or HTML tag nor break out of its line.

use crate::report::{ArticleReport, Report};
use std::fmt::Write;

/// The CSV header: the columns of [`csv`], in order.
pub const CSV_HEADER: [&str; 9] =
    ["story", "claim", "kind", "speaker", "article", "outlet", "published", "origin agencies", "text"];

/// One row per claim mention, claims in reading order ([`Report::claim_order`]), under a header
/// row; RFC 4180 (CRLF line ends, fields quoted when they hold `"`, `,` or a line break).
/// `story` fills the first column (empty when `None`); `article` is the name of the paste the
/// article came from; several origin agencies (a tie) are joined with `; `.
pub fn csv(report: &Report, story: Option<&str>) -> String {
    let mut out = String::new();
    csv_row(&mut out, CSV_HEADER);
    for claim in report.claim_order().into_iter().map(|i| &report.claims[i]) {
        let agencies = claim.origin.agencies.join("; ");
        for mention in &claim.mentions {
            let article = report.articles.iter().find(|a| a.id == mention.article);
            let (outlet, published) = article.map_or((None, None), |a| (a.outlet.as_deref(), a.published.as_deref()));
            csv_row(
                &mut out,
                [
                    story.unwrap_or(""),
                    &claim.id,
                    &claim.kind,
                    claim.speaker.as_deref().unwrap_or(""),
                    article.map_or(mention.article.as_str(), |a| paste_name(report, a)),
                    outlet.unwrap_or(""),
                    published.unwrap_or(""),
                    &agencies,
                    &mention.text,
                ],
            );
        }
    }
    out
}

fn paste_name<'a>(report: &'a Report, article: &ArticleReport) -> &'a str {
    report.inputs.get(article.input).map_or("", |i| i.name.as_str())
}

fn csv_row<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        // A spreadsheet runs a cell that starts like a formula (OWASP "CSV injection").
        let guard = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) { "'" } else { "" };
        if field.contains(['"', ',', '\n', '\r']) {
            let _ = write!(out, "\"{guard}{}\"", field.replace('"', "\"\""));
        } else {
            let _ = write!(out, "{guard}{field}");
        }
    }
    out.push_str("\r\n");
}

/// A readable report: the articles, then the claims (shared ones first) with their origin and
/// every mention. All text from the pastes is escaped ([`escape_markdown`]).
pub fn markdown(report: &Report) -> String {
    let mut out = String::new();
    let shared = report.claims.iter().filter(|c| c.is_shared()).count();
    let _ = writeln!(out, "# wiretrace report\n");
    let _ = writeln!(
        out,
        "{} articles, {} claims, {} reported by more than one article.\n",
        report.articles.len(),
        report.claims.len(),
        shared
    );
    let _ = writeln!(out, "## Articles\n");
    for a in &report.articles {
        let title = if a.title.is_empty() { "(no title)".to_string() } else { escape_markdown(&a.title) };
        let _ = writeln!(out, "- {}: {} (paste {})", a.id, title, escape_markdown(paste_name(report, a)));
        let credits: Vec<String> = a.credits.iter().map(|c| format!("{} ({})", c.agency, c.role)).collect();
        let details = [
            ("outlet", a.outlet.clone()),
            ("byline", a.byline.clone()),
            ("published", a.published.clone()),
            ("credits", (!credits.is_empty()).then(|| credits.join(", "))),
        ];
        for (label, value) in details {
            if let Some(value) = value {
                let _ = writeln!(out, "  - {label}: {}", escape_markdown(&value));
            }
        }
    }
    let _ = writeln!(out, "\n## Claims\n");
    for claim in report.claim_order().into_iter().map(|i| &report.claims[i]) {
        let origin = if claim.origin.agencies.is_empty() { "unknown".to_string() } else { claim.origin.agencies.join(" = ") };
        let _ = writeln!(
            out,
            "### {} · {} · {} articles · origin {}\n",
            claim.id,
            claim.kind,
            claim.article_count(),
            escape_markdown(&origin)
        );
        let _ = writeln!(out, "> {}\n", escape_markdown(&claim.text));
        if let Some(speaker) = &claim.speaker {
            let _ = writeln!(out, "Speaker: {}\n", escape_markdown(speaker));
        }
        let _ = writeln!(out, "Origin evidence: {}\n", escape_markdown(&claim.origin.evidence));
        for m in &claim.mentions {
            let headline = if m.headline { " (headline)" } else { "" };
            let _ = writeln!(out, "- {}{}: {}", m.article, headline, escape_markdown(&m.text));
        }
        out.push('\n');
    }
    out
}

/// Text as literal Markdown on one line: every ASCII punctuation mark backslash-escaped (so no
/// emphasis, link, heading, list, table cell, entity or HTML tag can start), line breaks and
/// other control characters folded into spaces.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for ch in text.chars() {
        if ch.is_ascii_punctuation() {
            out.push('\\');
            out.push(ch);
        } else if ch.is_control() {
            out.push(' ');
        } else {
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_text_holds_no_unescaped_markup() {
        let escaped = escape_markdown("# <b>x</b> [a](b)\n- *y* | z & w");
        assert_eq!(escaped, r"\# \<b\>x\<\/b\> \[a\]\(b\) \- \*y\* \| z \& w");
    }

    #[test]
    fn a_formula_like_cell_is_guarded_and_quotes_are_doubled() {
        let mut row = String::new();
        csv_row(&mut row, ["=1+1", "say \"hi\", twice", "plain"]);
        assert_eq!(row, "'=1+1,\"say \"\"hi\"\", twice\",plain\r\n");
    }
}
