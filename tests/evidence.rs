//! Every citation points to a passage that is really there.
//!
//! Each locator in `content/evidence/` names a source, a section, and the passage's
//! first and last few words. For a leaflet (a source with a `seed` in `sources.toml`)
//! this test finds the passage in `../shared/seeds/`: exactly one place must start with
//! the first words and end, within `SPAN` words, with the last ones. A public document
//! (a source with a `url`) cannot be fetched here, so its locators are checked for form:
//! words a text fragment can carry, and a link that opens the passage.
//!
//! Where `../shared/` is missing, the leaflet part prints why and skips.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use kyphoplasty_guide_core::content::{guide, Lang, Locator, EVIDENCE};
use std::collections::BTreeMap;
use support::leaflets::{self, words};

/// How far after its first words a passage may end, in words.
const SPAN: usize = 80;

/// Each source's leaflet file, for those that are leaflets (`seed` in `sources.toml`).
fn seeds() -> BTreeMap<String, String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/en/sources.toml");
    let file: toml::Table =
        toml::from_str(&std::fs::read_to_string(path).expect("read sources.toml"))
            .expect("sources.toml");
    let sources = file
        .get("source")
        .and_then(toml::Value::as_array)
        .cloned()
        .unwrap_or_default();
    sources
        .iter()
        .filter_map(|s| {
            let id = s.get("id")?.as_str()?;
            let seed = s.get("seed")?.as_str()?;
            Some((id.to_owned(), seed.to_owned()))
        })
        .collect()
}

/// Where the passage starting with `start` and ending with `end` is in `text`: one
/// (first word, word after the last) pair for each start that finds its end in time.
fn passages(text: &[String], start: &[String], end: &[String]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    if start.is_empty() || end.is_empty() {
        return found;
    }
    for i in 0..text.len().saturating_sub(start.len() - 1) {
        if text[i..i + start.len()] != *start {
            continue;
        }
        let limit = (i + SPAN).min(text.len());
        let ends =
            (i..limit.saturating_sub(end.len() - 1)).find(|&j| text[j..j + end.len()] == *end);
        if let Some(j) = ends {
            found.push((i, j + end.len()));
        }
    }
    found
}

/// What is wrong with a locator's form, whatever its source.
fn form_problem(locator: &Locator) -> Option<String> {
    let placeholder = |s: &str| s.trim().is_empty() || s.contains("TODO");
    if [locator.section, locator.start, locator.end]
        .into_iter()
        .any(placeholder)
    {
        return Some("is not written yet (TODO or empty)".into());
    }
    None
}

#[test]
fn every_leaflet_locator_finds_exactly_one_passage() {
    let seeds = seeds();
    let Some(found) = leaflets::load("leaflet evidence check") else {
        return;
    };
    let texts: BTreeMap<String, Vec<String>> = found
        .into_iter()
        .map(|l| (l.name, words(&l.text)))
        .collect();
    let mut problems = Vec::new();
    let mut checked = 0;
    for (key, locators) in EVIDENCE {
        for locator in locators.iter().filter(|l| seeds.contains_key(l.source)) {
            checked += 1;
            let seed = &seeds[locator.source];
            let Some(text) = texts.get(seed) else {
                problems.push(format!("{key}: {}: no leaflet {seed}", locator.source));
                continue;
            };
            let hits = passages(text, &words(locator.start), &words(locator.end));
            if hits.len() != 1 {
                problems.push(format!(
                    "{key}: {} \"{}\" … \"{}\": {} passages match, one is needed",
                    locator.source,
                    locator.start,
                    locator.end,
                    hits.len()
                ));
            }
        }
    }
    println!(
        "evidence: resolved {checked} leaflet locators in {} leaflets",
        texts.len()
    );
    assert!(
        problems.is_empty(),
        "{} leaflet locator(s) do not resolve:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_locator_is_written_and_every_public_one_links_to_its_passage() {
    let seeds = seeds();
    let g = guide(Lang::En);
    let mut problems = Vec::new();
    let mut public = 0;
    for (key, locators) in EVIDENCE {
        for locator in *locators {
            if let Some(problem) = form_problem(locator) {
                problems.push(format!("{key}: {}: {problem}", locator.source));
            }
            let url = g.source(locator.source).and_then(|s| s.url);
            match (url, seeds.contains_key(locator.source)) {
                (Some(url), _) => {
                    public += 1;
                    let link = locator.link(url);
                    let fragment = link.split("#:~:text=").nth(1).unwrap_or_default();
                    let ends: Vec<&str> = fragment.split(',').collect();
                    if !link.starts_with("https://")
                        || ends.len() != 2
                        || ends.iter().any(|e| e.is_empty())
                    {
                        problems.push(format!(
                            "{key}: {}: link {link} is not a text fragment",
                            locator.source
                        ));
                    }
                }
                (None, true) => {}
                (None, false) => problems.push(format!(
                    "{key}: {} has neither a public address nor a leaflet: nobody could check it",
                    locator.source
                )),
            }
        }
    }
    println!(
        "evidence: {} statements, {public} public-document locators",
        EVIDENCE.len()
    );
    assert!(
        problems.is_empty(),
        "{} locator problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn a_passage_is_found_once_and_only_within_its_span() {
    let text = words("Call us if you have a fever. Call us if you have pain that gets worse.");
    let w = |s: &str| words(s);
    assert_eq!(
        passages(&text, &w("call us"), &w("a fever")).len(),
        1,
        "the second start finds no end after it"
    );
    assert_eq!(
        passages(&text, &w("call us if"), &w("you have")).len(),
        2,
        "ambiguous"
    );
    assert!(passages(&text, &w("call us"), &w("a cough")).is_empty());
    let long: Vec<String> = (0..100).map(|i| format!("w{i}")).collect();
    assert!(
        passages(&long, &w("w0"), &w("w99")).is_empty(),
        "beyond the span"
    );
    assert_eq!(passages(&long, &w("w0"), &w("w79")), vec![(0, 80)]);
}

#[test]
fn a_link_encodes_the_words_of_its_fragment() {
    let locator = Locator {
        source: "x",
        section: "s",
        start: "fever of 100.4",
        end: "or higher, call",
    };
    assert_eq!(
        locator.link("https://example.org/page#top"),
        "https://example.org/page#:~:text=fever%20of%20100.4,or%20higher%2C%20call"
    );
}
