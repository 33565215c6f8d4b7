//! **Markup as tokens**: start tags with their attributes, end tags and text, entities decoded,
//! as [`super::markup`] reads them. Two readers give them:
//!
//! - [`html`] (the `html5gum` feature, on by default: the CLI, the tests): any HTML, through
//!   html5gum's tokeniser;
//! - [`reduced`]: the *reduced form* alone, the markup the page keeps of a paste (written by
//!   `src/web/markup.rs` with [`start_tag`], [`end_tag`] and [`text`]): tags of a name and
//!   double-quoted attributes, text with `&`, `<` and `>` escaped (and `"` in an attribute).
//!   On that form it gives exactly html5gum's tokens (tests/markup.rs checks it), so the page's
//!   worker, built without the feature, carries no HTML tokeniser and reports what the CLI
//!   reports; on any other markup it gives some tokens, never a panic.

/// A start tag: its name (ASCII lower case) and its attributes, by name, each once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tag {
    /// The element's name.
    pub name: String,
    /// `(name, value)` pairs, sorted by name; the first of two with one name is kept.
    pub attributes: Vec<(String, String)>,
}

impl Tag {
    /// The value of the attribute `key`, if the tag has it.
    pub fn attribute(&self, key: &str) -> Option<&str> {
        self.attributes.iter().find(|(name, _)| name == key).map(|(_, value)| value.as_str())
    }
}

/// One token of markup; comments, doctypes and errors are not tokens here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    /// A start tag.
    Start(Tag),
    /// An end tag, by its name (ASCII lower case).
    End(String),
    /// Text between two tags, entities decoded.
    Text(String),
}

/// The tokens of any HTML, as html5gum reads them (switching to raw text after `<script>`,
/// `<textarea>` and the like, as a browser would).
#[cfg(feature = "html5gum")]
pub fn html(html: &str) -> Vec<Token> {
    use html5gum::{DefaultEmitter, Tokenizer};
    let lossy = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let read = Tokenizer::new_with_emitter(html, emitter).flatten().filter_map(|token| match token {
        html5gum::Token::StartTag(tag) => Some(Token::Start(Tag {
            name: lossy(&tag.name),
            attributes: tag.attributes.iter().map(|(name, value)| (lossy(name), lossy(&value.value))).collect(),
        })),
        html5gum::Token::EndTag(tag) => Some(Token::End(lossy(&tag.name))),
        html5gum::Token::String(text) => Some(Token::Text(lossy(&text.value))),
        _ => None,
    });
    read.collect()
}

/// `<name key="value"...>` in the reduced form: the attributes in the order given.
pub fn start_tag<'a>(name: &str, attributes: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut tag = format!("<{name}");
    for (key, value) in attributes {
        tag.push_str(&format!(" {key}=\"{}\"", escape(value, true)));
    }
    tag.push('>');
    tag
}

/// `</name>` in the reduced form.
pub fn end_tag(name: &str) -> String {
    format!("</{name}>")
}

/// `text` in the reduced form.
pub fn text(text: &str) -> String {
    escape(text, false)
}

