//! **Metadata** of one article: title, byline, dateline, outlet and publication time.
//!
//! All are read from the article's header (its section up to the first body unit), never from
//! related lists or the site's current date:
//! * title: the first headline-like line that the page repeats (pages repeat their headline),
//!   else the nearest headline above the first date/byline line, else the first one below it;
//! * byline: "By ...", "Posted by ...", "Name |";
//! * dateline: the place opening the first paragraph ("MOSCOW:", "KYIV, March 3 (Reuters) -");
//! * outlet: the masthead (a short first line in capitals, or a publication's name such as
//!   "The ... Post" above the menus) or the name in a copyright line, else the site of a labelled
//!   page address ("Original url: https://www.themoscowtimes.com/..." gives `themoscowtimes.com`);
//! * published: "Published ..." first, then a date printed below the title, then "Updated ...",
//!   then a date above the title; "Today: ..." never. Times without a printed zone are placed
//!   by where the outlet is based, when the header names it ([`dates::zone_hint`]).

use super::boilerplate::{Classified, Cue};
use super::dates::{self, DateRole, Found, Zone};
use super::lines::Paste;
use super::split::{is_headline, Section};
use super::article::Field;
use crate::page_time::{PageTime, ZoneSource};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;
use crate::vocabulary::MASTHEAD_NOUNS;

/// The units of the header: section start up to the first body unit.
fn header(section: &Section) -> std::ops::Range<usize> {
    section.units.start..section.body.first().copied().unwrap_or(section.units.end)
}

/// The unit holding the section's headline, if any.
pub fn title(paste: &Paste, c: &Classified, section: &Section) -> Option<usize> {
    let head = header(section);
    let candidates: Vec<usize> = head.clone().filter(|&i| is_headline(paste, c, i)).collect();
    if let Some(&i) = candidates.iter().find(|&&i| c.repeated[i]) {
        return Some(i);
    }
    let anchor = head.clone().find(|&i| matches!(c.cues[i], Cue::Dated | Cue::Byline));
    match anchor {
        Some(a) => candidates
            .iter()
            .rev()
            .find(|&&i| i < a)
            .or_else(|| candidates.iter().find(|&&i| i > a))
            .copied(),
        None => candidates.last().copied(),
    }
}

/// A byline's name: "By Jane Doe |", "Von Max Muster".
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:by|posted by|written by|words by|von|por|par)\s+)?(.+?)\s*(?:\||·|$)").expect("byline")
});

/// The byline of the section's header.
pub fn byline(paste: &Paste, c: &Classified, section: &Section) -> Option<Field<String>> {
    let i = header(section).find(|&i| c.cues[i] == Cue::Byline)?;
    let span = paste.units[i].span;
    let m = BYLINE.captures(span.of(paste.text))?.get(1)?;
    let value = m.as_str().trim().to_string();
    (!value.is_empty()).then(|| Field {
        value,
        span: Span::new(span.start + m.start(), span.start + m.end()),
    })
}

/// The place of an opening dateline: "MOSCOW, March 13 (Reuters) -".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:[A-ZÀ-Þ][\w.'’/-]*)(?:[ /][A-ZÀ-Þ][\w.'’-]*){0,3})(?:,\s*[^-–—(:]{1,40}?)?\s*(?:\([^)]{1,40}\))?\s*(?:--|—|–|-|:|\.-)\s*\S")
    .expect("dateline")
});

/// The place of the dateline the body opens with ("MOSCOW").
pub fn dateline(paste: &Paste, section: &Section) -> Option<Field<String>> {
    let &first = section.body.first()?;
    let span = paste.units[first].span;
    let m = DATELINE.captures(span.of(paste.text))?.get(1)?;
    Some(Field {
        value: m.as_str().to_string(),
        span: Span::new(span.start + m.start(), span.start + m.end()),
    })
}

/// An outlet's name in a copyright or masthead line: "© 2024 The Daily Star. All rights reserved".
static OUTLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:copyright\s*)?(?:©|\(c\))?\s*(?:copyright\s*)?(?:\d{4}\s*)?(?:©\s*)?([^\W\d_][\w&.' -]{2,60}?)\s*(?:\d{4})?\s*(?:[.|·—,]|all rights|$)")
    .expect("outlet")
});

