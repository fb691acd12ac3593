//! Property tests for everything a host page can hand the widget: the element's
//! attributes, the practice-wording JSON and what localStorage holds.
//!
//! Inputs are hostile on purpose: random and huge strings, arbitrary Unicode (RTL,
//! combining marks, emoji, NUL and other control characters), HTML and script
//! payloads, `javascript:`/`data:`/`vbscript:` URLs, CSS injection, odd numbers and
//! dates. The properties are what the README promises a practice and a patient.
//!
//! Each property prints how many cases it generates (`cases`), so a run shows the coverage.
#![cfg(not(target_arch = "wasm32"))]

use kyphoplasty_guide_core::components::app::{App, AppProps};
use kyphoplasty_guide_core::content::{guide, Lang};
use kyphoplasty_guide_core::embed::attributes as schema;
use kyphoplasty_guide_core::embed::colour::{Rgb, MIN_CONTRAST};
use kyphoplasty_guide_core::embed::config::phone_chars;
use kyphoplasty_guide_core::embed::wording::{self, MAX_ITEM};
use kyphoplasty_guide_core::state::Section;
use kyphoplasty_guide_core::storage::{decode, encode, is_iso_date, Loaded, VERSION};
use kyphoplasty_guide_core::Config;
use proptest::prelude::*;
use proptest::test_runner::Config as PropConfig;
use std::collections::{BTreeSet, HashMap, HashSet};

/// Every public attribute, from the one schema (`src/embed/attributes.toml`).
fn attribute_names() -> Vec<&'static str> {
    schema::ATTRIBUTES.iter().map(|a| a.name).collect()
}

/// Free-text attributes: shown as the practice wrote them, only cut at this length.
fn free_text() -> Vec<&'static str> {
    schema::ATTRIBUTES
        .iter()
        .filter(|a| matches!(a.kind, schema::Kind::Text { .. }))
        .map(|a| a.name)
        .collect()
}
const MAX_TEXT: usize = 300;

/// Cases per property; rendering costs milliseconds, so those properties run fewer.
const CASES_CONFIG: u32 = 2048;
const CASES_RENDER: u32 = 64;
const CASES_ACCENT: u32 = 4096;
const CASES_STORAGE_KEY: u32 = 2048;
const CASES_WORDING_TEXT: u32 = 2048;
const CASES_WORDING_VALUE: u32 = 1024;
const CASES_DECODE: u32 = 4096;
const CASES_ROUND_TRIP: u32 = 2048;

fn cases(name: &str, n: u32) -> PropConfig {
    // Printed (not asserted) so `cargo test -- --nocapture` shows the coverage.
    println!("property {name}: {n} generated cases");
    PropConfig {
        cases: n,
        // Hostile inputs are large: keep shrinking bounded so a failure reports quickly.
        max_shrink_iters: 2048,
        // The minimal failing input is printed; no regressions file is written into tests/.
        failure_persistence: None,
        ..PropConfig::default()
    }
}

// ---------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------

/// Payloads a compromised CMS, a careless copy-paste or an attacker could put in an attribute.
const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//x.test/x.js></SCRIPT>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg onload=alert(1)>",
    "</section><script>alert(1)</script>",
    "</p></div></section><h1>owned</h1>",
    "<!-- ",
    "]]><![CDATA[",
    "<style>*{display:none}</style>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.cookie)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "tel:911\"onclick=\"alert(1)",
    "911\" onmouseover=\"alert(1)",
    "+1 (555) 010-0199<script>",
    "red;background:url(x)",
    "#fff}",
    "#fff;}:host{display:none}",
    "#005eb8;background:url(javascript:alert(1))",
    "expression(alert(1))",
    "#0000ff !important",
    "url(data:image/svg+xml,<svg onload=alert(1)>)",
    "{practice_name}{emergency_number}{number}",
    "{{{{",
    "&lt;script&gt;",
    "&#x3C;script&#x3E;",
    "\u{0}<script>",
    "%3Cscript%3E",
    "../../etc/passwd",
    "__proto__",
    "constructor",
    "kyphoplasty-guide:v1:default",
];

