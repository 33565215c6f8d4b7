//! Quotes and speakers.
//!
//! Quotes are found with straight and curly quotation marks; a quote left open at the end of a
//! sentence continues into the next ones of the paragraph (`mask_quotes`). Speakers come from
//! reporting verbs on either side of the quote ("..., he said", "said spokesman Dan Huot",
//! "according to Gerasimov", "Musk posted on X", "..., officials said"). Pronouns ("he")
//! resolve to the last named person of the article, descriptions ("the senator") to the person
//! last named with that role ("Sen. Ana Ruiz"), else the last named person; a surname alone
//! ("Putin") is expanded to the fullest name already seen ("Vladimir Putin").

use super::subject;
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;
use crate::vocabulary::{NON_NAMES, NOT_A_GROUP, NOT_ROLES, ORGANISATION_WORDS, PERSON_ROLES, TITLES};

/// Quoted stretches of one sentence, as spans into the paste (marks included).
/// `open` says whether the sentence starts inside a quote opened earlier; it is updated for
/// the next sentence.
pub fn quotes(text: &str, sentence: Span, open: &mut bool) -> Vec<Span> {
    let s = sentence.of(text);
    let mut out = Vec::new();
    let mut start: Option<usize> = if *open { Some(0) } else { None };
    for (i, c, width) in quote_marks(s) {
        match c {
            '“' | '«' | '„' if start.is_none() => start = Some(i),
            '”' | '»' if start.is_some() => {
                out.push(Span::new(sentence.start + start.unwrap_or(0), sentence.start + i + width));
                start = None;
            }
            '"' => match start {
                None => start = Some(i),
                Some(st) => {
                    out.push(Span::new(sentence.start + st, sentence.start + i + width));
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

/// The quotation marks of `s` with their byte offsets and widths. Two apostrophes in a row
/// are one straight double mark, as some newspapers' text writes it (''No right,'' he said).
fn quote_marks(s: &str) -> impl Iterator<Item = (usize, char, usize)> + '_ {
    let mut chars = s.char_indices().peekable();
    std::iter::from_fn(move || loop {
        let (i, c) = chars.next()?;
        if c == '\'' && chars.peek().is_some_and(|&(_, next)| next == '\'') {
            chars.next();
            return Some((i, '"', 2));
        }
        if matches!(c, '"' | '“' | '”' | '«' | '»' | '„') {
            return Some((i, c, c.len_utf8()));
        }
    })
}

/// The reporting verbs as a regex alternation ("said|says|...").
fn verbs() -> String {
    crate::vocabulary::REPORTING_VERBS.join("|")
}

/// A run of a capitalised word and up to `more` others (with particles and hyphens), e.g.
/// "Sultan Al Jaber", "Jean-Louis Gasset", "Andrés Manuel López Obrador".
fn name_run(more: usize) -> String {
    format!(r"(?:[A-ZÀ-ÖØ-ÞŁŚŠŽ][\w'’.-]*)(?:\s+(?:(?:al|el|de|del|da|van|von|bin|la|le)[- ]?)?[A-ZÀ-ÖØ-ÞŁŚŠŽ][\w'’-]*){{0,{more}}}")
}

/// A name as speakers are written: up to five capitalised words.
fn name_pattern() -> String {
    name_run(4)
}

/// A reporting verb right after a quote or a comma, then the speaker: `"...," said spokesman
/// Dan Huot`. Lower-case words between the verb and the name are checked by [`is_role_gap`].
static AFTER_VERB: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?:^|[,”\x22]\s*)(?P<cue>{verbs})\s+((?:(?:the\s+)?(?:[a-zß-öø-ÿ-]+\s+){{0,3}})?)({name})",
            name = name_pattern(),
            verbs = verbs()
        ))
        .expect("valid speaker regex")
    });

