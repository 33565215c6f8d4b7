//! End to end: a link made by `wiretrace link` opens in the page with its pastes, and the page's
//! own Share link opens back into the same files with `wiretrace open` (the harness is `lib.rs`).

use std::path::PathBuf;
use std::process::Command;
use wiretrace_e2e::*;

const BUNDLE: &str = "tests/fixtures/bundles/afcon-final-2024";
const FILES: [&str; 2] = ["a1.txt", "a3.txt"];

fn cli(args: &[&str]) -> Result<String, Box<dyn std::error::Error>> {
    let bin = env_path("WIRETRACE_BIN", "target/debug/wiretrace");
    let output = Command::new(&bin).args(args).current_dir(repo_path(BUNDLE)).output()?;
    ensure!(output.status.success(), "wiretrace {args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
    Ok(String::from_utf8(output.stdout)?)
}

#[tokio::test]
async fn a_cli_link_opens_in_the_page_and_the_page_link_opens_in_the_cli() {
    let site = Site::start();
    let page = site.browser().await;
    let outcome = round_trip(&site, &page).await;
    finish(page, outcome).await;
}

async fn round_trip(site: &Site, page: &Browser) -> Outcome {
    let base = format!("{}/", site.base);
    let mut args = vec!["link", "--base", base.as_str()];
    args.extend(FILES);
    let link = cli(&args)?.trim().to_string();
    ensure!(link.starts_with(&format!("{base}#v2.")), "wiretrace link printed {link}");

    page.client.goto(&link).await?;
    page.wait_for_report("on opening the CLI's link").await?;
    let expected: Vec<(String, String)> = FILES
        .iter()
        .map(|f| Ok((f.to_string(), std::fs::read_to_string(repo_path(BUNDLE).join(f))?)))
        .collect::<Result<_, std::io::Error>>()?;
    let shown = page.pastes().await?;
    ensure!(shown == expected, "the page shows the pastes {:?}, the link holds {FILES:?}", shown.iter().map(|p| &p.0).collect::<Vec<_>>());
    let analysed = cli(&["open", &link, "--format", "summary"])?;
    let claims = page.client.find_all(fantoccini::Locator::Css(".claim-card")).await?.len();
    let cli_claims: usize = analysed.lines().find_map(|l| l.split(" claims, ").next()?.parse().ok()).unwrap_or(usize::MAX);
    ensure!(claims == cli_claims, "the page shows {claims} claims, `wiretrace open` {cli_claims}");

    page.click("#share").await?;
    let page_link = page.wait_for("#share-link").await?.prop("value").await?.unwrap_or_default();
    let dir: PathBuf = std::env::temp_dir().join(format!("wiretrace-e2e-open-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let written = cli(&["open", &page_link, "--dir", dir.to_str().ok_or("temp dir is not UTF-8")?])?;
    ensure!(written.lines().count() == FILES.len(), "wiretrace open wrote {written}");
    for (name, text) in &expected {
        let reopened = std::fs::read_to_string(dir.join(name))?;
        ensure!(&reopened == text, "{name} differs after the page's link went through `wiretrace open`");
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
