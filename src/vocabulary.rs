//! The news vocabulary: the words every stage reads, kept as data in `data/` and compiled in
//! with `include_str!`.
//!
//! * [`months`]: the one month table (`data/months.tsv`), names and abbreviations in the
//!   languages we read (English, Portuguese, Spanish, French, German, Italian);
//! * [`weekdays`]: weekday names in the same languages (`data/weekdays.tsv`);
//! * [`zone_abbreviations`]: "JST", "CEST", "ET" and their zones (`data/zone_abbreviations.tsv`);
//! * [`places`]: cities, countries and demonyms ("british") with their IANA zone
//!   (`data/places.tsv`);
//! * [`british_spellings`]: whole words matching folds to American spelling
//!   (`data/spellings.tsv`);
//! * the word lists of `data/word_lists.txt`, one static each (`[name]` sections), for the rules
//!   that read them: [`CLAUSE_OPENERS`], [`TITLES`], [`INNER_CUES`], ...
//!
//! The reporting verbs (`data/reporting_verbs.txt`) are here too ([`REPORTING_VERBS`]); the
//! agencies (`data/agencies.tsv`, [`crate::trace::registry`]) and the matching stage's lexicon
//! and stopwords are read where they are used. Malformed rows fail the tests, never a paste.

use chrono::Weekday;
use crate::zones::{iana, Iana};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// A language whose dates we read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    /// English.
    En,
    /// Portuguese.
    Pt,
    /// Spanish.
    Es,
    /// French.
    Fr,
    /// German.
    De,
    /// Italian.
    It,
    /// Dutch.
    Nl,
    /// Indonesian and Malay.
    Id,
    /// Turkish.
    Tr,
    /// Polish (months in the genitive, as dates print them).
    Pl,
    /// Russian (genitive).
    Ru,
    /// Ukrainian (genitive).
    Uk,
}

impl Language {
    fn from_code(code: &str) -> Option<Language> {
        Some(match code {
            "en" => Language::En,
            "pt" => Language::Pt,
            "es" => Language::Es,
            "fr" => Language::Fr,
            "de" => Language::De,
            "it" => Language::It,
            "nl" => Language::Nl,
            "id" => Language::Id,
            "tr" => Language::Tr,
            "pl" => Language::Pl,
            "ru" => Language::Ru,
            "uk" => Language::Uk,
            _ => return None,
        })
    }
}

/// One row of the month table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthName {
    /// Lower case, as printed ("march", "févr", "sept").
    pub name: &'static str,
    /// 1 for January.
    pub month: u32,
    /// The language that writes it so.
    pub language: Language,
    /// Whether it is an abbreviation ("sept") rather than the full name.
    pub abbreviation: bool,
}

/// The rows of a tab-separated table in `data/`, comments and blank lines skipped.
pub(crate) fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(|l| l.split('\t').collect())
}

static MONTHS: LazyLock<Vec<MonthName>> = LazyLock::new(|| {
    rows(include_str!("../data/months.tsv"))
        .filter_map(|row| {
            let [name, month, language, form] = row[..] else { return None };
            Some(MonthName {
                name,
                month: month.parse().ok()?,
                language: Language::from_code(language)?,
                abbreviation: form == "abbreviation",
            })
        })
        .collect()
});

/// The month table, in month order.
pub fn months() -> &'static [MonthName] {
    &MONTHS
}

/// Every name of the month table: most words asked about name no month, and a set says so
/// without reading the table.
static MONTH_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| MONTHS.iter().map(|m| m.name).collect());

/// The month a lower-case `name` names in one of `languages`, full or abbreviated.
pub fn month_in(name: &str, languages: &[Language]) -> Option<u32> {
    if !MONTH_NAMES.contains(name) {
        return None;
    }
    MONTHS.iter().find(|m| m.name == name && languages.contains(&m.language)).map(|m| m.month)
}

/// One row of the weekday table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeekdayName {
    /// Lower case: "wednesday", "mercredi".
    pub name: &'static str,
    /// The day it names.
    pub weekday: Weekday,
    /// The language that writes it so.
    pub language: Language,
}

