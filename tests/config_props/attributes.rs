//! Part 1: Configuration from attributes: never a panic, and every value that could not be
//! used is named once in a warning.

use crate::generators::*;
use crate::oracles::*;
use crate::*;
use kyphoplasty_guide_core::content::Section;
use kyphoplasty_guide_core::content::{guide, Lang};
use proptest::prelude::*;
use std::collections::HashSet;

proptest! {
    #![proptest_config(cases("from_attributes: never panics, warnings name their attribute", CASES_CONFIG))]

    /// Never panics (a panic fails the case), and every warning starts with the attribute it is about.
    #[test]
    fn from_attributes_never_panics_and_every_warning_names_its_attribute(
        attrs in attributes(),
        page in page_lang(),
    ) {
        let config = config_of(&attrs, page.as_deref());
        for warning in &config.warnings {
            let named = names(warning);
            prop_assert!(named.is_some(), "warning names no attribute: {warning:?}");
            prop_assert!(
                attrs.contains_key(named.unwrap_or_default()),
                "warning about an attribute that was not set: {warning:?}"
            );
            // A warning quotes at most a short excerpt: a 100 KB value must not flood the console.
            prop_assert!(warning.chars().count() < 600, "warning too long: {} chars", warning.chars().count());
        }
        // Free text is kept as the practice wrote it: control characters dropped, trimmed, cut.
        for attribute in free_text() {
            let kept = match attribute {
                "practice-name" => &config.values.practice_name,
                "lifting-limit" => &config.values.lifting_limit,
                "follow-up" => &config.values.follow_up,
                "driving" => &config.values.driving,
                "return-to-work" => &config.values.return_to_work,
                "reviewed-by" => &config.reviewed_by,
                other => panic!("the schema has a new free-text attribute, {other}: add its field here"),
            };
            let expected = attrs.get(attribute).and_then(|raw| cleaned(raw)).map(|c| cut(&c));
            prop_assert_eq!(kept, &expected, "{}", attribute);
        }
        // The result is always usable.
        prop_assert!((1..=6).contains(&config.heading_level));
        prop_assert!(config.sections.contains(&Section::Warnings));
        prop_assert!(!config.sections.is_empty() && config.sections.len() <= Section::ALL.len());
        let unique: HashSet<_> = config.sections.iter().collect();
        prop_assert_eq!(unique.len(), config.sections.len(), "a section listed twice");
        prop_assert!(config.start_step < 8);
        for text in [
            &config.values.practice_name,
            &config.values.lifting_limit,
            &config.values.follow_up,
            &config.values.driving,
            &config.values.return_to_work,
            &config.values.emergency_number,
        ]
        .into_iter()
        .flatten()
        {
            prop_assert!(text.chars().count() <= MAX_TEXT);
            prop_assert!(!text.chars().any(char::is_control), "control character kept: {text:?}");
            prop_assert!(!text.is_empty());
        }
    }

    /// A value that could not be used produces a warning naming it (never silence), and
    /// a value that was used as given produces none.
    #[test]
    fn replaced_values_are_always_warned_about_and_kept_values_never(
        attrs in attributes(),
    ) {
        let config = config_of(&attrs, None);
        for (attribute, raw) in &attrs {
            let Some(clean) = cleaned(raw) else {
                prop_assert!(warnings_for(&config, attribute).is_empty(), "{attribute}: blank value warned about");
                continue;
            };
            let warned = warnings_for(&config, attribute);
            if replaced(attribute, &cut(&clean)) {
                prop_assert!(!warned.is_empty(), "{attribute}={raw:?} replaced without a warning");
            } else if !is_long(&clean)
                && *attribute != "sections"
                && *attribute != "accent"
                && *attribute != "languages"
                && !(*attribute == "lang" && attrs.contains_key("languages"))
            {
                // (`sections` and `languages` may warn about one unknown name among good
                // ones; `accent` about a colour it darkened: both are the value partly
                // used; `lang` about a language `languages` does not offer.)
                prop_assert!(warned.is_empty(), "{attribute}={raw:?} used as given but warned: {warned:?}");
            }
        }
    }
}

proptest! {
    #![proptest_config(cases("from_attributes: a replaced value gives exactly one warning", CASES_CONFIG))]

    /// README: "A value that cannot be used is replaced by the default and named once".
    #[test]
    fn a_replaced_value_is_named_exactly_once(attrs in attributes()) {
        let config = config_of(&attrs, None);
        for (attribute, raw) in &attrs {
            let Some(clean) = cleaned(raw) else { continue };
            if replaced(attribute, &cut(&clean)) {
                let warned = warnings_for(&config, attribute);
                prop_assert_eq!(warned.len(), 1, "{}={:?}: {:?}", attribute, raw, warned);
            }
        }
    }
}

/// The two shapes of the "named more than once" defect, as plain regression tests.
#[test]
fn sections_with_only_unknown_names_are_named_once() {
    let attrs: Attributes = [("sections", "foo bar <script>".to_string())].into();
    let config = config_of(&attrs, None);
    assert_eq!(config.sections, Section::ALL.to_vec());
    assert_eq!(
        warnings_for(&config, "sections").len(),
        1,
        "{:?}",
        config.warnings
    );
}

#[test]
fn a_long_invalid_value_is_named_once() {
    for attribute in [
        "lang",
        "practice-phone",
        "emergency-number",
        "start-step",
        "accent",
        "storage-key",
    ] {
        let attrs: Attributes = [(attribute, "x".repeat(100_000))].into();
        let config = config_of(&attrs, None);
        assert_eq!(
            warnings_for(&config, attribute).len(),
            1,
            "{attribute}: {:?}",
            config.warnings
        );
    }
}

#[test]
fn a_start_step_past_the_last_step_is_named() {
    let steps = guide(Lang::En).steps.len();
    let attrs: Attributes = [("start-step", (steps + 1).to_string())].into();
    let config = config_of(&attrs, None);
    assert_eq!(
        warnings_for(&config, "start-step").len(),
        1,
        "{:?}",
        config.warnings
    );
}
