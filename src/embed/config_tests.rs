//! Tests of `config.rs`: every attribute read, checked, and warned about once.
use super::*;
use std::collections::HashMap;

fn config(pairs: &[(&str, &str)]) -> Config {
    let map: HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Config::from_attributes(|name| map.get(name).cloned(), None)
}

#[test]
fn defaults_show_everything_in_english_with_no_warnings() {
    let c = config(&[]);
    assert_eq!(c.lang, Lang::En);
    assert_eq!(c.sections, Section::ALL.to_vec());
    assert_eq!((c.start_step, c.heading_level), (0, 2));
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
}

#[test]
fn language_comes_from_the_attribute_then_the_page() {
    assert_eq!(config(&[("lang", "es-MX")]).lang, Lang::Es);
    let from_page = Config::from_attributes(|_| None, Some("es"));
    assert_eq!(from_page.lang, Lang::Es);
    let unknown = config(&[("lang", "fr")]);
    assert_eq!(unknown.lang, Lang::En);
    assert_eq!(unknown.warnings.len(), 1);
}

#[test]
fn phone_links_keep_only_digits_and_a_leading_plus() {
    let c = config(&[("practice-phone", "+1 (555) 010-0199")]);
    assert_eq!(c.practice_tel().as_deref(), Some("tel:+15550100199"));
    for bad in ["javascript:alert(1)", "<b>555</b>", "call 555", "55+5"] {
        let c = config(&[("practice-phone", bad)]);
        assert_eq!(c.practice_phone, None, "{bad}");
        assert_eq!(c.warnings.len(), 1, "{bad}");
    }
}

#[test]
fn sections_keep_order_and_always_include_warnings() {
    let c = config(&[("sections", "aftercare, procedure")]);
    assert_eq!(
        c.sections,
        vec![Section::Aftercare, Section::Procedure, Section::Warnings]
    );
    let c = config(&[("sections", "nonsense")]);
    assert_eq!(c.sections, Section::ALL.to_vec());
}

#[test]
fn numbers_out_of_range_fall_back_with_a_warning() {
    let c = config(&[("start-step", "3"), ("heading-level", "9")]);
    assert_eq!((c.start_step, c.heading_level), (2, 2));
    assert_eq!(c.warnings.len(), 1);
    assert!(c.warnings[0].contains("heading-level"));
}

#[test]
fn accents_and_storage_keys_are_checked() {
    assert_eq!(
        config(&[("accent", "#06A")]).accent.as_deref(),
        Some("#0066aa")
    );
    let pale = config(&[("accent", "#ffcc00")]);
    assert_ne!(pale.accent.as_deref(), Some("#ffcc00"));
    assert!(pale.warnings[0].contains("contrast"), "{:?}", pale.warnings);
    assert_eq!(
        config(&[("accent", "red; background: url(x)")]).accent,
        None
    );
    assert_eq!(
        config(&[("storage-key", "clinic-2")]).storage_key,
        "clinic-2"
    );
    assert_eq!(config(&[("storage-key", "../../x")]).storage_key, "default");
}

#[test]
fn long_text_is_cut_and_control_characters_dropped() {
    let long = "x".repeat(1000);
    let c = config(&[("practice-name", &long), ("driving", "Wait\u{0007} 2 days")]);
    assert_eq!(c.values.practice_name.as_ref().map(|s| s.len()), Some(300));
    assert_eq!(c.values.driving.as_deref(), Some("Wait 2 days"));
}

#[test]
fn reviewed_by_is_cleaned_trimmed_cut_and_warned_about_once() {
    let c = config(&[(
        "reviewed-by",
        "  Dr. A. Rivera,\u{0000} Riverside Spine Center, November 2026\n ",
    )]);
    assert_eq!(
        c.reviewed_by.as_deref(),
        Some("Dr. A. Rivera, Riverside Spine Center, November 2026")
    );
    assert!(c.warnings.is_empty());
    assert_eq!(config(&[("reviewed-by", " \t ")]).reviewed_by, None);
    let long = config(&[("reviewed-by", &"y".repeat(600))]);
    assert_eq!(long.reviewed_by.map(|s| s.chars().count()), Some(300));
    assert_eq!(
        long.warnings
            .iter()
            .filter(|w| w.starts_with("reviewed-by:"))
            .count(),
        1
    );
}

#[test]
fn share_url_takes_http_and_https_addresses_only() {
    for good in [
        "https://www.example-spine.com/kyphoplasty",
        "http://clinic.example/guide?lang=es#aftercare",
        "HTTPS://EXAMPLE.ORG",
        "  https://example.org/a  ",
    ] {
        let c = config(&[("share-url", good)]);
        assert_eq!(c.share_url.as_deref(), Some(good.trim()), "{good}");
        assert!(c.warnings.is_empty(), "{good}: {:?}", c.warnings);
    }
}

#[test]
fn a_bad_share_url_falls_back_to_the_page_with_one_warning() {
    let too_long = format!("https://example.org/{}", "a".repeat(300));
    for bad in [
        "javascript:alert(1)",
        "ftp://example.org/guide",
        "//example.org/guide",
        "example.org",
        "https://",
        "https:///path",
        "https://exa mple.org",
        "https://example.org/\"><script>",
        "data:text/html,hi",
        too_long.as_str(),
    ] {
        let c = config(&[("share-url", bad)]);
        assert_eq!(c.share_url, None, "{bad}");
        let warned: Vec<_> = c
            .warnings
            .iter()
            .filter(|w| w.starts_with("share-url=") && w.contains("this page's address"))
            .collect();
        assert_eq!(warned.len(), 1, "{bad}: {:?}", c.warnings);
    }
    // Off the browser there is no page, so nothing to share by default.
    assert_eq!(Config::default().share_url_or_page(), None);
    let set = config(&[("share-url", "https://example.org/g")]);
    assert_eq!(
        set.share_url_or_page().as_deref(),
        Some("https://example.org/g")
    );
}

#[test]
fn share_url_length_limit_is_the_schemas() {
    let at_limit = format!("https://e.org/{}", "a".repeat(300 - 14));
    assert_eq!(at_limit.chars().count(), 300);
    assert_eq!(
        config(&[("share-url", &at_limit)]).share_url,
        Some(at_limit)
    );
}

#[test]
fn share_url_with_letters_beyond_ascii_is_read_without_a_panic() {
    let ok = "https://clínica.example/guía";
    assert_eq!(config(&[("share-url", ok)]).share_url.as_deref(), Some(ok));
    for bad in [
        "httpé://example.org",
        "ħttps://example.org",
        "https:/é",
        "é",
    ] {
        assert_eq!(config(&[("share-url", bad)]).share_url, None, "{bad}");
    }
}

#[test]
fn unknown_sections_name_every_known_one() {
    let c = config(&[("sections", "before nonsense")]);
    let known: Vec<&str> = Section::ALL.iter().map(|s| s.name()).collect();
    assert!(
        c.warnings[0].contains(&format!("(known: {})", known.join(" "))),
        "{:?}",
        c.warnings
    );
}