static WEEKDAYS: LazyLock<Vec<WeekdayName>> = LazyLock::new(|| {
    rows(include_str!("../data/weekdays.tsv"))
        .filter_map(|row| {
            let [name, day, language] = row[..] else { return None };
            let day: u8 = day.parse().ok()?;
            Some(WeekdayName {
                name,
                weekday: Weekday::try_from(day.checked_sub(1)?).ok()?,
                language: Language::from_code(language)?,
            })
        })
        .collect()
});

/// Weekday names in the languages we read, Monday first within each language.
pub fn weekdays() -> &'static [WeekdayName] {
    &WEEKDAYS
}

/// The English weekday names, Monday first.
pub fn english_weekdays() -> impl Iterator<Item = &'static WeekdayName> {
    WEEKDAYS.iter().filter(|w| w.language == Language::En)
}

/// Where a zone abbreviation or a place puts a clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    /// Minutes east of UTC.
    Fixed(i32),
    /// An IANA zone, whose offset depends on the date ([`crate::zones`]).
    Iana(Iana),
}

static ZONE_ABBREVIATIONS: LazyLock<Vec<(&'static str, Zone)>> = LazyLock::new(|| {
    rows(include_str!("../data/zone_abbreviations.tsv"))
        .filter_map(|row| {
            let [abbreviation, zone] = row[..] else { return None };
            let zone = match zone.parse::<i32>() {
                Ok(minutes) => Zone::Fixed(minutes),
                Err(_) => Zone::Iana(iana(zone)?),
            };
            Some((abbreviation, zone))
        })
        .collect()
});

/// Zone abbreviations as news pages print them ("JST", "CEST", "ET") and their zones: our own
/// table, since the letters are not unique (IST is India, Israel or Ireland; CST is North
/// American / Mexican central time unless the page is known to be Chinese) and no crate maps
/// them reliably.
pub fn zone_abbreviations() -> &'static [(&'static str, Zone)] {
    &ZONE_ABBREVIATIONS
}

/// The zone of the abbreviation `abbreviation`, exactly as printed.
pub fn zone_abbreviation(abbreviation: &str) -> Option<Zone> {
    ZONE_ABBREVIATIONS.iter().find(|(a, _)| *a == abbreviation).map(|&(_, z)| z)
}

static PLACES: LazyLock<Vec<(&'static str, Option<Iana>)>> = LazyLock::new(|| {
    rows(include_str!("../data/places.tsv"))
        .filter_map(|row| {
            let [place, zone] = row[..] else { return None };
            Some((place, if zone == "-" { None } else { Some(iana(zone)?) }))
        })
        .collect()
});

/// Places, lower case, and their IANA zone: for "(Paris)" after a time, "Uhr", and for where an
/// outlet is based. A place without a zone begins like another but lies in a zone not compiled
/// in ("cape verde"): named, it places nothing rather than the wrong zone.
pub fn places() -> &'static [(&'static str, Option<Iana>)] {
    &PLACES
}

static BRITISH_SPELLINGS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    rows(include_str!("../data/spellings.tsv"))
        .filter_map(|row| {
            let [british, american] = row[..] else { return None };
            Some((british, american))
        })
        .collect()
});

/// Whole words spelt the British way and their American spelling ("defence", "defense"),
/// which matching folds them to (`data/spellings.tsv`).
pub fn british_spellings() -> &'static [(&'static str, &'static str)] {
    &BRITISH_SPELLINGS
}

/// The word list of the `[name]` section of `data/word_lists.txt`, in order.
fn word_list(name: &str) -> Vec<&'static str> {
    let text = include_str!("../data/word_lists.txt");
    let header = format!("[{name}]");
    let mut lines = text.lines().skip_while(|l| *l != header).skip(1);
    let mut words = Vec::new();
    for line in lines.by_ref() {
        if line.starts_with('[') {
            break;
        }
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let quoted = line.len() >= 2 && line.starts_with('"') && line.ends_with('"');
        words.push(if quoted { &line[1..line.len() - 1] } else { line });
    }
    words
}

/// A word list of `data/word_lists.txt`.
pub type WordList = LazyLock<Vec<&'static str>>;

