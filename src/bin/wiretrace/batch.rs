//! `wiretrace batch`: many stories, one report each, in input order, on every core.
//!
//! A reader thread takes stories from JSON Lines or a directory of story folders, workers
//! analyse them, and the calling thread writes the results in input order. At most
//! `IN_FLIGHT_PER_WORKER × jobs` stories are read and not yet written, so memory is bounded by
//! the stories in flight, never by the input's length.

use crate::format::{render, Format};
use crate::input::utf8;
use indicatif::{ProgressBar, ProgressStyle};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::mpsc::{channel, sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use wiretrace::{analyze, Input};

const IN_FLIGHT_PER_WORKER: usize = 4;
/// A longer story line is refused (its record says so) rather than held in memory.
pub const MAX_LINE_BYTES: usize = 64 << 20;

/// Where the stories come from.
pub enum Source {
    /// JSON Lines, and the number of their first line (1, or where a Spark partition starts).
    Lines(Box<dyn BufRead + Send>, usize),
    /// Story folders, sorted by name: each folder is one story, its files its articles.
    Folders(Vec<PathBuf>),
}

/// One story as read, not yet parsed: a JSON line, or a folder.
enum Raw {
    Line { number: usize, bytes: Result<Vec<u8>, String> },
    Folder(PathBuf),
}

#[derive(Deserialize)]
struct StoryLine {
    #[serde(default)]
    id: Value,
    articles: Vec<Input>,
}

/// A story analysed, or why it could not be.
struct Outcome {
    id: Value,
    at: String,
    result: Result<wiretrace::Report, String>,
}

fn read_story(raw: Raw) -> (Value, String, Result<Vec<Input>, String>) {
    match raw {
        Raw::Line { number, bytes } => {
            let at = format!("line {number}");
            let parsed = bytes.and_then(|b| utf8(b, &at)).and_then(|text| {
                serde_json::from_str::<StoryLine>(&text).map_err(|e| format!("{at} is not a story ({{\"id\", \"articles\": [{{\"name\", \"text\"}}]}}): {e}"))
            });
            match parsed {
                Ok(story) => (story.id, at, Ok(story.articles)),
                Err(e) => (Value::Null, at, Err(e)),
            }
        }
        Raw::Folder(path) => {
            let id = Value::String(path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
            let at = path.display().to_string();
            let articles = read_folder(&path);
            (id, at, articles)
        }
    }
}

fn read_folder(path: &PathBuf) -> Result<Vec<Input>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
        .iter()
        .map(|file| {
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let bytes = std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            Ok(Input::new(name, utf8(bytes, &file.display().to_string())?))
        })
        .collect()
}

fn analyse(raw: Raw) -> Outcome {
    let (id, at, articles) = read_story(raw);
    Outcome { id, at, result: articles.map(|a| analyze(&a)) }
}

/// Reads one line of at most `MAX_LINE_BYTES` (without its line end); a longer one is
/// consumed and refused. `None` at the end of the input.
fn next_line(reader: &mut dyn BufRead) -> Option<Result<Vec<u8>, String>> {
    let mut line = Vec::new();
    let mut too_long = false;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) => return Some(Err(format!("cannot read: {e}"))),
        };
        if chunk.is_empty() {
            break;
        }
        let (take, done) = chunk.iter().position(|&b| b == b'\n').map_or((chunk.len(), false), |i| (i + 1, true));
        if line.len() + take <= MAX_LINE_BYTES + 1 {
            line.extend_from_slice(&chunk[..take]);
        } else {
            too_long = true;
        }
        reader.consume(take);
        if done {
            break;
        }
    }
    if line.is_empty() && !too_long {
        return None;
    }
    if too_long {
        return Some(Err(format!("the line is longer than {} MB", MAX_LINE_BYTES >> 20)));
    }
    while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
        line.pop();
    }
    Some(Ok(line))
}

/// Sends each story of the source to `send`, blank lines skipped; stops when `send` fails.
fn read_source(source: Source, mut send: impl FnMut(Raw) -> bool) {
    match source {
        Source::Lines(mut reader, first_line) => {
            let mut number = first_line.saturating_sub(1);
            while let Some(bytes) = next_line(&mut *reader) {
                number += 1;
                let blank = bytes.as_ref().is_ok_and(|b| b.iter().all(u8::is_ascii_whitespace));
                if !blank && !send(Raw::Line { number, bytes }) {
                    return;
                }
            }
        }
        Source::Folders(folders) => {
            for folder in folders {
                if !send(Raw::Folder(folder)) {
                    return;
                }
            }
        }
    }
}

