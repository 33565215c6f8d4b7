//! The stable-Rust fuzz driver: mutates the corpus (fuzz/corpus/<target>/) and runs each target
//! on every mutant, without coverage feedback, for a time or a number of runs.
//!
//! `wiretrace-fuzz [--seconds S | --runs N] [--seed X] [TARGET...]` (all targets by default;
//! the time or runs are split evenly between them). A crash (a panic in a target) is saved in
//! fuzz/artifacts/<target>/ and makes the exit status 1; so does a run slower than
//! [`HANG_MILLIS`]; the slowest input is kept there as `slowest`. The last line sums up each target's runs, crashes and slowest run.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use wiretrace_fuzz::{Target, MAX_INPUT_BYTES};

/// One run slower than this is a hang: every input is at most 4 KB (the slowest seen take tens
/// of milliseconds since issue 18's fixes; `tests/fuzz_finds.rs`), and a loaded machine may be
/// many times slower.
const HANG_MILLIS: u128 = 10_000;
/// Mutants kept to mutate further, beside the corpus, so changes can pile up.
const POOL_SIZE: usize = 512;

struct Budget {
    seconds: Option<f64>,
    runs: Option<u64>,
}

struct Tally {
    runs: u64,
    crashes: u64,
    slowest: Duration,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut budget, mut seed, mut targets) = (Budget { seconds: Some(30.0), runs: None }, 1u64, Vec::new());
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage(&format!("{arg} needs a value")));
        match arg.as_str() {
            "--seconds" => budget = Budget { seconds: Some(value().parse().unwrap_or_else(|_| usage("bad --seconds"))), runs: None },
            "--runs" => budget = Budget { seconds: None, runs: Some(value().parse().unwrap_or_else(|_| usage("bad --runs"))) },
            "--seed" => seed = value().parse().unwrap_or_else(|_| usage("bad --seed")),
            name => targets.push(Target::by_name(name).unwrap_or_else(|| usage(&format!("no target {name}")))),
        }
    }
    if targets.is_empty() {
        targets = Target::ALL.to_vec();
    }
    let share = targets.len() as f64;
    let budget = Budget { seconds: budget.seconds.map(|s| s / share), runs: budget.runs.map(|r| r / share as u64) };
    // Crashes are counted and saved; the default hook's message says where each one was.
    let mut summary = Vec::new();
    let mut failed = false;
    for target in targets {
        let tally = fuzz(target, &budget, &mut Rng(seed ^ 0x9E37_79B9_7F4A_7C15));
        failed |= tally.crashes > 0 || tally.slowest.as_millis() > HANG_MILLIS;
        summary.push(format!(
            "{} {} runs, {} crashes, slowest {:.1} ms",
            target.name(),
            tally.runs,
            tally.crashes,
            tally.slowest.as_secs_f64() * 1000.0
        ));
    }
    println!("wiretrace fuzz: {}", summary.join("; "));
    std::process::exit(i32::from(failed));
}

fn usage(problem: &str) -> ! {
    eprintln!("wiretrace-fuzz: {problem}\nusage: wiretrace-fuzz [--seconds S | --runs N] [--seed X] [analyze|permalink|markup]...");
    std::process::exit(2)
}

