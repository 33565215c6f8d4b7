//! Tests of the trace stage: credit cases and time cases from `tests/cases/credits/`, and the
//! origin rule measured on the fixtures' gold labels through the stage's own code paths (gold
//! article bodies, dates and members in, so the numbers do not depend on cleaning or matching).

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use wiretrace::clean::{self, Article, Field, Line, LineKind};
use wiretrace::page_time::{PageTime, ZoneSource};
use wiretrace::trace::{self, citations, registry, time, Role};
use wiretrace::{analyze, Input, Span};

/// Non-blank lines of `text` as trimmed spans.
fn text_lines(text: &str) -> Vec<Span> {
    let mut start = 0;
    let mut out = Vec::new();
    for raw in text.split_inclusive('\n') {
        let span = Span::new(start, start + raw.len()).trim(text);
        start += raw.len();
        if !span.is_empty() {
            out.push(span);
        }
    }
    out
}

/// An article over `span` of `text` whose lines carry no kind hints a cleaner would give: lines of
/// eight words or more (or long unspaced CJK lines) are body paragraphs, all others boilerplate.
/// Built here, not by the cleaning stage, so these tests measure the trace stage alone.
fn neutral_article(input: usize, text: &str, span: Span, published: Option<PageTime>) -> Article {
    let lines: Vec<Line> = text_lines(text)
        .into_iter()
        .filter(|l| span.contains(*l))
        .map(|l| {
            let s = l.of(text);
            // Chinese and Japanese prose has no spaces: count characters there.
            let prose = s.split_whitespace().count() >= 8 || s.chars().count() >= 30 && !s.contains(' ');
            let kind = if prose { LineKind::Body } else { LineKind::Boilerplate };
            Line { span: l, kind }
        })
        .collect();
    Article {
        input,
        span,
        title: None,
        byline: None,
        outlet: None,
        dateline: None,
        published: published.map(|value| Field { value, span: Span::default() }),
        paragraphs: lines.iter().filter(|l| l.kind == LineKind::Body).map(|l| l.span).collect(),
        lines,
    }
}

fn role_of(name: &str) -> Option<Role> {
    Some(match name {
        "credit" => Role::Credit,
        "dateline" => Role::Dateline,
        "byline" => Role::Byline,
        "cited" => Role::Cited,
        "photo" => Role::Photo,
        "mention" => Role::Mention,
        _ => return None,
    })
}

/// Credit cases (`tests/cases/credits/credit*.toml`): a `paste` and the credits it states,
/// `expect`: "Agency role" each, in any order.
#[test]
fn credit_cases() {
    let mut count = 0;
    let mut failures = Vec::new();
    for (file, case) in common::load_dir("credits").into_iter().filter(|(f, _)| f.starts_with("credit")) {
        let want: BTreeSet<(String, String)> = case
            .strs("expect")
            .iter()
            .map(|item| {
                let (agency, role) = item.trim().rsplit_once(' ').unwrap_or_else(|| panic!("{file} {}: '{item}'", case.name));
                assert!(role_of(role).is_some(), "{file} {}: role {role}", case.name);
                (agency.to_string(), role.to_string())
            })
            .collect();
        let text = case.str("paste").trim_end();
        count += 1;
        let article = neutral_article(0, text, Span::new(0, text.len()), None);
        let found = trace::credits::read(text, &article, Span::new(0, text.len()));
        let got: BTreeSet<(String, String)> =
            found.credits.iter().map(|c| (c.agency.clone(), serde_json::to_value(c.role).unwrap().as_str().unwrap().to_string())).collect();
        if got != want {
            failures.push(format!("{}: want {want:?}, got {got:?}", case.name));
        }
    }
    assert!(count >= 50, "only {count} credit cases");
    assert!(failures.is_empty(), "{} of {count} credit cases fail:\n{}", failures.len(), failures.join("\n"));
}

