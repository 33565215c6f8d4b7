//! Synthetic news for the research-scale measurements: stories whose articles rewrite one wire
//! report, deterministic for a seed.
//!
//! ```sh
//! cargo run --release --example synthetic -- stories 10000 [--articles 5] [--seed 1] > stories.jsonl
//! cargo run --release --example synthetic -- articles 100000 [--seed 1] > articles.jsonl
//! cargo run --release --example synthetic -- score articles.jsonl grouped.jsonl
//! ```
//!
//! `stories` writes the story lines `wiretrace batch` reads; `articles` a shuffled stream of
//! `{"name", "text", "published", "story"}` (1 to 9 articles a story, 5 on average) for
//! `wiretrace group`, which ignores `story`; `score` prints the pair F1 of `group`'s stories
//! against the generator's.

use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{BufRead, BufWriter, Write};

/// A small deterministic generator (no dependency needed for test data).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

fn proper_name(rng: &mut Lcg, syllables: usize) -> String {
    const SYLLABLES: &[&str] = &["ka", "lo", "mir", "sen", "ta", "vor", "ri", "bel", "no", "gan", "ush", "pe", "dra", "zi", "mo", "ten", "sa", "qui", "har", "du"];
    let s: String = (0..syllables).map(|_| rng.pick(SYLLABLES)).collect();
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

const AGENCIES: &[&str] = &["Reuters", "AFP", "AP", "TASS", "Xinhua", "dpa", "EFE", "ANSA"];
const OUTLETS: &[&str] = &["Daily Ledger", "Morning Post", "City Herald", "Evening Star", "Global Times Online", "The Courier"];
const ROLES: &[&str] = &["minister", "spokesman", "governor", "chief executive", "mayor", "commander", "chairman"];
const BODIES: &[&str] = &["ministry", "council", "company", "army", "union", "central bank", "agency", "court"];
const ACTIONS: &[&str] = &["approved", "rejected", "announced", "delayed", "signed", "cancelled", "expanded", "reviewed"];
const THINGS: &[&str] = &["budget", "contract", "plan", "deal", "law", "programme", "project", "inquiry", "tariff", "merger"];
const UNITS: &[&str] = &["people", "million dollars", "tonnes", "jobs", "percent", "homes", "kilometres", "billion euros"];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const SAID: &[&str] = &["said", "told reporters", "said in a statement", "added"];
const FILLER: &[&str] = &[
    "The weather in the region was cold and wet for most of the week.",
    "Markets were calm as traders waited for more economic data.",
    "Officials did not respond to a request for comment.",
    "The ministry published a short statement on its website.",
    "Analysts expect the talks to continue for several more days.",
    "Further details were not immediately available.",
];

/// A story: its wire report as sentences, and where and by whom it was first reported.
struct Story {
    city: String,
    agency: &'static str,
    headline: String,
    sentences: Vec<String>,
    day: usize,
}

fn story(rng: &mut Lcg) -> Story {
    let people: Vec<String> = (0..3).map(|_| format!("{} {}", proper_name(rng, 2), proper_name(rng, 3))).collect();
    let places: Vec<String> = (0..3).map(|_| proper_name(rng, 3)).collect();
    let org = format!("{} {}", proper_name(rng, 2), rng.pick(BODIES));
    let thing = rng.pick(THINGS);
    let mut sentences = vec![
        format!("The {org} {} a {} {thing} for {} on {}.", rng.pick(ACTIONS), proper_name(rng, 2).to_lowercase(), places[0], rng.pick(WEEKDAYS)),
        format!("\"We will not accept a {thing} that leaves {} behind,\" {}, the {} of {}, {}.", places[1], people[0], rng.pick(ROLES), places[1], rng.pick(SAID)),
        format!("About {} {} were affected in {}, according to {}.", 10 + rng.below(9000), rng.pick(UNITS), places[2], people[1]),
    ];
    for _ in 0..6 {
        let sentence = match rng.below(3) {
            0 => format!("{} {} the {thing} would cost {} {} over {} years.", people[rng.below(3)], rng.pick(SAID), 2 + rng.below(800), rng.pick(UNITS), 2 + rng.below(9)),
            1 => format!("Talks between {} and the {org} {} after {} hours near {}.", places[rng.below(3)], rng.pick(ACTIONS), 2 + rng.below(40), proper_name(rng, 3)),
            _ => format!("{} of the {} {} {} by {} on {}.", people[rng.below(3)], proper_name(rng, 2), rng.pick(ACTIONS), proper_name(rng, 2).to_lowercase(), places[rng.below(3)], rng.pick(WEEKDAYS)),
        };
        sentences.push(sentence);
    }
    let headline = format!("{} {} {thing} in {}", org, rng.pick(ACTIONS), places[0]);
    Story { city: places[0].to_uppercase(), agency: rng.pick(AGENCIES), headline, sentences, day: 1 + rng.below(28) }
}

/// One outlet's article on the story: the wire credited or not, sentences dropped, words changed,
/// a filler line added.
fn article(rng: &mut Lcg, story: &Story) -> (String, String) {
    let outlet = rng.pick(OUTLETS);
    let mut body: Vec<String> = story.sentences.iter().filter(|_| !rng.chance(15)).cloned().collect();
    for sentence in &mut body {
        if rng.chance(30) {
            *sentence = sentence.replacen(" the ", " this ", 1).replacen(" said", " stated", 1);
        }
    }
    if rng.chance(50) && body.len() > 2 {
        body.swap(1, 2);
    }
    body.insert(rng.below(body.len() + 1), rng.pick(FILLER).to_string());
    let lead = if rng.chance(70) { format!("{} ({}) - ", story.city, story.agency) } else { String::new() };
    let published = format!("2024-03-{:02}T{:02}:{:02}:00Z", story.day, rng.below(24), rng.below(60));
    let text = format!("{}\n\nBy {} staff | {}\n\n{lead}{}\n", story.headline, outlet, published, body.join("\n\n"));
    (text, published)
}

fn stories(count: usize, articles: usize, seed: u64, out: &mut impl Write) -> std::io::Result<()> {
    let mut rng = Lcg(seed);
    for s in 0..count {
        let story = story(&mut rng);
        let articles: Vec<Value> = (0..articles).map(|a| json!({"name": format!("a{a}.txt"), "text": article(&mut rng, &story).0})).collect();
        writeln!(out, "{}", json!({"id": format!("story-{s}"), "articles": articles}))?;
    }
    Ok(())
}

fn articles(count: usize, seed: u64, out: &mut impl Write) -> std::io::Result<()> {
    let mut rng = Lcg(seed);
    let mut lines = Vec::with_capacity(count);
    let mut s = 0;
    while lines.len() < count {
        let story = story(&mut rng);
        for a in 0..(1 + rng.below(9)).min(count - lines.len()) {
            let (text, published) = article(&mut rng, &story);
            lines.push(json!({"name": format!("s{s}-{a}"), "text": text, "published": published, "story": s}).to_string());
        }
        s += 1;
    }
    // A stream interleaves stories: a deterministic shuffle.
    for i in (1..lines.len()).rev() {
        lines.swap(i, rng.below(i + 1));
    }
    lines.iter().try_for_each(|line| writeln!(out, "{line}"))
}

fn json_lines(path: &str) -> Vec<Value> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("cannot open {path}: {e}"));
    std::io::BufReader::new(file).lines().map(|l| serde_json::from_str(&l.expect("readable line")).expect("a JSON line")).collect()
}

