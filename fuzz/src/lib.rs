//! The fuzz targets: each takes arbitrary bytes, runs one of wiretrace's entry points for
//! hostile input on them and panics if an invariant breaks. A panic inside wiretrace is a crash
//! too. Both drivers (the stable mutation loop and libFuzzer) call [`Target::run`].
//!
//! - `analyze`: the bytes as up to [`MAX_PASTES`] pastes; the report serialises, reads back, and
//!   every span it gives lies inside its paste, on character boundaries.
//! - `permalink`: the bytes as a link fragment, which decodes or is refused (and what decodes
//!   re-encodes to the same pastes); or as pastes, whose link round-trips and, with any one
//!   character changed, is refused or decodes exactly.
//! - `markup`: the bytes woven with HTML (tags, entities, scripts, comments) and analysed as in
//!   `analyze` three ways: the markup pasted as text, the markup as a page (`Input::from_html`:
//!   its visible text is the paste), and the bytes' own text with the markup as its HTML form
//!   (the clipboard's text/html beside text/plain, which need not agree).

use wiretrace::{permalink, Input, Report, Span};

/// The longest input a driver feeds a target: long enough for several articles' worth of
/// structure, short enough for thousands of runs a second.
pub const MAX_INPUT_BYTES: usize = 4096;
/// At most this many pastes are made of one input (they are split at NUL bytes).
pub const MAX_PASTES: usize = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Analyze,
    Permalink,
    Markup,
}

impl Target {
    pub const ALL: [Target; 3] = [Target::Analyze, Target::Permalink, Target::Markup];

    pub fn name(self) -> &'static str {
        match self {
            Target::Analyze => "analyze",
            Target::Permalink => "permalink",
            Target::Markup => "markup",
        }
    }

    pub fn by_name(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|target| target.name() == name)
    }

    /// Words the mutation loop splices in, so random bytes reach the rules that read them.
    pub fn dictionary(self) -> &'static [&'static str] {
        match self {
            Target::Analyze => &ANALYZE_WORDS,
            Target::Permalink => &PERMALINK_WORDS,
            Target::Markup => &MARKUP_WORDS,
        }
    }

    /// Runs the target on `data`; panics when an invariant breaks.
    pub fn run(self, data: &[u8]) {
        let data = &data[..data.len().min(MAX_INPUT_BYTES)];
        match self {
            Target::Analyze => check_analysis(&pastes(data)),
            Target::Permalink => check_permalink(data),
            Target::Markup => {
                let markup = weave_markup(data);
                check_analysis(&[
                    Input::new("markup as text", markup.as_str()),
                    Input::from_html("markup.html", markup.as_str()),
                    Input::with_html("text with markup", String::from_utf8_lossy(data), markup),
                ]);
            }
        }
    }
}

const ANALYZE_WORDS: [&str; 24] = [
    "\n\n", " (Reuters) - ", " (AP) — ", "AFP", "Xinhua", "By ", "said", " told ", "\"", "“", "”", "%", "$", "€",
    " million", "2024-03-01T10:00:00Z", "Monday", "March 3", "Updated ", "UTC", "per cent", "According to ", "—", "\r\n",
];
const PERMALINK_WORDS: [&str; 8] = ["v1.", "v2.", "#", "AAAA", "____", "----", "=", "%25"];
const MARKUP_WORDS: [&str; 30] = [
    "<script>window.__pwned=1</script>", "<p>", "</p>", "<div class=\"x\">", "</div>", "<!--", "-->", "&amp;", "&#x3c;",
    "&lt;", "&nbsp;", "<![CDATA[", "]]>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">",
    "<style>", "</style>", "<title>", "<meta charset=\"utf-8\">", "<br/>",
    // What the HTML path reads as evidence.
    "<nav>", "</nav>", "<h2>", "</h2>", "<li><a href=/x>", "</a></li>", "<div class=\"comments\">", "<time datetime=\"2024-03-01\">",
    "<figcaption>", "<p hidden>",
];

