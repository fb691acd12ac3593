//! The widget's views, one component per file. State lives in `crate::state`;
//! components read the configuration through [`context::use_guide`], the state through
//! [`context::use_guide_state`], and dispatch actions.
//!
//! Below the entry points (`mount`, `document`), above everything else.
//! May use: `state`, `embed`, `storage`, `diary`, `calendar`, `content`, `islands`.

pub mod app;
mod app_hooks;
pub mod blank_diary;
pub mod checklist;
pub mod context;
pub mod diary_entries;
pub mod diary_form;
pub mod diary_words;
pub mod emergency_strip;
#[cfg(not(target_arch = "wasm32"))]
pub mod evidence_pack;
pub mod header;
pub mod heading;
pub mod illustration;
pub mod key_points;
pub mod language_menu;
pub mod my_questions;
pub mod narration;
pub mod overview;
pub mod pain_chart;
pub mod pictogram;
pub mod print_sheet;
pub mod procedure;
pub mod questions;
pub mod read_aloud;
pub mod review_stamp;
pub mod risks;
pub mod safety_line;
pub mod section_nav;
pub mod share_code;
pub mod source_refs;
pub mod sources;
pub mod sources_toggle;
#[cfg(feature = "ssr")]
pub mod static_guide;
pub mod step_list;
pub mod stepper;
pub mod timeline;
pub mod understanding;
pub mod visit;
pub mod visit_tools;
pub mod voice;
pub mod walkthrough;
pub mod warnings;
