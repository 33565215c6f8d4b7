//! Atomic facts: a sentence that states several facts is cut into clauses, one claim each.
//!
//! "Russian forces had retaken 24 settlements, and Gerasimov said over 400 prisoners were
//! taken" holds two facts; matching whole sentences would link every article that repeats
//! either one. Cuts fall outside quotes and parentheses, at semicolons, spaced dashes, colons
//! and at commas that open a new clause ("..., and", "..., while", "..., who", "..., leaving");
//! pieces too short to state a fact are glued to their neighbour.

use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;
use crate::vocabulary::{AUXILIARIES, CIRCUMSTANCE_PREPOSITIONS, CLAUSE_OPENERS, DETERMINERS, IRREGULAR_PAST, NOT_A_SUBJECT, RANKINGS};

/// A dateline opening the first paragraph: "MOSCOW (Reuters) - ", "ABIDJAN, Feb. 11 (Xinhua)
/// -- ", "Mexico City, Jun 3 (EFE).- ", "LONDON/MEXICO CITY, June 3 (Reuters) - ", "MOSCOW: ",
/// "Mexico, June 3 (Prensa Latina) ", "(Reuters) -". It says where the story was filed, not a
/// fact of the story.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            // A place in capitals, then up to three short parts (state, date, year), the agency.
            r"^(?:(?:[A-Z]{2}[A-Z .'’/-]{0,30}(?:,\s*[^,()\n]{1,25}){0,3}\s*(?:\([^()]{1,30}\))?",
            r"|[A-Z][A-Za-z .'’/-]{1,30}(?:,\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2})?\s*\([^()]{1,30}\))",
            r"\s*(?:--|\.-|-|–|—|:)\s*",
            // "(Reuters) -President ...": the agency alone.
            r"|\([A-Z][^()]{1,30}\)\s*(?:--|-|–|—)\s*",
            // "Mexico, June 3 (Prensa Latina) Claudia ...": place, date and agency, no dash.
            r"|[A-Z][A-Za-z .'’/-]{1,30},\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*\([^()]{1,30}\)\s+)"
        ))
            .expect("valid dateline regex")
    });

/// The span of `sentence` without a leading dateline.
pub fn without_dateline(text: &str, sentence: Span) -> Span {
    match DATELINE.find(sentence.of(text)) {
        Some(m) if m.end() < sentence.len() => Span::new(sentence.start + m.end(), sentence.end),
        _ => sentence,
    }
}

/// Phrases that open a new clause even without a comma before them.
const BARE_OPENERS: &[&[&str]] = &[
    &["and", "that"],
    &["adding", "that"],
    &["saying", "that"],
    &["along", "with"],
    &["while"],
    &["whereas"],
    &["but", "that"],
];

/// Adverbs that may sit between "and" and a coordinated verb ("and only scraped into").
const ADVERBS: &[&str] = &["only", "also", "then", "later", "quickly", "soon", "eventually", "finally", "again"];

fn is_regular_past(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ed") && word.chars().all(|c| c.is_ascii_lowercase())
}

/// A verb in the past tense, regular or one of the common irregular ones.
fn is_verb_past(word: &str) -> bool {
    is_regular_past(word) || IRREGULAR_PAST.contains(&word)
}

/// "the board voted 7-2 to keep rates ...": the vote is one fact, what it decided another.
fn vote_before_infinitive(before: &str, rest: &str) -> bool {
    let mut back = before.split_whitespace().rev();
    let (tally, verb) = (back.next().unwrap_or(""), back.next().unwrap_or(""));
    let is_tally = tally.split_once('-').is_some_and(|(a, b)| {
        !a.is_empty() && !b.is_empty() && a.chars().chain(b.chars()).all(|c| c.is_ascii_digit())
    });
    rest.starts_with("to ") && is_tally && matches!(verb, "voted" | "votes" | "vote")
}

