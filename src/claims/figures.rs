//! Figures: numbers with their unit, scale and bound, normalised so that differently written
//! statements of one quantity compare equal.
//!
//! "1,100 square kilometres" and "425 sq mi" become the same area in km²; "86%", "86 percent"
//! and "86 per cent" the same percentage; "two million" is 2,000,000; "over 400", "about 430" and
//! "more than 380" keep their bound. Clock times with a zone are turned into UTC minutes, so
//! "8:25 a.m. EDT" equals "1225 GMT". Each figure keeps the span it was read from.

use crate::span::Span;
use crate::vocabulary::{self, Language, Zone, NUMBER_WORDS, STOP_AFTER_NUMBER};
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

/// How a figure is bounded in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// "430", "between 58.3 and 60.7"
    Exact,
    /// "about 430", "some 98 million", "roughly 6 trillion yen"
    About,
    /// "over 400", "more than 1,000", "at least 38"
    AtLeast,
    /// "nearly 200", "almost 500", "less than two years"
    AtMost,
}

/// One quantity read from the text. `value..=upper` is the stated range (equal for a point).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    /// Where the figure is printed.
    pub span: Span,
    /// Its value in its unit (the lower end of a range).
    pub value: f64,
    /// The upper end of a range; the value itself otherwise.
    pub upper: f64,
    /// Canonical unit: `count`, `%`, `share` (fractions), `km2`, `m`, `min`, `l`, `year`,
    /// `date` (month*100+day),
    /// `utc` and `clock` (minutes after midnight), `ordinal`, `score`, `age`, or a currency code.
    pub unit: String,
    /// What the words before it say of the value: "more than", "about", "up to".
    pub bound: Bound,
    /// For counts, the counted noun ("soldiers"), when the text names one.
    pub noun: Option<String>,
    /// The place of its last significant digit as written, in its unit: 0.01 for "52.14%",
    /// 100,000 for "1.9 million", 1 for "430"; 1 for labels (years, dates, clock times).
    pub precision: f64,
}

/// How two figures of one unit relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relation {
    /// A different fact: labels that differ (another year, date, score), or measures apart
    /// even at one significant digit (62 and 95 dead).
    Conflict,
    /// Measures that disagree at their stated precision yet read alike at one significant
    /// digit (22 vs 23 dead, 37 vs "at least 38", 52.3% vs 52.1%): two facts, or one that
    /// changed on the way; the values do not say which, the rest of the claims' words do.
    Differs,
    /// Consistent once bounds are read ("430" vs "over 400"), or a label one step off at its
    /// precision (the 62nd and 63rd minute, 6:03 and 6:04 pm): one fact, written differently.
    Compatible,
    /// The same value, however written: at another precision ("52.1%" and "52.14%", "1.9
    /// million" and "1,913,000") or in another unit (1,100 km² and 425 sq mi).
    Equal,
}

impl Figure {
    /// A calendar date without a year, as `month * 100 + day`.
    fn date(span: Span, month_day: f64) -> Figure {
        Figure { span, value: month_day, upper: month_day, unit: "date".into(), bound: Bound::Exact, noun: None, precision: 1.0 }
    }

    /// Units whose values are labels rather than measures: a year, a date, a clock time, a
    /// score, a rank, an age. They are never rounded.
    fn is_exact_unit(&self) -> bool {
        matches!(self.unit.as_str(), "year" | "date" | "score" | "ordinal" | "utc" | "clock" | "age")
    }

    /// The range the figure allows: an exact figure the values that round to it at its
    /// precision; a bounded one what its bound word allows ("about zero" is no wider than zero).
    fn interval(&self) -> (f64, f64) {
        let (lo, hi) = (self.value, self.upper);
        let half = self.precision / 2.0;
        match self.bound {
            Bound::Exact => (lo - half, hi + half),
            Bound::About => (lo * ABOUT_SPREAD.0, hi * ABOUT_SPREAD.1),
            Bound::AtLeast => (lo, hi * AT_LEAST_REACH),
            Bound::AtMost => (lo * AT_MOST_REACH, hi),
        }
    }

    /// Whether two units measure the same kind of thing (counts of any noun are one kind).
    pub fn same_kind(&self, other: &Figure) -> bool {
        self.unit == other.unit
    }

    /// How this figure relates to `other`, a figure of the same unit.
    pub fn relation(&self, other: &Figure) -> Relation {
        if self.value == other.value && self.upper == other.upper && self.bound == other.bound {
            return Relation::Equal;
        }
        if self.is_exact_unit() {
            // A match minute, a clock minute or an age is a truncation: sources reading one
            // moment or birthday may land a step apart.
            let one_step = matches!(self.unit.as_str(), "ordinal" | "age" | "utc" | "clock") && (self.value - other.value).abs() <= 1.0;
            return if one_step { Relation::Compatible } else { Relation::Conflict };
        }
        let (a0, a1) = self.interval();
        let (b0, b1) = other.interval();
        // Strict overlap, with a margin for the float error of converted units: 8.7 and 8.8
        // only touch at 8.75.
        let margin = 1e-9 * a1.abs().max(b1.abs());
        if a0 + margin < b1 && b0 + margin < a1 {
            let both_exact = self.bound == Bound::Exact && other.bound == Bound::Exact;
            return if both_exact { Relation::Equal } else { Relation::Compatible };
        }
        if self.alike_at_one_digit(other) { Relation::Differs } else { Relation::Conflict }
    }

