//! The page's analysis thread (built by Trunk for wasm32 as a Web Worker): it answers the
//! page's requests with reports, so a long analysis never freezes the page. Natively it only
//! says so.

#[cfg(target_arch = "wasm32")]
fn main() {
    wiretrace::web::worker::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("wiretrace-worker is the page's analysis thread; build it with `trunk build`");
}
