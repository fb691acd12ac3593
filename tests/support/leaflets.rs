//! The source leaflets in `../shared/seeds/` and the guide's English prose, as the
//! content tests compare them (`own_words.rs`, `paraphrase.rs`, `evidence.rs`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One leaflet: its file name in `../shared/seeds/` and its text.
pub struct Leaflet {
    pub name: String,
    pub text: String,
}

/// Where the leaflets are: beside the project, as on the developers' machines and CI.
pub fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds")
}

/// Every leaflet, sorted by name; `None`, with the reason printed, where they are not on
/// this machine, so a test can skip rather than fail a clone without `../shared/`.
pub fn load(test: &str) -> Option<Vec<Leaflet>> {
    let dir = seeds_dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!(
            "SKIPPED {test}: no leaflets at {} (the test needs the source leaflets)",
            dir.display()
        );
        return None;
    };
    let mut leaflets: Vec<Leaflet> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| Leaflet {
            name: p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            text: std::fs::read_to_string(&p).expect("read leaflet"),
        })
        .collect();
    leaflets.sort_by(|a, b| a.name.cmp(&b.name));
    assert!(
        !leaflets.is_empty(),
        "no .txt leaflets in {}",
        dir.display()
    );
    Some(leaflets)
}

/// Lowercase words, split on anything that is not a letter, digit or apostrophe.
pub fn words(text: &str) -> Vec<String> {
    text.replace(['\u{2019}', '\u{2018}'], "'")
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Fills `{name}` placeholders with the given defaults.
pub fn fill(text: &str, params: &BTreeMap<String, String>) -> String {
    let mut out = text.to_owned();
    // Twice: a default could itself name a placeholder.
    for _ in 0..2 {
        for (key, value) in params {
            out = out.replace(&format!("{{{key}}}"), value);
        }
    }
    out
}

/// Keys that hold no patient-facing prose.
/// (`link` is the quiz's "section/item-id" pointer: an id, not words a patient reads.)
const NOT_PROSE: &[&str] = &["id", "sources", "scene", "seed", "url", "signs", "link"];

/// Every prose string in a TOML value, labelled with the ids around it.
pub fn strings(value: &toml::Value, label: &str, out: &mut Vec<(String, String)>) {
    match value {
        toml::Value::String(s) => out.push((label.to_owned(), s.clone())),
        toml::Value::Array(items) => {
            for item in items {
                strings(item, label, out);
            }
        }
        toml::Value::Table(table) => {
            let here = match table.get("id").and_then(toml::Value::as_str) {
                Some(id) if label.is_empty() => id.to_owned(),
                Some(id) => format!("{label}/{id}"),
                None => label.to_owned(),
            };
            for (key, v) in table {
                if NOT_PROSE.contains(&key.as_str()) {
                    continue;
                }
                let prose = v.is_str()
                    || v.as_array()
                        .is_some_and(|a| a.iter().all(toml::Value::is_str));
                let child = match (prose, here.is_empty()) {
                    (false, true) if v.is_table() => key.clone(),
                    (false, _) => here.clone(),
                    (true, true) => key.clone(),
                    (true, false) => format!("{here} ({key})"),
                };
                strings(v, &child, out);
            }
        }
        _ => {}
    }
}

/// One prose string of the English guide, placeholders filled with the defaults.
pub struct Prose {
    /// The content file's name (`warnings`).
    pub file: String,
    /// The ids and key around it (`care_team/fever (text)`).
    pub label: String,
    pub text: String,
}

impl Prose {
    /// `file/id`, as the tests' lists of allowed exceptions name an item.
    pub fn item(&self) -> String {
        let id = self.label.split(" (").next().unwrap_or(&self.label);
        format!("{}/{id}", self.file)
    }
}

/// Every prose string of `content/en/`, in file order; a source's title (which names its
/// leaflet: a citation, not our prose) is left out.
pub fn english_prose() -> Vec<Prose> {
    let en = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/en");
    let params: BTreeMap<String, String> =
        toml::from_str(&std::fs::read_to_string(en.join("params.toml")).expect("read params.toml"))
            .expect("params.toml");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&en)
        .expect("content/en")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut prose = Vec::new();
    for path in files {
        let file = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let value: toml::Value =
            toml::from_str(&std::fs::read_to_string(&path).expect("read")).expect("valid TOML");
        let mut found = Vec::new();
        strings(&value, "", &mut found);
        for (label, text) in found {
            if file == "sources" && label.ends_with("(title)") {
                continue;
            }
            let text = fill(&text, &params);
            prose.push(Prose {
                file: file.clone(),
                label,
                text,
            });
        }
    }
    prose
}