    /// Whether two measures that disagree at their precision still read alike at the coarsest
    /// precision a retelling keeps, one significant digit of the larger ("194" and "197", "37"
    /// and "at least 38"; not 62 and 95 dead). An approximate duration is retold more loosely:
    /// alike at its order of magnitude ("65 minutes" and "about 90").
    fn alike_at_one_digit(&self, other: &Figure) -> bool {
        let larger = self.value.abs().max(other.value.abs());
        // libm: the same digits natively and in wasm32.
        let mut place = 10f64.powi(libm::log10(larger).floor() as i32);
        if self.unit == "min" && (self.bound == Bound::About || other.bound == Bound::About) {
            place *= 10.0;
        }
        (self.value / place).round() == (other.value / place).round()
    }

    /// A short key for the index and for explanations: `430 count`, `1100 km2`.
    pub fn key(&self) -> String {
        // Rounding would make "2016" and "2024" one key; calendar and clock values stay exact.
        let value = if self.is_exact_unit() { self.value } else { round_sig(self.value) };
        let v = format!("{value:.3}");
        let v = v.trim_end_matches('0').trim_end_matches('.');
        format!("{v} {}", self.unit)
    }
}

/// How far "about" reaches either side of its value (beyond its precision): "about 430"
/// allows 390 to 470.
const ABOUT_SPREAD: (f64, f64) = (0.9, 1.1);
/// How far above its value "over" reaches: "over 400" holds for 430, not for 500.
const AT_LEAST_REACH: f64 = 1.12;
/// How far below its value "nearly" reaches: "nearly 200" holds for 194, not for 150.
const AT_MOST_REACH: f64 = 0.85;

/// The precision of the number token `text`: a number in words counts in units ("twenty-two").
fn number_precision(text: &str, in_words: bool) -> f64 {
    if in_words {
        1.0
    } else {
        written_precision(text.trim_end_matches(|c: char| c.is_ascii_alphabetic()))
    }
}

/// The place of the last significant digit of `digits` as written: 0.01 for "52.14" (or
/// "52,14"), 1 for "430" or "1,100". Whole thousands groups of zeros are rounding ("35,000",
/// "1,913,000": 1,000): a smaller round number ("20", "400") may be an exact count.
fn written_precision(digits: &str) -> f64 {
    if let Some((_, decimals)) = digits.split_once('.').filter(|_| !digits.contains(',')).or_else(|| decimal_comma(digits)) {
        return 10f64.powi(-(decimals.len() as i32));
    }
    let whole: String = digits.chars().filter(char::is_ascii_digit).collect();
    let zeros = whole.len() - whole.trim_end_matches('0').len();
    let groups = if whole.trim_end_matches('0').is_empty() { 0 } else { zeros / 3 };
    1000f64.powi(groups as i32)
}

/// Rounds to three significant digits, so converted values ("425 sq mi" = 1100.7 km²) print
/// and index like the original.
fn round_sig(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return 0.0;
    }
    let mag = 10f64.powi(libm::log10(v.abs()).floor() as i32 - 2); // libm: same digits natively and in wasm32
    (v / mag).round() * mag
}

/// One token of the text: a number, a word, a currency sign or punctuation, with its span.
#[derive(Clone, Copy, Debug)]
struct Token<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"US\$|[$€£¥]|\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?|[^\W\d_][^\W\d_'’]*(?:['’][^\W\d_]+)*\.?|%|²|\S")
            .expect("valid token regex")
    });

fn tokens(text: &str) -> Vec<Token<'_>> {
    TOKEN
        .find_iter(text)
        .map(|m| Token {
            text: m.as_str(),
            start: m.start(),
            end: m.end(),
        })
        .collect()
}

fn word_number(w: &str) -> Option<f64> {
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let w = w.to_lowercase();
    if let Some(i) = NUMBER_WORDS.iter().position(|s| *s == w) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|s| *s == w) {
        return Some(20.0 + 10.0 * i as f64);
    }
    match w.as_str() {
        "dozen" => Some(12.0),
        "a" | "an" => None,
        _ => None,
    }
}

fn scale_word(w: &str) -> Option<f64> {
    match w.to_lowercase().trim_end_matches('.') {
        "hundred" => Some(1e2),
        "thousand" => Some(1e3),
        "million" | "millions" | "mln" | "m" => Some(1e6),
        "billion" | "billions" | "bn" | "b" => Some(1e9),
        "trillion" | "trillions" | "tn" => Some(1e12),
        _ => None,
    }
}

