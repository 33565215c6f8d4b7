//! **Publication times** as pages print them.
//!
//! [`find`] reads the dates of one line: a calendar date in any common form ("2025-03-13",
//! "12 March 2025", "Mar 19, 2024", "13th December, 2023", "19/03/2024", "30.10.2024"), the clock
//! time printed next to it ("08:48", "5:12 PM", "11:58 p.m."), and the zone printed next to that
//! ("UTC+8", "(GMT+3)", "JST", "(CST)", "Uhr", "(Havana)"). The role comes from the words before
//! it: "Published", "Updated", "Today". A time whose zone is neither printed nor known from
//! where the outlet is based ([`zone_hint`]) gives a bare date: the offset is never invented.
//!
//! Zones are a small table of fixed offsets plus the daylight-saving rules the news world needs
//! (EU, US/Canada/Cuba), computed with chrono's calendar: no time-zone database is shipped.

use crate::Span;
use chrono::{Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Weekday};
use regex::Regex;
use std::sync::OnceLock;

use super::Published;

/// What the words before a date say it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateRole {
    Published,
    Updated,
    /// The site's current date ("Today: March 16, 2025"), never an article's.
    Today,
    Plain,
}

/// A date found in a line; `span` is relative to the line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Found {
    pub span: Span,
    pub value: Published,
    pub role: DateRole,
}

/// A UTC offset rule: fixed, or standard time plus one hour of summer time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    /// Minutes east of UTC.
    Fixed(i32),
    /// European summer time (last Sunday of March to last Sunday of October); standard offset.
    Eu(i32),
    /// North American daylight time (second Sunday of March to first Sunday of November).
    Us(i32),
}

impl Zone {
    fn offset_minutes(self, local: NaiveDateTime) -> i32 {
        let date = local.date();
        let (std, start, end) = match self {
            Zone::Fixed(m) => return m,
            Zone::Eu(std) => (std, last_sunday(date.year(), 3), last_sunday(date.year(), 10)),
            Zone::Us(std) => (std, nth_sunday(date.year(), 3, 2), nth_sunday(date.year(), 11, 1)),
        };
        let (Some(start), Some(end)) = (start, end) else { return std };
        let hour = local.hour();
        let summer = (date > start || (date == start && hour >= 3)) && (date < end || (date == end && hour < 2));
        if summer {
            std + 60
        } else {
            std
        }
    }
}

fn nth_sunday(year: i32, month: u32, n: u8) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Sun, n)
}

fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    nth_sunday(year, month, 5).or_else(|| nth_sunday(year, month, 4))
}

/// Zone abbreviations as news pages print them. CST is North American / Mexican central time
/// unless the page is known to be Chinese (see [`find`]).
const ABBREVIATIONS: &[(&str, Zone)] = &[
    ("UTC", Zone::Fixed(0)),
    ("GMT", Zone::Fixed(0)),
    ("Z", Zone::Fixed(0)),
    ("WET", Zone::Fixed(0)),
    ("WEST", Zone::Fixed(60)),
    ("BST", Zone::Fixed(60)),
    ("CET", Zone::Fixed(60)),
    ("MEZ", Zone::Fixed(60)),
    ("WAT", Zone::Fixed(60)),
    ("CEST", Zone::Fixed(120)),
    ("MESZ", Zone::Fixed(120)),
    ("EET", Zone::Fixed(120)),
    ("SAST", Zone::Fixed(120)),
    ("CAT", Zone::Fixed(120)),
    ("EEST", Zone::Fixed(180)),
    ("MSK", Zone::Fixed(180)),
    ("TRT", Zone::Fixed(180)),
    ("EAT", Zone::Fixed(180)),
    ("AST", Zone::Fixed(180)),
    ("GST", Zone::Fixed(240)),
    ("PKT", Zone::Fixed(300)),
    ("IST", Zone::Fixed(330)),
    ("ICT", Zone::Fixed(420)),
    ("WIB", Zone::Fixed(420)),
    ("SGT", Zone::Fixed(480)),
    ("MYT", Zone::Fixed(480)),
    ("PHT", Zone::Fixed(480)),
    ("HKT", Zone::Fixed(480)),
    ("AWST", Zone::Fixed(480)),
    ("JST", Zone::Fixed(540)),
    ("KST", Zone::Fixed(540)),
    ("AEST", Zone::Fixed(600)),
    ("AEDT", Zone::Fixed(660)),
    ("NZST", Zone::Fixed(720)),
    ("NZDT", Zone::Fixed(780)),
    ("HST", Zone::Fixed(-600)),
    ("AKST", Zone::Fixed(-540)),
    ("AKDT", Zone::Fixed(-480)),
    ("PST", Zone::Fixed(-480)),
    ("PDT", Zone::Fixed(-420)),
    ("MST", Zone::Fixed(-420)),
    ("MDT", Zone::Fixed(-360)),
    ("CST", Zone::Fixed(-360)),
    ("CDT", Zone::Fixed(-300)),
    ("EST", Zone::Fixed(-300)),
    ("EDT", Zone::Fixed(-240)),
    ("ART", Zone::Fixed(-180)),
    ("BRT", Zone::Fixed(-180)),
    ("ET", Zone::Us(-300)),
    ("CT", Zone::Us(-360)),
    ("MT", Zone::Us(-420)),
    ("PT", Zone::Us(-480)),
];

