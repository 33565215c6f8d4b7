//! End to end: the example, permalinks, markup in pastes, Clear all and a long analysis, driven
//! in the built page as a person would (the harness is `lib.rs`).

use fantoccini::Locator;
use serde_json::{json, Value};
use std::time::Duration;
use wiretrace_e2e::*;
#[tokio::test]
async fn the_example_report_equals_the_cli_and_its_permalink_reopens_it() {
    let site = Site::start();
    let page = site.browser().await;
    let outcome = analyse_the_example(&site, &page).await;
    page.close().await;
    let (link, shown) = outcome.unwrap_or_else(|error| panic!("{error}"));

    let page = site.browser().await;
    let outcome = reopen(&page, &link, &shown).await;
    finish(page, outcome).await;
}

/// Opens the page on a first visit, which shows the example analysed; analyses it again after
/// "Load example", checks the download against the CLI, makes a permalink; returns the link and
/// the report's text.
async fn analyse_the_example(site: &Site, page: &Browser) -> Result<(String, String), Box<dyn std::error::Error>> {
    let expected = cli_report();
    let (expected_articles, expected_claims) = counts(&expected)?;
    page.client.goto(&site.base).await?;
    page.wait_for_report("on a first visit, with nothing pressed").await?;
    let names: Vec<String> = page.pastes().await?.into_iter().map(|(name, _)| name).collect();
    ensure!(names == seed_names(), "a first visit opens on the pastes {names:?}, not the example's");
    let articles = page.client.find_all(Locator::Css(".article-card")).await?.len();
    let claims = page.client.find_all(Locator::Css(".claim-card")).await?.len();
    ensure!(
        (articles, claims) == (expected_articles, expected_claims) && claims > 0,
        "a first visit shows {articles} articles and {claims} claims, the CLI {expected_articles} and {expected_claims}"
    );
    let first = page.text("#analysis-time").await?;
    let shown = page.report_text().await?;

    page.click("#load-example").await?;
    ensure!(page.client.find_all(Locator::Css(".results")).await?.is_empty(), "Load example kept the old report");
    page.script(WATCH_FRAMES_FOR_ANALYSING).await?;
    page.analyze().await?;
    let painted = page.script("return window.__framesWithAnalysing;").await?;
    ensure!(painted.as_u64() > Some(0), "\"Analysing…\" was never on screen before the report ({painted})");
    let again = page.report_text().await?;
    ensure!(again == shown, "Load example then Analyze shows another report than the first visit:\n{again}\n--- was\n{shown}");
    // The first run also builds the core's lazily compiled tables; a second shows the steady cost.
    println!(
        "e2e: the page analysed the example ({claims} claims): first {first}, again {}",
        page.text("#analysis-time").await?
    );

    page.script(CAPTURE_DOWNLOADS).await?;
    page.click("#download-json").await?;
    let downloaded = page.client.execute_async(FIRST_DOWNLOAD_BYTES, vec![]).await?;
    let downloaded: Vec<u8> =
        serde_json::from_value(downloaded.clone()).map_err(|_| format!("no download captured: {downloaded}"))?;
    ensure!(
        downloaded == expected,
        "Download JSON differs from `wiretrace analyze --json`:\n--- page\n{}\n--- cli\n{}",
        String::from_utf8_lossy(&downloaded),
        String::from_utf8_lossy(&expected)
    );

    page.click("#share").await?;
    let link = page.wait_for("#share-link").await?.prop("value").await?.unwrap_or_default();
    let address = page.client.current_url().await?;
    ensure!(address.as_str() == link, "the address bar shows {address}, the share box {link}");
    ensure!(address.fragment().is_some_and(|f| f.starts_with("v2.")), "no v2 permalink in {address}");
    Ok((link, page.report_text().await?))
}

/// Opens `link` in a fresh browser (no drafts) and expects the same report.
async fn reopen(page: &Browser, link: &str, shown: &str) -> Outcome {
    page.client.goto(link).await?;
    page.wait_for(".claim-card").await?;
    let reopened = page.report_text().await?;
    ensure!(reopened == shown, "the permalink shows a different report:\n{reopened}\n--- was\n{shown}");
    Ok(())
}

#[tokio::test]
async fn a_damaged_permalink_shows_a_plain_message() {
    let site = Site::start();
    let good = wiretrace::permalink::encode(&[wiretrace::Input::new(
        "a.txt",
        "MOSCOW (Reuters) - Putin said 430 soldiers were captured.",
    )]);
    for damaged in [&good[..good.len() - 7], "v9.from-the-future", "v1.not*base64"] {
        let page = site.browser().await;
        let outcome = expect_plain_message(site.base.as_str(), &page, damaged).await;
        finish(page, outcome).await;
    }
}