/// An English month name or abbreviation ("February", "Feb.", "Sept"); "Mar" is left out, a
/// word in other languages too.
pub(crate) fn month(w: &str) -> Option<u32> {
    let w = w.to_lowercase();
    let w = w.trim_end_matches('.');
    if w.len() < 3 || w == "mar" {
        return None;
    }
    vocabulary::month_in(w, &[Language::En])
}

/// Offset in minutes from UTC of a zone abbreviation with a fixed offset ("GMT", "JST", "CDT").
fn zone_offset(w: &str) -> Option<i32> {
    match vocabulary::zone_abbreviation(w)? {
        Zone::Fixed(minutes) => Some(minutes),
        // "ET" has two offsets a year: a figure has no date to choose one.
        Zone::Iana(_) => None,
    }
}

/// Unit words after a number: (how many tokens they take, canonical unit, factor to it).
fn unit_after(toks: &[Token], i: usize) -> Option<(usize, &'static str, f64)> {
    let w = |k: usize| toks.get(i + k).map(|t| t.text.to_lowercase()).unwrap_or_default();
    let w0 = w(0);
    let w0 = w0.trim_end_matches('.');
    let square = matches!(w0, "square" | "sq");
    if square {
        let w1 = w(1);
        return match w1.trim_end_matches('.') {
            "kilometres" | "kilometers" | "kilometre" | "kilometer" | "km" => Some((2, "km2", 1.0)),
            "miles" | "mile" | "mi" => Some((2, "km2", 2.589_988)),
            "metres" | "meters" | "metre" | "meter" | "m" => Some((2, "m2", 1.0)),
            _ => None,
        };
    }
    // "km²", and "km2" / "m2" tokenised as a unit and a digit written right after it.
    let squared_next = toks
        .get(i + 1)
        .is_some_and(|t| t.text == "²" || t.text == "2" && toks.get(i).is_some_and(|u| u.end == t.start));
    if squared_next {
        match w0 {
            "km" | "km2" => return Some((2, "km2", 1.0)),
            "m" => return Some((2, "m2", 1.0)),
            "mi" => return Some((2, "km2", 2.589_988)),
            _ => {}
        }
    }
    let single = match w0 {
        "%" | "percent" | "pct" => ("%", 1.0),
        "per" if w(1).trim_end_matches('.') == "cent" => return Some((2, "%", 1.0)),
        "percentage" if w(1).starts_with("point") => return Some((2, "pp", 1.0)),
        "km2" => ("km2", 1.0),
        // "two thirds", "three-quarters": a share of a body or a whole, in per cent, kept apart
        // from measured percentages (a two-thirds majority is no vote share of 60.7%)
        "thirds" | "third" => ("share", 100.0 / 3.0),
        "quarters" => ("share", 25.0),
        "kilometres" | "kilometers" | "kilometre" | "kilometer" | "km" => ("m", 1000.0),
        "metres" | "meters" | "metre" | "meter" | "m" => ("m", 1.0),
        "feet" | "foot" | "ft" => ("m", 0.3048),
        "miles" | "mile" => ("m", 1609.344),
        "seconds" | "second" | "secs" => ("min", 1.0 / 60.0),
        "minutes" | "minute" | "mins" | "min" => ("min", 1.0),
        "hours" | "hour" | "hrs" => ("min", 60.0),
        "days" | "day" => ("min", 1440.0),
        "weeks" | "week" => ("min", 10080.0),
        "months" | "month" => ("min", 43_200.0),
        "years" | "year" if w(1) == "-" && w(2) == "old" => return Some((3, "age", 1.0)),
        "years" | "year" if w(1) == "old" => return Some((2, "age", 1.0)),
        "years" | "year" => ("min", 525_600.0),
        "decades" | "decade" => ("min", 5_256_000.0),
        "centuries" | "century" => ("min", 52_560_000.0),
        "litres" | "liters" | "litre" | "liter" => ("l", 1.0),
        "tonnes" | "tons" | "tonne" | "ton" => ("t", 1.0),
        "yen" => ("JPY", 1.0),
        "dollars" | "dollar" => ("USD", 1.0),
        "euros" | "euro" => ("EUR", 1.0),
        "pesos" | "peso" => ("MXN", 1.0),
        "yuan" => ("CNY", 1.0),
        "rubles" | "roubles" => ("RUB", 1.0),
        "pounds" => ("GBP", 1.0),
        _ => return None,
    };
    Some((1, single.0, single.1))
}

fn currency_before(sign: &str) -> Option<&'static str> {
    match sign {
        "$" | "US$" | "USD" => Some("USD"),
        "€" | "EUR" => Some("EUR"),
        "£" | "GBP" => Some("GBP"),
        "¥" | "JPY" => Some("JPY"),
        _ => None,
    }
}

