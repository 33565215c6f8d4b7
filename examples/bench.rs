//! The speed figures of issue 17, each beside the floor: a bare regex pass (`\w+|[.!?]`) over
//! the same bytes in the same run, so the ratios compare from machine to machine.
//!
//! `cargo run --release --example bench` (or `bash scripts/bench.sh`, which also times the CLI
//! process). Prints a table; asserts nothing. The rows:
//! - seeds, core: `analyze` on the five seed pastes (best of 20);
//! - 5 MB paste, core: `analyze` on the seeds joined and repeated to 5 MB, one paste;
//! - 5 MB paste, CLI process: `wiretrace analyze --json` on that paste as a file, when the
//!   release binary is built beside this example (start-up and output included);
//! - 1k -> 10k articles: claim extraction and matching on generated stories of five articles
//!   each, and how their time grows (the floor grows 10x).

use regex::Regex;
use std::time::Instant;
use wiretrace::claims::{from_paragraphs, Claim};
use wiretrace::{analyze, Input, Span};

const SEEDS: [(&str, &str); 5] = [
    ("000_fab54a5dd52c04d3.txt", include_str!("../tests/fixtures/seeds/000_fab54a5dd52c04d3.txt")),
    ("001_db247c232c80904f.txt", include_str!("../tests/fixtures/seeds/001_db247c232c80904f.txt")),
    ("002_51049b621e16652b.txt", include_str!("../tests/fixtures/seeds/002_51049b621e16652b.txt")),
    ("003_b86c41c9acf52fc5.txt", include_str!("../tests/fixtures/seeds/003_b86c41c9acf52fc5.txt")),
    ("004_2a4893f0ec02ea54.txt", include_str!("../tests/fixtures/seeds/004_2a4893f0ec02ea54.txt")),
];

/// The least time of `runs` calls of `f`, in seconds.
fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min)
}

/// The floor: one pass of a bare word-and-stop regex over `texts`, counting matches.
fn floor(word_or_stop: &Regex, texts: &[&str], runs: usize) -> f64 {
    best_of(runs, || texts.iter().map(|t| word_or_stop.find_iter(t).count()).sum::<usize>())
}

fn row(work: &str, seconds: f64, floor: f64) {
    println!("| {work} | {} | {} | {:.0}x |", shown(seconds), shown(floor), seconds / floor);
}

fn shown(seconds: f64) -> String {
    if seconds < 1.0 { format!("{:.2} ms", seconds * 1e3) } else { format!("{seconds:.2} s") }
}

fn main() {
    let word_or_stop = Regex::new(r"\w+|[.!?]").expect("the floor's pattern");
    println!("| work | time | floor | ratio |\n|---|---|---|---|");

    let seeds: Vec<Input> = SEEDS.iter().map(|(name, text)| Input::new(*name, *text)).collect();
    let seed_texts: Vec<&str> = SEEDS.iter().map(|(_, text)| *text).collect();
    analyze(&seeds); // builds the core's tables once
    row("seeds, core", best_of(20, || analyze(&seeds)), floor(&word_or_stop, &seed_texts, 20));

    let joined = seed_texts.join("\n\n");
    let paste = joined.repeat(5_000_000 / joined.len() + 1);
    let paste_floor = floor(&word_or_stop, &[paste.as_str()], 3);
    row("5 MB paste, core", best_of(1, || analyze(&[Input::new("big.txt", paste.as_str())])), paste_floor);
    if let Some(seconds) = cli_process(&paste) {
        row("5 MB paste, CLI process", seconds, paste_floor);
    }

    let mut times = Vec::new();
    for articles in [1_000, 10_000] {
        let texts = generated(articles);
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let started = Instant::now();
        let claims: Vec<Claim> = texts.iter().enumerate().flat_map(|(i, t)| from_paragraphs(i, i, t, &paragraphs(t))).collect();
        let extraction = started.elapsed().as_secs_f64();
        let started = Instant::now();
        std::hint::black_box(wiretrace::matching::cluster(&refs, &claims));
        let matching = started.elapsed().as_secs_f64();
        let floor = floor(&word_or_stop, &refs, 3);
        row(&format!("{articles} articles, extraction"), extraction, floor);
        row(&format!("{articles} articles, matching"), matching, floor);
        times.push((extraction, matching, floor));
    }
    let [(e1, m1, f1), (e10, m10, f10)] = times[..] else { unreachable!("two sizes") };
    println!("\n1k -> 10k articles: extraction {:.1}x, matching {:.1}x, floor {:.1}x", e10 / e1, m10 / m1, f10 / f1);
}

/// `wiretrace analyze --json` on `paste` as a file, when the release binary sits beside this
/// example (`target/release/`), in seconds.
fn cli_process(paste: &str) -> Option<f64> {
    let binary = std::env::current_exe().ok()?.parent()?.parent()?.join("wiretrace");
    let file = std::env::temp_dir().join(format!("wiretrace-bench-{}.txt", std::process::id()));
    std::fs::write(&file, paste).ok()?;
    let seconds = binary.is_file().then(|| {
        best_of(1, || std::process::Command::new(&binary).arg("analyze").arg("--json").arg(&file).output().map(|out| out.stdout.len()))
    });
    let _ = std::fs::remove_file(&file);
    seconds
}

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
    let s: String = (0..5).map(|_| rng.pick(SYLLABLES)).collect();
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// One article of a story: its facts reworded, among filler sentences.
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
        format!("The {} square kilometres of land around {} were {} by the army.", figures[2], places[0], rng.pick(VERBS)),
    ];
    for _ in 0..4 {
        paras.push(rng.pick(FILLER).to_string());
    }
    paras.join("\n\n")
}

/// `articles` articles, five a story.
fn generated(articles: usize) -> Vec<String> {
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
