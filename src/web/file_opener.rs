//! The page's one file control: "Open files", or files dropped on its box, become pastes named
//! after the files. It takes plain text (`.txt`) and web pages (`.html`, `.htm`); anything else
//! is refused in plain words, and so is a file over the paste limit, unread.
//!
//! A web page's paste is its visible text with its markup beside it ([`paste_of`]), both read
//! by the browser's own parser into an inert template (`super::markup`).

use super::markup::{reduced, visible_text};
use super::state::MAX_PASTE_BYTES;
use crate::Input;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, File, FileList, HtmlInputElement};
use yew::prelude::*;

/// Whom the control tells of the files opened.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The files read, and a plain reason for each refused.
    pub onfiles: Callback<(Vec<Input>, Vec<String>)>,
}

/// The kinds of file the control opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// Plain text, taken as it is.
    Text,
    /// A web page saved as a file: its markup.
    Html,
}

/// What the file chooser offers: the extensions of [`kind_of`].
const ACCEPTED: &str = ".txt,.html,.htm,text/plain,text/html";

/// The kind of a file of this name and type, or why it cannot become a paste.
pub fn kind_of(name: &str, mime_type: &str, bytes: f64) -> Result<FileKind, String> {
    let lower = name.to_lowercase();
    let kind = if lower.ends_with(".txt") || (mime_type == "text/plain" && !lower.contains('.')) {
        FileKind::Text
    } else if lower.ends_with(".html") || lower.ends_with(".htm") {
        FileKind::Html
    } else {
        return Err(format!("“{name}” was not opened: only text files (.txt) and web pages (.html, .htm) can be added."));
    };
    if bytes > MAX_PASTE_BYTES as f64 {
        return Err(format!("“{name}” was not opened: it is larger than {} MB.", MAX_PASTE_BYTES >> 20));
    }
    Ok(kind)
}

/// The paste a file of `kind` named `name` becomes, from its content: a web page's is its
/// visible text, with its markup (as the state keeps it) for the cleaner.
pub fn paste_of(name: String, kind: FileKind, content: String) -> Input {
    match kind {
        FileKind::Text => Input::new(name, content),
        FileKind::Html => Input { html: Some(reduced(&content)).filter(|m| !m.is_empty()), ..Input::new(name, visible_text(&content)) },
    }
}

/// Reads the accepted files, in order, then hands them on with the refusals.
fn read_all(list: Option<FileList>, onfiles: Callback<(Vec<Input>, Vec<String>)>) {
    let files: Vec<File> = list.map(|l| (0..l.length()).filter_map(|i| l.item(i)).collect()).unwrap_or_default();
    if files.is_empty() {
        return;
    }
    yew::platform::spawn_local(async move {
        let (mut read, mut refused) = (Vec::new(), Vec::new());
        for file in files {
            let kind = match kind_of(&file.name(), &file.type_(), file.size()) {
                Ok(kind) => kind,
                Err(reason) => {
                    refused.push(reason);
                    continue;
                }
            };
            match JsFuture::from(file.text()).await.ok().and_then(|text| text.as_string()) {
                Some(content) => read.push(paste_of(file.name(), kind, content)),
                None => refused.push(format!("“{}” could not be read.", file.name())),
            }
        }
        onfiles.emit((read, refused));
    });
}

/// "Open files" and the box files can be dropped on.
#[function_component(FileOpener)]
pub fn file_opener(props: &Props) -> Html {
    let hovering = use_state(|| false);
    let onchange = {
        let onfiles = props.onfiles.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            read_all(input.files(), onfiles.clone());
            // The same file can be opened again.
            input.set_value("");
        })
    };
    let ondragover = {
        let hovering = hovering.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            hovering.set(true);
        })
    };
    let ondragleave = {
        let hovering = hovering.clone();
        Callback::from(move |_: DragEvent| hovering.set(false))
    };
    let ondrop = {
        let (hovering, onfiles) = (hovering.clone(), props.onfiles.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            hovering.set(false);
            read_all(e.data_transfer().and_then(|d| d.files()), onfiles.clone());
        })
    };

    html! {
        <div class={classes!("file-drop", hovering.then_some("hovering"))} {ondragover} {ondragleave} {ondrop}>
            <label class="button" for="open-files">{ "Open files" }</label>
            <input id="open-files" class="visually-hidden" type="file" multiple=true accept={ACCEPTED} {onchange} />
            <span class="hint">{ "or drop them here: text (.txt) or web pages (.html)" }</span>
        </div>
    }
}
