//! The link to the current pastes, shown after "Share link", with a button to copy it.

use super::browser;
use yew::prelude::*;

/// Links longer than this may be cut by the chat and e-mail apps people send them through.
const LONG_LINK_BYTES: usize = 8 * 1024;
/// The longest address Chromium opens; other browsers allow less or about as much.
const BROWSER_LINK_BYTES: usize = 2 * 1024 * 1024;

/// What to tell the person about a link of `bytes` bytes, if anything: long pastes make long
/// links, since the text travels inside them.
pub fn length_warning(bytes: usize) -> Option<String> {
    if bytes > BROWSER_LINK_BYTES {
        Some(format!(
            "This link is {:.1} MB long, too long for browsers to open (about 2 MB at most): share fewer or shorter pastes, or send the downloaded report instead.",
            bytes as f64 / (1024.0 * 1024.0)
        ))
    } else if bytes > LONG_LINK_BYTES {
        Some(format!(
            "This link is {} KB long: browsers open it, but chat and e-mail apps may cut a link this long.",
            bytes.div_ceil(1024)
        ))
    } else {
        None
    }
}

/// The link to show.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The permalink fragment, without `#`.
    pub fragment: String,
}

/// The permalink, ready to copy, with a warning when it is long.
#[function_component(ShareBox)]
pub fn share_box(props: &Props) -> Html {
    let copied = use_state(|| false);
    let address = browser::address_with_fragment(&props.fragment);
    let warning = length_warning(address.len());
    {
        // A new link has not been copied yet.
        let copied = copied.clone();
        use_effect_with(props.fragment.clone(), move |_| copied.set(false));
    }
    let oncopy = {
        let (copied, address) = (copied.clone(), address.clone());
        Callback::from(move |_: MouseEvent| {
            browser::copy_to_clipboard(&address);
            copied.set(true);
        })
    };
    html! {
        <div class="share-box">
            <label for="share-link">{ "Link to these pastes (the text travels inside the link; nothing is uploaded)" }</label>
            <div class="share-row">
                <input id="share-link" type="text" readonly=true value={address} onfocus={select_all()} />
                <button onclick={oncopy}>{ if *copied { "Copied" } else { "Copy" } }</button>
            </div>
            if let Some(warning) = warning {
                <p id="share-warning" class="share-warning">{ warning }</p>
            }
        </div>
    }
}

fn select_all() -> Callback<FocusEvent> {
    Callback::from(|e: FocusEvent| e.target_unchecked_into::<web_sys::HtmlInputElement>().select())
}
