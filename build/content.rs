//! The content schema as the build reads it, and every check it makes.
//!
//! Shared by the build script and `tests/content_validation.rs`, so each check is
//! proven to fail on a bad file, not only to pass on the good ones.

use crate::evidence;
use crate::schema::*;
use crate::shape::{compare_shape, placeholders, walk_strings};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Languages the widget ships, the first being the reference the others must match:
/// the one list of them in Rust. Each is a folder of `content/`; the build generates
/// `content::Lang` from it, and the `static-guide` renderer hands it to the loader.
/// The order is the language menu's.
pub const LANGS: &[&str] = &["en", "es", "zh-Hans", "vi", "ar"];

/// Languages written right to left: their guide gets `dir="rtl"` and mirrors.
pub const RIGHT_TO_LEFT: &[&str] = &["ar"];

/// Placeholders that content text may use; a practice can set each one.
pub const PARAMS: &[&str] = &[
    "practice_name",
    "emergency_number",
    "lifting_limit",
    "follow_up",
    "driving",
    "return_to_work",
];

/// Illustration scenes, in procedure order; each step names one.
pub const SCENES: &[&str] = &[
    "fracture", "incision", "needle", "balloon", "inflate", "cavity", "cement", "closed",
];

/// Files every language directory holds, in load order.
pub const FILES: &[&str] = &[
    "ui",
    "sources",
    "params",
    "intro",
    "steps",
    "before",
    "aftercare",
    "timeline",
    "warnings",
    "risks",
    "benefits",
    "faq",
    "glossary",
    "visit",
    "understanding",
];

/// Files that hold no statements: interface words, the list of sources, the defaults.
const NOT_STATEMENTS: &[&str] = &["ui", "sources", "params"];

/// Files whose items are statements, each with its evidence in `content/evidence/`.
pub fn statement_files() -> Vec<&'static str> {
    FILES
        .iter()
        .copied()
        .filter(|file| !NOT_STATEMENTS.contains(file))
        .collect()
}

