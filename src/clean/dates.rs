//! **Publication times** as pages print them.
//!
//! [`find`] reads the dates of one line: a calendar date in any common form ("2025-03-13",
//! "12 March 2025", "Mar 19, 2024", "13th December, 2023", "19/03/2024", "30.10.2024"), the clock
//! time printed next to it ("08:48", "5:12 PM", "11:58 p.m."), and the zone printed next to that
//! ("UTC+8", "(GMT+3)", "JST", "(CST)", "Uhr", "(Havana)"). The role comes from the words before
//! it: "Published", "Updated", "Today". A time whose zone is neither printed nor known from
//! where the outlet is based ([`zone_hint`], or a month name of a language read in one zone
//! only, [`month_zone`]) gives a zoneless time ([`PageTime::Zoneless`]): the offset is never
//! invented. An instant says whether its zone was printed or taken from where
//! the outlet is based ([`ZoneSource`]).
//!
//! Offsets come from the IANA time-zone database: a place ("(Paris)", "Uhr", where the outlet is
//! based) names an IANA zone, and [`crate::zones`] gives its offset at that local time, summer
//! time and rule changes since 1970 included (chrono-tz's offsets for the zones the places
//! table names, kept as `data/zones.tsv`, which keeps the page small).
//! Zone *abbreviations* ("MSK", "IST", "CST") are our own table: no crate maps them reliably, as
//! the same letters mean different zones in different countries. Both tables, and the month
//! names, are the [`vocabulary`]'s.

use crate::span::Span;
use chrono::{FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use crate::vocabulary::{self, Language};
pub use crate::vocabulary::Zone;
use regex::Regex;
use std::sync::LazyLock;

use crate::page_time::{PageTime, ZoneSource};

/// What the words before a date say it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateRole {
    /// "Published ...", "Posted ...".
    Published,
    /// "Updated ...", "Modified ...".
    Updated,
    /// The site's current date ("Today: March 16, 2025"), never an article's.
    Today,
    /// No word says.
    Plain,
}

/// A date found in a line; `span` is relative to the line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Found {
    /// Where the date (with its clock and zone) is printed in the line.
    pub span: Span,
    /// The date, with its clock and zone where printed.
    pub value: PageTime,
    /// What the words before it say it is.
    pub role: DateRole,
}

/// The instant a machine-readable time states (a `<time datetime>`: RFC 3339 or ISO 8601 with
/// its offset, "2019-11-19T03:39:00Z"); none without an offset or a clock, which would state
/// less than the printed date does.
pub fn stated(datetime: &str) -> Option<PageTime> {
    let formats = ["%Y-%m-%dT%H:%M:%S%.f%:z", "%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%dT%H:%M%:z", "%Y-%m-%dT%H:%M%z", "%Y-%m-%d %H:%M:%S%:z"];
    let text = datetime.trim().replace(['Z', 'z'], "+00:00");
    let at = chrono::DateTime::parse_from_rfc3339(&text).ok().or_else(|| formats.iter().find_map(|f| chrono::DateTime::parse_from_str(&text, f).ok()))?;
    Some(PageTime::Instant { at, zone: ZoneSource::Printed })
}

// `Zone` (a fixed offset or an IANA zone) is the vocabulary's; what a date needs of it is here.
impl Zone {
    /// The UTC offset at this local time; `None` for a local time the zone skips (the hour lost
    /// when summer time starts), which then stays a bare date.
    fn offset_at(self, local: NaiveDateTime) -> Option<FixedOffset> {
        match self {
            Zone::Fixed(minutes) => FixedOffset::east_opt(minutes * 60),
            Zone::Iana(zone) => zone.offset_at_local(local),
        }
    }

    /// Whether this is UTC+8 in winter (China, Hong Kong, Singapore...), where "CST" is China time.
    fn is_utc_plus_8(self) -> bool {
        let winter = NaiveDate::from_ymd_opt(2024, 1, 15).and_then(|d| d.and_hms_opt(12, 0, 0));
        winter.and_then(|t| self.offset_at(t)).is_some_and(|o| o.local_minus_utc() == 8 * 3600)
    }

    /// Whether pages of this zone write numeric dates month first (03/06 = March 6): the United
    /// States and Canada.
    fn month_first(self) -> bool {
        let north_american = ["America/New_York", "America/Toronto", "America/Chicago", "America/Denver", "America/Los_Angeles"];
        matches!(self, Zone::Iana(zone) if north_american.contains(&zone.name()))
    }
}

