//! The public attributes are written once, in `src/embed/attributes.toml`: the
//! README's table must say the same, row for row, and the Rust rules must follow it.

use kyphoplasty_guide_core::embed::attributes::{Kind, ATTRIBUTES};
use serde::Deserialize;

#[derive(Deserialize)]
struct Schema {
    attribute: Vec<Row>,
}

#[derive(Deserialize)]
struct Row {
    name: String,
    does: String,
    default: String,
}

fn schema() -> Schema {
    let text = include_str!("../src/embed/attributes.toml");
    match toml::from_str(text) {
        Ok(schema) => schema,
        Err(error) => panic!("attributes.toml: {error}"),
    }
}

/// The README table the schema describes.
fn table(schema: &Schema) -> String {
    let mut out = String::from("| attribute | what it does | default |\n|---|---|---|\n");
    for row in &schema.attribute {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            row.name, row.does, row.default
        ));
    }
    out
}

#[test]
fn the_readme_attribute_table_matches_the_schema() {
    let readme = include_str!("../README.md");
    let expected = table(&schema());
    assert!(
        readme.contains(&expected),
        "README.md's attribute table differs from src/embed/attributes.toml; it should read:\n{expected}"
    );
}

#[test]
fn the_rust_rules_are_the_schema_in_its_order() {
    let names: Vec<String> = schema().attribute.into_iter().map(|r| r.name).collect();
    let rust: Vec<&str> = ATTRIBUTES.iter().map(|a| a.name).collect();
    assert_eq!(names, rust);
    let start = ATTRIBUTES
        .iter()
        .find(|a| a.name == "start-step")
        .map(|a| a.kind);
    let steps = kyphoplasty_guide_core::content::guide(kyphoplasty_guide_core::content::Lang::En)
        .steps
        .len();
    assert_eq!(
        start,
        Some(Kind::Integer { min: 1, max: steps }),
        "start-step must span the steps"
    );
}
