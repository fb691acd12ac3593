//! Build-time half of the document: server-renders the guide and turns the HTML into
//! the JSON tree the loader builds (see the module above).

use super::config;
use crate::components::app::{App, AppProps};
use crate::components::context::RenderMode;
use crate::content::VALUE_NAMES;
use crate::content::{guide, Lang};
use scraper::{Html, Node};
use serde_json::{json, Map, Value};

/// The guide in `lang` as the document's HTML (markers still in place).
pub async fn render(lang: Lang) -> String {
    yew::LocalServerRenderer::<App>::with_props(AppProps {
        config: config(lang),
        mode: RenderMode::Document,
    })
    .hydratable(false)
    .render()
    .await
}

/// The document's JSON tree for `html` in `lang`, each marker replaced by a
/// `data-kg-v` span holding the language's default. A marker inside an attribute
/// cannot be filled in by the loader, so it is an error that names the attribute.
pub fn to_tree(html: &str, lang: Lang) -> Result<Value, String> {
    let fragment = Html::parse_fragment(html);
    let root = fragment.root_element();
    let mut nodes = Vec::new();
    for child in root.children() {
        nodes.extend(convert(child, lang)?);
    }
    match nodes.len() {
        1 => Ok(nodes.remove(0)),
        n => Err(format!(
            "the document should have one root element, found {n} nodes"
        )),
    }
}

fn convert(node: ego_tree::NodeRef<'_, Node>, lang: Lang) -> Result<Vec<Value>, String> {
    match node.value() {
        Node::Text(text) => Ok(text_with_values(text, lang)),
        Node::Element(element) => {
            let mut attributes = Map::new();
            for (name, value) in element.attrs() {
                if value.contains('\u{E000}') {
                    return Err(format!(
                        "<{}> attribute {name}=\"{value}\" holds a practice value; the loader fills only text",
                        element.name()
                    ));
                }
                attributes.insert(name.to_string(), Value::String(value.to_string()));
            }
            let mut out = vec![json!(element.name()), Value::Object(attributes)];
            for child in node.children() {
                out.extend(convert(child, lang)?);
            }
            Ok(vec![Value::Array(out)])
        }
        _ => Ok(Vec::new()),
    }
}

/// Splits text at its markers: plain text stays a string, each marker becomes
/// `["span", {"data-kg-v": name}, default]`.
fn text_with_values(text: &str, lang: Lang) -> Vec<Value> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('\u{E000}') {
        if start > 0 {
            out.push(json!(rest[..start]));
        }
        let after = &rest[start + '\u{E000}'.len_utf8()..];
        let Some(end) = after.find('\u{E001}') else {
            break;
        };
        let name = &after[..end];
        out.push(json!(["span", { "data-kg-v": name }, default_value(name, lang)]));
        rest = &after[end + '\u{E001}'.len_utf8()..];
    }
    if !rest.is_empty() {
        out.push(json!(rest));
    }
    out
}

