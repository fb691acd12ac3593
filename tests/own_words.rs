//! Own words: no string in the English content may share a run of 7 or more
//! consecutive words with one of the source leaflets in `../shared/seeds/`.
//!
//! Words are compared after normalising: lowercase, split on anything that is
//! not a letter, a digit or an apostrophe. Placeholders are filled with the
//! English defaults from `content/en/params.toml` first, so a default that
//! copies a leaflet is caught wherever it is used. `paraphrase.rs` catches what
//! this cannot: a leaflet's sentence with its words swapped.
//!
//! When the leaflets are not on this machine, the test prints why and skips.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::{BTreeMap, HashSet};
use support::leaflets::{self, fill, words};

/// Shortest shared run of words that counts as copying.
const RUN: usize = 7;

/// Warning-card symptom lines that may keep a leaflet's wording, by
/// `file/id`. Keep this list as short as possible (ideally empty): a symptom
/// line is short and plain, and rewording it must not blur its meaning.
const ALLOWED: &[&str] = &[];

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

#[test]
fn english_content_shares_no_run_of_seven_words_with_a_leaflet() {
    let Some(found) = leaflets::load("own-words check") else {
        return;
    };
    let leaflets: Vec<(String, HashSet<Vec<String>>)> = found
        .into_iter()
        .map(|l| (l.name, windows(&l.text)))
        .collect();
    let prose = leaflets::english_prose();
    let mut hits = Vec::new();
    for p in &prose {
        if ALLOWED.contains(&p.item().as_str()) {
            continue;
        }
        for (leaflet, set) in &leaflets {
            for run in shared_runs(&p.text, set) {
                hits.push(format!(
                    "content/en/{}.toml: {}: \"{run}\" ({leaflet})",
                    p.file, p.label
                ));
            }
        }
    }
    println!(
        "own words: checked {} strings against {} leaflets",
        prose.len(),
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
