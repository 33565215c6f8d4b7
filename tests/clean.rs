//! Cleaning on the seeds and the development bundles, checked against their gold labels
//! (copied into tests/fixtures): every article found, no extra one, exact titles, publication
//! dates (the page's local date), and the body: every gold body line kept, nothing kept outside
//! the gold range except captions (which the gold lets go either way).

use serde_json::Value;
use std::fs;
use std::path::Path;
use wiretrace::clean::{clean, Article};

fn line_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        out.push((pos, pos + line.len()));
        pos += line.len() + 1;
    }
    out
}

/// Checks one gold set: `dir` holds the pastes and gold.json. Returns (kept body lines that are
/// gold, gold body lines, kept lines outside gold).
fn check(dir: &Path) -> (usize, usize, usize) {
    let gold: Value = serde_json::from_str(&fs::read_to_string(dir.join("gold.json")).unwrap()).unwrap();
    let golds = gold["articles"].as_array().unwrap();
    let mut files: Vec<&str> = golds.iter().map(|g| g["file"].as_str().unwrap()).collect();
    files.dedup();
    let (mut hit, mut want, mut extra) = (0, 0, 0);
    for file in files {
        let text = fs::read_to_string(dir.join(file)).unwrap();
        let articles = clean(0, &text);
        let expected: Vec<&Value> = golds.iter().filter(|g| g["file"] == file).collect();
        assert_eq!(articles.len(), expected.len(), "{file}: articles");
        let lines = line_spans(&text);
        for (a, g) in articles.iter().zip(&expected) {
            assert_eq!(a.title.as_ref().map(|t| t.value.as_str()), g["title"].as_str(), "{file}: title");
            let date = a.published.as_ref().map(|p| p.value.local_date().format("%Y-%m-%d").to_string());
            assert_eq!(date.as_deref(), g["published"].as_str().map(|d| &d[..10]), "{file}: published");
            let (h, w, e) = body_lines(&text, &lines, a, g);
            hit += h;
            want += w;
            extra += e;
        }
    }
    (hit, want, extra)
}

fn body_lines(text: &str, lines: &[(usize, usize)], a: &Article, g: &Value) -> (usize, usize, usize) {
    let first = g["main_body_first_line"].as_u64().unwrap() as usize;
    let last = g["main_body_last_line"].as_u64().unwrap() as usize;
    let listed = |key: &str, n: usize| g[key].as_array().is_some_and(|v| v.iter().any(|x| x.as_u64() == Some(n as u64)));
    let kept: Vec<usize> = (1..=lines.len())
        .filter(|&n| {
            let (s, e) = lines[n - 1];
            e > s && text[s..e].trim() != "" && a.paragraphs.iter().any(|p| p.start < e && s < p.end)
        })
        .collect();
    let caption_like = |n: usize| {
        let (s, e) = lines[n - 1];
        let line = text[s..e].trim();
        line.split_whitespace().count() < 8 || line.ends_with(')')
    };
    let gold: Vec<usize> = (first..=last)
        .filter(|&n| {
            let (s, e) = lines[n - 1];
            text[s..e].trim() != "" && !listed("not_body_lines", n) && !listed("optional_lines", n) && !caption_like(n)
        })
        .collect();
    let hit = gold.iter().filter(|n| kept.contains(n)).count();
    let extra = kept
        .iter()
        .filter(|&&n| !(first..=last).contains(&n) && !listed("optional_lines", n))
        .count();
    (hit, gold.len(), extra)
}

#[test]
fn seeds_articles_titles_dates_and_body() {
    let (hit, want, extra) = check(Path::new("tests/fixtures/seeds"));
    assert_eq!(hit, want, "gold body lines kept");
    assert_eq!(extra, 0, "lines kept outside the body");
}

#[test]
fn bundles_articles_titles_dates_and_body() {
    let mut totals = (0, 0, 0);
    for entry in fs::read_dir("tests/fixtures/bundles").unwrap() {
        let dir = entry.unwrap().path();
        if dir.join("gold.json").exists() {
            let (h, w, e) = check(&dir);
            totals = (totals.0 + h, totals.1 + w, totals.2 + e);
        }
    }
    let (hit, want, extra) = totals;
    assert!(hit * 100 >= want * 98, "recall {hit}/{want}");
    assert!(extra * 100 <= hit * 2, "kept outside the body: {extra}");
}

