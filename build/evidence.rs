//! Evidence: the passage each statement rests on, shared by every language.
//!
//! `content/evidence/<file>.toml` holds, for each item of `content/<lang>/<file>.toml`,
//! the locators of the passages it rests on: the source, the section of that document,
//! and the passage's first and last few words (as a text fragment, `#:~:text=start,end`).
//! A locator points to a passage; it never copies it, so each end is at most four words.
//! An item's `sources` (the "Sources 1, 4" after it) are read from here, so a citation
//! without a locator cannot exist. `tests/evidence.rs` resolves the leaflet locators in
//! `../shared/seeds/`.

use crate::schema::*;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// Most words either end of a passage may give: enough to find it, too few to copy it.
pub const MOST_WORDS: usize = 4;

/// One passage of one document.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Locator {
    pub source: String,
    /// The heading of the part of the document the passage is in, as the document has it.
    pub section: String,
    /// The passage's first words, as the document has them.
    pub start: String,
    /// The passage's last words, as the document has them.
    pub end: String,
}

/// Every locator, by `<file>/<item key>` (`warnings/fever`, `before/tell-your-team/allergies`).
pub type Evidence = BTreeMap<String, Vec<Locator>>;

/// Reads `content/evidence/<file>.toml` for every content file that holds statements.
pub fn load(root: &Path, files: &[&str], errors: &mut Vec<String>) -> Evidence {
    let mut evidence = Evidence::new();
    for file in files {
        let label = format!("content/evidence/{file}.toml");
        let text = match std::fs::read_to_string(root.join("evidence").join(format!("{file}.toml")))
        {
            Ok(text) => text,
            Err(e) => {
                errors.push(format!("{label}: cannot read: {e}"));
                continue;
            }
        };
        match text.parse::<toml::Table>() {
            Ok(table) => collect(&table, file, &label, &mut evidence, errors),
            Err(e) => errors.push(format!("{label}: not valid TOML: {e}")),
        }
    }
    evidence
}

/// Walks nested tables (`[[tell-your-team.allergies]]`) down to their lists of locators.
fn collect(
    table: &toml::Table,
    prefix: &str,
    label: &str,
    evidence: &mut Evidence,
    errors: &mut Vec<String>,
) {
    for (key, value) in table {
        let path = format!("{prefix}/{key}");
        match value {
            toml::Value::Table(inner) => collect(inner, &path, label, evidence, errors),
            toml::Value::Array(_) => match value.clone().try_into::<Vec<Locator>>() {
                Ok(locators) => {
                    for locator in &locators {
                        check_form(locator, &path, label, errors);
                    }
                    evidence.insert(path, locators);
                }
                Err(e) => errors.push(format!("{label}: {path}: {e}")),
            },
            _ => errors.push(format!(
                "{label}: {path}: expected [[{key}]] tables of locators"
            )),
        }
    }
}

/// A locator names its section and gives one to four words at each end.
fn check_form(locator: &Locator, path: &str, label: &str, errors: &mut Vec<String>) {
    if locator.section.trim().is_empty() {
        errors.push(format!(
            "{label}: {path}: a locator of \"{}\" names no section",
            locator.source
        ));
    }
    for (name, words) in [("start", &locator.start), ("end", &locator.end)] {
        let count = words.split_whitespace().count();
        if !(1..=MOST_WORDS).contains(&count) {
            errors.push(format!(
                "{label}: {path}: {name} \"{words}\" has {count} words; a locator gives 1 to {MOST_WORDS}"
            ));
        }
    }
}

/// Fills every item's `sources` from its locators, in order of first citation; reports
/// items with no evidence and evidence for items that do not exist.
pub fn attach(guide: &mut Guide, evidence: &Evidence, errors: &mut Vec<String>) {
    let mut used = std::collections::BTreeSet::new();
    for_each_statement(guide, &mut |key, sources| {
        match evidence.get(key) {
            Some(locators) => {
                used.insert(key.to_string());
                sources.clear();
                for l in locators {
                    if !sources.contains(&l.source) {
                        sources.push(l.source.clone());
                    }
                }
            }
            // The disclaimer is the guide speaking for itself: it may rest on nothing.
            None if key == "intro/disclaimer" => {}
            None => errors.push(format!(
                "content/evidence: {key}: no evidence (every statement needs the locator of its passage)"
            )),
        }
    });
    for key in evidence.keys().filter(|k| !used.contains(*k)) {
        errors.push(format!(
            "content/evidence: {key}: no such item in content/{}/",
            guide.lang
        ));
    }
}

/// Calls `visit(key, sources)` for every statement of the guide, in the guide's order.
pub fn for_each_statement(guide: &mut Guide, visit: &mut dyn FnMut(&str, &mut Vec<String>)) {
    for k in &mut guide.key_points {
        visit(&format!("intro/key-point/{}", k.id), &mut k.sources);
    }
    for p in &mut guide.intro {
        visit(&format!("intro/{}", p.id), &mut p.sources);
    }
    visit("intro/disclaimer", &mut guide.disclaimer.sources);
    for s in &mut guide.steps {
        visit(&format!("steps/{}", s.id), &mut s.sources);
    }
    for (file, groups) in [
        ("before", &mut guide.before),
        ("aftercare", &mut guide.aftercare),
    ] {
        for g in groups.iter_mut() {
            for i in &mut g.item {
                visit(&format!("{file}/{}/{}", g.id, i.id), &mut i.sources);
            }
        }
    }
    for m in &mut guide.timeline {
        visit(&format!("timeline/{}", m.id), &mut m.sources);
    }
    for w in guide.care_team.iter_mut().chain(guide.emergency.iter_mut()) {
        visit(&format!("warnings/{}", w.id), &mut w.sources);
    }
    visit("warnings/unreachable", &mut guide.unreachable.sources);
    for (file, topics) in [
        ("risks", &mut guide.risks),
        ("benefits", &mut guide.benefits),
    ] {
        for t in topics.iter_mut() {
            visit(&format!("{file}/{}", t.id), &mut t.sources);
        }
    }
    for q in &mut guide.faq {
        visit(&format!("faq/{}", q.id), &mut q.sources);
    }
    for t in &mut guide.glossary {
        visit(&format!("glossary/{}", t.id), &mut t.sources);
    }
    for q in &mut guide.visit_questions {
        visit(&format!("visit/{}", q.id), &mut q.sources);
    }
    for q in &mut guide.understanding {
        visit(&format!("understanding/{}", q.id), &mut q.sources);
    }
}
