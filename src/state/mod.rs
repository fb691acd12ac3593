//! The widget's state and every change to it, in one reducer.
//!
//! Components only dispatch [`Action`]s; the rules (step bounds, what a tick key
//! looks like, what clearing does) live here and are unit-tested without a browser.
//! [`sync`] keeps the state and the device's storage in step.
//!
//! May use: `storage`, `diary`, `calendar`, `content`.

use crate::calendar::Date;
use crate::content::{Lang, Section, TickKey};
use crate::diary::{Diary, Entry};
use crate::storage::understanding::Answers;
use crate::storage::{Persistence, Saved};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::Reducible;

pub mod sync;
pub mod understanding;
mod walkthrough;

pub use walkthrough::{Walk, WalkEnd, Walkthrough};

/// The whole state of one widget instance.
#[derive(Clone, Debug, PartialEq)]
pub struct GuideState {
    pub lang: Lang,
    pub section: Section,
    pub step: usize,
    pub step_count: usize,
    /// Balloon inflation on the inflation step, 0.0 to 1.0.
    pub inflation: f64,
    pub show_labels: bool,
    pub ticks: BTreeSet<TickKey>,
    /// The procedure date, when the patient gave one (checked where it entered).
    pub procedure_date: Option<Date>,
    /// Whether ticks are being remembered, so the checklist can say so.
    pub persistence: Persistence,
    /// Whether the "Sources 1, 4" references show beside the text (remembered on the device).
    /// The Sources section lists the documents either way.
    pub show_sources: bool,
    pub walkthrough: Walkthrough,
    /// How the last walkthrough ended, for the host event; `None` while one runs.
    pub walk_end: Option<WalkEnd>,
    /// The pain diary and the questions for the care team (kept under its own key).
    pub diary: Diary,
    /// Whether the diary is being remembered, told apart from the ticks: each has its own key.
    pub diary_persistence: Persistence,
    /// "Check your understanding": the option picked for each question (its own key).
    pub answers: Answers,
    /// Whether the answers are being remembered, told apart like the diary's.
    pub answers_persistence: Persistence,
    /// The patient's date today (`YYYY-MM-DD`) when the guide started; `None` on the server.
    /// Kept in the state so the diary's day and its safety line can be tested natively.
    pub today: Option<String>,
    /// The element's `lang` and `start-step` as last configured: a changed attribute
    /// overrides the patient's own choice, an unchanged one never does.
    pub configured: (Lang, usize),
}

impl GuideState {
    /// A fresh state: first section, the configured step, nothing ticked.
    pub fn new(lang: Lang, section: Section, step: usize, step_count: usize) -> Self {
        GuideState {
            lang,
            section,
            step: step.min(step_count.saturating_sub(1)),
            step_count,
            inflation: 1.0,
            show_labels: true,
            ticks: BTreeSet::new(),
            procedure_date: None,
            persistence: Persistence::Remembered,
            show_sources: true,
            walkthrough: Walkthrough::Off,
            walk_end: None,
            diary: Diary::default(),
            diary_persistence: Persistence::Remembered,
            answers: Answers::default(),
            answers_persistence: Persistence::Remembered,
            today: crate::diary::today(),
            configured: (lang, step),
        }
    }

    /// Starts from what was saved on this device.
    pub fn with_saved(mut self, saved: Saved, persistence: Persistence) -> Self {
        self.ticks = saved.ticks;
        self.procedure_date = saved.procedure_date;
        self.persistence = persistence;
        self.show_sources = saved.show_sources.unwrap_or(true);
        self
    }

    /// One walkthrough command (see [`Walk`]); `last` is the last step's index.
    fn walk(&mut self, walk: Walk, last: usize) {
        match (walk, self.walkthrough) {
            (Walk::Start, Walkthrough::Off) => {
                // From the step the patient is on; from the first when they are at the end.
                if self.step >= last {
                    self.step = 0;
                }
                self.walkthrough = Walkthrough::Playing;
                self.walk_end = None;
            }
            (Walk::Start | Walk::Resume, Walkthrough::Paused) => {
                self.walkthrough = Walkthrough::Playing
            }
            (Walk::Pause, Walkthrough::Playing) => self.walkthrough = Walkthrough::Paused,
            (Walk::Stop, Walkthrough::Playing | Walkthrough::Paused) => {
                self.walkthrough = Walkthrough::Off;
                self.walk_end = Some(WalkEnd::Stopped);
            }
            (Walk::Advance { from }, Walkthrough::Playing) if from == self.step => {
                if self.step < last {
                    self.step += 1;
                } else {
                    self.walkthrough = Walkthrough::Off;
                    self.walk_end = Some(WalkEnd::Finished);
                }
            }
            _ => {}
        }
    }

