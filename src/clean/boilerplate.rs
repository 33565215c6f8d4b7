//! **What each unit is**, by kind of text, before choosing the article body.
//!
//! Two layers:
//! 1. the unit alone ([`cue_of`]): its shape (length, sentence punctuation, case, menu
//!    separators) and the wording of kinds of page chrome: share/follow/subscribe/sign-in/
//!    paywall/cookie/comment prompts, copyright and licence lines, list headings ("Related",
//!    "Most read", "Read also"), sign-offs and slugs ("(Reporting by ...)", "-- WAM", "SOURCE: AA",
//!    "bur-pb/dla", "Enditem"), photo captions and credits, bylines, date lines;
//! 2. context ([`classify`]): the items under a list heading are list items even when they are
//!    full sentences; a line repeated within the paste (headlines and captions repeated through
//!    a gallery) is not body; a bare name next to a caption is that caption's credit; cards of
//!    other stories (a headline over one short summary, four in a row, or one cut short above
//!    "Read more"), comment and forum threads, and the author's box under the article (the
//!    byline's name over a paragraph about them) are not body; a sentence printed twice in a
//!    row is a picture's description and caption.
//!
//! Nothing here is about one site: every rule names a kind of text.

use crate::page_time::PageTime;
use super::dates;
use super::lines::{key, Paste, Shape};
use crate::span::{ceil_char_boundary, floor_char_boundary};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;
use crate::vocabulary::{self, Language, CAPTION_HINTS, LEGAL_HINTS, PROMPT_HINTS};

/// What one unit of a paste looks like, by its text and shape alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    /// A paragraph of running text.
    Prose,
    /// A short sentence (4+ words, sentence punctuation).
    Sentence,
    /// Other short text: headline, subhead, label, name.
    Text,
    /// Navigation, section menus, breadcrumbs, tag lists.
    Menu,
    /// Share/follow/subscribe/sign-in/paywall/cookie/comment prompts and other page chrome.
    Prompt,
    /// "Related", "Most read", "Read also": opens a list of other stories.
    ListHeading,
    /// An item of such a list.
    ListItem,
    /// Copyright, licence and legal lines.
    Legal,
    /// A credit or sign-off after the body: "(Reporting by ...)", "-- WAM", "SOURCE: AA", slugs.
    SignOff,
    /// A photo caption or photo credit.
    Caption,
    /// An item of a list the article itself introduces ("Tour dates:" then one line per date).
    Item,
    /// A row of a table copied as tab-separated cells.
    TableRow,
    /// A short line holding a date ("Updated 12 March 2025").
    Dated,
    /// "By ...", "Posted by ...", "Name |".
    Byline,
}

/// Per unit: its cue and whether its text appears more than once in the paste.
pub struct Classified {
    /// The cue of each unit.
    pub cues: Vec<Cue>,
    /// Whether the unit's text appears more than once in the paste.
    pub repeated: Vec<bool>,
    /// For a repeated unit whose copies are never near each other, the units from its first copy
    /// to its last: the page may repeat it as structure (the same "Meal 2" over "Eat every 2-3
    /// hours" in each plan), which `split` keeps each time when all copies are in the body.
    pub recurs: Vec<Option<(usize, usize)>>,
    /// The instant the markup states for the unit (a `<time datetime>` with its offset), where
    /// it states one: `metadata::published` gives a printed clock time its zone from it.
    pub stated: Vec<Option<PageTime>>,
    /// Whether the markup puts the unit inside the element it names as the article's text
    /// (`itemprop="articleBody"`, a class such as "entry-content" or "article-body").
    pub content: Vec<bool>,
}

/// Chrome that opens the line.
static PROMPT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:share|shares|share this|share on|follow|follow us|subscribe|subscribe now|sign in|sign up|log ?in|",
        r"register|create (?:a |an )?(?:free )?account|already (?:have an account|a subscriber|registered)|",
        r"download (?:our|the) app|get the app|comments?|\d+ comments|leave a (?:comment|reply)|post a comment|",
        r"drop your comments|join the (?:conversation|discussion)|click here|tap here|advertisements?|sponsored|",
        r"skip to|back to top|print|email|e-mail|whatsapp|facebook|twitter|linkedin|pinterest|reddit|telegram|",
        r"tags?:|topics?:|filed under|categories:|タグ\s*:|标签\s*:|short url|original url|source url|permalink|",
        r"you have \d+ free|access this article|to read the full|continue reading|read the full|",
        r"this (?:site|website) uses|we use cookies|accept (?:all )?cookies|cookies?|privacy|terms|",
        r"like this|forward (?:it|this) to|breaking:|search|menu|home\b|newsletter|get the latest|",
        r"don'?t miss|save my name|your email address|required fields|listen to|watch:|video:|",
        r"\d+ min(?:ute)?s? read|previous (?:article|post)|next (?:article|post)|posted in|image:|photo:|",
        r"report an error|send us|contact us|about us|all (?:news|stories)|view (?:all|more|comments)|load more|",
        r"show more|see more|more\s*$|top\s*$|close\s*$|caption\s*$|back to (?:gallery|top)|also\s*:|english edition|edition\b|anmelden|buscar|accepter|paramétrer|",
        r"already have|get (?:unlimited|full) access|support (?:our|independent)|donate|learn more|if you enjoyed this|join (?:us|now|today|our)|",
        // The site's own controls and services, not the story's words.
        r"toggle\b|(?:open|close) (?:the )?menu\b|find us on\b|become an? (?:contributor|member|subscriber)\b|advertise with us\b|",
        r"place an? (?:classified )?ad\b|reset (?:your )?password\b|sharing is caring|(?:who we are|work with us)\s*$|copy link\b|zurück zur)",
        // A whole word: "Shareholders approved ..." and "Registered voters ..." are news.
        r"(?:$|[^a-zA-Z0-9À-ɏ])",
    ))
    .expect("prompt")
});

