//! "Check your understanding" (`content/<lang>/understanding.toml`): the quiz's schema,
//! its checks and its generated Rust.
//!
//! A quiz question that teaches the wrong thing is worse than none, so the build stops on
//! a question with no correct option or more than one, with an option that has no
//! feedback of its own, or whose link points to a part of the guide that does not exist;
//! its evidence is checked like every other statement's (`crate::evidence`).

use crate::schema::Guide;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt::Write;

/// How many questions a language's quiz may have: enough to cover what keeps a patient
/// safe, few enough to finish.
pub const QUESTIONS: std::ops::RangeInclusive<usize> = 6..=8;

/// How many options a question may offer.
pub const OPTIONS: std::ops::RangeInclusive<usize> = 2..=4;

/// The guide's parts a feedback link may open: the `sections` attribute's words, less
/// the quiz itself (`crate::content::Section` has a variant for each).
pub const LINKABLE: &[&str] = &[
    "overview",
    "procedure",
    "before",
    "aftercare",
    "warnings",
    "risks",
    "questions",
    "visit",
];

/// One answer a patient can pick.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct QuizOption {
    pub id: String,
    pub text: String,
    /// Exactly one option of each question says `correct = true`.
    #[serde(default)]
    pub correct: bool,
    /// What picking this option teaches: why it is right, or why not and what to do
    /// instead. Read as empty when missing, so the check can say which option lacks it.
    #[serde(default)]
    pub feedback: String,
}

/// One multiple-choice question with its feedback.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct QuizQuestion {
    pub id: String,
    /// Where the guide says it: `section` or `section/item-id`.
    #[serde(default)]
    pub link: String,
    pub question: String,
    #[serde(default)]
    pub option: Vec<QuizOption>,
    /// Filled from `content/evidence/`, never written in a language file (see `crate::evidence`).
    #[serde(skip_deserializing)]
    pub sources: Vec<String>,
}

/// `understanding.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizFile {
    pub question: Vec<QuizQuestion>,
}

/// Every check on one language's quiz.
pub fn check(guide: &Guide, errors: &mut Vec<String>) {
    let label = format!("content/{}/understanding.toml", guide.lang);
    let count = guide.understanding.len();
    if !QUESTIONS.contains(&count) {
        errors.push(format!(
            "{label}: has {count} questions; the quiz needs {} to {}",
            QUESTIONS.start(),
            QUESTIONS.end()
        ));
    }
    let mut ids = BTreeSet::new();
    for q in &guide.understanding {
        if !ids.insert(q.id.as_str()) {
            errors.push(format!("{label}: duplicate question id \"{}\"", q.id));
        }
        check_question(guide, q, &label, errors);
    }
}

fn check_question(guide: &Guide, q: &QuizQuestion, label: &str, errors: &mut Vec<String>) {
    let id = &q.id;
    let correct = q.option.iter().filter(|o| o.correct).count();
    match correct {
        1 => {}
        0 => errors.push(format!(
            "{label}: {id}: no option has correct = true; exactly one must"
        )),
        n => errors.push(format!(
            "{label}: {id}: {n} options have correct = true; exactly one must"
        )),
    }
    if !OPTIONS.contains(&q.option.len()) {
        errors.push(format!(
            "{label}: {id}: has {} options; a question needs {} to {}",
            q.option.len(),
            OPTIONS.start(),
            OPTIONS.end()
        ));
    }
    let mut seen = BTreeSet::new();
    for o in &q.option {
        if !seen.insert(o.id.as_str()) {
            errors.push(format!("{label}: {id}: duplicate option id \"{}\"", o.id));
        }
        if o.feedback.trim().is_empty() {
            errors.push(format!(
                "{label}: {id}: option \"{}\" has no feedback: `feedback` must say in a sentence or two why it is right, or why not and what to do instead",
                o.id
            ));
        }
    }
    if let Err(problem) = resolve_link(guide, &q.link) {
        errors.push(format!("{label}: {id}: link \"{}\" {problem}", q.link));
    }
}

