//! Permalinks: the inputs of an analysis, packed into a URL fragment.
//!
//! Format `v2.` + URL-safe base64 (no padding) of raw DEFLATE of the JSON array of inputs
//! `[{"name": ..., "text": ..., "html"?: ...}]` (`html`, the markup a paste carried, only where
//! it carried some, so a text-only link is what it always was), followed by the CRC-32 of that DEFLATE data (4 bytes, little
//! endian). The checksum is what makes a damaged link refused rather than misread: changing one
//! character of the link changes at most 6 adjacent bits of the data, and CRC-32 catches every
//! such burst (every burst up to 32 bits), so a single changed character is always detected.
//! Links are bounded before any work: at most [`MAX_LINK_BYTES`] of fragment, at most
//! [`MAX_DECODED_BYTES`] once inflated.
//!
//! `v1.` links (no checksum) still open: links already shared must keep working. The report is
//! recomputed on open, so a link stays valid as long as its version is understood; a new format
//! gets a new prefix.
//!
//! ```
//! use wiretrace::{permalink, Input};
//! let inputs = vec![Input::new("a", "text")];
//! let fragment = permalink::encode(&inputs);
//! assert!(fragment.starts_with("v2."));
//! assert_eq!(permalink::decode(&fragment).unwrap(), inputs);
//! assert!(permalink::decode("v2.%%%").is_err());
//! ```

use crate::Input;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use std::fmt;

const PREFIX_V1: &str = "v1.";
const PREFIX_V2: &str = "v2.";
/// A decoded permalink may not inflate beyond this: a hostile link must not exhaust memory or
/// freeze the page. Prose compresses about threefold, so the longest address a browser opens
/// (about 2 MB) holds less text than this.
pub const MAX_DECODED_BYTES: usize = 8 * 1024 * 1024;
/// A fragment longer than this is refused unread. Browsers open addresses of about 2 MB at most,
/// so no link made to be shared is longer.
pub const MAX_LINK_BYTES: usize = 4 * 1024 * 1024;
const CHECKSUM_BYTES: usize = 4;

/// Why a permalink could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

/// What kind of damage or refusal an [`Error`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Not a wiretrace link, or a version this build does not know.
    UnknownVersion,
    /// The characters are not URL-safe base64: the link was cut or altered.
    Base64,
    /// The checksum does not match the data: the link was cut or altered.
    Checksum,
    /// The data does not decompress: the link was cut or altered.
    Compression,
    /// The link is longer than [`MAX_LINK_BYTES`], or decompresses beyond [`MAX_DECODED_BYTES`].
    TooLarge,
    /// It decompresses, but not to a list of pastes.
    Content,
}

impl Error {
    /// What went wrong, for callers that react differently to each kind.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.kind {
            ErrorKind::UnknownVersion => "This link is not a wiretrace link, or it was made by a newer version.",
            ErrorKind::Base64 | ErrorKind::Checksum | ErrorKind::Compression => {
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
    let mut data = miniz_oxide::deflate::compress_to_vec(&json, 9);
    data.extend_from_slice(&crc32(&data).to_le_bytes());
    format!("{PREFIX_V2}{}", URL_SAFE_NO_PAD.encode(data))
}

/// Decodes a fragment (with or without the leading `#`) back into the inputs. Its work is
/// bounded by [`MAX_LINK_BYTES`] and [`MAX_DECODED_BYTES`], whatever the fragment holds.
pub fn decode(fragment: &str) -> Result<Vec<Input>, Error> {
    if fragment.len() > MAX_LINK_BYTES {
        return Err(err(ErrorKind::TooLarge));
    }
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment).trim();
    let deflated = if let Some(payload) = fragment.strip_prefix(PREFIX_V2) {
        let mut data = base64(payload)?;
        let sum_at = data.len().checked_sub(CHECKSUM_BYTES).ok_or(err(ErrorKind::Checksum))?;
        let sum = u32::from_le_bytes(data[sum_at..].try_into().expect("four bytes"));
        data.truncate(sum_at);
        if crc32(&data) != sum {
            return Err(err(ErrorKind::Checksum));
        }
        data
    } else if let Some(payload) = fragment.strip_prefix(PREFIX_V1) {
        base64(payload)?
    } else {
        return Err(err(ErrorKind::UnknownVersion));
    };
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_DECODED_BYTES).map_err(|e| {
        err(match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ErrorKind::TooLarge,
            _ => ErrorKind::Compression,
        })
    })?;
    serde_json::from_slice(&json).map_err(|_| err(ErrorKind::Content))
}

fn base64(payload: &str) -> Result<Vec<u8>, Error> {
    URL_SAFE_NO_PAD.decode(payload).map_err(|_| err(ErrorKind::Base64))
}

/// CRC-32 (IEEE 802.3, the one of zip and PNG) of `bytes`.
fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |crc, &byte| CRC32_TABLE[((crc ^ u32::from(byte)) & 0xff) as usize] ^ (crc >> 8))
}

