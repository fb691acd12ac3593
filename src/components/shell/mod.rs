//! The shell: the views only the build-time document draws (the header, the section buttons,
//! the emergency strip, the parts that never change, the standalone page and the evidence
//! pack). Compiled only natively: in the browser the loader runs the shell and the wasm
//! renders only the islands (issue 24).

pub mod app;
pub mod emergency_strip;
pub mod evidence_pack;
pub mod header;
pub mod key_points;
pub mod language_menu;
pub mod overview;
pub mod questions;
pub mod risks;
pub mod section_nav;
pub mod sources;
pub mod sources_toggle;
#[cfg(feature = "ssr")]
pub mod static_guide;