/// Bound words just before a number ("more than", "at least", "nearly").
fn bound_before(toks: &[Token], i: usize) -> (Bound, usize) {
    let lower = |k: usize| -> String {
        if k <= i && k > 0 {
            toks[i - k].text.to_lowercase()
        } else {
            String::new()
        }
    };
    let (w1, w2) = (lower(1), lower(2));
    let two = format!("{w2} {w1}");
    match two.as_str() {
        "more than" | "at least" | "upwards of" | "in excess of" | "just over" => return (Bound::AtLeast, 2),
        "less than" | "fewer than" | "up to" | "close to" | "just under" | "as many" => return (Bound::AtMost, 2),
        _ => {}
    }
    match w1.as_str() {
        "over" | "above" | "exceeding" => (Bound::AtLeast, 1),
        "nearly" | "almost" | "under" | "below" => (Bound::AtMost, 1),
        "about" | "around" | "some" | "roughly" | "approximately" | "approx." | "circa" | "c." | "an" | "estimated" => {
            (Bound::About, 1)
        }
        _ => (Bound::Exact, 0),
    }
}

fn is_stop_after_number(w: &str) -> bool {
    STOP_AFTER_NUMBER.contains(&w)
}

/// Digits with separators: "1,100" and "1,100,000" group thousands; a single comma followed by
/// one or two digits ("58,3", "0,75") is a decimal comma, as in translated copy.
fn parse_digits(digits: &str) -> Option<f64> {
    if decimal_comma(digits).is_some() {
        digits.replacen(',', ".", 1).parse().ok()
    } else {
        digits.replace(',', "").parse().ok()
    }
}

/// The whole and decimal parts of digits written with a decimal comma ("58,3", "0,75").
fn decimal_comma(digits: &str) -> Option<(&str, &str)> {
    digits.split_once(',').filter(|(_, after)| !after.contains([',', '.']) && (1..=2).contains(&after.len()))
}

/// A number at token `i`: its value, whether it was written in words, and how many tokens it took.
fn number_at(toks: &[Token], i: usize) -> Option<(f64, bool, usize)> {
    let t = toks[i].text;
    if t.starts_with(|c: char| c.is_ascii_digit()) {
        if t.contains(':') {
            return None;
        }
        let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let v: f64 = parse_digits(digits)?;
        return Some((v, false, 1));
    }
    let first = word_number(t)?;
    // "ninety-five", "twenty five"
    if first >= 20.0 {
        let (hy, next) = if toks.get(i + 1).is_some_and(|x| x.text == "-") {
            (2, i + 2)
        } else {
            (1, i + 1)
        };
        if let Some(unit) = toks.get(next).and_then(|x| word_number(x.text)) {
            if (1.0..10.0).contains(&unit) {
                return Some((first + unit, true, hy + 1));
            }
        }
    }
    Some((first, true, 1))
}

/// Every figure in `text`, whose first byte is at `base` in the paste.
/// Digits written onto a word ("COP28", "G20", "Covid-19") are part of a name, not a figure.
fn is_part_of_name(toks: &[Token], i: usize) -> bool {
    let glued = |a: &Token, b: &Token| a.end == b.start;
    let is_word = |t: &Token| t.text.starts_with(char::is_alphabetic);
    let Some(prev) = i.checked_sub(1).and_then(|p| toks.get(p)) else {
        return false;
    };
    let digits = toks[i].text.starts_with(|c: char| c.is_ascii_digit());
    let hyphen_glued = prev.text == "-"
        && glued(prev, &toks[i])
        && i.checked_sub(2).and_then(|p| toks.get(p)).is_some_and(|w| is_word(w) && glued(w, prev));
    digits && glued(prev, &toks[i]) && (is_word(prev) || hyphen_glued)
}

/// The figures of `text`, spans offset by `base`.
pub fn figures(text: &str, base: usize) -> Vec<Figure> {
    let toks = tokens(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if is_part_of_name(&toks, i) {
            i += 1;
            continue;
        }
        match figure_at(&toks, i) {
            Some((fig, used)) => {
                out.push(Figure {
                    span: Span::new(base + fig.span.start, base + fig.span.end),
                    ..fig
                });
                i += used.max(1);
            }
            None => i += 1,
        }
    }
    let out = join_compound_durations(text, base, out);
    out.into_iter().map(|f| match_minute(text, base, &f).unwrap_or(f)).collect()
}

/// Football's clock: "nine minutes from time" is the 81st minute, "seven minutes before
/// half-time" the 38th; such a duration is read as the minute it names.
fn match_minute(text: &str, base: usize, f: &Figure) -> Option<Figure> {
    const TO_FULL_TIME: &[&str] = &["left", "remaining", "from time", "to go", "from the end", "before the end", "before full-time"];
    const TO_HALF_TIME: &[&str] = &["before half-time", "before halftime", "before the break", "before the interval"];
    if f.unit != "min" || f.value != f.upper || !(1.0..45.0).contains(&f.value) || f.value.fract() != 0.0 {
        return None;
    }
    let after = text.get(f.span.end - base..).unwrap_or("").trim_start().to_lowercase();
    let starts = |phrases: &[&str]| phrases.iter().any(|p| after.starts_with(p));
    let end = if starts(TO_FULL_TIME) {
        90.0
    } else if starts(TO_HALF_TIME) {
        45.0
    } else {
        return None;
    };
    let minute = end - f.value;
    Some(Figure { value: minute, upper: minute, unit: "ordinal".into(), bound: Bound::Exact, noun: None, precision: 1.0, ..f.clone() })
}

