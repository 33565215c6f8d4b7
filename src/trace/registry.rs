//! The agency registry: which names are news agencies, read from `data/agencies.tsv`.
//!
//! Each agency has a canonical name (what the report prints) and aliases in English and in its
//! own script. Matching is case-sensitive and by whole words (not inside words, except in
//! Chinese and Japanese which write no spaces), because the short forms are
//! ordinary words in other cases ("spa", "Ani", "Map"). Short forms that stay ambiguous even in
//! capitals ("AP", "PTI", "MENA") are *weak*: [`AgencyMatch::weak`] tells the caller to accept them
//! only in a credit shape or next to a citing cue (see `credits` and `citations`).

use crate::span::Span;
use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

/// One news agency of the registry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agency {
    /// The name the report prints ("Reuters", "AFP", "Prensa Latina").
    pub name: String,
    /// ISO country code of the agency's home.
    pub country: String,
}

/// One place where an agency is named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AgencyMatch {
    /// Index into [`agencies`].
    pub agency: usize,
    /// Where the name is.
    pub span: Span,
    /// Whether the alias is a weak short form that needs a credit shape or a citing cue.
    pub weak: bool,
}

struct Registry {
    agencies: Vec<Agency>,
    /// Alias text -> (agency index, weak).
    aliases: HashMap<String, (usize, bool)>,
    /// Every alias form, longest first.
    forms: Vec<String>,
    matcher: Regex,
}

/// Chinese, Japanese and Korean scripts write words without spaces: no word boundaries there.
fn is_cjk(alias: &str) -> bool {
    alias.chars().any(|c| matches!(c as u32, 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF))
}

fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| parse(include_str!("../../data/agencies.tsv")))
}

/// Builds the registry from the TSV text. Malformed rows are skipped (the table is tested).
fn parse(tsv: &str) -> Registry {
    let mut agencies = Vec::new();
    let mut aliases: HashMap<String, (usize, bool)> = HashMap::new();
    for row in tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let mut cols = row.split('\t');
        let (Some(name), Some(country), Some(alias_list)) = (cols.next(), cols.next(), cols.next()) else { continue };
        let index = agencies.len();
        agencies.push(Agency { name: name.trim().to_string(), country: country.trim().to_string() });
        for raw in alias_list.split('|') {
            let (alias, weak) = match raw.trim().strip_prefix('~') {
                Some(a) => (a, true),
                None => (raw.trim(), false),
            };
            if alias.is_empty() {
                continue;
            }
            for form in [alias.to_string(), alias.to_uppercase()] {
                aliases.entry(form).or_insert((index, weak));
            }
        }
    }
    // Longest first: the regex alternation is leftmost-first, so "Kyodo News" beats "Kyodo".
    // Pure literals (no look-around) keep the search on the fast literal engines; word
    // boundaries are checked on each hit instead (see `find`).
    let mut forms: Vec<String> = aliases.keys().cloned().collect();
    forms.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    let pattern = forms.iter().map(|a| regex::escape(a)).collect::<Vec<_>>().join("|");
    let matcher = Regex::new(&pattern).expect("escaped aliases always form a valid regex");
    Registry { agencies, aliases, forms, matcher }
}

/// Every agency of the registry, in table order.
pub fn agencies() -> &'static [Agency] {
    &registry().agencies
}

/// The canonical name of agency `index`.
pub fn name(index: usize) -> &'static str {
    registry().agencies.get(index).map(|a| a.name.as_str()).unwrap_or("")
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether `text[start..end]` stands as a whole word (always true for CJK aliases).
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let alias = &text[start..end];
    if is_cjk(alias) {
        return true;
    }
    let before = text[..start].chars().next_back().is_none_or(|c| !is_word_char(c));
    let after = text[end..].chars().next().is_none_or(|c| !is_word_char(c));
    before && after
}