/// Chrome wording anywhere in a short line.
static PROMPT_ANYWHERE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?:cookies?\b.*\b(?:site|website|browser|consent|experience)|(?:site|website|browser)\b.*\bcookies?\b|",
        r"\bsubscribe\b|\bsubscriptions?\b|\bnewsletter\b|\bsign (?:in|up)\b|\blog in\b|\bunsubscribe\b|",
        r"\bfree articles?\b|\bpaywall\b|\bterms of (?:use|service)\b|\bprivacy policy\b|",
        r"\byour (?:inbox|email)\b|\bjavascript\b|\bad ?blocker\b|\baffiliate\b|\bcomment policy\b|",
        r"\bcommunity (?:rules|guidelines)\b|\b(?:comments?|comentários?|comentarios?|commentaires?|kommentare?)\b.{0,120}\b(?:moderat|moderad|modér|approv|aprovad|publicad|publiés?)|\bwill not be published\b|\bnão ser(?:á|ão) publicad[oa]s?\b|\bno será publicad[oa]\b|\bcampos obrigatórios\b|\brequired fields\b|\b(?:telephone|tel|phone|fax|e-?mail)\s*:|\bsubmission guidelines\b|\bnot investment advice\b|",
        // An author's or the site's social handles, the tagline under a column or a deals post.
        r"\bfollow (?:him|her|them|me|us) (?:on|at) (?:twitter|facebook|instagram|x\b|linkedin|threads|bluesky|mastodon|tiktok|youtube|@))",
    ))
    .expect("prompt_anywhere")
});

static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:related|read (?:also|more|next)|more\s*:\s*$|also read|we recommend|key (?:points|takeaways)|more (?:from|on|news|stories|in|about|headlines|to read|like this)|",
        r"more\s+\S+\s*$|most (?:popular|read|viewed|shared|recent)|popular|trending|recommended|",
        r"you (?:may|might) (?:also )?like|also on|latest (?:news|stories|articles|posts)|top (?:stories|news)|",
        r"editor'?s? picks?|see also|further reading|weitere (?:artikel|nachrichten)|mehr zum thema|",
        r"other (?:news|stories)|recent (?:posts|articles|news)|related (?:posts|articles|news|stories|coverage|content)|",
        r"in other news|what to read next|around the web|from our partners|más noticias|leia também|veja também|",
        r"lire aussi|à lire aussi|watch next|up next|explore|special reports|",
        // The same headings in Japanese, Chinese and Korean ("related articles", "new", "popular", "recommended").
        r"читайте также|вам также может быть интересно|похожие (?:статьи|новости|материалы)|по теме\s*$|関連記事|関連リンク|関連ニュース|新着記事|人気記事|おすすめ記事|ランダム記事|相关新闻|相关阅读|相关文章|热门|推荐阅读|관련\s?기사|많이 본)",
    ))
    .expect("heading")
});

static LEGAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?:^(?:©|\(c\)|copyright\b)|©|\ball rights reserved\b|\bcopyright\b|\bmay not be (?:published|reproduced|redistributed)\b|",
        r"\breproduction without permission\b|\bqueda prohibida\b|\bregistered trademark\b|",
        r"\bimpressum\b|\bdatenschutz\b|\bmentions légales\b|\baviso legal\b|",
        r"ICP证|ICP备|许可证|公网安备|版权所有)",
    ))
    .expect("legal")
});

static SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:\(?(?:additional )?(?:reporting|writing|editing|compiled|edited|translated|produced|written) by\b|",
        r"(?:source|sources|editor|editors|reporter|reporters|writer|translator|credit)s?\s*:|",
        r"(?:--|—|–|-|==)\s*[A-Z][A-Za-z]*(?:[-/ ][A-Z][A-Za-z]*){0,3}\.?$|\([^()]{2,30}\)\.?$|bur-[a-z]+(?:/[a-z]+)*$|[a-z]{2,4}(?:/[a-z]{2,4})+$|",
        r"(?:dpa|dpa/\w+)(?:\s+[a-z0-9/]{1,6}){2,}$|enditem\b|■$|_{3,}$|.{0,80}\bcontributed (?:to )?(?:this |the )?(?:report|reporting|from)\b)",
    ))
    .expect("sign_off")
});

static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?:\((?:[^()]*\bphotos?\b|[^()]*\bpicture\b|[^()]*\bimage\b|[^()]*\bfoto\b|[^()]*/[^()]*|screengrab|screenshot|handout|file)\)\s*$|",
        r"[.!?]\s*\([^()]{1,40}\)\s*$|",
        r"(?:photo|picture|foto|image|credit|photograph)s?\s*(?:by)?\s*:\s*[^.]{1,60}$|",
        r"(?-i:\b[A-Z]{2,}(?:/[A-Z]{2,})*/\w[\w. -]{1,40})$|[.!?]\s*©\s*[^©]{1,60}$|",
        r"\bin this (?:still |undated |handout |file )?(?:image|photo|picture|file photo|handout)|",
        r"\b(?:image|photo|picture|photograph) (?:taken|released|provided|obtained|courtesy)|taken from (?:a )?(?:video|footage))",
    ))
    .expect("caption")
});

/// A short line naming a photographer or picture agency.
static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:photo|picture|image|foto|photograph)s?\s+(?:by|courtesy)\s+\S|^courtesy of\s+\S|\b(?:submitted|file|staff|contributed|handout) photo$|\bgetty images\b|\bshutterstock\b|\bap photo\b|\bistock\b|\balamy\b",
    )
    .expect("photo_credit")
});

