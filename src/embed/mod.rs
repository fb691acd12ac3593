//! The host page's inputs and outputs: the element's attributes read into a [`Config`],
//! the practice's wording, events told to the host page, and the language documents the
//! loader fetches. Views use it; the entry point that mounts them is `crate::mount`.
//!
//! May use: `content`.

pub mod attributes;
pub mod colour;
pub mod config;
pub mod events;
pub mod languages;
pub mod offered;
pub mod share_url;
pub mod wording;

pub use config::Config;