/// "one hour and five minutes" is one duration of 65 minutes, not two of 60 and 5.
fn join_compound_durations(text: &str, base: usize, figures: Vec<Figure>) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::with_capacity(figures.len());
    for f in figures {
        if let Some(prev) = out.last_mut() {
            let between = text.get(prev.span.end - base..f.span.start - base).unwrap_or("");
            let larger_unit = prev.value == prev.upper && prev.value % 60.0 == 0.0 && f.value < prev.value.min(60.0);
            if prev.unit == "min" && f.unit == "min" && larger_unit && matches!(between.trim(), "and" | ",") {
                prev.value += f.value;
                prev.upper += f.upper;
                prev.precision = prev.precision.min(f.precision);
                prev.span = Span::new(prev.span.start, f.span.end);
                continue;
            }
        }
        out.push(f);
    }
    out
}

/// "The first rise since 2007" in a page of 2024 states the same span of time as "the first rise
/// in 17 years": for each year figure of `text` (the clause; figures carry spans offset by
/// `base`) read after "first ... since", the years elapsed up to `published_year`, as a duration
/// figure over the same words. Without "first" the year dates a state ("in place since 2016"),
/// which a span of years of another fact need not match.
pub fn elapsed_since(text: &str, base: usize, figures: &[Figure], published_year: i32) -> Vec<Figure> {
    let first = text.split(|c: char| !c.is_alphabetic()).any(|w| w.eq_ignore_ascii_case("first"));
    if !first {
        return Vec::new();
    }
    figures
        .iter()
        .filter(|f| f.unit == "year" && f.value == f.upper && f.value < f64::from(published_year))
        .filter(|f| {
            let before = &text[..f.span.start.saturating_sub(base).min(text.len())];
            let mut words = before.split_whitespace().rev();
            // "since 2007", "since February 2007"
            match (words.next(), words.next()) {
                (Some(w), _) if w.eq_ignore_ascii_case("since") => true,
                (Some(month), Some(w)) => {
                    month.starts_with(char::is_uppercase) && w.eq_ignore_ascii_case("since")
                }
                _ => false,
            }
        })
        .map(|f| {
            let years = f64::from(published_year) - f.value;
            Figure {
                value: years * 525_600.0,
                upper: years * 525_600.0,
                unit: "min".into(),
                bound: Bound::Exact,
                noun: None,
                // Years elapsed, counted in whole years.
                precision: 525_600.0,
                ..f.clone()
            }
        })
        .collect()
}

static CLOCK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{1,2}):(\d{2})$").expect("valid clock regex"));

/// "am", "p.m." (tokenised as "p." and "m."), "PM": `word` and the token after it.
fn is_meridiem(word: &str, next: &str) -> bool {
    matches!(word, "a.m." | "am" | "p.m." | "pm") || matches!(word, "a" | "p" | "a." | "p.") && next.starts_with('m')
}

static HOUR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(1[0-2]|0?[1-9])(?:\.([0-5]\d))?$").expect("valid hour regex"));

/// A clock time at token `i`: "7:25 a.m. CDT", "11:15 am", "1225 GMT", "17:45 Uhr".
fn clock_at(toks: &[Token], i: usize) -> Option<(Figure, usize)> {
    let t = toks[i].text;
    // Each reading below starts with an ASCII digit (a digit of another script never parses):
    // most tokens are words, and are turned away before any pattern runs.
    if !t.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let lower = |k: usize| toks.get(k).map(|x| x.text.to_lowercase()).unwrap_or_default();
    let has_meridiem = is_meridiem(&lower(i + 1), &lower(i + 2));
    let (mut minutes, zone_required) = if let Some(c) = CLOCK.captures(t) {
        let h: i32 = c[1].parse().ok()?;
        let m: i32 = c[2].parse().ok()?;
        (h * 60 + m, false)
    } else if let Some(c) = HOUR.captures(t).filter(|_| has_meridiem) {
        // "5 pm", "7.25am": an hour, maybe with minutes after a dot, only before a.m./p.m.
        let h: i32 = c[1].parse().ok()?;
        let m: i32 = c.get(2).map_or(Some(0), |m| m.as_str().parse().ok())?;
        (h * 60 + m, false)
    } else if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        let v: i32 = t.parse().ok()?;
        (v / 100 * 60 + v % 100, true)
    } else {
        return None;
    };
    let mut k = i + 1;
    let meridiem = lower(k);
    if is_meridiem(&meridiem, &lower(k + 1)) {
        if meridiem.starts_with('p') && minutes < 12 * 60 {
            minutes += 12 * 60;
        } else if meridiem.starts_with('a') && minutes >= 12 * 60 {
            minutes -= 12 * 60;
        }
        k += 1;
        // "a.m." is tokenised as "a." "m."
        if meridiem.len() <= 2 && lower(k).starts_with('m') {
            k += 1;
        }
    }
    let mut zone = toks.get(k).and_then(|x| zone_offset(x.text.trim_end_matches('.')));
    if zone.is_some() {
        k += 1;
    } else {
        let two = format!("{} {}", lower(k), lower(k + 1));
        zone = match two.as_str() {
            "eastern time" => Some(-240),
            "central time" => Some(-300),
            "pacific time" => Some(-420),
            _ => None,
        };
        if zone.is_some() {
            k += 2;
        }
    }
    if zone_required && zone.is_none() {
        return None;
    }
    let (unit, value) = match zone {
        Some(off) => ("utc", (minutes - off).rem_euclid(1440)),
        None => ("clock", minutes),
    };
    let span = Span::new(toks[i].start, toks[k - 1].end);
    Some((
        Figure {
            span,
            value: value as f64,
            upper: value as f64,
            unit: unit.into(),
            bound: Bound::Exact,
            noun: None,
            precision: 1.0,
        },
        k - i,
    ))
}