async fn expect_plain_message(base: &str, page: &Browser, damaged: &str) -> Outcome {
    let expected = wiretrace::permalink::decode(damaged).err().ok_or("the link is not damaged")?.to_string();
    page.client.goto(&format!("{base}/#{damaged}")).await?;
    let message = page.text("#notice-text").await?;
    ensure!(message == expected, "for #{damaged} the page says {message:?}, expected {expected:?}");
    ensure!(page.client.find_all(Locator::Css(".results")).await?.is_empty(), "a damaged link shows a report");
    Ok(())
}

#[tokio::test]
async fn markup_in_a_paste_is_shown_as_text_and_drafts_survive_a_reload() {
    let site = Site::start();
    let page = site.browser().await;
    let outcome = paste_markup(&site, &page).await;
    finish(page, outcome).await;
}

async fn paste_markup(site: &Site, page: &Browser) -> Outcome {
    let name = "<b>bold</b> name";
    let text = "Blast hits city <img src=x onerror=\"window.__pwned=1\">\n\n\
        LONDON (Reuters) - The minister said 40 people were hurt <script>window.__pwned=1</script> in the blast on Monday.\n\
        \"We will rebuild <img src=x onerror=\"window.__pwned=1\">,\" the mayor said.\n";
    page.client.goto(&site.base).await?;
    page.click("#clear-all").await?;
    let name_field = page.wait_for(".paste-name").await?;
    name_field.clear().await?;
    name_field.send_keys(name).await?;
    page.wait_for(".paste-text").await?.send_keys(text).await?;
    page.analyze().await?;
    tokio::time::sleep(Duration::from_millis(500)).await;

    let pwned = page.script("return typeof window.__pwned;").await?;
    ensure!(pwned == json!("undefined"), "markup in a paste ran: window.__pwned is {pwned}");
    let elements = page.script("return document.querySelectorAll('main img, main script, main b').length;").await?;
    ensure!(elements == json!(0), "markup in a paste became {elements} elements");
    let report = page.text(".results").await?;
    ensure!(
        report.contains("<script>window.__pwned=1</script>") || report.contains("<img src=x onerror="),
        "the markup is not shown as text in the report:\n{report}"
    );

    page.client.refresh().await?;
    let kept_name = page.wait_for(".paste-name").await?.prop("value").await?.unwrap_or_default();
    let kept_text = page.wait_for(".paste-text").await?.prop("value").await?.unwrap_or_default();
    ensure!(kept_name == name, "after a reload the name is {kept_name:?}");
    ensure!(kept_text == text, "after a reload the paste is {kept_text:?}");
    Ok(())
}

#[tokio::test]
async fn a_paste_with_the_clipboards_html_is_cleaned_by_its_markup_and_kept_in_drafts_and_links() {
    let site = Site::start();
    let page = site.browser().await;
    let outcome = paste_with_html(&site, &page).await;
    finish(page, outcome).await;
}

/// A copy's two forms: the text, with a list of other stories between its paragraphs, and the
/// markup that marks that list as navigation (`tests/fixtures/clipboard/`).
const NAV_TEXT: &str = include_str!("../../fixtures/clipboard/nav.txt");
const NAV_HTML: &str = include_str!("../../fixtures/clipboard/nav.html");

/// Pastes `arguments[0]` (text/plain) with `arguments[1]` (text/html) into the first area as
/// Chromium's paste does: a ClipboardEvent holding both, then the browser's insertion of the
/// text and its input event (a script's event is not inserted by the browser itself).
const PASTE_WITH_HTML: &str = "const area = document.querySelector('.paste-text');
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', arguments[0]);
    clipboardData.setData('text/html', arguments[1]);
    area.focus();
    area.select();
    const paste = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });
    area.dispatchEvent(paste);
    if (!paste.defaultPrevented) {
        area.value = arguments[0];
        area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }";

async fn paste_with_html(site: &Site, page: &Browser) -> Outcome {
    page.client.goto(&site.base).await?;
    page.click("#clear-all").await?;
    page.wait_for(".paste-text").await?;
    page.client.execute(PASTE_WITH_HTML, vec![json!(NAV_TEXT), json!(NAV_HTML)]).await?;
    page.analyze().await?;
    let report = page.report_text().await?;
    ensure!(report.contains("The terminal will cost 40 million euros"), "the article's body is not in the report:\n{report}");
    ensure!(!report.contains("Fishermen say new quotas"), "a story of the list the markup marks as navigation is a claim:\n{report}");
    page.wait_until(&format!("return ({DRAFTS} || '').includes('story-links');"), "the markup saved in the drafts").await?;

    // The link carries the markup: opened afresh, it is cleaned the same way.
    page.click("#share").await?;
    let link = page.wait_for("#share-link").await?.prop("value").await?.unwrap_or_default();
    page.client.goto("about:blank").await?;
    page.client.goto(&link).await?;
    page.wait_for_report("on opening the link").await?;
    let reopened = page.report_text().await?;
    ensure!(reopened == report, "the link's report differs:\n{reopened}\n---\n{report}");
    Ok(())
}

