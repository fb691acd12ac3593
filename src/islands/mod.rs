//! The islands: the parts of the guide that need the WebAssembly (issue 24). Everything
//! else (header, section buttons, Contents, language, print, the sections that never
//! change) is the document's and the loader's; an island is where the wasm adds
//! behaviour: remembered ticks, the illustration's controls, the calendar, the diary.
//!
//! Each island's root element carries `data-kg-island="<marker>"`, in the build-time
//! document and in the live widget alike. The live root (`components::live`) renders
//! each island through a portal into its host in the loader's document: its section's
//! panel, which holds nothing else, or (for a part outside the panels) where the
//! document's copy was. This enum is the one registry of islands: a new island is a
//! variant here (its marker and its section), its view in
//! `components::island_view::island_view`, and the marker on its component's root element.
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
    /// The printed aftercare sheet: its timeline has the patient's dates and its QR code
    /// the page's address, which only the wasm knows. Not in a panel: the guide's last part.
    PrintSheet,
}

impl Island {
    /// Every island, in the guide's order (the order the wasm takes them over after the
    /// one on screen).
    pub const ALL: [Island; 6] = [
        Island::Stepper,
        Island::ChecklistBefore,
        Island::ChecklistAftercare,
        Island::Visit,
        Island::Understanding,
        Island::PrintSheet,
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
            Island::PrintSheet => "print-sheet",
        }
    }

    /// The island a marker names; `None` for a marker this build does not know.
    pub fn from_marker(marker: &str) -> Option<Island> {
        Island::ALL.into_iter().find(|i| i.marker() == marker)
    }

    /// The section whose panel is the island's host (the panel holds nothing else);
    /// `None` for the print sheet, which is the host of itself.
    pub fn section(self) -> Option<Section> {
        match self {
            Island::Stepper => Some(Section::Procedure),
            Island::ChecklistBefore => Some(Section::Before),
            Island::ChecklistAftercare => Some(Section::Aftercare),
            Island::Visit => Some(Section::Visit),
            Island::Understanding => Some(Section::Understanding),
            Island::PrintSheet => None,
        }
    }

    /// The island a section is made of, if it is one (the other sections are document only).
    pub fn in_section(section: Section) -> Option<Island> {
        Island::ALL
            .into_iter()
            .find(|i| i.section() == Some(section))
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
            if let Some(section) = island.section() {
                assert_eq!(Island::in_section(section), Some(island));
            }
        }
        assert_eq!(Island::PrintSheet.section(), None);
        assert_eq!(Island::from_marker("header"), None);
        assert_eq!(Island::in_section(Section::Sources), None);
    }

    #[test]
    fn each_checklist_has_its_island() {
        for list in Checklist::ALL {
            assert_eq!(Island::for_checklist(list).section(), Some(list.section()));
        }
    }
}
