//! In-text citations: which agency a sentence itself names as its source.
//!
//! "TASS reported", "according to Reuters", "as reported by the Emirati news agency WAM",
//! "Ueda told Reuters", "según EFE", "selon l'AFP", "laut dpa", "по данным ТАСС", "据新华社报道"
//! cite an agency for that sentence. In a chain the *innermost* agency is the source, the one
//! the others took it from: TASS in "BTA reported, citing Ukrinform, which cited TASS" and in
//! "TASS, cited by AFP, said", Kyodo in "Kyodo reported ..., according to Xinhua", EFE in "EFE,
//! citing the Aemet weather service, reported" (Aemet is not an agency). An agency named in the
//! article's own voice ("Reuters could not independently verify", "an AFP photographer", "EFE no
//! pudo verificar") is a mention, not a source. Weak aliases ("AP", "PTI") count only next to a
//! citing cue.

use super::registry::{self, AgencyMatch};
use super::provenance::Role;
use crate::span::{floor_char_boundary, tail_start};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;
use crate::vocabulary::{CITING_CUES, INNER_CUES, OUTER_CUES};

/// One agency named in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Citation {
    /// The agency cited (index into the registry).
    pub agency: usize,
    /// The agency's name in the text.
    pub name: Span,
    /// The deciding words: the cue and the name ("according to Reuters", "Kyodo News reported").
    pub words: Span,
    /// [`Role::Cited`] or [`Role::Mention`].
    pub role: Role,
    /// Link depth in a chain: the agency that said it ("X reported") is 0; the one relaying it
    /// ("according to X", "as quoted by X") is -1; the one cited ("citing X") is 1, 2 for the
    /// next "which cited Y", and so on. The source of a sentence is its deepest cited agency.
    pub depth: i8,
}

/// Words between a citing cue and the agency name: "according to *the Emirati news agency* WAM",
/// "quoting *figures from the semi-official* X". Also articles and "agency" words of other
/// languages ("informó la agencia Efe", "selon l'AFP").
const BETWEEN: &str = r"(?:(?:the|a|an|its|figures|data|numbers|statistics|information|reports?|from|of|by|state|state-run|state-owned|government-run|official|semi-official|national|news|wire|press|agency|service|la|el|le|les|o|die|der|agencia|agence|agência|agenzia|Agentur|Nachrichtenagentur|агентство|агентства|агентству|агентством|(?-i:[A-ZÀ-ÖØ-ÞА-ЯЁ])[\w'’.-]*)\s+){0,5}(?:l['’])?";

/// A cue that names the source just before it, at the end of the words before a name:
/// "according to (the Emirati news agency) WAM", "citing", "según", "据".
static CUE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let cues: Vec<String> = CITING_CUES.iter().map(|c| regex::escape(c)).collect();
    Regex::new(&format!(
        r"(?xi)
        \b ((?-x:{cues})) \s+ (?-x:{BETWEEN}) $   # 1: a cue, then the words before the name
        | (据|據|根据|根據|援引|引述|引用) $   # 2: a Chinese cue, written onto the name",
        cues = cues.join("|")
    ))
    .expect("static regex")
});

static CUE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^,\s*(citing|quoting)\b|^(?:\s*\([^()]{1,12}\))?(?:'s|’s)?\s*(?:(?:news agency|News Agency|agency|news service|wire service)\s+)?(?:,\s*(?:citing|quoting|as cited by|as quoted by|cited by|quoted by|as reported by|according to)[^,]{1,80},\s*)?(?:has |had |also |later |earlier |first |previously |on \w+ )?(reported|reports|reporting|quoted|cited|carried|published|tally|count|report|figures|data|numbers|statistics|estimates?|said|says|wrote|writes|added|announced|stated|сообщает|сообщил[аио]?|передает|передаёт|повідомляє|повідомило|informó|informa|informou|reportó|a rapporté|rapporte|berichtete|berichtet|meldete|meldet)\b|^(?:通信|通信社)?(によると|によれば|が報じた|は報じた|报道|報道|消息|称|稱)",
        )
        .expect("static regex")
    });

