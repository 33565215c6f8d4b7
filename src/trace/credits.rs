//! Credits: which agencies an article names, and in what role.
//!
//! The cleaner's line kinds are a hint, never the whole story: a credit may sit in a line it
//! called boilerplate ("Xinhua" under the title, "-- WAM" after the body). So every line of the
//! article's *region* is read for credit shapes:
//!
//! * **dateline**: a line that opens with "CITY, Date (Agency) -", "(Reuters) -",
//!   "MOSCOW, Oct 4 /TASS/", "TOKYO, March 19 (Bernama-Kyodo) --" (several agencies credit both);
//! * **byline**: "By AFP", "By Jane Doe, Associated Press";
//! * **credit**: a line or `|`-separated field made of agency names and credit words only
//!   ("Source: Xinhua", "SOURCE: AA", "-- WAM", "==Kyodo", "(ANSA).", "With AFP and Reuters",
//!   "Published 11/02/2024 - 22:31 GMT | AFP"), a copyright holder ("(c) EFE 2024"), a
//!   contributor line, a wire code line ("dpa/AFP ar/jst xx a3 mr"), a sign-off "(Agency)" that
//!   closes the last paragraph;
//! * **photo**: an agency inside a photo credit ("(Photo: REUTERS/Luc Koffi)", "Xinhua/Li Wen",
//!   "Foto: Rafa Molina/AP/dpa", "(Jiji)" closing a caption), or a bare agency line next to a
//!   caption that has no credit of its own;
//! * **cited** / **mention**: names in body sentences (see `citations`).
//!
//! The region of an article runs from its start to the next article of the same paste (the
//! first article also owns the paste's head), so sign-offs below the body are read too.

use super::citations;
use super::registry::{self, AgencyMatch};
use super::provenance::{Credit, Role};
use crate::clean::{Article, LineKind};
use crate::span::{floor_char_boundary, tail_start};
use crate::segment;
use crate::vocabulary::{self, Language};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

/// What reading an article's credits found: the credits, and the names already read as
/// datelines, credits or photo credits (so citation scans skip them).
pub struct ArticleCredits {
    /// The article's credits, in the order read.
    pub credits: Vec<Credit>,
    /// Names already read as datelines, credits or photo credits.
    pub claimed: Vec<Span>,
}

struct LineInfo {
    span: Span,
    kind: Option<LineKind>,
}

/// Words that may stand beside agency names in a credit field without making it prose.
static FILLER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(?:sources?|by|with|and|inputs?|from|files|news|agency|agencies|the|copyright|all|rights|reserved|staff|wire|services?|credits?|reporting|additional|agencia|agence|agenzia|agentur|agência|via|compiled|writers?|report|desk|\d{4}|con|información|informacion|de|del|la|el|y|e|fuentes?|avec|et|mit|material|von|und|quelle|fonte|com|informações|informacoes|da|do|источник|по|материалам|и|来源|來源|出典|출처|المصدر|مصدر|و)\b|\(c\)|/[a-z]{2,4}\b|[-–—=■•|/,;:()（）【】「」：、，&+.*_~©\s]").expect("static regex"));

static BYLINE_START: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:By|BY|by)\s").expect("static regex"));

static COPYRIGHT_START: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:©|\(c\)|\(C\)|Copyright|COPYRIGHT)\s*(?:©\s*)?(?:\d{4}\s*)?(?:The\s+)?").expect("static regex"));

