//! The one case-file format of the data-driven tests, as the regex crate's test data has it:
//! each file of `tests/cases/` is TOML, a list of `[[case]]` tables, each with a unique `name`
//! and the fields its test reads (the file's header says which).

#![allow(dead_code)] // each test crate reads the accessors it needs

use std::path::Path;

/// One named case of a case file.
pub struct Case {
    /// The case's name, unique in its file.
    pub name: String,
    fields: toml::Table,
}

impl Case {
    /// The string field `key`; panics, naming the case, when it is missing.
    pub fn str(&self, key: &str) -> &str {
        self.fields.get(key).and_then(|v| v.as_str()).unwrap_or_else(|| panic!("case {:?}: no string `{key}`", self.name))
    }

    /// The list of strings `key`.
    pub fn strs(&self, key: &str) -> Vec<&str> {
        self.list(key).iter().map(|v| v.as_str().unwrap_or_else(|| panic!("case {:?}: `{key}` holds a non-string", self.name))).collect()
    }

    /// The list of integers `key`.
    pub fn ints(&self, key: &str) -> Vec<i64> {
        self.list(key).iter().map(|v| v.as_integer().unwrap_or_else(|| panic!("case {:?}: `{key}` holds a non-integer", self.name))).collect()
    }

    /// The boolean field `key`; panics, naming the case, when it is missing.
    pub fn bool(&self, key: &str) -> bool {
        self.fields.get(key).and_then(|v| v.as_bool()).unwrap_or_else(|| panic!("case {:?}: no boolean `{key}`", self.name))
    }

    /// The boolean field `key`, or `default` when the case has none.
    pub fn bool_or(&self, key: &str, default: bool) -> bool {
        if self.has(key) { self.bool(key) } else { default }
    }

    /// Whether the case has the field `key`.
    pub fn has(&self, key: &str) -> bool {
        self.fields.contains_key(key)
    }

    fn list(&self, key: &str) -> &[toml::Value] {
        self.fields.get(key).and_then(|v| v.as_array()).map(Vec::as_slice).unwrap_or_else(|| panic!("case {:?}: no list `{key}`", self.name))
    }
}

/// The cases of `tests/cases/{file}` (e.g. `"claims/atomic.toml"`), in order.
pub fn load(file: &str) -> Vec<Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let table: toml::Table = text.parse().unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let cases = table.get("case").and_then(|c| c.as_array()).unwrap_or_else(|| panic!("{}: no [[case]]", path.display()));
    let mut names = std::collections::HashSet::new();
    cases
        .iter()
        .map(|case| {
            let mut fields = case.as_table().cloned().unwrap_or_else(|| panic!("{}: a case that is not a table", path.display()));
            let name = fields.remove("name").and_then(|n| n.as_str().map(str::to_string)).unwrap_or_else(|| panic!("{}: a case without a name", path.display()));
            assert!(names.insert(name.clone()), "{}: two cases named {name:?}", path.display());
            Case { name, fields }
        })
        .collect()
}

/// The cases of every `.toml` file in `tests/cases/{dir}`, with their file names, files in order.
pub fn load_dir(dir: &str) -> Vec<(String, Case)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases").join(dir);
    let mut files: Vec<String> = std::fs::read_dir(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|f| f.ends_with(".toml"))
        .collect();
    files.sort();
    files.iter().flat_map(|f| load(&format!("{dir}/{f}")).into_iter().map(move |c| (f.clone(), c))).collect()
}