/// The subject before a reporting verb: a name, a pronoun or a description ("the Kremlin
/// leader"), optionally with a short parenthesis ("Sen. Ana Ruiz (D-Ohio) said") and an inserted
/// phrase between commas or dashes ("Gerasimov, head of the General Staff, said").
static BEFORE_VERB: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?:^|[\s(,“\x22])((?:{name})|[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Tt]he\s+(?:[\w-]+\s+){{0,3}}?[a-zß-öø-ÿ-]+)(?:\s*\([^()]{{1,12}}\))?(?:,[^;:“”\x22]{{1,160}}?,|\s+[—–][^—–;:“”\x22]{{1,160}}[—–])?\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+)?(?P<cue>{verbs})\b",
            name = name_pattern(),
            verbs = verbs()
        ))
        .expect("valid speaker regex")
    });

/// A description of up to four words after a reporting verb that follows a quote or a comma,
/// ending the sentence or its clause: `"...," said the woman.`, `..., says one activist, who`.
static AFTER_VERB_DESCRIPTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"[,”\x22]\s*(?P<cue>{verbs})\s+((?:the|a|an|one|another)\s+(?:[a-z-]+\s+){{0,2}}[a-z-]+)\s*(?:[,.;!?)]|$)",
            verbs = verbs()
        ))
        .expect("valid speaker regex")
    });

/// A group named in lower case before its reporting verb, opening the clause or after a
/// comma (and a conjunction): "..., officials said.", "..., but most delegates said".
static GROUP_BEFORE_VERB: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?:^|,\s+)(?:[Aa]nd\s+|[Bb]ut\s+)?((?:[a-z][\w-]*\s+){{0,3}}[a-z][\w-]*)\s+(?:also\s+|have\s+|had\s+)?(?P<cue>{verbs})\b",
            verbs = verbs()
        ))
        .expect("valid speaker regex")
    });

/// The sentence's subject when it reports in a second predicate: "President X celebrated the
/// results on the X network and said ...", "X hailed his protegee, saying ...". The name run is
/// longer than [`name_pattern`]'s, so a title and a four-part name fit.
static SUBJECT_REPORTING_LATER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^({name})\s[^,;]{{1,200}}?(?:,\s+(?P<cue>saying|adding|noting|writing|stressing)|\s+and\s+(?P<verb>{verbs}))\s",
            name = name_run(7),
            verbs = verbs()
        ))
        .expect("valid speaker regex")
    });

/// "according to X", "cited X": the whole phrase up to the next comma, so that "according to
/// Russian Chief of the General Staff Valery Gerasimov" yields the person, not the title.
static ACCORDING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?P<cue>[Aa]ccording to|cited|quoted)\s+([^,;:.!?“”\x22]{1,90})").expect("valid speaker regex")
    });

/// A clause that opens with a name (past a conjunction, with an optional party or place in
/// parentheses and an inserted phrase between commas), then a lower-case word: its verb or
/// auxiliary.
static ACTOR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^\s*(?:(?:But|And|Yet|So|Still|Now)\s+)?({name})(?:\s*\([^()]{{1,12}}\))?(?:,[^,]{{1,80}},)?\s+(?P<verb>[a-z][a-z'’-]*)\b",
            name = name_pattern()
        ))
        .expect("valid actor regex")
    });

static PERSON: LazyLock<Regex> = LazyLock::new(|| Regex::new(&name_pattern()).expect("valid name regex"));

/// Who a stretch of text names: a person, an organisation, or nobody.
#[derive(Debug, PartialEq)]
enum Named<'t> {
    Person(&'t str),
    Organisation(&'t str),
    Nobody,
}

/// Reads one capitalised run: titles and organisation words before a name are dropped
/// ("UN Secretary-General Antonio Guterres" -> Antonio Guterres), a run that ends in an
/// organisation word is that organisation, and possessives ("Russia's Kursk") name nobody.
fn named_in(run: &str) -> Named<'_> {
    let run = run.trim().trim_end_matches(['.', ',', '’', '\'']);
    let words: Vec<&str> = run.split_whitespace().collect();
    if words.iter().any(|w| w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'")) {
        return Named::Nobody;
    }
    let last_org = words.iter().rposition(|w| ORGANISATION_WORDS.contains(w));
    // The name starts after the last title or organisation word ("UN Secretary-General X").
    let last_marker = words.iter().rposition(|w| ORGANISATION_WORDS.contains(w) || TITLES.contains(w));
    let first_name = words
        .iter()
        .enumerate()
        .skip(last_marker.map_or(0, |i| i + 1))
        .find(|(_, w)| !TITLES.contains(w) && !is_non_name(w))
        .map(|(i, _)| i);
    let byte_of = |i: usize| -> usize { words[i].as_ptr() as usize - run.as_ptr() as usize };
    match (first_name, last_org) {
        (Some(i), _) => {
            let name = &run[byte_of(i)..];
            if name.split_whitespace().any(is_non_name) {
                Named::Nobody
            } else {
                Named::Person(name)
            }
        }
        (None, Some(_)) => {
            let start = words.iter().position(|w| !is_non_name(w)).unwrap_or(0);
            Named::Organisation(&run[byte_of(start)..])
        }
        (None, None) => Named::Nobody,
    }
}