/// A source named as the subject of a figure it gives, without a reporting verb: "X put the death
/// toll at 12", "X gave a toll of", "X had the number of injured at", "X put it at 12".
static FIGURE_CUE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:'s|’s)?\s*(?:news\s+agency\s+|agency\s+)?(?:also\s+|later\s+|earlier\s+)?
        (?: (?:put|puts|gave|gives|had|has|set|sets|placed|places|estimated|estimates|counted|counts)\s+
            (?:the|a|an|its)\s+(?:[\w-]+\s+){0,3}?
            (?:toll|figure|number|count|tally|total|estimate)s?\b
          | (?:put|puts|placed|places|estimated|estimates)\s+(?:it|them)\s+at\b )",
    )
    .expect("static regex")
});

/// The article's own voice: the agency as actor of its own newsgathering, not as a source.
static OWN_VOICE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:'s|’s)?\s*(?:could not|couldn't|cannot|can't|no pudo|no ha podido|n'a pas pu|n’a pas pu|konnte nicht|não conseguiu|não pôde|не смог|не удалось|was unable|were unable|has been unable|is unable|was not able|wasn't able|was (?:however |also )?able|were (?:however |also )?able|has not|hasn't|had not|did not|didn't|has contacted|contacted|reached|asked|has asked|requested|sought|photographers?|journalists?|correspondents?|reporters?|staff|team|video|footage|photos?|images|Institute|bureau|editors?)\b",
        )
        .expect("static regex")
    });

static OWN_VOICE_BEFORE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(?:contacted by|asked by|approached by)\s+(?:the\s+)?$").expect("static regex"));

/// How far before an agency's name a citing cue is looked for, in bytes: a cue and the five
/// words [`BETWEEN`] allows take far less.
const CUE_REACH: usize = 200;

static NEWS_AGENCY_NEARBY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bnews agency\b|\bwire service\b|\bagency\b").expect("static regex"));

/// Citations and mentions of agencies in `span` of `text` (one sentence or a line), skipping
/// names inside `skip` (a dateline or photo credit already read as such).
pub fn scan(text: &str, span: Span, skip: &[Span]) -> Vec<Citation> {
    let sentence = span.of(text);
    let mut out: Vec<Citation> = Vec::new();
    // Inner links met so far: "citing Ukrinform, which cited TASS" puts TASS one link deeper.
    let mut inner_links = 0i8;
    for m in registry::find(sentence, span.start).into_iter().filter(|m| !skip.iter().any(|s| s.overlaps(m.span))) {
        // "citing Kyodo and Reuters": a name listed right after a cited one shares its cue, unless
        // it has a cue of its own ("Citing Anadolu, Xinhua said": Xinhua relays Anadolu).
        let own_cue = CUE_AFTER.is_match(&text[m.span.end..span.end]);
        let listed = out.last().filter(|prev| prev.role == Role::Cited && prev.name.end <= m.span.start && !own_cue).filter(|prev| {
            let gap = text[prev.name.end..m.span.start].trim();
            matches!(gap, "," | "and" | ", and" | "&" | "or" | "as well as" | "/")
        });
        let found = match listed {
            Some(prev) => Some(Citation { agency: m.agency, name: m.span, words: Span::new(prev.words.start, m.span.end), role: Role::Cited, depth: prev.depth }),
            None => classify(text, span, m).map(|mut c| {
                if c.depth > 0 {
                    inner_links = inner_links.saturating_add(1);
                    c.depth = inner_links;
                }
                c
            }),
        };
        out.extend(found);
    }
    out
}

