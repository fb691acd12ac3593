//! The islands: the parts of the guide that need the WebAssembly (issue 24). Everything
//! else (header, section buttons, Contents, language, print, the sections that never
//! change) is the document's and the loader's; an island is where the wasm adds
//! behaviour: remembered ticks, the illustration's controls, the calendar, the diary.
//!
//! Each island's host element carries `data-kg-island="<marker>"`, in the build-time
//! document and in the live widget alike, so the loader and the wasm find the same
//! element. This enum is the one registry of islands: a new island is a variant here
//! (its marker and its section), its view in `components::app::island_view`, and the
//! marker on its component's root element.
//!
//! May use: `content`.

use crate::content::{Checklist, Section};

/// One interactive part of the guide, rendered by the wasm into its host element.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Island {
    /// The procedure: the illustration and its controls, the steps, the walkthrough.
    Stepper,
    /// The before-the-procedure checklist.
    ChecklistBefore,
    /// The aftercare checklist, with the recovery timeline and its calendar.
    ChecklistAftercare,
    /// My visit: the pain diary, its chart, the questions and the exports.
    Visit,
    /// Check your understanding: the questions, their feedback, the kept answers.
    Understanding,
}

impl Island {
    /// Every island, in the guide's order (the order the wasm takes them over after the
    /// one on screen).
    pub const ALL: [Island; 5] = [
        Island::Stepper,
        Island::ChecklistBefore,
        Island::ChecklistAftercare,
        Island::Visit,
        Island::Understanding,
    ];

    /// The value of `data-kg-island` on the island's host element: part of the
    /// document's format, read by the loader.
    pub fn marker(self) -> &'static str {
        match self {
            Island::Stepper => "stepper",
            Island::ChecklistBefore => "checklist-before",
            Island::ChecklistAftercare => "checklist-aftercare",
            Island::Visit => "visit",
            Island::Understanding => "understanding",
        }
    }

    /// The island a marker names; `None` for a marker this build does not know.
    pub fn from_marker(marker: &str) -> Option<Island> {
        Island::ALL.into_iter().find(|i| i.marker() == marker)
    }

    /// The section whose panel holds the island.
    pub fn section(self) -> Section {
        match self {
            Island::Stepper => Section::Procedure,
            Island::ChecklistBefore => Section::Before,
            Island::ChecklistAftercare => Section::Aftercare,
            Island::Visit => Section::Visit,
            Island::Understanding => Section::Understanding,
        }
    }

    /// The island a section is made of, if it is one (the other sections are document only).
    pub fn in_section(section: Section) -> Option<Island> {
        Island::ALL.into_iter().find(|i| i.section() == section)
    }

    /// The island that shows `list`.
    pub fn for_checklist(list: Checklist) -> Island {
        match list {
            Checklist::Before => Island::ChecklistBefore,
            Checklist::Aftercare => Island::ChecklistAftercare,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_unique_and_read_back() {
        for island in Island::ALL {
            assert_eq!(Island::from_marker(island.marker()), Some(island));
            assert_eq!(Island::in_section(island.section()), Some(island));
        }
        assert_eq!(Island::from_marker("header"), None);
        assert_eq!(Island::in_section(Section::Sources), None);
    }

    #[test]
    fn each_checklist_has_its_island() {
        for list in Checklist::ALL {
            assert_eq!(Island::for_checklist(list).section(), list.section());
        }
    }
}
