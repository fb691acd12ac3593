//! The typed content model: what `build/` generates from `content/` and what
//! components read. All text is `&'static str` baked into the binary, so there is
//! no parsing at run time and nothing to fail when the widget starts.

use super::{Lang, Ui};

// `Lang` itself (its variants, `ALL`, `tag`, `is_rtl`) is generated from the build's one
// list of languages (build/content.rs `LANGS`).
impl Lang {
    /// Reads a tag such as `es`, `es-MX`, `zh-CN` or `EN`; `None` for a language we lack.
    ///
    /// A shipped tag, or one it begins (`zh-Hans-SG`), wins; then the primary subtag
    /// alone. So `zh`, `zh-CN`, `zh-SG` and also `zh-TW`/`zh-Hant` read Simplified
    /// Chinese: a reader of Traditional characters reads Simplified far better than
    /// English, and the menu names it "中文（简体）" so the patient sees what it is. A
    /// Traditional Chinese guide, once added as `zh-Hant`, wins for those by the first rule.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().replace('_', "-").to_ascii_lowercase();
        let primary = |t: &str| t.split('-').next().unwrap_or_default().to_ascii_lowercase();
        let begins = |l: &Lang| {
            let own = l.tag().to_ascii_lowercase();
            tag.strip_prefix(own.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('-'))
        };
        let wanted = primary(&tag);
        Lang::ALL.into_iter().find(begins).or_else(|| {
            Lang::ALL
                .into_iter()
                .find(|l| !wanted.is_empty() && primary(l.tag()) == wanted)
        })
    }

    /// The `dir` attribute of a guide in this language.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }
}

/// Which part of the illustration a procedure step shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scene {
    Fracture,
    Incision,
    Needle,
    Balloon,
    Inflate,
    Cavity,
    Cement,
    Closed,
}

/// A document the guide's facts rest on, shown in the Sources section.
#[derive(Debug, PartialEq)]
pub struct Source {
    pub id: &'static str,
    pub title: &'static str,
    /// Who published or wrote it, or, for a leaflet that names no one, what kind of document it is.
    pub publisher: &'static str,
    pub year: Option<u16>,
    /// Its public https address, when it has one.
    pub url: Option<&'static str>,
}

/// The content's own stamp: which version of the words, and when they were last reviewed.
#[derive(Debug, PartialEq)]
pub struct Review {
    pub version: &'static str,
    /// `YYYY-MM-DD`.
    pub last_reviewed: &'static str,
    /// `YYYY-MM-DD`: when the words are due to be reviewed again, so a reader can tell
    /// whether they are out of date.
    pub next_review: &'static str,
}

/// Where one passage of a source is: its section and its first and last few words.
/// It points to the passage (a text fragment, `#:~:text=start,end`), never copies it.
#[derive(Debug, PartialEq)]
pub struct Locator {
    pub source: &'static str,
    pub section: &'static str,
    pub start: &'static str,
    pub end: &'static str,
}

impl Locator {
    /// The link that opens `url` with the passage highlighted (the Text Fragments standard).
    pub fn link(&self, url: &str) -> String {
        let base = url.split('#').next().unwrap_or(url);
        format!(
            "{base}#:~:text={},{}",
            fragment_part(self.start),
            fragment_part(self.end)
        )
    }
}

/// Percent-encodes one end of a text fragment: everything but unreserved characters,
/// so `,`, `-` and `&` inside the words cannot be read as the fragment's own syntax.
fn fragment_part(words: &str) -> String {
    let mut out = String::new();
    for byte in words.bytes() {
        if byte.is_ascii_alphanumeric() || b"._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A sentence or two that rests on named sources.
#[derive(Debug, PartialEq)]
pub struct Statement {
    pub text: &'static str,
    pub sources: &'static [&'static str],
}

/// One line of the overview's "Key points" box: a thing the patient must remember.
#[derive(Debug, PartialEq)]
pub struct KeyPoint {
    pub id: &'static str,
    pub text: &'static str,
    pub sources: &'static [&'static str],
}

/// An introductory paragraph with its own heading.
#[derive(Debug, PartialEq)]
pub struct Paragraph {
    pub id: &'static str,
    pub heading: &'static str,
    pub text: &'static str,
    pub sources: &'static [&'static str],
}

