//! The list of the guide's parts. Buttons, not links: the widget lives inside
//! someone else's page, so it must not change the page's URL or scroll.
//!
//! On a small screen the list folds behind one "Contents: <part>" button (after
//! GOV.UK's contents list, as a disclosure: a button with `aria-expanded` and the list
//! after it), so the start of the guide's text is on the first screen. The stylesheet
//! decides when it folds (`kg-nav-toggle` is not shown on a wide guide, where the list
//! always shows); the markup is the same at every size. The loader opens the parts and
//! runs the disclosure, before and after the wasm (one implementation, issue 24).

use crate::components::context::use_guide;
use crate::content::Section;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SectionNavProps {
    pub sections: Vec<Section>,
    pub current: Section,
}

#[function_component(SectionNav)]
pub fn section_nav(props: &SectionNavProps) -> Html {
    let context = use_guide();
    let ui = &context.guide().ui;
    let items = props.sections.iter().map(|&section| {
        let current = section == props.current;
        let class = classes!(
            "kg-nav-button",
            (section == Section::Warnings).then_some("kg-nav-warning"),
        );
        html! {
            <li>
                <button type="button" {class} aria-current={current.then_some("true")}
                    data-section={section.name()}>
                    { section.title(ui) }
                </button>
            </li>
        }
    });
    html! {
        <nav class="kg-nav" aria-label={ui.sections_label}>
            <button type="button" class="kg-nav-toggle" aria-expanded="false" aria-controls="kg-nav-list">
                <span class="kg-nav-toggle-label">{ ui.contents }</span>
                {" "}
                <span class="kg-nav-toggle-current">{ props.current.title(ui) }</span>
            </button>
            <ul id="kg-nav-list">{ for items }</ul>
        </nav>
    }
}
