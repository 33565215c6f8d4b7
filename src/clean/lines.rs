//! Lines of a paste, their shape, and **paste repair**.
//!
//! A browser copy breaks text in two ways that matter here: every block element becomes a line
//! (so a paragraph is usually one line), and a paragraph split by an inline element or a column
//! break comes out as two lines with a blank between them ("... over the last five days, chief" /
//! "" / "of the general staff ..."). [`Paste::new`] rejoins such pieces into one [`Unit`], whose
//! span covers both lines (and the blank between them), so spans stay exact byte offsets.
//!
//! Lines are trimmed of whitespace and of invisible characters (zero-width spaces, BOM, control
//! characters), so a line holding only those counts as blank.

use crate::span::Span;

/// One logical line: a single line of the paste, or several that paste repair rejoined.
#[derive(Clone, Debug)]
pub struct Unit {
    /// From the start of the first line to the end of the last, trimmed.
    pub span: Span,
    /// The physical lines, trimmed, in order (one for most units).
    pub lines: Vec<Span>,
    /// Blank lines between the previous unit and this one.
    pub blanks_before: usize,
    /// Its length, case and punctuation.
    pub shape: Shape,
}

/// A paste cut into units.
pub struct Paste<'t> {
    /// The paste.
    pub text: &'t str,
    /// Its units, in order.
    pub units: Vec<Unit>,
}

impl<'t> Paste<'t> {
    /// The units of `text` (lines joined where a browser broke them).
    pub fn new(text: &'t str) -> Self {
        let mut raw: Vec<(Span, usize)> = Vec::new();
        let mut blanks = 0;
        let mut start = 0;
        for piece in text.split_inclusive('\n') {
            let span = trim_invisible(text, Span::new(start, start + piece.len()));
            start += piece.len();
            if span.is_empty() {
                blanks += 1;
            } else {
                raw.push((span, blanks));
                blanks = 0;
            }
        }
        let mut units: Vec<Unit> = Vec::with_capacity(raw.len());
        for (span, blanks_before) in raw {
            if let Some(prev) = units.last_mut() {
                // Only the last line of `prev` is read, so a long chain of rejoined lines stays linear.
                let prev_line = prev.lines.last().map_or(prev.span, |&l| l);
                if blanks_before <= 1 && breaks_mid_sentence(prev_line.of(text), span.of(text)) {
                    prev.span.end = span.end;
                    prev.lines.push(span);
                    continue;
                }
            }
            units.push(Unit {
                span,
                lines: vec![span],
                blanks_before,
                shape: Shape::default(),
            });
        }
        for unit in &mut units {
            unit.shape = Shape::of(unit.span.of(text));
        }
        Paste { text, units }
    }

    /// The text of unit `unit`.
    pub fn text_of(&self, unit: usize) -> &'t str {
        self.units[unit].span.of(self.text)
    }
}

/// Whether `next` continues the sentence `prev` left open: `prev` is prose-long, ends without
/// sentence punctuation on a lower-case word or a comma, `next` starts in lower case, and both
/// read as running text (mostly lower-case words), not a date line above a "tags" or "most
/// popular" label.
fn breaks_mid_sentence(prev: &str, next: &str) -> bool {
    let Some(last) = prev.chars().last() else { return false };
    let Some(first) = next.chars().next() else { return false };
    let running = |s: &str| Shape::of(s).lower_share >= 0.5;
    (last.is_lowercase() || last == ',')
        && first.is_lowercase()
        && prev.split_whitespace().count() >= 6
        && running(prev)
        && running(next)
}

/// Characters a copy may carry that are neither text nor whitespace.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// `span` shrunk past whitespace and invisible characters at both ends.
pub fn trim_invisible(text: &str, span: Span) -> Span {
    let s = span.of(text);
    let trimmed_start = s.trim_start_matches(is_invisible);
    let start = span.start + (s.len() - trimmed_start.len());
    let end = start + trimmed_start.trim_end_matches(is_invisible).len();
    Span::new(start, end)
}