/// Words that open a sentence with a subordinate clause ("After the header put Nigeria ahead,
/// Kessie equalised"); the clause ends at the first comma when it holds a verb.
const SUBORDINATORS: &[&str] = &["After", "When", "While", "Although", "Though", "Before", "Since", "Because", "Once"];

/// A sentence-initial phrase without a verb that sets the scene ("At the end of a two-day
/// meeting"): context, not a fact. One that dates the fact ("In August 2024") stays with it.
/// The longest opening phrase, in bytes, read as leading circumstances or a subordinate clause.
const LEADING_PHRASE_MAX: usize = 300;

fn is_leading_circumstance(before: &str) -> bool {
    let mut words = before.split_whitespace();
    words.next().is_some_and(|w| CIRCUMSTANCE_PREPOSITIONS.contains(&w))
        && words.all(|w| !is_verb_past(w) && !AUXILIARIES.contains(&w))
        && !super::figures::figures(before, 0).iter().any(|f| matches!(f.unit.as_str(), "date" | "year"))
}

/// "Roughly seven minutes into the flight, the booster ...": an opening phrase that times
/// the event in minutes or hours is a fact of its own (when it happened), apart from what
/// happened. Longer spans ("For the first time in three decades") frame the fact instead.
fn is_leading_timing(before: &str) -> bool {
    const DAY: f64 = 1440.0;
    !before.split_whitespace().any(is_verb_past)
        && super::figures::figures(before, 0).iter().any(|f| f.unit == "min" && f.upper < DAY)
}

fn is_leading_subordinate_clause(before: &str) -> bool {
    let mut words = before.split_whitespace();
    words.next().is_some_and(|w| SUBORDINATORS.contains(&w)) && words.any(is_verb_past)
}

/// Whether the words after a space open a new clause: a bare opener, or "and" before a verb in
/// the past tense ("visited Kursk and ordered troops to ..."). `before` is the text up to the
/// space.
fn opens_clause(before: &str, rest: &str) -> bool {
    // "as soon as the session began", "as long as the war lasts": a comparison, not a clause.
    let comparative = before
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| matches!(w, "soon" | "long" | "well" | "much" | "many" | "far" | "such" | "same" | "just"));
    let mut next = rest.split_whitespace();
    let (w1, w2) = (next.next().unwrap_or(""), next.next().unwrap_or(""));
    let w3 = next.next().unwrap_or("");
    // "... and said it would ...", "... and only scraped into ...": a second predicate.
    let coordinated_verb = w1 == "and" && (is_verb_past(w2) || ADVERBS.contains(&w2) && is_verb_past(w3));
    // "... and Haller turned in a cross": "and", a name, a verb in the past tense.
    let new_subject = w1 == "and" && {
        let mut names = rest
            .split_whitespace()
            .skip(1)
            .skip_while(|w| w.starts_with(char::is_uppercase));
        let skipped = rest
            .split_whitespace()
            .skip(1)
            .take_while(|w| w.starts_with(char::is_uppercase))
            .count();
        (1..=3).contains(&skipped) && names.next().is_some_and(is_regular_past)
    };
    // "... came to an end on Tuesday as the Bank of Japan delivered ...": "as" opening a
    // clause with a new subject (not "such as", "as long as").
    let as_clause = w1 == "as" && (w2 == "the" || w2.starts_with(char::is_uppercase)) && !comparative;
    // "after" opens a clause only when a verb follows soon, before any comma ("after
    // negotiations ran ..."; not "title after 1992 and 2015, and made them ...").
    // An "-ing" word after a determiner is a noun ("after the meeting"), a capitalised one a
    // name ("Beijing").
    let after_clause = w1 == "after" && {
        let mut verb = false;
        let mut previous = "after";
        for w in rest.split_whitespace().skip(1).take(8) {
            let bare = w.trim_end_matches([',', ';']);
            let gerund = bare.ends_with("ing") && bare.starts_with(char::is_lowercase) && !DETERMINERS.contains(&previous);
            verb = is_verb_past(bare) || gerund;
            if verb || bare.len() < w.len() {
                break;
            }
            previous = bare;
        }
        verb
    };
    coordinated_verb
        || new_subject
        || as_clause
        || after_clause
        || BARE_OPENERS
            .iter()
            .any(|o| o.len() == 1 && o[0] == w1 || o.len() == 2 && o[0] == w1 && o[1] == w2)
}