/// Citation cases (`citations.toml`): a `sentence` and the agencies it `cites` as its source.
#[test]
fn citation_cases() {
    let mut failures = Vec::new();
    for case in common::load("credits/citations.toml") {
        let sentence = case.str("sentence");
        let found = citations::scan(sentence, Span::new(0, sentence.len()), &[]);
        let got: Vec<&str> = citations::deepest(&found).iter().map(|c| registry::name(c.agency)).collect();
        let want = case.strs("cites");
        if got != want {
            failures.push(format!("{}: {sentence}\n    want {want:?}, got {got:?}", case.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Registry cases (`registry.toml`): a `text` and the canonical names of the agencies it names.
#[test]
fn registry_cases() {
    let mut failures = Vec::new();
    for case in common::load("credits/registry.toml") {
        let text = case.str("text");
        let got: Vec<&str> = registry::find(text, 0).iter().map(|m| registry::name(m.agency)).collect();
        let want = case.strs("agencies");
        if got != want {
            failures.push(format!("{}: {text}\n    want {want:?}, got {got:?}", case.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn parse_time(s: &str) -> PageTime {
    let s = s.trim();
    match chrono::DateTime::parse_from_rfc3339(s) {
        Ok(at) => PageTime::Instant { at, zone: ZoneSource::Printed },
        Err(_) => PageTime::Date(chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|_| panic!("time {s}"))),
    }
}

/// A time case's time: an instant with its offset, a zoneless clock time ("2024-02-12T00:06"),
/// or a bare date.
fn parse_when(s: &str) -> PageTime {
    match chrono::NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%dT%H:%M") {
        Ok(local) => PageTime::Zoneless(local),
        Err(_) => parse_time(s),
    }
}

/// Time cases (`time.toml`) that order times: `a` against `b`, the earliest of `times`, and
/// what relative days mean in an article of `date`.
#[test]
fn time_cases() {
    let mut failures = Vec::new();
    for case in common::load("credits/time.toml").into_iter().filter(|c| !c.has("pages")) {
        let got: String = if case.has("sentence") {
            let reference = chrono::NaiveDate::parse_from_str(case.str("date"), "%Y-%m-%d").expect("date");
            let got: Vec<String> = time::resolve_relative(case.str("sentence"), reference).into_iter().map(|(_, r)| r.describe()).collect();
            if got == case.strs("means") { continue } else { format!("{got:?}") }
        } else if case.has("times") {
            let times: Vec<PageTime> = case.strs("times").into_iter().map(parse_when).collect();
            let got = time::earliest(&times).map(|(w, ties)| std::iter::once(w).chain(ties).collect::<Vec<_>>()).unwrap_or_default();
            if got.iter().map(|&i| i as i64).eq(case.ints("want")) { continue } else { format!("{got:?}") }
        } else {
            let want = match case.str("want") {
                "earlier" => time::Order::Earlier,
                "tie" => time::Order::Tie,
                "later" => time::Order::Later,
                other => panic!("{}: want {other}", case.name),
            };
            let got = time::compare(&parse_when(case.str("a")), &parse_when(case.str("b")));
            if got == want { continue } else { format!("{got:?}") }
        };
        failures.push(format!("{}: got {got}", case.name));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Origin cases (`time.toml`): `pages`, each "Agency time" for an article credited by its
/// dateline ("-" for an undated one), and the agencies the `origin` names.
#[test]
fn origin_cases() {
    let mut failures = Vec::new();
    let mut count = 0;
    for case in common::load("credits/time.toml").into_iter().filter(|c| c.has("pages")) {
        let pages: Vec<(&str, &str)> = case.strs("pages").into_iter().map(|p| p.trim().rsplit_once(' ').expect("Agency time")).collect();
        // A zoneless time is printed on the page's first line, and kept as the cleaning stage keeps it.
        let zoneless = |when: &str| chrono::NaiveDateTime::parse_from_str(when, "%Y-%m-%dT%H:%M").ok();
        let texts: Vec<String> = pages
            .iter()
            .map(|(agency, when)| {
                let printed = zoneless(when).map_or(String::new(), |t| format!("{}\n", t.format("%-d %b %Y - %H:%M")));
                format!("{printed}CITY, Jan 1 ({agency}) - The minister said on Wednesday that the talks would resume next week.")
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let articles: Vec<Article> = pages
            .iter()
            .enumerate()
            .map(|(i, (_, when))| {
                let mut article = neutral_article(i, refs[i], Span::new(0, refs[i].len()), None);
                article.published = match zoneless(when) {
                    Some(t) => Some(Field { value: PageTime::Zoneless(t), span: Span::new(0, refs[i].find('\n').unwrap_or(0)) }),
                    None => (*when != "-").then(|| Field { value: parse_time(when), span: Span::default() }),
                };
                article
            })
            .collect();
        let mut candidates = Vec::new();
        for (i, article) in articles.iter().enumerate() {
            let read = trace::credits::read(refs[i], article, Span::new(0, refs[i].len()));
            candidates.extend(trace::candidates(refs[i], i, article, &read.credits, &read.claimed, Span::new(0, refs[i].len())));
        }
        let origin = trace::decide(&refs, &articles, &candidates);
        count += 1;
        if origin.agencies != case.strs("origin") {
            failures.push(format!("{}: got {:?} ({})", case.name, origin.agencies, origin.evidence));
        }
    }
    assert!(count >= 8, "only {count} origin cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---- the origin rule on the fixtures' gold ------------------------------------------------

struct GoldRun {
    credits_ok: usize,
    /// Articles whose publication time (with its offset) is the gold's.
    dates_ok: usize,
    articles: usize,
    origin_ok: usize,
    members: usize,
    misses: Vec<String>,
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect()
}

/// Where the articles of a gold run come from.
#[derive(Clone, Copy, PartialEq)]
enum Articles {
    /// Gold bodies, spans and dates, with no cleaner hints: measures the trace stage alone.
    Gold,
    /// What the cleaning stage finds, with its dates: measures the trace stage as it runs.
    Cleaned,
}

/// Runs credits and the origin rule on one fixture directory with gold members.
fn run_gold(dir: &Path, source: Articles) -> GoldRun {
    let gold: serde_json::Value = serde_json::from_str(&fs::read_to_string(dir.join("gold.json")).expect("gold")).expect("json");
    let mut files: Vec<String> = gold["articles"].as_array().unwrap().iter().map(|a| a["file"].as_str().unwrap().to_string()).collect();
    files.dedup();
    let texts: Vec<String> = files.iter().map(|f| fs::read_to_string(dir.join(f)).expect("fixture")).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let mut articles = Vec::new();
    let mut gold_credits = Vec::new();
    let mut gold_spans = Vec::new();
    let mut gold_dates = Vec::new();
    for g in gold["articles"].as_array().unwrap() {
        let input = files.iter().position(|f| f == g["file"].as_str().unwrap()).unwrap();
        let text = refs[input];
        let starts = line_starts(text);
        let line = |n: u64| starts[(n as usize) - 1];
        let first = g.get("title_line").and_then(|v| v.as_u64()).unwrap_or(g["main_body_first_line"].as_u64().unwrap());
        let last = g["main_body_last_line"].as_u64().unwrap() as usize;
        let end = text[starts[last - 1]..].find('\n').map_or(text.len(), |e| starts[last - 1] + e);
        let published = g["published"].as_str().map(parse_time);
        gold_dates.push(published.map(|p| wiretrace::report::article_iso(&p)));
        let span = Span::new(line(first.min(g["main_body_first_line"].as_u64().unwrap())), end);
        gold_spans.push((input, span));
        gold_credits.push(g["credited_agencies"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_lowercase()).collect::<BTreeSet<_>>());
        if source == Articles::Gold {
            let mut article = neutral_article(input, text, span, published);
            // Gold body lines are the paragraphs; everything else keeps no hint.
            let body = Span::new(line(g["main_body_first_line"].as_u64().unwrap()), end);
            article.paragraphs = article.lines.iter().filter(|l| body.contains(l.span) && l.kind == LineKind::Body).map(|l| l.span).collect();
            articles.push(article);
        }
    }
    if source == Articles::Cleaned {
        articles = refs.iter().enumerate().flat_map(|(i, t)| clean::clean(i, t)).collect();
    }
    let regions: Vec<Span> = (0..articles.len()).map(|i| trace::region(refs[articles[i].input], &articles, i)).collect();
    let read: Vec<_> = articles.iter().zip(&regions).map(|(a, r)| trace::credits::read(refs[a.input], a, *r)).collect();
    let mut run = GoldRun { credits_ok: 0, dates_ok: 0, articles: gold_spans.len(), origin_ok: 0, members: 0, misses: Vec::new() };
    for (g, &(input, span)) in gold_spans.iter().enumerate() {
        // The article that overlaps the gold article most.
        let overlap = |a: &Article| if a.input == input { a.span.end.min(span.end).saturating_sub(a.span.start.max(span.start)) } else { 0 };
        let Some(i) = (0..articles.len()).filter(|&i| overlap(&articles[i]) > 0).max_by_key(|&i| overlap(&articles[i])) else {
            run.misses.push(format!("{} gold article {g}: not found", dir.display()));
            continue;
        };
        let got: BTreeSet<String> = read[i].credits.iter().filter(|c| c.role.is_source()).map(|c| c.agency.to_lowercase()).collect();
        let date = articles[i].published.as_ref().map(|f| wiretrace::report::article_iso(&f.value));
        if date == gold_dates[g] {
            run.dates_ok += 1;
        } else {
            run.misses.push(format!("{} article {g} ({}): published want {:?} got {date:?}", dir.display(), files[input], gold_dates[g]));
        }
        if got == gold_credits[g] {
            run.credits_ok += 1;
        } else {
            run.misses.push(format!("{} article {g} ({}): credits want {:?} got {:?}", dir.display(), files[input], gold_credits[g], got));
        }
    }
    for claim in gold["claims"].as_array().unwrap() {
        let want: BTreeSet<String> = claim["origin_agency"]
            .as_str()
            .into_iter()
            .chain(claim["origin_alternatives"].as_array().unwrap().iter().filter_map(|v| v.as_str()))
            .map(str::to_lowercase)
            .collect();
        let mut candidates = Vec::new();
        for m in claim["members"].as_array().unwrap() {
            let input = files.iter().position(|f| f == m["file"].as_str().unwrap()).unwrap();
            let text = refs[input];
            let quote = m["quote"].as_str().unwrap();
            let Some(at) = text.find(quote) else { continue };
            let quote_span = Span::new(at, at + quote.len());
            let Some(a) = articles.iter().position(|a| a.input == input && a.span.contains(quote_span)) else { continue };
            if !articles[a].paragraphs.iter().any(|p| p.overlaps(quote_span)) {
                continue;
            }
            let paragraph = text_lines(text).into_iter().find(|l| l.overlaps(quote_span)).unwrap_or(quote_span);
            let sentence = wiretrace::segment::sentences(text, paragraph)
                .into_iter()
                .filter(|s| s.overlaps(quote_span))
                .fold(quote_span, |acc, s| Span::new(acc.start.min(s.start), acc.end.max(s.end)));
            candidates.extend(trace::candidates(text, a, &articles[a], &read[a].credits, &read[a].claimed, sentence));
        }
        let origin = trace::decide(&refs, &articles, &candidates);
        let n = claim["members"].as_array().unwrap().len();
        run.members += n;
        let ok = match origin.agencies.first() {
            None => want.is_empty(),
            Some(first) => want.contains(&first.to_lowercase()),
        };
        if ok {
            run.origin_ok += n;
        } else {
            run.misses.push(format!("{} {}: want {:?} got {:?} ({})", dir.display(), claim["id"], want, origin.agencies, origin.evidence));
        }
    }
    run
}

/// Credits right, dates right, articles, origins right, members, and what went wrong.
type Totals = (usize, usize, usize, usize, usize, Vec<String>);

fn run_all(source: Articles) -> Totals {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut dirs = vec![root.join("seeds")];
    let mut bundles: Vec<_> = fs::read_dir(root.join("bundles")).expect("bundles").filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_dir()).collect();
    bundles.sort();
    dirs.extend(bundles);
    let (mut credits_ok, mut dates_ok, mut articles, mut origin_ok, mut members, mut misses) = (0, 0, 0, 0, 0, Vec::new());
    for dir in &dirs {
        let run = run_gold(dir, source);
        credits_ok += run.credits_ok;
        dates_ok += run.dates_ok;
        articles += run.articles;
        origin_ok += run.origin_ok;
        members += run.members;
        misses.extend(run.misses);
    }
    (credits_ok, dates_ok, articles, origin_ok, members, misses)
}

/// The stage alone: gold articles and members in, the gold credits and origins out, all of them.
#[test]
fn origin_rule_on_gold_fixtures() {
    let (credits_ok, _, articles, origin_ok, members, misses) = run_all(Articles::Gold);
    eprintln!("gold-driven trace: credits {credits_ok}/{articles}, origin {origin_ok}/{members}\n{}", misses.join("\n"));
    assert_eq!(credits_ok, articles, "credits");
    assert_eq!(origin_ok, members, "origin");
}

/// With the cleaning stage's articles and dates (gold members still decide the clusters): the
/// trace stage as it runs, before matching. Loose bound on credits and origins: cleaning is
/// another stage; publication times, offsets included, must be the gold's (zones decide
/// origins across midnight).
#[test]
fn origin_rule_on_cleaned_fixtures() {
    let (credits_ok, dates_ok, articles, origin_ok, members, misses) = run_all(Articles::Cleaned);
    eprintln!("cleaned trace: credits {credits_ok}/{articles}, dates {dates_ok}/{articles}, origin {origin_ok}/{members}\n{}", misses.join("\n"));
    assert_eq!(dates_ok, articles, "publication times");
    assert!(credits_ok * 10 >= articles * 9, "credits {credits_ok}/{articles}");
    assert!(origin_ok * 10 >= members * 9, "origin {origin_ok}/{members}");
}

/// Credits of one very large pasted article are still read (its speed is in the benchmarks).
#[test]
fn large_paste_credits_are_read() {
    let seed = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds/002_51049b621e16652b.txt")).expect("seed");
    let text = seed.repeat(400_000 / seed.len() + 1);
    let article = neutral_article(0, &text, Span::new(0, text.len()), None);
    let found = trace::credits::read(&text, &article, Span::new(0, text.len()));
    assert!(found.credits.iter().any(|c| c.agency == "Reuters" && c.role == Role::Dateline));
}

/// An uncredited page that reuses an agency's wording gets an "inferred" credit, shown with its
/// passages and share, but it never becomes a candidate: an earlier copy does not outrank the
/// credited original.
#[test]
fn inferred_reuse_never_outranks_an_explicit_credit() {
    let original = "MOSCOW, March 12 (Reuters) - Ukraine's top army commander said that Kyiv's troops would continue operations in the Kursk region for as long as it was necessary and expedient to do so.";
    let copy = "Ukraine's top army commander said on Wednesday that Kyiv's troops would continue operations in the Kursk region for as long as it was necessary and expedient to do so, he added.";
    let texts = [original, copy];
    let articles = vec![
        neutral_article(0, original, Span::new(0, original.len()), Some(parse_time("2025-03-12T15:00:00+00:00"))),
        neutral_article(1, copy, Span::new(0, copy.len()), Some(parse_time("2025-03-12T09:00:00+00:00"))),
    ];
    let mut credits: Vec<Vec<trace::Credit>> = articles.iter().zip(texts).map(|(a, t)| trace::credits::read(t, a, Span::new(0, t.len())).credits).collect();
    let inferred = trace::reuse::infer(&texts, &articles, &credits);
    let reuse = inferred[1].first().expect("the copy gets an inferred credit");
    assert_eq!((reuse.agency.as_str(), reuse.role), ("Reuters", Role::Inferred));
    assert!(reuse.reuse.as_ref().is_some_and(|r| r.source == 0 && r.share > 0.5 && !r.passages.is_empty()));
    credits[1].extend(inferred[1].clone());
    let candidates: Vec<trace::Candidate> = (0..2)
        .flat_map(|i| trace::candidates(texts[i], i, &articles[i], &credits[i], &[], Span::new(0, texts[i].len())))
        .collect();
    assert!(candidates.iter().all(|c| c.article == 0), "the copy is no candidate");
    let origin = trace::decide(&texts, &articles, &candidates);
    assert_eq!(origin.agencies, ["Reuters"]);
    assert_eq!(origin.article, Some(0));
}

/// A page that prints its time without a zone is placed by the place its masthead names, and
/// the origin's evidence says the zone was not printed; with no place named, the clock time is
/// still kept and ordered as a window, never as a guessed instant.
#[test]
fn a_zoneless_time_is_placed_by_the_masthead_and_says_so() {
    let body = "Haller strikes late as Ivory Coast stun Nigeria to claim third Cup of Nations title\n\n12 Feb 2024 - 00:06 | Reuters\n\nABIDJAN, Feb 11 (Reuters) - Ivory Coast are champions of Africa after Sebastien Haller's goal nine minutes from time completed a 2-1 comeback win over Nigeria in Sunday's Cup of Nations final.\n\nNigeria had gone ahead in the 38th minute when their captain William Troost-Ekong met a flick-on from a corner with a powerful header.\n";
    let placed = format!("CAPE SPORTS REPORT\nSoccer | Rugby | Cricket | Athletics\n\n{body}");
    let unplaced = format!("SPORTS REPORT\nSoccer | Rugby | Cricket | Athletics\n\n{body}");
    for (text, want_iso, says) in [(placed.as_str(), "2024-02-12T00:06:00+02:00", true), (unplaced.as_str(), "2024-02-12", false)] {
        let articles = clean::clean(0, text);
        let article = articles.first().expect("an article");
        assert_eq!(article.published.as_ref().map(|f| wiretrace::report::article_iso(&f.value)).as_deref(), Some(want_iso));
        let read = trace::credits::read(text, article, trace::region(text, &articles, 0));
        let sentence = Span::new(text.find("ABIDJAN").unwrap(), text.find("final.").unwrap() + 6);
        let candidates = trace::candidates(text, 0, article, &read.credits, &read.claimed, sentence);
        let origin = trace::decide(&[text], &articles, &candidates);
        assert_eq!(origin.agencies, ["Reuters"]);
        assert_eq!(origin.evidence.contains("prints its time without a zone"), says, "{}", origin.evidence);
        if !says {
            assert_eq!(origin.published.as_ref().map(wiretrace::report::iso).as_deref(), Some("2024-02-12T00:06:00"));
            assert!(origin.evidence.contains("no time zone printed"), "{}", origin.evidence);
        }
    }
}

/// The evidence says a zone was taken from the outlet's base exactly when the cleaning stage
/// took it so, wherever the clock stands: before the date with no zone printed, or after the
/// date with the zone printed between them.
#[test]
fn the_evidence_says_a_zone_was_inferred_only_when_it_was() {
    let page = |masthead: &str, printed: &str| {
        format!(
            "{masthead}\nWorld | Business | Sport\n\nIvory Coast stun Nigeria to claim third Cup of Nations title\n\n{printed} | Reuters\n\nABIDJAN, Feb 11 (Reuters) - Ivory Coast are champions of Africa after Sebastien Haller's goal completed a 2-1 comeback win over Nigeria in Sunday's Cup of Nations final.\n\nNigeria had gone ahead in the 38th minute through their captain William Troost-Ekong.\n"
        )
    };
    let cases = [
        (page("SPACE COAST NEWS | Cape Canaveral", "5:12 PM, February 11, 2024"), "2024-02-11T17:12:00-05:00", true),
        (page("WORLD WIRE REPORT", "Mar 19, 2024 (Tokyo) 12:41"), "2024-03-19T12:41:00+09:00", false),
        (page("WORLD WIRE REPORT", "5:12 PM EST, February 11, 2024"), "2024-02-11T17:12:00-05:00", false),
    ];
    for (text, want_iso, says) in &cases {
        let articles = clean::clean(0, text);
        let article = articles.first().expect("an article");
        assert_eq!(article.published.as_ref().map(|f| wiretrace::report::article_iso(&f.value)).as_deref(), Some(*want_iso), "{text}");
        let read = trace::credits::read(text, article, trace::region(text, &articles, 0));
        let sentence = Span::new(text.find("ABIDJAN").unwrap(), text.find("final.").unwrap() + 6);
        let candidates = trace::candidates(text, 0, article, &read.credits, &read.claimed, sentence);
        let origin = trace::decide(&[text.as_str()], &articles, &candidates);
        assert_eq!(origin.agencies, ["Reuters"]);
        assert_eq!(origin.evidence.contains("prints its time without a zone"), *says, "{}", origin.evidence);
    }
}

/// A headline decides a claim's origin only where no sentence of a dated, credited page does:
/// the desk of each outlet writes its own headlines, while the body carries the agency's copy.
#[test]
fn a_headline_decides_only_where_no_body_sentence_does() {
    let reuters = "Putin orders army to eject last Ukrainian troops from Russian territory\n\nMarch 12, 2025\n\nMOSCOW, March 12 (Reuters) - Russian forces retook the town of Sudzha on Wednesday, the defence ministry said, in a blow to Kyiv's hopes of a bargaining chip.\n\nThe town had been held by Ukrainian forces since August, when they crossed the border in a surprise attack.\n";
    let blog = "Putin in Kursk: what we know\n\nRussian state news agency TASS reported that Mr. Putin ordered the Russian army to eject the remaining Ukrainian troops from Russian territory.\n\nThe offensive into the region had begun in August, when thousands of soldiers crossed the border.\n";
    let afp = "Putin visits the front in Kursk\n\nMarch 13, 2025\n\nMOSCOW (AFP) - President Vladimir Putin ordered his army on Thursday to eject the last Ukrainian troops from Russian territory, state television showed.\n\nHe wore military fatigues for the visit to a command post near the border.\n";
    let origin_of_blog_claim = |inputs: &[Input]| {
        let report = analyze(inputs);
        let claim = report.claims.iter().find(|c| c.mentions.iter().any(|m| m.text.contains("remaining Ukrainian troops"))).expect("the blog's claim");
        let headline_mentions = claim.mentions.iter().filter(|m| m.headline && m.article == "a0").count();
        (claim.origin.agencies.clone(), claim.origin.evidence.clone(), headline_mentions)
    };
    let (agencies, evidence, headlines) = origin_of_blog_claim(&[Input::new("reuters.txt", reuters), Input::new("blog.txt", blog)]);
    assert_eq!(agencies, ["Reuters"], "{evidence}");
    assert_eq!(headlines, 1);
    assert!(evidence.contains("so a headline decides"), "{evidence}");
    // The body's own citation is still explained: it names TASS, but its page has no date.
    assert!(evidence.contains("names TASS as the source"), "{evidence}");
    // A later body sentence of a credited page outranks the earlier headline.
    let (agencies, evidence, _) = origin_of_blog_claim(&[Input::new("reuters.txt", reuters), Input::new("blog.txt", blog), Input::new("afp.txt", afp)]);
    assert_eq!(agencies, ["AFP"], "{evidence}");
    assert!(!evidence.contains("so a headline decides"), "{evidence}");
    // The earlier headline is not hidden: the evidence says why it did not count.
    assert!(evidence.contains("A headline says it earlier (Reuters"), "{evidence}");
}
