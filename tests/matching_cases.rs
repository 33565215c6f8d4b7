//! Data-driven matching cases from `tests/cases/claims/matching.toml`: each pair of sentences
//! is put into two articles of one story (the same background sentences around each), and must
//! end up in one cluster ("same"), in one cluster with its figures flagged ("variant") or apart
//! ("different"). With `unrelated = true` the two articles have different backgrounds: they
//! tell different stories, so only a near-verbatim pair may join them.

use wiretrace::claims::{from_paragraphs, Claim};
use wiretrace::matching::cluster;
use wiretrace::Span;

mod common;

/// One paste per article: background sentences then the case sentence, one paragraph each.
fn paste(background: &[&str], sentence: &str) -> (String, Vec<Span>) {
    let mut text = String::new();
    let mut paragraphs = Vec::new();
    for s in background.iter().copied().chain(std::iter::once(sentence)) {
        let start = text.len();
        text.push_str(s);
        paragraphs.push(Span::new(start, text.len()));
        text.push_str("\n\n");
    }
    (text, paragraphs)
}

#[test]
fn matching_cases() {
    let background_cases = common::load("claims/background.toml");
    let background: Vec<&str> = background_cases.iter().flat_map(|c| c.strs("sentences")).collect();
    let (first_half, second_half) = background.split_at(background.len() / 2);
    let one_story = &background[..];
    let mut n = 0;
    let mut failures = Vec::new();
    for case in common::load("claims/matching.toml") {
        let (a, b, expect) = (case.str("a"), case.str("b"), case.str("expect"));
        let unrelated = case.bool_or("unrelated", false);
        let (text_a, paras_a) = paste(if unrelated { first_half } else { one_story }, a);
        let (text_b, paras_b) = paste(if unrelated { second_half } else { one_story }, b);
        let mut claims: Vec<Claim> = from_paragraphs(0, 0, &text_a, &paras_a);
        claims.extend(from_paragraphs(1, 1, &text_b, &paras_b));
        let texts = [text_a.as_str(), text_b.as_str()];
        let clusters = cluster(&texts, &claims);
        let in_case = |c: &Claim, para: Span| c.paragraph == para;
        let last_a = *paras_a.last().expect("paragraph");
        let last_b = *paras_b.last().expect("paragraph");
        let of_a: Vec<usize> = (0..claims.len()).filter(|&i| claims[i].article == 0 && in_case(&claims[i], last_a)).collect();
        let of_b: Vec<usize> = (0..claims.len()).filter(|&i| claims[i].article == 1 && in_case(&claims[i], last_b)).collect();
        let joined = clusters.iter().find(|c| c.members.iter().any(|m| of_a.contains(m)) && c.members.iter().any(|m| of_b.contains(m)));
        let ok = match expect {
            "same" => joined.is_some(),
            "variant" => joined.is_some_and(|c| !c.variants.is_empty() && c.links.iter().any(|l| l.variant && !l.why.is_empty())),
            "different" => joined.is_none(),
            other => panic!("unknown expectation {other}"),
        };
        if !ok {
            let why: Vec<&str> = joined.map(|c| c.links.iter().map(|l| l.why.as_str()).collect()).unwrap_or_default();
            failures.push(format!("{}: expected {expect}:\n  {a}\n  {b}\n  links: {why:?}", case.name));
        }
        n += 1;
    }
    assert!(failures.is_empty(), "{} of {n} matching cases failed:\n{}", failures.len(), failures.join("\n"));
    assert!(n >= 15);
}

#[test]
fn every_link_says_why() {
    let text_a = "The booster relit three of its 33 Raptor engines before the catch.";
    let text_b = "The booster relit three of its 33 Raptor engines before the tower caught it.";
    let mut claims = from_paragraphs(0, 0, text_a, &[Span::new(0, text_a.len())]);
    claims.extend(from_paragraphs(1, 1, text_b, &[Span::new(0, text_b.len())]));
    let clusters = cluster(&[text_a, text_b], &claims);
    for c in &clusters {
        for l in &c.links {
            assert!(l.why.contains("shared"), "{l:?}");
        }
    }
}