/// Reads and checks every language under `root`; returns all problems found, not just the first.
pub fn load_all(root: &Path) -> Result<Vec<Guide>, Vec<String>> {
    let mut errors = Vec::new();
    let mut trees: BTreeMap<String, BTreeMap<String, toml::Value>> = BTreeMap::new();
    for lang in LANGS {
        let mut files = BTreeMap::new();
        for file in FILES {
            let path = root.join(lang).join(format!("{file}.toml"));
            let label = format!("content/{lang}/{file}.toml");
            match std::fs::read_to_string(&path) {
                Ok(text) => match text.parse::<toml::Table>() {
                    Ok(table) => {
                        files.insert(file.to_string(), toml::Value::Table(table));
                    }
                    Err(e) => errors.push(format!("{label}: not valid TOML: {e}")),
                },
                Err(e) => errors.push(format!("{label}: cannot read: {e}")),
            }
        }
        trees.insert(lang.to_string(), files);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    check_trees(&trees, &mut errors);
    let evidence = evidence::load(root, &statement_files(), &mut errors);
    let mut guides = Vec::new();
    for lang in LANGS {
        match parse_guide(lang, &trees[*lang]) {
            Ok(mut guide) => {
                // Every language reports the same missing evidence: say it once.
                let mut found = Vec::new();
                evidence::attach(&mut guide, &evidence, &mut found);
                if guides.is_empty() {
                    errors.append(&mut found);
                }
                guide.evidence = evidence.clone();
                guides.push(guide);
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    for guide in &guides {
        check_guide(guide, &mut errors);
    }
    if errors.is_empty() {
        Ok(guides)
    } else {
        Err(errors)
    }
}

/// Typed parse of one language's already-read files.
pub fn parse_guide(
    lang: &str,
    files: &BTreeMap<String, toml::Value>,
) -> Result<Guide, Vec<String>> {
    let mut errors = Vec::new();
    match read_guide(lang, files, &mut errors) {
        Some(guide) if errors.is_empty() => Ok(guide),
        _ => Err(errors),
    }
}

/// One file as its type, or `None` (with the reason in `errors` if it does not fit).
fn typed<T: serde::de::DeserializeOwned>(
    lang: &str,
    name: &str,
    files: &BTreeMap<String, toml::Value>,
    errors: &mut Vec<String>,
) -> Option<T> {
    let value = files.get(name)?.clone();
    match value.try_into() {
        Ok(v) => Some(v),
        Err(e) => {
            errors.push(format!("content/{lang}/{name}.toml: {e}"));
            None
        }
    }
}

/// Every file is read before any is found missing, so all their mistakes are reported.
fn read_guide(
    lang: &str,
    files: &BTreeMap<String, toml::Value>,
    errors: &mut Vec<String>,
) -> Option<Guide> {
    let ui: Option<BTreeMap<String, String>> = typed(lang, "ui", files, errors);
    let sources: Option<SourcesFile> = typed(lang, "sources", files, errors);
    let params: Option<BTreeMap<String, String>> = typed(lang, "params", files, errors);
    let intro: Option<IntroFile> = typed(lang, "intro", files, errors);
    let steps: Option<StepsFile> = typed(lang, "steps", files, errors);
    let before: Option<ChecklistFile> = typed(lang, "before", files, errors);
    let aftercare: Option<ChecklistFile> = typed(lang, "aftercare", files, errors);
    let timeline: Option<TimelineFile> = typed(lang, "timeline", files, errors);
    let warnings: Option<WarningsFile> = typed(lang, "warnings", files, errors);
    let risks: Option<TopicsFile> = typed(lang, "risks", files, errors);
    let benefits: Option<TopicsFile> = typed(lang, "benefits", files, errors);
    let faq: Option<FaqFile> = typed(lang, "faq", files, errors);
    let glossary: Option<GlossaryFile> = typed(lang, "glossary", files, errors);
    let visit: Option<VisitFile> = typed(lang, "visit", files, errors);
    let understanding: Option<crate::understanding::QuizFile> =
        typed(lang, "understanding", files, errors);
    let (sources, intro, warnings) = (sources?, intro?, warnings?);
    Some(Guide {
        lang: lang.to_string(),
        ui: ui?,
        review: sources.review,
        sources: sources.source,
        params: params?,
        key_points: intro.key_point,
        intro: intro.paragraph,
        disclaimer: intro.disclaimer,
        steps: steps?.step,
        before: before?.group,
        aftercare: aftercare?.group,
        timeline: timeline?.milestone,
        care_team: warnings.care_team.item,
        emergency: warnings.emergency.item,
        unreachable: warnings.unreachable,
        risks: risks?.item,
        benefits: benefits?.item,
        faq: faq?.question,
        glossary: glossary?.term,
        visit_questions: visit?.question,
        understanding: understanding?.question,
        evidence: evidence::Evidence::new(),
    })
}

/// Checks that need the raw trees: empty text, unknown placeholders, and that every
/// language has the same items, ids, sources and scenes as the reference language.
pub fn check_trees(
    trees: &BTreeMap<String, BTreeMap<String, toml::Value>>,
    errors: &mut Vec<String>,
) {
    let reference = LANGS[0];
    for (lang, files) in trees {
        for (file, value) in files {
            let label = format!("content/{lang}/{file}.toml");
            let ui_file = file == "ui";
            walk_strings(value, "", &mut |path, text| {
                if text.trim().is_empty() {
                    errors.push(format!("{label}: {path}: empty text"));
                }
                for name in placeholders(text) {
                    if !ui_file && !PARAMS.contains(&name.as_str()) {
                        errors.push(format!(
                            "{label}: {path}: unknown parameter {{{name}}} (known: {})",
                            PARAMS.join(", ")
                        ));
                    }
                }
            });
            if lang != reference {
                if let Some(reference_value) = trees.get(reference).and_then(|f| f.get(file)) {
                    compare_shape(reference_value, value, "", &label, ui_file, errors);
                }
            }
        }
    }
}

/// Checks on the typed guide: known sources, unique ids, scenes, parameter defaults.
pub fn check_guide(guide: &Guide, errors: &mut Vec<String>) {
    check_citations(guide, errors);
    check_scenes(guide, errors);
    check_params(guide, errors);
    check_unique_ids(guide, errors);
    check_key_points(guide, errors);
    check_source_list(guide, errors);
    check_risk_signs(guide, errors);
    check_every_source_cited(guide, errors);
    crate::understanding::check(guide, errors);
}

/// The Sources section lists only what the guide rests on: a listed document that no
/// statement cites would claim a support it does not give.
fn check_every_source_cited(guide: &Guide, errors: &mut Vec<String>) {
    let cited: BTreeSet<&str> = guide
        .evidence
        .values()
        .flatten()
        .map(|l| l.source.as_str())
        .collect();
    for source in guide
        .sources
        .iter()
        .filter(|s| !cited.contains(s.id.as_str()))
    {
        errors.push(format!(
            "content/{}/sources.toml: {}: no statement cites it; remove it or cite it",
            guide.lang, source.id
        ));
    }
}

/// A risk's signs are warning signs the guide lists, and a benefit has none.
fn check_risk_signs(guide: &Guide, errors: &mut Vec<String>) {
    let known: BTreeSet<&str> = guide
        .care_team
        .iter()
        .chain(&guide.emergency)
        .map(|w| w.id.as_str())
        .collect();
    for risk in &guide.risks {
        for sign in &risk.signs {
            if !known.contains(sign.as_str()) {
                errors.push(format!(
                    "content/{}/risks.toml: {}: signs names \"{sign}\", which warnings.toml does not list",
                    guide.lang, risk.id
                ));
            }
        }
    }
    for benefit in guide.benefits.iter().filter(|b| !b.signs.is_empty()) {
        errors.push(format!(
            "content/{}/benefits.toml: {}: a benefit has no warning signs",
            guide.lang, benefit.id
        ));
    }
}

/// Every item cites at least one source, and only sources the guide lists.
fn check_citations(guide: &Guide, errors: &mut Vec<String>) {
    let known: BTreeSet<&str> = guide.sources.iter().map(|s| s.id.as_str()).collect();
    let mut check_sources = |file: &str, id: &str, sources: &[String]| {
        check_cited(&guide.lang, &known, (file, id), sources, errors);
    };
    for k in &guide.key_points {
        check_sources("intro", &format!("key_point {}", k.id), &k.sources);
    }
    for p in &guide.intro {
        check_sources("intro", &p.id, &p.sources);
    }
    // The disclaimer is the guide speaking for itself, not a fact: it may cite nothing.
    if !guide.disclaimer.sources.is_empty() {
        check_sources("intro", "disclaimer", &guide.disclaimer.sources);
    }
    for s in &guide.steps {
        check_sources("steps", &s.id, &s.sources);
    }
    for (file, groups) in [("before", &guide.before), ("aftercare", &guide.aftercare)] {
        for g in groups {
            for i in &g.item {
                check_sources(file, &format!("{}/{}", g.id, i.id), &i.sources);
            }
        }
    }
    for m in &guide.timeline {
        check_sources("timeline", &m.id, &m.sources);
    }
    for w in guide.care_team.iter().chain(&guide.emergency) {
        check_sources("warnings", &w.id, &w.sources);
    }
    for (file, topics) in [("risks", &guide.risks), ("benefits", &guide.benefits)] {
        for t in topics {
            check_sources(file, &t.id, &t.sources);
        }
    }
    for q in &guide.faq {
        check_sources("faq", &q.id, &q.sources);
    }
    for t in &guide.glossary {
        check_sources("glossary", &t.id, &t.sources);
    }
    for q in &guide.visit_questions {
        check_sources("visit", &q.id, &q.sources);
    }
    for q in &guide.understanding {
        check_sources("understanding", &q.id, &q.sources);
    }
}

/// The sources one item (`id` in `content/<lang>/<file>.toml`) cites.
fn check_cited(
    lang: &str,
    known: &BTreeSet<&str>,
    (file, id): (&str, &str),
    sources: &[String],
    errors: &mut Vec<String>,
) {
    if sources.is_empty() {
        errors.push(format!(
            "content/{lang}/{file}.toml: {id}: lists no sources"
        ));
    }
    for source in sources {
        if source == NOTES {
            errors.push(format!(
                "content/{lang}/{file}.toml: {id}: cites \"{NOTES}\", the project's own notes, which no reader can open: cite the public document instead"
            ));
        } else if !known.contains(source.as_str()) {
            errors.push(format!(
                "content/{lang}/{file}.toml: {id}: unknown source id \"{source}\" (known: {})",
                known.iter().copied().collect::<Vec<_>>().join(", ")
            ));
        }
    }
}

/// Every step shows one of the illustration's scenes.
fn check_scenes(guide: &Guide, errors: &mut Vec<String>) {
    let lang = &guide.lang;
    let scenes: Vec<&str> = guide.steps.iter().map(|s| s.scene.as_str()).collect();
    for (step, scene) in guide.steps.iter().zip(&scenes) {
        if !SCENES.contains(scene) {
            errors.push(format!(
                "content/{lang}/steps.toml: {}: unknown scene \"{scene}\" (known: {})",
                step.id,
                SCENES.join(", ")
            ));
        }
    }
}

/// `params.toml` gives a default for every parameter, and only for those.
fn check_params(guide: &Guide, errors: &mut Vec<String>) {
    let lang = &guide.lang;
    for param in PARAMS {
        if !guide.params.contains_key(*param) {
            errors.push(format!(
                "content/{lang}/params.toml: missing default for {param}"
            ));
        }
    }
    for key in guide.params.keys() {
        if !PARAMS.contains(&key.as_str()) {
            errors.push(format!(
                "content/{lang}/params.toml: unknown parameter {key}"
            ));
        }
    }
}

/// No id is used twice in a file (or in one checklist group).
fn check_unique_ids(guide: &Guide, errors: &mut Vec<String>) {
    let lang = &guide.lang;
    let mut ids = |file: &str, list: Vec<&str>| {
        let mut seen = BTreeSet::new();
        for id in list {
            if !seen.insert(id) {
                errors.push(format!("content/{lang}/{file}.toml: duplicate id \"{id}\""));
            }
        }
    };
    ids("steps", guide.steps.iter().map(|s| s.id.as_str()).collect());
    ids(
        "sources",
        guide.sources.iter().map(|s| s.id.as_str()).collect(),
    );
    ids(
        "glossary",
        guide.glossary.iter().map(|s| s.id.as_str()).collect(),
    );
    ids(
        "timeline",
        guide.timeline.iter().map(|s| s.id.as_str()).collect(),
    );
    for (file, groups) in [("before", &guide.before), ("aftercare", &guide.aftercare)] {
        ids(file, groups.iter().map(|g| g.id.as_str()).collect());
        for g in groups {
            ids(file, g.item.iter().map(|i| i.id.as_str()).collect());
        }
    }
}

/// The id of the project's own notes: a file no patient or portal can open, so never a source.
pub const NOTES: &str = "notes";

/// A source a portal can trust says what it is and where to find it: a title, a
/// publisher (or what the document names instead), and an https address when it has one.
fn check_source_list(guide: &Guide, errors: &mut Vec<String>) {
    let label = format!("content/{}/sources.toml", guide.lang);
    for s in &guide.sources {
        if s.id == NOTES {
            errors.push(format!(
                "{label}: {}: the project's notes are not a public document; list what they rest on instead",
                s.id
            ));
        }
        if s.title.trim().is_empty() {
            errors.push(format!("{label}: {}: has no title", s.id));
        }
        if s.publisher.trim().is_empty() {
            errors.push(format!("{label}: {}: has no publisher", s.id));
        }
        if let Some(url) = &s.url {
            let rest = url.strip_prefix("https://").unwrap_or_default();
            if rest.is_empty() || url.chars().any(|c| c.is_whitespace() || c == '"') {
                errors.push(format!(
                    "{label}: {}: link \"{url}\" is not an https address",
                    s.id
                ));
            }
        }
        match (&s.url, &s.seed) {
            (None, None) => errors.push(format!(
                "{label}: {}: has neither a url nor a seed: nobody could find its passages",
                s.id
            )),
            (_, Some(seed)) if !seed.ends_with(".txt") || seed.contains('/') => {
                errors.push(format!(
                    "{label}: {}: seed \"{seed}\" is not a file name in ../shared/seeds/",
                    s.id
                ))
            }
            _ => {}
        }
        if let Some(year) = s.year {
            if !(1900..=2100).contains(&year) {
                errors.push(format!("{label}: {}: year {year} is not plausible", s.id));
            }
        }
    }
    check_review(guide, &label, errors);
}

/// The content's review stamp: a version, and two dates in order.
fn check_review(guide: &Guide, label: &str, errors: &mut Vec<String>) {
    let is_date = |date: &str| {
        let parts: Vec<&str> = date.split('-').collect();
        let digits = |p: &str, n: usize| p.len() == n && p.chars().all(|c| c.is_ascii_digit());
        parts.len() == 3 && digits(parts[0], 4) && digits(parts[1], 2) && digits(parts[2], 2)
    };
    let review = &guide.review;
    for (key, date) in [
        ("last_reviewed", &review.last_reviewed),
        ("next_review", &review.next_review),
    ] {
        if !is_date(date) {
            errors.push(format!(
                "{label}: review.{key}: \"{date}\" is not a YYYY-MM-DD date"
            ));
        }
    }
    // ISO dates compare as text.
    if review.next_review <= review.last_reviewed {
        errors.push(format!(
            "{label}: review.next_review ({}) must come after last_reviewed ({})",
            review.next_review, review.last_reviewed
        ));
    }
    if guide.review.version.trim().is_empty() {
        errors.push(format!("{label}: review.version: empty"));
    }
}

/// The key points are a summary, so they stay short: five or six lines, one of them the
/// emergency number (a patient who remembers nothing else should remember that).
fn check_key_points(guide: &Guide, errors: &mut Vec<String>) {
    let label = format!("content/{}/intro.toml", guide.lang);
    let count = guide.key_points.len();
    if !(5..=6).contains(&count) {
        errors.push(format!(
            "{label}: key_point: has {count} items, a summary needs 5 or 6"
        ));
    }
    if !guide
        .key_points
        .iter()
        .any(|k| k.text.contains("{emergency_number}"))
    {
        errors.push(format!(
            "{label}: key_point: none gives {{emergency_number}}"
        ));
    }
    let mut seen = BTreeSet::new();
    for k in &guide.key_points {
        if !seen.insert(k.id.as_str()) {
            errors.push(format!("{label}: duplicate key_point id \"{}\"", k.id));
        }
    }
}
