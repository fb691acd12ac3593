//! Part 3: What the patient gets: the whole App rendered to HTML.

use crate::generators::*;
use crate::oracles::*;
use crate::*;
use kyphoplasty_guide_core::components::app::{App, AppProps};
use kyphoplasty_guide_core::content::Section;
use kyphoplasty_guide_core::embed::config::phone_chars;
use kyphoplasty_guide_core::Config;
use proptest::prelude::*;
use std::collections::HashSet;

fn render(config: Config) -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async move {
        yew::LocalServerRenderer::<App>::with_props(AppProps {
            config,
            ..AppProps::default()
        })
        .hydratable(false)
        .render()
        .await
    })
}

/// One start tag or end tag: its name and attributes (name, value), unescaping nothing.
#[derive(Debug)]
struct Tag {
    name: String,
    attributes: Vec<(String, String)>,
}

/// Splits rendered HTML into tags. In well-escaped output every literal `<` starts a
/// tag, so a tag the input smuggled in shows up here with its own name and attributes.
fn tags(html: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(offset) = html[i..].find('<') {
        i += offset + 1;
        let mut j = i;
        if bytes.get(j) == Some(&b'/') {
            j += 1;
        }
        let start = j;
        while j < bytes.len()
            && !bytes[j].is_ascii_whitespace()
            && bytes[j] != b'>'
            && bytes[j] != b'/'
        {
            j += 1;
        }
        let name = html[start..j].to_ascii_lowercase();
        let mut attributes = Vec::new();
        // Attributes: name, optional =, optional quoted value, until `>`.
        loop {
            while j < bytes.len() && (bytes[j].is_ascii_whitespace() || bytes[j] == b'/') {
                j += 1;
            }
            if j >= bytes.len() || bytes[j] == b'>' {
                break;
            }
            let a = j;
            while j < bytes.len() && !bytes[j].is_ascii_whitespace() && !b"=>/".contains(&bytes[j])
            {
                j += 1;
            }
            let attr = html[a..j].to_ascii_lowercase();
            let mut value = String::new();
            if bytes.get(j) == Some(&b'=') {
                j += 1;
                match bytes.get(j) {
                    Some(&q) if q == b'"' || q == b'\'' => {
                        let end = html[j + 1..]
                            .find(q as char)
                            .map_or(bytes.len(), |e| j + 1 + e);
                        value = html[j + 1..end].to_string();
                        j = (end + 1).min(bytes.len());
                    }
                    _ => {
                        let v = j;
                        while j < bytes.len() && !bytes[j].is_ascii_whitespace() && bytes[j] != b'>'
                        {
                            j += 1;
                        }
                        value = html[v..j].to_string();
                    }
                }
            }
            if attr.is_empty() {
                j += 1; // a stray character: skip it rather than loop
                continue;
            }
            attributes.push((attr, value));
        }
        out.push(Tag { name, attributes });
        i = j.min(bytes.len());
    }
    out
}

/// Tag names the guide itself renders, collected from plain renders of every section.
fn known_tags() -> &'static HashSet<String> {
    static KNOWN: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    KNOWN.get_or_init(|| {
        let mut names = HashSet::new();
        for lang in ["en", "es", "zh-Hans", "vi", "ar"] {
            for section in Section::ALL {
                let attrs: Attributes = [
                    ("lang", lang.to_string()),
                    ("sections", section.name().to_string()),
                    ("practice-phone", "+1 555 010 0199".to_string()),
                    ("practice-name", "Riverside".to_string()),
                ]
                .into();
                for tag in tags(&render(config_of(&attrs, None))) {
                    names.insert(tag.name);
                }
            }
        }
        // `heading-level` picks h1 to h6 for the title and the level below for sections.
        names.extend((1..=6).map(|n| format!("h{n}")));
        names
    })
}

/// Practice wording JSON whose texts are hostile, with some known and some unknown keys.
fn wording_json() -> impl Strategy<Value = Option<String>> {
    let keys = item_keys();
    prop::option::of(
        (
            prop::sample::select(&["en", "es", "<script>", "fr"][..]),
            prop::collection::vec(
                (
                    prop_oneof![
                        4 => prop::sample::select(keys),
                        1 => value(),
                    ],
                    prop_oneof![3 => value(), 1 => any_unicode(600)],
                ),
                0..6,
            ),
        )
            .prop_map(|(lang, items)| {
                let items: serde_json::Map<String, serde_json::Value> = items
                    .into_iter()
                    .map(|(k, v)| (k, serde_json::Value::String(v)))
                    .collect();
                serde_json::json!({ "lang": lang, "items": items }).to_string()
            }),
    )
}

/// The hostile strings that reached the config (cut), for the "never raw" check.
fn hostile_texts(attrs: &Attributes, wording: Option<&str>) -> Vec<String> {
    let mut texts: Vec<String> = attrs
        .values()
        .filter_map(|raw| cleaned(raw))
        .map(|c| cut(&c))
        .collect();
    if let Some(json) = wording {
        if let Ok(serde_json::Value::Object(o)) = serde_json::from_str::<serde_json::Value>(json) {
            if let Some(serde_json::Value::Object(items)) = o.get("items") {
                texts.extend(
                    items
                        .values()
                        .filter_map(|v| v.as_str().map(|s| s.trim().to_string())),
                );
            }
        }
    }
    texts
}

