//! Data-driven cases of page chrome (tests/cases/clean/*.txt): a paste snippet and the lines
//! cleaning must keep as body; every other line of the snippet must be left out.

use std::fs;
use wiretrace::clean::clean;

struct Case {
    name: String,
    paste: String,
    body: Vec<String>,
}

fn parse(file: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    let mut in_body = false;
    for line in file.lines() {
        if let Some(name) = line.strip_prefix("=== ") {
            cases.push(Case {
                name: name.to_string(),
                paste: String::new(),
                body: Vec::new(),
            });
            in_body = false;
        } else if line == "--- body" {
            in_body = true;
        } else if let Some(case) = cases.last_mut() {
            if in_body {
                if !line.trim().is_empty() {
                    case.body.push(line.to_string());
                }
            } else {
                case.paste.push_str(line);
                case.paste.push('\n');
            }
        }
    }
    cases
}

#[test]
fn chrome_cases() {
    let mut failures = Vec::new();
    let mut count = 0;
    for entry in fs::read_dir("tests/cases/clean").unwrap() {
        let path = entry.unwrap().path();
        for case in parse(&fs::read_to_string(&path).unwrap()) {
            count += 1;
            let articles = clean(0, &case.paste);
            let kept: Vec<String> = articles
                .iter()
                .flat_map(|a| a.paragraphs.iter())
                .flat_map(|p| {
                    case.paste[p.start..p.end]
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(String::from)
                        .collect::<Vec<_>>()
                })
                .collect();
            if kept != case.body {
                failures.push(format!(
                    "{}: {}\n  kept: {:#?}\n  want: {:#?}",
                    path.display(),
                    case.name,
                    kept,
                    case.body
                ));
            }
        }
    }
    assert!(count >= 9, "cases found: {count}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