fn story_name(id: &Value) -> String {
    match id {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// A line of the JSON output. Serialised straight from the report (not through a `Value`, which
/// would widen its f32 scores), so a report's bytes are those of `analyze --format jsonl`.
#[derive(Serialize)]
struct Record<'a> {
    id: &'a Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<&'a wiretrace::Report>,
    #[serde(skip_serializing_if = "Option::is_none")]
    at: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

/// Writes outcomes in one format: a JSON array's brackets, the CSV's one header.
struct Writer<W: Write> {
    out: W,
    format: Format,
    written: usize,
    failed: usize,
    csv_header_written: bool,
}

impl<W: Write> Writer<W> {
    fn record(outcome: &Outcome) -> Record<'_> {
        match &outcome.result {
            Ok(report) => Record { id: &outcome.id, report: Some(report), at: None, error: None },
            Err(e) => Record { id: &outcome.id, report: None, at: Some(&outcome.at), error: Some(e) },
        }
    }

    fn write(&mut self, outcome: &Outcome) -> std::io::Result<()> {
        let first = self.written == 0;
        self.written += 1;
        if let Err(e) = &outcome.result {
            self.failed += 1;
            if !matches!(self.format, Format::Json | Format::Jsonl) {
                eprintln!("wiretrace: {}: {e}", outcome.at);
                return Ok(());
            }
        }
        let name = story_name(&outcome.id);
        match (self.format, &outcome.result) {
            (Format::Jsonl, _) => {
                let line = serde_json::to_string(&Self::record(outcome)).expect("a record always serialises");
                writeln!(self.out, "{line}")
            }
            (Format::Json, _) => {
                let pretty = serde_json::to_string_pretty(&Self::record(outcome)).expect("a record always serialises");
                write!(self.out, "{}{pretty}", if first { "[\n" } else { ",\n" })
            }
            (Format::Csv, Ok(report)) => {
                let csv = render(report, Format::Csv, Some(&name));
                // One header for the whole run.
                let skip = if self.csv_header_written { csv.find("\r\n").map_or(0, |i| i + 2) } else { 0 };
                self.csv_header_written = true;
                self.out.write_all(&csv.as_bytes()[skip..])
            }
            (Format::Summary | Format::Markdown, Ok(report)) => {
                let title = if self.format == Format::Markdown { wiretrace::export::escape_markdown(&name) } else { name };
                write!(self.out, "{}== story {title} ==\n\n{}", if first { "" } else { "\n" }, render(report, self.format, None))
            }
            (_, Err(_)) => Ok(()),
        }
    }

    fn finish(&mut self) -> std::io::Result<()> {
        match self.format {
            Format::Json if self.written == 0 => self.out.write_all(b"[]\n")?,
            Format::Json => self.out.write_all(b"\n]\n")?,
            Format::Csv if !self.csv_header_written => self.out.write_all(render_header().as_bytes())?,
            _ => {}
        }
        self.out.flush()
    }
}

fn render_header() -> String {
    let empty = wiretrace::Report { schema: String::new(), inputs: vec![], articles: vec![], claims: vec![], verdict: Default::default() };
    wiretrace::export::csv(&empty, None)
}

fn progress_bar(folders: Option<usize>) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = folders.map_or_else(ProgressBar::new_spinner, |n| ProgressBar::new(n as u64));
    let template = if folders.is_some() { "{bar:40} {pos}/{len} stories, {per_sec}, {eta} left" } else { "{spinner} {pos} stories, {per_sec}" };
    bar.set_style(ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()));
    bar
}

/// Runs the batch: returns how many stories were written and how many of them failed.
pub fn run(source: Source, jobs: usize, format: Format, out: impl Write) -> std::io::Result<(usize, usize)> {
    let jobs = jobs.max(1);
    let bar = progress_bar(match &source {
        Source::Folders(f) => Some(f.len()),
        Source::Lines(..) => None,
    });
    let in_flight = jobs * IN_FLIGHT_PER_WORKER;
    // A ticket per story in flight: the reader takes one per story, the writer gives it back.
    let (ticket_back, tickets) = sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        let _ = ticket_back.send(());
    }
    let (to_workers, work) = sync_channel::<(usize, Raw)>(in_flight);
    let work: Arc<Mutex<Receiver<(usize, Raw)>>> = Arc::new(Mutex::new(work));
    let (to_writer, done) = channel::<(usize, Outcome)>();
    let mut writer = Writer { out, format, written: 0, failed: 0, csv_header_written: false };
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut index = 0;
            read_source(source, |raw| {
                let sent = tickets.recv().is_ok() && to_workers.send((index, raw)).is_ok();
                index += 1;
                sent
            });
        });
        for _ in 0..jobs {
            let (work, to_writer) = (Arc::clone(&work), to_writer.clone());
            scope.spawn(move || loop {
                let next = work.lock().map(|w| w.recv());
                let Ok(Ok((index, raw))) = next else { return };
                if to_writer.send((index, analyse(raw))).is_err() {
                    return;
                }
            });
        }
        drop(to_writer);
        write_in_order(&mut writer, done, ticket_back, &bar)
    })?;
    bar.finish_and_clear();
    Ok((writer.written, writer.failed))
}

/// Writes outcomes as they come, each once all before it are written. On a write error it
/// returns at once: dropping `done` and `tickets` stops the workers and the reader.
fn write_in_order<W: Write>(
    writer: &mut Writer<W>,
    done: Receiver<(usize, Outcome)>,
    tickets: SyncSender<()>,
    bar: &ProgressBar,
) -> std::io::Result<()> {
    let mut pending = BTreeMap::new();
    for (index, outcome) in done.iter() {
        pending.insert(index, outcome);
        while let Some(outcome) = pending.remove(&writer.written) {
            writer.write(&outcome)?;
            bar.inc(1);
            let _ = tickets.send(());
        }
    }
    writer.finish()
}