static CONTRIBUTOR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bcontribut\w*|^\(?(?:additional )?(?:reporting|writing|editing) by\b|^\(?with (?:inputs? )?(?:from )?|^this (?:report|article|story) (?:by|from)\b").expect("static regex"));

/// Photo words before a name in the same caption credit.
static PHOTO_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(?:photos?|photograph|pictures?|pic|images?|imagen|fotos?|bild|screengrab|file photo|фото|写真|照片|图片|圖片|사진|صورة)\b").expect("static regex"));

static PHOTO_AFTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*(?:Photo|PHOTO|Photos|photo|Pictures|Images|Image)\b|^\s*/\s*[A-ZÀ-ÖØ-ÞĀ-Ž]").expect("static regex"));

/// "/Pool via ", "Name/Agency via ": a photo passed on through another agency.
static PHOTO_HANDOVER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)(?:\bpool|/[^/\s]+(?:\s[^/\s]+)?)\s+via\s+$").expect("static regex"));

static CAPTION_CUE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bin this (?:\w+ )?(?:image|photo|picture|handout|screengrab|grab|video|photograph)\b|\((?:file|file photo|screengrab|handout)\)|\bpictured\b|\b(?:photo|picture|foto)\s*(?::|by\b)|\b(?:this|the|a|file) (?:photo|picture|image|photograph|screengrab|handout)\b|\b(?:photo|image|picture) (?:provided|taken|released|courtesy|obtained|shows)\b|\((?:left|right|center|centre|top|bottom|front|second from (?:left|right)|L|R|C)\)|\benlarge image\b").expect("static regex"));

static ENDS_WITH_PAREN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\(([^()]{1,40})\)\s*\.?\s*$").expect("static regex"));

static TRAILING_SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s[-–—]{1,2}\s*([^-–—()]{1,40}?)\.?\s*$").expect("static regex"));

/// Reuters' house sign-off names only people, by their part in the story, in any case and with or
/// without its parentheses: "(Reporting by A in City; Editing by B)", "Writing by A; editing by B",
/// or one parenthesised reporter with the place filed from, "(Reporting by A in City)". One part
/// without parentheses or a place ("Additional reporting by A") is any outlet's thanks.
static REUTERS_SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    let part = r"(?:additional\s+)?(?:reporting|writing|editing|compiled|compiling|graphics)\s+by\b[^();]+";
    Regex::new(&format!(
        r"(?xi)
        ^ \(? \s* {part} (?: ;\s* {part} )+ \)? \.? $      # two parts or more
        | ^ \( \s* (?:additional\s+)?reporting\s+by\b [^();]+? \s in \s [^();]+ \) \.? $   # one reporter, a place",
    ))
    .expect("static regex")
});

/// "... in the province of Valencia. EFE": an agency name closing the last paragraph's final sentence.
static CLOSING_NAME: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"[.!?»”"]\s+([^.!?]{1,40}?)\s*$"#).expect("static regex"));

static CODE_TOKEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:[a-z0-9/]{1,6}|[A-Z]{2,4})$").expect("static regex"));

/// The non-blank lines of `region`, with the cleaner's kind where it classified them.
fn region_lines(text: &str, article: &Article, region: Span) -> Vec<LineInfo> {
    let body = region.of(text);
    let mut out = Vec::new();
    let mut start = region.start;
    for raw in body.split_inclusive('\n') {
        let span = Span::new(start, start + raw.len()).trim(text);
        start += raw.len();
        if span.is_empty() {
            continue;
        }
        let kind = article.lines.binary_search_by_key(&span.start, |l| l.span.start).ok().map(|i| article.lines[i].kind);
        out.push(LineInfo { span, kind });
    }
    out
}

/// Whether a line reads as a photo caption: the cleaner says so, or it holds caption words.
fn caption_like(text: &str, line: &LineInfo) -> bool {
    line.kind == Some(LineKind::Caption) || CAPTION_CUE.is_match(line.span.of(text))
}

/// Whether `span` of `text` is a pure credit: it holds some of the agency names `matches`, and
/// everything else in it is separators and credit words ("Source:", "With", "©", years).
fn pure_credit(text: &str, span: Span, matches: &[AgencyMatch]) -> bool {
    let inside: Vec<&AgencyMatch> = matches.iter().filter(|m| span.contains(m.span)).collect();
    if inside.is_empty() {
        return false;
    }
    let mut rest = String::new();
    let mut at = span.start;
    for m in inside {
        rest.push_str(&text[at..m.span.start]);
        rest.push(' ');
        at = m.span.end;
    }
    rest.push_str(&text[at..span.end]);
    FILLER.replace_all(&rest, "").is_empty()
}