/// Whether the lower-case words between a reporting verb and a name describe the speaker
/// ("said spokesman Dan Huot", "said the company's chief") rather than start the reported
/// speech ("said that Kyiv's troops", "said on Wednesday").
fn is_role_gap(gap: &str) -> bool {
    gap.split_whitespace().all(|w| !NOT_ROLES.contains(&w))
}

/// Whether lower-case words before a reporting verb name a group of people ("most of the
/// delegates"): they open with no function word, hold none but "of" and "and" ("declined to
/// say" is a verb), and no relative word, auxiliary or adverb.
fn is_group(words: &str) -> bool {
    let mut words = words.split_whitespace();
    let first = words.next().unwrap_or("");
    let inner = |w: &str| !NOT_A_GROUP.contains(&w) && (!NOT_ROLES.contains(&w) || matches!(w, "of" | "and"));
    !NOT_ROLES.contains(&first) && !NOT_A_GROUP.contains(&first) && words.all(inner)
}

/// Words that start with a capital but never name a speaker.
fn is_non_name(w: &str) -> bool {
    NON_NAMES.contains(&w)
}

/// Who said a sentence and the words that show it. Spans are byte ranges of the text the
/// speaker was read from (a sentence or a clause); the caller moves them into the paste.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The source, resolved: a person in their fullest known name, or a body.
    pub speaker: String,
    /// The words that name the source ("spokesman Dan Huot", "he", "the Foreign Ministry").
    pub source: Span,
    /// The reporting cue ("said", "according to", "saying"), where the words hold one.
    pub cue: Option<Span>,
    /// Whether a reporting phrase names the source ("X said", "according to X"), rather than
    /// only the subject of a verb of thinking or saying ("many observers expect").
    pub reported: bool,
}

impl Attribution {
    /// The same attribution with its spans moved `by` bytes on (into the paste).
    pub fn shifted(&self, by: usize) -> Attribution {
        let shift = |s: Span| Span::new(s.start + by, s.end + by);
        Attribution { source: shift(self.source), cue: self.cue.map(shift), ..self.clone() }
    }
}

/// One attribution phrase of a sentence: the words naming the source and the cue beside them.
struct Phrase<'t> {
    source: regex::Match<'t>,
    cue: Option<regex::Match<'t>>,
}

impl Phrase<'_> {
    fn attribution(&self, speaker: String) -> Attribution {
        let span = |m: regex::Match| Span::new(m.start(), m.end());
        Attribution { speaker, source: span(self.source), cue: self.cue.map(span), reported: true }
    }
}

/// Keeps the people named so far in one article, to resolve "he" and surnames, and the last
/// body that spoke, to resolve "it said".
#[derive(Default, Debug)]
pub struct People {
    names: Vec<String>,
    /// The last body that spoke, while no other body has been named since.
    last_body: Option<String>,
    /// (acronym, full name) from "the National Electoral Institute (INE)".
    acronyms: Vec<(String, String)>,
    /// Single words the article capitalises inside a sentence ("WikiLeaks", "Democrats"): names,
    /// unlike a capitalised word that only opens sentences ("Throughout").
    proper_words: std::collections::BTreeSet<String>,
    /// (role, person) from the titles and roles a person is named with ("President Ana Ruiz",
    /// "party spokesman Tom Berg"), so "the president" is the one named so.
    roles: Vec<(String, String)>,
}

