//! End to end, hostile input: the Content-Security-Policy, XSS vectors through every way text
//! gets in (paste, name, file, link), a link made to freeze the page, pasting 5 MB (shown as a
//! preview) and typing in it after "Edit anyway", a paste cut to size, and two tabs' drafts (the
//! harness is `lib.rs`).
//!
//! Timings (main-thread tasks, input latency) are printed as `e2e:` lines for the report. Three
//! bounds are asserted, each far from what the page takes so that only a regression fails them:
//! the freezing link (decoded in the worker) and a 5 MB paste (which skips the text area and
//! shows a preview) block the main thread for no task over 200 ms (issues 18 and 17), and the
//! page's own work for a key typed into a 5 MB paste after "Edit anyway" stays under
//! [`PAGE_KEY_BOUND_MS`] (Chromium's own editing of so long a text area, which no page code can
//! avoid, is printed, not asserted).

use fantoccini::wd::TimeoutConfiguration;
use fantoccini::Locator;
use serde_json::{json, Value};
use std::time::Duration;
use wiretrace::{permalink, Input};
use wiretrace_e2e::*;

/// The page's own work for one key typed into a 5 MB paste (its input handler, the reducer, the
/// render, and the layout that follows) stays under this. It takes tens of milliseconds;
/// setting the text area's 5 MB again, or analysing or copying it per key, takes seconds.
const PAGE_KEY_BOUND_MS: f64 = 300.0;

/// Types `arguments[0]` at the end of the paste, one character a turn: Chromium edits the text
/// area and lays it out (not timed), then the time from the input event to the layout after
/// the page handled it (its render runs in microtasks, before the one queued here) is the
/// page's own work for that key. Chromium's own tasks after an edit of 5 MB (0.7-2.3 s, with or
/// without the page's handler) wait for the next turn. Returns the times in ms.
const TIME_THE_PAGE_PER_KEY: &str = "const [typed, done] = [arguments[0], arguments[arguments.length - 1]];
    const area = document.querySelector('.paste-text');
    const times = [];
    const step = (i) => {
      if (i === typed.length) return done(times);
      area.setRangeText(typed[i], area.value.length, area.value.length, 'end');
      area.scrollHeight;
      const start = performance.now();
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: typed[i] }));
      queueMicrotask(() => {
        area.scrollHeight;
        times.push(Math.round(performance.now() - start));
        setTimeout(() => step(i + 1), 0);
      });
    };
    step(0);";

/// This tab's drafts, as src/web/drafts.rs keeps them.
const DRAFTS: &str = "localStorage.getItem('wiretrace.drafts.v2.' + sessionStorage.getItem('wiretrace.tab'))";

/// Opens the page, waits for the example's report, empties the page and starts watching it.
async fn open_an_empty_page(site: &Site, page: &Browser) -> Outcome {
    page.client.goto(&site.base).await?;
    page.wait_for_report("on a first visit").await?;
    page.click("#clear-all").await?;
    page.script(WATCH_THE_MAIN_THREAD).await?;
    Ok(())
}

fn numbers(values: &[Value]) -> Vec<f64> {
    values.iter().filter_map(|v| v.as_f64().or_else(|| v.get(1).and_then(Value::as_f64))).collect()
}

fn longest(values: &[Value]) -> f64 {
    numbers(values).into_iter().fold(0.0, f64::max)
}

#[tokio::test]
async fn a_strict_content_security_policy_holds_and_nothing_is_fetched_from_elsewhere() {
    let site = Site::start();
    let page = site.browser().await;
    let outcome = check_the_policy(&site, &page).await;
    finish(page, outcome).await;
}