static CLICK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:click|tap|clique|cliquez|klicken sie|klick|haga clic|haz clic)\b").expect("click")
});

/// A caption of any length ends with its credit: "... during the time the crew is awake. Credit: ESA".
static TRAILING_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:Credit|Photo|Image|Picture|Foto)s?\s*:\s*[^.:]{1,40}$").expect("trailing_credit")
});

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:by|posted by|written by|words by|von|por|par)\s+\S|^[A-ZÀ-Þ][\w.'-]+(?:\s+[A-ZÀ-Þ][\w.'-]+){0,3}\s*\|\s*$").expect("byline")
});


/// The cue of one unit, from its text and shape alone: the first of [`CUE_RULES`] that
/// applies, else [`Cue::Text`].
pub fn cue_of(text: &str, shape: &Shape) -> Cue {
    let head = &text[..floor_char_boundary(text, 300)];
    let unit = UnitText { text, head, lower: head.to_lowercase(), shape };
    CUE_RULES.iter().find(|(_, rule)| rule(&unit)).map_or(Cue::Text, |&(cue, _)| cue)
}

/// One unit's text as the cue rules read it.
struct UnitText<'a> {
    text: &'a str,
    /// Its first 300 bytes: chrome says what it is up front.
    head: &'a str,
    /// `head` in lower case, for the cheap word checks.
    lower: String,
    shape: &'a Shape,
}

impl UnitText<'_> {
    /// Cheap word checks first: the regexes run only on lines that could match (a paste of
    /// several megabytes has hundreds of thousands of lines).
    fn has(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.lower.contains(w))
    }
}

/// The marks that open a bulleted line: an item of a list, never a headline.
pub const BULLETS: [char; 6] = ['•', '-', '—', '–', '*', '·'];

/// A cue rule: the cue it gives, and whether it applies to a unit.
type CueRule = (Cue, fn(&UnitText) -> bool);

/// The cue rules, in order: the first that applies gives the unit's cue.
const CUE_RULES: &[CueRule] = &[
    (Cue::Caption, is_media_label),
    (Cue::Caption, is_file_name),
    (Cue::SignOff, signs_off),
    (Cue::Legal, is_legal),
    (Cue::Caption, is_caption),
    (Cue::ListHeading, is_list_heading),
    (Cue::Prompt, is_labelled_heading),
    (Cue::Prompt, opens_with_prompt),
    (Cue::Prompt, is_link_blurb),
    (Cue::Prompt, is_teaser),
    (Cue::Prompt, has_prompt_wording),
    (Cue::Byline, is_byline),
    (Cue::Sentence, |u| tweet_attribution(u.head)),
    (Cue::Dated, is_dated),
    (Cue::TableRow, |u| u.text.matches('\t').count() >= 2),
    (Cue::Menu, |u| is_menu(u.text, u.shape)),
    (Cue::Prose, is_prose),
    (Cue::Sentence, is_sentence),
];

/// "(Reporting by ...)", "-- WAM", "SOURCE: AA", "bur-pb/dla": short, and no long sentence.
fn signs_off(u: &UnitText) -> bool {
    let shape = u.shape;
    let first_alpha = u.head.chars().next().is_some_and(char::is_alphabetic);
    let code_line = shape.words <= 8 && u.head.split_whitespace().all(|t| t.len() <= 7);
    let may_sign_off = shape.words <= 3 || code_line || !first_alpha || u.has(&["contributed", " by "]) || u.lower[..floor_char_boundary(&u.lower, 20)].contains(':');
    let long_sentence = shape.words > 12 && shape.terminal && !u.head.contains("contributed") && !u.head.starts_with('(');
    shape.words <= 30 && may_sign_off && SIGN_OFF.is_match(u.head) && !long_sentence
}

/// The label a page prints for a screen reader beside a picture or an embedded post: "Image
/// copyright Getty Images", "Image caption ...", "Twitter post by @name: ...". A picture's
/// copyright is its credit, not the page's legal line.
fn is_media_label(u: &UnitText) -> bool {
    u.shape.words <= 80 && u.has(&["image", "photo", "picture", "media", "video", "post by"]) && MEDIA_LABEL.is_match(u.head)
}

static MEDIA_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:(?:image|photo|picture|media|video) (?:caption|copyright|source)\b|(?:\S+ ){0,4}(?:image|photo|picture)s? copyright\b|",
        r"(?:twitter|instagram|facebook|youtube|tiktok) (?:post|video) by\b)",
    ))
    .expect("media label")
});

/// A picture's file name or a slug shown in place of its picture ("bike-style-book__MG_2953",
/// "city-hall-2019-arrangements-01"): one long token of words joined by hyphens or underscores.
fn is_file_name(u: &UnitText) -> bool {
    let token = u.text.trim();
    token.len() >= 16
        && !token.contains(char::is_whitespace)
        && !token.contains("://")
        && token.chars().filter(|&c| c == '-' || c == '_').count() >= 3
        && token.chars().all(|c| c.is_alphanumeric() || "-_.&".contains(c))
}

fn is_legal(u: &UnitText) -> bool {
    u.shape.words <= 60 && u.has(&LEGAL_HINTS) && LEGAL.is_match(u.text)
}

fn is_caption(u: &UnitText) -> bool {
    let words = u.shape.words;
    u.has(&CAPTION_HINTS)
        && ((words <= 60 && CAPTION.is_match(u.text)) || (words <= 12 && PHOTO_CREDIT.is_match(u.text)) || (words <= 150 && TRAILING_CREDIT.is_match(u.text)))
}

