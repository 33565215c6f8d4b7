//! The one time type, from cleaning to the report: when a page says it was published.
//!
//! Cleaning reads a [`PageTime`] from the page (`clean/dates.rs`), tracing orders them
//! (`trace/time.rs`), and only the report turns one into text (`report.rs`).

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime};

/// When a page was published, as far as it says. Never invented: a clock time no zone places
/// keeps no guessed offset, and a date without a clock gets none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageTime {
    /// An instant with its UTC offset, and how that offset was known.
    Instant {
        /// The local time printed, with its offset.
        at: DateTime<FixedOffset>,
        /// Where the offset comes from.
        zone: ZoneSource,
    },
    /// A date and clock time that no zone places: none printed and none known from where the
    /// outlet is based, or an hour its zone skips when summer time starts.
    Zoneless(NaiveDateTime),
    /// A date without a clock time.
    Date(NaiveDate),
}

/// How an instant's offset was known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoneSource {
    /// The page prints the zone ("17:55 GST", "(Tokyo)", "+01:00").
    Printed,
    /// The page prints none: the offset is that of where the outlet is based (a place its
    /// masthead names, or a month name of a language read in one zone only).
    FromBase,
}

/// The offsets in use on Earth: a zoneless local time lies this far either side of UTC.
const EAST_MOST: i64 = 14;
const WEST_MOST: i64 = 12;

impl PageTime {
    /// The calendar date printed on the page.
    pub fn local_date(&self) -> NaiveDate {
        match self {
            PageTime::Instant { at, .. } => at.date_naive(),
            PageTime::Zoneless(t) => t.date(),
            PageTime::Date(d) => *d,
        }
    }

    /// The earliest and latest UTC time it can be; `None` for a bare date.
    pub fn window(&self) -> Option<(NaiveDateTime, NaiveDateTime)> {
        match self {
            PageTime::Instant { at, .. } => Some((at.naive_utc(), at.naive_utc())),
            PageTime::Zoneless(t) => Some((*t - Duration::hours(EAST_MOST), *t + Duration::hours(WEST_MOST))),
            PageTime::Date(_) => None,
        }
    }
}
