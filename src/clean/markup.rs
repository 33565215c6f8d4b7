//! **The clipboard's HTML as evidence.** A copy from a news page carries, beside the plain text,
//! the page's markup for the selection (`text/html`): it says outright what the text rules
//! guess from line shapes. Here that markup is read (as [`super::tokens`], never rendered)
//! into [`Block`]s of text with what their elements say (heading, list item, caption, inside
//! navigation or a comment thread, mostly link text, a `<time>`, an author), each block is
//! aligned word by word onto the plain paste's units, and [`apply`] turns that into cues.
//! Spans stay in the plain text: a unit no block aligns with keeps its text cue.
//!
//! Work is linear in the markup: the element stack is capped at [`MAX_DEPTH`] and the
//! alignment looks at most [`RESYNC_WINDOW`] words ahead.

use super::boilerplate::{Classified, Cue};
use super::lines::Paste;
use crate::vocabulary::{HTML_BLOCK_ELEMENTS, MARKUP_CHROME_CLASSES};
use super::tokens::{Tag, Token};

/// Open elements tracked at once; deeper ones are read as text of their last tracked parent.
pub const MAX_DEPTH: usize = 256;
/// Words the alignment skips at most, in either text, to find the two texts in step again.
pub const RESYNC_WINDOW: usize = 48;
/// Words that must agree for the alignment to call the texts in step after a skip.
const ANCHOR_WORDS: usize = 3;
/// Elements whose text is not shown.
pub const HIDDEN_ELEMENTS: [&str; 9] = ["script", "style", "template", "noscript", "head", "title", "iframe", "object", "svg"];
/// Words of a class or id naming a reader-comment thread.
const COMMENT_CLASSES: [&str; 9] = ["comment", "comments", "discussion", "disqus", "replies", "reply", "respond", "responses", "forum"];
/// The first word of a class or id naming the article's text ("entry-content", "articleBody"),
/// and its second.
const CONTENT_OWNERS: [&str; 5] = ["article", "entry", "post", "story", "news"];
const CONTENT_PARTS: [&str; 4] = ["body", "content", "text", "copy"];
/// Elements that hold page chrome, whatever their class.
const CHROME_ELEMENTS: [&str; 7] = ["nav", "aside", "footer", "form", "button", "select", "dialog"];
/// The attributes this reader keeps of an element, the first five naming what it is: markup
/// kept as evidence (the page's drafts and links, `src/web/markup.rs`) may drop every other,
/// once the elements that [`hides`] are dropped whole.
pub const READ_ATTRIBUTES: [&str; 6] = ["class", "id", "role", "itemprop", "rel", "datetime"];
/// Elements that leave a blank line around their text (the first entries of `html_block_elements`).
const SPACED_BLOCKS: usize = 7;

/// What the markup says about the text of one block.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    /// Inside `<nav>`, `<aside>`, `<footer>`, a form, or an element whose class names chrome.
    pub chrome: bool,
    /// Inside an element whose class or id names reader comments.
    pub comments: bool,
    /// An `<h1>`..`<h6>`.
    pub heading: bool,
    /// A `<li>`, `<dt>` or `<dd>`.
    pub item: bool,
    /// A `<figcaption>` or a table's `<caption>`.
    pub caption: bool,
    /// A `<p>` or `<blockquote>`: a paragraph the page itself marks as one.
    pub paragraph: bool,
    /// A `<time>` element.
    pub time: bool,
    /// An author's name: `rel="author"`, an `itemprop`, class or id naming the author or byline.
    pub author: bool,
    /// Inside a link.
    pub link: bool,
    /// Inside the element a page names as its article's text: `itemprop="articleBody"`, or a
    /// class or id of two words such as "entry-content", "article-body", "story-text".
    pub content: bool,
    hidden: bool,
}

/// A run of text between block boundaries, with its marks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Block {
    /// The text, entities decoded, whitespace as in the markup.
    pub text: String,
    /// Bytes of `text` inside links.
    pub link_bytes: usize,
    /// What its elements say (those open where its text starts).
    pub marks: Marks,
    /// Whether a blank line separates it from the block before (see [`visible_text`]).
    pub spaced: bool,
    /// The `datetime` of a `<time>` element its text is inside, the first if several.
    pub datetime: Option<String>,
}

