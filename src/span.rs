//! Byte spans into an original paste.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of UTF-8 byte offsets into one paste. Serialised as
/// `[start, end]`, as the report contract wants.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    /// The first byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The span `[start, end)`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The text this span covers. Spans are always made on char boundaries of `text`.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// Its length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether it covers nothing.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether `other` lies inside it.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether it shares a byte with `other`.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The span shrunk to exclude leading and trailing whitespace of `text`.
    pub fn trim(&self, text: &str) -> Span {
        let s = self.of(text);
        let start = self.start + (s.len() - s.trim_start().len());
        let end = self.end - (s.len() - s.trim_end().len());
        if start >= end { Span::new(start, start) } else { Span::new(start, end) }
    }
}

impl From<[usize; 2]> for Span {
    fn from([start, end]: [usize; 2]) -> Self {
        Span { start, end }
    }
}

impl From<Span> for [usize; 2] {
    fn from(s: Span) -> Self {
        [s.start, s.end]
    }
}

/// The largest char boundary of `text` at or before `at`: where a byte cap may cut a string
/// (the unstable `str::floor_char_boundary`).
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Where the last `reach` bytes of `text` start, moved on to a whitespace so that a `\b` at
/// the start reads as it does in the whole text: the part of the words before a name that a
/// cue ending at the name may span. 0 when `text` is no longer than `reach`. Reading a bounded
/// tail keeps a line that names an agency a thousand times linear.
pub fn tail_start(text: &str, reach: usize) -> usize {
    if text.len() <= reach {
        return 0;
    }
    let from = floor_char_boundary(text, text.len() - reach);
    text[from..].find(char::is_whitespace).map_or(from, |at| from + at)
}

/// The smallest char boundary of `text` at or after `at`.
pub fn ceil_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_keeps_offsets_into_the_original() {
        let text = "ab  héllo \n";
        let s = Span::new(2, text.len()).trim(text);
        assert_eq!(s.of(text), "héllo");
        assert_eq!(s, Span::new(4, 10));
    }

    #[test]
    fn serialises_as_a_pair() {
        assert_eq!(serde_json::to_string(&Span::new(3, 9)).unwrap(), "[3,9]");
    }

    #[test]
    fn byte_caps_land_on_character_boundaries() {
        let text = "Кремль"; // two bytes a letter
        assert_eq!(floor_char_boundary(text, 3), 2);
        assert_eq!(ceil_char_boundary(text, 3), 4);
        assert_eq!((floor_char_boundary(text, 99), ceil_char_boundary(text, 99)), (text.len(), text.len()));
        assert_eq!(floor_char_boundary("", 5), 0);
    }
}
