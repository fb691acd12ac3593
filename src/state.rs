//! The widget's state and every change to it, in one reducer.
//!
//! Components only dispatch [`Action`]s; the rules (step bounds, what a tick key
//! looks like, what clearing does) live here and are unit-tested without a browser.

use crate::content::Lang;
use crate::storage::{Persistence, Saved};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::Reducible;

/// A part of the guide the patient can open. Names are the `sections` attribute's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    Overview,
    Procedure,
    Before,
    Aftercare,
    Warnings,
    Risks,
    Questions,
    Sources,
}

impl Section {
    /// Every section, in the default order.
    pub const ALL: [Section; 8] = [
        Section::Overview,
        Section::Procedure,
        Section::Before,
        Section::Aftercare,
        Section::Warnings,
        Section::Risks,
        Section::Questions,
        Section::Sources,
    ];

    /// The word used in the `sections` attribute, events and element ids.
    pub fn name(self) -> &'static str {
        match self {
            Section::Overview => "overview",
            Section::Procedure => "procedure",
            Section::Before => "before",
            Section::Aftercare => "aftercare",
            Section::Warnings => "warnings",
            Section::Risks => "risks",
            Section::Questions => "questions",
            Section::Sources => "sources",
        }
    }

    /// Reads a `sections` attribute word (case-insensitive).
    pub fn from_name(name: &str) -> Option<Section> {
        Section::ALL
            .into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(name.trim()))
    }
}

/// A checklist tick, stored as `"<list>/<item id>"` so lists can share item ids.
pub fn tick_key(list: &str, item: &str) -> String {
    format!("{list}/{item}")
}

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
    pub ticks: BTreeSet<String>,
    /// The procedure date as `YYYY-MM-DD`, when the patient gave one.
    pub procedure_date: Option<String>,
    /// Whether ticks are being remembered, so the checklist can say so.
    pub persistence: Persistence,
    /// Bumped when a section is opened from a control that then disappears (the
    /// "Warning signs" shortcut): the section's heading takes focus, so focus is not lost.
    pub focus_request: u32,
    /// Whether the "Sources 1, 4" references show beside the text (remembered on the device).
    /// The Sources section lists the documents either way.
    pub show_sources: bool,
    /// The source (index in the Sources list) a reference asked to open, and a counter
    /// bumped on every ask, so the Sources section focuses that entry each time.
    pub source_request: (u32, usize),
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
            focus_request: 0,
            show_sources: true,
            source_request: (0, 0),
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

    /// Whether a checklist item is ticked.
    pub fn is_ticked(&self, key: &str) -> bool {
        self.ticks.contains(key)
    }
}

/// Everything that can change the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    Open(Section),
    /// Opens a section and moves focus to its heading.
    OpenAndFocus(Section),
    GoToStep(usize),
    NextStep,
    PreviousStep,
    SetInflation(f64),
    ToggleLabels,
    SetTick {
        key: String,
        checked: bool,
    },
    ClearTicks,
    SetProcedureDate(Option<String>),
    SetPersistence(Persistence),
    /// Shows or hides the source references beside the text.
    SetShowSources(bool),
    /// Opens the Sources section at one entry (its index), which then takes focus.
    OpenSource(usize),
    /// Saved data arrived (at start, or from another tab): take it as it is.
    Restore {
        ticks: BTreeSet<String>,
        procedure_date: Option<String>,
    },
}

impl Reducible for GuideState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let last = self.step_count.saturating_sub(1);
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::Open(section) => next.section = section,
            Action::OpenAndFocus(section) => {
                next.section = section;
                next.focus_request = self.focus_request.wrapping_add(1);
            }
            Action::GoToStep(step) => next.step = step.min(last),
            Action::NextStep => next.step = (self.step + 1).min(last),
            Action::PreviousStep => next.step = self.step.saturating_sub(1),
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
                // "Clear my ticks" forgets everything the patient saved: ticks and date.
                next.ticks.clear();
                next.procedure_date = None;
            }
            Action::SetProcedureDate(date) => next.procedure_date = date,
            Action::SetPersistence(p) => next.persistence = p,
            Action::SetShowSources(show) => next.show_sources = show,
            Action::OpenSource(index) => {
                next.section = Section::Sources;
                next.source_request = (self.source_request.0.wrapping_add(1), index);
            }
            Action::Restore {
                ticks,
                procedure_date,
            } => {
                next.ticks = ticks;
                next.procedure_date = procedure_date;
            }
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
mod tests {
    use super::*;

    fn state() -> Rc<GuideState> {
        Rc::new(GuideState::new(Lang::En, Section::Procedure, 0, 8))
    }

    #[test]
    fn steps_stay_within_the_procedure() {
        let s = state().reduce(Action::PreviousStep);
        assert_eq!(s.step, 0);
        let s = s.reduce(Action::GoToStep(42));
        assert_eq!(s.step, 7);
        let s = s.reduce(Action::NextStep);
        assert_eq!(s.step, 7);
        let s = s.reduce(Action::PreviousStep);
        assert_eq!(s.step, 6);
    }

    #[test]
    fn inflation_is_clamped_and_resets_on_a_new_step() {
        let s = state().reduce(Action::SetInflation(2.0));
        assert_eq!(s.inflation, 1.0);
        let s = s.reduce(Action::SetInflation(f64::NAN));
        assert_eq!(s.inflation, 1.0);
        let s = s
            .reduce(Action::SetInflation(0.25))
            .reduce(Action::NextStep);
        assert_eq!(s.inflation, 1.0);
    }

    #[test]
    fn ticks_are_added_removed_and_cleared() {
        let key = tick_key("before", "allergies");
        let s = state().reduce(Action::SetTick {
            key: key.clone(),
            checked: true,
        });
        assert!(s.is_ticked(&key));
        let s = s.reduce(Action::SetTick {
            key: key.clone(),
            checked: false,
        });
        assert!(!s.is_ticked(&key));
        let s = s
            .reduce(Action::SetProcedureDate(Some("2026-11-24".into())))
            .reduce(Action::SetTick {
                key: key.clone(),
                checked: true,
            })
            .reduce(Action::ClearTicks);
        assert!(s.ticks.is_empty());
        assert_eq!(s.procedure_date, None, "clearing forgets the date too");
    }

    #[test]
    fn opening_with_focus_asks_for_focus_each_time() {
        let s = state().reduce(Action::OpenAndFocus(Section::Warnings));
        assert_eq!((s.section, s.focus_request), (Section::Warnings, 1));
        let s = s.reduce(Action::OpenAndFocus(Section::Warnings));
        assert_eq!(s.focus_request, 2);
    }

    #[test]
    fn sections_read_their_attribute_names() {
        for section in Section::ALL {
            assert_eq!(Section::from_name(section.name()), Some(section));
        }
        assert_eq!(Section::from_name(" AfterCare "), Some(Section::Aftercare));
        assert_eq!(Section::from_name("nope"), None);
    }

    #[test]
    fn a_source_reference_opens_the_sources_at_that_entry_every_time() {
        let s = state().reduce(Action::OpenSource(3));
        assert_eq!((s.section, s.source_request), (Section::Sources, (1, 3)));
        assert_eq!(s.focus_request, 0, "the entry takes focus, not the heading");
        let s = s.reduce(Action::OpenSource(3));
        assert_eq!(s.source_request, (2, 3));
        let s = s.reduce(Action::SetShowSources(false));
        assert!(!s.show_sources);
    }
}
