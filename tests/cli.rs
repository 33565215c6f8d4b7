//! The command line end to end: every command through the built binary, its outputs parsed
//! back and its exit statuses.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BUNDLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bundles/afcon-final-2024");

fn wiretrace(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wiretrace"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn bundle_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(BUNDLE)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    files
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn story_line(id: &str, files: &[String]) -> String {
    let articles: Vec<Value> = files
        .iter()
        .map(|f| serde_json::json!({"name": f, "text": std::fs::read_to_string(f).unwrap()}))
        .collect();
    serde_json::json!({"id": id, "articles": articles}).to_string()
}

fn analyze_json(files: &[String]) -> Value {
    let args: Vec<&str> = ["analyze", "--format", "json"].into_iter().chain(files.iter().map(String::as_str)).collect();
    let out = wiretrace(&args, b"");
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn analyze_formats_agree_with_the_json_report() {
    let files = bundle_files();
    let report = analyze_json(&files);
    let args = |format| ["analyze", "--format", format].into_iter().chain(files.iter().map(String::as_str)).collect::<Vec<_>>();
    let jsonl = stdout(&wiretrace(&args("jsonl"), b""));
    assert_eq!(jsonl.lines().count(), 1);
    assert_eq!(serde_json::from_str::<Value>(&jsonl).unwrap(), report);
    let csv = stdout(&wiretrace(&args("csv"), b""));
    let rows: Vec<_> = csv::Reader::from_reader(csv.as_bytes()).records().collect::<Result<_, _>>().unwrap();
    let mentions: usize = report["claims"].as_array().unwrap().iter().map(|c| c["mentions"].as_array().unwrap().len()).sum();
    assert_eq!(rows.len(), mentions);
    assert!(stdout(&wiretrace(&args("markdown"), b"")).starts_with("# wiretrace report\n"));
    let summary = stdout(&wiretrace(&args("summary"), b""));
    assert!(summary.contains("reported by more than one article"));
    // --json stays for old scripts.
    let legacy = ["analyze", "--json"].into_iter().chain(files.iter().map(String::as_str)).collect::<Vec<_>>();
    assert_eq!(serde_json::from_str::<Value>(&stdout(&wiretrace(&legacy, b""))).unwrap(), report);
}

#[test]
fn batch_writes_one_record_per_story_in_order_and_names_bad_lines() {
    let files = bundle_files();
    let input = [
        story_line("first", &files[..3]),
        String::new(),
        "{not json".to_string(),
        story_line("second", &files[3..]),
        "{\"id\": 7}".to_string(),
    ]
    .join("\n");
    let mut bytes = input.into_bytes();
    bytes.extend_from_slice(b"\n\xff\xfe\n");
    bytes.extend_from_slice(story_line("third", &files[..1]).as_bytes());
    let out = wiretrace(&["batch", "-j", "3"], &bytes);
    assert_eq!(out.status.code(), Some(1), "some stories failed: {}", stderr(&out));
    let records: Vec<Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids: Vec<&Value> = records.iter().map(|r| &r["id"]).collect();
    assert_eq!(ids, [&Value::from("first"), &Value::Null, &Value::from("second"), &Value::Null, &Value::Null, &Value::from("third")]);
    assert_eq!(records[1]["at"], "line 3");
    assert_eq!(records[3]["at"], "line 5");
    assert!(records[4]["error"].as_str().unwrap().contains("line 6 is not UTF-8"), "{}", records[4]);
    // The report is the one `analyze` gives, to the byte.
    let jsonl_of = |files: &[String]| {
        let args: Vec<&str> = ["analyze", "--format", "jsonl"].into_iter().chain(files.iter().map(String::as_str)).collect();
        stdout(&wiretrace(&args, b""))
    };
    let first_line = stdout(&out).lines().next().unwrap().to_string();
    assert_eq!(first_line, format!("{{\"id\":\"first\",\"report\":{}}}", jsonl_of(&files[..3]).trim_end()));
    assert!(records[2]["report"] == analyze_json(&files[3..].to_vec()), "second story's report differs");
    // One job or three: the same bytes.
    assert_eq!(wiretrace(&["batch", "-j", "1"], &bytes).stdout, out.stdout);
}

#[test]
fn batch_reads_story_folders_and_writes_csv_with_one_header() {
    let dir = scratch("story-folders");
    let files = bundle_files();
    for (story, part) in [("b-story", &files[..2]), ("a-story", &files[2..])] {
        std::fs::create_dir(dir.join(story)).unwrap();
        for f in part {
            std::fs::copy(f, dir.join(story).join(Path::new(f).file_name().unwrap())).unwrap();
        }
    }
    let out_file = dir.join("out.csv");
    let out = wiretrace(&["batch", dir.to_str().unwrap(), "--format", "csv", "-o", out_file.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let csv_text = std::fs::read_to_string(&out_file).unwrap();
    assert_eq!(csv_text.matches("story,claim,kind").count(), 1);
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(csv_text.as_bytes()).records().collect::<Result<_, _>>().unwrap();
    let stories: Vec<&str> = rows.iter().map(|r| r.get(0).unwrap()).collect();
    let first_b = stories.iter().position(|s| *s == "b-story").expect("b-story rows");
    assert!(stories[..first_b].iter().all(|s| *s == "a-story") && first_b > 0, "folders in name order");
    assert!(rows.iter().all(|r| r.get(4).unwrap().ends_with(".txt")));
}

#[test]
fn group_finds_the_stories_of_a_stream() {
    let bank = "The central bank raised its main interest rate by a quarter point on Tuesday, the first increase in seventeen years, \
        saying inflation had settled near its target of two percent and wages were rising across the country.";
    let flood = "Heavy rain flooded the eastern province overnight, forcing thousands of families from their homes as rivers \
        burst their banks and rescue teams worked through the night with boats.";
    let lines = [
        serde_json::json!({"name": "x1", "text": bank}),
        serde_json::json!({"name": "y1", "text": flood}),
        serde_json::json!({"name": "x2", "text": format!("TOKYO (Reuters) - {} Markets rose.", bank.replace("Tuesday", "Tuesday morning"))}),
        serde_json::json!({"name": "y2", "text": format!("Updated: {flood}"), "published": "2024-01-02"}),
    ];
    let mut input: String = lines.iter().map(|l| format!("{l}\n")).collect();
    input.push_str("[1, 2]\n");
    let out = wiretrace(&["group"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("line 5 is not an article"), "{}", stderr(&out));
    let stories: Vec<Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let names: Vec<Vec<&str>> = stories.iter().map(|s| s["articles"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap()).collect()).collect();
    assert_eq!(names, [vec!["x1", "x2"], vec!["y1", "y2"]]);
    // The story lines are what batch reads.
    let batch = wiretrace(&["batch"], stdout(&out).as_bytes());
    assert!(batch.status.success(), "{}", stderr(&batch));
    assert_eq!(stdout(&batch).lines().count(), 2);
}

#[test]
fn link_and_open_round_trip_and_refuse_a_damaged_link() {
    let files = bundle_files();
    let mut args = vec!["link", "--base", "https://example.org/wt/"];
    args.extend(files[..2].iter().map(String::as_str));
    let out = wiretrace(&args, b"");
    assert!(out.status.success());
    let link = stdout(&out).trim().to_string();
    assert!(link.starts_with("https://example.org/wt/#v2."), "{link}");
    let dir = scratch("opened");
    let opened = wiretrace(&["open", &link, "--dir", dir.to_str().unwrap()], b"");
    assert!(opened.status.success(), "{}", stderr(&opened));
    for f in &files[..2] {
        let name = Path::new(f).file_name().unwrap();
        assert_eq!(std::fs::read_to_string(dir.join(name)).unwrap(), std::fs::read_to_string(f).unwrap());
    }
    // Opening again would overwrite: refused.
    assert_eq!(wiretrace(&["open", &link, "--dir", dir.to_str().unwrap()], b"").status.code(), Some(3));
    let analysed = wiretrace(&["open", &link, "--format", "json"], b"");
    assert_eq!(serde_json::from_str::<Value>(&stdout(&analysed)).unwrap(), analyze_json(&files[..2].to_vec()));
    let damaged = &link[..link.len() - 7];
    let refused = wiretrace(&["open", damaged], b"");
    assert_eq!(refused.status.code(), Some(3));
    let expected = wiretrace::permalink::decode(damaged.rsplit_once('#').unwrap().1).unwrap_err().to_string();
    assert_eq!(stderr(&refused).trim(), format!("wiretrace: {expected}"));
    assert!(stdout(&refused).is_empty());
}

#[test]
fn version_help_and_exit_statuses() {
    let version = wiretrace(&["--version"], b"");
    assert_eq!(stdout(&version), format!("wiretrace {}\n", env!("CARGO_PKG_VERSION")));
    for command in ["analyze", "batch", "group", "link", "open"] {
        let help = wiretrace(&[command, "--help"], b"");
        assert!(help.status.success());
        assert!(stdout(&help).starts_with(&format!("usage: wiretrace {command}")), "{command}");
        assert_eq!(stdout(&wiretrace(&["help", command], b"")), stdout(&help));
    }
    assert_eq!(wiretrace(&[], b"").status.code(), Some(2));
    assert_eq!(wiretrace(&["frobnicate"], b"").status.code(), Some(2));
    assert_eq!(wiretrace(&["batch", "-j", "0"], b"").status.code(), Some(2));
    assert_eq!(wiretrace(&["analyze", "--format", "xml", "a"], b"").status.code(), Some(2));
    let missing = wiretrace(&["analyze", "/no/such/file.txt"], b"");
    assert_eq!(missing.status.code(), Some(3));
    assert!(stderr(&missing).contains("cannot read /no/such/file.txt"));
    assert_eq!(wiretrace(&["analyze", "-"], b"\xff\xfe").status.code(), Some(3));
}

#[test]
fn html_files_are_read_as_pages_and_html_goes_beside_one_paste() {
    let page = "<nav><a href=/>Home</a> <a href=/w>World</a></nav><h1>Dam repairs begin</h1>\
        <p>Engineers began repairing the old dam on Monday after a crack was found in its wall, the city said.</p>";
    let dir = scratch("html-page");
    let html = dir.join("page.html");
    std::fs::write(&html, page).unwrap();
    let report: Value = serde_json::from_str(&stdout(&wiretrace(&["analyze", "--json", html.to_str().unwrap()], b""))).unwrap();
    // The paste is the page's visible text, not its markup: byte counts and spans refer to it.
    let visible = wiretrace::clean::markup::visible_text(page);
    assert_eq!(report["inputs"][0]["bytes"], visible.len());
    assert_eq!(report["articles"][0]["title"], "Dam repairs begin");

    let text = dir.join("page.txt");
    std::fs::write(&text, &visible).unwrap();
    let with_html = wiretrace(&["analyze", "--json", text.to_str().unwrap(), "--html", html.to_str().unwrap()], b"");
    assert_eq!(stdout(&with_html), stdout(&wiretrace(&["analyze", "--json", html.to_str().unwrap()], b"")).replace(html.to_str().unwrap(), text.to_str().unwrap()));
    let two = wiretrace(&["analyze", text.to_str().unwrap(), text.to_str().unwrap(), "--html", html.to_str().unwrap()], b"");
    assert_eq!(two.status.code(), Some(2));
    assert!(stderr(&two).contains("--html goes with one FILE"));
}
