//! Markers for practice values, for the document (`crate::document`): drawn where a
//! value goes so the build can find them and the loader fill them in. Here rather than
//! in `document` because the components draw them too.

/// Marks where a practice value goes; the build turns it into a `data-kg-v` span.
/// Private-use characters, so no content text can contain one by accident.
pub fn marker(name: &str) -> String {
    format!("\u{E000}{name}\u{E001}")
}

/// The names a marker can carry: the placeholders of the content, and the practice
/// phone as written and as kept on one line, and the address to share.
pub const VALUE_NAMES: [&str; 10] = [
    "practice_name",
    "emergency_number",
    "lifting_limit",
    "follow_up",
    "driving",
    "return_to_work",
    "practice_phone",
    "practice_phone_nowrap",
    "reviewed_by",
    "share_url",
];
