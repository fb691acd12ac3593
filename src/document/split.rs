//! The document in two files (issue 24: at most 40 KB gzip loaded before the guide is
//! readable). The **head** is what the first paint needs: the shell (header, emergency
//! strip, section buttons, footer) and the part shown first. The **rest** is every part
//! the document hides at first (the other sections, the print sheet): the loader asks
//! for it after the first paint and reads it one part per task, so neither its download
//! nor its parsing holds up the guide's text.
//!
//! In the head each part left for the rest keeps its element and attributes, empty,
//! marked `data-kg-rest="<key>"` (its panel's name, or the island marker of a part
//! outside the panels). The rest is JSON, `{"format":1,"lang":…,"parts":[…]}` with each
//! part `{"key": …, "children": […]}` (the key first), written **one part per line**:
//! JSON never holds a raw newline inside a value, so the loader splits the text at its
//! lines, files each line by its key, and parses a part only when it is first shown (one
//! `JSON.parse` of the whole file was a task of 30 to 40 ms at 4x CPU, and most parts are
//! never opened). It stays a plain `.json` file, which every host and CDN compresses.

use serde_json::{json, Value};

/// Where a part's children go: the key the loader fills its element by.
fn rest_key(node: &Value) -> Option<String> {
    let attributes = node.get(1)?.as_object()?;
    if let Some(panel) = attributes.get("data-kg-panel").and_then(Value::as_str) {
        return attributes.contains_key("hidden").then(|| panel.to_string());
    }
    let class = attributes.get("class").and_then(Value::as_str)?;
    let outside_panels = class.split(' ').any(|c| c == "kg-print-sheet");
    outside_panels
        .then(|| attributes.get("data-kg-island").and_then(Value::as_str))
        .flatten()
        .map(str::to_string)
}

/// The status line the loader shows while an opened part is still on its way, or when
/// it could not be loaded: one per guide, in the document's language.
fn status_line(loading: &str, not_loaded: &str) -> Value {
    json!([
        "div",
        {
            "class": "kg-body kg-rest-status",
            "hidden": "hidden",
            "data-kg-loading": loading,
            "data-kg-not-loaded": not_loaded,
        },
        ["p", { "role": "status" }]
    ])
}

/// Splits the document's `tree` into its head and its rest (see the module). `loading`
/// and `not_loaded` are the status line's two messages.
pub fn split(mut tree: Value, lang: &str, loading: &str, not_loaded: &str) -> (Value, String) {
    let mut parts = Vec::new();
    if let Some(children) = tree.as_array_mut() {
        for child in children.iter_mut().skip(2) {
            let Some(key) = rest_key(child) else { continue };
            let Some(node) = child.as_array_mut() else {
                continue;
            };
            let moved: Vec<Value> = node.drain(2..).collect();
            if let Some(attributes) = node.get_mut(1).and_then(Value::as_object_mut) {
                attributes.insert("data-kg-rest".into(), json!(key));
            }
            // The key first, so the loader can file a line by its key and leave the parsing
            // of its children until the part is first shown.
            parts.push(format!(
                "{{\"key\":{},\"children\":{}}}",
                json!(key),
                Value::Array(moved)
            ));
        }
        // Before the footer, so the line sits where an opened part would.
        let footer = children
            .iter()
            .position(|c| c.get(0).and_then(Value::as_str) == Some("footer"))
            .unwrap_or(children.len());
        children.insert(footer, status_line(loading, not_loaded));
    }
    let header = json!({ "format": 1, "lang": lang }).to_string();
    let rest = format!(
        "{},\"parts\":[\n{}\n]}}\n",
        header.trim_end_matches('}'),
        parts.join(",\n")
    );
    (tree, rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Value {
        json!(["section", {"class": "kg"},
            ["header", {"class": "kg-header"}, "Title"],
            ["div", {"class": "kg-body", "data-kg-panel": "overview"}, ["p", {}, "Shown"]],
            ["div", {"class": "kg-body", "data-kg-panel": "procedure", "hidden": "hidden"}, ["p", {}, "Later"], "text"],
            ["footer", {"class": "kg-footer"}, "End"],
            ["div", {"class": "kg-print-sheet", "data-kg-island": "print-sheet"}, ["h2", {}, "Sheet"]]
        ])
    }

    #[test]
    fn the_head_keeps_the_shell_and_the_shown_part_and_empties_the_hidden_ones() {
        let (head, _) = split(sample(), "en", "Loading", "Failed");
        let kids = &head.as_array().expect("root")[2..];
        assert_eq!(kids[0][2], json!("Title"));
        assert_eq!(
            kids[1][2],
            json!(["p", {}, "Shown"]),
            "the part shown first stays"
        );
        assert_eq!(
            kids[2].as_array().map(Vec::len),
            Some(2),
            "the hidden panel is empty"
        );
        assert_eq!(kids[2][1]["data-kg-rest"], json!("procedure"));
        assert_eq!(kids[3][1]["class"], json!("kg-body kg-rest-status"));
        assert_eq!(kids[3][1]["data-kg-not-loaded"], json!("Failed"));
        assert_eq!(
            kids[4][0],
            json!("footer"),
            "the status line comes before the footer"
        );
        assert_eq!(kids[5][1]["data-kg-rest"], json!("print-sheet"));
        assert!(kids[1][1].get("data-kg-rest").is_none());
    }

    #[test]
    fn the_rest_is_json_with_one_part_per_line() {
        let (_, rest) = split(sample(), "es", "Loading", "Failed");
        let whole: Value = serde_json::from_str(&rest).expect("the rest is JSON");
        assert_eq!(
            (whole["format"].clone(), whole["lang"].clone()),
            (json!(1), json!("es"))
        );
        let lines: Vec<&str> = rest.lines().collect();
        assert_eq!(lines.len(), 4, "a first line, a line per part, a last line");
        assert!(
            lines[1].starts_with(r#"{"key":"procedure","children":"#),
            "{}",
            lines[1]
        );
        let parts: Vec<Value> = lines[1..3]
            .iter()
            .map(|line| serde_json::from_str(line.trim_end_matches(',')).expect("a part per line"))
            .collect();
        assert_eq!(parts[0]["key"], json!("procedure"));
        assert_eq!(parts[0]["children"], json!([["p", {}, "Later"], "text"]));
        assert_eq!(parts[1]["key"], json!("print-sheet"));
        assert_eq!(whole["parts"], json!(parts));
    }
}
