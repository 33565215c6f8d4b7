//! Quotes and speakers.
//!
//! Quotes are found with straight and curly quotation marks; a quote left open at the end of a
//! sentence continues into the next ones of the paragraph ([`QuoteState`]). Speakers come from
//! reporting verbs on either side of the quote ("..., he said", "said spokesman Dan Huot",
//! "according to Gerasimov", "Musk posted on X"). Pronouns and descriptions ("he", "the Kremlin
//! leader") resolve to the last named person of the article; a surname alone ("Putin") is
//! expanded to the fullest name already seen ("Vladimir Putin").

use crate::Span;
use regex::Regex;
use std::sync::OnceLock;

/// Quoted stretches of one sentence, as spans into the paste (marks included).
/// `open` says whether the sentence starts inside a quote opened earlier; it is updated for
/// the next sentence.
pub fn quotes(text: &str, sentence: Span, open: &mut bool) -> Vec<Span> {
    let s = sentence.of(text);
    let mut out = Vec::new();
    let mut start: Option<usize> = if *open { Some(0) } else { None };
    for (i, c) in s.char_indices() {
        match c {
            '“' | '«' | '„' if start.is_none() => start = Some(i),
            '”' | '»' if start.is_some() => {
                out.push(Span::new(
                    sentence.start + start.unwrap_or(0),
                    sentence.start + i + c.len_utf8(),
                ));
                start = None;
            }
            '"' => match start {
                None => start = Some(i),
                Some(st) => {
                    out.push(Span::new(sentence.start + st, sentence.start + i + 1));
                    start = None;
                }
            },
            _ => {}
        }
    }
    if let Some(st) = start {
        // A quote that runs to the end of the sentence (and maybe beyond it).
        if s.len() - st > 1 {
            out.push(Span::new(sentence.start + st, sentence.end));
        }
        *open = true;
    } else {
        *open = false;
    }
    out
}

const VERBS: &str = "said|says|say|told|tells|added|adds|noted|notes|warned|warns|stated|states|announced|announces|wrote|writes|posted|posts|declared|declares|stressed|insisted|admitted|explained|argued|promised|tweeted|urged|assured|complained|reported|reports|claimed|claims|asserted|acknowledged|recalled|emphasised|emphasized|affirmed|conceded|predicted|cautioned|observed|remarked|replied|continued|concluded|summed up|confirmed|pledged|vowed";

fn name_pattern() -> &'static str {
    // A run of capitalised words (with particles and hyphens), e.g. "Sultan Al Jaber",
    // "Jean-Louis Gasset", "Andrés Manuel López Obrador".
    r"(?:[A-ZÀ-ÖØ-ÞŁŚŠŽ][\w'’.-]*)(?:\s+(?:(?:al|el|de|del|da|van|von|bin|la|le)[- ]?)?[A-ZÀ-ÖØ-ÞŁŚŠŽ][\w'’-]*){0,4}"
}

fn after_verb_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"(?:^|[,”\x22]\s*|\s)(?:{VERBS})\s+(?:(?:the\s+)?(?:[a-zß-öø-ÿ-]+\s+){{0,3}})?({name})",
            name = name_pattern()
        ))
        .expect("valid speaker regex")
    })
}

fn before_verb_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"(?:^|[\s(,“\x22])((?:{name})|[Hh]e|[Ss]he|[Tt]hey|[Tt]he\s+(?:[\w-]+\s+){{0,3}}?[a-zß-öø-ÿ-]+)(?:,[^,]{{1,60}},)?\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+)?(?:{VERBS})\b",
            name = name_pattern()
        ))
        .expect("valid speaker regex")
    })
}

fn according_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"\b(?:[Aa]ccording to|cited|quoted)\s+(?:the\s+)?(?:[a-zß-öø-ÿ-]+\s+){{0,2}}({name})",
            name = name_pattern()
        ))
        .expect("valid speaker regex")
    })
}

fn person_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(name_pattern()).expect("valid name regex"))
}

/// Words that may open a capitalised run but are titles, not names.
const TITLES: &[&str] = &[
    "President",
    "Prime",
    "Minister",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Gen.",
    "General",
    "Governor",
    "Chief",
    "Secretary-General",
    "Secretary",
    "General",
    "Spokesman",
    "Spokeswoman",
    "Coach",
    "Captain",
    "Mayor",
    "Administrator",
    "Commander",
    "Colonel",
    "Lt.",
    "Sen.",
    "Senator",
    "Rep.",
    "King",
    "Queen",
    "Pope",
    "Chancellor",
    "Foreign",
    "Defence",
    "Defense",
    "Army",
    "Russian",
    "Ukrainian",
    "UN",
    "NASA",
    "SpaceX",
    "COP28",
    "Nigeria",
    "Nigerian",
    "Opposition",
    "Governor",
    "Engineer",
    "Senior",
    "Deputy",
    "Former",
    "Kremlin",
    "Chairman",
    "Chairwoman",
    "Director",
    "Head",
    "Premier",
    "Vice",
];

fn strip_titles(name: &str) -> &str {
    let mut rest = name;
    loop {
        let Some((first, tail)) = rest.split_once(char::is_whitespace) else {
            return rest;
        };
        if TITLES.contains(&first) {
            rest = tail.trim_start();
        } else {
            return rest;
        }
    }
}

