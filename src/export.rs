//! Exports of a [`Report`] for people's tools: CSV (one row per claim mention) for spreadsheets
//! and data frames, Markdown for a document or an issue. Both are pure functions of the report,
//! shared by the CLI (`--format csv|markdown`) and the page's downloads.
//!
//! Pasted text is hostile: a CSV cell that a spreadsheet would run as a formula is prefixed with
//! `'`, and Markdown escapes the marks that open structure and folds line breaks, so a paste can
//! neither start a heading, list, quote, table, link or HTML tag nor break out of its line.

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

/// A readable report: the verdict, the articles, then the claims (shared ones first) with their
/// origin and every mention. All text from the pastes is escaped ([`escape_markdown`]).
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
    verdict_markdown(&mut out, report);
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

/// The verdict's section, as the page shows it first: the summary, the agencies by shared
/// claims, then one line per article (in publication order) with its share of agency wording.
fn verdict_markdown(out: &mut String, report: &Report) {
    let verdict = &report.verdict;
    let _ = writeln!(out, "## Verdict\n\n{}\n", escape_markdown(&verdict.summary));
    for tally in &verdict.agencies {
        let claims = if tally.claims == 1 { "claim" } else { "claims" };
        let _ = writeln!(out, "- {}: {} shared {claims}", escape_markdown(&tally.agency), tally.claims);
    }
    if !verdict.agencies.is_empty() {
        out.push('\n');
    }
    let listed = |items: &[String]| if items.is_empty() { "none".to_string() } else { items.join(", ") };
    for a in &verdict.articles {
        let _ = writeln!(
            out,
            "- {}: {:.1}% agency wording ({}); first with: {}; only here: {}",
            a.article,
            a.agency_share * 100.0,
            escape_markdown(&listed(&a.agencies)),
            listed(&a.first),
            listed(&a.only_here)
        );
    }
    out.push('\n');
}

/// Marks that open inline structure anywhere (emphasis, code, links, images, tags, entities,
/// table cells, strikethrough): always escaped.
const INLINE_MARKS: &str = "\\`*_[]<>|!~&";

/// Text as literal Markdown on one line: line breaks and other control characters folded into
/// spaces, the inline marks backslash-escaped, and a leading mark (`#`, `-`, `+`, `>`, `=`, a
/// number's `.` or `)`) escaped so the text cannot start a heading, list or quote.
pub fn escape_markdown(text: &str) -> String {
    let folded: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let folded = folded.trim_start();
    let list_number = folded.find(|c: char| !c.is_ascii_digit()).filter(|&at| at > 0 && folded[at..].starts_with(['.', ')']));
    let mut out = String::with_capacity(folded.len() + folded.len() / 8);
    for (at, ch) in folded.char_indices() {
        let leading = at == 0 && ch.is_ascii_punctuation();
        if leading || INLINE_MARKS.contains(ch) || Some(at) == list_number {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_text_holds_no_unescaped_markup() {
        let escaped = escape_markdown("# <b>x</b> [a](b)\n- *y* | z & w");
        assert_eq!(escaped, r"\# \<b\>x\</b\> \[a\](b) - \*y\* \| z \& w");
        assert_eq!(escape_markdown("  - item"), r"\- item");
        assert_eq!(escape_markdown("12. item, 3.5 percent"), r"12\. item, 3.5 percent");
        assert_eq!(escape_markdown("2024-02-11 a/b"), "2024-02-11 a/b");
    }

    #[test]
    fn a_formula_like_cell_is_guarded_and_quotes_are_doubled() {
        let mut row = String::new();
        csv_row(&mut row, ["=1+1", "say \"hi\", twice", "plain"]);
        assert_eq!(row, "'=1+1,\"say \"\"hi\"\", twice\",plain\r\n");
    }
}