/// One step of the procedure and the illustration scene it shows.
#[derive(Debug, PartialEq)]
pub struct Step {
    pub id: &'static str,
    pub scene: Scene,
    pub title: &'static str,
    pub body: &'static [&'static str],
    /// Text alternative for the illustration of this step.
    pub alt: &'static str,
    pub sources: &'static [&'static str],
}

/// A thing the patient can tick off.
#[derive(Debug, PartialEq)]
pub struct ChecklistItem {
    pub id: &'static str,
    pub text: &'static str,
    pub detail: Option<&'static str>,
    pub sources: &'static [&'static str],
}

/// A titled group of checklist items, with its own progress.
#[derive(Debug, PartialEq)]
pub struct ChecklistGroup {
    pub id: &'static str,
    pub title: &'static str,
    pub items: &'static [ChecklistItem],
}

/// A point in recovery, `offset_hours` after the procedure when it has a fixed time.
#[derive(Debug, PartialEq)]
pub struct Milestone {
    pub id: &'static str,
    pub offset_hours: Option<u32>,
    pub title: &'static str,
    pub text: &'static str,
    pub sources: &'static [&'static str],
}

/// A short titled text: a risk or a benefit.
#[derive(Debug, PartialEq)]
pub struct Topic {
    pub id: &'static str,
    pub title: &'static str,
    pub text: &'static str,
    pub sources: &'static [&'static str],
    /// For a risk, the warning signs that would show it (ids of `WarningSign`s): the
    /// risk then links to them, so knowing a risk comes with knowing what to watch for.
    pub signs: &'static [&'static str],
}

/// A question people ask, answered plainly.
#[derive(Debug, PartialEq)]
pub struct Question {
    pub id: &'static str,
    pub question: &'static str,
    pub answer: &'static str,
    pub sources: &'static [&'static str],
}

/// A question worth asking the care team, which the patient can tick in "My visit".
#[derive(Debug, PartialEq)]
pub struct AskQuestion {
    pub id: &'static str,
    pub text: &'static str,
    pub sources: &'static [&'static str],
}

/// A medical word and its plain meaning.
#[derive(Debug, PartialEq)]
pub struct Term {
    pub id: &'static str,
    pub term: &'static str,
    pub definition: &'static str,
    pub sources: &'static [&'static str],
}

/// A warning sign: something that means the patient should get help.
#[derive(Debug, PartialEq)]
pub struct WarningSign {
    pub id: &'static str,
    pub text: &'static str,
    pub sources: &'static [&'static str],
}

/// Default wording for the values a practice can set (see `crate::embed::config`).
#[derive(Debug, PartialEq)]
pub struct ParamDefaults {
    pub practice_name: &'static str,
    pub emergency_number: &'static str,
    pub lifting_limit: &'static str,
    pub follow_up: &'static str,
    pub driving: &'static str,
    pub return_to_work: &'static str,
}

/// The complete guide in one language.
#[derive(Debug, PartialEq)]
pub struct Guide {
    pub lang: Lang,
    pub ui: Ui,
    pub sources: &'static [Source],
    pub review: Review,
    pub params: ParamDefaults,
    /// The summary at the top of the overview (PEMAT item 11).
    pub key_points: &'static [KeyPoint],
    pub intro: &'static [Paragraph],
    pub disclaimer: Statement,
    pub steps: &'static [Step],
    pub before: &'static [ChecklistGroup],
    pub aftercare: &'static [ChecklistGroup],
    pub timeline: &'static [Milestone],
    pub care_team: &'static [WarningSign],
    pub emergency: &'static [WarningSign],
    /// What to do when the care team cannot be reached, shown on its card.
    pub unreachable: WarningSign,
    pub risks: &'static [Topic],
    pub benefits: &'static [Topic],
    pub faq: &'static [Question],
    pub glossary: &'static [Term],
    /// "My visit": questions worth asking, before and after the procedure.
    pub visit_questions: &'static [AskQuestion],
    /// "Check your understanding": the teach-back questions.
    pub understanding: &'static [super::QuizQuestion],
}

impl Guide {
    /// Looks up a source by id, for showing "Sources: …" beside a statement.
    pub fn source(&self, id: &str) -> Option<&'static Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}
