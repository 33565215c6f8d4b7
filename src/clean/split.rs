//! **Article segmentation** and **choosing the body**.
//!
//! A paste is cut into sections at article headers: a headline followed by a date line, after
//! running text has already been seen (a second article pasted below the first, or an
//! "infinite scroll" page). In each section the body is the densest run of text: each unit
//! weighs for (prose, by its words) or against (chrome, list items, dates, headings), and the
//! run with the largest total wins (maximum-sum segment, linear). A list heading or a sign-off
//! weighs heavily against, so a related-stories list written in full sentences stays outside.
//!
//! A section is an article when its body holds real text; a short trailing item (a teaser, a
//! brief of a few lines) is folded into the article before it as page chrome.

use super::boilerplate::{Classified, Cue, BULLETS};
use super::dates::{self, DateRole};
use super::lines::{key, Paste};
use std::collections::HashSet;
use std::ops::Range;

/// One article's share of the paste, in units.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// All units of the section (header, body, trailing chrome).
    pub units: Range<usize>,
    /// The units kept as body, in order.
    pub body: Vec<usize>,
}

/// Prose words a section after the first needs to count as an article of its own.
const MIN_SECOND_ARTICLE_WORDS: usize = 120;

/// The articles of the paste: one section for each heaviest run of body.
pub fn sections(paste: &Paste, c: &Classified) -> Vec<Section> {
    let n = paste.units.len();
    let mut cuts = vec![0];
    cuts.extend(header_cuts(paste, c));
    cuts.push(n);
    let mut out: Vec<Section> = Vec::new();
    for w in cuts.windows(2) {
        let units = w[0]..w[1];
        let body = body_of(paste, c, units.clone());
        let words: usize = body
            .iter()
            .filter(|&&i| c.cues[i] == Cue::Prose)
            .map(|&i| paste.units[i].shape.words)
            .sum();
        let prose = body.iter().filter(|&&i| c.cues[i] == Cue::Prose).count();
        let is_article = !body.is_empty() && (out.is_empty() || (words >= MIN_SECOND_ARTICLE_WORDS && prose >= 3));
        match out.last_mut() {
            Some(prev) if !is_article => prev.units.end = units.end,
            _ if is_article => out.push(Section { units, body }),
            _ => {}
        }
    }
    // Chrome before the first article belongs to it.
    if let Some(first) = out.first_mut() {
        first.units.start = 0;
    }
    if out.is_empty() {
        out.extend(pasted_paragraph(paste, c));
    }
    out
}

/// Units a paste may hold and still be one pasted paragraph (a headline, a date, the paragraph).
const MAX_PARAGRAPH_PASTE_UNITS: usize = 3;

/// A paste of one paragraph, perhaps under its headline, is that paragraph's article, even when
/// its words are mostly capitalised names ("Chief Operating Officer Mike Butcher and ... will
/// report to So.") and so do not weigh as prose. Chrome in the paste means it is a page, not a
/// paragraph.
fn pasted_paragraph(paste: &Paste, c: &Classified) -> Option<Section> {
    let n = paste.units.len();
    let plain = (0..n).all(|i| matches!(c.cues[i], Cue::Prose | Cue::Sentence | Cue::Text | Cue::Dated | Cue::Byline));
    if n > MAX_PARAGRAPH_PASTE_UNITS || !plain {
        return None;
    }
    let body: Vec<usize> = (0..n)
        .filter(|&i| matches!(c.cues[i], Cue::Prose | Cue::Sentence | Cue::Text) && paste.units[i].shape.terminal && paste.units[i].shape.words >= 4)
        .collect();
    (!body.is_empty()).then_some(Section { units: 0..n, body })
}

/// Where a new article starts: a headline-like unit just above a short date line, once prose
/// has been seen, with prose following.
fn header_cuts(paste: &Paste, c: &Classified) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut prose_seen = 0;
    for i in 0..paste.units.len() {
        match c.cues[i] {
            Cue::Prose => prose_seen += 1,
            Cue::Dated if prose_seen >= 3 && paste.units[i].shape.words <= 8 => {
                let found = dates::find(paste.text_of(i), None);
                if found.is_empty() || found.iter().any(|f| f.role == DateRole::Today) {
                    continue;
                }
                let headline = (i.saturating_sub(3)..i).rev().find(|&j| is_headline(paste, c, j));
                let prose_follows = (i + 1..(i + 9).min(paste.units.len())).any(|j| c.cues[j] == Cue::Prose);
                if let (Some(h), true) = (headline, prose_follows) {
                    if cuts.last().is_none_or(|&last| h > last) {
                        cuts.push(h);
                        prose_seen = 0;
                    }
                }
            }
            _ => {}
        }
    }
    cuts
}

