//! End to end, issue 16: the first screen (desktop and phone), the exports, the page under a
//! sub-path and offline, accessibility (axe-core), the skip link, Ctrl+Enter, opening files
//! and the print view, driven in the built page (the harness is `lib.rs`).

use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};
use std::path::PathBuf;
use wiretrace_e2e::*;

/// Where the bottom of the element `css` is, and the window's height, in CSS pixels.
async fn bottom_and_screen(page: &Browser, css: &str) -> Result<(f64, f64), Box<dyn std::error::Error>> {
    page.wait_for(css).await?;
    let js = format!("const r = document.querySelector({css:?}).getBoundingClientRect(); return [r.bottom, window.innerHeight];");
    let pair: (f64, f64) = serde_json::from_value(page.script(&js).await?)?;
    Ok(pair)
}

/// The verdict and the leading agency sit on the first `screens` screens after the example
/// loads, in a window as wide as the desktop's or the phone's (`name`), with nothing to scroll
/// sideways; saves a screenshot to `$WIRETRACE_UI_SHOTS/<name>.png` when set.
async fn first_screen(site: &Site, page: &Browser, screens: f64, name: &str) -> Outcome {
    page.client.goto(&site.base).await?;
    page.wait_for_report("on a first visit").await?;
    let folded = page.script("return document.querySelector('.pastes-fold').open;").await?;
    ensure!(folded == json!(false), "the pastes are not folded away once analysed");
    let summary = page.text("#verdict-summary").await?;
    ensure!(summary.starts_with("Mostly from "), "the verdict says {summary:?}");
    let (width, scroll_width): (f64, f64) =
        serde_json::from_value(page.script("return [window.innerWidth, document.documentElement.scrollWidth];").await?)?;
    let expected = if name == "phone" { PHONE.0 } else { DESKTOP.0 };
    ensure!(width == f64::from(expected), "{name}: the window is {width} px wide, not {expected}");
    ensure!(scroll_width <= width, "{name}: the page is {scroll_width} px wide in a {width} px window");
    let mut bottoms = Vec::new();
    for css in ["#verdict-summary", ".agency-tally li:nth-child(2)"] {
        let (bottom, screen) = bottom_and_screen(page, css).await?;
        ensure!(bottom <= screens * screen, "{name}: {css} ends at {bottom} px, past {screens} screens of {screen} px");
        bottoms.push(bottom);
    }
    let height = page.script("return document.documentElement.scrollHeight;").await?;
    println!("e2e: {name} at {width} px wide: verdict ends at {:.0} px, second agency at {:.0} px; page {height} px tall", bottoms[0], bottoms[1]);
    if let Some(dir) = std::env::var_os("WIRETRACE_UI_SHOTS") {
        std::fs::write(PathBuf::from(dir).join(format!("{name}.png")), page.client.screenshot().await?)?;
    }
    if name == "desktop" {
        if let Some(path) = std::env::var_os("WIRETRACE_SCREENSHOT") {
            page.script("document.activeElement && document.activeElement.blur();").await?;
            std::fs::write(&path, page.client.screenshot().await?)?;
            println!("e2e: screenshot of the first screen saved to {}", PathBuf::from(path).display());
        }
    }
    Ok(())
}

/// The desktop's first screen, in CSS pixels.
const DESKTOP: (u32, u32) = (1280, 900);

#[tokio::test]
async fn the_first_screen_shows_the_verdict_and_the_top_agencies() {
    let site = Site::start();
    let page = site.browser_sized(DESKTOP.0, DESKTOP.1).await;
    let outcome = first_screen(&site, &page, 1.0, "desktop").await;
    finish(page, outcome).await;
    let page = site.phone().await;
    let outcome = first_screen(&site, &page, 2.0, "phone").await;
    finish(page, outcome).await;
}

#[tokio::test]
async fn the_exports_parse_back() {
    let site = Site::start();
    let page = site.browser().await;
    let outcome = download_every_export(&site, &page).await;
    finish(page, outcome).await;
}

