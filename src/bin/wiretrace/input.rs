//! Reading pastes from files and standard input, with plain-words errors.

use std::io::Read;
use wiretrace::Input;

/// The paste in a file (`-`: standard input), named by its path.
pub fn read_input(path: &str) -> Result<Input, String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("cannot read standard input: {e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?
    };
    let text = utf8(bytes, path)?;
    Ok(Input::new(path, text))
}

/// Bytes as text, or an error that says where the first bad byte is.
pub fn utf8(bytes: Vec<u8>, what: &str) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        format!("{what} is not UTF-8 text (invalid byte at offset {}); save it as UTF-8 and try again", e.utf8_error().valid_up_to())
    })
}