#[test]
fn the_site_date_and_related_dates_are_not_the_article_date() {
    let text = "Example Post\nToday: March 16, 2025\n\nA headline about a visit to the region\nMarch 12, 2025\n\n\
                The president visited the region on Wednesday, officials said in a statement released later.\n\n\
                He met commanders and spoke about the situation at the border with reporters there.\n\n\
                Related\nAn older story about something else entirely\nJanuary 2, 2024\n";
    let a = &clean(0, text)[0];
    assert_eq!(wiretrace::report::article_iso(&a.published.as_ref().unwrap().value), "2025-03-12");
    assert_eq!(a.title.as_ref().unwrap().value, "A headline about a visit to the region");
}

#[test]
fn updated_never_replaces_the_publication_time() {
    // The publication time above the headline, without a word saying so; the update below it.
    let text = format!("THE COASTAL COURIER\n05/03/2024 09:40 GMT\n\nA harbour crane collapses during a storm\nUpdated 06/03/2024 11:02 GMT\n\n\
{CRANE_BODY}");
    assert_eq!(published_iso(&text), "2024-03-05T09:40:00+00:00");
    // Both on one line: each date keeps the clock printed after it.
    let text = format!("A harbour crane collapses during a storm\nPublished 05/03/2024 09:40 GMT, updated 06/03/2024 11:02 GMT\n\n\
{CRANE_BODY}");
    assert_eq!(published_iso(&text), "2024-03-05T09:40:00+00:00");
}

/// The body of the harbour crane pages of the tests on publication times.
const CRANE_BODY: &str = "A crane at the container harbour collapsed on Tuesday as winds reached storm force, the port authority said.\n\n\
                          Nobody was hurt, and the harbour reopened for ships in the afternoon, a spokesman told reporters there.\n";

/// The publication time the cleaner finds in `text`, as the report writes it.
fn published_iso(text: &str) -> String {
    let a = &clean(0, text)[0];
    wiretrace::report::article_iso(&a.published.as_ref().expect("a publication time").value)
}

#[test]
fn a_clock_under_the_date_is_kept() {
    let text = format!("A harbour crane collapses during a storm\n5 March 2024\n10:32 AM EST\n\n\
{CRANE_BODY}");
    assert_eq!(published_iso(&text), "2024-03-05T10:32:00-05:00");
}

#[test]
fn offsets_printed_on_the_page_are_kept() {
    let text = "Japan's central bank ends negative interest rate policy\n\nSource: Xinhua | 2024-03-19 16:20:41 | Editor: Zhou Lan\n\n\
                TOKYO, March 19 (Xinhua) -- Japan's central bank announced on Tuesday that it was scrapping negative interest rates.\n\n\
                The Bank of Japan will now steer the short-term rate within a band of zero to 0.1 percent, the statement said.\n";
    let a = &clean(0, text)[0];
    assert_eq!(wiretrace::report::article_iso(&a.published.as_ref().unwrap().value), "2024-03-19T16:20:41+08:00");
    assert_eq!(a.dateline.as_ref().unwrap().value, "TOKYO");
}

#[test]
fn a_broken_paragraph_is_one_span_over_both_lines() {
    let text = fs::read_to_string("tests/fixtures/seeds/003_b86c41c9acf52fc5.txt").unwrap();
    let a = &clean(0, &text)[0];
    let joined = a
        .paragraphs
        .iter()
        .map(|p| &text[p.start..p.end])
        .find(|p| p.contains("over the last five days, chief"))
        .unwrap();
    assert!(joined.ends_with("told the Kremlin leader."), "{joined}");
    assert!(a
        .paragraphs
        .iter()
        .all(|p| text.is_char_boundary(p.start) && text.is_char_boundary(p.end)));
}

