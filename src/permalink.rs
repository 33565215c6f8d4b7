//! Permalinks: the inputs of an analysis, packed into a URL fragment.
//!
//! Format `v1.` + URL-safe base64 (no padding) of raw DEFLATE of the JSON array of inputs
//! `[{"name": ..., "text": ...}]`. The report is recomputed on open, so a link stays valid as
//! long as its version is understood. A new format gets a new prefix (`v2.`); old ones keep
//! decoding.
//!
//! ```
//! use wiretrace::{permalink, Input};
//! let inputs = vec![Input::new("a", "text")];
//! let fragment = permalink::encode(&inputs);
//! assert!(fragment.starts_with("v1."));
//! assert_eq!(permalink::decode(&fragment).unwrap(), inputs);
//! assert!(permalink::decode("v1.%%%").is_err());
//! ```

use crate::Input;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use std::fmt;

const PREFIX_V1: &str = "v1.";
/// A decoded permalink may not inflate beyond this: a hostile link must not exhaust memory.
pub const MAX_DECODED_BYTES: usize = 16 * 1024 * 1024;

/// Why a permalink could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Not a wiretrace link, or a version this build does not know.
    UnknownVersion,
    /// The characters are not URL-safe base64: the link was cut or altered.
    Base64,
    /// The data does not decompress: the link was cut or altered.
    Compression,
    /// It decompresses beyond [`MAX_DECODED_BYTES`].
    TooLarge,
    /// It decompresses, but not to a list of pastes.
    Content,
}

impl Error {
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.kind {
            ErrorKind::UnknownVersion => "This link is not a wiretrace link, or it was made by a newer version.",
            ErrorKind::Base64 | ErrorKind::Compression => {
                "This link is damaged: part of it is missing or was changed. Ask for the whole link again."
            }
            ErrorKind::TooLarge => {
                return write!(f, "This link holds more text than wiretrace opens ({} MB).", MAX_DECODED_BYTES >> 20)
            }
            ErrorKind::Content => "This link is damaged: it does not hold articles.",
        })
    }
}

impl std::error::Error for Error {}

fn err(kind: ErrorKind) -> Error {
    Error { kind }
}

/// Encodes the inputs as a fragment (without the leading `#`).
pub fn encode(inputs: &[Input]) -> String {
    let json = serde_json::to_vec(inputs).expect("inputs always serialise");
    let deflated = miniz_oxide::deflate::compress_to_vec(&json, 9);
    format!("{PREFIX_V1}{}", URL_SAFE_NO_PAD.encode(deflated))
}

/// Decodes a fragment (with or without the leading `#`) back into the inputs.
pub fn decode(fragment: &str) -> Result<Vec<Input>, Error> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment).trim();
    let payload = fragment.strip_prefix(PREFIX_V1).ok_or(err(ErrorKind::UnknownVersion))?;
    let deflated = URL_SAFE_NO_PAD.decode(payload).map_err(|_| err(ErrorKind::Base64))?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_DECODED_BYTES).map_err(|e| {
        err(match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ErrorKind::TooLarge,
            _ => ErrorKind::Compression,
        })
    })?;
    serde_json::from_slice(&json).map_err(|_| err(ErrorKind::Content))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_of_the_v1_encoding() {
        // Changing this string breaks every link already shared: add a new version instead.
        let inputs = vec![Input::new("a.txt", "Hello, world")];
        assert_eq!(encode(&inputs), "v1.ASgA1_9beyJuYW1lIjoiYS50eHQiLCJ0ZXh0IjoiSGVsbG8sIHdvcmxkIn1d");
    }

    #[test]
    fn round_trips_unicode_and_markup() {
        let inputs = vec![Input::new("ü", "<script>alert(1)</script> 新华社"), Input::new("", "")];
        assert_eq!(decode(&format!("#{}", encode(&inputs))).unwrap(), inputs);
    }

    #[test]
    fn damaged_links_give_their_kind() {
        let good = encode(&[Input::new("a", "some text to compress")]);
        assert_eq!(decode("v9.abc").unwrap_err().kind(), ErrorKind::UnknownVersion);
        assert_eq!(decode("v1.a*b").unwrap_err().kind(), ErrorKind::Base64);
        assert_eq!(decode(&good[..good.len() - 6]).unwrap_err().kind(), ErrorKind::Compression);
        let not_inputs = format!("v1.{}", URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(b"{}", 6)));
        assert_eq!(decode(&not_inputs).unwrap_err().kind(), ErrorKind::Content);
    }

    #[test]
    fn a_compression_bomb_is_refused() {
        let bomb = vec![b' '; MAX_DECODED_BYTES + 1];
        let link = format!("v1.{}", URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&bomb, 9)));
        assert_eq!(decode(&link).unwrap_err().kind(), ErrorKind::TooLarge);
    }
}