impl Marks {
    /// These marks inside an element marked `parent`: what a parent says holds for its children.
    fn within(self, parent: Marks) -> Marks {
        Marks {
            chrome: self.chrome || parent.chrome,
            comments: self.comments || parent.comments,
            heading: self.heading || parent.heading,
            item: self.item || parent.item,
            caption: self.caption || parent.caption,
            paragraph: self.paragraph || parent.paragraph,
            time: self.time || parent.time,
            author: self.author || parent.author,
            link: self.link || parent.link,
            content: self.content || parent.content,
            hidden: self.hidden || parent.hidden,
        }
    }
}

impl Block {
    /// Mostly the words of links: a menu, or a list of other stories.
    pub fn link_dense(&self) -> bool {
        self.link_bytes * 3 >= self.text.trim().len() * 2 && self.link_bytes > 0
    }
}

/// One element of the markup, as read in the first pass.
struct Element {
    name: String,
    /// What the element says by itself (its parent's marks are added in the second pass).
    own: Marks,
    /// Visible text bytes inside it.
    text_bytes: usize,
    /// A `<time>` element's `datetime`.
    datetime: Option<String>,
}

/// The markup as a flat sequence, so an element's size is known before its text is read.
enum Event {
    Open(usize),
    Close(usize),
    Text(String),
    /// A block boundary; `true` when a blank line goes around the block.
    Boundary(bool),
}

/// A part of the page holding this share of its visible text or more is the page, not its
/// chrome, whatever its class says (a wrapper named "url-breadcrumb" or "page-ad-margins").
const CHROME_MAX_SHARE: usize = 3;

/// Tenths of the paste's words the markup must align with for its silence to mean something.
const COVERED_TENTHS: usize = 8;

/// Words of a paragraph that resumes the article below a list the markup closed.
const RESUMED_PARAGRAPH_WORDS: usize = 12;

/// Words of a picture's description (alt text) at most: a paste's line the markup has no text
/// for, where it covers the rest, is one up to this length.
const ALT_TEXT_MAX_WORDS: usize = 40;

/// Link paragraphs or items in a row that make a menu or a list of other stories.
const LINK_RUN_BLOCKS: usize = 3;

/// An author's name or a time is a line: an element named "author" that holds more is a post
/// or an author's box.
const LINE_MAX_BYTES: usize = 160;

/// The tokens of `html`: html5gum's reading of any HTML where the build has it (the CLI), else
/// the reduced form's reader (the page's worker, whose markup the page has reduced).
pub fn tokens(html: &str) -> Vec<Token> {
    #[cfg(feature = "html5gum")]
    return super::tokens::html(html);
    #[cfg(not(feature = "html5gum"))]
    return super::tokens::reduced(html);
}

/// The blocks of text of `html`, in order; blocks of hidden elements and blank ones are left out.
pub fn blocks(html: &str) -> Vec<Block> {
    blocks_of(tokens(html))
}

/// The blocks of text these tokens hold, as [`blocks`] finds them.
pub fn blocks_of(tokens: Vec<Token>) -> Vec<Block> {
    let (elements, events) = read(tokens);
    let total: usize = events.iter().map(|e| if let Event::Text(t) = e { t.len() } else { 0 }).sum();
    let mut stack: Vec<(usize, Marks)> = Vec::new();
    let mut blocks: Vec<Block> = Vec::new();
    let mut current = Block::default();
    let mut spaced = false;
    for event in events {
        match event {
            Event::Open(at) => {
                let element = &elements[at];
                let mut own = element.own;
                if element.text_bytes * CHROME_MAX_SHARE > total {
                    (own.chrome, own.comments) = (false, false);
                }
                if element.text_bytes > LINE_MAX_BYTES {
                    (own.author, own.time) = (false, false);
                }
                let parent = stack.last().map(|(_, m)| *m).unwrap_or_default();
                stack.push((at, own.within(parent)));
            }
            Event::Close(at) => {
                if let Some(depth) = stack.iter().rposition(|(e, _)| *e == at) {
                    stack.truncate(depth);
                }
            }
            Event::Boundary(spacing) => {
                finish(&mut current, &mut spaced, &mut blocks);
                spaced |= spacing;
            }
            Event::Text(text) => {
                let marks = stack.last().map(|(_, m)| *m).unwrap_or_default();
                if current.text.is_empty() {
                    current.marks = marks;
                }
                if marks.link {
                    current.link_bytes += text.trim().len();
                }
                if current.datetime.is_none() && marks.time {
                    current.datetime = stack.iter().rev().find_map(|(at, _)| elements[*at].datetime.clone());
                }
                current.text.push_str(&text);
            }
        }
    }
    finish(&mut current, &mut spaced, &mut blocks);
    blocks
}

