//! Balloon kyphoplasty patient guide: a Yew widget embedded as `<kyphoplasty-guide>`.
//!
//! The JavaScript loader (`loader/kyphoplasty-guide.js`) defines the element and calls
//! `mount::mount`; everything else is ordinary Yew: the content model in [`content`],
//! state in [`state`], views in [`components`], persistence in [`storage`].

pub mod calendar;
pub mod components;
pub mod content;
pub mod diary;
pub mod document;
pub mod embed;
pub mod islands;
#[cfg(target_arch = "wasm32")]
pub mod mount;
pub mod state;
pub mod storage;

pub use embed::config::Config;

/// talc instead of Rust's default dlmalloc: a few KB smaller and faster to allocate; the
/// ten-guide memory figure in BENCHMARKS.md holds with it.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