/// A unit that reads like a headline: a few words, no sentence punctuation, not a menu.
pub fn is_headline(paste: &Paste, c: &Classified, i: usize) -> bool {
    let s = &paste.units[i].shape;
    let text = paste.text_of(i);
    matches!(c.cues[i], Cue::Text | Cue::Sentence)
        && (3..=30).contains(&s.words)
        && (!s.terminal || text.ends_with(['?', '!']))
        && !s.all_caps
        && !text.starts_with(BULLETS)
        && says_something(text)
}

/// A headline has three words of letters (two characters of a script without spaces count as
/// one), more than a gallery's counter ("Image 1 of 13") or a time stamp's month and zone
/// ("14:53 GMT 20 November 2019") have.
fn says_something(text: &str) -> bool {
    let lettered = text.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic() && !super::lines::is_wide(*c)).count() >= 2).count();
    let words = lettered + text.chars().filter(|&c| super::lines::is_wide(c)).count() / 2;
    let counter = words <= 3 && text.split_whitespace().filter(|w| w.chars().all(|c| c.is_ascii_digit())).count() >= 2;
    words >= 3 && !counter
}

/// How much a unit argues for (positive) or against (negative) being inside the body.
fn weight(paste: &Paste, c: &Classified, i: usize) -> i64 {
    let words = paste.units[i].shape.words as i64;
    let cue = c.cues[i];
    if c.repeated[i] && cue != Cue::Prose {
        return -4;
    }
    match cue {
        Cue::Prose if follows_header(c, i) => words.min(150) + HEADER_BONUS,
        Cue::Prose => words.min(150),
        Cue::Sentence => 2,
        Cue::TableRow | Cue::Item => 1,
        Cue::Text if words <= 3 => -1,
        Cue::Text => -3,
        Cue::Caption => -2,
        Cue::Menu => -4,
        Cue::ListItem => -6,
        Cue::Prompt => -10,
        Cue::Dated | Cue::Byline => -12,
        Cue::ListHeading | Cue::Legal | Cue::SignOff => -60,
    }
}

/// Extra weight for the first paragraph under a date or byline line: an article's body starts
/// below its header, which a footer blurb or a sidebar paragraph of similar length does not.
const HEADER_BONUS: i64 = 50;

/// (A list heading in between means the date belongs to what was above the list.)
fn follows_header(c: &Classified, i: usize) -> bool {
    (i.saturating_sub(4)..i)
        .rev()
        .take_while(|&j| !matches!(c.cues[j], Cue::Prose | Cue::ListHeading))
        .any(|j| matches!(c.cues[j], Cue::Dated | Cue::Byline))
}

/// Words of a line at most that the body keeps each time the page repeats it as structure
/// (a label, a subhead, a step), not a caption's or a paragraph's.
const RECURRING_LINE_WORDS: usize = 12;

