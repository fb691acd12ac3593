//! The named example configurations of `tests/examples/configs.json` (the end-to-end tests
//! read the same file): `example("practice")` is a configured practice, and a test adds
//! what only it needs with `with`.
//!
//! The file is compiled in (`include_str!`), so the browser tests read it too.

use serde::Deserialize;
use std::collections::BTreeMap;

const CONFIGS: &str = include_str!("../examples/configs.json");

#[derive(Debug, Deserialize)]
struct Examples {
    examples: Vec<Example>,
}

/// One example: a name, what it stands for, and the element's attributes.
#[derive(Debug, Clone, Deserialize)]
pub struct Example {
    pub name: String,
    pub description: String,
    pub attributes: BTreeMap<String, String>,
}

/// Every example, in the file's order.
pub fn examples() -> Vec<Example> {
    serde_json::from_str::<Examples>(CONFIGS)
        .expect("tests/examples/configs.json is a list of examples")
        .examples
}

/// The example called `name`.
pub fn example(name: &str) -> Example {
    examples()
        .into_iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no example {name:?} in tests/examples/configs.json"))
}

impl Example {
    /// The example with more attributes (or some replaced), for what only one test needs.
    pub fn with(mut self, more: &[(&str, &str)]) -> Self {
        for (name, value) in more {
            self.attributes.insert(name.to_string(), value.to_string());
        }
        self
    }

    /// The attributes as (name, value) pairs.
    pub fn pairs(&self) -> Vec<(&str, &str)> {
        self.attributes
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_str()))
            .collect()
    }

    /// One attribute's value, as the element would give it (`None` when not set).
    pub fn get(&self, name: &str) -> Option<String> {
        self.attributes.get(name).cloned()
    }
}