/// What a marked value shows until the loader fills it in: the language's default,
/// or nothing for the phone (whose parts are hidden until a practice sets one).
fn default_value(name: &str, lang: Lang) -> &'static str {
    let params = &guide(lang).params;
    debug_assert!(VALUE_NAMES.contains(&name), "unknown value {name}");
    match name {
        "practice_name" => params.practice_name,
        "emergency_number" => params.emergency_number,
        "lifting_limit" => params.lifting_limit,
        "follow_up" => params.follow_up,
        "driving" => params.driving,
        "return_to_work" => params.return_to_work,
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(lang: Lang) -> Value {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("runtime");
        let html = runtime.block_on(render(lang));
        to_tree(&html, lang).expect("tree")
    }

    fn walk<'a>(value: &'a Value, out: &mut Vec<&'a Value>) {
        out.push(value);
        if let Some(items) = value.as_array() {
            for child in items.iter().skip(2) {
                walk(child, out);
            }
        }
    }

    #[test]
    fn every_section_and_step_is_in_the_document_with_one_shown() {
        for lang in Lang::ALL {
            let t = tree(lang);
            let mut all = Vec::new();
            walk(&t, &mut all);
            let attr = |v: &Value, name: &str| v.get(1).and_then(|a| a.get(name)).cloned();
            let panels: Vec<_> = all
                .iter()
                .filter(|v| attr(v, "data-kg-panel").is_some())
                .collect();
            assert_eq!(panels.len(), crate::content::Section::ALL.len(), "{lang:?}");
            assert_eq!(
                panels
                    .iter()
                    .filter(|p| attr(p, "hidden").is_none())
                    .count(),
                1
            );
            let steps: Vec<_> = all
                .iter()
                .filter(|v| attr(v, "data-kg-step").is_some())
                .collect();
            assert_eq!(steps.len(), guide(lang).steps.len(), "{lang:?}");
        }
    }

    #[test]
    fn each_island_is_marked_once_and_is_all_its_host_holds() {
        // The live root empties an island's host and renders the island into it: a
        // panel holding anything besides its island would lose it.
        use crate::islands::Island;
        let attr = |v: &Value, name: &str| {
            v.get(1)
                .and_then(|a| a.get(name))
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        let marked = |v: &Value, island: Island| {
            attr(v, "data-kg-island").as_deref() == Some(island.marker())
        };
        for lang in Lang::ALL {
            let t = tree(lang);
            let mut all = Vec::new();
            walk(&t, &mut all);
            let children = |v: &Value| v.as_array().map_or(Vec::new(), |a| a[2..].to_vec());
            for island in Island::ALL {
                let count = all.iter().filter(|v| marked(v, island)).count();
                assert_eq!(count, 1, "{island:?} in {lang:?}");
                match island.section() {
                    Some(section) => {
                        let panel = all
                            .iter()
                            .find(|v| attr(v, "data-kg-panel").as_deref() == Some(section.name()))
                            .expect("the island's panel");
                        let inside = children(panel);
                        assert_eq!(inside.len(), 1, "{island:?}'s panel in {lang:?}");
                        assert!(marked(&inside[0], island), "{island:?} in {lang:?}");
                    }
                    None => assert!(
                        children(&t).iter().any(|v| marked(v, island)),
                        "{island:?} is a part of the guide's root in {lang:?}"
                    ),
                }
            }
        }
    }

    #[test]
    fn practice_values_are_marked_spans_holding_the_default() {
        let t = tree(Lang::En);
        let text = t.to_string();
        assert!(
            !text.contains('\u{E000}'),
            "a marker was left in the document"
        );
        assert!(text.contains(r#"["span",{"data-kg-v":"practice_name"},"your care team"]"#));
        assert!(text.contains(r#"{"data-kg-v":"emergency_number"},"911"]"#));
        assert!(text.contains(r#""data-kg-tel":"practice_phone""#));
        assert!(text.contains(r#""data-kg-unless":"practice_phone""#));
    }

    #[test]
    fn printed_pages_carry_the_address_to_fill_in_and_no_code() {
        // The document cannot know the page's address: the sheet and the blank diary
        // print it in text (the loader fills it in), never a QR code of a placeholder.
        for lang in Lang::ALL {
            let text = tree(lang).to_string();
            let address =
                r#"["span",{"class":"kg-share-address"},["span",{"data-kg-v":"share_url"},""]]"#;
            assert_eq!(
                text.matches(address).count(),
                2,
                "{lang:?}: the sheet and the blank diary"
            );
            assert!(text.contains(guide(lang).ui.share_open));
            assert!(!text.contains("kg-share-qr"));
        }
    }

    #[test]
    fn a_marker_in_an_attribute_is_refused() {
        let html = format!("<p title=\"{}\">x</p>", super::super::marker("driving"));
        assert!(to_tree(&html, Lang::En).is_err());
    }
}
