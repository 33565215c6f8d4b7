//! Reading pastes from files and standard input, with plain-words errors.

use std::io::Read;
use wiretrace::Input;

/// The paste in a file (`-`: standard input), named by its path. An `.html` or `.htm` file is
/// a page: its text is what a browser shows of it, and its markup is read as evidence.
pub fn read_input(path: &str) -> Result<Input, String> {
    let text = read_text(path)?;
    let extension = std::path::Path::new(path).extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    Ok(match extension.as_deref() {
        Some("html" | "htm") => Input::from_html(path, text),
        _ => Input::new(path, text),
    })
}

/// The text of a file (`-`: standard input).
pub fn read_text(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("cannot read standard input: {e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?
    };
    utf8(bytes, path)
}

/// Bytes as text, or an error that says where the first bad byte is.
pub fn utf8(bytes: Vec<u8>, what: &str) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        format!("{what} is not UTF-8 text (invalid byte at offset {}); save it as UTF-8 and try again", e.utf8_error().valid_up_to())
    })
}
