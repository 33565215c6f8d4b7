//! The link to the current pastes, shown after "Share link", with a button to copy it.

use super::browser;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The permalink fragment, without `#`.
    pub fragment: String,
}

#[function_component(ShareBox)]
pub fn share_box(props: &Props) -> Html {
    let copied = use_state(|| false);
    let address = browser::address_with_fragment(&props.fragment);
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
        </div>
    }
}

fn select_all() -> Callback<FocusEvent> {
    Callback::from(|e: FocusEvent| e.target_unchecked_into::<web_sys::HtmlInputElement>().select())
}
