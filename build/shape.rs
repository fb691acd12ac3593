//! Generic walks over a content file's TOML: every string with a readable path, its
//! `{placeholders}`, and the comparison of a translation with the reference language.

use crate::content::LANGS;

/// Keys whose values must be identical in every language (they are not prose).
const SHARED_KEYS: &[&str] = &[
    "id",
    "sources",
    "scene",
    "offset_hours",
    "year",
    "url",
    "version",
    "last_reviewed",
    "next_review",
    "seed",
    "signs",
    "link",
    "correct",
];

/// Calls `visit(path, text)` for every string in `value`, with a readable path such as
/// `step[2] (needle).body[0]`.
pub fn walk_strings(value: &toml::Value, path: &str, visit: &mut dyn FnMut(&str, &str)) {
    match value {
        toml::Value::String(s) => visit(path, s),
        toml::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk_strings(item, &item_path(path, i, item), visit);
            }
        }
        toml::Value::Table(table) => {
            for (key, item) in table {
                walk_strings(item, &child_path(path, key), visit);
            }
        }
        _ => {}
    }
}

/// The `{name}` placeholders in a text.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                found.push(after[..end].to_string());
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    found
}

/// The path of `key` in the table at `path`: `step[2] (needle).body`.
fn child_path(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// The path of an array's item, with its id when it has one: `step[2] (needle)`.
fn item_path(path: &str, i: usize, item: &toml::Value) -> String {
    let id = item
        .get("id")
        .and_then(|v| v.as_str())
        .map(|id| format!(" ({id})"));
    format!("{path}[{i}]{}", id.unwrap_or_default())
}

/// Compares a translation's file (`other`) with the reference language's, value by
/// value: the same keys and items in the same order, the same shared values (ids,
/// sources, …), and the same placeholders in every string (a translation that drops
/// `{practice_name}` would silently lose the practice's value). Every difference goes
/// to `errors`.
pub fn compare_shape(
    reference: &toml::Value,
    other: &toml::Value,
    path: &str,
    label: &str,
    ui_file: bool,
    errors: &mut Vec<String>,
) {
    use toml::Value;
    match (reference, other) {
        (Value::Table(a), Value::Table(b)) => compare_tables(a, b, path, label, ui_file, errors),
        (Value::Array(a), Value::Array(b)) => compare_arrays(a, b, path, label, ui_file, errors),
        (Value::String(a), Value::String(b)) => {
            // The same set: a sentence may name the practice twice in one language and
            // once in another.
            let (mut pa, mut pb) = (placeholders(a), placeholders(b));
            for list in [&mut pa, &mut pb] {
                list.sort();
                list.dedup();
            }
            if pa != pb {
                errors.push(format!(
                    "{label}: {path}: placeholders {pb:?} differ from {}'s {pa:?}",
                    LANGS[0]
                ));
            }
        }
        (a, b) if a.type_str() != b.type_str() => errors.push(format!(
            "{label}: {path}: is a {} but {} has a {}",
            b.type_str(),
            LANGS[0],
            a.type_str()
        )),
        _ => {}
    }
}

/// The same keys in both tables; shared keys (outside `ui.toml`) with the same values.
fn compare_tables(
    a: &toml::Table,
    b: &toml::Table,
    path: &str,
    label: &str,
    ui_file: bool,
    errors: &mut Vec<String>,
) {
    for key in a.keys() {
        let child = child_path(path, key);
        match b.get(key) {
            None => errors.push(format!(
                "{label}: {child}: missing (present in {})",
                LANGS[0]
            )),
            Some(bv) if SHARED_KEYS.contains(&key.as_str()) && !ui_file => {
                if &a[key] != bv {
                    errors.push(format!(
                        "{label}: {child}: is {bv} but {} has {}",
                        LANGS[0], a[key]
                    ));
                }
            }
            Some(bv) => compare_shape(&a[key], bv, &child, label, ui_file, errors),
        }
    }
    for key in b.keys().filter(|k| !a.contains_key(*k)) {
        let child = child_path(path, key);
        errors.push(format!(
            "{label}: {child}: not in {} (unknown or misspelt key)",
            LANGS[0]
        ));
    }
}

/// A list of items (tables) or of paragraphs (strings) has as many items in both,
/// compared item by item.
fn compare_arrays(
    a: &[toml::Value],
    b: &[toml::Value],
    path: &str,
    label: &str,
    ui_file: bool,
    errors: &mut Vec<String>,
) {
    let tables = a.iter().all(|v| v.is_table() || v.is_str());
    if tables && a.len() != b.len() {
        errors.push(format!(
            "{label}: {path}: has {} items but {} has {}",
            b.len(),
            LANGS[0],
            a.len()
        ));
    }
    if tables {
        for (i, (av, bv)) in a.iter().zip(b).enumerate() {
            let child = item_path(path, i, av);
            compare_shape(av, bv, &child, label, ui_file, errors);
        }
    }
}