/// The outlet's name: a masthead, a titled masthead, a copyright holder or a labelled address.
pub fn outlet(paste: &Paste, c: &Classified) -> Option<Field<String>> {
    let n = paste.units.len();
    let masthead = (0..n.min(3)).find(|&i| {
        let s = &paste.units[i].shape;
        s.all_caps && (2..=6).contains(&s.words) && s.separators == 0
    });
    if let Some(i) = masthead {
        let span = paste.units[i].span;
        return Some(Field {
            value: title_case(span.of(paste.text)),
            span,
        });
    }
    if let Some(i) = (0..n.min(2)).find(|&i| is_titled_masthead(paste, c, i)) {
        let span = paste.units[i].span;
        return Some(Field {
            value: span.of(paste.text).to_string(),
            span,
        });
    }
    // Only a copyright line names its holder; licence and registration lines are legal too.
    let names_holder = |span: Span| {
        let line = span.of(paste.text);
        line.contains('©') || line.to_lowercase().contains("copyright")
    };
    for i in (0..n).rev().filter(|&i| c.cues[i] == Cue::Legal && names_holder(paste.units[i].span)) {
        let span = paste.units[i].span;
        if let Some(m) = OUTLET.captures(span.of(paste.text)).and_then(|c| c.get(1)) {
            let value = m.as_str().trim();
            if value.split_whitespace().count() <= 6 && !value.to_lowercase().starts_with("all rights") {
                return Some(Field {
                    value: value.to_string(),
                    span: Span::new(span.start + m.start(), span.start + m.end()),
                });
            }
        }
    }
    labelled_url_site(paste)
}

/// A masthead in mixed case ("The Los Angeles Post"): the paste's first line, named like a
/// publication ("The ..." or ending in a masthead noun), every word capitalised, and page
/// chrome (a menu, a prompt, the site's date) right below it. A headline is neither.
fn is_titled_masthead(paste: &Paste, c: &Classified, i: usize) -> bool {
    let text = paste.text_of(i);
    let shape = &paste.units[i].shape;
    let words: Vec<&str> = text.split_whitespace().collect();
    let capitalised = words.iter().all(|w| w.chars().next().is_some_and(|ch| ch.is_uppercase()));
    let named = words.first() == Some(&"The")
        || words.last().is_some_and(|w| MASTHEAD_NOUNS.contains(&w.to_lowercase().as_str()));
    let chrome_below = c
        .cues
        .get(i + 1)
        .is_some_and(|cue| matches!(cue, Cue::Menu | Cue::Prompt | Cue::Dated));
    (2..=6).contains(&shape.words) && shape.separators == 0 && !shape.terminal && capitalised && named && chrome_below && !c.repeated[i]
}

/// "Original url:", "Source URL:".
static URL_LABEL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^(?:original|source|page|article)?\s*url\s*:").expect("url label"));

/// A web address, its site captured without "www.".
static URL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)https?://(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)").expect("url"));

/// The site of a labelled page address ("Original url:" with the address on the same or the
/// next line): `themoscowtimes.com`.
fn labelled_url_site(paste: &Paste) -> Option<Field<String>> {
    let n = paste.units.len();
    let labelled = (0..n).find(|&i| paste.units[i].shape.words <= 30 && URL_LABEL.is_match(paste.text_of(i)))?;
    (labelled..(labelled + 2).min(n)).find_map(|i| {
        let span = paste.units[i].span;
        let site = URL.captures(span.of(paste.text))?.get(1)?;
        Some(Field {
            value: site.as_str().to_lowercase(),
            span: Span::new(span.start + site.start(), span.start + site.end()),
        })
    })
}