fn place_zone(place: &str) -> Option<Zone> {
    let place = place.trim().to_lowercase();
    vocabulary::places().iter().find(|(p, _)| *p == place).and_then(|&(_, tz)| tz).map(Zone::Iana)
}

/// Any name of the places table ([`vocabulary::places`]), as a whole word.
static PLACE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    let mut names: Vec<&str> = vocabulary::places().iter().map(|&(p, _)| p).collect();
    // Longest first: "Cape Town" and "Cape Verde" are read whole, never as "Cape".
    names.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let names: Vec<String> = names.iter().map(|p| regex::escape(p)).collect();
    Regex::new(&format!(r"(?i)\b(?:{})\b", names.join("|"))).expect("place regex")
});

/// The zone of the first place named in `text` (masthead, header lines): where the outlet is
/// based, for times printed without a zone.
pub fn zone_hint(text: &str) -> Option<Zone> {
    PLACE_NAME.find(text).and_then(|m| place_zone(m.as_str()))
}

/// Month names as pages print them: full names in every language we read, and the English
/// abbreviations ("Sept", "Oct").
fn month_names() -> impl Iterator<Item = &'static vocabulary::MonthName> {
    vocabulary::months().iter().filter(|m| !m.abbreviation || m.language == Language::En)
}

/// The month names as one regex alternation, longest first so "march" wins over "mar".
fn months_pattern() -> String {
    let mut names: Vec<&str> = month_names().map(|m| m.name).collect();
    names.sort_by_key(|name| std::cmp::Reverse(name.chars().count()));
    names.join("|")
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?\b").expect("iso")
});

static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b").expect("numeric")
});

/// Year first, as East Asian and some European pages print it: "2024/12/23", "2024.12.23",
/// "2024年12月23日", "2024년 12월 23일". No `\b`: a CJK character before the year is a word
/// character too, so the digits around the match are checked in code.
static YEAR_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (\d{4}) (?: ([./]) | \s*[年년]\s* )   # the year, then a slash or dot, or 年 / 년
        (\d{1,2}) (?: [./] | \s*[月월]\s* )   # the month
        (\d{1,2}) (?: \s*[日일] )?             # the day",
    )
    .expect("year first")
});

/// "12 March 2025", "13th December, 2023", "22 de outubro de 2010", "22. Oktober 2010".
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?\s+(?:of\s+|de\s+)?({})\b\.?,?\s+(?:de\s+)?(\d{{4}})\b",
        months_pattern()
    ))
    .expect("dmy")
});

static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b({})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", months_pattern())).expect("mdy")
});

/// A clock: "18:25", "6:25 p.m.", "18h25" (French), "18時25分" / "18시 25분" (Japanese,
/// Korean), "18.25" (British), which is read only where a zone or "am"/"pm" follows, and the
/// wires' "1825 GMT", four digits read only where a zone follows.
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        \b(\d{1,2}) ([:.h]|\s*[時시]\s*|) (\d{2}) (?:\s*[分분])?   # 1 hour, 2 separator, 3 minutes
        (?: : (\d{2}) )?                                       # 4 seconds
        (?: \s* ([ap]) \.?\s?m\b\.? )?                          # 5 meridiem",
    )
    .expect("time")
});

static ZONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[,(]?\s*(?:(UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?|(Uhr)\b|([A-Z]{1,5})\b|\(([A-Za-zÀ-ÿ .'-]{3,30})\))").expect("zone")
});

static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(updated|last updated|modified|actualizado|aktualisiert|mis à jour|atualizado|published|posted|first published|publicado|veröffentlicht|publié|today|hoy|heute|aujourd)").expect("role")
});


/// Dates in `line`, in order. `hint` is the zone of the place the outlet is based, if known;
/// it places a time printed without a zone.
pub fn find(line: &str, hint: Option<Zone>) -> Vec<Found> {
    // Every form read here has a four-digit year.
    if line.len() > 400 || !line.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit)) {
        return Vec::new();
    }
    let mut dates = iso_dates(line, hint);
    for (start, end, d, named_in) in calendar_dates(line, hint) {
        if dates.iter().any(|&(s, e, ..)| s < end && start < e) {
            continue;
        }
        let time = time_near(line, start, end, hint.or(named_in));
        dates.push((start, end, d, time));
    }
    dates.sort_by_key(|&(s, ..)| s);
    dates.into_iter().map(|(start, end, date, time)| found(line, start, end, date, time)).collect()
}

/// A date read at `start..end` of a line, and the clock printed with it.
type Dated = (usize, usize, NaiveDate, Option<Clock>);