#[tokio::test]
async fn clear_all_empties_the_page_undo_brings_it_back_and_the_example_comes_back_when_loaded() {
    let site = Site::start();
    let page = site.browser().await;
    let outcome = clear_and_reload(&site, &page).await;
    finish(page, outcome).await;
}

/// What the page keeps in local storage (`src/web/drafts.rs`).
/// This tab's drafts: under the tab's id, which its session storage keeps.
const DRAFTS: &str = "localStorage.getItem('wiretrace.drafts.v2.' + sessionStorage.getItem('wiretrace.tab'))";

/// Makes the example a first visit opens on the person's own and clears it, undoes that and
/// reloads; shares, clears and reloads; then loads the example again and reloads.
async fn clear_and_reload(site: &Site, page: &Browser) -> Outcome {
    page.client.goto(&site.base).await?;
    page.wait_for_report("on a first visit").await?;
    let saved = page.script(&format!("return {DRAFTS};")).await?;
    ensure!(saved == Value::Null, "the example was saved as the person's drafts: {saved}");

    // Renamed, the example is the person's: kept in the drafts. Analysed, the pastes are folded.
    page.click(".pastes-fold > summary").await?;
    let name_field = page.wait_for(".paste-name").await?;
    name_field.clear().await?;
    name_field.send_keys("mine.txt").await?;
    let mut names = seed_names();
    names[0] = "mine.txt".into();
    page.wait_until(&format!("return ({DRAFTS} || '').includes('mine.txt');"), "the renamed paste saved").await?;
    page.analyze().await?;
    let shown = page.report_text().await?;

    page.click("#clear-all").await?;
    expect_an_empty_page(page, "after Clear all", Some("Cleared 5 pastes.")).await?;
    page.wait_until(&format!("return {DRAFTS} === '[]';"), "the emptied page recorded in the drafts").await?;
    page.script(WATCH_FRAMES_FOR_ANALYSING).await?;
    page.click("#notice-action").await?;
    let pastes: Vec<String> = page.pastes().await?.into_iter().map(|(name, _)| name).collect();
    ensure!(pastes == names, "after Undo the pastes are {pastes:?}");
    ensure!(page.report_text().await? == shown, "after Undo the report differs from the one cleared");
    ensure!(page.client.find_all(Locator::Css("#notice-text")).await?.is_empty(), "the notice stays after Undo");
    let frames = page.script("return window.__framesWithAnalysing;").await?;
    ensure!(frames == json!(0), "Undo analysed the pastes again ({frames} frames showed Analysing…)");
    page.wait_until(&format!("return ({DRAFTS} || '').includes('mine.txt');"), "the restored pastes saved").await?;
    page.client.refresh().await?;
    let pastes: Vec<String> = page.pastes().await?.into_iter().map(|(name, _)| name).collect();
    ensure!(pastes == names, "after Undo and a reload the pastes are {pastes:?}");

    page.click("#share").await?;
    page.wait_for("#share-link").await?;
    page.click("#clear-all").await?;
    expect_an_empty_page(page, "after Share link and Clear all", Some("Cleared 5 pastes.")).await?;
    page.wait_until(&format!("return {DRAFTS} === '[]';"), "the emptied page recorded in the drafts").await?;
    page.client.refresh().await?;
    expect_an_empty_page(page, "after Clear all and a reload", None).await?;

    // The example is never saved as drafts, so it comes back, analysed, on the next visit.
    page.click("#load-example").await?;
    page.wait_until(&format!("return {DRAFTS} === null;"), "the drafts forgotten after Load example").await?;
    page.client.refresh().await?;
    page.wait_for_report("after Load example and a reload").await?;
    let names: Vec<String> = page.pastes().await?.into_iter().map(|(name, _)| name).collect();
    ensure!(names == seed_names(), "after Load example and a reload the pastes are {names:?}");
    Ok(())
}

