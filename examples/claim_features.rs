//! The claims of text files with the features of `claims::checkable`, one JSON line
//! each: what `scripts/train_checkable.py` fits the model on.
//!
//! `cargo run --release --example claim_features -- FILE...`: each line is `{"file", "span",
//! "kind", "attributed", "headline", "fact", "features"}`, spans in bytes of the file.

use wiretrace::claims::{checkable, extract, ClaimKind};
use wiretrace::{clean, segment};

fn main() {
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {path}");
            continue;
        };
        let articles = clean::clean_marked(0, &text, None);
        let bodies: Vec<_> = articles.iter().map(|a| segment::paragraphs(&text, &a.paragraphs)).collect();
        for c in extract(&[&text], &articles, &bodies) {
            let kind = match c.kind {
                ClaimKind::Quote => "quote",
                ClaimKind::Figure => "figure",
                ClaimKind::Statement => "statement",
            };
            let line = serde_json::json!({
                "file": path,
                "span": [c.span.start, c.span.end],
                "kind": kind,
                "attributed": c.source.is_some(),
                "headline": c.headline,
                "fact": checkable::names_a_fact(c.span.of(&text)),
                "features": checkable::features(c.span.of(&text), c.sentence.of(&text)),
            });
            println!("{line}");
        }
    }
}
