//! What the pipeline reads: one [`Input`] per paste.

use serde::{Deserialize, Serialize};

/// One paste: what a person copied from one page, under a name (a file name, "Paste 2").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Input {
    /// What the person calls it: a file name, "Paste 2".
    pub name: String,
    /// The paste exactly as copied; every span in the report is a byte range of it.
    pub text: String,
}

impl Input {
    /// An input named `name` holding `text`.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Input { name: name.into(), text: text.into() }
    }
}