/// A title as the role word that describes its holder ("Sen." -> "senator").
fn role_of_title(title: &str) -> String {
    let role = match title {
        "Sen." => "senator",
        "Gov." => "governor",
        "Rep." => "representative",
        "Gen." => "general",
        "Col." => "colonel",
        "Capt." => "captain",
        "Prof." => "professor",
        "Sgt." => "sergeant",
        "Adm." => "admiral",
        other => other,
    };
    role.to_lowercase()
}

/// "Full Name Of A Body (ACRONYM)".
static ACRONYM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"((?:[A-Z][\w'’-]+\s+)(?:(?:of|for|and|the|de|del|la)\s+)?(?:[A-Z][\w'’-]+\s+){0,5})\(([A-Z]{2,6})\)")
            .expect("valid acronym regex")
    });

impl People {
    /// Remembers the full names of people in a sentence ("President Vladimir Putin" ->
    /// "Vladimir Putin").
    pub fn observe(&mut self, sentence: &str) {
        for c in ACRONYM.captures_iter(sentence) {
            if let (Some(full), Some(short)) = (c.get(1), c.get(2)) {
                let full = full.as_str().trim();
                let full = full.strip_prefix("The ").unwrap_or(full);
                self.acronyms.push((short.as_str().to_string(), full.to_string()));
            }
        }
        let inner_words = sentence.split_whitespace().skip(1).map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
        self.proper_words.extend(inner_words.filter(|w| w.starts_with(char::is_uppercase) && !is_non_name(w) && !TITLES.contains(w)).map(str::to_string));
        for m in PERSON.find_iter(sentence) {
            if let Named::Person(name) = named_in(m.as_str()) {
                if (2..=4).contains(&name.split_whitespace().count()) {
                    self.names.push(name.to_string());
                }
                self.observe_roles(&sentence[..m.start()], &m.as_str()[..m.as_str().find(name).unwrap_or(0)], name);
            }
        }
    }

    /// Remembers the roles `name` is given: the titles of its run ("Prime Minister") and a
    /// role in lower case right before it ("party spokesman Tom Berg").
    fn observe_roles(&mut self, before: &str, titles: &str, name: &str) {
        let person = self.expand(name);
        let lower_role = before.split_whitespace().last().filter(|w| PERSON_ROLES.contains(w));
        let roles: Vec<String> = titles.split_whitespace().map(role_of_title).chain(lower_role.map(str::to_string)).collect();
        for role in roles {
            self.roles.push((role, person.clone()));
        }
    }

    /// The person last named with `role` ("president"), in their fullest known name.
    fn holder_of(&self, role: &str) -> Option<String> {
        self.roles.iter().rev().find(|(r, _)| r == role).map(|(_, person)| self.expand(person))
    }

    fn last(&self) -> Option<String> {
        self.names.last().cloned()
    }

