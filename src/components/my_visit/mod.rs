//! The My visit island: the pain diary, its chart, the questions for the care team, the
//! exports, the safety line and the blank diary to print.

pub mod blank_diary;
pub mod diary_entries;
pub mod diary_form;
pub mod diary_words;
pub mod my_questions;
pub mod pain_chart;
pub mod safety_line;
pub mod visit;
pub mod visit_tools;
