//! Headings whose level follows the `heading-level` attribute, so the widget's
//! outline fits into the host page's.

use super::context::use_guide;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeadingProps {
    /// Levels below the widget's title: 0 for the title, 1 for a section, 2 inside a section.
    #[prop_or_default]
    pub depth: u8,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
    /// Set to let focus be moved here after a section change.
    #[prop_or_default]
    pub node_ref: NodeRef,
    #[prop_or_default]
    pub focusable: bool,
    /// A `part` name, for hosts that style the title through `::part()`.
    #[prop_or_default]
    pub part: Option<AttrValue>,
    pub children: Html,
}

/// `<h{level + depth}>`, never deeper than `<h6>`.
#[function_component(Heading)]
pub fn heading(props: &HeadingProps) -> Html {
    let context = use_guide();
    let level = (context.config.heading_level + props.depth).clamp(1, 6);
    let tag = format!("h{level}");
    let tabindex = props.focusable.then_some("-1");
    html! {
        <@{tag} id={props.id.clone()} class={props.class.clone()} ref={props.node_ref.clone()} tabindex={tabindex} part={props.part.clone()}>
            { props.children.clone() }
        </@>
    }
}