    /// The fullest known name ending with `surname` ("Putin" -> "Vladimir Putin"), or the body
    /// an acronym stands for ("INE" -> "National Electoral Institute").
    fn expand(&self, name: &str) -> String {
        if name.contains(char::is_whitespace) {
            return name.to_string();
        }
        if let Some((_, full)) = self.acronyms.iter().rev().find(|(short, _)| short == name) {
            return full.clone();
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
        self.attribution(sentence, false).map(|a| a.speaker)
    }

    /// Who said `sentence` and the words that show it; `inside_quote` says whether it starts
    /// inside a quote opened earlier.
    pub fn attribution(&mut self, sentence: &str, inside_quote: bool) -> Option<Attribution> {
        let masked = mask_quotes(sentence, inside_quote);
        let found = attributions(&masked).into_iter().find_map(|phrase| self.resolve(phrase.source.as_str()).map(|who| phrase.attribution(who)));
        let found = found.or_else(|| {
            let c = SUBJECT_REPORTING_LATER.captures(&masked)?;
            let subject = c.get(1)?;
            // "In Paris Macron met ...", "Kyiv and Moscow traded ...": not a lone subject.
            let opener = subject.as_str().split_whitespace().next().is_some_and(is_non_name);
            let next = masked[subject.end()..].split_whitespace().next().unwrap_or("");
            if opener || !next.starts_with(char::is_lowercase) || matches!(next, "and" | "or") {
                return None;
            }
            let phrase = Phrase { source: subject, cue: c.name("cue").or_else(|| c.name("verb")) };
            self.speaker_named(subject.as_str()).map(|who| phrase.attribution(who))
        });
        let resolved = found.as_ref().map(|a| a.speaker.clone());
        self.observe(&masked);
        // A body named since is the nearer antecedent of "it" ("The World Bank released ...").
        let other_body = PERSON
            .find_iter(&masked)
            .any(|m| matches!(named_in(m.as_str()), Named::Organisation(org) if Some(org) != self.last_body.as_deref()));
        if other_body {
            self.last_body = None;
        }
        if let Some(name) = &resolved {
            if matches!(named_in(name), Named::Organisation(_)) {
                self.last_body = Some(name.clone());
            } else if name.contains(char::is_whitespace) && !self.names.contains(name) {
                self.names.push(name.clone());
            }
        }
        found
    }

    /// The speaker a subject phrase names: a pronoun resolved, the name it opens with in its
    /// fullest form ("President Maria Lopez on Monday" -> Maria Lopez), or else the phrase
    /// itself ("Public health experts", "the city council").
    fn subject_speaker(&self, phrase: &str) -> Option<String> {
        let first = phrase.split_whitespace().next()?.to_lowercase();
        if matches!(first.as_str(), "he" | "she" | "it" | "they") {
            return self.resolve(phrase);
        }
        let named = PERSON.find(phrase).filter(|name| name.start() == 0).and_then(|name| self.speaker_named(name.as_str()));
        Some(named.unwrap_or_else(|| phrase.to_string()))
    }

    /// The speaker a clause names itself ("while Syrsky said 942 Russians ..."), if any; it
    /// outranks the sentence's speaker for that clause. Nothing is remembered.
    pub fn clause_attribution(&self, clause: &str) -> Option<Attribution> {
        let masked = mask_quotes(clause, false);
        attributions(&masked).into_iter().find_map(|phrase| self.resolve(phrase.source.as_str()).map(|who| phrase.attribution(who)))
    }

    /// The attribution of a clause to the subject of a cue verb ("Many observers expect"): the
    /// last resort, below any reporting verb's and any quote's speaker, since in "Putin said
    /// Russia does not intend ..." the clause's subject is not its source. It names no one
    /// later sentences refer back to, so nothing is remembered of it.
    pub fn subject_attribution(&self, clause: &str) -> Option<Attribution> {
        let masked = mask_quotes(clause, false);
        let (source, cue) = subject::subject_and_cue(&masked)?;
        self.subject_speaker(source.of(&masked)).map(|speaker| Attribution { speaker, source, cue: Some(cue), reported: false })
    }

    /// The actor a clause opens with, as the last resort for its source: a person or a body
    /// named first, then the verb ("Trump has pandered to ...", "But Ryan, a conservative,
    /// hopes ..."). News attributes stances and acts to their actor as it does words; as the
    /// actor is no reporting phrase (`reported` is false), it never decides whether two claims
    /// are one. A possessive ("Trump's campaign") names no actor. Nothing is remembered of it.
    pub fn actor_attribution(&self, clause: &str) -> Option<Attribution> {
        let masked = mask_quotes(clause, false);
        let c = ACTOR.captures(&masked)?;
        let actor = c.get(1)?;
        let verb = c.name("verb")?;
        let speaker = self.speaker_named(actor.as_str())?;
        // One capitalised word opens many sentences ("Throughout", "Wealthy"): alone it is an
        // actor only as the surname of someone named before, as an acronym, or as a word the
        // article capitalises inside its sentences.
        let known = speaker.contains(char::is_whitespace) || (speaker.len() >= 2 && speaker.chars().all(|c| c.is_uppercase())) || self.proper_words.contains(&speaker);
        if !known {
            return None;
        }
        Some(Attribution { speaker, source: Span::new(actor.start(), actor.end()), cue: Some(Span::new(verb.start(), verb.end())), reported: false })
    }

    /// The speaker a capitalised run names: a person in their fullest known form, or a body.
    fn speaker_named(&self, run: &str) -> Option<String> {
        match named_in(run) {
            Named::Person(name) => Some(self.expand(name)),
            Named::Organisation(org) => Some(org.to_string()),
            Named::Nobody => None,
        }
    }

    /// Who an attribution phrase names: a pronoun resolves to the last named person, a
    /// person's description to the one last named with its role ("the senator": "Sen. Ana
    /// Ruiz"), else to the last named person, a name to its fullest form, an organisation or a group to itself.
    fn resolve(&self, phrase: &str) -> Option<String> {
        let phrase = phrase.trim().trim_end_matches(['.', ',']);
        let first = phrase.split_whitespace().next().unwrap_or("");
        if matches!(first, "he" | "He" | "she" | "She") {
            return self.last();
        }
        if matches!(first, "it" | "It") {
            return self.last_body.clone();
        }
        if matches!(first, "they" | "They") {
            return None;
        }
        // "a ministry spokesman", "an official": someone new, named only by that description,
        // never the person named last.
        if matches!(first, "a" | "an" | "A" | "An") && phrase.split_whitespace().count() >= 2 {
            return match PERSON.find_iter(phrase).find_map(|m| self.speaker_named(m.as_str())) {
                Some(named) => Some(named),
                None => Some(phrase.to_string()),
            };
        }
        // "the X network and said": a description never holds a conjunction.
        if first.eq_ignore_ascii_case("the") && phrase.split_whitespace().any(|w| matches!(w, "and" | "or")) {
            return None;
        }
        // "the Portuguese tactician": a description of a person, whatever its adjectives.
        let head = phrase.rsplit(char::is_whitespace).next().unwrap_or("");
        if first.eq_ignore_ascii_case("the") && PERSON_ROLES.contains(&head) {
            return self.holder_of(head).or_else(|| self.last());
        }
        // The first name in the phrase, past its titles: "Russian Chief of the General Staff
        // Valery Gerasimov", "the quick count the National Electoral Institute (INE) released".
        if let Some(speaker) = PERSON.find_iter(phrase).find_map(|m| self.speaker_named(m.as_str())) {
            return Some(speaker);
        }
        if PERSON_ROLES.contains(&head.to_lowercase().as_str()) {
            return self.last();
        }
        // A body or a group named by a description ("the fire department", "according to local
        // media"): the source is the description itself.
        if first.eq_ignore_ascii_case("the") || first.starts_with(char::is_lowercase) {
            return Some(phrase.to_string());
        }
        None
    }
}

/// "said Nigeria coach Jose Peseiro": a team, country or body, then a role, then the person,
/// who is the speaker.
fn person_after_role<'a>(masked: &'a str, name: regex::Match<'a>) -> Option<regex::Match<'a>> {
    let rest = &masked[name.end()..];
    let role = rest.split_whitespace().next()?;
    if !rest.starts_with(' ') || !PERSON_ROLES.contains(&role) {
        return None;
    }
    let after_role = name.end() + rest.find(role)? + role.len();
    let person = PERSON.find_at(masked, after_role)?;
    (masked[after_role..person.start()].trim().is_empty()).then_some(person)
}

/// Objects that make a reporting verb an act: "Galvez conceded defeat", "claimed victory",
/// "acknowledged the result" report no words of the subject's.
const ACT_OBJECTS: &[&str] = &["defeat", "victory", "responsibility", "result", "results", "win"];

/// Whether the words right after a reporting verb are an object from [`ACT_OBJECTS`], past a
/// determiner ("acknowledged her defeat").
fn acts_on_object(after_verb: &str) -> bool {
    let mut words = after_verb.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty());
    let mut word = words.next().unwrap_or("");
    if matches!(word, "the" | "her" | "his" | "their" | "its") {
        word = words.next().unwrap_or("");
    }
    ACT_OBJECTS.contains(&word)
}

