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
];

/// Calls `visit(path, text)` for every string in `value`, with a readable path such as
/// `step[2] (needle).body[0]`.
pub fn walk_strings(value: &toml::Value, path: &str, visit: &mut dyn FnMut(&str, &str)) {
    match value {
        toml::Value::String(s) => visit(path, s),
        toml::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let id = item
                    .get("id")
                    .and_then(|v| v.as_str())
                    .map(|id| format!(" ({id})"));
                walk_strings(
                    item,
                    &format!("{path}[{i}]{}", id.unwrap_or_default()),
                    visit,
                );
            }
        }
        toml::Value::Table(table) => {
            for (key, item) in table {
                let child = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                walk_strings(item, &child, visit);
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
        (Value::Table(a), Value::Table(b)) => {
            for key in a.keys() {
                let child = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
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
                let child = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                errors.push(format!(
                    "{label}: {child}: not in {} (unknown or misspelt key)",
                    LANGS[0]
                ));
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            let tables = a.iter().all(|v| v.is_table());
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
                    let id = av
                        .get("id")
                        .and_then(|v| v.as_str())
                        .map(|id| format!(" ({id})"));
                    let child = format!("{path}[{i}]{}", id.unwrap_or_default());
                    compare_shape(av, bv, &child, label, ui_file, errors);
                }
            }
        }
        (Value::String(a), Value::String(b)) if ui_file => {
            let (mut pa, mut pb) = (placeholders(a), placeholders(b));
            pa.sort();
            pb.sort();
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