/// The first pass: elements with their own marks and visible text size, and the events in
/// order. Hidden text is dropped here. End tags close the nearest open element of their name
/// (and whatever is open inside it); one with none open is ignored.
fn read(tokens: Vec<Token>) -> (Vec<Element>, Vec<Event>) {
    let mut elements: Vec<Element> = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    // Open elements, each with whether it is hidden (by itself or a parent).
    let mut open: Vec<(usize, bool)> = Vec::new();
    let close = |open: &mut Vec<(usize, bool)>, elements: &mut Vec<Element>, depth: usize| {
        while open.len() > depth {
            let (at, _) = open.pop().expect("deeper than depth");
            if let Some(&(parent, _)) = open.last() {
                elements[parent].text_bytes += elements[at].text_bytes;
            }
        }
    };
    for token in tokens {
        match token {
            Token::Start(tag) => {
                let name = tag.name.to_ascii_lowercase();
                if let Some(spacing) = block_spacing(&name) {
                    events.push(Event::Boundary(spacing));
                }
                if is_void(&name) || open.len() >= MAX_DEPTH {
                    continue;
                }
                let own = marks_of(&name, &tag);
                let datetime = own.time.then(|| tag.attribute("datetime").map(|v| v.trim().to_string())).flatten();
                let hidden = own.hidden || open.last().is_some_and(|&(_, h)| h);
                open.push((elements.len(), hidden));
                events.push(Event::Open(elements.len()));
                elements.push(Element { name, own, text_bytes: 0, datetime });
            }
            Token::End(name) => {
                let name = name.to_ascii_lowercase();
                if let Some(depth) = open.iter().rposition(|&(at, _)| elements[at].name == name) {
                    events.push(Event::Close(open[depth].0));
                    close(&mut open, &mut elements, depth);
                }
                if let Some(spacing) = block_spacing(&name) {
                    events.push(Event::Boundary(spacing));
                }
            }
            Token::Text(text) if !open.last().is_some_and(|&(_, hidden)| hidden) => {
                if let Some(&(at, _)) = open.last() {
                    elements[at].text_bytes += text.len();
                }
                events.push(Event::Text(text));
            }
            _ => {}
        }
    }
    close(&mut open, &mut elements, 0);
    (elements, events)
}

/// Ends the block being read: kept when it holds text (then the pending blank line goes with it).
fn finish(current: &mut Block, spaced: &mut bool, blocks: &mut Vec<Block>) {
    if current.text.trim().is_empty() {
        *current = Block::default();
    } else {
        current.spaced |= *spaced;
        blocks.push(std::mem::take(current));
        *spaced = false;
    }
}

/// Elements without content: no end tag follows.
fn is_void(name: &str) -> bool {
    matches!(name, "br" | "img" | "hr" | "input" | "meta" | "link" | "wbr" | "source" | "area" | "col") || name.starts_with('!')
}

/// Whether `name` bounds a block (and then whether a blank line goes around it).
fn block_spacing(name: &str) -> Option<bool> {
    if name == "br" {
        return Some(false);
    }
    HTML_BLOCK_ELEMENTS.iter().position(|b| *b == name).map(|at| at < SPACED_BLOCKS)
}

/// Whether an element named `name` (lower case) hides its text: a hidden element, the `hidden`
/// attribute, or an inline style that hides it; `attribute` gives an attribute's value.
pub fn hides(name: &str, attribute: impl Fn(&str) -> Option<String>) -> bool {
    let style = attribute("style").unwrap_or_default().to_ascii_lowercase().replace(' ', "");
    HIDDEN_ELEMENTS.contains(&name) || attribute("hidden").is_some() || style.contains("display:none") || style.contains("visibility:hidden")
}

