//! `data/zones.tsv` is chrono-tz's database for the zones the vocabulary names, since 1970:
//! the table is what chrono-tz says (`WIRETRACE_WRITE_ZONES=1 cargo test --release --test zones`
//! writes it anew, e.g. after a zone is added to data/places.tsv or data/zone_abbreviations.tsv
//! and to CHRONO_TZ_TIMEZONE_FILTER in .cargo/config.toml), and every local time reads the
//! offset chrono-tz gives it.

use chrono::{Duration, NaiveDate, NaiveDateTime, Offset, TimeZone};
use chrono_tz::Tz;
use wiretrace::zones::iana;

const TABLE: &str = include_str!("../data/zones.tsv");

const HEADER: &str = "\
# The IANA zones the vocabulary names (data/places.tsv, data/zone_abbreviations.tsv), as their
# UTC offsets since 1970, read by src/zones.rs. Made from chrono-tz by tests/zones.rs
# (WIRETRACE_WRITE_ZONES=1 cargo test --release --test zones), never by hand.
# name<TAB>minutes east of UTC in 1970; then, indented, each change: <TAB>UTC minute<TAB>minutes.
";

/// 1970 to the end of chrono-tz's tables (it holds no change after 2037).
fn years() -> (NaiveDateTime, NaiveDateTime) {
    let at = |year| NaiveDate::from_ymd_opt(year, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0)).expect("a date");
    (at(1970), at(2040))
}

fn minutes_east(tz: Tz, utc: NaiveDateTime) -> i32 {
    tz.offset_from_utc_datetime(&utc).fix().local_minus_utc() / 60
}

/// The zone's changes: every six hours, then the minute found by halving.
fn changes(tz: Tz) -> Vec<(NaiveDateTime, i32)> {
    let (mut at, end) = years();
    let mut found = Vec::new();
    let mut offset = minutes_east(tz, at);
    while at < end {
        let next = at + Duration::hours(6);
        if minutes_east(tz, next) != offset {
            let (mut before, mut after) = (at, next);
            while after - before > Duration::minutes(1) {
                let middle = before + (after - before) / 2;
                if minutes_east(tz, middle) == offset { before = middle } else { after = middle }
            }
            offset = minutes_east(tz, after);
            found.push((after, offset));
        }
        at = next;
    }
    found
}

fn named_zones() -> Vec<Tz> {
    let mut names: Vec<&str> = wiretrace::vocabulary::places().iter().filter_map(|&(_, zone)| zone.map(|z| z.name())).collect();
    names.extend(wiretrace::vocabulary::zone_abbreviations().iter().filter_map(|&(_, zone)| match zone {
        wiretrace::vocabulary::Zone::Iana(z) => Some(z.name()),
        wiretrace::vocabulary::Zone::Fixed(_) => None,
    }));
    names.sort_unstable();
    names.dedup();
    names.iter().map(|name| name.parse().unwrap_or_else(|_| panic!("{name} is not in chrono-tz's filter"))).collect()
}

fn table() -> String {
    let mut out = HEADER.to_string();
    for tz in chrono_tz::TZ_VARIANTS {
        let start = minutes_east(tz, years().0);
        out += &format!("{}\t{start}\n", tz.name());
        for (at, minutes) in changes(tz) {
            out += &format!("\t{}\t{minutes}\n", at.format("%Y-%m-%dT%H:%M"));
        }
    }
    out
}

#[test]
fn the_table_is_chrono_tz_s() {
    let made = table();
    if std::env::var_os("WIRETRACE_WRITE_ZONES").is_some() {
        std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/data/zones.tsv"), &made).expect("data/zones.tsv written");
    } else {
        assert!(made == TABLE, "data/zones.tsv is not chrono-tz's: WIRETRACE_WRITE_ZONES=1 cargo test --release --test zones");
    }
}

#[test]
fn every_named_zone_is_in_the_table() {
    let zones = named_zones();
    assert!(zones.len() > 20);
    for tz in zones {
        assert!(iana(tz.name()).is_some(), "{} missing", tz.name());
    }
}

/// Every 217 minutes (so every clock time comes up), and each minute of the three hours around
/// each change: the same offset as chrono-tz, the
/// earlier where the hour is seen twice and none where it is skipped.
#[test]
fn local_times_read_chrono_tz_s_offsets() {
    for tz in chrono_tz::TZ_VARIANTS {
        let zone = iana(tz.name()).expect("in the table");
        let expect = |local: NaiveDateTime| tz.offset_from_local_datetime(&local).earliest().map(|o| o.fix());
        let around = changes(tz).into_iter().flat_map(|(at, _)| (-180..180).map(move |m| at + Duration::minutes(m)));
        let (start, end) = years();
        let samples = std::iter::successors(Some(start), |t| Some(*t + Duration::minutes(30 * 7 + 7))).take_while(|t| *t < end);
        for local in around.chain(samples) {
            assert_eq!(zone.offset_at_local(local), expect(local), "{} at {local}", tz.name());
        }
    }
}