/// Places (lower case) and their zone: for "(Paris)" after a time, "Uhr", and for where an
/// outlet is based when its page prints no zone.
const PLACES: &[(&str, Zone)] = &[
    ("london", Zone::Eu(0)),
    ("britain", Zone::Eu(0)),
    ("british", Zone::Eu(0)),
    ("lisbon", Zone::Eu(0)),
    ("portugal", Zone::Eu(0)),
    ("dublin", Zone::Eu(0)),
    ("ireland", Zone::Eu(0)),
    ("paris", Zone::Eu(60)),
    ("france", Zone::Eu(60)),
    ("berlin", Zone::Eu(60)),
    ("germany", Zone::Eu(60)),
    ("uhr", Zone::Eu(60)),
    ("frankfurt", Zone::Eu(60)),
    ("hamburg", Zone::Eu(60)),
    ("munich", Zone::Eu(60)),
    ("madrid", Zone::Eu(60)),
    ("spain", Zone::Eu(60)),
    ("barcelona", Zone::Eu(60)),
    ("brussels", Zone::Eu(60)),
    ("belgium", Zone::Eu(60)),
    ("rome", Zone::Eu(60)),
    ("italy", Zone::Eu(60)),
    ("italia", Zone::Eu(60)),
    ("milan", Zone::Eu(60)),
    ("amsterdam", Zone::Eu(60)),
    ("vienna", Zone::Eu(60)),
    ("zurich", Zone::Eu(60)),
    ("geneva", Zone::Eu(60)),
    ("stockholm", Zone::Eu(60)),
    ("oslo", Zone::Eu(60)),
    ("copenhagen", Zone::Eu(60)),
    ("warsaw", Zone::Eu(60)),
    ("prague", Zone::Eu(60)),
    ("budapest", Zone::Eu(60)),
    ("belgrade", Zone::Eu(60)),
    ("athens", Zone::Eu(120)),
    ("greece", Zone::Eu(120)),
    ("kyiv", Zone::Eu(120)),
    ("kiev", Zone::Eu(120)),
    ("helsinki", Zone::Eu(120)),
    ("bucharest", Zone::Eu(120)),
    ("sofia", Zone::Eu(120)),
    ("cairo", Zone::Fixed(120)),
    ("johannesburg", Zone::Fixed(120)),
    ("cape town", Zone::Fixed(120)),
    ("south africa", Zone::Fixed(120)),
    ("lagos", Zone::Fixed(60)),
    ("nigeria", Zone::Fixed(60)),
    ("nairobi", Zone::Fixed(180)),
    ("moscow", Zone::Fixed(180)),
    ("istanbul", Zone::Fixed(180)),
    ("ankara", Zone::Fixed(180)),
    ("turkey", Zone::Fixed(180)),
    ("türkiye", Zone::Fixed(180)),
    ("riyadh", Zone::Fixed(180)),
    ("doha", Zone::Fixed(180)),
    ("qatar", Zone::Fixed(180)),
    ("dubai", Zone::Fixed(240)),
    ("abu dhabi", Zone::Fixed(240)),
    ("emirates", Zone::Fixed(240)),
    ("uae", Zone::Fixed(240)),
    ("muscat", Zone::Fixed(240)),
    ("baku", Zone::Fixed(240)),
    ("karachi", Zone::Fixed(300)),
    ("pakistan", Zone::Fixed(300)),
    ("india", Zone::Fixed(330)),
    ("new delhi", Zone::Fixed(330)),
    ("mumbai", Zone::Fixed(330)),
    ("jakarta", Zone::Fixed(420)),
    ("indonesia", Zone::Fixed(420)),
    ("bangkok", Zone::Fixed(420)),
    ("hanoi", Zone::Fixed(420)),
    ("vietnam", Zone::Fixed(420)),
    ("beijing", Zone::Fixed(480)),
    ("china", Zone::Fixed(480)),
    ("shanghai", Zone::Fixed(480)),
    ("xinhua", Zone::Fixed(480)),
    ("hong kong", Zone::Fixed(480)),
    ("singapore", Zone::Fixed(480)),
    ("malaysia", Zone::Fixed(480)),
    ("kuala lumpur", Zone::Fixed(480)),
    ("bernama", Zone::Fixed(480)),
    ("manila", Zone::Fixed(480)),
    ("philippines", Zone::Fixed(480)),
    ("taipei", Zone::Fixed(480)),
    ("tokyo", Zone::Fixed(540)),
    ("japan", Zone::Fixed(540)),
    ("seoul", Zone::Fixed(540)),
    ("korea", Zone::Fixed(540)),
    ("new york", Zone::Us(-300)),
    ("washington", Zone::Us(-300)),
    ("toronto", Zone::Us(-300)),
    ("miami", Zone::Us(-300)),
    ("havana", Zone::Us(-300)),
    ("cuba", Zone::Us(-300)),
    ("chicago", Zone::Us(-360)),
    ("houston", Zone::Us(-360)),
    ("texas", Zone::Us(-360)),
    ("mexico city", Zone::Fixed(-360)),
    ("denver", Zone::Us(-420)),
    ("colorado", Zone::Us(-420)),
    ("los angeles", Zone::Us(-480)),
    ("california", Zone::Us(-480)),
    ("san francisco", Zone::Us(-480)),
    ("seattle", Zone::Us(-480)),
    ("bogota", Zone::Fixed(-300)),
    ("lima", Zone::Fixed(-300)),
    ("caracas", Zone::Fixed(-240)),
    ("buenos aires", Zone::Fixed(-180)),
    ("são paulo", Zone::Fixed(-180)),
    ("brasília", Zone::Fixed(-180)),
];