/// A clause made only of the story's common words ("no Ukrainian soldier there", in a story of
/// Ukrainian soldiers) is not a restatement of every clause that shares them.
#[test]
fn a_clause_of_common_story_words_links_to_nothing() {
    let story = [
        "Ukrainian drones struck an oil depot overnight, the governor said.",
        "A Ukrainian official said talks on prisoner exchanges would resume.",
        "The Ukrainian president met European leaders in Paris on Monday.",
        "Troops shelled a bridge near the border town.",
        "Soldiers dug new trenches along the river.",
        "Ukrainian farmers said grain exports had doubled this year.",
        "Energy prices rose after the pipeline closed.",
    ];
    let a = "Ukrainian troops in the border region were now surrounded, the general told him.";
    let b = "There will be no Ukrainian soldier there by Friday.";
    let (text_a, paras_a) = paste(&story, a);
    let (text_b, paras_b) = paste(&story, b);
    let mut claims = from_paragraphs(0, 0, &text_a, &paras_a);
    claims.extend(from_paragraphs(1, 1, &text_b, &paras_b));
    let clusters = cluster(&[text_a.as_str(), text_b.as_str()], &claims);
    let last = |article: usize, para: Span| (0..claims.len()).find(|&i| claims[i].article == article && claims[i].paragraph == para).expect("claim");
    let (i, j) = (last(0, *paras_a.last().unwrap()), last(1, *paras_b.last().unwrap()));
    assert!(!clusters.iter().any(|c| c.members.contains(&i) && c.members.contains(&j)), "{clusters:?}");
}

/// One agency sentence reprinted by hundreds of outlets is one claim: its words are all common
/// by then, yet the reprints find each other, and agreeing figures are no variant. A changed
/// figure among them still is.
#[test]
fn reprints_by_the_hundred_are_one_claim() {
    let reprint = "At least 95 people were killed in the floods in Valencia, officials said on Tuesday.";
    let changed = "At least 92 people were killed in the floods in Valencia, officials said on Tuesday.";
    let local = ["Schools in the city stayed closed.", "Volunteers cleared mud from the streets.", "Trains to Madrid were cancelled."];
    let outlets = wiretrace::matching::index::MAX_POSTING * 2;
    for (first, flagged) in [(reprint, false), (changed, true)] {
        let texts: Vec<String> = (0..outlets).map(|i| format!("{}\n\n{}", if i == 0 { first } else { reprint }, local[i % local.len()])).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let claims: Vec<Claim> = refs.iter().enumerate().flat_map(|(i, t)| {
            let cut = t.find('\n').unwrap_or(t.len());
            from_paragraphs(i, i, t, &[Span::new(0, cut), Span::new(cut, t.len()).trim(t)])
        }).collect();
        let clusters = cluster(&refs, &claims);
        let toll = clusters.iter().find(|c| c.members.contains(&0)).expect("the toll's cluster");
        assert_eq!(toll.members.len(), outlets);
        assert_eq!(!toll.variants.is_empty(), flagged, "{:?}", toll.variants.first());
    }
}

/// The degenerate paste: one sentence, twice.
#[test]
fn one_sentence_pasted_twice_is_one_claim() {
    let text = "The central bank raised its key rate to 0.25 percent on Tuesday.";
    let claims: Vec<Claim> = (0..2).flat_map(|i| from_paragraphs(i, i, text, &[Span::new(0, text.len())])).collect();
    assert_eq!(cluster(&[text, text], &claims).len(), 1);
}

/// Whether two pastes of one sentence each end up sharing a claim.
fn lone_sentences_join(a: &str, b: &str) -> bool {
    let mut claims = from_paragraphs(0, 0, a, &[Span::new(0, a.len())]);
    claims.extend(from_paragraphs(1, 1, b, &[Span::new(0, b.len())]));
    cluster(&[a, b], &claims).iter().any(|c| c.members.iter().any(|&m| claims[m].article == 0) && c.members.iter().any(|&m| claims[m].article == 1))
}

/// Two sentences alone share all their words, so the paste cannot tell which are rare: English
/// at large does ("budget" says more than "new").
#[test]
fn two_lone_sentences_weigh_words_by_english_at_large() {
    assert!(lone_sentences_join(
        "The city council approved a new budget for public libraries on Tuesday.",
        "On Tuesday the council of the city approved the new public library budget.",
    ));
    assert!(!lone_sentences_join(
        "The city council approved a new budget for public libraries on Tuesday.",
        "Heavy rain flooded the main roads of the city on Tuesday.",
    ));
}