    /// A changed `lang` or `start-step` attribute: the new language (already loaded by
    /// the caller) or step, which pauses a playing walkthrough as the patient's own
    /// change would. Unchanged values leave the patient's own choices alone.
    fn configure(&mut self, lang: Lang, start_step: usize) {
        let (was_lang, was_step) = self.configured;
        if lang != was_lang {
            self.lang = lang;
        }
        if start_step != was_step {
            self.step = start_step.min(self.last_step());
        }
        let changed = (lang, start_step) != self.configured;
        if changed && self.walkthrough == Walkthrough::Playing {
            self.walkthrough = Walkthrough::Paused;
        }
        self.configured = (lang, start_step);
    }

    /// Starts from the diary saved on this device.
    pub fn with_diary(mut self, diary: Diary, persistence: Persistence) -> Self {
        self.diary = diary;
        self.diary_persistence = persistence;
        self
    }

    /// Starts from the diary this widget saved on the device (none on the server).
    pub fn with_diary_from(self, storage_key: &str) -> Self {
        let (diary, persistence) = crate::storage::load_initial(storage_key);
        self.with_diary(diary, persistence)
    }

    /// Starts from the quiz answers this widget saved on the device (none on the server).
    pub fn with_answers_from(mut self, storage_key: &str) -> Self {
        let (answers, persistence) = crate::storage::load_initial::<Answers>(storage_key);
        self.answers = understanding::known(answers, self.quiz());
        self.answers_persistence = persistence;
        self
    }

    /// The quiz in the language shown (its ids are the same in every language).
    fn quiz(&self) -> &'static [crate::content::QuizQuestion] {
        crate::content::guide(self.lang).understanding
    }

    /// Whether a checklist item is ticked.
    pub fn is_ticked(&self, key: &TickKey) -> bool {
        self.ticks.contains(key)
    }

    /// The last step's index.
    fn last_step(&self) -> usize {
        self.step_count.saturating_sub(1)
    }

    /// Where a move from the current step lands, within the steps; the one place the
    /// step bounds live (the reducer and the views' host events both ask it).
    pub fn step_after(&self, step_move: StepMove) -> usize {
        match step_move {
            StepMove::Next => (self.step + 1).min(self.last_step()),
            StepMove::Previous => self.step.saturating_sub(1),
            StepMove::To(step) => step.min(self.last_step()),
        }
    }
}

/// A patient's move through the procedure's steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepMove {
    Next,
    Previous,
    /// To a step by its index (0-based); past the last means the last.
    To(usize),
}

/// Everything that can change the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    /// The element's `lang` and `start-step`, sent at start and whenever either
    /// attribute changes: acted on only when they differ from what was last configured
    /// (see [`GuideState::configured`]).
    Configure {
        lang: Lang,
        start_step: usize,
    },
    /// The loader opened a part of the guide (its section buttons are the only ones).
    Open(Section),
    /// Moves through the steps (pausing a walkthrough: it is the patient's own move).
    Step(StepMove),
    SetInflation(f64),
    ToggleLabels,
    SetTick {
        key: TickKey,
        checked: bool,
    },
    ClearTicks,
    SetProcedureDate(Option<Date>),
    SetPersistence(Persistence),
    /// Shows or hides the source references beside the text.
    SetShowSources(bool),
    /// The walkthrough's controls and narration.
    Walk(Walk),
    /// Adds the day's diary entry, or replaces that day's (the reducer applies the limits).
    SaveEntry(Entry),
    /// Deletes the diary entry of a date (`YYYY-MM-DD`).
    DeleteEntry(String),
    /// Ticks or unticks one of the guide's questions to ask.
    PickQuestion {
        id: String,
        picked: bool,
    },
    /// Adds a question of the patient's own (cut to its limit; at most `diary::OWN_MAX`).
    AddOwnQuestion(String),
    /// Removes the patient's own question at this position.
    RemoveOwnQuestion(usize),
    /// Forgets the whole diary and question list (after the patient confirmed).
    ClearDiary,
    /// A saved diary arrived (from another tab, or another `storage-key`).
    RestoreDiary(Diary),
    SetDiaryPersistence(Persistence),
    /// Saved ticks arrived (another tab, or another `storage-key`): take them as they are.
    Restore(Saved),
    /// The patient picked `option` for the quiz's `question` (unknown ids are ignored).
    Answer {
        question: String,
        option: String,
    },
    /// "Start again": forgets every quiz answer.
    ClearAnswers,
    /// Saved quiz answers arrived (another tab, or another `storage-key`).
    RestoreAnswers(Answers),
    SetAnswersPersistence(Persistence),
}