/// A dateline at the start of a line: the span of its place, date and agencies, and the
/// agencies. Shapes: "PLACE, Date (Agency[-/]Agency) -", "MOSCOW, Oct 4 /TASS/.",
/// "Riyadh, March 12, SPA --" (agency after a comma, then a dash), "[東京 19日 ロイター] -"
/// and "新华社北京3月12日电" (agency first, the dispatch mark 电 after place and date).
fn dateline(text: &str, line: Span, matches: &[AgencyMatch]) -> Option<(Span, Vec<AgencyMatch>)> {
    let s = line.of(text);
    let found = bracketed_dateline(text, line, matches).or_else(|| comma_dateline(s, line, matches)).or_else(|| dispatch_dateline(s, line, matches))?;
    let (end, names) = found;
    Some((Span::new(line.start, end).trim(text), names))
}

fn dash_then_prose(tail: &str) -> Option<usize> {
    let rest = tail.trim_start_matches(['.', ' ', '-', '–', '—', ':']);
    (rest.split_whitespace().count() >= 4 || rest.chars().count() >= 20 && !rest.contains(' ')).then_some(tail.len() - rest.len())
}

/// "(Agency)", "/Agency/" or "[place date Agency]" after a place and date.
fn bracketed_dateline(text: &str, line: Span, matches: &[AgencyMatch]) -> Option<(usize, Vec<AgencyMatch>)> {
    let s = line.of(text);
    let head = &s[..floor_char_boundary(s, 100)];
    for (open, opener) in head.char_indices().filter(|&(i, c)| c == '(' || c == '/' || matches!(c, '[' | '【') && i == 0) {
        let prefix = &s[..open];
        if !dateline_prefix(prefix) {
            continue;
        }
        let closer = match opener {
            '(' => ')',
            '[' => ']',
            '【' => '】',
            _ => '/',
        };
        let inner_start = open + opener.len_utf8();
        let Some(close) = s[inner_start..].find(closer).map(|c| inner_start + c) else { continue };
        let inner = Span::new(line.start + inner_start, line.start + close);
        let names: Vec<AgencyMatch> = matches.iter().copied().filter(|m| inner.contains(m.span)).collect();
        let shaped = if matches!(opener, '[' | '【') || opener == '(' && inner.of(text).contains('=') {
            // "[TOKYO 19日 ロイター]", "【ワシントン共同】", "(서울=연합뉴스)": place and date
            // words, then the agency last.
            names.last().is_some_and(|m| text[m.span.end..inner.end].trim().is_empty())
                && dateline_prefix(&text[inner.start..names[0].span.start])
        } else {
            pure_credit(text, inner, matches)
        };
        if !shaped {
            continue;
        }
        let tail = &s[close + closer.len_utf8()..];
        let Some(skip) = dash_then_prose(tail) else { continue };
        let dashed = tail[..skip].contains(['-', '–', '—', ':']);
        // "Anadolu Agency (AA) reported", "Pakistan Tehreek-e-Insaf (PTI) leader": expansions.
        let placed = prefix.trim().is_empty()
            || prefix.contains([',', '/', '،'])
            || prefix.chars().any(|c| c.is_ascii_digit())
            || prefix.split_whitespace().any(|w| w.chars().count() >= 2 && w.chars().all(|c| !c.is_lowercase()))
            || dashed && prefix.split_whitespace().count() <= 3;
        if placed {
            return Some((line.start + close + closer.len_utf8() + skip, names));
        }
    }
    None
}

/// "Riyadh, March 12, 2025, SPA --", "Tehran, IRNA -", "MOSCOW, March 12 - RIA Novosti.",
/// "Москва. 12 марта. INTERFAX -": the agency closes the place and date.
fn comma_dateline(s: &str, line: Span, matches: &[AgencyMatch]) -> Option<(usize, Vec<AgencyMatch>)> {
    let first = matches.first()?;
    let prefix = &s[..first.span.start - line.start];
    let prefix_words = prefix.trim_end().trim_end_matches([',', '-', '–', '—', '.']);
    if !prefix.trim_end().ends_with([',', '-', '–', '—', '.']) || !dateline_prefix(prefix_words) || prefix.chars().count() > 90 {
        return None;
    }
    let mut names = vec![*first];
    let mut end = first.span.end - line.start;
    for m in &matches[1..] {
        let gap = &s[end..m.span.start - line.start];
        if gap.len() <= 3 && gap.trim_matches(['-', '/', ' ', '&']).is_empty() {
            names.push(*m);
            end = m.span.end - line.start;
        }
    }
    let tail = &s[end..];
    // After a dash the agency may close with a full stop ("MOSCOW, March 12 - RIA Novosti."); after a
    // comma or a full stop it needs a dash or colon.
    let closes = if prefix.trim_end().ends_with([',', '.']) { &['-', '–', '—', ':'][..] } else { &['-', '–', '—', ':', '.'][..] };
    if !tail.trim_start().starts_with(closes) {
        return None;
    }
    let skip = dash_then_prose(tail)?;
    Some((line.start + end + skip, names))
}