/// Numbers in every shape someone might type, and some nobody should.
const NUMBERS: &[&str] = &[
    "0",
    "1",
    "3",
    "8",
    "9",
    "99",
    "100",
    "-1",
    "-0",
    "+3",
    "03",
    "3.0",
    "3.5",
    "1e9",
    "1e1",
    "NaN",
    "Infinity",
    "-Infinity",
    "0x10",
    " 3 ",
    "3px",
    "٣",
    "３",
    "18446744073709551615",
    "18446744073709551616",
    "99999999999999999999999999999",
    "-9223372036854775808",
    "2",
    "6",
    "7",
    "112",
    "999",
    "000",
    "911",
    "(555) 010-0199",
    "+1 555 010 0199",
    "+44 20 7946 0958",
    "++1",
    "1+1",
    "+",
    "()",
    "-",
    ".",
    "555.010.0199",
];

/// Dates, valid, impossible and malformed.
const DATES: &[&str] = &[
    "2026-11-24",
    "2026-02-29",
    "2028-02-29",
    "2026-02-31",
    "2026-13-40",
    "1899-12-31",
    "2201-01-01",
    "0000-00-00",
    "24/11/2026",
    "11/24/2026",
    "2026-1-1",
    "2026-11-24T10:00:00Z",
    "tomorrow",
    "",
];

/// Values that are valid for some attribute, so the "kept" paths are exercised too.
const VALID: &[&str] = &[
    "en",
    "es",
    "es-MX",
    "EN_us",
    "fr",
    "Riverside Spine Center",
    "Clínica Norte",
    "(555) 010-0199",
    "+1 555 010 0199",
    "112",
    "overview procedure before aftercare warnings risks questions sources",
    "aftercare, procedure",
    "warnings",
    "before,before",
    "#06A",
    "#005eb8",
    "#ffcc00",
    "#FFFFFF",
    "#000",
    "clinic-2",
    "default",
    "a_b-C",
    "Do not lift more than 5 lb for 3 weeks.",
];

/// Characters that break naive text handling.
const ODD_CHARS: &[char] = &[
    '\u{0}',
    '\u{7}',
    '\u{8}',
    '\t',
    '\n',
    '\r',
    '\u{1b}',
    '\u{7f}',
    '\u{85}',
    '\u{a0}',
    '\u{ad}',
    '\u{200b}',
    '\u{200d}',
    '\u{200e}',
    '\u{200f}',
    '\u{202a}',
    '\u{202b}',
    '\u{202e}',
    '\u{2066}',
    '\u{2069}',
    '\u{2028}',
    '\u{2029}',
    '\u{feff}',
    '\u{fffd}',
    '\u{fffe}',
    '\u{10ffff}',
    '\u{301}',
    '\u{308}',
    '\u{36f}',
    '\u{5d0}',
    '\u{5d1}',
    '\u{627}',
    '\u{644}',
    '\u{e01}',
    '\u{1f600}',
    '\u{1f468}',
    '\u{1f3fd}',
    '\u{1f1fa}',
    '\u{1f1f8}',
    '<',
    '>',
    '"',
    '\'',
    '&',
    '`',
    '=',
    '/',
    '\\',
    ';',
    ':',
    '{',
    '}',
    '(',
    ')',
    '#',
    '+',
    '-',
    '.',
    ',',
    ' ',
    '%',
    '٣',
    '３',
];

fn odd_string(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ODD_CHARS), 0..max).prop_map(String::from_iter)
}

/// Any Unicode scalar values, control characters included.
fn any_unicode(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..max).prop_map(String::from_iter)
}

/// A repeated unit, up to about 100 KB.
fn huge() -> impl Strategy<Value = String> {
    (
        prop_oneof![
            prop::sample::select(PAYLOADS).prop_map(str::to_string),
            prop::sample::select(VALID).prop_map(str::to_string),
            odd_string(4),
            Just("9".to_string()),
            Just("\u{301}".to_string()),
        ],
        1usize..100_000,
    )
        .prop_map(|(unit, bytes)| {
            let unit = if unit.is_empty() {
                "x".to_string()
            } else {
                unit
            };
            unit.repeat((bytes / unit.len()).max(1))
        })
}