async fn check_the_policy(site: &Site, page: &Browser) -> Outcome {
    page.client.goto(&site.base).await?;
    // The example analysed: the page's script, its WebAssembly and the worker all ran under it.
    page.wait_for_report("on a first visit, under the policy").await?;
    let policy = page.script("return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')?.content ?? '';").await?;
    let policy = policy.as_str().unwrap_or_default().to_string();
    for wanted in ["default-src 'self'", "connect-src 'self'", "'wasm-unsafe-eval'"] {
        ensure!(policy.contains(wanted), "the policy {policy:?} lacks {wanted}");
    }
    ensure!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"), "the policy {policy:?} allows inline code");
    let inline = page.script("return Array.from(document.scripts).filter((s) => !s.src).length;").await?;
    ensure!(inline == json!(0), "the built page has {inline} inline scripts");

    // The policy is enforced, and the listener hears a violation when there is one.
    page.script(WATCH_THE_MAIN_THREAD).await?;
    page.script("const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.body.append(s);").await?;
    page.wait_until("return window.__violations.length > 0;", "a violation reported for an inline script").await?;
    ensure!(page.script("return typeof window.__inline;").await? == json!("undefined"), "an inline script ran");

    // Using the page breaks nothing and fetches nothing from elsewhere.
    page.script("window.__violations = [];").await?;
    page.click("#load-example").await?;
    page.analyze().await?;
    page.click("#share").await?;
    page.wait_for("#share-link").await?;
    let violations = page.watched("__violations").await?;
    ensure!(violations.is_empty(), "using the page violated the policy: {violations:?}");
    let elsewhere = page
        .script("return performance.getEntriesByType('resource').map((e) => e.name).filter((url) => new URL(url).origin !== location.origin);")
        .await?;
    ensure!(elsewhere == json!([]), "requests to other origins: {elsewhere}");
    let requests = page.script("return performance.getEntriesByType('resource').length;").await?;
    println!("e2e: CSP enforced (an inline script refused and reported); {requests} requests, 0 to other origins, 0 violations");
    Ok(())
}

/// The corpus of tests/e2e/xss-vectors.txt, each vector with its line breaks.
fn xss_vectors() -> Vec<String> {
    let corpus = std::fs::read_to_string(repo_path("tests/e2e/xss-vectors.txt")).expect("the XSS corpus");
    corpus.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).map(|l| l.replace("\\n", "\n")).collect()
}

/// Elements or attributes that only markup from a paste could have put in the page.
const INJECTED: &str = "return Array.from(document.querySelectorAll('*')).filter((el) =>
      ['IMG', 'SVG', 'SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO', 'MARQUEE', 'FORM', 'MATH', 'X',
       'TEMPLATE', 'XMP', 'PLAINTEXT', 'TABLE', 'FRAMESET', 'KEYGEN', 'ISINDEX', 'IMAGE', 'BASE', 'META']
        .includes(el.tagName.toUpperCase()) && el.closest('main')
      || Array.from(el.attributes).some((a) => a.name.startsWith('on') || /^\\s*javascript:/i.test(a.value))
    ).map((el) => el.outerHTML.slice(0, 80));";

#[tokio::test]
async fn xss_vectors_show_as_text_through_paste_name_file_and_link() {
    let site = Site::start();
    let page = site.browser().await;
    let outcome = try_the_vectors(&site, &page).await;
    finish(page, outcome).await;
}

async fn try_the_vectors(site: &Site, page: &Browser) -> Outcome {
    let vectors = xss_vectors();
    ensure!(vectors.len() >= 100, "only {} XSS vectors", vectors.len());
    let all = vectors.join("\n");
    // An input's value holds no line breaks: a name is the vector without them.
    let as_name = |v: &str| v.replace(['\n', '\r'], "");

    // Link: every vector a paste's name and text.
    let inputs: Vec<Input> = vectors.iter().map(|v| Input::new(v.clone(), v.clone())).collect();
    page.client.goto(&format!("{}/#{}", site.base, permalink::encode(&inputs))).await?;
    page.wait_for_report("of a link of XSS vectors").await?;
    page.script(WATCH_THE_MAIN_THREAD).await?;
    let expected: Vec<(String, String)> = vectors.iter().map(|v| (as_name(v), v.clone())).collect();
    ensure!(page.pastes().await? == expected, "the link's pastes are not the vectors, as text");
    let report = page.text(".results").await?;
    let named = vectors.iter().filter(|v| report.contains(&as_name(v))).count();
    println!("e2e: XSS link: {} vectors opened as pastes; {named} shown as text in the report", vectors.len());

    // Paste and name: all the vectors in one paste, the first as its name.
    page.click("#clear-all").await?;
    page.set_value(".paste-text", &all).await?;
    page.set_value(".paste-name", &vectors[0]).await?;
    // File: a text file of all the vectors, with markup in its name, opened through the page's
    // one file control as a second paste; and a web page of them, whose visible text is kept.
    let file = std::env::temp_dir().join(format!("<img src=x onerror=window.__xss=1> {}.txt", std::process::id()));
    std::fs::write(&file, &all)?;
    let web_page = std::env::temp_dir().join(format!("vectors-{}.html", std::process::id()));
    std::fs::write(&web_page, format!("<html><body><p>{}</p></body></html>", vectors.join("</p><p>")))?;
    let control = page.client.find(Locator::Css("#open-files")).await?;
    control.send_keys(&format!("{}\n{}", file.display(), web_page.display())).await?;
    let file_name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
    page.wait_until(&format!("return document.querySelectorAll('.paste-name')[1]?.value === {};", json!(file_name)), "the file opened").await?;
    page.wait_until("return document.querySelectorAll('.paste-name').length === 3;", "the web page opened").await?;
    let _ = std::fs::remove_file(&file);
    let _ = std::fs::remove_file(&web_page);
    page.analyze().await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let pastes = page.pastes().await?;
    ensure!(pastes[0] == (as_name(&vectors[0]), all.clone()), "the pasted vectors are not kept as text");
    ensure!(pastes[1] == (file_name.clone(), all.clone()), "the opened file is not kept as text");
    ensure!(!pastes[2].1.is_empty(), "the opened web page has no text");
    let report = page.text(".results").await?;
    println!("e2e: report of the pasted and opened vectors: {} characters of text", report.len());

    let ran = page.script("return typeof window.__xss;").await?;
    ensure!(ran == json!("undefined"), "an XSS vector ran: window.__xss is {ran}");
    let injected = page.script(INJECTED).await?;
    ensure!(injected == json!([]), "markup from the vectors is in the page: {injected}");
    let violations = page.watched("__violations").await?;
    ensure!(violations.is_empty(), "the vectors tried to run (policy violations): {violations:?}");
    println!("e2e: {} XSS vectors through link, paste, name and file: 0 ran, 0 elements injected, 0 violations", vectors.len());
    Ok(())
}