/// "新华社北京3月12日电": a Chinese dispatch line opens with the agency and marks 电 (電).
fn dispatch_dateline(s: &str, line: Span, matches: &[AgencyMatch]) -> Option<(usize, Vec<AgencyMatch>)> {
    let first = matches.first().filter(|m| m.span.start == line.start)?;
    let after = &s[first.span.end - line.start..];
    let mark = after.char_indices().take(16).find(|&(_, c)| c == '电' || c == '電')?.0;
    let end = first.span.end + mark + '电'.len_utf8();
    Some((end, vec![*first]))
}

/// Whether `prefix` can be the place and date of a dateline.
fn dateline_prefix(prefix: &str) -> bool {
    prefix.chars().count() <= 90 && prefix.split_whitespace().all(dateline_word)
}

/// A word of a dateline's place and date: capitalised, a number, a small joining word, or a
/// word of a script without capitals ("[India]", "(Jammu and Kashmir)", "4 октября." where month
/// names are lower-case, "東京", "서울=", "دبي،").
fn dateline_word(word: &str) -> bool {
    let word = word.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | ',' | '.' | '=' | '،'));
    let first = word.chars().next().unwrap_or('A');
    let uncased_script = first.is_alphabetic() && !first.is_lowercase() && !first.is_uppercase();
    first.is_uppercase()
        || uncased_script
        || first.is_ascii_digit()
        || matches!(word, "de" | "del" | "la" | "el" | "du" | "of" | "and" | "am" | "pm" | "a.m" | "p.m")
        || is_month_word(word)
        || word.chars().count() >= 3 && word.chars().all(|c| matches!(c as u32, 0x0400..=0x04FF))
        || first as u32 >= 0x2E80
}

/// Lower-case month names and abbreviations of Spanish, French, Italian and Portuguese datelines
/// ("Madrid, 12 mar (EFE)", "Paris, 3 juin (AFP)").
fn is_month_word(word: &str) -> bool {
    vocabulary::month_in(word, &[Language::Es, Language::Fr, Language::It, Language::Pt]).is_some()
}

/// How far before an agency's name the words of its photo credit are looked for, in bytes
/// ("Photo: Name Surname / AFP", "Name/Pool via REUTERS" take far less).
const PHOTO_REACH: usize = 200;

