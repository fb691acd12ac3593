//! The parts of the guide, as the `sections` attribute, events and element ids name them.

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
    /// "My visit": the pain diary and the questions to bring to the care team.
    Visit,
    /// "Check your understanding": a few questions to check what the patient took in.
    Understanding,
    Sources,
}

impl Section {
    /// Every section, in the default order.
    pub const ALL: [Section; 10] = [
        Section::Overview,
        Section::Procedure,
        Section::Before,
        Section::Aftercare,
        Section::Warnings,
        Section::Risks,
        Section::Questions,
        Section::Visit,
        Section::Understanding,
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
            Section::Visit => "visit",
            Section::Understanding => "understanding",
            Section::Sources => "sources",
        }
    }

    /// Reads a `sections` attribute word (case-insensitive).
    pub fn from_name(name: &str) -> Option<Section> {
        Section::ALL
            .into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(name.trim()))
    }

    /// The section's name in the patient's language (its button, its links).
    pub fn title(self, ui: &super::Ui) -> &'static str {
        match self {
            Section::Overview => ui.section_overview,
            Section::Procedure => ui.section_procedure,
            Section::Before => ui.section_before,
            Section::Aftercare => ui.section_aftercare,
            Section::Warnings => ui.section_warnings,
            Section::Risks => ui.section_risks,
            Section::Questions => ui.section_questions,
            Section::Visit => ui.section_visit,
            Section::Understanding => ui.section_understanding,
            Section::Sources => ui.section_sources,
        }
    }
}