/// The words of class names and ids, in lower case: split at punctuation and where a lower-case
/// letter meets a capital ("PromoSmall-title" is "promo", "small", "title").
fn class_words(names: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut previous_lower = false;
    for c in names.chars() {
        let boundary = !c.is_ascii_alphanumeric() || (previous_lower && c.is_ascii_uppercase());
        if boundary && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        }
        previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// What an element says about its text by itself: its name and its attributes.
fn marks_of(name: &str, tag: &Tag) -> Marks {
    let raw = |key: &str| tag.attribute(key).map(str::to_string);
    let names: String = READ_ATTRIBUTES[..5].iter().filter_map(|k| raw(k)).collect::<Vec<_>>().join(" ");
    let words = class_words(&names);
    let named = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    Marks {
        chrome: CHROME_ELEMENTS.contains(&name) || named(&MARKUP_CHROME_CLASSES),
        comments: named(&COMMENT_CLASSES),
        heading: matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"),
        item: matches!(name, "li" | "dt" | "dd"),
        caption: matches!(name, "figcaption" | "caption"),
        paragraph: matches!(name, "p" | "blockquote"),
        time: name == "time",
        author: named(&["author", "byline", "creator"]),
        link: name == "a",
        content: words.windows(2).any(|pair| CONTENT_OWNERS.contains(&pair[0].as_str()) && CONTENT_PARTS.contains(&pair[1].as_str())),
        hidden: hides(name, raw),
    }
}

/// The text a browser shows for `html`: each block on its own line, a blank line around
/// paragraphs, headings and lists, runs of whitespace inside a block as one space. What the
/// CLI reads from an `.html` file, as a copy from the page would give it.
pub fn visible_text(html: &str) -> String {
    let mut out = String::new();
    for block in blocks(html) {
        if !out.is_empty() {
            out.push_str(if block.spaced { "\n\n" } else { "\n" });
        }
        let mut words = block.text.split_ascii_whitespace();
        if let Some(first) = words.next() {
            out.push_str(first);
            for word in words {
                out.push(' ');
                out.push_str(word);
            }
        }
    }
    out
}

/// A word as the alignment compares it: letters and digits, lower case, hashed (FNV-1a).
fn word_keys(text: &str) -> impl Iterator<Item = u64> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| {
        w.chars().flat_map(char::to_lowercase).fold(0xcbf2_9ce4_8422_2325u64, |h, c| (h ^ u64::from(u32::from(c))).wrapping_mul(0x100_0000_01b3))
    })
}

/// For each unit of `paste`, the block of `blocks` most of its words align with, if at least
/// half of them do. The two word sequences are walked in step; where they differ (alt text in
/// the paste, hidden text in the markup), the nearest point within [`RESYNC_WINDOW`] words
/// where [`ANCHOR_WORDS`] words agree again is taken.
pub fn align(paste: &Paste, blocks: &[Block]) -> Vec<Option<usize>> {
    let (pw, pu): (Vec<u64>, Vec<usize>) =
        (0..paste.units.len()).flat_map(|u| word_keys(paste.text_of(u)).map(move |w| (w, u))).unzip();
    let (hw, hb): (Vec<u64>, Vec<usize>) = blocks.iter().enumerate().flat_map(|(b, block)| word_keys(&block.text).map(move |w| (w, b))).unzip();
    let agree = |i: usize, j: usize| i + ANCHOR_WORDS <= pw.len() && j + ANCHOR_WORDS <= hw.len() && pw[i..i + ANCHOR_WORDS] == hw[j..j + ANCHOR_WORDS];
    let mut matched: Vec<(usize, usize)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < pw.len() && j < hw.len() {
        if pw[i] == hw[j] {
            matched.push((pu[i], hb[j]));
            i += 1;
            j += 1;
            continue;
        }
        match (1..=RESYNC_WINDOW).find_map(|d| if agree(i, j + d) { Some((i, j + d)) } else if agree(i + d, j) { Some((i + d, j)) } else { None }) {
            Some((ni, nj)) => (i, j) = (ni, nj),
            None => (i, j) = (i + 1, j + 1),
        }
    }
    let mut words = vec![0usize; paste.units.len()];
    pu.iter().for_each(|&u| words[u] += 1);
    let mut best: Vec<Option<(usize, usize)>> = vec![None; paste.units.len()];
    let mut run: Option<(usize, usize, usize)> = None;
    for &(u, b) in matched.iter().chain(std::iter::once(&(usize::MAX, usize::MAX))) {
        match &mut run {
            Some((ru, rb, n)) if *ru == u && *rb == b => *n += 1,
            _ => {
                if let Some((ru, rb, n)) = run {
                    if best[ru].is_none_or(|(_, m)| n > m) {
                        best[ru] = Some((rb, n));
                    }
                }
                run = (u != usize::MAX).then_some((u, b, 1));
            }
        }
    }
    best.iter().zip(&words).map(|(b, &w)| b.filter(|&(_, n)| n * 2 >= w).map(|(b, _)| b)).collect()
}