/// Whether the agency name `m` in `line` is part of a photo credit.
fn in_photo_credit(text: &str, line: Span, m: &AgencyMatch, matches: &[AgencyMatch]) -> bool {
    let s = line.of(text);
    let at = m.span.start - line.start;
    let before = &s[..at];
    let after = &s[m.span.end - line.start..];
    // The clause the name sits in: since the last opening parenthesis or sentence end.
    let clause_start = [before.rfind('('), before.rfind(". "), before.rfind('|')].into_iter().flatten().max().map_or(0, |i| i + 1);
    let clause = &before[clause_start..];
    let clause = &clause[tail_start(clause, PHOTO_REACH)..];
    if PHOTO_WORD.is_match(clause) || PHOTO_AFTER.is_match(after) && !slash_agency(after, m, matches) {
        return true;
    }
    // "（新华社记者 李文 摄）": Chinese and Japanese mark the photographer after the name.
    let rest_of_parenthesis = &after[..after.find([')', '）']).unwrap_or(after.len())];
    if ["摄", "攝", "撮影"].iter().any(|mark| rest_of_parenthesis.contains(mark)) {
        return true;
    }
    // "Sputnik/Name/Pool via REUTERS", "Name/AFP via Getty Images": agencies handing on a photo.
    if PHOTO_HANDOVER.is_match(&before[tail_start(before, PHOTO_REACH)..]) || after.trim_start().starts_with("via Getty") {
        return true;
    }
    // "Rafa Molina/AP", "Jaafar ASHTIYEH / AFP": a person's name, a slash, the agency.
    if let Some(prev) = before.trim_end().strip_suffix('/').map(str::trim_end) {
        let word = prev.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
        let is_name = word.chars().next().is_some_and(char::is_uppercase) && registry::lookup(word).is_none();
        let after_agency = matches.iter().any(|o| o.span.end == line.start + prev.len());
        if is_name && !after_agency {
            return true;
        }
    }
    // "© Marco Villaseñor, AP" inside a caption (a copyright line starts with the sign).
    before.find('©').is_some_and(|i| i > 0) && !COPYRIGHT_START.is_match(s)
}

/// Whether the slash after `m` leads to another agency ("dpa/AFP"), not a photographer.
fn slash_agency(after: &str, m: &AgencyMatch, matches: &[AgencyMatch]) -> bool {
    let trimmed = after.trim_start();
    let Some(rest) = trimmed.strip_prefix('/') else { return false };
    // Where the word after the slash starts, as an offset into the paste.
    let next = m.span.end + (after.len() - rest.trim_start().len());
    matches.iter().any(|o| o.span.start == next)
}

/// Fields of a header or credit line: split at `|`, `·`, `•`, tabs and runs of spaces.
fn fields(text: &str, line: Span) -> Vec<Span> {
    let s = line.of(text);
    let mut out = Vec::new();
    let mut start = 0;
    let bytes: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < bytes.len() {
        let (at, c) = bytes[i];
        let double_space = c == ' ' && bytes.get(i + 1).is_some_and(|&(_, n)| n == ' ');
        if matches!(c, '|' | '·' | '•' | '\t') || double_space {
            out.push(Span::new(line.start + start, line.start + at).trim(text));
            let mut j = i + 1;
            while j < bytes.len() && bytes[j].1 == ' ' {
                j += 1;
            }
            start = bytes.get(j).map_or(s.len(), |&(a, _)| a);
            i = j;
            continue;
        }
        i += 1;
    }
    out.push(Span::new(line.start + start, line.end).trim(text));
    out.into_iter().filter(|f| !f.is_empty()).collect()
}

/// Reads every credit of `article`, whose region (see module docs) is `region`.
pub fn read(text: &str, article: &Article, region: Span) -> ArticleCredits {
    read_split(text, article, region, &segment::paragraphs(text, &article.paragraphs))
}

/// [`read`], given the article's paragraphs split into sentences ([`segment::paragraphs`]).
pub fn read_split(text: &str, article: &Article, region: Span, body: &[segment::Paragraph]) -> ArticleCredits {
    let lines = region_lines(text, article, region);
    let last_paragraph = article.paragraphs.last().copied();
    let mut found = Found::default();
    for (i, line) in lines.iter().enumerate() {
        let matches = registry::find(line.span.of(text), line.span.start);
        // A sign-off of people only; a weak alias there is a name in capitals ("BY ANA ...").
        if matches.iter().all(|m| m.weak) && REUTERS_SIGN_OFF.is_match(line.span.of(text)) {
            if let Some(reuters) = registry::lookup("Reuters") {
                found.add(text, reuters, Role::Credit, line.span);
            }
            continue;
        }
        if matches.is_empty() {
            continue;
        }
        read_line(text, &lines, i, &matches, last_paragraph, &mut found);
    }
    for paragraph in body.iter().filter(|p| region.contains(p.span)) {
        for &sentence in &paragraph.sentences {
            for c in citations::scan(text, sentence, &found.claimed) {
                found.add(text, c.agency, c.role, c.words);
            }
        }
    }
    ArticleCredits { credits: found.credits, claimed: found.claimed }
}

