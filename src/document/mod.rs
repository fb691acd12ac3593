//! The document: the whole guide as data the loader shows at once, before (or
//! without) the WebAssembly.
//!
//! At build time the live widget's own components render every section and every
//! step (`RenderMode::Document`) with each practice value replaced by a marker. The
//! markers become `<span data-kg-v="name">default</span>`, and parts that exist only
//! when a practice sets a value carry `data-kg-if` / `data-kg-unless`, so the loader
//! can put in the practice's name, phone, numbers and instructions before the first
//! paint. The result is a JSON tree (`[tag, {attributes}, ...children]`, text as
//! strings) that the loader builds with `createElement`: no HTML parsing in the page,
//! so a Trusted Types policy has nothing to refuse.
//!
//! An entry point, like `crate::mount`, but at build time.
//! May use: `components`, `content`, `embed`, `islands`.

#[cfg(feature = "ssr")]
mod split;
#[cfg(feature = "ssr")]
mod tree;
#[cfg(feature = "ssr")]
pub use split::split;
#[cfg(feature = "ssr")]
pub use tree::{render, to_tree};

use crate::content::text::PracticeValues;
use crate::content::{marker, Lang};
use crate::embed::Config;

/// The configuration the document is rendered with: the language, and a marker for
/// every value a practice can set, so every practice-dependent part is drawn.
pub fn config(lang: Lang) -> Config {
    let mut config = Config::from_attributes(
        |name| (name == "lang").then(|| lang.tag().to_string()),
        None,
    );
    config.values = PracticeValues {
        practice_name: Some(marker("practice_name")),
        emergency_number: Some(marker("emergency_number")),
        lifting_limit: Some(marker("lifting_limit")),
        follow_up: Some(marker("follow_up")),
        driving: Some(marker("driving")),
        return_to_work: Some(marker("return_to_work")),
    };
    config.practice_phone = Some(marker("practice_phone"));
    config.reviewed_by = Some(marker("reviewed_by"));
    config.share_url = Some(marker("share_url"));
    config
}
