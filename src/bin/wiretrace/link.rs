//! `wiretrace link` and `wiretrace open`: the page's permalinks on the command line, through
//! `wiretrace::permalink` exactly as the page uses it.

use std::path::Path;
use wiretrace::{permalink, Input};

/// Where `make serve` serves the page; `--base` names another.
pub const DEFAULT_BASE: &str = "http://127.0.0.1:8080/";

/// The page's link for these pastes: the base without any fragment, `#`, the fragment.
pub fn link(inputs: &[Input], base: &str) -> String {
    let base = base.split('#').next().unwrap_or(base);
    format!("{base}#{}", permalink::encode(inputs))
}

/// The pastes in a link: a whole URL, `#v2.…` or `v2.…` (or an older `v1.`); a damaged one refused in the page's words.
pub fn open(link: &str) -> Result<Vec<Input>, String> {
    let fragment = link.trim().rsplit_once('#').map_or(link.trim(), |(_, f)| f);
    permalink::decode(fragment).map_err(|e| e.to_string())
}

/// A paste's name as a plain file name in one folder: no path, no hidden or empty name.
fn file_name(name: &str, index: usize) -> String {
    let plain: String = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .chars()
        .map(|c| if c.is_control() || matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|') { '_' } else { c })
        .collect();
    let plain = plain.trim_start_matches('.').trim();
    if plain.is_empty() {
        format!("paste-{}.txt", index + 1)
    } else {
        plain.chars().take(120).collect()
    }
}

/// Writes the pastes into `dir` (created if missing), one file each; refuses to overwrite.
/// Returns the paths written.
pub fn write_files(inputs: &[Input], dir: &Path) -> Result<Vec<String>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut written: Vec<String> = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let mut name = file_name(&input.name, i);
        if written.iter().any(|w| w.ends_with(&format!("/{name}"))) {
            name = format!("{}-{name}", i + 1);
        }
        let path = dir.join(&name);
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| format!("cannot write {}: {e} (wiretrace open never overwrites a file)", path.display()))?;
        std::io::Write::write_all(&mut file, input.text.as_bytes()).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(format!("{}/{name}", dir.display()));
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_names_become_plain_file_names() {
        assert_eq!(file_name("../../etc/passwd", 0), "passwd");
        assert_eq!(file_name("..\\x\\.bashrc", 0), "bashrc");
        assert_eq!(file_name("", 2), "paste-3.txt");
        assert_eq!(file_name("a\nb:c", 0), "a_b_c");
    }

    #[test]
    fn a_link_opens_from_a_url_or_a_fragment() {
        let inputs = vec![Input::new("a.txt", "text")];
        let url = link(&inputs, "https://example.org/wiretrace/#old");
        assert!(url.starts_with("https://example.org/wiretrace/#v2."));
        assert_eq!(open(&url).unwrap(), inputs);
        assert_eq!(open(url.rsplit_once('#').unwrap().1).unwrap(), inputs);
        assert!(open(&url[..url.len() - 5]).is_err());
    }
}