fn classify(text: &str, sentence: Span, m: AgencyMatch) -> Option<Citation> {
    let reach = tail_start(&text[sentence.start..m.span.start], CUE_REACH);
    let before = &text[sentence.start + reach..m.span.start];
    let after = &text[m.span.end..sentence.end];
    let mention = |words: Span| (!m.weak).then_some(Citation { agency: m.agency, name: m.span, words, role: Role::Mention, depth: 0 });
    if OWN_VOICE_BEFORE.is_match(before) {
        return mention(m.span);
    }
    if let Some(own) = OWN_VOICE_AFTER.find(after) {
        return mention(Span::new(m.span.start, m.span.end + own.end()));
    }
    if let Some(cue) = CUE_BEFORE.captures(before) {
        let word = cue.get(1).or_else(|| cue.get(2)).map(|w| w.as_str().to_lowercase()).unwrap_or_default();
        let depth = if INNER_CUES.contains(&word.as_str()) {
            1
        } else if OUTER_CUES.contains(&word.as_str()) {
            -1
        } else {
            0
        };
        let start = sentence.start + reach + cue.get(0).map_or(before.len(), |c| c.start());
        if !(m.weak && matches!(word.as_str(), "via" | "per" | "said to")) {
            return Some(Citation { agency: m.agency, name: m.span, words: Span::new(start, m.span.end), role: Role::Cited, depth });
        }
    }
    if let Some(cue) = CUE_AFTER.captures(after) {
        let verb = cue.get(2).map_or("", |v| v.as_str());
        let says = matches!(verb, "said" | "says" | "added" | "announced" | "stated" | "wrote" | "writes");
        let end = m.span.end + cue.get(0).map_or(0, |c| c.end());
        // "PTI said" may be the party; a weak alias says things only as a named news agency.
        if !m.weak || !says || named_news_agency(text, sentence, m, end) {
            return Some(Citation { agency: m.agency, name: m.span, words: Span::new(m.span.start, end), role: Role::Cited, depth: 0 });
        }
    }
    if let Some(cue) = FIGURE_CUE_AFTER.find(after) {
        let end = m.span.end + cue.end();
        if !m.weak || named_news_agency(text, sentence, m, end) {
            return Some(Citation { agency: m.agency, name: m.span, words: Span::new(m.span.start, end), role: Role::Cited, depth: 0 });
        }
    }
    mention(m.span)
}

/// Whether "news agency" (or "agency", "wire service") stands within 40 bytes before the name
/// `m` or in its cue up to `end`: a weak alias ("PTI", "AP") is a source only as a named agency.
fn named_news_agency(text: &str, sentence: Span, m: AgencyMatch, end: usize) -> bool {
    let window = &text[floor_char_boundary(text, m.span.start.saturating_sub(40)).max(sentence.start)..end];
    NEWS_AGENCY_NEARBY.is_match(window)
}

/// The source of a sentence: its deepest cited agencies (several when it cites independent
/// agencies at the same depth, "according to Reuters and AFP"), each agency once, in text order.
pub fn deepest(citations: &[Citation]) -> Vec<Citation> {
    let cited: Vec<&Citation> = citations.iter().filter(|c| c.role == Role::Cited).collect();
    let Some(depth) = cited.iter().map(|c| c.depth).max() else { return Vec::new() };
    let mut out: Vec<Citation> = Vec::new();
    for c in cited.into_iter().filter(|c| c.depth == depth) {
        if !out.iter().any(|o| o.agency == c.agency) {
            out.push(*c);
        }
    }
    out
}

/// Every pattern of this module, for the test that compiles them all (`lib.rs`).
#[cfg(test)]
pub(crate) static PATTERNS: &[&LazyLock<Regex>] = &[&CUE_BEFORE, &CUE_AFTER, &FIGURE_CUE_AFTER, &OWN_VOICE_AFTER, &OWN_VOICE_BEFORE, &NEWS_AGENCY_NEARBY];

#[cfg(test)]
mod tests {
    use super::*;

    fn source(sentence: &str) -> Vec<&'static str> {
        let found = scan(sentence, Span::new(0, sentence.len()), &[]);
        deepest(&found).iter().map(|c| registry::name(c.agency)).collect()
    }

    #[test]
    fn cues_before_and_after() {
        assert_eq!(source("The decision was made by a 7-2 majority vote, Kyodo News reported."), ["Kyodo"]);
        assert_eq!(source("The booster relit three engines, according to Reuters."), ["Reuters"]);
        assert_eq!(source("\"We have language,\" he said, as reported by the Emirati news agency WAM."), ["WAM"]);
        assert_eq!(source("NASA chief Bill Nelson congratulated SpaceX, the US news agency AP reported."), ["AP"]);
    }

    #[test]
    fn chains_resolve_to_the_deepest_agency() {
        assert_eq!(source("Putin arrived in Kursk, BTA reported, citing TASS."), ["TASS"]);
        assert_eq!(source("Spanish news agency EFE, citing the Aemet weather service, reported that 491 litres fell."), ["EFE"]);
    }

    #[test]
    fn own_voice_is_a_mention() {
        assert!(source("Reuters could not independently verify his assertions.").is_empty());
        let found = scan("Reuters could not verify it.", Span::new(0, 28), &[]);
        assert_eq!(found[0].role, Role::Mention);
    }

    #[test]
    fn weak_aliases_need_a_cue() {
        assert!(source("The AP government said the PTI said so.").is_empty());
        assert_eq!(source("The toll rose to 12, according to PTI."), ["PTI"]);
    }
}
