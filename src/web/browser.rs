//! The few browser services the page uses, each behind one small function: the clock, the URL
//! fragment, the clipboard, file downloads, printing and the service worker.
//!
//! All are best effort: a browser that refuses one (no clipboard permission, say) costs that
//! one feature, never the page.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Milliseconds on the page's high-resolution clock (`performance.now()`).
pub fn now_millis() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

/// The URL fragment without its `#` (empty when there is none).
pub fn fragment() -> String {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_string()
}

/// Makes the address bar show `#fragment`, or no fragment, without reloading, adding a history
/// entry or firing `hashchange`.
pub fn show_fragment(fragment: Option<&str>) {
    let Some(window) = web_sys::window() else { return };
    if self::fragment() == fragment.unwrap_or_default() {
        return;
    }
    let location = window.location();
    let base = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    let url = match fragment {
        Some(fragment) => format!("{base}#{fragment}"),
        None => base,
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The page's address with `#fragment`: what a person shares.
pub fn address_with_fragment(fragment: &str) -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}#{fragment}")
}

/// Puts `text` on the clipboard, if the browser allows it.
pub fn copy_to_clipboard(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}

/// Calls `on_change` with the new fragment whenever the person changes it (say, pastes a
/// link into the address bar of an open page). The listener lives as long as the guard.
pub fn on_fragment_change(on_change: impl Fn(String) + 'static) -> FragmentListener {
    let closure = Closure::<dyn Fn()>::new(move || on_change(fragment()));
    if let Some(window) = web_sys::window() {
        let _ = window.add_event_listener_with_callback("hashchange", closure.as_ref().unchecked_ref());
    }
    FragmentListener { closure }
}

/// Removes its `hashchange` listener when dropped.
pub struct FragmentListener {
    closure: Closure<dyn Fn()>,
}

impl Drop for FragmentListener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback("hashchange", self.closure.as_ref().unchecked_ref());
        }
    }
}

/// Offers `text` as a file download named `file_name`; the file holds exactly its UTF-8 bytes.
pub fn download(file_name: &str, mime_type: &str, text: &str) -> Result<(), JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(mime_type);
    let blob = Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&JsValue::from_str(text)), &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let anchor: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The browser reads the blob asynchronously; free it once the download surely started.
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
    Ok(())
}

/// Prints the page with every claim's details open, so the paper shows them all.
pub fn print() {
    let Some(window) = web_sys::window() else { return };
    if let Some(all) = window.document().and_then(|d| d.query_selector_all("details").ok()) {
        for details in (0..all.length()).filter_map(|i| all.item(i)).filter_map(|n| n.dyn_into::<web_sys::Element>().ok()) {
            let _ = details.set_attribute("open", "");
        }
    }
    let _ = window.print();
}

/// Where the service worker (a plain script Trunk copies into dist/) is, relative to the page,
/// so the page works offline under any path it is served from.
pub const SERVICE_WORKER: &str = "sw.js";

/// Registers the service worker that keeps the page for offline use, where the browser has
/// them (not on a plain-HTTP address other than localhost).
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else { return };
    let navigator = window.navigator();
    if js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        let _ = navigator.service_worker().register(SERVICE_WORKER);
    }
}

/// Scrolls to the element with this id and gives it the keyboard focus, without touching the
/// address: a `#id` there would be read as a link to open.
pub fn jump_to(id: &str) {
    let Some(element) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) else { return };
    element.scroll_into_view();
    if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}