/// The body of the units `range`: the maximum-weight run, without the header lines that
/// slipped in at its top, keeping text units and dropping repeats.
fn body_of(paste: &Paste, c: &Classified, range: Range<usize>) -> Vec<usize> {
    let Some(run) = best_run(range.clone().map(|i| weight(paste, c, i))) else {
        return Vec::new();
    };
    let mut run = (range.start + run.start)..(range.start + run.end);

    // A standfirst or summary above the date/byline lines is not the body.
    let total: usize = run
        .clone()
        .filter(|&i| c.cues[i] == Cue::Prose)
        .map(|i| paste.units[i].shape.words)
        .sum();
    let mut before = 0;
    let mut new_start = run.start;
    for i in run.clone() {
        if matches!(c.cues[i], Cue::Dated | Cue::Byline) && before * 2 < total && before < 80 {
            new_start = i + 1;
        }
        if c.cues[i] == Cue::Prose {
            before += paste.units[i].shape.words;
        }
    }
    run.start = new_start;
    // Headlines and decks just above the first paragraph are not the body, unless the markup
    // puts them in the article's text (a post opening on a short lead and a list).
    if let Some(first_prose) = run.clone().find(|&i| c.cues[i] == Cue::Prose || (c.content[i] && c.cues[i] != Cue::Text)) {
        run.start = first_prose;
    }
    run.start = below_top_list(paste, c, run.clone());

    // Short lines the page repeats as structure, in groups, every copy inside the run, are the
    // article's own each time (a meal plan's "Meal 2" over "Eat every 2-3 hours" under each
    // meal); the markup may say so too. A line alone between other text (a picture's alt
    // text), a group with a copy outside (a teaser under the page's headline) and a longer line
    // said twice (a caption, a paragraph) are still kept once at most.
    let recurs_inside = |i: usize| {
        c.repeated[i] && paste.units[i].shape.words <= RECURRING_LINE_WORDS && c.recurs[i].is_some_and(|(first, last)| run.contains(&first) && run.contains(&last))
    };
    let structure = |i: usize| recurs_inside(i) && ((i > run.start && recurs_inside(i - 1)) || (i + 1 < run.end && recurs_inside(i + 1)));
    let repeated = |i: usize| c.repeated[i] && !structure(i);
    let keep = |i: usize| {
        matches!(c.cues[i], Cue::Prose | Cue::Sentence | Cue::TableRow | Cue::Item) && !(repeated(i) && c.cues[i] != Cue::Prose)
    };
    let mut seen: HashSet<String> = HashSet::new();
    let mut body = Vec::new();
    for i in run.clone() {
        // Short lines inside the run are subheads, list and table lines; a long line in capitals
        // there is a teaser for another story ("SEAN SPICER ELIMINATED FROM ...").
        let shape = &paste.units[i].shape;
        let inside = c.cues[i] == Cue::Text && !repeated(i) && !(shape.all_caps && shape.words >= 5);
        // Other text said twice is kept once.
        if (keep(i) || inside) && (!repeated(i) || seen.insert(key(paste.text_of(i)))) {
            body.push(i);
        }
    }
    body
}

/// Headlines at least above the body's first two paragraphs in a row that make a list.
const TOP_LIST_HEADLINES: usize = 6;
/// Headlines per paragraph above the body's first two paragraphs in a row, at least, that make a list.
const TOP_LIST_SHARE: usize = 3;

/// Where the body of `run` starts when the run opens on a list of other stories' headlines, each
/// perhaps under its picture's caption (a video playlist, a "latest" box beside the header): at
/// the first two paragraphs in a row, when above them headlines outnumber paragraphs three to
/// one. An article's own subheads alternate with its paragraphs, one to one, or two to one
/// where each item also has its link line (a deals post: the product, the paragraph, "Get it at").
fn below_top_list(paste: &Paste, c: &Classified, run: Range<usize>) -> usize {
    let pair = run.clone().find(|&i| c.cues[i] == Cue::Prose && i + 1 < run.end && c.cues[i + 1] == Cue::Prose);
    let Some(pair) = pair else { return run.start };
    let headlines = (run.start..pair).filter(|&j| is_headline(paste, c, j)).count();
    let paragraphs = (run.start..pair).filter(|&j| c.cues[j] == Cue::Prose).count();
    if headlines >= TOP_LIST_HEADLINES && headlines >= TOP_LIST_SHARE * paragraphs {
        pair
    } else {
        run.start
    }
}

/// The contiguous run with the largest positive sum (Kadane), as a range of positions.
fn best_run(weights: impl Iterator<Item = i64>) -> Option<Range<usize>> {
    let mut best: Option<(i64, Range<usize>)> = None;
    let mut sum = 0;
    let mut start = 0;
    for (i, w) in weights.enumerate() {
        if sum <= 0 {
            sum = 0;
            start = i;
        }
        sum += w;
        if sum > 0 && best.as_ref().is_none_or(|(b, _)| sum > *b) {
            best = Some((sum, start..i + 1));
        }
    }
    best.map(|(_, r)| r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_run_skips_negative_edges() {
        assert_eq!(best_run([-5, 3, 4, -2, 6, -40, 10].into_iter()), Some(1..5));
        assert_eq!(best_run([-1, -2].into_iter()), None);
    }
}