#[tokio::test]
async fn a_link_made_to_freeze_the_page_is_refused_without_a_long_task() {
    let site = Site::start();
    let page = site.browser().await;
    let outcome = open_the_freezing_link(&site, &page).await;
    finish(page, outcome).await;
}

/// One line of `bytes` bytes: no paragraph breaks, the slowest shape for the core and a text area.
fn one_line(bytes: usize) -> String {
    "The minister said 40 people were hurt in the blast on Monday, officials said. ".repeat(bytes / 78 + 1)
}

async fn open_the_freezing_link(site: &Site, page: &Browser) -> Outcome {
    // Three 5.2 MB one-line pastes: more than a link may hold once inflated.
    let freezing = permalink::encode(&vec![Input::new("a", one_line(5_200_000)); 3]);
    open_an_empty_page(site, page).await?;
    page.script(&format!("location.hash = {};", json!(freezing))).await?;
    page.wait_until("return (document.getElementById('notice-text')?.textContent ?? '').includes('more text');", "the freezing link refused").await?;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let tasks = page.watched("__longTasks").await?;
    let expected = permalink::decode(&freezing).err().ok_or("the freezing link decodes")?.to_string();
    ensure!(page.text("#notice-text").await? == expected, "the page does not say why the link was refused");
    println!("e2e: freezing link ({} KB, three 5.2 MB one-line pastes) refused; main-thread tasks over 50 ms: {tasks:?}", freezing.len() / 1024);
    // The worker decodes the link (inflating up to 8 MB before refusing it): the page only hands
    // it the fragment and shows the refusal.
    ensure!(longest(&tasks) <= 200.0, "opening the freezing link blocked the main thread: tasks {tasks:?} ms");

    // The largest link the page opens, one 5 MB one-line paste, is analysed in the worker.
    let largest = permalink::encode(&[Input::new("a", one_line(5_000_000))]);
    page.client.refresh().await?;
    page.wait_for(".paste-text").await?;
    page.script(WATCH_THE_MAIN_THREAD).await?;
    page.script(&format!("location.hash = {};", json!(largest))).await?;
    page.wait_for("#analysing").await?;
    tokio::time::sleep(Duration::from_millis(2000)).await;
    let tasks = page.watched("__longTasks").await?;
    println!("e2e: a 5 MB one-line link ({} KB) opened, analysing in the worker; main-thread tasks over 50 ms: {tasks:?}", largest.len() / 1024);
    page.click("#cancel").await?;
    Ok(())
}

#[tokio::test]
async fn a_5_mb_paste_is_previewed_without_a_long_task_and_a_cut_paste_always_says_so() {
    let site = Site::start();
    let page = site.browser().await;
    let outcome = type_into_a_long_paste(&site, &page).await;
    finish(page, outcome).await;
}