/// ISO dates ("2025-03-13", "2024-06-03T13:41:00+01:00"), with their clock and zone.
fn iso_dates(line: &str, hint: Option<Zone>) -> Vec<Dated> {
    let mut dates = Vec::new();
    for c in ISO.captures_iter(line) {
        let (Some(m), Some(d)) = (c.get(0), ymd(&c[1], &c[2], &c[3])) else {
            continue;
        };
        let time = c.get(4).and_then(|h| hms(h.as_str(), &c[5], c.get(6).map(|s| s.as_str()), None));
        let zone = c.get(7).and_then(|z| numeric_offset(z.as_str())).map(Zone::Fixed);
        let time = match time {
            Some(t) => {
                let printed = zone.or_else(|| zone_after(line, m.end(), hint).map(|(z, _)| z));
                Some((t, placing(printed, hint), m.start(), m.end()))
            }
            None => time_near(line, m.start(), m.end(), hint),
        };
        dates.push((m.start(), m.end(), d, time));
    }
    dates
}

/// Dates with a month name ("12 March 2025", "Mar 19, 2024") and numeric ones ("19/03/2024"),
/// each with the zone its month name's language places it in, if one does ([`month_zone`]).
fn calendar_dates(line: &str, hint: Option<Zone>) -> Vec<(usize, usize, NaiveDate, Option<Zone>)> {
    let mut calendar = Vec::new();
    for c in DAY_MONTH.captures_iter(line) {
        if let (Some(m), Some(mo)) = (c.get(0), month(&c[2])) {
            if let Some(d) = ymd(&c[3], &mo.to_string(), &c[1]) {
                calendar.push((m.start(), m.end(), d, month_zone(&c[2])));
            }
        }
    }
    for c in MONTH_DAY.captures_iter(line) {
        if let (Some(m), Some(mo)) = (c.get(0), month(&c[1])) {
            if let Some(d) = ymd(&c[3], &mo.to_string(), &c[2]) {
                calendar.push((m.start(), m.end(), d, month_zone(&c[1])));
            }
        }
    }
    // Month first (03/06 = March 6) only on North American pages: a US zone printed, and the
    // outlet not known to be based elsewhere (Mexico's "CST" pages write day first).
    let us_zone = match hint {
        Some(zone) => zone.month_first(),
        None => zone_in(line).is_some_and(|z| z.month_first() || matches!(z, Zone::Fixed(m) if m <= -240)),
    };
    for c in YEAR_FIRST.captures_iter(line) {
        let (Some(m), Some(d)) = (c.get(0), ymd(&c[1], &c[3], &c[4])) else { continue };
        let digit_at = |i: usize| line.as_bytes().get(i).is_some_and(u8::is_ascii_digit);
        let digit_before = m.start() > 0 && digit_at(m.start() - 1);
        // "2024.12.23" but not "2024.12.235" nor a decimal "12024.5.6".
        let slash_or_dot_after = c.get(2).is_some() && line[m.end()..].starts_with(['.', '/']);
        if !digit_before && !digit_at(m.end()) && !slash_or_dot_after {
            calendar.push((m.start(), m.end(), d, None));
        }
    }
    for c in NUMERIC.captures_iter(line) {
        let Some(m) = c.get(0) else { continue };
        let (a, b) = (&c[1], &c[2]);
        let (na, nb) = (a.parse::<u32>().unwrap_or(0), b.parse::<u32>().unwrap_or(0));
        let month_first = nb > 12 || (na <= 12 && us_zone);
        let d = if month_first { ymd(&c[3], a, b) } else { ymd(&c[3], b, a) };
        if let Some(d) = d {
            calendar.push((m.start(), m.end(), d, None));
        }
    }
    calendar
}

/// The date at `start..end` with its clock, as found: an instant where a zone places the
/// clock, else a zoneless time (no zone, or a local time its zone skips), else the date.
fn found(line: &str, start: usize, end: usize, date: NaiveDate, time: Option<Clock>) -> Found {
    let from = time.map_or(start, |(_, _, ts, _)| ts.min(start));
    let to = time.map_or(end, |(_, _, _, te)| te.max(end));
    let value = match time {
        None => PageTime::Date(date),
        Some((t, zone, ..)) => {
            let local = date.and_time(t);
            zone.and_then(|(z, source)| instant(local, z, source)).unwrap_or(PageTime::Zoneless(local))
        }
    };
    Found {
        span: Span::new(from, to),
        value,
        role: role_before(line, from),
    }
}

fn instant(local: NaiveDateTime, zone: Zone, source: ZoneSource) -> Option<PageTime> {
    let offset = zone.offset_at(local)?;
    offset.from_local_datetime(&local).single().map(|at| PageTime::Instant { at, zone: source })
}

