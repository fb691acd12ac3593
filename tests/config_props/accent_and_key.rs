//! Part 2: Accent and storage key.

use crate::generators::*;
use crate::oracles::*;
use crate::*;
use kyphoplasty_guide_core::embed::colour::{Rgb, MIN_CONTRAST, SURFACE};
use proptest::prelude::*;

fn accent_value() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<[u8; 3]>().prop_map(|[r, g, b]| format!("#{r:02x}{g:02x}{b:02x}")),
        2 => any::<[u8; 3]>().prop_map(|[r, g, b]| format!("#{:X}{:x}{:X}", r >> 4, g >> 4, b >> 4)),
        1 => any::<[u8; 3]>().prop_map(|[r, g, b]| format!("  #{r:02X}{g:02x}{b:02X}\t")),
        3 => value(),
        1 => (any::<[u8; 3]>(), prop::sample::select(PAYLOADS))
            .prop_map(|([r, g, b], p)| format!("#{r:02x}{g:02x}{b:02x}{p}")),
    ]
}

proptest! {
    #![proptest_config(cases("accent: None or a readable #rrggbb", CASES_ACCENT))]

    #[test]
    fn accent_is_none_or_a_readable_lowercase_hex_colour(raw in accent_value()) {
        let attrs: Attributes = [("accent", raw.clone())].into();
        let config = config_of(&attrs, None);
        if let Some(accent) = &config.accent {
            prop_assert_eq!(accent.len(), 7, "{:?} -> {:?}", raw, accent);
            prop_assert!(accent.starts_with('#'));
            prop_assert!(accent[1..].chars().all(|c| matches!(c, '0'..='9' | 'a'..='f')), "{accent}");
            let rgb = Rgb::parse(accent).expect("own output parses");
            // Readable as text on the light surface boxes, and so on white too.
            prop_assert!(rgb.contrast_with(SURFACE) >= MIN_CONTRAST, "{accent}: {}", rgb.contrast_with(SURFACE));
            prop_assert!(rgb.contrast_with_white() >= MIN_CONTRAST, "{accent}: {}", rgb.contrast_with_white());
            // A colour that was already readable is kept exactly.
            if let Some(requested) = cleaned(&raw).and_then(|c| Rgb::parse(&c)) {
                if requested.contrast_with(SURFACE) >= MIN_CONTRAST {
                    prop_assert_eq!(accent, &requested.hex());
                }
            }
        } else {
            prop_assert!(cleaned(&raw).is_none_or(|c| replaced("accent", &cut(&c))), "{raw:?} dropped");
        }
    }
}

fn storage_key_value() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Za-z0-9_-]{0,70}",
        1 => "[A-Za-z0-9_-]{60,66}",
        4 => value(),
    ]
}

proptest! {
    #![proptest_config(cases("storage-key matches ^[A-Za-z0-9_-]{1,64}$", CASES_STORAGE_KEY))]

    #[test]
    fn storage_key_is_always_plain_and_short(raw in storage_key_value()) {
        let attrs: Attributes = [("storage-key", raw.clone())].into();
        let config = config_of(&attrs, None);
        prop_assert!(storage_key_ok(&config.storage_key), "{raw:?} -> {:?}", config.storage_key);
        if storage_key_ok(&raw) {
            prop_assert_eq!(&config.storage_key, &raw, "a valid key must be kept as given");
        }
    }
}