/// Pastes `window.__clipboard` over all of the first text area's text as a person's paste does
/// (a paste event with the clipboard's text); returns whether the page kept the browser from
/// inserting it.
const PASTE_THE_CLIPBOARD: &str = "const area = document.querySelector('.paste-text');
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', window.__clipboard);
    area.focus();
    area.select();
    const paste = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });
    area.dispatchEvent(paste);
    return paste.defaultPrevented;";

/// Puts `text` on the page's pretend clipboard (sending megabytes to the page is not timed).
async fn copy(page: &Browser, text: &str) -> Outcome {
    page.client.execute("window.__clipboard = arguments[0];", vec![json!(text)]).await?;
    Ok(())
}

async fn type_into_a_long_paste(site: &Site, page: &Browser) -> Outcome {
    open_an_empty_page(site, page).await?;
    copy(page, "a short paste").await?;
    ensure!(page.script(PASTE_THE_CLIPBOARD).await? == json!(false), "a short paste did not go to the browser's text area");
    page.set_value(".paste-text", "a small draft").await?;
    page.wait_until(&format!("return ({DRAFTS} || '').includes('a small draft');"), "the small draft saved").await?;

    // A long paste, with markup in it, goes to the state and shows as a preview of plain text.
    let markup = "<img src=x onerror=window.__xss=1>";
    let text = format!("{markup}{}", long_paste(5_000_000));
    copy(page, &text).await?;
    page.script("window.__longTasks = []; window.__eventLatencies = [];").await?;
    ensure!(page.script(PASTE_THE_CLIPBOARD).await? == json!(true), "the browser was left to insert a 5 MB paste");
    let saved = saved_or_refused(page, &text[..60]).await?;
    let pasting = page.watched("__longTasks").await?;
    let paste_events = page.watched("__eventLatencies").await?;
    let summary = page.text(".paste-summary").await?;
    ensure!(summary.contains("MB,") && summary.contains("too long to edit here smoothly"), "the long paste's summary says {summary:?}");
    let start = page.script("return document.querySelector('.paste-preview').textContent;").await?;
    let start = start.as_str().unwrap_or_default();
    ensure!(start.starts_with(markup) && text.starts_with(start), "the preview does not show the paste's start as text: {:?}", &start[..80.min(start.len())]);
    let areas = page.script("return document.querySelectorAll('.paste-text').length;").await?;
    ensure!(areas == json!(0), "a 5 MB paste is still in a text area");
    ensure!(page.script(INJECTED).await? == json!([]), "markup from the long paste is in the page");
    println!(
        "e2e: pasting 5 MB as a preview (drafts saved: {saved}, {summary:?}): main-thread tasks over 50 ms {pasting:?}, paste events over 16 ms {paste_events:?}"
    );
    ensure!(longest(&pasting) <= 200.0, "pasting 5 MB blocked the main thread: tasks {pasting:?} ms");

    // "Edit anyway": the whole paste in a text area, slow as Chromium makes it (printed).
    page.script("window.__longTasks = [];").await?;
    page.click(".edit-anyway").await?;
    let area = page.wait_for(".paste-text").await?;
    let holds = page.script(&format!("return document.querySelector('.paste-text').value.endsWith({});", json!(&text[text.len() - 60..]))).await?;
    ensure!(holds == json!(true), "'Edit anyway' does not show the whole paste");
    let opening = page.watched("__longTasks").await?;
    println!("e2e: 'Edit anyway' on the 5 MB paste: main-thread tasks over 50 ms {opening:?}");

    page.script("window.__longTasks = []; window.__eventLatencies = [];").await?;
    let typed = "typed in a long paste";
    area.send_keys(typed).await?;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let latencies = page.watched("__eventLatencies").await?;
    let typing = page.watched("__longTasks").await?;
    let value_ends = page.script(&format!("return document.querySelector('.paste-text').value.endsWith({});", json!(typed))).await?;
    ensure!(value_ends == json!(true), "the typed text is not at the end of the paste");
    let saved_typing = saved_or_refused(page, typed).await?;
    ensure!(saved == saved_typing, "the drafts were saved before typing ({saved}) but not after ({saved_typing}), or the reverse");
    let keys = typed.len();
    println!(
        "e2e: typing {keys} keys in the 5 MB paste after 'Edit anyway': events over 16 ms {} (longest {:.0} ms), tasks over 50 ms {typing:?}",
        latencies.len(),
        longest(&latencies)
    );
    // Three keys: Chromium's own edit and layout of 5 MB, before each, takes seconds.
    let page_keys = "zqx";
    let slow_script = TimeoutConfiguration::new(Some(Duration::from_secs(180)), None, Some(Duration::ZERO));
    page.client.update_timeouts(slow_script).await?;
    let own: Vec<Value> = serde_json::from_value(page.client.execute_async(TIME_THE_PAGE_PER_KEY, vec![json!(page_keys)]).await?)?;
    let ends = page.script(&format!("return document.querySelector('.paste-text').value.endsWith({});", json!(format!("{typed}{page_keys}")))).await?;
    ensure!(ends == json!(true), "the keys timed are not at the end of the paste");
    println!("e2e: the page's own work per key in the 5 MB paste: {own:?} ms (Chromium's editing excluded)");
    ensure!(longest(&own) < PAGE_KEY_BOUND_MS, "the page took {:.0} ms for a key in a 5 MB paste: {own:?}", longest(&own));
    let saved_typing = saved_or_refused(page, page_keys).await?;
    ensure!(saved == saved_typing, "the drafts were saved before the timed keys ({saved}) but not after");

    // 20 MB is cut to 5 MB, and the page says so even when the drafts notice follows.
    page.set_value(".paste-text", &long_paste(20_000_000)).await?;
    let cut = page.text("#cut-notice-text").await?;
    ensure!(cut.contains("5 MB"), "the cut paste says {cut:?}");
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let notice = page.script("return document.getElementById('notice-text')?.textContent ?? null;").await?;
    ensure!(page.text("#cut-notice-text").await? == cut, "the cut notice was replaced (other notice: {notice})");
    let stale = page.script(&format!("return ({DRAFTS} || '').includes({});", json!(typed))).await?;
    ensure!(stale == json!(false), "the drafts still hold the paste as it was before the cut");
    println!("e2e: a 20 MB paste is cut to 5 MB and says so; other notice: {notice}");
    Ok(())
}