/// A clock time read beside a date: the time, its zone and how that was known, and where it
/// is printed in the line.
type Clock = (NaiveTime, Option<(Zone, ZoneSource)>, usize, usize);

/// The zone a time is read in: the one printed beside it, else where the outlet is based.
fn placing(printed: Option<Zone>, hint: Option<Zone>) -> Option<(Zone, ZoneSource)> {
    printed.map(|z| (z, ZoneSource::Printed)).or(hint.map(|z| (z, ZoneSource::FromBase)))
}

/// The clock time printed just after the date at `start..end`, else just before it, with its
/// zone ("Published 12 March 10:00, updated 13 March 09:00": each date keeps the clock after it),
/// never across a role word ("10:48, Nov 19 | UPDATED: 11:05, Nov 19").
fn time_near(line: &str, start: usize, end: usize, hint: Option<Zone>) -> Option<Clock> {
    let close = |gap: &str| gap.len() <= 16 && !gap.contains(['.', ';']) && !ROLE.is_match(gap) || gap.trim().is_empty();
    let mut before_date = None;
    for c in TIME.captures_iter(line) {
        let Some(m) = c.get(0) else { continue };
        let after = m.start() >= end && close(&line[end..m.start()]);
        let before = m.end() <= start && close(&line[m.end()..start]);
        if !(after || before) {
            continue;
        }
        let Some((t, zone)) = read_clock(line, &c, hint) else { continue };
        let zone_end = zone.map_or(m.end(), |(_, e)| e);
        let zone = zone
            .map(|(z, _)| z)
            .or_else(|| if after { zone_after(line, end, hint).map(|(z, _)| z) } else { None });
        let clock = (t, placing(zone, hint), m.start(), zone_end);
        if after {
            return Some(clock);
        }
        before_date = before_date.or(Some(clock));
    }
    before_date
}

/// The time a [`TIME`] match reads, and the zone printed after it with where that ends; none
/// where the digits are no clock.
fn read_clock(line: &str, c: &regex::Captures, hint: Option<Zone>) -> Option<(NaiveTime, Option<(Zone, usize)>)> {
    let m = c.get(0)?;
    let meridiem = c.get(5).map(|s| s.as_str());
    let t = hms(&c[1], &c[3], c.get(4).map(|s| s.as_str()), meridiem)?;
    let zone = zone_after(line, m.end(), hint);
    // "18.25" is a clock only as a British dateline prints it, with its zone or "pm"; "1825"
    // only as the wires print it, four digits and a zone.
    let bare_digits = c[2].is_empty();
    if (&c[2] == "." && meridiem.is_none() || bare_digits) && zone.is_none() || bare_digits && (c[1].len() != 2 || meridiem.is_some()) {
        return None;
    }
    Some((t, zone))
}

/// `date` at the clock a line of its own prints ("10:32 AM EST", "| 16:20"), as pages set the
/// time under the date; `span` is the clock's, relative to the line. None unless the line is
/// that clock and its zone alone.
pub fn clock_line(line: &str, date: NaiveDate, hint: Option<Zone>) -> Option<Found> {
    let lead = line.len() - line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '·' | '-' | '–' | ',')).len();
    let c = TIME.captures(&line[lead..])?;
    let m = c.get(0).filter(|m| m.start() == 0)?;
    let (t, zone) = read_clock(&line[lead..], &c, hint)?;
    let end = lead + zone.map_or(m.end(), |(_, e)| e);
    if !line[end..].trim_matches(|c: char| c.is_whitespace() || matches!(c, ')' | '.')).is_empty() {
        return None;
    }
    let local = date.and_time(t);
    let value = placing(zone.map(|(z, _)| z), hint).and_then(|(z, source)| instant(local, z, source)).unwrap_or(PageTime::Zoneless(local));
    Some(Found { span: Span::new(lead, end), value, role: DateRole::Plain })
}

