//! Own words: no string in the English content may share a run of 7 or more
//! consecutive words with one of the source leaflets in `../shared/seeds/`.
//!
//! Words are compared after normalising: lowercase, split on anything that is
//! not a letter, a digit or an apostrophe. Placeholders are filled with the
//! English defaults from `content/en/params.toml` first, so a default that
//! copies a leaflet is caught wherever it is used.
//!
//! When the leaflets are not on this machine, the test prints why and skips.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

/// Shortest shared run of words that counts as copying.
const RUN: usize = 7;

/// Warning-card symptom lines that may keep a leaflet's wording, by
/// `file/id`. Keep this list as short as possible (ideally empty): a symptom
/// line is short and plain, and rewording it must not blur its meaning.
const ALLOWED: &[&str] = &[];

/// Keys that hold no patient-facing prose.
const NOT_PROSE: &[&str] = &["id", "sources", "scene"];

/// Lowercase words, split on anything that is not a letter, digit or apostrophe.
fn words(text: &str) -> Vec<String> {
    text.replace(['\u{2019}', '\u{2018}'], "'")
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Every run of `RUN` consecutive words in a leaflet.
fn windows(text: &str) -> HashSet<Vec<String>> {
    words(text).windows(RUN).map(<[String]>::to_vec).collect()
}

/// The longest stretches of `text` whose every `RUN`-word window is in `leaflet`.
fn shared_runs(text: &str, leaflet: &HashSet<Vec<String>>) -> Vec<String> {
    let w = words(text);
    let mut runs = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    for (i, window) in w.windows(RUN).enumerate() {
        if leaflet.contains(window) {
            if start.is_none() || i > end {
                if let Some(s) = start {
                    runs.push(w[s..end + RUN - 1].join(" "));
                }
                start = Some(i);
            }
            end = i + 1;
        }
    }
    if let Some(s) = start {
        runs.push(w[s..end + RUN - 1].join(" "));
    }
    runs
}

/// Fills `{name}` placeholders with the English defaults.
fn fill(text: &str, params: &BTreeMap<String, String>) -> String {
    let mut out = text.to_owned();
    // Twice: a default could itself name a placeholder.
    for _ in 0..2 {
        for (key, value) in params {
            out = out.replace(&format!("{{{key}}}"), value);
        }
    }
    out
}

/// Every prose string in a TOML value, labelled with the ids around it.
fn strings(value: &toml::Value, label: &str, out: &mut Vec<(String, String)>) {
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

#[test]
fn english_content_shares_no_run_of_seven_words_with_a_leaflet() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = root.join("../shared/seeds");
    let Ok(dir) = std::fs::read_dir(&seeds) else {
        println!(
            "SKIPPED own-words check: no leaflets at {} (the test needs the source leaflets)",
            seeds.display()
        );
        return;
    };
    let mut leaflets: Vec<(String, HashSet<Vec<String>>)> = dir
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("read leaflet");
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, windows(&text))
        })
        .collect();
    leaflets.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(
        !leaflets.is_empty(),
        "no .txt leaflets in {}",
        seeds.display()
    );

    let en = root.join("content/en");
    let params: BTreeMap<String, String> =
        toml::from_str(&std::fs::read_to_string(en.join("params.toml")).expect("read params.toml"))
            .expect("params.toml");

    let mut files: Vec<_> = std::fs::read_dir(&en)
        .expect("content/en")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();

    let mut hits = Vec::new();
    let mut checked = 0;
    for path in files {
        let file = path.file_stem().unwrap().to_string_lossy().into_owned();
        let value: toml::Value =
            toml::from_str(&std::fs::read_to_string(&path).expect("read")).expect("valid TOML");
        let mut found = Vec::new();
        strings(&value, "", &mut found);
        for (label, text) in found {
            // A source's title names its leaflet: it is a citation, not our prose.
            if file == "sources" && label.ends_with("(title)") {
                continue;
            }
            checked += 1;
            let id = label.split(" (").next().unwrap_or(&label);
            if ALLOWED.contains(&format!("{file}/{id}").as_str()) {
                continue;
            }
            let text = fill(&text, &params);
            for (leaflet, set) in &leaflets {
                for run in shared_runs(&text, set) {
                    hits.push(format!(
                        "content/en/{file}.toml: {label}: \"{run}\" ({leaflet})"
                    ));
                }
            }
        }
    }
    println!(
        "own words: checked {checked} strings against {} leaflets",
        leaflets.len()
    );
    assert!(
        hits.is_empty(),
        "{} run(s) of {RUN}+ words copied from a leaflet:\n{}",
        hits.len(),
        hits.join("\n")
    );
}

#[test]
fn the_matcher_finds_seven_shared_words_and_ignores_six() {
    let leaflet =
        windows("Before surgery, wash your hands with soap and water every time, please.");
    let seven = shared_runs(
        "You should wash your hands with soap and water first.",
        &leaflet,
    );
    assert_eq!(seven, vec!["wash your hands with soap and water"]);
    let six = shared_runs("Always wash your hands with soap and some water.", &leaflet);
    assert!(six.is_empty(), "{six:?}");
    // Case, punctuation and curly apostrophes do not hide a copy.
    let leaflet = windows("It can weaken a bone’s structure over many long years.");
    assert_eq!(
        shared_runs("IT CAN weaken a bone's structure, over many.", &leaflet),
        vec!["it can weaken a bone's structure over many"]
    );
    // A longer copy is reported once, as one run.
    let leaflet = windows("one two three four five six seven eight nine");
    assert_eq!(
        shared_runs(
            "zero one two three four five six seven eight nine ten",
            &leaflet
        ),
        vec!["one two three four five six seven eight nine"]
    );
}

#[test]
fn placeholders_are_filled_before_matching() {
    let params = BTreeMap::from([("practice_name".to_owned(), "your care team".to_owned())]);
    assert_eq!(
        fill("Call {practice_name} now.", &params),
        "Call your care team now."
    );
}
