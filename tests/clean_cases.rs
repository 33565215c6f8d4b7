//! Data-driven cases of page chrome (`tests/cases/clean/*.toml`): a paste snippet and the lines
//! cleaning must keep as body; every other line of the snippet must be left out.

mod common;

use wiretrace::clean::clean;

#[test]
fn chrome_cases() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, case) in common::load_dir("clean") {
        count += 1;
        let paste = case.str("paste");
        let kept: Vec<&str> = clean(0, paste)
            .iter()
            .flat_map(|a| a.paragraphs.iter())
            .flat_map(|p| p.of(paste).lines().map(str::trim).filter(|l| !l.is_empty()))
            .collect();
        let want = case.strs("body");
        if kept != want {
            failures.push(format!("{file}: {}\n  kept: {kept:#?}\n  want: {want:#?}", case.name));
        }
    }
    assert!(count >= 9, "cases found: {count}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