/// The zone printed at `at` ("UTC+8", "JST", "(CST)", "Uhr", "(Havana)") and where it ends.
fn zone_after(line: &str, at: usize, hint: Option<Zone>) -> Option<(Zone, usize)> {
    let c = ZONE.captures(line.get(at..)?)?;
    let end = at + c.get(0)?.end();
    if let (Some(sign), Some(h)) = (c.get(2), c.get(3)) {
        let minutes = h.as_str().parse::<i32>().ok()? * 60 + c.get(4).and_then(|m| m.as_str().parse::<i32>().ok()).unwrap_or(0);
        return Some((Zone::Fixed(if sign.as_str() == "-" { -minutes } else { minutes }), end));
    }
    if c.get(1).is_some() {
        return Some((Zone::Fixed(0), end));
    }
    if c.get(5).is_some() {
        return place_zone("uhr").map(|z| (z, end));
    }
    if let Some(abbr) = c.get(6) {
        let abbr = abbr.as_str();
        if abbr == "CST" && hint.is_some_and(Zone::is_utc_plus_8) {
            return Some((Zone::Fixed(480), end));
        }
        return vocabulary::zone_abbreviation(abbr).map(|z| (z, end));
    }
    c.get(7).and_then(|place| place_zone(place.as_str())).map(|z| (z, end))
}

/// Any zone abbreviation in the line (to read 03/06 as month first on US pages).
fn zone_in(line: &str) -> Option<Zone> {
    line.split(|c: char| !c.is_ascii_alphabetic())
        .find_map(|w| if w.len() >= 2 { vocabulary::zone_abbreviation(w) } else { None })
}

/// What the nearest role word before `at` in its field says ("Published 12 March, updated
/// 13 March": the second date is the update).
fn role_before(line: &str, at: usize) -> DateRole {
    let head = &line[..at];
    let segment = head.rsplit(['|', '·']).next().unwrap_or(head);
    match ROLE.find_iter(segment).last().map(|m| m.as_str().to_lowercase()) {
        None => DateRole::Plain,
        Some(w) if ["today", "hoy", "heute", "aujourd"].contains(&w.as_str()) => DateRole::Today,
        Some(w) if w.contains("pub") || w.contains("post") || w.contains("veröff") => DateRole::Published,
        Some(_) => DateRole::Updated,
    }
}

fn numeric_offset(s: &str) -> Option<i32> {
    if s == "Z" {
        return Some(0);
    }
    let sign = if s.starts_with('-') { -1 } else { 1 };
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let h: i32 = digits.get(..2)?.parse().ok()?;
    let m: i32 = digits.get(2..4).and_then(|m| m.parse().ok()).unwrap_or(0);
    Some(sign * (h * 60 + m))
}

/// The zone a month name places a page in, for a clock printed without one: a name written only
/// in languages whose pages all keep one zone's time ("giugno": Italy, San Marino and Ticino keep
/// Rome's; "maart": Dutch, Central European). English, Spanish, French, Portuguese, Russian and
/// Indonesian are read in many zones and place nothing, nor does a name one of them shares
/// ("oktober" is Indonesian as well as Dutch and German).
fn month_zone(name: &str) -> Option<Zone> {
    let one_zone = |language: Language| match language {
        Language::It => Some("Europe/Rome"),
        Language::De | Language::Nl => Some("Europe/Berlin"),
        Language::Pl => Some("Europe/Warsaw"),
        Language::Tr => Some("Europe/Istanbul"),
        Language::Uk => Some("Europe/Kyiv"),
        _ => None,
    };
    let name = name.to_lowercase();
    let mut zones = month_names().filter(|m| m.name == name).map(|m| one_zone(m.language));
    let first = zones.next()??;
    zones.all(|z| z == Some(first)).then(|| crate::zones::iana(first).map(Zone::Iana)).flatten()
}

fn month(name: &str) -> Option<u32> {
    let name = name.to_lowercase();
    month_names().find(|m| m.name == name).map(|m| m.month)
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    let y: i32 = y.parse().ok()?;
    if !(1990..=2100).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m.parse().ok()?, d.parse().ok()?)
}

fn hms(h: &str, m: &str, s: Option<&str>, meridiem: Option<&str>) -> Option<NaiveTime> {
    let mut h: u32 = h.parse().ok()?;
    match meridiem.map(|x| x.to_ascii_lowercase()) {
        Some(x) if x == "p" && h < 12 => h += 12,
        Some(x) if x == "a" && h == 12 => h = 0,
        _ => {}
    }
    NaiveTime::from_hms_opt(h, m.parse().ok()?, s.and_then(|s| s.parse().ok()).unwrap_or(0))
}