/// The section and item a link names, or why it names nothing in this guide.
pub fn resolve_link<'a>(
    guide: &Guide,
    link: &'a str,
) -> Result<(&'a str, Option<&'a str>), String> {
    let (section, item) = match link.split_once('/') {
        Some((section, item)) => (section, Some(item)),
        None => (link, None),
    };
    if !LINKABLE.contains(&section) {
        return Err(format!(
            "names no part of the guide (known: {})",
            LINKABLE.join(", ")
        ));
    }
    if let Some(item) = item {
        if !items_of(guide, section).contains(&item) {
            return Err(format!(
                "names no item \"{item}\" in {section} (its ids are those of the files it shows)"
            ));
        }
    }
    Ok((section, item))
}

/// The item ids a section shows, from the files it is made of.
fn items_of<'g>(guide: &'g Guide, section: &str) -> Vec<&'g str> {
    let checklist = |groups: &'g [crate::schema::Group]| {
        groups
            .iter()
            .flat_map(|g| {
                std::iter::once(g.id.as_str()).chain(g.item.iter().map(|i| i.id.as_str()))
            })
            .collect::<Vec<_>>()
    };
    match section {
        "overview" => guide
            .key_points
            .iter()
            .map(|k| k.id.as_str())
            .chain(guide.intro.iter().map(|p| p.id.as_str()))
            .collect(),
        "procedure" => guide.steps.iter().map(|s| s.id.as_str()).collect(),
        "before" => checklist(&guide.before),
        // The timeline (day of, driving, first days...) is drawn at the top of the
        // Aftercare part, so its milestones are that part's items: "aftercare/driving"
        // is the milestone "Ask before you drive".
        "aftercare" => {
            let mut ids = checklist(&guide.aftercare);
            ids.extend(guide.timeline.iter().map(|m| m.id.as_str()));
            ids
        }
        "warnings" => guide
            .care_team
            .iter()
            .chain(&guide.emergency)
            .chain([&guide.unreachable])
            .map(|w| w.id.as_str())
            .collect(),
        "risks" => guide
            .risks
            .iter()
            .chain(&guide.benefits)
            .map(|t| t.id.as_str())
            .collect(),
        "questions" => guide
            .faq
            .iter()
            .map(|q| q.id.as_str())
            .chain(guide.glossary.iter().map(|t| t.id.as_str()))
            .collect(),
        "visit" => guide
            .visit_questions
            .iter()
            .map(|q| q.id.as_str())
            .collect(),
        _ => Vec::new(),
    }
}

/// `Section::Warnings` for "warnings".
fn section_variant(name: &str) -> String {
    let mut chars = name.chars();
    let first = chars.next().map(|c| c.to_ascii_uppercase()).unwrap_or('X');
    format!("Section::{first}{}", chars.as_str())
}

/// The quiz as Rust: `text` turns a string into its token (see `crate::codegen`), so the
/// words go to each language's table and the ids, links and answers stay in the skeleton.
pub fn expr(guide: &Guide, text: &mut dyn FnMut(&str) -> String) -> String {
    let mut out = String::from("vec![\n");
    for q in &guide.understanding {
        let (section, item) = resolve_link(guide, &q.link).unwrap_or(("overview", None));
        let options: Vec<String> = q
            .option
            .iter()
            .map(|o| {
                format!(
                    "QuizOption {{ id: {}, text: {}, correct: {}, feedback: {} }}",
                    text(&o.id),
                    text(&o.text),
                    o.correct,
                    text(&o.feedback)
                )
            })
            .collect();
        let sources: Vec<String> = q.sources.iter().map(|s| format!("{s:?}")).collect();
        let _ = writeln!(
            out,
            "        QuizQuestion {{ id: {}, question: {}, options: vec![{}].leak(), link: {}, link_item: {:?}, sources: &[{}] }},",
            text(&q.id),
            text(&q.question),
            options.join(", "),
            section_variant(section),
            item.unwrap_or_default(),
            sources.join(", ")
        );
    }
    out.push_str("    ].leak()");
    out
}
