//! The Rust side of `<kyphoplasty-guide>`: mounting into the element's shadow root,
//! reading its attributes, and telling the host page what happened.

pub mod attributes;
pub mod colour;
pub mod config;
pub mod events;
pub mod languages;
pub mod wording;

pub use config::Config;

#[cfg(target_arch = "wasm32")]
mod mount;
#[cfg(target_arch = "wasm32")]
pub use mount::{mount, panic_for_tests, start, Widget};