/// Every agency named in `text`, in text order. Spans are offsets into `text` shifted by `base`.
pub fn find(text: &str, base: usize) -> Vec<AgencyMatch> {
    let reg = registry();
    reg.matcher
        .find_iter(text)
        .filter_map(|m| {
            // "Kyodo Newsroom": the longest alias is not a whole word, a shorter one may be.
            let alias = std::iter::once(m.as_str())
                .chain(reg.forms.iter().map(String::as_str).filter(|f| f.len() < m.len() && m.as_str().starts_with(f)))
                .find(|a| whole_word(text, m.start(), m.start() + a.len()))?;
            let &(agency, weak) = reg.aliases.get(alias)?;
            Some(AgencyMatch { agency, span: Span::new(base + m.start(), base + m.start() + alias.len()), weak })
        })
        .collect()
}

/// The agency whose alias is exactly `alias`, if any.
pub fn lookup(alias: &str) -> Option<usize> {
    registry().aliases.get(alias.trim()).map(|&(agency, _)| agency)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&'static str> {
        find(text, 0).into_iter().map(|m| name(m.agency)).collect()
    }

    #[test]
    fn the_table_holds_at_least_forty_agencies_with_unique_names() {
        let all = agencies();
        assert!(all.len() >= 40, "{}", all.len());
        let mut seen: Vec<&str> = all.iter().map(|a| a.name.as_str()).collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), all.len());
    }

    #[test]
    fn whole_words_case_sensitive_longest_first() {
        assert_eq!(names("Kyodo News reported"), ["Kyodo"]);
        assert_eq!(names("ITAR-TASS said"), ["TASS"]);
        assert_eq!(names("a day spa and Ani's cafe in the MENAS"), Vec::<&str>::new());
        assert_eq!(names("(Bernama-Kyodo)"), ["Bernama", "Kyodo"]);
        assert_eq!(names("KYODO NEWS"), ["Kyodo"]);
    }

    #[test]
    fn own_scripts() {
        assert_eq!(names("据新华社报道"), ["Xinhua"]);
        assert_eq!(names("сообщает ТАСС"), ["TASS"]);
        assert_eq!(names("ロイター通信によると"), ["Reuters"]);
        assert_eq!(names("بحسب رويترز"), ["Reuters"]);
        assert_eq!(names("(서울=연합뉴스)"), ["Yonhap"]);
        assert_eq!(names("法新社援引埃菲社"), ["AFP", "EFE"]);
        assert_eq!(names("По данным ТАСС и РИА Новости"), ["TASS", "RIA Novosti"]);
    }

    #[test]
    fn every_g20_country_has_its_national_agency() {
        // The G20's countries (the EU's members are each covered by their own rows).
        let g20 = ["AR", "AU", "BR", "CA", "CN", "FR", "DE", "IN", "ID", "IT", "JP", "KR", "MX", "RU", "SA", "ZA", "TR", "GB", "US"];
        for country in g20 {
            assert!(agencies().iter().any(|a| a.country == country), "no agency of {country}");
        }
    }

    #[test]
    fn agencies_of_non_latin_scripts_have_native_names() {
        // A reader of these countries' press meets the agency in its own script.
        let scripts = ["CN", "JP", "KR", "RU", "SA", "IN", "UA", "BG", "GR", "IR", "AE", "QA", "KW", "TH", "BH", "OM", "IQ", "SD"];
        let reg = registry();
        for (index, agency) in agencies().iter().enumerate().filter(|(_, a)| scripts.contains(&a.country.as_str())) {
            let native = reg.aliases.iter().any(|(alias, &(i, _))| i == index && alias.chars().any(|c| c.is_alphabetic() && !c.is_ascii() && (c as u32) > 0x24F));
            assert!(native, "{} has no name in its own script", agency.name);
        }
    }

    #[test]
    fn weak_aliases_are_flagged() {
        let m = find("(AP) —", 0);
        assert!(m[0].weak);
        assert!(!find("(AFP) -", 0)[0].weak);
    }
}
