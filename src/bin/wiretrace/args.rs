//! A small command-line parser: flags with a value, switches and positional arguments, and
//! plain-words errors for anything else.

use std::fmt;

/// Why a command line is not understood; printed with the command's usage, exit status 2.
#[derive(Debug)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Default)]
pub struct Parsed {
    values: Vec<(&'static str, String)>,
    switches: Vec<&'static str>,
    pub positional: Vec<String>,
}

impl Parsed {
    /// The last value given for a flag (`--format csv` or `--format=csv`).
    pub fn value(&self, flag: &str) -> Option<&str> {
        self.values.iter().rev().find(|(f, _)| *f == flag).map(|(_, v)| v.as_str())
    }

    pub fn switch(&self, flag: &str) -> bool {
        self.switches.contains(&flag)
    }
}

/// Parses `args` for a command that takes the flags `with_value` (each followed by its value)
/// and the `switches`; `-` alone and anything after `--` are positional.
pub fn parse(args: &[String], with_value: &[&'static str], switches: &[&'static str]) -> Result<Parsed, UsageError> {
    let mut parsed = Parsed::default();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "--" {
            parsed.positional.extend(rest.by_ref().cloned());
        } else if arg == "-" || !arg.starts_with('-') {
            parsed.positional.push(arg.clone());
        } else if let Some(&flag) = switches.iter().find(|s| **s == arg) {
            parsed.switches.push(flag);
        } else {
            let (name, inline) = arg.split_once('=').map_or((arg.as_str(), None), |(n, v)| (n, Some(v.to_string())));
            let &flag = with_value.iter().find(|f| **f == name).ok_or_else(|| UsageError(format!("unknown option `{arg}`")))?;
            let value = inline.or_else(|| rest.next().cloned()).ok_or_else(|| UsageError(format!("`{flag}` needs a value")))?;
            parsed.values.push((flag, value));
        }
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|a| a.to_string()).collect()
    }

    #[test]
    fn values_switches_and_positionals() {
        let p = parse(&strings(&["a", "--format=csv", "-j", "3", "--json", "-", "--", "--b"]), &["--format", "-j"], &["--json"]).unwrap();
        assert_eq!((p.value("--format"), p.value("-j"), p.switch("--json")), (Some("csv"), Some("3"), true));
        assert_eq!(p.positional, ["a", "-", "--b"]);
    }

    #[test]
    fn unknown_and_valueless_flags_are_refused() {
        assert_eq!(parse(&strings(&["--nope"]), &[], &[]).err().unwrap().0, "unknown option `--nope`");
        assert_eq!(parse(&strings(&["-j"]), &["-j"], &[]).err().unwrap().0, "`-j` needs a value");
    }
}
