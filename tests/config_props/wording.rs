//! Part 4: Practice wording JSON.

use crate::generators::*;
use crate::*;
use kyphoplasty_guide_core::embed::wording::{self, MAX_ITEM};
use kyphoplasty_guide_core::Config;
use proptest::prelude::*;
use std::collections::HashSet;

/// Arbitrary JSON values, including large and nested ones.
pub(crate) fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let keys = item_keys();
    let key = prop_oneof![
        3 => prop::sample::select(keys),
        1 => prop::sample::select(&["lang", "items", "__proto__", "", "aftercare/", "before/x"][..]).prop_map(str::to_string),
        2 => any_unicode(20),
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        value().prop_map(Value::String),
        any_unicode(700).prop_map(Value::String),
        prop::sample::select(&["en", "es", "es-MX", "xx"][..])
            .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(6, 256, 12, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..12).prop_map(Value::Array),
            prop::collection::btree_map(key.clone(), inner, 0..12)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A wording object: `lang` and `items` of any shape, plus noise keys.
fn wording_object() -> impl Strategy<Value = serde_json::Value> {
    (
        json_value(),
        json_value(),
        json_value(),
        prop::option::of(json_value()),
    )
        .prop_map(|(lang, items, extra, noise)| {
            let mut map = serde_json::Map::new();
            map.insert("lang".into(), lang);
            map.insert("items".into(), items);
            map.insert("extra".into(), extra);
            if let Some(noise) = noise {
                map.insert("items2".into(), noise);
            }
            serde_json::Value::Object(map)
        })
}

fn check_wording(json: &str) -> Result<(), TestCaseError> {
    let known: HashSet<String> = item_keys().into_iter().collect();
    let (wording, warnings) = wording::parse(json);
    for (key, text) in &wording.items {
        prop_assert!(known.contains(key), "unknown key kept: {key:?}");
        prop_assert!(
            text.chars().count() <= MAX_ITEM,
            "{key}: {} chars",
            text.chars().count()
        );
        prop_assert!(!text.is_empty(), "{key}: empty text kept");
        prop_assert!(
            !text.chars().any(char::is_control),
            "{key}: control character kept"
        );
    }
    for warning in &warnings {
        prop_assert!(warning.starts_with("practice wording:"), "{warning}");
        prop_assert!(
            warning.chars().count() < 600,
            "warning of {} chars",
            warning.chars().count()
        );
    }
    // Through the config too (the path the widget takes).
    let config = Config::default().with_wording(Some(json));
    prop_assert_eq!(config.wording, wording);
    Ok(())
}

/// JSON-ish text: valid JSON cut or spliced at random, nesting, escapes, huge input.
pub(crate) fn jsonish() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => wording_object().prop_map(|v| v.to_string()),
        2 => (wording_object(), any::<prop::sample::Index>()).prop_map(|(v, i)| {
            let s = v.to_string();
            let cut = i.index(s.len() + 1);
            let mut at = cut;
            while !s.is_char_boundary(at) { at -= 1; }
            s[..at].to_string()
        }),
        1 => (1usize..20_000).prop_map(|n| "[".repeat(n)),
        1 => (1usize..5_000).prop_map(|n| format!("{}{}", "{\"items\":".repeat(n), "}".repeat(n))),
        1 => (19_990usize..20_010).prop_map(|n| {
            let key = item_keys()[0].clone();
            let pad = n.saturating_sub(30 + key.len());
            format!("{{\"items\":{{\"{key}\":\"{}\"}}}}", "é".repeat(pad / 2))
        }),
        1 => huge(),
        2 => any_unicode(200),
        1 => odd_string(200),
        1 => r#"\{("\\"|"\\u[0-9a-fA-F]{0,4}"|"\\ud800"|"[:,{}\[\]]"|[a-z0-9 ]){0,60}"#,
    ]
}

proptest! {
    #![proptest_config(cases("wording::parse on JSON-ish text", CASES_WORDING_TEXT))]

    #[test]
    fn wording_parse_never_panics_on_text_and_keeps_only_known_short_items(json in jsonish()) {
        check_wording(&json)?;
    }
}

proptest! {
    #![proptest_config(cases("wording::parse on arbitrary JSON values", CASES_WORDING_VALUE))]

    #[test]
    fn wording_parse_never_panics_on_values_and_keeps_only_known_short_items(
        value in prop_oneof![json_value(), wording_object()],
        pretty in any::<bool>(),
    ) {
        let json = if pretty { serde_json::to_string_pretty(&value) } else { serde_json::to_string(&value) };
        check_wording(&json.expect("serialisable"))?;
    }
}

#[test]
fn wording_of_ten_megabytes_or_deep_nesting_is_refused_quickly() {
    let key = item_keys()[0].clone();
    let big = format!(
        "{{\"items\":{{\"{key}\":\"{}\"}}}}",
        "x".repeat(10 * 1024 * 1024)
    );
    let started = std::time::Instant::now();
    let (w, warnings) = wording::parse(&big);
    assert!(w.items.is_empty() && warnings.len() == 1, "{warnings:?}");
    assert!(
        started.elapsed().as_millis() < 500,
        "{:?}",
        started.elapsed()
    );
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let (w, warnings) = wording::parse(&deep);
    assert!(w.items.is_empty() && warnings.len() == 1, "{warnings:?}");
}
