//! Oracles: what the README says each attribute accepts, written independently.

use kyphoplasty_guide_core::embed::attributes as schema;
use kyphoplasty_guide_core::Config;

/// Every public attribute, from the one schema (`src/embed/attributes.toml`).
pub(crate) fn attribute_names() -> Vec<&'static str> {
    schema::ATTRIBUTES.iter().map(|a| a.name).collect()
}

/// Free-text attributes: shown as the practice wrote them, only cut at this length.
pub(crate) fn free_text() -> Vec<&'static str> {
    schema::ATTRIBUTES
        .iter()
        .filter(|a| matches!(a.kind, schema::Kind::Text { .. }))
        .map(|a| a.name)
        .collect()
}
pub(crate) const MAX_TEXT: usize = 300;

/// What the widget sees of an attribute: control characters dropped, trimmed,
/// `None` when blank (a blank attribute counts as not set).
pub(crate) fn cleaned(raw: &str) -> Option<String> {
    let kept: String = raw.chars().filter(|c| !c.is_control()).collect();
    let trimmed = kept.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

pub(crate) fn is_long(clean: &str) -> bool {
    clean.chars().count() > MAX_TEXT
}

pub(crate) fn cut(clean: &str) -> String {
    clean.chars().take(MAX_TEXT).collect()
}

/// Digits, spaces and `+ - ( ) .`, at least one digit, `+` only first; short enough to dial.
pub(crate) fn phone_ok(text: &str) -> bool {
    let allowed = text
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    let digits = text.chars().any(|c| c.is_ascii_digit());
    let plus_inside = text.trim_start().chars().skip(1).any(|c| c == '+');
    allowed && digits && !plus_inside && text.len() <= 40
}

/// Whether the attribute's (cleaned, cut) value cannot be used and a default replaces it.
pub(crate) fn replaced(attribute: &str, value: &str) -> bool {
    let section_names = [
        "overview",
        "procedure",
        "before",
        "aftercare",
        "warnings",
        "risks",
        "questions",
        "visit",
        "understanding",
        "sources",
    ];
    let in_range =
        |lo: usize, hi: usize| value.parse::<usize>().is_ok_and(|n| (lo..=hi).contains(&n));
    // Primary subtags of the guide's languages (`zh` reads as `zh-Hans`).
    let known_lang = |tag: &str| {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        ["en", "es", "zh", "vi", "ar"].contains(&primary.to_ascii_lowercase().as_str())
    };
    match attribute {
        "lang" => !known_lang(value.trim()),
        "languages" => !value.split([',', ' ']).any(|t| known_lang(t.trim())),
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
        "share-url" => !share_url_ok(value),
        _ => false,
    }
}

/// An `http:` or `https:` address (either case) with a host, up to 300 characters, with
/// nothing that would break out of an attribute or a URL (space, quotes, brackets…).
pub(crate) fn share_url_ok(url: &str) -> bool {
    let rest = ["https://", "http://"]
        .iter()
        .find(|scheme| {
            url.get(..scheme.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(scheme))
        })
        .map(|scheme| &url[scheme.len()..]);
    let Some(rest) = rest else { return false };
    let host_ends = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    host_ends > 0
        && url.chars().count() <= 300
        && !url.chars().any(|c| {
            c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\\' | '`' | '^' | '{' | '}' | '|')
        })
}

pub(crate) fn storage_key_ok(key: &str) -> bool {
    (1..=64).contains(&key.len())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Warnings that name `attribute` (`attribute="…" is not valid…` or `attribute: …`).
pub(crate) fn warnings_for<'a>(config: &'a Config, attribute: &str) -> Vec<&'a String> {
    config
        .warnings
        .iter()
        .filter(|w| names(w) == Some(attribute))
        .collect()
}

/// The attribute a warning names, if it starts with one.
pub(crate) fn names(warning: &str) -> Option<&'static str> {
    // Longest first would matter only for prefixes; none of the names is a prefix of another
    // followed by `=` or `:`.
    attribute_names()
        .into_iter()
        .find(|a| warning.starts_with(&format!("{a}=\"")) || warning.starts_with(&format!("{a}:")))
}