static CRC32_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut crc = n as u32;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 1 == 1 { 0xEDB8_8320 ^ (crc >> 1) } else { crc >> 1 };
            bit += 1;
        }
        table[n] = crc;
        n += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    fn v1(json: &[u8]) -> String {
        format!("{PREFIX_V1}{}", URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(json, 9)))
    }

    #[test]
    fn snapshot_of_the_v2_encoding() {
        // Changing this string breaks every link already shared: add a new version instead.
        let inputs = vec![Input::new("a.txt", "Hello, world")];
        assert_eq!(encode(&inputs), "v2.ASgA1_9beyJuYW1lIjoiYS50eHQiLCJ0ZXh0IjoiSGVsbG8sIHdvcmxkIn1deF2dzg");
    }

    #[test]
    fn snapshot_of_the_v2_encoding_with_markup() {
        // A paste with the clipboard's markup: the same format, its input's `html` beside the text.
        let inputs = vec![Input::with_html("a.txt", "Hello, world", "<p>Hello, world</p>")];
        let link = encode(&inputs);
        assert_eq!(link, "v2.Tck7CsAgEEXRrYRXS9KLWGcPIYWQgRTjBxlQEPfulFYXzn0GUogEi3BKFxgIaSxuYs7maLnyp_pLZFVX_D7cVTzmuwAQJyM8");
        assert_eq!(decode(&link).unwrap(), inputs);
    }

    #[test]
    fn v1_links_still_open() {
        // A link shared before v2 existed (the v1 snapshot of the same inputs).
        let old = "v1.ASgA1_9beyJuYW1lIjoiYS50eHQiLCJ0ZXh0IjoiSGVsbG8sIHdvcmxkIn1d";
        assert_eq!(decode(old).unwrap(), vec![Input::new("a.txt", "Hello, world")]);
    }

    #[test]
    fn the_checksum_is_crc32() {
        // The check value every CRC-32 implementation gives for these nine bytes.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn round_trips_unicode_and_markup() {
        let inputs = vec![Input::new("ü", "<script>alert(1)</script> 新华社"), Input::new("", "")];
        assert_eq!(decode(&format!("#{}", encode(&inputs))).unwrap(), inputs);
    }

    /// Every way of changing one character of `link` (to any other printable ASCII character, a
    /// space, or a multi-byte one) is refused or decodes to exactly the same pastes; returns how
    /// many were refused.
    fn assert_every_single_character_change_is_caught(link: &str, inputs: &[Input]) -> usize {
        let replacements: Vec<char> = (' '..='~').chain(['é', '新', '\u{1F600}']).collect();
        let mut refused = 0;
        for (at, original) in link.char_indices() {
            for &replacement in replacements.iter().filter(|&&c| c != original) {
                let mut changed = String::with_capacity(link.len() + 4);
                changed.push_str(&link[..at]);
                changed.push(replacement);
                changed.push_str(&link[at + original.len_utf8()..]);
                match decode(&changed) {
                    Ok(decoded) => assert_eq!(decoded, inputs, "{changed:?} decoded to other pastes"),
                    Err(_) => refused += 1,
                }
            }
        }
        refused
    }

    #[test]
    fn every_single_character_change_of_a_link_is_refused_or_decodes_exactly() {
        let links = [
            vec![Input::new("a.txt", "Hello, world")],
            vec![Input::new("ü", "<script>alert(1)</script> 新华社"), Input::new("", "")],
            vec![Input::new("Reuters", "LONDON (Reuters) - The bank raised rates by 0.25 points on Thursday, it said.")],
        ];
        for inputs in links {
            let link = encode(&inputs);
            let changes = link.chars().count() * 97;
            let refused = assert_every_single_character_change_is_caught(&link, &inputs);
            // Only the few changes that leave the meaning intact (a space at either end) decode.
            assert!(refused + 4 >= changes, "{refused} of {changes} changes refused for {link}");
        }
    }

    #[test]
    fn damaged_links_give_their_kind() {
        let good = encode(&[Input::new("a", "some text to compress")]);
        assert_eq!(decode("v9.abc").unwrap_err().kind(), ErrorKind::UnknownVersion);
        assert_eq!(decode("v2.a*b").unwrap_err().kind(), ErrorKind::Base64);
        assert_eq!(decode("v2.AAA").unwrap_err().kind(), ErrorKind::Checksum);
        let cut = PREFIX_V2.len() + (good.len() - PREFIX_V2.len() - 5) / 4 * 4;
        assert_eq!(decode(&good[..cut]).unwrap_err().kind(), ErrorKind::Checksum);
        let old = v1(br#"[{"name":"a","text":"some text to compress"}]"#);
        assert_eq!(decode(&old[..old.len() - 6]).unwrap_err().kind(), ErrorKind::Compression);
        assert_eq!(decode(&v1(b"{}")).unwrap_err().kind(), ErrorKind::Content);
    }

    #[test]
    fn a_compression_bomb_is_refused() {
        let bomb = vec![b' '; MAX_DECODED_BYTES + 1];
        assert_eq!(decode(&v1(&bomb)).unwrap_err().kind(), ErrorKind::TooLarge);
        let mut data = miniz_oxide::deflate::compress_to_vec(&bomb, 9);
        data.extend_from_slice(&crc32(&data).to_le_bytes());
        let link = format!("{PREFIX_V2}{}", URL_SAFE_NO_PAD.encode(data));
        assert_eq!(decode(&link).unwrap_err().kind(), ErrorKind::TooLarge);
    }

    #[test]
    fn an_overlong_link_is_refused_unread() {
        let link = format!("{PREFIX_V2}{}", "A".repeat(MAX_LINK_BYTES));
        assert_eq!(decode(&link).unwrap_err().kind(), ErrorKind::TooLarge);
    }
}
