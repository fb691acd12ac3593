//! Written fresh, not reworded: no English sentence may take most of its content words
//! from one leaflet sentence.
//!
//! `own_words.rs` catches copied runs of words; swapping a few words for synonyms slips
//! past it while keeping the leaflet's sentence ("After your procedure, it is common to
//! have back pain" → "Back pain is common after this procedure"). Content words (not
//! "the", "you", "will"…) survive such swaps, so this test compares them: a sentence of
//! ours is flagged when at least `SHARE` of its content words, and at least `FEWEST`
//! of them, stand in a single leaflet sentence. Words are compared by a crude stem
//! (`cuts` = `cut`, `inflated` = `inflate`), so inflections do not hide a match.
//!
//! When the leaflets are not on this machine, the test prints why and skips.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::BTreeSet;
use support::leaflets::{self, words};

/// The share of a sentence's content words that, found in one leaflet sentence, makes
/// it a paraphrase.
const SHARE: f64 = 0.6;

/// Fewest shared content words that count: shorter overlaps are the field's own words.
const FEWEST: usize = 3;

/// Sentences that may keep a leaflet sentence's words, by `file/id`, each with its
/// reason. Keep it short: only symptom names, whose plain words must not be blurred.
const ALLOWED: &[(&str, &str)] = &[];

/// Words that carry no content of their own.
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "again", "all", "also", "an", "and", "any", "are", "as", "at", "be",
    "been", "before", "being", "both", "but", "by", "can", "could", "did", "do", "does", "doing",
    "each", "either", "even", "every", "for", "from", "get", "gets", "had", "has", "have",
    "having", "he", "her", "here", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its",
    "it's", "just", "like", "may", "me", "might", "more", "most", "much", "must", "my", "no",
    "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "out", "over",
    "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "those", "through", "to", "too", "until", "up", "us",
    "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
    "will", "with", "would", "you", "your", "you're", "you'll", "yours", "yourself",
];

/// A crude stem: enough to match `cuts`/`cut`, `inflated`/`inflate`, `lifting`/`lift`.
fn stem(word: &str) -> String {
    let mut w = word.to_owned();
    // "less", "virus", "this": an s that is not a plural.
    let plural_s = |w: &str| !["ss", "us", "is"].iter().any(|end| w.ends_with(end));
    for suffix in ["ing", "ed", "es", "s"] {
        if w.len() >= suffix.len() + 3 && w.ends_with(suffix) && (suffix != "s" || plural_s(&w)) {
            w.truncate(w.len() - suffix.len());
            break;
        }
    }
    w.trim_end_matches('e').to_owned()
}

/// The stems of a sentence's content words.
fn content_words(sentence: &str) -> BTreeSet<String> {
    // "X-ray" is one word, not the letter x and a ray.
    words(&sentence.replace("X-ray", "xray").replace("x-ray", "xray"))
        .into_iter()
        .filter(|w| !FUNCTION_WORDS.contains(&w.as_str()))
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .map(|w| stem(&w))
        .collect()
}

/// Sentences, split at `.`, `?`, `!`, line ends and bullets.
fn sentences(text: &str) -> Vec<String> {
    text.split(['.', '?', '!', '\n', '•', ';', ':'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The leaflet sentence that holds most of `ours`' content words, when it holds enough
/// of them to be its source: (the leaflet sentence, the shared words).
fn closest<'a>(
    ours: &BTreeSet<String>,
    theirs: &'a [(String, BTreeSet<String>)],
) -> Option<(&'a str, Vec<String>)> {
    theirs
        .iter()
        .map(|(sentence, words)| {
            (
                sentence.as_str(),
                ours.intersection(words).cloned().collect::<Vec<_>>(),
            )
        })
        .max_by_key(|(_, shared)| shared.len())
        .filter(|(_, shared)| {
            shared.len() >= FEWEST && shared.len() as f64 >= SHARE * ours.len() as f64
        })
}

#[test]
fn no_sentence_takes_most_of_its_words_from_one_leaflet_sentence() {
    let Some(found) = leaflets::load("paraphrase check") else {
        return;
    };
    let theirs: Vec<(String, BTreeSet<String>)> = found
        .iter()
        .flat_map(|l| sentences(&l.text))
        .map(|s| {
            let words = content_words(&s);
            (s, words)
        })
        .collect();
    let prose = leaflets::english_prose();
    let mut hits = Vec::new();
    let mut checked = 0;
    for p in &prose {
        // Interface words and the list of sources (which names documents) are not the
        // guide's statements.
        if ["ui", "sources"].contains(&p.file.as_str())
            || ALLOWED.iter().any(|(item, _)| *item == p.item())
        {
            continue;
        }
        for sentence in sentences(&p.text) {
            checked += 1;
            let ours = content_words(&sentence);
            if let Some((leaflet, shared)) = closest(&ours, &theirs) {
                hits.push(format!(
                    "content/en/{}.toml: {}: \"{sentence}\"\n    leaflet: \"{leaflet}\"\n    shared: {} of {}: {}",
                    p.file,
                    p.label,
                    shared.len(),
                    ours.len(),
                    shared.join(", ")
                ));
            }
        }
    }
    println!(
        "paraphrase: checked {checked} sentences against {} leaflet sentences",
        theirs.len()
    );
    for (item, reason) in ALLOWED {
        println!("paraphrase: allowed {item}: {reason}");
    }
    assert!(
        hits.is_empty(),
        "{} sentence(s) reword a leaflet sentence; write them fresh from the facts:\n{}",
        hits.len(),
        hits.join("\n")
    );
}

#[test]
fn a_synonym_swap_is_caught_and_a_fresh_sentence_is_not() {
    let leaflet = [(
        "After your procedure, it is common to have back pain".to_owned(),
        content_words("After your procedure, it is common to have back pain"),
    )];
    let swapped = content_words("Back pain is common after this procedure");
    assert!(closest(&swapped, &leaflet).is_some());
    let fresh = content_words("Expect your back to feel sore for a few days");
    assert!(closest(&fresh, &leaflet).is_none());
    // Inflections do not hide a match.
    assert_eq!(stem("cuts"), stem("cut"));
    assert_eq!(stem("inflated"), stem("inflate"));
}

#[test]
fn two_shared_words_are_not_enough() {
    let leaflet = [(
        "You have chest pain".to_owned(),
        content_words("You have chest pain"),
    )];
    assert!(closest(&content_words("You have chest pain"), &leaflet).is_none());
}