/// "Related", "Most read": a short heading without sentence punctuation.
fn is_list_heading(u: &UnitText) -> bool {
    u.shape.words <= 6 && !u.shape.terminal && HEADING.is_match(u.head)
}

/// "Read also: ...": a list heading with its label, then a link's words.
fn is_labelled_heading(u: &UnitText) -> bool {
    u.shape.words <= 30 && u.head.find(':').is_some_and(|i| i < 40) && HEADING.is_match(u.head)
}

fn opens_with_prompt(u: &UnitText) -> bool {
    u.shape.words <= 15 && PROMPT.is_match(u.head)
}

/// "Click the picture above and see ...": a link's blurb, in any length.
fn is_link_blurb(u: &UnitText) -> bool {
    u.shape.words <= 50 && CLICK.is_match(u.head)
}

/// A teaser: a summary that ends in a link to the story.
fn is_teaser(u: &UnitText) -> bool {
    let tail = u.text[ceil_char_boundary(u.text, u.text.len().saturating_sub(24))..].to_lowercase();
    ["read more", "read more »", "continue reading", "read more...", "read full story"].iter().any(|t| tail.trim_end().ends_with(t))
}

fn has_prompt_wording(u: &UnitText) -> bool {
    u.shape.words <= 40 && u.has(&PROMPT_HINTS) && PROMPT_ANYWHERE.is_match(u.text)
}

fn is_byline(u: &UnitText) -> bool {
    u.shape.words <= 12 && BYLINE.is_match(u.head)
}

fn is_dated(u: &UnitText) -> bool {
    u.shape.words <= 14 && !dates::find(u.text, None).is_empty()
}

fn is_prose(u: &UnitText) -> bool {
    let s = u.shape;
    (s.words >= 10 && s.terminal && s.lower_share >= 0.3) || (s.words >= 20 && s.lower_share >= 0.45)
}

/// A sentence, maybe without its full stop (a lead-in, a line ending in an emoji or a link).
fn is_sentence(u: &UnitText) -> bool {
    let s = u.shape;
    (s.words >= 4 && s.terminal && s.lower_share >= 0.3) || (s.words >= 10 && s.lower_share >= 0.5)
}

/// "— Name (@handle) November 18, 2019": the signature of a post quoted in the article.
fn tweet_attribution(text: &str) -> bool {
    TWEET_SIGNATURE.is_match(text)
}

static TWEET_SIGNATURE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[—–-]\s*[^()]{1,60}\(@\w+\)").expect("tweet"));

/// Menus and breadcrumbs: items between separators, or three or more capitalised words with
/// no lower-case word and no sentence punctuation ("U.S. World Business Lifestyle").
fn is_menu(text: &str, shape: &Shape) -> bool {
    if shape.terminal && shape.words > 8 {
        return false;
    }
    let items = shape.separators + 1;
    if shape.separators >= 2 || (shape.separators >= 1 && shape.words <= 2 * items + 2 && !text.trim_end().ends_with('|')) {
        return true;
    }
    if text.contains(" > ") || text.contains(" / ") && shape.words <= 6 {
        return true;
    }
    // A gallery's counter: "1 of 8", "1  /  8".
    if shape.words <= 3 && gallery_counter(text) {
        return true;
    }
    // A link marked with a guillemet or an arrow: "» Horários dos Treinos e Corridas da F1".
    if text.starts_with(['»', '›', '►', '▶', '▸']) && shape.words <= 12 {
        return true;
    }
    shape.words >= 3 && shape.lower_share == 0.0 && !shape.all_caps && !text.contains([':', ',', '?', '!', '"', '“'])
}

fn gallery_counter(text: &str) -> bool {
    GALLERY_COUNTER.is_match(text)
}

/// "Image 1 of 13", "3/12".
static GALLERY_COUNTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:image |photo |slide )?\d{1,3}\s*(?:of|/)\s*\d{1,3}$").expect("counter"));

/// Cues of every unit of the paste, with context.
pub fn classify(paste: &Paste) -> Classified {
    let n = paste.units.len();
    let mut cues: Vec<Cue> = (0..n).map(|i| cue_of(paste.text_of(i), &paste.units[i].shape)).collect();

    let keys: Vec<String> = (0..n).map(|i| key(paste.text_of(i))).collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for k in &keys {
        if !k.is_empty() {
            *counts.entry(k.as_str()).or_default() += 1;
        }
    }
    let repeated: Vec<bool> = keys.iter().map(|k| counts.get(k.as_str()).copied().unwrap_or(0) > 1).collect();
    let recurs = recurrences(&keys, &repeated);

    mark_introduced_lists(paste, &mut cues);
    mark_dated_lists(paste, &mut cues);
    mark_comments(paste, &mut cues);
    mark_author_boxes(paste, &mut cues);
    mark_teaser_cards(paste, &mut cues);
    mark_linked_teasers(paste, &mut cues);
    mark_list_items(paste, &mut cues);

    // A bare name or agency next to a caption is the caption's credit.
    for i in 0..n {
        let shape = &paste.units[i].shape;
        if cues[i] == Cue::Text && shape.words <= 4 && !shape.terminal {
            let next_is_caption = cues.get(i + 1) == Some(&Cue::Caption);
            let prev_is_caption = i > 0 && cues[i - 1] == Cue::Caption && paste.units[i].blanks_before == 0;
            if next_is_caption || prev_is_caption {
                cues[i] = Cue::Caption;
            }
        }
    }
    mark_gallery_captions(paste, &mut cues, &repeated);
    mark_twin_lines(paste, &keys, &mut cues);
    mark_caption_copies(paste, &mut cues);
    Classified { cues, repeated, recurs, stated: vec![None; n], content: vec![false; n] }
}