/// Words that start with a capital but never name a speaker.
fn is_non_name(w: &str) -> bool {
    const NON: &[&str] = &[
        "The",
        "A",
        "An",
        "It",
        "This",
        "That",
        "These",
        "Those",
        "In",
        "On",
        "At",
        "But",
        "And",
        "As",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "We",
        "I",
        "You",
        "Our",
        "Its",
        "His",
        "Her",
        "Their",
        "There",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Earlier",
        "Later",
        "Meanwhile",
        "However",
        "Also",
        "Yesterday",
        "Today",
    ];
    NON.contains(&w)
}

/// Keeps the people named so far in one article, to resolve "he" and surnames.
#[derive(Default, Debug)]
pub struct People {
    names: Vec<String>,
}

impl People {
    /// Remembers the multi-word names of a sentence ("President Vladimir Putin").
    pub fn observe(&mut self, sentence: &str) {
        for m in person_re().find_iter(sentence) {
            let name = strip_titles(m.as_str().trim_end_matches(['.', '’', '\'']));
            let words: Vec<&str> = name.split_whitespace().collect();
            if words.len() >= 2 && words.len() <= 4 && !words.iter().any(|w| is_non_name(w)) {
                self.names.push(name.to_string());
            }
        }
    }

    fn last(&self) -> Option<String> {
        self.names.last().cloned()
    }

    /// The fullest known name ending with `surname` ("Putin" -> "Vladimir Putin").
    fn expand(&self, name: &str) -> String {
        if name.contains(char::is_whitespace) {
            return name.to_string();
        }
        self.names
            .iter()
            .rev()
            .find(|n| n.rsplit(char::is_whitespace).next() == Some(name))
            .cloned()
            .unwrap_or_else(|| name.to_string())
    }

    /// The speaker of `sentence` (text of the whole sentence, quotes included), resolved.
    pub fn speaker(&mut self, sentence: &str) -> Option<String> {
        self.speaker_continuing(sentence, false)
    }

    /// Like [`People::speaker`] for a sentence that starts inside a quote opened earlier.
    pub fn speaker_continuing(&mut self, sentence: &str, inside_quote: bool) -> Option<String> {
        let masked = mask_quotes(sentence, inside_quote);
        let found = before_or_after(&masked);
        let resolved = found.and_then(|raw| {
            let raw = raw.trim().trim_end_matches(['.', ',']);
            let first = raw.split_whitespace().next().unwrap_or("");
            let organisation = raw.strip_prefix("The ").filter(|rest| {
                rest.starts_with(char::is_uppercase) && !TITLES.contains(&rest.split_whitespace().next().unwrap_or(""))
            });
            if let Some(org) = organisation {
                // "The National Electoral Institute said": a named body, not a description.
                Some(org.to_string())
            } else if matches!(first, "he" | "He" | "she" | "She" | "they" | "They")
                || first.eq_ignore_ascii_case("the")
            {
                self.last()
            } else if is_non_name(first) {
                None
            } else {
                Some(self.expand(strip_titles(raw)))
            }
        });
        self.observe(&masked);
        if let Some(name) = &resolved {
            if name.contains(char::is_whitespace) {
                self.names.push(name.clone());
            }
        }
        resolved
    }
}

fn before_or_after(masked: &str) -> Option<String> {
    let candidates = [
        after_verb_re()
            .captures(masked)
            .and_then(|c| c.get(1))
            .map(|m| (m.start(), m.as_str())),
        before_verb_re()
            .captures(masked)
            .and_then(|c| c.get(1))
            .map(|m| (m.start(), m.as_str())),
        according_re()
            .captures(masked)
            .and_then(|c| c.get(1))
            .map(|m| (m.start(), m.as_str())),
    ];
    candidates
        .into_iter()
        .flatten()
        .filter(|(_, s)| {
            !is_non_name(s.split_whitespace().next().unwrap_or(""))
                || s.starts_with(['H', 'S', 'T']) && s.len() <= 4
                || s.starts_with("The ")
        })
        .min_by_key(|(start, _)| *start)
        .map(|(_, s)| s.to_string())
}

/// The sentence with quoted words blanked out, so a quote's own words are not read as the
/// attribution.
fn mask_quotes(s: &str, inside_at_start: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut inside = inside_at_start;
    for c in s.chars() {
        let mark = matches!(c, '"' | '“' | '”' | '«' | '»');
        if mark {
            inside = match c {
                '“' | '«' => true,
                '”' | '»' => false,
                _ => !inside,
            };
            out.push(c);
        } else if inside {
            out.push(if c.is_whitespace() { ' ' } else { 'x' });
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_after_and_before_the_quote() {
        let mut people = People::default();
        people.observe("President Vladimir Putin visited Kursk.");
        assert_eq!(
            people.speaker("\"We will win,\" Putin said."),
            Some("Vladimir Putin".into())
        );
        assert_eq!(
            people.speaker("\"Are you kidding me?\" added spokesman Dan Huot"),
            Some("Dan Huot".into())
        );
        assert_eq!(people.speaker("\"Yes,\" he said."), Some("Dan Huot".into()));
    }
}