async fn download_every_export(site: &Site, page: &Browser) -> Outcome {
    page.client.goto(&site.base).await?;
    page.wait_for_report("on a first visit").await?;
    page.script(CAPTURE_DOWNLOADS).await?;
    for id in ["#download-json", "#download-csv", "#download-markdown"] {
        page.click(id).await?;
    }
    let texts: Vec<String> = serde_json::from_value(page.client.execute_async(DOWNLOAD_TEXTS, vec![]).await?)?;
    let [json, csv, markdown] = <[String; 3]>::try_from(texts).map_err(|t| format!("{} downloads, not 3", t.len()))?;
    let expected = cli_report();
    ensure!(json.as_bytes() == expected, "the JSON download differs from `wiretrace analyze --json`");
    let report: wiretrace::Report = serde_json::from_str(&json)?;

    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers()?.iter().map(str::to_string).collect();
    ensure!(header == wiretrace::export::CSV_HEADER, "the CSV header is {header:?}");
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>()?;
    let mentions: usize = report.claims.iter().map(|c| c.mentions.len()).sum();
    ensure!(rows.len() == mentions, "the CSV has {} rows for {mentions} mentions", rows.len());
    let claim_column = header.iter().position(|h| h == "claim").ok_or("no claim column")?;
    for claim in &report.claims {
        let in_csv = rows.iter().filter(|r| r.get(claim_column) == Some(claim.id.as_str())).count();
        ensure!(in_csv == claim.mentions.len(), "{} has {in_csv} CSV rows, {} mentions", claim.id, claim.mentions.len());
    }

    let headings: Vec<&str> = markdown.lines().filter(|l| l.starts_with("### ")).collect();
    ensure!(markdown.starts_with("# "), "the Markdown has no title");
    ensure!(headings.len() == report.claims.len(), "{} claim headings for {} claims", headings.len(), report.claims.len());
    ensure!(markdown == wiretrace::export::markdown(&report), "the Markdown download differs from the core's export");
    Ok(())
}

#[tokio::test]
async fn the_page_works_under_a_sub_path_and_offline_after_a_first_visit() {
    let site = Site::start();
    let server = site.serve_under("/sub");
    let page = site.browser().await;
    let outcome = sub_path_then_offline(&server, &page).await;
    finish(page, outcome).await;
}

async fn sub_path_then_offline(server: &Server, page: &Browser) -> Outcome {
    page.client.goto(&format!("{}/", server.base)).await?;
    page.wait_for_report("under /sub/").await?;
    let styled = page.script("return getComputedStyle(document.querySelector('.verdict')).borderTopWidth;").await?;
    ensure!(styled == json!("2px"), "the style sheet did not load under /sub/ (verdict border {styled})");
    let short_name = page
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch(document.querySelector('link[rel=manifest]').href).then((r) => r.json()).then((m) => done(m.short_name), (e) => done(String(e)));",
            vec![],
        )
        .await?;
    ensure!(short_name == json!("wiretrace"), "the web app manifest reads {short_name}");
    page.wait_until("return !!navigator.serviceWorker && !!navigator.serviceWorker.controller;", "a service worker controlling the page").await?;
    let shown = page.report_text().await?;

    server.set_offline(true);
    let answered = server.answered();
    page.client.refresh().await?;
    page.wait_for_report("after an offline reload").await?;
    ensure!(server.answered() == answered, "the server answered while offline");
    let again = page.report_text().await?;
    ensure!(again == shown, "offline the page shows another report:\n{again}\n--- was\n{shown}");
    Ok(())
}

#[tokio::test]
async fn axe_finds_no_violations_with_every_claim_expanded() {
    let site = Site::start();
    let page = site.browser().await;
    let outcome = axe_check(&site, &page).await;
    finish(page, outcome).await;
}

async fn axe_check(site: &Site, page: &Browser) -> Outcome {
    let axe = env_path("WIRETRACE_AXE", "tests/e2e/node_modules/axe-core/axe.min.js");
    let source = std::fs::read_to_string(&axe).map_err(|e| format!("no axe-core at {}: {e} (scripts/install.sh puts it there)", axe.display()))?;
    page.client.goto(&site.base).await?;
    page.wait_for_report("on a first visit").await?;
    page.script("document.querySelectorAll('details').forEach((d) => { d.open = true; });").await?;
    let closed = page.script("return document.querySelectorAll('details:not([open])').length;").await?;
    ensure!(closed == json!(0), "{closed} details still closed");
    page.script(&source).await?;
    let violations = page
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document).then(
               (r) => done(r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))),
               (e) => done(String(e)));",
            vec![],
        )
        .await?;
    ensure!(violations == json!([]), "axe-core finds violations: {violations:#}");
    Ok(())
}