/// Units between two copies of a line the page repeats as structure, at least: copies closer
/// are one card's two links (a teaser's picture and its headline) or a title over its player.
const RECURRENCE_MIN_GAP: usize = 4;

/// [`Classified::recurs`]: per repeated unit, its text's first and last copy, unless two copies
/// are near each other ([`RECURRENCE_MIN_GAP`]).
fn recurrences(keys: &[String], repeated: &[bool]) -> Vec<Option<(usize, usize)>> {
    // Per text: first copy, last copy, whether two copies were near each other.
    let mut spans: HashMap<&str, (usize, usize, bool)> = HashMap::new();
    for (i, k) in keys.iter().enumerate().filter(|&(i, _)| repeated[i]) {
        spans.entry(k.as_str()).and_modify(|(_, last, near)| {
            *near |= *last + RECURRENCE_MIN_GAP > i;
            *last = i;
        }).or_insert((i, i, false));
    }
    keys.iter()
        .enumerate()
        .map(|(i, k)| if repeated[i] { spans.get(k.as_str()).filter(|s| !s.2).map(|s| (s.0, s.1)) } else { None })
        .collect()
}

/// A sentence printed twice in a row is a picture's description and its caption, or a teaser's
/// picture link and its headline: an article does not say the same sentence twice running.
/// (A headline printed twice, the page's and its picture's, stays a headline: it has no full stop.)
fn mark_twin_lines(paste: &Paste, keys: &[String], cues: &mut [Cue]) {
    for i in 1..cues.len() {
        let sentence = cues[i] == Cue::Prose || cues[i] == Cue::Sentence && paste.units[i].shape.terminal;
        if !keys[i].is_empty() && keys[i] == keys[i - 1] && sentence {
            cues[i - 1] = Cue::Caption;
            cues[i] = Cue::Caption;
        }
    }
}

/// Bytes of a line at least for it to be taken as the start of a caption below it.
const CAPTION_COPY_MIN_BYTES: usize = 20;

/// A picture's description just above its caption, which repeats it with the credit added
/// ("... sought treatment" over "... sought treatmentCredit: EPA"): the copy is the caption's.
fn mark_caption_copies(paste: &Paste, cues: &mut [Cue]) {
    for i in 0..cues.len() {
        let text = paste.text_of(i).trim();
        let copied = (i + 1..(i + 3).min(cues.len())).any(|j| cues[j] == Cue::Caption && paste.text_of(j).len() > text.len() && paste.text_of(j).starts_with(text));
        if text.len() >= CAPTION_COPY_MIN_BYTES && matches!(cues[i], Cue::Prose | Cue::Sentence | Cue::Text) && copied {
            cues[i] = Cue::Caption;
        }
    }
}

/// A bare link to another story under its card: "Read more", "Continue reading".
static READ_MORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:read more|continue reading|read (?:the )?full (?:story|article))\W*$").expect("read more"));

/// Words of a linked teaser's cut summary at most.
const TEASER_CUT_WORDS: usize = 60;

/// A card for another story set into the article: its headline and its summary cut off
/// mid-sentence, above a bare "Read more" link. (A finished sentence above the link is the
/// article's own.)
fn mark_linked_teasers(paste: &Paste, cues: &mut [Cue]) {
    for i in 1..cues.len() {
        let summary = i - 1;
        let shape = &paste.units[summary].shape;
        let cut = matches!(cues[summary], Cue::Prose | Cue::Sentence) && !shape.terminal && shape.words <= TEASER_CUT_WORDS;
        if cues[i] != Cue::ListHeading || !READ_MORE.is_match(paste.text_of(i)) || !cut {
            continue;
        }
        // The link closes the card: no list of stories opens below it.
        cues[i] = Cue::ListItem;
        cues[summary] = Cue::ListItem;
        if summary > 0 && paste.units[summary].blanks_before == 0 && cues[summary - 1] == Cue::Text && !paste.units[summary - 1].shape.terminal {
            cues[summary - 1] = Cue::ListItem;
        }
    }
}

/// Captions sit right above their photo's credit: the text line directly above a photographer
/// or agency credit ("Photo by ...", "... | Getty Images") is that photo's caption. A gallery
/// also prints each caption again in its slideshow: text repeated within the paste just above
/// any caption is a caption too. (The same sentence once in the body and once as a caption
/// keeps its body copy.)
fn mark_gallery_captions(paste: &Paste, cues: &mut [Cue], repeated: &[bool]) {
    for i in 1..cues.len() {
        if cues[i] != Cue::Caption || cues[i - 1] == Cue::Caption {
            continue;
        }
        let unit = &paste.units[i];
        let above = &paste.units[i - 1];
        let credit_line = unit.shape.words <= 12 && PHOTO_CREDIT.is_match(paste.text_of(i));
        if credit_line && unit.blanks_before == 0 && above.shape.words <= 60 && matches!(cues[i - 1], Cue::Prose | Cue::Sentence) {
            cues[i - 1] = Cue::Caption;
            continue;
        }
        let mut j = i;
        while j > 0 && repeated[j - 1] && matches!(cues[j - 1], Cue::Prose | Cue::Sentence) && paste.units[j].blanks_before <= 1 {
            cues[j - 1] = Cue::Caption;
            j -= 1;
        }
    }
}

fn teaser_headline(paste: &Paste, cues: &[Cue], i: usize) -> bool {
    let shape = &paste.units[i].shape;
    cues[i] == Cue::ListItem && shape.words <= 20 && !shape.terminal && paste.units[i + 1].blanks_before <= 1
}

