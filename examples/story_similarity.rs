//! How alike the articles of some pastes are, as matching judges which tell one story
//! (`wiretrace::matching::stories`): one line per pair of articles from different pastes,
//! `PASTE_A PASTE_B SIMILARITY`. `scripts/fit_story_threshold.py` reads it.
//!
//! ```sh
//! cargo run --release --example story_similarity -- a.txt b.txt c.txt
//! ```

use wiretrace::matching::{features, stories::Stories};
use wiretrace::{claims, clean, segment};

fn main() -> std::io::Result<()> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let texts: Vec<String> = paths.iter().map(std::fs::read_to_string).collect::<Result<_, _>>()?;
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let articles: Vec<clean::Article> = texts.iter().enumerate().flat_map(|(index, text)| clean::clean_marked(index, text, None)).collect();
    let bodies: Vec<Vec<segment::Paragraph>> = articles.iter().map(|a| segment::paragraphs(texts[a.input], &a.paragraphs)).collect();
    let claims = claims::extract(&texts, &articles, &bodies);
    let (features, vocab) = features::build(&texts, &claims);
    let stories = Stories::new(&claims, &features, &vocab);
    for a in 0..articles.len() {
        for b in a + 1..articles.len() {
            if articles[a].input != articles[b].input {
                println!("{} {} {:.4}", paths[articles[a].input], paths[articles[b].input], stories.similarity(a, b));
            }
        }
    }
    Ok(())
}
