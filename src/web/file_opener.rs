//! "Open files" and a drop zone: plain-text files (.txt) become pastes, named after the file.
//! Anything else is refused in plain words, HTML files included for now (the page reads
//! text as a browser copies it, not markup); so is a file over the paste limit, unread.

use super::state::MAX_PASTE_BYTES;
use crate::Input;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, File, FileList, HtmlInputElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The files read, and a plain reason for each refused.
    pub onfiles: Callback<(Vec<Input>, Vec<String>)>,
}

/// Why a file of this name and type cannot become a paste, or `None` when it can.
pub fn refusal(name: &str, mime_type: &str, bytes: f64) -> Option<String> {
    let lower = name.to_lowercase();
    let text = lower.ends_with(".txt") || (mime_type == "text/plain" && !lower.contains('.'));
    if lower.ends_with(".html") || lower.ends_with(".htm") {
        Some(format!("“{name}” was not opened: HTML files are not read yet. Open the page in a browser, select all, copy and paste its text."))
    } else if !text {
        Some(format!("“{name}” was not opened: only plain text files (.txt) can be added."))
    } else if bytes > MAX_PASTE_BYTES as f64 {
        Some(format!("“{name}” was not opened: it is larger than {} MB.", MAX_PASTE_BYTES >> 20))
    } else {
        None
    }
}

/// Reads the accepted files as text, in order, then hands them on with the refusals.
fn read_all(list: Option<FileList>, onfiles: Callback<(Vec<Input>, Vec<String>)>) {
    let files: Vec<File> = list.map(|l| (0..l.length()).filter_map(|i| l.item(i)).collect()).unwrap_or_default();
    if files.is_empty() {
        return;
    }
    yew::platform::spawn_local(async move {
        let (mut read, mut refused) = (Vec::new(), Vec::new());
        for file in files {
            if let Some(reason) = refusal(&file.name(), &file.type_(), file.size()) {
                refused.push(reason);
                continue;
            }
            match JsFuture::from(file.text()).await.ok().and_then(|text| text.as_string()) {
                Some(text) => read.push(Input::new(file.name(), text)),
                None => refused.push(format!("“{}” could not be read.", file.name())),
            }
        }
        onfiles.emit((read, refused));
    });
}

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
            <input id="open-files" class="visually-hidden" type="file" multiple=true accept=".txt,text/plain" {onchange} />
            <span class="hint">{ "or drop .txt files here" }</span>
        </div>
    }
}
