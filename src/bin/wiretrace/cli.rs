// The native command line, included by main.rs (the page's wasm32 build compiles no CLI).

mod args;
mod batch;
mod format;
mod group;
mod input;
mod link;

use args::{parse, UsageError};
use format::{render, Format};
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage: wiretrace COMMAND [OPTIONS]

Commands:
  analyze FILE...    analyse pastes (one file each, `-` reads standard input)
  batch [INPUT]      analyse many stories: one report per line, in input order
  group [INPUT]      group a stream of articles into the story lines `batch` reads
  link FILE...       print the page's link (permalink) for these pastes
  open LINK          decode a link into files, or analyse its pastes

`wiretrace COMMAND --help` explains a command; `wiretrace --version` prints the version.
Exit status: 0 done, 1 some stories or lines failed (the rest was done), 2 wrong command line,
3 an input, link or output could not be read or written.";

const ANALYZE: &str = "usage: wiretrace analyze FILE... [--format FORMAT] [--json] [--html HTML]
Each FILE is one paste (text as copied from a news page); `-` reads standard input. An .html or
.htm FILE is a saved page: its visible text is the paste, and its markup tells headings, lists,
navigation and captions apart.
  --format summary|json|jsonl|csv|markdown   what to print (default summary)
  --json                                     the same as --format json
  --html HTML                                the HTML the copy carried beside the one FILE's text
                                             (the clipboard's text/html); spans stay in FILE";

const BATCH: &str = "usage: wiretrace batch [INPUT] [-j N] [--format FORMAT] [-o FILE]
INPUT is a JSON Lines file, one story a line: {\"id\": ..., \"articles\": [{\"name\": ..., \"text\": ...}]},
or a directory whose folders are stories (each file in a folder one article); none or `-` reads
standard input. Writes one report per story, in input order; a story that cannot be read gets
an error record {\"id\", \"at\", \"error\"} and the run goes on (exit status 1).
  -j, --jobs N         stories analysed at once (default: every core)
  --format FORMAT      jsonl (default: {\"id\", \"report\"} a line), json (one array), csv (one
                       header, the story in the first column), markdown or summary (one section
                       a story; errors go to standard error)
  -o, --output FILE    write there instead of standard output
  --first-line N       number the input's lines from N (error records name lines as in the
                       whole input when a Spark partition is piped through batch)
A progress bar is shown when standard error is a terminal.";

const GROUP: &str = "usage: wiretrace group [INPUT] [-o FILE]
INPUT is JSON Lines, one article a line: {\"name\": ..., \"text\": ..., \"published\"?: ...}; none or `-`
reads standard input. Near-duplicate articles (MinHash/LSH over word shingles) form one story;
writes the story lines `wiretrace batch` reads, {\"id\": \"story-N\", \"articles\": [...]}, in the order
of each story's first article. Lines that are not articles are reported and skipped (exit status 1).
  -o, --output FILE    write there instead of standard output";

const LINK: &str = "usage: wiretrace link FILE... [--base URL]
Prints the page's link holding these pastes (each FILE one paste, `-` standard input); opening it
in the page shows and analyses them, as the page's Share link does.
  --base URL   the page's address (default http://127.0.0.1:8080/, where `make serve` serves it)";

const OPEN: &str = "usage: wiretrace open LINK [--dir DIR | --format FORMAT]
LINK is a page link (the whole URL, or its part from `#v2.`). With --dir, writes its pastes into
DIR, one file each (never overwriting); otherwise analyses them and prints the report in FORMAT
(summary|json|jsonl|csv|markdown, default summary). A damaged link is refused (exit status 3).";

/// What a command produced: its exit status (0 or 1); errors are `Failure`.
type Done = Result<u8, Failure>;

enum Failure {
    Usage(UsageError, &'static str),
    Io(String),
}

impl From<UsageError> for Failure {
    fn from(e: UsageError) -> Self {
        Failure::Usage(e, USAGE)
    }
}

fn usage(message: impl Into<String>, help: &'static str) -> Failure {
    Failure::Usage(UsageError(message.into()), help)
}

fn with_help<T>(result: Result<T, UsageError>, help: &'static str) -> Result<T, Failure> {
    result.map_err(|e| Failure::Usage(e, help))
}

fn print(text: &str) -> Done {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes()).and_then(|_| out.flush()).map_err(|e| Failure::Io(format!("cannot write standard output: {e}")))?;
    Ok(0)
}

fn format_of(parsed: &args::Parsed, default: Format, help: &'static str) -> Result<Format, Failure> {
    if parsed.switch("--json") {
        return Ok(Format::Json);
    }
    parsed.value("--format").map_or(Ok(default), |f| with_help(Format::parse(f), help))
}

fn read_inputs(files: &[String], help: &'static str) -> Result<Vec<wiretrace::Input>, Failure> {
    if files.is_empty() {
        return Err(usage("no files given", help));
    }
    files.iter().map(|f| input::read_input(f).map_err(Failure::Io)).collect()
}

fn analyze(rest: &[String]) -> Done {
    let parsed = with_help(parse(rest, &["--format", "--html"], &["--json"]), ANALYZE)?;
    let format = format_of(&parsed, Format::Summary, ANALYZE)?;
    let mut inputs = read_inputs(&parsed.positional, ANALYZE)?;
    if let Some(path) = parsed.value("--html") {
        let [input] = inputs.as_mut_slice() else { return Err(usage("--html goes with one FILE", ANALYZE)) };
        input.html = Some(input::read_text(path).map_err(Failure::Io)?);
    }
    print(&render(&wiretrace::analyze(&inputs), format, None))
}

/// The output file of `-o`, or standard output.
fn output(parsed: &args::Parsed) -> Result<Box<dyn Write + Send>, Failure> {
    Ok(match parsed.value("-o").or(parsed.value("--output")) {
        Some(path) => Box::new(std::io::BufWriter::new(std::fs::File::create(path).map_err(|e| Failure::Io(format!("cannot create {path}: {e}")))?)),
        None => Box::new(std::io::BufWriter::new(std::io::stdout())),
    })
}

fn one_input(parsed: &args::Parsed, help: &'static str) -> Result<Option<String>, Failure> {
    match parsed.positional.as_slice() {
        [] => Ok(None),
        [one] if one == "-" => Ok(None),
        [one] => Ok(Some(one.clone())),
        _ => Err(usage("give one INPUT (a file or a directory)", help)),
    }
}

fn open_lines(path: Option<&str>) -> Result<Box<dyn std::io::BufRead + Send>, Failure> {
    Ok(match path {
        None => Box::new(std::io::BufReader::new(std::io::stdin())),
        Some(p) => Box::new(std::io::BufReader::new(std::fs::File::open(p).map_err(|e| Failure::Io(format!("cannot read {p}: {e}")))?)),
    })
}

fn story_source(path: Option<String>, first_line: usize) -> Result<batch::Source, Failure> {
    match path {
        Some(dir) if std::path::Path::new(&dir).is_dir() => {
            let entries = std::fs::read_dir(&dir).map_err(|e| Failure::Io(format!("cannot read {dir}: {e}")))?;
            let mut folders: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_dir()).collect();
            folders.sort();
            Ok(batch::Source::Folders(folders))
        }
        path => Ok(batch::Source::Lines(open_lines(path.as_deref())?, first_line)),
    }
}

fn batch(rest: &[String]) -> Done {
    let parsed = with_help(parse(rest, &["-j", "--jobs", "--format", "-o", "--output", "--first-line"], &[]), BATCH)?;
    let format = format_of(&parsed, Format::Jsonl, BATCH)?;
    let jobs = match parsed.value("-j").or(parsed.value("--jobs")) {
        Some(n) => n.parse::<usize>().ok().filter(|&n| n > 0).ok_or_else(|| usage(format!("`-j {n}`: give a number of jobs, 1 or more"), BATCH))?,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let first_line = parsed.value("--first-line").map_or(Ok(1), |n| n.parse::<usize>().map_err(|_| usage(format!("`--first-line {n}`: give a line number"), BATCH)))?;
    let source = story_source(one_input(&parsed, BATCH)?, first_line)?;
    let (_, failed) = batch::run(source, jobs, format, output(&parsed)?).map_err(|e| Failure::Io(format!("cannot write the reports: {e}")))?;
    Ok(u8::from(failed > 0))
}

fn group(rest: &[String]) -> Done {
    let parsed = with_help(parse(rest, &["-o", "--output"], &[]), GROUP)?;
    let input = open_lines(one_input(&parsed, GROUP)?.as_deref())?;
    let failed = group::run(input, output(&parsed)?).map_err(|e| Failure::Io(format!("cannot group: {e}")))?;
    Ok(u8::from(failed > 0))
}

fn link(rest: &[String]) -> Done {
    let parsed = with_help(parse(rest, &["--base"], &[]), LINK)?;
    let inputs = read_inputs(&parsed.positional, LINK)?;
    print(&format!("{}\n", link::link(&inputs, parsed.value("--base").unwrap_or(link::DEFAULT_BASE))))
}

fn open(rest: &[String]) -> Done {
    let parsed = with_help(parse(rest, &["--dir", "--format"], &[]), OPEN)?;
    let [link] = parsed.positional.as_slice() else { return Err(usage("give one LINK", OPEN)) };
    let inputs = link::open(link).map_err(Failure::Io)?;
    match parsed.value("--dir") {
        Some(_) if parsed.value("--format").is_some() => Err(usage("--dir and --format do not go together", OPEN)),
        Some(dir) => {
            let written = link::write_files(&inputs, std::path::Path::new(dir)).map_err(Failure::Io)?;
            print(&written.iter().map(|w| format!("{w}\n")).collect::<String>())
        }
        None => print(&render(&wiretrace::analyze(&inputs), format_of(&parsed, Format::Summary, OPEN)?, None)),
    }
}

fn run(args: &[String]) -> Done {
    let Some((command, rest)) = args.split_first() else { return Err(usage("no command given", USAGE)) };
    let (command_fn, help): (fn(&[String]) -> Done, &'static str) = match command.as_str() {
        "-h" | "--help" | "help" => {
            let topic = rest.first().map(String::as_str);
            return print(&format!("{}\n", help_of(topic).unwrap_or(USAGE)));
        }
        "-V" | "--version" => return print(concat!("wiretrace ", env!("CARGO_PKG_VERSION"), "\n")),
        "analyze" => (analyze, ANALYZE),
        "batch" => (batch, BATCH),
        "group" => (group, GROUP),
        "link" => (link, LINK),
        "open" => (open, OPEN),
        other => return Err(usage(format!("unknown command `{other}`"), USAGE)),
    };
    if rest.iter().take_while(|a| *a != "--").any(|a| a == "-h" || a == "--help") {
        return print(&format!("{help}\n"));
    }
    command_fn(rest)
}

fn help_of(command: Option<&str>) -> Option<&'static str> {
    Some(match command? {
        "analyze" => ANALYZE,
        "batch" => BATCH,
        "group" => GROUP,
        "link" => LINK,
        "open" => OPEN,
        _ => return None,
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(status) => ExitCode::from(status),
        Err(Failure::Usage(message, help)) => {
            eprintln!("wiretrace: {message}\n{help}");
            ExitCode::from(2)
        }
        Err(Failure::Io(message)) => {
            eprintln!("wiretrace: {message}");
            ExitCode::from(3)
        }
    }
}