/// A comparison key: lower case, letters and digits only, single spaces. Two lines with the
/// same key are "the same line" for repetition.
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(256));
    let mut space = false;
    for c in s.chars().take(400) {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

/// What a unit looks like, independent of its neighbours.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Shape {
    /// Words; in scripts written without spaces (CJK), two characters count as a word.
    pub words: usize,
    /// Share of cased words that start in lower case (1.0 when the script has no case).
    pub lower_share: f32,
    /// Ends like a sentence: `.`, `!`, `?`, `…`, `。`, possibly followed by quotes or brackets.
    pub terminal: bool,
    /// Starts with a lower-case letter.
    pub starts_lower: bool,
    /// Every cased letter is upper case (a masthead, a kicker).
    pub all_caps: bool,
    /// Holds menu separators: `|`, `·`, `•` between items, or runs of double spaces.
    pub separators: usize,
    /// Its length in bytes.
    pub bytes: usize,
}

impl Shape {
    /// The shape of `s`.
    pub fn of(s: &str) -> Shape {
        let mut words = 0;
        let mut cased = 0;
        let mut lower = 0;
        let mut wide = 0;
        for w in s.split_whitespace() {
            if !w.chars().any(char::is_alphanumeric) {
                continue;
            }
            words += 1;
            if let Some(c) = w.chars().find(|c| c.is_alphabetic()) {
                if c.is_lowercase() {
                    cased += 1;
                    lower += 1;
                } else if c.is_uppercase() {
                    cased += 1;
                }
            }
        }
        for c in s.chars() {
            if is_wide(c) {
                wide += 1;
            }
        }
        // Words of scripts without case read as running text, so a Japanese sentence that names
        // "Kindle" is not a capitalised label.
        let caseless = wide / 2;
        let words = words + caseless;
        let lower_share = if cased == 0 { 1.0 } else { (lower + caseless) as f32 / (cased + caseless) as f32 };
        // Closing quotes, brackets and emoji may follow the sentence's full stop.
        let end = s
            .trim_end_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？' | ';' | ':' | ','));
        let terminal = end.ends_with(['.', '!', '?', '…', '。', '！', '？', ';']) && !end.ends_with("...");
        let starts_lower = s.chars().next().is_some_and(char::is_lowercase);
        let all_caps = s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase);
        let separators = s.matches('|').count() + s.matches(" · ").count() + s.matches(" • ").count() + s.matches("  ").count();
        Shape {
            words,
            lower_share,
            terminal,
            starts_lower,
            all_caps,
            separators,
            bytes: s.len(),
        }
    }
}

/// Characters of scripts written without spaces between words.
pub(crate) fn is_wide(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{0E00}'..='\u{0E7F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repair_rejoins_a_sentence_the_paste_broke() {
        let text = "Russia's forces have retaken 24 settlements over the last five days, chief\n\nof the general staff said.\n\nNext one.";
        let paste = Paste::new(text);
        assert_eq!(paste.units.len(), 2);
        assert_eq!(paste.units[0].lines.len(), 2);
        assert!(paste.text_of(0).ends_with("staff said."));
    }

    #[test]
    fn invisible_characters_do_not_make_a_line() {
        let text = "one\n\u{200B}\u{FEFF}\n\u{7}two\u{200D}\r\n";
        let paste = Paste::new(text);
        let got: Vec<&str> = (0..paste.units.len()).map(|i| paste.text_of(i)).collect();
        assert_eq!(got, ["one", "two"]);
        assert_eq!(paste.units[1].blanks_before, 1);
    }

    #[test]
    fn shape_counts_cjk_characters_as_words() {
        assert!(Shape::of("俄罗斯总统普京周三提议沿俄罗斯国境线建立安全区并要求将敌军完全驱逐出库尔斯克地区。").words >= 10);
    }
}
