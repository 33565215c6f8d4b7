//! Empty: the end-to-end test is `tests/page.rs`; this package exists to keep its WebDriver and tokio dependencies out of the core.