/// One empty paste, no report, no analysis under way (not even after a while), no link, and
/// either no notice or this one, with an Undo button.
async fn expect_an_empty_page(page: &Browser, when: &str, notice: Option<&str>) -> Outcome {
    let pastes = page.pastes().await?;
    ensure!(pastes == [("Paste 1".to_string(), String::new())], "{when} the pastes are {pastes:?}");
    tokio::time::sleep(Duration::from_millis(500)).await;
    for css in [".results", ".article-card", ".claim-card", "#analysing", "#share-link"] {
        ensure!(page.client.find_all(Locator::Css(css)).await?.is_empty(), "{when} the page shows {css}");
    }
    let address = page.client.current_url().await?;
    ensure!(address.fragment().is_none(), "{when} the address still holds a link: {address}");
    match notice {
        Some(expected) => {
            let message = page.text("#notice-text").await?;
            ensure!(message == expected, "{when} the notice says {message:?}");
            let undo = page.text("#notice-action").await?;
            ensure!(undo == "Undo", "{when} the notice's button says {undo:?}");
        }
        None => ensure!(
            page.client.find_all(Locator::Css("#notice-text")).await?.is_empty(),
            "{when} the page shows a notice"
        ),
    }
    Ok(())
}

/// Counts the analysis workers the page starts and terminates.
const COUNT_WORKERS: &str = "window.__workersStarted = 0; window.__workersTerminated = 0;
    const Started = window.Worker;
    window.Worker = class extends Started {
      constructor(...args) { super(...args); window.__workersStarted += 1; }
    };
    const terminate = Started.prototype.terminate;
    Started.prototype.terminate = function () { window.__workersTerminated += 1; return terminate.call(this); };";

/// Puts `arguments[0]` in the first paste area as a person's paste does: the text, then an
/// input event.
const PASTE_INTO_FIRST_AREA: &str = "const area = document.querySelector('.paste-text');
    area.value = arguments[0];
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));";

#[tokio::test]
async fn a_long_analysis_leaves_the_page_usable_and_cancel_stops_it() {
    let site = Site::start();
    let page = site.browser().await;
    let outcome = use_the_page_while_it_analyses(&site, &page).await;
    finish(page, outcome).await;
}

/// Pastes a few megabytes, presses Analyze, uses the page while the worker analyses, cancels,
/// then analyses the example to the end.
async fn use_the_page_while_it_analyses(site: &Site, page: &Browser) -> Outcome {
    page.client.goto(&site.base).await?;
    // The first visit's analysis of the example starts the page's worker, which stays for the next.
    page.wait_for_report("on a first visit").await?;
    page.click("#clear-all").await?;
    page.script(COUNT_WORKERS).await?;
    page.client.execute(PASTE_INTO_FIRST_AREA, vec![json!(long_paste(4_000_000))]).await?;
    let size = page.text(".paste-size").await?;
    ensure!(size == "4000 KB", "the paste area shows {size:?} for a 4 MB paste");

    page.click("#analyze").await?;
    page.wait_for("#analysing").await?;
    // Another control answers while the analysis runs: the share box appears beside "Analysing…".
    page.click("#share").await?;
    let link = page.wait_for("#share-link").await?.prop("value").await?.unwrap_or_default();
    ensure!(link.contains("#v2."), "Share link made {link:?} during the analysis");
    ensure!(
        !page.client.find_all(Locator::Css("#analysing")).await?.is_empty(),
        "the analysis ended before the page answered Share link: it did not run beside the page"
    );
    let analyze_enabled = page.wait_for("#analyze").await?.is_enabled().await?;
    ensure!(!analyze_enabled, "Analyze can be pressed again while an analysis runs");

    page.click("#cancel").await?;
    let status = page.text("#cancelled").await?;
    ensure!(status.starts_with("Analysis cancelled"), "after Cancel the status says {status:?}");
    ensure!(page.client.find_all(Locator::Css("#analysing")).await?.is_empty(), "still analysing after Cancel");
    ensure!(page.client.find_all(Locator::Css(".results")).await?.is_empty(), "a cancelled analysis shows a report");
    ensure!(page.wait_for("#analyze").await?.is_enabled().await?, "Analyze stays disabled after Cancel");
    let workers = page.script("return [window.__workersStarted, window.__workersTerminated];").await?;
    ensure!(workers == json!([0, 1]), "Cancel did not stop the example's worker (started, terminated: {workers})");

    // A fresh worker analyses the next pastes to the end.
    page.click("#load-example").await?;
    page.analyze().await?;
    ensure!(!page.client.find_all(Locator::Css(".claim-card")).await?.is_empty(), "no claims for the example");
    let workers = page.script("return [window.__workersStarted, window.__workersTerminated];").await?;
    ensure!(workers == json!([1, 1]), "after Cancel the next analysis needs one new worker (started, terminated: {workers})");
    Ok(())
}
