//! Stage 1, **clean**: one paste in, the articles it holds out.
//!
//! A paste is everything the browser copied: menus, captions, related lists, footers and the
//! article. Cleaning classifies every line ([`LineKind`]), keeps the body as paragraphs, and
//! reads the metadata (title, byline, outlet, dateline, publication time). Nothing is copied:
//! every result is a [`Span`] into the paste.

pub mod article;
pub mod boilerplate;
pub mod dates;
pub mod lines;
pub mod markup;
pub mod metadata;
pub mod split;
pub mod tokens;

pub use article::{Article, Field, Line, LineKind};
use crate::span::Span;

/// Cleans one paste into its articles. `input` is the paste's index, copied into each article.
/// A paste with no running text at all (empty, only menus and footers) has no article.
pub fn clean(input: usize, text: &str) -> Vec<Article> {
    clean_marked(input, text, None)
}

/// Cleans one paste with its HTML form (the clipboard's `text/html`), when there is one, as
/// evidence of what each line is ([`markup`]); spans still point into `text`.
pub fn clean_marked(input: usize, text: &str, html: Option<&str>) -> Vec<Article> {
    let paste = lines::Paste::new(text);
    if paste.units.is_empty() {
        return Vec::new();
    }
    let mut classified = boilerplate::classify(&paste);
    if let Some(html) = html {
        markup::apply(&paste, html, &mut classified);
    }
    let sections = split::sections(&paste, &classified);
    let first_header = sections
        .first()
        .map_or(0..0, |s| s.units.start..s.body.first().copied().unwrap_or(s.units.start));
    let outlet = metadata::outlet(&paste, &classified);
    sections
        .iter()
        .map(|section| {
            let title = metadata::title(&paste, &classified, section);
            Article {
                input,
                span: Span::new(
                    paste.units[section.units.start].span.start,
                    paste.units[section.units.end - 1].span.end,
                ),
                title: title.map(|i| Field {
                    value: paste.text_of(i).to_string(),
                    span: paste.units[i].span,
                }),
                byline: metadata::byline(&paste, &classified, section),
                outlet: outlet.clone(),
                dateline: metadata::dateline(&paste, section),
                published: metadata::published(&paste, &classified, section, title, first_header.clone()),
                paragraphs: section.body.iter().map(|&i| paste.units[i].span).collect(),
                lines: classify_lines(&paste, &classified, section, title),
            }
        })
        .collect()
}

/// The kind of every physical line of the section.
fn classify_lines(paste: &lines::Paste, c: &boilerplate::Classified, section: &split::Section, title: Option<usize>) -> Vec<Line> {
    use boilerplate::Cue;
    let body_start = section.body.first().copied().unwrap_or(section.units.end);
    let mut out = Vec::new();
    for i in section.units.clone() {
        let unit = &paste.units[i];
        let kind = if Some(i) == title {
            LineKind::Title
        } else if section.body.binary_search(&i).is_ok() {
            LineKind::Body
        } else {
            match c.cues[i] {
                Cue::Caption => LineKind::Caption,
                Cue::SignOff | Cue::Legal => LineKind::Credit,
                Cue::Dated => LineKind::Date,
                Cue::Byline => LineKind::Byline,
                // A bare name between the headline and the body: the credit line ("AFP", "KYODO NEWS").
                Cue::Text if title.is_some_and(|t| t < i) && i < body_start && unit.shape.words <= 4 && !c.repeated[i] => LineKind::Byline,
                _ => LineKind::Boilerplate,
            }
        };
        out.extend(unit.lines.iter().map(|&span| Line { span, kind }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_paste_has_no_article() {
        assert!(clean(0, " \n\n").is_empty());
    }
}
