//! `wiretrace group`: a stream of articles into the story lines `batch` reads.

use serde::Deserialize;
use serde_json::json;
use std::io::{BufRead, Write};

#[derive(Deserialize)]
struct ArticleLine {
    name: String,
    text: String,
}

/// Groups the articles of `input` (JSON Lines `{"name", "text", ...}`) and writes one story line
/// per group, `{"id": "story-N", "articles": [...]}`, in the order of each story's first
/// article. Returns the lines that could not be read (each reported on standard error).
pub fn run(input: impl BufRead, mut out: impl Write) -> std::io::Result<usize> {
    let mut articles = Vec::new();
    let mut failed = 0;
    for (number, line) in input.split(b'\n').enumerate() {
        let line = line?;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<ArticleLine>(&line) {
            Ok(article) => articles.push(article),
            Err(e) => {
                failed += 1;
                eprintln!("wiretrace: line {} is not an article ({{\"name\", \"text\"}}): {e}", number + 1);
            }
        }
    }
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    for (n, members) in wiretrace::group::group(&texts).iter().enumerate() {
        let story: Vec<_> = members.iter().map(|&i| json!({"name": articles[i].name, "text": articles[i].text})).collect();
        writeln!(out, "{}", json!({"id": format!("story-{n}"), "articles": story}))?;
    }
    out.flush()?;
    Ok(failed)
}