impl Reducible for GuideState {
    type Action = Action;

    // Long: one arm per action, so the reducer reads as the table of every change the
    // widget can make; splitting it would scatter the rules across functions.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let last = self.last_step();
        // A patient's own change of step (or language) pauses the walkthrough.
        let manual = matches!(action, Action::Step(_) | Action::SetLang(_));
        if manual && self.walkthrough == Walkthrough::Playing {
            next.walkthrough = Walkthrough::Paused;
        }
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::Open(section) => next.section = section,
            Action::Configure { lang, start_step } => next.configure(lang, start_step),
            Action::Step(step_move) => next.step = self.step_after(step_move),
            Action::Walk(walk) => next.walk(walk, last),
            Action::SetInflation(amount) => {
                next.inflation = if amount.is_finite() {
                    amount.clamp(0.0, 1.0)
                } else {
                    self.inflation
                }
            }
            Action::ToggleLabels => next.show_labels = !self.show_labels,
            Action::SetTick { key, checked } => {
                if checked {
                    next.ticks.insert(key);
                } else {
                    next.ticks.remove(&key);
                }
            }
            Action::ClearTicks => {
                // "Clear my ticks" forgets everything the patient saved: ticks, date and
                // the quiz's answers, which are kept like the ticks.
                next.ticks.clear();
                next.procedure_date = None;
                next.answers = Answers::default();
            }
            Action::SetProcedureDate(date) => next.procedure_date = date,
            Action::SetPersistence(p) => next.persistence = p,
            Action::SetShowSources(show) => next.show_sources = show,
            Action::SaveEntry(entry) => next.diary.save_entry(entry),
            Action::DeleteEntry(date) => {
                next.diary.entries.remove(&date);
            }
            Action::PickQuestion { id, picked } => {
                if picked {
                    next.diary.picked.insert(id);
                } else {
                    next.diary.picked.remove(&id);
                }
            }
            Action::AddOwnQuestion(text) => next.diary.add_own(&text),
            Action::RemoveOwnQuestion(index) => {
                if index < next.diary.own.len() {
                    next.diary.own.remove(index);
                }
            }
            Action::ClearDiary => next.diary = Diary::default(),
            Action::RestoreDiary(diary) => next.diary = diary.sanitised(),
            Action::SetDiaryPersistence(p) => next.diary_persistence = p,
            Action::Answer { question, option } => {
                understanding::answer(&mut next.answers, self.quiz(), &question, &option)
            }
            Action::ClearAnswers => next.answers = Answers::default(),
            Action::RestoreAnswers(answers) => {
                next.answers = understanding::known(answers, self.quiz())
            }
            Action::SetAnswersPersistence(p) => next.answers_persistence = p,
            Action::Restore(saved) => {
                next.ticks = saved.ticks;
                next.procedure_date = saved.procedure_date;
                next.show_sources = saved.show_sources.unwrap_or(true);
            }
        }
        if next.section != Section::Procedure && next.walkthrough != Walkthrough::Off {
            next.walkthrough = Walkthrough::Off;
            next.walk_end = Some(WalkEnd::Left);
        }
        if next.step != self.step {
            next.inflation = 1.0;
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests;