#[derive(Default)]
struct Found {
    credits: Vec<Credit>,
    claimed: Vec<Span>,
}

impl Found {
    /// Adds a credit unless the agency already has one in that role (the first is kept).
    fn add(&mut self, text: &str, agency: usize, role: Role, words: Span) {
        let name = registry::name(agency);
        if !self.credits.iter().any(|c| c.agency == name && c.role == role) {
            self.credits.push(Credit { agency: name.to_string(), role, evidence: words.of(text).to_string(), span: words, reuse: None });
        }
    }

    fn claim(&mut self, text: &str, m: &AgencyMatch, role: Role, words: Span) {
        self.add(text, m.agency, role, words);
        self.claimed.push(m.span);
    }
}

/// Reads the credits of line `i`: a dateline, photo credits, then the first of the
/// [`LINE_RULES`] that applies to the names left.
fn read_line(text: &str, lines: &[LineInfo], i: usize, matches: &[AgencyMatch], last_paragraph: Option<Span>, found: &mut Found) {
    let line = &lines[i];
    if let Some((words, names)) = dateline(text, line.span, matches) {
        for m in &names {
            found.claim(text, m, Role::Dateline, words);
        }
        return;
    }
    let mut open: Vec<AgencyMatch> = Vec::new();
    for m in matches {
        if in_photo_credit(text, line.span, m, matches) {
            found.claim(text, m, Role::Photo, photo_words(text, line.span, m.span));
        } else {
            open.push(*m);
        }
    }
    if open.is_empty() {
        return;
    }
    let s = line.span.of(text);
    let closes_body = last_paragraph.is_some_and(|p| p.overlaps(line.span));
    let at = CreditLine { text, lines, i, line, s, open, words: s.split_whitespace().count(), closes_body };
    if let Some(claims) = LINE_RULES.iter().find_map(|(_, rule)| rule(&at)) {
        for (m, role, words) in claims {
            found.claim(text, &m, role, words);
        }
    }
}

/// A line with agency names that are neither its dateline nor photo credits.
struct CreditLine<'a> {
    text: &'a str,
    lines: &'a [LineInfo],
    i: usize,
    line: &'a LineInfo,
    /// The line's text.
    s: &'a str,
    /// The names left to read.
    open: Vec<AgencyMatch>,
    words: usize,
    /// Whether the line holds the end of the article's last paragraph.
    closes_body: bool,
}

/// What a rule reads: each name with its role and the words that credit it. `Some` ends the
/// cascade, even empty (a list of codes credits nobody).
type Claims = Option<Vec<(AgencyMatch, Role, Span)>>;

/// A credit rule: what it reads, in words, and the rule.
type LineRule = (&'static str, fn(&CreditLine) -> Claims);

/// The credit rules, tried in order on a line's names; the first that applies decides.
const LINE_RULES: &[LineRule] = &[
    ("a whole line of agency names: a credit, a byline or a caption's credit", whole_line),
    ("\"By AFP\": a short byline", short_byline),
    ("\"(c) EFE 2024\": the copyright holder", copyright_holder),
    ("\"(Additional reporting by Reuters)\": a contributor", contributor),
    ("\"dpa ar/jh\": a wire's code line", wire_code),
    ("\"Published ... | AFP\": a header field of names", header_field),
    ("\"... or not. - AFP\": a dash and names end the line", dash_sign_off),
    ("\"... in Valencia. EFE\": a name closes the last paragraph", closing_name),
    ("\"(Jiji)\" closing a line: a sign-off after the body, else a photo credit", closing_parenthesis),
];

impl CreditLine<'_> {
    /// Every open name, with one role and the same words.
    fn all(&self, role: Role, words: Span) -> Claims {
        Some(self.open.iter().map(|m| (*m, role, words)).collect())
    }

    /// The open names inside `inner`, with one role and the same words.
    fn inside(&self, inner: Span, role: Role, words: Span) -> Claims {
        Some(self.open.iter().filter(|m| inner.contains(m.span)).map(|m| (*m, role, words)).collect())
    }

    /// A capture group as a span of the paste.
    fn group(&self, g: Option<regex::Match>) -> Option<Span> {
        g.map(|g| Span::new(self.line.span.start + g.start(), self.line.span.start + g.end()))
    }
}

