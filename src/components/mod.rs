//! The widget's views, one component per file. State lives in `crate::state`;
//! components read the configuration through [`context::use_guide`], the state through
//! [`context::use_guide_state`], and dispatch actions.
//!
//! The folders show the shape (issue 24): [`shell`] holds the views only the build-time
//! document draws (compiled only natively); each island has its folder ([`steps`],
//! [`checklists`], [`my_visit`], [`understanding`], [`printed`]); [`live`] is the wasm's
//! one root, which renders the islands into the document. The views the islands share
//! (the context, headings, source references, warnings, pictograms) stay at this level.
//!
//! Below the entry points (`mount`, `document`), above everything else.
//! May use: `state`, `embed`, `storage`, `diary`, `calendar`, `content`, `islands`.

pub mod checklists;
pub mod context;
pub mod heading;
pub mod illustration;
pub mod island_view;
pub mod live;
mod live_hooks;
pub mod my_visit;
pub mod pictogram;
pub mod printed;
pub mod review_stamp;
#[cfg(not(target_arch = "wasm32"))]
pub mod shell;
pub mod source_refs;
pub mod steps;
pub mod understanding;
pub mod voice;
pub mod warnings;

// Each island's views in their folder; re-exported here, so `crate::components::<view>`
// names a view wherever its folder is.
pub use checklists::{checklist, timeline};
pub use my_visit::{
    blank_diary, diary_entries, diary_form, diary_words, my_questions, pain_chart, safety_line,
    visit, visit_tools,
};
pub use printed::{print_sheet, share_code};
#[cfg(feature = "ssr")]
pub use shell::static_guide;
#[cfg(not(target_arch = "wasm32"))]
pub use shell::{
    app, emergency_strip, evidence_pack, header, key_points, overview, questions, risks,
    section_nav, sources, sources_toggle,
};
pub use steps::{narration, procedure, read_aloud, step_list, stepper, walkthrough};