/// A participle right after a comma opens a clause too ("..., representing 86%", "Putin,
/// dressed in camouflage, praised ..."); such a clause may close at the next comma.
/// "according" is not one: "..., according to a Reuters tally" attributes the clause before it.
fn is_participle(word: &str) -> bool {
    word.len() > 5
        && word != "according"
        && word.chars().all(|c| c.is_ascii_lowercase())
        && (word.ends_with("ing") || word.ends_with("ed"))
}

/// Fewer words than this do not make a fact on their own.
const MIN_WORDS: usize = 4;

/// Where a sentence is cut into clauses, as its characters are read.
#[derive(Default)]
struct Cutter {
    /// (end of the left piece, start of the right), in order.
    cuts: Vec<(usize, usize)>,
    /// Inside "X, who ...,": the next comma closes the relative clause.
    relative_open: bool,
    /// Where a leading phrase of circumstances ends ("At the end of the meeting, ...").
    circumstance_end: Option<usize>,
}

impl Cutter {
    /// A comma at `i` of `s` outside quotes, `rest` the text after it.
    fn comma(&mut self, s: &str, i: usize, rest: &str) {
        let mut words = rest
            .split_whitespace()
            .map(|w| w.trim_matches(|ch: char| !ch.is_alphanumeric()));
        let next = words.next().unwrap_or("");
        let (w2, w3) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
        // "..., the first time in 17 years that ...": a ranking appended as its own fact.
        let ranking = next == "the" && RANKINGS.contains(&w2);
        // "..., a result that cost the coach his job": a summary appended as its own fact.
        let summary = matches!(next, "a" | "an") && matches!(w3, "that" | "which");
        // Only a short opening can be a leading phrase; the cap also keeps a sentence of
        // thousands of commas linear (each check reads the whole prefix).
        let first_comma = i <= LEADING_PHRASE_MAX && self.cuts.is_empty() && self.circumstance_end.is_none();
        let leading = first_comma && (is_leading_subordinate_clause(&s[..i]) || is_leading_timing(&s[..i]));
        if first_comma && is_leading_circumstance(&s[..i]) {
            // Not a claim: the first clause starts after it.
            self.circumstance_end = Some(i + 1);
            return;
        }
        if next == "according" {
            // "..., according to the electoral institute, in a vote ...": the attribution
            // closes at the next comma.
            self.relative_open = true;
        } else if CLAUSE_OPENERS.contains(&next) || is_participle(next) || ranking || summary || leading {
            self.relative_open = matches!(next, "who" | "which" | "whose") || is_participle(next);
            self.cuts.push((i, i + 1));
        } else if self.relative_open {
            // The comma that closes "X, who ..., did Y".
            self.relative_open = false;
            self.cuts.push((i, i + 1));
        }
    }
}