/// Cues from the markup where it says what a unit is; other units keep their text cue.
pub fn apply(paste: &Paste, html: &str, classified: &mut Classified) {
    let blocks = blocks(html);
    // A link line the article writes is one of its paragraphs or list items ("Get it at ... for
    // $199", "Also at ..."); links one after another are a menu or a list of other stories, and
    // a bare link between blocks is a button or a promotion.
    let dense: Vec<bool> = blocks.iter().map(Block::link_dense).collect();
    let in_link_run = |b: usize| {
        let written = blocks[b].marks.paragraph || blocks[b].marks.item;
        let run_start = (0..=b).rev().take_while(|&i| dense[i]).last().unwrap_or(b);
        let run_end = (b..dense.len()).take_while(|&i| dense[i]).last().unwrap_or(b);
        dense[b] && (!written || run_end + 1 - run_start >= LINK_RUN_BLOCKS)
    };
    let aligned = align(paste, &blocks);
    let words = |unit: usize| paste.units[unit].shape.words;
    let aligned_words: usize = (0..aligned.len()).filter(|&u| aligned[u].is_some()).map(words).sum();
    let all_words: usize = (0..aligned.len()).map(words).sum();
    // Where the markup covers the paste, a short line it has no text for is an image's alt text
    // or a control's label, not the article's.
    let covered = aligned_words * 10 >= all_words * COVERED_TENTHS;
    for (unit, block) in aligned.into_iter().enumerate() {
        let Some(b) = block else {
            // (A sentence there is a picture's description: "An artist's illustration of ...".)
            let described = matches!(classified.cues[unit], Cue::Sentence | Cue::Prose) && words(unit) <= ALT_TEXT_MAX_WORDS;
            if covered && ((classified.cues[unit] == Cue::Text && words(unit) <= 8) || described) {
                classified.cues[unit] = Cue::Caption;
            }
            continue;
        };
        let marks = &blocks[b].marks;
        classified.content[unit] = marks.content && !marks.chrome && !marks.comments;
        classified.stated[unit] = blocks[b].datetime.as_deref().and_then(super::dates::stated);
        // A paragraph between two links, a linked heading above it, is a card's summary (a
        // story's headline, the next card's below), not the article resuming after its links.
        let card_summary = b > 0 && dense[b - 1] && blocks[b - 1].marks.heading && blocks.get(b + 1).is_none_or(Block::link_dense);
        if let Some(cue) = cue_from(marks, in_link_run(b), card_summary, classified.cues[unit], &paste.units[unit].shape) {
            classified.cues[unit] = cue;
        }
        // Repetition marks gallery captions and teaser headlines; a paragraph or heading of the
        // page's own text may repeat (the same line under each item of a plan or a schedule).
        if (marks.paragraph || marks.heading) && !marks.link && !marks.chrome && !marks.caption && !marks.comments {
            classified.repeated[unit] = false;
        }
    }
}

/// The cue the markup gives a unit whose text cue is `text_cue`, if it says more.
fn cue_from(marks: &Marks, link_dense: bool, card_summary: bool, text_cue: Cue, shape: &super::lines::Shape) -> Option<Cue> {
    let chrome_cue = || if shape.words <= 8 { Cue::Menu } else { Cue::ListItem };
    if matches!(text_cue, Cue::Legal | Cue::SignOff) {
        return None;
    }
    if marks.comments {
        return Some(Cue::ListItem);
    }
    if marks.author && shape.words <= 12 {
        return Some(Cue::Byline);
    }
    if marks.chrome || link_dense {
        return Some(chrome_cue());
    }
    if marks.caption {
        return Some(Cue::Caption);
    }
    if marks.time && shape.words <= 14 {
        return Some(Cue::Dated);
    }
    if marks.heading {
        return (text_cue == Cue::Prose).then_some(Cue::Text);
    }
    if marks.paragraph && matches!(text_cue, Cue::Sentence | Cue::Text) && shape.terminal && shape.words >= 8 {
        return Some(Cue::Prose);
    }
    // A paragraph the text rules took into a list above it ("Related links" boxed inside the
    // article): the markup shows the box ended, and the article goes on.
    if marks.paragraph && !marks.item && !card_summary && text_cue == Cue::ListItem && shape.words >= RESUMED_PARAGRAPH_WORDS && shape.terminal {
        return Some(Cue::Prose);
    }
    if marks.item && matches!(text_cue, Cue::Menu | Cue::Text) {
        return Some(Cue::Item);
    }
    None
}
