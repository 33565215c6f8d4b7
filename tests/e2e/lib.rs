//! The end-to-end tests' harness: the built page (`dist/`) served on 127.0.0.1 and driven in
//! headless Chromium through chromedriver, as a person would use it. Each file in `tests/` is one
//! topic of scenarios and uses this harness.
//!
//! Run by `make test` after `trunk build --release`, which sets:
//! - `WIRETRACE_DIST`: the built page (default `dist/` of the repository);
//! - `WIRETRACE_BIN`: the `wiretrace` CLI whose `analyze --json` the download must equal;
//! - `WIRETRACE_SEEDS`: the seed pastes the page's example embeds;
//! - `CHROMEDRIVER`, `CHROMIUM`: the browser (defaults: Debian's paths);
//! - `WIRETRACE_AXE`: axe-core's `axe.min.js` (scripts/install.sh puts it in tests/e2e/node_modules);
//! - `WIRETRACE_SCREENSHOT` (optional): where to save the first desktop screen, example analysed;
//! - `WIRETRACE_UI_SHOTS` (optional): a folder for the first screens on a desktop and a phone.

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub type Outcome = Result<(), Box<dyn std::error::Error>>;

/// Fails the scenario (not the process) so the browser is still closed properly.
#[macro_export]
macro_rules! ensure {
    ($cond:expr, $($message:tt)+) => {
        if !$cond {
            return Err(format!($($message)+).into());
        }
    };
}

pub const WAIT: Duration = Duration::from_secs(30);

pub fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(relative)
}

pub fn env_path(name: &str, default: &str) -> PathBuf {
    std::env::var_os(name).map(PathBuf::from).unwrap_or_else(|| repo_path(default))
}

/// Serves the files of `root` over HTTP on 127.0.0.1 (GET only, no directory listings);
/// returns the base URL. Enough for a static page; not a general server.
pub fn serve_static(root: PathBuf) -> String {
    serve_under(root, "").base
}

/// A static server of one folder under a path prefix, that can be taken "offline": then it
/// closes every connection unanswered, as a server that went away.
pub struct Server {
    /// The address of the folder's root, with the prefix: `http://127.0.0.1:PORT/sub`.
    pub base: String,
    offline: Arc<AtomicBool>,
    /// Requests answered so far.
    answered: Arc<AtomicUsize>,
}

impl Server {
    pub fn set_offline(&self, offline: bool) {
        self.offline.store(offline, Ordering::SeqCst);
    }

    pub fn answered(&self) -> usize {
        self.answered.load(Ordering::SeqCst)
    }
}

/// Serves `root` under `prefix` ("" or "/sub"): `/sub/x` is `root/x`, anything outside the
/// prefix is not found.
pub fn serve_under(root: PathBuf, prefix: &str) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a local port");
    let base = format!("http://{}{prefix}", listener.local_addr().expect("local address"));
    let (offline, answered) = (Arc::new(AtomicBool::new(false)), Arc::new(AtomicUsize::new(0)));
    let (prefix, is_offline, count) = (prefix.to_string(), offline.clone(), answered.clone());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            if is_offline.load(Ordering::SeqCst) {
                drop(stream);
                continue;
            }
            count.fetch_add(1, Ordering::SeqCst);
            let (root, prefix) = (root.clone(), prefix.clone());
            std::thread::spawn(move || respond(&root, &prefix, stream));
        }
    });
    Server { base, offline, answered }
}

