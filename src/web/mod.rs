//! The page (wasm32 only): a yew app around the core.
//!
//! - [`state`]: the page's state as plain data and its one pure reducer;
//! - [`app`] and one file per component: what is shown, and the effects (drafts, URL, analysis);
//! - [`worker`]: the analysis, run in a Web Worker so the page stays responsive;
//! - [`browser`]: the few browser services used, best effort;
//! - [`verdict_panel`] first, then [`results`] with the [`timeline`] and one card per article and claim;
//! - [`drafts`]: pastes kept in local storage; [`example`]: the five seed pastes;
//! - [`markup`]: a paste's markup (the clipboard's `text/html`, an `.html` file), read inert.
//!
//! Pasted text only ever reaches the page as yew text nodes, never as markup; pasted markup is
//! parsed into an inert template and kept as data.

pub mod app;
pub mod article_card;
pub mod browser;
pub mod claim_card;
pub mod controls;
pub mod drafts;
pub mod example;
pub mod file_opener;
pub mod markup;
pub mod notice;
pub mod paste_area;
pub mod results;
pub mod share_box;
pub mod state;
pub mod status;
pub mod timeline;
pub mod verdict_panel;
pub mod worker;

/// Mounts the page on `<body>`.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