/// Short lines under a line of text ending in a colon are that text's list, not menus.
fn mark_introduced_lists(paste: &Paste, cues: &mut [Cue]) {
    let mut opener: Option<usize> = None;
    for i in 0..cues.len() {
        let unit = &paste.units[i];
        if let Some(o) = opener {
            if unit.blanks_before <= 1 && matches!(cues[i], Cue::Text | Cue::Sentence | Cue::Menu | Cue::Dated) && unit.shape.words <= 30 {
                cues[i] = Cue::Item;
                if cues[o] == Cue::Text {
                    cues[o] = Cue::Item;
                }
                continue;
            }
        }
        let opens = matches!(cues[i], Cue::Text | Cue::Sentence | Cue::Prose) && paste.text_of(i).ends_with(':') && unit.shape.words >= 2;
        opener = opens.then_some(i);
    }
}

/// A day at the start of a line: "Sat 12 Oct", "March 5", "5th March", "12/10".
static SCHEDULE_DAY: LazyLock<Regex> = LazyLock::new(|| {
    // English names by their first three letters: "Sat", "Saturday", "Sept.", "September".
    let first_three = |name: &str| name.chars().take(3).collect::<String>();
    let months: Vec<String> = vocabulary::months().iter().filter(|m| m.language == Language::En && !m.abbreviation).map(|m| first_three(m.name)).collect();
    let days: Vec<String> = vocabulary::english_weekdays().map(|d| first_three(d.name)).collect();
    let month = format!("(?:{})[a-z]*\\.?", months.join("|"));
    Regex::new(&format!(
        r"(?i)^(?:(?:{days})[a-z]*\.?,?\s+)?(?:{month}\s+\d{{1,2}}\b|\d{{1,2}}(?:st|nd|rd|th)?\.?\s+{month}(?:\s|$|[,:–—-])|\d{{1,2}}/\d{{1,2}}\b)",
        days = days.join("|")
    ))
    .expect("day")
});

/// Words of a schedule line that reads as a sentence ("Sunday, June 8: Folk night with local
/// singers, 6 p.m.") at most.
const SCHEDULE_PROSE_WORDS: usize = 20;

/// A line that opens with a day and says what happens on it: a date alone ("March 3, 2025",
/// the article's own date line) is no entry of a schedule.
fn schedule_line(text: &str) -> bool {
    SCHEDULE_DAY.find(text).is_some_and(|day| text[day.end()..].chars().any(char::is_alphabetic))
}

/// Three or more short lines in a row that each open with a day ("June 9 – West Palm Beach, FL",
/// "Sat 12 Oct: ...") are a schedule the article lists (tour dates, fixtures), even under a
/// heading without a colon. Under a "Related" heading they still become that list's items.
fn mark_dated_lists(paste: &Paste, cues: &mut [Cue]) {
    let listed: Vec<bool> = (0..cues.len())
        .map(|i| {
            let words = paste.units[i].shape.words;
            (matches!(cues[i], Cue::Text | Cue::Sentence | Cue::Menu | Cue::Dated) && words <= 30
                || cues[i] == Cue::Prose && words <= SCHEDULE_PROSE_WORDS)
                && schedule_line(paste.text_of(i))
        })
        .collect();
    let mut i = 0;
    while i < cues.len() {
        let mut end = i;
        while end < cues.len() && listed[end] && (end == i || paste.units[end].blanks_before <= 1) {
            end += 1;
        }
        if end - i >= 3 {
            cues[i..end].fill(Cue::Item);
            // The schedule's own heading ("Tour Dates") goes with it.
            if i > 0 && matches!(cues[i - 1], Cue::Text | Cue::Menu) && paste.units[i].blanks_before <= 1 {
                cues[i - 1] = Cue::Item;
            }
        }
        i = end.max(i + 1);
    }
}

/// The heading of a comment section: "12 comments", "Leave a Reply", "Discussion (3)".
static COMMENTS_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\d+\s+(?:responses?|comments?|replies|thoughts) (?:to|on)\b|comments?\s*\(\d+\)|\d+\s+comments?$|leave a (?:reply|comment)|join the discussion|discussion\s*\(\d+\)|reader comments)")
        .expect("comment heading")
});

/// A commenter's line: "name says:".
static COMMENTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^\S.{0,60}\s(?:says|said|wrote|writes|commented)\s*:?$").expect("commenter"));

/// A comment's time stamp as forums print it: "2 days ago", "an hour ago".
static RELATIVE_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago$").expect("relative stamp")
});

/// Words of a commenter's name line at most.
const COMMENTER_NAME_WORDS: usize = 4;
/// Units after a forum comment's stamp within which the next comment's stamp must come.
const FORUM_COMMENT_UNITS: usize = 12;

/// A comment's head: a short name line over a date line or a forum's stamp ("2 days ago").
fn comment_entry(paste: &Paste, cues: &[Cue], i: usize) -> bool {
    let (name, next) = (&paste.units[i].shape, i + 1);
    let stamped = next < cues.len()
        && (cues[next] == Cue::Dated && paste.units[next].shape.words <= 8 || RELATIVE_STAMP.is_match(paste.text_of(next)));
    name.words <= COMMENTER_NAME_WORDS && !name.terminal && matches!(cues[i], Cue::Text | Cue::Byline) && stamped
}