fn whole_line(at: &CreditLine) -> Claims {
    if !pure_credit(at.text, at.line.span, &at.open) {
        return None;
    }
    let byline = BYLINE_START.is_match(at.s);
    let bare = !byline && filler_prefix_free(at.s);
    // "AA" between "AS" and "AE": a list of codes (US states, airports), not a credit.
    if bare && at.open.iter().all(|m| m.weak) && neighbours_code_list(at.text, at.lines, at.i) {
        return Some(Vec::new());
    }
    let role = if bare && (neighbours_caption_without_credit(at.text, at.lines, at.i) || between_prose(at.text, at.lines, at.i)) {
        Role::Photo
    } else if byline {
        Role::Byline
    } else {
        Role::Credit
    };
    at.all(role, at.line.span)
}

fn short_byline(at: &CreditLine) -> Claims {
    (BYLINE_START.is_match(at.s) && at.words <= 15).then(|| at.all(Role::Byline, at.line.span)).flatten()
}

fn copyright_holder(at: &CreditLine) -> Claims {
    let holder = COPYRIGHT_START.find(at.s)?;
    let m = at.open.iter().find(|m| m.span.start - at.line.span.start <= holder.end() + 1)?;
    Some(vec![(*m, Role::Credit, at.line.span)])
}

fn contributor(at: &CreditLine) -> Claims {
    let applies = at.words <= 40 && CONTRIBUTOR.is_match(at.s) && at.line.kind != Some(LineKind::Caption);
    applies.then(|| at.all(Role::Credit, at.line.span)).flatten()
}

fn wire_code(at: &CreditLine) -> Claims {
    wire_code_line(at.s, &at.open, at.line.span.start).then(|| at.all(Role::Credit, at.line.span)).flatten()
}

fn header_field(at: &CreditLine) -> Claims {
    let parts = fields(at.text, at.line.span);
    if parts.len() <= 1 {
        return None;
    }
    let mut claims = Vec::new();
    let mut any = false;
    for part in parts.into_iter().filter(|&part| pure_credit(at.text, part, &at.open)) {
        let role = if BYLINE_START.is_match(part.of(at.text)) { Role::Byline } else { Role::Credit };
        claims.extend(at.open.iter().filter(|m| part.contains(m.span)).map(|m| (*m, role, part)));
        any = true;
    }
    any.then_some(claims)
}

fn dash_sign_off(at: &CreditLine) -> Claims {
    let sign = TRAILING_SIGN_OFF.captures(at.s)?;
    let inner = at.group(sign.get(1)).unwrap_or_default();
    if !pure_credit(at.text, inner, &at.open) || caption_like(at.text, at.line) {
        return None;
    }
    let whole = at.group(sign.get(0)).map_or(inner, |g| g.trim(at.text));
    at.inside(inner, Role::Credit, whole)
}

fn closing_name(at: &CreditLine) -> Claims {
    let sign = CLOSING_NAME.captures(at.s)?;
    let inner = at.group(sign.get(1)).unwrap_or_default();
    if !(at.closes_body && pure_credit(at.text, inner, &at.open) && !caption_like(at.text, at.line)) {
        return None;
    }
    at.inside(inner, Role::Credit, inner)
}

fn closing_parenthesis(at: &CreditLine) -> Claims {
    let paren = ENDS_WITH_PAREN.captures(at.s)?;
    let inner = at.group(paren.get(1)).unwrap_or_default();
    if !pure_credit(at.text, inner, &at.open) {
        return None;
    }
    let role = if at.closes_body && !caption_like(at.text, at.line) { Role::Credit } else { Role::Photo };
    let whole = at.group(paren.get(0)).map_or(inner, |g| g.trim(at.text));
    at.inside(inner, role, whole)
}

/// Whether a bare credit line carries no "Source:"-like word (those never credit a photo).
fn filler_prefix_free(s: &str) -> bool {
    !SOURCE_WORD.is_match(s)
}

