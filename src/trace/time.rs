//! Time: which publication came first, across time zones, and what "on Wednesday" means.
//!
//! Pages print an instant with its UTC offset, a clock time with no zone that we cannot place,
//! or only a date ([`PageTime`]). Two instants compare in UTC, so "June 2, 11:48 PM PDT" is *later*
//! than "June 3, 00:41 CST" although its calendar date is earlier. A clock time without a zone is
//! an instant somewhere between UTC-12 and UTC+14 of that local time: it is earlier or later
//! than another time only when that whole window is, and ties otherwise (the offset is never
//! guessed). A bare date cannot be placed inside its day, so it ties with any time whose local
//! date (the date printed on that page) is the same, and is earlier or later than the others by
//! date. That relation is not transitive, so [`earliest`] picks the winner among the candidates
//! nothing beats, preferring a known instant, then a zoneless time, then a date.

use crate::span::floor_char_boundary;
use crate::vocabulary;
use crate::page_time::PageTime;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;
use std::cmp::Ordering;
use std::sync::LazyLock;

/// Preference among unbeaten candidates: what is known more precisely first.
fn precision_rank(time: &PageTime) -> u8 {
    match time {
        PageTime::Instant { .. } => 0,
        PageTime::Zoneless(_) => 1,
        PageTime::Date(_) => 2,
    }
}

/// How two publication times relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// `a` was published first.
    Earlier,
    /// Either could be first.
    Tie,
    /// `b` was published first.
    Later,
}

impl From<Ordering> for Order {
    fn from(o: Ordering) -> Self {
        match o {
            Ordering::Less => Order::Earlier,
            Ordering::Equal => Order::Tie,
            Ordering::Greater => Order::Later,
        }
    }
}

/// How `a` relates to `b`: instants in UTC, zoneless times by their windows, a bare date by
/// local calendar date.
pub fn compare(a: &PageTime, b: &PageTime) -> Order {
    match (a.window(), b.window()) {
        (Some((a_first, a_last)), Some((b_first, b_last))) => {
            if a_last < b_first {
                Order::Earlier
            } else if a_first > b_last {
                Order::Later
            } else {
                // Equal instants, or overlapping windows: either could be first.
                Order::Tie
            }
        }
        _ => a.local_date().cmp(&b.local_date()).into(),
    }
}

/// The winner among `times` and the indices that tie with it (winner excluded), or `None` when
/// empty. The winner is a candidate nothing is earlier than; among those an instant beats a
/// zoneless time, which beats a bare date, and the first in input order wins, so a result is
/// deterministic.
pub fn earliest(times: &[PageTime]) -> Option<(usize, Vec<usize>)> {
    let winner = (0..times.len())
        .filter(|&i| !times.iter().any(|t| compare(t, &times[i]) == Order::Earlier))
        .min_by_key(|&i| (precision_rank(&times[i]), i))?;
    let ties = (0..times.len()).filter(|&i| i != winner && compare(&times[i], &times[winner]) == Order::Tie).collect();
    Some((winner, ties))
}

/// A publication time for people: the page's own clock, then UTC when that differs
/// ("11 Feb 2024, 17:12 UTC-05:00 (22:12 UTC)", "12 Feb 2024 (date only)", "12 Feb 2024, 00:06,
/// no time zone printed (between 11 Feb 10:06 and 12 Feb 12:06 UTC)").
pub fn describe(when: &PageTime) -> String {
    match when {
        PageTime::Instant { at: t, .. } if t.offset().local_minus_utc() == 0 => t.format("%-d %b %Y, %H:%M UTC").to_string(),
        PageTime::Instant { at: t, .. } => {
            let utc = t.naive_utc();
            let utc_form = if utc.date() == t.date_naive() { "%H:%M UTC" } else { "%-d %b %H:%M UTC" };
            format!("{} ({})", t.format("%-d %b %Y, %H:%M UTC%:z"), utc.format(utc_form))
        }
        PageTime::Date(d) => d.format("%-d %b %Y (date only)").to_string(),
        PageTime::Zoneless(t) => {
            let (first, last) = when.window().unwrap_or((*t, *t));
            format!(
                "{}, no time zone printed (between {} and {} UTC)",
                t.format("%-d %b %Y, %H:%M"),
                first.format("%-d %b %H:%M"),
                last.format("%-d %b %H:%M")
            )
        }
    }
}

