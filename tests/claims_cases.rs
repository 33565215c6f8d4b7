//! Data-driven cases for segmentation, figures, speakers and atomic facts, read from
//! `tests/cases/claims/*.toml` (fields described at the top of each file).

mod common;

use wiretrace::claims::{atomic, checkable, figures, from_paragraphs, quotes, Bound};
use wiretrace::{segment, Span};

#[test]
fn segment_cases() {
    let cases = common::load("claims/segment.toml");
    for case in &cases {
        let text = case.str("text");
        let got: Vec<&str> = segment::sentences(text, Span::new(0, text.len())).into_iter().map(|s| s.of(text)).collect();
        assert_eq!(got, case.strs("sentences"), "{}", case.name);
    }
    assert!(cases.len() >= 5);
}

#[test]
fn atomic_cases() {
    for case in common::load("claims/atomic.toml") {
        let text = case.str("text");
        let got: Vec<&str> = atomic::clauses(text, Span::new(0, text.len())).into_iter().map(|s| s.of(text)).collect();
        assert_eq!(got, case.strs("clauses"), "{}", case.name);
    }
}

fn bound_name(b: Bound) -> &'static str {
    match b {
        Bound::Exact => "exact",
        Bound::About => "about",
        Bound::AtLeast => "at_least",
        Bound::AtMost => "at_most",
    }
}

/// Whether `fig` is `want`: "unit value[..upper] bound".
fn is_figure(fig: &figures::Figure, want: &str) -> bool {
    let parts: Vec<&str> = want.split_whitespace().collect();
    let (lo, hi) = parts[1].split_once("..").unwrap_or((parts[1], parts[1]));
    let close = |a: f64, b: &str| (a - b.parse::<f64>().expect("number")).abs() <= 1e-5 * a.abs().max(1.0);
    fig.unit == parts[0] && close(fig.value, lo) && close(fig.upper, hi) && bound_name(fig.bound) == parts[2]
}

#[test]
fn figure_cases() {
    let cases = common::load("claims/figures.toml");
    let mut failures = Vec::new();
    for case in &cases {
        let text = case.str("text");
        let got = figures::figures(text, 0);
        let want = case.strs("figures");
        if got.len() != want.len() || !got.iter().zip(&want).all(|(fig, want)| is_figure(fig, want)) {
            failures.push(format!("{}: want {want:?}, got {got:?}", case.name));
        }
    }
    assert!(failures.is_empty(), "{} of {} figure cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
    assert!(cases.len() >= 25);
}

#[test]
fn speaker_cases() {
    let mut failures = Vec::new();
    for case in common::load("claims/speakers.toml") {
        let mut people = quotes::People::default();
        for context in case.strs("context") {
            people.speaker(context);
        }
        let got = people.speaker(case.str("sentence"));
        let want = case.str("speaker");
        if got.as_deref().unwrap_or("-") != want {
            failures.push(format!("{}: want {want}, got {got:?}", case.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn quotes_spanning_sentences_keep_their_speaker() {
    let text = "Title\n\n\"We will win. We will not stop,\" Putin said.";
    let body = Span::new(7, text.len());
    let claims = wiretrace::claims::from_paragraphs(0, 0, text, &[body]);
    assert!(claims.len() >= 2, "{claims:?}");
    assert!(claims.iter().all(|c| c.speaker.as_deref() == Some("Putin")), "{claims:?}");
    assert!(claims.iter().all(|c| !c.quotes.is_empty()));
}

#[test]
fn source_cases() {
    let mut failures = Vec::new();
    for case in common::load("claims/sources.toml") {
        let text = case.strs("paragraphs").join("\n\n");
        let mut at = 0;
        let paragraphs: Vec<Span> = text.split("\n\n").map(|p| {
            let span = Span::new(at, at + p.len());
            at += p.len() + 2;
            span
        }).collect();
        let claims = from_paragraphs(0, 0, &text, &paragraphs);
        let Some(claim) = claims.iter().find(|c| c.span.of(&text).contains(case.str("clause"))) else {
            failures.push(format!("{}: no clause holds {:?}", case.name, case.str("clause")));
            continue;
        };
        let want = case.str("speaker");
        if claim.speaker.as_deref().unwrap_or("-") != want {
            failures.push(format!("{}: want {want}, got {:?}", case.name, claim.speaker));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn checkable_cases() {
    let mut failures = Vec::new();
    for case in common::load("claims/checkable.toml") {
        let (clause, sentence) = (case.str("clause"), case.str("sentence"));
        if checkable::names_a_fact(clause) != case.bool("fact") {
            failures.push(format!("{}: fact should be {}", case.name, case.bool("fact")));
        }
        if case.has("kept") && checkable::is_checkable(clause, sentence) != case.bool("kept") {
            failures.push(format!("{}: kept should be {} (p {:.2})", case.name, case.bool("kept"), checkable::probability(clause, sentence)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
