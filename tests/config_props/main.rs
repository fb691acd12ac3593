//! Property tests for everything a host page can hand the widget: the element's
//! attributes, the practice-wording JSON and what localStorage holds.
//!
//! Inputs are hostile on purpose: random and huge strings, arbitrary Unicode (RTL,
//! combining marks, emoji, NUL and other control characters), HTML and script
//! payloads, `javascript:`/`data:`/`vbscript:` URLs, CSS injection, odd numbers and
//! dates. The properties are what the README promises a practice and a patient.
//!
//! Each property prints how many cases it generates (`cases`), so a run shows the coverage.
//!
//! One test crate, a module per subject:
//! - `generators`: the hostile inputs (payloads, numbers, dates, odd characters, huge values);
//! - `oracles`: what the README says each attribute accepts, written independently;
//! - `attributes`: configuration from attributes, and its warnings;
//! - `accent_and_key`: the accent colour and the storage key;
//! - `rendering`: the whole App rendered to HTML, and the phone links;
//! - `wording`: the practice-wording JSON;
//! - `storage`: what localStorage holds.
#![cfg(not(target_arch = "wasm32"))]

mod accent_and_key;
mod attributes;
mod generators;
mod oracles;
mod rendering;
mod storage;
mod wording;

use proptest::test_runner::Config as PropConfig;

/// Cases per property; rendering costs milliseconds, so those properties run fewer.
pub(crate) const CASES_CONFIG: u32 = 2048;
pub(crate) const CASES_RENDER: u32 = 64;
pub(crate) const CASES_ACCENT: u32 = 4096;
pub(crate) const CASES_STORAGE_KEY: u32 = 2048;
pub(crate) const CASES_WORDING_TEXT: u32 = 2048;
pub(crate) const CASES_WORDING_VALUE: u32 = 1024;
pub(crate) const CASES_DECODE: u32 = 4096;
pub(crate) const CASES_ROUND_TRIP: u32 = 2048;

pub(crate) fn cases(name: &str, n: u32) -> PropConfig {
    // Printed (not asserted) so `cargo test -- --nocapture` shows the coverage.
    println!("property {name}: {n} generated cases");
    PropConfig {
        cases: n,
        // Hostile inputs are large: keep shrinking bounded so a failure reports quickly.
        max_shrink_iters: 2048,
        // The minimal failing input is printed; no regressions file is written into tests/.
        failure_persistence: None,
        ..PropConfig::default()
    }
}