/// Every pattern of this module, for the test that compiles them all (`lib.rs`).
#[cfg(test)]
pub(crate) static PATTERNS: &[&LazyLock<Regex>] = &[&PLACE_NAME, &ISO, &NUMERIC, &YEAR_FIRST, &DAY_MONTH, &MONTH_DAY, &TIME, &ZONE, &ROLE];

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(name: &str) -> Option<Zone> {
        Some(Zone::Iana(crate::zones::iana(name).expect("a zone of data/zones.tsv")))
    }

    fn iso(line: &str, hint: Option<Zone>) -> Vec<String> {
        find(line, hint).iter().map(|f| crate::report::article_iso(&f.value)).collect()
    }

    #[test]
    fn reads_the_forms_pages_print() {
        let cases: &[(&str, Option<Zone>, &str)] = &[
            ("08:48 UTC+8, 2025-03-13", None, "2025-03-13T08:48:00+08:00"),
            ("Updated 12 March 2025", None, "2025-03-12"),
            ("Published 11/02/2024 - 22:31 GMT | AFP", None, "2024-02-11T22:31:00+00:00"),
            ("12 Feb 2024 - 00:06 | Reuters", None, "2024-02-12"),
            ("12 Feb 2024 - 00:06 | Reuters", zone("Africa/Johannesburg"), "2024-02-12T00:06:00+02:00"),
            ("Published 5:12 PM EST, February 11, 2024", None, "2024-02-11T17:12:00-05:00"),
            ("12.02.2024 01:25 (GMT+3)", None, "2024-02-12T01:25:00+03:00"),
            (
                "Source: Xinhua | 2024-02-12 08:15:40 | Editor: Liu Yang",
                zone("Asia/Shanghai"),
                "2024-02-12T08:15:40+08:00",
            ),
            ("Mar 19, 2024 | 12:41 JST", None, "2024-03-19T12:41:00+09:00"),
            (
                "March 19, 2024 3:06 PM GMT+8 · Updated 5 hours ago",
                None,
                "2024-03-19T15:06:00+08:00",
            ),
            ("Published: 19 Mar 2024, 17:55 GST", None, "2024-03-19T17:55:00+04:00"),
            ("19/03/2024 05:12 PM", zone("Asia/Kuala_Lumpur"), "2024-03-19T17:12:00+08:00"),
            ("Published 11:58 PM EDT, March 18, 2024", None, "2024-03-18T23:58:00-04:00"),
            (
                "Agencia EFE | Mexico City | 03/06/2024 00:41 (CST)",
                zone("America/Mexico_City"),
                "2024-06-03T00:41:00-06:00",
            ),
            (
                "Published on June 3, 2024 | 03:25 (Havana) | Prensa Latina",
                None,
                "2024-06-03T03:25:00-04:00",
            ),
            ("13/10/2024 - 16:10 (Paris) | AFP", None, "2024-10-13T16:10:00+02:00"),
            ("13.10.2024, 17:45 Uhr", None, "2024-10-13T17:45:00+02:00"),
            ("30.10.2024, 21:05 Uhr", None, "2024-10-30T21:05:00+01:00"),
            ("Published on 30.10.2024 at 18:22 CET | AFP", None, "2024-10-30T18:22:00+01:00"),
            ("Updated 8:48 AM MDT, October 13, 2024", None, "2024-10-13T08:48:00-06:00"),
            ("Nov. 19, 2019 8:03 am ET", None, "2019-11-19T08:03:00-05:00"),
            ("Wednesday, 13 December 2023", None, "2023-12-13"),
            ("2024-06-03T13:41:00+01:00", None, "2024-06-03T13:41:00+01:00"),
            ("DUBAI, 13th December, 2023 (WAM) --", None, "2023-12-13"),
            ("sexta-feira, 22 de outubro de 2010 às 20:13", None, "2010-10-22"),
            ("22 de octubre de 2010, 20:13 (Madrid)", None, "2010-10-22T20:13:00+02:00"),
            ("Mis à jour le 3 février 2024", None, "2024-02-03"),
            ("Stand: 22. Oktober 2010", None, "2010-10-22"),
            ("2024/12/23 18:25 JST", None, "2024-12-23T18:25:00+09:00"),
            ("입력 2024.12.23 18:25 KST", None, "2024-12-23T18:25:00+09:00"),
            ("2024年12月23日 18時25分", Some(Zone::Fixed(540)), "2024-12-23T18:25:00+09:00"),
            ("发布时间：2024年12月23日 18:25", zone("Asia/Shanghai"), "2024-12-23T18:25:00+08:00"),
            ("2024년 12월 23일 18시 25분", Some(Zone::Fixed(540)), "2024-12-23T18:25:00+09:00"),
            ("Mon 23 Dec 2024 18.25 GMT", None, "2024-12-23T18:25:00+00:00"),
            ("23 décembre 2024 à 18h25 (Paris)", None, "2024-12-23T18:25:00+01:00"),
            ("23 декабря 2024, 18:25 MSK", None, "2024-12-23T18:25:00+03:00"),
            ("23 грудня 2024 18:25", Some(Zone::Fixed(120)), "2024-12-23T18:25:00+02:00"),
            ("23 Aralık 2024 18:25", Some(Zone::Fixed(180)), "2024-12-23T18:25:00+03:00"),
            ("Senin, 23 Desember 2024 18:25 WIB", None, "2024-12-23T18:25:00+07:00"),
            ("23 grudnia 2024 18:25", Some(Zone::Fixed(60)), "2024-12-23T18:25:00+01:00"),
            ("23 december 2024 18:25", Some(Zone::Fixed(60)), "2024-12-23T18:25:00+01:00"),
            // The wires' four-digit clock with its zone; the second zone in parentheses is local.
            ("Updated 0412 GMT (1212 HKT) March 5, 2024", None, "2024-03-05T04:12:00+00:00"),
            ("5 March 2024 1233 GMT", None, "2024-03-05T12:33:00+00:00"),
            ("2024.03.05 17:40 KST", None, "2024-03-05T17:40:00+09:00"),
            ("05.03.2024 um 09:15 MEZ", None, "2024-03-05T09:15:00+01:00"),
            ("5 марта 2024, 11:02 MSK", None, "2024-03-05T11:02:00+03:00"),
        ];
        for (line, hint, want) in cases {
            assert_eq!(iso(line, *hint), [*want], "{line}");
        }
    }

    #[test]
    fn clocks_keep_how_their_zone_was_known() {
        let (printed, from_base) = (Some(ZoneSource::Printed), Some(ZoneSource::FromBase));
        let cases: &[(&str, Option<Zone>, &str, Option<ZoneSource>)] = &[
            // No zone printed and no base known: the date, with its clock kept.
            ("12 Feb 2024 - 00:06", None, "2024-02-12T00:06:00", None),
            ("5:12 p.m., February 11, 2024", None, "2024-02-11T17:12:00", None),
            ("12 March 2025", None, "2025-03-12", None),
            // The skipped hour of summer time is no instant either.
            ("31.03.2024, 02:30 Uhr", None, "2024-03-31T02:30:00", None),
            // No zone printed: read where the outlet is based, before or after the date.
            ("12 Feb 2024 - 00:06", zone("Africa/Johannesburg"), "2024-02-12T00:06:00+02:00", from_base),
            ("2024-02-12 08:15:40", zone("Asia/Shanghai"), "2024-02-12T08:15:40+08:00", from_base),
            ("19/03/2024 05:12 PM", zone("Asia/Kuala_Lumpur"), "2024-03-19T17:12:00+08:00", from_base),
            ("5:12 PM, February 11, 2024", zone("America/New_York"), "2024-02-11T17:12:00-05:00", from_base),
            // A printed zone wins over the base, wherever it stands.
            ("12.02.2024 01:25 (GMT+3)", None, "2024-02-12T01:25:00+03:00", printed),
            ("2024-06-03T13:41:00+01:00", None, "2024-06-03T13:41:00+01:00", printed),
            ("5:12 PM EST, February 11, 2024", zone("Africa/Johannesburg"), "2024-02-11T17:12:00-05:00", printed),
            ("Mar 19, 2024 (Tokyo) 12:41", None, "2024-03-19T12:41:00+09:00", printed),
            // A month name of a language read in one zone only places the clock there.
            ("14 luglio 2024, 09:05", None, "2024-07-14T09:05:00+02:00", from_base),
            ("3. März 2024, 10:15", None, "2024-03-03T10:15:00+01:00", from_base),
            ("14 maart 2024 09:05", None, "2024-03-14T09:05:00+01:00", from_base),
            // "juli" is Indonesian too: read in three zones, it places nothing.
            ("14 juli 2024 09:05", None, "2024-07-14T09:05:00", None),
            // Languages read in many zones place nothing.
            ("14 de julio de 2024, 09:05", None, "2024-07-14T09:05:00", None),
            ("14 juillet 2024 - 09h05", None, "2024-07-14T09:05:00", None),
            ("14 July 2024 09:05", None, "2024-07-14T09:05:00", None),
        ];
        for &(line, hint, want, placed) in cases {
            let found = find(line, hint);
            let source = |t: &PageTime| match t {
                PageTime::Instant { zone, .. } => Some(*zone),
                _ => None,
            };
            assert_eq!(found.iter().map(|f| (crate::report::iso(&f.value), source(&f.value))).collect::<Vec<_>>(), [(want.to_string(), placed)], "{line}");
        }
    }

    #[test]
    fn a_clock_on_a_line_of_its_own_joins_the_date() {
        let date = NaiveDate::from_ymd_opt(2024, 3, 5).expect("a date");
        let at = |line: &str, hint| clock_line(line, date, hint).map(|f| crate::report::iso(&f.value));
        assert_eq!(at("10:32 AM EST", None).as_deref(), Some("2024-03-05T10:32:00-05:00"));
        assert_eq!(at("| 16:20", zone("Europe/Rome")).as_deref(), Some("2024-03-05T16:20:00+01:00"));
        assert_eq!(at("16:20", None).as_deref(), Some("2024-03-05T16:20:00"));
        // A line that says more, a score, or four bare digits is no clock line.
        assert_eq!(at("16:20 Read more of our coverage", None), None);
        assert_eq!(at("2-1", None), None);
        assert_eq!(at("1620", None), None);
    }

    #[test]
    fn roles_come_from_the_words_before() {
        let found = find("Published 11:48 PM PDT, June 2, 2024 | Updated 4:15 AM PDT, June 3, 2024", None);
        let roles: Vec<DateRole> = found.iter().map(|f| f.role).collect();
        assert_eq!(roles, [DateRole::Published, DateRole::Updated]);
        let found = find("Last updated: 13 March 2025 - Published: 12 March 2025", None);
        assert_eq!(found.iter().map(|f| f.role).collect::<Vec<_>>(), [DateRole::Updated, DateRole::Published]);
        let found = find("Published 12 March 2025 10:00, updated 13 March 2025 09:00", None);
        assert_eq!(found.iter().map(|f| f.role).collect::<Vec<_>>(), [DateRole::Published, DateRole::Updated]);
        let found = find("PUBLISHED: 10:48, Tue, Mar 12, 2025 | UPDATED: 11:05, Tue, Mar 12, 2025", None);
        let clocks: Vec<String> = found.iter().map(|f| crate::report::iso(&f.value)).collect();
        assert_eq!(clocks, ["2025-03-12T10:48:00", "2025-03-12T11:05:00"]);
        assert_eq!(find("Today: March 16, 2025", None)[0].role, DateRole::Today);
    }

    #[test]
    fn offsets_follow_the_rules_in_force_on_the_date() {
        // Mexico kept summer time until 2022; Egypt brought it back in 2023.
        let mexico = zone("America/Mexico_City");
        assert_eq!(iso("03/06/2019 00:41", mexico), ["2019-06-03T00:41:00-05:00"]);
        assert_eq!(iso("03/06/2024 00:41", mexico), ["2024-06-03T00:41:00-06:00"]);
        assert_eq!(iso("2024-07-01 10:00 (Cairo)", None), ["2024-07-01T10:00:00+03:00"]);
        // The hour skipped when summer time starts is not a time: only the date is kept.
        assert_eq!(iso("31.03.2024, 02:30 Uhr", None), ["2024-03-31"]);
    }

    #[test]
    fn mastheads_name_where_the_outlet_is_based() {
        let cases: &[(&str, Option<Zone>)] = &[
            ("CAPE SPORTS REPORT", zone("Africa/Johannesburg")),
            ("Cape Town | Durban | Johannesburg", zone("Africa/Johannesburg")),
            ("Naija Goal Zone", zone("Africa/Lagos")),
            ("SPACE COAST NEWS | Cape Canaveral", zone("America/New_York")),
            // A cape whose zone we do not know places nothing, never South Africa.
            ("Cape Verde Sports Daily", None),
            ("RHEIN-MAIN REPORT", zone("Europe/Berlin")),
            ("The Hudson Valley Sentinel", zone("America/New_York")),
            ("Soccer | Rugby | Cricket", None),
            // A weather box names the city the outlet serves.
            ("Perth 18°C | Subscribe | Log in", zone("Australia/Perth")),
            ("DAKAR SOIR", zone("Africa/Dakar")),
        ];
        for (line, want) in cases {
            assert_eq!(zone_hint(line), *want, "{line}");
        }
    }

    #[test]
    fn china_pages_read_cst_as_beijing_time() {
        assert_eq!(iso("2025-03-13 08:48 CST", zone("Asia/Shanghai")), ["2025-03-13T08:48:00+08:00"]);
    }

    #[test]
    fn nonsense_is_not_a_date() {
        assert!(find("Call 555-1234 or 99/99/9999 at 25:61", None).is_empty());
        // Four digits are a clock only with a zone after them: a year or a count is not.
        assert_eq!(iso("5 March 2024 1233 votes", None), ["2024-03-05"]);
    }
}
