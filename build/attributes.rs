//! The public attributes (`src/embed/attributes.toml`) as Rust data, and as the JSON
//! rules the build stamps into the loader: one schema, read once, here.

use serde::Deserialize;
use std::fmt::Write;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    attribute: Vec<Attribute>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Attribute {
    name: String,
    kind: String,
    #[serde(default)]
    min: Option<u32>,
    #[serde(default)]
    max: Option<u32>,
    #[serde(default)]
    choices: Vec<String>,
    does: String,
    default: String,
}

/// Reads the schema and returns the generated Rust source, or what is wrong with it.
pub fn render(toml_text: &str) -> Result<String, String> {
    let file: File = toml::from_str(toml_text).map_err(|e| format!("attributes.toml: {e}"))?;
    let mut rust = String::from("/// Every public attribute, in the README's order.\npub static ATTRIBUTES: &[Attribute] = &[\n");
    let mut json = Vec::new();
    for a in &file.attribute {
        let kind = rust_kind(a)?;
        if a.does.trim().is_empty() || a.default.trim().is_empty() {
            return Err(format!(
                "attributes.toml: {} needs `does` and `default`",
                a.name
            ));
        }
        let _ = writeln!(
            rust,
            "    Attribute {{ name: {:?}, kind: {kind} }},",
            a.name
        );
        json.push(json_rule(a));
    }
    rust.push_str("];\n\n/// The same rules as JSON, for the loader (stamped in by the build).\n");
    let _ = writeln!(
        rust,
        "pub const ATTRIBUTES_JSON: &str = {:?};",
        format!("[{}]", json.join(","))
    );
    let sections = file
        .attribute
        .iter()
        .find(|a| a.kind == "sections")
        .map(|a| a.choices.clone())
        .unwrap_or_default();
    let names: Vec<String> = sections.iter().map(|c| format!("{c:?}")).collect();
    let _ = writeln!(
        rust,
        "\n/// The words `sections` takes, in the default order.\npub const SECTION_NAMES: &[&str] = &[{}];",
        names.join(", ")
    );
    Ok(rust)
}

/// The attribute's `Kind` as Rust (`Kind::Text { max: 80 }`), or what it lacks.
fn rust_kind(a: &Attribute) -> Result<String, String> {
    let need = |field: Option<u32>, what: &str| {
        field.ok_or_else(|| format!("attributes.toml: {} ({}) needs `{what}`", a.name, a.kind))
    };
    Ok(match a.kind.as_str() {
        "text" => format!("Kind::Text {{ max: {} }}", need(a.max, "max")?),
        "key" => format!("Kind::Key {{ max: {} }}", need(a.max, "max")?),
        "url" => format!("Kind::Url {{ max: {} }}", need(a.max, "max")?),
        "integer" => format!(
            "Kind::Integer {{ min: {}, max: {} }}",
            need(a.min, "min")?,
            need(a.max, "max")?
        ),
        "sections" if !a.choices.is_empty() => "Kind::Sections".to_string(),
        "phone" => "Kind::Phone".into(),
        "lang" => "Kind::Lang".into(),
        "languages" => "Kind::Languages".into(),
        "colour" => "Kind::Colour".into(),
        "keyword" => "Kind::Keyword".into(),
        other => {
            return Err(format!(
                "attributes.toml: {}: unknown kind {other:?} (or no choices)",
                a.name
            ))
        }
    })
}

/// The attribute's rule as the loader reads it: `{"name":…,"kind":…,"min":…,…}`.
fn json_rule(a: &Attribute) -> String {
    let mut rule = format!("{{\"name\":{:?},\"kind\":{:?}", a.name, a.kind);
    if let Some(min) = a.min {
        let _ = write!(rule, ",\"min\":{min}");
    }
    if let Some(max) = a.max {
        let _ = write!(rule, ",\"max\":{max}");
    }
    if !a.choices.is_empty() {
        let choices: Vec<String> = a.choices.iter().map(|c| format!("{c:?}")).collect();
        let _ = write!(rule, ",\"choices\":[{}]", choices.join(","));
    }
    rule.push('}');
    rule
}