fn place_zone(place: &str) -> Option<Zone> {
    let place = place.trim().to_lowercase();
    PLACES.iter().find(|(p, _)| *p == place).map(|&(_, z)| z)
}

/// The zone of the first place named in `text` (masthead, header lines): where the outlet is
/// based, for times printed without a zone.
pub fn zone_hint(text: &str) -> Option<Zone> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        let names: Vec<String> = PLACES.iter().map(|(p, _)| regex::escape(p)).collect();
        Regex::new(&format!(r"(?i)\b(?:{})\b", names.join("|"))).expect("place regex")
    });
    re.find(text).and_then(|m| place_zone(m.as_str()))
}

const MONTHS: &str = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";

struct Patterns {
    iso: Regex,
    numeric: Regex,
    day_month: Regex,
    month_day: Regex,
    time: Regex,
    zone: Regex,
    role: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        iso: Regex::new(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?\b").expect("iso"),
        numeric: Regex::new(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b").expect("numeric"),
        day_month: Regex::new(&format!(r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?({MONTHS})\.?,?\s+(\d{{4}})\b")).expect("dmy"),
        month_day: Regex::new(&format!(r"(?i)\b({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")).expect("mdy"),
        time: Regex::new(r"(?i)\b(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s?m\b\.?)?").expect("time"),
        zone: Regex::new(r"^\s*[,(]?\s*(?:(UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?|(Uhr)\b|([A-Z]{1,5})\b|\(([A-Za-zÀ-ÿ .'-]{3,30})\))").expect("zone"),
        role: Regex::new(r"(?i)\b(updated|last updated|modified|actualizado|aktualisiert|mis à jour|published|posted|first published|publicado|veröffentlicht|publié|today|hoy|heute|aujourd)").expect("role"),
    })
}

/// Dates in `line`, in order. `hint` is the zone of the place the outlet is based, if known;
/// it places a time printed without a zone.
pub fn find(line: &str, hint: Option<Zone>) -> Vec<Found> {
    // Every form read here has a four-digit year.
    if line.len() > 400 || !line.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit)) {
        return Vec::new();
    }
    let p = patterns();
    let mut dates: Vec<(usize, usize, NaiveDate, Option<(NaiveTime, Option<Zone>, usize, usize)>)> = Vec::new();
    for c in p.iso.captures_iter(line) {
        let (Some(m), Some(d)) = (c.get(0), ymd(&c[1], &c[2], &c[3])) else {
            continue;
        };
        let time = c.get(4).and_then(|h| hms(h.as_str(), &c[5], c.get(6).map(|s| s.as_str()), None));
        let zone = c.get(7).and_then(|z| numeric_offset(z.as_str())).map(Zone::Fixed);
        let time = match time {
            Some(t) => {
                let zone = zone.or_else(|| zone_after(line, m.end(), hint).map(|(z, _)| z)).or(hint);
                Some((t, zone, m.start(), m.end()))
            }
            None => time_near(line, m.start(), m.end(), hint),
        };
        dates.push((m.start(), m.end(), d, time));
    }
    let mut calendar: Vec<(usize, usize, NaiveDate)> = Vec::new();
    for c in p.day_month.captures_iter(line) {
        if let (Some(m), Some(mo)) = (c.get(0), month(&c[2])) {
            if let Some(d) = ymd(&c[3], &mo.to_string(), &c[1]) {
                calendar.push((m.start(), m.end(), d));
            }
        }
    }
    for c in p.month_day.captures_iter(line) {
        if let (Some(m), Some(mo)) = (c.get(0), month(&c[1])) {
            if let Some(d) = ymd(&c[3], &mo.to_string(), &c[2]) {
                calendar.push((m.start(), m.end(), d));
            }
        }
    }
    // Month first (03/06 = March 6) only on North American pages: a US zone printed, and the
    // outlet not known to be based elsewhere (Mexico's "CST" pages write day first).
    let us_zone = match hint {
        Some(Zone::Us(_)) => true,
        Some(_) => false,
        None => zone_in(line).is_some_and(|z| matches!(z, Zone::Us(_)) || matches!(z, Zone::Fixed(m) if m <= -240)),
    };
    for c in p.numeric.captures_iter(line) {
        let Some(m) = c.get(0) else { continue };
        let (a, b) = (&c[1], &c[2]);
        let (na, nb) = (a.parse::<u32>().unwrap_or(0), b.parse::<u32>().unwrap_or(0));
        let month_first = nb > 12 || (na <= 12 && us_zone);
        let d = if month_first { ymd(&c[3], a, b) } else { ymd(&c[3], b, a) };
        if let Some(d) = d {
            calendar.push((m.start(), m.end(), d));
        }
    }
    for (start, end, d) in calendar {
        if dates.iter().any(|&(s, e, ..)| s < end && start < e) {
            continue;
        }
        let time = time_near(line, start, end, hint);
        dates.push((start, end, d, time));
    }
    dates.sort_by_key(|&(s, ..)| s);
    dates
        .into_iter()
        .map(|(start, end, date, time)| {
            let from = time.map_or(start, |(_, _, ts, _)| ts.min(start));
            let to = time.map_or(end, |(_, _, _, te)| te.max(end));
            let value = match time {
                Some((t, Some(zone), ..)) => instant(date.and_time(t), zone).unwrap_or(Published::Date(date)),
                _ => Published::Date(date),
            };
            Found {
                span: Span::new(from, to),
                value,
                role: role_before(line, from),
            }
        })
        .collect()
}

