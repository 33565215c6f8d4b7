//! What the pipeline reads: one [`Input`] per paste.

use serde::{Deserialize, Serialize};

/// One paste: what a person copied from one page, under a name (a file name, "Paste 2").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Input {
    /// What the person calls it: a file name, "Paste 2".
    pub name: String,
    /// The paste exactly as copied; every span in the report is a byte range of it.
    pub text: String,
    /// The same selection as HTML (the clipboard's `text/html`), when the paste carried it:
    /// read as evidence of the text's structure, never rendered. Absent from links and JSON
    /// when there is none, so a text-only input reads and writes as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
}

impl Input {
    /// An input named `name` holding `text`.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Input { name: name.into(), text: text.into(), html: None }
    }

    /// An input holding `text` and its HTML form `html` (what a copy puts on the clipboard).
    pub fn with_html(name: impl Into<String>, text: impl Into<String>, html: impl Into<String>) -> Self {
        Input { name: name.into(), text: text.into(), html: Some(html.into()) }
    }

    /// An input made from an HTML document alone (an `.html` file): its text is what a browser
    /// would show of it ([`crate::clean::markup::visible_text`]), and the document is its HTML form.
    pub fn from_html(name: impl Into<String>, html: impl Into<String>) -> Self {
        let html = html.into();
        Input { name: name.into(), text: crate::clean::markup::visible_text(&html), html: Some(html) }
    }
}
