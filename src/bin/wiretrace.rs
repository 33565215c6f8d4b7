//! The command line: `wiretrace analyze FILE... [--json]`.

use std::io::Read;
use std::process::ExitCode;
use wiretrace::{analyze, Input};

const USAGE: &str = "usage: wiretrace analyze FILE... [--json]\n\
    Each FILE is one paste (text as copied from a news page); `-` reads standard input.\n\
    Prints a summary, or the full report as JSON with --json.";

fn read_input(path: &str) -> Result<Input, String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("cannot read standard input: {e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        format!("{path} is not UTF-8 text (invalid byte at offset {}); save it as UTF-8 and try again", e.utf8_error().valid_up_to())
    })?;
    Ok(Input::new(path, text))
}

fn run(args: &[String]) -> Result<String, String> {
    let (command, rest) = args.split_first().ok_or(USAGE)?;
    if command == "-h" || command == "--help" {
        return Ok(format!("{USAGE}\n"));
    }
    if command != "analyze" {
        return Err(format!("unknown command `{command}`\n{USAGE}"));
    }
    let json = rest.iter().any(|a| a == "--json");
    let files: Vec<&String> = rest.iter().filter(|a| *a != "--json").collect();
    if files.is_empty() {
        return Err(format!("no files given\n{USAGE}"));
    }
    if let Some(flag) = files.iter().find(|f| f.starts_with("--")) {
        return Err(format!("unknown option `{flag}`\n{USAGE}"));
    }
    let inputs = files.iter().map(|f| read_input(f)).collect::<Result<Vec<_>, _>>()?;
    let report = analyze(&inputs);
    Ok(if json { report.to_json() } else { report.summary() })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("wiretrace: {message}");
            ExitCode::from(2)
        }
    }
}