/// The attribution phrases of a (quote-masked) sentence in text order: "X said", "said X"
/// and "according to X".
fn attributions(masked: &str) -> Vec<Phrase<'_>> {
    let after = AFTER_VERB
        .captures_iter(masked)
        .filter(|c| c.get(2).is_some_and(|gap| is_role_gap(gap.as_str())))
        .filter_map(|c| c.get(3).map(|m| Phrase { source: person_after_role(masked, m).unwrap_or(m), cue: c.name("cue") }));
    let before = BEFORE_VERB
        .captures_iter(masked)
        .filter(|c| c.get(0).is_some_and(|whole| !acts_on_object(&masked[whole.end()..])))
        .filter_map(|c| c.get(1).map(|m| Phrase { source: m, cue: c.name("cue") }));
    let according = ACCORDING.captures_iter(masked).filter_map(|c| c.get(2).map(|m| Phrase { source: m, cue: c.name("cue") }));
    let described = AFTER_VERB_DESCRIPTION
        .captures_iter(masked)
        .filter(|c| c.get(2).is_some_and(|d| is_role_gap(d.as_str()) && is_group(d.as_str())))
        .filter_map(|c| c.get(2).map(|m| Phrase { source: m, cue: c.name("cue") }));
    // A lower-case subject is a group ("officials", "most of them"), not a clause word
    // ("which critics", "and then").
    let group = GROUP_BEFORE_VERB
        .captures_iter(masked)
        .filter(|c| c.get(1).is_some_and(|g| is_group(g.as_str())) && c.get(0).is_some_and(|whole| !acts_on_object(&masked[whole.end()..])))
        .filter_map(|c| c.get(1).map(|m| Phrase { source: m, cue: c.name("cue") }));
    let mut found: Vec<Phrase> = after.chain(before).chain(according).chain(described).chain(group).collect();
    found.sort_by_key(|p| p.source.start());
    found
}