/// One hostile attribute value.
fn value() -> impl Strategy<Value = String> {
    let fixed = prop_oneof![
        prop::sample::select(PAYLOADS),
        prop::sample::select(NUMBERS),
        prop::sample::select(DATES),
        prop::sample::select(VALID),
    ]
    .prop_map(str::to_string);
    prop_oneof![
        4 => fixed.clone(),
        2 => (odd_string(8), fixed.clone(), odd_string(8)).prop_map(|(a, b, c)| format!("{a}{b}{c}")),
        2 => (fixed.clone(), fixed).prop_map(|(a, b)| format!("{a}{b}")),
        2 => any_unicode(64),
        1 => any_unicode(400),
        2 => odd_string(64),
        1 => "\\PC{0,80}",
        1 => huge(),
    ]
}

type Attributes = HashMap<&'static str, String>;

/// A random subset of the attributes, each with a hostile value.
fn attributes() -> impl Strategy<Value = Attributes> {
    prop::collection::vec(
        prop::option::weighted(0.6, value()),
        attribute_names().len(),
    )
    .prop_map(|values| {
        attribute_names()
            .iter()
            .zip(values)
            .filter_map(|(name, value)| value.map(|v| (*name, v)))
            .collect()
    })
}

fn page_lang() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof![
        prop::sample::select(&["en", "es", "es-419", "fr", "", "x"][..]).prop_map(str::to_string),
        any_unicode(8),
    ])
}

fn config_of(attributes: &Attributes, page_lang: Option<&str>) -> Config {
    Config::from_attributes(|name| attributes.get(name).cloned(), page_lang)
}

// ---------------------------------------------------------------------------
// Oracles: what the README says each attribute accepts, written independently.
// ---------------------------------------------------------------------------

/// What the widget sees of an attribute: control characters dropped, trimmed,
/// `None` when blank (a blank attribute counts as not set).
fn cleaned(raw: &str) -> Option<String> {
    let kept: String = raw.chars().filter(|c| !c.is_control()).collect();
    let trimmed = kept.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

fn is_long(clean: &str) -> bool {
    clean.chars().count() > MAX_TEXT
}

fn cut(clean: &str) -> String {
    clean.chars().take(MAX_TEXT).collect()
}

/// Digits, spaces and `+ - ( ) .`, at least one digit, `+` only first; short enough to dial.
fn phone_ok(text: &str) -> bool {
    let allowed = text
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    let digits = text.chars().any(|c| c.is_ascii_digit());
    let plus_inside = text.trim_start().chars().skip(1).any(|c| c == '+');
    allowed && digits && !plus_inside && text.len() <= 40
}

/// Whether the attribute's (cleaned, cut) value cannot be used and a default replaces it.
fn replaced(attribute: &str, value: &str) -> bool {
    let section_names = [
        "overview",
        "procedure",
        "before",
        "aftercare",
        "warnings",
        "risks",
        "questions",
        "visit",
        "sources",
    ];
    let in_range =
        |lo: usize, hi: usize| value.parse::<usize>().is_ok_and(|n| (lo..=hi).contains(&n));
    match attribute {
        "lang" => {
            let primary = value.split(['-', '_']).next().unwrap_or("");
            !["en", "es"].contains(&primary.to_ascii_lowercase().as_str())
        }
        "practice-phone" | "emergency-number" => !phone_ok(value),
        "sections" => !value.split([',', ' ']).any(|n| {
            section_names
                .iter()
                .any(|s| s.eq_ignore_ascii_case(n.trim()))
        }),
        "start-step" => !in_range(1, 8),
        "heading-level" => !in_range(1, 6),
        "accent" => {
            let hex = value.strip_prefix('#').unwrap_or("");
            !(value.starts_with('#')
                && hex.chars().all(|c| c.is_ascii_hexdigit())
                && (hex.len() == 3 || hex.len() == 6))
        }
        "storage-key" => !storage_key_ok(value),
        _ => false,
    }
}

fn storage_key_ok(key: &str) -> bool {
    (1..=64).contains(&key.len())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Warnings that name `attribute` (`attribute="…" is not valid…` or `attribute: …`).
fn warnings_for<'a>(config: &'a Config, attribute: &str) -> Vec<&'a String> {
    config
        .warnings
        .iter()
        .filter(|w| names(w) == Some(attribute))
        .collect()
}

