//! The verdict and the shared wording on the seed pastes (tests/fixtures/seeds), through the
//! whole pipeline: what the page shows first and the plain "why linked" must agree with the
//! report's own fields.

use std::fs;
use std::path::Path;
use wiretrace::{analyze, wording, Input, Report};

fn seeds_report() -> Report {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let mut files: Vec<_> = fs::read_dir(dir).expect("seeds").flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    files.sort();
    let inputs: Vec<Input> = files
        .iter()
        .map(|p| Input::new(p.file_name().unwrap().to_string_lossy(), fs::read_to_string(p).expect("seed")))
        .collect();
    analyze(&inputs)
}

#[test]
fn the_verdict_names_the_agencies_of_the_shared_claims_by_count() {
    let report = seeds_report();
    let verdict = &report.verdict;
    let tally = &verdict.agencies;
    assert!(tally.len() >= 2, "{tally:?}");
    assert!(tally.windows(2).all(|w| w[0].claims >= w[1].claims), "{tally:?}");
    for t in tally {
        let counted = report.claims.iter().filter(|c| c.is_shared() && c.origin.agencies.contains(&t.agency)).count();
        assert_eq!(t.claims, counted, "{}", t.agency);
    }
    let lead = format!("Mostly from {} ({} claims), then {} ({})", tally[0].agency, tally[0].claims, tally[1].agency, tally[1].claims);
    assert!(verdict.summary.starts_with(&lead), "{}", verdict.summary);
}

#[test]
fn every_article_gets_a_share_its_firsts_and_what_it_alone_has() {
    let report = seeds_report();
    let mut ids: Vec<&str> = report.verdict.articles.iter().map(|a| a.article.as_str()).collect();
    ids.sort_unstable();
    let mut expected: Vec<&str> = report.articles.iter().map(|a| a.id.as_str()).collect();
    expected.sort_unstable();
    assert_eq!(ids, expected, "each article once");
    let claim = |id: &str| report.claims.iter().find(|c| c.id == id).expect("a claim of the report");
    for a in &report.verdict.articles {
        assert!((0.0..=1.0).contains(&a.agency_share), "{a:?}");
        assert_eq!(a.agency_share > 0.0, !a.agencies.is_empty(), "{a:?}");
        assert!(a.only_here.iter().all(|c| !claim(c).is_shared() && claim(c).mentions.iter().all(|m| m.article == a.article)));
        assert!(a.first.iter().all(|c| claim(c).is_shared() && claim(c).origin.article.as_deref() == Some(a.article.as_str())));
    }
    // An article crediting no agency and sharing nothing follows no agency's wording.
    assert!(report.verdict.articles.iter().any(|a| a.agency_share == 0.0 && a.credits.is_empty()));
    assert!(report.verdict.articles.iter().any(|a| a.agency_share > 0.5));
}

#[test]
fn dated_articles_come_first_in_publication_order() {
    let report = seeds_report();
    let published: Vec<Option<&str>> = report
        .verdict
        .articles
        .iter()
        .map(|v| report.articles.iter().find(|a| a.id == v.article).and_then(|a| a.published.as_deref()))
        .collect();
    let dated = published.iter().take_while(|p| p.is_some()).count();
    assert!(dated >= 2 && published[dated..].iter().all(Option::is_none), "{published:?}");
    // The seeds print dates of one offset or none, so their dates sort as text.
    let days: Vec<&str> = published[..dated].iter().map(|p| &p.unwrap()[..10]).collect();
    assert!(days.windows(2).all(|w| w[0] <= w[1]), "{days:?}");
}

#[test]
fn the_verdict_survives_the_json_round_trip() {
    let report = seeds_report();
    let back: Report = serde_json::from_str(&report.to_json()).expect("the report parses back");
    assert_eq!(back.verdict, report.verdict);
}

#[test]
fn why_linked_quotes_the_mentions_words() {
    let report = seeds_report();
    let mut quoted = 0;
    for claim in &report.claims {
        for link in &claim.links {
            let (a, b) = (&claim.mentions[link.a].text, &claim.mentions[link.b].text);
            assert_eq!(link.evidence, wording::link_evidence(a, b, link.score), "the report carries the page's evidence");
            for phrase in link.evidence.split('“').skip(1).filter_map(|p| p.split('”').next()) {
                assert!(a.contains(phrase), "{phrase:?} is not in {a:?}");
                quoted += 1;
            }
        }
    }
    assert!(quoted > 10, "only {quoted} phrases quoted");
}