/// Reader comments: from the first comment heading ("34 responses to ...", "Comments (12)",
/// "Leave a Reply") or commenter line ("name says:" above a timestamp) to the page footer.
/// Comments are often long sentences, so unlike other lists they do not end at a paragraph.
/// A short post has one paragraph before them: after it, a comment heading with a comment
/// under it, or two comments in a row each under a name and a forum's stamp, start them too.
fn mark_comments(paste: &Paste, cues: &mut [Cue]) {
    let n = cues.len();
    // Comments follow the article: a "Leave a comment" link in the header is not them.
    let mut prose_seen = 0;
    let start = (0..n).find(|&i| {
        let text = paste.text_of(i);
        prose_seen += usize::from(cues[i] == Cue::Prose);
        let short = paste.units[i].shape.words <= 20;
        let heading = short && COMMENTS_HEADING.is_match(text);
        let forum_entry = |j: usize| j + 1 < n && comment_entry(paste, cues, j) && RELATIVE_STAMP.is_match(paste.text_of(j + 1));
        (prose_seen >= 2 && (heading || (short && COMMENTER.is_match(text) && i + 1 < n && cues[i + 1] == Cue::Dated)))
            || (prose_seen >= 1 && heading && (i + 1..(i + 4).min(n)).any(|j| comment_entry(paste, cues, j)))
            || (prose_seen >= 1 && forum_entry(i) && (i + 2..(i + 2 + FORUM_COMMENT_UNITS).min(n)).any(forum_entry))
    });
    let Some(start) = start else { return };
    cues[start] = Cue::ListHeading;
    for cue in cues.iter_mut().skip(start + 1) {
        if *cue != Cue::Legal {
            *cue = Cue::ListItem;
        }
    }
}

/// Cards in a row, at least, that make a list of other stories without a heading.
const TEASER_CARDS: usize = 4;
/// Words of a card's summary at most.
const TEASER_SUMMARY_WORDS: usize = 50;

/// A card of a list of other stories or guides: a headline with one short summary right under
/// it, the next card's headline right under that. (A question over its answer is an interview,
/// and a numbered heading a list the article itself counts through.)
fn teaser_card(paste: &Paste, cues: &[Cue], i: usize) -> bool {
    if i >= cues.len() {
        return false;
    }
    let (head, text) = (&paste.units[i].shape, paste.text_of(i));
    let numbered = text.split_whitespace().next().is_some_and(|w| w.trim_end_matches(['.', ')']).chars().all(|c| c.is_ascii_digit()));
    let labelled = text.find(':').is_some_and(|at| at <= 3);
    let headline = matches!(cues[i], Cue::Text | Cue::Sentence)
        && (3..=20).contains(&head.words)
        && !head.terminal
        && !text.ends_with('?')
        && !numbered
        && !labelled
        && !text.starts_with(BULLETS);
    let summary = |j: usize| {
        j < cues.len() && paste.units[j].blanks_before == 0 && matches!(cues[j], Cue::Prose | Cue::Sentence) && paste.units[j].shape.words <= TEASER_SUMMARY_WORDS
    };
    headline && summary(i + 1)
}

/// A run of [`TEASER_CARDS`] or more cards one under the other is a list of other stories
/// (a "more news" block, a guides sidebar) even without a heading: an article's subheads have
/// paragraphs of all lengths under them, and more than one.
fn mark_teaser_cards(paste: &Paste, cues: &mut [Cue]) {
    let mut i = 0;
    while i < cues.len() {
        let mut end = i;
        while teaser_card(paste, cues, end) && (end == i || paste.units[end].blanks_before <= 2) {
            end += 2;
        }
        if (end - i) / 2 >= TEASER_CARDS {
            cues[i..end].fill(Cue::ListItem);
            i = end;
        } else {
            i += 1;
        }
    }
}

/// Words of an author's box paragraph at most.
const AUTHOR_BOX_MAX_WORDS: usize = 200;
/// Units above the first paragraph searched for the byline's name (it sits just above the
/// body; bounded, so a paste of many short lines costs no more than its length).
const AUTHOR_HEADER_UNITS: usize = 40;
/// Short lines (the box's follow buttons) at most between the author's name and the paragraph.
const AUTHOR_BOX_GAP: usize = 6;

/// An author's box: a line holding the name the byline gave ("Michael Hale", "About Michael
/// Hale") over a paragraph about that person that names them ("Michael Hale writes about ...").
/// The byline's name, in the lines above the first paragraph, is what tells it from an
/// article's own list of people, each under their name. The box is the author's credit.
fn mark_author_boxes(paste: &Paste, cues: &mut [Cue]) {
    let Some(first_prose) = cues.iter().position(|&c| c == Cue::Prose) else { return };
    let header: Vec<&str> = (first_prose.saturating_sub(AUTHOR_HEADER_UNITS)..first_prose)
        .filter(|&i| paste.units[i].shape.words <= 20)
        .map(|i| paste.text_of(i))
        .collect();
    for j in first_prose + 1..cues.len() {
        if cues[j] != Cue::Prose || paste.units[j].shape.words > AUTHOR_BOX_MAX_WORDS {
            continue;
        }
        let paragraph = paste.text_of(j);
        // The nearest line above that ends in a name the paragraph and the header both hold.
        let mut k = j;
        let found = loop {
            if k == 0 || j - k > AUTHOR_BOX_GAP {
                break None;
            }
            k -= 1;
            let line = paste.text_of(k);
            if let Some(name) = author_name(line, paragraph).filter(|name| header.iter().any(|h| h.contains(name.as_str()))) {
                break Some(name);
            }
            if paste.units[k].shape.words > 3 {
                break None;
            }
        };
        let Some(name) = found else { continue };
        // The box's other lines holding the name ("Photo of Michael Hale") go with it.
        let mut top = k;
        while top > 0 && k - top < 2 && paste.units[top - 1].shape.words <= 6 && paste.text_of(top - 1).contains(name.as_str()) {
            top -= 1;
        }
        cues[top..=j].fill(Cue::SignOff);
    }
}