/// The attribute a warning names, if it starts with one.
fn names(warning: &str) -> Option<&'static str> {
    // Longest first would matter only for prefixes; none of the names is a prefix of another
    // followed by `=` or `:`.
    attribute_names()
        .into_iter()
        .find(|a| warning.starts_with(&format!("{a}=\"")) || warning.starts_with(&format!("{a}:")))
}

// ---------------------------------------------------------------------------
// 1. Configuration from attributes
// ---------------------------------------------------------------------------

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
            } else if !is_long(&clean) && *attribute != "sections" && *attribute != "accent" {
                // (`sections` may warn about one unknown name among good ones; `accent`
                // about a colour it darkened: both are the value partly used.)
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

// ---------------------------------------------------------------------------
// 2. Accent and storage key
// ---------------------------------------------------------------------------

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
            prop_assert!(rgb.contrast_with_white() >= MIN_CONTRAST, "{accent}: {}", rgb.contrast_with_white());
            // A colour that was already readable is kept exactly.
            if let Some(requested) = cleaned(&raw).and_then(|c| Rgb::parse(&c)) {
                if requested.contrast_with_white() >= MIN_CONTRAST {
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

// ---------------------------------------------------------------------------
// 3. What the patient gets: the whole App rendered to HTML
// ---------------------------------------------------------------------------

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
        for lang in ["en", "es"] {
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

/// The keys of every checklist item, for wording JSON.
fn item_keys() -> Vec<String> {
    let g = guide(Lang::En);
    let mut keys = Vec::new();
    for (list, groups) in [("before", g.before), ("aftercare", g.aftercare)] {
        for group in groups {
            for item in group.items {
                keys.push(format!("{list}/{}", item.id));
            }
        }
    }
    keys
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
                    // The Sources section links to its documents: addresses from content/, never input.
                    let source_link = kyphoplasty_guide_core::content::Lang::ALL.iter().any(|lang| {
                        kyphoplasty_guide_core::content::guide(*lang)
                            .sources
                            .iter()
                            .any(|s| s.url == Some(value.as_str()))
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

// ---------------------------------------------------------------------------
// 4. Practice wording JSON
// ---------------------------------------------------------------------------

/// Arbitrary JSON values, including large and nested ones.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
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
fn jsonish() -> impl Strategy<Value = String> {
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

// ---------------------------------------------------------------------------
// 5. What localStorage holds
// ---------------------------------------------------------------------------

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
                    prop_assert!(tick.len() <= 120 && tick.contains('/'), "{tick:?}");
                }
                if let Some(date) = &saved.procedure_date {
                    prop_assert!(is_iso_date(date), "{date:?}");
                }
            }
            Loaded::Unreadable(kept) => prop_assert_eq!(kept, raw, "the backup must be the raw text"),
            Loaded::Empty | Loaded::Unavailable => prop_assert!(false, "decode never says Empty/Unavailable"),
        }
    }
}

fn valid_date() -> impl Strategy<Value = String> {
    (1900u32..=2200, 1u32..=12, 1u32..=31).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
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
        let raw = encode(&ticks, date.as_deref());
        match decode(&raw) {
            Loaded::Data(saved) => {
                prop_assert_eq!(saved.version, VERSION);
                prop_assert_eq!(saved.ticks, ticks);
                prop_assert_eq!(saved.procedure_date, date);
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
