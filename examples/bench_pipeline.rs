//! Times the whole pipeline: the five seed pastes, and large generated pastes (1 MB and 5 MB).
//! `cargo run --release --example bench_pipeline`. Prints; asserts nothing.

use std::time::Instant;
use wiretrace::{analyze, clean::clean, Input};

const SEEDS: [(&str, &str); 5] = [
    ("000_fab54a5dd52c04d3.txt", include_str!("../tests/fixtures/seeds/000_fab54a5dd52c04d3.txt")),
    ("001_db247c232c80904f.txt", include_str!("../tests/fixtures/seeds/001_db247c232c80904f.txt")),
    ("002_51049b621e16652b.txt", include_str!("../tests/fixtures/seeds/002_51049b621e16652b.txt")),
    ("003_b86c41c9acf52fc5.txt", include_str!("../tests/fixtures/seeds/003_b86c41c9acf52fc5.txt")),
    ("004_2a4893f0ec02ea54.txt", include_str!("../tests/fixtures/seeds/004_2a4893f0ec02ea54.txt")),
];

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min)
}

fn main() {
    let seeds: Vec<Input> = SEEDS.iter().map(|(name, text)| Input::new(*name, *text)).collect();
    analyze(&seeds); // builds the core's tables once
    println!("seeds (5 pastes): analyze {:.1} ms (best of 10)", best_of(10, || analyze(&seeds)) * 1e3);
    let one_paste: String = SEEDS.iter().map(|(_, text)| *text).collect::<Vec<_>>().join("\n\n");
    for megabytes in [1, 5] {
        let text = one_paste.repeat(megabytes * 1_000_000 / one_paste.len() + 1);
        println!(
            "{megabytes} MB paste: clean {:.2} s, analyze {:.2} s",
            best_of(1, || clean(0, &text)),
            best_of(1, || analyze(&[Input::new("big.txt", text.as_str())]))
        );
    }
}