/// The clauses of `sentence` as spans into `text`, in order, covering the sentence.
pub fn clauses(text: &str, sentence: Span) -> Vec<Span> {
    let sentence = without_dateline(text, sentence);
    let s = sentence.of(text);
    let mut cutter = Cutter::default();
    let mut in_straight = false;
    let mut depth_curly = 0i32;
    let mut depth_paren = 0i32;
    let bytes = s.as_bytes();
    for (i, c) in s.char_indices() {
        match c {
            '"' => in_straight = !in_straight,
            '“' => depth_curly += 1,
            '”' => depth_curly = (depth_curly - 1).max(0),
            '(' => depth_paren += 1,
            ')' => depth_paren = (depth_paren - 1).max(0),
            _ => {}
        }
        if in_straight || depth_curly > 0 || depth_paren > 0 {
            continue;
        }
        let rest = &s[i + c.len_utf8()..];
        match c {
            ';' => cutter.cuts.push((i, i + 1)),
            // A colon before a quote introduces it ('posted on X: "..."'): one claim.
            ':' if rest.starts_with(' ')
                && !s[..i].ends_with(|ch: char| ch.is_ascii_digit())
                && !rest.trim_start().starts_with(['"', '“']) =>
            {
                cutter.cuts.push((i, i + 1))
            }
            '—' | '–' if rest.starts_with(' ') || s[..i].ends_with(' ') => cutter.cuts.push((i, i + c.len_utf8())),
            '-' if rest.starts_with(' ') && i > 0 && bytes[i - 1] == b' ' => cutter.cuts.push((i, i + 1)),
            ',' if rest.starts_with(|ch: char| ch.is_ascii_digit()) => {}
            // '"We will win," he said, "and we will not stop."': the quote resumes.
            ',' if rest.trim_start().starts_with(['"', '“']) => {}
            ',' => cutter.comma(s, i, rest),
            c if c.is_whitespace() && (opens_clause(&s[..i], rest) || vote_before_infinitive(&s[..i], rest)) && !s[..i].ends_with(',') => {
                cutter.cuts.push((i, i + c.len_utf8()));
            }
            _ => {}
        }
    }
    let mut pieces: Vec<Span> = Vec::new();
    let mut start = cutter.circumstance_end.unwrap_or(0);
    for (left_end, right_start) in cutter.cuts.into_iter().chain(std::iter::once((s.len(), s.len()))) {
        let piece = Span::new(sentence.start + start, sentence.start + left_end).trim(text);
        if !piece.is_empty() {
            pieces.push(piece);
        }
        start = right_start;
    }
    glue_short(text, subject_to_predicate(text, attach_relatives(text, pieces)), sentence)
        .into_iter()
        .map(|piece| without_report_frame(text, without_connective(text, piece)))
        .collect()
}

/// Nouns of pictures that "show" what a sentence states, as a source "says" it.
const PICTURES: &[&str] = &["photos", "photographs", "pictures", "images", "video", "videos", "footage"];

/// Words that date a report between its verb and "that": "reported on March 12 that".
fn dates_the_report(word: &str) -> bool {
    let word = word.trim_end_matches([',', '.']);
    word.starts_with(|c: char| c.is_ascii_digit()) || word.parse::<chrono::Weekday>().is_ok() || super::figures::month(word).is_some()
}

/// A clause without its report frame ("TASS reported on March 12 that Putin ordered ..." ->
/// "Putin ordered ..."; "Photos of the meeting show Putin wearing ..." -> "Putin wearing ..."):
/// the frame says who told, which the speaker and the sentence's citations keep; the claim is
/// what was told, and its words alone should match other tellings. Only a plain subject makes a
/// frame: "Police denied reports that ...", "officials did not say that ..." keep their words.
fn without_report_frame(text: &str, piece: Span) -> Span {
    /// Words of a subject before the verb, and of a date between the verb and "that".
    const MAX_SUBJECT: usize = 16;
    const MAX_DATE: usize = 4;
    let s = piece.of(text);
    let words: Vec<(usize, &str)> = s.split_whitespace().map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w)).collect();
    let plain = |w: &str| {
        let lower = w.to_lowercase();
        !w.ends_with([',', ';', ':'])
            && !w.contains(['"', '“', '”'])
            && !NOT_A_SUBJECT.contains(&lower.as_str())
            && !is_verb_past(&lower)
    };
    let pictured = words.first().is_some_and(|(_, w)| PICTURES.contains(&w.to_lowercase().as_str()));
    for k in 1..words.len().min(MAX_SUBJECT + 1) {
        if !plain(words[k - 1].1) {
            return piece;
        }
        let verb = words[k].1;
        let shows = pictured && matches!(verb, "show" | "shows" | "showed");
        let noun = DETERMINERS.contains(&words[k - 1].1.to_lowercase().as_str());
        if noun || !shows && !crate::segment::is_reporting_verb(verb) {
            continue;
        }
        // "reported on March 12 that": a date may sit between the verb and "that".
        let mut next = k + 1;
        if words.get(next).is_some_and(|(_, w)| *w == "on") {
            let dated = (next + 1..words.len().min(next + 2 + MAX_DATE)).take_while(|&i| dates_the_report(words[i].1)).last();
            next = dated.map_or(next, |last| last + 1);
        }
        let statement = match words.get(next) {
            Some((_, "that")) => next + 1,
            Some((_, w)) if shows && *w != "on" => next,
            _ => return piece,
        };
        return match words.get(statement) {
            Some(&(at, _)) if words.len() - statement >= MIN_WORDS => Span::new(piece.start + at, piece.end),
            _ => piece,
        };
    }
    piece
}