/// The figure starting at token `i` and how many tokens it takes: a clock time, a date, an
/// ordinal, a score, or a number with its range, unit or counted noun.
fn figure_at(toks: &[Token], i: usize) -> Option<(Figure, usize)> {
    if let Some(found) = clock_at(toks, i) {
        return Some(found);
    }
    if month(toks[i].text).is_some() {
        return month_day_at(toks, i);
    }
    let currency_sign = currency_before(toks[i].text);
    let num_i = if currency_sign.is_some() { i + 1 } else { i };
    if num_i >= toks.len() {
        return None;
    }
    let (value, in_words, used) = number_at(toks, num_i)?;
    let precision = number_precision(toks[num_i].text, in_words);
    let n = Number { start: i, at: num_i, value, precision, in_words, used, currency_sign };
    let k = num_i + used;
    if let Some(found) = ordinal_at(toks, &n, k).or_else(|| day_month_at(toks, &n, k)) {
        return Some(found);
    }
    let (value, k) = scaled(toks, &n, k);
    let scale = if n.value == 0.0 { 1.0 } else { value / n.value };
    let n = Number { value, precision: n.precision * scale, ..n };
    if let Some(found) = score_at(toks, &n, k) {
        return Some(found);
    }
    measured(toks, &n, k)
}

/// A number read at token `at` (after a currency sign at `start`, if any).
struct Number {
    /// The figure's first token: the currency sign, else the number.
    start: usize,
    /// The number's first token.
    at: usize,
    value: f64,
    /// The place of its last written digit, scaled like the value ("1.9 million": 100,000).
    precision: f64,
    /// Written in words ("six", "ninety-five").
    in_words: bool,
    /// How many tokens the number takes.
    used: usize,
    currency_sign: Option<&'static str>,
}

fn lower_at(toks: &[Token], k: usize) -> String {
    toks.get(k).map(|x| x.text.to_lowercase()).unwrap_or_default()
}

/// "Oct. 1", "February 11": a month name then a day. A month without a day is no figure.
fn month_day_at(toks: &[Token], i: usize) -> Option<(Figure, usize)> {
    let m = month(toks[i].text)?;
    let next = toks.get(i + 1)?;
    let day = next.text.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse::<u32>().ok()?;
    if (1..=31).contains(&day) && next.text.chars().all(|c| c.is_ascii_alphanumeric()) {
        let span = Span::new(toks[i].start, next.end);
        return Some((Figure::date(span, (m * 100 + day) as f64), 2));
    }
    None
}

/// "13th December" (a date) or "the 5th" (an ordinal; "a 90th-minute goal" takes "minute").
fn ordinal_at(toks: &[Token], n: &Number, k: usize) -> Option<(Figure, usize)> {
    let ordinal = !n.in_words && toks[n.at].text.ends_with(|c: char| c.is_ascii_alphabetic());
    if !ordinal {
        return None;
    }
    if let Some(m) = toks.get(k).and_then(|t| month(t.text)).filter(|_| n.value <= 31.0) {
        let span = Span::new(toks[n.start].start, toks[k].end);
        return Some((Figure::date(span, (m * 100) as f64 + n.value), k + 1 - n.start));
    }
    let span = Span::new(toks[n.start].start, toks[k - 1].end);
    let used = k - n.start + usize::from(lower_at(toks, k) == "minute");
    let bound = bound_before(toks, n.start).0;
    Some((Figure { span, value: n.value, upper: n.value, unit: "ordinal".into(), bound, noun: None, precision: 1.0 }, used))
}

/// "1 October": a day then a month name.
fn day_month_at(toks: &[Token], n: &Number, k: usize) -> Option<(Figure, usize)> {
    if n.in_words || !(1.0..=31.0).contains(&n.value) || n.value.fract() != 0.0 {
        return None;
    }
    let m = toks.get(k).and_then(|t| month(t.text))?;
    let span = Span::new(toks[n.start].start, toks[k].end);
    Some((Figure::date(span, (m * 100) as f64 + n.value), k + 1 - n.start))
}

