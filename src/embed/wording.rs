//! A practice's own wording for checklist items, from a JSON block inside the element:
//!
//! ```html
//! <kyphoplasty-guide>
//!   <script type="application/json">
//!     { "lang": "en", "items": { "aftercare/lifting": "Do not lift more than 5 lb for 3 weeks." } }
//!   </script>
//! </kyphoplasty-guide>
//! ```
//!
//! Anything wrong is ignored with a warning naming it; the rest is kept.

use crate::content::{guide, Checklist, Lang, TickKey};
use miniserde::json::{self, Object, Value};
use std::collections::BTreeMap;

/// Largest JSON block read; a practice's wording is a few sentences, not a document.
pub const MAX_JSON: usize = 20_000;
/// Longest wording for one item.
pub const MAX_ITEM: usize = 500;

/// The practice's replacements, by tick key (`"aftercare/<item id>"`), for one language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Wording {
    /// The language the wording is written in; `None` means the widget's configured language.
    pub lang: Option<Lang>,
    pub items: BTreeMap<String, String>,
}

impl Wording {
    /// The practice's text for an item, when it has one for this language.
    pub fn item(&self, lang: Lang, fallback_lang: Lang, key: &str) -> Option<&str> {
        (self.lang.unwrap_or(fallback_lang) == lang)
            .then(|| self.items.get(key).map(String::as_str))
            .flatten()
    }
}

/// Reads the JSON block; returns what is usable and one warning per problem.
pub fn parse(json: &str) -> (Wording, Vec<String>) {
    let mut warnings = Vec::new();
    let mut wording = Wording::default();
    if json.len() > MAX_JSON {
        warnings.push(format!(
            "practice wording: larger than {MAX_JSON} bytes; ignored"
        ));
        return (wording, warnings);
    }
    let Ok(value) = json::from_str::<Value>(json) else {
        // miniserde does not say where the JSON breaks (serde_json did, at 20 KB of
        // wasm); a JSON validator or the browser's console `JSON.parse` finds it.
        warnings.push(
            "practice wording: not valid JSON (check quotes, commas and braces); ignored".into(),
        );
        return (wording, warnings);
    };
    let Value::Object(object) = &value else {
        warnings.push("practice wording: must be a JSON object with \"items\"; ignored".into());
        return (wording, warnings);
    };
    for key in object.keys().filter(|k| *k != "lang" && *k != "items") {
        warnings.push(format!(
            "practice wording: unknown key \"{}\" ignored",
            short(key)
        ));
    }
    match object.get("lang") {
        None => {}
        Some(Value::String(tag)) => match Lang::from_tag(tag) {
            Some(lang) => wording.lang = Some(lang),
            None => warnings.push(format!("practice wording: \"lang\": \"{}\" is not a language of this guide; using the widget's", short(tag))),
        },
        Some(_) => warnings.push("practice wording: \"lang\" must be a string such as \"en\"; using the widget's".into()),
    }
    let Some(Value::Object(items)) = object.get("items") else {
        warnings.push(
            "practice wording: \"items\" must be an object of item keys to text; nothing replaced"
                .into(),
        );
        return (wording, warnings);
    };
    read_items(items, &mut wording, &mut warnings);
    (wording, warnings)
}

/// The replacements for known items; one warning for each one left out.
fn read_items(items: &Object, wording: &mut Wording, warnings: &mut Vec<String>) {
    let known = known_keys();
    for (key, text) in items {
        if !known.contains(key) {
            warnings.push(format!("practice wording: unknown item \"{}\" ignored (use keys such as \"aftercare/lifting\")", short(key)));
            continue;
        }
        // Control characters go first, so a value made only of them counts as empty.
        let cleaned: Option<String> = match text {
            Value::String(t) => Some(t.chars().filter(|c| !c.is_control()).collect()),
            _ => None,
        };
        match cleaned.as_deref().map(str::trim) {
            Some(t) if !t.is_empty() && t.chars().count() <= MAX_ITEM => {
                wording.items.insert(key.clone(), t.to_string());
            }
            Some(t) if !t.is_empty() => {
                warnings.push(format!("practice wording: \"{key}\" is longer than {MAX_ITEM} characters; using the guide's wording"))
            }
            _ => warnings.push(format!("practice wording: \"{key}\" must be non-empty text; using the guide's wording")),
        }
    }
}

fn short(text: &str) -> String {
    text.chars().take(40).collect()
}

/// Every checklist item key, e.g. `aftercare/lifting`.
fn known_keys() -> Vec<String> {
    let g = guide(Lang::En);
    let mut keys = Vec::new();
    for list in Checklist::ALL {
        for group in list.groups(g) {
            for item in group.items {
                keys.push(TickKey::new(list, item.id).to_string());
            }
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_aftercare_key() -> String {
        format!("aftercare/{}", guide(Lang::En).aftercare[0].items[0].id)
    }

    #[test]
    fn good_wording_is_kept() {
        let key = first_aftercare_key();
        let (w, warnings) = parse(&format!(
            r#"{{"lang":"en","items":{{"{key}":"Keep the dressing on for 3 days."}}}}"#
        ));
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(
            w.item(Lang::En, Lang::En, &key),
            Some("Keep the dressing on for 3 days.")
        );
        assert_eq!(
            w.item(Lang::Es, Lang::En, &key),
            None,
            "English wording is not shown in Spanish"
        );
    }

    #[test]
    fn wording_of_only_control_characters_counts_as_empty() {
        // Found by tests/config_props/wording.rs: "\u{7f}" survived the emptiness check, then was
        // cleaned to "" and replaced the item's text with nothing.
        let key = first_aftercare_key();
        let (w, warnings) = parse(&format!(r#"{{"items":{{"{key}":"\u007f \u0007"}}}}"#));
        assert!(w.items.is_empty(), "{:?}", w.items);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
    }

    #[test]
    fn problems_are_named_and_the_rest_kept() {
        let key = first_aftercare_key();
        let json = format!(
            r#"{{"lang":"xx","extra":1,"items":{{"{key}":"Mine.","aftercare/nope":"x","before/allergies":42}}}}"#
        );
        let (w, warnings) = parse(&json);
        assert_eq!(w.items.len(), 1);
        assert_eq!(w.lang, None);
        let all = warnings.join("\n");
        for needle in ["\"extra\"", "\"xx\"", "aftercare/nope", "before/allergies"] {
            assert!(all.contains(needle), "{needle} not in {all}");
        }
    }

    #[test]
    fn malformed_wrong_type_and_huge_input_is_ignored_with_a_warning() {
        for json in ["{", "[1,2]", "\"text\"", "{\"items\": []}"] {
            let (w, warnings) = parse(json);
            assert!(w.items.is_empty(), "{json}");
            assert_eq!(warnings.len(), 1, "{json}: {warnings:?}");
        }
        let (w, warnings) = parse(&" ".repeat(MAX_JSON + 1));
        assert!(w.items.is_empty() && warnings[0].contains("larger"));
    }
}