fn title_case(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map_or(String::new(), |f| f.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// When the section was published: a "Published" date first, then one below the title, then
/// one above it with its clock (a masthead's date of the day prints none), then "Updated",
/// then any date of the header; never the site's "Today". "Updated" never replaces a
/// publication time the page prints.
pub fn published(
    paste: &Paste,
    c: &Classified,
    section: &Section,
    title: Option<usize>,
    first_header: std::ops::Range<usize>,
) -> Option<Field<PageTime>> {
    let head = header(section);
    let hint_text = |range: std::ops::Range<usize>| -> Option<Zone> {
        range
            .filter(|&i| paste.units[i].shape.words <= 20)
            .find_map(|i| dates::zone_hint(paste.text_of(i)))
    };
    // Where the outlet is based: the masthead and menus above the headline, not the headline
    // itself (that names where the story happened).
    let above_title = |range: std::ops::Range<usize>| range.start..title.filter(|t| range.contains(t)).unwrap_or(range.end);
    let page_hint = hint_text(above_title(head.clone())).or_else(|| hint_text(above_title(first_header.clone())));
    let mut found: Vec<(usize, Found)> = Vec::new();
    for i in head.clone() {
        if matches!(c.cues[i], Cue::ListItem | Cue::Prose) || paste.units[i].shape.words > 20 {
            continue;
        }
        let text = paste.text_of(i);
        let hint = dates::zone_hint(text).or(page_hint);
        found.extend(dates::find(text, hint).into_iter().map(|f| (i, f)));
    }
    let t = title.unwrap_or(head.start);
    let pick = found
        .iter()
        .find(|(_, f)| f.role == DateRole::Published)
        .or_else(|| found.iter().find(|(i, f)| f.role == DateRole::Plain && *i > t))
        .or_else(|| found.iter().find(|(_, f)| f.role == DateRole::Plain && !matches!(f.value, PageTime::Date(_))))
        .or_else(|| found.iter().find(|(_, f)| f.role == DateRole::Updated))
        .or_else(|| found.iter().find(|(_, f)| f.role == DateRole::Plain))?;
    let (i, f) = pick;
    let base = paste.units[*i].span.start;
    let dated = Field { value: zoned_by_markup(f.value, c.stated[*i]), span: Span::new(base + f.span.start, base + f.span.end) };
    Some(clock_below(paste, c, head, *i, &dated, page_hint).unwrap_or(dated))
}

/// A date printed without its clock, and the clock alone on the next line of the header
/// ("5 March 2024" then "10:32 AM EST"): the date at that clock, its span over both.
fn clock_below(paste: &Paste, c: &Classified, head: std::ops::Range<usize>, i: usize, dated: &Field<PageTime>, hint: Option<Zone>) -> Option<Field<PageTime>> {
    let PageTime::Date(date) = dated.value else { return None };
    let next = (i + 1..head.end).next()?;
    let text = paste.text_of(next);
    let found = dates::clock_line(text, date, dates::zone_hint(text).or(hint))?;
    let base = paste.units[next].span.start;
    Some(Field { value: zoned_by_markup(found.value, c.stated[next]), span: Span::new(dated.span.start, base + found.span.end) })
}

/// A printed clock time with the offset its markup states (`<time datetime>`), where both say
/// the same local date and minute: the markup adds the zone the text left out (or took from
/// where the outlet is based), never a date or a clock the text does not print.
fn zoned_by_markup(printed: PageTime, stated: Option<PageTime>) -> PageTime {
    let Some(PageTime::Instant { at, .. }) = stated else { return printed };
    let local = match printed {
        PageTime::Zoneless(local) => local,
        PageTime::Instant { at: printed_at, zone: ZoneSource::FromBase } => printed_at.naive_local(),
        _ => return printed,
    };
    let minute = |t: chrono::NaiveDateTime| t.format("%Y-%m-%d %H:%M").to_string();
    if minute(local) == minute(at.naive_local()) { stated.unwrap_or(printed) } else { printed }
}

/// Every pattern of this module, for the test that compiles them all (`lib.rs`).
#[cfg(test)]
pub(crate) static PATTERNS: &[&LazyLock<Regex>] = &[&BYLINE, &DATELINE, &OUTLET, &URL_LABEL, &URL];
