//! The page's entry point (built by Trunk for wasm32). Natively it only says so.

#[cfg(target_arch = "wasm32")]
fn main() {
    wiretrace::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("wiretrace-web is the browser page; build it with `trunk build`");
}