fn respond(root: &Path, prefix: &str, mut stream: TcpStream) {
    let mut request_line = String::new();
    let mut reader = BufReader::new(&stream);
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Drain the headers; the request has no body that matters.
    let mut header = String::new();
    while reader.read_line(&mut header).map(|n| n > 2).unwrap_or(false) {
        header.clear();
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let file = path.strip_prefix(prefix).and_then(|path| {
        let path = path.trim_start_matches('/');
        let path = if path.is_empty() { "index.html" } else { path };
        (!path.split('/').any(|part| part == ".." || part.is_empty()))
            .then(|| std::fs::read(root.join(path)).ok().map(|body| (body, content_type(path))))
            .flatten()
    });
    let (status, body, content_type) = match file {
        Some((body, content_type)) => ("200 OK", body, content_type),
        None => ("404 Not Found", b"not found".to_vec(), "text/plain"),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes()).and_then(|_| stream.write_all(&body));
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

/// The page being served and a chromedriver to open browsers on it; stops chromedriver on drop.
pub struct Site {
    pub base: String,
    chromedriver: Child,
    webdriver_url: String,
}

impl Site {
    pub fn start() -> Site {
        let dist = env_path("WIRETRACE_DIST", "dist");
        assert!(
            dist.join("index.html").is_file(),
            "no built page in {}: run `trunk build --release` first",
            dist.display()
        );
        let base = serve_static(dist);
        let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
        let driver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let chromedriver = Command::new(&driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {driver}: {e}"));
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < WAIT, "chromedriver did not listen on port {port}");
            std::thread::sleep(Duration::from_millis(50));
        }
        Site { base, chromedriver, webdriver_url: format!("http://127.0.0.1:{port}") }
    }

    /// Serves the same built page a second time, under `prefix` (say "/sub").
    pub fn serve_under(&self, prefix: &str) -> Server {
        serve_under(env_path("WIRETRACE_DIST", "dist"), prefix)
    }

    /// A new browser session with a fresh profile: no drafts, no cache.
    pub async fn browser(&self) -> Browser {
        self.browser_sized(1280, 1700).await
    }

    /// The same in a window of this size (a desktop's first screen).
    pub async fn browser_sized(&self, width: u32, height: u32) -> Browser {
        self.browser_with(width, height, None).await
    }

    /// The same as a phone of 390x844 CSS pixels (at 3 device pixels each) shows the page:
    /// headless Chromium makes no window narrower than about 500 px, so the phone is emulated.
    pub async fn phone(&self) -> Browser {
        let metrics = json!({ "deviceMetrics": { "width": PHONE.0, "height": PHONE.1, "pixelRatio": 3.0, "touch": true } });
        self.browser_with(PHONE.0, PHONE.1, Some(metrics)).await
    }

    async fn browser_with(&self, width: u32, height: u32, mobile_emulation: Option<Value>) -> Browser {
        static SESSIONS: AtomicUsize = AtomicUsize::new(0);
        let profile = std::env::temp_dir().join(format!(
            "wiretrace-e2e-{}-{}",
            std::process::id(),
            SESSIONS.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&profile);
        let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let mut options = json!({
            "binary": chromium,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", format!("--window-size={width},{height}"), "--hide-scrollbars",
                format!("--user-data-dir={}", profile.display()),
            ],
        });
        if let Some(emulation) = mobile_emulation {
            options["mobileEmulation"] = emulation;
        }
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("goog:chromeOptions".into(), options);
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&self.webdriver_url)
            .await
            .expect("a chromedriver session");
        Browser { client, profile }
    }
}

/// The phone the page is checked on, in CSS pixels: 390x844, an iPhone 12 to 14's screen.
pub const PHONE: (u32, u32) = (390, 844);

impl Drop for Site {
    fn drop(&mut self) {
        let _ = self.chromedriver.kill();
        let _ = self.chromedriver.wait();
    }
}

pub struct Browser {
    pub client: Client,
    profile: PathBuf,
}

impl Browser {
    pub async fn close(self) {
        let _ = self.client.close().await;
        let _ = std::fs::remove_dir_all(&self.profile);
    }

    pub async fn wait_for(&self, css: &str) -> Result<fantoccini::elements::Element, fantoccini::error::CmdError> {
        self.client.wait().at_most(WAIT).for_element(Locator::Css(css)).await
    }

    pub async fn click(&self, css: &str) -> Outcome {
        self.wait_for(css).await?.click().await?;
        Ok(())
    }

    pub async fn text(&self, css: &str) -> Result<String, fantoccini::error::CmdError> {
        self.wait_for(css).await?.text().await
    }

    pub async fn script(&self, js: &str) -> Result<Value, fantoccini::error::CmdError> {
        self.client.execute(js, vec![]).await
    }

