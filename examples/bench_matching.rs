//! Benchmark of claim extraction and matching on generated corpora.
//!
//! `cargo run --release --example bench_matching [ARTICLES...]` (default 1000 10000) builds a
//! corpus of stories, five articles per story, each article restating its story's facts in
//! different words and figures among filler sentences, then times extraction and matching.
//! Matching is blocked on rare terms, so its time should grow about linearly.

use std::time::Instant;
use wiretrace::claims::{from_paragraphs, Claim};
use wiretrace::Span;

/// A small deterministic generator (no dependency needed for a benchmark).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

fn name(rng: &mut Lcg) -> String {
    const SYLLABLES: &[&str] = &["ka", "lo", "mir", "sen", "ta", "vor", "ri", "bel", "no", "gan", "ush", "pe", "dra", "zi"];
    let mut s = String::new();
    for _ in 0..5 {
        s.push_str(rng.pick(SYLLABLES));
    }
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// One article of a story: its facts reworded, plus filler.
fn article(rng: &mut Lcg, people: &[String], places: &[String], figures: &[u32]) -> String {
    const VERBS: &[&str] = &["retook", "recaptured", "reclaimed", "liberated"];
    const SAID: &[&str] = &["said", "told reporters", "added", "noted"];
    const FILLER: &[&str] = &[
        "The weather in the region was cold and wet for most of the week.",
        "Markets were calm as traders waited for more economic data.",
        "Local officials promised to rebuild the damaged roads quickly.",
        "The ministry published a short statement on its website.",
        "Analysts expect the talks to continue for several more days.",
    ];
    let mut paras = vec![
        format!("{} {} {} villages near {} in the last five days.", people[0], rng.pick(VERBS), figures[0], places[0]),
        format!("\"We will hold {} as long as necessary,\" {} {}.", places[1], people[1], rng.pick(SAID)),
        format!("About {} people were evacuated from {} on Tuesday, {} said.", figures[1], places[2], people[2]),
        format!("The {} {} of land around {} were {} by the army.", figures[2], "square kilometres", places[0], rng.pick(VERBS)),
    ];
    for _ in 0..4 {
        paras.push(rng.pick(FILLER).to_string());
    }
    paras.join("\n\n")
}

fn corpus(articles: usize) -> Vec<String> {
    let mut rng = Lcg(articles as u64);
    let mut out = Vec::with_capacity(articles);
    while out.len() < articles {
        let people: Vec<String> = (0..3).map(|_| name(&mut rng)).collect();
        let places: Vec<String> = (0..3).map(|_| name(&mut rng)).collect();
        let figures: Vec<u32> = (0..3).map(|_| 10 + (rng.next() % 50_000) as u32).collect();
        for _ in 0..5.min(articles - out.len()) {
            out.push(article(&mut rng, &people, &places, &figures));
        }
    }
    out
}

fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for part in text.split("\n\n") {
        out.push(Span::new(start, start + part.len()));
        start += part.len() + 2;
    }
    out
}

fn main() {
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![1000, 10000] } else { sizes };
    for n in sizes {
        let texts = corpus(n);
        let t0 = Instant::now();
        let claims: Vec<Claim> =
            texts.iter().enumerate().flat_map(|(i, t)| from_paragraphs(i, i, t, &paragraphs(t))).collect();
        let t1 = Instant::now();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let clusters = wiretrace::matching::cluster(&refs, &claims);
        let t2 = Instant::now();
        let shared = clusters.iter().filter(|c| c.members.len() > 1).count();
        println!(
            "{n} articles: {} claims, extraction {:.2} s, matching {:.2} s, {} clusters ({shared} with several mentions)",
            claims.len(),
            (t1 - t0).as_secs_f64(),
            (t2 - t1).as_secs_f64(),
            clusters.len()
        );
    }
}