/// The bytes as pastes: split at NUL bytes, each read as UTF-8 with bad sequences replaced.
fn pastes(data: &[u8]) -> Vec<Input> {
    data.split(|&byte| byte == 0)
        .take(MAX_PASTES)
        .enumerate()
        .map(|(at, bytes)| Input::new(format!("paste {at}"), String::from_utf8_lossy(bytes)))
        .collect()
}

/// The bytes as text in which each byte above 0xF0 opens one markup token (a tag, an entity,
/// a script), so every input is a different mix of text and markup.
fn weave_markup(data: &[u8]) -> String {
    let mut html = String::from("<!doctype html><html><head><title>t</title></head><body>");
    let mut text = Vec::new();
    // A byte names one of 16 tokens; shifting by the tokens woven so far reaches every word.
    let mut woven = 0;
    for &byte in data {
        if byte >= 0xF0 {
            html.push_str(&String::from_utf8_lossy(&text));
            text.clear();
            html.push_str(MARKUP_WORDS[(usize::from(byte - 0xF0) + 16 * woven) % MARKUP_WORDS.len()]);
            woven += 1;
        } else {
            text.push(byte);
        }
    }
    html.push_str(&String::from_utf8_lossy(&text));
    html + "</body></html>"
}

fn check_analysis(inputs: &[Input]) {
    let report = wiretrace::analyze(inputs);
    let json = report.to_json();
    let read: Report = serde_json::from_str(&json).expect("the report's JSON reads back");
    assert_eq!(read.inputs.len(), inputs.len(), "one report entry per paste");
    let text_of_article = |id: &str| {
        let article = report.articles.iter().find(|a| a.id == id).expect("mentions name articles of the report");
        inputs[article.input].text.as_str()
    };
    for article in &report.articles {
        let text = &inputs[article.input].text;
        assert_span(article.span, text);
        article.paragraphs.iter().for_each(|p| assert_span(p.span, text));
        article.credits.iter().for_each(|c| assert_span(c.span, text));
    }
    for claim in &report.claims {
        for mention in &claim.mentions {
            assert_span(mention.span, text_of_article(&mention.article));
        }
    }
}

fn assert_span(span: Span, text: &str) {
    assert!(span.start <= span.end && span.end <= text.len(), "span {span:?} outside a paste of {} bytes", text.len());
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "span {span:?} splits a character");
}

fn check_permalink(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else { return };
    if mode % 2 == 0 {
        // Whatever the fragment, decoding ends with pastes or a reason; pastes re-encode faithfully.
        if let Ok(inputs) = permalink::decode(&String::from_utf8_lossy(rest)) {
            assert!(inputs.iter().map(|i| i.text.len()).sum::<usize>() <= permalink::MAX_DECODED_BYTES);
            assert_eq!(permalink::decode(&permalink::encode(&inputs)).as_ref(), Ok(&inputs));
        }
        return;
    }
    // The bytes as pastes: their link decodes to them, and with one character changed (where
    // and to what, chosen by the input's first bytes) it is refused or decodes exactly.
    let (choice, rest) = rest.split_at(rest.len().min(3));
    let inputs = pastes(rest);
    let link = permalink::encode(&inputs);
    assert_eq!(permalink::decode(&link).as_ref(), Ok(&inputs), "a link decodes to its pastes");
    let [at, hi, replacement] = [0, 1, 2].map(|i| usize::from(choice.get(i).copied().unwrap_or(0)));
    let at = (hi << 8 | at) % link.len();
    if !link.is_char_boundary(at) {
        return;
    }
    let original = link[at..].chars().next().expect("a character at a boundary");
    let replacement = char::from(b' ' + (replacement % 95) as u8);
    if replacement != original {
        let changed = format!("{}{replacement}{}", &link[..at], &link[at + original.len_utf8()..]);
        if let Ok(decoded) = permalink::decode(&changed) {
            assert_eq!(decoded, inputs, "a changed link {changed:?} decoded to other pastes");
        }
    }
}
