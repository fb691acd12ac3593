//! The public attributes and their rules, generated at build time from
//! `attributes.toml` beside this file (the one schema the loader, the README and the
//! tests also follow).

/// How an attribute's value is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Free text shown to patients, cut to `max` characters.
    Text { max: usize },
    /// A phone number: digits, spaces and `+ - ( ) .`.
    Phone,
    /// A language tag such as `es-MX`.
    Lang,
    /// Language tags separated by spaces or commas.
    Languages,
    /// Section names, in order.
    Sections,
    /// A whole number from `min` to `max`.
    Integer { min: usize, max: usize },
    /// `#rgb` or `#rrggbb`.
    Colour,
    /// Letters, digits, `-` and `_`, up to `max` characters.
    Key { max: usize },
    /// A word the stylesheet reads (`color-scheme`).
    Keyword,
    /// An `http:` or `https:` address, up to `max` characters.
    Url { max: usize },
}

/// One public attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attribute {
    pub name: &'static str,
    pub kind: Kind,
}

include!(concat!(env!("OUT_DIR"), "/attributes.rs"));

/// The rule for a named attribute. Panics only on a name this crate itself misspells,
/// which every test run would show.
pub fn rule(name: &str) -> Kind {
    match ATTRIBUTES.iter().find(|a| a.name == name) {
        Some(attribute) => attribute.kind,
        None => panic!("attribute {name} is not in attributes.toml"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_names_every_attribute_once() {
        let mut names: Vec<&str> = ATTRIBUTES.iter().map(|a| a.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ATTRIBUTES.len());
        assert!(ATTRIBUTES_JSON.starts_with("[{\"name\":\"lang\""));
    }

    #[test]
    fn section_names_match_the_state_sections() {
        let state: Vec<&str> = crate::content::Section::ALL
            .iter()
            .map(|s| s.name())
            .collect();
        assert_eq!(SECTION_NAMES, state.as_slice());
    }
}
