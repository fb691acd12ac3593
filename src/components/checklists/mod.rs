//! The checklist islands: the before and aftercare lists, and the recovery timeline with
//! its calendar (in the aftercare island).

pub mod checklist;
pub mod timeline;
