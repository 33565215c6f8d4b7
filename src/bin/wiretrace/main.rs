//! The command line: `analyze`, `batch`, `group`, `link`, `open` (see `wiretrace --help`).
//!
//! Exit status: 0 done; 1 done, but some stories or lines could not be read (each has an error
//! record or message); 2 the command line is wrong; 3 an input, link or output could not be
//! read or written (nothing useful was produced).

// The CLI is native only: the wasm32 test build (`cargo test --target wasm32-unknown-unknown`)
// compiles every binary, and the CLI's threads, terminal and files have no place there.
#[cfg(not(target_arch = "wasm32"))]
include!("cli.rs");

#[cfg(target_arch = "wasm32")]
fn main() {}
