//! The shape of each content file, as serde reads it.
//!
//! `deny_unknown_fields` everywhere: a misspelt key is an error, not silently dropped text.

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    /// Missing is read as empty, so the check can name the source rather than fail on serde's words.
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub publisher: String,
    pub year: Option<u16>,
    /// The public address, https only; leaflets without a named public copy have none.
    pub url: Option<String>,
    /// A leaflet's file in `../shared/seeds/`, where the evidence test resolves its locators.
    pub seed: Option<String>,
}

/// The content's own version and review date, shown beside the sources.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub version: String,
    /// `YYYY-MM-DD`.
    pub last_reviewed: String,
    /// `YYYY-MM-DD`: when the words are due to be reviewed again (NHS.UK shows both dates).
    pub next_review: String,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub text: String,
    /// Filled from `content/evidence/`, never written in a language file (see `crate::evidence`).
    #[serde(skip_deserializing)]
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    pub id: String,
    pub heading: String,
    pub text: String,
    /// Filled from `content/evidence/`, never written in a language file (see `crate::evidence`).
    #[serde(skip_deserializing)]
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub scene: String,
    pub title: String,
    pub body: Vec<String>,
    pub alt: String,
    /// Filled from `content/evidence/`, never written in a language file (see `crate::evidence`).
    #[serde(skip_deserializing)]
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub text: String,
    pub detail: Option<String>,
    /// Filled from `content/evidence/`, never written in a language file (see `crate::evidence`).
    #[serde(skip_deserializing)]
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub title: String,
    pub item: Vec<Item>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub id: String,
    pub offset_hours: Option<u32>,
    pub title: String,
    pub text: String,
    /// Filled from `content/evidence/`, never written in a language file (see `crate::evidence`).
    #[serde(skip_deserializing)]
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Warning {
    pub id: String,
    pub text: String,
    /// Filled from `content/evidence/`, never written in a language file (see `crate::evidence`).
    #[serde(skip_deserializing)]
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct WarningList {
    pub item: Vec<Warning>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    pub title: String,
    pub text: String,
    /// For a risk: the warning signs (ids in `warnings.toml`) a patient could notice.
    #[serde(default)]
    pub signs: Vec<String>,
    /// Filled from `content/evidence/`, never written in a language file (see `crate::evidence`).
    #[serde(skip_deserializing)]
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub question: String,
    pub answer: String,
    /// Filled from `content/evidence/`, never written in a language file (see `crate::evidence`).
    #[serde(skip_deserializing)]
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    pub term: String,
    pub definition: String,
    /// Filled from `content/evidence/`, never written in a language file (see `crate::evidence`).
    #[serde(skip_deserializing)]
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    pub review: Review,
    pub source: Vec<Source>,
}
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntroFile {
    pub key_point: Vec<Warning>,
    pub paragraph: Vec<Paragraph>,
    pub disclaimer: Statement,
}
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepsFile {
    pub step: Vec<Step>,
}
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistFile {
    pub group: Vec<Group>,
}
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineFile {
    pub milestone: Vec<Milestone>,
}
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WarningsFile {
    pub care_team: WarningList,
    pub emergency: WarningList,
    /// What to do when the care team cannot be reached (nights, weekends).
    pub unreachable: Warning,
}
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicsFile {
    pub item: Vec<Topic>,
}
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaqFile {
    pub question: Vec<Question>,
}
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    pub term: Vec<Term>,
}
/// `visit.toml`: questions worth asking the care team, for "My visit".
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisitFile {
    pub question: Vec<Warning>,
}

/// One language's complete guide, as parsed and checked.
#[derive(Debug, Clone)]
pub struct Guide {
    pub lang: String,
    pub ui: BTreeMap<String, String>,
    pub sources: Vec<Source>,
    pub review: Review,
    pub params: BTreeMap<String, String>,
    /// The "Key points" box: the few things a patient must remember (PEMAT item 11).
    pub key_points: Vec<Warning>,
    pub intro: Vec<Paragraph>,
    pub disclaimer: Statement,
    pub steps: Vec<Step>,
    pub before: Vec<Group>,
    pub aftercare: Vec<Group>,
    pub timeline: Vec<Milestone>,
    pub care_team: Vec<Warning>,
    pub emergency: Vec<Warning>,
    pub unreachable: Warning,
    pub risks: Vec<Topic>,
    pub benefits: Vec<Topic>,
    pub faq: Vec<Question>,
    pub glossary: Vec<Term>,
    pub visit_questions: Vec<Warning>,
    /// "Check your understanding": the teach-back quiz (`crate::understanding`).
    pub understanding: Vec<crate::understanding::QuizQuestion>,
    /// The locators of every statement, by `<file>/<item key>`; the same in every language.
    pub evidence: crate::evidence::Evidence,
}