proptest! {
    #![proptest_config(cases("rendered HTML: no markup, handlers or links from input", CASES_RENDER))]

    #[test]
    fn rendered_html_carries_no_markup_handler_or_link_from_the_input(
        attrs in attributes(),
        wording in wording_json(),
        front in prop::sample::select(&Section::ALL[..]),
        page in page_lang(),
    ) {
        let mut config = config_of(&attrs, page.as_deref()).with_wording(wording.as_deref());
        // Render the section under test first (the App shows only the current one).
        config.sections.retain(|s| *s != front);
        config.sections.insert(0, front);
        let practice_tel = config.practice_tel();
        let html = render(config.clone());
        let lower = html.to_ascii_lowercase();

        prop_assert!(!lower.contains("<script"), "a <script> in the output");
        prop_assert!(!lower.contains("<style"), "a <style> in the output");
        let known = known_tags();
        for tag in tags(&html) {
            prop_assert!(known.contains(&tag.name), "unknown tag <{}> in the output", tag.name);
            for (name, value) in &tag.attributes {
                prop_assert!(!name.starts_with("on"), "event handler attribute {name}={value:?}");
                prop_assert!(name != "style" && name != "srcdoc" && name != "formaction", "attribute {name}={value:?}");
                let v = value.trim().to_ascii_lowercase();
                for scheme in ["javascript:", "vbscript:", "data:text/html", "data:image"] {
                    prop_assert!(!v.starts_with(scheme), "{name}={value:?}");
                }
                if name == "href" || name.ends_with(":href") || name == "src" {
                    let tel_ok = value.strip_prefix("tel:").is_some_and(|n| {
                        let digits = n.strip_prefix('+').unwrap_or(n);
                        !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
                    });
                    let calendar = value.starts_with("data:text/calendar");
                    // The illustration's <use href="#…"> point at its own ids.
                    let fragment = value.strip_prefix('#').is_some_and(|id| {
                        !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                    });
                    // The Sources section links to its documents: addresses from content/, never
                    // input. An address with a query has its `&` written `&amp;` in the markup.
                    let unescaped = value.replace("&amp;", "&");
                    let source_link = kyphoplasty_guide_core::content::Lang::ALL.iter().any(|lang| {
                        kyphoplasty_guide_core::content::guide(*lang)
                            .sources
                            .iter()
                            .any(|s| s.url == Some(unescaped.as_str()))
                    });
                    prop_assert!(tel_ok || calendar || fragment || source_link, "{name}={value:?}");
                }
            }
        }
        // No hostile text appears unescaped.
        for text in hostile_texts(&attrs, wording.as_deref()) {
            // Only text that could open a tag matters (a lone `"` or `>` in text content is harmless).
            let opens_tag = text
                .as_bytes()
                .windows(2)
                .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || b"/!?".contains(&w[1])));
            if opens_tag {
                prop_assert!(!html.contains(&text), "raw payload in the output: {text:?}");
            }
        }
        // The practice phone's link keeps only digits and a leading +.
        if let Some(raw) = attrs.get("practice-phone").and_then(|r| cleaned(r)) {
            let raw = cut(&raw);
            if phone_ok(&raw) {
                let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
                let plus = if raw.starts_with('+') { "+" } else { "" };
                let expected = format!("tel:{plus}{digits}");
                prop_assert_eq!(practice_tel.as_deref(), Some(expected.as_str()));
                if front == Section::Warnings {
                    let quoted = format!("href=\"{expected}\"");
                    prop_assert!(html.contains(&quoted), "{expected} not linked");
                }
            } else {
                prop_assert_eq!(practice_tel, None, "{:?} gave a link", raw);
            }
        }
        // Every phone-like value the guide links to is dialable.
        for tel in lower.match_indices("tel:") {
            let rest = &html[tel.0 + 4..];
            let end = rest.find(['"', '\'', ' ', '>']).unwrap_or(rest.len());
            let number = &rest[..end];
            prop_assert!(
                number.strip_prefix('+').unwrap_or(number).chars().all(|c| c.is_ascii_digit()),
                "tel:{number}"
            );
        }
    }
}

#[test]
fn phone_links_keep_only_digits_and_a_leading_plus_for_every_shape() {
    for (raw, tel) in [
        ("+1 (555) 010-0199", Some("+15550100199")),
        (" +44 20 7946 0958 ", Some("+442079460958")),
        ("555.010.0199", Some("5550100199")),
        ("911\" onmouseover=\"alert(1)", None),
        ("tel:911", None),
        ("1+1", None),
        ("++1", None),
        ("٣٣٣", None),
        ("３３３", None),
    ] {
        assert_eq!(phone_chars(raw).as_deref(), tel, "{raw}");
    }
}