/// The sentence with quoted words blanked out, so a quote's own words are not read as the
/// attribution.
fn mask_quotes(s: &str, inside_at_start: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut inside = inside_at_start;
    let mut copied = 0;
    for (i, c, width) in quote_marks(s).chain(std::iter::once((s.len(), '\0', 0))) {
        for between in s[copied..i].chars() {
            if inside {
                // One filler byte per byte, so offsets in the mask are offsets in the sentence.
                let filler = if between.is_whitespace() { ' ' } else { 'x' };
                out.extend(std::iter::repeat_n(filler, between.len_utf8()));
            } else {
                out.push(between);
            }
        }
        copied = i + width;
        if width == 0 {
            break;
        }
        inside = match c {
            '“' | '«' | '„' => true,
            '”' | '»' => false,
            _ => !inside,
        };
        out.push(c);
        // A doubled apostrophe stays two bytes: a straight mark and a space.
        if width == 2 {
            out.push(' ');
        }
    }
    out
}

/// Every pattern of this module, for the test that compiles them all (`lib.rs`).
#[cfg(test)]
pub(crate) static PATTERNS: &[&LazyLock<Regex>] = &[&AFTER_VERB, &AFTER_VERB_DESCRIPTION, &GROUP_BEFORE_VERB, &BEFORE_VERB, &SUBJECT_REPORTING_LATER, &ACCORDING, &ACTOR, &PERSON, &ACRONYM];

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

    #[test]
    fn doubled_apostrophes_are_quotation_marks() {
        let text = "''Ana Ruiz said he had no plan,'' Mr. Lee said.";
        let mut open = false;
        let found = quotes(text, Span::new(0, text.len()), &mut open);
        assert_eq!(found.iter().map(|q| q.of(text)).collect::<Vec<_>>(), ["''Ana Ruiz said he had no plan,''"]);
        assert_eq!(People::default().speaker(text), Some("Lee".into()));
    }

    #[test]
    fn it_said_is_the_last_body_that_spoke() {
        let mut people = People::default();
        assert_eq!(people.speaker("It said the talks would resume."), None);
        assert_eq!(
            people.speaker("The troops would be targets, the Foreign Ministry said on Monday."),
            Some("Foreign Ministry".into())
        );
        assert_eq!(people.speaker("It said Western countries had to understand."), Some("Foreign Ministry".into()));
        assert_eq!(people.speaker("\"No,\" he said."), None);
        // Once another body is named, the one that spoke is no longer "it".
        people.speaker("The troops would be targets, the Foreign Ministry said on Monday.");
        people.speaker("The World Bank released its forecast on Tuesday.");
        assert_eq!(people.speaker("It said growth would slow to 2% this year."), None);
    }
}