fn score(articles_path: &str, grouped_path: &str) {
    let truth: HashMap<String, usize> = json_lines(articles_path)
        .iter()
        .map(|a| (a["name"].as_str().unwrap_or_default().to_string(), a["story"].as_u64().unwrap_or_default() as usize))
        .collect();
    let mut names = Vec::new();
    let found: Vec<Vec<usize>> = json_lines(grouped_path)
        .iter()
        .map(|story| {
            let members = story["articles"].as_array().map(Vec::as_slice).unwrap_or_default();
            members
                .iter()
                .map(|a| {
                    names.push(truth[a["name"].as_str().unwrap_or_default()]);
                    names.len() - 1
                })
                .collect()
        })
        .collect();
    let true_stories = names.iter().collect::<std::collections::HashSet<_>>().len();
    println!(
        "articles {}  stories found {}  true {}  pair F1 {:.4}",
        names.len(),
        found.len(),
        true_stories,
        wiretrace::group::pair_f1(&found, &names)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let option = |flag: &str, default: u64| {
        args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).map_or(default, |v| v.parse().expect("a number"))
    };
    let count = || args.get(1).and_then(|n| n.parse().ok()).expect("a count");
    let mut out = BufWriter::new(std::io::stdout().lock());
    let written = match args.first().map(String::as_str) {
        Some("stories") => stories(count(), option("--articles", 5) as usize, option("--seed", 1), &mut out),
        Some("articles") => articles(count(), option("--seed", 1), &mut out),
        Some("score") => Ok(score(&args[1], &args[2])),
        _ => panic!("usage: synthetic stories N [--articles K] [--seed S] | articles N [--seed S] | score ARTICLES GROUPED"),
    };
    written.and_then(|_| out.flush()).expect("write standard output");
}