/// Words that only tie a clause to the one before: "adding that", "he said that", "who told him that".
static CONNECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:(?:and|but)\s+)?(?:(?:adding|saying|noting|stressing|warning|explaining|insisting|arguing)",
        r"|(?:he|she|it|they)?\s*(?:added|said|noted|stressed|warned|explained)",
        // "who told him that ...": a reporting relative clause (see attach_relatives).
        r"|who\s+(?:said|added|told\s+\w+|assured\s+\w+))\s+that\s+"
    ))
    .expect("static regex")
});

/// A clause without the words that only tied it to the one before ("adding that the priority
/// is ..." -> "the priority is ..."; "and added that ...", "who told him that ..."): the claim
/// reads as a statement, and its speaker is found from the whole sentence.
fn without_connective(text: &str, piece: Span) -> Span {
    match CONNECTIVE.find(piece.of(text)) {
        // Only when a statement of its own follows.
        Some(m) if piece.of(text)[m.end()..].split_whitespace().count() >= 4 => Span::new(piece.start + m.end(), piece.end),
        _ => piece,
    }
}

/// A relative clause ("who reported to Putin during the visit") has no subject of its own: it
/// joins the piece it describes ("According to ... Valery Gerasimov, who reported ..."). One
/// that reports speech ("..., who told him that troops were surrounded") states its own fact.
fn attach_relatives(text: &str, pieces: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let words: Vec<&str> = piece.of(text).split_whitespace().take(6).collect();
        let relative = matches!(words.first(), Some(&("who" | "which" | "whose")));
        // "who told him that ...": a reporting verb, then "that" within two words.
        let reports_speech = words.iter().enumerate().any(|(i, w)| {
            crate::segment::is_reporting_verb(w) && words.iter().skip(i + 1).take(2).any(|next| *next == "that")
        });
        match out.last_mut() {
            Some(head) if relative && !reports_speech => head.end = piece.end,
            _ => out.push(piece),
        }
    }
    out
}

/// A bare subject cut off by an insert ("Prime Minister Pedro Sanchez | speaking at his
/// residence | asked people ...") is no claim: it joins the insert and the predicate after it.
fn subject_to_predicate(text: &str, pieces: Vec<Span>) -> Vec<Span> {
    let bare_subject = |piece: Span| {
        let words: Vec<&str> = piece.of(text).split_whitespace().collect();
        (1..=6).contains(&words.len()) && words.iter().all(|w| w.starts_with(|c: char| c.is_uppercase()))
    };
    let starts_with_participle = |piece: Span| piece.of(text).split_whitespace().next().is_some_and(is_participle);
    let mut out: Vec<Span> = Vec::with_capacity(pieces.len());
    let mut joining = 0;
    for piece in pieces {
        match out.last_mut() {
            Some(head) if joining > 0 => {
                head.end = piece.end;
                joining -= 1;
                if joining == 1 && !starts_with_participle(piece) {
                    joining = 0;
                }
            }
            _ => {
                // The predicate follows, after an insert if there is one.
                joining = if bare_subject(piece) { 2 } else { 0 };
                out.push(piece);
            }
        }
    }
    out
}

