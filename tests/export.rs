//! The exports on a real bundle and on hostile pastes: CSV parses back to the report's mentions,
//! Markdown keeps its own structure and none from the pastes.

use wiretrace::{analyze, export, Input};

fn bundle() -> Vec<Input> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bundles/afcon-final-2024");
    let mut names: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    names.sort();
    names.iter().map(|p| Input::new(p.file_name().unwrap().to_string_lossy(), std::fs::read_to_string(p).unwrap())).collect()
}

fn hostile() -> Vec<Input> {
    let text = "# Fake heading\n\nLONDON (Reuters) - =HYPERLINK(\"http://x\") said the minister, \"we will <script>alert(1)</script> pay 40 million dollars\", on Monday.\n\n| a | b |\n\n- [click](javascript:alert(1)) and *this*";
    vec![Input::new("one, \"two\".txt", text), Input::new("=cmd|' /C calc'!A0", text)]
}

fn parse(csv_text: &str) -> Vec<csv::StringRecord> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(csv_text.as_bytes());
    reader.records().map(|r| r.expect("valid CSV")).collect()
}

#[test]
fn csv_has_one_row_per_mention_that_parses_back() {
    let report = analyze(&bundle());
    let rows = parse(&export::csv(&report, Some("afcon, final")));
    assert_eq!(rows[0].iter().collect::<Vec<_>>(), export::CSV_HEADER);
    let mentions: usize = report.claims.iter().map(|c| c.mentions.len()).sum();
    assert!(mentions > 10);
    assert_eq!(rows.len(), mentions + 1);
    // Every mention's text comes back exactly, under its claim, with the story in column one.
    for claim in &report.claims {
        for m in &claim.mentions {
            assert!(rows.iter().any(|r| &r[1] == claim.id && r[8] == m.text && &r[0] == "afcon, final"), "{} missing", m.text);
        }
    }
    let shared = report.claims.iter().find(|c| c.is_shared() && !c.origin.agencies.is_empty()).expect("a traced shared claim");
    let row = rows.iter().find(|r| &r[1] == shared.id).unwrap();
    assert_eq!(&row[7], shared.origin.agencies.join("; "));
    assert!(row[4].ends_with(".txt"), "article column names the paste: {}", &row[4]);
}

#[test]
fn csv_of_hostile_pastes_parses_back_and_guards_formulas() {
    let report = analyze(&hostile());
    let text = export::csv(&report, None);
    let rows = parse(&text);
    assert!(rows.len() > 1);
    assert!(rows.iter().all(|r| r.len() == export::CSV_HEADER.len()));
    for row in &rows {
        for field in row.iter() {
            assert!(!field.starts_with(['=', '+', '-', '@']), "unguarded formula cell {field:?}");
        }
    }
    assert!(rows.iter().any(|r| &r[4] == "'=cmd|' /C calc'!A0"));
    assert!(rows.iter().any(|r| &r[4] == "one, \"two\".txt"));
}

#[test]
fn markdown_has_its_sections_and_one_heading_per_claim() {
    let report = analyze(&bundle());
    let md = export::markdown(&report);
    assert!(md.starts_with("# wiretrace report\n"));
    assert!(md.contains("\n## Verdict\n") && md.contains("\n## Articles\n") && md.contains("\n## Claims\n"));
    assert_eq!(md.lines().filter(|l| l.starts_with("### c")).count(), report.claims.len());
    assert_eq!(md.lines().filter(|l| l.starts_with("# ")).count(), 1);
}

/// The verdict as read back from the Markdown: the summary, each agency with its shared claims,
/// and each article's line split into its fields.
struct ReadVerdict {
    summary: String,
    agencies: Vec<(String, usize)>,
    articles: Vec<(String, f32, String, String, String)>,
}

fn read_verdict(md: &str) -> ReadVerdict {
    let section = md.split("\n## Verdict\n\n").nth(1).expect("a verdict section");
    let section = section.split("\n## ").next().unwrap();
    let mut blocks = section.split("\n\n").filter(|b| !b.trim().is_empty());
    let summary = blocks.next().expect("a summary").to_string();
    let (mut agencies, mut articles) = (Vec::new(), Vec::new());
    for line in blocks.flat_map(str::lines) {
        let (name, rest) = line.strip_prefix("- ").expect("a list item").split_once(": ").unwrap();
        if let Some(claims) = rest.strip_suffix(" shared claims").or(rest.strip_suffix(" shared claim")) {
            agencies.push((name.to_string(), claims.parse().unwrap()));
            continue;
        }
        let (percent, rest) = rest.split_once("% agency wording (").unwrap();
        let (agency, rest) = rest.split_once("); first with: ").unwrap();
        let (first, only) = rest.split_once("; only here: ").unwrap();
        articles.push((name.into(), percent.parse().unwrap(), agency.into(), first.into(), only.into()));
    }
    ReadVerdict { summary, agencies, articles }
}

#[test]
fn markdown_gives_the_verdict_first_and_it_parses_back() {
    let report = analyze(&bundle());
    let md = export::markdown(&report);
    assert!(md.find("## Verdict").unwrap() < md.find("## Articles").unwrap());
    let read = read_verdict(&md);
    let verdict = &report.verdict;
    assert!(verdict.summary.starts_with("Mostly from "), "{}", verdict.summary);
    assert_eq!(read.summary, export::escape_markdown(&verdict.summary));
    let tallies: Vec<(String, usize)> = verdict.agencies.iter().map(|t| (t.agency.clone(), t.claims)).collect();
    assert!(!tallies.is_empty());
    assert_eq!(read.agencies, tallies);
    assert_eq!(read.articles.len(), verdict.articles.len());
    let listed = |items: &[String]| if items.is_empty() { "none".to_string() } else { items.join(", ") };
    for ((article, percent, agencies, first, only), expected) in read.articles.iter().zip(&verdict.articles) {
        assert_eq!(article, &expected.article);
        assert!((percent / 100.0 - expected.agency_share).abs() < 0.001, "{article}: {percent}% for {}", expected.agency_share);
        assert_eq!(
            [agencies, first, only].map(String::as_str),
            [listed(&expected.agencies), listed(&expected.first), listed(&expected.only_here)].each_ref().map(String::as_str)
        );
    }
    assert!(verdict.articles.iter().any(|a| a.agency_share > 0.0), "no article follows an agency in the bundle");
}

#[test]
fn markdown_of_hostile_pastes_injects_no_structure() {
    let report = analyze(&hostile());
    let md = export::markdown(&report);
    assert!(!report.claims.is_empty());
    // Only the report's own headings, no raw tag, link or table from the pastes.
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(headings.len(), 4 + report.claims.len(), "{headings:?}");
    for mark in ["<", "](", "*", "|", "&"] {
        let unescaped = md.match_indices(mark).any(|(at, _)| !md[..at].ends_with('\\'));
        assert!(!unescaped, "unescaped {mark:?} in {md}");
    }
    assert!(md.contains(r"\<script\>"));
    // Every line from a paste stays on a line the report started.
    for line in md.lines().filter(|l| !l.is_empty()) {
        let ours = ["#", "> ", "- ", "  - ", "Speaker: ", "Origin evidence: "].iter().any(|p| line.starts_with(p));
        let summary = line == export::escape_markdown(&report.verdict.summary);
        assert!(ours || summary || line.starts_with(char::is_numeric), "stray line {line:?}");
    }
}