fn instant(local: NaiveDateTime, zone: Zone) -> Option<Published> {
    let offset = FixedOffset::east_opt(zone.offset_minutes(local) * 60)?;
    offset.from_local_datetime(&local).single().map(Published::Instant)
}

/// The clock time printed just after or just before the date at `start..end`, with its zone.
fn time_near(line: &str, start: usize, end: usize, hint: Option<Zone>) -> Option<(NaiveTime, Option<Zone>, usize, usize)> {
    let p = patterns();
    let close = |gap: &str| gap.len() <= 16 && !gap.contains(['.', ';']) || gap.trim().is_empty();
    for c in p.time.captures_iter(line) {
        let Some(m) = c.get(0) else { continue };
        let after = m.start() >= end && close(&line[end..m.start()]);
        let before = m.end() <= start && close(&line[m.end()..start]);
        if !(after || before) {
            continue;
        }
        let Some(t) = hms(&c[1], &c[2], c.get(3).map(|s| s.as_str()), c.get(4).map(|s| s.as_str())) else {
            continue;
        };
        let zone = zone_after(line, m.end(), hint);
        let zone_end = zone.map_or(m.end(), |(_, e)| e);
        let zone = zone
            .map(|(z, _)| z)
            .or_else(|| if after { zone_after(line, end, hint).map(|(z, _)| z) } else { None });
        return Some((t, zone.or(hint), m.start(), zone_end));
    }
    None
}