fn fuzz(target: Target, budget: &Budget, rng: &mut Rng) -> Tally {
    let corpus = read_corpus(&fuzz_dir().join("corpus").join(target.name()));
    let mut pool: Vec<Vec<u8>> = Vec::new();
    let mut tally = Tally { runs: 0, crashes: 0, slowest: Duration::ZERO };
    let started = Instant::now();
    let mut input = Vec::with_capacity(MAX_INPUT_BYTES);
    loop {
        let done = match (budget.seconds, budget.runs) {
            (_, Some(runs)) => tally.runs >= runs,
            (Some(seconds), None) => tally.runs % 64 == 0 && started.elapsed().as_secs_f64() >= seconds,
            (None, None) => true,
        };
        if done {
            return tally;
        }
        // The corpus as it is first, then mutants of it and of earlier mutants.
        input.clear();
        match corpus.get(tally.runs as usize) {
            Some(seed) => input.extend_from_slice(seed),
            None => {
                let parents = if pool.is_empty() || rng.below(2) == 0 { &corpus } else { &pool };
                input.extend_from_slice(&parents[rng.below(parents.len())]);
                for _ in 0..=rng.below(4) {
                    mutate(&mut input, target.dictionary(), &corpus, rng);
                }
            }
        }
        let run_started = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| target.run(&input)));
        let took = run_started.elapsed();
        if took > tally.slowest {
            tally.slowest = took;
            keep_slowest(target, &input);
        }
        tally.runs += 1;
        if outcome.is_err() {
            tally.crashes += 1;
            save_crash(target, &input);
        }
        if rng.below(16) == 0 {
            let slot = rng.below(POOL_SIZE);
            if slot < pool.len() {
                pool[slot] = input.clone();
            } else {
                pool.push(input.clone());
            }
        }
    }
}

/// One random change: flip, set, insert, delete, repeat or splice bytes, or insert a word.
fn mutate(input: &mut Vec<u8>, words: &[&str], corpus: &[Vec<u8>], rng: &mut Rng) {
    let at = rng.below(input.len() + 1);
    let last = input.len().saturating_sub(1);
    match rng.below(8) {
        0 if !input.is_empty() => input[at.min(last)] ^= 1 << rng.below(8),
        1 if !input.is_empty() => input[at.min(last)] = rng.byte(),
        2 => {
            let bytes: Vec<u8> = (0..=rng.below(8)).map(|_| rng.byte()).collect();
            input.splice(at..at, bytes);
        }
        3 => {
            let end = (at + rng.below(64)).min(input.len());
            input.drain(at..end);
        }
        4 => {
            // Repetition: long runs of one pattern are where quadratic work shows.
            let end = (at + 1 + rng.below(32)).min(input.len());
            let piece = input[at..end].to_vec();
            for _ in 0..rng.below(64) {
                input.splice(at..at, piece.iter().copied());
            }
        }
        5 => {
            let other = &corpus[rng.below(corpus.len())];
            let from = rng.below(other.len() + 1);
            let end = (from + rng.below(256)).min(other.len());
            input.splice(at..at, other[from..end].iter().copied());
        }
        _ => {
            input.splice(at..at, words[rng.below(words.len())].bytes());
        }
    }
    input.truncate(MAX_INPUT_BYTES);
}

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The corpus files, in name order (so a seed repeats its run); one empty input if none.
fn read_corpus(dir: &Path) -> Vec<Vec<u8>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir).into_iter().flatten().flatten().map(|e| e.path()).collect();
    paths.sort();
    let corpus: Vec<Vec<u8>> = paths.iter().filter_map(|p| std::fs::read(p).ok()).collect();
    if corpus.is_empty() {
        vec![Vec::new()]
    } else {
        corpus
    }
}

/// The slowest input so far, kept in fuzz/artifacts/<target>/slowest for a look at the time it takes.
fn keep_slowest(target: Target, input: &[u8]) {
    let dir = fuzz_dir().join("artifacts").join(target.name());
    let _ = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(dir.join("slowest"), input));
}

fn save_crash(target: Target, input: &[u8]) {
    let dir = fuzz_dir().join("artifacts").join(target.name());
    let name = format!("crash-{:016x}", input.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)));
    let saved = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(dir.join(&name), input));
    eprintln!("wiretrace-fuzz: {} crashed; input {}", target.name(), if saved.is_ok() { dir.join(name).display().to_string() } else { "not saved".into() });
}

/// xorshift64*: small, fast, and the same sequence for the same seed on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn byte(&mut self) -> u8 {
        self.next() as u8
    }
}