/// A "Source:"-like word of a credit field.
static SOURCE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:source|sources|with|copyright|reporting|inputs|files|fuente|con|avec|mit|quelle|fonte|com|источник|материалам|来源|來源|المصدر)\b|©|\(c\)").expect("static regex")
});

/// Whether the next or previous line is a photo caption with no agency of its own.
fn neighbours_caption_without_credit(text: &str, lines: &[LineInfo], i: usize) -> bool {
    [i.checked_sub(1), Some(i + 1)].into_iter().flatten().filter_map(|j| lines.get(j)).any(|n| {
        let s = n.span.of(text);
        caption_like(text, n) && registry::find(s, 0).is_empty() && !ENDS_WITH_PAREN.is_match(s)
    })
}

/// Whether prose paragraphs stand both before and after line `i`: a bare agency line inside the
/// body ("ASSOCIATED PRESS." between two paragraphs) credits the photo that stood there, since a
/// wire's own credit heads the body or closes it. Above it, only a long paragraph counts (a
/// standfirst may stand over a wire's credit line); below it, any body paragraph.
fn between_prose(text: &str, lines: &[LineInfo], i: usize) -> bool {
    const PROSE_WORDS: usize = 30;
    const BODY_WORDS: usize = 12;
    let words = |n: &LineInfo| n.span.of(text).split_whitespace().count();
    let long = |n: &LineInfo| words(n) >= PROSE_WORDS;
    let body = |n: &LineInfo| long(n) || n.kind == Some(LineKind::Body) && words(n) >= BODY_WORDS;
    lines[..i].iter().any(long) && lines[i + 1..].iter().any(body)
}

/// Whether a neighbouring line is a short code of capitals too ("AK", "AS", "AE").
fn neighbours_code_list(text: &str, lines: &[LineInfo], i: usize) -> bool {
    [i.checked_sub(1), Some(i + 1)].into_iter().flatten().filter_map(|j| lines.get(j)).any(|n| {
        let s = n.span.of(text);
        (1..=4).contains(&s.chars().count()) && s.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    })
}

/// "dpa/AFP ar/jst xx a3 mr", "dpa cbe yyzz a3 lb": agency names then short lowercase codes.
fn wire_code_line(s: &str, open: &[AgencyMatch], base: usize) -> bool {
    let Some(first) = open.first() else { return false };
    if first.span.start != base {
        return false;
    }
    let mut names_end = first.span.end - base;
    for m in &open[1..] {
        if s[names_end..m.span.start - base].trim() == "/" || s[names_end..m.span.start - base].is_empty() {
            names_end = m.span.end - base;
        }
    }
    let tokens: Vec<&str> = s[names_end..].split_whitespace().collect();
    !tokens.is_empty() && tokens.len() <= 8 && tokens.iter().all(|t| CODE_TOKEN.is_match(t))
}

/// The photo credit around a name: its parentheses, or the line's tail from the photo word.
fn photo_words(text: &str, line: Span, name: Span) -> Span {
    let s = line.of(text);
    let at = name.start - line.start;
    let open = s[..at].rfind('(');
    let close = s[at..].find(')').map(|c| at + c + 1);
    match (open, close) {
        (Some(o), Some(c)) => Span::new(line.start + o, line.start + c),
        _ => {
            let from = PHOTO_WORD.find_iter(&s[..at]).last().map(|w| w.start()).or_else(|| s[..at].rfind('©')).unwrap_or(at);
            let to = s[at..].find(['.', ')', ';']).map_or(s.len(), |e| at + e);
            Span::new(line.start + from, line.start + to).trim(text)
        }
    }
}

/// Every pattern of this module, for the test that compiles them all (`lib.rs`).
#[cfg(test)]
pub(crate) static PATTERNS: &[&LazyLock<Regex>] = &[&FILLER, &BYLINE_START, &COPYRIGHT_START, &CONTRIBUTOR, &PHOTO_WORD, &PHOTO_AFTER, &PHOTO_HANDOVER, &CAPTION_CUE, &ENDS_WITH_PAREN, &TRAILING_SIGN_OFF, &REUTERS_SIGN_OFF, &CLOSING_NAME, &CODE_TOKEN, &SOURCE_WORD];
