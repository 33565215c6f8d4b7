//! The example: the five seed articles, embedded at build time. A first visit opens on them,
//! analysed; "Load example" brings them back.
//!
//! Each is named by its file name, so the page's report (and its JSON download) equals
//! `wiretrace analyze --json` run in `tests/fixtures/seeds/` on the same bare file names.

use crate::Input;

macro_rules! seeds {
    ($($file:literal),* $(,)?) => {
        [$(($file, include_str!(concat!("../../tests/fixtures/seeds/", $file)))),*]
    };
}

const SEEDS: [(&str, &str); 5] = seeds![
    "000_fab54a5dd52c04d3.txt",
    "001_db247c232c80904f.txt",
    "002_51049b621e16652b.txt",
    "003_b86c41c9acf52fc5.txt",
    "004_2a4893f0ec02ea54.txt",
];

/// The example's pastes, in file-name order.
pub fn inputs() -> Vec<Input> {
    SEEDS.iter().map(|(name, text)| Input::new(*name, *text)).collect()
}
