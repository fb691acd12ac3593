//! What the test crates share, included with `mod support;` (Cargo does not build this
//! folder as a test of its own):
//! - `examples`: the named example configurations of `tests/examples/configs.json`;
//! - `source` (native only): the crate's own source files, for the tests that read them;
//! - `leaflets` (native only): the source leaflets and the guide's English prose, for the
//!   content tests that compare them;
//! - `browser` (wasm only): mounting the widget in the page, and finding things in it.
//!
//! Each crate uses part of it, so what one crate leaves unused is not an error.
#![allow(dead_code)]

pub mod examples;
#[cfg(not(target_arch = "wasm32"))]
pub mod leaflets;
#[cfg(not(target_arch = "wasm32"))]
pub mod source;

#[cfg(target_arch = "wasm32")]
pub mod browser;