/// The zone printed at `at` ("UTC+8", "JST", "(CST)", "Uhr", "(Havana)") and where it ends.
fn zone_after(line: &str, at: usize, hint: Option<Zone>) -> Option<(Zone, usize)> {
    let c = patterns().zone.captures(line.get(at..)?)?;
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
        if abbr == "CST" && hint == Some(Zone::Fixed(480)) {
            return Some((Zone::Fixed(480), end));
        }
        return ABBREVIATIONS.iter().find(|(a, _)| *a == abbr).map(|&(_, z)| (z, end));
    }
    c.get(7).and_then(|place| place_zone(place.as_str())).map(|z| (z, end))
}

/// Any zone abbreviation in the line (to read 03/06 as month first on US pages).
fn zone_in(line: &str) -> Option<Zone> {
    line.split(|c: char| !c.is_ascii_alphabetic())
        .find_map(|w| ABBREVIATIONS.iter().find(|(a, _)| *a == w && w.len() >= 2).map(|&(_, z)| z))
}

fn role_before(line: &str, at: usize) -> DateRole {
    let head = &line[..at];
    let segment = head.rsplit(['|', '·']).next().unwrap_or(head);
    match patterns().role.find(segment).map(|m| m.as_str().to_lowercase()) {
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

fn month(name: &str) -> Option<u32> {
    let n = name.to_lowercase();
    let i = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .iter()
        .position(|m| n.starts_with(m))?;
    Some(i as u32 + 1)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(line: &str, hint: Option<Zone>) -> Vec<String> {
        find(line, hint).iter().map(|f| f.value.to_iso()).collect()
    }

    #[test]
    fn reads_the_forms_pages_print() {
        let cases: &[(&str, Option<Zone>, &str)] = &[
            ("08:48 UTC+8, 2025-03-13", None, "2025-03-13T08:48:00+08:00"),
            ("Updated 12 March 2025", None, "2025-03-12"),
            ("Published 11/02/2024 - 22:31 GMT | AFP", None, "2024-02-11T22:31:00+00:00"),
            ("12 Feb 2024 - 00:06 | Reuters", None, "2024-02-12"),
            ("12 Feb 2024 - 00:06 | Reuters", Some(Zone::Fixed(120)), "2024-02-12T00:06:00+02:00"),
            ("Published 5:12 PM EST, February 11, 2024", None, "2024-02-11T17:12:00-05:00"),
            ("12.02.2024 01:25 (GMT+3)", None, "2024-02-12T01:25:00+03:00"),
            (
                "Source: Xinhua | 2024-02-12 08:15:40 | Editor: Liu Yang",
                Some(Zone::Fixed(480)),
                "2024-02-12T08:15:40+08:00",
            ),
            ("Mar 19, 2024 | 12:41 JST", None, "2024-03-19T12:41:00+09:00"),
            (
                "March 19, 2024 3:06 PM GMT+8 · Updated 5 hours ago",
                None,
                "2024-03-19T15:06:00+08:00",
            ),
            ("Published: 19 Mar 2024, 17:55 GST", None, "2024-03-19T17:55:00+04:00"),
            ("19/03/2024 05:12 PM", Some(Zone::Fixed(480)), "2024-03-19T17:12:00+08:00"),
            ("Published 11:58 PM EDT, March 18, 2024", None, "2024-03-18T23:58:00-04:00"),
            (
                "Agencia EFE | Mexico City | 03/06/2024 00:41 (CST)",
                Some(Zone::Fixed(-360)),
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
        ];
        for (line, hint, want) in cases {
            assert_eq!(iso(line, *hint), [*want], "{line}");
        }
    }

    #[test]
    fn roles_come_from_the_words_before() {
        let found = find("Published 11:48 PM PDT, June 2, 2024 | Updated 4:15 AM PDT, June 3, 2024", None);
        let roles: Vec<DateRole> = found.iter().map(|f| f.role).collect();
        assert_eq!(roles, [DateRole::Published, DateRole::Updated]);
        assert_eq!(find("Today: March 16, 2025", None)[0].role, DateRole::Today);
    }

    #[test]
    fn china_pages_read_cst_as_beijing_time() {
        assert_eq!(iso("2025-03-13 08:48 CST", Some(Zone::Fixed(480))), ["2025-03-13T08:48:00+08:00"]);
    }

    #[test]
    fn nonsense_is_not_a_date() {
        assert!(find("Call 555-1234 or 99/99/9999 at 25:61", None).is_empty());
    }
}
