//! Data-driven cases for segmentation, figures, speakers and atomic facts, read from
//! `tests/cases/claims/*.txt` (formats described at the top of each file).

use wiretrace::claims::{atomic, figures, quotes, Bound};
use wiretrace::{segment, Span};

fn case_file(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/cases/claims/{name}", env!("CARGO_MANIFEST_DIR"))).expect("case file")
}

/// Blocks separated by blank lines, comment lines dropped.
fn blocks(text: &str) -> Vec<Vec<&str>> {
    text.split("\n\n")
        .map(|b| b.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).collect::<Vec<_>>())
        .filter(|b| !b.is_empty())
        .collect()
}

fn prefixed<'a>(block: &[&'a str], prefix: &str) -> Vec<&'a str> {
    block.iter().filter_map(|l| l.strip_prefix(prefix)).collect()
}

#[test]
fn segment_cases() {
    let mut n = 0;
    for block in blocks(&case_file("segment.txt")) {
        let text = prefixed(&block, "> ")[0];
        let got: Vec<&str> = segment::sentences(text, Span::new(0, text.len())).into_iter().map(|s| s.of(text)).collect();
        assert_eq!(got, prefixed(&block, "= "), "segmenting {text:?}");
        n += 1;
    }
    assert!(n >= 5);
}

#[test]
fn atomic_cases() {
    for block in blocks(&case_file("atomic.txt")) {
        let text = prefixed(&block, "> ")[0];
        let got: Vec<&str> = atomic::clauses(text, Span::new(0, text.len())).into_iter().map(|s| s.of(text)).collect();
        assert_eq!(got, prefixed(&block, "= "), "clauses of {text:?}");
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

#[test]
fn figure_cases() {
    let file = case_file("figures.txt");
    let lines = file.lines().filter(|l| !l.starts_with('#') && l.contains("=>"));
    let mut n = 0;
    let mut failures = Vec::new();
    for line in lines {
        let (text, expected) = line.split_once("=>").expect("text => figures");
        let text = text.trim();
        let got = figures::figures(text, 0);
        let expected = expected.trim();
        n += 1;
        if expected == "-" {
            if !got.is_empty() {
                failures.push(format!("{text:?} has no figure, got {got:?}"));
            }
            continue;
        }
        let wanted: Vec<&str> = expected.split(" ; ").collect();
        if got.len() != wanted.len() {
            failures.push(format!("{text:?}: want {expected}, got {got:?}"));
            continue;
        }
        for (fig, want) in got.iter().zip(wanted) {
            let parts: Vec<&str> = want.split_whitespace().collect();
            let (lo, hi) = parts[1].split_once("..").unwrap_or((parts[1], parts[1]));
            let close = |a: f64, b: &str| (a - b.parse::<f64>().expect("number")).abs() <= 1e-5 * a.abs().max(1.0);
            let ok = fig.unit == parts[0] && close(fig.value, lo) && close(fig.upper, hi) && bound_name(fig.bound) == parts[2];
            if !ok {
                failures.push(format!("{text:?}: want {want}, got {fig:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {n} figure cases failed:\n{}", failures.len(), failures.join("\n"));
    assert!(n >= 25);
}

#[test]
fn speaker_cases() {
    let mut failures = Vec::new();
    for block in blocks(&case_file("speakers.txt")) {
        let mut people = quotes::People::default();
        for context in prefixed(&block, "~ ") {
            people.speaker(context);
        }
        let sentence = prefixed(&block, "> ")[0];
        let want = prefixed(&block, "speaker: ")[0];
        let got = people.speaker(sentence);
        if got.as_deref().unwrap_or("-") != want {
            failures.push(format!("speaker of {sentence:?}: want {want}, got {got:?}"));
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