/// `text` with the characters that would read as markup escaped (and `"` in an attribute).
fn escape(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The entities the reduced form writes, and the characters they stand for.
const ENTITIES: [(&str, char); 4] = [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"')];

/// How the text after a start tag is read, by the tag's name (html5gum's naive switch).
#[derive(Clone, Copy, PartialEq)]
enum After {
    /// Tags and text.
    Markup,
    /// Text up to the element's end tag, entities decoded (`<textarea>`, `<title>`).
    Escapable,
    /// Text up to the element's end tag, as it is (`<xmp>`, `<style>`, `<script>`, ...).
    Raw,
    /// Text to the end, as it is (`<plaintext>`).
    Rest,
}

fn after(name: &str) -> After {
    match name {
        "textarea" | "title" => After::Escapable,
        "plaintext" => After::Rest,
        "script" | "style" | "iframe" | "xmp" | "noembed" | "noframe" | "noscript" => After::Raw,
        _ => After::Markup,
    }
}

/// Whether `c` ends a tag's name or an attribute (HTML's whitespace, `/`, `>`).
fn ends_name(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\x0C' | ' ' | '/' | '>')
}

/// The tokens of markup in the reduced form (see the module's doc). Line ends are read as
/// `\n`, as a tokeniser's input stream has them; a tag cut off by the end is dropped.
pub fn reduced(markup: &str) -> Vec<Token> {
    let markup = markup.replace("\r\n", "\n").replace('\r', "\n");
    let mut tokens = Vec::new();
    let mut text = String::new();
    let mut rest = markup.as_str();
    while !rest.is_empty() {
        let Some(open) = rest.find('<') else {
            text.push_str(&decoded(rest, Within::Text));
            break;
        };
        text.push_str(&decoded(&rest[..open], Within::Text));
        rest = &rest[open..];
        let next = rest[1..].chars().next();
        let closing = next == Some('/') && rest[2..].starts_with(|c: char| c.is_ascii_alphabetic());
        if !closing && !next.is_some_and(|c| c.is_ascii_alphabetic()) {
            // `<!...>`, `<?...>` and `</>` hold no token; any other `<` is text.
            if matches!(next, Some('!' | '?')) || rest.starts_with("</>") || (next == Some('/') && rest.len() > 2) {
                rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
            } else {
                text.push('<');
                rest = &rest[1..];
            }
            continue;
        }
        let Some((tag, after_tag)) = read_tag(&rest[if closing { 2 } else { 1 }..]) else { break };
        if !text.is_empty() {
            tokens.push(Token::Text(std::mem::take(&mut text)));
        }
        rest = after_tag;
        if closing {
            tokens.push(Token::End(tag.name));
            continue;
        }
        let mode = after(&tag.name);
        let name = tag.name.clone();
        tokens.push(Token::Start(tag));
        if mode == After::Markup {
            continue;
        }
        let end = if mode == After::Rest { None } else { end_tag_at(rest, &name) };
        let body = &rest[..end.unwrap_or(rest.len())];
        let body = if mode == After::Escapable { decoded(body, Within::Escapable) } else { body.replace('\0', "\u{FFFD}") };
        if !body.is_empty() {
            tokens.push(Token::Text(body));
        }
        rest = end.map_or("", |at| &rest[at..]);
    }
    if !text.is_empty() {
        tokens.push(Token::Text(text));
    }
    tokens
}

/// A tag's name and attributes from just after `<` or `</` up to its `>`, and what follows;
/// none when the markup ends first.
fn read_tag(from: &str) -> Option<(Tag, &str)> {
    let name_end = from.find(ends_name)?;
    let mut tag = Tag { name: lower(&from[..name_end]), attributes: Vec::new() };
    let mut rest = &from[name_end..];
    loop {
        rest = rest.trim_start_matches(['\t', '\n', '\x0C', ' ', '/']);
        if let Some(after) = rest.strip_prefix('>') {
            tag.attributes.sort_by(|a, b| a.0.cmp(&b.0));
            return Some((tag, after));
        }
        // An attribute's name may start with `=`; it ends at whitespace, `/`, `>` or `=`.
        let key_end = rest.char_indices().skip(1).find(|&(_, c)| ends_name(c) || c == '=').map(|(at, _)| at)?;
        let key = lower(&rest[..key_end]);
        rest = rest[key_end..].trim_start_matches(['\t', '\n', '\x0C', ' ']);
        let mut value = String::new();
        if let Some(after_equals) = rest.strip_prefix('=') {
            rest = after_equals.trim_start_matches(['\t', '\n', '\x0C', ' ']);
            let (raw, after_value) = match rest.chars().next()? {
                quote @ ('"' | '\'') => {
                    let close = rest[1..].find(quote)? + 1;
                    (&rest[1..close], &rest[close + 1..])
                }
                _ => {
                    let end = rest.find(['\t', '\n', '\x0C', ' ', '>'])?;
                    (&rest[..end], &rest[end..])
                }
            };
            value = decoded(raw, Within::Attribute);
            rest = after_value;
        }
        if !tag.attributes.iter().any(|(name, _)| *name == key) {
            tag.attributes.push((key, value));
        }
    }
}

/// Where the end tag of `name` starts in `text` (`</name` in any case, then whitespace, `/` or
/// `>`), if it has one.
fn end_tag_at(text: &str, name: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = text[from..].find("</").map(|at| at + from) {
        let after_name = at + 2 + name.len();
        let named = text.get(at + 2..after_name).is_some_and(|candidate| candidate.eq_ignore_ascii_case(name));
        if named && text[after_name..].starts_with(ends_name) {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

/// A name as a tokeniser keeps it: ASCII lower case, a NUL as U+FFFD.
fn lower(name: &str) -> String {
    name.to_ascii_lowercase().replace('\0', "\u{FFFD}")
}

/// Where text is decoded: it decides what a NUL and an entity without its `;` read as.
#[derive(Clone, Copy, PartialEq)]
enum Within {
    /// The markup's own text: a NUL stays.
    Text,
    /// A `<textarea>`'s or `<title>`'s text: a NUL reads as U+FFFD.
    Escapable,
    /// An attribute's value: a NUL reads as U+FFFD, and an entity without its `;` is itself
    /// before a letter, a digit or `=`.
    Attribute,
}

/// `text` with the reduced form's entities decoded, as a tokeniser decodes them: with their
/// `;`, or without it (the reduced form's own text never lacks it; markup cut short may);
/// any other `&` is itself.
fn decoded(text: &str, within: Within) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let entity = ENTITIES.iter().find_map(|&(entity, c)| {
            if rest.starts_with(entity) {
                return Some((entity.len(), c));
            }
            let legacy = &entity[..entity.len() - 1];
            let follows = rest.strip_prefix(legacy)?.chars().next();
            let kept = within == Within::Attribute && follows.is_some_and(|c| c.is_ascii_alphanumeric() || c == '=');
            (!kept).then_some((legacy.len(), c))
        });
        let (length, c) = entity.unwrap_or((1, '&'));
        out.push(c);
        rest = &rest[length..];
    }
    out.push_str(rest);
    if within == Within::Text {
        out
    } else {
        out.replace('\0', "\u{FFFD}")
    }
}
