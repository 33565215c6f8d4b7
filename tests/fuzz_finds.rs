//! Inputs the fuzz driver found slow (issue 18; `tests/fixtures/fuzz_finds/`): one line naming an
//! agency hundreds of times took trace cubic time, because each name read everything before it,
//! once per clause of the sentence. Now each name reads a bounded tail, and each sentence is read
//! once. Speed is measured, not asserted: these check the bound and that the inputs complete.

use wiretrace::span::{tail_start, Span};
use wiretrace::trace::{citations, registry};
use wiretrace::{analyze, Input};

const ANALYZE_PASTES: [&str; 2] =
    [include_str!("fixtures/fuzz_finds/analyze-paste-0.txt"), include_str!("fixtures/fuzz_finds/analyze-paste-1.txt")];
const MARKUP: &str = include_str!("fixtures/fuzz_finds/markup.html");

#[test]
fn the_fuzz_finds_complete() {
    let pastes: Vec<Input> = ANALYZE_PASTES.iter().enumerate().map(|(i, text)| Input::new(format!("paste {i}"), *text)).collect();
    let report = analyze(&pastes);
    assert_eq!(report.inputs.len(), 2);
    assert!(!report.claims.is_empty());
    let report = analyze(&[Input::new("markup.html", MARKUP)]);
    assert!(!report.claims.is_empty());
}

#[test]
fn sixteen_times_the_line_completes() {
    // Cubic work made this hours; bounded work per name keeps it linear.
    let line = ANALYZE_PASTES[1].trim_end().repeat(16);
    let report = analyze(&[Input::new("long.txt", line.as_str())]);
    assert_eq!(report.articles.len(), 1);
}

#[test]
fn a_tail_is_bounded_and_starts_at_a_space() {
    let before = "word ".repeat(1000);
    let start = tail_start(&before, 200);
    assert!(before.len() - start <= 200, "reads {} bytes", before.len() - start);
    assert!(before[start..].starts_with(' '));
    assert_eq!(tail_start("short text", 200), 0);
    // One 300-byte word: cut inside it, on a character boundary.
    let word = "é".repeat(150);
    assert!(word.is_char_boundary(tail_start(&word, 101)));
}

#[test]
fn a_cue_at_the_end_of_a_long_sentence_is_still_read() {
    let sentence = format!("{} and the figure rose, according to the Emirati news agency WAM.", "The minister spoke again ".repeat(200));
    let cited = citations::deepest(&citations::scan(&sentence, Span::new(0, sentence.len()), &[]));
    let names: Vec<&str> = cited.iter().map(|c| registry::name(c.agency)).collect();
    assert_eq!(names, ["WAM"]);
    assert!(cited[0].words.of(&sentence).starts_with("according to"));
}