/// A relative time expression resolved against an article's date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolved {
    /// A day.
    Day(NaiveDate),
    /// A year.
    Year(i32),
}

impl Resolved {
    /// ISO form: `2025-03-12`, `2024`.
    pub fn describe(&self) -> String {
        match self {
            Resolved::Day(d) => d.format("%Y-%m-%d").to_string(),
            Resolved::Year(y) => y.to_string(),
        }
    }

    /// For people: "Wednesday 12 Mar 2025", "2024".
    pub fn for_people(&self) -> String {
        match self {
            Resolved::Day(d) => d.format("%A %-d %b %Y").to_string(),
            Resolved::Year(y) => y.to_string(),
        }
    }
}

/// "on Wednesday", "yesterday", "last year": the relative times of English news copy.
static RELATIVE_PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    let days: Vec<&str> = vocabulary::english_weekdays().map(|d| d.name).collect();
    let pattern = format!(
        r"(?xi)
        # 1: a word leading the weekday, 2: the weekday
        \b(?:(on|last|this|since|from|until|by|next|late\ on|early\ on)\s+)?({days})\b
        # 3: a day named from the article's own
        | \b(yesterday|today|tonight|last\ night|this\ morning|this\ afternoon|this\ evening)\b
        # 4: a year named so
        | \b(last|this|next)\ year\b",
        days = days.join("|")
    );
    // ASCII word boundaries keep this on the fast engines (the words are English).
    Regex::new(&pattern.replace(r"\b", r"(?-u:\b)")).expect("static regex")
});

/// Words just before a weekday that put it ahead of the article: "will meet on Tuesday", "is due
/// to report on Friday".
static FUTURE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        &r"(?i)\b(?:will|shall|won't|is due|are due|is expected|are expected|is scheduled|are scheduled|is set to|are set to|plans? to|planned for|would)\b|'ll\b"
            .replace(r"\b", r"(?-u:\b)"),
    )
    .expect("static regex")
});

/// How far before a weekday a future cue still governs it.
const FUTURE_CUE_REACH: usize = 60;

fn weekday(name: &str) -> Option<Weekday> {
    let name = name.to_ascii_lowercase();
    vocabulary::english_weekdays().find(|d| d.name == name).map(|d| d.weekday)
}

/// The day a weekday name refers to in a news text dated `reference`: the most recent such day
/// on or before it ("on Wednesday" in Thursday's paper is the day before), or for a future event
/// ("will meet on Friday", "until Monday") the next such day on or after it.
pub fn resolve_weekday(day: Weekday, reference: NaiveDate, ahead: bool) -> NaiveDate {
    let (from, to) = (reference.weekday().num_days_from_monday(), day.num_days_from_monday());
    if ahead {
        reference + Duration::days(i64::from((to + 7 - from) % 7))
    } else {
        reference - Duration::days(i64::from((from + 7 - to) % 7))
    }
}