/// The value times a scale word after it ("3.5 million", "$2bn"), and the token after both.
fn scaled(toks: &[Token], n: &Number, k: usize) -> (f64, usize) {
    if let Some(scale) = toks.get(k).and_then(|t| scale_word(t.text)) {
        // A bare "m"/"b" after a number is a scale only after a currency sign.
        if !(matches!(lower_at(toks, k).as_str(), "m" | "b") && n.currency_sign.is_none()) {
            return (n.value * scale, k + 1);
        }
    }
    (n.value, k)
}

/// Scores and votes: "2-1", "7-2".
fn score_at(toks: &[Token], n: &Number, k: usize) -> Option<(Figure, usize)> {
    if n.in_words || !toks[n.at].text.chars().all(|c| c.is_ascii_digit()) || lower_at(toks, k) != "-" {
        return None;
    }
    let second = toks.get(k + 1).filter(|t| t.text.chars().all(|c| c.is_ascii_digit()))?;
    let b: f64 = second.text.parse().unwrap_or(0.0);
    if n.value > 30.0 || b > 30.0 || unit_after(toks, k + 2).is_some() {
        return None;
    }
    let v = n.value * 1000.0 + b;
    let span = Span::new(toks[n.start].start, second.end);
    Some((Figure { span, value: v, upper: v, unit: "score".into(), bound: Bound::Exact, noun: None, precision: 1.0 }, k + 2 - n.start))
}

/// The upper end of a range after the number ("between 58.3 % and 60.7 %", "zero to 0.1
/// percent", "58 to 61 per cent"), its precision and the token after it; the number itself and
/// `k` when none.
fn range_end(toks: &[Token], n: &Number, k: usize, unit_first: Option<(usize, &str, f64)>) -> (f64, f64, usize) {
    let none = (n.value, n.precision, k);
    let after_unit = k + unit_first.map_or(0, |u| u.0);
    let joiner = lower_at(toks, after_unit);
    let between = n.start >= 1 && lower_at(toks, n.start - 1) == "between";
    if !(joiner == "to" || (joiner == "and" && between) || (joiner == "-" && !n.in_words)) {
        return none;
    }
    let Some((second, in_words, used2)) = toks.get(after_unit + 1).and_then(|_| number_at(toks, after_unit + 1)) else {
        return none;
    };
    let precision = number_precision(toks[after_unit + 1].text, in_words);
    let (scale, k2) = match toks.get(after_unit + 1 + used2).and_then(|t| scale_word(t.text)) {
        Some(scale) => (scale, after_unit + 2 + used2),
        None => (1.0, after_unit + 1 + used2),
    };
    if second * scale > n.value { (second * scale, precision * scale, k2) } else { none }
}

/// The unit after the number (or range) at `k` and the token after it: a unit word, the
/// currency sign, litres "per square metre".
fn unit_at(toks: &[Token], n: &Number, mut k: usize, ranged: bool, unit_first: Option<(usize, &'static str, f64)>) -> (Option<(&'static str, f64)>, usize) {
    let mut unit = None;
    let skip_hyphen = usize::from(lower_at(toks, k) == "-");
    if let Some((used, u, factor)) = unit_after(toks, k + skip_hyphen) {
        unit = Some((u, factor));
        k += skip_hyphen + used;
    } else if ranged && unit_first.is_some() {
        let (_, u, factor) = unit_first.unwrap_or((0, "count", 1.0));
        unit = Some((u, factor));
    }
    if let Some(c) = n.currency_sign {
        unit = Some((c, 1.0));
    }
    if unit.is_some_and(|u| u.0 == "l") && lower_at(toks, k) == "per" {
        if let Some((used, "m2", _)) = unit_after(toks, k + 1) {
            unit = Some(("l/m2", 1.0));
            k += 1 + used;
        }
    }
    (unit, k)
}

/// A counted noun at `k` ("430 Ukrainian soldiers", "24 settlements", "six people") and the
/// token after it.
fn counted_noun(toks: &[Token], k: usize) -> Option<(String, usize)> {
    let mut j = k;
    if toks.get(j).is_some_and(|t| t.text.starts_with(char::is_uppercase)) && toks.get(j + 1).is_some_and(|t| t.text.starts_with(char::is_lowercase)) {
        j += 1;
    }
    let t = toks.get(j)?;
    let w = t.text.to_lowercase();
    let noun = t.text.chars().all(char::is_alphabetic) && t.text.starts_with(char::is_lowercase) && !is_stop_after_number(&w) && w.len() > 2;
    noun.then_some((w, j + 1))
}

