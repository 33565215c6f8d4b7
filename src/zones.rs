//! **IANA zones as data**: each zone the vocabulary names, as its UTC offsets since 1970
//! (`data/zones.tsv`, made from chrono-tz's database by `tests/zones.rs`, which also checks
//! that every local time reads the same offset here as there).
//!
//! Why not chrono-tz itself: its tables hold each zone's whole history in a form that cost the
//! page's analysis worker about 35 KB brotli even for these few zones; the changes since 1970
//! are all a news page can need, and they compress to a few kilobytes. Before 1970 a zone keeps
//! its 1970 offset.

use chrono::{FixedOffset, NaiveDate, NaiveDateTime};
use std::sync::LazyLock;

/// An IANA zone of `data/zones.tsv` ("Europe/Paris"). Cheap to copy: an index into the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Iana(u16);

/// One zone: its name and its offsets, each from the minute it starts (minutes since
/// 1970-01-01 UTC; the first from the start of time), in order.
struct History {
    name: &'static str,
    offsets: Vec<(i64, i32)>,
}

static ZONES: LazyLock<Vec<History>> = LazyLock::new(|| parse(include_str!("../data/zones.tsv")));

/// A zone line (`name<TAB>minutes east of UTC`) starts a zone; each indented line
/// (`<TAB>YYYY-MM-DDTHH:MM<TAB>minutes`) is a change, at that UTC minute. Malformed lines fail
/// the tests, never a paste.
fn parse(tsv: &'static str) -> Vec<History> {
    let mut zones: Vec<History> = Vec::new();
    for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        match line.split('\t').collect::<Vec<_>>()[..] {
            [name, minutes] => {
                if let Ok(minutes) = minutes.parse() {
                    zones.push(History { name, offsets: vec![(i64::MIN, minutes)] });
                }
            }
            ["", at, minutes] => {
                if let (Some(at), Ok(minutes), Some(zone)) = (utc_minute(at), minutes.parse(), zones.last_mut()) {
                    zone.offsets.push((at, minutes));
                }
            }
            _ => {}
        }
    }
    zones
}

/// Minutes since 1970-01-01 00:00 UTC of "YYYY-MM-DDTHH:MM".
fn utc_minute(at: &str) -> Option<i64> {
    let numbers: Vec<u32> = at.split(['-', 'T', ':']).map(str::parse).collect::<Result<_, _>>().ok()?;
    let [year, month, day, hour, minute] = numbers[..] else { return None };
    let time = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?.and_hms_opt(hour, minute, 0)?;
    Some(minutes_since_epoch(time))
}

fn minutes_since_epoch(time: NaiveDateTime) -> i64 {
    time.and_utc().timestamp().div_euclid(60)
}

/// The zone named `name`, among those of `data/zones.tsv`.
pub fn iana(name: &str) -> Option<Iana> {
    ZONES.iter().position(|zone| zone.name == name).and_then(|i| u16::try_from(i).ok()).map(Iana)
}

impl Iana {
    /// Its IANA name.
    pub fn name(self) -> &'static str {
        ZONES.get(usize::from(self.0)).map_or("", |zone| zone.name)
    }

    /// The UTC offset of the local time `local` here: the earlier reading where the clock went
    /// back (the hour seen twice), none where it jumped forward (the hour skipped), as chrono's
    /// `offset_from_local_datetime(..).earliest()` reads it.
    pub fn offset_at_local(self, local: NaiveDateTime) -> Option<FixedOffset> {
        let offsets = &ZONES.get(usize::from(self.0))?.offsets;
        let local = minutes_since_epoch(local);
        // No zone is more than a day from UTC: only offsets starting within a day can apply.
        let first = offsets.partition_point(|&(start, _)| start <= local - 24 * 60).saturating_sub(1);
        (first..offsets.len())
            .take_while(|&i| offsets[i].0 <= local + 24 * 60)
            .find(|&i| {
                let utc = local - i64::from(offsets[i].1);
                offsets[i].0 <= utc && offsets.get(i + 1).is_none_or(|&(next, _)| utc < next)
            })
            .and_then(|i| FixedOffset::east_opt(offsets[i].1 * 60))
    }
}
