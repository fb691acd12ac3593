//! Part 5: What localStorage holds.

use crate::generators::*;
use crate::wording::{json_value, jsonish};
use crate::*;
use kyphoplasty_guide_core::calendar::Date;
use kyphoplasty_guide_core::content::TickKey;
use kyphoplasty_guide_core::storage::{decode, encode, Loaded, Saved, VERSION};
use proptest::prelude::*;
use std::collections::BTreeSet;

fn stored_text() -> impl Strategy<Value = String> {
    let tick = prop_oneof![
        prop::sample::select(item_keys()),
        any_unicode(10).prop_map(|s| format!("before/{s}")),
        any_unicode(150),
    ];
    let saved = (
        prop_oneof![
            Just(serde_json::json!(1)),
            Just(serde_json::json!(0)),
            Just(serde_json::json!(2)),
            Just(serde_json::json!(-1)),
            Just(serde_json::json!(1.5)),
            Just(serde_json::json!("1")),
            Just(serde_json::json!(null)),
            Just(serde_json::json!(4294967296u64)),
        ],
        prop::option::of(prop::collection::vec(tick, 0..30)),
        prop::option::of(prop_oneof![
            prop::sample::select(DATES).prop_map(|d| serde_json::json!(d)),
            json_value(),
        ]),
        any::<bool>(),
    )
        .prop_map(|(version, ticks, date, with_version)| {
            let mut map = serde_json::Map::new();
            if with_version {
                map.insert("version".into(), version);
            }
            if let Some(ticks) = ticks {
                map.insert("ticks".into(), serde_json::json!(ticks));
            }
            if let Some(date) = date {
                map.insert("procedureDate".into(), date);
            }
            serde_json::Value::Object(map).to_string()
        });
    prop_oneof![
        3 => saved,
        2 => jsonish(),
        1 => any_unicode(300),
        1 => prop::sample::select(&["", "null", "{}", "[]", "{garbage", "\"{\\\"version\\\":1}\"", "{\"version\":1}", "{\"version\":1,\"ticks\":null}"][..]).prop_map(str::to_string),
    ]
}

proptest! {
    #![proptest_config(cases("storage::decode on arbitrary text", CASES_DECODE))]

    #[test]
    fn decode_never_panics_and_keeps_unreadable_text_for_backup(raw in stored_text()) {
        match decode(&raw) {
            Loaded::Data(saved) => {
                prop_assert_eq!(saved.version, VERSION);
                for tick in &saved.ticks {
                    prop_assert!(tick.as_str().len() <= 120 && tick.as_str().contains('/'), "{tick:?}");
                }
                if let Some(date) = saved.procedure_date {
                    // A date is kept only when the calendar's rule reads it.
                    prop_assert_eq!(Date::parse_iso(&date.to_iso()), Some(date));
                }
            }
            Loaded::Unreadable(kept) => prop_assert_eq!(kept, raw, "the backup must be the raw text"),
            Loaded::Empty | Loaded::Unavailable => prop_assert!(false, "decode never says Empty/Unavailable"),
        }
    }
}

/// Days the calendar has (2026-02-30 is not one: the calendar's rule is the one rule).
fn valid_date() -> impl Strategy<Value = String> {
    (1900u32..=2200, 1u32..=12, 1u32..=31)
        .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
        .prop_filter("a day the month has", |d| Date::parse_iso(d).is_some())
}

fn valid_ticks() -> impl Strategy<Value = BTreeSet<String>> {
    let tick = prop_oneof![
        3 => prop::sample::select(item_keys()),
        1 => (any_unicode(20), any_unicode(20)).prop_map(|(a, b)| format!("{a}/{b}")),
    ]
    .prop_filter("stored ticks are at most 120 bytes", |t| t.len() <= 120);
    prop::collection::btree_set(tick, 0..40)
}

proptest! {
    #![proptest_config(cases("storage round trip decode(encode(ticks, date))", CASES_ROUND_TRIP))]

    #[test]
    fn encode_then_decode_gives_back_the_ticks_and_date(
        ticks in valid_ticks(),
        date in prop::option::of(valid_date()),
    ) {
        let saved = Saved {
            version: VERSION,
            ticks: ticks.iter().filter_map(|t| TickKey::parse(t)).collect(),
            procedure_date: date.as_deref().and_then(Date::parse_iso),
            show_sources: None,
        };
        let raw = encode(&saved);
        match decode(&raw) {
            Loaded::Data(saved) => {
                prop_assert_eq!(saved.version, VERSION);
                let read: BTreeSet<String> = saved.ticks.iter().map(|t| t.to_string()).collect();
                prop_assert_eq!(read, ticks);
                prop_assert_eq!(saved.procedure_date.map(Date::to_iso), date);
            }
            other => prop_assert!(false, "{raw} decoded as {other:?}"),
        }
    }
}

#[test]
fn older_shapes_are_unreadable_and_kept_raw() {
    for raw in [
        r#"{"ticks":["before/allergies"]}"#,
        r#"{"version":0,"ticks":["before/allergies"]}"#,
        r#"{"version":"1","ticks":[]}"#,
        "{garbage",
    ] {
        assert_eq!(decode(raw), Loaded::Unreadable(raw.to_string()), "{raw}");
    }
}