    /// Waits until the script `js` returns true.
    pub async fn wait_until(&self, js: &str, what: &str) -> Outcome {
        let started = Instant::now();
        while self.script(js).await? != json!(true) {
            ensure!(started.elapsed() < WAIT, "{what} not within {WAIT:?}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Ok(())
    }

    /// Analyses the pastes on the page and waits for the report.
    pub async fn analyze(&self) -> Outcome {
        self.click("#analyze").await?;
        self.wait_for_report("after pressing Analyze").await
    }

    /// Waits until no analysis runs and a report is shown.
    pub async fn wait_for_report(&self, when: &str) -> Outcome {
        let done = "return !document.getElementById('analysing') && !!document.querySelector('.results');";
        self.wait_until(done, &format!("a report {when}")).await
    }

    /// The name and text of every paste area, in order.
    pub async fn pastes(&self) -> Result<Vec<(String, String)>, fantoccini::error::CmdError> {
        self.wait_for(".paste-text").await?;
        let pastes = self
            .script("return Array.from(document.querySelectorAll('.paste'), (p) => [p.querySelector('.paste-name').value, p.querySelector('.paste-text').value]);")
            .await?;
        Ok(serde_json::from_value(pastes).unwrap_or_default())
    }

    /// What the report shows, without the timing (which differs from run to run).
    pub async fn report_text(&self) -> Result<String, fantoccini::error::CmdError> {
        Ok(format!("{}\n{}", self.text(".articles").await?, self.text(".claims").await?))
    }
}

/// Closes the browser whatever happened in it, then fails the test if the scenario did.
pub async fn finish(page: Browser, outcome: Outcome) {
    page.close().await;
    if let Err(error) = outcome {
        panic!("{error}");
    }
}

/// `wiretrace analyze --json` on the seeds, run in their folder on bare file names (the names
/// the page's example uses).
pub fn cli_report() -> Vec<u8> {
    let seeds = env_path("WIRETRACE_SEEDS", "tests/fixtures/seeds");
    let cli = env_path("WIRETRACE_BIN", "target/debug/wiretrace");
    let output = Command::new(&cli)
        .arg("analyze")
        .args(seed_names())
        .arg("--json")
        .current_dir(&seeds)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", cli.display()));
    assert!(output.status.success(), "the CLI failed: {}", String::from_utf8_lossy(&output.stderr));
    output.stdout
}

/// The seeds' file names, sorted: the names of the example's pastes.
pub fn seed_names() -> Vec<String> {
    let seeds = env_path("WIRETRACE_SEEDS", "tests/fixtures/seeds");
    let mut names: Vec<String> = std::fs::read_dir(&seeds)
        .expect("the seeds folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
}

/// How many articles and claims a report (JSON) lists.
pub fn counts(report: &[u8]) -> Result<(usize, usize), serde_json::Error> {
    let report = serde_json::from_slice::<Value>(report)?;
    let count = |key: &str| report[key].as_array().map_or(0, Vec::len);
    Ok((count("articles"), count("claims")))
}

/// Counts the animation frames (each is painted) in which "Analysing…" is in the page.
pub const WATCH_FRAMES_FOR_ANALYSING: &str = "window.__framesWithAnalysing = 0;
    const watch = () => {
      if (document.getElementById('analysing')) window.__framesWithAnalysing += 1;
      if (!document.querySelector('.results')) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);";

/// Makes the page hand every Blob it offers for download to the test as well.
pub const CAPTURE_DOWNLOADS: &str = "window.__downloads = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob) => { window.__downloads.push(blob); return create.call(URL, blob); };";

/// Every captured download as text, in order.
pub const DOWNLOAD_TEXTS: &str = "const done = arguments[arguments.length - 1];
    Promise.all(window.__downloads.map((blob) => blob.text())).then(done, (e) => done(String(e)));";

/// The bytes of the first captured download, as an array of numbers.
pub const FIRST_DOWNLOAD_BYTES: &str = "const done = arguments[arguments.length - 1];
    const blob = window.__downloads[0];
    if (!blob) { done(null); } else {
      blob.arrayBuffer().then((buffer) => done(Array.from(new Uint8Array(buffer))), (e) => done(String(e)));
    }";


/// Starts recording, from now on, what the hostile-input scenarios check: Content-Security-Policy
/// violations (`window.__violations`), main-thread tasks over 50 ms (`window.__longTasks`, their
/// durations) and the latency of input events (`window.__eventLatencies`: keydown to next paint).
pub const WATCH_THE_MAIN_THREAD: &str = "window.__violations = [];
    document.addEventListener('securitypolicyviolation',
      (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
    window.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(Math.round(e.duration))))
      .observe({ type: 'longtask' });
    window.__eventLatencies = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => {
      if (e.name === 'keydown' || e.name === 'input' || e.name === 'paste') window.__eventLatencies.push([e.name, e.duration]);
    })).observe({ type: 'event', durationThreshold: 16 });";

/// Sets the value of the element `arguments[0]` (CSS) to `arguments[1]` and fires an input
/// event, as a person's paste does.
pub const SET_VALUE: &str = "const field = document.querySelector(arguments[0]);
    field.value = arguments[1];
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));";

impl Browser {
    /// Sets the field `css` to `value` as a paste does ([`SET_VALUE`]).
    pub async fn set_value(&self, css: &str, value: &str) -> Outcome {
        self.wait_for(css).await?;
        self.client.execute(SET_VALUE, vec![json!(css), json!(value)]).await?;
        Ok(())
    }

    /// The numbers (or pairs) a [`WATCH_THE_MAIN_THREAD`] list holds, e.g. `"__longTasks"`.
    pub async fn watched(&self, list: &str) -> Result<Vec<Value>, fantoccini::error::CmdError> {
        let value = self.script(&format!("return window.{list} || [];")).await?;
        Ok(value.as_array().cloned().unwrap_or_default())
    }
}

/// A few megabytes of wire-style news: headlines, datelines, figures, quotes and reporting
/// verbs that vary from story to story, so every stage of the core has work to do.
pub fn long_paste(bytes: usize) -> String {
    let cities = ["LONDON", "PARIS", "MOSCOW", "BEIJING", "NAIROBI", "LIMA", "DELHI"];
    let agencies = ["Reuters", "AFP", "AP", "Xinhua", "TASS"];
    let mut text = String::with_capacity(bytes + 1024);
    for story in 0.. {
        if text.len() >= bytes {
            break;
        }
        let (city, agency) = (cities[story % cities.len()], agencies[story % agencies.len()]);
        text.push_str(&format!(
            "Floods hit district {district} as rivers rise\n\n\
             {city} ({agency}) - The minister said {hurt} people were hurt and {homes} homes were damaged \
             in district {district} on Monday, officials said.\n\
             \"We will rebuild {bridges} bridges before winter,\" the mayor told reporters, adding that \
             aid worth {aid} million dollars had been pledged.\n\n",
            district = story % 997,
            hurt = story * 7 % 1000,
            homes = story * 13 % 5000,
            bridges = story % 17 + 2,
            aid = story % 90 + 10,
        ));
    }
    text
}
