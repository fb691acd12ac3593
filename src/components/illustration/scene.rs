//! The illustration's fixed markup as data: `scene.svg`, turned into a static tree by
//! `build/svg.rs`, built here into Yew nodes. Only the labels and the text alternative
//! are drawn by code (they are localised and move with the scene).

use yew::virtual_dom::{VList, VNode, VTag};
use yew::{AttrValue, Html};

/// One element of `scene.svg`.
pub struct SvgNode {
    pub tag: &'static str,
    pub attrs: &'static [(&'static str, &'static str)],
    pub children: &'static [SvgNode],
}

include!(concat!(env!("OUT_DIR"), "/scene.rs"));

/// The nodes, with `{id}` replaced by the instance prefix and each `<kg-slot name=…>`
/// replaced by what `slot` returns for its name.
pub fn build(nodes: &'static [SvgNode], id: &str, slot: &dyn Fn(&str) -> Html) -> Html {
    let mut list = VList::new();
    for node in nodes {
        if node.tag == "kg-slot" {
            let name = node.attrs.iter().find(|(k, _)| *k == "name");
            list.add_child(slot(name.map_or("", |(_, v)| v)));
            continue;
        }
        let mut tag = VTag::new(AttrValue::Static(node.tag));
        for (key, value) in node.attrs {
            let value = if value.contains("{id}") {
                AttrValue::from(value.replace("{id}", id))
            } else {
                AttrValue::Static(value)
            };
            tag.add_attribute(key, value);
        }
        if !node.children.is_empty() {
            tag.add_child(build(node.children, id, slot));
        }
        list.add_child(VNode::from(tag));
    }
    VNode::from(list)
}