/// Relative time expressions of `text` ("on Wednesday", "yesterday", "last year"), each with its
/// byte range in `text` and what it means for an article dated `reference`.
pub fn resolve_relative(text: &str, reference: NaiveDate) -> Vec<(std::ops::Range<usize>, Resolved)> {
    RELATIVE_PATTERN
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let resolved = if let Some(day) = c.get(2) {
                let lead = c.get(1).map_or(String::new(), |w| w.as_str().to_ascii_lowercase());
                let window = &text[floor_char_boundary(text, whole.start().saturating_sub(FUTURE_CUE_REACH))..whole.start()];
                let ahead = matches!(lead.as_str(), "next" | "until" | "by") || FUTURE_CUE.is_match(window);
                Resolved::Day(resolve_weekday(weekday(day.as_str())?, reference, ahead))
            } else if let Some(word) = c.get(3) {
                let back = if word.as_str().eq_ignore_ascii_case("yesterday") || word.as_str().eq_ignore_ascii_case("last night") { 1 } else { 0 };
                Resolved::Day(reference - Duration::days(back))
            } else {
                let which = c.get(4)?.as_str().to_ascii_lowercase();
                let year = reference.year();
                Resolved::Year(match which.as_str() {
                    "last" => year - 1,
                    "next" => year + 1,
                    _ => year,
                })
            };
            Some((whole.range(), resolved))
        })
        .collect()
}

/// Every pattern of this module, for the test that compiles them all (`lib.rs`).
#[cfg(test)]
pub(crate) static PATTERNS: &[&LazyLock<Regex>] = &[&RELATIVE_PATTERN, &FUTURE_CUE];

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, NaiveDateTime};

    fn at(s: &str) -> PageTime {
        if let Ok(at) = DateTime::parse_from_rfc3339(s) {
            return PageTime::Instant { at, zone: crate::page_time::ZoneSource::Printed };
        }
        match NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M") {
            Ok(t) => PageTime::Zoneless(t),
            Err(_) => PageTime::Date(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()),
        }
    }

    #[test]
    fn instants_compare_in_utc_across_midnight() {
        // AP's Sunday 11:48 PM PDT is Monday 06:48 UTC, after EFE's Monday 00:41 CST (06:41 UTC).
        assert_eq!(compare(&at("2024-06-02T23:48:00-07:00"), &at("2024-06-03T00:41:00-06:00")), Order::Later);
    }

    #[test]
    fn a_date_ties_with_an_instant_on_its_local_date() {
        assert_eq!(compare(&at("2024-10-30"), &at("2024-10-30T21:05:00+01:00")), Order::Tie);
        assert_eq!(compare(&at("2025-03-12"), &at("2025-03-13T08:48:00+08:00")), Order::Earlier);
    }

    #[test]
    fn earliest_prefers_an_instant_and_lists_ties() {
        let times = [at("2024-10-30T13:47:00+00:00"), at("2024-10-30"), at("2024-10-30T11:40:00+01:00")];
        assert_eq!(earliest(&times), Some((2, vec![1])));
        assert_eq!(earliest(&[]), None);
    }

    #[test]
    fn a_zoneless_time_is_ordered_only_outside_its_window() {
        // 00:06 with no zone is between 10:06 UTC the day before and 12:06 UTC that day.
        assert_eq!(compare(&at("2024-02-12T00:06"), &at("2024-02-11T17:12:00-05:00")), Order::Tie);
        assert_eq!(compare(&at("2024-02-12T00:06"), &at("2024-02-11T09:00:00+00:00")), Order::Later);
        assert_eq!(compare(&at("2024-02-12T00:06"), &at("2024-02-12T13:00:00+00:00")), Order::Earlier);
        assert_eq!(compare(&at("2024-02-12T00:06"), &at("2024-02-11")), Order::Later);
        // Tied with an instant, the instant is preferred: it is known.
        assert_eq!(earliest(&[at("2024-02-12T00:06"), at("2024-02-11T22:12:00+00:00")]), Some((1, vec![0])));
        assert!(describe(&at("2024-02-12T00:06")).contains("between 11 Feb 10:06 and 12 Feb 12:06 UTC"));
    }

    #[test]
    fn weekdays_look_back_from_the_article_date() {
        let thursday = NaiveDate::from_ymd_opt(2025, 3, 13).unwrap();
        let got = resolve_relative("Putin said on Wednesday, and last year too", thursday);
        assert_eq!(got[0].1, Resolved::Day(NaiveDate::from_ymd_opt(2025, 3, 12).unwrap()));
        assert_eq!(got[1].1, Resolved::Year(2024));
    }
}