/// Waits until this tab's drafts hold `needle` (true) or the page says they could not be saved,
/// in which case nothing of the tab may stay saved (false).
async fn saved_or_refused(page: &Browser, needle: &str) -> Result<bool, Box<dyn std::error::Error>> {
    let refused = "(document.getElementById('notice-text')?.textContent ?? '').includes('not saved')";
    let saved = format!("({DRAFTS} || '').includes({})", json!(needle));
    page.wait_until(&format!("return {saved} || {refused};"), "the drafts saved or refused").await?;
    if page.script(&format!("return {saved};")).await? == json!(true) {
        return Ok(true);
    }
    let left = page.script(&format!("return {DRAFTS};")).await?;
    ensure!(left == Value::Null, "drafts that could not be saved left a stale copy behind");
    Ok(false)
}

#[tokio::test]
async fn two_tabs_keep_their_own_drafts() {
    let site = Site::start();
    let page = site.browser().await;
    let outcome = draft_in_two_tabs(&site, &page).await;
    finish(page, outcome).await;
}

async fn draft_in_two_tabs(site: &Site, page: &Browser) -> Outcome {
    let first = page.client.window().await?;
    open_an_empty_page(site, page).await?;
    page.set_value(".paste-text", "the first tab's draft").await?;
    page.wait_until(&format!("return ({DRAFTS} || '').includes('first tab');"), "the first tab's draft saved").await?;

    let second = page.client.new_window(true).await?.handle;
    page.client.switch_to_window(second.clone()).await?;
    page.client.goto(&site.base).await?;
    let opened = page.pastes().await?;
    ensure!(opened[0].1 == "the first tab's draft", "a new tab opens {opened:?}, not a copy of the latest draft");
    page.set_value(".paste-text", "the second tab's draft").await?;
    page.wait_until(&format!("return ({DRAFTS} || '').includes('second tab');"), "the second tab's draft saved").await?;

    for (window, expected) in [(first, "the first tab's draft"), (second, "the second tab's draft")] {
        page.client.switch_to_window(window).await?;
        page.client.refresh().await?;
        let pastes = page.pastes().await?;
        ensure!(pastes[0].1 == expected, "after a reload a tab shows {pastes:?}, not {expected:?}");
    }
    Ok(())
}