/// A number with its range, unit (or year, or counted noun) from token `k` on.
fn measured(toks: &[Token], n: &Number, k: usize) -> Option<(Figure, usize)> {
    let unit_first = unit_after(toks, k);
    let (mut upper, upper_precision, range_to) = range_end(toks, n, k, unit_first);
    let (unit, mut k) = unit_at(toks, n, range_to, range_to != k, unit_first);
    let raw = toks[n.at].text;
    let mut value = n.value;
    // A range is as precise as its finer end ("zero to 0.1 percent").
    let mut precision = n.precision.min(upper_precision);
    let mut bound = bound_before(toks, n.start).0;
    let mut noun = None;
    let year_like = !n.in_words && unit.is_none() && raw.len() == 4 && (1800.0..2100.0).contains(&value) && !raw.contains(',');
    let unit_name: String = match unit {
        Some((u, factor)) => {
            value *= factor;
            upper *= factor;
            precision *= factor;
            u.to_string()
        }
        None if year_like => {
            bound = Bound::Exact;
            precision = 1.0;
            "year".to_string()
        }
        None => {
            if let Some((w, after)) = counted_noun(toks, k) {
                noun = Some(w);
                k = after;
            }
            // Numbers written in words count only with a noun, a scale or as a compound
            // ("ninety-five"): "one of the best" is not a figure.
            let bare_word = n.in_words && noun.is_none();
            if bare_word && n.used == 1 && value < 1e3 && !matches!(lower_at(toks, n.start.wrapping_sub(1)).as_str(), "to" | "at") {
                return None;
            }
            if bare_word && value <= 1.0 {
                return None;
            }
            "count".to_string()
        }
    };
    let end = k.max(n.at + 1);
    let span = Span::new(toks[n.start].start, toks[end - 1].end);
    Some((Figure { span, value, upper, unit: unit_name, bound, noun, precision }, end - n.start))
}

/// Every pattern of this module, for the test that compiles them all (`lib.rs`).
#[cfg(test)]
pub(crate) static PATTERNS: &[&LazyLock<Regex>] = &[&TOKEN, &CLOCK, &HOUR];

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Figure {
        let f = figures(text, 0);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        f[0].clone()
    }

    #[test]
    fn precision_is_the_last_written_digit() {
        for (text, precision) in [
            ("52.14%", 0.01),
            ("52,1 %", 0.1),
            ("430 soldiers", 1.0),
            ("1,100 square kilometres", 1.0),
            ("1,913,000 people", 1000.0),
            ("35000 cells", 1000.0),
            ("1.9 million people", 100_000.0),
            ("two million people", 1e6),
            ("$40 billion", 1e9),
            ("45 kilometres", 1000.0),
            ("in 2019", 1.0),
            ("zero to 0.1 percent", 0.1),
        ] {
            let f = one(text);
            assert!((f.precision - precision).abs() < 1e-9 * precision, "{text}: {}", f.precision);
        }
    }

    /// Pairs of figures and how they relate: one fact at another precision, in another unit or
    /// as a bound that holds; otherwise two values that differ, whatever the gap.
    #[test]
    fn relations_read_precision_and_bounds() {
        use Relation::*;
        for (a, b, expected) in [
            ("52.1%", "52.14%", Equal),
            ("1.9 million people", "1,913,000 people", Equal),
            ("1,100 square kilometres", "425 square miles", Equal),
            ("45 kilometres", "28 miles", Equal),
            ("over 1,100 square kilometers", "425 square miles", Compatible),
            ("430 soldiers", "over 400 soldiers", Compatible),
            ("about 2 million people", "1.9 million people", Compatible),
            ("around zero percent", "minus 0.1 percent", Conflict),
            ("nearly 2 million people", "1.9 million people", Compatible),
            ("more than 1.9 million people", "nearly 2 million people", Compatible),
            ("194 countries", "nearly 200 countries", Compatible),
            ("the 62nd minute", "the 63rd minute", Compatible),
            ("6:03 p.m. GMT", "6:04 p.m. GMT", Compatible),
            // Close values are not one fact by their closeness: the words decide.
            ("52.3%", "52.1%", Differs),
            ("8.7 points", "8.8 points", Differs),
            ("6.8 points", "7.0 points", Differs),
            ("22 people", "23 people", Differs),
            ("37 candidates", "at least 38 candidates", Differs),
            ("about 65 minutes", "about 90 minutes", Differs),
            ("194 countries", "197 countries", Differs),
            // Apart even at one significant digit: another fact.
            ("at least 62 people", "at least 95 people", Conflict),
            ("at least 62 people", "at least 70 people", Conflict),
            ("over 400 soldiers", "500 soldiers", Conflict),
            ("the 62nd minute", "the 64th minute", Conflict),
            ("in 2019", "in 2020", Conflict),
        ] {
            assert_eq!(one(a).relation(&one(b)), expected, "{a} / {b}");
            assert_eq!(one(b).relation(&one(a)), expected, "{b} / {a}");
        }
    }

    #[test]
    fn first_since_a_year_is_the_years_elapsed() {
        let text = "its first rate increase since February 2007";
        let elapsed = elapsed_since(text, 0, &figures(text, 0), 2024);
        assert_eq!(elapsed.len(), 1);
        assert_eq!(elapsed[0].relation(&one("in 17 years")), Relation::Equal);
        // Without "first" the year dates a state, not a span to compare.
        let text = "negative rates had been in place since 2016";
        assert!(elapsed_since(text, 0, &figures(text, 0), 2024).is_empty());
    }

    #[test]
    fn counted_nouns_are_read() {
        assert_eq!(one("430 Ukrainian soldiers").noun.as_deref(), Some("soldiers"));
        assert_eq!(one("over 1,100 square kilometers").unit, "km2");
    }
}