#[test]
fn the_outlet_comes_from_the_masthead_the_copyright_line_or_a_labelled_url() {
    let outlet = |text: &str| clean(0, text).first().and_then(|a| a.outlet.as_ref()).map(|o| o.value.clone());
    let body = "\n\nA headline about a visit to the region\nMarch 12, 2025\n\n\
                The president visited the region on Wednesday, officials said in a statement released later.\n\n\
                He met commanders and spoke about the situation at the border with reporters there.\n";
    assert_eq!(outlet(&format!("The Riverside Courier\nU.S. World Business Lifestyle{body}")).as_deref(), Some("The Riverside Courier"));
    assert_eq!(outlet(&format!("RIVERSIDE COURIER\nHome | News | Sport{body}")).as_deref(), Some("Riverside Courier"));
    assert_eq!(outlet(&format!("Skip to content{body}\n© 2025 Riverside Courier. All rights reserved.\n")).as_deref(), Some("Riverside Courier"));
    assert_eq!(
        outlet(&format!("Skip to content{body}\nOriginal url:\n\nhttps://www.riverside-courier.com/2025/03/12/visit a88338\n")).as_deref(),
        Some("riverside-courier.com")
    );
    // A headline in title case is not a masthead, and a link in the text is not the page's address.
    assert_eq!(outlet(&format!("Putin Visits The Region\nMarch 12, 2025{body}See https://example.com/report\n")), None);
}

/// A gallery's counter and a time stamp are repeated or headline-shaped lines, never the title;
/// a headline in a script without spaces still is one.
#[test]
fn counters_and_time_stamps_are_no_titles() {
    let gallery = "Image 1 of 13\nCaption\nClose\nImage 1 of 13\nSeven key questions heading into the debate\nPublished 11:26 pm EST, Tuesday, November 19, 2019\n\nThe candidates meet on Wednesday night in Atlanta for a debate that could reshape the race, with several of them needing a strong showing to stay in it.\n\nThe moderators are expected to press them on health care and foreign policy.\n";
    let stamped = "Opinion\n14:53 GMT 20 November 2019\nby Jane Doe\n\nThe government's plan to cut the budget again has drawn criticism from every side, and the minister has so far declined to answer it in parliament.\n\nCritics say the cuts would fall hardest on the regions that can least afford them.\n";
    let japanese = "ニュース\n東京で新しい美術館が開館した\n2019年11月20日\n\n東京都心に新しい美術館が二十日に開館し、初日から多くの来場者が訪れた。館長は地域の文化の拠点にしたいと話した。\n\n展示は来年の春まで続く予定で、週末には子ども向けの催しも開かれる。\n";
    let title = |text: &str| wiretrace::clean::clean(0, text).first().and_then(|a| a.title.as_ref().map(|t| t.value.clone()));
    assert_eq!(title(gallery).as_deref(), Some("Seven key questions heading into the debate"));
    assert_ne!(title(stamped).as_deref(), Some("14:53 GMT 20 November 2019"));
    assert_eq!(title(japanese).as_deref(), Some("東京で新しい美術館が開館した"));
}

/// The site's own controls and services ("Advertise with Us", "Close the menu"), repeated in
/// its menus, are never the title.
#[test]
fn site_controls_are_no_titles() {
    let page = "Toggle dark mode\nAdvertise with Us\nPlace a Classified Ad\nClose the menu\nFind us on Facebook\nAdvertise with Us\nPlace a Classified Ad\nHarbor bridge reopens after two years of repairs\nUpdated 11:21 pm CST, Tuesday, November 19, 2019\n\nThe harbor bridge reopened to traffic on Tuesday after two years of repairs that cost the city far more than first planned, officials said.\n\nCommuters said the detour had added an hour to their days.\n";
    let articles = wiretrace::clean::clean(0, page);
    let title = articles.first().and_then(|a| a.title.as_ref()).map(|t| t.value.as_str());
    assert_eq!(title, Some("Harbor bridge reopens after two years of repairs"));
}

#[test]
fn one_pasted_paragraph_is_one_article_with_its_claims() {
    // Mostly capitalised names and titles: too few lower-case words to weigh as prose on a page.
    let text = "Current Chief Technology Officer Dana Whitfield and Group General Counsel Omar Reyes will report to Lee.";
    let articles = clean(0, text);
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].paragraphs.iter().map(|p| p.of(text)).collect::<Vec<_>>(), [text]);
    let report = wiretrace::analyze(&[wiretrace::Input::new("paragraph", text)]);
    assert!(!report.claims.is_empty(), "a pasted paragraph has its claims");
    // A line of chrome alone is still no article.
    assert!(clean(0, "Sign in to read the full story.").is_empty());
}