fn words(text: &str, span: Span) -> usize {
    span.of(text)
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Glues pieces shorter than [`MIN_WORDS`] to a neighbour: a modifier after a clause ("...
/// levelled | after the break | and Haller turned ...") to the clause before it, anything else
/// (a leading subject, "and ...") to the piece after it; the last one to the previous.
fn glue_short(text: &str, pieces: Vec<Span>, sentence: Span) -> Vec<Span> {
    const CONJUNCTIONS: &[&str] = &["and", "but", "or", "so", "yet", "nor"];
    let mut out: Vec<Span> = Vec::new();
    let mut pending: Option<Span> = None;
    for p in pieces {
        let p = match pending.take() {
            Some(head) => Span::new(head.start, p.end),
            None => p,
        };
        let first_word = p.of(text).split_whitespace().next().unwrap_or("");
        let modifier = first_word.starts_with(char::is_lowercase) && !CONJUNCTIONS.contains(&first_word);
        if words(text, p) >= MIN_WORDS {
            out.push(p);
        } else if let (true, Some(last)) = (modifier, out.last_mut()) {
            last.end = p.end;
        } else {
            pending = Some(p);
        }
    }
    if let Some(tail) = pending {
        match out.last_mut() {
            Some(last) => last.end = tail.end,
            None => out.push(tail),
        }
    }
    if out.is_empty() {
        out.push(sentence.trim(text));
    }
    out
}

/// Every pattern of this module, for the test that compiles them all (`lib.rs`).
#[cfg(test)]
pub(crate) static PATTERNS: &[&LazyLock<Regex>] = &[&DATELINE, &CONNECTIVE];

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        clauses(s, Span::new(0, s.len())).into_iter().map(|c| c.of(s)).collect()
    }

    #[test]
    fn the_report_frame_is_not_the_claim() {
        assert_eq!(
            split("Russian state news agency TASS reported on March 12 that Mr. Putin ordered the army to push the units out."),
            ["Mr. Putin ordered the army to push the units out."]
        );
        assert_eq!(
            split("Photos of the meeting with the general show Mr. Putin wearing military uniforms."),
            ["Mr. Putin wearing military uniforms."]
        );
        // A quote, a comma in the subject, or too short a statement keeps the frame.
        assert_eq!(split("He said that it rained."), ["He said that it rained."]);
        // A denial, a negation, a time clause or a noun "claims" keeps it too.
        for kept in [
            "Police denied reports that the suspect had fled the country last week.",
            "Officials did not say that the plant was damaged by the strike.",
            "Nobody has said that the election was rigged in any of the provinces.",
            "The ministry rejected the claims that its troops had shelled the hospital.",
            "The BBC reported on the attack that killed 12 people in Kharkiv overnight.",
            "Photos shown on state television revealed heavy damage to the bridge.",
        ] {
            assert_eq!(split(kept).concat(), kept, "{kept}");
        }
        assert_eq!(
            split("The ministry, in a statement, said that the talks would resume soon."),
            ["The ministry, in a statement, said that the talks would resume soon."]
        );
    }

    #[test]
    fn cuts_at_clause_openers_but_not_inside_quotes() {
        assert_eq!(
            split("Haller, who beat cancer two years ago, slotted in the winner with nine minutes left."),
            [
                "Haller, who beat cancer two years ago",
                "slotted in the winner with nine minutes left."
            ]
        );
        assert_eq!(
            split("\"We came, and we won the whole thing,\" he said."),
            ["\"We came, and we won the whole thing,\" he said."]
        );
    }
}
