//! Markup a paste carries (the clipboard's `text/html`, an `.html` file), read by the browser's
//! own parser into an inert `<template>`: nothing in it runs, loads or styles the page (so the
//! page's content policy has nothing to refuse), and it never reaches the page as HTML.
//!
//! Two readings: [`visible_text`], the text a reader sees (an `.html` file's paste), and
//! [`reduced`], the markup cut down to what the core's reader (`clean::markup`) looks at, which
//! is what the state, the drafts and the links keep: on the clipboard corpus it halves a link
//! that carries markup and leaves every body score as the raw markup gives it.

use crate::clean::markup::{hides, READ_ATTRIBUTES};
use crate::clean::tokens;
use crate::Input;
use wasm_bindgen::JsCast;
use web_sys::{DocumentFragment, Element, HtmlTemplateElement, Node};

/// Elements whose content a reader never sees as the page's text.
const UNSEEN: &str = "script, style, noscript, template, head, title, svg, iframe, object";

/// Elements that end a paragraph or a line of the text a browser copies.
const BLOCKS: &str = "p, div, br, li, tr, h1, h2, h3, h4, h5, h6, article, section, header, footer, aside, \
    blockquote, pre, figcaption, dt, dd, main, nav, table, ul, ol, hr";

/// Inline elements whose name tells the core's reader nothing: without an attribute it reads,
/// [`reduced`] keeps their text and drops the tags (none is a block, a link, a time or a mark):
/// the nine most frequent on the clipboard corpus's pages, `span` far ahead.
const PLAIN_INLINE: [&str; 9] = ["span", "strong", "i", "em", "label", "u", "b", "picture", "sup"];

/// Void elements that bound a block of text; every other void element (an image, a `<meta>`)
/// holds no text and is dropped.
const BREAKS: [&str; 2] = ["br", "hr"];

/// Elements open at once that [`reduced`] keeps as elements; deeper ones give their text only.
const MAX_DEPTH: usize = crate::clean::markup::MAX_DEPTH;

/// `html` parsed into an inert template's content.
fn inert(html: &str) -> Option<DocumentFragment> {
    let document = web_sys::window()?.document()?;
    let template = document.create_element("template").ok()?.dyn_into::<HtmlTemplateElement>().ok()?;
    template.set_inner_html(html);
    Some(template.content())
}

/// The text a reader sees in `html`, paragraphs apart by a blank line, as a browser copies it.
pub fn visible_text(html: &str) -> String {
    let (Some(content), Some(document)) = (inert(html), web_sys::window().and_then(|w| w.document())) else { return String::new() };
    if let Ok(unseen) = content.query_selector_all(UNSEEN) {
        for node in (0..unseen.length()).filter_map(|i| unseen.item(i)) {
            if let Some(parent) = node.parent_node() {
                let _ = parent.remove_child(&node);
            }
        }
    }
    // A paragraph mark the source's own whitespace cannot hold, turned into a blank line below.
    const BREAK: char = '\u{2029}';
    if let Ok(blocks) = content.query_selector_all(BLOCKS) {
        for node in (0..blocks.length()).filter_map(|i| blocks.item(i)) {
            let _ = node.append_child(&document.create_text_node(&BREAK.to_string()));
        }
    }
    let text = content.text_content().unwrap_or_default();
    let paragraphs = text.split(BREAK).map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "));
    paragraphs.filter(|p| !p.is_empty()).collect::<Vec<_>>().join("\n\n")
}

/// A decoded link's paste with its markup in the reduced form, the one form the worker reads:
/// a link made by the CLI (`wiretrace link page.html`) carries a page's whole markup.
pub fn with_reduced_markup(input: Input) -> Input {
    let html = input.html.as_deref().map(reduced).filter(|markup| !markup.is_empty());
    Input { html, ..input }
}

/// A step of the walk over the template's nodes: a node to write, or an end tag to close.
enum Step {
    Enter(Node, usize),
    Close(String),
}

/// `html` as the markup the core reads of it, in the reduced form the worker reads without an
/// HTML tokeniser ([`tokens::reduced`]): elements with only the attributes it looks at
/// ([`READ_ATTRIBUTES`]), hidden elements, comments and the tags of [`PLAIN_INLINE`] elements
/// dropped, runs of whitespace as one space. Empty when `html` holds no text.
pub fn reduced(html: &str) -> String {
    let Some(content) = inert(html) else { return String::new() };
    let (mut out, mut any_text) = (String::new(), false);
    let mut steps: Vec<Step> = children(&content, 0);
    while let Some(step) = steps.pop() {
        let (node, depth) = match step {
            Step::Close(name) => {
                out.push_str(&tokens::end_tag(&name));
                continue;
            }
            Step::Enter(node, depth) => (node, depth),
        };
        if let Some(element) = node.dyn_ref::<Element>() {
            let name = element.local_name().to_ascii_lowercase();
            if hides(&name, |key| element.get_attribute(key)) || (is_void(&name) && !BREAKS.contains(&name.as_str())) {
                continue;
            }
            if BREAKS.contains(&name.as_str()) {
                out.push_str(&tokens::start_tag(&name, []));
                continue;
            }
            let attributes: Vec<(&str, String)> =
                READ_ATTRIBUTES.iter().filter_map(|key| Some((*key, element.get_attribute(key).filter(|v| !v.trim().is_empty())?))).collect();
            let tagged = depth < MAX_DEPTH && !(attributes.is_empty() && PLAIN_INLINE.contains(&name.as_str()));
            if tagged {
                out.push_str(&tokens::start_tag(&name, attributes.iter().map(|(key, value)| (*key, value.as_str()))));
                steps.push(Step::Close(name));
            }
            steps.extend(children(&node, depth + usize::from(tagged)));
        } else if node.node_type() == Node::TEXT_NODE {
            let text = node.node_value().unwrap_or_default();
            let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if text.starts_with(char::is_whitespace) && !out.ends_with(' ') {
                out.push(' ');
            }
            if !words.is_empty() {
                any_text = true;
                out.push_str(&tokens::text(&words));
                if text.ends_with(char::is_whitespace) {
                    out.push(' ');
                }
            }
        }
    }
    if any_text { out } else { String::new() }
}

/// The child nodes of `node` as steps at `depth`, the first last (the walk pops them).
fn children(node: &Node, depth: usize) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut child = node.last_child();
    while let Some(previous) = child {
        child = previous.previous_sibling();
        steps.push(Step::Enter(previous, depth));
    }
    steps
}

/// Elements that never hold content.
fn is_void(name: &str) -> bool {
    matches!(name, "br" | "img" | "hr" | "input" | "meta" | "link" | "wbr" | "source" | "area" | "col" | "base" | "embed" | "track")
}