#[tokio::test]
async fn skip_link_ctrl_enter_one_file_control_and_the_print_view() {
    let site = Site::start();
    let page = site.browser().await;
    let outcome = keyboard_files_and_print(&site, &page).await;
    finish(page, outcome).await;
}

async fn keyboard_files_and_print(site: &Site, page: &Browser) -> Outcome {
    page.client.goto(&site.base).await?;
    page.wait_for_report("on a first visit").await?;

    // The skip link comes first in the tab order and moves the focus to the verdict, leaving
    // the address (the permalink's place) alone.
    page.script("document.activeElement && document.activeElement.blur();").await?;
    page.client.active_element().await?.send_keys(&Key::Tab.to_string()).await?;
    let first = page.script("return document.activeElement.className;").await?;
    ensure!(first == json!("skip-link"), "the first Tab stop is {first}");
    page.client.active_element().await?.send_keys(&Key::Enter.to_string()).await?;
    let focused = page.script("return [document.activeElement.id, location.hash, !!document.getElementById('notice-text')];").await?;
    ensure!(focused == json!(["verdict", "", false]), "after the skip link: [focus, hash, notice] = {focused}");

    // Ctrl+Enter in a paste analyses.
    page.click("#load-example").await?;
    let area = page.wait_for(".paste-text").await?;
    area.click().await?;
    area.send_keys(&format!("{}{}", Key::Control, Key::Enter)).await?;
    page.wait_for_report("after Ctrl+Enter").await?;

    // The one file control: a text file and a web page become pastes (the page's visible text);
    // any other file is refused in plain words. No paste has a file control of its own.
    let dir = std::env::temp_dir().join(format!("wiretrace-e2e-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let (story, html, pdf) = (dir.join("story.txt"), dir.join("page.html"), dir.join("scan.pdf"));
    std::fs::write(&story, "Quake hits coast\n\nTOKYO (Reuters) - A magnitude 6.1 quake struck off the coast on Monday, the agency said.\n")?;
    std::fs::write(&html, "<html><head><script>window.__ran = 1</script></head><body><h1>Quake <b>hits</b></h1><p>The agency said so.</p></body></html>")?;
    std::fs::write(&pdf, "%PDF-1.4")?;
    page.click(".pastes-fold > summary").await?;
    let controls = page.script("return document.querySelectorAll('input[type=file]').length;").await?;
    ensure!(controls == json!(1), "the page has {controls} file controls, not one");
    let input = page.client.find(Locator::Css("#open-files")).await?;
    input.send_keys(&format!("{}\n{}\n{}", story.display(), html.display(), pdf.display())).await?;
    page.wait_until("return !!document.getElementById('notice-text');", "a notice about the refused file").await?;
    let notice = page.text("#notice-text").await?;
    ensure!(notice.contains("“scan.pdf” was not opened") && notice.contains(".html"), "the notice says {notice:?}");
    let pastes = page.pastes().await?;
    let expected = [("story.txt", "magnitude 6.1"), ("page.html", "Quake hits\n\nThe agency said so.")];
    ensure!(
        pastes.len() == 2 && pastes.iter().zip(expected).all(|(p, (name, text))| p.0 == name && p.1.contains(text)),
        "after opening the files the pastes are {pastes:?}"
    );
    ensure!(page.script("return typeof window.__ran;").await? == json!("undefined"), "the opened page's script ran");
    let _ = std::fs::remove_dir_all(&dir);

    // The print view hides the controls and the pastes.
    let hidden: Value = page
        .script(
            "const hidden = [];
             for (const sheet of document.styleSheets) for (const rule of sheet.cssRules)
               if (rule.media && rule.media.mediaText === 'print')
                 for (const inner of rule.cssRules) if (inner.style && inner.style.display === 'none') hidden.push(inner.selectorText);
             return hidden.join(', ');",
        )
        .await?;
    let hidden = hidden.as_str().unwrap_or_default();
    ensure!(hidden.contains(".controls") && hidden.contains(".pastes-fold"), "print hides only {hidden:?}");
    Ok(())
}