macro_rules! word_lists {
    ($($(#[$doc:meta])* $name:ident = $section:literal;)*) => {
        $($(#[$doc])* pub static $name: WordList = LazyLock::new(|| word_list($section));)*
        /// Every word list, for the test that each has entries.
        #[cfg(test)]
        static WORD_LISTS: &[(&str, &WordList)] = &[$(($section, &$name)),*];
    };
}

word_lists! {
    // src/claims/atomic.rs
    /// Words that, right after a comma, open a new clause.
    CLAUSE_OPENERS = "clause_openers";
    /// Common irregular past tenses, to tell "after talks ran into overtime" (a clause) from
    /// "after the decision" (a phrase).
    IRREGULAR_PAST = "irregular_past";
    /// Prepositions that open a sentence with its circumstances ("At the end of a two-day meeting,
    /// the board voted ..."; "On March 12, the army announced ..."). "For" is not among them: "For
    /// the first time, ..." is part of the fact.
    CIRCUMSTANCE_PREPOSITIONS = "circumstance_prepositions";
    /// Auxiliary verbs: a leading phrase holding one is a clause, not circumstances.
    AUXILIARIES = "auxiliaries";
    /// Words that, after ", the", open an appended ranking ("..., the first time since 2007").
    RANKINGS = "rankings";
    /// Words that make what precedes a reporting verb more than its subject: a denial ("did not
    /// say", "nobody said") or a time clause ("as officials said").
    NOT_A_SUBJECT = "not_a_subject";
    /// Right before a "reporting verb" they make it a noun: "the claims that", "its reports that".
    DETERMINERS = "determiners";
    // src/claims/subject.rs
    /// Words between a subject and its cue verb that belong to neither: modals and adverbs
    /// ("experts have long argued").
    BETWEEN_SUBJECT_AND_VERB = "between_subject_and_verb";
    /// First words of subjects that name nobody a sentence can be attributed to ("There is",
    /// "What matters"), or the writer and the reader ("we", "you").
    NOT_A_SOURCE = "not_a_source";
    // src/claims/figures.rs
    /// Number words from zero to nineteen, by position: "seven" is 7.
    NUMBER_WORDS = "number_words";
    /// Words after a number that end its figure: "430 of the soldiers".
    STOP_AFTER_NUMBER = "stop_after_number";
    // src/claims/quotes.rs
    /// Words that may open a capitalised run but are titles, not names: "President Vladimir
    /// Putin", "NASA Administrator Bill Nelson". A title alone is never a speaker.
    TITLES = "titles";
    /// Capitalised words that make a run an organisation or a place, not a person ("Foreign
    /// Ministry", "General Staff", "Kyodo News", "Kursk Region"). A person's name may follow them
    /// ("General Staff Valery Gerasimov").
    ORGANISATION_WORDS = "organisation_words";
    /// Lower-case nouns that describe a person: "the Kremlin leader said" resolves to the last named
    /// person; "the ministry said" does not.
    PERSON_ROLES = "person_roles";
    /// Lower-case words between a reporting verb and a name that start the reported speech, not
    /// a role ("said that Kyiv's troops", "said on Wednesday").
    NOT_ROLES = "not_roles";
    /// Lower-case words that make a run before a reporting verb a clause, not a group of
    /// people ("which critics said", "have long said"): pronouns, auxiliaries, adverbs.
    NOT_A_GROUP = "not_a_group";
    /// Words that start with a capital but never name a speaker.
    NON_NAMES = "non_names";
    // src/clean/metadata.rs
    /// Last words of a publication's name: "The Moscow Times", "Kyiv Post".
    MASTHEAD_NOUNS = "masthead_nouns";
    // src/segment.rs
    /// Abbreviations that end in a dot but not a sentence ("Mr.", "U.S.", "Calif."); month
    /// abbreviations come from the month table.
    NEWS_ABBREVIATIONS = "news_abbreviations";
    // src/trace/citations.rs
    /// Cues whose agency is the inner link of a chain: it is being cited.
    INNER_CUES = "inner_cues";
    /// Cues whose agency is an outer link: it relays what someone else said.
    OUTER_CUES = "outer_cues";
    /// Words that name a sentence's source just before the name: "according to", "citing",
    /// "según", "selon", "laut", "сообщает", "بحسب" (in order: the first that fits is the cue).
    CITING_CUES = "citing_cues";
    // src/clean/boilerplate.rs
    /// Words without which a line is no copyright or legal line (a cheap check before the regex).
    LEGAL_HINTS = "legal_hints";
    /// Words without which a line is no photo caption (a cheap check before the regex).
    CAPTION_HINTS = "caption_hints";
    /// Words without which a line holds no page prompt anywhere (a cheap check before the regex).
    PROMPT_HINTS = "prompt_hints";
    // src/clean/markup.rs
    /// HTML elements that start and end a block of text; the first seven leave a blank line around them.
    HTML_BLOCK_ELEMENTS = "html_block_elements";
    /// Words of a class, id or role that name page chrome (navigation, sidebars, sharing, promotion).
    MARKUP_CHROME_CLASSES = "markup_chrome_classes";

    // src/matching/features.rs
    /// Superlatives that rank news events ("the deadliest flood since 1996").
    SUPERLATIVES = "superlatives";
}

/// The verbs that report speech (`data/reporting_verbs.txt`), as written; shared by the
/// sentence splitter and the claims stage.
pub static REPORTING_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("../data/reporting_verbs.txt").lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
});

/// The verbs of saying and thinking (`data/cue_verbs.txt`, from WordNet) by lemma; `true` when
/// the word is mostly a noun ("group", "number"), so only its -ed and -ing forms are the verb.
pub static CUE_VERBS: LazyLock<HashMap<&'static str, bool>> =
    LazyLock::new(|| rows(include_str!("../data/cue_verbs.txt")).map(|row| (row[0], row.get(1) == Some(&"noun"))).collect());

/// Irregular past forms of the cue verbs, to their lemma ("said" -> "say").
pub static IRREGULAR_CUE_VERBS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    rows(include_str!("../data/irregular_verbs.tsv")).filter_map(|row| Some((row[0], *row.get(1)?))).collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_row_is_read() {
        let data_rows = |tsv: &str| tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).count();
        assert_eq!(months().len(), data_rows(include_str!("../data/months.tsv")));
        assert_eq!(weekdays().len(), data_rows(include_str!("../data/weekdays.tsv")));
        // Every zone resolves: one missing from data/zones.tsv (made through CHRONO_TZ_TIMEZONE_FILTER) would drop its row.
        assert_eq!(zone_abbreviations().len(), data_rows(include_str!("../data/zone_abbreviations.tsv")));
        assert_eq!(places().len(), data_rows(include_str!("../data/places.tsv")));
        assert_eq!(british_spellings().len(), data_rows(include_str!("../data/spellings.tsv")));
        assert_eq!(CUE_VERBS.len(), data_rows(include_str!("../data/cue_verbs.txt")));
        assert_eq!(IRREGULAR_CUE_VERBS.len(), data_rows(include_str!("../data/irregular_verbs.tsv")));
    }

    #[test]
    fn every_word_list_has_entries() {
        let sections = include_str!("../data/word_lists.txt").lines().filter(|l| l.starts_with('[')).count();
        assert_eq!(WORD_LISTS.len(), sections, "a section of data/word_lists.txt no static reads");
        for (name, list) in WORD_LISTS {
            assert!(list.len() >= 10, "{name}: {} entries", list.len());
        }
        assert!(CAPTION_HINTS.contains(&"in this "));
    }

    #[test]
    fn tables_read_what_pages_print() {
        assert_eq!(month_in("févr", &[Language::Fr]), Some(2));
        assert_eq!(month_in("mai", &[Language::En]), None);
        assert_eq!(english_weekdays().map(|w| w.name).collect::<Vec<_>>()[2], "wednesday");
        assert_eq!(zone_abbreviation("IST"), Some(Zone::Fixed(330)));
        assert_eq!(zone_abbreviation("ET"), iana("America/New_York").map(Zone::Iana));
        assert!(places().contains(&("cape verde", None)));
    }
}