/// The name a short line ends in, when `paragraph` names that person: its longest ending of
/// two to four capitalised words that the paragraph holds.
fn author_name(line: &str, paragraph: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    if !(2..=6).contains(&words.len()) || line.ends_with(['.', '!', '?']) {
        return None;
    }
    (2..=4.min(words.len())).rev().find_map(|n| {
        let tail = &words[words.len() - n..];
        let capitalised = tail.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
        let name = tail.join(" ");
        (capitalised && paragraph.contains(name.as_str())).then_some(name)
    })
}

/// The heading of a story's summary in a few sentences above its text.
static SUMMARY_HEADING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^key (?:points|takeaways|facts)\b").expect("summary heading"));

/// The items under a list heading: everything up to a long paragraph, a blank gap of two or
/// more lines, or the next chrome. Related-story lists are written as headlines or as full
/// sentences; either way they are not the article.
fn mark_list_items(paste: &Paste, cues: &mut [Cue]) {
    let mut in_list = false;
    // Under "Key points" the items are the story's summary in sentences, not its text.
    let mut summary_box = false;
    // The cue before list marking of the previous unit, to see two sentences in a row.
    let mut previous: Option<Cue> = None;
    for i in 0..cues.len() {
        let unit = &paste.units[i];
        let own = cues[i];
        let sentence = |cue: Option<Cue>| matches!(cue, Some(Cue::Prose | Cue::Sentence));
        let bulleted = |j: usize| paste.text_of(j).starts_with(BULLETS);
        // Two running sentences in a row (not bullets) are text again: the article resumes
        // after a widget inserted in its middle (not under a summary's heading: those are it).
        if in_list
            && !summary_box
            && own == Cue::Prose
            && sentence(previous)
            && paste.units[i - 1].shape.terminal
            && unit.blanks_before <= 1
            && !bulleted(i)
            && !bulleted(i - 1)
        {
            in_list = false;
            cues[i - 1] = previous.unwrap_or(Cue::Text);
        }
        previous = Some(own);
        // A summary ends at its first line that is no sentence: a date, a caption, a blank line.
        if in_list && summary_box && (!matches!(own, Cue::Prose | Cue::Sentence) || unit.blanks_before >= 1) {
            in_list = false;
            summary_box = false;
        }
        match cues[i] {
            Cue::ListHeading => {
                in_list = true;
                summary_box = SUMMARY_HEADING.is_match(paste.text_of(i));
            }
            // A long paragraph ends the list, unless it is the summary under a teaser headline.
            Cue::Prose
                if unit.shape.words >= 30 && !(in_list && unit.shape.words <= 45 && i > 0 && teaser_headline(paste, cues, i - 1)) =>
            {
                in_list = false
            }
            _ if unit.blanks_before >= 2 => in_list = false,
            Cue::Prose | Cue::Sentence | Cue::Text | Cue::Byline | Cue::Dated | Cue::Menu | Cue::TableRow | Cue::Item if in_list => {
                cues[i] = Cue::ListItem
            }
            Cue::Legal | Cue::SignOff => in_list = false,
            _ => {}
        }
    }
}

/// Every pattern of this module, for the test that compiles them all (`lib.rs`).
#[cfg(test)]
pub(crate) static PATTERNS: &[&LazyLock<Regex>] = &[&MEDIA_LABEL, &PROMPT, &PROMPT_ANYWHERE, &HEADING, &LEGAL, &SIGN_OFF, &CAPTION, &PHOTO_CREDIT, &CLICK, &TRAILING_CREDIT, &BYLINE, &TWEET_SIGNATURE, &GALLERY_COUNTER, &SCHEDULE_DAY, &COMMENTS_HEADING, &COMMENTER, &RELATIVE_STAMP, &SUMMARY_HEADING, &READ_MORE];

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(s: &str) -> Cue {
        cue_of(s, &Shape::of(s))
    }

    #[test]
    fn kinds_of_lines() {
        assert_eq!(cue("Source: Xinhua   Editor: Wang Qingchu"), Cue::SignOff);
        assert_eq!(cue("(Reporting by Tom Mbeki in Abidjan; Editing by Clare Fallon)"), Cue::SignOff);
        assert_eq!(cue("-- WAM"), Cue::SignOff);
        assert_eq!(cue("SOURCE: AA"), Cue::SignOff);
        assert_eq!(cue("Related news"), Cue::ListHeading);
        assert_eq!(
            cue("Copyright 2020 © Shanghai Daily. All Rights Reserved. Hotline: 8621-52920043"),
            Cue::Legal
        );
        assert_eq!(cue("Football | Basketball | Athletics | Wrestling | Results | Video"), Cue::Menu);
        assert_eq!(cue("U.S. World Business Lifestyle"), Cue::Menu);
        assert_eq!(cue("By Andrew Osborn and Mark Trevelyan"), Cue::Byline);
        assert_eq!(cue("Updated 12 March 2025"), Cue::Dated);
        assert_eq!(cue("Reuters could not independently verify his assertions."), Cue::Sentence);
        assert_eq!(cue("Image copyright Getty Images"), Cue::Caption);
        assert_eq!(cue("Marchers in the square Image copyright Reuters"), Cue::Caption);
        assert_eq!(cue("Twitter post by @someone: The vote is tomorrow."), Cue::Caption);
        assert_eq!(cue("harbour-festival-2019-boats_01"), Cue::Caption);
        assert_eq!(cue("Copyright 2019 The Daily. All rights reserved."), Cue::Legal);
    }
}
